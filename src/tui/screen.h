/* screen.h - the screen (struct tui) and its views: what a view is (its
 * ops, its state, its parent), opening one and going back, redrawing, the
 * flash message, and reading keys (screen.c). */
#ifndef CXMEET_TUI_SCREEN_H
#define CXMEET_TUI_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "keymap.h"

struct store;

/* Below this the screen says it is too small instead of drawing. */
#define TUI_MIN_COLS 60
#define TUI_MIN_LINES 18
/* Below this the compact layout is used. */
#define TUI_WIDE_COLS 100
#define TUI_TALL_LINES 30

struct tui;

/* The mouse: what the view drew this frame where a click or the wheel can
 * land. A list's rows (AREA_LIST: a click moves its cursor to the row, through
 * the view's own moving keys, so that it does what the keys would), or the
 * steps of the meeting's agenda (AREA_STEPS: the view's click goes there). */
enum tui_area_kind { AREA_LIST, AREA_STEPS };

struct tui_area {
	enum tui_area_kind kind;
	int y, x, h, w; /* where on the screen */
	int top;        /* the index of the area's first row */
	int sel;        /* the cursor's index (AREA_LIST) */
	size_t n;       /* rows there are: a click past the last does nothing */
	bool open;      /* a menu: a click on the entry under the cursor opens it (Enter) */
	/* When not NULL, the index on each of its h rows (-1: none), for a list
	 * whose entries take more than a row; else top + the row. */
	const int *rows;
};

#define TUI_AREAS_MAX 8

struct view_ops {
	const char *name;
	/* The view's own keys, as named actions: its key() dispatches through
	 * them and the help lists them before the shared ones. */
	const struct keymap *keymap;
	/* The size of the view's own state (struct view's priv), as tig's
	 * view_ops.private_size: made zeroed when the interface starts and kept
	 * until it ends, so that a view comes back as it was left (its close
	 * frees what it read, not where its cursor was). */
	size_t private_size;
	void (*draw)(struct tui *t);
	/* Gets the key first; returns the action it did not handle (or ACT_NONE). */
	enum action (*key)(struct tui *t, wint_t ch, bool is_key, enum action a);
	void (*close)(struct tui *t);
	/* Called about once a second while no key comes (every tick_ms when set),
	 * also while a modal box is open over the view (t->modal_depth > 0: a
	 * form, a dialog, the help), so that its time goes on. Then it must not
	 * change the view shown nor free or reload what a box may be using:
	 * what would waits for a tick after the box has closed. */
	void (*tick)(struct tui *t);
	int tick_ms;
	/* A click on rows of the view drawn this frame other than a list's (a
	 * list's moves its cursor there through its moving keys): area's kind,
	 * and the row clicked, counted as the area counts them (from its top).
	 * NULL: such clicks do nothing. */
	void (*click)(struct tui *t, const struct tui_area *area, int index);
	/* The view has a text field: pasted text reaches key() too (t->in_paste
	 * set) instead of being dropped as it is for views of commands. */
	bool text_input;
	/* A view with text_input: whether a text field takes the keys now (keys
	 * that arrive together are then a paste). NULL: whenever text_input. */
	bool (*typing)(struct tui *t);
	/* Drawn over its parent, which stays open under it (the help): the
	 * parent's tick goes on while it is shown. */
	bool over;
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
	struct view *views[TUI_VIEWS_MAX]; /* every view, each made once */
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
	bool mouse; /* clicks and the wheel are read (not --no-mouse) */
	struct tui_area areas[TUI_AREAS_MAX]; /* drawn this frame */
	size_t n_areas;
	bool expecting; /* store_expect_meeting done, in the first pause in typing */
	int modal_depth; /* modal boxes open (modal_run), one over another */
	int rows, cols;
	char flash[1024];      /* one-line message on the status bar */
	bool flash_error;
	struct meeting_view *mv; /* the live meeting, when one is open */
	/* On a server of councils: ": NAME", the council's name as the title
	 * lines show it after "CX council"; empty for a file (one council). */
	char council[160];
};

/* Opens the view over the current one: back comes to the current one (a
 * view already under it, back to where it was). */
void tui_open_view(struct tui *t, const struct view_ops *v);
/* Opens the view in place of the current one: back goes where the current
 * one's went (the meeting, started from its agenda's screen). */
void tui_replace_view(struct tui *t, const struct view_ops *v);
/* Back to the view the current one was opened from (none: nothing). */
void tui_back(struct tui *t);
/* The view of these ops, made (its state zeroed) at the first call. */
struct view *tui_view_make(struct tui *t, const struct view_ops *v);
/* The state of the view of these ops (its priv). */
void *tui_state(const struct tui *t, const struct view_ops *v);
/* Closes the view shown and frees every view: the program ends. */
void tui_views_free(struct tui *t);
/* Redraws everything: bars, the current view, or the too-small notice (sent
 * at once). The view is staged for the next update: the caller draws what
 * goes over it and refreshes, or calls doupdate. */
void tui_redraw(struct tui *t);
/* Where a click can land, drawn this frame (a redraw forgets the last
 * frame's; more than TUI_AREAS_MAX are dropped). */
void tui_area_add(struct tui *t, const struct tui_area *a);
void tui_flash(struct tui *t, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void tui_paste_mode(bool on);
/* Reads the terminal's size into t: rows, columns, too small, compact. */
void tui_layout(struct tui *t);
/* SIGTERM and SIGHUP end every loop (t->quit at the next read). */
void tui_catch_stop_signals(void);
/* Whether one of them came. */
bool tui_stop_asked(void);
/* Reads one key, handling resize; returns false on timeout, on a resize, and
 * when t->quit is set (a signal or a lost terminal), which modal loops must
 * treat as cancel. */
bool tui_read_key(struct tui *t, wint_t *ch, bool *is_key, int timeout_ms);
/* The main loop's read: the key even while the terminal is too small (for
 * q), within timeout_ms; text: the view's text field reads it (a burst is
 * then a paste). */
bool tui_read_view_key(struct tui *t, wint_t *ch, bool *is_key, int timeout_ms, bool text);
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

#endif
