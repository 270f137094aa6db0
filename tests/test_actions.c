/* test_actions.c - actions between meetings on a hand-built history with a
 * fixed clock (today 2026-11-02): the filtered, paged list of the store
 * (each state, department, owner, due-before, order, the meeting each came
 * from), overdue across a month end, slips, carried counts and escalation
 * (core), the digest, and `cxmeet actions`, `overdue`, `digest` and `done`
 * run in-process: formats, exit statuses, and refusals that write nothing. */
#include <getopt.h>
#include <locale.h>
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
#include "cxmeet/actions.h"
#include "cxmeet/cli.h"
#include "cxmeet/items.h"
#include "cxmeet/meeting.h"
#include "cxmeet/names.h"
#include "cxmeet/util.h"

#define at tu_at

static char *db;
static cx_date today;
/* The fixture's actions, by what they stand for. */
static store_id a_late, a_week, a_later, a_done, a_none, a_dropped, a_today, decision;
static store_id meeting1, meeting3;
static store_id ana, bo, sales, it_dept;

/* --- the fixture -------------------------------------------------------- */

static store_id dept(struct store *st, const char *name)
{
	struct dept d;
	assert_int_equal(dept_find(st, name, &d), STORE_OK);
	store_id id = d.id;
	dept_free(&d);
	return id;
}

static store_id person(struct store *st, const char *name, store_id dept_id, const char *email)
{
	struct person p = {.name = (char *)name, .dept_id = dept_id, .role = ROLE_MEMBER,
			   .email = (char *)email, .influence = STANCE_UNSET,
			   .support = STANCE_UNSET};
	store_id id;
	assert_int_equal(person_add(st, &p, &id), STORE_OK);
	return id;
}

static store_id action(struct store *st, store_id meeting, const char *text, store_id owner,
		       store_id dept_id, cx_date due, time_t when)
{
	struct item it = {.kind = ITEM_ACTION, .text = (char *)text, .person_id = owner,
			  .dept_id = dept_id, .due = due, .revisit = DATE_NONE,
			  .meeting_id = meeting};
	assert_int_equal(item_add(st, &it, when), STORE_OK);
	return it.id;
}

static void set_due(struct store *st, store_id id, cx_date due, time_t when)
{
	struct item it;
	assert_int_equal(store_item_get(st, id, &it), STORE_OK);
	it.due = due;
	assert_int_equal(item_update(st, &it, 0, when), STORE_OK);
	item_free(&it);
}

/* A meeting begun at start; what it captures is written before it ends. */
static store_id begin_meeting(struct store *st, const char *start, struct meeting_run *r)
{
	assert_int_equal(meeting_begin(st, 0, 0, at(start), r), STORE_OK);
	return r->m.id;
}

static void end_meeting(struct meeting_run *r, const char *end)
{
	assert_int_equal(meeting_end(r, MEETING_COMPLETED, 8, DATE_NONE, at(end)), STORE_OK);
	meeting_run_free(r);
}

static store_id hold_meeting(struct store *st, const char *start, const char *end)
{
	struct meeting_run r;
	store_id id = begin_meeting(st, start, &r);
	end_meeting(&r, end);
	return id;
}

static cx_date ymd(int y, int m, int d) { return date_from_ymd(y, m, d); }

/* Meeting 1 (2026-10-01) captures six actions and a decision; one is done
 * and one dropped before meeting 2 (2026-10-08); meeting 3 (2026-10-15)
 * captures one more. The four still open from meeting 1 are carried twice. */
static int build(void **state)
{
	(void)state;
	char err[256];
	setenv("CXMEET_NOW", "2026-11-02T09:00:00Z", 1);
	assert_int_equal(clock_init(err, sizeof err), 0);
	today = clock_today();
	struct store *st = tu_open_setup();
	db = xstrdup(store_path(st));
	sales = dept(st, "Sales");
	it_dept = dept(st, "IT");
	ana = person(st, "Ana \"Quotes\", Esq.", sales, "ana@example.com");
	bo = person(st, "Bo", it_dept, NULL);
	assert_int_equal(store_org_set_escalate_after(st, 2), STORE_OK);

	time_t t1 = at("2026-10-01T10:05:00Z");
	struct meeting_run run;
	meeting1 = begin_meeting(st, "2026-10-01T10:00:00Z", &run);
	a_late = action(st, meeting1, "Call \"Hansen\", then, =SUM(A1) \xc3\xa5", ana, sales,
			ymd(2026, 10, 31), t1);
	a_week = action(st, meeting1, "Fix the returns form", bo, it_dept, ymd(2026, 11, 5), t1);
	a_later = action(st, meeting1, "Rewrite the FAQ", ana, it_dept, ymd(2026, 11, 10), t1);
	a_done = action(st, meeting1, "Send the survey", bo, sales, ymd(2026, 10, 15), t1);
	a_none = action(st, meeting1, "Find an owner for the chat", 0, sales, ymd(2026, 11, 3), t1);
	a_dropped = action(st, meeting1, "Print flyers", bo, sales, ymd(2026, 11, 1), t1);
	struct item d = {.kind = ITEM_DECISION, .text = "Open on Sundays", .dept_id = sales,
			 .due = DATE_NONE, .revisit = DATE_NONE, .meeting_id = meeting1};
	assert_int_equal(item_add(st, &d, t1), STORE_OK);
	decision = d.id;
	end_meeting(&run, "2026-10-01T11:00:00Z");
	/* Two slips (later twice) and one move earlier, which is not a slip. */
	set_due(st, a_later, ymd(2026, 11, 25), at("2026-10-02T09:00:00Z"));
	set_due(st, a_later, ymd(2026, 11, 30), at("2026-10-03T09:00:00Z"));
	set_due(st, a_later, ymd(2026, 11, 20), at("2026-10-04T09:00:00Z"));
	assert_int_equal(item_set_status(st, a_done, STATUS_DONE, NULL, 0,
					       at("2026-10-05T09:00:00Z")), STORE_OK);
	assert_int_equal(item_set_status(st, a_dropped, STATUS_DROPPED, "no budget", 0,
					       at("2026-10-05T09:00:00Z")), STORE_OK);
	hold_meeting(st, "2026-10-08T10:00:00Z", "2026-10-08T11:00:00Z");
	meeting3 = begin_meeting(st, "2026-10-15T10:00:00Z", &run);
	a_today = action(st, meeting3, "Book the room", bo, sales, ymd(2026, 11, 2),
			 at("2026-10-15T10:30:00Z"));
	end_meeting(&run, "2026-10-15T11:00:00Z");
	store_close(st);
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

/* The ids the filter lists, in order, as "1 2 3". */
static void ids_for(struct action_filter f, char *buf, size_t len)
{
	struct store *st = open_db();
	struct action_row *rows;
	size_t n;
	f.today = today;
	assert_int_equal(actions_list(st, &f, NULL, 100, &rows, &n), STORE_OK);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(buf);
		snprintf(buf + l, len - l, "%s%lld", i ? " " : "", (long long)rows[i].it.id);
	}
	int64_t total, overdue;
	assert_int_equal(actions_count(st, &f, &total, &overdue), STORE_OK);
	assert_int_equal(total, (int64_t)n);
	action_rows_free(rows, n);
	store_close(st);
}

