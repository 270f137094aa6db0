/* test_roster.c - the roster check and the list of what the organisation has
 * not set up yet (core/roster.c), on hand-built departments and people. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cxmeet/roster.h"

/* Departments 1..3: Sales, Finance, and an archived Old Team. */
static const struct dept depts[] = {
	{.id = 1, .name = "Sales"},
	{.id = 2, .name = "Finance, \"the money\"", .behind = true},
	{.id = 3, .name = "Old Team", .archived = true},
};

static struct person person(const char *name, store_id dept, enum role r)
{
	return (struct person){.name = (char *)name, .dept_id = dept, .role = r};
}

/* The kinds found, as a string of digits, for short assertions. */
static void kinds(const struct roster_finding *f, size_t n, char *buf)
{
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)('0' + f[i].kind);
	buf[n] = '\0';
}

static void test_no_people(void **state)
{
	(void)state;
	struct roster_finding *f;
	size_t n = roster_check(depts, 3, NULL, 0, &f);
	char k[8];
	kinds(f, n, k);
	assert_string_equal(k, "033"); /* no members, Sales and Finance empty */
	assert_string_equal(f[0].message, "The council has no members yet");
	assert_int_equal(f[1].dept_id, 1);
	assert_int_equal(f[2].dept_id, 2);
	assert_string_equal(f[2].message, "Finance, \"the money\" has no council member");
	roster_findings_free(f, n);
}

/* The line for findings that do not fit names every one left. */
static void test_more_line(void **state)
{
	(void)state;
	struct person p[] = {person("Ann", 3, ROLE_MEMBER)};
	struct roster_finding *f;
	size_t n = roster_check(depts, 3, p, 1, &f);
	char k[8];
	kinds(f, n, k);
	assert_string_equal(k, "1233"); /* no sponsor, no lead, Sales and Finance empty */
	assert_string_equal(f[2].dept_name, "Sales");
	assert_null(f[0].dept_name);
	char *line = roster_more_line(f, n, 1);
	assert_string_equal(line, "and 3 more: The council has no lead; no council member in "
				  "Sales, Finance, \"the money\"");
	free(line);
	line = roster_more_line(f, n, 3);
	assert_string_equal(line, "and 1 more: no council member in Finance, \"the money\"");
	free(line);
	roster_findings_free(f, n);
}

static void test_only_guests(void **state)
{
	(void)state;
	struct person p[] = {person("Ann", 1, ROLE_GUEST), person("Bo", 2, ROLE_GUEST)};
	struct roster_finding *f;
	size_t n = roster_check(depts, 3, p, 2, &f);
	char k[8];
	kinds(f, n, k);
	assert_string_equal(k, "033"); /* guests cover nothing */
	assert_int_equal(roster_member_count(p, 2), 0);
	roster_findings_free(f, n);
}

static void test_no_sponsor_no_lead(void **state)
{
	(void)state;
	struct person p[] = {person("Ann", 1, ROLE_MEMBER), person("Bo", 2, ROLE_CHAMPION)};
	struct roster_finding *f;
	size_t n = roster_check(depts, 3, p, 2, &f);
	char k[8];
	kinds(f, n, k);
	assert_string_equal(k, "12");
	roster_findings_free(f, n);

	p[0].role = ROLE_SPONSOR;
	n = roster_check(depts, 3, p, 2, &f);
	kinds(f, n, k);
	assert_string_equal(k, "2"); /* a sponsor, still no lead */
	roster_findings_free(f, n);

	p[1].role = ROLE_LEAD;
	n = roster_check(depts, 3, p, 2, &f);
	assert_int_equal(n, 0);
	roster_findings_free(f, n);
}

