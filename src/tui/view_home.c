/* view_home.c - the home screen: the organisation and its CX mission, when the
 * next meeting is due by the cadence (or how late it is), open and overdue
 * actions, the last meeting, what the set-up still lacks, and the menu:
 * starting or resuming a meeting, the views between meetings and the
 * council's set-up. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "list.h"
#include "screen.h"
#include "views.h"
#include "council_facts.h"
#include "keymap.h"
#include "form.h"
#include "cxmeet/report.h"
#include "cxmeet/util.h"

/* At most this many items recorded for the next meeting are counted. */
#define WAITING_SHOWN 1000

/* The view's state: the menu entry under the cursor. */
struct home_state {
	int sel;
};

struct home_facts {
	struct org org;
	bool have_org;
	struct meeting last;
	bool have_last;
	bool in_progress;
	int64_t open, overdue;
	int waiting[ITEM_KIND_COUNT]; /* recorded since the last meeting, by kind */
	int n_waiting;
	struct focus focus; /* one department at a time */
	bool has_focus;
	char focus_line[600];
};

static void facts_load(struct tui *t, struct home_facts *f)
{
	memset(f, 0, sizeof *f);
	f->have_org = store_org_get(t->st, &f->org) == STORE_OK;
	f->have_last = store_meeting_last(t->st, &f->last) == STORE_OK;
	store_id id;
	f->in_progress = store_meeting_in_progress(t->st, &id) == STORE_OK;
	store_action_counts(t->st, clock_today(), 0, &f->open, &f->overdue);
	struct waiting_item *w;
	size_t n;
	if (store_waiting_items(t->st, 0, WAITING_SHOWN, &w, &n) == STORE_OK) {
		for (size_t i = 0; i < n; i++)
			if (!w[i].discussed)
				f->waiting[w[i].it.kind]++, f->n_waiting++;
		waiting_items_free(w, n);
	}
	f->has_focus = store_focus_get(t->st, &f->focus) == STORE_OK;
	if (f->has_focus) {
		char since[16];
		date_format(f->focus.since, since, sizeof since);
		snprintf(f->focus_line, sizeof f->focus_line, "Focus: %s since %s%s%s%s%s.",
			 f->focus.dept_name, since, f->focus.plan ? ": " : "",
			 f->focus.plan ? f->focus.plan : "", f->focus.next_step ? "; next: " : "",
			 f->focus.next_step ? f->focus.next_step : "");
	}
}

/* The menu: what each entry opens, with the action (in the keymap below)
 * whose key opens it from home. Entries with no opener are the meeting (its
 * label depends on whether one is in progress), help and quit. */
struct home_entry {
	const char *label;
	const char *brief; /* for narrow columns */
	int action;        /* ACT_NONE: none */
	void (*open)(struct tui *t);
};

enum {
	HOME_HISTORY = ACT_VIEW,
	HOME_ACTIONS,
	HOME_DECISIONS,
	HOME_CADENCE,
	HOME_COUNCIL,
	HOME_PEOPLE,
	HOME_MAP,
	HOME_AGENDAS,
	HOME_LEDGER,
	/* recording between meetings: one key per kind (home_adds) */
	HOME_ADD_WIN,
	HOME_ADD_STORY,
	HOME_ADD_INSIGHT,
	HOME_ADD_PARKED,
	HOME_ADD_TOPIC,
	HOME_ADD_ACTION,
	HOME_ADD_MESSAGE,
	HOME_ADD_NOTE,
};

/* The kind each of those keys records, in their order. */
static const enum item_kind home_adds[] = {ITEM_WIN,    ITEM_STORY,  ITEM_INSIGHT, ITEM_PARKED,
					   ITEM_TOPIC,  ITEM_ACTION, ITEM_MESSAGE, ITEM_NOTE};

