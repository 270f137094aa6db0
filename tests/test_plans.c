/* test_plans.c - how SQLite serves the store's statements: every statement of
 * STORE_STATEMENTS is explained (EXPLAIN QUERY PLAN) on a fresh database with
 * every migration, and the plans are held to what keeps the reports fast on
 * years of history: work done once per row of an outer query (a correlated
 * subquery) must not find items by their kind alone, which walks every item
 * of that kind in the whole history for each row (as a plain index on the
 * kind once made the history's counts do). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"
#include "src/store/sqlite/store_int.h"

static const char *const stmt_names[] = {
#define X(name, sql) #name,
	STORE_STATEMENTS(X)
#undef X
};

static const char *const stmt_texts[] = {
#define X(name, sql) sql,
	STORE_STATEMENTS(X)
#undef X
};

/* One line of a plan: its id, its parent's and what it says. */
struct plan_row {
	int id, parent;
	char detail[256];
};

enum { PLAN_MAX = 256 };

static int read_plan(sqlite3 *db, const char *sql, struct plan_row *rows)
{
	char *q = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *s = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, q, -1, &s, NULL), SQLITE_OK);
	int n = 0;
	while (sqlite3_step(s) == SQLITE_ROW && n < PLAN_MAX) {
		rows[n].id = sqlite3_column_int(s, 0);
		rows[n].parent = sqlite3_column_int(s, 1);
		snprintf(rows[n].detail, sizeof rows[n].detail, "%s",
			 (const char *)sqlite3_column_text(s, 3));
		n++;
	}
	sqlite3_finalize(s);
	sqlite3_free(q);
	return n;
}

/* Whether the row at i lies under a correlated subquery (run once per row). */
static bool per_outer_row(const struct plan_row *rows, int n, int i)
{
	for (int parent = rows[i].parent, hops = 0; parent != 0 && hops < n; hops++) {
		int j = 0;
		while (j < n && rows[j].id != parent)
			j++;
		if (j == n)
			return false;
		if (strstr(rows[j].detail, "CORRELATED"))
			return true;
		parent = rows[j].parent;
	}
	return false;
}

static void test_no_kind_walk_per_row(void **state)
{
	(void)state;
	struct store *st = tu_open_new();
	assert_non_null(st);
	static struct plan_row rows[PLAN_MAX];
	int bad = 0;
	for (size_t k = 0; k < sizeof stmt_texts / sizeof stmt_texts[0]; k++) {
		int n = read_plan(SQ(st)->db, stmt_texts[k], rows);
		for (int i = 0; i < n; i++) {
			const char *d = rows[i].detail, *end = d + strlen(d);
			bool by_kind_alone = (strncmp(d, "SEARCH i ", 9) == 0 ||
					      strncmp(d, "SEARCH items ", 13) == 0) &&
					     end - d > 8 && strcmp(end - 8, "(kind=?)") == 0;
			if (by_kind_alone && per_outer_row(rows, n, i)) {
				fprintf(stderr, "%s: %s once per row\n", stmt_names[k],
					rows[i].detail);
				bad++;
			}
		}
	}
	store_close(st);
	assert_int_equal(bad, 0);
}

int main(void)
{
	tu_init("plans");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_kind_walk_per_row),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
