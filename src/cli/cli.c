/* cli.c - the command table, global options and the helpers every command
 * family shares. One file per family (cmd_*.c) holds the handlers. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "cxmeet/cli.h"
#include "cxmeet/dates.h"
#include "cxmeet/editor.h"
#include "cxmeet/progress.h"
#include "cxmeet/setup.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

int cmd_init(struct cli *cli, int argc, char **argv);
int cmd_status(struct cli *cli, int argc, char **argv);
int cmd_org(struct cli *cli, int argc, char **argv);
int cmd_charter(struct cli *cli, int argc, char **argv);
int cmd_dept(struct cli *cli, int argc, char **argv);
int cmd_person(struct cli *cli, int argc, char **argv);
int cmd_champions(struct cli *cli, int argc, char **argv);
int cmd_demo(struct cli *cli, int argc, char **argv);
int cmd_tui(struct cli *cli, int argc, char **argv);
int cmd_show(struct cli *cli, int argc, char **argv);
int cmd_check(struct cli *cli, int argc, char **argv);
int cmd_history(struct cli *cli, int argc, char **argv);
int cmd_search(struct cli *cli, int argc, char **argv);
int cmd_export(struct cli *cli, int argc, char **argv);
int cmd_cadence(struct cli *cli, int argc, char **argv);
int cmd_actions(struct cli *cli, int argc, char **argv);
int cmd_done(struct cli *cli, int argc, char **argv);
int cmd_overdue(struct cli *cli, int argc, char **argv);
int cmd_digest(struct cli *cli, int argc, char **argv);
int cmd_agenda(struct cli *cli, int argc, char **argv);
int cmd_decisions(struct cli *cli, int argc, char **argv);
int cmd_supersede(struct cli *cli, int argc, char **argv);

const struct command cli_commands[] = {
	{"init", "create the database with the default departments and agenda",
	 "usage: cxmeet init [--org NAME]\n"
	 "\n"
	 "Creates the database (if needed) with the default departments and the\n"
	 "standard agenda. Running it again changes nothing, except the name when\n"
	 "--org is given.\n"
	 "\n"
	 "  -o, --org NAME   the organisation's name\n",
	 cmd_init, true},
	{"tui", "the full-screen interface: run a meeting (the default on a terminal)",
	 "usage: cxmeet [tui]\n"
	 "\n"
	 "Opens the full-screen interface: the home screen, and from it a council\n"
	 "meeting, started or resumed at its step. Press ? for the keys.\n",
	 cmd_tui, true},
	{"status", "summary of the organisation and its council",
	 "usage: cxmeet status\n"
	 "\n"
	 "Prints the organisation, its cadence and how much the database holds.\n",
	 cmd_status, false},
	{"org", "show or set the organisation's name, mission, success statement, cadence",
	 "usage: cxmeet org show\n"
	 "       cxmeet org set name|mission|success|cadence|escalate VALUE\n"
	 "       cxmeet org history name|mission|success\n"
	 "\n"
	 "VALUE '-' reads the value from standard input.\n"
	 "cadence is weekly, \"every two weeks\", monthly, quarterly, or \"every N days\"\n"
	 "(also every N weeks, every N months). escalate is how many meetings an\n"
	 "open action may be carried through before it is flagged for the sponsor.\n",
	 cmd_org, false},
	{"charter", "show or set the six answers of the CX charter",
	 "usage: cxmeet charter show\n"
	 "       cxmeet charter set N [TEXT]\n"
	 "       cxmeet charter history N\n"
	 "\n"
	 "N is 1 to 6: 1 vision, 2 goals and objectives, 3 roles and\n"
	 "responsibilities, 4 how we prioritise, 5 who needs to know and who\n"
	 "approves, 6 how we work together. TEXT '-' reads the answer from\n"
	 "standard input. Without TEXT, $VISUAL or $EDITOR opens with the current\n"
	 "answer (only on a terminal).\n",
	 cmd_charter, false},
	{"dept", "list, add, rename or archive departments",
	 "usage: cxmeet dept list [--all]\n"
	 "       cxmeet dept add NAME [--behind-the-scenes | --customer-facing]\n"
	 "       cxmeet dept rename NAME NEW-NAME\n"
	 "       cxmeet dept set NAME --behind-the-scenes | --customer-facing\n"
	 "       cxmeet dept archive NAME [--undo]\n"
	 "\n"
	 "Names are unique, compared without regard to case. Archived departments\n"
	 "keep their history; list --all shows them.\n",
	 cmd_dept, false},
	{"person", "list, add, edit or archive council members",
	 "usage: cxmeet person list [--dept DEPT] [--all]\n"
	 "       cxmeet person add NAME --dept DEPT [--role ROLE] [--email EMAIL]\n"
	 "       cxmeet person edit NAME [--name NEW] [--dept DEPT] [--role ROLE]\n"
	 "                               [--email EMAIL] [--influence LEVEL]\n"
	 "                               [--support LEVEL]\n"
	 "       cxmeet person archive NAME [--undo]\n"
	 "\n"
	 "ROLE is sponsor, lead, champion, member (the default) or guest.\n"
	 "--email '' removes an email address. --influence (over decisions) and\n"
	 "--support (for CX) place the person on the stakeholder map: LEVEL is\n"
	 "low, high or unset.\n",
	 cmd_person, false},
	{"agenda", "list, export, import, copy, rename or archive agenda templates",
	 "usage: cxmeet agenda list [--format plain|json|csv]\n"
	 "       cxmeet agenda show NAME\n"
	 "       cxmeet agenda export NAME [-o FILE|-] [--force]\n"
	 "       cxmeet agenda import FILE|- [--name NAME] [--replace]\n"
	 "       cxmeet agenda default NAME\n"
	 "       cxmeet agenda copy NAME NEW-NAME\n"
	 "       cxmeet agenda rename NAME NEW-NAME\n"
	 "       cxmeet agenda archive NAME\n"
	 "\n"
	 "Agenda templates are the steps a meeting follows; each meeting keeps its\n"
	 "own copy, so changing a template never changes a past meeting. Files use\n"
	 "the plain-text format of the standard agenda: 'template NAME', then\n"
	 "'step MINUTES KIND TITLE' lines, each followed by its indented prompt.\n"
	 "An import with errors reports them as FILE:LINE and writes nothing.\n"
	 "The default agenda cannot be archived: make another one the default.\n"
	 "\n"
	 "  -f, --format FORMAT  list: plain, json or csv\n"
	 "  -o, --output FILE    export: write to FILE (written whole or not at\n"
	 "                       all); '-' prints\n"
	 "      --force          export: replace FILE if it exists\n"
	 "  -n, --name NAME      import: under NAME instead of the file's name\n"
	 "      --replace        import: replace the steps of the agenda of that\n"
	 "                       name if it exists\n",
	 cmd_agenda, false},
	{"history", "list past meetings, newest first, with what each one decided",
	 "usage: cxmeet history [--since DATE] [--dept DEPT] [--limit N]\n"
	 "                      [--format plain|json|csv]\n"
	 "\n"
	 "Lists the meetings held, newest first: date, start, length in minutes,\n"
	 "people present, departments present (how many, and which), decisions,\n"
	 "actions and wins captured, rating and status.\n"
	 "\n"
	 "  -s, --since DATE    meetings started on or after DATE: YYYY-MM-DD,\n"
	 "                      today, yesterday, -2w, a weekday (the last one:\n"
	 "                      friday is the Friday before today)\n"
	 "  -d, --dept DEPT     meetings that department attended\n"
	 "  -n, --limit N       the newest N meetings only\n"
	 "  -f, --format F      plain (the default), json or csv\n",
	 cmd_history, false},
	{"search", "find items of every meeting by the words in them",
	 "usage: cxmeet search WORDS... [--dept DEPT] [--kind KIND] [--limit N]\n"
	 "                     [--format plain|json|csv]\n"
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
	 "  -f, --format F      plain (the default), json or csv\n",
	 cmd_search, false},
	{"show", "print a meeting's minutes as Markdown or JSON, or save them to a file",
	 "usage: cxmeet show [MEETING] [--format md|json] [-o FILE] [--force]\n"
	 "\n"
	 "Prints the minutes of a meeting: times, attendance by department, the\n"
	 "agenda with the time spent, every item captured, and the action review.\n"
	 "MEETING is a meeting's number or 'last' (the default: the most recent).\n"
	 "\n"
	 "      --format F      md (Markdown, to mail; the default) or json (one\n"
	 "                      object with every field)\n"
	 "  -o, --output FILE   save to FILE, readable by you only, instead of\n"
	 "                      printing; in a folder, as cx-council-YYYY-MM-DD.md;\n"
	 "                      '-' prints\n"
	 "      --force         replace FILE if it exists\n",
	 cmd_show, false},
	{"actions", "list actions: open, overdue, due this week, done or dropped",
	 "usage: cxmeet actions [--overdue | --state STATE] [--owner PERSON] [--dept DEPT]\n"
	 "                      [--due-before DATE] [--format plain|json|csv]\n"
	 "\n"
	 "Lists actions, overdue ones first (earliest due first), then by due date:\n"
	 "number, due date, days overdue, slips (times the date moved later),\n"
	 "meetings carried through, whether it is flagged for escalation to the\n"
	 "sponsor (cxmeet org set escalate N), status, owner, department, the date\n"
	 "of the meeting it came from, and its text.\n"
	 "\n"
	 "  -s, --state STATE      open (the default), overdue, week (due today to\n"
	 "                         six days ahead), done, dropped or all\n"
	 "      --overdue          the same as --state overdue\n"
	 "  -o, --owner PERSON     only the actions PERSON owns\n"
	 "  -d, --dept DEPT        only the actions of department DEPT\n"
	 "  -b, --due-before DATE  only those due before DATE (YYYY-MM-DD, or a form\n"
	 "                         such as today, +2w, -1w, fri (the next Friday),\n"
	 "                         eom)\n"
	 "      --format FORMAT    plain (the default), json or csv\n",
	 cmd_actions, false},
	{"done", "mark an action done, outside a meeting",
	 "usage: cxmeet done ID [--reason TEXT]\n"
	 "\n"
	 "Marks the open action number ID (see 'cxmeet actions') done, recorded in\n"
	 "its history with no meeting. An unknown number, an item that is not an\n"
	 "action, or an action already done or dropped is refused (exit status 2)\n"
	 "and nothing is written.\n"
	 "\n"
	 "  -r, --reason TEXT   a note kept with the event ('-': read from standard\n"
	 "                      input)\n",
	 cmd_done, false},
	{"overdue", "list overdue actions; exit status 8 when there are any",
	 "usage: cxmeet overdue [--format plain|json|csv]\n"
	 "\n"
	 "Lists the open actions past their due date, as 'cxmeet actions\n"
	 "--overdue' does, and exits with status 8 when there is at least one, 0\n"
	 "when there is none: a cron job can act on it.\n"
	 "\n"
	 "      --format FORMAT   plain (the default), json or csv\n",
	 cmd_overdue, false},
	{"digest", "overdue and soon-due actions by owner, as text for a mail",
	 "usage: cxmeet digest [--days N]\n"
	 "\n"
	 "Prints the open actions that are overdue or due within N days (default\n"
	 "7), grouped by owner with their email address when known, then 'No\n"
	 "owner'. Each action shows its due date, how late it is, its department,\n"
	 "and whether it has been carried so often that it goes to the sponsor.\n"
	 "\n"
	 "  -n, --days N   how many days ahead count as due soon (0 to 366)\n",
	 cmd_digest, false},
	{"decisions", "the decision log: revisits due first, then the newest",
	 "usage: cxmeet decisions [--revisit-due] [--dept DEPT] [--all]\n"
	 "                        [--search WORDS] [--format plain|json|csv]\n"
	 "\n"
	 "Lists the decisions in force: first those due for a revisit (revisit\n"
	 "date today or earlier), earliest revisit first, then the rest, newest\n"
	 "first. Each shows its date, department, who decided, the revisit date,\n"
	 "how many items are linked to it, its text and why it was taken.\n"
	 "\n"
	 "  -r, --revisit-due   only the decisions due for a revisit\n"
	 "  -d, --dept DEPT     only the decisions of department DEPT\n"
	 "  -a, --all           superseded decisions too, with what superseded them\n"
	 "  -s, --search WORDS  only the decisions whose text, detail or rationale\n"
	 "                      hold every word (or a word starting so)\n"
	 "      --format F      plain (the default: a short block per decision),\n"
	 "                      json or csv (one row per decision, every column)\n",
	 cmd_decisions, false},
	{"supersede", "mark a decision superseded by a later one",
	 "usage: cxmeet supersede OLD NEW\n"
	 "\n"
	 "Marks decision OLD as superseded by decision NEW (numbers as shown by\n"
	 "cxmeet decisions, with or without '#'). NEW must be a decision taken at\n"
	 "the same time as OLD or later, and OLD must not be superseded already.\n"
	 "Both stay in the log; the change is recorded in OLD's history.\n",
	 cmd_supersede, false},
	{"cadence", "is the council keeping its cadence, and which departments take part",
	 "usage: cxmeet cadence [--meetings N] [--format plain|json|csv] [--table TABLE]\n"
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
	 cmd_cadence, false},
	{"champions", "the stakeholder map's champions and heroes, with their record",
	 "usage: cxmeet champions [--all] [--format plain|json|csv]\n"
	 "\n"
	 "Prints the champions (high support for CX, or the champion role) and\n"
	 "the heroes (wins credited to them), most wins first, each with their\n"
	 "department, role, quadrant on the stakeholder map, wins credited,\n"
	 "actions done on time out of those due (done, or open past their due\n"
	 "date), open actions and overdue ones.\n"
	 "\n"
	 "  -a, --all            everyone on the council, not only champions and\n"
	 "                       heroes (archived people are never shown)\n"
	 "  -f, --format FORMAT  plain (the default), json or csv\n",
	 cmd_champions, false},
	{"export", "all the data as JSON or CSV, or open actions as an iCalendar file",
	 "usage: cxmeet export [--format json|csv|ics] [-o FILE|-] [--force]\n"
	 "\n"
	 "json (the default): the organisation, departments, people, meetings\n"
	 "and every item, in one document. csv: the items, one row each, with a\n"
	 "header row. ics: an iCalendar file with a to-do for every open action\n"
	 "(due date, owner, department) and an event on the next meeting's date,\n"
	 "for calendar programs.\n"
	 "\n"
	 "  -f, --format FORMAT  json, csv or ics\n"
	 "  -o, --output FILE    write to FILE (written whole or not at all)\n"
	 "      --force          replace FILE if it exists\n",
	 cmd_export, false},
	{"demo", "write a realistic synthetic history, for trying cxmeet out",
	 "usage: cxmeet demo [--years N] [--seed S]\n"
	 "\n"
	 "Fills a database that has no meetings yet with N years (default 2, at\n"
	 "most 20) of weekly council meetings ending now: departments, people,\n"
	 "attendance, and items of every kind, with actions done, dropped, slipped\n"
	 "and overdue. The same seed always writes the same history.\n",
	 cmd_demo, true},
	{"check", "check that the database file is healthy",
	 "usage: cxmeet check\n"
	 "\n"
	 "Compares the schema with the one this version makes (every table,\n"
	 "index, trigger or view missing or altered), runs SQLite's integrity\n"
	 "check and checks every reference between records. Prints 'ok' and\n"
	 "exits 0 when the file is healthy; otherwise prints what it found and\n"
	 "exits 5. Objects of your own are noted, not problems. Changes nothing.\n",
	 cmd_check, false},
};

const size_t cli_command_count = ARRAY_SIZE(cli_commands);

static const char main_usage[] =
	"usage: cxmeet [--db PATH] COMMAND [ARGS]\n"
	"\n"
	"Runs a cross-functional CX council: agenda, decisions, actions, wins,\n"
	"customer stories and insights, kept in a local SQLite file.\n"
	"\n"
	"Options:\n"
	"  -d, --db PATH   the database file (default: $CXMEET_DB, else\n"
	"                  $XDG_DATA_HOME/cxmeet/cxmeet.db)\n"
	"  -h, --help      show this help\n"
	"  -V, --version   show the version\n"
	"\n"
	"Commands:\n";

static void print_main_usage(FILE *out)
{
	fputs(main_usage, out);
	for (size_t i = 0; i < cli_command_count; i++) {
		fputs("  ", out);
		cli_pad(out, cli_commands[i].name, 10);
		fprintf(out, "%s\n", cli_commands[i].summary);
	}
	fputs("\nWithout a command, cxmeet opens the full-screen interface (or prints the\n"
	      "status when not on a terminal). 'cxmeet COMMAND --help' tells more; so does\n"
	      "'man cxmeet'.\n", out);
}

const struct command *cli_find(const char *name)
{
	for (size_t i = 0; i < cli_command_count; i++)
		if (strcmp(cli_commands[i].name, name) == 0)
			return &cli_commands[i];
	return NULL;
}

int cli_format(const struct command *cmd, const char *arg, unsigned allowed,
	       enum out_format *f)
{
	int v = out_format_parse(arg, allowed);
	if (v >= 0) {
		*f = (enum out_format)v;
		return 0;
	}
	struct strbuf names;
	sb_init(&names);
	for (int i = OUT_PLAIN; i <= OUT_ICS; i++)
		if (allowed & OUT_ALLOW(i))
			sb_addf(&names, "%s%s", names.len ? ", " : "", out_format_name((enum out_format)i));
	int rc = cli_usage_error(cmd, "unknown format '%s' for %s (use %s)", arg, cmd->name,
				 names.s);
	sb_free(&names);
	return rc;
}

int cli_table_out(struct cli *cli, const struct table *t, enum out_format f)
{
	if (!table_write(t, f, cli->out) || fflush(cli->out) != 0)
		return cli_output_error(cli, errno);
	return 0;
}

int cli_text_arg(const char *arg, char **out)
{
	char err[256];
	*out = NULL;
	if (strcmp(arg, "-") != 0) {
		*out = xstrdup(arg);
		return 0;
	}
	int rc = editor_read_stdin(out, err, sizeof err);
	if (rc == 0) {
		/* the newline that ends a file or an echo is not part of the value */
		size_t len = strlen(*out);
		while (len > 0 && ((*out)[len - 1] == '\n' || (*out)[len - 1] == '\r'))
			(*out)[--len] = '\0';
		return 0;
	}
	cli_report("%s", err);
	return rc == -2 ? EXIT_USAGE : EXIT_RUNTIME;
}

