/* cmd_actions.c - who owes what, between meetings: `cxmeet actions` (the
 * list, filtered), `cxmeet done` (an action closed outside a meeting),
 * `cxmeet overdue` (for cron: exit status 8 when anything is overdue) and
 * `cxmeet digest` (overdue and soon-due actions per owner, for a mail). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/actions.h"
#include "cxmeet/cli.h"
#include "cxmeet/meeting.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* Rows read per store call: a long list never sits in memory twice. */
#define PAGE 2000

static const struct table_col action_cols[] = {
	{"id", COL_INT, true},
	{"due", COL_TEXT, false},
	{"days_overdue", COL_INT, true},
	{"slips", COL_INT, true},
	{"carried", COL_INT, true},
	{"escalate", COL_BOOL, false},
	{"status", COL_TEXT, false},
	{"owner", COL_TEXT, false},
	{"department", COL_TEXT, false},
	{"meeting", COL_TEXT, false},
	{"text", COL_TEXT, false},
};

struct list_opts {
	struct action_filter f;
	const char *owner;
	const char *dept;
	const char *due_before;
	enum out_format format;
};

/* The organisation's escalation limit (3 when it was never set up). */
static int escalate_limit(struct cli *cli)
{
	struct org o;
	if (store_org_get(cli->st, &o) != STORE_OK)
		return 3;
	int n = o.escalate_after;
	org_free(&o);
	return n;
}

static void table_add(struct table *t, const struct action_row *r, cx_date today, int limit)
{
	const struct item *it = &r->it;
	char due[16], met[16];
	table_row(t);
	table_cell_int(t, it->id);
	table_cell(t, it->due == DATE_NONE ? NULL : (date_format(it->due, due, sizeof due), due));
	table_cell_int(t, action_days_overdue(it, today));
	table_cell_int(t, it->slips);
	table_cell_int(t, it->carried);
	table_cell_bool(t, action_escalated(it, limit));
	table_cell(t, item_status_name(it->status));
	table_cell(t, it->person_name);
	table_cell(t, it->dept_name);
	if (r->meeting_at)
		date_format(date_from_time(r->meeting_at), met, sizeof met);
	table_cell(t, r->meeting_at ? met : NULL);
	table_cell(t, it->text);
}

/* The widest each column's cells can be, known before reading a row, for a
 * list longer than a page (the text is last and unpadded). */
static void action_widths(struct cli *cli, int w[ARRAY_SIZE(action_cols)])
{
	memset(w, 0, ARRAY_SIZE(action_cols) * sizeof *w);
	w[0] = cli_id_width(cli, false);
	w[1] = w[9] = 10; /* dates */
	w[5] = 3;         /* yes, no */
	for (int s = 0; s < STATUS_COUNT; s++) {
		int sw = (int)strlen(item_status_name((enum item_status)s));
		w[6] = sw > w[6] ? sw : w[6];
	}
	w[7] = cli_widest_person(cli);
	w[8] = cli_widest_dept(cli);
}

struct list_ctx {
	const struct action_filter *f;
	int limit; /* the escalation limit */
	struct actions_stream *as; /* every row, in one pass */
};

