/* import_actions.c - actions from a spreadsheet (CSV) or taskwarrior's
 * export: every row read and held to the rules first, then all added in one
 * transaction, or none, each with an 'imported' event saying where it came
 * from. The spreadsheet's rows are held between the two; taskwarrior's
 * export, read with json_read.h a task at a time, is read again. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cxmeet/import.h"
#include "cxmeet/items.h"
#include "cxmeet/json_read.h"
#include "cxmeet/meeting.h"
#include "cxmeet/names.h"
#include "cxmeet/text.h"

enum col { COL_TEXT, COL_OWNER, COL_DEPT, COL_DUE, COL_STATUS, COL_COUNT };

struct pending {
	struct item it;
	long line;
};

struct errs {
	import_report_fn report;
	void *ctx;
	int n;
};

static void refuse(struct errs *e, long line, const char *fmt, const char *detail)
{
	if (e->n++ >= IMPORT_MAX_ERRORS)
		return;
	char *d = detail ? text_printable_line(detail) : NULL;
	char msg[700];
	snprintf(msg, sizeof msg, fmt, d ? d : "");
	e->report(e->ctx, line, msg);
	free(d);
}

static int header_col(const char *name)
{
	if (text_ieq(name, "text") || text_ieq(name, "action"))
		return COL_TEXT;
	if (text_ieq(name, "owner"))
		return COL_OWNER;
	if (text_ieq(name, "department") || text_ieq(name, "dept"))
		return COL_DEPT;
	if (text_ieq(name, "due"))
		return COL_DUE;
	if (text_ieq(name, "status"))
		return COL_STATUS;
	return -1;
}

/* One row as an action, or a refusal reported (0 / -1; -2 for a store
 * error, the code in *src). */
static int row_action(struct store *st, char **f, const int *col, const struct date_context *dc,
		      struct item *it, long line, struct errs *e, enum store_rc *src)
{
	*it = (struct item){.kind = ITEM_ACTION, .due = DATE_NONE, .revisit = DATE_NONE};
	/* a cell's line breaks (Alt+Enter) join its lines with a space: an
	 * action's text is one line */
	char *text = f[col[COL_TEXT]], *w = text;
	for (const char *p = text; *p; p++) {
		if (*p == '\r' && p[1] == '\n')
			continue;
		*w++ = *p == '\r' || *p == '\n' ? ' ' : *p;
	}
	*w = '\0';
	const char *owner = col[COL_OWNER] >= 0 ? f[col[COL_OWNER]] : "";
	const char *dept = col[COL_DEPT] >= 0 ? f[col[COL_DEPT]] : "";
	const char *due = col[COL_DUE] >= 0 ? f[col[COL_DUE]] : "";
	const char *status = col[COL_STATUS] >= 0 ? f[col[COL_STATUS]] : "";
	int bad = 0;
	if (*status) {
		int s = item_status_parse(status);
		if (s != STATUS_OPEN && s != STATUS_DONE && s != STATUS_DROPPED) {
			refuse(e, line, "'%s' is not an action's status (open, done or dropped)",
			       status);
			bad = -1;
		} else {
			it->status = (enum item_status)s;
		}
	}
	store_id dept_id = 0;
	if (*dept) {
		struct dept d;
		enum store_rc rc = dept_find(st, dept, &d);
		if (rc == STORE_OK) {
			dept_id = d.id;
			dept_free(&d);
		} else if (rc == STORE_NOTFOUND || rc == STORE_INVALID) {
			refuse(e, line, "there is no department named '%s' (cxmeet dept list)", dept);
			bad = -1;
		} else {
			*src = rc;
			return -2;
		}
	}
	if (*owner) {
		struct person p;
		enum store_rc rc = person_find(st, owner, &p);
		if (rc == STORE_OK) {
			it->person_id = p.id;
			if (!*dept)
				dept_id = p.dept_id;
			else if (dept_id && p.dept_id && p.dept_id != dept_id) {
				char what[600];
				snprintf(what, sizeof what, "%s is not in %s", p.name, dept);
				refuse(e, line, "%s (cxmeet person list)", what);
				bad = -1;
			}
			person_free(&p);
		} else if (rc == STORE_NOTFOUND || rc == STORE_INVALID) {
			refuse(e, line, "there is no person named '%s' (cxmeet person list)", owner);
			bad = -1;
		} else {
			*src = rc;
			return -2;
		}
	}
	it->dept_id = dept_id;
	if (*due) {
		char err[512];
		if (date_parse_due(due, dc, &it->due, err, sizeof err) != 0 &&
		    !(it->status != STATUS_OPEN && date_parse_iso(due, &it->due))) {
			refuse(e, line, "due: %s", err);
			bad = -1;
		}
	}
	if (bad)
		return bad;
	it->text = text;
	char err[512];
	if (item_check(it, err, sizeof err) != 0) {
		refuse(e, line, "%s", err);
		it->text = NULL;
		return -1;
	}
	it->text = xstrdup(text);
	return 0;
}

