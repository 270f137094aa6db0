/* store_schema.c - whether the file's schema is the one this version of
 * cxmeet makes: every table, index, trigger and view, by type, name, table and
 * SQL text. What is expected is made afresh when needed, by running this
 * version's own migrations on an in-memory database, so a new migration needs
 * no list kept here (a file whose schema has this version's digest, see
 * schema_digest, is known good without it). SQLite's internal objects
 * (sqlite_*) follow from the tables' text and are not compared; objects a
 * user added are tolerated, and reported only as notes. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store_int.h"
#include "cxmeet/util.h"

struct schema_obj {
	char *type, *name, *tbl, *sql; /* sql normalised; "" for none */
	bool seen;
};

struct schema {
	struct schema_obj *v;
	size_t n;
};

static void schema_free(struct schema *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].type);
		free(s->v[i].name);
		free(s->v[i].tbl);
		free(s->v[i].sql);
	}
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

static bool word_char(unsigned char c) { return isalnum(c) || c == '_' || c >= 0x80; }

/* The SQL text with what does not change its meaning taken out: comments,
 * runs of white space (kept, as one space, only between two words), and the
 * case of everything outside '...' literals (names and keywords are not
 * case-sensitive in SQLite). The same definition typed again compares equal. */
static char *sql_normalise(const char *sql)
{
	struct strbuf sb;
	bool space = false;
	sb_init(&sb);
	for (const char *p = sql ? sql : ""; *p;) {
		if (*p == '\'') { /* a literal, '' inside it included, kept as written */
			const char *q = p + 1;
			while (*q && !(*q == '\'' && q[1] != '\''))
				q += *q == '\'' ? 2 : 1;
			if (*q)
				q++;
			if (space && sb.len && word_char((unsigned char)sb.s[sb.len - 1]))
				sb_add(&sb, " ");
			sb_addn(&sb, p, (size_t)(q - p));
			space = false;
			p = q;
			continue;
		}
		if (p[0] == '-' && p[1] == '-') {
			p += strcspn(p, "\n");
			space = true;
			continue;
		}
		if (p[0] == '/' && p[1] == '*') {
			const char *end = strstr(p + 2, "*/");
			p = end ? end + 2 : p + strlen(p);
			space = true;
			continue;
		}
		unsigned char c = (unsigned char)*p++;
		if (isspace(c)) {
			space = true;
			continue;
		}
		if (space && sb.len && word_char((unsigned char)sb.s[sb.len - 1]) && word_char(c))
			sb_add(&sb, " ");
		space = false;
		char lc = (char)tolower(c);
		sb_addn(&sb, &lc, 1);
	}
	while (sb.len && sb.s[sb.len - 1] == ';')
		sb.s[--sb.len] = '\0';
	return sb.len ? sb_take(&sb) : (sb_free(&sb), xstrdup(""));
}

static char *col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);
	return xstrdup(v ? (const char *)v : "");
}

/* Every object of the main database but SQLite's own, in the order made. */
static int schema_read(sqlite3 *db, struct schema *out)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;
	out->v = NULL;
	out->n = 0;
	rc = sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, sql FROM main.sqlite_master"
				" WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid",
				-1, &s, NULL);
	if (rc != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 64;
			out->v = xrealloc(out->v, cap * sizeof *out->v);
		}
		struct schema_obj *o = &out->v[out->n++];
		o->type = col_dup(s, 0);
		o->name = col_dup(s, 1);
		o->tbl = col_dup(s, 2);
		o->sql = sql_normalise((const char *)sqlite3_column_text(s, 3));
		o->seen = false;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		schema_free(out);
		return rc;
	}
	return SQLITE_OK;
}

/* The schema the first `version` migrations make, on a database in memory. */
static int schema_expected(int version, struct schema *out)
{
	sqlite3 *mem = NULL;
	int rc = sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
				 NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(mem, "BEGIN", NULL, NULL, NULL);
	for (int v = 0; rc == SQLITE_OK && v < version && v < store_migration_count; v++)
		rc = sqlite3_exec(mem, store_migrations[v], NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = schema_read(mem, out);
	sqlite3_close(mem);
	return rc;
}

static struct schema_obj *schema_find(struct schema *s, const char *name)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcasecmp(s->v[i].name, name) == 0)
			return &s->v[i];
	return NULL;
}

/* A table that a virtual table keeps its data in (items_fts_data for
 * items_fts): made by SQLite's FTS5, whose text for it may change between
 * SQLite versions, so only its existence and type are compared. */
static bool is_shadow(const struct schema *s, const struct schema_obj *o)
{
	if (strcmp(o->type, "table") != 0)
		return false;
	for (size_t i = 0; i < s->n; i++) {
		const struct schema_obj *v = &s->v[i];
		size_t len = strlen(v->name);
		if (strncmp(v->sql, "create virtual table", 20) == 0 &&
		    strncasecmp(o->name, v->name, len) == 0 && o->name[len] == '_')
			return true;
	}
	return false;
}

/* Compares the file's schema with the one of `version`. Each missing or
 * altered object is one line in problems (counted in *n), each object of the
 * user's own one line in notes (either may be NULL). */
