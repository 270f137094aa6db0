/* meeting.c - the meeting state machine and the rules items must follow. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>

#include "cxmeet/items.h"
#include "cxmeet/meeting.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

static enum store_rc load(struct store *st, store_id id, time_t now, struct meeting_run *out)
{
	memset(out, 0, sizeof *out);
	out->st = st;
	enum store_rc rc = store_meeting_get(st, id, &out->m);
	if (rc == STORE_OK)
		rc = store_meeting_steps(st, id, &out->steps, &out->n_steps);
	if (rc == STORE_OK && out->n_steps == 0)
		rc = STORE_CORRUPT;
	if (rc == STORE_OK && (out->m.current_step < 0 || (size_t)out->m.current_step >= out->n_steps))
		out->m.current_step = 0;
	out->step_started = now;
	return rc;
}

enum store_rc meeting_begin(struct store *st, store_id template_id, store_id facilitator,
			    time_t now, struct meeting_run *out)
{
	struct agenda_template agenda;
	enum store_rc rc = STORE_OK;
	memset(out, 0, sizeof *out);
	store_expect_meeting(st);
	if (template_id == 0)
		rc = store_template_default(st, &template_id);
	if (rc == STORE_OK)
		rc = store_template_get(st, template_id, &agenda);
	if (rc != STORE_OK)
		return rc;
	rc = meeting_begin_agenda(st, template_id, &agenda, facilitator, now, out);
	agenda_free(&agenda);
	return rc;
}

static bool has_wrap_up(const struct agenda_template *a)
{
	for (size_t i = 0; i < a->n_steps; i++)
		if (a->steps[i].kind == STEP_WRAP_UP)
			return true;
	return false;
}

static enum store_rc begin_copy(struct store *st, store_id template_id,
				const struct agenda_template *agenda, store_id facilitator,
				time_t now, struct meeting_run *out);

enum store_rc meeting_begin_agenda(struct store *st, store_id template_id,
				   const struct agenda_template *agenda, store_id facilitator,
				   time_t now, struct meeting_run *out)
{
	store_expect_meeting(st); /* once a session: nothing more when already done */
	if (has_wrap_up(agenda))
		return begin_copy(st, template_id, agenda, facilitator, now, out);
	/* The wrap-up is where a meeting is rated and ended: without one (its
	 * template was edited without it) the meeting could never end, so this
	 * meeting's copy gets one last. The template is left as it is. */
	struct agenda_template copy;
	agenda_copy(agenda, &copy);
	const struct agenda_step wrap = {.title = "Wrap-up", .kind = STEP_WRAP_UP, .minutes = 5,
					 .prompt = "Confirm the next meeting date and rate "
						   "this meeting."};
	if (agenda_insert_step(&copy, copy.n_steps, &wrap) != 0) { /* full: the last one */
		copy.steps[copy.n_steps - 1].kind = STEP_WRAP_UP;
		copy.steps[copy.n_steps - 1].skipped = false;
	}
	enum store_rc rc = begin_copy(st, template_id, &copy, facilitator, now, out);
	agenda_free(&copy);
	return rc;
}

int meeting_wrap_up_step(const struct meeting_run *r)
{
	for (size_t i = r->n_steps; i-- > 0;)
		if (r->steps[i].kind == STEP_WRAP_UP && !r->steps[i].skipped)
			return (int)i;
	return (int)r->n_steps - 1;
}

static enum store_rc begin_copy(struct store *st, store_id template_id,
				const struct agenda_template *agenda, store_id facilitator,
				time_t now, struct meeting_run *out)
{
	store_id mid;
	memset(out, 0, sizeof *out);
	/* The meeting opens on its first step not skipped. */
	int first = 0;
	while ((size_t)first + 1 < agenda->n_steps && agenda->steps[first].skipped)
		first++;
	enum store_rc rc = store_begin(st);
	if (rc == STORE_OK)
		rc = store_meeting_start(st, template_id, agenda, now, facilitator, &mid);
	if (rc == STORE_OK && first > 0)
		rc = store_meeting_set_current_step(st, mid, first);
	if (rc == STORE_OK)
		rc = store_commit(st);
	else
		store_rollback(st);
	return rc == STORE_OK ? load(st, mid, now, out) : rc;
}

int meeting_step_after(const struct meeting_run *r, int from, int dir)
{
	for (int i = from + dir; i >= 0 && (size_t)i < r->n_steps; i += dir)
		if (!r->steps[i].skipped)
			return i;
	return -1;
}

/* Whether process pid has ended: gone, or a zombie that nobody has reaped
 * yet (kill() still finds those; Linux's /proc tells them apart). */
