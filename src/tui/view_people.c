/* view_people.c - the council's departments and people, in two tabs: add,
 * rename, move a person to another department, change a role or an email,
 * turn a department customer-facing or behind-the-scenes, archive and
 * restore. Every change is saved at once; names stay unique, and a clash is
 * said inside the dialog before anything is written. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "list.h"
#include "screen.h"
#include "dialog.h"
#include "views.h"
#include "keymap.h"
#include "cxmeet/names.h"
#include "cxmeet/stakeholder.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

enum { TAB_DEPTS, TAB_PEOPLE };

struct people_state {
	bool loaded;
	int tab;
	bool show_archived;
	struct dept *depts;
	size_t n_depts;
	size_t *members; /* active people per department, by index into depts */
	struct person *people;
	size_t n_people;
	int sel[2], top[2];
};

static void unload(struct people_state *pv)
{
	dept_list_free(pv->depts, pv->n_depts);
	person_list_free(pv->people, pv->n_people);
	free(pv->members);
	pv->depts = NULL;
	pv->people = NULL;
	pv->members = NULL;
	pv->n_depts = pv->n_people = 0;
	pv->loaded = false;
}

/* Reads both lists; the council is a few dozen rows, so they are read whole. */
static void load(struct tui *t)
{
	struct people_state *pv = tui_state(t, &view_people);
	unload(pv);
	struct person *active = NULL;
	size_t n_active = 0;
	if (store_dept_list(t->st, pv->show_archived, &pv->depts, &pv->n_depts) != STORE_OK ||
	    store_person_list(t->st, pv->show_archived, 0, &pv->people, &pv->n_people) != STORE_OK ||
	    store_person_list(t->st, false, 0, &active, &n_active) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	pv->members = xcalloc(pv->n_depts + 1, sizeof *pv->members);
	for (size_t i = 0; i < pv->n_depts; i++)
		for (size_t j = 0; j < n_active; j++)
			if (active[j].dept_id == pv->depts[i].id)
				pv->members[i]++;
	person_list_free(active, n_active);
	pv->loaded = true;
}

static size_t rows_of(const struct people_state *pv, int tab)
{
	return tab == TAB_DEPTS ? pv->n_depts : pv->n_people;
}

/* Reloads and puts the cursor back on the row with that id. */
static void reload_at(struct tui *t, int tab, store_id id)
{
	struct people_state *pv = tui_state(t, &view_people);
	load(t);
	for (size_t i = 0; i < rows_of(pv, tab); i++)
		if ((tab == TAB_DEPTS ? pv->depts[i].id : pv->people[i].id) == id)
			pv->sel[tab] = (int)i;
	if ((size_t)pv->sel[tab] >= rows_of(pv, tab))
		pv->sel[tab] = rows_of(pv, tab) ? (int)rows_of(pv, tab) - 1 : 0;
}

/* --- drawing ------------------------------------------------------------ */

static void draw_tabs(struct tui *t, int y)
{
	struct people_state *pv = tui_state(t, &view_people);
	char label[64];
	snprintf(label, sizeof label, " Departments (%zu) ", pv->n_depts);
	int x = 1 + draw_text(y, 1, label, t->cols - 2,
			      pv->tab == TAB_DEPTS ? theme(C_SELECTED) : theme(C_MUTED));
	snprintf(label, sizeof label, " People (%zu) ", pv->n_people);
	x += 2;
	x += draw_text(y, x, label, t->cols - x, pv->tab == TAB_PEOPLE ? theme(C_SELECTED)
								     : theme(C_MUTED));
	draw_text(y, x + 2, pv->show_archived ? "archived shown (A hides)" : "", t->cols - x - 2,
		  theme(C_MUTED));
}

static void draw_depts(struct tui *t, int y, int rows)
{
	struct people_state *pv = tui_state(t, &view_people);
	int w = t->cols - 2, wf = 19, wm = 7;
	int wn = w - wf - wm - 4;
	draw_text(y, 1, "Department", wn, theme(C_HEADING));
	draw_text(y, 1 + wn + 2, "Kind", wf, theme(C_HEADING));
	draw_text(y, 1 + wn + wf + 4, "Members", wm, theme(C_HEADING));
	if (pv->n_depts == 0) {
		draw_wrapped(y + 2, 1, "No departments yet. Press a to add the first one.", w, 2,
			     theme(C_MUTED));
		return;
	}
	list_area(t, y + 1, 1, w, rows, pv->sel[TAB_DEPTS], &pv->top[TAB_DEPTS], pv->n_depts);
	for (int r = 0; r < rows && (size_t)(pv->top[TAB_DEPTS] + r) < pv->n_depts; r++) {
		size_t i = (size_t)(pv->top[TAB_DEPTS] + r);
		const struct dept *d = &pv->depts[i];
		bool cur = (int)i == pv->sel[TAB_DEPTS];
		attr_t a = cur ? theme(C_SELECTED) : d->archived ? theme(C_MUTED) : theme(C_NORMAL);
		char name[300], count[24];
		snprintf(name, sizeof name, "%s%s", d->name, d->archived ? " (archived)" : "");
		snprintf(count, sizeof count, "%zu", pv->members[i]);
		draw_fill(y + 1 + r, 1, w, a);
		draw_text_fit(y + 1 + r, 1, name, wn, a);
		draw_text(y + 1 + r, 1 + wn + 2, d->behind ? "behind the scenes" : "customer-facing",
			  wf, cur ? a : d->behind ? theme(C_ACCENT) : a);
		draw_text(y + 1 + r, 1 + wn + wf + 4, count, wm, a);
	}
}

static void draw_people(struct tui *t, int y, int rows)
{
	struct people_state *pv = tui_state(t, &view_people);
	int w = t->cols - 2, wr = 8, wq = 13;
	int rest = w - wr - wq - 8;
	int wn = rest * 35 / 100, wd = rest * 30 / 100, we = rest - wn - wd;
	int xs[5] = {1, 1 + wn + 2, 1 + wn + wd + 4, 1 + wn + wd + wr + 6,
		     1 + wn + wd + wr + wq + 8};
	int ws[5] = {wn, wd, wr, wq, we};
	const char *heads[5] = {"Name", "Department", "Role", "Map", "Email"};
	for (int c = 0; c < 5; c++)
		draw_text(y, xs[c], heads[c], ws[c], theme(C_HEADING));
	if (pv->n_people == 0) {
		draw_wrapped(y + 2, 1, "No people yet. Press a to add the first one.", w, 2,
			     theme(C_MUTED));
		return;
	}
	list_area(t, y + 1, 1, w, rows, pv->sel[TAB_PEOPLE], &pv->top[TAB_PEOPLE], pv->n_people);
	for (int r = 0; r < rows && (size_t)(pv->top[TAB_PEOPLE] + r) < pv->n_people; r++) {
		size_t i = (size_t)(pv->top[TAB_PEOPLE] + r);
		const struct person *p = &pv->people[i];
		bool cur = (int)i == pv->sel[TAB_PEOPLE];
		attr_t a = cur ? theme(C_SELECTED) : p->archived ? theme(C_MUTED) : theme(C_NORMAL);
		/* The map leaves archived people out, so their column says why. */
		const char *map = p->archived ? "(archived)"
			: quadrant_name(stakeholder_quadrant(p->influence, p->support));
		const char *cells[5] = {p->name, p->dept_name ? p->dept_name : "-",
					role_name(p->role), map, p->email ? p->email : ""};
		draw_fill(y + 1 + r, 1, w, a);
		for (int c = 0; c < 5; c++)
			draw_text_fit(y + 1 + r, xs[c], cells[c], ws[c], a);
	}
}

static void people_draw(struct tui *t)
{
	struct people_state *pv = tui_state(t, &view_people);
	if (!pv->loaded)
		load(t);
	draw_line(0, 0, " Departments and people", t->cols, theme(C_TITLE));
	draw_tabs(t, 1);
	int rows = t->rows - 6;
	if (pv->tab == TAB_DEPTS)
		draw_depts(t, 3, rows);
	else
		draw_people(t, 3, rows);
	if (pv->tab == TAB_DEPTS)
		draw_hint(t->rows - 2, t->cols, " a add  r rename  f customer-facing/behind  "
			  "X archive/restore  A show archived",
			  " a add  r rename  f facing/behind  X archive", theme(C_MUTED));
	else
		draw_hint(t->rows - 2, t->cols, " a add  r rename  d department  o role  e email  "
			  "X archive/restore  A archived",
			  " a add  r rename  d dept  o role  e email  X archive", theme(C_MUTED));
	draw_hint(t->rows - 1, t->cols, " Tab switch  Enter choose an action  m stakeholder map  "
		  "? help  q back", " Tab switch  Enter actions  A archived  m map  q back",
		  theme(C_STATUS));
}

/* --- departments -------------------------------------------------------- */

static struct dept *cur_dept(struct people_state *pv)
{
	int s = pv->sel[TAB_DEPTS];
	return s >= 0 && (size_t)s < pv->n_depts ? &pv->depts[s] : NULL;
}

static void saved(struct tui *t, enum store_rc rc, int tab, store_id id, const char *fmt,
		  const char *name)
{
	if (rc != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	reload_at(t, tab, id);
	tui_flash(t, false, fmt, name);
}

static void ask_dept_add(struct tui *t)
{
	char *name = ask_unique_name(t, "New department: name", "", false, 0);
	if (!name)
		return;
	static const struct pick_option kinds[] = {
		{0, "Customer-facing", "talks to customers every day"},
		{1, "Behind the scenes", "shapes the experience out of sight"},
	};
	int k = dialog_pick(t, "Is it customer-facing?", kinds, 2, "", NULL);
	if (k >= 0) {
		store_id id = 0;
		enum store_rc rc = dept_add(t->st, name, k == 1, &id);
		saved(t, rc, TAB_DEPTS, id, "Added the department %s.", name);
	}
	free(name);
}

static void ask_dept_rename(struct tui *t, struct dept *d)
{
	store_id id = d->id;
	char *name = ask_unique_name(t, "Rename the department", d->name, false, id);
	if (!name)
		return;
	saved(t, dept_rename(t->st, id, name), TAB_DEPTS, id, "Renamed to %s.", name);
	free(name);
}

static void dept_facing(struct tui *t, struct dept *d)
{
	bool behind = !d->behind;
	char *name = xstrdup(d->name);
	saved(t, store_dept_set_behind(t->st, d->id, behind), TAB_DEPTS, d->id,
	      behind ? "%s is behind the scenes." : "%s is customer-facing.", name);
	free(name);
}

static void dept_archive(struct tui *t, struct dept *d)
{
	char *q = d->archived
		? xasprintf("Restore the department %s?", d->name)
		: xasprintf("Archive the department %s? Its history is kept; it leaves the "
			    "pickers.", d->name);
	bool yes = dialog_confirm(t, q);
	free(q);
	if (!yes)
		return;
	bool archive = !d->archived;
	char *name = xstrdup(d->name);
	saved(t, store_dept_set_archived(t->st, d->id, archive), TAB_DEPTS, d->id,
	      archive ? "Archived %s." : "Restored %s.", name);
	free(name);
}

/* --- people ------------------------------------------------------------- */

static struct person *cur_person(struct people_state *pv)
{
	int s = pv->sel[TAB_PEOPLE];
	return s >= 0 && (size_t)s < pv->n_people ? &pv->people[s] : NULL;
}

/* Saves p (a copy of the row, changed by the caller) and says so. */
static void person_save(struct tui *t, struct person *p, const char *fmt)
{
	saved(t, person_update(t->st, p), TAB_PEOPLE, p->id, fmt, p->name);
}

static void ask_person_add(struct tui *t)
{
	char *name = ask_unique_name(t, "New person: name", "", true, 0);
	if (!name)
		return;
	char title[300];
	snprintf(title, sizeof title, "Department of %s", name);
	store_id dept = pick_department(t, title, "");
	int role = dept ? pick_role(t, "Their role on the council") : -1;
	if (role >= 0) {
		struct person p = {.name = name, .dept_id = dept, .role = (enum role)role,
				   .influence = STANCE_UNSET, .support = STANCE_UNSET};
		store_id id = 0;
		enum store_rc rc = person_add(t->st, &p, &id);
		saved(t, rc, TAB_PEOPLE, id, "Added %s.", name);
	}
	free(name);
}

/* A copy of the person under the cursor that the caller may change and save. */
static bool person_copy(struct people_state *pv, struct person *out)
{
	const struct person *p = cur_person(pv);
	if (!p)
		return false;
	*out = *p;
	out->name = xstrdup(p->name);
	out->dept_name = NULL;
	out->email = p->email ? xstrdup(p->email) : NULL;
	return true;
}

static void person_rename(struct tui *t)
{
	struct people_state *pv = tui_state(t, &view_people);
	struct person p;
	if (!person_copy(pv, &p))
		return;
	char *name = ask_unique_name(t, "Rename", p.name, true, p.id);
	if (name) {
		free(p.name);
		p.name = name;
		person_save(t, &p, "Renamed to %s.");
	}
	person_free(&p);
}

static void person_move(struct tui *t)
{
	struct people_state *pv = tui_state(t, &view_people);
	struct person p;
	if (!person_copy(pv, &p))
		return;
	char title[300];
	snprintf(title, sizeof title, "Move %s to which department?", p.name);
	store_id dept = pick_department(t, title, "");
	if (dept) {
		p.dept_id = dept;
		person_save(t, &p, "Moved %s.");
	}
	person_free(&p);
}

static void person_role(struct tui *t)
{
	struct people_state *pv = tui_state(t, &view_people);
	struct person p;
	if (!person_copy(pv, &p))
		return;
	char title[300];
	snprintf(title, sizeof title, "Role of %s (now %s)", p.name, role_name(p.role));
	int r = pick_role(t, title);
	if (r >= 0) {
		p.role = (enum role)r;
		person_save(t, &p, "Changed the role of %s.");
	}
	person_free(&p);
}

static const char *check_email(const char *text, void *ctx, char *buf, size_t len)
{
	(void)ctx;
	if (!*text)
		return NULL; /* empty: no email */
	char *clean = text_clean(text, TEXT_NAME, "email", buf, len);
	if (!clean)
		return buf;
	bool ok = strchr(clean, '@') && !strchr(clean, ' ');
	free(clean);
	return ok ? NULL : "That does not look like an email address.";
}

static void person_email(struct tui *t)
{
	struct people_state *pv = tui_state(t, &view_people);
	struct person p;
	if (!person_copy(pv, &p))
		return;
	char title[300];
	snprintf(title, sizeof title, "Email of %s (empty: none)", p.name);
	char *email = dialog_input(t, title, p.email ? p.email : "", check_email, NULL);
	if (email) {
		char err[256];
		free(p.email);
		p.email = *email ? text_clean(email, TEXT_NAME, "email", err, sizeof err) : NULL;
		person_save(t, &p, "Saved the email of %s.");
		free(email);
	}
	person_free(&p);
}

static void person_archive(struct tui *t)
{
	struct people_state *pv = tui_state(t, &view_people);
	const struct person *cur = cur_person(pv);
	if (!cur)
		return;
	char *q = cur->archived
		? xasprintf("Restore %s?", cur->name)
		: xasprintf("Archive %s? Their history is kept; they leave the pickers.",
			    cur->name);
	bool yes = dialog_confirm(t, q);
	free(q);
	if (!yes)
		return;
	bool archive = !cur->archived;
	store_id id = cur->id;
	char *name = xstrdup(cur->name);
	saved(t, store_person_set_archived(t->st, id, archive), TAB_PEOPLE, id,
	      archive ? "Archived %s." : "Restored %s.", name);
	free(name);
}

/* --- keys --------------------------------------------------------------- */

enum {
	PV_ADD = ACT_VIEW,
	PV_RENAME,
	PV_ARCHIVE,
	PV_FACING,
	PV_MOVE,
	PV_ROLE,
	PV_EMAIL,
	PV_SHOW_ARCHIVED,
	PV_MAP,
	PV_TAB,
};

static const struct keymap_entry people_keys[] = {
	KM_HEADING("Departments and people"),
	{ACT_SELECT, "menu", "What can be done to the row under the cursor, as a list",
	 {{0, false}}},
	{PV_TAB, "tab", "Switch between departments and people", {KM_CH('\t')}},
	{ACT_STEP_NEXT, "tab-next", "Switch between departments and people", {{0, false}}},
	{ACT_STEP_PREV, "tab-prev", "Switch between departments and people", {{0, false}}},
	{PV_SHOW_ARCHIVED, "show-archived", "Show or hide archived ones", {KM_CH('A')}},
	{PV_MAP, "stakeholder-map", "The stakeholder map, on the person under the cursor",
	 {KM_CH('m')}},
	{ACT_QUIT, "back", "Back to the home screen", {{0, false}}},
	KM_HEADING("Departments"),
	{PV_ADD, "add", "Add a department", {KM_CH('a')}},
	{PV_RENAME, "rename", "Rename the department", {KM_CH('r')}},
	{PV_FACING, "facing", "Switch customer-facing / behind the scenes", {KM_CH('f')}},
	{PV_ARCHIVE, "archive", "Archive or restore the department (its history stays)",
	 {KM_CH('X'), KM_FN(KEY_DC)}},
	KM_HEADING("People"),
	{PV_ADD, "add", "Add a person", {KM_CH('a')}},
	{PV_RENAME, "rename", "Rename the person", {KM_CH('r')}},
	{PV_MOVE, "move", "Move the person to another department", {KM_CH('d')}},
	{PV_ROLE, "role", "Change the person's role on the council", {KM_CH('o')}},
	{PV_EMAIL, "email", "Set the person's email", {KM_CH('e')}},
	{PV_ARCHIVE, "archive", "Archive or restore the person (their history stays)",
	 {KM_CH('X'), KM_FN(KEY_DC)}},
};

static const struct keymap people_keymap = KEYMAP("departments and people", people_keys);

/* Enter: the row's actions as a list, so that no key has to be known. */
static int row_menu(struct tui *t)
{
	struct people_state *pv = tui_state(t, &view_people);
	static const struct pick_option dept_ops[] = {
		{PV_RENAME, "Rename", NULL},
		{PV_FACING, "Switch customer-facing / behind the scenes", NULL},
		{PV_ARCHIVE, "Archive or restore", NULL},
		{PV_ADD, "Add a department", NULL},
	};
	static const struct pick_option person_ops[] = {
		{PV_RENAME, "Rename", NULL},
		{PV_MOVE, "Move to another department", NULL},
		{PV_ROLE, "Change the role", NULL},
		{PV_EMAIL, "Set the email", NULL},
		{PV_MAP, "Place on the stakeholder map", NULL},
		{PV_ARCHIVE, "Archive or restore", NULL},
		{PV_ADD, "Add a person", NULL},
	};
	bool depts = pv->tab == TAB_DEPTS;
	const struct pick_option *o = depts ? dept_ops : person_ops;
	size_t n = depts ? ARRAY_SIZE(dept_ops) : ARRAY_SIZE(person_ops);
	const char *name = depts ? (cur_dept(pv) ? cur_dept(pv)->name : NULL)
				 : (cur_person(pv) ? cur_person(pv)->name : NULL);
	char title[300];
	snprintf(title, sizeof title, "%s%sWhat to do?", name ? name : "", name ? ": " : "");
	int k = dialog_pick(t, title, o, n, "", NULL);
	return k < 0 ? ACT_NONE : (int)o[k].id;
}

static bool dept_key(struct tui *t, int own)
{
	struct people_state *pv = tui_state(t, &view_people);
	struct dept *d = cur_dept(pv);
	switch (own) {
	case PV_ADD: ask_dept_add(t); return true;
	case PV_RENAME: if (d) ask_dept_rename(t, d); return true;
	case PV_FACING: if (d) dept_facing(t, d); return true;
	case PV_ARCHIVE: if (d) dept_archive(t, d); return true;
	default: return false;
	}
}

static bool person_key(struct tui *t, int own)
{
	switch (own) {
	case PV_ADD: ask_person_add(t); return true;
	case PV_RENAME: person_rename(t); return true;
	case PV_MOVE: person_move(t); return true;
	case PV_ROLE: person_role(t); return true;
	case PV_EMAIL: person_email(t); return true;
	case PV_ARCHIVE: person_archive(t); return true;
	default: return false;
	}
}

static enum action people_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	struct people_state *pv = tui_state(t, &view_people);
	if (!pv->loaded)
		load(t);
	int own = keymap_find(&people_keymap, ch, is_key);
	if (a == ACT_SELECT)
		own = row_menu(t);
	if (cursor_move(&pv->sel[pv->tab], a, rows_of(pv, pv->tab), t->rows - 7))
		return ACT_NONE;
	if (own == PV_TAB || a == ACT_STEP_NEXT || a == ACT_STEP_PREV) {
		pv->tab = pv->tab == TAB_DEPTS ? TAB_PEOPLE : TAB_DEPTS;
		return ACT_NONE;
	}
	if (own == PV_SHOW_ARCHIVED) {
		pv->show_archived = !pv->show_archived;
		load(t);
		tui_flash(t, false, pv->show_archived ? "Archived ones are shown."
						     : "Archived ones are hidden.");
		return ACT_NONE;
	}
	if (own == PV_MAP) {
		const struct person *p = pv->tab == TAB_PEOPLE ? cur_person(pv) : NULL;
		stakeholder_view_open(t, p ? p->id : 0);
		return ACT_NONE;
	}
	if (pv->tab == TAB_DEPTS ? dept_key(t, own) : person_key(t, own))
		return ACT_NONE;
	if (a == ACT_QUIT) {
		tui_back(t);
		return ACT_NONE;
	}
	return a == ACT_HELP || a == ACT_REDRAW ? a : ACT_NONE;
}

static void people_close(struct tui *t)
{
	struct people_state *pv = tui_state(t, &view_people);
	unload(pv);
}

const struct view_ops view_people = {
	.name = "people",
	.keymap = &people_keymap,
	.private_size = sizeof(struct people_state),
	.draw = people_draw,
	.key = people_key,
	.close = people_close,
};
