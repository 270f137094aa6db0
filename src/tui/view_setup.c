/* view_setup.c - the first-run walk-through: organisation name, CX mission, CX
 * success statement, cadence, departments and the first council members, one
 * screen per step. Every answer is saved when given, and the step reached is
 * kept in the organisation (setup_step), so that quitting half-way and
 * starting again resumes there. Skipped steps show up on home as "To do". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lineedit.h"
#include "draw.h"
#include "list.h"
#include "screen.h"
#include "dialog.h"
#include "form.h"
#include "views.h"
#include "council_facts.h"
#include "keymap.h"
#include "cxmeet/cadence.h"
#include "cxmeet/names.h"
#include "cxmeet/setup.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

#define STEP_COUNT (SETUP_DONE - SETUP_NAME)

struct setup_state {
	int step;
	struct lineedit le; /* the answer of a text step */
	bool le_on;
	int sel, top;       /* the list of the cadence, departments and members steps */
	store_id follow;    /* a department just added or renamed: the cursor goes to it */
};

struct step_text {
	const char *title;
	const char *explain;
	const char *questions[4];
};

/* The explanation of each step, and the questions that help answer it. */
#define NAME_TEXT "Which company or unit does this council serve? Its name heads every " \
	"screen and the minutes."
#define MISSION_TEXT "In a sentence or two: the experience every customer should have, " \
	"every time. It opens every meeting, so that every department speaks the same " \
	"language. These questions help:"
#define SUCCESS_TEXT "What success means in business outcomes, and how it is measured. " \
	"These questions help:"
#define CADENCE_TEXT "How often does the council meet? A steady rhythm keeps it alive: " \
	"most councils meet monthly, many weekly or every two weeks while they start."
#define DEPTS_TEXT "Keep the departments your organisation has, rename them to your own " \
	"words, remove the others and add what is missing. Customer-facing ones talk to " \
	"customers; behind-the-scenes ones shape the experience without meeting customers, " \
	"and their wins are the hidden heroes."
#define MEMBERS_TEXT "Add the people on the council, each with a department and a role: " \
	"the executive sponsor breaks ties and removes obstacles, the lead runs the " \
	"meetings, champions carry the work into their departments. Guests are not members."

static const struct step_text steps[SETUP_DONE] = {
	[SETUP_NAME] = {"Your organisation", NAME_TEXT, {NULL}},
	[SETUP_MISSION] = {"Your CX mission", MISSION_TEXT,
			   {"Who are our customers?",
			    "What experience should they have, every time?",
			    "How should they feel after dealing with us?", NULL}},
	[SETUP_SUCCESS] = {"Your CX success statement", SUCCESS_TEXT,
			   {"Which business outcomes will a better experience bring (customers "
			    "who stay, buy again, recommend us; a lower cost to serve)?",
			    "How will we measure them, and how often?",
			    "Which figure would tell us we have succeeded?", NULL}},
	[SETUP_CADENCE] = {"Your cadence", CADENCE_TEXT, {NULL}},
	[SETUP_DEPARTMENTS] = {"Your departments", DEPTS_TEXT, {NULL}},
	[SETUP_MEMBERS] = {"Your first council members", MEMBERS_TEXT, {NULL}},
};

static bool is_text_step(int step)
{
	return step == SETUP_NAME || step == SETUP_MISSION || step == SETUP_SUCCESS;
}

static enum org_text step_field(int step)
{
	return step == SETUP_NAME ? ORG_NAME : step == SETUP_MISSION ? ORG_MISSION : ORG_SUCCESS;
}

/* The row of the stored cadence. */
static int cadence_index(struct tui *t)
{
	struct org o;
	if (store_org_get(t->st, &o) != STORE_OK)
		return 0;
	int k = (int)cadence_choice_of(&o.cadence);
	org_free(&o);
	return k;
}