static void test_archived_ignored(void **state)
{
	(void)state;
	/* The lead is archived: no lead. The archived department is never named,
	 * and a member of it covers no active department. */
	struct person p[] = {person("Ann", 1, ROLE_SPONSOR), person("Bo", 2, ROLE_LEAD),
			     person("Cy", 3, ROLE_MEMBER)};
	p[1].archived = true;
	struct roster_finding *f;
	size_t n = roster_check(depts, 3, p, 3, &f);
	char k[8];
	kinds(f, n, k);
	assert_string_equal(k, "23");
	assert_int_equal(f[1].dept_id, 2);
	assert_int_equal(roster_member_count(p, 3), 2);
	roster_findings_free(f, n);
}

static void test_setup_pending(void **state)
{
	(void)state;
	assert_false(setup_pending(SETUP_NOT_STARTED));
	assert_true(setup_pending(SETUP_NAME));
	assert_true(setup_pending(SETUP_MEMBERS));
	assert_false(setup_pending(SETUP_DONE));
	assert_false(setup_pending(-1));
	assert_false(setup_pending(99));
}

static void test_missing(void **state)
{
	(void)state;
	struct org org = {0};
	char *texts[ORG_TEXT_COUNT] = {"", "  \n", "Grow", "v", "", "", "r", "p", "w"};
	memcpy(org.text, texts, sizeof texts);
	struct council_missing m;
	char buf[200];
	council_missing_of(&org, 0, 2, &m);
	assert_true(council_missing_any(&m));
	assert_true(m.name && m.mission && !m.success && m.members);
	assert_int_equal(m.charter_empty, 2);
	council_missing_format(&m, buf, sizeof buf);
	assert_string_equal(buf, "organisation name, CX mission, 2 charter answers, "
				 "council members, 2 roster findings");

	char *full[ORG_TEXT_COUNT] = {"Acme", "m", "s", "v", "g", "r", "p", "a", "w"};
	memcpy(org.text, full, sizeof full);
	council_missing_of(&org, 3, 0, &m);
	assert_false(council_missing_any(&m));
	council_missing_format(&m, buf, sizeof buf);
	assert_string_equal(buf, "");

	org.text[ORG_WAYS] = "";
	council_missing_of(&org, 3, 1, &m);
	council_missing_format(&m, buf, 20); /* cut short, still a string */
	assert_string_equal(buf, "1 charter answer, 1");
}

static void test_dept_first(void **state)
{
	(void)state;
	struct person p[] = {
		person("Abe", 1, ROLE_MEMBER), person("Ana", 2, ROLE_MEMBER),
		person("Ben", 1, ROLE_LEAD),   person("Olu", 2, ROLE_GUEST),
		person("Nobody's", 0, ROLE_GUEST),
	};
	assert_int_equal(roster_dept_first(p, 5, 0), 0); /* no department: as given */
	assert_string_equal(p[0].name, "Abe");
	assert_int_equal(roster_dept_first(p, 5, 2), 2);
	const char *want[] = {"Ana", "Olu", "Abe", "Ben", "Nobody's"}; /* stable both sides */
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(p[i].name, want[i]);
	assert_int_equal(roster_dept_first(p, 5, 9), 0); /* nobody in it: as it was */
	assert_string_equal(p[0].name, "Ana");
	assert_int_equal(roster_dept_first(NULL, 0, 2), 0);
}

static void test_dept_for_person(void **state)
{
	(void)state;
	struct person ana = person("Ana", 2, ROLE_MEMBER), none = person("Guest", 0, ROLE_GUEST);
	assert_int_equal(roster_dept_for_person(0, &ana), 2);  /* follows the person */
	assert_int_equal(roster_dept_for_person(1, &ana), 1);  /* one chosen stays */
	assert_int_equal(roster_dept_for_person(0, &none), 0); /* nothing to follow */
	assert_int_equal(roster_dept_for_person(0, NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_people),
		cmocka_unit_test(test_only_guests),
		cmocka_unit_test(test_more_line),
		cmocka_unit_test(test_no_sponsor_no_lead),
		cmocka_unit_test(test_archived_ignored),
		cmocka_unit_test(test_setup_pending),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_dept_first),
		cmocka_unit_test(test_dept_for_person),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