/* After the first IMPORT_MAX_ERRORS: how many more were refused. */
static void refuse_more(struct errs *e)
{
	if (e->n <= IMPORT_MAX_ERRORS)
		return;
	char msg[100];
	snprintf(msg, sizeof msg, "and %d more refused", e->n - IMPORT_MAX_ERRORS);
	e->report(e->ctx, 0, msg);
}

/* An action added as imported: its status, and where it came from (an
 * "imported" event: "FILE, line N"). A refusal of the store is told. */
static enum store_rc add_action(struct store *st, struct item *it, const char *from, long line,
				time_t at, struct errs *e)
{
	char err[512] = "";
	enum item_status status = it->status;
	it->status = STATUS_OPEN;
	enum store_rc src = store_begin(st);
	if (src == STORE_OK)
		src = meeting_add_item(st, it, NULL, at, err, sizeof err);
	if (src == STORE_OK && status != STATUS_OPEN)
		src = item_set_status(st, it->id, status, NULL, 0, at);
	if (src == STORE_OK) {
		char *where = xasprintf("%s, line %ld", from, line);
		src = store_item_imported(st, it->id, where, at);
		free(where);
	}
	if (src == STORE_OK)
		src = store_commit(st);
	else
		store_rollback(st);
	if (src == STORE_INVALID)
		refuse(e, line, "%s", *err ? err : store_errmsg(st));
	return src;
}

/* Every row in one transaction (src: STORE_OK to write), or none. */
static enum store_rc write_rows(struct store *st, struct pending *rows, size_t nrows,
				enum store_rc src, const char *from, time_t at, struct errs *e,
				import_tick_fn tick, void *ctx, size_t *n)
{
	bool begun = false;
	if (src == STORE_OK)
		begun = (src = store_begin(st)) == STORE_OK;
	size_t i = 0;
	for (; src == STORE_OK && i < nrows; i++) {
		src = add_action(st, &rows[i].it, from, rows[i].line, at, e);
		if (tick && (i % 256 == 0 || i + 1 == nrows))
			tick(ctx, (long)i + 1, (long)nrows);
	}
	refuse_more(e);
	if (begun && src == STORE_OK) {
		if ((src = store_commit(st)) == STORE_OK)
			*n = nrows;
	} else if (begun) {
		store_rollback(st);
	}
	return src;
}

