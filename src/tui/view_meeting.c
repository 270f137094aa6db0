/* view_meeting.c - the meeting runner: top bar, agenda sidebar with planned
 * minutes, time spent and done marks, the current step's prompt and pane, and
 * a status line with the meeting clock and the step's time against plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meeting_view.h"
#include "draw.h"
#include "list.h"
#include "dialog.h"
#include "form.h"
#include "views.h"
#include "cxmeet/fileio.h"
#include "cxmeet/text.h"
#include "cxmeet/tui.h"
#include "cxmeet/util.h"

/* The runner's own action (its keymap, below). */
enum { MEETING_WAITING = ACT_VIEW, MEETING_VALUE, MEETING_PRESENTER, MEETING_UNDO };
/* the roll call's and the wrap-up's own keys (their panes read them) */
enum { MEETING_EVERYONE = ACT_VIEW + 20, MEETING_BRIEFER, MEETING_RATE_MEMBERS };
static const struct keymap meeting_keymap;

const struct pane_ops *pane_for(enum step_kind k)
{
	switch (k) {
	case STEP_ROLL_CALL: return &pane_rollcall;
	case STEP_MISSION: return &pane_mission;
	case STEP_ACTION_REVIEW: return &pane_review;
	case STEP_PRIORITIES: return &pane_priorities;
	case STEP_INSIGHTS: return &pane_scorecard;
	case STEP_INITIATIVES: return &pane_initiatives;
	case STEP_WINS: return &pane_wins;
	case STEP_WRAP_UP: return &pane_wrapup;
	default: return &pane_items;
	}
}

/* The minutes column of step i: "spent/planned". */
static void step_minutes(const struct meeting_run *r, size_t i, time_t now, char *buf, size_t len)
{
	snprintf(buf, len, "%d/%d", meeting_step_minutes(r, (int)i, now),
		 r->steps[i].planned_minutes);
}

/* The agenda's width: enough for every step's title whole beside its mark
 * and number (the standard agenda's at 80 columns) and, on a large screen,
 * its minutes (on a small one they show where the title leaves room); no
 * less than 24 columns (32 on a large screen) and no more than a third of
 * the screen (a quarter on a large one), so that the step's pane keeps the
 * rest; a title longer than that ends with an ellipsis. */
static int sidebar_width(const struct tui *t)
{
	const struct meeting_run *r = &t->mv->run;
	time_t now = clock_now();
	int digits = r->n_steps >= 10 ? 2 : 1, title = 0, mins = 0;
	char buf[24];
	for (size_t i = 0; i < r->n_steps; i++) {
		int c = text_cols(r->steps[i].title);
		title = c > title ? c : title;
		step_minutes(r, i, now, buf, sizeof buf);
		c = text_cols(buf);
		mins = c > mins ? c : mins;
	}
	int need = 1 + digits + 1 + title + (t->compact ? 0 : 1 + mins);
	int least = t->compact ? 24 : 32;
	int most = t->compact ? t->cols / 3 : t->cols / 4;
	if (most < least)
		most = least;
	return need < least ? least : need > most ? most : need;
}

