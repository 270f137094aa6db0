/* test_dates.c - calendar arithmetic, the due-date parser in every form it
 * accepts and refuses, and the clock fixed by CXMEET_NOW. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "cxmeet/dates.h"

/* --- helpers ------------------------------------------------------------- */

#define assert_contains(hay, needle)                                                    \
	do {                                                                            \
		const char *hay_ = (hay);                                               \
		const char *needle_ = (needle);                                         \
		if (!strstr(hay_, needle_))                                             \
			fail_msg("'%s' does not contain '%s'", hay_, needle_);          \
	} while (0)

static cx_date ymd(int y, int m, int d) { return date_from_ymd(y, m, d); }

/* Compares dates as text, so a failure shows both as YYYY-MM-DD. */
static void assert_date(cx_date got, int y, int m, int d)
{
	char a[16], b[16];
	date_format(got, a, sizeof a);
	date_format(ymd(y, m, d), b, sizeof b);
	assert_string_equal(a, b);
}

/* Wednesday 11 March 2026: the "today" of most due-date tests. */
#define TODAY_Y 2026
#define TODAY_M 3
#define TODAY_D 11

static struct date_context ctx_on(cx_date today)
{
	return (struct date_context){.today = today, .next_meeting = DATE_NONE};
}

static struct date_context ctx_default(void) { return ctx_on(ymd(TODAY_Y, TODAY_M, TODAY_D)); }

static cx_date due_ok_ctx(const char *in, const struct date_context *ctx)
{
	char err[512] = "";
	cx_date out = DATE_NONE;
	if (date_parse_due(in, ctx, &out, err, sizeof err) != 0)
		fail_msg("'%s' was refused: %s", in ? in : "(null)", err);
	return out;
}

static cx_date due_ok(const char *in)
{
	struct date_context ctx = ctx_default();
	return due_ok_ctx(in, &ctx);
}

/* Expects a refusal; returns the message in err. */
static void due_bad_ctx(const char *in, const struct date_context *ctx, char *err, size_t len)
{
	cx_date out = DATE_NONE;
	err[0] = '\0';
	if (date_parse_due(in, ctx, &out, err, len) == 0) {
		char buf[16];
		date_format(out, buf, sizeof buf);
		fail_msg("'%s' was accepted as %s", in ? in : "(null)", buf);
	}
	assert_true(err[0] != '\0');
}

static void due_bad(const char *in, char *err, size_t len)
{
	struct date_context ctx = ctx_default();
	due_bad_ctx(in, &ctx, err, len);
}

/* Refused with a message that lists the accepted forms. */
static void due_bad_lists_forms(const char *in)
{
	char err[512];
	due_bad(in, err, sizeof err);
	assert_contains(err, "YYYY-MM-DD");
	assert_contains(err, "tomorrow");
	assert_contains(err, "eow");
}

/* --- day numbers --------------------------------------------------------- */

static void ymd__epoch_is_day_zero(void **state)
{
	(void)state;
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(1970, 1, 2), 1);
	assert_int_equal(date_from_ymd(2000, 1, 1), 10957);
	assert_int_equal(date_from_ymd(2024, 2, 29), 19782);
	assert_int_equal(date_from_ymd(1969, 12, 31), -1);
}

static void ymd__round_trip_every_day_1970_to_9999(void **state)
{
	(void)state;
	cx_date first = ymd(DATE_MIN_YEAR, 1, 1), last = ymd(DATE_MAX_YEAR, 12, 31);
	int py = DATE_MIN_YEAR, pm = 1, pd = 0;
	for (cx_date d = first; d <= last; d++) {
		int y, m, day;
		date_to_ymd(d, &y, &m, &day);
		if (!date_valid_ymd(y, m, day) || date_from_ymd(y, m, day) != d)
			fail_msg("day %d came back as %04d-%02d-%02d", (int)d, y, m, day);
		/* each day follows the one before */
		bool next = (y == py && m == pm && day == pd + 1) ||
			    (y == py && m == pm + 1 && day == 1) || (y == py + 1 && m == 1 && day == 1);
		if (!next)
			fail_msg("%04d-%02d-%02d follows %04d-%02d-%02d", y, m, day, py, pm, pd);
		py = y, pm = m, pd = day;
	}
	assert_int_equal(py, DATE_MAX_YEAR);
	assert_int_equal(pm, 12);
	assert_int_equal(pd, 31);
}

static void ymd__leap_years_2000_and_2024_have_feb_29(void **state)
{
	(void)state;
	int years[] = {2000, 2024};
	for (size_t i = 0; i < sizeof years / sizeof years[0]; i++) {
		int y, m, d;
		assert_int_equal(date_days_in_month(years[i], 2), 29);
		assert_true(date_valid_ymd(years[i], 2, 29));
		date_to_ymd(ymd(years[i], 2, 29), &y, &m, &d);
		assert_int_equal(y, years[i]);
		assert_int_equal(m, 2);
		assert_int_equal(d, 29);
		assert_int_equal(ymd(years[i], 3, 1) - ymd(years[i], 2, 28), 2);
		assert_int_equal(ymd(years[i] + 1, 1, 1) - ymd(years[i], 1, 1), 366);
	}
}

