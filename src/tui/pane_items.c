/* pane_items.c - the pane of steps without a screen of their own (story,
 * insights, new actions, free topics): the items captured in this step. Also
 * the list drawing and the edit/delete keys every pane shares. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_view.h"
#include "cxmeet/util.h"

static const char kind_tag[ITEM_KIND_COUNT] = {'D', 'A', 'W', 'S', 'I', 'N', 'P', 'M'};

const char *fmt_date(cx_date d, char *buf, size_t len)
{
	date_format(d, buf, len);
	return buf;
}

/* "Sales · Ana · due 2026-12-04" */
static void item_meta(const struct item *it, char *buf, size_t len)
{
	char date[16];
	size_t n = 0;
	buf[0] = '\0';
	if (it->dept_name)
		n += (size_t)snprintf(buf + n, len - n, "%s", it->dept_name);
	if (it->person_name && n < len)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? " · " : "", it->person_name);
	if (it->due != DATE_NONE && n < len)
		n += (size_t)snprintf(buf + n, len - n, "%sdue %s", n ? " · " : "",
				      fmt_date(it->due, date, sizeof date));
	if (it->kind == ITEM_STORY && n < len)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? " · " : "",
				      it->consent ? "customer named" : "customer not named");
	if (it->revisit != DATE_NONE && n < len)
		snprintf(buf + n, len - n, "%srevisit %s", n ? " · " : "",
			 fmt_date(it->revisit, date, sizeof date));
}

void items_draw(int y, int x, int h, int w, const struct item *items, size_t n,
		int first_index, int sel, int *top)
{
	if (*top < first_index)
		*top = first_index;
	if (sel >= first_index && sel < *top)
		*top = sel;
	if (sel >= first_index && sel >= *top + h)
		*top = sel - h + 1;
	for (int r = 0; r < h; r++) {
		int idx = *top + r;
		if (idx - first_index >= (int)n)
			break;
		const struct item *it = &items[idx - first_index];
		bool cur = idx == sel;
		attr_t a = cur ? theme(C_SELECTED) : theme(C_NORMAL);
		char tag[8], meta[300];
		snprintf(tag, sizeof tag, "[%c] ", kind_tag[it->kind]);
		item_meta(it, meta, sizeof meta);
		draw_fill(y + r, x, w, a);
		int used = draw_text(y + r, x, tag, w, cur ? a : theme(C_HEADING));
		/* The text keeps most of the row; details that do not fit end in an
		 * ellipsis, and the detail area under the list shows them whole. */
		int avail = w - used;
		int mw = text_cols(meta);
		int tcols = text_cols(it->text);
		int cap = avail - 2 - tcols;
		if (cap < 16)
			cap = 16 < avail / 3 ? 16 : avail / 3;
		if (mw > cap)
			mw = cap;
		if (mw < 6)
			mw = 0;
		int tw = avail - (mw ? mw + 2 : 0);
		draw_text_fit(y + r, x + used, it->text, tw, a);
		if (mw)
			draw_text_fit(y + r, x + w - mw, meta, mw, cur ? a : theme(C_MUTED));
	}
}

int items_detail_draw(int y, int x, int w, const struct item *it)
{
	char meta[300];
	if (!it)
		return 0;
	item_meta(it, meta, sizeof meta);
	mvhline(y, x, ACS_HLINE, w);
	int rows = 1 + draw_wrapped(y + 1, x, it->text, w, 2, theme(C_NORMAL));
	if (*meta)
		rows += draw_wrapped(y + rows, x, meta, w, 1, theme(C_MUTED));
	if (it->detail)
		rows += draw_wrapped(y + rows, x, it->detail, w, 1, theme(C_MUTED));
	return rows;
}

