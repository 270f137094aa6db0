/* cmd_demo.c - `cxmeet demo`: fill an empty database with a synthetic history. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cxmeet/cli.h"
#include "cxmeet/demo.h"
#include "cxmeet/progress.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

static int parse_number(const char *s, long long lo, long long hi, long long *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* The weeks written, on a terminal's stderr (progress.h); the full-text
 * index built after the last week says so on the same line
 * (store_set_progress, see cli.c). */
static void show_weeks(int done, int total, void *ctx)
{
	progress_count(ctx, done, total);
}

int cmd_demo(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"years", required_argument, NULL, 'y'},
		{"seed", required_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const struct command *cmd = cli_find("demo");
	long long years = 2, seed = 1;
	int c;
	while ((c = cli_getopt(cmd, argc, argv, "y:s:", opts)) != -1) {
		switch (c) {
		case 'y':
			if (parse_number(optarg, 1, DEMO_MAX_YEARS, &years) != 0)
				return cli_input_error("--years is a whole number from 1 to %d",
						       DEMO_MAX_YEARS);
			break;
		case 's':
			if (parse_number(optarg, 0, 0x7fffffffffffffffLL, &seed) != 0)
				return cli_input_error("--seed is a whole number, 0 or more");
			break;
		case 'h':
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	int rc = cli_open(cli);
	if (rc)
		return rc;
	struct demo_stats s;
	struct progress bar;
	progress_begin(&bar, "writing the history", "weeks");
	enum store_rc src = demo_generate(cli->st, (int)years, (uint64_t)seed, clock_now(), &s,
					  bar.on ? show_weeks : NULL, &bar);
	progress_end(&bar);
	if (src == STORE_DUPLICATE)
		return cli_input_error("%s already holds meetings; the demo writes into a database "
				       "without any (try --db with a new file)", cli->db_path);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	fprintf(cli->out, "Wrote %lld %s, %lld %s and %lld %s; added %lld %s and %lld %s.\n",
		(long long)s.meetings, text_plural(s.meetings, "meeting", "meetings"),
		(long long)s.items, text_plural(s.items, "item", "items"), (long long)s.events,
		text_plural(s.events, "event", "events"), (long long)s.departments,
		text_plural(s.departments, "department", "departments"), (long long)s.people,
		text_plural(s.people, "person", "people"));
	return EXIT_OK;
}
