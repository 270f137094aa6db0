/* test_report.c - the cadence and participation report: the pure rules on
 * hand-built fixtures (no meeting, one, two on the same day, a long gap, a
 * changed cadence, a month end, the silo watch at exactly three silent
 * meetings), then the store's reads and `cxmeet cadence` on a real database
 * with a hostile department name. */
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
#include "cxmeet/items.h"
#include "cxmeet/names.h"
#include "cxmeet/report.h"
#include "cxmeet/util.h"

/* A completed meeting at 10:00 UTC on the day, agreeing `next` (may be DATE_NONE). */
static struct held_meeting held(store_id id, int y, int m, int d, cx_date next)
{
	char iso[32];
	snprintf(iso, sizeof iso, "%04d-%02d-%02dT10:00:00Z", y, m, d);
	return (struct held_meeting){.id = id, .started_at = tu_at(iso), .rating = 7,
				     .next_meeting = next};
}

#define D(y, m, d) date_from_ymd(y, m, d)
#define WEEKLY ((struct cadence){CADENCE_WEEKS, 1})
#define MONTHLY ((struct cadence){CADENCE_MONTHS, 1})

static void grace__one_day_up_to_a_fortnight_else_three(void **state)
{
	(void)state;
	assert_int_equal(cadence_grace_days(&WEEKLY), 1);
	assert_int_equal(cadence_grace_days(&(struct cadence){CADENCE_WEEKS, 2}), 1);
	assert_int_equal(cadence_grace_days(&(struct cadence){CADENCE_DAYS, 14}), 1);
	assert_int_equal(cadence_grace_days(&(struct cadence){CADENCE_DAYS, 15}), 3);
	assert_int_equal(cadence_grace_days(&MONTHLY), 3);
	assert_int_equal(report_percent(0, 0), -1);
	assert_int_equal(report_percent(2, 3), 67);
	assert_int_equal(report_percent(1, 8), 13); /* 12.5 rounds up */
}

static void cadence__no_meeting(void **state)
{
	(void)state;
	struct cadence_summary s;
	cadence_summarise(&WEEKLY, NULL, 0, D(2026, 11, 23), &s);
	assert_int_equal(s.n_days, 0);
	assert_int_equal(s.n_iv, 0);
	assert_int_equal(s.first, DATE_NONE);
	assert_int_equal(s.next_due, D(2026, 11, 30)); /* a cadence from today */
	assert_int_equal(s.days_late, 0);
	assert_false(s.late);
	assert_int_equal(s.recent_judged, 0);
	assert_int_equal(s.streak, 0);
	assert_int_equal(s.longest_gap, 0);
	cadence_summary_free(&s);
}

static void cadence__one_meeting_open_interval_judged_after_grace(void **state)
{
	(void)state;
	struct held_meeting m[] = {held(1, 2026, 11, 2, DATE_NONE)};
	struct cadence_summary s;
	cadence_summarise(&WEEKLY, m, 1, D(2026, 11, 10), &s); /* due 11-09, grace to 11-10 */
	assert_int_equal(s.n_iv, 1);
	assert_int_equal(s.next_due, D(2026, 11, 9));
	assert_int_equal(s.days_late, 1); /* a day past due, still within its grace */
	assert_false(s.late);
	assert_false(s.iv[0].judged);
	assert_int_equal(s.recent_judged, 0);
	assert_int_equal(s.longest_gap, 8);
	assert_int_equal(s.gap_to, DATE_NONE);
	cadence_summary_free(&s);
	cadence_summarise(&WEEKLY, m, 1, D(2026, 11, 11), &s);
	assert_int_equal(s.days_late, 2);
	assert_true(s.late); /* as the open interval is judged late */
	assert_true(s.iv[0].judged);
	assert_false(s.iv[0].on_time);
	assert_int_equal(s.recent_judged, 1);
	assert_int_equal(s.recent_on_time, 0);
	assert_int_equal(s.streak, 0);
	cadence_summary_free(&s);
}

