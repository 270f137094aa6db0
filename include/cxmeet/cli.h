/* cli.h - the command table and what the subcommand files share: option
 * parsing with --help, opening the store, and turning errors into exit codes. */
#ifndef CXMEET_CLI_H
#define CXMEET_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "cxmeet/output.h"
#include "cxmeet/store.h"

struct cli {
	const char *db_path; /* resolved: --db, $CXMEET_DB, or the XDG default */
	struct store *st;    /* opened by cli_open() */
	bool may_create;     /* the command creates a missing database (init, demo, tui) */
	FILE *out;
	int output_failed; /* the exit status, once a failed write was reported */
};

struct command {
	const char *name;
	const char *summary;
	const char *usage; /* full help text for `cxmeet NAME --help` */
	int (*run)(struct cli *cli, int argc, char **argv);
	bool creates; /* creates the database when there is none; every other
		       * command refuses a missing file and creates nothing */
};

extern const struct command cli_commands[];
extern const size_t cli_command_count;

/* Runs the command line after the global options; returns the exit status. */
int cli_main(int argc, char **argv);

/* The database path from the environment: $CXMEET_DB, else
 * $XDG_DATA_HOME/cxmeet/cxmeet.db, else ~/.local/share/cxmeet/cxmeet.db. */
char *cli_default_db_path(void);

/* Opens the store, setting up a fresh database with the defaults. Returns an
 * exit status (0 on success) after printing any error. A missing database
 * is created only for a command that creates one (init, demo, tui); for the
 * others it is EXIT_USAGE, "there is no database at PATH", nothing created. */
int cli_open(struct cli *cli);
/* Opens (and migrates) the store without setting up the defaults. */
int cli_open_only(struct cli *cli);

/* Prints "cxmeet: MSG" to stderr and returns EXIT_USAGE. */
int cli_usage_error(const struct command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The exit status for a store result: EXIT_USAGE for refused input, one status
 * per database failure (locked, read-only, damaged, newer, full), else
 * EXIT_RUNTIME. The one place where store codes become exit statuses. */
int cli_exit_status(enum store_rc rc);
/* Prints the store's error and returns cli_exit_status(rc). */
int cli_store_error(struct cli *cli, enum store_rc rc);
/* Prints "cxmeet: MSG" to stderr, with control characters made harmless. */
void cli_report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints a message about bad input and returns EXIT_USAGE. */
int cli_input_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* getopt_long over a subcommand's argv, with -h/--help built in. Returns the
 * next option as getopt_long does, 'h' having printed the usage (the caller
 * returns 0), '?' having printed an error (the caller returns EXIT_USAGE). */
int cli_getopt(const struct command *cmd, int argc, char **argv, const char *shortopts,
	       const struct option *longopts);

/* Looks up the command table entry by name. */
const struct command *cli_find(const char *name);

/* Parses a --format argument among `allowed` (OUT_ALLOW bits) into *f;
 * returns 0, or prints which formats the command takes and returns
 * EXIT_USAGE. */
int cli_format(const struct command *cmd, const char *arg, unsigned allowed,
	       enum out_format *f);
/* Writes the table to cli->out in format f; returns 0, or EXIT_RUNTIME with
 * a message when the output cannot be written. */
int cli_table_out(struct cli *cli, const struct table *t, enum out_format f);

/* Reports that the output could not be written (errno err, 0 if unknown),
 * once per run however often it is called, and returns the exit status:
 * EXIT_FULL for a full disk or a file-size limit, else EXIT_RUNTIME. */
int cli_output_error(struct cli *cli, int err);

/* A TEXT operand or option value: "-" reads the text from standard input.
 * Returns 0 with *out set (caller frees), or an exit status after a message
 * (EXIT_USAGE for refused text: a NUL byte, far too long). */
int cli_text_arg(const char *arg, char **out);

/* Writes text to cli->out; returns 0, or cli_output_error's status. */
int cli_write(struct cli *cli, const char *text);

/* Fills t (initialised, empty) with the next page of a long report, at most
 * limit of the store's rows after the `done` given before it; the function
 * keeps in ctx where the last page ended (the store's cursor: pages continue
 * by key, never by counting rows again). Returns how many rows the store
 * gave (fewer than limit: the last page), or -1 after reporting a store
 * error, with the exit status in *status. */
typedef long (*cli_page_fn)(struct cli *cli, void *ctx, size_t done, size_t limit,
			    struct table *t, int *status);
/* Writes a long table a page at a time, so memory stays that of one page
 * whatever the length. JSON and CSV: the bytes cli_table_out would write.
 * Plain text: when the first page is the whole table, those bytes too; a
 * longer table is aligned on widths fixed once its first page is read, the
 * widest of that page and of w_max (NULL, or ncols widths no cell of the
 * column exceeds, known before reading: the widest name in the people
 * table, the digits of the largest id; 0 where the first page must do).
 * Nothing is written when no page added a row (a page may write plain text
 * of its own instead). *rows gets the table rows. Returns 0 or an exit
 * status. */
int cli_table_pages(struct cli *cli, const struct table_col *cols, size_t ncols,
		    const int *w_max, enum out_format f, size_t page, cli_page_fn fill,
		    void *ctx, size_t *rows);
/* Bounds for w_max: the widest name of any department or person (archived
 * ones too), the digits of the largest item (or meeting) id; 0 when they
 * cannot be read. */
int cli_widest_dept(struct cli *cli);
int cli_widest_person(struct cli *cli);
int cli_id_width(struct cli *cli, bool meeting);

/* Prints text padded with spaces to `width` terminal columns. */
void cli_pad(FILE *out, const char *text, int width);
/* The columns text takes as cli_pad prints it (one row, made safe). */
int cli_cell_width(const char *text);

#endif
