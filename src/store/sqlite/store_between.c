/* store_between.c - what is recorded between meetings and waits for one
 * (store.h, store_waiting_items), and which meeting discussed it. */
#include <stdlib.h>

#include "store_int.h"

static void read_waiting(sqlite3_stmt *s, void *elem)
{
	struct waiting_item *w = elem;
	read_item(s, &w->it);
	w->recorded_by = col_text(s, 22);
	w->discussed = sqlite3_column_int(s, 23) != 0;
	w->since = col_time(s, 24);
}

static void free_waiting(void *arr, size_t n) { waiting_items_free(arr, n); }

enum store_rc sqlite_waiting_items(struct store *st, store_id meeting, size_t limit,
				   struct waiting_item **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_WAITING_ITEMS);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, meeting);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)limit);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_waiting, free_waiting,
			    "reading what was recorded between meetings");
}

enum store_rc sqlite_item_set_discussed(struct store *st, store_id item, store_id meeting,
					time_t at)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_SET_DISCUSSED);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, meeting);
	bind_time(s, 2, at);
	bind_id(s, 3, item);
	return stmt_update_one(st, s, "marking the item discussed");
}