static void ymd__1900_and_2100_are_not_leap_years(void **state)
{
	(void)state;
	int years[] = {1900, 2100, 2026};
	for (size_t i = 0; i < sizeof years / sizeof years[0]; i++) {
		int y, m, d;
		assert_int_equal(date_days_in_month(years[i], 2), 28);
		assert_false(date_valid_ymd(years[i], 2, 29));
		assert_int_equal(ymd(years[i], 3, 1) - ymd(years[i], 2, 28), 1);
		assert_int_equal(ymd(years[i] + 1, 1, 1) - ymd(years[i], 1, 1), 365);
		date_to_ymd(ymd(years[i], 2, 28) + 1, &y, &m, &d);
		assert_int_equal(y, years[i]);
		assert_int_equal(m, 3);
		assert_int_equal(d, 1);
	}
}

static void ymd__valid_rejects_out_of_range_fields(void **state)
{
	(void)state;
	assert_true(date_valid_ymd(2026, 12, 31));
	assert_false(date_valid_ymd(2026, 13, 1));
	assert_false(date_valid_ymd(2026, 0, 1));
	assert_false(date_valid_ymd(2026, 1, 0));
	assert_false(date_valid_ymd(2026, 4, 31));
	assert_false(date_valid_ymd(DATE_MIN_YEAR - 1, 12, 31));
	assert_false(date_valid_ymd(DATE_MAX_YEAR + 1, 1, 1));
	assert_int_equal(date_days_in_month(2026, 13), 0);
}

static void weekday__known_dates(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(ymd(1970, 1, 1)), 3);   /* Thursday */
	assert_int_equal(date_weekday(ymd(2000, 1, 1)), 5);   /* Saturday */
	assert_int_equal(date_weekday(ymd(2024, 2, 29)), 3);  /* Thursday */
	assert_int_equal(date_weekday(ymd(2026, 3, 9)), 0);   /* Monday */
	assert_int_equal(date_weekday(ymd(2026, 3, 15)), 6);  /* Sunday */
	assert_int_equal(date_weekday(ymd(1969, 12, 29)), 0); /* Monday, before the epoch */
}

static void weekday__cycles_every_seven_days(void **state)
{
	(void)state;
	for (cx_date d = ymd(1969, 1, 1); d < ymd(1971, 1, 1); d++)
		assert_int_equal(date_weekday(d + 1), (date_weekday(d) + 1) % 7);
}

static void add_months__jan_31_clamps_to_end_of_february(void **state)
{
	(void)state;
	assert_date(date_add_months(ymd(2026, 1, 31), 1), 2026, 2, 28);
	assert_date(date_add_months(ymd(2024, 1, 31), 1), 2024, 2, 29);
	assert_date(date_add_months(ymd(2000, 1, 31), 1), 2000, 2, 29);
	assert_date(date_add_months(ymd(2100, 1, 31), 1), 2100, 2, 28);
	assert_date(date_add_months(ymd(2026, 3, 31), 1), 2026, 4, 30);
	assert_date(date_add_months(ymd(2026, 3, 31), -1), 2026, 2, 28);
}

static void add_months__crosses_years_both_ways(void **state)
{
	(void)state;
	assert_date(date_add_months(ymd(2026, 12, 15), 1), 2027, 1, 15);
	assert_date(date_add_months(ymd(2026, 1, 15), -1), 2025, 12, 15);
	assert_date(date_add_months(ymd(2026, 3, 11), 12), 2027, 3, 11);
	assert_date(date_add_months(ymd(2024, 2, 29), 12), 2025, 2, 28);
	assert_date(date_add_months(ymd(2026, 3, 11), 120), 2036, 3, 11);
	assert_date(date_add_months(ymd(2026, 3, 11), 0), 2026, 3, 11);
}

static void end_of_month__every_month_length(void **state)
{
	(void)state;
	assert_date(date_end_of_month(ymd(2026, 1, 1)), 2026, 1, 31);
	assert_date(date_end_of_month(ymd(2026, 2, 14)), 2026, 2, 28);
	assert_date(date_end_of_month(ymd(2024, 2, 1)), 2024, 2, 29);
	assert_date(date_end_of_month(ymd(2026, 4, 30)), 2026, 4, 30);
	assert_date(date_end_of_month(ymd(2026, 12, 31)), 2026, 12, 31);
}

/* --- ISO dates ----------------------------------------------------------- */

static void iso__parses_valid_dates(void **state)
{
	(void)state;
	cx_date d = DATE_NONE;
	assert_true(date_parse_iso("2026-03-11", &d));
	assert_date(d, 2026, 3, 11);
	assert_true(date_parse_iso("2024-02-29", &d));
	assert_date(d, 2024, 2, 29);
	assert_true(date_parse_iso("1970-01-01", &d));
	assert_int_equal(d, 0);
	assert_true(date_parse_iso("9999-12-31", &d));
	assert_date(d, 9999, 12, 31);
}

