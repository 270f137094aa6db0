/* import_actions.c - actions from a spreadsheet (CSV): every row read and
 * held to the rules first, then all added in one transaction, or none. */
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

/* Every row in one transaction (src: STORE_OK to write), or none. */
static enum store_rc write_rows(struct store *st, struct pending *rows, size_t nrows,
				enum store_rc src, time_t at, struct errs *e, import_tick_fn tick,
				void *ctx, size_t *n)
{
	char err[512] = "";
	bool begun = false;
	if (src == STORE_OK)
		begun = (src = store_begin(st)) == STORE_OK;
	size_t i = 0;
	for (; src == STORE_OK && i < nrows; i++) {
		enum item_status status = rows[i].it.status;
		rows[i].it.status = STATUS_OPEN;
		src = meeting_add_item(st, &rows[i].it, NULL, at, err, sizeof err);
		if (src == STORE_OK && status != STATUS_OPEN)
			src = item_set_status(st, rows[i].it.id, status, NULL, 0, at);
		if (src == STORE_INVALID) {
			refuse(e, rows[i].line, "%s", *err ? err : store_errmsg(st));
			*err = '\0';
		}
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

enum store_rc import_actions_csv(struct store *st, FILE *fp, const struct date_context *dc,
				 time_t at, import_report_fn report, import_tick_fn tick,
				 void *ctx, size_t *n)
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
	src = write_rows(st, rows, nrows, src, at, &e, tick, ctx, n);
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

enum store_rc import_actions_taskwarrior(struct store *st, const char *text, size_t len,
					 const struct date_context *dc, time_t at,
					 import_report_fn report, import_tick_fn tick, void *ctx,
					 size_t *n, size_t *skipped)
{
	struct errs e = {report, ctx, 0};
	struct json all;
	char err[512];
	long line;
	*n = *skipped = 0;
	if (json_parse(text, len, &all, err, sizeof err, &line) != 0) {
		refuse(&e, line, "%s (not what 'task export' writes)", err);
		return STORE_INVALID;
	}
	if (all.type != JSON_ARRAY) {
		refuse(&e, all.line, "not a list of tasks (what 'task export' writes)%s", NULL);
		json_free(&all);
		return STORE_INVALID;
	}
	struct pending *rows = xcalloc(all.n ? all.n : 1, sizeof *rows);
	size_t nrows = 0;
	enum store_rc src = STORE_OK;
	static const int col[COL_COUNT] = {0, 1, 2, 3, 4};
	for (size_t i = 0; i < all.n && src == STORE_OK; i++) {
		const struct json *t = &all.items[i];
		if (t->type != JSON_OBJECT) {
			refuse(&e, t->line, "not a task (an object)%s", NULL);
			continue;
		}
		const char *status = json_get_str(t, "status");
		const char *desc = json_get_str(t, "description");
		if (!status || !desc) {
			refuse(&e, t->line, "a task without a description or a status%s", NULL);
			continue;
		}
		/* a deleted task is gone; a recurring one is the pattern, its
		 * instances are tasks of their own */
		if (strcmp(status, "deleted") == 0 || strcmp(status, "recurring") == 0) {
			++*skipped;
			continue;
		}
		const char *state;
		if (strcmp(status, "pending") == 0 || strcmp(status, "waiting") == 0)
			state = "open";
		else if (strcmp(status, "completed") == 0)
			state = "done";
		else {
			refuse(&e, t->line, "'%s' is not a status of taskwarrior", status);
			continue;
		}
		/* the owner: a UDA owner; the department: a UDA department, else the
		 * project's first part */
		char *owner = NULL, *dept = NULL;
		const char *uda = json_get_str(t, "owner");
		if (uda)
			owner = xstrdup(uda);
		const char *udept = json_get_str(t, "department");
		const char *project = json_get_str(t, "project");
		if (udept)
			dept = xstrdup(udept);
		else if (project)
			dept = xstrndup(project, strcspn(project, "."));
		char due[32] = "";
		/* a completed task without a due date was due the day it ended */
		const char *twdue = json_get_str(t, "due");
		if (!twdue && strcmp(state, "done") == 0)
			twdue = json_get_str(t, "end");
		if (twdue && !tw_day(twdue, due, sizeof due)) {
			refuse(&e, t->line, "due: '%s' is not a date of taskwarrior", twdue);
			free(owner);
			free(dept);
			continue;
		}
		char *d = xstrdup(desc);
		char *f[COL_COUNT] = {d, owner ? owner : (char *)"", dept ? dept : (char *)"", due,
				      (char *)state};
		struct item it;
		int rc = row_action(st, f, col, dc, &it, t->line, &e, &src);
		free(d);
		free(owner);
		free(dept);
		if (rc == 0)
			rows[nrows++] = (struct pending){it, t->line};
	}
	json_free(&all);
	if (src == STORE_OK && e.n)
		src = STORE_INVALID;
	src = write_rows(st, rows, nrows, src, at, &e, tick, ctx, n);
	for (size_t j = 0; j < nrows; j++)
		free(rows[j].it.text);
	free(rows);
	return src;
}
