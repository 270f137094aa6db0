/* cmd_measure.c - `cxmeet measure`: the CX scorecard's measures (the success
 * statement's and each department's KPIs) and their values, one a period
 * (scorecard.h): list, add, edit, archive, show, set, and import from CSV. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/import.h"
#include "cxmeet/leaders.h"
#include "cxmeet/names.h"
#include "cxmeet/scorecard.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* At most this many rows are read from a CSV file of values. */
#define IMPORT_MAX_ROWS 100000

struct measure_opts {
	const char *kind, *dept, *owner, *unit, *target, *every, *name, *on;
	bool no_target, lower, higher, correct, all, restore;
	enum out_format format;
};

static int measure_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct measure_opts *o = ctx;
	switch (key) {
	case 'k': o->kind = value; break;
	case 'd': o->dept = value; break;
	case 'O': o->owner = value; break;
	case 'u': o->unit = value; break;
	case 't': o->target = value; break;
	case 'T': o->no_target = true; break;
	case 'l': o->lower = true; break;
	case 'H': o->higher = true; break;
	case 'e': o->every = value; break;
	case 'n': o->name = value; break;
	case 'w': o->on = value; break;
	case 'c': o->correct = true; break;
	case 'a': o->all = true; break;
	case 'r': o->restore = true; break;
	case 'f': return cli_format(cmd, value, OUT_TABLES, &o->format);
	}
	return 0;
}

/* The measure NAME (in --dept when given) with its last value. */
static int find(struct cli *cli, const struct measure_opts *o, const char *name, bool archived,
		struct measure *m)
{
	store_id dept = -1;
	if (o->dept) {
		int rc = cli_dept_id(cli, o->dept, &dept);
		if (rc)
			return rc;
	}
	enum store_rc src = measure_lookup(cli->st, name, dept, archived, m);
	if (src == STORE_NOTFOUND) {
		char *safe = text_printable_line(name);
		int rc = cli_input_error("there is no measure named '%s'%s (cxmeet measure list%s)",
					 safe, o->dept ? " in that department" : "",
					 archived ? " --all" : "");
		free(safe);
		return rc;
	}
	return src == STORE_OK ? 0 : cli_store_error(cli, src);
}

/* --kind, --every, --unit, --target, --lower/--higher-is-better, --owner,
 * --dept into m (what is not given is left as it is). */
static int apply(struct cli *cli, const struct measure_opts *o, struct measure *m)
{
	char err[256];
	int v;
	if (o->kind) {
		if ((v = measure_kind_parse(o->kind)) < 0)
			return cli_input_error("--kind: '%s' is neither success nor kpi", o->kind);
		m->kind = (enum measure_kind)v;
	}
	if (o->every) {
		if ((v = measure_freq_parse(o->every)) < 0)
			return cli_input_error("--every: '%s' is none of meeting, weekly, monthly, "
					       "quarterly", o->every);
		m->frequency = (enum measure_freq)v;
	}
	if (o->unit)
		m->unit = *o->unit ? (char *)o->unit : NULL;
	if (o->target) {
		if (measure_value_parse(o->target, &m->target, err, sizeof err) != 0)
			return cli_input_error("--target: %s", err);
		m->has_target = true;
	}
	if (o->no_target)
		m->has_target = false;
	if (o->lower)
		m->lower_is_better = true;
	if (o->higher)
		m->lower_is_better = false;
	if (o->dept) {
		int rc = cli_dept_id(cli, o->dept, &m->dept_id);
		if (rc)
			return rc;
	}
	if (o->owner) {
		if (!*o->owner) {
			m->person_id = 0;
		} else {
			struct person p;
			enum store_rc src = person_find(cli->st, o->owner, &p);
			if (src == STORE_NOTFOUND) {
				char *safe = text_printable_line(o->owner);
				int rc = cli_input_error("there is no person named '%s' (cxmeet person list)",
							 safe);
				free(safe);
				return rc;
			}
			if (src != STORE_OK)
				return cli_store_error(cli, src);
			m->person_id = p.id;
			person_free(&p);
		}
	}
	if (m->kind == MEASURE_KPI && !m->dept_id)
		return cli_input_error("a KPI is a department's: name it (--dept), or make the "
				       "measure one of the success statement's (--kind success)");
	return 0;
}

