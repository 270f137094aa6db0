/* list.h - what every list shares: the cursor moved by the moving keys
 * (list.c), and the window of a long list read a page at a time (pager.c). */
#ifndef CXMEET_TUI_LIST_H
#define CXMEET_TUI_LIST_H

#include <stdbool.h>
#include <stddef.h>

#include "keymap.h"
#include "cxmeet/store.h"

struct tui;

/* The cursor of a list (list.c): moves *sel for Up/Down/PgUp/PgDn/Home/End
 * over n rows (page rows a page); false for any other action. */
bool cursor_move(int *sel, enum action a, size_t n, int page);
/* Moves *top so that row sel shows among `rows` rows from *top. */
void cursor_scroll(int sel, int *top, int rows);
/* cursor_scroll for a list of n rows drawn at (y, x), w columns wide: the
 * mouse can then click its rows (tui_area_add). */
void list_area(struct tui *t, int y, int x, int w, int rows, int sel, int *top, size_t n);

/* The columns of a list's rows, their widths from the width there is: each
 * as wide as its widest value (want, in display columns), but no narrower
 * than min (its heading) and no wider than a cap that grows with the list:
 * cap80 on an 80-column screen, cap200 on one of 200 columns or more (in
 * between, in proportion). The column with want < 0 (the text) takes what
 * the others leave; when that is less than its min, the others give back
 * columns, the widest first, down to their own min. */
struct list_col {
	int min, cap80, cap200;
	int want;
	int x, w; /* set by list_cols */
};

/* A fixed column (a date): always w wide. */
#define LIST_COL_FIXED(w) {(w), (w), (w), (w), 0, 0}
/* The text: what is left, at least min. */
#define LIST_COL_REST(min) {(min), 0, 0, -1, 0, 0}

/* Widens c->want to hold s (NULL: "-"). */
void list_col_want(struct list_col *c, const char *s);
/* Lays out the n columns from x over width columns, gap columns between
 * neighbours: sets each one's x and w. */
void list_cols(struct list_col *c, size_t n, int x, int width, int gap);

/* The columns a row's details (who, when: meta columns) get beside its text
 * in avail columns, two apart: all they need when both fit; else the text
 * keeps what it needs, but the details keep 16 columns (a third of a narrow
 * row), and on a wide row a third of what passes 80, which at 200 columns
 * holds the names in them whole. */
int list_meta_cols(int avail, int text, int meta);

/* A row's details ("Sales · Ana Ruiz · due 2026-12-04") in at most width
 * columns, whole parts rather than a name cut ("Sales · Ana R…"): whole when
 * they fit; else, with `keep` (the person's name), without the parts after
 * it from the last, then those before it, the nearest first; without keep
 * (NULL), the first part stays ("by ana, 2026-11-25"), those after it go
 * but the last, then the last. Caller frees. */
char *list_meta_cut(const char *meta, const char *keep, int width);

/* The columns the details list_meta_cut left take, given mw for them in
 * avail: what they need, at most mw; but details that hold a name (named)
 * still wider than mw take up to half the row (the text gives it the room),
 * so that the name is read whole. */
int list_meta_room(int avail, int mw, const char *shown, bool named);

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

#endif
