/* test_cli.c - the command line, run in-process on real database files: exit
 * statuses, error messages, and that refused input leaves the file as it was. */
#include <fcntl.h>
#include <getopt.h>
#include <locale.h>
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

#include "config.h"
#include "testutil.h"
#include "cxmeet/cli.h"
#include "cxmeet/dates.h"
#include "cxmeet/progress.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

static char *db;
static char *err_path;
static int counter;

/* Runs `cxmeet --db DB ARGS...` and returns its exit status; stderr goes to a file. */
static int run(const char *first, ...)
{
	va_list ap;
	va_start(ap, first);
	int rc = tu_vcli(db, NULL, err_path, first, ap);
	va_end(ap);
	return rc;
}

/* Runs `cxmeet --db DB ARGS...` with standard input read from fd; a terminal
 * is its standard output too (an editor is started only on one). */
static int run_with_stdin(int fd, const char *first, ...)
{
	va_list ap;
	va_start(ap, first);
	int saved = dup(0);
	dup2(fd, 0);
	clearerr(stdin);
	int rc = tu_vcli(db, isatty(fd) ? ttyname(fd) : NULL, err_path, first, ap);
	dup2(saved, 0);
	close(saved);
	clearerr(stdin);
	va_end(ap);
	return rc;
}

/* A file holding text, opened for reading. */
static int text_fd(const char *text, size_t len)
{
	char *path = xasprintf("%s/stdin.txt", tu_dir());
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	lseek(fd, 0, SEEK_SET);
	free(path);
	return fd;
}

static char *stderr_text(void)
{
	static char buf[4096];
	char *s = tu_slurp(err_path, NULL);
	assert_non_null(s);
	snprintf(buf, sizeof buf, "%s", s);
	free(s);
	return buf;
}

static int64_t query(const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(h);
	return v;
}

static char *query_text(const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	char *v = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(h);
	return v;
}

static int setup(void **state)
{
	(void)state;
	free(db);
	db = xasprintf("%s/test%d.db", tu_dir(), ++counter);
	return 0;
}

static void global__help_version_and_bad_usage(void **state)
{
	(void)state;
	assert_int_equal(run("--help", NULL), EXIT_OK);
	assert_int_equal(run("--version", NULL), EXIT_OK);
	assert_int_equal(run("--frobnicate", NULL), EXIT_USAGE);
	assert_non_null(strstr(stderr_text(), "cxmeet: unknown option"));
	assert_int_equal(run("frobnicate", NULL), EXIT_USAGE);
	assert_non_null(strstr(stderr_text(), "cxmeet: 'frobnicate' is not a cxmeet command"));
	for (size_t i = 0; i < cli_command_count; i++)
		assert_int_equal(run(cli_commands[i]->name, "--help", NULL), EXIT_OK);
	assert_int_equal(run("init", "--bogus", NULL), EXIT_USAGE);
	assert_int_equal(run("init", "extra", NULL), EXIT_USAGE);
	assert_int_equal(access(db, F_OK), -1); /* nothing was created by bad usage */
}