/* --- list ----------------------------------------------------------------- */

/* Plain text names the last value's period in words ("period": week of
 * 2026-11-16); JSON and CSV give the words as "period_label" and the
 * period's first day as "period_on", as measure show does. */
#define LIST_COLS(...)                                                                   \
	{"measure", COL_TEXT, false}, {"kind", COL_TEXT, false},                          \
	{"department", COL_TEXT, false}, {"owner", COL_TEXT, false},                      \
	{"unit", COL_TEXT, false}, {"better", COL_TEXT, false}, {"target", COL_INT, true}, \
	{"every", COL_TEXT, false}, {"value", COL_INT, true}, __VA_ARGS__,                \
	{"track", COL_TEXT, false}, {"archived", COL_BOOL, false}

static const struct table_col list_cols[] = {LIST_COLS({"period", COL_TEXT, false})};
static const struct table_col list_data_cols[] = {
	LIST_COLS({"period_label", COL_TEXT, false}, {"period_on", COL_TEXT, false})};

static int list(struct cli *cli, const struct measure_opts *o)
{
	store_id dept = 0;
	int kind = MEASURE_ANY, rc = o->dept ? cli_dept_id(cli, o->dept, &dept) : 0;
	if (rc)
		return rc;
	if (o->kind && (kind = measure_kind_parse(o->kind)) < 0)
		return cli_input_error("--kind: '%s' is neither success nor kpi", o->kind);
	struct measure *m;
	size_t n;
	enum store_rc src = store_measure_list(cli->st, (enum measure_kind)kind, dept, o->all, &m, &n);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	measures_sort(m, n);
	if (n == 0 && o->format == OUT_PLAIN) {
		fputs("No measures yet: cxmeet measure add NAME --target N [--every weekly]\n",
		      cli->out);
		measure_list_free(m, n);
		return 0;
	}
	bool plain = o->format == OUT_PLAIN;
	struct table t;
	if (plain)
		table_init(&t, list_cols, ARRAY_SIZE(list_cols) - !o->all);
	else
		table_init(&t, list_data_cols, ARRAY_SIZE(list_data_cols) - !o->all);
	for (size_t i = 0; i < n; i++) {
		char v[40], target[40], period[32], day[16];
		table_row(&t);
		table_cell(&t, m[i].name);
		table_cell(&t, measure_kind_name(m[i].kind));
		table_cell(&t, m[i].dept_name);
		table_cell(&t, m[i].person_name);
		table_cell(&t, m[i].unit);
		table_cell(&t, m[i].lower_is_better ? "lower" : "higher");
		measure_value_text(m[i].target, target, sizeof target);
		table_cell(&t, m[i].has_target ? target : NULL);
		table_cell(&t, measure_freq_name(m[i].frequency));
		if (m[i].has_value) {
			measure_value_text(m[i].value, v, sizeof v);
			measure_period_text(m[i].frequency, m[i].value_on, period, sizeof period);
			date_format(m[i].value_on, day, sizeof day);
		}
		table_cell(&t, m[i].has_value ? v : NULL);
		table_cell(&t, m[i].has_value ? period : NULL);
		if (!plain)
			table_cell(&t, m[i].has_value ? day : NULL);
		table_cell(&t, m[i].has_value ? measure_track_word(measure_on_track(&m[i], m[i].value))
					      : NULL);
		if (o->all)
			table_cell_bool(&t, m[i].archived);
	}
	rc = cli_table_out(cli, &t, o->format);
	table_free(&t);
	measure_list_free(m, n);
	return rc;
}

/* --- add, edit, archive ------------------------------------------------------ */

static int add(struct cli *cli, const struct measure_opts *o, const char *name)
{
	struct measure m = {.name = (char *)name, .kind = MEASURE_SUCCESS,
			    .frequency = FREQ_MEETING};
	int rc = apply(cli, o, &m);
	if (rc)
		return rc;
	store_id id;
	enum store_rc src = measure_add(cli->st, &m, clock_now(), &id);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	char *safe = text_printable_line(name);
	fprintf(cli->out, "Added the measure %s (%s, %s).\n", safe,
		m.kind == MEASURE_SUCCESS ? "success statement" : "KPI",
		measure_freq_label(m.frequency));
	free(safe);
	return 0;
}

