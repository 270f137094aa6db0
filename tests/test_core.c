/* test_core.c - the pure core modules: cadence, text checks, the model's name
 * tables, agenda templates and the default departments file. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "cxmeet/agenda.h"
#include "cxmeet/cadence.h"
#include "cxmeet/dates.h"
#include "cxmeet/fileio.h"
#include "cxmeet/model.h"
#include "cxmeet/setup.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* --- helpers ------------------------------------------------------------- */

#define assert_contains(hay, needle)                                                    \
	do {                                                                            \
		const char *hay_ = (hay);                                               \
		const char *needle_ = (needle);                                         \
		if (!strstr(hay_, needle_))                                             \
			fail_msg("'%s' does not contain '%s'", hay_, needle_);          \
	} while (0)

/* err must start with "line N: " for exactly this N. */
static void assert_line(const char *err, int line)
{
	char prefix[32];
	snprintf(prefix, sizeof prefix, "line %d: ", line);
	if (strncmp(err, prefix, strlen(prefix)) != 0)
		fail_msg("expected '%s...', got '%s'", prefix, err);
}

static cx_date ymd(int y, int m, int d) { return date_from_ymd(y, m, d); }

static void assert_date(cx_date got, int y, int m, int d)
{
	char a[16], b[16];
	date_format(got, a, sizeof a);
	date_format(ymd(y, m, d), b, sizeof b);
	assert_string_equal(a, b);
}

/* --- cadence ------------------------------------------------------------- */

static void cadence_ok(const char *s, enum cadence_unit unit, int n)
{
	char err[256] = "";
	struct cadence c = {CADENCE_DAYS, -1};
	if (cadence_parse(s, &c, err, sizeof err) != 0)
		fail_msg("cadence '%s' was refused: %s", s, err);
	assert_int_equal(c.unit, unit);
	assert_int_equal(c.n, n);
}

static void cadence_bad(const char *s, char *err, size_t len)
{
	struct cadence c = {CADENCE_DAYS, -1};
	err[0] = '\0';
	if (cadence_parse(s, &c, err, len) == 0)
		fail_msg("cadence '%s' was accepted as %d of unit %d", s ? s : "(null)", c.n,
			 (int)c.unit);
	assert_true(err[0] != '\0');
}

static void cadence__named_words(void **state)
{
	(void)state;
	cadence_ok("weekly", CADENCE_WEEKS, 1);
	cadence_ok("biweekly", CADENCE_WEEKS, 2);
	cadence_ok("fortnightly", CADENCE_WEEKS, 2);
	cadence_ok("every two weeks", CADENCE_WEEKS, 2);
	cadence_ok("Every other week", CADENCE_WEEKS, 2);
	cadence_ok("monthly", CADENCE_MONTHS, 1);
	cadence_ok("quarterly", CADENCE_MONTHS, 3);
	cadence_ok("daily", CADENCE_DAYS, 1);
	cadence_ok("bimonthly", CADENCE_MONTHS, 2);
}

static void cadence__named_words_ignore_case_and_spaces(void **state)
{
	(void)state;
	cadence_ok("Weekly", CADENCE_WEEKS, 1);
	cadence_ok("  MONTHLY  ", CADENCE_MONTHS, 1);
	cadence_ok("FortNightly", CADENCE_WEEKS, 2);
}

static void cadence__every_n_units(void **state)
{
	(void)state;
	cadence_ok("every 10 days", CADENCE_DAYS, 10);
	cadence_ok("every 3 weeks", CADENCE_WEEKS, 3);
	cadence_ok("every 2 months", CADENCE_MONTHS, 2);
	cadence_ok("every 1 day", CADENCE_DAYS, 1);
	cadence_ok("every 1 week", CADENCE_WEEKS, 1);
	cadence_ok("every 1 month", CADENCE_MONTHS, 1);
	cadence_ok("Every 10 Days", CADENCE_DAYS, 10);
	cadence_ok("  every   10   days  ", CADENCE_DAYS, 10);
	cadence_ok("10 days", CADENCE_DAYS, 10);
}

static void cadence__short_forms(void **state)
{
	(void)state;
	cadence_ok("10d", CADENCE_DAYS, 10);
	cadence_ok("3w", CADENCE_WEEKS, 3);
	cadence_ok("2m", CADENCE_MONTHS, 2);
	cadence_ok("10D", CADENCE_DAYS, 10);
}

static void cadence__limits_are_inclusive(void **state)
{
	(void)state;
	cadence_ok("every 366 days", CADENCE_DAYS, 366);
	cadence_ok("every 52 weeks", CADENCE_WEEKS, 52);
	cadence_ok("every 12 months", CADENCE_MONTHS, 12);
}

static void cadence__number_too_big_for_an_int_is_refused(void **state)
{
	(void)state;
	struct cadence c = {CADENCE_WEEKS, 1};
	char err[256];
	assert_int_equal(cadence_parse("every 4294967306 days", &c, err, sizeof err), -1);
	assert_non_null(strstr(err, "out of range"));
	assert_int_equal(c.unit, CADENCE_WEEKS);
	assert_int_equal(c.n, 1);
}

static void cadence__out_of_range_is_refused(void **state)
{
	(void)state;
	char err[256];
	const char *bad[] = {"every 0 days", "0d", "every 400 days", "400d", "every 367 days",
			     "every 53 weeks", "every 13 months", "every -3 days"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cadence_bad(bad[i], err, sizeof err);
		assert_contains(err, "out of range");
	}
	cadence_bad("every 400 days", err, sizeof err);
	assert_contains(err, "400");
	assert_contains(err, "366");
}

static void cadence__garbage_is_refused_with_forms(void **state)
{
	(void)state;
	char err[256];
	const char *bad[] = {"",         "   ",          "sometimes",       "every",
			     "every days", "weekly please", "10 days extra", "every 10 fortnights",
			     "d10",      "every ten days", "10",            "every 10",
			     "10x",      "weekly\x1b",      "\xff"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cadence_bad(bad[i], err, sizeof err);
		assert_contains(err, "weekly");
		assert_contains(err, "every N days");
	}
	cadence_bad(NULL, err, sizeof err);
	cadence_bad("caf\xe9", err, sizeof err);
	assert_null(strchr(err, '\xe9'));
}

