/* cmd_initiative.c - `cxmeet initiative`: the council's CX initiatives
 * (initiatives.h): list, add, edit, show, track, milestone and reach. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cli.h"
#include "cxmeet/initiatives.h"
#include "cxmeet/names.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

struct initiative_opts {
	const char *owner, *dept, *due, *title, *note, *quarter, *on;
	bool all, undo;
	enum out_format format;
};

static int initiative_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	struct initiative_opts *o = ctx;
	switch (key) {
	case 'O': o->owner = value; break;
	case 'd': o->dept = value; break;
	case 'u': o->due = value; break;
	case 'T': o->title = value; break;
	case 'n': o->note = value; break;
	case 'Q': o->quarter = value; break;
	case 'w': o->on = value; break;
	case 'a': o->all = true; break;
	case 'U': o->undo = true; break;
	case 'f': return cli_format(cmd, value, OUT_TABLES, &o->format);
	}
	return 0;
}

/* The initiative REF names (its number or whole title). */
static int find(struct cli *cli, const char *ref, struct initiative *in)
{
	enum store_rc src = initiative_lookup(cli->st, ref, in);
	if (src == STORE_NOTFOUND) {
		char *safe = text_printable_line(ref);
		int rc = cli_input_error("there is no initiative '%s' (cxmeet initiative list --all)",
					 safe);
		free(safe);
		return rc;
	}
	return src == STORE_OK ? 0 : cli_store_error(cli, src);
}

static int parse_due(const char *s, cx_date *out)
{
	char err[512];
	struct date_context dc = {clock_today(), DATE_NONE};
	if (date_parse_due(s, &dc, out, err, sizeof err) != 0)
		return cli_input_error("--due: %s", err);
	return 0;
}

/* --owner, --dept, --due, --title into in (what is not given is left). */
static int apply(struct cli *cli, const struct initiative_opts *o, struct initiative *in)
{
	int rc;
	if (o->title)
		in->title = (char *)o->title;
	if (o->dept && (rc = cli_dept_id(cli, o->dept, &in->dept_id)) != 0)
		return rc;
	if (o->owner) {
		struct person p;
		enum store_rc src = person_find(cli->st, o->owner, &p);
		if (src == STORE_NOTFOUND) {
			char *safe = text_printable_line(o->owner);
			rc = cli_input_error("there is no person named '%s' (cxmeet person list)", safe);
			free(safe);
			return rc;
		}
		if (src != STORE_OK)
			return cli_store_error(cli, src);
		in->person_id = p.id;
		if (!o->dept)
			in->dept_id = p.dept_id;
		person_free(&p);
	}
	if (o->due && (rc = parse_due(o->due, &in->due)) != 0)
		return rc;
	return 0;
}

/* --- list ----------------------------------------------------------------- */

/* Plain text counts the milestones as "1/3" (reached of all); JSON and CSV
 * give the two numbers, "milestones" and "milestones_reached". */
#define LIST_COLS(...)                                                                   \
	{"id", COL_INT, true}, {"initiative", COL_TEXT, false}, {"owner", COL_TEXT, false}, \
	{"department", COL_TEXT, false}, {"due_on", COL_TEXT, false},                     \
	{"quarter", COL_TEXT, false}, {"track", COL_TEXT, false}, {"late", COL_BOOL, false}, \
	__VA_ARGS__, {"last_note", COL_TEXT, false}

static const struct table_col list_cols[] = {LIST_COLS({"milestones", COL_TEXT, false})};
static const struct table_col list_data_cols[] = {
	LIST_COLS({"milestones", COL_INT, true}, {"milestones_reached", COL_INT, true})};

/* "2026-Q4" or "2026 Q4": the quarter's first day. */
static int parse_quarter(const char *s, cx_date *out)
{
	int y, q;
	char c, tail;
	if (sscanf(s, "%d%c%*[Qq]%d%c", &y, &c, &q, &tail) != 3 || (c != '-' && c != ' ') ||
	    y < 1970 || y > 9999 || q < 1 || q > 4)
		return cli_input_error("--quarter: '%s' is not a quarter (2026-Q4)", s);
	*out = date_from_ymd(y, (q - 1) * 3 + 1, 1);
	return 0;
}

/* The quarter an initiative is due in: "2026 Q4" in plain text, "2026-Q4" in
 * JSON and CSV, as the ledger names quarters and --quarter reads them. */
static void quarter_text(cx_date due, bool plain, char *buf, size_t len)
{
	initiative_quarter(due, buf, len);
	char *space = strchr(buf, ' ');
	if (!plain && space)
		*space = '-';
}

