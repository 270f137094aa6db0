/* cmd_champions.c - `cxmeet champions`: the stakeholder map's champions and
 * the heroes of the council's wins, with their record as action owners. */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/stakeholder.h"
#include "cxmeet/util.h"

/* The columns; "council" first with --all-councils only (champion_cols + 1
 * without it). */
static const struct table_col champion_cols[] = {
	{"council", COL_TEXT, false},
	{"name", COL_TEXT, false},
	{"department", COL_TEXT, false},
	{"role", COL_TEXT, false},
	{"quadrant", COL_TEXT, false},
	{"influence", COL_TEXT, false},
	{"support", COL_TEXT, false},
	{"wins", COL_INT, true},
	{"on_time", COL_INT, true},
	{"due", COL_INT, true},
	{"on_time_pct", COL_INT, true},
	{"open", COL_INT, true},
	{"overdue", COL_INT, true},
};

static void champion_row(struct table *t, const struct person_record *r, const char *council)
{
	table_row(t);
	if (council)
		table_cell(t, council);
	table_cell(t, r->p.name);
	table_cell(t, r->p.dept_name);
	table_cell(t, role_name(r->p.role));
	table_cell(t, quadrant_name(stakeholder_quadrant(r->p.influence, r->p.support)));
	table_cell(t, stance_word(r->p.influence));
	table_cell(t, stance_word(r->p.support));
	table_cell_int(t, r->wins);
	table_cell_int(t, r->done_on_time);
	table_cell_int(t, record_due(r));
	int pct = record_on_time_pct(r);
	if (pct < 0)
		table_cell(t, NULL); /* nothing was due: no share to speak of */
	else
		table_cell_int(t, pct);
	table_cell_int(t, r->open);
	table_cell_int(t, r->overdue);
}

/* Appends the council's champions (all: everyone) to t; the council named
 * in each row when council is not NULL. */
static int champions_rows(struct cli *cli, bool all, const char *council, struct table *t,
			  size_t *rows)
{
	struct person_record *r;
	size_t n;
	enum store_rc rc = store_person_records(cli->st, clock_today(), false, &r, &n);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	size_t *idx = xcalloc(n + 1, sizeof *idx);
	size_t k;
	if (all) {
		for (k = 0; k < n; k++)
			idx[k] = k;
	} else {
		k = record_notable_order(r, n, idx);
	}
	for (size_t i = 0; i < k; i++)
		champion_row(t, &r[idx[i]], council);
	*rows += k;
	free(idx);
	person_records_free(r, n);
	return 0;
}

struct across {
	bool all;
	struct table *t;
	size_t rows;
};

static int champions_of(struct cli *cli, const char *council, size_t i, void *ctx)
{
	struct across *a = ctx;
	(void)i;
	return champions_rows(cli, a->all, council, a->t, &a->rows);
}

/* The champions of the council open, or (across) of every council the role
 * may read, in one table. */
static int champions_print(struct cli *cli, bool all, bool across, enum out_format f)
{
	struct table t;
	table_init(&t, champion_cols + !across, ARRAY_SIZE(champion_cols) - !across);
	struct across a = {all, &t, 0};
	int out = across ? cli_each_council(cli, champions_of, &a)
			 : champions_rows(cli, all, NULL, &t, &a.rows);
	if (out == 0)
		out = cli_table_out(cli, &t, f);
	if (out == 0 && f == OUT_PLAIN && a.rows == 0 && !all)
		fputs("No champions or heroes yet: place people on the stakeholder map with\n"
		      "cxmeet person edit NAME --influence high --support high\n", cli->out);
	table_free(&t);
	return out;
}

struct champions_opts {
	bool all, across;
	enum out_format format;
};

static int champions_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct champions_opts *o = ctx;
	if (key == 'a')
		o->all = true;
	else if (key == 'A')
		o->across = true;
	else if (key == 'f')
		return cli_format(cmd, value, OUT_TABLES, &o->format);
	return 0;
}

static int champions_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct champions_opts o = {.format = OUT_PLAIN};
	int rc;
	if (!cli_parse(cmd, argc, argv, champions_opt, &o, &rc))
		return rc;
	if (!o.across && (rc = cli_open(cli)) != 0)
		return rc;
	return champions_print(cli, o.all, o.across, o.format);
}

static const struct cli_opt champions_options[] = {
	{"all", 'a', 0},
	{"format", 'f', CLI_VALUE},
	{"all-councils", 'A', CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_champions = {
	.name = "champions",
	.summary = "the stakeholder map's champions and heroes, with their record",
	.usage = "usage: cxmeet champions [--all] [--format plain|json|csv] [--all-councils]\n"
		 "\n"
		 "Prints the champions (high support for CX, or the champion role) and\n"
		 "the heroes (wins credited to them), most wins first, each with their\n"
		 "department, role, quadrant on the stakeholder map, wins credited,\n"
		 "actions done on time out of those due (done, or open past their due\n"
		 "date), open actions and overdue ones.\n"
		 "\n"
		 "  -a, --all            everyone on the council, not only champions and\n"
		 "                       heroes (archived people are never shown)\n"
		 "  -f, --format FORMAT  plain (the default), json or csv\n"
		 "      --all-councils   those of every council the role may read, each\n"
		 "                       row naming its council\n",
	.opts = champions_options,
	.run = champions_run,
};
