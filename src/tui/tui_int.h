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
#include "cxmeet/roster.h"
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

#include "keymap.h"

/* The cursor of a list (list.c): moves *sel for Up/Down/PgUp/PgDn/Home/End
 * over n rows (page rows a page); false for any other action. */
struct tui;
/* pager.c: how a view reads its window of a long list paged by key. */
struct pager_ops {
	/* Replaces the rows held by at most limit read from cur (NULL: the
	 * first page); false after an error (flashed). */
	bool (*load)(struct tui *t, const struct store_cursor *cur, size_t limit);
	size_t (*count)(const struct tui *t);                      /* rows held */
	const struct store_cursor *(*at)(const struct tui *t, size_t i); /* row i's cursor */
};
/* Moves the window (rows *offset.. of total) to hold row target, about page
 * rows around it, reading on or back from the rows it holds, or from either
 * end, whichever is nearer; nothing when it holds target already. */
/* How many rows a pager reads at once: the screen's height either side of
 * the cursor (pager_seek centres the window on it), so that every row drawn
 * is held and no more rows are read, each with what it counts, than that. */
size_t pager_window(const struct tui *t);
void pager_seek(struct tui *t, const struct pager_ops *ops, size_t *offset, size_t target,
		size_t total, size_t page);
/* Reads the window again where it is (after a change to the rows): on from
 * the key of its first row, which it then no longer holds; pager_seek then
 * brings back the row under the cursor, so a change deep in a long list
 * reads a page or two, not every page from either end. */
void pager_reread(struct tui *t, const struct pager_ops *ops, size_t *offset, size_t page);
bool cursor_move(int *sel, enum action a, size_t n, int page);
/* Moves *top so that row sel shows among `rows` rows from *top. */
void cursor_scroll(int sel, int *top, int rows);

/* --- the screen and its views ------------------------------------------- */

struct tui;

struct view_ops {
	const char *name;
	/* The view's own keys, as named actions: its key() dispatches through
	 * them and the help lists them before the shared ones. */
	const struct keymap *keymap;
	/* The size of the view's own state (struct view's priv), zeroed when
	 * the view is first opened and kept until the program ends, as tig's
	 * view_ops.private_size. */
	size_t private_size;
	void (*draw)(struct tui *t);
	/* Gets the key first; returns the action it did not handle (or ACT_NONE). */
	enum action (*key)(struct tui *t, wint_t ch, bool is_key, enum action a);
	void (*close)(struct tui *t);
	/* Called about once a second while no key comes (every tick_ms when set). */
	void (*tick)(struct tui *t);
	int tick_ms;
	/* The view has a text field: pasted text reaches key() too (t->in_paste
	 * set) instead of being dropped as it is for views of commands. */
	bool text_input;
	/* A view with text_input: whether a text field takes the keys now (keys
	 * that arrive together are then a paste). NULL: whenever text_input. */
	bool (*typing)(struct tui *t);
};

/* A view as a value: what it is (ops), its own state (priv), and where back
 * (q, Esc) goes: the view it was opened from, NULL for the first (home). */
struct view {
	const struct view_ops *ops;
	void *priv;
	struct view *parent;
};

struct meeting_view; /* view_meeting.c */

#define TUI_VIEWS_MAX 16