static void cadence_format_is(struct cadence c, const char *want)
{
	char buf[64];
	cadence_format(&c, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static void cadence__format_prefers_named_words(void **state)
{
	(void)state;
	cadence_format_is((struct cadence){CADENCE_WEEKS, 1}, "weekly");
	/* as the full-screen interface offers it; "biweekly" also means twice a week */
	cadence_format_is((struct cadence){CADENCE_WEEKS, 2}, "every two weeks");
	cadence_format_is((struct cadence){CADENCE_MONTHS, 2}, "every two months");
	cadence_format_is((struct cadence){CADENCE_DAYS, 2}, "every two days");
	cadence_format_is((struct cadence){CADENCE_DAYS, 1}, "daily");
	cadence_format_is((struct cadence){CADENCE_MONTHS, 1}, "monthly");
	cadence_format_is((struct cadence){CADENCE_MONTHS, 3}, "quarterly");
	cadence_format_is((struct cadence){CADENCE_DAYS, 10}, "every 10 days");
	cadence_format_is((struct cadence){CADENCE_WEEKS, 3}, "every 3 weeks");
	cadence_format_is((struct cadence){CADENCE_MONTHS, 6}, "every 6 months");
	cadence_format_is(CADENCE_DEFAULT, "monthly");
}

static void cadence__format_parse_round_trip_every_value(void **state)
{
	(void)state;
	const struct {
		enum cadence_unit unit;
		int max;
	} units[] = {{CADENCE_DAYS, 366}, {CADENCE_WEEKS, 52}, {CADENCE_MONTHS, 12}};
	for (size_t u = 0; u < sizeof units / sizeof units[0]; u++) {
		for (int n = 1; n <= units[u].max; n++) {
			struct cadence c = {units[u].unit, n}, back = {CADENCE_DAYS, -1};
			char buf[64], err[256];
			cadence_format(&c, buf, sizeof buf);
			if (cadence_parse(buf, &back, err, sizeof err) != 0)
				fail_msg("'%s' did not parse back: %s", buf, err);
			assert_int_equal(back.unit, c.unit);
			assert_int_equal(back.n, c.n);
		}
	}
}

static void cadence__next_steps_days_and_weeks(void **state)
{
	(void)state;
	cx_date wed = ymd(2026, 3, 11);
	assert_date(cadence_next(&(struct cadence){CADENCE_WEEKS, 1}, wed), 2026, 3, 18);
	assert_date(cadence_next(&(struct cadence){CADENCE_WEEKS, 2}, wed), 2026, 3, 25);
	assert_date(cadence_next(&(struct cadence){CADENCE_DAYS, 10}, wed), 2026, 3, 21);
	assert_date(cadence_next(&(struct cadence){CADENCE_WEEKS, 3}, ymd(2026, 12, 20)), 2027, 1,
		    10);
}

static void cadence__next_monthly_clamps_to_month_end(void **state)
{
	(void)state;
	struct cadence monthly = {CADENCE_MONTHS, 1}, quarterly = {CADENCE_MONTHS, 3},
		       two = {CADENCE_MONTHS, 2};
	assert_date(cadence_next(&monthly, ymd(2026, 3, 11)), 2026, 4, 11);
	assert_date(cadence_next(&monthly, ymd(2026, 1, 31)), 2026, 2, 28);
	assert_date(cadence_next(&monthly, ymd(2024, 1, 31)), 2024, 2, 29);
	assert_date(cadence_next(&monthly, ymd(2026, 12, 5)), 2027, 1, 5);
	assert_date(cadence_next(&quarterly, ymd(2026, 11, 30)), 2027, 2, 28);
	assert_date(cadence_next(&two, ymd(2023, 12, 31)), 2024, 2, 29);
}

static void cadence__days_approximates_interval(void **state)
{
	(void)state;
	assert_true(cadence_days(&(struct cadence){CADENCE_DAYS, 10}) == 10.0);
	assert_true(cadence_days(&(struct cadence){CADENCE_WEEKS, 2}) == 14.0);
	double m = cadence_days(&(struct cadence){CADENCE_MONTHS, 1});
	assert_true(m > 30.0 && m < 31.0);
}

/* --- text_clean ---------------------------------------------------------- */

static char *clean_ok(const char *in, enum text_kind kind)
{
	char err[256] = "";
	char *out = text_clean(in, kind, "thing", err, sizeof err);
	if (!out)
		fail_msg("'%s' was refused: %s", in, err);
	return out;
}

static void clean_bad(const char *in, enum text_kind kind, char *err, size_t len)
{
	err[0] = '\0';
	char *out = text_clean(in, kind, "thing", err, len);
	if (out) {
		char shown[64];
		snprintf(shown, sizeof shown, "%s", out);
		free(out);
		fail_msg("text of kind %d was accepted as '%s'", (int)kind, shown);
	}
	assert_contains(err, "thing");
}

static void clean_is(const char *in, enum text_kind kind, const char *want)
{
	char *out = clean_ok(in, kind);
	assert_string_equal(out, want);
	free(out);
}

static const enum text_kind all_kinds[] = {TEXT_NAME, TEXT_SHORT, TEXT_LONG};
static const size_t kind_max[] = {[TEXT_NAME] = TEXT_MAX_NAME, [TEXT_SHORT] = TEXT_MAX_SHORT,
				  [TEXT_LONG] = TEXT_MAX_LONG};

static void clean__trims_surrounding_white_space(void **state)
{
	(void)state;
	for (size_t i = 0; i < 3; i++) {
		clean_is("  Sales \t", all_kinds[i], "Sales");
		clean_is("\r\n Customer  Service \r\n", all_kinds[i], "Customer  Service");
		clean_is("x", all_kinds[i], "x");
	}
	clean_is("\n\n  line one\n  line two\n\n", TEXT_LONG, "line one\n  line two");
}

static void clean__keeps_non_ascii_text(void **state)
{
	(void)state;
	clean_is("Zoë Ångström", TEXT_NAME, "Zoë Ångström");
	clean_is("王芳", TEXT_NAME, "王芳");
	clean_is("Ship it \xf0\x9f\x98\x80", TEXT_SHORT, "Ship it \xf0\x9f\x98\x80");
}

/* A decomposed 'e' + U+0301 is stored as the one character U+00E9 (NFC), so
 * that the same name typed on two keyboards is the same name. */
static void clean__refuses_bidi_overrides(void **state)
{
	(void)state;
	char err[256];
	char *c = text_clean("invoice \xe2\x80\xae" "fdp.exe", TEXT_NAME, "name", err, sizeof err);
	assert_null(c);
	assert_non_null(strstr(err, "U+202E"));
	c = text_clean("a \xe2\x81\xa6" "b", TEXT_LONG, "detail", err, sizeof err);
	assert_null(c);
	/* The marks too: U+200E and U+200F, in every kind of text. */
	static const char *const marks[][2] = {{"left\xe2\x80\x8emark", "U+200E"},
					       {"right\xe2\x80\x8fmark", "U+200F"}};
	for (size_t k = 0; k < 3; k++)
		for (size_t i = 0; i < 2; i++) {
			assert_null(text_clean(marks[i][0], all_kinds[k], "name", err, sizeof err));
			assert_non_null(strstr(err, marks[i][1]));
		}
}

#define FFFD "\xef\xbf\xbd"

/* The output side of the rule: every unsafe character and every byte that is
 * not UTF-8 becomes U+FFFD; newline, tab and safe text pass unchanged. */
static void text__printable_replaces_every_unsafe_character(void **state)
{
	(void)state;
	static const uint32_t unsafe[] = {0x00 + 1, 0x07, 0x0d, 0x1b, 0x1f, 0x7f, 0x80, 0x85,
					  0x9b, 0x9f, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a,
					  0x202e, 0x2066, 0x2069};
	for (size_t i = 0; i < sizeof unsafe / sizeof unsafe[0]; i++)
		assert_true(text_is_unsafe(unsafe[i]));
	static const uint32_t safe[] = {'\n', '\t', ' ', '~', 0xa0, 0xe9, 0x200d, 0x2030,
					0x2065, 0x206a, 0xfffd, 0x1f600};
	for (size_t i = 0; i < sizeof safe / sizeof safe[0]; i++)
		assert_false(text_is_unsafe(safe[i]));
	char *p = text_printable("a\x1b[31m\a\rb\xc2\x9b\xe2\x80\xae\xe2\x81\xa6\xe2\x80\x8e"
				 "\xff\xe2\x80 \r\nz\t\xc3\xa9");
	assert_string_equal(p, "a" FFFD "[31m" FFFD FFFD "b" FFFD FFFD FFFD FFFD FFFD FFFD FFFD
			       " \nz\t\xc3\xa9");
	free(p);
	p = text_printable_line("one\ntwo\tthree");
	assert_string_equal(p, "one two three");
	free(p);
	assert_true(text_is_safe("Zo\xc3\xab \xe6\x97\xa5\n\t", 10));
	assert_false(text_is_safe("\xe2\x80\x8f", 3));
	assert_false(text_is_safe("a\r\n", 3));
}

/* What text_is_safe and text_is_safe_crlf answer, a character at a time. */
static bool safe_by_character(const char *s, size_t len, bool crlf)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		if (crlf && p[i] == '\r' && i + 1 < len && p[i + 1] == '\n') {
			i += 2;
			continue;
		}
		size_t n = text_utf8_next(p + i, len - i, &cp);
		if (n == 0 || text_is_unsafe(cp))
			return false;
		i += n;
	}
	return true;
}

static void append_byte(struct strbuf *sb, uint32_t cp, const char *bytes, size_t n)
{
	(void)cp;
	sb_addn(sb, bytes, n);
}

/* A database path shown as a command to copy: quoted only when it must be. */
static void text__shell_word_quotes_only_what_needs_it(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{"/home/ana/cxmeet.db", "/home/ana/cxmeet.db"},
		{"postgresql://db.example.com:5432/cx", "postgresql://db.example.com:5432/cx"},
		{"/tmp/my file.db", "'/tmp/my file.db'"},
		{"service=cx council", "'service=cx council'"},
		{"it's.db", "'it'\\''s.db'"},
		{"$(rm -rf ~)", "'$(rm -rf ~)'"},
		{"", "''"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *w = text_shell_word(cases[i][0]);
		assert_string_equal(w, cases[i][1]);
		free(w);
	}
}

