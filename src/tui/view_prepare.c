/* view_prepare.c - this meeting's agenda, before it starts: the facilitator
 * picks a template, then adjusts this meeting's own copy (skip a step, add a
 * guest topic, change minutes, reorder) without touching the template.
 * Nothing is written until Enter starts the meeting; Esc starts nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda_view.h"
#include "draw.h"
#include "list.h"
#include "dialog.h"
#include "views.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"


struct prepare_state {
	store_id tid;
	struct agenda_template t; /* this meeting's copy, in memory until the start */
	int sel, top;
	/* what was recorded since the last meeting, for this one */
	struct waiting_item *waiting;
	size_t n_waiting;
};

/* At most this many recorded items are read, and talking points listed. */
#define PREPARE_WAITING_MAX 500
#define PREPARE_TOPICS_SHOWN 4

/* What was recorded for this meeting, over the rows under the steps: the
 * count by kind, then the talking points, which this meeting takes up.
 * Returns the rows it needs (0: nothing recorded). */
static int waiting_rows(const struct prepare_state *pr)
{
	if (!pr->n_waiting)
		return 0;
	int topics = 0;
	for (size_t i = 0; i < pr->n_waiting; i++)
		topics += pr->waiting[i].it.kind == ITEM_TOPIC;
	return 2 + (topics > PREPARE_TOPICS_SHOWN ? PREPARE_TOPICS_SHOWN + 1 : topics);
}

static void waiting_draw(const struct prepare_state *pr, int y, int cols)
{
	int kinds[ITEM_KIND_COUNT] = {0};
	for (size_t i = 0; i < pr->n_waiting; i++)
		kinds[pr->waiting[i].it.kind]++;
	char line[400];
	size_t at = (size_t)snprintf(line, sizeof line, "  Recorded for this meeting:");
	const char *sep = " ";
	for (int k = 0; k < ITEM_KIND_COUNT && at < sizeof line; k++)
		if (kinds[k]) {
			at += (size_t)snprintf(line + at, sizeof line - at, "%s%d %s", sep, kinds[k],
					       item_kind_plural((enum item_kind)k, kinds[k]));
			sep = ", ";
		}
	draw_line(y, 0, line, cols, theme(C_HEADING));
	int shown = 0;
	for (size_t i = 0; i < pr->n_waiting; i++) {
		if (pr->waiting[i].it.kind != ITEM_TOPIC)
			continue;
		if (shown == PREPARE_TOPICS_SHOWN) {
			snprintf(line, sizeof line, "    and %d more talking points",
				 kinds[ITEM_TOPIC] - shown);
			draw_line(y + 1 + shown, 0, line, cols, theme(C_MUTED));
			break;
		}
		char *row = xasprintf("    Talking point: %s", pr->waiting[i].it.text);
		draw_line(y + 1 + shown++, 0, row, cols, theme(C_ACCENT));
		free(row);
	}
}

static void prepare_draw(struct tui *t)
{
	struct prepare_state *pr = tui_state(t, &view_prepare);
	char line[300];
	snprintf(line, sizeof line, " This meeting's agenda (from %s)  %zu %s, %d min",
		 pr->t.name, pr->t.n_steps, text_plural((long long)pr->t.n_steps, "step", "steps"),
		 agenda_minutes(&pr->t));
	draw_line(0, 0, line, t->cols, theme(C_TITLE));
	int prompt_h = t->compact ? 4 : 6;
	int wait_h = waiting_rows(pr);
	if (t->rows - 3 - prompt_h - wait_h < 3) /* a small screen keeps the steps */
		wait_h = 0;
	int list_h = t->rows - 3 - prompt_h - wait_h;
	steps_draw(&pr->t, pr->sel, &pr->top, 1, list_h, t->cols);
	tui_area_add(t, &(struct tui_area){.kind = AREA_LIST, .y = 1, .h = list_h, .w = t->cols,
					   .top = pr->top, .sel = pr->sel, .n = pr->t.n_steps});
	if (wait_h)
		waiting_draw(pr, 1 + list_h, t->cols);
	step_prompt_draw(&pr->t, pr->sel, 2 + list_h + wait_h, prompt_h, t->cols);
	draw_line(t->rows - 1, 0, " Enter start  s skip  a guest topic  e minutes  K/J move  "
				  "Esc back", t->cols, theme(C_STATUS));
}

static void toggle_skip(struct tui *t)
{
	struct prepare_state *pr = tui_state(t, &view_prepare);
	char err[256];
	if (agenda_toggle_skip(&pr->t, (size_t)pr->sel, err, sizeof err) != 0) {
		tui_flash(t, true, "%s", err);
		return;
	}
	const struct agenda_step *s = &pr->t.steps[pr->sel];
	tui_flash(t, false, "%s %s (this meeting only).", s->skipped ? "Skipping" : "Keeping",
		  s->title);
}

static void add_topic(struct tui *t)
{
	struct prepare_state *pr = tui_state(t, &view_prepare);
	char *title = ask_new_step_title(t, &pr->t, "Guest topic: its title");
	if (!title)
		return;
	int minutes = ask_step_minutes(t, "Planned minutes (1 to 240)", 10);
	if (minutes > 0) {
		struct agenda_step s = {.title = title, .kind = STEP_TOPIC, .minutes = minutes,
					.prompt = ""};
		/* At the cursor: before the step under it, so a topic goes ahead of the wrap-up. */
		agenda_insert_step(&pr->t, (size_t)pr->sel, &s);
		tui_flash(t, false, "Guest topic added (this meeting only).");
	}
	free(title);
}

