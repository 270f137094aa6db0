/* cmd_decisions.c - `cxmeet decisions`: the decision log (those due for a
 * revisit first, then the rest newest first), as a readable list or as a JSON
 * or CSV table. Rows are read and written a page at a time, in every format, so ten years of decisions cost no more
 * memory than one page. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/dates.h"
#include "cxmeet/decisions.h"
#include "cxmeet/names.h"
#include "cxmeet/search.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

#define PAGE 2000
/* The rationale's line in the plain list is cut to this many columns. */
#define WHY_COLS 70

/* The columns; "council" first with --all-councils only (decision_cols + 1
 * without it). */
static const struct table_col decision_cols[] = {
	{"council", COL_TEXT, false},
	{"id", COL_INT, true},
	{"decided_on", COL_TEXT, false},
	{"revisit_on", COL_TEXT, false},
	{"revisit_due", COL_BOOL, false},
	{"department", COL_TEXT, false},
	{"decided_by", COL_TEXT, false},
	{"superseded_by", COL_INT, true},
	{"links", COL_INT, true},
	{"text", COL_TEXT, false},
	{"rationale", COL_TEXT, false},
};

/* The day the decision was taken: its meeting's, else when it was recorded. */
static void decision_date(const struct decision_row *r, char *buf, size_t len)
{
	date_format(decision_day(r->meeting_at, r->created_at), buf, len);
}

static void table_add(struct table *t, const struct decision_row *r, bool all,
		      const char *council)
{
	char date[16], rev[16];
	decision_date(r, date, sizeof date);
	table_row(t);
	if (all)
		table_cell(t, r->council ? r->council : council);
	table_cell_int(t, (long long)r->id);
	table_cell(t, date);
	if (r->revisit != DATE_NONE) {
		date_format(r->revisit, rev, sizeof rev);
		table_cell(t, rev);
	} else {
		table_cell(t, NULL);
	}
	table_cell_bool(t, r->due);
	table_cell(t, r->dept_name);
	table_cell(t, r->decider);
	if (r->superseded_by)
		table_cell_int(t, (long long)r->superseded_by);
	else
		table_cell(t, NULL);
	table_cell_int(t, r->links);
	table_cell(t, r->text);
	table_cell(t, r->rationale);
}

/* s on one line, safe for a terminal: control characters and line breaks
 * become '?' or spaces, and it is cut to `cols` columns with an ellipsis
 * (0: not cut). Caller frees. */
static char *one_line(const char *s, int cols)
{
	char *p = text_printable(s ? s : "");
	for (char *q = p; *q; q++)
		if (*q == '\n' || *q == '\t' || *q == '\r')
			*q = ' ';
	if (cols <= 0 || text_width(p) <= cols)
		return p;
	/* Cut between clusters, leaving a column for the ellipsis. */
	size_t end = text_fit(p, strlen(p), cols - 1, NULL);
	p[end] = '\0';
	char *out = xasprintf("%s…", p);
	free(p);
	return out;
}

/* Appends one_line(s, cols). Printable ASCII (most text) is its own line,
 * a column a byte: written as it is, or cut to cols - 1 bytes and the
 * ellipsis, without a copy or a width lookup. */
static void add_line(struct strbuf *sb, const char *s, int cols)
{
	size_t len = strlen(s);
	if (text_printable_ascii(s, len) == len) {
		if (cols > 0 && len > (size_t)cols) {
			sb_addn(sb, s, (size_t)cols - 1);
			sb_add(sb, "…");
		} else {
			sb_addn(sb, s, len);
		}
		return;
	}
	char *line = one_line(s, cols);
	sb_add(sb, line);
	free(line);
}

/* One decision as a short block that fits 80 columns: a heading line
 * (number, date, department, who decided, links), its text, its revisit
 * date, why, and what superseded it. Appended to sb: a page is written at
 * once. */
