/* test_tally.c - the sums kept by triggers (item_tally, revisit_tally:
 * migration 4) against a recount from the items, after a long run of mixed
 * changes made through the store (add, edit, moves between departments and
 * people, due and revisit dates moved, status, supersede, soft delete,
 * carry, archive) and after a migration of a file made by schema 3; and the
 * reports read from them (people's records, the decision log's counts, the
 * overdue count by department) against the queries that counted every item,
 * as they were before the sums were kept; and after a demo, which writes its
 * rows without the triggers and counts the sums once at its end. */
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
#include "cxmeet/agenda.h"
#include "cxmeet/dates.h"
#include "cxmeet/demo.h"
#include "cxmeet/items.h"
#include "cxmeet/names.h"
#include "cxmeet/setup.h"
#include "cxmeet/util.h"

/* The recount, written out apart from the triggers: every item not deleted,
 * by the tally's key. */
static const char recount_items[] =
	"SELECT kind, status, coalesce(department_id, 0), coalesce(person_id, 0),"
	" CASE WHEN kind = 'action' AND status = 'open' THEN coalesce(due_on, '') ELSE '' END,"
	" superseded_by IS NOT NULL,"
	" CASE WHEN kind <> 'action' OR status <> 'done' THEN 0"
	"   WHEN due_on IS NULL OR closed_at IS NULL THEN -1"
	"   ELSE date(closed_at, 'localtime') <= due_on END,"
	" count(*) FROM items WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7";
static const char kept_items[] =
	"SELECT kind, status, department_id, person_id, due, superseded, on_time, n"
	" FROM item_tally ORDER BY 1, 2, 3, 4, 5, 6, 7";
static const char recount_revisits[] =
	"SELECT coalesce(department_id, 0), substr(revisit_on, 1, 4), count(*) FROM items"
	" WHERE kind = 'decision' AND deleted_at IS NULL AND superseded_by IS NULL"
	" AND revisit_on IS NOT NULL GROUP BY 1, 2";
static const char kept_revisits[] =
	"SELECT department_id, year, n FROM revisit_tally ORDER BY 1, 2";

/* The people's records as they were counted from every item. */
static const char old_records[] =
	"SELECT p.id, count(*) FILTER (WHERE i.kind = 'win'),"
	" count(*) FILTER (WHERE i.kind = 'action'),"
	" count(*) FILTER (WHERE i.kind = 'action' AND i.status = 'done'),"
	" count(*) FILTER (WHERE i.kind = 'action' AND i.status = 'done'"
	"   AND date(i.closed_at, 'localtime') <= i.due_on),"
	" count(*) FILTER (WHERE i.kind = 'action' AND i.status = 'done'"
	"   AND i.due_on IS NOT NULL AND i.closed_at IS NOT NULL),"
	" count(*) FILTER (WHERE i.kind = 'action' AND i.status = 'open'),"
	" count(*) FILTER (WHERE i.kind = 'action' AND i.status = 'open' AND i.due_on < ?1)"
	" FROM people p LEFT JOIN items i ON i.person_id = p.id AND i.kind IN ('win', 'action')"
	"   AND i.deleted_at IS NULL GROUP BY p.id ORDER BY p.id";

/* Every row of sql, one line a row, columns split by '|'. Caller frees. */
static char *rows_of(sqlite3 *db, const char *sql, const char *bind1)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (bind1)
		sqlite3_bind_text(s, 1, bind1, -1, SQLITE_TRANSIENT);
	size_t cap = 1024, len = 0;
	char *out = xmalloc(cap);
	out[0] = '\0';
	while (sqlite3_step(s) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(s); c++) {
			const char *v = (const char *)sqlite3_column_text(s, c);
			size_t need = len + (v ? strlen(v) : 4) + 3;
			if (need > cap) {
				while (need > cap)
					cap *= 2;
				out = xrealloc(out, cap);
			}
			len += (size_t)sprintf(out + len, "%s%c", v ? v : "NULL",
					       c + 1 < sqlite3_column_count(s) ? '|' : '\n');
		}
	}
	sqlite3_finalize(s);
	return out;
}

