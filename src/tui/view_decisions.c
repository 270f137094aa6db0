/* view_decisions.c - the decision log between meetings: every decision with
 * its department, who decided and its revisit date, those due for a revisit
 * first (in the warning colour), superseded ones muted with the decision that
 * replaced them. Below the list, the selected decision in full: text,
 * rationale, revisit date, linked items, what superseded it or what it
 * supersedes. Keys of its own: / find words, f department filter,
 * r revisit-due only, a superseded shown or hidden, s supersede by a later
 * decision, v revisit date. Rows are read a page at a time and the detail only when the cursor
 * lands on another decision, so ten years of history cost what one page does. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "list.h"
#include "screen.h"
#include "dialog.h"
#include "views.h"
#include "keymap.h"
#include "decision_edit.h"
#include "cxmeet/dates.h"
#include "cxmeet/decisions.h"
#include "cxmeet/text.h"
#include "cxmeet/search.h"
#include "cxmeet/util.h"

/* Words found count and show the newest FIND_WINDOW decisions holding them
 * at most (the title says so when older ones hold them too): gathering every
 * match of a common word read all of history. Its matches are read twice on
 * the Enter of a search (found and counted, then the first page), so its size
 * is the key's cost: 500 keeps it within 5 ms at a million items. */
#define FIND_WINDOW 500

struct decisions_state {
	struct decision_filter f;
	char *dept_name; /* the department filter's name; NULL: none */
	char *words; /* the search as typed; NULL: none */
	char *query; /* its words (search_words), f.words */
	struct decision_row *rows; /* rows offset .. offset + n */
	size_t n, offset;
	int64_t total, due;
	bool counted; /* total and due are the filter's already (a search's window counted them) */
	int sel, top;
	bool zoom; /* the detail takes the whole screen */
	int detail_top;
	/* the detail of the decision under the cursor */
	store_id detail_id;
	struct decision_link *links;
	size_t n_links;
	struct decision_ref *supersedes;
	size_t n_supersedes;
};

static void detail_clear(struct decisions_state *dv)
{
	decision_links_free(dv->links, dv->n_links);
	decision_refs_free(dv->supersedes, dv->n_supersedes);
	dv->links = NULL;
	dv->supersedes = NULL;
	dv->n_links = dv->n_supersedes = 0;
	dv->detail_id = 0;
	dv->detail_top = 0;
}

static void rows_clear(struct decisions_state *dv)
{
	decision_rows_free(dv->rows, dv->n);
	dv->rows = NULL;
	dv->n = 0;
}

static bool page_load(struct tui *t, const struct store_cursor *cur, size_t limit)
{
	struct decisions_state *dv = tui_state(t, &view_decisions);
	rows_clear(dv);
	if (decisions_list(t->st, &dv->f, cur, limit, &dv->rows, &dv->n) == STORE_OK)
		return true;
	tui_flash(t, true, "%s", store_errmsg(t->st));
	return false;
}

static size_t page_count(const struct tui *t)
{
	struct decisions_state *dv = tui_state(t, &view_decisions);
	return dv->n;
}
static const struct store_cursor *page_at(const struct tui *t, size_t i)
{
	struct decisions_state *dv = tui_state(t, &view_decisions);
	return &dv->rows[i].after;
}
static const struct pager_ops pager = { page_load, page_count, page_at };

/* Reads the page of rows around the cursor, on or back from the rows held. */
static void load_page(struct tui *t)
{
	struct decisions_state *dv = tui_state(t, &view_decisions);
	pager_seek(t, &pager, &dv->offset, (size_t)dv->sel, (size_t)dv->total, pager_window(t));
}

/* Counts and reads again, after a filter changed or a decision was changed;
 * moving the cursor only reads pages (load_page). */
static void load(struct tui *t)
{
	struct decisions_state *dv = tui_state(t, &view_decisions);
	if (dv->counted) {
		dv->counted = false;
	} else if (store_decisions_count(t->st, &dv->f, &dv->total, &dv->due) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		dv->total = dv->due = 0;
	}
	if (dv->sel >= dv->total)
		dv->sel = dv->total > 0 ? (int)dv->total - 1 : 0;
	if (dv->n && dv->offset > 0 && dv->sel > 0) { /* a change: read the same place again */
		pager_reread(t, &pager, &dv->offset, pager_window(t));
	} else { /* a new filter (the cursor back on the first row), or at the top */
		rows_clear(dv);
		dv->offset = 0;
	}
	load_page(t);
	detail_clear(dv);
}

