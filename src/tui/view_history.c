/* view_history.c - between meetings: past meetings newest first (date, length,
 * attendance, departments present, decisions/actions/wins, rating, status),
 * each one's minutes in a scrollable pager, and full-text search over every
 * item of every meeting with the matching words highlighted, filtered by
 * department and kind, and a jump from a result to its meeting's minutes.
 * Lists are read a window of rows at a time around the cursor, so a long
 * history costs no more to browse than a short one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "draw.h"
#include "list.h"
#include "minutes_pager.h"
#include "screen.h"
#include "dialog.h"
#include "views.h"
#include "keymap.h"
#include "cxmeet/meeting.h"
#include "cxmeet/minutes.h"
#include "cxmeet/search.h"
#include "cxmeet/util.h"

/* A search counts and shows at most this many matches, the newest: more
 * words narrow it. Counting every match of a common word read all of
 * history (370,000 matches of "customer" at a million items: a second). */
#define SEARCH_WINDOW 1000

enum hist_mode { MODE_LIST, MODE_RESULTS, MODE_MINUTES };

struct history_state {
	enum hist_mode mode;
	enum hist_mode back; /* where q leaves the minutes for */
	/* the meetings */
	struct meeting_summary *meetings;
	size_t n_meetings, m_offset;
	int64_t m_total;
	int m_sel, m_top;
	/* the search */
	char *words; /* as typed */
	char *query; /* its words (search_words), f.words */
	struct search_filter f;
	char *dept_name; /* the department filter's name; NULL: any */
	struct search_hit *hits;
	size_t n_hits, h_offset;
	int64_t h_total;
	int h_sel, h_top;
	struct minutes_pager pager; /* the minutes */
};

static const struct meeting_summary *meeting_selected(struct history_state *H)
{
	long idx = (long)H->m_sel - (long)H->m_offset;
	return idx >= 0 && (size_t)idx < H->n_meetings ? &H->meetings[idx] : NULL;
}

static const struct search_hit *hit_selected(struct history_state *H)
{
	long idx = (long)H->h_sel - (long)H->h_offset;
	return idx >= 0 && (size_t)idx < H->n_hits ? &H->hits[idx] : NULL;
}

/* --- loading ------------------------------------------------------------ */

static bool meetings_load(struct tui *t, const struct store_cursor *cur, size_t limit)
{
	struct history_state *H = tui_state(t, &view_history);
	meeting_summaries_free(H->meetings, H->n_meetings);
	H->meetings = NULL;
	H->n_meetings = 0;
	if (store_history_list(t->st, NULL, cur, limit, &H->meetings, &H->n_meetings) == STORE_OK)
		return true;
	tui_flash(t, true, "%s", store_errmsg(t->st));
	return false;
}

static size_t meetings_count(const struct tui *t)
{
	struct history_state *H = tui_state(t, &view_history);
	return H->n_meetings;
}
static const struct store_cursor *meetings_at(const struct tui *t, size_t i)
{
	struct history_state *H = tui_state(t, &view_history);
	return &H->meetings[i].after;
}
static const struct pager_ops meetings_pager = { meetings_load, meetings_count, meetings_at };

static bool hits_load(struct tui *t, const struct store_cursor *cur, size_t limit)
{
	struct history_state *H = tui_state(t, &view_history);
	search_hits_free(H->hits, H->n_hits);
	H->hits = NULL;
	H->n_hits = 0;
	if (store_search(t->st, &H->f, cur, limit, &H->hits, &H->n_hits) == STORE_OK)
		return true;
	tui_flash(t, true, "%s", store_errmsg(t->st));
	return false;
}

static size_t hits_count(const struct tui *t)
{
	struct history_state *H = tui_state(t, &view_history);
	return H->n_hits;
}
static const struct store_cursor *hits_at(const struct tui *t, size_t i)
{
	struct history_state *H = tui_state(t, &view_history);
	return &H->hits[i].after;
}
static const struct pager_ops hits_pager = { hits_load, hits_count, hits_at };

