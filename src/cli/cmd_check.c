/* cmd_check.c - `cxmeet check`: whether the database file is healthy. */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* The schema against this version's, SQLite's integrity
 * check and the foreign keys, through the store. Opens a damaged file too (it
 * is the diagnostic). Prints "ok", or each problem found, and exits
 * EXIT_DAMAGED then; objects of the user's own are listed as notes. */
static int check_run(const struct cli_cmd *self, struct cli *cli, int argc, char **argv)
{
	int rc;
	if (!cli_parse(self, argc, argv, NULL, NULL, &rc))
		return rc;
	if (optind < argc) /* a file named: a backup, say, in place of --db */
		cli->db_path = argv[optind];
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

const struct cli_cmd cmd_check = {
	.name = "check",
	.summary = "check that the database file is healthy",
	.usage = "usage: cxmeet check [FILE]\n"
		 "\n"
		 "Checks FILE (a backup, say), else the database (--db).\n"
		 "Compares the schema with the one this version makes (every table,\n"
		 "index, trigger or view missing or altered), runs SQLite's integrity\n"
		 "check and checks every reference between records. Prints 'ok' and\n"
		 "exits 0 when the file is healthy; otherwise prints what it found and\n"
		 "exits 5. Objects of your own are noted, not problems. Changes nothing.\n",
	.operands = 1,
	.run = check_run,
};
