/* page.c - keyset paging on a PostgreSQL server (as
 * src/store/sqlite/store_page.c): a page continues from the sort keys of
 * the row before it (or, going back, after it), never by counting past
 * earlier rows; a list may be made of parts read one after another.
 *
 * A part's statements take, after the filter's parameters (bind), the key
 * (when key_col >= 0: NULL for "from the start"), the id and the limit (NULL:
 * all). A part sorted by id alone is started from the smallest (or
 * largest) id.
 *
 * A report read whole (store_read_once) reads ahead: once a page comes back
 * full, the rest of its part is read on a cursor of the server's, planned
 * once, in a read-only transaction of its own; the next page asked for from
 * the last row given is fetched from it. Anything else asked of the server
 * but a query ends it first (pg_readahead_stop). */
#include <stddef.h>
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

/* Appends the rows of r (of part `part`) to *out (capacity *cap), each
 * with its cursor; returns how many. */
static int append_rows(const PGresult *r, const struct pg_page_list *l, int part, void **out,
		       size_t *n, size_t *cap)
{
	int rows = PQntuples(r);
	if (*n + (size_t)rows > *cap) {
		*cap = *n + (size_t)rows;
		*out = xrealloc(*out, *cap * l->elem_size);
	}
	for (int i = 0; i < rows; i++) {
		char *elem = (char *)*out + *n * l->elem_size;
		memset(elem, 0, l->elem_size);
		l->read(r, i, elem);
		set_cursor(r, i, &l->parts[part], part, (struct store_cursor *)(elem + l->at_off));
		(*n)++;
	}
	return rows;
}

/* --- read-ahead: a list read whole, one plan and one pass per part ------- */

#define READAHEAD_CURSOR "cx_ahead"

/* The filter's parameters as one string (the statement's identity with
 * them): NULL values told apart from empty ones. */
static char *params_key(enum pg_stmt id, const struct pg_params *q)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "%d", (int)id);
	for (int i = 0; i < q->n; i++) {
		sb_add(&sb, q->v[i] ? "\x1f=" : "\x1f" "-");
		if (q->v[i])
			sb_add(&sb, q->v[i]);
	}
	return sb_take(&sb);
}

static bool same_cursor(const struct store_cursor *a, const struct store_cursor *b)
{
	return a->set == b->set && a->backward == b->backward && a->part == b->part &&
	       a->id == b->id && strcmp(a->key, b->key) == 0;
}

void pg_readahead_stop(struct store *st)
{
	struct pg_readahead *ra = &PG(st)->ra;
	if (!ra->open)
		return;
	ra->open = false; /* first: the statements below must not stop it again */
	free(ra->params);
	ra->params = NULL;
	if (PQstatus(PG(st)->conn) == CONNECTION_OK)
		PQclear(PQexec(PG(st)->conn, "COMMIT"));
}

/* Opens the read-ahead on part p from the key of its last row given (the
 * statement's own parameters q, with the key and no limit). */
static void readahead_open(struct store *st, const struct pg_page_part *p,
			   const struct pg_params *filter, const struct store_cursor *at)
{
	if (PG(st)->tx_depth > 0)
		return; /* the caller's transaction: not ended here */
	struct pg_params q = *filter;
	for (int i = 0; i < q.n; i++) /* values kept in q's own slots move with it */
		if (filter->v[i] == filter->buf[i])
			q.v[i] = q.buf[i];
	if (p->key_col >= 0)
		pp_text(&q, at->key);
	pp_int(&q, at->id);
	pp_text(&q, NULL);
	const char *wide = PG(st)->all_councils ? pg_wide_sql(p->fwd) : NULL;
	struct strbuf sql;
	sb_init(&sql);
	sb_add(&sql, "DECLARE " READAHEAD_CURSOR " NO SCROLL CURSOR FOR ");
	sb_add(&sql, wide ? wide : pg_statement_sql(p->fwd));
	PGresult *r = PQexec(PG(st)->conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;"
				       " SET LOCAL cursor_tuple_fraction = 1");
	bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	PQclear(r);
	if (ok) {
		r = PQexecParams(PG(st)->conn, sql.s, q.n, NULL, q.v, NULL, NULL, 0);
		ok = PQresultStatus(r) == PGRES_COMMAND_OK;
		PQclear(r);
		if (!ok)
			PQclear(PQexec(PG(st)->conn, "ROLLBACK"));
	}
	sb_free(&sql);
	if (!ok)
		return; /* the pages go on by their keys */
	struct pg_readahead *ra = &PG(st)->ra;
	ra->open = true;
	ra->stmt = p->fwd;
	ra->params = params_key(p->fwd, filter);
	ra->at = *at;
}

