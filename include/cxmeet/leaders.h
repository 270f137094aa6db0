/* leaders.h - "connect CX to each leader's own goals": what each person
 * values, their KPI and where they stand in a change; the stakeholder map
 * kept as history; a department's KPIs with their values; and "one
 * department at a time", the council's focus. Texts are cleaned (text.h)
 * before the store keeps them; a text refused gives STORE_INVALID with the
 * reason in store_errmsg and writes nothing. */
#ifndef CXMEET_LEADERS_H
#define CXMEET_LEADERS_H

#include "cxmeet/store.h"

/* Writes p for the person (values long text; KPI and next step a line). */
enum store_rc person_profile_write(struct store *st, store_id person,
				   const struct person_profile *p, time_t at);

/* Places the person on the stakeholder map and keeps the move, in one
 * transaction; nothing when it is where it was. */
enum store_rc person_place(struct store *st, store_id person, enum stance influence,
			   enum stance support, time_t at);

/* A measure (its name cleaned and keyed as names are, its unit a line). */
enum store_rc measure_add(struct store *st, const struct measure *m, time_t at, store_id *id);
/* Writes m (by m->id) as measure_add checks a new one: a name another
 * measure of its department has is refused (STORE_DUPLICATE). */
enum store_rc measure_edit(struct store *st, const struct measure *m);
/* The measure named name (without regard to case) of department dept (0:
 * none); STORE_NOTFOUND, saying so, when there is none. */
enum store_rc measure_find(struct store *st, store_id dept, const char *name, store_id *id);

/* Sorts measures by department name, then name, without regard to case. */
void measures_sort(struct measure *m, size_t n);

/* A measure's value as people read it: the shortest text that reads back as
 * the same number ("92.5", "3"). */
void measure_value_text(double v, char *buf, size_t len);

/* The council's focus: dept, its plan and next step (cleaned; NULL or ""
 * for none), since the day given. */
enum store_rc focus_choose(struct store *st, store_id dept, const char *plan,
			   const char *next_step, cx_date since);

#endif
