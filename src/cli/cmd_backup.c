/* cmd_backup.c - `cxmeet backup -o FILE`: a consistent copy of the live
 * database file (SQLite's online backup, store_backup), safe while a
 * meeting runs, written to a temporary file beside FILE and renamed into
 * place only when whole; `cxmeet check FILE` verifies it. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cxmeet/cli.h"
#include "cxmeet/fileio.h"
#include "cxmeet/progress.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

struct backup_opts {
	const char *output;
	bool force;
};

static int backup_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct backup_opts *o = ctx;
	if (key == 'o') {
		if (o->output)
			return cli_usage_error(cmd, "--output is given more than once");
		o->output = value;
	} else if (key == 'F') {
		o->force = true;
	}
	return 0;
}

static void count(long done, long total, void *ctx)
{
	progress_count(ctx, done, total);
}

/* Whether path names the same file as the open database. */
static bool same_file(const char *path, const char *db)
{
	struct stat a, b;
	return db && stat(path, &a) == 0 && stat(db, &b) == 0 && a.st_dev == b.st_dev &&
	       a.st_ino == b.st_ino;
}

static int backup_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct backup_opts o = {0};
	int rc;
	if (!cli_parse(cmd, argc, argv, backup_opt, &o, &rc))
		return rc;
	if (!o.output || !*o.output || strcmp(o.output, "-") == 0)
		return cli_usage_error(cmd, "say which file to write: -o FILE");
	if ((rc = cli_open(cli)) != 0)
		return rc;
	enum store_rc src;
	if (store_names_server(cli->db_path)) /* refused, saying what to do instead */
		return cli_store_error(cli, store_backup(cli->st, NULL, NULL, NULL));
	char *safe = text_printable(o.output);
	if (same_file(o.output, cli->db_path)) {
		rc = cli_input_error("%s is the database itself: write the backup elsewhere", safe);
		free(safe);
		return rc;
	}
	struct stat sb;
	/* Refused before copying anything (and again, atomically, at the end). */
	if (!o.force && lstat(o.output, &sb) == 0) {
		rc = cli_input_error("%s already exists: use --force to replace it", safe);
		free(safe);
		return rc;
	}
	if (stat(o.output, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		rc = cli_input_error("%s is not a plain file: a backup is written to a file", safe);
		free(safe);
		return rc;
	}
	struct file_new file;
	char err[600];
	bool exists;
	if (file_begin(&file, o.output, o.force, err, sizeof err) != 0) {
		free(safe);
		cli_report("%s", err);
		return EXIT_RUNTIME;
	}
	struct progress bar;
	progress_begin(&bar, "backing up", "pages");
	src = store_backup(cli->st, file.tmp, bar.on ? count : NULL, &bar);
	progress_end(&bar);
	if (src != STORE_OK) {
		file_abort(&file);
		free(safe);
		return cli_store_error(cli, src);
	}
	if (file_finish(&file, &exists, err, sizeof err) != 0) {
		free(safe);
		return exists ? cli_input_error("%s: use --force to replace it", err)
			      : (cli_report("%s", err), EXIT_RUNTIME);
	}
	fprintf(cli->out, "Backed up to %s; check it with: cxmeet check %s\n", safe, safe);
	free(safe);
	return EXIT_OK;
}

static const struct cli_opt backup_options[] = {
	{"output", 'o', CLI_VALUE},
	{"force", 'F', CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_backup = {
	.name = "backup",
	.summary = "copy the live database file safely, even during a meeting",
	.usage = "usage: cxmeet backup -o FILE [--force]\n"
		 "\n"
		 "Writes a consistent copy of the database file to FILE, as it was at one\n"
		 "moment, with SQLite's online backup: safe while a meeting runs, which is\n"
		 "neither stopped nor copied half-way. The copy is written beside FILE\n"
		 "and renamed into place only when whole; an existing FILE is refused\n"
		 "unless --force. 'cxmeet check FILE' verifies the copy. A database on a\n"
		 "PostgreSQL server is backed up with the server's tools (pg_dump);\n"
		 "'cxmeet copy --from SERVER --to FILE' puts a council into a file.\n"
		 "\n"
		 "  -o, --output FILE  the file to write\n"
		 "      --force        replace FILE if it exists\n",
	.opts = backup_options,
	.operands = 0,
	.run = backup_run,
};
