/* tui.h - the full-screen interface (ncursesw). */
#ifndef CXMEET_TUI_H
#define CXMEET_TUI_H

#include <stdbool.h>

#include "cxmeet/store.h"

/* Whether the terminal can show the interface; when not, says why on stderr.
 * Checked before anything is opened, so a refusal writes nothing. */
bool tui_terminal_usable(void);

/* With $CXMEET_TRACE_KEYS set to a file: notes the start, so that the time to
 * the first frame can be written there, then the time each key took (from
 * its arrival to the program waiting for the next), for the benchmark. */
void tui_trace_begin(void);

/* Runs the interface on an open, set-up store until the user quits; with
 * mouse, a click selects a row or an agenda step and the wheel scrolls.
 * Returns an exit status. */
int tui_run(struct store *st, bool mouse);

#endif
