/* draw.c - drawing text by screen columns: UTF-8 decoded to wide characters,
 * measured by core's text module (grapheme clusters, libunistring widths), what core's text rule calls unsafe (and bytes that
 * are not UTF-8) shown as U+FFFD, never cut inside a character. Also the
 * theme: colours by role, monochrome under NO_COLOR. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/store.h" /* SEARCH_MARK_ON */
#include "cxmeet/text.h"
#include "draw.h"

static attr_t roles[C_ROLE_COUNT];

void theme_init(void)
{
	const char *no_color = getenv("NO_COLOR");
	bool color = has_colors() && !(no_color && *no_color);
	/* Monochrome: attributes alone carry the roles. */
	roles[C_NORMAL] = A_NORMAL;
	roles[C_TITLE] = A_REVERSE | A_BOLD;
	roles[C_STATUS] = A_REVERSE;
	roles[C_SELECTED] = A_REVERSE;
	roles[C_HEADING] = A_BOLD;
	roles[C_MUTED] = A_DIM;
	roles[C_WARNING] = A_BOLD | A_UNDERLINE;
	roles[C_OK] = A_NORMAL;
	roles[C_ACCENT] = A_BOLD;
	roles[C_ERROR] = A_BOLD | A_REVERSE;
	if (!color)
		return;
	start_color();
	use_default_colors();
	static const struct {
		enum role_color role;
		short fg, bg;
		attr_t extra;
	} pairs[] = {
		{C_TITLE, COLOR_WHITE, COLOR_BLUE, A_BOLD},
		{C_STATUS, COLOR_BLACK, COLOR_CYAN, 0},
		{C_SELECTED, COLOR_BLACK, COLOR_YELLOW, 0},
		{C_HEADING, COLOR_CYAN, -1, A_BOLD},
		{C_MUTED, COLOR_BLUE, -1, 0},
		{C_WARNING, COLOR_RED, -1, A_BOLD},
		{C_OK, COLOR_GREEN, -1, 0},
		{C_ACCENT, COLOR_MAGENTA, -1, A_BOLD},
		{C_ERROR, COLOR_WHITE, COLOR_RED, A_BOLD},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		short n = (short)(i + 1);
		init_pair(n, pairs[i].fg, pairs[i].bg);
		roles[pairs[i].role] = COLOR_PAIR(n) | pairs[i].extra;
	}
	roles[C_MUTED] |= A_DIM;
}

attr_t theme(enum role_color r) { return roles[r]; }

int text_cols(const char *s) { return text_width(s); }

void draw_cells(int y, int x, const struct text_cell *cells, int n, attr_t attr)
{
	for (int i = 0; i < n && cells[i].n > 0; i++) {
		wchar_t str[TEXT_CELL_MAX + 1];
		for (int k = 0; k < cells[i].n; k++)
			str[k] = (wchar_t)cells[i].cp[k];
		str[cells[i].n] = L'\0';
		cchar_t cc;
		if (setcchar(&cc, str, attr, PAIR_NUMBER(attr), NULL) != OK) {
			wchar_t q[2] = {L'?', L'\0'};
			setcchar(&cc, q, attr, PAIR_NUMBER(attr), NULL);
		}
		mvadd_wch(y, x, &cc);
		x += cells[i].cols;
	}
}

int draw_text(int y, int x, const char *s, int width, attr_t attr)
{
	int used = 0;
	if (!s || width <= 0)
		return 0;
	move(y, x);
	size_t left = strlen(s);
	while (left > 0) {
		struct text_cell cells[4];
		for (int i = 0; i < 4; i++)
			cells[i].n = 0;
		int cw;
		size_t n = text_cluster_cells(s, left, cells, 4, &cw);
		if (used + cw > width)
			break;
		/* Each cluster at its own column: what the terminal makes of one
		 * never moves the next. */
		draw_cells(y, x + used, cells, 4, attr);
		used += cw;
		s += n, left -= n;
	}
	move(y, x + used);
	return used;
}

void draw_fill(int y, int x, int width, attr_t attr)
{
	if (width <= 0)
		return;
	attr_t old;
	short pair;
	attr_get(&old, &pair, NULL);
	attrset(attr);
	mvhline(y, x, ' ', width);
	attrset(old);
}

void draw_line(int y, int x, const char *s, int width, attr_t attr)
{
	int used = draw_text(y, x, s, width, attr);
	draw_fill(y, x + used, width - used, attr);
}

/* Lays s out in lines of at most width columns, breaking at spaces; draws
 * them from the row `skip` on, at y, when `draw`. Returns the rows used after
 * skip (at most max_rows). */
static int wrap(int y, int x, const char *s, int width, int skip, int max_rows, attr_t attr,
		bool draw, const char **rest)
{
	int row = 0;
	if (!s || width <= 0)
		return 0;
	while (*s && row < skip + max_rows) {
		if (*s == '\n') {
			s++;
			row++;
			continue;
		}
		/* Take what fits in width columns, up to a line break opportunity
		 * (UAX #14). A row's bytes are bounded: the rest of a long
		 * line is not measured for each row. */
		size_t len = 0, cap = (size_t)width * 32 + 64;
		while (s[len] && s[len] != '\n' && len < cap)
			len++;
		const char *end = s + text_row_end(s, len, width);
		if (draw && row >= skip) {
			char *line = strndup(s, (size_t)(end - s));
			if (!line)
				return row - skip;
			draw_text(y + row - skip, x, line, width, attr);
			free(line);
		}
		row++;
		s = end;
		while (*s == ' ')
			s++;
	}
	if (rest)
		*rest = s;
	return row > skip ? row - skip : 0;
}

