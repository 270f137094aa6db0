/* test_cli_help.c - what the command line says about itself, byte for byte
 * against tests/golden (CXMEET_UPDATE_GOLDEN=1 rewrites them): `cxmeet --help`,
 * every `cxmeet COMMAND --help`, and the messages and exit statuses of usage
 * refused before any database is opened. The commands are read from the
 * printed help, not from the program's table: a command dropped from the
 * table changes the golden text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "testutil.h"
#include "cxmeet/cli.h"
#include "cxmeet/util.h"

static char *db; /* never created: every run here is refused or only helps */

/* Runs cxmeet with the words of `line` (split at spaces; '' is an empty
 * word) and appends to sb a record: the command, its exit status, then what
 * it printed on stdout and on stderr. */
static void record(struct strbuf *sb, const char *line)
{
	char *copy = xstrdup(line), *args[28], *save = NULL;
	int n = 0;
	for (char *w = strtok_r(copy, " ", &save); w && n < 28; w = strtok_r(NULL, " ", &save))
		args[n++] = strcmp(w, "''") == 0 ? "" : w;
	char *out = tu_new_path(), *err = tu_new_path();
	int rc = tu_cli_argv(db, out, err, n, args);
	char *o = tu_slurp(out, NULL), *e = tu_slurp(err, NULL);
	assert_non_null(o);
	assert_non_null(e);
	size_t from = sb->len;
	sb_addf(sb, "$ cxmeet %s\n[exit %d]\n%s%s", line, rc, o, e);
	/* the database's folder is another one each run */
	for (char *d; (d = strstr(sb->s + from, tu_dir())) != NULL;) {
		size_t dl = strlen(tu_dir());
		memcpy(d, "DIR", 3);
		memmove(d + 3, d + dl, strlen(d + dl) + 1);
		sb->len -= dl - 3;
	}
	free(o);
	free(e);
	unlink(out);
	unlink(err);
	free(out);
	free(err);
	free(copy);
}

/* The command names of the "Commands:" part of `cxmeet --help`. */
static size_t help_commands(const char *help, char names[][32], size_t max)
{
	const char *p = strstr(help, "\nCommands:\n");
	assert_non_null(p);
	p += strlen("\nCommands:\n");
	size_t n = 0;
	while (strncmp(p, "  ", 2) == 0 && n < max) {
		size_t len = strcspn(p + 2, " \n");
		assert_true(len > 0 && len < 32);
		memcpy(names[n], p + 2, len);
		names[n++][len] = '\0';
		p = strchr(p, '\n') + 1;
	}
	return n;
}

static void help__every_text_is_the_golden_one(void **state)
{
	(void)state;
	struct strbuf sb;
	sb_init(&sb);
	record(&sb, "--help");
	char names[64][32];
	size_t n = help_commands(sb.s, names, 64);
	assert_int_equal(n, 36);
	for (size_t i = 0; i < n; i++) {
		char line[64];
		snprintf(line, sizeof line, "%s --help", names[i]);
		record(&sb, line);
		/* -h prints the same, byte for byte */
		struct strbuf a, b;
		sb_init(&a);
		sb_init(&b);
		record(&a, line);
		snprintf(line, sizeof line, "%s -h", names[i]);
		record(&b, line);
		assert_string_equal(strchr(a.s, '\n'), strchr(b.s, '\n'));
		sb_free(&a);
		sb_free(&b);
	}
	tu_golden("cli_help.txt", sb.s, sb.len);
	sb_free(&sb);
	assert_int_equal(access(db, F_OK), -1);
}

/* Usage refused as the options are read, in the order they come: unknown
 * options, missing values, values out of range, operands too many. */
