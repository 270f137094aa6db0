/* cmd_history.c - between meetings on the command line: `cxmeet history`
 * (past meetings newest first, with attendance, departments and what each
 * decided) and `cxmeet search` (every item of every meeting by its words).
 * Both write tables: plain text, JSON or CSV. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cxmeet/cli.h"
#include "cxmeet/text.h"
#include "cxmeet/meeting.h"
#include "cxmeet/util.h"

/* How many search results are listed unless --limit says otherwise. */
#define SEARCH_DEFAULT_LIMIT 50
#define LIMIT_MAX 1000000

static int parse_limit(const struct command *cmd, const char *s, size_t *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > LIMIT_MAX)
		return cli_usage_error(cmd, "--limit is a whole number from 1 to %d", LIMIT_MAX);
	*out = (size_t)v;
	return 0;
}

/* Resolves --dept NAME into an id; prints the error and returns its status
 * when there is no such department. */
static int find_dept(struct cli *cli, const char *name, store_id *id)
{
	struct dept d;
	*id = 0;
	if (!name)
		return 0;
	enum store_rc rc = store_dept_find(cli->st, name, &d);
	if (rc == STORE_NOTFOUND)
		return cli_input_error("no department '%s' (cxmeet dept list shows them)", name);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	*id = d.id;
	dept_free(&d);
	return 0;
}

/* --- cxmeet history ----------------------------------------------------- */

static const struct table_col history_cols[] = {
	{"id", COL_INT, true},
	{"date", COL_TEXT, false},
	{"start", COL_TEXT, false},
	{"minutes", COL_INT, true},
	{"present", COL_INT, true},
	{"depts", COL_INT, true},
	{"decisions", COL_INT, true},
	{"actions", COL_INT, true},
	{"wins", COL_INT, true},
	{"rating", COL_INT, true},
	{"status", COL_TEXT, false},
	{"departments", COL_TEXT, false},
};

static void history_row(struct table *t, const struct meeting_summary *m)
{
	char buf[32];
	table_row(t);
	table_cell_int(t, m->id);
	clock_format_local(m->started_at, "%Y-%m-%d", "", buf, sizeof buf);
	table_cell(t, buf);
	clock_format_local(m->started_at, "%H:%M", "", buf, sizeof buf);
	table_cell(t, buf);
	int length = meeting_length_minutes(m->started_at, m->ended_at);
	if (length >= 0)
		table_cell_int(t, length);
	else
		table_cell(t, NULL);
	table_cell_int(t, m->present);
	table_cell_int(t, m->n_depts);
	table_cell_int(t, m->decisions);
	table_cell_int(t, m->actions);
	table_cell_int(t, m->wins);
	if (m->rating)
		table_cell_int(t, m->rating);
	else
		table_cell(t, NULL);
	table_cell(t, meeting_status_name(m->status));
	table_cell(t, m->dept_names);
}

struct history_opts {
	cx_date since; /* DATE_NONE: every meeting */
	const char *dept;
	size_t limit; /* 0: all */
	enum out_format format;
};

#define HISTORY_PAGE 1000 /* meetings read at once */

struct history_ctx {
	struct history_filter f;
	size_t limit; /* 0: all */
	struct store_cursor cur; /* where the next page starts */
};

