/* pane_waiting.c - what waits for the meeting, shown first in its step,
 * above the step's own pane: what was recorded between meetings, in the
 * step it waits for (meeting_waiting_step: "3 wins since 2026-11-23", each
 * with who recorded it), and in the roll call the messages that departments
 * have not acknowledged yet. Tab moves into the list and back; Space or
 * Enter marks the row under the cursor discussed (or not), or has its
 * department acknowledge the message, committed before the mark shows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_view.h"
#include "draw.h"
#include "list.h"
#include "cxmeet/items.h"
#include "cxmeet/text.h"
#include "cxmeet/messages.h"
#include "cxmeet/util.h"

/* At most this many recorded items are read, and the newest open messages. */
#define WAITING_MAX 500
#define MESSAGES_SHOWN 20 /* more than the list shows; 'cxmeet messages' lists all */

void waiting_load(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	waiting_items_free(mv->waiting, mv->n_waiting);
	message_rows_free(mv->messages, mv->n_messages);
	mv->waiting = NULL;
	mv->messages = NULL;
	mv->n_waiting = mv->n_messages = 0;
	struct message_filter f = {.open_only = true};
	/* the messages only where they are shown, the newest of them */
	bool messages_here = meeting_waiting_step(&mv->run, ITEM_NOTE) == mv->run.m.current_step;
	if (store_waiting_items(t->st, mv->run.m.id, WAITING_MAX, &mv->waiting, &mv->n_waiting) !=
		    STORE_OK ||
	    (messages_here && store_messages_list(t->st, &f, NULL, MESSAGES_SHOWN, &mv->messages,
						  &mv->n_messages) != STORE_OK))
		tui_flash(t, true, "%s", store_errmsg(t->st));
}

/* A row of the list: a recorded item (mv->waiting) or a message's
 * department (mv->messages). */
struct entry {
	bool message;
	size_t i;
};

/* The rows of the current step (caller frees *out). */
static size_t here(const struct meeting_view *mv, struct entry **out)
{
	struct entry *e = xcalloc(mv->n_waiting + mv->n_messages + 1, sizeof *e);
	size_t n = 0;
	int step = mv->run.m.current_step;
	for (size_t i = 0; i < mv->n_waiting; i++)
		if (meeting_waiting_step(&mv->run, mv->waiting[i].it.kind) == step)
			e[n++] = (struct entry){false, i};
	/* messages are acknowledged in the roll call, where the notes wait */
	if (meeting_waiting_step(&mv->run, ITEM_NOTE) == step)
		for (size_t i = 0; i < mv->n_messages; i++)
			e[n++] = (struct entry){true, i};
	*out = e;
	return n;
}

size_t waiting_here_count(const struct meeting_view *mv)
{
	struct entry *e;
	size_t n = here(mv, &e);
	free(e);
	return n;
}

/* "3 wins since 2026-11-23, 1 discussed; 2 messages to acknowledge, 1
 * overdue" */
static void heading(const struct meeting_view *mv, const struct entry *e, size_t n, char *buf,
		    size_t len)
{
	int kinds[ITEM_KIND_COUNT] = {0}, discussed = 0, items = 0, messages = 0, late = 0;
	time_t since = 0;
	cx_date today = clock_today();
	for (size_t i = 0; i < n; i++) {
		if (e[i].message) {
			messages++;
			late += message_overdue(&mv->messages[e[i].i], &mv->org.cadence, today);
			continue;
		}
		const struct waiting_item *w = &mv->waiting[e[i].i];
		kinds[w->it.kind]++;
		discussed += w->discussed;
		since = w->since;
		items++;
	}
	size_t at = 0;
	buf[0] = '\0';
	const char *sep = "";
	for (int k = 0; k < ITEM_KIND_COUNT && at < len; k++)
		if (kinds[k]) {
			at += (size_t)snprintf(buf + at, len - at, "%s%d %s", sep, kinds[k],
					       item_kind_plural((enum item_kind)k, kinds[k]));
			sep = ", ";
		}
	char date[16];
	if (items && at < len) {
		if (since) {
			date_format(date_from_time(since), date, sizeof date);
			at += (size_t)snprintf(buf + at, len - at, " since %s", date);
		} else {
			at += (size_t)snprintf(buf + at, len - at, " recorded between meetings");
		}
		at += (size_t)snprintf(buf + at, len - at, ", %d discussed", discussed);
	}
	if (messages && at < len) {
		at += (size_t)snprintf(buf + at, len - at, "%s%d%s %s to acknowledge",
				       items ? "; " : "", messages,
				       messages >= MESSAGES_SHOWN ? " or more" : "",
				       text_plural(messages, "message", "messages"));
		if (late && at < len)
			snprintf(buf + at, len - at, ", %d overdue", late);
	}
}