static bool process_ended(long pid)
{
	if (pid <= 0)
		return false;
	if (kill((pid_t)pid, 0) != 0)
		return errno == ESRCH;
	char path[64], buf[512];
	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	const char *p = strrchr(buf, ')'); /* the name, in parentheses, may hold anything */
	return p && p[1] == ' ' && (p[2] == 'Z' || p[2] == 'X');
}

bool meeting_hold_gone(const struct meeting_hold *h, time_t now)
{
	if (h->same_host)
		return process_ended(h->pid);
	return now - h->seen > HOLD_STALE_SECS;
}

enum store_rc meeting_resume(struct store *st, store_id id, time_t now, struct meeting_run *out,
			     struct meeting_hold *holder)
{
	enum store_rc rc = load(st, id, now, out);
	if (rc != STORE_OK)
		return rc;
	struct meeting_hold h;
	rc = store_hold_get(st, id, &h);
	if (rc == STORE_NOTFOUND)
		return store_hold_take(st, id, NULL, now);
	if (rc != STORE_OK)
		return rc;
	if (h.mine || meeting_hold_gone(&h, now))
		rc = store_hold_take(st, id, &h, now);
	else
		rc = STORE_NOT_HELD;
	if (rc == STORE_NOT_HELD && holder && !h.mine)
		*holder = h;
	else
		meeting_hold_free(&h);
	return rc;
}

enum store_rc meeting_take_over(struct meeting_run *r, const struct meeting_hold *from,
				time_t now)
{
	enum store_rc rc = store_hold_take(r->st, r->m.id, from, now);
	return rc == STORE_OK ? meeting_reload(r, now) : rc;
}

enum store_rc meeting_reload(struct meeting_run *r, time_t now)
{
	struct meeting_run fresh;
	enum store_rc rc = load(r->st, r->m.id, now, &fresh);
	if (rc != STORE_OK) {
		meeting_run_free(&fresh);
		return rc;
	}
	meeting_run_free(r);
	*r = fresh;
	return STORE_OK;
}

const struct meeting_step *meeting_current(const struct meeting_run *r)
{
	return &r->steps[r->m.current_step];
}

static int since(const struct meeting_run *r, time_t now)
{
	return now > r->step_started ? (int)(now - r->step_started) : 0;
}

enum store_rc meeting_flush_time(struct meeting_run *r, time_t now)
{
	int secs = since(r, now);
	if (secs == 0)
		return STORE_OK;
	enum store_rc rc = store_meeting_step_time(r->st, r->m.id, r->m.current_step, secs, false);
	if (rc == STORE_OK) {
		r->steps[r->m.current_step].actual_seconds += secs;
		r->step_started = now;
	}
	return rc;
}

int meeting_step_work(const struct meeting_step *s, const struct meeting_work *w)
{
	int n = s->position >= 0 && (size_t)s->position < w->n_steps ? w->items[s->position] : 0;
	switch (s->kind) {
	case STEP_ACTION_REVIEW:
		return n + w->reviewed;
	case STEP_ROLL_CALL:
		return n + w->present;
	case STEP_WRAP_UP:
		return n + (w->rated ? 1 : 0);
	case STEP_INITIATIVES:
		return n + w->initiatives_reviewed;
	default:
		return n;
	}
}

bool meeting_step_done(const struct meeting_step *s, const struct meeting_work *w)
{
	return !s->skipped && (s->done || meeting_step_work(s, w) > 0);
}

bool meeting_step_pending(const struct meeting_run *r, int i, const struct meeting_work *w)
{
	return i != r->m.current_step && i != meeting_wrap_up_step(r) &&
	       !r->steps[i].skipped && !meeting_step_done(&r->steps[i], w);
}

/* Whether step i is done once left (forward: moved on from it). */
static enum store_rc done_when_left(struct meeting_run *r, int i, bool forward, bool *done)
{
	struct meeting_work w;
	struct meeting_step s = r->steps[i];
	s.done = s.done || forward;
	enum store_rc rc = store_meeting_work(r->st, r->m.id, &w);
	if (rc == STORE_OK)
		*done = meeting_step_done(&s, &w);
	meeting_work_free(&w);
	return rc;
}

enum store_rc meeting_goto(struct meeting_run *r, int to, time_t now)
{
	if (to < 0 || (size_t)to >= r->n_steps)
		return STORE_INVALID;
	int from = r->m.current_step;
	if (to == from)
		return STORE_OK;
	/* A step skipped for this meeting is not held: reaching it would mark it
	 * done while the minutes and the reports count it as skipped. */
	if (r->steps[to].skipped)
		return STORE_INVALID;
	int secs = since(r, now);
	bool done = false;
	enum store_rc rc = store_begin(r->st);
	if (rc == STORE_OK)
		rc = done_when_left(r, from, to > from, &done);
	if (rc == STORE_OK)
		rc = store_meeting_step_time(r->st, r->m.id, from, secs, done);
	if (rc == STORE_OK)
		rc = store_meeting_set_current_step(r->st, r->m.id, to);
	if (rc == STORE_OK)
		rc = store_commit(r->st);
	else
		store_rollback(r->st);
	if (rc != STORE_OK)
		return rc;
	r->steps[from].actual_seconds += secs;
	r->steps[from].done = r->steps[from].done || done;
	r->m.current_step = to;
	r->step_started = now;
	return STORE_OK;
}

