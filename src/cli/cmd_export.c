/* cmd_export.c - `cxmeet export`: the council's data as JSON, CSV or
 * iCalendar, printed or saved to a file that is written whole or not at all. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/dates.h"
#include "cxmeet/export.h"
#include "cxmeet/fileio.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

struct sink_ctx {
	FILE *fp;              /* printing */
	struct file_new *file; /* or saving */
	int err;               /* errno of a failed write */
};

static int sink(void *ctx, const char *s, size_t n)
{
	struct sink_ctx *c = ctx;
	int rc = c->file ? file_append(c->file, s, n) : fwrite(s, 1, n, c->fp) == n ? 0 : -1;
	if (rc != 0 && !c->err)
		c->err = errno ? errno : EIO;
	return rc;
}

static int print(struct cli *cli, enum out_format f)
{
	struct sink_ctx c = {.fp = cli->out};
	enum store_rc rc = export_write(cli->st, f, clock_now(), sink, &c);
	if (rc == STORE_OK && fflush(cli->out) != 0)
		c.err = errno;
	if (c.err)
		return cli_output_error(cli, c.err);
	return rc == STORE_OK ? 0 : cli_store_error(cli, rc);
}

static int save(struct cli *cli, enum out_format f, const char *path, bool force)
{
	struct file_new file;
	struct sink_ctx c = {.file = &file};
	char err[512];
	bool exists;
	if (file_begin(&file, path, force, err, sizeof err) != 0) {
		cli_report("%s", err);
		return EXIT_RUNTIME;
	}
	enum store_rc rc = export_write(cli->st, f, clock_now(), sink, &c);
	if (rc != STORE_OK && !c.err) {
		file_abort(&file);
		return cli_store_error(cli, rc);
	}
	if (file_finish(&file, &exists, err, sizeof err) != 0)
		return exists ? cli_input_error("%s: use --force to replace it", err)
			      : (cli_report("%s", err), EXIT_RUNTIME);
	char *safe = text_printable(path);
	fprintf(cli->out, "Exported to %s.\n", safe);
	free(safe);
	return 0;
}

int cmd_export(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"force", no_argument, NULL, 'F'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const struct command *cmd = cli_find("export");
	enum out_format f = OUT_JSON;
	const char *output = NULL;
	bool force = false;
	int c;
	while ((c = cli_getopt(cmd, argc, argv, "f:o:", opts)) != -1) {
		switch (c) {
		case 'f':
			if (cli_format(cmd, optarg,
				       OUT_ALLOW(OUT_JSON) | OUT_ALLOW(OUT_CSV) | OUT_ALLOW(OUT_ICS),
				       &f) != 0)
				return EXIT_USAGE;
			break;
		case 'o': output = optarg; break;
		case 'F': force = true; break;
		case 'h': return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	if (output && !*output)
		return cli_usage_error(cmd, "--output needs a file name");
	int rc = cli_open(cli);
	if (rc)
		return rc;
	store_read_once(cli->st); /* only memory is at stake: a failure changes nothing */
	return output && strcmp(output, "-") != 0 ? save(cli, f, output, force) : print(cli, f);
}
