/* cmd_cadence.c - `cxmeet cadence`: is the council keeping its cadence, and
 * who takes part. A summary and four tables (timeline, departments, agenda
 * steps, meetings), as plain text, one JSON object, or one table as CSV. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/meeting.h"
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

/* Starts a row, its first cell the council's name when the table has one. */
static void row(struct table *t, const char *council)
{
	table_row(t);
	if (council)
		table_cell(t, council);
}

static const struct table_col summary_cols[] = {
	{"council", COL_TEXT, false},
	{"cadence", COL_TEXT, false},     {"grace_days", COL_INT, true},
	{"meeting_days", COL_INT, true},  {"first_meeting_on", COL_TEXT, false},
	{"last_meeting_on", COL_TEXT, false}, {"next_due_on", COL_TEXT, false},
	{"days_late", COL_INT, true},     {"recent_intervals", COL_INT, true},
	{"recent_on_time", COL_INT, true}, {"on_time_pct", COL_INT, true},
	{"streak", COL_INT, true},        {"longest_gap_days", COL_INT, true},
	{"longest_gap_from_on", COL_TEXT, false}, {"longest_gap_to_on", COL_TEXT, false},
};

static void fill_summary(struct table *t, const struct cadence_summary *s, cx_date today,
			 const char *council)
{
	char cad[48];
	cadence_format(&s->cadence, cad, sizeof cad);
	row(t, council);
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
	{"council", COL_TEXT, false},
	{"from_on", COL_TEXT, false}, {"to_on", COL_TEXT, false}, {"due_on", COL_TEXT, false},
	{"days", COL_INT, true},   {"judged", COL_BOOL, false}, {"on_time", COL_BOOL, false},
};

static void fill_timeline(struct table *t, const struct cadence_summary *s, cx_date today,
			  const char *council)
{
	for (size_t i = 0; i < s->n_iv; i++) {
		const struct cadence_interval *v = &s->iv[i];
		row(t, council);
		cell_date(t, v->from);
		cell_date(t, v->to);
		cell_date(t, v->due);
		table_cell_int(t, (v->to != DATE_NONE ? v->to : today) - v->from);
		table_cell_bool(t, v->judged);
		table_cell_bool(t, v->on_time);
	}
}

static const struct table_col dept_cols[] = {
	{"council", COL_TEXT, false},
	{"department", COL_TEXT, false}, {"customer_facing", COL_BOOL, false},
	{"attended", COL_INT, true},     {"of", COL_INT, true},
	{"actions", COL_INT, true},      {"on_time_pct", COL_INT, true},
	{"overdue", COL_INT, true},      {"wins", COL_INT, true},
	{"silo_watch", COL_BOOL, false}, {"absent_but_handed_actions", COL_BOOL, false},
};

static void fill_depts(struct table *t, const struct cadence_report *r, const char *council)
{
	for (size_t i = 0; i < r->n_depts; i++) {
		const struct dept_line *l = &r->depts[i];
		row(t, council);
		table_cell(t, l->dept->name);
		table_cell_bool(t, !l->dept->behind);
		table_cell_int(t, l->attended);
		table_cell_int(t, (long long)r->n_meetings);
		table_cell_int(t, l->actions);
		cell_percent(t, l->on_time, l->judged);
		table_cell_int(t, l->overdue);
		table_cell_int(t, l->wins);
		table_cell_bool(t, l->silo);
		table_cell_bool(t, l->absent_handed);
	}
}

static const struct table_col step_cols[] = {
	{"council", COL_TEXT, false},
	{"step", COL_TEXT, false},         {"held", COL_INT, true},
	{"planned_min", COL_INT, true},    {"actual_min", COL_INT, true},
	{"overran", COL_INT, true},        {"overrun_min", COL_INT, true},
	{"usually_over", COL_BOOL, false},
};