int cli_write(struct cli *cli, const char *text)
{
	if (fputs(text, cli->out) == EOF || fflush(cli->out) != 0)
		return cli_output_error(cli, errno);
	return 0;
}

int cli_output_error(struct cli *cli, int err)
{
	int status = EXIT_RUNTIME;
	if (err == ENOSPC || err == EFBIG
#ifdef EDQUOT
	    || err == EDQUOT
#endif
	)
		status = EXIT_FULL;
	if (cli->output_failed)
		return cli->output_failed;
	if (err)
		cli_report("cannot write the output: %s", strerror(err));
	else
		cli_report("cannot write the output");
	cli->output_failed = status;
	return status;
}

/* Writes sb to the output and empties it; false when writing failed. */
static bool flush_buf(struct cli *cli, struct strbuf *sb)
{
	bool ok = sb->len == 0 || fwrite(sb->s, 1, sb->len, cli->out) == sb->len;
	sb->len = 0; /* kept for the next page */
	return ok;
}

/* Plain text, once the first page is read: the widths of the whole table,
 * from that page and from what bounds each column (w_max). */
static int *plain_widths(const struct table *t, const int *w_max)
{
	int *w = xcalloc(t->ncols, sizeof *w);
	table_plain_measure(t, w);
	for (size_t c = 0; w_max && c < t->ncols; c++)
		w[c] = w_max[c] > w[c] ? w_max[c] : w[c];
	return w;
}

