/* test_paging.c - keyset paging: every paged list of the store (the action
 * list in each state, open actions, the decision log, history, search) read
 * a page at a time, forward from the start and backward from the end, with
 * pages of several sizes, on a history full of ties on the sort keys (equal
 * due dates, revisit dates and meeting starts, and none at all): every row
 * appears exactly once, in the order of one query over the whole list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "testutil.h"
#include "cxmeet/actions.h"
#include "cxmeet/decisions.h"
#include "cxmeet/items.h"
#include "cxmeet/meeting.h"
#include "cxmeet/util.h"

#define MAXROWS 512

static char *db;
static struct store *st;

/* One page of a list: at most limit rows from cur; the ids into ids and each
 * row's cursor into curs. Returns how many. */
typedef size_t (*page_fn)(const void *ctx, const struct store_cursor *cur, size_t limit,
			  store_id *ids, struct store_cursor *curs);

/* The ids the SQL gives (the list in one query). */
static size_t expect(const char *sql, store_id *ids)
{
	sqlite3 *h;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(h, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(h));
	size_t n = 0;
	while (sqlite3_step(s) == SQLITE_ROW && n < MAXROWS)
		ids[n++] = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(h);
	return n;
}

static void check_ids(const store_id *got, size_t n_got, const store_id *want, size_t n_want,
		      const char *what, size_t page)
{
	if (n_got != n_want)
		fail_msg("%s, pages of %zu: %zu rows, not %zu", what, page, n_got, n_want);
	for (size_t i = 0; i < n_want; i++)
		if (got[i] != want[i])
			fail_msg("%s, pages of %zu: row %zu is #%lld, not #%lld", what, page, i,
				 (long long)got[i], (long long)want[i]);
}

/* Reads the list whole, a page at a time, forward and backward, with pages
 * of several sizes, and compares it with want. */
static void check_list(page_fn fn, const void *ctx, const store_id *want, size_t n_want,
		       const char *what)
{
	static const size_t pages[] = {1, 2, 3, 7, 64};
	store_id ids[MAXROWS], all[MAXROWS];
	struct store_cursor curs[MAXROWS];
	assert_true(n_want > 8); /* enough to page through */
	for (size_t p = 0; p < sizeof pages / sizeof *pages; p++) {
		size_t page = pages[p], n_all = 0, n;
		struct store_cursor cur = {0};
		do { /* forward from the start */
			n = fn(ctx, &cur, page, ids, curs);
			assert_true(n <= page && n_all + n <= MAXROWS);
			memcpy(all + n_all, ids, n * sizeof *ids);
			n_all += n;
			if (n)
				cur = curs[n - 1];
		} while (n == page);
		check_ids(all, n_all, want, n_want, what, page);

		n_all = 0;
		cur = (struct store_cursor){.backward = true};
		do { /* backward from the end: each page comes in the list's order */
			n = fn(ctx, &cur, page, ids, curs);
			assert_true(n <= page && n_all + n <= MAXROWS);
			memmove(all + n, all, n_all * sizeof *all);
			memcpy(all, ids, n * sizeof *ids);
			n_all += n;
			if (n) {
				cur = curs[0];
				cur.backward = true;
			}
		} while (n == page);
		check_ids(all, n_all, want, n_want, what, page);
	}
	/* on from a row in the middle, and back from it */
	size_t mid = n_want / 2, n;
	store_id ids2[MAXROWS];
	n = fn(ctx, NULL, mid + 1, ids2, curs);
	assert_int_equal(n, mid + 1);
	struct store_cursor c = curs[mid];
	n = fn(ctx, &c, 3, ids, curs);
	check_ids(ids, n, want + mid + 1, 3, what, 3);
	c.backward = true;
	n = fn(ctx, &c, 3, ids, curs);
	check_ids(ids, n, want + mid - 3, 3, what, 3);
}

/* --- the lists ---------------------------------------------------------- */

static size_t actions_page(const void *ctx, const struct store_cursor *cur, size_t limit,
			   store_id *ids, struct store_cursor *curs)
{
	struct action_row *r;
	size_t n;
	assert_int_equal(actions_list(st, ctx, cur, limit, &r, &n), STORE_OK);
	for (size_t i = 0; i < n; i++) {
		ids[i] = r[i].it.id;
		curs[i] = r[i].after;
	}
	action_rows_free(r, n);
	return n;
}

static size_t open_page(const void *ctx, const struct store_cursor *cur, size_t limit,
			store_id *ids, struct store_cursor *curs)
{
	struct item *it;
	size_t n;
	assert_int_equal(store_open_actions(st, *(const store_id *)ctx, cur, limit, &it, &n),
			 STORE_OK);
	for (size_t i = 0; i < n; i++) {
		ids[i] = it[i].id;
		store_open_action_cursor(&it[i], &curs[i]);
	}
	item_list_free(it, n);
	return n;
}

