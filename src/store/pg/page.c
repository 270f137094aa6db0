/* page.c - keyset paging on a PostgreSQL server (as
 * src/store/sqlite/store_page.c): a page continues from the sort keys of
 * the row before it (or, going back, after it), never by counting past
 * earlier rows; a list may be made of parts read one after another.
 *
 * A part's statements take, after the filter's parameters (bind), the key
 * (when key_col >= 0: NULL for "from the start"), the id and the limit (NULL:
 * all). A part sorted by id alone is started from the smallest (or
 * largest) id. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"
#include "page.h"

static void set_cursor(const PGresult *r, int row, const struct pg_page_part *p, int part,
		       struct store_cursor *c)
{
	memset(c, 0, sizeof *c);
	c->set = true;
	c->part = part;
	c->id = pgc_id(r, row, p->id_col);
	if (p->key_col >= 0 && !PQgetisnull(r, row, p->key_col))
		snprintf(c->key, sizeof c->key, "%s", PQgetvalue(r, row, p->key_col));
}

/* Appends the rows of one part to *out (capacity *cap). */
static enum store_rc read_part(struct store *st, const struct pg_page_list *l, const void *ctx,
			       int part, bool backward, const struct store_cursor *cur,
			       size_t limit, void **out, size_t *n, size_t *cap)
{
	const struct pg_page_part *p = &l->parts[part];
	struct pg_params q = {0};
	if (l->bind)
		l->bind(&q, ctx);
	bool up = p->asc != backward;
	if (p->key_col >= 0)
		pp_text(&q, cur ? cur->key : NULL);
	pp_int(&q, cur ? cur->id : up ? INT64_MIN : INT64_MAX);
	if (limit)
		pp_int(&q, (int64_t)(limit - *n));
	else
		pp_text(&q, NULL);
	PGresult *r;
	enum store_rc rc = pg_run(st, backward ? p->bwd : p->fwd, &q, &r, l->what);
	if (rc != STORE_OK)
		return rc;
	int rows = PQntuples(r);
	if (*n + (size_t)rows > *cap) {
		*cap = *n + (size_t)rows;
		*out = xrealloc(*out, *cap * l->elem_size);
	}
	for (int i = 0; i < rows; i++) {
		char *elem = (char *)*out + *n * l->elem_size;
		memset(elem, 0, l->elem_size);
		l->read(r, i, elem);
		set_cursor(r, i, p, part, (struct store_cursor *)(elem + l->at_off));
		(*n)++;
	}
	PQclear(r);
	return STORE_OK;
}

enum store_rc pg_page_collect(struct store *st, const struct pg_page_list *l, const void *ctx,
			      const struct store_cursor *cur, size_t limit, void **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	bool back = cur && cur->backward;
	const struct store_cursor *key = cur && cur->set ? cur : NULL;
	int part = key ? key->part : back ? l->nparts - 1 : 0;
	if (part < 0 || part >= l->nparts)
		return pg_failf(st, STORE_INVALID, "a page of %s from an unknown place", l->what);
	enum store_rc rc = STORE_OK;
	for (; rc == STORE_OK && part >= 0 && part < l->nparts && (!limit || *n < limit);
	     part += back ? -1 : 1, key = NULL)
		if (!(l->empty & 1u << part))
			rc = read_part(st, l, ctx, part, back, key, limit, out, n, &cap);
	if (rc != STORE_OK) {
		l->free_list(*out, *n);
		*out = NULL;
		*n = 0;
		return rc;
	}
	if (back && *n > 1) { /* read in reverse: turned round into the list's order */
		char *a = *out, *tmp = xmalloc(l->elem_size);
		for (size_t i = 0, j = *n - 1; i < j; i++, j--) {
			memcpy(tmp, a + i * l->elem_size, l->elem_size);
			memcpy(a + i * l->elem_size, a + j * l->elem_size, l->elem_size);
			memcpy(a + j * l->elem_size, tmp, l->elem_size);
		}
		free(tmp);
	}
	return STORE_OK;
}

/* --- one pass on a cursor ------------------------------------------------- */

#define CURSOR_NAME "cx_part"

enum store_rc pg_cursor_open(struct store *st, struct pg_part_cursor *c,
			     const struct pg_page_list *l, const void *ctx, int part, size_t limit)
{
	memset(c, 0, sizeof *c);
	const struct pg_page_part *p = &l->parts[part];
	struct pg_params q = {0};
	if (l->bind)
		l->bind(&q, ctx);
	if (p->key_col >= 0)
		pp_text(&q, NULL);
	pp_int(&q, p->asc ? INT64_MIN : INT64_MAX);
	if (limit)
		pp_int(&q, (int64_t)limit);
	else
		pp_text(&q, NULL);
	enum store_rc rc = STORE_OK;
	if (PG(st)->tx_depth == 0) {
		if ((rc = pg_tx_begin(st)) != STORE_OK)
			return rc;
		c->own_tx = true;
	}
	/* Read to the end: planned for the whole result, not its first rows. */
	rc = pg_exec_sql(st, "SET LOCAL cursor_tuple_fraction = 1", l->what);
	const char *wide = PG(st)->all_councils ? pg_wide_sql(p->fwd) : NULL;
	struct strbuf sql;
	sb_init(&sql);
	sb_add(&sql, "DECLARE " CURSOR_NAME " NO SCROLL CURSOR FOR ");
	sb_add(&sql, wide ? wide : pg_statement_sql(p->fwd));
	if (rc == STORE_OK) {
		PGresult *r = PQexecParams(PG(st)->conn, sql.s, q.n, NULL, q.v, NULL, NULL, 0);
		if (PQresultStatus(r) != PGRES_COMMAND_OK)
			rc = pg_fail(st, r, l->what);
		PQclear(r);
	}
	sb_free(&sql);
	if (rc != STORE_OK) {
		if (c->own_tx)
			(void)pg_tx_end(st, rc);
		c->own_tx = false;
		return rc;
	}
	c->open = true;
	c->part = part;
	return STORE_OK;
}

enum store_rc pg_cursor_fetch(struct store *st, struct pg_part_cursor *c,
			      const struct pg_page_list *l, size_t limit, void **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!c->open || limit == 0)
		return STORE_OK;
	char sql[64];
	snprintf(sql, sizeof sql, "FETCH %zu FROM " CURSOR_NAME, limit);
	PGresult *r = PQexec(PG(st)->conn, sql);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		enum store_rc rc = pg_fail(st, r, l->what);
		PQclear(r);
		return rc;
	}
	int rows = PQntuples(r);
	if (rows > 0) {
		*out = xcalloc((size_t)rows, l->elem_size);
		for (int i = 0; i < rows; i++) {
			char *elem = (char *)*out + (size_t)i * l->elem_size;
			l->read(r, i, elem);
			set_cursor(r, i, &l->parts[c->part], c->part,
				   (struct store_cursor *)(elem + l->at_off));
		}
	}
	*n = (size_t)rows;
	PQclear(r);
	return STORE_OK;
}

void pg_cursor_close(struct store *st, struct pg_part_cursor *c)
{
	if (c->open)
		PQclear(PQexec(PG(st)->conn, "CLOSE " CURSOR_NAME));
	if (c->own_tx)
		(void)pg_tx_end(st, STORE_OK);
	memset(c, 0, sizeof *c);
}