int cli_table_pages(struct cli *cli, const struct table_col *cols, size_t ncols,
		    const int *w_max, enum out_format f, size_t page, cli_page_fn fill,
		    void *ctx, size_t *rows)
{
	struct table t;
	struct strbuf sb;
	size_t done = 0;
	bool ok = true, first = true;
	int status = 0, *w = NULL;
	*rows = 0;
	table_init(&t, cols, ncols); /* empty: for the header */
	sb_init(&sb);
	table_stream_begin(&t, f, &sb);
	for (;; first = false) {
		table_clear(&t);
		long n = fill(cli, ctx, done, page, &t, &status);
		if (n < 0) {
			table_free(&t);
			sb_free(&sb);
			free(w);
			return status;
		}
		bool last = (size_t)n < page;
		if (f != OUT_PLAIN)
			table_stream_rows(&t, f, *rows, &sb);
		else if (first && last && t.nrows)
			table_render(&t, f, &sb); /* the whole table at hand: measured */
		else if (t.nrows) {
			bool header = !w;
			if (!w)
				w = plain_widths(&t, w_max);
			table_plain_rows(&t, w, header, &sb);
		}
		*rows += t.nrows;
		ok = ok && flush_buf(cli, &sb);
		done += (size_t)n;
		if (last)
			break;
	}
	table_stream_end(&t, f, *rows, &sb);
	table_free(&t);
	free(w);
	ok = flush_buf(cli, &sb) && ok;
	sb_free(&sb);
	if (ok && fflush(cli->out) == 0 && !ferror(cli->out))
		return 0;
	return cli_output_error(cli, errno);
}

