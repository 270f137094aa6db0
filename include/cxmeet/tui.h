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

/* Whether the meeting's timer rings the terminal's bell (--bell): once as
 * a step enters its last minute, once as it runs over. Off by default. */
void tui_set_bell(bool on);

/* Runs the interface on an open, set-up store until the user quits; with
 * mouse, a click selects a row or an agenda step and the wheel scrolls.
 * Returns an exit status. */
int tui_run(struct store *st, bool mouse);
/* Runs the presenter view (`cxmeet present`) on an open store until the
 * user quits: the meeting in progress, read-only, following the screen that
 * holds it. Writes nothing. Returns an exit status. */
int tui_present(struct store *st);

#endif