static void draw_sidebar(struct tui *t, int y, int h, int w)
{
	struct meeting_run *r = &t->mv->run;
	time_t now = clock_now();
	draw_line(y, 0, "Agenda", w, theme(C_HEADING));
	/* A click on a step goes there (meeting_click). */
	tui_area_add(t, &(struct tui_area){.kind = AREA_STEPS, .y = y + 1, .x = 0, .h = h - 1,
					   .w = w, .n = r->n_steps});
	/* Numbers right-aligned, so that the titles stay in one column when a
	 * guest topic takes the agenda to 10 steps or more. */
	int digits = r->n_steps >= 10 ? 2 : 1;
	for (size_t i = 0; i < r->n_steps && (int)i + 1 < h; i++) {
		const struct meeting_step *s = &r->steps[i];
		bool cur = (int)i == r->m.current_step;
		char spent[24];
		step_minutes(r, i, now, spent, sizeof spent);
		char mark = s->done ? '+' : cur ? '>' : s->skipped ? '-' : ' ';
		char *line = xasprintf("%c%*zu %s", mark, digits, i + 1, s->title);
		/* Skipped steps stay in view, muted: the runner passes over them. */
		attr_t a = cur ? theme(C_SELECTED) : s->done ? theme(C_OK)
			   : s->skipped ? theme(C_MUTED) : theme(C_NORMAL);
		enum step_timing tm = meeting_step_timing(r, (int)i, now);
		bool over = tm == TIMING_OVER || (cur && tm == TIMING_LAST_MINUTE);
		int sw = text_cols(spent);
		draw_fill(y + 1 + (int)i, 0, w, a);
		if (text_cols(line) + 1 + sw > w) {
			/* No room for both: the title whole, its overrun in its colour
			 * (the status line has the current step's time). */
			draw_text_fit(y + 1 + (int)i, 0, line, w, over && !cur ? theme(C_WARNING) : a);
		} else {
			draw_text(y + 1 + (int)i, 0, line, w - sw - 1, a);
			draw_text(y + 1 + (int)i, w - sw, spent, sw,
				  over ? theme(C_WARNING) : cur ? a : theme(C_MUTED));
		}
		free(line);
	}
	for (int row = y; row < y + h; row++)
		mvaddch(row, w, ACS_VLINE);
}

/* The timer's words at a level of detail (0: the most; TIMER_LEVELS - 1:
 * the step's time alone), the least needed dropped first: the time spent
 * against the plan, how late or early the end is, the planned end, the
 * meeting's time left, the projected end. */
#define TIMER_LEVELS 6
static char *timer_text(const struct meeting_run *r, time_t now, int level)
{
	int cur = r->m.current_step;
	const struct meeting_step *s = meeting_current(r);
	int left = meeting_step_left(r, cur, now), mleft = meeting_left(r, now);
	char a[24], b[24], spent[48] = "", mspent[48] = "", step[96], meet[80], end[96];
	duration_clock_text(left, a, sizeof a);
	if (level == 0) {
		duration_clock_text(meeting_step_seconds(r, cur, now), b, sizeof b);
		snprintf(spent, sizeof spent, " (%s of %dm)", b, s->planned_minutes);
		duration_clock_text(meeting_total_seconds(r, now), b, sizeof b);
		snprintf(mspent, sizeof mspent, " (%s of %dm)", b, meeting_planned_minutes(r));
	}
	switch (meeting_step_timing(r, cur, now)) {
	case TIMING_OVER:
		snprintf(step, sizeof step, "Step %s OVER%s", a, spent);
		break;
	case TIMING_LAST_MINUTE:
		if (left == STEP_WARN_SECS)
			snprintf(step, sizeof step, "1 minute left in this step%s", spent);
		else
			snprintf(step, sizeof step, "%s left in this step%s", a, spent);
		break;
	default:
		snprintf(step, sizeof step, "Step %s left%s", a, spent);
		break;
	}
	duration_clock_text(mleft, b, sizeof b);
	snprintf(meet, sizeof meet, "Meeting %s %s%s", b, mleft < 0 ? "OVER" : "left", mspent);
	/* A meeting resumed on a later day: its planned end is dated, and the
	 * minutes early or late would say nothing (core's rule: the presenter
	 * view says the same). */
	clock_format_local(meeting_projected_end(r, now), "%H:%M", "?", a, sizeof a);
	meeting_planned_end_text(r, now, b, sizeof b);
	char late[32], by[40] = "";
	meeting_end_against_plan(r, now, late, sizeof late);
	if (level <= 1 && *late)
		snprintf(by, sizeof by, ", %s", late);
	if (level <= 2)
		snprintf(end, sizeof end, "ends %s (plan %s%s)", a, b, by);
	else
		snprintf(end, sizeof end, "ends %s", a);
	if (level <= 3)
		return xasprintf(" %s · %s · %s", step, meet, end);
	if (level <= 4)
		return xasprintf(" %s · %s", step, end);
	return xasprintf(" %s", step);
}

