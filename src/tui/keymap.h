/* keymap.h - the keys of the TUI. One table of the actions every view shares
 * (their names, help and group, and their default keys), and each view's own
 * keys, declared once in that view as a table of named actions: the view
 * dispatches through its table and the help screen (view_help.c) is made
 * from both, so neither can drift from what the keys do. */
#ifndef CXMEET_TUI_KEYMAP_H
#define CXMEET_TUI_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#define ESC 27
#undef CTRL /* sys/ttydefaults.h has one without parentheses */
#define CTRL(c) ((c) & 0x1f)

#define TUI_ACTIONS(X) \
	X(NONE, "", "") \
	X(HELP, "Show this help", "General") \
	X(QUIT, "Leave the view (asks first in a live meeting)", "General") \
	X(REDRAW, "Redraw the screen", "General") \
	X(UP, "Move up", "Moving") \
	X(DOWN, "Move down", "Moving") \
	X(PAGE_UP, "Page up", "Moving") \
	X(PAGE_DOWN, "Page down", "Moving") \
	X(TOP, "First row", "Moving") \
	X(BOTTOM, "Last row", "Moving") \
	X(STEP_NEXT, "Next agenda step", "Meeting") \
	X(STEP_PREV, "Previous agenda step", "Meeting") \
	X(STEP_JUMP, "Jump to step 1-9; 0 is step 10", "Meeting") \
	X(SELECT, "Open, toggle or act on the row under the cursor", "Meeting") \
	X(EDIT, "Edit the item under the cursor", "Meeting") \
	X(DELETE, "Delete the item under the cursor (kept in history)", "Meeting") \
	X(MOVE_UP, "Move a parked topic up", "Meeting") \
	X(MOVE_DOWN, "Move a parked topic down", "Meeting") \
	X(ADD_PERSON, "Add a person on the spot and mark them present (roll call)", "Meeting") \
	X(END_MEETING, "End the meeting (wrap-up) and write minutes", "Meeting") \
	X(TAKE_OVER, "Take over a meeting another screen holds (when following it)", "Meeting") \
	X(CAPTURE_DECISION, "Capture a decision", "Capture") \
	X(CAPTURE_ACTION, "Capture an action", "Capture") \
	X(CAPTURE_WIN, "Capture a win", "Capture") \
	X(CAPTURE_STORY, "Capture a customer story", "Capture") \
	X(CAPTURE_INSIGHT, "Capture an insight", "Capture") \
	X(CAPTURE_NOTE, "Capture a note", "Capture") \
	X(CAPTURE_PARKED, "Park a topic for later", "Capture") \
	X(CAPTURE_MESSAGE, "Capture a message to another team", "Capture") \
	X(CAPTURE_DEFAULT, "Capture what this step offers first", "Capture")

enum action {
#define X(name, help, group) ACT_##name,
	TUI_ACTIONS(X)
#undef X
	ACT_COUNT
};

/* A view numbers its own actions from here (an enum of its own), so that
 * they never meet a shared one. */
#define ACT_VIEW 100

/* A default binding of a shared action. */
struct binding {
	int key;       /* a character, or a KEY_* code */
	bool is_key;   /* KEY_* code rather than a character */
	enum action action;
	const char *label; /* how the help screen writes the key */
};

extern const struct binding tui_bindings[];
extern const size_t tui_binding_count;
const char *action_help(enum action a);
const char *action_group(enum action a);
/* Whether the help lists a shared action among the keys of every view
 * (General, Moving) rather than with the views that use it. */
bool action_everywhere(enum action a);
enum action keymap_lookup(wint_t ch, bool is_key);
/* The item kind a capture action stands for, or -1. */
int action_capture_kind(enum action a);

/* --- a view's own keys -------------------------------------------------- */

/* A key of a view: a character, or a KEY_* code (is_key). */
struct view_key {
	int code;
	bool is_key;
};

#define KEYMAP_KEYS 6

/* One named action of a view. An entry of a shared action (ACT_SELECT,
 * ACT_CAPTURE_NOTE ...) says what it does in this view: its keys are the
 * shared table's, and those it lists are more keys for it in this view
 * (Esc for ACT_QUIT). An entry with no action and no name is a
 * heading: the entries under it until the next belong to one part of the
 * view (a tab, a mode). */
struct keymap_entry {
	int action;       /* the view's own (from ACT_VIEW), or an enum action */
	const char *name; /* the action's name: "filter-state" */
	const char *help; /* what the help screen says of it (NULL: the shared
			   * action's own words); a heading's title */
	struct view_key keys[KEYMAP_KEYS]; /* code 0 ends the list */
};

struct keymap {
	const char *title; /* "the actions view": the help says "keys in ..." */
	const struct keymap_entry *entries;
	size_t n;
	/* The view has nothing to move through (no list, no cursor): its help
	 * leaves out the moving keys every other view shares, and the mouse. */
	bool no_moving;
};

#define KM_HEADING(title) {ACT_NONE, NULL, (title), {{0, false}}}
#define KM_CH(c) {(c), false}
#define KM_FN(c) {(c), true}
#define KEYMAP(t, e) {(t), (e), sizeof(e) / sizeof((e)[0]), false}
/* The keymap of a view with nothing to move through (no_moving). */
#define KEYMAP_NO_MOVING(t, e) {(t), (e), sizeof(e) / sizeof((e)[0]), true}

/* The action of the view's entry holding the key, or ACT_NONE. */
int keymap_find(const struct keymap *km, wint_t ch, bool is_key);
/* How the help writes a key: "f", "Tab", "Ctrl-E", "Shift-Up". */
void key_label(int code, bool is_key, char *buf, size_t len);
/* "f, Tab": the keys of an entry (a shared action's first). */
void keymap_entry_keys(const struct keymap_entry *e, char *buf, size_t len);
/* The first key of the view's action (for a menu that shows it), or 0. */
int keymap_key_of(const struct keymap *km, int action);

#endif
