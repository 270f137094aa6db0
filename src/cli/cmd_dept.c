/* cmd_dept.c - `cxmeet dept`: list, add, rename, set facing, archive. */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/names.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

static const char *facing_label(bool behind)
{
	return behind ? "behind-the-scenes" : "customer-facing";
}

/* The columns of --format json and csv, named as in the export. */
static const struct table_col dept_cols[] = {
	{"id", COL_INT, true},
	{"name", COL_TEXT, false},
	{"customer_facing", COL_BOOL, false},
	{"archived", COL_BOOL, false},
};

static int dept_table(struct cli *cli, const struct dept *d, size_t n, enum out_format f)
{
	struct table t;
	table_init(&t, dept_cols, ARRAY_SIZE(dept_cols));
	for (size_t i = 0; i < n; i++) {
		table_row(&t);
		table_cell_int(&t, (long long)d[i].id);
		table_cell(&t, d[i].name);
		table_cell_bool(&t, !d[i].behind);
		table_cell_bool(&t, d[i].archived);
	}
	int status = cli_table_out(cli, &t, f);
	table_free(&t);
	return status;
}

static int dept_list(struct cli *cli, bool all, bool names, enum out_format f)
{
	struct dept *d;
	size_t n;
	enum store_rc rc = store_dept_list(cli->st, all, &d, &n);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	if (names) { /* one name a line, nothing else: for shell completion */
		for (size_t i = 0; i < n; i++)
			fprintf(cli->out, "%s\n", d[i].name);
		dept_list_free(d, n);
		return EXIT_OK;
	}
	if (f != OUT_PLAIN) {
		int status = dept_table(cli, d, n, f);
		dept_list_free(d, n);
		return status;
	}
	int w = 10;
	for (size_t i = 0; i < n; i++)
		if (cli_cell_width(d[i].name) > w)
			w = cli_cell_width(d[i].name);
	for (size_t i = 0; i < n; i++) {
		cli_pad(cli->out, d[i].name, w + 2);
		fprintf(cli->out, "%s%s\n", facing_label(d[i].behind), d[i].archived ? "  (archived)" : "");
	}
	if (n == 0)
		fputs("No departments yet: cxmeet dept add NAME\n", cli->out);
	dept_list_free(d, n);
	return EXIT_OK;
}

/* Finds a department by name; prints the error and returns its status if none. */
static int find(struct cli *cli, const char *name, struct dept *d)
{
	enum store_rc rc = dept_find(cli->st, name, d);
	return rc == STORE_OK ? 0 : cli_store_error(cli, rc);
}

struct dept_opts {
	enum out_format format;
	bool format_set;
	bool all, undo, names;
	int facing; /* -1 unset, 0 customer-facing, 1 behind */
};

static int dept_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct dept_opts *o = ctx;
	(void)value;
	switch (key) {
	case 'a': o->all = true; break;
	case 'f':
		o->format_set = true;
		return cli_format(cmd, value, OUT_TABLES, &o->format);
	case 'b':
	case 'c':
		if (o->facing >= 0 && o->facing != (key == 'b'))
			return cli_usage_error(cmd, "--behind-the-scenes and --customer-facing "
						    "contradict each other: give one");
		o->facing = key == 'b';
		break;
	case 'u': o->undo = true; break;
	case 'N': o->names = true; break;
	}
	return 0;
}

