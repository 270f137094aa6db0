/* cmd_org.c - `cxmeet org` and `cxmeet charter`: the organisation's name, CX
 * mission, success statement, cadence and the six charter answers. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cadence.h"
#include "cxmeet/cli.h"
#include "cxmeet/editor.h"
#include "cxmeet/setup.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* Reads --help and checks that an action is given (at most three words, by
 * the entry). Returns -1 to go on, else the exit status. */
static int format_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	return key == 'f' ? cli_format(cmd, value, OUT_TABLES, ctx) : 0;
}

static int plain_args(const struct cli_cmd *cmd, int argc, char **argv, enum out_format *f)
{
	int rc;
	*f = (enum out_format)-1; /* not given */
	if (!cli_parse(cmd, argc, argv, format_opt, f, &rc))
		return rc;
	if (argc - optind < 1)
		return cli_usage_error(cmd, "missing argument");
	if ((int)*f >= 0 && strcmp(argv[optind], "show") != 0 &&
	    strcmp(argv[optind], "history") != 0)
		return cli_usage_error(cmd, "--format only goes with 'show' and 'history'");
	if ((int)*f < 0)
		*f = OUT_PLAIN;
	return -1;
}

/* A record of the organisation's texts: fields[] by their stored names, each
 * with its _changed_at, and the extra members first (JSON) or columns (CSV).
 */
static int texts_record(struct cli *cli, enum out_format f, const struct org *org,
			const enum org_text *fields, size_t n, const char *cadence, int escalate)
{
	struct strbuf sb;
	sb_init(&sb);
	int rc;
	if (f == OUT_JSON) {
		bool first = true;
		sb_add(&sb, "{");
		if (cadence) {
			json_member_str(&sb, &first, "cadence", cadence);
			json_member_int(&sb, &first, "escalate_after", escalate);
		}
		for (size_t i = 0; i < n; i++) {
			char key[64];
			json_member_str(&sb, &first, org_text_name(fields[i]), org->text[fields[i]]);
			snprintf(key, sizeof key, "%s_changed_at", org_text_name(fields[i]));
			json_member_str(&sb, &first, key, org->changed_at[fields[i]]);
		}
		sb_add(&sb, "}\n");
		rc = cli_write(cli, sb.s);
		sb_free(&sb);
		return rc;
	}
	struct table_col cols[2 + 2 * ORG_TEXT_COUNT];
	char keys[ORG_TEXT_COUNT][64];
	size_t nc = 0;
	if (cadence) {
		cols[nc++] = (struct table_col){"cadence", COL_TEXT, false};
		cols[nc++] = (struct table_col){"escalate_after", COL_INT, true};
	}
	for (size_t i = 0; i < n; i++) {
		snprintf(keys[i], sizeof keys[i], "%s_changed_at", org_text_name(fields[i]));
		cols[nc++] = (struct table_col){org_text_name(fields[i]), COL_TEXT, false};
		cols[nc++] = (struct table_col){keys[i], COL_TEXT, false};
	}
	struct table t;
	table_init(&t, cols, nc);
	table_row(&t);
	if (cadence) {
		table_cell(&t, cadence);
		table_cell_int(&t, escalate);
	}
	for (size_t i = 0; i < n; i++) {
		table_cell(&t, org->text[fields[i]]);
		table_cell(&t, org->changed_at[fields[i]]);
	}
	rc = cli_table_out(cli, &t, f);
	table_free(&t);
	sb_free(&sb);
	return rc;
}

static void print_text(FILE *out, const char *label, const char *text, const char *changed_at)
{
	fprintf(out, "%s", label);
	if (changed_at)
		fprintf(out, "  (changed %.10s)", changed_at);
	fprintf(out, "\n  %s\n", *text ? text : "(not written yet)");
}

static int org_show(struct cli *cli, enum out_format f)
{
	struct org org;
	enum store_rc rc = store_org_get(cli->st, &org);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	char cad[48];
	cadence_format(&org.cadence, cad, sizeof cad);
	if (f != OUT_PLAIN) {
		static const enum org_text fields[] = {ORG_NAME, ORG_MISSION, ORG_SUCCESS};
		int out = texts_record(cli, f, &org, fields, ARRAY_SIZE(fields), cad,
				       org.escalate_after);
		org_free(&org);
		return out;
	}
	fprintf(cli->out, "Name: %s\n", *org.text[ORG_NAME] ? org.text[ORG_NAME] : "(not named)");
	fprintf(cli->out, "Cadence: %s\n", cad);
	fprintf(cli->out, "Escalate after: carried %d %s\n\n", org.escalate_after,
		text_plural(org.escalate_after, "time", "times"));
	print_text(cli->out, org_text_label(ORG_MISSION), org.text[ORG_MISSION],
		   org.changed_at[ORG_MISSION]);
	print_text(cli->out, org_text_label(ORG_SUCCESS), org.text[ORG_SUCCESS],
		   org.changed_at[ORG_SUCCESS]);
	org_free(&org);
	return EXIT_OK;
}