static int edit(struct cli *cli, const struct measure_opts *o, const char *name)
{
	struct measure m;
	int rc = find(cli, o, name, true, &m);
	if (rc)
		return rc;
	char *keep_name = m.name, *keep_unit = m.unit;
	if (o->name)
		m.name = (char *)o->name;
	rc = apply(cli, o, &m);
	if (rc == 0) {
		enum store_rc src = measure_edit(cli->st, &m);
		if (src != STORE_OK)
			rc = cli_store_error(cli, src);
	}
	if (rc == 0) {
		char *safe = text_printable_line(m.name);
		fprintf(cli->out, "Saved the measure %s.\n", safe);
		free(safe);
	}
	m.name = keep_name;
	m.unit = keep_unit;
	measure_free(&m);
	return rc;
}

static int archive(struct cli *cli, const struct measure_opts *o, const char *name)
{
	struct measure m;
	int rc = find(cli, o, name, true, &m);
	if (rc)
		return rc;
	if (m.archived != o->restore) {
		char *safe = text_printable_line(m.name);
		fprintf(cli->out, "The measure %s is %s already.\n", safe,
			o->restore ? "in use" : "archived");
		free(safe);
		measure_free(&m);
		return 0;
	}
	enum store_rc src = store_measure_archive(cli->st, m.id, o->restore ? 0 : clock_now());
	if (src != STORE_OK)
		rc = cli_store_error(cli, src);
	else {
		char *safe = text_printable_line(m.name);
		fprintf(cli->out, o->restore ? "Restored the measure %s.\n"
					     : "Archived the measure %s: its values are kept.\n", safe);
		free(safe);
	}
	measure_free(&m);
	return rc;
}

/* --- show ---------------------------------------------------------------- */

static const struct table_col value_cols[] = {
	{"period_label", COL_TEXT, false}, {"period_on", COL_TEXT, false},
	{"value", COL_INT, true},    {"track", COL_TEXT, false},
	{"entered_at", COL_TEXT, false}, {"entered_by", COL_TEXT, false},
	{"corrected", COL_BOOL, false},
};

static void value_rows(struct table *t, const struct measure *m, const struct measure_value *v,
		       size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char period[32], day[16], value[40], at[32];
		measure_period_text(m->frequency, v[i].period, period, sizeof period);
		date_format(v[i].period, day, sizeof day);
		measure_value_text(v[i].value, value, sizeof value);
		clock_format_utc(v[i].entered_at, at, sizeof at);
		table_row(t);
		table_cell(t, period);
		table_cell(t, day);
		table_cell(t, value);
		table_cell(t, measure_track_word(measure_on_track(m, v[i].value)));
		table_cell(t, at);
		table_cell(t, v[i].entered_by);
		table_cell_bool(t, v[i].corrected);
	}
}

static void json_measure(struct strbuf *sb, const struct measure *m, const struct measure_value *v,
			 size_t n)
{
	bool f = true;
	char buf[40];
	sb_add(sb, "{");
	json_member_int(sb, &f, "id", m->id);
	json_member_str(sb, &f, "measure", m->name);
	json_member_str(sb, &f, "kind", measure_kind_name(m->kind));
	json_member_str(sb, &f, "department", m->dept_name);
	json_member_str(sb, &f, "owner", m->person_name);
	json_member_str(sb, &f, "unit", m->unit);
	json_member_str(sb, &f, "better", m->lower_is_better ? "lower" : "higher");
	json_member(sb, &f, "target");
	if (m->has_target) {
		measure_value_text(m->target, buf, sizeof buf);
		sb_add(sb, buf);
	} else {
		sb_add(sb, "null");
	}
	json_member_str(sb, &f, "every", measure_freq_name(m->frequency));
	json_member_bool(sb, &f, "archived", m->archived);
	json_member(sb, &f, "values");
	struct table t;
	table_init(&t, value_cols, ARRAY_SIZE(value_cols));
	value_rows(&t, m, v, n);
	struct strbuf rows;
	sb_init(&rows);
	table_render(&t, OUT_JSON, &rows);
	/* the array as the table writes it, without its last newline */
	while (rows.len && rows.s[rows.len - 1] == '\n')
		rows.s[--rows.len] = '\0';
	sb_add(sb, rows.s);
	sb_free(&rows);
	table_free(&t);
	sb_add(sb, "}\n");
}

