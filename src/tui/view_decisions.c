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

#include "tui_int.h"
#include "cxmeet/dates.h"
#include "cxmeet/decisions.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* Words found count and show the newest FIND_WINDOW decisions holding them
 * at most (the title says so when older ones hold them too): gathering every
 * match of a common word read all of history. Its matches are read twice on
 * the Enter of a search (found and counted, then the first page), so its size
 * is the key's cost: 500 keeps it within 5 ms at a million items. */
#define FIND_WINDOW 500
/* Candidates offered to supersede a decision: the newest later ones. */
#define LATER_MAX 500

static struct {
	struct decision_filter f;
	char *dept_name; /* the department filter's name; NULL: none */
	char *words; /* the search, f.words; NULL: none */
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
} dv;

static void detail_clear(void)
{
	decision_links_free(dv.links, dv.n_links);
	decision_refs_free(dv.supersedes, dv.n_supersedes);
	dv.links = NULL;
	dv.supersedes = NULL;
	dv.n_links = dv.n_supersedes = 0;
	dv.detail_id = 0;
	dv.detail_top = 0;
}

static void rows_clear(void)
{
	decision_rows_free(dv.rows, dv.n);
	dv.rows = NULL;
	dv.n = 0;
}

static bool page_load(struct tui *t, const struct store_cursor *cur, size_t limit)
{
	rows_clear();
	if (decisions_list(t->st, &dv.f, cur, limit, &dv.rows, &dv.n) == STORE_OK)
		return true;
	tui_flash(t, true, "%s", store_errmsg(t->st));
	return false;
}

static size_t page_count(const struct tui *t)
{
	(void)t;
	return dv.n;
}
static const struct store_cursor *page_at(const struct tui *t, size_t i)
{
	(void)t;
	return &dv.rows[i].after;
}
static const struct pager_ops pager = { page_load, page_count, page_at };

/* Reads the page of rows around the cursor, on or back from the rows held. */
static void load_page(struct tui *t)
{
	pager_seek(t, &pager, &dv.offset, (size_t)dv.sel, (size_t)dv.total, pager_window(t));
}

/* Counts and reads again, after a filter changed or a decision was changed;
 * moving the cursor only reads pages (load_page). */
static void load(struct tui *t)
{
	if (dv.counted) {
		dv.counted = false;
	} else if (store_decisions_count(t->st, &dv.f, &dv.total, &dv.due) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		dv.total = dv.due = 0;
	}
	if (dv.sel >= dv.total)
		dv.sel = dv.total > 0 ? (int)dv.total - 1 : 0;
	if (dv.n && dv.offset > 0 && dv.sel > 0) { /* a change: read the same place again */
		pager_reread(t, &pager, &dv.offset, pager_window(t));
	} else { /* a new filter (the cursor back on the first row), or at the top */
		rows_clear();
		dv.offset = 0;
	}
	load_page(t);
	detail_clear();
}

static const struct decision_row *current(void)
{
	long idx = (long)dv.sel - (long)dv.offset;
	return idx >= 0 && (size_t)idx < dv.n ? &dv.rows[idx] : NULL;
}

