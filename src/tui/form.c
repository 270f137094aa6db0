/* form.c - the capture form for every item kind: text, detail (wrapping in
 * place over several rows, or $EDITOR for line breaks),
 * department and person pickers, due date (parsed by core, errors inline),
 * rationale and revisit date for decisions, consent for stories, and a link to
 * the item under the cursor. Enter saves; the item is committed before the
 * form closes and the screen calls it saved. */
#include <stdlib.h>
#include <string.h>

#include "lineedit.h"
#include "textarea.h"
#include "draw.h"
#include "screen.h"
#include "dialog.h"
#include "form.h"
#include "keymap.h"
#include "modal.h"
#include "cxmeet/meeting.h"
#include "cxmeet/roster.h"
#include "cxmeet/editor.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

#define FIELD_ERROR_ROWS 4

enum field_kind { F_TEXT, F_DETAIL, F_DEPT, F_PERSON, F_DUE, F_RATIONALE, F_REVISIT,
		  F_CONSENT, F_LINK, F_KPI };

struct field {
	enum field_kind kind;
	const char *label;
	struct lineedit le; /* text fields */
	char *multiline;    /* detail or rationale with newlines, edited in $EDITOR */
	int top;            /* detail or rationale: the first wrapped row shown */
	store_id id;        /* pickers */
	char *name;         /* pickers: the chosen name */
	bool on;            /* toggles */
	char error[256];
};

struct form {
	struct item *it;
	const struct item *link_to;
	int link; /* enum link_kind offered, or -1 */
	struct field f[10];
	int n, focus;
	struct date_context dates;
	char error[256];
	bool dirty;
	int area_rows;  /* rows of a detail or rationale, by the terminal's height */
	int area_width; /* their columns, as last drawn */
};

static const char *const text_labels[ITEM_KIND_COUNT] = {
	"Decision", "Action", "Win", "Story", "Insight", "Note", "Topic", "Message",
	"Talking point",
};

static const char *person_label(enum item_kind k)
{
	switch (k) {
	case ITEM_ACTION: return "Owner";
	case ITEM_DECISION: return "Decided by";
	case ITEM_WIN: return "Hero";
	case ITEM_STORY: return "Told by";
	case ITEM_PARKED: return "Raised by";
	default: return NULL;
	}
}

static struct field *add(struct form *fm, enum field_kind kind, const char *label)
{
	struct field *f = &fm->f[fm->n++];
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->label = label;
	return f;
}

static void set_long_text(struct field *f, const char *text)
{
	free(f->multiline);
	f->multiline = NULL;
	if (text && strchr(text, '\n'))
		f->multiline = xstrdup(text);
	le_init(&f->le, f->multiline ? "" : text, TEXT_MAX_LONG);
}

static char *name_of(struct tui *t, bool dept, store_id id)
{
	if (!id)
		return NULL;
	char *name = NULL;
	if (dept) {
		struct dept d;
		if (store_dept_get(t->st, id, &d) == STORE_OK)
			name = xstrdup(d.name);
		dept_free(&d);
	} else {
		struct person p;
		if (store_person_get(t->st, id, &p) == STORE_OK)
			name = xstrdup(p.name);
		person_free(&p);
	}
	return name;
}