/* The window of meetings around the cursor, on or back from those held. */
static void meetings_seek(struct tui *t)
{
	struct history_state *H = tui_state(t, &view_history);
	pager_seek(t, &meetings_pager, &H->m_offset, (size_t)H->m_sel, (size_t)H->m_total,
		   pager_window(t));
}

static void hits_seek(struct tui *t)
{
	struct history_state *H = tui_state(t, &view_history);
	pager_seek(t, &hits_pager, &H->h_offset, (size_t)H->h_sel, (size_t)H->h_total,
		   pager_window(t));
}

/* Counts the meetings and reads the window around the cursor afresh. */
static void load_meetings(struct tui *t)
{
	struct history_state *H = tui_state(t, &view_history);
	meeting_summaries_free(H->meetings, H->n_meetings);
	H->meetings = NULL;
	H->n_meetings = 0;
	H->m_offset = 0;
	if (store_history_count(t->st, NULL, &H->m_total) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	meetings_seek(t);
}

/* Reads the window of matches around the cursor afresh. */
static void load_hits(struct tui *t)
{
	struct history_state *H = tui_state(t, &view_history);
	search_hits_free(H->hits, H->n_hits);
	H->hits = NULL;
	H->n_hits = 0;
	H->h_offset = 0;
	hits_seek(t);
}

/* Runs the search afresh (new words or filters): counts the matches once,
 * then reads the first window. Words the store refuses (nothing to search
 * for) leave the search as it was, and say why. */
static void search_run(struct tui *t, char *words)
{
	struct history_state *H = tui_state(t, &view_history);
	struct search_filter f = H->f;
	int64_t total;
	store_id floor;
	char *query = NULL;
	f.floor = 0;
	enum store_rc rc = search_words(t->st, words, &query);
	f.words = query;
	if (rc == STORE_OK)
		rc = store_search_window(t->st, &f, SEARCH_WINDOW, &total, &floor);
	if (rc != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		if (words != H->words)
			free(words);
		free(query);
		return;
	}
	if (words != H->words) {
		free(H->words);
		H->words = words;
	}
	free(H->query);
	H->query = query;
	H->f.words = H->query;
	H->f.floor = floor; /* more than the window: the newest SEARCH_WINDOW alone */
	H->h_total = total;
	H->h_sel = H->h_top = 0;
	load_hits(t);
	H->mode = MODE_RESULTS;
}

static void hist_close(struct tui *t)
{
	struct history_state *H = tui_state(t, &view_history);
	meeting_summaries_free(H->meetings, H->n_meetings);
	search_hits_free(H->hits, H->n_hits);
	free(H->words);
	free(H->query);
	free(H->dept_name);
	minutes_pager_free(&H->pager);
	memset(H, 0, sizeof *H);
}

/* --- the minutes ---------------------------------------------------------- */

/* Opens a meeting's minutes; `find`, when not NULL, is text to show first. */
static void minutes_open(struct tui *t, store_id meeting, const char *find)
{
	struct history_state *H = tui_state(t, &view_history);
	if (!minutes_pager_open(t, &H->pager, meeting, find))
		return;
	H->back = H->mode;
	H->mode = MODE_MINUTES;
}

/* --- the list of meetings ----------------------------------------------- */

static const char *status_word(enum meeting_status s)
{
	return s == MEETING_COMPLETED ? "completed" : s == MEETING_IN_PROGRESS ? "running"
										: "abandoned";
}

static void meeting_row(const struct meeting_summary *m, int y, int w, bool cur)
{
	char date[16], hhmm[16], len[24], rating[16], line[200];
	clock_format_local(m->started_at, "%Y-%m-%d", "?", date, sizeof date);
	clock_format_local(m->started_at, "%H:%M", "?", hhmm, sizeof hhmm);
	int length = meeting_length_minutes(m->started_at, m->ended_at);
	if (length >= 0)
		snprintf(len, sizeof len, "%d", length);
	else
		snprintf(len, sizeof len, "-");
	if (m->rating)
		snprintf(rating, sizeof rating, "%d", m->rating);
	else
		snprintf(rating, sizeof rating, "-");
	/* a narrow screen leaves out the start time, so that the status fits */
	snprintf(line, sizeof line, "%s%s%s %4s %4d %4d %4d %4d %4d %4s  %-9s  ", date,
		 w < 70 ? "" : " ", w < 70 ? "" : hhmm, len, m->present, m->n_depts, m->decisions,
		 m->actions, m->wins, rating, status_word(m->status));
	attr_t a = cur ? theme(C_SELECTED) : theme(C_NORMAL);
	draw_fill(y, 2, w, a);
	int used = draw_text(y, 2, line, w, m->status == MEETING_ABANDONED && !cur ? theme(C_MUTED)
										     : a);
	if (w - used > 8)
		draw_text_fit(y, 2 + used, m->dept_names ? m->dept_names : "-", w - used,
			      cur ? a : theme(C_MUTED));
}

/* The list's rows: between its heading (row 2) and the two rows above the
 * status line that tell more about the row under the cursor. */
static int list_rows(struct tui *t) { return t->rows - 7; }

static void draw_list(struct tui *t)
{
	struct history_state *H = tui_state(t, &view_history);
	char line[160];
	snprintf(line, sizeof line, " History: %lld meeting%s, newest first", (long long)H->m_total,
		 H->m_total == 1 ? "" : "s");
	draw_line(0, 0, line, t->cols, theme(C_TITLE));
	int w = t->cols - 4, rows = list_rows(t);
	draw_line(2, 2, w < 70 ? "Date        Min Pres Dept Dec. Act. Wins Rate  Status"
			       : "Date       Time   Min Pres Dept Dec. Act. Wins Rate  Status     "
				 "Departments present",
		  w, theme(C_MUTED) | A_UNDERLINE);
	if (H->m_total == 0)
		draw_text(3, 2, "No meeting held yet.", w, theme(C_MUTED));
	list_area(t, 3, 2, w, rows, H->m_sel, &H->m_top, (size_t)H->m_total);
	for (int r = 0; r < rows; r++) {
		long idx = (long)H->m_top + r - (long)H->m_offset;
		if (idx < 0 || (size_t)idx >= H->n_meetings)
			break;
		meeting_row(&H->meetings[idx], 3 + r, w, H->m_top + r == H->m_sel);
	}
	const struct meeting_summary *m = meeting_selected(H);
	if (m) {
		snprintf(line, sizeof line, "Meeting %lld, departments present: ",
			 (long long)m->id);
		int used = draw_text(t->rows - 3, 2, line, w, theme(C_HEADING));
		draw_marked_rows(t->rows - 3, 2 + used, m->dept_names ? m->dept_names : "none",
				 w - used, 2, theme(C_NORMAL), theme(C_NORMAL));
	}
	draw_line(t->rows - 1, 0, " Up/Down move  Enter minutes  / search all items  q home",
		  t->cols, theme(C_STATUS));
}

/* --- search results ----------------------------------------------------- */

/* The department's width in the found rows: as wide as the names held need,
 * 15 columns at most at 80 columns, 30 at 200. */
static int hit_dept_cols(const struct history_state *H, int w)
{
	struct list_col c[2] = {{10, 15, 30, 0, 0, 0}, LIST_COL_REST(12)};
	for (size_t i = 0; i < H->n_hits; i++)
		list_col_want(&c[0], H->hits[i].it.dept_name);
	list_cols(c, 2, 0, w - 20, 1); /* after "kind     date       " */
	return c[0].w;
}

static void hit_row(const struct search_hit *h, int y, int w, bool cur, int dw)
{
	char date[16], head[64];
	clock_format_local(h->meeting_at ? h->meeting_at : h->it.created_at, "%Y-%m-%d", "?", date,
			   sizeof date);
	snprintf(head, sizeof head, "%-8.8s %s ", item_kind_name(h->it.kind), date);
	attr_t a = cur ? theme(C_SELECTED) : theme(C_NORMAL);
	draw_fill(y, 2, w, a);
	int used = draw_text(y, 2, head, w, cur ? a : theme(C_MUTED));
	draw_text_fit(y, 2 + used, h->it.dept_name ? h->it.dept_name : "-", dw,
		      cur ? a : theme(C_ACCENT));
	used += dw + 1;
	if (w - used > 0)
		draw_marked_rows(y, 2 + used, h->marked, w - used, 1, a, a | A_BOLD | A_UNDERLINE);
}

static void draw_results(struct tui *t)
{
	struct history_state *H = tui_state(t, &view_history);
	char line[96]; /* "#id kind, meeting id: " */
	char *title = xasprintf(" Search \"%s\": %s%lld match%s%s%s%s%s", H->words,
			       H->f.floor ? "the newest " : "", (long long)H->h_total,
			       H->h_total == 1 ? "" : H->f.floor ? "es of more" : "es",
			       H->dept_name ? "  dept: " : "", H->dept_name ? H->dept_name : "",
			       H->f.kind >= 0 ? "  kind: " : "",
			       H->f.kind >= 0 ? item_kind_name((enum item_kind)H->f.kind) : "");
	draw_line(0, 0, title, t->cols, theme(C_TITLE));
	free(title);
	int w = t->cols - 4, rows = list_rows(t);
	int dw = hit_dept_cols(H, w);
	char *head = xasprintf("Kind     Date       %-*s Text", dw, "Department");
	draw_line(2, 2, head, w, theme(C_MUTED) | A_UNDERLINE);
	free(head);
	if (H->h_total == 0)
		draw_text(3, 2, "Nothing matches: / searches again, x clears the filters.", w,
			  theme(C_MUTED));
	list_area(t, 3, 2, w, rows, H->h_sel, &H->h_top, (size_t)H->h_total);
	for (int r = 0; r < rows; r++) {
		long idx = (long)H->h_top + r - (long)H->h_offset;
		if (idx < 0 || (size_t)idx >= H->n_hits)
			break;
		hit_row(&H->hits[idx], 3 + r, w, H->h_top + r == H->h_sel, dw);
	}
	const struct search_hit *h = hit_selected(H);
	if (h) {
		if (h->it.meeting_id)
			snprintf(line, sizeof line, "#%lld %s, meeting %lld: ", (long long)h->it.id,
				 item_kind_name(h->it.kind), (long long)h->it.meeting_id);
		else
			snprintf(line, sizeof line, "#%lld %s, outside a meeting: ",
				 (long long)h->it.id, item_kind_name(h->it.kind));
		int used = draw_text(t->rows - 3, 2, line, w, theme(C_HEADING));
		draw_marked_rows(t->rows - 3, 2 + used, h->marked, w - used, 2, theme(C_NORMAL),
				 theme(C_NORMAL) | A_BOLD | A_UNDERLINE);
	}
	draw_line(t->rows - 1, 0, " Enter its meeting  / search  f department  t kind  x clear"
		  "  q back", t->cols, theme(C_STATUS));
}

static void ask_words(struct tui *t)
{
	struct history_state *H = tui_state(t, &view_history);
	char *words = dialog_input_for(t, "Search every meeting's items", H->words ? H->words : "",
				       "search", NULL, NULL);
	if (words)
		search_run(t, words);
}

static void pick_dept_filter(struct tui *t)
{
	struct history_state *H = tui_state(t, &view_history);
	store_id id = pick_department(t, "Only items of department", "");
	struct dept d;
	if (!id || store_dept_get(t->st, id, &d) != STORE_OK)
		return;
	free(H->dept_name);
	H->dept_name = xstrdup(d.name);
	H->f.dept_id = id;
	dept_free(&d);
	search_run(t, H->words);
}

static void pick_kind_filter(struct tui *t)
{
	struct history_state *H = tui_state(t, &view_history);
	struct pick_option opts[ITEM_KIND_COUNT + 1];
	opts[0] = (struct pick_option){-1, (char *)"any kind", NULL};
	for (int k = 0; k < ITEM_KIND_COUNT; k++)
		opts[k + 1] = (struct pick_option){
			k, (char *)item_kind_name((enum item_kind)k), NULL};
	int choice = dialog_pick(t, "Only items of kind", opts, ITEM_KIND_COUNT + 1, "", NULL);
	if (choice < 0)
		return;
	H->f.kind = (int)opts[choice].id;
	search_run(t, H->words);
}

enum {
	HV_SEARCH = ACT_VIEW,
	HV_DEPT,
	HV_KIND,
	HV_CLEAR,
};

static const struct keymap_entry hist_keys[] = {
	KM_HEADING("Past meetings"),
	{ACT_SELECT, "minutes", "Read the meeting's minutes", {{0, false}}},
	{HV_SEARCH, "search", "Search every item ever captured", {KM_CH('/')}},
	{ACT_QUIT, "back", "Back to the home screen", {{0, false}}},
	KM_HEADING("Search results"),
	{ACT_SELECT, "open", "Read the minutes of the item's meeting, at the item", {{0, false}}},
	{HV_SEARCH, "search", "Search again, for other words", {KM_CH('/')}},
	{HV_DEPT, "filter-department", "Only one department's items", {KM_CH('f')}},
	{HV_KIND, "filter-kind", "Only items of one kind", {KM_CH('t')}},
	{HV_CLEAR, "clear-filters", "Clear the department and kind filters", {KM_CH('x')}},
	{ACT_QUIT, "back", "Back to past meetings", {{0, false}}},
	KM_HEADING("Minutes"),
	{ACT_QUIT, "back", "Back to where the minutes were opened from", {{0, false}}},
};

static const struct keymap hist_keymap = KEYMAP("history and search", hist_keys);

static void key_results(struct tui *t, int own, enum action a)
{
	struct history_state *H = tui_state(t, &view_history);
	if (cursor_move(&H->h_sel, a, (size_t)H->h_total, list_rows(t))) {
		hits_seek(t);
		return;
	}
	const struct search_hit *h = hit_selected(H);
	if (a == ACT_SELECT && h) {
		if (h->it.meeting_id)
			minutes_open(t, h->it.meeting_id, h->it.text);
		else
			tui_flash(t, false, "Item #%lld was not captured in a meeting.",
				  (long long)h->it.id);
	} else if (a == ACT_QUIT) {
		H->mode = MODE_LIST;
	} else if (own == HV_DEPT) {
		pick_dept_filter(t);
	} else if (own == HV_KIND) {
		pick_kind_filter(t);
	} else if (own == HV_CLEAR) {
		free(H->dept_name);
		H->dept_name = NULL;
		H->f.dept_id = 0;
		H->f.kind = -1;
		search_run(t, H->words);
	}
}

/* --- the view ----------------------------------------------------------- */

static void hist_draw(struct tui *t)
{
	struct history_state *H = tui_state(t, &view_history);
	if (H->mode == MODE_MINUTES)
		minutes_pager_draw(t, &H->pager);
	else if (H->mode == MODE_RESULTS)
		draw_results(t);
	else
		draw_list(t);
}

static enum action hist_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	struct history_state *H = tui_state(t, &view_history);
	if (a == ACT_HELP || a == ACT_REDRAW)
		return a;
	int own = keymap_find(&hist_keymap, ch, is_key);
	if (own == HV_SEARCH && H->mode != MODE_MINUTES) {
		ask_words(t);
		return ACT_NONE;
	}
	if (H->mode == MODE_MINUTES) {
		if (a == ACT_QUIT)
			H->mode = H->back;
		else
			minutes_pager_key(t, &H->pager, a);
		return ACT_NONE;
	}
	if (H->mode == MODE_RESULTS) {
		key_results(t, own, a);
		return ACT_NONE;
	}
	if (cursor_move(&H->m_sel, a, (size_t)H->m_total, list_rows(t))) {
		meetings_seek(t);
	} else if (a == ACT_SELECT && meeting_selected(H)) {
		minutes_open(t, meeting_selected(H)->id, NULL);
	} else if (a == ACT_QUIT) {
		tui_back(t);
	}
	return ACT_NONE;
}

const struct view_ops view_history = {
	.name = "history",
	.keymap = &hist_keymap,
	.private_size = sizeof(struct history_state),
	.draw = hist_draw,
	.key = hist_key,
	.close = hist_close,
};

void history_view_open(struct tui *t)
{
	struct history_state *H = tui_state(t, &view_history);
	tui_open_view(t, &view_history);
	memset(H, 0, sizeof *H);
	H->f.kind = -1;
	load_meetings(t);
}
