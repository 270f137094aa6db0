/* statements.h - every statement the PostgreSQL store runs, as one list
 * (PG_STATEMENTS): an enum entry each (pg_int.h), prepared by name on first
 * use in a session. User data only reaches SQL through the $N parameters.
 *
 * Every statement names the session's council (COUNCIL): row-level
 * security lets a role see every council it is a member of, and a session
 * works on one. */
#ifndef CXMEET_PG_STATEMENTS_H
#define CXMEET_PG_STATEMENTS_H

/* The session's council, chosen at open (open.c). */
#define COUNCIL "current_setting('cxmeet.council')::bigint"
/* A timestamptz as seconds since the epoch (pgc_time reads it). */
#define PG_EPOCH(c) "extract(epoch FROM " c ")::bigint"
/* A timestamptz as the SQLite file keeps it: 2026-03-02T09:00:00Z. */
#define PG_ISO(c) "to_char(" c " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

#define PG_DEPT_SELECT "SELECT id, name, facing, archived_at IS NOT NULL FROM departments"
#define PG_PERSON_SELECT \
	"SELECT p.id, p.name, p.department_id, d.name, p.role, p.email, p.influence, p.support," \
	" p.archived_at IS NOT NULL FROM people p LEFT JOIN departments d ON d.id = p.department_id"

