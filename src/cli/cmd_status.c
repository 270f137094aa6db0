/* cmd_status.c - `cxmeet status`: what the database holds, at a glance, and
 * what is missing with the command that fills it in. */
#include "cxmeet/cadence.h"
#include "cxmeet/cli.h"
#include "cxmeet/dates.h"
#include "cxmeet/util.h"

static int status_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	return key == 'f' ? cli_format(cmd, value, OUT_TABLES, ctx) : 0;
}

/* The counts as a record: one JSON object, or a CSV header and one row. */
static const struct table_col status_cols[] = {
	{"organisation", COL_TEXT, false}, {"mission", COL_TEXT, false},
	{"cadence", COL_TEXT, false},      {"departments", COL_INT, true},
	{"people", COL_INT, true},         {"meetings", COL_INT, true},
	{"items", COL_INT, true},          {"open_actions", COL_INT, true},
	{"overdue_actions", COL_INT, true}, {"database", COL_TEXT, false},
};

static int status_record(struct cli *cli, enum out_format f, const struct org *org,
			 const char *cad, const long long *n)
{
	const char *name = *org->text[ORG_NAME] ? org->text[ORG_NAME] : NULL;
	const char *mission = *org->text[ORG_MISSION] ? org->text[ORG_MISSION] : NULL;
	if (f == OUT_JSON) {
		struct strbuf sb;
		bool first = true;
		sb_init(&sb);
		sb_add(&sb, "{");
		json_member_str(&sb, &first, status_cols[0].name, name);
		json_member_str(&sb, &first, status_cols[1].name, mission);
		json_member_str(&sb, &first, status_cols[2].name, cad);
		for (size_t i = 0; i < 6; i++)
			json_member_int(&sb, &first, status_cols[3 + i].name, n[i]);
		json_member_str(&sb, &first, status_cols[9].name, cli->db_path);
		sb_add(&sb, "}\n");
		int rc = cli_write(cli, sb.s);
		sb_free(&sb);
		return rc;
	}
	struct table t;
	table_init(&t, status_cols, ARRAY_SIZE(status_cols));
	table_row(&t);
	table_cell(&t, name);
	table_cell(&t, mission);
	table_cell(&t, cad);
	for (size_t i = 0; i < 6; i++)
		table_cell_int(&t, n[i]);
	table_cell(&t, cli->db_path);
	int rc = cli_table_out(cli, &t, f);
	table_free(&t);
	return rc;
}

static int status_run(const struct cli_cmd *self, struct cli *cli, int argc, char **argv)
{
	int rc;
	enum out_format format = OUT_PLAIN;
	if (!cli_parse(self, argc, argv, status_opt, &format, &rc) || (rc = cli_open(cli)) != 0)
		return rc;
	struct org org;
	struct dept *depts;
	struct person *people;
	size_t nd, np;
	int64_t meetings, items, open_actions, overdue;
	enum store_rc src = store_org_get(cli->st, &org);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	if ((src = store_dept_list(cli->st, false, &depts, &nd)) != STORE_OK ||
	    (src = store_person_list(cli->st, false, 0, &people, &np)) != STORE_OK) {
		org_free(&org);
		return cli_store_error(cli, src);
	}
	store_meeting_count(cli->st, &meetings);
	store_item_count(cli->st, -1, &items);
	store_action_counts(cli->st, clock_today(), 0, &open_actions, &overdue);
	char cad[48];
	cadence_format(&org.cadence, cad, sizeof cad);
	if (format != OUT_PLAIN) {
		long long n[6] = {(long long)nd, (long long)np, (long long)meetings, (long long)items,
				  (long long)open_actions, (long long)overdue};
		rc = status_record(cli, format, &org, cad, n);
		org_free(&org);
		dept_list_free(depts, nd);
		person_list_free(people, np);
		return rc;
	}
	FILE *out = cli->out;
	fprintf(out, "Organisation  %s\n", *org.text[ORG_NAME] ? org.text[ORG_NAME] : "(not named)");
	fprintf(out, "CX mission    %s\n", *org.text[ORG_MISSION] ? org.text[ORG_MISSION]
								 : "(not written yet)");
	fprintf(out, "Cadence       %s\n", cad);
	fprintf(out, "Departments   %zu\n", nd);
	fprintf(out, "People        %zu\n", np);
	fprintf(out, "Meetings      %lld\n", (long long)meetings);
	fprintf(out, "Items         %lld\n", (long long)items);
	fprintf(out, "Open actions  %lld (%lld overdue)\n", (long long)open_actions,
		(long long)overdue);
	fprintf(out, "Database      %s\n", cli->db_path);
	/* What is missing, and the command that fills it in. */
	bool any = false;
	static const struct {
		enum org_text field;
		const char *hint;
	} needs[] = {
		{ORG_NAME, "cxmeet org set name NAME"},
		{ORG_MISSION, "cxmeet org set mission TEXT"},
		{ORG_SUCCESS, "cxmeet org set success TEXT"},
	};
	for (size_t i = 0; i < ARRAY_SIZE(needs); i++) {
		if (*org.text[needs[i].field])
			continue;
		fprintf(out, "%s%s is missing: %s\n", any ? "" : "\n",
			org_text_label(needs[i].field), needs[i].hint);
		any = true;
	}
	if (np == 0)
		fprintf(out, "%sNo council members yet: cxmeet person add NAME --dept DEPT --role ROLE\n",
			any ? "" : "\n");
	org_free(&org);
	dept_list_free(depts, nd);
	person_list_free(people, np);
	return EXIT_OK;
}

static const struct cli_opt status_options[] = {
	{"format", 'f', CLI_VALUE},
	{0},
};

const struct cli_cmd cmd_status = {
	.name = "status",
	.summary = "summary of the organisation and its council",
	.usage = "usage: cxmeet status [--format plain|json|csv]\n"
		 "\n"
		 "Prints the organisation, its cadence and how much the database holds.\n"
		 "\n"
		 "  -f, --format F   plain (the default); json or csv: one record of\n"
		 "                   organisation, mission, cadence, departments, people,\n"
		 "                   meetings, items, open_actions, overdue_actions,\n"
		 "                   database\n",
	.opts = status_options,
	.run = status_run,
};