static int show(struct cli *cli, const struct measure_opts *o, const char *name)
{
	struct measure m;
	int rc = find(cli, o, name, true, &m);
	if (rc)
		return rc;
	struct measure_value *v;
	size_t n;
	enum store_rc src = store_measure_values(cli->st, m.id, true, 0, &v, &n);
	if (src != STORE_OK) {
		measure_free(&m);
		return cli_store_error(cli, src);
	}
	struct strbuf sb;
	sb_init(&sb);
	if (o->format == OUT_JSON) {
		json_measure(&sb, &m, v, n);
		rc = cli_write(cli, sb.s);
	} else if (o->format == OUT_CSV) {
		struct table t;
		table_init(&t, value_cols, ARRAY_SIZE(value_cols));
		value_rows(&t, &m, v, n);
		rc = cli_table_out(cli, &t, OUT_CSV);
		table_free(&t);
	} else {
		char target[64] = "none", trend[SCORECARD_TREND * 4 + 1];
		if (m.has_target)
			measure_value_unit(&m, m.target, target, sizeof target);
		/* the trend: the last values, oldest first, corrections left out */
		double last[SCORECARD_TREND];
		size_t k = 0;
		for (size_t i = 0; i < n && k < SCORECARD_TREND; i++)
			if (!v[i].corrected)
				last[SCORECARD_TREND - 1 - k++] = v[i].value;
		measure_sparkline(last + SCORECARD_TREND - k, k, text_locale_utf8(), trend, sizeof trend);
		sb_addf(&sb, "Measure    %s%s\nKind       %s\n", m.name, m.archived ? " (archived)" : "",
			m.kind == MEASURE_SUCCESS ? "success statement" : "department KPI");
		if (m.dept_name)
			sb_addf(&sb, "Department %s\n", m.dept_name);
		if (m.person_name)
			sb_addf(&sb, "Owner      %s\n", m.person_name);
		sb_addf(&sb, "Target     %s, %s is better\nRead       %s\n", target,
			m.lower_is_better ? "lower" : "higher", measure_freq_label(m.frequency));
		if (k)
			sb_addf(&sb, "Trend      %s\n", trend);
		sb_add(&sb, "\n");
		rc = cli_write(cli, sb.s);
		if (rc == 0 && n == 0)
			rc = cli_write(cli, "No value yet: cxmeet measure set NAME VALUE\n");
		if (rc == 0 && n) {
			struct table t;
			table_init(&t, value_cols, ARRAY_SIZE(value_cols));
			value_rows(&t, &m, v, n);
			rc = cli_table_out(cli, &t, OUT_PLAIN);
			table_free(&t);
		}
	}
	sb_free(&sb);
	measure_values_free(v, n);
	measure_free(&m);
	return rc;
}

/* --- set ----------------------------------------------------------------- */

static int parse_day(const char *s, cx_date *day)
{
	char err[512];
	struct date_context dc = {clock_today(), DATE_NONE};
	*day = clock_today();
	if (s && date_parse(s, &dc, DATE_BACK, day, err, sizeof err) != 0)
		return cli_input_error("--on: %s", err);
	return 0;
}

static int set(struct cli *cli, const struct measure_opts *o, const char *name, const char *text)
{
	char err[256];
	double value;
	cx_date day;
	if (measure_value_parse(text, &value, err, sizeof err) != 0)
		return cli_input_error("%s", err);
	int rc = parse_day(o->on, &day);
	if (rc)
		return rc;
	struct measure m;
	if ((rc = find(cli, o, name, true, &m)) != 0)
		return rc;
	cx_date period;
	enum store_rc src = measure_record(cli->st, m.id, day, clock_today(), value, o->correct,
					   clock_now(), &period);
	if (src != STORE_OK) {
		measure_free(&m);
		return cli_store_error(cli, src);
	}
	char v[64], p[32];
	measure_value_unit(&m, value, v, sizeof v);
	measure_period_text(m.frequency, period, p, sizeof p);
	int track = measure_on_track(&m, value);
	char *safe = text_printable_line(m.name);
	fprintf(cli->out, "%s: %s for %s%s%s.\n", safe, v, p, track < 0 ? "" : ", ",
		track < 0 ? "" : measure_track_word(track));
	free(safe);
	measure_free(&m);
	return 0;
}

