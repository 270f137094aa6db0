/* import_json.c - `cxmeet import` of the JSON export: a strict pull reader of
 * JSON (RFC 8259: UTF-8 only, no NUL, nothing after the document) that reads
 * the file a byte at a time and keeps one row at a time, and the writing of
 * the "tables" section through the store, table by table, as `cxmeet copy`
 * writes them (store_table_put). */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/dates.h"
#include "cxmeet/export.h"
#include "cxmeet/import.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"
#include "import_merge.h"

/* Rows written to the store in one call. */
#define BATCH 256
/* Arrays and objects inside one another in a part of the document skipped. */
#define MAX_DEPTH 64

struct reader {
	FILE *fp;
	const char *path;
	long line, bytes;
	int peeked; /* the next byte, or -2: not read yet */
	bool failed;
	char *err;
	size_t errlen;
	import_progress fn;
	void *ctx;
};

static void fail(struct reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(struct reader *r, const char *fmt, ...)
{
	if (r->failed)
		return;
	r->failed = true;
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(r->err, r->errlen, "%s:%ld: %s", r->path, r->line, msg);
}

static int peek(struct reader *r)
{
	if (r->peeked == -2)
		r->peeked = r->failed ? EOF : getc(r->fp);
	return r->peeked;
}

static int next(struct reader *r)
{
	int c = peek(r);
	r->peeked = -2;
	if (c == '\n')
		r->line++;
	if (c != EOF && (++r->bytes & 0xffff) == 0 && r->fn)
		r->fn(r->ctx, r->bytes);
	return c;
}

static void skip_ws(struct reader *r)
{
	int c;
	while ((c = peek(r)) == ' ' || c == '\t' || c == '\n' || c == '\r')
		next(r);
}

static bool expect(struct reader *r, char want)
{
	skip_ws(r);
	int c = next(r);
	if (c == want)
		return true;
	if (c == EOF)
		fail(r, "the document ends early: '%c' expected", want);
	else
		fail(r, "'%c' expected", want);
	return false;
}

static int hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
				      : -1;
}

static long read_hex4(struct reader *r)
{
	long v = 0;
	for (int i = 0; i < 4; i++) {
		int h = hexval(next(r));
		if (h < 0) {
			fail(r, "a \\u escape needs four hexadecimal digits");
			return -1;
		}
		v = v * 16 + h;
	}
	return v;
}

static void add_utf8(struct strbuf *sb, unsigned long cp)
{
	char b[4];
	size_t n;
	if (cp < 0x80) {
		b[0] = (char)cp, n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | cp >> 6), b[1] = (char)(0x80 | (cp & 0x3f)), n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | cp >> 12), b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f)), n = 3;
	} else {
		b[0] = (char)(0xf0 | cp >> 18), b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f)), b[3] = (char)(0x80 | (cp & 0x3f)), n = 4;
	}
	sb_addn(sb, b, n);
}

/* A string, its opening quote already read, decoded into sb (emptied first). */
static bool read_string(struct reader *r, struct strbuf *sb)
{
	sb->len = 0;
	sb_grow(sb, 1);
	sb->s[0] = '\0';
	for (;;) {
		int c = next(r);
		if (c == EOF) {
			fail(r, "the document ends inside a string");
			return false;
		}
		if (c == '"')
			break;
		if (c < 0x20) {
			fail(r, "a control character inside a string (it must be escaped)");
			return false;
		}
		if (c != '\\') {
			char ch = (char)c;
			sb_addn(sb, &ch, 1);
			continue;
		}
		c = next(r);
		const char *simple = strchr("\"\\/bfnrt", c);
		if (c != EOF && c && simple) {
			static const char out[] = "\"\\/\b\f\n\r\t";
			sb_addn(sb, &out[simple - "\"\\/bfnrt"], 1);
			continue;
		}
		if (c != 'u') {
			fail(r, "an unknown escape in a string");
			return false;
		}
		long cp = read_hex4(r);
		if (cp < 0)
			return false;
		if (cp >= 0xd800 && cp <= 0xdbff) {
			long lo = -1;
			if (next(r) == '\\' && next(r) == 'u')
				lo = read_hex4(r);
			if (lo < 0xdc00 || lo > 0xdfff) {
				fail(r, "a lone surrogate in a \\u escape");
				return false;
			}
			cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
		} else if (cp >= 0xdc00 && cp <= 0xdfff) {
			fail(r, "a lone surrogate in a \\u escape");
			return false;
		} else if (cp == 0) {
			fail(r, "a NUL character (\\u0000) in a string");
			return false;
		}
		add_utf8(sb, (unsigned long)cp);
	}
	if (!text_valid_utf8(sb->s, sb->len)) {
		fail(r, "a string that is not valid UTF-8");
		return false;
	}
	return true;
}

