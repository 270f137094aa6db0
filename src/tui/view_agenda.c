/* view_agenda.c - the agenda template editor: the list of templates (the
 * default marked; copy, rename, make default, archive), and one template's
 * steps (add, edit, prompt, delete, move). Every change is saved at once, in
 * one transaction, before the screen says it is saved. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda_view.h"
#include "draw.h"
#include "list.h"
#include "dialog.h"
#include "form.h"
#include "views.h"
#include "cxmeet/names.h"
#include "cxmeet/templates.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

struct agenda_state {
	bool in_steps;
	struct template_info *list;
	size_t n;
	int sel, top;
	/* the template open in the steps screen */
	store_id tid;
	struct agenda_template t;
	int ssel, stop;
};

/* --- the list of templates ---------------------------------------------- */

static void list_load(struct tui *t)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	template_list_free(ag->list, ag->n);
	ag->list = NULL;
	ag->n = 0;
	if (store_template_list(t->st, &ag->list, &ag->n) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	if (ag->sel >= (int)ag->n)
		ag->sel = ag->n ? (int)ag->n - 1 : 0;
}

static void list_select_id(struct agenda_state *ag, store_id id)
{
	for (size_t i = 0; i < ag->n; i++)
		if (ag->list[i].id == id)
			ag->sel = (int)i;
}

static const struct template_info *list_cur(struct agenda_state *ag)
{
	return ag->sel >= 0 && (size_t)ag->sel < ag->n ? &ag->list[ag->sel] : NULL;
}

static void list_draw(struct tui *t)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	draw_line(0, 0, " Agenda templates", t->cols, theme(C_TITLE));
	int w = t->cols, h = t->rows - 4;
	char line[300];
	/* The same columns as the rows' numbers below. */
	snprintf(line, sizeof line, " %6s %8s ", "Steps", "Minutes");
	int hw = text_cols(line);
	draw_line(1, 0, "   Name", w - hw, theme(C_HEADING));
	draw_line(1, w - hw, line, hw, theme(C_HEADING));
	list_area(t, 2, 0, w, h, ag->sel, &ag->top, ag->n);
	for (int r = 0; r < h; r++) {
		size_t i = (size_t)(ag->top + r);
		if (i >= ag->n)
			break;
		const struct template_info *ti = &ag->list[i];
		attr_t a = (int)i == ag->sel ? theme(C_SELECTED) : theme(C_NORMAL);
		char name[260], nums[32];
		snprintf(name, sizeof name, " %c %s%s", ti->is_default ? '*' : ' ', ti->name,
			 ti->is_default ? " (default)" : "");
		snprintf(nums, sizeof nums, " %6zu %8d ", ti->n_steps, ti->minutes);
		int nw = text_cols(nums);
		draw_line(2 + r, 0, name, w - nw, a);
		draw_line(2 + r, w - nw, nums, nw, a);
	}
	draw_hint(t->rows - 1, t->cols, " Enter steps  n new copy  r rename  d default  X archive  "
		  "q back  ? help", " Enter steps  n copy  r rename  d default  X archive  q back",
		  theme(C_STATUS));
}

struct agenda_name_check {
	struct tui *t;
	store_id self; /* the agenda renamed (0: a new one) */
};

/* Refuses an empty or bad name, and one another agenda has in any case, in
 * the dialog: what was typed stays there to be corrected. */
static const char *check_name(const char *text, void *ctx, char *buf, size_t len)
{
	const struct agenda_name_check *c = ctx;
	char *clean = text_clean(text, TEXT_NAME, "agenda name", buf, len);
	if (!clean)
		return buf;
	store_id other = 0;
	bool taken = template_find(c->t->st, clean, &other) == STORE_OK && other != c->self;
	free(clean);
	if (!taken)
		return NULL;
	snprintf(buf, len, "Taken: another agenda has this name (case is ignored).");
	return buf;
}

static void list_copy(struct tui *t, const struct template_info *ti)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	char title[300];
	snprintf(title, sizeof title, "New agenda, a copy of %s: its name", ti->name);
	struct agenda_name_check c = {t, 0};
	char *name = dialog_input(t, title, "", check_name, &c);
	if (!name)
		return;
	store_id id;
	if (template_copy(t->st, ti->id, name, &id) != STORE_OK) {
		tui_flash(t, true, "Not saved: %s", store_errmsg(t->st));
	} else {
		list_load(t);
		list_select_id(ag, id);
		tui_flash(t, false, "Saved: agenda %s added.", name);
	}
	free(name);
}