/* --- import ---------------------------------------------------------------- */

struct import_row {
	store_id measure;
	cx_date day;
	double value;
	long line;
};

static int import_error(const char *file, long line, const char *fmt, const char *detail)
{
	char *safe = text_printable_line(file);
	char *d = detail ? text_printable_line(detail) : NULL;
	char msg[600];
	snprintf(msg, sizeof msg, fmt, d ? d : "");
	cli_report("%s:%ld: %s", safe, line, msg);
	free(safe);
	free(d);
	return EXIT_USAGE;
}

/* Reads every row first; writes nothing unless all are good, then all in one
 * transaction (a filled period refused there names the row too). */
static int import(struct cli *cli, const struct measure_opts *o, const char *file)
{
	FILE *fp = strcmp(file, "-") == 0 ? stdin : fopen(file, "r");
	if (!fp) {
		char *safe = text_printable_line(file);
		cli_report("cannot read %s: %s", safe, strerror(errno));
		free(safe);
		return EXIT_RUNTIME;
	}
	struct import_row *rows = NULL;
	size_t n = 0, cap = 0;
	struct csv_reader csv;
	char err_csv[256];
	long lineno = 1;
	int rc = 0, col_measure = -1, col_dept = -1, col_on = -1, col_value = -1;
	csv_open(&csv, fp);
	for (;;) {
		int got = csv_next(&csv, err_csv, sizeof err_csv);
		lineno = csv.line;
		if (got == 0)
			break;
		if (got < 0) {
			rc = import_error(file, lineno, "%s", err_csv);
			break;
		}
		bool utf8 = true;
		for (size_t i = 0; i < csv.nf; i++)
			utf8 = utf8 && text_valid_utf8(csv.fields[i], strlen(csv.fields[i]));
		if (!utf8) {
			rc = import_error(file, lineno, "the line is not UTF-8 text%s", NULL);
			break;
		}
		if (csv.nf == 1 && !*csv.fields[0])
			continue;
		char **f = csv.fields;
		int nf = (int)csv.nf;
		if (col_measure < 0) { /* the header */
			for (int i = 0; i < nf; i++) {
				if (text_ieq(f[i], "measure")) col_measure = i;
				else if (text_ieq(f[i], "department")) col_dept = i;
				else if (text_ieq(f[i], "on") || text_ieq(f[i], "period")) col_on = i;
				else if (text_ieq(f[i], "value")) col_value = i;
			}
			if (col_measure < 0 || col_on < 0 || col_value < 0)
				rc = import_error(file, lineno, "the first line names the columns: "
					"measure, on, value (and department when measures share a "
					"name)%s", NULL);
			if (rc)
				break;
			continue;
		}
		if (n == IMPORT_MAX_ROWS) {
			rc = import_error(file, lineno, "more than 100000 values in one file%s", NULL);
			break;
		}
		if (nf <= col_measure || nf <= col_on || nf <= col_value) {
			rc = import_error(file, lineno, "the row has fewer columns than the header%s",
					  NULL);
			break;
		}
		const char *dname = col_dept >= 0 && col_dept < nf && *f[col_dept] ? f[col_dept]
									       : o->dept;
		struct measure m;
		store_id dept = -1;
		if (dname) {
			struct dept d;
			enum store_rc drc = dept_find(cli->st, dname, &d);
			if (drc == STORE_NOTFOUND) {
				rc = import_error(file, lineno, "there is no department named '%s'", dname);
				break;
			}
			if (drc != STORE_OK) {
				rc = cli_store_error(cli, drc);
				break;
			}
			dept = d.id;
			dept_free(&d);
		}
		enum store_rc src = measure_lookup(cli->st, f[col_measure], dept, false, &m);
		if (src == STORE_NOTFOUND) {
			rc = import_error(file, lineno, "there is no measure named '%s' in use",
					  f[col_measure]);
			break;
		}
		if (src != STORE_OK) {
			rc = import_error(file, lineno, "%s", store_errmsg(cli->st));
			break;
		}
		store_id id = m.id;
		measure_free(&m);
		char err[256];
		double v;
		cx_date day;
		if (measure_value_parse(f[col_value], &v, err, sizeof err) != 0) {
			rc = import_error(file, lineno, "%s", err);
			break;
		}
		if (!date_parse_iso(f[col_on], &day)) {
			rc = import_error(file, lineno, "'%s' is not a date (YYYY-MM-DD)", f[col_on]);
			break;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			rows = xrealloc(rows, cap * sizeof *rows);
		}
		rows[n++] = (struct import_row){id, day, v, lineno};
	}
	csv_close(&csv);
	if (rc == 0 && col_measure < 0)
		rc = import_error(file, 1, "the file is empty: its first line names the columns "
					   "measure, on, value%s", NULL);
	if (fp != stdin)
		fclose(fp);
	enum store_rc src = rc == 0 ? store_begin(cli->st) : STORE_OK;
	if (rc == 0 && src != STORE_OK)
		rc = cli_store_error(cli, src);
	size_t i = 0;
	for (; rc == 0 && i < n; i++) {
		cx_date period;
		src = measure_record(cli->st, rows[i].measure, rows[i].day, clock_today(),
				     rows[i].value, o->correct, clock_now(), &period);
		if (src != STORE_OK)
			break;
	}
	if (rc == 0 && i < n) {
		char msg[300];
		snprintf(msg, sizeof msg, "%s; nothing was written", store_errmsg(cli->st));
		store_rollback(cli->st);
		import_error(file, rows[i].line, "%s", msg);
		rc = cli_exit_status(src);
	} else if (rc == 0) {
		if ((src = store_commit(cli->st)) != STORE_OK)
			rc = cli_store_error(cli, src);
		else
			fprintf(cli->out, "Imported %zu %s.\n", n, text_plural((long long)n, "value",
										 "values"));
	}
	free(rows);
	return rc;
}

