/* dialog.c - modal dialogs drawn over the current view: yes/no, one line of
 * input, and the type-to-filter picker used for departments and people. Each
 * redraws the view under it on every pass, so a resize is handled anywhere. */
#include <stdlib.h>
#include <string.h>

#include "lineedit.h"
#include "draw.h"
#include "list.h"
#include "screen.h"
#include "dialog.h"
#include "keymap.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"


static int box_width(struct tui *t, int want)
{
	int w = want < t->cols - 4 ? want : t->cols - 4;
	return w < 20 ? 20 : w;
}

bool dialog_confirm(struct tui *t, const char *question)
{
	for (;;) {
		tui_redraw(t);
		if (!t->too_small && !tui_hold_drawing(t)) {
			int w = box_width(t, text_cols(question) + 6);
			int lines = text_wrap_rows(question, w - 4, t->rows - 6);
			int h = 4 + lines;
			int y = (t->rows - h) / 2, x = (t->cols - w) / 2;
			draw_dialog_box(y, x, h, w, "Confirm");
			draw_wrapped(y + 1, x + 2, question, w - 4, lines, theme(C_NORMAL));
			draw_text(y + h - 2, x + 2, "y = yes    n / Esc = no", w - 4, theme(C_MUTED));
			refresh();
		}
		wint_t ch;
		bool is_key;
		if (!tui_read_key(t, &ch, &is_key, -1) || is_key || tui_pasted(t)) {
			if (t->quit)
				return false;
			continue; /* a pasted 'y' answers nothing */
		}
		if (ch == 'y' || ch == 'Y')
			return true;
		if (ch == 'n' || ch == 'N' || ch == ESC || ch == 'q')
			return false;
	}
}

char *dialog_input(struct tui *t, const char *title, const char *initial,
		   const char *(*check)(const char *text, void *ctx, char *buf, size_t len),
		   void *ctx)
{
	return dialog_input_for(t, title, initial, "save", check, ctx);
}

