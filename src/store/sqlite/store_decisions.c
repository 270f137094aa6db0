/* store_decisions.c - the decision log: decisions a page at a time (those due
 * for a revisit first), the items linked to one, what it superseded, and the
 * revisit date the log changes. The due ones and the
 * rest are two indexed queries stitched together at the boundary, so no page
 * ever sorts the whole history. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "cxmeet/util.h"

static void read_row(sqlite3_stmt *s, void *elem)
{
	struct decision_row *r = elem;
	r->id = col_id(s, 0);
	r->created_at = col_time(s, 1);
	r->meeting_id = col_id(s, 2);
	r->meeting_at = col_time(s, 3);
	r->dept_id = col_id(s, 4);
	r->dept_name = col_text(s, 5);
	r->person_id = col_id(s, 6);
	r->decider = col_text(s, 7);
	r->text = col_text_or_empty(s, 8);
	r->rationale = col_text(s, 9);
	r->revisit = col_date(s, 10);
	r->superseded_by = col_id(s, 11);
	r->superseded_text = col_text(s, 12);
	r->links = sqlite3_column_int(s, 13);
}

static void free_rows(void *arr, size_t n) { decision_rows_free(arr, n); }

/* The filter's words as an FTS5 query in *q (NULL: no words), or
 * STORE_INVALID for text that is not fit to search with. */
static enum store_rc words_query(struct store *st, const struct decision_filter *f, char **q)
{
	*q = NULL;
	if (!f->words || strspn(f->words, " ") == strlen(f->words))
		return STORE_OK;
	*q = fts_words(st, f->words, true);
	return *q ? STORE_OK : store_failf(st, STORE_INVALID, "%s", FTS_NO_WORD);
}

static enum store_rc count_due(struct store *st, const struct decision_filter *f, int64_t *due)
{
	sqlite3_stmt *s = stmt_get(st, STMT_DEC_DUE_TALLY);
	bind_date(s, 1, f->today);
	bind_id(s, 2, f->dept_id);
	enum store_rc rc = stmt_row(st, s, "counting decisions due for a revisit");
	*due = rc == STORE_OK ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return rc;
}

/* The filter, with its words as an FTS5 query (NULL: none). */
struct dec_ctx {
	const struct decision_filter *f;
	const char *q;
};

static void bind_page(sqlite3_stmt *s, const void *ctx)
{
	const struct dec_ctx *c = ctx;
	bind_date(s, 1, c->f->today);
	bind_id(s, 2, c->f->dept_id);
	bind_int(s, 3, c->f->with_superseded);
	bind_text(s, 9, c->q);
	bind_int(s, 13, c->f->floor);
	bind_int(s, 14, c->f->reach > 0 ? c->f->reach : -1);
}

static const struct page_part dec_parts[] = {
	{ STMT_DEC_DUE_F, STMT_DEC_DUE_B, true, 10, 0 },
	{ STMT_DEC_REST_F, STMT_DEC_REST_B, false, -1, 0 },
};
/* With words and a window (the filter's reach): read from its matches. */
static const struct page_part dec_words_parts[] = {
	{ STMT_DEC_W_DUE_F, STMT_DEC_W_DUE_B, true, 10, 0 },
	{ STMT_DEC_W_REST_F, STMT_DEC_W_REST_B, false, -1, 0 },
};
static const struct page_part dec_dept_parts[] = {
	{ STMT_DEC_DUE_DEPT_F, STMT_DEC_DUE_DEPT_B, true, 10, 0 },
	{ STMT_DEC_REST_DEPT_F, STMT_DEC_REST_DEPT_B, false, -1, 0 },
};

enum store_rc sqlite_decisions_list(struct store *st, const struct decision_filter *f,
				    const struct store_cursor *cur, size_t limit,
				    struct decision_row **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	char *q;
	enum store_rc rc = words_query(st, f, &q);
	if (rc != STORE_OK || limit == 0) {
		free(q);
		return rc;
	}
	struct dec_ctx c = { f, q };
	struct page_list l = {
		.parts = q && f->reach > 0 ? dec_words_parts : f->dept_id ? dec_dept_parts : dec_parts,
		.nparts = f->due_only ? 1 : 2,
		.elem_size = sizeof **out,
		.at_off = offsetof(struct decision_row, after),
		.bind = bind_page,
		.read = read_row,
		.free_list = free_rows,
		.what = "reading the decision log",
	};
	rc = page_collect(st, &l, &c, cur, limit, (void **)out, n);
	free(q);
	return rc;
}

enum store_rc sqlite_decisions_count(struct store *st, const struct decision_filter *f,
				     int64_t *total, int64_t *due)
{
	*total = *due = 0;
	char *q;
	enum store_rc rc = words_query(st, f, &q);
	if (rc != STORE_OK)
		return rc;
	struct dec_ctx c = { f, q };
	sqlite3_stmt *s;
	if (q) { /* the due ones and the rest among the matches, in one pass */
		s = stmt_get(st, STMT_DEC_WORDS_COUNTS);
		bind_page(s, &c);
		rc = stmt_row(st, s, "counting decisions");
		if (rc == STORE_OK) {
			*due = sqlite3_column_int64(s, 0);
			*total = *due + (f->due_only ? 0 : sqlite3_column_int64(s, 1));
		}
		sqlite3_reset(s);
		free(q);
		return rc;
	}
	rc = count_due(st, f, due);
	if (rc != STORE_OK || f->due_only) {
		*total = *due;
		return rc;
	}
	/* Without words, the due ones and the rest make every decision of the
	 * department (superseded ones when asked): kept summed, read at once. */
	s = stmt_get(st, STMT_DEC_TOTAL);
	bind_page(s, &c);
	rc = stmt_row(st, s, "counting decisions");
	if (rc == STORE_OK)
		*total = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc;
}

