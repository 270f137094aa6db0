/* cmd_add.c - `cxmeet add`: an item recorded between meetings (a win the
 * day it happens, a story, an insight, a topic for the next meeting...). It
 * is kept with no meeting and waits for the next one, which shows it first
 * in the step it belongs to (meeting_waiting_step). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/leaders.h"
#include "cxmeet/cli.h"
#include "cxmeet/dates.h"
#include "cxmeet/meeting.h"
#include "cxmeet/names.h"
#include "cxmeet/scorecard.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* The kinds that can be recorded between meetings: a decision is the
 * council's, taken in a meeting. */
static const enum item_kind addable[] = {ITEM_WIN,    ITEM_STORY,  ITEM_INSIGHT, ITEM_PARKED,
					 ITEM_TOPIC,  ITEM_ACTION, ITEM_MESSAGE, ITEM_NOTE};

#define ADD_DEPTS_MAX 20 /* the departments a message may go to */

struct add_opts {
	const char *dept[ADD_DEPTS_MAX], *person, *due, *detail, *kpi, *measure, *from;
	size_t n_depts;
	bool consent, too_many;
};

static int add_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	(void)cmd;
	struct add_opts *o = ctx;
	switch (key) {
	case 'd':
		if (o->n_depts < ADD_DEPTS_MAX)
			o->dept[o->n_depts++] = value;
		else
			o->too_many = true;
		break;
	case 'p': o->person = value; break;
	case 'u': o->due = value; break;
	case 'x': o->detail = value; break;
	case 'k': o->kpi = value; break;
	case 'm': o->measure = value; break;
	case 'F': o->from = value; break;
	case 'C': o->consent = true; break;
	}
	return 0;
}

static int parse_kind(const struct cli_cmd *cmd, const char *s, enum item_kind *out)
{
	int k = item_kind_parse(s);
	for (size_t i = 0; k >= 0 && i < ARRAY_SIZE(addable); i++)
		if (addable[i] == (enum item_kind)k) {
			*out = (enum item_kind)k;
			return 0;
		}
	if (k == ITEM_DECISION)
		return cli_usage_error(cmd, "a decision is taken in a meeting; record it there "
					    "(or add a topic for the next one)");
	return cli_usage_error(cmd, "cannot add '%s': add win, story, insight, parked, topic, "
				    "action, message or note", s);
}

/* The names and the date given, as ids and a date; unknown ones refused. A
 * person named without a department brings their own. */
static int resolve(struct cli *cli, const struct add_opts *o, struct item *it, store_id *depts,
		   struct strbuf *names)
{
	enum store_rc rc;
	for (size_t i = 0; i < o->n_depts; i++) {
		struct dept d;
		if ((rc = dept_find(cli->st, o->dept[i], &d)) != STORE_OK)
			return cli_store_error(cli, rc);
		depts[i] = d.id;
		sb_addf(names, "%s%s", i ? ", " : "", d.name);
		dept_free(&d);
		for (size_t j = 0; j < i; j++)
			if (depts[j] == depts[i])
				return cli_input_error("--dept: %s is named twice", o->dept[i]);
	}
	if (o->n_depts)
		it->dept_id = depts[0];
	if (o->person) {
		struct person p;
		if ((rc = person_find(cli->st, o->person, &p)) != STORE_OK)
			return cli_store_error(cli, rc);
		it->person_id = p.id;
		if (!it->dept_id)
			it->dept_id = p.dept_id;
		person_free(&p);
	}
	if (o->due) {
		if (it->kind != ITEM_ACTION)
			return cli_input_error("--due: only an action has a due date");
		struct org org;
		struct meeting last;
		cx_date today = clock_today();
		struct date_context dc = {today, DATE_NONE};
		if (store_org_get(cli->st, &org) == STORE_OK) {
			bool have_last = store_meeting_last(cli->st, &last) == STORE_OK;
			dc.next_meeting = council_next_meeting(&org.cadence, have_last ? &last : NULL,
							       today);
			org_free(&org);
		}
		char err[512];
		if (date_parse_due(o->due, &dc, &it->due, err, sizeof err) != 0)
			return cli_input_error("--due: %s", err);
	}
	return 0;
}

