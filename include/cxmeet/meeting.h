/* meeting.h - running a meeting: the state machine the TUI drives (start or
 * resume, move between steps with time recorded per step, end), and the
 * domain rules of captured items. Pure C over the store: no curses. */
#ifndef CXMEET_MEETING_H
#define CXMEET_MEETING_H

#include <stdbool.h>
#include <time.h>

#include "cxmeet/store.h"

struct meeting_run {
	struct store *st;
	struct meeting m;
	struct meeting_step *steps;
	size_t n_steps;
	time_t step_started; /* when the current step's clock last started */
};

/* Starts a meeting on the template (0: the default one) and carries every
 * open action from earlier meetings into it, in one transaction. */
enum store_rc meeting_begin(struct store *st, store_id template_id, store_id facilitator,
			    time_t now, struct meeting_run *out);
/* Starts a meeting that follows `agenda`, the facilitator's adjusted copy of
 * template_id's steps (skipped steps are kept, marked skipped), the same way.
 * A copy with no wrap-up step gets one last, so that the meeting can end. */
enum store_rc meeting_begin_agenda(struct store *st, store_id template_id,
				   const struct agenda_template *agenda, store_id facilitator,
				   time_t now, struct meeting_run *out);
/* The next step from `from` in direction dir (+1 or -1) that is not
 * skipped, or -1 when there is none. */
int meeting_step_after(const struct meeting_run *r, int from, int dir);
/* The step where the meeting is ended: its last wrap-up step. */
int meeting_wrap_up_step(const struct meeting_run *r);
/* A holder writes a sign of life this often (while its runner waits for
 * keys, a form or a dialog open over it or not, and when a form keeps its
 * draft), and one on another machine that has not for HOLD_STALE_SECS is
 * taken for gone (a closed lid, a lost link). Generous, because a suspended
 * or unreachable holder may come back; taking over by choice is always one
 * key away. */
#define HOLD_BEAT_SECS 10
#define HOLD_STALE_SECS 300
/* Whether the instance holding a meeting is gone, so that its hold is taken
 * over without a question: on this machine, when its process no longer
 * exists (a pid alone decides: a frozen but living process still holds);
 * on another machine, when it has not been seen for HOLD_STALE_SECS. */
bool meeting_hold_gone(const struct meeting_hold *h, time_t now);
/* Picks up a meeting in progress at its step; time away does not count.
 * Takes its hold when nobody holds it or its holder is gone. When another
 * living instance holds it, returns STORE_NOT_HELD with the meeting loaded
 * (to be followed read-only) and *holder filled (when not NULL; caller frees). */
enum store_rc meeting_resume(struct store *st, store_id id, time_t now, struct meeting_run *out,
			     struct meeting_hold *holder);
/* Takes the meeting over from `from`, the holder read before asking. */
enum store_rc meeting_take_over(struct meeting_run *r, const struct meeting_hold *from,
				time_t now);
/* Reads the meeting and its steps again (a follower's view of another
 * instance's work); the current step's clock restarts at now. */
enum store_rc meeting_reload(struct meeting_run *r, time_t now);
/* How much was done in a step: the items captured there, and what its kind
 * is for (actions reviewed at the action review, people marked present at
 * the roll call, the rating at the wrap-up). */
int meeting_step_work(const struct meeting_step *s, const struct meeting_work *w);
/* The one rule of a step's "done", for the runner and the minutes alike: a
 * step not skipped is done when it was worked in (meeting_step_work), or
 * when the meeting moved on from it to a later step (the flag the runner
 * keeps, `s->done`). Leaving a step backwards with nothing done there, or
 * jumping over it, does not make it done. */
bool meeting_step_done(const struct meeting_step *s, const struct meeting_work *w);
/* Whether step i would be left undone if the meeting ended now: not
 * skipped, not done (meeting_step_done), and neither the current step nor
 * the wrap-up, where the meeting ends. */
bool meeting_step_pending(const struct meeting_run *r, int i, const struct meeting_work *w);
/* Moves to step `to`, adding the time spent to the step being left (marked
 * done by meeting_step_done: moving forward, or worked in). A step out of
 * range or skipped for this meeting is refused with STORE_INVALID, and
 * nothing is written. */
