/* modal.h - the one key loop of every modal box (a dialog, the capture form,
 * the help, a panel over a view): redraw the view, draw the box over it, read
 * a key, hand it to the box; until the box is done, cancelled, or the
 * program must end. */
#ifndef CXMEET_TUI_MODAL_H
#define CXMEET_TUI_MODAL_H

#include <stdbool.h>
#include <wchar.h>

struct tui;

enum modal_rc {
	MODAL_GO_ON,  /* the box stays open */
	MODAL_DONE,   /* chosen, answered yes, saved */
	MODAL_CANCEL, /* cancelled, answered no, or the program must end */
};

struct modal {
	/* Draws the box over the view just redrawn (not while the terminal is
	 * too small, nor while pasted text is still arriving). NULL: the box is
	 * the view itself (the help). */
	void (*draw)(struct tui *t, void *ctx);
	/* Takes a key read. */
	enum modal_rc (*key)(struct tui *t, void *ctx, wint_t ch, bool is_key);
	/* How long to wait for a key, in ms (NULL or -1: for ever), and what to
	 * do when none came in that time, or the read ended otherwise (a
	 * resize, the end). */
	int (*wait_ms)(void *ctx);
	void (*idle)(struct tui *t, void *ctx);
	/* A text field reads the keys: keys arriving in a burst are a paste,
	 * and the cursor is hidden again after each key. */
	bool text;
};

/* Runs the box until its key() says done or cancel; MODAL_CANCEL too when
 * the program must end (a signal, a lost terminal). While no key comes, the
 * view under the box ticks as in the main loop (every tick_ms, or once a
 * second) with t->modal_depth set, and is redrawn under the box. */
enum modal_rc modal_run(struct tui *t, const struct modal *m, void *ctx);

#endif