/* Widest names: every department's and every person's, archived ones too
 * (their rows still name them). Small tables; 0 if they cannot be read. */
static void widest(const char *name, void *ctx)
{
	int *w = ctx, cw = cli_cell_width(name);
	*w = cw > *w ? cw : *w;
}

int cli_widest_dept(struct cli *cli)
{
	int w = 0;
	return store_names_each(cli->st, false, widest, &w) == STORE_OK ? w : 0;
}

int cli_widest_person(struct cli *cli)
{
	int w = 0;
	return store_names_each(cli->st, true, widest, &w) == STORE_OK ? w : 0;
}

int cli_id_width(struct cli *cli, bool meeting)
{
	store_id item, met;
	if (store_id_bounds(cli->st, &item, &met) != STORE_OK)
		return 0;
	char buf[32];
	return snprintf(buf, sizeof buf, "%lld", (long long)(meeting ? met : item));
}

int cli_cell_width(const char *text)
{
	char *line = text_printable_line(text ? text : "");
	int w = text_width(line);
	free(line);
	return w;
}

void cli_pad(FILE *out, const char *text, int width)
{
	/* A cell is one row: a tab or line break stored in it is a space. */
	char *line = text_printable_line(text ? text : "");
	fputs(line, out);
	for (int w = text_width(line); w < width; w++)
		fputc(' ', out);
	free(line);
}

