/* dates.c - calendar arithmetic on day numbers, the clock (fixed by
 * CXMEET_NOW in tests), and the due-date parser. No SQL, no curses. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/dates.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* Days from civil, after H. Hinnant's public-domain algorithm. */
cx_date date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	const int era = (y >= 0 ? y : y - 399) / 400;
	const unsigned yoe = (unsigned)(y - era * 400);
	const unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (cx_date)(era * 146097 + (int)doe - 719468);
}

void date_to_ymd(cx_date z, int *y, int *m, int *d)
{
	z += 719468;
	const int era = (z >= 0 ? z : z - 146096) / 146097;
	const unsigned doe = (unsigned)(z - era * 146097);
	const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const unsigned mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)yoe + era * 400 + (*m <= 2);
}

int date_days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return m >= 1 && m <= 12 ? days[m - 1] : 0;
}

bool date_valid_ymd(int y, int m, int d)
{
	return y >= DATE_MIN_YEAR && y <= DATE_MAX_YEAR && m >= 1 && m <= 12 && d >= 1 &&
	       d <= date_days_in_month(y, m);
}

int date_weekday(cx_date d)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int w = (int)((d + 3) % 7);
	return w < 0 ? w + 7 : w;
}

cx_date date_add_months(cx_date d, int months)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	int total = y * 12 + (m - 1) + months;
	y = total / 12;
	m = total % 12 + 1;
	int dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, day > dim ? dim : day);
}

cx_date date_end_of_month(cx_date d)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	return date_from_ymd(y, m, date_days_in_month(y, m));
}

static bool digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

bool date_parse_iso(const char *s, cx_date *out)
{
	int y, m, d;
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4, &y) ||
	    !digits(s + 5, 2, &m) || !digits(s + 8, 2, &d) || !date_valid_ymd(y, m, d))
		return false;
	*out = date_from_ymd(y, m, d);
	return true;
}

void date_format(cx_date d, char *buf, size_t len)
{
	int y, m, day;
	if (d == DATE_NONE) {
		errf(buf, len, "-");
		return;
	}
	date_to_ymd(d, &y, &m, &day);
	if (y < 0 || y > 9999 || len < 11) {
		snprintf(buf, len, "%04d-%02d-%02d", y, m, day);
		return;
	}
	/* by hand: reports format a date or two for every row */
	char *p = buf;
	*p++ = (char)('0' + y / 1000), *p++ = (char)('0' + y / 100 % 10);
	*p++ = (char)('0' + y / 10 % 10), *p++ = (char)('0' + y % 10), *p++ = '-';
	*p++ = (char)('0' + m / 10), *p++ = (char)('0' + m % 10), *p++ = '-';
	*p++ = (char)('0' + day / 10), *p++ = (char)('0' + day % 10), *p = '\0';
}

const char date_forms_help[] =
	"YYYY-MM-DD, today, tomorrow, +3d, +2w, a weekday (monday..sunday or mon..sun), "
	"eow (end of week: Friday), eom (end of month), next (the next meeting)";

static const char *const weekdays[7] = {"monday", "tuesday", "wednesday", "thursday",
					 "friday", "saturday", "sunday"};

static int weekday_parse(const char *s)
{
	size_t n = strlen(s);
	for (int i = 0; i < 7; i++) {
		if (text_ieq(s, weekdays[i]))
			return i;
		if (n == 3 && strncasecmp(s, weekdays[i], 3) == 0)
			return i;
	}
	return -1;
}

const char date_forms_back_help[] =
	"YYYY-MM-DD, today, yesterday, -3d, -2w (days or weeks ago), a weekday (the last "
	"one: monday..sunday or mon..sun), eom (end of month)";

/* "+3d", "+2w", "-3d", "-2w": a count of days or weeks ahead or back. */
static int parse_offset(const char *s, cx_date today, cx_date *out)
{
	char *end;
	if ((s[0] != '+' && s[0] != '-') || !isdigit((unsigned char)s[1]))
		return -1;
	errno = 0;
	long n = strtol(s + 1, &end, 10);
	if (errno || n > 100000 || (end[0] != 'd' && end[0] != 'w' && end[0] != 'D' &&
				    end[0] != 'W') || end[1] != '\0')
		return -1;
	long days = tolower((unsigned char)end[0]) == 'w' ? n * 7 : n;
	*out = today + (cx_date)(s[0] == '-' ? -days : days);
	return 0;
}