static size_t decisions_page(const void *ctx, const struct store_cursor *cur, size_t limit,
			     store_id *ids, struct store_cursor *curs)
{
	struct decision_row *r;
	size_t n;
	assert_int_equal(decisions_list(st, ctx, cur, limit, &r, &n), STORE_OK);
	for (size_t i = 0; i < n; i++) {
		ids[i] = r[i].id;
		curs[i] = r[i].after;
	}
	decision_rows_free(r, n);
	return n;
}

static size_t history_page(const void *ctx, const struct store_cursor *cur, size_t limit,
			   store_id *ids, struct store_cursor *curs)
{
	(void)ctx;
	struct meeting_summary *m;
	size_t n;
	assert_int_equal(store_history_list(st, NULL, cur, limit, &m, &n), STORE_OK);
	for (size_t i = 0; i < n; i++) {
		ids[i] = m[i].id;
		curs[i] = m[i].after;
	}
	meeting_summaries_free(m, n);
	return n;
}

static size_t search_page(const void *ctx, const struct store_cursor *cur, size_t limit,
			  store_id *ids, struct store_cursor *curs)
{
	struct search_hit *h;
	size_t n;
	assert_int_equal(store_search(st, ctx, cur, limit, &h, &n), STORE_OK);
	for (size_t i = 0; i < n; i++) {
		ids[i] = h[i].it.id;
		curs[i] = h[i].after;
	}
	search_hits_free(h, n);
	return n;
}

/* --- the fixture -------------------------------------------------------- */

static cx_date today;
static store_id meeting_a;

static store_id add(enum item_kind kind, const char *text, cx_date due, cx_date revisit,
		    store_id meeting)
{
	struct item it = {.kind = kind, .text = (char *)text, .due = due, .revisit = revisit,
			  .meeting_id = meeting};
	assert_int_equal(item_add(st, &it, tu_at("2026-10-01T10:00:00Z")), STORE_OK);
	return it.id;
}

/* Meetings, several starting at the same second; actions on four due dates
 * (two past, two ahead) and none, some done or dropped, one deleted;
 * decisions on three revisit dates (two due) and none, one superseded. */
static int build(void **state)
{
	(void)state;
	char err[256];
	setenv("CXMEET_NOW", "2026-11-02T09:00:00Z", 1);
	assert_int_equal(clock_init(err, sizeof err), 0);
	today = clock_today();
	tu_init("paging");
	st = tu_open_setup();
	db = xstrdup(store_path(st));
	static const char *starts[] = {"2026-10-01T09:00:00Z", "2026-10-08T09:00:00Z",
				       "2026-10-01T09:00:00Z", "2026-10-08T09:00:00Z"};
	for (int i = 0; i < 12; i++) {
		struct meeting_run r;
		assert_int_equal(meeting_begin(st, 0, 0, tu_at(starts[i % 4]), &r), STORE_OK);
		if (i == 0) { /* a meeting whose own actions the review leaves out */
			meeting_a = r.m.id;
			for (int j = 0; j < 6; j++)
				add(ITEM_ACTION, "refund in the meeting", today - 2 * (j % 2),
				    DATE_NONE, meeting_a);
		}
		assert_int_equal(meeting_end(&r, MEETING_COMPLETED, 8, DATE_NONE,
					     tu_at("2026-10-01T10:00:00Z")),
				 STORE_OK);
		meeting_run_free(&r);
	}
	cx_date dues[] = {today - 9, today - 2, today + 3, today + 30, DATE_NONE};
	for (int i = 0; i < 60; i++) {
		char text[64];
		snprintf(text, sizeof text, "refund action %d", i);
		store_id id = add(ITEM_ACTION, text, dues[i % 5], DATE_NONE, 0);
		if (i % 7 == 3)
			assert_int_equal(item_set_status(st, id, STATUS_DONE, NULL, 0,
							       tu_at("2026-10-02T10:00:00Z")),
					 STORE_OK);
		else if (i % 11 == 5)
			assert_int_equal(item_set_status(st, id, STATUS_DROPPED, NULL, 0,
							       tu_at("2026-10-02T10:00:00Z")),
					 STORE_OK);
		else if (i == 58)
			assert_int_equal(store_item_delete(st, id, 0, tu_at("2026-10-02T10:00:00Z")),
					 STORE_OK);
	}
	cx_date revisits[] = {today - 5, today, today + 10, DATE_NONE};
	store_id last = 0;
	for (int i = 0; i < 40; i++) {
		char text[64];
		snprintf(text, sizeof text, "refund decision %d", i);
		store_id id = add(ITEM_DECISION, text, DATE_NONE, revisits[i % 4], 0);
		if (i == 9)
			assert_int_equal(store_item_supersede(st, last, id, 0,
							      tu_at("2026-10-02T10:00:00Z")),
					 STORE_OK);
		last = id;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(st);
	free(db);
	return 0;
}

/* --- the tests ---------------------------------------------------------- */

#define LATE "(status = 'open' AND due_on < '%s')"

static void actions__every_state_forward_and_backward(void **state)
{
	(void)state;
	char day[16], sql[512];
	date_format(today, day, sizeof day);
	static const struct {
		enum action_state s;
		const char *where;
	} cases[] = {
		{ASTATE_ALL, "1"},
		{ASTATE_OPEN, "status = 'open'"},
		{ASTATE_DONE, "status = 'done'"},
	};
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		struct action_filter f = {.state = cases[c].s, .today = today,
					  .due_before = DATE_NONE};
		snprintf(sql, sizeof sql,
			 "SELECT id FROM items WHERE kind = 'action' AND deleted_at IS NULL"
			 " AND %s ORDER BY " LATE " DESC, due_on, id",
			 cases[c].where, day);
		store_id want[MAXROWS];
		size_t n = expect(sql, want);
		check_list(actions_page, &f, want, n, action_state_name(cases[c].s));
	}
}