/* The path the presenter's command names is one any folder reads alike. */
static void file__path_absolute_from_any_folder(void **state)
{
	(void)state;
	char *cwd = getcwd(NULL, 0);
	char dir[] = "/tmp/cxmeet-abs.XXXXXX";
	assert_non_null(mkdtemp(dir));
	assert_int_equal(chdir(dir), 0);
	FILE *f = fopen("t.db", "w");
	assert_non_null(f);
	fclose(f);
	char *want = xasprintf("%s/t.db", dir);
	char *got = file_path_absolute("t.db");
	char *real_want = realpath(want, NULL);
	assert_string_equal(got, real_want);
	free(got);
	got = file_path_absolute("./t.db");
	assert_string_equal(got, real_want);
	free(got);
	/* as given: from the root already, a server, a file not there */
	got = file_path_absolute("/x/y.db");
	assert_string_equal(got, "/x/y.db");
	free(got);
	got = file_path_absolute("postgresql://h/cx");
	assert_string_equal(got, "postgresql://h/cx");
	free(got);
	got = file_path_absolute("gone.db");
	assert_string_equal(got, "gone.db");
	free(got);
	remove("t.db");
	assert_int_equal(chdir(cwd), 0);
	rmdir(dir);
	free(real_want);
	free(want);
	free(cwd);
}

/* The checks that read printable ASCII eight bytes at a time give the
 * answers (and text_printable the bytes) of a character at a time, with
 * anything hostile at every place of a run of every length around a word:
 * quotes, controls, DEL, CR and CRLF, C1, bidi and line separators, invalid
 * and cut UTF-8, a byte with its high bit set. */

static void text__word_checks_agree_with_a_character_at_a_time(void **state)
{
	(void)state;
	static const char *const hostile[] = {
		"\"", "\\", "\n", "\t", "\r", "\r\n", "\x7f", "\x1b[2J", "\x01", "\x1f",
		"\xc2\x85", "\xc2\x9b", "\xe2\x80\xae", "\xe2\x81\xa6", "\xe2\x80\xa8",
		"\xe2\x80\x8f", "\xef\xbf\xbd", "\xc3\xa9", "\xe6\x97\xa5", "\xf0\x9f\x98\x80",
		"\xff", "\x80", "\xc3", "\xe2\x80", "\xed\xa0\x80", "\xc0\xaf", " ", "~",
	};
	char buf[64];
	for (size_t h = 0; h < sizeof hostile / sizeof hostile[0]; h++) {
		size_t hl = strlen(hostile[h]);
		for (size_t len = 0; len <= 24; len++)
			for (size_t at = 0; at <= len; at++) {
				for (size_t i = 0; i < len; i++)
					buf[i] = (char)('!' + (i * 7 + len) % 94); /* 0x21..0x7e */
				memmove(buf + at + hl, buf + at, len - at);
				memcpy(buf + at, hostile[h], hl);
				size_t n = len + hl;
				buf[n] = '\0';
				size_t ascii = 0;
				while (ascii < n && (unsigned char)buf[ascii] >= 0x20 &&
				       (unsigned char)buf[ascii] < 0x7f)
					ascii++;
				assert_int_equal(text_printable_ascii(buf, n), ascii);
				assert_int_equal(text_is_safe(buf, n), safe_by_character(buf, n, false));
				assert_int_equal(text_is_safe_crlf(buf, n),
						 safe_by_character(buf, n, true));
				struct strbuf want;
				sb_init(&want);
				text_map(&want, buf, append_byte);
				char *got = text_printable(buf);
				assert_string_equal(got, want.s ? want.s : "");
				free(got);
				sb_free(&want);
			}
	}
}

/* The guard sees output in pieces: a character or a CRLF cut between two
 * writes is held back, not replaced; CRLF line ends stay; a lone CR goes. */
static void text__guard_holds_a_character_cut_between_writes(void **state)
{
	(void)state;
	const char *whole = "a,b\r\n\xc3\xa9\xe2\x80\xae\x1b" "c\r\xf0\x9f\x98\x80\r";
	size_t len = strlen(whole);
	for (size_t cut = 0; cut <= len; cut++)
		for (size_t cut2 = cut; cut2 <= len; cut2++) {
			struct text_guard g = {0};
			struct strbuf sb;
			sb_init(&sb);
			text_guard_feed(&g, whole, cut, &sb);
			text_guard_feed(&g, whole + cut, cut2 - cut, &sb);
			text_guard_feed(&g, whole + cut2, len - cut2, &sb);
			text_guard_end(&g, &sb);
			assert_string_equal(sb.s, "a,b\r\n\xc3\xa9" FFFD FFFD "c" FFFD
						  "\xf0\x9f\x98\x80" FFFD);
			sb_free(&sb);
		}
}

/* Found by the hostile-input table: invisible names and look-alikes. */
static void clean__invisible_and_unicode_space_names_are_empty(void **state)
{
	(void)state;
	char err[256];
	assert_null(text_clean("\xe2\x80\x8b", TEXT_NAME, "name", err, sizeof err)); /* ZWSP */
	assert_non_null(strstr(err, "is empty"));
	assert_null(text_clean("\xc2\xa0", TEXT_NAME, "name", err, sizeof err));       /* NBSP */
	assert_null(text_clean("\xe3\x80\x80 \t", TEXT_NAME, "name", err, sizeof err)); /* U+3000 */
	clean_is("\xc2\xa0Sales\xe3\x80\x80", TEXT_NAME, "Sales");
	clean_is("Sa\xe2\x80\x8bles", TEXT_NAME, "Sales");
	/* The joiner inside an emoji sequence stays. */
	clean_is("\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb", TEXT_NAME,
		 "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb");
	/* A tab inside one-line text is still refused; at the ends it is trimmed. */
	assert_null(text_clean("a\tb", TEXT_NAME, "name", err, sizeof err));
	clean_is("\tab\n", TEXT_NAME, "ab");
}

static void clean__normalises_to_nfc(void **state)
{
	(void)state;
	clean_is("e\xcc\x81", TEXT_NAME, "\xc3\xa9");
	clean_is("Jose\xcc\x81 Nu\xcc\x81" "n\xcc\x83" "ez", TEXT_NAME, "Jos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez");
}


static void clean__empty_is_refused(void **state)
{
	(void)state;
	char err[256];
	for (size_t i = 0; i < 3; i++) {
		clean_bad("", all_kinds[i], err, sizeof err);
		assert_contains(err, "empty");
		clean_bad(" \t\r\n ", all_kinds[i], err, sizeof err);
		assert_contains(err, "empty");
		clean_bad(NULL, all_kinds[i], err, sizeof err);
		assert_contains(err, "empty");
	}
}

static void clean__too_long_for_each_kind(void **state)
{
	(void)state;
	char err[256];
	for (size_t i = 0; i < 3; i++) {
		enum text_kind k = all_kinds[i];
		size_t max = kind_max[k];
		char *s = malloc(max + 8);
		assert_non_null(s);
		/* exactly the limit, even with white space around it */
		s[0] = ' ';
		memset(s + 1, 'a', max);
		s[max + 1] = ' ';
		s[max + 2] = '\0';
		char *out = clean_ok(s, k);
		assert_int_equal(strlen(out), max);
		free(out);
		/* one byte over */
		memset(s, 'a', max + 1);
		s[max + 1] = '\0';
		clean_bad(s, k, err, sizeof err);
		assert_contains(err, "too long");
		char num[32];
		snprintf(num, sizeof num, "%zu", max);
		assert_contains(err, num);
		free(s);
	}
}

static void clean__limit_counts_bytes_not_characters(void **state)
{
	(void)state;
	char err[256];
	/* 101 two-byte characters: 202 bytes, over the 200-byte name limit */
	char s[2 * 101 + 1];
	for (int i = 0; i < 101; i++)
		memcpy(s + 2 * i, "\xc3\xa9", 2);
	s[sizeof s - 1] = '\0';
	clean_bad(s, TEXT_NAME, err, sizeof err);
	assert_contains(err, "too long");
	s[200] = '\0';
	char *out = clean_ok(s, TEXT_NAME);
	free(out);
}

