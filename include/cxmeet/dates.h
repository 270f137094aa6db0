/* dates.h - calendar dates as day numbers, the clock (which CXMEET_NOW can fix),
 * and the parser for dates as people type them. Pure C: no SQL, no curses. */
#ifndef CXMEET_DATES_H
#define CXMEET_DATES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
typedef int32_t cx_date;
#define DATE_NONE INT32_MIN
#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 9999

cx_date date_from_ymd(int y, int m, int d);
void date_to_ymd(cx_date d, int *y, int *m, int *day);
bool date_valid_ymd(int y, int m, int d);
int date_days_in_month(int y, int m);
int date_weekday(cx_date d); /* 0 = Monday ... 6 = Sunday */
cx_date date_add_months(cx_date d, int months); /* clamps to month end */
cx_date date_end_of_month(cx_date d);

/* Strict YYYY-MM-DD. */
bool date_parse_iso(const char *s, cx_date *out);
/* Writes YYYY-MM-DD into buf (at least 11 bytes). */
void date_format(cx_date d, char *buf, size_t len);

struct date_context {
	cx_date today;
	cx_date next_meeting; /* DATE_NONE when unknown */
};

/* How far ahead a due date may be set. */
#define DATE_DUE_MAX_YEARS 10

/* Which way a date option looks from today: a due date or a revisit ahead,
 * a --since back. Only a weekday name depends on it. */
enum date_way {
	DATE_AHEAD, /* "friday" is the next Friday after today */
	DATE_BACK,  /* "friday" is the last Friday before today */
};

/* The one grammar of dates as people type them, for every date option:
 * YYYY-MM-DD, today, tomorrow, yesterday, +Nd, +Nw, -Nd, -Nw (days or weeks
 * ahead or back), a weekday name or its first three letters (never today:
 * the next one AHEAD, the last one BACK), eow (the coming Friday, or today
 * on a Friday), eom (last day of this month), next (the next meeting by
 * cadence). Any date from 1970 to 9999. Returns 0, or -1 with a message that
 * lists the accepted forms (*out unchanged). */
int date_parse(const char *in, const struct date_context *ctx, enum date_way way,
	       cx_date *out, char *err, size_t errlen);

/* A due date: date_parse ahead, refusing dates before today or more than
 * DATE_DUE_MAX_YEARS ahead. Returns 0, or -1 with a message. */
int date_parse_due(const char *in, const struct date_context *ctx, cx_date *out,
		   char *err, size_t errlen);

/* The forms date_parse_due accepts, for help texts; and those that suit a
 * date looking back (--since). */
extern const char date_forms_help[];
extern const char date_forms_back_help[];

/* --- the clock ---------------------------------------------------------- */

/* Reads CXMEET_NOW (ISO-8601: YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS][Z]). Returns 0,
 * or -1 with a message when it is set but malformed. Without it, the real clock. */
int clock_init(char *err, size_t errlen);
time_t clock_now(void);
cx_date clock_today(void); /* local calendar date of clock_now() */
cx_date date_from_time(time_t t); /* local calendar date */
/* UTC timestamp "YYYY-MM-DDTHH:MM:SSZ" (buf at least 21 bytes). */
void clock_format_utc(time_t t, char *buf, size_t len);
/* t as local time in strftime's fmt; fallback when t is 0 or cannot be
 * written. */
void clock_format_local(time_t t, const char *fmt, const char *fallback, char *buf, size_t len);
/* Parses what clock_format_utc wrote (and the CXMEET_NOW forms). */
bool clock_parse(const char *s, time_t *out);

#endif
