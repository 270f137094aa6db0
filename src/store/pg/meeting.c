/* meeting.c - meetings, each one's own copy of its agenda with the time
 * spent, attendance, who holds a live meeting, and the draft of an open
 * form, on a PostgreSQL server (as src/store/sqlite/store_meeting.c and
 * store_hold.c). The server refuses a write into a meeting this instance
 * does not hold (schema.c, cx_hold_check), in the statement that writes. */
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pg_int.h"
#include "cxmeet/agenda.h"
#include "cxmeet/dates.h"

/* --- holds ------------------------------------------------------------------- */

/* Who holds the meeting in progress, told as the server's check tells it. */
static enum store_rc hold_refused(struct store *st, const char *what)
{
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_HOLD_WHY, NULL, &r, what);
	if (rc == STORE_NOTFOUND)
		return pg_failf(st, STORE_NOT_HELD, "%s: nothing was saved: the meeting has ended",
				what);
	if (rc != STORE_OK)
		return rc;
	if (PQgetisnull(r, 0, 0)) {
		PQclear(r);
		return pg_failf(st, STORE_NOT_HELD, "%s: nothing was saved: this screen does not "
				"hold the meeting (it was let go); resume it to write", what);
	}
	char since[32];
	clock_format_local(pgc_time(r, 0, 2), "%Y-%m-%d %H:%M", "an unknown time", since,
			   sizeof since);
	pg_failf(st, STORE_NOT_HELD, "%s: nothing was saved: %s on %s has held the meeting "
		 "since %s", what, PQgetvalue(r, 0, 0), PQgetvalue(r, 0, 1), since);
	PQclear(r);
	return STORE_NOT_HELD;
}

enum store_rc pg_hold_get(struct store *st, store_id meeting, struct meeting_hold *out)
{
	memset(out, 0, sizeof *out);
	struct pg_params p = {0};
	pp_id(&p, meeting);
	pp_text(&p, PG(st)->token);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_HOLD_GET, &p, &r, "reading who holds the meeting");
	if (rc != STORE_OK)
		return rc;
	snprintf(out->token, sizeof out->token, "%s", PQgetvalue(r, 0, 0));
	out->user = pgc_text_or_empty(r, 0, 1);
	out->host = pgc_text_or_empty(r, 0, 2);
	out->pid = (long)pgc_int(r, 0, 3);
	out->since = pgc_time(r, 0, 4);
	out->seen = pgc_time(r, 0, 5);
	out->mine = pgc_bool(r, 0, 6);
	out->same_host = strcmp(out->host, PG(st)->host) == 0;
	PQclear(r);
	return STORE_OK;
}

/* The user the program runs as, even when $USER is unset. */
static const char *hold_user(const struct store *st, char *buf, size_t len)
{
	if (PG(st)->actor)
		return PG(st)->actor;
	struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_name && *pw->pw_name)
		return pw->pw_name;
	snprintf(buf, len, "user %ld", (long)getuid());
	return buf;
}

struct take {
	store_id meeting;
	const struct meeting_hold *from;
	time_t now;
};

static enum store_rc hold_take(struct store *st, void *ctx)
{
	const struct take *t = ctx;
	char ubuf[32];
	struct pg_params p = {0};
	pp_id(&p, t->meeting);
	pp_text(&p, PG(st)->token);
	pp_text(&p, hold_user(st, ubuf, sizeof ubuf));
	pp_text(&p, PG(st)->host);
	pp_int(&p, getpid());
	pp_time(&p, t->now);
	pp_text(&p, t->from ? t->from->token : NULL);
	PGresult *r;
	enum store_rc rc = pg_run(st, PGS_HOLD_TAKE, &p, &r, "taking the meeting");
	if (rc != STORE_OK)
		return rc;
	bool took = strcmp(PQcmdTuples(r), "0") != 0;
	PQclear(r);
	if (took)
		return STORE_OK;
	struct meeting m;
	if (pg_meeting_get(st, t->meeting, &m) == STORE_OK && m.status != MEETING_IN_PROGRESS)
		return pg_failf(st, STORE_NOT_HELD, "the meeting has ended");
	return hold_refused(st, "taking the meeting");
}

