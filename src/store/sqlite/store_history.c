/* store_history.c - between meetings: the list of past meetings with what each
 * one held (attendance, departments, counts of decisions, actions and wins),
 * and full-text search over every item of every meeting. Both are read a page
 * at a time, newest first, through indexed queries. Nothing here writes. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "cxmeet/util.h"

/* --- history ------------------------------------------------------------ */

static void bind_history_filter(sqlite3_stmt *s, const struct history_filter *f)
{
	bind_time(s, 1, f ? f->since : 0);
	bind_int(s, 2, f ? f->dept_id : 0);
}

/* The n bytes of names, one unit separator between, joined by ", " instead;
 * *count says how many names. */
static char *join_names(const char *names, size_t n, int *count)
{
	size_t seps = 0;
	for (const char *p = names; (p = memchr(p, '\x1f', n - (size_t)(p - names))); p++)
		seps++;
	char *out = xmalloc(n + seps + 1), *o = out;
	const char *p = names, *end = names + n;
	for (const char *q; (q = memchr(p, '\x1f', (size_t)(end - p))); p = q + 1) {
		memcpy(o, p, (size_t)(q - p));
		o += q - p;
		memcpy(o, ", ", 2);
		o += 2;
	}
	memcpy(o, p, (size_t)(end - p));
	o[end - p] = '\0';
	*count = (int)seps + 1;
	return out;
}

static void read_summary(sqlite3_stmt *s, void *elem)
{
	struct meeting_summary *m = elem;
	m->id = col_id(s, 0);
	m->started_at = col_time(s, 1);
	m->ended_at = col_time(s, 2);
	int status = meeting_status_parse((const char *)sqlite3_column_text(s, 3));
	m->status = status < 0 ? MEETING_ABANDONED : (enum meeting_status)status;
	m->rating = sqlite3_column_int(s, 4);
	m->present = sqlite3_column_int(s, 5);
	/* The names of the departments present, one unit separator between
	 * (never in stored text): counted and joined here, which spared a
	 * second read of the attendance per meeting. */
	const char *names = (const char *)sqlite3_column_text(s, 7);
	m->n_depts = 0;
	m->dept_names = NULL;
	m->dept_list = NULL;
	if (names && *names) {
		m->dept_names = join_names(names, strlen(names), &m->n_depts);
		m->dept_list = xstrdup(names);
	}
	m->decisions = sqlite3_column_int(s, 8);
	m->actions = sqlite3_column_int(s, 9);
	m->wins = sqlite3_column_int(s, 10);
}

static void free_summaries(void *arr, size_t n) { meeting_summaries_free(arr, n); }

static const struct page_part history_part = { STMT_HISTORY_F, STMT_HISTORY_B, false, 1, 0 };

static void bind_history_page(sqlite3_stmt *s, const void *ctx) { bind_history_filter(s, ctx); }

enum store_rc sqlite_history_list(struct store *st, const struct history_filter *f,
				  const struct store_cursor *cur, size_t limit,
				  struct meeting_summary **out, size_t *n)
{
	struct page_list l = {
		.parts = &history_part,
		.nparts = 1,
		.elem_size = sizeof **out,
		.at_off = offsetof(struct meeting_summary, after),
		.bind = bind_history_page,
		.read = read_summary,
		.free_list = free_summaries,
		.what = "reading the meeting history",
	};
	return page_collect(st, &l, f, cur, limit, (void **)out, n);
}

enum store_rc sqlite_history_count(struct store *st, const struct history_filter *f,
				   int64_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_HISTORY_COUNT);
	bind_history_filter(s, f);
	enum store_rc rc = stmt_row(st, s, "counting meetings");
	*n = rc == STORE_OK ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return rc;
}

/* --- search ------------------------------------------------------------- */

/* Binds the search's filter; STORE_INVALID when there is nothing to search. */
static enum store_rc bind_search(struct store *st, sqlite3_stmt *s, const struct search_filter *f)
{
	char *q = fts_words(st, f->words, false);
	if (!q)
		return store_failf(st, STORE_INVALID, "%s", FTS_NO_WORD);
	sqlite3_bind_text(s, 1, q, -1, free);
	bind_int(s, 2, f->dept_id);
	bind_text(s, 3, f->kind >= 0 ? item_kind_name((enum item_kind)f->kind) : NULL);
	bind_int(s, 4, f->floor);
	return STORE_OK;
}

static void read_hit(sqlite3_stmt *s, void *elem)
{
	struct search_hit *h = elem;
	read_item(s, &h->it);
	h->meeting_at = col_time(s, 22);
	h->marked = col_text_or_empty(s, 23);
}

static void free_hits(void *arr, size_t n) { search_hits_free(arr, n); }

static const struct page_part search_part = { STMT_SEARCH_F, STMT_SEARCH_B, false, -1, 0 };
static const struct page_part search_plain_part = {
	STMT_SEARCH_PLAIN_F, STMT_SEARCH_PLAIN_B, false, -1, 0 };

/* The search's filter, with its FTS5 query made once for every part. */
struct search_ctx {
	const struct search_filter *f;
	const char *q;
};

