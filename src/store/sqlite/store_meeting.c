/* store_meeting.c - meetings, each meeting's own copy of its agenda steps with
 * the time actually spent, and attendance. */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "cxmeet/util.h"

enum store_rc sqlite_meeting_start(struct store *st, store_id template_id,
				   const struct agenda_template *agenda, time_t started,
				   store_id facilitator_id, store_id *id)
{
	if (!agenda || agenda->n_steps == 0)
		return store_failf(st, STORE_INVALID, "a meeting needs an agenda with at least one step");
	enum store_rc rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	sqlite3_stmt *s = stmt_get(st, STMT_MEETING_ADD);
	bind_id(s, 1, template_id);
	bind_time(s, 2, started);
	bind_id(s, 3, facilitator_id);
	rc = stmt_exec(st, s, "starting the meeting");
	if (rc == STORE_DUPLICATE)
		store_failf(st, rc, "another meeting is still in progress: resume or end it first");
	store_id mid = rc == STORE_OK ? sqlite3_last_insert_rowid(SQ(st)->db) : 0;
	/* The instance that starts a meeting holds it, before anything is written into it. */
	if (rc == STORE_OK)
		rc = sqlite_hold_take(st, mid, NULL, started);
	if (rc == STORE_OK)
		rc = steps_insert(st, STMT_MEETING_STEP_ADD, mid, agenda, "copying the agenda");
	rc = tx_end(st, rc);
	if (rc == STORE_OK && id)
		*id = mid;
	return rc;
}

void read_meeting(sqlite3_stmt *s, struct meeting *m)
{
	memset(m, 0, sizeof *m);
	m->id = col_id(s, 0);
	m->template_id = col_id(s, 1);
	int status = meeting_status_parse((const char *)sqlite3_column_text(s, 2));
	m->status = status < 0 ? MEETING_ABANDONED : (enum meeting_status)status;
	m->started_at = col_time(s, 3);
	m->ended_at = col_time(s, 4);
	m->facilitator_id = col_id(s, 5);
	m->rating = sqlite3_column_int(s, 6);
	m->next_meeting = col_date(s, 7);
	m->current_step = sqlite3_column_int(s, 8);
}

static enum store_rc one_meeting(struct store *st, sqlite3_stmt *s, struct meeting *out,
				 const char *missing)
{
	enum store_rc rc = stmt_row(st, s, "reading a meeting");
	if (rc == STORE_OK)
		read_meeting(s, out);
	else if (rc == STORE_NOTFOUND)
		store_failf(st, rc, "%s", missing);
	sqlite3_reset(s);
	return rc;
}

enum store_rc sqlite_meeting_get(struct store *st, store_id id, struct meeting *out)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MEETING_GET);
	bind_id(s, 1, id);
	return one_meeting(st, s, out, "no such meeting");
}

enum store_rc sqlite_meeting_last(struct store *st, struct meeting *out)
{
	return one_meeting(st, stmt_get(st, STMT_MEETING_LAST), out, "no meeting has been held yet");
}

enum store_rc sqlite_meeting_in_progress(struct store *st, store_id *id)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MEETING_IN_PROGRESS);
	enum store_rc rc = stmt_row(st, s, "looking for a meeting in progress");
	if (rc == STORE_OK)
		*id = col_id(s, 0);
	sqlite3_reset(s);
	return rc;
}

enum store_rc sqlite_meeting_set_current_step(struct store *st, store_id id, int position)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MEETING_SET_STEP);
	bind_int(s, 1, position);
	bind_id(s, 2, id);
	return stmt_update_one(st, s, "saving the meeting's step");
}

enum store_rc sqlite_meeting_step_time(struct store *st, store_id meeting, int position,
				       int seconds, bool done)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MEETING_STEP_TIME);
	bind_int(s, 1, seconds < 0 ? 0 : seconds);
	bind_int(s, 2, done);
	bind_id(s, 3, meeting);
	bind_int(s, 4, position);
	return stmt_update_one(st, s, "saving the step's time");
}

/* Writes the rating (0: none) and next meeting date of a meeting still in
 * progress; MEETING_FINISH also ends it (status, ended), SET_OUTCOME does not. */