char *cli_default_db_path(void)
{
	const char *env = getenv("CXMEET_DB");
	if (env && *env)
		return xstrdup(env);
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && xdg[0] == '/') /* the spec ignores relative values */
		return xasprintf("%s/cxmeet/cxmeet.db", xdg);
	const char *home = getenv("HOME");
	if (!home || !*home)
		return NULL;
	return xasprintf("%s/.local/share/cxmeet/cxmeet.db", home);
}

/* Every message to stderr goes through here: user input quoted in it never
 * reaches the terminal as raw control characters. */
static void vreport(const char *fmt, va_list ap)
{
	char *msg = NULL;
	if (vasprintf(&msg, fmt, ap) < 0)
		die("out of memory");
	char *safe = text_printable(msg);
	fprintf(stderr, "cxmeet: %s\n", safe);
	free(safe);
	free(msg);
}

void cli_report(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
}

int cli_input_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
	return EXIT_USAGE;
}

int cli_usage_error(const struct command *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(fmt, ap);
	va_end(ap);
	if (cmd)
		fprintf(stderr, "Try 'cxmeet %s --help'.\n", cmd->name);
	return EXIT_USAGE;
}

int cli_exit_status(enum store_rc rc)
{
	switch (rc) {
	case STORE_OK:
		return EXIT_OK;
	case STORE_NOTFOUND:
	case STORE_DUPLICATE:
	case STORE_INVALID:
		return EXIT_USAGE;
	case STORE_BUSY:
	case STORE_NOT_HELD:
		return EXIT_BUSY;
	case STORE_READONLY:
		return EXIT_READONLY;
	case STORE_CORRUPT:
		return EXIT_DAMAGED;
	case STORE_NEWER:
		return EXIT_NEWER;
	case STORE_FULL:
		return EXIT_FULL;
	case STORE_ERROR:
		break;
	}
	return EXIT_RUNTIME;
}

