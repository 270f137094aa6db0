/* search.c - full-text search and the history of meetings on a PostgreSQL
 * server (as src/store/sqlite/store_history.c and store_fts.c): the words
 * typed become a tsquery of the same meaning as the SQLite file's FTS5
 * query (each word quoted, every one required, the last as a prefix), run
 * on items.search (a generated tsvector with a GIN index). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"
#include "page.h"

#define NO_WORD "nothing to search for: give a word with letters or digits"

char *pg_words_query(const char *in, bool every_prefix)
{
	/* The words as core's search_words gives them: one space apart. */
	const char *p = in ? in : "";
	struct strbuf q;
	sb_init(&q);
	int words = 0;
	while (*p && words < SEARCH_MAX_WORDS) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		const char *start = p;
		while (*p && *p != ' ')
			p++;
		if (memchr(start, '"', (size_t)(p - start))) {
			sb_free(&q);
			return NULL; /* not words as search_words makes them */
		}
		bool last = true;
		for (const char *r = p; *r; r++)
			if (*r != ' ')
				last = false;
		if (words++)
			sb_add(&q, " & ");
		sb_add(&q, "'");
		for (const char *c = start; c < p; c++) {
			if (*c == '\'' || *c == '\\')
				sb_addf(&q, "%c", *c);
			sb_addf(&q, "%c", *c);
		}
		sb_add(&q, every_prefix || last ? "':*" : "'");
	}
	if (!words) {
		sb_free(&q);
		return NULL;
	}
	return sb_take(&q);
}

/* --- search ------------------------------------------------------------- */

struct search_ctx {
	const struct search_filter *f;
	const char *q;
};

static void bind_search(struct pg_params *p, const void *ctx)
{
	const struct search_ctx *c = ctx;
	pp_text(p, c->q);
	pp_int(p, c->f->dept_id);
	pp_text(p, c->f->kind >= 0 ? item_kind_name((enum item_kind)c->f->kind) : NULL);
	pp_int(p, c->f->floor);
}

static void read_hit(const PGresult *r, int row, void *elem)
{
	struct search_hit *h = elem;
	pg_read_item(r, row, &h->it);
	h->meeting_at = pgc_time(r, row, 22);
	h->marked = pgc_text_or_empty(r, row, 23);
	h->council = pg_row_council(r, row, 24);
}

/* A row of SEARCH_LIST: what a list of matches shows, the rest left empty. */
static void read_list_hit(const PGresult *r, int row, void *elem)
{
	struct search_hit *h = elem;
	struct item *it = &h->it;
	it->id = pgc_id(r, row, 0);
	int kind = item_kind_parse(PQgetvalue(r, row, 1));
	it->kind = kind < 0 ? ITEM_NOTE : (enum item_kind)kind;
	it->text = pgc_text_or_empty(r, row, 2);
	it->dept_id = pgc_id(r, row, 3);
	it->person_id = pgc_id(r, row, 4);
	it->meeting_id = pgc_id(r, row, 5);
	it->created_at = pgc_time(r, row, 6);
	it->dept_name = pgc_text(r, row, 7);
	it->person_name = pgc_text(r, row, 8);
	it->due = it->revisit = DATE_NONE;
	h->meeting_at = pgc_time(r, row, 9);
	h->council = pg_row_council(r, row, 10);
}

static void free_hits(void *arr, size_t n) { search_hits_free(arr, n); }

static const struct pg_page_part search_part = {PGS_SEARCH_F, PGS_SEARCH_B, false, -1, 0};
static const struct pg_page_part search_plain_part = {PGS_SEARCH_PLAIN_F, PGS_SEARCH_PLAIN_B,
						      false, -1, 0};
/* read forward only, on a cursor (the stream) */
static const struct pg_page_part search_list_part = {PGS_SEARCH_LIST, PGS_SEARCH_LIST, false,
						     -1, 0};

static char *query_of(struct store *st, const struct search_filter *f)
{
	char *q = pg_words_query(f->words, false);
	if (!q)
		pg_failf(st, STORE_INVALID, "%s", NO_WORD);
	return q;
}

