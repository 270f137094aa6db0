/* team.c - departments and people on a PostgreSQL server (as
 * src/store/sqlite/store_team.c): names unique per council under their
 * case-folded key (name_key). */
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"
#include "cxmeet/dates.h"

/* --- departments -------------------------------------------------------- */

static void read_dept(const PGresult *r, int row, void *elem)
{
	struct dept *d = elem;
	d->id = pgc_id(r, row, 0);
	d->name = pgc_text_or_empty(r, row, 1);
	d->behind = strcmp(PQgetvalue(r, row, 2), "behind") == 0;
	d->archived = pgc_bool(r, row, 3);
}

static enum store_rc one_dept(struct store *st, enum pg_stmt id, const struct pg_params *p,
			      struct dept *out, const char *missing)
{
	memset(out, 0, sizeof *out);
	PGresult *r;
	enum store_rc rc = pg_row(st, id, p, &r, "reading a department");
	if (rc == STORE_OK) {
		read_dept(r, 0, out);
		PQclear(r);
	} else if (rc == STORE_NOTFOUND) {
		pg_failf(st, rc, "%s", missing);
	}
	return rc;
}

/* On a clash of names, says which existing record holds the name. Inside
 * a transaction the server has aborted it: the name is not looked up. */
static enum store_rc dup_name(struct store *st, enum store_rc rc, enum pg_stmt by_key,
			      const char *kind, const char *name, const char *key)
{
	if (rc != STORE_DUPLICATE)
		return rc;
	char *existing = NULL;
	if (PG(st)->tx_depth == 0) {
		struct pg_params p = {0};
		pp_text(&p, key);
		PGresult *r;
		if (pg_row(st, by_key, &p, &r, "reading names") == STORE_OK) {
			existing = pgc_text(r, 0, 1);
			PQclear(r);
		}
	}
	if (existing && strcmp(existing, name) != 0)
		pg_failf(st, rc, "'%s' is taken: a %s named '%s' already exists (names are "
				 "compared without regard to case)", name, kind, existing);
	else
		pg_failf(st, rc, "a %s named '%s' already exists", kind, name);
	free(existing);
	return rc;
}

/* Runs an INSERT ... RETURNING id. Inside a caller's transaction, behind a
 * savepoint: a name refused (a clash) is refused alone, as on a file, and
 * the transaction goes on (the server would otherwise have aborted it all). */
static enum store_rc insert_id(struct store *st, enum pg_stmt id, const struct pg_params *p,
			       store_id *out, const char *what)
{
	bool saved = PG(st)->tx_depth > 0 && !PG(st)->tx_failed;
	if (saved) {
		enum store_rc src = pg_exec_sql(st, "SAVEPOINT cx_name", what);
		if (src != STORE_OK)
			return src;
	}
	PGresult *r;
	enum store_rc rc = pg_row(st, id, p, &r, what);
	if (rc == STORE_OK) {
		if (out)
			*out = pgc_id(r, 0, 0);
		PQclear(r);
	}
	if (saved && rc == STORE_DUPLICATE) {
		char msg[sizeof PG(st)->errmsg];
		snprintf(msg, sizeof msg, "%s", PG(st)->errmsg);
		if (pg_exec_sql(st, "ROLLBACK TO SAVEPOINT cx_name; RELEASE SAVEPOINT cx_name",
				what) == STORE_OK)
			PG(st)->tx_failed = false;
		pg_failf(st, rc, "%s", msg);
	} else if (saved && rc == STORE_OK) {
		rc = pg_exec_sql(st, "RELEASE SAVEPOINT cx_name", what);
	}
	return rc;
}

enum store_rc pg_dept_add(struct store *st, const char *name, const char *key, bool behind,
			  store_id *id)
{
	struct pg_params p = {0};
	pp_text(&p, name);
	pp_text(&p, key);
	pp_text(&p, behind ? "behind" : "customer");
	pp_time(&p, clock_now());
	return dup_name(st, insert_id(st, PGS_DEPT_ADD, &p, id, "adding a department"),
			PGS_DEPT_BY_KEY, "department", name, key);
}

enum store_rc pg_dept_find(struct store *st, const char *name, const char *key,
			   struct dept *out)
{
	struct pg_params p = {0};
	pp_text(&p, key);
	char *msg = xasprintf("no department named '%s'", name);
	enum store_rc rc = one_dept(st, PGS_DEPT_BY_KEY, &p, out, msg);
	free(msg);
	return rc;
}

enum store_rc pg_dept_get(struct store *st, store_id id, struct dept *out)
{
	struct pg_params p = {0};
	pp_id(&p, id);
	return one_dept(st, PGS_DEPT_BY_ID, &p, out, "no such department");
}

enum store_rc pg_dept_list(struct store *st, bool with_archived, struct dept **out, size_t *n)
{
	struct pg_params p = {0};
	pp_bool(&p, with_archived);
	return pg_collect(st, PGS_DEPT_LIST, &p, (void **)out, n, sizeof **out, read_dept,
			  "listing departments");
}

enum store_rc pg_dept_rename(struct store *st, store_id id, const char *name, const char *key)
{
	struct pg_params p = {0};
	pp_text(&p, name);
	pp_text(&p, key);
	pp_id(&p, id);
	return dup_name(st, pg_update_one(st, PGS_DEPT_RENAME, &p, "renaming a department"),
			PGS_DEPT_BY_KEY, "department", name, key);
}

