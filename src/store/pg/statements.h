/* statements.h - every statement the PostgreSQL store runs, as one list
 * (PG_STATEMENTS): an enum entry each (pg_int.h), prepared by name on first
 * use in a session. User data only reaches SQL through the $N parameters.
 *
 * Every statement names the session's council (COUNCIL): row-level
 * security lets a role see every council it is a member of, and a session
 * works on one. */
#ifndef CXMEET_PG_STATEMENTS_H
#define CXMEET_PG_STATEMENTS_H

/* The session's council, chosen at open (open.c): read once a statement
 * (an InitPlan), not once a row where it is a filter. */
#define COUNCIL "(SELECT current_setting('cxmeet.council')::bigint)"
/* A timestamptz as seconds since the epoch (pgc_time reads it): date_part's
 * double, not extract's numeric, whose arithmetic cost a row of a long list
 * more than the rest of its columns. Times are whole seconds. */
#define PG_EPOCH(c) "date_part('epoch', " c ")::bigint"
/* A timestamptz as the SQLite file keeps it: 2026-03-02T09:00:00Z. */
#define PG_ISO(c) "to_char(" c " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

#define PG_DEPT_SELECT "SELECT id, name, facing, archived_at IS NOT NULL FROM departments"
#define PG_PERSON_SELECT \
	"SELECT p.id, p.name, p.department_id, d.name, p.role, p.email, p.influence, p.support," \
	" p.archived_at IS NOT NULL FROM people p LEFT JOIN departments d ON d.id = p.department_id"

#define PG_MEETING_SELECT \
	"SELECT id, template_id, status, " PG_EPOCH("started_at") ", " PG_EPOCH("ended_at") "," \
	" facilitator_id, rating, next_meeting_on, current_step FROM meetings"
/* An item's own row, its department's and person's names, and the counts
 * of its events: slips (due date moved later), carried (meetings it reached
 * unfinished: its 'carried' events, and for an open action the meetings of its
 * council started since it became open, counted from items.carry_from as the
 * file counts them: the last meeting's number looked up for open actions
 * alone). Columns 0-21, as the SQLite store's ITEM_COLUMNS. */
#define PG_ITEM_COLUMNS \
	"i.id, i.kind, i.text, i.detail, i.rationale, i.department_id, i.person_id," \
	" i.due_on, i.revisit_on, i.superseded_by, i.rank, i.status, i.consent, i.meeting_id," \
	" i.step_id, " PG_EPOCH("i.created_at") ", " PG_EPOCH("i.closed_at") ", " \
	PG_EPOCH("i.deleted_at") ", d.name, p.name," \
	" (SELECT count(*) FROM item_events e WHERE e.item_id = i.id AND e.event = 'due_moved'" \
	"   AND e.new_value > e.old_value)," \
	" (SELECT count(*) FROM item_events e WHERE e.item_id = i.id AND e.event = 'carried')" \
	" + CASE WHEN i.carry_from IS NOT NULL THEN coalesce(" PG_LAST_SEQ " - i.carry_from, 0)" \
	" ELSE 0 END"
/* The number of the council's last meeting: read once per statement (the
 * forms read across councils, scope.c, read it per row's council,
 * PG_LAST_SEQ_OF_ROW). */
#define PG_LAST_SEQ "(SELECT max(m.seq) FROM meetings m WHERE m.council_id = " COUNCIL ")"
#define PG_LAST_SEQ_OF_ROW "(SELECT max(m.seq) FROM meetings m WHERE m.council_id = i.council_id)"
#define PG_ITEM_SELECT \
	"SELECT " PG_ITEM_COLUMNS " FROM items i" \
	" LEFT JOIN departments d ON d.id = i.department_id" \
	" LEFT JOIN people p ON p.id = i.person_id"

/* An initiative with its department's and owner's names, its milestones
 * counted (all, reached), and its last review (when, its note). */
#define PG_INITIATIVE_SELECT \
	"SELECT n.id, n.title, n.department_id, d.name, n.person_id, p.name, n.due_on, n.track," \
	" " PG_EPOCH("n.created_at") ", (SELECT count(*) FROM initiative_milestones m" \
	"   WHERE m.initiative_id = n.id), (SELECT count(*) FROM initiative_milestones m" \
	"   WHERE m.initiative_id = n.id AND m.done_on IS NOT NULL), " PG_EPOCH("r.reviewed_at") "," \
	" r.note FROM initiatives n" \
	" LEFT JOIN departments d ON d.id = n.department_id" \
	" LEFT JOIN people p ON p.id = n.person_id" \
	" LEFT JOIN LATERAL (SELECT x.reviewed_at, x.note FROM initiative_reviews x" \
	"   WHERE x.initiative_id = n.id ORDER BY x.id DESC LIMIT 1) r ON true"

/* Open actions not captured in meeting $1. Keyset pages (page.c): after
 * the filter's parameters, the key (parts with one), the id, the limit. */
#define PG_OPEN_ACTIONS \
	PG_ITEM_SELECT " WHERE i.council_id = " COUNCIL " AND i.kind = 'action'" \
	" AND i.status = 'open' AND i.deleted_at IS NULL AND i.meeting_id IS DISTINCT FROM $1"
#define PG_OPEN_PARKED_WHERE \
	" WHERE i.council_id = " COUNCIL " AND i.kind = 'parked' AND i.status = 'open'" \
	" AND i.deleted_at IS NULL"

/* The action list (actions.c): the item's columns and its meeting's start
 * (22); the filter is $1 status (NULL: any), $2 due from, $3 due before
 * (NULL: no bound), $4 department, $5 owner (0: any), $6 today (typed in
 * every part, used by those that compare with it); then a part's key. */
#define PG_ACTION_FROM \
	"SELECT " PG_ITEM_COLUMNS ", " PG_MEETING_START " FROM items i" \
	" LEFT JOIN departments d ON d.id = i.department_id" \
	" LEFT JOIN people p ON p.id = i.person_id"
/* The start of item i's meeting, read for the rows a page gives alone: a
 * join of the meetings, hashed once there are thousands, lost the index's
 * order, and a page then sorted every later row. */
#define PG_MEETING_START \
	"(SELECT " PG_EPOCH("m.started_at") " FROM meetings m WHERE m.id = i.meeting_id)"
#define PG_ACTION_WHERE \
	" WHERE i.council_id = " COUNCIL " AND i.kind = 'action' AND i.deleted_at IS NULL" \
	" AND ($1::text IS NULL OR i.status = $1) AND ($2::date IS NULL OR i.due_on >= $2)" \
	" AND ($3::date IS NULL OR i.due_on < $3) AND ($4::bigint = 0 OR i.department_id = $4)" \
	" AND ($5::bigint = 0 OR i.person_id = $5) AND ($6::date IS NULL OR true)"
#define PG_ACTION_KEYED(part, cmp, dir) \
	PG_ACTION_FROM PG_ACTION_WHERE " AND " part " AND ($7::date IS NULL" \
	" OR (i.due_on, i.id) " cmp " ($7::date, $8::bigint))" \
	" ORDER BY i.due_on" dir ", i.id" dir " LIMIT $9"
/* (A part with no due date, by id: ordered by the due date first, all of
 * them NULL, so that the planner sees the order of the index by due date
 * and id, not the primary key's filtered row by row.) */
#define PG_ACTION_BY_ID(part, cmp, dir) \
	PG_ACTION_FROM PG_ACTION_WHERE " AND " part " AND i.id " cmp " $7" \
	" ORDER BY i.due_on" dir ", i.id" dir " LIMIT $8"
#define PG_ACTION_LATE "i.status = 'open' AND i.due_on < $6"
#define PG_ACTION_NODUE "i.status <> 'open' AND i.due_on IS NULL"
/* (open and due from today on, or closed with a due date: written without
 * an OR of the two, which the planner read as two index scans and a sort
 * of every later row, not one scan in due date order) */
#define PG_ACTION_REST "i.due_on IS NOT NULL AND (i.status <> 'open' OR i.due_on >= $6)"
#define PG_ACTION_UNDATED "i.status = 'open' AND i.due_on IS NULL"

