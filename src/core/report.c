/* report.c - the cadence and participation report as pure computations over
 * the rows the store reads; the definitions are in include/cxmeet/report.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/meeting.h"
#include "cxmeet/report.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

int cadence_grace_days(const struct cadence *c)
{
	return cadence_days(c) <= 14.0 ? 1 : 3;
}

int report_percent(int num, int den)
{
	if (den <= 0)
		return -1;
	return (int)((200LL * num + den) / (2LL * den)); /* rounded half up */
}

void next_due_text(cx_date next, cx_date today, char *buf, size_t len)
{
	char date[16];
	date_format(next, date, sizeof date);
	int days = (int)(next < today ? today - next : next - today);
	if (next < today)
		snprintf(buf, len, "was due %s: %d %s late", date, days,
			 text_plural(days, "day", "days"));
	else if (next == today)
		snprintf(buf, len, "due today (%s)", date);
	else
		snprintf(buf, len, "due %s, in %d %s", date, days, text_plural(days, "day", "days"));
}

/* The due date of the interval opened by a meeting on `day`. */
static cx_date interval_due(const struct cadence *c, cx_date day, cx_date agreed)
{
	return agreed != DATE_NONE && agreed > day ? agreed : cadence_next(c, day);
}

/* Merges meetings of the same day: the last one of the day holds the date
 * agreed for the next. Returns the number of days written to days/agreed. */
static size_t meeting_days(const struct held_meeting *held, size_t n, cx_date *days,
			   cx_date *agreed)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		cx_date d = date_from_time(held[i].started_at);
		if (k > 0 && days[k - 1] >= d) {
			/* same day (or out of order by the clock): one meeting */
			if (held[i].next_meeting != DATE_NONE)
				agreed[k - 1] = held[i].next_meeting;
			continue;
		}
		days[k] = d;
		agreed[k++] = held[i].next_meeting;
	}
	return k;
}

static void recent_figures(struct cadence_summary *s)
{
	int seen = 0;
	bool streaking = true;
	for (size_t i = s->n_iv; i-- > 0;) {
		const struct cadence_interval *v = &s->iv[i];
		if (!v->judged)
			continue;
		if (seen < REPORT_RECENT_INTERVALS) {
			if (++seen == REPORT_RECENT_INTERVALS)
				s->recent_from = i;
			s->recent_judged++;
			s->recent_on_time += v->on_time;
		}
		if (streaking && v->on_time)
			s->streak++;
		else
			streaking = false;
	}
}

static void summarise_held(const struct cadence *c, const struct held_meeting *held, size_t n,
			   cx_date today, struct cadence_summary *out);

void cadence_summarise(const struct cadence *c, const struct held_meeting *held, size_t n,
		       cx_date today, struct cadence_summary *out)
{
	memset(out, 0, sizeof *out);
	out->cadence = *c;
	out->grace = cadence_grace_days(c);
	out->first = out->last = out->gap_from = out->gap_to = DATE_NONE;
	if (n == 0) {
		out->next_due = meeting_next_due(c, DATE_NONE, today);
		return;
	}
	summarise_held(c, held, n, today, out);
	out->days_late = today > out->next_due ? (int)(today - out->next_due) : 0;
	out->late = today > out->next_due + out->grace;
}

/* cadence_summarise's figures once at least one meeting was held. */
static void summarise_held(const struct cadence *c, const struct held_meeting *held, size_t n,
			   cx_date today, struct cadence_summary *out)
{
	cx_date *days = xcalloc(n, sizeof *days), *agreed = xcalloc(n, sizeof *agreed);
	size_t k = meeting_days(held, n, days, agreed);
	out->n_days = k;
	out->first = days[0];
	out->last = days[k - 1];
	out->iv = xcalloc(k, sizeof *out->iv);
	for (size_t i = 0; i < k; i++) {
		struct cadence_interval *v = &out->iv[out->n_iv++];
		v->from = days[i];
		v->due = interval_due(c, days[i], agreed[i]);
		v->to = i + 1 < k ? days[i + 1] : DATE_NONE;
		cx_date end = v->to != DATE_NONE ? v->to : today;
		v->judged = v->to != DATE_NONE || today > v->due + out->grace;
		v->on_time = v->to != DATE_NONE && v->to <= v->due + out->grace;
		if (end - v->from > out->longest_gap) {
			out->longest_gap = end - v->from;
			out->gap_from = v->from;
			out->gap_to = v->to;
		}
	}
	out->next_due = out->iv[k - 1].due;
	recent_figures(out);
	free(days);
	free(agreed);
}

void cadence_summary_free(struct cadence_summary *s)
{
	free(s->iv);
	s->iv = NULL;
	s->n_iv = 0;
}

bool action_judged(const struct window_item *it, cx_date today, bool *on_time)
{
	*on_time = false;
	if (it->kind != ITEM_ACTION || it->due == DATE_NONE)
		return false;
	if (it->status == STATUS_DONE && it->closed_at) {
		*on_time = date_from_time(it->closed_at) <= it->due;
		return true;
	}
	return it->status == STATUS_OPEN && it->due < today;
}

