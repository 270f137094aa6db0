/* test_contract.c - what every store backend promises, checked through the
 * store interface alone (include/cxmeet/store.h): no SQL, no file, so that
 * the same checks hold a second backend to the same behaviour. Each test
 * starts from an empty store (contract_open) and says what a caller may rely
 * on: names unique without regard to case, an item read back as written with
 * its events, a transaction all or nothing, one meeting in progress and one
 * writer for it, pages that continue from a key and never repeat or skip a
 * row, a search that finds words and forgets deleted items. */
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "testutil.h"
#include "cxmeet/chain.h"
#include "cxmeet/agenda.h"
#include "cxmeet/items.h"
#include "cxmeet/initiatives.h"
#include "cxmeet/leaders.h"
#include "cxmeet/ledger.h"
#include "cxmeet/meeting.h"
#include "cxmeet/names.h"
#include "cxmeet/scorecard.h"
#include "cxmeet/setup.h"
#include "cxmeet/util.h"

/* The store under test: a new, empty one for each test. By default a fresh
 * SQLite file; $CXMEET_CONTRACT_STORE names another, as a --db argument with
 * one %d that each test fills with a number of its own (a path, or a server
 * address whose backend makes an empty database for it), so that the same
 * checks run against any backend. */
static struct store *contract_open(void)
{
	const char *pattern = getenv("CXMEET_CONTRACT_STORE");
	if (!pattern || !*pattern)
		return tu_open_new();
	static int n;
	char where[1024], err[512];
	snprintf(where, sizeof where, pattern, ++n);
	struct store *st;
	if (store_open(where, &st, err, sizeof err) != STORE_OK)
		fail_msg("cannot open the store under test (%s): %s", where, err);
	return st;
}

/* A second instance on the same data: another program, another screen. */
static struct store *contract_reopen(struct store *st)
{
	struct store *other;
	char err[256];
	assert_int_equal(store_open(store_path(st), &other, err, sizeof err), STORE_OK);
	return other;
}

static const char *const T0 = "2026-03-02T09:00:00Z";

static store_id dept(struct store *st, const char *name)
{
	store_id id = 0;
	assert_int_equal(dept_add(st, name, false, &id), STORE_OK);
	assert_true(id > 0);
	return id;
}

static store_id action(struct store *st, const char *text, store_id d, store_id p, cx_date due,
		       store_id meeting, const char *at)
{
	struct item it = {.kind = ITEM_ACTION, .text = (char *)text, .dept_id = d, .person_id = p,
			  .due = due, .revisit = DATE_NONE, .status = STATUS_OPEN,
			  .meeting_id = meeting};
	assert_int_equal(item_add(st, &it, tu_at(at)), STORE_OK);
	return it.id;
}

static store_id note(struct store *st, const char *text)
{
	struct item it = {.kind = ITEM_NOTE, .text = (char *)text, .due = DATE_NONE,
			  .revisit = DATE_NONE, .status = STATUS_OPEN};
	assert_int_equal(item_add(st, &it, tu_at(T0)), STORE_OK);
	return it.id;
}

static store_id start_meeting(struct store *st, const char *at)
{
	struct agenda_step steps[] = {
		{.title = (char *)"Welcome", .kind = STEP_ROLL_CALL, .minutes = 5},
		{.title = (char *)"Actions", .kind = STEP_ACTION_REVIEW, .minutes = 10},
		{.title = (char *)"Wrap-up", .kind = STEP_WRAP_UP, .minutes = 5},
	};
	struct agenda_template t = {.name = (char *)"Short", .steps = steps, .n_steps = 3};
	store_id tid = 0, mid = 0;
	enum store_rc rc = template_find(st, "Short", &tid);
	if (rc == STORE_NOTFOUND)
		assert_int_equal(template_add(st, &t, true, &tid), STORE_OK);
	assert_int_equal(store_meeting_start(st, tid, &t, tu_at(at), 0, &mid), STORE_OK);
	return mid;
}

