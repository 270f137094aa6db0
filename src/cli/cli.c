/* cli.c - the command line: the list of commands, the global options, and
 * the dispatch to a command's handler. What the commands share is in
 * cli_args.c, cli_db.c and cli_out.c; each command is in its cmd_*.c. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "cxmeet/cli.h"
#include "cxmeet/dates.h"
#include "cxmeet/util.h"

/* Every command, in the order of `cxmeet --help`. Each is declared in its
 * cmd_*.c, with its help and options next to its handler. */
const struct cli_cmd *const cli_commands[] = {
	&cmd_init, &cmd_tui, &cmd_present, &cmd_status, &cmd_council, &cmd_org, &cmd_charter, &cmd_dept, &cmd_person, &cmd_kpi, &cmd_measure, &cmd_initiative, &cmd_focus,
	&cmd_agenda, &cmd_history, &cmd_search, &cmd_show, &cmd_actions, &cmd_add, &cmd_done, &cmd_messages, &cmd_ack,
	&cmd_overdue, &cmd_digest, &cmd_decisions, &cmd_supersede, &cmd_cadence, &cmd_ledger,
	&cmd_packet, &cmd_champions, &cmd_export, &cmd_import, &cmd_copy, &cmd_backup, &cmd_demo,
	&cmd_check,
};

const size_t cli_command_count = ARRAY_SIZE(cli_commands);

static const char main_usage[] =
	"usage: cxmeet [--db PATH] [--council NAME] [--bell] [--no-pager] COMMAND [ARGS]\n"
	"\n"
	"Runs a cross-functional CX council: agenda, decisions, actions, wins,\n"
	"customer stories and insights, kept in a local SQLite file.\n"
	"\n"
	"Options:\n"
	"  -D, --db PATH   the database file (default: $CXMEET_DB, else\n"
	"                  $XDG_DATA_HOME/cxmeet/cxmeet.db), or a PostgreSQL\n"
	"                  server: postgresql://..., postgres://..., service=NAME\n"
	"  -c, --council NAME\n"
	"                  the council to work on, on a server of several\n"
	"                  (default: $CXMEET_COUNCIL, else the role's only one)\n"
	"      --bell      in a meeting, ring the terminal's bell a minute before\n"
	"                  a step's planned end and as it runs over\n"
	"      --no-mouse  the full-screen interface reads no clicks or wheel, and\n"
	"                  leaves the mouse to the terminal (also $CXMEET_NO_MOUSE)\n"
	"  -P, --no-pager  print long output directly; without it, a command's long\n"
	"                  output to a terminal goes through $CXMEET_PAGER, else\n"
	"                  $PAGER, else 'less -FRX'\n"
	"  -h, --help      show this help\n"
	"  -V, --version   show the version\n"
	"\n"
	"Commands:\n";

static void print_main_usage(FILE *out)
{
	fputs(main_usage, out);
	/* the names' column as wide as the longest and a space */
	int col = 0;
	for (size_t i = 0; i < cli_command_count; i++)
		if ((int)strlen(cli_commands[i]->name) + 1 > col)
			col = (int)strlen(cli_commands[i]->name) + 1;
	for (size_t i = 0; i < cli_command_count; i++) {
		fputs("  ", out);
		cli_pad(out, cli_commands[i]->name, col);
		fprintf(out, "%s\n", cli_commands[i]->summary);
	}
	fputs("\nWithout a command, cxmeet opens the full-screen interface (or prints the\n"
	      "status when not on a terminal). 'cxmeet COMMAND --help' tells more; so does\n"
	      "'man cxmeet'.\n", out);
}

const struct cli_cmd *cli_find(const char *name)
{
	for (size_t i = 0; i < cli_command_count; i++)
		if (strcmp(cli_commands[i]->name, name) == 0)
			return cli_commands[i];
	return NULL;
}

/* The last word on the output, for every command: the guard is closed and
 * stdout flushed, and a write that failed and was not reported yet (by a
 * command that wrote without checking) is reported here, once. */
