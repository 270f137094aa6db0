/* cmd_cadence.c - `cxmeet cadence`: is the council keeping its cadence, and
 * who takes part. A summary and four tables (timeline, departments, agenda
 * steps, meetings), as plain text, one JSON object, or one table as CSV. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/report.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

enum cadence_table { TABLE_ALL = -1, TABLE_SUMMARY, TABLE_TIMELINE, TABLE_DEPARTMENTS,
		     TABLE_STEPS, TABLE_MEETINGS, TABLE_COUNT };

static const char *const table_names[TABLE_COUNT] = {"summary", "timeline", "departments",
						     "steps", "meetings"};

static void cell_date(struct table *t, cx_date d)
{
	char buf[16];
	if (d == DATE_NONE) {
		table_cell(t, NULL);
		return;
	}
	date_format(d, buf, sizeof buf);
	table_cell(t, buf);
}

/* A percentage cell; no value when there is nothing to judge. */
static void cell_percent(struct table *t, int num, int den)
{
	int p = report_percent(num, den);
	if (p < 0)
		table_cell(t, NULL);
	else
		table_cell_int(t, p);
}

static const struct table_col summary_cols[] = {
	{"cadence", COL_TEXT, false},     {"grace_days", COL_INT, true},
	{"meeting_days", COL_INT, true},  {"first_meeting", COL_TEXT, false},
	{"last_meeting", COL_TEXT, false}, {"next_due", COL_TEXT, false},
	{"days_late", COL_INT, true},     {"recent_intervals", COL_INT, true},
	{"recent_on_time", COL_INT, true}, {"on_time_pct", COL_INT, true},
	{"streak", COL_INT, true},        {"longest_gap_days", COL_INT, true},
	{"longest_gap_from", COL_TEXT, false}, {"longest_gap_to", COL_TEXT, false},
};

static void fill_summary(struct table *t, const struct cadence_summary *s, cx_date today)
{
	char cad[48];
	cadence_format(&s->cadence, cad, sizeof cad);
	table_init(t, summary_cols, ARRAY_SIZE(summary_cols));
	table_row(t);
	table_cell(t, cad);
	table_cell_int(t, s->grace);
	table_cell_int(t, (long long)s->n_days);
	cell_date(t, s->first);
	cell_date(t, s->last);
	cell_date(t, s->next_due);
	table_cell_int(t, s->days_late);
	table_cell_int(t, s->recent_judged);
	table_cell_int(t, s->recent_on_time);
	cell_percent(t, s->recent_on_time, s->recent_judged);
	table_cell_int(t, s->streak);
	table_cell_int(t, s->longest_gap);
	cell_date(t, s->gap_from);
	if (s->gap_from != DATE_NONE && s->gap_to == DATE_NONE)
		cell_date(t, today);
	else
		cell_date(t, s->gap_to);
}

static const struct table_col timeline_cols[] = {
	{"from", COL_TEXT, false}, {"to", COL_TEXT, false}, {"due", COL_TEXT, false},
	{"days", COL_INT, true},   {"judged", COL_BOOL, false}, {"on_time", COL_BOOL, false},
};

static void fill_timeline(struct table *t, const struct cadence_summary *s, cx_date today)
{
	table_init(t, timeline_cols, ARRAY_SIZE(timeline_cols));
	for (size_t i = 0; i < s->n_iv; i++) {
		const struct cadence_interval *v = &s->iv[i];
		table_row(t);
		cell_date(t, v->from);
		cell_date(t, v->to);
		cell_date(t, v->due);
		table_cell_int(t, (v->to != DATE_NONE ? v->to : today) - v->from);
		table_cell_bool(t, v->judged);
		table_cell_bool(t, v->on_time);
	}
}

static const struct table_col dept_cols[] = {
	{"department", COL_TEXT, false}, {"facing", COL_TEXT, false},
	{"attended", COL_INT, true},     {"of", COL_INT, true},
	{"actions", COL_INT, true},      {"on_time_pct", COL_INT, true},
	{"overdue", COL_INT, true},      {"wins", COL_INT, true},
	{"silo_watch", COL_BOOL, false},
};

