/* item.c - items, their links and their append-only history on a
 * PostgreSQL server (as src/store/sqlite/store_item.c): every change to an
 * item writes its event in the same transaction. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../item_change.h"
#include "pg_int.h"
#include "page.h"
#include "cxmeet/dates.h"

void pg_read_item(const PGresult *r, int row, void *elem)
{
	struct item *it = elem;
	it->id = pgc_id(r, row, 0);
	int kind = item_kind_parse(PQgetvalue(r, row, 1));
	it->kind = kind < 0 ? ITEM_NOTE : (enum item_kind)kind;
	it->text = pgc_text_or_empty(r, row, 2);
	it->detail = pgc_text(r, row, 3);
	it->rationale = pgc_text(r, row, 4);
	it->dept_id = pgc_id(r, row, 5);
	it->person_id = pgc_id(r, row, 6);
	it->due = pgc_date(r, row, 7);
	it->revisit = pgc_date(r, row, 8);
	it->superseded_by = pgc_id(r, row, 9);
	it->rank = (int)pgc_int(r, row, 10);
	int status = item_status_parse(PQgetvalue(r, row, 11));
	it->status = status < 0 ? STATUS_OPEN : (enum item_status)status;
	it->consent = pgc_bool(r, row, 12);
	it->meeting_id = pgc_id(r, row, 13);
	it->step_id = pgc_id(r, row, 14);
	it->created_at = pgc_time(r, row, 15);
	it->closed_at = pgc_time(r, row, 16);
	it->deleted_at = pgc_time(r, row, 17);
	it->dept_name = pgc_text(r, row, 18);
	it->person_name = pgc_text(r, row, 19);
	it->slips = (int)pgc_int(r, row, 20);
	it->carried = (int)pgc_int(r, row, 21);
}

enum store_rc pg_event_add(struct store *st, store_id item, enum event_kind kind, time_t at,
			   store_id meeting, const char *old_value, const char *new_value,
			   const char *reason)
{
	struct pg_params p = {0};
	pp_id(&p, item);
	pp_text(&p, event_kind_name(kind));
	pp_time(&p, at);
	pp_id(&p, meeting);
	pp_text(&p, PG(st)->actor);
	pp_text(&p, old_value);
	pp_text(&p, new_value);
	pp_text(&p, reason);
	return pg_exec(st, PGS_EVENT_ADD, &p, "recording the item's history");
}

struct add {
	struct item *it;
	time_t at;
	store_id id;
};

static enum store_rc item_add(struct store *st, void *ctx)
{
	struct add *a = ctx;
	const struct item *it = a->it;
	struct pg_params p = {0};
	pp_text(&p, item_kind_name(it->kind));
	pp_text(&p, it->text);
	pp_text(&p, it->detail);
	pp_text(&p, it->rationale);
	pp_id(&p, it->dept_id);
	pp_id(&p, it->person_id);
	pp_date(&p, it->due);
	pp_date(&p, it->revisit);
	pp_int(&p, it->rank);
	pp_text(&p, item_status_name(it->status));
	pp_bool(&p, it->consent);
	pp_id(&p, it->meeting_id);
	pp_id(&p, it->step_id);
	pp_time(&p, a->at);
	pp_text(&p, PG(st)->actor);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_ITEM_ADD, &p, &r, "saving the item");
	if (rc != STORE_OK)
		return rc;
	a->id = pgc_id(r, 0, 0);
	PQclear(r);
	return STORE_OK;
}

enum store_rc pg_item_add(struct store *st, struct item *it, time_t at)
{
	if ((int)it->kind < 0 || it->kind >= ITEM_KIND_COUNT)
		return pg_failf(st, STORE_INVALID, "unknown item kind");
	struct add a = {it, at, 0};
	enum store_rc rc = pg_tx_run(st, item_add, &a);
	if (rc == STORE_OK) {
		it->id = a.id;
		it->created_at = at;
	}
	return rc;
}

enum store_rc pg_item_get(struct store *st, store_id id, struct item *out)
{
	memset(out, 0, sizeof *out);
	struct pg_params p = {0};
	pp_id(&p, id);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_ITEM_GET, &p, &r, "reading an item");
	if (rc == STORE_OK) {
		pg_read_item(r, 0, out);
		PQclear(r);
	} else if (rc == STORE_NOTFOUND) {
		pg_failf(st, rc, "no item #%lld", (long long)id);
	}
	return rc;
}

/* The events the update implies (item_change.c), with the new owner's name. */
static enum store_rc update_events(struct store *st, const struct item *old,
				   const struct item *new, store_id meeting, time_t at)
{
	struct person p = {0};
	const char *to = NULL;
	if (old->person_id != new->person_id && new->person_id &&
	    pg_person_get(st, new->person_id, &p) == STORE_OK)
		to = p.name;
	struct item_change ev[ITEM_CHANGES_MAX];
	size_t n = item_changes(old, new, to, ev);
	person_free(&p);
	enum store_rc rc = STORE_OK;
	for (size_t i = 0; rc == STORE_OK && i < n; i++)
		rc = pg_event_add(st, old->id, ev[i].kind, at, meeting, ev[i].old_value,
				  ev[i].new_value, NULL);
	item_changes_free(ev, n);
	return rc;
}

