/* test_meeting.c - the meeting state machine (core/meeting.c) on real temporary
 * databases: starting with the default agenda, carrying open actions, time per
 * step, resuming, ending; and the rules items of each kind must follow. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "testutil.h"
#include "cxmeet/items.h"
#include "cxmeet/meeting.h"
#include "cxmeet/names.h"
#include "cxmeet/setup.h"
#include "cxmeet/util.h"

#define open_setup tu_open_setup
#define at tu_at

static store_id dept_id(struct store *st, const char *name)
{
	struct dept d;
	assert_int_equal(dept_find(st, name, &d), STORE_OK);
	store_id id = d.id;
	dept_free(&d);
	return id;
}

static store_id add_person(struct store *st, const char *name, const char *dept)
{
	return tu_person(st, name, dept_id(st, dept));
}

static store_id add_action(struct store *st, const char *text, store_id owner, store_id meeting,
			   time_t when)
{
	struct item it = {.kind = ITEM_ACTION, .text = (char *)text, .person_id = owner,
			  .dept_id = dept_id(st, "Sales"), .due = date_from_ymd(2026, 12, 1),
			  .revisit = DATE_NONE, .meeting_id = meeting};
	assert_int_equal(item_add(st, &it, when), STORE_OK);
	return it.id;
}

/* How many 'carried' events the item has, and the meeting of the last one. */
static int carried_events(struct store *st, store_id item, store_id *meeting)
{
	struct item_event *e;
	size_t n;
	int count = 0;
	assert_int_equal(store_item_events(st, item, &e, &n), STORE_OK);
	for (size_t i = 0; i < n; i++) {
		if (e[i].kind == EVENT_CARRIED) {
			count++;
			*meeting = e[i].meeting_id;
		}
	}
	item_events_free(e, n);
	return count;
}

static void begin__copies_default_agenda_and_carries_only_open_actions(void **state)
{
	(void)state;
	struct store *st = open_setup();
	struct meeting_run r1, r2;
	time_t t = at("2026-11-02T14:00:00Z");
	assert_int_equal(meeting_begin(st, 0, 0, t, &r1), STORE_OK);
	store_id ana = add_person(st, "Ana", "Sales");
	store_id open = add_action(st, "Still to do", ana, r1.m.id, t + 60);
	store_id done = add_action(st, "Finished", ana, r1.m.id, t + 70);
	store_id gone = add_action(st, "Typed by mistake", ana, r1.m.id, t + 80);
	assert_int_equal(item_set_status(st, done, STATUS_DONE, NULL, r1.m.id, t + 90),
			 STORE_OK);
	assert_int_equal(store_item_delete(st, gone, r1.m.id, t + 95), STORE_OK);
	assert_int_equal(meeting_end(&r1, MEETING_COMPLETED, 7, DATE_NONE, t + 3600), STORE_OK);

	assert_int_equal(meeting_begin(st, 0, 0, t + 7 * 86400, &r2), STORE_OK);
	assert_int_equal(r2.n_steps, 10);
	assert_string_equal(r2.steps[0].title, "Welcome & roll call");
	assert_int_equal(r2.steps[0].kind, STEP_ROLL_CALL);
	assert_int_equal(r2.steps[3].kind, STEP_ACTION_REVIEW);
	assert_int_equal(r2.steps[9].kind, STEP_WRAP_UP);
	assert_int_equal(meeting_planned_minutes(&r2), 70);
	assert_int_equal(r2.m.status, MEETING_IN_PROGRESS);
	assert_int_equal(r2.m.current_step, 0);
	assert_true(meeting_current(&r2) == &r2.steps[0]);

	store_id where = 0;
	assert_int_equal(carried_events(st, open, &where), 1);
	assert_int_equal(where, r2.m.id);
	assert_int_equal(carried_events(st, done, &where), 0);
	assert_int_equal(carried_events(st, gone, &where), 0);
	struct item it;
	assert_int_equal(store_item_get(st, open, &it), STORE_OK);
	assert_int_equal(it.carried, 1);
	item_free(&it);
	meeting_run_free(&r1);
	meeting_run_free(&r2);
	store_close(st);
}

static void begin__refused_while_another_is_in_progress(void **state)
{
	(void)state;
	struct store *st = open_setup();
	struct meeting_run r, again;
	time_t t = at("2026-11-02T14:00:00Z");
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	assert_int_equal(meeting_begin(st, 0, 0, t + 10, &again), STORE_DUPLICATE);
	assert_null(again.steps);
	meeting_run_free(&again);
	int64_t n;
	assert_int_equal(store_meeting_count(st, &n), STORE_OK);
	assert_int_equal(n, 1);
	meeting_run_free(&r);
	store_close(st);
}

static void goto__records_time_and_marks_done_only_forward(void **state)
{
	(void)state;
	struct store *st = open_setup();
	struct meeting_run r;
	time_t t = at("2026-11-02T14:00:00Z");
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	assert_int_equal(meeting_goto(&r, 2, t + 100), STORE_OK); /* forward: 0 done */
	assert_int_equal(meeting_goto(&r, 0, t + 160), STORE_OK); /* back: 2 not done */
	assert_int_equal(meeting_goto(&r, 2, t + 200), STORE_OK); /* revisit 0 */
	assert_int_equal(meeting_goto(&r, 2, t + 300), STORE_OK); /* same step: nothing */
	assert_int_equal(meeting_goto(&r, -1, t + 300), STORE_INVALID);
	assert_int_equal(meeting_goto(&r, 10, t + 300), STORE_INVALID);
	assert_int_equal(r.steps[0].actual_seconds, 140);
	assert_true(r.steps[0].done);
	assert_int_equal(r.steps[2].actual_seconds, 60);
	assert_false(r.steps[2].done);
	assert_int_equal(meeting_step_seconds(&r, 2, t + 230), 90);

	struct meeting_step *s;
	size_t n;
	assert_int_equal(store_meeting_steps(st, r.m.id, &s, &n), STORE_OK);
	assert_int_equal(s[0].actual_seconds, 140);
	assert_true(s[0].done);
	assert_int_equal(s[1].actual_seconds, 0);
	assert_false(s[1].done);
	assert_int_equal(s[2].actual_seconds, 60);
	assert_false(s[2].done);
	meeting_steps_free(s, n);
	struct meeting m;
	assert_int_equal(store_meeting_get(st, r.m.id, &m), STORE_OK);
	assert_int_equal(m.current_step, 2);
	meeting_run_free(&r);
	store_close(st);
}

static void resume__does_not_count_time_away(void **state)
{
	(void)state;
	struct store *st = open_setup();
	struct meeting_run r;
	time_t t = at("2026-11-02T14:00:00Z");
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	store_id id = r.m.id;
	assert_int_equal(meeting_goto(&r, 1, t + 60), STORE_OK);
	assert_int_equal(meeting_flush_time(&r, t + 90), STORE_OK);
	meeting_run_free(&r); /* the laptop lid closes for an hour */

	assert_int_equal(meeting_resume(st, id, t + 3690, &r, NULL), STORE_OK);
	assert_int_equal(r.m.current_step, 1);
	assert_int_equal(r.step_started, t + 3690);
	assert_int_equal(r.steps[0].actual_seconds, 60);
	assert_int_equal(r.steps[1].actual_seconds, 30);
	assert_int_equal(meeting_step_seconds(&r, 1, t + 3700), 40);
	/* The meeting clock is the time in its steps: the hour away is not in it. */
	assert_int_equal(meeting_total_seconds(&r, t + 3700), 100);
	assert_int_equal(meeting_goto(&r, 2, t + 3720), STORE_OK);
	assert_int_equal(r.steps[1].actual_seconds, 60);
	meeting_run_free(&r);
	assert_int_equal(meeting_resume(st, 999, t, &r, NULL), STORE_NOTFOUND);
	meeting_run_free(&r);
	store_close(st);
}

