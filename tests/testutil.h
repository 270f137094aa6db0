/* testutil.h - what the cmocka tests share: a private temporary folder,
 * databases in it, reading files, and running the command line in-process. */
#ifndef CXMEET_TESTUTIL_H
#define CXMEET_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "cxmeet/store.h"

/* Sets the locale and TZ and makes /tmp/cxmeet-NAME-XXXXXX, removed at exit. */
void tu_init(const char *name);
const char *tu_dir(void);
/* A new file name in the folder ("db7.sqlite"). Caller frees. */
char *tu_new_path(void);
/* A new, empty store; and one set up with the defaults (organisation "Acme"). */
struct store *tu_open_new(void);
struct store *tu_open_setup(void);
/* A council member of dept (0: none), with the defaults for the rest. */
store_id tu_person(struct store *st, const char *name, store_id dept);
/* The words of a search as typed, as core gives them to the store
 * (search_words); NULL when refused. Kept until exit. */
const char *tu_words(struct store *st, const char *typed);
/* An ISO-8601 time (see clock_parse). */
time_t tu_at(const char *iso);
/* The integer the first row of `sql` holds, read from the file at path by a
 * connection of its own (not the store's): what the data says. */
int64_t tu_sql_int(const char *path, const char *sql);
/* The whole file (NULL when it cannot be read); *len may be NULL. Caller frees. */
char *tu_slurp(const char *path, size_t *len);
/* Compares text with the file NAME of tests/golden/ (CXMEET_GOLDEN), byte for
 * byte; CXMEET_UPDATE_GOLDEN=1 writes the file first. */
void tu_golden(const char *name, const char *text, size_t len);
/* Runs `cxmeet --db DB ARGS... NULL` in-process with stdout and stderr sent
 * to out_path and err_path (NULL: /dev/null); returns the exit status. */
int tu_cli(const char *db, const char *out_path, const char *err_path, const char *first, ...);
/* A new descriptor on a pseudo-terminal, for a standard input on which an
 * editor may run. Caller closes. */
int tu_terminal(void);
int tu_vcli(const char *db, const char *out_path, const char *err_path, const char *first,
	    va_list ap);
/* The same with the n arguments of args. */
int tu_cli_argv(const char *db, const char *out_path, const char *err_path, int n, char **args);

#endif