static void list_rename(struct tui *t, const struct template_info *ti)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	struct agenda_name_check c = {t, ti->id};
	char *name = dialog_input(t, "Rename the agenda", ti->name, check_name, &c);
	if (!name)
		return;
	store_id id = ti->id;
	if (template_rename(t->st, id, name) != STORE_OK) {
		tui_flash(t, true, "Not saved: %s", store_errmsg(t->st));
	} else {
		list_load(t);
		list_select_id(ag, id);
		tui_flash(t, false, "Saved: renamed to %s.", name);
	}
	free(name);
}

static void list_default(struct tui *t, const struct template_info *ti)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	store_id id = ti->id;
	if (store_template_set_default(t->st, id) != STORE_OK) {
		tui_flash(t, true, "Not saved: %s", store_errmsg(t->st));
		return;
	}
	list_load(t);
	list_select_id(ag, id);
	tui_flash(t, false, "Saved: %s is the default agenda.", ag->list[ag->sel].name);
}

static void list_archive(struct tui *t, const struct template_info *ti)
{
	if (ti->is_default) {
		tui_flash(t, true, "The default agenda cannot be archived: make another the "
				   "default.");
		return;
	}
	char q[300];
	snprintf(q, sizeof q, "Archive the agenda %s? Past meetings keep their own copies.",
		 ti->name);
	if (!dialog_confirm(t, q))
		return;
	if (store_template_archive(t->st, ti->id) != STORE_OK) {
		tui_flash(t, true, "Not saved: %s", store_errmsg(t->st));
		return;
	}
	list_load(t);
	tui_flash(t, false, "Saved: agenda archived.");
}

static bool steps_open(struct tui *t, store_id id);

enum {
	AG_COPY = ACT_VIEW,
	AG_RENAME,
	AG_DEFAULT,
	AG_ADD_STEP,
	AG_PROMPT,
	AG_PROMPT_EDITOR,
};

static const struct keymap_entry agenda_keys[] = {
	KM_HEADING("Agenda templates"),
	{ACT_SELECT, "steps", "Open the agenda's steps", {{0, false}}},
	{AG_COPY, "copy", "A new agenda, a copy of this one", {KM_CH('n')}},
	{AG_RENAME, "rename", "Rename the agenda", {KM_CH('r')}},
	{AG_DEFAULT, "default", "Make it the agenda meetings start with", {KM_CH('d')}},
	{ACT_DELETE, "archive", "Archive the agenda", {{0, false}}},
	{ACT_QUIT, "back", "Back to the home screen", {{0, false}}},
	KM_HEADING("An agenda's steps"),
	{ACT_EDIT, "edit", "Edit the step: title, minutes, kind", {{0, false}}},
	{ACT_SELECT, "edit", "Edit the step, as e does", {{0, false}}},
	{AG_ADD_STEP, "add", "Add a step", {KM_CH('a')}},
	{AG_PROMPT, "prompt", "Edit the step's prompt (the question the screen asks)",
	 {KM_CH('p')}},
	{AG_PROMPT_EDITOR, "prompt-editor", "Edit the step's prompt in $EDITOR",
	 {KM_CH('P'), KM_CH(CTRL('e'))}},
	{ACT_MOVE_UP, "move-up", "Move the step up", {{0, false}}},
	{ACT_MOVE_DOWN, "move-down", "Move the step down", {{0, false}}},
	{ACT_DELETE, "delete", "Delete the step", {{0, false}}},
	{ACT_QUIT, "back", "Back to the agenda templates", {{0, false}}},
};

static const struct keymap agenda_keymap = KEYMAP("agenda templates", agenda_keys);

static enum action list_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	const struct template_info *ti = list_cur(ag);
	if (cursor_move(&ag->sel, a, ag->n, t->rows - 4))
		return ACT_NONE;
	if (ti) {
		switch (keymap_find(&agenda_keymap, ch, is_key)) {
		case AG_COPY: list_copy(t, ti); return ACT_NONE;
		case AG_RENAME: list_rename(t, ti); return ACT_NONE;
		case AG_DEFAULT: list_default(t, ti); return ACT_NONE;
		default: break;
		}
	}
	if (a == ACT_SELECT && ti) {
		steps_open(t, ti->id);
		return ACT_NONE;
	}
	if (a == ACT_DELETE && ti) {
		list_archive(t, ti);
		return ACT_NONE;
	}
	if (a == ACT_QUIT) {
		tui_back(t);
		return ACT_NONE;
	}
	return a == ACT_HELP || a == ACT_REDRAW ? a : ACT_NONE;
}

