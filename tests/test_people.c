/* test_people.c - the stakeholder map's rules (quadrants, who to win over,
 * who the champions are, the on-time share), each person's record read by
 * the store on a hand-built fixture, archived people leaving the pickers with
 * their history kept, and `cxmeet champions` and `person edit --influence`
 * on the command line with hostile names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testutil.h"
#include "cxmeet/items.h"
#include "cxmeet/names.h"
#include "cxmeet/report.h"
#include "cxmeet/stakeholder.h"
#include "cxmeet/util.h"

/* --- core rules --------------------------------------------------------- */

static void quadrant__from_influence_and_support(void **state)
{
	(void)state;
	assert_int_equal(stakeholder_quadrant(STANCE_HIGH, STANCE_LOW), QUAD_WIN_OVER);
	assert_int_equal(stakeholder_quadrant(STANCE_HIGH, STANCE_HIGH), QUAD_CHAMPIONS);
	assert_int_equal(stakeholder_quadrant(STANCE_LOW, STANCE_HIGH), QUAD_KEEP_INFORMED);
	assert_int_equal(stakeholder_quadrant(STANCE_LOW, STANCE_LOW), QUAD_MONITOR);
	/* Half known is not placed: the map would claim more than was said. */
	assert_int_equal(stakeholder_quadrant(STANCE_UNSET, STANCE_HIGH), QUAD_UNPLACED);
	assert_int_equal(stakeholder_quadrant(STANCE_HIGH, STANCE_UNSET), QUAD_UNPLACED);
	assert_int_equal(stakeholder_quadrant(STANCE_UNSET, STANCE_UNSET), QUAD_UNPLACED);
	/* And back: each quadrant from the stances that put a person there. */
	for (int q = QUAD_UNPLACED; q < QUAD_COUNT; q++) {
		enum stance inf, sup;
		stakeholder_stances((enum quadrant)q, &inf, &sup);
		assert_int_equal(stakeholder_quadrant(inf, sup), q);
	}
	assert_string_equal(quadrant_name(QUAD_WIN_OVER), "Win over");
	assert_string_equal(quadrant_name(QUAD_UNPLACED), "Not placed");
	assert_int_equal(stance_parse("high"), STANCE_HIGH);
	assert_int_equal(stance_parse("low"), STANCE_LOW);
	assert_int_equal(stance_parse("unset"), STANCE_UNSET);
	assert_int_equal(stance_parse("HIGH"), -2);
	assert_int_equal(stance_parse(""), -2);
	assert_int_equal(stance_toggle(STANCE_UNSET), STANCE_HIGH);
	assert_int_equal(stance_toggle(STANCE_HIGH), STANCE_LOW);
	assert_int_equal(stance_toggle(STANCE_LOW), STANCE_HIGH);
}

static void suggestions__win_over_and_champions_high_influence_first(void **state)
{
	(void)state;
	struct person p[] = {
		{.name = "Ann", .influence = STANCE_LOW, .support = STANCE_HIGH},
		{.name = "Bo", .influence = STANCE_HIGH, .support = STANCE_LOW},
		{.name = "Cy", .influence = STANCE_HIGH, .support = STANCE_HIGH},
		{.name = "Di", .influence = STANCE_UNSET, .support = STANCE_HIGH},
		{.name = "Ed", .influence = STANCE_HIGH, .support = STANCE_LOW, .archived = true},
		{.name = "Fi", .influence = STANCE_HIGH, .support = STANCE_UNSET},
		{.name = "Gu", .influence = STANCE_HIGH, .support = STANCE_HIGH},
	};
	size_t idx[7];
	size_t n = stakeholder_win_over(p, 7, idx);
	assert_int_equal(n, 1);
	assert_int_equal(idx[0], 1); /* Ed is archived, Fi's support unknown */
	n = stakeholder_champions(p, 7, idx);
	assert_int_equal(n, 4);
	assert_int_equal(idx[0], 2); /* high influence first, in the given order */
	assert_int_equal(idx[1], 6);
	assert_int_equal(idx[2], 0);
	assert_int_equal(idx[3], 3); /* high support counts even when not placed */
	assert_int_equal(stakeholder_win_over(p, 0, idx), 0);
}

