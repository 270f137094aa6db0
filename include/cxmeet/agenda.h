/* agenda.h - agenda templates in their plain-text form (the format of
 * data/agenda-standard.txt): parsing with errors reported by line, and
 * rendering back. Pure C. */
#ifndef CXMEET_AGENDA_H
#define CXMEET_AGENDA_H

#include <stdbool.h>
#include <stddef.h>

enum step_kind {
	STEP_ROLL_CALL,
	STEP_MISSION,
	STEP_STORY,
	STEP_ACTION_REVIEW,
	STEP_INSIGHTS,
	STEP_PRIORITIES,
	STEP_WINS,
	STEP_NEW_ACTIONS,
	STEP_WRAP_UP,
	STEP_TOPIC,
	STEP_INITIATIVES, /* the council's initiatives reviewed */
	STEP_KIND_COUNT
};

#define AGENDA_MAX_STEPS 50
#define AGENDA_MAX_MINUTES 240

const char *step_kind_name(enum step_kind k);
int step_kind_parse(const char *s); /* -1 when unknown */

struct agenda_step {
	char *title;
	enum step_kind kind;
	int minutes;
	char *prompt;
	bool skipped; /* a meeting's own copy only: passed over; templates ignore it */
};

struct agenda_template {
	char *name;
	struct agenda_step *steps;
	size_t n_steps;
};

/* Returns 0, or -1 with "line N: ..." in err. */
int agenda_parse(const char *text, struct agenda_template *out, char *err, size_t errlen);
char *agenda_render(const struct agenda_template *t);
void agenda_free(struct agenda_template *t);

/* Checks a template before it is saved: 1 to 50 steps, each with a title
 * (a clean one-line name) and 0 to 240 planned minutes. Returns 0, or -1
 * with a message naming the step. */
int agenda_check(const struct agenda_template *t, char *err, size_t errlen);
/* A deep copy of src into *dst. */
void agenda_copy(const struct agenda_template *src, struct agenda_template *dst);
/* Inserts a copy of step (title and prompt duplicated) at index `at` (0 to
 * n_steps); -1 when the agenda already has AGENDA_MAX_STEPS steps. */
int agenda_insert_step(struct agenda_template *t, size_t at, const struct agenda_step *step);
void agenda_remove_step(struct agenda_template *t, size_t at);
/* Swaps steps i and j (both must exist). */
void agenda_swap_steps(struct agenda_template *t, size_t i, size_t j);
/* Planned minutes typed by hand: a whole number from 1 to 240 (a step
 * planned for no time at all is a slip; a file may still say 0). Returns
 * the number, or -1. */
int agenda_minutes_parse(const char *text);
/* Skips step i of a meeting's own copy, or keeps it again. The wrap-up is
 * never skipped, and one step at least is kept. Returns 0, or -1 with a
 * sentence saying why in err. */
int agenda_toggle_skip(struct agenda_template *t, size_t i, char *err, size_t errlen);
/* Planned minutes of all steps, those skipped left out. */
int agenda_minutes(const struct agenda_template *t);

#endif