static void clean__invalid_utf8_is_refused(void **state)
{
	(void)state;
	char err[256];
	const char *bad[] = {
		"caf\xe9",              /* Latin-1 */
		"\xc0\xaf",             /* overlong '/' */
		"\xe0\x80\xaf",         /* overlong, three bytes */
		"\xed\xa0\x80",         /* surrogate U+D800 */
		"abc\xe2\x82",          /* truncated sequence */
		"\xf4\x90\x80\x80",     /* past U+10FFFF */
		"\x80",                 /* lone continuation byte */
		"\xf8\x88\x80\x80\x80", /* five-byte form */
		"\xff",
	};
	for (size_t k = 0; k < 3; k++) {
		for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			clean_bad(bad[i], all_kinds[k], err, sizeof err);
			assert_contains(err, "UTF-8");
		}
	}
	clean_bad("ab\xff", TEXT_NAME, err, sizeof err);
	assert_contains(err, "byte 3");
}

static void clean__control_characters_are_refused_in_every_kind(void **state)
{
	(void)state;
	char err[256];
	const struct {
		const char *s;
		const char *code;
	} bad[] = {
		{"red \x1b[31m alert", "U+001B"},
		{"bell\a", "U+0007"},
		{"back\bspace", "U+0008"},
		{"del\x7f", "U+007F"},
		{"nel \xc2\x85 here", "U+0085"}, /* C1 NEXT LINE */
		{"csi \xc2\x9b" "2J", "U+009B"}, /* C1 CSI */
		{"line\xe2\x80\xa8sep", "U+2028"},
		{"para\xe2\x80\xa9sep", "U+2029"},
		{"form\ffeed", "U+000C"},
	};
	for (size_t k = 0; k < 3; k++) {
		for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			clean_bad(bad[i].s, all_kinds[k], err, sizeof err);
			assert_contains(err, "control character");
			assert_contains(err, bad[i].code);
		}
	}
}

static void clean__newline_and_tab_only_in_long_text(void **state)
{
	(void)state;
	char err[256];
	clean_bad("one\ntwo", TEXT_NAME, err, sizeof err);
	assert_contains(err, "U+000A");
	assert_contains(err, "one line");
	clean_bad("one\ntwo", TEXT_SHORT, err, sizeof err);
	assert_contains(err, "U+000A");
	clean_bad("one\ttwo", TEXT_NAME, err, sizeof err);
	assert_contains(err, "U+0009");
	clean_bad("one\ttwo", TEXT_SHORT, err, sizeof err);
	clean_bad("one\rtwo", TEXT_NAME, err, sizeof err);
	assert_contains(err, "U+000D");
	clean_is("one\ntwo", TEXT_LONG, "one\ntwo");
	clean_is("one\ttwo", TEXT_LONG, "one\ttwo");
	clean_is("one\n\ntwo", TEXT_LONG, "one\n\ntwo");
}

static void clean__crlf_normalised_in_long_text(void **state)
{
	(void)state;
	clean_is("one\r\ntwo\r\n\r\nthree\r\n", TEXT_LONG, "one\ntwo\n\nthree");
	clean_is("a\r\nb", TEXT_LONG, "a\nb");
}

static void valid_utf8__accepts_text_and_refuses_broken_bytes(void **state)
{
	(void)state;
	assert_true(text_valid_utf8("", 0));
	assert_true(text_valid_utf8("Zoë", strlen("Zoë")));
	assert_true(text_valid_utf8("\xf4\x8f\xbf\xbf", 4)); /* U+10FFFF */
	assert_false(text_valid_utf8("\xc3", 1));
	assert_false(text_valid_utf8("\xed\xbf\xbf", 3));
	/* the length, not a NUL, bounds the check */
	assert_true(text_valid_utf8("ab\xff", 2));
	assert_false(text_valid_utf8("ab\xff", 3));
}

/* --- text_fold, text_ieq, text_width ------------------------------------- */

static void fold_is(const char *in, const char *want)
{
	char *f = text_fold(in);
	assert_string_equal(f, want);
	free(f);
}

static void fold__unicode_case_folds_to_the_same_key(void **state)
{
	(void)state;
	char *a = text_fold("Zoë ÅNGSTRÖM");
	char *b = text_fold("zoë ångström");
	assert_string_equal(a, b);
	assert_string_equal(a, "zoë ångström");
	free(a);
	free(b);
	fold_is("ΑΘΗΝΑ", "αθηνα");
	fold_is("IT", "it");
}

static void fold__collapses_and_trims_white_space(void **state)
{
	(void)state;
	fold_is("  Zoë \t  ÅNGSTRÖM \n", "zoë ångström");
	fold_is("Customer\n\nService", "customer service");
	fold_is("   ", "");
	fold_is("", "");
	fold_is(NULL, "");
}

static void fold__matches_composed_and_decomposed_and_full_case(void **state)
{
	(void)state;
	fold_is("Jose\xcc\x81", "jos\xc3\xa9");
	fold_is("JOS\xc3\x89", "jos\xc3\xa9");
	fold_is("Stra\xc3\x9f" "e", "strasse");
	fold_is("STRASSE", "strasse");
}

static void fold__ignores_zero_width_and_unicode_spaces(void **state)
{
	(void)state;
	fold_is("Sales\xe2\x80\x8b", "sales");
	fold_is("Customer\xc2\xa0Service", "customer service");
}

/* Found by fuzzing: a zero-width space between a letter and its accent. */
static void fold__folding_a_key_again_changes_nothing(void **state)
{
	(void)state;
	const char *in = "e\xe2\x80\x8b\xcc\x81 \xef\xac\x81 \xc3\x9f";
	char *once = text_fold(in);
	char *twice = text_fold(once);
	assert_string_equal(once, twice);
	free(once);
	free(twice);
}

static void fold__keeps_invalid_bytes_so_they_never_match(void **state)
{
	(void)state;
	fold_is("A\xff" "B", "a\xff" "b");
}

static void ieq__ascii_case_insensitive_whole_word(void **state)
{
	(void)state;
	assert_true(text_ieq("WEEKLY", "weekly"));
	assert_true(text_ieq("", ""));
	assert_false(text_ieq("week", "weekly"));
	assert_false(text_ieq("weekly", "week"));
	assert_false(text_ieq("Ö", "ö"));
}

static void width__counts_terminal_columns(void **state)
{
	(void)state;
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width(NULL), 0);
	assert_int_equal(text_width("Zoë"), 3);
	assert_int_equal(text_width("王芳"), 4);
	assert_int_equal(text_width("e\xcc\x81"), 1);
	assert_int_equal(text_width("\xf0\x9f\x98\x80"), 2);
	assert_int_equal(text_width("a王\xf0\x9f\x98\x80" "e\xcc\x81"), 6);
	assert_int_equal(text_width("a\xff" "b"), 3);
}

#define ZWJ_DEV "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb" /* woman, ZWJ, laptop */
#define FLAG_FR "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7"		/* regional F, R */

static void width__clusters_count_as_drawn(void **state)
{
	(void)state;
	assert_int_equal(text_width(ZWJ_DEV), 2); /* one cluster, not 2 + 0 + 2 */
	assert_int_equal(text_width("Ana " ZWJ_DEV " Ruiz"), 11);
	assert_int_equal(text_width(FLAG_FR), 2);
	assert_int_equal(text_width(FLAG_FR FLAG_FR), 4);
	assert_int_equal(text_width("\xe2\x9d\xa4\xef\xb8\x8f"), 1); /* heart, VS16 */
	assert_int_equal(text_width("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"), 2); /* thumb, tone */
	assert_int_equal(text_width("a\xcc\x81\xcc\x82\xcc\x83"), 1);	     /* marks on a */
	assert_int_equal(text_width("\xed\xa0\x80"), 3); /* a surrogate: three bad bytes */
	assert_int_equal(text_width("\xc0\xaf"), 2);	 /* an overlong form */
	assert_int_equal(text_width("a\xe2\x80\xae" "b"), 3); /* an override: shown, one column */
}

