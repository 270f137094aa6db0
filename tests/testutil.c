/* testutil.c - helpers shared by the cmocka tests (see testutil.h). */
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

#include "testutil.h"
#include "cxmeet/cli.h"
#include "cxmeet/dates.h"
#include "cxmeet/names.h"
#include "cxmeet/search.h"
#include "cxmeet/setup.h"
#include "cxmeet/util.h"

static char dir[64];
static int counter;

static void remove_dir(void)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
}

void tu_init(const char *name)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("TZ", "UTC", 1);
	tzset();
	unsetenv("CXMEET_NOW");
	{
		char err[160];
		clock_init(err, sizeof err);
	}
	snprintf(dir, sizeof dir, "/tmp/cxmeet-%s-XXXXXX", name);
	if (!mkdtemp(dir))
		die("cannot make a temporary folder");
	chmod(dir, 0755); /* the read-only test runs as another user */
	atexit(remove_dir);
}

const char *tu_dir(void) { return dir; }

char *tu_new_path(void) { return xasprintf("%s/db%d.sqlite", dir, ++counter); }

struct store *tu_open_new(void)
{
	char err[512];
	struct store *st;
	char *path = tu_new_path();
	assert_int_equal(store_open(path, &st, err, sizeof err), STORE_OK);
	free(path);
	return st;
}

struct store *tu_open_setup(void)
{
	struct store *st = tu_open_new();
	bool created;
	assert_int_equal(setup_ensure(st, "Acme", &created), STORE_OK);
	assert_true(created);
	return st;
}

time_t tu_at(const char *iso)
{
	time_t t;
	assert_true(clock_parse(iso, &t));
	return t;
}

store_id tu_person(struct store *st, const char *name, store_id dept)
{
	struct person p = {.name = (char *)name, .dept_id = dept, .role = ROLE_MEMBER,
			   .influence = STANCE_UNSET, .support = STANCE_UNSET};
	store_id id = 0;
	assert_int_equal(person_add(st, &p, &id), STORE_OK);
	return id;
}

const char *tu_words(struct store *st, const char *typed)
{
	static char *kept[16];
	static size_t next;
	char *words;
	if (search_words(st, typed, &words) != STORE_OK)
		return NULL;
	free(kept[next]);
	kept[next] = words;
	next = (next + 1) % (sizeof kept / sizeof *kept);
	return words;
}

int64_t tu_sql_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

char *tu_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct strbuf sb;
	sb_init(&sb);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_addn(&sb, buf, n);
	fclose(f);
	if (len)
		*len = sb.len;
	return sb_take(&sb);
}

void tu_golden(const char *name, const char *text, size_t len)
{
	const char *dir = getenv("CXMEET_GOLDEN");
	assert_non_null(dir);
	char *path = xasprintf("%s/%s", dir, name);
	if (getenv("CXMEET_UPDATE_GOLDEN")) {
		FILE *fp = fopen(path, "wb");
		assert_non_null(fp);
		assert_int_equal(fwrite(text, 1, len, fp), len);
		assert_int_equal(fclose(fp), 0);
	}
	size_t glen;
	char *want = tu_slurp(path, &glen);
	if (!want)
		fail_msg("no golden file %s (run with CXMEET_UPDATE_GOLDEN=1)", path);
	assert_int_equal(len, glen);
	assert_memory_equal(text, want, len);
	free(want);
	free(path);
}

int tu_vcli(const char *db, const char *out_path, const char *err_path, const char *first,
	    va_list ap)
{
	char *args[28];
	int n = 0;
	for (const char *a = first; a && n < 28; a = va_arg(ap, const char *))
		args[n++] = (char *)a;
	return tu_cli_argv(db, out_path, err_path, n, args);
}

int tu_cli_argv(const char *db, const char *out_path, const char *err_path, int n, char **args)
{
	char *argv[32] = {"cxmeet", "--db", (char *)db};
	int argc = 3;
	for (int i = 0; i < n && argc < 31; i++)
		argv[argc++] = args[i];
	argv[argc] = NULL;
	fflush(stdout);
	fflush(stderr);
	int saved_out = dup(1), saved_err = dup(2);
	int out_fd = open(out_path ? out_path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	int err_fd = open(err_path ? err_path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(saved_out >= 0 && saved_err >= 0 && out_fd >= 0 && err_fd >= 0);
	dup2(out_fd, 1);
	dup2(err_fd, 2);
	optind = 0;
	int rc = cli_main(argc, argv);
	fflush(stdout);
	fflush(stderr);
	dup2(saved_out, 1);
	dup2(saved_err, 2);
	close(saved_out);
	close(saved_err);
	close(out_fd);
	close(err_fd);
	return rc;
}

int tu_cli(const char *db, const char *out_path, const char *err_path, const char *first, ...)
{
	va_list ap;
	va_start(ap, first);
	int rc = tu_vcli(db, out_path, err_path, first, ap);
	va_end(ap);
	return rc;
}

int tu_terminal(void)
{
	static int master = -1; /* kept open: the terminal lives as long as the test */
	if (master < 0) {
		master = posix_openpt(O_RDWR | O_NOCTTY);
		assert_true(master >= 0);
		assert_int_equal(grantpt(master), 0);
		assert_int_equal(unlockpt(master), 0);
	}
	int fd = open(ptsname(master), O_RDWR | O_NOCTTY);
	assert_true(fd >= 0);
	return fd;
}