static void step_overrun__only_past_the_planned_minutes(void **state)
{
	(void)state;
	struct store *st = open_setup();
	struct meeting_run r;
	time_t t = at("2026-11-02T14:00:00Z");
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	assert_int_equal(r.steps[0].planned_minutes, 3);
	assert_false(meeting_step_overrun(&r, 0, t + 180));
	assert_true(meeting_step_overrun(&r, 0, t + 181));
	assert_false(meeting_step_overrun(&r, 1, t + 181)); /* not the current step */
	assert_int_equal(meeting_total_seconds(&r, t + 181), 181);
	assert_int_equal(meeting_total_seconds(&r, t - 5), 0);
	meeting_run_free(&r);
	store_close(st);
}

/* The presenter's readout: the time left in the step, when the meeting would
 * end (the current step's plan, or now once over, and the plan of each other
 * step not skipped), and when it was planned to end. */
static void presenter__time_left_and_the_end(void **state)
{
	(void)state;
	struct store *st = open_setup();
	struct meeting_run r;
	time_t t = at("2026-11-02T14:00:00Z");
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	int planned = meeting_planned_minutes(&r);
	assert_int_equal(planned, 70);
	assert_int_equal(meeting_step_left(&r, 0, t + 30), 150); /* of 3 minutes */
	assert_int_equal(meeting_step_left(&r, 0, t + 180), 0);
	assert_int_equal(meeting_step_left(&r, 0, t + 200), -20);
	assert_int_equal(meeting_planned_end(&r), t + 70 * 60);
	assert_int_equal(meeting_projected_end(&r, t + 30), t + 70 * 60); /* on plan */
	assert_int_equal(meeting_projected_end(&r, t + 200), t + 200 + 67 * 60); /* 20 s over */
	meeting_run_free(&r);
	store_close(st);
}

/* A screen that shows the meeting reads it again at every change: on the same
 * step its clock runs on from what it showed (a hold's sign of life is a
 * change too, and says nothing of the time), unless the holder wrote more;
 * on another step it starts from what was written. */
static void presenter__reload_keeps_the_steps_clock(void **state)
{
	(void)state;
	struct store *st = open_setup();
	struct meeting_run r, shown = {0};
	time_t t = at("2026-11-02T14:00:00Z");
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	shown.st = st;
	shown.m.id = r.m.id;
	assert_int_equal(meeting_reload_shown(&shown, t + 40), STORE_OK);
	assert_int_equal(shown.n_steps, r.n_steps);
	assert_int_equal(meeting_step_seconds(&shown, 0, t + 50), 10); /* nothing written yet */
	assert_int_equal(meeting_flush_time(&r, t + 60), STORE_OK);
	assert_int_equal(meeting_reload_shown(&shown, t + 60), STORE_OK);
	assert_int_equal(meeting_step_seconds(&shown, 0, t + 60), 60); /* the written time wins */
	assert_int_equal(meeting_reload_shown(&shown, t + 90), STORE_OK);
	assert_int_equal(meeting_step_seconds(&shown, 0, t + 90), 90); /* runs on */
	assert_int_equal(meeting_step_left(&shown, 0, t + 90), 90);
	/* plain meeting_reload starts again from the written time */
	assert_int_equal(meeting_reload(&shown, t + 90), STORE_OK);
	assert_int_equal(meeting_step_seconds(&shown, 0, t + 90), 60);
	assert_int_equal(meeting_reload_shown(&shown, t + 95), STORE_OK);
	assert_int_equal(meeting_step_seconds(&shown, 0, t + 95), 65);
	assert_int_equal(meeting_goto(&r, 1, t + 100), STORE_OK);
	assert_int_equal(meeting_reload_shown(&shown, t + 100), STORE_OK);
	assert_int_equal(shown.m.current_step, 1);
	assert_int_equal(shown.steps[0].actual_seconds, 100);
	assert_int_equal(meeting_step_seconds(&shown, 1, t + 100), 0);
	/* nothing was written by the reads: the holder still holds it */
	assert_true(store_hold_mine(st, r.m.id));
	meeting_run_free(&shown);
	meeting_run_free(&r);
	store_close(st);
}

/* The agenda shows whole minutes spent: 1:08 is 1, not 2; 2:08 of a 2-minute
 * step is 2 (over), not 3. */
static void step_minutes__whole_minutes_spent(void **state)
{
	(void)state;
	struct store *st = open_setup();
	struct meeting_run r;
	time_t t = at("2026-11-02T14:00:00Z");
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	assert_int_equal(meeting_step_minutes(&r, 0, t), 0);
	assert_int_equal(meeting_step_minutes(&r, 0, t + 59), 0);
	assert_int_equal(meeting_step_minutes(&r, 0, t + 60), 1);
	assert_int_equal(meeting_step_minutes(&r, 0, t + 68), 1);
	assert_int_equal(meeting_step_minutes(&r, 0, t + 128), 2);
	assert_int_equal(meeting_step_minutes(&r, 0, t + 180), 3);
	assert_false(meeting_step_overrun(&r, 0, t + 180)); /* 3/3: on time */
	assert_int_equal(meeting_step_minutes(&r, 0, t - 5), 0); /* a clock set back */
	assert_int_equal(meeting_goto(&r, 1, t + 68), STORE_OK);
	assert_int_equal(meeting_step_minutes(&r, 0, t + 600), 1); /* left at 1:08 */
	assert_int_equal(meeting_step_minutes(&r, 1, t + 68 + 119), 1);
	meeting_run_free(&r);
	store_close(st);
}

/* The live timer: time left in the step (3 minutes planned) and the
 * warning in its last minute, on time at exactly 3:00, over at 3:01; time
 * left in the meeting (70 minutes planned). */
static void step_left__warns_in_the_last_minute(void **state)
{
	(void)state;
	struct store *st = open_setup();
	struct meeting_run r;
	time_t t = at("2026-11-02T14:00:00Z");
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	assert_int_equal(meeting_step_left(&r, 0, t), 180);
	assert_int_equal(meeting_step_timing(&r, 0, t), TIMING_ON_TIME);
	assert_int_equal(meeting_step_timing(&r, 0, t + 119), TIMING_ON_TIME); /* 1:01 left */
	assert_int_equal(meeting_step_timing(&r, 0, t + 120), TIMING_LAST_MINUTE);
	assert_int_equal(meeting_step_left(&r, 0, t + 150), 30);
	assert_int_equal(meeting_step_timing(&r, 0, t + 150), TIMING_LAST_MINUTE);
	assert_int_equal(meeting_step_left(&r, 0, t + 180), 0);
	assert_int_equal(meeting_step_timing(&r, 0, t + 180), TIMING_LAST_MINUTE);
	assert_false(meeting_step_overrun(&r, 0, t + 180));
	assert_int_equal(meeting_step_left(&r, 0, t + 260), -80);
	assert_int_equal(meeting_step_timing(&r, 0, t + 260), TIMING_OVER);
	assert_int_equal(meeting_step_timing(&r, 0, t - 5), TIMING_ON_TIME); /* clock set back */
	assert_int_equal(meeting_left(&r, t), 70 * 60);
	assert_int_equal(meeting_left(&r, t + 260), 70 * 60 - 260);
	/* A step not reached keeps its planned minutes whatever the clock says. */
	assert_int_equal(meeting_step_left(&r, 1, t + 260), 120);
	assert_int_equal(meeting_step_timing(&r, 1, t + 260), TIMING_ON_TIME);
	/* The meeting over its plan: 71 minutes in the roll call. */
	assert_int_equal(meeting_left(&r, t + 71 * 60), -60);
	meeting_run_free(&r);
	store_close(st);
}

/* The projected end: the time left of the current step and the planned
 * minutes of every step not done yet, from now; against the planned end. */
