/* test_decisions.c - the decision log: its order (revisits due first, then
 * newest first), paging across that boundary, filters, linked items, the
 * supersede rules in core and in the store (a refusal writes nothing), the
 * revisit date, and `cxmeet decisions` / `cxmeet supersede` with hostile text
 * in every output format. Fixtures are built through the store API with fixed
 * times; "today" is 2026-06-01. */
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
#include "cxmeet/decisions.h"
#include "cxmeet/items.h"
#include "cxmeet/names.h"
#include "cxmeet/search.h"
#include "cxmeet/output.h"
#include "cxmeet/store.h"
#include "cxmeet/util.h"

#define TODAY "2026-06-01"

/* The fixture: decisions A, E, B, C, D taken in that order (E is superseded
 * by D), an action and a deleted decision that the log leaves out. */
struct fixture {
	struct store *st;
	store_id sales, it, ann, raj;
	store_id a, e, b, c, d, action, deleted, parked, note;
};

static struct fixture fx;

static cx_date day(const char *iso)
{
	cx_date d;
	assert_true(date_parse_iso(iso, &d));
	return d;
}

static store_id add_item(enum item_kind kind, const char *text, const char *rationale,
			 store_id dept, store_id person, const char *revisit, const char *at)
{
	struct item it = {.kind = kind, .text = (char *)text, .rationale = (char *)rationale,
			  .dept_id = dept, .person_id = person,
			  .revisit = revisit ? day(revisit) : DATE_NONE, .due = DATE_NONE};
	if (kind == ITEM_ACTION)
		it.due = day("2026-07-01");
	assert_int_equal(item_add(fx.st, &it, tu_at(at)), STORE_OK);
	return it.id;
}

static store_id add_person(const char *name, store_id dept)
{
	return tu_person(fx.st, name, dept);
}

static store_id dept_id(const char *name)
{
	struct dept d;
	assert_int_equal(dept_find(fx.st, name, &d), STORE_OK);
	store_id id = d.id;
	dept_free(&d);
	return id;
}

static int setup(void **state)
{
	(void)state;
	memset(&fx, 0, sizeof fx);
	fx.st = tu_open_setup();
	fx.sales = dept_id("Sales");
	fx.it = dept_id("IT");
	fx.ann = add_person("Ann Lee", fx.sales);
	fx.raj = add_person("Raj Rao", fx.it);
	fx.a = add_item(ITEM_DECISION, "A: refunds within 14 days", "Customers asked", fx.sales,
			fx.ann, "2026-03-01", "2026-01-01T10:00:00Z");
	fx.e = add_item(ITEM_DECISION, "E: chat support on weekends", NULL, fx.it, fx.raj,
			"2026-01-20", "2026-01-15T10:00:00Z");
	fx.b = add_item(ITEM_DECISION, "B: one phone number", "Fewer transfers", fx.it, fx.raj,
			"2026-02-15", "2026-02-01T10:00:00Z");
	fx.action = add_item(ITEM_ACTION, "Print the new refund leaflet", NULL, fx.sales, fx.ann,
			     NULL, "2026-02-02T10:00:00Z");
	fx.c = add_item(ITEM_DECISION, "C: loyalty card retired", NULL, fx.sales, fx.ann,
			"2026-12-01", "2026-03-01T10:00:00Z");
	fx.d = add_item(ITEM_DECISION, "D: chat support every day", NULL, fx.it, 0, NULL,
			"2026-04-01T10:00:00Z");
	fx.deleted = add_item(ITEM_DECISION, "Deleted decision", NULL, fx.it, 0, "2026-01-01",
			      "2026-04-02T10:00:00Z");
	assert_int_equal(store_item_delete(fx.st, fx.deleted, 0, tu_at("2026-04-03T10:00:00Z")),
			 STORE_OK);
	fx.parked = add_item(ITEM_PARKED, "Refund policy", NULL, 0, 0, NULL, "2025-12-01T10:00:00Z");
	fx.note = add_item(ITEM_NOTE, "A note later deleted", NULL, 0, 0, NULL,
			   "2026-01-02T10:00:00Z");
	assert_int_equal(store_item_link(fx.st, fx.action, fx.a, LINK_AROSE_FROM), STORE_OK);
	assert_int_equal(store_item_link(fx.st, fx.a, fx.parked, LINK_SETTLES), STORE_OK);
	assert_int_equal(store_item_link(fx.st, fx.note, fx.a, LINK_AROSE_FROM), STORE_OK);
	assert_int_equal(store_item_delete(fx.st, fx.note, 0, tu_at("2026-01-03T10:00:00Z")),
			 STORE_OK);
	assert_int_equal(decision_supersede(fx.st, fx.e, fx.d, 0,
					    tu_at("2026-04-01T11:00:00Z")),
			 STORE_OK);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(fx.st);
	return 0;
}

