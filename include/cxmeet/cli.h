/* cli.h - the command table and what the command files share: option
 * parsing with --help (cli_args.c), opening the store and turning its errors
 * into exit codes (cli_db.c), and writing the output (cli_out.c). */
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
	bool no_mouse;       /* --no-mouse: the full-screen interface leaves the mouse alone */
	FILE *out;
	int output_failed; /* the exit status, once a failed write was reported */
	bool bell; /* --bell: the meeting's timer rings the terminal's bell */
	bool no_pager;   /* --no-pager: long output is printed directly */
	bool pager;      /* stdout goes to a running pager (pager.c) */
	bool pager_quit; /* the pager ended before the output did: no error */
};

/* An option a command takes: --NAME, and -KEY too unless CLI_LONG_ONLY. KEY
 * is what the command's option function is given; 'h' is --help's. */
enum { CLI_VALUE = 1, CLI_LONG_ONLY = 2 };
struct cli_opt {
	const char *name;
	int key;
	unsigned flags; /* CLI_VALUE: takes a value; CLI_LONG_ONLY */
};

#define CLI_ANY (-1) /* operands: the command counts them itself */

/* A command of the command line, declared by its cmd_*.c next to its handler
 * (as tmux's cmd_entry): its name, the line of `cxmeet --help`, its own help,
 * the options it takes and how many operands, and the handler. */
struct cli_cmd {
	const char *name;
	const char *summary; /* its line in `cxmeet --help` */
	const char *usage;   /* the whole of `cxmeet NAME --help` */
	const struct cli_opt *opts; /* ends with {0}; NULL: none but --help */
	int operands;               /* at most this many after the options, or CLI_ANY */
	bool quiet_ok; /* takes -q/--quiet: nothing printed on success */
	bool paged;   /* long output: through the pager on a terminal (pager.c) */
	bool creates; /* creates the database when there is none; every other
		       * command refuses a missing file and creates nothing */
	int (*run)(const struct cli_cmd *self, struct cli *cli, int argc, char **argv);
};

/* Every command, in the order of `cxmeet --help` (cli.c). */
extern const struct cli_cmd *const cli_commands[];
extern const size_t cli_command_count;

extern const struct cli_cmd cmd_init, cmd_tui, cmd_present, cmd_status, cmd_council, cmd_org, cmd_charter,
	cmd_dept, cmd_person, cmd_agenda, cmd_history, cmd_search, cmd_show, cmd_actions, cmd_add, cmd_done, cmd_messages, cmd_ack, cmd_kpi, cmd_focus, cmd_ledger, cmd_packet, cmd_measure, cmd_initiative, cmd_import,
	cmd_overdue, cmd_digest, cmd_decisions, cmd_supersede, cmd_cadence, cmd_champions,
	cmd_export, cmd_copy, cmd_backup, cmd_demo, cmd_check;

/* The pager (pager.c). cli_pager_want: this run's output to stdout goes
 * through $CXMEET_PAGER, $PAGER or "less -FRX" when stdout is a terminal and
 * there is no --no-pager; the pager starts at the first byte written
 * (cli_pager_begin, from the output guard). cli_pager_end waits for it and
 * returns rc, or an error status when the pager could not be run. */
void cli_pager_want(struct cli *cli);
/* -q/--quiet (cli_parse, for a command with quiet_ok): what the command writes
 * to stdout is dropped, its messages to stderr are not. Reset by cli_main. */
void cli_set_quiet(bool quiet);
void cli_pager_begin(void);
int cli_pager_end(struct cli *cli, int rc);

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
/* Opens the store for a report over every council the role may read
 * (--all-councils): no council need be picked, and the lists that take it
 * read them all, each row naming its council (store_read_all_councils).
 * *council (caller frees) is the council of the session, when there is
 * one: the name of a row that names none (a file's). Returns an exit
 * status as cli_open does. */