static void iso__refuses_invalid_and_leaves_output_alone(void **state)
{
	(void)state;
	const char *bad[] = {
		"2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00", "2025-02-29",
		"26-1-1",     "2026-1-01",  "2026-01-1",  "2026/01/01", "2026-01-01x",
		"2026-01-01 ", " 2026-01-01", "",          "20260101",   "1899-12-31",
		"+026-01-01", "2026-0a-01", "abcd-ef-gh", "2026--01-1", "10000-01-01",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cx_date d = 12345;
		if (date_parse_iso(bad[i], &d))
			fail_msg("'%s' was accepted", bad[i]);
		assert_int_equal(d, 12345);
	}
	cx_date d = 12345;
	assert_false(date_parse_iso(NULL, &d));
	assert_int_equal(d, 12345);
}

static void format__writes_iso_and_dash_for_none(void **state)
{
	(void)state;
	char buf[16];
	date_format(ymd(2026, 3, 1), buf, sizeof buf);
	assert_string_equal(buf, "2026-03-01");
	date_format(DATE_NONE, buf, sizeof buf);
	assert_string_equal(buf, "-");
}

/* --- due dates: every accepted form ------------------------------------- */

static void due__iso_date(void **state)
{
	(void)state;
	assert_date(due_ok("2026-03-20"), 2026, 3, 20);
	assert_date(due_ok("2027-01-01"), 2027, 1, 1);
}

static void due__iso_today_is_allowed(void **state)
{
	(void)state;
	assert_date(due_ok("2026-03-11"), 2026, 3, 11);
}

static void due__today_and_tomorrow(void **state)
{
	(void)state;
	assert_date(due_ok("today"), 2026, 3, 11);
	assert_date(due_ok("tomorrow"), 2026, 3, 12);
	struct date_context ctx = ctx_on(ymd(2026, 12, 31));
	assert_date(due_ok_ctx("tomorrow", &ctx), 2027, 1, 1);
}

static void due__plus_days(void **state)
{
	(void)state;
	assert_date(due_ok("+3d"), 2026, 3, 14);
	assert_date(due_ok("+0d"), 2026, 3, 11);
	assert_date(due_ok("+21d"), 2026, 4, 1);
}

static void due__plus_weeks(void **state)
{
	(void)state;
	assert_date(due_ok("+2w"), 2026, 3, 25);
	assert_date(due_ok("+1w"), 2026, 3, 18);
}

static void due__weekday_names_mean_next_occurrence(void **state)
{
	(void)state;
	/* today is Wednesday 2026-03-11 */
	assert_date(due_ok("thursday"), 2026, 3, 12);
	assert_date(due_ok("friday"), 2026, 3, 13);
	assert_date(due_ok("saturday"), 2026, 3, 14);
	assert_date(due_ok("sunday"), 2026, 3, 15);
	assert_date(due_ok("monday"), 2026, 3, 16);
	assert_date(due_ok("tuesday"), 2026, 3, 17);
}

static void due__weekday_abbreviations(void **state)
{
	(void)state;
	assert_date(due_ok("thu"), 2026, 3, 12);
	assert_date(due_ok("fri"), 2026, 3, 13);
	assert_date(due_ok("sat"), 2026, 3, 14);
	assert_date(due_ok("sun"), 2026, 3, 15);
	assert_date(due_ok("mon"), 2026, 3, 16);
	assert_date(due_ok("tue"), 2026, 3, 17);
	assert_date(due_ok("wed"), 2026, 3, 18);
}

static void due__weekday_today_means_next_week(void **state)
{
	(void)state;
	assert_date(due_ok("wednesday"), 2026, 3, 18);
	assert_date(due_ok("wed"), 2026, 3, 18);
}

static void due__weekday_strictly_after_today_from_any_day(void **state)
{
	(void)state;
	static const char *const names[7] = {"monday", "tuesday", "wednesday", "thursday",
					     "friday", "saturday", "sunday"};
	for (cx_date today = ymd(2026, 3, 9); today < ymd(2026, 3, 16); today++) {
		struct date_context ctx = ctx_on(today);
		for (int w = 0; w < 7; w++) {
			char abbr[4];
			memcpy(abbr, names[w], 3);
			abbr[3] = '\0';
			cx_date full = due_ok_ctx(names[w], &ctx);
			cx_date shrt = due_ok_ctx(abbr, &ctx);
			assert_int_equal(full, shrt);
			assert_int_equal(date_weekday(full), w);
			assert_in_range(full - today, 1, 7);
		}
	}
}

static void due__eow_is_the_coming_friday(void **state)
{
	(void)state;
	struct date_context ctx;
	assert_date(due_ok("eow"), 2026, 3, 13); /* from Wednesday */
	ctx = ctx_on(ymd(2026, 3, 9));           /* Monday */
	assert_date(due_ok_ctx("eow", &ctx), 2026, 3, 13);
	ctx = ctx_on(ymd(2026, 3, 12)); /* Thursday */
	assert_date(due_ok_ctx("eow", &ctx), 2026, 3, 13);
	ctx = ctx_on(ymd(2026, 3, 14)); /* Saturday */
	assert_date(due_ok_ctx("eow", &ctx), 2026, 3, 20);
	ctx = ctx_on(ymd(2026, 3, 15)); /* Sunday */
	assert_date(due_ok_ctx("eow", &ctx), 2026, 3, 20);
}

static void due__eow_on_friday_is_today(void **state)
{
	(void)state;
	struct date_context ctx = ctx_on(ymd(2026, 3, 13));
	assert_date(due_ok_ctx("eow", &ctx), 2026, 3, 13);
}

