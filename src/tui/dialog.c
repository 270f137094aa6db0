/* dialog.c - modal dialogs drawn over the current view: yes/no, one line of
 * input, and the type-to-filter picker used for departments and people. Each
 * is a box for the one modal loop (modal.c), which redraws the view under it
 * on every pass, so a resize is handled anywhere. */
#include <stdlib.h>
#include <string.h>

#include "lineedit.h"
#include "draw.h"
#include "list.h"
#include "screen.h"
#include "dialog.h"
#include "keymap.h"
#include "modal.h"
#include "cxmeet/names.h"
#include "cxmeet/text.h"
#include "cxmeet/leaders.h"
#include "cxmeet/roster.h"
#include "cxmeet/scorecard.h"
#include "cxmeet/util.h"


static int box_width(struct tui *t, int want)
{
	int w = want < t->cols - 4 ? want : t->cols - 4;
	return w < 20 ? 20 : w;
}

static void confirm_draw(struct tui *t, void *ctx)
{
	const char *question = ctx;
	int w = box_width(t, text_cols(question) + 6);
	int lines = text_wrap_rows(question, w - 4, t->rows - 6);
	int h = 4 + lines;
	int y = (t->rows - h) / 2, x = (t->cols - w) / 2;
	draw_dialog_box(y, x, h, w, "Confirm");
	draw_wrapped(y + 1, x + 2, question, w - 4, lines, theme(C_NORMAL));
	draw_text(y + h - 2, x + 2, "y = yes    n / Esc = no", w - 4, theme(C_MUTED));
}

static enum modal_rc confirm_key(struct tui *t, void *ctx, wint_t ch, bool is_key)
{
	(void)ctx;
	if (is_key || tui_pasted(t))
		return MODAL_GO_ON; /* a pasted 'y' answers nothing */
	if (ch == 'y' || ch == 'Y')
		return MODAL_DONE;
	if (ch == 'n' || ch == 'N' || ch == ESC || ch == 'q')
		return MODAL_CANCEL;
	return MODAL_GO_ON;
}

bool dialog_confirm(struct tui *t, const char *question)
{
	static const struct modal confirm = {.draw = confirm_draw, .key = confirm_key};
	return modal_run(t, &confirm, (void *)question) == MODAL_DONE;
}

char *dialog_input(struct tui *t, const char *title, const char *initial,
		   const char *(*check)(const char *text, void *ctx, char *buf, size_t len),
		   void *ctx)
{
	return dialog_input_for(t, title, initial, "save", check, ctx);
}

struct input {
	const char *title;
	char hint[64];
	const char *(*check)(const char *text, void *ctx, char *buf, size_t len);
	void *ctx;
	struct lineedit le;
	char error[256];
	char *text; /* the text given, once Enter is pressed on a good one */
};

static void input_draw(struct tui *t, void *ctx)
{
	struct input *in = ctx;
	int w = box_width(t, 70);
	int y = (t->rows - 6) / 2, x = (t->cols - w) / 2;
	draw_dialog_box(y, x, 6, w, in->title);
	draw_text(y + 3, x + 2, in->error[0] ? in->error : in->hint, w - 4,
		  theme(in->error[0] ? C_WARNING : C_MUTED));
	le_draw(&in->le, y + 2, x + 2, w - 4, true);
}

static enum modal_rc input_key(struct tui *t, void *ctx, wint_t ch, bool is_key)
{
	struct input *in = ctx;
	bool too_long;
	if (tui_inside_paste(t) && !is_key && (ch == '\r' || ch == '\n' || ch == '\t'))
		ch = ' '; /* a pasted line break does not submit */
	if (!is_key && ch == ESC && !tui_inside_paste(t)) /* a pasted Esc cancels nothing */
		return MODAL_CANCEL;
	if ((!is_key && (ch == '\r' || ch == '\n')) || (is_key && ch == KEY_ENTER)) {
		char *text = le_text(&in->le);
		const char *msg =
			in->check ? in->check(text, in->ctx, in->error, sizeof in->error) : NULL;
		if (!msg) {
			in->text = text;
			return MODAL_DONE;
		}
		if (msg != in->error)
			snprintf(in->error, sizeof in->error, "%s", msg);
		free(text);
		return MODAL_GO_ON;
	}
	if (le_key(&in->le, ch, is_key, &too_long)) {
		in->error[0] = '\0';
		if (too_long)
			le_cut_message(&in->le, in->error, sizeof in->error);
	}
	return MODAL_GO_ON;
}

