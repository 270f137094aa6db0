/* cmd_agenda.c - `cxmeet agenda`: the agenda templates. List, show, export to
 * and import from the plain-text format of data/agenda-standard.txt, choose
 * the default, copy, rename and archive. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/fileio.h"
#include "cxmeet/names.h"
#include "cxmeet/templates.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* A template file larger than this is refused before it is parsed. */
#define AGENDA_FILE_MAX (4u << 20)

struct agenda_opts {
	enum out_format format;
	const char *output;
	const char *name;
	bool force, replace;
	bool format_given;
};

static int agenda_list(struct cli *cli, enum out_format f)
{
	static const struct table_col cols[] = {
		{"id", COL_INT, true},
		{"name", COL_TEXT, false},
		{"default", COL_BOOL, false},
		{"steps", COL_INT, true},
		{"minutes", COL_INT, true},
	};
	struct template_info *ti;
	size_t n;
	enum store_rc rc = store_template_list(cli->st, &ti, &n);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	struct table t;
	table_init(&t, cols, ARRAY_SIZE(cols));
	for (size_t i = 0; i < n; i++) {
		table_row(&t);
		table_cell_int(&t, (long long)ti[i].id);
		table_cell(&t, ti[i].name);
		table_cell_bool(&t, ti[i].is_default);
		table_cell_int(&t, (long long)ti[i].n_steps);
		table_cell_int(&t, ti[i].minutes);
	}
	int out = cli_table_out(cli, &t, f);
	table_free(&t);
	template_list_free(ti, n);
	return out;
}

/* Finds a template by name and reads it; prints the error if there is none. */
static int load(struct cli *cli, const char *name, store_id *id, struct agenda_template *t)
{
	enum store_rc rc = template_find(cli->st, name, id);
	if (rc == STORE_NOTFOUND) {
		char *safe = text_printable(name);
		int r = cli_input_error("no agenda named '%s' (cxmeet agenda list shows them)", safe);
		free(safe);
		return r;
	}
	if (rc == STORE_OK && t)
		rc = store_template_get(cli->st, *id, t);
	return rc == STORE_OK ? 0 : cli_store_error(cli, rc);
}

static const struct table_col step_cols[] = {
	{"position", COL_INT, true}, {"title", COL_TEXT, false}, {"kind", COL_TEXT, false},
	{"minutes", COL_INT, true},  {"prompt", COL_TEXT, false},
};

/* The steps of t as a table, a row each, numbered from 1. */
static void step_rows(struct table *tb, const struct agenda_template *t)
{
	table_init(tb, step_cols, ARRAY_SIZE(step_cols));
	for (size_t i = 0; i < t->n_steps; i++) {
		const struct agenda_step *s = &t->steps[i];
		table_row(tb);
		table_cell_int(tb, (long long)(i + 1));
		table_cell(tb, s->title);
		table_cell(tb, step_kind_name(s->kind));
		table_cell_int(tb, s->minutes);
		table_cell(tb, s->prompt && *s->prompt ? s->prompt : NULL);
	}
}

/* JSON: the template (id, name, default, its planned minutes) with its steps
 * as an array; CSV: a row per step. */
static int agenda_show_data(struct cli *cli, store_id id, const struct agenda_template *t,
			    enum out_format f)
{
	struct table tb;
	step_rows(&tb, t);
	if (f == OUT_CSV) {
		int rc = cli_table_out(cli, &tb, f);
		table_free(&tb);
		return rc;
	}
	store_id default_id = 0;
	enum store_rc src = store_template_default(cli->st, &default_id);
	if (src != STORE_OK && src != STORE_NOTFOUND) {
		table_free(&tb);
		return cli_store_error(cli, src);
	}
	struct strbuf sb, rows;
	sb_init(&sb);
	sb_init(&rows);
	bool first = true;
	sb_add(&sb, "{");
	json_member_int(&sb, &first, "id", id);
	json_member_str(&sb, &first, "name", t->name);
	json_member_bool(&sb, &first, "default", src == STORE_OK && default_id == id);
	json_member_int(&sb, &first, "minutes", agenda_minutes(t));
	json_member(&sb, &first, "steps");
	table_render(&tb, OUT_JSON, &rows);
	/* the array as the table writes it, without its last newline */
	while (rows.len && rows.s[rows.len - 1] == '\n')
		rows.s[--rows.len] = '\0';
	sb_add(&sb, rows.s);
	sb_add(&sb, "}\n");
	int rc = cli_write(cli, sb.s);
	sb_free(&rows);
	sb_free(&sb);
	table_free(&tb);
	return rc;
}