static void build(struct tui *t, struct form *fm)
{
	struct item *it = fm->it;
	char buf[16];
	struct field *f = add(fm, F_TEXT, text_labels[it->kind]);
	le_init(&f->le, it->text, TEXT_MAX_SHORT);
	f = add(fm, F_DETAIL, "Detail");
	set_long_text(f, it->detail);
	f = add(fm, F_DEPT, it->kind == ITEM_MESSAGE ? "To department"
			    : it->kind == ITEM_WIN ? "Credited to" : "Department");
	f->id = it->dept_id;
	f->name = name_of(t, true, f->id);
	if (person_label(it->kind)) {
		f = add(fm, F_PERSON, person_label(it->kind));
		f->id = it->person_id;
		f->name = name_of(t, false, f->id);
	}
	if (it->kind == ITEM_ACTION) {
		f = add(fm, F_DUE, "Due");
		cx_date due = it->due != DATE_NONE ? it->due : fm->dates.next_meeting;
		date_format(due, buf, sizeof buf);
		le_init(&f->le, due == DATE_NONE ? "" : buf, 64);
	}
	/* the scorecard's measure a new action serves, or a win or an insight moved */
	if ((it->kind == ITEM_ACTION || it->kind == ITEM_WIN || it->kind == ITEM_INSIGHT) &&
	    it->id == 0)
		add(fm, F_KPI, it->kind == ITEM_ACTION ? "Serves measure" : "Moved measure");
	if (it->kind == ITEM_DECISION) {
		f = add(fm, F_RATIONALE, "Rationale");
		set_long_text(f, it->rationale);
		f = add(fm, F_REVISIT, "Revisit on");
		date_format(it->revisit, buf, sizeof buf);
		le_init(&f->le, it->revisit == DATE_NONE ? "" : buf, 64);
	}
	if (it->kind == ITEM_STORY) {
		f = add(fm, F_CONSENT, "Customer named");
		f->on = it->consent;
	}
	bool ticked;
	if (fm->link_to && it->id == 0 &&
	    (fm->link = item_link_kind(it->kind, fm->link_to->kind, &ticked)) >= 0) {
		f = add(fm, F_LINK, fm->link == LINK_SETTLES ? "Settles topic" : "Arose from");
		f->on = ticked;
	}
}

static void form_free(struct form *fm)
{
	for (int i = 0; i < fm->n; i++) {
		le_free(&fm->f[i].le);
		free(fm->f[i].multiline);
		free(fm->f[i].name);
	}
}

static bool is_line(enum field_kind k)
{
	return k == F_TEXT || k == F_DETAIL || k == F_DUE || k == F_RATIONALE || k == F_REVISIT;
}

/* A detail or rationale typed in the form: it wraps in place over several
 * rows (one with line breaks shows as a line, for $EDITOR). */
static bool is_area(const struct field *f)
{
	return (f->kind == F_DETAIL || f->kind == F_RATIONALE) && !f->multiline;
}

/* Says, under the label of a text area, that some of its text is out of
 * view above or below. */
static void draw_area_more(struct form *fm, struct field *f, int y, int x, int total)
{
	int rows = fm->area_rows;
	if (rows < 2)
		return;
	bool above = f->top > 0, below = f->top + rows < total;
	if (above)
		draw_text(y + 1, x, "↑ more", 14, theme(C_MUTED));
	if (below)
		draw_text(y + rows - 1, x, "↓ more", 14, theme(C_MUTED));
}

static void draw_field(struct form *fm, struct field *f, int y, int x, int w, bool focus)
{
	int lw = 15;
	draw_text(y, x, f->label, lw - 1, focus ? theme(C_HEADING) : theme(C_NORMAL));
	int fx = x + lw, fw = w - lw;
	char buf[300];
	switch (f->kind) {
	case F_DEPT:
	case F_PERSON:
	case F_KPI:
		draw_line(y, fx, f->name ? f->name : "(none: type or Space to choose)", fw, focus ? theme(C_SELECTED) : (f->name ? theme(C_NORMAL)
										: theme(C_MUTED)));
		break;
	case F_CONSENT:
		draw_line(y, fx, f->on ? "[x] yes, the customer agreed to be named"
				       : "[ ] no: the customer is not named", fw,
			  focus ? theme(C_SELECTED) : theme(C_NORMAL));
		break;
	case F_LINK: {
		char *s = xasprintf("[%c] %s", f->on ? 'x' : ' ', fm->link_to->text);
		draw_line(y, fx, s, fw, focus ? theme(C_SELECTED) : theme(C_NORMAL));
		free(s);
		break;
	}
	default:
		if (f->multiline) {
			int lines = 1;
			for (const char *p = f->multiline; *p; p++)
				lines += *p == '\n';
			snprintf(buf, sizeof buf, "(%d lines: Ctrl-E to edit)", lines);
			draw_line(y, fx, buf, fw, focus ? theme(C_SELECTED) : theme(C_MUTED));
		} else if (is_area(f)) {
			if (!focus) {
				int total = ta_draw(&f->le, y, fx, fw, fm->area_rows, &f->top, false);
				draw_area_more(fm, f, y, x, total);
			}
		} else if (!focus) {
			le_draw(&f->le, y, fx, fw, false);
		}
	}
	if (f->error[0])
		draw_wrapped(y + (is_area(f) ? fm->area_rows : 1), fx, f->error, fw, FIELD_ERROR_ROWS,
			     theme(C_WARNING));
}

