/* store_item.c - items, their links and their append-only event history
 * (full-text search: store_fts.c; the lists a meeting works through:
 * store_open.c). Every change to an item writes its event in the same
 * transaction, so the history can never disagree with the item. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../item_change.h"
#include "store_int.h"
#include "cxmeet/util.h"

void read_item(sqlite3_stmt *s, void *elem)
{
	struct item *it = elem;
	it->id = col_id(s, 0);
	int kind = item_kind_parse((const char *)sqlite3_column_text(s, 1));
	it->kind = kind < 0 ? ITEM_NOTE : (enum item_kind)kind;
	it->text = col_text_or_empty(s, 2);
	it->detail = col_text(s, 3);
	it->rationale = col_text(s, 4);
	it->dept_id = col_id(s, 5);
	it->person_id = col_id(s, 6);
	it->due = col_date(s, 7);
	it->revisit = col_date(s, 8);
	it->superseded_by = col_id(s, 9);
	it->rank = sqlite3_column_int(s, 10);
	int status = item_status_parse((const char *)sqlite3_column_text(s, 11));
	it->status = status < 0 ? STATUS_OPEN : (enum item_status)status;
	it->consent = sqlite3_column_int(s, 12) != 0;
	it->meeting_id = col_id(s, 13);
	it->step_id = col_id(s, 14);
	it->created_at = col_time(s, 15);
	it->closed_at = col_time(s, 16);
	it->deleted_at = col_time(s, 17);
	it->dept_name = col_text(s, 18);
	it->person_name = col_text(s, 19);
	it->slips = sqlite3_column_int(s, 20);
	it->carried = sqlite3_column_int(s, 21);
}

void free_items(void *arr, size_t n) { item_list_free(arr, n); }

/* Only a kind the schema knows is written (its name is what is stored). */
static enum store_rc known_kind(struct store *st, const struct item *it)
{
	if ((int)it->kind < 0 || it->kind >= ITEM_KIND_COUNT)
		return store_failf(st, STORE_INVALID, "unknown item kind");
	return STORE_OK;
}

/* The item's row (STMT_ITEM_ADD), its texts as given: the one insert of an
 * item, for the one-row writer and the bulk writer alike. */
static enum store_rc item_insert(struct store *st, const struct item *it, const char *text,
				 const char *detail, const char *rationale, time_t at)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_ADD);
	bind_text(s, 1, item_kind_name(it->kind));
	bind_text(s, 2, text);
	bind_text(s, 3, detail);
	bind_text(s, 4, rationale);
	bind_id(s, 5, it->dept_id);
	bind_id(s, 6, it->person_id);
	bind_date(s, 7, it->due);
	bind_date(s, 8, it->revisit);
	bind_int(s, 9, it->rank);
	bind_text(s, 10, item_status_name(it->status));
	bind_int(s, 11, it->consent);
	bind_id(s, 12, it->meeting_id);
	bind_id(s, 13, it->step_id);
	bind_time(s, 14, at);
	return stmt_exec(st, s, "saving the item");
}

enum store_rc sqlite_item_add(struct store *st, struct item *it, time_t at)
{
	enum store_rc rc = known_kind(st, it);
	if (rc != STORE_OK)
		return rc;
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = item_insert(st, it, it->text, it->detail, it->rationale, at);
	store_id id = rc == STORE_OK ? sqlite3_last_insert_rowid(SQ(st)->db) : 0;
	if (rc == STORE_OK)
		rc = event_add(st, id, EVENT_CREATED, at, it->meeting_id, NULL, NULL, NULL);
	rc = tx_end(st, rc);
	if (rc == STORE_OK) {
		it->id = id;
		it->created_at = at;
	}
	return rc;
}

enum store_rc sqlite_item_get(struct store *st, store_id id, struct item *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_GET);
	bind_id(s, 1, id);
	enum store_rc rc = stmt_row(st, s, "reading an item");
	if (rc == STORE_OK)
		read_item(s, out);
	else if (rc == STORE_NOTFOUND)
		store_failf(st, rc, "no item #%lld", (long long)id);
	sqlite3_reset(s);
	return rc;
}

/* The events the update implies (item_change.c), with the new owner's name. */
static enum store_rc update_events(struct store *st, const struct item *old,
				   const struct item *new, store_id meeting, time_t at)
{
	struct person p = {0};
	const char *to = NULL;
	if (old->person_id != new->person_id && new->person_id &&
	    sqlite_person_get(st, new->person_id, &p) == STORE_OK)
		to = p.name;
	struct item_change ev[ITEM_CHANGES_MAX];
	size_t n = item_changes(old, new, to, ev);
	person_free(&p);
	enum store_rc rc = STORE_OK;
	for (size_t i = 0; rc == STORE_OK && i < n; i++)
		rc = event_add(st, old->id, ev[i].kind, at, meeting, ev[i].old_value,
			       ev[i].new_value, NULL);
	item_changes_free(ev, n);
	return rc;
}

