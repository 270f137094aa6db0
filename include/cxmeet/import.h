/* import.h - loading a council's data from a file (`cxmeet import`). */
#ifndef CXMEET_IMPORT_H
#define CXMEET_IMPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "cxmeet/store.h"

enum import_rc {
	IMPORT_OK,
	IMPORT_BAD_FILE,  /* the file is not a document this version reads: err says where */
	IMPORT_NOT_EMPTY, /* the store already holds data: err names the table */
	IMPORT_STORE,     /* the store failed: store_errmsg, rc in *store_rc */
};

/* What a merge did: rows added, rows the database already held. */
struct import_counts {
	long added, kept;
};

/* Told how many bytes of the file have been read so far. */
typedef void (*import_progress)(void *ctx, long done);

/* Loads the "tables" section of the JSON export (format "cxmeet-export",
 * version 2, export.c) read from fp (named path in messages) into st, which
 * must hold no data: every row with its id, in one transaction, so that the
 * export of st is then the export the file came from. A file that is not
 * such a document (bad JSON, invalid UTF-8, another format or version, an
 * unknown table or column, a value of the wrong kind) is refused with
 * "PATH:LINE: message" in err, and nothing is written. Memory is bounded by
 * a few hundred rows, whatever the size of the file (plus the ids of the
 * superseded decisions).
 * With merge, a store holding data is not refused: a row of the file whose
 * number (the table's key) the store holds with the same values is left as
 * it is (counts->kept), one it lacks is added (counts->added), and one whose
 * number the store holds with other values refuses the file (nothing
 * written): the same file imported twice adds nothing the second time, and
 * a later export of the same database adds only what is new. Memory then
 * holds 16 bytes per row of the store's largest table. */
enum import_rc import_json(struct store *st, FILE *fp, const char *path, bool merge,
			   import_progress fn, void *ctx, struct import_counts *counts,
			   enum store_rc *store_rc, char *err, size_t errlen);

#endif
