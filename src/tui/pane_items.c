/* pane_items.c - the pane of steps without a screen of their own (story,
 * insights, new actions, free topics): the items captured in this step. Also
 * the list drawing and the edit/delete keys every pane shares. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_view.h"
#include "draw.h"
#include "list.h"
#include "dialog.h"
#include "form.h"
#include "cxmeet/util.h"

static const char kind_tag[ITEM_KIND_COUNT] = {'D', 'A', 'W', 'S', 'I', 'N', 'P', 'M', 'T'};

const char *fmt_date(cx_date d, char *buf, size_t len)
{
	date_format(d, buf, len);
	return buf;
}

/* "Sales · Ana · due 2026-12-04" (caller frees): as long as the names are. */
static char *item_meta(const struct item *it)
{
	return item_meta_text(it, ITEM_META_MORE);
}

/* The step's items as drawn, for the mouse: a click moves the cursor to the
 * item on the row clicked, its detail's rows too (not while the cursor is in
 * the list of what waits for the step). rows[r] is the item on row r. */
static void items_area(struct tui *t, int y, int x, int h, int w, const int *rows)
{
	struct meeting_view *mv = t->mv;
	if (!mv->waiting_focus)
		tui_area_add(t, &(struct tui_area){.kind = AREA_LIST, .y = y, .x = x, .h = h,
						   .w = w, .top = mv->top, .sel = mv->sel,
						   .n = mv->offset + mv->n_items, .rows = rows});
}

/* One row of the list: the item's kind, text and details. */
static void item_row(int y, int x, int w, const struct item *it, bool cur)
{
	attr_t a = cur ? theme(C_SELECTED) : theme(C_NORMAL);
	char tag[8];
	snprintf(tag, sizeof tag, "[%c] ", kind_tag[it->kind]);
	char *meta = item_meta(it);
	draw_fill(y, x, w, a);
	int used = draw_text(y, x, tag, w, cur ? a : theme(C_HEADING));
	/* The text keeps most of the row; details that do not fit lose their
	 * last parts, then the department, so that the name is read whole, and
	 * the detail area under the list shows them all. */
	int avail = w - used;
	int mw = list_meta_cols(avail, text_cols(it->text), text_cols(meta));
	char *cut = list_meta_cut(meta, it->person_name, mw);
	free(meta);
	meta = cut;
	/* the text gets what they leave */
	mw = list_meta_room(avail, mw, meta, it->person_name != NULL);
	if (mw < 6)
		mw = 0;
	int tw = avail - (mw ? mw + 2 : 0);
	draw_text_fit(y, x + used, it->text, tw, a);
	if (mw)
		draw_text_fit(y, x + w - mw, meta, mw, cur ? a : theme(C_MUTED));
	free(meta);
}

void items_draw_rows(int y, int x, int h, int w, const struct item *items, size_t n,
		     int first_index, int sel, int *top, int *rows)
{
	if (*top < first_index)
		*top = first_index;
	if (sel >= first_index && sel < *top)
		*top = sel;
	if (sel >= first_index && sel >= *top + h)
		*top = sel - h + 1;
	for (int r = 0; r < h; r++) {
		int idx = *top + r;
		bool shown = idx - first_index < (int)n;
		if (rows)
			rows[r] = shown ? idx : -1;
		if (shown)
			item_row(y + r, x, w, &items[idx - first_index], idx == sel);
	}
}

void items_draw(int y, int x, int h, int w, const struct item *items, size_t n,
		int first_index, int sel, int *top)
{
	items_draw_rows(y, x, h, w, items, n, first_index, sel, top, NULL);
}

/* The columns a detail is indented by under its item's row, past "[A] ". */
#define DETAIL_INDENT 4

/* The rows of an item's detail under its row in the list: none for the
 * item under the cursor (the preview shows it whole) or without one. */
static int detail_list_rows(const struct item *it, bool cur, int w)
{
	if (cur || !it->detail || !*it->detail || w <= DETAIL_INDENT + 8)
		return 0;
	return text_wrap_rows(it->detail, w - DETAIL_INDENT, ITEMS_LIST_DETAIL_ROWS);
}

int items_list_rows(const struct item *items, size_t n, int first_index, int sel, int w)
{
	int rows = 0;
	for (size_t i = 0; i < n; i++)
		rows += 1 + detail_list_rows(&items[i], (int)i + first_index == sel, w);
	return rows;
}

void items_draw_details(int y, int x, int h, int w, const struct item *items, size_t n,
			int first_index, int sel, int *top, int *rows)
{
	if (items_list_rows(items, n, first_index, sel, w) > h) {
		items_draw_rows(y, x, h, w, items, n, first_index, sel, top, rows);
		return;
	}
	*top = first_index;
	for (int r = 0; rows && r < h; r++)
		rows[r] = -1;
	int row = y;
	for (size_t i = 0; i < n; i++) {
		bool cur = (int)i + first_index == sel;
		int from = row;
		item_row(row++, x, w, &items[i], cur);
		int dr = detail_list_rows(&items[i], cur, w);
		/* wrapped, and cut with "…" past its rows */
		if (dr)
			row += draw_wrapped_fit(row, x + DETAIL_INDENT, items[i].detail,
						w - DETAIL_INDENT, dr, theme(C_MUTED));
		for (int r = from; rows && r < row && r - y < h; r++)
			rows[r - y] = (int)i + first_index; /* a click on its detail picks it too */
	}
}

/* The meeting view's map of the list's rows to its items, for h rows. */
static int *mv_row_items(struct meeting_view *mv, int h)
{
	if (h < 1)
		h = 1;
	if ((size_t)h > mv->n_row_item) {
		mv->row_item = xrealloc(mv->row_item, (size_t)h * sizeof *mv->row_item);
		mv->n_row_item = (size_t)h;
	}
	return mv->row_item;
}

