/* cmd_status.c - `cxmeet status`: what the database holds, at a glance, and
 * what is missing with the command that fills it in. */
#include "cxmeet/cadence.h"
#include "cxmeet/cli.h"
#include "cxmeet/dates.h"
#include "cxmeet/util.h"

static int status_run(const struct cli_cmd *self, struct cli *cli, int argc, char **argv)
{
	int rc;
	if (!cli_parse(self, argc, argv, NULL, NULL, &rc) || (rc = cli_open(cli)) != 0)
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

const struct cli_cmd cmd_status = {
	.name = "status",
	.summary = "summary of the organisation and its council",
	.usage = "usage: cxmeet status\n"
		 "\n"
		 "Prints the organisation, its cadence and how much the database holds.\n",
	.run = status_run,
};