/* A text's versions as data, newest first: when, by whom, the text ("" once
 * cleared). */
static int history_table(struct cli *cli, const struct org_version *v, size_t n,
			 enum out_format format)
{
	static const struct table_col cols[] = {
		{"changed_at", COL_TEXT, false},
		{"changed_by", COL_TEXT, false},
		{"text", COL_TEXT, false},
	};
	struct table t;
	table_init(&t, cols, ARRAY_SIZE(cols));
	for (size_t i = 0; i < n; i++) {
		table_row(&t);
		table_cell(&t, v[i].changed_at);
		table_cell(&t, actor_known(v[i].changed_by) ? v[i].changed_by : NULL);
		table_cell(&t, v[i].body);
	}
	int rc = cli_table_out(cli, &t, format);
	table_free(&t);
	return rc;
}

static int history(struct cli *cli, enum org_text f, enum out_format format)
{
	struct org_version *v;
	size_t n;
	enum store_rc rc = store_org_history(cli->st, f, &v, &n);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	if (format != OUT_PLAIN) {
		int out = history_table(cli, v, n, format);
		org_versions_free(v, n);
		return out;
	}
	if (n == 0)
		fprintf(cli->out, "%s has never been set.\n", org_text_label(f));
	for (size_t i = 0; i < n; i++)
		fprintf(cli->out, "%s%s%s\n  %s\n", v[i].changed_at ? v[i].changed_at : "?",
			actor_known(v[i].changed_by) ? "  by " : "",
			actor_known(v[i].changed_by) ? v[i].changed_by : "",
			*v[i].body ? v[i].body : "(cleared)");
	org_versions_free(v, n);
	return EXIT_OK;
}

static int set_text(struct cli *cli, enum org_text f, const char *value)
{
	enum store_rc rc = org_set_text(cli->st, f, value);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	fprintf(cli->out, "%s saved.\n", org_text_label(f));
	return EXIT_OK;
}

static int org_set(struct cli *cli, const struct cli_cmd *cmd, const char *field,
		   const char *value)
{
	char err[256];
	if (strcmp(field, "cadence") == 0) {
		struct cadence c;
		if (cadence_parse(value, &c, err, sizeof err) != 0)
			return cli_input_error("%s", err);
		enum store_rc rc = store_org_set_cadence(cli->st, &c);
		if (rc != STORE_OK)
			return cli_store_error(cli, rc);
		char buf[48];
		cadence_format(&c, buf, sizeof buf);
		fprintf(cli->out, "Cadence: %s\n", buf);
		return EXIT_OK;
	}
	if (strcmp(field, "escalate") == 0) {
		char *end;
		errno = 0;
		long n = strtol(value, &end, 10);
		if (errno || end == value || *end || n < 1 || n > 100)
			return cli_input_error("escalate is a number of meetings from 1 to 100");
		enum store_rc rc = store_org_set_escalate_after(cli->st, (int)n);
		if (rc != STORE_OK)
			return cli_store_error(cli, rc);
		fprintf(cli->out, "Open actions carried %ld %s are flagged for the sponsor.\n", n,
			text_plural(n, "time", "times"));
		return EXIT_OK;
	}
	int f = org_text_parse(field);
	if (f != ORG_NAME && f != ORG_MISSION && f != ORG_SUCCESS)
		return cli_usage_error(cmd, "cannot set '%s'; use name, mission, success, cadence or "
					    "escalate", field);
	return set_text(cli, (enum org_text)f, value);
}

static int org_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	enum out_format format;
	int rc = plain_args(cmd, argc, argv, &format);
	if (rc >= 0)
		return rc;
	const char *action = argv[optind];
	int left = argc - optind - 1;
	char **args = argv + optind + 1;
	if (strcmp(action, "show") == 0 && left == 0)
		return (rc = cli_open(cli)) ? rc : org_show(cli, format);
	if (strcmp(action, "set") == 0 && left == 2) {
		char *value;
		if ((rc = cli_text_arg(args[1], &value)) != 0)
			return rc;
		rc = cli_open(cli);
		if (rc == 0)
			rc = org_set(cli, cmd, args[0], value);
		free(value);
		return rc;
	}
	if (strcmp(action, "history") == 0 && left == 1) {
		int f = org_text_parse(args[0]);
		if (f != ORG_NAME && f != ORG_MISSION && f != ORG_SUCCESS)
			return cli_usage_error(cmd, "no history for '%s'; use name, mission or success",
					       args[0]);
		return (rc = cli_open(cli)) ? rc : history(cli, (enum org_text)f, format);
	}
	return cli_usage_error(cmd, "expected 'show', 'set FIELD VALUE' or 'history FIELD'");
}

