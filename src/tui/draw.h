/* draw.h - drawing on the screen: colours by role, text at its true width,
 * wrapped or cut with an ellipsis, hints, boxes. Curses is included here,
 * once, with its wide-character API. */
#ifndef CXMEET_TUI_DRAW_H
#define CXMEET_TUI_DRAW_H

#include <stdbool.h>
#include <wchar.h>

#define NCURSES_WIDECHAR 1
#include <curses.h>

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

/* --- text and boxes ------------------------------------------------------ */

/* Draws s at (y, x) in at most `width` columns, wide characters at their true
 * width, what core's text rule calls unsafe as U+FFFD. Returns the columns used. */
int draw_text(int y, int x, const char *s, int width, attr_t attr);
struct text_cell;
/* Draws the cells of one cluster (cxmeet/text.h: at most n, up to the first
 * empty one) at (y, x): how every cluster is drawn, typed or stored. */
void draw_cells(int y, int x, const struct text_cell *cells, int n, attr_t attr);
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
/* Draws text with marked spans (see SEARCH_MARK_ON) over up to `rows` rows of
 * `width` columns from (y, x), breaking at the space before a word that would
 * not fit (a word wider than a row is cut); ends with an ellipsis when the
 * text does not fit. The marked spans take the attribute `match`. */
void draw_marked_rows(int y, int x, const char *s, int width, int rows, attr_t normal,
		      attr_t match);
/* Columns a string takes on screen. */
int text_cols(const char *s);

#endif
