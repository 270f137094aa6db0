/* cmd_ledger.c - `cxmeet ledger`: the buy-in ledger, per department and
 * quarter (ledger.h), and the departments that grew or slid last quarter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/ledger.h"
#include "cxmeet/util.h"

static const struct table_col ledger_cols[] = {
	{"quarter", COL_TEXT, false},   {"department", COL_TEXT, false},
	{"attended", COL_INT, true},    {"of", COL_INT, true},
	{"actions", COL_INT, true},     {"on_time", COL_INT, true},
	{"wins", COL_INT, true},        {"messages", COL_INT, true},
	{"acknowledged", COL_INT, true}, {"support_up", COL_INT, true},
	{"support_down", COL_INT, true},
};

struct ledger_opts {
	cx_date since;
	const char *dept;
	enum out_format format;
};

static int ledger_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct ledger_opts *o = ctx;
	struct date_context dc = {clock_today(), DATE_NONE};
	char err[512];
	switch (key) {
	case 's':
		if (date_parse(value, &dc, DATE_BACK, &o->since, err, sizeof err) != 0)
			return cli_usage_error(cmd, "--since: %s", err);
		break;
	case 'd': o->dept = value; break;
	case 'f': return cli_format(cmd, value, OUT_TABLES, &o->format);
	}
	return 0;
}

/* "Grew last quarter: IT (attendance 17% -> 83%)." */
static void shifts(struct cli *cli, const struct ledger *l, int way, const char *words)
{
	struct strbuf sb;
	sb_init(&sb);
	for (size_t d = 0; d < l->n_depts; d++) {
		int from, to;
		if (ledger_shift(l, d, &from, &to) == way)
			sb_addf(&sb, "%s%s (attendance %d%% -> %d%%)", sb.len ? ", " : "",
				l->depts[d].name, from, to);
	}
	if (sb.len)
		fprintf(cli->out, "%s: %s.\n", words, sb.s);
	sb_free(&sb);
}

static int ledger_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	cx_date today = clock_today();
	/* by default the last four quarters, this one included */
	struct ledger_opts o = {.since = ledger_quarters_back(today, 4), .format = OUT_PLAIN};
	int rc;
	if (!cli_parse(cmd, argc, argv, ledger_opt, &o, &rc))
		return rc;
	if (o.since > today)
		return cli_usage_error(cmd, "--since is after today");
	if ((rc = cli_open(cli)) != 0)
		return rc;
	store_id dept = 0;
	if ((rc = cli_dept_id(cli, o.dept, &dept)) != 0)
		return rc;
	store_read_once(cli->st); /* only memory is at stake: a failure changes nothing */
	struct ledger l;
	enum store_rc src = ledger_load(cli->st, o.since, today, dept, &l);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	struct table t;
	table_init(&t, ledger_cols, ARRAY_SIZE(ledger_cols));
	for (size_t i = 0; i < l.n; i++) {
		const struct ledger_line *ln = &l.lines[i];
		char quarter[16];
		snprintf(quarter, sizeof quarter, "%d-Q%d", ln->year, ln->quarter);
		table_row(&t);
		table_cell(&t, quarter);
		table_cell(&t, ln->dept->name);
		table_cell_int(&t, ln->attended);
		table_cell_int(&t, ln->meetings);
		table_cell_int(&t, ln->actions);
		table_cell_int(&t, ln->on_time);
		table_cell_int(&t, ln->wins);
		table_cell_int(&t, ln->messages);
		table_cell_int(&t, ln->acked);
		table_cell_int(&t, ln->support_up);
		table_cell_int(&t, ln->support_down);
	}
	rc = cli_table_out(cli, &t, o.format);
	table_free(&t);
	if (rc == 0 && o.format == OUT_PLAIN && l.n_quarters >= 2) {
		shifts(cli, &l, 1, "Grew last quarter");
		shifts(cli, &l, -1, "Slid last quarter");
	}
	ledger_free(&l);
	return rc;
}

static const struct cli_opt ledger_options[] = {
	{"since", 's', CLI_VALUE},
	{"dept", 'd', CLI_VALUE},
	{"format", 'f', CLI_VALUE},
	{0},
};

const struct cli_cmd cmd_ledger = {
	.paged = true,
	.name = "ledger",
	.summary = "the buy-in ledger: each department's part in the council, by quarter",
	.usage = "usage: cxmeet ledger [--since DATE] [--dept DEPT] [--format plain|json|csv]\n"
		 "\n"
		 "Per quarter and department: completed meetings it attended (someone\n"
		 "present) of those held, actions it owns (created that quarter) and those\n"
		 "done on time, wins credited, messages to it and those it acknowledged,\n"
		 "and its people's moves on the stakeholder map to high and to low\n"
		 "support. The plain form then names the departments whose attendance\n"
		 "rose or fell by 20 points or more from the quarter before to the last.\n"
		 "Quarters are counted by the stored (UTC) day.\n"
		 "\n"
		 "  -s, --since DATE    from that date's quarter (default: the last four\n"
		 "                      quarters, this one included)\n"
		 "  -d, --dept DEPT     that department only\n"
		 "  -f, --format F      plain (the default), json or csv\n",
	.opts = ledger_options,
	.run = ledger_run,
};
