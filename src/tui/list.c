/* list.c - the cursor every list shares: moving over n rows with the arrow,
 * page and Home/End keys, and keeping the cursor's row on screen. */
#include "list.h"
#include "keymap.h"
#include "screen.h"

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