int cli_store_error(struct cli *cli, enum store_rc rc)
{
	cli_report("%s", cli->st ? store_errmsg(cli->st) : "database error");
	return cli_exit_status(rc);
}

static const char no_path[] =
	"no database path: set HOME, XDG_DATA_HOME or CXMEET_DB, or use --db";

/* Long work on the file (store_set_progress), on a terminal's line. */
static void show_progress(const char *what, double seconds, void *ctx)
{
	(void)ctx;
	progress_time(what, seconds);
}

int cli_open_only(struct cli *cli)
{
	char err[PATH_MAX + 512]; /* the message quotes the path */
	if (!cli->db_path)
		return cli_input_error(no_path);
	store_set_progress(isatty(STDERR_FILENO) ? show_progress : NULL, NULL);
	enum store_rc rc = store_open_mode(cli->db_path, cli->may_create, &cli->st, err,
					   sizeof err);
	if (rc != STORE_OK) {
		cli_report("%s", err);
		return cli_exit_status(rc);
	}
	return 0;
}

int cli_open(struct cli *cli)
{
	int rc = cli_open_only(cli);
	if (rc)
		return rc;
	bool created;
	enum store_rc src = setup_ensure(cli->st, NULL, &created);
	return src == STORE_OK ? 0 : cli_store_error(cli, src);
}