static int parse_word(const char *s, const struct date_context *ctx, enum date_way way,
		      cx_date *out, char *err, size_t errlen)
{
	cx_date today = ctx->today;
	int wd;
	if (text_ieq(s, "today")) {
		*out = today;
	} else if (text_ieq(s, "tomorrow")) {
		*out = today + 1;
	} else if (text_ieq(s, "yesterday")) {
		*out = today - 1;
	} else if (text_ieq(s, "eom")) {
		*out = date_end_of_month(today);
	} else if (text_ieq(s, "eow")) {
		int ahead = (4 - date_weekday(today) + 7) % 7; /* 4: Friday */
		*out = today + ahead;
	} else if (text_ieq(s, "next")) {
		if (ctx->next_meeting == DATE_NONE) {
			errf(err, errlen, "'next' needs a next meeting date, and none is known yet");
			return -1;
		}
		*out = ctx->next_meeting;
	} else if ((wd = weekday_parse(s)) >= 0) {
		/* never today: "friday" on a Friday is a week ahead, or a week back */
		if (way == DATE_BACK) {
			int back = (date_weekday(today) - wd + 7) % 7;
			*out = today - (back == 0 ? 7 : back);
		} else {
			int ahead = (wd - date_weekday(today) + 7) % 7;
			*out = today + (ahead == 0 ? 7 : ahead);
		}
	} else if (parse_offset(s, today, out) != 0 && !date_parse_iso(s, out)) {
		return 1;
	}
	return 0;
}

int date_parse(const char *in, const struct date_context *ctx, enum date_way way,
	       cx_date *out, char *err, size_t errlen)
{
	const char *forms = way == DATE_BACK ? date_forms_back_help : date_forms_help;
	char word[32];
	size_t n = 0;
	if (!in)
		in = "";
	while (*in == ' ')
		in++;
	n = strlen(in);
	while (n > 0 && in[n - 1] == ' ')
		n--;
	if (n == 0) {
		errf(err, errlen, "no date given; use %s", forms);
		return -1;
	}
	if (n >= sizeof word) {
		errf(err, errlen, "not a date; use %s", forms);
		return -1;
	}
	memcpy(word, in, n);
	word[n] = '\0';
	cx_date d = DATE_NONE;
	int rc = parse_word(word, ctx, way, &d, err, errlen);
	if (rc < 0)
		return -1;
	if (rc > 0) {
		int y, m, day;
		if (sscanf(word, "%d-%d-%d", &y, &m, &day) == 3 && strlen(word) == 10)
			errf(err, errlen, "%s is not a date on the calendar", word);
		else
			errf(err, errlen, "'%s' is not a date I understand; use %s",
			     text_valid_utf8(word, strlen(word)) ? word : "?", forms);
		return -1;
	}
	if (d < date_from_ymd(DATE_MIN_YEAR, 1, 1) || d > date_from_ymd(DATE_MAX_YEAR, 12, 31)) {
		errf(err, errlen, "'%s' falls outside the years %d to %d", word, DATE_MIN_YEAR,
		     DATE_MAX_YEAR);
		return -1;
	}
	*out = d;
	return 0;
}

int date_parse_due(const char *in, const struct date_context *ctx, cx_date *out,
		   char *err, size_t errlen)
{
	if (date_parse(in, ctx, DATE_AHEAD, out, err, errlen) != 0)
		return -1;
	char buf[16];
	if (*out < ctx->today) {
		date_format(*out, buf, sizeof buf);
		errf(err, errlen, "%s is in the past; a due date is today or later", buf);
		return -1;
	}
	if (*out > date_add_months(ctx->today, 12 * DATE_DUE_MAX_YEARS) ||
	    *out > date_from_ymd(DATE_MAX_YEAR, 12, 31)) {
		date_format(*out, buf, sizeof buf);
		errf(err, errlen, "%s is more than %d years ahead", buf, DATE_DUE_MAX_YEARS);
		return -1;
	}
	return 0;
}

