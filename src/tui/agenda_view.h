/* agenda_view.h - private to the TUI: what the agenda template editor
 * (view_agenda.c) and this meeting's agenda screen (view_prepare.c) share
 * (agenda_steps.c): drawing a list of steps and asking for a step's title,
 * minutes and kind. */
#ifndef CXMEET_AGENDA_VIEW_H
#define CXMEET_AGENDA_VIEW_H

#include <stdbool.h>

#include "screen.h"
#include "cxmeet/agenda.h"

/* Draws the steps of t in rows y..y+h-1, the cursor on sel, scrolled by *top;
 * skipped steps (a meeting's copy) are muted and marked. */
void steps_draw(const struct agenda_template *t, int sel, int *top, int y, int h, int w);
/* Draws the selected step's prompt, wrapped, in the rows y..y+h-1. */
void step_prompt_draw(const struct agenda_template *t, int sel, int y, int h, int w);
/* Asks for a step title; NULL when cancelled. Empty titles are refused inline. */
char *ask_step_title(struct tui *t, const char *title, const char *initial);
/* The title of a step to add to a, asked only when a has room for one more
 * (else it says so); NULL when there is no room or it is cancelled. */
char *ask_new_step_title(struct tui *t, const struct agenda_template *a, const char *title);
/* Asks for planned minutes (1 to 240); -1 when cancelled. */
int ask_step_minutes(struct tui *t, const char *title, int initial);
/* Picks a step kind, `initial` first; -1 when cancelled. */
int ask_step_kind(struct tui *t, enum step_kind initial);

#endif