enum store_rc meeting_goto(struct meeting_run *r, int to, time_t now);
/* Records the time spent so far on the current step without leaving it. */
enum store_rc meeting_flush_time(struct meeting_run *r, time_t now);
/* Ends the meeting: completed (rating 1..10 or 0, next meeting date) or abandoned. */
enum store_rc meeting_end(struct meeting_run *r, enum meeting_status status, int rating,
			  cx_date next, time_t now);
void meeting_run_free(struct meeting_run *r);

const struct meeting_step *meeting_current(const struct meeting_run *r);
int meeting_step_seconds(const struct meeting_run *r, int step, time_t now);
int meeting_total_seconds(const struct meeting_run *r, time_t now);
int meeting_planned_minutes(const struct meeting_run *r);
/* Whether a step has run past its planned minutes (at planned:00 it has not). */
bool meeting_step_overrun(const struct meeting_run *r, int step, time_t now);
/* The whole minutes spent in a step (1:59 is 1): what the agenda shows
 * against the planned minutes. */
int meeting_step_minutes(const struct meeting_run *r, int step, time_t now);

/* The live timer: what is left of a step and of the meeting against their
 * plan, the warning before a step's end, and when the meeting will end.
 *
 * How many seconds past its planned minutes a step ran (0: not over). The
 * overrun per step the cadence report counts is this, on the stored time. */
int step_overrun_seconds(int planned_minutes, int actual_seconds);
/* Seconds left of a step's planned minutes; negative: over by that much. */
int meeting_step_left(const struct meeting_run *r, int step, time_t now);
/* Seconds left of the meeting's planned minutes (meeting_planned_minutes)
 * after the time spent in its steps (meeting_total_seconds); negative: over. */
int meeting_left(const struct meeting_run *r, time_t now);
/* The warning comes this long before a step's planned end. */
#define STEP_WARN_SECS 60
enum step_timing {
	TIMING_ON_TIME,     /* more than STEP_WARN_SECS left */
	TIMING_LAST_MINUTE, /* STEP_WARN_SECS or less left, not over */
	TIMING_OVER,        /* past its planned minutes (meeting_step_overrun) */
};
enum step_timing meeting_step_timing(const struct meeting_run *r, int step, time_t now);
/* The planned time still ahead: for each step neither skipped nor done
 * (the runner's mark, `done`) and for the current one, what is left of its
 * planned minutes (nothing for a step already over: it is taken to end
 * now). A step done and not current has nothing left. */
int meeting_remaining_seconds(const struct meeting_run *r, time_t now);
/* When the meeting is projected to end: now + meeting_remaining_seconds. */
time_t meeting_projected_end(const struct meeting_run *r, time_t now);
/* When it was planned to end: its start + its planned minutes. */
time_t meeting_planned_end(const struct meeting_run *r);
/* How many minutes the projected end falls after the planned end (negative:
 * before), by the clock minutes they fall in, as the clocks show them:
 * 11:07:30 against 11:10 is -3. */
long meeting_end_late_minutes(const struct meeting_run *r, time_t now);
/* Whether the planned end falls on the local calendar day of now. A meeting
 * resumed on a later day has its planned end on the day it started: a
 * screen then dates it, and the minutes early or late would say nothing. */
bool meeting_planned_end_today(const struct meeting_run *r, time_t now);
/* The planned end as the screens show it: "11:10", or "2026-11-23 11:10"
 * when it is not today (meeting_planned_end_today). */
void meeting_planned_end_text(const struct meeting_run *r, time_t now, char *buf, size_t len);
/* How the projected end falls against the plan: "3 min late", "2 min
 * early"; "" on time, or when the planned end is not today. */
void meeting_end_against_plan(const struct meeting_run *r, time_t now, char *buf, size_t len);
/* A length of time as the timers show it: "4:12" (m:ss), "1:02:09" from an
 * hour on; the sign is dropped (the caller's words say left or over). */
void duration_clock_text(int secs, char *buf, size_t len);
/* Reads the meeting again as meeting_reload does, for a screen that follows
 * it: while it stays on the same step, that step's clock goes on from the
 * time this screen showed, since its holder writes the time spent only now
 * and then (at least once a minute, and at each move); the time written wins
 * when it is more. */
