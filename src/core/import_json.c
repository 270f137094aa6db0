/* import_json.c - `cxmeet import` of the JSON export: the document read with
 * the pull reader of json_read.h, one row at a time, and the writing of the
 * "tables" section through the store, table by table, as `cxmeet copy`
 * writes them (store_table_put). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/dates.h"
#include "cxmeet/export.h"
#include "cxmeet/import.h"
#include "cxmeet/json_read.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"
#include "import_merge.h"

/* Rows written to the store in one call. */
#define BATCH 256

/* --- the tables ------------------------------------------------------------ */

struct loader {
	struct json_reader *r;
	struct store *st;
	enum store_rc rc;
	size_t table;
	const struct store_table *t;
	char **vals; /* BATCH rows of t->ncols values */
	size_t n;
	char **late; /* id, value pairs */
	size_t nlate, late_cap;
	struct strbuf key, val;
	/* --merge: the rows matched with the store's (import_merge.c) */
	bool merge;
	struct merge *m;
	long added, kept, left;
};

static void batch_write(struct loader *l)
{
	if (l->n && l->rc == STORE_OK && !l->r->failed)
		l->rc = store_table_put(l->st, l->table, l->n, (const char *const *)l->vals);
	for (size_t i = 0; i < l->n * l->t->ncols; i++) {
		free(l->vals[i]);
		l->vals[i] = NULL;
	}
	l->n = 0;
}

