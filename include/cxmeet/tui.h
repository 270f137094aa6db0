/* tui.h - the full-screen interface (ncursesw). */
#ifndef CXMEET_TUI_H
#define CXMEET_TUI_H

#include <stdbool.h>

#include "cxmeet/store.h"

/* Whether the terminal can show the interface; when not, says why on stderr.
 * Checked before anything is opened, so a refusal writes nothing. */
bool tui_terminal_usable(void);

/* Runs the interface on an open, set-up store until the user quits.
 * Returns an exit status. */
int tui_run(struct store *st);

#endif