static void record__on_time_share_and_order(void **state)
{
	(void)state;
	struct person_record r[4] = {0};
	r[0].p.support = STANCE_HIGH; /* a champion with nothing due */
	r[1].p.support = STANCE_LOW;
	r[1].wins = 2;
	r[1].done = 4; /* one with no due date: not judged */
	r[1].done_judged = 3;
	r[1].done_on_time = 2;
	r[1].overdue = 1;
	r[2].p.role = ROLE_MEMBER; /* neither champion nor hero */
	r[2].done = 5;
	r[2].done_judged = 5;
	r[2].done_on_time = 5;
	r[3].p.role = ROLE_CHAMPION;
	r[3].wins = 2;
	r[3].done = 1;
	r[3].done_judged = 1;
	r[3].done_on_time = 1;
	assert_int_equal(record_due(&r[1]), 4);
	assert_int_equal(record_on_time_pct(&r[1]), 50);
	assert_int_equal(record_on_time_pct(&r[0]), -1);
	assert_int_equal(record_on_time_pct(&r[2]), 100);
	assert_false(record_is_notable(&r[2]));
	size_t idx[4];
	size_t n = record_notable_order(r, 4, idx);
	assert_int_equal(n, 3);
	assert_int_equal(idx[0], 3); /* 2 wins, 100% */
	assert_int_equal(idx[1], 1); /* 2 wins, 50% */
	assert_int_equal(idx[2], 0); /* no wins */
}

/* --- the store ---------------------------------------------------------- */

static store_id add_item(struct store *st, enum item_kind kind, store_id person, const char *due,
			 const char *created)
{
	struct item it = {.kind = kind, .text = "something", .person_id = person,
			  .due = DATE_NONE, .revisit = DATE_NONE, .status = STATUS_OPEN};
	if (due)
		assert_true(date_parse_iso(due, &it.due));
	assert_int_equal(item_add(st, &it, tu_at(created)), STORE_OK);
	return it.id;
}

static void done_at(struct store *st, store_id id, enum item_status status, const char *at)
{
	assert_int_equal(item_set_status(st, id, status, NULL, 0, tu_at(at)), STORE_OK);
}

static const struct person_record *find_rec(const struct person_record *r, size_t n,
					    store_id id)
{
	for (size_t i = 0; i < n; i++)
		if (r[i].p.id == id)
			return &r[i];
	return NULL;
}

static void records__wins_on_time_open_overdue_per_person(void **state)
{
	(void)state;
	struct store *st = tu_open_new();
	store_id dx = 0;
	assert_int_equal(dept_add(st, "Sales", false, &dx), STORE_OK);
	store_id ann = tu_person(st, "Ann", dx), bo = tu_person(st, "Bo", dx);
	tu_person(st, "Cy", dx); /* owns nothing */
	const char *c = "2026-01-10T09:00:00Z";
	/* Due on the last day of January: done late that evening is on time;
	 * done the next morning (February) is late. */
	done_at(st, add_item(st, ITEM_ACTION, ann, "2026-01-31", c), STATUS_DONE,
		"2026-01-31T23:30:00Z");
	done_at(st, add_item(st, ITEM_ACTION, ann, "2026-01-31", c), STATUS_DONE,
		"2026-02-01T08:00:00Z");
	/* No due date: it is neither on time nor late, as the reports judge it
	 * (action_judged). */
	store_id undated = add_item(st, ITEM_ACTION, ann, NULL, c);
	done_at(st, undated, STATUS_DONE, "2026-05-01T08:00:00Z");
	/* Dropped: neither done nor due. */
	done_at(st, add_item(st, ITEM_ACTION, ann, "2026-02-01", c), STATUS_DROPPED,
		"2026-03-01T08:00:00Z");
	add_item(st, ITEM_ACTION, ann, "2026-11-22", c); /* overdue on the 23rd */
	add_item(st, ITEM_ACTION, ann, "2026-11-23", c); /* due today: not overdue */
	add_item(st, ITEM_WIN, ann, NULL, c);
	add_item(st, ITEM_WIN, ann, NULL, c);
	store_id deleted = add_item(st, ITEM_WIN, ann, NULL, c);
	assert_int_equal(store_item_delete(st, deleted, 0, tu_at(c)), STORE_OK);
	add_item(st, ITEM_DECISION, ann, NULL, c); /* a decider is no hero */
	add_item(st, ITEM_WIN, bo, NULL, c);

	struct person_record *r;
	size_t n;
	cx_date today = date_from_ymd(2026, 11, 23);
	assert_int_equal(store_person_records(st, today, false, &r, &n), STORE_OK);
	assert_int_equal(n, 3);
	const struct person_record *a = find_rec(r, n, ann);
	assert_non_null(a);
	assert_string_equal(a->p.name, "Ann");
	assert_string_equal(a->p.dept_name, "Sales");
	assert_int_equal(a->wins, 2);
	assert_int_equal(a->actions, 6);
	assert_int_equal(a->done, 3);
	assert_int_equal(a->done_judged, 2);
	assert_int_equal(a->done_on_time, 1);
	assert_int_equal(a->open, 2);
	assert_int_equal(a->overdue, 1);
	assert_int_equal(record_due(a), 3);
	assert_int_equal(record_on_time_pct(a), 33);
	struct window_item w = {.kind = ITEM_ACTION, .status = STATUS_DONE, .due = DATE_NONE,
				.closed_at = tu_at("2026-05-01T08:00:00Z")};
	bool on_time;
	assert_false(action_judged(&w, today, &on_time)); /* the same rule, once */
	const struct person_record *b = find_rec(r, n, bo);
	assert_int_equal(b->wins, 1);
	assert_int_equal(b->actions, 0);
	assert_int_equal(record_on_time_pct(b), -1);
	person_records_free(r, n);
	store_close(st);
}