static void change_minutes(struct tui *t)
{
	struct prepare_state *pr = tui_state(t, &view_prepare);
	struct agenda_step *s = &pr->t.steps[pr->sel];
	int minutes = ask_step_minutes(t, "Planned minutes for this meeting (1 to 240)",
				       s->minutes ? s->minutes : 1);
	if (minutes > 0)
		s->minutes = minutes;
}

static void move_step(struct prepare_state *pr, int dir)
{
	int to = pr->sel + dir;
	if (to < 0 || to >= (int)pr->t.n_steps)
		return;
	agenda_swap_steps(&pr->t, (size_t)pr->sel, (size_t)to);
	pr->sel = to;
}

enum {
	PR_START = ACT_VIEW,
	PR_SKIP,
	PR_ADD,
};

static const struct keymap_entry prepare_keys[] = {
	KM_HEADING("This meeting's agenda"),
	{PR_START, "start", "Start the meeting on this agenda",
	 {KM_CH('\n'), KM_CH('\r'), KM_FN(KEY_ENTER)}},
	{PR_SKIP, "skip", "Skip the step in this meeting, or take it back", {KM_CH('s'), KM_CH(' ')}},
	{PR_ADD, "add-topic", "Add a topic as a step of this meeting", {KM_CH('a')}},
	{ACT_EDIT, "minutes", "Change the step's planned minutes", {{0, false}}},
	{ACT_MOVE_UP, "move-up", "Move the step up", {{0, false}}},
	{ACT_MOVE_DOWN, "move-down", "Move the step down", {{0, false}}},
	{ACT_QUIT, "back", "Back to the home screen: no meeting is started", {KM_CH(ESC)}},
};

static const struct keymap prepare_keymap = KEYMAP("this meeting's agenda", prepare_keys);

static enum action prepare_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	struct prepare_state *pr = tui_state(t, &view_prepare);
	int own = keymap_find(&prepare_keymap, ch, is_key);
	if (own == PR_START) {
		/* Written in one transaction; on failure the screen stays as it was. */
		meeting_view_start(t, pr->tid, &pr->t);
		return ACT_NONE;
	}
	if (own == ACT_QUIT) { /* Esc */
		tui_back(t);
		tui_flash(t, false, "No meeting started.");
		return ACT_NONE;
	}
	if (own == PR_SKIP) {
		toggle_skip(t);
		return ACT_NONE;
	}
	if (own == PR_ADD) {
		add_topic(t);
		return ACT_NONE;
	}
	if (cursor_move(&pr->sel, a, pr->t.n_steps, t->rows - 10))
		return ACT_NONE;
	switch (a) {
	case ACT_EDIT:
		change_minutes(t);
		return ACT_NONE;
	case ACT_MOVE_UP:
		move_step(pr, -1);
		return ACT_NONE;
	case ACT_MOVE_DOWN:
		move_step(pr, 1);
		return ACT_NONE;
	case ACT_QUIT:
		tui_back(t);
		tui_flash(t, false, "No meeting started.");
		return ACT_NONE;
	case ACT_HELP:
	case ACT_REDRAW:
		return a;
	default:
		return ACT_NONE;
	}
}

static void prepare_close(struct tui *t)
{
	struct prepare_state *pr = tui_state(t, &view_prepare);
	agenda_free(&pr->t);
	waiting_items_free(pr->waiting, pr->n_waiting);
	memset(pr, 0, sizeof *pr);
}

const struct view_ops view_prepare = {
	.name = "prepare",
	.keymap = &prepare_keymap, .private_size = sizeof(struct prepare_state),
	.draw = prepare_draw,
	.key = prepare_key,
	.close = prepare_close,
};

/* The template to start from: the only one, or the facilitator's pick with
 * the default first (so Enter takes it). 0 when cancelled. */
static store_id pick_template(struct tui *t)
{
	struct template_info *ti;
	size_t n;
	if (store_template_list(t->st, &ti, &n) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return 0;
	}
	store_id id = 0;
	if (n == 1) {
		id = ti[0].id;
	} else if (n > 1) {
		struct pick_option *o = xcalloc(n, sizeof *o);
		size_t k = 0;
		for (int pass = 0; pass < 2; pass++)
			for (size_t i = 0; i < n; i++)
				if (ti[i].is_default == (pass == 0))
					o[k++] = (struct pick_option){
						ti[i].id, xstrdup(ti[i].name),
						xasprintf("%zu %s, %d min%s", ti[i].n_steps,
							  text_plural((long long)ti[i].n_steps,
								      "step", "steps"),
							  ti[i].minutes,
							  ti[i].is_default ? ", default" : "")};
		int c = dialog_pick(t, "Which agenda?", o, n, "", NULL);
		id = c >= 0 ? o[c].id : 0;
		pick_options_free(o, n);
	} else {
		tui_flash(t, true, "There is no agenda template: add one with cxmeet agenda import.");
	}
	template_list_free(ti, n);
	return id;
}

void prepare_view_open(struct tui *t)
{
	struct prepare_state *pr = tui_state(t, &view_prepare);
	store_id id = pick_template(t);
	if (!id)
		return;
	struct agenda_template copy;
	if (store_template_get(t->st, id, &copy) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	tui_open_view(t, &view_prepare);
	pr->tid = id;
	pr->t = copy;
	pr->sel = pr->top = 0;
	waiting_items_free(pr->waiting, pr->n_waiting);
	pr->waiting = NULL;
	pr->n_waiting = 0;
	if (store_waiting_items(t->st, 0, PREPARE_WAITING_MAX, &pr->waiting, &pr->n_waiting) !=
	    STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
}
