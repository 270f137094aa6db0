/* cmd_actions.c - who owes what, between meetings: `cxmeet actions` (the
 * list, filtered) and `cxmeet overdue` (the same list of overdue ones, for
 * cron: exit status 8 when anything is overdue). */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/actions.h"
#include "cxmeet/cli.h"
#include "cxmeet/meeting.h"
#include "cxmeet/names.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* Rows read per store call: a long list never sits in memory twice. */
#define PAGE 2000

/* The columns; "council" first with --all-councils only (action_cols + 1
 * without it). */
static const struct table_col action_cols[] = {
	{"council", COL_TEXT, false},
	{"id", COL_INT, true},
	{"due_on", COL_TEXT, false},
	{"days_overdue", COL_INT, true},
	{"slips", COL_INT, true},
	{"carried", COL_INT, true},
	{"escalate", COL_BOOL, false},
	{"status", COL_TEXT, false},
	{"owner", COL_TEXT, false},
	{"department", COL_TEXT, false},
	{"meeting_on", COL_TEXT, false},
	{"text", COL_TEXT, false},
};

struct list_opts {
	struct action_filter f;
	const char *owner;
	const char *dept;
	const char *due_before;
	enum out_format format;
	int state; /* -1 until --state or --overdue says */
	bool all_councils;
};

static void table_add(struct table *t, const struct action_row *r, cx_date today, int limit,
		      bool all, const char *council)
{
	const struct item *it = &r->it;
	char due[16], met[16];
	table_row(t);
	if (all)
		table_cell(t, r->council ? r->council : council);
	table_cell_int(t, it->id);
	table_cell(t, it->due == DATE_NONE ? NULL : (date_format(it->due, due, sizeof due), due));
	table_cell_int(t, action_days_overdue(it, today));
	table_cell_int(t, it->slips);
	table_cell_int(t, it->carried);
	table_cell_bool(t, action_escalated(it, limit));
	table_cell(t, item_status_name(it->status));
	table_cell(t, it->person_name);
	table_cell(t, it->dept_name);
	if (r->meeting_at)
		date_format(date_from_time(r->meeting_at), met, sizeof met);
	table_cell(t, r->meeting_at ? met : NULL);
	table_cell(t, it->text);
}

/* The widest each column's cells can be, known before reading a row, for a
 * list longer than a page (the text is last and unpadded). */
static void action_widths(struct cli *cli, int w[ARRAY_SIZE(action_cols) - 1])
{
	memset(w, 0, (ARRAY_SIZE(action_cols) - 1) * sizeof *w);
	w[0] = cli_id_width(cli, false);
	w[1] = w[9] = 10; /* dates */
	w[5] = 3;         /* yes, no */
	for (int s = 0; s < STATUS_COUNT; s++) {
		int sw = (int)strlen(item_status_name((enum item_status)s));
		w[6] = sw > w[6] ? sw : w[6];
	}
	w[7] = cli_widest_name(cli, true);
	w[8] = cli_widest_name(cli, false);
}

struct list_ctx {
	const struct action_filter *f;
	int limit; /* the escalation limit */
	struct actions_stream *as; /* every row, in one pass */
	bool all;            /* --all-councils: each row names its council */
	const char *council; /* the name of a row that names none */
};