enum store_rc meeting_end(struct meeting_run *r, enum meeting_status status, int rating,
			  cx_date next, time_t now)
{
	int cur = r->m.current_step;
	bool done = false;
	enum store_rc rc = store_begin(r->st);
	if (rc == STORE_OK)
		rc = done_when_left(r, cur, status == MEETING_COMPLETED, &done);
	if (rc == STORE_OK)
		rc = store_meeting_step_time(r->st, r->m.id, cur, since(r, now), done);
	if (rc == STORE_OK)
		rc = store_meeting_finish(r->st, r->m.id, status, now, rating, next);
	if (rc == STORE_OK)
		rc = store_commit(r->st);
	else
		store_rollback(r->st);
	if (rc == STORE_OK) {
		r->m.status = status;
		r->m.ended_at = now;
		r->m.rating = rating;
		r->m.next_meeting = next;
	}
	return rc;
}

void meeting_run_free(struct meeting_run *r)
{
	meeting_steps_free(r->steps, r->n_steps);
	memset(r, 0, sizeof *r);
}

int meeting_step_seconds(const struct meeting_run *r, int step, time_t now)
{
	int secs = r->steps[step].actual_seconds;
	return step == r->m.current_step ? secs + since(r, now) : secs;
}

/* The time spent in the meeting's steps: time away (a meeting left and
 * resumed the next day) does not count. */
int meeting_total_seconds(const struct meeting_run *r, time_t now)
{
	int total = 0;
	for (size_t i = 0; i < r->n_steps; i++)
		total += meeting_step_seconds(r, (int)i, now);
	return total;
}

int meeting_planned_minutes(const struct meeting_run *r)
{
	int total = 0;
	for (size_t i = 0; i < r->n_steps; i++)
		total += r->steps[i].skipped ? 0 : r->steps[i].planned_minutes;
	return total;
}

bool meeting_step_overrun(const struct meeting_run *r, int step, time_t now)
{
	return meeting_step_left(r, step, now) < 0;
}

int step_overrun_seconds(int planned_minutes, int actual_seconds)
{
	int over = actual_seconds - planned_minutes * 60;
	return over > 0 ? over : 0;
}

int meeting_step_left(const struct meeting_run *r, int step, time_t now)
{
	return r->steps[step].planned_minutes * 60 - meeting_step_seconds(r, step, now);
}

int meeting_left(const struct meeting_run *r, time_t now)
{
	return meeting_planned_minutes(r) * 60 - meeting_total_seconds(r, now);
}

enum step_timing meeting_step_timing(const struct meeting_run *r, int step, time_t now)
{
	int left = meeting_step_left(r, step, now);
	return left < 0 ? TIMING_OVER : left <= STEP_WARN_SECS ? TIMING_LAST_MINUTE
							       : TIMING_ON_TIME;
}

int meeting_remaining_seconds(const struct meeting_run *r, time_t now)
{
	int total = 0;
	for (size_t i = 0; i < r->n_steps; i++) {
		const struct meeting_step *s = &r->steps[i];
		if (s->skipped || (s->done && (int)i != r->m.current_step))
			continue;
		int left = meeting_step_left(r, (int)i, now);
		total += left > 0 ? left : 0;
	}
	return total;
}

time_t meeting_projected_end(const struct meeting_run *r, time_t now)
{
	return now + meeting_remaining_seconds(r, now);
}

time_t meeting_planned_end(const struct meeting_run *r)
{
	return r->m.started_at + (time_t)meeting_planned_minutes(r) * 60;
}

long meeting_end_late_minutes(const struct meeting_run *r, time_t now)
{
	return (long)(meeting_projected_end(r, now) / 60 - meeting_planned_end(r) / 60);
}

bool meeting_planned_end_today(const struct meeting_run *r, time_t now)
{
	return date_from_time(meeting_planned_end(r)) == date_from_time(now);
}

void meeting_planned_end_text(const struct meeting_run *r, time_t now, char *buf, size_t len)
{
	clock_format_local(meeting_planned_end(r),
			   meeting_planned_end_today(r, now) ? "%H:%M" : "%Y-%m-%d %H:%M", "?", buf,
			   len);
}