static enum store_rc set_outcome(struct store *st, enum stmt_id stmt, store_id id,
				 enum meeting_status status, time_t ended, int rating,
				 cx_date next_meeting, const char *what)
{
	if (rating < 0 || rating > 10)
		return store_failf(st, STORE_INVALID, "a rating is a whole number from 1 to 10");
	sqlite3_stmt *s = stmt_get(st, stmt);
	int i = 1;
	if (stmt == STMT_MEETING_FINISH) {
		bind_text(s, i++, meeting_status_name(status));
		bind_time(s, i++, ended);
	}
	if (rating > 0)
		bind_int(s, i, rating);
	bind_date(s, i + 1, next_meeting);
	bind_id(s, i + 2, id);
	enum store_rc rc = stmt_update_one(st, s, what);
	if (rc == STORE_NOTFOUND)
		store_failf(st, rc, "that meeting is not in progress");
	return rc;
}

enum store_rc sqlite_meeting_finish(struct store *st, store_id id, enum meeting_status status,
				    time_t ended, int rating, cx_date next_meeting)
{
	if (status == MEETING_IN_PROGRESS)
		return store_failf(st, STORE_INVALID, "a meeting ends completed or abandoned");
	/* An ended meeting is held by nobody, and a draft typed in it has nowhere to go. */
	enum store_rc rc = tx_begin(st);
	if (rc == STORE_OK)
		rc = set_outcome(st, STMT_MEETING_FINISH, id, status, ended, rating, next_meeting,
				 "ending the meeting");
	if (rc == STORE_OK) {
		sqlite3_stmt *s = stmt_get(st, STMT_DRAFT_CLEAR);
		bind_id(s, 1, id);
		rc = stmt_exec(st, s, "ending the meeting");
	}
	if (rc == STORE_OK) {
		sqlite3_stmt *s = stmt_get(st, STMT_HOLD_END);
		bind_id(s, 1, id);
		rc = stmt_exec(st, s, "ending the meeting");
	}
	return tx_end(st, rc);
}

enum store_rc sqlite_meeting_set_outcome(struct store *st, store_id id, int rating,
					 cx_date next_meeting)
{
	return set_outcome(st, STMT_MEETING_SET_OUTCOME, id, MEETING_IN_PROGRESS, 0, rating,
			   next_meeting, "saving the meeting's rating");
}

static void read_mstep(sqlite3_stmt *s, void *elem)
{
	struct meeting_step *m = elem;
	m->id = col_id(s, 0);
	m->position = sqlite3_column_int(s, 1);
	m->title = col_text_or_empty(s, 2);
	int kind = step_kind_parse((const char *)sqlite3_column_text(s, 3));
	m->kind = kind < 0 ? STEP_TOPIC : (enum step_kind)kind;
	m->planned_minutes = sqlite3_column_int(s, 4);
	m->prompt = col_text_or_empty(s, 5);
	m->actual_seconds = sqlite3_column_int(s, 6);
	m->done = sqlite3_column_int(s, 7) != 0;
	m->skipped = sqlite3_column_int(s, 8) != 0;
}

static void free_msteps(void *arr, size_t n) { meeting_steps_free(arr, n); }

enum store_rc sqlite_meeting_steps(struct store *st, store_id id, struct meeting_step **out,
				   size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MEETING_STEPS);
	bind_id(s, 1, id);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_mstep, free_msteps,
			    "reading the meeting's agenda");
}

enum store_rc sqlite_meeting_count(struct store *st, int64_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MEETING_COUNT);
	enum store_rc rc = stmt_row(st, s, "counting meetings");
	*n = rc == STORE_OK ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return rc;
}

enum store_rc sqlite_meeting_work(struct store *st, store_id meeting, struct meeting_work *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = stmt_get(st, STMT_MEETING_STEP_ITEMS);
	bind_id(s, 1, meeting);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int pos = sqlite3_column_int(s, 0);
		if (pos < 0 || pos > 1000)
			continue;
		if ((size_t)pos >= cap) {
			size_t old = cap;
			cap = (size_t)pos + 16;
			out->items = xrealloc(out->items, cap * sizeof *out->items);
			memset(out->items + old, 0, (cap - old) * sizeof *out->items);
		}
		out->items[pos] = sqlite3_column_int(s, 1);
		if ((size_t)pos + 1 > out->n_steps)
			out->n_steps = (size_t)pos + 1;
	}
	enum store_rc out_rc = rc == SQLITE_DONE ? STORE_OK : store_fail(st, "reading the meeting's work");
	sqlite3_reset(s);
	if (out_rc == STORE_OK) {
		s = stmt_get(st, STMT_MEETING_WORK);
		bind_id(s, 1, meeting);
		out_rc = stmt_row(st, s, "reading the meeting's work");
		if (out_rc == STORE_OK) {
			out->reviewed = sqlite3_column_int(s, 0);
			out->present = sqlite3_column_int(s, 1);
			out->rated = sqlite3_column_int(s, 2) != 0;
			out->initiatives_reviewed = sqlite3_column_int(s, 3);
		}
		sqlite3_reset(s);
	}
	if (out_rc != STORE_OK)
		meeting_work_free(out);
	return out_rc;
}

