/* scorecard.h - the CX scorecard's rules: the measures against the success
 * statement and each department's KPIs, read each meeting or once a week, a
 * month or a quarter; a value is one a period, kept under the period's first
 * day, and a later value of a filled period is a correction (both kept).
 * Whether a value is on track, whether it moved far enough to ask what
 * caused it, and its trend as a sparkline are judged here, once, for the
 * command line, the meeting and every export. */
#ifndef CXMEET_SCORECARD_H
#define CXMEET_SCORECARD_H

#include <stdbool.h>
#include <stddef.h>

#include "cxmeet/store.h"

/* A value that moved by this share of the one before (or more) is asked
 * about: "what caused it?" */
#define SCORECARD_MOVE_PCT 10
/* Values a trend shows, the last ones. */
#define SCORECARD_TREND 12
/* Values whose size is beyond this are refused as absurd. */
#define SCORECARD_VALUE_MAX 1e12

/* "each meeting", "weekly", "monthly", "quarterly" (measure_freq_name, of
 * records.h, is the stored name). */
const char *measure_freq_label(enum measure_freq f);

/* The first day of the period of `day` for frequency f: the day itself
 * (each meeting), its week's Monday, its month's first, its quarter's first. */
cx_date measure_period(enum measure_freq f, cx_date day);
/* "2026-11-23", "week of 2026-11-23", "2026-11", "2026-Q4". */
void measure_period_text(enum measure_freq f, cx_date period, char *buf, size_t len);

/* A value as typed: a plain decimal number ("92.5", "-3", "1e3"), finite and
 * within SCORECARD_VALUE_MAX. 0, or -1 with the reason in err. */
int measure_value_parse(const char *s, double *out, char *err, size_t errlen);

/* "77.7%", "5.9 days", "12": a value with the measure's unit. */
void measure_value_unit(const struct measure *m, double v, char *buf, size_t len);

/* 1 on track (at or past the target, in the measure's direction), 0 off
 * track, -1 not known (no target). */
int measure_on_track(const struct measure *m, double value);
/* "on track", "off track" or "no target". */
const char *measure_track_word(int track);

/* Whether a new value asks what caused it: it went off track from on track
 * (or from nothing), or moved by SCORECARD_MOVE_PCT or more from `prev`
 * (has_prev false: the first value, asked only when off track). */
bool measure_needs_cause(const struct measure *m, bool has_prev, double prev, double value);

/* The trend of values (oldest first) as n characters: Unicode blocks
 * (U+2581..U+2588) when utf8, else ASCII ("_.-=+*#@"); the same value
 * throughout draws a level line. buf gets the bytes, NUL-ended. */
void measure_sparkline(const double *values, size_t n, bool utf8, char *buf, size_t len);

/* Records `value` for the period of `day` (measure_period) of measure id:
 * refused (STORE_INVALID, the reason in store_errmsg) when the measure is
 * archived, when the period is after today's, or when the period has a
 * value already and `correct` is false; STORE_NOTFOUND for no such measure.
 * *period gets the period. */
enum store_rc measure_record(struct store *st, store_id id, cx_date day, cx_date today,
			     double value, bool correct, time_t at, cx_date *period);

/* The measure named `name` (without regard to case) in department dept, or
 * when dept is -1 in any department or none: STORE_NOTFOUND when there is
 * none, STORE_INVALID when several departments have one of that name (the
 * message says to name the department). *out is read with its last value. */
/* The scorecard's measures in use, in its order: the success statement's,
 * then the departments' KPIs, each by department and name (measures_sort). */
enum store_rc scorecard_measures(struct store *st, struct measure **out, size_t *n);

enum store_rc measure_lookup(struct store *st, const char *name, store_id dept, bool with_archived,
			     struct measure *out);
void measure_free(struct measure *m);

#endif