static int agenda_show(struct cli *cli, const char *name, enum out_format f)
{
	struct agenda_template t;
	store_id id;
	int rc = load(cli, name, &id, &t);
	if (rc != 0)
		return rc;
	if (f != OUT_PLAIN) {
		rc = agenda_show_data(cli, id, &t, f);
		agenda_free(&t);
		return rc;
	}
	int total = 0;
	char *safe = text_printable(t.name);
	fprintf(cli->out, "%s\n\n", safe);
	free(safe);
	for (size_t i = 0; i < t.n_steps; i++) {
		const struct agenda_step *s = &t.steps[i];
		char *title = text_printable(s->title);
		fprintf(cli->out, "%2zu. ", i + 1);
		cli_pad(cli->out, title, 41); /* by terminal columns, not bytes */
		fprintf(cli->out, "%-14s %3d min\n", step_kind_name(s->kind), s->minutes);
		free(title);
		if (s->prompt && *s->prompt) {
			char *prompt = text_printable(s->prompt);
			fprintf(cli->out, "    %s\n", prompt);
			free(prompt);
		}
		total += s->minutes;
	}
	fprintf(cli->out, "\n%zu %s, %d %s planned.\n", t.n_steps,
		text_plural((long long)t.n_steps, "step", "steps"), total,
		text_plural(total, "minute", "minutes"));
	agenda_free(&t);
	return ferror(cli->out) ? EXIT_RUNTIME : EXIT_OK;
}

static int agenda_export(struct cli *cli, const char *name, const struct agenda_opts *o)
{
	struct agenda_template t;
	store_id id;
	int rc = load(cli, name, &id, &t);
	if (rc != 0)
		return rc;
	char *text = agenda_render(&t);
	agenda_free(&t);
	if (!o->output || strcmp(o->output, "-") == 0) {
		fputs(text, cli->out);
		free(text);
		return ferror(cli->out) ? EXIT_RUNTIME : EXIT_OK;
	}
	char err[512];
	bool exists;
	if (file_write_new(o->output, text, o->force, &exists, err, sizeof err) != 0)
		rc = exists ? cli_input_error("%s: use --force to replace it", err)
			    : (cli_report("%s", err), EXIT_RUNTIME);
	free(text);
	if (rc == 0) {
		char *safe = text_printable(o->output);
		fprintf(cli->out, "Agenda saved to %s.\n", safe);
		free(safe);
	}
	return rc;
}

/* Reads a whole file ("-": standard input) of at most AGENDA_FILE_MAX bytes. */
static char *read_all(const char *path, size_t *len, char *err, size_t errlen)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *fp = is_stdin ? stdin : fopen(path, "rb");
	if (!fp) {
		errf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		return NULL;
	}
	struct strbuf sb;
	sb_init(&sb);
	char buf[8192];
	size_t got;
	bool too_big = false;
	while ((got = fread(buf, 1, sizeof buf, fp)) > 0 && !too_big) {
		sb_addn(&sb, buf, got);
		too_big = sb.len > AGENDA_FILE_MAX;
	}
	bool failed = ferror(fp);
	int why = errno; /* a folder opens, and fails on the first read */
	if (!is_stdin)
		fclose(fp);
	if (failed)
		errf(err, errlen, "cannot read %s: %s", path, strerror(why));
	else if (too_big)
		errf(err, errlen, "%s is too large for an agenda", path);
	if (failed || too_big) {
		sb_free(&sb);
		return NULL;
	}
	*len = sb.len;
	return sb_take(&sb);
}

/* "line N: msg" from the parser becomes "FILE:N: msg", as compilers write it. */
static int parse_error(const char *path, const char *err)
{
	char *safe = text_printable(path);
	int line = 0, used = 0;
	int rc;
	if (sscanf(err, "line %d: %n", &line, &used) == 1 && used > 0)
		rc = cli_input_error("%s:%d: %s", safe, line, err + used);
	else
		rc = cli_input_error("%s: %s", safe, err);
	free(safe);
	return rc;
}

