/* store_fts.c - the full-text index (items_fts) built in bulk. Kept in step
 * one row at a time by the triggers on items, the index costs a flush of
 * FTS5's pending terms at every statement; a writer of many items at once
 * (the demo) defers it instead: the triggers are dropped inside its
 * transaction and the index is built once, from items, before the commit,
 * with the triggers made again from their own stored text. Everything is one
 * transaction: a writer killed half-way leaves the file as it was, triggers
 * included, and the schema committed is the one the file had. */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "cxmeet/util.h"

/* The triggers that keep items_fts in step, by name, as the schema made them. */
#define FTS_TRIGGERS \
	"SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'" \
	" AND tbl_name = 'items' AND name LIKE 'items\\_fts\\_%' ESCAPE '\\' ORDER BY rowid"

enum store_rc store_fts_defer(struct store *st)
{
	if (st->tx_depth == 0)
		return store_failf(st, STORE_ERROR, "the full-text index can only be deferred "
				   "inside a transaction");
	if (st->fts_deferred)
		return STORE_OK;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, FTS_TRIGGERS, -1, &s, NULL) != SQLITE_OK)
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
		char *q = sqlite3_mprintf("DROP TRIGGER main.\"%w\";\n", name);
		sb_add(&drop, q);
		sqlite3_free(q);
	}
	sqlite3_finalize(s);
	enum store_rc out = STORE_OK;
	if (rc != SQLITE_DONE)
		out = store_fail(st, "reading the full-text index's triggers");
	else if (make.len && sqlite3_exec(st->db, drop.s, NULL, NULL, NULL) != SQLITE_OK)
		out = store_fail(st, "deferring the full-text index");
	sb_free(&drop);
	if (out != STORE_OK || !make.len) { /* none: nothing to make again */
		sb_free(&make);
		return out;
	}
	st->fts_deferred = sb_take(&make);
	return STORE_OK;
}

enum store_rc fts_finish(struct store *st)
{
	char *make = st->fts_deferred;
	st->fts_deferred = NULL;
	if (!make)
		return STORE_OK;
	enum store_rc rc = STORE_OK;
	struct long_work w;
	long_work_begin(st, &w, "building the search index");
	int built = sqlite3_exec(st->db, "INSERT INTO items_fts(items_fts) VALUES ('rebuild')",
				 NULL, NULL, NULL);
	long_work_end(st, &w);
	if (built != SQLITE_OK)
		rc = store_fail(st, "building the full-text index");
	else if (sqlite3_exec(st->db, make, NULL, NULL, NULL) != SQLITE_OK)
		rc = store_fail(st, "making the full-text index's triggers again");
	free(make);
	return rc;
}

enum store_rc store_fts_build(struct store *st)
{
	return fts_finish(st);
}