void meeting_end_against_plan(const struct meeting_run *r, time_t now, char *buf, size_t len)
{
	long late = meeting_end_late_minutes(r, now);
	if (!late || !meeting_planned_end_today(r, now))
		snprintf(buf, len, "%s", "");
	else
		snprintf(buf, len, "%ld min %s", late < 0 ? -late : late, late < 0 ? "early" : "late");
}

void duration_clock_text(int secs, char *buf, size_t len)
{
	if (secs < 0)
		secs = -secs;
	if (secs >= 3600)
		snprintf(buf, len, "%d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60);
	else
		snprintf(buf, len, "%d:%02d", secs / 60, secs % 60);
}

int meeting_step_minutes(const struct meeting_run *r, int step, time_t now)
{
	int secs = meeting_step_seconds(r, step, now);
	return secs > 0 ? secs / 60 : 0;
}

enum store_rc meeting_reload_shown(struct meeting_run *r, time_t now)
{
	int step = r->m.current_step;
	bool had = r->n_steps > 0;
	int shown = had ? meeting_step_seconds(r, step, now) : 0;
	store_id id = r->m.id;
	enum store_rc rc = meeting_reload(r, now);
	if (rc != STORE_OK)
		return rc;
	int written = r->steps[r->m.current_step].actual_seconds;
	if (had && r->m.id == id && r->m.current_step == step && shown > written)
		r->step_started = now - (shown - written);
	return STORE_OK;
}

/* The kinds of step an item of each kind recorded between meetings waits
 * for, in order of preference. */
static const enum step_kind waits_for[ITEM_KIND_COUNT][2] = {
	[ITEM_DECISION] = {STEP_PRIORITIES, STEP_PRIORITIES},
	[ITEM_ACTION] = {STEP_NEW_ACTIONS, STEP_ACTION_REVIEW},
	[ITEM_WIN] = {STEP_WINS, STEP_WINS},
	[ITEM_STORY] = {STEP_STORY, STEP_STORY},
	[ITEM_INSIGHT] = {STEP_INSIGHTS, STEP_INSIGHTS},
	[ITEM_NOTE] = {STEP_ROLL_CALL, STEP_ROLL_CALL},
	[ITEM_PARKED] = {STEP_PRIORITIES, STEP_PRIORITIES},
	[ITEM_MESSAGE] = {STEP_WRAP_UP, STEP_WRAP_UP},
	[ITEM_TOPIC] = {STEP_PRIORITIES, STEP_TOPIC},
};

int meeting_waiting_step(const struct meeting_run *r, enum item_kind k)
{
	for (int pref = 0; pref < 2 && (int)k >= 0 && k < ITEM_KIND_COUNT; pref++)
		for (size_t i = 0; i < r->n_steps; i++)
			if (r->steps[i].kind == waits_for[k][pref] && !r->steps[i].skipped)
				return (int)i;
	for (size_t i = 0; i < r->n_steps; i++)
		if (!r->steps[i].skipped)
			return (int)i;
	return 0;
}

enum item_kind step_default_kind(enum step_kind k)
{
	switch (k) {
	case STEP_STORY:
		return ITEM_STORY;
	case STEP_ACTION_REVIEW:
	case STEP_NEW_ACTIONS:
		return ITEM_ACTION;
	case STEP_INSIGHTS:
		return ITEM_INSIGHT;
	case STEP_PRIORITIES:
		return ITEM_DECISION;
	case STEP_WINS:
		return ITEM_WIN;
	case STEP_WRAP_UP:
		return ITEM_MESSAGE;
	default:
		return ITEM_NOTE;
	}
}

int meeting_length_minutes(time_t started_at, time_t ended_at)
{
	if (ended_at == 0 || ended_at < started_at)
		return -1;
	return (int)((ended_at - started_at + 30) / 60);
}

cx_date meeting_next_due(const struct cadence *c, cx_date last, cx_date today)
{
	return cadence_next(c, last == DATE_NONE ? today : last);
}

cx_date council_next_meeting(const struct cadence *c, const struct meeting *last, cx_date today)
{
	if (!last)
		return meeting_next_due(c, DATE_NONE, today);
	if (last->next_meeting != DATE_NONE)
		return last->next_meeting;
	return meeting_next_due(c, date_from_time(last->started_at), today);
}

int item_check(const struct item *it, char *err, size_t errlen)
{
	if (!it->text || !*it->text) {
		errf(err, errlen, "the text is empty");
		return -1;
	}
	switch (it->kind) {
	case ITEM_ACTION:
		if (!it->person_id) {
			errf(err, errlen, "an action needs an owner");
			return -1;
		}
		if (!it->dept_id) {
			errf(err, errlen, "an action needs a department");
			return -1;
		}
		if (it->due == DATE_NONE) {
			errf(err, errlen, "an action needs a due date");
			return -1;
		}
		return 0;
	case ITEM_WIN:
		if (!it->dept_id) {
			errf(err, errlen, "a win credits a department: choose one");
			return -1;
		}
		return 0;
	case ITEM_MESSAGE:
		if (!it->dept_id) {
			errf(err, errlen, "a message goes to a department: choose one");
			return -1;
		}
		return 0;
	default:
		return 0;
	}
}

static bool id_in(store_id id, const store_id *ids, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return true;
	return false;
}

void meeting_unrepresented(const struct dept *depts, size_t n_depts, const struct person *people,
			   size_t n_people, const store_id *present, size_t n_present,
			   bool *absent)
{
	for (size_t d = 0; d < n_depts; d++) {
		absent[d] = true;
		for (size_t p = 0; p < n_people && absent[d]; p++)
			if (people[p].dept_id == depts[d].id && id_in(people[p].id, present, n_present))
				absent[d] = false;
	}
}

int action_days_overdue(const struct item *it, cx_date today)
{
	if (it->kind != ITEM_ACTION || it->status != STATUS_OPEN || it->due == DATE_NONE ||
	    it->due >= today)
		return 0;
	return (int)(today - it->due);
}

static enum store_rc saved(struct store *st, enum store_rc rc, char *err, size_t errlen)
{
	if (rc != STORE_OK)
		errf(err, errlen, "Not saved: %s", store_errmsg(st));
	return rc;
}

enum store_rc meeting_add_item(struct store *st, struct item *it, const struct item *link_to,
			       time_t at, char *err, size_t errlen)
{
	bool ticked;
	int link = link_to ? item_link_kind(it->kind, link_to->kind, &ticked) : -1;
	if (item_check(it, err, errlen) != 0)
		return STORE_INVALID;
	if (link_to && link < 0) {
		errf(err, errlen, "this %s cannot be linked to that %s", item_kind_label(it->kind),
		     item_kind_label(link_to->kind));
		return STORE_INVALID;
	}
	enum store_rc rc = store_begin(st);
	if (rc == STORE_OK)
		rc = item_add(st, it, at);
	/* a message waits for its department to acknowledge it */
	if (rc == STORE_OK && it->kind == ITEM_MESSAGE)
		rc = store_message_recipients_add(st, it->id, &it->dept_id, 1);
	if (rc == STORE_OK && link >= 0)
		rc = store_item_link(st, it->id, link_to->id, (enum link_kind)link);
	if (rc == STORE_OK && link == LINK_SETTLES && link_to->status == STATUS_OPEN)
		rc = item_set_status(st, link_to->id, STATUS_CLOSED, NULL, it->meeting_id, at);
	if (rc == STORE_OK)
		return saved(st, store_commit(st), err, errlen);
	saved(st, rc, err, errlen);
	store_rollback(st);
	return rc;
}

enum store_rc item_edit(struct store *st, const struct item *it, store_id meeting, time_t at,
			char *err, size_t errlen)
{
	/* An edit never takes away what the kind requires; what the item
	 * already lacked (saved before the rule, or by another program) it may
	 * go on lacking, so that changing its owner alone is not refused for a
	 * missing department. */
	struct item old;
	enum store_rc rc = store_item_get(st, it->id, &old);
	if (rc != STORE_OK)
		return saved(st, rc, err, errlen);
	/* The item held to the rules as if what it lacked before were there:
	 * any owner, department or date stands in, as only their presence is
	 * checked. */
	struct item need = *it;
	if (!old.person_id && !need.person_id)
		need.person_id = it->id;
	if (!old.dept_id && !need.dept_id)
		need.dept_id = it->id;
	if (old.due == DATE_NONE && need.due == DATE_NONE)
		need.due = 0;
	/* a message whose department changed goes to the new one */
	store_id was_dept = old.kind == ITEM_MESSAGE && old.dept_id != it->dept_id ? old.dept_id : 0;
	bool redirect = old.kind == ITEM_MESSAGE && old.dept_id != it->dept_id && it->dept_id;
	item_free(&old);
	if (item_check(&need, err, errlen) != 0)
		return STORE_INVALID;
	if (!redirect)
		return saved(st, item_update(st, it, meeting, at), err, errlen);
	if ((rc = store_begin(st)) != STORE_OK)
		return saved(st, rc, err, errlen);
	rc = item_update(st, it, meeting, at);
	if (rc == STORE_OK)
		rc = store_message_redirect(st, it->id, was_dept, it->dept_id);
	if (rc == STORE_OK)
		return saved(st, store_commit(st), err, errlen);
	saved(st, rc, err, errlen); /* the reason, before the rollback */
	store_rollback(st);
	return rc;
}

void meeting_quiet_heroes(const struct dept *depts, size_t n_depts, const struct item *wins,
			  size_t n_wins, bool *quiet)
{
	for (size_t d = 0; d < n_depts; d++) {
		quiet[d] = depts[d].behind && !depts[d].archived;
		for (size_t w = 0; w < n_wins && quiet[d]; w++)
			if (wins[w].kind == ITEM_WIN && wins[w].dept_id == depts[d].id)
				quiet[d] = false;
	}
}

/* Reopens the topics the decision `id` settled. */
static enum store_rc reopen_settled(struct store *st, store_id id, store_id meeting, time_t at)
{
	store_id *others;
	enum link_kind *kinds;
	size_t n;
	enum store_rc rc = store_item_links(st, id, &others, &kinds, &n);
	if (rc != STORE_OK)
		return rc;
	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		struct item topic;
		if (kinds[i] != LINK_SETTLES || store_item_get(st, others[i], &topic) != STORE_OK)
			continue;
		if (topic.kind == ITEM_PARKED && topic.status == STATUS_CLOSED && !topic.deleted_at)
			rc = item_set_status(st, topic.id, STATUS_OPEN,
						   "the decision that settled it was deleted", meeting, at);
		item_free(&topic);
	}
	free(others);
	free(kinds);
	return rc;
}

