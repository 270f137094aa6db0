/* lineedit.c - the one-line editor used by every text field and prompt.
 * Only printable characters are inserted, so escape sequences pasted into a
 * field never reach the database or the screen. The cursor moves, deletes
 * and scrolls by grapheme cluster (core's text module): a letter with its
 * marks, a flag or an emoji sequence is one character to every key. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lineedit.h"
#include "draw.h"
#include "keymap.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"


static size_t utf8_len(wchar_t c)
{
	return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/* Removes the characters from start to end (not included). */
static void drop(struct lineedit *le, size_t start, size_t end)
{
	for (size_t i = start; i < end; i++)
		le->bytes -= utf8_len(le->buf[i]);
	memmove(le->buf + start, le->buf + end, (le->len - end) * sizeof *le->buf);
	le->len -= end - start;
}

/* Keeps the cursor between two clusters: a character typed or a deletion
 * may join what was two (a mark typed after a letter, the two halves of a
 * flag brought together), the cursor then goes after the whole. */
static void settle(struct lineedit *le)
{
	if (le->cursor > 0 && le->cursor < le->len)
		le->cursor = text_wcs_cluster_end(
			le->buf, le->len, text_wcs_cluster_start(le->buf, le->len, le->cursor));
}

static void empty(struct lineedit *le)
{
	le->len = le->cursor = le->scroll = le->bytes = 0;
}

static bool printable(wint_t c)
{
	return c >= 0x20 && !text_is_unsafe((uint32_t)c) && !(c >= 0xd800 && c <= 0xdfff) &&
	       c <= 0x10ffff;
}

static bool insert(struct lineedit *le, wchar_t c)
{
	/* Counted as it changes: a paste far past the limit checks each
	 * refused character in constant time, not by measuring the text. */
	if (le->bytes + utf8_len(c) > le->max_bytes)
		return false;
	if (le->len + 1 >= le->cap) {
		le->cap = le->cap ? le->cap * 2 : 64;
		le->buf = xrealloc(le->buf, le->cap * sizeof *le->buf);
	}
	memmove(le->buf + le->cursor + 1, le->buf + le->cursor,
		(le->len - le->cursor) * sizeof *le->buf);
	le->buf[le->cursor++] = c;
	le->len++;
	le->bytes += utf8_len(c);
	return true;
}

bool le_set(struct lineedit *le, const char *text)
{
	empty(le);
	le->prefilled = false;
	const char *p = text ? text : "";
	size_t left = strlen(p);
	while (left > 0) {
		uint32_t cp;
		size_t n = text_utf8_next((const unsigned char *)p, left, &cp);
		wchar_t wc = (wchar_t)cp;
		if (n == 0) {
			n = 1;
			wc = L'?';
		}
		if (wc == L'\n' || wc == L'\t')
			wc = L' ';
		if (printable((wint_t)wc) && !insert(le, wc))
			return false;
		p += n;
		left -= n;
	}
	return true;
}

void le_init(struct lineedit *le, const char *text, size_t max_bytes)
{
	memset(le, 0, sizeof *le);
	le->max_bytes = max_bytes;
	le_set(le, text);
	le->prefilled = le->len > 0;
}

void le_free(struct lineedit *le)
{
	free(le->buf);
	memset(le, 0, sizeof *le);
}

char *le_text(const struct lineedit *le)
{
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < le->len; i++) {
		char mb[MB_LEN_MAX];
		mbstate_t ps;
		memset(&ps, 0, sizeof ps);
		size_t n = wcrtomb(mb, le->buf[i], &ps);
		if (n != (size_t)-1)
			sb_addn(&sb, mb, n);
	}
	return sb_take(&sb);
}

void le_cut_message(const struct lineedit *le, char *buf, size_t len)
{
	snprintf(buf, len, "Cut at %zu character%s: the most this field holds.", le->len,
		 le->len == 1 ? "" : "s");
}

static bool is_word(wchar_t c) { return c != L' '; }

