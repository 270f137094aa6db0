/* council.c - the councils of a server's database: listing them, and their
 * management by the database's owner (adding, renaming, archiving, and who
 * belongs to each: GRANT cxmeet_member and a council_members row). */
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"

static void read_council(const PGresult *r, int row, void *elem)
{
	struct council *c = elem;
	c->id = pgc_id(r, row, 0);
	c->name = pgc_text(r, row, 1);
	c->archived = pgc_bool(r, row, 2);
	c->member = pgc_bool(r, row, 3);
	c->current = pgc_bool(r, row, 4);
}

enum store_rc pg_council_list(struct store *st, struct council **out, size_t *n)
{
	return pg_collect(st, PGS_COUNCIL_LIST, NULL, (void **)out, n, sizeof **out,
			  read_council, "listing the councils");
}

enum store_rc pg_council_current(struct store *st, struct council *out)
{
	memset(out, 0, sizeof *out);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_COUNCIL_CURRENT, NULL, &r, "reading the council");
	if (rc == STORE_NOTFOUND)
		return pg_failf(st, STORE_NO_COUNCIL, "no council is picked: name one with "
				"--council or CXMEET_COUNCIL");
	if (rc != STORE_OK)
		return rc;
	read_council(r, 0, out);
	PQclear(r);
	return STORE_OK;
}

/* Only the owner of the database manages its councils. */
static enum store_rc owner_only(struct store *st, const char *doing)
{
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_COUNCIL_OWNER, NULL, &r, "reading the owner");
	if (rc != STORE_OK)
		return rc;
	if (!pgc_bool(r, 0, 0))
		rc = pg_failf(st, STORE_NOT_MEMBER, "permission denied: only the owner of the "
			      "database (the role %s) may %s", PQgetvalue(r, 0, 1), doing);
	PQclear(r);
	return rc;
}

/* The council named (without regard to case): its id, and whether archived. */
static enum store_rc find(struct store *st, const char *name, store_id *id, bool *archived)
{
	struct pg_params p = {0};
	pp_text(&p, name);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_COUNCIL_FIND, &p, &r, "finding the council");
	if (rc == STORE_NOTFOUND)
		return pg_failf(st, STORE_NO_COUNCIL, "no council named '%s' ('cxmeet council "
				"list' shows them)", name);
	if (rc != STORE_OK)
		return rc;
	*id = pgc_id(r, 0, 0);
	if (archived)
		*archived = pgc_bool(r, 0, 2);
	PQclear(r);
	return STORE_OK;
}

static enum store_rc add_body(struct store *st, void *ctx)
{
	struct pg_params p = {0};
	pp_text(&p, ctx);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_COUNCIL_ADD, &p, &r, "adding the council");
	if (rc == STORE_DUPLICATE)
		return pg_failf(st, rc, "there is a council named '%s' already (names are "
				"compared without regard to case)", (const char *)ctx);
	if (rc != STORE_OK)
		return rc;
	struct pg_params m = {0};
	pp_id(&m, pgc_id(r, 0, 0));
	pp_text(&m, NULL);
	PQclear(r);
	return pg_exec(st, PGS_MEMBER_ADD, &m, "making the owner a member");
}

enum store_rc pg_council_add(struct store *st, const char *name)
{
	enum store_rc rc = owner_only(st, "add councils");
	return rc == STORE_OK ? pg_tx_run(st, add_body, (void *)(uintptr_t)name) : rc;
}

enum store_rc pg_council_rename(struct store *st, const char *name, const char *new_name)
{
	store_id id;
	enum store_rc rc = owner_only(st, "rename councils");
	if (rc == STORE_OK)
		rc = find(st, name, &id, NULL);
	if (rc != STORE_OK)
		return rc;
	struct pg_params p = {0};
	pp_id(&p, id);
	pp_text(&p, new_name);
	rc = pg_update_one(st, PGS_COUNCIL_RENAME, &p, "renaming the council");
	if (rc == STORE_DUPLICATE)
		return pg_failf(st, rc, "there is a council named '%s' already (names are "
				"compared without regard to case)", new_name);
	return rc;
}

