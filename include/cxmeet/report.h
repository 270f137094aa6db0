/* report.h - the cadence and participation report: is the council keeping
 * its cadence, which departments take part, how the agenda steps run against
 * their plan, and how effective each meeting was. Pure functions over the
 * plain arrays the store reads (no SQL, no curses), so every rule below is
 * unit-tested on hand-built fixtures.
 *
 * Definitions (also in man/cxmeet.1, section CADENCE AND PARTICIPATION):
 *
 * - Only completed meetings count; abandoned ones (and one in progress) do
 *   not. Two or more completed on the same calendar day count as one.
 * - An interval runs from one meeting day to the next. Its due date is the
 *   next meeting date agreed at the wrap-up of the meeting that opened it,
 *   when one was recorded and is later than that meeting: it was set from the
 *   cadence in force then, so a changed cadence judges each interval by the
 *   cadence of its own time. Without one, the due date is the meeting day
 *   stepped by the current cadence.
 * - Grace: 1 day when the cadence is 14 days or shorter, else 3 days. An
 *   interval is on time when the next meeting was held no later than its due
 *   date plus the grace.
 * - The interval still open (from the last meeting to today) is judged, as
 *   late, once today is past its due date plus the grace; until then it is
 *   not judged.
 * - On-time share: on-time intervals among the last 12 judged ones.
 *   Streak: consecutive on-time judged intervals ending with the latest.
 *   Longest gap: the most days between consecutive meeting days, the open
 *   interval (last meeting to today) included.
 * - An action is judged on time when it has a due date and is done with its
 *   closing date on or before the due date; it is judged late when it is
 *   done after its due date, or open with the due date before today. Other
 *   actions (not yet due, dropped, without a due date) are not judged.
 * - Silo watch: an active department that, in each of the last three
 *   completed meetings, had nobody present, owned no action and was
 *   credited with no win. Needs at least three completed meetings. It also
 *   names a department absent from every meeting of the window (three or
 *   more) that was handed actions in them all the same.
 * - A step overran when its actual time exceeded its planned minutes; by
 *   how much is the time past them (step_overrun_seconds), averaged over the
 *   times it overran. A step usually runs over when it overran in more than
 *   half the times it was held, at least two. */
#ifndef CXMEET_REPORT_H
#define CXMEET_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "cxmeet/cadence.h"
#include "cxmeet/dates.h"
#include "cxmeet/store.h"

#define REPORT_RECENT_INTERVALS 12
#define REPORT_WINDOW_DEFAULT 6
#define REPORT_WINDOW_MIN 3 /* the silo watch looks at three meetings */
#define REPORT_WINDOW_MAX 52
#define SILO_MEETINGS 3

/* Days of grace after a due date before a meeting counts as late. */
int cadence_grace_days(const struct cadence *c);

struct cadence_interval {
	cx_date from; /* the meeting day that opened it */
	cx_date to;   /* the next meeting day; DATE_NONE: still open */
	cx_date due;
	bool judged;  /* closed, or open and past due + grace */
	bool on_time;
};

struct cadence_summary {
	struct cadence cadence;
	int grace;
	size_t n_days;     /* distinct meeting days */
	cx_date first, last; /* DATE_NONE when no meeting was held */
	cx_date next_due;    /* by the last agreed date or the cadence; from today if none */
	int days_late;       /* days today is past next_due (0: not past) */
	bool late;           /* past next_due and its grace: the cadence is slipping */
	struct cadence_interval *iv; /* oldest first, the open one last */
	size_t n_iv;
	int recent_judged, recent_on_time; /* over the last 12 judged intervals */
	size_t recent_from; /* where those begin in iv (0: fewer than 12 judged) */
	int streak;
	int longest_gap;   /* days; 0 when there is no interval */
	cx_date gap_from, gap_to; /* gap_to DATE_NONE: the open interval */
};

/* `held` lists completed meetings oldest first (store_held_meetings). */
void cadence_summarise(const struct cadence *c, const struct held_meeting *held, size_t n,
		       cx_date today, struct cadence_summary *out);
void cadence_summary_free(struct cadence_summary *s);

/* Whether the action is judged (see above), and if so whether on time. */
bool action_judged(const struct window_item *it, cx_date today, bool *on_time);

/* 0..100 rounded, or -1 when den is 0 (no share to speak of). */
int report_percent(int num, int den);

/* When the next meeting is due, seen from today, for a sentence that names
 * it first ("Next meeting " + this): "due today (2026-11-23)", "due
 * 2026-11-30, in 7 days", "was due 2026-11-16: 4 days late". */
void next_due_text(cx_date next, cx_date today, char *buf, size_t len);

struct dept_line {
	const struct dept *dept;
	int attended; /* meetings of the window with someone present */
	int actions;  /* actions created in the window's meetings */
	int judged, on_time;
	int overdue;  /* open actions past due now, from any meeting */
	int wins;
	bool silo;
	/* absent from every meeting of the window (at least three), yet handed
	 * actions in them: a department the council decides for, not with */
	bool absent_handed;
};

/* One line per department of `depts` (archived ones are never flagged).
 * `window` holds the window's meeting ids newest first; att, items come from
 * the store's window calls, overdue from store_overdue_by_dept. */
void dept_lines_build(const struct dept *depts, size_t n_depts, const store_id *window,
		      size_t n_window, const struct meeting_dept *att, size_t n_att,
		      const struct window_item *items, size_t n_items,
		      const struct dept_count *overdue, size_t n_overdue, cx_date today,
		      struct dept_line *out);

struct step_line {
	const char *title; /* borrowed from the steps array */
	int held;          /* times the step was held */
	int planned_minutes_total;
	int actual_seconds_total;
	int overran;
	int overrun_seconds_total; /* past the plan, over the times it overran */
	double planned_avg, actual_avg; /* minutes, per time held */
	double overrun_avg; /* minutes past the plan, per time it overran (0: never) */
	bool usually_over;  /* overran in more than half the times held, at least two */
};

/* Groups steps by title (first appearance order), leaving out the steps
 * skipped or never reached (neither done nor timed), with how often and by
 * how much each ran over its plan;
 * out needs room for n lines. Returns the number of lines. */
size_t step_lines_build(const struct window_step *steps, size_t n, struct step_line *out);

struct meeting_line {
	store_id id;
	cx_date day;
	int rating; /* 0: none; the members' average, rounded, when they rated */
	struct rating_spread members; /* the members' ratings (n 0: none) */
	int actions, judged, on_time;
	int steps, overran;
};

/* One line per meeting of `window` (given in the order wanted). */
void meeting_lines_build(const struct held_meeting *window, size_t n_window,
			 const struct window_item *items, size_t n_items,
			 const struct window_step *steps, size_t n_steps, cx_date today,
			 struct meeting_line *out);

/* --- the whole report, read from the store (report_load.c) -------------- */

struct cadence_report {
	size_t window;  /* meetings asked for (N) */
	struct cadence_summary sum;
	struct dept_line *depts;
	size_t n_depts;
	struct step_line *steps;
	size_t n_steps;
	struct meeting_line *meetings; /* the window, newest first */
	size_t n_meetings;
	/* what the lines point into */
	struct dept *dept_rows;
	struct window_step *step_rows;
	size_t n_step_rows;
};

/* Reads and computes the report for the last `window` completed meetings
 * (REPORT_WINDOW_MIN..REPORT_WINDOW_MAX) as of `today`. */
enum store_rc cadence_report_load(struct store *st, size_t window, cx_date today,
				  struct cadence_report *out);
void cadence_report_free(struct cadence_report *r);

#endif
