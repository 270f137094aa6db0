/* view_meeting.c - the meeting runner: top bar, agenda sidebar with planned
 * minutes, time spent and done marks, the current step's prompt and pane, and
 * a status line with the meeting clock and the step's time against plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_view.h"
#include "cxmeet/util.h"

static struct meeting_view mv_storage;

const struct pane_ops *pane_for(enum step_kind k)
{
	switch (k) {
	case STEP_ROLL_CALL: return &pane_rollcall;
	case STEP_MISSION: return &pane_mission;
	case STEP_ACTION_REVIEW: return &pane_review;
	case STEP_PRIORITIES: return &pane_priorities;
	case STEP_WINS: return &pane_wins;
	case STEP_WRAP_UP: return &pane_wrapup;
	default: return &pane_items;
	}
}

static const struct pane_ops *cur_pane(struct tui *t)
{
	return pane_for(meeting_current(&t->mv->run)->kind);
}

void mv_reload(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	item_list_free(mv->items, mv->n_items);
	mv->items = NULL;
	mv->n_items = 0;
	cur_pane(t)->load(t);
	if (mv->sel >= (int)mv->total)
		mv->sel = mv->total ? (int)mv->total - 1 : 0;
}

const struct item *mv_selected(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	long i = (long)mv->sel - (long)mv->offset;
	return i >= 0 && (size_t)i < mv->n_items ? &mv->items[i] : NULL;
}

bool mv_move(struct tui *t, enum action a, size_t n, int page)
{
	return cursor_move(&t->mv->sel, a, n, page);
}

bool mv_capture(struct tui *t, enum item_kind kind, const struct item *link)
{
	struct meeting_view *mv = t->mv;
	const struct meeting_step *step = meeting_current(&mv->run);
	struct item it = {.kind = kind, .due = DATE_NONE, .revisit = DATE_NONE};
	bool saved = form_item(t, &it, mv->run.m.id, step->id, link);
	if (saved) {
		/* The form returned after the commit: only now is it shown as saved. */
		meeting_flush_time(&mv->run, clock_now());
		tui_flash(t, false, "Saved %s #%lld.", item_kind_label(kind), (long long)it.id);
		mv_reload(t);
		for (size_t i = 0; i < mv->n_items; i++)
			if (mv->items[i].id == it.id)
				mv->sel = (int)(mv->offset + i);
	}
	return saved;
}

