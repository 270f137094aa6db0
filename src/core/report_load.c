/* report_load.c - reads what the cadence and participation report needs from
 * the store (a few bounded, indexed reads) and computes it with report.c, so
 * that the command line and the full-screen view show the same figures. */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/report.h"
#include "cxmeet/util.h"

struct window_rows {
	struct held_meeting *held;
	size_t n_held;
	struct meeting_dept *att;
	size_t n_att;
	struct window_item *items;
	size_t n_items;
	struct dept_count *overdue;
	size_t n_overdue;
};

static enum store_rc rows_read(struct store *st, size_t window, cx_date today,
			       struct window_rows *w, struct cadence_report *r)
{
	enum store_rc rc = store_held_meetings(st, &w->held, &w->n_held);
	if (rc == STORE_OK)
		rc = store_window_attendance(st, window, &w->att, &w->n_att);
	if (rc == STORE_OK)
		rc = store_window_items(st, window, &w->items, &w->n_items);
	if (rc == STORE_OK)
		rc = store_window_steps(st, window, &r->step_rows, &r->n_step_rows);
	if (rc == STORE_OK)
		rc = store_overdue_by_dept(st, today, &w->overdue, &w->n_overdue);
	if (rc == STORE_OK)
		rc = store_dept_list(st, false, &r->dept_rows, &r->n_depts);
	return rc;
}

static void rows_free(struct window_rows *w)
{
	free(w->held);
	free(w->att);
	free(w->items);
	free(w->overdue);
}

enum store_rc cadence_report_load(struct store *st, size_t window, cx_date today,
				  struct cadence_report *out)
{
	memset(out, 0, sizeof *out);
	out->window = window;
	struct org org;
	enum store_rc rc = store_org_get(st, &org);
	struct cadence c = rc == STORE_OK ? org.cadence : CADENCE_DEFAULT;
	if (rc == STORE_OK)
		org_free(&org);
	else if (rc != STORE_NOTFOUND)
		return rc;
	struct window_rows w = {0};
	rc = rows_read(st, window, today, &w, out);
	if (rc != STORE_OK) {
		rows_free(&w);
		cadence_report_free(out);
		return rc;
	}
	cadence_summarise(&c, w.held, w.n_held, today, &out->sum);
	/* The window: the last `window` meetings held, newest first. */
	out->n_meetings = w.n_held < window ? w.n_held : window;
	struct held_meeting *recent = xcalloc(out->n_meetings + 1, sizeof *recent);
	store_id *ids = xcalloc(out->n_meetings + 1, sizeof *ids);
	for (size_t i = 0; i < out->n_meetings; i++) {
		recent[i] = w.held[w.n_held - 1 - i];
		ids[i] = recent[i].id;
	}
	out->depts = xcalloc(out->n_depts + 1, sizeof *out->depts);
	dept_lines_build(out->dept_rows, out->n_depts, ids, out->n_meetings, w.att, w.n_att,
			 w.items, w.n_items, w.overdue, w.n_overdue, today, out->depts);
	out->steps = xcalloc(out->n_step_rows + 1, sizeof *out->steps);
	out->n_steps = step_lines_build(out->step_rows, out->n_step_rows, out->steps);
	out->meetings = xcalloc(out->n_meetings + 1, sizeof *out->meetings);
	meeting_lines_build(recent, out->n_meetings, w.items, w.n_items, out->step_rows,
			    out->n_step_rows, today, out->meetings);
	free(recent);
	free(ids);
	rows_free(&w);
	return STORE_OK;
}

void cadence_report_free(struct cadence_report *r)
{
	cadence_summary_free(&r->sum);
	free(r->depts);
	free(r->steps);
	free(r->meetings);
	dept_list_free(r->dept_rows, r->n_depts);
	window_steps_free(r->step_rows, r->n_step_rows);
	memset(r, 0, sizeof *r);
}
