/* test_councils.c - councils on the command line, on a database file: the
 * file's one council (named after the organisation) in `council list`, the
 * refusals of what only a server holds (several councils, members), the
 * rename that names the organisation, and --council / CXMEET_COUNCIL (the
 * flag winning), run in-process on real files. The server's side is
 * tests/pg/councils.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "testutil.h"
#include "cxmeet/cli.h"
#include "cxmeet/util.h"

static char *db, *out_path, *err_path;
static int counter;

/* Runs `cxmeet --db DB ARGS...`; its output is read with out() and err(). */
static int run(const char *first, ...)
{
	va_list ap;
	va_start(ap, first);
	int rc = tu_vcli(db, out_path, err_path, first, ap);
	va_end(ap);
	return rc;
}

static char *slurp(const char *path)
{
	static char buf[2][8192];
	static int k;
	char *s = tu_slurp(path, NULL);
	assert_non_null(s);
	k = !k;
	snprintf(buf[k], sizeof buf[k], "%s", s);
	free(s);
	return buf[k];
}

static char *out(void) { return slurp(out_path); }
static char *err(void) { return slurp(err_path); }

static int setup(void **state)
{
	(void)state;
	free(db);
	db = xasprintf("%s/council%d.db", tu_dir(), ++counter);
	unsetenv("CXMEET_COUNCIL");
	assert_int_equal(run("init", NULL), EXIT_OK);
	return 0;
}

static void list__a_file_holds_one_council_named_after_its_organisation(void **state)
{
	(void)state;
	assert_int_equal(run("council", "list", NULL), EXIT_OK);
	assert_string_equal(out(), "name     archived  member  current\n"
				   "council  no        yes     yes\n");
	assert_int_equal(run("org", "set", "name", "Acme CX", NULL), EXIT_OK);
	assert_int_equal(run("council", "list", "--format", "json", NULL), EXIT_OK);
	assert_string_equal(out(), "[\n  {\"name\": \"Acme CX\", \"archived\": false, "
				   "\"member\": true, \"current\": true}\n]\n");
	assert_int_equal(run("council", "list", "--format", "csv", NULL), EXIT_OK);
	assert_string_equal(out(), "name,archived,member,current\r\nAcme CX,0,1,1\r\n");
	assert_int_equal(run("council", "list", "--format", "md", NULL), EXIT_USAGE);
	assert_int_equal(run("council", "add", "X", "--format", "json", NULL), EXIT_USAGE);
	assert_non_null(strstr(err(), "--format only goes with 'list'"));
}

static void refused__what_only_a_server_holds(void **state)
{
	(void)state;
	int64_t before = tu_sql_int(db, "SELECT count(*) FROM org_text_versions");
	assert_int_equal(run("council", "add", "Second", NULL), EXIT_USAGE);
	assert_non_null(strstr(err(), "a database file holds exactly one council; a "
				      "PostgreSQL server holds many"));
	assert_int_equal(run("council", "grant", "council", "alice", NULL), EXIT_USAGE);
	assert_non_null(strstr(err(), "holds exactly one council"));
	assert_int_equal(run("council", "revoke", "council", "alice", NULL), EXIT_USAGE);
	assert_non_null(strstr(err(), "holds exactly one council"));
	assert_int_equal(run("council", "archive", "council", NULL), EXIT_USAGE);
	assert_non_null(strstr(err(), "cannot archive a file's one council"));
	assert_int_equal(run("council", "list", NULL), EXIT_OK);
	assert_string_equal(out(), "name     archived  member  current\n"
				   "council  no        yes     yes\n");
	assert_int_equal(tu_sql_int(db, "SELECT count(*) FROM org_text_versions"), before);
	assert_int_equal(run("council", NULL), EXIT_USAGE);
	assert_int_equal(run("council", "add", NULL), EXIT_USAGE);
	assert_int_equal(run("council", "rename", "x", NULL), EXIT_USAGE);
}

static void rename__names_the_organisation(void **state)
{
	(void)state;
	assert_int_equal(run("council", "rename", "COUNCIL", "North CX", NULL), EXIT_OK);
	assert_string_equal(out(), "Renamed COUNCIL to North CX.\n");
	assert_int_equal(run("org", "show", NULL), EXIT_OK);
	assert_non_null(strstr(out(), "Name: North CX\n"));
	assert_int_equal(run("council", "rename", "south cx", "West", NULL), EXIT_NO_COUNCIL);
	assert_non_null(strstr(err(), "no council named 'south cx': this file's one council "
				      "is 'North CX'"));
	/* The name is cleaned by the rule for every name. */
	assert_int_equal(run("council", "rename", "north cx", "   ", NULL), EXIT_USAGE);
	assert_int_equal(run("org", "show", NULL), EXIT_OK);
	assert_non_null(strstr(out(), "Name: North CX\n"));
}