static const struct keymap_entry home_keys[] = {
	KM_HEADING("Home"),
	{ACT_SELECT, "open", "Open the entry under the cursor (start or resume a meeting)",
	 {{0, false}}},
	{HOME_HISTORY, "history", "History and search: past meetings, their minutes",
	 {KM_CH('h')}},
	{HOME_ACTIONS, "actions", "Actions: who owes what", {KM_CH('a')}},
	{HOME_DECISIONS, "decisions", "Decisions: the decision log", {KM_CH('d')}},
	{HOME_CADENCE, "cadence", "Cadence and participation", {KM_CH('C')}},
	{HOME_COUNCIL, "council", "Council and charter", {KM_CH('c')}},
	{HOME_PEOPLE, "people", "Departments and people", {KM_CH('p')}},
	{HOME_MAP, "stakeholders", "Stakeholder map and champions", {KM_CH('m')}},
	{HOME_AGENDAS, "agendas", "Agenda templates", {KM_CH('t')}},
	{HOME_LEDGER, "ledger", "Buy-in ledger: each department's part, by quarter", {KM_CH('L')}},
	{ACT_QUIT, "quit", "Quit cxmeet", {{0, false}}},
	KM_HEADING("Record between meetings (it waits for the next meeting)"),
	{HOME_ADD_WIN, "add-win", "Record a win", {KM_CH('W')}},
	{HOME_ADD_STORY, "add-story", "Record a customer story", {KM_CH('S')}},
	{HOME_ADD_INSIGHT, "add-insight", "Record an insight", {KM_CH('I')}},
	{HOME_ADD_PARKED, "add-parked", "Park a topic for later", {KM_CH('P')}},
	{HOME_ADD_TOPIC, "add-topic", "Add a talking point for the next meeting", {KM_CH('T')}},
	{HOME_ADD_ACTION, "add-action", "Record an action", {KM_CH('A')}},
	{HOME_ADD_MESSAGE, "add-message", "Record a message to another team", {KM_CH('M')}},
	{HOME_ADD_NOTE, "add-note", "Record a note", {KM_CH('N')}},
};

static const struct keymap home_keymap = KEYMAP("the home screen", home_keys);

static void people_open(struct tui *t) { tui_open_view(t, &view_people); }
static void map_open(struct tui *t) { stakeholder_view_open(t, 0); }

static const struct home_entry home_menu[] = {
	{"Start a meeting", "Start a meeting", 0, NULL},
	{"History and search", "History", HOME_HISTORY, history_view_open},
	{"Actions: who owes what", "Actions", HOME_ACTIONS, actions_view_open},
	{"Decisions: the decision log", "Decisions", HOME_DECISIONS, decisions_view_open},
	{"Cadence and participation", "Cadence", HOME_CADENCE, cadence_view_open},
	{"Buy-in ledger", "Ledger", HOME_LEDGER, ledger_view_open},
	{"Council and charter", "Council", HOME_COUNCIL, council_view_open},
	{"Departments and people", "People", HOME_PEOPLE, people_open},
	{"Stakeholder map and champions", "Stakeholders", HOME_MAP, map_open},
	{"Agenda templates", "Agendas", HOME_AGENDAS, agenda_view_open},
	{"Help: keys", "Help", ACT_HELP, NULL},
	{"Quit", "Quit", ACT_QUIT, NULL},
};

#define HOME_MEETING 0
#define HOME_N ((int)ARRAY_SIZE(home_menu))

/* "To do: CX mission, 6 charter answers (press c: ...)" while the set-up is
 * incomplete; false when nothing is missing. */
static bool todo_text(struct tui *t, char *line, size_t len)
{
	struct council_facts cf;
	if (!council_facts_load(t, &cf))
		return false;
	bool any = council_missing_any(&cf.missing);
	if (any) {
		char what[300];
		council_missing_format(&cf.missing, what, sizeof what);
		snprintf(line, len, "To do: %s (press c: council and charter)", what);
	}
	council_facts_free(&cf);
	return any;
}

static void menu_label(const struct home_facts *f, int i, bool brief, char *buf, size_t len)
{
	const struct home_entry *e = &home_menu[i];
	const char *label = i == HOME_MEETING && f->in_progress
				    ? (brief ? "Resume meeting" : "Resume the meeting in progress")
				    : brief ? e->brief : e->label;
	int key = keymap_key_of(&home_keymap, e->action);
	if (e->open && key)
		snprintf(buf, len, "  %s (%lc)  ", label, (wint_t)key);
	else
		snprintf(buf, len, "  %s  ", label);
}