enum store_rc sqlite_item_update(struct store *st, const struct item *it, store_id meeting,
				 time_t at)
{
	struct item old;
	enum store_rc rc = sqlite_item_get(st, it->id, &old);
	if (rc != STORE_OK)
		return rc;
	if (old.deleted_at) {
		item_free(&old);
		return store_failf(st, STORE_NOTFOUND, "item #%lld was deleted", (long long)it->id);
	}
	struct item want = *it;
	want.kind = old.kind;
	const char *text = it->text;
	rc = tx_begin(st);
	if (rc == STORE_OK) {
		sqlite3_stmt *s = stmt_get(st, STMT_ITEM_UPDATE);
		bind_text(s, 1, text);
		bind_text(s, 2, it->detail && *it->detail ? it->detail : NULL);
		bind_text(s, 3, it->rationale && *it->rationale ? it->rationale : NULL);
		bind_id(s, 4, it->dept_id);
		bind_id(s, 5, it->person_id);
		bind_date(s, 6, it->due);
		bind_date(s, 7, it->revisit);
		bind_int(s, 8, it->rank);
		bind_int(s, 9, it->consent);
		bind_time(s, 10, at);
		bind_id(s, 11, it->id);
		rc = stmt_update_one(st, s, "saving the item");
		if (rc == STORE_OK)
			rc = update_events(st, &old, &want, meeting, at);
		rc = tx_end(st, rc);
	}
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

enum store_rc sqlite_item_set_status(struct store *st, store_id id, enum item_status status,
				     const char *reason, store_id meeting, time_t at)
{
	struct item old;
	const char *why = reason && *reason ? reason : NULL;
	enum store_rc rc = sqlite_item_get(st, id, &old);
	if (rc != STORE_OK)
		return rc;
	if (old.status == status) {
		item_free(&old);
		return store_failf(st, STORE_INVALID, "item #%lld is already %s", (long long)id,
				   item_status_name(status));
	}
	rc = tx_begin(st);
	if (rc == STORE_OK) {
		sqlite3_stmt *s = stmt_get(st, STMT_ITEM_SET_STATUS);
		bind_text(s, 1, item_status_name(status));
		bind_time(s, 2, at);
		bind_id(s, 3, id);
		rc = stmt_update_one(st, s, "changing the item's status");
		if (rc == STORE_OK)
			rc = event_add(st, id, status_event(status), at, meeting,
				       item_status_name(old.status), item_status_name(status), why);
		rc = tx_end(st, rc);
	}
	item_free(&old);
	return rc;
}

/* The bulk writer's changes (store.h): no transaction of their own (the bulk
 * write's), no read back, texts as given. */
enum store_rc sqlite_bulk_item_add(struct store *st, struct item *it, time_t at)
{
	if (!SQ(st)->bulk)
		return store_failf(st, STORE_ERROR, "a bulk item outside a bulk write");
	enum store_rc rc = item_insert(st, it, it->text, it->detail && *it->detail ? it->detail : NULL,
				       it->rationale && *it->rationale ? it->rationale : NULL, at);
	if (rc != STORE_OK)
		return rc;
	it->id = sqlite3_last_insert_rowid(SQ(st)->db);
	it->created_at = at;
	return event_add(st, it->id, EVENT_CREATED, at, it->meeting_id, NULL, NULL, NULL);
}

enum store_rc sqlite_bulk_item_status(struct store *st, store_id id, enum item_status from,
				      enum item_status to, const char *reason, store_id meeting,
				      time_t at)
{
	if (!SQ(st)->bulk)
		return store_failf(st, STORE_ERROR, "a bulk item outside a bulk write");
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_SET_STATUS);
	bind_text(s, 1, item_status_name(to));
	bind_time(s, 2, at);
	bind_id(s, 3, id);
	enum store_rc rc = stmt_exec(st, s, "changing the item's status");
	if (rc == STORE_OK)
		rc = event_add(st, id, status_event(to), at, meeting, item_status_name(from),
			       item_status_name(to), reason && *reason ? reason : NULL);
	return rc;
}

enum store_rc sqlite_bulk_item_due(struct store *st, store_id id, cx_date from, cx_date to,
				   store_id meeting, time_t at)
{
	if (!SQ(st)->bulk)
		return store_failf(st, STORE_ERROR, "a bulk item outside a bulk write");
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_SET_DUE);
	bind_date(s, 1, to);
	bind_time(s, 2, at);
	bind_id(s, 3, id);
	enum store_rc rc = stmt_exec(st, s, "moving the item's due date");
	if (rc == STORE_OK) {
		char o[16], n[16];
		date_format(from, o, sizeof o);
		date_format(to, n, sizeof n);
		rc = event_add(st, id, EVENT_DUE_MOVED, at, meeting, o, n, NULL);
	}
	return rc;
}

enum store_rc sqlite_item_supersede(struct store *st, store_id old_id, store_id new_id,
				    store_id meeting, time_t at)
{
	if (old_id == new_id)
		return store_failf(st, STORE_INVALID, "a decision cannot supersede itself");
	enum store_rc rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_SUPERSEDE);
	bind_id(s, 1, new_id);
	bind_time(s, 2, at);
	bind_id(s, 3, old_id);
	rc = stmt_update_one(st, s, "superseding a decision");
	if (rc == STORE_OK) {
		char *n = xasprintf("%lld", (long long)new_id);
		rc = event_add(st, old_id, EVENT_SUPERSEDED, at, meeting, NULL, n, NULL);
		free(n);
	}
	return tx_end(st, rc);
}