static void plain_row(struct strbuf *sb, const struct decision_row *r, bool all,
		      const char *council)
{
	char date[16], rev[16];
	decision_date(r, date, sizeof date);
	if (all) { /* the council heads the block */
		sb_add(sb, "[");
		add_line(sb, r->council ? r->council : council ? council : "", 30);
		sb_add(sb, "] ");
	}
	sb_add(sb, "#");
	sb_add_int(sb, (long long)r->id);
	sb_add(sb, "  ");
	sb_add(sb, date);
	sb_add(sb, "  ");
	add_line(sb, r->dept_name ? r->dept_name : "no department", 18);
	sb_add(sb, ", decided by ");
	add_line(sb, r->decider ? r->decider : "nobody named", 18);
	if (r->links) {
		sb_add(sb, ", ");
		sb_add_int(sb, r->links);
		sb_add(sb, " linked");
	}
	sb_add(sb, "\n   ");
	add_line(sb, r->text ? r->text : "", 0);
	sb_add(sb, "\n");
	if (r->revisit != DATE_NONE) {
		date_format(r->revisit, rev, sizeof rev);
		sb_add(sb, r->due ? "   REVISIT DUE: " : "   revisit: ");
		sb_add(sb, rev);
		sb_add(sb, "\n");
	}
	if (r->rationale) {
		sb_add(sb, "   why: ");
		add_line(sb, r->rationale, WHY_COLS);
		sb_add(sb, "\n");
	}
	if (r->superseded_by) {
		sb_add(sb, "   superseded by #");
		sb_add_int(sb, (long long)r->superseded_by);
		sb_add(sb, ": ");
		add_line(sb, r->superseded_text ? r->superseded_text : "", WHY_COLS - 20);
		sb_add(sb, "\n");
	}
}

struct log_out {
	const struct decision_filter *f;
	enum out_format fmt;
	struct store_cursor cur; /* where the next page starts */
	bool all;            /* --all-councils: each row names its council */
	const char *council; /* the name of a row that names none */
};

/* A page of the log: plain blocks written as they come, or table rows. */
static long decisions_page(struct cli *cli, void *ctx, size_t done, size_t limit,
			   struct table *t, int *status)
{
	struct log_out *o = ctx;
	struct decision_row *rows;
	size_t n;
	(void)done;
	enum store_rc rc = decisions_list(cli->st, o->f, &o->cur, limit, &rows, &n);
	if (rc != STORE_OK) {
		*status = cli_store_error(cli, rc);
		return -1;
	}
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < n; i++) {
		if (o->fmt == OUT_PLAIN)
			plain_row(&sb, &rows[i], o->all, o->council);
		else
			table_add(t, &rows[i], o->all, o->council);
	}
	if (sb.len)
		fwrite(sb.s, 1, sb.len, cli->out); /* a failure shows at the end's fflush */
	sb_free(&sb);
	if (n)
		o->cur = rows[n - 1].after;
	decision_rows_free(rows, n);
	return (long)n;
}

/* Reads the log page by page and writes each page as it comes: plain blocks,
 * or the rows of a JSON or CSV table, so memory stays that of one page. */
static int decisions_out(struct cli *cli, const struct decision_filter *f, enum out_format fmt,
			 bool all, const char *council)
{
	struct log_out o = {f, fmt, {0}, all, council};
	size_t rows;
	return cli_table_pages(cli, decision_cols + !all, ARRAY_SIZE(decision_cols) - !all, NULL,
			       fmt, PAGE, decisions_page, &o, &rows);
}

static int plain_summary(struct cli *cli, const struct decision_filter *f)
{
	int64_t total, due;
	enum store_rc rc = store_decisions_count(cli->st, f, &total, &due);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	if (total == 0)
		fprintf(cli->out, "No decisions%s%s.\n", f->due_only ? " due for a revisit" : "",
			f->dept_id || (f->words && *f->words) ? " match" : "");
	else
		fprintf(cli->out, "%lld %s, %lld due for a revisit%s.\n", (long long)total,
			text_plural(total, "decision", "decisions"), (long long)due,
			f->with_superseded ? "" : "; superseded ones hidden (--all)");
	return 0;
}