/* Sorts the lines of a recount, so that it reads in the kept table's order
 * (GROUP BY gives no order). */
static int cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *sorted(char *text)
{
	size_t n = 0, cap = 16;
	char **lines = xmalloc(cap * sizeof *lines);
	for (char *save = NULL, *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		if (n == cap)
			lines = xrealloc(lines, (cap *= 2) * sizeof *lines);
		lines[n++] = l;
	}
	qsort(lines, n, sizeof *lines, cmp_line);
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		len += strlen(lines[i]) + 1;
	char *out = xmalloc(len + 1), *p = out;
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "%s\n", lines[i]);
	*p = '\0';
	free(lines);
	free(text);
	return out;
}

/* The kept sums equal a recount from the items. */
static void check_sums(const char *path)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	char *kept = sorted(rows_of(db, kept_items, NULL));
	char *want = sorted(rows_of(db, recount_items, NULL));
	assert_string_equal(kept, want);
	assert_true(strlen(kept) > 0);
	free(kept);
	free(want);
	kept = sorted(rows_of(db, kept_revisits, NULL));
	want = sorted(rows_of(db, recount_revisits, NULL));
	assert_string_equal(kept, want);
	free(kept);
	free(want);
	sqlite3_close(db);
}

/* The reports read from the sums give what counting every item gave. */
static void check_reports(struct store *st, const char *path, cx_date today)
{
	char day[16];
	date_format(today, day, sizeof day);
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);

	/* The people's records, archived people included. */
	struct person_record *r;
	size_t n;
	assert_int_equal(store_person_records(st, today, true, &r, &n), STORE_OK);
	char *got = xstrdup("");
	for (size_t i = 0; i < n; i++) {
		char line[200];
		snprintf(line, sizeof line, "%lld|%lld|%lld|%lld|%lld|%lld|%lld|%lld\n",
			 (long long)r[i].p.id, (long long)r[i].wins, (long long)r[i].actions,
			 (long long)r[i].done, (long long)r[i].done_on_time,
			 (long long)r[i].done_judged, (long long)r[i].open, (long long)r[i].overdue);
		char *t = xasprintf("%s%s", got, line);
		free(got);
		got = t;
	}
	person_records_free(r, n);
	char *want = sorted(rows_of(db, old_records, day));
	got = sorted(got);
	assert_string_equal(got, want);
	free(got);
	free(want);

	/* The overdue count by department. */
	struct dept_count *dc;
	assert_int_equal(store_overdue_by_dept(st, today, &dc, &n), STORE_OK);
	got = xstrdup("");
	for (size_t i = 0; i < n; i++) {
		char *t = xasprintf("%s%lld|%lld\n", got, (long long)dc[i].dept_id,
				    (long long)dc[i].n);
		free(got);
		got = t;
	}
	free(dc);
	want = rows_of(db, "SELECT coalesce(department_id, 0), count(*) FROM items"
			   " WHERE kind = 'action' AND status = 'open' AND deleted_at IS NULL"
			   " AND due_on < ?1 GROUP BY department_id ORDER BY 1", day);
	assert_string_equal(got, want);
	free(got);
	free(want);

	/* The decision log's counts, for every department and for each, with and
	 * without the superseded ones. */
	struct dept *d;
	size_t nd;
	assert_int_equal(store_dept_list(st, true, &d, &nd), STORE_OK);
	for (size_t k = 0; k <= nd; k++) {
		for (int sup = 0; sup <= 1; sup++) {
			struct decision_filter f = {.today = today, .with_superseded = sup,
						    .dept_id = k < nd ? d[k].id : 0};
			int64_t total, due;
			assert_int_equal(store_decisions_count(st, &f, &total, &due), STORE_OK);
			char *q = xasprintf(
				"SELECT count(*), count(*) FILTER (WHERE revisit_on <= ?1"
				" AND superseded_by IS NULL) FROM items WHERE kind = 'decision'"
				" AND deleted_at IS NULL AND (%d OR superseded_by IS NULL)"
				" AND (%lld = 0 OR department_id = %lld)",
				sup, (long long)f.dept_id, (long long)f.dept_id);
			want = rows_of(db, q, day);
			got = xasprintf("%lld|%lld\n", (long long)total, (long long)due);
			assert_string_equal(got, want);
			free(q);
			free(got);
			free(want);
		}
	}

	/* The open actions counted on the home screen and in a meeting's review
	 * (those of the meeting itself left out). */
	int64_t meetings = 0;
	assert_int_equal(store_meeting_count(st, &meetings), STORE_OK);
	for (store_id m = 0; m <= meetings; m += 1 + (store_id)(meetings / 5)) {
		int64_t open, late;
		assert_int_equal(store_action_counts(st, today, m, &open, &late), STORE_OK);
		char *q = xasprintf("SELECT count(*), count(*) FILTER (WHERE due_on < ?1) FROM items"
				    " WHERE kind = 'action' AND status = 'open' AND deleted_at IS NULL"
				    " AND (%lld = 0 OR coalesce(meeting_id, 0) <> %lld)",
				    (long long)m, (long long)m);
		want = rows_of(db, q, day);
		got = xasprintf("%lld|%lld\n", (long long)open, (long long)late);
		assert_string_equal(got, want);
		free(q);
		free(got);
		free(want);
	}

	/* The action list's counts, for every state, by department and owner. */
	struct person_record *pr;
	size_t np;
	assert_int_equal(store_person_records(st, today, true, &pr, &np), STORE_OK);
	for (int state = 0; state < ASTATE_COUNT; state++) {
		for (size_t k = 0; k <= nd; k++) {
			for (size_t j = 0; j <= np; j += 2) {
				struct action_filter f = {.state = (enum action_state)state,
							  .dept_id = k < nd ? d[k].id : 0,
							  .person_id = j < np ? pr[j].p.id : 0,
							  .due_before = DATE_NONE, .today = today};
				int64_t total, late;
				assert_int_equal(actions_count(st, &f, &total, &late), STORE_OK);
				cx_date from, before;
				action_state_range(&f, &from, &before);
				const char *status = action_state_status(f.state);
				char a[16] = "", b[16] = "";
				if (from != DATE_NONE)
					date_format(from, a, sizeof a);
				if (before != DATE_NONE)
					date_format(before, b, sizeof b);
				char *q = xasprintf(
					"SELECT count(*), count(*) FILTER (WHERE status = 'open'"
					" AND due_on < ?1) FROM items WHERE kind = 'action'"
					" AND deleted_at IS NULL AND ('%s' = '' OR status = '%s')"
					" AND ('%s' = '' OR due_on >= '%s') AND ('%s' = '' OR due_on < '%s')"
					" AND (%lld = 0 OR department_id = %lld)"
					" AND (%lld = 0 OR person_id = %lld)",
					status ? status : "", status ? status : "", a, a, b, b,
					(long long)f.dept_id, (long long)f.dept_id,
					(long long)f.person_id, (long long)f.person_id);
				want = rows_of(db, q, day);
				got = xasprintf("%lld|%lld\n", (long long)total, (long long)late);
				assert_string_equal(got, want);
				free(q);
				free(got);
				free(want);
			}
		}
	}
	person_records_free(pr, np);
	dept_list_free(d, nd);
	sqlite3_close(db);
}

