/* view_cadence.c - cadence and participation: is the council keeping its
 * cadence (summary and a timeline of marks), and over the last N meetings
 * each department's part (silo watch in the warning colour, behind-the-scenes
 * departments in the accent colour), the agenda steps against their plan
 * (how often each ran over, by how much on average, and which usually do)
 * and each meeting's effectiveness. The report is read once on opening and
 * when N changes (bounded, indexed reads); scrolling only redraws. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "screen.h"
#include "views.h"
#include "keymap.h"
#include "cxmeet/meeting.h"
#include "cxmeet/report.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

enum line_kind {
	L_BLANK,
	L_HEADING, /* a section's title; Tab moves between them */
	L_TEXT,    /* a summary line */
	L_MARKS,   /* the timeline's marks */
	L_MARK_DATES,
	L_DEPT_HEAD,
	L_DEPT,
	L_STEP_HEAD,
	L_STEP,
	L_MEET_HEAD,
	L_MEET,
};

struct line {
	enum line_kind kind;
	int index;  /* the row of its table, or the summary text */
	bool warn;  /* summary text shown in the warning colour */
};

#define SUMMARY_LINES 6

struct cadence_state {
	struct cadence_report rep;
	bool loaded;
	size_t window;
	char summary[SUMMARY_LINES][160];
	char headings[4][80];
	struct line *lines;
	int n_lines;
	int top;
};

static void add(struct cadence_state *cv, enum line_kind kind, int index, bool warn)
{
	cv->lines[cv->n_lines++] = (struct line){kind, index, warn};
}

static void summary_texts(struct cadence_state *cv, cx_date today, bool *warn)
{
	const struct cadence_summary *s = &cv->rep.sum;
	char cad[48], a[16], b[16];
	cadence_format(&s->cadence, cad, sizeof cad);
	date_format(s->next_due, a, sizeof a);
	snprintf(cv->summary[0], sizeof cv->summary[0], "Cadence: %s (grace %d day%s)", cad,
		 s->grace, s->grace == 1 ? "" : "s");
	char due[80];
	next_due_text(s->next_due, today, due, sizeof due);
	snprintf(cv->summary[1], sizeof cv->summary[1], "Next meeting %s", due);
	warn[1] = s->late;
	int pct = report_percent(s->recent_on_time, s->recent_judged);
	if (pct < 0)
		snprintf(cv->summary[2], sizeof cv->summary[2], "On time: no interval to judge yet");
	else
		snprintf(cv->summary[2], sizeof cv->summary[2],
			 "On time: %d of the last %d %s (%d%%)", s->recent_on_time,
			 s->recent_judged, text_plural(s->recent_judged, "interval", "intervals"), pct);
	warn[2] = pct >= 0 && pct < 75;
	snprintf(cv->summary[3], sizeof cv->summary[3], "Streak: %d on time in a row", s->streak);
	if (s->longest_gap > 0) {
		date_format(s->gap_from, a, sizeof a);
		date_format(s->gap_to == DATE_NONE ? today : s->gap_to, b, sizeof b);
		snprintf(cv->summary[4], sizeof cv->summary[4], "Longest gap: %d %s (%s to %s)",
			 s->longest_gap, text_plural(s->longest_gap, "day", "days"), a, b);
	} else {
		snprintf(cv->summary[4], sizeof cv->summary[4], "Longest gap: none yet");
	}
	snprintf(cv->summary[5], sizeof cv->summary[5], "Meeting days held: %zu", s->n_days);
}

