/* store_open.c - the items a meeting works through: those captured in it,
 * the open actions to review a page at a time, and the parked topics in rank
 * order. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "cxmeet/util.h"

enum store_rc sqlite_meeting_items(struct store *st, store_id meeting, store_id step_id,
				   struct item **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MEETING_ITEMS);
	bind_id(s, 1, meeting);
	bind_int(s, 2, step_id);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_item, free_items,
			    "reading the meeting's items");
}

static const struct page_part open_parts[] = {
	{ STMT_OPEN_NODUE_F, STMT_OPEN_NODUE_B, true, -1, 0 },
	{ STMT_OPEN_DUE_F, STMT_OPEN_DUE_B, true, 7, 0 },
};

static void bind_open(sqlite3_stmt *s, const void *ctx)
{
	bind_int(s, 1, *(const store_id *)ctx);
}

/* Open actions are read into plain items: their cursor is kept aside. */
struct open_action {
	struct item it;
	struct store_cursor after;
};

static void read_open(sqlite3_stmt *s, void *elem) { read_item(s, elem); }

static void free_open(void *arr, size_t n)
{
	struct open_action *a = arr;
	for (size_t i = 0; i < n; i++)
		item_free(&a[i].it);
	free(a);
}

enum store_rc sqlite_open_actions(struct store *st, store_id meeting,
				  const struct store_cursor *cur, size_t limit, struct item **out,
				  size_t *n)
{
	struct page_list l = {
		.parts = open_parts,
		.nparts = 2,
		.elem_size = sizeof(struct open_action),
		.at_off = offsetof(struct open_action, after),
		.bind = bind_open,
		.read = read_open,
		.free_list = free_open,
		.what = "reading open actions",
	};
	struct open_action *a;
	*out = NULL;
	*n = 0;
	if (limit == 0)
		return STORE_OK;
	enum store_rc rc = page_collect(st, &l, &meeting, cur, limit, (void **)&a, n);
	if (rc != STORE_OK || *n == 0) {
		free(a);
		return rc;
	}
	*out = xmalloc(*n * sizeof **out);
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = a[i].it;
	free(a);
	return STORE_OK;
}

enum store_rc sqlite_open_parked(struct store *st, size_t limit, struct item **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_OPEN_PARKED);
	bind_int(s, 1, (int64_t)limit);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_item, free_items,
			    "reading parked topics");
}

static void read_id(sqlite3_stmt *s, void *elem) { *(store_id *)elem = col_id(s, 0); }

enum store_rc sqlite_open_parked_ids(struct store *st, size_t limit, store_id **ids, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_OPEN_PARKED_IDS);
	bind_int(s, 1, limit ? (int64_t)limit : -1);
	return stmt_collect(st, s, (void **)ids, n, sizeof **ids, read_id, free_plain,
			    "reading parked topics");
}

enum store_rc sqlite_open_parked_count(struct store *st, int64_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_OPEN_PARKED_COUNT);
	enum store_rc rc = stmt_row(st, s, "counting parked topics");
	*n = rc == STORE_OK ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return rc;
}

enum store_rc sqlite_items_rerank(struct store *st, const store_id *ids, size_t n,
				  store_id meeting)
{
	enum store_rc rc = tx_begin(st);
	/* checked under the transaction's write lock, as the triggers check the rest */
	if (rc == STORE_OK && meeting && !sqlite_hold_mine(st, meeting))
		rc = hold_refused(st, "ranking topics");
	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		sqlite3_stmt *s = stmt_get(st, STMT_ITEM_SET_RANK);
		bind_int(s, 1, (int64_t)i + 1);
		bind_id(s, 2, ids[i]);
		rc = stmt_update_one(st, s, "ranking topics");
	}
	return tx_end(st, rc);
}
