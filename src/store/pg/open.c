/* open.c - connecting to a PostgreSQL server (a libpq URI or a service
 * name), each failure told apart; setting up or checking the schema; the
 * session's council; closing; and the backend's table of operations, in
 * which an operation not written yet refuses, saying so. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pg_int.h"

/* The schema version this program makes and knows (schema.c). */
#define PG_SCHEMA_VERSION 7

/* The database argument names a password: refused, so that none is typed
 * on a command line (where ps and the shell's history show it). */
static bool names_password(const char *where)
{
	char *perr = NULL;
	PQconninfoOption *opts = PQconninfoParse(where, &perr);
	bool found = false;
	if (!opts) {
		PQfreemem(perr);
		return false; /* not parsable: the connection says why */
	}
	for (PQconninfoOption *o = opts; o->keyword; o++)
		if (strcmp(o->keyword, "password") == 0 && o->val && *o->val)
			found = true;
	PQconninfoFree(opts);
	return found;
}

/* What a failed connection means, from libpq's message (a connection that
 * fails has no SQLSTATE to read). */
static enum store_rc connect_rc(const char *msg)
{
	static const char *const auth[] = {"authentication failed", "no password supplied",
					   "password is required", "SCRAM", "role \"",
					   "permission denied for database", "pg_hba.conf"};
	for (size_t i = 0; i < ARRAY_SIZE(auth); i++)
		if (strstr(msg, auth[i]))
			return STORE_AUTH;
	if (strstr(msg, "database \"") && strstr(msg, "does not exist"))
		return STORE_NOTFOUND;
	return STORE_UNREACHABLE;
}

/* The server's notices ("already exists, skipping") are not the user's
 * business, and written to standard error they would land on the screen. */
static void no_notice(void *ctx, const char *message)
{
	(void)ctx;
	(void)message;
}

static PGconn *connect_to(const char *where, const char *dbname_override)
{
	/* Ours first: what the argument says overrides them. */
	const char *keys[] = {"application_name", "connect_timeout", "client_encoding", "dbname",
			      dbname_override ? "dbname" : NULL, NULL};
	const char *vals[] = {"cxmeet", "10", "UTF8", where, dbname_override, NULL};
	PGconn *c = PQconnectdbParams(keys, vals, 1);
	if (c)
		PQsetNoticeProcessor(c, no_notice, NULL);
	return c;
}

/* One line of libpq's message. */
static void first_line(const char *msg, char *buf, size_t len)
{
	snprintf(buf, len, "%s", msg && *msg ? msg : "no answer");
	char *nl = strchr(buf, '\n');
	if (nl)
		*nl = '\0';
}

/* Makes the database a create-mode open names when it is missing: through
 * the server's maintenance database, as the same role. */
static enum store_rc create_database(const char *where, const char *dbname, char *err,
				     size_t errlen)
{
	PGconn *c = connect_to(where, "postgres");
	if (PQstatus(c) != CONNECTION_OK) {
		char line[300];
		first_line(PQerrorMessage(c), line, sizeof line);
		errf(err, errlen, "cannot create the database %s: %s", dbname, line);
		PQfinish(c);
		return STORE_NOTFOUND;
	}
	char *ident = PQescapeIdentifier(c, dbname, strlen(dbname));
	char *sql = xasprintf("CREATE DATABASE %s", ident ? ident : "\"\"");
	PQfreemem(ident);
	PGresult *r = PQexec(c, sql);
	free(sql);
	enum store_rc rc = STORE_OK;
	const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
	if (PQresultStatus(r) != PGRES_COMMAND_OK && !(state && strcmp(state, "42P04") == 0)) {
		char line[300];
		first_line(PQresultErrorMessage(r), line, sizeof line);
		errf(err, errlen, "cannot create the database %s: %s", dbname, line);
		rc = state && strcmp(state, "42501") == 0 ? STORE_AUTH : STORE_NOTFOUND;
	}
	PQclear(r);
	PQfinish(c);
	return rc;
}