static void build_lines(struct cadence_state *cv, cx_date today)
{
	free(cv->lines);
	cv->n_lines = 0;
	cv->lines = xcalloc(32 + cv->rep.n_depts + cv->rep.n_steps + cv->rep.n_meetings,
			   sizeof *cv->lines);
	bool warn[SUMMARY_LINES] = {0};
	summary_texts(cv, today, warn);
	snprintf(cv->headings[0], sizeof cv->headings[0], "Cadence");
	char last[32];
	if (cv->rep.n_meetings == 1)
		snprintf(last, sizeof last, "the last meeting");
	else
		snprintf(last, sizeof last, "the last %zu meetings", cv->rep.n_meetings);
	snprintf(cv->headings[1], sizeof cv->headings[1], "Departments over %s", last);
	snprintf(cv->headings[2], sizeof cv->headings[2], "Agenda steps over %s", last);
	snprintf(cv->headings[3], sizeof cv->headings[3], "Meetings, newest first");
	add(cv, L_HEADING, 0, false);
	for (int i = 0; i < SUMMARY_LINES; i++)
		add(cv, L_TEXT, i, warn[i]);
	if (cv->rep.sum.n_iv) {
		add(cv, L_MARKS, 0, false);
		add(cv, L_MARK_DATES, 0, false);
	}
	add(cv, L_BLANK, 0, false);
	add(cv, L_HEADING, 1, false);
	add(cv, L_DEPT_HEAD, 0, false);
	for (size_t i = 0; i < cv->rep.n_depts; i++)
		add(cv, L_DEPT, (int)i, false);
	add(cv, L_BLANK, 0, false);
	add(cv, L_HEADING, 2, false);
	add(cv, L_STEP_HEAD, 0, false);
	for (size_t i = 0; i < cv->rep.n_steps; i++)
		add(cv, L_STEP, (int)i, false);
	add(cv, L_BLANK, 0, false);
	add(cv, L_HEADING, 3, false);
	add(cv, L_MEET_HEAD, 0, false);
	for (size_t i = 0; i < cv->rep.n_meetings; i++)
		add(cv, L_MEET, (int)i, false);
}

static void load(struct tui *t)
{
	struct cadence_state *cv = tui_state(t, &view_cadence);
	if (cv->loaded)
		cadence_report_free(&cv->rep);
	cv->loaded = false;
	cx_date today = clock_today();
	if (cadence_report_load(t->st, cv->window, today, &cv->rep) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		memset(&cv->rep, 0, sizeof cv->rep);
		cv->rep.sum.cadence = CADENCE_DEFAULT;
		cv->rep.sum.next_due = today;
	} else {
		cv->loaded = true;
	}
	build_lines(cv, today);
}

void cadence_view_open(struct tui *t)
{
	struct cadence_state *cv = tui_state(t, &view_cadence);
	if (!cv->window)
		cv->window = REPORT_WINDOW_DEFAULT;
	cv->top = 0;
	load(t);
	tui_open_view(t, &view_cadence);
}

/* The last intervals that fit, one mark and a space each. */
static void draw_marks(struct cadence_state *cv, int y, int x, int w, bool dates)
{
	const struct cadence_summary *s = &cv->rep.sum;
	size_t fit = (size_t)(w > 2 ? w / 2 : 1);
	size_t from = s->n_iv > fit ? s->n_iv - fit : 0;
	if (dates) {
		char a[16], b[16];
		date_format(s->iv[from].from, a, sizeof a);
		date_format(s->iv[s->n_iv - 1].from, b, sizeof b);
		if (s->n_iv - from > 11) { /* under the first and the last mark */
			draw_text(y, x, a, w, theme(C_MUTED));
			draw_text(y, x + 2 * (int)(s->n_iv - 1 - from) - 9, b, 10, theme(C_MUTED));
		} else {
			char both[40];
			snprintf(both, sizeof both, "%s to %s", a, b);
			draw_text(y, x, both, w, theme(C_MUTED));
		}
		return;
	}
	for (size_t i = from; i < s->n_iv; i++) {
		const struct cadence_interval *v = &s->iv[i];
		int col = x + 2 * (int)(i - from);
		if (!v->judged)
			draw_text(y, col, "·", 1, theme(C_MUTED));
		else
			draw_text(y, col, v->on_time ? "●" : "○",
				  1, v->on_time ? theme(C_OK) : theme(C_WARNING));
	}
}