enum store_rc pg_hold_take(struct store *st, store_id meeting, const struct meeting_hold *from,
			   time_t now)
{
	struct take t = {meeting, from, now};
	return pg_tx_run(st, hold_take, &t);
}

bool pg_hold_mine(struct store *st, store_id meeting)
{
	struct pg_params p = {0};
	pp_id(&p, meeting);
	pp_text(&p, PG(st)->token);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_HOLD_MINE, &p, &r, "reading who holds the meeting");
	if (rc == STORE_OK)
		PQclear(r);
	return rc == STORE_OK;
}

enum store_rc pg_hold_beat(struct store *st, store_id meeting, time_t now)
{
	struct pg_params p = {0};
	pp_time(&p, now);
	pp_id(&p, meeting);
	pp_text(&p, PG(st)->token);
	PGresult *r;
	enum store_rc rc = pg_run(st, PGS_HOLD_BEAT, &p, &r, "keeping the meeting");
	if (rc != STORE_OK)
		return rc;
	bool beat = strcmp(PQcmdTuples(r), "0") != 0;
	PQclear(r);
	if (!beat || !pg_hold_mine(st, meeting))
		return hold_refused(st, "keeping the meeting");
	return STORE_OK;
}

enum store_rc pg_hold_release(struct store *st, store_id meeting)
{
	struct pg_params p = {0};
	pp_id(&p, meeting);
	pp_text(&p, PG(st)->token);
	return pg_exec(st, PGS_HOLD_RELEASE, &p, "letting go of the meeting");
}

/* --- drafts ------------------------------------------------------------------ */

enum store_rc pg_draft_save(struct store *st, store_id meeting, const struct meeting_draft *d,
			    time_t now)
{
	struct pg_params p = {0};
	pp_id(&p, meeting);
	pp_id(&p, d->step_id);
	pp_text(&p, item_kind_name(d->kind));
	pp_text(&p, d->text ? d->text : "");
	pp_text(&p, d->detail && *d->detail ? d->detail : NULL);
	pp_time(&p, now);
	return pg_exec(st, PGS_DRAFT_SAVE, &p, "keeping the draft");
}

enum store_rc pg_draft_get(struct store *st, store_id meeting, struct meeting_draft *out)
{
	memset(out, 0, sizeof *out);
	struct pg_params p = {0};
	pp_id(&p, meeting);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_DRAFT_GET, &p, &r, "reading the draft");
	if (rc != STORE_OK)
		return rc;
	out->step_id = pgc_id(r, 0, 0);
	int k = item_kind_parse(PQgetvalue(r, 0, 1));
	out->kind = k < 0 ? ITEM_NOTE : (enum item_kind)k;
	out->text = pgc_text_or_empty(r, 0, 2);
	out->detail = pgc_text(r, 0, 3);
	out->saved_at = pgc_time(r, 0, 4);
	PQclear(r);
	return STORE_OK;
}

enum store_rc pg_draft_clear(struct store *st, store_id meeting)
{
	struct pg_params p = {0};
	pp_id(&p, meeting);
	return pg_exec(st, PGS_DRAFT_CLEAR, &p, "clearing the draft");
}

/* --- meetings ---------------------------------------------------------------- */

struct start {
	store_id template_id, facilitator_id, id;
	const struct agenda_template *agenda;
	time_t started;
};

/* What a live meeting runs, from its start (the agenda read, the open
 * actions carried, the meeting and its steps written, the hold taken) to its
 * end (items, drafts, steps, the hold's beats). */
