/* cmd_council.c - `cxmeet council`: the councils of the database (a file
 * holds one, a server many), and, on a server, their management by the
 * database's owner: add, rename, archive, and who belongs to each. */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/names.h"
#include "cxmeet/util.h"

static const struct table_col council_cols[] = {
	{"name", COL_TEXT, false},
	{"archived", COL_BOOL, false},
	{"member", COL_BOOL, false},
	{"current", COL_BOOL, false},
};

static int council_list(struct cli *cli, enum out_format f)
{
	struct council *c;
	size_t n;
	enum store_rc rc = store_council_list(cli->st, &c, &n);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	struct table t;
	table_init(&t, council_cols, ARRAY_SIZE(council_cols));
	for (size_t i = 0; i < n; i++) {
		table_row(&t);
		table_cell(&t, c[i].name);
		table_cell_bool(&t, c[i].archived);
		table_cell_bool(&t, c[i].member);
		table_cell_bool(&t, c[i].current);
	}
	council_list_free(c, n);
	int status = cli_table_out(cli, &t, f);
	table_free(&t);
	return status;
}

struct council_opts {
	enum out_format format;
	bool format_set;
};

static int council_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct council_opts *o = ctx;
	if (key == 'f') {
		o->format_set = true;
		return cli_format(cmd, value, OUT_TABLES, &o->format);
	}
	return 0;
}

/* The store's answer to an action, and what was done when it is done. */
static int done(struct cli *cli, enum store_rc rc, const char *fmt, const char *a,
		const char *b)
{
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	fprintf(cli->out, fmt, a, b);
	return EXIT_OK;
}

static int council_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct council_opts o = {.format = OUT_PLAIN};
	int rc;
	if (!cli_parse(cmd, argc, argv, council_opt, &o, &rc))
		return rc;
	if (optind >= argc)
		return cli_usage_error(cmd, "missing action: list, add, rename, archive, grant "
					    "or revoke");
	const char *action = argv[optind];
	int left = argc - optind - 1;
	char **args = argv + optind + 1;
	if (o.format_set && strcmp(action, "list") != 0)
		return cli_usage_error(cmd, "--format only goes with 'list'");
	struct {
		const char *name;
		int operands;
	} const actions[] = {{"list", 0}, {"add", 1}, {"rename", 2}, {"archive", 1},
			     {"grant", 2}, {"revoke", 2}};
	size_t a = 0;
	while (a < ARRAY_SIZE(actions) &&
	       (strcmp(action, actions[a].name) != 0 || left != actions[a].operands))
		a++;
	if (a == ARRAY_SIZE(actions))
		return cli_usage_error(cmd, "expected 'list', 'add NAME', 'rename NAME NEW-NAME', "
					    "'archive NAME', 'grant NAME ROLE' or 'revoke NAME ROLE'");
	/* The councils are the database's, not one council's: the session needs
	 * none picked (a role of several councils names none). */
	store_council_optional(true);
	rc = cli_open_only(cli);
	store_council_optional(false);
	if (rc)
		return rc;
	switch (a) {
	case 0:
		return council_list(cli, o.format);
	case 1:
		return done(cli, council_add(cli->st, args[0]), "Added council %s.%s\n", args[0], "");
	case 2:
		return done(cli, council_rename(cli->st, args[0], args[1]), "Renamed %s to %s.\n",
			    args[0], args[1]);
	case 3:
		return done(cli, store_council_archive(cli->st, args[0]), "Archived %s.%s\n",
			    args[0], "");
	case 4:
		return done(cli, store_council_grant(cli->st, args[0], args[1]),
			    "%s: %s is a member now.\n", args[0], args[1]);
	default:
		return done(cli, store_council_revoke(cli->st, args[0], args[1]),
			    "%s: %s is no longer a member.\n", args[0], args[1]);
	}
}

static const struct cli_opt council_options[] = {
	{"format", 'f', CLI_VALUE},
	{0},
};

const struct cli_cmd cmd_council = {
	.name = "council",
	.summary = "list the councils; on a server, add, rename, archive, grant",
	.usage = "usage: cxmeet council list [--format plain|json|csv]\n"
		 "       cxmeet council add NAME\n"
		 "       cxmeet council rename NAME NEW-NAME\n"
		 "       cxmeet council archive NAME\n"
		 "       cxmeet council grant NAME ROLE\n"
		 "       cxmeet council revoke NAME ROLE\n"
		 "\n"
		 "A database file holds one council, named after the organisation (rename\n"
		 "renames the organisation). A PostgreSQL server holds many: its owner\n"
		 "adds, renames and archives them, and grants a role (made on the server\n"
		 "first) membership of one. list marks archived ones, those the role is a\n"
		 "member of, and the one this run works on (--council, CXMEET_COUNCIL).\n"
		 "\n"
		 "  -f, --format F   list: plain (the default), json or csv\n",
	.opts = council_options,
	.operands = CLI_ANY,
	.run = council_run,
};