char *dialog_input_for(struct tui *t, const char *title, const char *initial,
		       const char *enter,
		       const char *(*check)(const char *text, void *ctx, char *buf, size_t len),
		       void *ctx)
{
	static const struct modal input = {.draw = input_draw, .key = input_key, .text = true};
	struct input in = {.title = title, .check = check, .ctx = ctx};
	snprintf(in.hint, sizeof in.hint, "Enter = %s    Esc = cancel", enter);
	le_init(&in.le, initial, TEXT_MAX_SHORT);
	modal_run(t, &input, &in);
	le_free(&in.le);
	return in.text;
}

void pick_options_free(struct pick_option *o, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(o[i].label);
		free(o[i].detail);
	}
	free(o);
}

/* How well an option matches the folded filter: 0 the label starts with it,
 * 1 a word of the label does, 2 the label contains it, 3 the detail does,
 * 4 an entry that adds a new option; -1 no match. */
static int match_rank(const struct pick_option *o, const char *f)
{
	if (!*f)
		return 0;
	if (o->id < 0) /* "+ Add ...": first on its own, after any match */
		return 4;
	char *l = text_fold(o->label);
	char *d = text_fold(o->detail ? o->detail : "");
	const char *hit = strstr(l, f);
	int rank = !hit ? (strstr(d, f) ? 3 : -1)
		   : hit == l ? 0 : hit[-1] == ' ' ? 1 : 2;
	free(l);
	free(d);
	return rank;
}

/* Indexes of the matching options, best matches first, stable within a rank. */
static size_t filter_options(const struct pick_option *opts, size_t n, const char *filter,
			     size_t *out)
{
	char *f = text_fold(filter);
	int *rank = xcalloc(n + 1, sizeof *rank);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		rank[i] = match_rank(&opts[i], f);
	for (int r = 0; r <= 4; r++)
		for (size_t i = 0; i < n; i++)
			if (rank[i] == r)
				out[m++] = i;
	free(rank);
	free(f);
	return m;
}

struct pick {
	const char *title;
	const struct pick_option *opts;
	size_t n;
	struct lineedit le; /* the filter */
	size_t *shown;      /* the options the filter lets through, best first */
	size_t m;
	size_t sel, top;
	int result;
};

/* The options shown for the filter as it is now. */
static void pick_filter(struct pick *p)
{
	char *f = le_text(&p->le);
	p->m = filter_options(p->opts, p->n, f, p->shown);
	free(f);
	if (p->sel >= p->m)
		p->sel = p->m ? p->m - 1 : 0;
}

static void pick_draw(struct tui *t, void *ctx)
{
	struct pick *p = ctx;
	pick_filter(p);
	int w = box_width(t, 60);
	int h = t->rows - 4 < 20 ? t->rows - 4 : 20;
	int y = (t->rows - h) / 2, x = (t->cols - w) / 2;
	int list_rows = h - 5;
	draw_dialog_box(y, x, h, w, p->title);
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + (size_t)list_rows)
		p->top = p->sel - (size_t)list_rows + 1;
	for (int r = 0; r < list_rows && p->top + (size_t)r < p->m; r++) {
		const struct pick_option *o = &p->opts[p->shown[p->top + (size_t)r]];
		bool cur = p->top + (size_t)r == p->sel;
		attr_t a = cur ? theme(C_SELECTED) : theme(C_NORMAL);
		draw_fill(y + 3 + r, x + 1, w - 2, a);
		/* A cut label or detail ends in an ellipsis, not mid-word; a
		 * long label leaves room for its detail (a department's kind). */
		int room = w - 4;
		if (o->detail && *o->detail) {
			int keep = room - 2 - text_cols(o->detail);
			room = keep > room / 2 ? keep : room / 2;
		}
		int used = draw_text_fit(y + 3 + r, x + 2, o->label, room, a);
		if (o->detail && used + 3 < w - 4)
			draw_text_fit(y + 3 + r, x + 4 + used, o->detail, w - 6 - used,
				      cur ? a : theme(C_MUTED));
	}
	if (p->m == 0)
		draw_text(y + 3, x + 2, "Nothing matches.", w - 4, theme(C_MUTED));
	draw_text(y + h - 2, x + 2, "Type to filter  Up/Down  Enter = choose  Esc = cancel",
		  w - 4, theme(C_MUTED));
	draw_text(y + 1, x + 2, "Filter:", 8, theme(C_NORMAL));
	le_draw(&p->le, y + 1, x + 10, w - 12, true);
}