static char *ids(int count, ...)
{
	static char buf[256];
	va_list ap;
	va_start(ap, count);
	buf[0] = '\0';
	for (int i = 0; i < count; i++) {
		size_t l = strlen(buf);
		long long id = (long long)va_arg(ap, store_id);
		snprintf(buf + l, sizeof buf - l, "%s%lld", i ? " " : "", id);
	}
	va_end(ap);
	return buf;
}

#define REPL "\xef\xbf\xbd" /* U+FFFD, what replaces an unsafe character */
#define F(state) ((struct action_filter){(state), 0, 0, DATE_NONE, 0})

/* --- the store's list --------------------------------------------------- */

static void list__each_state_in_order(void **state)
{
	(void)state;
	char got[256];
	ids_for(F(ASTATE_OPEN), got, sizeof got);
	assert_string_equal(got, ids(5, a_late, a_today, a_none, a_week, a_later));
	ids_for(F(ASTATE_OVERDUE), got, sizeof got);
	assert_string_equal(got, ids(1, a_late));
	ids_for(F(ASTATE_WEEK), got, sizeof got);
	assert_string_equal(got, ids(3, a_today, a_none, a_week));
	ids_for(F(ASTATE_DONE), got, sizeof got);
	assert_string_equal(got, ids(1, a_done));
	ids_for(F(ASTATE_DROPPED), got, sizeof got);
	assert_string_equal(got, ids(1, a_dropped));
	/* All: the overdue one first, then every other by due date. */
	ids_for(F(ASTATE_ALL), got, sizeof got);
	assert_string_equal(got, ids(7, a_late, a_done, a_dropped, a_today, a_none, a_week,
				     a_later));
}

static void list__by_department_owner_and_due_before(void **state)
{
	(void)state;
	char got[256];
	struct action_filter f = F(ASTATE_OPEN);
	f.dept_id = sales;
	ids_for(f, got, sizeof got);
	assert_string_equal(got, ids(3, a_late, a_today, a_none));
	f.dept_id = 0;
	f.person_id = bo;
	ids_for(f, got, sizeof got);
	assert_string_equal(got, ids(2, a_today, a_week));
	f.dept_id = sales; /* both: Bo's actions for Sales */
	ids_for(f, got, sizeof got);
	assert_string_equal(got, ids(1, a_today));
	f = F(ASTATE_ALL);
	f.person_id = bo;
	ids_for(f, got, sizeof got);
	assert_string_equal(got, ids(4, a_done, a_dropped, a_today, a_week));
	f = F(ASTATE_OPEN);
	f.due_before = ymd(2026, 11, 4);
	ids_for(f, got, sizeof got);
	assert_string_equal(got, ids(3, a_late, a_today, a_none));
	f = F(ASTATE_WEEK); /* due-before narrows the week */
	f.due_before = ymd(2026, 11, 3);
	ids_for(f, got, sizeof got);
	assert_string_equal(got, ids(1, a_today));
}

static void list__pages_and_counts(void **state)
{
	(void)state;
	struct store *st = open_db();
	struct action_filter f = F(ASTATE_ALL);
	f.today = today;
	struct action_row *rows;
	size_t n;
	assert_int_equal(actions_list(st, &f, NULL, 2, &rows, &n), STORE_OK);
	assert_int_equal(n, 2);
	struct store_cursor after = rows[1].after; /* the next page starts after row 2 */
	action_rows_free(rows, n);
	assert_int_equal(actions_list(st, &f, &after, 3, &rows, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].it.id, a_dropped);
	assert_int_equal(rows[2].it.id, a_none);
	action_rows_free(rows, n);
	int64_t total, overdue;
	assert_int_equal(actions_count(st, &f, &total, &overdue), STORE_OK);
	assert_int_equal(total, 7);
	assert_int_equal(overdue, 1);
	f.state = ASTATE_DONE; /* a done action past its date is not overdue */
	assert_int_equal(actions_count(st, &f, &total, &overdue), STORE_OK);
	assert_int_equal(total, 1);
	assert_int_equal(overdue, 0);
	f.state = (enum action_state)99; /* refused by core, said as the store's errors are */
	assert_int_equal(actions_list(st, &f, NULL, 10, &rows, &n), STORE_INVALID);
	assert_int_equal(n, 0);
	assert_string_equal(store_errmsg(st), "unknown action state");
	assert_int_equal(actions_count(st, &f, &total, &overdue), STORE_INVALID);
	assert_int_equal(total, 0);
	store_close(st);
}