static void cadence__two_on_the_same_day_count_once(void **state)
{
	(void)state;
	struct held_meeting m[] = {held(1, 2026, 11, 2, DATE_NONE), held(2, 2026, 11, 2, DATE_NONE),
				   held(3, 2026, 11, 9, DATE_NONE)};
	m[1].started_at += 3600 * 5; /* the afternoon */
	struct cadence_summary s;
	cadence_summarise(&WEEKLY, m, 3, D(2026, 11, 12), &s);
	assert_int_equal(s.n_days, 2);
	assert_int_equal(s.n_iv, 2);
	assert_int_equal(s.iv[0].from, D(2026, 11, 2));
	assert_int_equal(s.iv[0].to, D(2026, 11, 9));
	assert_true(s.iv[0].on_time);
	assert_false(s.iv[1].judged); /* due 11-16 */
	assert_int_equal(s.recent_judged, 1);
	assert_int_equal(s.streak, 1);
	assert_int_equal(s.longest_gap, 7);
	cadence_summary_free(&s);
}

static void cadence__long_gap_breaks_the_streak(void **state)
{
	(void)state;
	struct held_meeting m[] = {held(1, 2026, 1, 5, DATE_NONE), held(2, 2026, 1, 12, DATE_NONE),
				   held(3, 2026, 3, 2, DATE_NONE), held(4, 2026, 3, 9, DATE_NONE),
				   held(5, 2026, 3, 18, DATE_NONE)};
	struct cadence_summary s;
	cadence_summarise(&WEEKLY, m, 5, D(2026, 3, 19), &s);
	assert_int_equal(s.n_iv, 5);
	assert_true(s.iv[0].on_time);
	assert_false(s.iv[1].on_time);
	assert_true(s.iv[2].on_time);
	assert_false(s.iv[3].on_time); /* 9 days: due 03-16, grace to 03-17 */
	assert_false(s.iv[4].judged);
	assert_int_equal(s.recent_judged, 4);
	assert_int_equal(s.longest_gap, 49);
	assert_int_equal(s.gap_from, D(2026, 1, 12));
	assert_int_equal(s.gap_to, D(2026, 3, 2));
	cadence_summary_free(&s);
}

static void cadence__grace_day_is_on_time_and_streak_counts_back(void **state)
{
	(void)state;
	/* the 4th interval is 8 days long: due + 1 day of grace, on time */
	struct held_meeting m[] = {held(1, 2026, 1, 5, DATE_NONE), held(2, 2026, 1, 14, DATE_NONE),
				   held(3, 2026, 1, 21, DATE_NONE), held(4, 2026, 1, 28, DATE_NONE),
				   held(5, 2026, 2, 5, DATE_NONE)};
	struct cadence_summary s;
	cadence_summarise(&WEEKLY, m, 5, D(2026, 2, 6), &s);
	assert_false(s.iv[0].on_time); /* 9 days */
	assert_true(s.iv[3].on_time);  /* 8 days */
	assert_int_equal(s.recent_judged, 4);
	assert_int_equal(s.recent_on_time, 3);
	assert_int_equal(s.streak, 3);
	cadence_summary_free(&s);
}

static void cadence__changed_cadence_judged_by_the_date_agreed_then(void **state)
{
	(void)state;
	/* Monthly until May, with the next date agreed at each wrap-up; then
	 * weekly (the cadence now), the last meeting agreeing no date. */
	struct held_meeting m[] = {held(1, 2026, 3, 2, D(2026, 4, 6)),
				   held(2, 2026, 4, 6, D(2026, 5, 4)),
				   held(3, 2026, 5, 4, D(2026, 5, 11)),
				   held(4, 2026, 5, 11, DATE_NONE), held(5, 2026, 5, 25, DATE_NONE)};
	struct cadence_summary s;
	cadence_summarise(&WEEKLY, m, 5, D(2026, 5, 26), &s);
	assert_int_equal(s.iv[0].due, D(2026, 4, 6));
	assert_true(s.iv[0].on_time); /* 35 days, but the date agreed then */
	assert_true(s.iv[1].on_time);
	assert_true(s.iv[2].on_time);
	assert_int_equal(s.iv[3].due, D(2026, 5, 18)); /* by the current cadence */
	assert_false(s.iv[3].on_time);
	assert_int_equal(s.recent_on_time, 3);
	assert_int_equal(s.streak, 0);
	/* An agreed date not after its meeting is ignored. */
	m[4].next_meeting = D(2026, 5, 25);
	cadence_summary_free(&s);
	cadence_summarise(&WEEKLY, m, 5, D(2026, 5, 26), &s);
	assert_int_equal(s.next_due, D(2026, 6, 1));
	cadence_summary_free(&s);
}