/* Makes the screen show `step`, with the field holding the saved answer. */
static void enter_step(struct tui *t, int step)
{
	struct setup_state *su = tui_state(t, &view_setup);
	if (su->le_on)
		le_free(&su->le);
	su->le_on = false;
	su->step = step;
	su->sel = su->top = 0;
	if (is_text_step(step)) {
		struct org o;
		bool have = store_org_get(t->st, &o) == STORE_OK;
		le_init(&su->le, have ? o.text[step_field(step)] : "",
			step == SETUP_NAME ? TEXT_MAX_NAME : TEXT_MAX_SHORT);
		su->le_on = true;
		if (have)
			org_free(&o);
	} else if (step == SETUP_CADENCE) {
		su->sel = cadence_index(t);
	}
}

/* Goes to another step and records it, so that a restart resumes there. */
static void go(struct tui *t, int step)
{
	if (step < SETUP_NAME)
		step = SETUP_NAME;
	if (store_org_set_setup_step(t->st, step) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	if (step >= SETUP_DONE) {
		tui_back(t); /* setup_close frees the field */
		tui_flash(t, false,
			  "Set-up done. Change any of it later under Council and charter.");
		return;
	}
	enter_step(t, step);
}

/* Ends the transaction begun for an answer (rc: how writing it went): the
 * answer and the step reached are saved together or not at all. */
static bool commit_with_step(struct tui *t, enum store_rc rc, int next)
{
	if (rc == STORE_OK)
		rc = store_org_set_setup_step(t->st, next);
	if (rc == STORE_OK)
		rc = store_commit(t->st);
	else
		store_rollback(t->st);
	if (rc != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	return rc == STORE_OK;
}

/* Saves the answer of a text step and the next step in one transaction. */
static bool save_answer(struct tui *t, const char *text, int next)
{
	struct setup_state *su = tui_state(t, &view_setup);
	enum org_text f = step_field(su->step);
	enum store_rc rc = store_begin(t->st);
	if (rc == STORE_OK)
		rc = org_set_text(t->st, f, text);
	if (!commit_with_step(t, rc, next))
		return false;
	tui_flash(t, false, "Saved: %s.", org_text_label(f));
	return true;
}

static bool blank(const char *s) { return s[strspn(s, " \t\r\n")] == '\0'; }

/* Enter on a text step: a blank answer passes the step over, any other is
 * saved before the next step shows. */
static void submit(struct tui *t, const char *text)
{
	struct setup_state *su = tui_state(t, &view_setup);
	int next = su->step + 1;
	struct org o;
	bool same = false;
	if (store_org_get(t->st, &o) == STORE_OK) {
		same = strcmp(o.text[step_field(su->step)], text) == 0;
		org_free(&o);
	}
	if (blank(text) || same) { /* nothing new: no version recorded */
		go(t, next);
		return;
	}
	if (!save_answer(t, text, next))
		return;
	char msg[sizeof t->flash];
	snprintf(msg, sizeof msg, "%s", t->flash);
	go(t, next);
	if (t->view->ops == &view_setup)
		tui_flash(t, false, "%s", msg);
}

/* Leaving half-way: what was typed and not yet saved is kept, the step too. */
static void stop(struct tui *t)
{
	struct setup_state *su = tui_state(t, &view_setup);
	if (su->le_on) {
		char *text = le_text(&su->le);
		struct org o;
		if (!blank(text) && store_org_get(t->st, &o) == STORE_OK) {
			if (strcmp(o.text[step_field(su->step)], text) != 0)
				save_answer(t, text, su->step);
			org_free(&o);
		}
		free(text);
	}
	t->quit = true;
}

enum {
	SU_ENTER = ACT_VIEW,
	SU_EDITOR,
	SU_NEXT,
	SU_PREV,
	SU_ADD,
	SU_FACING,
	SU_RENAME,
	SU_REMOVE,
};

static const struct keymap_entry setup_keys[] = {
	KM_HEADING("Setting up the council"),
	{SU_NEXT, "step-next", "Next step, this one left as it is", {KM_CH('\t')}},
	{SU_PREV, "step-prev", "Previous step", {KM_FN(KEY_BTAB)}},
	{ACT_QUIT, "stop", "Stop for now: the set-up goes on from this step next time (in a "
			   "step with text q is typed, and Esc or Ctrl-C stop)", {KM_CH(ESC)}},
	KM_HEADING("A step with text"),
	{SU_ENTER, "save", "Save the answer and go on", {KM_CH('\n'), KM_CH('\r'), KM_FN(KEY_ENTER)}},
	{SU_EDITOR, "editor", "Write the answer in $EDITOR", {KM_CH(CTRL('e'))}},
	KM_HEADING("The cadence"),
	{SU_ENTER, "choose", "Choose the cadence under the cursor", {KM_CH('\n')}},
	KM_HEADING("Departments"),
	{SU_ADD, "add", "Add a department", {KM_CH('a')}},
	{SU_FACING, "facing", "Switch customer-facing / behind the scenes",
	 {KM_CH(' '), KM_CH('f')}},
	{SU_RENAME, "rename", "Rename the department", {KM_CH('r')}},
	{SU_REMOVE, "remove", "Remove the department (it is archived: its history stays)",
	 {KM_CH('X')}},
	{SU_ENTER, "done", "Done: on to the council's members", {KM_CH('\n')}},
	KM_HEADING("Members"),
	{SU_ADD, "add", "Add a council member", {KM_CH('a')}},
	{SU_ENTER, "done", "Done: the set-up is finished", {KM_CH('\n')}},
};

static const struct keymap setup_keymap = KEYMAP("the first-run set-up", setup_keys);

static enum action text_key(struct tui *t, wint_t ch, bool is_key)
{
	struct setup_state *su = tui_state(t, &view_setup);
	if (tui_inside_paste(t) && !is_key && (ch == '\r' || ch == '\n' || ch == '\t'))
		ch = ' '; /* a pasted line break does not submit */
	int own = keymap_find(&setup_keymap, ch, is_key);
	if (own == SU_ENTER) {
		char *text = le_text(&su->le);
		submit(t, text);
		free(text);
	} else if (own == SU_EDITOR) {
		char *cur = le_text(&su->le), *out = NULL, err[256];
		if (tui_edit_external(t, cur, &out, err, sizeof err) != 0)
			tui_flash(t, true, "%s", err);
		else
			submit(t, out);
		free(cur);
		free(out);
	} else {
		bool too_long;
		if (le_key(&su->le, ch, is_key, &too_long) && too_long) {
			char msg[128];
			le_cut_message(&su->le, msg, sizeof msg);
			tui_flash(t, true, "%s", msg);
		}
	}
	return ACT_NONE;
}

/* --- the cadence step ------------------------------------------------------ */

static void cadence_choose(struct tui *t)
{
	struct setup_state *su = tui_state(t, &view_setup);
	struct cadence c;
	if (!cadence_choice_take(t, (size_t)su->sel, &c))
		return;
	enum store_rc rc = store_begin(t->st);
	if (rc == STORE_OK)
		rc = store_org_set_cadence(t->st, &c);
	if (!commit_with_step(t, rc, su->step + 1))
		return;
	char buf[48];
	cadence_format(&c, buf, sizeof buf);
	go(t, su->step + 1);
	tui_flash(t, false, "Saved: the council meets %s.", buf);
}

/* --- the departments step -------------------------------------------------- */

static void dept_key(struct tui *t, int own, const struct dept *d, size_t n)
{
	struct setup_state *su = tui_state(t, &view_setup);
	const struct dept *cur = n ? &d[su->sel < (int)n ? su->sel : (int)n - 1] : NULL;
	enum store_rc rc = STORE_OK;
	char *name = NULL;
	if (own == SU_ADD) {
		name = ask_unique_name(t, "New department: name", "", false, 0);
		if (name && (rc = dept_add(t->st, name, false, &su->follow)) == STORE_OK)
			tui_flash(t, false, "Added %s (customer-facing; Space to change).", name);
	} else if (!cur) {
		return;
	} else if (own == SU_FACING) {
		rc = store_dept_set_behind(t->st, cur->id, !cur->behind);
		if (rc == STORE_OK)
			tui_flash(t, false, "%s: %s.", cur->name,
				  cur->behind ? "customer-facing" : "behind the scenes");
	} else if (own == SU_RENAME) {
		name = ask_unique_name(t, "Rename the department", cur->name, false, cur->id);
		if (name && (rc = dept_rename(t->st, cur->id, name)) == STORE_OK) {
			tui_flash(t, false, "Renamed to %s.", name);
			su->follow = cur->id;
		}
	} else if (own == SU_REMOVE) {
		char *q = xasprintf("Remove %s? (it is archived: its history stays)", cur->name);
		if (dialog_confirm(t, q) &&
		    (rc = store_dept_set_archived(t->st, cur->id, true)) == STORE_OK)
			tui_flash(t, false, "Removed %s.", cur->name);
		free(q);
	}
	if (rc != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	free(name);
}

/* --- the members step ------------------------------------------------------ */

static void member_add(struct tui *t)
{
	char *name = ask_unique_name(t, "New council member: name", "", true, 0);
	if (!name)
		return;
	char *title = xasprintf("Department of %s", name);
	store_id dept = pick_department(t, title, "");
	free(title);
	title = xasprintf("Role of %s", name);
	int role = dept ? pick_role(t, title) : -1;
	free(title);
	if (role >= 0) {
		struct person p = {.name = name, .dept_id = dept, .role = (enum role)role,
				   .influence = STANCE_UNSET, .support = STANCE_UNSET};
		if (person_add(t->st, &p, NULL) != STORE_OK)
			tui_flash(t, true, "%s", store_errmsg(t->st));
		else
			tui_flash(t, false, "Added %s (%s).", name, role_name((enum role)role));
	}
	free(name);
}

/* --- drawing --------------------------------------------------------------- */

/* The explanation and the questions; returns the next free row. */
static int draw_intro(struct tui *t, int y)
{
	struct setup_state *su = tui_state(t, &view_setup);
	const struct step_text *s = &steps[su->step];
	int x = 2, w = t->cols - 4, limit = t->rows / 2;
	char line[120];
	snprintf(line, sizeof line, " cxmeet: setting up your CX council  (step %d of %d)",
		 su->step - SETUP_NAME + 1, STEP_COUNT);
	draw_line(0, 0, line, t->cols, theme(C_TITLE));
	draw_text(y++, x, s->title, w, theme(C_HEADING));
	y += draw_wrapped(y, x, s->explain, w, limit - y > 1 ? limit - y : 1, theme(C_NORMAL));
	for (int i = 0; s->questions[i] && y < limit + 2; i++) {
		draw_text(y, x + 2, "-", 1, theme(C_ACCENT));
		y += draw_wrapped(y, x + 4, s->questions[i], w - 4, 2, theme(C_ACCENT));
	}
	return y + 1;
}

static void status(struct tui *t, const char *full, const char *compact)
{
	draw_line(t->rows - 1, 0, t->compact ? compact : full, t->cols, theme(C_STATUS));
}

static void draw_text_step(struct tui *t, int y)
{
	struct setup_state *su = tui_state(t, &view_setup);
	const char *label = su->step == SETUP_NAME ? "Name:"
				: "Your answer (Ctrl-E for several lines):";
	draw_text(y++, 2, label, t->cols - 4, theme(C_MUTED));
	draw_fill(y, 2, t->cols - 4, theme(C_SELECTED));
	status(t, " Enter save and go on  Ctrl-E write in $EDITOR  Tab skip  Shift-Tab back  "
		  "Esc stop for now",
	       " Enter save  Ctrl-E $EDITOR  Tab skip  S-Tab back  Esc stop");
	if (!tui_hold_drawing(t))
		le_draw(&su->le, y, 2, t->cols - 4, true);
}

static void draw_cadence_step(struct tui *t, int y)
{
	struct setup_state *su = tui_state(t, &view_setup);
	const struct cadence_choice *ch;
	size_t n = cadence_choices(&ch);
	struct org o;
	size_t now = n;
	char cur[48] = "";
	if (store_org_get(t->st, &o) == STORE_OK) {
		now = cadence_choice_of(&o.cadence);
		cadence_format(&o.cadence, cur, sizeof cur);
		org_free(&o);
	}
	for (size_t i = 0; i < n && y < t->rows - 2; i++, y++) {
		char line[120], mark[64] = "";
		if (i == now)
			snprintf(mark, sizeof mark, "  (current%s%s)", ch[i].c.n ? "" : ": ",
				 ch[i].c.n ? "" : cur);
		snprintf(line, sizeof line, "  %s%s", ch[i].label, mark);
		draw_line(y, 2, line, 40, (int)i == su->sel ? theme(C_SELECTED) : theme(C_NORMAL));
	}
	status(t, " Up/Down choose  Enter save and go on  Tab skip  Shift-Tab back  q stop for now",
	       " Enter save  Tab skip  S-Tab back  q stop");
}

/* A scrolled list of rows drawn by row(); keeps su->sel within n. */
typedef void draw_row_fn(struct tui *t, size_t i, int y, const void *data);

static void draw_list(struct tui *t, int y, int bottom, size_t n, draw_row_fn *row,
		      const void *data)
{
	struct setup_state *su = tui_state(t, &view_setup);
	if (su->sel >= (int)n)
		su->sel = n ? (int)n - 1 : 0;
	int rows = bottom - y;
	list_area(t, y, 0, t->cols, rows, su->sel, &su->top, n);
	for (int i = 0; i < rows && (size_t)(su->top + i) < n; i++)
		row(t, (size_t)(su->top + i), y + i, data);
}

static void dept_row(struct tui *t, size_t i, int y, const void *data)
{
	struct setup_state *su = tui_state(t, &view_setup);
	const struct dept *d = (const struct dept *)data + i;
	attr_t a = (int)i == su->sel ? theme(C_SELECTED) : theme(C_NORMAL);
	draw_fill(y, 2, t->cols - 4, a);
	draw_text_fit(y, 4, d->name, t->cols / 2 - 4, a);
	draw_text(y, t->cols / 2 + 2, d->behind ? "behind the scenes" : "customer-facing",
		  t->cols / 2 - 4, (int)i == su->sel ? a : d->behind ? theme(C_ACCENT) : a);
}

static void draw_dept_step(struct tui *t, int y)
{
	struct setup_state *su = tui_state(t, &view_setup);
	struct dept *d = NULL;
	size_t n = 0;
	if (store_dept_list(t->st, false, &d, &n) != STORE_OK)
		draw_text(y, 2, store_errmsg(t->st), t->cols - 4, theme(C_ERROR));
	else if (n == 0)
		draw_text(y, 2, "No departments: press a to add one.", t->cols - 4, theme(C_MUTED));
	for (size_t i = 0; su->follow && i < n; i++)
		if (d[i].id == su->follow)
			su->sel = (int)i;
	su->follow = 0;
	draw_list(t, y, t->rows - 2, n, dept_row, d);
	dept_list_free(d, n);
	status(t, " Space customer-facing/behind  r rename  X remove  a add  Enter go on  "
		  "Tab skip  Shift-Tab back  q stop",
	       " Space facing  r rename  X remove  a add  Enter next  q stop");
}

static void person_row(struct tui *t, size_t i, int y, const void *data)
{
	const struct person *p = (const struct person *)data + i;
	char line[400];
	snprintf(line, sizeof line, "%s, %s", p->dept_name ? p->dept_name : "-",
		 role_name(p->role));
	draw_text_fit(y, 4, p->name, t->cols / 2 - 4, theme(C_NORMAL));
	draw_text_fit(y, t->cols / 2 + 2, line, t->cols / 2 - 4, theme(C_MUTED));
}

static void draw_members_step(struct tui *t, int y)
{
	struct setup_state *su = tui_state(t, &view_setup);
	struct council_facts f;
	int box = 0;
	if (council_facts_load(t, &f)) {
		/* The roster check, so that the gaps are seen while filling them. */
		int shown = f.nf < 3 ? (int)f.nf : 3;
		for (int i = 0; i < shown; i++)
			roster_line(&f, i, shown, t->rows - 2 - shown + i, 4, t->cols - 8);
		box = shown ? shown + 1 : 0;
		council_facts_free(&f);
	}
	struct person *p = NULL;
	size_t n = 0;
	if (store_person_list(t->st, false, 0, &p, &n) == STORE_OK && n == 0)
		draw_text(y, 2, "Nobody yet: press a to add the first member.", t->cols - 4,
			  theme(C_MUTED));
	su->sel = n ? (int)n - 1 : 0; /* the newest rows show */
	draw_list(t, y, t->rows - 2 - box, n, person_row, p);
	person_list_free(p, n);
	status(t, " a add a member  Enter finish  Tab skip  Shift-Tab back  q stop for now",
	       " a add  Enter finish  Tab skip  S-Tab back  q stop");
}

static void setup_draw(struct tui *t)
{
	struct setup_state *su = tui_state(t, &view_setup);
	if (!is_text_step(su->step))
		curs_set(0);
	int y = draw_intro(t, 2);
	switch (su->step) {
	case SETUP_NAME:
	case SETUP_MISSION:
	case SETUP_SUCCESS: draw_text_step(t, y); break;
	case SETUP_CADENCE: draw_cadence_step(t, y); break;
	case SETUP_DEPARTMENTS: draw_dept_step(t, y); break;
	default: draw_members_step(t, y); break;
	}
}

/* --- keys ------------------------------------------------------------------ */

static size_t dept_count(struct tui *t, struct dept **d)
{
	size_t n = 0;
	if (store_dept_list(t->st, false, d, &n) != STORE_OK)
		*d = NULL;
	return n;
}

static enum action setup_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	struct setup_state *su = tui_state(t, &view_setup);
	if (tui_pasted(t)) /* pasted text is typed into the answer, never a command */
		return is_text_step(su->step) ? text_key(t, ch, is_key) : ACT_NONE;
	int own = keymap_find(&setup_keymap, ch, is_key);
	if (own == SU_PREV) {
		go(t, su->step - 1);
		return ACT_NONE;
	}
	if (own == SU_NEXT) {
		go(t, su->step + 1);
		return ACT_NONE;
	}
	if (own == ACT_QUIT || (a == ACT_QUIT && (ch != 'q' || !is_text_step(su->step)))) {
		stop(t);
		return ACT_NONE;
	}
	if (is_text_step(su->step))
		return text_key(t, ch, is_key);
	if (su->step == SETUP_CADENCE) {
		const struct cadence_choice *choices;
		if (cursor_move(&su->sel, a, cadence_choices(&choices), 3))
			return ACT_NONE;
		if (own == SU_ENTER)
			cadence_choose(t);
		return a == ACT_HELP ? a : ACT_NONE;
	}
	if (su->step == SETUP_DEPARTMENTS) {
		struct dept *d;
		size_t n = dept_count(t, &d);
		if (cursor_move(&su->sel, a, n, 5)) {
		} else if (own == SU_ENTER) {
			go(t, su->step + 1);
		} else {
			dept_key(t, own, d, n);
		}
		dept_list_free(d, n);
		return a == ACT_HELP ? a : ACT_NONE;
	}
	if (own == SU_ADD)
		member_add(t);
	else if (own == SU_ENTER)
		go(t, SETUP_DONE);
	return a == ACT_HELP ? a : ACT_NONE;
}

static void setup_close(struct tui *t)
{
	struct setup_state *su = tui_state(t, &view_setup);
	if (su->le_on)
		le_free(&su->le);
	su->le_on = false;
	curs_set(0);
}

static bool setup_typing(struct tui *t)
{
	struct setup_state *su = tui_state(t, &view_setup);
	return is_text_step(su->step);
}

void setup_view_open(struct tui *t, int step)
{
	tui_open_view(t, &view_setup);
	enter_step(t, setup_pending(step) ? step : SETUP_NAME);
}

const struct view_ops view_setup = {
	.name = "setup",
	.keymap = &setup_keymap,
	.private_size = sizeof(struct setup_state),
	.draw = setup_draw,
	.key = setup_key,
	.close = setup_close,
	.text_input = true,
	.typing = setup_typing,
};
