/* cmd_leaders.c - "connect CX to each leader's own goals": `cxmeet kpi`, the
 * KPIs each department already tracks, with their values; and `cxmeet
 * focus`, one department at a time. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/leaders.h"
#include "cxmeet/names.h"
#include "cxmeet/util.h"

static const struct table_col kpi_cols[] = {
	{"department", COL_TEXT, false},
	{"kpi", COL_TEXT, false},
	{"unit", COL_TEXT, false},
	{"better", COL_TEXT, false},
	{"value", COL_INT, true},
	{"as_of_on", COL_TEXT, false},
};

/* A number as people write it: 92.5, -3, 1e3; finite. */
static int parse_value(const char *s, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (!*s || *end || errno || !isfinite(v))
		return cli_input_error("'%s' is not a number", s);
	*out = v;
	return 0;
}

struct kpi_opts {
	const char *dept, *unit, *value, *on, *format_arg;
	bool lower;
	enum out_format format;
};

static int kpi_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct kpi_opts *o = ctx;
	switch (key) {
	case 'd': o->dept = value; break;
	case 'u': o->unit = value; break;
	case 'v': o->value = value; break;
	case 'o': o->on = value; break;
	case 'l': o->lower = true; break;
	case 'f': return cli_format(cmd, value, OUT_TABLES, &o->format);
	}
	return 0;
}

static int kpi_list(struct cli *cli, const struct kpi_opts *o)
{
	store_id dept = 0;
	int rc = cli_dept_id(cli, o->dept, &dept);
	if (rc)
		return rc;
	struct measure *m;
	size_t n;
	enum store_rc src = store_measure_list(cli->st, MEASURE_KPI, dept, false, &m, &n);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	measures_sort(m, n);
	if (n == 0 && o->format == OUT_PLAIN) {
		fputs("No KPIs yet: cxmeet kpi add DEPT NAME [--unit U] [--value V]\n", cli->out);
		measure_list_free(m, n);
		return 0;
	}
	struct table t;
	table_init(&t, kpi_cols, ARRAY_SIZE(kpi_cols));
	for (size_t i = 0; i < n; i++) {
		char value[40] = "", day[16] = "";
		table_row(&t);
		table_cell(&t, m[i].dept_name);
		table_cell(&t, m[i].name);
		table_cell(&t, m[i].unit);
		table_cell(&t, m[i].lower_is_better ? "lower" : "higher");
		if (m[i].has_value) {
			measure_value_text(m[i].value, value, sizeof value);
			date_format(m[i].value_on, day, sizeof day);
		}
		table_cell(&t, m[i].has_value ? value : NULL);
		table_cell(&t, m[i].has_value ? day : NULL);
	}
	rc = cli_table_out(cli, &t, o->format);
	table_free(&t);
	measure_list_free(m, n);
	return rc;
}

/* The KPI of that name in that department. */
static int find_kpi(struct cli *cli, const char *dept_name, const char *name, store_id *dept,
		    store_id *id)
{
	int rc = cli_dept_id(cli, dept_name, dept);
	if (rc)
		return rc;
	enum store_rc src = measure_find(cli->st, *dept, name, id);
	if (src == STORE_NOTFOUND)
		return cli_input_error("%s has no KPI named '%s' (cxmeet kpi list shows them)",
				       dept_name, name);
	return src == STORE_OK ? 0 : cli_store_error(cli, src);
}

static int kpi_set(struct cli *cli, char **args, const struct kpi_opts *o)
{
	double v;
	int rc = parse_value(args[2], &v);
	store_id dept, id;
	if (rc == 0)
		rc = find_kpi(cli, args[0], args[1], &dept, &id);
	if (rc)
		return rc;
	cx_date on = clock_today();
	if (o->on) {
		char err[512];
		struct date_context dc = {on, DATE_NONE};
		if (date_parse(o->on, &dc, DATE_BACK, &on, err, sizeof err) != 0)
			return cli_input_error("--on: %s", err);
	}
	enum store_rc src = store_measure_value_add(cli->st, id, on, v, clock_now());
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	char value[40], day[16];
	measure_value_text(v, value, sizeof value);
	date_format(on, day, sizeof day);
	fprintf(cli->out, "%s: %s is %s on %s.\n", args[0], args[1], value, day);
	return 0;
}

static int kpi_add(struct cli *cli, char **args, const struct kpi_opts *o)
{
	double v = 0;
	int rc = o->value ? parse_value(o->value, &v) : 0;
	store_id dept = 0;
	if (rc == 0)
		rc = cli_dept_id(cli, args[0], &dept);
	if (rc)
		return rc;
	struct measure m = {.name = args[1], .kind = MEASURE_KPI, .dept_id = dept,
			    .unit = (char *)o->unit, .lower_is_better = o->lower};
	store_id id;
	enum store_rc src = store_begin(cli->st);
	if (src == STORE_OK)
		src = measure_add(cli->st, &m, clock_now(), &id);
	if (src == STORE_OK && o->value)
		src = store_measure_value_add(cli->st, id, clock_today(), v, clock_now());
	if (src == STORE_OK)
		src = store_commit(cli->st);
	else
		store_rollback(cli->st);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	fprintf(cli->out, "Added the KPI %s to %s.\n", args[1], args[0]);
	return 0;
}

