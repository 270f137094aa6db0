/* cmd_messages.c - `cxmeet messages`: the messages to other teams, a row per
 * department each goes to, newest first, with whether that department has
 * acknowledged it (overdue when not, past the cadence); and `cxmeet ack`: a
 * department acknowledges one, outside a meeting. */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/messages.h"
#include "cxmeet/util.h"

static const struct table_col message_cols[] = {
	{"id", COL_INT, true},
	{"recorded_on", COL_TEXT, false},
	{"department", COL_TEXT, false},
	{"delivered_by", COL_TEXT, false},
	{"state", COL_TEXT, false},
	{"acknowledged_on", COL_TEXT, false},
	{"acknowledged_by", COL_TEXT, false},
	{"text", COL_TEXT, false},
};

#define MESSAGES_PAGE 1000 /* rows read at once */

struct messages_ctx {
	struct message_filter f;
	struct cadence cadence;
	cx_date today;
	size_t limit; /* 0: all */
	struct store_cursor cur;
	size_t overdue; /* seen so far */
};

/* open, overdue, or acknowledged */
static const char *state_of(const struct messages_ctx *c, const struct message_row *m)
{
	if (m->acked_at)
		return "acknowledged";
	return message_overdue(m, &c->cadence, c->today) ? "overdue" : "open";
}

static void message_row_add(struct table *t, struct messages_ctx *c, const struct message_row *m)
{
	char day[16] = "";
	table_row(t);
	table_cell_int(t, m->item_id);
	date_format(date_from_time(m->meeting_at ? m->meeting_at : m->created_at), day, sizeof day);
	table_cell(t, day);
	table_cell(t, m->dept_name);
	table_cell(t, m->person_name);
	const char *state = state_of(c, m);
	c->overdue += strcmp(state, "overdue") == 0;
	table_cell(t, state);
	if (m->acked_at) {
		date_format(date_from_time(m->acked_at), day, sizeof day);
		table_cell(t, day);
	} else {
		table_cell(t, NULL);
	}
	table_cell(t, m->acked_by && actor_known(m->acked_by) ? m->acked_by : NULL);
	table_cell(t, m->text);
}

static long messages_page(struct cli *cli, void *ctx, size_t done, size_t limit,
			  struct table *t, int *status)
{
	struct messages_ctx *c = ctx;
	size_t want = cli_page_want(done, c->limit, limit);
	if (want == 0)
		return 0;
	struct message_row *m;
	size_t n;
	enum store_rc rc = store_messages_list(cli->st, &c->f, &c->cur, want, &m, &n);
	if (rc != STORE_OK) {
		*status = cli_store_error(cli, rc);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		message_row_add(t, c, &m[i]);
	if (n)
		c->cur = m[n - 1].after;
	message_rows_free(m, n);
	return want == limit && n == want ? (long)n : 0;
}

struct messages_opts {
	const char *dept;
	bool open_only;
	size_t limit;
	enum out_format format;
};

static int messages_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct messages_opts *o = ctx;
	switch (key) {
	case 'd': o->dept = value; break;
	case 'o': o->open_only = true; break;
	case 'n': return cli_parse_limit(cmd, value, &o->limit);
	case 'f': return cli_format(cmd, value, OUT_TABLES, &o->format);
	}
	return 0;
}

static int messages_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct messages_opts o = {.format = OUT_PLAIN};
	int rc;
	if (!cli_parse(cmd, argc, argv, messages_opt, &o, &rc))
		return rc;
	if ((rc = cli_open(cli)) != 0)
		return rc;
	struct messages_ctx c = {.f.open_only = o.open_only, .today = clock_today(),
				 .limit = o.limit};
	if ((rc = cli_dept_id(cli, o.dept, &c.f.dept_id)) != 0)
		return rc;
	struct org org;
	c.cadence = CADENCE_DEFAULT; /* before any set-up */
	if (store_org_get(cli->st, &org) == STORE_OK) {
		c.cadence = org.cadence;
		org_free(&org);
	}
	store_read_once(cli->st); /* only memory is at stake: a failure changes nothing */
	size_t shown;
	int w[ARRAY_SIZE(message_cols)] = {0};
	w[1] = w[5] = 10;
	w[4] = 12;
	rc = cli_table_pages(cli, message_cols, ARRAY_SIZE(message_cols),
			     o.format == OUT_PLAIN ? w : NULL, o.format, MESSAGES_PAGE,
			     messages_page, &c, &shown);
	if (rc != 0 || o.format != OUT_PLAIN)
		return rc;
	if (shown == 0)
		fprintf(cli->out, "%s\n", o.open_only ? "No message waits to be acknowledged."
						      : "No messages to other teams yet.");
	else if (c.overdue)
		fprintf(cli->out, "%zu not acknowledged within the cadence.\n", c.overdue);
	return 0;
}

