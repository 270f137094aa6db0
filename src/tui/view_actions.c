/* view_actions.c - every action between meetings: filtered by state (open,
 * overdue, due this week, done, dropped, all), department and owner; overdue
 * first, with days late, slips, meetings carried, the escalation mark and
 * the meeting each came from. Enter acts on the action (the shared action
 * menu, outside any meeting); v shows its history. Rows are read a page at a
 * time, so ten years of history open as fast as ten days. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "list.h"
#include "screen.h"
#include "dialog.h"
#include "form.h"
#include "views.h"
#include "keymap.h"
#include "modal.h"
#include "cxmeet/meeting.h"
#include "cxmeet/actions.h"
#include "cxmeet/util.h"


struct actions_state {
	struct action_filter f;
	struct action_row *rows; /* the page loaded */
	size_t n;
	size_t offset;           /* row number of rows[0] */
	int64_t total, overdue;
	int sel, top;
	char *dept_name, *owner_name; /* the filters, as shown */
	int escalate_after;
	cx_date next_meeting; /* offered as the new due date; DATE_NONE: none ahead */
};

static bool page_load(struct tui *t, const struct store_cursor *cur, size_t limit)
{
	struct actions_state *av = tui_state(t, &view_actions);
	action_rows_free(av->rows, av->n);
	av->rows = NULL;
	av->n = 0;
	if (actions_list(t->st, &av->f, cur, limit, &av->rows, &av->n) == STORE_OK)
		return true;
	tui_flash(t, true, "%s", store_errmsg(t->st));
	return false;
}

static size_t page_count(const struct tui *t)
{
	struct actions_state *av = tui_state(t, &view_actions);
	return av->n;
}
static const struct store_cursor *page_at(const struct tui *t, size_t i)
{
	struct actions_state *av = tui_state(t, &view_actions);
	return &av->rows[i].after;
}
static const struct pager_ops pager = { page_load, page_count, page_at };

/* Reads the page around the cursor, on or back from the rows held. */
static void load_page(struct tui *t)
{
	struct actions_state *av = tui_state(t, &view_actions);
	pager_seek(t, &pager, &av->offset, (size_t)av->sel, (size_t)av->total, pager_window(t));
}

/* Reads the counts for the filter and the page around the cursor again: at
 * the same place after a change, afresh for a new filter (the cursor back on
 * the first row). */
static void load(struct tui *t)
{
	struct actions_state *av = tui_state(t, &view_actions);
	av->f.today = clock_today();
	if (!av->n || av->offset == 0 || av->sel == 0) {
		action_rows_free(av->rows, av->n);
		av->rows = NULL;
		av->n = 0;
		av->offset = 0;
	}
	if (actions_count(t->st, &av->f, &av->total, &av->overdue) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		action_rows_free(av->rows, av->n);
		av->rows = NULL;
		av->n = 0;
		av->offset = 0;
		return;
	}
	if (av->sel >= av->total)
		av->sel = av->total > 0 ? (int)av->total - 1 : 0;
	if (av->n)
		pager_reread(t, &pager, &av->offset, pager_window(t));
	load_page(t);
}

static const struct action_row *selected(const struct actions_state *av)
{
	long i = (long)av->sel - (long)av->offset;
	return i >= 0 && (size_t)i < av->n ? &av->rows[i] : NULL;
}

/* --- drawing ------------------------------------------------------------ */

/* The columns: due, days late, slips and meetings carried, the escalation
 * mark, owner, and where there is room (100 columns) department and meeting;
 * then the text. */
enum { COL_DUE, COL_LATE, COL_SLIPS, COL_ESC, COL_OWNER, COL_DEPT, COL_MEETING, COL_TEXT,
       N_COLS };

/* The widths for the rows held: owners and departments whole when they fit,
 * a name readable at 80 columns. */
