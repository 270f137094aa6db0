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

int cmd_show(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"force", no_argument, NULL, 'F'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const struct command *cmd = cli_find("show");
	struct show_opts o = {0};
	enum out_format format = OUT_MD;
	int c, rc;
	while ((c = cli_getopt(cmd, argc, argv, "o:", opts)) != -1) {
		switch (c) {
		case 'f':
			if ((rc = cli_format(cmd, optarg, OUT_ALLOW(OUT_MD) | OUT_ALLOW(OUT_JSON),
					     &format)) != 0)
				return rc;
			break;
		case 'o': o.output = optarg; break;
		case 'F': o.force = true; break;
		case 'h': return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	o.json = format == OUT_JSON;
	if (argc - optind > 1)
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind + 1]);
	if (optind < argc && !parse_meeting(argv[optind], &o.meeting))
		return cli_usage_error(cmd, "'%s' is not a meeting: give its number or 'last'",
				       argv[optind]);
	if (o.output && !*o.output)
		return cli_usage_error(cmd, "--output needs a file name");
	rc = cli_open(cli);
	return rc ? rc : show(cli, &o);
}
