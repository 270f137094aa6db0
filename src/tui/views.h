/* views.h - the views, one file each (view_*.c), and how each is opened. */
#ifndef CXMEET_TUI_VIEWS_H
#define CXMEET_TUI_VIEWS_H

#include <stdbool.h>

#include "screen.h"
#include "cxmeet/agenda.h"
#include "cxmeet/store.h"

extern const struct view_ops view_home;
extern const struct view_ops view_meeting;
extern const struct view_ops view_help;
extern const struct view_ops view_cadence;
extern const struct view_ops view_actions;
extern const struct view_ops view_decisions;
extern const struct view_ops view_people;       /* view_people.c */
extern const struct view_ops view_stakeholders; /* view_stakeholders.c */
extern const struct view_ops view_council;
extern const struct view_ops view_setup;
extern const struct view_ops view_history;
extern const struct view_ops view_agenda;  /* view_agenda.c */
extern const struct view_ops view_prepare; /* view_prepare.c */
extern const struct view_ops view_ledger;  /* view_ledger.c */
extern const struct view_ops view_present; /* view_present.c */


/* Opens the help view over the current one until a key is pressed. */
void tui_help(struct tui *t);
/* Opens the actions view (view_actions.c). */
void actions_view_open(struct tui *t);
/* Opens the stakeholder map with the cursor on `select` (0: the first
 * person). */
void stakeholder_view_open(struct tui *t, store_id select);
/* Starts or resumes the meeting and switches to the runner. */
void meeting_view_open(struct tui *t, bool resume);
/* Reads the buy-in ledger and opens its view (view_ledger.c). */
void ledger_view_open(struct tui *t);
/* Reads the cadence and participation report and switches to its view. */
void cadence_view_open(struct tui *t);
/* Starts a meeting on the facilitator's adjusted copy of a template. */
void meeting_view_start(struct tui *t, store_id template_id, const struct agenda_template *agenda);
/* The agenda template editor (view_agenda.c), and this meeting's agenda
 * before it starts (view_prepare.c). */
void agenda_view_open(struct tui *t);
void prepare_view_open(struct tui *t);
/* Opens the decision log (view_decisions.c). */
void decisions_view_open(struct tui *t);
/* Switches to the council view (view_council.c), cursor on the mission. */
void council_view_open(struct tui *t);
/* Switches to the first-run walk-through at the stored step (view_setup.c). */
void setup_view_open(struct tui *t, int step);

/* Opens the presenter view (view_present.c) as the first view, on the
 * meeting in progress or waiting for one. */
void present_view_open(struct tui *t);

/* Switches to past meetings and search (view_history.c). */
void history_view_open(struct tui *t);

#endif