static void layout(const struct actions_state *av, int w, struct list_col *c)
{
	bool wide = w >= 100;
	const struct list_col cols[N_COLS] = {
		[COL_DUE] = LIST_COL_FIXED(10), [COL_LATE] = LIST_COL_FIXED(5),
		[COL_SLIPS] = LIST_COL_FIXED(9), [COL_ESC] = LIST_COL_FIXED(3),
		[COL_OWNER] = {5, 16, 30, 0, 0, 0},
		[COL_DEPT] = wide ? (struct list_col){10, 15, 30, 0, 0, 0}
				  : (struct list_col)LIST_COL_FIXED(0),
		[COL_MEETING] = LIST_COL_FIXED(wide ? 10 : 0), [COL_TEXT] = LIST_COL_REST(12),
	};
	memcpy(c, cols, sizeof cols);
	for (size_t i = 0; i < av->n; i++) {
		list_col_want(&c[COL_OWNER], av->rows[i].it.person_name);
		if (wide)
			list_col_want(&c[COL_DEPT], av->rows[i].it.dept_name);
	}
	list_cols(c, N_COLS, 1, w - 1, 1);
	if (!wide) /* the text where the department and meeting were */
		c[COL_TEXT].x = c[COL_DEPT].x, c[COL_TEXT].w += 2;
}

static void draw_row(const struct actions_state *av, const struct action_row *r, int y, int w,
		     bool cur, const struct list_col *c)
{
	const struct item *it = &r->it;
	char buf[64], date[16];
	int late = action_days_overdue(it, av->f.today);
	bool esc = action_escalated(it, av->escalate_after);
	bool closed = it->status != STATUS_OPEN;
	attr_t a = cur ? theme(C_SELECTED) : closed ? theme(C_MUTED) : theme(C_NORMAL);
	attr_t muted = cur ? a : theme(C_MUTED);
	draw_fill(y, 0, w, a);
	date[0] = '\0';
	if (it->due != DATE_NONE)
		date_format(it->due, date, sizeof date);
	draw_text(y, c[COL_DUE].x, date[0] ? date : "-", 10, late && !cur ? theme(C_WARNING) : a);
	if (late) {
		snprintf(buf, sizeof buf, "%4dd", late);
		draw_text(y, c[COL_LATE].x, buf, 5, cur ? a : theme(C_WARNING));
	} else if (closed) {
		draw_text(y, c[COL_LATE].x, it->status == STATUS_DONE ? " done" : " drop", 5, muted);
	}
	snprintf(buf, sizeof buf, "%4d %4d", it->slips, it->carried);
	draw_text(y, c[COL_SLIPS].x, buf, 9, muted);
	if (esc)
		draw_text(y, c[COL_ESC].x, "ESC", 3, cur ? a | A_BOLD : theme(C_ERROR) | A_BOLD);
	draw_text_fit(y, c[COL_OWNER].x, it->person_name ? it->person_name : "-", c[COL_OWNER].w,
		      a);
	if (c[COL_DEPT].w) {
		draw_text_fit(y, c[COL_DEPT].x, it->dept_name ? it->dept_name : "-", c[COL_DEPT].w,
			      muted);
		if (r->meeting_at)
			date_format(date_from_time(r->meeting_at), date, sizeof date);
		draw_text(y, c[COL_MEETING].x, r->meeting_at ? date : "-", 10, muted);
	}
	if (c[COL_TEXT].w > 0)
		draw_text_fit(y, c[COL_TEXT].x, it->text, c[COL_TEXT].w,
			      late && !cur ? theme(C_WARNING) : a);
}