static struct decision_filter filter(void)
{
	return (struct decision_filter){.today = day(TODAY)};
}

/* f with its words as typed made the words core gives the store
 * (search_words): blank, none. */
static struct decision_filter as_typed(const struct decision_filter *f)
{
	struct decision_filter g = *f;
	static char *words; /* the last filter's, kept until the next */
	free(words);
	assert_int_equal(search_words_or_none(fx.st, f->words, &words), STORE_OK);
	g.words = words;
	return g;
}

/* The ids of rows offset..offset+limit, as "a,b,c" in fixture letters. */
static char *order(const struct decision_filter *typed, size_t offset, size_t limit)
{
	struct decision_filter g = as_typed(typed);
	const struct decision_filter *f = &g;
	struct decision_row *r;
	size_t n;
	struct store_cursor cur = {0};
	if (offset) { /* the page after the first `offset` rows */
		assert_int_equal(decisions_list(fx.st, f, NULL, offset, &r, &n), STORE_OK);
		if (n)
			cur = r[n - 1].after;
		decision_rows_free(r, n);
		if (n < offset)
			return xstrdup("");
	}
	assert_int_equal(decisions_list(fx.st, f, &cur, limit, &r, &n), STORE_OK);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < n; i++)
		sb_addf(&sb, "%s%c", i ? "," : "", r[i].text[0]);
	decision_rows_free(r, n);
	return sb.s ? sb.s : xstrdup("");
}

static void assert_order(const struct decision_filter *f, size_t offset, size_t limit,
			 const char *want)
{
	char *got = order(f, offset, limit);
	assert_string_equal(got, want);
	free(got);
}

static void assert_counts(const struct decision_filter *typed, int64_t total, int64_t due)
{
	struct decision_filter g = as_typed(typed);
	const struct decision_filter *f = &g;
	int64_t t, d;
	assert_int_equal(store_decisions_count(fx.st, f, &t, &d), STORE_OK);
	assert_int_equal(t, total);
	assert_int_equal(d, due);
}

static void list__due_first_by_revisit_then_newest(void **state)
{
	(void)state;
	struct decision_filter f = filter();
	assert_order(&f, 0, 50, "B,A,D,C");
	assert_counts(&f, 4, 2);
	/* Pages that cross the boundary between the due ones and the rest. */
	assert_order(&f, 1, 2, "A,D");
	assert_order(&f, 2, 1, "D");
	assert_order(&f, 3, 10, "C");
	assert_order(&f, 4, 10, "");
	/* Superseded E is never due, even with a revisit date long past. */
	f.with_superseded = true;
	assert_order(&f, 0, 50, "B,A,D,C,E");
	assert_counts(&f, 5, 2);
	/* On the day of a revisit it is due; the day before it is not. */
	f = filter();
	f.today = day("2026-02-15");
	assert_order(&f, 0, 50, "B,D,C,A");
	f.today = day("2026-02-14");
	assert_order(&f, 0, 50, "D,C,B,A");
	assert_counts(&f, 4, 0);
}

/* With words, the list read from the window's matches (the filter's reach,
 * as the decision log reads it) is the one read on the decisions' indexes:
 * the same rows, order, pages and counts, for every filter. */