/* Search (search.c): $1 a tsquery's text built from the user's words (each
 * word quoted, search.c), $2 a department (0: any), $3 a kind (NULL: any),
 * $4 the oldest item id of the window searched (0: all); newest (highest
 * id) first. A hit: the item's own columns, no counts of its events (0),
 * its meeting's start (22) and its text with the matches marked (23). */
#define PG_SEARCH_QUERY "to_tsquery('cx_search', $1)"
#define PG_SEARCH_WHERE \
	" WHERE i.council_id = " COUNCIL " AND i.search @@ " PG_SEARCH_QUERY \
	" AND i.deleted_at IS NULL AND ($2::bigint = 0 OR i.department_id = $2)" \
	" AND ($3::text IS NULL OR i.kind = $3) AND i.id >= $4"
#define PG_SEARCH_FROM \
	" FROM items i LEFT JOIN departments d ON d.id = i.department_id" \
	" LEFT JOIN people p ON p.id = i.person_id" PG_SEARCH_WHERE
#define PG_ITEM_OWN_COLUMNS \
	"i.id, i.kind, i.text, i.detail, i.rationale, i.department_id, i.person_id," \
	" i.due_on, i.revisit_on, i.superseded_by, i.rank, i.status, i.consent, i.meeting_id," \
	" i.step_id, " PG_EPOCH("i.created_at") ", " PG_EPOCH("i.closed_at") ", " \
	PG_EPOCH("i.deleted_at") ", d.name, p.name, 0, 0, " PG_MEETING_START
#define PG_SEARCH_MARKED \
	"ts_headline('cx_search', i.text, " PG_SEARCH_QUERY "," \
	" 'HighlightAll=true, StartSel=\x01, StopSel=\x02')"
/* History (history.c): $1 since (NULL: all), $2 a department that attended
 * (0: any); newest first, keyed by the start (epoch, column 1) and id. */
#define PG_HISTORY_SELECT \
	"SELECT m.id, " PG_EPOCH("m.started_at") ", " PG_EPOCH("m.ended_at") ", m.status," \
	" m.rating, (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.present)," \
	" 0, (SELECT string_agg(x.name, chr(31) ORDER BY x.name_key COLLATE \"C\")" \
	"   FROM (SELECT DISTINCT d.name, d.name_key FROM attendance a" \
	"   JOIN departments d ON d.id = a.department_id" \
	"   WHERE a.meeting_id = m.id AND a.present) x)," \
	PG_HISTORY_KIND_COUNT("decision") "," PG_HISTORY_KIND_COUNT("action") "," \
	PG_HISTORY_KIND_COUNT("win") " FROM meetings m"
#define PG_HISTORY_KIND_COUNT(kind) \
	" (SELECT count(*) FROM items i WHERE i.meeting_id = m.id AND i.kind = '" kind "'" \
	"   AND i.deleted_at IS NULL)"
#define PG_HISTORY_WHERE \
	" WHERE m.council_id = " COUNCIL " AND ($1::timestamptz IS NULL OR m.started_at >= $1)" \
	" AND ($2::bigint = 0 OR EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id" \
	"   AND a.department_id = $2 AND a.present))"

/* The last $1 completed meetings (the cadence's window). */
#define PG_WINDOW_MEETINGS \
	"SELECT id FROM meetings WHERE council_id = " COUNCIL " AND status = 'completed'" \
	" ORDER BY started_at DESC, id DESC LIMIT $1"
/* The decision log (decisions.c): $1 today, $2 a department (NULL: all),
 * $3 superseded ones too, $4 a tsquery's text (NULL: no words), $5 the
 * window's floor (with words; 0: all); then a part's key. A row: columns
 * as the SQLite store's DECISION_SELECT, revisit_on (10) the due part's key. */
#define PG_DEC_SELECT \
	"SELECT i.id, " PG_EPOCH("i.created_at") ", i.meeting_id, " PG_MEETING_START "," \
	" i.department_id, d.name, i.person_id, p.name, i.text, i.rationale, i.revisit_on," \
	" i.superseded_by, CASE WHEN i.superseded_by IS NOT NULL THEN" \
	" (SELECT s.text FROM items s WHERE s.id = i.superseded_by) END," \
	" (SELECT count(*) FROM item_links l JOIN items o ON o.id = l.to_item" \
	"   WHERE l.from_item = i.id AND o.deleted_at IS NULL)" \
	" + (SELECT count(*) FROM item_links l JOIN items o ON o.id = l.from_item" \
	"   WHERE l.to_item = i.id AND o.deleted_at IS NULL)" \
	" FROM items i LEFT JOIN departments d ON d.id = i.department_id" \
	" LEFT JOIN people p ON p.id = i.person_id"
#define PG_DEC_IS_DUE "coalesce(i.revisit_on <= $1 AND i.superseded_by IS NULL, false)"
#define PG_DEC_FILTER \
	" WHERE i.council_id = " COUNCIL " AND i.kind = 'decision' AND i.deleted_at IS NULL" \
	" AND ($2::bigint IS NULL OR i.department_id = $2) AND ($4::text IS NULL" \
	" OR (i.id >= $5 AND i.search @@ to_tsquery('cx_search', $4)))"
/* the due ones: revisit_on <= $1 again on its own, which bounds the scan of
 * their index (the coalesce is not read as a bound) */
#define PG_DEC_DUE \
	PG_DEC_FILTER " AND " PG_DEC_IS_DUE " AND i.revisit_on <= $1 AND ($3::boolean OR true)"
#define PG_DEC_REST \
	PG_DEC_FILTER " AND NOT " PG_DEC_IS_DUE " AND ($3::boolean OR i.superseded_by IS NULL)"

#define PG_MESSAGE_SELECT \
	"SELECT r.id, r.item_id, i.text, i.person_id, p.name, " PG_EPOCH("i.created_at") "," \
	" i.meeting_id, " PG_EPOCH("m.started_at") ", r.department_id, d.name, " \
	PG_EPOCH("r.acked_at") ", r.acked_by, r.ack_meeting_id FROM message_recipients r" \
	" JOIN items i ON i.id = r.item_id LEFT JOIN people p ON p.id = i.person_id" \
	" LEFT JOIN meetings m ON m.id = i.meeting_id" \
	" LEFT JOIN departments d ON d.id = r.department_id" \
	" WHERE r.council_id = " COUNCIL " AND i.deleted_at IS NULL" \
	" AND ($1::bigint = 0 OR r.department_id = $1) AND ($2::bigint = 0 OR r.item_id = $2)" \
	" AND (NOT $3::boolean OR r.acked_at IS NULL)"