static void list__facts_of_each_row(void **state)
{
	(void)state;
	struct store *st = open_db();
	struct action_filter f = F(ASTATE_OPEN);
	f.today = today;
	struct action_row *r;
	size_t n;
	assert_int_equal(actions_list(st, &f, NULL, 10, &r, &n), STORE_OK);
	assert_int_equal(n, 5);
	/* Due 2026-10-31, today 2026-11-02: two days over the month end. */
	assert_int_equal(action_days_overdue(&r[0].it, today), 2);
	assert_int_equal(r[0].it.carried, 2);
	assert_string_equal(r[0].it.person_name, "Ana \"Quotes\", Esq.");
	assert_string_equal(r[0].it.dept_name, "Sales");
	assert_int_equal(date_from_time(r[0].meeting_at), ymd(2026, 10, 1));
	assert_true(action_escalated(&r[0].it, 2));
	/* Captured in meeting 3: never carried, not escalated. */
	assert_int_equal(r[1].it.id, a_today);
	assert_int_equal(r[1].it.carried, 0);
	assert_int_equal(date_from_time(r[1].meeting_at), ymd(2026, 10, 15));
	assert_false(action_escalated(&r[1].it, 2));
	assert_int_equal(action_days_overdue(&r[1].it, today), 0);
	/* Two slips; the move earlier is not one. */
	assert_int_equal(r[4].it.id, a_later);
	assert_int_equal(r[4].it.slips, 2);
	assert_int_equal(r[0].it.slips, 0);
	action_rows_free(r, n);
	store_close(st);
}

/* --- core rules --------------------------------------------------------- */

static void core__escalation_at_the_limit(void **state)
{
	(void)state;
	struct item it = {.kind = ITEM_ACTION, .status = STATUS_OPEN, .carried = 2};
	assert_false(action_escalated(&it, 3));
	it.carried = 3;
	assert_true(action_escalated(&it, 3));
	assert_false(action_escalated(&it, 0)); /* no limit: never */
	it.status = STATUS_DONE;
	assert_false(action_escalated(&it, 3));
	it.status = STATUS_OPEN;
	it.kind = ITEM_DECISION;
	assert_false(action_escalated(&it, 3));
}

static void core__states_and_their_dates(void **state)
{
	(void)state;
	assert_int_equal(action_state_parse("overdue"), ASTATE_OVERDUE);
	assert_int_equal(action_state_parse("DUE-THIS-WEEK"), ASTATE_WEEK);
	assert_int_equal(action_state_parse("soon"), -1);
	assert_string_equal(action_state_label(ASTATE_WEEK), "due this week");
	assert_null(action_state_status(ASTATE_ALL));
	assert_int_equal(action_state_next(ASTATE_ALL), ASTATE_OPEN);
	struct action_filter f = {ASTATE_WEEK, 0, 0, DATE_NONE, ymd(2026, 12, 28)};
	cx_date from, before;
	action_state_range(&f, &from, &before);
	assert_int_equal(from, ymd(2026, 12, 28));
	assert_int_equal(before, ymd(2027, 1, 4)); /* today to today + 6, over a year end */
	f.state = ASTATE_OVERDUE;
	f.due_before = ymd(2026, 12, 1);
	action_state_range(&f, &from, &before);
	assert_int_equal(from, DATE_NONE);
	assert_int_equal(before, ymd(2026, 12, 1));
}

static void core__digest_makes_hostile_text_harmless(void **state)
{
	(void)state;
	struct action_row r[2] = {0};
	r[0].it = (struct item){.id = 4, .kind = ITEM_ACTION, .status = STATUS_OPEN,
				.text = "Ring \x1b[31mred\x1b[0m\nSecond line", .person_id = 9,
				.person_name = "Eve\x07", .dept_name = "IT",
				.due = ymd(2026, 11, 1), .carried = 5};
	r[1].it = (struct item){.id = 5, .kind = ITEM_ACTION, .status = STATUS_OPEN,
				.text = "Bad \xff byte", .due = ymd(2026, 11, 9)};
	struct person p = {.id = 9, .name = "Eve", .email = "eve@example.com\r\nBcc: x"};
	char *s = action_digest(r, 2, &p, 1, ymd(2026, 11, 2), 7, 3);
	assert_null(strchr(s, '\x1b'));
	assert_null(strchr(s, '\x07'));
	assert_null(strchr(s, '\r'));
	assert_null(strstr(s, "\xff"));
	assert_non_null(strstr(s, "Eve" REPL " <eve@example.com Bcc: x>\n"));
	assert_non_null(strstr(s, "  - #4 due 2026-11-01, 1 day overdue (IT): "
				  "Ring " REPL "[31mred" REPL "[0m "
				  "Second line\n"
				  "    carried 5 times \xe2\x80\x94 escalate to the sponsor\n"));
	assert_non_null(strstr(s, "No owner\n  - #5 due 2026-11-09, due in 7 days (no department): "
				  "Bad " REPL " byte\n"));
	free(s);
}

/* --- the command line --------------------------------------------------- */

static char *out_path, *err_path;

static int run(const char *first, ...)
{
	va_list ap;
	va_start(ap, first);
	int rc = tu_vcli(db, out_path, err_path, first, ap);
	va_end(ap);
	return rc;
}

static char *slurp_out(void) { return tu_slurp(out_path, NULL); }

static int setup_paths(void **state)
{
	(void)state;
	out_path = tu_new_path();
	err_path = tu_new_path();
	return 0;
}

