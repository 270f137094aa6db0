/* test_history.c - between meetings: the meeting history (store_history_*),
 * search (store_search*) with hostile queries, `cxmeet history`, `cxmeet
 * search` and `cxmeet show --format json` run in-process, on a database of
 * three meetings built by hand with fixed times, and hostile text in every
 * output (some of it written behind the store's back, as a hand edit with
 * sqlite3 would). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "testutil.h"
#include "cxmeet/items.h"
#include "cxmeet/meeting.h"
#include "cxmeet/names.h"
#include "cxmeet/search.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

static char *db;
static store_id m1, m2, m3; /* oldest first */
static store_id hostile_item;

#define at tu_at

/* --- the fixture -------------------------------------------------------- */

static store_id dept_id(struct store *st, const char *name)
{
	struct dept d;
	assert_int_equal(dept_find(st, name, &d), STORE_OK);
	store_id id = d.id;
	dept_free(&d);
	return id;
}

static store_id person(struct store *st, const char *name, const char *dept)
{
	struct person p = {.name = (char *)name, .dept_id = dept_id(st, dept), .role = ROLE_MEMBER,
			   .influence = STANCE_UNSET, .support = STANCE_UNSET};
	store_id id;
	assert_int_equal(person_add(st, &p, &id), STORE_OK);
	return id;
}

static store_id item(struct store *st, store_id meeting, enum item_kind kind, const char *text,
		     const char *dept, store_id who, const char *detail, time_t when)
{
	struct item it = {.kind = kind, .text = (char *)text, .detail = (char *)detail,
			  .person_id = who, .dept_id = dept ? dept_id(st, dept) : 0,
			  .due = DATE_NONE, .revisit = DATE_NONE, .meeting_id = meeting};
	if (kind == ITEM_ACTION)
		it.due = date_from_ymd(2026, 12, 30);
	assert_int_equal(item_add(st, &it, when), STORE_OK);
	return it.id;
}

/* A meeting begun at start with the people present; what it captures is
 * written before meeting_done() ends it. */
static store_id meeting(struct store *st, const char *start, struct meeting_run *r,
			const store_id *present, size_t n)
{
	assert_int_equal(meeting_begin(st, 0, 0, at(start), r), STORE_OK);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(store_attendance_set(st, r->m.id, present[i], true), STORE_OK);
	return r->m.id;
}

static void meeting_done(struct meeting_run *r, int minutes, enum meeting_status status,
			 int rating)
{
	assert_int_equal(meeting_end(r, status, rating, DATE_NONE, r->m.started_at + minutes * 60),
			 STORE_OK);
	meeting_run_free(r);
}

/* Rewrites an item's text with bytes the store itself would refuse. */
static void hand_edit(store_id id, const char *text)
{
	sqlite3 *h;
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "UPDATE items SET text = ? WHERE id = ?", -1, &s,
					    NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, id);
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	sqlite3_close(h);
}

static int build(void **state)
{
	(void)state;
	struct store *st = tu_open_setup();
	db = xstrdup(store_path(st));
	store_id ops;
	assert_int_equal(dept_add(st, "Ops, \"R&D\" =1+1", true, &ops), STORE_OK);
	store_id ana = person(st, "Ana", "Sales"), ben = person(st, "Ben", "IT");
	store_id cleo = person(st, "Cléo \"the fixer\"", "Ops, \"R&D\" =1+1");
	time_t t;

	store_id p1[] = {ana, ben};
	struct meeting_run r;
	m1 = meeting(st, "2026-10-05T14:00:00Z", &r, p1, 2);
	t = at("2026-10-05T14:10:00Z");
	item(st, m1, ITEM_DECISION, "Adopt the refund portal", "Sales", ana, NULL, t);
	item(st, m1, ITEM_ACTION, "Call the courier", "IT", ben, NULL, t + 1);
	item(st, m1, ITEM_WIN, "Fixed the login bug", "IT", ben, NULL, t + 2);
	store_id gone = item(st, m1, ITEM_WIN, "Refund typed by mistake", "IT", ben, NULL, t + 3);
	assert_int_equal(store_item_delete(st, gone, m1, t + 4), STORE_OK);
	meeting_done(&r, 60, MEETING_COMPLETED, 7);

	m2 = meeting(st, "2026-10-12T14:00:00Z", &r, NULL, 0);
	meeting_done(&r, 10, MEETING_ABANDONED, 0);

	store_id p3[] = {ana, cleo};
	m3 = meeting(st, "2026-11-02T14:00:00Z", &r, p3, 2);
	t = at("2026-11-02T14:20:00Z");
	item(st, m3, ITEM_DECISION, "Refund policy: customers get 30 days", "Ops, \"R&D\" =1+1",
	     cleo, NULL, t);
	item(st, m3, ITEM_ACTION, "Refund the Hansen family", "Sales", ana, NULL, t + 1);
	item(st, m3, ITEM_NOTE, "Courier follow-up", NULL, 0, "The refunds\nwait on \"Ops\"",
	     t + 2);
	hostile_item = item(st, m3, ITEM_STORY, "placeholder", "Sales", ana, NULL, t + 3);
	meeting_done(&r, 90, MEETING_COMPLETED, 9);
	store_close(st);
	/* escape sequence, newline, quote, comma, formula, invalid UTF-8 */
	hand_edit(hostile_item, "=HYPERLINK(\"x\"), refund\x1b[2J\nline2 \xff\xfe end");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(db);
	return 0;
}

