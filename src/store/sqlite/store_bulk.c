/* store_bulk.c - many rows written in one transaction (the demo). Kept in
 * step one row at a time by the triggers on items, the full-text index
 * (items_fts) costs a flush of FTS5's pending terms at every statement, the
 * kept sums (item_tally, revisit_tally) a trigger program per row, and
 * each row written into a meeting runs this connection's hold check (see
 * store_hold.c). A bulk writer drops them inside its transaction, and the
 * large indexes of items and item_events too (the few partial ones, small,
 * are kept: building one reads every item); at its end the indexes are made
 * again and the full-text index built and the sums counted once, from items,
 * each from its own stored text (so the schema committed is the one the file
 * had). Its rows are right by construction: the CHECK constraints and the
 * foreign keys are not tested row by row meanwhile (`cxmeet check` tests
 * both), and the page cache is larger. Its events are written 32 rows to a
 * statement (bulk_events_write). Everything is one transaction: a
 * writer killed half-way, or rolled back, leaves the file and the connection
 * as they were. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "cxmeet/util.h"

/* The page cache of a bulk write, in KiB (negative): the indexes made at
 * its end are sorted in it. */
#define BULK_CACHE "-32768"

/* The triggers that keep items_fts and the sums in step, by name, as the
 * schema made them, and the indexes made again after the rows (first). */
#define FTS_TRIGGERS \
	"SELECT name, sql, type FROM main.sqlite_master WHERE (type = 'trigger'" \
	" AND tbl_name = 'items' AND (name LIKE 'items\\_fts\\_%' ESCAPE '\\'" \
	" OR name LIKE 'item\\_tally\\_%' ESCAPE '\\' OR name LIKE 'revisit\\_tally\\_%' ESCAPE '\\'))" \
	" OR (type = 'index' AND sql IS NOT NULL AND tbl_name IN ('items', 'item_events', 'item_tally')" \
	" AND name NOT IN ('items_revisit', 'items_decisions', 'items_superseded_by'," \
	" 'items_revisit_dept', 'items_parked_rank'))" \
	" ORDER BY type = 'trigger', rowid"

/* The events of a bulk write, written BULK_EVENTS rows to a statement: at
 * 100,000 items (212,000 events) an INSERT of 32 rows costs two thirds of
 * 32 one-row INSERTs. */
#define BULK_EVENTS 32
#define EVENT_ROW "(?, ?, ?, ?, ?, ?, ?, ?)"

struct bulk_event {
	store_id item, meeting;
	enum event_kind kind;
	time_t at;
	char *old_value, *new_value, *reason;
};

struct bulk_events {
	sqlite3_stmt *insert; /* of BULK_EVENTS rows; NULL until used */
	enum store_rc failed; /* a write failed: so does the bulk write */
	int n;
	struct bulk_event ev[BULK_EVENTS];
};

static char *dup_or_null(const char *s) { return s ? xstrdup(s) : NULL; }

/* Text bound without a copy: it outlives the statement's run (the names of
 * events are constants, the rest is freed only after the row is written). */