#define PG_STATEMENTS(X) \
	X(SCHEMA_VERSION, "SELECT max(version) FROM cxmeet_schema") \
	/* --- councils (council.c): the councils themselves, so these name no \
	 * session council; the session's may be unset (council list with none \
	 * picked), hence current_setting's missing_ok. ---------------------------- */ \
	X(COUNCIL_LIST, "SELECT id, name, archived_at IS NOT NULL, id = ANY" \
		" (cx_councils_of(current_user)), id::text IS NOT DISTINCT FROM" \
		" current_setting('cxmeet.council', true) FROM councils" \
		" ORDER BY lower(name) COLLATE \"C\", id") \
	X(COUNCIL_CURRENT, "SELECT id, name, archived_at IS NOT NULL, id = ANY" \
		" (cx_councils_of(current_user)), true FROM councils" \
		" WHERE id::text = current_setting('cxmeet.council', true)") \
	/* Whether the role owns the councils (the database's owner, who set it \
	 * up), and who that is. */ \
	X(COUNCIL_OWNER, "SELECT pg_has_role(current_user, c.relowner, 'USAGE')," \
		" pg_get_userbyid(c.relowner) FROM pg_class c" \
		" WHERE c.oid = 'public.councils'::regclass") \
	X(COUNCIL_FIND, "SELECT id, name, archived_at IS NOT NULL FROM councils" \
		" WHERE lower(name) = lower($1)") \
	X(COUNCIL_ADD, "INSERT INTO councils(name) VALUES ($1) RETURNING id") \
	X(COUNCIL_RENAME, "UPDATE councils SET name = $2 WHERE id = $1") \
	X(COUNCIL_ARCHIVE, "UPDATE councils SET archived_at = now() WHERE id = $1" \
		" AND archived_at IS NULL") \
	X(ROLE_EXISTS, "SELECT rolname FROM pg_roles WHERE rolname = $1") \
	/* The owner joins each council it adds, to set it up. */ \
	X(MEMBER_ADD, "INSERT INTO council_members(council_id, role_name)" \
		" VALUES ($1, coalesce($2, current_user)) ON CONFLICT DO NOTHING") \
	X(MEMBER_DROP, "DELETE FROM council_members WHERE council_id = $1 AND role_name = $2") \
	X(MEMBER_COUNCILS, "SELECT count(*) FROM council_members WHERE role_name = $1") \
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
		" AND NOT is_default") \
	/* --- items ------------------------------------------------------------- */ \
	/* The item and its 'created' event (by $15), in one statement. */ \
	X(ITEM_ADD, "WITH i AS (INSERT INTO items(kind, text, detail, rationale, department_id," \
		" person_id, due_on, revisit_on, rank, status, consent, meeting_id, step_id," \
		" created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11," \
		" $12, $13, $14, $14) RETURNING id, meeting_id)" \
		" INSERT INTO item_events(item_id, event, at, meeting_id, by)" \
		" SELECT id, 'created', $14, meeting_id, $15 FROM i RETURNING item_id") \
	X(ITEM_GET, PG_ITEM_SELECT " WHERE i.council_id = " COUNCIL " AND i.id = $1") \
	X(ITEM_UPDATE, "UPDATE items SET text = $1, detail = $2, rationale = $3," \
		" department_id = $4, person_id = $5, due_on = $6, revisit_on = $7, rank = $8," \
		" consent = $9, updated_at = $10 WHERE council_id = " COUNCIL " AND id = $11" \
		" AND deleted_at IS NULL") \
	X(ITEM_SET_STATUS, "UPDATE items SET status = $1, updated_at = $2," \
		" closed_at = CASE WHEN $1 = 'open' THEN NULL ELSE $2::timestamptz END" \
		" WHERE council_id = " COUNCIL " AND id = $3 AND deleted_at IS NULL") \
	X(ITEM_SUPERSEDE, "UPDATE items SET superseded_by = $1, updated_at = $2" \
		" WHERE council_id = " COUNCIL " AND id = $3 AND deleted_at IS NULL") \
	X(ITEM_DELETE, "UPDATE items SET deleted_at = $1, updated_at = $1" \
		" WHERE council_id = " COUNCIL " AND id = $2 AND deleted_at IS NULL") \
	X(ITEM_SET_DUE, "UPDATE items SET due_on = $1, updated_at = $2 WHERE council_id = " COUNCIL \
		" AND id = $3") \
	X(HOLDS_OTHERS, "SELECT count(*) FROM meeting_holds WHERE council_id = " COUNCIL \
		" AND token <> $1") \
	X(ITEM_REVISIONS, "SELECT i.id, (SELECT count(*) FROM item_events e WHERE e.item_id = i.id" \
		" AND e.event = 'due_moved'), " PG_EPOCH("i.updated_at") " FROM items i" \
		" WHERE i.council_id = " COUNCIL " AND i.id = ANY ($1::bigint[])") \
	X(ITEM_COUNT, "SELECT count(*) FROM items WHERE council_id = " COUNCIL \
		" AND deleted_at IS NULL AND ($1::text IS NULL OR kind = $1)") \
	X(ACTION_COUNTS, "SELECT count(*), count(*) FILTER (WHERE due_on < $1) FROM items" \
		" WHERE council_id = " COUNCIL " AND kind = 'action' AND status = 'open'" \
		" AND deleted_at IS NULL AND meeting_id IS DISTINCT FROM $2") \
	/* Between meetings (between.c), as the file's: $1 the meeting (NULL: the \
	 * next one, after the last), $2 rows. */ \
	X(WAITING_ITEMS, "WITH w(since, until) AS (SELECT coalesce((SELECT b.started_at" \
		"   FROM meetings m JOIN meetings b ON b.council_id = m.council_id" \
		"   AND b.seq = m.seq - 1 WHERE m.id = $1), (SELECT l.started_at FROM meetings l" \
		"   WHERE $1::bigint IS NULL AND l.council_id = " COUNCIL " ORDER BY l.seq DESC" \
		"   LIMIT 1), '-infinity'), coalesce((SELECT m.ended_at FROM meetings m" \
		"   WHERE m.id = $1), 'infinity'))" \
		" SELECT " PG_ITEM_COLUMNS "," \
		" (SELECT e.by FROM item_events e WHERE e.item_id = i.id AND e.event = 'created'" \
		"   ORDER BY e.id LIMIT 1), coalesce(i.discussed_in = $1, false)," \
		" CASE WHEN isfinite(w.since) THEN " PG_EPOCH("w.since") " END FROM items i" \
		" LEFT JOIN departments d ON d.id = i.department_id" \
		" LEFT JOIN people p ON p.id = i.person_id CROSS JOIN w" \
		" WHERE i.council_id = " COUNCIL " AND i.meeting_id IS NULL AND i.deleted_at IS NULL" \
		" AND (i.discussed_in = $1 OR (i.kind = 'topic' AND i.status = 'open'" \
		"  AND i.created_at <= w.until)" \
		"  OR (i.discussed_in IS NULL AND i.created_at >= w.since AND i.created_at <= w.until))" \
		" ORDER BY i.created_at, i.id LIMIT $2") \
	X(ITEM_SET_DISCUSSED, "UPDATE items SET discussed_in = $1, updated_at = $2" \
		" WHERE council_id = " COUNCIL " AND id = $3 AND meeting_id IS NULL" \
		" AND deleted_at IS NULL") \
	/* Messages (messages.c), as the file's: $1 a department (0: any), $2 a \
	 * message (0: any), $3 only those not acknowledged, $4 the row's id, $5 rows. */ \
	/* Profiles, the map's history, measures, the focus (leaders.c). */ \
	X(PROFILE_GET, "SELECT values_text, kpi_text, change_stage, next_step, " \
		PG_EPOCH("updated_at") " FROM person_profiles WHERE council_id = " COUNCIL \
		" AND person_id = $1") \
	X(PROFILE_SET, "INSERT INTO person_profiles(person_id, values_text, kpi_text," \
		" change_stage, next_step, updated_at) VALUES ($1, $2, $3, $4, $5, $6)" \
		" ON CONFLICT (person_id) DO UPDATE SET values_text = excluded.values_text," \
		" kpi_text = excluded.kpi_text, change_stage = excluded.change_stage," \
		" next_step = excluded.next_step, updated_at = excluded.updated_at") \
	X(STANCE_ADD, "INSERT INTO stance_history(person_id, influence, support, changed_at," \
		" changed_by) VALUES ($1, $2, $3, $4, $5)") \
	X(STANCE_LIST, "SELECT influence, support, " PG_EPOCH("changed_at") ", changed_by" \
		" FROM stance_history WHERE council_id = " COUNCIL " AND person_id = $1" \
		" ORDER BY changed_at DESC, id DESC LIMIT $2") \
	X(MEASURE_ADD, "INSERT INTO measures(name, name_key, kind, department_id, person_id," \
		" unit, direction, target, created_at, frequency)" \
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id") \
	X(MEASURE_UPDATE, "UPDATE measures SET name = $2, name_key = $3, kind = $4," \
		" department_id = $5, person_id = $6, unit = $7, direction = $8, target = $9," \
		" frequency = $10 WHERE council_id = " COUNCIL " AND id = $1") \
	X(MEASURE_ARCHIVE, "UPDATE measures SET archived_at = $2 WHERE council_id = " COUNCIL \
		" AND id = $1") \
	X(MEASURE_VALUES, "SELECT period_on, value, " PG_EPOCH("entered_at") ", entered_by, corrected" \
		" FROM (SELECT period_on, value, entered_at, entered_by, id," \
		"   id <> max(id) OVER (PARTITION BY period_on) AS corrected," \
		"   dense_rank() OVER (ORDER BY period_on DESC) AS nth" \
		"   FROM measure_values WHERE council_id = " COUNCIL " AND measure_id = $1) v" \
		" WHERE ($2::bigint = 0 OR nth <= $2) ORDER BY period_on DESC, id DESC") \
	X(MEASURE_VALUES_LAST, "SELECT DISTINCT ON (period_on) period_on, value, " \
		PG_EPOCH("entered_at") ", entered_by, false FROM measure_values" \
		" WHERE council_id = " COUNCIL " AND measure_id = $1" \
		" ORDER BY period_on DESC, id DESC LIMIT CASE WHEN $2::bigint = 0 THEN NULL ELSE $2 END") \
	X(MEASURE_FIND, "SELECT id FROM measures WHERE council_id = " COUNCIL \
		" AND coalesce(department_id, 0) = $1 AND name_key = $2") \
	X(MEASURE_LIST, "SELECT m.id, m.name, m.kind, m.department_id, d.name, m.person_id," \
		" m.unit, m.direction = 'lower', m.target, m.archived_at IS NOT NULL," \
		" v.value, v.period_on, m.frequency, pe.name FROM measures m" \
		" LEFT JOIN departments d ON d.id = m.department_id" \
		" LEFT JOIN people pe ON pe.id = m.person_id" \
		" LEFT JOIN LATERAL (SELECT x.value, x.period_on FROM measure_values x" \
		"   WHERE x.measure_id = m.id ORDER BY x.period_on DESC, x.id DESC LIMIT 1) v ON true" \
		" WHERE m.council_id = " COUNCIL " AND ($1::text IS NULL OR m.kind = $1)" \
		" AND ($2::bigint = 0 OR m.department_id = $2) AND ($3::boolean OR m.archived_at IS NULL)" \
		" ORDER BY m.id") \
	X(MEASURE_VALUE_ADD, "INSERT INTO measure_values(measure_id, period_on, value, entered_at," \
		" entered_by) VALUES ($1, $2, $3, $4, $5)") \
	X(ITEM_SET_MEASURE, "UPDATE items SET measure_id = $2 WHERE council_id = " COUNCIL \
		" AND id = $1 AND deleted_at IS NULL") \
	X(MEASURE_VALUE_GET, "SELECT value FROM measure_values WHERE council_id = " COUNCIL \
		" AND measure_id = $1 AND period_on = $2 ORDER BY id DESC LIMIT 1") \
	X(ITEM_MEASURE, "SELECT m.id, m.name FROM items i JOIN measures m ON m.id = i.measure_id" \
		" WHERE i.council_id = " COUNCIL " AND i.id = $1") \
	X(INITIATIVE_ADD, "INSERT INTO initiatives(title, title_key, department_id, person_id," \
		" due_on, track, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id") \
	X(INITIATIVE_UPDATE, "UPDATE initiatives SET title = $2, title_key = $3," \
		" department_id = $4, person_id = $5, due_on = $6 WHERE council_id = " COUNCIL \
		" AND id = $1") \
	X(INITIATIVE_FIND, "SELECT id FROM initiatives WHERE council_id = " COUNCIL \
		" AND title_key = $1") \
	X(INITIATIVE_GET, PG_INITIATIVE_SELECT " WHERE n.council_id = " COUNCIL " AND n.id = $1") \
	X(INITIATIVE_LIST, PG_INITIATIVE_SELECT " WHERE n.council_id = " COUNCIL \
		" AND ($1::boolean OR n.track IN ('on','off')) AND ($2::date IS NULL OR n.due_on >= $2)" \
		" ORDER BY n.track IN ('done','dropped'), n.due_on, n.id") \
	X(INITIATIVE_TRACK, "UPDATE initiatives SET track = $2 WHERE council_id = " COUNCIL \
		" AND id = $1") \
	X(INITIATIVE_REVIEW_ADD, "INSERT INTO initiative_reviews(initiative_id, meeting_id, track," \
		" note, reviewed_at, reviewed_by) VALUES ($1, $2, $3, $4, $5, $6)") \
	X(INITIATIVE_REVIEWS, "SELECT r.initiative_id, n.title, r.meeting_id, r.track, r.note," \
		" " PG_EPOCH("r.reviewed_at") ", r.reviewed_by FROM initiative_reviews r" \
		" JOIN initiatives n ON n.id = r.initiative_id WHERE r.council_id = " COUNCIL \
		" AND r.initiative_id = $1 AND $2::bigint IS NOT NULL" \
		" ORDER BY r.id DESC LIMIT CASE WHEN $3::bigint = 0 THEN NULL ELSE $3 END") \
	X(INITIATIVE_REVIEWS_IN, "SELECT r.initiative_id, n.title, r.meeting_id, r.track, r.note," \
		" " PG_EPOCH("r.reviewed_at") ", r.reviewed_by FROM initiative_reviews r" \
		" JOIN initiatives n ON n.id = r.initiative_id WHERE r.council_id = " COUNCIL \
		" AND r.meeting_id = $2 AND $1::bigint IS NOT NULL" \
		" ORDER BY r.id DESC LIMIT CASE WHEN $3::bigint = 0 THEN NULL ELSE $3 END") \
	X(MILESTONE_ADD, "INSERT INTO initiative_milestones(initiative_id, title, due_on," \
		" created_at) VALUES ($1, $2, $3, $4) RETURNING id") \
	X(MILESTONE_REACH, "UPDATE initiative_milestones SET done_on = $2 WHERE council_id = " \
		COUNCIL " AND id = $1") \
	X(MILESTONES, "SELECT id, initiative_id, title, due_on, done_on FROM initiative_milestones" \
		" WHERE council_id = " COUNCIL " AND initiative_id = $1 ORDER BY id") \
	X(FOCUS_GET, "SELECT f.department_id, d.name, f.plan, f.next_step, f.since_on FROM focus f" \
		" JOIN departments d ON d.id = f.department_id WHERE f.council_id = " COUNCIL) \
	X(FOCUS_SET, "INSERT INTO focus(department_id, plan, next_step, since_on)" \
		" VALUES ($1, $2, $3, $4) ON CONFLICT (council_id) DO UPDATE SET" \
		" department_id = excluded.department_id, plan = excluded.plan," \
		" next_step = excluded.next_step, since_on = excluded.since_on") \
	X(FOCUS_CLEAR, "DELETE FROM focus WHERE council_id = " COUNCIL) \
	/* The buy-in ledger (ledger.c): $1 the first day counted. */ \
	X(LEDGER_MEETINGS, "SELECT date_part('year', started_at AT TIME ZONE 'UTC')::int, date_part('quarter', started_at AT TIME ZONE 'UTC')::int, 0, count(*), 0, 0 FROM meetings" \
		" WHERE council_id = " COUNCIL " AND status = 'completed' AND started_at >= $1::date" \
		" GROUP BY 1, 2") \
	X(LEDGER_ATTENDANCE, "SELECT date_part('year', m.started_at AT TIME ZONE 'UTC')::int, date_part('quarter', m.started_at AT TIME ZONE 'UTC')::int, a.department_id, count(DISTINCT m.id), 0, 0" \
		" FROM meetings m JOIN attendance a ON a.meeting_id = m.id" \
		" WHERE m.council_id = " COUNCIL " AND m.status = 'completed' AND a.present" \
		" AND a.department_id IS NOT NULL AND m.started_at >= $1::date GROUP BY 1, 2, 3") \
	X(LEDGER_ITEMS, "SELECT date_part('year', i.created_at AT TIME ZONE 'UTC')::int, date_part('quarter', i.created_at AT TIME ZONE 'UTC')::int, i.department_id, count(*) FILTER (WHERE i.kind = 'action')," \
		" count(*) FILTER (WHERE i.kind = 'action' AND i.status = 'done'" \
		"   AND (i.closed_at AT TIME ZONE 'UTC')::date <= i.due_on)," \
		" count(*) FILTER (WHERE i.kind = 'win') FROM items i" \
		" WHERE i.council_id = " COUNCIL " AND i.kind IN ('action', 'win')" \
		" AND i.deleted_at IS NULL AND i.department_id IS NOT NULL" \
		" AND i.created_at >= $1::date GROUP BY 1, 2, 3") \
	X(LEDGER_MESSAGES, "SELECT date_part('year', i.created_at AT TIME ZONE 'UTC')::int, date_part('quarter', i.created_at AT TIME ZONE 'UTC')::int, r.department_id, count(*), count(r.acked_at), 0" \
		" FROM message_recipients r JOIN items i ON i.id = r.item_id" \
		" WHERE r.council_id = " COUNCIL " AND i.deleted_at IS NULL" \
		" AND i.created_at >= $1::date GROUP BY 1, 2, 3") \
	X(LEDGER_MOVES, "SELECT date_part('year', h.changed_at AT TIME ZONE 'UTC')::int, date_part('quarter', h.changed_at AT TIME ZONE 'UTC')::int, p.department_id, count(*) FILTER (WHERE h.support = 'high')," \
		" count(*) FILTER (WHERE h.support = 'low'), 0 FROM stance_history h" \
		" JOIN people p ON p.id = h.person_id WHERE h.council_id = " COUNCIL \
		" AND p.department_id IS NOT NULL AND h.changed_at >= $1::date GROUP BY 1, 2, 3") \
	X(MESSAGES_F, PG_MESSAGE_SELECT " AND r.id < $4 ORDER BY r.id DESC LIMIT $5") \
	X(MESSAGES_B, PG_MESSAGE_SELECT " AND r.id > $4 ORDER BY r.id LIMIT $5") \
	X(MESSAGE_TO_ADD, "INSERT INTO message_recipients(item_id, department_id) VALUES ($1, $2)") \
	X(MESSAGE_TO_DROP, "DELETE FROM message_recipients WHERE council_id = " COUNCIL \
		" AND item_id = $1 AND department_id = $2 AND acked_at IS NULL") \
	X(MESSAGE_TO_ADD_NEW, "INSERT INTO message_recipients(item_id, department_id)" \
		" SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM message_recipients" \
		" WHERE council_id = " COUNCIL " AND item_id = $1 AND department_id = $2)") \
	X(MESSAGE_ACK, "UPDATE message_recipients SET acked_at = $3, acked_by = $4," \
		" ack_meeting_id = $5 WHERE council_id = " COUNCIL " AND item_id = $1" \
		" AND department_id = $2 AND acked_at IS NULL") \
	X(MESSAGE_ACKED, "SELECT acked_at IS NOT NULL FROM message_recipients" \
		" WHERE council_id = " COUNCIL " AND item_id = $1 AND department_id = $2") \
	X(MEETING_ITEMS, PG_ITEM_SELECT " WHERE i.council_id = " COUNCIL " AND i.meeting_id = $1" \
		" AND ($2::bigint = 0 OR i.step_id = $2) AND i.deleted_at IS NULL ORDER BY i.id") \
	X(ITEMS_AFTER, PG_ITEM_SELECT " WHERE i.council_id = " COUNCIL " AND i.id > $1" \
		" AND i.deleted_at IS NULL ORDER BY i.id LIMIT $2") \
	X(ID_BOUNDS, "SELECT (SELECT max(id) FROM items WHERE council_id = " COUNCIL ")," \
		" (SELECT max(id) FROM meetings WHERE council_id = " COUNCIL ")") \
	X(LINK_ADD, "INSERT INTO item_links(from_item, to_item, kind, created_at)" \
		" VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING") \
	X(LINK_LIST, "SELECT to_item, kind FROM item_links WHERE council_id = " COUNCIL \
		" AND from_item = $1 UNION ALL SELECT from_item, kind FROM item_links" \
		" WHERE council_id = " COUNCIL " AND to_item = $1") \
	X(EVENT_ADD, "INSERT INTO item_events(item_id, event, at, meeting_id, by, old_value," \
		" new_value, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)") \
	/* with the meetings an open action has been carried to since it became \
	 * open (not yet events), in the order they happened */ \
	X(EVENT_LIST, "SELECT id, item_id, event, " PG_EPOCH("at") ", meeting_id, by, old_value," \
		" new_value, reason, at AS t FROM item_events WHERE council_id = " COUNCIL \
		" AND item_id = $1 UNION ALL SELECT 0, i.id, 'carried', " PG_EPOCH("m.started_at") "," \
		" m.id, NULL, NULL, NULL, NULL, m.started_at FROM items i JOIN meetings m" \
		" ON m.council_id = i.council_id AND m.seq > i.carry_from" \
		" WHERE i.council_id = " COUNCIL " AND i.id = $1 ORDER BY 10, 1") \
	X(OPEN_NODUE_F, PG_OPEN_ACTIONS " AND i.due_on IS NULL AND i.id > $2" \
		" ORDER BY i.due_on, i.id LIMIT $3") \
	X(OPEN_NODUE_B, PG_OPEN_ACTIONS " AND i.due_on IS NULL AND i.id < $2" \
		" ORDER BY i.due_on DESC, i.id DESC LIMIT $3") \
	X(OPEN_DUE_F, PG_OPEN_ACTIONS " AND i.due_on IS NOT NULL AND ($2::date IS NULL" \
		" OR (i.due_on, i.id) > ($2::date, $3::bigint)) ORDER BY i.due_on, i.id LIMIT $4") \
	X(OPEN_DUE_B, PG_OPEN_ACTIONS " AND i.due_on IS NOT NULL AND ($2::date IS NULL" \
		" OR (i.due_on, i.id) < ($2::date, $3::bigint))" \
		" ORDER BY i.due_on DESC, i.id DESC LIMIT $4") \
	X(OPEN_PARKED, PG_ITEM_SELECT PG_OPEN_PARKED_WHERE \
		" ORDER BY i.rank = 0, i.rank, i.id LIMIT $1") \
	X(OPEN_PARKED_IDS, "SELECT i.id FROM items i" PG_OPEN_PARKED_WHERE \
		" ORDER BY i.rank = 0, i.rank, i.id LIMIT $1") \
	X(OPEN_PARKED_COUNT, "SELECT count(*) FROM items i" PG_OPEN_PARKED_WHERE) \
	X(ITEM_SET_RANK, "UPDATE items SET rank = $1 WHERE council_id = " COUNCIL " AND id = $2" \
		" AND deleted_at IS NULL") \
	/* --- the action list ---------------------------------------------------- */ \
	X(ACTION_LATE_F, PG_ACTION_KEYED(PG_ACTION_LATE, ">", "")) \
	X(ACTION_LATE_B, PG_ACTION_KEYED(PG_ACTION_LATE, "<", " DESC")) \
	X(ACTION_NODUE_F, PG_ACTION_BY_ID(PG_ACTION_NODUE, ">", "")) \
	X(ACTION_NODUE_B, PG_ACTION_BY_ID(PG_ACTION_NODUE, "<", " DESC")) \
	X(ACTION_REST_F, PG_ACTION_KEYED(PG_ACTION_REST, ">", "")) \
	X(ACTION_REST_B, PG_ACTION_KEYED(PG_ACTION_REST, "<", " DESC")) \
	X(ACTION_UNDATED_F, PG_ACTION_BY_ID(PG_ACTION_UNDATED, ">", "")) \
	X(ACTION_UNDATED_B, PG_ACTION_BY_ID(PG_ACTION_UNDATED, "<", " DESC")) \
	X(ACTION_COUNT, "SELECT count(*), count(*) FILTER (WHERE i.status = 'open'" \
		" AND i.due_on < $6) FROM items i" PG_ACTION_WHERE) \
	/* --- search and history ------------------------------------------------ */ \
	X(SEARCH_F, "SELECT " PG_ITEM_OWN_COLUMNS ", " PG_SEARCH_MARKED PG_SEARCH_FROM \
		" AND i.id < $5 ORDER BY i.id DESC LIMIT $6") \
	X(SEARCH_B, "SELECT " PG_ITEM_OWN_COLUMNS ", " PG_SEARCH_MARKED PG_SEARCH_FROM \
		" AND i.id > $5 ORDER BY i.id LIMIT $6") \
	X(SEARCH_PLAIN_F, "SELECT " PG_ITEM_OWN_COLUMNS ", ''" PG_SEARCH_FROM \
		" AND i.id < $5 ORDER BY i.id DESC LIMIT $6") \
	X(SEARCH_PLAIN_B, "SELECT " PG_ITEM_OWN_COLUMNS ", ''" PG_SEARCH_FROM \
		" AND i.id > $5 ORDER BY i.id LIMIT $6") \
	/* A whole search, listed (search.c's stream): only the columns a list of \
	 * matches shows (store.h, store_search_stream_begin; read by \
	 * read_list_hit). Each column more is another value written out and read \
	 * per match. Read whole, its meetings joined once (not looked up per \
	 * match). */ \
	X(SEARCH_LIST, "SELECT i.id, i.kind, i.text, i.department_id, i.person_id, i.meeting_id, " \
		PG_EPOCH("i.created_at") ", d.name, p.name, " PG_EPOCH("m.started_at") \
		" FROM items i LEFT JOIN departments d ON d.id = i.department_id" \
		" LEFT JOIN people p ON p.id = i.person_id LEFT JOIN meetings m ON m.id = i.meeting_id" \
		PG_SEARCH_WHERE " AND i.id < $5 ORDER BY i.id DESC LIMIT $6") \
	X(SEARCH_COUNT, "SELECT count(*) FROM items i" PG_SEARCH_WHERE) \
	X(SEARCH_NEWEST, "SELECT i.id FROM items i" PG_SEARCH_WHERE " ORDER BY i.id DESC LIMIT $5") \
	X(ITEM_SEARCH, PG_ITEM_SELECT " WHERE i.council_id = " COUNCIL \
		" AND i.search @@ to_tsquery('cx_search', $1) AND i.deleted_at IS NULL" \
		" ORDER BY i.created_at DESC, i.id DESC LIMIT $2") \
	X(HISTORY_F, PG_HISTORY_SELECT PG_HISTORY_WHERE " AND ($3::bigint IS NULL" \
		" OR (m.started_at, m.id) < (to_timestamp($3::bigint), $4::bigint))" \
		" ORDER BY m.started_at DESC, m.id DESC LIMIT $5") \
	X(HISTORY_B, PG_HISTORY_SELECT PG_HISTORY_WHERE " AND ($3::bigint IS NULL" \
		" OR (m.started_at, m.id) > (to_timestamp($3::bigint), $4::bigint))" \
		" ORDER BY m.started_at, m.id LIMIT $5") \
	X(HISTORY_COUNT, "SELECT count(*) FROM meetings m" PG_HISTORY_WHERE) \
	/* --- reports ------------------------------------------------------------ */ \
	X(MEETINGS_AFTER, PG_MEETING_SELECT " WHERE council_id = " COUNCIL " AND id > $1" \
		" ORDER BY id LIMIT $2") \
	X(MEETING_ATTENDEES, "SELECT a.person_id, p.name, p.role, a.department_id, d.name," \
		" d.facing = 'behind' FROM attendance a JOIN people p ON p.id = a.person_id" \
		" LEFT JOIN departments d ON d.id = a.department_id" \
		" WHERE a.council_id = " COUNCIL " AND a.meeting_id = $1 AND a.present" \
		" ORDER BY d.name_key IS NULL, d.name_key COLLATE \"C\", p.name_key COLLATE \"C\"") \
	X(MEETING_REVIEW_EVENTS, "SELECT e.id, e.item_id, e.event, " PG_EPOCH("e.at") "," \
		" e.meeting_id, e.by, e.old_value, e.new_value, e.reason, i.kind, i.text" \
		" FROM item_events e JOIN items i ON i.id = e.item_id" \
		" WHERE e.council_id = " COUNCIL " AND e.meeting_id = $1" \
		" AND e.event NOT IN ('carried', 'created') AND i.deleted_at IS NULL" \
		" AND coalesce(i.meeting_id, 0) <> $1 ORDER BY e.id") \
	/* with the members' ratings: how many, their sum, lowest and highest */ \
	X(HELD_MEETINGS, "SELECT m.id, " PG_EPOCH("m.started_at") ", m.rating, m.next_meeting_on," \
		" r.n, r.total, r.lo, r.hi FROM meetings m LEFT JOIN (SELECT mr.meeting_id," \
		" count(*) AS n, sum(mr.rating) AS total, min(mr.rating) AS lo, max(mr.rating) AS hi" \
		" FROM meeting_ratings mr JOIN attendance a ON a.meeting_id = mr.meeting_id" \
		" AND a.person_id = mr.person_id AND a.present" \
		" WHERE mr.council_id = " COUNCIL " GROUP BY mr.meeting_id) r" \
		" ON r.meeting_id = m.id WHERE m.council_id = " COUNCIL " AND m.status = 'completed'" \
		" ORDER BY m.started_at, m.id") \
	X(WINDOW_ATTENDANCE, "SELECT DISTINCT meeting_id, department_id FROM attendance" \
		" WHERE meeting_id IN (" PG_WINDOW_MEETINGS ") AND present" \
		" AND department_id IS NOT NULL ORDER BY 1, 2") \
	X(WINDOW_ITEMS, "SELECT meeting_id, department_id, kind, due_on, status, " \
		PG_EPOCH("closed_at") " FROM items WHERE meeting_id IN (" PG_WINDOW_MEETINGS ")" \
		" AND kind IN ('action', 'win') AND deleted_at IS NULL ORDER BY meeting_id, step_id, id") \
	X(WINDOW_STEPS, "SELECT meeting_id, title, planned_minutes, actual_seconds, skipped, done" \
		" FROM meeting_steps WHERE meeting_id IN (" PG_WINDOW_MEETINGS ")" \
		" ORDER BY meeting_id, position") \
	X(ITEMS_SINCE, PG_ITEM_SELECT " WHERE i.council_id = " COUNCIL " AND i.kind = $1" \
		" AND i.created_at >= $2::date AND i.deleted_at IS NULL" \
		" ORDER BY i.created_at DESC, i.id DESC LIMIT $3") \
	X(CREDITS_SINCE, "SELECT coalesce(department_id, 0), coalesce(person_id, 0), count(*)" \
		" FROM items WHERE council_id = " COUNCIL " AND kind = $1" \
		" AND created_at >= $2::date AND deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2") \
	X(OVERDUE_BY_DEPT, "SELECT coalesce(department_id, 0), count(*) FROM items" \
		" WHERE council_id = " COUNCIL " AND kind = 'action' AND status = 'open'" \
		" AND deleted_at IS NULL AND due_on < $1 GROUP BY 1 ORDER BY 1") \
	/* Each person's record: the sums counted from the items; an action done \
	 * is on time when closed, in the session's time zone (the program's), on \
	 * or before its due day. */ \
	X(PERSON_RECORDS, "SELECT p.id, p.name, p.department_id, d.name, p.role, p.email," \
		" p.influence, p.support, p.archived_at IS NOT NULL," \
		" coalesce(t.wins, 0), coalesce(t.actions, 0), coalesce(t.done, 0)," \
		" coalesce(t.on_time, 0), coalesce(t.open, 0), coalesce(t.overdue, 0)," \
		" coalesce(t.judged, 0)" \
		" FROM people p LEFT JOIN departments d ON d.id = p.department_id" \
		" LEFT JOIN (SELECT person_id," \
		"   count(*) FILTER (WHERE kind = 'win') AS wins," \
		"   count(*) FILTER (WHERE kind = 'action') AS actions," \
		"   count(*) FILTER (WHERE kind = 'action' AND status = 'done') AS done," \
		"   count(*) FILTER (WHERE kind = 'action' AND status = 'done'" \
		"     AND closed_at::date <= due_on) AS on_time," \
		"   count(*) FILTER (WHERE kind = 'action' AND status = 'done'" \
		"     AND due_on IS NOT NULL AND closed_at IS NOT NULL) AS judged," \
		"   count(*) FILTER (WHERE kind = 'action' AND status = 'open') AS open," \
		"   count(*) FILTER (WHERE kind = 'action' AND status = 'open' AND due_on < $2)" \
		"     AS overdue" \
		"   FROM items WHERE council_id = " COUNCIL " AND deleted_at IS NULL" \
		"   AND kind IN ('win', 'action') GROUP BY person_id) t ON t.person_id = p.id" \
		" WHERE p.council_id = " COUNCIL " AND ($1::boolean OR p.archived_at IS NULL)" \
		" ORDER BY d.name_key COLLATE \"C\" NULLS FIRST, p.name_key COLLATE \"C\"") \
	/* --- the decision log ---------------------------------------------------- */ \
	X(DEC_DUE_F, PG_DEC_SELECT PG_DEC_DUE " AND ($6::date IS NULL" \
		" OR (i.revisit_on, i.id) > ($6::date, $7::bigint))" \
		" ORDER BY i.revisit_on, i.id LIMIT $8") \
	X(DEC_DUE_B, PG_DEC_SELECT PG_DEC_DUE " AND ($6::date IS NULL" \
		" OR (i.revisit_on, i.id) < ($6::date, $7::bigint))" \
		" ORDER BY i.revisit_on DESC, i.id DESC LIMIT $8") \
	X(DEC_REST_F, PG_DEC_SELECT PG_DEC_REST " AND i.id < $6 ORDER BY i.id DESC LIMIT $7") \
	X(DEC_REST_B, PG_DEC_SELECT PG_DEC_REST " AND i.id > $6 ORDER BY i.id LIMIT $7") \
	/* the due ones alone, read on their index from the oldest revisit date */ \
	X(DEC_DUE_COUNT, "SELECT count(*) FROM items i" PG_DEC_DUE) \
	X(DEC_COUNTS, "SELECT count(*) FILTER (WHERE " PG_DEC_IS_DUE ")," \
		" count(*) FILTER (WHERE NOT " PG_DEC_IS_DUE " AND ($3::boolean" \
		" OR i.superseded_by IS NULL)) FROM items i" PG_DEC_FILTER) \
	/* The window of the newest matches of the words $4 holding $6 decisions: \
	 * every match (any kind) newest first, numbered; the decisions among \
	 * them numbered too, each whether the filter counts it due or among the \
	 * rest. Gives: how many matches, how many decisions, the $6th decision's \
	 * id and place among the matches, and the due and the rest of the first $6. */ \
	X(DEC_WINDOW, "WITH w AS (SELECT i.id, i.kind = 'decision' AND i.deleted_at IS NULL AS dec," \
		" coalesce(" PG_DEC_IS_DUE " AND ($2::bigint IS NULL OR i.department_id = $2), false)" \
		"   AS due," \
		" coalesce(NOT " PG_DEC_IS_DUE " AND ($3::boolean OR i.superseded_by IS NULL)" \
		"   AND ($2::bigint IS NULL OR i.department_id = $2), false) AS rest," \
		" row_number() OVER (ORDER BY i.id DESC) AS rn FROM items i" \
		" WHERE i.council_id = " COUNCIL " AND i.search @@ to_tsquery('cx_search', $4)" \
		" AND $5::bigint IS NOT NULL)," \
		" d AS (SELECT id, rn, due, rest, row_number() OVER (ORDER BY id DESC) AS dn" \
		"   FROM w WHERE dec)" \
		" SELECT (SELECT count(*) FROM w), (SELECT count(*) FROM d)," \
		" (SELECT id FROM d WHERE dn = $6), (SELECT rn FROM d WHERE dn = $6)," \
		" (SELECT count(*) FROM d WHERE dn <= $6 AND due)," \
		" (SELECT count(*) FROM d WHERE dn <= $6 AND rest)") \
	X(DEC_LINKS, "SELECT o.id, o.kind, o.status, l.kind, 1, o.text FROM item_links l" \
		" JOIN items o ON o.id = l.to_item WHERE l.council_id = " COUNCIL \
		" AND l.from_item = $1 AND o.deleted_at IS NULL" \
		" UNION ALL SELECT o.id, o.kind, o.status, l.kind, 0, o.text FROM item_links l" \
		" JOIN items o ON o.id = l.from_item WHERE l.council_id = " COUNCIL \
		" AND l.to_item = $1 AND o.deleted_at IS NULL ORDER BY 1") \
	X(DEC_SUPERSEDES, "SELECT i.id, " PG_EPOCH("i.created_at") ", i.text, d.name FROM items i" \
		" LEFT JOIN departments d ON d.id = i.department_id" \
		" WHERE i.council_id = " COUNCIL " AND i.superseded_by = $1 AND i.deleted_at IS NULL" \
		" ORDER BY i.id") \
	X(DEC_LATER, "SELECT i.id, " PG_EPOCH("i.created_at") ", i.text, d.name FROM items i" \
		" LEFT JOIN departments d ON d.id = i.department_id" \
		" WHERE i.council_id = " COUNCIL " AND i.kind = 'decision' AND i.deleted_at IS NULL" \
		" AND i.id <> $1 AND i.created_at >= $2 ORDER BY i.id DESC LIMIT $3") \
	X(DEC_SET_REVISIT, "UPDATE items SET revisit_on = $1, updated_at = $2" \
		" WHERE council_id = " COUNCIL " AND id = $3 AND kind = 'decision'" \
		" AND deleted_at IS NULL") \
	/* --- meetings ---------------------------------------------------------- */ \
	X(MEETING_ADD, "INSERT INTO meetings(template_id, status, started_at, facilitator_id)" \
		" VALUES ($1, 'in_progress', $2, $3) RETURNING id") \
	/* every step of the agenda in one statement: arrays of titles, kinds, \
	 * minutes, prompts and whether skipped, positions from 0 */ \
	X(MEETING_STEPS_ADD, "INSERT INTO meeting_steps(meeting_id, position, title, kind," \
		" planned_minutes, prompt, skipped) SELECT $1, u.n - 1, u.t, u.k, u.m, u.p, u.s" \
		" FROM unnest($2::text[], $3::text[], $4::integer[], $5::text[], $6::boolean[])" \
		" WITH ORDINALITY AS u(t, k, m, p, s, n)") \
	X(MEETING_GET, PG_MEETING_SELECT " WHERE council_id = " COUNCIL " AND id = $1") \
	X(MEETING_LAST, PG_MEETING_SELECT " WHERE council_id = " COUNCIL \
		" ORDER BY started_at DESC, id DESC LIMIT 1") \
	X(MEETING_IN_PROGRESS, "SELECT id FROM meetings WHERE council_id = " COUNCIL \
		" AND status = 'in_progress'") \
	X(MEETING_SET_STEP, "UPDATE meetings SET current_step = $1 WHERE council_id = " COUNCIL \
		" AND id = $2") \
	X(MEETING_STEP_TIME, "UPDATE meeting_steps SET actual_seconds = actual_seconds + $1," \
		" done = done OR $2::boolean WHERE council_id = " COUNCIL " AND meeting_id = $3" \
		" AND position = $4") \
	X(MEETING_FINISH, "UPDATE meetings SET status = $1, ended_at = $2, rating = $3," \
		" next_meeting_on = $4 WHERE council_id = " COUNCIL " AND id = $5" \
		" AND status = 'in_progress'") \
	X(MEETING_SET_OUTCOME, "UPDATE meetings SET rating = $1, next_meeting_on = $2" \
		" WHERE council_id = " COUNCIL " AND id = $3 AND status = 'in_progress'") \
	X(MEETING_STEPS, "SELECT id, position, title, kind, planned_minutes, prompt," \
		" actual_seconds, done, skipped FROM meeting_steps WHERE council_id = " COUNCIL \
		" AND meeting_id = $1 ORDER BY position") \
	X(MEETING_COUNT, "SELECT count(*) FROM meetings WHERE council_id = " COUNCIL) \
	X(MEETING_STEP_ITEMS, "SELECT s.position, (SELECT count(*) FROM items i" \
		" WHERE i.meeting_id = s.meeting_id AND i.step_id = s.id AND i.deleted_at IS NULL)" \
		" FROM meeting_steps s WHERE s.council_id = " COUNCIL " AND s.meeting_id = $1" \
		" ORDER BY s.position") \
	X(MEETING_WORK, "SELECT (SELECT count(DISTINCT e.item_id) FROM item_events e" \
		" JOIN items i ON i.id = e.item_id WHERE e.meeting_id = $1" \
		" AND e.event NOT IN ('carried', 'created') AND coalesce(i.meeting_id, 0) <> $1)," \
		" (SELECT count(*) FROM attendance WHERE meeting_id = $1 AND present)," \
		" (SELECT rating IS NOT NULL FROM meetings WHERE council_id = " COUNCIL " AND id = $1)," \
		" (SELECT count(DISTINCT initiative_id) FROM initiative_reviews WHERE meeting_id = $1)") \
	X(ATTEND_SET, "INSERT INTO attendance(meeting_id, person_id, department_id, present)" \
		" SELECT $1, id, department_id, $3 FROM people WHERE council_id = " COUNCIL \
		" AND id = $2 ON CONFLICT (meeting_id, person_id)" \
		" DO UPDATE SET present = excluded.present") \
	X(ATTEND_LIST, "SELECT person_id FROM attendance WHERE council_id = " COUNCIL \
		" AND meeting_id = $1 AND present ORDER BY person_id") \
	X(ATTEND_EVERYONE, "INSERT INTO attendance(meeting_id, person_id, department_id, present)" \
		" SELECT $1, id, department_id, true FROM people WHERE council_id = " COUNCIL \
		" AND archived_at IS NULL ON CONFLICT (meeting_id, person_id)" \
		" DO UPDATE SET present = true WHERE NOT attendance.present") \
	X(RATING_SET, "INSERT INTO meeting_ratings(meeting_id, person_id, rating, rated_at)" \
		" SELECT $1, id, $3, $4 FROM people WHERE council_id = " COUNCIL " AND id = $2" \
		" ON CONFLICT (meeting_id, person_id) DO UPDATE SET rating = excluded.rating," \
		" rated_at = excluded.rated_at") \
	X(RATING_AVERAGE, "UPDATE meetings SET rating = (SELECT round(avg(r.rating))::integer" \
		" FROM meeting_ratings r JOIN attendance a ON a.meeting_id = r.meeting_id" \
		" AND a.person_id = r.person_id AND a.present WHERE r.meeting_id = $1)" \
		" WHERE council_id = " COUNCIL " AND id = $1" \
		" AND EXISTS (SELECT 1 FROM meeting_ratings r LEFT JOIN attendance a" \
		" ON a.meeting_id = r.meeting_id AND a.person_id = r.person_id WHERE r.meeting_id = $1" \
		" AND (a.present OR r.person_id = $2))") \
	X(RATINGS, "SELECT r.person_id, p.name, r.rating, " PG_EPOCH("r.rated_at") ", r.meeting_id" \
		" FROM meeting_ratings r JOIN people p ON p.id = r.person_id" \
		" JOIN attendance a ON a.meeting_id = r.meeting_id AND a.person_id = r.person_id" \
		" AND a.present WHERE r.council_id = " COUNCIL " AND r.meeting_id = $1" \
		" ORDER BY p.name_key COLLATE \"C\", p.id") \
	X(RATINGS_ALL, "SELECT r.person_id, p.name, r.rating, " PG_EPOCH("r.rated_at") "," \
		" r.meeting_id FROM meeting_ratings r JOIN people p ON p.id = r.person_id" \
		" JOIN attendance a ON a.meeting_id = r.meeting_id AND a.person_id = r.person_id" \
		" AND a.present WHERE r.council_id = " COUNCIL \
		" ORDER BY r.meeting_id, r.person_id") \
	X(BRIEFER_SET, "INSERT INTO meeting_briefers(meeting_id, department_id, person_id, set_at)" \
		" SELECT $1, d.id, p.id, $4 FROM departments d, people p WHERE d.council_id = " COUNCIL \
		" AND p.council_id = " COUNCIL " AND d.id = $2 AND p.id = $3" \
		" ON CONFLICT (meeting_id, department_id) DO UPDATE SET person_id = excluded.person_id," \
		" set_at = excluded.set_at") \
	X(BRIEFERS, "SELECT b.department_id, d.name, b.person_id, p.name, b.meeting_id" \
		" FROM meeting_briefers b JOIN departments d ON d.id = b.department_id" \
		" JOIN people p ON p.id = b.person_id WHERE b.council_id = " COUNCIL \
		" AND b.meeting_id = $1 ORDER BY d.name_key COLLATE \"C\", d.id") \
	X(BRIEFERS_ALL, "SELECT b.department_id, d.name, b.person_id, p.name, b.meeting_id" \
		" FROM meeting_briefers b JOIN departments d ON d.id = b.department_id" \
		" JOIN people p ON p.id = b.person_id WHERE b.council_id = " COUNCIL \
		" ORDER BY b.meeting_id, b.department_id") \
	/* --- holds and drafts --------------------------------------------------- */ \
	X(HOLD_GET, "SELECT token, \"user\", host, pid, " PG_EPOCH("since") ", " \
		PG_EPOCH("seen_at") ", token = $2 FROM meeting_holds" \
		" WHERE council_id = " COUNCIL " AND meeting_id = $1") \
	/* $7: the token of the hold being taken over (NULL: only when nobody holds it) */ \
	X(HOLD_TAKE, "INSERT INTO meeting_holds(meeting_id, token, \"user\", host, pid, since," \
		" seen_at) SELECT $1, $2, $3, $4, $5, $6, $6 FROM meetings" \
		" WHERE council_id = " COUNCIL " AND id = $1 AND status = 'in_progress'" \
		" ON CONFLICT (meeting_id) DO UPDATE SET token = excluded.token," \
		" \"user\" = excluded.\"user\", host = excluded.host, pid = excluded.pid," \
		" since = excluded.since, seen_at = excluded.seen_at" \
		" WHERE meeting_holds.token = $7 OR meeting_holds.token = $2") \
	X(HOLD_BEAT, "UPDATE meeting_holds SET seen_at = $1 WHERE council_id = " COUNCIL \
		" AND meeting_id = $2 AND token = $3") \
	X(HOLD_MINE, "SELECT 1 FROM meeting_holds h JOIN meetings m ON m.id = h.meeting_id" \
		" WHERE h.council_id = " COUNCIL " AND h.meeting_id = $1 AND h.token = $2" \
		" AND m.status = 'in_progress'") \
	X(HOLD_RELEASE, "DELETE FROM meeting_holds WHERE council_id = " COUNCIL \
		" AND meeting_id = $1 AND token = $2") \
	X(HOLD_WHY, "SELECT h.\"user\", h.host, " PG_EPOCH("h.since") " FROM meetings m" \
		" LEFT JOIN meeting_holds h ON h.meeting_id = m.id WHERE m.council_id = " COUNCIL \
		" AND m.status = 'in_progress'") \
	X(HOLD_END, "DELETE FROM meeting_holds WHERE council_id = " COUNCIL " AND meeting_id = $1") \
	X(DRAFT_SAVE, "INSERT INTO meeting_drafts(meeting_id, step_id, kind, text, detail, saved_at)" \
		" VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (meeting_id) DO UPDATE SET" \
		" step_id = excluded.step_id, kind = excluded.kind, text = excluded.text," \
		" detail = excluded.detail, saved_at = excluded.saved_at") \
	X(DRAFT_GET, "SELECT step_id, kind, text, detail, " PG_EPOCH("saved_at") \
		" FROM meeting_drafts WHERE council_id = " COUNCIL " AND meeting_id = $1") \
	X(DRAFT_CLEAR, "DELETE FROM meeting_drafts WHERE council_id = " COUNCIL \
		" AND meeting_id = $1")

#endif