/* The database's name as the argument gives it (NULL: libpq's default). */
static char *dbname_of(const char *where)
{
	char *perr = NULL;
	PQconninfoOption *opts = PQconninfoParse(where, &perr);
	char *name = NULL;
	PQfreemem(perr);
	for (PQconninfoOption *o = opts; o && o->keyword; o++)
		if (strcmp(o->keyword, "dbname") == 0 && o->val && *o->val)
			name = xstrdup(o->val);
	PQconninfoFree(opts);
	return name;
}

/* The program's time zone, as the server names zones: $TZ, else the zone
 * /etc/localtime links to; NULL when neither says. */
static const char *local_zone(char *buf, size_t len)
{
	const char *tz = getenv("TZ");
	if (tz && *tz == ':')
		tz++;
	if (!tz || !*tz) {
		ssize_t n = readlink("/etc/localtime", buf, len - 1);
		if (n <= 0)
			return NULL;
		buf[n] = '\0';
		tz = buf;
	}
	const char *z = strstr(tz, "zoneinfo/");
	if (z)
		tz = z + strlen("zoneinfo/");
	return *tz && *tz != '/' ? tz : NULL;
}

static enum store_rc session_setup(struct store *st)
{
	/* Local dates on the server as on this machine (an action closed on
	 * time is judged by the local day): the session's time zone is the
	 * program's, when the server knows it. */
	char buf[256];
	const char *zone = local_zone(buf, sizeof buf);
	if (zone) {
		const char *v[] = {zone};
		PQclear(PQexecParams(PG(st)->conn, "SELECT set_config('TimeZone', $1, false)", 1,
				     NULL, v, NULL, NULL, 0));
	}
	/* Every commit durable before it is reported, whatever the server's
	 * default; dates read as ISO. Each run of a prepared statement planned
	 * for its own parameters: a generic plan cannot drop the filters a
	 * NULL parameter turns off ("$4 = 0 OR ..."), and a keyset page then
	 * sorted every row of the council. No JIT compilation: a page costs
	 * milliseconds, and compiling its query (when the planner guesses it
	 * big) cost 400 ms a page at a million items. */
	return pg_exec_sql(st, "SET synchronous_commit = on; SET datestyle = 'ISO, YMD';"
			       " SET plan_cache_mode = force_custom_plan; SET jit = off;"
			       " SET lock_timeout = '3s'; SET search_path = public;"
			       " LISTEN cxmeet_changed",
			   "opening the database");
}

/* --- the schema ------------------------------------------------------------ */

static enum store_rc query_int(struct store *st, const char *sql, int64_t *out,
			       const char *what)
{
	PGresult *r = PQexec(PG(st)->conn, sql);
	enum store_rc rc = STORE_OK;
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		rc = pg_fail(st, r, what);
	else
		*out = PQntuples(r) ? pgc_int(r, 0, 0) : 0;
	PQclear(r);
	return rc;
}

/* Applies the migrations from `version` on, in the transaction begun. */
static enum store_rc migrate(struct store *st, int version)
{
	enum store_rc rc = STORE_OK;
	for (int v = version; rc == STORE_OK && v < pg_migration_count; v++) {
		rc = pg_exec_sql(st, pg_migrations[v], "setting up the database");
		if (rc == STORE_OK) {
			char sql[96];
			snprintf(sql, sizeof sql, "INSERT INTO cxmeet_schema(version) VALUES (%d)",
				 v + 1);
			rc = pg_exec_sql(st, sql, "setting up the database");
		}
	}
	return rc;
}

/* The first council of a new database, named after it, with the role that
 * made it as its member. */
static enum store_rc first_council(struct store *st)
{
	return pg_exec_sql(st,
			   "INSERT INTO councils(name) VALUES (current_database());"
			   "INSERT INTO council_members(council_id, role_name)"
			   " SELECT id, current_user FROM councils",
			   "setting up the first council");
}