enum store_rc import_actions_csv(struct store *st, FILE *fp, const char *from,
				 const struct date_context *dc, time_t at, import_report_fn report,
				 import_tick_fn tick, void *ctx, size_t *n)
{
	struct csv_reader r;
	struct errs e = {report, ctx, 0};
	struct pending *rows = NULL;
	size_t nrows = 0, cap = 0, ncols = 0;
	int col[COL_COUNT] = {-1, -1, -1, -1, -1};
	bool header = false;
	enum store_rc src = STORE_OK;
	char err[512];
	*n = 0;
	csv_open(&r, fp);
	for (;;) {
		int got = csv_next(&r, err, sizeof err);
		if (got == 0)
			break;
		if (got < 0) {
			refuse(&e, r.line, "%s", err);
			if (feof(fp) || ferror(fp))
				break;
			continue;
		}
		bool utf8 = true;
		for (size_t i = 0; i < r.nf; i++)
			utf8 = utf8 && text_valid_utf8(r.fields[i], strlen(r.fields[i]));
		if (!utf8) {
			refuse(&e, r.line, "the row is not UTF-8 text (save the sheet as CSV UTF-8)%s",
			       NULL);
			continue;
		}
		if (r.nf == 1 && !*r.fields[0])
			continue; /* a blank line */
		if (!header) {
			header = true;
			ncols = r.nf;
			for (size_t i = 0; i < r.nf; i++) {
				int c = header_col(r.fields[i]);
				if (c < 0)
					refuse(&e, r.line, "'%s' is not a column of an action: the first "
					       "line names text, owner, department, due and status", r.fields[i]);
				else if (col[c] >= 0)
					refuse(&e, r.line, "the column '%s' is named twice", r.fields[i]);
				else
					col[c] = (int)i;
			}
			if (col[COL_TEXT] < 0 || col[COL_OWNER] < 0)
				refuse(&e, r.line, "the first line names the columns: text, owner, "
				       "department, due, status (text and owner needed)%s", NULL);
			if (e.n)
				break;
			continue;
		}
		if (r.nf != ncols) {
			char what[200];
			snprintf(what, sizeof what, "the row has %zu %s, the header %zu", r.nf,
				 r.nf == 1 ? "column" : "columns", ncols);
			refuse(&e, r.line, "%s", what);
			continue;
		}
		if (nrows == IMPORT_MAX_ACTIONS) {
			refuse(&e, r.line, "more than a million actions in one file%s", NULL);
			break;
		}
		struct item it;
		int rc = row_action(st, r.fields, col, dc, &it, r.line, &e, &src);
		if (rc == -2)
			break;
		if (rc < 0)
			continue;
		if (nrows == cap) {
			cap = cap ? cap * 2 : 256;
			rows = xrealloc(rows, cap * sizeof *rows);
		}
		rows[nrows++] = (struct pending){it, r.line};
	}
	if (src == STORE_OK && !header && !e.n)
		refuse(&e, 1, "the file is empty: its first line names the columns text, owner, "
		       "department, due, status%s", NULL);
	csv_close(&r);
	if (src == STORE_OK && e.n)
		src = STORE_INVALID;
	src = write_rows(st, rows, nrows, src, from, at, &e, tick, ctx, n);
	for (size_t j = 0; j < nrows; j++)
		free(rows[j].it.text);
	free(rows);
	return src;
}

/* "20261201T000000Z" (UTC) as the local day, "2026-12-01"; false when it
 * is not one. */