static struct store *open_db(void)
{
	struct store *st;
	char err[256];
	assert_int_equal(store_open(db, &st, err, sizeof err), STORE_OK);
	return st;
}

/* --- history in the store ----------------------------------------------- */

static void history__newest_first_with_counts(void **state)
{
	(void)state;
	struct store *st = open_db();
	struct meeting_summary *m;
	size_t n;
	assert_int_equal(store_history_list(st, NULL, NULL, 10, &m, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_int_equal(m[0].id, m3);
	assert_int_equal(m[1].id, m2);
	assert_int_equal(m[2].id, m1);

	assert_int_equal(m[0].ended_at - m[0].started_at, 90 * 60);
	assert_int_equal(m[0].status, MEETING_COMPLETED);
	assert_int_equal(m[0].rating, 9);
	assert_int_equal(m[0].present, 2);
	assert_int_equal(m[0].n_depts, 2);
	assert_string_equal(m[0].dept_names, "Ops, \"R&D\" =1+1, Sales");
	assert_int_equal(m[0].decisions, 1);
	assert_int_equal(m[0].actions, 1);
	assert_int_equal(m[0].wins, 0);

	/* abandoned, nobody present, nothing captured */
	assert_int_equal(m[1].status, MEETING_ABANDONED);
	assert_int_equal(m[1].ended_at - m[1].started_at, 10 * 60);
	assert_int_equal(m[1].present, 0);
	assert_int_equal(m[1].n_depts, 0);
	assert_null(m[1].dept_names);
	assert_int_equal(m[1].rating, 0);
	assert_int_equal(m[1].decisions + m[1].actions + m[1].wins, 0);

	/* the deleted win is not counted */
	assert_string_equal(m[2].dept_names, "IT, Sales");
	assert_int_equal(m[2].decisions, 1);
	assert_int_equal(m[2].actions, 1);
	assert_int_equal(m[2].wins, 1);
	meeting_summaries_free(m, n);

	int64_t count;
	assert_int_equal(store_history_count(st, NULL, &count), STORE_OK);
	assert_int_equal(count, 3);
	store_close(st);
}

static void history__filters_and_paging(void **state)
{
	(void)state;
	struct store *st = open_db();
	struct meeting_summary *m;
	size_t n;
	int64_t count;
	struct history_filter since = {.since = at("2026-10-12")};
	assert_int_equal(store_history_list(st, &since, NULL, 10, &m, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(m[0].id, m3);
	assert_int_equal(m[1].id, m2);
	meeting_summaries_free(m, n);
	assert_int_equal(store_history_count(st, &since, &count), STORE_OK);
	assert_int_equal(count, 2);

	struct history_filter it = {.dept_id = dept_id(st, "IT")};
	assert_int_equal(store_history_list(st, &it, NULL, 10, &m, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(m[0].id, m1);
	meeting_summaries_free(m, n);
	assert_int_equal(store_history_count(st, &it, &count), STORE_OK);
	assert_int_equal(count, 1);

	struct history_filter none = {.since = at("2027-01-01")};
	assert_int_equal(store_history_list(st, &none, NULL, 10, &m, &n), STORE_OK);
	assert_int_equal(n, 0);
	meeting_summaries_free(m, n);

	/* one page of one row from the second */
	assert_int_equal(store_history_list(st, NULL, NULL, 1, &m, &n), STORE_OK);
	struct store_cursor after = m[0].after;
	meeting_summaries_free(m, n);
	assert_int_equal(store_history_list(st, NULL, &after, 1, &m, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(m[0].id, m2);
	meeting_summaries_free(m, n);
	store_close(st);
}

/* --- search in the store ------------------------------------------------ */

/* The ids found for words (any department, any kind), newest first, as
 * "3 2 1"; "!" and the code when the store refused. */
static char *found(struct store *st, const char *typed, store_id dept, int kind)
{
	char *words;
	enum store_rc rc = search_words(st, typed, &words); /* as every caller does */
	if (rc != STORE_OK)
		return xasprintf("!%d", (int)rc);
	struct search_filter f = {.words = words, .dept_id = dept, .kind = kind};
	struct search_hit *h;
	size_t n;
	rc = store_search(st, &f, NULL, 100, &h, &n);
	if (rc != STORE_OK)
		free(words);
	if (rc != STORE_OK)
		return xasprintf("!%d", (int)rc);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < n; i++)
		sb_addf(&sb, "%s%lld", i ? " " : "", (long long)h[i].it.id);
	int64_t count;
	assert_int_equal(store_search_count(st, &f, &count), STORE_OK);
	assert_int_equal(count, (int64_t)n);
	search_hits_free(h, n);
	free(words);
	return sb.s ? sb_take(&sb) : xstrdup("");
}

#define assert_found(st, words, dept, kind, want)                                              \
	do {                                                                                   \
		char *got_ = found(st, words, dept, kind);                                      \
		assert_string_equal(got_, want);                                               \
		free(got_);                                                                    \
	} while (0)

static void search__words_prefix_and_filters(void **state)
{
	(void)state;
	struct store *st = open_db();
	/* items 1-4 in m1 (4 deleted), 5-8 in m3 (8 hand-edited) */
	assert_found(st, "refund", 0, -1, "8 7 6 5 1");
	assert_found(st, "REFUND", 0, -1, "8 7 6 5 1");
	assert_found(st, "ref", 0, -1, "8 7 6 5 1");          /* the last word is a prefix */
	assert_found(st, "refund hansen", 0, -1, "6");        /* every word */
	assert_found(st, "courier", 0, -1, "7 2");            /* the note by its title */
	assert_found(st, "wait", 0, -1, "7");                 /* and by its detail */
	assert_found(st, "refund", 0, ITEM_DECISION, "5 1");
	assert_found(st, "refund", dept_id(st, "Sales"), -1, "8 6 1");
	assert_found(st, "refund", dept_id(st, "Sales"), ITEM_ACTION, "6");
	assert_found(st, "typed", 0, -1, "");                  /* deleted items are not found */
	assert_found(st, "nothing here", 0, -1, "");

	struct search_filter f = {.words = "refund policy", .kind = -1};
	struct search_hit *h;
	size_t n;
	assert_int_equal(store_search(st, &f, NULL, 10, &h, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].it.meeting_id, m3);
	assert_int_equal(h[0].meeting_at, at("2026-11-02T14:00:00Z"));
	assert_string_equal(h[0].it.dept_name, "Ops, \"R&D\" =1+1");
	assert_string_equal(h[0].marked, "\001Refund\002 \001policy\002: customers get 30 days");
	search_hits_free(h, n);
	/* plain (the command line's): the same hits, without marks */
	f.plain = true;
	assert_int_equal(store_search(st, &f, NULL, 10, &h, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].it.meeting_id, m3);
	assert_int_equal(h[0].meeting_at, at("2026-11-02T14:00:00Z"));
	assert_string_equal(h[0].it.text, "Refund policy: customers get 30 days");
	assert_string_equal(h[0].marked, "");
	search_hits_free(h, n);
	f.plain = false;

	/* paging */
	f.words = "refund";
	assert_int_equal(store_search(st, &f, NULL, 1, &h, &n), STORE_OK);
	struct store_cursor after = h[0].after;
	search_hits_free(h, n);
	assert_int_equal(store_search(st, &f, &after, 2, &h, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].it.id, 7);
	assert_int_equal(h[1].it.id, 6);
	search_hits_free(h, n);
	store_close(st);
}

/* The newest matches, counted up to a window: "refund" holds 8 7 6 5 1. */
static void search__window_of_the_newest(void **state)
{
	(void)state;
	struct store *st = open_db();
	struct search_filter f = {.words = "refund", .kind = -1};
	int64_t n;
	store_id floor;
	/* all fit: every match counted, no floor */
	assert_int_equal(store_search_window(st, &f, 5, &n, &floor), STORE_OK);
	assert_int_equal(n, 5);
	assert_int_equal(floor, 0);
	assert_int_equal(store_search_window(st, &f, 100, &n, &floor), STORE_OK);
	assert_int_equal(n, 5);
	assert_int_equal(floor, 0);
	/* more than the window: the oldest of the newest three is the floor */
	assert_int_equal(store_search_window(st, &f, 3, &n, &floor), STORE_OK);
	assert_int_equal(n, 3);
	assert_int_equal(floor, 6);
	/* and the list, by pages either way, keeps to the window */
	f.floor = floor;
	struct search_hit *h;
	size_t k;
	assert_int_equal(store_search(st, &f, NULL, 100, &h, &k), STORE_OK);
	assert_int_equal(k, 3);
	assert_int_equal(h[0].it.id, 8);
	assert_int_equal(h[2].it.id, 6);
	search_hits_free(h, k);
	struct store_cursor end = {.backward = true};
	assert_int_equal(store_search(st, &f, &end, 2, &h, &k), STORE_OK);
	assert_int_equal(k, 2);
	assert_int_equal(h[0].it.id, 7); /* the last page: the window's oldest two */
	assert_int_equal(h[1].it.id, 6);
	search_hits_free(h, k);
	/* with a filter, the window is of the matches the filter keeps */
	f.floor = 0;
	f.kind = ITEM_DECISION;
	assert_int_equal(store_search_window(st, &f, 1, &n, &floor), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(floor, 5);
	char *w;
	assert_int_equal(search_words(st, "!!", &w), STORE_INVALID);
	f.words = "";
	assert_int_equal(store_search_window(st, &f, 1, &n, &floor), STORE_INVALID);
	store_close(st);
}

static void search__hostile_queries_are_words(void **state)
{
	(void)state;
	struct store *st = open_db();
	static const char *const same[] = {
		"\"refund\"", "refund*", "-refund", "refund:", "(refund", "refund)", "\"refund",
		"^refund", "refund\"\"", "{refund}", "refund'",
	};
	for (size_t i = 0; i < ARRAY_SIZE(same); i++)
		assert_found(st, same[i], 0, -1, "8 7 6 5 1");
	/* operators are words to look for, not operators */
	assert_found(st, "refund AND hansen", 0, -1, "");
	assert_found(st, "refund OR courier", 0, -1, "");
	assert_found(st, "NEAR(refund hansen)", 0, -1, "");
	assert_found(st, "refund NOT hansen", 0, -1, "");
	assert_found(st, "the hansen", 0, -1, "6");
	assert_found(st, "text:refund", 0, -1, ""); /* no column filter: the word "text" */
	/* nothing to search for: refused with a message, not an SQL error */
	static const char *const empty[] = {"", "   ", "\"", "*", "-", ":", "((", "\"\"\"",
					    "AND("};
	for (size_t i = 0; i < ARRAY_SIZE(empty); i++) {
		char *got = found(st, empty[i], 0, -1);
		if (strcmp(empty[i], "AND(") == 0)
			assert_string_equal(got, "");  /* the word "and": no item holds it */
		else
			assert_string_equal(got, "!9"); /* STORE_INVALID */
		free(got);
	}
	assert_non_null(strstr(store_errmsg(st), "nothing to search for"));
	/* text no one types: refused, as text unfit to keep is (text.h), with
	 * the reason; the same rule for every search */
	static const char *const unfit[] = {"\xff\xferefund\xc3", "\xff\xfe", "\x1b[",
					    "\x1b[2J", "refund\x07"};
	for (size_t i = 0; i < ARRAY_SIZE(unfit); i++) {
		char *got = found(st, unfit[i], 0, -1);
		assert_string_equal(got, "!9"); /* STORE_INVALID */
		free(got);
		assert_non_null(strstr(store_errmsg(st), "search"));
	}
	/* 10 KB: more than any search (TEXT_MAX_SHORT), refused with the reason */
	char *big = xmalloc(10241);
	memset(big, 'a', 10240);
	big[10240] = '\0';
	assert_found(st, big, 0, -1, "!9");
	assert_non_null(strstr(store_errmsg(st), "search"));
	/* 2 KB: one long word (cut), and many words */
	big[TEXT_MAX_SHORT] = '\0';
	assert_found(st, big, 0, -1, "");
	for (size_t i = 0; i + 7 < TEXT_MAX_SHORT; i += 7)
		memcpy(big + i, "refund ", 7);
	/* the first SEARCH_MAX_WORDS words, all whole but the last: not "refunds" */
	assert_found(st, big, 0, -1, "8 6 5 1");
	free(big);
	store_close(st);
}

/* --- a small JSON checker ----------------------------------------------- */

static const char *js_value(const char *p);

static const char *js_ws(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
		p++;
	return p;
}

static const char *js_string(const char *p)
{
	if (*p++ != '"')
		return NULL;
	while (*p != '"') {
		if ((unsigned char)*p < 0x20)
			return NULL; /* raw control characters are not JSON */
		if (*p == '\\') {
			p++;
			if (*p == 'u') {
				for (int i = 1; i <= 4; i++)
					if (!strchr("0123456789abcdefABCDEF", p[i]) || !p[i])
						return NULL;
				p += 4;
			} else if (!*p || !strchr("\"\\/bfnrt", *p)) {
				return NULL;
			}
		}
		p++;
	}
	return p + 1;
}

static const char *js_list(const char *p, char close, bool keyed)
{
	p = js_ws(p + 1);
	if (*p == close)
		return p + 1;
	for (;;) {
		if (keyed) {
			if (!(p = js_string(js_ws(p))))
				return NULL;
			p = js_ws(p);
			if (*p++ != ':')
				return NULL;
		}
		if (!(p = js_value(p)))
			return NULL;
		p = js_ws(p);
		if (*p == close)
			return p + 1;
		if (*p++ != ',')
			return NULL;
	}
}

static const char *js_value(const char *p)
{
	p = js_ws(p);
	if (*p == '{')
		return js_list(p, '}', true);
	if (*p == '[')
		return js_list(p, ']', false);
	if (*p == '"')
		return js_string(p);
	if (strncmp(p, "true", 4) == 0 || strncmp(p, "null", 4) == 0)
		return p + 4;
	if (strncmp(p, "false", 5) == 0)
		return p + 5;
	const char *q = p + (*p == '-');
	if (*q < '0' || *q > '9')
		return NULL;
	while (*q >= '0' && *q <= '9')
		q++;
	return q;
}

static bool json_valid(const char *s)
{
	const char *end = js_value(s);
	return end && *js_ws(end) == '\0';
}

/* --- the command line --------------------------------------------------- */

static char *out_text;
static char *err_text;

/* Runs `cxmeet --db DB ARGS...`, keeping stdout and stderr in out_text and
 * err_text. */
static int run(const char *first, ...)
{
	char *out = xasprintf("%s/stdout", tu_dir()), *err = xasprintf("%s/stderr", tu_dir());
	va_list ap;
	va_start(ap, first);
	int rc = tu_vcli(db, out, err, first, ap);
	va_end(ap);
	free(out_text);
	free(err_text);
	out_text = tu_slurp(out, NULL);
	err_text = tu_slurp(err, NULL);
	free(out);
	free(err);
	return rc;
}

static void cli__history_in_three_formats(void **state)
{
	(void)state;
	assert_int_equal(run("history", NULL), 0);
	/* the dates and times are local (TZ=UTC in the tests) */
	assert_non_null(strstr(out_text, "id  held_on     start  minutes  present  depts"));
	assert_non_null(strstr(out_text, "2026-11-02  14:00       90        2      2"));
	assert_non_null(strstr(out_text, "abandoned\n")); /* no department present */
	char *first = strchr(out_text, '\n') + 1;
	assert_int_equal(strncmp(first, " 3  2026-11-02", 14), 0);

	assert_int_equal(run("history", "--format", "json", NULL), 0);
	assert_true(json_valid(out_text));
	/* a list: a name holding ", " is one item; none present is an empty one */
	assert_non_null(strstr(out_text, "\"departments\": [\"Ops, \\\"R&D\\\" =1+1\", \"Sales\"]"));
	assert_non_null(strstr(out_text, "\"departments\": []"));
	assert_non_null(strstr(out_text, "\"rating\": null"));
	/* the start a moment in UTC, as every _at field; no clock time */
	assert_non_null(strstr(out_text, "\"held_on\": \"2026-11-02\", "
					 "\"started_at\": \"2026-11-02T14:00:00Z\", "));
	assert_null(strstr(out_text, "\"start\""));

	assert_int_equal(run("history", "--format", "csv", "--dept", "ops, \"r&d\" =1+1", NULL), 0);
	assert_string_equal(out_text,
			    "id,held_on,started_at,minutes,present,depts,decisions,actions,wins,rating,"
			    "status,departments\r\n"
			    "3,2026-11-02,2026-11-02T14:00:00Z,90,2,2,1,1,0,9,completed,"
			    "\"Ops, \"\"R&D\"\" =1+1, Sales\"\r\n");

	assert_int_equal(run("history", "--since", "2026-10-06", "--limit", "1", NULL), 0);
	assert_non_null(strstr(out_text, "2026-11-02"));
	assert_null(strstr(out_text, "2026-10-12"));
}

static void cli__search_in_three_formats_with_hostile_text(void **state)
{
	(void)state;
	assert_int_equal(run("search", "refund", "--kind", "story", NULL), 0);
	/* plain: the escape and the line break made harmless */
	assert_null(strchr(out_text, '\x1b'));
	assert_non_null(strstr(out_text, "=HYPERLINK(\"x\"), refund\xef\xbf\xbd[2J line2 "
					 "\xef\xbf\xbd\xef\xbf\xbd end"));

	assert_int_equal(run("search", "refund", "--format", "json", NULL), 0);
	assert_true(json_valid(out_text));
	assert_non_null(strstr(out_text,
			       "\"text\": \"=HYPERLINK(\\\"x\\\"), refund\\ufffd[2J\\nline2"));
	assert_non_null(strstr(out_text, "\"department\": \"Ops, \\\"R&D\\\" =1+1\""));
	assert_non_null(strstr(out_text, "\"meeting_id\": 3"));

	assert_int_equal(run("search", "refund", "--format", "csv", "--dept", "sales", NULL), 0);
	assert_non_null(strstr(out_text, "id,kind,recorded_on,meeting_id,department,person,text\r\n"));
	/* quoted, the formula guarded, bytes that are not UTF-8 replaced */
	assert_non_null(strstr(out_text, "8,story,2026-11-02,3,Sales,Ana,"
					 "\"'=HYPERLINK(\"\"x\"\"), refund\xef\xbf\xbd[2J\nline2 "
					 "\xef\xbf\xbd\xef\xbf\xbd end\"\r\n"));
	assert_non_null(
		strstr(out_text, "6,action,2026-11-02,3,Sales,Ana,Refund the Hansen family\r\n"));

	/* more than --limit: says so in plain text */
	assert_int_equal(run("search", "refund", "--limit", "2", NULL), 0);
	assert_non_null(strstr(out_text, "there are more"));
	/* a search that finds nothing is not an error */
	assert_int_equal(run("search", "NEAR(", "zzz", NULL), 0);
	assert_string_equal(out_text, "(none)\n");
}

static void cli__search_and_history_refuse_bad_input(void **state)
{
	(void)state;
	assert_int_equal(run("search", NULL), EXIT_USAGE);
	assert_non_null(strstr(err_text, "give the words to search for"));
	assert_int_equal(run("search", "\"", "*", NULL), EXIT_USAGE);
	/* bytes that are not UTF-8 are no word either: refused before the
	 * database is even opened, so a new path stays uncreated */
	char *fresh = tu_new_path();
	assert_int_equal(tu_cli(fresh, NULL, NULL, "search", "\xff\xfe", NULL), EXIT_USAGE);
	assert_int_equal(access(fresh, F_OK), -1);
	free(fresh);
	assert_int_equal(run("search", "", NULL), EXIT_USAGE);
	assert_int_equal(run("search", "x", "--dept", "Nowhere", NULL), EXIT_USAGE);
	assert_non_null(strstr(err_text, "no department 'Nowhere'"));
	assert_int_equal(run("search", "x", "--kind", "thing", NULL), EXIT_USAGE);
	assert_int_equal(run("search", "x", "--limit", "0", NULL), EXIT_USAGE);
	assert_int_equal(run("search", "x", "--format", "md", NULL), EXIT_USAGE);
	assert_int_equal(run("history", "--since", "2026-13-01", NULL), EXIT_USAGE);
	assert_int_equal(run("history", "--dept", "Nowhere\x1b[2J", NULL), EXIT_USAGE);
	assert_null(strchr(err_text, '\x1b'));
	assert_int_equal(run("history", "extra", NULL), EXIT_USAGE);
}

static void cli__show_json_is_valid_with_hostile_text(void **state)
{
	(void)state;
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)m3);
	assert_int_equal(run("show", id, "--format", "json", NULL), 0);
	assert_true(json_valid(out_text));
	assert_non_null(strstr(out_text, "\"meeting\": {\"id\": 3, "));
	assert_non_null(strstr(out_text, "\"held_on\": \"2026-11-02\", \"started_at\": \"2026-11-02T14:00:00Z\""));
	assert_non_null(strstr(out_text, "\"minutes\": 90"));
	assert_null(strstr(out_text, "\"date\": "));
	assert_non_null(strstr(out_text, "\"planned_minutes\": "));
	assert_non_null(strstr(out_text, "{\"department\": \"Ops, \\\"R&D\\\" =1+1\", "
					 "\"customer_facing\": false, \"people\": [{\"id\": 3, "
					 "\"name\": \"Cléo \\\"the fixer\\\"\", "
					 "\"role\": \"member\"}]}"));
	assert_non_null(strstr(out_text, "\"text\": \"=HYPERLINK(\\\"x\\\"), refund\\ufffd[2J"
					 "\\nline2 \\ufffd\\ufffd end\""));
	assert_non_null(strstr(out_text, "\"detail\": \"The refunds\\nwait on \\\"Ops\\\"\""));
	assert_non_null(strstr(out_text, "\"decision\": [\n      {\"id\": 5, "));
	assert_non_null(strstr(out_text, "\"win\": []"));

	/* the abandoned meeting: empty lists, still valid */
	snprintf(id, sizeof id, "%lld", (long long)m2);
	assert_int_equal(run("show", id, "--format", "json", NULL), 0);
	assert_true(json_valid(out_text));
	assert_non_null(strstr(out_text, "\"attendance\": [],"));
	assert_non_null(strstr(out_text, "\"status\": \"abandoned\""));
	assert_int_equal(run("show", id, "--format", "csv", NULL), EXIT_USAGE);
}

static void json_checker_refuses_broken_json(void **state)
{
	(void)state;
	assert_true(json_valid("{\"a\": [1, \"x\\n\", null, true, {}]}"));
	assert_false(json_valid("{\"a\": \"raw\nnewline\"}"));
	assert_false(json_valid("{\"a\": \"unterminated}"));
	assert_false(json_valid("{\"a\" 1}"));
	assert_false(json_valid("[1, 2,]"));
	assert_false(json_valid("{\"a\": 1} x"));
}

int main(void)
{
	tu_init("history");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(history__newest_first_with_counts),
		cmocka_unit_test(history__filters_and_paging),
		cmocka_unit_test(search__words_prefix_and_filters),
		cmocka_unit_test(search__window_of_the_newest),
		cmocka_unit_test(search__hostile_queries_are_words),
		cmocka_unit_test(json_checker_refuses_broken_json),
		cmocka_unit_test(cli__history_in_three_formats),
		cmocka_unit_test(cli__search_in_three_formats_with_hostile_text),
		cmocka_unit_test(cli__search_and_history_refuse_bad_input),
		cmocka_unit_test(cli__show_json_is_valid_with_hostile_text),
	};
	int rc = cmocka_run_group_tests(tests, build, teardown);
	free(out_text);
	free(err_text);
	return rc;
}
