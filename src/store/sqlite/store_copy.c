/* store_copy.c - a file's tables row by row (store_table_rows) and written
 * back in bulk (store_table_put), by the list every backend shares
 * (store_tables): what `cxmeet copy` moves. The file keeps every value as
 * the canonical text says it (times as ISO text, booleans 0/1), so a row
 * is read and written as it is; the column affinity of a whole number makes
 * its text an integer again. The full-text index and the sums are the bulk
 * write's to build, at its end. */
#include <string.h>

#include "store_int.h"

static void add_name(struct strbuf *sql, const char *name)
{
	sb_add(sql, "\"");
	sb_add(sql, name);
	sb_add(sql, "\"");
}

static void add_columns(struct strbuf *sql, const struct store_table *t)
{
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			sb_add(sql, ", ");
		add_name(sql, t->cols[c].name);
	}
}

static enum store_rc bad_table(struct store *st, size_t table)
{
	return store_failf(st, STORE_INVALID, "no table %zu to copy", table);
}

enum store_rc sqlite_table_rows(struct store *st, size_t table, size_t limit, store_row_fn fn,
				void *ctx, int64_t *n)
{
	if (n)
		*n = 0;
	if (table >= store_table_count)
		return bad_table(st, table);
	const struct store_table *t = &store_tables[table];
	struct strbuf sql;
	sb_init(&sql);
	sb_add(&sql, fn ? "SELECT " : "SELECT count(*) FROM (SELECT ");
	if (fn)
		add_columns(&sql, t);
	else
		sb_add(&sql, "1");
	sb_add(&sql, " FROM main.");
	add_name(&sql, t->name);
	if (fn) {
		sb_add(&sql, " ORDER BY ");
		for (int k = 0; k < t->nkey; k++) {
			if (k)
				sb_add(&sql, ", ");
			add_name(&sql, t->cols[t->key[k]].name);
		}
	}
	if (limit)
		sb_addf(&sql, " LIMIT %zu", limit);
	if (!fn)
		sb_add(&sql, ")");
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(SQ(st)->db, sql.s, -1, &s, NULL);
	sb_free(&sql);
	if (rc != SQLITE_OK)
		return store_fail(st, "reading a table to copy");
	const char *values[32];
	int64_t count = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (!fn) {
			count = sqlite3_column_int64(s, 0);
			continue;
		}
		for (size_t c = 0; c < t->ncols && c < ARRAY_SIZE(values); c++)
			values[c] = (const char *)sqlite3_column_text(s, (int)c);
		fn(values, ctx);
		count++;
	}
	enum store_rc out = STORE_OK;
	if (rc != SQLITE_DONE)
		out = store_fail(st, "reading a table to copy");
	sqlite3_finalize(s);
	if (out == STORE_OK && n)
		*n = count;
	return out;
}