enum store_rc meeting_delete_item(struct store *st, store_id id, store_id meeting, time_t at)
{
	struct item it;
	enum store_rc rc = store_item_get(st, id, &it);
	if (rc != STORE_OK)
		return rc;
	bool decision = it.kind == ITEM_DECISION;
	item_free(&it);
	rc = store_begin(st);
	if (rc == STORE_OK)
		rc = store_item_delete(st, id, meeting, at);
	if (rc == STORE_OK && decision)
		rc = reopen_settled(st, id, meeting, at);
	if (rc == STORE_OK)
		return store_commit(st);
	store_rollback(st);
	return rc;
}

enum store_rc meeting_undo_capture(struct store *st, store_id id, store_id meeting, time_t at,
				   struct item *out)
{
	memset(out, 0, sizeof *out);
	enum store_rc rc = store_item_get(st, id, out);
	if (rc != STORE_OK)
		return rc;
	if (out->deleted_at || out->meeting_id != meeting) {
		item_free(out);
		memset(out, 0, sizeof *out);
		return STORE_NOTFOUND;
	}
	rc = meeting_delete_item(st, id, meeting, at);
	if (rc != STORE_OK) {
		item_free(out);
		memset(out, 0, sizeof *out);
	}
	return rc;
}

/* The text in at most max columns, ending in "…" when cut (max 0: whole). */
static void add_cut(struct strbuf *sb, const char *s, int max)
{
	if (max <= 0 || text_width(s) <= max) {
		sb_addf(sb, "%s", s);
		return;
	}
	sb_addn(sb, s, text_fit(s, strlen(s), max - 1, NULL)); /* whole clusters */
	sb_addf(sb, "…");
}