void pg_expect_meeting(struct store *st)
{
	static const enum pg_stmt meeting[] = {
		PGS_TEMPLATE_DEFAULT, PGS_TEMPLATE_NAME,  PGS_TEMPLATE_STEPS,  PGS_ACTION_LATE_F,
		PGS_ACTION_REST_F,    PGS_ACTION_UNDATED_F, PGS_MEETING_ADD,   PGS_MEETING_STEPS_ADD,
		PGS_HOLD_TAKE,        PGS_MEETING_GET,    PGS_MEETING_STEPS,   PGS_MEETING_WORK,
		PGS_ITEM_ADD,         PGS_EVENT_ADD,      PGS_DRAFT_SAVE,      PGS_DRAFT_CLEAR,
		PGS_HOLD_BEAT,        PGS_HOLD_MINE,      PGS_MEETING_STEP_TIME, PGS_MEETING_SET_STEP,
		PGS_MEETING_FINISH,   PGS_HOLD_END,
	};
	pg_prepare_these(st, meeting, sizeof meeting / sizeof meeting[0]);
}

static enum store_rc meeting_start(struct store *st, void *ctx)
{
	struct start *s = ctx;
	struct pg_params p = {0};
	pp_id(&p, s->template_id);
	pp_time(&p, s->started);
	pp_id(&p, s->facilitator_id);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_MEETING_ADD, &p, &r, "starting the meeting");
	if (rc == STORE_DUPLICATE)
		return pg_failf(st, rc, "another meeting is still in progress: resume or end it "
				"first");
	if (rc != STORE_OK)
		return rc;
	s->id = pgc_id(r, 0, 0);
	PQclear(r);
	/* The instance that starts a meeting holds it, before anything is written into it. */
	struct take t = {s->id, NULL, s->started};
	rc = hold_take(st, &t);
	if (rc != STORE_OK)
		return rc;
	/* The agenda's steps in one round trip, as arrays. */
	struct strbuf a[5];
	for (size_t k = 0; k < 5; k++)
		sb_init(&a[k]);
	for (size_t i = 0; i < s->agenda->n_steps; i++) {
		const struct agenda_step *step = &s->agenda->steps[i];
		pg_array_add(&a[0], step->title);
		pg_array_add(&a[1], step_kind_name(step->kind));
		pg_array_add_int(&a[2], step->minutes);
		pg_array_add(&a[3], step->prompt ? step->prompt : "");
		pg_array_add(&a[4], step->skipped ? "t" : "f");
	}
	struct pg_params q = {0};
	pp_id(&q, s->id);
	for (size_t k = 0; k < 5; k++) {
		pg_array_end(&a[k]);
		pp_text(&q, a[k].s);
	}
	rc = pg_exec(st, PGS_MEETING_STEPS_ADD, &q, "copying the agenda");
	for (size_t k = 0; k < 5; k++)
		sb_free(&a[k]);
	return rc;
}

enum store_rc pg_meeting_start(struct store *st, store_id template_id,
			       const struct agenda_template *agenda, time_t started,
			       store_id facilitator_id, store_id *id)
{
	if (!agenda || agenda->n_steps == 0)
		return pg_failf(st, STORE_INVALID, "a meeting needs an agenda with at least one step");
	struct start s = {template_id, facilitator_id, 0, agenda, started};
	enum store_rc rc = pg_tx_run(st, meeting_start, &s);
	if (rc == STORE_OK && id)
		*id = s.id;
	return rc;
}

static void read_meeting(const PGresult *r, int row, void *elem)
{
	struct meeting *m = elem;
	memset(m, 0, sizeof *m);
	m->id = pgc_id(r, row, 0);
	m->template_id = pgc_id(r, row, 1);
	int status = meeting_status_parse(PQgetvalue(r, row, 2));
	m->status = status < 0 ? MEETING_ABANDONED : (enum meeting_status)status;
	m->started_at = pgc_time(r, row, 3);
	m->ended_at = pgc_time(r, row, 4);
	m->facilitator_id = pgc_id(r, row, 5);
	m->rating = (int)pgc_int(r, row, 6);
	m->next_meeting = pgc_date(r, row, 7);
	m->current_step = (int)pgc_int(r, row, 8);
}