/* "by ana, 2026-11-25 · Sales · Ana Ruiz" (caller frees) */
static char *item_meta(const struct waiting_item *w)
{
	char date[16];
	date_format(date_from_time(w->it.created_at), date, sizeof date);
	struct strbuf sb;
	sb_init(&sb);
	if (actor_known(w->recorded_by))
		sb_addf(&sb, "by %s, ", w->recorded_by);
	sb_add(&sb, date);
	if (w->it.dept_name)
		sb_addf(&sb, " · %s", w->it.dept_name);
	if (w->it.person_name)
		sb_addf(&sb, " · %s", w->it.person_name);
	return sb_take(&sb);
}

/* "from Ana Ruiz · 2026-11-24 · overdue" (caller frees) */
static char *message_meta(const struct message_row *m, bool late)
{
	char date[16];
	date_format(date_from_time(m->meeting_at ? m->meeting_at : m->created_at), date,
		    sizeof date);
	struct strbuf sb;
	sb_init(&sb);
	if (m->person_name)
		sb_addf(&sb, "from %s · ", m->person_name);
	sb_addf(&sb, "%s%s", date, late ? " · overdue" : "");
	return sb_take(&sb);
}

/* One row: its mark, its text (which keeps what it needs), then who and when. */
static void entry_draw(struct tui *t, const struct entry *e, int y, int x, int w, bool cur)
{
	struct meeting_view *mv = t->mv;
	bool done = false, late = false;
	char *text, *meta;
	if (e->message) {
		const struct message_row *m = &mv->messages[e->i];
		late = message_overdue(m, &mv->org.cadence, clock_today());
		text = xasprintf("To %s: %s", m->dept_name ? m->dept_name : "?", m->text);
		meta = message_meta(m, late);
	} else {
		const struct waiting_item *wi = &mv->waiting[e->i];
		done = wi->discussed;
		text = xstrdup(wi->it.text);
		meta = item_meta(wi);
	}
	int avail = w - 4 /* the mark */, mw = list_meta_cols(avail, text_cols(text), text_cols(meta));
	/* Whole parts, no name cut: a message keeps who sent it; an item who
	 * recorded it and when, then the name. */
	char *from = e->message && mv->messages[e->i].person_name
			     ? xasprintf("from %s", mv->messages[e->i].person_name) : NULL;
	bool named = from || (!e->message && mv->waiting[e->i].it.person_name);
	char *cut = list_meta_cut(meta, from, mw);
	free(from);
	free(meta);
	meta = cut;
	attr_t a = cur ? theme(C_SELECTED) : done ? theme(C_MUTED) : theme(C_NORMAL);
	draw_fill(y, x, w, a);
	int used = draw_text(y, x, done ? "[x] " : "[ ] ", w,
			     cur ? a : done ? theme(C_OK) : late ? theme(C_WARNING) : theme(C_ACCENT));
	mw = list_meta_room(avail, mw, meta, named);
	draw_text_fit(y, x + used, text, avail - (mw ? mw + 2 : 0), a);
	if (mw > 4)
		draw_text_fit(y, x + w - mw, meta, mw,
			      cur ? a : late ? theme(C_WARNING) : theme(C_MUTED));
	free(text);
	free(meta);
}

int waiting_draw(struct tui *t, int y, int x, int h, int w)
{
	struct meeting_view *mv = t->mv;
	struct entry *e;
	size_t n = here(mv, &e);
	if (n == 0 || h < 3) {
		mv->waiting_focus = false;
		free(e);
		return 0;
	}
	char head[400], line[500];
	heading(mv, e, n, head, sizeof head);
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
		entry_draw(t, &e[i], y + 1 + r, x, w, mv->waiting_focus && i == mv->waiting_sel);
	}
	free(e);
	return 1 + rows + 1;
}

/* Marks the recorded item discussed, or not any more. */
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

/* The message's department acknowledges it, in this meeting. */
static void acknowledge(struct tui *t, const struct message_row *m)
{
	struct meeting_view *mv = t->mv;
	char err[600] = "";
	store_id item = m->item_id;
	char *dept = xstrdup(m->dept_name ? m->dept_name : "The department");
	enum store_rc rc = message_acknowledge(t->st, item, m->dept_id, mv->run.m.id, clock_now(),
					       NULL, err, sizeof err);
	if (rc != STORE_OK)
		tui_flash(t, true, "Not saved: %s", *err ? err : store_errmsg(t->st));
	else
		tui_flash(t, false, "%s acknowledged message #%lld.", dept, (long long)item);
	free(dept);
	waiting_load(t);
}

enum action waiting_key(struct tui *t, enum action a)
{
	struct meeting_view *mv = t->mv;
	struct entry *e;
	size_t n = here(mv, &e);
	if (n == 0) {
		mv->waiting_focus = false;
		free(e);
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
	case ACT_SELECT: {
		const struct entry *cur = &e[mv->waiting_sel < (int)n ? mv->waiting_sel : 0];
		if (cur->message)
			acknowledge(t, &mv->messages[cur->i]);
		else
			toggle(t, &mv->waiting[cur->i]);
		a = ACT_NONE;
		break;
	}
	case ACT_QUIT: /* Esc or q: back to the step's own list */
		mv->waiting_focus = false;
		a = ACT_NONE;
		break;
	default:
		break;
	}
	free(e);
	return a;
}