struct update {
	const struct item *it;
	const struct item *old;
	store_id meeting;
	time_t at;
};

static enum store_rc item_update(struct store *st, void *ctx)
{
	const struct update *u = ctx;
	const struct item *it = u->it;
	struct item want = *it;
	want.kind = u->old->kind;
	struct pg_params p = {0};
	pp_text(&p, it->text);
	pp_text(&p, it->detail && *it->detail ? it->detail : NULL);
	pp_text(&p, it->rationale && *it->rationale ? it->rationale : NULL);
	pp_id(&p, it->dept_id);
	pp_id(&p, it->person_id);
	pp_date(&p, it->due);
	pp_date(&p, it->revisit);
	pp_int(&p, it->rank);
	pp_bool(&p, it->consent);
	pp_time(&p, u->at);
	pp_id(&p, it->id);
	enum store_rc rc = pg_update_one(st, PGS_ITEM_UPDATE, &p, "saving the item");
	if (rc == STORE_OK)
		rc = update_events(st, u->old, &want, u->meeting, u->at);
	return rc;
}

enum store_rc pg_item_update(struct store *st, const struct item *it, store_id meeting,
			     time_t at)
{
	/* Read and checked first, as the SQLite store does: a refusal here
	 * fails no transaction the caller began. */
	struct item old;
	enum store_rc rc = pg_item_get(st, it->id, &old);
	if (rc != STORE_OK)
		return rc;
	if (old.deleted_at) {
		item_free(&old);
		return pg_failf(st, STORE_NOTFOUND, "item #%lld was deleted", (long long)it->id);
	}
	struct update u = {it, &old, meeting, at};
	rc = pg_tx_run(st, item_update, &u);
	item_free(&old);
	return rc;
}

static enum event_kind status_event(enum item_status to)
{
	switch (to) {
	case STATUS_DONE:
		return EVENT_DONE;
	case STATUS_DROPPED:
		return EVENT_DROPPED;
	case STATUS_CLOSED:
		return EVENT_CLOSED;
	default:
		return EVENT_REOPENED;
	}
}

struct set_status {
	store_id id;
	enum item_status from, status;
	const char *reason;
	store_id meeting;
	time_t at;
};

static enum store_rc set_status(struct store *st, void *ctx)
{
	const struct set_status *s = ctx;
	struct pg_params p = {0};
	pp_text(&p, item_status_name(s->status));
	pp_time(&p, s->at);
	pp_id(&p, s->id);
	enum store_rc rc = pg_update_one(st, PGS_ITEM_SET_STATUS, &p, "changing the item's status");
	if (rc == STORE_OK)
		rc = pg_event_add(st, s->id, status_event(s->status), s->at, s->meeting,
				  item_status_name(s->from), item_status_name(s->status),
				  s->reason && *s->reason ? s->reason : NULL);
	return rc;
}

enum store_rc pg_item_set_status(struct store *st, store_id id, enum item_status status,
				 const char *reason, store_id meeting, time_t at)
{
	/* Read and checked first, as the SQLite store does. */
	struct item old;
	enum store_rc rc = pg_item_get(st, id, &old);
	if (rc != STORE_OK)
		return rc;
	enum item_status from = old.status;
	item_free(&old);
	if (from == status)
		return pg_failf(st, STORE_INVALID, "item #%lld is already %s", (long long)id,
				item_status_name(status));
	struct set_status s = {id, from, status, reason, meeting, at};
	return pg_tx_run(st, set_status, &s);
}

struct supersede {
	store_id old_id, new_id, meeting;
	time_t at;
};

