/* store_team.c - departments and people. Names are unique per kind under their
 * case-folded key (name_key), so 'Zoë' and 'ZOË' are the same person. */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "cxmeet/util.h"

/* --- departments -------------------------------------------------------- */

static void read_dept(sqlite3_stmt *s, void *elem)
{
	struct dept *d = elem;
	d->id = col_id(s, 0);
	d->name = col_text_or_empty(s, 1);
	const unsigned char *facing = sqlite3_column_text(s, 2);
	d->behind = facing && strcmp((const char *)facing, "behind") == 0;
	d->archived = sqlite3_column_int(s, 3) != 0;
}

static enum store_rc one_dept(struct store *st, sqlite3_stmt *s, struct dept *out,
			      const char *missing)
{
	memset(out, 0, sizeof *out);
	enum store_rc rc = stmt_row(st, s, "reading a department");
	if (rc == STORE_OK)
		read_dept(s, out);
	else if (rc == STORE_NOTFOUND)
		store_failf(st, rc, "%s", missing);
	sqlite3_reset(s);
	return rc;
}

/* On a clash of names, says which existing record holds the name. */
static enum store_rc dup_name(struct store *st, enum store_rc rc, enum stmt_id by_key,
			      const char *kind, const char *name, const char *key)
{
	if (rc != STORE_DUPLICATE)
		return rc;
	sqlite3_stmt *s = stmt_get(st, by_key);
	bind_text(s, 1, key);
	char *existing = stmt_row(st, s, "reading names") == STORE_OK ? col_text(s, 1) : NULL;
	sqlite3_reset(s);
	if (existing && strcmp(existing, name) != 0)
		store_failf(st, rc, "'%s' is taken: a %s named '%s' already exists (names are "
				    "compared without regard to case)", name, kind, existing);
	else
		store_failf(st, rc, "a %s named '%s' already exists", kind, name);
	free(existing);
	return rc;
}

enum store_rc sqlite_dept_add(struct store *st, const char *name, const char *key, bool behind,
			      store_id *id)
{
	sqlite3_stmt *s = stmt_get(st, STMT_DEPT_ADD);
	bind_text(s, 1, name);
	bind_text(s, 2, key);
	bind_text(s, 3, behind ? "behind" : "customer");
	bind_now(st, s, 4);
	enum store_rc rc = dup_name(st, stmt_exec(st, s, "adding a department"), STMT_DEPT_BY_KEY,
				    "department", name, key);
	if (rc == STORE_OK && id)
		*id = sqlite3_last_insert_rowid(SQ(st)->db);
	return rc;
}

enum store_rc sqlite_dept_find(struct store *st, const char *name, const char *key,
			       struct dept *out)
{
	sqlite3_stmt *s = stmt_get(st, STMT_DEPT_BY_KEY);
	bind_text(s, 1, key);
	char *msg = xasprintf("no department named '%s'", name);
	enum store_rc rc = one_dept(st, s, out, msg);
	free(msg);
	return rc;
}

enum store_rc sqlite_dept_get(struct store *st, store_id id, struct dept *out)
{
	sqlite3_stmt *s = stmt_get(st, STMT_DEPT_BY_ID);
	bind_id(s, 1, id);
	return one_dept(st, s, out, "no such department");
}

static void free_depts(void *arr, size_t n) { dept_list_free(arr, n); }

enum store_rc sqlite_dept_list(struct store *st, bool with_archived, struct dept **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_DEPT_LIST);
	bind_int(s, 1, with_archived);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_dept, free_depts,
			    "listing departments");
}

enum store_rc sqlite_dept_rename(struct store *st, store_id id, const char *name, const char *key)
{
	sqlite3_stmt *s = stmt_get(st, STMT_DEPT_RENAME);
	bind_text(s, 1, name);
	bind_text(s, 2, key);
	bind_id(s, 3, id);
	return dup_name(st, stmt_update_one(st, s, "renaming a department"), STMT_DEPT_BY_KEY,
			"department", name, key);
}

enum store_rc sqlite_dept_set_behind(struct store *st, store_id id, bool behind)
{
	sqlite3_stmt *s = stmt_get(st, STMT_DEPT_SET_FACING);
	bind_text(s, 1, behind ? "behind" : "customer");
	bind_id(s, 2, id);
	return stmt_update_one(st, s, "changing a department");
}

enum store_rc sqlite_dept_set_archived(struct store *st, store_id id, bool archived)
{
	sqlite3_stmt *s = stmt_get(st, STMT_DEPT_ARCHIVE);
	bind_int(s, 1, archived);
	bind_now(st, s, 2);
	bind_id(s, 3, id);
	return stmt_update_one(st, s, "archiving a department");
}

/* --- people ------------------------------------------------------------- */

