/* tui.h - the full-screen interface (ncursesw). */
#ifndef CXMEET_TUI_H
#define CXMEET_TUI_H

#include "cxmeet/store.h"

/* Runs the interface on an open, set-up store until the user quits.
 * Returns an exit status. */
int tui_run(struct store *st);

#endif