static enum store_rc supersede(struct store *st, void *ctx)
{
	const struct supersede *s = ctx;
	struct pg_params p = {0};
	pp_id(&p, s->new_id);
	pp_time(&p, s->at);
	pp_id(&p, s->old_id);
	enum store_rc rc = pg_update_one(st, PGS_ITEM_SUPERSEDE, &p, "superseding a decision");
	if (rc == STORE_OK) {
		char n[32];
		snprintf(n, sizeof n, "%lld", (long long)s->new_id);
		rc = pg_event_add(st, s->old_id, EVENT_SUPERSEDED, s->at, s->meeting, NULL, n, NULL);
	}
	return rc;
}

enum store_rc pg_item_supersede(struct store *st, store_id old_id, store_id new_id,
				store_id meeting, time_t at)
{
	if (old_id == new_id)
		return pg_failf(st, STORE_INVALID, "a decision cannot supersede itself");
	struct supersede s = {old_id, new_id, meeting, at};
	return pg_tx_run(st, supersede, &s);
}

enum store_rc pg_item_carry(struct store *st, store_id id, store_id meeting, time_t at)
{
	return pg_event_add(st, id, EVENT_CARRIED, at, meeting, NULL, NULL, NULL);
}

enum store_rc pg_item_imported(struct store *st, store_id id, const char *from, time_t at)
{
	return pg_event_add(st, id, EVENT_IMPORTED, at, 0, NULL, from, NULL);
}

struct del {
	store_id id, meeting;
	time_t at;
};

static enum store_rc item_delete(struct store *st, void *ctx)
{
	const struct del *d = ctx;
	struct pg_params p = {0};
	pp_time(&p, d->at);
	pp_id(&p, d->id);
	enum store_rc rc = pg_update_one(st, PGS_ITEM_DELETE, &p, "deleting the item");
	if (rc == STORE_NOTFOUND)
		pg_failf(st, rc, "no item #%lld, or it was already deleted", (long long)d->id);
	if (rc == STORE_OK)
		rc = pg_event_add(st, d->id, EVENT_DELETED, d->at, d->meeting, NULL, NULL, NULL);
	return rc;
}

enum store_rc pg_item_delete(struct store *st, store_id id, store_id meeting, time_t at)
{
	struct del d = {id, meeting, at};
	return pg_tx_run(st, item_delete, &d);
}

enum store_rc pg_item_link(struct store *st, store_id from, store_id to, enum link_kind kind)
{
	if (from == to)
		return pg_failf(st, STORE_INVALID, "an item cannot be linked to itself");
	struct pg_params p = {0};
	pp_id(&p, from);
	pp_id(&p, to);
	pp_text(&p, link_kind_name(kind));
	pp_time(&p, clock_now());
	enum store_rc rc = pg_exec(st, PGS_LINK_ADD, &p, "linking items");
	if (rc == STORE_INVALID)
		pg_failf(st, rc, "both items must exist to be linked");
	return rc;
}

struct link_row {
	store_id other;
	enum link_kind kind;
};

static void read_link(const PGresult *r, int row, void *elem)
{
	struct link_row *l = elem;
	l->other = pgc_id(r, row, 0);
	int k = link_kind_parse(PQgetvalue(r, row, 1));
	l->kind = k < 0 ? LINK_AROSE_FROM : (enum link_kind)k;
}

enum store_rc pg_item_links(struct store *st, store_id id, store_id **others,
			    enum link_kind **kinds, size_t *n)
{
	struct link_row *rows;
	struct pg_params p = {0};
	pp_id(&p, id);
	enum store_rc rc = pg_collect(st, PGS_LINK_LIST, &p, (void **)&rows, n, sizeof *rows,
				      read_link, "reading links");
	if (rc != STORE_OK)
		return rc;
	*others = xcalloc(*n + 1, sizeof **others);
	*kinds = xcalloc(*n + 1, sizeof **kinds);
	for (size_t i = 0; i < *n; i++) {
		(*others)[i] = rows[i].other;
		(*kinds)[i] = rows[i].kind;
	}
	free(rows);
	return STORE_OK;
}

