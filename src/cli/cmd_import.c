/* cmd_import.c - `cxmeet import FILE`: a council's data loaded from a file.
 * The kind of file is chosen here (--format; the JSON export, the default,
 * is read by core/import_json.c), each kind by a function of its own. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cxmeet/cli.h"
#include "cxmeet/import.h"
#include "cxmeet/progress.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

struct import_opts {
	const char *format;
	bool merge;
};

static int import_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct import_opts *o = ctx;
	(void)cmd;
	if (key == 'F')
		o->format = value;
	else if (key == 'm')
		o->merge = true;
	return 0;
}

struct bar_ctx {
	struct progress *bar;
	long total;
};

static void bar_count(void *ctx, long done)
{
	struct bar_ctx *b = ctx;
	progress_count(b->bar, done / 1024, b->total / 1024);
}

/* The JSON export (export --format json) into the open store. */
static int import_json_file(struct cli *cli, const char *path, bool merge)
{
	char *safe = text_printable(path);
	FILE *fp = fopen(path, "rb");
	struct stat sb;
	if (!fp || fstat(fileno(fp), &sb) != 0 || S_ISDIR(sb.st_mode)) {
		int why = !fp ? errno : S_ISDIR(sb.st_mode) ? EISDIR : errno;
		if (fp)
			fclose(fp);
		int rc = cli_input_error("cannot read %s: %s", safe, strerror(why));
		free(safe);
		return rc;
	}
	int status = cli_open_only(cli);
	if (status != 0) {
		fclose(fp);
		free(safe);
		return status;
	}
	/* The file's journal left for the import, as `copy` does (a server
	 * has none); when the file is open elsewhere, it stays. */
	bool journal = store_bulk_journal(cli->st, true) == STORE_OK;
	struct progress bar;
	progress_begin(&bar, "importing", "KiB");
	struct bar_ctx b = {.bar = &bar, .total = (long)sb.st_size};
	char err[1024];
	enum store_rc src;
	struct import_counts counts = {0};
	enum import_rc rc = import_json(cli->st, fp, safe, merge, bar.on ? bar_count : NULL, &b,
					&counts, &src, err, sizeof err);
	progress_end(&bar);
	if (journal)
		(void)store_bulk_journal(cli->st, false);
	fclose(fp);
	if (rc == IMPORT_BAD_FILE)
		status = cli_input_error("%s; nothing was imported", err);
	else if (rc == IMPORT_NOT_EMPTY)
		status = cli_input_error("%s", err);
	else if (rc == IMPORT_STORE) {
		cli_report("importing %s: %s; nothing was imported", safe, store_errmsg(cli->st));
		status = cli_exit_status(src);
	}
	else if (merge && (counts.added || counts.kept))
		fprintf(cli->out, "Merged %s: %ld %s added, %ld already there.\n", safe,
			counts.added, text_plural(counts.added, "record", "records"), counts.kept);
	else
		fprintf(cli->out, "Imported %s.\n", safe);
	free(safe);
	return status;
}

static int import_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct import_opts o = {0};
	int rc;
	if (!cli_parse(cmd, argc, argv, import_opt, &o, &rc))
		return rc;
	if (optind >= argc || !*argv[optind])
		return cli_usage_error(cmd, "import needs the FILE to read");
	const char *path = argv[optind];
	if (!o.format || strcmp(o.format, "json") == 0)
		return import_json_file(cli, path, o.merge);
	return cli_usage_error(cmd, "--format: json is the only format import reads");
}

static const struct cli_opt import_options[] = {
	{"format", 'F', CLI_VALUE},
	{"merge", 'm', 0},
	{0},
};

const struct cli_cmd cmd_import = {
	.name = "import",
	.summary = "load a council's whole history from a JSON export",
	.usage = "usage: cxmeet import [--format json] [--merge] FILE\n"
		 "\n"
		 "Loads FILE, written by `cxmeet export --format json` (version 2),\n"
		 "into a new file or an empty database or council, every record with its\n"
		 "number: the export of the database is then the file imported, byte for\n"
		 "byte. A database that holds data is refused unless --merge is given.\n"
		 "A file that is not such an export is refused with the line at fault.\n"
		 "The import is one transaction: if it fails, nothing of it is written.\n"
		 "\n"
		 "  -F, --format json  the kind of FILE (json, the default)\n"
		 "  -m, --merge        into a database holding data: add the records it\n"
		 "                     lacks, matched by number; a number it holds with\n"
		 "                     other values refuses the file\n",
	.opts = import_options,
	.operands = 1,
	.creates = true,
	.run = import_run,
};
