/* view_agenda.c - the agenda template editor: the list of templates (the
 * default marked; copy, rename, make default, archive), and one template's
 * steps (add, edit, prompt, delete, move). Every change is saved at once, in
 * one transaction, before the screen says it is saved. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda_view.h"
#include "cxmeet/templates.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

#define CTRL(c) ((c) & 0x1f)

static struct {
	bool in_steps;
	struct template_info *list;
	size_t n;
	int sel, top;
	/* the template open in the steps screen */
	store_id tid;
	struct agenda_template t;
	int ssel, stop;
} ag;

/* --- shared with view_prepare.c ----------------------------------------- */

void steps_draw(const struct agenda_template *t, int sel, int *top, int y, int h, int w)
{
	cursor_scroll(sel, top, h);
	int kind_w = w >= 70 ? 14 : 0, min_w = 8;
	for (int r = 0; r < h; r++) {
		size_t i = (size_t)(*top + r);
		if (i >= t->n_steps) {
			draw_fill(y + r, 0, w, theme(C_NORMAL));
			continue;
		}
		const struct agenda_step *s = &t->steps[i];
		attr_t a = (int)i == sel ? theme(C_SELECTED) : s->skipped ? theme(C_MUTED)
			   : theme(C_NORMAL);
		char line[300], mins[24];
		snprintf(line, sizeof line, " %2zu. %s%s", i + 1, s->skipped ? "(skipped) " : "",
			 s->title);
		snprintf(mins, sizeof mins, "%3d min ", s->minutes);
		draw_line(y + r, 0, line, w - kind_w - min_w, a);
		if (kind_w)
			draw_line(y + r, w - kind_w - min_w, step_kind_name(s->kind), kind_w, a);
		draw_line(y + r, w - min_w, mins, min_w, a);
	}
}

void step_prompt_draw(const struct agenda_template *t, int sel, int y, int h, int w)
{
	for (int r = 0; r < h; r++)
		draw_fill(y + r, 0, w, theme(C_NORMAL));
	if (h < 2 || sel < 0 || (size_t)sel >= t->n_steps)
		return;
	const char *p = t->steps[sel].prompt;
	draw_line(y, 2, "Prompt", w - 4, theme(C_HEADING));
	draw_wrapped(y + 1, 4, p && *p ? p : "(no prompt)", w - 6, h - 1, theme(C_MUTED));
}

static const char *check_title(const char *text, void *ctx, char *buf, size_t len)
{
	(void)ctx;
	char *clean = text_clean(text, TEXT_NAME, "step title", buf, len);
	if (!clean)
		return buf;
	free(clean);
	return NULL;
}

char *ask_new_step_title(struct tui *t, const struct agenda_template *a, const char *title)
{
	if (a->n_steps >= AGENDA_MAX_STEPS) {
		tui_flash(t, true, "An agenda has at most %d steps: nothing added.",
			  AGENDA_MAX_STEPS);
		return NULL;
	}
	return ask_step_title(t, title, "");
}

char *ask_step_title(struct tui *t, const char *title, const char *initial)
{
	char *text = dialog_input(t, title, initial, check_title, NULL);
	if (!text)
		return NULL;
	char err[256];
	char *clean = text_clean(text, TEXT_NAME, "step title", err, sizeof err);
	free(text);
	return clean;
}

static bool parse_minutes(const char *text, int *out)
{
	*out = agenda_minutes_parse(text);
	return *out > 0;
}

static const char *check_minutes(const char *text, void *ctx, char *buf, size_t len)
{
	(void)ctx;
	int v;
	if (parse_minutes(text, &v))
		return NULL;
	snprintf(buf, len, "Planned minutes are a whole number from 1 to %d.", AGENDA_MAX_MINUTES);
	return buf;
}

int ask_step_minutes(struct tui *t, const char *title, int initial)
{
	char init[16];
	snprintf(init, sizeof init, "%d", initial);
	char *text = dialog_input(t, title, init, check_minutes, NULL);
	int v = -1;
	if (text && !parse_minutes(text, &v))
		v = -1;
	free(text);
	return v;
}

int ask_step_kind(struct tui *t, enum step_kind initial)
{
	static const char *const detail[STEP_KIND_COUNT] = {
		"who is here", "the CX mission", "a customer's story", "open actions",
		"what changed", "parked topics, decisions", "wins and heroes", "new actions",
		"rating, next date", "a free topic"};
	struct pick_option o[STEP_KIND_COUNT];
	int map[STEP_KIND_COUNT], n = 0;
	map[n++] = (int)initial;
	for (int k = 0; k < STEP_KIND_COUNT; k++)
		if (k != (int)initial)
			map[n++] = k;
	for (int i = 0; i < n; i++)
		o[i] = (struct pick_option){0, (char *)step_kind_name((enum step_kind)map[i]),
					    (char *)detail[map[i]]};
	int k = dialog_pick(t, "Kind of step", o, (size_t)n, "", NULL);
	return k < 0 ? -1 : map[k];
}

/* --- the list of templates ---------------------------------------------- */