void pg_read_item_event(const PGresult *r, int row, void *elem)
{
	struct item_event *e = elem;
	e->id = pgc_id(r, row, 0);
	e->item_id = pgc_id(r, row, 1);
	int k = event_kind_parse(PQgetvalue(r, row, 2));
	e->kind = k < 0 ? EVENT_EDITED : (enum event_kind)k;
	e->at = pgc_time(r, row, 3);
	e->meeting_id = pgc_id(r, row, 4);
	e->by = pgc_text(r, row, 5);
	e->old_value = pgc_text(r, row, 6);
	e->new_value = pgc_text(r, row, 7);
	e->reason = pgc_text(r, row, 8);
}

enum store_rc pg_item_events(struct store *st, store_id id, struct item_event **out, size_t *n)
{
	struct pg_params p = {0};
	pp_id(&p, id);
	return pg_collect(st, PGS_EVENT_LIST, &p, (void **)out, n, sizeof **out,
			  pg_read_item_event, "reading the item's history");
}

/* The one number (or two) of a statement's first row. */
static enum store_rc two_ints(struct store *st, enum pg_stmt id, const struct pg_params *p,
			      int64_t *a, int64_t *b, const char *what)
{
	PGresult *r;
	enum store_rc rc = pg_row(st, id, p, &r, what);
	if (a)
		*a = rc == STORE_OK ? pgc_int(r, 0, 0) : 0;
	if (b)
		*b = rc == STORE_OK ? pgc_int(r, 0, 1) : 0;
	if (rc == STORE_OK)
		PQclear(r);
	return rc;
}

enum store_rc pg_item_count(struct store *st, int kind, int64_t *n)
{
	struct pg_params p = {0};
	pp_text(&p, kind >= 0 ? item_kind_name((enum item_kind)kind) : NULL);
	return two_ints(st, PGS_ITEM_COUNT, &p, n, NULL, "counting items");
}

enum store_rc pg_item_revisions(struct store *st, const store_id *ids, size_t n,
				int64_t *due_moves, int64_t *updated_at)
{
	for (size_t i = 0; i < n; i++)
		due_moves[i] = updated_at[i] = 0;
	if (n == 0)
		return STORE_OK;
	struct strbuf list;
	sb_init(&list);
	sb_add(&list, "{");
	for (size_t i = 0; i < n; i++)
		sb_addf(&list, "%s%lld", i ? "," : "", (long long)ids[i]);
	sb_add(&list, "}");
	struct pg_params p = {0};
	pp_text(&p, list.s);
	PGresult *r;
	enum store_rc rc = pg_run(st, PGS_ITEM_REVISIONS, &p, &r, "reading the items' changes");
	if (rc == STORE_OK) {
		/* ids as given, each found by a walk (a page of a report at most) */
		for (int row = 0; row < PQntuples(r); row++) {
			store_id id = pgc_id(r, row, 0);
			for (size_t i = 0; i < n; i++)
				if (ids[i] == id) {
					due_moves[i] = pgc_int(r, row, 1);
					updated_at[i] = pgc_int(r, row, 2);
				}
		}
		PQclear(r);
	}
	sb_free(&list);
	return rc;
}

enum store_rc pg_action_counts(struct store *st, cx_date today, store_id exclude, int64_t *open,
			       int64_t *overdue)
{
	struct pg_params p = {0};
	pp_date(&p, today);
	pp_int(&p, exclude);
	return two_ints(st, PGS_ACTION_COUNTS, &p, open, overdue, "counting actions");
}

enum store_rc pg_meeting_items(struct store *st, store_id meeting, store_id step_id,
			       struct item **out, size_t *n)
{
	struct pg_params p = {0};
	pp_id(&p, meeting);
	pp_int(&p, step_id);
	return pg_collect(st, PGS_MEETING_ITEMS, &p, (void **)out, n, sizeof **out, pg_read_item,
			  "reading the meeting's items");
}

/* Every item in id order, a page at a time (an export): a list of one
 * part, so that a report reads it ahead (page.c). */
static const struct pg_page_part items_part = {PGS_ITEMS_AFTER, PGS_ITEMS_AFTER, true, -1, 0};

enum store_rc pg_items_after(struct store *st, store_id after, size_t limit, struct item **out,
			     size_t *n)
{
	struct pg_page_list l = {.parts = &items_part, .nparts = 1, .what = "reading items"};
	struct store_cursor cur = {.set = true, .id = after};
	return pg_page_items(st, &l, NULL, &cur, limit, out, n);
}

enum store_rc pg_id_bounds(struct store *st, store_id *max_item, store_id *max_meeting)
{
	return two_ints(st, PGS_ID_BOUNDS, NULL, max_item, max_meeting, "reading the ids");
}