static int kpi_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct kpi_opts o = {.format = OUT_PLAIN};
	int rc;
	if (!cli_parse(cmd, argc, argv, kpi_opt, &o, &rc))
		return rc;
	const char *action = optind < argc ? argv[optind] : "list";
	int left = optind < argc ? argc - optind - 1 : 0;
	char **args = argv + optind + 1;
	bool list = strcmp(action, "list") == 0, add = strcmp(action, "add") == 0,
	     set = strcmp(action, "set") == 0;
	if ((o.unit || o.lower || o.value) && !add)
		return cli_usage_error(cmd, "--unit, --value and --lower-is-better go with 'add'");
	if (o.on && !set)
		return cli_usage_error(cmd, "--on goes with 'set'");
	if (o.dept && !list)
		return cli_usage_error(cmd, "--dept goes with 'list'");
	if (list && left == 0)
		return (rc = cli_open(cli)) ? rc : kpi_list(cli, &o);
	if (add && left == 2)
		return (rc = cli_open(cli)) ? rc : kpi_add(cli, args, &o);
	if (set && left == 3)
		return (rc = cli_open(cli)) ? rc : kpi_set(cli, args, &o);
	return cli_usage_error(cmd, "expected 'list', 'add DEPT NAME' or 'set DEPT NAME VALUE'");
}

static const struct cli_opt kpi_options[] = {
	{"dept", 'd', CLI_VALUE},
	{"unit", 'u', CLI_VALUE | CLI_LONG_ONLY},
	{"value", 'v', CLI_VALUE},
	{"lower-is-better", 'l', 0},
	{"on", 'o', CLI_VALUE | CLI_LONG_ONLY},
	{"format", 'f', CLI_VALUE},
	{0},
};

const struct cli_cmd cmd_kpi = {
	.quiet_ok = true,
	.name = "kpi",
	.summary = "the KPIs each department already tracks, with their values",
	.usage = "usage: cxmeet kpi list [--dept DEPT] [--format plain|json|csv]\n"
		 "       cxmeet kpi add DEPT NAME [--unit UNIT] [--lower-is-better]\n"
		 "                               [--value VALUE]\n"
		 "       cxmeet kpi set DEPT NAME VALUE [--on DATE]\n"
		 "\n"
		 "A department's own KPIs, so that CX is tied to each leader's goals: list\n"
		 "them with their last value, add one (higher is better unless\n"
		 "--lower-is-better), or record its value for today or --on an earlier\n"
		 "day. Every value is kept; a later one for the same day corrects it. The\n"
		 "stakeholder map shows a department's KPIs on its people's cards, and an\n"
		 "action or a win can name the KPI it serves (cxmeet add --kpi).\n"
		 "\n"
		 "  -d, --dept DEPT        list that department's KPIs only\n"
		 "      --unit UNIT        what the value counts: %, days, calls...\n"
		 "  -l, --lower-is-better  fewer is better (complaints, days to refund)\n"
		 "  -v, --value VALUE      its value today, as it is added\n"
		 "      --on DATE          the day of the value set (default: today)\n"
		 "  -f, --format F         plain (the default), json or csv\n"
		 "  -q, --quiet            print nothing on success\n",
	.opts = kpi_options,
	.operands = CLI_ANY,
	.run = kpi_run,
};

/* --- cxmeet focus --------------------------------------------------------- */

struct focus_opts {
	const char *plan, *next_step;
	bool clear;
	bool format_given;
	enum out_format format;
};

static int focus_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	(void)cmd;
	struct focus_opts *o = ctx;
	switch (key) {
	case 'p': o->plan = value; break;
	case 'n': o->next_step = value; break;
	case 'c': o->clear = true; break;
	case 'f':
		o->format_given = true;
		return cli_format(cmd, value, OUT_TABLES, &o->format);
	}
	return 0;
}

static const struct table_col focus_cols[] = {
	{"department_id", COL_INT, true}, {"department", COL_TEXT, false},
	{"since_on", COL_TEXT, false},    {"plan", COL_TEXT, false},
	{"next_step", COL_TEXT, false},
};

/* The focus as one record: JSON an object, CSV a header and a row; every
 * field null (empty) when no department is the focus. */