static enum store_rc one_meeting(struct store *st, enum pg_stmt id, const struct pg_params *p,
				 struct meeting *out, const char *missing)
{
	PGresult *r;
	enum store_rc rc = pg_row(st, id, p, &r, "reading a meeting");
	if (rc == STORE_OK) {
		read_meeting(r, 0, out);
		PQclear(r);
	} else if (rc == STORE_NOTFOUND) {
		pg_failf(st, rc, "%s", missing);
	}
	return rc;
}

enum store_rc pg_meeting_get(struct store *st, store_id id, struct meeting *out)
{
	struct pg_params p = {0};
	pp_id(&p, id);
	return one_meeting(st, PGS_MEETING_GET, &p, out, "no such meeting");
}

enum store_rc pg_meeting_last(struct store *st, struct meeting *out)
{
	return one_meeting(st, PGS_MEETING_LAST, NULL, out, "no meeting has been held yet");
}

enum store_rc pg_meeting_in_progress(struct store *st, store_id *id)
{
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_MEETING_IN_PROGRESS, NULL, &r,
				  "looking for a meeting in progress");
	if (rc == STORE_OK) {
		*id = pgc_id(r, 0, 0);
		PQclear(r);
	}
	return rc;
}

enum store_rc pg_meeting_set_current_step(struct store *st, store_id id, int position)
{
	struct pg_params p = {0};
	pp_int(&p, position);
	pp_id(&p, id);
	return pg_update_one(st, PGS_MEETING_SET_STEP, &p, "saving the meeting's step");
}

enum store_rc pg_meeting_step_time(struct store *st, store_id meeting, int position,
				   int seconds, bool done)
{
	struct pg_params p = {0};
	pp_int(&p, seconds < 0 ? 0 : seconds);
	pp_bool(&p, done);
	pp_id(&p, meeting);
	pp_int(&p, position);
	return pg_update_one(st, PGS_MEETING_STEP_TIME, &p, "saving the step's time");
}

/* The rating (0: none) and next meeting date of a meeting still in
 * progress; MEETING_FINISH also ends it (status, ended). */
static enum store_rc set_outcome(struct store *st, enum pg_stmt stmt, store_id id,
				 enum meeting_status status, time_t ended, int rating,
				 cx_date next_meeting, const char *what)
{
	if (rating < 0 || rating > 10)
		return pg_failf(st, STORE_INVALID, "a rating is a whole number from 1 to 10");
	struct pg_params p = {0};
	if (stmt == PGS_MEETING_FINISH) {
		pp_text(&p, meeting_status_name(status));
		pp_time(&p, ended);
	}
	if (rating > 0)
		pp_int(&p, rating);
	else
		pp_text(&p, NULL);
	pp_date(&p, next_meeting);
	pp_id(&p, id);
	enum store_rc rc = pg_update_one(st, stmt, &p, what);
	if (rc == STORE_NOTFOUND)
		pg_failf(st, rc, "that meeting is not in progress");
	return rc;
}

struct finish {
	store_id id;
	enum meeting_status status;
	time_t ended;
	int rating;
	cx_date next;
};

static enum store_rc meeting_finish(struct store *st, void *ctx)
{
	const struct finish *f = ctx;
	enum store_rc rc = set_outcome(st, PGS_MEETING_FINISH, f->id, f->status, f->ended,
				       f->rating, f->next, "ending the meeting");
	/* An ended meeting is held by nobody, and a draft typed in it has nowhere to go. */
	struct pg_params p = {0};
	pp_id(&p, f->id);
	if (rc == STORE_OK)
		rc = pg_exec(st, PGS_DRAFT_CLEAR, &p, "ending the meeting");
	if (rc == STORE_OK)
		rc = pg_exec(st, PGS_HOLD_END, &p, "ending the meeting");
	return rc;
}

enum store_rc pg_meeting_finish(struct store *st, store_id id, enum meeting_status status,
				time_t ended, int rating, cx_date next_meeting)
{
	if (status == MEETING_IN_PROGRESS)
		return pg_failf(st, STORE_INVALID, "a meeting ends completed or abandoned");
	struct finish f = {id, status, ended, rating, next_meeting};
	return pg_tx_run(st, meeting_finish, &f);
}

