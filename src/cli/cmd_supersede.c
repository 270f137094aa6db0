/* cmd_supersede.c - `cxmeet supersede`: a decision marked superseded by a
 * later one; both stay in the log. */
#include "cxmeet/cli.h"
#include "cxmeet/dates.h"
#include "cxmeet/decisions.h"
#include "cxmeet/util.h"

static int supersede_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	int rc;
	if (!cli_parse(cmd, argc, argv, NULL, NULL, &rc))
		return rc;
	if (argc - optind != 2)
		return cli_usage_error(cmd, "give two decision numbers: OLD and the later NEW");
	store_id ids[2];
	for (int i = 0; i < 2; i++)
		if (!cli_parse_id(argv[optind + i], &ids[i]))
			return cli_usage_error(cmd, "'%s' is not a decision number", argv[optind + i]);
	if ((rc = cli_open(cli)) != 0)
		return rc;
	enum store_rc src = decision_supersede(cli->st, ids[0], ids[1], 0, clock_now());
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	fprintf(cli->out, "Decision #%lld is now superseded by #%lld.\n", (long long)ids[0],
		(long long)ids[1]);
	return EXIT_OK;
}

const struct cli_cmd cmd_supersede = {
	.quiet_ok = true,
	.name = "supersede",
	.summary = "mark a decision superseded by a later one",
	.usage = "usage: cxmeet supersede OLD NEW\n"
		 "\n"
		 "Marks decision OLD as superseded by decision NEW (numbers as shown by\n"
		 "cxmeet decisions, with or without '#'). NEW must be a decision taken at\n"
		 "the same time as OLD or later, and OLD must not be superseded already.\n"
		 "Both stay in the log; the change is recorded in OLD's history.\n"
		 "\n"
		 "  -q, --quiet         print nothing on success\n",
	.operands = CLI_ANY,
	.run = supersede_run,
};
