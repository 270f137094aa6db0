/* cmd_history.c - `cxmeet history`: past meetings newest first, with
 * attendance, departments and what each decided, as plain text, JSON or CSV. */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/meeting.h"
#include "cxmeet/util.h"

/* Plain text shows the local clock time the meeting started ("start",
 * 09:00) beside its day; JSON and CSV give the moment as every other _at
 * field does, an ISO time in UTC ("started_at"). */
#define HISTORY_COLS(start)                                                                \
	{"id", COL_INT, true}, {"held_on", COL_TEXT, false}, {start, COL_TEXT, false},     \
	{"minutes", COL_INT, true}, {"present", COL_INT, true}, {"depts", COL_INT, true}, \
	{"decisions", COL_INT, true}, {"actions", COL_INT, true}, {"wins", COL_INT, true}, \
	{"rating", COL_INT, true}, {"status", COL_TEXT, false},                           \
	{"departments", COL_LIST, false}

static const struct table_col history_cols[] = {HISTORY_COLS("start")};
static const struct table_col history_data_cols[] = {HISTORY_COLS("started_at")};

static void history_row(struct table *t, const struct meeting_summary *m, bool plain)
{
	char buf[32];
	table_row(t);
	table_cell_int(t, m->id);
	clock_format_local(m->started_at, "%Y-%m-%d", "", buf, sizeof buf);
	table_cell(t, buf);
	if (plain)
		clock_format_local(m->started_at, "%H:%M", "", buf, sizeof buf);
	else if (m->started_at)
		clock_format_utc(m->started_at, buf, sizeof buf);
	table_cell(t, plain || m->started_at ? buf : NULL);
	int length = meeting_length_minutes(m->started_at, m->ended_at);
	if (length >= 0)
		table_cell_int(t, length);
	else
		table_cell(t, NULL);
	table_cell_int(t, m->present);
	table_cell_int(t, m->n_depts);
	table_cell_int(t, m->decisions);
	table_cell_int(t, m->actions);
	table_cell_int(t, m->wins);
	if (m->rating)
		table_cell_int(t, m->rating);
	else
		table_cell(t, NULL);
	table_cell(t, meeting_status_name(m->status));
	table_cell(t, m->dept_list);
}

struct history_opts {
	cx_date since; /* DATE_NONE: every meeting */
	const char *dept;
	size_t limit; /* 0: all */
	enum out_format format;
};

#define HISTORY_PAGE 1000 /* meetings read at once */

struct history_ctx {
	struct history_filter f;
	size_t limit; /* 0: all */
	bool plain;
	struct store_cursor cur; /* where the next page starts */
};

/* A page of meetings, up to the --limit asked for. */
static long history_page(struct cli *cli, void *ctx, size_t done, size_t limit,
			 struct table *t, int *status)
{
	struct history_ctx *h = ctx;
	size_t want = cli_page_want(done, h->limit, limit);
	if (want == 0)
		return 0;
	struct meeting_summary *m;
	size_t n;
	enum store_rc rc = store_history_list(cli->st, &h->f, &h->cur, want, &m, &n);
	if (rc != STORE_OK) {
		*status = cli_store_error(cli, rc);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		history_row(t, &m[i], h->plain);
	if (n)
		h->cur = m[n - 1].after;
	meeting_summaries_free(m, n);
	/* A full page goes on; less (the last meeting, or the limit) ends. */
	return want == limit && n == want ? (long)n : 0;
}

/* The widest each column's cells can be, known before reading a meeting, for
 * a history longer than a page (the departments are last and unpadded). */
static void history_widths(struct cli *cli, int w[ARRAY_SIZE(history_cols)])
{
	memset(w, 0, ARRAY_SIZE(history_cols) * sizeof *w);
	w[0] = cli_id_width(cli, true);
	w[1] = 10; /* 2026-11-23 */
	w[2] = 5;  /* 09:00 */
	for (int s = 0; s < MEETING_STATUS_COUNT; s++) {
		int sw = (int)strlen(meeting_status_name((enum meeting_status)s));
		w[10] = sw > w[10] ? sw : w[10];
	}
}

static int history(struct cli *cli, const struct history_opts *o)
{
	struct history_ctx h = {.limit = o->limit, .plain = o->format == OUT_PLAIN};
	const struct table_col *cols = h.plain ? history_cols : history_data_cols;
	store_read_once(cli->st); /* only memory is at stake: a failure changes nothing */
	int rc = cli_dept_id(cli, o->dept, &h.f.dept_id);
	if (rc != 0)
		return rc;
	if (o->since != DATE_NONE) {
		char day[16];
		date_format(o->since, day, sizeof day);
		clock_parse(day, &h.f.since); /* local midnight */
	}
	int w[ARRAY_SIZE(history_cols)];
	if (o->format == OUT_PLAIN)
		history_widths(cli, w);
	size_t shown;
	rc = cli_table_pages(cli, cols, ARRAY_SIZE(history_cols),
			     o->format == OUT_PLAIN ? w : NULL, o->format, HISTORY_PAGE,
			     history_page, &h, &shown);
	if (rc != 0 || shown > 0 || o->format != OUT_PLAIN)
		return rc;
	struct table t; /* the table of no row, as before */
	table_init(&t, cols, ARRAY_SIZE(history_cols));
	rc = cli_table_out(cli, &t, o->format);
	table_free(&t);
	return rc;
}

static int history_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct history_opts *o = ctx;
	struct date_context dc = {clock_today(), DATE_NONE};
	char err[512];
	switch (key) {
	case 's':
		if (date_parse(value, &dc, DATE_BACK, &o->since, err, sizeof err) != 0)
			return cli_usage_error(cmd, "--since: %s", err);
		break;
	case 'd': o->dept = value; break;
	case 'n': return cli_parse_limit(cmd, value, &o->limit);
	case 'f': return cli_format(cmd, value, OUT_TABLES, &o->format);
	}
	return 0;
}

static int history_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct history_opts o = {.since = DATE_NONE, .format = OUT_PLAIN};
	int rc;
	if (!cli_parse(cmd, argc, argv, history_opt, &o, &rc))
		return rc;
	rc = cli_open(cli);
	return rc ? rc : history(cli, &o);
}

static const struct cli_opt history_options[] = {
	{"since", 's', CLI_VALUE},
	{"dept", 'd', CLI_VALUE},
	{"limit", 'n', CLI_VALUE},
	{"format", 'f', CLI_VALUE},
	{0},
};

const struct cli_cmd cmd_history = {
	.paged = true,
	.name = "history",
	.summary = "list past meetings, newest first, with what each one decided",
	.usage = "usage: cxmeet history [--since DATE] [--dept DEPT] [--limit N]\n"
		 "                      [--format plain|json|csv]\n"
		 "\n"
		 "Lists the meetings held, newest first: date, start, length in minutes,\n"
		 "people present, departments present (how many, and which), decisions,\n"
		 "actions and wins captured, rating and status.\n"
		 "\n"
		 "  -s, --since DATE    meetings started on or after DATE: YYYY-MM-DD,\n"
		 "                      today, yesterday, -2w, a weekday (the last one:\n"
		 "                      friday is the Friday before today)\n"
		 "  -d, --dept DEPT     meetings that department attended\n"
		 "  -n, --limit N       the newest N meetings only\n"
		 "  -f, --format F      plain (the default), json or csv\n",
	.opts = history_options,
	.run = history_run,
};