char *dialog_input_for(struct tui *t, const char *title, const char *initial,
		       const char *enter,
		       const char *(*check)(const char *text, void *ctx, char *buf, size_t len),
		       void *ctx)
{
	struct lineedit le;
	char error[256] = "", hint[64];
	snprintf(hint, sizeof hint, "Enter = %s    Esc = cancel", enter);
	le_init(&le, initial, TEXT_MAX_SHORT);
	for (;;) {
		tui_redraw(t);
		if (!t->too_small && !tui_hold_drawing(t)) {
			int w = box_width(t, 70);
			int y = (t->rows - 6) / 2, x = (t->cols - w) / 2;
			draw_dialog_box(y, x, 6, w, title);
			draw_text(y + 3, x + 2, error[0] ? error : hint, w - 4,
				  theme(error[0] ? C_WARNING : C_MUTED));
			le_draw(&le, y + 2, x + 2, w - 4, true);
			refresh();
		}
		wint_t ch;
		bool is_key, too_long;
		if (!tui_read_text(t, &ch, &is_key, -1)) {
			if (t->quit) {
				le_free(&le);
				return NULL;
			}
			continue;
		}
		curs_set(0);
		if (tui_inside_paste(t) && !is_key && (ch == '\r' || ch == '\n' || ch == '\t'))
			ch = ' '; /* a pasted line break does not submit */
		if (!is_key && ch == ESC && !tui_inside_paste(t)) { /* a pasted Esc cancels nothing */
			le_free(&le);
			return NULL;
		}
		if ((!is_key && (ch == '\r' || ch == '\n')) || (is_key && ch == KEY_ENTER)) {
			char *text = le_text(&le);
			const char *msg = check ? check(text, ctx, error, sizeof error) : NULL;
			if (!msg) {
				le_free(&le);
				return text;
			}
			if (msg != error)
				snprintf(error, sizeof error, "%s", msg);
			free(text);
			continue;
		}
		if (le_key(&le, ch, is_key, &too_long)) {
			error[0] = '\0';
			if (too_long)
				le_cut_message(&le, error, sizeof error);
		}
	}
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

int dialog_pick(struct tui *t, const char *title, const struct pick_option *opts, size_t n,
		const char *filter, char **typed)
{
	struct lineedit le;
	size_t *shown = xcalloc(n + 1, sizeof *shown);
	size_t sel = 0, top = 0;
	le_init(&le, filter, TEXT_MAX_NAME);
	le.prefilled = false; /* the filter was typed: the next key adds to it */
	int result = -1;
	for (;;) {
		char *f = le_text(&le);
		size_t m = filter_options(opts, n, f, shown);
		free(f);
		if (sel >= m)
			sel = m ? m - 1 : 0;
		tui_redraw(t);
		if (!t->too_small && !tui_hold_drawing(t)) {
			int w = box_width(t, 60);
			int h = t->rows - 4 < 20 ? t->rows - 4 : 20;
			int y = (t->rows - h) / 2, x = (t->cols - w) / 2;
			int list_rows = h - 5;
			draw_dialog_box(y, x, h, w, title);
			if (sel < top)
				top = sel;
			if (sel >= top + (size_t)list_rows)
				top = sel - (size_t)list_rows + 1;
			for (int r = 0; r < list_rows && top + (size_t)r < m; r++) {
				const struct pick_option *o = &opts[shown[top + (size_t)r]];
				bool cur = top + (size_t)r == sel;
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
			if (m == 0)
				draw_text(y + 3, x + 2, "Nothing matches.", w - 4, theme(C_MUTED));
			draw_text(y + h - 2, x + 2, "Type to filter  Up/Down  Enter = choose  Esc = cancel",
				  w - 4, theme(C_MUTED));
			draw_text(y + 1, x + 2, "Filter:", 8, theme(C_NORMAL));
			le_draw(&le, y + 1, x + 10, w - 12, true);
			refresh();
		}
		wint_t ch;
		bool is_key, too_long;
		if (!tui_read_text(t, &ch, &is_key, -1)) {
			if (t->quit)
				break;
			continue;
		}
		curs_set(0);
		if (tui_inside_paste(t) && !is_key && (ch == '\r' || ch == '\n' || ch == '\t'))
			continue; /* a pasted line break chooses nothing */
		if (!is_key && ch == ESC && !tui_inside_paste(t))
			break;
		if ((!is_key && (ch == '\r' || ch == '\n')) || (is_key && ch == KEY_ENTER)) {
			if (m > 0) {
				result = (int)shown[sel];
				break;
			}
			continue;
		}
		/* The list's moving keys; letters are the filter's. */
		enum action mv = is_key ? keymap_lookup(ch, is_key) : ACT_NONE;
		int isel = (int)sel, page = (t->rows - 4 < 20 ? t->rows - 4 : 20) - 6;
		if (cursor_move(&isel, mv, m, page > 1 ? page : 1)) {
			sel = (size_t)isel;
			continue;
		}
		if (le_key(&le, ch, is_key, &too_long))
			sel = 0;
	}
	if (typed)
		*typed = le_text(&le);
	le_free(&le);
	free(shown);
	return result;
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
		if (store_person_find(c->t->st, clean, &p) == STORE_OK && p.id != c->self)
			other_name = xstrdup(p.name);
		person_free(&p);
	} else {
		struct dept d;
		if (store_dept_find(c->t->st, clean, &d) == STORE_OK && d.id != c->self)
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
		if (store_person_add(t->st, &p, &id) != STORE_OK) {
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
	struct person *p;
	size_t n;
	if (store_person_list(t->st, false, 0, &p, &n) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return 0;
	}
	struct pick_option *o = xcalloc(n + 2, sizeof *o);
	o[0] = (struct pick_option){-1, xstrdup("+ Add a new person..."), NULL};
	for (size_t i = 0; i < n; i++)
		o[i + 1] = (struct pick_option){p[i].id, xstrdup(p[i].name),
						xasprintf("%s, %s", p[i].dept_name ? p[i].dept_name : "-",
							  role_name(p[i].role))};
	char *typed = NULL;
	int k = dialog_pick(t, title, o, n + 1, filter, &typed);
	store_id id = k > 0 ? o[k].id : 0;
	pick_options_free(o, n + 1);
	person_list_free(p, n);
	if (k == 0)
		id = add_person(t, typed); /* what was typed is the likely name */
	free(typed);
	return id;
}
