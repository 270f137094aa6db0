/* decision_edit.h - changing a decision from the decision log
 * (decision_edit.c). */
#ifndef CXMEET_TUI_DECISION_EDIT_H
#define CXMEET_TUI_DECISION_EDIT_H

#include <stdbool.h>

#include "cxmeet/store.h"

struct tui;

/* Asks for the decision's revisit date (empty or none: no revisit) and saves
 * it; true when something was saved (the flash says what). */
bool decision_set_revisit(struct tui *t, const struct decision_row *r);
/* Offers the later decisions to supersede it with, asks to confirm, and
 * saves; true when it was saved. */
bool decision_supersede_ask(struct tui *t, const struct decision_row *r);

#endif