static int agenda_import(struct cli *cli, const char *path, const struct agenda_opts *o)
{
	char err[512];
	size_t len;
	char *text = read_all(path, &len, err, sizeof err);
	if (!text) {
		cli_report("%s", err);
		return EXIT_USAGE;
	}
	/* The parser reads a C string: a NUL byte would silently end the file. */
	const char *nul = memchr(text, '\0', len);
	if (nul) {
		int line = 1;
		for (const char *p = text; p < nul; p++)
			line += *p == '\n';
		snprintf(err, sizeof err, "line %d: a NUL byte: not a text file", line);
		free(text);
		return parse_error(path, err);
	}
	struct agenda_template t;
	int prc = agenda_parse(text, &t, err, sizeof err);
	free(text);
	if (prc != 0)
		return parse_error(path, err);
	if (o->name) {
		free(t.name);
		t.name = xstrdup(o->name);
	}
	int rc = cli_open(cli);
	store_id id = 0;
	enum store_rc src = STORE_OK;
	if (rc == 0) {
		src = template_find(cli->st, t.name, &id);
		if (src == STORE_OK && !o->replace)
			rc = cli_input_error("an agenda named '%s' already exists: use --replace "
					     "to replace its steps, or --name to import it under "
					     "another name", t.name);
		else if (src == STORE_OK)
			src = template_save_steps(cli->st, id, &t);
		else if (src == STORE_NOTFOUND)
			src = template_add(cli->st, &t, false, &id);
		if (rc == 0 && src != STORE_OK)
			rc = cli_store_error(cli, src);
	}
	if (rc == 0) {
		char *safe = text_printable(t.name);
		fprintf(cli->out, "Imported agenda %s: %zu %s, %d %s.\n", safe, t.n_steps,
			text_plural((long long)t.n_steps, "step", "steps"), agenda_minutes(&t),
			text_plural(agenda_minutes(&t), "minute", "minutes"));
		free(safe);
	}
	agenda_free(&t);
	return rc;
}

/* default, copy, rename and archive: one template by name, maybe a new name. */
static int agenda_change(struct cli *cli, const char *action, const char *name,
			 const char *new_name)
{
	store_id id;
	int rc = load(cli, name, &id, NULL);
	if (rc != 0)
		return rc;
	enum store_rc src;
	const char *done;
	if (strcmp(action, "default") == 0) {
		src = store_template_set_default(cli->st, id);
		done = "is now the default agenda";
	} else if (strcmp(action, "copy") == 0) {
		src = template_copy(cli->st, id, new_name, NULL);
		done = "copied";
	} else if (strcmp(action, "rename") == 0) {
		src = template_rename(cli->st, id, new_name);
		done = "renamed";
	} else {
		src = store_template_archive(cli->st, id);
		done = "archived";
	}
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	char *safe = text_printable(name);
	char *safe_new = new_name ? text_printable(new_name) : NULL;
	fprintf(cli->out, "Agenda %s %s%s%s.\n", safe, done, safe_new ? " to " : "",
		safe_new ? safe_new : "");
	free(safe);
	free(safe_new);
	return EXIT_OK;
}

/* How many arguments each action takes after its name. */
static int action_args(const char *action)
{
	static const struct {
		const char *name;
		int args;
	} actions[] = {{"list", 0}, {"show", 1}, {"export", 1}, {"import", 1}, {"default", 1},
		       {"copy", 2}, {"rename", 2}, {"archive", 1}};
	for (size_t i = 0; i < ARRAY_SIZE(actions); i++)
		if (strcmp(action, actions[i].name) == 0)
			return actions[i].args;
	return -1;
}

/* Options that do nothing for the action are mistakes worth saying. */
static int check_options(const struct cli_cmd *cmd, const char *action,
			 const struct agenda_opts *o)
{
	if (o->format_given && strcmp(action, "list") != 0 && strcmp(action, "show") != 0)
		return cli_usage_error(cmd, "--format only goes with 'list' and 'show'");
	if ((o->output || o->force) && strcmp(action, "export") != 0)
		return cli_usage_error(cmd, "--output and --force only go with 'export'");
	if ((o->name || o->replace) && strcmp(action, "import") != 0)
		return cli_usage_error(cmd, "--name and --replace only go with 'import'");
	if (o->output && !*o->output)
		return cli_usage_error(cmd, "--output needs a file name");
	return 0;
}