static bool in_window(store_id meeting, const store_id *window, size_t n_window)
{
	for (size_t i = 0; i < n_window; i++)
		if (window[i] == meeting)
			return true;
	return false;
}

/* Whether the department took part in the meeting: someone present, an
 * action owned or a win credited. */
static bool took_part(store_id dept, store_id meeting, const struct meeting_dept *att,
		      size_t n_att, const struct window_item *items, size_t n_items)
{
	for (size_t i = 0; i < n_att; i++)
		if (att[i].dept_id == dept && att[i].meeting_id == meeting)
			return true;
	for (size_t i = 0; i < n_items; i++)
		if (items[i].dept_id == dept && items[i].meeting_id == meeting)
			return true;
	return false;
}

static bool silent(store_id dept, const store_id *window, size_t n_window,
		   const struct meeting_dept *att, size_t n_att, const struct window_item *items,
		   size_t n_items)
{
	if (n_window < SILO_MEETINGS)
		return false;
	for (size_t m = 0; m < SILO_MEETINGS; m++)
		if (took_part(dept, window[m], att, n_att, items, n_items))
			return false;
	return true;
}

void dept_lines_build(const struct dept *depts, size_t n_depts, const store_id *window,
		      size_t n_window, const struct meeting_dept *att, size_t n_att,
		      const struct window_item *items, size_t n_items,
		      const struct dept_count *overdue, size_t n_overdue, cx_date today,
		      struct dept_line *out)
{
	for (size_t d = 0; d < n_depts; d++) {
		struct dept_line *l = &out[d];
		store_id id = depts[d].id;
		memset(l, 0, sizeof *l);
		l->dept = &depts[d];
		for (size_t i = 0; i < n_att; i++)
			l->attended += att[i].dept_id == id &&
				       in_window(att[i].meeting_id, window, n_window);
		for (size_t i = 0; i < n_items; i++) {
			const struct window_item *it = &items[i];
			if (it->dept_id != id || !in_window(it->meeting_id, window, n_window))
				continue;
			bool on_time;
			if (it->kind == ITEM_WIN)
				l->wins++;
			if (it->kind != ITEM_ACTION)
				continue;
			l->actions++;
			if (action_judged(it, today, &on_time)) {
				l->judged++;
				l->on_time += on_time;
			}
		}
		for (size_t i = 0; i < n_overdue; i++)
			if (overdue[i].dept_id == id)
				l->overdue = (int)overdue[i].n;
		l->silo = !depts[d].archived &&
			  silent(id, window, n_window, att, n_att, items, n_items);
		l->absent_handed = !depts[d].archived && n_window >= SILO_MEETINGS &&
				   l->attended == 0 && l->actions > 0;
	}
}

/* A step counts as held when it was not skipped and was reached: done, or
 * with time spent on it (a meeting ended early never reached the rest). */
static bool step_held(const struct window_step *s)
{
	return !s->skipped && (s->done || s->actual_seconds > 0);
}

size_t step_lines_build(const struct window_step *steps, size_t n, struct step_line *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (!step_held(&steps[i]))
			continue;
		size_t j = 0;
		while (j < k && strcmp(out[j].title, steps[i].title) != 0)
			j++;
		if (j == k)
			out[k++] = (struct step_line){.title = steps[i].title};
		out[j].held++;
		out[j].planned_minutes_total += steps[i].planned_minutes;
		out[j].actual_seconds_total += steps[i].actual_seconds;
		int over = step_overrun_seconds(steps[i].planned_minutes, steps[i].actual_seconds);
		out[j].overran += over > 0;
		out[j].overrun_seconds_total += over;
	}
	for (size_t j = 0; j < k; j++) {
		out[j].planned_avg = (double)out[j].planned_minutes_total / out[j].held;
		out[j].actual_avg = out[j].actual_seconds_total / 60.0 / out[j].held;
		if (out[j].overran)
			out[j].overrun_avg = out[j].overrun_seconds_total / 60.0 / out[j].overran;
		out[j].usually_over = out[j].overran >= 2 && out[j].overran * 2 > out[j].held;
	}
	return k;
}

void meeting_lines_build(const struct held_meeting *window, size_t n_window,
			 const struct window_item *items, size_t n_items,
			 const struct window_step *steps, size_t n_steps, cx_date today,
			 struct meeting_line *out)
{
	for (size_t m = 0; m < n_window; m++) {
		struct meeting_line *l = &out[m];
		memset(l, 0, sizeof *l);
		l->id = window[m].id;
		l->day = date_from_time(window[m].started_at);
		l->rating = window[m].rating;
		l->members = window[m].members;
		for (size_t i = 0; i < n_items; i++) {
			bool on_time;
			if (items[i].meeting_id != l->id || items[i].kind != ITEM_ACTION)
				continue;
			l->actions++;
			if (action_judged(&items[i], today, &on_time)) {
				l->judged++;
				l->on_time += on_time;
			}
		}
		for (size_t i = 0; i < n_steps; i++) {
			if (steps[i].meeting_id != l->id || !step_held(&steps[i]))
				continue;
			l->steps++;
			l->overran += step_overrun_seconds(steps[i].planned_minutes,
							   steps[i].actual_seconds) > 0;
		}
	}
}
