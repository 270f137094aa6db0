/* page.h - keyset paging for the PostgreSQL backend (page.c). */
#ifndef CXMEET_PG_PAGE_H
#define CXMEET_PG_PAGE_H

#include "pg_int.h"

/* One part of a paged list: its statements in the list's order (fwd) and
 * reversed (bwd); asc when the list runs up the key; where each row gives
 * its key (key_col, -1: sorted by id alone) and id. */
struct pg_page_part {
	enum pg_stmt fwd, bwd;
	bool asc;
	int key_col, id_col;
};

struct pg_page_list {
	const struct pg_page_part *parts;
	int nparts;
	size_t elem_size, at_off; /* the row's size, and where its cursor lies */
	void (*bind)(struct pg_params *p, const void *ctx); /* the filter's parameters */
	void (*read)(const PGresult *r, int row, void *elem);
	void (*free_list)(void *arr, size_t n);
	const char *what;
	unsigned empty; /* bit n: part n is known to hold no row, not read */
};

/* At most limit rows (0: all) of the list from cur (NULL: the first page),
 * in the list's order, each with its cursor. */
enum store_rc pg_page_collect(struct store *st, const struct pg_page_list *l, const void *ctx,
			      const struct store_cursor *cur, size_t limit, void **out, size_t *n);

/* A list of plain items (pg_read_item's columns) a page at a time: parts
 * gives the parts, bind and what; each item's cursor is kept aside. */
enum store_rc pg_page_items(struct store *st, const struct pg_page_list *parts, const void *ctx,
			    const struct store_cursor *cur, size_t limit, struct item **out,
			    size_t *n);

/* A whole part read in one pass, a page at a time, on a cursor of the
 * server's (DECLARE ... FETCH): the query is planned and run once, where a
 * page read by its key plans it again and starts again from the key (for a
 * word in every item, every later match gathered and sorted again). The
 * cursor lives in a transaction: the caller's, or one of its own, read-only,
 * ended with the cursor. The part's forward statement from its start, with
 * `limit` rows at most (0: all). */
struct pg_part_cursor {
	bool open, own_tx;
	int part;
};
enum store_rc pg_cursor_open(struct store *st, struct pg_part_cursor *c,
			     const struct pg_page_list *l, const void *ctx, int part, size_t limit);
/* The next rows (at most limit) of the cursor, appended as the list's. */
enum store_rc pg_cursor_fetch(struct store *st, struct pg_part_cursor *c,
			      const struct pg_page_list *l, size_t limit, void **out, size_t *n);
void pg_cursor_close(struct store *st, struct pg_part_cursor *c);

#endif