/* A page of the actions the filter selects, as table rows. */
static long actions_page(struct cli *cli, void *ctx, size_t done, size_t limit,
			 struct table *t, int *status)
{
	struct list_ctx *c = ctx;
	struct action_row *rows;
	size_t n;
	(void)done;
	enum store_rc rc = store_actions_stream_next(c->as, limit, &rows, &n);
	if (rc != STORE_OK) {
		*status = cli_store_error(cli, rc);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		table_add(t, &rows[i], c->f->today, c->limit, c->all, c->council);
	action_rows_free(rows, n);
	return (long)n;
}

/* Writes every action the filter selects, a page of the store at a time;
 * *count gets how many. */
static int list_out(struct cli *cli, const struct action_filter *f, enum out_format format,
		    const char *none, const char *council, bool all, size_t *count)
{
	struct list_ctx c = {f, cli_escalate_limit(cli), NULL, all, council};
	store_read_once(cli->st); /* only memory is at stake: a failure changes nothing */
	int w[ARRAY_SIZE(action_cols)] = {0}; /* the council's: as its first page says */
	if (format == OUT_PLAIN)
		action_widths(cli, w + 1);
	enum store_rc rc = actions_stream_begin(cli->st, f, &c.as);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	int status = cli_table_pages(cli, action_cols + !all, ARRAY_SIZE(action_cols) - !all,
				     format == OUT_PLAIN ? w + !all : NULL, format, PAGE,
				     actions_page, &c, count);
	store_actions_stream_end(c.as);
	if (status == 0 && *count == 0 && format == OUT_PLAIN)
		fprintf(cli->out, "%s\n", none);
	return status;
}

/* A date as typed for --due-before, looking ahead as due dates do (fri is
 * the next Friday), past dates allowed. */
static int parse_before(const char *s, cx_date today, cx_date *out)
{
	char err[512];
	struct date_context dc = {today, DATE_NONE};
	if (date_parse(s, &dc, DATE_AHEAD, out, err, sizeof err) == 0)
		return 0;
	return cli_input_error("--due-before: %s", err);
}

/* Turns --owner and --dept names into ids; unknown names are refused. */
static int resolve_names(struct cli *cli, struct list_opts *o)
{
	enum store_rc rc;
	if (o->dept) {
		struct dept d;
		if ((rc = dept_find(cli->st, o->dept, &d)) != STORE_OK)
			return cli_store_error(cli, rc);
		o->f.dept_id = d.id;
		dept_free(&d);
	}
	if (o->owner) {
		struct person p;
		if ((rc = person_find(cli->st, o->owner, &p)) != STORE_OK)
			return cli_store_error(cli, rc);
		o->f.person_id = p.id;
		person_free(&p);
	}
	if (o->due_before)
		return parse_before(o->due_before, o->f.today, &o->f.due_before);
	return 0;
}

static int bad_state(const struct cli_cmd *cmd, const char *s)
{
	return cli_usage_error(cmd, "unknown state '%s' (use open, overdue, week, done, dropped "
				    "or all)", s);
}

static int actions_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct list_opts *o = ctx;
	int want = -1;
	switch (key) {
	case 'O': want = ASTATE_OVERDUE; break;
	case 's':
		if ((want = action_state_parse(value)) < 0)
			return bad_state(cmd, value);
		break;
	case 'o': o->owner = value; break;
	case 'd': o->dept = value; break;
	case 'b': o->due_before = value; break;
	case 'f': return cli_format(cmd, value, OUT_TABLES, &o->format);
	case 'A': o->all_councils = true; break;
	}
	if (want >= 0 && o->state >= 0 && o->state != want)
		return cli_usage_error(cmd, "two different states asked for (--overdue, --state): "
					    "give one");
	if (want >= 0)
		o->state = want;
	return 0;
}

static int actions_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct list_opts o = {.f = {ASTATE_OPEN, 0, 0, DATE_NONE, clock_today()}, .state = -1};
	int rc;
	if (!cli_parse(cmd, argc, argv, actions_opt, &o, &rc))
		return rc;
	if (o.state >= 0)
		o.f.state = (enum action_state)o.state;
	if (o.all_councils && (o.owner || o.dept))
		return cli_usage_error(cmd, "--owner and --dept name a person or department of one "
					    "council: not with --all-councils");
	char *council = NULL;
	rc = o.all_councils ? cli_open_all_councils(cli, &council) : cli_open(cli);
	if (rc == 0)
		rc = resolve_names(cli, &o);
	size_t n;
	if (rc == 0)
		rc = list_out(cli, &o.f, o.format, "No actions match.", council, o.all_councils,
			      &n);
	free(council);
	return rc;
}

