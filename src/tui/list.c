/* list.c - what every list shares: the cursor moved over n rows with the
 * arrow, page and Home/End keys, kept on screen, its rows clickable; and
 * the widths of its columns, from the width there is. */
#include <stdlib.h>
#include <string.h>

#include "list.h"
#include "keymap.h"
#include "screen.h"
#include "draw.h"
#include "cxmeet/util.h"

bool cursor_move(int *sel, enum action a, size_t n, int page)
{
	int last = n ? (int)n - 1 : 0;
	switch (a) {
	case ACT_UP: *sel = *sel > 0 ? *sel - 1 : 0; break;
	case ACT_DOWN: *sel = *sel < last ? *sel + 1 : last; break;
	case ACT_PAGE_UP: *sel = *sel > page ? *sel - page : 0; break;
	case ACT_PAGE_DOWN: *sel = *sel + page < last ? *sel + page : last; break;
	case ACT_TOP: *sel = 0; break;
	case ACT_BOTTOM: *sel = last; break;
	default: return false;
	}
	if (*sel > last)
		*sel = last;
	return true;
}

void cursor_scroll(int sel, int *top, int rows)
{
	if (rows < 1)
		rows = 1;
	if (sel < *top)
		*top = sel;
	if (sel >= *top + rows)
		*top = sel - rows + 1;
	if (*top < 0)
		*top = 0;
}

void list_area(struct tui *t, int y, int x, int w, int rows, int sel, int *top, size_t n)
{
	cursor_scroll(sel, top, rows);
	tui_area_add(t, &(struct tui_area){.kind = AREA_LIST, .y = y, .x = x, .h = rows, .w = w,
					   .top = *top, .sel = sel, .n = n});
}

void list_col_want(struct list_col *c, const char *s)
{
	int w = text_cols(s ? s : "-");
	if (c->want >= 0 && w > c->want)
		c->want = w;
}

/* The cap of a column on a list `width` wide: cap80 at 80, cap200 at 200. */
static int col_cap(const struct list_col *c, int width)
{
	if (width <= 80)
		return c->cap80;
	if (width >= 200)
		return c->cap200;
	return c->cap80 + (c->cap200 - c->cap80) * (width - 80) / 120;
}

void list_cols(struct list_col *c, size_t n, int x, int width, int gap)
{
	int used = n ? gap * (int)(n - 1) : 0;
	struct list_col *rest = NULL;
	for (size_t i = 0; i < n; i++) {
		if (c[i].want < 0) {
			rest = &c[i];
			c[i].w = c[i].min;
			continue;
		}
		int cap = col_cap(&c[i], width);
		if (cap < c[i].min)
			cap = c[i].min;
		c[i].w = c[i].want < c[i].min ? c[i].min : c[i].want > cap ? cap : c[i].want;
		used += c[i].w;
	}
	/* Too little left for the text: the widest of the others gives a column
	 * back, again and again, while one can. */
	while (rest && width - used < rest->min) {
		struct list_col *wide = NULL;
		for (size_t i = 0; i < n; i++)
			if (&c[i] != rest && c[i].w > c[i].min && (!wide || c[i].w > wide->w))
				wide = &c[i];
		if (!wide)
			break;
		wide->w--;
		used--;
	}
	if (rest)
		rest->w = width - used > 0 ? width - used : 0;
	for (size_t i = 0; i < n; i++) {
		c[i].x = x;
		x += c[i].w + gap;
	}
}

int list_meta_cols(int avail, int text, int meta)
{
	if (text + 2 + meta <= avail)
		return meta;
	int least = avail < 80 ? (16 < avail / 3 ? 16 : avail / 3) : 16 + (avail - 80) / 3;
	int cap = avail - 2 - text;
	if (cap < least)
		cap = least;
	return meta < cap ? meta : cap;
}

#define META_SEP " · "
#define META_PARTS 16

/* The parts of meta that are on, joined again. */
static char *meta_join(const char *const *part, const size_t *len, const bool *on, size_t n)
{
	struct strbuf sb;
	sb_init(&sb);
	bool first = true;
	for (size_t i = 0; i < n; i++) {
		if (!on[i])
			continue;
		if (!first)
			sb_add(&sb, META_SEP);
		sb_addn(&sb, part[i], len[i]);
		first = false;
	}
	return sb_take(&sb);
}

char *list_meta_cut(const char *meta, const char *keep, int width)
{
	if (text_cols(meta) <= width)
		return xstrdup(meta);
	const char *part[META_PARTS];
	size_t len[META_PARTS], n = 0, k = META_PARTS;
	bool on[META_PARTS];
	for (const char *p = meta; n < META_PARTS;) {
		const char *sep = strstr(p, META_SEP);
		part[n] = p;
		len[n] = sep && n + 1 < META_PARTS ? (size_t)(sep - p) : strlen(p);
		on[n] = true;
		if (keep && strlen(keep) == len[n] && strncmp(p, keep, len[n]) == 0)
			k = n;
		n++;
		if (!sep || n == META_PARTS)
			break;
		p = sep + strlen(META_SEP);
	}
	/* With a name: the parts after it go first, from the last (dates,
	 * marks), then those before it, the nearest first. Without: the first
	 * part stays, those between it and the last go, then the last. */
	size_t order[META_PARTS], m = 0;
	if (k < n) {
		for (size_t i = n; i-- > k + 1;)
			order[m++] = i;
		for (size_t i = k; i-- > 0;)
			order[m++] = i;
	} else {
		for (size_t i = n - 1; i-- > 1;)
			order[m++] = i;
		if (n > 1)
			order[m++] = n - 1;
	}
	char *s = meta_join(part, len, on, n);
	for (size_t j = 0; j < m && text_cols(s) > width; j++) {
		on[order[j]] = false;
		free(s);
		s = meta_join(part, len, on, n);
	}
	return s;
}

int list_meta_room(int avail, int mw, const char *shown, bool named)
{
	int c = text_cols(shown);
	if (c <= mw || !named)
		return c < mw ? c : mw;
	int most = mw > avail / 2 ? mw : avail / 2;
	return c < most ? c : most;
}