enum store_rc pg_schema_ensure(struct store *st, bool create)
{
	int64_t has_table = 0, others = 0, version = 0;
	enum store_rc rc = query_int(st, "SELECT to_regclass('public.cxmeet_schema') IS NOT NULL"
					 " ::int", &has_table, "reading the database");
	if (rc != STORE_OK)
		return rc;
	if (has_table) {
		rc = query_int(st, "SELECT max(version) FROM cxmeet_schema", &version,
			       "reading the schema version");
		if (rc != STORE_OK)
			return rc;
	} else {
		rc = query_int(st, "SELECT count(*) FROM pg_class c JOIN pg_namespace n"
				   " ON n.oid = c.relnamespace WHERE n.nspname = 'public'",
			       &others, "reading the database");
		if (rc != STORE_OK)
			return rc;
		if (others > 0)
			return pg_failf(st, STORE_CORRUPT, "%s holds tables of another program, not "
					"cxmeet's; it was left untouched", PG(st)->where);
		if (!create)
			return pg_failf(st, STORE_NOTFOUND, "the database %s is not set up: 'cxmeet "
					"init' sets it up", PG(st)->where);
	}
	if (version > PG_SCHEMA_VERSION)
		return pg_failf(st, STORE_NEWER,
				"the database %s was set up by a newer cxmeet (server schema "
				"version %lld; this one knows up to %d); it was left untouched: "
				"upgrade cxmeet to use it",
				PG(st)->where, (long long)version, PG_SCHEMA_VERSION);
	if (version == PG_SCHEMA_VERSION) {
		PG(st)->version = (int)version;
		return STORE_OK;
	}
	/* Set up (or upgrade) under a lock: two programs at once do it once. */
	rc = pg_tx_begin(st);
	if (rc == STORE_OK)
		rc = pg_exec_sql(st, "SELECT pg_advisory_xact_lock(hashtext('cxmeet schema'));"
				     "CREATE TABLE IF NOT EXISTS cxmeet_schema (version integer"
				     " PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());"
				     "GRANT SELECT ON cxmeet_schema TO PUBLIC",
				 "setting up the database");
	if (rc == STORE_OK)
		rc = query_int(st, "SELECT coalesce(max(version), 0) FROM cxmeet_schema", &version,
			       "reading the schema version");
	bool fresh = version == 0;
	if (rc == STORE_OK)
		rc = migrate(st, (int)version);
	/* An upgrade changes the tables: their owner's to make. */
	if (rc == STORE_NOT_MEMBER && !fresh)
		rc = pg_failf(st, STORE_NOT_MEMBER, "the database %s has server schema version "
			      "%lld and this cxmeet needs version %d: the owner of the database "
			      "upgrades it by running cxmeet once (any command)",
			      PG(st)->where, (long long)version, PG_SCHEMA_VERSION);
	if (rc == STORE_OK && fresh)
		rc = first_council(st);
	rc = pg_tx_end(st, rc);
	if (rc == STORE_OK)
		PG(st)->version = PG_SCHEMA_VERSION;
	return rc;
}

/* --- the session's council ---------------------------------------------------- */

/* Picks the council this session works on: the one named (--council,
 * else $CXMEET_COUNCIL), else the only one the role is a member of. A role
 * may pick a council it belongs to; the reader (cxmeet_reader) any, to read
 * it (the server refuses its writes). An archived council is never picked.
 * When the council is optional (store_council_is_optional) and none is
 * named, a session that cannot pick one works on none. */