static void due__eom_is_last_day_of_this_month(void **state)
{
	(void)state;
	assert_date(due_ok("eom"), 2026, 3, 31);
	struct date_context ctx = ctx_on(ymd(2024, 2, 10));
	assert_date(due_ok_ctx("eom", &ctx), 2024, 2, 29);
	ctx = ctx_on(ymd(2026, 2, 28)); /* on the last day itself */
	assert_date(due_ok_ctx("eom", &ctx), 2026, 2, 28);
}

static void due__next_is_the_known_next_meeting(void **state)
{
	(void)state;
	struct date_context ctx = ctx_default();
	ctx.next_meeting = ymd(2026, 3, 25);
	assert_date(due_ok_ctx("next", &ctx), 2026, 3, 25);
}

static void due__next_without_a_next_meeting_is_refused(void **state)
{
	(void)state;
	char err[512];
	struct date_context ctx = ctx_default();
	due_bad_ctx("next", &ctx, err, sizeof err);
	assert_contains(err, "next meeting");
}

static void due__next_meeting_already_past_is_refused(void **state)
{
	(void)state;
	char err[512];
	struct date_context ctx = ctx_default();
	ctx.next_meeting = ymd(2026, 3, 1);
	due_bad_ctx("next", &ctx, err, sizeof err);
	assert_contains(err, "past");
}

static void due__keywords_ignore_case(void **state)
{
	(void)state;
	struct date_context ctx = ctx_default();
	ctx.next_meeting = ymd(2026, 3, 25);
	assert_date(due_ok("TODAY"), 2026, 3, 11);
	assert_date(due_ok("Tomorrow"), 2026, 3, 12);
	assert_date(due_ok("+3D"), 2026, 3, 14);
	assert_date(due_ok("+2W"), 2026, 3, 25);
	assert_date(due_ok("FRIDAY"), 2026, 3, 13);
	assert_date(due_ok("Mon"), 2026, 3, 16);
	assert_date(due_ok("EOW"), 2026, 3, 13);
	assert_date(due_ok("Eom"), 2026, 3, 31);
	assert_date(due_ok_ctx("NEXT", &ctx), 2026, 3, 25);
}

static void due__surrounding_spaces_are_ignored(void **state)
{
	(void)state;
	assert_date(due_ok("  tomorrow  "), 2026, 3, 12);
	assert_date(due_ok(" 2026-03-20"), 2026, 3, 20);
	assert_date(due_ok("+3d   "), 2026, 3, 14);
}

/* --- due dates: refusals ------------------------------------------------- */

static void due__empty_is_refused_with_forms(void **state)
{
	(void)state;
	due_bad_lists_forms("");
	due_bad_lists_forms("    ");
	due_bad_lists_forms(NULL);
}

static void due__garbage_is_refused_with_forms(void **state)
{
	(void)state;
	due_bad_lists_forms("soon");
	due_bad_lists_forms("next week");
	due_bad_lists_forms("fr");
	due_bad_lists_forms("frid");
	due_bad_lists_forms("26-1-1");
	due_bad_lists_forms("2026-3-20");
	due_bad_lists_forms("2026/03/20");
}

static void due__trailing_junk_is_refused(void **state)
{
	(void)state;
	due_bad_lists_forms("today!");
	due_bad_lists_forms("tomorrow x");
	due_bad_lists_forms("2026-03-20x");
	due_bad_lists_forms("2026-03-20 09:00");
	due_bad_lists_forms("eowx");
}

static void due__junk_after_many_spaces_is_refused(void **state)
{
	(void)state;
	char in[128];
	snprintf(in, sizeof in, "today%40sjunk", "");
	due_bad_lists_forms(in);
	snprintf(in, sizeof in, "2026-03-20%30s(maybe)", "");
	due_bad_lists_forms(in);
}

static void due__very_long_input_is_refused(void **state)
{
	(void)state;
	char in[300];
	memset(in, 'a', sizeof in - 1);
	in[sizeof in - 1] = '\0';
	due_bad_lists_forms(in);
}

static void due__invalid_utf8_is_refused_and_not_echoed(void **state)
{
	(void)state;
	char err[512];
	due_bad_lists_forms("\xff\xfe");
	due_bad_lists_forms("tod\xc3");
	due_bad("caf\xe9", err, sizeof err);
	assert_null(strchr(err, '\xe9'));
	assert_null(strchr(err, '\xff'));
}

static void due__escape_characters_are_refused(void **state)
{
	(void)state;
	due_bad_lists_forms("\x1b[31mtoday");
	due_bad_lists_forms("today\x1b");
	due_bad_lists_forms("\x1b");
	due_bad_lists_forms("to\tday");
	due_bad_lists_forms("\xc2\x9b" "2J");
}

static void due__past_dates_are_refused(void **state)
{
	(void)state;
	char err[512];
	due_bad("2026-03-10", err, sizeof err);
	assert_contains(err, "2026-03-10");
	assert_contains(err, "past");
	due_bad("2020-01-01", err, sizeof err);
	assert_contains(err, "past");
	due_bad("1970-01-01", err, sizeof err);
	assert_contains(err, "past");
}