static void cadence__monthly_across_a_month_end(void **state)
{
	(void)state;
	/* 01-31 + 1 month = 02-28; grace 3 days: 03-03 on time, 03-04 late. */
	struct held_meeting m[] = {held(1, 2026, 1, 31, DATE_NONE), held(2, 2026, 3, 3, DATE_NONE),
				   held(3, 2026, 4, 7, DATE_NONE)};
	struct cadence_summary s;
	cadence_summarise(&MONTHLY, m, 3, D(2026, 4, 8), &s);
	assert_int_equal(s.iv[0].due, D(2026, 2, 28));
	assert_true(s.iv[0].on_time);
	assert_int_equal(s.iv[1].due, D(2026, 4, 3));
	assert_false(s.iv[1].on_time);
	assert_int_equal(s.recent_judged, 2);
	assert_int_equal(s.recent_on_time, 1);
	cadence_summary_free(&s);
	m[1] = held(2, 2026, 3, 4, DATE_NONE);
	cadence_summarise(&MONTHLY, m, 3, D(2026, 4, 8), &s);
	assert_false(s.iv[0].on_time);
	cadence_summary_free(&s);
}

static void cadence__share_counts_only_the_last_twelve(void **state)
{
	(void)state;
	/* 3 late intervals, then 12 on time */
	struct held_meeting m[16];
	cx_date day = D(2026, 1, 5);
	for (int i = 0; i < 16; i++) {
		int y, mo, d;
		date_to_ymd(day, &y, &mo, &d);
		m[i] = held(i + 1, y, mo, d, DATE_NONE);
		day += i < 3 ? 14 : 7;
	}
	struct cadence_summary s;
	cadence_summarise(&WEEKLY, m, 16, day - 7 + 2, &s);
	assert_int_equal(s.n_iv, 16);
	assert_int_equal(s.recent_judged, 12);
	assert_int_equal(s.recent_on_time, 12);
	assert_int_equal(s.recent_from, 3); /* the 12 judged before the open one */
	assert_int_equal(s.streak, 12);
	assert_int_equal(s.longest_gap, 14);
	cadence_summary_free(&s);
}

/* The sentence on the next meeting, shared by home, the cadence view and
 * `cxmeet cadence`: one day is a day, not "1 days". */
static void cadence__next_due_text_counts_days(void **state)
{
	(void)state;
	char buf[80];
	cx_date today = D(2026, 11, 23);
	next_due_text(today, today, buf, sizeof buf);
	assert_string_equal(buf, "due today (2026-11-23)");
	next_due_text(D(2026, 11, 24), today, buf, sizeof buf);
	assert_string_equal(buf, "due 2026-11-24, in 1 day");
	next_due_text(D(2026, 11, 30), today, buf, sizeof buf);
	assert_string_equal(buf, "due 2026-11-30, in 7 days");
	next_due_text(D(2026, 11, 22), today, buf, sizeof buf);
	assert_string_equal(buf, "was due 2026-11-22: 1 day late");
	next_due_text(D(2026, 10, 31), today, buf, sizeof buf);
	assert_string_equal(buf, "was due 2026-10-31: 23 days late");
}

static void actions__judged_on_time_late_or_not_at_all(void **state)
{
	(void)state;
	cx_date today = D(2026, 11, 20), due = D(2026, 11, 10);
	bool on;
	struct window_item it = {.kind = ITEM_ACTION, .due = due, .status = STATUS_DONE,
				 .closed_at = tu_at("2026-11-10T23:00:00Z")};
	assert_true(action_judged(&it, today, &on));
	assert_true(on);
	it.closed_at = tu_at("2026-11-11T08:00:00Z");
	assert_true(action_judged(&it, today, &on));
	assert_false(on);
	it = (struct window_item){.kind = ITEM_ACTION, .due = due, .status = STATUS_OPEN};
	assert_true(action_judged(&it, today, &on));
	assert_false(on);
	it.due = today; /* due today: not past due yet */
	assert_false(action_judged(&it, today, &on));
	it.status = STATUS_DROPPED;
	it.due = due;
	assert_false(action_judged(&it, today, &on));
	it = (struct window_item){.kind = ITEM_ACTION, .due = DATE_NONE, .status = STATUS_OPEN};
	assert_false(action_judged(&it, today, &on));
	it.kind = ITEM_WIN;
	assert_false(action_judged(&it, today, &on));
}

