/* initiatives.c - the council's initiatives, their milestones and their
 * reviews, on a server (as the file's store_initiatives.c). */
#include <stdlib.h>

#include "pg_int.h"

static enum initiative_track track_at(const PGresult *r, int row, int col)
{
	int t = initiative_track_parse(PQgetvalue(r, row, col));
	return t < 0 ? TRACK_ON : (enum initiative_track)t;
}

/* The columns an initiative's add and update write, in their order. */
static void initiative_params(struct pg_params *p, const struct initiative *in, const char *key)
{
	pp_text(p, in->title);
	pp_text(p, key);
	pp_id(p, in->dept_id);
	pp_id(p, in->person_id);
	pp_date(p, in->due);
}

enum store_rc pg_initiative_add(struct store *st, const struct initiative *in, const char *key,
				time_t at, store_id *id)
{
	struct pg_params p = {0};
	initiative_params(&p, in, key);
	pp_text(&p, initiative_track_name(in->track));
	pp_time(&p, at);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_INITIATIVE_ADD, &p, &r, "adding the initiative");
	if (rc == STORE_OK) {
		*id = pgc_id(r, 0, 0);
		PQclear(r);
	}
	return rc;
}

enum store_rc pg_initiative_update(struct store *st, const struct initiative *in, const char *key)
{
	struct pg_params p = {0};
	pp_id(&p, in->id);
	initiative_params(&p, in, key);
	return pg_update_one(st, PGS_INITIATIVE_UPDATE, &p, "changing the initiative");
}

enum store_rc pg_initiative_find(struct store *st, const char *key, store_id *id)
{
	struct pg_params p = {0};
	pp_text(&p, key);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_INITIATIVE_FIND, &p, &r, "finding the initiative");
	if (rc == STORE_OK) {
		*id = pgc_id(r, 0, 0);
		PQclear(r);
	}
	return rc;
}

static void read_initiative(const PGresult *r, int row, void *elem)
{
	struct initiative *in = elem;
	in->id = pgc_id(r, row, 0);
	in->title = pgc_text_or_empty(r, row, 1);
	in->dept_id = pgc_id(r, row, 2);
	in->dept_name = pgc_text(r, row, 3);
	in->person_id = pgc_id(r, row, 4);
	in->person_name = pgc_text(r, row, 5);
	in->due = pgc_date(r, row, 6);
	in->track = track_at(r, row, 7);
	in->created_at = pgc_time(r, row, 8);
	in->milestones = (int)pgc_int(r, row, 9);
	in->milestones_done = (int)pgc_int(r, row, 10);
	in->reviewed_at = pgc_time(r, row, 11);
	in->last_note = pgc_text(r, row, 12);
}

enum store_rc pg_initiative_get(struct store *st, store_id id, struct initiative *out)
{
	*out = (struct initiative){0};
	struct pg_params p = {0};
	pp_id(&p, id);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_INITIATIVE_GET, &p, &r, "reading the initiative");
	if (rc == STORE_OK) {
		read_initiative(r, 0, out);
		PQclear(r);
	}
	return rc;
}

enum store_rc pg_initiative_list(struct store *st, bool with_closed, cx_date from,
				 struct initiative **out, size_t *n)
{
	struct pg_params p = {0};
	pp_bool(&p, with_closed);
	pp_date(&p, from);
	return pg_collect(st, PGS_INITIATIVE_LIST, &p, (void **)out, n, sizeof **out,
			  read_initiative, "reading the initiatives");
}

struct review_args {
	store_id initiative, meeting;
	enum initiative_track track;
	const char *note;
	time_t at;
};

static enum store_rc review_body(struct store *st, void *ctx)
{
	const struct review_args *a = ctx;
	struct pg_params p = {0};
	pp_id(&p, a->initiative);
	pp_text(&p, initiative_track_name(a->track));
	enum store_rc rc = pg_update_one(st, PGS_INITIATIVE_TRACK, &p,
					 "giving the initiative its track");
	if (rc != STORE_OK)
		return rc;
	struct pg_params q = {0};
	pp_id(&q, a->initiative);
	pp_id(&q, a->meeting);
	pp_text(&q, initiative_track_name(a->track));
	pp_text(&q, a->note);
	pp_time(&q, a->at);
	pp_text(&q, PG(st)->actor);
	return pg_exec(st, PGS_INITIATIVE_REVIEW_ADD, &q, "keeping the initiative's review");
}

enum store_rc pg_initiative_review(struct store *st, store_id initiative,
				   enum initiative_track track, const char *note, store_id meeting,
				   time_t at)
{
	struct review_args a = {initiative, meeting, track, note, at};
	return pg_tx_run(st, review_body, &a);
}

static void read_review(const PGresult *r, int row, void *elem)
{
	struct initiative_review *v = elem;
	v->initiative_id = pgc_id(r, row, 0);
	v->title = pgc_text_or_empty(r, row, 1);
	v->meeting_id = pgc_id(r, row, 2);
	v->track = track_at(r, row, 3);
	v->note = pgc_text(r, row, 4);
	v->at = pgc_time(r, row, 5);
	v->by = pgc_text(r, row, 6);
}

enum store_rc pg_initiative_reviews(struct store *st, store_id initiative, store_id meeting,
				    size_t limit, struct initiative_review **out, size_t *n)
{
	struct pg_params p = {0};
	pp_int(&p, initiative);
	pp_int(&p, meeting);
	pp_int(&p, (int64_t)limit);
	return pg_collect(st, initiative ? PGS_INITIATIVE_REVIEWS : PGS_INITIATIVE_REVIEWS_IN, &p,
			  (void **)out, n, sizeof **out, read_review, "reading the initiative's reviews");
}

enum store_rc pg_milestone_add(struct store *st, store_id initiative, const char *title,
			       cx_date due, time_t at, store_id *id)
{
	struct pg_params p = {0};
	pp_id(&p, initiative);
	pp_text(&p, title);
	pp_date(&p, due);
	pp_time(&p, at);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_MILESTONE_ADD, &p, &r, "adding the milestone");
	if (rc == STORE_OK) {
		*id = pgc_id(r, 0, 0);
		PQclear(r);
	}
	return rc;
}

enum store_rc pg_milestone_reach(struct store *st, store_id milestone, cx_date on)
{
	struct pg_params p = {0};
	pp_id(&p, milestone);
	pp_date(&p, on);
	return pg_update_one(st, PGS_MILESTONE_REACH, &p, "marking the milestone");
}

static void read_milestone(const PGresult *r, int row, void *elem)
{
	struct milestone *m = elem;
	m->id = pgc_id(r, row, 0);
	m->initiative_id = pgc_id(r, row, 1);
	m->title = pgc_text_or_empty(r, row, 2);
	m->due = pgc_date(r, row, 3);
	m->done_on = pgc_date(r, row, 4);
}

enum store_rc pg_milestones(struct store *st, store_id initiative, struct milestone **out,
			    size_t *n)
{
	struct pg_params p = {0};
	pp_int(&p, initiative);
	return pg_collect(st, PGS_MILESTONES, &p, (void **)out, n, sizeof **out, read_milestone,
			  "reading the milestones");
}