static const struct decision_row *current(struct decisions_state *dv)
{
	long idx = (long)dv->sel - (long)dv->offset;
	return idx >= 0 && (size_t)idx < dv->n ? &dv->rows[idx] : NULL;
}

/* The linked items and what the decision supersedes, once per decision. */
static void detail_load(struct tui *t)
{
	struct decisions_state *dv = tui_state(t, &view_decisions);
	const struct decision_row *r = current(dv);
	if (!r || r->id == dv->detail_id)
		return;
	detail_clear(dv);
	dv->detail_id = r->id;
	if (store_decision_links(t->st, r->id, &dv->links, &dv->n_links) != STORE_OK ||
	    store_decision_supersedes(t->st, r->id, &dv->supersedes, &dv->n_supersedes) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
}

static void dec_open(struct tui *t)
{
	struct decisions_state *dv = tui_state(t, &view_decisions);
	memset(dv, 0, sizeof *dv);
	dv->f.today = clock_today();
	load(t);
}

static void dec_close(struct tui *t)
{
	struct decisions_state *dv = tui_state(t, &view_decisions);
	rows_clear(dv);
	detail_clear(dv);
	free(dv->words);
	free(dv->query);
	dv->words = dv->query = NULL;
	dv->f.words = NULL;
	free(dv->dept_name);
	dv->dept_name = NULL;
}

static const char *fmt_day(cx_date d, char *buf, size_t len)
{
	if (d == DATE_NONE)
		snprintf(buf, len, "-");
	else
		date_format(d, buf, len);
	return buf;
}

static cx_date row_date(const struct decision_row *r)
{
	return decision_day(r->meeting_at, r->created_at);
}

/* The columns of the list: date, revisit, department, decider (when there
 * is room), the text. */
enum { COL_DATE, COL_REVISIT, COL_DEPT, COL_DECIDER, COL_TEXT, N_COLS };

/* The columns' widths for the rows held: names whole when they fit (at 200
 * columns nearly always), readable at 80. */
static void layout(const struct decisions_state *dv, int w, struct list_col *c)
{
	const struct list_col cols[N_COLS] = {
		[COL_DATE] = LIST_COL_FIXED(10), [COL_REVISIT] = LIST_COL_FIXED(10),
		[COL_DEPT] = {10, 15, 30, 0, 0, 0}, [COL_DECIDER] = {10, 16, 30, 0, 0, 0},
		[COL_TEXT] = LIST_COL_REST(12),
	};
	memcpy(c, cols, sizeof cols);
	if (w < 76) /* no decider */
		c[COL_DECIDER] = (struct list_col)LIST_COL_FIXED(0);
	for (size_t i = 0; i < dv->n; i++) {
		list_col_want(&c[COL_DEPT], dv->rows[i].dept_name);
		if (w >= 76)
			list_col_want(&c[COL_DECIDER], dv->rows[i].decider);
	}
	list_cols(c, N_COLS, 1, w - 2, 1);
	if (w < 76) /* the text where the decider was */
		c[COL_TEXT].x = c[COL_DECIDER].x, c[COL_TEXT].w += 1;
}

/* Date, revisit, department, decider (when there is room), then the text. */
static void draw_row(const struct decision_row *r, int y, int w, bool cur,
		     const struct list_col *c)
{
	char buf[32];
	bool muted = r->superseded_by != 0;
	attr_t a = cur ? theme(C_SELECTED) : muted ? theme(C_MUTED) : theme(C_NORMAL);
	draw_fill(y, 0, w, a);
	draw_text(y, c[COL_DATE].x, fmt_day(row_date(r), buf, sizeof buf), c[COL_DATE].w, a);
	draw_text(y, c[COL_REVISIT].x, fmt_day(r->revisit, buf, sizeof buf), c[COL_REVISIT].w,
		  r->due && !cur ? theme(C_WARNING) | A_BOLD : a);
	draw_text_fit(y, c[COL_DEPT].x, r->dept_name ? r->dept_name : "-", c[COL_DEPT].w, a);
	if (c[COL_DECIDER].w)
		draw_text_fit(y, c[COL_DECIDER].x, r->decider ? r->decider : "-", c[COL_DECIDER].w,
			      a);
	int x = c[COL_TEXT].x;
	if (r->superseded_by) {
		snprintf(buf, sizeof buf, "→ #%lld ", (long long)r->superseded_by);
		x += draw_text(y, x, buf, w - x, a);
	}
	draw_text_fit(y, x, r->text, w - x - 1, a);
}

static void draw_list(struct tui *t, struct decisions_state *dv, int y, int h, int w)
{
	struct list_col c[N_COLS];
	layout(dv, w, c);
	static const char *const heads[N_COLS] = {"Date", "Revisit", "Department", "Decided by",
						  "Decision"};
	draw_fill(y, 0, w, theme(C_MUTED) | A_UNDERLINE);
	for (int i = 0; i < N_COLS; i++)
		if (c[i].w)
			draw_text(y, c[i].x, heads[i], c[i].w, theme(C_MUTED) | A_UNDERLINE);
	int rows = h - 1;
	if (dv->total == 0) {
		draw_text(y + 1, 1,
			  dv->f.due_only || dv->f.dept_id ? "No decision matches the filter."
							: "No decisions yet.",
			  w - 2, theme(C_MUTED));
		return;
	}
	list_area(t, y + 1, 0, w, rows, dv->sel, &dv->top, (size_t)dv->total);
	for (int r = 0; r < rows; r++) {
		long idx = (long)dv->top + r - (long)dv->offset;
		if (idx >= 0 && (size_t)idx < dv->n)
			draw_row(&dv->rows[idx], y + 1 + r, w, dv->top + r == dv->sel, c);
	}
}

/* The most rows one text of the detail takes (a long rationale is cut). */
#define BLOCK_ROWS_MAX 2000

/* Draws what falls inside the window (h rows from y0, scrolled by
 * dv->detail_top) of a block of the detail starting at row *row, then counts
 * its rows into *row. */
static void detail_text(struct decisions_state *dv, int *row, int y0, int h, int x, int w,
			const char *s, attr_t a)
{
	int need = text_wrap_rows(s, w, BLOCK_ROWS_MAX);
	int vis = *row - dv->detail_top; /* where its first row falls; < 0: above */
	int skip = vis < 0 ? -vis : 0;
	int at = vis < 0 ? 0 : vis;
	int rows = need - skip < h - at ? need - skip : h - at;
	if (rows > 0)
		draw_wrapped_from(y0 + at, x, s, w, skip, rows, a);
	*row += need;
}

/* Draws the rows of the detail that fall in the window (none when h is 0);
 * returns how many rows the whole detail takes. */
static int detail_rows(struct decisions_state *dv, const struct decision_row *r, int y, int h,
		       int w)
{
	char line[80], d1[16], d2[16];
	int row = 0, x = 2, tw = w - 4;
	char *head = xasprintf("#%lld  %s  %s  decided by %s", (long long)r->id,
			       fmt_day(row_date(r), d1, sizeof d1),
			       r->dept_name ? r->dept_name : "no department",
			       r->decider ? r->decider : "nobody named");
	detail_text(dv, &row, y, h, x, tw, head, theme(C_HEADING));
	free(head);
	if (r->revisit == DATE_NONE)
		snprintf(line, sizeof line, "Revisit: none set (v sets one)");
	else
		snprintf(line, sizeof line, "Revisit: %s%s", fmt_day(r->revisit, d2, sizeof d2),
			 r->due ? "  DUE: time to look at it again" : "");
	detail_text(dv, &row, y, h, x, tw, line, r->due ? theme(C_WARNING) : theme(C_NORMAL));
	detail_text(dv, &row, y, h, x, tw, r->text, theme(C_NORMAL) | A_BOLD);
	char *why = xasprintf("Why: %s", r->rationale ? r->rationale : "(no rationale given)");
	detail_text(dv, &row, y, h, x, tw, why, r->rationale ? theme(C_NORMAL) : theme(C_MUTED));
	free(why);
	if (r->superseded_by) {
		char *s = xasprintf("Superseded by #%lld: %s", (long long)r->superseded_by,
				    r->superseded_text ? r->superseded_text : "");
		detail_text(dv, &row, y, h, x, tw, s, theme(C_WARNING));
		free(s);
	}
	for (size_t i = 0; i < dv->n_supersedes; i++) {
		char *s = xasprintf("Supersedes #%lld: %s", (long long)dv->supersedes[i].id,
				    dv->supersedes[i].text);
		detail_text(dv, &row, y, h, x, tw, s, theme(C_MUTED));
		free(s);
	}
	snprintf(line, sizeof line, "Linked items: %zu", dv->n_links);
	detail_text(dv, &row, y, h, x, tw, line, theme(C_HEADING));
	for (size_t i = 0; i < dv->n_links; i++) {
		const struct decision_link *l = &dv->links[i];
		char *s = xasprintf("#%lld %s, %s%s: %s", (long long)l->id, item_kind_label(l->kind),
				    item_status_name(l->status),
				    l->link == LINK_SETTLES ? (l->outgoing ? ", settled by it" : ", settles it")
				    : l->outgoing ? ", it arose from" : ", arose from it",
				    l->text);
		detail_text(dv, &row, y, h, x + 2, tw - 2, s, theme(C_NORMAL));
		free(s);
	}
	return row;
}

static void draw_detail(struct tui *t, int y, int h, int w)
{
	struct decisions_state *dv = tui_state(t, &view_decisions);
	const struct decision_row *r = current(dv);
	if (!r || h < 2)
		return;
	detail_load(t);
	/* Keep the scroll within what there is to see, then draw. */
	int rows = detail_rows(dv, r, y, 0, w);
	if (dv->detail_top > rows - h)
		dv->detail_top = rows - h > 0 ? rows - h : 0;
	detail_rows(dv, r, y, h, w);
}

static void dec_draw(struct tui *t)
{
	struct decisions_state *dv = tui_state(t, &view_decisions);
	/* The whole title, or where the screen is too narrow for it the same
	 * facts in fewer words (a find's window said last, as it is cut last). */
	char *title = NULL;
	for (int brief = 0; brief < 2; brief++) {
		char window[64] = "";
		if (dv->words && dv->f.floor)
			snprintf(window, sizeof window,
				 brief ? " (newest %d)" : " (among the newest %d holding it)", FIND_WINDOW);
		free(title);
		title = xasprintf(" Decision log  %lld decision%s, %lld due%s%s%s%s%s%s%s%s%s",
				  (long long)dv->total, dv->total == 1 ? "" : "s", (long long)dv->due,
				  brief ? "" : " for a revisit", dv->f.dept_id ? "  dept: " : "",
				  dv->f.dept_id && dv->dept_name ? dv->dept_name : "",
				  dv->f.due_only ? "  [due only]" : "",
				  dv->f.with_superseded ? "  [+superseded]" : "",
				  dv->words ? "  find: \"" : "", dv->words ? dv->words : "",
				  dv->words ? "\"" : "", window);
		if (text_width(title) <= t->cols)
			break;
	}
	draw_line(0, 0, title, t->cols, theme(C_TITLE)); /* as long as the screen shows */
	free(title);
	int body = t->rows - 2;
	if (dv->zoom) {
		draw_line(1, 0, " Decision", t->cols, theme(C_MUTED) | A_UNDERLINE);
		draw_detail(t, 2, body - 1, t->cols);
	} else {
		int list_h = body / 2 + 1;
		draw_list(t, dv, 1, list_h, t->cols);
		draw_line(1 + list_h, 0, " Selected decision", t->cols, theme(C_MUTED) | A_UNDERLINE);
		draw_detail(t, 2 + list_h, body - list_h - 1, t->cols);
	}
	draw_line(t->rows - 1, 0,
		  dv->zoom ? " Up/Down scroll  Enter back to the list  s supersede  v revisit  q back"
			  : " Enter open  / find  f dept  r due  a superseded  s supersede  v revisit"
			    "  q back",
		  t->cols, theme(C_STATUS));
}

static void pick_dept(struct tui *t)
{
	struct decisions_state *dv = tui_state(t, &view_decisions);
	if (dv->f.dept_id) {
		dv->f.dept_id = 0;
		free(dv->dept_name);
		dv->dept_name = NULL;
		tui_flash(t, false, "Showing every department.");
		return;
	}
	store_id id = pick_department(t, "Decisions of which department?", "");
	struct dept d;
	if (!id || store_dept_get(t->st, id, &d) != STORE_OK)
		return;
	dv->f.dept_id = id;
	free(dv->dept_name);
	dv->dept_name = xstrdup(d.name);
	dept_free(&d);
}

/* Asks for words to find (empty: every decision again). Words the store
 * refuses (punctuation alone, control characters) leave the last search on
 * screen, with the reason, rather than an empty log. */
static void find_words(struct tui *t)
{
	struct decisions_state *dv = tui_state(t, &view_decisions);
	char *text = dialog_input_for(t, "Find decisions holding the words (empty: all)",
				      dv->words ? dv->words : "", "search", NULL, NULL);
	if (!text)
		return;
	char *query;
	enum store_rc rc = search_words_or_none(t->st, text, &query);
	if (rc == STORE_OK && !query) { /* nothing typed: every decision again */
		free(text);
		text = NULL;
	}
	struct decision_filter f = dv->f;
	store_id floor;
	int64_t reach, total, due;
	f.words = query;
	if (rc == STORE_OK)
		rc = store_decisions_window(t->st, &f, FIND_WINDOW, &floor, &reach, &total, &due);
	if (rc != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		free(text);
		free(query);
		return;
	}
	free(dv->words);
	free(dv->query);
	dv->words = text;
	dv->query = query;
	dv->f.words = dv->query;
	dv->f.floor = floor;
	dv->f.reach = reach;
	if (text) { /* counted in the window's pass: not read again */
		dv->total = total;
		dv->due = due;
		dv->counted = true;
	}
}

enum {
	DV_FIND = ACT_VIEW,
	DV_DEPT,
	DV_DUE,
	DV_SUPERSEDED,
	DV_SUPERSEDE,
	DV_REVISIT,
};

static const struct keymap_entry dec_keys[] = {
	KM_HEADING("The decision log"),
	{ACT_SELECT, "open", "Open the decision in full (again: back to the list)", {{0, false}}},
	{DV_FIND, "find", "Find decisions by words (empty: all of them)", {KM_CH('/')}},
	{DV_DEPT, "filter-department", "Only one department's decisions", {KM_CH('f')}},
	{DV_DUE, "filter-due", "Only the decisions due for a revisit, or all", {KM_CH('r')}},
	{DV_SUPERSEDED, "show-superseded", "Show or hide superseded decisions", {KM_CH('a')}},
	{DV_SUPERSEDE, "supersede", "Mark the decision superseded by a later one", {KM_CH('s')}},
	{DV_REVISIT, "revisit", "Set or clear the decision's revisit date", {KM_CH('v')}},
	{ACT_QUIT, "back", "Back to the list from a decision, else to the home screen",
	 {{0, false}}},
};

static const struct keymap dec_keymap = KEYMAP("the decision log", dec_keys);

/* The view's own keys; true when ch was one of them. */
static bool own_key(struct tui *t, wint_t ch, bool is_key)
{
	struct decisions_state *dv = tui_state(t, &view_decisions);
	const struct decision_row *r = current(dv);
	switch (keymap_find(&dec_keymap, ch, is_key)) {
	case DV_FIND:
		find_words(t);
		break;
	case DV_DEPT:
		pick_dept(t);
		break;
	case DV_DUE:
		dv->f.due_only = !dv->f.due_only;
		break;
	case DV_SUPERSEDED:
		dv->f.with_superseded = !dv->f.with_superseded;
		break;
	case DV_SUPERSEDE:
		if (r && decision_supersede_ask(t, r))
			load(t);
		return true;
	case DV_REVISIT:
		if (r && decision_set_revisit(t, r))
			load(t);
		return true;
	default:
		return false;
	}
	dv->sel = dv->top = 0;
	load(t);
	return true;
}

static enum action dec_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	struct decisions_state *dv = tui_state(t, &view_decisions);
	if (own_key(t, ch, is_key))
		return ACT_NONE;
	if (a == ACT_QUIT) {
		if (dv->zoom) {
			dv->zoom = false;
			return ACT_NONE;
		}
		tui_back(t);
		return ACT_NONE;
	}
	if (a == ACT_SELECT) {
		dv->zoom = !dv->zoom;
		dv->detail_top = 0;
		return ACT_NONE;
	}
	if (dv->zoom) {
		/* The detail scrolls; draw_detail keeps it within what there is. */
		int step = a == ACT_PAGE_UP || a == ACT_PAGE_DOWN ? t->rows - 5 : 1;
		if (a == ACT_UP || a == ACT_PAGE_UP)
			dv->detail_top = dv->detail_top > step ? dv->detail_top - step : 0;
		else if (a == ACT_DOWN || a == ACT_PAGE_DOWN)
			dv->detail_top += step > 0 ? step : 1;
		else if (a == ACT_TOP)
			dv->detail_top = 0;
		else if (a == ACT_BOTTOM)
			dv->detail_top = INT_MAX / 2; /* draw_detail brings it back to the end */
		else
			return a;
		return ACT_NONE;
	}
	int page = t->rows / 2 - 2;
	if (cursor_move(&dv->sel, a, (size_t)dv->total, page > 1 ? page : 1)) {
		load_page(t);
		return ACT_NONE;
	}
	return a;
}

/* Opens the log from the home screen. */
void decisions_view_open(struct tui *t)
{
	tui_open_view(t, &view_decisions);
	dec_open(t);
}

const struct view_ops view_decisions = {
	.name = "decisions",
	.keymap = &dec_keymap,
	.private_size = sizeof(struct decisions_state),
	.draw = dec_draw,
	.key = dec_key,
	.close = dec_close,
};
