/* copy.c - a council's tables row by row (store_table_rows) and written
 * back in bulk (store_table_put) on a server, by the list every backend
 * shares (store_tables): what `cxmeet copy` moves. Values travel as the
 * canonical text of store.h: times are read as the file's ISO text in UTC,
 * dates as YYYY-MM-DD, booleans as 0/1, and each is written back through a
 * cast to its column's type. The council is the session's: read from it,
 * written into it (council_id's default). The organisation has no id on a
 * server (its key is the council): read as 1, not written. */
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"

/* Parameters per statement: the protocol's bound is 65535. */
#define MAX_PARAMS 60000

static void add_name(struct strbuf *sql, const char *name)
{
	sb_add(sql, "\"");
	sb_add(sql, name);
	sb_add(sql, "\"");
}

/* The organisation's id: none on a server. */
static bool no_column(const struct store_table *t, size_t c)
{
	return t->one_row && strcmp(t->cols[c].name, "id") == 0;
}

static void add_read(struct strbuf *sql, const struct store_table *t, size_t c)
{
	const char *name = t->cols[c].name;
	if (no_column(t, c)) {
		sb_add(sql, "'1'");
		return;
	}
	switch (t->cols[c].kind) {
	case SCOL_TIME:
		sb_add(sql, "to_char(");
		add_name(sql, name);
		sb_add(sql, " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')");
		break;
	case SCOL_DATE:
		sb_add(sql, "to_char(");
		add_name(sql, name);
		sb_add(sql, ", 'YYYY-MM-DD')");
		break;
	case SCOL_BOOL:
		add_name(sql, name);
		sb_add(sql, "::int");
		break;
	case SCOL_REAL:
		add_name(sql, name);
		sb_add(sql, "::text");
		break;
	case SCOL_INT:
	case SCOL_TEXT:
		add_name(sql, name);
		break;
	}
}

static const char *cast_of(enum store_col_kind k)
{
	switch (k) {
	case SCOL_TIME:
		return "::timestamptz";
	case SCOL_DATE:
		return "::date";
	case SCOL_BOOL:
		return "::boolean";
	case SCOL_INT:
		return "::bigint";
	case SCOL_REAL:
		return "::double precision";
	case SCOL_TEXT:
		break;
	}
	return "::text";
}

static enum store_rc bad_table(struct store *st, size_t table)
{
	return pg_failf(st, STORE_INVALID, "no table %zu to copy", table);
}

/* A connection lost since the last call: a new one, unless a transaction
 * was open on it (as pg_run does). */
static enum store_rc connected(struct store *st, const char *what)
{
	if (PQstatus(PG(st)->conn) == CONNECTION_OK)
		return STORE_OK;
	if (PG(st)->tx_depth > 0)
		return pg_fail(st, NULL, what);
	return pg_reconnect(st);
}

/* Runs sql with its parameters; its rows are not wanted. */
static enum store_rc run(struct store *st, const char *sql, int n, const char *const *v,
			 const char *what)
{
	enum store_rc rc = connected(st, what);
	if (rc != STORE_OK)
		return rc;
	PGresult *r = PQexecParams(PG(st)->conn, sql, n, NULL, v, NULL, NULL, 0);
	ExecStatusType s = PQresultStatus(r);
	rc = s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK ? STORE_OK : pg_fail(st, r, what);
	PQclear(r);
	return rc;
}

