/* open_items.c - the items a meeting works through on a PostgreSQL server
 * (as src/store/sqlite/store_open.c): the open actions to review a page at
 * a time, and the parked topics in rank order. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"
#include "page.h"

static const struct pg_page_part open_parts[] = {
	{PGS_OPEN_NODUE_F, PGS_OPEN_NODUE_B, true, -1, 0},
	{PGS_OPEN_DUE_F, PGS_OPEN_DUE_B, true, 7, 0},
};

static void bind_open(struct pg_params *p, const void *ctx)
{
	pp_int(p, *(const store_id *)ctx);
}

enum store_rc pg_open_actions(struct store *st, store_id meeting, const struct store_cursor *cur,
			      size_t limit, struct item **out, size_t *n)
{
	struct pg_page_list l = {
		.parts = open_parts,
		.nparts = 2,
		.bind = bind_open,
		.what = "reading open actions",
	};
	return pg_page_items(st, &l, &meeting, cur, limit, out, n);
}

enum store_rc pg_open_parked(struct store *st, size_t limit, struct item **out, size_t *n)
{
	struct pg_params p = {0};
	pp_int(&p, (int64_t)limit);
	return pg_collect(st, PGS_OPEN_PARKED, &p, (void **)out, n, sizeof **out, pg_read_item,
			  "reading parked topics");
}

static void read_id(const PGresult *r, int row, void *elem)
{
	*(store_id *)elem = pgc_id(r, row, 0);
}

enum store_rc pg_open_parked_ids(struct store *st, size_t limit, store_id **ids, size_t *n)
{
	struct pg_params p = {0};
	if (limit)
		pp_int(&p, (int64_t)limit);
	else
		pp_text(&p, NULL);
	return pg_collect(st, PGS_OPEN_PARKED_IDS, &p, (void **)ids, n, sizeof **ids, read_id,
			  "reading parked topics");
}

enum store_rc pg_open_parked_count(struct store *st, int64_t *n)
{
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_OPEN_PARKED_COUNT, NULL, &r, "counting parked topics");
	*n = rc == STORE_OK ? pgc_int(r, 0, 0) : 0;
	if (rc == STORE_OK)
		PQclear(r);
	return rc;
}

struct rerank {
	const store_id *ids;
	size_t n;
	store_id meeting;
};

static enum store_rc rerank(struct store *st, void *ctx)
{
	const struct rerank *k = ctx;
	if (k->meeting && !pg_hold_mine(st, k->meeting))
		return pg_failf(st, STORE_NOT_HELD, "ranking topics: nothing was saved: this screen "
				"does not hold the meeting");
	enum store_rc rc = STORE_OK;
	for (size_t i = 0; rc == STORE_OK && i < k->n; i++) {
		struct pg_params p = {0};
		pp_int(&p, (int64_t)i + 1);
		pp_id(&p, k->ids[i]);
		rc = pg_update_one(st, PGS_ITEM_SET_RANK, &p, "ranking topics");
	}
	return rc;
}

enum store_rc pg_items_rerank(struct store *st, const store_id *ids, size_t n, store_id meeting)
{
	struct rerank k = {ids, n, meeting};
	return pg_tx_run(st, rerank, &k);
}
