/* cmd_search.c - `cxmeet search`: every item of every meeting by the words
 * in it, newest first, as plain text, JSON or CSV. */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/search.h"
#include "cxmeet/meeting.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* How many search results are listed unless --limit says otherwise. */
#define SEARCH_DEFAULT_LIMIT 50
#define SEARCH_PAGE 2000 /* matches read at once */

/* The columns; "council" first with --all-councils only (search_cols + 1
 * without it). */
static const struct table_col search_cols[] = {
	{"council", COL_TEXT, false},
	{"id", COL_INT, true},
	{"kind", COL_TEXT, false},
	{"recorded_on", COL_TEXT, false},
	{"meeting_id", COL_INT, true},
	{"department", COL_TEXT, false},
	{"person", COL_TEXT, false},
	{"text", COL_TEXT, false},
};

static void search_row(struct table *t, const struct search_hit *h, bool all,
		       const char *council)
{
	char buf[32];
	table_row(t);
	if (all)
		table_cell(t, h->council ? h->council : council);
	table_cell_int(t, h->it.id);
	table_cell(t, item_kind_name(h->it.kind));
	time_t when = h->meeting_at ? h->meeting_at : h->it.created_at;
	buf[0] = '\0';
	if (when) /* the local day, by date_format rather than strftime: once a match, it counts */
		date_format(date_from_time(when), buf, sizeof buf);
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
	bool all;      /* --all-councils: each row names its council */
	char *council; /* the name of a row that names none */
};

/* A page of the matches, up to the --limit asked for. */
static long search_page(struct cli *cli, void *ctx, size_t done, size_t limit,
			struct table *t, int *status)
{
	struct search_opts *o = ctx;
	size_t want = cli_page_want(done, o->limit, limit);
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
		search_row(t, &h[i], o->all, o->council);
	if (n)
		o->cur = h[n - 1].after;
	search_hits_free(h, n);
	/* A full page goes on; less (the last match, or the limit) ends. */
	return want == limit && n == want ? (long)n : 0;
}

/* The widest each column's cells can be, known before reading a match, for
 * more matches than a page (the text is last and unpadded). */
static void search_widths(struct cli *cli, int w[ARRAY_SIZE(search_cols) - 1])
{
	memset(w, 0, (ARRAY_SIZE(search_cols) - 1) * sizeof *w);
	w[0] = cli_id_width(cli, false);
	for (int k = 0; k < ITEM_KIND_COUNT; k++) {
		int kw = (int)strlen(item_kind_name((enum item_kind)k));
		w[1] = kw > w[1] ? kw : w[1];
	}
	w[2] = 10; /* 2026-11-23 */
	w[3] = cli_id_width(cli, true);
	w[4] = cli_widest_name(cli, false);
	w[5] = cli_widest_name(cli, true);
}

static int search(struct cli *cli, struct search_opts *o)
{
	int rc = cli_dept_id(cli, o->dept, &o->f.dept_id);
	if (rc != 0)
		return rc;
	size_t shown;
	store_read_once(cli->st); /* only memory is at stake: a failure changes nothing */
	int w[ARRAY_SIZE(search_cols)] = {0}; /* the council's: as its first page says */
	if (o->format == OUT_PLAIN)
		search_widths(cli, w + 1);
	const struct table_col *cols = search_cols + !o->all;
	size_t ncols = ARRAY_SIZE(search_cols) - !o->all;
	enum store_rc src = store_search_stream_begin(cli->st, &o->f, o->limit, &o->ss);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	rc = cli_table_pages(cli, cols, ncols, o->format == OUT_PLAIN ? w + !o->all : NULL,
			     o->format, SEARCH_PAGE, search_page, o, &shown);
	store_search_stream_end(o->ss);
	if (rc != 0 || o->format != OUT_PLAIN)
		return rc;
	if (shown == 0) { /* the table of no row, as before */
		struct table t;
		table_init(&t, cols, ncols);
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

static int search_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct search_opts *o = ctx;
	switch (key) {
	case 'd': o->dept = value; break;
	case 'k':
		o->f.kind = item_kind_parse(value);
		if (o->f.kind < 0)
			return cli_usage_error(cmd, "unknown kind: use decision, action, win, story, "
						    "insight, note, parked or message");
		break;
	case 'n': return cli_parse_limit(cmd, value, &o->limit);
	case 'f': return cli_format(cmd, value, OUT_TABLES, &o->format);
	case 'A': o->all = true; break;
	}
	return 0;
}

static int search_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct search_opts o = {.f.kind = -1, .f.plain = true, .limit = SEARCH_DEFAULT_LIMIT,
				.format = OUT_PLAIN};
	int rc;
	if (!cli_parse(cmd, argc, argv, search_opt, &o, &rc))
		return rc;
	char *typed = join_words(argc - optind, argv + optind);
	if (!text_has_word(typed)) {
		free(typed);
		return cli_usage_error(cmd, "give the words to search for (letters or digits)");
	}
	char *words = NULL;
	if (o.all && o.dept) {
		free(typed);
		return cli_usage_error(cmd, "--dept names a department of one council: not with "
					    "--all-councils");
	}
	rc = o.all ? cli_open_all_councils(cli, &o.council) : cli_open(cli);
	if (rc == 0) {
		enum store_rc src = search_words(cli->st, typed, &words);
		o.f.words = words;
		rc = src != STORE_OK ? cli_store_error(cli, src) : search(cli, &o);
	}
	free(typed);
	free(words);
	free(o.council);
	return rc;
}

static const struct cli_opt search_options[] = {
	{"dept", 'd', CLI_VALUE},
	{"kind", 'k', CLI_VALUE},
	{"limit", 'n', CLI_VALUE},
	{"format", 'f', CLI_VALUE},
	{"all-councils", 'A', CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_search = {
	.paged = true,
	.name = "search",
	.summary = "find items of every meeting by the words in them",
	.usage = "usage: cxmeet search WORDS... [--dept DEPT] [--kind KIND] [--limit N]\n"
		 "                     [--format plain|json|csv] [--all-councils]\n"
		 "\n"
		 "Lists the items of every meeting whose text, detail or rationale holds\n"
		 "every word (the last one as a prefix: 'escal' finds 'escalation'),\n"
		 "newest first: id, kind, date, meeting, department, person and text.\n"
		 "Case and accents do not matter; quotes and other punctuation only\n"
		 "separate words.\n"
		 "\n"
		 "  -d, --dept DEPT     items of that department only\n"
		 "  -k, --kind KIND     decision, action, win, story, insight, note, parked\n"
		 "                      or message only\n"
		 "  -n, --limit N       at most N items (default 50)\n"
		 "  -f, --format F      plain (the default), json or csv\n"
		 "      --all-councils  the items of every council the role may read, each\n"
		 "                      row naming its council (not with --dept)\n",
	.opts = search_options,
	.operands = CLI_ANY,
	.run = search_run,
};