#define PG_STATEMENTS(X) \
	X(SCHEMA_VERSION, "SELECT max(version) FROM cxmeet_schema") \
	/* --- organisation ------------------------------------------------------ */ \
	X(ORG_GET, "SELECT name, mission, success, vision, goals, roles, prioritise, approvals," \
		" ways, cadence_unit, cadence_n, escalate_after, setup_step FROM organisation" \
		" WHERE council_id = " COUNCIL) \
	X(ORG_CREATE, "INSERT INTO organisation(name, created_at) VALUES ($1, $2)") \
	X(ORG_SET_TEXT, "UPDATE organisation SET" \
		" name = CASE $1::text WHEN 'name' THEN $2 ELSE name END," \
		" mission = CASE $1::text WHEN 'mission' THEN $2 ELSE mission END," \
		" success = CASE $1::text WHEN 'success' THEN $2 ELSE success END," \
		" vision = CASE $1::text WHEN 'vision' THEN $2 ELSE vision END," \
		" goals = CASE $1::text WHEN 'goals' THEN $2 ELSE goals END," \
		" roles = CASE $1::text WHEN 'roles' THEN $2 ELSE roles END," \
		" prioritise = CASE $1::text WHEN 'prioritise' THEN $2 ELSE prioritise END," \
		" approvals = CASE $1::text WHEN 'approvals' THEN $2 ELSE approvals END," \
		" ways = CASE $1::text WHEN 'ways' THEN $2 ELSE ways END" \
		" WHERE council_id = " COUNCIL) \
	X(ORG_SET_CADENCE, "UPDATE organisation SET cadence_unit = $1, cadence_n = $2" \
		" WHERE council_id = " COUNCIL) \
	X(ORG_SET_ESCALATE, "UPDATE organisation SET escalate_after = $1 WHERE council_id = " COUNCIL) \
	X(ORG_SET_SETUP, "UPDATE organisation SET setup_step = $1 WHERE council_id = " COUNCIL) \
	X(ORG_VERSION_ADD, "INSERT INTO org_text_versions(field, body, changed_at, changed_by)" \
		" VALUES ($1, $2, $3, $4)") \
	X(ORG_VERSION_LAST, "SELECT DISTINCT ON (field) field, " PG_ISO("changed_at") ", changed_by" \
		" FROM org_text_versions WHERE council_id = " COUNCIL " ORDER BY field, id DESC") \
	X(ORG_HISTORY, "SELECT body, " PG_ISO("changed_at") ", changed_by FROM org_text_versions" \
		" WHERE council_id = " COUNCIL " AND field = $1 ORDER BY id DESC") \
	/* --- departments ------------------------------------------------------- */ \
	X(DEPT_ADD, "INSERT INTO departments(name, name_key, facing, created_at)" \
		" VALUES ($1, $2, $3, $4) RETURNING id") \
	X(DEPT_BY_KEY, PG_DEPT_SELECT " WHERE council_id = " COUNCIL " AND name_key = $1") \
	X(DEPT_BY_ID, PG_DEPT_SELECT " WHERE council_id = " COUNCIL " AND id = $1") \
	X(DEPT_LIST, PG_DEPT_SELECT " WHERE council_id = " COUNCIL \
		" AND ($1::boolean OR archived_at IS NULL) ORDER BY name_key COLLATE \"C\"") \
	X(DEPT_NAMES, "SELECT name FROM departments WHERE council_id = " COUNCIL) \
	X(DEPT_RENAME, "UPDATE departments SET name = $1, name_key = $2" \
		" WHERE council_id = " COUNCIL " AND id = $3") \
	X(DEPT_SET_FACING, "UPDATE departments SET facing = $1 WHERE council_id = " COUNCIL \
		" AND id = $2") \
	X(DEPT_ARCHIVE, "UPDATE departments SET archived_at = CASE WHEN $1::boolean THEN" \
		" coalesce(archived_at, $2) ELSE NULL END WHERE council_id = " COUNCIL " AND id = $3") \
	/* --- people ------------------------------------------------------------ */ \
	X(PERSON_ADD, "INSERT INTO people(name, name_key, department_id, role, email, influence," \
		" support, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id") \
	X(PERSON_BY_KEY, PG_PERSON_SELECT " WHERE p.council_id = " COUNCIL " AND p.name_key = $1") \
	X(PERSON_BY_ID, PG_PERSON_SELECT " WHERE p.council_id = " COUNCIL " AND p.id = $1") \
	X(PERSON_LIST, PG_PERSON_SELECT " WHERE p.council_id = " COUNCIL \
		" AND ($1::boolean OR p.archived_at IS NULL)" \
		" AND ($2::bigint = 0 OR p.department_id = $2)" \
		" ORDER BY d.name_key COLLATE \"C\" NULLS FIRST, p.name_key COLLATE \"C\"") \
	X(PERSON_NAMES, "SELECT name FROM people WHERE council_id = " COUNCIL) \
	X(PERSON_UPDATE, "UPDATE people SET name = $1, name_key = $2, department_id = $3," \
		" role = $4, email = $5, influence = $6, support = $7" \
		" WHERE council_id = " COUNCIL " AND id = $8") \
	X(PERSON_ARCHIVE, "UPDATE people SET archived_at = CASE WHEN $1::boolean THEN" \
		" coalesce(archived_at, $2) ELSE NULL END WHERE council_id = " COUNCIL " AND id = $3") \
	X(PERSON_SET_STANCE, "UPDATE people SET influence = $1, support = $2" \
		" WHERE council_id = " COUNCIL " AND id = $3") \
	/* --- agenda templates -------------------------------------------------- */ \
	X(TEMPLATE_ADD, "INSERT INTO agenda_templates(name, name_key, is_default, created_at)" \
		" VALUES ($1, $2, false, $3) RETURNING id") \
	X(TEMPLATE_CLEAR_DEFAULT, "UPDATE agenda_templates SET is_default = false" \
		" WHERE council_id = " COUNCIL " AND is_default") \
	X(TEMPLATE_SET_DEFAULT, "UPDATE agenda_templates SET is_default = true" \
		" WHERE council_id = " COUNCIL " AND id = $1") \
	X(TEMPLATE_STEP_ADD, "INSERT INTO agenda_template_steps(template_id, position, title, kind," \
		" minutes, prompt) VALUES ($1, $2, $3, $4, $5, $6)") \
	X(TEMPLATE_BY_KEY, "SELECT id FROM agenda_templates WHERE council_id = " COUNCIL \
		" AND name_key = $1") \
	X(TEMPLATE_DEFAULT, "SELECT id FROM agenda_templates WHERE council_id = " COUNCIL \
		" AND is_default") \
	X(TEMPLATE_NAME, "SELECT name FROM agenda_templates WHERE council_id = " COUNCIL \
		" AND id = $1") \
	X(TEMPLATE_STEPS, "SELECT title, kind, minutes, prompt FROM agenda_template_steps" \
		" WHERE council_id = " COUNCIL " AND template_id = $1 ORDER BY position") \
	X(TEMPLATE_LIST, "SELECT t.id, t.name, t.is_default, count(s.id)," \
		" coalesce(sum(s.minutes), 0) FROM agenda_templates t" \
		" LEFT JOIN agenda_template_steps s ON s.template_id = t.id" \
		" WHERE t.council_id = " COUNCIL " AND t.archived_at IS NULL" \
		" GROUP BY t.id ORDER BY t.name_key COLLATE \"C\"") \
	X(TEMPLATE_STEPS_CLEAR, "DELETE FROM agenda_template_steps WHERE council_id = " COUNCIL \
		" AND template_id = $1") \
	X(TEMPLATE_STATE, "SELECT is_default, archived_at IS NOT NULL FROM agenda_templates" \
		" WHERE council_id = " COUNCIL " AND id = $1") \
	X(TEMPLATE_RENAME, "UPDATE agenda_templates SET name = $1, name_key = $2" \
		" WHERE council_id = " COUNCIL " AND id = $3 AND archived_at IS NULL") \
	X(TEMPLATE_ARCHIVE, "UPDATE agenda_templates SET archived_at = $1," \
		" name_key = chr(31) || id || ' ' || name_key" \
		" WHERE council_id = " COUNCIL " AND id = $2 AND archived_at IS NULL" \
		" AND NOT is_default")

#endif