#define FORM_ERROR_ROWS 3

/* Rows a field takes: its line (a text area's rows) and its error, wrapped. */
static int field_rows(const struct form *fm, const struct field *f, int w)
{
	return (is_area(f) ? fm->area_rows : 1) +
	       (f->error[0] ? text_wrap_rows(f->error, w - 4 - 15, FIELD_ERROR_ROWS) : 0);
}

/* The most rows a text area takes on a terminal so high. */
#define AREA_ROWS_MIN 3
static int area_rows_most(int screen_rows)
{
	return screen_rows >= 40 ? 6 : screen_rows >= 30 ? 4 : AREA_ROWS_MIN;
}

/* The text areas' rows: as many as the terminal's height allows, from
 * AREA_ROWS_MIN to 6, fewer (down to one) when the form would not fit. */
static void size_areas(struct tui *t, struct form *fm, int w)
{
	int areas = 0, rows = 0;
	fm->area_rows = 1;
	for (int i = 0; i < fm->n; i++) {
		areas += is_area(&fm->f[i]);
		rows += field_rows(fm, &fm->f[i], w);
	}
	int err_rows = fm->error[0] ? text_wrap_rows(fm->error, w - 4, FORM_ERROR_ROWS) : 1;
	int spare = t->rows - 2 - (rows + 5 + err_rows);
	if (areas == 0 || spare <= 0)
		return;
	int each = 1 + spare / areas, most = area_rows_most(t->rows);
	fm->area_rows = each < most ? each : most;
}

static void draw_form(struct tui *t, struct form *fm)
{
	int w = t->cols - 4 < 96 ? t->cols - 4 : 96;
	size_areas(t, fm, w);
	fm->area_width = w - 4 - 15;
	int rows = 0;
	for (int i = 0; i < fm->n; i++)
		rows += field_rows(fm, &fm->f[i], w);
	/* The form's own message (a refusal names who holds the meeting) wraps
	 * over up to three rows rather than being cut at the border. */
	int err_rows = fm->error[0] ? text_wrap_rows(fm->error, w - 4, FORM_ERROR_ROWS) : 1;
	int h = rows + 5 + err_rows;
	int y = (t->rows - h) / 2, x = (t->cols - w) / 2;
	char title[64];
	snprintf(title, sizeof title, "%s %s", fm->it->id ? "Edit" : "New",
		 item_kind_label(fm->it->kind));
	draw_dialog_box(y, x, h, w, title);
	int row = y + 2, focus_row = 0;
	for (int i = 0; i < fm->n; i++) {
		draw_field(fm, &fm->f[i], row, x + 2, w - 4, i == fm->focus);
		if (i == fm->focus)
			focus_row = row;
		row += field_rows(fm, &fm->f[i], w);
	}
	draw_wrapped_fit(y + h - 2 - err_rows, x + 2, fm->error, w - 4, err_rows, theme(C_WARNING));
	draw_text(y + h - 2, x + 2,
		  "Enter save  Tab/Up/Down field  Ctrl-E editor  Esc cancel", w - 4, theme(C_MUTED));
	struct field *f = &fm->f[fm->focus];
	if (is_area(f)) {
		int total = ta_draw(&f->le, focus_row, x + 2 + 15, w - 4 - 15, fm->area_rows, &f->top,
				    true);
		draw_area_more(fm, f, focus_row, x + 2, total);
		/* again, so that the cursor is left in the text, not after "more" */
		ta_draw(&f->le, focus_row, x + 2 + 15, w - 4 - 15, fm->area_rows, &f->top, true);
	} else if (is_line(f->kind) && !f->multiline) {
		le_draw(&f->le, focus_row, x + 2 + 15, w - 4 - 15, true);
	}
}