static enum modal_rc pick_key(struct tui *t, void *ctx, wint_t ch, bool is_key)
{
	struct pick *p = ctx;
	bool too_long;
	pick_filter(p);
	if (tui_inside_paste(t) && !is_key && (ch == '\r' || ch == '\n' || ch == '\t'))
		return MODAL_GO_ON; /* a pasted line break chooses nothing */
	if (!is_key && ch == ESC && !tui_inside_paste(t))
		return MODAL_CANCEL;
	if ((!is_key && (ch == '\r' || ch == '\n')) || (is_key && ch == KEY_ENTER)) {
		if (p->m == 0)
			return MODAL_GO_ON;
		p->result = (int)p->shown[p->sel];
		return MODAL_DONE;
	}
	/* The list's moving keys; letters are the filter's. */
	enum action mv = is_key ? keymap_lookup(ch, is_key) : ACT_NONE;
	int isel = (int)p->sel, page = (t->rows - 4 < 20 ? t->rows - 4 : 20) - 6;
	if (cursor_move(&isel, mv, p->m, page > 1 ? page : 1)) {
		p->sel = (size_t)isel;
		return MODAL_GO_ON;
	}
	if (le_key(&p->le, ch, is_key, &too_long))
		p->sel = 0;
	return MODAL_GO_ON;
}

int dialog_pick(struct tui *t, const char *title, const struct pick_option *opts, size_t n,
		const char *filter, char **typed)
{
	return dialog_pick_at(t, title, opts, n, filter, typed, 0);
}

int dialog_pick_at(struct tui *t, const char *title, const struct pick_option *opts, size_t n,
		   const char *filter, char **typed, size_t sel)
{
	static const struct modal pick = {.draw = pick_draw, .key = pick_key, .text = true};
	struct pick p = {.title = title, .opts = opts, .n = n, .result = -1,
			 .sel = filter && *filter ? 0 : sel};
	p.shown = xcalloc(n + 1, sizeof *p.shown);
	le_init(&p.le, filter, TEXT_MAX_NAME);
	p.le.prefilled = false; /* the filter was typed: the next key adds to it */
	modal_run(t, &pick, &p);
	if (typed)
		*typed = le_text(&p.le);
	le_free(&p.le);
	free(p.shown);
	return p.result;
}

store_id pick_department(struct tui *t, const char *title, const char *filter)
{
	struct dept *d;
	size_t n;
	if (store_dept_list(t->st, false, &d, &n) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return 0;
	}
	struct pick_option *o = xcalloc(n + 1, sizeof *o);
	for (size_t i = 0; i < n; i++)
		o[i] = (struct pick_option){d[i].id, xstrdup(d[i].name),
					    xstrdup(d[i].behind ? "behind the scenes" : "")};
	int k = dialog_pick(t, title, o, n, filter, NULL);
	store_id id = k >= 0 ? o[k].id : 0;
	pick_options_free(o, n);
	dept_list_free(d, n);
	return id;
}

store_id pick_measure(struct tui *t, const char *title, store_id dept, const char *filter,
		      char **name, bool *kpi)
{
	struct measure *m;
	size_t n;
	*name = NULL;
	*kpi = false;
	if (scorecard_measures(t->st, &m, &n) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return 0;
	}
	struct pick_option *o = xcalloc(n + 1, sizeof *o);
	bool *is_kpi = xcalloc(n + 1, sizeof *is_kpi);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) { /* the scorecard's order; KPIs of dept only */
		bool success = m[i].kind == MEASURE_SUCCESS;
		if (!success && m[i].dept_id != dept)
			continue;
		char v[64] = "";
		if (m[i].has_value)
			measure_value_unit(&m[i], m[i].value, v, sizeof v);
		is_kpi[k] = !success;
		o[k++] = (struct pick_option){m[i].id, xstrdup(m[i].name),
					      xasprintf("%s%s%s", success ? "success statement" : "KPI",
							*v ? " · " : "", v)};
	}
	store_id id = 0;
	if (k == 0) {
		tui_flash(t, true, dept ? "No measure for this department yet (cxmeet measure add)."
					: "No measure yet (cxmeet measure add); a department's KPIs "
					  "show once it is chosen.");
	} else {
		int c = dialog_pick(t, title, o, k, filter, NULL);
		if (c >= 0) {
			id = o[c].id;
			*name = xstrdup(o[c].label);
			*kpi = is_kpi[c];
		}
	}
	pick_options_free(o, k);
	free(is_kpi);
	measure_list_free(m, n);
	return id;
}