enum store_rc pg_council_archive(struct store *st, const char *name)
{
	store_id id;
	bool archived = false;
	enum store_rc rc = owner_only(st, "archive councils");
	if (rc == STORE_OK)
		rc = find(st, name, &id, &archived);
	if (rc != STORE_OK)
		return rc;
	if (archived)
		return pg_failf(st, STORE_INVALID, "the council '%s' is archived already", name);
	struct pg_params p = {0};
	pp_id(&p, id);
	return pg_update_one(st, PGS_COUNCIL_ARCHIVE, &p, "archiving the council");
}

struct membership {
	store_id council;
	const char *role;
	bool grant;
};

/* GRANT or REVOKE cxmeet_member for the role; its name can only reach the
 * statement as an identifier, quoted by libpq. */
static enum store_rc member_role(struct store *st, const char *role, bool grant)
{
	char *ident = PQescapeIdentifier(PG(st)->conn, role, strlen(role));
	if (!ident)
		return pg_failf(st, STORE_INVALID, "the role name '%s' cannot be used", role);
	char *sql = xasprintf(grant ? "GRANT cxmeet_member TO %s" : "REVOKE cxmeet_member FROM %s",
			      ident);
	PQfreemem(ident);
	enum store_rc rc = pg_exec_sql(st, sql, grant ? "granting the role" : "revoking the role");
	free(sql);
	return rc;
}

static enum store_rc membership_body(struct store *st, void *ctx)
{
	const struct membership *m = ctx;
	struct pg_params p = {0};
	pp_id(&p, m->council);
	pp_text(&p, m->role);
	if (m->grant) {
		enum store_rc rc = member_role(st, m->role, true);
		return rc == STORE_OK ? pg_exec(st, PGS_MEMBER_ADD, &p, "adding the member") : rc;
	}
	enum store_rc rc = pg_update_one(st, PGS_MEMBER_DROP, &p, "removing the member");
	if (rc == STORE_NOTFOUND)
		return pg_failf(st, rc, "the role %s is not a member of that council", m->role);
	if (rc != STORE_OK)
		return rc;
	/* A member of no council any more holds no privilege on the tables. */
	struct pg_params q = {0};
	pp_text(&q, m->role);
	PGresult *r;
	rc = pg_row(st, PGS_MEMBER_COUNCILS, &q, &r, "counting the role's councils");
	if (rc != STORE_OK)
		return rc;
	bool none_left = pgc_int(r, 0, 0) == 0;
	PQclear(r);
	return none_left ? member_role(st, m->role, false) : STORE_OK;
}

static enum store_rc membership(struct store *st, const char *name, const char *role, bool grant)
{
	struct membership m = {.role = role, .grant = grant};
	bool archived = false;
	enum store_rc rc = owner_only(st, grant ? "grant membership of councils"
						: "revoke membership of councils");
	if (rc == STORE_OK)
		rc = find(st, name, &m.council, &archived);
	if (rc != STORE_OK)
		return rc;
	if (grant && archived)
		return pg_failf(st, STORE_INVALID, "the council '%s' is archived: nobody joins it",
				name);
	struct pg_params p = {0};
	pp_text(&p, role);
	PGresult *r;
	rc = pg_row(st, PGS_ROLE_EXISTS, &p, &r, "finding the role");
	if (rc == STORE_NOTFOUND)
		return pg_failf(st, rc, "there is no role %s on the server: make it first (CREATE "
				"ROLE %s LOGIN, with a password in that person's ~/.pgpass)", role, role);
	if (rc != STORE_OK)
		return rc;
	PQclear(r);
	return pg_tx_run(st, membership_body, &m);
}

enum store_rc pg_council_grant(struct store *st, const char *name, const char *role)
{
	return membership(st, name, role, true);
}

enum store_rc pg_council_revoke(struct store *st, const char *name, const char *role)
{
	return membership(st, name, role, false);
}