static int dept_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct dept_opts o = {.format = OUT_PLAIN, .facing = -1};
	int rc;
	if (!cli_parse(cmd, argc, argv, dept_opt, &o, &rc))
		return rc;
	bool all = o.all, undo = o.undo;
	int facing = o.facing;
	if (optind >= argc)
		return cli_usage_error(cmd, "missing action: list, add, rename, set or archive");
	const char *action = argv[optind];
	int left = argc - optind - 1;
	char **args = argv + optind + 1;
	struct dept d;
	/* An option that does nothing for the action is a mistake worth saying. */
	if (all && strcmp(action, "list") != 0)
		return cli_usage_error(cmd, "--all only goes with 'list'");
	if (o.names && strcmp(action, "list") != 0)
		return cli_usage_error(cmd, "--names only goes with 'list'");
	if (o.format_set && strcmp(action, "list") != 0)
		return cli_usage_error(cmd, "--format only goes with 'list'");
	if (undo && strcmp(action, "archive") != 0)
		return cli_usage_error(cmd, "--undo only goes with 'archive'");
	if (facing >= 0 && strcmp(action, "add") != 0 && strcmp(action, "set") != 0)
		return cli_usage_error(cmd, "--behind-the-scenes and --customer-facing only go "
					    "with 'add' and 'set'");
	enum store_rc src;
	if (strcmp(action, "list") == 0 && left == 0)
		return (rc = cli_open(cli)) ? rc : dept_list(cli, all, o.names, o.format);
	if (strcmp(action, "add") == 0 && left == 1) {
		if ((rc = cli_open(cli)) != 0)
			return rc;
		src = dept_add(cli->st, args[0], facing == 1, NULL);
		if (src != STORE_OK)
			return cli_store_error(cli, src);
		fprintf(cli->out, "Added department %s (%s).\n", args[0], facing_label(facing == 1));
		return EXIT_OK;
	}
	if (strcmp(action, "rename") == 0 && left == 2) {
		if ((rc = cli_open(cli)) != 0 || (rc = find(cli, args[0], &d)) != 0)
			return rc;
		src = dept_rename(cli->st, d.id, args[1]);
		dept_free(&d);
		if (src != STORE_OK)
			return cli_store_error(cli, src);
		fprintf(cli->out, "Renamed %s to %s.\n", args[0], args[1]);
		return EXIT_OK;
	}
	if (strcmp(action, "set") == 0 && left == 1) {
		if (facing < 0)
			return cli_usage_error(cmd, "say --behind-the-scenes or --customer-facing");
		if ((rc = cli_open(cli)) != 0 || (rc = find(cli, args[0], &d)) != 0)
			return rc;
		src = store_dept_set_behind(cli->st, d.id, facing == 1);
		if (src == STORE_OK)
			fprintf(cli->out, "%s is now %s.\n", d.name, facing_label(facing == 1));
		dept_free(&d);
		return src == STORE_OK ? EXIT_OK : cli_store_error(cli, src);
	}
	if (strcmp(action, "archive") == 0 && left == 1) {
		if ((rc = cli_open(cli)) != 0 || (rc = find(cli, args[0], &d)) != 0)
			return rc;
		src = store_dept_set_archived(cli->st, d.id, !undo);
		if (src == STORE_OK)
			fprintf(cli->out, "%s %s.\n", undo ? "Restored" : "Archived", d.name);
		dept_free(&d);
		return src == STORE_OK ? EXIT_OK : cli_store_error(cli, src);
	}
	return cli_usage_error(cmd, "expected 'list', 'add NAME', 'rename NAME NEW-NAME', "
				    "'set NAME --behind-the-scenes|--customer-facing' or 'archive NAME'");
}

static const struct cli_opt dept_options[] = {
	{"all", 'a', 0},
	{"behind-the-scenes", 'b', CLI_LONG_ONLY},
	{"customer-facing", 'c', CLI_LONG_ONLY},
	{"undo", 'u', CLI_LONG_ONLY},
	{"format", 'f', CLI_VALUE},
	{"names", 'N', CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_dept = {
	.quiet_ok = true,
	.name = "dept",
	.summary = "list, add, rename or archive departments",
	.usage = "usage: cxmeet dept list [--all] [--format plain|json|csv] [--names]\n"
		 "       cxmeet dept add NAME [--behind-the-scenes | --customer-facing]\n"
		 "       cxmeet dept rename NAME NEW-NAME\n"
		 "       cxmeet dept set NAME --behind-the-scenes | --customer-facing\n"
		 "       cxmeet dept archive NAME [--undo]\n"
		 "\n"
		 "Names are unique, compared without regard to case. Archived departments\n"
		 "keep their history; list --all shows them. list --names prints only the\n"
		 "names, one a line (for shell completion).\n"
		 "\n"
		 "  -a, --all           list: archived departments too\n"
		 "  -f, --format F      list: plain (the default), json or csv\n"
		 "      --names         list: the names alone, one a line\n"
		 "  -q, --quiet         print nothing on success\n",
	.opts = dept_options,
	.operands = CLI_ANY,
	.run = dept_run,
};
