/* pane_rollcall.c - roll call: every active person by department, present or
 * not (Space toggles, A marks everyone present, saved at once), and the
 * departments nobody represents, each with who will brief it (b). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_view.h"
#include "draw.h"
#include "list.h"
#include "dialog.h"
#include "cxmeet/meeting.h"
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
/* the departments nobody represents (ids), computed with it */
static store_id *unrep;
static size_t n_unrep;

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

static const struct briefer *briefer_of(const struct briefer *b, size_t n, store_id dept)
{
	for (size_t i = 0; i < n; i++)
		if (b[i].dept_id == dept)
			return &b[i];
	return NULL;
}

/* "Not represented: IT (briefed by Ana), Finance" */
static char *absent_line(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	struct dept *d;
	struct briefer *b = NULL;
	size_t n, nb = 0;
	free(unrep);
	unrep = NULL;
	n_unrep = 0;
	if (store_dept_list(t->st, false, &d, &n) != STORE_OK)
		return xstrdup("");
	if (store_briefers(t->st, mv->run.m.id, &b, &nb) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	bool *absent = xcalloc(n + 1, sizeof *absent);
	unrep = xcalloc(n + 1, sizeof *unrep);
	meeting_unrepresented(d, n, mv->people, mv->n_people, mv->present, mv->n_present, absent);
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < n; i++) {
		if (!absent[i])
			continue;
		unrep[n_unrep++] = d[i].id;
		sb_addf(&sb, "%s%s", sb.len ? ", " : "Not represented: ", d[i].name);
		const struct briefer *who = briefer_of(b, nb, d[i].id);
		if (who)
			sb_addf(&sb, " (briefed by %s)", who->person_name);
	}
	if (!sb.len)
		sb_add(&sb, "Every department is represented.");
	free(absent);
	briefers_free(b, nb);
	dept_list_free(d, n);
	return sb_take(&sb);
}

static void draw(struct tui *t, int y, int x, int h, int w)
{
	struct meeting_view *mv = t->mv;
	char head[120];
	snprintf(head, sizeof head,
		 "Roll call: %zu of %zu present  (Space toggles, + adds a guest)  A: everyone · "
		 "b: who briefs",
		 mv->n_present, mv->n_people);
	int hr = draw_wrapped(y, x, head, w, 2, theme(C_HEADING));
	y += hr - 1;
	h -= hr - 1;
	/* at the foot: two rows, three when the briefers need them */
	int foot = text_wrap_rows(absent ? absent : "", w, 3) > 2 ? 3 : 2;
	draw_wrapped_fit(y + h - foot, x, absent ? absent : "", w, foot, theme(C_WARNING));
	int rows = h - 2 - foot;
	if (mv->n_people == 0) {
		draw_wrapped(y + 2, x, "No council members yet. Press + to add one, or use "
			     "'cxmeet person add'.", w, 2, theme(C_MUTED));
		return;
	}
	/* a click picks a person, not while the keys go through what waits */
	if (mv->waiting_focus)
		cursor_scroll(mv->sel, &mv->top, rows);
	else
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

/* Everyone present in one key; Space then unmarks who is absent. */
static void everyone(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	char err[300];
	int marked = 0;
	if (meeting_everyone_present(t->st, mv->run.m.id, &marked, err, sizeof err) != STORE_OK) {
		tui_flash(t, true, "%s", err);
		return;
	}
	int sel = mv->sel;
	load(t);
	mv->sel = sel;
	tui_flash(t, false, "Everyone is present (%d marked). Space unmarks who is absent.",
		  marked);
}

/* The department to name a briefer for: the one of the person under the
 * cursor when nobody of it is present, else one picked among those nobody
 * represents (0: none, or cancelled). */
static store_id briefer_dept(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	if (!n_unrep) {
		tui_flash(t, false, "Every department is represented: nobody needs briefing.");
		return 0;
	}
	if (mv->sel >= 0 && (size_t)mv->sel < mv->n_people)
		for (size_t i = 0; i < n_unrep; i++)
			if (unrep[i] == mv->people[mv->sel].dept_id)
				return unrep[i];
	if (n_unrep == 1)
		return unrep[0];
	struct dept *d;
	size_t n;
	if (store_dept_list(t->st, false, &d, &n) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return 0;
	}
	struct pick_option *o = xcalloc(n_unrep + 1, sizeof *o);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n_unrep; j++)
			if (d[i].id == unrep[j])
				o[k++] = (struct pick_option){d[i].id, xstrdup(d[i].name), NULL};
	int c = dialog_pick(t, "Which department is to be briefed?", o, k, "", NULL);
	store_id id = c >= 0 ? o[c].id : 0;
	pick_options_free(o, k);
	dept_list_free(d, n);
	return id;
}

/* Who will brief a department nobody represents: the members present first,
 * then everyone else outside it. */
static void set_briefer(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	store_id dept = briefer_dept(t);
	if (!dept)
		return;
	struct dept d;
	if (store_dept_get(t->st, dept, &d) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	const char *dept_name = d.name;
	struct pick_option *o = xcalloc(mv->n_people + 1, sizeof *o);
	size_t k = 0;
	for (int here = 1; here >= 0; here--)
		for (size_t i = 0; i < mv->n_people; i++) {
			const struct person *p = &mv->people[i];
			if (p->dept_id == dept || is_present(mv, p->id) != (here == 1))
				continue;
			o[k++] = (struct pick_option){
				p->id, xstrdup(p->name),
				xasprintf("%s%s", p->dept_name ? p->dept_name : "-",
					  here ? ", present" : "")};
		}
	if (!k) { /* a council of this department alone */
		tui_flash(t, true, "Nobody outside %s can brief it: + adds a person to the council.",
			  dept_name);
		free(o);
		dept_free(&d);
		return;
	}
	char *title = xasprintf("Who will brief %s?", dept_name);
	int c = dialog_pick(t, title, o, k, "", NULL);
	free(title);
	store_id person = c >= 0 ? o[c].id : 0;
	char *name = c >= 0 ? xstrdup(o[c].label) : NULL;
	pick_options_free(o, k);
	if (person) {
		char err[300];
		if (meeting_set_briefer(t->st, mv->run.m.id, dept, person, clock_now(), err,
					sizeof err) != STORE_OK) {
			tui_flash(t, true, "%s", err);
		} else {
			int sel = mv->sel;
			load(t);
			mv->sel = sel;
			tui_flash(t, false, "%s will brief %s.", name, dept_name);
		}
	}
	free(name);
	dept_free(&d);
}

static enum action key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	if (mv_move(t, a, t->mv->n_people, 10))
		return ACT_NONE;
	if (!is_key && ch == 'A') {
		everyone(t);
		return ACT_NONE;
	}
	if (!is_key && ch == 'b') {
		set_briefer(t);
		return ACT_NONE;
	}
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