enum store_rc pg_dept_set_behind(struct store *st, store_id id, bool behind)
{
	struct pg_params p = {0};
	pp_text(&p, behind ? "behind" : "customer");
	pp_id(&p, id);
	return pg_update_one(st, PGS_DEPT_SET_FACING, &p, "changing a department");
}

enum store_rc pg_dept_set_archived(struct store *st, store_id id, bool archived)
{
	struct pg_params p = {0};
	pp_bool(&p, archived);
	pp_time(&p, clock_now());
	pp_id(&p, id);
	return pg_update_one(st, PGS_DEPT_ARCHIVE, &p, "archiving a department");
}

/* --- people ------------------------------------------------------------- */

static enum stance stance_read(const PGresult *r, int row, int col)
{
	if (PQgetisnull(r, row, col))
		return STANCE_UNSET;
	return strcmp(PQgetvalue(r, row, col), "high") == 0 ? STANCE_HIGH : STANCE_LOW;
}

static const char *stance_text(enum stance s)
{
	return s == STANCE_LOW ? "low" : s == STANCE_HIGH ? "high" : NULL;
}

static void read_person(const PGresult *r, int row, void *elem)
{
	struct person *p = elem;
	p->id = pgc_id(r, row, 0);
	p->name = pgc_text_or_empty(r, row, 1);
	p->dept_id = pgc_id(r, row, 2);
	p->dept_name = pgc_text(r, row, 3);
	int role = role_parse(PQgetvalue(r, row, 4));
	p->role = role < 0 ? ROLE_MEMBER : (enum role)role;
	p->email = pgc_text(r, row, 5);
	p->influence = stance_read(r, row, 6);
	p->support = stance_read(r, row, 7);
	p->archived = pgc_bool(r, row, 8);
}

static enum store_rc one_person(struct store *st, enum pg_stmt id, const struct pg_params *p,
				struct person *out, const char *missing)
{
	memset(out, 0, sizeof *out);
	PGresult *r;
	enum store_rc rc = pg_row(st, id, p, &r, "reading a person");
	if (rc == STORE_OK) {
		read_person(r, 0, out);
		PQclear(r);
	} else if (rc == STORE_NOTFOUND) {
		pg_failf(st, rc, "%s", missing);
	}
	return rc;
}

static void params_person(struct pg_params *p, const struct person *pe, const char *key)
{
	pp_text(p, pe->name);
	pp_text(p, key);
	pp_id(p, pe->dept_id);
	pp_text(p, role_name(pe->role));
	pp_text(p, pe->email && *pe->email ? pe->email : NULL);
	pp_text(p, stance_text(pe->influence));
	pp_text(p, stance_text(pe->support));
}

enum store_rc pg_person_add(struct store *st, const struct person *pe, const char *key,
			    store_id *id)
{
	struct pg_params p = {0};
	params_person(&p, pe, key);
	pp_time(&p, clock_now());
	return dup_name(st, insert_id(st, PGS_PERSON_ADD, &p, id, "adding a person"),
			PGS_PERSON_BY_KEY, "person", pe->name, key);
}

enum store_rc pg_person_find(struct store *st, const char *name, const char *key,
			     struct person *out)
{
	struct pg_params p = {0};
	pp_text(&p, key);
	char *msg = xasprintf("no person named '%s'", name);
	enum store_rc rc = one_person(st, PGS_PERSON_BY_KEY, &p, out, msg);
	free(msg);
	return rc;
}

enum store_rc pg_person_get(struct store *st, store_id id, struct person *out)
{
	struct pg_params p = {0};
	pp_id(&p, id);
	return one_person(st, PGS_PERSON_BY_ID, &p, out, "no such person");
}

enum store_rc pg_person_list(struct store *st, bool with_archived, store_id dept_id,
			     struct person **out, size_t *n)
{
	struct pg_params p = {0};
	pp_bool(&p, with_archived);
	pp_int(&p, dept_id);
	return pg_collect(st, PGS_PERSON_LIST, &p, (void **)out, n, sizeof **out, read_person,
			  "listing people");
}

enum store_rc pg_person_update(struct store *st, const struct person *pe, const char *key)
{
	struct pg_params p = {0};
	params_person(&p, pe, key);
	pp_id(&p, pe->id);
	return dup_name(st, pg_update_one(st, PGS_PERSON_UPDATE, &p, "changing a person"),
			PGS_PERSON_BY_KEY, "person", pe->name, key);
}

enum store_rc pg_person_set_archived(struct store *st, store_id id, bool archived)
{
	struct pg_params p = {0};
	pp_bool(&p, archived);
	pp_time(&p, clock_now());
	pp_id(&p, id);
	return pg_update_one(st, PGS_PERSON_ARCHIVE, &p, "archiving a person");
}

enum store_rc pg_person_set_stance(struct store *st, store_id id, enum stance influence,
				   enum stance support)
{
	struct pg_params p = {0};
	pp_text(&p, stance_text(influence));
	pp_text(&p, stance_text(support));
	pp_id(&p, id);
	return pg_update_one(st, PGS_PERSON_SET_STANCE, &p,
			     "placing a person on the stakeholder map");
}

enum store_rc pg_names_each(struct store *st, bool people,
			    void (*fn)(const char *name, void *ctx), void *ctx)
{
	PGresult *r;
	enum store_rc rc = pg_run(st, people ? PGS_PERSON_NAMES : PGS_DEPT_NAMES, NULL, &r,
				  "reading names");
	if (rc != STORE_OK)
		return rc;
	for (int i = 0; i < PQntuples(r); i++)
		fn(PQgetvalue(r, i, 0), ctx);
	PQclear(r);
	return STORE_OK;
}
