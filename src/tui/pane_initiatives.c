/* pane_initiatives.c - the "Initiatives" step: the council's open CX
 * initiatives, late ones first by due date, each with its owner, due date,
 * milestones reached and track, in colour and in words. Enter gives one its
 * track (off track asks what is in the way, dropped why) or marks a
 * milestone reached; each review is kept with this meeting. Under them, the
 * items captured in this step. The cursor runs over the initiatives, then
 * the items (mv->offset: the rows before the items). */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_view.h"
#include "dialog.h"
#include "draw.h"
#include "cxmeet/initiatives.h"
#include "cxmeet/meeting.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* The initiatives as loaded: the open ones and those closed in this
 * meeting, which of them this meeting reviewed, and the milestones of the
 * one under the cursor (read when it is first shown). */
static struct board {
	struct initiative *v;
	size_t n;
	bool *reviewed;
	store_id ms_of;
	struct milestone *ms;
	size_t n_ms;
} board;

static void board_free(void)
{
	initiatives_free(board.v, board.n);
	free(board.reviewed);
	milestones_free(board.ms, board.n_ms);
	memset(&board, 0, sizeof board);
}

static void board_load(struct tui *t)
{
	store_id meeting = t->mv->run.m.id;
	board_free();
	struct initiative_review *r = NULL;
	size_t nr = 0;
	enum store_rc rc = store_initiative_list(t->st, false, DATE_NONE, &board.v, &board.n);
	if (rc == STORE_OK)
		rc = store_initiative_reviews(t->st, 0, meeting, 0, &r, &nr);
	/* those closed in this meeting stay on the board, reviewed */
	for (size_t i = 0; rc == STORE_OK && i < nr; i++) {
		bool have = false;
		for (size_t k = 0; k < board.n && !have; k++)
			have = board.v[k].id == r[i].initiative_id;
		if (have)
			continue;
		struct initiative in;
		if ((rc = store_initiative_get(t->st, r[i].initiative_id, &in)) == STORE_OK) {
			board.v = xrealloc(board.v, (board.n + 1) * sizeof *board.v);
			board.v[board.n++] = in;
		}
	}
	board.reviewed = xcalloc(board.n + 1, sizeof *board.reviewed);
	for (size_t i = 0; i < nr; i++)
		for (size_t k = 0; k < board.n; k++)
			if (board.v[k].id == r[i].initiative_id)
				board.reviewed[k] = true;
	initiative_reviews_free(r, nr);
	if (rc != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
}

static void board_milestones(struct tui *t, size_t i)
{
	if (board.ms_of == board.v[i].id)
		return;
	milestones_free(board.ms, board.n_ms);
	board.ms = NULL;
	board.n_ms = 0;
	board.ms_of = board.v[i].id;
	if (store_milestones(t->st, board.v[i].id, &board.ms, &board.n_ms) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
}

static void load(struct tui *t)
{
	board_load(t);
	mv_load_step_items(t, board.n);
}

static const struct initiative *selected(struct tui *t)
{
	int sel = t->mv->sel;
	return sel >= 0 && (size_t)sel < board.n ? &board.v[sel] : NULL;
}

/* --- drawing --------------------------------------------------------------- */

static attr_t track_attr(enum initiative_track tr)
{
	return tr == TRACK_ON || tr == TRACK_DONE ? theme(C_OK)
	       : tr == TRACK_OFF                  ? theme(C_WARNING)
						  : theme(C_MUTED);
}

/* The columns of the board, fitted to the width: the title as wide as the
 * widest (what is left when the width is short), the owner from 64 columns,
 * the department from 120; then due date (10), milestones (5), track (9). */
struct cols {
	int title, owner, dept;
};

static int widest(size_t off, int cap)
{
	int w = 0;
	for (size_t i = 0; i < board.n; i++) {
		const char *s = *(char *const *)((const char *)&board.v[i] + off);
		int c = s ? text_cols(s) : 1;
		w = c > w ? c : w;
	}
	return w < cap ? w : cap;
}

static struct cols fit(int w)
{
	struct cols c = {0, 0, 0};
	int fixed = 2 + 10 + 1 + 5 + 1 + 9;
	if (w >= 64)
		c.owner = widest(offsetof(struct initiative, person_name), w >= 120 ? 24 : 12);
	if (w >= 120)
		c.dept = widest(offsetof(struct initiative, dept_name), 20);
	if (c.owner && c.owner < 5)
		c.owner = 5; /* "Owner" */
	if (c.dept && c.dept < 10)
		c.dept = 10; /* "Department" */
	int room = w - fixed - (c.owner ? c.owner + 1 : 0) - (c.dept ? c.dept + 1 : 0) - 1;
	c.title = widest(offsetof(struct initiative, title), room);
	if (c.title < 10)
		c.title = 10; /* "Initiative" */
	return c;
}

/* One initiative's row: reviewed mark, title, owner, department, due,
 * milestones, track. */
static void draw_row(int y, int x, int w, size_t i, bool cur, const struct cols *c, cx_date today)
{
	const struct initiative *in = &board.v[i];
	attr_t a = cur ? theme(C_SELECTED) : theme(C_NORMAL);
	draw_fill(y, x, w, a);
	draw_text(y, x, board.reviewed[i] ? (text_locale_utf8() ? "✓" : "*") : " ", 1,
		  cur ? a : theme(C_OK));
	char due[16], ms[16];
	fmt_date(in->due, due, sizeof due);
	if (in->milestones)
		snprintf(ms, sizeof ms, "%d/%d", in->milestones_done, in->milestones);
	else
		snprintf(ms, sizeof ms, "-");
	int col = x + 2;
	draw_text_fit(y, col, in->title, c->title, a);
	col += c->title + 1;
	if (c->owner) {
		draw_text_fit(y, col, in->person_name ? in->person_name : "-", c->owner, a);
		col += c->owner + 1;
	}
	if (c->dept) {
		draw_text_fit(y, col, in->dept_name ? in->dept_name : "-", c->dept,
			      cur ? a : theme(C_MUTED));
		col += c->dept + 1;
	}
	if (col + 10 > x + w)
		return;
	draw_text(y, col, due, 10, cur ? a : initiative_late(in, today) ? theme(C_WARNING)
									  : theme(C_MUTED));
	col += 11;
	if (col + 5 > x + w)
		return;
	draw_text(y, col + 5 - text_cols(ms), ms, 5, cur ? a : theme(C_MUTED));
	col += 6;
	if (col < x + w)
		draw_text(y, col, initiative_track_word(in->track), x + w - col,
			  cur ? a : track_attr(in->track));
}

/* The initiative under the cursor, whole: owner, department, quarter, its
 * last note, its milestones. Returns the rows used. */
static int draw_detail(struct tui *t, int y, int x, int h, int w, size_t i)
{
	const struct initiative *in = &board.v[i];
	board_milestones(t, i);
	char due[16], quarter[16], line[600];
	fmt_date(in->due, due, sizeof due);
	initiative_quarter(in->due, quarter, sizeof quarter);
	char *head = xasprintf("%s · %s · %s · due %s (%s)%s%s%s", in->title,
			       in->person_name ? in->person_name : "no owner",
			       in->dept_name ? in->dept_name : "no department", due, quarter,
			       initiative_late(in, clock_today()) ? ", late" : "",
			       in->last_note ? " · last note: " : "",
			       in->last_note ? in->last_note : "");
	int rows = draw_wrapped_fit(y, x, head, w, h < 3 ? h : 3, theme(C_MUTED));
	free(head);
	for (size_t k = 0; k < board.n_ms && rows < h; k++) {
		const struct milestone *m = &board.ms[k];
		char d[16] = "";
		if (m->done_on != DATE_NONE)
			fmt_date(m->done_on, d, sizeof d);
		else if (m->due != DATE_NONE)
			fmt_date(m->due, d, sizeof d);
		snprintf(line, sizeof line, "%s %zu. %s%s%s%s", m->done_on != DATE_NONE ? "[x]" : "[ ]",
			 k + 1, m->title, *d ? (m->done_on != DATE_NONE ? " (reached " : " (due ") : "",
			 d, *d ? ")" : "");
		draw_text_fit(y + rows, x + 2, line, w - 2,
			      m->done_on != DATE_NONE ? theme(C_MUTED) : theme(C_NORMAL));
		rows++;
	}
	return rows;
}

static void draw(struct tui *t, int y, int x, int h, int w)
{
	struct meeting_view *mv = t->mv;
	size_t done = 0;
	for (size_t i = 0; i < board.n; i++)
		done += board.reviewed[i];
	char head[160];
	snprintf(head, sizeof head, "Initiatives (%zu, %zu reviewed)", board.n, done);
	int used = draw_text(y, x, head, w, theme(C_HEADING));
	if (board.n)
		draw_text(y, x + used, "   Enter: track, milestone", w - used, theme(C_MUTED));
	int rows = 1;
	if (board.n == 0) {
		rows += draw_wrapped(y + 1, x, "No open initiative: cxmeet initiative add TITLE "
					       "--owner PERSON --due DATE.", w, 2, theme(C_MUTED));
	} else {
		struct cols c = fit(w);
		char *head = xasprintf("  %-*s %-*s%s%-*s%sDue         Done Track", c.title, "Initiative",
				       c.owner, c.owner ? "Owner" : "", c.owner ? " " : "", c.dept,
				       c.dept ? "Department" : "", c.dept ? " " : "");
		draw_line(y + rows, x, head, w, theme(C_MUTED) | A_UNDERLINE);
		free(head);
		rows++;
		/* the board keeps at most half the pane, the detail under it */
		int room = (h - 2) / 2;
		if (room < 1)
			room = 1;
		int shown = (int)board.n < room ? (int)board.n : room;
		int top = mv->sel < (int)board.n && mv->sel >= shown ? mv->sel - shown + 1 : 0;
		cx_date today = clock_today();
		for (int r = 0; r < shown; r++)
			draw_row(y + rows + r, x, w, (size_t)(top + r), top + r == mv->sel, &c, today);
		rows += shown;
		if ((int)board.n > shown) {
			char more[80];
			snprintf(more, sizeof more, "… %zu more: Down to see them", board.n - (size_t)shown);
			draw_line(y + rows, x, more, w, theme(C_MUTED));
			rows++;
		}
		if (selected(t) && rows < h)
			rows += draw_detail(t, y + rows, x, h - rows - 2 > 2 ? h - rows - 2 : 2, w,
					    (size_t)mv->sel);
	}
	rows++;
	mv_draw_step_items(t, y + rows, x, h - rows, w,
			   "Nothing yet. Press n for a note, a to capture an action that helps an "
			   "initiative off track.");
}

/* --- a review -------------------------------------------------------------- */

static void review(struct tui *t, size_t i)
{
	struct meeting_view *mv = t->mv;
	board_milestones(t, i);
	store_id id = board.v[i].id;
	char *title = xstrdup(board.v[i].title);
	size_t open_ms = 0;
	for (size_t k = 0; k < board.n_ms; k++)
		open_ms += board.ms[k].done_on == DATE_NONE;
	struct pick_option o[6];
	int what[6], n = 0;
	static const char *const label[] = {"On track", "Off track", "Done", "Dropped"};
	static const char *const detail[] = {"going as planned", "what is in the way?",
					     "finished: closes it", "stopped, with why: closes it"};
	for (int k = 0; k < TRACK_COUNT; k++) {
		o[n] = (struct pick_option){0, (char *)label[k], (char *)detail[k]};
		what[n++] = k;
	}
	if (open_ms) {
		o[n] = (struct pick_option){0, "Milestone reached", "mark one done today"};
		what[n++] = TRACK_COUNT;
	}
	char head[300];
	snprintf(head, sizeof head, "Review: %s", title);
	int k = dialog_pick(t, head, o, (size_t)n, "", NULL);
	if (k < 0) {
		free(title);
		return;
	}
	if (what[k] == TRACK_COUNT) {
		struct pick_option *mo = xcalloc(board.n_ms, sizeof *mo);
		size_t *nth = xcalloc(board.n_ms, sizeof *nth), m = 0;
		for (size_t j = 0; j < board.n_ms; j++)
			if (board.ms[j].done_on == DATE_NONE) {
				mo[m] = (struct pick_option){0, board.ms[j].title, NULL};
				nth[m++] = j + 1;
			}
		int c = dialog_pick(t, "Which milestone was reached?", mo, m, "", NULL);
		size_t which = c >= 0 ? nth[c] : 0;
		free(mo);
		free(nth);
		if (which) {
			if (initiative_milestone_mark(t->st, id, which, clock_today()) == STORE_OK)
				tui_flash(t, false, "Milestone %zu of %s reached.", which, title);
			else
				tui_flash(t, true, "Not saved: %s", store_errmsg(t->st));
			board.ms_of = 0;
			mv_reload(t);
		}
		free(title);
		return;
	}
	enum initiative_track tr = (enum initiative_track)what[k];
	char *note = NULL;
	const char *question = initiative_note_question(tr);
	if (question && !(note = dialog_input(t, question, "", NULL, NULL))) {
		free(title); /* cancelled */
		return;
	}
	/* an empty note is refused by core's rule, which says why */
	if (initiative_set_track(t->st, id, tr, note, mv->run.m.id, clock_now()) == STORE_OK)
		tui_flash(t, false, "%s: %s.", title, initiative_track_word(tr));
	else
		tui_flash(t, true, "Not changed: %s", store_errmsg(t->st));
	free(note);
	free(title);
	board.ms_of = 0;
	mv_reload(t);
	for (size_t j = 0; j < board.n; j++)
		if (board.v[j].id == id)
			mv->sel = (int)j;
}

static enum action key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	(void)ch;
	(void)is_key;
	struct meeting_view *mv = t->mv;
	if (mv_move(t, a, mv->total, 10))
		return ACT_NONE;
	if (selected(t) && a == ACT_SELECT) {
		review(t, (size_t)mv->sel);
		return ACT_NONE;
	}
	if (selected(t) && (a == ACT_EDIT || a == ACT_DELETE)) {
		tui_flash(t, true, "An initiative is changed with cxmeet initiative edit; here, "
				   "Enter reviews it.");
		return ACT_NONE;
	}
	if (a == ACT_SELECT)
		a = ACT_EDIT;
	return items_key(t, a);
}

const struct pane_ops pane_initiatives = {.load = load, .draw = draw, .key = key};