enum store_rc sqlite_decisions_window(struct store *st, const struct decision_filter *f,
				      size_t cap, store_id *floor, int64_t *reach, int64_t *total,
				      int64_t *due)
{
	*floor = 0;
	*reach = 0;
	int64_t n_due = 0, n_rest = 0;
	char *q;
	enum store_rc rc = words_query(st, f, &q);
	if (rc != STORE_OK || !q) {
		if (total)
			*total = 0;
		if (due)
			*due = 0;
		return rc;
	}
	sqlite3_stmt *s = stmt_get(st, STMT_DEC_WORDS_NEWEST);
	bind_date(s, 1, f->today);
	bind_id(s, 2, f->dept_id);
	bind_int(s, 3, f->with_superseded);
	sqlite3_bind_text(s, 9, q, -1, free);
	store_id last = 0;
	size_t n = 0;
	int64_t read = 0, at_last = 0;
	int step;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		read++;
		if (!sqlite3_column_int(s, 1))
			continue;
		if (n == cap) { /* one more than the window: older ones remain */
			*floor = last;
			break;
		}
		last = col_id(s, 0);
		at_last = read;
		n++;
		n_due += sqlite3_column_int(s, 2) != 0;
		n_rest += sqlite3_column_int(s, 3) != 0;
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_fail(st, "finding decisions");
	*reach = *floor ? at_last : read;
	sqlite3_reset(s);
	if (rc != STORE_OK)
		n_due = n_rest = 0;
	if (due)
		*due = n_due;
	if (total)
		*total = n_due + (f->due_only ? 0 : n_rest);
	return rc;
}

static void read_link(sqlite3_stmt *s, void *elem)
{
	struct decision_link *l = elem;
	l->id = col_id(s, 0);
	int k = item_kind_parse((const char *)sqlite3_column_text(s, 1));
	l->kind = k < 0 ? ITEM_NOTE : (enum item_kind)k;
	int st = item_status_parse((const char *)sqlite3_column_text(s, 2));
	l->status = st < 0 ? STATUS_OPEN : (enum item_status)st;
	int lk = link_kind_parse((const char *)sqlite3_column_text(s, 3));
	l->link = lk < 0 ? LINK_AROSE_FROM : (enum link_kind)lk;
	l->outgoing = sqlite3_column_int(s, 4) != 0;
	l->text = col_text_or_empty(s, 5);
}

static void free_links(void *arr, size_t n) { decision_links_free(arr, n); }

enum store_rc sqlite_decision_links(struct store *st, store_id id, struct decision_link **out,
				    size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_DEC_LINKS);
	bind_id(s, 1, id);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_link, free_links,
			    "reading the decision's linked items");
}

static void read_ref(sqlite3_stmt *s, void *elem)
{
	struct decision_ref *r = elem;
	r->id = col_id(s, 0);
	r->created_at = col_time(s, 1);
	r->text = col_text_or_empty(s, 2);
	r->dept_name = col_text(s, 3);
}

static void free_refs(void *arr, size_t n) { decision_refs_free(arr, n); }

enum store_rc sqlite_decision_supersedes(struct store *st, store_id id,
					 struct decision_ref **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_DEC_SUPERSEDES);
	bind_id(s, 1, id);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_ref, free_refs,
			    "reading what the decision superseded");
}

enum store_rc sqlite_decisions_later(struct store *st, store_id id, size_t limit,
				     struct decision_ref **out, size_t *n)
{
	struct item it;
	*out = NULL;
	*n = 0;
	enum store_rc rc = sqlite_item_get(st, id, &it);
	if (rc != STORE_OK)
		return rc;
	sqlite3_stmt *s = stmt_get(st, STMT_DEC_LATER);
	bind_id(s, 1, id);
	bind_time(s, 2, it.created_at);
	bind_int(s, 3, (int64_t)limit);
	item_free(&it);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_ref, free_refs,
			    "reading later decisions");
}

static char *date_or_null(cx_date d)
{
	char buf[16];
	if (d == DATE_NONE)
		return NULL;
	date_format(d, buf, sizeof buf);
	return xstrdup(buf);
}

enum store_rc sqlite_decision_set_revisit(struct store *st, store_id id, cx_date revisit,
					  store_id meeting, time_t at)
{
	struct item it;
	enum store_rc rc = sqlite_item_get(st, id, &it);
	if (rc != STORE_OK)
		return rc;
	if (it.kind != ITEM_DECISION || it.deleted_at) {
		item_free(&it);
		return store_failf(st, STORE_INVALID, "#%lld is not a decision in the log",
				   (long long)id);
	}
	char *o = date_or_null(it.revisit), *nw = date_or_null(revisit);
	item_free(&it);
	rc = tx_begin(st);
	if (rc == STORE_OK) {
		sqlite3_stmt *s = stmt_get(st, STMT_DEC_SET_REVISIT);
		bind_date(s, 1, revisit);
		bind_time(s, 2, at);
		bind_id(s, 3, id);
		rc = stmt_update_one(st, s, "saving the revisit date");
		if (rc == STORE_OK)
			rc = event_add(st, id, EVENT_EDITED, at, meeting, o, nw, "revisit");
		rc = tx_end(st, rc);
	}
	free(o);
	free(nw);
	return rc;
}

enum store_rc sqlite_read_once(struct store *st)
{
	return stmt_exec(st, stmt_get(st, STMT_CACHE_SMALL), "setting the page cache");
}