static void list__from_the_windows_matches_as_from_the_indexes(void **state)
{
	(void)state;
	static const char *const words[] = {"chat", "refund", "c", "fewer", "week"};
	for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
		for (int k = 0; k < 8; k++) {
			struct decision_filter f = filter();
			f.words = words[w];
			f.due_only = k & 1;
			f.with_superseded = k & 2;
			f.dept_id = k & 4 ? fx.it : 0;
			for (size_t cap = 1; cap <= 6; cap += 5) {
				store_id floor;
				int64_t reach;
				int64_t wt = -1, wd = -1;
				assert_int_equal(store_decisions_window(fx.st, &f, cap, &floor, &reach,
									&wt, &wd),
						 STORE_OK);
				assert_true(reach > 0 || (floor == 0 && reach == 0));
				struct decision_filter g = f;
				f.floor = g.floor = floor;
				g.reach = reach;
				int64_t t1, d1, t2, d2;
				assert_int_equal(store_decisions_count(fx.st, &f, &t1, &d1), STORE_OK);
				assert_int_equal(store_decisions_count(fx.st, &g, &t2, &d2), STORE_OK);
				assert_int_equal(t1, t2);
				assert_int_equal(d1, d2);
				/* counted in the window's own pass: the same */
				assert_int_equal(wt, t1);
				assert_int_equal(wd, d1);
				for (size_t off = 0; off <= 5; off++) {
					for (size_t lim = 1; lim <= 5; lim += 2) {
						char *a = order(&f, off, lim), *b = order(&g, off, lim);
						if (strcmp(a, b) != 0)
							fail_msg("\"%s\" (%d, cap %zu) rows %zu+%zu: \"%s\" on "
								 "the indexes, \"%s\" from the matches",
								 words[w], k, cap, off, lim, a, b);
						free(a);
						free(b);
					}
				}
				f.floor = 0;
			}
		}
	}
}

static void list__filters_and_row_facts(void **state)
{
	(void)state;
	struct decision_filter f = filter();
	f.due_only = true;
	assert_order(&f, 0, 50, "B,A");
	assert_counts(&f, 2, 2);
	f = filter();
	f.dept_id = fx.sales;
	assert_order(&f, 0, 50, "A,C");
	assert_counts(&f, 2, 1);
	f.due_only = true;
	assert_order(&f, 0, 50, "A");
	f = filter();
	f.dept_id = fx.it;
	f.with_superseded = true;
	assert_order(&f, 0, 50, "B,D,E");

	/* Words: every one required, as a prefix, in text or rationale; FTS
	 * syntax typed by the user is taken as plain words. */
	f = filter();
	f.words = "refund";
	assert_order(&f, 0, 50, "A");
	assert_counts(&f, 1, 1);
	f.words = "  chat  ";
	assert_order(&f, 0, 50, "D");
	f.with_superseded = true;
	assert_order(&f, 0, 50, "D,E");
	f.words = "chat week";
	assert_order(&f, 0, 50, "E");
	f.words = "fewer";
	assert_order(&f, 0, 50, "B");
	f.words = "\"AND OR* NEAR(";
	assert_order(&f, 0, 50, "");
	f.words = "";
	assert_order(&f, 0, 50, "B,A,D,C,E");
	/* A window of the newest decisions holding the words: "chat" is in D
	 * and the older E; a window of one holds D alone, of two both. */
	store_id floor = -1;
	int64_t reach = -1;
	f.words = "chat";
	assert_int_equal(store_decisions_window(fx.st, &f, 2, &floor, &reach, NULL, NULL), STORE_OK);
	assert_int_equal(floor, 0);
	assert_int_equal(reach, 2); /* every item holding it */
	assert_int_equal(store_decisions_window(fx.st, &f, 1, &floor, &reach, NULL, NULL), STORE_OK);
	assert_int_equal(floor, fx.d);
	assert_int_equal(reach, 1); /* the items holding it from D on */
	f.floor = floor;
	assert_order(&f, 0, 50, "D");
	assert_counts(&f, 1, 0);
	f.reach = reach; /* read from the window's matches: the same */
	assert_order(&f, 0, 50, "D");
	assert_counts(&f, 1, 0);
	f.words = NULL;
	assert_int_equal(store_decisions_window(fx.st, &f, 1, &floor, &reach, NULL, NULL), STORE_OK);
	assert_int_equal(floor, 0); /* no words, no window */
	assert_int_equal(reach, 0);
	f.floor = 0;
	f.reach = 0;
	f.words = "";
	/* Refused: control characters, and punctuation alone (no word). */
	struct decision_row *r;
	size_t n;
	int64_t t, d;
	static const char *const refused[] = {"bad\x1b[2J", "\"*:-"};
	for (size_t i = 0; i < 2; i++) {
		char *w;
		assert_int_equal(search_words(fx.st, refused[i], &w), STORE_INVALID);
		assert_null(w);
	}
	/* and what is no words as core makes them, the store refuses too */
	f.words = "\"*:-";
	assert_int_equal(decisions_list(fx.st, &f, NULL, 50, &r, &n), STORE_INVALID);
	assert_int_equal(store_decisions_count(fx.st, &f, &t, &d), STORE_INVALID);

	f = filter();
	f.with_superseded = true;
	assert_int_equal(decisions_list(fx.st, &f, NULL, 50, &r, &n), STORE_OK);
	assert_int_equal(n, 5);
	const struct decision_row *a = &r[1], *e = &r[4];
	assert_int_equal(a->id, fx.a);
	assert_true(a->due);
	assert_string_equal(a->dept_name, "Sales");
	assert_string_equal(a->decider, "Ann Lee");
	assert_string_equal(a->rationale, "Customers asked");
	assert_int_equal(a->revisit, day("2026-03-01"));
	assert_int_equal(a->links, 2); /* the link to the deleted note does not count */
	assert_int_equal(a->superseded_by, 0);
	assert_null(a->superseded_text);
	assert_int_equal(e->id, fx.e);
	assert_false(e->due);
	assert_int_equal(e->superseded_by, fx.d);
	assert_string_equal(e->superseded_text, "D: chat support every day");
	assert_null(r[2].decider); /* D: nobody named */
	decision_rows_free(r, n);
}