enum store_rc meeting_reload_shown(struct meeting_run *r, time_t now);

/* The item kind a step offers first. */
enum item_kind step_default_kind(enum step_kind k);
/* The step of the meeting where an item of kind k recorded between meetings
 * waits to be discussed: wins in the wins step, stories in the story,
 * insights in the insights, decisions, parked topics and talking points in
 * the priorities, actions in the new actions, messages in the wrap-up,
 * notes in the roll call; the first step not skipped when the agenda has
 * none of its kind. */
int meeting_waiting_step(const struct meeting_run *r, enum item_kind k);

/* How long a meeting lasted, in whole minutes rounded to the nearest; -1
 * when it has not ended (ended_at 0) or its end is before its start (a clock
 * set wrong): the history and the minutes then show no length. */
int meeting_length_minutes(time_t started_at, time_t ended_at);

/* The next meeting's date by cadence, counted from the last meeting (or from
 * today when there was none). */
cx_date meeting_next_due(const struct cadence *c, cx_date last, cx_date today);
/* The council's next meeting: the date the last meeting set, else the cadence
 * counted from it; with no meeting yet (last NULL), the cadence from today. */
cx_date council_next_meeting(const struct cadence *c, const struct meeting *last, cx_date today);

/* Checks an item against the rules of its kind before it is saved: actions
 * need an owner, a department and a due date; a win credits a department; a
 * message goes to a department. Returns 0, or -1 with a message. */
int item_check(const struct item *it, char *err, size_t errlen);

/* How a new item of kind `from` may link to an existing item of kind `to`:
 * LINK_SETTLES (a decision on a parked topic), LINK_AROSE_FROM (an action or
 * decision arising from a story, insight, decision or topic), or -1 (no
 * link makes sense). *by_default says whether to offer it ticked. */
int item_link_kind(enum item_kind from, enum item_kind to, bool *by_default);

/* Whether a win's text only reports a number that moved ("NPS up 0.1"):
 * five words or fewer with a figure among them. A win says what changed,
 * who did it and what it caused; the capture form and `cxmeet add` warn. */
bool win_only_a_number(const char *text);
/* What to tell whoever saved such a win (a sentence, no final stop). */
#define WIN_ONLY_A_NUMBER_ADVICE \
	"It only reports a number that moved: say what changed, who did it and what it caused"

/* The one gate through which an item is saved, from every entry point.
 *
 * meeting_add_item saves a new item in one transaction, linked to `link_to`
 * when it is not NULL (with the kind item_link_kind() allows); a decision
 * that settles an open parked topic closes it. item_edit saves the changes
 * to an existing one (`meeting`: the meeting it is changed in, or 0).
 *
 * Both first hold the item to the rules of its kind (item_check): refused,
 * they return STORE_INVALID with err saying why and write nothing; on any
 * other failure err says "Not saved: " and store_errmsg's message. */
enum store_rc meeting_add_item(struct store *st, struct item *it, const struct item *link_to,
			       time_t at, char *err, size_t errlen);
enum store_rc item_edit(struct store *st, const struct item *it, store_id meeting, time_t at,
			char *err, size_t errlen);

/* Marks quiet[i] for each behind-the-scenes department i that no win in
 * `wins` credits: the hidden heroes nobody has asked about yet. */
void meeting_quiet_heroes(const struct dept *depts, size_t n_depts, const struct item *wins,
			  size_t n_wins, bool *quiet);

/* Deletes an item (soft) in one transaction; a parked topic that a deleted
 * decision had settled is open again, so it is not lost. */
enum store_rc meeting_delete_item(struct store *st, store_id id, store_id meeting, time_t at);

/* Undoes a capture made in `meeting` a moment ago: the item, read whole into
 * *out (caller frees with item_free) as it was, is deleted as
 * meeting_delete_item does, with its event. STORE_NOTFOUND when it is no
 * longer there (deleted since, e.g. by X) or was captured in another
 * meeting: nothing is written. */
enum store_rc meeting_undo_capture(struct store *st, store_id id, store_id meeting, time_t at,
				   struct item *out);