int tui_edit_external(struct tui *t, const char *initial, char **out, char *err, size_t errlen)
{
	(void)t;
	def_prog_mode();
	endwin();
	int rc = editor_edit(initial, out, err, errlen);
	reset_prog_mode();
	tui_paste_mode(true);
	clear();
	if (rc != 0)
		return rc;
	/* Trailing newlines from the editor are not part of the text. */
	size_t len = strlen(*out);
	while (len > 0 && ((*out)[len - 1] == '\n' || (*out)[len - 1] == '\r'))
		(*out)[--len] = '\0';
	return 0;
}

/* Runs $EDITOR on a text field. */
static void edit_external(struct tui *t, struct form *fm, struct field *f)
{
	char *cur = f->multiline ? xstrdup(f->multiline) : le_text(&f->le);
	char *out = NULL, err[256];
	int rc = tui_edit_external(t, cur, &out, err, sizeof err);
	free(cur);
	if (rc != 0) {
		snprintf(fm->error, sizeof fm->error, "%s", err);
		return;
	}
	if (f->kind == F_TEXT && strchr(out, '\n')) {
		snprintf(fm->error, sizeof fm->error,
			 "The text is one line; longer text goes into Detail.");
		free(out);
		return;
	}
	le_free(&f->le);
	set_long_text(f, out);
	fm->dirty = true;
	free(out);
}

static char *field_text(const struct field *f)
{
	return f->multiline ? xstrdup(f->multiline) : le_text(&f->le);
}

static struct field *find(struct form *fm, enum field_kind k)
{
	for (int i = 0; i < fm->n; i++)
		if (fm->f[i].kind == k)
			return &fm->f[i];
	return NULL;
}

/* Parses a date field. An unchanged date is kept as it is, even when it has
 * passed: fixing a typo in an overdue action must not move its due date. */
static bool field_date(struct field *f, struct date_context *dc, cx_date original, bool optional,
		       cx_date *out)
{
	char err[256], was[16];
	char *s = le_text(&f->le);
	bool ok = true;
	f->error[0] = '\0';
	date_format(original, was, sizeof was);
	if (optional && !*s)
		*out = DATE_NONE;
	else if (original != DATE_NONE && strcmp(s, was) == 0)
		*out = original;
	else if (date_parse_due(s, dc, out, err, sizeof err) != 0) {
		snprintf(f->error, sizeof f->error, "%s", err);
		ok = false;
	}
	free(s);
	return ok;
}

/* Reads the fields into `out` (strings owned by the caller); sets field errors. */
static bool collect(struct form *fm, struct item *out)
{
	bool ok = true;
	*out = *fm->it;
	out->text = field_text(find(fm, F_TEXT));
	out->detail = field_text(find(fm, F_DETAIL));
	struct field *f = find(fm, F_RATIONALE);
	out->rationale = f ? field_text(f) : NULL;
	out->dept_id = find(fm, F_DEPT)->id;
	if ((f = find(fm, F_PERSON)))
		out->person_id = f->id;
	if ((f = find(fm, F_CONSENT)))
		out->consent = f->on;
	if ((f = find(fm, F_DUE)))
		ok = field_date(f, &fm->dates, fm->it->due, false, &out->due) && ok;
	if ((f = find(fm, F_REVISIT)))
		ok = field_date(f, &fm->dates, fm->it->revisit, true, &out->revisit) && ok;
	return ok;
}