/* On time is judged by the local calendar, as the due date was given. */
static void records__on_time_by_the_local_date(void **state)
{
	(void)state;
	setenv("TZ", "Asia/Tokyo", 1); /* UTC+9, no summer time */
	tzset();
	struct store *st = tu_open_new();
	store_id ann = tu_person(st, "Ann", 0);
	const char *c = "2026-01-10T09:00:00Z";
	/* 16:00 UTC on the 31st is already 1 February in Tokyo: late. */
	done_at(st, add_item(st, ITEM_ACTION, ann, "2026-01-31", c), STATUS_DONE,
		"2026-01-31T16:00:00Z");
	/* 14:59 UTC is 23:59 in Tokyo: just in time. */
	done_at(st, add_item(st, ITEM_ACTION, ann, "2026-01-31", c), STATUS_DONE,
		"2026-01-31T14:59:00Z");
	struct person_record *r;
	size_t n;
	assert_int_equal(store_person_records(st, date_from_ymd(2026, 11, 23), false, &r, &n),
			 STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].done, 2);
	assert_int_equal(r[0].done_on_time, 1);
	person_records_free(r, n);
	store_close(st);
	setenv("TZ", "UTC", 1);
	tzset();
}

static void archived__leave_pickers_keep_history(void **state)
{
	(void)state;
	struct store *st = tu_open_new();
	store_id dx = 0, dy = 0;
	assert_int_equal(dept_add(st, "Sales", false, &dx), STORE_OK);
	assert_int_equal(dept_add(st, "Old team", true, &dy), STORE_OK);
	store_id ann = tu_person(st, "Ann", dx), bo = tu_person(st, "Bo", dx);
	store_id win = add_item(st, ITEM_WIN, bo, NULL, "2026-01-10T09:00:00Z");
	assert_int_equal(store_person_set_archived(st, bo, true), STORE_OK);
	assert_int_equal(store_dept_set_archived(st, dy, true), STORE_OK);

	/* The pickers read the lists without archived ones. */
	struct person *p;
	size_t n;
	assert_int_equal(store_person_list(st, false, 0, &p, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(p[0].id, ann);
	person_list_free(p, n);
	struct dept *d;
	assert_int_equal(store_dept_list(st, false, &d, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_int_equal(d[0].id, dx);
	dept_list_free(d, n);

	/* Their history stays: the win still credits Bo, and his record counts it. */
	struct item it;
	assert_int_equal(store_item_get(st, win, &it), STORE_OK);
	assert_string_equal(it.person_name, "Bo");
	item_free(&it);
	struct person_record *r;
	assert_int_equal(store_person_records(st, date_from_ymd(2026, 11, 23), false, &r, &n),
			 STORE_OK);
	assert_int_equal(n, 1);
	person_records_free(r, n);
	assert_int_equal(store_person_records(st, date_from_ymd(2026, 11, 23), true, &r, &n),
			 STORE_OK);
	assert_int_equal(n, 2);
	const struct person_record *b = find_rec(r, n, bo);
	assert_true(b->p.archived);
	assert_int_equal(b->wins, 1);
	person_records_free(r, n);
	store_close(st);
}

static void stance__set_and_read_back(void **state)
{
	(void)state;
	struct store *st = tu_open_new();
	store_id ann = tu_person(st, "Ann", 0);
	assert_int_equal(store_person_set_stance(st, ann, STANCE_HIGH, STANCE_LOW), STORE_OK);
	struct person p;
	assert_int_equal(store_person_get(st, ann, &p), STORE_OK);
	assert_int_equal(p.influence, STANCE_HIGH);
	assert_int_equal(p.support, STANCE_LOW);
	person_free(&p);
	assert_int_equal(store_person_set_stance(st, ann, STANCE_UNSET, STANCE_HIGH), STORE_OK);
	assert_int_equal(store_person_get(st, ann, &p), STORE_OK);
	assert_int_equal(p.influence, STANCE_UNSET);
	assert_int_equal(p.support, STANCE_HIGH);
	person_free(&p);
	assert_int_equal(store_person_set_stance(st, 999, STANCE_HIGH, STANCE_HIGH),
			 STORE_NOTFOUND);
	store_close(st);
}

/* --- the command line --------------------------------------------------- */

static char *out_text(const char *path)
{
	char *s = tu_slurp(path, NULL);
	assert_non_null(s);
	return s;
}

/* A name with quotes, a comma, a formula's '=' and wide characters. */
#define HOSTILE "=\"王芳\", O'Neil"

static void cli__champions_json_csv_with_a_hostile_name(void **state)
{
	(void)state;
	char *db = tu_new_path();
	char *out = tu_new_path(), *err = tu_new_path();
	assert_int_equal(tu_cli(db, NULL, err, "init", NULL), 0);
	assert_int_equal(tu_cli(db, NULL, err, "person", "add", HOSTILE, "--dept", "Sales",
				"--role", "champion", NULL), 0);
	assert_int_equal(tu_cli(db, NULL, err, "person", "add", "Plain Person", "--dept", "IT",
				NULL), 0);
	assert_int_equal(tu_cli(db, NULL, err, "person", "edit", HOSTILE, "--influence", "high",
				"--support", "high", NULL), 0);
	/* A bad level is refused and nothing is written. */
	assert_int_equal(tu_cli(db, NULL, err, "person", "edit", "Plain Person", "--support",
				"sky-high", NULL), EXIT_USAGE);
	char *e = out_text(err);
	assert_non_null(strstr(e, "use low, high or unset"));
	free(e);
	assert_int_equal(tu_cli(db, NULL, err, "person", "add", "X", "--dept", "IT",
				"--influence", "high", NULL), EXIT_USAGE);

	assert_int_equal(tu_cli(db, out, err, "champions", "--format", "json", NULL), 0);
	char *s = out_text(out);
	assert_non_null(strstr(s, "\"name\": \"=\\\"王芳\\\", O'Neil\""));
	assert_non_null(strstr(s, "\"quadrant\": \"Champions\""));
	assert_non_null(strstr(s, "\"on_time_pct\": null"));
	assert_null(strstr(s, "Plain Person")); /* neither champion nor hero */
	free(s);

	assert_int_equal(tu_cli(db, out, err, "champions", "--all", "-f", "csv", NULL), 0);
	s = out_text(out);
	assert_non_null(strstr(s, "name,department,role,quadrant,influence,support,wins,on_time,"
				  "due,on_time_pct,open,overdue\r\n"));
	/* Quoted for the comma and quotes, guarded against a spreadsheet formula. */
	assert_non_null(strstr(s, "\"'=\"\"王芳\"\", O'Neil\",Sales,champion,Champions,high,high,"
				  "0,0,0,,0,0"));
	assert_non_null(strstr(s, "Plain Person,IT,member,Not placed,unset,unset,0,0,0,,0,0"));
	free(s);

	assert_int_equal(tu_cli(db, out, err, "champions", "--format", "ics", NULL), EXIT_USAGE);
	assert_int_equal(tu_cli(db, out, err, "champions", "extra", NULL), EXIT_USAGE);
	free(db);
	free(out);
	free(err);
}

int main(void)
{
	tu_init("people");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quadrant__from_influence_and_support),
		cmocka_unit_test(suggestions__win_over_and_champions_high_influence_first),
		cmocka_unit_test(record__on_time_share_and_order),
		cmocka_unit_test(records__wins_on_time_open_overdue_per_person),
		cmocka_unit_test(records__on_time_by_the_local_date),
		cmocka_unit_test(archived__leave_pickers_keep_history),
		cmocka_unit_test(stance__set_and_read_back),
		cmocka_unit_test(cli__champions_json_csv_with_a_hostile_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