/* A member's row of a meeting (attendance, a rating: id's statement, bound
 * to the meeting, the person, value and, for a rating, the time), then the
 * meeting's rating as the average of the members present who rated it, in
 * one transaction. */
static enum store_rc member_row(struct store *st, enum stmt_id id, store_id meeting,
				store_id person, int value, bool rating, time_t at,
				const char *what)
{
	enum store_rc rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	sqlite3_stmt *s = stmt_get(st, id);
	if (!s)
		return tx_end(st, stmt_missing(st));
	bind_id(s, 1, meeting);
	bind_id(s, 2, person);
	bind_int(s, 3, value);
	if (rating)
		bind_time(s, 4, at);
	rc = stmt_update_one(st, s, what);
	if (rc == STORE_NOTFOUND)
		store_failf(st, rc, "no such person");
	if (rc == STORE_OK && !(s = stmt_get(st, STMT_RATING_AVERAGE)))
		rc = stmt_missing(st);
	if (rc == STORE_OK) {
		bind_id(s, 1, meeting);
		bind_id(s, 2, person);
		rc = stmt_exec(st, s, "saving the meeting's rating");
	}
	return tx_end(st, rc);
}

enum store_rc sqlite_attendance_set(struct store *st, store_id meeting, store_id person,
				    bool present)
{
	return member_row(st, STMT_ATTEND_SET, meeting, person, present, false, 0,
			  "recording attendance");
}

static void read_id(sqlite3_stmt *s, void *elem) { *(store_id *)elem = col_id(s, 0); }
enum store_rc sqlite_attendance_list(struct store *st, store_id meeting, store_id **people,
				     size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ATTEND_LIST);
	bind_id(s, 1, meeting);
	return stmt_collect(st, s, (void **)people, n, sizeof **people, read_id, free_plain,
			    "reading attendance");
}

enum store_rc sqlite_rating_set(struct store *st, store_id meeting, store_id person, int rating,
				time_t at)
{
	return member_row(st, STMT_RATING_SET, meeting, person, rating, true, at,
			  "saving the member's rating");
}

static void read_rating(sqlite3_stmt *s, void *elem)
{
	struct member_rating *r = elem;
	r->person_id = col_id(s, 0);
	r->name = col_text_or_empty(s, 1);
	r->rating = sqlite3_column_int(s, 2);
	r->at = col_time(s, 3);
	r->meeting_id = col_id(s, 4);
}

static void free_ratings(void *arr, size_t n) { member_ratings_free(arr, n); }

enum store_rc sqlite_ratings(struct store *st, store_id meeting, struct member_rating **out,
			     size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, meeting ? STMT_RATINGS : STMT_RATINGS_ALL);
	if (meeting)
		bind_id(s, 1, meeting);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_rating, free_ratings,
			    "reading the members' ratings");
}

enum store_rc sqlite_briefer_set(struct store *st, store_id meeting, store_id dept,
				 store_id person, time_t at)
{
	sqlite3_stmt *s = stmt_get(st, STMT_BRIEFER_SET);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, meeting);
	bind_id(s, 2, dept);
	bind_id(s, 3, person);
	bind_time(s, 4, at);
	enum store_rc rc = stmt_update_one(st, s, "saving who will brief the department");
	if (rc == STORE_NOTFOUND)
		store_failf(st, rc, "no such department or person");
	return rc;
}

static void read_briefer(sqlite3_stmt *s, void *elem)
{
	struct briefer *b = elem;
	b->dept_id = col_id(s, 0);
	b->dept_name = col_text_or_empty(s, 1);
	b->person_id = col_id(s, 2);
	b->person_name = col_text_or_empty(s, 3);
	b->meeting_id = col_id(s, 4);
}

static void free_briefers(void *arr, size_t n) { briefers_free(arr, n); }

enum store_rc sqlite_briefers(struct store *st, store_id meeting, struct briefer **out,
			      size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, meeting ? STMT_BRIEFERS : STMT_BRIEFERS_ALL);
	if (meeting)
		bind_id(s, 1, meeting);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_briefer, free_briefers,
			    "reading who will brief the departments");
}

enum store_rc sqlite_attendance_everyone(struct store *st, store_id meeting, int *marked)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ATTEND_EVERYONE);
	bind_id(s, 1, meeting);
	enum store_rc rc = stmt_exec(st, s, "marking everyone present");
	*marked = rc == STORE_OK ? sqlite3_changes(SQ(st)->db) : 0;
	return rc;
}
