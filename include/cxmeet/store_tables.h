/* store_tables.h - the tables every store keeps, described for moving a
 * whole history from one store to another (store_table_rows and
 * store_table_put in store.h, `cxmeet copy`): names and columns only, no
 * SQL; each backend reads and writes them in its own way. */
#ifndef CXMEET_STORE_TABLES_H
#define CXMEET_STORE_TABLES_H

#include <stdbool.h>
#include <stddef.h>

/* Every table a store keeps, parents first (a row refers only to rows of the
 * tables before its own, or, through its late column, to a later row of its
 * own table), each with its columns in the file's order. The values of a row
 * are canonical text whatever the backend: a time as the file keeps it
 * (ISO 8601 in UTC, 2026-11-23T09:00:00Z), a date YYYY-MM-DD, a boolean 0 or
 * 1, a whole number in decimal, NULL a NULL pointer. What a store makes from
 * the rows (the file's full-text index and sums, a server's search column)
 * and what belongs to a running instance (a live meeting's hold) is not in
 * the list. The list is store_tables (src/store/tables.c). */
enum store_col_kind { SCOL_TEXT, SCOL_INT, SCOL_TIME, SCOL_DATE, SCOL_BOOL, SCOL_REAL };

struct store_column {
	const char *name;
	enum store_col_kind kind;
};

struct store_table {
	const char *name;
	const struct store_column *cols;
	size_t ncols;
	/* The columns whose values order the rows (the key), by index. */
	int key[3];
	int nkey;
	/* The one row of the organisation: id 1 in a file, the council's own
	 * row on a server (which has no id column). */
	bool one_row;
	/* A column referring to a later row of the same table
	 * (items.superseded_by: the newer decision), or -1: written NULL with
	 * its row, then set by store_table_link once every row is in. */
	int late;
	/* What a merge (`cxmeet import --merge`, import.h) needs to match a row
	 * of another database with the store's own, by what it is rather than
	 * by its number. Each a list of column names parted by spaces, NULL:
	 * none.
	 * refs: each column that holds the number of a row of another table
	 * (or of its own), as COLUMN=TABLE, or COLUMN=TABLE.COLUMN when it
	 * holds another column of that row than its id (items.carry_from, a
	 * meeting's seq).
	 * same: the natural key, the columns whose values make two rows the
	 * same row, references compared once mapped to the store's numbers;
	 * empty in a one_row table (its one row is the same row).
	 * same_or_id: a column of same that may differ when the row's number
	 * is the same (an item's text, edited since an earlier export).
	 * id_also: with same_or_id, the columns besides the rest of same that
	 * are to be the same too for the number to match (an item's meeting,
	 * step, department and owner): another database's row of that number
	 * and time (a demo's, of the same day) is not taken for an edit of
	 * the store's.
	 * renumber: a column numbering the rows of a council (a meeting's seq),
	 * given after the store's highest to rows added.
	 * one_true: a boolean column true in at most one row (the default
	 * template), written false on a row added when the store has one. */
	const char *refs, *same, *same_or_id, *id_also, *renumber, *one_true;
};

extern const struct store_table store_tables[];
extern const size_t store_table_count;

#endif