enum store_rc sqlite_table_put(struct store *st, size_t table, size_t n,
			       const char *const *values)
{
	if (table >= store_table_count)
		return bad_table(st, table);
	if (!SQ(st)->bulk)
		return store_failf(st, STORE_ERROR, "rows are copied inside a bulk write");
	const struct store_table *t = &store_tables[table];
	struct strbuf sql;
	sb_init(&sql);
	sb_add(&sql, "INSERT INTO main.");
	add_name(&sql, t->name);
	sb_add(&sql, "(");
	add_columns(&sql, t);
	sb_add(&sql, ") VALUES (");
	for (size_t c = 0; c < t->ncols; c++)
		sb_add(&sql, c ? ", ?" : "?");
	sb_add(&sql, ")");
	/* A bulk write lifts the schema's checks for speed; rows that come
	 * from a file (an import) are held to them, as every other write is. */
	sqlite3_stmt *s;
	int rc = sqlite3_exec(SQ(st)->db, "PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(SQ(st)->db, sql.s, -1, &s, NULL);
	sb_free(&sql);
	if (rc != SQLITE_OK)
		return store_fail(st, "copying rows");
	enum store_rc out = STORE_OK;
	for (size_t r = 0; r < n && out == STORE_OK; r++) {
		const char *const *row = values + r * t->ncols;
		for (size_t c = 0; c < t->ncols; c++)
			bind_text(s, (int)c + 1, (int)c == t->late ? NULL : row[c]);
		out = stmt_exec(st, s, "copying rows");
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	return out;
}

enum store_rc sqlite_table_link(struct store *st, size_t table, size_t n,
				const char *const *pairs)
{
	if (table >= store_table_count)
		return bad_table(st, table);
	const struct store_table *t = &store_tables[table];
	if (t->late < 0)
		return n ? store_failf(st, STORE_INVALID, "%s has no column to link", t->name)
			 : STORE_OK;
	struct strbuf sql;
	sb_init(&sql);
	sb_add(&sql, "UPDATE main.");
	add_name(&sql, t->name);
	sb_add(&sql, " SET ");
	add_name(&sql, t->cols[t->late].name);
	sb_add(&sql, " = ?2 WHERE id = ?1");
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(SQ(st)->db, sql.s, -1, &s, NULL);
	sb_free(&sql);
	if (rc != SQLITE_OK)
		return store_fail(st, "linking the rows copied");
	enum store_rc out = STORE_OK;
	for (size_t r = 0; r < n && out == STORE_OK; r++) {
		bind_text(s, 1, pairs[2 * r]);
		bind_text(s, 2, pairs[2 * r + 1]);
		out = stmt_exec(st, s, "linking the rows copied");
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	return out;
}

/* A file gives a new row the id after the largest: nothing to move on. */
/* Every reference written by the rows put names a row that is there: the
 * bulk write lifted the foreign keys (rows come parents first, a late
 * column after), so they are checked once, at the end, before the commit. */
enum store_rc sqlite_table_put_end(struct store *st)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(SQ(st)->db, "SELECT \"table\", rowid, parent"
			       " FROM pragma_foreign_key_check LIMIT 1", -1, &s, NULL) != SQLITE_OK)
		return store_fail(st, "checking the rows' references");
	int rc = sqlite3_step(s);
	enum store_rc out = STORE_OK;
	if (rc == SQLITE_ROW)
		out = store_failf(st, STORE_INVALID, "row %lld of %s refers to a missing row of %s",
				  (long long)sqlite3_column_int64(s, 1),
				  (const char *)sqlite3_column_text(s, 0),
				  (const char *)sqlite3_column_text(s, 2));
	else if (rc != SQLITE_DONE)
		out = store_fail(st, "checking the rows' references");
	sqlite3_finalize(s);
	return out;
}

/* A file's numbers go on from its largest: the rows given numbers before
 * are written, so the next are past them. */
enum store_rc sqlite_table_ids(struct store *st, size_t table, size_t n, int64_t *ids)
{
	if (table >= store_table_count)
		return bad_table(st, table);
	const struct store_table *t = &store_tables[table];
	if (strcmp(t->cols[0].name, "id") != 0)
		return store_failf(st, STORE_INVALID, "%s has no numbers to give", t->name);
	struct strbuf sql;
	sb_init(&sql);
	sb_add(&sql, "SELECT coalesce(max(id), 0) FROM main.");
	add_name(&sql, t->name);
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(SQ(st)->db, sql.s, -1, &s, NULL);
	sb_free(&sql);
	if (rc != SQLITE_OK)
		return store_fail(st, "numbering the rows added");
	enum store_rc out = STORE_OK;
	if (sqlite3_step(s) == SQLITE_ROW) {
		int64_t last = sqlite3_column_int64(s, 0);
		for (size_t i = 0; i < n; i++)
			ids[i] = last + 1 + (int64_t)i;
	} else {
		out = store_fail(st, "numbering the rows added");
	}
	sqlite3_finalize(s);
	return out;
}
