/* store_initiatives.c - the council's initiatives, their milestones and
 * their reviews (store.h). */
#include <stdlib.h>

#include "store_int.h"

static enum initiative_track track_read(const unsigned char *s)
{
	int t = initiative_track_parse((const char *)s);
	return t < 0 ? TRACK_ON : (enum initiative_track)t;
}

/* The columns an initiative's add and update write, from `at`. */
static void bind_initiative(sqlite3_stmt *s, const struct initiative *in, const char *key, int at)
{
	bind_text(s, at, in->title);
	bind_text(s, at + 1, key);
	bind_id(s, at + 2, in->dept_id);
	bind_id(s, at + 3, in->person_id);
	bind_date(s, at + 4, in->due);
}

enum store_rc sqlite_initiative_add(struct store *st, const struct initiative *in,
				    const char *key, time_t at, store_id *id)
{
	sqlite3_stmt *s = stmt_get(st, STMT_INITIATIVE_ADD);
	if (!s)
		return stmt_missing(st);
	bind_initiative(s, in, key, 1);
	bind_text(s, 6, initiative_track_name(in->track));
	bind_time(s, 7, at);
	enum store_rc rc = stmt_exec(st, s, "adding the initiative");
	if (rc == STORE_OK)
		*id = (store_id)sqlite3_last_insert_rowid(SQ(st)->db);
	return rc;
}

enum store_rc sqlite_initiative_update(struct store *st, const struct initiative *in,
				       const char *key)
{
	sqlite3_stmt *s = stmt_get(st, STMT_INITIATIVE_UPDATE);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, in->id);
	bind_initiative(s, in, key, 2);
	return stmt_update_one(st, s, "changing the initiative");
}

enum store_rc sqlite_initiative_find(struct store *st, const char *key, store_id *id)
{
	sqlite3_stmt *s = stmt_get(st, STMT_INITIATIVE_FIND);
	if (!s)
		return stmt_missing(st);
	bind_text(s, 1, key);
	enum store_rc rc = stmt_row(st, s, "finding the initiative");
	if (rc == STORE_OK)
		*id = col_id(s, 0);
	sqlite3_reset(s);
	return rc;
}

static void read_initiative(sqlite3_stmt *s, void *elem)
{
	struct initiative *in = elem;
	in->id = col_id(s, 0);
	in->title = col_text_or_empty(s, 1);
	in->dept_id = col_id(s, 2);
	in->dept_name = col_text(s, 3);
	in->person_id = col_id(s, 4);
	in->person_name = col_text(s, 5);
	in->due = col_date(s, 6);
	in->track = track_read(sqlite3_column_text(s, 7));
	in->created_at = col_time(s, 8);
	in->milestones = sqlite3_column_int(s, 9);
	in->milestones_done = sqlite3_column_int(s, 10);
	in->reviewed_at = col_time(s, 11);
	in->last_note = col_text(s, 12);
}

static void free_initiatives(void *arr, size_t n) { initiatives_free(arr, n); }

enum store_rc sqlite_initiative_get(struct store *st, store_id id, struct initiative *out)
{
	*out = (struct initiative){0};
	sqlite3_stmt *s = stmt_get(st, STMT_INITIATIVE_GET);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, id);
	enum store_rc rc = stmt_row(st, s, "reading the initiative");
	if (rc == STORE_OK)
		read_initiative(s, out);
	sqlite3_reset(s);
	return rc;
}

enum store_rc sqlite_initiative_list(struct store *st, bool with_closed, cx_date from,
				     struct initiative **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_INITIATIVE_LIST);
	if (!s)
		return stmt_missing(st);
	bind_int(s, 1, with_closed);
	bind_date(s, 2, from);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_initiative,
			    free_initiatives, "reading the initiatives");
}

enum store_rc sqlite_initiative_review(struct store *st, store_id initiative,
				       enum initiative_track track, const char *note,
				       store_id meeting, time_t at)
{
	enum store_rc rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	sqlite3_stmt *s = stmt_get(st, STMT_INITIATIVE_TRACK);
	if (!s)
		return tx_end(st, stmt_missing(st));
	bind_id(s, 1, initiative);
	bind_text(s, 2, initiative_track_name(track));
	rc = stmt_update_one(st, s, "giving the initiative its track");
	if (rc == STORE_OK && !(s = stmt_get(st, STMT_INITIATIVE_REVIEW_ADD)))
		rc = stmt_missing(st);
	if (rc == STORE_OK) {
		bind_id(s, 1, initiative);
		bind_id(s, 2, meeting);
		bind_text(s, 3, initiative_track_name(track));
		bind_text(s, 4, note);
		bind_time(s, 5, at);
		bind_text(s, 6, SQ(st)->actor);
		rc = stmt_exec(st, s, "keeping the initiative's review");
	}
	return tx_end(st, rc);
}

static void read_review(sqlite3_stmt *s, void *elem)
{
	struct initiative_review *r = elem;
	r->initiative_id = col_id(s, 0);
	r->title = col_text_or_empty(s, 1);
	r->meeting_id = col_id(s, 2);
	r->track = track_read(sqlite3_column_text(s, 3));
	r->note = col_text(s, 4);
	r->at = col_time(s, 5);
	r->by = col_text(s, 6);
}

static void free_reviews(void *arr, size_t n) { initiative_reviews_free(arr, n); }

enum store_rc sqlite_initiative_reviews(struct store *st, store_id initiative, store_id meeting,
					size_t limit, struct initiative_review **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, initiative ? STMT_INITIATIVE_REVIEWS : STMT_INITIATIVE_REVIEWS_IN);
	if (!s)
		return stmt_missing(st);
	bind_int(s, 1, initiative);
	bind_int(s, 2, meeting);
	bind_int(s, 3, (int64_t)limit);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_review, free_reviews,
			    "reading the initiative's reviews");
}

enum store_rc sqlite_milestone_add(struct store *st, store_id initiative, const char *title,
				   cx_date due, time_t at, store_id *id)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MILESTONE_ADD);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, initiative);
	bind_text(s, 2, title);
	bind_date(s, 3, due);
	bind_time(s, 4, at);
	enum store_rc rc = stmt_exec(st, s, "adding the milestone");
	if (rc == STORE_OK)
		*id = (store_id)sqlite3_last_insert_rowid(SQ(st)->db);
	return rc;
}

enum store_rc sqlite_milestone_reach(struct store *st, store_id milestone, cx_date on)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MILESTONE_REACH);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, milestone);
	bind_date(s, 2, on);
	return stmt_update_one(st, s, "marking the milestone");
}

static void read_milestone(sqlite3_stmt *s, void *elem)
{
	struct milestone *m = elem;
	m->id = col_id(s, 0);
	m->initiative_id = col_id(s, 1);
	m->title = col_text_or_empty(s, 2);
	m->due = col_date(s, 3);
	m->done_on = col_date(s, 4);
}

static void free_milestones(void *arr, size_t n) { milestones_free(arr, n); }

enum store_rc sqlite_milestones(struct store *st, store_id initiative, struct milestone **out,
				size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MILESTONES);
	if (!s)
		return stmt_missing(st);
	bind_int(s, 1, initiative);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_milestone, free_milestones,
			    "reading the milestones");
}