static void milestones_text(const struct initiative *in, char *buf, size_t len)
{
	if (in->milestones)
		snprintf(buf, len, "%d/%d", in->milestones_done, in->milestones);
	else
		snprintf(buf, len, "-");
}

static int list(struct cli *cli, const struct initiative_opts *o)
{
	cx_date from = DATE_NONE, to = DATE_NONE;
	int rc;
	if (o->quarter) {
		if ((rc = parse_quarter(o->quarter, &from)) != 0)
			return rc;
		to = date_add_months(from, 3);
	}
	struct initiative *v;
	size_t n;
	enum store_rc src = store_initiative_list(cli->st, o->all || o->quarter, from, &v, &n);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	size_t shown = 0;
	for (size_t i = 0; i < n; i++)
		shown += to == DATE_NONE || v[i].due < to;
	if (shown == 0 && o->format == OUT_PLAIN) {
		fputs(o->all || o->quarter
			      ? "No initiatives.\n"
			      : "No open initiatives: cxmeet initiative add TITLE --owner PERSON "
				"--due DATE\n",
		      cli->out);
		initiatives_free(v, n);
		return 0;
	}
	cx_date today = clock_today();
	bool plain = o->format == OUT_PLAIN;
	struct table t;
	if (plain)
		table_init(&t, list_cols, ARRAY_SIZE(list_cols));
	else
		table_init(&t, list_data_cols, ARRAY_SIZE(list_data_cols));
	for (size_t i = 0; i < n; i++) {
		if (to != DATE_NONE && v[i].due >= to)
			continue;
		char due[16], quarter[16], ms[24];
		date_format(v[i].due, due, sizeof due);
		quarter_text(v[i].due, plain, quarter, sizeof quarter);
		milestones_text(&v[i], ms, sizeof ms);
		table_row(&t);
		table_cell_int(&t, (long long)v[i].id);
		table_cell(&t, v[i].title);
		table_cell(&t, v[i].person_name);
		table_cell(&t, v[i].dept_name);
		table_cell(&t, due);
		table_cell(&t, quarter);
		table_cell(&t, initiative_track_word(v[i].track));
		table_cell_bool(&t, initiative_late(&v[i], today));
		if (plain) {
			table_cell(&t, ms);
		} else {
			table_cell_int(&t, v[i].milestones);
			table_cell_int(&t, v[i].milestones_done);
		}
		table_cell(&t, v[i].last_note);
	}
	rc = cli_table_out(cli, &t, o->format);
	table_free(&t);
	initiatives_free(v, n);
	return rc;
}

/* --- add, edit ------------------------------------------------------------ */

static int add(struct cli *cli, const struct initiative_opts *o, const char *title)
{
	struct initiative in = {.title = (char *)title, .due = DATE_NONE};
	int rc = apply(cli, o, &in);
	if (rc)
		return rc;
	if (!o->owner)
		return cli_input_error("an initiative needs one owner (--owner PERSON)");
	if (!o->due)
		return cli_input_error("an initiative needs a due date (--due DATE)");
	store_id id;
	enum store_rc src = initiative_add(cli->st, &in, clock_now(), &id);
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	struct initiative kept;
	if ((src = store_initiative_get(cli->st, id, &kept)) != STORE_OK)
		return cli_store_error(cli, src);
	char due[16], quarter[16];
	date_format(kept.due, due, sizeof due);
	initiative_quarter(kept.due, quarter, sizeof quarter);
	char *safe = text_printable_line(kept.title);
	char *owner = text_printable_line(kept.person_name ? kept.person_name : "");
	char *dept = text_printable_line(kept.dept_name ? kept.dept_name : "no department");
	fprintf(cli->out, "Added initiative #%lld %s: %s (%s), due %s (%s).\n", (long long)id, safe,
		owner, dept, due, quarter);
	free(safe);
	free(owner);
	free(dept);
	initiative_free(&kept);
	return 0;
}

static int edit(struct cli *cli, const struct initiative_opts *o, const char *ref)
{
	struct initiative in;
	int rc = find(cli, ref, &in);
	if (rc)
		return rc;
	char *keep = in.title;
	rc = apply(cli, o, &in);
	if (rc == 0) {
		enum store_rc src = initiative_edit(cli->st, &in);
		if (src != STORE_OK)
			rc = cli_store_error(cli, src);
	}
	if (rc == 0)
		fprintf(cli->out, "Saved initiative #%lld.\n", (long long)in.id);
	in.title = keep;
	initiative_free(&in);
	return rc;
}

/* --- track, milestone, reach ------------------------------------------------- */

