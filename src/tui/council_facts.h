/* council_facts.h - what home, the council view and the first run share of the
 * council (council_facts.c). */
#ifndef CXMEET_TUI_COUNCIL_FACTS_H
#define CXMEET_TUI_COUNCIL_FACTS_H

#include <stdbool.h>
#include <stddef.h>

#include "cxmeet/cadence.h"
#include "cxmeet/meeting.h"
#include "cxmeet/roster.h"
#include "cxmeet/store.h"

struct tui;

/* What home, the council view and the first run show of the council's state
 * (council_facts.c): the organisation, the roster findings, what is missing. */
struct council_facts {
	struct org org;
	bool have_org;
	struct roster_finding *findings;
	size_t nf;
	struct council_missing missing;
};

/* False (and the store's message) when the organisation cannot be read. */
bool council_facts_load(struct tui *t, struct council_facts *f);
void council_facts_free(struct council_facts *f);
/* Draws roster finding i of the `shown` that fit; the last of them, when
 * more were found, names the rest on one line. */
void roster_line(const struct council_facts *f, int i, int shown, int y, int x, int w);
/* The cadences offered: weekly, every two weeks, monthly, quarterly, and
 * "every N days" (n 0: the number is asked). */
struct cadence_choice {
	const char *label;
	struct cadence c;
};
size_t cadence_choices(const struct cadence_choice **out);
/* The choice that is c (the last, "every N days", when none other is). */
size_t cadence_choice_of(const struct cadence *c);
/* The cadence of choice k, asking for N when needed; false when cancelled or
 * refused (the reason flashed). */
bool cadence_choice_take(struct tui *t, size_t k, struct cadence *out);
/* Picks from the choices in a list; `current` (may be NULL) is marked. */
bool pick_cadence(struct tui *t, const struct cadence *current, struct cadence *out);

#endif