/* Rows for the text, the details line and the detail text of `it` in h rows
 * of w columns under the rule: the text first (leaving a row to each of the
 * others), then the details, then the detail text in what is left. */
static void detail_layout(const struct item *it, const char *meta, int w, int h, int *text_rows,
			  int *meta_rows, int *detail_rows)
{
	bool has_meta = *meta, has_detail = it->detail && *it->detail;
	int left = h;
	int want = text_wrap_rows(it->text, w, left);
	int room = left - has_meta - has_detail;
	*text_rows = want < room ? want : room > 1 ? room : 1;
	left -= *text_rows;
	*meta_rows = 0;
	if (has_meta && left > 0) {
		want = text_wrap_rows(meta, w, left);
		room = left - has_detail;
		*meta_rows = want < room ? want : room > 1 ? room : 1;
		left -= *meta_rows;
	}
	*detail_rows = has_detail && left > 0 ? text_wrap_rows(it->detail, w, left) : 0;
}

/* The details line of the preview: the meta, and what a story set going. */
static char *detail_meta(const struct item *it, const char *chain)
{
	char *meta = item_meta(it);
	if (!chain)
		return meta;
	char *both = xasprintf("%s%s%s", meta, *meta ? " · " : "", chain);
	free(meta);
	return both;
}

int items_detail_rows(const struct item *it, const char *chain, int w, int max_rows)
{
	if (!it || max_rows < 2)
		return max_rows;
	char *meta = detail_meta(it, chain);
	int tr, mr, dr;
	detail_layout(it, meta, w, max_rows - 1, &tr, &mr, &dr);
	free(meta);
	return 1 + tr + mr + dr;
}

int items_detail_draw(int y, int x, int w, int h, const struct item *it, const char *chain)
{
	if (!it || h < 2)
		return 0;
	char *meta = detail_meta(it, chain);
	int tr, mr, dr;
	detail_layout(it, meta, w, h - 1, &tr, &mr, &dr);
	mvhline(y, x, ACS_HLINE, w);
	/* Whatever does not fit in its rows ends in an ellipsis. */
	int rows = 1 + draw_wrapped_fit(y + 1, x, it->text, w, tr, theme(C_NORMAL));
	if (mr)
		rows += draw_wrapped_fit(y + rows, x, meta, w, mr, theme(C_MUTED));
	if (dr)
		rows += draw_wrapped_fit(y + rows, x, it->detail, w, dr, theme(C_MUTED));
	free(meta);
	return rows;
}

int items_detail_height(const struct item *it, const char *chain, size_t n_items, int h, int w)
{
	/* The preview grows into the rows the list leaves empty (one kept
	 * blank between them), when its text needs them. */
	int spare = h - (int)n_items - 1;
	int most = spare > ITEMS_DETAIL_ROWS ? spare : ITEMS_DETAIL_ROWS;
	if (most > h - 1)
		most = h - 1;
	int need = items_detail_rows(it, chain, w, most);
	return need > ITEMS_DETAIL_ROWS ? need : ITEMS_DETAIL_ROWS;
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
	const struct item *sel = mv_selected(t);
	const char *chain = mv_chain(t, sel);
	/* each item's detail under it when the rows allow, else one row each */
	int rows = items_list_rows(mv->items, mv->n_items, 0, mv->sel, w);
	bool details = rows + ITEMS_DETAIL_ROWS <= h - 1;
	int dh = items_detail_height(sel, chain, details ? (size_t)rows : mv->n_items, h - 1, w);
	int list = h - 1 - dh;
	if (details)
		items_draw_details(y + 1, x, list, w, mv->items, mv->n_items, 0, mv->sel, &mv->top,
				   mv_row_items(mv, list));
	else
		items_draw_rows(y + 1, x, list, w, mv->items, mv->n_items, 0, mv->sel, &mv->top,
				mv_row_items(mv, list));
	items_area(t, y + 1, x, list, w, mv->row_item);
	items_detail_draw(y + 1 + list, x, w, dh, sel, chain);
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

void mv_load_step_items(struct tui *t, size_t before)
{
	struct meeting_view *mv = t->mv;
	const struct meeting_step *s = meeting_current(&mv->run);
	if (store_meeting_items(t->st, mv->run.m.id, s->id, &mv->items, &mv->n_items) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	mv->offset = before;
	mv->total = before + mv->n_items;
}

void mv_draw_step_items(struct tui *t, int y, int x, int h, int w, const char *empty)
{
	struct meeting_view *mv = t->mv;
	if (h <= 0)
		return;
	char head[120];
	snprintf(head, sizeof head, "Captured in this step (%zu)", mv->n_items);
	draw_line(y, x, head, w, theme(C_HEADING));
	int left = h - 1;
	if (left <= 0)
		return;
	if (mv->n_items == 0) {
		draw_wrapped(y + 1, x, empty, w, left, theme(C_MUTED));
		return;
	}
	int first = (int)mv->offset;
	const struct item *sel = mv_selected(t);
	int cur = mv->sel >= first ? mv->sel : -1;
	int rows = items_list_rows(mv->items, mv->n_items, first, cur, w);
	int dh = sel ? items_detail_height(sel, NULL, (size_t)rows, left, w) : 0;
	if (dh > left / 2)
		dh = left / 2;
	int list = left - dh;
	/* each item's detail under it when the rows allow, else one row each */
	items_draw_details(y + 1, x, list, w, mv->items, mv->n_items, first, cur, &mv->top,
			   mv_row_items(mv, list));
	items_area(t, y + 1, x, list, w, mv->row_item);
	if (dh >= 2)
		items_detail_draw(y + 1 + list, x, w, dh, sel, NULL);
}
