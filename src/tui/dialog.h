/* dialog.h - the modal dialogs (dialog.c): a question, a line of text, a
 * list to pick from, and the pickers built on it. Each redraws the view
 * under it. */
#ifndef CXMEET_TUI_DIALOG_H
#define CXMEET_TUI_DIALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "cxmeet/store.h"

struct tui;

/* A yes/no question; returns true for yes. */
bool dialog_confirm(struct tui *t, const char *question);
/* One line of text; returns an allocated string, or NULL when cancelled.
 * check() (optional) validates on Enter and returns an error message or NULL. */
char *dialog_input(struct tui *t, const char *title, const char *initial,
		   const char *(*check)(const char *text, void *ctx, char *buf, size_t len),
		   void *ctx);
/* The same, its hint naming what Enter does ("search") rather than "save". */
char *dialog_input_for(struct tui *t, const char *title, const char *initial,
		       const char *enter,
		       const char *(*check)(const char *text, void *ctx, char *buf, size_t len),
		       void *ctx);

struct pick_option {
	store_id id;
	char *label;
	char *detail;
};

/* A type-to-filter list; returns the index chosen, or -1 when cancelled.
 * `filter` is what was already typed; *typed (if not NULL) gets the filter as
 * it was when the list closed (caller frees). */
int dialog_pick(struct tui *t, const char *title, const struct pick_option *opts, size_t n,
		const char *filter, char **typed);
/* The same with the cursor first on option `sel` (when no filter is typed). */
int dialog_pick_at(struct tui *t, const char *title, const struct pick_option *opts, size_t n,
		   const char *filter, char **typed, size_t sel);
void pick_options_free(struct pick_option *o, size_t n);

/* Picks a department (active ones); 0 when cancelled. */
store_id pick_department(struct tui *t, const char *title, const char *filter);
/* Picks a person, or adds one on the spot; 0 when cancelled. */
store_id pick_person(struct tui *t, const char *title, const char *filter);
/* The same, the people of department dept first (roster_dept_first), the
 * cursor on the first of them; dept 0: as pick_person. */
store_id pick_person_of(struct tui *t, const char *title, const char *filter, store_id dept);
/* One of the scorecard's measures: the success statement's, and department
 * dept's KPIs (0: none). Returns 0 when cancelled (or there is none, said on
 * the status line); *name gets its name (caller frees), *kpi whether it is a
 * department's KPI. */
store_id pick_measure(struct tui *t, const char *title, store_id dept, const char *filter,
		      char **name, bool *kpi);
/* The name of a new or renamed department (person false) or person; one that
 * another already has, in any case, is refused in the dialog. self: the one
 * renamed (0: a new one). NULL when cancelled. */
char *ask_unique_name(struct tui *t, const char *title, const char *initial, bool person,
		      store_id self);
/* Picks a role on the council (enum role); -1 when cancelled. */
int pick_role(struct tui *t, const char *title);

#endif