/* A page of the actions the filter selects, as table rows. */
static long actions_page(struct cli *cli, void *ctx, size_t done, size_t limit,
			 struct table *t, int *status)
{
	struct list_ctx *c = ctx;
	struct action_row *rows;
	size_t n;
	(void)done;
	enum store_rc rc = store_actions_stream_next(c->as, limit, &rows, &n);
	if (rc != STORE_OK) {
		*status = cli_store_error(cli, rc);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		table_add(t, &rows[i], c->f->today, c->limit);
	action_rows_free(rows, n);
	return (long)n;
}

/* Writes every action the filter selects, a page of the store at a time;
 * *count gets how many. */
static int list_out(struct cli *cli, const struct action_filter *f, enum out_format format,
		    const char *none, size_t *count)
{
	struct list_ctx c = {f, escalate_limit(cli), NULL};
	store_read_once(cli->st); /* only memory is at stake: a failure changes nothing */
	int w[ARRAY_SIZE(action_cols)];
	if (format == OUT_PLAIN)
		action_widths(cli, w);
	enum store_rc rc = actions_stream_begin(cli->st, f, &c.as);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	int status = cli_table_pages(cli, action_cols, ARRAY_SIZE(action_cols),
				     format == OUT_PLAIN ? w : NULL, format, PAGE, actions_page,
				     &c, count);
	store_actions_stream_end(c.as);
	if (status == 0 && *count == 0 && format == OUT_PLAIN)
		fprintf(cli->out, "%s\n", none);
	return status;
}

/* A date as typed for --due-before, looking ahead as due dates do (fri is
 * the next Friday), past dates allowed. */
static int parse_before(const char *s, cx_date today, cx_date *out)
{
	char err[512];
	struct date_context dc = {today, DATE_NONE};
	if (date_parse(s, &dc, DATE_AHEAD, out, err, sizeof err) == 0)
		return 0;
	return cli_input_error("--due-before: %s", err);
}

/* Turns --owner and --dept names into ids; unknown names are refused. */
static int resolve_names(struct cli *cli, struct list_opts *o)
{
	enum store_rc rc;
	if (o->dept) {
		struct dept d;
		if ((rc = store_dept_find(cli->st, o->dept, &d)) != STORE_OK)
			return cli_store_error(cli, rc);
		o->f.dept_id = d.id;
		dept_free(&d);
	}
	if (o->owner) {
		struct person p;
		if ((rc = store_person_find(cli->st, o->owner, &p)) != STORE_OK)
			return cli_store_error(cli, rc);
		o->f.person_id = p.id;
		person_free(&p);
	}
	if (o->due_before)
		return parse_before(o->due_before, o->f.today, &o->f.due_before);
	return 0;
}

static int bad_state(const struct command *cmd, const char *s)
{
	return cli_usage_error(cmd, "unknown state '%s' (use open, overdue, week, done, dropped "
				    "or all)", s);
}

int cmd_actions(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"overdue", no_argument, NULL, 'O'},
		{"state", required_argument, NULL, 's'},
		{"owner", required_argument, NULL, 'o'},
		{"dept", required_argument, NULL, 'd'},
		{"due-before", required_argument, NULL, 'b'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const struct command *cmd = cli_find("actions");
	struct list_opts o = {.f = {ASTATE_OPEN, 0, 0, DATE_NONE, clock_today()}};
	int state = -1, c;
	while ((c = cli_getopt(cmd, argc, argv, "s:o:d:b:", opts)) != -1) {
		int want = -1;
		switch (c) {
		case 'O': want = ASTATE_OVERDUE; break;
		case 's':
			if ((want = action_state_parse(optarg)) < 0)
				return bad_state(cmd, optarg);
			break;
		case 'o': o.owner = optarg; break;
		case 'd': o.dept = optarg; break;
		case 'b': o.due_before = optarg; break;
		case 'f':
			if (cli_format(cmd, optarg, OUT_TABLES, &o.format))
				return EXIT_USAGE;
			break;
		case 'h': return EXIT_OK;
		default: return EXIT_USAGE;
		}
		if (want >= 0 && state >= 0 && state != want)
			return cli_usage_error(cmd, "two different states asked for (--overdue, "
						    "--state): give one");
		if (want >= 0)
			state = want;
	}
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	if (state >= 0)
		o.f.state = (enum action_state)state;
	int rc = cli_open(cli);
	if (rc == 0)
		rc = resolve_names(cli, &o);
	size_t n;
	return rc ? rc : list_out(cli, &o.f, o.format, "No actions match.", &n);
}

int cmd_overdue(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const struct command *cmd = cli_find("overdue");
	enum out_format format = OUT_PLAIN;
	int c;
	while ((c = cli_getopt(cmd, argc, argv, "", opts)) != -1) {
		switch (c) {
		case 'f':
			if (cli_format(cmd, optarg, OUT_TABLES, &format))
				return EXIT_USAGE;
			break;
		case 'h': return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	int rc = cli_open(cli);
	if (rc)
		return rc;
	struct action_filter f = {ASTATE_OVERDUE, 0, 0, DATE_NONE, clock_today()};
	size_t n = 0;
	rc = list_out(cli, &f, format, "No overdue actions.", &n);
	return rc ? rc : n > 0 ? EXIT_OVERDUE : EXIT_OK;
}

/* "12" or "#12"; false when it is not an item number. */
static bool parse_id(const char *s, store_id *id)
{
	if (*s == '#')
		s++;
	if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 18)
		return false;
	*id = strtoll(s, NULL, 10);
	return *id > 0;
}

/* Refuses, with a message and nothing written, what cannot be marked done. */
static int check_done(struct cli *cli, store_id id)
{
	struct item it;
	enum store_rc rc = store_item_get(cli->st, id, &it);
	if (rc == STORE_NOTFOUND)
		return cli_input_error("no action #%lld", (long long)id);
	if (rc != STORE_OK)
		return cli_store_error(cli, rc);
	int status = 0;
	if (it.deleted_at)
		status = cli_input_error("action #%lld was deleted", (long long)id);
	else if (it.kind != ITEM_ACTION)
		status = cli_input_error("#%lld is a %s, not an action", (long long)id,
					 item_kind_label(it.kind));
	else if (it.status != STATUS_OPEN)
		status = cli_input_error("action #%lld is already %s", (long long)id,
					 item_status_name(it.status));
	item_free(&it);
	return status;
}

int cmd_done(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"reason", required_argument, NULL, 'r'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const struct command *cmd = cli_find("done");
	const char *reason = NULL;
	int c;
	while ((c = cli_getopt(cmd, argc, argv, "r:", opts)) != -1) {
		switch (c) {
		case 'r': reason = optarg; break;
		case 'h': return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	store_id id;
	if (optind >= argc)
		return cli_usage_error(cmd, "missing the action's number (see 'cxmeet actions')");
	if (argc - optind > 1)
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind + 1]);
	if (!parse_id(argv[optind], &id))
		return cli_usage_error(cmd, "'%s' is not an action's number", argv[optind]);
	char *why = NULL;
	int rc = reason ? cli_text_arg(reason, &why) : 0;
	if (rc == 0)
		rc = cli_open(cli);
	if (rc == 0)
		rc = check_done(cli, id);
	if (rc == 0) {
		enum store_rc src =
			store_item_set_status(cli->st, id, STATUS_DONE, why, 0, clock_now());
		if (src != STORE_OK)
			rc = cli_store_error(cli, src);
		else
			fprintf(cli->out, "Action #%lld is done.\n", (long long)id);
	}
	free(why);
	return rc;
}

static bool known_owner(store_id id, const struct person *people, size_t n_people)
{
	for (size_t i = 0; i < n_people; i++)
		if (people[i].id == id)
			return true;
	return false;
}

/* One owner's part of the digest (f->person_id), read and written a page at
 * a time; person_id 0: the actions of no owner (and of an owner missing from
 * the people table), picked from every action in one pass. */
static int digest_part(struct cli *cli, const struct action_filter *f,
		       const struct person *people, size_t n_people, int limit,
		       int64_t *written)
{
	struct actions_stream *as;
	enum store_rc src = actions_stream_begin(cli->st, f, &as);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	store_id shown = -1; /* the owner whose heading was written last */
	int rc = 0;
	struct strbuf sb;
	sb_init(&sb);
	for (;;) {
		struct action_row *rows;
		size_t n;
		if ((src = store_actions_stream_next(as, PAGE, &rows, &n)) != STORE_OK) {
			rc = cli_store_error(cli, src);
			break;
		}
		for (size_t i = 0; i < n; i++) {
			const struct item *it = &rows[i].it;
			if (!f->person_id && it->person_id &&
			    known_owner(it->person_id, people, n_people))
				continue;
			if (it->person_id != shown)
				action_digest_owner(&sb, it, people, n_people);
			shown = it->person_id;
			action_digest_line(&sb, it, f->today, limit);
			(*written)++;
		}
		action_rows_free(rows, n);
		if (sb.len && fwrite(sb.s, 1, sb.len, cli->out) != sb.len)
			rc = cli_output_error(cli, errno);
		sb.len = 0;
		if (n < PAGE || rc)
			break;
	}
	store_actions_stream_end(as);
	sb_free(&sb);
	return rc;
}

/* The digest written as it is read: the heading from the counts, then each
 * owner's actions (owners in the digest's order, from the small people
 * table), so memory stays that of a page however many actions are late. */
static int digest_out(struct cli *cli, cx_date today, int days)
{
	struct action_filter f = {ASTATE_OPEN, 0, 0, today + days + 1, today};
	int64_t total, late;
	enum store_rc src = actions_count(cli->st, &f, &total, &late);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	struct strbuf sb;
	sb_init(&sb);
	action_digest_heading(&sb, today, days, (size_t)late, (size_t)total);
	int rc = cli_write(cli, sb.s);
	sb_free(&sb);
	if (rc || total == 0)
		return rc;
	struct person *people;
	size_t n_people;
	if ((src = store_person_list(cli->st, true, 0, &people, &n_people)) != STORE_OK)
		return cli_store_error(cli, src);
	action_owners_sort(people, n_people);
	int limit = escalate_limit(cli);
	int64_t written = 0;
	for (size_t i = 0; i < n_people && rc == 0; i++) {
		f.person_id = people[i].id;
		rc = digest_part(cli, &f, people, n_people, limit, &written);
	}
	f.person_id = 0; /* the actions of no one, when the owners' did not make the count */
	if (rc == 0 && written < total)
		rc = digest_part(cli, &f, people, n_people, limit, &written);
	person_list_free(people, n_people);
	if (rc == 0 && fflush(cli->out) != 0)
		rc = cli_output_error(cli, errno);
	return rc;
}

int cmd_digest(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{"days", required_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const struct command *cmd = cli_find("digest");
	int days = 7, c;
	while ((c = cli_getopt(cmd, argc, argv, "n:", opts)) != -1) {
		switch (c) {
		case 'n':
			if (!*optarg || strspn(optarg, "0123456789") != strlen(optarg) ||
			    strlen(optarg) > 3 || (days = atoi(optarg)) > 366)
				return cli_usage_error(cmd, "--days takes a number of days from 0 "
							    "to 366");
			break;
		case 'h': return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (optind < argc)
		return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	int rc = cli_open(cli);
	if (rc)
		return rc;
	store_read_once(cli->st); /* only memory is at stake: a failure changes nothing */
	return digest_out(cli, clock_today(), days);
}
