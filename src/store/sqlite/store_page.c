/* store_page.c - keyset paging: a page of a long list continues from the
 * sort keys of the row before it (or, going back, after it), so each page
 * is read on an index from where the last one stopped, never by counting
 * past every earlier row. A list may be made of parts read one after the
 * other (the decision log: the ones due for a revisit, then the rest). */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "cxmeet/util.h"

/* Binds the key: cur's, or (cur NULL) one before every row in the direction
 * read. A text key sorts after NULL and numbers, and '' before any other
 * text; a blob sorts after any text. */
static void bind_key(sqlite3_stmt *s, const struct page_part *p, bool up,
		     const struct store_cursor *cur)
{
	if (cur) {
		if (p->key_col >= 0)
			sqlite3_bind_text(s, 10, cur->key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 11, cur->id);
	} else if (up) {
		if (p->key_col >= 0)
			sqlite3_bind_text(s, 10, "", 0, SQLITE_STATIC);
		sqlite3_bind_int64(s, 11, INT64_MIN);
	} else {
		if (p->key_col >= 0)
			sqlite3_bind_blob(s, 10, "\xff", 1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 11, INT64_MAX);
	}
}

static void set_cursor(sqlite3_stmt *s, const struct page_part *p, int part,
		       struct store_cursor *c)
{
	memset(c, 0, sizeof *c);
	c->set = true;
	c->part = part;
	c->id = sqlite3_column_int64(s, p->id_col);
	const unsigned char *k = p->key_col >= 0 ? sqlite3_column_text(s, p->key_col) : NULL;
	if (k) { /* a row or more a page: no printf */
		size_t n = strnlen((const char *)k, sizeof c->key - 1);
		memcpy(c->key, k, n);
		c->key[n] = '\0';
	}
}

/* Appends the rows of one part to *out (capacity *cap). */
static enum store_rc read_part(struct store *st, const struct page_list *l, const void *ctx,
			       int part, bool backward, const struct store_cursor *cur,
			       size_t limit, void **out, size_t *n, size_t *cap)
{
	const struct page_part *p = &l->parts[part];
	sqlite3_stmt *s = stmt_get(st, backward ? p->bwd : p->fwd);
	if (!s)
		return stmt_missing(st);
	l->bind(s, ctx);
	bind_key(s, p, p->asc != backward, cur);
	sqlite3_bind_int64(s, 12, limit ? (int64_t)(limit - *n) : -1);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			*out = xrealloc(*out, *cap * l->elem_size);
		}
		char *elem = (char *)*out + *n * l->elem_size;
		memset(elem, 0, l->elem_size);
		l->read(s, elem);
		set_cursor(s, p, part, (struct store_cursor *)(elem + l->at_off));
		(*n)++;
	}
	if (rc != SQLITE_DONE) {
		enum store_rc out_rc = store_fail(st, l->what);
		sqlite3_reset(s);
		return out_rc;
	}
	sqlite3_reset(s);
	return STORE_OK;
}

enum store_rc page_collect(struct store *st, const struct page_list *l, const void *ctx,
			   const struct store_cursor *cur, size_t limit, void **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	bool back = cur && cur->backward;
	const struct store_cursor *key = cur && cur->set ? cur : NULL;
	int part = key ? key->part : back ? l->nparts - 1 : 0;
	if (part < 0 || part >= l->nparts)
		return store_failf(st, STORE_INVALID, "a page of %s from an unknown place", l->what);
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

struct page_stream {
	struct store *st;
	struct page_list l;
	const void *ctx;
	int part;        /* the part being read */
	sqlite3_stmt *s; /* its statement, part-way through; NULL: not started */
};

struct page_stream *page_stream_begin(struct store *st, const struct page_list *list,
				      const void *ctx)
{
	struct page_stream *ps = xcalloc(1, sizeof *ps);
	*ps = (struct page_stream){ st, *list, ctx, 0, NULL };
	return ps;
}

enum store_rc page_stream_next(struct page_stream *ps, size_t limit, void **out, size_t *n)
{
	size_t cap = limit <= 4096 ? limit : 64; /* a page: allocated once */
	*out = cap ? xmalloc(cap * ps->l.elem_size) : NULL;
	*n = 0;
	while (*n < limit && ps->part < ps->l.nparts) {
		const struct page_part *p = &ps->l.parts[ps->part];
		if (ps->l.empty & 1u << ps->part) {
			ps->part++;
			continue;
		}
		if (!ps->s) {
			if (!(ps->s = stmt_get(ps->st, p->fwd))) {
				ps->l.free_list(*out, *n);
				*out = NULL;
				*n = 0;
				return stmt_missing(ps->st);
			}
			ps->l.bind(ps->s, ps->ctx);
		}
		int rc = SQLITE_ROW;
		while (*n < limit && (rc = sqlite3_step(ps->s)) == SQLITE_ROW) {
			if (*n == cap) {
				cap = cap ? cap * 2 : 64;
				*out = xrealloc(*out, cap * ps->l.elem_size);
			}
			char *elem = (char *)*out + *n * ps->l.elem_size;
			memset(elem, 0, ps->l.elem_size);
			ps->l.read(ps->s, elem);
			set_cursor(ps->s, p, ps->part, (struct store_cursor *)(elem + ps->l.at_off));
			(*n)++;
		}
		if (rc == SQLITE_ROW)
			break; /* a full page: the statement goes on at the next call */
		if (rc != SQLITE_DONE) {
			enum store_rc out_rc = store_fail(ps->st, ps->l.what);
			sqlite3_reset(ps->s);
			ps->s = NULL;
			ps->part = ps->l.nparts;
			ps->l.free_list(*out, *n);
			*out = NULL;
			*n = 0;
			return out_rc;
		}
		sqlite3_reset(ps->s);
		ps->s = NULL;
		ps->part++;
	}
	return STORE_OK;
}

void page_stream_end(struct page_stream *ps)
{
	if (!ps)
		return;
	if (ps->s)
		sqlite3_reset(ps->s);
	free(ps);
}