static void draw_header(struct tui *t)
{
	struct actions_state *av = tui_state(t, &view_actions);
	char line[400];
	if (av->f.state == ASTATE_OVERDUE || av->f.state == ASTATE_DONE ||
	    av->f.state == ASTATE_DROPPED)
		snprintf(line, sizeof line, " Actions: %lld %s", (long long)av->total,
			 action_state_label(av->f.state));
	else
		snprintf(line, sizeof line, " Actions: %lld %s, %lld overdue", (long long)av->total,
			 av->f.state == ASTATE_ALL ? "in all" : action_state_label(av->f.state),
			 (long long)av->overdue);
	draw_line(0, 0, line, t->cols, theme(C_TITLE));
	/* Names at any length, columns as wide as the terminal. */
	char *s = xasprintf("Showing: %s   Department: %s   Owner: %s",
			    action_state_label(av->f.state), av->dept_name ? av->dept_name : "any",
			    av->owner_name ? av->owner_name : "any");
	draw_text(1, 1, s, t->cols - 2, theme(C_HEADING));
	free(s);
	struct list_col c[N_COLS];
	layout(av, t->cols, c);
	static const char *const heads[N_COLS] = {"Due", " Late", "Slip Carr", "Esc", "Owner",
						  "Department", "Meeting", "Action"};
	draw_fill(2, 0, t->cols, theme(C_MUTED) | A_UNDERLINE);
	for (int i = 0; i < N_COLS; i++)
		if (c[i].w)
			draw_text(2, c[i].x, heads[i], c[i].w, theme(C_MUTED) | A_UNDERLINE);
}

/* The selected action in full under the list: text, department, meeting. */
static void draw_detail(struct tui *t, int y)
{
	const struct actions_state *av = tui_state(t, &view_actions);
		const struct action_row *r = selected(av);
	if (!r)
		return;
	char line[200], date[16];
	if (r->meeting_at) {
		date_format(date_from_time(r->meeting_at), date, sizeof date);
		snprintf(line, sizeof line, "#%lld %s, from the meeting of %s", (long long)r->it.id,
			 item_status_name(r->it.status), date);
	} else {
		snprintf(line, sizeof line, "#%lld %s, captured outside a meeting",
			 (long long)r->it.id, item_status_name(r->it.status));
	}
	int used = draw_text(y, 1, line, t->cols - 2, theme(C_MUTED));
	if (r->it.dept_name && used + 4 < t->cols - 2) {
		draw_text(y, 1 + used, ", ", 2, theme(C_MUTED));
		draw_text(y, 3 + used, r->it.dept_name, t->cols - 5 - used, theme(C_MUTED));
	}
	draw_wrapped(y + 1, 1, r->it.text, t->cols - 2, 1, theme(C_NORMAL));
}

static int list_rows(struct tui *t) { return t->rows - 7; }

static void actions_draw(struct tui *t)
{
	struct actions_state *av = tui_state(t, &view_actions);
	draw_header(t);
	int rows = list_rows(t);
	struct list_col c[N_COLS];
	layout(av, t->cols, c);
	if (av->total == 0) {
		draw_text(4, 2, "No actions match the filters.", t->cols - 4, theme(C_MUTED));
	} else {
		list_area(t, 3, 0, t->cols, rows, av->sel, &av->top, (size_t)av->total);
		for (int r = 0; r < rows; r++) {
			long idx = (long)av->top + r - (long)av->offset;
			if (idx < 0 || (size_t)idx >= av->n)
				break;
			draw_row(av, &av->rows[idx], 3 + r, t->cols, av->top + r == av->sel, c);
		}
		draw_detail(t, t->rows - 4);
	}
	draw_line(t->rows - 1, 0, " Enter act  v history  f state  d dept  o owner  ? help  q back",
		  t->cols, theme(C_STATUS));
}

/* --- the history panel -------------------------------------------------- */

/* One line per event: when, what, old -> new, reason, in which meeting. */
static char *event_line(const struct item_event *e)
{
	char when[32];
	clock_format_utc(e->at, when, sizeof when);
	when[16] = '\0';
	when[10] = ' ';
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%s  %s", when, event_kind_label(e->kind));
	if (e->kind == EVENT_IMPORTED && e->new_value)
		sb_addf(&sb, " from %s", e->new_value); /* "imported from a.csv, line 3" */
	else if (e->old_value || e->new_value)
		sb_addf(&sb, "  %s -> %s", e->old_value ? e->old_value : "-",
			e->new_value ? e->new_value : "-");
	if (e->reason)
		sb_addf(&sb, "  \"%s\"", e->reason);
	if (e->meeting_id)
		sb_addf(&sb, "  (meeting #%lld)", (long long)e->meeting_id);
	else
		sb_add(&sb, "  (outside a meeting)");
	return sb_take(&sb);
}