/* --- the command ------------------------------------------------------------- */

static int measure_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct measure_opts o = {.format = OUT_PLAIN};
	int rc;
	if (!cli_parse(cmd, argc, argv, measure_opt, &o, &rc))
		return rc;
	static const char *const words[] = {"list", "add", "edit", "archive", "show", "set",
					    "import"};
	static const int operands[] = {0, 1, 1, 1, 1, 2, 1};
	static const struct cli_subcommand sub = {
		words, operands, ARRAY_SIZE(words),
		"'list', 'add NAME', 'edit NAME', 'archive NAME', 'show NAME', 'set NAME VALUE' or "
		"'import FILE'"};
	char **args;
	int a = cli_subcommand(cmd, argc, argv, &sub, &args, &rc);
	if (a < 0)
		return rc;
	bool defines = o.owner || o.unit || o.target || o.no_target || o.lower || o.higher ||
		       o.every;
	if ((defines && a != 1 && a != 2) || (o.kind && a > 2))
		return cli_usage_error(cmd, "--kind, --owner, --unit, --target, --every and "
				       "--lower/--higher-is-better go with 'add' or 'edit'");
	if (o.name && a != 2)
		return cli_usage_error(cmd, "--name goes with 'edit'");
	if ((o.on || o.correct) && a != 5 && !(o.correct && a == 6))
		return cli_usage_error(cmd, "--on and --correct go with 'set' (--correct with "
				       "'import' too)");
	if (o.all && a != 0)
		return cli_usage_error(cmd, "--all goes with 'list'");
	if (o.restore && a != 3)
		return cli_usage_error(cmd, "--restore goes with 'archive'");
	if (o.lower && o.higher)
		return cli_usage_error(cmd, "--lower-is-better or --higher-is-better, not both");
	if (o.target && o.no_target)
		return cli_usage_error(cmd, "--target or --no-target, not both");
	if ((rc = cli_open(cli)) != 0)
		return rc;
	switch (a) {
	case 0: return list(cli, &o);
	case 1: return add(cli, &o, args[0]);
	case 2: return edit(cli, &o, args[0]);
	case 3: return archive(cli, &o, args[0]);
	case 4: return show(cli, &o, args[0]);
	case 5: return set(cli, &o, args[0], args[1]);
	default: return import(cli, &o, args[0]);
	}
}