static bool time_shape(const char *s)
{
	/* 2026-11-23T09:00:00Z */
	cx_date d;
	char date[11];
	if (strlen(s) != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return false;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (!date_parse_iso(date, &d))
		return false;
	for (int i = 11; i < 19; i++)
		if (i != 13 && i != 16 && (s[i] < '0' || s[i] > '9'))
			return false;
	return (s[11] - '0') * 10 + (s[12] - '0') < 24 && s[14] < '6' && s[17] < '6';
}

/* A column's value in the text the store takes (store_tables.h), or NULL. */
static bool column_value(struct loader *l, const struct store_column *col, char **out)
{
	struct json_reader *r = l->r;
	bool whole = false;
	enum json_value v = json_read_value(r, &l->val, &whole);
	*out = NULL;
	if (v == JSON_BAD)
		return false;
	if (v == JSON_NULL)
		return true;
	bool ok;
	switch (col->kind) {
	case SCOL_INT:
		ok = v == JSON_NUMBER && whole;
		break;
	case SCOL_REAL:
		ok = v == JSON_NUMBER;
		break;
	case SCOL_BOOL:
		ok = v == JSON_TRUE || v == JSON_FALSE;
		break;
	case SCOL_DATE: {
		cx_date d;
		ok = v == JSON_STRING && l->val.len == 10 && date_parse_iso(l->val.s, &d);
		break;
	}
	case SCOL_TIME:
		ok = v == JSON_STRING && time_shape(l->val.s);
		break;
	default:
		ok = v == JSON_STRING;
	}
	if (!ok) {
		static const char *const want[] = {"a string", "a whole number",
						   "a time (YYYY-MM-DDTHH:MM:SSZ)",
						   "a date (YYYY-MM-DD)", "true or false", "a number"};
		json_fail(r, "%s.%s must be %s or null", l->t->name, col->name, want[col->kind]);
		return false;
	}
	*out = v == JSON_TRUE ? xstrdup("1") : v == JSON_FALSE ? xstrdup("0") : xstrdup(l->val.s);
	return true;
}

/* A name's key (departments.name_key, initiatives.title_key) is the fold of
 * the name (text_fold), whatever the file says: a key left behind when the
 * name was edited in the file would otherwise take the row for another (a
 * merge matches by it) or let a second row of the same name in. */
static void fold_keys(const struct store_table *t, char **row)
{
	for (size_t c = 0; c < t->ncols; c++) {
		const char *name = t->cols[c].name;
		size_t len = strlen(name);
		if (len < 5 || strcmp(name + len - 4, "_key") != 0)
			continue;
		for (size_t b = 0; b < t->ncols; b++)
			if (strlen(t->cols[b].name) == len - 4 &&
			    memcmp(t->cols[b].name, name, len - 4) == 0 && row[b]) {
				free(row[c]);
				row[c] = text_fold(row[b]);
				break;
			}
	}
}

static bool read_row(struct loader *l)
{
	struct json_reader *r = l->r;
	const struct store_table *t = l->t;
	char **row = l->vals + l->n * t->ncols;
	bool seen[64] = {false};
	json_skip_ws(r);
	int c0 = json_next(r);
	if (c0 != '{') {
		if (c0 == EOF)
			json_fail(r, "the document ends early: a row of %s expected", t->name);
		else
			json_fail(r, "a row of %s (an object) expected", t->name);
		return false;
	}
	if (!json_empty_next(r, '}')) {
		do {
			if (!json_read_key(r, &l->key))
				return false;
			size_t c = 0;
			while (c < t->ncols && strcmp(t->cols[c].name, l->key.s) != 0)
				c++;
			if (c == t->ncols) {
				json_fail(r, "an unknown column in a row of %s", t->name);
				return false;
			}
			if (seen[c]) {
				json_fail(r, "%s.%s given twice in a row", t->name, t->cols[c].name);
				return false;
			}
			seen[c] = true;
			if (!column_value(l, &t->cols[c], &row[c]))
				return false;
		} while (json_more(r, '}'));
		if (r->failed)
			return false;
	}
	for (size_t c = 0; c < t->ncols; c++)
		if (!seen[c]) {
			json_fail(r, "a row of %s without its column %s", t->name, t->cols[c].name);
			return false;
		}
	fold_keys(t, row);
	if (l->merge) {
		if (l->n && merge_wants_ids(l->m)) {
			/* the rows numbered so far are written before numbers are
			 * asked again; this one becomes the batch's first */
			char *tmp[64];
			memcpy(tmp, row, t->ncols * sizeof *row);
			memset(row, 0, t->ncols * sizeof *row);
			batch_write(l);
			row = l->vals;
			memcpy(row, tmp, t->ncols * sizeof *row);
		}
		char msg[256];
		enum merge_rc mr = merge_row(l->m, row, &l->rc, msg, sizeof msg);
		switch (mr) {
		case MERGE_REFUSED:
			json_fail(r, "%s", msg);
			return false;
		case MERGE_STORE:
			return false;
		case MERGE_KEPT:
		case MERGE_LEFT:
			for (size_t c = 0; c < t->ncols; c++) {
				free(row[c]);
				row[c] = NULL;
			}
			if (mr == MERGE_LEFT)
				l->left++;
			else
				l->kept++;
			return true;
		case MERGE_ADD:
			l->added++;
			break;
		}
	}
	if (t->late >= 0 && row[t->late]) {
		if (l->nlate == l->late_cap) {
			l->late_cap = l->late_cap ? 2 * l->late_cap : 64;
			l->late = xrealloc(l->late, 2 * l->late_cap * sizeof *l->late);
		}
		l->late[2 * l->nlate] = xstrdup(row[0]);
		l->late[2 * l->nlate + 1] = row[t->late];
		row[t->late] = NULL;
		l->nlate++;
	}
	l->n++;
	if (l->n == BATCH)
		batch_write(l);
	return true;
}

static void late_clear(struct loader *l)
{
	for (size_t i = 0; i < 2 * l->nlate; i++)
		free(l->late[i]);
	l->nlate = 0;
}

/* The "tables" object, its opening brace not read yet. */
static void read_tables(struct loader *l)
{
	struct json_reader *r = l->r;
	if (!json_expect(r, '{') || json_empty_next(r, '}'))
		return;
	size_t after = 0; /* tables come in the order of store_tables, each once */
	do {
		if (!json_read_key(r, &l->key))
			return;
		size_t i = 0;
		while (i < store_table_count &&
		       (strcmp(store_tables[i].name, l->key.s) != 0 || !export_table_included(i)))
			i++;
		if (i == store_table_count) {
			json_fail(r, "an unknown table in \"tables\"");
			return;
		}
		if (i < after) {
			json_fail(r, "table %s given twice or out of order", store_tables[i].name);
			return;
		}
		after = i + 1;
		l->table = i;
		l->t = &store_tables[i];
		if (l->merge) {
			l->rc = merge_table_begin(l->m, i);
			if (l->rc != STORE_OK)
				return;
		}
		if (!json_expect(r, '['))
			return;
		if (!json_empty_next(r, ']')) {
			do {
				if (!read_row(l))
					break;
			} while (l->rc == STORE_OK && json_more(r, ']'));
		}
		batch_write(l);
		char msg[256];
		if (l->merge && !r->failed && l->rc == STORE_OK &&
		    (!merge_late(l->m, l->late, l->nlate, msg, sizeof msg) ||
		     !merge_table_end(l->m, msg, sizeof msg)))
			json_fail(r, "%s", msg);
		if (!r->failed && l->rc == STORE_OK && l->nlate)
			l->rc = store_table_link(l->st, i, l->nlate, (const char *const *)l->late);
		late_clear(l);
	} while (!r->failed && l->rc == STORE_OK && json_more(r, '}'));
}

/* The whole document; false when it is refused (r->failed) or the store
 * failed (l->rc). */
static bool read_document(struct loader *l)
{
	struct json_reader *r = l->r;
	bool format = false, version = false, tables = false, whole;
	if (!json_expect(r, '{'))
		return false;
	if (!json_empty_next(r, '}')) {
		do {
			if (!json_read_key(r, &l->key))
				return false;
			if (strcmp(l->key.s, "format") == 0 && !format) {
				enum json_value v = json_read_value(r, &l->val, &whole);
				if (v != JSON_BAD && (v != JSON_STRING || strcmp(l->val.s, "cxmeet-export") != 0))
					json_fail(r, "not a cxmeet export (\"format\" is not \"cxmeet-export\")");
				format = true;
			} else if (strcmp(l->key.s, "version") == 0 && !version) {
				if (!format)
					json_fail(r, "\"format\" must come before \"version\"");
				enum json_value v = json_read_value(r, &l->val, &whole);
				if (v != JSON_BAD && (v != JSON_NUMBER || strcmp(l->val.s, "2") != 0))
					json_fail(r, "version %s of the export: this cxmeet reads version 2",
					     v == JSON_NUMBER && l->val.len < 12 ? l->val.s : "(not a number)");
				version = true;
			} else if (strcmp(l->key.s, "tables") == 0 && !tables) {
				if (!version)
					json_fail(r, "\"format\" and \"version\" must come before \"tables\"");
				else
					read_tables(l);
				tables = true;
			} else {
				json_skip_value(r, &l->val, 0);
			}
		} while (!r->failed && l->rc == STORE_OK && json_more(r, '}'));
	}
	if (r->failed || l->rc != STORE_OK)
		return false;
	if (!json_end(r))
		return false;
	if (!tables)
		json_fail(r, version ? "no \"tables\" in the document: nothing to import"
				: "not a cxmeet export (no \"format\" and \"version\")");
	return !r->failed;
}

/* Whether the store holds a row of any table the import writes. */
static enum store_rc store_empty(struct store *st, bool *empty, const char **where)
{
	*empty = true;
	for (size_t i = 0; i < store_table_count; i++) {
		int64_t n = 0;
		enum store_rc rc = store_table_rows(st, i, 1, NULL, NULL, &n);
		if (rc != STORE_OK)
			return rc;
		if (n > 0) {
			*empty = false;
			*where = store_tables[i].name;
			return STORE_OK;
		}
	}
	return STORE_OK;
}

enum import_rc import_json(struct store *st, FILE *fp, const char *path, bool merge,
			   import_progress fn, void *ctx, struct import_counts *counts,
			   enum store_rc *store_rc, char *err, size_t errlen)
{
	struct json_reader r;
	json_reader_init(&r, fp, path, err, errlen);
	r.progress = fn;
	r.ctx = ctx;
	*store_rc = STORE_OK;
	bool empty;
	const char *holds = NULL;
	enum store_rc rc = store_begin(st);
	if (rc == STORE_OK)
		rc = store_empty(st, &empty, &holds);
	if (rc == STORE_OK && !empty && !merge) {
		store_rollback(st);
		snprintf(err, errlen, "the database already holds data (%s): import writes only "
			 "into a new file or an empty database or council; nothing was written",
			 holds);
		return IMPORT_NOT_EMPTY;
	}
	if (rc == STORE_OK)
		rc = store_bulk_begin(st);
	if (rc != STORE_OK) {
		store_rollback(st);
		*store_rc = rc;
		return IMPORT_STORE;
	}
	/* --merge renumbers even into an empty council: on a server, the
	 * numbers of the file may be held by another council's rows */
	struct loader l = {.r = &r, .st = st, .rc = STORE_OK, .t = &store_tables[0],
			   .merge = merge};
	if (l.merge)
		l.m = merge_new(st);
	size_t widest = 0;
	for (size_t i = 0; i < store_table_count; i++)
		if (store_tables[i].ncols > widest)
			widest = store_tables[i].ncols;
	l.vals = xcalloc(BATCH * widest, sizeof *l.vals);
	sb_init(&l.key);
	sb_init(&l.val);
	bool ok = read_document(&l);
	for (size_t i = 0; i < BATCH * widest; i++)
		free(l.vals[i]);
	free(l.vals);
	late_clear(&l);
	free(l.late);
	sb_free(&l.key);
	sb_free(&l.val);
	merge_free(l.m);
	counts->added = l.added;
	counts->kept = l.kept;
	counts->left = l.left;
	rc = l.rc;
	if (ok && rc == STORE_OK)
		rc = store_table_put_end(st);
	if (ok && rc == STORE_OK)
		rc = store_bulk_end(st);
	if (ok && rc == STORE_OK)
		rc = store_commit(st);
	else
		store_rollback(st);
	if (!ok && r.failed)
		return IMPORT_BAD_FILE;
	*store_rc = rc;
	return rc == STORE_OK ? IMPORT_OK : IMPORT_STORE;
}