static bool tw_day(const char *s, char *out, size_t len)
{
	struct tm tm = {0};
	int y, mo, d, h, mi, se;
	char z;
	if (strlen(s) != 16 || sscanf(s, "%4d%2d%2dT%2d%2d%2d%c", &y, &mo, &d, &h, &mi, &se, &z) != 7 ||
	    z != 'Z')
		return false;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = se;
	time_t t = timegm(&tm);
	struct tm local;
	if (t == (time_t)-1 || !localtime_r(&t, &local))
		return false;
	snprintf(out, len, "%04d-%02d-%02d", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
	return true;
}

/* What an action is made of, of the members of a task (strings only; the
 * first of a name); the rest is skipped as it is read. */
enum tw_field { TW_STATUS, TW_DESC, TW_OWNER, TW_DEPT, TW_PROJECT, TW_DUE, TW_END, TW_COUNT };
static const char *const tw_names[TW_COUNT] = {"status", "description", "owner", "department",
					       "project", "due", "end"};

struct tw_task {
	long line; /* where it starts */
	bool object;
	char *f[TW_COUNT];
};

static void tw_task_free(struct tw_task *t)
{
	for (int i = 0; i < TW_COUNT; i++)
		free(t->f[i]);
	memset(t, 0, sizeof *t);
}

/* The next element of the tasks' array, read whole (*t; its members that
 * make an action kept); false when the reader failed. */
static bool tw_read_task(struct json_reader *r, struct strbuf *key, struct strbuf *val,
			 struct tw_task *t)
{
	json_skip_ws(r);
	t->line = r->line;
	enum json_value v = json_read_value(r, val, NULL);
	if (v != JSON_OBJECT) {
		json_skip_rest(r, v, val, 1);
		return !r->failed;
	}
	t->object = true;
	if (json_empty_next(r, '}'))
		return true;
	do {
		if (!json_read_key(r, key))
			return false;
		int f = 0;
		while (f < TW_COUNT && strcmp(tw_names[f], key->s) != 0)
			f++;
		v = json_read_value(r, val, NULL);
		if (v == JSON_STRING && f < TW_COUNT && !t->f[f])
			t->f[f] = xstrdup(val->s);
		else
			json_skip_rest(r, v, val, 2);
	} while (!r->failed && json_more(r, '}'));
	return !r->failed;
}

/* A task as an action (0), refused and told (-1), skipped (1: deleted or
 * recurring), or a store error (-2, the code in *src). */
static int tw_action(struct store *st, const struct tw_task *t, const struct date_context *dc,
		     struct item *it, struct errs *e, enum store_rc *src)
{
	static const int col[COL_COUNT] = {0, 1, 2, 3, 4};
	if (!t->object) {
		refuse(e, t->line, "not a task (an object)%s", NULL);
		return -1;
	}
	const char *status = t->f[TW_STATUS], *desc = t->f[TW_DESC];
	if (!status || !desc) {
		refuse(e, t->line, "a task without a description or a status%s", NULL);
		return -1;
	}
	/* a deleted task is gone; a recurring one is the pattern, its
	 * instances are tasks of their own */
	if (strcmp(status, "deleted") == 0 || strcmp(status, "recurring") == 0)
		return 1;
	const char *state;
	if (strcmp(status, "pending") == 0 || strcmp(status, "waiting") == 0)
		state = "open";
	else if (strcmp(status, "completed") == 0)
		state = "done";
	else {
		refuse(e, t->line, "'%s' is not a status of taskwarrior", status);
		return -1;
	}
	/* the owner: a UDA owner; the department: a UDA department, else the
	 * project's first part */
	const char *project = t->f[TW_PROJECT];
	char *dept = t->f[TW_DEPT] ? xstrdup(t->f[TW_DEPT])
		     : project   ? xstrndup(project, strcspn(project, "."))
				 : NULL;
	char due[32] = "";
	/* a completed task without a due date was due the day it ended */
	const char *twdue = t->f[TW_DUE];
	if (!twdue && strcmp(state, "done") == 0)
		twdue = t->f[TW_END];
	if (twdue && !tw_day(twdue, due, sizeof due)) {
		refuse(e, t->line, "due: '%s' is not a date of taskwarrior", twdue);
		free(dept);
		return -1;
	}
	char *d = xstrdup(desc);
	char *f[COL_COUNT] = {d, t->f[TW_OWNER] ? t->f[TW_OWNER] : (char *)"",
			      dept ? dept : (char *)"", due, (char *)state};
	int rc = row_action(st, f, col, dc, it, t->line, e, src);
	free(d);
	free(dept);
	return rc;
}

/* One reading of the tasks: checked only (write false: *count the actions
 * they make), or each added as it is read (write, inside the caller's
 * transaction, total the count of the first reading). Stops at the first
 * refusal when writing, at a store error, or when the reader fails (told). */
static enum store_rc tw_pass(struct store *st, struct json_reader *r, const char *from,
			     const struct date_context *dc, time_t at, struct errs *e, bool write,
			     size_t total, import_tick_fn tick, void *ctx, size_t *count,
			     size_t *skipped)
{
	struct strbuf key, val;
	sb_init(&key);
	sb_init(&val);
	enum store_rc src = STORE_OK;
	*count = *skipped = 0;
	json_skip_ws(r);
	long top = r->line;
	enum json_value v = json_read_value(r, &val, NULL);
	if (v != JSON_BAD && v != JSON_ARRAY) {
		refuse(e, top, "not a list of tasks (what 'task export' writes)%s", NULL);
		goto done;
	}
	bool stopped = false; /* before the end of the array */
	if (v == JSON_ARRAY && !json_empty_next(r, ']')) {
		do {
			struct tw_task t = {0};
			bool read = tw_read_task(r, &key, &val, &t);
			struct item it;
			int rc = read ? tw_action(st, &t, dc, &it, e, &src) : -2;
			long line = t.line;
			tw_task_free(&t);
			if (rc == 1)
				++*skipped;
			if (rc == -2 || (write && rc == -1)) {
				stopped = true;
				break;
			}
			if (rc != 0)
				continue;
			if (*count == IMPORT_MAX_ACTIONS) {
				refuse(e, line, "more than a million actions in one file%s", NULL);
				free(it.text);
				stopped = true;
				break;
			}
			++*count;
			if (write) {
				src = add_action(st, &it, from, line, at, e);
				if (tick && (*count % 256 == 1 || *count == total))
					tick(ctx, (long)*count, (long)total);
			}
			free(it.text);
		} while (src == STORE_OK && json_more(r, ']'));
		stopped = stopped || src != STORE_OK;
	}
	if (!stopped)
		json_end(r);
	if (r->failed)
		refuse(e, r->fail_line, "%s (not what 'task export' writes)", r->msg);
done:
	sb_free(&key);
	sb_free(&val);
	return src;
}

enum store_rc import_actions_taskwarrior(struct store *st, FILE *fp, FILE *spill,
					 const char *from, const struct date_context *dc,
					 time_t at, import_report_fn report,
					 import_progress checked, import_tick_fn tick,
					 void *ctx, size_t *n, size_t *skipped)
{
	struct errs e = {report, ctx, 0};
	size_t count = 0, written = 0, skipped2 = 0;
	*n = *skipped = 0;
	/* Read twice: checked whole first, then written as read again, one task
	 * at a time. What cannot be read again (a pipe) is kept in spill as it
	 * is read the first time. */
	off_t start = spill ? 0 : ftello(fp);
	if (start < 0) {
		report(ctx, 0, "cannot be read twice: it is not a file");
		return STORE_INVALID;
	}
	struct json_reader r;
	json_reader_init(&r, fp, from, NULL, 0);
	r.max_string = TW_MAX_STRING;
	r.copy = spill;
	r.progress = checked;
	r.ctx = ctx;
	enum store_rc src = tw_pass(st, &r, from, dc, at, &e, false, 0, NULL, NULL, &count,
				    skipped);
	if (src == STORE_OK && e.n)
		src = STORE_INVALID;
	FILE *again = spill ? spill : fp;
	if (src == STORE_OK && (fflush(again) != 0 || ferror(again) ||
				fseeko(again, start, SEEK_SET) != 0)) {
		report(ctx, 0, spill ? "could not be kept in a temporary file for its second "
				       "reading (is TMPDIR full?)"
				     : "could not be read again");
		src = STORE_INVALID;
	}
	bool begun = false;
	if (src == STORE_OK)
		begun = (src = store_begin(st)) == STORE_OK;
	if (src == STORE_OK) {
		json_reader_init(&r, again, from, NULL, 0);
		r.max_string = TW_MAX_STRING;
		src = tw_pass(st, &r, from, dc, at, &e, true, count, tick, ctx, &written,
			      &skipped2);
		/* the file changed between the two readings */
		if (src == STORE_OK && (e.n || written != count))
			src = STORE_INVALID;
	}
	refuse_more(&e);
	if (begun && src == STORE_OK) {
		if ((src = store_commit(st)) == STORE_OK)
			*n = written;
	} else if (begun) {
		store_rollback(st);
	}
	return src;
}
