/* pane_review.c - action review: every open action from earlier meetings,
 * overdue first, with days overdue, slips and meetings carried. Enter offers
 * done, a new due date (a slip), a new owner, or dropping it with a reason;
 * each change is an event tied to this meeting. Rows are read a page at a
 * time, so a long history costs no more than a short one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_view.h"
#include "draw.h"
#include "list.h"
#include "form.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"


static int64_t n_open, n_overdue; /* of earlier meetings, for the heading */

static bool page_load(struct tui *t, const struct store_cursor *cur, size_t limit)
{
	struct meeting_view *mv = t->mv;
	item_list_free(mv->items, mv->n_items);
	mv->items = NULL;
	mv->n_items = 0;
	if (store_open_actions(t->st, mv->run.m.id, cur, limit, &mv->items, &mv->n_items) ==
	    STORE_OK)
		return true;
	tui_flash(t, true, "%s", store_errmsg(t->st));
	return false;
}

static size_t page_count(const struct tui *t) { return t->mv->n_items; }

static const struct store_cursor *page_at(const struct tui *t, size_t i)
{
	static struct store_cursor c;
	store_open_action_cursor(&t->mv->items[i], &c);
	return &c;
}

static const struct pager_ops pager = { page_load, page_count, page_at };

/* Reads the counts and the page of open actions around the cursor; afresh
 * (the actions changed) or on or back from the rows held. */
static void load_page(struct tui *t, bool afresh)
{
	struct meeting_view *mv = t->mv;
	if (afresh) {
		if (mv->n_items && mv->offset > 0 && mv->sel > 0) { /* the same place again */
			pager_reread(t, &pager, &mv->offset, pager_window(t));
		} else {
			item_list_free(mv->items, mv->n_items);
			mv->items = NULL;
			mv->n_items = 0;
			mv->offset = 0;
		}
		if (store_action_counts(t->st, clock_today(), mv->run.m.id, &n_open, &n_overdue) !=
		    STORE_OK)
			tui_flash(t, true, "%s", store_errmsg(t->st));
		mv->total = (size_t)n_open;
	}
	pager_seek(t, &pager, &mv->offset, (size_t)mv->sel, mv->total, pager_window(t));
}

static void load(struct tui *t) { load_page(t, true); }

/* Columns: due, days late, slips, meetings carried, owner, department (when
 * there is room), then the action's text in what is left; a narrow pane puts
 * the text on a second line. */
static void draw_row(const struct item *it, int y, int x, int w, bool cur, cx_date today,
		     bool two_lines)
{
	char date[16], cols[64];
	int late = action_days_overdue(it, today);
	attr_t a = cur ? theme(C_SELECTED) : theme(C_NORMAL);
	draw_fill(y, x, w, a);
	snprintf(cols, sizeof cols, "%s %5s %4d %4d ", fmt_date(it->due, date, sizeof date), "",
		 it->slips, it->carried);
	int used = draw_text(y, x, cols, w, cur ? a : theme(C_MUTED));
	if (late) {
		char l[16];
		snprintf(l, sizeof l, "%4dd", late);
		draw_text(y, x + 11, l, 5, cur ? a : theme(C_WARNING));
	}
	int ow = two_lines ? (w - used) / 2 : 16;
	draw_text(y, x + used, it->person_name ? it->person_name : "-", ow - 1, a);
	used += ow;
	if (two_lines || w >= 90) {
		int dw = two_lines ? w - used : 13;
		draw_text(y, x + used, it->dept_name ? it->dept_name : "-", dw, cur ? a : theme(C_MUTED));
		used += dw + 1;
	}
	if (two_lines) {
		draw_fill(y + 1, x, w, a);
		draw_text(y + 1, x + 2, it->text, w - 2, a);
	} else {
		draw_text(y, x + used, it->text, w - used, a);
	}
}

static void draw(struct tui *t, int y, int x, int h, int w)
{
	struct meeting_view *mv = t->mv;
	cx_date today = clock_today();
	bool two = w < 75;
	int rh = two ? 2 : 1;
	char head[200];
	snprintf(head, sizeof head, "Open actions from earlier meetings: %lld, %lld overdue.  "
		 "Enter: done, new date, new owner, drop", (long long)n_open, (long long)n_overdue);
	int hr = draw_wrapped(y, x, head, w, 2, theme(C_HEADING));
	if (mv->n_items == 0) {
		draw_text(y + hr + 1, x, "No open actions from earlier meetings.", w, theme(C_MUTED));
		return;
	}
	draw_line(y + hr, x, two ? "Due         Late Slip Carr Owner / department / action"
			: w >= 90 ? "Due         Late Slip Carr Owner           Department    Action"
				  : "Due         Late Slip Carr Owner           Action",
		  w, theme(C_MUTED) | A_UNDERLINE);
	int rows = (h - hr - 1) / rh;
	if (rh == 1)
		list_area(t, y + hr + 1, x, w, rows, mv->sel, &mv->top, mv->total);
	else
		cursor_scroll(mv->sel, &mv->top, rows);
	for (int r = 0; r < rows; r++) {
		long idx = (long)mv->top + r - (long)mv->offset;
		if (idx < 0 || (size_t)idx >= mv->n_items)
			break;
		draw_row(&mv->items[idx], y + hr + 1 + r * rh, x, w, mv->top + r == mv->sel, today, two);
	}
}

/* Enter: the shared action menu, its changes tied to this meeting. */
static void review_menu(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	const struct item *sel = mv_selected(t);
	if (sel && action_menu(t, sel, mv->run.m.id, mv->next_date))
		mv_reload(t); /* keeps the cursor on a row that still exists */
}

static enum action key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	(void)ch;
	(void)is_key;
	struct meeting_view *mv = t->mv;
	if (mv_move(t, a, mv->total, 10)) {
		load_page(t, false);
		return ACT_NONE;
	}
	if (a == ACT_SELECT) {
		review_menu(t);
		return ACT_NONE;
	}
	return items_key(t, a);
}

const struct pane_ops pane_review = {.load = load, .draw = draw, .key = key};