/* "Recorded win #12 for Sales (Ana Ruiz). It waits for the next meeting." */
static void say_recorded(struct cli *cli, const struct item *it, const char *dept,
			 const char *person, bool live)
{
	char due[16] = "";
	if (it->due != DATE_NONE)
		date_format(it->due, due, sizeof due);
	fprintf(cli->out, "Recorded %s #%lld", item_kind_label(it->kind), (long long)it->id);
	if (dept)
		fprintf(cli->out, "%s %s", it->kind == ITEM_MESSAGE ? " to" : " for", dept);
	if (person)
		fprintf(cli->out, " (%s)", person);
	if (*due)
		fprintf(cli->out, ", due %s", due);
	fprintf(cli->out, ".\n%s\n",
		live ? "The meeting in progress shows it in its step."
		     : "It waits for the next meeting, first in its step.");
}

static int add_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct add_opts o = {0};
	int rc;
	if (!cli_parse(cmd, argc, argv, add_opt, &o, &rc))
		return rc;
	if (optind >= argc)
		return cli_usage_error(cmd, "missing what to add: win, story, insight, parked, "
					    "topic, action, message or note");
	struct item it = {.due = DATE_NONE, .revisit = DATE_NONE, .consent = o.consent};
	if ((rc = parse_kind(cmd, argv[optind], &it.kind)) != 0)
		return rc;
	if (optind + 1 >= argc)
		return cli_usage_error(cmd, "missing the %s's text ('-' reads it from standard "
					    "input)", item_kind_label(it.kind));
	if (o.too_many)
		return cli_usage_error(cmd, "a message goes to at most %d departments", ADD_DEPTS_MAX);
	if (o.n_depts > 1 && it.kind != ITEM_MESSAGE)
		return cli_usage_error(cmd, "only a message goes to more than one department");
	if (o.kpi && it.kind != ITEM_ACTION && it.kind != ITEM_WIN)
		return cli_usage_error(cmd, "--kpi goes with an action or a win");
	if (o.measure && it.kind != ITEM_ACTION && it.kind != ITEM_WIN && it.kind != ITEM_INSIGHT)
		return cli_usage_error(cmd, "--measure goes with a win, an insight or an action");
	if (o.measure && o.kpi)
		return cli_usage_error(cmd, "--kpi or --measure, not both");
	if (o.consent && it.kind != ITEM_STORY)
		return cli_usage_error(cmd, "--consent is a story's: the customer agreed to be named");
	char *text = NULL, *detail = NULL;
	rc = cli_text_arg(argv[optind + 1], &text);
	if (rc == 0 && o.detail)
		rc = cli_text_arg(o.detail, &detail);
	store_id from_id = 0;
	if (rc == 0 && o.from && !cli_parse_id(o.from, &from_id))
		rc = cli_usage_error(cmd, "--from: '%s' is not an item's number", o.from);
	if (rc == 0)
		rc = cli_open(cli);
	struct item from = {0};
	bool have_from = false;
	if (rc == 0 && from_id) {
		enum store_rc frc = store_item_get(cli->st, from_id, &from);
		if (frc == STORE_NOTFOUND)
			rc = cli_input_error("--from: no item #%lld", (long long)from_id);
		else if (frc != STORE_OK)
			rc = cli_store_error(cli, frc);
		else
			have_from = true;
	}
	store_id depts[ADD_DEPTS_MAX] = {0};
	struct strbuf names; /* a message's departments, as they are named */
	sb_init(&names);
	if (rc == 0)
		rc = resolve(cli, &o, &it, depts, &names);
	if (rc == 0) {
		it.text = text;
		it.detail = detail;
		char err[512] = "";
		store_id live;
		bool in_progress = store_meeting_in_progress(cli->st, &live) == STORE_OK;
		/* the item, and a message's other departments, in one transaction */
		enum store_rc src = store_begin(cli->st);
		if (src == STORE_OK)
			src = meeting_add_item(cli->st, &it, have_from ? &from : NULL, clock_now(), err,
					       sizeof err);
		if (src == STORE_OK && o.n_depts > 1)
			src = store_message_recipients_add(cli->st, it.id, depts + 1, o.n_depts - 1);
		/* the department's KPI it serves */
		store_id kpi = 0;
		if (src == STORE_OK && o.kpi &&
		    (src = measure_find(cli->st, it.dept_id, o.kpi, &kpi)) == STORE_NOTFOUND) {
			struct dept d = {0};
			bool named = store_dept_get(cli->st, it.dept_id, &d) == STORE_OK;
			snprintf(err, sizeof err, "%s has no KPI named '%s' (cxmeet kpi list)",
				 named ? d.name : "the department", o.kpi);
			if (named)
				dept_free(&d);
			src = STORE_INVALID;
		}
		/* the scorecard's measure it moved: among all, else the department's */
		if (src == STORE_OK && o.measure) {
			struct measure m;
			src = measure_lookup(cli->st, o.measure, -1, false, &m);
			if (src == STORE_INVALID && it.dept_id)
				src = measure_lookup(cli->st, o.measure, it.dept_id, false, &m);
			if (src == STORE_OK) {
				kpi = m.id;
				measure_free(&m);
			} else if (src == STORE_NOTFOUND) {
				char *safe = text_printable_line(o.measure);
				snprintf(err, sizeof err, "there is no measure named '%s' in use "
					 "(cxmeet measure list)", safe);
				free(safe);
				src = STORE_INVALID;
			} else if (src == STORE_INVALID) {
				snprintf(err, sizeof err, "%s", store_errmsg(cli->st));
			}
		}
		if (src == STORE_OK && kpi)
			src = store_item_set_measure(cli->st, it.id, kpi);
		if (src == STORE_OK)
			src = store_commit(cli->st);
		else
			store_rollback(cli->st);
		if (src == STORE_INVALID && *err)
			rc = cli_input_error("%s", err);
		else if (src != STORE_OK)
			rc = cli_store_error(cli, src);
		else {
			struct item kept;
			if (store_item_get(cli->st, it.id, &kept) == STORE_OK) {
				say_recorded(cli, &kept, o.n_depts > 1 ? names.s : kept.dept_name,
					     kept.person_name, in_progress);
				item_free(&kept);
			} else {
				say_recorded(cli, &it, NULL, NULL, in_progress);
			}
		}
	}
	if (rc == 0 && it.kind == ITEM_WIN && win_only_a_number(text))
		fputs("cxmeet: warning: win recorded. " WIN_ONLY_A_NUMBER_ADVICE
		      " ('cxmeet add win --detail' or the edit form adds it).\n", stderr);
	if (have_from)
		item_free(&from);
	sb_free(&names);
	free(text);
	free(detail);
	return rc;
}

