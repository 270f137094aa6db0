/* test_hostile_input.c - a table of bad command lines, run in-process on one
 * real database: each row gives the arguments, the exit status, a piece of
 * the message on stderr, and the database must hold exactly what it held
 * before (a dump of every row of every table, compared as text). Prints how
 * many inputs it tried.
 *
 * Decisions recorded here:
 * - NUL cannot be in an argument (argv strings end at it), so NUL is tried
 *   through the one place where a file becomes text: the $VISUAL editor.
 * - Zero-width spaces (U+200B, U+2060, U+FEFF) are dropped by text_clean, so
 *   a name of only those is empty and 'Sales' + U+200B is 'Sales', taken;
 *   the joiners U+200C and U+200D stay (Persian, Indic and emoji names need
 *   them). Bidi embeddings, overrides and isolates (U+202A-U+202E,
 *   U+2066-U+2069) are refused.
 * - dept add X --behind-the-scenes --customer-facing is refused: neither wins.
 * - An option that does nothing for the action (person list --undo) and a
 *   value option given twice (--dept A --dept B) are refused.
 * - '--' ends the options: what follows is an operand, even "-Weird". */
#include <fcntl.h>
#include <getopt.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "testutil.h"
#include "cxmeet/cli.h"
#include "cxmeet/dates.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

static char *db, *err_path, *out_path;
static char *huge;     /* "@1MB": one megabyte of text */
static char *name201;  /* "@201": a name one byte too long */
static char *script_dir;

