/* tui_int.h - private to the TUI: the screen state, the view interface, the
 * action table, and the widgets every view shares. No SQL and no domain rules
 * here: views call the store and core. */
#ifndef CXMEET_TUI_INT_H
#define CXMEET_TUI_INT_H

#include <stdbool.h>
#include <wchar.h>

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "cxmeet/meeting.h"
#include "cxmeet/store.h"

/* Below this the screen says it is too small instead of drawing. */
#define TUI_MIN_COLS 60
#define TUI_MIN_LINES 18
/* Below this the compact layout is used. */
#define TUI_WIDE_COLS 100
#define TUI_TALL_LINES 30

/* --- colours by role ---------------------------------------------------- */

enum role_color {
	C_NORMAL,
	C_TITLE,    /* top bar */
	C_STATUS,   /* bottom bar */
	C_SELECTED, /* cursor row */
	C_HEADING,
	C_MUTED,
	C_WARNING,  /* overrun, overdue */
	C_OK,       /* done, saved */
	C_ACCENT,   /* behind-the-scenes departments, the hidden heroes */
	C_ERROR,
	C_ROLE_COUNT
};

void theme_init(void);
attr_t theme(enum role_color r);

/* --- actions and keys --------------------------------------------------- */

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
	X(STEP_JUMP, "Jump to step 1-9", "Meeting") \
	X(SELECT, "Open, toggle or act on the row under the cursor", "Meeting") \
	X(EDIT, "Edit the item under the cursor", "Meeting") \
	X(DELETE, "Delete the item under the cursor (kept in history)", "Meeting") \
	X(MOVE_UP, "Move a parked topic up", "Meeting") \
	X(MOVE_DOWN, "Move a parked topic down", "Meeting") \
	X(ADD_PERSON, "Add a person on the spot and mark them present (roll call)", "Meeting") \
	X(END_MEETING, "End the meeting (wrap-up) and write minutes", "Meeting") \
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
enum action keymap_lookup(wint_t ch, bool is_key);
/* The item kind a capture action stands for, or -1. */
int action_capture_kind(enum action a);

/* The cursor of a list (list.c): moves *sel for Up/Down/PgUp/PgDn/Home/End
 * over n rows (page rows a page); false for any other action. */
bool cursor_move(int *sel, enum action a, size_t n, int page);
/* Moves *top so that row sel shows among `rows` rows from *top. */
void cursor_scroll(int sel, int *top, int rows);

/* --- the screen and its views ------------------------------------------- */

struct tui;

struct view_ops {
	const char *name;
	void (*draw)(struct tui *t);
	/* Gets the key first; returns the action it did not handle (or ACT_NONE). */
	enum action (*key)(struct tui *t, wint_t ch, bool is_key, enum action a);
	void (*close)(struct tui *t);
	/* Called about once a second while no key comes. */
	void (*tick)(struct tui *t);
};

struct meeting_view; /* view_meeting.c */

struct tui {
	struct store *st;
	const struct view_ops *view;
	bool quit;     /* asked to quit, or the terminal is gone: every loop ends */
	bool in_paste; /* between the terminal's paste marks: keys are text */
	bool too_small;
	bool compact;
	int rows, cols;
	char flash[256];       /* one-line message on the status bar */
	bool flash_error;
	struct meeting_view *mv; /* the live meeting, when one is open */
};

extern const struct view_ops view_home;
extern const struct view_ops view_meeting;
extern const struct view_ops view_help;
extern const struct view_ops view_history;

void tui_set_view(struct tui *t, const struct view_ops *v);
/* Redraws everything: bars, the current view, or the too-small notice. */
void tui_redraw(struct tui *t);
void tui_flash(struct tui *t, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void tui_paste_mode(bool on);
/* Reads one key, handling resize; returns false on timeout, on a resize, and
 * when t->quit is set (a signal or a lost terminal), which modal loops must
 * treat as cancel. */
bool tui_read_key(struct tui *t, wint_t *ch, bool *is_key, int timeout_ms);
/* Opens the help view over the current one until a key is pressed. */
void tui_help(struct tui *t);
/* Starts or resumes the meeting and switches to the runner. */
void meeting_view_open(struct tui *t, bool resume);
/* Switches to past meetings and search (view_history.c). */
void history_view_open(struct tui *t);

/* --- drawing ------------------------------------------------------------ */

/* Draws s at (y, x) in at most `width` columns, wide characters at their true
 * width, control characters as '?'. Returns the columns used. */
int draw_text(int y, int x, const char *s, int width, attr_t attr);
/* Like draw_text, then pads with spaces to width. */
void draw_line(int y, int x, const char *s, int width, attr_t attr);
/* Word-wraps s into the box; returns the rows used (at most max_rows). */
int draw_wrapped(int y, int x, const char *s, int width, int max_rows, attr_t attr);
/* The rows draw_wrapped would use. */
int text_wrap_rows(const char *s, int width, int max_rows);
/* Like draw_text, but ends a cut string with an ellipsis. */
int draw_text_fit(int y, int x, const char *s, int width, attr_t attr);
void draw_fill(int y, int x, int width, attr_t attr);
void draw_box(int y, int x, int h, int w, const char *title);
/* Columns a string takes on screen. */
int text_cols(const char *s);

/* --- dialogs and forms (modal: they redraw the view under them) ---------- */

/* A yes/no question; returns true for yes. */
bool dialog_confirm(struct tui *t, const char *question);
/* One line of text; returns an allocated string, or NULL when cancelled.
 * check() (optional) validates on Enter and returns an error message or NULL. */
char *dialog_input(struct tui *t, const char *title, const char *initial,
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
void pick_options_free(struct pick_option *o, size_t n);

/* Picks a department (active ones); 0 when cancelled. */
store_id pick_department(struct tui *t, const char *title, const char *filter);
/* Picks a person, or adds one on the spot; 0 when cancelled. */
store_id pick_person(struct tui *t, const char *title, const char *filter);

/* The capture form. `it` holds the starting values (kind set; id 0 for a
 * new item). Returns true when the item was saved (it->id set). `link_to`,
 * when not 0, is offered as a link for the new item. */
bool form_item(struct tui *t, struct item *it, store_id meeting, store_id step,
	       const struct item *link_to);

#endif