static int charter_number(const char *s)
{
	if (strlen(s) == 1 && s[0] >= '1' && s[0] <= '6')
		return CHARTER_FIRST + (s[0] - '1');
	return -1;
}

static int charter_show(struct cli *cli, enum out_format f)
{
	struct org org;
	enum store_rc rc = store_org_get(cli->st, &org);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	if (f != OUT_PLAIN) {
		enum org_text fields[CHARTER_COUNT];
		for (int i = 0; i < CHARTER_COUNT; i++)
			fields[i] = (enum org_text)(CHARTER_FIRST + i);
		int out = texts_record(cli, f, &org, fields, CHARTER_COUNT, NULL, 0);
		org_free(&org);
		return out;
	}
	for (int i = 0; i < CHARTER_COUNT; i++) {
		int f = CHARTER_FIRST + i;
		char label[96];
		snprintf(label, sizeof label, "%d. %s", i + 1, org_text_label(f));
		if (i)
			fputc('\n', cli->out);
		print_text(cli->out, label, org.text[f], org.changed_at[f]);
	}
	org_free(&org);
	return EXIT_OK;
}

static int charter_edit(struct cli *cli, enum org_text f)
{
	struct org org;
	char err[256];
	char *text;
	enum store_rc rc = store_org_get(cli->st, &org);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	int erc = editor_edit(org.text[f], &text, err, sizeof err);
	org_free(&org);
	if (erc != 0) {
		cli_report("%s", err);
		return erc == -2 ? EXIT_USAGE : EXIT_RUNTIME;
	}
	int out = set_text(cli, f, text);
	free(text);
	return out;
}

static int charter_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	enum out_format format;
	int rc = plain_args(cmd, argc, argv, &format);
	if (rc >= 0)
		return rc;
	const char *action = argv[optind];
	int left = argc - optind - 1;
	char **args = argv + optind + 1;
	if (strcmp(action, "show") == 0 && left == 0)
		return (rc = cli_open(cli)) ? rc : charter_show(cli, format);
	if ((strcmp(action, "set") == 0 && (left == 1 || left == 2)) ||
	    (strcmp(action, "history") == 0 && left == 1)) {
		int f = charter_number(args[0]);
		if (f < 0)
			return cli_usage_error(cmd, "'%s' is not a charter answer: use 1 to 6", args[0]);
		char *text = NULL;
		if (left == 2 && (rc = cli_text_arg(args[1], &text)) != 0)
			return rc;
		if ((rc = cli_open(cli)) == 0) {
			if (action[0] == 'h')
				rc = history(cli, (enum org_text)f, format);
			else
				rc = text ? set_text(cli, (enum org_text)f, text)
					  : charter_edit(cli, (enum org_text)f);
		}
		free(text);
		return rc;
	}
	return cli_usage_error(cmd, "expected 'show', 'set N [TEXT]' or 'history N'");
}

static const struct cli_opt text_options[] = {
	{"format", 'f', CLI_VALUE},
	{0},
};

const struct cli_cmd cmd_org = {
	.quiet_ok = true,
	.name = "org",
	.summary = "show or set the organisation's name, mission, success statement, cadence",
	.usage = "usage: cxmeet org show [--format plain|json|csv]\n"
		 "       cxmeet org set name|mission|success|cadence|escalate VALUE\n"
		 "       cxmeet org history name|mission|success [--format plain|json|csv]\n"
		 "\n"
		 "VALUE '-' reads the value from standard input.\n"
		 "cadence is weekly, \"every two weeks\", monthly, quarterly, or \"every N days\"\n"
		 "(also every N weeks, every N months). escalate is how many meetings an\n"
		 "open action may be carried through before it is flagged for the sponsor.\n"
		 "\n"
		 "  -f, --format F      show, history: plain (the default), json or csv\n"
		 "  -q, --quiet         print nothing on success\n",
	.opts = text_options,
	.operands = 3,
	.run = org_run,
};

const struct cli_cmd cmd_charter = {
	.quiet_ok = true,
	.name = "charter",
	.summary = "show or set the six answers of the CX charter",
	.usage = "usage: cxmeet charter show [--format plain|json|csv]\n"
		 "       cxmeet charter set N [TEXT]\n"
		 "       cxmeet charter history N [--format plain|json|csv]\n"
		 "\n"
		 "N is 1 to 6: 1 vision, 2 goals and objectives, 3 roles and\n"
		 "responsibilities, 4 how we prioritise, 5 who needs to know and who\n"
		 "approves, 6 how we work together. TEXT '-' reads the answer from\n"
		 "standard input. Without TEXT, $VISUAL or $EDITOR opens with the current\n"
		 "answer (only on a terminal).\n"
		 "\n"
		 "  -f, --format F      show, history: plain (the default), json or csv\n"
		 "  -q, --quiet         print nothing on success\n",
	.opts = text_options,
	.operands = 3,
	.run = charter_run,
};