int cli_getopt(const struct command *cmd, int argc, char **argv, const char *shortopts,
	       const struct option *longopts)
{
	static const struct option help_only[] = {{"help", no_argument, NULL, 'h'}, {0}};
	char shorts[64];
	snprintf(shorts, sizeof shorts, ":h%s", shortopts ? shortopts : "");
	int c = getopt_long(argc, argv, shorts, longopts ? longopts : help_only, NULL);
	if (c == 'h') {
		fputs(cmd->usage, stdout);
		return 'h';
	}
	if (c == '?') {
		if (optopt)
			cli_usage_error(cmd, "unknown option '-%c'", optopt);
		else
			cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
		return '?';
	}
	if (c == ':') {
		cli_usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
		return '?';
	}
	return c;
}

/* Everything a command prints passes the guard of core's text rule on its
 * way to stdout: text stored behind the program's back (by a database tool, an
 * import, an older version) reaches no terminal raw, whichever command or
 * format prints it. The writers of each format clean their text already;
 * this is the one place that catches what a plain fprintf would let by. */
struct out_guard {
	FILE *to;
	struct text_guard g;
};

static bool guard_pass(struct out_guard *og, const char *buf, size_t n, bool end)
{
	/* Most output is safe and does not end inside a character or a CRLF:
	 * written as it is. */
	unsigned char last = n ? (unsigned char)buf[n - 1] : 0;
	if (!end && og->g.npend == 0 && n > 0 && last < 0x80 && last != '\r' &&
	    text_is_safe_crlf(buf, n))
		return fwrite(buf, 1, n, og->to) == n;
	struct strbuf sb;
	sb_init(&sb);
	if (n)
		text_guard_feed(&og->g, buf, n, &sb);
	if (end)
		text_guard_end(&og->g, &sb);
	bool ok = sb.len == 0 || fwrite(sb.s, 1, sb.len, og->to) == sb.len;
	sb_free(&sb);
	return ok;
}