static void bind_kept(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

/* Binds event e as the row whose first parameter is first + 1 (as
 * event_add binds one). */
static void bind_event(struct store *st, sqlite3_stmt *s, int first, const struct bulk_event *e)
{
	bind_id(s, first + 1, e->item);
	bind_kept(s, first + 2, event_kind_name(e->kind));
	bind_time(s, first + 3, e->at); /* a copy: its text is one buffer, used again */
	bind_id(s, first + 4, e->meeting);
	bind_kept(s, first + 5, SQ(st)->actor);
	bind_kept(s, first + 6, e->old_value);
	bind_kept(s, first + 7, e->new_value);
	bind_kept(s, first + 8, e->reason);
}

static enum store_rc write_full(struct store *st, struct bulk_events *b)
{
	if (!b->insert) {
		struct strbuf sql;
		sb_init(&sql);
		sb_add(&sql, "INSERT INTO item_events(item_id, event, at, meeting_id, by, old_value,"
		       " new_value, reason) VALUES " EVENT_ROW);
		for (int i = 1; i < BULK_EVENTS; i++)
			sb_add(&sql, ", " EVENT_ROW);
		int rc = sqlite3_prepare_v3(SQ(st)->db, sql.s, -1, SQLITE_PREPARE_PERSISTENT, &b->insert,
					    NULL);
		sb_free(&sql);
		if (rc != SQLITE_OK)
			return store_fail(st, "recording the items' history");
	}
	for (int i = 0; i < BULK_EVENTS; i++)
		bind_event(st, b->insert, 8 * i, &b->ev[i]);
	return stmt_exec(st, b->insert, "recording the items' history");
}

enum store_rc bulk_events_write(struct store *st)
{
	struct bulk_events *b = SQ(st)->bulk_ev;
	if (!b || b->failed != STORE_OK || b->n == 0)
		return b ? b->failed : STORE_OK;
	int n = b->n;
	b->n = 0; /* written now: the one-row statement below does not write them again */
	enum store_rc rc = STORE_OK;
	if (n == BULK_EVENTS) {
		rc = write_full(st, b);
	} else {
		for (int i = 0; rc == STORE_OK && i < n; i++) {
			sqlite3_stmt *s = stmt_get(st, STMT_EVENT_ADD);
			if (!s)
				rc = stmt_missing(st);
			else
				bind_event(st, s, 0, &b->ev[i]);
			if (rc == STORE_OK)
				rc = stmt_exec(st, s, "recording the item's history");
		}
	}
	for (int i = 0; i < n; i++) {
		free(b->ev[i].old_value);
		free(b->ev[i].new_value);
		free(b->ev[i].reason);
	}
	b->failed = rc;
	return rc;
}

enum store_rc bulk_event_add(struct store *st, store_id item, enum event_kind kind, time_t at,
			     store_id meeting, const char *old_value, const char *new_value,
			     const char *reason)
{
	struct bulk_events *b = SQ(st)->bulk_ev;
	if (b->failed != STORE_OK)
		return b->failed;
	b->ev[b->n++] = (struct bulk_event){.item = item, .meeting = meeting, .kind = kind,
					    .at = at, .old_value = dup_or_null(old_value),
					    .new_value = dup_or_null(new_value),
					    .reason = dup_or_null(reason)};
	return b->n == BULK_EVENTS ? bulk_events_write(st) : STORE_OK;
}

void bulk_events_drop(struct store *st)
{
	struct bulk_events *b = SQ(st)->bulk_ev;
	if (!b)
		return;
	for (int i = 0; i < b->n; i++) {
		free(b->ev[i].old_value);
		free(b->ev[i].new_value);
		free(b->ev[i].reason);
	}
	sqlite3_finalize(b->insert);
	free(b);
	SQ(st)->bulk_ev = NULL;
}

/* Drops the full-text index's triggers, keeping their text in bulk_fts. */
static enum store_rc fts_defer(struct store *st)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(SQ(st)->db, FTS_TRIGGERS, -1, &s, NULL) != SQLITE_OK)
		return store_fail(st, "reading the full-text index's triggers");
	struct strbuf make, drop;
	sb_init(&make);
	sb_init(&drop);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		const char *sql = (const char *)sqlite3_column_text(s, 1);
		if (!name || !sql)
			continue;
		sb_addf(&make, "%s;\n", sql);
		const char *type = (const char *)sqlite3_column_text(s, 2);
		char *q = sqlite3_mprintf("DROP %s main.\"%w\";\n",
					  type && strcmp(type, "index") == 0 ? "INDEX" : "TRIGGER", name);
		sb_add(&drop, q);
		sqlite3_free(q);
	}
	sqlite3_finalize(s);
	enum store_rc out = STORE_OK;
	if (rc != SQLITE_DONE)
		out = store_fail(st, "reading the full-text index's triggers");
	else if (make.len && sqlite3_exec(SQ(st)->db, drop.s, NULL, NULL, NULL) != SQLITE_OK)
		out = store_fail(st, "deferring the full-text index");
	sb_free(&drop);
	if (out == STORE_OK && make.len)
		SQ(st)->bulk_fts = sb_take(&make);
	else
		sb_free(&make);
	return out;
}

/* While rows are written in bulk (on): no CHECK constraint nor foreign key
 * tested row by row (the writer's rows are right by construction; `cxmeet
 * check` tests both), and a page cache that holds the indexes being built;
 * off: the connection as it was. SQLite takes a change of the foreign keys
 * inside a transaction from sqlite3_db_config (the PRAGMA is refused there);
 * no foreign key is deferred, so no count of violations is carried over. */
