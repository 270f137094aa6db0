/* roster.h - checks on the council's make-up (departments nobody sits for, no
 * executive sponsor, no lead), what the organisation has not set up yet, and
 * the steps of the first-run walk-through. Pure C: works on structs the store
 * filled, never on the database. */
#ifndef CXMEET_ROSTER_H
#define CXMEET_ROSTER_H

#include <stdbool.h>
#include <stddef.h>

#include "cxmeet/store.h"

/* The first-run walk-through, as stored in organisation.setup_step. 0 means
 * it never started (a database set up by the commands): it is not shown. A
 * value from SETUP_NAME to SETUP_MEMBERS is the step to resume at; SETUP_DONE
 * means finished or skipped to the end. */
enum setup_step {
	SETUP_NOT_STARTED,
	SETUP_NAME,
	SETUP_MISSION,
	SETUP_SUCCESS,
	SETUP_CADENCE,
	SETUP_DEPARTMENTS,
	SETUP_MEMBERS,
	SETUP_DONE,
};

/* Whether the walk-through should be shown for this stored step. */
bool setup_pending(int step);

enum roster_kind {
	ROSTER_NO_MEMBERS, /* nobody but guests (or nobody at all) */
	ROSTER_NO_SPONSOR,
	ROSTER_NO_LEAD,
	ROSTER_DEPT_EMPTY, /* an active department with no council member */
};

struct roster_finding {
	enum roster_kind kind;
	store_id dept_id; /* ROSTER_DEPT_EMPTY only */
	char *message;    /* for the screen: "Finance has no council member" */
	char *dept_name;  /* ROSTER_DEPT_EMPTY only: "Finance" */
};

/* Checks the roster. Archived departments and people are left out; guests
 * are not council members. Findings come in the order of enum roster_kind,
 * departments in the order given. Returns the number (caller frees *out). */
size_t roster_check(const struct dept *depts, size_t nd, const struct person *people, size_t np,
		    struct roster_finding **out);
void roster_findings_free(struct roster_finding *f, size_t n);
/* One line for the findings from `from` on, when a screen has no room for
 * each on its own: "and 8 more: no council member in HR, IT, ..." (the
 * departments by name, other findings by their message), so that none goes
 * unseen. Caller frees. */
char *roster_more_line(const struct roster_finding *f, size_t n, size_t from);
/* The owner picker's order: the people of department `dept` first, then
 * the others, each in the order given (stable); dept 0 changes nothing.
 * Returns how many belong to dept. */
size_t roster_dept_first(struct person *people, size_t np, store_id dept);
/* The department an item takes when its person is chosen: the one already
 * chosen stays; with none, the person's own (0 if they have none). */
store_id roster_dept_for_person(store_id chosen, const struct person *p);
/* Active people who are not guests. */
size_t roster_member_count(const struct person *people, size_t np);

/* What the organisation still lacks, for the home screen's to-do line. */
struct council_missing {
	bool name, mission, success;
	int charter_empty; /* charter answers not written, 0..CHARTER_COUNT */
	bool members;      /* no council member at all */
	size_t findings;   /* roster findings, beyond "no members" */
};

void council_missing_of(const struct org *org, size_t members, size_t findings,
			struct council_missing *out);
bool council_missing_any(const struct council_missing *m);
/* "name, CX mission, 4 charter answers, 2 roster findings"; "" when nothing. */
void council_missing_format(const struct council_missing *m, char *buf, size_t len);

#endif