int cli_open_all_councils(struct cli *cli, char **council);
/* For a report of one council at a time over every council the role may
 * read (--all-councils of digest, champions): calls fn with each council
 * opened in turn (archived ones aside), its name and its place (0 first).
 * Returns the first non-zero status, or 0. */
int cli_each_council(struct cli *cli, int (*fn)(struct cli *cli, const char *council, size_t i,
						void *ctx),
		     void *ctx);
/* The id of department NAME in *id (0 for a NULL name); prints the error and
 * returns its exit status when there is none. */
int cli_dept_id(struct cli *cli, const char *name, store_id *id);
/* The organisation's escalation limit (3 when it cannot be read). */
int cli_escalate_limit(struct cli *cli);

/* A subcommand after the options: the word argv[optind] (the first of
 * `words` when there is none) among the n words, followed by exactly
 * operands[i] operands, which *args points to. Returns its index, or -1
 * with *rc set after a usage error that says what was `expected`. */
struct cli_subcommand {
	const char *const *words;
	const int *operands;
	size_t n;
	const char *expected;
};
int cli_subcommand(const struct cli_cmd *cmd, int argc, char **argv,
		   const struct cli_subcommand *sub, char ***args, int *rc);
/* Prints "cxmeet: MSG" to stderr and returns EXIT_USAGE. */
int cli_usage_error(const struct cli_cmd *cmd, const char *fmt, ...)
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

/* What a command does with one of its options: key and value (NULL for an
 * option without one) in the order given. Returns 0, or the exit status
 * after printing why the value is refused. */
typedef int (*cli_opt_fn)(const struct cli_cmd *cmd, int key, const char *value, void *ctx);
/* Reads a command's options by its option list (argv[0] is the command),
 * with -h/--help built in, calling set for each (NULL: a command of no
 * options); then checks there are no more operands than cmd->operands.
 * Returns true to go on, with optind at the first operand; else false with
 * *status the exit status: 0 having printed the help, EXIT_USAGE having said
 * what is wrong (an unknown option, a missing value, an operand too many),
 * or what set returned. */
bool cli_parse(const struct cli_cmd *cmd, int argc, char **argv, cli_opt_fn set, void *ctx,
	       int *status);

/* The long name of the command's option KEY ("dept" for 'd'). */
const char *cli_opt_name(const struct cli_cmd *cmd, int key);
/* An item's (action's, decision's) number as typed: "12" or "#12"; false
 * when it is not one. */
bool cli_parse_id(const char *s, store_id *id);
/* --limit N: a whole number from 1 to 1,000,000, else EXIT_USAGE with a
 * message. */
int cli_parse_limit(const struct cli_cmd *cmd, const char *s, size_t *out);

/* Looks up the command table entry by name. */
const struct cli_cmd *cli_find(const char *name);

/* Parses a --format argument among `allowed` (OUT_ALLOW bits) into *f;
 * returns 0, or prints which formats the command takes and returns
 * EXIT_USAGE. */
int cli_format(const struct cli_cmd *cmd, const char *arg, unsigned allowed,
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

/* A stream onto `to` through which everything a command prints passes:
 * text that would reach the terminal raw is made harmless (cli_out.c). */
FILE *cli_guard_open(FILE *to);

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
/* How many rows the next page may take, `done` written and at most `cap` in
 * all (0: no cap): up to `page`, 0 when the cap is reached. */
size_t cli_page_want(size_t done, size_t cap, size_t page);
/* Bounds for w_max: the widest name of any person (people) or department
 * (archived ones too), the digits of the largest item (or meeting) id; 0
 * when they cannot be read. */
int cli_widest_name(struct cli *cli, bool people);
int cli_id_width(struct cli *cli, bool meeting);

/* Prints text padded with spaces to `width` terminal columns. */
void cli_pad(FILE *out, const char *text, int width);
/* The columns text takes as cli_pad prints it (one row, made safe). */
int cli_cell_width(const char *text);

#endif