/* "Waiting for the next meeting: 2 wins, 1 talking point." */
static void waiting_line(const struct home_facts *f, char *buf, size_t len)
{
	if (!f->n_waiting) {
		snprintf(buf, len, "Nothing recorded for the next meeting yet (W S I P T A M N "
			 "record one).");
		return;
	}
	size_t at = (size_t)snprintf(buf, len, "Waiting for the next meeting:");
	const char *sep = " ";
	for (int k = 0; k < ITEM_KIND_COUNT && at < len; k++)
		if (f->waiting[k]) {
			at += (size_t)snprintf(buf + at, len - at, "%s%d %s", sep, f->waiting[k],
					       item_kind_plural((enum item_kind)k, f->waiting[k]));
			sep = ", ";
		}
	if (at < len)
		snprintf(buf + at, len - at, "%s.", f->n_waiting >= WAITING_SHOWN ? " or more" : "");
}

static void due_line(const struct home_facts *f, char *buf, size_t len)
{
	cx_date today = clock_today();
	if (!f->have_last) {
		snprintf(buf, len, "No meeting held yet.");
		return;
	}
	cx_date next = council_next_meeting(&f->org.cadence, &f->last, today);
	char due[80];
	next_due_text(next, today, due, sizeof due);
	snprintf(buf, len, "Next meeting %s.", due);
}

static void home_draw(struct tui *t)
{
	struct home_state *hs = tui_state(t, &view_home);
	struct home_facts f;
	facts_load(t, &f);
	const char *name = f.have_org && *f.org.text[ORG_NAME] ? f.org.text[ORG_NAME] : "cxmeet";
	char line[400];
	snprintf(line, sizeof line, " %s  CX council%s", name, t->council);
	draw_line(0, 0, line, t->cols, theme(C_TITLE));
	int x = 2, w = t->cols - 4, y = 2;
	draw_text(y++, x, "CX mission", w, theme(C_HEADING));
	/* Below the mission come a gap, three or four lines of facts, a gap, the
	 * to-do line if any, the menu and the status line. The menu takes two
	 * columns when one would not fit under the whole mission; then the
	 * mission gives up rows if it still must. */
	char todo[400];
	int todo_rows = todo_text(t, todo, sizeof todo) ? text_wrap_rows(todo, w, 2) : 0;
	int focus_rows = f.has_focus ? text_wrap_rows(f.focus_line, w, 2) : 0;
	int below = 1 + 4 + (f.have_last ? 1 : 0) + focus_rows + 1 + 1 +
		    (todo_rows ? todo_rows + 1 : 0);
	bool have_mission = f.have_org && *f.org.text[ORG_MISSION];
	const char *mission = have_mission ? f.org.text[ORG_MISSION]
					   : "Not written yet: press c to write it.";
	int avail = t->rows - y - below, mission_rows = text_wrap_rows(mission, w - 2, 4);
	int cols = 1, gap = 1;
	if (mission_rows + HOME_N > avail) {
		cols = 2;
		int room = avail - (HOME_N + 1) / 2;
		if (room < 1) /* still short: the blank lines go first */
			gap = 0, room += 2 + (todo_rows ? 1 : 0);
		mission_rows = room < 1 ? 1 : room < mission_rows ? room : mission_rows;
	}
	y += draw_wrapped(y, x + 2, mission, w - 2, mission_rows,
			  have_mission ? theme(C_ACCENT) : theme(C_MUTED));
	y += gap;
	char cad[48];
	cadence_format(&f.org.cadence, cad, sizeof cad);
	snprintf(line, sizeof line, "Cadence: %s", cad);
	draw_text(y++, x, line, w, theme(C_NORMAL));
	due_line(&f, line, sizeof line);
	bool late = strstr(line, "late") != NULL;
	draw_text(y++, x, line, w, late ? theme(C_WARNING) : theme(C_NORMAL));
	snprintf(line, sizeof line, "Open actions: %lld, of which %lld overdue.", (long long)f.open,
		 (long long)f.overdue);
	draw_text(y++, x, line, w, f.overdue ? theme(C_WARNING) : theme(C_NORMAL));
	if (f.have_last) {
		char date[16], rating[16] = "";
		date_format(date_from_time(f.last.started_at), date, sizeof date);
		if (f.last.rating)
			snprintf(rating, sizeof rating, ", rated %d/10", f.last.rating);
		snprintf(line, sizeof line, "Last meeting: %s, %s%s.", date,
			 f.last.status == MEETING_IN_PROGRESS ? "still in progress"
			 : f.last.status == MEETING_COMPLETED ? "completed" : "abandoned", rating);
		draw_text(y++, x, line, w, theme(C_NORMAL));
	}
	waiting_line(&f, line, sizeof line);
	draw_text(y++, x, line, w, f.n_waiting ? theme(C_ACCENT) : theme(C_MUTED));
	if (f.has_focus)
		y += draw_wrapped(y, x, f.focus_line, w, focus_rows, theme(C_ACCENT));
	y += gap;
	if (todo_rows)
		y += draw_wrapped(y, x, todo, w, todo_rows, theme(C_WARNING)) + gap;
	if (hs->sel >= HOME_N)
		hs->sel = HOME_N - 1;
	int per_col = (HOME_N + cols - 1) / cols, cw = w / cols;
	bool brief = cols > 1 && cw < 38;
	for (int c = 0; c < cols; c++) /* a click chooses an entry, another opens it */
		tui_area_add(t, &(struct tui_area){.kind = AREA_LIST, .y = y, .x = x + c * cw,
						   .h = per_col < t->rows - 1 - y ? per_col
									       : t->rows - 1 - y,
						   .w = cw - 1, .top = c * per_col, .sel = hs->sel,
						   .n = (size_t)HOME_N, .open = true});
	for (int i = 0; i < HOME_N; i++) {
		int ry = y + i % per_col, rx = x + (i / per_col) * cw;
		if (ry >= t->rows - 1)
			continue;
		menu_label(&f, i, brief, line, sizeof line);
		draw_text(ry, rx, line, cw - 1, i == hs->sel ? theme(C_SELECTED) : theme(C_NORMAL));
	}
	draw_line(t->rows - 1, 0, " Up/Down choose  Enter open  ?  help  q quit", t->cols,
		  theme(C_STATUS));
	if (f.have_org)
		org_free(&f.org);
	if (f.has_focus)
		focus_free(&f.focus);
}