static void projected_end__counts_what_is_left_to_do(void **state)
{
	(void)state;
	struct store *st = open_setup();
	struct meeting_run r;
	time_t t = at("2026-11-02T14:00:00Z");
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	assert_int_equal(meeting_planned_end(&r), t + 70 * 60);
	assert_int_equal(meeting_remaining_seconds(&r, t), 70 * 60);
	assert_int_equal(meeting_projected_end(&r, t), t + 70 * 60);
	/* 2:30 into the three-minute roll call: on plan. */
	assert_int_equal(meeting_remaining_seconds(&r, t + 150), 30 + 67 * 60);
	assert_int_equal(meeting_projected_end(&r, t + 150), t + 70 * 60);
	assert_int_equal(meeting_end_late_minutes(&r, t + 150), 0);
	/* The roll call ran to 4:00 and is done: a minute late. */
	assert_int_equal(meeting_goto(&r, 1, t + 240), STORE_OK);
	assert_int_equal(meeting_remaining_seconds(&r, t + 240), 67 * 60);
	assert_int_equal(meeting_projected_end(&r, t + 240), t + 71 * 60);
	assert_int_equal(meeting_end_late_minutes(&r, t + 240), 1);
	/* The mission moment (2 min) over at 3:20: nothing left of it, it is
	 * taken to end now. */
	assert_int_equal(meeting_remaining_seconds(&r, t + 440), 65 * 60);
	assert_int_equal(meeting_projected_end(&r, t + 440), t + 440 + 65 * 60);
	/* Jumping over the story (7 min) to the action review leaves the story
	 * still to do; the mission moment is done. */
	assert_int_equal(meeting_goto(&r, 3, t + 440), STORE_OK);
	assert_false(r.steps[2].done);
	assert_int_equal(meeting_remaining_seconds(&r, t + 440), 65 * 60);
	/* Back to the roll call (done, current again): its time is over, so
	 * only the steps not done count, the action review's 10 minutes whole. */
	assert_int_equal(meeting_goto(&r, 0, t + 500), STORE_OK);
	assert_int_equal(r.steps[3].actual_seconds, 60);
	assert_int_equal(meeting_remaining_seconds(&r, t + 500), 65 * 60 - 60);
	meeting_run_free(&r);
	store_close(st);

	/* The roll call done in 0:30: the end projected at 15:07:30 against
	 * 15:10 is three minutes early, as the clocks show them. */
	st = open_setup();
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	assert_int_equal(meeting_goto(&r, 1, t + 30), STORE_OK);
	assert_int_equal(meeting_projected_end(&r, t + 30), t + 67 * 60 + 30);
	assert_int_equal(meeting_end_late_minutes(&r, t + 30), -3);
	meeting_run_free(&r);
	store_close(st);
}

/* The end against the plan, as both the facilitator's screen and the
 * presenter view say it: the planned end dated when the meeting is resumed
 * on a later day, and then no minutes early or late. */
static void planned_end__dated_on_a_later_day(void **state)
{
	(void)state;
	struct store *st = open_setup();
	struct meeting_run r;
	char buf[64];
	time_t t = at("2026-11-02T10:00:00Z");
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	assert_true(meeting_planned_end_today(&r, t));
	meeting_planned_end_text(&r, t, buf, sizeof buf);
	assert_string_equal(buf, "11:10");
	meeting_end_against_plan(&r, t, buf, sizeof buf);
	assert_string_equal(buf, ""); /* on plan */
	/* the roll call done in 0:30: three minutes early */
	assert_int_equal(meeting_goto(&r, 1, t + 30), STORE_OK);
	meeting_end_against_plan(&r, t + 30, buf, sizeof buf);
	assert_string_equal(buf, "3 min early");
	/* ... and late: seven minutes of the two-minute mission moment */
	meeting_end_against_plan(&r, t + 30 + 420, buf, sizeof buf);
	assert_string_equal(buf, "2 min late");
	/* the last minute of the same day is still today */
	time_t late_evening = at("2026-11-02T23:59:59Z");
	assert_true(meeting_planned_end_today(&r, late_evening));
	/* resumed the next day: the planned end is the day it started, dated,
	 * and the hours since are not "min late" */
	time_t next_day = at("2026-11-03T09:00:00Z");
	assert_false(meeting_planned_end_today(&r, next_day));
	meeting_planned_end_text(&r, next_day, buf, sizeof buf);
	assert_string_equal(buf, "2026-11-02 11:10");
	assert_true(meeting_end_late_minutes(&r, next_day) > 0);
	meeting_end_against_plan(&r, next_day, buf, sizeof buf);
	assert_string_equal(buf, "");
	meeting_run_free(&r);
	store_close(st);
}

static void duration_clock__minutes_then_hours(void **state)
{
	(void)state;
	char buf[24];
	duration_clock_text(0, buf, sizeof buf);
	assert_string_equal(buf, "0:00");
	duration_clock_text(252, buf, sizeof buf);
	assert_string_equal(buf, "4:12");
	duration_clock_text(-20, buf, sizeof buf); /* the sign is the caller's words */
	assert_string_equal(buf, "0:20");
	duration_clock_text(3599, buf, sizeof buf);
	assert_string_equal(buf, "59:59");
	duration_clock_text(3729, buf, sizeof buf);
	assert_string_equal(buf, "1:02:09");
}

/* An item's details line, in the list of a step and on the presenter. */
static void item_meta__the_parts_asked_for(void **state)
{
	(void)state;
	struct item act = {.id = 1, .kind = ITEM_ACTION, .text = (char *)"Call back",
			   .person_name = (char *)"Zoë Ångström", .dept_name = (char *)"Sales",
			   .due = date_from_ymd(2026, 12, 23), .revisit = DATE_NONE};
	char *s = item_meta_text(&act, 0);
	assert_string_equal(s, "Sales · Zoë Ångström · due 2026-12-23");
	free(s);
	s = item_meta_text(&act, ITEM_META_KIND | ITEM_META_OWNER);
	assert_string_equal(s, "Action · owner Zoë Ångström · Sales · due 2026-12-23");
	free(s);
	s = item_meta_text(&act, ITEM_META_OWNER);
	assert_string_equal(s, "Owner Zoë Ångström · Sales · due 2026-12-23");
	free(s);
	struct item story = {.id = 2, .kind = ITEM_STORY, .text = (char *)"A refund",
			     .dept_name = (char *)"Support", .due = DATE_NONE,
			     .revisit = date_from_ymd(2027, 1, 4)};
	s = item_meta_text(&story, ITEM_META_KIND | ITEM_META_OWNER);
	assert_string_equal(s, "Story · Support");
	free(s);
	s = item_meta_text(&story, ITEM_META_MORE);
	assert_string_equal(s, "Support · customer not named · revisit 2027-01-04");
	free(s);
	struct item parked = {.id = 3, .kind = ITEM_PARKED, .text = (char *)"Later",
			      .due = DATE_NONE, .revisit = DATE_NONE};
	s = item_meta_text(&parked, 0);
	assert_string_equal(s, "");
	free(s);
	char title[32];
	item_kind_title(ITEM_PARKED, title, sizeof title);
	assert_string_equal(title, "Parked topic");
}