static void fill_steps(struct table *t, const struct cadence_report *r, const char *council)
{
	for (size_t i = 0; i < r->n_steps; i++) {
		const struct step_line *l = &r->steps[i];
		row(t, council);
		table_cell(t, l->title);
		table_cell_int(t, l->held);
		table_cellf(t, "%.1f", l->planned_avg);
		table_cellf(t, "%.1f", l->actual_avg);
		table_cell_int(t, l->overran);
		if (l->overran)
			table_cellf(t, "%.1f", l->overrun_avg);
		else
			table_cell(t, NULL); /* never over: no average to speak of */
		table_cell_bool(t, l->usually_over);
	}
}

static const struct table_col meeting_cols[] = {
	{"council", COL_TEXT, false},
	{"meeting_id", COL_INT, true},  {"held_on", COL_TEXT, false},
	{"rating", COL_INT, true},   {"ratings", COL_INT, true},
	{"rating_avg", COL_INT, true}, {"rating_min", COL_INT, true},
	{"rating_max", COL_INT, true}, {"actions", COL_INT, true},
	{"on_time_pct", COL_INT, true}, {"steps", COL_INT, true},
	{"overran", COL_INT, true},
};

static void fill_meetings(struct table *t, const struct cadence_report *r, const char *council)
{
	for (size_t i = 0; i < r->n_meetings; i++) {
		const struct meeting_line *l = &r->meetings[i];
		row(t, council);
		table_cell_int(t, (long long)l->id);
		cell_date(t, l->day);
		if (l->rating)
			table_cell_int(t, l->rating);
		else
			table_cell(t, NULL);
		/* the members' ratings: how many, their average and spread */
		table_cell_int(t, l->members.n);
		if (l->members.n) {
			table_cellf(t, "%.1f", rating_average(&l->members));
			table_cell_int(t, l->members.lo);
			table_cell_int(t, l->members.hi);
		} else {
			table_cell(t, NULL);
			table_cell(t, NULL);
			table_cell(t, NULL);
		}
		table_cell_int(t, l->actions);
		cell_percent(t, l->on_time, l->judged);
		table_cell_int(t, l->steps);
		table_cell_int(t, l->overran);
	}
}

/* Starts table `which`: with a first column "council" when across. */
static void init_table(struct table *t, enum cadence_table which, bool across)
{
	static const struct {
		const struct table_col *cols;
		size_t n;
	} all[TABLE_COUNT] = {
		{summary_cols, ARRAY_SIZE(summary_cols)},   {timeline_cols, ARRAY_SIZE(timeline_cols)},
		{dept_cols, ARRAY_SIZE(dept_cols)},         {step_cols, ARRAY_SIZE(step_cols)},
		{meeting_cols, ARRAY_SIZE(meeting_cols)},
	};
	table_init(t, all[which].cols + !across, all[which].n - !across);
}

/* Appends the rows of table `which` of r, each naming council (NULL: the
 * table has no council column). */
static void fill(struct table *t, enum cadence_table which, const struct cadence_report *r,
		 cx_date today, const char *council)
{
	switch (which) {
	case TABLE_SUMMARY:
		fill_summary(t, &r->sum, today, council);
		break;
	case TABLE_TIMELINE:
		fill_timeline(t, &r->sum, today, council);
		break;
	case TABLE_STEPS:
		fill_steps(t, r, council);
		break;
	case TABLE_MEETINGS:
		fill_meetings(t, r, council);
		break;
	case TABLE_DEPARTMENTS:
	default:
		fill_depts(t, r, council);
		break;
	}
}

