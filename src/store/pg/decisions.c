/* decisions.c - the decision log on a PostgreSQL server (as
 * src/store/sqlite/store_decisions.c): decisions a keyset page at a time,
 * those due for a revisit first, then the rest newest first; their counts;
 * the window of the newest matching the words typed; the items linked to
 * one, what it superseded, and its revisit date. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"
#include "page.h"
#include "cxmeet/dates.h"

#define NO_WORD "nothing to search for: give a word with letters or digits"

static void read_row(const PGresult *r, int row, void *elem)
{
	struct decision_row *d = elem;
	d->id = pgc_id(r, row, 0);
	d->created_at = pgc_time(r, row, 1);
	d->meeting_id = pgc_id(r, row, 2);
	d->meeting_at = pgc_time(r, row, 3);
	d->dept_id = pgc_id(r, row, 4);
	d->dept_name = pgc_text(r, row, 5);
	d->person_id = pgc_id(r, row, 6);
	d->decider = pgc_text(r, row, 7);
	d->text = pgc_text_or_empty(r, row, 8);
	d->rationale = pgc_text(r, row, 9);
	d->revisit = pgc_date(r, row, 10);
	d->superseded_by = pgc_id(r, row, 11);
	d->superseded_text = pgc_text(r, row, 12);
	d->links = (int)pgc_int(r, row, 13);
	d->council = pg_row_council(r, row, 14);
}

static void free_rows(void *arr, size_t n) { decision_rows_free(arr, n); }

/* The filter's words as a tsquery's text in *q (NULL: no words), or
 * STORE_INVALID for text that is not fit to search with. */
static enum store_rc words_query(struct store *st, const struct decision_filter *f, char **q)
{
	*q = NULL;
	if (!f->words || strspn(f->words, " ") == strlen(f->words))
		return STORE_OK;
	*q = pg_words_query(f->words, true);
	return *q ? STORE_OK : pg_failf(st, STORE_INVALID, "%s", NO_WORD);
}

struct dec_ctx {
	const struct decision_filter *f;
	const char *q;
};

static void bind_filter(struct pg_params *p, const void *ctx)
{
	const struct dec_ctx *c = ctx;
	pp_date(p, c->f->today);
	pp_id(p, c->f->dept_id);
	pp_bool(p, c->f->with_superseded);
	pp_text(p, c->q);
	pp_int(p, c->f->floor);
}

static const struct pg_page_part parts[] = {
	{PGS_DEC_DUE_F, PGS_DEC_DUE_B, true, 10, 0},
	{PGS_DEC_REST_F, PGS_DEC_REST_B, false, -1, 0},
};

enum store_rc pg_decisions_list(struct store *st, const struct decision_filter *f,
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
	struct dec_ctx c = {f, q};
	struct pg_page_list l = {
		.parts = parts,
		.nparts = f->due_only ? 1 : 2,
		.elem_size = sizeof **out,
		.at_off = offsetof(struct decision_row, after),
		.bind = bind_filter,
		.read = read_row,
		.free_list = free_rows,
		.what = "reading the decision log",
	};
	rc = pg_page_collect(st, &l, &c, cur, limit, (void **)out, n);
	free(q);
	return rc;
}

enum store_rc pg_decisions_count(struct store *st, const struct decision_filter *f,
				 int64_t *total, int64_t *due)
{
	*total = *due = 0;
	char *q;
	enum store_rc rc = words_query(st, f, &q);
	if (rc != STORE_OK)
		return rc;
	struct dec_ctx c = {f, q};
	struct pg_params p = {0};
	bind_filter(&p, &c);
	PGresult *r;
	rc = pg_row(st, f->due_only ? PGS_DEC_DUE_COUNT : PGS_DEC_COUNTS, &p, &r,
		    "counting decisions");
	free(q);
	if (rc != STORE_OK)
		return rc;
	*due = pgc_int(r, 0, 0);
	*total = *due + (f->due_only ? 0 : pgc_int(r, 0, 1));
	PQclear(r);
	return STORE_OK;
}