struct overdue_opts {
	enum out_format format;
	bool all_councils;
};

static int overdue_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct overdue_opts *o = ctx;
	if (key == 'A') {
		o->all_councils = true;
		return 0;
	}
	return cli_format(cmd, value, OUT_TABLES, &o->format);
}

static int overdue_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct overdue_opts o = {OUT_PLAIN, false};
	int rc;
	char *council = NULL;
	if (!cli_parse(cmd, argc, argv, overdue_opt, &o, &rc))
		return rc;
	rc = o.all_councils ? cli_open_all_councils(cli, &council) : cli_open(cli);
	struct action_filter f = {ASTATE_OVERDUE, 0, 0, DATE_NONE, clock_today()};
	size_t n = 0;
	if (rc == 0)
		rc = list_out(cli, &f, o.format, "No overdue actions.", council, o.all_councils,
			      &n);
	free(council);
	return rc ? rc : n > 0 ? EXIT_OVERDUE : EXIT_OK;
}

static const struct cli_opt actions_options[] = {
	{"overdue", 'O', CLI_LONG_ONLY},
	{"state", 's', CLI_VALUE | CLI_LONG_ONLY},
	{"owner", 'o', CLI_VALUE | CLI_LONG_ONLY},
	{"dept", 'd', CLI_VALUE},
	{"due-before", 'b', CLI_VALUE},
	{"format", 'f', CLI_VALUE | CLI_LONG_ONLY},
	{"all-councils", 'A', CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_actions = {
	.paged = true,
	.name = "actions",
	.summary = "list actions: open, overdue, due this week, done or dropped",
	.usage = "usage: cxmeet actions [--overdue | --state STATE] [--owner PERSON] [--dept DEPT]\n"
		 "                      [--due-before DATE] [--format plain|json|csv]\n"
		 "                      [--all-councils]\n"
		 "\n"
		 "Lists actions, overdue ones first (earliest due first), then by due date:\n"
		 "number, due date, days overdue, slips (times the date moved later),\n"
		 "meetings carried through, whether it is flagged for escalation to the\n"
		 "sponsor (cxmeet org set escalate N), status, owner, department, the date\n"
		 "of the meeting it came from, and its text.\n"
		 "\n"
		 "      --state STATE      open (the default), overdue, week (due today to\n"
		 "                         six days ahead), done, dropped or all\n"
		 "      --overdue          the same as --state overdue\n"
		 "      --owner PERSON     only the actions PERSON owns\n"
		 "  -d, --dept DEPT        only the actions of department DEPT\n"
		 "  -b, --due-before DATE  only those due before DATE (YYYY-MM-DD, or a form\n"
		 "                         such as today, +2w, -1w, fri (the next Friday),\n"
		 "                         eom)\n"
		 "      --format FORMAT    plain (the default), json or csv\n"
		 "      --all-councils     the actions of every council the role may read,\n"
		 "                         each row naming its council (not with --owner\n"
		 "                         or --dept)\n",
	.opts = actions_options,
	.run = actions_run,
};

static const struct cli_opt overdue_options[] = {
	{"format", 'f', CLI_VALUE | CLI_LONG_ONLY},
	{"all-councils", 'A', CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_overdue = {
	.paged = true,
	.name = "overdue",
	.summary = "list overdue actions; exit status 8 when there are any",
	.usage = "usage: cxmeet overdue [--format plain|json|csv] [--all-councils]\n"
		 "\n"
		 "Lists the open actions past their due date, as 'cxmeet actions\n"
		 "--overdue' does, and exits with status 8 when there is at least one, 0\n"
		 "when there is none: a cron job can act on it.\n"
		 "\n"
		 "      --format FORMAT   plain (the default), json or csv\n"
		 "      --all-councils    the overdue actions of every council the role may\n"
		 "                        read, each row naming its council\n",
	.opts = overdue_options,
	.run = overdue_run,
};