/* Fixed columns right of a name column that takes what is left. */
static int name_width(int w, int fixed)
{
	return w - fixed > 12 ? w - fixed : 12;
}

static void percent_text(char *buf, size_t len, int num, int den)
{
	int p = report_percent(num, den);
	if (p < 0)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%d%%", p);
}

#define DEPT_FIXED 46

static void draw_dept(struct cadence_state *cv, int y, int x, int w, const struct dept_line *l)
{
	int nw = name_width(w, DEPT_FIXED);
	bool flag = l->silo || l->absent_handed;
	attr_t a = flag ? theme(C_WARNING) : l->dept->behind ? theme(C_ACCENT) : theme(C_NORMAL);
	draw_text_fit(y, x, l->dept->name, nw - 1, a);
	char pct[16], cols[96];
	percent_text(pct, sizeof pct, l->on_time, l->judged);
	snprintf(cols, sizeof cols, "%4d/%-3zu%6d%7s%8d%5d  %s", l->attended,
		 cv->rep.n_meetings, l->actions, pct, l->overdue, l->wins,
		 l->silo ? "SILO WATCH" : l->absent_handed ? "ABSENT, HANDED ACTIONS" : "");
	draw_text(y, x + nw, cols, w - nw, flag ? theme(C_WARNING) : theme(C_NORMAL));
}

#define STEP_FIXED 52

/* A step: times held, average planned and actual minutes, how often it ran
 * over and by how much on average when it did, and whether it usually does. */
static void draw_step(int y, int x, int w, const struct step_line *l)
{
	int nw = name_width(w, STEP_FIXED);
	double planned = l->planned_avg, actual = l->actual_avg;
	bool over = actual > planned || l->usually_over;
	draw_text_fit(y, x, l->title, nw - 1, theme(C_NORMAL));
	char by[16], cols[96];
	if (l->overran)
		snprintf(by, sizeof by, "+%.1f", l->overrun_avg);
	else
		snprintf(by, sizeof by, "-");
	snprintf(cols, sizeof cols, "%4d %7.1f %7.1f %4d/%-2d %7s  %s", l->held, planned, actual,
		 l->overran, l->held, by, l->usually_over ? "USUALLY OVER" : "");
	draw_text(y, x + nw, cols, w - nw, over ? theme(C_WARNING) : theme(C_NORMAL));
}

static void draw_meeting(int y, int x, int w, const struct meeting_line *l)
{
	char date[16], pct[16], cols[96], bar[64] = "";
	date_format(l->day, date, sizeof date);
	percent_text(pct, sizeof pct, l->on_time, l->judged);
	/* the rating as a bar of ten cells */
	size_t n = 0;
	for (int i = 1; i <= 10; i++) {
		const char *cell = i <= l->rating ? "█" : "░";
		memcpy(bar + n, cell, strlen(cell));
		n += strlen(cell);
	}
	bar[n] = '\0';
	snprintf(cols, sizeof cols, "#%-5lld %s ", (long long)l->id, date);
	int used = draw_text(y, x, cols, w, theme(C_NORMAL));
	if (l->rating) {
		used += draw_text(y, x + used, bar, w - used, theme(C_ACCENT));
		snprintf(cols, sizeof cols, " %2d", l->rating);
	} else {
		snprintf(cols, sizeof cols, "%-10s  -", "not rated");
	}
	used += draw_text(y, x + used, cols, w - used, theme(C_NORMAL));
	snprintf(cols, sizeof cols, " %7d %7s %4d/%d", l->actions, pct, l->overran, l->steps);
	used += draw_text(y, x + used, cols, w - used,
			  l->overran * 2 > l->steps ? theme(C_WARNING) : theme(C_NORMAL));
	/* the members' ratings: average, lowest–highest (the spread), how many */
	if (l->members.n && used < w) {
		snprintf(cols, sizeof cols, "  %4.1f %2d–%-2d %3d", rating_average(&l->members),
			 l->members.lo, l->members.hi, l->members.n);
		draw_text(y, x + used, cols, w - used, theme(C_NORMAL));
	}
}