static const struct cli_opt measure_options[] = {
	{"kind", 'k', CLI_VALUE},
	{"dept", 'd', CLI_VALUE},
	{"owner", 'O', CLI_VALUE | CLI_LONG_ONLY},
	{"unit", 'u', CLI_VALUE | CLI_LONG_ONLY},
	{"target", 't', CLI_VALUE},
	{"no-target", 'T', CLI_LONG_ONLY},
	{"lower-is-better", 'l', 0},
	{"higher-is-better", 'H', CLI_LONG_ONLY},
	{"every", 'e', CLI_VALUE | CLI_LONG_ONLY},
	{"name", 'n', CLI_VALUE | CLI_LONG_ONLY},
	{"on", 'w', CLI_VALUE | CLI_LONG_ONLY},
	{"correct", 'c', CLI_LONG_ONLY},
	{"all", 'a', 0},
	{"restore", 'r', CLI_LONG_ONLY},
	{"format", 'f', CLI_VALUE},
	{0},
};

const struct cli_cmd cmd_measure = {
	.quiet_ok = true,
	.name = "measure",
	.summary = "the CX scorecard: measures against the success statement, and their values",
	.usage = "usage: cxmeet measure list [--kind success|kpi] [--dept DEPT] [--all]\n"
		 "                           [--format plain|json|csv]\n"
		 "       cxmeet measure add NAME [--kind success|kpi] [--dept DEPT]\n"
		 "                  [--owner PERSON] [--unit UNIT] [--target N]\n"
		 "                  [--lower-is-better] [--every FREQUENCY]\n"
		 "       cxmeet measure edit NAME [--name NEW] [options of add]\n"
		 "                  [--no-target] [--higher-is-better]\n"
		 "       cxmeet measure archive NAME [--restore]\n"
		 "       cxmeet measure show NAME [--format plain|json|csv]\n"
		 "       cxmeet measure set NAME VALUE [--on DATE] [--correct]\n"
		 "       cxmeet measure import FILE [--correct]\n"
		 "\n"
		 "The scorecard's measures: those of the success statement (--kind success,\n"
		 "the default) and each department's KPIs (--kind kpi, with --dept), each\n"
		 "with an owner, a target, the direction that is better, and how often it\n"
		 "is read: each meeting (the default), weekly, monthly or quarterly. A\n"
		 "value is one a period, kept under the period's first day (the day, its\n"
		 "Monday, its month's or its quarter's first); a period that has a value\n"
		 "refuses a second unless --correct, and every value entered is kept.\n"
		 "list shows the last value of each and whether it is on track; show one\n"
		 "measure with its trend and every value; archive keeps the values. NAME\n"
		 "is matched without regard to case; --dept picks it among departments.\n"
		 "import reads CSV with a header naming the columns measure, on (the\n"
		 "day: YYYY-MM-DD) and value, and department when names are shared; a\n"
		 "bad row is reported as FILE:LINE and nothing is written.\n"
		 "\n"
		 "  -k, --kind KIND        success (the default) or kpi\n"
		 "  -d, --dept DEPT        the measure's department\n"
		 "      --owner PERSON     who owns it ('' for nobody)\n"
		 "      --unit UNIT        what the value counts: %, days, points...\n"
		 "  -t, --target N         the value it should reach (or stay within)\n"
		 "      --no-target        no target\n"
		 "  -l, --lower-is-better  less is better (complaints, days to refund)\n"
		 "      --higher-is-better more is better (the default)\n"
		 "      --every F          meeting, weekly, monthly or quarterly\n"
		 "      --name NEW         its new name\n"
		 "      --on DATE          the day the value is for (default: today)\n"
		 "      --correct          replace the value of a period that has one\n"
		 "  -a, --all              archived measures too\n"
		 "      --restore          take an archived measure back in use\n"
		 "  -f, --format F         plain (the default), json or csv\n"
		 "  -q, --quiet            print nothing on success\n",
	.opts = measure_options,
	.operands = CLI_ANY,
	.run = measure_run,
};