static void pick__the_flag_wins_over_the_variable(void **state)
{
	(void)state;
	assert_int_equal(run("org", "set", "name", "North CX", NULL), EXIT_OK);
	/* Named without regard to case, by the flag or the variable. */
	assert_int_equal(run("--council", "north cx", "dept", "list", NULL), EXIT_OK);
	setenv("CXMEET_COUNCIL", "NORTH CX", 1);
	assert_int_equal(run("dept", "list", NULL), EXIT_OK);
	/* Another name: no such council, exit status 11, nothing done. */
	setenv("CXMEET_COUNCIL", "South", 1);
	assert_int_equal(run("dept", "add", "Legal", NULL), EXIT_NO_COUNCIL);
	assert_non_null(strstr(err(), "no council named 'South': the database "));
	assert_non_null(strstr(err(), "holds one council, 'North CX'"));
	/* The flag wins over the variable, both ways. */
	assert_int_equal(run("-c", "North CX", "dept", "add", "Legal", NULL), EXIT_OK);
	unsetenv("CXMEET_COUNCIL");
	setenv("CXMEET_COUNCIL", "North CX", 1);
	assert_int_equal(run("--council", "South", "dept", "add", "Audit", NULL),
			 EXIT_NO_COUNCIL);
	unsetenv("CXMEET_COUNCIL");
	assert_int_equal(run("dept", "list", NULL), EXIT_OK);
	assert_non_null(strstr(out(), "Legal"));
	assert_null(strstr(out(), "Audit"));
	/* A flag given to one run is not kept for the next (in-process). */
	assert_int_equal(run("--council", "South", "dept", "list", NULL), EXIT_NO_COUNCIL);
	assert_int_equal(run("dept", "list", NULL), EXIT_OK);
	assert_int_equal(run("--council", NULL), EXIT_USAGE);
}

/* On a file, --all-councils is taken and the one council is named in each
 * row: a column first in plain text and CSV, a member in JSON. The demo's
 * actions are there to be listed. */
static void all_councils__a_file_names_its_one_council(void **state)
{
	(void)state;
	assert_int_equal(run("demo", "--years", "1", "--seed", "1", NULL), EXIT_OK);
	assert_int_equal(run("org", "set", "name", "North CX", NULL), EXIT_OK);
	assert_int_equal(run("actions", "--state", "all", "--format", "csv", NULL), EXIT_OK);
	char *one = tu_slurp(out_path, NULL);
	assert_int_equal(run("actions", "--state", "all", "--all-councils", "--format", "csv",
			     NULL), EXIT_OK);
	char *all = tu_slurp(out_path, NULL);
	/* Each line is the council's name, then the line of the one council's list. */
	const char *a = all, *o = one;
	size_t lines = 0;
	while (*o) {
		const char *prefix = lines ? "North CX," : "council,";
		assert_memory_equal(a, prefix, strlen(prefix));
		a += strlen(prefix);
		size_t len = strcspn(o, "\n") + 1;
		assert_memory_equal(a, o, len);
		a += len;
		o += len;
		lines++;
	}
	assert_string_equal(a, "");
	assert_true(lines > 1000);
	free(one);
	free(all);
	assert_int_equal(run("overdue", "--all-councils", "--format", "json", NULL),
			 EXIT_OVERDUE);
	assert_non_null(strstr(out(), "[\n  {\"council\": \"North CX\", \"id\": "));
	assert_int_equal(run("overdue", "--all-councils", NULL), EXIT_OVERDUE);
	assert_memory_equal(out(), "council ", 8);
	assert_int_equal(run("search", "--all-councils", "--limit", "1", "--format", "json",
			     "refund", NULL), EXIT_OK);
	assert_non_null(strstr(out(), "[\n  {\"council\": \"North CX\", \"id\": "));
	assert_int_equal(run("decisions", "--all-councils", "--search", "refund", "--format",
			     "csv", NULL), EXIT_OK);
	assert_memory_equal(out(), "council,id,decided_on,", 22);
	assert_non_null(strstr(out(), "\r\nNorth CX,"));
	assert_int_equal(run("decisions", "--all-councils", "--search", "refund", NULL), EXIT_OK);
	assert_non_null(strstr(out(), "\n[North CX] #"));
	assert_int_equal(run("decisions", "--all-councils", "--dept", "Sales", NULL), EXIT_USAGE);
	/* The digest of each council under its name: the file's one. */
	assert_int_equal(run("digest", NULL), EXIT_OK);
	char *digest = tu_slurp(out_path, NULL);
	assert_int_equal(run("digest", "--all-councils", NULL), EXIT_OK);
	char *each = tu_slurp(out_path, NULL);
	assert_memory_equal(each, "Council North CX\n\n", 18);
	assert_string_equal(each + 18, digest);
	free(digest);
	free(each);
	assert_int_equal(run("champions", "--all", "--format", "csv", NULL), EXIT_OK);
	char *people = tu_slurp(out_path, NULL);
	assert_int_equal(run("champions", "--all", "--all-councils", "--format", "csv", NULL),
			 EXIT_OK);
	char *named = tu_slurp(out_path, NULL);
	assert_memory_equal(named, "council,", 8);
	assert_non_null(strstr(named, "\r\nNorth CX,"));
	assert_true(strlen(named) > strlen(people));
	free(people);
	free(named);
	/* A department or person is one council's. */
	assert_int_equal(run("actions", "--all-councils", "--dept", "Sales", NULL), EXIT_USAGE);
	assert_non_null(strstr(err(), "not with --all-councils"));
	assert_int_equal(run("search", "--all-councils", "--dept", "Sales", "refund", NULL),
			 EXIT_USAGE);
	/* Without it, as before: no council column. */
	assert_int_equal(run("overdue", "--format", "json", NULL), EXIT_OVERDUE);
	assert_null(strstr(out(), "\"council\""));
}

int main(void)
{
	tu_init("councils");
	out_path = xasprintf("%s/stdout.txt", tu_dir());
	err_path = xasprintf("%s/stderr.txt", tu_dir());
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(list__a_file_holds_one_council_named_after_its_organisation,
				       setup),
		cmocka_unit_test_setup(refused__what_only_a_server_holds, setup),
		cmocka_unit_test_setup(rename__names_the_organisation, setup),
		cmocka_unit_test_setup(pick__the_flag_wins_over_the_variable, setup),
		cmocka_unit_test_setup(all_councils__a_file_names_its_one_council, setup),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	free(db);
	free(out_path);
	free(err_path);
	return rc;
}