void item_kind_title(enum item_kind k, char *buf, size_t len)
{
	const char *label = item_kind_label(k);
	snprintf(buf, len, "%c%s", label[0] >= 'a' && label[0] <= 'z' ? label[0] - 'a' + 'A'
								 : label[0], label + 1);
}

char *item_meta_text(const struct item *it, unsigned parts)
{
	struct strbuf sb;
	sb_init(&sb);
	const char *sep = "";
	char buf[32];
	bool owner_first = (parts & ITEM_META_OWNER) && it->kind == ITEM_ACTION;
	if (parts & ITEM_META_KIND) {
		item_kind_title(it->kind, buf, sizeof buf);
		sb_addf(&sb, "%s", buf);
		sep = " · ";
	}
	if (owner_first && it->person_name) {
		sb_addf(&sb, "%s%s %s", sep, *sep ? "owner" : "Owner", it->person_name);
		sep = " · ";
	}
	if (it->dept_name) {
		sb_addf(&sb, "%s%s", sep, it->dept_name);
		sep = " · ";
	}
	if (!owner_first && it->person_name) {
		sb_addf(&sb, "%s%s", sep, it->person_name);
		sep = " · ";
	}
	if (it->due != DATE_NONE) {
		date_format(it->due, buf, sizeof buf);
		sb_addf(&sb, "%sdue %s", sep, buf);
		sep = " · ";
	}
	if ((parts & ITEM_META_MORE) && it->kind == ITEM_STORY) {
		sb_addf(&sb, "%s%s", sep, it->consent ? "customer named" : "customer not named");
		sep = " · ";
	}
	if ((parts & ITEM_META_MORE) && it->revisit != DATE_NONE) {
		date_format(it->revisit, buf, sizeof buf);
		sb_addf(&sb, "%srevisit %s", sep, buf);
	}
	return sb_take(&sb);
}