/* The panel over the list: the events, scrolled by the moving keys. */
struct history_panel {
	char title[64];
	char **lines;
	size_t n;
	int top;
};

static int panel_page(const struct tui *t) { return t->rows - 4 - 4; }

static void panel_draw(struct tui *t, void *ctx)
{
	struct history_panel *hp = ctx;
	int h = t->rows - 4, w = t->cols - 4, page = panel_page(t), n = (int)hp->n;
	if (hp->top > n - page)
		hp->top = n - page > 0 ? n - page : 0;
	draw_dialog_box(2, 2, h, w, hp->title);
	for (int i = 0; i < page && hp->top + i < n; i++)
		draw_line(3 + i, 4, hp->lines[hp->top + i], w - 4, theme(C_NORMAL));
	draw_text(h, 4, "Up/Down scroll   any other key: close", w - 4, theme(C_MUTED));
}

static enum modal_rc panel_key(struct tui *t, void *ctx, wint_t ch, bool is_key)
{
	struct history_panel *hp = ctx;
	int page = panel_page(t);
	enum action a = keymap_lookup(ch, is_key);
	return cursor_move(&hp->top, a, hp->n, page > 1 ? page - 1 : 1) ? MODAL_GO_ON : MODAL_DONE;
}

static void history(struct tui *t)
{
	const struct actions_state *av = tui_state(t, &view_actions);
		const struct action_row *r = selected(av);
	if (!r)
		return;
	struct item_event *ev;
	size_t n;
	if (store_item_events(t->st, r->it.id, &ev, &n) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	char **lines = xcalloc(n + 1, sizeof *lines);
	for (size_t i = 0; i < n; i++)
		lines[i] = event_line(&ev[i]);
	static const struct modal panel = {.draw = panel_draw, .key = panel_key};
	struct history_panel hp = {.lines = lines, .n = n};
	snprintf(hp.title, sizeof hp.title, "History of action #%lld", (long long)r->it.id);
	modal_run(t, &panel, &hp);
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	item_events_free(ev, n);
}

/* --- filters and keys --------------------------------------------------- */

static void set_dept(struct tui *t)
{
	struct actions_state *av = tui_state(t, &view_actions);
	free(av->dept_name);
	av->dept_name = NULL;
	if (av->f.dept_id) {
		av->f.dept_id = 0;
		tui_flash(t, false, "Any department.");
		return;
	}
	store_id id = pick_department(t, "Only the actions of department", "");
	struct dept d;
	if (id && store_dept_get(t->st, id, &d) == STORE_OK) {
		av->f.dept_id = id;
		av->dept_name = xstrdup(d.name);
		dept_free(&d);
	}
}

static void set_owner(struct tui *t)
{
	struct actions_state *av = tui_state(t, &view_actions);
	free(av->owner_name);
	av->owner_name = NULL;
	if (av->f.person_id) {
		av->f.person_id = 0;
		tui_flash(t, false, "Any owner.");
		return;
	}
	/* Archived people too: they may still owe actions. No "add a person"
	 * here, unlike pick_person: a filter creates nothing. */
	struct person *p;
	size_t n;
	if (store_person_list(t->st, true, 0, &p, &n) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	struct pick_option *o = xcalloc(n + 1, sizeof *o);
	for (size_t i = 0; i < n; i++)
		o[i] = (struct pick_option){p[i].id, xstrdup(p[i].name),
					    xstrdup(p[i].dept_name ? p[i].dept_name : "")};
	int k = dialog_pick(t, "Only the actions owned by", o, n, "", NULL);
	if (k >= 0) {
		av->f.person_id = o[k].id;
		av->owner_name = xstrdup(o[k].label);
	}
	pick_options_free(o, n);
	person_list_free(p, n);
}

enum {
	AV_STATE = ACT_VIEW,
	AV_DEPT,
	AV_OWNER,
	AV_HISTORY,
};

static const struct keymap_entry actions_keys[] = {
	KM_HEADING("Actions"),
	{ACT_SELECT, "act", "Act on the action: done, a new due date, a new owner, drop, reopen",
	 {{0, false}}},
	{AV_HISTORY, "history", "Show the action's history: every change, when and why",
	 {KM_CH('v')}},
	{ACT_QUIT, "back", "Back to the home screen", {{0, false}}},
	KM_HEADING("Filters"),
	{AV_STATE, "filter-state", "Show the next state: open, overdue, due this week, done, "
				   "dropped, all", {KM_CH('f'), KM_CH('\t')}},
	{AV_DEPT, "filter-department", "Only one department's actions (again: any department)",
	 {KM_CH('d')}},
	{AV_OWNER, "filter-owner", "Only one owner's actions (again: any owner)", {KM_CH('o')}},
};

static const struct keymap actions_keymap = KEYMAP("the actions view", actions_keys);

/* The view's own keys; true when ch was one. */
static bool own_key(struct tui *t, wint_t ch, bool is_key)
{
	struct actions_state *av = tui_state(t, &view_actions);
	switch (keymap_find(&actions_keymap, ch, is_key)) {
	case AV_STATE:
		av->f.state = action_state_next(av->f.state);
		break;
	case AV_DEPT: set_dept(t); break;
	case AV_OWNER: set_owner(t); break;
	case AV_HISTORY: history(t); return true;
	default: return false;
	}
	av->sel = av->top = 0;
	load(t);
	return true;
}

static enum action actions_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	struct actions_state *av = tui_state(t, &view_actions);
	if (own_key(t, ch, is_key))
		return ACT_NONE;
	if (cursor_move(&av->sel, a, (size_t)av->total, list_rows(t) > 1 ? list_rows(t) - 1 : 1)) {
		load_page(t);
		return ACT_NONE;
	}
	switch (a) {
	case ACT_SELECT: {
		const struct action_row *r = selected(av);
		if (r && action_menu(t, &r->it, 0, av->next_meeting))
			load(t);
		return ACT_NONE;
	}
	case ACT_QUIT:
		tui_back(t);
		return ACT_NONE;
	case ACT_HELP:
	case ACT_REDRAW:
		return a;
	default:
		return ACT_NONE;
	}
}

static void actions_close(struct tui *t)
{
	struct actions_state *av = tui_state(t, &view_actions);
	action_rows_free(av->rows, av->n);
	free(av->dept_name);
	free(av->owner_name);
	memset(av, 0, sizeof *av);
}

const struct view_ops view_actions = {
	.name = "actions",
	.keymap = &actions_keymap,
	.private_size = sizeof(struct actions_state),
	.draw = actions_draw,
	.key = actions_key,
	.close = actions_close,
};

void actions_view_open(struct tui *t)
{
	struct actions_state *av = tui_state(t, &view_actions);
	memset(av, 0, sizeof *av);
	av->f = (struct action_filter){ASTATE_OPEN, 0, 0, DATE_NONE, clock_today()};
	struct org o;
	struct meeting last;
	cx_date today = clock_today();
	av->escalate_after = 3;
	av->next_meeting = DATE_NONE;
	if (store_org_get(t->st, &o) == STORE_OK) {
		/* The council's next meeting, as home and the meeting runner see it. */
		bool have_last = store_meeting_last(t->st, &last) == STORE_OK;
		cx_date next = council_next_meeting(&o.cadence, have_last ? &last : NULL, today);
		av->next_meeting = next >= today ? next : DATE_NONE;
		av->escalate_after = o.escalate_after;
		org_free(&o);
	}
	tui_open_view(t, &view_actions);
	load(t);
}
