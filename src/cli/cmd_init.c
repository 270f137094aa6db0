/* cmd_init.c - `cxmeet init`: create and set up the database, with the
 * default departments and the standard agenda. */
#include <stdlib.h>

#include "cxmeet/cli.h"
#include "cxmeet/setup.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* --org NAME, cleaned as a name is. */
static int init_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	char **org = ctx, err[256];
	(void)cmd;
	(void)key;
	free(*org);
	*org = text_clean(value, TEXT_NAME, "organisation name", err, sizeof err);
	return *org ? 0 : cli_input_error("%s", err);
}

static int init_run(const struct cli_cmd *self, struct cli *cli, int argc, char **argv)
{
	char *org = NULL;
	int erc;
	if (!cli_parse(self, argc, argv, init_opt, &org, &erc) || (erc = cli_open_only(cli)) != 0) {
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

static const struct cli_opt init_options[] = {
	{"org", 'o', CLI_VALUE | CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_init = {
	.quiet_ok = true,
	.name = "init",
	.summary = "create the database with the default departments and agenda",
	.usage = "usage: cxmeet init [--org NAME]\n"
		 "\n"
		 "Creates the database (if needed) with the default departments and the\n"
		 "standard agenda. Running it again changes nothing, except the name when\n"
		 "--org is given.\n"
		 "\n"
		 "      --org NAME   the organisation's name\n"
		 "  -q, --quiet      print nothing on success\n",
	.opts = init_options,
	.creates = true,
	.run = init_run,
};
