/* stakeholder.h - the stakeholder map: where a person stands on influence and
 * support for CX, who to win over, who the champions are, and how well an
 * owner keeps their due dates. Pure C: no SQL, no curses. */
#ifndef CXMEET_STAKEHOLDER_H
#define CXMEET_STAKEHOLDER_H

#include <stddef.h>
#include <stdint.h>

#include "cxmeet/store.h"

/* The four quadrants of the map, in the order the map lists them. */
enum quadrant {
	QUAD_UNPLACED = -1, /* influence or support not known yet */
	QUAD_WIN_OVER,      /* high influence, low support */
	QUAD_CHAMPIONS,     /* high influence, high support */
	QUAD_KEEP_INFORMED, /* low influence, high support */
	QUAD_MONITOR,       /* low influence, low support */
	QUAD_COUNT
};

enum quadrant stakeholder_quadrant(enum stance influence, enum stance support);
/* The reverse: the influence and support that put a person in quadrant q
 * (both unset for QUAD_UNPLACED). */
void stakeholder_stances(enum quadrant q, enum stance *influence, enum stance *support);
/* "Win over", "Champions", "Keep informed", "Monitor" or "Not placed". */
const char *quadrant_name(enum quadrant q);
/* "low", "high" or "unset"; and back (-2 when the word is none of these). */
const char *stance_word(enum stance s);
int stance_parse(const char *word);
/* The next stance when toggled: unset and low become high, high becomes low. */
enum stance stance_toggle(enum stance s);

/* Suggestions, as indexes into people[] written to idx (room for n): those to
 * win over (high influence, low support) in the order given, and the
 * champions (high support), high influence first, otherwise in the order
 * given. Archived people are left out. Return how many were written. */
size_t stakeholder_win_over(const struct person *people, size_t n, size_t *idx);
size_t stakeholder_champions(const struct person *people, size_t n, size_t *idx);

/* Actions that were due, judged as action_judged (report.h) judges them:
 * done with a due date, or still open past it. */
int64_t record_due(const struct person_record *r);
/* The share of those done on time, in whole percent; -1 when none was due. */
int record_on_time_pct(const struct person_record *r);
/* A champion (high support, or the champion role) or a hero (wins credited):
 * the people whose record the map shows. */
bool record_is_notable(const struct person_record *r);
/* Orders the notable records for showing: most wins first, then the best
 * on-time share, then the order given. Writes indexes into idx; returns how many. */
size_t record_notable_order(const struct person_record *r, size_t n, size_t *idx);

#endif
