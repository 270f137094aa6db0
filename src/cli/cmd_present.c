/* cmd_present.c - `cxmeet present`: the presenter view, for the shared
 * screen or the projector, in a terminal of its own beside the facilitator's:
 * the meeting in progress, read-only, following the screen that holds it. */
#include <unistd.h>

#include "cxmeet/cli.h"
#include "cxmeet/tui.h"
#include "cxmeet/util.h"

static int present_run(const struct cli_cmd *self, struct cli *cli, int argc, char **argv)
{
	int rc;
	if (!cli_parse(self, argc, argv, NULL, NULL, &rc))
		return rc;
	/* A projector's room hears no bell: the facilitator's screen rings. */
	if (cli->bell)
		cli_report("note: --bell rings on the facilitator's screen (cxmeet tui); "
			   "the presenter view never rings");
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return cli_input_error("the presenter view needs a terminal; "
				       "try 'cxmeet status'");
	if (!tui_terminal_usable())
		return EXIT_USAGE; /* before the database is opened */
	/* Opened as it is: the presenter sets nothing up and writes nothing. */
	rc = cli_open_only(cli);
	if (rc)
		return rc;
	return tui_present(cli->st);
}

const struct cli_cmd cmd_present = {
	.name = "present",
	.summary = "the presenter view of the meeting in progress, for a shared screen",
	.usage = "usage: cxmeet present\n"
		 "\n"
		 "Opens the presenter view, for the shared screen or the projector, in a\n"
		 "terminal of its own: the meeting in progress on this database, as the\n"
		 "facilitator's screen runs it. The current step's title and prompt, the\n"
		 "time left in it and when the meeting would end, then the step's content:\n"
		 "the CX mission, the scorecard, the new actions with owner and due date,\n"
		 "or what was captured in the step. It follows every change within a\n"
		 "second and changes nothing: it never takes the meeting. With no meeting\n"
		 "in progress it says so and waits for one. q quits, ? lists the keys.\n"
		 "It never rings the bell: --bell is for the facilitator's screen.\n",
	.run = present_run,
};
