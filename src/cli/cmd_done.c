/* cmd_done.c - `cxmeet done`: an open action marked done outside a meeting,
 * recorded in its history with no meeting. */
#include <stdlib.h>

#include "cxmeet/cli.h"
#include "cxmeet/dates.h"
#include "cxmeet/items.h"
#include "cxmeet/meeting.h"
#include "cxmeet/util.h"

/* Refuses, with a message and nothing written, what cannot be marked done. */
static int check_done(struct cli *cli, store_id id)
{
	struct item it;
	enum store_rc rc = store_item_get(cli->st, id, &it);
	if (rc == STORE_NOTFOUND)
		return cli_input_error("no action #%lld", (long long)id);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	int status = 0;
	if (it.deleted_at)
		status = cli_input_error("action #%lld was deleted", (long long)id);
	else if (it.kind != ITEM_ACTION)
		status = cli_input_error("#%lld is a %s, not an action", (long long)id,
					 item_kind_label(it.kind));
	else if (it.status != STATUS_OPEN)
		status = cli_input_error("action #%lld is already %s", (long long)id,
					 item_status_name(it.status));
	item_free(&it);
	return status;
}

static int done_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	(void)cmd;
	(void)key;
	*(const char **)ctx = value;
	return 0;
}

static int done_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	const char *reason = NULL;
	int rc;
	if (!cli_parse(cmd, argc, argv, done_opt, &reason, &rc))
		return rc;
	store_id id;
	if (optind >= argc)
		return cli_usage_error(cmd, "missing the action's number (see 'cxmeet actions')");
	if (!cli_parse_id(argv[optind], &id))
		return cli_usage_error(cmd, "'%s' is not an action's number", argv[optind]);
	char *why = NULL;
	rc = reason ? cli_text_arg(reason, &why) : 0;
	if (rc == 0)
		rc = cli_open(cli);
	if (rc == 0)
		rc = check_done(cli, id);
	if (rc == 0) {
		enum store_rc src =
			item_set_status(cli->st, id, STATUS_DONE, why, 0, clock_now());
		if (src != STORE_OK)
			rc = cli_store_error(cli, src);
		else
			fprintf(cli->out, "Action #%lld is done.\n", (long long)id);
	}
	free(why);
	return rc;
}

static const struct cli_opt done_options[] = {
	{"reason", 'r', CLI_VALUE | CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_done = {
	.quiet_ok = true,
	.name = "done",
	.summary = "mark an action done, outside a meeting",
	.usage = "usage: cxmeet done ID [--reason TEXT]\n"
		 "\n"
		 "Marks the open action number ID (see 'cxmeet actions') done, recorded in\n"
		 "its history with no meeting. An unknown number, an item that is not an\n"
		 "action, or an action already done or dropped is refused (exit status 2)\n"
		 "and nothing is written.\n"
		 "\n"
		 "      --reason TEXT   a note kept with the event ('-': read from standard\n"
		 "                      input)\n"
		 "  -q, --quiet         print nothing on success\n",
	.opts = done_options,
	.operands = 1,
	.run = done_run,
};