static void fill_depts(struct table *t, const struct cadence_report *r)
{
	table_init(t, dept_cols, ARRAY_SIZE(dept_cols));
	for (size_t i = 0; i < r->n_depts; i++) {
		const struct dept_line *l = &r->depts[i];
		table_row(t);
		table_cell(t, l->dept->name);
		table_cell(t, l->dept->behind ? "behind" : "customer");
		table_cell_int(t, l->attended);
		table_cell_int(t, (long long)r->n_meetings);
		table_cell_int(t, l->actions);
		cell_percent(t, l->on_time, l->judged);
		table_cell_int(t, l->overdue);
		table_cell_int(t, l->wins);
		table_cell_bool(t, l->silo);
	}
}

static const struct table_col step_cols[] = {
	{"step", COL_TEXT, false},         {"held", COL_INT, true},
	{"planned_min", COL_INT, true},    {"actual_min", COL_INT, true},
	{"overran", COL_INT, true},
};

static void fill_steps(struct table *t, const struct cadence_report *r)
{
	table_init(t, step_cols, ARRAY_SIZE(step_cols));
	for (size_t i = 0; i < r->n_steps; i++) {
		const struct step_line *l = &r->steps[i];
		table_row(t);
		table_cell(t, l->title);
		table_cell_int(t, l->held);
		table_cellf(t, "%.1f", l->planned_avg);
		table_cellf(t, "%.1f", l->actual_avg);
		table_cell_int(t, l->overran);
	}
}

static const struct table_col meeting_cols[] = {
	{"meeting", COL_INT, true},  {"date", COL_TEXT, false},
	{"rating", COL_INT, true},   {"actions", COL_INT, true},
	{"on_time_pct", COL_INT, true}, {"steps", COL_INT, true},
	{"overran", COL_INT, true},
};

static void fill_meetings(struct table *t, const struct cadence_report *r)
{
	table_init(t, meeting_cols, ARRAY_SIZE(meeting_cols));
	for (size_t i = 0; i < r->n_meetings; i++) {
		const struct meeting_line *l = &r->meetings[i];
		table_row(t);
		table_cell_int(t, (long long)l->id);
		cell_date(t, l->day);
		if (l->rating)
			table_cell_int(t, l->rating);
		else
			table_cell(t, NULL);
		table_cell_int(t, l->actions);
		cell_percent(t, l->on_time, l->judged);
		table_cell_int(t, l->steps);
		table_cell_int(t, l->overran);
	}
}

static void fill(struct table *t, enum cadence_table which, const struct cadence_report *r,
		 cx_date today)
{
	switch (which) {
	case TABLE_SUMMARY:
		fill_summary(t, &r->sum, today);
		break;
	case TABLE_TIMELINE:
		fill_timeline(t, &r->sum, today);
		break;
	case TABLE_STEPS:
		fill_steps(t, r);
		break;
	case TABLE_MEETINGS:
		fill_meetings(t, r);
		break;
	case TABLE_DEPARTMENTS:
	default:
		fill_depts(t, r);
		break;
	}
}

/* "next due 2026-11-30, in 7 days" / "next was due ...: 3 days late". */
static void due_text(const struct cadence_summary *s, cx_date today, struct strbuf *sb)
{
	char due[80];
	next_due_text(s->next_due, today, due, sizeof due);
	sb_addf(sb, "next %s", due);
}

/* The intervals that the on-time share counts, and the open one after
 * them, as marks: on time, late, not yet judged. */
static void timeline_marks(const struct cadence_summary *s, struct strbuf *sb)
{
	for (size_t i = s->recent_from; i < s->n_iv; i++)
		sb_add(sb, !s->iv[i].judged ? "·" : s->iv[i].on_time ? "●" : "○");
}