/* A small generator of its own, so that the run is the same everywhere. */
static uint64_t rng = 88172645463325252ULL;
static unsigned pick(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

#define NDEPT 4
#define NPEOPLE 6
#define STEPS 3000

/* Whether item id is an open action not deleted, as the file says. */
static bool is_carrying(const char *path, store_id id)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM items WHERE id = %lld AND kind = 'action'"
		 " AND status = 'open' AND deleted_at IS NULL", (long long)id);
	return tu_sql_int(path, sql) == 1;
}

/* Each item's carried count, and its 'carried' events in its history, as
 * counted meeting by meeting; the events in the order they happened. */
static void check_carried(struct store *st, const store_id *ids, const int *carried, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct item it;
		assert_int_equal(store_item_get(st, ids[i], &it), STORE_OK);
		if (it.carried != carried[i])
			fail_msg("item #%lld: carried %d, not %d", (long long)ids[i], it.carried,
				 carried[i]);
		item_free(&it);
		struct item_event *e;
		size_t ne;
		int events = 0;
		assert_int_equal(store_item_events(st, ids[i], &e, &ne), STORE_OK);
		for (size_t j = 0; j < ne; j++) {
			events += e[j].kind == EVENT_CARRIED;
			if (j > 0 && e[j].at < e[j - 1].at)
				fail_msg("item #%lld: its events out of time order", (long long)ids[i]);
		}
		item_events_free(e, ne);
		assert_int_equal(events, carried[i]);
	}
}

