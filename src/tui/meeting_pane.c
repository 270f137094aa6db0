/* meeting_pane.c - what the meeting runner's panes share with it: the rows of
 * the current pane read again, the row under the cursor, moving it, and
 * capturing an item there. The runner (view_meeting.c) hands the panes in
 * (mv->pane_for), so that the panes, which call these, and the runner,
 * which calls the panes, make no circle. */
#include <stdlib.h>
#include <string.h>

#include "meeting_view.h"
#include "list.h"
#include "dialog.h"
#include "form.h"
#include "cxmeet/chain.h"
#include "cxmeet/util.h"

const struct pane_ops *mv_pane(struct tui *t)
{
	return t->mv->pane_of(meeting_current(&t->mv->run)->kind);
}

void mv_reload(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	mv->chain_of = 0; /* a capture may have added to it */
	item_list_free(mv->items, mv->n_items);
	mv->items = NULL;
	mv->n_items = 0;
	mv_pane(t)->load(t);
	waiting_load(t);
	if (mv->sel >= (int)mv->total)
		mv->sel = mv->total ? (int)mv->total - 1 : 0;
}

const struct item *mv_selected(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	long i = (long)mv->sel - (long)mv->offset;
	return i >= 0 && (size_t)i < mv->n_items ? &mv->items[i] : NULL;
}

static void chain_win(struct strbuf *sb, const char *sep, const struct chain_win *w)
{
	sb_addf(sb, "%s→ win: %s", sep, w->it.text);
	if (w->measure)
		sb_addf(sb, " → moved %s", w->measure);
}

/* "→ action: Fix the FAQ (done) → win: Calls down → moved NPS; → action: ..." */
static char *chain_line(const struct story_chain *c)
{
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < c->n_actions; i++) {
		const struct item *a = &c->actions[i];
		sb_addf(&sb, "%s→ action: %s (%s)", i ? "; " : "", a->text,
			item_status_name(a->status));
		for (size_t k = 0; k < c->n_wins; k++)
			if (c->wins[k].from_action == a->id)
				chain_win(&sb, " ", &c->wins[k]);
	}
	for (size_t k = 0; k < c->n_wins; k++)
		if (!c->wins[k].from_action)
			chain_win(&sb, sb.len ? "; " : "", &c->wins[k]);
	return sb_take(&sb);
}

const char *mv_chain(struct tui *t, const struct item *it)
{
	struct meeting_view *mv = t->mv;
	if (!it || it->kind != ITEM_STORY)
		return NULL;
	if (mv->chain_of != it->id) {
		free(mv->chain_text);
		mv->chain_text = NULL;
		mv->chain_of = it->id;
		struct story_chain c;
		if (story_chain_load(t->st, it->id, &c) == STORE_OK) {
			if (story_chain_any(&c))
				mv->chain_text = chain_line(&c);
			story_chain_free(&c);
		}
	}
	return mv->chain_text;
}

bool mv_move(struct tui *t, enum action a, size_t n, int page)
{
	return cursor_move(&t->mv->sel, a, n, page);
}

/* The capture u would take back first. */
static void remember_capture(struct meeting_view *mv, store_id id)
{
	if (mv->n_captured == MV_UNDO_MAX) { /* the oldest goes */
		memmove(mv->captured, mv->captured + 1, (MV_UNDO_MAX - 1) * sizeof *mv->captured);
		mv->n_captured--;
	}
	mv->captured[mv->n_captured++] = id;
}

/* The text of a read-back or an undo is cut past this many columns, so that
 * the owner and the due date after it stay in view. */
#define READ_BACK_TEXT_COLS 60

/* A new action read back as saved, for the room to confirm: who owns it, for
 * which department, by when. Kept on the status line until the next key. */
static void read_back(struct tui *t, store_id id)
{
	struct item it;
	if (store_item_get(t->st, id, &it) != STORE_OK) {
		tui_flash(t, false, "Saved action #%lld.", (long long)id);
		return;
	}
	char *line = item_read_back(&it, READ_BACK_TEXT_COLS);
	tui_flash(t, false, "%s", line);
	free(line);
	item_free(&it);
}

/* A capture made in another step than the one on screen is taken back only
 * when the facilitator says so, seeing what it is: what u takes back is then
 * never a surprise. True to go on (nothing to ask, or yes). */
static bool undo_confirmed(struct tui *t, store_id id)
{
	struct meeting_view *mv = t->mv;
	struct item it;
	if (store_item_get(t->st, id, &it) != STORE_OK)
		return true; /* gone or unreadable: the undo says so */
	bool ok = true;
	const struct meeting_step *cur = meeting_current(&mv->run);
	if (!it.deleted_at && it.step_id != cur->id) {
		int step = 0;
		const char *title = NULL;
		for (size_t i = 0; i < mv->run.n_steps; i++)
			if (mv->run.steps[i].id == it.step_id)
				step = (int)i + 1, title = mv->run.steps[i].title;
		char *q = item_undo_question(&it, step, title, READ_BACK_TEXT_COLS);
		ok = dialog_confirm(t, q);
		free(q);
		if (!ok)
			tui_flash(t, false, "Nothing undone.");
	}
	item_free(&it);
	return ok;
}

void mv_undo(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	while (mv->n_captured > 0) {
		store_id id = mv->captured[mv->n_captured - 1];
		struct item it;
		if (!undo_confirmed(t, id))
			return;
		if (mv->hold_lost) /* found under the question: told as it closes */
			return;
		enum store_rc rc = meeting_undo_capture(t->st, id, mv->run.m.id, clock_now(), &it);
		if (rc == STORE_NOTFOUND) { /* deleted since (X): the one before it */
			mv->n_captured--;
			continue;
		}
		if (rc != STORE_OK) { /* kept, to be tried again */
			tui_flash(t, true, "Not undone: %s", store_errmsg(t->st));
			return;
		}
		mv->n_captured--;
		char *line = item_undone_line(&it, READ_BACK_TEXT_COLS);
		tui_flash(t, false, "%s%s", line,
			  mv->n_captured ? "" : " Nothing more to undo.");
		free(line);
		item_free(&it);
		mv_reload(t);
		return;
	}
	tui_flash(t, false, "Nothing to undo: no capture made on this screen in this meeting is "
			    "left.");
}

bool mv_capture(struct tui *t, enum item_kind kind, const struct item *link)
{
	struct meeting_view *mv = t->mv;
	const struct meeting_step *step = meeting_current(&mv->run);
	struct item it = {.kind = kind, .due = DATE_NONE, .revisit = DATE_NONE};
	bool saved = form_item(t, &it, mv->run.m.id, step->id, link);
	if (saved) {
		/* The form returned after the commit: only now is it shown as saved.
		 * The step's time is this screen's only while it holds the meeting. */
		if (!mv->hold_lost)
			meeting_flush_time(&mv->run, clock_now());
		remember_capture(mv, it.id);
		if (kind == ITEM_WIN && win_only_a_number(it.text))
			tui_flash(t, true, "Saved win #%lld. " WIN_ONLY_A_NUMBER_ADVICE " (e edits it).",
				  (long long)it.id);
		else if (kind == ITEM_ACTION)
			read_back(t, it.id);
		else
			tui_flash(t, false, "Saved %s #%lld.", item_kind_label(kind), (long long)it.id);
		mv_reload(t);
		for (size_t i = 0; i < mv->n_items; i++)
			if (mv->items[i].id == it.id)
				mv->sel = (int)(mv->offset + i);
	}
	return saved;
}