static void due__ten_years_ahead_is_the_limit(void **state)
{
	(void)state;
	char err[512];
	assert_date(due_ok("2036-03-11"), 2036, 3, 11);
	assert_date(due_ok("+3653d"), 2036, 3, 11);
	due_bad("2036-03-12", err, sizeof err);
	assert_contains(err, "10 years");
	due_bad("+3654d", err, sizeof err);
	assert_contains(err, "10 years");
	due_bad("+600w", err, sizeof err);
	assert_contains(err, "10 years");
	due_bad("9999-12-31", err, sizeof err);
	assert_contains(err, "10 years");
	due_bad("+100000d", err, sizeof err);
	assert_contains(err, "10 years");
}

static void due__huge_offsets_are_refused(void **state)
{
	(void)state;
	char err[512];
	due_bad("+100001d", err, sizeof err);
	due_bad("+99999999999999999999d", err, sizeof err);
	due_bad("+99999999999999999999w", err, sizeof err);
}

static void due__year_99999_is_refused(void **state)
{
	(void)state;
	due_bad_lists_forms("99999-01-01");
}

static void due__malformed_offsets_are_refused(void **state)
{
	(void)state;
	due_bad_lists_forms("+-3d");
	due_bad_lists_forms("+3x");
	due_bad_lists_forms("+3dd");
	due_bad_lists_forms("+3");
	due_bad_lists_forms("+d");
	due_bad_lists_forms("3d");
	due_bad_lists_forms("+ 3d");
	due_bad_lists_forms("++3d");
	due_bad_lists_forms("+3 d");
	due_bad_lists_forms("+3.5d");
}

static void due__impossible_calendar_dates_are_refused(void **state)
{
	(void)state;
	char err[512];
	due_bad("2026-02-30", err, sizeof err);
	assert_contains(err, "2026-02-30");
	assert_contains(err, "calendar");
	due_bad("2026-13-01", err, sizeof err);
	assert_contains(err, "calendar");
	due_bad("2027-02-29", err, sizeof err);
	assert_contains(err, "calendar");
}

static void due__refusal_leaves_small_error_buffer_terminated(void **state)
{
	(void)state;
	char err[8];
	struct date_context ctx = ctx_default();
	cx_date out;
	memset(err, 'x', sizeof err);
	assert_int_equal(date_parse_due("soon", &ctx, &out, err, sizeof err), -1);
	assert_int_equal(strlen(err), sizeof err - 1);
}

static void due__forms_help_names_every_form(void **state)
{
	(void)state;
	const char *forms[] = {"YYYY-MM-DD", "today", "tomorrow", "+3d", "+2w", "monday",
			       "mon",        "eow",   "eom",      "next"};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
		assert_contains(date_forms_help, forms[i]);
}

/* --- the clock ----------------------------------------------------------- */