enum store_rc pg_search(struct store *st, const struct search_filter *f,
			const struct store_cursor *cur, size_t limit, struct search_hit **out,
			size_t *n)
{
	*out = NULL;
	*n = 0;
	char *q = query_of(st, f);
	if (!q)
		return STORE_INVALID;
	struct search_ctx c = {f, q};
	struct pg_page_list l = {
		.parts = f->plain ? &search_plain_part : &search_part,
		.nparts = 1,
		.elem_size = sizeof **out,
		.at_off = offsetof(struct search_hit, after),
		.bind = bind_search,
		.read = read_hit,
		.free_list = free_hits,
		.what = "searching",
	};
	enum store_rc rc = limit ? pg_page_collect(st, &l, &c, cur, limit, (void **)out, n)
				 : STORE_OK;
	free(q);
	return rc;
}

/* The matches in one pass on a cursor of the server's (page.c), a page at a
 * time, the marks left out. */
struct search_stream {
	const struct store_ops *ops; /* first, as every handle (backend.h) */
	struct store *st;
	struct search_filter f;
	char *q;
	struct pg_page_list l;
	struct search_ctx c;
	struct pg_part_cursor cur;
	size_t left; /* matches still wanted; SIZE_MAX: all */
	bool started, done;
};

enum store_rc pg_search_stream_begin(struct store *st, const struct search_filter *f,
				     size_t limit, struct search_stream **out)
{
	*out = NULL;
	char *q = query_of(st, f);
	if (!q)
		return STORE_INVALID;
	struct search_stream *ss = xcalloc(1, sizeof *ss);
	ss->ops = st->ops;
	ss->st = st;
	ss->f = *f;
	ss->f.plain = true;
	ss->f.words = NULL; /* q holds them */
	ss->q = q;
	ss->c = (struct search_ctx){&ss->f, ss->q};
	ss->l = (struct pg_page_list){
		.parts = &search_list_part,
		.nparts = 1,
		.elem_size = sizeof(struct search_hit),
		.at_off = offsetof(struct search_hit, after),
		.bind = bind_search,
		.read = read_list_hit,
		.free_list = free_hits,
		.what = "searching",
	};
	ss->left = limit ? limit : SIZE_MAX;
	*out = ss;
	return STORE_OK;
}

enum store_rc pg_search_stream_next(struct search_stream *ss, size_t limit,
				    struct search_hit **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (ss->done || limit == 0)
		return STORE_OK;
	enum store_rc rc;
	if (!ss->started) {
		rc = pg_cursor_open(ss->st, &ss->cur, &ss->l, &ss->c, 0,
				    ss->left == SIZE_MAX ? 0 : ss->left);
		if (rc != STORE_OK)
			return rc;
		ss->started = true;
	}
	size_t want = limit < ss->left ? limit : ss->left;
	rc = pg_cursor_fetch(ss->st, &ss->cur, &ss->l, want, (void **)out, n);
	if (rc != STORE_OK)
		return rc;
	ss->left -= *n;
	if (*n < want || ss->left == 0) {
		ss->done = true;
		pg_cursor_close(ss->st, &ss->cur);
	}
	return STORE_OK;
}

void pg_search_stream_end(struct search_stream *ss)
{
	if (!ss)
		return;
	pg_cursor_close(ss->st, &ss->cur);
	free(ss->q);
	free(ss);
}

enum store_rc pg_search_count(struct store *st, const struct search_filter *f, int64_t *n)
{
	*n = 0;
	char *q = query_of(st, f);
	if (!q)
		return STORE_INVALID;
	struct search_ctx c = {f, q};
	struct pg_params p = {0};
	bind_search(&p, &c);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_SEARCH_COUNT, &p, &r, "counting search results");
	if (rc == STORE_OK) {
		*n = pgc_int(r, 0, 0);
		PQclear(r);
	}
	free(q);
	return rc;
}

