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

struct demo_opts {
	long long years, seed;
};

static int demo_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct demo_opts *o = ctx;
	(void)cmd;
	if (key == 'y' && parse_number(value, 1, DEMO_MAX_YEARS, &o->years) != 0)
		return cli_input_error("--years is a whole number from 1 to %d", DEMO_MAX_YEARS);
	if (key == 's' && parse_number(value, 0, 0x7fffffffffffffffLL, &o->seed) != 0)
		return cli_input_error("--seed is a whole number, 0 or more");
	return 0;
}

static int demo_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct demo_opts o = {.years = 2, .seed = 1};
	int rc;
	if (!cli_parse(cmd, argc, argv, demo_opt, &o, &rc) || (rc = cli_open(cli)) != 0)
		return rc;
	struct demo_stats s;
	struct progress bar;
	progress_begin(&bar, "writing the history", "weeks");
	enum store_rc src = demo_generate(cli->st, (int)o.years, (uint64_t)o.seed, clock_now(), &s,
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

static const struct cli_opt demo_options[] = {
	{"years", 'y', CLI_VALUE},
	{"seed", 's', CLI_VALUE | CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_demo = {
	.name = "demo",
	.summary = "write a realistic synthetic history, for trying cxmeet out",
	.usage = "usage: cxmeet demo [--years N] [--seed S]\n"
		 "\n"
		 "Fills a database that has no meetings yet with N years (default 2, at\n"
		 "most 20) of weekly council meetings ending now: departments, people,\n"
		 "attendance, and items of every kind, with actions done, dropped, slipped\n"
		 "and overdue. The same seed always writes the same history.\n"
		 "\n"
		 "  -y, --years N   the years of meetings (default 2)\n"
		 "      --seed S    the seed of the history written (default 1)\n",
	.opts = demo_options,
	.creates = true,
	.run = demo_run,
};
