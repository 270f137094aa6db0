/* test_hostile_files.c - the command line against hostile database files: not
 * SQLite, another program's SQLite, truncated, a damaged page, a broken
 * reference, a newer schema, a read-only file or folder, a full disk (a
 * file-size limit) and a lock held by another connection. Each must give a
 * clear message and its own exit status (cxmeet(1), EXIT STATUS), never crash,
 * and leave what was stored as it was. Runs cli_main in-process; the
 * read-only and disk-full cases run in a forked child (as user nobody when
 * the tests run as root, since root may write anything). */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "testutil.h"
#include "cxmeet/cli.h"
#include "cxmeet/dates.h"
#include "cxmeet/util.h"

#define NOBODY 65534

static char *template_db; /* a year of demo history, never changed */
static char *out_path, *err_path;
static int counter;

/* --- helpers ------------------------------------------------------------ */

static int run(const char *db, const char *first, ...)
{
	va_list ap;
	va_start(ap, first);
	int rc = tu_vcli(db, out_path, err_path, first, ap);
	va_end(ap);
	return rc;
}

static char *slurp_static(const char *path)
{
	static char buf[8192];
	char *s = tu_slurp(path, NULL);
	snprintf(buf, sizeof buf, "%s", s ? s : "");
	free(s);
	return buf;
}

static const char *err_text(void) { return slurp_static(err_path); }
static const char *out_text(void) { return slurp_static(out_path); }

#define assert_err_has(s) \
	do { \
		if (!strstr(err_text(), (s))) \
			fail_msg("stderr lacks \"%s\": %s", (s), err_text()); \
	} while (0)

static void write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* A new copy of the template in the test folder (or in `dir`). */
static char *copy_template_to(const char *dir)
{
	size_t len;
	char *data = tu_slurp(template_db, &len);
	assert_non_null(data);
	char *path = dir ? xasprintf("%s/copy%d.db", dir, ++counter)
			 : xasprintf("%s/copy%d.db", tu_dir(), ++counter);
	write_file(path, data, len);
	free(data);
	chmod(path, 0600);
	return path;
}

static char *copy_template(void) { return copy_template_to(NULL); }

/* What the database holds, as text: row counts of every table that matters,
 * and the mission. Read with the sqlite3 API, not through cxmeet, on a
 * read-write connection that writes nothing: closing it removes the -wal and
 * -shm files, which a read-only one would leave behind. */
static char *snapshot(const char *db)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM departments) || '|' || (SELECT count(*) FROM people)"
		" || '|' || (SELECT count(*) FROM meetings) || '|' || (SELECT count(*) FROM items)"
		" || '|' || (SELECT count(*) FROM item_events) || '|' ||"
		" (SELECT count(*) FROM org_text_versions) || '|' || (SELECT count(*) FROM attendance)"
		" || '|' || (SELECT coalesce(mission, '') FROM organisation)";
	sqlite3 *h;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	char *v = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(h);
	return v;
}

static void assert_integrity_ok(const char *db)
{
	sqlite3 *h;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "ok");
	sqlite3_finalize(s);
	sqlite3_close(h);
}