int draw_wrapped(int y, int x, const char *s, int width, int max_rows, attr_t attr)
{
	return wrap(y, x, s, width, 0, max_rows, attr, true, NULL);
}

int draw_wrapped_from(int y, int x, const char *s, int width, int skip, int max_rows,
		      attr_t attr)
{
	return wrap(y, x, s, width, skip > 0 ? skip : 0, max_rows, attr, true, NULL);
}

int text_wrap_rows(const char *s, int width, int max_rows)
{
	return wrap(0, 0, s, width, 0, max_rows, 0, false, NULL);
}

int draw_text_fit(int y, int x, const char *s, int width, attr_t attr)
{
	if (width <= 0)
		return 0;
	if (text_cols(s) <= width)
		return draw_text(y, x, s, width, attr);
	int used = draw_text(y, x, s, width - 1, attr);
	return used + draw_text(y, x + used, "\xe2\x80\xa6", 1, attr); /* … */
}

int draw_wrapped_fit(int y, int x, const char *s, int width, int max_rows, attr_t attr)
{
	if (!s || max_rows <= 0 || width <= 0)
		return 0;
	if (text_wrap_rows(s, width, max_rows + 1) <= max_rows)
		return draw_wrapped(y, x, s, width, max_rows, attr);
	const char *rest = s;
	int rows = wrap(y, x, s, width, 0, max_rows - 1, attr, true, &rest);
	while (*rest == '\n')
		rest++;
	draw_text_fit(y + rows, x, rest, width, attr); /* the rest, cut: "…" */
	return rows + 1;
}

void draw_hint(int y, int width, const char *full, const char *brief, attr_t attr)
{
	draw_line(y, 0, text_cols(full) <= width ? full : brief, width, attr);
}

void draw_box(int y, int x, int h, int w, const char *title)
{
	attr_t a = theme(C_NORMAL);
	for (int r = 0; r < h; r++)
		draw_fill(y + r, x, w, a);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	if (title && *title) {
		mvaddstr(y, x + 2, " ");
		int used = draw_text_fit(y, x + 3, title, w - 6, theme(C_HEADING)); /* cut: "…" */
		mvaddstr(y, x + 3 + used, " ");
	}
}

/* Beside a dialog, a strip this narrow could show only fragments of the rows
 * under it (a column of "…", a lone digit): it is cleared. */
#define DIALOG_STRIP 8

void draw_dialog_box(int y, int x, int h, int w, const char *title)
{
	attr_t a = theme(C_NORMAL);
	int cols = getmaxx(stdscr), right = x + w;
	for (int r = y; r < y + h; r++) {
		/* A blank column at least on each side, so that the text under
		 * the dialog never touches its border. */
		if (x <= DIALOG_STRIP)
			draw_fill(r, 0, x, a);
		else
			draw_fill(r, x - 1, 1, a);
		if (cols - right <= DIALOG_STRIP)
			draw_fill(r, right, cols - right, a);
		else
			draw_fill(r, right, 1, a);
	}
	draw_box(y, x, h, w, title);
}

/* --- text with marked spans (the matches of a search) --------------------- */

/* The bytes of the cluster at s, and its columns in *cols. */
static size_t char_len(const char *s, int *cols)
{
	return text_cluster(s, strlen(s), cols);
}

/* The columns of the word at s, up to the next space, marks left out. */
static int word_cols(const char *s)
{
	int cols = 0, cw = 0;
	while (*s && *s != ' ') {
		size_t n = (*s == SEARCH_MARK_ON || *s == SEARCH_MARK_OFF) ? 1 : char_len(s, &cw);
		if (*s != SEARCH_MARK_ON && *s != SEARCH_MARK_OFF)
			cols += cw;
		s += n;
	}
	return cols;
}

void draw_marked_rows(int y, int x, const char *s, int width, int rows, attr_t normal,
		      attr_t match)
{
	bool on = false;
	int row = 0, col = 0;
	while (*s && row < rows) {
		if (*s == SEARCH_MARK_ON || *s == SEARCH_MARK_OFF) {
			on = *s++ == SEARCH_MARK_ON;
			continue;
		}
		int room = width - (row == rows - 1); /* the last row keeps one for … */
		int cw;
		size_t n = char_len(s, &cw);
		bool wrap_here = *s == ' ' && col > 0 && col + 1 + word_cols(s + 1) > room &&
				 word_cols(s + 1) <= width;
		if (wrap_here || col + cw > room) {
			if (++row == rows) {
				/* … */
				draw_text(y + row - 1, x + col, "\xe2\x80\xa6", 1, normal);
				break;
			}
			col = 0;
			if (*s == ' ') { /* a row starts with the word, not the space */
				s++;
				continue;
			}
		}
		char *ch = strndup(s, n);
		col += draw_text(y + row, x + col, ch ? ch : "?", width - col, on ? match : normal);
		free(ch);
		s += n;
	}
}