/* A number as JSON writes it, its text into sb; *whole when it has no
 * fraction or exponent. */
static bool read_number(struct reader *r, struct strbuf *sb, bool *whole)
{
	sb->len = 0;
	*whole = true;
	char ch;
#define TAKE() (ch = (char)next(r), sb_addn(sb, &ch, 1))
#define DIGIT(c) ((c) >= '0' && (c) <= '9')
	if (peek(r) == '-')
		TAKE();
	if (peek(r) == '0') {
		TAKE();
	} else if (DIGIT(peek(r))) {
		while (DIGIT(peek(r)))
			TAKE();
	} else {
		fail(r, "a number expected");
		return false;
	}
	if (peek(r) == '.') {
		*whole = false;
		TAKE();
		if (!DIGIT(peek(r))) {
			fail(r, "a digit expected after the decimal point");
			return false;
		}
		while (DIGIT(peek(r)))
			TAKE();
	}
	if (peek(r) == 'e' || peek(r) == 'E') {
		*whole = false;
		TAKE();
		if (peek(r) == '+' || peek(r) == '-')
			TAKE();
		if (!DIGIT(peek(r))) {
			fail(r, "a digit expected in the exponent");
			return false;
		}
		while (DIGIT(peek(r)))
			TAKE();
	}
#undef TAKE
#undef DIGIT
	if (sb->len > 40) {
		fail(r, "a number too long");
		return false;
	}
	return true;
}

static bool read_word(struct reader *r, const char *w)
{
	for (const char *p = w; *p; p++)
		if (next(r) != *p) {
			fail(r, "a value expected (a string, number, object, array, true, false or null)");
			return false;
		}
	return true;
}

enum jv { JV_STR, JV_NUM, JV_TRUE, JV_FALSE, JV_NULL, JV_OBJECT, JV_ARRAY, JV_BAD };

/* The next value: a scalar read whole (its text in sb, *whole for a
 * number), an object's or an array's opening bracket only. */
static enum jv read_value(struct reader *r, struct strbuf *sb, bool *whole)
{
	skip_ws(r);
	int c = peek(r);
	switch (c) {
	case '"':
		next(r);
		return read_string(r, sb) ? JV_STR : JV_BAD;
	case '{':
		next(r);
		return JV_OBJECT;
	case '[':
		next(r);
		return JV_ARRAY;
	case 't':
		return read_word(r, "true") ? JV_TRUE : JV_BAD;
	case 'f':
		return read_word(r, "false") ? JV_FALSE : JV_BAD;
	case 'n':
		return read_word(r, "null") ? JV_NULL : JV_BAD;
	case EOF:
		fail(r, "the document ends early: a value expected");
		return JV_BAD;
	default:
		return read_number(r, sb, whole) ? JV_NUM : JV_BAD;
	}
}

/* After an element of an array or a member of an object: true when
 * another follows (a comma read), false at the closing bracket (read) or
 * on a failure. */
static bool more(struct reader *r, char close)
{
	skip_ws(r);
	int c = next(r);
	if (c == ',')
		return true;
	if (c != close)
		fail(r, c == EOF ? "the document ends early: ',' or '%c' expected"
				 : "',' or '%c' expected", close);
	return false;
}