static const struct cli_opt messages_options[] = {
	{"dept", 'd', CLI_VALUE},
	{"open", 'o', CLI_LONG_ONLY},
	{"limit", 'n', CLI_VALUE},
	{"format", 'f', CLI_VALUE},
	{0},
};

const struct cli_cmd cmd_messages = {
	.paged = true,
	.name = "messages",
	.summary = "messages to other teams, and whether each department acknowledged them",
	.usage = "usage: cxmeet messages [--dept DEPT] [--open] [--limit N]\n"
		 "                       [--format plain|json|csv]\n"
		 "\n"
		 "Lists the messages to other teams, newest first, a row per department\n"
		 "each goes to: the message's number and day, the department, who delivers\n"
		 "it, its state (open; overdue when not acknowledged within the cadence;\n"
		 "acknowledged, when and by whom) and its text. A message stays open until\n"
		 "every department it goes to acknowledges it: in a meeting's roll call,\n"
		 "or with 'cxmeet ack'.\n"
		 "\n"
		 "  -d, --dept DEPT     the messages to that department\n"
		 "      --open          only those not acknowledged yet\n"
		 "  -n, --limit N       the newest N rows only\n"
		 "  -f, --format F      plain (the default), json or csv\n",
	.opts = messages_options,
	.run = messages_run,
};

/* --- cxmeet ack ------------------------------------------------------------ */

static int ack_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	(void)cmd;
	(void)key;
	*(const char **)ctx = value;
	return 0;
}

static int ack_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	const char *dept = NULL;
	int rc;
	if (!cli_parse(cmd, argc, argv, ack_opt, &dept, &rc))
		return rc;
	store_id id;
	if (optind >= argc)
		return cli_usage_error(cmd, "missing the message's number (see 'cxmeet messages')");
	if (!cli_parse_id(argv[optind], &id))
		return cli_usage_error(cmd, "'%s' is not a message's number", argv[optind]);
	if ((rc = cli_open(cli)) != 0)
		return rc;
	store_id dept_id = 0;
	if ((rc = cli_dept_id(cli, dept, &dept_id)) != 0)
		return rc;
	char err[600] = "";
	store_id acked = 0;
	enum store_rc src = message_acknowledge(cli->st, id, dept_id, 0, clock_now(), &acked, err,
						sizeof err);
	if (src == STORE_INVALID && *err)
		return cli_input_error("%s", err);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	struct dept d;
	if (store_dept_get(cli->st, acked, &d) == STORE_OK) {
		fprintf(cli->out, "Message #%lld acknowledged by %s.\n", (long long)id, d.name);
		dept_free(&d);
	} else {
		fprintf(cli->out, "Message #%lld acknowledged.\n", (long long)id);
	}
	return 0;
}

static const struct cli_opt ack_options[] = {
	{"dept", 'd', CLI_VALUE},
	{0},
};

const struct cli_cmd cmd_ack = {
	.quiet_ok = true,
	.name = "ack",
	.summary = "acknowledge a message to another team, outside a meeting",
	.usage = "usage: cxmeet ack ID [--dept DEPT]\n"
		 "\n"
		 "Records that DEPT received message number ID (see 'cxmeet messages'),\n"
		 "by whom and when; once every department it goes to has, the message is\n"
		 "closed. Without --dept, the one department that has not acknowledged it\n"
		 "yet (when it goes to several, say which). An item that is not a message,\n"
		 "a department it does not go to, or one that already acknowledged it is\n"
		 "refused (exit status 2) and nothing is written.\n"
		 "\n"
		 "  -d, --dept DEPT     the department acknowledging it\n"
		 "  -q, --quiet         print nothing on success\n",
	.opts = ack_options,
	.operands = 1,
	.run = ack_run,
};
