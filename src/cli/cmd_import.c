/* cmd_import.c - `cxmeet import FILE`: data loaded from a file. The kind of
 * file is chosen here (--format, --from): the JSON export, the default, read
 * by core/import_json.c; actions from a spreadsheet saved as CSV or from
 * taskwarrior, by core/import_actions.c (import.h holds the rules; this
 * reads the options and the file, and tells). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "cxmeet/cli.h"
#include "cxmeet/import.h"
#include "cxmeet/meeting.h"
#include "cxmeet/progress.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

struct import_opts {
	const char *format, *from;
	bool merge;
};

static int import_opt(const struct cli_cmd *cmd, int key, const char *value, void *ctx)
{
	(void)cmd;
	struct import_opts *o = ctx;
	switch (key) {
	case 'f': o->format = value; break;
	case 'F': o->from = value; break;
	case 'm': o->merge = true; break;
	}
	return 0;
}

struct import_ctx {
	const char *file; /* printable */
	struct progress bar;
	/* taskwarrior's export, checked before it is written: its size (0: a
	 * pipe's, not known), and whether the bar still counts its kilobytes */
	long size;
	bool checking;
};

static void report(void *ctx, long line, const char *msg)
{
	struct import_ctx *c = ctx;
	progress_end(&c->bar);
	if (line > 0)
		cli_report("%s:%ld: %s", c->file, line, msg);
	else
		cli_report("%s: %s", c->file, msg);
}

static void tick(void *ctx, long done, long total)
{
	struct import_ctx *c = ctx;
	if (c->checking) {
		progress_end(&c->bar);
		progress_begin(&c->bar, "importing", "tasks");
		c->checking = false;
	}
	progress_count(&c->bar, done, total);
}

/* The kilobytes of taskwarrior's export checked so far (a pipe's: the time
 * taken). */
static void checked(void *ctx, long bytes)
{
	struct import_ctx *c = ctx;
	if (!c->bar.on)
		return;
	if (c->size > 0) {
		progress_count(&c->bar, bytes / 1024, c->size / 1024);
		return;
	}
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	c->bar.shown = true; /* cleared by progress_end */
	progress_time("checking the tasks", (double)(now.tv_sec - c->bar.start.tv_sec) +
						    (double)(now.tv_nsec - c->bar.start.tv_nsec) / 1e9);
}

/* The context of a due date: today and the next meeting. */
static struct date_context due_context(struct cli *cli)
{
	struct org org;
	struct meeting last;
	cx_date today = clock_today();
	struct date_context dc = {today, DATE_NONE};
	if (store_org_get(cli->st, &org) == STORE_OK) {
		bool have_last = store_meeting_last(cli->st, &last) == STORE_OK;
		dc.next_meeting = council_next_meeting(&org.cadence, have_last ? &last : NULL, today);
		org_free(&org);
	}
	return dc;
}

/* What an import of actions did, told: refused (every refused row told
 * already), failed, or how many were added (and tasks skipped). */
static int actions_told(struct cli *cli, enum store_rc src, const char *safe, size_t n,
			size_t skipped)
{
	if (src == STORE_INVALID) {
		cli_report("%s: nothing was imported", safe);
		return EXIT_USAGE;
	}
	if (src != STORE_OK)
		return cli_store_error(cli, src);
	fprintf(cli->out, "Imported %zu %s", n, text_plural((long long)n, "action", "actions"));
	if (skipped)
		fprintf(cli->out, " (%zu deleted or recurring %s skipped)", skipped,
			text_plural((long long)skipped, "task", "tasks"));
	fputs(".\n", cli->out);
	return EXIT_OK;
}

/* Where imported actions came from, as their "imported" event says. */
static const char *imported_from(const char *file, const char *safe)
{
	return strcmp(file, "-") == 0 ? "standard input" : safe;
}

static int import_csv(struct cli *cli, const char *file)
{
	FILE *fp = strcmp(file, "-") == 0 ? stdin : fopen(file, "rb");
	char *safe = text_printable_line(file);
	if (!fp) {
		cli_report("cannot read %s: %s", safe, strerror(errno));
		free(safe);
		return EXIT_RUNTIME;
	}
	int rc = cli_open(cli);
	if (rc == 0) {
		struct import_ctx c = {.file = safe};
		progress_begin(&c.bar, "importing", "actions");
		struct date_context dc = due_context(cli);
		size_t n = 0;
		enum store_rc src = import_actions_csv(cli->st, fp, imported_from(file, safe), &dc,
						       clock_now(), report, tick, &c, &n);
		progress_end(&c.bar);
		rc = actions_told(cli, src, safe, n, 0);
	}
	if (fp != stdin)
		fclose(fp);
	free(safe);
	return rc;
}

/* A temporary file in $TMPDIR (else /tmp), readable by its owner only and
 * gone when closed; NULL (errno set) when none can be made. */