static enum store_rc council_choose(struct store *st)
{
	const char *want = store_chosen_council();
	PGresult *r;
	if (want) {
		const char *v[] = {want};
		r = PQexecParams(PG(st)->conn,
				 "SELECT c.id, c.archived, c.id = ANY (cx_councils_of(current_user)),"
				 " pg_has_role(current_user, 'cxmeet_reader', 'MEMBER'), current_user"
				 " FROM cx_council_named($1) c",
				 1, NULL, v, NULL, NULL, 0);
	} else {
		r = PQexec(PG(st)->conn, "SELECT id, false, true, false, current_user FROM councils"
					 " WHERE id = ANY (cx_councils_of(current_user))"
					 " AND archived_at IS NULL ORDER BY id");
	}
	enum store_rc rc = STORE_OK;
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		rc = pg_fail(st, r, "choosing the council");
	} else if (want && PQntuples(r) == 0) {
		rc = pg_failf(st, STORE_NO_COUNCIL, "no council named '%s' in %s ('cxmeet council "
				  "list' shows them)", want, PG(st)->where);
	} else if (want && pgc_bool(r, 0, 1)) {
		rc = pg_failf(st, STORE_NO_COUNCIL, "the council '%s' is archived: it is read "
				  "with --all-councils, and never worked on", want);
	} else if (want && !pgc_bool(r, 0, 2) && !pgc_bool(r, 0, 3)) {
		rc = pg_failf(st, STORE_NOT_MEMBER, "the role %s is not a member of the council "
				  "'%s': the database's owner adds it (cxmeet council grant)",
				  PQgetvalue(r, 0, 4), want);
	} else if (!want && store_council_is_optional() && PQntuples(r) != 1) {
		/* No council (0, which holds nothing): the commands over councils
		 * need none, and nothing can be written into it. */
		PG(st)->council = 0;
	} else if (PQntuples(r) == 0) {
		rc = pg_failf(st, STORE_NOT_MEMBER, "the role connecting to %s is a member of no "
				  "council: the database's owner adds it to one (cxmeet council "
				  "grant)", PG(st)->where);
	} else if (PQntuples(r) > 1) {
		rc = pg_failf(st, STORE_NO_COUNCIL, "the role connecting to %s is a member of "
				  "%d councils: choose one with CXMEET_COUNCIL or --council",
				  PG(st)->where, PQntuples(r));
	} else {
		PG(st)->council = pgc_id(r, 0, 0);
	}
	PQclear(r);
	if (rc != STORE_OK)
		return rc;
	char id[32];
	snprintf(id, sizeof id, "%lld", (long long)PG(st)->council);
	/* This instance's token too: the server's hold check compares it. */
	const char *v[] = {id, PG(st)->token};
	r = PQexecParams(PG(st)->conn, "SELECT set_config('cxmeet.council', $1, false),"
			 " set_config('cxmeet.token', $2, false)", 2, NULL, v, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		rc = pg_fail(st, r, "choosing the council");
	PQclear(r);
	return rc;
}

/* --- opening and closing ------------------------------------------------------ */

static void make_token(char *out)
{
	unsigned char b[16] = {0};
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd < 0 || read(fd, b, sizeof b) != (ssize_t)sizeof b) {
		for (size_t i = 0; i < sizeof b; i++)
			b[i] = (unsigned char)(rand() ^ getpid());
	}
	if (fd >= 0)
		close(fd);
	for (size_t i = 0; i < sizeof b; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
}

static const struct store_ops *pg_ops_table(void);

/* The session's settings again on a new connection: the council chosen at
 * open (by id), this instance's token, the time zone. */