static time_t utc(int y, int mo, int d, int h, int mi, int s)
{
	return (time_t)ymd(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

static int clock_reset(void **state)
{
	(void)state;
	char err[256];
	unsetenv("CXMEET_NOW");
	assert_int_equal(clock_init(err, sizeof err), 0);
	return 0;
}

static void clock_parse__accepts_every_documented_form(void **state)
{
	(void)state;
	const struct {
		const char *s;
		time_t want;
	} cases[] = {
		{"2026-11-23", utc(2026, 11, 23, 0, 0, 0)},
		{"2026-11-23T09:00", utc(2026, 11, 23, 9, 0, 0)},
		{"2026-11-23T09:00Z", utc(2026, 11, 23, 9, 0, 0)},
		{"2026-11-23T09:07:05", utc(2026, 11, 23, 9, 7, 5)},
		{"2026-11-23T09:07:05Z", utc(2026, 11, 23, 9, 7, 5)},
		{"2026-11-23 23:59:59", utc(2026, 11, 23, 23, 59, 59)},
		{"1970-01-01T00:00:00Z", 0},
		{"1927-01-03T10:00:00Z", -1356789600}, /* a demo of a hundred years */
		{"2024-02-29T12:00:00Z", utc(2024, 2, 29, 12, 0, 0)},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		time_t t = 0;
		if (!clock_parse(cases[i].s, &t))
			fail_msg("'%s' was refused", cases[i].s);
		assert_int_equal((long long)t, (long long)cases[i].want);
	}
}

static void clock_parse__refuses_malformed_times(void **state)
{
	(void)state;
	const char *bad[] = {
		"",
		"2026-11-2",
		"2026/11/23",
		"2026-11-23T",
		"2026-11-23T9:00",
		"2026-11-23T09",
		"2026-11-23T09:0",
		"2026-11-23T09:00:5",
		"2026-11-23T24:00",
		"2026-11-23T09:60",
		"2026-11-23T09:00:61",
		"2026-11-23T09:00:00+01:00",
		"2026-11-23T09:00:00ZZ",
		"2026-11-23x",
		"2026-02-30",
		"2026-13-01T00:00:00Z",
		"1899-12-31T23:59:59Z",
		"yesterday",
		" 2026-11-23",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		time_t t = 42;
		if (clock_parse(bad[i], &t))
			fail_msg("'%s' was accepted", bad[i]);
		assert_int_equal((long long)t, 42);
	}
	time_t t = 42;
	assert_false(clock_parse(NULL, &t));
}

static void clock_init__cxmeet_now_fixes_the_clock(void **state)
{
	(void)state;
	char err[256] = "";
	assert_int_equal(setenv("CXMEET_NOW", "2026-11-23T09:00:00Z", 1), 0);
	assert_int_equal(clock_init(err, sizeof err), 0);
	assert_int_equal((long long)clock_now(), (long long)utc(2026, 11, 23, 9, 0, 0));
	assert_date(clock_today(), 2026, 11, 23);

	assert_int_equal(setenv("CXMEET_NOW", "2024-02-29", 1), 0);
	assert_int_equal(clock_init(err, sizeof err), 0);
	assert_int_equal((long long)clock_now(), (long long)utc(2024, 2, 29, 0, 0, 0));
	assert_date(clock_today(), 2024, 2, 29);

	assert_int_equal(setenv("CXMEET_NOW", "2026-11-23T23:59", 1), 0);
	assert_int_equal(clock_init(err, sizeof err), 0);
	assert_date(clock_today(), 2026, 11, 23);
}

static void clock_init__malformed_cxmeet_now_fails(void **state)
{
	(void)state;
	const char *bad[] = {"tomorrow", "2026-11-23T9", "2026-02-30", "2026-11-23T09:00+01",
			     "\x1b[2J"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char err[256] = "";
		assert_int_equal(setenv("CXMEET_NOW", bad[i], 1), 0);
		if (clock_init(err, sizeof err) != -1)
			fail_msg("CXMEET_NOW='%s' was accepted", bad[i]);
		assert_contains(err, "CXMEET_NOW");
		assert_contains(err, "YYYY-MM-DD");
	}
}

static void clock_init__malformed_cxmeet_now_not_echoed_when_invalid_utf8(void **state)
{
	(void)state;
	char err[256] = "";
	assert_int_equal(setenv("CXMEET_NOW", "2026-11-23\xff", 1), 0);
	assert_int_equal(clock_init(err, sizeof err), -1);
	assert_null(strchr(err, '\xff'));
}

static void clock_init__unset_or_empty_uses_the_real_clock(void **state)
{
	(void)state;
	char err[256] = "";
	assert_int_equal(setenv("CXMEET_NOW", "2026-11-23T09:00:00Z", 1), 0);
	assert_int_equal(clock_init(err, sizeof err), 0);

	assert_int_equal(setenv("CXMEET_NOW", "", 1), 0);
	assert_int_equal(clock_init(err, sizeof err), 0);
	time_t now = time(NULL);
	assert_in_range((long long)clock_now(), (long long)now - 5, (long long)now + 5);

	assert_int_equal(unsetenv("CXMEET_NOW"), 0);
	assert_int_equal(clock_init(err, sizeof err), 0);
	now = time(NULL);
	assert_in_range((long long)clock_now(), (long long)now - 5, (long long)now + 5);
}

static void clock_init__failure_leaves_the_real_clock(void **state)
{
	(void)state;
	char err[256] = "";
	assert_int_equal(setenv("CXMEET_NOW", "2001-01-01", 1), 0);
	assert_int_equal(clock_init(err, sizeof err), 0);
	assert_int_equal(setenv("CXMEET_NOW", "garbage", 1), 0);
	assert_int_equal(clock_init(err, sizeof err), -1);
	time_t now = time(NULL);
	assert_in_range((long long)clock_now(), (long long)now - 5, (long long)now + 5);
}

static void clock_format_utc__writes_iso_with_z(void **state)
{
	(void)state;
	char buf[32];
	clock_format_utc(0, buf, sizeof buf);
	assert_string_equal(buf, "1970-01-01T00:00:00Z");
	clock_format_utc(utc(2026, 11, 23, 9, 7, 5), buf, sizeof buf);
	assert_string_equal(buf, "2026-11-23T09:07:05Z");
	clock_format_utc(utc(2024, 2, 29, 23, 59, 59), buf, sizeof buf);
	assert_string_equal(buf, "2024-02-29T23:59:59Z");
	assert_int_equal(strlen(buf), 20);
}

/* The time written by hand is the bytes strftime writes, every second of a
 * day, around leap days and centuries, before 1970, and at the ends of the
 * years of four digits (past them, strftime itself). */
static void clock_format_utc__same_bytes_as_strftime(void **state)
{
	(void)state;
	static const time_t at[] = {
		0, -1, -86400, -86401, 1, 86399, 86400, 951782399, 951782400, 951868800,
		4107542399, 4107542400, -2208988800, -2208988801, -62167219200, -62167219201,
		253402300799, 253402300800, 253402300801, -62135596800, 1795424825,
	};
	char mine[64], want[64];
	for (size_t i = 0; i < (sizeof at / sizeof at[0]) + 200000; i++) {
		time_t t = i < (sizeof at / sizeof at[0]) ? at[i]
					     : (time_t)(i - (sizeof at / sizeof at[0])) * 7919 * 113 - 11000000000LL;
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(want, sizeof want, "%Y-%m-%dT%H:%M:%SZ", &tm);
		clock_format_utc(t, mine, sizeof mine);
		if (strcmp(mine, want) != 0)
			fail_msg("%lld: '%s', not '%s'", (long long)t, mine, want);
	}
	for (time_t t = 0; t < 86400 * 2; t += 7) { /* every second of the day */
		struct tm tm;
		time_t u = t - 86400;
		gmtime_r(&u, &tm);
		strftime(want, sizeof want, "%Y-%m-%dT%H:%M:%SZ", &tm);
		clock_format_utc(u, mine, sizeof mine);
		assert_string_equal(mine, want);
	}
}

static void clock_format_utc__round_trips_through_clock_parse(void **state)
{
	(void)state;
	for (time_t t = 0; t < utc(2100, 1, 1, 0, 0, 0); t += 86400 * 37 + 3671) {
		char buf[32];
		time_t back = -1;
		clock_format_utc(t, buf, sizeof buf);
		if (!clock_parse(buf, &back))
			fail_msg("'%s' did not parse", buf);
		assert_int_equal((long long)back, (long long)t);
	}
}

static void date_from_time__is_the_utc_day_under_tz_utc(void **state)
{
	(void)state;
	assert_date(date_from_time(utc(2026, 11, 23, 0, 0, 0)), 2026, 11, 23);
	assert_date(date_from_time(utc(2026, 11, 23, 23, 59, 59)), 2026, 11, 23);
	assert_date(date_from_time(utc(2026, 11, 24, 0, 0, 0)), 2026, 11, 24);
}

/* Found by fuzzing: near the end of the calendar, '+62w' went past 9999. */
static void due__never_past_the_last_year(void **state)
{
	(void)state;
	struct date_context ctx = {date_from_ymd(9998, 12, 1), DATE_NONE};
	cx_date d;
	char err[256];
	assert_int_equal(date_parse_due("+62w", &ctx, &d, err, sizeof err), -1);
	assert_int_equal(date_parse_due("+999d", &ctx, &d, err, sizeof err), -1);
	assert_int_equal(date_parse_due("+2w", &ctx, &d, err, sizeof err), 0);
}

/* Found by fuzzing: 9999-12-31 23:59:60 became a time in year 10000. */
static void clock__no_leap_seconds(void **state)
{
	(void)state;
	time_t t;
	assert_false(clock_parse("9999-12-31T23:59:60Z", &t));
	assert_false(clock_parse("2026-06-30T23:59:60Z", &t));
	assert_true(clock_parse("9999-12-31T23:59:59Z", &t));
}

/* --- one grammar for every date option ------------------------------------ */

static cx_date parse_ok(const char *in, enum date_way way)
{
	char err[512] = "";
	struct date_context ctx = ctx_default();
	cx_date out = DATE_NONE;
	if (date_parse(in, &ctx, way, &out, err, sizeof err) != 0)
		fail_msg("'%s' was refused: %s", in, err);
	return out;
}

/* A due date in the past is refused for being past, whatever its form. */
static void due__past_forms_are_refused_as_past(void **state)
{
	(void)state;
	char err[512];
	due_bad("yesterday", err, sizeof err);
	assert_contains(err, "in the past");
	due_bad("-3d", err, sizeof err);
	assert_contains(err, "in the past");
}

/* history --since friday: a weekday looking back is the last one before
 * today (Wednesday 11 March 2026), never today itself. */
static void back__weekday_is_the_last_one_before_today(void **state)
{
	(void)state;
	assert_date(parse_ok("friday", DATE_BACK), 2026, 3, 6);
	assert_date(parse_ok("fri", DATE_BACK), 2026, 3, 6);
	assert_date(parse_ok("Tuesday", DATE_BACK), 2026, 3, 10);
	assert_date(parse_ok("wed", DATE_BACK), 2026, 3, 4);
	assert_date(parse_ok("thursday", DATE_BACK), 2026, 3, 5);
	assert_date(parse_ok("monday", DATE_BACK), 2026, 3, 9);
	/* ahead, the same words are the next ones */
	assert_date(parse_ok("friday", DATE_AHEAD), 2026, 3, 13);
	assert_date(parse_ok("wed", DATE_AHEAD), 2026, 3, 18);
}

static void back__relative_words_and_offsets(void **state)
{
	(void)state;
	assert_date(parse_ok("today", DATE_BACK), 2026, 3, 11);
	assert_date(parse_ok("yesterday", DATE_BACK), 2026, 3, 10);
	assert_date(parse_ok("-3d", DATE_BACK), 2026, 3, 8);
	assert_date(parse_ok("-2w", DATE_BACK), 2026, 2, 25);
	assert_date(parse_ok("-2W", DATE_AHEAD), 2026, 2, 25);
	assert_date(parse_ok("+1w", DATE_BACK), 2026, 3, 18);
	assert_date(parse_ok("eom", DATE_BACK), 2026, 3, 31);
	assert_date(parse_ok("2025-12-01", DATE_BACK), 2025, 12, 1);
	assert_date(parse_ok(" 2025-12-01 ", DATE_AHEAD), 2025, 12, 1);
}

static void back__refusals_list_the_forms_and_leave_output_alone(void **state)
{
	(void)state;
	static const char *const bad[] = {"", "soon", "fr", "-3", "--3d", "-3x", "2026-02-30",
					  "last friday", "-100001d"};
	struct date_context ctx = ctx_default();
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char err[512] = "";
		cx_date out = 42;
		if (date_parse(bad[i], &ctx, DATE_BACK, &out, err, sizeof err) == 0)
			fail_msg("'%s' was accepted", bad[i]);
		assert_int_equal(out, 42);
		assert_true(err[0] != '\0');
	}
	char err[512];
	cx_date out;
	assert_int_equal(date_parse("soon", &ctx, DATE_BACK, &out, err, sizeof err), -1);
	assert_contains(err, "yesterday");
	assert_contains(err, "-2w");
	/* before 1900 */
	assert_int_equal(date_parse("-10000w", &ctx, DATE_BACK, &out, err, sizeof err), -1);
	assert_contains(err, "1900");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("TZ", "UTC", 1);
	tzset();
	unsetenv("CXMEET_NOW");

	const struct CMUnitTest tests[] = {
		cmocka_unit_test(clock__no_leap_seconds),
		cmocka_unit_test(due__never_past_the_last_year),
		cmocka_unit_test(ymd__epoch_is_day_zero),
		cmocka_unit_test(ymd__round_trip_every_day_1970_to_9999),
		cmocka_unit_test(ymd__leap_years_2000_and_2024_have_feb_29),
		cmocka_unit_test(ymd__1900_and_2100_are_not_leap_years),
		cmocka_unit_test(ymd__valid_rejects_out_of_range_fields),
		cmocka_unit_test(weekday__known_dates),
		cmocka_unit_test(weekday__cycles_every_seven_days),
		cmocka_unit_test(add_months__jan_31_clamps_to_end_of_february),
		cmocka_unit_test(add_months__crosses_years_both_ways),
		cmocka_unit_test(end_of_month__every_month_length),
		cmocka_unit_test(iso__parses_valid_dates),
		cmocka_unit_test(iso__refuses_invalid_and_leaves_output_alone),
		cmocka_unit_test(format__writes_iso_and_dash_for_none),

		cmocka_unit_test(due__iso_date),
		cmocka_unit_test(due__iso_today_is_allowed),
		cmocka_unit_test(due__today_and_tomorrow),
		cmocka_unit_test(due__plus_days),
		cmocka_unit_test(due__plus_weeks),
		cmocka_unit_test(due__weekday_names_mean_next_occurrence),
		cmocka_unit_test(due__weekday_abbreviations),
		cmocka_unit_test(due__weekday_today_means_next_week),
		cmocka_unit_test(due__weekday_strictly_after_today_from_any_day),
		cmocka_unit_test(due__eow_is_the_coming_friday),
		cmocka_unit_test(due__eow_on_friday_is_today),
		cmocka_unit_test(due__eom_is_last_day_of_this_month),
		cmocka_unit_test(due__next_is_the_known_next_meeting),
		cmocka_unit_test(due__next_without_a_next_meeting_is_refused),
		cmocka_unit_test(due__next_meeting_already_past_is_refused),
		cmocka_unit_test(due__keywords_ignore_case),
		cmocka_unit_test(due__surrounding_spaces_are_ignored),
		cmocka_unit_test(due__empty_is_refused_with_forms),
		cmocka_unit_test(due__garbage_is_refused_with_forms),
		cmocka_unit_test(due__trailing_junk_is_refused),
		cmocka_unit_test(due__junk_after_many_spaces_is_refused),
		cmocka_unit_test(due__very_long_input_is_refused),
		cmocka_unit_test(due__invalid_utf8_is_refused_and_not_echoed),
		cmocka_unit_test(due__escape_characters_are_refused),
		cmocka_unit_test(due__past_dates_are_refused),
		cmocka_unit_test(due__ten_years_ahead_is_the_limit),
		cmocka_unit_test(due__huge_offsets_are_refused),
		cmocka_unit_test(due__year_99999_is_refused),
		cmocka_unit_test(due__malformed_offsets_are_refused),
		cmocka_unit_test(due__impossible_calendar_dates_are_refused),
		cmocka_unit_test(due__refusal_leaves_small_error_buffer_terminated),
		cmocka_unit_test(due__forms_help_names_every_form),

		cmocka_unit_test_teardown(clock_parse__accepts_every_documented_form, clock_reset),
		cmocka_unit_test_teardown(clock_parse__refuses_malformed_times, clock_reset),
		cmocka_unit_test_teardown(clock_init__cxmeet_now_fixes_the_clock, clock_reset),
		cmocka_unit_test_teardown(clock_init__malformed_cxmeet_now_fails, clock_reset),
		cmocka_unit_test_teardown(clock_init__malformed_cxmeet_now_not_echoed_when_invalid_utf8,
					  clock_reset),
		cmocka_unit_test_teardown(clock_init__unset_or_empty_uses_the_real_clock, clock_reset),
		cmocka_unit_test_teardown(clock_init__failure_leaves_the_real_clock, clock_reset),
		cmocka_unit_test(clock_format_utc__writes_iso_with_z),
		cmocka_unit_test(clock_format_utc__same_bytes_as_strftime),
		cmocka_unit_test(clock_format_utc__round_trips_through_clock_parse),
		cmocka_unit_test(date_from_time__is_the_utc_day_under_tz_utc),
		cmocka_unit_test(due__past_forms_are_refused_as_past),
		cmocka_unit_test(back__weekday_is_the_last_one_before_today),
		cmocka_unit_test(back__relative_words_and_offsets),
		cmocka_unit_test(back__refusals_list_the_forms_and_leave_output_alone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
