/* pane_waiting.c - what was recorded between meetings, shown first in the
 * step it waits for (meeting_waiting_step): "3 wins since 2026-11-23", each
 * with who recorded it, above the step's own pane. Tab moves into the list
 * and back; Space or Enter marks the one under the cursor discussed (or
 * not), committed before the mark shows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_view.h"
#include "draw.h"
#include "list.h"
#include "cxmeet/items.h"
#include "cxmeet/util.h"

/* At most this many recorded items are read for a meeting. */
#define WAITING_MAX 500

void waiting_load(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	waiting_items_free(mv->waiting, mv->n_waiting);
	mv->waiting = NULL;
	mv->n_waiting = 0;
	if (store_waiting_items(t->st, mv->run.m.id, WAITING_MAX, &mv->waiting, &mv->n_waiting) !=
	    STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
}

/* The recorded items of the current step: their indexes in mv->waiting. */
static size_t here(const struct meeting_view *mv, size_t *idx)
{
	size_t n = 0;
	for (size_t i = 0; i < mv->n_waiting; i++)
		if (meeting_waiting_step(&mv->run, mv->waiting[i].it.kind) ==
		    mv->run.m.current_step)
			idx[n++] = i;
	return n;
}

size_t waiting_here_count(const struct meeting_view *mv)
{
	size_t n = 0;
	for (size_t i = 0; i < mv->n_waiting; i++)
		n += meeting_waiting_step(&mv->run, mv->waiting[i].it.kind) == mv->run.m.current_step;
	return n;
}

/* "3 wins since 2026-11-23, 1 discussed" */
static void heading(const struct meeting_view *mv, const size_t *idx, size_t n, char *buf,
		    size_t len)
{
	int kinds[ITEM_KIND_COUNT] = {0}, discussed = 0;
	time_t since = 0;
	for (size_t i = 0; i < n; i++) {
		const struct waiting_item *w = &mv->waiting[idx[i]];
		kinds[w->it.kind]++;
		discussed += w->discussed;
		since = w->since;
	}
	size_t at = 0;
	const char *sep = "";
	for (int k = 0; k < ITEM_KIND_COUNT && at < len; k++)
		if (kinds[k]) {
			at += (size_t)snprintf(buf + at, len - at, "%s%d %s", sep, kinds[k],
					       item_kind_plural((enum item_kind)k, kinds[k]));
			sep = ", ";
		}
	char date[16];
	if (at < len && since) {
		date_format(date_from_time(since), date, sizeof date);
		at += (size_t)snprintf(buf + at, len - at, " since %s", date);
	} else if (at < len) {
		at += (size_t)snprintf(buf + at, len - at, " recorded between meetings");
	}
	if (at < len)
		snprintf(buf + at, len - at, ", %d discussed", discussed);
}

/* "by ana, 2026-11-25 · Sales · Ana Ruiz" (caller frees) */
static char *waiting_meta(const struct waiting_item *w)
{
	char date[16];
	date_format(date_from_time(w->it.created_at), date, sizeof date);
	struct strbuf sb;
	sb_init(&sb);
	if (w->recorded_by && actor_known(w->recorded_by))
		sb_addf(&sb, "by %s, ", w->recorded_by);
	sb_add(&sb, date);
	if (w->it.dept_name)
		sb_addf(&sb, " · %s", w->it.dept_name);
	if (w->it.person_name)
		sb_addf(&sb, " · %s", w->it.person_name);
	return sb_take(&sb);
}

int waiting_draw(struct tui *t, int y, int x, int h, int w)
{
	struct meeting_view *mv = t->mv;
	size_t *idx = xcalloc(mv->n_waiting + 1, sizeof *idx);
	size_t n = here(mv, idx);
	if (n == 0 || h < 3) {
		mv->waiting_focus = false;
		free(idx);
		return 0;
	}
	char head[300], line[400];
	heading(mv, idx, n, head, sizeof head);
	const char *hint = mv->follow ? "" : mv->waiting_focus ? "  (Space: mark; Tab: back)"
								: "  (Tab: mark them)";
	/* a third of the pane at most, and always a row */
	int rows = (int)n < h / 3 ? (int)n : h / 3 > 1 ? h / 3 : 1;
	if (mv->waiting_sel >= (int)n)
		mv->waiting_sel = (int)n - 1;
	if (mv->waiting_sel < mv->waiting_top)
		mv->waiting_top = mv->waiting_sel;
	if (mv->waiting_sel >= mv->waiting_top + rows)
		mv->waiting_top = mv->waiting_sel - rows + 1;
	char count[48] = "";
	if ((int)n > rows)
		snprintf(count, sizeof count, "  %d-%d of %zu", mv->waiting_top + 1,
			 mv->waiting_top + rows, n);
	/* the heading first, then the hint if it fits, and where the list is */
	int cw = text_cols(count), room = w - cw;
	snprintf(line, sizeof line, "%s%s", head,
		 text_cols(head) + text_cols(hint) <= room ? hint : "");
	draw_line(y, x, line, room, theme(C_HEADING));
	if (cw)
		draw_line(y, x + room, count, cw, theme(C_MUTED));
	for (int r = 0; r < rows && mv->waiting_top + r < (int)n; r++) {
		int i = mv->waiting_top + r;
		const struct waiting_item *wi = &mv->waiting[idx[i]];
		bool cur = mv->waiting_focus && i == mv->waiting_sel;
		attr_t a = cur ? theme(C_SELECTED) : wi->discussed ? theme(C_MUTED) : theme(C_NORMAL);
		draw_fill(y + 1 + r, x, w, a);
		int used = draw_text(y + 1 + r, x, wi->discussed ? "[x] " : "[ ] ", w,
				     cur ? a : wi->discussed ? theme(C_OK) : theme(C_ACCENT));
		char *m = waiting_meta(wi);
		/* the text keeps what it needs; who and when take the rest */
		int mw = text_cols(m), avail = w - used, cap = avail - 2 - text_cols(wi->it.text);
		if (cap < 16)
			cap = 16 < avail / 3 ? 16 : avail / 3;
		if (mw > cap)
			mw = cap;
		draw_text_fit(y + 1 + r, x + used, wi->it.text, avail - (mw ? mw + 2 : 0), a);
		if (mw > 4)
			draw_text_fit(y + 1 + r, x + w - mw, m, mw, cur ? a : theme(C_MUTED));
		free(m);
	}
	free(idx);
	return 1 + rows + 1;
}

/* Marks the recorded item under the cursor discussed, or not any more. */
static void toggle(struct tui *t, const struct waiting_item *w)
{
	struct meeting_view *mv = t->mv;
	bool to = !w->discussed;
	if (item_mark_discussed(t->st, &w->it, mv->run.m.id, to, clock_now()) != STORE_OK) {
		tui_flash(t, true, "Not saved: %s", store_errmsg(t->st));
		return;
	}
	tui_flash(t, false, "%s %s #%lld discussed.", to ? "Marked" : "Unmarked",
		  item_kind_label(w->it.kind), (long long)w->it.id);
	waiting_load(t);
}

enum action waiting_key(struct tui *t, enum action a)
{
	struct meeting_view *mv = t->mv;
	size_t *idx = xcalloc(mv->n_waiting + 1, sizeof *idx);
	size_t n = here(mv, idx);
	if (n == 0) {
		mv->waiting_focus = false;
		free(idx);
		return a;
	}
	switch (a) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
	case ACT_TOP:
	case ACT_BOTTOM:
		cursor_move(&mv->waiting_sel, a, n, 5);
		a = ACT_NONE;
		break;
	case ACT_SELECT:
		toggle(t, &mv->waiting[idx[mv->waiting_sel < (int)n ? mv->waiting_sel : 0]]);
		a = ACT_NONE;
		break;
	case ACT_QUIT: /* Esc or q: back to the step's own list */
		mv->waiting_focus = false;
		a = ACT_NONE;
		break;
	default:
		break;
	}
	free(idx);
	return a;
}
