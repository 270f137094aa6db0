/* form.h - the capture form and the editor it can hand a text to
 * (form.c), and the menu of what can be done to an action (action_menu.c). */
#ifndef CXMEET_TUI_FORM_H
#define CXMEET_TUI_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "cxmeet/dates.h"
#include "cxmeet/store.h"

struct tui;

/* The menu of what can be done to an action (action_menu.c): done, a new
 * due date (offering default_due), a new owner, drop with a reason; reopen
 * when it is done or dropped. Changes are events tied to meeting (0: none).
 * True when something was saved; the flash says what. */
bool action_menu(struct tui *t, const struct item *it, store_id meeting, cx_date default_due);
/* Runs $VISUAL or $EDITOR on a copy of `initial` with curses paused (the one
 * launcher of the TUI, form.c). Returns 0 with *out (trailing newlines cut,
 * caller frees), or non-zero with err set and nothing changed. */
int tui_edit_external(struct tui *t, const char *initial, char **out, char *err, size_t errlen);

/* The capture form. `it` holds the starting values (kind set; id 0 for a
 * new item). Returns true when the item was saved (it->id set). `link_to`,
 * when not 0, is offered as a link for the new item. */
bool form_item(struct tui *t, struct item *it, store_id meeting, store_id step,
	       const struct item *link_to);

#endif