static int finish(struct cli *cli, int rc)
{
	int err = 0;
	bool ok = true;
	if (cli->out != stdout) {
		errno = 0;
		ok = fclose(cli->out) == 0;
		err = ok ? 0 : errno;
		cli->out = stdout;
	}
	errno = 0;
	if (fflush(stdout) != 0) {
		if (ok)
			err = errno;
		ok = false;
	}
	if (cli->pager_quit) {
		/* The pager was quit before the end: not an error. */
		clearerr(stdout);
		return cli_pager_end(cli, rc == cli->output_failed ? EXIT_OK : rc);
	}
	rc = cli_pager_end(cli, rc);
	if (cli->output_failed)
		return cli->output_failed;
	if (!ok || ferror(stdout))
		return cli_output_error(cli, err);
	return rc;
}

int cli_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'D'},
		{"council", required_argument, NULL, 'c'},
		{"no-mouse", no_argument, NULL, 'M'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"bell", no_argument, NULL, 'B'},
		{"no-pager", no_argument, NULL, 'P'},
		{0},
	};
	struct cli cli = {.out = stdout};
	char *path = NULL;
	char *council = NULL;
	char clock_err[256];
	int c;
	/* Every run of the command line, the full-screen interface included and the
	 * tests that call this in-process, reads CXMEET_NOW afresh here. */
	if (clock_init(clock_err, sizeof clock_err) != 0) {
		cli_report("%s", clock_err);
		return EXIT_USAGE;
	}
	opterr = 0;
	cli_set_quiet(false);
	clearerr(stdout); /* a failed write of an earlier in-process run */
	while ((c = getopt_long(argc, argv, "+:D:c:hVP", opts, NULL)) != -1) {
		switch (c) {
		case 'D':
			free(path);
			free(council);
			path = xstrdup(optarg);
			break;
		case 'c':
			free(council);
			council = xstrdup(optarg);
			break;
		case 'B':
			cli.bell = true;
			break;
		case 'M':
			cli.no_mouse = true;
			break;
		case 'P':
			cli.no_pager = true;
			break;
		case 'h':
			cli.out = cli_guard_open(stdout);
			cli_pager_want(&cli);
			print_main_usage(cli.out);
			free(path);
			free(council);
			return finish(&cli, EXIT_OK);
		case 'V':
			printf("cxmeet %s (schema %d, SQLite %s)\n", CXMEET_VERSION,
			       STORE_SCHEMA_VERSION, store_backend_version());
			free(path);
			free(council);
			return finish(&cli, EXIT_OK);
		case ':':
			free(path);
			free(council);
			return cli_usage_error(NULL, "option '%s' needs a value", argv[optind - 1]);
		default:
			free(path);
			free(council);
			cli_usage_error(NULL, "unknown option '%s'", argv[optind - 1]);
			fputs("Try 'cxmeet --help'.\n", stderr);
			return EXIT_USAGE;
		}
	}
	/* Without a command: the full-screen interface on a terminal, else the status. */
	bool interactive = optind >= argc && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	const char *name = optind < argc ? argv[optind] : interactive ? "tui" : "status";
	const struct cli_cmd *cmd = cli_find(name);
	if (!cmd) {
		free(path);
		free(council);
		cli_usage_error(NULL, "'%s' is not a cxmeet command", name);
		fputs("Try 'cxmeet --help'.\n", stderr);
		return EXIT_USAGE;
	}
	if (!path)
		path = cli_default_db_path(); /* NULL is reported when a command opens it */
	cli.db_path = path;
	/* --council wins over $CXMEET_COUNCIL (store_chosen_council). */
	store_choose_council(council);
	cli.may_create = cmd->creates;
	int sub_argc = optind < argc ? argc - optind : 1;
	char *status_argv[] = {(char *)name, NULL};
	char **sub_argv = optind < argc ? argv + optind : status_argv;
	optind = 0; /* restart getopt for the subcommand (GNU) */
	cli.out = cli_guard_open(stdout);
	if (cmd->paged)
		cli_pager_want(&cli);
	int rc = cmd->run(cmd, &cli, sub_argc, sub_argv);
	store_close(cli.st);
	store_choose_council(NULL);
	free(path);
	free(council);
	return finish(&cli, rc);
}
