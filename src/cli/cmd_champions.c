/* cmd_champions.c - `cxmeet champions`: the stakeholder map's champions and
 * the heroes of the council's wins, with their record as action owners. */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/stakeholder.h"
#include "cxmeet/util.h"

static const struct table_col champion_cols[] = {
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

static void champion_row(struct table *t, const struct person_record *r)
{
	table_row(t);
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

static int champions_print(struct cli *cli, bool all, enum out_format f)
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
	struct table t;
	table_init(&t, champion_cols, ARRAY_SIZE(champion_cols));
	for (size_t i = 0; i < k; i++)
		champion_row(&t, &r[idx[i]]);
	int out = cli_table_out(cli, &t, f);
	if (out == 0 && f == OUT_PLAIN && k == 0 && !all)
		fputs("No champions or heroes yet: place people on the stakeholder map with\n"
		      "cxmeet person edit NAME --influence high --support high\n", cli->out);
	table_free(&t);
	free(idx);
	person_records_free(r, n);
	return out;
}

int cmd_champions(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"all", no_argument, NULL, 'a'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const struct command *cmd = cli_find("champions");
	enum out_format f = OUT_PLAIN;
	bool all = false;
	int c;
	while ((c = cli_getopt(cmd, argc, argv, "af:", opts)) != -1) {
		switch (c) {
		case 'a': all = true; break;
		case 'f':
			if (cli_format(cmd, optarg, OUT_TABLES, &f) != 0)
				return EXIT_USAGE;
			break;
		case 'h': return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	int rc = cli_open(cli);
	return rc ? rc : champions_print(cli, all, f);
}