/* The read-back of an item just saved, for the room to confirm: "Action
 * #123 saved: Call Acme back — Ana Ruiz (Support), due Tue 2026-12-01"
 * (the owner, department and due date as far as the item has them; the
 * text cut with "…" past max_text columns, and with it each name past 30,
 * so that the due date stays in view; 0: whole). Caller frees. */
char *item_read_back(const struct item *it, int max_text);
/* An item kind's label with a capital: "Action", "Parked topic". */
void item_kind_title(enum item_kind k, char *buf, size_t len);
/* What an item's details line says, its parts joined by " · " (caller
 * frees): "Sales · Ana Ruiz · due 2026-12-04". ITEM_META_KIND puts the kind
 * first ("Decision · ..."); ITEM_META_OWNER an action's owner before its
 * department ("owner Ana Ruiz · Sales · ..."); ITEM_META_MORE adds whether a
 * story names its customer and when a topic is revisited. */
enum item_meta_part {
	ITEM_META_KIND = 1,
	ITEM_META_OWNER = 2,
	ITEM_META_MORE = 4,
};
char *item_meta_text(const struct item *it, unsigned parts);
/* The items of a meeting of one kind (in the order store_meeting_items
 * gives; caller frees with item_list_free), and in counts the number of all
 * its items by kind, read at once. */
enum store_rc meeting_items_of_kind(struct store *st, store_id meeting, enum item_kind kind,
				    struct item **out, size_t *n, int counts[ITEM_KIND_COUNT]);
/* What an undo took back: "Undone: action #123 "Call Acme back" (Ana Ruiz,
 * Support, due 2026-12-01)." Caller frees. */
char *item_undone_line(const struct item *it, int max_text);
/* Asked before an undo takes back a capture not in view (made in another
 * step, `step` its number, 0: none): "Undo action #123 "Call Acme back"
 * (Ana Ruiz, Support, due 2026-12-01), captured in step 3 Customer story?"
 * Caller frees. */
char *item_undo_question(const struct item *it, int step, const char *step_title, int max_text);

/* Days an open action is past its due date (0 when not overdue or not open). */
int action_days_overdue(const struct item *it, cx_date today);

/* --- the roll call's briefers and the members' ratings ------------------ */

/* Marks every active person present at once (then the facilitator unmarks
 * who is absent); how many were marked in *marked. */
enum store_rc meeting_everyone_present(struct store *st, store_id meeting, int *marked,
				       char *err, size_t errlen);
/* Records who will brief department `dept`, nobody of which is present at
 * the meeting: an active person of the council who is not of that
 * department (usually a member present). Refused (STORE_INVALID, why in
 * err, nothing written) when someone of the department is present, or the
 * person is of it or archived. */
enum store_rc meeting_set_briefer(struct store *st, store_id meeting, store_id dept,
				  store_id person, time_t at, char *err, size_t errlen);
/* A member's rating of the meeting: a whole number from 1 to 10, from
 * someone marked present. Given again, it replaces theirs. The meeting's
 * own rating becomes the members' average, rounded. Refused (STORE_INVALID,
 * why in err) otherwise, nothing written. */
enum store_rc meeting_rate_member(struct store *st, store_id meeting, store_id person,
				  int rating, time_t at, char *err, size_t errlen);
/* The rating typed: 1..10, or 0 (and why in err) when it is not one. */
int meeting_rating_parse(const char *text, char *err, size_t errlen);
/* The spread of n members' ratings. */
void rating_spread_of(const struct member_rating *r, size_t n, struct rating_spread *out);
/* Their average (0 when there are none). */
double rating_average(const struct rating_spread *r);
/* "7.4 (6–9, 5 ratings)": the average to one decimal, the lowest and the
 * highest (the spread), how many; "" when there are none. */
void rating_spread_text(const struct rating_spread *r, char *buf, size_t len);
/* The meeting's rating as the minutes give it: the members' spread when
 * they rated (rating_spread_text), else the rating typed, "8/10"; "" when
 * neither. */
void meeting_rating_text(const struct rating_spread *members, int rating, char *buf, size_t len);

/* Marks absent[i] for each department i with nobody present: `present` lists
 * the ids of the people present, `people` gives each person's department. */
void meeting_unrepresented(const struct dept *depts, size_t n_depts, const struct person *people,
			   size_t n_people, const store_id *present, size_t n_present,
			   bool *absent);

#endif
