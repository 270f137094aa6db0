/* check.c - 'cxmeet check' on a server's database: the schema version,
 * every table, function and trigger this version makes, row-level
 * security enabled and forced on every council-owned table (the councils
 * are kept apart by it), and every query fitting the schema. Tables of the
 * user's own are noted, not problems. The server keeps its own data sound:
 * there is no file to check page by page. */
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"

static const char *const council_owned[] = {
	"organisation", "org_text_versions", "departments", "people", "agenda_templates",
	"agenda_template_steps", "meetings", "meeting_steps", "attendance", "items",
	"item_links", "item_events", "meeting_holds", "meeting_drafts", "message_recipients",
	"person_profiles", "stance_history", "measures", "measure_values", "focus",
	"initiatives", "initiative_milestones", "initiative_reviews", "meeting_ratings",
	"meeting_briefers",
};
static const char *const other_tables[] = {"cxmeet_schema", "councils", "council_members"};
static const char *const functions[] = {"cx_councils_of", "cx_hold_check", "cx_refuse",
					 "cx_meeting_seq", "cx_carry", "cx_changed"};
/* and TABLE_changed on every council-owned table (schema.c, COUNCIL_OWNED) */
static const char *const triggers[] = {
	"item_events_append_only", "items_soft_delete_only", "cx_hold_items", "cx_hold_events",
	"cx_hold_meetings", "cx_hold_steps", "cx_hold_attendance", "cx_hold_drafts",
	"cx_hold_initiative", "cx_hold_ratings", "cx_hold_briefers",
	"meetings_seq", "items_carry",
};

static bool has_trigger(const PGresult *r, const char *name)
{
	for (int i = 0; i < PQntuples(r); i++)
		if (strcmp(PQgetvalue(r, i, 0), name) == 0)
			return true;
	return false;
}

/* Runs a query of the catalogue with no parameters. */
static PGresult *catalogue(struct store *st, const char *sql, enum store_rc *rc)
{
	PGresult *r = PQexec(PG(st)->conn, sql);
	if (PQresultStatus(r) == PGRES_TUPLES_OK)
		return r;
	*rc = pg_fail(st, r, "checking the database");
	PQclear(r);
	return NULL;
}

enum store_rc pg_check(struct store *st, char **problems, char **notes)
{
	*problems = NULL;
	if (notes)
		*notes = NULL;
	struct strbuf sb, nb;
	sb_init(&sb);
	sb_init(&nb);
	size_t n = 0;
	enum store_rc rc = STORE_OK;
	PGresult *r = catalogue(st, "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity"
				    " FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace"
				    " AND c.relkind IN ('r', 'p')", &rc);
	if (!r)
		goto out;
	bool seen_owned[ARRAY_SIZE(council_owned)] = {0};
	bool seen_other[ARRAY_SIZE(other_tables)] = {0};
	for (int i = 0; i < PQntuples(r); i++) {
		const char *name = PQgetvalue(r, i, 0);
		bool found = false;
		for (size_t k = 0; k < ARRAY_SIZE(council_owned); k++) {
			if (strcmp(name, council_owned[k]) != 0)
				continue;
			found = seen_owned[k] = true;
			if (!pgc_bool(r, i, 1) || !pgc_bool(r, i, 2)) {
				sb_addf(&sb, "table %s: row-level security is not %s: councils are "
					     "not kept apart in it\n", name,
					pgc_bool(r, i, 1) ? "forced" : "enabled");
				n++;
			}
		}
		for (size_t k = 0; k < ARRAY_SIZE(other_tables); k++)
			if (strcmp(name, other_tables[k]) == 0)
				found = seen_other[k] = true;
		if (!found)
			sb_addf(&nb, "table %s is not cxmeet's (left alone)\n", name);
	}
	PQclear(r);
	for (size_t k = 0; k < ARRAY_SIZE(council_owned); k++)
		if (!seen_owned[k]) {
			sb_addf(&sb, "table %s is missing\n", council_owned[k]);
			n++;
		}
	for (size_t k = 0; k < ARRAY_SIZE(other_tables); k++)
		if (!seen_other[k]) {
			sb_addf(&sb, "table %s is missing\n", other_tables[k]);
			n++;
		}
	r = catalogue(st, "SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace",
		      &rc);
	if (!r)
		goto out;
	for (size_t k = 0; k < ARRAY_SIZE(functions); k++) {
		bool found = false;
		for (int i = 0; i < PQntuples(r); i++)
			found = found || strcmp(PQgetvalue(r, i, 0), functions[k]) == 0;
		if (!found) {
			sb_addf(&sb, "function %s is missing\n", functions[k]);
			n++;
		}
	}
	PQclear(r);
	r = catalogue(st, "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
			  " WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal"
			  " AND t.tgenabled <> 'D'", &rc);
	if (!r)
		goto out;
	for (size_t k = 0; k < ARRAY_SIZE(triggers); k++)
		if (!has_trigger(r, triggers[k])) {
			sb_addf(&sb, "trigger %s is missing or disabled\n", triggers[k]);
			n++;
		}
	for (size_t k = 0; k < ARRAY_SIZE(council_owned); k++) {
		char name[96];
		snprintf(name, sizeof name, "%s_changed", council_owned[k]);
		if (!has_trigger(r, name)) {
			sb_addf(&sb, "trigger %s is missing or disabled: a screen that follows a "
				     "meeting would not see its changes\n", name);
			n++;
		}
	}
	PQclear(r);
	if (n == 0 && pg_prepare_all(st) != STORE_OK) {
		sb_addf(&sb, "a query does not fit the schema: %s\n", PG(st)->errmsg);
		n++;
	}
out:
	if (notes && nb.len)
		*notes = sb_take(&nb);
	sb_free(&nb);
	if (rc != STORE_OK || n == 0) {
		sb_free(&sb);
		return rc;
	}
	*problems = sb_take(&sb);
	return pg_failf(st, STORE_CORRUPT, "the database %s is damaged: %zu %s found",
			PG(st)->where, n, n == 1 ? "problem" : "problems");
}

/* A server's database is backed up by the server's own tools: a file's
 * online backup has no meaning here. Says what to use instead. */
enum store_rc pg_backup(struct store *st, const char *path, store_count_fn fn, void *ctx)
{
	(void)path;
	(void)fn;
	(void)ctx;
	return pg_refuse(st, STORE_INVALID,
			 "a database on a PostgreSQL server is backed up with the server's "
			 "tools (pg_dump, or the server's own backups); to keep this council's "
			 "history in a file, use: cxmeet copy --from SERVER --to FILE");
}