static void free_collected(struct item *it)
{
	free(it->text);
	free(it->detail);
	free(it->rationale);
}

/* A new item in a meeting and the end of its draft are one transaction: a
 * crash never leaves a draft of an item that was saved. */
static enum store_rc save_new(struct tui *t, struct form *fm, struct item *it, char *err,
			      size_t errlen)
{
	struct field *link = find(fm, F_LINK);
	enum store_rc rc = store_begin(t->st);
	if (rc != STORE_OK) {
		snprintf(err, errlen, "Not saved: %s", store_errmsg(t->st));
		return rc;
	}
	rc = meeting_add_item(t->st, it, link && link->on ? fm->link_to : NULL, clock_now(), err,
			      errlen);
	struct field *kpi = find(fm, F_KPI);
	if (rc == STORE_OK && kpi && kpi->id &&
	    (rc = store_item_set_measure(t->st, it->id, kpi->id)) != STORE_OK)
		snprintf(err, errlen, "Not saved: %s", store_errmsg(t->st));
	if (rc == STORE_OK && it->meeting_id &&
	    (rc = store_draft_clear(t->st, it->meeting_id)) != STORE_OK)
		snprintf(err, errlen, "Not saved: %s", store_errmsg(t->st));
	if (rc == STORE_OK && (rc = store_commit(t->st)) != STORE_OK)
		snprintf(err, errlen, "Not saved: %s", store_errmsg(t->st));
	if (rc != STORE_OK)
		store_rollback(t->st);
	return rc;
}

/* Validates (the fields here, the item's rules in core's gate) and saves;
 * true when committed. */
static bool save(struct tui *t, struct form *fm, store_id meeting)
{
	struct item it;
	char err[256] = "";
	fm->error[0] = '\0';
	bool ok = collect(fm, &it);
	if (ok) {
		enum store_rc rc = fm->it->id ? item_edit(t->st, &it, meeting, clock_now(), err, sizeof err)
					      : save_new(t, fm, &it, err, sizeof err);
		if (rc == STORE_OK) {
			fm->it->id = it.id;
		} else {
			snprintf(fm->error, sizeof fm->error, "%s", err);
			ok = false;
		}
	}
	free_collected(&it);
	return ok;
}

static void clear_choice(struct form *fm, struct field *f)
{
	f->id = 0;
	free(f->name);
	f->name = NULL;
	fm->dirty = true;
}

static void choose(struct tui *t, struct form *fm, struct field *f, const char *filter)
{
	char title[64];
	snprintf(title, sizeof title, "Choose: %s", f->label);
	if (f->kind == F_KPI) {
		char *name;
		bool kpi;
		store_id id = pick_measure(t, title, find(fm, F_DEPT)->id, filter, &name, &kpi);
		if (id) {
			free(f->name);
			f->id = id;
			f->name = name;
			f->on = kpi; /* a department's: cleared when the department changes */
			f->error[0] = '\0';
			fm->dirty = true;
		}
		return;
	}
	struct field *dept = find(fm, F_DEPT);
	store_id id = f->kind == F_DEPT ? pick_department(t, title, filter)
					: pick_person_of(t, title, filter, dept->id);
	if (!id)
		return;
	if (f->kind == F_PERSON && !dept->id) { /* the department follows the person */
		struct person p;
		if (store_person_get(t->st, id, &p) == STORE_OK &&
		    (dept->id = roster_dept_for_person(dept->id, &p)) != 0) {
			dept->name = name_of(t, true, dept->id);
			dept->error[0] = '\0';
		}
		person_free(&p);
	}
	struct field *kpi = find(fm, F_KPI);
	if (f->kind == F_DEPT && kpi && id != f->id && kpi->id && kpi->on)
		clear_choice(fm, kpi); /* the other department's KPI */
	f->id = id;
	free(f->name);
	f->name = name_of(t, f->kind == F_DEPT, id);
	f->error[0] = '\0';
	fm->dirty = true;
}