/* The new actions of a meeting, and all its items counted by kind. */
static void items_of_kind__kept_and_counted(void **state)
{
	(void)state;
	struct store *st = open_setup();
	struct meeting_run r;
	time_t t = at("2026-11-02T10:00:00Z");
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	struct item *items;
	size_t n;
	int counts[ITEM_KIND_COUNT];
	assert_int_equal(meeting_items_of_kind(st, r.m.id, ITEM_ACTION, &items, &n, counts),
			 STORE_OK);
	assert_int_equal(n, 0);
	for (int k = 0; k < ITEM_KIND_COUNT; k++)
		assert_int_equal(counts[k], 0);
	item_list_free(items, n);
	char err[256];
	store_id owner = add_person(st, "Ana Ruiz", "Sales");
	struct item note = {.kind = ITEM_NOTE, .text = "Seen", .due = DATE_NONE,
			    .revisit = DATE_NONE, .meeting_id = r.m.id, .step_id = r.steps[2].id};
	struct item act = {.kind = ITEM_ACTION, .text = "Call back", .due = date_from_ymd(2026, 11, 9),
			   .person_id = owner, .dept_id = dept_id(st, "Sales"), .revisit = DATE_NONE,
			   .meeting_id = r.m.id, .step_id = r.steps[8].id};
	assert_int_equal(meeting_add_item(st, &note, NULL, t + 10, err, sizeof err), STORE_OK);
	assert_int_equal(meeting_add_item(st, &act, NULL, t + 20, err, sizeof err), STORE_OK);
	assert_int_equal(meeting_items_of_kind(st, r.m.id, ITEM_ACTION, &items, &n, counts),
			 STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(items[0].text, "Call back");
	assert_string_equal(items[0].person_name, "Ana Ruiz");
	assert_int_equal(counts[ITEM_ACTION], 1);
	assert_int_equal(counts[ITEM_NOTE], 1);
	assert_int_equal(counts[ITEM_WIN], 0);
	item_list_free(items, n);
	meeting_run_free(&r);
	store_close(st);
}

static void overrun_seconds__only_past_the_plan(void **state)
{
	(void)state;
	assert_int_equal(step_overrun_seconds(3, 0), 0);
	assert_int_equal(step_overrun_seconds(3, 180), 0);
	assert_int_equal(step_overrun_seconds(3, 181), 1);
	assert_int_equal(step_overrun_seconds(3, 300), 120);
	assert_int_equal(step_overrun_seconds(0, 30), 30);
}

static void end__completed_with_rating_and_next_date_then_begin_again(void **state)
{
	(void)state;
	struct store *st = open_setup();
	struct meeting_run r;
	time_t t = at("2026-11-02T14:00:00Z");
	cx_date next = date_from_ymd(2026, 12, 7);
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	store_id first = r.m.id;
	assert_int_equal(meeting_goto(&r, 8, t + 3000), STORE_OK);
	assert_int_equal(meeting_end(&r, MEETING_COMPLETED, 8, next, t + 3300), STORE_OK);
	assert_int_equal(r.m.status, MEETING_COMPLETED);
	meeting_run_free(&r);

	struct meeting m;
	assert_int_equal(store_meeting_get(st, first, &m), STORE_OK);
	assert_int_equal(m.status, MEETING_COMPLETED);
	assert_int_equal(m.rating, 8);
	assert_int_equal(m.next_meeting, next);
	assert_int_equal(m.ended_at, t + 3300);
	struct meeting_step *s;
	size_t n;
	assert_int_equal(store_meeting_steps(st, first, &s, &n), STORE_OK);
	assert_int_equal(s[8].actual_seconds, 300);
	assert_true(s[8].done);
	meeting_steps_free(s, n);
	store_id id;
	assert_int_equal(store_meeting_in_progress(st, &id), STORE_NOTFOUND);

	assert_int_equal(meeting_begin(st, 0, 0, t + 86400, &r), STORE_OK);
	assert_true(r.m.id != first);
	assert_int_equal(meeting_end(&r, MEETING_ABANDONED, 0, DATE_NONE, t + 86500), STORE_OK);
	assert_int_equal(store_meeting_get(st, r.m.id, &m), STORE_OK);
	assert_int_equal(m.status, MEETING_ABANDONED);
	assert_int_equal(m.rating, 0);
	assert_int_equal(m.next_meeting, DATE_NONE);
	assert_int_equal(store_meeting_steps(st, r.m.id, &s, &n), STORE_OK);
	assert_false(s[0].done); /* abandoned: the step was not finished */
	assert_int_equal(s[0].actual_seconds, 100);
	meeting_steps_free(s, n);
	meeting_run_free(&r);
	store_close(st);
}

static int check(enum item_kind kind, const char *text, store_id dept, store_id person,
		 cx_date due, char *err, size_t errlen)
{
	struct item it = {.kind = kind, .text = (char *)text, .dept_id = dept, .person_id = person,
			  .due = due, .revisit = DATE_NONE};
	err[0] = '\0';
	return item_check(&it, err, errlen);
}

static void item_check__rules_of_each_kind(void **state)
{
	(void)state;
	char err[256];
	cx_date due = date_from_ymd(2026, 12, 1);
	for (int k = 0; k < ITEM_KIND_COUNT; k++) {
		assert_int_equal(check(k, "", 1, 1, due, err, sizeof err), -1);
		assert_non_null(strstr(err, "empty"));
		assert_int_equal(check(k, "Text", 1, 1, k == ITEM_ACTION ? due : DATE_NONE, err,
				       sizeof err), 0);
	}
	assert_int_equal(check(ITEM_ACTION, "Do it", 1, 0, due, err, sizeof err), -1);
	assert_non_null(strstr(err, "owner"));
	assert_int_equal(check(ITEM_ACTION, "Do it", 0, 1, due, err, sizeof err), -1);
	assert_non_null(strstr(err, "department"));
	assert_int_equal(check(ITEM_ACTION, "Do it", 1, 1, DATE_NONE, err, sizeof err), -1);
	assert_non_null(strstr(err, "due date"));
	assert_int_equal(check(ITEM_WIN, "Shipped", 0, 1, DATE_NONE, err, sizeof err), -1);
	assert_non_null(strstr(err, "department"));
	assert_int_equal(check(ITEM_WIN, "Shipped", 1, 0, DATE_NONE, err, sizeof err), 0);
	assert_int_equal(check(ITEM_MESSAGE, "Tell them", 0, 0, DATE_NONE, err, sizeof err), -1);
	assert_non_null(strstr(err, "department"));
	assert_int_equal(check(ITEM_INSIGHT, "Calls up", 0, 0, DATE_NONE, err, sizeof err), 0);
	assert_int_equal(check(ITEM_NOTE, "A note", 0, 0, DATE_NONE, err, sizeof err), 0);
	assert_int_equal(check(ITEM_PARKED, "Later", 0, 0, DATE_NONE, err, sizeof err), 0);
}

static void step_default_kind__offers_the_steps_item_first(void **state)
{
	(void)state;
	assert_int_equal(step_default_kind(STEP_ROLL_CALL), ITEM_NOTE);
	assert_int_equal(step_default_kind(STEP_MISSION), ITEM_NOTE);
	assert_int_equal(step_default_kind(STEP_STORY), ITEM_STORY);
	assert_int_equal(step_default_kind(STEP_ACTION_REVIEW), ITEM_ACTION);
	assert_int_equal(step_default_kind(STEP_INSIGHTS), ITEM_INSIGHT);
	assert_int_equal(step_default_kind(STEP_PRIORITIES), ITEM_DECISION);
	assert_int_equal(step_default_kind(STEP_WINS), ITEM_WIN);
	assert_int_equal(step_default_kind(STEP_NEW_ACTIONS), ITEM_ACTION);
	assert_int_equal(step_default_kind(STEP_WRAP_UP), ITEM_MESSAGE);
	assert_int_equal(step_default_kind(STEP_TOPIC), ITEM_NOTE);
}

static void next_due__counts_from_the_last_meeting_or_today(void **state)
{
	(void)state;
	struct cadence weekly = {CADENCE_WEEKS, 1}, monthly = {CADENCE_MONTHS, 1};
	struct cadence ten_days = {CADENCE_DAYS, 10};
	cx_date today = date_from_ymd(2026, 11, 23);
	cx_date last = date_from_ymd(2026, 11, 16);
	assert_int_equal(meeting_next_due(&weekly, last, today), date_from_ymd(2026, 11, 23));
	assert_int_equal(meeting_next_due(&weekly, DATE_NONE, today), date_from_ymd(2026, 11, 30));
	assert_int_equal(meeting_next_due(&ten_days, last, today), date_from_ymd(2026, 11, 26));
	assert_int_equal(meeting_next_due(&monthly, date_from_ymd(2027, 1, 31), today),
			 date_from_ymd(2027, 2, 28));
}

static void outcome__rating_and_next_date_kept_before_the_end(void **state)
{
	(void)state;
	struct store *st = open_setup();
	struct meeting_run r;
	time_t t = at("2026-11-02T14:00:00Z");
	cx_date next = date_from_ymd(2026, 12, 7);
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	assert_int_equal(store_meeting_set_outcome(st, r.m.id, 11, next), STORE_INVALID);
	assert_int_equal(store_meeting_set_outcome(st, r.m.id, 8, next), STORE_OK);
	store_id id = r.m.id;
	meeting_run_free(&r); /* a crash before the end */
	assert_int_equal(meeting_resume(st, id, t + 60, &r, NULL), STORE_OK);
	assert_int_equal(r.m.rating, 8);
	assert_int_equal(r.m.next_meeting, next);
	assert_int_equal(meeting_end(&r, MEETING_COMPLETED, 8, next, t + 120), STORE_OK);
	assert_int_equal(store_meeting_set_outcome(st, id, 5, next), STORE_NOTFOUND);
	meeting_run_free(&r);
	store_close(st);
}

static void delete__a_settling_decision_reopens_its_topic(void **state)
{
	(void)state;
	struct store *st = open_setup();
	time_t t = at("2026-11-02T14:00:00Z");
	struct item topic = {.kind = ITEM_PARKED, .text = "Weekend support?", .due = DATE_NONE,
			     .revisit = DATE_NONE};
	struct item dec = {.kind = ITEM_DECISION, .text = "Open on Saturdays", .due = DATE_NONE,
			   .revisit = DATE_NONE};
	assert_int_equal(item_add(st, &topic, t), STORE_OK);
	assert_int_equal(item_add(st, &dec, t), STORE_OK);
	assert_int_equal(store_item_link(st, dec.id, topic.id, LINK_SETTLES), STORE_OK);
	assert_int_equal(item_set_status(st, topic.id, STATUS_CLOSED, NULL, 0, t), STORE_OK);
	assert_int_equal(meeting_delete_item(st, dec.id, 0, t + 60), STORE_OK);
	struct item got;
	assert_int_equal(store_item_get(st, topic.id, &got), STORE_OK);
	assert_int_equal(got.status, STATUS_OPEN);
	item_free(&got);
	assert_int_equal(store_item_get(st, dec.id, &got), STORE_OK);
	assert_true(got.deleted_at != 0);
	item_free(&got);
	struct item_event *ev;
	size_t n;
	assert_int_equal(store_item_events(st, topic.id, &ev, &n), STORE_OK);
	assert_int_equal(ev[n - 1].kind, EVENT_REOPENED);
	assert_non_null(strstr(ev[n - 1].reason, "deleted"));
	item_events_free(ev, n);
	/* Deleting something else touches no topic. */
	assert_int_equal(meeting_delete_item(st, topic.id, 0, t + 90), STORE_OK);
	assert_int_equal(meeting_delete_item(st, topic.id, 0, t + 95), STORE_NOTFOUND);
	store_close(st);
}

static void add_item__a_decision_on_a_topic_settles_and_closes_it(void **state)
{
	(void)state;
	struct store *st = open_setup();
	time_t t = at("2026-11-02T14:00:00Z");
	char err[256];
	struct item topic = {.kind = ITEM_PARKED, .text = "Weekend support?", .due = DATE_NONE,
			     .revisit = DATE_NONE};
	struct item story = {.kind = ITEM_STORY, .text = "Lost parcel", .due = DATE_NONE,
			     .revisit = DATE_NONE};
	assert_int_equal(item_add(st, &topic, t), STORE_OK);
	assert_int_equal(item_add(st, &story, t), STORE_OK);
	struct item dec = {.kind = ITEM_DECISION, .text = "Open on Saturdays", .due = DATE_NONE,
			   .revisit = DATE_NONE};
	assert_int_equal(meeting_add_item(st, &dec, &topic, t + 10, err, sizeof err), STORE_OK);
	struct item got;
	assert_int_equal(store_item_get(st, topic.id, &got), STORE_OK);
	assert_int_equal(got.status, STATUS_CLOSED);
	item_free(&got);
	store_id *others;
	enum link_kind *kinds;
	size_t n;
	assert_int_equal(store_item_links(st, dec.id, &others, &kinds, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(kinds[0], LINK_SETTLES);
	free(others);
	free(kinds);
	/* An action arising from a story is linked, and the story stays as it was. */
	store_id owner = add_person(st, "Ana Ruiz", "Sales");
	struct item act = {.kind = ITEM_ACTION, .text = "Call back", .due = date_from_ymd(2026, 11, 9),
			   .person_id = owner, .dept_id = dept_id(st, "Sales"), .revisit = DATE_NONE};
	assert_int_equal(meeting_add_item(st, &act, &story, t + 20, err, sizeof err), STORE_OK);
	assert_int_equal(store_item_links(st, act.id, &others, &kinds, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(kinds[0], LINK_AROSE_FROM);
	free(others);
	free(kinds);
	/* A note cannot be linked to a story: refused, and nothing is written. */
	int64_t before, after;
	store_item_count(st, -1, &before);
	struct item note = {.kind = ITEM_NOTE, .text = "x", .due = DATE_NONE, .revisit = DATE_NONE};
	assert_int_equal(meeting_add_item(st, &note, &story, t + 30, err, sizeof err), STORE_INVALID);
	assert_string_equal(err, "this note cannot be linked to that story");
	store_item_count(st, -1, &after);
	assert_int_equal(after, before);
	store_close(st);
}

/* Adding and editing pass one gate in core: an action without an owner, a
 * department or a due date is refused there, saying why, whoever calls, and
 * nothing is written; an edit that would take one away is refused too. */
static void item_gate__adding_and_editing_keep_the_rules_of_each_kind(void **state)
{
	(void)state;
	struct store *st = open_setup();
	time_t t = at("2026-11-02T14:00:00Z");
	char err[256];
	int64_t before, after;
	store_item_count(st, -1, &before);
	struct item act = {.kind = ITEM_ACTION, .text = "Call back", .due = date_from_ymd(2026, 11, 9),
			   .dept_id = dept_id(st, "Sales"), .revisit = DATE_NONE};
	assert_int_equal(meeting_add_item(st, &act, NULL, t, err, sizeof err), STORE_INVALID);
	assert_string_equal(err, "an action needs an owner");
	struct item win = {.kind = ITEM_WIN, .text = "Fewer calls", .due = DATE_NONE,
			   .revisit = DATE_NONE};
	assert_int_equal(meeting_add_item(st, &win, NULL, t, err, sizeof err), STORE_INVALID);
	assert_string_equal(err, "a win credits a department: choose one");
	store_item_count(st, -1, &after);
	assert_int_equal(after, before);

	act.person_id = add_person(st, "Ana Ruiz", "Sales");
	assert_int_equal(meeting_add_item(st, &act, NULL, t, err, sizeof err), STORE_OK);
	struct item edit = act;
	edit.due = DATE_NONE;
	assert_int_equal(item_edit(st, &edit, 0, t + 10, err, sizeof err), STORE_INVALID);
	assert_string_equal(err, "an action needs a due date");
	struct item got;
	assert_int_equal(store_item_get(st, act.id, &got), STORE_OK);
	assert_int_equal(got.due, date_from_ymd(2026, 11, 9)); /* unchanged */
	item_free(&got);
	edit.due = date_from_ymd(2026, 11, 16);
	assert_int_equal(item_edit(st, &edit, 0, t + 10, err, sizeof err), STORE_OK);
	assert_int_equal(store_item_get(st, act.id, &got), STORE_OK);
	assert_int_equal(got.due, date_from_ymd(2026, 11, 16));
	item_free(&got);

	/* An action saved before the rule, with no department: its owner may
	 * change all the same, but the owner may not be taken away. */
	struct item old = {.kind = ITEM_ACTION, .text = "Old one", .person_id = act.person_id,
			   .due = date_from_ymd(2026, 11, 9), .revisit = DATE_NONE};
	assert_int_equal(item_add(st, &old, t), STORE_OK);
	struct item moved = old;
	moved.person_id = add_person(st, "Bo Li", "IT");
	assert_int_equal(item_edit(st, &moved, 0, t + 10, err, sizeof err), STORE_OK);
	moved.person_id = 0;
	assert_int_equal(item_edit(st, &moved, 0, t + 20, err, sizeof err), STORE_INVALID);
	assert_string_equal(err, "an action needs an owner");
	store_close(st);
}

static void quiet_heroes__behind_the_scenes_without_a_win(void **state)
{
	(void)state;
	struct dept d[] = {{.id = 1, .name = "Sales"}, {.id = 2, .name = "IT", .behind = true},
			   {.id = 3, .name = "Finance", .behind = true},
			   {.id = 4, .name = "Legal", .behind = true, .archived = true}};
	struct item wins[] = {{.kind = ITEM_WIN, .dept_id = 3}, {.kind = ITEM_NOTE, .dept_id = 2}};
	bool quiet[4];
	meeting_quiet_heroes(d, 4, wins, 2, quiet);
	assert_false(quiet[0]); /* customer-facing */
	assert_true(quiet[1]);  /* a note is not a win */
	assert_false(quiet[2]); /* credited */
	assert_false(quiet[3]); /* archived */
}


/* --- one writer per live meeting ---------------------------------------- */

static struct store *open_again(struct store *st)
{
	struct store *b;
	char err[256];
	assert_int_equal(store_open(store_path(st), &b, err, sizeof err), STORE_OK);
	return b;
}

static int64_t count_rows(struct store *st, const char *what)
{
	int64_t n = -1;
	if (strcmp(what, "items") == 0)
		assert_int_equal(store_item_count(st, -1, &n), STORE_OK);
	return n;
}

static struct item note_in(store_id meeting, const char *text)
{
	return (struct item){.kind = ITEM_NOTE, .text = (char *)text, .due = DATE_NONE,
			     .revisit = DATE_NONE, .meeting_id = meeting};
}

/* A bulk write (the demo's) lifts this connection's hold checks for its
 * transaction only, and only while no other instance holds a meeting: after
 * its rollback or its commit, every write into a meeting held elsewhere is
 * refused again. */
static void hold__checks_are_back_after_a_bulk_write(void **state)
{
	(void)state;
	struct store *a = open_setup();
	struct store *b = open_again(a);
	time_t t = at("2026-11-23T10:00:00Z");
	assert_int_equal(store_begin(b), STORE_OK);
	assert_int_equal(store_bulk_begin(b), STORE_OK);
	store_rollback(b);
	assert_int_equal(store_begin(b), STORE_OK);
	assert_int_equal(store_bulk_begin(b), STORE_OK);
	struct item outside = note_in(0, "written in bulk");
	assert_int_equal(item_add(b, &outside, t), STORE_OK);
	assert_int_equal(store_bulk_end(b), STORE_OK);
	assert_int_equal(store_commit(b), STORE_OK);
	struct meeting_run r;
	assert_int_equal(meeting_begin(a, 0, 0, t, &r), STORE_OK);
	struct item it = note_in(r.m.id, "from b");
	assert_int_equal(item_add(b, &it, t), STORE_NOT_HELD);
	assert_int_equal(store_meeting_set_current_step(b, r.m.id, 3), STORE_NOT_HELD);
	/* while a holds its meeting, b writes nothing in bulk */
	assert_int_equal(store_begin(b), STORE_OK);
	assert_int_equal(store_bulk_begin(b), STORE_BUSY);
	store_rollback(b);
	assert_int_equal(item_add(b, &it, t), STORE_NOT_HELD);
	assert_int_equal(count_rows(a, "items"), 1);
	meeting_run_free(&r);
	store_close(b);
	store_close(a);
}

/* A connection makes its hold checks only when it first writes (a command
 * that only reads never does): a write outside any transaction, as the
 * first thing a fresh connection does, is checked all the same, and so is a
 * reader that turns writer later. */
static void hold__a_first_write_outside_a_transaction_is_checked(void **state)
{
	(void)state;
	struct store *a = open_setup();
	time_t t = at("2026-11-23T10:00:00Z");
	struct meeting_run r;
	assert_int_equal(meeting_begin(a, 0, 0, t, &r), STORE_OK);
	struct store *b = open_again(a);
	struct meeting_draft d = {.kind = ITEM_WIN, .text = (char *)"half"};
	assert_int_equal(store_draft_save(b, r.m.id, &d, t), STORE_NOT_HELD);
	store_close(b);
	b = open_again(a);
	assert_int_equal(store_meeting_set_current_step(b, r.m.id, 3), STORE_NOT_HELD);
	store_close(b);
	b = open_again(a);
	struct meeting m;
	assert_int_equal(store_meeting_get(b, r.m.id, &m), STORE_OK); /* reads first */
	assert_int_equal(store_hold_beat(b, r.m.id, t + 1), STORE_NOT_HELD);
	struct item it = note_in(r.m.id, "from b");
	assert_int_equal(item_add(b, &it, t), STORE_NOT_HELD);
	assert_int_equal(store_meeting_get(a, r.m.id, &m), STORE_OK);
	assert_int_equal(m.current_step, 0);
	assert_int_equal(count_rows(a, "items"), 0);
	/* the holder itself writes on */
	assert_int_equal(store_draft_save(a, r.m.id, &d, t), STORE_OK);
	assert_int_equal(store_meeting_set_current_step(a, r.m.id, 3), STORE_OK);
	meeting_run_free(&r);
	store_close(b);
	store_close(a);
}

static void hold__only_the_holder_writes_into_the_meeting(void **state)
{
	(void)state;
	struct store *a = open_setup();
	time_t t = at("2026-11-23T10:00:00Z");
	struct meeting_run r;
	assert_int_equal(meeting_begin(a, 0, 0, t, &r), STORE_OK);
	store_id ana = add_person(a, "Ana", "Sales");
	struct store *b = open_again(a);
	/* b did not start it and has not taken it: every write into it is refused */
	struct item it = note_in(r.m.id, "from b");
	assert_int_equal(item_add(b, &it, t), STORE_NOT_HELD);
	assert_non_null(strstr(store_errmsg(b), "nothing was saved"));
	assert_non_null(strstr(store_errmsg(b), "has held the meeting since 2026-11-23 10:00"));
	assert_int_equal(store_meeting_set_current_step(b, r.m.id, 3), STORE_NOT_HELD);
	assert_int_equal(store_meeting_step_time(b, r.m.id, 0, 60, true), STORE_NOT_HELD);
	assert_int_equal(store_attendance_set(b, r.m.id, ana, true), STORE_NOT_HELD);
	assert_int_equal(store_meeting_set_outcome(b, r.m.id, 7, DATE_NONE), STORE_NOT_HELD);
	assert_int_equal(store_meeting_finish(b, r.m.id, MEETING_COMPLETED, t, 7, DATE_NONE),
			 STORE_NOT_HELD);
	struct meeting_draft d = {.kind = ITEM_WIN, .text = (char *)"half"};
	assert_int_equal(store_draft_save(b, r.m.id, &d, t), STORE_NOT_HELD);
	assert_int_equal(count_rows(a, "items"), 0);
	struct meeting m;
	assert_int_equal(store_meeting_get(a, r.m.id, &m), STORE_OK);
	assert_int_equal(m.current_step, 0);
	assert_int_equal(m.status, MEETING_IN_PROGRESS);
	/* between meetings' writes (no meeting) go on from anyone */
	it = note_in(0, "outside the meeting");
	assert_int_equal(item_add(b, &it, t), STORE_OK);
	/* the holder writes */
	it = note_in(r.m.id, "from a");
	assert_int_equal(item_add(a, &it, t), STORE_OK);
	assert_int_equal(meeting_goto(&r, 2, t + 60), STORE_OK);
	assert_int_equal(count_rows(a, "items"), 2);
	meeting_run_free(&r);
	store_close(b);
	store_close(a);
}

static void hold__take_over_moves_the_writer(void **state)
{
	(void)state;
	struct store *a = open_setup();
	time_t t = at("2026-11-23T10:00:00Z");
	struct meeting_run ra, rb;
	assert_int_equal(meeting_begin(a, 0, 0, t, &ra), STORE_OK);
	struct store *b = open_again(a);
	struct meeting_hold h;
	/* the holder lives (this very process): b is told who holds it */
	assert_int_equal(meeting_resume(b, ra.m.id, t + 5, &rb, &h), STORE_NOT_HELD);
	assert_false(h.mine);
	assert_true(h.same_host);
	assert_false(meeting_hold_gone(&h, t + 3600));
	assert_int_equal(h.since, t);
	assert_non_null(h.user);
	assert_int_equal(meeting_take_over(&rb, &h, t + 10), STORE_OK);
	/* a take-over from a hold read before is refused once another took it */
	assert_int_equal(store_hold_take(a, ra.m.id, &h, t + 11), STORE_NOT_HELD);
	assert_false(store_hold_mine(a, ra.m.id));
	assert_true(store_hold_mine(b, ra.m.id));
	struct item it = note_in(ra.m.id, "from a");
	assert_int_equal(item_add(a, &it, t + 12), STORE_NOT_HELD);
	assert_int_equal(meeting_goto(&ra, 3, t + 12), STORE_NOT_HELD);
	assert_int_equal(store_hold_beat(a, ra.m.id, t + 13), STORE_NOT_HELD);
	it = note_in(ra.m.id, "from b");
	assert_int_equal(item_add(b, &it, t + 14), STORE_OK);
	assert_int_equal(store_hold_beat(b, ra.m.id, t + 15), STORE_OK);
	/* let go: the next to resume takes it without a question */
	assert_int_equal(store_hold_release(b, ra.m.id), STORE_OK);
	meeting_run_free(&ra);
	assert_int_equal(meeting_resume(a, rb.m.id, t + 20, &ra, NULL), STORE_OK);
	assert_true(store_hold_mine(a, ra.m.id));
	meeting_hold_free(&h);
	meeting_run_free(&ra);
	meeting_run_free(&rb);
	store_close(b);
	store_close(a);
}

static void hold__nothing_written_into_an_ended_meeting(void **state)
{
	(void)state;
	struct store *a = open_setup();
	time_t t = at("2026-11-23T10:00:00Z");
	struct meeting_run r;
	assert_int_equal(meeting_begin(a, 0, 0, t, &r), STORE_OK);
	store_id mid = r.m.id;
	assert_int_equal(meeting_end(&r, MEETING_COMPLETED, 8, DATE_NONE, t + 60), STORE_OK);
	struct item it = note_in(mid, "too late");
	assert_int_equal(item_add(a, &it, t + 70), STORE_NOT_HELD);
	assert_non_null(strstr(store_errmsg(a), "the meeting has ended"));
	assert_int_equal(store_meeting_set_current_step(a, mid, 2), STORE_NOT_HELD);
	assert_int_equal(count_rows(a, "items"), 0);
	meeting_run_free(&r);
	/* the check runs inside the writing transaction: a meeting ended earlier
	 * in the same transaction refuses the item, and both are rolled back */
	assert_int_equal(meeting_begin(a, 0, 0, t + 100, &r), STORE_OK);
	assert_int_equal(store_begin(a), STORE_OK);
	assert_int_equal(store_meeting_finish(a, r.m.id, MEETING_COMPLETED, t + 110, 0, DATE_NONE),
			 STORE_OK);
	it = note_in(r.m.id, "after the end, same transaction");
	assert_int_equal(item_add(a, &it, t + 111), STORE_NOT_HELD);
	store_rollback(a);
	struct meeting m;
	assert_int_equal(store_meeting_get(a, r.m.id, &m), STORE_OK);
	assert_int_equal(m.status, MEETING_IN_PROGRESS);
	assert_int_equal(count_rows(a, "items"), 0);
	meeting_run_free(&r);
	store_close(a);
}

static void hold_gone__a_dead_process_here_or_a_silent_one_elsewhere(void **state)
{
	(void)state;
	pid_t child = fork();
	if (child == 0)
		_exit(0);
	assert_true(child > 0);
	assert_int_equal(waitpid(child, NULL, 0), child);
	time_t t = at("2026-11-23T10:00:00Z");
	struct meeting_hold h = {.same_host = true, .pid = child, .seen = t};
	assert_true(meeting_hold_gone(&h, t)); /* kill -9: the process is no more */
	h.pid = getpid();
	assert_false(meeting_hold_gone(&h, t + 86400)); /* alive here, however quiet */
	h = (struct meeting_hold){.same_host = false, .pid = getpid(), .seen = t};
	assert_false(meeting_hold_gone(&h, t + HOLD_STALE_SECS));
	assert_true(meeting_hold_gone(&h, t + HOLD_STALE_SECS + 1)); /* a closed lid */
}

static void step_done__worked_in_or_moved_on_however_it_was_left(void **state)
{
	(void)state;
	struct store *st = open_setup();
	struct meeting_run r;
	time_t t = at("2026-11-02T14:00:00Z");
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	assert_int_equal(meeting_goto(&r, 6, t + 10), STORE_OK); /* jump over 1..5 */
	struct item it = note_in(r.m.id, "a win, as a note will do");
	it.step_id = r.steps[6].id;
	assert_int_equal(item_add(st, &it, t + 20), STORE_OK);
	assert_int_equal(meeting_goto(&r, 4, t + 30), STORE_OK); /* back, after work */
	assert_true(r.steps[6].done);
	assert_int_equal(meeting_goto(&r, 3, t + 40), STORE_OK); /* back, nothing done */
	assert_false(r.steps[4].done);
	struct meeting_work w;
	assert_int_equal(store_meeting_work(st, r.m.id, &w), STORE_OK);
	assert_int_equal(meeting_step_work(&r.steps[6], &w), 1);
	/* the same rule reads a flag left unset by an older version */
	struct meeting_step s = r.steps[6];
	s.done = false;
	assert_true(meeting_step_done(&s, &w));
	s.skipped = true;
	assert_false(meeting_step_done(&s, &w));
	assert_true(meeting_step_done(&r.steps[0], &w)); /* moved on from it */
	assert_false(meeting_step_done(&r.steps[2], &w)); /* jumped over */
	meeting_work_free(&w);
	meeting_run_free(&r);
	store_close(st);
}

/* A member's rating as typed, and the average and spread of several. */
static void ratings__parsed_averaged_and_spread(void **state)
{
	(void)state;
	char err[100];
	assert_int_equal(meeting_rating_parse("7", err, sizeof err), 7);
	assert_int_equal(meeting_rating_parse("10 ", err, sizeof err), 10);
	assert_int_equal(meeting_rating_parse("0", err, sizeof err), 0);
	assert_string_equal(err, "A rating is a whole number from 1 to 10.");
	assert_int_equal(meeting_rating_parse("11", err, sizeof err), 0);
	assert_int_equal(meeting_rating_parse("7.5", err, sizeof err), 0);
	assert_int_equal(meeting_rating_parse("", err, sizeof err), 0);

	struct member_rating r[] = {{.rating = 8}, {.rating = 6}, {.rating = 9}, {.rating = 7},
				    {.rating = 9}};
	struct rating_spread sp;
	char text[64];
	rating_spread_of(r, 0, &sp);
	assert_int_equal(sp.n, 0);
	rating_spread_text(&sp, text, sizeof text);
	assert_string_equal(text, "");
	rating_spread_of(r, 1, &sp);
	rating_spread_text(&sp, text, sizeof text);
	assert_string_equal(text, "8.0 (1 rating)");
	rating_spread_of(r, 5, &sp);
	assert_int_equal(sp.lo, 6);
	assert_int_equal(sp.hi, 9);
	assert_true(rating_average(&sp) > 7.79 && rating_average(&sp) < 7.81);
	rating_spread_text(&sp, text, sizeof text);
	assert_string_equal(text, "7.8 (6–9, 5 ratings)");
	/* the meeting's rating as the minutes, the wrap-up and the presenter
	 * give it: the members' when they rated, else the one typed */
	meeting_rating_text(&sp, 8, text, sizeof text);
	assert_string_equal(text, "7.8 (6–9, 5 ratings)");
	rating_spread_of(r, 0, &sp);
	meeting_rating_text(&sp, 8, text, sizeof text);
	assert_string_equal(text, "8/10");
	meeting_rating_text(&sp, 0, text, sizeof text);
	assert_string_equal(text, "");
	meeting_rating_text(NULL, 0, text, sizeof text);
	assert_string_equal(text, "");
}

static void undo_capture__deletes_with_its_event_only_in_its_meeting(void **state)
{
	(void)state;
	struct store *st = open_setup();
	time_t t = at("2026-11-23T10:00:00Z");
	struct meeting_run r;
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	store_id ana = add_person(st, "Ana Ruiz", "Sales");
	store_id mine = add_action(st, "Call Acme back", ana, r.m.id, t + 60);
	store_id elsewhere = add_action(st, "Not from this meeting", ana, 0, t + 90);
	struct item got;
	/* an item of another meeting (or none) is not this meeting's to undo */
	assert_int_equal(meeting_undo_capture(st, elsewhere, r.m.id, t + 120, &got),
			 STORE_NOTFOUND);
	assert_null(got.text);
	assert_int_equal(meeting_undo_capture(st, mine, r.m.id, t + 120, &got), STORE_OK);
	assert_string_equal(got.text, "Call Acme back");
	assert_string_equal(got.person_name, "Ana Ruiz");
	char *line = item_undone_line(&got, 0);
	assert_string_equal(line, "Undone: action #1 \"Call Acme back\" (Ana Ruiz, Sales, due "
				  "2026-12-01).");
	free(line);
	item_free(&got);
	struct item check;
	assert_int_equal(store_item_get(st, mine, &check), STORE_OK);
	assert_true(check.deleted_at != 0);
	item_free(&check);
	assert_int_equal(store_item_get(st, elsewhere, &check), STORE_OK);
	assert_true(check.deleted_at == 0);
	item_free(&check);
	struct item_event *ev;
	size_t n;
	assert_int_equal(store_item_events(st, mine, &ev, &n), STORE_OK);
	assert_int_equal(ev[n - 1].kind, EVENT_DELETED);
	assert_int_equal(ev[n - 1].meeting_id, r.m.id);
	item_events_free(ev, n);
	/* undone already (or deleted by X since): nothing more is written */
	assert_int_equal(meeting_undo_capture(st, mine, r.m.id, t + 180, &got), STORE_NOTFOUND);
	/* only the screen holding the meeting undoes in it */
	store_id another = add_action(st, "Another", ana, r.m.id, t + 200);
	struct store *b = open_again(st);
	assert_int_equal(meeting_undo_capture(b, another, r.m.id, t + 240, &got), STORE_NOT_HELD);
	assert_null(got.text);
	assert_int_equal(store_item_get(st, another, &check), STORE_OK);
	assert_true(check.deleted_at == 0);
	item_free(&check);
	store_close(b);
	meeting_run_free(&r);
	store_close(st);
}

static void read_back__owner_department_and_due_for_the_room(void **state)
{
	(void)state;
	struct item it = {.id = 123, .kind = ITEM_ACTION, .text = (char *)"Call Acme back",
			  .person_name = (char *)"Ana Ruiz", .dept_name = (char *)"Support",
			  .due = date_from_ymd(2026, 12, 1), .revisit = DATE_NONE};
	char *s = item_read_back(&it, 0);
	assert_string_equal(s, "Action #123 saved: Call Acme back — Ana Ruiz (Support), "
			       "due Tue 2026-12-01");
	free(s);
	s = item_undone_line(&it, 0);
	assert_string_equal(s, "Undone: action #123 \"Call Acme back\" (Ana Ruiz, Support, due "
			       "2026-12-01).");
	free(s);
	/* a long text is cut by columns, so that who and when stay in view */
	it.text = (char *)"王芳 calls Acme back about every refund";
	s = item_read_back(&it, 10);
	assert_string_equal(s, "Action #123 saved: 王芳 call… — Ana Ruiz (Support), due Tue "
			       "2026-12-01");
	free(s);
	/* long names are cut as well, so that the due date stays in the line */
	it.text = (char *)"Call Acme back";
	it.person_name = (char *)"Maximiliana Theodora Wilhelmina von Hohenzollern-Sigmaringen";
	it.dept_name = (char *)"Customer Experience, Loyalty and Retention Operations";
	s = item_read_back(&it, 20);
	assert_string_equal(s, "Action #123 saved: Call Acme back — Maximiliana Theodora Wilhelmi… "
			       "(Customer Experience, Loyalty …), due Tue 2026-12-01");
	free(s);
	it.person_name = (char *)"Ana Ruiz";
	it.dept_name = (char *)"Support";
	/* what an item has not is left out */
	struct item note = {.id = 7, .kind = ITEM_NOTE, .text = (char *)"Typo",
			    .due = DATE_NONE, .revisit = DATE_NONE};
	s = item_read_back(&note, 0);
	assert_string_equal(s, "Note #7 saved: Typo");
	free(s);
	s = item_undone_line(&note, 0);
	assert_string_equal(s, "Undone: note #7 \"Typo\".");
	free(s);
	note.dept_name = (char *)"Sales";
	s = item_read_back(&note, 0);
	assert_string_equal(s, "Note #7 saved: Typo — Sales");
	free(s);
}

int main(void)
{
	tu_init("meeting");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(add_item__a_decision_on_a_topic_settles_and_closes_it),
		cmocka_unit_test(undo_capture__deletes_with_its_event_only_in_its_meeting),
		cmocka_unit_test(read_back__owner_department_and_due_for_the_room),
		cmocka_unit_test(planned_end__dated_on_a_later_day),
		cmocka_unit_test(duration_clock__minutes_then_hours),
		cmocka_unit_test(item_meta__the_parts_asked_for),
		cmocka_unit_test(items_of_kind__kept_and_counted),
		cmocka_unit_test(quiet_heroes__behind_the_scenes_without_a_win),
		cmocka_unit_test(outcome__rating_and_next_date_kept_before_the_end),
		cmocka_unit_test(ratings__parsed_averaged_and_spread),
		cmocka_unit_test(delete__a_settling_decision_reopens_its_topic),
		cmocka_unit_test(begin__copies_default_agenda_and_carries_only_open_actions),
		cmocka_unit_test(begin__refused_while_another_is_in_progress),
		cmocka_unit_test(goto__records_time_and_marks_done_only_forward),
		cmocka_unit_test(resume__does_not_count_time_away),
		cmocka_unit_test(step_overrun__only_past_the_planned_minutes),
		cmocka_unit_test(presenter__time_left_and_the_end),
		cmocka_unit_test(presenter__reload_keeps_the_steps_clock),
		cmocka_unit_test(step_minutes__whole_minutes_spent),
		cmocka_unit_test(step_left__warns_in_the_last_minute),
		cmocka_unit_test(projected_end__counts_what_is_left_to_do),
		cmocka_unit_test(overrun_seconds__only_past_the_plan),
		cmocka_unit_test(end__completed_with_rating_and_next_date_then_begin_again),
		cmocka_unit_test(item_check__rules_of_each_kind),
		cmocka_unit_test(item_gate__adding_and_editing_keep_the_rules_of_each_kind),
		cmocka_unit_test(step_default_kind__offers_the_steps_item_first),
		cmocka_unit_test(next_due__counts_from_the_last_meeting_or_today),
		cmocka_unit_test(step_done__worked_in_or_moved_on_however_it_was_left),
		cmocka_unit_test(hold__only_the_holder_writes_into_the_meeting),
		cmocka_unit_test(hold__a_first_write_outside_a_transaction_is_checked),
		cmocka_unit_test(hold__checks_are_back_after_a_bulk_write),
		cmocka_unit_test(hold__take_over_moves_the_writer),
		cmocka_unit_test(hold__nothing_written_into_an_ended_meeting),
		cmocka_unit_test(hold_gone__a_dead_process_here_or_a_silent_one_elsewhere),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