static int track(struct cli *cli, const struct initiative_opts *o, const char *ref,
		 const char *word)
{
	int t = initiative_track_parse(word);
	if (t < 0)
		return cli_input_error("'%s' is not a track: on, off, done or dropped", word);
	char *note = NULL;
	int rc = o->note ? cli_text_arg(o->note, &note) : 0;
	if (rc)
		return rc;
	struct initiative in;
	if ((rc = find(cli, ref, &in)) != 0) {
		free(note);
		return rc;
	}
	enum store_rc src = initiative_set_track(cli->st, in.id, (enum initiative_track)t, note, 0,
						 clock_now());
	if (src != STORE_OK)
		rc = cli_store_error(cli, src);
	else
		fprintf(cli->out, "Initiative #%lld is %s.\n", (long long)in.id,
			initiative_track_word((enum initiative_track)t));
	free(note);
	initiative_free(&in);
	return rc;
}

static int milestone(struct cli *cli, const struct initiative_opts *o, const char *ref,
		     const char *title)
{
	cx_date due = DATE_NONE;
	int rc = o->due ? parse_due(o->due, &due) : 0;
	if (rc)
		return rc;
	struct initiative in;
	if ((rc = find(cli, ref, &in)) != 0)
		return rc;
	enum store_rc src = initiative_milestone_add(cli->st, in.id, title, due, clock_now());
	if (src != STORE_OK)
		rc = cli_store_error(cli, src);
	else
		fprintf(cli->out, "Added milestone %d of initiative #%lld.\n", in.milestones + 1,
			(long long)in.id);
	initiative_free(&in);
	return rc;
}

static int reach(struct cli *cli, const struct initiative_opts *o, const char *ref,
		 const char *nth)
{
	char err[512], *end;
	long n = strtol(nth, &end, 10);
	if (*nth < '0' || *nth > '9' || *end || n < 1 || n > 1000)
		return cli_input_error("'%s' is not a milestone's number (cxmeet initiative show "
				       "lists them)", nth);
	cx_date on = clock_today();
	struct date_context dc = {clock_today(), DATE_NONE};
	if (o->on && date_parse(o->on, &dc, DATE_BACK, &on, err, sizeof err) != 0)
		return cli_input_error("--on: %s", err);
	if (on > clock_today())
		return cli_input_error("--on: a milestone is reached today or before, not later");
	struct initiative in;
	int rc = find(cli, ref, &in);
	if (rc)
		return rc;
	enum store_rc src = initiative_milestone_mark(cli->st, in.id, (size_t)n,
						      o->undo ? DATE_NONE : on);
	if (src != STORE_OK)
		rc = cli_store_error(cli, src);
	else
		fprintf(cli->out, o->undo ? "Milestone %ld of initiative #%lld is not reached.\n"
					  : "Milestone %ld of initiative #%lld is reached.\n",
			n, (long long)in.id);
	initiative_free(&in);
	return rc;
}

/* --- show ----------------------------------------------------------------- */

static const struct table_col milestone_cols[] = {
	{"n", COL_INT, true}, {"milestone", COL_TEXT, false}, {"due_on", COL_TEXT, false},
	{"reached_on", COL_TEXT, false},
};
static const struct table_col review_cols[] = {
	{"reviewed_at", COL_TEXT, false}, {"track", COL_TEXT, false},
	{"note", COL_TEXT, false},        {"meeting_id", COL_INT, true},
	{"reviewed_by", COL_TEXT, false},
};

static void milestone_rows(struct table *t, const struct milestone *m, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char due[16] = "", done[16] = "";
		date_format(m[i].due, due, sizeof due);
		date_format(m[i].done_on, done, sizeof done);
		table_row(t);
		table_cell_int(t, (long long)(i + 1));
		table_cell(t, m[i].title);
		table_cell(t, m[i].due != DATE_NONE ? due : NULL);
		table_cell(t, m[i].done_on != DATE_NONE ? done : NULL);
	}
}

static void review_rows(struct table *t, const struct initiative_review *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char at[32];
		clock_format_utc(r[i].at, at, sizeof at);
		table_row(t);
		table_cell(t, at);
		table_cell(t, initiative_track_word(r[i].track));
		table_cell(t, r[i].note);
		if (r[i].meeting_id)
			table_cell_int(t, (long long)r[i].meeting_id);
		else
			table_cell(t, NULL);
		table_cell(t, r[i].by);
	}
}

/* t rendered as a JSON array, without its last newline, into sb. */
static void json_rows(struct strbuf *sb, struct table *t)
{
	struct strbuf rows;
	sb_init(&rows);
	table_render(t, OUT_JSON, &rows);
	while (rows.len && rows.s[rows.len - 1] == '\n')
		rows.s[--rows.len] = '\0';
	sb_add(sb, rows.s);
	sb_free(&rows);
	table_free(t);
}

