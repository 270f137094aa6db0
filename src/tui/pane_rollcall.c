/* pane_rollcall.c - roll call: every active person by department, present or
 * not (Space toggles, saved at once), and the departments nobody represents. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_view.h"
#include "draw.h"
#include "list.h"
#include "dialog.h"
#include "cxmeet/util.h"

static bool is_present(struct meeting_view *mv, store_id id)
{
	for (size_t i = 0; i < mv->n_present; i++)
		if (mv->present[i] == id)
			return true;
	return false;
}

static char *absent_line(struct tui *t);
static char *absent; /* "Not represented: ...", computed on load, not per redraw */

static void load(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	person_list_free(mv->people, mv->n_people);
	free(mv->present);
	mv->people = NULL;
	mv->present = NULL;
	mv->n_people = mv->n_present = 0;
	if (store_person_list(t->st, false, 0, &mv->people, &mv->n_people) != STORE_OK ||
	    store_attendance_list(t->st, mv->run.m.id, &mv->present, &mv->n_present) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	mv->total = mv->n_people;
	mv->offset = 0;
	free(absent);
	absent = absent_line(t);
}

/* "Not represented: IT, Finance" */
static char *absent_line(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	struct dept *d;
	size_t n;
	if (store_dept_list(t->st, false, &d, &n) != STORE_OK)
		return xstrdup("");
	bool *absent = xcalloc(n + 1, sizeof *absent);
	meeting_unrepresented(d, n, mv->people, mv->n_people, mv->present, mv->n_present, absent);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < n; i++)
		if (absent[i])
			sb_addf(&sb, "%s%s", sb.len ? ", " : "Not represented: ", d[i].name);
	if (!sb.len)
		sb_add(&sb, "Every department is represented.");
	free(absent);
	dept_list_free(d, n);
	return sb_take(&sb);
}

static void draw(struct tui *t, int y, int x, int h, int w)
{
	struct meeting_view *mv = t->mv;
	char head[120];
	snprintf(head, sizeof head, "Roll call: %zu of %zu present  (Space toggles, + adds a guest)",
		 mv->n_present, mv->n_people);
	int hr = draw_wrapped(y, x, head, w, 2, theme(C_HEADING));
	y += hr - 1;
	h -= hr - 1;
	draw_wrapped(y + h - 2, x, absent ? absent : "", w, 2, theme(C_WARNING));
	int rows = h - 4;
	if (mv->n_people == 0) {
		draw_wrapped(y + 2, x, "No council members yet. Press + to add one, or use "
			     "'cxmeet person add'.", w, 2, theme(C_MUTED));
		return;
	}
	list_area(t, y + 1, x, w, rows, mv->sel, &mv->top, mv->n_people);
	for (int r = 0; r < rows && (size_t)(mv->top + r) < mv->n_people; r++) {
		const struct person *p = &mv->people[mv->top + r];
		bool cur = mv->top + r == mv->sel;
		attr_t a = cur ? theme(C_SELECTED) : theme(C_NORMAL);
		char *left = xasprintf("[%c] %s", is_present(mv, p->id) ? 'x' : ' ', p->name);
		char *right = xasprintf("%s · %s", p->dept_name ? p->dept_name : "-",
					role_name(p->role));
		draw_fill(y + 1 + r, x, w, a);
		int rw = text_cols(right);
		if (rw > w / 2)
			rw = w / 2;
		draw_text_fit(y + 1 + r, x, left, w - rw - 2, a);
		draw_text_fit(y + 1 + r, x + w - rw, right, rw, cur ? a : theme(C_MUTED));
		free(left);
		free(right);
	}
}

static void toggle(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	if (mv->sel < 0 || (size_t)mv->sel >= mv->n_people)
		return;
	const struct person *p = &mv->people[mv->sel];
	bool now = !is_present(mv, p->id);
	if (store_attendance_set(t->st, mv->run.m.id, p->id, now) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	tui_flash(t, false, "%s is %s.", p->name, now ? "present" : "not present");
	int sel = mv->sel;
	load(t);
	mv->sel = sel;
}

static void add_guest(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	store_id id = pick_person(t, "Who joined?", "");
	if (!id)
		return;
	if (store_attendance_set(t->st, mv->run.m.id, id, true) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	load(t);
	for (size_t i = 0; i < mv->n_people; i++)
		if (mv->people[i].id == id)
			mv->sel = (int)i;
}

static enum action key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	(void)ch;
	(void)is_key;
	if (mv_move(t, a, t->mv->n_people, 10))
		return ACT_NONE;
	if (a == ACT_SELECT) {
		toggle(t);
		return ACT_NONE;
	}
	if (a == ACT_ADD_PERSON) {
		add_guest(t);
		return ACT_NONE;
	}
	return a;
}

const struct pane_ops pane_rollcall = {.load = load, .draw = draw, .key = key};