static void draw_status(struct tui *t)
{
	struct meeting_run *r = &t->mv->run;
	time_t now = clock_now();
	char line[256];
	/* The timer as fully as fits: the time spent only while the first
	 * hints fit too ("  ?:help  q:leave  </>:step"), how early or late
	 * while "?:help" does; the step's, the meeting's time left and the end
	 * against the plan before any hint (? works all the same). */
	static const int hint_room[TIMER_LEVELS] = {28, 9, 1, 1, 1, 1};
	char *timer = NULL;
	for (int level = 0; level < TIMER_LEVELS; level++) {
		free(timer);
		timer = timer_text(r, now, level);
		if (text_cols(timer) + hint_room[level] <= t->cols)
			break;
	}
	snprintf(line, sizeof line, "%s", timer);
	free(timer);
	enum step_timing tm = meeting_step_timing(r, r->m.current_step, now);
	if (t->mv->follow) {
		const struct meeting_hold *h = &t->mv->holder;
		if (h->user)
			snprintf(line, sizeof line, " Read-only: following %s on %s  T:take over  q:stop",
				 h->user, h->host);
		else
			snprintf(line, sizeof line, " Read-only: nobody holds this meeting now  "
				 "T:take over  q:stop");
		draw_line(t->rows - 1, 0, line, t->cols, theme(C_WARNING));
		return;
	}
	int used = text_cols(line);
	if (used > t->cols)
		used = t->cols;
	draw_line(t->rows - 1, 0, line, used, tm == TIMING_OVER ? theme(C_ERROR)
					      : tm == TIMING_LAST_MINUTE ? theme(C_WARNING)
					      : theme(C_STATUS));
	/* As many hints as fit, most needed first; ? always lists the rest. */
	static const char *const hints[] = {"?:help", "q:leave", "</>:step", "dawsinpm:capture",
					    "e:edit", "X:delete"};
	char buf[200] = "";
	size_t len = 0;
	int room = t->cols - used - 1;
	for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++) {
		int need = (int)len + 2 + text_cols(hints[i]);
		if (need > room)
			break;
		len += (size_t)snprintf(buf + len, sizeof buf - len, "  %s", hints[i]);
	}
	draw_line(t->rows - 1, used, buf, t->cols - used, theme(C_STATUS));
}

static void meeting_draw(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	struct meeting_run *r = &mv->run;
	const struct meeting_step *s = meeting_current(r);
	char date[16];
	date_format(date_from_time(r->m.started_at), date, sizeof date);
	/* The step is what the line is for: on a narrow screen the council's
	 * name goes first, then the organisation's, rather than the step. */
	const char *org = *mv->org.text[ORG_NAME] ? mv->org.text[ORG_NAME] : "cxmeet";
	char *title = NULL;
	for (int drop = 0; drop < 3; drop++) {
		free(title);
		title = xasprintf(" %s%sCX council%s %s  Step %d/%zu: %s%s", drop < 2 ? org : "",
				  drop < 2 ? "  " : "", drop < 1 ? t->council : "", date,
				  r->m.current_step + 1, r->n_steps, s->title,
				  mv->follow ? "  (read-only)" : "");
		if (text_cols(title) <= t->cols)
			break;
	}
	draw_line(0, 0, title, t->cols, theme(C_TITLE));
	free(title);
	int side = sidebar_width(t);
	int body = t->rows - 2;
	draw_sidebar(t, 1, body, side);
	int x = side + 2, w = t->cols - x - 1;
	int used = draw_wrapped(1, x, s->prompt, w, 3, theme(C_MUTED));
	int y = 1 + used + 1;
	y += waiting_draw(t, y, x, t->rows - 1 - y, w);
	mv_pane(t)->draw(t, y, x, t->rows - 1 - y, w);
	draw_status(t);
}