static enum store_rc bulk_pragmas(struct store *st, bool on)
{
	if (on) {
		sqlite3_stmt *s;
		if (sqlite3_prepare_v2(SQ(st)->db, "PRAGMA cache_size", -1, &s, NULL) != SQLITE_OK)
			return store_fail(st, "starting a bulk write");
		SQ(st)->bulk_cache = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -8192;
		sqlite3_finalize(s);
		if (SQ(st)->bulk_cache == 0)
			SQ(st)->bulk_cache = -8192;
		sqlite3_db_config(SQ(st)->db, SQLITE_DBCONFIG_ENABLE_FKEY, 0, (int *)NULL);
		if (sqlite3_exec(SQ(st)->db, "PRAGMA ignore_check_constraints = ON;"
				 " PRAGMA cache_size = " BULK_CACHE, NULL, NULL, NULL) != SQLITE_OK)
			return store_fail(st, "starting a bulk write");
		return STORE_OK;
	}
	if (SQ(st)->bulk_cache == 0)
		return STORE_OK; /* not on */
	char sql[96];
	snprintf(sql, sizeof sql, "PRAGMA ignore_check_constraints = OFF; PRAGMA cache_size = %d",
		 SQ(st)->bulk_cache);
	SQ(st)->bulk_cache = 0;
	sqlite3_db_config(SQ(st)->db, SQLITE_DBCONFIG_ENABLE_FKEY, 1, (int *)NULL);
	if (sqlite3_exec(SQ(st)->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, "ending a bulk write");
	return STORE_OK;
}

enum store_rc sqlite_bulk_begin(struct store *st)
{
	if (SQ(st)->tx_depth == 0)
		return store_failf(st, STORE_ERROR, "a bulk write must be inside a transaction");
	if (SQ(st)->bulk)
		return STORE_OK;
	/* The hold checks are lifted only when no other instance holds a
	 * meeting: under this transaction's write lock none can take one, so
	 * every meeting written is one this transaction starts. */
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(SQ(st)->db, "SELECT count(*) FROM main.meeting_holds"
			       " WHERE token <> (SELECT token FROM temp.cx_instance)",
			       -1, &s, NULL) != SQLITE_OK)
		return store_fail(st, "looking for meetings held");
	int rc = sqlite3_step(s);
	int64_t held = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return store_fail(st, "looking for meetings held");
	if (held > 0)
		return store_failf(st, STORE_BUSY, "a meeting is held by another instance: "
				   "many rows are written only when none is");
	enum store_rc out = fts_defer(st);
	if (out == STORE_OK)
		out = hold_checks_drop(st);
	if (out == STORE_OK)
		out = bulk_pragmas(st, true);
	if (out == STORE_OK) {
		SQ(st)->bulk = true;
		SQ(st)->bulk_ev = xcalloc(1, sizeof *SQ(st)->bulk_ev);
	} else {
		bulk_forget(st);
	}
	return out;
}

void bulk_forget(struct store *st)
{
	bulk_events_drop(st);
	(void)bulk_pragmas(st, false);
	free(SQ(st)->bulk_fts);
	SQ(st)->bulk_fts = NULL;
	SQ(st)->bulk = false;
}

enum store_rc bulk_finish(struct store *st)
{
	if (!SQ(st)->bulk)
		return STORE_OK;
	enum store_rc written = bulk_events_write(st);
	bulk_events_drop(st);
	if (written != STORE_OK)
		return written; /* the transaction is rolled back, and bulk_forget called */
	char *make = SQ(st)->bulk_fts;
	SQ(st)->bulk_fts = NULL;
	SQ(st)->bulk = false;
	enum store_rc rc = STORE_OK;
	if (make) {
		struct long_work w;
		long_work_begin(st, &w, "building the search index");
		int built = sqlite3_exec(SQ(st)->db, "INSERT INTO items_fts(items_fts)"
					 " VALUES ('rebuild')", NULL, NULL, NULL);
		if (built == SQLITE_OK)
			built = sqlite3_exec(SQ(st)->db, store_tally_refill, NULL, NULL, NULL);
		if (built != SQLITE_OK)
			rc = store_fail(st, "building the full-text index and the sums");
		else if (sqlite3_exec(SQ(st)->db, make, NULL, NULL, NULL) != SQLITE_OK)
			rc = store_fail(st, "making the indexes and the triggers again");
		long_work_end(st, &w);
		free(make);
	}
	enum store_rc prc = bulk_pragmas(st, false);
	if (rc == STORE_OK)
		rc = prc;
	if (rc == STORE_OK)
		rc = hold_checks_make(st);
	return rc;
}

enum store_rc sqlite_bulk_end(struct store *st) { return bulk_finish(st); }

enum store_rc sqlite_bulk_journal(struct store *st, bool on)
{
	if (SQ(st)->tx_depth > 0)
		return store_failf(st, STORE_ERROR, "the journal is changed outside a transaction");
	const char *want = on ? "delete" : "wal";
	char sql[40];
	snprintf(sql, sizeof sql, "PRAGMA journal_mode = %s", want);
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(SQ(st)->db, sql, -1, &s, NULL) != SQLITE_OK)
		return store_fail(st, "changing the journal");
	int rc = sqlite3_step(s);
	const char *mode = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : NULL;
	bool done = mode && strcmp(mode, want) == 0;
	sqlite3_finalize(s);
	if (!done)
		return store_failf(st, STORE_BUSY, "the file is open elsewhere: its journal is "
				   "kept as it is");
	return STORE_OK;
}
