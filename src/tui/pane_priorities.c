/* pane_priorities.c - parked topics from this and earlier meetings, ranked
 * (K and J move one; the top three stand out), followed by the decisions taken
 * in this meeting. A decision captured on a topic settles and closes it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_view.h"
#include "draw.h"
#include "cxmeet/util.h"

#define MAX_TOPICS 100 /* read at once: the pane shows half a screen of them */

static size_t n_topics;   /* rows [0, n_topics) are topics, the rest decisions */
static size_t all_topics; /* open topics in all, loaded or not */

static void load(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	struct item *topics = NULL, *mine = NULL;
	size_t nt = 0, nm = 0;
	n_topics = 0;
	mv->total = mv->offset = 0;
	if (store_open_parked(t->st, MAX_TOPICS, &topics, &nt) != STORE_OK ||
	    store_meeting_items(t->st, mv->run.m.id, 0, &mine, &nm) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		item_list_free(topics, nt);
		return;
	}
	int64_t open_topics;
	all_topics = store_open_parked_count(t->st, &open_topics) == STORE_OK ? (size_t)open_topics
									       : nt;
	mv->items = xcalloc(nt + nm + 1, sizeof *mv->items);
	if (nt)
		memcpy(mv->items, topics, nt * sizeof *topics);
	mv->n_items = nt;
	for (size_t i = 0; i < nm; i++) {
		if (mine[i].kind == ITEM_DECISION)
			mv->items[mv->n_items++] = mine[i];
		else
			item_free(&mine[i]);
	}
	free(topics);
	free(mine);
	n_topics = nt;
	mv->total = mv->n_items;
	mv->offset = 0;
}


static void draw(struct tui *t, int y, int x, int h, int w)
{
	struct meeting_view *mv = t->mv;
	char head[160];
	snprintf(head, sizeof head, "Parked topics (%zu%s), top three first  K/J: move  Enter or d: "
		 "decide", all_topics, all_topics > n_topics ? ", first shown" : "");
	int hr = draw_wrapped(y, x, head, w, 2, theme(C_HEADING));
	y += hr - 1;
	h -= hr - 1;
	int topic_rows = (int)n_topics < h / 2 ? (int)n_topics : h / 2;
	if (n_topics == 0) {
		draw_text(y + 1, x, "No parked topics. Press p to park one.", w, theme(C_MUTED));
		topic_rows = 1;
	}
	items_draw(y + 1, x, topic_rows, w, mv->items, n_topics, 0,
		   mv->sel < (int)n_topics ? mv->sel : -1, &mv->topic_top);
	for (int r = 0; r < topic_rows && mv->topic_top + r < 3 &&
			(size_t)(mv->topic_top + r) < n_topics;
	     r++)
		draw_text(y + 1 + r, x, "[^]", 3, mv->topic_top + r == mv->sel ? theme(C_SELECTED)
									  : theme(C_ACCENT));
	int dy = y + 2 + topic_rows;
	size_t nd = mv->n_items - n_topics;
	snprintf(head, sizeof head, "Decided in this meeting (%zu)", nd);
	draw_line(dy, x, head, w, theme(C_HEADING));
	if (nd == 0)
		draw_text(dy + 1, x, "No decisions yet. Press d to record one.", w, theme(C_MUTED));
	else
		items_draw(dy + 1, x, y + h - dy - 1, w, mv->items + n_topics, nd, (int)n_topics,
			   mv->sel >= (int)n_topics ? mv->sel : -1, &mv->decision_top);
}

/* Swaps the topic under the cursor with its neighbour, renumbering the open
 * topics from the first down to the two (ranks 1, 2, ...), and on while the
 * next one's rank would no longer put it after them, so that the order stays
 * whole: the ranked topics after them keep higher ranks, and the unranked
 * ones follow every ranked one. Only when that runs past the topics loaded
 * is every open topic renumbered. */
static void move_topic(struct tui *t, int by)
{
	struct meeting_view *mv = t->mv;
	int from = mv->sel, to = mv->sel + by;
	if (from < 0 || from >= (int)n_topics || to < 0 || to >= (int)n_topics)
		return;
	size_t k = (size_t)(from > to ? from : to) + 1;
	while (k < n_topics && mv->items[k].rank != 0 && mv->items[k].rank <= (int)k)
		k++;
	store_id *ids;
	size_t n;
	if (store_open_parked_ids(t->st, k < n_topics || k == all_topics ? k : 0, &ids, &n) !=
	    STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	store_id a = mv->items[from].id, b = mv->items[to].id;
	for (size_t i = 0; i < n; i++)
		ids[i] = ids[i] == a ? b : ids[i] == b ? a : ids[i];
	if (store_items_rerank(t->st, ids, n, mv->run.m.id) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	else
		mv->sel = to;
	free(ids);
	mv_reload(t);
}

static enum action key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	(void)ch;
	(void)is_key;
	struct meeting_view *mv = t->mv;
	if (mv_move(t, a, mv->n_items, 10))
		return ACT_NONE;
	if (a == ACT_MOVE_UP || a == ACT_MOVE_DOWN) {
		move_topic(t, a == ACT_MOVE_UP ? -1 : 1);
		return ACT_NONE;
	}
	if (a == ACT_SELECT)
		return mv->sel < (int)n_topics ? ACT_CAPTURE_DECISION : items_key(t, ACT_EDIT);
	return items_key(t, a);
}

const struct pane_ops pane_priorities = {.load = load, .draw = draw, .key = key};
