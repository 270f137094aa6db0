/* draw.c - drawing text by screen columns: UTF-8 decoded to wide characters,
 * measured with wcwidth, what core's text rule calls unsafe (and bytes that
 * are not UTF-8) shown as U+FFFD, never cut inside a character. Also the
 * theme: colours by role, monochrome under NO_COLOR. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <wchar.h>

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

/* Decodes the next character of s; returns bytes used (0 at the end). Invalid
 * bytes decode as U+FFFD one at a time; tab and newline as a space. */
static size_t next_char(const char *s, wchar_t *wc)
{
	if (!*s)
		return 0;
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	/* One character is at most MB_LEN_MAX bytes: measuring the whole rest of
	 * the string for each character made long texts quadratic. */
	size_t n = mbrtowc(wc, s, strnlen(s, MB_LEN_MAX), &ps);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*wc = 0xfffd;
		return 1;
	}
	if (*wc == '\t' || *wc == '\n')
		*wc = L' ';
	else if (text_is_unsafe((uint32_t)*wc))
		*wc = 0xfffd;
	return n;
}

int text_cols(const char *s)
{
	int w = 0;
	wchar_t wc;
	size_t n;
	while ((n = next_char(s, &wc)) > 0) {
		int cw = wcwidth(wc);
		w += cw < 0 ? 1 : cw;
		s += n;
	}
	return w;
}

int draw_text(int y, int x, const char *s, int width, attr_t attr)
{
	int used = 0;
	wchar_t wc;
	size_t n;
	if (!s || width <= 0)
		return 0;
	move(y, x);
	while ((n = next_char(s, &wc)) > 0) {
		int cw = wcwidth(wc);
		if (cw < 0) {
			wc = L'?';
			cw = 1;
		}
		if (used + cw > width)
			break;
		cchar_t cc;
		wchar_t str[2] = {wc, L'\0'};
		setcchar(&cc, str, attr, PAIR_NUMBER(attr), NULL);
		add_wch(&cc);
		used += cw;
		s += n;
	}
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
		/* Take as many whole words as fit in width columns. */
		const char *p = s, *brk = NULL;
		int cols = 0;
		wchar_t wc;
		size_t n;
		while ((n = next_char(p, &wc)) > 0 && *p != '\n') {
			int cw = wcwidth(wc);
			cw = cw < 0 ? 1 : cw;
			if (cols + cw > width)
				break;
			cols += cw;
			p += n;
			if (wc == L' ')
				brk = p;
		}
		const char *end = (!*p || *p == '\n' || !brk) ? p : brk;
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

/* The bytes of the character at s (1 for a byte that is not UTF-8). */
static size_t char_len(const char *s, mbstate_t *ps)
{
	wchar_t wc;
	size_t n = mbrtowc(&wc, s, strlen(s), ps);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		memset(ps, 0, sizeof *ps);
		return 1;
	}
	return n;
}

/* The columns of the character of n bytes at s. */
static int char_cols(const char *s, size_t n)
{
	char ch[8];
	size_t len = n < sizeof ch ? n : sizeof ch - 1;
	memcpy(ch, s, len);
	ch[len] = '\0';
	return text_cols(ch);
}

/* The columns of the word at s, up to the next space, marks left out. */
static int word_cols(const char *s)
{
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	int cols = 0;
	while (*s && *s != ' ') {
		size_t n = (*s == SEARCH_MARK_ON || *s == SEARCH_MARK_OFF) ? 1 : char_len(s, &ps);
		if (*s != SEARCH_MARK_ON && *s != SEARCH_MARK_OFF)
			cols += char_cols(s, n);
		s += n;
	}
	return cols;
}

void draw_marked_rows(int y, int x, const char *s, int width, int rows, attr_t normal,
		      attr_t match)
{
	bool on = false;
	int row = 0, col = 0;
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	while (*s && row < rows) {
		if (*s == SEARCH_MARK_ON || *s == SEARCH_MARK_OFF) {
			on = *s++ == SEARCH_MARK_ON;
			continue;
		}
		int room = width - (row == rows - 1); /* the last row keeps one for … */
		size_t n = char_len(s, &ps);
		int cw = char_cols(s, n);
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
		char ch[8];
		size_t len = n < sizeof ch ? n : sizeof ch - 1;
		memcpy(ch, s, len);
		ch[len] = '\0';
		col += draw_text(y + row, x + col, ch, width - col, on ? match : normal);
		s += n;
	}
}