static int show(struct cli *cli, const struct initiative_opts *o, const char *ref)
{
	struct initiative in;
	int rc = find(cli, ref, &in);
	if (rc)
		return rc;
	struct milestone *m = NULL;
	struct initiative_review *r = NULL;
	size_t nm = 0, nr = 0;
	enum store_rc src = store_milestones(cli->st, in.id, &m, &nm);
	if (src == STORE_OK)
		src = store_initiative_reviews(cli->st, in.id, 0, 0, &r, &nr);
	if (src != STORE_OK) {
		initiative_free(&in);
		milestones_free(m, nm);
		return cli_store_error(cli, src);
	}
	char due[16], quarter[16];
	date_format(in.due, due, sizeof due);
	quarter_text(in.due, o->format == OUT_PLAIN, quarter, sizeof quarter);
	bool late = initiative_late(&in, clock_today());
	struct strbuf sb;
	sb_init(&sb);
	struct table t;
	if (o->format == OUT_JSON) {
		bool f = true;
		sb_add(&sb, "{");
		json_member_int(&sb, &f, "id", in.id);
		json_member_str(&sb, &f, "initiative", in.title);
		json_member_str(&sb, &f, "owner", in.person_name);
		json_member_str(&sb, &f, "department", in.dept_name);
		json_member_str(&sb, &f, "due_on", due);
		json_member_str(&sb, &f, "quarter", quarter);
		json_member_str(&sb, &f, "track", initiative_track_word(in.track));
		json_member_bool(&sb, &f, "late", late);
		json_member(&sb, &f, "milestones");
		table_init(&t, milestone_cols, ARRAY_SIZE(milestone_cols));
		milestone_rows(&t, m, nm);
		json_rows(&sb, &t);
		json_member(&sb, &f, "reviews");
		table_init(&t, review_cols, ARRAY_SIZE(review_cols));
		review_rows(&t, r, nr);
		json_rows(&sb, &t);
		sb_add(&sb, "}\n");
		rc = cli_write(cli, sb.s);
	} else if (o->format == OUT_CSV) {
		table_init(&t, milestone_cols, ARRAY_SIZE(milestone_cols));
		milestone_rows(&t, m, nm);
		rc = cli_table_out(cli, &t, OUT_CSV);
		table_free(&t);
	} else {
		sb_addf(&sb, "Initiative #%lld  %s\n", (long long)in.id, in.title);
		sb_addf(&sb, "Owner       %s\n", in.person_name ? in.person_name : "-");
		sb_addf(&sb, "Department  %s\n", in.dept_name ? in.dept_name : "-");
		sb_addf(&sb, "Due         %s (%s)%s\n", due, quarter, late ? ", late" : "");
		sb_addf(&sb, "Track       %s\n", initiative_track_word(in.track));
		if (in.last_note)
			sb_addf(&sb, "Last note   %s\n", in.last_note);
		sb_add(&sb, "\n");
		rc = cli_write(cli, sb.s);
		if (rc == 0 && nm == 0)
			rc = cli_write(cli, "No milestones: cxmeet initiative milestone ID TEXT "
					    "[--due DATE]\n");
		if (rc == 0 && nm) {
			table_init(&t, milestone_cols, ARRAY_SIZE(milestone_cols));
			milestone_rows(&t, m, nm);
			rc = cli_table_out(cli, &t, OUT_PLAIN);
			table_free(&t);
		}
		if (rc == 0 && nr) {
			rc = cli_write(cli, "\n");
			table_init(&t, review_cols, ARRAY_SIZE(review_cols));
			review_rows(&t, r, nr);
			if (rc == 0)
				rc = cli_table_out(cli, &t, OUT_PLAIN);
			table_free(&t);
		}
	}
	sb_free(&sb);
	milestones_free(m, nm);
	initiative_reviews_free(r, nr);
	initiative_free(&in);
	return rc;
}

/* --- the command ------------------------------------------------------------- */

