/* cli_args.c - what a command is given: its options read by its option
 * list, --format, numbers and text operands, and the messages that refuse
 * them (every message to stderr passes here). */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/editor.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

bool cli_parse(const struct cli_cmd *cmd, int argc, char **argv, cli_opt_fn set, void *ctx,
	       int *status)
{
	enum { MAX = 16 };
	struct option longs[MAX + 3];
	char shorts[4 + 2 * MAX + 1] = ":h";
	size_t n = 0, ns = 2;
	for (const struct cli_opt *o = cmd->opts; o && o->name; o++, n++) {
		if (n == MAX)
			die("%s: more options than the parser holds", cmd->name);
		longs[n] = (struct option){o->name, o->flags & CLI_VALUE ? required_argument
									: no_argument, NULL, o->key};
		if (!(o->flags & CLI_LONG_ONLY)) {
			shorts[ns++] = (char)o->key;
			if (o->flags & CLI_VALUE)
				shorts[ns++] = ':';
		}
	}
	if (cmd->quiet_ok) {
		shorts[ns++] = 'q';
		longs[n++] = (struct option){"quiet", no_argument, NULL, 'q'};
	}
	shorts[ns] = '\0';
	longs[n++] = (struct option){"help", no_argument, NULL, 'h'};
	longs[n] = (struct option){0};
	int c;
	*status = 0;
	while (*status == 0 && (c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		if (c == 'h') {
			fputs(cmd->usage, stdout);
			return false;
		}
		if (c == 'q' && cmd->quiet_ok) {
			cli_set_quiet(true);
			continue;
		}
		if (c == '?' && optopt)
			*status = cli_usage_error(cmd, "unknown option '-%c'", optopt);
		else if (c == '?')
			*status = cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
		else if (c == ':')
			*status = cli_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
		else
			*status = set(cmd, c, optarg, ctx);
	}
	if (*status == 0 && cmd->operands != CLI_ANY && argc - optind > cmd->operands)
		*status = cli_usage_error(cmd, "unexpected argument '%s'",
					  argv[optind + cmd->operands]);
	return *status == 0;
}

const char *cli_opt_name(const struct cli_cmd *cmd, int key)
{
	for (const struct cli_opt *o = cmd->opts; o && o->name; o++)
		if (o->key == key)
			return o->name;
	return "help";
}

bool cli_parse_id(const char *s, store_id *id)
{
	if (*s == '#')
		s++;
	if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 18)
		return false;
	*id = strtoll(s, NULL, 10);
	return *id > 0;
}

#define LIMIT_MAX 1000000

int cli_parse_limit(const struct cli_cmd *cmd, const char *s, size_t *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > LIMIT_MAX)
		return cli_usage_error(cmd, "--limit is a whole number from 1 to %d", LIMIT_MAX);
	*out = (size_t)v;
	return 0;
}

int cli_format(const struct cli_cmd *cmd, const char *arg, unsigned allowed,
	       enum out_format *f)
{
	int v = out_format_parse(arg, allowed);
	if (v >= 0) {
		*f = (enum out_format)v;
		return 0;
	}
	struct strbuf names;
	sb_init(&names);
	for (int i = OUT_PLAIN; i <= OUT_HTML; i++)
		if (allowed & OUT_ALLOW(i))
			sb_addf(&names, "%s%s", names.len ? ", " : "", out_format_name((enum out_format)i));
	int rc = cli_usage_error(cmd, "unknown format '%s' for %s (use %s)", arg, cmd->name,
				 names.s);
	sb_free(&names);
	return rc;
}

int cli_text_arg(const char *arg, char **out)
{
	char err[256];
	*out = NULL;
	if (strcmp(arg, "-") != 0) {
		*out = xstrdup(arg);
		return 0;
	}
	int rc = editor_read_stdin(out, err, sizeof err);
	if (rc == 0) {
		/* the newline that ends a file or an echo is not part of the value */
		size_t len = strlen(*out);
		while (len > 0 && ((*out)[len - 1] == '\n' || (*out)[len - 1] == '\r'))
			(*out)[--len] = '\0';
		return 0;
	}
	cli_report("%s", err);
	return rc == -2 ? EXIT_USAGE : EXIT_RUNTIME;
}

/* Every message to stderr goes through here: user input quoted in it never
 * reaches the terminal as raw control characters. */
static void vreport(const char *fmt, va_list ap)
{
	char *msg = NULL;
	if (vasprintf(&msg, fmt, ap) < 0)
		die("out of memory");
	char *safe = text_printable(msg);
	fprintf(stderr, "cxmeet: %s\n", safe);
	free(safe);
	free(msg);
}

void cli_report(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
}

int cli_input_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
	return EXIT_USAGE;
}

int cli_subcommand(const struct cli_cmd *cmd, int argc, char **argv,
		   const struct cli_subcommand *sub, char ***args, int *rc)
{
	const char *word = optind < argc ? argv[optind] : sub->words[0];
	int left = optind < argc ? argc - optind - 1 : 0;
	*args = argv + optind + 1;
	for (size_t i = 0; i < sub->n; i++)
		if (strcmp(word, sub->words[i]) == 0 && left == sub->operands[i])
			return (int)i;
	*rc = cli_usage_error(cmd, "expected %s", sub->expected);
	return -1;
}

int cli_usage_error(const struct cli_cmd *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
	if (cmd)
		fprintf(stderr, "Try 'cxmeet %s --help'.\n", cmd->name);
	return EXIT_USAGE;
}