static const struct cli_opt add_options[] = {
	{"dept", 'd', CLI_VALUE},
	{"person", 'p', CLI_VALUE},
	{"due", 'u', CLI_VALUE},
	{"detail", 'x', CLI_VALUE},
	{"consent", 'C', 0},
	{"kpi", 'k', CLI_VALUE | CLI_LONG_ONLY},
	{"measure", 'm', CLI_VALUE},
	{"from", 'F', CLI_VALUE},
	{0},
};

const struct cli_cmd cmd_add = {
	.quiet_ok = true,
	.name = "add",
	.summary = "record a win, story, topic... between meetings, for the next one",
	.usage = "usage: cxmeet add KIND TEXT [--dept DEPT] [--person PERSON] [--due DATE]\n"
		 "                  [--detail TEXT] [--consent] [--kpi NAME | --measure NAME]\n"
		 "                  [--from ID]\n"
		 "\n"
		 "Records an item between meetings: KIND is win, story, insight, parked (a\n"
		 "topic parked for later), topic (a talking point for the next meeting),\n"
		 "action, message (to another department) or note. It is kept with no\n"
		 "meeting and waits for the next one, which shows it first in its step\n"
		 "(wins in the wins step...) for the council to discuss; a talking point\n"
		 "stays on the agenda until a meeting discusses it. TEXT '-' reads the text\n"
		 "from standard input. The kind's rules hold as in a meeting: an action needs\n"
		 "an owner, a department and a due date; a win credits a department; a\n"
		 "message goes to one. Refused input (exit status 2) writes nothing.\n"
		 "\n"
		 "  -d, --dept DEPT     the department credited, concerned or told (a\n"
		 "                      person's own when only --person is given); a\n"
		 "                      message may name several, --dept each\n"
		 "  -p, --person PERSON the hero, teller, owner or who raised it\n"
		 "  -u, --due DATE      an action's due date (2026-12-04, fri, +2w, next...)\n"
		 "  -x, --detail TEXT   the longer text ('-': standard input)\n"
		 "  -C, --consent       a story's customer agreed to be named\n"
		 "      --kpi NAME      the department's KPI an action or a win serves\n"
		 "  -m, --measure NAME  the scorecard's measure a win or an insight moved,\n"
		 "                      or an action serves (cxmeet measure list)\n"
		 "  -F, --from ID       what it came from: a win from an action or a story,\n"
		 "                      an action from a story, an insight or a decision\n"
		 "\n"
		 "A win that only reports a number that moved (\"NPS up 0.1\") is recorded\n"
		 "with a warning: a win says what changed, who did it and what it caused.\n"
		 "\n"
		 "  -q, --quiet         print nothing on success\n",
	.opts = add_options,
	.operands = 2,
	.run = add_run,
};
