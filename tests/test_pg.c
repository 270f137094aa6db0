/* test_pg.c - what a store on a PostgreSQL server adds to the contract
 * suite: a connection lost under the program (the server restarted, the
 * network cut) is told as such, nothing shown as saved that the server did
 * not keep, and the next call reconnects as the same council and the same
 * instance (a live meeting's hold kept); the server's refusal of a role's
 * write is told as such. Run by the suite 'pg' inside a throwaway cluster
 * (tests/pg/with_cluster.sh), which gives PGHOST, PGPORT and PGUSER. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "testutil.h"
#include "cxmeet/agenda.h"
#include "cxmeet/items.h"
#include "cxmeet/names.h"
#include "cxmeet/util.h"

static char *uri_of(const char *user, const char *db)
{
	return xasprintf("postgresql://%s@/%s?host=%s&port=%s", user, db, getenv("PGHOST"),
			 getenv("PGPORT"));
}

static struct store *open_db(const char *db)
{
	char *uri = uri_of(getenv("PGUSER"), db);
	struct store *st;
	char err[512];
	if (store_open(uri, &st, err, sizeof err) != STORE_OK)
		fail_msg("cannot open %s: %s", uri, err);
	free(uri);
	return st;
}

/* Ends every connection of cxmeet to db, as a server restart would. */
static void cut(const char *db)
{
	char *cmd = xasprintf("psql -X -q -d %s -c \"SELECT count(pg_terminate_backend(pid))"
			      " FROM pg_stat_activity WHERE application_name = 'cxmeet'"
			      " AND datname = '%s'\" >/dev/null", db, db);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

static size_t depts(struct store *st)
{
	struct dept *d;
	size_t n;
	assert_int_equal(store_dept_list(st, true, &d, &n), STORE_OK);
	dept_list_free(d, n);
	return n;
}

static void lost__told_nothing_saved_then_reconnected(void **state)
{
	(void)state;
	struct store *st = open_db("lost_plain");
	store_id id;
	assert_int_equal(dept_add(st, "Sales", false, &id), STORE_OK);
	cut("lost_plain");
	assert_int_equal(dept_add(st, "Billing", false, &id), STORE_UNREACHABLE);
	assert_non_null(strstr(store_errmsg(st), "connection to the server was lost"));
	/* the next call reconnects; what failed was not saved, and is saved now */
	assert_int_equal(depts(st), 1);
	assert_int_equal(dept_add(st, "Billing", false, &id), STORE_OK);
	assert_int_equal(depts(st), 2);

	/* a transaction cut half-way: its commit fails, and none of it is kept */
	assert_int_equal(store_begin(st), STORE_OK);
	assert_int_equal(dept_add(st, "Legal", false, &id), STORE_OK);
	cut("lost_plain");
	assert_int_not_equal(dept_add(st, "Finance", false, &id), STORE_OK);
	assert_int_not_equal(store_commit(st), STORE_OK);
	assert_int_equal(depts(st), 2);
	store_close(st);
}

static void lost__in_a_meeting_the_hold_is_kept(void **state)
{
	(void)state;
	struct store *st = open_db("lost_meeting");
	struct agenda_step steps[] = {{.title = (char *)"Welcome", .kind = STEP_ROLL_CALL,
				       .minutes = 5}};
	struct agenda_template t = {.name = (char *)"Short", .steps = steps, .n_steps = 1};
	store_id tid, mid;
	assert_int_equal(template_add(st, &t, true, &tid), STORE_OK);
	assert_int_equal(store_meeting_start(st, tid, &t, tu_at("2026-03-09T09:00:00Z"), 0, &mid),
			 STORE_OK);
	struct item it = {.kind = ITEM_NOTE, .text = (char *)"Typed as the line went down",
			  .due = DATE_NONE, .revisit = DATE_NONE, .status = STATUS_OPEN,
			  .meeting_id = mid};
	cut("lost_meeting");
	assert_int_equal(item_add(st, &it, tu_at("2026-03-09T09:05:00Z")), STORE_UNREACHABLE);
	/* reconnected: still this instance's meeting; the retry is saved once */
	assert_true(store_hold_mine(st, mid));
	assert_int_equal(item_add(st, &it, tu_at("2026-03-09T09:06:00Z")), STORE_OK);
	struct item *items;
	size_t n;
	assert_int_equal(store_meeting_items(st, mid, 0, &items, &n), STORE_OK);
	assert_int_equal(n, 1);
	item_list_free(items, n);
	store_close(st);
}

/* Another instance tells that something was committed by the data version:
 * it changes at every commit, also of a transaction begun before a later
 * one that committed first. */
static void data_version__changes_at_each_commit(void **state)
{
	(void)state;
	struct store *st = open_db("versions"), *late = open_db("versions");
	struct store *other = open_db("versions");
	store_id id;
	int64_t v = store_data_version(other);
	assert_true(v >= 0);
	assert_int_equal(dept_add(st, "Sales", false, &id), STORE_OK);
	int64_t v2 = store_data_version(other);
	assert_true(v2 != v);
	/* st writes first, late writes after it and commits first */
	assert_int_equal(store_begin(st), STORE_OK);
	assert_int_equal(dept_add(st, "Billing", false, &id), STORE_OK);
	assert_int_equal(store_begin(late), STORE_OK);
	assert_int_equal(dept_add(late, "Legal", false, &id), STORE_OK);
	assert_int_equal(store_commit(late), STORE_OK);
	int64_t v3 = store_data_version(other);
	assert_int_equal(store_commit(st), STORE_OK);
	assert_true(store_data_version(other) != v3);
	store_close(other);
	store_close(late);
	store_close(st);
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* A row another instance has locked: with no_wait the write fails at once
 * (STORE_BUSY); without, it waits for the lock (three seconds) first. A
 * no_wait set inside a transaction that rolls back stays as set. */
static void no_wait__a_lock_fails_at_once_or_is_waited_for(void **state)
{
	(void)state;
	struct store *st = open_db("locks"), *other = open_db("locks");
	store_id id;
	assert_int_equal(dept_add(st, "Sales", false, &id), STORE_OK);
	assert_int_equal(store_begin(other), STORE_OK);
	assert_int_equal(store_dept_set_behind(other, id, true), STORE_OK); /* holds the row */
	store_no_wait(st, true);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(store_dept_set_behind(st, id, false), STORE_BUSY);
	assert_true(seconds_since(&t0) < 1.5);
	assert_int_equal(store_begin(st), STORE_OK);
	store_no_wait(st, false);
	store_rollback(st);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(store_dept_set_behind(st, id, false), STORE_BUSY);
	assert_true(seconds_since(&t0) >= 2.0);
	store_rollback(other);
	assert_int_equal(store_dept_set_behind(st, id, false), STORE_OK);
	store_close(other);
	store_close(st);
}

/* A role that reads every council (cxmeet_reader) but is a member of none:
 * it reads; the server refuses its writes, and that is what it is told. */
static void reader__reads_and_is_refused_writes(void **state)
{
	(void)state;
	struct store *st = open_db("readers");
	store_id id;
	assert_int_equal(dept_add(st, "Sales", false, &id), STORE_OK);
	store_close(st);
	const char *pgpass = getenv("PGPASSFILE");
	FILE *f = fopen(pgpass, "a");
	assert_non_null(f);
	fprintf(f, "*:*:*:sponsor_r:reader-pw-for-tests\n");
	fclose(f);
	assert_int_equal(system("psql -X -q -d readers -c \"CREATE ROLE sponsor_r LOGIN"
				" IN ROLE cxmeet_reader\" >/dev/null && echo \"ALTER ROLE sponsor_r"
				" PASSWORD 'reader-pw-for-tests'\" | psql -X -q -d readers"
				" >/dev/null"), 0);
	setenv("CXMEET_COUNCIL", "readers", 1);
	char *uri = uri_of("sponsor_r", "readers");
	char err[512];
	assert_int_equal(store_open(uri, &st, err, sizeof err), STORE_OK);
	assert_int_equal(depts(st), 1);
	assert_int_equal(dept_add(st, "Billing", false, &id), STORE_NOT_MEMBER);
	assert_non_null(strstr(store_errmsg(st), "may not do that in this council"));
	store_close(st);
	unsetenv("CXMEET_COUNCIL");
	free(uri);
}

/* A report read whole reads a list ahead on a cursor, in a read-only
 * transaction of its own: a write after it (the same session) ends it
 * first, is saved and seen by another session at once; the list then goes
 * on by its keys, every row once, in order. */
static void read_ahead__ended_by_a_write_then_the_list_goes_on(void **state)
{
	(void)state;
	struct store *st = open_db("ahead");
	for (int i = 0; i < 30; i++) {
		char text[32];
		snprintf(text, sizeof text, "Action %02d", i);
		struct item it = {.kind = ITEM_ACTION, .text = text, .due = DATE_NONE,
				  .revisit = DATE_NONE, .status = STATUS_OPEN};
		assert_int_equal(item_add(st, &it, tu_at("2026-03-09T09:00:00Z")), STORE_OK);
	}
	assert_int_equal(store_read_once(st), STORE_OK);
	struct action_select f = {.status = -1, .from = DATE_NONE, .before = DATE_NONE,
				  .today = DATE_NONE};
	struct action_row *rows;
	size_t n, seen = 0;
	assert_int_equal(store_actions_list(st, &f, NULL, 10, &rows, &n), STORE_OK);
	assert_int_equal(n, 10);
	struct store_cursor at = rows[n - 1].after;
	store_id last = rows[n - 1].it.id;
	seen += n;
	action_rows_free(rows, n);
	/* the next page comes from the cursor */
	assert_int_equal(store_actions_list(st, &f, &at, 10, &rows, &n), STORE_OK);
	assert_int_equal(n, 10);
	assert_true(rows[0].it.id > last);
	at = rows[n - 1].after;
	last = rows[n - 1].it.id;
	seen += n;
	action_rows_free(rows, n);
	struct item late = {.kind = ITEM_NOTE, .text = (char *)"Written mid-report",
			    .due = DATE_NONE, .revisit = DATE_NONE, .status = STATUS_OPEN};
	assert_int_equal(item_add(st, &late, tu_at("2026-03-09T09:30:00Z")), STORE_OK);
	struct store *other = open_db("ahead");
	int64_t count = 0;
	assert_int_equal(store_item_count(other, -1, &count), STORE_OK);
	assert_int_equal(count, 31);
	store_close(other);
	assert_int_equal(store_actions_list(st, &f, &at, 100, &rows, &n), STORE_OK);
	assert_int_equal(n, 10);
	assert_true(rows[0].it.id > last);
	seen += n;
	action_rows_free(rows, n);
	assert_int_equal(seen, 30);
	store_close(st);
}

int main(void)
{
	tu_init("pg");
	if (!getenv("PGHOST") || !getenv("PGPASSFILE"))
		fail_msg("run inside tests/pg/with_cluster.sh");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lost__told_nothing_saved_then_reconnected),
		cmocka_unit_test(read_ahead__ended_by_a_write_then_the_list_goes_on),
		cmocka_unit_test(lost__in_a_meeting_the_hold_is_kept),
		cmocka_unit_test(data_version__changes_at_each_commit),
		cmocka_unit_test(no_wait__a_lock_fails_at_once_or_is_waited_for),
		cmocka_unit_test(reader__reads_and_is_refused_writes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
