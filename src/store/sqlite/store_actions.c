/* store_actions.c - the action list between meetings: actions filtered by
 * state, department, owner and due date, a page at a time, with the meeting
 * each came from; and the counts for the same filter. The page's ids are
 * chosen on the items_kind_status_due index, so a page costs the same on
 * ten years of history as on ten days. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "../action_parts.h"
#include "cxmeet/util.h"

/* The status selected as stored ("open"), NULL for any. */
static const char *status_of(const struct action_select *f)
{
	return f->status < 0 ? NULL : item_status_name((enum item_status)f->status);
}

/* Binds the selection's parameters (?1 and ?4 to ?8) to s. */
static void bind_filter(sqlite3_stmt *s, const struct action_select *f)
{
	bind_text(s, 1, status_of(f));
	bind_date(s, 4, f->from);
	bind_date(s, 5, f->before);
	bind_int(s, 6, f->dept_id);
	bind_int(s, 7, f->person_id);
	bind_date(s, 8, f->today);
}

static void read_row(sqlite3_stmt *s, void *elem)
{
	struct action_row *r = elem;
	read_item(s, &r->it);
	r->meeting_at = col_time(s, 22);
}

static void free_rows(void *arr, size_t n) { action_rows_free(arr, n); }

#define PART(name, key) { STMT_ACTION_##name##_F, STMT_ACTION_##name##_B, true, key, 0 }
static const struct page_part parts[] = {
	PART(LATE, 7), PART(NODUE, -1), PART(REST, 7), PART(UNDATED, -1)
};
#undef PART

static void bind_page(sqlite3_stmt *s, const void *ctx) { bind_filter(s, ctx); }

enum store_rc sqlite_actions_list(struct store *st, const struct action_select *f,
				  const struct store_cursor *cur, size_t limit,
				  struct action_row **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct page_list l = {
		.parts = parts,
		.nparts = 4,
		.elem_size = sizeof **out,
		.at_off = offsetof(struct action_row, after),
		.bind = bind_page,
		.read = read_row,
		.free_list = free_rows,
		.what = "reading actions",
		.empty = action_parts_empty(f),
	};
	if (limit == 0)
		return STORE_OK;
	return page_collect(st, &l, f, cur, limit, (void **)out, n);
}

#define STREAM(name) { STMT_ACTION_LIST_##name, STMT_ACTION_LIST_##name, true, 7, 0 }
static const struct page_part stream_parts[] = {
	STREAM(LATE), STREAM(NODUE), STREAM(REST), STREAM(UNDATED)
};
#undef STREAM
static const struct page_part owner_due_part = {
	STMT_ACTION_OWNER_DUE, STMT_ACTION_OWNER_DUE, true, 7, 0 };

struct actions_stream {
	const struct store_ops *ops; /* first, as every handle (backend.h) */
	struct store *st;
	struct action_select f;
	struct page_stream *ps;  /* every owner's actions */
	struct store_cursor cur; /* or one owner's: after the last page */
};

enum store_rc sqlite_actions_stream_begin(struct store *st, const struct action_select *f,
					  struct actions_stream **out)
{
	*out = NULL;
	struct page_list l = {
		.parts = stream_parts,
		.nparts = 4,
		.elem_size = sizeof(struct action_row),
		.at_off = offsetof(struct action_row, after),
		.bind = bind_page,
		.read = read_row,
		.free_list = free_rows,
		.what = "reading actions",
		.empty = action_parts_empty(f),
	};
	/* One owner's open actions with a due date bounded (the digest's):
	 * one statement on the owner's index; any other filter of one owner is
	 * read a page at a time. */
	bool owner_due = f->person_id && f->before != DATE_NONE && f->status == STATUS_OPEN;
	if (owner_due) {
		l.parts = &owner_due_part;
		l.nparts = 1;
	}
	struct actions_stream *as = xcalloc(1, sizeof *as);
	as->ops = &sqlite_ops;
	as->st = st;
	as->f = *f;
	if (!f->person_id || owner_due)
		as->ps = page_stream_begin(st, &l, &as->f);
	*out = as;
	return STORE_OK;
}

enum store_rc sqlite_actions_stream_next(struct actions_stream *as, size_t limit,
					 struct action_row **out, size_t *n)
{
	if (as->ps)
		return page_stream_next(as->ps, limit, (void **)out, n);
	enum store_rc rc = sqlite_actions_list(as->st, &as->f, &as->cur, limit, out, n);
	if (rc == STORE_OK && *n)
		as->cur = (*out)[*n - 1].after;
	return rc;
}

void sqlite_actions_stream_end(struct actions_stream *as)
{
	if (!as)
		return;
	page_stream_end(as->ps);
	free(as);
}

enum store_rc sqlite_actions_count(struct store *st, const struct action_select *f,
				   int64_t *total, int64_t *overdue)
{
	*total = *overdue = 0;
	/* The kept sums serve every filter but a due date bound on actions that
	 * are not open (the sums keep due dates for open actions only). */
	bool tally = (f->from == DATE_NONE && f->before == DATE_NONE) || f->status == STATUS_OPEN;
	sqlite3_stmt *s = stmt_get(st, tally		 ? STMT_ACTION_COUNT_TALLY
				       : f->status < 0 ? STMT_ACTION_COUNT_ALL
						       : STMT_ACTION_COUNT);
	bind_filter(s, f);
	enum store_rc rc = stmt_row(st, s, "counting actions");
	if (rc == STORE_OK) {
		*total = sqlite3_column_int64(s, 0);
		*overdue = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return rc;
}