static void draw_head(int y, int x, int w, enum line_kind kind)
{
	/* As wide as the terminal: the name column grows with it. */
	char *buf;
	switch (kind) {
	case L_DEPT_HEAD:
		buf = xasprintf("%-*s%8s%6s%7s%8s%5s", name_width(w, DEPT_FIXED), "Department",
				"Attended", "Acts", "OnTime", "Overdue", "Wins");
		break;
	case L_STEP_HEAD:
		buf = xasprintf("%-*s%4s %7s %7s %7s %7s", name_width(w, STEP_FIXED), "Step", "Held",
				"Planned", "Actual", "Overran", "AvgOver");
		break;
	default:
		buf = xasprintf("%-19s%-13s %7s %7s %6s  %4s %5s %3s", "Meeting", "Rating",
				"Actions", "OnTime", "Overran", "Avg", "Range", "By");
		break;
	}
	draw_text(y, x, buf, w, theme(C_MUTED));
	free(buf);
}

static void draw_row(struct cadence_state *cv, const struct line *l, int y, int x, int w)
{
	switch (l->kind) {
	case L_HEADING:
		draw_text(y, x, cv->headings[l->index], w, theme(C_HEADING));
		break;
	case L_TEXT:
		draw_text(y, x + 2, cv->summary[l->index], w - 2,
			  l->warn ? theme(C_WARNING) : theme(C_NORMAL));
		break;
	case L_MARKS:
	case L_MARK_DATES:
		draw_marks(cv, y, x + 2, w - 2, l->kind == L_MARK_DATES);
		break;
	case L_DEPT:
		draw_dept(cv, y, x + 2, w - 2, &cv->rep.depts[l->index]);
		break;
	case L_STEP:
		draw_step(y, x + 2, w - 2, &cv->rep.steps[l->index]);
		break;
	case L_MEET:
		draw_meeting(y, x + 2, w - 2, &cv->rep.meetings[l->index]);
		break;
	case L_DEPT_HEAD:
	case L_STEP_HEAD:
	case L_MEET_HEAD:
		draw_head(y, x + 2, w - 2, l->kind);
		break;
	case L_BLANK:
	default:
		break;
	}
}

static int page_rows(const struct tui *t)
{
	return t->rows - 3;
}

static void clamp_top(const struct tui *t)
{
	struct cadence_state *cv = tui_state(t, &view_cadence);
	int max = cv->n_lines - page_rows(t);
	if (cv->top > max)
		cv->top = max;
	if (cv->top < 0)
		cv->top = 0;
}

static void cadence_draw(struct tui *t)
{
	struct cadence_state *cv = tui_state(t, &view_cadence);
	char *line = xasprintf(" Cadence and participation  (last %zu meeting%s)",
			       cv->rep.n_meetings, cv->rep.n_meetings == 1 ? "" : "s");
	draw_line(0, 0, line, t->cols, theme(C_TITLE));
	free(line);
	clamp_top(t);
	int rows = page_rows(t);
	for (int i = 0; i < rows && cv->top + i < cv->n_lines; i++)
		draw_row(cv, &cv->lines[cv->top + i], 1 + i, 1, t->cols - 2);
	if (t->flash[0])
		draw_line(t->rows - 1, 0, t->flash, t->cols,
			  t->flash_error ? theme(C_ERROR) : theme(C_STATUS));
	else
		draw_line(t->rows - 1, 0,
			  " Up/Down scroll  Tab section  +/- meetings  ? help  q back", t->cols,
			  theme(C_STATUS));
}