enum action items_key(struct tui *t, enum action a)
{
	const struct item *sel = mv_selected(t);
	if (!sel || (a != ACT_EDIT && a != ACT_DELETE))
		return a;
	struct meeting_view *mv = t->mv;
	if (a == ACT_EDIT) {
		struct item it;
		if (store_item_get(t->st, sel->id, &it) != STORE_OK)
			return ACT_NONE;
		if (form_item(t, &it, mv->run.m.id, 0, NULL)) {
			tui_flash(t, false, "Saved %s #%lld.", item_kind_label(it.kind), (long long)it.id);
			mv_reload(t);
		}
		item_free(&it);
		return ACT_NONE;
	}
	char q[300];
	snprintf(q, sizeof q, "Delete this %s? It stays in the history as deleted.",
		 item_kind_label(sel->kind));
	if (!dialog_confirm(t, q))
		return ACT_NONE;
	store_id id = sel->id;
	if (meeting_delete_item(t->st, id, mv->run.m.id, clock_now()) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	else
		tui_flash(t, false, "Deleted #%lld.", (long long)id);
	mv_reload(t);
	return ACT_NONE;
}

static void load(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	const struct meeting_step *s = meeting_current(&mv->run);
	if (store_meeting_items(t->st, mv->run.m.id, s->id, &mv->items, &mv->n_items) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	mv->total = mv->n_items;
	mv->offset = 0;
}

static void draw(struct tui *t, int y, int x, int h, int w)
{
	struct meeting_view *mv = t->mv;
	const struct meeting_step *s = meeting_current(&mv->run);
	char head[120];
	snprintf(head, sizeof head, "Captured in this step (%zu)", mv->n_items);
	draw_line(y, x, head, w, theme(C_HEADING));
	if (mv->n_items == 0) {
		char hint[200];
		const char *kind = item_kind_label(step_default_kind(s->kind));
		snprintf(hint, sizeof hint, "Nothing yet. Press c to capture %s %s, or d a w s i n p m "
			 "for another kind.", strchr("aeiou", kind[0]) ? "an" : "a", kind);
		draw_wrapped(y + 2, x, hint, w, 2, theme(C_MUTED));
		return;
	}
	int list = h - 1 - ITEMS_DETAIL_ROWS;
	items_draw(y + 1, x, list, w, mv->items, mv->n_items, 0, mv->sel, &mv->top);
	items_detail_draw(y + 1 + list, x, w, mv_selected(t));
}

enum action items_list_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	(void)ch;
	(void)is_key;
	if (mv_move(t, a, t->mv->n_items, 10))
		return ACT_NONE;
	if (a == ACT_SELECT)
		a = ACT_EDIT;
	return items_key(t, a);
}

const struct pane_ops pane_items = {.load = load, .draw = draw, .key = items_list_key};

/* --- mission moment ----------------------------------------------------- */

static void mission_load(struct tui *t)
{
	t->mv->total = 0;
}

static void mission_draw(struct tui *t, int y, int x, int h, int w)
{
	struct org *o = &t->mv->org;
	int row = y;
	static const enum org_text shown[] = {ORG_MISSION, ORG_SUCCESS};
	for (size_t i = 0; i < ARRAY_SIZE(shown) && row < y + h; i++) {
		const char *text = o->text[shown[i]];
		draw_line(row++, x, org_text_label(shown[i]), w, theme(C_HEADING));
		row++;
		if (!*text) {
			char hint[160];
			snprintf(hint, sizeof hint, "Not written yet: cxmeet org set %s TEXT",
				 shown[i] == ORG_MISSION ? "mission" : "success");
			row += draw_wrapped(row, x + 2, hint, w - 4, 2, theme(C_MUTED));
		} else {
			row += draw_wrapped(row, x + 2, text, w - 4, (y + h - row) / 2 + 1,
					    theme(C_ACCENT));
		}
		row += 2;
	}
}

static enum action mission_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	(void)t;
	(void)ch;
	(void)is_key;
	return a;
}

const struct pane_ops pane_mission = {.load = mission_load, .draw = mission_draw,
				      .key = mission_key};