/* Meetings 4 (newest) .. 1; departments 10 (silent in 4, 3, 2), 20
 * (silent in 4 and 3 only), 30 (present everywhere), 40 (archived, silent). */
static void depts__silo_watch_needs_three_silent_meetings(void **state)
{
	(void)state;
	struct dept depts[] = {{10, "Ten", false, false}, {20, "Twenty", true, false},
			       {30, "Thirty", false, false}, {40, "Forty", false, true}};
	store_id window[] = {4, 3, 2, 1};
	struct meeting_dept att[] = {{1, 10}, {4, 30}, {3, 30}, {2, 30}, {1, 30}};
	cx_date today = D(2026, 11, 20);
	struct window_item items[] = {
		{.meeting_id = 2, .dept_id = 20, .kind = ITEM_WIN},
		{.meeting_id = 4, .dept_id = 30, .kind = ITEM_ACTION, .due = D(2026, 11, 1),
		 .status = STATUS_DONE, .closed_at = tu_at("2026-10-30T10:00:00Z")},
		{.meeting_id = 4, .dept_id = 30, .kind = ITEM_ACTION, .due = D(2026, 11, 1),
		 .status = STATUS_OPEN},
		{.meeting_id = 3, .dept_id = 30, .kind = ITEM_ACTION, .due = D(2026, 12, 1),
		 .status = STATUS_OPEN},
	};
	struct dept_count overdue[] = {{30, 5}, {0, 2}};
	struct dept_line out[4];
	dept_lines_build(depts, 4, window, 4, att, 5, items, 4, overdue, 2, today, out);
	assert_true(out[0].silo);
	assert_int_equal(out[0].attended, 1);
	assert_false(out[1].silo);
	assert_int_equal(out[1].wins, 1);
	assert_false(out[2].silo);
	assert_int_equal(out[2].attended, 4);
	assert_int_equal(out[2].actions, 3);
	assert_int_equal(out[2].judged, 2);
	assert_int_equal(out[2].on_time, 1);
	assert_int_equal(out[2].overdue, 5);
	assert_false(out[3].silo); /* archived */
	/* With only two meetings held, nobody is flagged yet. */
	dept_lines_build(depts, 4, window, 2, att, 5, items, 4, overdue, 2, today, out);
	assert_false(out[0].silo);
	assert_int_equal(out[2].attended, 2);
}

/* The overrun per step: how often each step ran over and by how much on
 * average when it did; usually over when in more than half the times held. */
static void steps__overrun_per_step_and_the_habit(void **state)
{
	(void)state;
	struct window_step steps[] = {
		{1, "Priorities", 15, 1000, false, true}, {1, "Wins", 7, 480, false, true},
		{2, "Priorities", 15, 900, false, true},  {2, "Wins", 7, 400, false, true},
		{3, "Priorities", 15, 1020, false, true}, {3, "Wins", 7, 420, false, true},
		{4, "Wins", 7, 421, false, true},         {4, "Priorities", 15, 0, true, false},
	};
	struct step_line out[8];
	size_t n = step_lines_build(steps, 8, out);
	assert_int_equal(n, 2);
	assert_string_equal(out[0].title, "Priorities");
	assert_int_equal(out[0].held, 3); /* skipped in the fourth */
	assert_int_equal(out[0].overran, 2);
	assert_int_equal(out[0].overrun_seconds_total, 220); /* 100 s and 120 s past 15:00 */
	assert_true(out[0].overrun_avg > 1.83 && out[0].overrun_avg < 1.84); /* 110 s */
	assert_true(out[0].usually_over); /* two of three */
	assert_string_equal(out[1].title, "Wins");
	assert_int_equal(out[1].held, 4);
	assert_int_equal(out[1].overran, 2); /* 8:00 and 7:01; 7:00 is on time */
	assert_int_equal(out[1].overrun_seconds_total, 61);
	assert_false(out[1].usually_over); /* two of four is not more than half */
}