/* Passed on at once, so that a failed write shows at the fflush of cli->out
 * that the commands check. */
static ssize_t guard_write(void *cookie, const char *buf, size_t n)
{
	struct out_guard *og = cookie;
	return guard_pass(og, buf, n, false) && fflush(og->to) == 0 ? (ssize_t)n : -1;
}

static int guard_close(void *cookie)
{
	bool ok = guard_pass(cookie, NULL, 0, true);
	free(cookie);
	return ok ? 0 : EOF;
}

static FILE *guard_open(FILE *to)
{
	struct out_guard *og = xcalloc(1, sizeof *og);
	og->to = to;
	FILE *fp = fopencookie(og, "w", (cookie_io_functions_t){.write = guard_write,
								.close = guard_close});
	if (!fp)
		die("out of memory");
	setvbuf(fp, NULL, _IOFBF, 1 << 16);
	return fp;
}

/* The last word on the output, for every command: the guard is closed and
 * stdout flushed, and a write that failed and was not reported yet (by a
 * command that wrote without checking) is reported here, once. */
static int finish(struct cli *cli, int rc)
{
	int err = 0;
	bool ok = true;
	if (cli->out != stdout) {
		errno = 0;
		ok = fclose(cli->out) == 0;
		err = ok ? 0 : errno;
		cli->out = stdout;
	}
	errno = 0;
	if (fflush(stdout) != 0) {
		if (ok)
			err = errno;
		ok = false;
	}
	if (cli->output_failed)
		return cli->output_failed;
	if (!ok || ferror(stdout))
		return cli_output_error(cli, err);
	return rc;
}

int cli_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{0},
	};
	struct cli cli = {.out = stdout};
	char *path = NULL;
	char clock_err[256];
	int c;
	/* Every run of the command line, the full-screen interface included and the
	 * tests that call this in-process, reads CXMEET_NOW afresh here. */
	if (clock_init(clock_err, sizeof clock_err) != 0) {
		cli_report("%s", clock_err);
		return EXIT_USAGE;
	}
	opterr = 0;
	clearerr(stdout); /* a failed write of an earlier in-process run */
	while ((c = getopt_long(argc, argv, "+:d:hV", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			free(path);
			path = xstrdup(optarg);
			break;
		case 'h':
			print_main_usage(stdout);
			free(path);
			return finish(&cli, EXIT_OK);
		case 'V':
			printf("cxmeet %s (schema %d, SQLite %s)\n", CXMEET_VERSION,
			       STORE_SCHEMA_VERSION, store_backend_version());
			free(path);
			return finish(&cli, EXIT_OK);
		case ':':
			free(path);
			return cli_usage_error(NULL, "option '%s' needs a value", argv[optind - 1]);
		default:
			free(path);
			cli_usage_error(NULL, "unknown option '%s'", argv[optind - 1]);
			fputs("Try 'cxmeet --help'.\n", stderr);
			return EXIT_USAGE;
		}
	}
	/* Without a command: the full-screen interface on a terminal, else the status. */
	bool interactive = optind >= argc && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	const char *name = optind < argc ? argv[optind] : interactive ? "tui" : "status";
	const struct command *cmd = cli_find(name);
	if (!cmd) {
		free(path);
		cli_usage_error(NULL, "'%s' is not a cxmeet command", name);
		fputs("Try 'cxmeet --help'.\n", stderr);
		return EXIT_USAGE;
	}
	if (!path)
		path = cli_default_db_path(); /* NULL is reported when a command opens it */
	cli.db_path = path;
	cli.may_create = cmd->creates;
	int sub_argc = optind < argc ? argc - optind : 1;
	char *status_argv[] = {(char *)name, NULL};
	char **sub_argv = optind < argc ? argv + optind : status_argv;
	optind = 0; /* restart getopt for the subcommand (GNU) */
	cli.out = guard_open(stdout);
	int rc = cmd->run(&cli, sub_argc, sub_argv);
	store_close(cli.st);
	free(path);
	return finish(&cli, rc);
}