/* The capture form of a meeting, for an item kept with no meeting: it waits
 * for the next one. */
static void record(struct tui *t, enum item_kind kind)
{
	struct item it = {.kind = kind, .due = DATE_NONE, .revisit = DATE_NONE};
	if (form_item(t, &it, 0, 0, NULL)) {
		if (kind == ITEM_WIN && win_only_a_number(it.text))
			tui_flash(t, true, "Recorded win #%lld. " WIN_ONLY_A_NUMBER_ADVICE ".",
				  (long long)it.id);
		else
			tui_flash(t, false, "Recorded %s #%lld: it waits for the next meeting.",
				  item_kind_label(kind), (long long)it.id);
	}
	item_free(&it);
}

static enum action home_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	struct home_state *hs = tui_state(t, &view_home);
	int own = keymap_find(&home_keymap, ch, is_key);
	for (int i = 0; own != ACT_NONE && i < HOME_N; i++)
		if (home_menu[i].open && home_menu[i].action == own) {
			hs->sel = i;
			home_menu[i].open(t);
			return ACT_NONE;
		}
	for (size_t k = 0; k < ARRAY_SIZE(home_adds); k++)
		if (own == HOME_ADD_WIN + (int)k) {
			record(t, home_adds[k]);
			return ACT_NONE;
		}
	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
	case ACT_TOP:
	case ACT_BOTTOM:
		cursor_move(&hs->sel, a, HOME_N, HOME_N);
		return ACT_NONE;
	case ACT_SELECT:
		if (hs->sel == HOME_MEETING) {
			store_id id;
			if (store_meeting_in_progress(t->st, &id) == STORE_OK)
				meeting_view_open(t, true);
			else
				prepare_view_open(t); /* pick and adjust this meeting's agenda first */
		} else if (home_menu[hs->sel].open) {
			home_menu[hs->sel].open(t);
		} else {
			return (enum action)home_menu[hs->sel].action; /* help or quit */
		}
		return ACT_NONE;
	default:
		return a;
	}
}

const struct view_ops view_home = {
	.name = "home",
	.keymap = &home_keymap,
	.private_size = sizeof(struct home_state),
	.draw = home_draw,
	.key = home_key,
};
