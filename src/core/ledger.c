/* ledger.c - the buy-in ledger, per department and quarter (ledger.h): the
 * store's counts of each part laid on a grid of quarters and departments. */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/ledger.h"
#include "cxmeet/util.h"

static int quarter_of(cx_date d, int *year)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	*year = y;
	return (m + 2) / 3;
}

/* The line of (year, quarter, dept), or NULL. */
static struct ledger_line *line_of(struct ledger *l, int y0, int q0, int year, int quarter,
				   store_id dept)
{
	int k = (year - y0) * 4 + (quarter - q0);
	if (k < 0 || k >= l->n_quarters)
		return NULL;
	for (size_t d = 0; d < l->n_depts; d++)
		if (l->depts[d].id == dept)
			return &l->lines[(size_t)k * l->n_depts + d];
	return NULL;
}

enum store_rc ledger_load(struct store *st, cx_date since, cx_date today, store_id dept,
			  struct ledger *out)
{
	memset(out, 0, sizeof *out);
	struct dept *all;
	size_t n_all;
	enum store_rc rc = store_dept_list(st, false, &all, &n_all);
	if (rc != STORE_OK)
		return rc;
	/* the active departments, or the one asked for */
	out->depts = xcalloc(n_all + 1, sizeof *out->depts);
	for (size_t i = 0; i < n_all; i++) {
		if (!dept || all[i].id == dept)
			out->depts[out->n_depts++] = all[i];
		else
			dept_free(&all[i]);
	}
	free(all);
	int y0, y1, q0 = quarter_of(since, &y0), q1 = quarter_of(today, &y1);
	out->n_quarters = (y1 - y0) * 4 + (q1 - q0) + 1;
	if (out->n_quarters < 1)
		out->n_quarters = 1;
	out->n = (size_t)out->n_quarters * out->n_depts;
	out->lines = xcalloc(out->n + 1, sizeof *out->lines);
	for (int k = 0; k < out->n_quarters; k++)
		for (size_t d = 0; d < out->n_depts; d++) {
			struct ledger_line *ln = &out->lines[(size_t)k * out->n_depts + d];
			ln->year = y0 + (q0 - 1 + k) / 4;
			ln->quarter = (q0 - 1 + k) % 4 + 1;
			ln->dept = &out->depts[d];
		}
	/* a month's first day: the quarter's, so that it is counted whole */
	cx_date from = date_from_ymd(y0, (q0 - 1) * 3 + 1, 1);
	for (int part = 0; rc == STORE_OK && part < LEDGER_PART_COUNT; part++) {
		struct ledger_count *c;
		size_t n;
		if ((rc = store_ledger_counts(st, (enum ledger_part)part, from, &c, &n)) != STORE_OK)
			break;
		for (size_t i = 0; i < n; i++) {
			if (part == LEDGER_MEETINGS) { /* the quarter's, for every department */
				for (size_t d = 0; d < out->n_depts; d++) {
					struct ledger_line *ln = line_of(out, y0, q0, c[i].year,
									 c[i].quarter,
									 out->depts[d].id);
					if (ln)
						ln->meetings = c[i].v[0];
				}
				continue;
			}
			struct ledger_line *ln = line_of(out, y0, q0, c[i].year, c[i].quarter,
							 c[i].dept_id);
			if (!ln)
				continue;
			switch ((enum ledger_part)part) {
			case LEDGER_ATTENDANCE: ln->attended = c[i].v[0]; break;
			case LEDGER_ITEMS:
				ln->actions = c[i].v[0];
				ln->on_time = c[i].v[1];
				ln->wins = c[i].v[2];
				break;
			case LEDGER_MESSAGES:
				ln->messages = c[i].v[0];
				ln->acked = c[i].v[1];
				break;
			case LEDGER_MOVES:
				ln->support_up = c[i].v[0];
				ln->support_down = c[i].v[1];
				break;
			default: break;
			}
		}
		free(c);
	}
	if (rc != STORE_OK)
		ledger_free(out);
	return rc;
}

void ledger_free(struct ledger *l)
{
	dept_list_free(l->depts, l->n_depts);
	free(l->lines);
	memset(l, 0, sizeof *l);
}

cx_date ledger_quarters_back(cx_date today, int n)
{
	int y, m, d;
	date_to_ymd(today, &y, &m, &d);
	int q = (m - 1) / 3 - (n - 1); /* 0-3 within y, counting back */
	while (q < 0)
		q += 4, y--;
	return date_from_ymd(y, q * 3 + 1, 1);
}

int ledger_attendance_pct(const struct ledger_line *l)
{
	if (l->meetings <= 0)
		return -1;
	return (int)((l->attended * 100 + l->meetings / 2) / l->meetings);
}

int ledger_shift(const struct ledger *l, size_t i, int *from, int *to)
{
	*from = *to = -1;
	if (l->n_quarters < 2 || i >= l->n_depts)
		return 0;
	size_t last = (size_t)(l->n_quarters - 1) * l->n_depts + i;
	*from = ledger_attendance_pct(&l->lines[last - l->n_depts]);
	*to = ledger_attendance_pct(&l->lines[last]);
	if (*from < 0 || *to < 0)
		return 0;
	return *to - *from >= LEDGER_SHIFT_POINTS ? 1 : *from - *to >= LEDGER_SHIFT_POINTS ? -1 : 0;
}