static int initiative_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct initiative_opts o = {.format = OUT_PLAIN};
	int rc;
	if (!cli_parse(cmd, argc, argv, initiative_opt, &o, &rc))
		return rc;
	static const char *const words[] = {"list",  "add",       "edit", "show",
					    "track", "milestone", "reach"};
	static const int operands[] = {0, 1, 1, 1, 2, 2, 2};
	static const struct cli_subcommand sub = {
		words, operands, ARRAY_SIZE(words),
		"'list', 'add TITLE', 'edit ID', 'show ID', 'track ID on|off|done|dropped', "
		"'milestone ID TEXT' or 'reach ID N'"};
	char **args;
	int a = cli_subcommand(cmd, argc, argv, &sub, &args, &rc);
	if (a < 0)
		return rc;
	if ((o.owner || o.dept) && a != 1 && a != 2)
		return cli_usage_error(cmd, "--owner and --dept go with 'add' or 'edit'");
	if (o.due && a != 1 && a != 2 && a != 5)
		return cli_usage_error(cmd, "--due goes with 'add', 'edit' or 'milestone'");
	if (o.title && a != 2)
		return cli_usage_error(cmd, "--title goes with 'edit'");
	if (o.note && a != 4)
		return cli_usage_error(cmd, "--note goes with 'track'");
	if ((o.all || o.quarter) && a != 0)
		return cli_usage_error(cmd, "--all and --quarter go with 'list'");
	if ((o.on || o.undo) && a != 6)
		return cli_usage_error(cmd, "--on and --undo go with 'reach'");
	if (o.format != OUT_PLAIN && a != 0 && a != 3)
		return cli_usage_error(cmd, "--format goes with 'list' or 'show'");
	if ((rc = cli_open(cli)) != 0)
		return rc;
	switch (a) {
	case 0: return list(cli, &o);
	case 1: return add(cli, &o, args[0]);
	case 2: return edit(cli, &o, args[0]);
	case 3: return show(cli, &o, args[0]);
	case 4: return track(cli, &o, args[0], args[1]);
	case 5: return milestone(cli, &o, args[0], args[1]);
	default: return reach(cli, &o, args[0], args[1]);
	}
}

static const struct cli_opt initiative_options[] = {
	{"owner", 'O', CLI_VALUE | CLI_LONG_ONLY},
	{"dept", 'd', CLI_VALUE},
	{"due", 'u', CLI_VALUE},
	{"title", 'T', CLI_VALUE | CLI_LONG_ONLY},
	{"note", 'n', CLI_VALUE | CLI_LONG_ONLY},
	{"quarter", 'Q', CLI_VALUE | CLI_LONG_ONLY},
	{"on", 'w', CLI_VALUE | CLI_LONG_ONLY},
	{"undo", 'U', CLI_LONG_ONLY},
	{"all", 'a', 0},
	{"format", 'f', CLI_VALUE},
	{0},
};

const struct cli_cmd cmd_initiative = {
	.quiet_ok = true,
	.name = "initiative",
	.summary = "the council's CX initiatives: owner, due date, track, milestones",
	.usage = "usage: cxmeet initiative list [--all] [--quarter YYYY-QN]\n"
		 "                              [--format plain|json|csv]\n"
		 "       cxmeet initiative add TITLE --owner PERSON --due DATE [--dept DEPT]\n"
		 "       cxmeet initiative edit ID [--title T] [--owner P] [--dept D] [--due DATE]\n"
		 "       cxmeet initiative show ID [--format plain|json|csv]\n"
		 "       cxmeet initiative track ID on|off|done|dropped [--note TEXT]\n"
		 "       cxmeet initiative milestone ID TEXT [--due DATE]\n"
		 "       cxmeet initiative reach ID N [--on DATE] [--undo]\n"
		 "\n"
		 "The council's quarterly CX initiatives, each with one owner, a\n"
		 "department (the owner's unless --dept), a due date and a track: on\n"
		 "track, off track, done or dropped. Off track needs a note saying what\n"
		 "is in the way, and dropped a reason; every review is kept, and the\n"
		 "meeting reviews them in its own step, after the action review. list\n"
		 "shows the open ones (--all: done and dropped too; --quarter: those due\n"
		 "in one quarter), the late first by due date. ID is the number list\n"
		 "shows, or the whole title. milestone adds a step to an initiative, and\n"
		 "reach marks step N of it reached (--undo: not reached).\n"
		 "\n"
		 "      --owner PERSON     who owns it\n"
		 "  -d, --dept DEPT        its department\n"
		 "  -u, --due DATE         when it is due (2026-12-31, eom, +6w, ...)\n"
		 "      --title T          its new title\n"
		 "      --note TEXT        why (with track; - reads standard input)\n"
		 "      --quarter Q        those due in quarter Q (2026-Q4)\n"
		 "      --on DATE          the day a milestone was reached (default: today)\n"
		 "      --undo             a milestone not reached after all\n"
		 "  -a, --all              done and dropped initiatives too\n"
		 "  -f, --format F         plain (the default), json or csv\n"
		 "  -q, --quiet            print nothing on success\n",
	.opts = initiative_options,
	.operands = CLI_ANY,
	.run = initiative_run,
};