/* Whether the object or array just opened is empty (its close read). */
static bool empty_next(struct reader *r, char close)
{
	skip_ws(r);
	if (peek(r) == close) {
		next(r);
		return true;
	}
	return false;
}

/* A member's name and its colon. */
static bool read_key(struct reader *r, struct strbuf *key)
{
	skip_ws(r);
	if (next(r) != '"') {
		fail(r, "a member's name (a string) expected");
		return false;
	}
	return read_string(r, key) && expect(r, ':');
}

static void skip_rest(struct reader *r, enum jv v, struct strbuf *tmp, int depth);

static void skip_value(struct reader *r, struct strbuf *tmp, int depth)
{
	bool whole;
	enum jv v = read_value(r, tmp, &whole);
	skip_rest(r, v, tmp, depth);
}

/* The rest of a value whose start read_value gave. */
static void skip_rest(struct reader *r, enum jv v, struct strbuf *tmp, int depth)
{
	if (v != JV_OBJECT && v != JV_ARRAY)
		return;
	if (depth >= MAX_DEPTH) {
		fail(r, "arrays and objects nested too deep");
		return;
	}
	char close = v == JV_OBJECT ? '}' : ']';
	if (empty_next(r, close))
		return;
	do {
		if (v == JV_OBJECT && !read_key(r, tmp))
			return;
		skip_value(r, tmp, depth + 1);
	} while (!r->failed && more(r, close));
}

/* --- the tables ------------------------------------------------------------ */