static enum store_rc session_restore(struct store *st)
{
	enum store_rc rc = session_setup(st);
	if (rc != STORE_OK)
		return rc;
	char id[32];
	snprintf(id, sizeof id, "%lld", (long long)PG(st)->council);
	const char *v[] = {id, PG(st)->token};
	PGresult *r = PQexecParams(PG(st)->conn, "SELECT set_config('cxmeet.council', $1, false),"
				   " set_config('cxmeet.token', $2, false)", 2, NULL, v, NULL,
				   NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		rc = pg_fail(st, r, "reconnecting");
	PQclear(r);
	return rc;
}

enum store_rc pg_reconnect(struct store *st)
{
	if (PQstatus(PG(st)->conn) == CONNECTION_OK)
		return STORE_OK;
	PQreset(PG(st)->conn);
	if (PQstatus(PG(st)->conn) != CONNECTION_OK) {
		char line[300];
		first_line(PQerrorMessage(PG(st)->conn), line, sizeof line);
		return pg_failf(st, STORE_UNREACHABLE, "cannot reach the server of %s: %s (is it "
				"running, and is the address right?)", PG(st)->where, line);
	}
	/* A new session: nothing prepared, no transaction, its settings again. */
	memset(PG(st)->prepared, 0, sizeof PG(st)->prepared);
	memset(PG(st)->prepared_wide, 0, sizeof PG(st)->prepared_wide);
	PG(st)->tx_depth = 0;
	PG(st)->tx_failed = false;
	pg_readahead_stop(st); /* its cursor was the old session's */
	enum store_rc rc = session_restore(st);
	if (rc == STORE_OK && PG(st)->no_wait)
		pg_lock_timeout_apply(st);
	return rc;
}

enum store_rc pg_open_mode(const char *where, bool create, struct store **out, char *err,
			   size_t errlen)
{
	*out = NULL;
	if (!pq_load(err, errlen))
		return STORE_ERROR;
	if (names_password(where)) {
		errf(err, errlen, "the database argument holds a password: refused, so that no "
				  "password is typed where others may see it; keep it in ~/.pgpass, "
				  "the file PGPASSFILE names, or a service file (service=NAME)");
		return STORE_INVALID;
	}
	PGconn *conn = connect_to(where, NULL);
	if (PQstatus(conn) != CONNECTION_OK) {
		char line[300];
		first_line(PQerrorMessage(conn), line, sizeof line);
		enum store_rc rc = connect_rc(line);
		char *dbname = rc == STORE_NOTFOUND && create ? dbname_of(where) : NULL;
		PQfinish(conn);
		conn = NULL;
		if (dbname) {
			rc = create_database(where, dbname, err, errlen);
			free(dbname);
			if (rc != STORE_OK)
				return rc;
			conn = connect_to(where, NULL);
			if (PQstatus(conn) != CONNECTION_OK) {
				first_line(PQerrorMessage(conn), line, sizeof line);
				rc = connect_rc(line);
				PQfinish(conn);
				conn = NULL;
			}
		}
		if (!conn) {
			switch (rc) {
			case STORE_AUTH:
				errf(err, errlen, "cannot log in to %s: %s (the password comes from "
				     "~/.pgpass, PGPASSFILE or a service file)", where, line);
				break;
			case STORE_NOTFOUND:
				errf(err, errlen, "there is no database at %s: %s ('cxmeet init' "
				     "creates one, or check --db and CXMEET_DB)", where, line);
				break;
			default:
				errf(err, errlen, "cannot reach the server of %s: %s (is it running, "
				     "and is the address right?)", where, line);
				break;
			}
			return rc;
		}
	}
	struct pg_store *pg = xcalloc(1, sizeof *pg);
	pg->base.ops = pg_ops_table();
	pg->conn = conn;
	pg->where = xstrdup(where);
	const char *user = getenv("USER");
	pg->actor = user && *user ? xstrdup(user) : NULL;
	make_token(pg->token);
	if (gethostname(pg->host, sizeof pg->host) != 0 || !pg->host[0])
		snprintf(pg->host, sizeof pg->host, "localhost");
	pg->host[sizeof pg->host - 1] = '\0';
	struct store *st = &pg->base;
	enum store_rc rc = session_setup(st);
	if (rc == STORE_OK)
		rc = pg_schema_ensure(st, create);
	if (rc == STORE_OK)
		rc = council_choose(st);
	if (rc != STORE_OK) {
		errf(err, errlen, "%s", pg->errmsg);
		pg_close(st);
		return rc;
	}
	*out = st;
	return STORE_OK;
}

void pg_close(struct store *st)
{
	if (!st)
		return;
	pg_readahead_stop(st);
	PQfinish(PG(st)->conn);
	free(PG(st)->where);
	free(PG(st)->actor);
	free(st);
}

const char *pg_backend_version(void)
{
	static char v[32];
	int n = PQlibVersion();
	snprintf(v, sizeof v, "libpq %d.%d", n / 10000, n % 10000);
	return v;
}

/* --- what every handle answers --------------------------------------------- */

const char *pg_errmsg(const struct store *st) { return PG(st)->errmsg; }
const char *pg_path(const struct store *st) { return PG(st)->where; }
int pg_schema_version(const struct store *st) { return PG(st)->version; }

enum store_rc pg_refuse(struct store *st, enum store_rc rc, const char *msg)
{
	return pg_failf(st, rc, "%s", msg);
}

void pg_set_actor(struct store *st, const char *actor)
{
	free(PG(st)->actor);
	PG(st)->actor = actor ? xstrdup(actor) : NULL;
}

enum store_rc pg_verify(struct store *st)
{
	int64_t v = 0;
	enum store_rc rc = query_int(st, "SELECT max(version) FROM cxmeet_schema", &v,
				     "reading the schema version");
	if (rc == STORE_OK && v != PG(st)->version)
		rc = pg_failf(st, v > PG(st)->version ? STORE_NEWER : STORE_CORRUPT,
			      "the schema of %s changed while it was open (version %lld, was %d)",
			      PG(st)->where, (long long)v, PG(st)->version);
	return rc;
}

enum store_rc pg_prepare_all(struct store *st)
{
	for (int i = 0; i < PGS_COUNT; i++) {
		PGresult *r;
		if (PG(st)->prepared[i])
			continue;
		char name[24];
		snprintf(name, sizeof name, "cx%d", i);
		r = PQprepare(PG(st)->conn, name, pg_statement_sql((enum pg_stmt)i), 0, NULL);
		enum store_rc rc = PQresultStatus(r) == PGRES_COMMAND_OK
					   ? STORE_OK
					   : pg_fail(st, r, "preparing a query");
		PQclear(r);
		if (rc != STORE_OK)
			return rc;
		PG(st)->prepared[i] = true;
	}
	return STORE_OK;
}

/* Checkpoints are the server's business. */
void pg_defer_checkpoints(struct store *st) { (void)st; }
bool pg_checkpoint_due(const struct store *st)
{
	(void)st;
	return false;
}
void pg_checkpoint_idle(struct store *st) { (void)st; }

/* A report reading much of the history: its lists read ahead. */
enum store_rc pg_read_once(struct store *st)
{
	PG(st)->read_once = true; /* a list read whole reads ahead (page.c) */
	return STORE_OK;
}

void pg_lock_timeout_apply(struct store *st)
{
	PQclear(PQexec(PG(st)->conn, PG(st)->no_wait ? "SET lock_timeout = '1ms'"
						     : "SET lock_timeout = '3s'"));
}

void pg_no_wait(struct store *st, bool on)
{
	PG(st)->no_wait = on;
	pg_lock_timeout_apply(st);
}

/* The changes to this session's council committed by other sessions, as the
 * server tells them (LISTEN cxmeet_changed; cx_changed, schema.c). An empty
 * statement first: the server sends what it was told before it answers, so
 * a commit that ended before this call is counted by it. */
int64_t pg_data_version(struct store *st)
{
	PGconn *c = PG(st)->conn;
	PQclear(PQexec(c, ""));
	if (PQconsumeInput(c)) {
		char mine[32];
		snprintf(mine, sizeof mine, "%lld", (long long)PG(st)->council);
		PGnotify *n;
		while ((n = PQnotifies(c))) {
			if (n->be_pid != PQbackendPID(c) &&
			    (!*n->extra || strcmp(n->extra, mine) == 0))
				PG(st)->changes++;
			PQfreemem(n);
		}
	}
	return PG(st)->changes;
}


/* --- the table of operations ---------------------------------------------------- */

/* The operations written for this backend; every other one refuses
 * (STORE_ERROR, PG_NOT_YET) until it is. */
#define PG_DONE(X) \
	X(verify) X(check) X(prepare_all) X(begin) X(read_begin) X(commit) X(refuse) X(read_once) \
	X(org_get) X(org_create) X(org_set_text) X(org_set_cadence) X(org_set_escalate_after) \
	X(org_set_setup_step) X(org_history) \
	X(dept_add) X(dept_find) X(dept_get) X(dept_list) X(dept_rename) X(dept_set_behind) \
	X(dept_set_archived) \
	X(person_add) X(person_find) X(person_get) X(person_list) X(person_update) \
	X(person_set_archived) X(person_set_stance) X(names_each) \
	X(template_add) X(template_find) X(template_default) X(template_get) X(template_list) \
	X(template_save_steps) X(template_rename) X(template_set_default) X(template_copy) \
	X(template_archive) \
	X(item_add) X(item_get) X(item_update) X(item_set_status) X(item_supersede) \
	X(item_carry) X(item_imported) X(item_delete) X(item_link) X(item_links) X(item_events) X(item_count) \
	X(action_counts) X(meeting_items) X(items_after) X(id_bounds) X(waiting_items) \
	X(item_set_discussed) X(message_recipients_add) X(message_redirect) X(message_ack) X(messages_list) \
	X(person_profile_get) X(person_profile_set) X(stance_history_add) X(stance_history_list) \
	X(measure_add) X(measure_find) X(measure_list) X(measure_value_add) X(measure_value_get) X(item_measure) X(measure_update) X(measure_archive) X(measure_values) X(item_set_measure) \
	X(initiative_add) X(initiative_update) X(initiative_find) X(initiative_get) \
	X(initiative_list) X(initiative_review) X(initiative_reviews) X(milestone_add) \
	X(milestone_reach) X(milestones) \
	X(focus_get) X(focus_set) X(ledger_counts) \
	X(meeting_start) X(meeting_get) X(meeting_in_progress) X(meeting_last) \
	X(meeting_set_current_step) X(meeting_step_time) X(meeting_set_outcome) \
	X(meeting_finish) X(meeting_steps) X(meeting_count) X(meeting_work) \
	X(attendance_set) X(attendance_list) X(attendance_everyone) \
	X(rating_set) X(ratings) X(briefer_set) X(briefers) \
	X(hold_get) X(hold_take) X(hold_beat) X(hold_release) \
	X(draft_save) X(draft_get) X(draft_clear) \
	X(open_actions) X(open_parked) X(open_parked_ids) X(open_parked_count) X(items_rerank) \
	X(actions_list) X(actions_stream_begin) X(actions_stream_next) X(actions_count) \
	X(search) X(search_stream_begin) X(search_stream_next) X(search_count) X(search_window) \
	X(item_search) X(history_list) X(history_count) \
	X(bulk_begin) X(bulk_end) X(bulk_journal) X(bulk_item_add) X(bulk_item_status) \
	X(bulk_item_due) \
	X(meetings_after) X(meeting_attendees) X(meeting_review_events) X(held_meetings) \
	X(window_attendance) X(window_items) X(window_steps) X(overdue_by_dept) X(items_since) X(credits_since) X(person_records) \
	X(decisions_window) X(decisions_list) X(decisions_count) X(decision_links) \
	X(decision_supersedes) X(decisions_later) X(decision_set_revisit) \
	X(council_list) X(council_current) X(council_add) X(council_rename) X(council_archive) \
	X(council_grant) X(council_revoke) X(read_all_councils) \
	X(table_rows) X(table_put) X(table_link) X(table_put_end) X(table_ids) X(backup) X(item_revisions)

#define FIRST_ARG(...) FIRST_ARG_(__VA_ARGS__, 0)
#define FIRST_ARG_(first, ...) first

/* Takes every argument of a refused operation, so that none is unused. */
static void take_args(const void *handle, ...) { (void)handle; }

static enum store_rc refuse_op(const void *handle, const char *op)
{
	/* A stream is never made by an operation that refuses: only a store. */
	if (strstr(op, "_stream_next"))
		return STORE_ERROR;
	return pg_not_yet((struct store *)(uintptr_t)handle, op);
}

#define PG_STUB(name, params, args) \
	__attribute__((unused)) static enum store_rc stub_##name params \
	{ \
		take_args args; \
		return refuse_op(FIRST_ARG args, #name); \
	}
#define PG_NONE_R(type, name, params, args)
#define PG_NONE_V(name, params, args)
STORE_OPS(PG_STUB, PG_NONE_R, PG_NONE_V)

static const struct store_ops *pg_ops_table(void)
{
	static struct store_ops ops;
	static bool filled;
	if (filled)
		return &ops;
#define FILL_STUB(name, params, args) ops.name = stub_##name;
#define FILL_R(type, name, params, args) ops.name = pg_##name;
#define FILL_V(name, params, args) ops.name = pg_##name;
	STORE_OPS(FILL_STUB, FILL_R, FILL_V)
#define FILL_DONE(name) ops.name = pg_##name;
	PG_DONE(FILL_DONE)
#undef FILL_STUB
#undef FILL_R
#undef FILL_V
#undef FILL_DONE
	filled = true;
	return &ops;
}
