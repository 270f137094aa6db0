/* cmd_show.c - `cxmeet show`: one meeting's minutes as Markdown or JSON,
 * printed or saved to a file that is written whole or not at all. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cxmeet/cli.h"
#include "cxmeet/fileio.h"
#include "cxmeet/minutes.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

struct show_opts {
	store_id meeting; /* 0: the most recent */
	const char *output;
	bool force;
	bool json;
	enum out_format format;
};

/* MEETING as typed: "last" (0) or a meeting's number. */
static bool parse_meeting(const char *s, store_id *id)
{
	if (strcmp(s, "last") == 0) {
		*id = 0;
		return true;
	}
	if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 18)
		return false;
	*id = strtoll(s, NULL, 10);
	return *id > 0;
}

static int find_meeting(struct cli *cli, store_id id, struct meeting *m)
{
	enum store_rc rc = id ? store_meeting_get(cli->st, id, m) : store_meeting_last(cli->st, m);
	if (rc == STORE_NOTFOUND)
		return id ? cli_input_error("no meeting %lld", (long long)id)
			  : cli_input_error("no meeting has been held yet");
	return rc == STORE_OK ? 0 : cli_store_error(cli, rc);
}

/* The file to write: -o FILE, or the default name inside -o FOLDER. */
static char *output_path(const char *output, const struct meeting *m, bool json)
{
	struct stat sb;
	if (stat(output, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return xstrdup(output);
	char *name = minutes_default_filename(m);
	if (json) { /* cx-council-YYYY-MM-DD.json */
		char *dot = strrchr(name, '.');
		*dot = '\0';
		char *renamed = xasprintf("%s.json", name);
		free(name);
		name = renamed;
	}
	size_t len = strlen(output);
	char *path = xasprintf("%s%s%s", output, len && output[len - 1] == '/' ? "" : "/", name);
	free(name);
	return path;
}

static int save(struct cli *cli, const struct show_opts *o, const struct meeting *m,
		const char *text)
{
	char *path = output_path(o->output, m, o->json);
	char err[512];
	bool exists;
	int rc = 0;
	if (file_write_new(path, text, o->force, &exists, err, sizeof err) != 0)
		rc = exists ? cli_input_error("%s: use --force to replace it", err)
			    : (cli_report("%s", err), EXIT_RUNTIME);
	if (rc == 0) {
		char *safe = text_printable(path);
		fprintf(cli->out, "Minutes saved to %s.\n", safe);
		free(safe);
	}
	free(path);
	return rc;
}

static int show(struct cli *cli, const struct show_opts *o)
{
	struct meeting m;
	char *text;
	int rc = find_meeting(cli, o->meeting, &m);
	if (rc != 0)
		return rc;
	enum store_rc src = o->json ? minutes_json(cli->st, m.id, &text)
				   : minutes_markdown(cli->st, m.id, &text);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	if (o->output && strcmp(o->output, "-") != 0)
		rc = save(cli, o, &m, text);
	else
		rc = cli_write(cli, text);
	free(text);
	return rc;
}

static int show_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct show_opts *o = ctx;
	switch (key) {
	case 'f': return cli_format(cmd, value, OUT_ALLOW(OUT_MD) | OUT_ALLOW(OUT_JSON), &o->format);
	case 'o': o->output = value; break;
	case 'F': o->force = true; break;
	}
	return 0;
}

static int show_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct show_opts o = {.format = OUT_MD};
	int rc;
	if (!cli_parse(cmd, argc, argv, show_opt, &o, &rc))
		return rc;
	o.json = o.format == OUT_JSON;
	if (optind < argc && !parse_meeting(argv[optind], &o.meeting))
		return cli_usage_error(cmd, "'%s' is not a meeting: give its number or 'last'",
				       argv[optind]);
	if (o.output && !*o.output)
		return cli_usage_error(cmd, "--output needs a file name");
	rc = cli_open(cli);
	return rc ? rc : show(cli, &o);
}

static const struct cli_opt show_options[] = {
	{"format", 'f', CLI_VALUE | CLI_LONG_ONLY},
	{"output", 'o', CLI_VALUE},
	{"force", 'F', CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_show = {
	.paged = true,
	.name = "show",
	.summary = "print a meeting's minutes as Markdown or JSON, or save them to a file",
	.usage = "usage: cxmeet show [MEETING] [--format md|json] [-o FILE] [--force]\n"
		 "\n"
		 "Prints the minutes of a meeting: times, attendance by department (who\n"
		 "briefs each department not represented), the members' ratings, the\n"
		 "agenda with the time spent, every item captured, and the action review.\n"
		 "MEETING is a meeting's number or 'last' (the default: the most recent).\n"
		 "\n"
		 "      --format F      md (Markdown, to mail; the default) or json (one\n"
		 "                      object with every field)\n"
		 "  -o, --output FILE   save to FILE, readable by you only, instead of\n"
		 "                      printing; in a folder, as cx-council-YYYY-MM-DD.md;\n"
		 "                      '-' prints\n"
		 "      --force         replace FILE if it exists\n",
	.opts = show_options,
	.operands = 1,
	.run = show_run,
};