/* The next rows of the read-ahead, appended to *out (capacity *cap). */
static enum store_rc fetch_ahead(struct store *st, const struct pg_page_list *l, int part,
				 size_t limit, void **out, size_t *n, size_t *cap)
{
	size_t want = limit ? limit - *n : SIZE_MAX;
	char sql[64];
	if (limit)
		snprintf(sql, sizeof sql, "FETCH %zu FROM " READAHEAD_CURSOR, want);
	else
		snprintf(sql, sizeof sql, "FETCH ALL FROM " READAHEAD_CURSOR);
	PGresult *r = PQexec(PG(st)->conn, sql);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		enum store_rc rc = pg_fail(st, r, l->what);
		PQclear(r);
		pg_readahead_stop(st);
		return rc;
	}
	int rows = append_rows(r, l, part, out, n, cap);
	PQclear(r);
	if ((size_t)rows < want || !limit) /* the part is read to its end */
		pg_readahead_stop(st);
	else
		PG(st)->ra.at = *(const struct store_cursor *)((char *)*out +
								(*n - 1) * l->elem_size + l->at_off);
	return STORE_OK;
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
	struct pg_readahead *ra = &PG(st)->ra;
	if (ra->open) {
		char *key = params_key(p->fwd, &q);
		bool go_on = !backward && cur && ra->stmt == p->fwd && strcmp(key, ra->params) == 0 &&
			     same_cursor(cur, &ra->at);
		free(key);
		if (go_on)
			return fetch_ahead(st, l, part, limit, out, n, cap);
		pg_readahead_stop(st);
	}
	size_t before = *n;
	struct pg_params filter = q;
	for (int i = 0; i < q.n; i++)
		if (q.v[i] == q.buf[i])
			filter.v[i] = filter.buf[i];
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
	append_rows(r, l, part, out, n, cap);
	PQclear(r);
	/* A full page of a report read whole: the rest of the part follows on
	 * a cursor, planned once. */
	if (PG(st)->read_once && !backward && limit && *n == limit && *n > before)
		readahead_open(st, p, &filter,
			       (const struct store_cursor *)((char *)*out + (*n - 1) * l->elem_size +
							     l->at_off));
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
	size_t cap = 0;
	append_rows(r, l, c->part, out, n, &cap);
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

/* --- items --------------------------------------------------------------- */

/* An item with the cursor after it: lists of plain items keep it aside. */
struct item_row {
	struct item it;
	struct store_cursor after;
};

static void free_item_rows(void *arr, size_t n)
{
	struct item_row *a = arr;
	for (size_t i = 0; i < n; i++)
		item_free(&a[i].it);
	free(a);
}

enum store_rc pg_page_items(struct store *st, const struct pg_page_list *parts, const void *ctx,
			    const struct store_cursor *cur, size_t limit, struct item **out,
			    size_t *n)
{
	*out = NULL;
	*n = 0;
	if (limit == 0)
		return STORE_OK;
	struct pg_page_list l = *parts;
	l.elem_size = sizeof(struct item_row);
	l.at_off = offsetof(struct item_row, after);
	l.read = pg_read_item; /* the item is the row's first member */
	l.free_list = free_item_rows;
	struct item_row *a;
	size_t k;
	enum store_rc rc = pg_page_collect(st, &l, ctx, cur, limit, (void **)&a, &k);
	if (rc != STORE_OK || k == 0) {
		free(a);
		return rc;
	}
	*out = xmalloc(k * sizeof **out);
	for (size_t i = 0; i < k; i++)
		(*out)[i] = a[i].it;
	free(a);
	*n = k;
	return STORE_OK;
}