static void mixed_changes__sums_equal_a_recount(void **state)
{
	(void)state;
	char *path = tu_new_path();
	char err[256];
	struct store *st;
	assert_int_equal(store_open(path, &st, err, sizeof err), STORE_OK);
	bool created;
	assert_int_equal(setup_ensure(st, "Acme", &created), STORE_OK);
	store_id dept[NDEPT + 1] = {0}, person[NPEOPLE + 1] = {0};
	for (int i = 1; i <= NDEPT; i++) {
		char name[16];
		snprintf(name, sizeof name, "Dept %d", i);
		assert_int_equal(dept_add(st, name, i % 2, &dept[i]), STORE_OK);
	}
	for (int i = 1; i <= NPEOPLE; i++) {
		char name[16];
		snprintf(name, sizeof name, "Person %d", i);
		struct person p = {.name = name, .dept_id = dept[1 + i % NDEPT], .role = ROLE_MEMBER,
				   .influence = STANCE_UNSET, .support = STANCE_UNSET};
		assert_int_equal(person_add(st, &p, &person[i]), STORE_OK);
	}
	struct agenda_template a;
	store_id tid, meeting = 0;
	assert_int_equal(store_template_default(st, &tid), STORE_OK);
	assert_int_equal(store_template_get(st, tid, &a), STORE_OK);

	/* Days around 2026-11-23 (the day the reports are read for), and times
	 * near midnight, so that on-time falls both ways. */
	const cx_date today = date_from_ymd(2026, 11, 23);
	time_t t = tu_at("2025-01-01T09:00:00Z");
	store_id ids[STEPS];
	size_t nids = 0;
	static const enum item_kind kinds[] = {ITEM_ACTION, ITEM_ACTION, ITEM_ACTION, ITEM_WIN,
					       ITEM_DECISION, ITEM_DECISION, ITEM_NOTE};
	int counted[12] = {0};
	/* what each item's carried count must be: every meeting started while
	 * it was an open action not deleted, and its carries of its own */
	static int carried[STEPS];
	static bool carrying[STEPS];
	memset(carried, 0, sizeof carried);
	memset(carrying, 0, sizeof carrying);
	for (int step = 0; step < STEPS; step++) {
		t += 3600 * (time_t)(1 + pick(40));
		unsigned what = nids < 20 ? 0 : pick(12);
		size_t k = nids ? pick((unsigned)nids) : 0;
		store_id id = nids ? ids[k] : 0;
		struct item it = {0};
		enum store_rc rc = STORE_OK;
		if (what > 0 && store_item_get(st, id, &it) != STORE_OK)
			what = 0;
		switch (what) {
		case 0: { /* add */
			struct item n = {.kind = kinds[pick(7)], .text = "something",
					 .dept_id = dept[pick(NDEPT + 1)],
					 .person_id = person[pick(NPEOPLE + 1)], .due = DATE_NONE,
					 .revisit = DATE_NONE, .status = STATUS_OPEN,
					 .meeting_id = meeting};
			if (n.kind == ITEM_ACTION && pick(4))
				n.due = today - 400 + (cx_date)pick(500);
			if (n.kind == ITEM_DECISION && pick(3))
				n.revisit = today - 900 + (cx_date)pick(1200);
			rc = item_add(st, &n, t);
			assert_int_equal(rc, STORE_OK);
			k = nids;
			ids[nids++] = n.id;
			break;
		}
		case 1: /* move between departments and people */
			it.dept_id = dept[pick(NDEPT + 1)];
			it.person_id = person[pick(NPEOPLE + 1)];
			rc = item_update(st, &it, 0, t);
			break;
		case 2: /* a due date or revisit date moved, set or cleared */
			if (it.kind == ITEM_ACTION)
				it.due = pick(5) ? today - 300 + (cx_date)pick(400) : DATE_NONE;
			if (it.kind == ITEM_DECISION)
				it.revisit = pick(4) ? today - 900 + (cx_date)pick(1200) : DATE_NONE;
			rc = item_update(st, &it, 0, t);
			break;
		case 3: /* an edit of the text alone */
			free(it.text);
			it.text = xstrdup("something else");
			rc = item_update(st, &it, 0, t);
			break;
		case 4:
		case 5: { /* done, dropped, closed, or open again */
			static const enum item_status to[] = {STATUS_DONE, STATUS_DONE, STATUS_DROPPED,
							      STATUS_OPEN, STATUS_CLOSED};
			/* closed near a due day's midnight, either side */
			time_t at = t;
			if (it.due != DATE_NONE && pick(2)) {
				int y, m, d;
				date_to_ymd(it.due + 1, &y, &m, &d);
				char iso[32];
				snprintf(iso, sizeof iso, "%04d-%02d-%02dT00:00:00Z", y, m, d);
				at = tu_at(iso) - 1800 + (time_t)pick(3600);
			}
			rc = item_set_status(st, id, to[pick(5)], NULL, 0, at);
			break;
		}
		case 6: /* soft delete */
			rc = store_item_delete(st, id, 0, t);
			break;
		case 7: { /* supersede a decision by a later one */
			store_id by = ids[pick((unsigned)nids)];
			rc = store_item_supersede(st, id, by, 0, t);
			break;
		}
		case 8: /* a revisit set on the decision log */
			rc = store_decision_set_revisit(st, id, today - 30 + (cx_date)pick(60), 0, t);
			break;
		case 9: /* a meeting started (carrying the open actions) or finished */
			if (meeting) {
				rc = store_meeting_finish(st, meeting, MEETING_COMPLETED, t, 8, DATE_NONE);
				meeting = 0;
			} else {
				rc = store_meeting_start(st, tid, &a, t, 0, &meeting);
				for (size_t j = 0; rc == STORE_OK && j < nids; j++)
					carried[j] += carrying[j];
			}
			if (rc != STORE_OK)
				fprintf(stderr, "%s\n", store_errmsg(st));
			assert_int_equal(rc, STORE_OK);
			break;
		case 10: /* one action carried */
			rc = store_item_carry(st, id, 0, t);
			if (rc == STORE_OK)
				carried[k]++;
			break;
		case 11: /* a person or department archived, or back */
			if (pick(2))
				rc = store_person_set_archived(st, person[1 + pick(NPEOPLE)], pick(2));
			else
				rc = store_dept_set_archived(st, dept[1 + pick(NDEPT)], pick(2));
			break;
		}
		/* Refusals (a decision's revisit on an action, a deleted item) are
		 * part of the mix: they must leave the sums as they were. */
		assert_true(rc == STORE_OK || rc == STORE_NOTFOUND || rc == STORE_INVALID);
		if (rc == STORE_OK)
			counted[what]++;
		if (rc == STORE_OK && what != 9 && nids)
			carrying[k] = is_carrying(path, ids[k]);
		item_free(&it);
		if (step % 500 == 499) {
			check_sums(path);
			check_reports(st, path, today);
			check_carried(st, ids, carried, nids);
		}
	}
	for (int w = 0; w < 12; w++)
		assert_true(counted[w] > 0); /* every kind of change happened */
	agenda_free(&a);
	check_sums(path);
	check_reports(st, path, today);
	check_reports(st, path, today + 400);
	check_carried(st, ids, carried, nids);
	store_close(st);

	/* The same file as schema 4 left it, migrated: the sums are filled once
	 * by schema 5, an action done with no due date counted on time, then
	 * counted again by schema 6, which does not judge it. */
	assert_true(tu_sql_int(path, "SELECT count(*) FROM item_tally WHERE on_time = -1") > 0);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DROP TRIGGER item_tally_i; DROP TRIGGER item_tally_u;"
				      " DROP TRIGGER revisit_tally_i; DROP TRIGGER revisit_tally_u;"
				      " DROP TABLE item_tally; DROP TABLE revisit_tally; DROP INDEX items_revisit_dept; DROP INDEX items_parked_rank;"
				      " DROP TRIGGER items_carry_i; DROP TRIGGER items_carry_u; DROP TRIGGER meetings_seq_i; DROP INDEX meetings_seq;"
				      " ALTER TABLE meetings DROP COLUMN seq; ALTER TABLE items DROP COLUMN carry_from; ALTER TABLE items DROP COLUMN discussed_in; ALTER TABLE items DROP COLUMN measure_id;"
		 " DROP TABLE person_profiles; DROP TABLE stance_history; DROP TABLE measure_values;"
		 " DROP TABLE measures; DROP TABLE focus;"
		 " DROP TABLE meeting_ratings; DROP TABLE meeting_briefers;"
		 " DROP TABLE initiative_reviews; DROP TABLE initiative_milestones; DROP TABLE initiatives;"
		 " DROP TABLE message_recipients;"
		 " PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, ',''topic'')', ')')"
		 " WHERE name = 'items';"
		 " UPDATE sqlite_schema SET sql = replace(sql, ',''imported'')', ')')"
		 " WHERE name = 'item_events'; PRAGMA writable_schema = OFF;"
				      " PRAGMA user_version = 4", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(path, &st, err, sizeof err), STORE_OK);
	assert_int_equal(store_schema_version(st), STORE_SCHEMA_VERSION);
	check_sums(path);
	check_reports(st, path, today);
	store_close(st);
	free(path);
}

static void demo__sums_counted_at_its_end_equal_a_recount(void **state)
{
	(void)state;
	char *path = tu_new_path();
	char err[256];
	struct store *st;
	assert_int_equal(store_open(path, &st, err, sizeof err), STORE_OK);
	bool created;
	assert_int_equal(setup_ensure(st, NULL, &created), STORE_OK);
	struct demo_stats stats;
	time_t now = 1795424400; /* 2026-11-23 09:00 UTC */
	assert_int_equal(demo_generate(st, 2, 7, now, &stats, NULL, NULL), STORE_OK);
	check_sums(path);
	/* the triggers are back: a change after the demo is counted */
	sqlite3 *db;
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT id FROM items WHERE kind = 'action'"
					    " AND status = 'open' ORDER BY id LIMIT 1", -1, &q, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	store_id open = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(db);
	assert_int_equal(item_set_status(st, open, STATUS_DONE, NULL, 0, now), STORE_OK);
	check_sums(path);
	store_close(st);
	free(path);
}

int main(void)
{
	tu_init("tally");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mixed_changes__sums_equal_a_recount),
		cmocka_unit_test(demo__sums_counted_at_its_end_equal_a_recount),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