const char *stance_name(enum stance s)
{
	return s == STANCE_LOW ? "low" : s == STANCE_HIGH ? "high" : NULL;
}

static enum stance stance_read(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);
	if (!v)
		return STANCE_UNSET;
	return strcmp((const char *)v, "high") == 0 ? STANCE_HIGH : STANCE_LOW;
}

void read_person(sqlite3_stmt *s, void *elem)
{
	struct person *p = elem;
	p->id = col_id(s, 0);
	p->name = col_text_or_empty(s, 1);
	p->dept_id = col_id(s, 2);
	p->dept_name = col_text(s, 3);
	int role = role_parse((const char *)sqlite3_column_text(s, 4));
	p->role = role < 0 ? ROLE_MEMBER : (enum role)role;
	p->email = col_text(s, 5);
	p->influence = stance_read(s, 6);
	p->support = stance_read(s, 7);
	p->archived = sqlite3_column_int(s, 8) != 0;
}

static enum store_rc one_person(struct store *st, sqlite3_stmt *s, struct person *out,
				const char *missing)
{
	memset(out, 0, sizeof *out);
	enum store_rc rc = stmt_row(st, s, "reading a person");
	if (rc == STORE_OK)
		read_person(s, out);
	else if (rc == STORE_NOTFOUND)
		store_failf(st, rc, "%s", missing);
	sqlite3_reset(s);
	return rc;
}

static void bind_person(sqlite3_stmt *s, const struct person *p, const char *clean,
			const char *key)
{
	bind_text(s, 1, clean);
	bind_text(s, 2, key);
	bind_id(s, 3, p->dept_id);
	bind_text(s, 4, role_name(p->role));
	bind_text(s, 5, p->email && *p->email ? p->email : NULL);
	bind_text(s, 6, stance_name(p->influence));
	bind_text(s, 7, stance_name(p->support));
}

enum store_rc sqlite_person_add(struct store *st, const struct person *p, const char *key,
				store_id *id)
{
	sqlite3_stmt *s = stmt_get(st, STMT_PERSON_ADD);
	bind_person(s, p, p->name, key);
	bind_now(st, s, 8);
	enum store_rc rc = dup_name(st, stmt_exec(st, s, "adding a person"), STMT_PERSON_BY_KEY,
				    "person", p->name, key);
	if (rc == STORE_OK && id)
		*id = sqlite3_last_insert_rowid(SQ(st)->db);
	return rc;
}

enum store_rc sqlite_person_find(struct store *st, const char *name, const char *key,
				 struct person *out)
{
	sqlite3_stmt *s = stmt_get(st, STMT_PERSON_BY_KEY);
	bind_text(s, 1, key);
	char *msg = xasprintf("no person named '%s'", name);
	enum store_rc rc = one_person(st, s, out, msg);
	free(msg);
	return rc;
}

enum store_rc sqlite_person_get(struct store *st, store_id id, struct person *out)
{
	sqlite3_stmt *s = stmt_get(st, STMT_PERSON_BY_ID);
	bind_id(s, 1, id);
	return one_person(st, s, out, "no such person");
}

static void free_people(void *arr, size_t n) { person_list_free(arr, n); }

enum store_rc sqlite_person_list(struct store *st, bool with_archived, store_id dept_id,
				 struct person **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_PERSON_LIST);
	bind_int(s, 1, with_archived);
	bind_int(s, 2, dept_id);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_person, free_people,
			    "listing people");
}

enum store_rc sqlite_person_update(struct store *st, const struct person *p, const char *key)
{
	sqlite3_stmt *s = stmt_get(st, STMT_PERSON_UPDATE);
	bind_person(s, p, p->name, key);
	bind_id(s, 8, p->id);
	return dup_name(st, stmt_update_one(st, s, "changing a person"), STMT_PERSON_BY_KEY,
			"person", p->name, key);
}

enum store_rc sqlite_person_set_archived(struct store *st, store_id id, bool archived)
{
	sqlite3_stmt *s = stmt_get(st, STMT_PERSON_ARCHIVE);
	bind_int(s, 1, archived);
	bind_now(st, s, 2);
	bind_id(s, 3, id);
	return stmt_update_one(st, s, "archiving a person");
}

enum store_rc sqlite_names_each(struct store *st, bool people,
				void (*fn)(const char *name, void *ctx), void *ctx)
{
	sqlite3_stmt *s = stmt_get(st, people ? STMT_PERSON_NAMES : STMT_DEPT_NAMES);
	if (!s)
		return stmt_missing(st);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *name = sqlite3_column_text(s, 0);
		fn(name ? (const char *)name : "", ctx);
	}
	enum store_rc out = rc == SQLITE_DONE ? STORE_OK : store_fail(st, "reading names");
	sqlite3_reset(s);
	return out;
}