static void cluster__never_split(void **state)
{
	(void)state;
	int cols;
	const char *s = ZWJ_DEV "x";
	assert_int_equal(text_cluster(s, strlen(s), &cols), 11);
	assert_int_equal(cols, 2);
	s = FLAG_FR FLAG_FR;
	assert_int_equal(text_cluster(s, strlen(s), &cols), 8);
	assert_int_equal(cols, 2);
	s = "e\xcc\x81" "f";
	assert_int_equal(text_cluster(s, strlen(s), &cols), 3);
	assert_int_equal(cols, 1);
	s = "\xff" "a";
	assert_int_equal(text_cluster(s, strlen(s), &cols), 1);
	assert_int_equal(cols, 1);
	assert_int_equal(text_cluster("", 0, &cols), 0);
	/* Drawn: the first emoji of a joined sequence, marks on their base,
	 * bad bytes and unsafe characters as U+FFFD, tab as a space. */
	struct text_cell c[4];
	s = ZWJ_DEV;
	text_cluster_cells(s, strlen(s), c, 4, &cols);
	assert_int_equal(c[0].n, 1);
	assert_int_equal(c[0].cp[0], 0x1f469);
	assert_int_equal(c[0].cols, 2);
	s = "e\xcc\x81";
	text_cluster_cells(s, strlen(s), c, 4, &cols);
	assert_int_equal(c[0].n, 2);
	assert_int_equal(c[0].cp[1], 0x301);
	s = FLAG_FR;
	text_cluster_cells(s, strlen(s), c, 4, &cols);
	assert_int_equal(c[0].cp[0], 0x1f1eb);
	assert_int_equal(c[1].cp[0], 0x1f1f7);
	assert_int_equal(cols, 2);
	text_cluster_cells("\xc2\x85", 2, c, 4, &cols);
	assert_int_equal(c[0].cp[0], 0xfffd);
	text_cluster_cells("\t", 1, c, 4, &cols);
	assert_int_equal(c[0].cp[0], ' ');
}

/* The editors' clusters, in wide characters: where each starts and ends, its
 * columns and cells are those of the same text in UTF-8; the start of the
 * cluster before a place, found from a boundary near it, is the one a walk
 * from the start of the text finds. */
static void cluster__wide_characters_alike(void **state)
{
	(void)state;
	static const wchar_t *texts[] = {
		L"Ana \U0001F469\u200d\U0001F4BB Ruiz",
		L"\U0001F1EB\U0001F1F7\U0001F1E9\U0001F1EA\U0001F1EB", /* FR DE and a lone F */
		L"Jose\u0301 e\u0301\u0302 \u0301x",		   /* marks, one on a space */
		L"\u738b\u82b3 \uac00\u11a8\u1100\u1161 \ud55c\uad6d", /* CJK, jamo, syllables */
		L"\u0600\u0661\u0662 \u0915\u094d\u0937",	   /* prepended, a conjunct */
		L"\U0001F44D\U0001F3FD ok \u2764\ufe0f",	   /* a skin tone, VS16 */
		L"\u043f\u0440\u0438\u0432\u0435\u0442\u0483 \u00e9t\u00e9",
	};
	for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
		const wchar_t *w = texts[t];
		size_t len = wcslen(w);
		char u8[256];
		size_t at8[64]; /* the byte where each wide character starts */
		size_t n8 = 0;
		for (size_t i = 0; i <= len; i++) {
			at8[i] = n8;
			if (i < len) {
				mbstate_t ps;
				memset(&ps, 0, sizeof ps);
				n8 += wcrtomb(u8 + n8, w[i], &ps);
			}
		}
		bool boundary[64] = {true};
		for (size_t i = 0; i < len;) {
			struct text_cell wc[4] = {{{0}, 0, 0}}, uc[4] = {{{0}, 0, 0}};
			int wcols, ucols;
			size_t e = text_wcs_cluster_cells(w, len, i, wc, 4, &wcols);
			size_t e8 = text_cluster_cells(u8 + at8[i], n8 - at8[i], uc, 4, &ucols);
			assert_int_equal(e, text_wcs_cluster_end(w, len, i));
			assert_int_equal(at8[e], at8[i] + e8);
			assert_int_equal(wcols, ucols);
			assert_memory_equal(wc, uc, sizeof wc);
			boundary[e] = true;
			i = e;
		}
		for (size_t at = 1; at <= len; at++) {
			size_t want = at - 1;
			while (!boundary[want])
				want--;
			assert_int_equal(text_wcs_cluster_start(w, len, at), want);
		}
		assert_int_equal(text_wcs_cluster_start(w, len, 0), 0);
	}
	int cols;
	assert_int_equal(text_wcs_cluster_cells(L"ab", 2, 2, NULL, 0, &cols), 2);
	assert_int_equal(cols, 0);
	/* a long text: the start before its end is found near its end */
	size_t big = 200000;
	wchar_t *w = malloc(big * sizeof *w);
	for (size_t i = 0; i < big; i++)
		w[i] = i % 2 ? 0x0439 : 0x738b; /* Cyrillic and CJK, no ASCII */
	clock_t start = clock();
	for (int k = 0; k < 20000; k++)
		assert_int_equal(text_wcs_cluster_start(w, big, big), big - 1);
	double cpu = (double)(clock() - start) / CLOCKS_PER_SEC;
	if (cpu > 1.0)
		fail_msg("20,000 starts at the end of a long text took %.2f s", cpu);
	free(w);
}

