/* cmd_packet.c - `cxmeet packet`: the sponsor's progress packet (packet.h),
 * printed or saved to a file that is written whole or not at all. */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/fileio.h"
#include "cxmeet/ledger.h"
#include "cxmeet/packet.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

struct packet_opts {
	cx_date since;
	const char *output;
	bool force;
	int format; /* an enum out_format; -1: by the file's name */
};

static int packet_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct packet_opts *o = ctx;
	struct date_context dc = {clock_today(), DATE_NONE};
	char err[512];
	enum out_format f;
	int rc;
	switch (key) {
	case 's':
		if (date_parse(value, &dc, DATE_BACK, &o->since, err, sizeof err) != 0)
			return cli_usage_error(cmd, "--since: %s", err);
		break;
	case 'f':
		rc = cli_format(cmd, value, OUT_ALLOW(OUT_HTML) | OUT_ALLOW(OUT_MD), &f);
		o->format = (int)f;
		return rc;
	case 'o': o->output = value; break;
	case 'F': o->force = true; break;
	}
	return 0;
}

/* md for a name ending in .md or .markdown, else html. */
static enum out_format format_of(const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;
	return dot && (text_ieq(dot, ".md") || text_ieq(dot, ".markdown")) ? OUT_MD : OUT_HTML;
}

static int packet_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	cx_date today = clock_today();
	/* by default this quarter and the one before */
	struct packet_opts o = {.since = ledger_quarters_back(today, 2), .format = -1};
	int rc;
	if (!cli_parse(cmd, argc, argv, packet_opt, &o, &rc))
		return rc;
	if (o.since > today)
		return cli_usage_error(cmd, "--since is after today");
	if (o.output && !*o.output)
		return cli_usage_error(cmd, "--output needs a file name");
	bool to_file = o.output && strcmp(o.output, "-") != 0;
	enum out_format f = o.format >= 0 ? (enum out_format)o.format
			    : format_of(to_file ? o.output : NULL);
	if ((rc = cli_open(cli)) != 0)
		return rc;
	store_read_once(cli->st); /* only memory is at stake: a failure changes nothing */
	char *text;
	enum store_rc src = packet_render(cli->st, o.since, today, f, &text);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	if (to_file) {
		char err[512];
		bool exists;
		if (file_write_new(o.output, text, o.force, &exists, err, sizeof err) != 0)
			rc = exists ? cli_input_error("%s: use --force to replace it", err)
				    : (cli_report("%s", err), EXIT_RUNTIME);
		if (rc == 0) {
			char *safe = text_printable(o.output);
			fprintf(cli->out, "Progress packet saved to %s.\n", safe);
			free(safe);
		}
	} else {
		rc = cli_write(cli, text);
	}
	free(text);
	return rc;
}

static const struct cli_opt packet_options[] = {
	{"since", 's', CLI_VALUE},
	{"format", 'f', CLI_VALUE},
	{"output", 'o', CLI_VALUE},
	{"force", 'F', CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_packet = {
	.name = "packet",
	.summary = "the sponsor's progress packet: one page of wins, chains, cadence and buy-in",
	.usage = "usage: cxmeet packet [--since DATE] [--format html|md] [-o FILE] [--force]\n"
		 "\n"
		 "One self-contained page for the executive sponsor and the council: the\n"
		 "scorecard against its targets, wins and heroes by department, the\n"
		 "customer stories that led to actions and wins, what waits on the\n"
		 "sponsor (escalated actions, decisions due for a revisit), overdue\n"
		 "actions and the share done on time by department, cadence health and\n"
		 "the buy-in ledger. The HTML has its charts drawn in it (no other file,\n"
		 "no script, nothing fetched) and prints on paper.\n"
		 "Wins, stories and meetings count from DATE; the ledger and the on-time\n"
		 "share from DATE's quarter; overdue and waiting as of today.\n"
		 "\n"
		 "  -s, --since DATE    from that date (default: the first day of the\n"
		 "                      quarter before this one)\n"
		 "  -f, --format F      html or md (Markdown); by default md for a FILE\n"
		 "                      ending in .md, else html\n"
		 "  -o, --output FILE   save to FILE, readable by you only, instead of\n"
		 "                      printing; '-' prints\n"
		 "      --force         replace FILE if it exists\n",
	.opts = packet_options,
	.run = packet_run,
};
