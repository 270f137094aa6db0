/* cmd_show.c - `cxmeet show`: one meeting's minutes as Markdown, printed or
 * saved to a file that is written whole or not at all. */
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
static char *output_path(const char *output, const struct meeting *m)
{
	struct stat sb;
	if (stat(output, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return xstrdup(output);
	char *name = minutes_default_filename(m);
	size_t len = strlen(output);
	char *path = xasprintf("%s%s%s", output, len && output[len - 1] == '/' ? "" : "/", name);
	free(name);
	return path;
}

static int save(struct cli *cli, const struct show_opts *o, const struct meeting *m,
		const char *text)
{
	char *path = output_path(o->output, m);
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
	enum store_rc src = minutes_markdown(cli->st, m.id, &text);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	if (o->output && strcmp(o->output, "-") != 0)
		rc = save(cli, o, &m, text);
	else
		fputs(text, cli->out);
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
	const char *format = "md";
	int c;
	while ((c = cli_getopt(cmd, argc, argv, "o:", opts)) != -1) {
		switch (c) {
		case 'f': format = optarg; break;
		case 'o': o.output = optarg; break;
		case 'F': o.force = true; break;
		case 'h': return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (strcmp(format, "md") != 0 && strcmp(format, "markdown") != 0)
		return cli_usage_error(cmd, "unknown format '%s': only md (Markdown) is available",
				       format);
	if (argc - optind > 1)
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind + 1]);
	if (optind < argc && !parse_meeting(argv[optind], &o.meeting))
		return cli_usage_error(cmd, "'%s' is not a meeting: give its number or 'last'",
				       argv[optind]);
	if (o.output && !*o.output)
		return cli_usage_error(cmd, "--output needs a file name");
	int rc = cli_open(cli);
	return rc ? rc : show(cli, &o);
}