/* --- the clock ---------------------------------------------------------- */

static time_t fixed_now;
static bool clock_fixed;
static bool clock_ready; /* clock_init has run */

bool clock_parse(const char *s, time_t *out)
{
	int y, mo, d, h = 0, mi = 0, se = 0;
	size_t len = s ? strlen(s) : 0;
	if (len < 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4, &y) || !digits(s + 5, 2, &mo) ||
	    !digits(s + 8, 2, &d) || !date_valid_ymd(y, mo, d))
		return false;
	const char *p = s + 10;
	bool utc = false;
	if (*p == 'T' || *p == ' ') {
		if (!digits(p + 1, 2, &h) || p[3] != ':' || !digits(p + 4, 2, &mi))
			return false;
		p += 6;
		if (*p == ':') {
			if (!digits(p + 1, 2, &se))
				return false;
			p += 3;
		}
		if (h > 23 || mi > 59 || se > 59) /* no leap seconds: 23:59:60 could pass 9999 */
			return false;
	}
	if (*p == 'Z') {
		utc = true;
		p++;
	}
	if (*p != '\0')
		return false;
	if (utc) {
		*out = (time_t)date_from_ymd(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
		return true;
	}
	struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
			.tm_hour = h, .tm_min = mi, .tm_sec = se, .tm_isdst = -1};
	time_t t = mktime(&tm);
	if (t == (time_t)-1)
		return false;
	*out = t;
	return true;
}

int clock_init(char *err, size_t errlen)
{
	const char *v = getenv("CXMEET_NOW");
	clock_ready = true;
	clock_fixed = false;
	if (!v || !*v)
		return 0;
	if (!clock_parse(v, &fixed_now)) {
		errf(err, errlen, "CXMEET_NOW='%s' is not an ISO-8601 time "
				  "(YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z])",
		     text_valid_utf8(v, strlen(v)) && strlen(v) < 64 ? v : "?");
		return -1;
	}
	clock_fixed = true;
	return 0;
}

time_t clock_now(void)
{
	/* Whoever asks first sets the clock up, so no entry point can forget
	 * CXMEET_NOW; a malformed value is reported by cli_main, which calls
	 * clock_init itself before anything else. */
	if (!clock_ready) {
		char err[160];
		if (clock_init(err, sizeof err) != 0)
			clock_fixed = false;
	}
	return clock_fixed ? fixed_now : time(NULL);
}

cx_date date_from_time(time_t t)
{
	struct tm tm;
	localtime_r(&t, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

cx_date clock_today(void) { return date_from_time(clock_now()); }

void clock_format_local(time_t t, const char *fmt, const char *fallback, char *buf, size_t len)
{
	struct tm tm;
	if (!t || !localtime_r(&t, &tm) || strftime(buf, len, fmt, &tm) == 0)
		snprintf(buf, len, "%s", fallback);
}

void clock_format_utc(time_t t, char *buf, size_t len)
{
	/* By hand for years 1000 to 9999 (exports write two times an item);
	 * strftime for the rest (%Y has no leading zeros), as it would. */
	int64_t days = (int64_t)t / 86400, secs = (int64_t)t % 86400;
	if (secs < 0)
		days--, secs += 86400;
	int y, m, d;
	if (len >= 21 && days > -800000 && days < 3000000) {
		date_to_ymd((cx_date)days, &y, &m, &d);
		if (y >= 1000 && y <= 9999) {
			date_format((cx_date)days, buf, len);
			int h = (int)(secs / 3600), mi = (int)(secs / 60 % 60), se = (int)(secs % 60);
			char *p = buf + 10;
			*p++ = 'T', *p++ = (char)('0' + h / 10), *p++ = (char)('0' + h % 10);
			*p++ = ':', *p++ = (char)('0' + mi / 10), *p++ = (char)('0' + mi % 10);
			*p++ = ':', *p++ = (char)('0' + se / 10), *p++ = (char)('0' + se % 10);
			*p++ = 'Z', *p = '\0';
			return;
		}
	}
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
