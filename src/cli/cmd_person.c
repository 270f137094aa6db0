/* cmd_person.c - `cxmeet person`: council members and guests, each with a
 * department and a role. */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/leaders.h"
#include "cxmeet/cli.h"
#include "cxmeet/names.h"
#include "cxmeet/stakeholder.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

struct person_opts {
	const char *values, *kpi, *stage, *next_step; /* the profile */
	const char *dept;
	const char *role;
	const char *email;
	const char *name;
	const char *influence;
	const char *support;
	bool all;
	bool undo;
	enum out_format format;
	bool format_set;
	bool names; /* list: the names only, one a line */
};

/* The columns of --format json and csv, named as in the export. */
static const struct table_col person_cols[] = {
	{"id", COL_INT, true},
	{"name", COL_TEXT, false},
	{"department", COL_TEXT, false},
	{"role", COL_TEXT, false},
	{"email", COL_TEXT, false},
	{"archived", COL_BOOL, false},
};

static int person_table(struct cli *cli, const struct person *p, size_t n, enum out_format f)
{
	struct table t;
	table_init(&t, person_cols, ARRAY_SIZE(person_cols));
	for (size_t i = 0; i < n; i++) {
		table_row(&t);
		table_cell_int(&t, (long long)p[i].id);
		table_cell(&t, p[i].name);
		table_cell(&t, p[i].dept_name);
		table_cell(&t, role_name(p[i].role));
		table_cell(&t, p[i].email);
		table_cell_bool(&t, p[i].archived);
	}
	int status = cli_table_out(cli, &t, f);
	table_free(&t);
	return status;
}

static int person_list(struct cli *cli, const struct person_opts *o)
{
	store_id dept_id = 0;
	if (o->dept) {
		struct dept d;
		enum store_rc rc = dept_find(cli->st, o->dept, &d);
		if (rc != STORE_OK)
			return cli_store_error(cli, rc);
		dept_id = d.id;
		dept_free(&d);
	}
	struct person *p;
	size_t n;
	enum store_rc rc = store_person_list(cli->st, o->all, dept_id, &p, &n);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	if (o->names) { /* one name a line, nothing else: for shell completion */
		for (size_t i = 0; i < n; i++)
			fprintf(cli->out, "%s\n", p[i].name);
		person_list_free(p, n);
		return EXIT_OK;
	}
	if (o->format != OUT_PLAIN) {
		int status = person_table(cli, p, n, o->format);
		person_list_free(p, n);
		return status;
	}
	int wn = 4, wd = 10;
	for (size_t i = 0; i < n; i++) {
		if (cli_cell_width(p[i].name) > wn)
			wn = cli_cell_width(p[i].name);
		if (p[i].dept_name && cli_cell_width(p[i].dept_name) > wd)
			wd = cli_cell_width(p[i].dept_name);
	}
	for (size_t i = 0; i < n; i++) {
		cli_pad(cli->out, p[i].name, wn + 2);
		cli_pad(cli->out, p[i].dept_name ? p[i].dept_name : "-", wd + 2);
		const char *email = p[i].email ? p[i].email : "";
		if (*email || p[i].archived)
			cli_pad(cli->out, role_name(p[i].role), 10);
		else
			fputs(role_name(p[i].role), cli->out);
		fprintf(cli->out, "%s%s\n", email, p[i].archived ? "  (archived)" : "");
	}
	if (n == 0)
		fputs("No people yet: cxmeet person add NAME --dept DEPT --role ROLE\n", cli->out);
	person_list_free(p, n);
	return EXIT_OK;
}