static int free_paths(void **state)
{
	(void)state;
	free(out_path);
	free(err_path);
	return 0;
}

static void cli__actions_plain_and_filters(void **state)
{
	(void)state;
	assert_int_equal(run("actions", NULL), 0);
	char *s = slurp_out();
	char *first = strchr(s, '\n') + 1;
	char want[64];
	snprintf(want, sizeof want, "%lld  2026-10-31", (long long)a_late);
	assert_int_equal(strncmp(first + strspn(first, " "), want, strlen(want)), 0);
	assert_non_null(strstr(s, "yes"));
	assert_non_null(strstr(s, "2026-10-01"));
	free(s);
	assert_int_equal(run("actions", "--dept", "sales", "--owner", "bo", NULL), 0);
	s = slurp_out();
	assert_non_null(strstr(s, "Book the room"));
	assert_null(strstr(s, "Hansen"));
	free(s);
	assert_int_equal(run("actions", "--dept", "Nowhere", NULL), EXIT_USAGE);
	assert_int_equal(run("actions", "--owner", "Nobody", NULL), EXIT_USAGE);
	assert_int_equal(run("actions", "--state", "soon", NULL), EXIT_USAGE);
	assert_int_equal(run("actions", "--overdue", "--state", "done", NULL), EXIT_USAGE);
	assert_int_equal(run("actions", "--due-before", "whenever", NULL), EXIT_USAGE);
	assert_int_equal(run("actions", "--format", "md", NULL), EXIT_USAGE);
	assert_int_equal(run("actions", "--state", "dropped", "--due-before", "2026-11-02", NULL),
			 0);
	s = slurp_out();
	assert_non_null(strstr(s, "Print flyers"));
	free(s);
	assert_int_equal(run("actions", "--owner", "Nobody", NULL), EXIT_USAGE);
	assert_int_equal(run("actions", "--state", "done", "--owner", "ANA \"quotes\", esq.",
			     NULL), 0);
	s = slurp_out();
	assert_string_equal(s, "No actions match.\n");
	free(s);
}

static void cli__actions_json_and_csv_escape_text(void **state)
{
	(void)state;
	assert_int_equal(run("actions", "--overdue", "--format", "json", NULL), EXIT_OK);
	char *s = slurp_out();
	char want[512];
	snprintf(want, sizeof want,
		 "[\n  {\"id\": %lld, \"due_on\": \"2026-10-31\", \"days_overdue\": 2, \"slips\": 0, "
		 "\"carried\": 2, \"escalate\": true, \"status\": \"open\", "
		 "\"owner\": \"Ana \\\"Quotes\\\", Esq.\", \"department\": \"Sales\", "
		 "\"meeting_on\": \"2026-10-01\", "
		 "\"text\": \"Call \\\"Hansen\\\", then, =SUM(A1) \xc3\xa5\"}\n]\n",
		 (long long)a_late);
	assert_string_equal(s, want);
	free(s);
	assert_int_equal(run("actions", "--overdue", "--format", "csv", NULL), EXIT_OK);
	s = slurp_out();
	snprintf(want, sizeof want,
		 "id,due_on,days_overdue,slips,carried,escalate,status,owner,department,meeting_on,"
		 "text\r\n"
		 "%lld,2026-10-31,2,0,2,1,open,\"Ana \"\"Quotes\"\", Esq.\",Sales,2026-10-01,"
		 "\"Call \"\"Hansen\"\", then, =SUM(A1) \xc3\xa5\"\r\n", (long long)a_late);
	assert_string_equal(s, want);
	free(s);
}

static void exec_sql(const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

/* Text the store would refuse, written behind its back (a hostile file):
 * every format still keeps the terminal and the reader safe. */
static void cli__actions_hostile_text_in_every_format(void **state)
{
	(void)state;
	exec_sql("INSERT INTO items(kind, text, status, due_on, created_at, updated_at) VALUES"
		 " ('action', 'Ring ' || char(27) || '[2J, \"now\"' || char(10) || '=next',"
		 " 'dropped',"
		 " '2026-10-20', '2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z')");
	assert_int_equal(run("actions", "--state", "dropped", NULL), 0);
	char *s = slurp_out();
	assert_null(strchr(s, '\x1b'));
	assert_non_null(strstr(s, "Ring " REPL "[2J, \"now\" =next")); /* one line */
	free(s);
	assert_int_equal(run("actions", "--state", "dropped", "--format", "json", NULL), 0);
	s = slurp_out();
	/* escaped is not enough: whatever prints the value would obey it */
	assert_null(strstr(s, "\\u001b"));
	assert_non_null(strstr(s, "\"text\": \"Ring \\ufffd[2J, \\\"now\\\"\\n=next\""));
	free(s);
	assert_int_equal(run("actions", "--state", "dropped", "--format", "csv", NULL), 0);
	s = slurp_out();
	assert_null(strchr(s, '\x1b'));
	assert_non_null(strstr(s, ",\"Ring " REPL "[2J, \"\"now\"\"\n=next\"\r\n"));
	free(s);
}

static size_t count_of(const char *s, const char *needle)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

/* More actions than one page of the store (2000): JSON and CSV are written a
 * page at a time, and the rows join across the pages as in one table. */
static void cli__long_lists_across_pages(void **state)
{
	(void)state;
	exec_sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2101)"
		 " INSERT INTO items(kind, text, status, due_on, closed_at, created_at, updated_at)"
		 " SELECT 'action', 'Bulk, \"row\" ' || i, 'done', '2026-09-01',"
		 " '2026-09-02T10:00:00Z', '2026-08-01T10:00:00Z', '2026-08-01T10:00:00Z' FROM n");
	long long done = 0;
	sqlite3 *h;
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT count(*) FROM items WHERE kind = 'action'"
					    " AND status = 'done' AND deleted_at IS NULL",
					    -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	done = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	sqlite3_close(h);
	assert_true(done > 2101);
	assert_int_equal(run("actions", "--state", "done", "--format", "json", NULL), EXIT_OK);
	char *s = slurp_out();
	assert_int_equal(strncmp(s, "[\n  {\"id\": ", strlen("[\n  {\"id\": ")), 0);
	assert_int_equal(count_of(s, "{\"id\": "), done);
	assert_int_equal(count_of(s, "},\n  {\"id\": "), done - 1);
	assert_string_equal(s + strlen(s) - 4, "}\n]\n");
	free(s);
	assert_int_equal(run("actions", "--state", "done", "--format", "csv", NULL), EXIT_OK);
	s = slurp_out();
	assert_int_equal(strncmp(s, "id,due_on,", 10), 0);
	assert_int_equal(count_of(s, "\r\n"), done + 1);
	assert_int_equal(count_of(s, ",\"Bulk, \"\"row\"\" "), 2101);
	free(s);
}