bool le_key(struct lineedit *le, wint_t ch, bool is_key, bool *too_long)
{
	*too_long = false;
	if (le->prefilled && !is_key && printable(ch)) {
		empty(le); /* typing replaces a given text */
		le->prefilled = false;
	}
	bool was_prefilled = le->prefilled;
	le->prefilled = false;
	if (is_key) {
		switch (ch) {
		case KEY_LEFT: /* by user-perceived characters: an emoji sequence is one */
			le->cursor = text_wcs_cluster_start(le->buf, le->len, le->cursor);
			return true;
		case KEY_RIGHT:
			le->cursor = text_wcs_cluster_end(le->buf, le->len, le->cursor);
			return true;
		case KEY_HOME:
			le->cursor = 0;
			return true;
		case KEY_END:
			le->cursor = le->len;
			return true;
		case KEY_BACKSPACE:
			ch = 0x7f;
			break;
		case KEY_DC:
			if (le->cursor < le->len) {
				drop(le, le->cursor,
				     text_wcs_cluster_end(le->buf, le->len, le->cursor));
				settle(le);
			}
			return true;
		default:
			le->prefilled = was_prefilled;
			return false;
		}
	}
	if (ch == 0x7f || ch == CTRL('h')) {
		if (le->cursor > 0) {
			size_t start = text_wcs_cluster_start(le->buf, le->len, le->cursor);
			drop(le, start, le->cursor);
			le->cursor = start;
			settle(le);
		}
		return true;
	}
	if (ch == CTRL('a')) {
		le->cursor = 0;
		return true;
	}
	if (ch == CTRL('e')) {
		le->cursor = le->len;
		return true;
	}
	if (ch == CTRL('u')) { /* delete to the start */
		if (le->cursor == 0) /* nothing before it; buf may be NULL */
			return true;
		drop(le, 0, le->cursor);
		le->cursor = 0;
		return true;
	}
	if (ch == CTRL('w')) { /* delete the word before the cursor */
		size_t end = le->cursor, start = end;
		while (start > 0 && !is_word(le->buf[start - 1]))
			start--;
		while (start > 0 && is_word(le->buf[start - 1]))
			start--;
		if (start < end) /* a space with a mark on it goes with its mark */
			start = text_wcs_cluster_start(le->buf, le->len, start + 1);
		if (start == end) /* nothing to delete; buf may be NULL */
			return true;
		drop(le, start, end);
		le->cursor = start;
		settle(le);
		return true;
	}
	if (!printable(ch)) {
		le->prefilled = was_prefilled;
		return false;
	}
	if (!insert(le, (wchar_t)ch))
		*too_long = true;
	else
		settle(le);
	return true;
}

/* The end of the cluster at i, and its columns in *cols. */
static size_t next(const struct lineedit *le, size_t i, int *cols)
{
	return text_wcs_cluster_cells(le->buf, le->len, i, NULL, 0, cols);
}

void le_draw(struct lineedit *le, int y, int x, int width, bool focused)
{
	if (width < 2)
		return;
	/* The first cluster shown is the earliest one from which the '<'
	 * marker, the text up to the cursor and the cluster under it (or the
	 * cursor cell at the end) fit: a field that grows wider shows more again. */
	int cols = 0, cw;
	for (size_t i = 0; i < le->cursor;) {
		i = next(le, i, &cw);
		cols += cw;
	}
	if (le->cursor < le->len)
		next(le, le->cursor, &cw);
	cols += le->cursor < le->len ? cw : 1;
	le->scroll = 0;
	while (cols + (le->scroll > 0) > width && le->scroll < le->cursor) {
		le->scroll = next(le, le->scroll, &cw);
		cols -= cw;
	}
	/* A given text shows selected while focused: typing replaces it. */
	attr_t fill = focused ? A_UNDERLINE | A_BOLD : A_UNDERLINE;
	attr_t a = focused && le->prefilled ? theme(C_SELECTED) : fill;
	draw_fill(y, x, width, fill);
	int used = 0, cursor_x = x;
	move(y, x);
	if (le->scroll > 0) {
		draw_text(y, x, "<", 1, theme(C_MUTED));
		used = 1;
	}
	for (size_t i = le->scroll; i < le->len;) {
		struct text_cell cells[4] = {{{0}, 0, 0}};
		size_t e = text_wcs_cluster_cells(le->buf, le->len, i, cells, 4, &cw);
		if (used + cw > width)
			break;
		if (i <= le->cursor && le->cursor < e)
			cursor_x = x + used;
		draw_cells(y, x + used, cells, 4, a);
		used += cw;
		i = e;
	}
	if (le->cursor == le->len)
		cursor_x = x + used;
	if (focused) {
		move(y, cursor_x < x + width ? cursor_x : x + width - 1);
		curs_set(1);
	}
}
