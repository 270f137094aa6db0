/* pane_review.c - action review: every open action from earlier meetings,
 * overdue first, with days overdue, slips and meetings carried. Enter offers
 * done, a new due date (a slip), a new owner, or dropping it with a reason;
 * each change is an event tied to this meeting. Rows are read a page at a
 * time, so a long history costs no more than a short one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_view.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

#define PAGE 200

static int64_t n_open, n_overdue; /* of earlier meetings, for the heading */

static void load_at(struct tui *t, size_t offset)
{
	struct meeting_view *mv = t->mv;
	item_list_free(mv->items, mv->n_items);
	mv->items = NULL;
	mv->n_items = 0;
	if (store_open_actions(t->st, mv->run.m.id, offset, PAGE, &mv->items, &mv->n_items) !=
		    STORE_OK ||
	    store_action_counts(t->st, clock_today(), mv->run.m.id, &n_open, &n_overdue) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	mv->offset = offset;
	mv->total = (size_t)n_open > offset + mv->n_items ? (size_t)n_open : offset + mv->n_items;
}

static void load(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	size_t want = mv->sel > PAGE / 2 ? (size_t)mv->sel - PAGE / 2 : 0;
	load_at(t, want);
}

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
	cursor_scroll(mv->sel, &mv->top, rows);
	for (int r = 0; r < rows; r++) {
		long idx = (long)mv->top + r - (long)mv->offset;
		if (idx < 0 || (size_t)idx >= mv->n_items)
			break;
		draw_row(&mv->items[idx], y + hr + 1 + r * rh, x, w, mv->top + r == mv->sel, today, two);
	}
}

static const char *check_reason(const char *text, void *ctx, char *buf, size_t len)
{
	(void)ctx;
	char *clean = text_clean(text, TEXT_SHORT, "reason", buf, len);
	if (!clean)
		return buf;
	free(clean);
	return NULL;
}

static const char *check_due(const char *text, void *ctx, char *buf, size_t len)
{
	struct date_context *dc = ctx;
	cx_date d;
	return date_parse_due(text, dc, &d, buf, len) == 0 ? NULL : buf;
}

/* Applies one of the review's changes to the action; true when saved. */
static bool act(struct tui *t, const struct item *sel, int choice)
{
	struct meeting_view *mv = t->mv;
	store_id meeting = mv->run.m.id;
	time_t now = clock_now();
	enum store_rc rc = STORE_OK;
	struct item it;
	char *text = NULL;
	if (choice == 0 || choice == 3) {
		if (choice == 3 && !(text = dialog_input(t, "Why is it dropped?", "", check_reason, NULL)))
			return false;
		rc = store_item_set_status(t->st, sel->id, choice == 0 ? STATUS_DONE : STATUS_DROPPED,
					   text, meeting, now);
		free(text);
		if (rc != STORE_OK)
			tui_flash(t, true, "%s", store_errmsg(t->st));
		return rc == STORE_OK;
	}
	if (store_item_get(t->st, sel->id, &it) != STORE_OK)
		return false;
	bool changed = false;
	if (choice == 1) {
		struct date_context dc = {clock_today(), mv->next_date};
		char cur[16];
		text = dialog_input(t, "New due date (counted as a slip if later)",
				    fmt_date(mv->next_date, cur, sizeof cur), check_due, &dc);
		changed = text && date_parse_due(text, &dc, &it.due, cur, sizeof cur) == 0;
	} else if (choice == 2) {
		store_id who = pick_person(t, "New owner", "");
		changed = who != 0 && who != it.person_id;
		it.person_id = who ? who : it.person_id;
	}
	if (changed && (rc = store_item_update(t->st, &it, meeting, now)) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	free(text);
	item_free(&it);
	return changed && rc == STORE_OK;
}

static void review_menu(struct tui *t)
{
	const struct item *sel = mv_selected(t);
	if (!sel)
		return;
	static const char *const labels[] = {"Done", "New due date", "New owner", "Drop (with a reason)"};
	struct pick_option opts[4];
	for (int i = 0; i < 4; i++)
		opts[i] = (struct pick_option){i, (char *)labels[i], NULL};
	int choice = dialog_pick(t, sel->text, opts, 4, "", NULL);
	if (choice < 0)
		return;
	store_id id = sel->id;
	if (act(t, sel, choice)) {
		tui_flash(t, false, "Action #%lld: %s.", (long long)id, labels[choice]);
		mv_reload(t); /* keeps the cursor on a row that still exists */
	}
}

static enum action key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	(void)ch;
	(void)is_key;
	struct meeting_view *mv = t->mv;
	if (mv_move(t, a, mv->total, 10)) {
		if ((size_t)mv->sel < mv->offset || (size_t)mv->sel >= mv->offset + mv->n_items)
			load(t);
		return ACT_NONE;
	}
	if (a == ACT_SELECT) {
		review_menu(t);
		return ACT_NONE;
	}
	return items_key(t, a);
}

const struct pane_ops pane_review = {.load = load, .draw = draw, .key = key};