/* Table `which` of r alone, without a council column. */
static void fill_one(struct table *t, enum cadence_table which, const struct cadence_report *r,
		     cx_date today)
{
	init_table(t, which, false);
	fill(t, which, r, today, NULL);
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

/* The report in plain text: the summary and every table, or one table. */
static void plain_report(const struct cadence_report *r, int only, cx_date today,
			 struct strbuf *sb)
{
	if (only == TABLE_ALL)
		plain_summary(r, today, sb);
	for (int k = TABLE_SUMMARY; k < TABLE_COUNT; k++) {
		if (only == TABLE_ALL ? k == TABLE_SUMMARY || k == TABLE_TIMELINE : k != only)
			continue;
		struct table t;
		fill_one(&t, (enum cadence_table)k, r, today);
		if (only == TABLE_ALL) {
			sb_addf(sb, "\n%s", plain_titles[k]);
			if ((k == TABLE_DEPARTMENTS || k == TABLE_STEPS) && r->n_meetings == 1)
				sb_add(sb, " the last meeting");
			else if (k == TABLE_DEPARTMENTS || k == TABLE_STEPS)
				sb_addf(sb, " the last %zu meetings", r->n_meetings);
			sb_add(sb, ":\n");
		}
		table_render(&t, OUT_PLAIN, sb);
		table_free(&t);
	}
}

/* One JSON object: the council's name (across councils), the summary's
 * fields, then one array per table; `indent` before each of its lines. */
static void json_report(const struct cadence_report *r, cx_date today, const char *council,
			const char *indent, struct strbuf *out)
{
	struct strbuf sb;
	sb_init(&sb);
	struct table t;
	fill_one(&t, TABLE_SUMMARY, r, today);
	table_render(&t, OUT_JSON, &sb);
	table_free(&t);
	/* "[\n  {...}\n]\n" -> "{ ...," : the summary row's fields open the object */
	char *s = sb_take(&sb);
	char *open = strchr(s, '{'), *close = strrchr(s, '}');
	sb_add(&sb, "{\n  ");
	if (council) {
		json_string(&sb, "council");
		sb_add(&sb, ": ");
		json_string(&sb, council);
		sb_add(&sb, ",\n  ");
	}
	sb_addn(&sb, open + 1, (size_t)(close - open - 1));
	free(s);
	sb_addf(&sb, ",\n  \"window\": %zu", r->n_meetings);
	for (int k = TABLE_TIMELINE; k < TABLE_COUNT; k++) {
		fill_one(&t, (enum cadence_table)k, r, today);
		sb_addf(&sb, ",\n  \"%s\": ", table_names[k]);
		size_t at = sb.len;
		table_render(&t, OUT_JSON, &sb);
		table_free(&t);
		while (sb.len > at && sb.s[sb.len - 1] == '\n')
			sb.s[--sb.len] = '\0';
	}
	sb_add(&sb, "\n}");
	for (const char *line = sb.s, *nl; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		sb_add(out, indent);
		if (!nl) {
			sb_add(out, line);
			break;
		}
		sb_addn(out, line, (size_t)(nl - line + 1));
	}
	sb_free(&sb);
}

static int put(struct cli *cli, struct strbuf *sb)
{
	int rc = 0;
	if (fputs(sb->s ? sb->s : "", cli->out) == EOF || fflush(cli->out) != 0)
		rc = cli_output_error(cli, errno);
	sb_free(sb);
	sb_init(sb);
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
	bool across; /* --all-councils */
};

static int cadence_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct cadence_opts *o = ctx;
	switch (key) {
	case 'n': return parse_window(cmd, value, &o->window);
	case 'f': return cli_format(cmd, value, OUT_TABLES, &o->format);
	case 't': return parse_table(cmd, value, &o->only);
	case 'A': o->across = true; return 0;
	}
	return 0;
}

/* What one report is printed into: the text so far, or the one table that
 * gathers every council's rows. */
struct cadence_out {
	const struct cadence_opts *o;
	cx_date today;
	struct table t; /* one table (CSV, or --table in JSON): every council's rows */
	bool table;
	struct strbuf sb;
};

/* Loads the report of the council open and adds it to out: council is its
 * name across councils (NULL: the council open alone). */
