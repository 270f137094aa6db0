/* cmd_tui.c - `cxmeet tui` (and `cxmeet` alone on a terminal): the full-screen
 * interface on the chosen database. */
#include <stdlib.h>
#include <unistd.h>

#include "cxmeet/cli.h"
#include "cxmeet/roster.h"
#include "cxmeet/setup.h"
#include "cxmeet/tui.h"
#include "cxmeet/util.h"

static int tui_cmd_run(const struct cli_cmd *self, struct cli *cli, int argc, char **argv)
{
	int rc;
	if (!cli_parse(self, argc, argv, NULL, NULL, &rc))
		return rc;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return cli_input_error("the full-screen interface needs a terminal; "
				       "try 'cxmeet status'");
	if (!tui_terminal_usable())
		return EXIT_USAGE; /* before the database is opened: nothing written */
	tui_trace_begin();
	rc = cli_open_only(cli);
	if (rc)
		return rc;
	/* A database this start creates gets the first-run walk-through; one set
	 * up by the commands (setup_step 0) never does. Both in one transaction:
	 * a kill in between would leave a new database that never offers it. */
	bool created = false;
	enum store_rc src = store_begin(cli->st);
	if (src == STORE_OK)
		src = setup_ensure(cli->st, NULL, &created);
	if (src == STORE_OK && created)
		src = store_org_set_setup_step(cli->st, SETUP_NAME);
	if (src == STORE_OK)
		src = store_commit(cli->st);
	else
		store_rollback(cli->st);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	tui_set_bell(cli->bell);
	/* The mouse unless --no-mouse, or $CXMEET_NO_MOUSE set to anything. */
	const char *env = getenv("CXMEET_NO_MOUSE");
	return tui_run(cli->st, !cli->no_mouse && !(env && *env));
}

const struct cli_cmd cmd_tui = {
	.name = "tui",
	.summary = "the full-screen interface: run a meeting (the default on a terminal)",
	.usage = "usage: cxmeet [tui]\n"
		 "\n"
		 "Opens the full-screen interface: the home screen, and from it a council\n"
		 "meeting, started or resumed at its step. Press ? for the keys.\n",
	.creates = true,
	.run = tui_cmd_run,
};