/* One key for the form; returns 1 to save, -1 to cancel, 0 to go on. */
static int form_key(struct tui *t, struct form *fm, wint_t ch, bool is_key)
{
	struct field *f = &fm->f[fm->focus];
	bool too_long;
	if (!is_key && ch == ESC)
		return tui_inside_paste(t) ? 0 : -1; /* a pasted Esc cancels nothing */
	if ((!is_key && (ch == '\r' || ch == '\n')) || (is_key && ch == KEY_ENTER))
		return 1;
	/* Up and Down move over a text area's rows, and on to the next field
	 * from its last (the previous from its first). */
	if (is_area(f) && is_key && (ch == KEY_UP || ch == KEY_DOWN) &&
	    ta_key(&f->le, ch, is_key, fm->area_width, &too_long))
		return 0;
	if ((!is_key && ch == '\t') || (is_key && ch == KEY_DOWN)) {
		fm->focus = (fm->focus + 1) % fm->n;
		return 0;
	}
	if (is_key && (ch == KEY_BTAB || ch == KEY_UP)) {
		fm->focus = (fm->focus + fm->n - 1) % fm->n;
		return 0;
	}
	if (!is_key && ch == CTRL('e') && (f->kind == F_TEXT || f->kind == F_DETAIL ||
					   f->kind == F_RATIONALE)) {
		edit_external(t, fm, f);
		return 0;
	}
	switch (f->kind) {
	case F_DEPT:
	case F_PERSON:
	case F_KPI:
		if (!is_key && ch >= 0x20 && !text_is_unsafe((uint32_t)ch)) {
			char filter[8] = "";
			if (ch != ' ') {
				mbstate_t ps;
				memset(&ps, 0, sizeof ps);
				size_t n = wcrtomb(filter, (wchar_t)ch, &ps);
				filter[n == (size_t)-1 ? 0 : n] = '\0';
			}
			choose(t, fm, f, filter);
		} else if (!is_key && (ch == 0x7f || ch == CTRL('h'))) {
			struct field *kpi = find(fm, F_KPI);
			if (f->kind == F_DEPT && kpi && kpi->id && kpi->on)
				clear_choice(fm, kpi);
			clear_choice(fm, f);
		}
		return 0;
	case F_CONSENT:
	case F_LINK:
		if (!is_key && (ch == ' ' || ch == 'y' || ch == 'n')) {
			f->on = ch == ' ' ? !f->on : ch == 'y';
			fm->dirty = true;
		}
		return 0;
	default:
		if (f->multiline)
			return 0;
		if (is_area(f) ? ta_key(&f->le, ch, is_key, fm->area_width, &too_long)
			       : le_key(&f->le, ch, is_key, &too_long)) {
			fm->dirty = true;
			f->error[0] = '\0';
			if (too_long)
				le_cut_message(&f->le, f->error, sizeof f->error);
		}
		return 0;
	}
}

/* A new item's form in a meeting keeps its draft in the database, so that a
 * crash does not lose what was typed: as soon as no key is waiting (a paste
 * or a fast typist is kept once at its end), or every DRAFT_KEYS keys. Kept
 * only after a pause of 0.7 s, a win typed and killed at once was lost. */
#define DRAFT_PAUSE_MS 0
#define DRAFT_KEYS 20

/* While another program holds the database locked, the draft is tried
 * again after this pause: typing never waits for the lock. */
#define DRAFT_RETRY_MS 500

