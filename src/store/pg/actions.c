/* actions.c - the action list between meetings on a PostgreSQL server (as
 * src/store/sqlite/store_actions.c): actions filtered by state, department,
 * owner and due date, in four parts (overdue, closed with no due date, the
 * rest by due date, open with no due date), a keyset page at a time, with
 * the meeting each came from; and the counts for the same filter. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"
#include "page.h"
#include "../action_parts.h"

static void bind_filter(struct pg_params *p, const void *ctx)
{
	const struct action_select *f = ctx;
	pp_text(p, f->status < 0 ? NULL : item_status_name((enum item_status)f->status));
	pp_date(p, f->from);
	pp_date(p, f->before);
	pp_int(p, f->dept_id);
	pp_int(p, f->person_id);
	pp_date(p, f->today);
}

static void read_row(const PGresult *r, int row, void *elem)
{
	struct action_row *a = elem;
	pg_read_item(r, row, &a->it);
	a->meeting_at = pgc_time(r, row, 22);
	a->council = pg_row_council(r, row, 23);
}

static void free_rows(void *arr, size_t n) { action_rows_free(arr, n); }

#define PART(name, key) {PGS_ACTION_##name##_F, PGS_ACTION_##name##_B, true, key, 0}
static const struct pg_page_part parts[] = {
	PART(LATE, 7), PART(NODUE, -1), PART(REST, 7), PART(UNDATED, -1),
};
#undef PART

enum store_rc pg_actions_list(struct store *st, const struct action_select *f,
			      const struct store_cursor *cur, size_t limit,
			      struct action_row **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct pg_page_list l = {
		.parts = parts,
		.nparts = 4,
		.elem_size = sizeof **out,
		.at_off = offsetof(struct action_row, after),
		.bind = bind_filter,
		.read = read_row,
		.free_list = free_rows,
		.what = "reading actions",
		.empty = action_parts_empty(f),
	};
	if (limit == 0)
		return STORE_OK;
	return pg_page_collect(st, &l, f, cur, limit, (void **)out, n);
}

/* Read a page at a time, each continuing from the last. */
struct actions_stream {
	const struct store_ops *ops; /* first, as every handle (backend.h) */
	struct store *st;
	struct action_select f;
	struct store_cursor cur;
	bool done;
};

enum store_rc pg_actions_stream_begin(struct store *st, const struct action_select *f,
				      struct actions_stream **out)
{
	struct actions_stream *as = xcalloc(1, sizeof *as);
	as->ops = st->ops;
	as->st = st;
	as->f = *f;
	*out = as;
	return STORE_OK;
}

enum store_rc pg_actions_stream_next(struct actions_stream *as, size_t limit,
				     struct action_row **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (as->done)
		return STORE_OK;
	enum store_rc rc = pg_actions_list(as->st, &as->f, &as->cur, limit, out, n);
	if (rc == STORE_OK && *n)
		as->cur = (*out)[*n - 1].after;
	if (rc == STORE_OK && *n < limit)
		as->done = true;
	return rc;
}

enum store_rc pg_actions_count(struct store *st, const struct action_select *f, int64_t *total,
			       int64_t *overdue)
{
	*total = *overdue = 0;
	struct pg_params p = {0};
	bind_filter(&p, f);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_ACTION_COUNT, &p, &r, "counting actions");
	if (rc == STORE_OK) {
		*total = pgc_int(r, 0, 0);
		*overdue = pgc_int(r, 0, 1);
		PQclear(r);
	}
	return rc;
}

void pg_actions_stream_end(struct actions_stream *as) { free(as); }