enum store_rc pg_search_window(struct store *st, const struct search_filter *f, size_t cap,
			       int64_t *n, store_id *floor)
{
	*n = 0;
	*floor = 0;
	char *q = query_of(st, f);
	if (!q)
		return STORE_INVALID;
	struct search_ctx c = {f, q};
	struct pg_params p = {0};
	bind_search(&p, &c);
	pp_int(&p, (int64_t)cap + 1);
	PGresult *r;
	enum store_rc rc = pg_run(st, PGS_SEARCH_NEWEST, &p, &r, "counting search results");
	free(q);
	if (rc != STORE_OK)
		return rc;
	int rows = PQntuples(r);
	if ((size_t)rows > cap) { /* one more than the window: older ones remain */
		*n = (int64_t)cap;
		*floor = cap ? pgc_id(r, (int)cap - 1, 0) : 0;
	} else {
		*n = rows;
	}
	PQclear(r);
	return STORE_OK;
}

enum store_rc pg_item_search(struct store *st, const char *query, size_t limit,
			     struct item **out, size_t *n)
{
	char *q = pg_words_query(query, true);
	if (!q)
		return pg_failf(st, STORE_INVALID, "%s", NO_WORD);
	struct pg_params p = {0};
	pp_text(&p, q);
	pp_int(&p, (int64_t)limit);
	enum store_rc rc = pg_collect(st, PGS_ITEM_SEARCH, &p, (void **)out, n, sizeof **out,
				      pg_read_item, "searching");
	free(q);
	return rc;
}

/* --- history ------------------------------------------------------------ */

static void bind_history(struct pg_params *p, const void *ctx)
{
	const struct history_filter *f = ctx;
	pp_time(p, f ? f->since : 0);
	pp_int(p, f ? f->dept_id : 0);
}

/* The names of the departments present, one unit separator between: joined
 * by ", ", and counted. */
static void read_summary(const PGresult *r, int row, void *elem)
{
	struct meeting_summary *m = elem;
	m->id = pgc_id(r, row, 0);
	m->started_at = pgc_time(r, row, 1);
	m->ended_at = pgc_time(r, row, 2);
	int status = meeting_status_parse(PQgetvalue(r, row, 3));
	m->status = status < 0 ? MEETING_ABANDONED : (enum meeting_status)status;
	m->rating = (int)pgc_int(r, row, 4);
	m->present = (int)pgc_int(r, row, 5);
	const char *names = PQgetvalue(r, row, 7);
	m->n_depts = 0;
	m->dept_names = NULL;
	m->dept_list = NULL;
	if (!PQgetisnull(r, row, 7) && *names) {
		m->dept_list = xstrdup(names);
		struct strbuf sb;
		sb_init(&sb);
		m->n_depts = 1;
		for (const char *c = names; *c; c++) {
			if (*c == '\x1f') {
				sb_add(&sb, ", ");
				m->n_depts++;
			} else {
				sb_addf(&sb, "%c", *c);
			}
		}
		m->dept_names = sb_take(&sb);
	}
	m->decisions = (int)pgc_int(r, row, 8);
	m->actions = (int)pgc_int(r, row, 9);
	m->wins = (int)pgc_int(r, row, 10);
}

static void free_summaries(void *arr, size_t n) { meeting_summaries_free(arr, n); }

static const struct pg_page_part history_part = {PGS_HISTORY_F, PGS_HISTORY_B, false, 1, 0};

enum store_rc pg_history_list(struct store *st, const struct history_filter *f,
			      const struct store_cursor *cur, size_t limit,
			      struct meeting_summary **out, size_t *n)
{
	struct pg_page_list l = {
		.parts = &history_part,
		.nparts = 1,
		.elem_size = sizeof **out,
		.at_off = offsetof(struct meeting_summary, after),
		.bind = bind_history,
		.read = read_summary,
		.free_list = free_summaries,
		.what = "reading the history",
	};
	return pg_page_collect(st, &l, f, cur, limit, (void **)out, n);
}

enum store_rc pg_history_count(struct store *st, const struct history_filter *f, int64_t *n)
{
	struct pg_params p = {0};
	bind_history(&p, f);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_HISTORY_COUNT, &p, &r, "counting meetings");
	*n = rc == STORE_OK ? pgc_int(r, 0, 0) : 0;
	if (rc == STORE_OK)
		PQclear(r);
	return rc;
}