enum store_rc pg_meeting_set_outcome(struct store *st, store_id id, int rating,
				     cx_date next_meeting)
{
	return set_outcome(st, PGS_MEETING_SET_OUTCOME, id, MEETING_IN_PROGRESS, 0, rating,
			   next_meeting, "saving the meeting's rating");
}

static void read_mstep(const PGresult *r, int row, void *elem)
{
	struct meeting_step *m = elem;
	m->id = pgc_id(r, row, 0);
	m->position = (int)pgc_int(r, row, 1);
	m->title = pgc_text_or_empty(r, row, 2);
	int kind = step_kind_parse(PQgetvalue(r, row, 3));
	m->kind = kind < 0 ? STEP_TOPIC : (enum step_kind)kind;
	m->planned_minutes = (int)pgc_int(r, row, 4);
	m->prompt = pgc_text_or_empty(r, row, 5);
	m->actual_seconds = (int)pgc_int(r, row, 6);
	m->done = pgc_bool(r, row, 7);
	m->skipped = pgc_bool(r, row, 8);
}

enum store_rc pg_meeting_steps(struct store *st, store_id id, struct meeting_step **out,
			       size_t *n)
{
	struct pg_params p = {0};
	pp_id(&p, id);
	return pg_collect(st, PGS_MEETING_STEPS, &p, (void **)out, n, sizeof **out, read_mstep,
			  "reading the meeting's agenda");
}

enum store_rc pg_meeting_count(struct store *st, int64_t *n)
{
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_MEETING_COUNT, NULL, &r, "counting meetings");
	*n = rc == STORE_OK ? pgc_int(r, 0, 0) : 0;
	if (rc == STORE_OK)
		PQclear(r);
	return rc;
}

enum store_rc pg_meeting_work(struct store *st, store_id meeting, struct meeting_work *out)
{
	memset(out, 0, sizeof *out);
	struct pg_params p = {0};
	pp_id(&p, meeting);
	PGresult *r;
	enum store_rc rc = pg_run(st, PGS_MEETING_STEP_ITEMS, &p, &r,
				  "reading the meeting's work");
	if (rc != STORE_OK)
		return rc;
	for (int i = 0; i < PQntuples(r); i++) {
		int64_t pos = pgc_int(r, i, 0);
		if (pos < 0 || pos > 1000)
			continue;
		if ((size_t)pos + 1 > out->n_steps) {
			out->items = xrealloc(out->items, ((size_t)pos + 1) * sizeof *out->items);
			memset(out->items + out->n_steps, 0,
			       ((size_t)pos + 1 - out->n_steps) * sizeof *out->items);
			out->n_steps = (size_t)pos + 1;
		}
		out->items[pos] = (int)pgc_int(r, i, 1);
	}
	PQclear(r);
	rc = pg_row(st, PGS_MEETING_WORK, &p, &r, "reading the meeting's work");
	if (rc == STORE_OK) {
		out->reviewed = (int)pgc_int(r, 0, 0);
		out->present = (int)pgc_int(r, 0, 1);
		out->rated = pgc_bool(r, 0, 2);
		out->initiatives_reviewed = (int)pgc_int(r, 0, 3);
		PQclear(r);
	} else {
		meeting_work_free(out);
	}
	return rc;
}

/* A member's row of a meeting (attendance: a boolean; a rating: a number
 * and its time), then the meeting's rating as the average of the members
 * present who rated it, in one transaction. */
struct member_args {
	enum pg_stmt stmt;
	store_id meeting, person;
	int value;
	bool rating;
	time_t at;
	const char *what;
};

static enum store_rc member_body(struct store *st, void *ctx)
{
	const struct member_args *a = ctx;
	struct pg_params p = {0};
	pp_id(&p, a->meeting);
	pp_id(&p, a->person);
	if (a->rating) {
		pp_int(&p, a->value);
		pp_time(&p, a->at);
	} else {
		pp_bool(&p, a->value != 0);
	}
	enum store_rc rc = pg_update_one(st, a->stmt, &p, a->what);
	if (rc == STORE_NOTFOUND)
		return pg_failf(st, rc, "no such person");
	if (rc != STORE_OK)
		return rc;
	struct pg_params q = {0};
	pp_id(&q, a->meeting);
	pp_id(&q, a->person);
	return pg_exec(st, PGS_RATING_AVERAGE, &q, "saving the meeting's rating");
}