/* Returns false when the database was locked: to be tried again. */
static bool draft_keep(struct tui *t, struct form *fm, store_id meeting)
{
	struct meeting_draft d = {.step_id = fm->it->step_id, .kind = fm->it->kind};
	d.text = field_text(find(fm, F_TEXT));
	d.detail = field_text(find(fm, F_DETAIL));
	store_no_wait(t->st, true);
	/* refused when this screen no longer holds the meeting: nothing to keep then */
	enum store_rc rc = store_draft_save(t->st, meeting, &d, clock_now());
	if (rc != STORE_BUSY) /* typing is a sign of life */
		rc = store_hold_beat(t->st, meeting, clock_now());
	store_no_wait(t->st, false);
	meeting_draft_free(&d);
	return rc != STORE_BUSY;
}

/* The form as a box for the modal loop, with its draft kept as it goes. */
struct form_run {
	struct form *fm;
	store_id meeting;
	bool drafts;  /* a new item in a meeting: its draft is kept */
	int unkept;   /* keys since the draft was last kept */
	bool locked;  /* the last try to keep it found the database locked */
};

static void form_draw_box(struct tui *t, void *ctx)
{
	struct form_run *run = ctx;
	draw_form(t, run->fm);
}

static int form_wait(void *ctx)
{
	const struct form_run *run = ctx;
	return !run->unkept ? -1 : run->locked ? DRAFT_RETRY_MS : DRAFT_PAUSE_MS;
}

/* No key waiting, or the end: the draft is kept now. */
static void form_idle(struct tui *t, void *ctx)
{
	struct form_run *run = ctx;
	if (run->unkept) {
		run->locked = !draft_keep(t, run->fm, run->meeting);
		run->unkept = run->locked ? run->unkept : 0;
	}
}

static enum modal_rc form_box_key(struct tui *t, void *ctx, wint_t ch, bool is_key)
{
	struct form_run *run = ctx;
	if (tui_inside_paste(t) && !is_key && (ch == '\r' || ch == '\n' || ch == '\t'))
		ch = ' '; /* a pasted line break does not submit the form */
	int r = form_key(t, run->fm, ch, is_key);
	if (r < 0 && (!run->fm->dirty || dialog_confirm(t, "Discard what you typed?")))
		return MODAL_CANCEL; /* never saved, so never shown as saved */
	if (r > 0 && save(t, run->fm, run->meeting))
		return MODAL_DONE;
	/* After the key, so that what is kept has it. Inside a paste the
	 * draft waits for its end (no key waiting): kept every DRAFT_KEYS
	 * keys, a 1 MB paste was 50,000 draft writes. */
	if (run->drafts && ++run->unkept >= DRAFT_KEYS && !run->locked && !tui_hold_drawing(t)) {
		run->locked = !draft_keep(t, run->fm, run->meeting);
		run->unkept = run->locked ? run->unkept : 0;
	}
	return MODAL_GO_ON;
}

bool form_item(struct tui *t, struct item *it, store_id meeting, store_id step,
	       const struct item *link_to)
{
	struct form fm = {.it = it, .link_to = link_to, .area_rows = 1, .area_width = 40};
	struct org org;
	fm.dates.today = clock_today();
	fm.dates.next_meeting = DATE_NONE;
	if (store_org_get(t->st, &org) == STORE_OK) {
		fm.dates.next_meeting = meeting_next_due(&org.cadence, fm.dates.today, fm.dates.today);
		org_free(&org);
	}
	it->meeting_id = it->meeting_id ? it->meeting_id : meeting;
	it->step_id = it->step_id ? it->step_id : step;
	build(t, &fm);
	static const struct modal form = {.draw = form_draw_box, .key = form_box_key,
					  .wait_ms = form_wait, .idle = form_idle, .text = true};
	struct form_run run = {.fm = &fm, .meeting = meeting, .drafts = meeting && it->id == 0};
	bool saved = modal_run(t, &form, &run) == MODAL_DONE;
	if (run.drafts && !t->quit) /* saved or given up: no draft to offer back */
		(void)store_draft_clear(t->st, meeting);
	form_free(&fm);
	curs_set(0);
	return saved;
}
