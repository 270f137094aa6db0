/* statements.h - every statement the SQLite store runs, as one list
 * (STORE_STATEMENTS): an enum entry each (store_int.h), prepared on first
 * use and finalised at close. The pieces of SQL that several of them share
 * are in statement_parts.h. */
#ifndef CXMEET_SQLITE_STATEMENTS_H
#define CXMEET_SQLITE_STATEMENTS_H

#include "statement_parts.h"

/* Every statement the store runs, prepared at open and finalised at close.
 * User data only ever reaches SQL through the ? parameters. */
#define STORE_STATEMENTS(X) \
	X(BEGIN, "BEGIN IMMEDIATE") \
	X(BEGIN_READ, "BEGIN DEFERRED") \
	X(COMMIT, "COMMIT") \
	X(ROLLBACK, "ROLLBACK") \
	X(ORG_GET, "SELECT name, mission, success, vision, goals, roles, prioritise, approvals," \
		" ways, cadence_unit, cadence_n, escalate_after, setup_step FROM organisation WHERE id = 1") \
	X(ORG_CREATE, "INSERT INTO organisation(id, name, created_at) VALUES (1, ?, ?)") \
	X(ORG_SET_TEXT, "UPDATE organisation SET" \
		" name = CASE ?1 WHEN 'name' THEN ?2 ELSE name END," \
		" mission = CASE ?1 WHEN 'mission' THEN ?2 ELSE mission END," \
		" success = CASE ?1 WHEN 'success' THEN ?2 ELSE success END," \
		" vision = CASE ?1 WHEN 'vision' THEN ?2 ELSE vision END," \
		" goals = CASE ?1 WHEN 'goals' THEN ?2 ELSE goals END," \
		" roles = CASE ?1 WHEN 'roles' THEN ?2 ELSE roles END," \
		" prioritise = CASE ?1 WHEN 'prioritise' THEN ?2 ELSE prioritise END," \
		" approvals = CASE ?1 WHEN 'approvals' THEN ?2 ELSE approvals END," \
		" ways = CASE ?1 WHEN 'ways' THEN ?2 ELSE ways END WHERE id = 1") \
	X(ORG_SET_CADENCE, "UPDATE organisation SET cadence_unit = ?, cadence_n = ? WHERE id = 1") \
	X(ORG_SET_ESCALATE, "UPDATE organisation SET escalate_after = ? WHERE id = 1") \
	X(ORG_SET_SETUP, "UPDATE organisation SET setup_step = ? WHERE id = 1") \
	X(ORG_VERSION_ADD, "INSERT INTO org_text_versions(field, body, changed_at, changed_by)" \
		" VALUES (?, ?, ?, ?)") \
	X(ORG_VERSION_LAST, "SELECT field, changed_at, changed_by FROM org_text_versions" \
		" WHERE id IN (SELECT max(id) FROM org_text_versions GROUP BY field)") \
	X(ORG_HISTORY, "SELECT body, changed_at, changed_by FROM org_text_versions" \
		" WHERE field = ? ORDER BY id DESC") \
	X(DEPT_ADD, "INSERT INTO departments(name, name_key, facing, created_at) VALUES (?, ?, ?, ?)") \
	X(DEPT_BY_KEY, "SELECT id, name, facing, archived_at IS NOT NULL FROM departments" \
		" WHERE name_key = ?") \
	X(DEPT_BY_ID, "SELECT id, name, facing, archived_at IS NOT NULL FROM departments WHERE id = ?") \
	X(DEPT_LIST, "SELECT id, name, facing, archived_at IS NOT NULL FROM departments" \
		" WHERE ?1 OR archived_at IS NULL ORDER BY name_key") \
	X(DEPT_NAMES, "SELECT name FROM departments") \
	X(PERSON_NAMES, "SELECT name FROM people") \
	X(DEPT_RENAME, "UPDATE departments SET name = ?, name_key = ? WHERE id = ?") \
	X(DEPT_SET_FACING, "UPDATE departments SET facing = ? WHERE id = ?") \
	X(DEPT_ARCHIVE, "UPDATE departments SET archived_at = CASE WHEN ?1 THEN" \
		" coalesce(archived_at, ?2) ELSE NULL END WHERE id = ?3") \
	X(PERSON_ADD, "INSERT INTO people(name, name_key, department_id, role, email, influence," \
		" support, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)") \
	X(PERSON_BY_KEY, PERSON_SELECT " WHERE p.name_key = ?") \
	X(PERSON_BY_ID, PERSON_SELECT " WHERE p.id = ?") \
	X(PERSON_LIST, PERSON_SELECT " WHERE (?1 OR p.archived_at IS NULL)" \
		" AND (?2 = 0 OR p.department_id = ?2) ORDER BY d.name_key, p.name_key") \
	X(PERSON_UPDATE, "UPDATE people SET name = ?, name_key = ?, department_id = ?, role = ?," \
		" email = ?, influence = ?, support = ? WHERE id = ?") \
	X(PERSON_ARCHIVE, "UPDATE people SET archived_at = CASE WHEN ?1 THEN" \
		" coalesce(archived_at, ?2) ELSE NULL END WHERE id = ?3") \
	X(PERSON_SET_STANCE, "UPDATE people SET influence = ?, support = ? WHERE id = ?") \
	/* The sums from item_tally (kept by triggers, schema.c): a few rows per
	 * person, whatever the length of history. */ \
	X(PERSON_RECORDS, "SELECT p.id, p.name, p.department_id, d.name, p.role, p.email," \
		" p.influence, p.support, p.archived_at IS NOT NULL," \
		" coalesce(t.wins, 0), coalesce(t.actions, 0), coalesce(t.done, 0)," \
		" coalesce(t.on_time, 0), coalesce(t.open, 0), coalesce(t.overdue, 0)," \
		" coalesce(t.judged, 0)" \
		" FROM people p LEFT JOIN departments d ON d.id = p.department_id" \
		" LEFT JOIN (SELECT person_id," \
		"   sum(n) FILTER (WHERE kind = 'win') AS wins," \
		"   sum(n) FILTER (WHERE kind = 'action') AS actions," \
		"   sum(n) FILTER (WHERE kind = 'action' AND status = 'done') AS done," \
		"   sum(n) FILTER (WHERE kind = 'action' AND status = 'done' AND on_time = 1) AS on_time," \
		"   sum(n) FILTER (WHERE kind = 'action' AND status = 'done' AND on_time >= 0) AS judged," \
		"   sum(n) FILTER (WHERE kind = 'action' AND status = 'open') AS open," \
		"   sum(n) FILTER (WHERE kind = 'action' AND status = 'open' AND due > ''" \
		"     AND due < ?2) AS overdue" \
		"   FROM item_tally INDEXED BY item_tally_person WHERE kind IN ('win', 'action')" \
		"   GROUP BY person_id) t" \
		"   ON t.person_id = p.id" \
		" WHERE ?1 OR p.archived_at IS NULL ORDER BY d.name_key, p.name_key") \
	X(TEMPLATE_ADD, "INSERT INTO agenda_templates(name, name_key, is_default, created_at)" \
		" VALUES (?, ?, 0, ?)") \
	X(TEMPLATE_CLEAR_DEFAULT, "UPDATE agenda_templates SET is_default = 0 WHERE is_default = 1") \
	X(TEMPLATE_SET_DEFAULT, "UPDATE agenda_templates SET is_default = 1 WHERE id = ?") \
	X(TEMPLATE_STEP_ADD, "INSERT INTO agenda_template_steps(template_id, position, title, kind," \
		" minutes, prompt) VALUES (?, ?, ?, ?, ?, ?)") \
	X(TEMPLATE_BY_KEY, "SELECT id FROM agenda_templates WHERE name_key = ?") \
	X(TEMPLATE_DEFAULT, "SELECT id FROM agenda_templates WHERE is_default = 1") \
	X(TEMPLATE_NAME, "SELECT name FROM agenda_templates WHERE id = ?") \
	X(TEMPLATE_STEPS, "SELECT title, kind, minutes, prompt FROM agenda_template_steps" \
		" WHERE template_id = ? ORDER BY position") \
	X(TEMPLATE_LIST, "SELECT t.id, t.name, t.is_default, count(s.id), coalesce(sum(s.minutes), 0)" \
		" FROM agenda_templates t LEFT JOIN agenda_template_steps s ON s.template_id = t.id" \
		" WHERE t.archived_at IS NULL GROUP BY t.id ORDER BY t.name_key") \
	X(TEMPLATE_STEPS_CLEAR, "DELETE FROM agenda_template_steps WHERE template_id = ?") \
	X(TEMPLATE_STATE, "SELECT is_default, archived_at IS NOT NULL FROM agenda_templates" \
		" WHERE id = ?") \
	X(TEMPLATE_RENAME, "UPDATE agenda_templates SET name = ?, name_key = ? WHERE id = ?" \
		" AND archived_at IS NULL") \
	X(TEMPLATE_ARCHIVE, "UPDATE agenda_templates SET archived_at = ?1," \
		" name_key = char(31) || id || ' ' || name_key" \
		" WHERE id = ?2 AND archived_at IS NULL AND is_default = 0") \
	/* numbered in the order they start (the carried counts, migration 7) */ \
	X(MEETING_ADD, "INSERT INTO meetings(template_id, status, started_at, facilitator_id, seq)" \
		" VALUES (?, 'in_progress', ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM meetings))") \
	X(MEETING_STEP_ADD, "INSERT INTO meeting_steps(meeting_id, position, title, kind," \
		" planned_minutes, prompt, skipped) VALUES (?, ?, ?, ?, ?, ?, ?)") \
	X(MEETING_GET, MEETING_SELECT " WHERE id = ?") \
	X(MEETING_LAST, MEETING_SELECT " ORDER BY started_at DESC, id DESC LIMIT 1") \
	X(MEETING_IN_PROGRESS, "SELECT id FROM meetings WHERE status = 'in_progress'") \
	X(MEETING_SET_STEP, "UPDATE meetings SET current_step = ? WHERE id = ?") \
	X(MEETING_STEP_TIME, "UPDATE meeting_steps SET actual_seconds = actual_seconds + ?," \
		" done = max(done, ?) WHERE meeting_id = ? AND position = ?") \
	X(MEETING_FINISH, "UPDATE meetings SET status = ?, ended_at = ?, rating = ?," \
		" next_meeting_on = ? WHERE id = ? AND status = 'in_progress'") \
	X(MEETING_SET_OUTCOME, "UPDATE meetings SET rating = ?, next_meeting_on = ? WHERE id = ?" \
		" AND status = 'in_progress'") \
	X(MEETING_STEPS, "SELECT id, position, title, kind, planned_minutes, prompt, actual_seconds," \
		" done, skipped FROM meeting_steps WHERE meeting_id = ? ORDER BY position") \
	X(MEETING_COUNT, "SELECT count(*) FROM meetings") \
	/* items_meeting (meeting_id, step_id) counts each step's items */ \
	X(MEETING_STEP_ITEMS, "SELECT s.position, (SELECT count(*) FROM items i" \
		" WHERE i.meeting_id = s.meeting_id AND i.step_id = s.id AND i.deleted_at IS NULL)" \
		" FROM meeting_steps s WHERE s.meeting_id = ? ORDER BY s.position") \
	X(MEETING_WORK, "SELECT (SELECT count(DISTINCT e.item_id) FROM item_events e" \
		" JOIN items i ON i.id = e.item_id WHERE e.meeting_id = ?1" \
		" AND e.event NOT IN ('carried', 'created') AND coalesce(i.meeting_id, 0) <> ?1)," \
		" (SELECT count(*) FROM attendance WHERE meeting_id = ?1 AND present = 1)," \
		" (SELECT rating IS NOT NULL FROM meetings WHERE id = ?1)," \
		" (SELECT count(DISTINCT initiative_id) FROM initiative_reviews WHERE meeting_id = ?1)") \
	X(ATTEND_SET, "INSERT INTO attendance(meeting_id, person_id, department_id, present)" \
		" SELECT ?1, id, department_id, ?3 FROM people WHERE id = ?2" \
		" ON CONFLICT(meeting_id, person_id) DO UPDATE SET present = excluded.present") \
	X(ATTEND_LIST, "SELECT person_id FROM attendance WHERE meeting_id = ? AND present = 1" \
		" ORDER BY person_id") \
	X(ATTEND_EVERYONE, "INSERT INTO attendance(meeting_id, person_id, department_id, present)" \
		" SELECT ?1, id, department_id, 1 FROM people WHERE archived_at IS NULL" \
		" ON CONFLICT(meeting_id, person_id) DO UPDATE SET present = 1 WHERE present = 0") \
	X(RATING_SET, "INSERT INTO meeting_ratings(meeting_id, person_id, rating, rated_at)" \
		" SELECT ?1, id, ?3, ?4 FROM people WHERE id = ?2" \
		" ON CONFLICT(meeting_id, person_id) DO UPDATE SET rating = excluded.rating," \
		" rated_at = excluded.rated_at") \
	/* The members' average, of those still marked present (a member unmarked \
	 * after rating no longer counts), after the row of member ?2 changed: \
	 * worked out again when a member present rated or ?2 did (their rating \
	 * leaves it), so that a meeting rated as a whole keeps its rating. */ \
	X(RATING_AVERAGE, "UPDATE meetings SET rating = (SELECT CAST(round(avg(r.rating)) AS INTEGER)" \
		" FROM meeting_ratings r JOIN attendance a ON a.meeting_id = r.meeting_id" \
		" AND a.person_id = r.person_id AND a.present = 1 WHERE r.meeting_id = ?1)" \
		" WHERE id = ?1 AND EXISTS (SELECT 1 FROM meeting_ratings r LEFT JOIN attendance a" \
		" ON a.meeting_id = r.meeting_id AND a.person_id = r.person_id WHERE r.meeting_id = ?1" \
		" AND (a.present = 1 OR r.person_id = ?2))") \
	X(RATINGS, "SELECT r.person_id, p.name, r.rating, r.rated_at, r.meeting_id" \
		" FROM meeting_ratings r JOIN people p ON p.id = r.person_id" \
		" JOIN attendance a ON a.meeting_id = r.meeting_id AND a.person_id = r.person_id" \
		" AND a.present = 1 WHERE r.meeting_id = ?" \
		" ORDER BY p.name_key, p.id") \
	X(RATINGS_ALL, "SELECT r.person_id, p.name, r.rating, r.rated_at, r.meeting_id" \
		" FROM meeting_ratings r JOIN people p ON p.id = r.person_id" \
		" JOIN attendance a ON a.meeting_id = r.meeting_id AND a.person_id = r.person_id" \
		" AND a.present = 1 ORDER BY r.meeting_id, r.person_id") \
	X(BRIEFER_SET, "INSERT INTO meeting_briefers(meeting_id, department_id, person_id, set_at)" \
		" SELECT ?1, d.id, p.id, ?4 FROM departments d, people p WHERE d.id = ?2 AND p.id = ?3" \
		" ON CONFLICT(meeting_id, department_id) DO UPDATE SET person_id = excluded.person_id," \
		" set_at = excluded.set_at") \
	X(BRIEFERS, "SELECT b.department_id, d.name, b.person_id, p.name, b.meeting_id" \
		" FROM meeting_briefers b JOIN departments d ON d.id = b.department_id" \
		" JOIN people p ON p.id = b.person_id WHERE b.meeting_id = ?" \
		" ORDER BY d.name_key, d.id") \
	X(BRIEFERS_ALL, "SELECT b.department_id, d.name, b.person_id, p.name, b.meeting_id" \
		" FROM meeting_briefers b JOIN departments d ON d.id = b.department_id" \
		" JOIN people p ON p.id = b.person_id ORDER BY b.meeting_id, b.department_id") \
	X(ITEM_ADD, "INSERT INTO items(kind, text, detail, rationale, department_id, person_id," \
		" due_on, revisit_on, rank, status, consent, meeting_id, step_id, created_at," \
		" updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?14)") \
	X(ITEM_GET, ITEM_SELECT " WHERE i.id = ?") \
	X(ITEM_UPDATE, "UPDATE items SET text = ?, detail = ?, rationale = ?, department_id = ?," \
		" person_id = ?, due_on = ?, revisit_on = ?, rank = ?, consent = ?, updated_at = ?" \
		" WHERE id = ? AND deleted_at IS NULL") \
	X(ITEM_SET_STATUS, "UPDATE items SET status = ?1, updated_at = ?2," \
		" closed_at = CASE WHEN ?1 = 'open' THEN NULL ELSE ?2 END" \
		" WHERE id = ?3 AND deleted_at IS NULL") \
	X(ITEM_SET_DUE, "UPDATE items SET due_on = ?1, updated_at = ?2 WHERE id = ?3") \
	X(ITEM_SUPERSEDE, "UPDATE items SET superseded_by = ?, updated_at = ? WHERE id = ?" \
		" AND deleted_at IS NULL") \
	X(ITEM_DELETE, "UPDATE items SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2" \
		" AND deleted_at IS NULL") \
	/* Every open action (item_tally), less those of meeting ?2 (its own rows). */ \
	X(ACTION_COUNTS, "SELECT alln.n - own.n, alln.late - own.late FROM" \
		" (SELECT coalesce(sum(n), 0) AS n," \
		"   coalesce(sum(n) FILTER (WHERE due > '' AND due < ?1), 0) AS late" \
		"   FROM item_tally WHERE kind = 'action' AND status = 'open') alln," \
		" (SELECT count(*) AS n, count(*) FILTER (WHERE due_on < ?1) AS late FROM items" \
		"   WHERE meeting_id = ?2 AND kind = 'action' AND status = 'open'" \
		"   AND deleted_at IS NULL) own") \
	X(ITEM_COUNT, "SELECT coalesce(sum(n), 0) FROM item_tally WHERE ?1 IS NULL OR kind = ?1") \
	X(ITEM_REVISION, "SELECT (SELECT count(*) FROM item_events e WHERE e.item_id = i.id" \
		" AND e.event = 'due_moved'), i.updated_at FROM items i WHERE i.id = ?1") \
	X(ITEM_SEARCH, ITEM_SELECT " JOIN items_fts f ON f.rowid = i.id WHERE items_fts MATCH ?" \
		" AND i.deleted_at IS NULL ORDER BY i.created_at DESC, i.id DESC LIMIT ?") \
	/* Between meetings (store_between.c): ?1 the meeting (NULL: the next one, \
	 * after the last), ?2 rows. */ \
	X(WAITING_ITEMS, "WITH w(since, until) AS (SELECT coalesce((SELECT b.started_at" \
		"   FROM meetings m JOIN meetings b ON b.seq = m.seq - 1 WHERE m.id = ?1)," \
		"  (SELECT l.started_at FROM meetings l WHERE ?1 IS NULL ORDER BY l.seq DESC LIMIT 1)," \
		"  ''), coalesce((SELECT m.ended_at FROM meetings m WHERE m.id = ?1), '9999'))" \
		" SELECT " ITEM_COLUMNS "," \
		" (SELECT e.by FROM item_events e WHERE e.item_id = i.id AND e.event = 'created'" \
		"   ORDER BY e.id LIMIT 1), coalesce(i.discussed_in = ?1, 0), nullif(w.since, '')" ITEM_FROM \
		" CROSS JOIN w WHERE i.meeting_id IS NULL AND i.deleted_at IS NULL" \
		" AND (i.discussed_in = ?1 OR (i.kind = 'topic' AND i.status = 'open'" \
		"  AND i.created_at <= w.until)" \
		"  OR (i.discussed_in IS NULL AND i.created_at >= w.since AND i.created_at <= w.until))" \
		" ORDER BY i.created_at, i.id LIMIT ?2") \
	X(ITEM_SET_DISCUSSED, "UPDATE items SET discussed_in = ?1, updated_at = ?2" \
		" WHERE id = ?3 AND meeting_id IS NULL AND deleted_at IS NULL") \
	/* Profiles, the map's history, measures, the focus (store_leaders.c). */ \
	X(PROFILE_GET, "SELECT values_text, kpi_text, change_stage, next_step, updated_at" \
		" FROM person_profiles WHERE person_id = ?1") \
	X(PROFILE_SET, "INSERT INTO person_profiles(person_id, values_text, kpi_text," \
		" change_stage, next_step, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)" \
		" ON CONFLICT (person_id) DO UPDATE SET values_text = excluded.values_text," \
		" kpi_text = excluded.kpi_text, change_stage = excluded.change_stage," \
		" next_step = excluded.next_step, updated_at = excluded.updated_at") \
	X(STANCE_ADD, "INSERT INTO stance_history(person_id, influence, support, changed_at," \
		" changed_by) VALUES (?1, ?2, ?3, ?4, ?5)") \
	X(STANCE_LIST, "SELECT influence, support, changed_at, changed_by FROM stance_history" \
		" WHERE person_id = ?1 ORDER BY changed_at DESC, id DESC LIMIT ?2") \
	X(MEASURE_ADD, "INSERT INTO measures(name, name_key, kind, department_id, person_id," \
		" unit, direction, target, created_at, frequency)" \
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)") \
	X(MEASURE_UPDATE, "UPDATE measures SET name = ?2, name_key = ?3, kind = ?4," \
		" department_id = ?5, person_id = ?6, unit = ?7, direction = ?8, target = ?9," \
		" frequency = ?10 WHERE id = ?1") \
	X(MEASURE_ARCHIVE, "UPDATE measures SET archived_at = ?2 WHERE id = ?1") \
	X(MEASURE_VALUES, "SELECT period_on, value, entered_at, entered_by, corrected FROM" \
		" (SELECT period_on, value, entered_at, entered_by, id," \
		"   id <> max(id) OVER (PARTITION BY period_on) AS corrected," \
		"   dense_rank() OVER (ORDER BY period_on DESC) AS nth" \
		"   FROM measure_values WHERE measure_id = ?1)" \
		" WHERE (?3 = 0 OR nth <= ?3) ORDER BY period_on DESC, id DESC") \
	/* the last entry of each period, the latest periods first: read on the \
	 * index as far as the limit, however long the history */ \
	X(MEASURE_VALUES_LAST, "SELECT period_on, value, entered_at, entered_by, 0" \
		" FROM measure_values v WHERE measure_id = ?1 AND id = (SELECT max(x.id)" \
		"   FROM measure_values x WHERE x.measure_id = v.measure_id" \
		"   AND x.period_on = v.period_on)" \
		" ORDER BY period_on DESC LIMIT CASE WHEN ?3 = 0 THEN -1 ELSE ?3 END") \
	X(MEASURE_FIND, "SELECT id FROM measures WHERE coalesce(department_id, 0) = ?1" \
		" AND name_key = ?2") \
	X(MEASURE_LIST, "SELECT m.id, m.name, m.kind, m.department_id, d.name, m.person_id," \
		" m.unit, m.direction = 'lower', m.target, m.archived_at IS NOT NULL," \
		" v.value, v.period_on, m.frequency, p.name FROM measures m" \
		" LEFT JOIN departments d ON d.id = m.department_id" \
		" LEFT JOIN people p ON p.id = m.person_id" \
		" LEFT JOIN measure_values v ON v.id = (SELECT x.id FROM measure_values x" \
		"   WHERE x.measure_id = m.id ORDER BY x.period_on DESC, x.id DESC LIMIT 1)" \
		" WHERE (?1 IS NULL OR m.kind = ?1) AND (?2 = 0 OR m.department_id = ?2)" \
		" AND (?3 OR m.archived_at IS NULL) ORDER BY m.id") \
	X(MEASURE_VALUE_ADD, "INSERT INTO measure_values(measure_id, period_on, value, entered_at," \
		" entered_by) VALUES (?1, ?2, ?3, ?4, ?5)") \
	X(ITEM_SET_MEASURE, "UPDATE items SET measure_id = ?2 WHERE id = ?1 AND deleted_at IS NULL") \
	X(MEASURE_VALUE_GET, "SELECT value FROM measure_values WHERE measure_id = ?1" \
		" AND period_on = ?2 ORDER BY id DESC LIMIT 1") \
	X(ITEM_MEASURE, "SELECT m.id, m.name FROM items i JOIN measures m ON m.id = i.measure_id" \
		" WHERE i.id = ?1") \
	X(FOCUS_GET, "SELECT f.department_id, d.name, f.plan, f.next_step, f.since_on FROM focus f" \
		" JOIN departments d ON d.id = f.department_id WHERE f.id = 1") \
	X(FOCUS_SET, "INSERT INTO focus(id, department_id, plan, next_step, since_on)" \
		" VALUES (1, ?1, ?2, ?3, ?4) ON CONFLICT (id) DO UPDATE SET" \
		" department_id = excluded.department_id, plan = excluded.plan," \
		" next_step = excluded.next_step, since_on = excluded.since_on") \
	X(FOCUS_CLEAR, "DELETE FROM focus") \
	/* The council's initiatives (store_initiatives.c). */ \
	X(INITIATIVE_ADD, "INSERT INTO initiatives(title, title_key, department_id, person_id," \
		" due_on, track, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)") \
	X(INITIATIVE_UPDATE, "UPDATE initiatives SET title = ?2, title_key = ?3," \
		" department_id = ?4, person_id = ?5, due_on = ?6 WHERE id = ?1") \
	X(INITIATIVE_FIND, "SELECT id FROM initiatives WHERE title_key = ?1") \
	X(INITIATIVE_GET, INITIATIVE_SELECT " WHERE n.id = ?1") \
	/* a council's initiatives are a few a quarter: read whole */ \
	X(INITIATIVE_LIST, INITIATIVE_SELECT " WHERE (?1 OR n.track IN ('on','off'))" \
		" AND (?2 IS NULL OR n.due_on >= ?2)" \
		" ORDER BY n.track IN ('done','dropped'), n.due_on, n.id") \
	X(INITIATIVE_TRACK, "UPDATE initiatives SET track = ?2 WHERE id = ?1") \
	X(INITIATIVE_REVIEW_ADD, "INSERT INTO initiative_reviews(initiative_id, meeting_id, track," \
		" note, reviewed_at, reviewed_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)") \
	/* the reviews of one initiative, or those made in one meeting (?2) */ \
	X(INITIATIVE_REVIEWS, "SELECT r.initiative_id, n.title, r.meeting_id, r.track, r.note," \
		" r.reviewed_at, r.reviewed_by FROM initiative_reviews r" \
		" JOIN initiatives n ON n.id = r.initiative_id WHERE r.initiative_id = ?1" \
		" ORDER BY r.id DESC LIMIT CASE WHEN ?3 = 0 THEN -1 ELSE ?3 END") \
	X(INITIATIVE_REVIEWS_IN, "SELECT r.initiative_id, n.title, r.meeting_id, r.track, r.note," \
		" r.reviewed_at, r.reviewed_by FROM initiative_reviews r" \
		" JOIN initiatives n ON n.id = r.initiative_id WHERE r.meeting_id = ?2" \
		" ORDER BY r.id DESC LIMIT CASE WHEN ?3 = 0 THEN -1 ELSE ?3 END") \
	X(MILESTONE_ADD, "INSERT INTO initiative_milestones(initiative_id, title, due_on," \
		" created_at) VALUES (?1, ?2, ?3, ?4)") \
	X(MILESTONE_REACH, "UPDATE initiative_milestones SET done_on = ?2 WHERE id = ?1") \
	X(MILESTONES, "SELECT id, initiative_id, title, due_on, done_on FROM initiative_milestones" \
		" WHERE initiative_id = ?1 ORDER BY id") \
	/* The buy-in ledger (store_ledger.c): ?1 the first day counted. */ \
	X(LEDGER_MEETINGS, "SELECT substr(started_at, 1, 4), (CAST(substr(started_at, 6, 2) AS INTEGER) + 2) / 3, 0, count(*), 0, 0 FROM meetings" \
		" WHERE status = 'completed' AND started_at >= ?1 GROUP BY 1, 2") \
	X(LEDGER_ATTENDANCE, "SELECT substr(m.started_at, 1, 4), (CAST(substr(m.started_at, 6, 2) AS INTEGER) + 2) / 3, a.department_id, count(DISTINCT m.id), 0, 0" \
		" FROM meetings m JOIN attendance a ON a.meeting_id = m.id WHERE m.status = 'completed'" \
		" AND a.present = 1 AND a.department_id IS NOT NULL AND m.started_at >= ?1" \
		" GROUP BY 1, 2, 3") \
	X(LEDGER_ITEMS, "SELECT substr(i.created_at, 1, 4), (CAST(substr(i.created_at, 6, 2) AS INTEGER) + 2) / 3, i.department_id, count(*) FILTER (WHERE i.kind = 'action')," \
		" count(*) FILTER (WHERE i.kind = 'action' AND i.status = 'done'" \
		"   AND substr(i.closed_at, 1, 10) <= i.due_on)," \
		" count(*) FILTER (WHERE i.kind = 'win') FROM items i" \
		" WHERE i.kind IN ('action', 'win') AND i.deleted_at IS NULL" \
		" AND i.department_id IS NOT NULL AND i.created_at >= ?1 GROUP BY 1, 2, 3") \
	X(LEDGER_MESSAGES, "SELECT substr(i.created_at, 1, 4), (CAST(substr(i.created_at, 6, 2) AS INTEGER) + 2) / 3, r.department_id, count(*), count(r.acked_at), 0" \
		" FROM message_recipients r JOIN items i ON i.id = r.item_id" \
		" WHERE i.deleted_at IS NULL AND i.created_at >= ?1 GROUP BY 1, 2, 3") \
	X(LEDGER_MOVES, "SELECT substr(h.changed_at, 1, 4), (CAST(substr(h.changed_at, 6, 2) AS INTEGER) + 2) / 3, p.department_id, count(*) FILTER (WHERE h.support = 'high')," \
		" count(*) FILTER (WHERE h.support = 'low'), 0 FROM stance_history h" \
		" JOIN people p ON p.id = h.person_id WHERE p.department_id IS NOT NULL" \
		" AND h.changed_at >= ?1 GROUP BY 1, 2, 3") \
	X(MESSAGES_F, MESSAGE_SELECT " AND r.id < ?11 ORDER BY r.id DESC LIMIT ?12") \
	X(MESSAGES_B, MESSAGE_SELECT " AND r.id > ?11 ORDER BY r.id LIMIT ?12") \
	X(MESSAGE_TO_ADD, "INSERT INTO message_recipients(item_id, department_id) VALUES (?1, ?2)") \
	X(MESSAGE_TO_DROP, "DELETE FROM message_recipients WHERE item_id = ?1" \
		" AND department_id = ?2 AND acked_at IS NULL") \
	X(MESSAGE_TO_ADD_NEW, "INSERT INTO message_recipients(item_id, department_id)" \
		" SELECT ?1, ?2 WHERE NOT EXISTS (SELECT 1 FROM message_recipients" \
		" WHERE item_id = ?1 AND department_id = ?2)") \
	X(MESSAGE_ACK, "UPDATE message_recipients SET acked_at = ?3, acked_by = ?4," \
		" ack_meeting_id = ?5 WHERE item_id = ?1 AND department_id = ?2 AND acked_at IS NULL") \
	X(MESSAGE_ACKED, "SELECT acked_at IS NOT NULL FROM message_recipients" \
		" WHERE item_id = ?1 AND department_id = ?2") \
	X(MEETING_ITEMS, ITEM_SELECT " WHERE i.meeting_id = ?1 AND (?2 = 0 OR i.step_id = ?2)" \
		" AND i.deleted_at IS NULL ORDER BY i.id") \
	/* Keyset pages (store_page.c): the key ?10 (text) and ?11 (id), ?12 rows. */ \
	X(OPEN_NODUE_F, OPEN_ACTIONS " AND i.due_on IS NULL AND i.id > ?11" \
		" ORDER BY i.id LIMIT ?12") \
	X(OPEN_NODUE_B, OPEN_ACTIONS " AND i.due_on IS NULL AND i.id < ?11" \
		" ORDER BY i.id DESC LIMIT ?12") \
	X(OPEN_DUE_F, OPEN_ACTIONS " AND (i.due_on, i.id) > (?10, ?11)" \
		" ORDER BY i.due_on, i.id LIMIT ?12") \
	X(OPEN_DUE_B, OPEN_ACTIONS " AND (i.due_on, i.id) < (?10, ?11)" \
		" ORDER BY i.due_on DESC, i.id DESC LIMIT ?12") \
	X(ITEMS_AFTER, ITEM_SELECT " WHERE i.id > ?1 AND i.deleted_at IS NULL ORDER BY i.id LIMIT ?2") \
	X(ID_BOUNDS, "SELECT (SELECT max(id) FROM items), (SELECT max(id) FROM meetings)") \
	X(MEETINGS_AFTER, MEETING_SELECT " WHERE id > ?1 ORDER BY id LIMIT ?2") \
	X(OPEN_PARKED, "SELECT " ITEM_COLUMNS " FROM items i INDEXED BY items_parked_rank" \
		" LEFT JOIN departments d ON d.id = i.department_id" \
		" LEFT JOIN people p ON p.id = i.person_id WHERE i.kind = 'parked'" \
		" AND i.status = 'open' AND i.deleted_at IS NULL ORDER BY i.rank = 0, i.rank, i.id" \
		" LIMIT ?1") \
	X(OPEN_PARKED_IDS, "SELECT id FROM items INDEXED BY items_parked_rank" \
		" WHERE kind = 'parked' AND status = 'open' AND deleted_at IS NULL" \
		" ORDER BY rank = 0, rank, id LIMIT ?1") \
	X(OPEN_PARKED_COUNT, "SELECT coalesce(sum(n), 0) FROM item_tally" \
		" WHERE kind = 'parked' AND status = 'open'") \
	X(ITEM_SET_RANK, "UPDATE items SET rank = ? WHERE id = ? AND deleted_at IS NULL") \
	X(LINK_ADD, "INSERT OR IGNORE INTO item_links(from_item, to_item, kind, created_at)" \
		" VALUES (?, ?, ?, ?)") \
	X(LINK_LIST, "SELECT to_item, kind FROM item_links WHERE from_item = ?1" \
		" UNION ALL SELECT from_item, kind FROM item_links WHERE to_item = ?1") \
	X(EVENT_ADD, "INSERT INTO item_events(item_id, event, at, meeting_id, by, old_value," \
		" new_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)") \
	/* Its events, and the meetings an open action has been carried to since it \
	 * became open (not yet events: migration 7), in the order they happened. */ \
	X(EVENT_LIST, "SELECT id, item_id, event, at, meeting_id, by, old_value, new_value, reason" \
		" FROM item_events WHERE item_id = ?1 UNION ALL" \
		" SELECT 0, i.id, 'carried', m.started_at, m.id, NULL, NULL, NULL, NULL" \
		" FROM items i JOIN meetings m ON m.seq > i.carry_from WHERE i.id = ?1" \
		" ORDER BY 4, 1") \
	X(MEETING_ATTENDEES, "SELECT a.person_id, p.name, p.role, a.department_id, d.name," \
		" d.facing = 'behind' FROM attendance a JOIN people p ON p.id = a.person_id" \
		" LEFT JOIN departments d ON d.id = a.department_id" \
		" WHERE a.meeting_id = ? AND a.present = 1" \
		" ORDER BY d.name_key IS NULL, d.name_key, p.name_key") \
	X(MEETING_REVIEW_EVENTS, "SELECT e.id, e.item_id, e.event, e.at, e.meeting_id, e.by," \
		" e.old_value, e.new_value, e.reason, i.kind, i.text FROM item_events e" \
		" JOIN items i ON i.id = e.item_id WHERE e.meeting_id = ?1" \
		" AND e.event NOT IN ('carried', 'created') AND i.deleted_at IS NULL" \
		" AND coalesce(i.meeting_id, 0) <> ?1 ORDER BY e.id") \
	/* with the members' ratings: how many, their sum, lowest and highest */ \
	X(HELD_MEETINGS, "SELECT m.id, m.started_at, m.rating, m.next_meeting_on, r.n, r.total," \
		" r.lo, r.hi FROM meetings m LEFT JOIN (SELECT mr.meeting_id, count(*) AS n," \
		" sum(mr.rating) AS total, min(mr.rating) AS lo, max(mr.rating) AS hi" \
		" FROM meeting_ratings mr JOIN attendance a ON a.meeting_id = mr.meeting_id" \
		" AND a.person_id = mr.person_id AND a.present = 1" \
		" GROUP BY mr.meeting_id) r ON r.meeting_id = m.id" \
		" WHERE m.status = 'completed' ORDER BY m.started_at, m.id") \
	X(WINDOW_ATTENDANCE, "SELECT DISTINCT meeting_id, department_id FROM attendance" \
		" WHERE meeting_id IN (" WINDOW_MEETINGS ") AND present = 1" \
		" AND department_id IS NOT NULL") \
	/* +kind: looked up by meeting (items_meeting), not among every action */ \
	X(WINDOW_ITEMS, "SELECT meeting_id, department_id, kind, due_on, status, closed_at" \
		" FROM items WHERE meeting_id IN (" WINDOW_MEETINGS ")" \
		" AND +kind IN ('action', 'win') AND deleted_at IS NULL") \
	X(WINDOW_STEPS, "SELECT meeting_id, title, planned_minutes, actual_seconds, skipped, done" \
		" FROM meeting_steps WHERE meeting_id IN (" WINDOW_MEETINGS ")" \
		" ORDER BY meeting_id, position") \
	/* item_tally's key runs (kind, status, department_id): no sort */ \
	X(ITEMS_SINCE, ITEM_SELECT " WHERE i.kind = ?1 AND i.created_at >= ?2" \
		" AND i.deleted_at IS NULL ORDER BY i.created_at DESC, i.id DESC LIMIT ?3") \
	X(CREDITS_SINCE, "SELECT department_id, person_id, count(*) FROM items" \
		" WHERE kind = ?1 AND created_at >= ?2 AND deleted_at IS NULL" \
		" GROUP BY 1, 2 ORDER BY 1, 2") \
	X(OVERDUE_BY_DEPT, "SELECT department_id, sum(n) FROM item_tally WHERE kind = 'action'" \
		" AND status = 'open' AND due > '' AND due < ?1 GROUP BY department_id") \
	ACTION_PARTS(X) \
	ACTION_STREAM(X) \
	/* One owner's open actions due before ?5 (the digest's, one owner at a
	 * time): one range of that owner's index, in the list's order (with a
	 * due date bounded, only by due date), nothing materialised. */ \
	X(ACTION_OWNER_DUE, ACTION_S_ROW("items_person_record") " WHERE i.person_id = ?7" \
		" AND i.kind = 'action' AND i.status = 'open' AND i.deleted_at IS NULL AND i.due_on < ?5 AND (?4 IS NULL OR i.due_on >= ?4)" \
		" AND (?6 = 0 OR i.department_id = ?6) ORDER BY i.due_on, i.id") \
	X(ACTION_COUNT, "SELECT count(*), coalesce(sum(late), 0) FROM (" \
		ACTION_IDS(ACTION_ONE_STATUS) ")") \
	/* ACTION_COUNT from item_tally (kept by triggers, schema.c), for a filter
	 * whose due dates (?4, ?5) bound open actions only: a due date is kept
	 * for those alone. */ \
	X(ACTION_COUNT_TALLY, "SELECT coalesce(sum(n), 0), coalesce(sum(n) FILTER" \
		" (WHERE status = 'open' AND due > '' AND due < ?8), 0) FROM item_tally" \
		" WHERE kind = 'action' AND (?1 IS NULL OR status = ?1)" \
		" AND (?4 IS NULL OR due >= ?4) AND (?5 IS NULL OR (due > '' AND due < ?5))" \
		" AND (?6 = 0 OR department_id = ?6) AND (?7 = 0 OR person_id = ?7)") \
	X(ACTION_COUNT_ALL, "SELECT count(*), coalesce(sum(late), 0) FROM (" \
		ACTION_IDS(ACTION_ANY_STATUS) ")") \
	X(HOLD_GET, "SELECT token, user, host, pid, since, seen_at, token = ?2" \
		" FROM meeting_holds WHERE meeting_id = ?1") \
	/* ?7: the token of the hold being taken over (NULL: only when nobody holds it) */ \
	X(HOLD_TAKE, "INSERT INTO meeting_holds(meeting_id, token, user, host, pid, since, seen_at)" \
		" SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?6 FROM meetings WHERE id = ?1" \
		" AND status = 'in_progress' ON CONFLICT(meeting_id) DO UPDATE SET" \
		" token = excluded.token, user = excluded.user, host = excluded.host," \
		" pid = excluded.pid, since = excluded.since, seen_at = excluded.seen_at" \
		" WHERE meeting_holds.token = ?7 OR meeting_holds.token = ?2") \
	X(HOLD_BEAT, "UPDATE meeting_holds SET seen_at = ?1 WHERE meeting_id = ?2 AND token = ?3" \
		" AND seen_at <> ?1") \
	X(HOLD_MINE, "SELECT 1 FROM meeting_holds h JOIN meetings m ON m.id = h.meeting_id" \
		" WHERE h.meeting_id = ?1 AND h.token = ?2 AND m.status = 'in_progress'") \
	X(HOLD_RELEASE, "DELETE FROM meeting_holds WHERE meeting_id = ? AND token = ?") \
	X(HOLD_WHY, "SELECT h.user, h.host, h.since FROM meetings m" \
		" LEFT JOIN meeting_holds h ON h.meeting_id = m.id WHERE m.status = 'in_progress'") \
	X(HOLD_END, "DELETE FROM meeting_holds WHERE meeting_id = ?") \
	X(DATA_VERSION, "PRAGMA data_version") \
	X(DRAFT_SAVE, "INSERT INTO meeting_drafts(meeting_id, step_id, kind, text, detail, saved_at)" \
		" VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(meeting_id) DO UPDATE SET" \
		" step_id = excluded.step_id, kind = excluded.kind, text = excluded.text," \
		" detail = excluded.detail, saved_at = excluded.saved_at") \
	X(DRAFT_GET, "SELECT step_id, kind, text, detail, saved_at FROM meeting_drafts" \
		" WHERE meeting_id = ?") \
	X(DRAFT_CLEAR, "DELETE FROM meeting_drafts WHERE meeting_id = ?") \
	X(CACHE_SMALL, "PRAGMA cache_size = -2048") \
	/* The full-text index's own records, for its terms (fts_terms in
	 * store_item.c): the structure record with the format's version, the
	 * leaf page whose key is the greatest not above ?2 in segment ?1, the
	 * later ones with a key below ?3, and one leaf. */ \
	X(FTS_STRUCTURE, "SELECT block, (SELECT v FROM items_fts_config WHERE k = 'version')" \
		" FROM items_fts_data WHERE id = 10") \
	X(FTS_PAGE_FLOOR, "SELECT pgno, term FROM items_fts_idx WHERE segid = ?1 AND term <= ?2" \
		" ORDER BY term DESC LIMIT 1") \
	X(FTS_PAGES_NEXT, "SELECT pgno FROM items_fts_idx WHERE segid = ?1 AND term > ?2" \
		" AND term < ?3 ORDER BY term") \
	X(FTS_PAGE, "SELECT block FROM items_fts_data WHERE id = ?1") \
	X(DEC_DUE_F, DECISION_DUE " AND (i.revisit_on, i.id) > (?10, ?11)" \
		" ORDER BY i.revisit_on, i.id LIMIT ?12") \
	X(DEC_DUE_B, DECISION_DUE " AND (i.revisit_on, i.id) < (?10, ?11)" \
		" ORDER BY i.revisit_on DESC, i.id DESC LIMIT ?12") \
	/* The same two parts for one department (?2): read on that department's
	 * decisions alone, not on every decision filtered. */ \
	X(DEC_DUE_DEPT_F, DECISION_DUE_DEPT " AND (i.revisit_on, i.id) > (?10, ?11)" \
		" ORDER BY i.revisit_on, i.id LIMIT ?12") \
	X(DEC_DUE_DEPT_B, DECISION_DUE_DEPT " AND (i.revisit_on, i.id) < (?10, ?11)" \
		" ORDER BY i.revisit_on DESC, i.id DESC LIMIT ?12") \
	X(DEC_REST_DEPT_F, DECISION_SELECT " FROM items i INDEXED BY items_department" \
		DECISION_JOINS " WHERE i.department_id = ?2 AND " DECISION_REST \
		" AND i.id < ?11 ORDER BY i.id DESC LIMIT ?12") \
	X(DEC_REST_DEPT_B, DECISION_SELECT " FROM items i INDEXED BY items_department" \
		DECISION_JOINS " WHERE i.department_id = ?2 AND " DECISION_REST \
		" AND i.id > ?11 ORDER BY i.id LIMIT ?12") \
	/* The two parts with words and a window's reach (?14): read from the
	 * window's matches (DEC_MATCHES), sorted among them (at most the
	 * window's decisions), not on the decisions' indexes filtered by the
	 * words, which walk every decision due, or all before the floor. */ \
	X(DEC_W_DUE_F, DEC_W_PAGE(DEC_MATCHES(""), DECISION_DUE_OWN \
		" AND (i.revisit_on, i.id) > (?10, ?11)", "i.revisit_on, i.id", "k.k, k.id")) \
	X(DEC_W_DUE_B, DEC_W_PAGE(DEC_MATCHES(""), DECISION_DUE_OWN \
		" AND (i.revisit_on, i.id) < (?10, ?11)", "i.revisit_on DESC, i.id DESC", \
		"k.k DESC, k.id DESC")) \
	X(DEC_W_REST_F, DEC_W_REST("f.rowid < ?11", "f.rowid DESC")) \
	X(DEC_W_REST_B, DEC_W_REST("f.rowid > ?11", "f.rowid")) \
	X(DEC_REST_F, DECISION_SELECT " FROM items i INDEXED BY items_decisions" DECISION_JOINS \
		" WHERE " DECISION_REST " AND i.id < ?11 ORDER BY i.id DESC LIMIT ?12") \
	X(DEC_REST_B, DECISION_SELECT " FROM items i INDEXED BY items_decisions" DECISION_JOINS \
		" WHERE " DECISION_REST " AND i.id > ?11 ORDER BY i.id LIMIT ?12") \
	/* Every decision the filter's department (?2) and superseded (?3) choose,
	 * due or not, from item_tally (kept by triggers, schema.c). */ \
	X(DEC_TOTAL, "SELECT coalesce(sum(n), 0) FROM item_tally WHERE kind = 'decision'" \
		" AND (?2 IS NULL OR department_id = ?2) AND (?3 OR NOT superseded)") \
	/* The decisions due for a revisit by ?1 of department ?2 (NULL: all),
	 * without words: revisit_tally's years before ?1's, and ?1's year read on
	 * items_revisit (kept by triggers, schema.c). */ \
	X(DEC_DUE_TALLY, "SELECT (SELECT coalesce(sum(n), 0) FROM revisit_tally" \
		"   WHERE (?2 IS NULL OR department_id = ?2) AND year < substr(?1, 1, 4))" \
		" + (SELECT count(*) FROM items i INDEXED BY items_revisit" \
		"   WHERE i.kind = 'decision' AND i.revisit_on >= substr(?1, 1, 4)" \
		"   AND i.revisit_on <= ?1 AND i.superseded_by IS NULL AND i.deleted_at IS NULL" \
		"   AND (?2 IS NULL OR i.department_id = ?2))") \
	/* The items holding the words ?9, the newest first, whether each is a
	 * decision in the log (told on items_decisions), and for a decision
	 * (its row then read) whether the filter counts it due, counts it among
	 * the rest (department ?2, superseded ones when ?3): read until the
	 * window's decisions are found, counted on the way (the counts of
	 * DEC_WORDS_COUNTS for the window, in the same pass). */ \
	X(DEC_WORDS_NEWEST, "SELECT f.rowid, d.id IS NOT NULL," \
		" coalesce(" DECISION_IS_DUE " AND (?2 IS NULL OR i.department_id = ?2), 0)," \
		" coalesce(NOT " DECISION_IS_DUE " AND (?3 OR i.superseded_by IS NULL)" \
		" AND (?2 IS NULL OR i.department_id = ?2), 0)" \
		" FROM items_fts f LEFT JOIN items d INDEXED BY items_decisions ON d.id = f.rowid" \
		" AND d.kind = 'decision' AND d.deleted_at IS NULL LEFT JOIN items i ON i.id = d.id" \
		" WHERE items_fts MATCH ?9 ORDER BY f.rowid DESC") \
	/* (With words only: the due ones and the rest in one pass, the rows of
	 * decisions alone read, found on items_decisions.) */ \
	X(DEC_WORDS_COUNTS, "SELECT count(*) FILTER (WHERE " DECISION_IS_DUE ")," \
		" count(*) FILTER (WHERE NOT " DECISION_IS_DUE " AND (?3 OR i.superseded_by IS NULL))" \
		" FROM (" DEC_MATCHES("") ") w CROSS JOIN items d INDEXED BY items_decisions" \
		" ON d.id = w.id AND d.kind = 'decision' AND d.deleted_at IS NULL" \
		" CROSS JOIN items i ON i.id = w.id WHERE i.kind = 'decision' AND i.deleted_at IS NULL" \
		" AND (?2 IS NULL OR i.department_id = ?2)") \
	X(DEC_LINKS, "SELECT o.id, o.kind, o.status, l.kind, 1, o.text FROM item_links l" \
		" JOIN items o ON o.id = l.to_item WHERE l.from_item = ?1 AND o.deleted_at IS NULL" \
		" UNION ALL SELECT o.id, o.kind, o.status, l.kind, 0, o.text FROM item_links l" \
		" JOIN items o ON o.id = l.from_item WHERE l.to_item = ?1 AND o.deleted_at IS NULL" \
		" ORDER BY 1") \
	X(DEC_SUPERSEDES, "SELECT i.id, i.created_at, i.text, d.name FROM items i" \
		" LEFT JOIN departments d ON d.id = i.department_id" \
		" WHERE i.superseded_by = ? AND i.deleted_at IS NULL ORDER BY i.id") \
	X(DEC_LATER, "SELECT i.id, i.created_at, i.text, d.name FROM items i" \
		" INDEXED BY items_decisions LEFT JOIN departments d ON d.id = i.department_id" \
		" WHERE i.kind = 'decision' AND i.deleted_at IS NULL AND i.id <> ?1" \
		" AND i.created_at >= ?2 ORDER BY i.id DESC LIMIT ?3") \
	X(DEC_SET_REVISIT, "UPDATE items SET revisit_on = ?, updated_at = ? WHERE id = ?" \
		" AND kind = 'decision' AND deleted_at IS NULL") \
	X(HISTORY_F, HISTORY_SELECT HISTORY_WHERE " AND (m.started_at, m.id) < (?10, ?11)" \
		" ORDER BY m.started_at DESC, m.id DESC LIMIT ?12") \
	X(HISTORY_B, HISTORY_SELECT HISTORY_WHERE " AND (m.started_at, m.id) > (?10, ?11)" \
		" ORDER BY m.started_at, m.id LIMIT ?12") \
	X(HISTORY_COUNT, "SELECT count(*) FROM meetings m" HISTORY_WHERE) \
	X(SEARCH_F, SEARCH_SELECT " AND f.rowid < ?11 ORDER BY f.rowid DESC LIMIT ?12") \
	X(SEARCH_B, SEARCH_SELECT " AND f.rowid > max(?11, ?4 - 1) ORDER BY f.rowid LIMIT ?12") \
	X(SEARCH_PLAIN_F, SEARCH_PLAIN_SELECT " AND f.rowid < ?11 ORDER BY f.rowid DESC LIMIT ?12") \
	X(SEARCH_PLAIN_B, SEARCH_PLAIN_SELECT " AND f.rowid > max(?11, ?4 - 1) ORDER BY f.rowid LIMIT ?12") \
	X(SEARCH_COUNT, "SELECT count(*)" SEARCH_FROM) \
	X(SEARCH_NEWEST, "SELECT f.rowid" SEARCH_FROM " ORDER BY f.rowid DESC LIMIT ?5") \
	X(SEARCH_LIST, "SELECT i.id, i.kind, i.text, i.department_id, i.person_id, i.meeting_id," \
		" i.created_at, d.name, p.name, m.started_at" SEARCH_FROM \
		" ORDER BY f.rowid DESC LIMIT ?12") \
	X(CHECK, "SELECT integrity_check FROM pragma_integrity_check WHERE integrity_check <> 'ok'" \
		" UNION ALL SELECT 'row ' || coalesce(rowid, '?') || ' of ' || \"table\"" \
		" || ' refers to a missing row of ' || parent FROM pragma_foreign_key_check")

#endif
