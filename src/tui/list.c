/* list.c - what every list shares: the cursor moved over n rows with the
 * arrow, page and Home/End keys, kept on screen, its rows clickable; and
 * the widths of its columns, from the width there is. */
#include "list.h"
#include "keymap.h"
#include "screen.h"
#include "draw.h"

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