static void exec_sql(const char *db, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	char *msg = NULL;
	if (sqlite3_exec(h, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
	sqlite3_close(h);
}

static void assert_same_bytes(const char *path, const char *before, size_t before_len)
{
	size_t len;
	char *now = tu_slurp(path, &len);
	assert_non_null(now);
	assert_int_equal(len, before_len);
	assert_memory_equal(now, before, len);
	free(now);
}

/* An output file that the forked child, maybe another user, may write. */
static void make_shared_outputs(void)
{
	int fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	assert_true(fd >= 0);
	fchmod(fd, 0666);
	close(fd);
	fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	assert_true(fd >= 0);
	fchmod(fd, 0666);
	close(fd);
}

static bool is_root(void) { return geteuid() == 0; }

/* In a forked child: becomes nobody when root, applies a file-size limit when
 * fsize > 0, runs the command line and exits with its status. */
static int run_in_child(const char *db, rlim_t fsize, const char *first, ...)
{
	make_shared_outputs();
	va_list ap;
	va_start(ap, first);
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		if (is_root() && (setgid(NOBODY) != 0 || setuid(NOBODY) != 0))
			_exit(99);
		if (fsize > 0) {
			struct rlimit rl = {fsize, fsize};
			signal(SIGXFSZ, SIG_IGN);
			if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
				_exit(98);
		}
		int rc = tu_vcli(db, out_path, err_path, first, ap);
		fflush(NULL);
		_exit(rc);
	}
	va_end(ap);
	assert_true(pid > 0);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (!WIFEXITED(status))
		fail_msg("the child died of signal %d", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return WEXITSTATUS(status);
}

/* --- tests -------------------------------------------------------------- */

static void healthy__check_says_ok(void **state)
{
	(void)state;
	char *db = copy_template();
	char *before = snapshot(db);
	assert_int_equal(run(db, "check", NULL), EXIT_OK);
	assert_string_equal(out_text(), "ok\n");
	assert_int_equal(run(db, "check", "extra", NULL), EXIT_USAGE);
	char *missing = xasprintf("%s/missing.db", tu_dir());
	assert_int_equal(run(missing, "check", NULL), EXIT_USAGE);
	assert_err_has("there is no database");
	assert_int_equal(access(missing, F_OK), -1); /* check does not create one */
	char *after = snapshot(db);
	assert_string_equal(before, after);
	free(before);
	free(after);
	free(missing);
	free(db);
}

static void not_sqlite__refused_untouched(void **state)
{
	(void)state;
	char *db = xasprintf("%s/text%d.db", tu_dir(), ++counter);
	struct strbuf sb;
	sb_init(&sb);
	for (int i = 0; i < 200; i++)
		sb_add(&sb, "Minutes of the council, typed into the wrong file by hand.\n");
	write_file(db, sb.s, sb.len);
	const char *cmds[][3] = {{"dept", "list"}, {"dept", "add", "Legal"}, {"status"},
				 {"check"}, {"init"}, {"show", "last"}};
	for (size_t i = 0; i < ARRAY_SIZE(cmds); i++) {
		assert_int_equal(run(db, cmds[i][0], cmds[i][1], cmds[i][2], NULL), EXIT_DAMAGED);
		assert_err_has("not a cxmeet database");
		assert_same_bytes(db, sb.s, sb.len);
	}
	char *wal = xasprintf("%s-wal", db);
	assert_int_equal(access(wal, F_OK), -1);
	free(wal);
	sb_free(&sb);
	free(db);
}

static void other_sqlite__refused_untouched(void **state)
{
	(void)state;
	char *db = xasprintf("%s/other%d.db", tu_dir(), ++counter);
	exec_sql(db, "CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES ('bread')");
	size_t len;
	char *before = tu_slurp(db, &len);
	assert_int_equal(run(db, "dept", "add", "Legal", NULL), EXIT_DAMAGED);
	assert_err_has("another program");
	assert_int_equal(run(db, "check", NULL), EXIT_DAMAGED);
	assert_same_bytes(db, before, len);
	free(before);
	free(db);
}

static void truncated__refused_as_damaged_never_crash(void **state)
{
	(void)state;
	char *db = copy_template();
	struct stat sb;
	assert_int_equal(stat(db, &sb), 0);
	assert_int_equal(truncate(db, sb.st_size / 2), 0);
	size_t len;
	char *before = tu_slurp(db, &len);
	const char *cmds[][5] = {{"status"}, {"dept", "list"}, {"person", "list"},
				 {"show", "last"}, {"dept", "add", "Legal"},
				 {"org", "set", "name", "Renamed"}, {"check"}};
	for (size_t i = 0; i < ARRAY_SIZE(cmds); i++) {
		int rc = run(db, cmds[i][0], cmds[i][1], cmds[i][2], cmds[i][3], NULL);
		assert_int_equal(rc, EXIT_DAMAGED);
		assert_err_has("damaged");
		assert_same_bytes(db, before, len);
	}
	free(before);
	free(db);
}

/* The number of a leaf page of the items table (from the dbstat table), or 0. */
static int items_leaf_page(const char *db)
{
	sqlite3 *h;
	sqlite3_stmt *s;
	int page = 0;
	assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(h, "SELECT pageno FROM dbstat WHERE name = 'items' AND"
			       " pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 20", -1, &s,
			       NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			page = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	sqlite3_close(h);
	return page;
}

static void corrupt_page__check_finds_it_reads_elsewhere_work(void **state)
{
	(void)state;
	char *db = copy_template();
	char *good = snapshot(db);
	int page = items_leaf_page(db);
	if (page == 0) {
		free(good);
		free(db);
		skip(); /* SQLite built without the dbstat table */
	}
	/* Overwrite one whole page of the items table in the middle of the file. */
	int fd = open(db, O_WRONLY);
	assert_true(fd >= 0);
	char junk[4096];
	memset(junk, 0xa5, sizeof junk);
	assert_int_equal(pwrite(fd, junk, sizeof junk, (off_t)(page - 1) * 4096), sizeof junk);
	close(fd);
	size_t len;
	char *before = tu_slurp(db, &len);

	assert_int_equal(run(db, "check", NULL), EXIT_DAMAGED);
	if (!strstr(out_text(), "Page") && !strstr(out_text(), "malformed"))
		fail_msg("check did not say what it found: %s", out_text());
	assert_err_has("damaged");
	assert_same_bytes(db, before, len);

	/* Departments live elsewhere: listing them still works. */
	assert_int_equal(run(db, "dept", "list", NULL), EXIT_OK);
	assert_non_null(strstr(out_text(), "Customer Service"));
	/* Reading items may meet the damage: then it says so, exit 5. */
	const char *reads[][2] = {{"status", NULL}, {"show", "last"}, {"show", "3"},
				  {"show", "20"}, {"person", "list"}};
	for (size_t i = 0; i < ARRAY_SIZE(reads); i++) {
		int rc = run(db, reads[i][0], reads[i][1], NULL);
		if (rc != EXIT_OK && rc != EXIT_DAMAGED)
			fail_msg("%s %s: exit %d: %s", reads[i][0], reads[i][1] ? reads[i][1] : "",
				 rc, err_text());
		if (rc == EXIT_DAMAGED)
			assert_err_has("damaged");
		assert_same_bytes(db, before, len);
	}
	/* Whatever was not on that page is still there. */
	sqlite3 *h;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT count(*) FROM departments", -1, &s, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), atoi(good));
	sqlite3_finalize(s);
	sqlite3_close(h);
	free(before);
	free(good);
	free(db);
}

static void broken_reference__check_reports_it(void **state)
{
	(void)state;
	char *db = copy_template();
	exec_sql(db, "PRAGMA foreign_keys = OFF;"
		     " UPDATE people SET department_id = 99999 WHERE id = (SELECT min(id) FROM people)");
	char *before = snapshot(db);
	assert_int_equal(run(db, "check", NULL), EXIT_DAMAGED);
	if (!strstr(out_text(), "refers to a missing row of departments"))
		fail_msg("check output: %s", out_text());
	assert_err_has("1 problem found");
	char *after = snapshot(db);
	assert_string_equal(before, after);
	free(before);
	free(after);
	free(db);
}

static void newer_schema__refused_untouched(void **state)
{
	(void)state;
	char *db = copy_template();
	exec_sql(db, "PRAGMA user_version = 99");
	size_t len;
	char *before = tu_slurp(db, &len);
	assert_int_equal(run(db, "dept", "add", "Legal", NULL), EXIT_NEWER);
	assert_err_has("newer cxmeet");
	assert_int_equal(run(db, "status", NULL), EXIT_NEWER);
	assert_int_equal(run(db, "check", NULL), EXIT_NEWER);
	assert_int_equal(run(db, "init", NULL), EXIT_NEWER);
	assert_same_bytes(db, before, len);
	free(before);
	free(db);
}

static void read_only_file__refused_untouched(void **state)
{
	(void)state;
	/* The folder is writable (by nobody, when root): only the file is read-only. */
	char dir[256];
	snprintf(dir, sizeof dir, "%s/rofile%d", tu_dir(), ++counter);
	assert_int_equal(mkdir(dir, 0755), 0);
	char *db = copy_template_to(dir);
	if (is_root()) {
		assert_int_equal(chown(dir, NOBODY, NOBODY), 0);
		assert_int_equal(chown(db, NOBODY, NOBODY), 0);
	}
	char *before = snapshot(db);
	chmod(db, 0444);
	assert_int_equal(run_in_child(db, 0, "dept", "add", "Legal", NULL), EXIT_READONLY);
	assert_err_has("read-only");
	assert_int_equal(run_in_child(db, 0, "org", "set", "mission", "Changed", NULL),
			 EXIT_READONLY);
	assert_int_equal(run_in_child(db, 0, "dept", "list", NULL), EXIT_READONLY);
	/* a report, which makes no hold checks and compiles only what it runs,
	 * is refused at open as before, with the same message */
	assert_int_equal(run_in_child(db, 0, "overdue", NULL), EXIT_READONLY);
	assert_err_has("the file is read-only");
	chmod(db, 0600);
	char *after = snapshot(db);
	assert_string_equal(before, after);
	assert_integrity_ok(db);
	free(before);
	free(after);
	free(db);
}

static void read_only_folder__refused_untouched(void **state)
{
	(void)state;
	/* The file is writable by the user; its folder is not, so SQLite cannot
	 * make the -wal and -shm files beside it. */
	char dir[256];
	snprintf(dir, sizeof dir, "%s/rofolder%d", tu_dir(), ++counter);
	assert_int_equal(mkdir(dir, 0755), 0);
	char *db = copy_template_to(dir);
	char *fresh = xasprintf("%s/new.db", dir);
	char *before = snapshot(db);
	if (is_root())
		assert_int_equal(chown(db, NOBODY, NOBODY), 0);
	else
		chmod(dir, 0555);
	char *wal = xasprintf("%s-wal", db);
	assert_int_equal(access(wal, F_OK), -1); /* with one, writes would work */
	free(wal);
	assert_int_equal(run_in_child(db, 0, "dept", "add", "Legal", NULL), EXIT_READONLY);
	assert_err_has("read-only");
	assert_err_has("folder");
	assert_int_equal(run_in_child(db, 0, "dept", "list", NULL), EXIT_READONLY);
	assert_int_equal(run_in_child(fresh, 0, "init", NULL), EXIT_READONLY);
	assert_err_has("cannot create");
	chmod(dir, 0755);
	assert_int_equal(access(fresh, F_OK), -1);
	char *after = snapshot(db);
	assert_string_equal(before, after);
	assert_integrity_ok(db);
	free(before);
	free(after);
	free(fresh);
	free(db);
}

static void disk_full__refused_nothing_written(void **state)
{
	(void)state;
	char dir[256];
	snprintf(dir, sizeof dir, "%s/full%d", tu_dir(), ++counter);
	assert_int_equal(mkdir(dir, 0755), 0);
	char *db = copy_template_to(dir);
	if (is_root()) {
		assert_int_equal(chown(dir, NOBODY, NOBODY), 0);
		assert_int_equal(chown(db, NOBODY, NOBODY), 0);
	}
	char *before = snapshot(db);
	/* A 90 kB mission needs more than the 64 kB that files may grow to: the
	 * write-ahead log fails with EFBIG at commit, as on a full disk. */
	char *mission = xmalloc(90001);
	memset(mission, 'm', 90000);
	mission[90000] = '\0';
	assert_int_equal(run_in_child(db, 64 * 1024, "org", "set", "mission", mission, NULL),
			 EXIT_FULL);
	assert_err_has("disk is full");
	char *after = snapshot(db);
	assert_string_equal(before, after);
	assert_integrity_ok(db);
	/* Smaller still: the shared-memory file cannot grow when opening. */
	assert_int_equal(run_in_child(db, 4096, "dept", "add", "Legal", NULL), EXIT_FULL);
	assert_err_has("disk is full");
	free(after);
	after = snapshot(db);
	assert_string_equal(before, after);
	assert_integrity_ok(db);
	/* Without the limit, the same change is saved. */
	assert_int_equal(run(db, "org", "set", "mission", mission, NULL), EXIT_OK);
	free(after);
	after = snapshot(db);
	assert_string_not_equal(before, after);
	free(mission);
	free(before);
	free(after);
	free(db);
}

static void locked__writes_wait_then_refuse_reads_work(void **state)
{
	(void)state;
	char *db = copy_template();
	char *before = snapshot(db);
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, "BEGIN IMMEDIATE; DELETE FROM item_links", NULL, NULL,
				      NULL),
			 SQLITE_OK);
	assert_int_equal(run(db, "dept", "add", "Legal", NULL), EXIT_BUSY);
	assert_err_has("locked");
	assert_int_equal(run(db, "dept", "list", NULL), EXIT_OK); /* readers are not blocked */
	assert_int_equal(sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	char *after = snapshot(db);
	assert_string_equal(before, after);
	assert_integrity_ok(db);
	assert_int_equal(run(db, "dept", "add", "Legal", NULL), EXIT_OK);
	free(before);
	free(after);
	free(db);
}

int main(void)
{
	tu_init("hostile-files");
	out_path = xasprintf("%s/stdout.txt", tu_dir());
	err_path = xasprintf("%s/stderr.txt", tu_dir());
	template_db = xasprintf("%s/template.db", tu_dir());
	setenv("CXMEET_NOW", "2026-11-23T09:00:00Z", 1);
	char err[128];
	if (clock_init(err, sizeof err) != 0 ||
	    tu_cli(template_db, NULL, NULL, "demo", "--years", "1", "--seed", "3", NULL) != 0) {
		fprintf(stderr, "cannot write the template database\n");
		return 1;
	}
	chmod(template_db, 0644);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(healthy__check_says_ok),
		cmocka_unit_test(not_sqlite__refused_untouched),
		cmocka_unit_test(other_sqlite__refused_untouched),
		cmocka_unit_test(truncated__refused_as_damaged_never_crash),
		cmocka_unit_test(corrupt_page__check_finds_it_reads_elsewhere_work),
		cmocka_unit_test(broken_reference__check_reports_it),
		cmocka_unit_test(newer_schema__refused_untouched),
		cmocka_unit_test(read_only_file__refused_untouched),
		cmocka_unit_test(read_only_folder__refused_untouched),
		cmocka_unit_test(disk_full__refused_nothing_written),
		cmocka_unit_test(locked__writes_wait_then_refuse_reads_work),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