enum store_rc pg_table_rows(struct store *st, size_t table, size_t limit, store_row_fn fn,
			    void *ctx, int64_t *n)
{
	static const char what[] = "reading a table to copy";
	if (n)
		*n = 0;
	if (table >= store_table_count)
		return bad_table(st, table);
	const struct store_table *t = &store_tables[table];
	struct strbuf sql;
	sb_init(&sql);
	sb_add(&sql, fn ? "SELECT " : "SELECT count(*) FROM (SELECT ");
	for (size_t c = 0; fn && c < t->ncols; c++) {
		if (c)
			sb_add(&sql, ", ");
		add_read(&sql, t, c);
	}
	if (!fn)
		sb_add(&sql, "1");
	sb_add(&sql, " FROM public.");
	add_name(&sql, t->name);
	sb_add(&sql, " WHERE council_id = " COUNCIL);
	if (fn && !t->one_row) {
		sb_add(&sql, " ORDER BY ");
		for (int k = 0; k < t->nkey; k++) {
			if (k)
				sb_add(&sql, ", ");
			add_name(&sql, t->cols[t->key[k]].name);
			if (t->cols[t->key[k]].kind == SCOL_TEXT)
				sb_add(&sql, " COLLATE \"C\"");
		}
	}
	if (limit)
		sb_addf(&sql, " LIMIT %zu", limit);
	if (!fn)
		sb_add(&sql, ") c");
	enum store_rc rc = connected(st, what);
	/* The first table read in a transaction begun for it: the transaction
	 * then sees every table as it was at one moment, whatever is committed
	 * meanwhile (its first statement; the same level set again later, as
	 * when the rows were counted first, is no change and accepted). */
	if (rc == STORE_OK && table == 0 && PG(st)->tx_depth == 1)
		rc = run(st, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", 0, NULL, what);
	if (rc != STORE_OK) {
		sb_free(&sql);
		return rc;
	}
	/* A row at a time, as the server sends them: a table of any size is
	 * read in the memory of one row. */
	int sent = PQsendQueryParams(PG(st)->conn, sql.s, 0, NULL, NULL, NULL, NULL, 0);
	sb_free(&sql);
	if (!sent)
		return pg_fail(st, NULL, what);
	PQsetSingleRowMode(PG(st)->conn);
	const char *values[32];
	int64_t count = 0;
	PGresult *r;
	while ((r = PQgetResult(PG(st)->conn))) {
		ExecStatusType s = PQresultStatus(r);
		if (s == PGRES_SINGLE_TUPLE && rc == STORE_OK) {
			if (fn) {
				for (size_t c = 0; c < t->ncols && c < ARRAY_SIZE(values); c++)
					values[c] = PQgetisnull(r, 0, (int)c) ? NULL
									      : PQgetvalue(r, 0, (int)c);
				fn(values, ctx);
				count++;
			} else {
				count = pgc_int(r, 0, 0);
			}
		} else if (s != PGRES_SINGLE_TUPLE && s != PGRES_TUPLES_OK && rc == STORE_OK) {
			rc = pg_fail(st, r, what);
		}
		PQclear(r);
	}
	if (rc == STORE_OK && n)
		*n = count;
	return rc;
}

/* Writes n rows of values in one statement. */
static enum store_rc put_rows(struct store *st, const struct store_table *t, size_t n,
			      const char *const *values)
{
	struct strbuf sql;
	sb_init(&sql);
	sb_add(&sql, "INSERT INTO public.");
	add_name(&sql, t->name);
	sb_add(&sql, "(");
	size_t width = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		if (no_column(t, c))
			continue;
		if (width++)
			sb_add(&sql, ", ");
		add_name(&sql, t->cols[c].name);
	}
	sb_add(&sql, ") VALUES ");
	const char **v = xcalloc(n * width + 1, sizeof *v);
	int p = 0;
	for (size_t r = 0; r < n; r++) {
		sb_add(&sql, r ? ", (" : "(");
		size_t w = 0;
		for (size_t c = 0; c < t->ncols; c++) {
			if (no_column(t, c))
				continue;
			v[p++] = (int)c == t->late ? NULL : values[r * t->ncols + c];
			sb_addf(&sql, "%s$%d%s", w++ ? ", " : "", p, cast_of(t->cols[c].kind));
		}
		sb_add(&sql, ")");
	}
	enum store_rc rc = run(st, sql.s, p, v, "copying rows");
	free(v);
	sb_free(&sql);
	return rc;
}