static void steps__grouped_by_title_without_skipped(void **state)
{
	(void)state;
	struct window_step steps[] = {
		{1, "Welcome", 3, 240, false, true}, {1, "Story", 7, 300, false, true},
		{2, "Welcome", 3, 120, false, true}, {2, "Story", 7, 0, true, false},
		{3, "Welcome", 5, 300, false, true}, {3, "Story", 7, 0, false, false},
	};
	struct step_line out[6];
	size_t n = step_lines_build(steps, 6, out);
	assert_int_equal(n, 2);
	assert_string_equal(out[0].title, "Welcome");
	assert_int_equal(out[0].held, 3);
	assert_int_equal(out[0].planned_minutes_total, 11);
	assert_int_equal(out[0].actual_seconds_total, 660);
	assert_true(out[0].planned_avg > 3.66 && out[0].planned_avg < 3.67); /* 11 / 3 */
	assert_true(out[0].actual_avg > 3.66 && out[0].actual_avg < 3.67);   /* 660 s / 3 */
	assert_int_equal(out[0].overran, 1);
	assert_int_equal(out[0].overrun_seconds_total, 60); /* 4:00 against 3 */
	assert_true(out[0].overrun_avg > 0.99 && out[0].overrun_avg < 1.01);
	assert_false(out[0].usually_over); /* once in three */
	assert_int_equal(out[1].held, 1);
	assert_int_equal(out[1].overran, 0);
	assert_true(out[1].overrun_avg == 0.0);

	struct held_meeting window[] = {held(2, 2026, 11, 9, DATE_NONE),
					held(1, 2026, 11, 2, DATE_NONE)};
	window[1].rating = 0;
	struct window_item items[] = {
		{.meeting_id = 1, .dept_id = 5, .kind = ITEM_ACTION, .due = D(2026, 11, 5),
		 .status = STATUS_DONE, .closed_at = tu_at("2026-11-04T10:00:00Z")},
		{.meeting_id = 1, .dept_id = 5, .kind = ITEM_WIN},
	};
	struct meeting_line ml[2];
	meeting_lines_build(window, 2, items, 2, steps, 6, D(2026, 11, 20), ml);
	assert_int_equal(ml[0].id, 2);
	assert_int_equal(ml[0].rating, 7);
	assert_int_equal(ml[0].actions, 0);
	assert_int_equal(ml[0].steps, 1);
	assert_int_equal(ml[1].rating, 0);
	assert_int_equal(ml[1].actions, 1);
	assert_int_equal(ml[1].on_time, 1);
	assert_int_equal(ml[1].steps, 2);
	assert_int_equal(ml[1].overran, 1);
}

/* --- on a real database ------------------------------------------------- */

static const char hostile[] = "Ops, \"Night\"\nShift\x1b[31m=SUM(A1)\xff";

struct fixture {
	char *db;
	store_id it, sales, ana, ben;
};

/* A meeting on `iso` (10:00 for an hour), with Ana (IT) present when asked. */
static store_id meeting_begun_on(struct store *st, const char *iso, bool ana_present,
				 store_id ana)
{
	store_id tid, mid;
	struct agenda_template a;
	assert_int_equal(store_template_default(st, &tid), STORE_OK);
	assert_int_equal(store_template_get(st, tid, &a), STORE_OK);
	assert_int_equal(store_meeting_start(st, tid, &a, tu_at(iso), 0, &mid), STORE_OK);
	agenda_free(&a);
	if (ana_present)
		assert_int_equal(store_attendance_set(st, mid, ana, true), STORE_OK);
	assert_int_equal(store_meeting_step_time(st, mid, 0, 400, true), STORE_OK);
	return mid;
}

/* Ends a meeting begun on iso, an hour after it began. */
static void meeting_ended(struct store *st, store_id mid, const char *iso,
			  enum meeting_status status)
{
	assert_int_equal(store_meeting_finish(st, mid, status, tu_at(iso) + 3600,
					      status == MEETING_COMPLETED ? 8 : 0, DATE_NONE),
			 STORE_OK);
}

static store_id meeting_on(struct store *st, const char *iso, bool ana_present,
			   enum meeting_status status, store_id ana)
{
	store_id mid = meeting_begun_on(st, iso, ana_present, ana);
	meeting_ended(st, mid, iso, status);
	return mid;
}

