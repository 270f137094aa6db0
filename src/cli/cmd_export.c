/* cmd_export.c - `cxmeet export`: the council's data as JSON, CSV or
 * iCalendar, printed or saved to a file that is written whole or not at all. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/dates.h"
#include "cxmeet/export.h"
#include "cxmeet/fileio.h"
#include "cxmeet/progress.h"
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

/* The export of format f, or with scorecard the scorecard's CSV. */
static enum store_rc write_out(struct cli *cli, enum out_format f, bool scorecard,
			       struct sink_ctx *c)
{
	return scorecard ? export_scorecard_csv(cli->st, sink, c)
			 : export_write(cli->st, f, clock_now(), sink, c);
}

static int print(struct cli *cli, enum out_format f, bool scorecard)
{
	struct sink_ctx c = {.fp = cli->out};
	enum store_rc rc = write_out(cli, f, scorecard, &c);
	if (rc == STORE_OK && fflush(cli->out) != 0)
		c.err = errno;
	if (c.err)
		return cli_output_error(cli, c.err);
	return rc == STORE_OK ? 0 : cli_store_error(cli, rc);
}

static void bar_count(void *ctx, long done, long total)
{
	progress_count(ctx, done, total);
}

static int save(struct cli *cli, enum out_format f, bool scorecard, const char *path, bool force)
{
	struct file_new file;
	struct sink_ctx c = {.file = &file};
	char err[512];
	bool exists;
	if (file_begin(&file, path, force, err, sizeof err) != 0) {
		cli_report("%s", err);
		return EXIT_RUNTIME;
	}
	/* The JSON export, long on a long history, with a bar on a terminal. */
	struct progress bar;
	progress_begin(&bar, "exporting", "rows");
	if (bar.on && f == OUT_JSON && !scorecard)
		export_set_progress(bar_count, &bar);
	enum store_rc rc = write_out(cli, f, scorecard, &c);
	export_set_progress(NULL, NULL);
	progress_end(&bar);
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

struct export_opts {
	enum out_format format;
	const char *output;
	bool force, scorecard;
};

static int export_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct export_opts *o = ctx;
	switch (key) {
	case 'f':
		return cli_format(cmd, value,
				  OUT_ALLOW(OUT_JSON) | OUT_ALLOW(OUT_CSV) | OUT_ALLOW(OUT_ICS),
				  &o->format);
	case 'o': o->output = value; break;
	case 'F': o->force = true; break;
	case 'S': o->scorecard = true; break;
	}
	return 0;
}

static int export_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct export_opts o = {.format = OUT_JSON};
	int rc;
	if (!cli_parse(cmd, argc, argv, export_opt, &o, &rc))
		return rc;
	enum out_format f = o.format;
	const char *output = o.output;
	if (output && !*output)
		return cli_usage_error(cmd, "--output needs a file name");
	if (o.scorecard && f != OUT_CSV)
		return cli_usage_error(cmd, "--scorecard goes with --format csv (the JSON export "
				       "holds the scorecard already)");
	if ((rc = cli_open(cli)) != 0)
		return rc;
	store_read_once(cli->st); /* only memory is at stake: a failure changes nothing */
	return output && strcmp(output, "-") != 0 ? save(cli, f, o.scorecard, output, o.force)
						   : print(cli, f, o.scorecard);
}

static const struct cli_opt export_options[] = {
	{"format", 'f', CLI_VALUE},
	{"output", 'o', CLI_VALUE},
	{"force", 'F', CLI_LONG_ONLY},
	{"scorecard", 'S', CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_export = {
	.name = "export",
	.summary = "all the data as JSON or CSV, or open actions as an iCalendar file",
	.usage = "usage: cxmeet export [--format json|csv|ics] [-o FILE|-] [--force]\n"
		 "       cxmeet export --format csv --scorecard [-o FILE|-] [--force]\n"
		 "\n"
		 "json (the default): the organisation, departments, people, meetings,\n"
		 "the scorecard's measures with every value, the initiatives with their\n"
		 "milestones and reviews, and every item, in one document. csv: the\n"
		 "items, one row each, with a header row; with --scorecard, every value\n"
		 "of every measure instead, a row each. ics: an iCalendar file with a\n"
		 "to-do for every open action (due date, owner, department) and an event\n"
		 "on the next meeting's date, for calendar programs.\n"
		 "\n"
		 "  -f, --format FORMAT  json, csv or ics\n"
		 "  -o, --output FILE    write to FILE (written whole or not at all)\n"
		 "      --force          replace FILE if it exists\n"
		 "      --scorecard      (csv) the scorecard's values, not the items\n",
	.opts = export_options,
	.run = export_run,
};