/* Applies --dept, --role and --email to p. Returns 0 or an exit status. */
static int apply_opts(struct cli *cli, const struct person_opts *o, struct person *p)
{
	if (o->role) {
		int r = role_parse(o->role);
		if (r < 0)
			return cli_input_error("'%s' is not a role: use sponsor, lead, champion, "
					       "member or guest", o->role);
		p->role = (enum role)r;
	}
	if (o->dept) {
		struct dept d;
		enum store_rc rc = dept_find(cli->st, o->dept, &d);
		if (rc != STORE_OK)
			return cli_store_error(cli, rc);
		bool archived = d.archived;
		p->dept_id = d.id;
		dept_free(&d);
		if (archived)
			return cli_input_error("the department '%s' is archived", o->dept);
	}
	const char *levels[2] = {o->influence, o->support};
	enum stance *slots[2] = {&p->influence, &p->support};
	for (int i = 0; i < 2; i++) {
		if (!levels[i])
			continue;
		int v = stance_parse(levels[i]);
		if (v < -1)
			return cli_input_error("'%s' is not a level for --%s: use low, high or unset",
					       levels[i], i == 0 ? "influence" : "support");
		*slots[i] = (enum stance)v;
	}
	if (o->email) {
		char err[256];
		char *e = *o->email ? text_clean(o->email, TEXT_NAME, "email", err, sizeof err)
				    : xstrdup("");
		if (!e)
			return cli_input_error("%s", err);
		if (*e && (!strchr(e, '@') || strchr(e, ' '))) {
			free(e);
			return cli_input_error("'%s' does not look like an email address", o->email);
		}
		free(p->email);
		p->email = e;
	}
	return 0;
}

static int person_add_run(struct cli *cli, const char *name, const struct person_opts *o)
{
	if (!o->dept)
		return cli_usage_error(&cmd_person, "a person needs a department: --dept DEPT");
	struct person p = {.name = xstrdup(name), .role = ROLE_MEMBER,
			   .influence = STANCE_UNSET, .support = STANCE_UNSET};
	int rc = apply_opts(cli, o, &p);
	if (rc == 0) {
		enum store_rc src = person_add(cli->st, &p, NULL);
		rc = src == STORE_OK ? 0 : cli_store_error(cli, src);
	}
	if (rc == 0)
		fprintf(cli->out, "Added %s (%s, %s).\n", p.name, o->dept, role_name(p.role));
	person_free(&p);
	return rc;
}

/* What the person values, their KPI, stage and next step: those given
 * replace what was written ('' clears one), the others stay. */
static int profile_edit(struct cli *cli, store_id id, const struct person_opts *o)
{
	struct person_profile pr;
	enum store_rc src = store_person_profile_get(cli->st, id, &pr);
	if (src != STORE_OK && src != STORE_NOTFOUND)
		return cli_store_error(cli, src);
	int rc = 0;
	if (o->stage) {
		int s = strcmp(o->stage, "unset") == 0 ? CHANGE_UNSET : change_stage_parse(o->stage);
		if (s < CHANGE_UNSET || (s == CHANGE_UNSET && strcmp(o->stage, "unset") != 0))
			rc = cli_input_error("'%s' is not a stage of change: use awareness, desire, "
					     "knowledge, ability, reinforcement or unset", o->stage);
		pr.stage = (enum change_stage)s;
	}
	const char *given[3] = {o->values, o->kpi, o->next_step};
	char **slots[3] = {&pr.values, &pr.kpi, &pr.next_step};
	for (int i = 0; rc == 0 && i < 3; i++) {
		if (!given[i])
			continue;
		free(*slots[i]);
		*slots[i] = NULL;
		rc = cli_text_arg(given[i], slots[i]);
	}
	if (rc == 0) {
		src = person_profile_write(cli->st, id, &pr, clock_now());
		rc = src == STORE_OK ? 0 : cli_store_error(cli, src);
	}
	person_profile_free(&pr);
	return rc;
}