static void build_fixture(struct fixture *f)
{
	struct store *st = tu_open_setup();
	f->db = xstrdup(store_path(st));
	struct dept d;
	assert_int_equal(dept_find(st, "IT", &d), STORE_OK);
	f->it = d.id;
	dept_free(&d);
	assert_int_equal(dept_find(st, "Sales", &d), STORE_OK);
	f->sales = d.id;
	dept_free(&d);
	assert_int_equal(person_add(st, &(struct person){.name = "Ana", .dept_id = f->it},
					  &f->ana), STORE_OK);
	/* monthly; meetings 09-01, 10-01, an abandoned one 10-20, 11-02, 11-03 */
	assert_int_equal(store_org_set_cadence(st, &MONTHLY), STORE_OK);
	meeting_on(st, "2026-09-01T10:00:00Z", true, MEETING_COMPLETED, f->ana);
	store_id m2 = meeting_begun_on(st, "2026-10-01T10:00:00Z", true, f->ana);
	struct item it = {.kind = ITEM_ACTION, .text = "Fix the returns page", .dept_id = f->sales,
			  .person_id = f->ana, .due = D(2026, 10, 15), .meeting_id = m2};
	assert_int_equal(item_add(st, &it, tu_at("2026-10-01T10:30:00Z")), STORE_OK);
	assert_int_equal(item_set_status(st, it.id, STATUS_DONE, NULL, 0,
					       tu_at("2026-10-14T09:00:00Z")), STORE_OK);
	it = (struct item){.kind = ITEM_ACTION, .text = "Call the Hansen family",
			   .dept_id = f->sales, .person_id = f->ana, .due = D(2026, 10, 20),
			   .meeting_id = m2};
	assert_int_equal(item_add(st, &it, tu_at("2026-10-01T10:40:00Z")), STORE_OK);
	meeting_ended(st, m2, "2026-10-01T10:00:00Z", MEETING_COMPLETED);
	meeting_on(st, "2026-10-20T10:00:00Z", true, MEETING_ABANDONED, f->ana);
	meeting_on(st, "2026-11-02T10:00:00Z", false, MEETING_COMPLETED, f->ana);
	meeting_on(st, "2026-11-03T10:00:00Z", false, MEETING_COMPLETED, f->ana);
	store_close(st);
	/* A name the program would refuse, as another tool might have written it. */
	sqlite3 *h;
	assert_int_equal(sqlite3_open(f->db, &h), SQLITE_OK);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(h, "INSERT INTO departments(name, name_key, facing,"
					       " created_at) VALUES (?, 'hostile', 'behind',"
					       " '2026-01-01T00:00:00Z')", -1, &s, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(s, 1, hostile, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	sqlite3_close(h);
}

static const struct dept_line *line_of(const struct cadence_report *r, store_id id)
{
	for (size_t i = 0; i < r->n_depts; i++)
		if (r->depts[i].dept->id == id)
			return &r->depts[i];
	fail_msg("department %lld not in the report", (long long)id);
	return NULL;
}

static void store__report_on_a_real_database(void **state)
{
	(void)state;
	struct fixture f;
	build_fixture(&f);
	struct store *st;
	char err[256];
	assert_int_equal(store_open(f.db, &st, err, sizeof err), STORE_OK);
	struct held_meeting *h;
	size_t n;
	assert_int_equal(store_held_meetings(st, &h, &n), STORE_OK);
	assert_int_equal(n, 4); /* the abandoned one does not count */
	free(h);
	struct cadence_report r;
	assert_int_equal(cadence_report_load(st, 3, D(2026, 11, 23), &r), STORE_OK);
	assert_int_equal(r.sum.n_days, 4);
	assert_int_equal(r.sum.recent_judged, 3);
	assert_int_equal(r.sum.recent_on_time, 3); /* 09-01, 10-01, 11-02 (+1), 11-03 */
	assert_int_equal(r.sum.next_due, D(2026, 12, 3));
	assert_int_equal(r.n_meetings, 3);
	const struct dept_line *it = line_of(&r, f.it), *sales = line_of(&r, f.sales);
	assert_int_equal(it->attended, 1);
	assert_false(it->silo); /* present on 10-01, one of the last three */
	assert_int_equal(sales->actions, 2);
	assert_int_equal(sales->judged, 2);
	assert_int_equal(sales->on_time, 1);
	assert_int_equal(sales->overdue, 1);
	assert_false(sales->silo);
	assert_int_equal(r.n_steps, 1); /* only the first step was reached */
	assert_int_equal(r.steps[0].held, 3);
	assert_int_equal(r.steps[0].overran, 3); /* 400 s against 3 minutes */
	assert_int_equal(r.n_meetings, 3);
	assert_int_equal(r.meetings[0].rating, 8);
	const struct dept_line *odd = NULL;
	for (size_t i = 0; i < r.n_depts; i++)
		if (strcmp(r.depts[i].dept->name, hostile) == 0)
			odd = &r.depts[i];
	assert_non_null(odd);
	assert_true(odd->silo);
	assert_true(odd->dept->behind);
	cadence_report_free(&r);
	store_close(st);
	free(f.db);
}

static void cli__formats_with_a_hostile_department_name(void **state)
{
	(void)state;
	struct fixture f;
	build_fixture(&f);
	setenv("CXMEET_NOW", "2026-11-23T12:00:00Z", 1);
	char *out = xasprintf("%s/cadence.out", tu_dir());
	assert_int_equal(tu_cli(f.db, out, NULL, "cadence", "--format", "json", NULL), 0);
	char *s = tu_slurp(out, NULL);
	assert_non_null(s);
	assert_non_null(strstr(s, "\"department\": \"Ops, \\\"Night\\\"\\nShift\\ufffd[31m=SUM(A1)"));
	assert_null(strstr(s, "\\u001b"));
	assert_non_null(strstr(s, "\"recent_on_time\": 3"));
	assert_non_null(strstr(s, "\"departments\": ["));
	/* the department behind the scenes: a yes/no named for the yes */
	assert_non_null(strstr(s, "=SUM(A1)\\ufffd\", \"customer_facing\": false, "));
	assert_null(strstr(s, "\"facing\""));
	assert_non_null(strstr(s, "\"timeline\": ["));
	assert_null(strchr(s, '\x1b'));
	free(s);
	assert_int_equal(tu_cli(f.db, out, NULL, "cadence", "--format", "csv", NULL), 0);
	s = tu_slurp(out, NULL);
	const char head[] = "department,customer_facing,attended,of,actions,on_time_pct,overdue,wins,"
			    "silo_watch,absent_but_handed_actions\r\n";
	assert_memory_equal(s, head, strlen(head));
	assert_non_null(strstr(s, "\"Ops, \"\"Night\"\"\nShift"));
	free(s);
	assert_int_equal(tu_cli(f.db, out, NULL, "cadence", NULL), 0);
	s = tu_slurp(out, NULL);
	assert_non_null(strstr(s, "On time: 3 of the last 3 intervals (100%)."));
	assert_non_null(strstr(s, "Cadence: monthly (grace 3 days)"));
	assert_null(strchr(s, '\x1b'));
	free(s);
	assert_int_equal(tu_cli(f.db, out, NULL, "cadence", "--format", "csv", "--table",
				"timeline", NULL), 0);
	s = tu_slurp(out, NULL);
	assert_non_null(strstr(s, "2026-11-02,2026-11-03,2026-12-02,1,1,1\r\n"));
	free(s);
	assert_int_equal(tu_cli(f.db, NULL, NULL, "cadence", "--meetings", "2", NULL), EXIT_USAGE);
	assert_int_equal(tu_cli(f.db, NULL, NULL, "cadence", "--table", "nope", NULL), EXIT_USAGE);
	assert_int_equal(tu_cli(f.db, NULL, NULL, "cadence", "--format", "md", NULL), EXIT_USAGE);
	unsetenv("CXMEET_NOW");
	free(out);
	free(f.db);
}

int main(void)
{
	tu_init("report");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(grace__one_day_up_to_a_fortnight_else_three),
		cmocka_unit_test(cadence__no_meeting),
		cmocka_unit_test(cadence__one_meeting_open_interval_judged_after_grace),
		cmocka_unit_test(cadence__two_on_the_same_day_count_once),
		cmocka_unit_test(cadence__long_gap_breaks_the_streak),
		cmocka_unit_test(cadence__grace_day_is_on_time_and_streak_counts_back),
		cmocka_unit_test(cadence__changed_cadence_judged_by_the_date_agreed_then),
		cmocka_unit_test(cadence__monthly_across_a_month_end),
		cmocka_unit_test(cadence__share_counts_only_the_last_twelve),
		cmocka_unit_test(cadence__next_due_text_counts_days),
		cmocka_unit_test(actions__judged_on_time_late_or_not_at_all),
		cmocka_unit_test(depts__silo_watch_needs_three_silent_meetings),
		cmocka_unit_test(steps__grouped_by_title_without_skipped),
		cmocka_unit_test(steps__overrun_per_step_and_the_habit),
		cmocka_unit_test(store__report_on_a_real_database),
		cmocka_unit_test(cli__formats_with_a_hostile_department_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
