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

static void load_at(struct tui *t, size_t offset)
{
	struct meeting_view *mv = t->mv;
	item_list_free(mv->items, mv->n_items);
	mv->items = NULL;
	mv->n_items = 0;
	if (store_open_actions(t->st, mv->run.m.id, offset, PAGE, &mv->items, &mv->n_items) !=
	    STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	mv->offset = offset;
	/* One row past the page says "there is more" until the next page is read. */
	mv->total = offset + mv->n_items + (mv->n_items == PAGE);
}

static void load(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	size_t want = mv->sel > PAGE / 2 ? (size_t)mv->sel - PAGE / 2 : 0;
	load_at(t, want);
}

static void draw(struct tui *t, int y, int x, int h, int w)
{
	struct meeting_view *mv = t->mv;
	cx_date today = clock_today();
	char head[160];
	snprintf(head, sizeof head, "Open actions from earlier meetings%s  (Enter: done, new date, "
		 "new owner, drop)", mv->n_items == PAGE ? " (many)" : "");
	draw_line(y, x, head, w, theme(C_HEADING));
	if (mv->n_items == 0) {
		draw_text(y + 2, x, "No open actions from earlier meetings.", w, theme(C_MUTED));
		return;
	}
	int rows = h - 1;
	if (mv->sel < mv->top)
		mv->top = mv->sel;
	if (mv->sel >= mv->top + rows)
		mv->top = mv->sel - rows + 1;
	for (int r = 0; r < rows; r++) {
		long idx = (long)mv->top + r - (long)mv->offset;
		if (idx < 0 || (size_t)idx >= mv->n_items)
			break;
		const struct item *it = &mv->items[idx];
		bool cur = mv->top + r == mv->sel;
		int late = action_days_overdue(it, today);
		char date[16], left[64], right[300];
		snprintf(left, sizeof left, "%s %s", fmt_date(it->due, date, sizeof date),
			 late ? "" : "    ");
		if (late)
			snprintf(left + strlen(left), sizeof left - strlen(left), "%3dd late", late);
		else
			snprintf(left + strlen(left), sizeof left - strlen(left), "     ");
		char slips[32] = "", carried[32] = "";
		if (it->slips)
			snprintf(slips, sizeof slips, "slipped %d · ", it->slips);
		if (it->carried)
			snprintf(carried, sizeof carried, "carried %d · ", it->carried);
		snprintf(right, sizeof right, "%s%s%s · %s", slips, carried,
			 it->person_name ? it->person_name : "no owner",
			 it->dept_name ? it->dept_name : "-");
		attr_t a = cur ? theme(C_SELECTED) : theme(C_NORMAL);
		draw_fill(y + 1 + r, x, w, a);
		int used = draw_text(y + 1 + r, x, left, w, cur ? a : late ? theme(C_WARNING)
								     : theme(C_MUTED));
		int rw = text_cols(right);
		if (rw > w / 3)
			rw = w / 3;
		draw_text(y + 1 + r, x + used + 1, it->text, w - used - rw - 3, a);
		draw_text(y + 1 + r, x + w - rw, right, rw, cur ? a : theme(C_MUTED));
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
	int choice = dialog_pick(t, sel->text, opts, 4, "");
	if (choice < 0)
		return;
	store_id id = sel->id;
	if (act(t, sel, choice)) {
		tui_flash(t, false, "Action #%lld: %s.", (long long)id, labels[choice]);
		load(t);
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
