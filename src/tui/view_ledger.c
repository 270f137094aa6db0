/* view_ledger.c - the buy-in ledger (ledger.h): a department a row, a
 * quarter a column (as many of the latest as fit), each cell its attendance
 * share and wins; the department under the cursor in full for the last
 * quarter below, with whether it grew or slid. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "list.h"
#include "screen.h"
#include "views.h"
#include "keymap.h"
#include "cxmeet/ledger.h"
#include "cxmeet/util.h"

#define LEDGER_QUARTERS 8 /* the quarters read: two years */

struct ledger_state {
	struct ledger l;
	bool loaded;
	int sel, top;
};

static void ledger_load_view(struct tui *t)
{
	struct ledger_state *s = tui_state(t, &view_ledger);
	if (s->loaded)
		ledger_free(&s->l);
	s->loaded = false;
	cx_date today = clock_today();
	if (ledger_load(t->st, ledger_quarters_back(today, LEDGER_QUARTERS), today, 0, &s->l) !=
	    STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	s->loaded = true;
}

void ledger_view_open(struct tui *t)
{
	struct ledger_state *s = tui_state(t, &view_ledger);
	s->sel = s->top = 0;
	ledger_load_view(t);
	tui_open_view(t, &view_ledger);
}

#define CELL 13 /* " 83% 12w" and its gap */

/* "83% 4w" for a line; "-" when no meeting was held that quarter. */
static void cell_text(const struct ledger_line *ln, char *buf, size_t len)
{
	int pct = ledger_attendance_pct(ln);
	if (pct < 0)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%3d%% %2lldw", pct, (long long)ln->wins);
}

static void ledger_draw(struct tui *t)
{
	struct ledger_state *s = tui_state(t, &view_ledger);
	draw_line(0, 0, " Buy-in ledger: attendance and wins per department and quarter", t->cols,
		  theme(C_TITLE));
	draw_line(t->rows - 1, 0, " Up/Down department  ? help  q back", t->cols,
		  theme(C_STATUS));
	if (!s->loaded || s->l.n_depts == 0) {
		draw_text(2, 2, "No departments yet.", t->cols - 4, theme(C_MUTED));
		return;
	}
	const struct ledger *l = &s->l;
	int nw = 22, fit = (t->cols - 2 - nw) / CELL;
	if (fit < 1)
		fit = 1;
	int first = l->n_quarters > fit ? l->n_quarters - fit : 0;
	draw_text(2, 1, "Department", nw, theme(C_HEADING));
	for (int k = first; k < l->n_quarters; k++) {
		const struct ledger_line *ln = &l->lines[(size_t)k * l->n_depts];
		char q[16];
		snprintf(q, sizeof q, "%d-Q%d", ln->year, ln->quarter);
		draw_text(2, 1 + nw + (k - first) * CELL, q, CELL, theme(C_HEADING));
	}
	int detail = 4, rows = t->rows - 4 - detail - 1;
	if (rows < 1)
		rows = 1;
	if (s->sel >= (int)l->n_depts)
		s->sel = (int)l->n_depts - 1;
	list_area(t, 3, 0, t->cols, rows, s->sel, &s->top, l->n_depts);
	for (int r = 0; r < rows && s->top + r < (int)l->n_depts; r++) {
		size_t d = (size_t)(s->top + r);
		bool cur = (int)d == s->sel;
		int from, to, shift = ledger_shift(l, d, &from, &to);
		attr_t a = cur ? theme(C_SELECTED) : shift < 0 ? theme(C_WARNING)
			   : shift > 0 ? theme(C_OK) : theme(C_NORMAL);
		draw_fill(3 + r, 0, t->cols, cur ? a : theme(C_NORMAL));
		draw_text_fit(3 + r, 1, l->depts[d].name, nw - 1, a);
		for (int k = first; k < l->n_quarters; k++) {
			char c[32];
			cell_text(&l->lines[(size_t)k * l->n_depts + d], c, sizeof c);
			draw_text(3 + r, 1 + nw + (k - first) * CELL, c, CELL - 1, a);
		}
	}
	/* the department under the cursor, its last quarter in full */
	const struct ledger_line *ln = &l->lines[(size_t)(l->n_quarters - 1) * l->n_depts +
						  (size_t)s->sel];
	int y = t->rows - 1 - detail;
	mvhline(y, 0, ACS_HLINE, t->cols);
	char line[400];
	snprintf(line, sizeof line, "%s, %d-Q%d: attended %lld of %lld meetings; actions %lld, "
		 "%lld done on time; wins %lld", ln->dept->name, ln->year, ln->quarter,
		 (long long)ln->attended, (long long)ln->meetings, (long long)ln->actions,
		 (long long)ln->on_time, (long long)ln->wins);
	draw_text_fit(y + 1, 1, line, t->cols - 2, theme(C_NORMAL));
	snprintf(line, sizeof line, "Messages to it %lld, acknowledged %lld; its people moved to "
		 "high support %lld, to low %lld", (long long)ln->messages, (long long)ln->acked,
		 (long long)ln->support_up, (long long)ln->support_down);
	draw_text_fit(y + 2, 1, line, t->cols - 2, theme(C_NORMAL));
	int from, to, shift = ledger_shift(l, (size_t)s->sel, &from, &to);
	if (shift)
		snprintf(line, sizeof line, "%s last quarter: attendance %d%% -> %d%%",
			 shift > 0 ? "Grew" : "Slid", from, to);
	else
		snprintf(line, sizeof line, "Neither grew nor slid last quarter (a change of %d "
			 "points or more in attendance would say so)", LEDGER_SHIFT_POINTS);
	draw_text_fit(y + 3, 1, line, t->cols - 2,
		      shift < 0 ? theme(C_WARNING) : shift > 0 ? theme(C_OK) : theme(C_MUTED));
}

static const struct keymap_entry ledger_keys[] = {
	KM_HEADING("Buy-in ledger"),
	{ACT_QUIT, "back", "Back to where the ledger was opened from", {{0, false}}},
};

static const struct keymap ledger_keymap = KEYMAP("the buy-in ledger", ledger_keys);

static enum action ledger_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	(void)ch;
	(void)is_key;
	struct ledger_state *s = tui_state(t, &view_ledger);
	if (s->loaded && cursor_move(&s->sel, a, s->l.n_depts, 10))
		return ACT_NONE;
	if (a == ACT_QUIT) {
		tui_back(t);
		return ACT_NONE;
	}
	return a;
}

static void ledger_close(struct tui *t)
{
	struct ledger_state *s = tui_state(t, &view_ledger);
	if (s->loaded)
		ledger_free(&s->l);
	s->loaded = false;
}

const struct view_ops view_ledger = {
	.name = "ledger",
	.keymap = &ledger_keymap,
	.private_size = sizeof(struct ledger_state),
	.draw = ledger_draw,
	.key = ledger_key,
	.close = ledger_close,
};