static void plain_summary(const struct cadence_report *r, cx_date today, struct strbuf *sb)
{
	const struct cadence_summary *s = &r->sum;
	char cad[48], a[16], b[16];
	cadence_format(&s->cadence, cad, sizeof cad);
	sb_addf(sb, "Cadence: %s (grace %d %s)\n", cad, s->grace,
		text_plural(s->grace, "day", "days"));
	if (s->n_days == 0) {
		sb_add(sb, "No meeting held yet; ");
		due_text(s, today, sb);
		sb_add(sb, ".\n");
		return;
	}
	date_format(s->first, a, sizeof a);
	date_format(s->last, b, sizeof b);
	sb_addf(sb, "Meeting days held: %zu, %s to %s; ", s->n_days, a, b);
	due_text(s, today, sb);
	sb_add(sb, ".\n");
	int pct = report_percent(s->recent_on_time, s->recent_judged);
	if (pct < 0)
		sb_add(sb, "On time: no interval to judge yet.\n");
	else
		sb_addf(sb, "On time: %d of the last %d %s (%d%%).\n", s->recent_on_time,
			s->recent_judged, text_plural(s->recent_judged, "interval", "intervals"), pct);
	sb_addf(sb, "Streak: %d on time in a row.\n", s->streak);
	if (s->longest_gap > 0) {
		date_format(s->gap_from, a, sizeof a);
		date_format(s->gap_to == DATE_NONE ? today : s->gap_to, b, sizeof b);
		sb_addf(sb, "Longest gap: %d %s (%s to %s%s).\n", s->longest_gap,
			text_plural(s->longest_gap, "day", "days"), a, b,
			s->gap_to == DATE_NONE ? ", still open" : "");
	}
	sb_add(sb, "Timeline (● on time, ○ late, · not yet due): ");
	timeline_marks(s, sb);
	sb_add(sb, "\n");
}

static const char *const plain_titles[TABLE_COUNT] = {"", "Intervals", "Departments over",
						      "Agenda steps over",
						      "Meetings, newest first"};

static int write_plain(struct cli *cli, const struct cadence_report *r, int only, cx_date today)
{
	struct strbuf sb;
	sb_init(&sb);
	if (only == TABLE_ALL)
		plain_summary(r, today, &sb);
	for (int k = TABLE_SUMMARY; k < TABLE_COUNT; k++) {
		if (only == TABLE_ALL ? k == TABLE_SUMMARY || k == TABLE_TIMELINE : k != only)
			continue;
		struct table t;
		fill(&t, (enum cadence_table)k, r, today);
		if (only == TABLE_ALL) {
			sb_addf(&sb, "\n%s", plain_titles[k]);
			if ((k == TABLE_DEPARTMENTS || k == TABLE_STEPS) && r->n_meetings == 1)
				sb_add(&sb, " the last meeting");
			else if (k == TABLE_DEPARTMENTS || k == TABLE_STEPS)
				sb_addf(&sb, " the last %zu meetings", r->n_meetings);
			sb_add(&sb, ":\n");
		}
		table_render(&t, OUT_PLAIN, &sb);
		table_free(&t);
	}
	int rc = 0;
	if (fputs(sb.s ? sb.s : "", cli->out) == EOF || fflush(cli->out) != 0)
		rc = cli_output_error(cli, errno);
	sb_free(&sb);
	return rc;
}

/* One JSON object: the summary's fields, then one array per table. */
static int write_json(struct cli *cli, const struct cadence_report *r, cx_date today)
{
	struct strbuf sb;
	sb_init(&sb);
	struct table t;
	fill_summary(&t, &r->sum, today);
	table_render(&t, OUT_JSON, &sb);
	table_free(&t);
	/* "[\n  {...}\n]\n" -> "{ ...," : the summary row's fields open the object */
	char *s = sb_take(&sb);
	char *open = strchr(s, '{'), *close = strrchr(s, '}');
	sb_add(&sb, "{\n  ");
	sb_addn(&sb, open + 1, (size_t)(close - open - 1));
	free(s);
	sb_addf(&sb, ",\n  \"window\": %zu", r->n_meetings);
	for (int k = TABLE_TIMELINE; k < TABLE_COUNT; k++) {
		fill(&t, (enum cadence_table)k, r, today);
		sb_addf(&sb, ",\n  \"%s\": ", table_names[k]);
		size_t at = sb.len;
		table_render(&t, OUT_JSON, &sb);
		table_free(&t);
		while (sb.len > at && sb.s[sb.len - 1] == '\n')
			sb.s[--sb.len] = '\0';
	}
	sb_add(&sb, "\n}\n");
	int rc = 0;
	if (fputs(sb.s, cli->out) == EOF || fflush(cli->out) != 0)
		rc = cli_output_error(cli, errno);
	sb_free(&sb);
	return rc;
}