static void cli__overdue_exit_status(void **state)
{
	(void)state;
	assert_int_equal(run("overdue", NULL), EXIT_OVERDUE);
	char *s = slurp_out();
	assert_non_null(strstr(s, "Hansen"));
	assert_null(strstr(s, "Book the room"));
	free(s);
	assert_int_equal(run("overdue", "--format", "json", NULL), EXIT_OVERDUE);
	/* On the day before anything was late, nothing is overdue: status 0. */
	char err[256];
	setenv("CXMEET_NOW", "2026-10-20T09:00:00Z", 1);
	assert_int_equal(clock_init(err, sizeof err), 0);
	assert_int_equal(run("overdue", NULL), EXIT_OK);
	s = slurp_out();
	assert_string_equal(s, "No overdue actions.\n");
	free(s);
	assert_int_equal(run("overdue", "--format", "json", NULL), EXIT_OK);
	s = slurp_out();
	assert_string_equal(s, "[]\n");
	free(s);
	setenv("CXMEET_NOW", "2026-11-02T09:00:00Z", 1);
	assert_int_equal(clock_init(err, sizeof err), 0);
}

static int owner_cmp(const void *a, const void *b) { return action_owner_cmp(a, b); }

/* The digest's owners sorted with each name folded once: the same order as
 * the comparison (folded name, then id), ties and accents included. */
static void core__owners_sorted_as_compared(void **state)
{
	(void)state;
	const char *names[] = {"zoë", "Ana", "ZOE", "Émile", "ana", "Bob", "", "Zoë", "emile", "Ana"};
	enum { N = sizeof names / sizeof *names };
	struct person a[N], b[N];
	for (size_t i = 0; i < N; i++)
		a[i] = (struct person){.id = (store_id)(N - i), .name = (char *)names[i]};
	memcpy(b, a, sizeof a);
	qsort(a, N, sizeof *a, owner_cmp);
	action_owners_sort(b, N);
	for (size_t i = 0; i < N; i++) {
		assert_int_equal(a[i].id, b[i].id);
		assert_string_equal(a[i].name, b[i].name);
	}
	action_owners_sort(b, 0);
}

