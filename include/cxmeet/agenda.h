/* agenda.h - agenda templates in their plain-text form (the format of
 * data/agenda-standard.txt): parsing with errors reported by line, and
 * rendering back. Pure C. */
#ifndef CXMEET_AGENDA_H
#define CXMEET_AGENDA_H

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

#endif