/* Tab: the next section's heading to the top; Shift-Tab: the previous one. */
static void jump_section(const struct tui *t, int dir)
{
	struct cadence_state *cv = tui_state(t, &view_cadence);
	int i = cv->top + dir;
	while (i >= 0 && i < cv->n_lines && cv->lines[i].kind != L_HEADING)
		i += dir;
	if (i < 0)
		i = 0;
	if (i < cv->n_lines)
		cv->top = i;
	clamp_top(t);
}

static void change_window(struct tui *t, int delta)
{
	struct cadence_state *cv = tui_state(t, &view_cadence);
	int n = (int)cv->window + delta;
	if (delta > 0 && cv->rep.n_meetings < cv->window) {
		/* every meeting held is already in: more would change nothing */
		if (cv->rep.n_meetings == 1)
			tui_flash(t, false, "The one meeting held is shown.");
		else
			tui_flash(t, false, "All %zu meetings held are shown.", cv->rep.n_meetings);
		return;
	}
	if (n < REPORT_WINDOW_MIN || n > REPORT_WINDOW_MAX) {
		tui_flash(t, false, "Between %d and %d meetings.", REPORT_WINDOW_MIN,
			  REPORT_WINDOW_MAX);
		return;
	}
	cv->window = (size_t)n;
	load(t);
}

/* Scrolling keys and q; any other action goes back to the caller. */
static enum action list_key(struct tui *t, enum action a)
{
	struct cadence_state *cv = tui_state(t, &view_cadence);
	int page = page_rows(t);
	switch (a) {
	case ACT_UP:
		cv->top--;
		break;
	case ACT_DOWN:
		cv->top++;
		break;
	case ACT_PAGE_UP:
		cv->top -= page;
		break;
	case ACT_PAGE_DOWN:
		cv->top += page;
		break;
	case ACT_TOP:
		cv->top = 0;
		break;
	case ACT_BOTTOM:
		cv->top = cv->n_lines;
		break;
	case ACT_QUIT:
		tui_back(t);
		return ACT_NONE;
	default:
		return a;
	}
	clamp_top(t);
	return ACT_NONE;
}

enum {
	CV_NEXT_SECTION = ACT_VIEW,
	CV_PREV_SECTION,
	CV_MORE,
	CV_FEWER,
};

static const struct keymap_entry cadence_keys[] = {
	KM_HEADING("Cadence and participation"),
	{CV_NEXT_SECTION, "section-next", "Next section of the report", {KM_CH('\t')}},
	{CV_PREV_SECTION, "section-prev", "Previous section of the report", {KM_FN(KEY_BTAB)}},
	{CV_MORE, "more-meetings", "Cover one more of the past meetings", {KM_CH('+'), KM_CH('=')}},
	{CV_FEWER, "fewer-meetings", "Cover one fewer of the past meetings", {KM_CH('-')}},
	{ACT_QUIT, "back", "Back to the home screen", {{0, false}}},
};

static const struct keymap cadence_keymap = KEYMAP("cadence and participation", cadence_keys);

static enum action cadence_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	/* The view's own keys, read before the shared meaning ('+' adds a
	 * person in a meeting). */
	switch (keymap_find(&cadence_keymap, ch, is_key)) {
	case CV_NEXT_SECTION: jump_section(t, 1); break;
	case CV_PREV_SECTION: jump_section(t, -1); break;
	case CV_MORE: change_window(t, 1); break;
	case CV_FEWER: change_window(t, -1); break;
	default: return list_key(t, a);
	}
	return ACT_NONE;
}

static void cadence_close(struct tui *t)
{
	struct cadence_state *cv = tui_state(t, &view_cadence);
	if (cv->loaded)
		cadence_report_free(&cv->rep);
	cv->loaded = false;
	free(cv->lines);
	cv->lines = NULL;
	cv->n_lines = 0;
}

const struct view_ops view_cadence = {
	.name = "cadence",
	.keymap = &cadence_keymap,
	.private_size = sizeof(struct cadence_state),
	.draw = cadence_draw,
	.key = cadence_key,
	.close = cadence_close,
};
