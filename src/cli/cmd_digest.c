/* cmd_digest.c - `cxmeet digest`: the open actions overdue or due soon,
 * grouped by owner, as text for a mail. Read and written a page at a time. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/actions.h"
#include "cxmeet/cli.h"
#include "cxmeet/dates.h"
#include "cxmeet/util.h"

/* Actions read per store call. */
#define PAGE 2000

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
/* A digest of at most this many actions is read in one pass and ordered in
 * memory (a page's worth): one statement, rather than one for each person
 * on the council. */
#define ONE_PASS PAGE

static int digest_one_pass(struct cli *cli, struct action_filter f, int days)
{
	struct actions_stream *as;
	enum store_rc src = actions_stream_begin(cli->st, &f, &as);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	struct action_row *rows = NULL;
	size_t n = 0;
	src = store_actions_stream_next(as, ONE_PASS + 1, &rows, &n);
	store_actions_stream_end(as);
	struct person *people = NULL;
	size_t n_people = 0;
	if (src == STORE_OK)
		src = store_person_list(cli->st, true, 0, &people, &n_people);
	int rc = src == STORE_OK ? 0 : cli_store_error(cli, src);
	if (rc == 0) {
		char *text = action_digest(rows, n, people, n_people, f.today, days,
					   cli_escalate_limit(cli));
		rc = cli_write(cli, text);
		free(text);
	}
	if (rc == 0 && fflush(cli->out) != 0)
		rc = cli_output_error(cli, errno);
	action_rows_free(rows, n);
	person_list_free(people, n_people);
	return rc;
}

static int digest_out(struct cli *cli, cx_date today, int days)
{
	struct action_filter f = {ASTATE_OPEN, 0, 0, today + days + 1, today};
	int64_t total, late;
	enum store_rc src = actions_count(cli->st, &f, &total, &late);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	if (total > 0 && total <= ONE_PASS)
		return digest_one_pass(cli, f, days);
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
	int limit = cli_escalate_limit(cli);
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

/* --all-councils: the digest of each council the role may read (archived
 * ones aside: nobody works on them), each under the council's name, one
 * council open at a time. */
static int digest_one(struct cli *cli, const char *council, size_t i, void *ctx)
{
	fprintf(cli->out, "%sCouncil %s\n\n", i ? "\n" : "", council);
	return digest_out(cli, clock_today(), *(int *)ctx);
}

static int digest_all(struct cli *cli, int days)
{
	return cli_each_council(cli, digest_one, &days);
}

struct digest_opts {
	int days;
	bool all_councils;
};

static int digest_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct digest_opts *o = ctx;
	int *days = &o->days;
	if (key == 'A') {
		o->all_councils = true;
		return 0;
	}
	if (!*value || strspn(value, "0123456789") != strlen(value) || strlen(value) > 3 ||
	    (*days = atoi(value)) > 366)
		return cli_usage_error(cmd, "--days takes a number of days from 0 to 366");
	return 0;
}

static int digest_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct digest_opts o = {7, false};
	int rc;
	if (!cli_parse(cmd, argc, argv, digest_opt, &o, &rc))
		return rc;
	if (o.all_councils)
		return digest_all(cli, o.days);
	if ((rc = cli_open(cli)) != 0)
		return rc;
	store_read_once(cli->st); /* only memory is at stake: a failure changes nothing */
	return digest_out(cli, clock_today(), o.days);
}

static const struct cli_opt digest_options[] = {
	{"days", 'n', CLI_VALUE | CLI_LONG_ONLY},
	{"all-councils", 'A', CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_digest = {
	.paged = true,
	.name = "digest",
	.summary = "overdue and soon-due actions by owner, as text for a mail",
	.usage = "usage: cxmeet digest [--days N] [--all-councils]\n"
		 "\n"
		 "Prints the open actions that are overdue or due within N days (default\n"
		 "7), grouped by owner with their email address when known, then 'No\n"
		 "owner'. Each action shows its due date, how late it is, its department,\n"
		 "and whether it has been carried so often that it goes to the sponsor.\n"
		 "\n"
		 "      --days N        how many days ahead count as due soon (0 to 366)\n"
		 "      --all-councils  the digest of every council the role may read,\n"
		 "                      each under the council's name\n",
	.opts = digest_options,
	.run = digest_run,
};