static int person_edit(struct cli *cli, const char *name, const struct person_opts *o)
{
	struct person p;
	enum store_rc src = person_find(cli->st, name, &p);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	int rc = apply_opts(cli, o, &p);
	if (rc == 0 && o->name) {
		free(p.name);
		p.name = xstrdup(o->name);
	}
	/* the person and the profile, all or nothing */
	bool tx = rc == 0 && (src = store_begin(cli->st)) == STORE_OK;
	if (rc == 0 && !tx)
		rc = cli_store_error(cli, src);
	if (rc == 0) {
		src = person_update(cli->st, &p);
		rc = src == STORE_OK ? 0 : cli_store_error(cli, src);
	}
	if (rc == 0 && (o->values || o->kpi || o->stage || o->next_step))
		rc = profile_edit(cli, p.id, o);
	if (rc == 0 && (src = store_commit(cli->st)) != STORE_OK)
		rc = cli_store_error(cli, src);
	else if (rc != 0 && tx)
		store_rollback(cli->st);
	if (rc == 0)
		fprintf(cli->out, "Saved %s.\n", p.name);
	person_free(&p);
	return rc;
}

static int person_archive(struct cli *cli, const char *name, bool undo)
{
	struct person p;
	enum store_rc src = person_find(cli->st, name, &p);
	if (src == STORE_OK)
		src = store_person_set_archived(cli->st, p.id, !undo);
	if (src == STORE_OK)
		fprintf(cli->out, "%s %s.\n", undo ? "Restored" : "Archived", p.name);
	person_free(&p);
	return src == STORE_OK ? EXIT_OK : cli_store_error(cli, src);
}

static int person_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct person_opts *o = ctx;
	const char **slot = key == 'V' ? &o->values : key == 'K' ? &o->kpi
			  : key == 'G' ? &o->stage : key == 'X' ? &o->next_step
			  : key == 'd' ? &o->dept : key == 'r' ? &o->role
			  : key == 'e' ? &o->email : key == 'n' ? &o->name
			  : key == 'I' ? &o->influence : key == 'S' ? &o->support : NULL;
	if (key == 'f') {
		o->format_set = true;
		return cli_format(cmd, value, OUT_TABLES, &o->format);
	}
	if (key == 'a')
		o->all = true;
	else if (key == 'u')
		o->undo = true;
	else if (key == 'N')
		o->names = true;
	else if (*slot) /* which of two values was meant cannot be guessed */
		return cli_usage_error(cmd, "--%s is given more than once",
				       cli_opt_name(cmd, key));
	else
		*slot = value;
	return 0;
}

static int person_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct person_opts o = {0};
	int rc;
	if (!cli_parse(cmd, argc, argv, person_opt, &o, &rc))
		return rc;
	if (optind >= argc)
		return cli_usage_error(cmd, "missing action: list, add, edit or archive");
	const char *action = argv[optind];
	int left = argc - optind - 1;
	char **args = argv + optind + 1;
	bool list = strcmp(action, "list") == 0, add = strcmp(action, "add") == 0,
	     edit = strcmp(action, "edit") == 0, archive = strcmp(action, "archive") == 0;
	/* An option that does nothing for the action is a mistake worth saying. */
	if (o.all && !list)
		return cli_usage_error(cmd, "--all only goes with 'list'");
	if (o.names && !list)
		return cli_usage_error(cmd, "--names only goes with 'list'");
	if (o.format_set && !list)
		return cli_usage_error(cmd, "--format only goes with 'list'");
	if (o.undo && !archive)
		return cli_usage_error(cmd, "--undo only goes with 'archive'");
	if (o.name && !edit)
		return cli_usage_error(cmd, "--name only goes with 'edit'");
	if ((o.role || o.email) && !add && !edit)
		return cli_usage_error(cmd, "--role and --email only go with 'add' and 'edit'");
	if ((o.influence || o.support) && !edit)
		return cli_usage_error(cmd, "--influence and --support only go with 'edit'");
	bool profile = o.values || o.kpi || o.stage || o.next_step;
	if (profile && !edit)
		return cli_usage_error(cmd, "--values, --kpi, --stage and --next-step only go with "
					    "'edit'");
	if (o.dept && archive)
		return cli_usage_error(cmd, "--dept does not go with 'archive'");
	if (strcmp(action, "list") == 0 && left == 0)
		return (rc = cli_open(cli)) ? rc : person_list(cli, &o);
	if (strcmp(action, "add") == 0 && left == 1)
		return (rc = cli_open(cli)) ? rc : person_add_run(cli, args[0], &o);
	if (strcmp(action, "edit") == 0 && left == 1) {
		if (!o.dept && !o.role && !o.email && !o.name && !o.influence && !o.support &&
		    !profile)
			return cli_usage_error(cmd, "nothing to change: give --name, --dept, --role, "
						    "--email, --influence, --support, --values, "
						    "--kpi, --stage or --next-step");
		return (rc = cli_open(cli)) ? rc : person_edit(cli, args[0], &o);
	}
	if (strcmp(action, "archive") == 0 && left == 1)
		return (rc = cli_open(cli)) ? rc : person_archive(cli, args[0], o.undo);
	return cli_usage_error(cmd, "expected 'list', 'add NAME', 'edit NAME' or 'archive NAME'");
}

