/* view_home.c - the home screen: the organisation and its CX mission, when the
 * next meeting is due by the cadence (or how late it is), open and overdue
 * actions, the last meeting, starting or resuming a meeting, and the history
 * of past meetings with search (H). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_int.h"
#include "cxmeet/util.h"

static int home_sel;

struct home_facts {
	struct org org;
	bool have_org;
	struct meeting last;
	bool have_last;
	bool in_progress;
	int64_t open, overdue;
};

static void facts_load(struct tui *t, struct home_facts *f)
{
	memset(f, 0, sizeof *f);
	f->have_org = store_org_get(t->st, &f->org) == STORE_OK;
	f->have_last = store_meeting_last(t->st, &f->last) == STORE_OK;
	store_id id;
	f->in_progress = store_meeting_in_progress(t->st, &id) == STORE_OK;
	store_action_counts(t->st, clock_today(), 0, &f->open, &f->overdue);
}

static int menu_items(const struct home_facts *f, const char **labels)
{
	int n = 0;
	if (f->in_progress)
		labels[n++] = "Resume the meeting in progress";
	else
		labels[n++] = "Start a meeting";
	labels[n++] = "Help: keys";
	labels[n++] = "History and search (H)";
	labels[n++] = "Quit";
	return n;
}

static void due_line(const struct home_facts *f, char *buf, size_t len)
{
	cx_date today = clock_today();
	char date[16];
	if (!f->have_last) {
		snprintf(buf, len, "No meeting held yet.");
		return;
	}
	cx_date next = f->last.next_meeting != DATE_NONE
			       ? f->last.next_meeting
			       : meeting_next_due(&f->org.cadence, date_from_time(f->last.started_at),
						  today);
	date_format(next, date, sizeof date);
	if (next < today)
		snprintf(buf, len, "Next meeting was due %s: %d days late.", date, (int)(today - next));
	else if (next == today)
		snprintf(buf, len, "Next meeting is due today (%s).", date);
	else
		snprintf(buf, len, "Next meeting due %s, in %d days.", date, (int)(next - today));
}

static void home_draw(struct tui *t)
{
	struct home_facts f;
	facts_load(t, &f);
	const char *name = f.have_org && *f.org.text[ORG_NAME] ? f.org.text[ORG_NAME] : "cxmeet";
	char line[400];
	snprintf(line, sizeof line, " %s  CX council", name);
	draw_line(0, 0, line, t->cols, theme(C_TITLE));
	int x = 2, w = t->cols - 4, y = 2;
	draw_text(y++, x, "CX mission", w, theme(C_HEADING));
	if (f.have_org && *f.org.text[ORG_MISSION])
		y += draw_wrapped(y, x + 2, f.org.text[ORG_MISSION], w - 2, 4, theme(C_ACCENT));
	else
		y += draw_wrapped(y, x + 2, "Not written yet: cxmeet org set mission TEXT", w - 2, 1,
				  theme(C_MUTED));
	y++;
	char cad[48];
	cadence_format(&f.org.cadence, cad, sizeof cad);
	snprintf(line, sizeof line, "Cadence: %s", cad);
	draw_text(y++, x, line, w, theme(C_NORMAL));
	due_line(&f, line, sizeof line);
	bool late = strstr(line, "late") != NULL;
	draw_text(y++, x, line, w, late ? theme(C_WARNING) : theme(C_NORMAL));
	snprintf(line, sizeof line, "Open actions: %lld, of which %lld overdue.", (long long)f.open,
		 (long long)f.overdue);
	draw_text(y++, x, line, w, f.overdue ? theme(C_WARNING) : theme(C_NORMAL));
	if (f.have_last) {
		char date[16], rating[16] = "";
		date_format(date_from_time(f.last.started_at), date, sizeof date);
		if (f.last.rating)
			snprintf(rating, sizeof rating, ", rated %d/10", f.last.rating);
		snprintf(line, sizeof line, "Last meeting: %s, %s%s.", date,
			 f.last.status == MEETING_IN_PROGRESS ? "still in progress"
			 : f.last.status == MEETING_COMPLETED ? "completed" : "abandoned", rating);
		draw_text(y++, x, line, w, theme(C_NORMAL));
	}
	y++;
	const char *labels[5];
	int n = menu_items(&f, labels);
	if (home_sel >= n)
		home_sel = n - 1;
	for (int i = 0; i < n && y < t->rows - 2; i++, y++) {
		snprintf(line, sizeof line, "  %s  ", labels[i]);
		draw_text(y, x, line, w, i == home_sel ? theme(C_SELECTED) : theme(C_NORMAL));
	}
	draw_line(t->rows - 1, 0, " Up/Down choose  Enter open  H history  ?  help  q quit", t->cols,
		  theme(C_STATUS));
	if (f.have_org)
		org_free(&f.org);
}

static enum action home_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	if (!is_key && ch == 'H') {
		history_view_open(t);
		return ACT_NONE;
	}
	struct home_facts f;
	facts_load(t, &f);
	const char *labels[5];
	int n = menu_items(&f, labels);
	if (f.have_org)
		org_free(&f.org);
	switch (a) {
	case ACT_UP:
		home_sel = home_sel > 0 ? home_sel - 1 : 0;
		return ACT_NONE;
	case ACT_DOWN:
		home_sel = home_sel + 1 < n ? home_sel + 1 : home_sel;
		return ACT_NONE;
	case ACT_SELECT:
		if (home_sel == 0)
			meeting_view_open(t, f.in_progress);
		else if (home_sel == 1)
			return ACT_HELP;
		else if (home_sel == 2)
			history_view_open(t);
		else
			return ACT_QUIT;
		return ACT_NONE;
	default:
		return a;
	}
}

const struct view_ops view_home = {.name = "home", .draw = home_draw, .key = home_key};