static void fmt_clock(int secs, char *buf, size_t len)
{
	if (secs >= 3600)
		snprintf(buf, len, "%d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60);
	else
		snprintf(buf, len, "%02d:%02d", secs / 60, secs % 60);
}

static void draw_sidebar(struct tui *t, int y, int h, int w)
{
	struct meeting_run *r = &t->mv->run;
	time_t now = clock_now();
	draw_line(y, 0, "Agenda", w, theme(C_HEADING));
	/* Numbers right-aligned, so that the titles stay in one column when a
	 * guest topic takes the agenda to 10 steps or more. */
	int digits = r->n_steps >= 10 ? 2 : 1;
	for (size_t i = 0; i < r->n_steps && (int)i + 1 < h; i++) {
		const struct meeting_step *s = &r->steps[i];
		bool cur = (int)i == r->m.current_step;
		char spent[24];
		snprintf(spent, sizeof spent, "%d/%d", meeting_step_minutes(r, (int)i, now),
			 s->planned_minutes);
		char mark = s->done ? '+' : cur ? '>' : s->skipped ? '-' : ' ';
		char *line = xasprintf("%c%*zu %s", mark, digits, i + 1, s->title);
		/* Skipped steps stay in view, muted: the runner passes over them. */
		attr_t a = cur ? theme(C_SELECTED) : s->done ? theme(C_OK)
			   : s->skipped ? theme(C_MUTED) : theme(C_NORMAL);
		int sw = text_cols(spent);
		draw_line(y + 1 + (int)i, 0, line, w - sw - 1, a);
		free(line);
		draw_line(y + 1 + (int)i, w - sw - 1, " ", 1, a);
		draw_line(y + 1 + (int)i, w - sw, spent, sw,
			  meeting_step_overrun(r, (int)i, now) ? theme(C_WARNING)
			  : cur ? a : theme(C_MUTED));
	}
	for (int row = y; row < y + h; row++)
		mvaddch(row, w, ACS_VLINE);
}

static void draw_status(struct tui *t)
{
	struct meeting_run *r = &t->mv->run;
	time_t now = clock_now();
	char total[16], step[16], line[256];
	fmt_clock(meeting_total_seconds(r, now), total, sizeof total);
	fmt_clock(meeting_step_seconds(r, r->m.current_step, now), step, sizeof step);
	const struct meeting_step *s = meeting_current(r);
	bool over = meeting_step_overrun(r, r->m.current_step, now);
	snprintf(line, sizeof line, " Meeting %s/%dm  Step %s/%dm%s", total,
		 meeting_planned_minutes(r), step, s->planned_minutes, over ? " OVER" : "");
	int used = text_cols(line);
	draw_line(t->rows - 1, 0, line, used, over ? theme(C_ERROR) : theme(C_STATUS));
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
	char *title = xasprintf(" %s  CX council %s  Step %d/%zu: %s",
				*mv->org.text[ORG_NAME] ? mv->org.text[ORG_NAME] : "cxmeet", date,
				r->m.current_step + 1, r->n_steps, s->title);
	draw_line(0, 0, title, t->cols, theme(C_TITLE));
	free(title);
	int side = t->compact ? 24 : 32;
	int body = t->rows - 2;
	draw_sidebar(t, 1, body, side);
	int x = side + 2, w = t->cols - x - 1;
	int used = draw_wrapped(1, x, s->prompt, w, 3, theme(C_MUTED));
	int y = 1 + used + 1;
	cur_pane(t)->draw(t, y, x, t->rows - 1 - y, w);
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
	mv_reload(t);
}

static void leave(struct tui *t)
{
	if (!dialog_confirm(t, "Leave the meeting? It stays in progress, and you can resume it "
			       "from the home screen."))
		return;
	meeting_flush_time(&t->mv->run, clock_now());
	tui_set_view(t, &view_home);
	tui_flash(t, false, "The meeting is still in progress: Enter resumes it.");
}

static enum action meeting_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	struct meeting_view *mv = t->mv;
	a = cur_pane(t)->key(t, ch, is_key, a);
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
		go_step(t, (int)ch - '1');
		return ACT_NONE;
	case ACT_END_MEETING:
		go_step(t, meeting_wrap_up_step(&mv->run));
		return ACT_NONE;
	case ACT_QUIT:
		leave(t);
		return ACT_NONE;
	default:
		return a;
	}
}

static void meeting_close(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	if (!mv)
		return;
	if (mv->run.m.status == MEETING_IN_PROGRESS && mv->run.st)
		meeting_flush_time(&mv->run, clock_now());
	item_list_free(mv->items, mv->n_items);
	person_list_free(mv->people, mv->n_people);
	free(mv->present);
	org_free(&mv->org);
	meeting_run_free(&mv->run);
	memset(mv, 0, sizeof *mv);
	t->mv = NULL;
}

/* Opens the runner on a meeting just started or resumed (rc says whether
 * that worked). */
static void open_run(struct tui *t, struct meeting_view *mv, enum store_rc rc, bool resume)
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
	tui_set_view(t, &view_meeting);
	mv_reload(t);
	tui_flash(t, false, resume ? "Resumed at step %d." : "Meeting started (step %d).",
		  mv->run.m.current_step + 1);
}

void meeting_view_open(struct tui *t, bool resume)
{
	struct meeting_view *mv = &mv_storage;
	memset(mv, 0, sizeof *mv);
	time_t now = clock_now();
	store_id mid;
	enum store_rc rc;
	if (resume && store_meeting_in_progress(t->st, &mid) == STORE_OK)
		rc = meeting_resume(t->st, mid, now, &mv->run);
	else
		rc = meeting_begin(t->st, 0, 0, now, &mv->run);
	open_run(t, mv, rc, resume);
}

void meeting_view_start(struct tui *t, store_id template_id, const struct agenda_template *agenda)
{
	struct meeting_view *mv = &mv_storage;
	memset(mv, 0, sizeof *mv);
	enum store_rc rc = meeting_begin_agenda(t->st, template_id, agenda, 0, clock_now(),
						&mv->run);
	open_run(t, mv, rc, false);
}

/* The step's time is written at least once a minute, so that a crash loses
 * at most a minute of it. */
static void meeting_tick(struct tui *t)
{
	struct meeting_run *r = &t->mv->run;
	time_t now = clock_now();
	if (now - r->step_started >= 60 && meeting_flush_time(r, now) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
}

const struct view_ops view_meeting = {
	.name = "meeting",
	.draw = meeting_draw,
	.key = meeting_key,
	.close = meeting_close,
	.tick = meeting_tick,
};