/* The linked items and what the decision supersedes, once per decision. */
static void detail_load(struct tui *t)
{
	const struct decision_row *r = current();
	if (!r || r->id == dv.detail_id)
		return;
	detail_clear();
	dv.detail_id = r->id;
	if (store_decision_links(t->st, r->id, &dv.links, &dv.n_links) != STORE_OK ||
	    store_decision_supersedes(t->st, r->id, &dv.supersedes, &dv.n_supersedes) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
}

static void dec_open(struct tui *t)
{
	memset(&dv, 0, sizeof dv);
	dv.f.today = clock_today();
	load(t);
}

static void dec_close(struct tui *t)
{
	(void)t;
	rows_clear();
	detail_clear();
	free(dv.words);
	dv.words = NULL;
	dv.f.words = NULL;
	free(dv.dept_name);
	dv.dept_name = NULL;
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

/* Date, revisit, department, decider (when there is room), then the text. */
static void draw_row(const struct decision_row *r, int y, int w, bool cur)
{
	char buf[32];
	bool muted = r->superseded_by != 0;
	attr_t a = cur ? theme(C_SELECTED) : muted ? theme(C_MUTED) : theme(C_NORMAL);
	draw_fill(y, 0, w, a);
	int x = 1;
	draw_text(y, x, fmt_day(row_date(r), buf, sizeof buf), 10, a);
	x += 11;
	draw_text(y, x, fmt_day(r->revisit, buf, sizeof buf), 10,
		  r->due && !cur ? theme(C_WARNING) | A_BOLD : a);
	x += 11;
	draw_text_fit(y, x, r->dept_name ? r->dept_name : "-", 13, a);
	x += 14;
	if (w >= 76) {
		draw_text_fit(y, x, r->decider ? r->decider : "-", 13, a);
		x += 14;
	}
	if (r->superseded_by) {
		snprintf(buf, sizeof buf, "→ #%lld ", (long long)r->superseded_by);
		x += draw_text(y, x, buf, w - x, a);
	}
	draw_text_fit(y, x, r->text, w - x - 1, a);
}

static void draw_list(int y, int h, int w)
{
	draw_line(y, 0, w >= 76 ? " Date       Revisit    Department    Decided by    Decision"
				: " Date       Revisit    Department    Decision",
		  w, theme(C_MUTED) | A_UNDERLINE);
	int rows = h - 1;
	if (dv.total == 0) {
		draw_text(y + 1, 1,
			  dv.f.due_only || dv.f.dept_id ? "No decision matches the filter."
							: "No decisions yet.",
			  w - 2, theme(C_MUTED));
		return;
	}
	cursor_scroll(dv.sel, &dv.top, rows);
	for (int r = 0; r < rows; r++) {
		long idx = (long)dv.top + r - (long)dv.offset;
		if (idx >= 0 && (size_t)idx < dv.n)
			draw_row(&dv.rows[idx], y + 1 + r, w, dv.top + r == dv.sel);
	}
}

/* The most rows one text of the detail takes (a long rationale is cut). */
#define BLOCK_ROWS_MAX 2000

/* Draws what falls inside the window (h rows from y0, scrolled by
 * dv.detail_top) of a block of the detail starting at row *row, then counts
 * its rows into *row. */
static void detail_text(int *row, int y0, int h, int x, int w, const char *s, attr_t a)
{
	int need = text_wrap_rows(s, w, BLOCK_ROWS_MAX);
	int vis = *row - dv.detail_top; /* where its first row falls; < 0: above */
	int skip = vis < 0 ? -vis : 0;
	int at = vis < 0 ? 0 : vis;
	int rows = need - skip < h - at ? need - skip : h - at;
	if (rows > 0)
		draw_wrapped_from(y0 + at, x, s, w, skip, rows, a);
	*row += need;
}

/* Draws the rows of the detail that fall in the window (none when h is 0);
 * returns how many rows the whole detail takes. */
static int detail_rows(const struct decision_row *r, int y, int h, int w)
{
	char line[80], d1[16], d2[16];
	int row = 0, x = 2, tw = w - 4;
	char *head = xasprintf("#%lld  %s  %s  decided by %s", (long long)r->id,
			       fmt_day(row_date(r), d1, sizeof d1),
			       r->dept_name ? r->dept_name : "no department",
			       r->decider ? r->decider : "nobody named");
	detail_text(&row, y, h, x, tw, head, theme(C_HEADING));
	free(head);
	if (r->revisit == DATE_NONE)
		snprintf(line, sizeof line, "Revisit: none set (v sets one)");
	else
		snprintf(line, sizeof line, "Revisit: %s%s", fmt_day(r->revisit, d2, sizeof d2),
			 r->due ? "  DUE: time to look at it again" : "");
	detail_text(&row, y, h, x, tw, line, r->due ? theme(C_WARNING) : theme(C_NORMAL));
	detail_text(&row, y, h, x, tw, r->text, theme(C_NORMAL) | A_BOLD);
	char *why = xasprintf("Why: %s", r->rationale ? r->rationale : "(no rationale given)");
	detail_text(&row, y, h, x, tw, why, r->rationale ? theme(C_NORMAL) : theme(C_MUTED));
	free(why);
	if (r->superseded_by) {
		char *s = xasprintf("Superseded by #%lld: %s", (long long)r->superseded_by,
				    r->superseded_text ? r->superseded_text : "");
		detail_text(&row, y, h, x, tw, s, theme(C_WARNING));
		free(s);
	}
	for (size_t i = 0; i < dv.n_supersedes; i++) {
		char *s = xasprintf("Supersedes #%lld: %s", (long long)dv.supersedes[i].id,
				    dv.supersedes[i].text);
		detail_text(&row, y, h, x, tw, s, theme(C_MUTED));
		free(s);
	}
	snprintf(line, sizeof line, "Linked items: %zu", dv.n_links);
	detail_text(&row, y, h, x, tw, line, theme(C_HEADING));
	for (size_t i = 0; i < dv.n_links; i++) {
		const struct decision_link *l = &dv.links[i];
		char *s = xasprintf("#%lld %s, %s%s: %s", (long long)l->id, item_kind_label(l->kind),
				    item_status_name(l->status),
				    l->link == LINK_SETTLES ? (l->outgoing ? ", settled by it" : ", settles it")
				    : l->outgoing ? ", it arose from" : ", arose from it",
				    l->text);
		detail_text(&row, y, h, x + 2, tw - 2, s, theme(C_NORMAL));
		free(s);
	}
	return row;
}

static void draw_detail(struct tui *t, int y, int h, int w)
{
	const struct decision_row *r = current();
	if (!r || h < 2)
		return;
	detail_load(t);
	/* Keep the scroll within what there is to see, then draw. */
	int rows = detail_rows(r, y, 0, w);
	if (dv.detail_top > rows - h)
		dv.detail_top = rows - h > 0 ? rows - h : 0;
	detail_rows(r, y, h, w);
}

static void dec_draw(struct tui *t)
{
	/* The whole title, or where the screen is too narrow for it the same
	 * facts in fewer words (a find's window said last, as it is cut last). */
	char *title = NULL;
	for (int brief = 0; brief < 2; brief++) {
		char window[64] = "";
		if (dv.words && dv.f.floor)
			snprintf(window, sizeof window,
				 brief ? " (newest %d)" : " (among the newest %d holding it)", FIND_WINDOW);
		free(title);
		title = xasprintf(" Decision log  %lld decision%s, %lld due%s%s%s%s%s%s%s%s%s",
				  (long long)dv.total, dv.total == 1 ? "" : "s", (long long)dv.due,
				  brief ? "" : " for a revisit", dv.f.dept_id ? "  dept: " : "",
				  dv.f.dept_id && dv.dept_name ? dv.dept_name : "",
				  dv.f.due_only ? "  [due only]" : "",
				  dv.f.with_superseded ? "  [+superseded]" : "",
				  dv.words ? "  find: \"" : "", dv.words ? dv.words : "",
				  dv.words ? "\"" : "", window);
		if (text_width(title) <= t->cols)
			break;
	}
	draw_line(0, 0, title, t->cols, theme(C_TITLE)); /* as long as the screen shows */
	free(title);
	int body = t->rows - 2;
	if (dv.zoom) {
		draw_line(1, 0, " Decision", t->cols, theme(C_MUTED) | A_UNDERLINE);
		draw_detail(t, 2, body - 1, t->cols);
	} else {
		int list_h = body / 2 + 1;
		draw_list(1, list_h, t->cols);
		draw_line(1 + list_h, 0, " Selected decision", t->cols, theme(C_MUTED) | A_UNDERLINE);
		draw_detail(t, 2 + list_h, body - list_h - 1, t->cols);
	}
	draw_line(t->rows - 1, 0,
		  dv.zoom ? " Up/Down scroll  Enter back to the list  s supersede  v revisit  q back"
			  : " Enter open  / find  f dept  r due  a superseded  s supersede  v revisit"
			    "  q back",
		  t->cols, theme(C_STATUS));
}

/* What the revisit dialog checks against: today, and the date it started with. */
struct revisit_ctx {
	struct date_context dc;
	char current[16];
};

/* Empty or "none" clears, the unchanged date keeps (even once past), and
 * anything else must be a date as date_parse_due takes it. */
static int parse_revisit(const char *text, const struct revisit_ctx *rc, cx_date *d, char *err,
			 size_t len)
{
	*d = DATE_NONE;
	if (!*text || strcmp(text, "none") == 0)
		return 0;
	if (rc->current[0] && strcmp(text, rc->current) == 0)
		return date_parse_iso(text, d) ? 0 : -1;
	return date_parse_due(text, &rc->dc, d, err, len);
}

static const char *check_revisit(const char *text, void *ctx, char *buf, size_t len)
{
	cx_date d;
	return parse_revisit(text, ctx, &d, buf, len) == 0 ? NULL : buf;
}

static void set_revisit(struct tui *t, const struct decision_row *r)
{
	struct revisit_ctx rc = {.dc = {clock_today(), DATE_NONE}};
	char err[256], day[16];
	if (r->revisit != DATE_NONE)
		date_format(r->revisit, rc.current, sizeof rc.current);
	char *text = dialog_input(t, "Revisit date (empty or none: no revisit)", rc.current,
				  check_revisit, &rc);
	if (!text)
		return;
	cx_date d;
	int bad = parse_revisit(text, &rc, &d, err, sizeof err);
	free(text);
	if (bad || d == r->revisit)
		return; /* refused by the dialog already, or nothing changed */
	store_id id = r->id;
	if (store_decision_set_revisit(t->st, id, d, 0, clock_now()) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	if (d == DATE_NONE)
		tui_flash(t, false, "Saved: #%lld has no revisit date.", (long long)id);
	else
		tui_flash(t, false, "Saved: #%lld to be revisited on %s.", (long long)id,
			  fmt_day(d, day, sizeof day));
	load(t);
}

static void supersede(struct tui *t, const struct decision_row *r)
{
	if (r->superseded_by) {
		tui_flash(t, true, "#%lld is already superseded by #%lld.", (long long)r->id,
			  (long long)r->superseded_by);
		return;
	}
	struct decision_ref *later;
	size_t n;
	store_id old = r->id;
	if (store_decisions_later(t->st, old, LATER_MAX, &later, &n) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	if (n == 0) {
		tui_flash(t, true, "No later decision to supersede #%lld with.", (long long)old);
		decision_refs_free(later, n);
		return;
	}
	struct pick_option *o = xcalloc(n + 1, sizeof *o);
	for (size_t i = 0; i < n; i++) {
		char day[16];
		date_format(date_from_time(later[i].created_at), day, sizeof day);
		o[i] = (struct pick_option){later[i].id,
					    xasprintf("#%lld %s", (long long)later[i].id, later[i].text),
					    xasprintf("%s %s", day,
						      later[i].dept_name ? later[i].dept_name : "")};
	}
	char title[64];
	snprintf(title, sizeof title, "#%lld superseded by (newest first)", (long long)old);
	int k = dialog_pick(t, title, o, n, "", NULL);
	store_id by = k >= 0 ? o[k].id : 0;
	pick_options_free(o, n);
	decision_refs_free(later, n);
	if (!by)
		return;
	char q[128];
	snprintf(q, sizeof q, "Mark decision #%lld as superseded by #%lld? Both stay in the log.",
		 (long long)old, (long long)by);
	if (!dialog_confirm(t, q))
		return;
	if (decision_supersede(t->st, old, by, 0, clock_now()) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	tui_flash(t, false, "Saved: #%lld is superseded by #%lld.", (long long)old, (long long)by);
	load(t);
}

static void pick_dept(struct tui *t)
{
	if (dv.f.dept_id) {
		dv.f.dept_id = 0;
		free(dv.dept_name);
		dv.dept_name = NULL;
		tui_flash(t, false, "Showing every department.");
		return;
	}
	store_id id = pick_department(t, "Decisions of which department?", "");
	struct dept d;
	if (!id || store_dept_get(t->st, id, &d) != STORE_OK)
		return;
	dv.f.dept_id = id;
	free(dv.dept_name);
	dv.dept_name = xstrdup(d.name);
	dept_free(&d);
}

/* Asks for words to find (empty: every decision again). Words the store
 * refuses (punctuation alone, control characters) leave the last search on
 * screen, with the reason, rather than an empty log. */
static void find_words(struct tui *t)
{
	char *text = dialog_input_for(t, "Find decisions holding the words (empty: all)",
				      dv.words ? dv.words : "", "search", NULL, NULL);
	if (!text)
		return;
	if (strspn(text, " \t") == strlen(text)) {
		free(text);
		text = NULL;
	}
	struct decision_filter f = dv.f;
	store_id floor;
	int64_t reach, total, due;
	f.words = text;
	if (store_decisions_window(t->st, &f, FIND_WINDOW, &floor, &reach, &total, &due) !=
	    STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		free(text);
		return;
	}
	free(dv.words);
	dv.words = text;
	dv.f.words = dv.words;
	dv.f.floor = floor;
	dv.f.reach = reach;
	if (text) { /* counted in the window's pass: not read again */
		dv.total = total;
		dv.due = due;
		dv.counted = true;
	}
}

/* The view's own letters; true when ch was one of them. */
static bool own_key(struct tui *t, wint_t ch)
{
	const struct decision_row *r = current();
	switch (ch) {
	case '/':
		find_words(t);
		break;
	case 'f':
		pick_dept(t);
		break;
	case 'r':
		dv.f.due_only = !dv.f.due_only;
		break;
	case 'a':
		dv.f.with_superseded = !dv.f.with_superseded;
		break;
	case 's':
		if (r)
			supersede(t, r);
		return true;
	case 'v':
		if (r)
			set_revisit(t, r);
		return true;
	default:
		return false;
	}
	dv.sel = dv.top = 0;
	load(t);
	return true;
}

static enum action dec_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	if (!is_key && own_key(t, ch))
		return ACT_NONE;
	if (a == ACT_QUIT) {
		if (dv.zoom) {
			dv.zoom = false;
			return ACT_NONE;
		}
		tui_set_view(t, &view_home);
		return ACT_NONE;
	}
	if (a == ACT_SELECT) {
		dv.zoom = !dv.zoom;
		dv.detail_top = 0;
		return ACT_NONE;
	}
	if (dv.zoom) {
		/* The detail scrolls; draw_detail keeps it within what there is. */
		int step = a == ACT_PAGE_UP || a == ACT_PAGE_DOWN ? t->rows - 5 : 1;
		if (a == ACT_UP || a == ACT_PAGE_UP)
			dv.detail_top = dv.detail_top > step ? dv.detail_top - step : 0;
		else if (a == ACT_DOWN || a == ACT_PAGE_DOWN)
			dv.detail_top += step > 0 ? step : 1;
		else if (a == ACT_TOP)
			dv.detail_top = 0;
		else if (a == ACT_BOTTOM)
			dv.detail_top = INT_MAX / 2; /* draw_detail brings it back to the end */
		else
			return a;
		return ACT_NONE;
	}
	int page = t->rows / 2 - 2;
	if (cursor_move(&dv.sel, a, (size_t)dv.total, page > 1 ? page : 1)) {
		load_page(t);
		return ACT_NONE;
	}
	return a;
}

/* Opens the log from the home screen. */
void decisions_view_open(struct tui *t)
{
	tui_set_view(t, &view_decisions);
	dec_open(t);
}

const struct view_ops view_decisions = {.name = "decisions", .draw = dec_draw, .key = dec_key,
					.close = dec_close};