static void list_load(struct tui *t)
{
	template_list_free(ag.list, ag.n);
	ag.list = NULL;
	ag.n = 0;
	if (store_template_list(t->st, &ag.list, &ag.n) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	if (ag.sel >= (int)ag.n)
		ag.sel = ag.n ? (int)ag.n - 1 : 0;
}

static void list_select_id(store_id id)
{
	for (size_t i = 0; i < ag.n; i++)
		if (ag.list[i].id == id)
			ag.sel = (int)i;
}

static const struct template_info *list_cur(void)
{
	return ag.sel >= 0 && (size_t)ag.sel < ag.n ? &ag.list[ag.sel] : NULL;
}

static void list_draw(struct tui *t)
{
	draw_line(0, 0, " Agenda templates", t->cols, theme(C_TITLE));
	int w = t->cols, h = t->rows - 4;
	char line[300];
	/* The same columns as the rows' numbers below. */
	snprintf(line, sizeof line, " %6s %8s ", "Steps", "Minutes");
	int hw = text_cols(line);
	draw_line(1, 0, "   Name", w - hw, theme(C_HEADING));
	draw_line(1, w - hw, line, hw, theme(C_HEADING));
	cursor_scroll(ag.sel, &ag.top, h);
	for (int r = 0; r < h; r++) {
		size_t i = (size_t)(ag.top + r);
		if (i >= ag.n)
			break;
		const struct template_info *ti = &ag.list[i];
		attr_t a = (int)i == ag.sel ? theme(C_SELECTED) : theme(C_NORMAL);
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
	bool taken = store_template_find(c->t->st, clean, &other) == STORE_OK && other != c->self;
	free(clean);
	if (!taken)
		return NULL;
	snprintf(buf, len, "Taken: another agenda has this name (case is ignored).");
	return buf;
}

static void list_copy(struct tui *t, const struct template_info *ti)
{
	char title[300];
	snprintf(title, sizeof title, "New agenda, a copy of %s: its name", ti->name);
	struct agenda_name_check c = {t, 0};
	char *name = dialog_input(t, title, "", check_name, &c);
	if (!name)
		return;
	store_id id;
	if (store_template_copy(t->st, ti->id, name, &id) != STORE_OK) {
		tui_flash(t, true, "Not saved: %s", store_errmsg(t->st));
	} else {
		list_load(t);
		list_select_id(id);
		tui_flash(t, false, "Saved: agenda %s added.", name);
	}
	free(name);
}

static void list_rename(struct tui *t, const struct template_info *ti)
{
	struct agenda_name_check c = {t, ti->id};
	char *name = dialog_input(t, "Rename the agenda", ti->name, check_name, &c);
	if (!name)
		return;
	store_id id = ti->id;
	if (store_template_rename(t->st, id, name) != STORE_OK) {
		tui_flash(t, true, "Not saved: %s", store_errmsg(t->st));
	} else {
		list_load(t);
		list_select_id(id);
		tui_flash(t, false, "Saved: renamed to %s.", name);
	}
	free(name);
}

static void list_default(struct tui *t, const struct template_info *ti)
{
	store_id id = ti->id;
	if (store_template_set_default(t->st, id) != STORE_OK) {
		tui_flash(t, true, "Not saved: %s", store_errmsg(t->st));
		return;
	}
	list_load(t);
	list_select_id(id);
	tui_flash(t, false, "Saved: %s is the default agenda.", ag.list[ag.sel].name);
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

static enum action list_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	const struct template_info *ti = list_cur();
	if (cursor_move(&ag.sel, a, ag.n, t->rows - 4))
		return ACT_NONE;
	if (!is_key && ti) {
		switch (ch) {
		case 'n': list_copy(t, ti); return ACT_NONE;
		case 'r': list_rename(t, ti); return ACT_NONE;
		case 'd': list_default(t, ti); return ACT_NONE;
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
		tui_set_view(t, &view_home);
		return ACT_NONE;
	}
	return a == ACT_HELP || a == ACT_REDRAW ? a : ACT_NONE;
}

/* --- one template's steps ----------------------------------------------- */

static bool steps_open(struct tui *t, store_id id)
{
	struct agenda_template next;
	if (store_template_get(t->st, id, &next) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return false;
	}
	agenda_free(&ag.t);
	ag.t = next;
	ag.tid = id;
	ag.in_steps = true;
	ag.ssel = ag.stop = 0;
	return true;
}

/* Saves `next` as the template's steps; only once that committed does it
 * become what the screen shows. Takes next either way. */
static bool steps_save(struct tui *t, struct agenda_template *next, const char *done)
{
	if (template_save_steps(t->st, ag.tid, next) != STORE_OK) {
		tui_flash(t, true, "Not saved: %s", store_errmsg(t->st));
		agenda_free(next);
		return false;
	}
	agenda_free(&ag.t);
	ag.t = *next;
	tui_flash(t, false, "Saved: %s.", done);
	return true;
}

static void steps_draw_view(struct tui *t)
{
	char line[300];
	bool is_default = false;
	for (size_t i = 0; i < ag.n; i++)
		if (ag.list[i].id == ag.tid)
			is_default = ag.list[i].is_default;
	snprintf(line, sizeof line, " Agenda: %s%s  %zu %s, %d min", ag.t.name,
		 is_default ? " (default)" : "", ag.t.n_steps,
		 text_plural((long long)ag.t.n_steps, "step", "steps"), agenda_minutes(&ag.t));
	draw_line(0, 0, line, t->cols, theme(C_TITLE));
	int prompt_h = t->compact ? 4 : 6;
	int list_h = t->rows - 3 - prompt_h;
	steps_draw(&ag.t, ag.ssel, &ag.stop, 1, list_h, t->cols);
	step_prompt_draw(&ag.t, ag.ssel, 2 + list_h, prompt_h, t->cols);
	draw_line(t->rows - 1, 0, " e edit  a add  p prompt  K/J move  X delete  q back  ? help",
		  t->cols, theme(C_STATUS));
}

static void step_add(struct tui *t)
{
	char *title = ask_new_step_title(t, &ag.t, "New step: its title");
	if (!title)
		return;
	int minutes = ask_step_minutes(t, "Planned minutes (1 to 240)", 5);
	int kind = minutes < 0 ? -1 : ask_step_kind(t, STEP_TOPIC);
	if (kind >= 0) {
		struct agenda_template next;
		agenda_copy(&ag.t, &next);
		struct agenda_step s = {.title = title, .kind = (enum step_kind)kind,
					.minutes = minutes, .prompt = ""};
		size_t at = ag.t.n_steps ? (size_t)ag.ssel + 1 : 0;
		agenda_insert_step(&next, at, &s);
		if (steps_save(t, &next, "step added"))
			ag.ssel = (int)at;
	}
	free(title);
}

/* Title, minutes, kind, one dialog after the other. Esc on a later one keeps
 * that answer and the ones after as they were, but what was already given is
 * saved: a title typed and then an Esc on the minutes is not lost. */
static void step_edit(struct tui *t)
{
	const struct agenda_step *cur = &ag.t.steps[ag.ssel];
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
	agenda_copy(&ag.t, &next);
	struct agenda_step *s = &next.steps[ag.ssel];
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
	const char *cur = ag.t.steps[ag.ssel].prompt;
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
	agenda_copy(&ag.t, &next);
	free(next.steps[ag.ssel].prompt);
	next.steps[ag.ssel].prompt = clean;
	steps_save(t, &next, "prompt changed");
}

static void step_delete(struct tui *t)
{
	if (ag.t.n_steps <= 1) {
		tui_flash(t, true, "An agenda needs at least one step: nothing deleted.");
		return;
	}
	char q[300];
	snprintf(q, sizeof q, "Delete the step %s from this template?", ag.t.steps[ag.ssel].title);
	if (!dialog_confirm(t, q))
		return;
	struct agenda_template next;
	agenda_copy(&ag.t, &next);
	agenda_remove_step(&next, (size_t)ag.ssel);
	if (steps_save(t, &next, "step deleted") && ag.ssel >= (int)ag.t.n_steps)
		ag.ssel = (int)ag.t.n_steps - 1;
}

static void step_move(struct tui *t, int dir)
{
	int to = ag.ssel + dir;
	if (to < 0 || to >= (int)ag.t.n_steps)
		return;
	struct agenda_template next;
	agenda_copy(&ag.t, &next);
	agenda_swap_steps(&next, (size_t)ag.ssel, (size_t)to);
	if (steps_save(t, &next, dir < 0 ? "step moved up" : "step moved down"))
		ag.ssel = to;
}

static enum action steps_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	if (cursor_move(&ag.ssel, a, ag.t.n_steps, t->rows - 10))
		return ACT_NONE;
	bool have = ag.t.n_steps > 0;
	if (!is_key && ch == 'a') {
		step_add(t);
		return ACT_NONE;
	}
	if (!is_key && (ch == 'p' || ch == 'P' || ch == CTRL('e')) && have) {
		step_prompt(t, ch != 'p');
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
		ag.in_steps = false;
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
	if (ag.in_steps)
		steps_draw_view(t);
	else
		list_draw(t);
}

static enum action agenda_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	return ag.in_steps ? steps_key(t, ch, is_key, a) : list_key(t, ch, is_key, a);
}

static void agenda_close(struct tui *t)
{
	(void)t;
	template_list_free(ag.list, ag.n);
	agenda_free(&ag.t);
	memset(&ag, 0, sizeof ag);
}

const struct view_ops view_agenda = {
	.name = "agenda",
	.draw = agenda_draw,
	.key = agenda_key,
	.close = agenda_close,
};

void agenda_view_open(struct tui *t)
{
	memset(&ag, 0, sizeof ag);
	tui_set_view(t, &view_agenda);
	list_load(t);
	for (size_t i = 0; i < ag.n; i++)
		if (ag.list[i].is_default)
			ag.sel = (int)i;
}