static void cli__digest_grouped_by_owner(void **state)
{
	(void)state;
	assert_int_equal(run("digest", NULL), 0);
	char *s = slurp_out();
	char want[2048];
	snprintf(want, sizeof want,
		 "Actions overdue or due in the next 7 days, as of 2026-11-02: 1 overdue, 3 due "
		 "soon.\n"
		 "\n"
		 "Ana \"Quotes\", Esq. <ana@example.com>\n"
		 "  - #%lld due 2026-10-31, 2 days overdue (Sales): "
		 "Call \"Hansen\", then, =SUM(A1) \xc3\xa5\n"
		 "    carried 2 times \xe2\x80\x94 escalate to the sponsor\n"
		 "\n"
		 "Bo\n"
		 "  - #%lld due 2026-11-02, due today (Sales): Book the room\n"
		 "  - #%lld due 2026-11-05, due in 3 days (IT): Fix the returns form\n"
		 "    carried 2 times \xe2\x80\x94 escalate to the sponsor\n"
		 "\n"
		 "No owner\n"
		 "  - #%lld due 2026-11-03, due in 1 day (Sales): Find an owner for the chat\n"
		 "    carried 2 times \xe2\x80\x94 escalate to the sponsor\n",
		 (long long)a_late, (long long)a_today, (long long)a_week, (long long)a_none);
	assert_string_equal(s, want);
	free(s);
	assert_int_equal(run("digest", "--days", "30", NULL), 0);
	s = slurp_out();
	assert_non_null(strstr(s, "Rewrite the FAQ"));
	free(s);
	/* On the last day that can be written, the week ahead runs past it: what
	 * is overdue is still listed (the bound was "10000-01-08", before all). */
	char err[256];
	setenv("CXMEET_NOW", "9999-12-31T09:00:00Z", 1);
	assert_int_equal(clock_init(err, sizeof err), 0);
	assert_int_equal(run("digest", NULL), 0);
	s = slurp_out();
	assert_non_null(strstr(s, "as of 9999-12-31: "));
	assert_non_null(strstr(s, " overdue, 0 due soon."));
	assert_null(strstr(s, ": 0 overdue"));
	assert_non_null(strstr(s, "Book the room"));
	free(s);
	setenv("CXMEET_NOW", "2026-11-02T09:00:00Z", 1);
	assert_int_equal(clock_init(err, sizeof err), 0);
	assert_int_equal(run("digest", "--days", "-1", NULL), EXIT_USAGE);
	assert_int_equal(run("digest", "--days", "400", NULL), EXIT_USAGE);

	/* A short digest is read in one pass, not a statement for each person
	 * of the council: forty more people cost it nothing (on a server each
	 * statement is a round trip: 112 ms at 100,000 items, against 76 for
	 * psql, before). The same text either way. */
	for (int i = 0; i < 40; i++) {
		char name[32];
		snprintf(name, sizeof name, "Member %d", i);
		assert_int_equal(run("person", "add", name, "--dept", "Sales", NULL), 0);
	}
	char *trace = xasprintf("%s/digest.trace", tu_dir());
	unlink(trace);
	setenv("CXMEET_TRACE_SQL", trace, 1);
	assert_int_equal(run("digest", NULL), 0);
	unsetenv("CXMEET_TRACE_SQL");
	s = slurp_out();
	assert_string_equal(s, want);
	free(s);
	char *t = tu_slurp(trace, NULL);
	int statements = 0;
	for (const char *c = t; *c; c++)
		statements += *c == '\n';
	if (statements > 12)
		fail_msg("digest ran %d statements for 43 people:\n%s", statements, t);
	free(t);
	unlink(trace);
	free(trace);
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

#define EVENTS() query("SELECT count(*) FROM item_events")
#define OPEN() query("SELECT count(*) FROM items WHERE status = 'open'")

static void cli__done_refuses_and_writes_nothing(void **state)
{
	(void)state;
	int64_t events = EVENTS(), open = OPEN();
	char id[32];
	assert_int_equal(run("done", "9999", NULL), EXIT_USAGE);
	char *e = tu_slurp(err_path, NULL);
	assert_non_null(strstr(e, "no action #9999"));
	free(e);
	snprintf(id, sizeof id, "%lld", (long long)decision);
	assert_int_equal(run("done", id, NULL), EXIT_USAGE);
	e = tu_slurp(err_path, NULL);
	assert_non_null(strstr(e, "is a decision, not an action"));
	free(e);
	snprintf(id, sizeof id, "%lld", (long long)a_done);
	assert_int_equal(run("done", id, NULL), EXIT_USAGE);
	e = tu_slurp(err_path, NULL);
	assert_non_null(strstr(e, "is already done"));
	free(e);
	snprintf(id, sizeof id, "%lld", (long long)a_dropped);
	assert_int_equal(run("done", id, NULL), EXIT_USAGE);
	assert_int_equal(run("done", "abc", NULL), EXIT_USAGE);
	assert_int_equal(run("done", NULL), EXIT_USAGE);
	snprintf(id, sizeof id, "%lld", (long long)a_week);
	assert_int_equal(run("done", id, "--reason", "bad\x1b[2Jreason", NULL), EXIT_USAGE);
	assert_int_equal(EVENTS(), events);
	assert_int_equal(OPEN(), open);
}

/* `cxmeet add`: an item recorded between meetings, with no meeting, the
 * person's department when only the person is named; refused input says
 * why and writes nothing. */
static void cli__add_records_between_meetings(void **state)
{
	(void)state;
	int64_t items = query("SELECT count(*) FROM items");
	assert_int_equal(run("add", "win", "Returns handled in one day", "--person", "bo", NULL),
			 EXIT_OK);
	char *s = slurp_out();
	assert_non_null(strstr(s, "Recorded win #"));
	assert_non_null(strstr(s, " for IT (Bo)."));
	assert_non_null(strstr(s, "waits for the next meeting"));
	free(s);
	assert_int_equal(query("SELECT count(*) FROM items WHERE kind = 'win' AND meeting_id IS NULL"
			       " AND department_id IS NOT NULL AND text = 'Returns handled in one day'"),
			 1);
	assert_int_equal(run("add", "topic", "Sunday opening, again?", NULL), EXIT_OK);
	assert_int_equal(run("add", "action", "Ring the courier", "--person", "bo", "--due", "+1w",
			     "--detail", "ask about Saturdays", NULL),
			 EXIT_OK);
	s = slurp_out();
	assert_non_null(strstr(s, "Recorded action #"));
	assert_non_null(strstr(s, ", due 2026-11-"));
	free(s);
	assert_int_equal(query("SELECT count(*) FROM items WHERE kind = 'action' AND meeting_id IS NULL"
			       " AND detail = 'ask about Saturdays' AND due_on IS NOT NULL"),
			 1);
	assert_int_equal(query("SELECT count(*) FROM items"), items + 3);
	/* the created event says who recorded it, with no meeting */
	assert_int_equal(query("SELECT count(*) FROM item_events e JOIN items i ON i.id = e.item_id"
			       " WHERE i.kind = 'topic' AND e.event = 'created' AND e.meeting_id IS NULL"),
			 1);
}

static void cli__add_refuses_and_writes_nothing(void **state)
{
	(void)state;
	int64_t items = query("SELECT count(*) FROM items");
	assert_int_equal(run("add", "decision", "Open on Sundays", NULL), EXIT_USAGE);
	char *e = tu_slurp(err_path, NULL);
	assert_non_null(strstr(e, "a decision is taken in a meeting"));
	free(e);
	assert_int_equal(run("add", "memo", "x", NULL), EXIT_USAGE);
	assert_int_equal(run("add", "win", NULL), EXIT_USAGE);
	assert_int_equal(run("add", NULL), EXIT_USAGE);
	assert_int_equal(run("add", "win", "No department", NULL), EXIT_USAGE);
	e = tu_slurp(err_path, NULL);
	assert_non_null(strstr(e, "a win credits a department"));
	free(e);
	assert_int_equal(run("add", "action", "No owner", "--dept", "it", "--due", "fri", NULL),
			 EXIT_USAGE);
	assert_int_equal(run("add", "action", "Past", "--person", "bo", "--due", "2020-01-01",
			     NULL),
			 EXIT_USAGE);
	assert_int_equal(run("add", "note", "Due?", "--due", "fri", NULL), EXIT_USAGE);
	assert_int_equal(run("add", "win", "Who?", "--person", "nobody at all", NULL), EXIT_USAGE);
	assert_int_equal(run("add", "win", "Where?", "--dept", "Atlantis", NULL), EXIT_USAGE);
	assert_int_equal(run("add", "note", "bad\x1b[2Jtext", NULL), EXIT_USAGE);
	assert_int_equal(run("add", "note", "rtl \xe2\x80\xae override", NULL), EXIT_USAGE);
	assert_int_equal(run("add", "note", "", NULL), EXIT_USAGE);
	assert_int_equal(run("add", "note", "x", "--consent", NULL), EXIT_USAGE);
	assert_int_equal(query("SELECT count(*) FROM items"), items);
}

/* `cxmeet messages` and `cxmeet ack`: a message to two departments is
 * listed a row each, overdue past the cadence; each acknowledges it, the
 * last closing it; refusals say why and write nothing. */
static void cli__messages_acknowledged(void **state)
{
	(void)state;
	assert_int_equal(run("add", "message", "Returns move to the new form", "--dept", "sales",
			     "--dept", "it", "--person", "bo", NULL),
			 EXIT_OK);
	char *s = slurp_out();
	assert_non_null(strstr(s, " to Sales, IT (Bo)."));
	free(s);
	int64_t id = query("SELECT max(id) FROM items WHERE kind = 'message'");
	char num[32];
	snprintf(num, sizeof num, "%lld", (long long)id);
	assert_int_equal(run("messages", "--open", "--format", "csv", NULL), EXIT_OK);
	s = slurp_out();
	assert_non_null(strstr(s, "id,recorded_on,department,delivered_by,state,acknowledged_on,"
				  "acknowledged_by,text\r\n"));
	assert_non_null(strstr(s, ",IT,Bo,open,,,Returns move to the new form\r\n"));
	assert_non_null(strstr(s, ",Sales,Bo,open,,,Returns move to the new form\r\n"));
	free(s);
	/* past the cadence (monthly), both are overdue */
	setenv("CXMEET_NOW", "2027-01-15T09:00:00Z", 1);
	char err[256];
	assert_int_equal(clock_init(err, sizeof err), 0);
	assert_int_equal(run("messages", "--dept", "it", NULL), EXIT_OK);
	s = slurp_out();
	assert_non_null(strstr(s, " overdue "));
	assert_non_null(strstr(s, "1 not acknowledged within the cadence."));
	assert_null(strstr(s, "Sales"));
	free(s);

	int64_t events = EVENTS();
	assert_int_equal(run("ack", num, NULL), EXIT_USAGE); /* two departments: which? */
	char *e = tu_slurp(err_path, NULL);
	assert_non_null(strstr(e, "goes to IT, Sales: say which department acknowledges it"));
	free(e);
	assert_int_equal(run("ack", num, "--dept", "finance", NULL), EXIT_USAGE);
	assert_int_equal(run("ack", "9999", NULL), EXIT_USAGE);
	snprintf(num, sizeof num, "%lld", (long long)decision);
	assert_int_equal(run("ack", num, NULL), EXIT_USAGE);
	assert_int_equal(EVENTS(), events);
	snprintf(num, sizeof num, "#%lld", (long long)id);
	assert_int_equal(run("ack", num, "--dept", "it", NULL), EXIT_OK);
	s = slurp_out();
	assert_non_null(strstr(s, "acknowledged by IT."));
	free(s);
	assert_int_equal(run("ack", num, "--dept", "it", NULL), EXIT_USAGE);
	assert_int_equal(run("ack", num, NULL), EXIT_OK); /* the one left: Sales */
	assert_int_equal(query("SELECT count(*) FROM items WHERE kind = 'message' AND status = 'closed'"
			       " AND text = 'Returns move to the new form'"),
			 1);
	assert_int_equal(run("messages", "--open", "--format", "json", NULL), EXIT_OK);
	s = slurp_out();
	assert_null(strstr(s, "Returns move"));
	free(s);
	setenv("CXMEET_NOW", "2026-11-02T09:00:00Z", 1);
	assert_int_equal(clock_init(err, sizeof err), 0);
}

/* `cxmeet kpi`, `cxmeet focus`, `person edit --values ...` and `add --kpi`:
 * what connects CX to each leader's goals, written and read back; refusals
 * write nothing. */
static void cli__kpis_focus_and_profiles(void **state)
{
	(void)state;
	assert_int_equal(run("kpi", NULL), EXIT_OK);
	char *s = slurp_out();
	assert_non_null(strstr(s, "No KPIs yet"));
	free(s);
	assert_int_equal(run("kpi", "add", "it", "Ticket backlog", "--unit", "tickets",
			     "--lower-is-better", "--value", "412", NULL),
			 EXIT_OK);
	assert_int_equal(run("kpi", "add", "IT", "ticket BACKLOG", NULL), EXIT_USAGE);
	assert_int_equal(run("kpi", "set", "IT", "ticket backlog", "380.5", "--on", "2026-11-01",
			     NULL),
			 EXIT_OK);
	s = slurp_out();
	assert_string_equal(s, "IT: ticket backlog is 380.5 on 2026-11-01.\n");
	free(s);
	assert_int_equal(run("kpi", "set", "IT", "ticket backlog", "lots", NULL), EXIT_USAGE);
	assert_int_equal(run("kpi", "set", "IT", "nothing", "1", NULL), EXIT_USAGE);
	assert_int_equal(run("kpi", "list", "--format", "json", NULL), EXIT_OK);
	s = slurp_out();
	/* the value of today (2026-11-02) is the last, by day */
	assert_non_null(strstr(s, "{\"department\": \"IT\", \"kpi\": \"Ticket backlog\", "
				  "\"unit\": \"tickets\", \"better\": \"lower\", \"value\": 412, "
				  "\"as_of_on\": \"2026-11-02\"}"));
	free(s);
	assert_int_equal(query("SELECT count(*) FROM measure_values"), 2);

	assert_int_equal(run("add", "win", "Backlog down by a tenth", "--person", "bo", "--kpi",
			     "TICKET backlog", NULL),
			 EXIT_OK);
	assert_int_equal(query("SELECT count(*) FROM items WHERE measure_id IS NOT NULL"), 1);
	int64_t items = query("SELECT count(*) FROM items");
	assert_int_equal(run("add", "win", "No such KPI", "--person", "bo", "--kpi", "nps", NULL),
			 EXIT_USAGE);
	char *e = tu_slurp(err_path, NULL);
	assert_non_null(strstr(e, "IT has no KPI named 'nps'"));
	free(e);
	assert_int_equal(run("add", "note", "A note", "--kpi", "nps", NULL), EXIT_USAGE);
	assert_int_equal(query("SELECT count(*) FROM items"), items);

	assert_int_equal(run("person", "edit", "bo", "--values", "Fewer repeat tickets", "--kpi",
			     "Backlog under 300", "--stage", "desire", "--next-step",
			     "Show the repeat-call figures", "--support", "high", "--influence",
			     "high", NULL),
			 EXIT_OK);
	assert_int_equal(query("SELECT count(*) FROM person_profiles WHERE change_stage = 'desire'"
			       " AND values_text = 'Fewer repeat tickets'"),
			 1);
	assert_int_equal(query("SELECT count(*) FROM stance_history"), 1);
	/* a bad stage: nothing of the edit is written */
	assert_int_equal(run("person", "edit", "bo", "--stage", "denial", "--support", "low", NULL),
			 EXIT_USAGE);
	assert_int_equal(query("SELECT count(*) FROM people WHERE support = 'low' AND name = 'Bo'"),
			 0);
	assert_int_equal(query("SELECT count(*) FROM stance_history"), 1);

	assert_int_equal(run("focus", NULL), EXIT_OK);
	s = slurp_out();
	assert_non_null(strstr(s, "No focus department"));
	free(s);
	assert_int_equal(run("focus", "it", "--plan", "Win Bo", "--next-step", "Demo", NULL),
			 EXIT_OK);
	s = slurp_out();
	assert_string_equal(s, "Focus      IT, since 2026-11-02\nPlan       Win Bo\n"
			       "Next step  Demo\n");
	free(s);
	assert_int_equal(run("focus", "atlantis", NULL), EXIT_USAGE);
	assert_int_equal(run("focus", "--clear", NULL), EXIT_OK);
	assert_int_equal(query("SELECT count(*) FROM focus"), 0);
}

static void cli__done_records_an_event_outside_a_meeting(void **state)
{
	(void)state;
	char id[32], sql[200];
	snprintf(id, sizeof id, "#%lld", (long long)a_week);
	assert_int_equal(run("done", id, "--reason", "shipped, \"finally\"", NULL), EXIT_OK);
	char *s = slurp_out();
	char want[64];
	snprintf(want, sizeof want, "Action #%lld is done.\n", (long long)a_week);
	assert_string_equal(s, want);
	free(s);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM item_events WHERE item_id = %lld AND "
		 "event = 'done' AND meeting_id IS NULL AND reason = 'shipped, \"finally\"'",
		 (long long)a_week);
	assert_int_equal(query(sql), 1);
	snprintf(sql, sizeof sql, "SELECT status = 'done' FROM items WHERE id = %lld",
		 (long long)a_week);
	assert_int_equal(query(sql), 1);
	assert_int_equal(run("done", id, NULL), EXIT_USAGE); /* twice: refused */
}