enum store_rc pg_decisions_window(struct store *st, const struct decision_filter *f, size_t cap,
				  store_id *floor, int64_t *reach, int64_t *total, int64_t *due)
{
	*floor = 0;
	*reach = 0;
	if (total)
		*total = 0;
	if (due)
		*due = 0;
	char *q;
	enum store_rc rc = words_query(st, f, &q);
	if (rc != STORE_OK || !q)
		return rc;
	struct dec_ctx c = {f, q};
	struct pg_params p = {0};
	bind_filter(&p, &c);
	pp_int(&p, (int64_t)cap);
	PGresult *r;
	rc = pg_row(st, PGS_DEC_WINDOW, &p, &r, "finding decisions");
	free(q);
	if (rc != STORE_OK)
		return rc;
	int64_t matches = pgc_int(r, 0, 0), decisions = pgc_int(r, 0, 1);
	if (decisions > (int64_t)cap && cap > 0) { /* older ones remain */
		*floor = pgc_id(r, 0, 2);
		*reach = pgc_int(r, 0, 3);
	} else {
		*reach = matches;
	}
	int64_t n_due = pgc_int(r, 0, 4), n_rest = pgc_int(r, 0, 5);
	PQclear(r);
	if (due)
		*due = n_due;
	if (total)
		*total = n_due + (f->due_only ? 0 : n_rest);
	return STORE_OK;
}

static void read_link(const PGresult *r, int row, void *elem)
{
	struct decision_link *l = elem;
	l->id = pgc_id(r, row, 0);
	int k = item_kind_parse(PQgetvalue(r, row, 1));
	l->kind = k < 0 ? ITEM_NOTE : (enum item_kind)k;
	int s = item_status_parse(PQgetvalue(r, row, 2));
	l->status = s < 0 ? STATUS_OPEN : (enum item_status)s;
	int lk = link_kind_parse(PQgetvalue(r, row, 3));
	l->link = lk < 0 ? LINK_AROSE_FROM : (enum link_kind)lk;
	l->outgoing = pgc_int(r, row, 4) != 0;
	l->text = pgc_text_or_empty(r, row, 5);
}

enum store_rc pg_decision_links(struct store *st, store_id id, struct decision_link **out,
				size_t *n)
{
	struct pg_params p = {0};
	pp_id(&p, id);
	return pg_collect(st, PGS_DEC_LINKS, &p, (void **)out, n, sizeof **out, read_link,
			  "reading the decision's linked items");
}

static void read_ref(const PGresult *r, int row, void *elem)
{
	struct decision_ref *d = elem;
	d->id = pgc_id(r, row, 0);
	d->created_at = pgc_time(r, row, 1);
	d->text = pgc_text_or_empty(r, row, 2);
	d->dept_name = pgc_text(r, row, 3);
}

enum store_rc pg_decision_supersedes(struct store *st, store_id id, struct decision_ref **out,
				     size_t *n)
{
	struct pg_params p = {0};
	pp_id(&p, id);
	return pg_collect(st, PGS_DEC_SUPERSEDES, &p, (void **)out, n, sizeof **out, read_ref,
			  "reading what the decision superseded");
}

enum store_rc pg_decisions_later(struct store *st, store_id id, size_t limit,
				 struct decision_ref **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct item it;
	enum store_rc rc = pg_item_get(st, id, &it);
	if (rc != STORE_OK)
		return rc;
	struct pg_params p = {0};
	pp_id(&p, id);
	pp_time(&p, it.created_at);
	pp_int(&p, (int64_t)limit);
	item_free(&it);
	return pg_collect(st, PGS_DEC_LATER, &p, (void **)out, n, sizeof **out, read_ref,
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

struct revisit {
	store_id id, meeting;
	cx_date revisit;
	time_t at;
	const char *old_date, *new_date;
};

static enum store_rc set_revisit(struct store *st, void *ctx)
{
	const struct revisit *v = ctx;
	struct pg_params p = {0};
	pp_date(&p, v->revisit);
	pp_time(&p, v->at);
	pp_id(&p, v->id);
	enum store_rc rc = pg_update_one(st, PGS_DEC_SET_REVISIT, &p, "saving the revisit date");
	if (rc == STORE_OK)
		rc = pg_event_add(st, v->id, EVENT_EDITED, v->at, v->meeting, v->old_date,
				  v->new_date, "revisit");
	return rc;
}

enum store_rc pg_decision_set_revisit(struct store *st, store_id id, cx_date revisit,
				      store_id meeting, time_t at)
{
	/* Read and checked first, as the SQLite store does. */
	struct item it;
	enum store_rc rc = pg_item_get(st, id, &it);
	if (rc != STORE_OK)
		return rc;
	if (it.kind != ITEM_DECISION || it.deleted_at) {
		item_free(&it);
		return pg_failf(st, STORE_INVALID, "#%lld is not a decision in the log",
				(long long)id);
	}
	char *o = date_or_null(it.revisit), *nw = date_or_null(revisit);
	item_free(&it);
	struct revisit v = {id, meeting, revisit, at, o, nw};
	rc = pg_tx_run(st, set_revisit, &v);
	free(o);
	free(nw);
	return rc;
}
