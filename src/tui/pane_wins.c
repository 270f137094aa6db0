/* pane_wins.c - wins and hidden heroes: this meeting's wins by department,
 * crediting people, with the behind-the-scenes departments set apart and
 * those without a win yet named, so nobody forgets to ask them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_view.h"
#include "draw.h"
#include "cxmeet/util.h"

static int by_dept(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	int c = strcmp(x->dept_name ? x->dept_name : "", y->dept_name ? y->dept_name : "");
	return c ? c : (x->id > y->id) - (x->id < y->id);
}

static bool dept_behind(const struct dept *d, size_t nd, store_id id)
{
	for (size_t i = 0; i < nd; i++)
		if (d[i].id == id)
			return d[i].behind;
	return false;
}

static char *quiet_heroes(struct tui *t, const struct dept *d, size_t nd);
static char *quiet; /* the uncredited hidden heroes, computed on load, not per redraw */

static void load(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	struct item *all;
	size_t n;
	if (store_meeting_items(t->st, mv->run.m.id, 0, &all, &n) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	mv->items = xcalloc(n + 1, sizeof *mv->items);
	for (size_t i = 0; i < n; i++) {
		if (all[i].kind == ITEM_WIN)
			mv->items[mv->n_items++] = all[i];
		else
			item_free(&all[i]);
	}
	free(all);
	/* The hidden heroes stand out: their department says so on the row. */
	struct dept *d = NULL;
	size_t nd = 0;
	store_dept_list(t->st, true, &d, &nd);
	for (size_t i = 0; i < mv->n_items; i++) {
		struct item *it = &mv->items[i];
		if (it->dept_name && dept_behind(d, nd, it->dept_id)) {
			char *marked = xasprintf("%s (behind the scenes)", it->dept_name);
			free(it->dept_name);
			it->dept_name = marked;
		}
	}
	free(quiet);
	quiet = quiet_heroes(t, d, nd); /* archived ones are never named */
	dept_list_free(d, nd);
	qsort(mv->items, mv->n_items, sizeof *mv->items, by_dept);
	mv->total = mv->n_items;
	mv->offset = 0;
}

/* "Behind the scenes without a win yet: IT, Finance" */
static char *quiet_heroes(struct tui *t, const struct dept *d, size_t nd)
{
	struct meeting_view *mv = t->mv;
	bool *quiet = xcalloc(nd + 1, sizeof *quiet);
	meeting_quiet_heroes(d, nd, mv->items, mv->n_items, quiet);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < nd; i++)
		if (quiet[i])
			sb_addf(&sb, "%s%s", sb.len ? ", " : "Behind the scenes, no win yet: ",
				d[i].name);
	free(quiet);
	return sb_take(&sb);
}

static void draw(struct tui *t, int y, int x, int h, int w)
{
	struct meeting_view *mv = t->mv;
	char head[120];
	snprintf(head, sizeof head, "Wins in this meeting (%zu)", mv->n_items);
	draw_line(y, x, head, w, theme(C_HEADING));
	int qn = quiet && *quiet ? text_wrap_rows(quiet, w, 3) : 0;
	int qrows = qn ? draw_wrapped(y + h - qn, x, quiet, w, qn, theme(C_ACCENT)) : 0;
	if (mv->n_items == 0) {
		draw_wrapped(y + 1, x, "No wins yet. Press w to credit a department and its hero.", w,
			     2, theme(C_MUTED));
	} else {
		int dh = items_detail_height(mv_selected(t), NULL, mv->n_items, h - 2 - qrows, w);
		int list = h - 2 - qrows - dh;
		items_draw(y + 1, x, list, w, mv->items, mv->n_items, 0, mv->sel, &mv->top);
		items_detail_draw(y + 1 + list, x, w, dh, mv_selected(t), NULL);
	}
}

const struct pane_ops pane_wins = {.load = load, .draw = draw, .key = items_list_key};
