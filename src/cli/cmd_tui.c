/* cmd_tui.c - `cxmeet tui` (and `cxmeet` alone on a terminal): the full-screen
 * interface on the chosen database. */
#include <unistd.h>

#include "cxmeet/cli.h"
#include "cxmeet/tui.h"
#include "cxmeet/util.h"

int cmd_tui(struct cli *cli, int argc, char **argv)
{
	const struct command *cmd = cli_find("tui");
	int c;
	while ((c = cli_getopt(cmd, argc, argv, "", NULL)) != -1)
		return c == 'h' ? EXIT_OK : EXIT_USAGE;
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return cli_input_error("the full-screen interface needs a terminal; "
				       "try 'cxmeet status'");
	if (!tui_terminal_usable())
		return EXIT_USAGE; /* before the database is opened: nothing written */
	int rc = cli_open(cli);
	return rc ? rc : tui_run(cli->st);
}