enum store_rc pg_attendance_set(struct store *st, store_id meeting, store_id person,
				bool present)
{
	struct member_args a = {PGS_ATTEND_SET, meeting, person, present, false, 0,
				"recording attendance"};
	return pg_tx_run(st, member_body, &a);
}

static void read_id(const PGresult *r, int row, void *elem)
{
	*(store_id *)elem = pgc_id(r, row, 0);
}

enum store_rc pg_attendance_list(struct store *st, store_id meeting, store_id **people,
				 size_t *n)
{
	struct pg_params p = {0};
	pp_id(&p, meeting);
	return pg_collect(st, PGS_ATTEND_LIST, &p, (void **)people, n, sizeof **people, read_id,
			  "reading attendance");
}

enum store_rc pg_rating_set(struct store *st, store_id meeting, store_id person, int rating,
			    time_t at)
{
	struct member_args a = {PGS_RATING_SET, meeting, person, rating, true, at,
				"saving the member's rating"};
	return pg_tx_run(st, member_body, &a);
}

static void read_rating(const PGresult *r, int row, void *elem)
{
	struct member_rating *m = elem;
	m->person_id = pgc_id(r, row, 0);
	m->name = pgc_text_or_empty(r, row, 1);
	m->rating = (int)pgc_int(r, row, 2);
	m->at = pgc_time(r, row, 3);
	m->meeting_id = pgc_id(r, row, 4);
}

enum store_rc pg_ratings(struct store *st, store_id meeting, struct member_rating **out,
			 size_t *n)
{
	struct pg_params p = {0};
	if (meeting)
		pp_id(&p, meeting);
	return pg_collect(st, meeting ? PGS_RATINGS : PGS_RATINGS_ALL, &p, (void **)out, n,
			  sizeof **out, read_rating,
			  "reading the members' ratings");
}

enum store_rc pg_briefer_set(struct store *st, store_id meeting, store_id dept, store_id person,
			     time_t at)
{
	struct pg_params p = {0};
	pp_id(&p, meeting);
	pp_id(&p, dept);
	pp_id(&p, person);
	pp_time(&p, at);
	enum store_rc rc = pg_update_one(st, PGS_BRIEFER_SET, &p,
					 "saving who will brief the department");
	if (rc == STORE_NOTFOUND)
		pg_failf(st, rc, "no such department or person");
	return rc;
}

static void read_briefer(const PGresult *r, int row, void *elem)
{
	struct briefer *b = elem;
	b->dept_id = pgc_id(r, row, 0);
	b->dept_name = pgc_text_or_empty(r, row, 1);
	b->person_id = pgc_id(r, row, 2);
	b->person_name = pgc_text_or_empty(r, row, 3);
	b->meeting_id = pgc_id(r, row, 4);
}

enum store_rc pg_briefers(struct store *st, store_id meeting, struct briefer **out, size_t *n)
{
	struct pg_params p = {0};
	if (meeting)
		pp_id(&p, meeting);
	return pg_collect(st, meeting ? PGS_BRIEFERS : PGS_BRIEFERS_ALL, &p, (void **)out, n,
			  sizeof **out, read_briefer,
			  "reading who will brief the departments");
}

enum store_rc pg_attendance_everyone(struct store *st, store_id meeting, int *marked)
{
	struct pg_params p = {0};
	pp_id(&p, meeting);
	PGresult *r;
	*marked = 0;
	enum store_rc rc = pg_run(st, PGS_ATTEND_EVERYONE, &p, &r, "marking everyone present");
	if (rc != STORE_OK)
		return rc;
	const char *n = PQcmdTuples(r);
	*marked = n ? atoi(n) : 0;
	PQclear(r);
	return rc;
}
