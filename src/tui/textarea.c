/* textarea.c - the wrapping editor of the long fields (a detail, a
 * rationale): the one-line editor's text and keys, wrapped over several
 * rows. The rows are worked out from the text at each key and each draw, so
 * that a resize needs nothing more than the next draw. The text is walked a
 * grapheme cluster at a time (core's text module): a letter with its marks,
 * a flag or an emoji sequence is never cut by a row, a move or a delete. */
#include <stdlib.h>
#include <string.h>

#include "textarea.h"
#include "draw.h"
#include "keymap.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* The end of the cluster at i, and its columns in *cols. */
static size_t next(const struct lineedit *le, size_t i, int *cols)
{
	return text_wcs_cluster_cells(le->buf, le->len, i, NULL, 0, cols);
}

/* Whether the cluster at i is a space alone: where a row may break. */
static bool space_at(const struct lineedit *le, size_t i)
{
	return le->buf[i] == L' ' && text_wcs_cluster_end(le->buf, le->len, i) == i + 1;
}

/* Where each wrapped row starts: start[0] = 0, start[n] = the length. */
struct wrap {
	size_t *start;
	int n;        /* rows of text */
	int last_cols; /* columns the last row takes */
};

static void push(struct wrap *w, size_t *cap, size_t at)
{
	if ((size_t)w->n + 2 > *cap) {
		*cap = *cap ? *cap * 2 : 8;
		w->start = xrealloc(w->start, *cap * sizeof *w->start);
	}
	w->start[w->n++] = at;
}

/* Greedy wrapping at spaces: a row breaks after the last space that fits
 * (a space that does not fit ends the row, unseen); a word wider than the
 * row is cut where the row is full. */
static void wrap(const struct lineedit *le, int width, struct wrap *w)
{
	size_t cap = 0;
	memset(w, 0, sizeof *w);
	if (width < 1)
		width = 1;
	size_t s = 0;
	for (;;) {
		push(w, &cap, s);
		int cols = 0;
		size_t i = s, brk = 0;
		while (i < le->len) {
			int cw;
			size_t e = next(le, i, &cw);
			if (cols + cw > width && i > s)
				break;
			cols += cw;
			if (space_at(le, i))
				brk = e;
			i = e;
		}
		if (i >= le->len) {
			w->last_cols = cols;
			break;
		}
		s = space_at(le, i) ? i + 1 : brk > s ? brk : i;
	}
	w->start[w->n] = le->len;
}

/* The row the cursor is on: a full last row puts the cursor at the end of
 * the text on the row after it. */
static int cursor_row(const struct lineedit *le, const struct wrap *w, int width)
{
	if (le->cursor == le->len && w->last_cols >= width && le->len > 0)
		return w->n;
	int r = 0;
	while (r + 1 < w->n && w->start[r + 1] <= le->cursor)
		r++;
	return r;
}

static size_t row_start(const struct wrap *w, int r)
{
	return r >= w->n ? w->start[w->n] : w->start[r];
}

static int cols_between(const struct lineedit *le, size_t from, size_t to)
{
	int c = 0;
	for (size_t i = from; i < to;) {
		int cw;
		i = next(le, i, &cw);
		c += cw;
	}
	return c;
}

int ta_rows(const struct lineedit *le, int width)
{
	struct wrap w;
	wrap(le, width, &w);
	int n = w.n + (le->len > 0 && w.last_cols >= width && le->cursor == le->len);
	free(w.start);
	return n;
}

/* The last place the cursor may take on row r: the row's end, or before the
 * last cluster of a row followed by another (its end is the next row's start). */
static size_t row_last(const struct lineedit *le, const struct wrap *w, int r)
{
	if (r >= w->n - 1)
		return le->len;
	return w->start[r + 1] > w->start[r]
		       ? text_wcs_cluster_start(le->buf, le->len, w->start[r + 1])
		       : w->start[r];
}

/* The place on row r nearest column col, not past the row's last. */
static size_t at_column(const struct lineedit *le, const struct wrap *w, int r, int col)
{
	if (r >= w->n)
		return le->len;
	size_t i = w->start[r], last = row_last(le, w, r);
	int c = 0;
	while (i < last) {
		int cw;
		size_t e = next(le, i, &cw);
		if (c + cw > col)
			break;
		c += cw;
		i = e;
	}
	return i;
}

bool ta_key(struct lineedit *le, wint_t ch, bool is_key, int width, bool *too_long)
{
	*too_long = false;
	if (!is_key || (ch != KEY_UP && ch != KEY_DOWN && ch != KEY_HOME && ch != KEY_END))
		return le_key(le, ch, is_key, too_long);
	struct wrap w;
	wrap(le, width, &w);
	int r = cursor_row(le, &w, width), rows = w.n + (r == w.n);
	int col = cols_between(le, row_start(&w, r), le->cursor);
	bool used = true;
	switch (ch) {
	case KEY_UP:
		if ((used = r > 0))
			le->cursor = at_column(le, &w, r - 1, col);
		break;
	case KEY_DOWN:
		if ((used = r + 1 < rows))
			le->cursor = at_column(le, &w, r + 1, col);
		break;
	case KEY_HOME:
		le->cursor = row_start(&w, r);
		break;
	default: /* KEY_END */
		le->cursor = r >= w.n ? le->len : row_last(le, &w, r);
		break;
	}
	if (used)
		le->prefilled = false; /* a moving key edits a given text */
	free(w.start);
	return used;
}

int ta_draw(struct lineedit *le, int y, int x, int width, int rows, int *top, bool focused)
{
	if (width < 2 || rows < 1)
		return 0;
	struct wrap w;
	wrap(le, width, &w);
	int cr = cursor_row(le, &w, width);
	int total = w.n + (cr == w.n);
	if (!focused)
		*top = 0;
	else if (cr < *top)
		*top = cr;
	else if (cr >= *top + rows)
		*top = cr - rows + 1;
	if (*top > total - rows)
		*top = total - rows > 0 ? total - rows : 0;
	/* A given text shows selected while focused: typing replaces it. */
	attr_t fill = focused ? A_UNDERLINE | A_BOLD : A_UNDERLINE;
	attr_t a = focused && le->prefilled ? theme(C_SELECTED) : fill;
	bool cut = !focused && total > rows;
	for (int r = 0; r < rows; r++) {
		int row = *top + r;
		draw_fill(y + r, x, width, fill);
		if (row >= w.n)
			continue;
		/* the last row shown of a text cut keeps a column for the "…" */
		int room = cut && r == rows - 1 ? width - 1 : width;
		int used = 0;
		size_t end = w.start[row + 1];
		for (size_t i = w.start[row]; i < end;) {
			struct text_cell cells[4] = {{{0}, 0, 0}};
			int cw;
			size_t e = text_wcs_cluster_cells(le->buf, le->len, i, cells, 4, &cw);
			if (used + cw > room)
				break;
			draw_cells(y + r, x + used, cells, 4, a);
			used += cw;
			i = e;
		}
		if (cut && r == rows - 1)
			draw_text(y + r, x + used, "…", 1, theme(C_MUTED));
	}
	if (focused) {
		int col = cr < w.n ? cols_between(le, w.start[cr], le->cursor) : 0;
		move(y + cr - *top, x + (col < width ? col : width - 1));
		curs_set(1);
	}
	free(w.start);
	return total;
}