static void init__creates_defaults_once(void **state)
{
	(void)state;
	assert_int_equal(run("init", "--org", "Acme Ltd", NULL), EXIT_OK);
	assert_int_equal(run("init", NULL), EXIT_OK);
	assert_int_equal(query("SELECT count(*) FROM departments"), 10);
	assert_int_equal(query("SELECT count(*) FROM agenda_templates"), 1);
	assert_int_equal(query("SELECT count(*) FROM agenda_template_steps"), 10);
	char *name = query_text("SELECT name FROM organisation");
	assert_string_equal(name, "Acme Ltd");
	free(name);
	struct stat sb;
	assert_int_equal(stat(db, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(run("init", "--org", "", NULL), EXIT_USAGE);
	assert_int_equal(run(NULL), EXIT_OK); /* status */
}

static void dept__add_rename_archive_and_refusals(void **state)
{
	(void)state;
	assert_int_equal(run("dept", "add", "Zoë's Team", "--behind-the-scenes", NULL), EXIT_OK);
	assert_int_equal(query("SELECT count(*) FROM departments WHERE name = 'Zoë''s Team' "
			       "AND facing = 'behind'"), 1);
	int64_t before = query("SELECT count(*) FROM departments");
	assert_int_equal(run("dept", "add", "ZOË'S TEAM", NULL), EXIT_USAGE);
	assert_non_null(strstr(stderr_text(), "already exists"));
	/* Invisible names and look-alikes (a zero-width space, Unicode spaces). */
	assert_int_equal(run("dept", "add", "\xe2\x80\x8b", NULL), EXIT_USAGE);
	assert_int_equal(run("dept", "add", "\xc2\xa0", NULL), EXIT_USAGE);
	assert_int_equal(run("dept", "add", "\xe3\x80\x80", NULL), EXIT_USAGE);
	assert_int_equal(run("dept", "add", "Sales\xe2\x80\x8b", NULL), EXIT_USAGE);
	assert_non_null(strstr(stderr_text(), "already exists"));
	assert_int_equal(run("dept", "add", "bad\x1b[2Jname", NULL), EXIT_USAGE);
	assert_non_null(strstr(stderr_text(), "control character"));
	assert_int_equal(run("dept", "add", "\xff\xfe", NULL), EXIT_USAGE);
	assert_non_null(strstr(stderr_text(), "UTF-8"));
	char *huge = xmalloc(5000);
	memset(huge, 'x', 4999);
	huge[4999] = '\0';
	assert_int_equal(run("dept", "add", huge, NULL), EXIT_USAGE);
	free(huge);
	assert_int_equal(query("SELECT count(*) FROM departments"), before);
	assert_int_equal(run("dept", "rename", "zoë's team", "Platform", NULL), EXIT_OK);
	assert_int_equal(run("dept", "rename", "Nowhere", "X", NULL), EXIT_USAGE);
	assert_int_equal(run("dept", "rename", "Platform", "sales", NULL), EXIT_USAGE);
	assert_int_equal(run("dept", "set", "Platform", "--customer-facing", NULL), EXIT_OK);
	assert_int_equal(run("dept", "set", "Platform", NULL), EXIT_USAGE);
	assert_int_equal(run("dept", "archive", "Platform", NULL), EXIT_OK);
	assert_int_equal(query("SELECT count(*) FROM departments WHERE name = 'Platform' "
			       "AND facing = 'customer' AND archived_at IS NOT NULL"), 1);
	assert_int_equal(run("dept", "archive", "Platform", "--undo", NULL), EXIT_OK);
	assert_int_equal(query("SELECT count(*) FROM departments WHERE archived_at IS NOT NULL"), 0);
	assert_int_equal(run("dept", "list", "--all", NULL), EXIT_OK);
	assert_int_equal(run("dept", "explode", NULL), EXIT_USAGE);
}

static void person__add_edit_archive_and_refusals(void **state)
{
	(void)state;
	assert_int_equal(run("person", "add", "王芳", "--dept", "it", "--role", "sponsor",
			     "--email", "wang@example.com", NULL), EXIT_OK);
	assert_int_equal(query("SELECT count(*) FROM people p JOIN departments d ON "
			       "d.id = p.department_id WHERE p.name = '王芳' AND d.name = 'IT' "
			       "AND p.role = 'sponsor' AND p.email = 'wang@example.com'"), 1);
	assert_int_equal(run("person", "add", "Ana", NULL), EXIT_USAGE);
	assert_int_equal(run("person", "add", "Ana", "--dept", "Nowhere", NULL), EXIT_USAGE);
	assert_non_null(strstr(stderr_text(), "no department named 'Nowhere'"));
	assert_int_equal(run("person", "add", "Ana", "--dept", "IT", "--role", "king", NULL),
			 EXIT_USAGE);
	assert_int_equal(run("person", "add", "Ana", "--dept", "IT", "--email", "nope", NULL),
			 EXIT_USAGE);
	assert_int_equal(run("person", "add", "王芳", "--dept", "Sales", NULL), EXIT_USAGE);
	assert_int_equal(query("SELECT count(*) FROM people"), 1);
	assert_int_equal(run("person", "edit", "王芳", "--role", "lead", "--dept", "Sales",
			     "--email", "", NULL), EXIT_OK);
	assert_int_equal(query("SELECT count(*) FROM people p JOIN departments d ON "
			       "d.id = p.department_id WHERE d.name = 'Sales' AND p.role = 'lead' "
			       "AND p.email IS NULL"), 1);
	assert_int_equal(run("person", "edit", "王芳", NULL), EXIT_USAGE);
	assert_int_equal(run("person", "edit", "Nobody", "--role", "lead", NULL), EXIT_USAGE);
	assert_int_equal(run("person", "archive", "王芳", NULL), EXIT_OK);
	assert_int_equal(query("SELECT count(*) FROM people WHERE archived_at IS NOT NULL"), 1);
	assert_int_equal(run("person", "list", "--all", "--dept", "Sales", NULL), EXIT_OK);
	assert_int_equal(run("dept", "archive", "IT", NULL), EXIT_OK);
	assert_int_equal(run("person", "add", "Ben", "--dept", "IT", NULL), EXIT_USAGE);
	assert_non_null(strstr(stderr_text(), "archived"));
}

static void org__set_and_refuse(void **state)
{
	(void)state;
	assert_int_equal(run("org", "set", "cadence", "biweekly", NULL), EXIT_OK);
	assert_int_equal(run("org", "set", "cadence", "whenever", NULL), EXIT_USAGE);
	assert_non_null(strstr(stderr_text(), "weekly, every two weeks, monthly, quarterly"));
	assert_int_equal(run("org", "set", "cadence", "every 0 days", NULL), EXIT_USAGE);
	/* what was typed is quoted back, but never as raw escape sequences */
	assert_int_equal(run("org", "set", "cadence", "week\x1b[2Jly\x7f", NULL), EXIT_USAGE);
	assert_non_null(strstr(stderr_text(), "'week\xef\xbf\xbd[2Jly\xef\xbf\xbd' is not a cadence"));
	assert_null(strchr(stderr_text(), '\x1b'));
	assert_int_equal(run("dept", "rename", "no\x1b]0;title\x07where", "X", NULL), EXIT_USAGE);
	assert_null(strchr(stderr_text(), '\x1b'));
	assert_null(strchr(stderr_text(), '\x07'));
	assert_int_equal(query("SELECT cadence_n FROM organisation WHERE cadence_unit = 'week'"), 2);
	assert_int_equal(run("org", "set", "cadence", "every 10 days", NULL), EXIT_OK);
	assert_int_equal(query("SELECT cadence_n FROM organisation WHERE cadence_unit = 'day'"), 10);
	assert_int_equal(run("org", "set", "mission", "Every customer, every time.", NULL), EXIT_OK);
	assert_int_equal(run("org", "set", "success", "Churn below 5%.", NULL), EXIT_OK);
	assert_int_equal(run("org", "set", "name", "  ", NULL), EXIT_USAGE);
	assert_int_equal(run("org", "set", "colour", "blue", NULL), EXIT_USAGE);
	assert_int_equal(run("org", "set", "escalate", "0", NULL), EXIT_USAGE);
	assert_int_equal(run("org", "set", "escalate", "5", NULL), EXIT_OK);
	char *m = query_text("SELECT mission FROM organisation");
	assert_string_equal(m, "Every customer, every time.");
	free(m);
	assert_int_equal(query("SELECT escalate_after FROM organisation"), 5);
	assert_int_equal(run("org", "show", NULL), EXIT_OK);
	assert_int_equal(run("org", "history", "mission", NULL), EXIT_OK);
	assert_int_equal(run("org", "show", "extra", NULL), EXIT_USAGE);
}

static void charter__set_by_argument_and_by_editor(void **state)
{
	(void)state;
	assert_int_equal(run("charter", "set", "1", "Be the outfitter people recommend.", NULL),
			 EXIT_OK);
	assert_int_equal(run("charter", "set", "7", "x", NULL), EXIT_USAGE);
	assert_int_equal(run("charter", "set", "0", "x", NULL), EXIT_USAGE);
	char *v = query_text("SELECT vision FROM organisation");
	assert_string_equal(v, "Be the outfitter people recommend.");
	free(v);
	char *script = xasprintf("%s/editor.sh", tu_dir());
	FILE *f = fopen(script, "w");
	fputs("#!/bin/sh\nprintf 'Customer harm first,\\nthen reach.\\n' > \"$1\"\n", f);
	fclose(f);
	chmod(script, 0700);
	setenv("VISUAL", script, 1);
	int tty = tu_terminal();
	assert_int_equal(run_with_stdin(tty, "charter", "set", "4", NULL), EXIT_OK);
	v = query_text("SELECT prioritise FROM organisation");
	assert_string_equal(v, "Customer harm first,\nthen reach.");
	free(v);
	setenv("VISUAL", "false", 1);
	assert_int_equal(run_with_stdin(tty, "charter", "set", "4", NULL), EXIT_RUNTIME);
	close(tty);
	assert_non_null(strstr(stderr_text(), "nothing was changed"));
	v = query_text("SELECT prioritise FROM organisation");
	assert_string_equal(v, "Customer harm first,\nthen reach.");
	free(v);
	unsetenv("VISUAL");
	free(script);
	assert_int_equal(query("SELECT count(*) FROM org_text_versions WHERE field = 'prioritise'"),
			 1);
	assert_int_equal(run("charter", "show", NULL), EXIT_OK);
}

/* The editor is an output too: text stored behind the program's back reaches
 * it (and so the terminal it draws on) with U+FFFD for what is unsafe. */
static void charter__editor_gets_stored_text_made_safe(void **state)
{
	(void)state;
	assert_int_equal(run("init", NULL), EXIT_OK);
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "UPDATE organisation SET prioritise = 'First' || "
					 "char(27) || '[2J' || char(8238) || char(13) || char(10) || "
					 "'line two'", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(h);
	char *script = xasprintf("%s/editor-copy.sh", tu_dir());
	char *seen = xasprintf("%s/seen.md", tu_dir());
	FILE *f = fopen(script, "w");
	fprintf(f, "#!/bin/sh\ncp \"$1\" '%s'\n", seen);
	fclose(f);
	chmod(script, 0700);
	setenv("VISUAL", script, 1);
	int tty = tu_terminal(); /* no editor is started without one */
	assert_int_equal(run_with_stdin(tty, "charter", "set", "4", NULL), EXIT_OK);
	close(tty);
	unsetenv("VISUAL");
	char *text = tu_slurp(seen, NULL);
	assert_non_null(text);
	assert_string_equal(text, "First\xef\xbf\xbd[2J\xef\xbf\xbd\nline two");
	free(text);
	free(seen);
	free(script);
}

/* Commands that print stored text with a plain fprintf (status, the person
 * and department lists) pass it through the guard on stdout all the same. */
/* A tab or a line break stored in a name is a space in a plain table: each
 * department and person stays on one row, in line with the others. */
static void plain__a_stored_line_break_keeps_the_row_whole(void **state)
{
	(void)state;
	assert_int_equal(run("init", NULL), EXIT_OK);
	assert_int_equal(run("person", "add", "Ana", "--dept", "Sales", NULL), EXIT_OK);
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "UPDATE departments SET name = 'Sa' || char(9) || 'les' || "
					 "char(10) || 'x' WHERE name = 'Sales'; UPDATE people SET "
					 "name = 'An' || char(13) || char(10) || 'a'",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(h);
	char *out = xasprintf("%s/rows.out", tu_dir());
	assert_int_equal(tu_cli(db, out, err_path, "dept", "list", NULL), EXIT_OK);
	char *s = tu_slurp(out, NULL);
	assert_non_null(strstr(s, "\nSa les x          customer-facing\n"));
	assert_null(strchr(s, '\t'));
	free(s);
	assert_int_equal(tu_cli(db, out, err_path, "person", "list", NULL), EXIT_OK);
	s = tu_slurp(out, NULL);
	if (strcmp(s, "An a  Sa les x    member\n") != 0)
		fail_msg("person list:\n%s", s);
	free(s);
	free(out);
}

static void guard__plain_prints_of_stored_text_are_made_safe(void **state)
{
	(void)state;
	assert_int_equal(run("init", NULL), EXIT_OK);
	assert_int_equal(run("person", "add", "Ana", "--dept", "Sales", NULL), EXIT_OK);
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	static const char hostile[] = "'x' || char(27) || ']0;t' || char(7) || char(13) || "
				      "char(155) || char(8238) || char(8206) || CAST(X'FF' AS TEXT)";
	char *sql = xasprintf("UPDATE organisation SET name = %s; "
			      "UPDATE departments SET name = 'Sales' || %s WHERE name = 'Sales'; "
			      "UPDATE people SET name = 'Ana' || %s, email = 'a@b.c' || %s",
			      hostile, hostile, hostile, hostile);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	free(sql);
	sqlite3_close(h);
	static const char *const cmds[][3] = {{"status"}, {"person", "list"}, {"dept", "list"}};
	char *out = xasprintf("%s/guard.out", tu_dir());
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		assert_int_equal(tu_cli(db, out, err_path, cmds[i][0], cmds[i][1], NULL), EXIT_OK);
		size_t len;
		char *s = tu_slurp(out, &len);
		assert_non_null(s);
		assert_non_null(strstr(s, "x\xef\xbf\xbd]0;t\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
					  "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"));
		for (size_t k = 0; k < len; k++)
			assert_true((unsigned char)s[k] >= 0x20 || s[k] == '\n');
		assert_null(strstr(s, "\xe2\x80"));
		assert_null(strstr(s, "\xc2\x9b"));
		free(s);
	}
	free(out);
}

/* The full-text index of the demo's history is built once, in bulk: FTS5
 * counts the segments it ever wrote in its structure record (the third
 * varint after the 4-byte cookie), which kept in step item by item is about
 * one per item written. It is whole, search finds what one FTS5 query
 * finds, and the schema is as cxmeet makes it. */
static void demo__builds_the_full_text_index_in_bulk(void **state)
{
	(void)state;
	setenv("CXMEET_NOW", "2026-11-23T09:00:00Z", 1);
	char err[128];
	assert_int_equal(clock_init(err, sizeof err), 0);
	assert_int_equal(run("demo", "--years", "1", "--seed", "7", NULL), EXIT_OK);
	int64_t items = query("SELECT count(*) FROM items");
	char *hex = query_text("SELECT hex(block) FROM items_fts_data WHERE id = 10");
	const char *p = hex + 8; /* past the cookie */
	uint64_t v[3] = {0};
	for (int i = 0; i < 3; i++) {
		unsigned byte;
		do {
			assert_int_equal(sscanf(p, "%2x", &byte), 1);
			p += 2;
			v[i] = v[i] << 7 | (byte & 0x7f);
		} while (byte & 0x80);
	}
	free(hex);
	assert_true(v[1] >= 1);            /* segments now */
	assert_true(v[2] < (uint64_t)items / 10); /* segments ever written */
	assert_int_equal(run("check", NULL), EXIT_OK);
	assert_int_equal(query("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
			       "AND name IN ('items_fts_i', 'items_fts_u')"), 2);
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "INSERT INTO items_fts(items_fts) VALUES "
				      "('integrity-check')", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	char *out = xasprintf("%s/search.csv", tu_dir());
	assert_int_equal(tu_cli(db, out, err_path, "search", "warranty", "--limit", "1000000",
				"--format", "csv", NULL), EXIT_OK);
	size_t len;
	char *csv = tu_slurp(out, &len);
	assert_non_null(csv);
	int64_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += csv[i] == '\n';
	free(csv);
	free(out);
	int64_t want = query("SELECT count(*) FROM items_fts f JOIN items i ON i.id = f.rowid "
			     "WHERE items_fts MATCH '\"warranty\"*' AND i.deleted_at IS NULL");
	assert_true(want > 100);
	assert_int_equal(lines, want + 1); /* and the heading */
	unsetenv("CXMEET_NOW");
}

static void demo__is_deterministic_and_only_for_empty_databases(void **state)
{
	(void)state;
	setenv("CXMEET_NOW", "2026-11-23T09:00:00Z", 1);
	char err[128];
	assert_int_equal(clock_init(err, sizeof err), 0);
	assert_int_equal(run("demo", "--years", "0", NULL), EXIT_USAGE);
	assert_int_equal(run("demo", "--years", "101", NULL), EXIT_USAGE);
	assert_int_equal(run("demo", "--seed", "-1", NULL), EXIT_USAGE);
	assert_int_equal(run("demo", "--years", "1", "--seed", "7", NULL), EXIT_OK);
	int64_t items = query("SELECT count(*) FROM items");
	assert_true(items > 5000);
	char *digest = query_text("SELECT group_concat(text || due_on, '|') FROM "
				  "(SELECT text, due_on FROM items WHERE kind = 'action' "
				  "ORDER BY id LIMIT 50)");
	/* every kind is present, and open actions are overdue relative to now */
	assert_int_equal(query("SELECT count(DISTINCT kind) FROM items"), 8);
	assert_true(query("SELECT count(*) FROM items WHERE kind = 'action' AND status = 'open' "
			  "AND due_on < '2026-11-23'") > 0);
	assert_true(query("SELECT count(*) FROM item_events WHERE event = 'due_moved'") > 0);
	assert_true(query("SELECT count(*) FROM items WHERE status = 'dropped'") > 0);
	/* its words are plain English: no "to 1 days" in a win */
	assert_true(query("SELECT count(*) FROM items WHERE text LIKE '% to 1 day'") > 0);
	assert_int_equal(query("SELECT count(*) FROM items WHERE text LIKE '% 1 days%'"), 0);
	assert_int_equal(query("SELECT count(*) FROM meetings WHERE status = 'in_progress'"), 0);
	assert_true(query("SELECT max(started_at) FROM meetings") < 0 ||
		    query("SELECT count(*) FROM meetings WHERE started_at > '2026-11-23'") == 0);
	assert_int_equal(run("demo", NULL), EXIT_USAGE);
	assert_int_equal(query("SELECT count(*) FROM items"), items);
	/* the same seed writes the same history, byte for byte in the export */
	char *json1 = xasprintf("%s/first.json", tu_dir());
	char *json2 = xasprintf("%s/second.json", tu_dir());
	assert_int_equal(tu_cli(db, json1, err_path, "export", "--format", "json", NULL), EXIT_OK);
	free(db);
	db = xasprintf("%s/second.db", tu_dir());
	assert_int_equal(run("demo", "--years", "1", "--seed", "7", NULL), EXIT_OK);
	assert_int_equal(query("SELECT count(*) FROM items"), items);
	assert_int_equal(tu_cli(db, json2, err_path, "export", "--format", "json", NULL), EXIT_OK);
	size_t len1, len2;
	char *e1 = tu_slurp(json1, &len1), *e2 = tu_slurp(json2, &len2);
	assert_non_null(e1);
	assert_non_null(e2);
	assert_true(len1 > 1000000);
	assert_int_equal(len1, len2);
	assert_memory_equal(e1, e2, len1);
	free(e1);
	free(e2);
	free(json1);
	free(json2);
	char *digest2 = query_text("SELECT group_concat(text || due_on, '|') FROM "
				   "(SELECT text, due_on FROM items WHERE kind = 'action' "
				   "ORDER BY id LIMIT 50)");
	assert_string_equal(digest, digest2);
	free(digest);
	free(digest2);
	unsetenv("CXMEET_NOW");
	clock_init(err, sizeof err);
}

/* An order-free digest of every row of every table of path (the full-text
 * index's own tables but its rows, which follow from the items'), with the
 * number of tables read in *tables. */
static uint64_t rows_digest(const char *path, int *tables)
{
	sqlite3 *h;
	sqlite3_stmt *t, *s;
	uint64_t sum = 0;
	*tables = 0;
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT name FROM sqlite_master WHERE type = 'table'"
					    " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
					    " AND name NOT LIKE 'items\\_fts%' ESCAPE '\\'"
					    " ORDER BY name", -1, &t, NULL), SQLITE_OK);
	while (sqlite3_step(t) == SQLITE_ROW) {
		char *sql = sqlite3_mprintf("SELECT * FROM \"%w\"", sqlite3_column_text(t, 0));
		assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &s, NULL), SQLITE_OK);
		sqlite3_free(sql);
		(*tables)++;
		while (sqlite3_step(s) == SQLITE_ROW) {
			uint64_t row = 0xcbf29ce484222325ull + (uint64_t)*tables;
			for (int c = 0; c < sqlite3_column_count(s); c++) {
				const unsigned char *v = sqlite3_column_text(s, c);
				int n = sqlite3_column_bytes(s, c);
				row = (row ^ (uint64_t)(v ? n + 1 : 0)) * 0x100000001b3ull;
				for (int i = 0; v && i < n; i++)
					row = (row ^ v[i]) * 0x100000001b3ull;
			}
			sum += row * 0x9e3779b97f4a7c15ull;
		}
		sqlite3_finalize(s);
	}
	sqlite3_finalize(t);
	sqlite3_close(h);
	return sum;
}

