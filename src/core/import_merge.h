/* import_merge.h - the rows of another database's export matched with the
 * store's own by what they are (`cxmeet import --merge`, import.h): the
 * natural keys and references of store_tables (store_tables.h), the file's
 * numbers mapped to the store's, the rows the store lacks given new
 * numbers. Used by import_json.c, a table at a time, a row at a time. */
#ifndef CXMEET_IMPORT_MERGE_H
#define CXMEET_IMPORT_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "cxmeet/store.h"

struct merge;

struct merge *merge_new(struct store *st);
void merge_free(struct merge *m);

/* Before the file's rows of store_tables[table]: the store's read, in one
 * pass, into the hashes of their keys (the table's last reading dropped). */
enum store_rc merge_table_begin(struct merge *m, size_t table);

enum merge_rc {
	MERGE_ADD,     /* the row is new: rewritten to the store's numbers, to write */
	MERGE_KEPT,    /* the store holds it: not to write */
	MERGE_LEFT,    /* history of an item the store held: not to write */
	MERGE_REFUSED, /* the file is refused: msg says why */
	MERGE_STORE,   /* the store failed (store_errmsg), rc in *rc */
};

/* A row of the file (its ncols values, each allocated or NULL; rewritten in
 * place: the references, the number, a renumbered column). The late column
 * is left as the file has it, for merge_late. */
enum merge_rc merge_row(struct merge *m, char **row, enum store_rc *rc, char *msg,
			size_t msglen);

/* Whether the next row added needs numbers asked of the store (a row given
 * out but not written is then to be written first). */
bool merge_wants_ids(const struct merge *m);

/* After the table's last row: the late values of the rows added (pairs:
 * the store's number, then the file's number of the row it refers to)
 * mapped to the store's numbers; false (msg) when one is not in the file. */
bool merge_late(struct merge *m, char **pairs, size_t n, char *msg, size_t msglen);

/* After the table's last row and merge_late: false (msg) when the file
 * gives two of its rows one number. */
bool merge_table_end(struct merge *m, char *msg, size_t msglen);

#endif