enum store_rc sqlite_item_carry(struct store *st, store_id id, store_id meeting, time_t at)
{
	return event_add(st, id, EVENT_CARRIED, at, meeting, NULL, NULL, NULL);
}

enum store_rc sqlite_item_imported(struct store *st, store_id id, const char *from, time_t at)
{
	return event_add(st, id, EVENT_IMPORTED, at, 0, NULL, from, NULL);
}

enum store_rc sqlite_item_delete(struct store *st, store_id id, store_id meeting, time_t at)
{
	enum store_rc rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_DELETE);
	bind_time(s, 1, at);
	bind_id(s, 2, id);
	rc = stmt_update_one(st, s, "deleting the item");
	if (rc == STORE_NOTFOUND)
		store_failf(st, rc, "no item #%lld, or it was already deleted", (long long)id);
	if (rc == STORE_OK)
		rc = event_add(st, id, EVENT_DELETED, at, meeting, NULL, NULL, NULL);
	return tx_end(st, rc);
}

enum store_rc sqlite_item_link(struct store *st, store_id from, store_id to, enum link_kind kind)
{
	if (from == to)
		return store_failf(st, STORE_INVALID, "an item cannot be linked to itself");
	sqlite3_stmt *s = stmt_get(st, STMT_LINK_ADD);
	bind_id(s, 1, from);
	bind_id(s, 2, to);
	bind_text(s, 3, link_kind_name(kind));
	bind_now(st, s, 4);
	enum store_rc rc = stmt_exec(st, s, "linking items");
	if (rc == STORE_INVALID)
		store_failf(st, rc, "both items must exist to be linked");
	return rc;
}

struct link_row {
	store_id other;
	enum link_kind kind;
};

static void read_link(sqlite3_stmt *s, void *elem)
{
	struct link_row *l = elem;
	l->other = col_id(s, 0);
	int k = link_kind_parse((const char *)sqlite3_column_text(s, 1));
	l->kind = k < 0 ? LINK_AROSE_FROM : (enum link_kind)k;
}

enum store_rc sqlite_item_links(struct store *st, store_id id, store_id **others,
				enum link_kind **kinds, size_t *n)
{
	struct link_row *rows;
	sqlite3_stmt *s = stmt_get(st, STMT_LINK_LIST);
	bind_id(s, 1, id);
	enum store_rc rc = stmt_collect(st, s, (void **)&rows, n, sizeof *rows, read_link,
					free_plain, "reading links");
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

void read_item_event(sqlite3_stmt *s, void *elem)
{
	struct item_event *e = elem;
	e->id = col_id(s, 0);
	e->item_id = col_id(s, 1);
	int k = event_kind_parse((const char *)sqlite3_column_text(s, 2));
	e->kind = k < 0 ? EVENT_EDITED : (enum event_kind)k;
	e->at = col_time(s, 3);
	e->meeting_id = col_id(s, 4);
	e->by = col_text(s, 5);
	e->old_value = col_text(s, 6);
	e->new_value = col_text(s, 7);
	e->reason = col_text(s, 8);
}

static void free_events(void *arr, size_t n) { item_events_free(arr, n); }

enum store_rc sqlite_item_events(struct store *st, store_id id, struct item_event **out,
				 size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_EVENT_LIST);
	bind_id(s, 1, id);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_item_event, free_events,
			    "reading the item's history");
}

enum store_rc sqlite_item_count(struct store *st, int kind, int64_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_COUNT);
	if (kind >= 0)
		bind_text(s, 1, item_kind_name((enum item_kind)kind));
	enum store_rc rc = stmt_row(st, s, "counting items");
	*n = rc == STORE_OK ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return rc;
}

enum store_rc sqlite_item_revisions(struct store *st, const store_id *ids, size_t n,
				    int64_t *due_moves, int64_t *updated_at)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_REVISION);
	for (size_t i = 0; i < n; i++) {
		bind_int(s, 1, ids[i]);
		enum store_rc rc = stmt_row(st, s, "reading an item's changes");
		due_moves[i] = rc == STORE_OK ? sqlite3_column_int64(s, 0) : 0;
		updated_at[i] = rc == STORE_OK ? (int64_t)col_time(s, 1) : 0;
		sqlite3_reset(s);
		if (rc != STORE_OK && rc != STORE_NOTFOUND)
			return rc;
	}
	return STORE_OK;
}

enum store_rc sqlite_action_counts(struct store *st, cx_date today, store_id exclude,
				   int64_t *open, int64_t *overdue)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ACTION_COUNTS);
	bind_date(s, 1, today);
	bind_int(s, 2, exclude);
	enum store_rc rc = stmt_row(st, s, "counting actions");
	*open = rc == STORE_OK ? sqlite3_column_int64(s, 0) : 0;
	*overdue = rc == STORE_OK ? sqlite3_column_int64(s, 1) : 0;
	sqlite3_reset(s);
	return rc;
}