static int focus_record(struct cli *cli, const struct focus *f, enum out_format format)
{
	char day[16] = "";
	if (f && f->since != DATE_NONE)
		date_format(f->since, day, sizeof day);
	int rc;
	if (format == OUT_JSON) {
		struct strbuf sb;
		sb_init(&sb);
		bool first = true;
		sb_add(&sb, "{");
		json_member_id(&sb, &first, "department_id", f ? f->dept_id : 0);
		json_member_str(&sb, &first, "department", f ? f->dept_name : NULL);
		json_member_date(&sb, &first, "since_on", f ? f->since : DATE_NONE);
		json_member_str(&sb, &first, "plan", f ? f->plan : NULL);
		json_member_str(&sb, &first, "next_step", f ? f->next_step : NULL);
		sb_add(&sb, "}\n");
		rc = cli_write(cli, sb.s);
		sb_free(&sb);
		return rc;
	}
	struct table t;
	table_init(&t, focus_cols, ARRAY_SIZE(focus_cols));
	table_row(&t);
	if (f && f->dept_id)
		table_cell_int(&t, f->dept_id);
	else
		table_cell(&t, NULL);
	table_cell(&t, f ? f->dept_name : NULL);
	table_cell(&t, *day ? day : NULL);
	table_cell(&t, f ? f->plan : NULL);
	table_cell(&t, f ? f->next_step : NULL);
	rc = cli_table_out(cli, &t, format);
	table_free(&t);
	return rc;
}

static int focus_show(struct cli *cli, enum out_format format)
{
	struct focus f;
	enum store_rc rc = store_focus_get(cli->st, &f);
	if (rc == STORE_NOTFOUND && format != OUT_PLAIN)
		return focus_record(cli, NULL, format);
	if (rc == STORE_NOTFOUND) {
		fputs("No focus department: cxmeet focus DEPT --plan TEXT --next-step TEXT\n",
		      cli->out);
		return 0;
	}
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	if (format != OUT_PLAIN) {
		int out = focus_record(cli, &f, format);
		focus_free(&f);
		return out;
	}
	char day[16];
	date_format(f.since, day, sizeof day);
	fprintf(cli->out, "Focus      %s, since %s\n", f.dept_name ? f.dept_name : "?", day);
	if (f.plan)
		fprintf(cli->out, "Plan       %s\n", f.plan);
	if (f.next_step)
		fprintf(cli->out, "Next step  %s\n", f.next_step);
	focus_free(&f);
	return 0;
}

static int focus_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct focus_opts o = {0};
	int rc;
	if (!cli_parse(cmd, argc, argv, focus_opt, &o, &rc))
		return rc;
	bool dept_given = optind < argc;
	if (o.clear && (dept_given || o.plan || o.next_step))
		return cli_usage_error(cmd, "--clear takes nothing else");
	if (!dept_given && (o.plan || o.next_step))
		return cli_usage_error(cmd, "--plan and --next-step go with a department");
	if (o.format_given && (dept_given || o.clear))
		return cli_usage_error(cmd, "--format only goes with showing the focus");
	if ((rc = cli_open(cli)) != 0)
		return rc;
	if (o.clear) {
		enum store_rc src = store_focus_set(cli->st, NULL);
		if (src != STORE_OK)
			return cli_store_error(cli, src);
		fputs("No department is the focus now.\n", cli->out);
		return 0;
	}
	if (!dept_given)
		return focus_show(cli, o.format);
	store_id dept;
	if ((rc = cli_dept_id(cli, argv[optind], &dept)) != 0)
		return rc;
	/* the same department keeps the day it became the focus */
	struct focus old;
	cx_date since = clock_today();
	if (store_focus_get(cli->st, &old) == STORE_OK) {
		if (old.dept_id == dept)
			since = old.since;
		focus_free(&old);
	}
	char *plan = NULL, *next = NULL;
	rc = o.plan ? cli_text_arg(o.plan, &plan) : 0;
	if (rc == 0 && o.next_step)
		rc = cli_text_arg(o.next_step, &next);
	if (rc == 0) {
		enum store_rc src = focus_choose(cli->st, dept, plan, next, since);
		rc = src == STORE_OK ? focus_show(cli, OUT_PLAIN) : cli_store_error(cli, src);
	}
	free(plan);
	free(next);
	return rc;
}

static const struct cli_opt focus_options[] = {
	{"plan", 'p', CLI_VALUE | CLI_LONG_ONLY},
	{"next-step", 'n', CLI_VALUE | CLI_LONG_ONLY},
	{"clear", 'c', CLI_LONG_ONLY},
	{"format", 'f', CLI_VALUE},
	{0},
};

const struct cli_cmd cmd_focus = {
	.quiet_ok = true,
	.name = "focus",
	.summary = "one department at a time: the council's focus and its plan",
	.usage = "usage: cxmeet focus [--format plain|json|csv]\n"
		 "       cxmeet focus DEPT [--plan TEXT] [--next-step TEXT]\n"
		 "       cxmeet focus --clear\n"
		 "\n"
		 "Without DEPT, shows the department the council focuses on, since when,\n"
		 "whom it means to win there and the next step. With DEPT, makes it the\n"
		 "focus (the same department keeps its first day) with its plan and next\n"
		 "step; the home screen shows it.\n"
		 "\n"
		 "      --plan TEXT       whom to win, and how\n"
		 "      --next-step TEXT  the next step\n"
		 "      --clear           no department is the focus\n"
		 "  -f, --format F        showing it: plain (the default), json or csv\n"
		 "  -q, --quiet           print nothing on success\n",
	.opts = focus_options,
	.operands = 1,
	.run = focus_run,
};