enum store_rc meeting_items_of_kind(struct store *st, store_id meeting, enum item_kind kind,
				    struct item **out, size_t *n, int counts[ITEM_KIND_COUNT])
{
	struct item *all;
	size_t n_all;
	memset(counts, 0, sizeof(int) * ITEM_KIND_COUNT);
	*out = NULL;
	*n = 0;
	enum store_rc rc = store_meeting_items(st, meeting, 0, &all, &n_all);
	if (rc != STORE_OK)
		return rc;
	*out = xcalloc(n_all + 1, sizeof **out);
	for (size_t i = 0; i < n_all; i++) {
		counts[all[i].kind]++;
		if (all[i].kind == kind)
			(*out)[(*n)++] = all[i];
		else
			item_free(&all[i]);
	}
	free(all);
	return STORE_OK;
}

char *item_read_back(const struct item *it, int max_text)
{
	struct strbuf sb;
	sb_init(&sb);
	char kind[32];
	item_kind_title(it->kind, kind, sizeof kind);
	sb_addf(&sb, "%s #%lld saved: ", kind, (long long)it->id);
	add_cut(&sb, it->text ? it->text : "", max_text);
	const char *sep = " — ";
	/* names cut too, so that a long one never pushes the due date out */
	int max_name = max_text > 0 ? 30 : 0;
	if (it->person_name) {
		sb_addf(&sb, "%s", sep);
		add_cut(&sb, it->person_name, max_name);
		if (it->dept_name) {
			sb_addf(&sb, " (");
			add_cut(&sb, it->dept_name, max_name);
			sb_addf(&sb, ")");
		}
		sep = ", ";
	} else if (it->dept_name) {
		sb_addf(&sb, "%s", sep);
		add_cut(&sb, it->dept_name, max_name);
		sep = ", ";
	}
	if (it->due != DATE_NONE) {
		static const char *const day[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
		char date[16];
		date_format(it->due, date, sizeof date);
		sb_addf(&sb, "%sdue %s %s", sep, day[date_weekday(it->due) % 7], date);
	}
	return sb_take(&sb);
}

/* 'action #123 "Call Acme back" (Ana Ruiz, Support, due 2026-12-01)' */
static void add_undo_summary(struct strbuf *sb, const struct item *it, int max_text)
{
	sb_addf(sb, "%s #%lld \"", item_kind_label(it->kind), (long long)it->id);
	add_cut(sb, it->text ? it->text : "", max_text);
	sb_addf(sb, "\"");
	const char *sep = " (";
	if (it->person_name) {
		sb_addf(sb, "%s%s", sep, it->person_name);
		sep = ", ";
	}
	if (it->dept_name) {
		sb_addf(sb, "%s%s", sep, it->dept_name);
		sep = ", ";
	}
	if (it->due != DATE_NONE) {
		char date[16];
		date_format(it->due, date, sizeof date);
		sb_addf(sb, "%sdue %s", sep, date);
		sep = ", ";
	}
	if (*sep == ',')
		sb_addf(sb, ")");
}

char *item_undone_line(const struct item *it, int max_text)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "Undone: ");
	add_undo_summary(&sb, it, max_text);
	sb_addf(&sb, ".");
	return sb_take(&sb);
}

char *item_undo_question(const struct item *it, int step, const char *step_title, int max_text)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "Undo ");
	add_undo_summary(&sb, it, max_text);
	if (step > 0)
		sb_addf(&sb, ", captured in step %d %s", step, step_title ? step_title : "");
	sb_addf(&sb, "?");
	return sb_take(&sb);
}

int item_link_kind(enum item_kind from, enum item_kind to, bool *by_default)
{
	*by_default = false;
	if (from == ITEM_DECISION && to == ITEM_PARKED) {
		*by_default = true;
		return LINK_SETTLES;
	}
	if ((from == ITEM_ACTION || from == ITEM_DECISION) &&
	    (to == ITEM_STORY || to == ITEM_INSIGHT || to == ITEM_DECISION || to == ITEM_PARKED))
		return LINK_AROSE_FROM;
	/* story -> action -> win: a win came from an action or a story */
	if (from == ITEM_WIN && (to == ITEM_ACTION || to == ITEM_STORY))
		return LINK_AROSE_FROM;
	return -1;
}