struct loader {
	struct reader *r;
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
	long added, kept;
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
	struct reader *r = l->r;
	bool whole = false;
	enum jv v = read_value(r, &l->val, &whole);
	*out = NULL;
	if (v == JV_BAD)
		return false;
	if (v == JV_NULL)
		return true;
	bool ok;
	switch (col->kind) {
	case SCOL_INT:
		ok = v == JV_NUM && whole;
		break;
	case SCOL_REAL:
		ok = v == JV_NUM;
		break;
	case SCOL_BOOL:
		ok = v == JV_TRUE || v == JV_FALSE;
		break;
	case SCOL_DATE: {
		cx_date d;
		ok = v == JV_STR && l->val.len == 10 && date_parse_iso(l->val.s, &d);
		break;
	}
	case SCOL_TIME:
		ok = v == JV_STR && time_shape(l->val.s);
		break;
	default:
		ok = v == JV_STR;
	}
	if (!ok) {
		static const char *const want[] = {"a string", "a whole number",
						   "a time (YYYY-MM-DDTHH:MM:SSZ)",
						   "a date (YYYY-MM-DD)", "true or false", "a number"};
		fail(r, "%s.%s must be %s or null", l->t->name, col->name, want[col->kind]);
		return false;
	}
	*out = v == JV_TRUE ? xstrdup("1") : v == JV_FALSE ? xstrdup("0") : xstrdup(l->val.s);
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
	struct reader *r = l->r;
	const struct store_table *t = l->t;
	char **row = l->vals + l->n * t->ncols;
	bool seen[64] = {false};
	skip_ws(r);
	int c0 = next(r);
	if (c0 != '{') {
		if (c0 == EOF)
			fail(r, "the document ends early: a row of %s expected", t->name);
		else
			fail(r, "a row of %s (an object) expected", t->name);
		return false;
	}
	if (!empty_next(r, '}')) {
		do {
			if (!read_key(r, &l->key))
				return false;
			size_t c = 0;
			while (c < t->ncols && strcmp(t->cols[c].name, l->key.s) != 0)
				c++;
			if (c == t->ncols) {
				fail(r, "an unknown column in a row of %s", t->name);
				return false;
			}
			if (seen[c]) {
				fail(r, "%s.%s given twice in a row", t->name, t->cols[c].name);
				return false;
			}
			seen[c] = true;
			if (!column_value(l, &t->cols[c], &row[c]))
				return false;
		} while (more(r, '}'));
		if (r->failed)
			return false;
	}
	for (size_t c = 0; c < t->ncols; c++)
		if (!seen[c]) {
			fail(r, "a row of %s without its column %s", t->name, t->cols[c].name);
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
		switch (merge_row(l->m, row, &l->rc, msg, sizeof msg)) {
		case MERGE_REFUSED:
			fail(r, "%s", msg);
			return false;
		case MERGE_STORE:
			return false;
		case MERGE_KEPT:
			for (size_t c = 0; c < t->ncols; c++) {
				free(row[c]);
				row[c] = NULL;
			}
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
	struct reader *r = l->r;
	if (!expect(r, '{') || empty_next(r, '}'))
		return;
	size_t after = 0; /* tables come in the order of store_tables, each once */
	do {
		if (!read_key(r, &l->key))
			return;
		size_t i = 0;
		while (i < store_table_count &&
		       (strcmp(store_tables[i].name, l->key.s) != 0 || !export_table_included(i)))
			i++;
		if (i == store_table_count) {
			fail(r, "an unknown table in \"tables\"");
			return;
		}
		if (i < after) {
			fail(r, "table %s given twice or out of order", store_tables[i].name);
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
		if (!expect(r, '['))
			return;
		if (!empty_next(r, ']')) {
			do {
				if (!read_row(l))
					break;
			} while (l->rc == STORE_OK && more(r, ']'));
		}
		batch_write(l);
		char msg[256];
		if (l->merge && !r->failed && l->rc == STORE_OK &&
		    (!merge_late(l->m, l->late, l->nlate, msg, sizeof msg) ||
		     !merge_table_end(l->m, msg, sizeof msg)))
			fail(r, "%s", msg);
		if (!r->failed && l->rc == STORE_OK && l->nlate)
			l->rc = store_table_link(l->st, i, l->nlate, (const char *const *)l->late);
		late_clear(l);
	} while (!r->failed && l->rc == STORE_OK && more(r, '}'));
}

/* The whole document; false when it is refused (r->failed) or the store
 * failed (l->rc). */
static bool read_document(struct loader *l)
{
	struct reader *r = l->r;
	bool format = false, version = false, tables = false, whole;
	if (!expect(r, '{'))
		return false;
	if (!empty_next(r, '}')) {
		do {
			if (!read_key(r, &l->key))
				return false;
			if (strcmp(l->key.s, "format") == 0 && !format) {
				enum jv v = read_value(r, &l->val, &whole);
				if (v != JV_BAD && (v != JV_STR || strcmp(l->val.s, "cxmeet-export") != 0))
					fail(r, "not a cxmeet export (\"format\" is not \"cxmeet-export\")");
				format = true;
			} else if (strcmp(l->key.s, "version") == 0 && !version) {
				if (!format)
					fail(r, "\"format\" must come before \"version\"");
				enum jv v = read_value(r, &l->val, &whole);
				if (v != JV_BAD && (v != JV_NUM || strcmp(l->val.s, "2") != 0))
					fail(r, "version %s of the export: this cxmeet reads version 2",
					     v == JV_NUM && l->val.len < 12 ? l->val.s : "(not a number)");
				version = true;
			} else if (strcmp(l->key.s, "tables") == 0 && !tables) {
				if (!version)
					fail(r, "\"format\" and \"version\" must come before \"tables\"");
				else
					read_tables(l);
				tables = true;
			} else {
				skip_value(r, &l->val, 0);
			}
		} while (!r->failed && l->rc == STORE_OK && more(r, '}'));
	}
	if (r->failed || l->rc != STORE_OK)
		return false;
	skip_ws(r);
	if (peek(r) != EOF) {
		fail(r, "something after the end of the document");
		return false;
	}
	if (ferror(r->fp)) {
		fail(r, "the file could not be read");
		return false;
	}
	if (!tables)
		fail(r, version ? "no \"tables\" in the document: nothing to import"
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
	struct reader r = {.fp = fp, .path = path, .line = 1, .peeked = -2, .err = err,
			   .errlen = errlen, .fn = fn, .ctx = ctx};
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