/* A page of meetings, up to the --limit asked for. */
static long history_page(struct cli *cli, void *ctx, size_t done, size_t limit,
			 struct table *t, int *status)
{
	struct history_ctx *h = ctx;
	size_t want = limit;
	if (h->limit)
		want = done < h->limit ? h->limit - done : 0;
	want = want < limit ? want : limit;
	if (want == 0)
		return 0;
	struct meeting_summary *m;
	size_t n;
	enum store_rc rc = store_history_list(cli->st, &h->f, &h->cur, want, &m, &n);
	if (rc != STORE_OK) {
		*status = cli_store_error(cli, rc);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		history_row(t, &m[i]);
	if (n)
		h->cur = m[n - 1].after;
	meeting_summaries_free(m, n);
	/* A full page goes on; less (the last meeting, or the limit) ends. */
	return want == limit && n == want ? (long)n : 0;
}

/* The widest each column's cells can be, known before reading a meeting, for
 * a history longer than a page (the departments are last and unpadded). */
static void history_widths(struct cli *cli, int w[ARRAY_SIZE(history_cols)])
{
	memset(w, 0, ARRAY_SIZE(history_cols) * sizeof *w);
	w[0] = cli_id_width(cli, true);
	w[1] = 10; /* 2026-11-23 */
	w[2] = 5;  /* 09:00 */
	for (int s = 0; s < MEETING_STATUS_COUNT; s++) {
		int sw = (int)strlen(meeting_status_name((enum meeting_status)s));
		w[10] = sw > w[10] ? sw : w[10];
	}
}

static int history(struct cli *cli, const struct history_opts *o)
{
	struct history_ctx h = {.limit = o->limit};
	store_read_once(cli->st); /* only memory is at stake: a failure changes nothing */
	int rc = find_dept(cli, o->dept, &h.f.dept_id);
	if (rc != 0)
		return rc;
	if (o->since != DATE_NONE) {
		char day[16];
		date_format(o->since, day, sizeof day);
		clock_parse(day, &h.f.since); /* local midnight */
	}
	int w[ARRAY_SIZE(history_cols)];
	if (o->format == OUT_PLAIN)
		history_widths(cli, w);
	size_t shown;
	rc = cli_table_pages(cli, history_cols, ARRAY_SIZE(history_cols),
			     o->format == OUT_PLAIN ? w : NULL, o->format, HISTORY_PAGE,
			     history_page, &h, &shown);
	if (rc != 0 || shown > 0 || o->format != OUT_PLAIN)
		return rc;
	struct table t; /* the table of no row, as before */
	table_init(&t, history_cols, ARRAY_SIZE(history_cols));
	rc = cli_table_out(cli, &t, o->format);
	table_free(&t);
	return rc;
}

int cmd_history(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"since", required_argument, NULL, 's'},
		{"dept", required_argument, NULL, 'd'},
		{"limit", required_argument, NULL, 'n'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const struct command *cmd = cli_find("history");
	struct history_opts o = {.since = DATE_NONE, .format = OUT_PLAIN};
	struct date_context dc = {clock_today(), DATE_NONE};
	char err[512];
	int c, rc;
	while ((c = cli_getopt(cmd, argc, argv, "s:d:n:f:", opts)) != -1) {
		switch (c) {
		case 's':
			if (date_parse(optarg, &dc, DATE_BACK, &o.since, err, sizeof err) != 0)
				return cli_usage_error(cmd, "--since: %s", err);
			break;
		case 'd': o.dept = optarg; break;
		case 'n':
			if ((rc = parse_limit(cmd, optarg, &o.limit)) != 0)
				return rc;
			break;
		case 'f':
			if ((rc = cli_format(cmd, optarg, OUT_TABLES, &o.format)) != 0)
				return rc;
			break;
		case 'h': return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	rc = cli_open(cli);
	return rc ? rc : history(cli, &o);
}

/* --- cxmeet search ------------------------------------------------------ */

#define SEARCH_PAGE 2000 /* matches read at once */

static const struct table_col search_cols[] = {
	{"id", COL_INT, true},
	{"kind", COL_TEXT, false},
	{"date", COL_TEXT, false},
	{"meeting", COL_INT, true},
	{"department", COL_TEXT, false},
	{"person", COL_TEXT, false},
	{"text", COL_TEXT, false},
};

static void search_row(struct table *t, const struct search_hit *h)
{
	char buf[32];
	table_row(t);
	table_cell_int(t, h->it.id);
	table_cell(t, item_kind_name(h->it.kind));
	clock_format_local(h->meeting_at ? h->meeting_at : h->it.created_at, "%Y-%m-%d", "", buf,
		     sizeof buf);
	table_cell(t, buf);
	if (h->it.meeting_id)
		table_cell_int(t, h->it.meeting_id);
	else
		table_cell(t, NULL);
	table_cell(t, h->it.dept_name);
	table_cell(t, h->it.person_name);
	table_cell(t, h->it.text);
}

struct search_opts {
	struct search_filter f;
	const char *dept;
	size_t limit;
	enum out_format format;
	struct store_cursor cur; /* after the last match written */
	struct search_stream *ss; /* every match, in one pass */
};

/* A page of the matches, up to the --limit asked for. */
static long search_page(struct cli *cli, void *ctx, size_t done, size_t limit,
			struct table *t, int *status)
{
	struct search_opts *o = ctx;
	size_t want = done < o->limit ? o->limit - done : 0;
	want = want < limit ? want : limit;
	if (want == 0)
		return 0;
	struct search_hit *h;
	size_t n;
	enum store_rc rc = store_search_stream_next(o->ss, want, &h, &n);
	if (rc != STORE_OK) {
		*status = cli_store_error(cli, rc);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		search_row(t, &h[i]);
	if (n)
		o->cur = h[n - 1].after;
	search_hits_free(h, n);
	/* A full page goes on; less (the last match, or the limit) ends. */
	return want == limit && n == want ? (long)n : 0;
}

/* The widest each column's cells can be, known before reading a match, for
 * more matches than a page (the text is last and unpadded). */
static void search_widths(struct cli *cli, int w[ARRAY_SIZE(search_cols)])
{
	memset(w, 0, ARRAY_SIZE(search_cols) * sizeof *w);
	w[0] = cli_id_width(cli, false);
	for (int k = 0; k < ITEM_KIND_COUNT; k++) {
		int kw = (int)strlen(item_kind_name((enum item_kind)k));
		w[1] = kw > w[1] ? kw : w[1];
	}
	w[2] = 10; /* 2026-11-23 */
	w[3] = cli_id_width(cli, true);
	w[4] = cli_widest_dept(cli);
	w[5] = cli_widest_person(cli);
}

static int search(struct cli *cli, struct search_opts *o)
{
	int rc = find_dept(cli, o->dept, &o->f.dept_id);
	if (rc != 0)
		return rc;
	size_t shown;
	store_read_once(cli->st); /* only memory is at stake: a failure changes nothing */
	int w[ARRAY_SIZE(search_cols)];
	if (o->format == OUT_PLAIN)
		search_widths(cli, w);
	enum store_rc src = store_search_stream_begin(cli->st, &o->f, o->limit, &o->ss);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	rc = cli_table_pages(cli, search_cols, ARRAY_SIZE(search_cols),
			     o->format == OUT_PLAIN ? w : NULL, o->format, SEARCH_PAGE,
			     search_page, o, &shown);
	store_search_stream_end(o->ss);
	if (rc != 0 || o->format != OUT_PLAIN)
		return rc;
	if (shown == 0) { /* the table of no row, as before */
		struct table t;
		table_init(&t, search_cols, ARRAY_SIZE(search_cols));
		rc = cli_table_out(cli, &t, o->format);
		table_free(&t);
		return rc;
	}
	/* One row past the limit tells whether there are more, without counting
	 * every match (which would read them all). */
	struct search_hit *h;
	size_t n = 0;
	if (shown == o->limit && store_search(cli->st, &o->f, &o->cur, 1, &h, &n) == STORE_OK)
		search_hits_free(h, n);
	if (n > 0)
		fprintf(cli->out, "(the newest %zu %s; there are more: --limit N shows more)\n",
			shown, text_plural((long long)shown, "match", "matches"));
	return 0;
}

/* The words of the search, from the arguments left after the options. */
static char *join_words(int argc, char **argv)
{
	struct strbuf sb;
	sb_init(&sb);
	for (int i = 0; i < argc; i++) {
		if (i)
			sb_add(&sb, " ");
		sb_add(&sb, argv[i]);
	}
	return sb_take(&sb);
}

int cmd_search(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"dept", required_argument, NULL, 'd'},
		{"kind", required_argument, NULL, 'k'},
		{"limit", required_argument, NULL, 'n'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const struct command *cmd = cli_find("search");
	struct search_opts o = {.f.kind = -1, .f.plain = true, .limit = SEARCH_DEFAULT_LIMIT,
				.format = OUT_PLAIN};
	int c, rc;
	while ((c = cli_getopt(cmd, argc, argv, "d:k:n:f:", opts)) != -1) {
		switch (c) {
		case 'd': o.dept = optarg; break;
		case 'k':
			o.f.kind = item_kind_parse(optarg);
			if (o.f.kind < 0)
				return cli_usage_error(cmd, "unknown kind: use decision, action, "
							    "win, story, insight, note, parked or "
							    "message");
			break;
		case 'n':
			if ((rc = parse_limit(cmd, optarg, &o.limit)) != 0)
				return rc;
			break;
		case 'f':
			if ((rc = cli_format(cmd, optarg, OUT_TABLES, &o.format)) != 0)
				return rc;
			break;
		case 'h': return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	char *words = join_words(argc - optind, argv + optind);
	if (!text_has_word(words)) {
		free(words);
		return cli_usage_error(cmd, "give the words to search for (letters or digits)");
	}
	o.f.words = words;
	rc = cli_open(cli);
	if (rc == 0)
		rc = search(cli, &o);
	free(words);
	return rc;
}