enum store_rc pg_table_put(struct store *st, size_t table, size_t n, const char *const *values)
{
	if (table >= store_table_count)
		return bad_table(st, table);
	if (PG(st)->tx_depth == 0)
		return pg_failf(st, STORE_ERROR, "rows are copied inside a bulk write");
	const struct store_table *t = &store_tables[table];
	size_t per = MAX_PARAMS / t->ncols;
	enum store_rc rc = STORE_OK;
	for (size_t r = 0; r < n && rc == STORE_OK; r += per)
		rc = put_rows(st, t, n - r < per ? n - r : per, values + r * t->ncols);
	return rc;
}

enum store_rc pg_table_link(struct store *st, size_t table, size_t n, const char *const *pairs)
{
	if (table >= store_table_count)
		return bad_table(st, table);
	const struct store_table *t = &store_tables[table];
	if (t->late < 0)
		return n ? pg_failf(st, STORE_INVALID, "%s has no column to link", t->name)
			 : STORE_OK;
	struct strbuf sql;
	sb_init(&sql);
	sb_add(&sql, "UPDATE public.");
	add_name(&sql, t->name);
	sb_add(&sql, " SET ");
	add_name(&sql, t->cols[t->late].name);
	sb_addf(&sql, " = $2%s WHERE council_id = " COUNCIL " AND id = $1::bigint",
		cast_of(t->cols[t->late].kind));
	enum store_rc rc = STORE_OK;
	for (size_t r = 0; r < n && rc == STORE_OK; r++)
		rc = run(st, sql.s, 2, pairs + 2 * r, "linking the rows copied");
	sb_free(&sql);
	return rc;
}

/* Each table's ids go on past the largest written (never back: the ids of
 * a database's councils come from one sequence per table). */
enum store_rc pg_table_put_end(struct store *st)
{
	enum store_rc rc = STORE_OK;
	for (size_t i = 0; i < store_table_count && rc == STORE_OK; i++) {
		const struct store_table *t = &store_tables[i];
		if (t->one_row || strcmp(t->cols[0].name, "id") != 0)
			continue;
		struct strbuf sql;
		sb_init(&sql);
		sb_addf(&sql, "SELECT CASE WHEN m > nextval(s) THEN setval(s, m) END FROM"
			" (SELECT pg_get_serial_sequence('public.%s', 'id') s,"
			" (SELECT max(id) FROM public.\"%s\" WHERE council_id = " COUNCIL ") m) x",
			t->name, t->name);
		rc = run(st, sql.s, 0, NULL, "setting the ids after the rows copied");
		sb_free(&sql);
	}
	return rc;
}

/* Numbers from the table's sequence, the one every council's rows take
 * theirs from (so none is another council's), n in one round trip. */
enum store_rc pg_table_ids(struct store *st, size_t table, size_t n, int64_t *ids)
{
	static const char what[] = "numbering the rows added";
	if (table >= store_table_count)
		return bad_table(st, table);
	const struct store_table *t = &store_tables[table];
	if (t->one_row || strcmp(t->cols[0].name, "id") != 0)
		return pg_failf(st, STORE_INVALID, "%s has no numbers to give", t->name);
	if (n == 0)
		return STORE_OK;
	enum store_rc rc = connected(st, what);
	if (rc != STORE_OK)
		return rc;
	struct strbuf sql;
	sb_init(&sql);
	sb_addf(&sql, "SELECT nextval(pg_get_serial_sequence('public.%s', 'id'))"
		" FROM generate_series(1, %zu) ORDER BY 1", t->name, n);
	PGresult *r = PQexecParams(PG(st)->conn, sql.s, 0, NULL, NULL, NULL, NULL, 0);
	sb_free(&sql);
	if (PQresultStatus(r) != PGRES_TUPLES_OK || (size_t)PQntuples(r) != n)
		rc = pg_fail(st, r, what);
	for (size_t i = 0; rc == STORE_OK && i < n; i++)
		ids[i] = pgc_int(r, (int)i, 0);
	PQclear(r);
	return rc;
}