/* Refuses a name another department or person already has (compared without
 * regard to case) inside the dialog, before anything is written: a clash
 * said there can be read whole and corrected on the spot. */
struct name_check {
	struct tui *t;
	bool person;   /* a person's name, else a department's */
	store_id self; /* the record being renamed (0: a new one) */
};

static char *name_taken(const struct name_check *c, const char *clean)
{
	char *other_name = NULL;
	if (c->person) {
		struct person p;
		if (person_find(c->t->st, clean, &p) == STORE_OK && p.id != c->self)
			other_name = xstrdup(p.name);
		person_free(&p);
	} else {
		struct dept d;
		if (dept_find(c->t->st, clean, &d) == STORE_OK && d.id != c->self)
			other_name = xstrdup(d.name);
		dept_free(&d);
	}
	return other_name;
}

static const char *check_unique(const char *text, void *ctx, char *buf, size_t len)
{
	const struct name_check *c = ctx;
	char *clean = text_clean(text, TEXT_NAME, "name", buf, len);
	if (!clean)
		return buf;
	char *other = name_taken(c, clean);
	free(clean);
	if (other)
		snprintf(buf, len, "Taken: %s '%s' exists (case is ignored).",
			 c->person ? "a person" : "a department", other);
	free(other);
	return other ? buf : NULL;
}

char *ask_unique_name(struct tui *t, const char *title, const char *initial, bool person,
		      store_id self)
{
	struct name_check c = {t, person, self};
	return dialog_input(t, title, initial, check_unique, &c);
}

int pick_role(struct tui *t, const char *title)
{
	static const char *const what[ROLE_COUNT] = {
		[ROLE_SPONSOR] = "the executive who backs the council",
		[ROLE_LEAD] = "runs the council",
		[ROLE_CHAMPION] = "carries CX into their team",
		[ROLE_MEMBER] = "speaks for their department",
		[ROLE_GUEST] = "joins now and then",
	};
	struct pick_option o[ROLE_COUNT];
	for (int r = 0; r < ROLE_COUNT; r++)
		o[r] = (struct pick_option){r, (char *)role_name((enum role)r), (char *)what[r]};
	return dialog_pick(t, title, o, ROLE_COUNT, "", NULL);
}

/* Adds a person on the spot: a name, then a department. */
static store_id add_person(struct tui *t, const char *filter)
{
	char *name = ask_unique_name(t, "New person: name", filter, true, 0);
	if (!name)
		return 0;
	char title[300];
	snprintf(title, sizeof title, "Department of %s", name);
	store_id dept = pick_department(t, title, "");
	store_id id = 0;
	if (dept) {
		struct person p = {.name = name, .dept_id = dept, .role = ROLE_GUEST,
				   .influence = STANCE_UNSET, .support = STANCE_UNSET};
		if (person_add(t->st, &p, &id) != STORE_OK) {
			tui_flash(t, true, "%s", store_errmsg(t->st));
			id = 0;
		} else {
			tui_flash(t, false, "Added %s (guest).", name);
		}
	}
	free(name);
	return id;
}

store_id pick_person(struct tui *t, const char *title, const char *filter)
{
	return pick_person_of(t, title, filter, 0);
}

store_id pick_person_of(struct tui *t, const char *title, const char *filter, store_id dept)
{
	struct person *p;
	size_t n;
	if (store_person_list(t->st, false, 0, &p, &n) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return 0;
	}
	/* the department's people first, the cursor on the first of them */
	size_t ours = roster_dept_first(p, n, dept);
	struct pick_option *o = xcalloc(n + 2, sizeof *o);
	o[0] = (struct pick_option){-1, xstrdup("+ Add a new person..."), NULL};
	for (size_t i = 0; i < n; i++)
		o[i + 1] = (struct pick_option){p[i].id, xstrdup(p[i].name),
						xasprintf("%s, %s", p[i].dept_name ? p[i].dept_name : "-",
							  role_name(p[i].role))};
	char *typed = NULL;
	int k = dialog_pick_at(t, title, o, n + 1, filter, &typed, ours ? 1 : 0);
	store_id id = k > 0 ? o[k].id : 0;
	pick_options_free(o, n + 1);
	person_list_free(p, n);
	if (k == 0)
		id = add_person(t, typed); /* what was typed is the likely name */
	free(typed);
	return id;
}
