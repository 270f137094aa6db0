/* import.h - actions brought in from elsewhere: a spreadsheet saved as CSV
 * (RFC 4180: quoted fields with commas, quotes and line breaks, CRLF or LF,
 * an Excel UTF-8 byte-order mark). The whole file is read and held to the
 * rules first; any refused row is reported as its line and nothing is
 * written; else every action is added in one transaction. */
#ifndef CXMEET_IMPORT_H
#define CXMEET_IMPORT_H

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

/* Imports the actions of a CSV file. The header names the columns, without
 * regard to case: text (or action), owner, department (or dept), due,
 * status; text and owner are required (an action has an owner), other
 * columns refused. Owners and departments are found as everywhere (names.h); an
 * empty department is the owner's; an owner of another department than the
 * one given is refused. due: as `cxmeet add action --due` (a done or
 * dropped action may have a past YYYY-MM-DD). status: open (empty), done
 * or dropped. Returns STORE_OK with *n the actions added, STORE_INVALID
 * having reported every refused line (at most IMPORT_MAX_ERRORS) with
 * nothing written, or another code of the store. */
enum store_rc import_actions_csv(struct store *st, FILE *fp, const struct date_context *dc,
				 time_t at, import_report_fn report, import_tick_fn tick,
				 void *ctx, size_t *n);

/* Imports the tasks of `task export` (a JSON array) as actions: the
 * description is the text; pending and waiting tasks are open, completed
 * ones done, deleted and recurring ones (the pattern, not its instances)
 * skipped (*skipped counts them); due is the local day of its UTC time (a
 * completed task without one: the day it ended). The owner is a UDA owner;
 * the department a UDA department, else the project's first part (before
 * '.'), else the owner's. A task refused is told by the line it starts on
 * ('task export' writes one a line). Then as import_actions_csv. */
enum store_rc import_actions_taskwarrior(struct store *st, const char *text, size_t len,
					 const struct date_context *dc, time_t at,
					 import_report_fn report, import_tick_fn tick, void *ctx,
					 size_t *n, size_t *skipped);

#endif