bool win_only_a_number(const char *text)
{
	/* a few words with a figure in them and nothing of what changed */
	int words = 0;
	bool digit = false, word = false;
	for (const char *p = text ? text : ""; *p; p++) {
		bool alnum = (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
			     (*p >= 'A' && *p <= 'Z') || (unsigned char)*p >= 0x80;
		digit |= *p >= '0' && *p <= '9';
		if (alnum && !word)
			words++;
		word = alnum;
	}
	return digit && words <= 5;
}

/* --- the roll call's briefers and the members' ratings ------------------ */

enum store_rc meeting_everyone_present(struct store *st, store_id meeting, int *marked,
				       char *err, size_t errlen)
{
	enum store_rc rc = store_attendance_everyone(st, meeting, marked);
	if (rc != STORE_OK)
		errf(err, errlen, "Not saved: %s", store_errmsg(st));
	return rc;
}

/* The people present at the meeting (attendance_list), in *ids. */
static enum store_rc present_ids(struct store *st, store_id meeting, store_id **ids, size_t *n)
{
	*ids = NULL;
	*n = 0;
	return store_attendance_list(st, meeting, ids, n);
}

static enum store_rc refuse(char *err, size_t errlen, const char *why)
{
	errf(err, errlen, "%s", why);
	return STORE_INVALID;
}

enum store_rc meeting_set_briefer(struct store *st, store_id meeting, store_id dept,
				  store_id person, time_t at, char *err, size_t errlen)
{
	struct dept d;
	struct person p;
	enum store_rc rc = store_dept_get(st, dept, &d);
	if (rc != STORE_OK)
		return saved(st, rc, err, errlen);
	rc = store_person_get(st, person, &p);
	if (rc != STORE_OK) {
		dept_free(&d);
		return saved(st, rc, err, errlen);
	}
	struct person *members = NULL;
	size_t n_members = 0, n_present = 0;
	store_id *present = NULL;
	rc = store_person_list(st, true, dept, &members, &n_members);
	if (rc == STORE_OK)
		rc = present_ids(st, meeting, &present, &n_present);
	bool represented = false;
	for (size_t i = 0; rc == STORE_OK && i < n_members; i++)
		represented |= id_in(members[i].id, present, n_present);
	person_list_free(members, n_members);
	free(present);
	if (rc != STORE_OK)
		errf(err, errlen, "Not saved: %s", store_errmsg(st));
	else if (represented)
		rc = refuse(err, errlen, "Someone of that department is present: it needs no briefer.");
	else if (p.dept_id == dept)
		rc = refuse(err, errlen, "Nobody of that department is here: choose who will brief "
					 "it from outside it.");
	else if (p.archived)
		rc = refuse(err, errlen, "That person is archived.");
	else
		rc = saved(st, store_briefer_set(st, meeting, dept, person, at), err, errlen);
	dept_free(&d);
	person_free(&p);
	return rc;
}

int meeting_rating_parse(const char *text, char *err, size_t errlen)
{
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	while (end && (*end == ' ' || *end == '\t'))
		end++;
	if (errno || end == text || *end || v < 1 || v > 10) {
		errf(err, errlen, "A rating is a whole number from 1 to 10.");
		return 0;
	}
	return (int)v;
}

enum store_rc meeting_rate_member(struct store *st, store_id meeting, store_id person,
				  int rating, time_t at, char *err, size_t errlen)
{
	if (rating < 1 || rating > 10)
		return refuse(err, errlen, "A rating is a whole number from 1 to 10.");
	store_id *present;
	size_t n;
	enum store_rc rc = present_ids(st, meeting, &present, &n);
	if (rc != STORE_OK)
		return saved(st, rc, err, errlen);
	bool here = id_in(person, present, n);
	free(present);
	if (!here)
		return refuse(err, errlen, "Only a member marked present rates the meeting.");
	return saved(st, store_rating_set(st, meeting, person, rating, at), err, errlen);
}

void rating_spread_of(const struct member_rating *r, size_t n, struct rating_spread *out)
{
	*out = (struct rating_spread){0};
	for (size_t i = 0; i < n; i++) {
		if (!out->n || r[i].rating < out->lo)
			out->lo = r[i].rating;
		if (!out->n || r[i].rating > out->hi)
			out->hi = r[i].rating;
		out->sum += r[i].rating;
		out->n++;
	}
}

double rating_average(const struct rating_spread *r)
{
	return r->n > 0 ? (double)r->sum / r->n : 0;
}

void rating_spread_text(const struct rating_spread *r, char *buf, size_t len)
{
	if (r->n <= 0)
		snprintf(buf, len, "%s", "");
	else if (r->n == 1)
		snprintf(buf, len, "%.1f (1 rating)", rating_average(r));
	else
		snprintf(buf, len, "%.1f (%d–%d, %d ratings)", rating_average(r), r->lo, r->hi,
			 r->n);
}

void meeting_rating_text(const struct rating_spread *members, int rating, char *buf, size_t len)
{
	if (members && members->n > 0)
		rating_spread_text(members, buf, len);
	else if (rating > 0)
		snprintf(buf, len, "%d/10", rating);
	else
		snprintf(buf, len, "%s", "");
}