static FILE *spill_file(void)
{
	const char *dir = getenv("TMPDIR");
	char *path = xasprintf("%s/cxmeet-import-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path); /* mode 0600 */
	FILE *fp = NULL;
	if (fd >= 0) {
		unlink(path);
		if (!(fp = fdopen(fd, "w+b"))) {
			int why = errno;
			close(fd);
			errno = why;
		}
	}
	free(path);
	return fp;
}

static int import_taskwarrior(struct cli *cli, const char *file)
{
	FILE *fp = strcmp(file, "-") == 0 ? stdin : fopen(file, "rb");
	char *safe = text_printable_line(file);
	struct stat sb;
	if (!fp || (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode))) {
		cli_report("cannot read %s: %s", safe, strerror(fp ? EISDIR : errno));
		if (fp && fp != stdin)
			fclose(fp);
		free(safe);
		return EXIT_RUNTIME;
	}
	/* The export is read twice: what cannot be read again (a pipe) is kept
	 * in a temporary file the first time. */
	FILE *spill = NULL;
	off_t at = ftello(fp);
	if (at < 0 || fseeko(fp, at, SEEK_SET) != 0) {
		spill = spill_file();
		if (!spill) {
			cli_report("cannot keep %s in a temporary file: %s", safe, strerror(errno));
			if (fp != stdin)
				fclose(fp);
			free(safe);
			return EXIT_RUNTIME;
		}
	}
	int rc = cli_open(cli);
	if (rc == 0) {
		struct import_ctx c = {.file = safe, .checking = true};
		if (!spill && fstat(fileno(fp), &sb) == 0 && S_ISREG(sb.st_mode))
			c.size = (long)sb.st_size;
		progress_begin(&c.bar, "checking", "KiB");
		struct date_context dc = due_context(cli);
		size_t n = 0, skipped = 0;
		enum store_rc src = import_actions_taskwarrior(cli->st, fp, spill,
							       imported_from(file, safe), &dc,
							       clock_now(), report, checked, tick,
							       &c, &n, &skipped);
		progress_end(&c.bar);
		rc = actions_told(cli, src, safe, n, skipped);
	}
	if (spill)
		fclose(spill);
	if (fp != stdin)
		fclose(fp);
	free(safe);
	return rc;
}

struct bar_ctx {
	struct progress *bar;
	long total;
};

static void bar_count(void *ctx, long done)
{
	struct bar_ctx *b = ctx;
	progress_count(b->bar, done / 1024, b->total / 1024);
}

/* The JSON export (export --format json) into the open store. */
static int import_json_file(struct cli *cli, const char *path, bool merge)
{
	char *safe = text_printable(path);
	FILE *fp = fopen(path, "rb");
	struct stat sb;
	if (!fp || fstat(fileno(fp), &sb) != 0 || S_ISDIR(sb.st_mode)) {
		int why = !fp ? errno : S_ISDIR(sb.st_mode) ? EISDIR : errno;
		if (fp)
			fclose(fp);
		int rc = cli_input_error("cannot read %s: %s", safe, strerror(why));
		free(safe);
		return rc;
	}
	int status = cli_open_only(cli);
	if (status != 0) {
		fclose(fp);
		free(safe);
		return status;
	}
	/* The file's journal left for the import, as `copy` does (a server
	 * has none); when the file is open elsewhere, it stays. */
	bool journal = store_bulk_journal(cli->st, true) == STORE_OK;
	struct progress bar;
	progress_begin(&bar, "importing", "KiB");
	struct bar_ctx b = {.bar = &bar, .total = (long)sb.st_size};
	char err[1024];
	enum store_rc src;
	struct import_counts counts = {0};
	enum import_rc rc = import_json(cli->st, fp, safe, merge, bar.on ? bar_count : NULL, &b,
					&counts, &src, err, sizeof err);
	progress_end(&bar);
	if (journal)
		(void)store_bulk_journal(cli->st, false);
	fclose(fp);
	if (rc == IMPORT_BAD_FILE)
		status = cli_input_error("%s; nothing was imported", err);
	else if (rc == IMPORT_NOT_EMPTY)
		status = cli_input_error("%s", err);
	else if (rc == IMPORT_STORE) {
		/* a server's councils number their records from one sequence:
		 * the numbers of the file are held by another council's */
		bool taken = !merge && src == STORE_DUPLICATE && store_names_server(cli->db_path);
		cli_report("importing %s: %s; nothing was imported%s", safe, store_errmsg(cli->st),
			   taken ? " (another council of the server holds the file's numbers: "
				   "import --merge gives the records new ones)" : "");
		status = cli_exit_status(src);
	}
	else if (merge && (counts.added || counts.kept) && counts.left)
		fprintf(cli->out, "Merged %s: %ld %s added, %ld already there, %ld left out "
			"(the history of items the database holds: its own wins).\n", safe,
			counts.added, text_plural(counts.added, "record", "records"), counts.kept,
			counts.left);
	else if (merge && (counts.added || counts.kept))
		fprintf(cli->out, "Merged %s: %ld %s added, %ld already there.\n", safe,
			counts.added, text_plural(counts.added, "record", "records"), counts.kept);
	else
		fprintf(cli->out, "Imported %s.\n", safe);
	free(safe);
	return status;
}