static void bind_search_page(sqlite3_stmt *s, const void *ctx)
{
	const struct search_ctx *c = ctx;
	bind_text(s, 1, c->q);
	bind_int(s, 2, c->f->dept_id);
	bind_text(s, 3, c->f->kind >= 0 ? item_kind_name((enum item_kind)c->f->kind) : NULL);
	sqlite3_bind_int64(s, 4, c->f->floor);
}

enum store_rc sqlite_search(struct store *st, const struct search_filter *f,
			    const struct store_cursor *cur, size_t limit, struct search_hit **out,
			    size_t *n)
{
	*out = NULL;
	*n = 0;
	char *q = fts_words(st, f->words, false);
	if (!q)
		return store_failf(st, STORE_INVALID, "%s", FTS_NO_WORD);
	struct search_ctx c = { f, q };
	struct page_list l = {
		.parts = f->plain ? &search_plain_part : &search_part,
		.nparts = 1,
		.elem_size = sizeof **out,
		.at_off = offsetof(struct search_hit, after),
		.bind = bind_search_page,
		.read = read_hit,
		.free_list = free_hits,
		.what = "searching",
	};
	enum store_rc rc = limit ? page_collect(st, &l, &c, cur, limit, (void **)out, n) : STORE_OK;
	free(q);
	return rc;
}

struct search_stream {
	const struct store_ops *ops; /* first, as every handle (backend.h) */
	struct store *st;
	sqlite3_stmt *s;
	char *q;
	bool done;
};

enum store_rc sqlite_search_stream_begin(struct store *st, const struct search_filter *f,
					 size_t limit, struct search_stream **out)
{
	*out = NULL;
	char *q = fts_words(st, f->words, false);
	if (!q)
		return store_failf(st, STORE_INVALID, "%s", FTS_NO_WORD);
	sqlite3_stmt *s = stmt_get(st, STMT_SEARCH_LIST);
	if (!s) {
		free(q);
		return stmt_missing(st);
	}
	struct search_ctx c = { f, q };
	bind_search_page(s, &c);
	sqlite3_bind_int64(s, 12, limit ? (int64_t)limit : -1);
	struct search_stream *ss = xcalloc(1, sizeof *ss);
	*ss = (struct search_stream){ &sqlite_ops, st, s, q, false };
	*out = ss;
	return STORE_OK;
}

static void read_list_hit(sqlite3_stmt *s, struct search_hit *h)
{
	memset(h, 0, sizeof *h);
	h->it.id = col_id(s, 0);
	int kind = item_kind_parse((const char *)sqlite3_column_text(s, 1));
	h->it.kind = kind < 0 ? ITEM_NOTE : (enum item_kind)kind;
	h->it.text = col_text_or_empty(s, 2);
	h->it.dept_id = col_id(s, 3);
	h->it.person_id = col_id(s, 4);
	h->it.meeting_id = col_id(s, 5);
	h->it.created_at = col_time(s, 6);
	h->it.dept_name = col_text(s, 7);
	h->it.person_name = col_text(s, 8);
	h->it.due = h->it.revisit = DATE_NONE;
	h->meeting_at = col_time(s, 9);
	h->after.set = true;
	h->after.id = h->it.id;
}

enum store_rc sqlite_search_stream_next(struct search_stream *ss, size_t limit,
					struct search_hit **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (ss->done || limit == 0)
		return STORE_OK;
	*out = xcalloc(limit, sizeof **out);
	int rc = SQLITE_ROW;
	while (*n < limit && (rc = sqlite3_step(ss->s)) == SQLITE_ROW)
		read_list_hit(ss->s, &(*out)[(*n)++]);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	ss->done = true;
	if (rc == SQLITE_DONE)
		return STORE_OK;
	enum store_rc src = store_fail(ss->st, "searching");
	search_hits_free(*out, *n);
	*out = NULL;
	*n = 0;
	return src;
}

void sqlite_search_stream_end(struct search_stream *ss)
{
	if (!ss)
		return;
	sqlite3_reset(ss->s);
	free(ss->q);
	free(ss);
}

enum store_rc sqlite_search_count(struct store *st, const struct search_filter *f, int64_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_SEARCH_COUNT);
	*n = 0;
	enum store_rc rc = bind_search(st, s, f);
	if (rc != STORE_OK)
		return rc;
	rc = stmt_row(st, s, "counting search results");
	*n = rc == STORE_OK ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return rc;
}

enum store_rc sqlite_search_window(struct store *st, const struct search_filter *f, size_t cap,
				   int64_t *n, store_id *floor)
{
	sqlite3_stmt *s = stmt_get(st, STMT_SEARCH_NEWEST);
	*n = 0;
	*floor = 0;
	enum store_rc rc = bind_search(st, s, f);
	if (rc != STORE_OK)
		return rc;
	sqlite3_bind_int64(s, 5, (sqlite3_int64)cap + 1);
	store_id last = 0;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if ((size_t)*n == cap) { /* one more than the window: older ones remain */
			*floor = last;
			break;
		}
		last = col_id(s, 0);
		(*n)++;
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_fail(st, "counting search results");
	sqlite3_reset(s);
	return rc;
}