static int one_council(struct cli *cli, const char *council, size_t i, void *ctx)
{
	struct cadence_out *c = ctx;
	struct cadence_report r;
	enum store_rc src = cadence_report_load(cli->st, c->o->window, c->today, &r);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	int rc = 0;
	if (c->table) {
		fill(&c->t, (enum cadence_table)c->o->only, &r, c->today, council);
	} else if (c->o->format == OUT_JSON) {
		if (council)
			sb_add(&c->sb, i ? ",\n" : "[\n");
		json_report(&r, c->today, council, council ? "  " : "", &c->sb);
		if (!council)
			sb_add(&c->sb, "\n");
	} else {
		if (council)
			sb_addf(&c->sb, "%sCouncil %s\n\n", i ? "\n" : "", council);
		plain_report(&r, c->o->only, c->today, &c->sb);
		rc = put(cli, &c->sb); /* each council as it is read */
	}
	cadence_report_free(&r);
	return rc;
}

static int cadence_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct cadence_opts o = {REPORT_WINDOW_DEFAULT, OUT_PLAIN, TABLE_ALL, false};
	int rc;
	if (!cli_parse(cmd, argc, argv, cadence_opt, &o, &rc))
		return rc;
	if (o.format == OUT_CSV && o.only == TABLE_ALL)
		o.only = TABLE_DEPARTMENTS; /* CSV is one table */
	struct cadence_out c = {.o = &o, .today = clock_today()};
	c.table = o.format != OUT_PLAIN && o.only != TABLE_ALL;
	sb_init(&c.sb);
	if (c.table)
		init_table(&c.t, (enum cadence_table)o.only, o.across);
	if (o.across) {
		rc = cli_each_council(cli, one_council, &c);
		if (rc == 0 && !c.table && o.format == OUT_JSON)
			sb_add(&c.sb, c.sb.len ? "\n]\n" : "[]\n");
	} else if ((rc = cli_open(cli)) == 0) {
		rc = one_council(cli, NULL, 0, &c);
	}
	if (rc == 0 && c.table)
		rc = cli_table_out(cli, &c.t, o.format);
	else if (rc == 0)
		rc = put(cli, &c.sb);
	if (c.table)
		table_free(&c.t);
	sb_free(&c.sb);
	return rc;
}

static const struct cli_opt cadence_options[] = {
	{"meetings", 'n', CLI_VALUE | CLI_LONG_ONLY},
	{"format", 'f', CLI_VALUE},
	{"table", 't', CLI_VALUE | CLI_LONG_ONLY},
	{"all-councils", 'A', CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_cadence = {
	.paged = true,
	.name = "cadence",
	.summary = "is the council keeping its cadence, and which departments take part",
	.usage = "usage: cxmeet cadence [--meetings N] [--format plain|json|csv] [--table TABLE]\n"
		 "                      [--all-councils]\n"
		 "\n"
		 "Prints the cadence and how well it is kept: the next due date, the\n"
		 "intervals held on time among the last 12, the current streak, the\n"
		 "longest gap and a timeline; then, over the last N completed meetings,\n"
		 "each department's attendance, actions, share done on time, overdue\n"
		 "actions, wins and the silo watch (silent in each of the last three\n"
		 "meetings); the agenda steps against their plan (how often each ran\n"
		 "over, by how much on average, and which usually do); and each meeting's\n"
		 "rating (with the members' average, lowest and highest when they\n"
		 "rated it), actions done on time and steps that overran.\n"
		 "\n"
		 "      --meetings N   the meetings to look back over (3 to 52, default 6)\n"
		 "  -f, --format F     plain (default), json (one object with every\n"
		 "                     table) or csv (one table, departments by default)\n"
		 "      --table TABLE  print only summary, timeline, departments, steps\n"
		 "                     or meetings\n"
		 "      --all-councils the report of every council the role may read:\n"
		 "                     each under its name (plain), an array of objects\n"
		 "                     each naming its council (json), or one table with\n"
		 "                     a first column council (csv, --table)\n",
	.opts = cadence_options,
	.run = cadence_run,
};
