/* agenda_steps.c - what the agenda template editor (view_agenda.c) and this
 * meeting's agenda screen (view_prepare.c) share (agenda_view.h): drawing a
 * list of steps and its prompt, and asking for a step's title, minutes and
 * kind. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda_view.h"
#include "draw.h"
#include "dialog.h"
#include "list.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

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
		"rating, next date", "a free topic", "the council's initiatives"};
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