static int agenda_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct agenda_opts *o = ctx;
	switch (key) {
	case 'f':
		o->format_given = true;
		return cli_format(cmd, value, OUT_TABLES, &o->format);
	case 'o': o->output = value; break;
	case 'F': o->force = true; break;
	case 'n': o->name = value; break;
	case 'r': o->replace = true; break;
	}
	return 0;
}

static int agenda_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct agenda_opts o = {.format = OUT_PLAIN};
	int rc;
	if (!cli_parse(cmd, argc, argv, agenda_opt, &o, &rc))
		return rc;
	if (optind >= argc)
		return cli_usage_error(cmd, "missing action: list, show, export, import, default, "
					    "copy, rename or archive");
	const char *action = argv[optind];
	int want = action_args(action), left = argc - optind - 1;
	char **args = argv + optind + 1;
	if (want < 0)
		return cli_usage_error(cmd, "unknown action '%s': list, show, export, import, "
					    "default, copy, rename or archive", action);
	if (left != want)
		return cli_usage_error(cmd, "'%s' takes %d argument%s (see cxmeet agenda --help)",
				       action, want, want == 1 ? "" : "s");
	if ((rc = check_options(cmd, action, &o)) != 0)
		return rc;
	/* import parses the file before opening anything: a bad file writes nothing. */
	if (strcmp(action, "import") == 0)
		return agenda_import(cli, args[0], &o);
	if ((rc = cli_open(cli)) != 0)
		return rc;
	if (strcmp(action, "list") == 0)
		return agenda_list(cli, o.format);
	if (strcmp(action, "show") == 0)
		return agenda_show(cli, args[0], o.format);
	if (strcmp(action, "export") == 0)
		return agenda_export(cli, args[0], &o);
	return agenda_change(cli, action, args[0], want == 2 ? args[1] : NULL);
}

static const struct cli_opt agenda_options[] = {
	{"format", 'f', CLI_VALUE},
	{"output", 'o', CLI_VALUE},
	{"force", 'F', CLI_LONG_ONLY},
	{"name", 'n', CLI_VALUE | CLI_LONG_ONLY},
	{"replace", 'r', CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_agenda = {
	.name = "agenda",
	.summary = "list, export, import, copy, rename or archive agenda templates",
	.usage = "usage: cxmeet agenda list [--format plain|json|csv]\n"
		 "       cxmeet agenda show NAME [--format plain|json|csv]\n"
		 "       cxmeet agenda export NAME [-o FILE|-] [--force]\n"
		 "       cxmeet agenda import FILE|- [--name NAME] [--replace]\n"
		 "       cxmeet agenda default NAME\n"
		 "       cxmeet agenda copy NAME NEW-NAME\n"
		 "       cxmeet agenda rename NAME NEW-NAME\n"
		 "       cxmeet agenda archive NAME\n"
		 "\n"
		 "Agenda templates are the steps a meeting follows; each meeting keeps its\n"
		 "own copy, so changing a template never changes a past meeting. Files use\n"
		 "the plain-text format of the standard agenda: 'template NAME', then\n"
		 "'step MINUTES KIND TITLE' lines, each followed by its indented prompt.\n"
		 "An import with errors reports them as FILE:LINE and writes nothing.\n"
		 "The default agenda cannot be archived: make another one the default.\n"
		 "\n"
		 "  -f, --format FORMAT  list, show: plain, json or csv\n"
		 "  -o, --output FILE    export: write to FILE (written whole or not at\n"
		 "                       all); '-' prints\n"
		 "      --force          export: replace FILE if it exists\n"
		 "      --name NAME      import: under NAME instead of the file's name\n"
		 "      --replace        import: replace the steps of the agenda of that\n"
		 "                       name if it exists\n",
	.opts = agenda_options,
	.operands = CLI_ANY,
	.run = agenda_run,
};