static void go_step(struct tui *t, int to)
{
	struct meeting_view *mv = t->mv;
	if (to < 0 || (size_t)to >= mv->run.n_steps || to == mv->run.m.current_step)
		return;
	enum store_rc rc = meeting_goto(&mv->run, to, clock_now());
	if (rc == STORE_INVALID) { /* in range, so a step skipped for this meeting */
		tui_flash(t, true, "Step %d was skipped for this meeting.", to + 1);
		return;
	}
	if (rc != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	mv->sel = mv->top = 0;
	mv->offset = 0;
	mv->waiting_focus = false;
	mv->waiting_sel = mv->waiting_top = 0;
	mv_reload(t);
}

/* E before the wrap-up: says what would be left undone, and asks. */
static void end_early(struct tui *t)
{
	char undone[600], q[700];
	mv_end_warning(t, undone, sizeof undone);
	if (*undone) {
		snprintf(q, sizeof q, "Go to the wrap-up to end the meeting? %s", undone);
		if (!dialog_confirm(t, q))
			return;
	}
	go_step(t, meeting_wrap_up_step(&t->mv->run));
}

static void leave(struct tui *t)
{
	if (!dialog_confirm(t, "Leave the meeting? It stays in progress, and you can resume it "
			       "from the home screen."))
		return;
	meeting_flush_time(&t->mv->run, clock_now());
	tui_back(t);
	tui_flash(t, false, "The meeting is still in progress: Enter resumes it.");
}

/* Reads who holds the meeting now (nobody: holder.user NULL). */
static void read_holder(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	meeting_hold_free(&mv->holder);
	if (store_hold_get(t->st, mv->run.m.id, &mv->holder) != STORE_OK)
		meeting_hold_free(&mv->holder);
}

/* The meeting ended elsewhere: back home, saying so. */
static void ended_elsewhere(struct tui *t)
{
	tui_back(t);
	tui_flash(t, false, "The meeting was ended on the screen that held it.");
}

/* Reads the meeting again as the holder left it: its step, its items. */
static void follow_refresh(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	struct meeting m;
	mv->data_version = store_data_version(t->st);
	if (store_meeting_get(t->st, mv->run.m.id, &m) != STORE_OK ||
	    m.status != MEETING_IN_PROGRESS) {
		ended_elsewhere(t);
		return;
	}
	int step = mv->run.m.current_step;
	if (meeting_reload(&mv->run, clock_now()) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	if (mv->run.m.current_step != step)
		mv->sel = mv->top = 0, mv->offset = 0;
	mv->rating = mv->run.m.rating;
	if (mv->run.m.next_meeting != DATE_NONE)
		mv->next_date = mv->run.m.next_meeting;
	read_holder(t);
	mv_reload(t);
}

/* This screen no longer holds the meeting: it follows it from now on. */
static void lost_hold(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	mv->follow = true;
	mv->hold_lost = false;
	follow_refresh(t);
	if (t->mv != mv)
		return; /* ended */
	char hm[16];
	clock_format_local(mv->holder.since, "%H:%M", "?", hm, sizeof hm);
	if (mv->holder.user)
		tui_flash(t, true, "%s on %s took over this meeting at %s: this screen now follows "
			  "it read-only, and nothing more is written from here. T takes it back.",
			  mv->holder.user, mv->holder.host, hm);
	else
		tui_flash(t, true, "This screen no longer holds the meeting: it follows it "
			  "read-only. T takes it back.");
}

static void take_over(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	read_holder(t);
	enum store_rc rc = meeting_take_over(&mv->run, mv->holder.user ? &mv->holder : NULL,
					     clock_now());
	if (rc != STORE_OK) {
		tui_flash(t, true, "Not taken over: %s", store_errmsg(t->st));
		return;
	}
	mv->follow = false;
	meeting_hold_free(&mv->holder);
	mv->last_beat = clock_now();
	mv->sel = mv->top = 0, mv->offset = 0;
	mv_reload(t);
	tui_flash(t, false, "You hold the meeting now: the other screen follows it read-only.");
}

/* P: how to show the meeting on a shared screen, the command to run in
 * another terminal, with this database (and council) as given. */
static void presenter_hint(struct tui *t)
{
	/* from the root: the other terminal may start in another folder */
	char *path = file_path_absolute(store_path(t->st));
	char *db = text_shell_word(path);
	const char *name = store_chosen_council();
	char *council = name ? text_shell_word(name) : NULL;
	char *cmd = xasprintf("cxmeet --db %s%s%s present", db, council ? " --council " : "",
			      council ? council : "");
	/* A command that would show other than it is (a control character in
	 * the path, shown replaced) is not offered to be typed. */
	if (strlen(cmd) + 80 < sizeof t->flash && text_is_safe(cmd, strlen(cmd)))
		tui_flash(t, false, "Presenter view: in another terminal run  %s", cmd);
	else
		tui_flash(t, false, "Presenter view: in another terminal run  cxmeet present  "
			  "with this --db");
	free(cmd);
	free(council);
	free(db);
	free(path);
}

/* Following: the cursor moves, help and q work, T takes over; nothing else. */
static enum action follow_key(struct tui *t, enum action a)
{
	struct meeting_view *mv = t->mv;
	switch (a) {
	case ACT_HELP:
	case ACT_REDRAW:
		return a;
	case ACT_TAKE_OVER:
		take_over(t);
		return ACT_NONE;
	case ACT_QUIT:
		tui_back(t);
		tui_flash(t, false, "Stopped following the meeting: it goes on on the other screen.");
		return ACT_NONE;
	default:
		if (mv_move(t, a, mv->total, 10))
			return ACT_NONE;
		if (a != ACT_NONE || !mv->holder.user)
			tui_flash(t, true, "Read-only: %s holds this meeting. T takes it over.",
				  mv->holder.user ? mv->holder.user : "nobody");
		return ACT_NONE;
	}
}

static enum action meeting_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	struct meeting_view *mv = t->mv;
	if (keymap_find(&meeting_keymap, ch, is_key) == MEETING_PRESENTER) {
		presenter_hint(t); /* writes nothing: the same held or following */
		return ACT_NONE;
	}
	if (!mv->follow && a != ACT_HELP && !store_hold_mine(t->st, mv->run.m.id)) {
		/* told at the first key after another screen took it */
		lost_hold(t);
		return ACT_NONE;
	}
	if (mv->follow)
		return follow_key(t, a);
	if (keymap_find(&meeting_keymap, ch, is_key) == MEETING_WAITING) {
		mv->waiting_focus = !mv->waiting_focus && waiting_here_count(mv) > 0;
		if (!mv->waiting_focus && !waiting_here_count(mv))
			tui_flash(t, false, "Nothing recorded between meetings waits for this step.");
		return ACT_NONE;
	}
	if (keymap_find(&meeting_keymap, ch, is_key) == MEETING_UNDO) {
		mv_undo(t);
		return ACT_NONE;
	}
	if (mv->waiting_focus && (a = waiting_key(t, a)) == ACT_NONE)
		return ACT_NONE;
	a = mv_pane(t)->key(t, ch, is_key, a);
	int kind = action_capture_kind(a);
	if (a == ACT_CAPTURE_DEFAULT)
		kind = (int)step_default_kind(meeting_current(&mv->run)->kind);
	if (kind >= 0) {
		const struct item *sel = mv_selected(t);
		mv_capture(t, (enum item_kind)kind, sel);
		return ACT_NONE;
	}
	switch (a) {
	case ACT_STEP_NEXT:
		go_step(t, meeting_step_after(&mv->run, mv->run.m.current_step, 1));
		return ACT_NONE;
	case ACT_STEP_PREV:
		go_step(t, meeting_step_after(&mv->run, mv->run.m.current_step, -1));
		return ACT_NONE;
	case ACT_STEP_JUMP:
		go_step(t, ch == '0' ? 9 : (int)ch - '1'); /* 0: step 10 */
		return ACT_NONE;
	case ACT_END_MEETING:
		end_early(t);
		return ACT_NONE;
	case ACT_QUIT:
		leave(t);
		return ACT_NONE;
	default:
		return a;
	}
}

/* A click on an agenda step goes to it, as its number key would: not from
 * a screen that follows the meeting read-only, nor once another took it. */
static void meeting_click(struct tui *t, const struct tui_area *area, int index)
{
	struct meeting_view *mv = t->mv;
	if (area->kind != AREA_STEPS)
		return;
	if (mv->follow) {
		tui_flash(t, true, "Read-only: %s holds this meeting. T takes it over.",
			  mv->holder.user ? mv->holder.user : "nobody");
		return;
	}
	if (!store_hold_mine(t->st, mv->run.m.id)) {
		lost_hold(t);
		return;
	}
	go_step(t, index);
}

static void meeting_close(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	if (!mv)
		return;
	if (mv->run.m.status == MEETING_IN_PROGRESS && mv->run.st && !mv->follow) {
		/* kept in progress, and let go: the next to open it takes it at once */
		meeting_flush_time(&mv->run, clock_now());
		store_hold_release(t->st, mv->run.m.id);
	}
	meeting_hold_free(&mv->holder);
	free(mv->told);
	waiting_items_free(mv->waiting, mv->n_waiting);
	message_rows_free(mv->messages, mv->n_messages);
	item_list_free(mv->items, mv->n_items);
	free(mv->chain_text);
	free(mv->row_item);
	person_list_free(mv->people, mv->n_people);
	free(mv->present);
	org_free(&mv->org);
	meeting_run_free(&mv->run);
	memset(mv, 0, sizeof *mv);
	t->mv = NULL;
}

/* Opens the runner on a meeting just started or resumed (rc says whether
 * that worked). */
static void open_run(struct tui *t, struct meeting_view *mv, enum store_rc rc, bool resume,
		     bool from_agenda)
{
	if (rc == STORE_OK)
		rc = store_org_get(t->st, &mv->org);
	if (rc != STORE_OK) {
		tui_flash(t, true, "Cannot open the meeting: %s", store_errmsg(t->st));
		meeting_run_free(&mv->run);
		org_free(&mv->org);
		return;
	}
	mv->rating = mv->run.m.rating;
	mv->next_date = mv->run.m.next_meeting != DATE_NONE
				? mv->run.m.next_meeting
				: meeting_next_due(&mv->org.cadence,
						   date_from_time(mv->run.m.started_at), clock_today());
	t->mv = mv;
	if (from_agenda) /* back from the meeting goes where back from its agenda went */
		tui_replace_view(t, &view_meeting);
	else
		tui_open_view(t, &view_meeting);
	mv->data_version = store_data_version(t->st);
	mv->last_beat = clock_now();
	mv_reload(t);
	if (mv->follow)
		tui_flash(t, false, "Following the meeting read-only at step %d.",
			  mv->run.m.current_step + 1);
	else
		tui_flash(t, false, resume ? "Resumed at step %d." : "Meeting started (step %d).",
			  mv->run.m.current_step + 1);
}

/* Another living screen holds the meeting: follow it, take it over, or
 * neither. Returns STORE_OK when the runner is to open. */
static enum store_rc ask_holder(struct tui *t, struct meeting_view *mv, struct meeting_hold *h)
{
	char day[16], hm[16];
	date_format(date_from_time(h->since), day, sizeof day);
	clock_format_local(h->since, "%H:%M", "?", hm, sizeof hm);
	tui_flash(t, true, "This meeting is held by %s on %s (process %ld) since %s %s.", h->user,
		  h->host, h->pid, day, hm);
	struct pick_option o[2] = {
		{0, (char *)"Follow it read-only", (char *)"see its steps and items as they change"},
		{1, (char *)"Take it over", (char *)"the other screen becomes read-only"},
	};
	int k = dialog_pick(t, "Held by another screen", o, 2, "", NULL);
	t->flash[0] = '\0';
	if (k == 1) {
		enum store_rc rc = meeting_take_over(&mv->run, h, clock_now());
		meeting_hold_free(h);
		if (rc != STORE_OK)
			tui_flash(t, true, "Not taken over: %s", store_errmsg(t->st));
		return rc;
	}
	if (k == 0) {
		mv->follow = true;
		mv->holder = *h;
		return STORE_OK;
	}
	meeting_hold_free(h);
	tui_flash(t, false, "The meeting goes on on the other screen.");
	return STORE_NOT_HELD;
}

/* A form was open when the program stopped (a crash, a closed terminal):
 * its draft is offered back. */
static void offer_draft(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	struct meeting_draft d;
	if (!mv || mv->follow || store_draft_get(t->st, mv->run.m.id, &d) != STORE_OK)
		return;
	char q[600];
	snprintf(q, sizeof q, "A draft %s was being typed: \"%s\". Restore it?",
		 item_kind_label(d.kind), d.text);
	if (dialog_confirm(t, q)) {
		struct item it = {.kind = d.kind, .text = d.text, .detail = d.detail,
				  .due = DATE_NONE, .revisit = DATE_NONE, .step_id = d.step_id};
		if (form_item(t, &it, mv->run.m.id, d.step_id, NULL)) {
			tui_flash(t, false, "Saved %s #%lld.", item_kind_label(d.kind), (long long)it.id);
			mv_reload(t);
		}
	} else if (store_draft_clear(t->st, mv->run.m.id) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
	}
	meeting_draft_free(&d);
}

void meeting_view_open(struct tui *t, bool resume)
{
	struct meeting_view *mv = tui_state(t, &view_meeting);
	memset(mv, 0, sizeof *mv);
	mv->pane_of = pane_for;
	time_t now = clock_now();
	store_id mid;
	enum store_rc rc;
	struct meeting_hold h = {0};
	if (resume && store_meeting_in_progress(t->st, &mid) == STORE_OK)
		rc = meeting_resume(t->st, mid, now, &mv->run, &h);
	else
		rc = meeting_begin(t->st, 0, 0, now, &mv->run);
	bool asked = rc == STORE_NOT_HELD && h.user;
	if (asked && (rc = ask_holder(t, mv, &h)) != STORE_OK) {
		meeting_run_free(&mv->run);
		return;
	}
	open_run(t, mv, rc, resume, false);
	if (asked && t->mv && !mv->follow) /* taken over from a living screen: say so */
		tui_flash(t, false, "You hold the meeting now: the other screen follows it "
				    "read-only.");
	if (resume)
		offer_draft(t);
}

void meeting_view_start(struct tui *t, store_id template_id, const struct agenda_template *agenda)
{
	struct meeting_view *mv = tui_state(t, &view_meeting);
	memset(mv, 0, sizeof *mv);
	mv->pane_of = pane_for;
	enum store_rc rc = meeting_begin_agenda(t->st, template_id, agenda, 0, clock_now(),
						&mv->run);
	open_run(t, mv, rc, false, true);
}

static bool bell_on;

void tui_set_bell(bool on)
{
	bell_on = on;
}

/* Rings the bell (when asked for) as the current step enters its last
 * minute and as it runs over: once each per step. What the screen found
 * when it took the meeting counts as told, but for the current step: a
 * meeting resumed in its step's last minute rings, and going back to a
 * step that ran over earlier does not. */
static void ring_timer(struct meeting_view *mv, time_t now)
{
	struct meeting_run *r = &mv->run;
	int cur = r->m.current_step;
	if (mv->n_told != r->n_steps) {
		free(mv->told);
		mv->told = xcalloc(r->n_steps + 1, sizeof *mv->told);
		mv->n_told = r->n_steps;
		for (size_t i = 0; i < r->n_steps; i++)
			if ((int)i != cur)
				mv->told[i] = (unsigned char)meeting_step_timing(r, (int)i, now);
	}
	enum step_timing tm = meeting_step_timing(r, cur, now);
	if (tm <= (enum step_timing)mv->told[cur])
		return;
	mv->told[cur] = (unsigned char)tm;
	if (bell_on)
		beep();
}

/* The step's time is written at least once a minute, so that a crash loses
 * at most a minute of it. Under a form or a dialog (t->modal_depth) the
 * timer, the bell, the hold's sign of life and the step's time go on, but
 * nothing is read again nor the view left: a follower's refresh, and
 * following once the meeting was taken over, wait for the box to close. */
static void meeting_tick(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	struct meeting_run *r = &mv->run;
	time_t now = clock_now();
	bool boxed = t->modal_depth > 0;
	if (mv->hold_lost) {
		if (boxed)
			return;
		mv->hold_lost = false;
		lost_hold(t);
		return;
	}
	if (mv->follow) {
		/* one cheap read: anything committed since? */
		if (!boxed && store_data_version(t->st) != mv->data_version)
			follow_refresh(t);
		return;
	}
	/* Written in passing: a database another program holds locked makes
	 * them fail at once (tried again later), never freeze the screen for
	 * the three seconds of the busy timeout, tick after tick. */
	store_no_wait(t->st, true);
	if (now - mv->last_beat >= HOLD_BEAT_SECS) {
		mv->last_beat = now;
		if (store_hold_beat(t->st, r->m.id, now) == STORE_NOT_HELD) {
			store_no_wait(t->st, false);
			if (boxed)
				mv->hold_lost = true;
			else
				lost_hold(t);
			return;
		}
	}
	if (now - r->step_started >= 60 && now - mv->last_flush_try >= 1) {
		mv->last_flush_try = now;
		if (meeting_flush_time(r, now) != STORE_OK)
			tui_flash(t, true, "%s", store_errmsg(t->st));
	}
	store_no_wait(t->st, false);
	ring_timer(mv, now);
}

/* The meeting's keys are shared actions (the panes read them too): the
 * runner's entries say what each does here. */
#define MEETING_KEY(act, name) {ACT_##act, name, NULL, {{0, false}}}
static const struct keymap_entry meeting_keys[] = {
	KM_HEADING("The meeting"),
	MEETING_KEY(STEP_NEXT, "step-next"),
	MEETING_KEY(STEP_PREV, "step-prev"),
	MEETING_KEY(STEP_JUMP, "step-jump"),
	MEETING_KEY(SELECT, "select"),
	MEETING_KEY(EDIT, "edit"),
	MEETING_KEY(DELETE, "delete"),
	MEETING_KEY(MOVE_UP, "move-up"),
	MEETING_KEY(MOVE_DOWN, "move-down"),
	MEETING_KEY(ADD_PERSON, "add-person"),
	MEETING_KEY(END_MEETING, "end"),
	MEETING_KEY(TAKE_OVER, "take-over"),
	{MEETING_PRESENTER, "presenter",
	 "Say how to start the presenter view of this meeting, for a shared screen",
	 {KM_CH('P')}},
	{ACT_QUIT, "leave", "Leave the meeting (asks first); it can be resumed from home",
	 {{0, false}}},
	{MEETING_VALUE, "measure-value",
	 "In the Insights & metrics step: type this period's value of the measure under "
	 "the cursor (Enter does too)",
	 {KM_CH('v')}},
	{MEETING_EVERYONE, "everyone-present",
	 "In the roll call: mark everyone present at once (then Space unmarks who is absent)",
	 {KM_CH('A')}},
	{MEETING_BRIEFER, "briefer",
	 "In the roll call: name who will brief a department nobody represents (the one of "
	 "the person under the cursor, or picked)",
	 {KM_CH('b')}},
	{MEETING_RATE_MEMBERS, "rate-members",
	 "In the wrap-up: each member present rates the meeting from 1 to 10, one after "
	 "another (Enter keeps a rating, Esc stops)",
	 {KM_CH('r')}},
	{MEETING_WAITING, "recorded-between",
	 "Go through what waits for this step (Space: mark a recorded item discussed; in "
	 "the roll call, a message acknowledged by its department), and back",
	 {KM_CH('\t')}},
	KM_HEADING("Capture"),
	MEETING_KEY(CAPTURE_DECISION, "capture-decision"),
	MEETING_KEY(CAPTURE_ACTION, "capture-action"),
	MEETING_KEY(CAPTURE_WIN, "capture-win"),
	MEETING_KEY(CAPTURE_STORY, "capture-story"),
	MEETING_KEY(CAPTURE_INSIGHT, "capture-insight"),
	MEETING_KEY(CAPTURE_NOTE, "capture-note"),
	MEETING_KEY(CAPTURE_PARKED, "capture-parked"),
	MEETING_KEY(CAPTURE_MESSAGE, "capture-message"),
	MEETING_KEY(CAPTURE_DEFAULT, "capture"),
	{MEETING_UNDO, "undo",
	 "Undo the last capture made on this screen (deleted, kept in the history); again: "
	 "the one before it",
	 {KM_CH('u')}},
};
#undef MEETING_KEY

static const struct keymap meeting_keymap = KEYMAP("the meeting", meeting_keys);

const struct view_ops view_meeting = {
	.name = "meeting",
	.keymap = &meeting_keymap,
	.private_size = sizeof(struct meeting_view),
	.draw = meeting_draw,
	.key = meeting_key,
	.click = meeting_click,
	.close = meeting_close,
	.tick = meeting_tick,
	.tick_ms = 200, /* a follower shows the holder's work within a second */
};
