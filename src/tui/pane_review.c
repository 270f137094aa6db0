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

/* The columns after due, late, slips and carried: owner, department (from
 * 90 columns), the action; as wide as the names held need, within bounds. */
enum { COL_OWNER, COL_DEPT, COL_TEXT, N_COLS };
#define DUE_COLS 27 /* "2026-11-23  12d    0    1 " */

static void layout(const struct meeting_view *mv, int x, int w, struct list_col *c)
{
	const struct list_col cols[N_COLS] = {
		[COL_OWNER] = {5, 16, 30, 0, 0, 0},
		[COL_DEPT] = w >= 90 ? (struct list_col){10, 15, 30, 0, 0, 0}
				     : (struct list_col)LIST_COL_FIXED(0),
		[COL_TEXT] = LIST_COL_REST(12),
	};
	memcpy(c, cols, sizeof cols);
	for (size_t i = 0; i < mv->n_items; i++) {
		list_col_want(&c[COL_OWNER], mv->items[i].person_name);
		if (w >= 90)
			list_col_want(&c[COL_DEPT], mv->items[i].dept_name);
	}
	list_cols(c, N_COLS, x + DUE_COLS, w - DUE_COLS, 1);
	if (w < 90) /* the action where the department was */
		c[COL_TEXT].x = c[COL_DEPT].x, c[COL_TEXT].w += 1;
}

/* Columns: due, days late, slips, meetings carried, owner, department (when
 * there is room), then the action's text in what is left; a narrow pane puts
 * the owner whole and the department on the first line, the text on a
 * second. */
static void draw_row(const struct item *it, int y, int x, int w, bool cur, cx_date today,
		     bool two_lines, const struct list_col *c)
{
	char date[16], cols[64];
	int late = action_days_overdue(it, today);
	attr_t a = cur ? theme(C_SELECTED) : theme(C_NORMAL);
	draw_fill(y, x, w, a);
	snprintf(cols, sizeof cols, "%-10s %5s %4d %4d ", fmt_date(it->due, date, sizeof date), "",
		 it->slips, it->carried);
	int used = draw_text(y, x, cols, w, cur ? a : theme(C_MUTED));
	if (late) {
		char l[16];
		snprintf(l, sizeof l, "%4dd", late);
		draw_text(y, x + 11, l, 5, cur ? a : theme(C_WARNING));
	}
	if (two_lines) {
		/* the owner whole, then the department in what is left */
		used += draw_text_fit(y, x + used, it->person_name ? it->person_name : "-", w - used, a);
		if (w - used > 6) {
			used += draw_text(y, x + used, " · ", w - used, cur ? a : theme(C_MUTED));
			draw_text_fit(y, x + used, it->dept_name ? it->dept_name : "-", w - used,
				      cur ? a : theme(C_MUTED));
		}
		draw_fill(y + 1, x, w, a);
		draw_text(y + 1, x + 2, it->text, w - 2, a);
		return;
	}
	draw_text_fit(y, c[COL_OWNER].x, it->person_name ? it->person_name : "-", c[COL_OWNER].w, a);
	if (c[COL_DEPT].w)
		draw_text_fit(y, c[COL_DEPT].x, it->dept_name ? it->dept_name : "-", c[COL_DEPT].w,
			      cur ? a : theme(C_MUTED));
	draw_text(y, c[COL_TEXT].x, it->text, c[COL_TEXT].w, a);
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
	struct list_col c[N_COLS];
	layout(mv, x, w, c);
	draw_line(y + hr, x, two ? "Due         Late Slip Carr Owner / department / action"
				 : "Due         Late Slip Carr",
		  w, theme(C_MUTED) | A_UNDERLINE);
	static const char *const heads[N_COLS] = {"Owner", "Department", "Action"};
	for (int i = 0; i < N_COLS && !two; i++)
		if (c[i].w)
			draw_text(y + hr, c[i].x, heads[i], c[i].w, theme(C_MUTED) | A_UNDERLINE);
	int rows = (h - hr - 1) / rh;
	if (rh == 1 && !mv->waiting_focus) /* not while the keys go through what waits */
		list_area(t, y + hr + 1, x, w, rows, mv->sel, &mv->top, mv->total);
	else
		cursor_scroll(mv->sel, &mv->top, rows);
	for (int r = 0; r < rows; r++) {
		long idx = (long)mv->top + r - (long)mv->offset;
		if (idx < 0 || (size_t)idx >= mv->n_items)
			break;
		draw_row(&mv->items[idx], y + hr + 1 + r * rh, x, w, mv->top + r == mv->sel, today, two,
			 c);
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