/* --- one template's steps ----------------------------------------------- */

static bool steps_open(struct tui *t, store_id id)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	struct agenda_template next;
	if (store_template_get(t->st, id, &next) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return false;
	}
	agenda_free(&ag->t);
	ag->t = next;
	ag->tid = id;
	ag->in_steps = true;
	ag->ssel = ag->stop = 0;
	return true;
}

/* Saves `next` as the template's steps; only once that committed does it
 * become what the screen shows. Takes next either way. */
static bool steps_save(struct tui *t, struct agenda_template *next, const char *done)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	if (template_save_steps(t->st, ag->tid, next) != STORE_OK) {
		tui_flash(t, true, "Not saved: %s", store_errmsg(t->st));
		agenda_free(next);
		return false;
	}
	agenda_free(&ag->t);
	ag->t = *next;
	tui_flash(t, false, "Saved: %s.", done);
	return true;
}

static void steps_draw_view(struct tui *t)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	char line[300];
	bool is_default = false;
	for (size_t i = 0; i < ag->n; i++)
		if (ag->list[i].id == ag->tid)
			is_default = ag->list[i].is_default;
	snprintf(line, sizeof line, " Agenda: %s%s  %zu %s, %d min", ag->t.name,
		 is_default ? " (default)" : "", ag->t.n_steps,
		 text_plural((long long)ag->t.n_steps, "step", "steps"), agenda_minutes(&ag->t));
	draw_line(0, 0, line, t->cols, theme(C_TITLE));
	int prompt_h = t->compact ? 4 : 6;
	int list_h = t->rows - 3 - prompt_h;
	steps_draw(&ag->t, ag->ssel, &ag->stop, 1, list_h, t->cols);
	tui_area_add(t, &(struct tui_area){.kind = AREA_LIST, .y = 1, .h = list_h, .w = t->cols,
					   .top = ag->stop, .sel = ag->ssel, .n = ag->t.n_steps});
	step_prompt_draw(&ag->t, ag->ssel, 2 + list_h, prompt_h, t->cols);
	draw_line(t->rows - 1, 0, " e edit  a add  p prompt  K/J move  X delete  q back  ? help",
		  t->cols, theme(C_STATUS));
}

static void step_add(struct tui *t)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	char *title = ask_new_step_title(t, &ag->t, "New step: its title");
	if (!title)
		return;
	int minutes = ask_step_minutes(t, "Planned minutes (1 to 240)", 5);
	int kind = minutes < 0 ? -1 : ask_step_kind(t, STEP_TOPIC);
	if (kind >= 0) {
		struct agenda_template next;
		agenda_copy(&ag->t, &next);
		struct agenda_step s = {.title = title, .kind = (enum step_kind)kind,
					.minutes = minutes, .prompt = ""};
		size_t at = ag->t.n_steps ? (size_t)ag->ssel + 1 : 0;
		agenda_insert_step(&next, at, &s);
		if (steps_save(t, &next, "step added"))
			ag->ssel = (int)at;
	}
	free(title);
}

/* Title, minutes, kind, one dialog after the other. Esc on a later one keeps
 * that answer and the ones after as they were, but what was already given is
 * saved: a title typed and then an Esc on the minutes is not lost. */
static void step_edit(struct tui *t)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	const struct agenda_step *cur = &ag->t.steps[ag->ssel];
	char *title = ask_step_title(t, "Step title", cur->title);
	if (!title)
		return;
	int minutes = ask_step_minutes(t, "Planned minutes (1 to 240)",
				       cur->minutes ? cur->minutes : 1);
	int kind = minutes < 0 ? -1 : ask_step_kind(t, cur->kind);
	if (minutes < 0 && strcmp(title, cur->title) == 0) {
		free(title);
		return;
	}
	struct agenda_template next;
	agenda_copy(&ag->t, &next);
	struct agenda_step *s = &next.steps[ag->ssel];
	free(s->title);
	s->title = title;
	if (minutes >= 0)
		s->minutes = minutes;
	if (kind >= 0)
		s->kind = (enum step_kind)kind;
	steps_save(t, &next, "step changed");
}

/* The prompt in $VISUAL/$EDITOR (for several lines). */
static char *prompt_external(struct tui *t, const char *cur)
{
	char *out = NULL, err[256];
	if (tui_edit_external(t, cur, &out, err, sizeof err) != 0) {
		tui_flash(t, true, "Not saved: %s", err);
		return NULL;
	}
	return out;
}