/* Every row of every table, and the schema version, as one text. */
static char *dump(void)
{
	sqlite3 *h;
	sqlite3_stmt *t, *s;
	struct strbuf sb;
	sb_init(&sb);
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT name FROM sqlite_master WHERE type = 'table'"
					    " ORDER BY name", -1, &t, NULL), SQLITE_OK);
	while (sqlite3_step(t) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(t, 0);
		char *sql = xasprintf("SELECT * FROM \"%s\"", table);
		assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &s, NULL), SQLITE_OK);
		sb_addf(&sb, "[%s]\n", table);
		while (sqlite3_step(s) == SQLITE_ROW) {
			for (int i = 0; i < sqlite3_column_count(s); i++) {
				const unsigned char *v = sqlite3_column_text(s, i);
				int n = sqlite3_column_bytes(s, i);
				sb_add(&sb, i ? "|" : "");
				if (v)
					sb_addn(&sb, (const char *)v, (size_t)n);
				else
					sb_add(&sb, "NULL");
			}
			sb_add(&sb, "\n");
		}
		sqlite3_finalize(s);
		free(sql);
	}
	sqlite3_finalize(t);
	assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	sb_addf(&sb, "user_version %d\n", sqlite3_column_int(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(h);
	return sb_take(&sb);
}

struct row {
	const char *argv[10];
	int exit;
	const char *msg;     /* a piece of stderr */
	const char *now;     /* CXMEET_NOW for the row, or NULL */
	const char *visual;  /* an editor script body (for NUL and friends), or NULL */
};

#define U_ZWSP "\xe2\x80\x8b"
#define U_RLO "\xe2\x80\xae"
#define U_LRM "\xe2\x80\x8e"
#define U_RLM "\xe2\x80\x8f"
#define U_LRI "\xe2\x81\xa6"
#define U_PDI "\xe2\x81\xa9"
#define U_LS "\xe2\x80\xa8"

static const struct row rows[] = {
	/* empty and huge text */
	{.argv = {"dept", "add", ""}, .exit = EXIT_USAGE, .msg = "is empty"},
	{.argv = {"dept", "add", "   "}, .exit = EXIT_USAGE, .msg = "is empty"},
	{.argv = {"person", "add", "", "--dept", "Sales"}, .exit = EXIT_USAGE, .msg = "is empty"},
	{.argv = {"init", "--org", ""}, .exit = EXIT_USAGE, .msg = "is empty"},
	{.argv = {"org", "set", "name", " \t "}, .exit = EXIT_USAGE, .msg = "is empty"},
	{.argv = {"person", "edit", "Ana Silva", "--name", ""}, .exit = EXIT_USAGE, .msg = "is empty"},
	{.argv = {"dept", "add", "@1MB"}, .exit = EXIT_USAGE, .msg = "too long"},
	{.argv = {"org", "set", "mission", "@1MB"}, .exit = EXIT_USAGE, .msg = "too long"},
	{.argv = {"charter", "set", "2", "@1MB"}, .exit = EXIT_USAGE, .msg = "too long"},
	{.argv = {"person", "add", "Bo", "--dept", "Sales", "--email", "@1MB"}, .exit = EXIT_USAGE, .msg = "too long"},
	{.argv = {"dept", "add", "@201"}, .exit = EXIT_USAGE, .msg = "too long"},
	{.argv = {"show", "@1MB"}, .exit = EXIT_USAGE, .msg = "is not a meeting"},
	/* invalid UTF-8 */
	{.argv = {"dept", "add", "\xff\xfe"}, .exit = EXIT_USAGE, .msg = "not valid UTF-8"},
	{.argv = {"dept", "add", "Caf\xc3"}, .exit = EXIT_USAGE, .msg = "not valid UTF-8"},
	{.argv = {"dept", "add", "\xc0\xaf"}, .exit = EXIT_USAGE, .msg = "not valid UTF-8"},        /* overlong '/' */
	{.argv = {"dept", "add", "\xed\xa0\x80x"}, .exit = EXIT_USAGE, .msg = "not valid UTF-8"},   /* a surrogate */
	{.argv = {"dept", "add", "\xf4\x90\x80\x80"}, .exit = EXIT_USAGE, .msg = "not valid UTF-8"}, /* past U+10FFFF */
	{.argv = {"org", "set", "mission", "ok \x80 then"}, .exit = EXIT_USAGE, .msg = "not valid UTF-8"},
	{.argv = {"person", "add", "Ana\xff", "--dept", "Sales"}, .exit = EXIT_USAGE, .msg = "not valid UTF-8"},
	/* control characters and escape sequences */
	{.argv = {"dept", "add", "bad\x1b[2Jname"}, .exit = EXIT_USAGE, .msg = "control character (U+001B)"},
	{.argv = {"dept", "add", "\x1b]0;pwned\x07"}, .exit = EXIT_USAGE, .msg = "control character"},
	{.argv = {"person", "add", "Eve\xc2\x9b" "31m", "--dept", "Sales"}, .exit = EXIT_USAGE, .msg = "U+009B"},
	{.argv = {"dept", "add", "two\nlines"}, .exit = EXIT_USAGE, .msg = "one line"},
	{.argv = {"dept", "add", "tab\there"}, .exit = EXIT_USAGE, .msg = "control character"},
	{.argv = {"dept", "add", "del\x7f"}, .exit = EXIT_USAGE, .msg = "U+007F"},
	{.argv = {"dept", "add", "line" U_LS "sep"}, .exit = EXIT_USAGE, .msg = "U+2028"},
	{.argv = {"dept", "rename", "no\x1b]0;title\x07where", "X"}, .exit = EXIT_USAGE, .msg = "no department"},
	{.argv = {"org", "set", "cadence", "week\x1b[2Jly"}, .exit = EXIT_USAGE, .msg = "cadence"},
	/* bidi overrides and isolates */
	{.argv = {"dept", "add", "Sales" U_RLO "gnp"}, .exit = EXIT_USAGE, .msg = "U+202E"},
	{.argv = {"person", "add", U_LRI "Ana" U_PDI, "--dept", "Sales"}, .exit = EXIT_USAGE, .msg = "U+2066"},
	{.argv = {"org", "set", "mission", "Pay " U_RLO "001$"}, .exit = EXIT_USAGE, .msg = "U+202E"},
	/* and the marks */
	{.argv = {"dept", "add", "Sales" U_LRM "x"}, .exit = EXIT_USAGE, .msg = "bidirectional control character (U+200E)"},
	{.argv = {"person", "add", "Ana" U_RLM, "--dept", "Sales"}, .exit = EXIT_USAGE, .msg = "U+200F"},
	{.argv = {"org", "set", "mission", "Pay " U_RLM "now"}, .exit = EXIT_USAGE, .msg = "U+200F"},
	/* unknown departments and people */
	{.argv = {"person", "add", "Bo", "--dept", "Nowhere"}, .exit = EXIT_USAGE, .msg = "no department named 'Nowhere'"},
	{.argv = {"person", "add", "Bo", "--dept", "Sal"}, .exit = EXIT_USAGE, .msg = "no department named"},
	/* zero-width and blank-looking names */
	{.argv = {"dept", "add", U_ZWSP}, .exit = EXIT_USAGE, .msg = "is empty"},
	{.argv = {"dept", "add", "\xc2\xa0"}, .exit = EXIT_USAGE, .msg = "is empty"},
	{.argv = {"dept", "add", "Sales" U_ZWSP}, .exit = EXIT_USAGE, .msg = "already exists"},
	{.argv = {"person", "list", "--dept", "Nowhere"}, .exit = EXIT_USAGE, .msg = "no department named"},
	{.argv = {"person", "edit", "Nobody", "--role", "lead"}, .exit = EXIT_USAGE, .msg = "no person named 'Nobody'"},
	{.argv = {"person", "archive", "Nobody"}, .exit = EXIT_USAGE, .msg = "no person named"},
	{.argv = {"dept", "archive", "Nowhere"}, .exit = EXIT_USAGE, .msg = "no department named"},
	{.argv = {"dept", "set", "Nowhere", "--customer-facing"}, .exit = EXIT_USAGE, .msg = "no department named"},
	{.argv = {"person", "edit", "Ana Silva", "--dept", "Nowhere"}, .exit = EXIT_USAGE, .msg = "no department named"},
	/* taken names and bad values */
	{.argv = {"dept", "add", "SALES"}, .exit = EXIT_USAGE, .msg = "already exists"},
	{.argv = {"dept", "rename", "Sales", "it"}, .exit = EXIT_USAGE, .msg = "already exists"},
	{.argv = {"person", "add", "ana  silva", "--dept", "IT"}, .exit = EXIT_USAGE, .msg = "already"},
	{.argv = {"person", "add", "Bo", "--dept", "Sales", "--role", "emperor"}, .exit = EXIT_USAGE, .msg = "not a role"},
	{.argv = {"person", "add", "Bo", "--dept", "Sales", "--email", "bo at example"}, .exit = EXIT_USAGE,
	 .msg = "does not look like an email"},
	{.argv = {"org", "set", "cadence", "every 0 days"}, .exit = EXIT_USAGE, .msg = "cadence"},
	{.argv = {"org", "set", "cadence", "every 99999999999 days"}, .exit = EXIT_USAGE, .msg = "out of range"},
	{.argv = {"org", "set", "escalate", "1e9"}, .exit = EXIT_USAGE, .msg = "escalate is a number"},
	{.argv = {"org", "set", "escalate", "0x10"}, .exit = EXIT_USAGE, .msg = "escalate is a number"},
	{.argv = {"org", "set", "colour", "blue"}, .exit = EXIT_USAGE, .msg = "cannot set 'colour'"},
	{.argv = {"charter", "set", "7", "x"}, .exit = EXIT_USAGE, .msg = "not a charter answer"},
	{.argv = {"charter", "set", "1x", "x"}, .exit = EXIT_USAGE, .msg = "not a charter answer"},
	{.argv = {"demo", "--years", "99999999999999999999"}, .exit = EXIT_USAGE, .msg = "--years is a whole number"},
	{.argv = {"demo", "--seed", "abc"}, .exit = EXIT_USAGE, .msg = "--seed is a whole number"},
	/* ids that do not exist, or are not ids */
	{.argv = {"show", "999999"}, .exit = EXIT_USAGE, .msg = "no meeting 999999"},
	{.argv = {"show", "last"}, .exit = EXIT_USAGE, .msg = "no meeting has been held yet"},
	{.argv = {"show", "-1"}, .exit = EXIT_USAGE, .msg = "unknown option '-1'"},
	{.argv = {"show", "abc"}, .exit = EXIT_USAGE, .msg = "'abc' is not a meeting"},
	{.argv = {"show", "0"}, .exit = EXIT_USAGE, .msg = "'0' is not a meeting"},
	{.argv = {"show", "99999999999999999999"}, .exit = EXIT_USAGE, .msg = "is not a meeting"},
	{.argv = {"show", "1.5"}, .exit = EXIT_USAGE, .msg = "is not a meeting"},
	{.argv = {"show", "--format", "pdf"}, .exit = EXIT_USAGE, .msg = "unknown format 'pdf'"},
	{.argv = {"show", "-o", ""}, .exit = EXIT_USAGE, .msg = "--output needs a file name"},
	{.argv = {"show", "1", "2"}, .exit = EXIT_USAGE, .msg = "unexpected argument '2'"},
	/* option combinations that make no sense */
	{.argv = {"dept", "add", "Legal", "--behind-the-scenes", "--customer-facing"}, .exit = EXIT_USAGE,
	 .msg = "contradict each other"},
	{.argv = {"dept", "set", "Sales", "--customer-facing", "--behind-the-scenes"}, .exit = EXIT_USAGE,
	 .msg = "contradict each other"},
	{.argv = {"dept", "list", "--undo"}, .exit = EXIT_USAGE, .msg = "--undo only goes with 'archive'"},
	{.argv = {"dept", "archive", "Sales", "--all"}, .exit = EXIT_USAGE, .msg = "--all only goes with 'list'"},
	{.argv = {"dept", "rename", "Sales", "Revenue", "--behind-the-scenes"}, .exit = EXIT_USAGE,
	 .msg = "only go with 'add' and 'set'"},
	{.argv = {"dept", "set", "Sales"}, .exit = EXIT_USAGE, .msg = "say --behind-the-scenes or --customer-facing"},
	{.argv = {"person", "list", "--undo"}, .exit = EXIT_USAGE, .msg = "--undo only goes with 'archive'"},
	{.argv = {"person", "add", "Bo", "--dept", "Sales", "--name", "Bob"}, .exit = EXIT_USAGE,
	 .msg = "--name only goes with 'edit'"},
	{.argv = {"person", "list", "--role", "lead"}, .exit = EXIT_USAGE, .msg = "only go with 'add' and 'edit'"},
	{.argv = {"person", "archive", "Ana Silva", "--dept", "IT"}, .exit = EXIT_USAGE, .msg = "does not go with"},
	{.argv = {"person", "edit", "Ana Silva"}, .exit = EXIT_USAGE, .msg = "nothing to change"},
	{.argv = {"person", "add", "Bo"}, .exit = EXIT_USAGE, .msg = "needs a department"},
	/* repeated options */
	{.argv = {"person", "add", "Bo", "--dept", "Sales", "--dept", "IT"}, .exit = EXIT_USAGE,
	 .msg = "--dept is given more than once"},
	{.argv = {"person", "edit", "Ana Silva", "--role", "lead", "-r", "guest"}, .exit = EXIT_USAGE,
	 .msg = "--role is given more than once"},
	/* missing option values and unknown options */
	{.argv = {"person", "add", "Bo", "--dept"}, .exit = EXIT_USAGE, .msg = "option '--dept' needs a value"},
	{.argv = {"show", "-o"}, .exit = EXIT_USAGE, .msg = "needs a value"},
	{.argv = {"init", "--org"}, .exit = EXIT_USAGE, .msg = "option '--org' needs a value"},
	{.argv = {"demo", "--years"}, .exit = EXIT_USAGE, .msg = "needs a value"},
	{.argv = {"--db"}, .exit = EXIT_USAGE, .msg = "option '--db' needs a value"},
	{.argv = {"dept", "add", "Legal", "--frobnicate"}, .exit = EXIT_USAGE, .msg = "unknown option '--frobnicate'"},
	{.argv = {"dept", "add", "Legal", "-x"}, .exit = EXIT_USAGE, .msg = "unknown option '-x'"},
	{.argv = {"--frobnicate", "status"}, .exit = EXIT_USAGE, .msg = "unknown option"},
	{.argv = {"frobnicate"}, .exit = EXIT_USAGE, .msg = "is not a cxmeet command"},
	{.argv = {"dept", "explode"}, .exit = EXIT_USAGE, .msg = "expected 'list'"},
	{.argv = {"org", "set", "mission"}, .exit = EXIT_USAGE, .msg = "expected 'show', 'set FIELD VALUE'"},
	{.argv = {"org", "show", "extra"}, .exit = EXIT_USAGE, .msg = "expected 'show'"},
	/* '--' */
	{.argv = {"dept", "add", "--"}, .exit = EXIT_USAGE, .msg = "expected 'list'"},
	{.argv = {"dept", "--", "add"}, .exit = EXIT_USAGE, .msg = "expected 'list'"},
	{.argv = {"dept", "add", "--", "Legal", "--customer-facing"}, .exit = EXIT_USAGE, .msg = "expected 'list'"},
	{.argv = {"--", "frobnicate"}, .exit = EXIT_USAGE, .msg = "is not a cxmeet command"},
	/* absurd clocks */
	{.argv = {"status"}, .exit = EXIT_USAGE, .msg = "CXMEET_NOW='99999-01-01'", .now = "99999-01-01"},
	{.argv = {"status"}, .exit = EXIT_USAGE, .msg = "is not an ISO-8601 time", .now = "2026-02-30T09:00:00Z"},
	{.argv = {"status"}, .exit = EXIT_USAGE, .msg = "is not an ISO-8601 time", .now = "2026-11-23T25:00:00Z"},
	{.argv = {"status"}, .exit = EXIT_USAGE, .msg = "is not an ISO-8601 time", .now = "yesterday"},
	{.argv = {"status"}, .exit = EXIT_USAGE, .msg = "is not an ISO-8601 time", .now = "2026-11-23T09:00:00Z\x1b[2J"},
	/* text through the editor: NUL (impossible in argv), bad bytes, too much */
	{.argv = {"charter", "set", "3"}, .exit = EXIT_USAGE, .msg = "contains a NUL byte",
	 .visual = "printf 'Roles\\000and the rest' > \"$1\""},
	{.argv = {"charter", "set", "3"}, .exit = EXIT_USAGE, .msg = "not valid UTF-8", .visual = "printf 'bad \\377' > \"$1\""},
	{.argv = {"charter", "set", "3"}, .exit = EXIT_USAGE, .msg = "control character",
	 .visual = "printf 'clear \\033[2J' > \"$1\""},
	{.argv = {"charter", "set", "3"}, .exit = EXIT_USAGE, .msg = "too long",
	 .visual = "head -c 200000 /dev/zero | tr '\\000' x > \"$1\""},
	{.argv = {"charter", "set", "3"}, .exit = EXIT_RUNTIME, .msg = "failed", .visual = "exit 3"},
};

/* The argument as the row means it. */
static const char *expand(const char *a)
{
	if (a && strcmp(a, "@1MB") == 0)
		return huge;
	if (a && strcmp(a, "@201") == 0)
		return name201;
	return a;
}

static int run_row(const struct row *r, size_t idx)
{
	char err[256];
	if (r->now) {
		/* What main() does before the command line: the clock comes first. */
		setenv("CXMEET_NOW", r->now, 1);
		int bad = clock_init(err, sizeof err);
		unsetenv("CXMEET_NOW");
		assert_int_equal(clock_init(err + 128, 128), 0);
		if (bad) {
			/* as main() reports it: through cli_report, made printable */
			char *safe = text_printable(err);
			FILE *f = fopen(err_path, "w");
			fprintf(f, "cxmeet: %s\n", safe);
			fclose(f);
			free(safe);
			return EXIT_USAGE;
		}
	}
	char *script = NULL;
	if (r->visual) {
		script = xasprintf("%s/editor%zu.sh", script_dir, idx);
		FILE *f = fopen(script, "w");
		fprintf(f, "#!/bin/sh\n%s\n", r->visual);
		fclose(f);
		chmod(script, 0700);
		setenv("VISUAL", script, 1);
	}
	const char *a[10];
	for (size_t i = 0; i < 10; i++)
		a[i] = expand(r->argv[i]);
	/* the editor runs only with a terminal on standard input and output */
	int saved_in = -1;
	char *tty_path = NULL;
	if (script) {
		int tty = tu_terminal();
		tty_path = xstrdup(ttyname(tty));
		saved_in = dup(0);
		dup2(tty, 0);
		close(tty);
	}
	int rc = tu_cli(db, tty_path ? tty_path : out_path, err_path, a[0], a[1], a[2], a[3], a[4],
			a[5], a[6], a[7], a[8], a[9], NULL);
	free(tty_path);
	if (saved_in >= 0) {
		dup2(saved_in, 0);
		close(saved_in);
	}
	if (script) {
		unsetenv("VISUAL");
		unlink(script);
		free(script);
	}
	return rc;
}

static void table__every_bad_input_is_refused_and_changes_nothing(void **state)
{
	(void)state;
	char *before = dump();
	size_t n = ARRAY_SIZE(rows);
	for (size_t i = 0; i < n; i++) {
		const struct row *r = &rows[i];
		int rc = run_row(r, i);
		char *err = tu_slurp(err_path, NULL);
		char *safe = text_printable(err ? err : "");
		if (rc != r->exit)
			fail_msg("row %zu (%s %s): exit %d, expected %d; stderr: %.300s", i + 1,
				 r->argv[0], r->argv[1] ? r->argv[1] : "", rc, r->exit, safe);
		if (!err || !strstr(err, r->msg))
			fail_msg("row %zu (%s %s): stderr lacks \"%s\": %.300s", i + 1, r->argv[0],
				 r->argv[1] ? r->argv[1] : "", r->msg, safe);
		/* stderr never carries raw escape characters back to the terminal */
		if (strchr(err, '\x1b') || strchr(err, '\x07'))
			fail_msg("row %zu: stderr holds a raw control character", i + 1);
		free(safe);
		free(err);
		char *after = dump();
		if (strcmp(before, after) != 0)
			fail_msg("row %zu (%s %s) changed the database", i + 1, r->argv[0],
				 r->argv[1] ? r->argv[1] : "");
		free(after);
	}
	free(before);
	printf("hostile inputs tried: %zu (each refused with the expected status and message, "
	       "the database unchanged)\n", n);
	assert_true(n >= 40);
}

/* The inputs that are accepted on purpose, and what they store. */
static void accepted__dashes_and_zero_width_joiners(void **state)
{
	(void)state;
	/* '--' ends the options, so a name may start with a dash. */
	assert_int_equal(tu_cli(db, out_path, err_path, "dept", "add", "--", "-Weird", NULL),
			 EXIT_OK);
	assert_int_equal(tu_cli(db, out_path, err_path, "--", "dept", "list", NULL), EXIT_OK);
	char *out = tu_slurp(out_path, NULL);
	assert_non_null(strstr(out, "-Weird"));
	free(out);
	/* Zero-width non-joiner: needed to spell Persian ("Mi-khaham"). */
	assert_int_equal(tu_cli(db, out_path, err_path, "person", "add",
				"\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85",
				"--dept", "Sales", NULL),
			 EXIT_OK);
	/* The same option twice with no value is harmless. */
	assert_int_equal(tu_cli(db, out_path, err_path, "dept", "list", "--all", "--all", NULL),
			 EXIT_OK);
	assert_int_equal(tu_cli(db, out_path, err_path, "dept", "add", "Legal",
				"--behind-the-scenes", "--behind-the-scenes", NULL),
			 EXIT_OK);
}

int main(void)
{
	tu_init("hostile-input");
	db = xasprintf("%s/council.db", tu_dir());
	err_path = xasprintf("%s/stderr.txt", tu_dir());
	out_path = xasprintf("%s/stdout.txt", tu_dir());
	script_dir = xstrdup(tu_dir());
	huge = xmalloc(1024 * 1024 + 1);
	memset(huge, 'x', 1024 * 1024);
	huge[1024 * 1024] = '\0';
	name201 = xmalloc(202);
	memset(name201, 'a', 201);
	name201[201] = '\0';
	if (tu_cli(db, NULL, NULL, "init", "--org", "Acme", NULL) != 0 ||
	    tu_cli(db, NULL, NULL, "person", "add", "Ana Silva", "--dept", "Sales", "--role", "lead",
		   NULL) != 0 ||
	    tu_cli(db, NULL, NULL, "org", "set", "mission", "Keep every promise.", NULL) != 0) {
		fprintf(stderr, "cannot set up the database\n");
		return 1;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(table__every_bad_input_is_refused_and_changes_nothing),
		cmocka_unit_test(accepted__dashes_and_zero_width_joiners),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	free(huge);
	free(name201);
	return rc;
}
