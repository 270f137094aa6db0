/* import.h - loading data from a file (`cxmeet import`): a council's whole
 * history from the JSON export, and actions brought in from elsewhere: a
 * spreadsheet saved as CSV (RFC 4180: quoted fields with commas, quotes and
 * line breaks, CRLF or LF, an Excel UTF-8 byte-order mark) or taskwarrior's
 * export. A file is read and held to the rules first; any refused row is
 * reported as its line and nothing is written; else it is all written in one
 * transaction. */
#ifndef CXMEET_IMPORT_H
#define CXMEET_IMPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "cxmeet/dates.h"
#include "cxmeet/store.h"
#include "cxmeet/util.h"

/* At most this many errors are reported of one file. */
#define IMPORT_MAX_ERRORS 20
/* At most this many actions in one file. */
#define IMPORT_MAX_ACTIONS 1000000
/* A field longer than this is refused. */
#define CSV_MAX_FIELD 65536
/* A string of taskwarrior's export longer than this is refused. */
#define TW_MAX_STRING (1 << 20)

/* A CSV reader: one record at a time, with the line it starts on. */
struct csv_reader {
	FILE *fp;
	long line;      /* the line the last record started on */
	long next_line; /* the line the next one starts on */
	struct strbuf buf;
	size_t *offs; /* field i is buf.s + offs[i] */
	char **fields;
	size_t nf, cap;
	int pend[4], npend; /* bytes read ahead, last first */
};

void csv_open(struct csv_reader *r, FILE *fp);
/* 1 a record (r->fields, r->nf), 0 the end, -1 refused (err says why; the
 * line is r->line). A leading UTF-8 BOM is skipped; blank lines give a
 * record of one empty field. */
int csv_next(struct csv_reader *r, char *err, size_t errlen);
void csv_close(struct csv_reader *r);

/* Tells a refused line (the message is plain text, user text made
 * printable); line 0: not a line's, how many more were refused after the
 * first IMPORT_MAX_ERRORS. */
typedef void (*import_report_fn)(void *ctx, long line, const char *msg);
/* Tells how many of total actions are written. */
typedef void (*import_tick_fn)(void *ctx, long done, long total);
/* Told how many bytes of the file have been read so far. */
typedef void (*import_progress)(void *ctx, long done);

/* Imports the actions of a CSV file. The header names the columns, without
 * regard to case: text (or action), owner, department (or dept), due,
 * status; text and owner are required (an action has an owner), other
 * columns refused. Owners and departments are found as everywhere (names.h); an
 * empty department is the owner's; an owner of another department than the
 * one given is refused. due: as `cxmeet add action --due` (a done or
 * dropped action may have a past YYYY-MM-DD). status: open (empty), done
 * or dropped. Each action added has an "imported" event saying where it
 * came from: "FROM, line N" (from: the file's printable name, or "standard
 * input"). Returns STORE_OK with *n the actions added, STORE_INVALID
 * having reported every refused line (at most IMPORT_MAX_ERRORS) with
 * nothing written, or another code of the store. */
enum store_rc import_actions_csv(struct store *st, FILE *fp, const char *from,
				 const struct date_context *dc, time_t at, import_report_fn report,
				 import_tick_fn tick, void *ctx, size_t *n);

/* Imports the tasks of `task export` (a JSON array) as actions: the
 * description is the text; pending and waiting tasks are open, completed
 * ones done, deleted and recurring ones (the pattern, not its instances)
 * skipped (*skipped counts them); due is the local day of its UTC time (a
 * completed task without one: the day it ended). The owner is a UDA owner;
 * the department a UDA department, else the project's first part (before
 * '.'), else the owner's. A task refused is told by the line it starts on
 * ('task export' writes one a line). Then as import_actions_csv. The file
 * is read twice, one task at a time: checked whole, then each task added as
 * it is read again, in one transaction: fp can be read again from where it
 * is (a file), or spill is given (an empty temporary file), where fp (a
 * pipe) is kept as it is first read. Memory is bounded by one
 * task (a string of at most TW_MAX_STRING bytes), whatever the size of the
 * file. checked (may be NULL) is told the bytes read by the first reading,
 * tick the tasks written by the second. */
enum store_rc import_actions_taskwarrior(struct store *st, FILE *fp, FILE *spill,
					 const char *from, const struct date_context *dc,
					 time_t at, import_report_fn report,
					 import_progress checked, import_tick_fn tick,
					 void *ctx, size_t *n, size_t *skipped);

/* --- the JSON export ---------------------------------------------------- */

enum import_rc {
	IMPORT_OK,
	IMPORT_BAD_FILE,  /* the file is not a document this version reads: err says where */
	IMPORT_NOT_EMPTY, /* the store already holds data: err names the table */
	IMPORT_STORE,     /* the store failed: store_errmsg, rc in *store_rc */
};

/* What a merge did: rows added, rows the database already held, and rows of
 * the history of items it held (item_events) left out: its own wins. */
struct import_counts {
	long added, kept, left;
};


/* Loads the "tables" section of the JSON export (format "cxmeet-export",
 * version 2, export.c) read from fp (named path in messages) into st, which
 * must hold no data: every row with its id, in one transaction, so that the
 * export of st is then the export the file came from. A file that is not
 * such a document (bad JSON, invalid UTF-8, another format or version, an
 * unknown table or column, a value of the wrong kind) is refused with
 * "PATH:LINE: message" in err, and nothing is written. Memory is bounded by
 * a few hundred rows, whatever the size of the file (plus the ids of the
 * superseded decisions).
 * With merge, a store holding data is not refused, and the file may be an
 * export of any database (into an empty store too its rows are numbered as
 * in any merge: on a server another council may hold the file's numbers);
 * a name's key is made from the name, never taken from the file (also
 * without merge); each row is matched with the store's by what it
 * is (its natural key, store_tables.h: names, times, positions, the rows it
 * belongs to, references compared as the store's numbers; import_merge.c).
 * A row the store holds is left as it is, the store's values winning
 * (counts->kept); one it lacks is added (counts->added) under a number the
 * store gives (store_table_ids), every reference to it rewritten, a
 * meeting's seq after the store's highest, a default template added as not
 * the default when the store has one. A meeting in progress added to a
 * store that has one, or a reference to a row the file lacks, refuses the
 * file (nothing written). The same file imported twice adds nothing the
 * second time, a later export of the same database adds only what is new.
 * Memory then holds about 50 bytes per row of the store's largest table
 * and 16 per row of each table others refer to. */
enum import_rc import_json(struct store *st, FILE *fp, const char *path, bool merge,
			   import_progress fn, void *ctx, struct import_counts *counts,
			   enum store_rc *store_rc, char *err, size_t errlen);

#endif