int main(void)
{
	tu_init("actions");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(list__each_state_in_order),
		cmocka_unit_test(list__by_department_owner_and_due_before),
		cmocka_unit_test(list__pages_and_counts),
		cmocka_unit_test(list__facts_of_each_row),
		cmocka_unit_test(core__escalation_at_the_limit),
		cmocka_unit_test(core__states_and_their_dates),
		cmocka_unit_test(core__digest_makes_hostile_text_harmless),
		cmocka_unit_test(core__owners_sorted_as_compared),
		cmocka_unit_test_setup_teardown(cli__actions_plain_and_filters, setup_paths,
						free_paths),
		cmocka_unit_test_setup_teardown(cli__actions_json_and_csv_escape_text, setup_paths,
						free_paths),
		cmocka_unit_test_setup_teardown(cli__actions_hostile_text_in_every_format,
						setup_paths, free_paths),
		cmocka_unit_test_setup_teardown(cli__overdue_exit_status, setup_paths, free_paths),
		cmocka_unit_test_setup_teardown(cli__digest_grouped_by_owner, setup_paths,
						free_paths),
		cmocka_unit_test_setup_teardown(cli__add_refuses_and_writes_nothing, setup_paths,
						free_paths),
		cmocka_unit_test_setup_teardown(cli__add_records_between_meetings, setup_paths,
						free_paths),
		cmocka_unit_test_setup_teardown(cli__messages_acknowledged, setup_paths, free_paths),
		cmocka_unit_test_setup_teardown(cli__kpis_focus_and_profiles, setup_paths, free_paths),
		cmocka_unit_test_setup_teardown(cli__done_refuses_and_writes_nothing, setup_paths,
						free_paths),
		cmocka_unit_test_setup_teardown(cli__long_lists_across_pages, setup_paths,
						free_paths),
		cmocka_unit_test_setup_teardown(cli__done_records_an_event_outside_a_meeting,
						setup_paths, free_paths),
	};
	return cmocka_run_group_tests(tests, build, teardown);
}