static void open_actions__forward_and_backward(void **state)
{
	(void)state;
	store_id want[MAXROWS];
	char sql[512];
	store_id none = 0;
	size_t n = expect("SELECT id FROM items WHERE kind = 'action' AND status = 'open'"
			  " AND deleted_at IS NULL ORDER BY due_on, id",
			  want);
	check_list(open_page, &none, want, n, "open actions");
	snprintf(sql, sizeof sql,
		 "SELECT id FROM items WHERE kind = 'action' AND status = 'open'"
		 " AND deleted_at IS NULL AND meeting_id IS NOT %lld ORDER BY due_on, id",
		 (long long)meeting_a);
	n = expect(sql, want);
	check_list(open_page, &meeting_a, want, n, "open actions but one meeting's");
}

static void decisions__both_parts_forward_and_backward(void **state)
{
	(void)state;
	char day[16], sql[1024];
	date_format(today, day, sizeof day);
	store_id want[MAXROWS];
	struct decision_filter f = {.today = today, .with_superseded = true};
	snprintf(sql, sizeof sql,
		 "SELECT id FROM (SELECT id, 0 AS part, revisit_on AS k FROM items"
		 " WHERE kind = 'decision' AND deleted_at IS NULL AND superseded_by IS NULL"
		 " AND revisit_on <= '%s' UNION ALL SELECT id, 1, -id FROM items"
		 " WHERE kind = 'decision' AND deleted_at IS NULL"
		 " AND NOT coalesce(revisit_on <= '%s' AND superseded_by IS NULL, 0))"
		 " ORDER BY part, k, id",
		 day, day);
	size_t n = expect(sql, want);
	check_list(decisions_page, &f, want, n, "the decision log");
	f.due_only = true;
	snprintf(sql, sizeof sql,
		 "SELECT id FROM items WHERE kind = 'decision' AND deleted_at IS NULL"
		 " AND superseded_by IS NULL AND revisit_on <= '%s' ORDER BY revisit_on, id",
		 day);
	n = expect(sql, want);
	check_list(decisions_page, &f, want, n, "decisions due");
	f.due_only = false;
	f.words = "refund";
	f.with_superseded = false;
	snprintf(sql, sizeof sql,
		 "SELECT id FROM (SELECT id, 0 AS part, revisit_on AS k FROM items"
		 " WHERE kind = 'decision' AND deleted_at IS NULL AND superseded_by IS NULL"
		 " AND revisit_on <= '%s' UNION ALL SELECT id, 1, -id FROM items"
		 " WHERE kind = 'decision' AND deleted_at IS NULL AND superseded_by IS NULL"
		 " AND NOT coalesce(revisit_on <= '%s', 0)) ORDER BY part, k, id",
		 day, day);
	n = expect(sql, want);
	check_list(decisions_page, &f, want, n, "the decision log, searched");
}

static void history__equal_starts_forward_and_backward(void **state)
{
	(void)state;
	store_id want[MAXROWS];
	size_t n = expect("SELECT id FROM meetings ORDER BY started_at DESC, id DESC", want);
	check_list(history_page, NULL, want, n, "history");
}

static void search__forward_and_backward(void **state)
{
	(void)state;
	store_id want[MAXROWS];
	struct search_filter f = {.words = "refund", .kind = -1};
	size_t n = expect("SELECT id FROM items WHERE deleted_at IS NULL ORDER BY id DESC", want);
	check_list(search_page, &f, want, n, "search");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(actions__every_state_forward_and_backward),
		cmocka_unit_test(open_actions__forward_and_backward),
		cmocka_unit_test(decisions__both_parts_forward_and_backward),
		cmocka_unit_test(history__equal_starts_forward_and_backward),
		cmocka_unit_test(search__forward_and_backward),
	};
	return cmocka_run_group_tests(tests, build, teardown);
}