struct tui {
	struct store *st;
	struct view *view; /* the view shown */
	struct view *views[TUI_VIEWS_MAX]; /* every view opened so far, each once */
	size_t n_views;
	bool quit;     /* asked to quit, or the terminal is gone: every loop ends */
	bool damaged;  /* the schema was changed behind our back: quit, and say so */
	bool in_paste; /* between the terminal's paste marks: keys are text */
	/* A terminal without paste marks: keys that arrive together (several
	 * already waiting after a printable key read by a text field) are a
	 * paste too. burst: the key just read is one of them; burst_open: more
	 * of them are waiting. reading_text: a text field is reading. */
	bool burst, burst_open, reading_text;
	long burst_left; /* bytes of the burst not read yet */
	bool burst_big;  /* a paste big enough to arrive in pieces */
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

/* Opens the view over the current one: back comes to the current one (a
 * view already under it, back to where it was). */
void tui_open_view(struct tui *t, const struct view_ops *v);
/* Opens the view in place of the current one: back goes where the current
 * one's went (the meeting, started from its agenda's screen). */
void tui_replace_view(struct tui *t, const struct view_ops *v);
/* Back to the view the current one was opened from (none: nothing). */
void tui_back(struct tui *t);
/* The state of the view of these ops (its priv). */
void *tui_state(const struct tui *t, const struct view_ops *v);
/* Closes the view shown and frees every view: the program ends. */
void tui_views_free(struct tui *t);
/* Redraws everything: bars, the current view, or the too-small notice (sent
 * at once). The view is staged for the next update: the caller draws what
 * goes over it and refreshes, or calls doupdate. */
void tui_redraw(struct tui *t);
void tui_flash(struct tui *t, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void tui_paste_mode(bool on);
/* Reads one key, handling resize; returns false on timeout, on a resize, and
 * when t->quit is set (a signal or a lost terminal), which modal loops must
 * treat as cancel. */
bool tui_read_key(struct tui *t, wint_t *ch, bool *is_key, int timeout_ms);
/* The same for a text field: keys that arrive in a burst are marked pasted. */
bool tui_read_text(struct tui *t, wint_t *ch, bool *is_key, int timeout_ms);
/* The key just read was pasted (marked by the terminal, or in a burst): it
 * is text, never a command, and a line break in it submits nothing. */
static inline bool tui_pasted(const struct tui *t) { return t->in_paste || t->burst; }
/* The key just read is inside pasted text: a line break there is a space,
 * never Enter, and an Esc cancels nothing. The last key of a burst is taken
 * as typed: text typed fast and then Enter arrive together on a slow
 * machine. */
static inline bool tui_inside_paste(const struct tui *t)
{
	return t->in_paste || (t->burst && t->burst_open);
}
/* More pasted text is on its way: draw once it has all arrived. */
static inline bool tui_hold_drawing(const struct tui *t) { return t->in_paste || t->burst_open; }
/* Opens the help view over the current one until a key is pressed. */
void tui_help(struct tui *t);
/* Opens the actions view (view_actions.c). */
void actions_view_open(struct tui *t);
/* Opens the stakeholder map with the cursor on `select` (0: the first
 * person). */
void stakeholder_view_open(struct tui *t, store_id select);
/* Starts or resumes the meeting and switches to the runner. */
void meeting_view_open(struct tui *t, bool resume);
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

/* What home, the council view and the first run show of the council's state
 * (view_council.c): the organisation, the roster findings, what is missing. */
struct council_facts {
	struct org org;
	bool have_org;
	struct roster_finding *findings;
	size_t nf;
	struct council_missing missing;
};

/* False (and the store's message) when the organisation cannot be read. */
bool council_facts_load(struct tui *t, struct council_facts *f);
void council_facts_free(struct council_facts *f);
/* Draws roster finding i of the `shown` that fit; the last of them, when
 * more were found, names the rest on one line. */
void roster_line(const struct council_facts *f, int i, int shown, int y, int x, int w);
/* The cadences offered: weekly, every two weeks, monthly, quarterly, and
 * "every N days" (n 0: the number is asked). */
struct cadence_choice {
	const char *label;
	struct cadence c;
};
size_t cadence_choices(const struct cadence_choice **out);
/* The choice that is c (the last, "every N days", when none other is). */
size_t cadence_choice_of(const struct cadence *c);
/* The cadence of choice k, asking for N when needed; false when cancelled or
 * refused (the reason flashed). */
bool cadence_choice_take(struct tui *t, size_t k, struct cadence *out);
/* Picks from the choices in a list; `current` (may be NULL) is marked. */
bool pick_cadence(struct tui *t, const struct cadence *current, struct cadence *out);
/* Switches to past meetings and search (view_history.c). */
void history_view_open(struct tui *t);

/* --- drawing ------------------------------------------------------------ */

/* Draws s at (y, x) in at most `width` columns, wide characters at their true
 * width, what core's text rule calls unsafe as U+FFFD. Returns the columns used. */
int draw_text(int y, int x, const char *s, int width, attr_t attr);
/* Like draw_text, then pads with spaces to width. */
void draw_line(int y, int x, const char *s, int width, attr_t attr);
/* Word-wraps s into the box; returns the rows used (at most max_rows). */
int draw_wrapped(int y, int x, const char *s, int width, int max_rows, attr_t attr);
/* Like draw_wrapped, leaving out the first `skip` rows of the wrapped text:
 * for a view that scrolls through a text longer than the screen. */
int draw_wrapped_from(int y, int x, const char *s, int width, int skip, int max_rows,
		      attr_t attr);
/* Like draw_wrapped, but a text that does not fit in max_rows ends its last
 * row with an ellipsis. */
int draw_wrapped_fit(int y, int x, const char *s, int width, int max_rows, attr_t attr);
/* The rows draw_wrapped would use. */
int text_wrap_rows(const char *s, int width, int max_rows);
/* Like draw_text, but ends a cut string with an ellipsis. */
int draw_text_fit(int y, int x, const char *s, int width, attr_t attr);
/* A line of key hints from column 0: full when it fits in width, else brief,
 * so that a narrow terminal does not cut a hint in the middle of a word. */
void draw_hint(int y, int width, const char *full, const char *brief, attr_t attr);
void draw_fill(int y, int x, int width, attr_t attr);
void draw_box(int y, int x, int h, int w, const char *title);
/* A box drawn over the view (a dialog, a form): the view's text beside it is
 * kept a column away, and a strip too narrow to be read is cleared. */
void draw_dialog_box(int y, int x, int h, int w, const char *title);
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
/* The same, its hint naming what Enter does ("search") rather than "save". */
char *dialog_input_for(struct tui *t, const char *title, const char *initial,
		       const char *enter,
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
/* The name of a new or renamed department (person false) or person; one that
 * another already has, in any case, is refused in the dialog. self: the one
 * renamed (0: a new one). NULL when cancelled. */
char *ask_unique_name(struct tui *t, const char *title, const char *initial, bool person,
		      store_id self);
/* Picks a role on the council (enum role); -1 when cancelled. */
int pick_role(struct tui *t, const char *title);

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
