/* reports.c - what the reports, exports and the cadence read on a
 * PostgreSQL server (as src/store/sqlite/store_report.c, store_cadence.c
 * and store_people.c): meetings by id, who attended a meeting, what a
 * meeting did to items from elsewhere, the completed meetings and the last
 * N of them, overdue actions per department, each person's record. Nothing
 * here writes but a person's place on the stakeholder map. */
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"

static void read_meeting(const PGresult *r, int row, void *elem)
{
	struct meeting *m = elem;
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

enum store_rc pg_meetings_after(struct store *st, store_id after, size_t limit,
				struct meeting **out, size_t *n)
{
	struct pg_params p = {0};
	pp_int(&p, after);
	pp_int(&p, (int64_t)limit);
	return pg_collect(st, PGS_MEETINGS_AFTER, &p, (void **)out, n, sizeof **out, read_meeting,
			  "reading meetings");
}

static void read_attendee(const PGresult *r, int row, void *elem)
{
	struct attendee *a = elem;
	a->person_id = pgc_id(r, row, 0);
	a->name = pgc_text_or_empty(r, row, 1);
	int role = role_parse(PQgetvalue(r, row, 2));
	a->role = role < 0 ? ROLE_MEMBER : (enum role)role;
	a->dept_id = pgc_id(r, row, 3);
	a->dept_name = pgc_text(r, row, 4);
	a->dept_behind = pgc_bool(r, row, 5);
}

enum store_rc pg_meeting_attendees(struct store *st, store_id meeting, struct attendee **out,
				   size_t *n)
{
	struct pg_params p = {0};
	pp_id(&p, meeting);
	return pg_collect(st, PGS_MEETING_ATTENDEES, &p, (void **)out, n, sizeof **out,
			  read_attendee, "reading attendance");
}

static void read_review_event(const PGresult *r, int row, void *elem)
{
	struct review_event *e = elem;
	pg_read_item_event(r, row, &e->e);
	int kind = item_kind_parse(PQgetvalue(r, row, 9));
	e->item_kind = kind < 0 ? ITEM_NOTE : (enum item_kind)kind;
	e->item_text = pgc_text_or_empty(r, row, 10);
}

enum store_rc pg_meeting_review_events(struct store *st, store_id meeting,
				       struct review_event **out, size_t *n)
{
	struct pg_params p = {0};
	pp_id(&p, meeting);
	return pg_collect(st, PGS_MEETING_REVIEW_EVENTS, &p, (void **)out, n, sizeof **out,
			  read_review_event, "reading the meeting's action review");
}

/* --- cadence and participation ---------------------------------------------- */

static void read_held(const PGresult *r, int row, void *elem)
{
	struct held_meeting *m = elem;
	m->id = pgc_id(r, row, 0);
	m->started_at = pgc_time(r, row, 1);
	m->rating = (int)pgc_int(r, row, 2);
	m->next_meeting = pgc_date(r, row, 3);
	m->members = (struct rating_spread){(int)pgc_int(r, row, 4), (int)pgc_int(r, row, 5),
					    (int)pgc_int(r, row, 6), (int)pgc_int(r, row, 7)};
}

enum store_rc pg_held_meetings(struct store *st, struct held_meeting **out, size_t *n)
{
	return pg_collect(st, PGS_HELD_MEETINGS, NULL, (void **)out, n, sizeof **out, read_held,
			  "reading the meetings held");
}

static void read_meeting_dept(const PGresult *r, int row, void *elem)
{
	struct meeting_dept *m = elem;
	m->meeting_id = pgc_id(r, row, 0);
	m->dept_id = pgc_id(r, row, 1);
}

enum store_rc pg_window_attendance(struct store *st, size_t last_n, struct meeting_dept **out,
				   size_t *n)
{
	struct pg_params p = {0};
	pp_int(&p, (int64_t)last_n);
	return pg_collect(st, PGS_WINDOW_ATTENDANCE, &p, (void **)out, n, sizeof **out,
			  read_meeting_dept, "reading attendance");
}

static void read_window_item(const PGresult *r, int row, void *elem)
{
	struct window_item *it = elem;
	it->meeting_id = pgc_id(r, row, 0);
	it->dept_id = pgc_id(r, row, 1);
	int kind = item_kind_parse(PQgetvalue(r, row, 2));
	it->kind = kind < 0 ? ITEM_NOTE : (enum item_kind)kind;
	it->due = pgc_date(r, row, 3);
	int status = item_status_parse(PQgetvalue(r, row, 4));
	it->status = status < 0 ? STATUS_OPEN : (enum item_status)status;
	it->closed_at = pgc_time(r, row, 5);
}

enum store_rc pg_window_items(struct store *st, size_t last_n, struct window_item **out,
			      size_t *n)
{
	struct pg_params p = {0};
	pp_int(&p, (int64_t)last_n);
	return pg_collect(st, PGS_WINDOW_ITEMS, &p, (void **)out, n, sizeof **out,
			  read_window_item, "reading the actions and wins of recent meetings");
}

static void read_window_step(const PGresult *r, int row, void *elem)
{
	struct window_step *w = elem;
	w->meeting_id = pgc_id(r, row, 0);
	w->title = pgc_text_or_empty(r, row, 1);
	w->planned_minutes = (int)pgc_int(r, row, 2);
	w->actual_seconds = (int)pgc_int(r, row, 3);
	w->skipped = pgc_bool(r, row, 4);
	w->done = pgc_bool(r, row, 5);
}

enum store_rc pg_window_steps(struct store *st, size_t last_n, struct window_step **out,
			      size_t *n)
{
	struct pg_params p = {0};
	pp_int(&p, (int64_t)last_n);
	return pg_collect(st, PGS_WINDOW_STEPS, &p, (void **)out, n, sizeof **out,
			  read_window_step, "reading the agenda steps of recent meetings");
}

static void read_dept_count(const PGresult *r, int row, void *elem)
{
	struct dept_count *c = elem;
	c->dept_id = pgc_id(r, row, 0);
	c->n = pgc_int(r, row, 1);
}

enum store_rc pg_overdue_by_dept(struct store *st, cx_date today, struct dept_count **out,
				 size_t *n)
{
	struct pg_params p = {0};
	pp_date(&p, today);
	return pg_collect(st, PGS_OVERDUE_BY_DEPT, &p, (void **)out, n, sizeof **out,
			  read_dept_count, "counting overdue actions");
}

enum store_rc pg_items_since(struct store *st, enum item_kind kind, cx_date since, size_t limit,
			     struct item **out, size_t *n)
{
	struct pg_params p = {0};
	pp_text(&p, item_kind_name(kind));
	pp_date(&p, since);
	pp_int(&p, (int64_t)limit);
	return pg_collect(st, PGS_ITEMS_SINCE, &p, (void **)out, n, sizeof **out, pg_read_item,
			  "reading the items recorded since a day");
}

static void read_credit(const PGresult *r, int row, void *elem)
{
	struct credit_count *c = elem;
	c->dept_id = pgc_id(r, row, 0);
	c->person_id = pgc_id(r, row, 1);
	c->n = pgc_int(r, row, 2);
}

enum store_rc pg_credits_since(struct store *st, enum item_kind kind, cx_date since,
			       struct credit_count **out, size_t *n)
{
	struct pg_params p = {0};
	pp_text(&p, item_kind_name(kind));
	pp_date(&p, since);
	return pg_collect(st, PGS_CREDITS_SINCE, &p, (void **)out, n, sizeof **out, read_credit,
			  "counting what each department and person was credited with");
}

/* --- people's records ------------------------------------------------------ */

static enum stance stance_read(const PGresult *r, int row, int col)
{
	if (PQgetisnull(r, row, col))
		return STANCE_UNSET;
	return strcmp(PQgetvalue(r, row, col), "high") == 0 ? STANCE_HIGH : STANCE_LOW;
}

static void read_record(const PGresult *r, int row, void *elem)
{
	struct person_record *rec = elem;
	struct person *p = &rec->p;
	p->id = pgc_id(r, row, 0);
	p->name = pgc_text_or_empty(r, row, 1);
	p->dept_id = pgc_id(r, row, 2);
	p->dept_name = pgc_text(r, row, 3);
	int role = role_parse(PQgetvalue(r, row, 4));
	p->role = role < 0 ? ROLE_MEMBER : (enum role)role;
	p->email = pgc_text(r, row, 5);
	p->influence = stance_read(r, row, 6);
	p->support = stance_read(r, row, 7);
	p->archived = pgc_bool(r, row, 8);
	rec->wins = pgc_int(r, row, 9);
	rec->actions = pgc_int(r, row, 10);
	rec->done = pgc_int(r, row, 11);
	rec->done_on_time = pgc_int(r, row, 12);
	rec->open = pgc_int(r, row, 13);
	rec->overdue = pgc_int(r, row, 14);
	rec->done_judged = pgc_int(r, row, 15);
}

enum store_rc pg_person_records(struct store *st, cx_date today, bool with_archived,
				struct person_record **out, size_t *n)
{
	struct pg_params p = {0};
	pp_bool(&p, with_archived);
	pp_date(&p, today);
	return pg_collect(st, PGS_PERSON_RECORDS, &p, (void **)out, n, sizeof **out, read_record,
			  "reading the people's records");
}