static void names__unique_without_regard_to_case(void **state)
{
	(void)state;
	struct store *st = contract_open();
	store_id sales = dept(st, "Sales");
	store_id id = 0;
	assert_int_equal(dept_add(st, "SALES", false, &id), STORE_DUPLICATE);
	struct dept d;
	assert_int_equal(dept_find(st, "sAlEs", &d), STORE_OK);
	assert_int_equal(d.id, sales);
	assert_string_equal(d.name, "Sales");
	dept_free(&d);
	assert_int_equal(dept_find(st, "Support", &d), STORE_NOTFOUND);

	store_id support = dept(st, "Support");
	assert_int_equal(dept_rename(st, support, "sales"), STORE_DUPLICATE);
	assert_int_equal(dept_rename(st, support, "Customer Support"), STORE_OK);
	assert_int_equal(store_dept_get(st, support, &d), STORE_OK);
	assert_string_equal(d.name, "Customer Support");
	dept_free(&d);

	/* archived: out of the list, still found by name, still unique */
	assert_int_equal(store_dept_set_archived(st, sales, true), STORE_OK);
	struct dept *all;
	size_t n;
	assert_int_equal(store_dept_list(st, false, &all, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(all[0].id, support);
	dept_list_free(all, n);
	assert_int_equal(store_dept_list(st, true, &all, &n), STORE_OK);
	assert_int_equal(n, 2);
	dept_list_free(all, n);
	assert_int_equal(dept_add(st, "Sales", false, &id), STORE_DUPLICATE);

	store_id ann = tu_person(st, "Ann Lee", support);
	struct person p = {.name = (char *)"ANN LEE", .role = ROLE_MEMBER,
			   .influence = STANCE_UNSET, .support = STANCE_UNSET};
	assert_int_equal(person_add(st, &p, &id), STORE_DUPLICATE);
	struct person got;
	assert_int_equal(person_find(st, "ann lee", &got), STORE_OK);
	assert_int_equal(got.id, ann);
	assert_int_equal(got.dept_id, support);
	assert_string_equal(got.dept_name, "Customer Support");
	person_free(&got);
	assert_int_equal(store_person_get(st, ann + 100, &got), STORE_NOTFOUND);
	store_close(st);
}

static void org__set_up_once_texts_kept_with_their_history(void **state)
{
	(void)state;
	struct store *st = contract_open();
	struct org o;
	assert_int_equal(store_org_get(st, &o), STORE_NOTFOUND);
	bool created = false;
	assert_int_equal(setup_ensure(st, "Acme", &created), STORE_OK);
	assert_true(created);
	assert_int_equal(setup_ensure(st, NULL, &created), STORE_OK);
	assert_false(created);
	store_set_actor(st, "sponsor");
	assert_int_equal(org_set_text(st, ORG_MISSION, "Customers first"), STORE_OK);
	assert_int_equal(org_set_text(st, ORG_MISSION, "Customers first, always"), STORE_OK);
	struct cadence c = {.unit = CADENCE_WEEKS, .n = 2};
	assert_int_equal(store_org_set_cadence(st, &c), STORE_OK);
	assert_int_equal(store_org_set_escalate_after(st, 4), STORE_OK);
	assert_int_equal(store_org_get(st, &o), STORE_OK);
	assert_string_equal(o.text[ORG_NAME], "Acme");
	assert_string_equal(o.text[ORG_MISSION], "Customers first, always");
	assert_string_equal(o.text[ORG_VISION], "");
	assert_string_equal(o.changed_by[ORG_MISSION], "sponsor");
	assert_non_null(o.changed_at[ORG_MISSION]);
	assert_null(o.changed_at[ORG_VISION]);
	assert_int_equal(o.cadence.unit, CADENCE_WEEKS);
	assert_int_equal(o.cadence.n, 2);
	assert_int_equal(o.escalate_after, 4);
	org_free(&o);
	/* every version, newest first */
	struct org_version *v;
	size_t n;
	assert_int_equal(store_org_history(st, ORG_MISSION, &v, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].body, "Customers first, always");
	assert_string_equal(v[1].body, "Customers first");
	org_versions_free(v, n);
	/* the set-up made the default departments and the standard agenda */
	struct dept *d;
	assert_int_equal(store_dept_list(st, false, &d, &n), STORE_OK);
	assert_true(n > 0);
	dept_list_free(d, n);
	store_id def = 0;
	assert_int_equal(store_template_default(st, &def), STORE_OK);
	assert_true(def > 0);
	store_close(st);
}

static void templates__one_default_names_unique_archived_kept_apart(void **state)
{
	(void)state;
	struct store *st = contract_open();
	struct agenda_step steps[] = {
		{.title = (char *)"Welcome", .kind = STEP_ROLL_CALL, .minutes = 5},
		{.title = (char *)"Wins", .kind = STEP_WINS, .minutes = 10},
	};
	struct agenda_template t = {.name = (char *)"Monthly", .steps = steps, .n_steps = 2};
	store_id monthly = 0, weekly = 0, id = 0;
	assert_int_equal(template_add(st, &t, true, &monthly), STORE_OK);
	t.name = (char *)"MONTHLY";
	assert_int_equal(template_add(st, &t, false, &id), STORE_DUPLICATE);
	assert_int_equal(store_template_copy(st, monthly, "Weekly", "weekly", &weekly), STORE_OK);
	assert_int_equal(template_find(st, "wEEkly", &id), STORE_OK);
	assert_int_equal(id, weekly);
	assert_int_equal(template_rename(st, weekly, "monthly"), STORE_DUPLICATE);

	struct agenda_template got;
	assert_int_equal(store_template_get(st, weekly, &got), STORE_OK);
	assert_string_equal(got.name, "Weekly");
	assert_int_equal(got.n_steps, 2);
	assert_string_equal(got.steps[1].title, "Wins");
	assert_int_equal(got.steps[1].kind, STEP_WINS);
	assert_int_equal(got.steps[1].minutes, 10);
	agenda_free(&got);

	/* exactly one default; the default cannot be archived */
	assert_int_equal(store_template_archive(st, monthly), STORE_INVALID);
	assert_int_equal(store_template_set_default(st, weekly), STORE_OK);
	assert_int_equal(store_template_default(st, &id), STORE_OK);
	assert_int_equal(id, weekly);
	struct template_info *list;
	size_t n;
	assert_int_equal(store_template_list(st, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_true(list[0].is_default != list[1].is_default);
	assert_int_equal(list[0].n_steps, 2);
	assert_int_equal(list[0].minutes, 15);
	template_list_free(list, n);

	/* archived: out of the list, its name free for a new one */
	assert_int_equal(store_template_archive(st, monthly), STORE_OK);
	assert_int_equal(store_template_list(st, &list, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, weekly);
	template_list_free(list, n);
	t.name = (char *)"Monthly";
	assert_int_equal(template_add(st, &t, false, &id), STORE_OK);
	assert_true(id != monthly);
	store_close(st);
}

static void item__read_back_as_written_with_its_events(void **state)
{
	(void)state;
	struct store *st = contract_open();
	store_id d = dept(st, "Billing"), p = tu_person(st, "Bo", d), q = tu_person(st, "Cy", d);
	cx_date due = date_from_ymd(2026, 3, 20);
	store_set_actor(st, "facilitator");
	store_id id = action(st, "Refund within a day", d, p, due, 0, T0);

	struct item it;
	assert_int_equal(store_item_get(st, id, &it), STORE_OK);
	assert_int_equal(it.kind, ITEM_ACTION);
	assert_string_equal(it.text, "Refund within a day");
	assert_null(it.detail);
	assert_int_equal(it.dept_id, d);
	assert_string_equal(it.dept_name, "Billing");
	assert_int_equal(it.person_id, p);
	assert_string_equal(it.person_name, "Bo");
	assert_int_equal(it.due, due);
	assert_int_equal(it.status, STATUS_OPEN);
	assert_int_equal(it.created_at, tu_at(T0));
	assert_int_equal(it.closed_at, 0);
	assert_int_equal(it.slips, 0);

	/* a later due date is a slip; another owner a reassignment */
	free(it.detail);
	it.detail = xstrdup("Two steps: approve, then pay");
	it.due = due + 7;
	it.person_id = q;
	assert_int_equal(item_update(st, &it, 0, tu_at("2026-03-03T10:00:00Z")), STORE_OK);
	item_free(&it);
	assert_int_equal(store_item_get(st, id, &it), STORE_OK);
	assert_string_equal(it.detail, "Two steps: approve, then pay");
	assert_int_equal(it.due, due + 7);
	assert_string_equal(it.person_name, "Cy");
	assert_int_equal(it.slips, 1);
	item_free(&it);

	assert_int_equal(item_set_status(st, id, STATUS_DONE, NULL, 0,
					       tu_at("2026-03-04T10:00:00Z")),
			 STORE_OK);
	assert_int_equal(store_item_get(st, id, &it), STORE_OK);
	assert_int_equal(it.status, STATUS_DONE);
	assert_int_equal(it.closed_at, tu_at("2026-03-04T10:00:00Z"));
	item_free(&it);
	assert_int_equal(item_set_status(st, id, STATUS_OPEN, "not paid yet", 0,
					       tu_at("2026-03-05T10:00:00Z")),
			 STORE_OK);
	assert_int_equal(store_item_get(st, id, &it), STORE_OK);
	assert_int_equal(it.status, STATUS_OPEN);
	assert_int_equal(it.closed_at, 0);
	item_free(&it);

	/* every change kept, in order, by whom and when */
	struct item_event *ev;
	size_t n;
	assert_int_equal(store_item_events(st, id, &ev, &n), STORE_OK);
	enum event_kind want[] = {EVENT_CREATED, EVENT_EDITED, EVENT_DUE_MOVED, EVENT_REASSIGNED,
				  EVENT_DONE, EVENT_REOPENED};
	size_t seen = 0;
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(ev[i].item_id, id);
		assert_string_equal(ev[i].by, "facilitator");
		for (size_t k = 0; k < ARRAY_SIZE(want); k++)
			seen |= (size_t)(ev[i].kind == want[k]) << k;
		if (i > 0)
			assert_true(ev[i].at >= ev[i - 1].at);
	}
	assert_int_equal(seen, (1u << ARRAY_SIZE(want)) - 1);
	assert_int_equal(ev[0].kind, EVENT_CREATED);
	assert_int_equal(ev[n - 1].kind, EVENT_REOPENED);
	assert_string_equal(ev[n - 1].reason, "not paid yet");
	item_events_free(ev, n);

	/* where it was imported from, outside any meeting */
	assert_int_equal(store_item_imported(st, id, "tasks.json, line 7",
					     tu_at("2026-03-05T11:00:00Z")),
			 STORE_OK);
	assert_int_equal(store_item_events(st, id, &ev, &n), STORE_OK);
	assert_int_equal(ev[n - 1].kind, EVENT_IMPORTED);
	assert_string_equal(ev[n - 1].new_value, "tasks.json, line 7");
	assert_null(ev[n - 1].old_value);
	assert_int_equal(ev[n - 1].meeting_id, 0);
	assert_int_equal(ev[n - 1].at, tu_at("2026-03-05T11:00:00Z"));
	item_events_free(ev, n);

	/* deleted: gone from reads, its history kept */
	assert_int_equal(store_item_delete(st, id, 0, tu_at("2026-03-06T10:00:00Z")), STORE_OK);
	int64_t count;
	assert_int_equal(store_item_count(st, ITEM_ACTION, &count), STORE_OK);
	assert_int_equal(count, 0);
	assert_int_equal(store_item_events(st, id, &ev, &n), STORE_OK);
	assert_int_equal(ev[n - 1].kind, EVENT_DELETED);
	item_events_free(ev, n);
	assert_int_equal(store_item_get(st, id + 100, &it), STORE_NOTFOUND);
	store_close(st);
}

static void transaction__all_or_nothing(void **state)
{
	(void)state;
	struct store *st = contract_open();
	note(st, "kept");
	assert_int_equal(store_begin(st), STORE_OK);
	note(st, "first");
	note(st, "second");
	store_rollback(st);
	int64_t n;
	assert_int_equal(store_item_count(st, -1, &n), STORE_OK);
	assert_int_equal(n, 1);

	assert_int_equal(store_begin(st), STORE_OK);
	note(st, "first");
	note(st, "second");
	assert_int_equal(store_commit(st), STORE_OK);
	/* what is committed is there for another instance at once */
	struct store *other = contract_reopen(st);
	assert_int_equal(store_item_count(other, -1, &n), STORE_OK);
	assert_int_equal(n, 3);
	store_close(other);
	store_close(st);
}

/* A name refused inside a transaction (a clash) is refused alone: the
 * caller may read and write on, and what it wrote is committed together
 * (the demo reuses a person already there by that name). */
static void transaction__a_name_refused_inside_goes_on(void **state)
{
	(void)state;
	struct store *st = contract_open();
	store_id sales = dept(st, "Sales");
	assert_int_equal(store_begin(st), STORE_OK);
	store_id it = dept(st, "IT");
	store_id id = 0;
	assert_int_equal(dept_add(st, "SALES", false, &id), STORE_DUPLICATE);
	struct dept d;
	assert_int_equal(dept_find(st, "sales", &d), STORE_OK);
	assert_int_equal(d.id, sales);
	dept_free(&d);
	struct person p = {.name = "Ana Lima", .dept_id = it, .role = ROLE_LEAD,
			   .influence = STANCE_UNSET, .support = STANCE_UNSET};
	assert_int_equal(person_add(st, &p, &id), STORE_OK);
	assert_int_equal(person_add(st, &p, &id), STORE_DUPLICATE);
	struct person found;
	assert_int_equal(person_find(st, "ana lima", &found), STORE_OK);
	person_free(&found);
	note(st, "after the clash");
	assert_int_equal(store_commit(st), STORE_OK);
	struct dept *all;
	size_t n;
	assert_int_equal(store_dept_list(st, true, &all, &n), STORE_OK);
	assert_int_equal(n, 2);
	dept_list_free(all, n);
	int64_t items;
	assert_int_equal(store_item_count(st, -1, &items), STORE_OK);
	assert_int_equal(items, 1);
	store_close(st);
}

static void meeting__one_in_progress_one_writer(void **state)
{
	(void)state;
	struct store *st = contract_open();
	store_id d = dept(st, "Sales"), p = tu_person(st, "Ann", d);
	store_id old = action(st, "Call the five biggest customers", d, p,
			      date_from_ymd(2026, 3, 1), 0, T0);
	store_id mid = start_meeting(st, "2026-03-09T09:00:00Z");
	store_id in_progress = 0;
	assert_int_equal(store_meeting_in_progress(st, &in_progress), STORE_OK);
	assert_int_equal(in_progress, mid);
	assert_true(store_hold_mine(st, mid));

	/* a second meeting cannot start while one is in progress */
	struct agenda_template t;
	store_id tid;
	assert_int_equal(template_find(st, "short", &tid), STORE_OK);
	assert_int_equal(store_template_get(st, tid, &t), STORE_OK);
	store_id second = 0;
	assert_int_equal(store_meeting_start(st, tid, &t, tu_at("2026-03-09T09:05:00Z"), 0, &second),
			 STORE_DUPLICATE);
	agenda_free(&t);

	/* the holder writes into it; another instance is refused, and told who */
	action(st, "Send the survey", d, p, date_from_ymd(2026, 3, 23), mid,
	       "2026-03-09T09:10:00Z");
	struct store *other = contract_reopen(st);
	assert_false(store_hold_mine(other, mid));
	struct item it = {.kind = ITEM_NOTE, .text = (char *)"from elsewhere", .due = DATE_NONE,
			  .revisit = DATE_NONE, .status = STATUS_OPEN, .meeting_id = mid};
	assert_int_equal(item_add(other, &it, tu_at("2026-03-09T09:11:00Z")),
			 STORE_NOT_HELD);
	struct item *items;
	size_t n;
	assert_int_equal(store_meeting_items(st, mid, 0, &items, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(items[0].text, "Send the survey");
	item_list_free(items, n);

	/* let go, the other takes it over and writes */
	assert_int_equal(store_hold_release(st, mid), STORE_OK);
	assert_int_equal(store_hold_take(other, mid, NULL, tu_at("2026-03-09T09:12:00Z")), STORE_OK);
	assert_int_equal(item_add(other, &it, tu_at("2026-03-09T09:12:30Z")), STORE_OK);
	assert_false(store_hold_mine(st, mid));

	/* the open action from before is the meeting's to review, carried once */
	assert_int_equal(store_open_actions(other, mid, NULL, 10, &items, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(items[0].id, old);
	item_list_free(items, n);

	assert_int_equal(store_meeting_finish(other, mid, MEETING_COMPLETED,
					      tu_at("2026-03-09T10:00:00Z"), 8, DATE_NONE),
			 STORE_OK);
	struct meeting m;
	assert_int_equal(store_meeting_get(st, mid, &m), STORE_OK);
	assert_int_equal(m.status, MEETING_COMPLETED);
	assert_int_equal(m.rating, 8);
	assert_int_equal(m.ended_at, tu_at("2026-03-09T10:00:00Z"));
	assert_int_equal(store_meeting_in_progress(st, &in_progress), STORE_NOTFOUND);
	/* ended: nobody writes into it any more */
	assert_int_equal(item_add(other, &it, tu_at("2026-03-09T10:01:00Z")), STORE_NOT_HELD);
	store_close(other);
	store_close(st);
}

/* The roll call: everyone present in one statement; who will brief a
 * department nobody represents (one per department, given again it is
 * replaced; refused for a department represented or from the department
 * itself); each member present rates the meeting (again: replaced), the
 * meeting's rating their average, rounded; refused from someone absent or
 * out of range; another instance may write none of it; the cadence reads
 * the average and spread. */
static void rollcall__everyone_briefers_and_members_ratings(void **state)
{
	(void)state;
	struct store *st = contract_open();
	store_id sales = dept(st, "Sales"), it = dept(st, "IT"), hr = dept(st, "HR");
	store_id ann = tu_person(st, "Ann", sales), bob = tu_person(st, "Bob", sales);
	store_id cy = tu_person(st, "Cy", it), hal = tu_person(st, "Hal", hr);
	store_id mid = start_meeting(st, "2026-03-09T09:00:00Z");
	char err[300];
	int marked = 0;
	assert_int_equal(meeting_everyone_present(st, mid, &marked, err, sizeof err), STORE_OK);
	assert_int_equal(marked, 4);
	assert_int_equal(store_attendance_set(st, mid, hal, false), STORE_OK);
	assert_int_equal(meeting_everyone_present(st, mid, &marked, err, sizeof err), STORE_OK);
	assert_int_equal(marked, 1); /* only Hal was not present */
	assert_int_equal(store_attendance_set(st, mid, hal, false), STORE_OK);
	store_id *present;
	size_t n;
	assert_int_equal(store_attendance_list(st, mid, &present, &n), STORE_OK);
	assert_int_equal(n, 3);
	free(present);

	/* HR is nobody's here: Ann briefs it, then Cy instead */
	time_t at = tu_at("2026-03-09T09:05:00Z");
	assert_int_equal(meeting_set_briefer(st, mid, sales, cy, at, err, sizeof err),
			 STORE_INVALID); /* Sales is represented */
	assert_int_equal(meeting_set_briefer(st, mid, hr, hal, at, err, sizeof err),
			 STORE_INVALID); /* not from HR itself */
	assert_int_equal(meeting_set_briefer(st, mid, hr, ann, at, err, sizeof err), STORE_OK);
	assert_int_equal(meeting_set_briefer(st, mid, hr, cy, at, err, sizeof err), STORE_OK);
	struct briefer *b;
	assert_int_equal(store_briefers(st, mid, &b, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(b[0].dept_id, hr);
	assert_string_equal(b[0].dept_name, "HR");
	assert_int_equal(b[0].person_id, cy);
	assert_string_equal(b[0].person_name, "Cy");
	assert_int_equal(b[0].meeting_id, mid);
	briefers_free(b, n);

	/* ratings: from the members present, 1 to 10, given again replaced */
	assert_int_equal(meeting_rate_member(st, mid, hal, 7, at, err, sizeof err), STORE_INVALID);
	assert_int_equal(meeting_rate_member(st, mid, ann, 11, at, err, sizeof err), STORE_INVALID);
	assert_int_equal(meeting_rate_member(st, mid, ann, 9, at, err, sizeof err), STORE_OK);
	assert_int_equal(meeting_rate_member(st, mid, bob, 6, at, err, sizeof err), STORE_OK);
	assert_int_equal(meeting_rate_member(st, mid, cy, 5, at, err, sizeof err), STORE_OK);
	assert_int_equal(meeting_rate_member(st, mid, cy, 8, at, err, sizeof err), STORE_OK);
	struct member_rating *r;
	assert_int_equal(store_ratings(st, mid, &r, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_string_equal(r[0].name, "Ann");
	assert_int_equal(r[0].rating, 9);
	assert_int_equal(r[0].at, at);
	assert_string_equal(r[2].name, "Cy");
	assert_int_equal(r[2].rating, 8);
	struct rating_spread sp;
	rating_spread_of(r, n, &sp);
	member_ratings_free(r, n);
	char text[64];
	rating_spread_text(&sp, text, sizeof text);
	assert_string_equal(text, "7.7 (6–9, 3 ratings)");
	struct meeting m;
	assert_int_equal(store_meeting_get(st, mid, &m), STORE_OK);
	assert_int_equal(m.rating, 8); /* 23 / 3, rounded */

	/* a member unmarked after rating no longer counts, and counts again
	 * when marked present again */
	assert_int_equal(store_attendance_set(st, mid, ann, false), STORE_OK);
	assert_int_equal(store_ratings(st, mid, &r, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_string_equal(r[0].name, "Bob");
	member_ratings_free(r, n);
	assert_int_equal(store_meeting_get(st, mid, &m), STORE_OK);
	assert_int_equal(m.rating, 7); /* 14 / 2 */
	assert_int_equal(store_attendance_set(st, mid, ann, true), STORE_OK);
	assert_int_equal(store_meeting_get(st, mid, &m), STORE_OK);
	assert_int_equal(m.rating, 8);

	/* another instance writes none of it */
	struct store *other = contract_reopen(st);
	assert_int_equal(store_rating_set(other, mid, ann, 2, at), STORE_NOT_HELD);
	assert_int_equal(store_briefer_set(other, mid, hr, bob, at), STORE_NOT_HELD);
	assert_int_equal(store_attendance_everyone(other, mid, &marked), STORE_NOT_HELD);
	store_close(other);

	/* the cadence reads the average and spread of each meeting held */
	assert_int_equal(store_meeting_finish(st, mid, MEETING_COMPLETED,
					      tu_at("2026-03-09T10:00:00Z"), m.rating, DATE_NONE),
			 STORE_OK);
	struct held_meeting *h;
	assert_int_equal(store_held_meetings(st, &h, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].rating, 8);
	assert_int_equal(h[0].members.n, 3);
	assert_int_equal(h[0].members.sum, 23);
	assert_int_equal(h[0].members.lo, 6);
	assert_int_equal(h[0].members.hi, 9);
	free(h);
	/* every meeting's, for the export */
	assert_int_equal(store_ratings(st, 0, &r, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_int_equal(r[0].meeting_id, mid);
	member_ratings_free(r, n);
	assert_int_equal(store_briefers(st, 0, &b, &n), STORE_OK);
	assert_int_equal(n, 1);
	briefers_free(b, n);
	/* a rating given for the whole meeting when no member present has rated
	 * stays as attendance changes; the last rater unmarked takes theirs away */
	store_id mid2 = start_meeting(st, "2026-03-16T09:00:00Z");
	assert_int_equal(store_attendance_set(st, mid2, ann, true), STORE_OK);
	assert_int_equal(meeting_rate_member(st, mid2, ann, 9, at, err, sizeof err), STORE_OK);
	assert_int_equal(store_meeting_get(st, mid2, &m), STORE_OK);
	assert_int_equal(m.rating, 9);
	assert_int_equal(store_attendance_set(st, mid2, ann, false), STORE_OK);
	assert_int_equal(store_meeting_get(st, mid2, &m), STORE_OK);
	assert_int_equal(m.rating, 0);
	assert_int_equal(store_meeting_set_outcome(st, mid2, 6, DATE_NONE), STORE_OK);
	assert_int_equal(store_attendance_set(st, mid2, bob, true), STORE_OK);
	assert_int_equal(store_attendance_set(st, mid2, bob, false), STORE_OK);
	assert_int_equal(store_meeting_get(st, mid2, &m), STORE_OK);
	assert_int_equal(m.rating, 6);
	assert_int_equal(store_meeting_finish(st, mid2, MEETING_COMPLETED,
					      tu_at("2026-03-16T10:00:00Z"), 6, DATE_NONE),
			 STORE_OK);
	store_close(st);
}

/* Recorded between meetings: an item with no meeting waits for the next
 * meeting (the one after the last started), then for the meeting that
 * follows; a meeting gathers what was recorded since the meeting before it
 * started, marks it discussed, and a talking point not discussed comes back
 * in the next one. Who recorded each is kept. */
static store_id between(struct store *st, enum item_kind kind, const char *text, store_id d,
			const char *at)
{
	struct item it = {.kind = kind, .text = (char *)text, .dept_id = d, .due = DATE_NONE,
			  .revisit = DATE_NONE, .status = STATUS_OPEN};
	assert_int_equal(item_add(st, &it, tu_at(at)), STORE_OK);
	return it.id;
}

static size_t waiting(struct store *st, store_id meeting, store_id *ids, bool *discussed,
		      time_t *since)
{
	struct waiting_item *w;
	size_t n;
	assert_int_equal(store_waiting_items(st, meeting, 100, &w, &n), STORE_OK);
	for (size_t i = 0; i < n; i++) {
		ids[i] = w[i].it.id;
		discussed[i] = w[i].discussed;
		*since = w[i].since;
		assert_int_equal(w[i].it.meeting_id, 0);
	}
	waiting_items_free(w, n);
	return n;
}

static void between__waits_for_the_next_meeting_until_discussed(void **state)
{
	(void)state;
	struct store *st = contract_open();
	store_id d = dept(st, "Sales");
	store_id ids[8];
	bool disc[8];
	time_t since = -1;
	/* before any meeting: everything recorded waits, since no meeting */
	store_id win = between(st, ITEM_WIN, "Refunds in two days", d, "2026-03-03T10:00:00Z");
	store_id topic = between(st, ITEM_TOPIC, "Should billing join?", 0, "2026-03-04T10:00:00Z");
	assert_int_equal(waiting(st, 0, ids, disc, &since), 2);
	assert_int_equal(ids[0], win);
	assert_int_equal(ids[1], topic);
	assert_false(disc[0]);
	assert_int_equal(since, 0);

	/* the first meeting gathers both; it discusses the win, not the topic */
	store_id m1 = start_meeting(st, "2026-03-09T09:00:00Z");
	assert_int_equal(waiting(st, m1, ids, disc, &since), 2);
	struct item it;
	assert_int_equal(store_item_get(st, win, &it), STORE_OK);
	assert_int_equal(item_mark_discussed(st, &it, m1, true, tu_at("2026-03-09T09:30:00Z")),
			 STORE_OK);
	item_free(&it);
	assert_int_equal(waiting(st, m1, ids, disc, &since), 2);
	assert_true(disc[0]);
	assert_false(disc[1]);
	/* an item captured in the meeting is not one recorded between meetings */
	store_id in = action(st, "Call back", d, tu_person(st, "Ann", d),
			     date_from_ymd(2026, 3, 20), m1, "2026-03-09T09:40:00Z");
	assert_int_equal(store_item_set_discussed(st, in, m1, tu_at("2026-03-09T09:41:00Z")),
			 STORE_NOTFOUND);
	assert_int_equal(store_item_get(st, in, &it), STORE_OK);
	assert_int_equal(item_mark_discussed(st, &it, m1, true, tu_at("2026-03-09T09:41:00Z")),
			 STORE_INVALID);
	item_free(&it);
	assert_int_equal(store_item_set_discussed(st, 999999, m1, tu_at("2026-03-09T09:41:00Z")),
			 STORE_NOTFOUND);
	assert_int_equal(store_meeting_finish(st, m1, MEETING_COMPLETED,
					      tu_at("2026-03-09T10:00:00Z"), 7, DATE_NONE),
			 STORE_OK);

	/* after it: the topic carries forward; the win discussed does not; a new
	 * insight waits, since the first meeting's start */
	store_id insight = between(st, ITEM_INSIGHT, "Repeat calls doubled", d,
				   "2026-03-11T10:00:00Z");
	assert_int_equal(waiting(st, 0, ids, disc, &since), 2);
	assert_int_equal(ids[0], topic);
	assert_int_equal(ids[1], insight);
	assert_int_equal(since, tu_at("2026-03-09T09:00:00Z"));
	/* the first meeting's record stays what it discussed and was given */
	assert_int_equal(waiting(st, m1, ids, disc, &since), 2);
	assert_int_equal(ids[0], win);
	assert_true(disc[0]);

	/* the second meeting closes the talking point by discussing it */
	store_id m2 = start_meeting(st, "2026-03-16T09:00:00Z");
	assert_int_equal(store_item_get(st, topic, &it), STORE_OK);
	assert_int_equal(item_mark_discussed(st, &it, m2, true, tu_at("2026-03-16T09:10:00Z")),
			 STORE_OK);
	item_free(&it);
	assert_int_equal(store_item_get(st, topic, &it), STORE_OK);
	assert_int_equal(it.status, STATUS_CLOSED);
	/* unmarked, it is open again, and marked once more, closed */
	assert_int_equal(item_mark_discussed(st, &it, m2, false, tu_at("2026-03-16T09:11:00Z")),
			 STORE_OK);
	item_free(&it);
	assert_int_equal(store_item_get(st, topic, &it), STORE_OK);
	assert_int_equal(it.status, STATUS_OPEN);
	assert_int_equal(item_mark_discussed(st, &it, m2, true, tu_at("2026-03-16T09:12:00Z")),
			 STORE_OK);
	item_free(&it);
	assert_int_equal(store_meeting_finish(st, m2, MEETING_COMPLETED,
					      tu_at("2026-03-16T10:00:00Z"), 7, DATE_NONE),
			 STORE_OK);
	/* the next meeting: nothing of the topic; the insight not discussed in
	 * the second stays with it, not the next */
	assert_int_equal(waiting(st, 0, ids, disc, &since), 0);
	assert_int_equal(waiting(st, m2, ids, disc, &since), 2);
	assert_int_equal(ids[0], topic);
	assert_true(disc[0]);
	assert_int_equal(ids[1], insight);
	assert_false(disc[1]);
	store_close(st);
}


/* Story -> action -> win: the actions that arose from a story, the wins
 * that came from them and those credited to the story itself, in id order;
 * deleted ones and other stories' are left out. */
static void chain__story_actions_and_their_wins(void **state)
{
	(void)state;
	struct store *st = contract_open();
	store_id d = dept(st, "Sales");
	store_id story = between(st, ITEM_STORY, "Gave up after 3 calls", d, "2026-03-03T10:00:00Z");
	store_id other = between(st, ITEM_STORY, "Waited a week", d, "2026-03-03T10:01:00Z");
	store_id a1 = between(st, ITEM_ACTION, "Fix the FAQ", d, "2026-03-03T10:02:00Z");
	store_id a2 = between(st, ITEM_ACTION, "Call them back", d, "2026-03-03T10:03:00Z");
	store_id w1 = between(st, ITEM_WIN, "One call, not three", d, "2026-03-10T10:00:00Z");
	store_id w2 = between(st, ITEM_WIN, "Praised the new page", d, "2026-03-11T10:00:00Z");
	store_id gone = between(st, ITEM_WIN, "Recorded by mistake", d, "2026-03-11T10:01:00Z");
	store_id w3 = between(st, ITEM_WIN, "Another story's win", d, "2026-03-11T10:02:00Z");
	assert_int_equal(store_item_link(st, a2, story, LINK_AROSE_FROM), STORE_OK);
	assert_int_equal(store_item_link(st, a1, story, LINK_AROSE_FROM), STORE_OK);
	assert_int_equal(store_item_link(st, w1, a1, LINK_AROSE_FROM), STORE_OK);
	assert_int_equal(store_item_link(st, w2, story, LINK_AROSE_FROM), STORE_OK);
	assert_int_equal(store_item_link(st, gone, a1, LINK_AROSE_FROM), STORE_OK);
	assert_int_equal(store_item_link(st, w3, other, LINK_AROSE_FROM), STORE_OK);
	assert_int_equal(store_item_delete(st, gone, 0, tu_at("2026-03-12T10:00:00Z")), STORE_OK);

	struct story_chain c;
	assert_int_equal(story_chain_load(st, story, &c), STORE_OK);
	assert_true(story_chain_any(&c));
	assert_int_equal(c.n_actions, 2);
	assert_int_equal(c.actions[0].id, a1);
	assert_int_equal(c.actions[1].id, a2);
	assert_int_equal(c.n_wins, 2);
	assert_int_equal(c.wins[0].it.id, w1);
	assert_int_equal(c.wins[0].from_action, a1);
	assert_int_equal(c.wins[1].it.id, w2);
	assert_int_equal(c.wins[1].from_action, 0);
	assert_int_equal(story_chain_wins_of(&c, a1), 1);
	assert_int_equal(story_chain_wins_of(&c, a2), 0);
	story_chain_free(&c);

	/* a story that set nothing going */
	store_id lone = between(st, ITEM_STORY, "Nothing came of it", d, "2026-03-13T10:00:00Z");
	assert_int_equal(story_chain_load(st, lone, &c), STORE_OK);
	assert_false(story_chain_any(&c));
	story_chain_free(&c);
	store_close(st);
}

/* A message goes to its departments, each acknowledging it once (by the
 * store's actor, in a meeting or not); the list gives a row per department,
 * newest first, the open ones alone when asked, a page at a time. */
static void messages__acknowledged_by_each_department(void **state)
{
	(void)state;
	struct store *st = contract_open();
	store_id sales = dept(st, "Sales"), it_dept = dept(st, "IT"), hr = dept(st, "HR");
	store_id a = between(st, ITEM_MESSAGE, "The form changes", sales, "2026-03-03T10:00:00Z");
	store_id to[] = {sales, it_dept};
	assert_int_equal(store_message_recipients_add(st, a, to, 2), STORE_OK);
	store_id b = between(st, ITEM_MESSAGE, "New hours", hr, "2026-03-04T10:00:00Z");
	assert_int_equal(store_message_recipients_add(st, b, &hr, 1), STORE_OK);
	struct message_filter all = {0}, open = {.open_only = true}, to_it = {.dept_id = it_dept};
	struct message_row *r;
	size_t n;
	assert_int_equal(store_messages_list(st, &all, NULL, 10, &r, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_int_equal(r[0].item_id, b); /* newest first */
	assert_int_equal(r[0].dept_id, hr);
	assert_string_equal(r[0].text, "New hours");
	assert_int_equal(r[0].acked_at, 0);
	message_rows_free(r, n);

	store_id m = start_meeting(st, "2026-03-09T09:00:00Z");
	assert_int_equal(store_message_ack(st, a, it_dept, m, tu_at("2026-03-09T09:05:00Z")),
			 STORE_OK);
	assert_int_equal(store_message_ack(st, a, it_dept, m, tu_at("2026-03-09T09:06:00Z")),
			 STORE_DUPLICATE);
	assert_int_equal(store_message_ack(st, a, hr, m, tu_at("2026-03-09T09:06:00Z")),
			 STORE_NOTFOUND);
	assert_int_equal(store_message_ack(st, b, hr, 0, tu_at("2026-03-10T09:00:00Z")), STORE_OK);
	assert_int_equal(store_messages_list(st, &to_it, NULL, 10, &r, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].acked_at, tu_at("2026-03-09T09:05:00Z"));
	assert_int_equal(r[0].ack_meeting_id, m);
	message_rows_free(r, n);
	assert_int_equal(store_messages_list(st, &open, NULL, 10, &r, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].item_id, a);
	assert_int_equal(r[0].dept_id, sales);
	message_rows_free(r, n);

	/* pages of one continue where the last ended */
	struct store_cursor cur = {0};
	store_id seen[3];
	for (int i = 0; i < 3; i++) {
		assert_int_equal(store_messages_list(st, &all, i ? &cur : NULL, 1, &r, &n), STORE_OK);
		assert_int_equal(n, 1);
		seen[i] = r[0].id;
		cur = r[0].after;
		message_rows_free(r, n);
	}
	assert_true(seen[0] > seen[1] && seen[1] > seen[2]);
	assert_int_equal(store_messages_list(st, &all, &cur, 1, &r, &n), STORE_OK);
	assert_int_equal(n, 0);
	message_rows_free(r, n);

	/* a message's department edited: it goes to the new one; the old one's
	 * part goes unless it acknowledged already */
	char err[256];
	struct item it;
	assert_int_equal(store_item_get(st, b, &it), STORE_OK);
	it.dept_id = sales; /* HR acknowledged it */
	assert_int_equal(item_edit(st, &it, 0, tu_at("2026-03-11T09:00:00Z"), err, sizeof err),
			 STORE_OK);
	item_free(&it);
	store_id c = between(st, ITEM_MESSAGE, "Parking closes", sales, "2026-03-11T10:00:00Z");
	assert_int_equal(store_message_recipients_add(st, c, &sales, 1), STORE_OK);
	assert_int_equal(store_item_get(st, c, &it), STORE_OK);
	it.dept_id = it_dept; /* Sales has not */
	assert_int_equal(item_edit(st, &it, 0, tu_at("2026-03-11T10:05:00Z"), err, sizeof err),
			 STORE_OK);
	item_free(&it);
	assert_int_equal(store_messages_list(st, &all, NULL, 10, &r, &n), STORE_OK);
	assert_int_equal(n, 5);
	assert_int_equal(r[0].item_id, c);
	assert_int_equal(r[0].dept_id, it_dept);
	assert_int_equal(r[0].acked_at, 0);
	for (size_t i = 1; i < n; i++)
		assert_true(r[i].item_id != c); /* Sales no longer waits for it */
	int b_parts = 0;
	for (size_t i = 0; i < n; i++)
		if (r[i].item_id == b) {
			b_parts++;
			assert_true(r[i].dept_id == hr ? r[i].acked_at != 0 : r[i].dept_id == sales &&
										  r[i].acked_at == 0);
		}
	assert_int_equal(b_parts, 2);
	message_rows_free(r, n);
	store_close(st);
}

/* The scorecard's measures: a frequency kept, an edit and an archive, and
 * the values one a period, the last entry of each (the corrected ones only
 * when asked), the latest periods first, as far as a limit. */
static void measures__values_one_a_period_corrections_kept(void **state)
{
	(void)state;
	struct store *st = contract_open();
	store_id d = dept(st, "Finance");
	struct measure m = {.name = "NPS", .kind = MEASURE_SUCCESS, .frequency = FREQ_MONTHLY,
			    .has_target = true, .target = 40, .unit = "points"};
	store_id nps, refund;
	assert_int_equal(measure_add(st, &m, tu_at("2026-01-05T10:00:00Z"), &nps), STORE_OK);
	struct measure k = {.name = "Days to refund", .kind = MEASURE_KPI, .dept_id = d,
			    .frequency = FREQ_WEEKLY, .lower_is_better = true};
	assert_int_equal(measure_add(st, &k, tu_at("2026-01-05T10:00:00Z"), &refund), STORE_OK);
	cx_date today = date_from_ymd(2026, 4, 20), p;
	assert_int_equal(measure_record(st, nps, date_from_ymd(2026, 1, 14), today, 31, false,
					tu_at("2026-01-14T10:00:00Z"), &p), STORE_OK);
	assert_int_equal(p, date_from_ymd(2026, 1, 1));
	assert_int_equal(measure_record(st, nps, date_from_ymd(2026, 2, 3), today, 33, false,
					tu_at("2026-02-03T10:00:00Z"), &p), STORE_OK);
	assert_int_equal(measure_record(st, nps, date_from_ymd(2026, 2, 20), today, 34, false,
					tu_at("2026-02-20T10:00:00Z"), &p), STORE_INVALID);
	assert_int_equal(measure_record(st, nps, date_from_ymd(2026, 2, 20), today, 35, true,
					tu_at("2026-02-20T10:00:00Z"), &p), STORE_OK);
	assert_int_equal(measure_record(st, nps, date_from_ymd(2026, 3, 2), today, 38, false,
					tu_at("2026-03-02T10:00:00Z"), &p), STORE_OK);
	assert_int_equal(measure_record(st, nps, date_from_ymd(2026, 5, 2), today, 38, false,
					tu_at("2026-03-02T10:00:00Z"), &p), STORE_INVALID);
	assert_int_equal(measure_record(st, refund, date_from_ymd(2026, 4, 16), today, 6, false,
					tu_at("2026-04-16T10:00:00Z"), &p), STORE_OK);
	assert_int_equal(p, date_from_ymd(2026, 4, 13)); /* its Monday */

	struct measure_value *v;
	size_t n;
	assert_int_equal(store_measure_values(st, nps, false, 0, &v, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_true(v[0].value == 38 && v[1].value == 35 && v[2].value == 31);
	assert_int_equal(v[1].period, date_from_ymd(2026, 2, 1));
	assert_false(v[1].corrected);
	measure_values_free(v, n);
	assert_int_equal(store_measure_values(st, nps, false, 2, &v, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_true(v[0].value == 38 && v[1].value == 35);
	measure_values_free(v, n);
	assert_int_equal(store_measure_values(st, nps, true, 0, &v, &n), STORE_OK);
	assert_int_equal(n, 4);
	assert_true(v[1].value == 35 && !v[1].corrected && v[2].value == 33 && v[2].corrected);
	assert_int_equal(v[2].entered_at, tu_at("2026-02-03T10:00:00Z"));
	measure_values_free(v, n);

	/* an edit, an archive: the list says so, the values stay */
	struct measure *all;
	assert_int_equal(store_measure_list(st, MEASURE_ANY, 0, false, &all, &n), STORE_OK);
	assert_int_equal(n, 2);
	struct measure e = all[0].id == nps ? all[0] : all[1];
	e.name = "Net promoter score";
	e.frequency = FREQ_QUARTERLY;
	e.target = 45;
	assert_int_equal(measure_edit(st, &e), STORE_OK);
	measure_list_free(all, n);
	assert_int_equal(store_measure_archive(st, refund, tu_at("2026-04-20T10:00:00Z")), STORE_OK);
	assert_int_equal(store_measure_list(st, MEASURE_ANY, 0, false, &all, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(all[0].name, "Net promoter score");
	assert_int_equal(all[0].frequency, FREQ_QUARTERLY);
	assert_true(all[0].target == 45 && all[0].has_value && all[0].value == 38);
	measure_list_free(all, n);
	assert_int_equal(store_measure_list(st, MEASURE_KPI, d, true, &all, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_true(all[0].archived && all[0].frequency == FREQ_WEEKLY && all[0].lower_is_better);
	measure_list_free(all, n);
	assert_int_equal(measure_record(st, refund, today, today, 5, false,
					tu_at("2026-04-20T10:00:00Z"), &p), STORE_INVALID);
	store_close(st);
}

/* The council's initiatives: added with an owner and a due date (the
 * owner's department by default), a title once; reviewed between meetings
 * and in one (held to its one writer), off track only with a note; the
 * milestones reached; closed ones kept but left out of the open list. */
static void initiatives__reviewed_milestones_reached_closed_kept(void **state)
{
	(void)state;
	struct store *st = contract_open();
	store_id d = dept(st, "Finance"), p = tu_person(st, "Ann", d);
	struct initiative in = {.title = (char *)"Refunds within two days", .person_id = p,
				.due = date_from_ymd(2026, 6, 30)};
	store_id a = 0, b = 0;
	assert_int_equal(initiative_add(st, &in, tu_at(T0), &a), STORE_OK);
	in.title = (char *)"REFUNDS within two days";
	assert_int_equal(initiative_add(st, &in, tu_at(T0), &b), STORE_DUPLICATE);
	in.title = (char *)"One answer on every channel";
	in.person_id = 0;
	assert_int_equal(initiative_add(st, &in, tu_at(T0), &b), STORE_INVALID);
	in.person_id = p;
	in.due = DATE_NONE;
	assert_int_equal(initiative_add(st, &in, tu_at(T0), &b), STORE_INVALID);
	in.due = date_from_ymd(2026, 3, 31);
	assert_int_equal(initiative_add(st, &in, tu_at(T0), &b), STORE_OK);

	assert_int_equal(initiative_milestone_add(st, a, "Policy signed", date_from_ymd(2026, 4, 30),
						  tu_at(T0)), STORE_OK);
	assert_int_equal(initiative_milestone_add(st, a, "Tooling live", DATE_NONE, tu_at(T0)),
			 STORE_OK);
	assert_int_equal(initiative_milestone_mark(st, a, 1, date_from_ymd(2026, 3, 5)), STORE_OK);
	assert_int_equal(initiative_milestone_mark(st, a, 3, date_from_ymd(2026, 3, 5)),
			 STORE_NOTFOUND);

	/* off track needs a note; between meetings, then in one */
	assert_int_equal(initiative_set_track(st, a, TRACK_OFF, "", 0, tu_at(T0)), STORE_INVALID);
	assert_int_equal(initiative_set_track(st, a, TRACK_OFF, "Finance has not signed", 0,
					      tu_at("2026-03-03T09:00:00Z")), STORE_OK);
	store_id mid = start_meeting(st, "2026-03-09T09:00:00Z");
	assert_int_equal(initiative_set_track(st, a, TRACK_ON, NULL, mid,
					      tu_at("2026-03-09T09:20:00Z")), STORE_OK);
	assert_int_equal(initiative_set_track(st, b, TRACK_DONE, NULL, mid,
					      tu_at("2026-03-09T09:21:00Z")), STORE_OK);
	struct store *other = contract_reopen(st);
	assert_int_equal(initiative_set_track(other, a, TRACK_OFF, "from elsewhere", mid,
					      tu_at("2026-03-09T09:22:00Z")), STORE_NOT_HELD);
	store_close(other);

	struct initiative *v;
	size_t n;
	assert_int_equal(store_initiative_list(st, false, DATE_NONE, &v, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, a);
	assert_int_equal(v[0].dept_id, d);
	assert_string_equal(v[0].person_name, "Ann");
	assert_int_equal(v[0].track, TRACK_ON);
	assert_int_equal(v[0].milestones, 2);
	assert_int_equal(v[0].milestones_done, 1);
	assert_int_equal(v[0].reviewed_at, tu_at("2026-03-09T09:20:00Z"));
	initiatives_free(v, n);
	assert_int_equal(store_initiative_list(st, true, DATE_NONE, &v, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(v[1].id, b); /* closed ones after the open */
	assert_int_equal(v[1].track, TRACK_DONE);
	initiatives_free(v, n);

	struct initiative_review *r;
	assert_int_equal(store_initiative_reviews(st, a, 0, 0, &r, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(r[0].track, TRACK_ON);
	assert_int_equal(r[0].meeting_id, mid);
	assert_int_equal(r[1].track, TRACK_OFF);
	assert_string_equal(r[1].note, "Finance has not signed");
	assert_int_equal(r[1].meeting_id, 0);
	initiative_reviews_free(r, n);
	assert_int_equal(store_initiative_reviews(st, 0, mid, 0, &r, &n), STORE_OK);
	assert_int_equal(n, 2);
	initiative_reviews_free(r, n);
	struct meeting_work w;
	assert_int_equal(store_meeting_work(st, mid, &w), STORE_OK);
	assert_int_equal(w.initiatives_reviewed, 2);
	meeting_work_free(&w);

	struct milestone *m;
	assert_int_equal(store_milestones(st, a, &m, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(m[0].done_on, date_from_ymd(2026, 3, 5));
	assert_int_equal(m[1].done_on, DATE_NONE);
	assert_int_equal(m[0].due, date_from_ymd(2026, 4, 30));
	milestones_free(m, n);

	/* an edit: title and due date; a title taken refused */
	struct initiative e;
	assert_int_equal(initiative_lookup(st, "refunds WITHIN two days", &e), STORE_OK);
	assert_int_equal(e.id, a);
	char *keep = e.title;
	e.title = (char *)"One answer on every channel";
	assert_int_equal(initiative_edit(st, &e), STORE_DUPLICATE);
	e.title = (char *)"Refunds within a day";
	e.due = date_from_ymd(2026, 9, 30);
	assert_int_equal(initiative_edit(st, &e), STORE_OK);
	e.title = keep;
	initiative_free(&e);
	assert_int_equal(initiative_lookup(st, "#1", &e), STORE_OK);
	assert_string_equal(e.title, "Refunds within a day");
	assert_int_equal(e.due, date_from_ymd(2026, 9, 30));
	initiative_free(&e);
	assert_int_equal(initiative_lookup(st, "99", &e), STORE_NOTFOUND);
	store_close(st);
}

/* What each leader values, the map's moves, a department's KPIs with every
 * value kept, an item naming the KPI it serves, and the focus. */
static void leaders__profiles_moves_kpis_and_focus(void **state)
{
	(void)state;
	struct store *st = contract_open();
	store_id it_dept = dept(st, "IT"), sales = dept(st, "Sales");
	store_id dana = tu_person(st, "Dana", it_dept);
	struct person_profile pr;
	assert_int_equal(store_person_profile_get(st, dana, &pr), STORE_NOTFOUND);
	struct person_profile want = {.values = (char *)"Fewer repeat tickets",
				      .kpi = (char *)"Backlog under 300",
				      .stage = CHANGE_DESIRE, .next_step = (char *)"Show the figures"};
	assert_int_equal(person_profile_write(st, dana, &want, tu_at(T0)), STORE_OK);
	assert_int_equal(store_person_profile_get(st, dana, &pr), STORE_OK);
	assert_string_equal(pr.values, "Fewer repeat tickets");
	assert_string_equal(pr.kpi, "Backlog under 300");
	assert_int_equal(pr.stage, CHANGE_DESIRE);
	assert_string_equal(pr.next_step, "Show the figures");
	person_profile_free(&pr);
	want.stage = CHANGE_ABILITY;
	want.values = NULL;
	assert_int_equal(person_profile_write(st, dana, &want, tu_at(T0)), STORE_OK);
	assert_int_equal(store_person_profile_get(st, dana, &pr), STORE_OK);
	assert_null(pr.values);
	assert_int_equal(pr.stage, CHANGE_ABILITY);
	person_profile_free(&pr);
	want.next_step = (char *)"bad\x1b[2J";
	assert_int_equal(person_profile_write(st, dana, &want, tu_at(T0)), STORE_INVALID);

	/* moves on the map are kept, newest first; standing still is no move */
	assert_int_equal(person_place(st, dana, STANCE_HIGH, STANCE_LOW, tu_at("2026-03-03T10:00:00Z")),
			 STORE_OK);
	assert_int_equal(person_place(st, dana, STANCE_HIGH, STANCE_LOW, tu_at("2026-03-04T10:00:00Z")),
			 STORE_OK);
	assert_int_equal(person_place(st, dana, STANCE_HIGH, STANCE_HIGH, tu_at("2026-04-01T10:00:00Z")),
			 STORE_OK);
	struct stance_change *c;
	size_t n;
	assert_int_equal(store_stance_history_list(st, dana, 10, &c, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(c[0].support, STANCE_HIGH);
	assert_int_equal(c[0].at, tu_at("2026-04-01T10:00:00Z"));
	assert_int_equal(c[1].support, STANCE_LOW);
	stance_changes_free(c, n);

	/* KPIs: unique in their department without regard to case */
	struct measure k = {.name = (char *)"Ticket backlog", .kind = MEASURE_KPI, .dept_id = it_dept,
			    .unit = (char *)"tickets", .lower_is_better = true};
	store_id kid, other;
	assert_int_equal(measure_add(st, &k, tu_at(T0), &kid), STORE_OK);
	k.name = (char *)"TICKET backlog";
	assert_int_equal(measure_add(st, &k, tu_at(T0), &other), STORE_DUPLICATE);
	k.dept_id = sales; /* another department may have one of that name */
	assert_int_equal(measure_add(st, &k, tu_at(T0), &other), STORE_OK);
	assert_int_equal(measure_find(st, it_dept, "ticket BACKLOG", &other), STORE_OK);
	assert_int_equal(other, kid);
	assert_int_equal(store_measure_value_add(st, kid, date_from_ymd(2026, 3, 2), 412, tu_at(T0)),
			 STORE_OK);
	assert_int_equal(store_measure_value_add(st, kid, date_from_ymd(2026, 3, 9), 380.5,
						 tu_at("2026-03-09T10:00:00Z")),
			 STORE_OK);
	assert_int_equal(store_measure_value_add(st, kid, date_from_ymd(2026, 3, 9), 381.25,
						 tu_at("2026-03-09T11:00:00Z")),
			 STORE_OK); /* a correction */
	struct measure *m;
	assert_int_equal(store_measure_list(st, MEASURE_KPI, it_dept, false, &m, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(m[0].name, "Ticket backlog");
	assert_string_equal(m[0].unit, "tickets");
	assert_true(m[0].lower_is_better);
	assert_true(m[0].has_value);
	assert_true(m[0].value == 381.25);
	assert_int_equal(m[0].value_on, date_from_ymd(2026, 3, 9));
	measure_list_free(m, n);
	assert_int_equal(store_measure_list(st, MEASURE_KPI, 0, false, &m, &n), STORE_OK);
	assert_int_equal(n, 2);
	measure_list_free(m, n);
	store_id win = between(st, ITEM_WIN, "Backlog down", it_dept, T0);
	assert_int_equal(store_item_set_measure(st, win, kid), STORE_OK);

	/* the focus: one department, set again, cleared */
	struct focus f;
	assert_int_equal(store_focus_get(st, &f), STORE_NOTFOUND);
	assert_int_equal(focus_choose(st, it_dept, "Win Dana", "Demo the dashboard",
				      date_from_ymd(2026, 3, 2)),
			 STORE_OK);
	assert_int_equal(focus_choose(st, sales, NULL, "", date_from_ymd(2026, 3, 9)), STORE_OK);
	assert_int_equal(store_focus_get(st, &f), STORE_OK);
	assert_int_equal(f.dept_id, sales);
	assert_string_equal(f.dept_name, "Sales");
	assert_null(f.plan);
	assert_null(f.next_step);
	assert_int_equal(f.since, date_from_ymd(2026, 3, 9));
	focus_free(&f);
	assert_int_equal(store_focus_set(st, NULL), STORE_OK);
	assert_int_equal(store_focus_get(st, &f), STORE_NOTFOUND);
	store_close(st);
}

/* The buy-in ledger: per quarter and department, meetings attended of those
 * completed, actions owned and done on time, wins, messages acknowledged,
 * moves on the map; read the same from every backend. */
static void ledger__counts_per_quarter_and_department(void **state)
{
	(void)state;
	struct store *st = contract_open();
	store_id sales = dept(st, "Sales"), it_dept = dept(st, "IT");
	store_id ann = tu_person(st, "Ann", sales), bo = tu_person(st, "Bo", it_dept);
	/* Q1: two meetings, Sales at both, IT at none but handed an action */
	store_id m1 = start_meeting(st, "2026-02-02T09:00:00Z");
	assert_int_equal(store_attendance_set(st, m1, ann, true), STORE_OK);
	action(st, "Fix the form", it_dept, bo, date_from_ymd(2026, 2, 20), m1, "2026-02-02T09:10:00Z");
	store_id a2 = action(st, "Call back", sales, ann, date_from_ymd(2026, 2, 20), m1,
			     "2026-02-02T09:20:00Z");
	assert_int_equal(store_meeting_finish(st, m1, MEETING_COMPLETED, tu_at("2026-02-02T10:00:00Z"),
					      7, DATE_NONE),
			 STORE_OK);
	assert_int_equal(item_set_status(st, a2, STATUS_DONE, NULL, 0, tu_at("2026-02-10T10:00:00Z")),
			 STORE_OK);
	store_id m2 = start_meeting(st, "2026-03-02T09:00:00Z");
	assert_int_equal(store_attendance_set(st, m2, ann, true), STORE_OK);
	assert_int_equal(store_meeting_finish(st, m2, MEETING_COMPLETED, tu_at("2026-03-02T10:00:00Z"),
					      7, DATE_NONE),
			 STORE_OK);
	/* Q2: a win for IT, a message to IT acknowledged, Bo moved to high support */
	between(st, ITEM_WIN, "Backlog down", it_dept, "2026-04-10T10:00:00Z");
	store_id msg = between(st, ITEM_MESSAGE, "New form", it_dept, "2026-04-11T10:00:00Z");
	assert_int_equal(store_message_recipients_add(st, msg, &it_dept, 1), STORE_OK);
	assert_int_equal(store_message_ack(st, msg, it_dept, 0, tu_at("2026-04-12T10:00:00Z")),
			 STORE_OK);
	assert_int_equal(person_place(st, bo, STANCE_HIGH, STANCE_HIGH, tu_at("2026-04-13T10:00:00Z")),
			 STORE_OK);

	struct ledger l;
	assert_int_equal(ledger_load(st, date_from_ymd(2026, 1, 15), date_from_ymd(2026, 5, 1), 0, &l),
			 STORE_OK);
	assert_int_equal(l.n_quarters, 2);
	assert_int_equal(l.n_depts, 2); /* IT, Sales by name */
	assert_string_equal(l.depts[0].name, "IT");
	const struct ledger_line *q1_it = &l.lines[0], *q1_sales = &l.lines[1];
	const struct ledger_line *q2_it = &l.lines[2], *q2_sales = &l.lines[3];
	assert_int_equal(q1_it->year, 2026);
	assert_int_equal(q1_it->quarter, 1);
	assert_int_equal(q1_it->meetings, 2);
	assert_int_equal(q1_it->attended, 0);
	assert_int_equal(q1_it->actions, 1);
	assert_int_equal(q1_it->on_time, 0);
	assert_int_equal(q1_sales->attended, 2);
	assert_int_equal(q1_sales->actions, 1);
	assert_int_equal(q1_sales->on_time, 1);
	assert_int_equal(ledger_attendance_pct(q1_sales), 100);
	assert_int_equal(q2_it->quarter, 2);
	assert_int_equal(q2_it->meetings, 0);
	assert_int_equal(ledger_attendance_pct(q2_it), -1);
	assert_int_equal(q2_it->wins, 1);
	assert_int_equal(q2_it->messages, 1);
	assert_int_equal(q2_it->acked, 1);
	assert_int_equal(q2_it->support_up, 1);
	assert_int_equal(q2_sales->wins, 0);
	int from, to;
	assert_int_equal(ledger_shift(&l, 1, &from, &to), 0); /* no meeting in Q2: not known */
	ledger_free(&l);
	store_close(st);
}

#define PAGED 53

static void pages__continue_from_a_key_never_repeat_or_skip(void **state)
{
	(void)state;
	struct store *st = contract_open();
	store_id d = dept(st, "Ops"), p = tu_person(st, "Di", d);
	store_id ids[PAGED];
	cx_date base = date_from_ymd(2026, 4, 1);
	for (int i = 0; i < PAGED; i++) {
		char text[32];
		snprintf(text, sizeof text, "Action %d", i);
		/* equal due dates in runs of five: the id breaks the ties */
		ids[i] = action(st, text, d, p, base + (cx_date)(i / 5), 0, T0);
	}
	/* every action, in pages of 7: each once, in due-date then id order */
	struct action_select f = {.status = -1, .from = DATE_NONE, .before = DATE_NONE,
				  .today = date_from_ymd(2026, 3, 1)};
	struct store_cursor cur = {0};
	size_t total = 0;
	for (;;) {
		struct action_row *rows;
		size_t n;
		assert_int_equal(store_actions_list(st, &f, &cur, 7, &rows, &n), STORE_OK);
		for (size_t i = 0; i < n; i++, total++) {
			assert_true(total < PAGED);
			assert_int_equal(rows[i].it.id, ids[total]);
		}
		if (n > 0)
			cur = rows[n - 1].after;
		action_rows_free(rows, n);
		if (n < 7)
			break;
	}
	assert_int_equal(total, PAGED);
	int64_t count, overdue;
	assert_int_equal(store_actions_count(st, &f, &count, &overdue), STORE_OK);
	assert_int_equal(count, PAGED);
	assert_int_equal(overdue, 0);

	/* the same list read backward from its end */
	struct store_cursor back = {.backward = true};
	struct action_row *rows;
	size_t n;
	assert_int_equal(store_actions_list(st, &f, &back, 7, &rows, &n), STORE_OK);
	assert_int_equal(n, 7);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(rows[i].it.id, ids[PAGED - 7 + i]);
	action_rows_free(rows, n);

	/* a row added behind the reader's position does not shift its pages */
	memset(&cur, 0, sizeof cur);
	assert_int_equal(store_actions_list(st, &f, &cur, 10, &rows, &n), STORE_OK);
	cur = rows[n - 1].after;
	action_rows_free(rows, n);
	action(st, "Earliest of all", d, p, base - 30, 0, T0);
	assert_int_equal(store_actions_list(st, &f, &cur, 1, &rows, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].it.id, ids[10]);
	action_rows_free(rows, n);

	/* items for an export, by id, a page at a time */
	store_id after = 0;
	total = 0;
	for (;;) {
		struct item *items;
		assert_int_equal(store_items_after(st, after, 20, &items, &n), STORE_OK);
		for (size_t i = 0; i < n; i++, total++)
			assert_true(items[i].id > after && (i == 0 || items[i].id > items[i - 1].id));
		if (n)
			after = items[n - 1].id;
		item_list_free(items, n);
		if (n < 20)
			break;
	}
	assert_int_equal(total, PAGED + 1);
	store_close(st);
}

static void search__finds_words_and_forgets_deleted_items(void **state)
{
	(void)state;
	struct store *st = contract_open();
	store_id a = note(st, "Customers wait too long for refunds");
	store_id b = note(st, "Refund form shortened to one page");
	note(st, "Delivery tracking page redesigned");
	struct search_filter f = {.words = tu_words(st, "refund"), .kind = -1};
	struct search_hit *hits;
	size_t n;
	/* the last word as a prefix; newest first */
	assert_int_equal(store_search(st, &f, NULL, 10, &hits, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(hits[0].it.id, b);
	assert_int_equal(hits[1].it.id, a);
	search_hits_free(hits, n);
	/* every word must occur */
	f.words = tu_words(st, "page refund");
	assert_int_equal(store_search(st, &f, NULL, 10, &hits, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(hits[0].it.id, b);
	search_hits_free(hits, n);
	/* operators typed are only words (core's search_words makes them so) */
	f.words = tu_words(st, "\"refund\" OR NOT page*");
	assert_int_equal(store_search(st, &f, NULL, 10, &hits, &n), STORE_OK);
	assert_int_equal(n, 0); /* no item holds the words "or" and "not" */
	search_hits_free(hits, n);
	f.words = tu_words(st, "\"refund\" page*");
	assert_int_equal(store_search(st, &f, NULL, 10, &hits, &n), STORE_OK);
	assert_int_equal(n, 1);
	search_hits_free(hits, n);
	/* no word to search for: refused by the rule, and by the store */
	assert_null(tu_words(st, "  "));
	f.words = "";
	assert_int_equal(store_search(st, &f, NULL, 10, &hits, &n), STORE_INVALID);

	/* edited text is found by its new words only; deleted, not at all */
	struct item it;
	assert_int_equal(store_item_get(st, a, &it), STORE_OK);
	free(it.text);
	it.text = xstrdup("Customers wait too long for credit notes");
	assert_int_equal(item_update(st, &it, 0, tu_at(T0)), STORE_OK);
	item_free(&it);
	assert_int_equal(store_item_delete(st, b, 0, tu_at(T0)), STORE_OK);
	f.words = tu_words(st, "refund");
	assert_int_equal(store_search(st, &f, NULL, 10, &hits, &n), STORE_OK);
	assert_int_equal(n, 0);
	search_hits_free(hits, n);
	f.words = tu_words(st, "credit");
	int64_t count;
	assert_int_equal(store_search_count(st, &f, &count), STORE_OK);
	assert_int_equal(count, 1);
	store_close(st);
}

/* The data version changes when another instance commits a change (a screen
 * that follows a meeting reads again then, within a second), and not for
 * the instance's own writes. */
static void data_version__changes_for_another_writer_only(void **state)
{
	(void)state;
	struct store *a = contract_open();
	dept(a, "Sales");
	struct store *b = contract_reopen(a);
	int64_t v = store_data_version(b);
	dept(b, "Service"); /* its own */
	assert_true(store_data_version(b) == v);
	dept(a, "Finance");
	bool changed = false;
	for (int i = 0; i < 100 && !changed; i++) { /* a second at most */
		changed = store_data_version(b) != v;
		if (!changed)
			nanosleep(&(struct timespec){.tv_nsec = 10000000}, NULL);
	}
	assert_true(changed);
	store_close(b);
	store_close(a);
}

static size_t table_named(const char *name)
{
	for (size_t i = 0; i < store_table_count; i++)
		if (strcmp(store_tables[i].name, name) == 0)
			return i;
	fail_msg("no table %s", name);
	return 0;
}

/* A row of departments as store_table_rows gives it, kept as text. */
static void keep_row(const char *const *values, void *ctx)
{
	char **row = ctx;
	for (size_t c = 0; c < 6; c++) {
		free(row[c]);
		row[c] = values[c] ? xstrdup(values[c]) : NULL;
	}
}

/* The numbers given for a merge's new rows (store_table_ids): increasing,
 * held by no row, past those of the rows written with the numbers given
 * before; the rows then read back with them, and a row added afterwards
 * numbered past them all. */
static void ids__new_rows_numbered_past_every_row(void **state)
{
	(void)state;
	struct store *st = contract_open();
	size_t depts = table_named("departments");
	assert_int_equal(store_tables[depts].ncols, 6);
	store_id sales = dept(st, "Sales");
	store_id service = dept(st, "Service");
	store_id top = sales > service ? sales : service;
	int64_t ids[3];
	char *row[6] = {0};
	assert_int_equal(store_begin(st), STORE_OK);
	assert_int_equal(store_bulk_begin(st), STORE_OK);
	assert_int_equal(store_table_rows(st, depts, 1, keep_row, row, NULL), STORE_OK);
	assert_int_equal(store_table_ids(st, depts, 3, ids), STORE_OK);
	assert_true(ids[0] > top && ids[1] > ids[0] && ids[2] > ids[1]);
	char num[24];
	snprintf(num, sizeof num, "%" PRId64, ids[0]);
	free(row[0]), row[0] = xstrdup(num);
	free(row[1]), row[1] = xstrdup("Finance");
	free(row[2]), row[2] = xstrdup("finance");
	assert_int_equal(store_table_put(st, depts, 1, (const char *const *)row), STORE_OK);
	int64_t more[2];
	assert_int_equal(store_table_ids(st, depts, 2, more), STORE_OK);
	assert_true(more[0] > ids[0] && more[1] > more[0]);
	/* a table whose rows have no number of their own has none to give */
	assert_int_equal(store_table_ids(st, table_named("attendance"), 1, more), STORE_INVALID);
	assert_int_equal(store_table_put_end(st), STORE_OK);
	assert_int_equal(store_bulk_end(st), STORE_OK);
	assert_int_equal(store_commit(st), STORE_OK);
	struct dept d;
	assert_int_equal(store_dept_get(st, (store_id)ids[0], &d), STORE_OK);
	assert_string_equal(d.name, "Finance");
	dept_free(&d);
	store_id after = dept(st, "Legal");
	assert_true(after > ids[0]);
	for (size_t c = 0; c < 6; c++)
		free(row[c]);
	store_close(st);
}

/* $CXMEET_CONTRACT_TESTS (names separated by commas; unset: all) runs only
 * those tests: the checks a backend passes so far, while it is built. */
static bool wanted(const char *name)
{
	const char *only = getenv("CXMEET_CONTRACT_TESTS");
	if (!only || !*only)
		return true;
	size_t len = strlen(name);
	for (const char *p = only; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
		if (strncmp(p, name, len) == 0 && (p[len] == ',' || p[len] == '\0'))
			return true;
	return false;
}

int main(void)
{
	tu_init("contract");
	const struct CMUnitTest all[] = {
		cmocka_unit_test(names__unique_without_regard_to_case),
		cmocka_unit_test(org__set_up_once_texts_kept_with_their_history),
		cmocka_unit_test(templates__one_default_names_unique_archived_kept_apart),
		cmocka_unit_test(item__read_back_as_written_with_its_events),
		cmocka_unit_test(transaction__all_or_nothing),
		cmocka_unit_test(transaction__a_name_refused_inside_goes_on),
		cmocka_unit_test(meeting__one_in_progress_one_writer),
		cmocka_unit_test(rollcall__everyone_briefers_and_members_ratings),
		cmocka_unit_test(between__waits_for_the_next_meeting_until_discussed),
		cmocka_unit_test(chain__story_actions_and_their_wins),
		cmocka_unit_test(messages__acknowledged_by_each_department),
		cmocka_unit_test(leaders__profiles_moves_kpis_and_focus),
		cmocka_unit_test(measures__values_one_a_period_corrections_kept),
		cmocka_unit_test(initiatives__reviewed_milestones_reached_closed_kept),
		cmocka_unit_test(ledger__counts_per_quarter_and_department),
		cmocka_unit_test(pages__continue_from_a_key_never_repeat_or_skip),
		cmocka_unit_test(search__finds_words_and_forgets_deleted_items),
		cmocka_unit_test(data_version__changes_for_another_writer_only),
		cmocka_unit_test(ids__new_rows_numbered_past_every_row),
	};
	struct CMUnitTest tests[ARRAY_SIZE(all)];
	size_t n = 0;
	for (size_t i = 0; i < ARRAY_SIZE(all); i++)
		if (wanted(all[i].name))
			tests[n++] = all[i];
	if (n == 0) {
		fprintf(stderr, "CXMEET_CONTRACT_TESTS names no test of the contract suite\n");
		return 1;
	}
	return _cmocka_run_group_tests("contract", tests, n, NULL, NULL);
}