static int import_run(const struct cli_cmd *cmd, struct cli *cli, int argc, char **argv)
{
	struct import_opts o = {0};
	int rc;
	if (!cli_parse(cmd, argc, argv, import_opt, &o, &rc))
		return rc;
	if (optind >= argc)
		return cli_usage_error(cmd, "missing the file to import ('-': standard input)");
	const char *file = argv[optind];
	if (o.format && o.from)
		return cli_usage_error(cmd, "--format or --from, not both");
	if (o.merge && ((o.format && !text_ieq(o.format, "json")) || o.from))
		return cli_usage_error(cmd, "--merge is for the JSON export (the actions of a "
					    "spreadsheet or of taskwarrior are always added)");
	if (o.from && text_ieq(o.from, "taskwarrior"))
		return import_taskwarrior(cli, file);
	if (o.from)
		return cli_usage_error(cmd, "--from: '%s' is not taskwarrior", o.from);
	if (o.format && text_ieq(o.format, "csv"))
		return import_csv(cli, file);
	if (o.format && !text_ieq(o.format, "json"))
		return cli_usage_error(cmd, "--format: '%s' is not json or csv", o.format);
	if (!*file)
		return cli_usage_error(cmd, "import needs the FILE to read");
	return import_json_file(cli, file, o.merge);
}

static const struct cli_opt import_options[] = {
	{"format", 'f', CLI_VALUE},
	{"from", 'F', CLI_VALUE | CLI_LONG_ONLY},
	{"merge", 'm', CLI_LONG_ONLY},
	{0},
};

const struct cli_cmd cmd_import = {
	.name = "import",
	.summary = "load a JSON export, or actions from a spreadsheet or taskwarrior",
	.usage = "usage: cxmeet import [--format json] [--merge] FILE\n"
		 "       cxmeet import --format csv FILE\n"
		 "       cxmeet import --from taskwarrior FILE\n"
		 "\n"
		 "Loads FILE, written by `cxmeet export --format json` (version 2),\n"
		 "into a new file or an empty database or council, every record with its\n"
		 "number: the export of the database is then the file imported, byte for\n"
		 "byte. A database that holds data is refused unless --merge is given:\n"
		 "then FILE may be an export of any database, and the records it lacks\n"
		 "are added under new numbers, matched by what they are (departments,\n"
		 "people and templates by name, meetings by when they started, items by\n"
		 "kind, time and text or number, the rest by what they belong to); the\n"
		 "database's values win, and an item it holds keeps its own history (the\n"
		 "file's events for it are left out, and counted). A file that is not\n"
		 "such an export is refused with the line at fault. The import is one\n"
		 "transaction: if it fails, nothing of it is written.\n"
		 "\n"
		 "--format csv adds the actions of a spreadsheet saved as CSV (FILE\n"
		 "'-': standard input). The first line names the columns, in any order\n"
		 "and case: text (or action), owner, department (or dept), due and\n"
		 "status; text and owner are needed; any other column is refused.\n"
		 "Owners and departments are found as everywhere, without regard to\n"
		 "case; an empty department is the owner's, and an owner of another\n"
		 "department than the one given is refused. due takes what 'cxmeet add\n"
		 "action --due' takes (a done or dropped action may have a past\n"
		 "YYYY-MM-DD); status is open (the default), done or dropped. Quoted\n"
		 "fields may hold commas, quotes (doubled) and line breaks; lines end in\n"
		 "LF or CRLF; Excel's UTF-8 byte-order mark is skipped.\n"
		 "\n"
		 "The whole file is checked first: every refused row (up to 20) is told\n"
		 "as FILE:LINE: why, and nothing is written (exit status 2). Else every\n"
		 "action is added in one transaction, its history saying where it came\n"
		 "from (an 'imported' event: 'FILE, line N', or 'standard input, line N').\n"
		 "\n"
		 "--from taskwarrior reads what 'task export' writes ('task export |\n"
		 "cxmeet import --from taskwarrior -'): the description is the text;\n"
		 "pending and waiting tasks are open, completed ones done, deleted and\n"
		 "recurring ones (the pattern; its instances are tasks) skipped; due is\n"
		 "its day (a completed task without one: the day it ended). The owner is\n"
		 "a UDA 'owner' (uda.owner.type=string in .taskrc); the department a UDA\n"
		 "'department', else the project (its first part, before '.'), else the\n"
		 "owner's. A refused task is told as FILE:LINE, the line it starts on.\n"
		 "The export is read a task at a time, twice (checked, then added);\n"
		 "standard input is kept in a temporary file for the second reading.\n"
		 "\n"
		 "  -f, --format F      json (the default) or csv\n"
		 "      --from PROGRAM  taskwarrior\n"
		 "      --merge         JSON: into a database holding data, add what it lacks\n"
		 "  -q, --quiet         print nothing on success\n",
	.opts = import_options,
	.operands = 1,
	.quiet_ok = true,
	.creates = true,
	.run = import_run,
};
