/* between.c - what is recorded between meetings and waits for one, and
 * which meeting discussed it, on a server (as the file's store_between.c). */
#include <stdlib.h>

#include "pg_int.h"

static void read_waiting(const PGresult *r, int row, void *elem)
{
	struct waiting_item *w = elem;
	pg_read_item(r, row, &w->it);
	w->recorded_by = pgc_text(r, row, 22);
	w->discussed = pgc_bool(r, row, 23);
	w->since = pgc_time(r, row, 24);
}

enum store_rc pg_waiting_items(struct store *st, store_id meeting, size_t limit,
			       struct waiting_item **out, size_t *n)
{
	struct pg_params p = {0};
	pp_id(&p, meeting);
	pp_int(&p, (int64_t)limit);
	enum store_rc rc = pg_collect(st, PGS_WAITING_ITEMS, &p, (void **)out, n, sizeof **out,
				      read_waiting, "reading what was recorded between meetings");
	return rc;
}

enum store_rc pg_item_set_discussed(struct store *st, store_id item, store_id meeting, time_t at)
{
	struct pg_params p = {0};
	pp_id(&p, meeting);
	pp_time(&p, at);
	pp_id(&p, item);
	return pg_update_one(st, PGS_ITEM_SET_DISCUSSED, &p, "marking the item discussed");
}