static void fit__cuts_between_clusters(void **state)
{
	(void)state;
	const char *s = "Ana " ZWJ_DEV " Ruiz";
	int used;
	assert_int_equal(text_fit(s, strlen(s), 5, &used), 4); /* the emoji does not fit */
	assert_int_equal(used, 4);
	assert_int_equal(text_fit(s, strlen(s), 6, &used), 15);
	assert_int_equal(used, 6);
	s = "王芳";
	assert_int_equal(text_fit(s, strlen(s), 3, &used), 3);
	assert_int_equal(used, 2);
	s = "e\xcc\x81" "e\xcc\x81";
	assert_int_equal(text_fit(s, strlen(s), 1, &used), 3);
	assert_int_equal(text_fit(s, strlen(s), 0, &used), 0);
	/* The strict decoder: surrogates and overlong forms are not UTF-8. */
	uint32_t cp;
	assert_int_equal(text_utf8_next((const unsigned char *)"\xed\xa0\x80", 3, &cp), 0);
	assert_int_equal(text_utf8_next((const unsigned char *)"\xc0\xaf", 2, &cp), 0);
	assert_int_equal(text_utf8_next((const unsigned char *)"\xf4\x90\x80\x80", 4, &cp), 0);
	assert_int_equal(text_utf8_next((const unsigned char *)"\xf0\x9f\x98", 3, &cp), 0);
	assert_int_equal(text_utf8_next((const unsigned char *)"\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1f600);
}

/* Rows of text: where each ends, by text_row_end, as the screens wrap. */
static char *rows_of(const char *s, int width)
{
	struct strbuf out;
	sb_init(&out);
	size_t len = strlen(s);
	while (len > 0) {
		size_t n = text_row_end(s, len, width);
		sb_addf(&out, "%s%.*s", out.len ? "|" : "", (int)n, s);
		s += n, len -= n;
		while (len > 0 && *s == ' ')
			s++, len--;
	}
	return out.s ? out.s : xstrdup("");
}

static void row_end__breaks_by_uax14(void **state)
{
	(void)state;
	struct {
		const char *text;
		int width;
		const char *rows;
	} cases[] = {
		{"the quick brown fox", 10, "the quick |brown fox"},
		/* A word that ends at the edge goes to the next row, as before. */
		{"the quick brown fox", 9, "the |quick |brown fox"},
		{"well-known issue", 8, "well-|known |issue"},
		{"abcdefghij", 4, "abcd|efgh|ij"}, /* a long word is cut */
		{"顧客の声を聞く", 6, "顧客の|声を聞|く"},
		{"中文。中文", 6, "中文。|中文"}, /* no row starts with 。 */
		{"Ana " ZWJ_DEV " Ruiz", 5, "Ana |" ZWJ_DEV " |Ruiz"},
		{ZWJ_DEV ZWJ_DEV, 3, ZWJ_DEV "|" ZWJ_DEV},
		{ZWJ_DEV, 1, ZWJ_DEV}, /* wider than the row: alone, not split */
		{"e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2, "e\xcc\x81" "e\xcc\x81|e\xcc\x81"},
		{"fits", 4, "fits"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *rows = rows_of(cases[i].text, cases[i].width);
		if (strcmp(rows, cases[i].rows) != 0)
			fail_msg("%s at %d: got '%s', want '%s'", cases[i].text, cases[i].width,
				 rows, cases[i].rows);
		free(rows);
	}
}

/* --- model name tables --------------------------------------------------- */

/* Every value's name parses back to it, in any case; names are distinct. */
static void check_table(const char *what, int count, const char *(*name)(int),
			int (*parse)(const char *))
{
	for (int i = 0; i < count; i++) {
		const char *n = name(i);
		assert_non_null(n);
		if (strcmp(n, "?") == 0 || n[0] == '\0')
			fail_msg("%s %d has no name", what, i);
		if (parse(n) != i)
			fail_msg("%s '%s' parses to %d, not %d", what, n, parse(n), i);
		char upper[64];
		size_t len = strlen(n);
		assert_true(len < sizeof upper);
		for (size_t j = 0; j <= len; j++)
			upper[j] = (n[j] >= 'a' && n[j] <= 'z') ? (char)(n[j] - 32) : n[j];
		assert_int_equal(parse(upper), i);
		for (int j = 0; j < i; j++)
			assert_string_not_equal(name(j), n);
	}
	assert_string_equal(name(count), "?");
	assert_string_equal(name(-1), "?");
	assert_int_equal(parse("no-such-name"), -1);
	assert_int_equal(parse(""), -1);
	assert_int_equal(parse(NULL), -1);
}

/* Adapters from the enum-typed functions to int-typed ones. */
#define ADAPT(fn, type) \
	static const char *fn##_i(int v) { return fn((type)v); }
ADAPT(item_kind_name, enum item_kind)
ADAPT(item_status_name, enum item_status)
ADAPT(role_name, enum role)
ADAPT(event_kind_name, enum event_kind)
ADAPT(link_kind_name, enum link_kind)
ADAPT(meeting_status_name, enum meeting_status)
ADAPT(org_text_name, enum org_text)

static void model__item_kinds_round_trip(void **state)
{
	(void)state;
	check_table("item kind", ITEM_KIND_COUNT, item_kind_name_i, item_kind_parse);
	assert_string_equal(item_kind_name(ITEM_DECISION), "decision");
	assert_string_equal(item_kind_name(ITEM_PARKED), "parked");
}

static void model__item_kind_accepts_its_labels(void **state)
{
	(void)state;
	assert_int_equal(item_kind_parse("parked topic"), ITEM_PARKED);
	assert_int_equal(item_kind_parse("Parked Topic"), ITEM_PARKED);
	assert_int_equal(item_kind_parse("topic"), ITEM_TOPIC);
	assert_int_equal(item_kind_parse("Talking point"), ITEM_TOPIC);
	assert_int_equal(item_kind_parse("message"), ITEM_MESSAGE);
	assert_string_equal(item_kind_label(ITEM_PARKED), "parked topic");
	assert_string_equal(item_kind_label(ITEM_ACTION), "action");
	for (int k = 0; k < ITEM_KIND_COUNT; k++)
		assert_string_not_equal(item_kind_label((enum item_kind)k), "?");
	assert_string_equal(item_kind_label(ITEM_KIND_COUNT), "?");
}

static void model__roles_round_trip(void **state)
{
	(void)state;
	check_table("role", ROLE_COUNT, role_name_i, role_parse);
	assert_string_equal(role_name(ROLE_CHAMPION), "champion");
}

static void model__events_round_trip(void **state)
{
	(void)state;
	check_table("event", EVENT_KIND_COUNT, event_kind_name_i, event_kind_parse);
	assert_string_equal(event_kind_name(EVENT_DUE_MOVED), "due_moved");
}

static void model__statuses_round_trip(void **state)
{
	(void)state;
	check_table("item status", STATUS_COUNT, item_status_name_i, item_status_parse);
	check_table("meeting status", MEETING_STATUS_COUNT, meeting_status_name_i,
		    meeting_status_parse);
	assert_string_equal(meeting_status_name(MEETING_IN_PROGRESS), "in_progress");
}

static void model__links_round_trip(void **state)
{
	(void)state;
	check_table("link", LINK_KIND_COUNT, link_kind_name_i, link_kind_parse);
}

static void model__org_texts_round_trip_with_labels_and_questions(void **state)
{
	(void)state;
	check_table("org text", ORG_TEXT_COUNT, org_text_name_i, org_text_parse);
	assert_string_equal(org_text_name(ORG_VISION), "vision");
	assert_string_equal(org_text_label(ORG_MISSION), "CX mission");
	assert_int_equal(CHARTER_FIRST + CHARTER_COUNT, ORG_TEXT_COUNT);
	for (int t = 0; t < ORG_TEXT_COUNT; t++) {
		assert_string_not_equal(org_text_label((enum org_text)t), "?");
		const char *q = org_text_question((enum org_text)t);
		assert_true(strlen(q) > 1 && q[strlen(q) - 1] == '?');
	}
	assert_string_equal(org_text_label(ORG_TEXT_COUNT), "?");
	assert_string_equal(org_text_question(ORG_TEXT_COUNT), "?");
}

/* --- agenda templates ---------------------------------------------------- */

static void agenda_ok(const char *text, struct agenda_template *t)
{
	char err[512] = "";
	if (agenda_parse(text, t, err, sizeof err) != 0)
		fail_msg("agenda refused: %s", err);
}

/* Expects a refusal reported on `line`, with `what` in the message. */
static void agenda_bad(const char *text, int line, const char *what)
{
	char err[512] = "";
	struct agenda_template t;
	if (agenda_parse(text, &t, err, sizeof err) == 0) {
		agenda_free(&t);
		fail_msg("agenda accepted:\n%s", text);
	}
	assert_line(err, line);
	assert_contains(err, what);
	/* a refused parse leaves nothing to free */
	assert_null(t.name);
	assert_null(t.steps);
	assert_int_equal(t.n_steps, 0);
}

static void assert_same_template(const struct agenda_template *a,
				 const struct agenda_template *b)
{
	assert_string_equal(a->name, b->name);
	assert_int_equal(a->n_steps, b->n_steps);
	for (size_t i = 0; i < a->n_steps; i++) {
		assert_string_equal(a->steps[i].title, b->steps[i].title);
		assert_int_equal(a->steps[i].kind, b->steps[i].kind);
		assert_int_equal(a->steps[i].minutes, b->steps[i].minutes);
		assert_string_equal(a->steps[i].prompt, b->steps[i].prompt);
	}
}

static void step_kind__names_round_trip(void **state)
{
	(void)state;
	for (int k = 0; k < STEP_KIND_COUNT; k++)
		assert_int_equal(step_kind_parse(step_kind_name((enum step_kind)k)), k);
	assert_int_equal(step_kind_parse("ROLL-CALL"), STEP_ROLL_CALL);
	assert_int_equal(step_kind_parse("dance"), -1);
	assert_int_equal(step_kind_parse(NULL), -1);
}

static void agenda__standard_has_ten_steps(void **state)
{
	(void)state;
	struct agenda_template t;
	agenda_ok(data_agenda_standard, &t);
	assert_string_equal(t.name, "Standard council meeting");
	assert_int_equal(t.n_steps, 10);
	assert_int_equal(t.steps[0].kind, STEP_ROLL_CALL);
	assert_int_equal(t.steps[0].minutes, 3);
	assert_string_equal(t.steps[0].title, "Welcome & roll call");
	assert_int_equal(t.steps[3].kind, STEP_ACTION_REVIEW);
	assert_int_equal(t.steps[4].kind, STEP_INITIATIVES); /* right after the action review */
	assert_int_equal(t.steps[9].kind, STEP_WRAP_UP);
	assert_string_equal(t.steps[9].title, "Wrap-up");
	int total = 0;
	for (size_t i = 0; i < t.n_steps; i++) {
		total += t.steps[i].minutes;
		assert_true(t.steps[i].prompt[0] != '\0');
		assert_null(strchr(t.steps[i].prompt, '\n'));
	}
	assert_int_equal(total, 70);
	/* prompt lines of one paragraph join with a single space */
	assert_string_equal(t.steps[0].prompt,
			    "Who is here, by department? Departments with nobody in the room are "
			    "shown: ask who will brief them.");
	agenda_free(&t);
}

static void agenda__render_then_parse_gives_the_same_template(void **state)
{
	(void)state;
	struct agenda_template a, b, c;
	agenda_ok(data_agenda_standard, &a);
	char *text = agenda_render(&a);
	agenda_ok(text, &b);
	assert_same_template(&a, &b);
	char *again = agenda_render(&b);
	assert_string_equal(text, again);
	free(text);
	free(again);
	agenda_free(&a);
	agenda_free(&b);

	/* several paragraphs, an empty prompt, zero minutes, a topic step */
	agenda_ok("template Short one\n"
		  "step 0 topic Open floor\n"
		  "step 5 story A story\n"
		  "  First paragraph,\n"
		  "  still first.\n"
		  "\n"
		  "  Second paragraph.\n"
		  "step 240 wrap-up Close \xe2\x80\x94 Zoë\n",
		  &a);
	assert_string_equal(a.steps[0].prompt, "");
	assert_string_equal(a.steps[1].prompt, "First paragraph, still first.\nSecond paragraph.");
	text = agenda_render(&a);
	agenda_ok(text, &c);
	assert_same_template(&a, &c);
	free(text);
	agenda_free(&a);
	agenda_free(&c);
}

static void agenda__comments_crlf_and_tabs_are_accepted(void **state)
{
	(void)state;
	struct agenda_template t;
	agenda_ok("# a comment\r\n"
		  "template\tTabbed\r\n"
		  "\r\n"
		  "step\t4   insights   Numbers  \r\n"
		  "\t  What changed?\r\n"
		  "# a comment between prompt lines\r\n"
		  "  # is part of the prompt when indented\r\n",
		  &t);
	assert_string_equal(t.name, "Tabbed");
	assert_int_equal(t.n_steps, 1);
	assert_int_equal(t.steps[0].kind, STEP_INSIGHTS);
	assert_int_equal(t.steps[0].minutes, 4);
	assert_string_equal(t.steps[0].title, "Numbers");
	assert_string_equal(t.steps[0].prompt, "What changed? # is part of the prompt when indented");
	agenda_free(&t);
}

/* Found by fuzzing: each of these lost or changed text on a render and parse. */
static void agenda__round_trip_keeps_hash_prompts_and_paragraphs(void **state)
{
	(void)state;
	struct agenda_template t, again;
	char err[256];
	agenda_ok("template X\nstep 1 topic T\n  a\n\n\n  b\n", &t);
	assert_string_equal(t.steps[0].prompt, "a\nb");
	agenda_free(&t);
	agenda_ok("template X\nstep 1 topic T\n  \r#A\n", &t);
	assert_string_equal(t.steps[0].prompt, "#A");
	char *text = agenda_render(&t);
	assert_int_equal(agenda_parse(text, &again, err, sizeof err), 0);
	assert_string_equal(again.steps[0].prompt, "#A");
	free(text);
	agenda_free(&t);
	agenda_free(&again);
	/* A line of only a vertical tab: an error that names nothing unread. */
	assert_int_equal(agenda_parse("template X\n\v\n", &t, err, sizeof err), -1);
}

static void agenda__unknown_step_kind_names_its_line(void **state)
{
	(void)state;
	agenda_bad("template T\n"
		   "step 3 roll-call Hello\n"
		   "\n"
		   "step 3 dance Party\n",
		   4, "unknown step kind 'dance'");
}

static void agenda__minutes_out_of_range_names_its_line(void **state)
{
	(void)state;
	agenda_bad("template T\nstep 241 topic Long\n", 2, "0 to 240");
	agenda_bad("template T\nstep -1 topic Negative\n", 2, "0 to 240");
	agenda_bad("template T\nstep 1 topic A\nstep 99999999999999999999 topic Huge\n", 3,
		   "0 to 240");
	agenda_bad("template T\nstep five topic Words\n", 2, "step MINUTES KIND TITLE");
	agenda_bad("template T\nstep 5\n", 2, "step MINUTES KIND TITLE");
}

static void agenda__missing_template_line_is_reported(void **state)
{
	(void)state;
	agenda_bad("step 3 topic Alone\n", 1, "no 'template NAME' line");
	agenda_bad("# only a comment\nstep 3 topic Alone\n", 2, "no 'template NAME' line");
	agenda_bad("", 1, "no 'template NAME' line");
}

static void agenda__template_after_steps_names_its_line(void **state)
{
	(void)state;
	agenda_bad("step 3 topic First\ntemplate Late\n", 2, "must come before the steps");
}

static void agenda__prompt_before_any_step_names_its_line(void **state)
{
	(void)state;
	agenda_bad("template T\n  Where does this go?\nstep 3 topic A\n", 2,
		   "prompt text before any step");
}

static void agenda__second_template_line_names_its_line(void **state)
{
	(void)state;
	agenda_bad("template T\nstep 1 topic A\n\ntemplate U\n", 4, "second 'template'");
	agenda_bad("template T\ntemplate U\n", 2, "second 'template'");
}

static void agenda__unknown_directive_names_its_line(void **state)
{
	(void)state;
	agenda_bad("template T\nstep 1 topic A\nstpe 2 topic B\n", 3, "unknown line starting 'stpe'");
	agenda_bad("template T\nstep 1 topic A\ntemplate\n", 3, "unknown line starting");
	agenda_bad("Template T\nstep 1 topic A\n", 1, "unknown line starting 'Template'");
}

static void agenda__no_steps_is_reported(void **state)
{
	(void)state;
	agenda_bad("template Empty\n", 1, "no steps");
	agenda_bad("# c\ntemplate Empty\n", 2, "no steps");
}

static void agenda__invalid_utf8_names_its_line(void **state)
{
	(void)state;
	agenda_bad("template T\nstep 1 topic Caf\xe9\n", 2, "UTF-8");
	agenda_bad("template T\nstep 1 topic A\n  fine\n  bad \xff here\n", 4, "UTF-8");
}

static void agenda__bad_titles_and_names_name_their_line(void **state)
{
	(void)state;
	agenda_bad("template \x1b[31mT\nstep 1 topic A\n", 1, "control character");
	agenda_bad("template T\nstep 1 topic A\nstep 1 topic \x1b[2J\n", 3, "control character");
	agenda_bad("template T\nstep 1 topic   \n", 2, "empty");
}

static void agenda__control_char_in_prompt_names_its_line(void **state)
{
	(void)state;
	agenda_bad("template T\n"
		   "step 1 topic A\n"
		   "  a bell \a here\n"
		   "\n"
		   "step 2 topic B\n",
		   3, "control character");
	agenda_bad("template T\n"
		   "step 1 topic A\n"
		   "  fine\n"
		   "  an escape \x1b[2J\n",
		   4, "control character");
}

static void agenda__at_most_fifty_steps(void **state)
{
	(void)state;
	char text[4096];
	size_t len = (size_t)snprintf(text, sizeof text, "template Many\n");
	for (int i = 0; i < AGENDA_MAX_STEPS; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, "step 1 topic T%d\n", i);
	struct agenda_template t;
	agenda_ok(text, &t);
	assert_int_equal(t.n_steps, AGENDA_MAX_STEPS);
	agenda_free(&t);
	snprintf(text + len, sizeof text - len, "step 1 topic One too many\n");
	agenda_bad(text, AGENDA_MAX_STEPS + 2, "at most 50 steps");
}

/* --- default departments ------------------------------------------------- */

static void setup__default_departments(void **state)
{
	(void)state;
	struct default_dept *d;
	size_t n;
	char err[256] = "";
	assert_int_equal(setup_parse_departments(data_departments, &d, &n, err, sizeof err), 0);
	assert_int_equal(n, 10);
	const char *names[] = {"Sales", "Marketing",  "Customer Service", "Product",      "IT",
			       "Operations", "Finance", "Supply Chain",   "HR", "Facilities"};
	size_t behind = 0;
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(d[i].name, names[i]);
		behind += d[i].behind;
	}
	assert_false(d[0].behind);
	assert_true(d[4].behind); /* IT works behind the scenes */
	assert_string_equal(d[4].name, "IT");
	assert_int_equal(behind, 6);
	setup_departments_free(d, n);
}

static void setup__bad_department_line_names_its_line(void **state)
{
	(void)state;
	static struct default_dept sentinel;
	struct default_dept *d = &sentinel;
	size_t n = 99;
	char err[256] = "";
	assert_int_equal(setup_parse_departments("# header\n"
						 "customer-facing Sales\n"
						 "\n"
						 "back-office IT\n",
						 &d, &n, err, sizeof err),
			 -1);
	assert_line(err, 4);
	assert_contains(err, "customer-facing NAME");
	assert_null(d);
	assert_int_equal(n, 0);

	assert_int_equal(setup_parse_departments("customer-facing Sales\n"
						 "behind-the-scenes    \n",
						 &d, &n, err, sizeof err),
			 -1);
	assert_line(err, 2);
	assert_contains(err, "empty");
	assert_null(d);

	assert_int_equal(setup_parse_departments("customer-facing Sa\x1bles\n", &d, &n, err,
						 sizeof err),
			 -1);
	assert_line(err, 1);
	assert_contains(err, "control character");
}

static void setup__comments_and_blank_lines_are_skipped(void **state)
{
	(void)state;
	struct default_dept *d;
	size_t n;
	char err[256] = "";
	assert_int_equal(setup_parse_departments("\n  # indented comment\n\t\n"
						 "behind-the-scenes   Legal  \n",
						 &d, &n, err, sizeof err),
			 0);
	assert_int_equal(n, 1);
	assert_string_equal(d[0].name, "Legal");
	assert_true(d[0].behind);
	setup_departments_free(d, n);
	assert_int_equal(setup_parse_departments("", &d, &n, err, sizeof err), 0);
	assert_int_equal(n, 0);
	setup_departments_free(d, n);
}

/* --- words ---------------------------------------------------------------- */

static void words__plural_is_singular_for_one_only(void **state)
{
	(void)state;
	assert_string_equal(text_plural(1, "day", "days"), "day");
	assert_string_equal(text_plural(-1, "day", "days"), "day");
	assert_string_equal(text_plural(0, "day", "days"), "days");
	assert_string_equal(text_plural(2, "meeting", "meetings"), "meetings");
	assert_string_equal(text_plural(11, "person", "people"), "people");
}

/* An action's history is shown in words, never by the stored names. */
static void words__event_kinds_read_as_words(void **state)
{
	(void)state;
	assert_string_equal(event_kind_label(EVENT_DUE_MOVED), "due date moved");
	assert_string_equal(event_kind_label(EVENT_CARRIED), "carried to the next meeting");
	for (int k = 0; k < EVENT_KIND_COUNT; k++) {
		const char *l = event_kind_label((enum event_kind)k);
		assert_null(strchr(l, '_'));
		assert_string_not_equal(l, "?");
	}
	assert_true(actor_known("ana"));
	assert_false(actor_known("unknown"));
	assert_false(actor_known(""));
	assert_false(actor_known(NULL));
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("TZ", "UTC", 1);
	tzset();

	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cadence__named_words),
		cmocka_unit_test(text__shell_word_quotes_only_what_needs_it),
		cmocka_unit_test(file__path_absolute_from_any_folder),
		cmocka_unit_test(cadence__named_words_ignore_case_and_spaces),
		cmocka_unit_test(cadence__every_n_units),
		cmocka_unit_test(cadence__short_forms),
		cmocka_unit_test(cadence__limits_are_inclusive),
		cmocka_unit_test(cadence__out_of_range_is_refused),
		cmocka_unit_test(cadence__number_too_big_for_an_int_is_refused),
		cmocka_unit_test(cadence__garbage_is_refused_with_forms),
		cmocka_unit_test(cadence__format_prefers_named_words),
		cmocka_unit_test(cadence__format_parse_round_trip_every_value),
		cmocka_unit_test(cadence__next_steps_days_and_weeks),
		cmocka_unit_test(cadence__next_monthly_clamps_to_month_end),
		cmocka_unit_test(cadence__days_approximates_interval),

		cmocka_unit_test(width__clusters_count_as_drawn),
		cmocka_unit_test(cluster__never_split),
		cmocka_unit_test(cluster__wide_characters_alike),
		cmocka_unit_test(fit__cuts_between_clusters),
		cmocka_unit_test(row_end__breaks_by_uax14),
		cmocka_unit_test(clean__trims_surrounding_white_space),
		cmocka_unit_test(clean__keeps_non_ascii_text),
		cmocka_unit_test(clean__normalises_to_nfc),
		cmocka_unit_test(clean__invisible_and_unicode_space_names_are_empty),
		cmocka_unit_test(clean__refuses_bidi_overrides),
		cmocka_unit_test(text__printable_replaces_every_unsafe_character),
		cmocka_unit_test(text__word_checks_agree_with_a_character_at_a_time),
		cmocka_unit_test(text__guard_holds_a_character_cut_between_writes),
		cmocka_unit_test(fold__matches_composed_and_decomposed_and_full_case),
		cmocka_unit_test(clean__empty_is_refused),
		cmocka_unit_test(clean__too_long_for_each_kind),
		cmocka_unit_test(clean__limit_counts_bytes_not_characters),
		cmocka_unit_test(clean__invalid_utf8_is_refused),
		cmocka_unit_test(clean__control_characters_are_refused_in_every_kind),
		cmocka_unit_test(clean__newline_and_tab_only_in_long_text),
		cmocka_unit_test(clean__crlf_normalised_in_long_text),
		cmocka_unit_test(valid_utf8__accepts_text_and_refuses_broken_bytes),
		cmocka_unit_test(fold__unicode_case_folds_to_the_same_key),
		cmocka_unit_test(fold__collapses_and_trims_white_space),
		cmocka_unit_test(fold__keeps_invalid_bytes_so_they_never_match),
		cmocka_unit_test(fold__ignores_zero_width_and_unicode_spaces),
		cmocka_unit_test(fold__folding_a_key_again_changes_nothing),
		cmocka_unit_test(ieq__ascii_case_insensitive_whole_word),
		cmocka_unit_test(width__counts_terminal_columns),

		cmocka_unit_test(model__item_kinds_round_trip),
		cmocka_unit_test(model__item_kind_accepts_its_labels),
		cmocka_unit_test(model__roles_round_trip),
		cmocka_unit_test(model__events_round_trip),
		cmocka_unit_test(model__statuses_round_trip),
		cmocka_unit_test(model__links_round_trip),
		cmocka_unit_test(model__org_texts_round_trip_with_labels_and_questions),

		cmocka_unit_test(step_kind__names_round_trip),
		cmocka_unit_test(agenda__standard_has_ten_steps),
		cmocka_unit_test(agenda__render_then_parse_gives_the_same_template),
		cmocka_unit_test(agenda__comments_crlf_and_tabs_are_accepted),
		cmocka_unit_test(agenda__round_trip_keeps_hash_prompts_and_paragraphs),
		cmocka_unit_test(agenda__unknown_step_kind_names_its_line),
		cmocka_unit_test(agenda__minutes_out_of_range_names_its_line),
		cmocka_unit_test(agenda__missing_template_line_is_reported),
		cmocka_unit_test(agenda__template_after_steps_names_its_line),
		cmocka_unit_test(agenda__prompt_before_any_step_names_its_line),
		cmocka_unit_test(agenda__second_template_line_names_its_line),
		cmocka_unit_test(agenda__unknown_directive_names_its_line),
		cmocka_unit_test(agenda__no_steps_is_reported),
		cmocka_unit_test(agenda__invalid_utf8_names_its_line),
		cmocka_unit_test(agenda__bad_titles_and_names_name_their_line),
		cmocka_unit_test(agenda__control_char_in_prompt_names_its_line),
		cmocka_unit_test(agenda__at_most_fifty_steps),

		cmocka_unit_test(setup__default_departments),
		cmocka_unit_test(setup__bad_department_line_names_its_line),
		cmocka_unit_test(setup__comments_and_blank_lines_are_skipped),
		cmocka_unit_test(words__plural_is_singular_for_one_only),
		cmocka_unit_test(words__event_kinds_read_as_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
