/* bulk.c - a writer of many rows in one transaction on a PostgreSQL server
 * (the demo's history): the server's hold checks are lifted for the
 * transaction (the setting cxmeet.bulk, local to it) while no other
 * instance holds a meeting, and each change is one statement and its
 * event, nothing read back. The search index is the server's own (a
 * generated column): nothing to defer. */
#include <string.h>

#include "pg_int.h"
#include "cxmeet/dates.h"

enum store_rc pg_bulk_begin(struct store *st)
{
	if (PG(st)->tx_depth == 0)
		return pg_failf(st, STORE_ERROR, "a bulk write must be inside a transaction");
	struct pg_params p = {0};
	pp_text(&p, PG(st)->token);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_HOLDS_OTHERS, &p, &r, "looking for meetings held");
	if (rc != STORE_OK)
		return rc;
	int64_t held = pgc_int(r, 0, 0);
	PQclear(r);
	if (held > 0)
		return pg_failf(st, STORE_BUSY, "a meeting is held by another instance: many rows "
				"are written only when none is");
	return pg_exec_sql(st, "SELECT set_config('cxmeet.bulk', 'on', true)",
			   "starting a bulk write");
}

enum store_rc pg_bulk_end(struct store *st)
{
	if (PG(st)->tx_depth == 0)
		return STORE_OK;
	return pg_exec_sql(st, "SELECT set_config('cxmeet.bulk', 'off', true)",
			   "ending a bulk write");
}

/* The server has no journal of the file's kind to change. */
enum store_rc pg_bulk_journal(struct store *st, bool on)
{
	(void)on;
	if (PG(st)->tx_depth > 0)
		return pg_failf(st, STORE_ERROR, "the journal is changed outside a transaction");
	return STORE_OK;
}

enum store_rc pg_bulk_item_add(struct store *st, struct item *it, time_t at)
{
	struct pg_params p = {0};
	pp_text(&p, item_kind_name(it->kind));
	pp_text(&p, it->text);
	pp_text(&p, it->detail && *it->detail ? it->detail : NULL);
	pp_text(&p, it->rationale && *it->rationale ? it->rationale : NULL);
	pp_id(&p, it->dept_id);
	pp_id(&p, it->person_id);
	pp_date(&p, it->due);
	pp_date(&p, it->revisit);
	pp_int(&p, it->rank);
	pp_text(&p, item_status_name(it->status));
	pp_bool(&p, it->consent);
	pp_id(&p, it->meeting_id);
	pp_id(&p, it->step_id);
	pp_time(&p, at);
	pp_text(&p, PG(st)->actor);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_ITEM_ADD, &p, &r, "saving the item");
	if (rc != STORE_OK)
		return rc;
	it->id = pgc_id(r, 0, 0);
	it->created_at = at;
	PQclear(r);
	return STORE_OK;
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

enum store_rc pg_bulk_item_status(struct store *st, store_id id, enum item_status from,
				  enum item_status to, const char *reason, store_id meeting,
				  time_t at)
{
	struct pg_params p = {0};
	pp_text(&p, item_status_name(to));
	pp_time(&p, at);
	pp_id(&p, id);
	enum store_rc rc = pg_exec(st, PGS_ITEM_SET_STATUS, &p, "changing the item's status");
	if (rc == STORE_OK)
		rc = pg_event_add(st, id, status_event(to), at, meeting, item_status_name(from),
				  item_status_name(to), reason && *reason ? reason : NULL);
	return rc;
}

enum store_rc pg_bulk_item_due(struct store *st, store_id id, cx_date from, cx_date to,
			       store_id meeting, time_t at)
{
	struct pg_params p = {0};
	pp_date(&p, to);
	pp_time(&p, at);
	pp_id(&p, id);
	enum store_rc rc = pg_exec(st, PGS_ITEM_SET_DUE, &p, "moving the item's due date");
	if (rc == STORE_OK) {
		char o[16], n[16];
		date_format(from, o, sizeof o);
		date_format(to, n, sizeof n);
		rc = pg_event_add(st, id, EVENT_DUE_MOVED, at, meeting, o, n, NULL);
	}
	return rc;
}