enum store_rc schema_compare(struct store *st, int version, struct strbuf *problems,
			     struct strbuf *notes, size_t *n)
{
	struct schema want, have;
	*n = 0;
	if (schema_expected(version, &want) != SQLITE_OK)
		return store_failf(st, STORE_ERROR, "cannot make the expected schema: %s",
				   "out of memory, or SQLite lacks FTS5");
	if (schema_read(SQ(st)->db, &have) != SQLITE_OK) {
		schema_free(&want);
		return store_fail(st, "reading the database's schema");
	}
	for (size_t i = 0; i < want.n; i++) {
		const struct schema_obj *w = &want.v[i];
		struct schema_obj *h = schema_find(&have, w->name);
		char line[512];
		line[0] = '\0';
		if (!h)
			snprintf(line, sizeof line, "%s %s is missing", w->type, w->name);
		else if (strcmp(h->type, w->type) != 0)
			snprintf(line, sizeof line, "%s should be a %s, but it is a %s", w->name,
				 w->type, h->type);
		else if (strcasecmp(h->tbl, w->tbl) != 0)
			snprintf(line, sizeof line, "%s %s is on table %s instead of %s", w->type,
				 w->name, h->tbl, w->tbl);
		else if (strcmp(h->sql, w->sql) != 0 && !is_shadow(&want, w))
			snprintf(line, sizeof line, "%s %s has been altered: it is not as cxmeet "
				 "defines it", w->type, w->name);
		if (h)
			h->seen = true;
		if (line[0]) {
			if (problems)
				sb_addf(problems, "%s\n", line);
			(*n)++;
		}
	}
	for (size_t i = 0; notes && i < have.n; i++) {
		const struct schema_obj *h = &have.v[i];
		if (h->seen)
			continue;
		if (strcasecmp(h->name, h->tbl) == 0)
			sb_addf(notes, "%s %s is not part of cxmeet's schema; it was left alone\n",
				h->type, h->name);
		else
			sb_addf(notes, "%s %s on %s is not part of cxmeet's schema; it was left "
				"alone\n", h->type, h->name, h->tbl);
	}
	schema_free(&want);
	schema_free(&have);
	return STORE_OK;
}

/* A digest of the file's schema as written (FNV-1a over each object's type,
 * name, table and SQL text, by name; a virtual table's shadow tables by type
 * and name only, their text being SQLite's). A file made or upgraded by this
 * version has STORE_SCHEMA_DIGEST: its schema is then known good without
 * making the expected one in memory, which was half of what a short command
 * cost. Any other digest (a user's own objects, another SQLite's text, a
 * damage) goes the long way, which names what differs. 0 when unreadable. */
static void fnv(uint64_t *h, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
		*h = (*h ^ *p) * 0x100000001b3ull;
	*h = (*h ^ 0xff) * 0x100000001b3ull; /* ends the field */
}

uint64_t schema_digest(sqlite3 *db)
{
	sqlite3_stmt *s;
	/* The virtual tables are found once (not once for each object). */
	if (sqlite3_prepare_v2(db, "WITH v(name) AS MATERIALIZED (SELECT name FROM main.sqlite_master"
			       " WHERE type = 'table' AND sql LIKE 'create virtual table%')"
			       " SELECT o.type, o.name, o.tbl_name, CASE WHEN o.type = 'table'"
			       " AND EXISTS (SELECT 1 FROM v WHERE o.name LIKE v.name || '\\_%'"
			       " ESCAPE '\\') THEN '' ELSE o.sql END FROM main.sqlite_master o"
			       " WHERE o.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY o.name",
			       -1, &s, NULL) != SQLITE_OK)
		return 0;
	uint64_t h = 0xcbf29ce484222325ull;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		for (int i = 0; i < 4; i++)
			fnv(&h, (const char *)sqlite3_column_text(s, i));
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? h : 0;
}

/* Refuses a file whose schema is not the one of `version`, naming the first
 * difference and how many more there are. */
enum store_rc schema_verify(struct store *st, int version)
{
	if (version == STORE_SCHEMA_VERSION && schema_digest(SQ(st)->db) == STORE_SCHEMA_DIGEST)
		return STORE_OK;
	struct strbuf problems;
	size_t n = 0;
	sb_init(&problems);
	enum store_rc rc = schema_compare(st, version, &problems, NULL, &n);
	if (rc != STORE_OK || n == 0) {
		sb_free(&problems);
		return rc;
	}
	problems.s[strcspn(problems.s, "\n")] = '\0';
	if (n == 1)
		rc = store_failf(st, STORE_CORRUPT, "the database %s is damaged: %s; it was left "
				 "untouched", SQ(st)->path, problems.s);
	else
		rc = store_failf(st, STORE_CORRUPT, "the database %s is damaged: %s, and %zu other "
				 "object%s of its schema %s missing or altered ('cxmeet check' lists "
				 "them); it was left untouched", SQ(st)->path, problems.s, n - 1,
				 n - 1 == 1 ? "" : "s", n - 1 == 1 ? "is" : "are");
	sb_free(&problems);
	return rc;
}