static void step_prompt(struct tui *t, bool external)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	const char *cur = ag->t.steps[ag->ssel].prompt;
	/* A prompt of several lines does not fit the one-line dialog. */
	if (strchr(cur, '\n') || strlen(cur) >= TEXT_MAX_SHORT)
		external = true;
	char *text = external
		? prompt_external(t, cur)
		: dialog_input(t, "Facilitator prompt (P: in $EDITOR)", cur, NULL, NULL);
	if (!text)
		return;
	char err[256];
	char *clean = text_clean(text, TEXT_LONG, "prompt", err, sizeof err);
	free(text);
	if (!clean) {
		tui_flash(t, true, "Not saved: %s", err);
		return;
	}
	struct agenda_template next;
	agenda_copy(&ag->t, &next);
	free(next.steps[ag->ssel].prompt);
	next.steps[ag->ssel].prompt = clean;
	steps_save(t, &next, "prompt changed");
}

static void step_delete(struct tui *t)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	if (ag->t.n_steps <= 1) {
		tui_flash(t, true, "An agenda needs at least one step: nothing deleted.");
		return;
	}
	char q[300];
	snprintf(q, sizeof q, "Delete the step %s from this template?", ag->t.steps[ag->ssel].title);
	if (!dialog_confirm(t, q))
		return;
	struct agenda_template next;
	agenda_copy(&ag->t, &next);
	agenda_remove_step(&next, (size_t)ag->ssel);
	if (steps_save(t, &next, "step deleted") && ag->ssel >= (int)ag->t.n_steps)
		ag->ssel = (int)ag->t.n_steps - 1;
}

static void step_move(struct tui *t, int dir)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	int to = ag->ssel + dir;
	if (to < 0 || to >= (int)ag->t.n_steps)
		return;
	struct agenda_template next;
	agenda_copy(&ag->t, &next);
	agenda_swap_steps(&next, (size_t)ag->ssel, (size_t)to);
	if (steps_save(t, &next, dir < 0 ? "step moved up" : "step moved down"))
		ag->ssel = to;
}

static enum action steps_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	if (cursor_move(&ag->ssel, a, ag->t.n_steps, t->rows - 10))
		return ACT_NONE;
	bool have = ag->t.n_steps > 0;
	int own = keymap_find(&agenda_keymap, ch, is_key);
	if (own == AG_ADD_STEP) {
		step_add(t);
		return ACT_NONE;
	}
	if ((own == AG_PROMPT || own == AG_PROMPT_EDITOR) && have) {
		step_prompt(t, own == AG_PROMPT_EDITOR);
		return ACT_NONE;
	}
	switch (a) {
	case ACT_EDIT:
	case ACT_SELECT:
		if (have)
			step_edit(t);
		return ACT_NONE;
	case ACT_DELETE:
		if (have)
			step_delete(t);
		return ACT_NONE;
	case ACT_MOVE_UP:
		step_move(t, -1);
		return ACT_NONE;
	case ACT_MOVE_DOWN:
		step_move(t, 1);
		return ACT_NONE;
	case ACT_QUIT:
		ag->in_steps = false;
		list_load(t);
		return ACT_NONE;
	case ACT_HELP:
	case ACT_REDRAW:
		return a;
	default:
		return ACT_NONE;
	}
}

/* --- the view ----------------------------------------------------------- */

static void agenda_draw(struct tui *t)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	if (ag->in_steps)
		steps_draw_view(t);
	else
		list_draw(t);
}

static enum action agenda_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	return ag->in_steps ? steps_key(t, ch, is_key, a) : list_key(t, ch, is_key, a);
}

static void agenda_close(struct tui *t)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	template_list_free(ag->list, ag->n);
	agenda_free(&ag->t);
	memset(ag, 0, sizeof *ag);
}

const struct view_ops view_agenda = {
	.name = "agenda",
	.keymap = &agenda_keymap, .private_size = sizeof(struct agenda_state),
	.draw = agenda_draw,
	.key = agenda_key,
	.close = agenda_close,
};

void agenda_view_open(struct tui *t)
{
	struct agenda_state *ag = tui_state(t, &view_agenda);
	memset(ag, 0, sizeof *ag);
	tui_open_view(t, &view_agenda);
	list_load(t);
	for (size_t i = 0; i < ag->n; i++)
		if (ag->list[i].is_default)
			ag->sel = (int)i;
}