static const struct cli_opt person_options[] = {
	{"dept", 'd', CLI_VALUE},
	{"role", 'r', CLI_VALUE},
	{"email", 'e', CLI_VALUE},
	{"name", 'n', CLI_VALUE | CLI_LONG_ONLY},
	{"influence", 'I', CLI_VALUE | CLI_LONG_ONLY},
	{"support", 'S', CLI_VALUE | CLI_LONG_ONLY},
	{"values", 'V', CLI_VALUE | CLI_LONG_ONLY},
	{"kpi", 'K', CLI_VALUE | CLI_LONG_ONLY},
	{"stage", 'G', CLI_VALUE | CLI_LONG_ONLY},
	{"next-step", 'X', CLI_VALUE | CLI_LONG_ONLY},
	{"all", 'a', 0},
	{"undo", 'u', CLI_LONG_ONLY},
	{"format", 'f', CLI_VALUE},
	{"names", 'N', CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_person = {
	.quiet_ok = true,
	.name = "person",
	.summary = "list, add, edit or archive council members",
	.usage = "usage: cxmeet person list [--dept DEPT] [--all] [--format plain|json|csv]\n"
		 "                          [--names]\n"
		 "       cxmeet person add NAME --dept DEPT [--role ROLE] [--email EMAIL]\n"
		 "       cxmeet person edit NAME [--name NEW] [--dept DEPT] [--role ROLE]\n"
		 "                               [--email EMAIL] [--influence LEVEL]\n"
		 "                               [--support LEVEL] [--values TEXT] [--kpi TEXT]\n"
		 "                               [--stage STAGE] [--next-step TEXT]\n"
		 "       cxmeet person archive NAME [--undo]\n"
		 "\n"
		 "ROLE is sponsor, lead, champion, member (the default) or guest.\n"
		 "--email '' removes an email address. --influence (over decisions) and\n"
		 "--support (for CX) place the person on the stakeholder map: LEVEL is\n"
		 "low, high or unset; each move is kept. --values (what the person values),\n"
		 "--kpi (their own KPI), --stage (where they stand in the change:\n"
		 "awareness, desire, knowledge, ability, reinforcement, or unset) and\n"
		 "--next-step are shown on their card of the stakeholder map; '' clears\n"
		 "one. list --names prints only the names, one a line (for shell\n"
		 "completion).\n"
		 "\n"
		 "  -d, --dept DEPT     the person's department (list: only its people)\n"
		 "  -r, --role ROLE     sponsor, lead, champion, member (the default) or guest\n"
		 "  -e, --email EMAIL   their email address\n"
		 "  -a, --all           list: archived people too\n"
		 "  -f, --format F      list: plain (the default), json or csv\n"
		 "      --names         list: the names alone, one a line\n"
		 "  -q, --quiet         print nothing on success\n",
	.opts = person_options,
	.operands = CLI_ANY,
	.run = person_run,
};