static int parse_window(const struct cli_cmd *cmd, const char *arg, size_t *n)
{
	char *end;
	long v = strtol(arg, &end, 10);
	if (!*arg || *end || v < REPORT_WINDOW_MIN || v > REPORT_WINDOW_MAX)
		return cli_usage_error(cmd, "--meetings takes a number from %d to %d",
				       REPORT_WINDOW_MIN, REPORT_WINDOW_MAX);
	*n = (size_t)v;
	return 0;
}

static int parse_table(const struct cli_cmd *cmd, const char *arg, int *which)
{
	for (int k = 0; k < TABLE_COUNT; k++) {
		if (strcmp(arg, table_names[k]) == 0) {
			*which = k;
			return 0;
		}
	}
	char *safe = text_printable(arg);
	int rc = cli_usage_error(cmd, "unknown table '%s' (use summary, timeline, departments, "
				      "steps or meetings)", safe);
	free(safe);
	return rc;
}

struct cadence_opts {
	size_t window;
	enum out_format format;
	int only; /* a table, or TABLE_ALL */
};

static int cadence_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct cadence_opts *o = ctx;
	switch (key) {
	case 'n': return parse_window(cmd, value, &o->window);
	case 'f': return cli_format(cmd, value, OUT_TABLES, &o->format);
	case 't': return parse_table(cmd, value, &o->only);
	}
	return 0;
}

static int cadence_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct cadence_opts o = {REPORT_WINDOW_DEFAULT, OUT_PLAIN, TABLE_ALL};
	int rc;
	if (!cli_parse(cmd, argc, argv, cadence_opt, &o, &rc))
		return rc;
	enum out_format f = o.format;
	int only = o.only;
	if (f == OUT_CSV && only == TABLE_ALL)
		only = TABLE_DEPARTMENTS; /* CSV is one table */
	if ((rc = cli_open(cli)) != 0)
		return rc;
	cx_date today = clock_today();
	struct cadence_report r;
	enum store_rc src = cadence_report_load(cli->st, o.window, today, &r);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	if (f == OUT_PLAIN)
		rc = write_plain(cli, &r, only, today);
	else if (f == OUT_JSON && only == TABLE_ALL)
		rc = write_json(cli, &r, today);
	else {
		struct table t;
		fill(&t, (enum cadence_table)only, &r, today);
		rc = cli_table_out(cli, &t, f);
		table_free(&t);
	}
	cadence_report_free(&r);
	return rc;
}

static const struct cli_opt cadence_options[] = {
	{"meetings", 'n', CLI_VALUE},
	{"format", 'f', CLI_VALUE},
	{"table", 't', CLI_VALUE},
	{0},
};

const struct cli_cmd cmd_cadence = {
	.name = "cadence",
	.summary = "is the council keeping its cadence, and which departments take part",
	.usage = "usage: cxmeet cadence [--meetings N] [--format plain|json|csv] [--table TABLE]\n"
		 "\n"
		 "Prints the cadence and how well it is kept: the next due date, the\n"
		 "intervals held on time among the last 12, the current streak, the\n"
		 "longest gap and a timeline; then, over the last N completed meetings,\n"
		 "each department's attendance, actions, share done on time, overdue\n"
		 "actions, wins and the silo watch (silent in each of the last three\n"
		 "meetings); the agenda steps against their plan; and each meeting's\n"
		 "rating, actions done on time and steps that overran.\n"
		 "\n"
		 "  -n, --meetings N   the meetings to look back over (3 to 52, default 6)\n"
		 "  -f, --format F     plain (default), json (one object with every\n"
		 "                     table) or csv (one table, departments by default)\n"
		 "  -t, --table TABLE  print only summary, timeline, departments, steps\n"
		 "                     or meetings\n",
	.opts = cadence_options,
	.run = cadence_run,
};
