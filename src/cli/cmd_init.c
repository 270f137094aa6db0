/* cmd_init.c - `cxmeet init` (create and set up the database),
 * `cxmeet status` (what the database holds, at a glance) and `cxmeet check`
 * (whether the file is healthy). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cxmeet/cadence.h"
#include "cxmeet/cli.h"
#include "cxmeet/dates.h"
#include "cxmeet/setup.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

int cmd_init(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"org", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const struct command *cmd = cli_find("init");
	char *org = NULL;
	char err[256];
	int c;
	while ((c = cli_getopt(cmd, argc, argv, "o:", opts)) != -1) {
		if (c == 'h' || c == '?') {
			free(org);
			return c == 'h' ? EXIT_OK : EXIT_USAGE;
		}
		free(org);
		org = text_clean(optarg, TEXT_NAME, "organisation name", err, sizeof err);
		if (!org)
			return cli_input_error("%s", err);
	}
	if (optind < argc) {
		free(org);
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	}
	int erc = cli_open_only(cli);
	if (erc) {
		free(org);
		return erc;
	}
	bool created;
	enum store_rc rc = setup_ensure(cli->st, org, &created);
	free(org);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	fprintf(cli->out, "%s %s\n", created ? "Created" : "Already set up:", cli->db_path);
	return EXIT_OK;
}

int cmd_status(struct cli *cli, int argc, char **argv)
{
	const struct command *cmd = cli_find("status");
	int c;
	while ((c = cli_getopt(cmd, argc, argv, "", NULL)) != -1)
		return c == 'h' ? EXIT_OK : EXIT_USAGE;
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	int rc = cli_open(cli);
	if (rc)
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

/* `cxmeet check`: the schema against this version's, SQLite's integrity
 * check and the foreign keys, through the store. Opens a damaged file too (it
 * is the diagnostic). Prints "ok", or each problem found, and exits
 * EXIT_DAMAGED then; objects of the user's own are listed as notes. */
int cmd_check(struct cli *cli, int argc, char **argv)
{
	const struct command *cmd = cli_find("check");
	int c;
	while ((c = cli_getopt(cmd, argc, argv, "", NULL)) != -1)
		return c == 'h' ? EXIT_OK : EXIT_USAGE;
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	if (!cli->db_path)
		return cli_open_only(cli); /* says that there is no path */
	/* A missing or empty file is refused, not created; a damaged one is
	 * opened as it is, to be listed. */
	char err[600];
	enum store_rc src = store_open_for_check(cli->db_path, &cli->st, err, sizeof err);
	if (src != STORE_OK) {
		cli_report("%s", err);
		return cli_exit_status(src);
	}
	char *problems = NULL, *notes = NULL;
	src = store_check(cli->st, &problems, &notes);
	if (problems) {
		char *safe = text_printable(problems);
		fputs(safe, cli->out);
		free(safe);
		free(problems);
	}
	if (notes) {
		char *safe = text_printable(notes);
		for (char *line = strtok(safe, "\n"); line; line = strtok(NULL, "\n"))
			fprintf(cli->out, "note: %s\n", line);
		free(safe);
		free(notes);
	}
	if (src == STORE_OK) {
		fputs("ok\n", cli->out);
		return EXIT_OK;
	}
	return cli_store_error(cli, src);
}