static void links__kind_status_text_and_direction(void **state)
{
	(void)state;
	struct decision_link *l;
	size_t n;
	assert_int_equal(store_decision_links(fx.st, fx.a, &l, &n), STORE_OK);
	assert_int_equal(n, 2);
	/* in id order: the action (4th item), then the parked topic */
	assert_int_equal(l[0].id, fx.action);
	assert_int_equal(l[0].kind, ITEM_ACTION);
	assert_int_equal(l[0].status, STATUS_OPEN);
	assert_int_equal(l[0].link, LINK_AROSE_FROM);
	assert_false(l[0].outgoing);
	assert_string_equal(l[0].text, "Print the new refund leaflet");
	assert_int_equal(l[1].id, fx.parked);
	assert_int_equal(l[1].kind, ITEM_PARKED);
	assert_int_equal(l[1].link, LINK_SETTLES);
	assert_true(l[1].outgoing);
	decision_links_free(l, n);

	struct decision_ref *s;
	assert_int_equal(store_decision_supersedes(fx.st, fx.d, &s, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(s[0].id, fx.e);
	assert_string_equal(s[0].text, "E: chat support on weekends");
	decision_refs_free(s, n);

	/* Candidates to supersede B: decisions taken since, newest first. */
	assert_int_equal(store_decisions_later(fx.st, fx.b, 10, &s, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(s[0].id, fx.d);
	assert_int_equal(s[1].id, fx.c);
	decision_refs_free(s, n);
}

/* --- the supersede rule (core) ------------------------------------------ */

static void rule__every_refusal(void **state)
{
	(void)state;
	struct decision_facts old = {.id = 1, .is_decision = true, .created_at = 100};
	struct decision_facts new = {.id = 2, .is_decision = true, .created_at = 200};
	assert_int_equal(decision_supersede_check(&old, &new, NULL, 0), SUPERSEDE_OK);
	assert_int_equal(decision_supersede_check(&old, &old, NULL, 0), SUPERSEDE_SAME);
	struct decision_facts x = new;
	x.is_decision = false;
	assert_int_equal(decision_supersede_check(&old, &x, NULL, 0), SUPERSEDE_NEW_NOT_DECISION);
	assert_int_equal(decision_supersede_check(&x, &old, NULL, 0), SUPERSEDE_OLD_NOT_DECISION);
	x = new;
	x.deleted = true;
	assert_int_equal(decision_supersede_check(&old, &x, NULL, 0), SUPERSEDE_DELETED);
	assert_int_equal(decision_supersede_check(&new, &old, NULL, 0), SUPERSEDE_EARLIER);
	x = old;
	x.superseded_by = 7;
	assert_int_equal(decision_supersede_check(&x, &new, NULL, 0), SUPERSEDE_ALREADY);
	/* Same time: allowed either way round, but never into a loop. */
	x = new;
	x.created_at = old.created_at;
	int64_t chain[] = {5, 1};
	assert_int_equal(decision_supersede_check(&old, &x, NULL, 0), SUPERSEDE_OK);
	assert_int_equal(decision_supersede_check(&old, &x, chain, 2), SUPERSEDE_CYCLE);

	char buf[200];
	x = old;
	x.superseded_by = 7;
	supersede_refusal(SUPERSEDE_ALREADY, &x, &new, buf, sizeof buf);
	assert_string_equal(buf, "#1 is already superseded by #7");
	supersede_refusal(SUPERSEDE_EARLIER, &new, &old, buf, sizeof buf);
	assert_non_null(strstr(buf, "#1 was decided before #2"));

	assert_true(decision_revisit_due(day("2026-01-01"), 0, day("2026-01-01")));
	assert_false(decision_revisit_due(day("2026-01-02"), 0, day("2026-01-01")));
	assert_false(decision_revisit_due(day("2025-01-01"), 9, day("2026-01-01")));
	assert_false(decision_revisit_due(DATE_NONE, 0, day("2026-01-01")));

	/* A decision's day: its meeting's, else when it was recorded. */
	assert_int_equal(decision_day(tu_at("2026-03-02T10:00:00Z"), tu_at("2026-03-05T10:00:00Z")),
			 day("2026-03-02"));
	assert_int_equal(decision_day(0, tu_at("2026-03-05T10:00:00Z")), day("2026-03-05"));
}

/* --- the supersede rule (store): refusals write nothing ----------------- */

static int64_t scalar(const char *sql) { return tu_sql_int(store_path(fx.st), sql); }

static void raw(const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(store_path(fx.st), &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* A fingerprint of what a supersede may change. */
static int64_t state_now(void)
{
	return scalar("SELECT (SELECT count(*) FROM item_events) * 1000000"
		      " + (SELECT coalesce(sum(superseded_by * id), 0) FROM items)");
}

static void assert_refused(store_id old, store_id new, enum store_rc want, const char *msg)
{
	int64_t before = state_now();
	assert_int_equal(decision_supersede(fx.st, old, new, 0, tu_at("2026-06-01T09:00:00Z")),
			 want);
	if (!strstr(store_errmsg(fx.st), msg))
		fail_msg("'%s' lacks '%s'", store_errmsg(fx.st), msg);
	assert_int_equal(state_now(), before);
}

static void store__refusals_leave_the_database_unchanged(void **state)
{
	(void)state;
	assert_refused(fx.a, 9999, STORE_NOTFOUND, "no item #9999");
	assert_refused(9999, fx.a, STORE_NOTFOUND, "no item #9999");
	assert_refused(fx.a, fx.a, STORE_INVALID, "cannot supersede itself");
	assert_refused(fx.a, fx.action, STORE_INVALID, "is not a decision");
	assert_refused(fx.action, fx.b, STORE_INVALID, "is not a decision");
	assert_refused(fx.b, fx.a, STORE_INVALID, "was decided before");
	assert_refused(fx.e, fx.c, STORE_INVALID, "already superseded by #");
	assert_refused(fx.a, fx.deleted, STORE_INVALID, "was deleted");
	/* Two decisions of the same minute: one way round, then not back. */
	store_id h = add_item(ITEM_DECISION, "H", NULL, 0, 0, NULL, "2026-05-01T10:00:00Z");
	store_id i = add_item(ITEM_DECISION, "I", NULL, 0, 0, NULL, "2026-05-01T10:00:00Z");
	assert_int_equal(decision_supersede(fx.st, i, h, 0, tu_at("2026-05-02T10:00:00Z")),
			 STORE_OK);
	assert_refused(h, i, STORE_INVALID, "is itself superseded by");
}

static void store__supersede_records_its_event(void **state)
{
	(void)state;
	assert_int_equal(decision_supersede(fx.st, fx.a, fx.c, 0,
					    tu_at("2026-06-01T09:00:00Z")),
			 STORE_OK);
	struct item it;
	assert_int_equal(store_item_get(fx.st, fx.a, &it), STORE_OK);
	assert_int_equal(it.superseded_by, fx.c);
	item_free(&it);
	struct item_event *e;
	size_t n;
	assert_int_equal(store_item_events(fx.st, fx.a, &e, &n), STORE_OK);
	assert_int_equal(e[n - 1].kind, EVENT_SUPERSEDED);
	char *want = xasprintf("%lld", (long long)fx.c);
	assert_string_equal(e[n - 1].new_value, want);
	free(want);
	item_events_free(e, n);
	/* Both stay readable: A is still listed with --all, pointing at C. */
	struct decision_filter f = filter();
	assert_order(&f, 0, 50, "B,D,C");
	f.with_superseded = true;
	assert_order(&f, 0, 50, "B,D,C,E,A");
}

static void store__revisit_date_set_and_cleared_with_events(void **state)
{
	(void)state;
	time_t at = tu_at("2026-06-01T09:00:00Z");
	assert_int_equal(store_decision_set_revisit(fx.st, fx.c, day("2026-05-01"), 0, at),
			 STORE_OK);
	struct decision_filter f = filter();
	assert_order(&f, 0, 50, "B,A,C,D");
	assert_int_equal(store_decision_set_revisit(fx.st, fx.b, DATE_NONE, 0, at), STORE_OK);
	assert_order(&f, 0, 50, "A,C,D,B");
	assert_int_equal(scalar("SELECT count(*) FROM item_events WHERE event = 'edited'"
				" AND reason = 'revisit' AND old_value = '2026-02-15'"
				" AND new_value IS NULL"),
			 1);
	int64_t before = state_now();
	assert_int_equal(store_decision_set_revisit(fx.st, fx.action, DATE_NONE, 0, at),
			 STORE_INVALID);
	assert_int_equal(store_decision_set_revisit(fx.st, 9999, DATE_NONE, 0, at), STORE_NOTFOUND);
	assert_int_equal(state_now(), before);
}

/* --- the command line --------------------------------------------------- */

static int run(const char *first, ...)
{
	char *out = xasprintf("%s/stdout", tu_dir()), *err = xasprintf("%s/stderr", tu_dir());
	va_list ap;
	va_start(ap, first);
	setenv("CXMEET_NOW", TODAY "T12:00:00Z", 1);
	int rc = tu_vcli(store_path(fx.st), out, err, first, ap);
	unsetenv("CXMEET_NOW");
	va_end(ap);
	free(out);
	free(err);
	return rc;
}

static char *output(const char *name)
{
	char *path = xasprintf("%s/%s", tu_dir(), name);
	char *s = tu_slurp(path, NULL);
	assert_non_null(s);
	free(path);
	return s;
}

static void assert_has(const char *file, const char *needle)
{
	char *s = output(file);
	if (!strstr(s, needle))
		fail_msg("%s lacks \"%s\":\n%s", file, needle, s);
	free(s);
}

static void assert_lacks(const char *file, const char *needle)
{
	char *s = output(file);
	if (strstr(s, needle))
		fail_msg("%s has \"%s\":\n%s", file, needle, s);
	free(s);
}

/* Hostile text straight into the file, as another program might leave it:
 * quotes, commas, a line break, an escape sequence, a bad byte, and a
 * formula for spreadsheets. */
static void make_hostile(void)
{
	char *sql = xasprintf("UPDATE items SET text = '=cmd|\"x\", said ''he''', rationale ="
			      " 'line one' || char(10) || 'two, \"q\"' || char(27) || '[31mred'"
			      " || cast(x'ff' AS TEXT) WHERE id = %lld",
			      (long long)fx.c);
	raw(sql);
	free(sql);
}

/* The plain list cuts a long line to its columns with an ellipsis, in the
 * same bytes whether the text is plain ASCII (written as it is) or not (made
 * printable and measured a character at a time): the department and who
 * decided at 18 columns, the rationale at 70; a line that fits is whole. */
static void cli__plain_cuts_long_lines_the_same_for_ascii_and_not(void **state)
{
	(void)state;
	char *sql = xasprintf(
		"UPDATE departments SET name = 'Customer Operations Europe' WHERE id = %lld;"
		" UPDATE departments SET name = 'Caf\xc3\xa9 Operations Europe' WHERE id = %lld;"
		" UPDATE people SET name = 'Annabel Lee-Morgan' WHERE id = %lld;"
		" UPDATE people SET name = 'Raj Rao-Venkatesan' || char(9) || 'x' WHERE id = %lld;"
		" UPDATE items SET rationale = printf('%%.69s', 'abcdefghij-abcdefghij-abcdefghij-'"
		" || 'abcdefghij-abcdefghij-abcdefghij-abcdefghij') || 'Z' WHERE id = %lld;"
		" UPDATE items SET rationale = printf('%%.70s', 'Because-abcdefghij-abcdefghij-'"
		" || 'abcdefghij-abcdefghij-abcdefghij-abcdefghij') || 'Z!' WHERE id = %lld;"
		" UPDATE items SET rationale = '\xc3\xa9' || printf('%%.70s', 'because-abcdefghij-"
		"abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij') WHERE id = %lld;",
		(long long)fx.sales, (long long)fx.it, (long long)fx.ann, (long long)fx.raj,
		(long long)fx.a, (long long)fx.b, (long long)fx.c);
	raw(sql);
	free(sql);
	assert_int_equal(run("decisions", NULL), EXIT_OK);
	/* 18 columns: 17 and the ellipsis; a name of 18 is whole */
	assert_has("stdout", "  Customer Operatio…, decided by Annabel Lee-Morgan, 2 linked\n");
	assert_has("stdout", "  Caf\xc3\xa9 Operations E…, decided by Raj Rao-Venkatesa…\n");
	/* 70 columns: a rationale of 70 is whole, of 72 cut to 69 */
	assert_has("stdout", "   why: abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-"
			     "abcdefghij-abcZ\n");
	assert_has("stdout", "   why: Because-abcdefghij-abcdefghij-abcdefghij-abcdefghij-"
			     "abcdefghij-abcdef…\n");
	assert_has("stdout", "   why: \xc3\xa9" "because-abcdefghij-abcdefghij-abcdefghij-abcdefghij-"
			     "abcdefghij-abcde…\n");
}

static void cli__plain_json_csv_with_hostile_text(void **state)
{
	(void)state;
	make_hostile();
	assert_int_equal(run("decisions", NULL), EXIT_OK);
	assert_has("stdout", "4 decisions, 2 due for a revisit");
	assert_has("stdout", "   REVISIT DUE: 2026-02-15\n");
	assert_has("stdout", "   revisit: 2026-12-01\n");
	assert_has("stdout", "=cmd|\"x\", said 'he'");
	assert_has("stdout", "why: line one two, \"q\"\xef\xbf\xbd[31mred\xef\xbf\xbd");
	assert_has("stdout", ", 2 linked");
	assert_lacks("stdout", "\x1b");
	assert_lacks("stdout", "E: chat support");
	{
		/* B comes first: due soonest */
		char *s = output("stdout");
		char *b = strstr(s, "B: one phone"), *a = strstr(s, "A: refunds");
		assert_true(b && a && b < a);
		free(s);
	}

	assert_int_equal(run("decisions", "--all", "--format", "json", NULL), EXIT_OK);
	assert_has("stdout", "\"text\": \"=cmd|\\\"x\\\", said 'he'\"");
	/* ESC escaped as \\u001b would still reach whatever prints the value */
	assert_has("stdout", "\"rationale\": \"line one\\ntwo, \\\"q\\\"\\ufffd[31mred\\ufffd\"");
	assert_lacks("stdout", "\\u001b");
	assert_has("stdout", "\"revisit_due\": true");
	assert_has("stdout", "\"superseded_by\": ");
	assert_has("stdout", "\"decided_by\": null");
	assert_has("stdout", "E: chat support on weekends");
	assert_lacks("stdout", "\x1b");

	assert_int_equal(run("decisions", "--format", "csv", NULL), EXIT_OK);
	assert_has("stdout", "id,decided_on,revisit_on,revisit_due,department,decided_by,superseded_by,"
			     "links,text,rationale\r\n");
	assert_has("stdout", ",\"'=cmd|\"\"x\"\", said 'he'\",\"line one\ntwo, \"\"q\"\"");
	assert_lacks("stdout", "chat support on weekends");

	assert_int_equal(run("decisions", "--revisit-due", "--dept", "sales", NULL), EXIT_OK);
	assert_has("stdout", "1 decision, 1 due for a revisit");
	assert_has("stdout", "A: refunds within 14 days");
	assert_lacks("stdout", "B: one phone");

	assert_int_equal(run("decisions", "--search", "said he", "--format", "csv", NULL), EXIT_OK);
	assert_has("stdout", "=cmd");
	assert_lacks("stdout", "A: refunds");
	assert_int_equal(run("decisions", "--search", "nothing-like-this", NULL), EXIT_OK);
	assert_has("stdout", "No decisions match.\n");
}

static void cli__refusals(void **state)
{
	(void)state;
	int64_t before = state_now();
	assert_int_equal(run("decisions", "--dept", "Nowhere", NULL), EXIT_USAGE);
	assert_has("stderr", "no department named 'Nowhere'");
	assert_int_equal(run("decisions", "--format", "xml", NULL), EXIT_USAGE);
	assert_int_equal(run("decisions", "extra", NULL), EXIT_USAGE);
	/* Words of punctuation alone are nothing to search for, as for search. */
	assert_int_equal(run("decisions", "--search", "\"\"", "--format", "json", NULL), EXIT_USAGE);
	assert_has("stderr", "nothing to search for");
	assert_lacks("stdout", "[");
	assert_int_equal(run("supersede", "1", NULL), EXIT_USAGE);
	assert_int_equal(run("supersede", "x", "2", NULL), EXIT_USAGE);
	assert_int_equal(run("supersede", "9999", "2", NULL), EXIT_USAGE);
	assert_has("stderr", "no item #9999");
	char *a = xasprintf("%lld", (long long)fx.a), *b = xasprintf("#%lld", (long long)fx.b),
	     *act = xasprintf("%lld", (long long)fx.action), *e = xasprintf("%lld", (long long)fx.e),
	     *c = xasprintf("%lld", (long long)fx.c);
	assert_int_equal(run("supersede", a, a, NULL), EXIT_USAGE);
	assert_has("stderr", "cannot supersede itself");
	assert_int_equal(run("supersede", act, b, NULL), EXIT_USAGE);
	assert_has("stderr", "is not a decision");
	assert_int_equal(run("supersede", b, a, NULL), EXIT_USAGE);
	assert_has("stderr", "was decided before");
	assert_int_equal(run("supersede", e, c, NULL), EXIT_USAGE);
	assert_has("stderr", "already superseded");
	assert_int_equal(state_now(), before);
	assert_int_equal(run("supersede", a, b, NULL), EXIT_OK);
	assert_has("stdout", "is now superseded by");
	char *sql = xasprintf("SELECT superseded_by FROM items WHERE id = %lld", (long long)fx.a);
	assert_int_equal(scalar(sql), fx.b);
	free(sql);
	free(a);
	free(b);
	free(act);
	free(e);
	free(c);
}

/* A table streamed in pages is byte for byte the table written whole. */
static void output__streamed_pages_equal_the_whole_table(void **state)
{
	(void)state;
	static const struct table_col cols[] = {{"n", COL_INT, true}, {"text", COL_TEXT, false},
						{"ok", COL_BOOL, false}};
	static const char *const texts[] = {"plain", "a \"quoted\", text", "two\nlines", "=1+1",
					    NULL};
	enum out_format formats[] = {OUT_JSON, OUT_CSV};
	for (size_t rows = 0; rows <= 5; rows++)
		for (size_t fi = 0; fi < 2; fi++) {
			struct table whole, page;
			struct strbuf a, b;
			sb_init(&a);
			sb_init(&b);
			table_init(&whole, cols, 3);
			table_init(&page, cols, 3);
			table_stream_begin(&page, formats[fi], &b);
			for (size_t r = 0; r < rows; r++) {
				table_row(&whole);
				table_cell_int(&whole, (long long)r);
				table_cell(&whole, texts[r]);
				table_cell_bool(&whole, r % 2);
				table_row(&page);
				table_cell_int(&page, (long long)r);
				table_cell(&page, texts[r]);
				table_cell_bool(&page, r % 2);
				if (r % 2 == 1 || r + 1 == rows) { /* pages of two rows */
					table_stream_rows(&page, formats[fi], r + 1 - page.nrows, &b);
					table_free(&page);
					table_init(&page, cols, 3);
				}
			}
			table_stream_end(&page, formats[fi], rows, &b);
			table_render(&whole, formats[fi], &a);
			assert_string_equal(b.s, a.s);
			table_free(&whole);
			table_free(&page);
			sb_free(&a);
			sb_free(&b);
		}
}

int main(void)
{
	tu_init("decisions");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(list__due_first_by_revisit_then_newest, setup,
						teardown),
		cmocka_unit_test_setup_teardown(list__from_the_windows_matches_as_from_the_indexes, setup,
						teardown),
		cmocka_unit_test_setup_teardown(list__filters_and_row_facts, setup, teardown),
		cmocka_unit_test_setup_teardown(links__kind_status_text_and_direction, setup, teardown),
		cmocka_unit_test(rule__every_refusal),
		cmocka_unit_test_setup_teardown(store__refusals_leave_the_database_unchanged, setup,
						teardown),
		cmocka_unit_test_setup_teardown(store__supersede_records_its_event, setup, teardown),
		cmocka_unit_test_setup_teardown(store__revisit_date_set_and_cleared_with_events, setup,
						teardown),
		cmocka_unit_test_setup_teardown(cli__plain_json_csv_with_hostile_text, setup, teardown),
		cmocka_unit_test_setup_teardown(cli__plain_cuts_long_lines_the_same_for_ascii_and_not,
						setup, teardown),
		cmocka_unit_test_setup_teardown(cli__refusals, setup, teardown),
		cmocka_unit_test(output__streamed_pages_equal_the_whole_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