struct decisions_opts {
	struct decision_filter f;
	const char *dept;
	enum out_format format;
	bool all_councils;
};

static int decisions_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct decisions_opts *o = ctx;
	switch (key) {
	case 'r': o->f.due_only = true; break;
	case 'd': o->dept = value; break;
	case 'a': o->f.with_superseded = true; break;
	case 's': o->f.words = value; break;
	case 'f': return cli_format(cmd, value, OUT_TABLES, &o->format);
	case 'A': o->all_councils = true; break;
	}
	return 0;
}

static int decisions_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct decisions_opts o = {.f = {.today = clock_today()}, .format = OUT_PLAIN};
	int rc;
	if (!cli_parse(cmd, argc, argv, decisions_opt, &o, &rc))
		return rc;
	struct decision_filter f = o.f;
	const char *dept = o.dept;
	enum out_format fmt = o.format;
	if (o.all_councils && dept)
		return cli_usage_error(cmd, "--dept names a department of one council: not with "
					    "--all-councils");
	char *council = NULL;
	if ((rc = o.all_councils ? cli_open_all_councils(cli, &council) : cli_open(cli)) != 0)
		return rc;
	store_read_once(cli->st); /* only memory is at stake: a failure changes nothing */
	if (dept) {
		struct dept d;
		enum store_rc src = dept_find(cli->st, dept, &d);
		if (src == STORE_NOTFOUND)
			return cli_input_error("no department named '%s' (cxmeet dept list shows them)",
					       dept);
		if (src != STORE_OK)
			return cli_store_error(cli, src);
		f.dept_id = d.id;
		dept_free(&d);
	}
	char *words;
	enum store_rc src = search_words_or_none(cli->st, f.words, &words);
	if (src != STORE_OK) {
		free(council);
		return cli_store_error(cli, src);
	}
	f.words = words;
	rc = fmt == OUT_PLAIN ? plain_summary(cli, &f) : 0;
	if (rc == 0)
		rc = decisions_out(cli, &f, fmt, o.all_councils, council);
	free(words);
	free(council);
	return rc;
}

static const struct cli_opt decisions_options[] = {
	{"revisit-due", 'r', CLI_LONG_ONLY},
	{"dept", 'd', CLI_VALUE},
	{"all", 'a', 0},
	{"search", 's', CLI_VALUE | CLI_LONG_ONLY},
	{"format", 'f', CLI_VALUE | CLI_LONG_ONLY},
	{"all-councils", 'A', CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_decisions = {
	.paged = true,
	.name = "decisions",
	.summary = "the decision log: revisits due first, then the newest",
	.usage = "usage: cxmeet decisions [--revisit-due] [--dept DEPT] [--all]\n"
		 "                        [--search WORDS] [--format plain|json|csv]\n"
		 "                        [--all-councils]\n"
		 "\n"
		 "Lists the decisions in force: first those due for a revisit (revisit\n"
		 "date today or earlier), earliest revisit first, then the rest, newest\n"
		 "first. Each shows its date, department, who decided, the revisit date,\n"
		 "how many items are linked to it, its text and why it was taken.\n"
		 "\n"
		 "      --revisit-due   only the decisions due for a revisit\n"
		 "  -d, --dept DEPT     only the decisions of department DEPT\n"
		 "  -a, --all           superseded decisions too, with what superseded them\n"
		 "      --search WORDS  only the decisions whose text, detail or rationale\n"
		 "                      hold every word (or a word starting so)\n"
		 "      --format F      plain (the default: a short block per decision),\n"
		 "                      json or csv (one row per decision, every column)\n"
		 "      --all-councils  the decisions of every council the role may read,\n"
		 "                      each naming its council (not with --dept)\n",
	.opts = decisions_options,
	.run = decisions_run,
};