/* The demo writes its rows in bulk (no CHECK nor foreign key tested row by
 * row), through a rollback journal when the file is open nowhere else: one
 * seed writes the same rows, in every table, twice, the second time with
 * the file open elsewhere (through the log then); they keep every CHECK
 * constraint and foreign key of the schema, and the file is left in
 * write-ahead-log mode. */
static void demo__one_seed_writes_the_same_rows_in_every_table(void **state)
{
	(void)state;
	setenv("CXMEET_NOW", "2026-11-23T09:00:00Z", 1);
	char err[128];
	assert_int_equal(clock_init(err, sizeof err), 0);
	assert_int_equal(run("demo", "--years", "2", "--seed", "11", NULL), EXIT_OK);
	assert_true(query("SELECT count(*) FROM item_events") > 20000);
	assert_int_equal(query("SELECT count(*) FROM pragma_foreign_key_check"), 0);
	char *ok = query_text("PRAGMA integrity_check"); /* the CHECK constraints too */
	assert_string_equal(ok, "ok");
	free(ok);
	char *mode = query_text("PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);
	int n1, n2;
	uint64_t first = rows_digest(db, &n1);
	free(db);
	db = xasprintf("%s/again.db", tu_dir());
	assert_int_equal(run("init", "--org", "Northwind Outfitters", NULL), EXIT_OK);
	sqlite3 *other;
	assert_int_equal(sqlite3_open(db, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "SELECT count(*) FROM items", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(run("demo", "--years", "2", "--seed", "11", NULL), EXIT_OK);
	sqlite3_close(other);
	mode = query_text("PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);
	uint64_t second = rows_digest(db, &n2);
	assert_true(n1 >= 15);
	assert_int_equal(n1, n2);
	assert_true(first == second);
	/* another seed, another history */
	free(db);
	db = xasprintf("%s/other.db", tu_dir());
	assert_int_equal(run("demo", "--years", "2", "--seed", "12", NULL), EXIT_OK);
	assert_true(rows_digest(db, &n2) != first);
	unsetenv("CXMEET_NOW");
	clock_init(err, sizeof err);
}

/* The progress line of long work: what, a bar, the percentage, the count of
 * the total, the rate and the time left, never wider than the screen (less
 * one column); the bar keeps its length whatever the count, and goes on a
 * narrow screen. */
static void progress__count_rate_and_time_left_fit_the_screen(void **state)
{
	(void)state;
	char line[512], later[512];
	progress_format(line, sizeof line, 100, "writing the history", "weeks", 130, 520, 0.5);
	assert_string_equal(line, "cxmeet: writing the history [####.............] "
			    " 25% 130/520 weeks,   260 weeks/s, 2 s left");
	assert_true(strlen(line) <= 99);
	progress_format(later, sizeof later, 100, "writing the history", "weeks", 7, 520, 0.5);
	assert_int_equal(strchr(later, ']') - later, strchr(line, ']') - line);
	assert_non_null(strstr(later, "   1% " "  7/520 weeks,    14 weeks/s, 37 s left"));
	progress_format(line, sizeof line, 100, "writing the history", "weeks", 26, 5200, 2.0);
	assert_non_null(strstr(line, "   0%   26/5200 weeks,    13 weeks/s, 6 min 38 s left"));
	progress_format(line, sizeof line, 72, "writing the history", "weeks", 130, 520, 0.5);
	assert_null(strchr(line, '['));
	assert_string_equal(line, "cxmeet: writing the history  25% 130/520 weeks,   260 weeks/s, 2 s left");
	progress_format(line, sizeof line, 40, "writing the history", "weeks", 130, 520, 0.5);
	assert_int_equal(strlen(line), 39);
	progress_format(line, sizeof line, 100, "writing the history", "weeks", 0, 520, 0.0);
	assert_non_null(strstr(line, "   0% " "  0/520 weeks,     0 weeks/s, ? left"));
}

static void store_errors__distinct_statuses_and_leave_file_alone(void **state)
{
	(void)state;
	FILE *f = fopen(db, "w");
	fputs("not a database at all, just some text that is long enough to matter......\n", f);
	for (int i = 0; i < 100; i++)
		fputs("................................................................\n", f);
	fclose(f);
	struct stat before, after;
	stat(db, &before);
	assert_int_equal(run("dept", "list", NULL), EXIT_DAMAGED);
	assert_non_null(strstr(stderr_text(), "not a cxmeet database"));
	stat(db, &after);
	assert_int_equal(after.st_size, before.st_size);
	assert_int_equal(after.st_mtime, before.st_mtime);
	assert_int_equal(run("dept", "list", NULL), EXIT_DAMAGED);
	unlink(db);
	assert_int_equal(run("init", NULL), EXIT_OK);
	sqlite3 *h;
	sqlite3_open(db, &h);
	sqlite3_exec(h, "PRAGMA user_version = 99", NULL, NULL, NULL);
	sqlite3_close(h);
	assert_int_equal(run("dept", "add", "Legal", NULL), EXIT_NEWER);
	assert_non_null(strstr(stderr_text(), "newer cxmeet"));
	assert_int_equal(query("SELECT count(*) FROM departments WHERE name = 'Legal'"), 0);
}

static void paths__environment_decides_the_default(void **state)
{
	(void)state;
	setenv("CXMEET_DB", "/x/y.db", 1);
	char *p = cli_default_db_path();
	assert_string_equal(p, "/x/y.db");
	free(p);
	unsetenv("CXMEET_DB");
	setenv("XDG_DATA_HOME", "/data", 1);
	p = cli_default_db_path();
	assert_string_equal(p, "/data/cxmeet/cxmeet.db");
	free(p);
	setenv("XDG_DATA_HOME", "relative", 1);
	setenv("HOME", "/home/u", 1);
	p = cli_default_db_path();
	assert_string_equal(p, "/home/u/.local/share/cxmeet/cxmeet.db");
	free(p);
}

/* A failed write of the output is reported once, whatever the command, with
 * its cause, and a full disk has its own exit status. */
static void output__a_full_disk_is_reported_once(void **state)
{
	(void)state;
	assert_int_equal(run("init", "--org", "Acme", NULL), EXIT_OK);
	assert_int_equal(run("person", "add", "Ann", "--dept", "Sales", NULL), EXIT_OK);
	static const char *const cmds[][6] = {
		{"decisions"}, {"history"}, {"actions"}, {"status"}, {"dept", "list"},
		{"person", "list"}, {"org", "show"}, {"cadence"}, {"cadence", "--format", "json"},
		{"champions", "--all"}, {"digest"}, {"agenda", "list"}, {"search", "x"},
		{"export", "-o", "-"}, {"export", "--format", "ics", "-o", "-"}, {"check"},
		{"decisions", "--help"}, {"--help"}, {"--version"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cmds); i++) {
		int rc = tu_cli(db, "/dev/full", err_path, cmds[i][0], cmds[i][1], cmds[i][2],
				cmds[i][3], cmds[i][4], NULL);
		const char *err = stderr_text();
		if (rc != EXIT_FULL || strcmp(err, "cxmeet: cannot write the output: "
						  "No space left on device\n") != 0)
			fail_msg("cxmeet %s %s: exit %d, stderr: %s", cmds[i][0],
				 cmds[i][1] ? cmds[i][1] : "", rc, err);
	}
}

static bool exists(const char *path, const char *suffix)
{
	char *p = xasprintf("%s%s", path, suffix);
	bool yes = access(p, F_OK) == 0;
	free(p);
	return yes;
}

/* Only init, demo and the full-screen interface create a database; every
 * other command on a missing (or empty) file says so and creates nothing. */
#if !HAVE_POSTGRESQL
/* A database argument naming a PostgreSQL server is not taken for a path:
 * this build has no backend for it, says so with the status of a database
 * that cannot be opened (4), and creates nothing. */
static void open__a_server_address_is_refused_without_its_backend(void **state)
{
	(void)state;
	static const char *const dbs[] = {"postgresql://x/y", "postgres://cx@host/cx",
					  "service=cx"};
	char *here = getcwd(NULL, 0);
	assert_int_equal(chdir(tu_dir()), 0);
	for (size_t i = 0; i < ARRAY_SIZE(dbs); i++) {
		int rc = tu_cli(dbs[i], NULL, err_path, "init", NULL);
		const char *err = stderr_text();
		if (rc != EXIT_READONLY || !strstr(err, "this build has no PostgreSQL backend"))
			fail_msg("init with --db %s: exit %d, stderr: %s", dbs[i], rc, err);
		assert_int_equal(tu_cli(dbs[i], NULL, err_path, "history", NULL), EXIT_READONLY);
		assert_non_null(strstr(stderr_text(), "this build has no PostgreSQL backend"));
	}
	assert_int_equal(access("postgresql:", F_OK), -1);
	assert_int_equal(access("postgres:", F_OK), -1);
	assert_int_equal(access("service=cx", F_OK), -1);
	struct store *st = (struct store *)1;
	char msg[200];
	assert_int_equal(store_open("postgresql://x/y", &st, msg, sizeof msg), STORE_READONLY);
	assert_null(st);
	assert_non_null(strstr(msg, "this build has no PostgreSQL backend"));
	assert_int_equal(chdir(here), 0);
	free(here);
}
#else
/* With the PostgreSQL backend, a database argument naming a server is not
 * taken for a path either: a server that is not there is told as such (9),
 * a password in the argument is refused (2), and no file is made. (The
 * backend's other failures: tests/pg/errors.sh.) */
static void open__a_server_address_is_never_a_file(void **state)
{
	(void)state;
	static const char *const dbs[] = {"postgresql://cx@/cx?host=/nonexistent-cxmeet",
					  "postgres://cx@/cx?host=/nonexistent-cxmeet"};
	char *here = getcwd(NULL, 0);
	assert_int_equal(chdir(tu_dir()), 0);
	for (size_t i = 0; i < ARRAY_SIZE(dbs); i++) {
		int rc = tu_cli(dbs[i], NULL, err_path, "init", NULL);
		const char *err = stderr_text();
		if (rc != EXIT_UNREACHABLE || !strstr(err, "cannot reach the server"))
			fail_msg("init with --db %s: exit %d, stderr: %s", dbs[i], rc, err);
		assert_int_equal(tu_cli(dbs[i], NULL, err_path, "history", NULL), EXIT_UNREACHABLE);
	}
	assert_int_equal(tu_cli("postgresql://cx:secret@/cx?host=/nonexistent-cxmeet", NULL,
				err_path, "init", NULL), EXIT_USAGE);
	assert_non_null(strstr(stderr_text(), "holds a password"));
	assert_null(strstr(stderr_text(), "secret"));
	assert_int_equal(access("postgresql:", F_OK), -1);
	assert_int_equal(access("postgres:", F_OK), -1);
	struct store *st = (struct store *)1;
	char msg[300];
	assert_int_equal(store_open(dbs[0], &st, msg, sizeof msg), STORE_UNREACHABLE);
	assert_null(st);
	assert_int_equal(chdir(here), 0);
	free(here);
}
#endif

static void open__a_missing_database_is_not_created(void **state)
{
	(void)state;
	static const char *const cmds[][4] = {
		{"history"}, {"status"}, {"actions"}, {"decisions"}, {"dept", "list"},
		{"dept", "add", "Legal"}, {"person", "list"}, {"org", "show"},
		{"org", "set", "name", "Acme"}, {"charter", "set", "1", "x"}, {"cadence"},
		{"search", "x"}, {"show", "last"}, {"export", "-o", "-"}, {"check"},
		{"agenda", "list"}, {"overdue"}, {"digest"}, {"champions"}, {"done", "1"},
		{"add", "note", "x"}, {"messages"}, {"ack", "1"}, {"kpi", "list"},
		{"measure", "list"}, {"measure", "set", "NPS", "3"}, {"ledger"},
		{"packet", "--format", "md"}, {"focus"}, {"initiative", "list"},
		{"initiative", "track", "1", "on"}, {"council", "list"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cmds); i++) {
		int rc = run(cmds[i][0], cmds[i][1], cmds[i][2], cmds[i][3], NULL);
		const char *err = stderr_text();
		if (rc != EXIT_USAGE || !strstr(err, "there is no database at ") ||
		    !strstr(err, "cxmeet init") || exists(db, "") || exists(db, "-wal") ||
		    exists(db, "-shm") || exists(db, "-journal"))
			fail_msg("cxmeet %s %s: exit %d, stderr: %s", cmds[i][0],
				 cmds[i][1] ? cmds[i][1] : "", rc, err);
	}
	/* nor in a folder that does not exist */
	char *deep = xasprintf("%s/no-such-folder/x.db", tu_dir());
	assert_int_equal(tu_cli(deep, NULL, err_path, "history", NULL), EXIT_USAGE);
	char *folder = xasprintf("%s/no-such-folder", tu_dir());
	assert_int_equal(access(folder, F_OK), -1);
	free(folder);
	free(deep);
	/* an empty file is no database either, and stays empty */
	close(open(db, O_WRONLY | O_CREAT, 0600));
	assert_int_equal(run("history", NULL), EXIT_USAGE);
	assert_non_null(strstr(stderr_text(), "the file is empty"));
	struct stat sb;
	assert_int_equal(stat(db, &sb), 0);
	assert_int_equal(sb.st_size, 0);
	unlink(db);
	assert_int_equal(run("init", NULL), EXIT_OK);
	assert_int_equal(run("history", NULL), EXIT_OK);
	unlink(db);
	setenv("CXMEET_NOW", "2026-11-23T09:00:00Z", 1);
	assert_int_equal(run("demo", "--years", "1", NULL), EXIT_OK);
	unsetenv("CXMEET_NOW");
	assert_true(exists(db, ""));
}

/* A name whose companion files (-journal, -wal, -shm) would be too long is
 * reported as that, not as a read-only file; nothing is created. */
static void open__a_name_too_long_for_the_companion_files_says_so(void **state)
{
	(void)state;
	char name[251];
	memset(name, 'n', 250);
	name[250] = '\0';
	char *path = xasprintf("%s/%s", tu_dir(), name);
	assert_int_equal(tu_cli(path, NULL, err_path, "init", NULL), EXIT_USAGE);
	const char *err = stderr_text();
	assert_non_null(strstr(err, "is too long"));
	assert_non_null(strstr(err, "-wal"));
	assert_non_null(strstr(err, "at most 247 bytes"));
	assert_null(strstr(err, "read-only"));
	assert_false(exists(path, ""));
	name[247] = '\0'; /* the longest that fits */
	free(path);
	path = xasprintf("%s/%s", tu_dir(), name);
	assert_int_equal(tu_cli(path, NULL, err_path, "init", NULL), EXIT_OK);
	assert_int_equal(tu_cli(path, NULL, err_path, "status", NULL), EXIT_OK);
	free(path);
	/* a whole path too long for SQLite: folders of 200 bytes each */
	char part[201];
	memset(part, 'p', 200);
	part[200] = '\0';
	char *dir = xasprintf("%s/%s", tu_dir(), part);
	mkdir(dir, 0700);
	char *dir2 = xasprintf("%s/%s", dir, part);
	mkdir(dir2, 0700);
	path = xasprintf("%s/%s.db", dir2, part);
	assert_int_equal(tu_cli(path, NULL, err_path, "init", NULL), EXIT_USAGE);
	err = stderr_text();
	assert_non_null(strstr(err, "is too long"));
	assert_null(strstr(err, "read-only"));
	assert_false(exists(path, ""));
	free(path);
	free(dir2);
	free(dir);
}

/* "-" reads the text from standard input wherever text is taken; without a
 * terminal no editor is started, and nothing is written. */
static void text__dash_reads_standard_input_and_no_editor_without_a_terminal(void **state)
{
	(void)state;
	assert_int_equal(run("init", NULL), EXIT_OK);
	int64_t versions = query("SELECT count(*) FROM org_text_versions");
	char *script = xasprintf("%s/editor-ran.sh", tu_dir());
	char *mark = xasprintf("%s/editor-ran", tu_dir());
	FILE *f = fopen(script, "w");
	fprintf(f, "#!/bin/sh\ntouch '%s'; echo edited > \"$1\"\n", mark);
	fclose(f);
	chmod(script, 0700);
	setenv("VISUAL", script, 1);
	int fd = text_fd("x\n", 2);
	assert_int_equal(run_with_stdin(fd, "charter", "set", "4", NULL), EXIT_USAGE);
	close(fd);
	assert_non_null(strstr(stderr_text(), "standard input is not a terminal"));
	assert_int_equal(access(mark, F_OK), -1);
	assert_int_equal(query("SELECT count(*) FROM org_text_versions"), versions);
	unsetenv("VISUAL");

	fd = text_fd("Customer harm first,\nthen reach.\n", 33);
	assert_int_equal(run_with_stdin(fd, "charter", "set", "4", "-", NULL), EXIT_OK);
	close(fd);
	char *v = query_text("SELECT prioritise FROM organisation");
	assert_string_equal(v, "Customer harm first,\nthen reach.");
	free(v);
	fd = text_fd("Every customer, every time, everywhere.\n", 40);
	assert_int_equal(run_with_stdin(fd, "org", "set", "mission", "-", NULL), EXIT_OK);
	close(fd);
	v = query_text("SELECT mission FROM organisation");
	assert_string_equal(v, "Every customer, every time, everywhere.");
	free(v);
	fd = text_fd("monthly\n", 8);
	assert_int_equal(run_with_stdin(fd, "org", "set", "cadence", "-", NULL), EXIT_OK);
	close(fd);
	assert_int_equal(query("SELECT cadence_n FROM organisation"), 1);
	/* refused text writes nothing */
	fd = text_fd("a\0b", 3);
	assert_int_equal(run_with_stdin(fd, "org", "set", "success", "-", NULL), EXIT_USAGE);
	close(fd);
	assert_non_null(strstr(stderr_text(), "NUL byte"));
	assert_int_equal(query("SELECT count(*) FROM org_text_versions WHERE field = 'success'"),
			 0);
	free(script);
	free(mark);
}

/* Every date option takes the one date grammar: history --since friday (the
 * last Friday) as due dates take "friday" (the next one). */
static void dates__since_takes_the_grammar_of_due_dates(void **state)
{
	(void)state;
	setenv("CXMEET_NOW", "2026-11-23T09:00:00Z", 1); /* a Monday */
	assert_int_equal(run("demo", "--years", "1", "--seed", "3", NULL), EXIT_OK);
	char *a = xasprintf("%s/since-a.txt", tu_dir());
	char *b = xasprintf("%s/since-b.txt", tu_dir());
	static const char *const pairs[][2] = {
		{"friday", "2026-11-20"}, {"fri", "2026-11-20"}, {"-2w", "2026-11-09"},
		{"yesterday", "2026-11-22"}, {"monday", "2026-11-16"}, {"today", "2026-11-23"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(pairs); i++) {
		assert_int_equal(tu_cli(db, a, err_path, "history", "--since", pairs[i][0],
					"--format", "csv", NULL), EXIT_OK);
		assert_int_equal(tu_cli(db, b, err_path, "history", "--since", pairs[i][1],
					"--format", "csv", NULL), EXIT_OK);
		char *ta = tu_slurp(a, NULL), *tb = tu_slurp(b, NULL);
		assert_string_equal(ta, tb);
		free(ta);
		free(tb);
	}
	/* the filter works: a month back holds meetings, all of them from then on */
	assert_int_equal(tu_cli(db, b, err_path, "history", "--since", "-3w", "--format", "csv",
				NULL), EXIT_OK);
	char *month = tu_slurp(b, NULL);
	assert_non_null(strstr(month, "\n2026-11-") ? month : strstr(month, ",2026-11-"));
	assert_null(strstr(month, ",2026-10-"));
	free(month);
	assert_int_equal(run("history", "--since", "soon", NULL), EXIT_USAGE);
	assert_non_null(strstr(stderr_text(), "yesterday"));
	assert_int_equal(run("actions", "--due-before", "friday", NULL), EXIT_OK);
	assert_int_equal(run("actions", "--due-before", "-1w", NULL), EXIT_OK);
	unsetenv("CXMEET_NOW");
	free(a);
	free(b);
}

/* Without $USER nobody is recorded, and nothing says "by unknown". */
static void words__an_unknown_author_is_left_out(void **state)
{
	(void)state;
	char *user = getenv("USER") ? xstrdup(getenv("USER")) : NULL;
	unsetenv("USER");
	assert_int_equal(run("init", NULL), EXIT_OK);
	assert_int_equal(run("org", "set", "mission", "Kept promises.", NULL), EXIT_OK);
	/* and a version written by an older cxmeet, which stored "unknown" */
	assert_int_equal(run("org", "set", "success", "Repeat buyers.", NULL), EXIT_OK);
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "UPDATE org_text_versions SET changed_by = 'unknown' "
					 "WHERE field = 'success'", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	assert_int_equal(query("SELECT count(*) FROM org_text_versions WHERE field = 'mission' "
			       "AND changed_by IS NULL"), 1);
	char *out = xasprintf("%s/history.txt", tu_dir());
	assert_int_equal(tu_cli(db, out, err_path, "org", "history", "mission", NULL), EXIT_OK);
	char *text = tu_slurp(out, NULL);
	assert_non_null(strstr(text, "Kept promises."));
	assert_null(strstr(text, "unknown"));
	assert_null(strstr(text, " by"));
	free(text);
	assert_int_equal(tu_cli(db, out, err_path, "org", "history", "success", NULL), EXIT_OK);
	text = tu_slurp(out, NULL);
	assert_null(strstr(text, "unknown"));
	free(text);
	setenv("USER", "ana", 1);
	assert_int_equal(run("org", "set", "mission", "Kept promises, always.", NULL), EXIT_OK);
	assert_int_equal(tu_cli(db, out, err_path, "org", "history", "mission", NULL), EXIT_OK);
	text = tu_slurp(out, NULL);
	assert_non_null(strstr(text, "  by ana\n  Kept promises, always."));
	free(text);
	free(out);
	if (user)
		setenv("USER", user, 1);
	else
		unsetenv("USER");
	free(user);
}

/* How many lines of the file hold `needle`. */
static int lines_with(const char *path, const char *needle)
{
	char *s = tu_slurp(path, NULL), *save = NULL;
	int n = 0;
	assert_non_null(s);
	for (char *line = strtok_r(s, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		n += strstr(line, needle) != NULL;
	free(s);
	return n;
}

/* The display column where `needle` starts in line (NULL: not in it). */
static int column_of(const char *line, const char *needle)
{
	const char *at = strstr(line, needle);
	if (!at)
		return -1;
	char *prefix = xstrndup(line, (size_t)(at - line));
	int w = text_width(prefix);
	free(prefix);
	return w;
}

/* More overdue actions than a page of the store: the list is read in one
 * pass, and the plain table written a page at a time, so its widths are
 * fixed before the last rows are read.
 * A wide (CJK) owner and department that appear only in the last row must
 * still fit their columns: every row's text starts under the header's. */
static void overdue__a_long_list_aligns_a_name_seen_only_at_its_end(void **state)
{
	(void)state;
	assert_int_equal(run("init", NULL), EXIT_OK);
	assert_int_equal(run("dept", "add", "顧客体験のとても長い部門名", NULL), EXIT_OK);
	assert_int_equal(run("person", "add", "Ana", "--dept", "Sales", NULL), EXIT_OK);
	assert_int_equal(run("person", "add", "山田 花子 Yamada-Hanako-Longname", "--dept",
			     "顧客体験のとても長い部門名", NULL),
			 EXIT_OK);
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(
		sqlite3_exec(h,
			     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
			     "WHERE i < 4500) INSERT INTO items (kind, text, department_id, "
			     "person_id, due_on, status, created_at, updated_at) SELECT 'action', "
			     "'Task-' || i, (SELECT department_id FROM people WHERE name = 'Ana'), "
			     "(SELECT id FROM people WHERE name = 'Ana'), date('2001-01-01', '+' "
			     "|| (i % 3000) || ' days'), 'open', '2000-12-01T09:00:00Z', "
			     "'2000-12-01T09:00:00Z' FROM n; INSERT INTO items (kind, text, "
			     "department_id, person_id, due_on, status, created_at, updated_at) "
			     "SELECT 'action', 'Task-last', department_id, id, '2010-01-01', "
			     "'open', '2000-12-01T09:00:00Z', '2000-12-01T09:00:00Z' FROM people "
			     "WHERE name LIKE '山田%'",
			     NULL, NULL, NULL),
		SQLITE_OK);
	sqlite3_close(h);
	char *out = xasprintf("%s/overdue.out", tu_dir());
	char *trace = xasprintf("%s/overdue.trace", tu_dir());
	unlink(trace);
	setenv("CXMEET_TRACE_SQL", trace, 1);
	int rc = tu_cli(db, out, err_path, "overdue", NULL);
	unsetenv("CXMEET_TRACE_SQL");
	assert_int_equal(rc, EXIT_OVERDUE);
	/* one pass: one statement, the overdue part's, not one for each page;
	 * the list's three other parts cannot hold an overdue action and are
	 * neither compiled nor run */
	assert_int_equal(lines_with(trace, "items_kind_status_due"), 1);
	free(trace);
	char *s = tu_slurp(out, NULL), *save = NULL;
	int rows = 0, text_col = -1;
	bool seen_last = false;
	for (char *line = strtok_r(s, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (text_col < 0) {
			text_col = column_of(line, "text");
			assert_true(text_col > 0);
			continue;
		}
		if (column_of(line, "Task-") != text_col)
			fail_msg("row %d is not aligned with the header:\n%s", rows + 1, line);
		if (strstr(line, "Task-last")) {
			seen_last = true;
			assert_non_null(strstr(line, "山田 花子 Yamada-Hanako-Longname  顧客体験"));
		}
		rows++;
	}
	assert_int_equal(rows, 4501);
	assert_true(seen_last);
	free(s);
	free(out);
}

/* Every match of a word found in most items is read by one statement: read
 * a page at a time, each page started the search over (FTS5 merges every
 * match of the word again), 22 s for a million matches. The rows are all
 * there, newest first, and the table aligned as a page at a time writes it. */
static void search__every_match_in_one_pass(void **state)
{
	(void)state;
	assert_int_equal(run("init", NULL), EXIT_OK);
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(
		sqlite3_exec(h,
			     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
			     "WHERE i < 4500) INSERT INTO items (kind, text, created_at, "
			     "updated_at) SELECT 'note', 'Alpha note ' || i, "
			     "'2020-01-01T09:00:00Z', '2020-01-01T09:00:00Z' FROM n",
			     NULL, NULL, NULL),
		SQLITE_OK);
	sqlite3_close(h);
	char *out = xasprintf("%s/search.out", tu_dir());
	char *trace = xasprintf("%s/search.trace", tu_dir());
	unlink(trace);
	setenv("CXMEET_TRACE_SQL", trace, 1);
	int rc = tu_cli(db, out, err_path, "search", "alpha", "--limit", "1000000", "--format",
			"csv", NULL);
	unsetenv("CXMEET_TRACE_SQL");
	assert_int_equal(rc, EXIT_OK);
	assert_int_equal(lines_with(trace, "MATCH"), 1);
	assert_int_equal(lines_with(out, "Alpha note"), 4500);
	char *s = tu_slurp(out, NULL);
	/* newest first: the last note inserted, then the one before */
	assert_non_null(strstr(s, "\r\n4500,note,2020-01-01,,,,Alpha note 4500\r\n4499,"));
	free(s);
	assert_int_equal(tu_cli(db, out, err_path, "search", "alpha", "--limit", "4000", NULL),
			 EXIT_OK);
	assert_int_equal(lines_with(out, "Alpha note"), 4000);
	assert_int_equal(lines_with(out, "there are more"), 1);
	free(trace);
	free(out);
}

/* One rule for the words of every search (core's search_words): text unfit
 * to keep (a control character, bytes that are not UTF-8) is refused with
 * the reason by `search` as by `decisions --search`, with exit status 2, and
 * the same words find the same items in both. */
static void search__one_rule_for_the_words_of_every_search(void **state)
{
	(void)state;
	assert_int_equal(run("init", NULL), EXIT_OK);
	assert_int_equal(run("search", "refund\x1b[2J", NULL), EXIT_USAGE);
	assert_non_null(strstr(stderr_text(), "the search contains a control character (U+001B)"));
	assert_int_equal(run("decisions", "--search", "refund\x1b[2J", NULL), EXIT_USAGE);
	assert_non_null(strstr(stderr_text(), "the search contains a control character (U+001B)"));
	assert_int_equal(run("search", "\xffrefund", NULL), EXIT_USAGE);
	assert_non_null(strstr(stderr_text(), "the search is not valid UTF-8 text"));
	assert_int_equal(run("decisions", "--search", "\"*:-", NULL), EXIT_USAGE);
	assert_non_null(strstr(stderr_text(), "nothing to search for"));
}

int main(void)
{
	tu_init("cli");
	err_path = xasprintf("%s/stderr.txt", tu_dir());
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(global__help_version_and_bad_usage, setup),
		cmocka_unit_test_setup(init__creates_defaults_once, setup),
		cmocka_unit_test(dept__add_rename_archive_and_refusals),
		cmocka_unit_test(person__add_edit_archive_and_refusals),
		cmocka_unit_test(org__set_and_refuse),
		cmocka_unit_test(charter__set_by_argument_and_by_editor),
		cmocka_unit_test(charter__editor_gets_stored_text_made_safe),
		cmocka_unit_test(guard__plain_prints_of_stored_text_are_made_safe),
		cmocka_unit_test_setup(plain__a_stored_line_break_keeps_the_row_whole, setup),
		cmocka_unit_test_setup(demo__is_deterministic_and_only_for_empty_databases, setup),
		cmocka_unit_test_setup(demo__builds_the_full_text_index_in_bulk, setup),
		cmocka_unit_test_setup(demo__one_seed_writes_the_same_rows_in_every_table, setup),
		cmocka_unit_test(progress__count_rate_and_time_left_fit_the_screen),
		cmocka_unit_test_setup(store_errors__distinct_statuses_and_leave_file_alone, setup),
		cmocka_unit_test(paths__environment_decides_the_default),
		cmocka_unit_test_setup(output__a_full_disk_is_reported_once, setup),
		cmocka_unit_test_setup(open__a_missing_database_is_not_created, setup),
#if HAVE_POSTGRESQL
		cmocka_unit_test_setup(open__a_server_address_is_never_a_file, setup),
#else
		cmocka_unit_test_setup(open__a_server_address_is_refused_without_its_backend, setup),
#endif
		cmocka_unit_test_setup(search__one_rule_for_the_words_of_every_search, setup),
		cmocka_unit_test_setup(words__an_unknown_author_is_left_out, setup),
		cmocka_unit_test_setup(dates__since_takes_the_grammar_of_due_dates, setup),
		cmocka_unit_test_setup(
			text__dash_reads_standard_input_and_no_editor_without_a_terminal, setup),
		cmocka_unit_test_setup(open__a_name_too_long_for_the_companion_files_says_so,
				       setup),
		cmocka_unit_test_setup(overdue__a_long_list_aligns_a_name_seen_only_at_its_end,
				       setup),
		cmocka_unit_test_setup(search__every_match_in_one_pass, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