static const char *const refused[] = {
	"--bogus",
	"frobnicate",
	"--db",
	"init --org",
	"init --org",
	"init --org Acme extra",
	"init --bogus --help",
	"org",
	"org show extra",
	"org set name",
	"org a b c d",
	"charter",
	"charter a b c d",
	"dept",
	"dept add X --behind-the-scenes --customer-facing",
	"dept add X --behind-the-scenes --customer-facing",
	"dept list --undo",
	"dept frob",
	"person",
	"person list --dept Sales --dept Ops",
	"person add X --role sponsor --role lead",
	"person edit X",
	"person archive X --all",
	"person list --influence high",
	"person list --influence",
	"person list --inf high",
	"agenda",
	"agenda list --format xml",
	"agenda frob",
	"agenda show",
	"agenda list --output x",
	"agenda export x --output ''",
	"agenda export x --format json",
	"agenda show x --format md",
	"focus Sales --format json",
	"focus --clear --format csv",
	"org set name X --format json",
	"charter history 1 --format md",
	"agenda list --f json",
	"history --limit 0",
	"history --since bogus",
	"history --format md",
	"history -f xml",
	"history --limit",
	"history extra",
	"search",
	"search ''",
	"search foo --kind bogus",
	"search foo --limit x",
	"search foo -k",
	"show bogus",
	"show 1 2",
	"show --format csv",
	"show -f json",
	"show --output ''",
	"show -o",
	"actions --state done --overdue",
	"actions --state bogus",
	"actions -f json",
	"actions --due-before",
	"actions --o x",
	"actions extra",
	"done",
	"done 1 2",
	"done x",
	"done 1 --reason",
	"done 1 --reason",
	"overdue -f json",
	"overdue --format xml",
	"overdue extra",
	"digest --days 400",
	"digest --days x",
	"digest --days",
	"digest extra",
	"decisions --format xml",
	"decisions -f json",
	"decisions --search",
	"decisions extra",
	"supersede",
	"supersede 1",
	"supersede 1 2 3",
	"supersede x 2",
	"cadence --table bogus",
	"cadence --meetings 60",
	"cadence --meetings",
	"cadence extra",
	"champions --format xml",
	"champions -f",
	"champions extra",
	"export --format xml",
	"export --format md",
	"export --output ''",
	"export -o",
	"export extra",
	"demo --years 0",
	"demo --years 999",
	"demo --seed x",
	"demo --years",
	"demo extra",
	"tui extra",
	"check extra",
	"status extra",
};

static void usage__refusals_are_the_golden_ones(void **state)
{
	(void)state;
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < ARRAY_SIZE(refused); i++)
		record(&sb, refused[i]);
	/* Every command: an unknown option, long and short, even before --help;
	 * an option of no name (--=x); the end of the options; operands. */
	struct strbuf help;
	sb_init(&help);
	record(&help, "--help");
	char names[64][32];
	size_t n = help_commands(help.s, names, 64);
	sb_free(&help);
	static const char *const tails[] = {"--bogus", "-Z", "--bogus --help", "--=x", "--",
					    "x y z w v"};
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < ARRAY_SIZE(tails); k++) {
			/* `init --` and `demo --` would create the database */
			if (strcmp(tails[k], "--") == 0 &&
			    (strcmp(names[i], "init") == 0 || strcmp(names[i], "demo") == 0))
				continue;
			char line[96];
			snprintf(line, sizeof line, "%s %s", names[i], tails[k]);
			record(&sb, line);
		}
	}
	tu_golden("cli_usage.txt", sb.s, sb.len);
	sb_free(&sb);
	assert_int_equal(access(db, F_OK), -1); /* refused usage creates nothing */
}

/* A short option means one thing in every command (-o is --output wherever
 * it is taken, -d --dept...), none is one of the global options' letters
 * (-D --db, -c --council, -P --no-pager, -V --version), -q is --quiet, and
 * each command's help shows the short form exactly where it works. */
static void options__a_short_option_means_one_thing(void **state)
{
	(void)state;
	const char *meaning[128] = {0};
	meaning['h'] = "help";
	meaning['q'] = "quiet";
	const char *global = "DcPV";
	for (size_t i = 0; i < cli_command_count; i++) {
		const struct cli_cmd *cmd = cli_commands[i];
		for (const struct cli_opt *o = cmd->opts; o && o->name; o++) {
			char form[64];
			snprintf(form, sizeof form, "-%c, --%s", o->key, o->name);
			if (o->flags & CLI_LONG_ONLY) {
				if (strstr(cmd->usage, form))
					fail_msg("%s: the help shows '%s', which is long only", cmd->name, form);
				continue;
			}
			if (!strstr(cmd->usage, form))
				fail_msg("%s: the help does not show '%s'", cmd->name, form);
			if (strchr(global, o->key))
				fail_msg("%s: -%c is a global option's", cmd->name, o->key);
			unsigned char k = (unsigned char)o->key;
			assert_true(k < 128);
			if (meaning[k] && strcmp(meaning[k], o->name) != 0)
				fail_msg("%s: -%c is --%s, elsewhere --%s", cmd->name, o->key, o->name,
					 meaning[k]);
			meaning[k] = o->name;
		}
		if (cmd->quiet_ok && !strstr(cmd->usage, "-q, --quiet"))
			fail_msg("%s: takes -q, --quiet, and its help does not say so", cmd->name);
	}
}

int main(void)
{
	tu_init("cli_help");
	db = xasprintf("%s/never.db", tu_dir());
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(help__every_text_is_the_golden_one),
		cmocka_unit_test(usage__refusals_are_the_golden_ones),
		cmocka_unit_test(options__a_short_option_means_one_thing),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	free(db);
	return rc;
}
