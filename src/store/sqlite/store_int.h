/* store_int.h - private to the store: the table of prepared statements and the
 * helpers the store's files share. Nothing outside src/store/sqlite includes this. */
#ifndef CXMEET_STORE_INT_H
#define CXMEET_STORE_INT_H

#include <stdio.h>

#include <sqlite3.h>

#include "cxmeet/store.h"
#include "../backend.h"
#include "cxmeet/util.h"

/* Every statement the store runs, prepared at open and finalised at close.
 * User data only ever reaches SQL through the ? parameters. */
#define STORE_STATEMENTS(X) \
	X(BEGIN, "BEGIN IMMEDIATE") \
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
		" coalesce(t.on_time, 0), coalesce(t.open, 0), coalesce(t.overdue, 0)" \
		" FROM people p LEFT JOIN departments d ON d.id = p.department_id" \
		" LEFT JOIN (SELECT person_id," \
		"   sum(n) FILTER (WHERE kind = 'win') AS wins," \
		"   sum(n) FILTER (WHERE kind = 'action') AS actions," \
		"   sum(n) FILTER (WHERE kind = 'action' AND status = 'done') AS done," \
		"   sum(n) FILTER (WHERE kind = 'action' AND status = 'done' AND on_time) AS on_time," \
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
	X(MEETING_ADD, "INSERT INTO meetings(template_id, status, started_at, facilitator_id)" \
		" VALUES (?, 'in_progress', ?, ?)") \
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
		" (SELECT rating IS NOT NULL FROM meetings WHERE id = ?1)") \
	X(ATTEND_SET, "INSERT INTO attendance(meeting_id, person_id, department_id, present)" \
		" SELECT ?1, id, department_id, ?3 FROM people WHERE id = ?2" \
		" ON CONFLICT(meeting_id, person_id) DO UPDATE SET present = excluded.present") \
	X(ATTEND_LIST, "SELECT person_id FROM attendance WHERE meeting_id = ? AND present = 1" \
		" ORDER BY person_id") \
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
	X(ITEM_SEARCH, ITEM_SELECT " JOIN items_fts f ON f.rowid = i.id WHERE items_fts MATCH ?" \
		" AND i.deleted_at IS NULL ORDER BY i.created_at DESC, i.id DESC LIMIT ?") \
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
	X(CARRY_OPEN, "INSERT INTO item_events(item_id, event, at, meeting_id, by)" \
		" SELECT id, 'carried', ?1, ?2, ?3 FROM items WHERE kind = 'action'" \
		" AND status = 'open' AND deleted_at IS NULL AND coalesce(meeting_id, 0) <> ?2") \
	X(LINK_ADD, "INSERT OR IGNORE INTO item_links(from_item, to_item, kind, created_at)" \
		" VALUES (?, ?, ?, ?)") \
	X(LINK_LIST, "SELECT to_item, kind FROM item_links WHERE from_item = ?1" \
		" UNION ALL SELECT from_item, kind FROM item_links WHERE to_item = ?1") \
	X(EVENT_ADD, "INSERT INTO item_events(item_id, event, at, meeting_id, by, old_value," \
		" new_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)") \
	X(EVENT_LIST, "SELECT id, item_id, event, at, meeting_id, by, old_value, new_value, reason" \
		" FROM item_events WHERE item_id = ? ORDER BY id") \
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
	X(HELD_MEETINGS, "SELECT id, started_at, rating, next_meeting_on FROM meetings" \
		" WHERE status = 'completed' ORDER BY started_at, id") \
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
	X(DEC_W_REST_F, DEC_W_PAGE(DEC_MATCHES(" AND rowid < ?11"), DECISION_REST_OWN, \
		"w.id DESC", "k.id DESC")) \
	X(DEC_W_REST_B, DEC_W_PAGE(DEC_MATCHES(" AND rowid > ?11"), DECISION_REST_OWN, "w.id", \
		"k.id")) \
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

/* The last ?1 completed meetings (served by meetings_started). */
#define WINDOW_MEETINGS \
	"SELECT id FROM meetings WHERE status = 'completed' ORDER BY started_at DESC, id DESC" \
	" LIMIT ?1"
/* Open actions (not deleted) but those of meeting ?1. */
#define OPEN_ACTIONS \
	ITEM_SELECT " WHERE i.kind = 'action' AND i.status = 'open'" \
	" AND i.deleted_at IS NULL AND i.meeting_id IS NOT ?1"
/* A search hit: the item without the counts of its events (0, which no list
 * of hits shows: they cost two reads of item_events per hit), its meeting's
 * start and (SEARCH_SELECT) its text with the matches marked, or
 * (SEARCH_PLAIN_SELECT) none. */
#define SEARCH_SELECT \
	"SELECT " ITEM_OWN_COLUMNS ", 0, 0, m.started_at," \
	" highlight(items_fts, 0, char(1), char(2))" SEARCH_FROM
#define SEARCH_PLAIN_SELECT \
	"SELECT " ITEM_OWN_COLUMNS ", 0, 0, m.started_at, NULL" SEARCH_FROM
/* The decisions due for a revisit on ?1, of department ?2 (NULL: all),
 * holding the words ?9 (NULL: any). */
#define DECISION_DUE \
	DECISION_SELECT " FROM items i INDEXED BY items_revisit" DECISION_JOINS \
	" WHERE i.kind = 'decision' AND i.revisit_on <= ?1 AND i.superseded_by IS NULL" \
	" AND i.deleted_at IS NULL AND (?2 IS NULL OR i.department_id = ?2)" DECISION_WORDS
#define DECISION_DUE_OWN \
	"i.kind = 'decision' AND i.revisit_on <= ?1 AND i.superseded_by IS NULL" \
	" AND i.deleted_at IS NULL AND (?2 IS NULL OR i.department_id = ?2)"
/* The items holding the words ?9 from the window's floor ?13 on, the newest
 * ?14 (the window's reach; -1: all), with `cond` on their ids: the set the
 * decision log's search reads, of the window's size, not history's. */
#define DEC_MATCHES(cond) \
	"SELECT rowid AS id FROM items_fts WHERE items_fts MATCH ?9 AND rowid >= ?13" cond \
	" ORDER BY rowid DESC LIMIT ?14"
/* A page of the decision log with words and a window's reach: the ids (and
 * revisit dates) of the page found among the window's matches, the rows of
 * decisions alone read (told on items_decisions), sorted by `order`; then
 * their columns, for the page's rows alone. */
#define DEC_W_PAGE(matches, cond, order, outer) \
	DECISION_SELECT " FROM (SELECT i.id AS id, i.revisit_on AS k FROM (" matches ") w" \
	" CROSS JOIN items d INDEXED BY items_decisions ON d.id = w.id AND d.kind = 'decision'" \
	" AND d.deleted_at IS NULL CROSS JOIN items i ON i.id = w.id WHERE " cond \
	" ORDER BY " order " LIMIT ?12) k CROSS JOIN items i ON i.id = k.id" DECISION_JOINS \
	" ORDER BY " outer
/* DECISION_DUE for one department ?2, on items_revisit_dept. */
#define DECISION_DUE_DEPT \
	DECISION_SELECT " FROM items i INDEXED BY items_revisit_dept" DECISION_JOINS \
	" WHERE i.kind = 'decision' AND i.department_id = ?2 AND i.revisit_on <= ?1" \
	" AND i.superseded_by IS NULL AND i.deleted_at IS NULL" DECISION_WORDS
/* The decision log's row (store_decisions.c reads it in this order); links
 * count both directions and leave deleted items out. */
#define DECISION_SELECT \
	"SELECT i.id, i.created_at, i.meeting_id, m.started_at, i.department_id, d.name," \
	" i.person_id, p.name, i.text, i.rationale, i.revisit_on, i.superseded_by, s.text," \
	" (SELECT count(*) FROM item_links l JOIN items o ON o.id = l.to_item" \
	"   WHERE l.from_item = i.id AND o.deleted_at IS NULL)" \
	" + (SELECT count(*) FROM item_links l JOIN items o ON o.id = l.from_item" \
	"   WHERE l.to_item = i.id AND o.deleted_at IS NULL)"
#define DECISION_JOINS \
	" LEFT JOIN departments d ON d.id = i.department_id" \
	" LEFT JOIN people p ON p.id = i.person_id" \
	" LEFT JOIN meetings m ON m.id = i.meeting_id" \
	" LEFT JOIN items s ON s.id = i.superseded_by"
/* The decisions not due for a revisit on ?1, of department ?2 (NULL: all),
 * superseded ones only when ?3, holding the words ?9 (NULL: any). */
#define DECISION_REST DECISION_REST_OWN DECISION_WORDS
#define DECISION_IS_DUE "coalesce(i.revisit_on <= ?1 AND i.superseded_by IS NULL, 0)"
#define DECISION_REST_OWN \
	"i.kind = 'decision' AND i.deleted_at IS NULL AND NOT " DECISION_IS_DUE \
	" AND (?2 IS NULL OR i.department_id = ?2) AND (?3 OR i.superseded_by IS NULL)"
/* Only the decisions whose text, detail or rationale hold the words ?9 (an
 * FTS5 query; NULL: all), from id ?13 on (0: all; a window of the newest
 * matches, so that no more than the window's matches are gathered, once per
 * statement). */
#define DECISION_WORDS \
	" AND (?9 IS NULL OR (i.id >= ?13 AND i.id IN (SELECT rowid FROM items_fts" \
	"   WHERE items_fts MATCH ?9 AND rowid >= ?13)))"
#define PERSON_SELECT \
	"SELECT p.id, p.name, p.department_id, d.name, p.role, p.email, p.influence, p.support," \
	" p.archived_at IS NOT NULL FROM people p LEFT JOIN departments d ON d.id = p.department_id"
#define MEETING_SELECT \
	"SELECT id, template_id, status, started_at, ended_at, facilitator_id, rating," \
	" next_meeting_on, current_step FROM meetings"
/* slips: due date moved later; carried: meetings it reached unfinished. */
#define ITEM_SELECT "SELECT " ITEM_COLUMNS ITEM_FROM
#define ITEM_COLUMNS \
	ITEM_OWN_COLUMNS "," \
	" (SELECT count(*) FROM item_events e WHERE e.item_id = i.id AND e.event = 'due_moved'" \
	"   AND e.new_value > e.old_value)," \
	" (SELECT count(*) FROM item_events e WHERE e.item_id = i.id AND e.event = 'carried')"
/* The item's own row with its department's and person's names: the
 * columns of ITEM_COLUMNS but the counts of its events. */
#define ITEM_OWN_COLUMNS \
	"i.id, i.kind, i.text, i.detail, i.rationale, i.department_id, i.person_id," \
	" i.due_on, i.revisit_on, i.superseded_by, i.rank, i.status, i.consent, i.meeting_id," \
	" i.step_id, i.created_at, i.closed_at, i.deleted_at, d.name, p.name"
#define ITEM_FROM \
	" FROM items i" \
	" LEFT JOIN departments d ON d.id = i.department_id" \
	" LEFT JOIN people p ON p.id = i.person_id"
/* History (store_history.c): one row per meeting, newest first, with what the
 * list shows; ?1 since (a time, NULL: all), ?2 a department that attended (0:
 * any). Every count is served by the meeting's own rows (attendance's key,
 * items_meeting): named, because the planner would otherwise take the index
 * on kind alone (dec_items_kind) and read every decision of every meeting for
 * each meeting's count. The departments' names are joined by a unit separator
 * written as a literal: char(31) would be called again for every name. */
#define HISTORY_SELECT \
	"SELECT m.id, m.started_at, m.ended_at, m.status, m.rating," \
	" (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.present = 1)," \
	" 0," /* the departments are counted from their names (read_summary) */ \
	" (SELECT group_concat(name, '\x1f') FROM (SELECT DISTINCT d.name AS name" \
	"   FROM attendance a JOIN departments d ON d.id = a.department_id" \
	"   WHERE a.meeting_id = m.id AND a.present = 1 ORDER BY d.name_key))," \
	HISTORY_KIND_COUNT("decision") "," HISTORY_KIND_COUNT("action") "," \
	HISTORY_KIND_COUNT("win") " FROM meetings m"
#define HISTORY_KIND_COUNT(kind) \
	" (SELECT count(*) FROM items i WHERE i.meeting_id = m.id AND i.kind = '" kind "'" \
	"   AND i.deleted_at IS NULL)"
#define HISTORY_WHERE \
	" WHERE (?1 IS NULL OR m.started_at >= ?1) AND (?2 = 0 OR EXISTS (SELECT 1" \
	"   FROM attendance a WHERE a.meeting_id = m.id AND a.department_id = ?2" \
	"   AND a.present = 1))"
/* Search: ?1 an FTS5 query built by the store from the user's words (every
 * word a quoted string), ?2 a department (0: any), ?3 a kind (NULL: any), ?4
 * the oldest item id of the window searched (0: all). */
#define SEARCH_FROM \
	" FROM items_fts f JOIN items i ON i.id = f.rowid" \
	" LEFT JOIN departments d ON d.id = i.department_id" \
	" LEFT JOIN people p ON p.id = i.person_id" \
	" LEFT JOIN meetings m ON m.id = i.meeting_id" \
	" WHERE items_fts MATCH ?1 AND i.deleted_at IS NULL" \
	" AND (?2 = 0 OR i.department_id = ?2) AND (?3 IS NULL OR i.kind = ?3)" \
	" AND f.rowid >= ?4"
/* (Read forward, the page's start and the window's floor are one bound: the
 * full-text index takes one lower bound on rowid, and given the page's, it
 * read every match below the floor to drop it.) */

/* The action list (store_actions.c): ?1 status (NULL for every status),
 * ?4..?5 due from / before (NULL: no bound), ?6 department, ?7 owner (0:
 * any), ?8 today. ACTION_IDS picks the ids on an index: the department's
 * (items_department) or the owner's (items_person) when filtered by one, else
 * items_kind_status_due; the branches not asked for cost nothing, their
 * parameter test failing before any row is read. The page's ids are sorted
 * (overdue first, then by due date) before the full rows, with their slip
 * and carried counts, are read. */
#define ACTION_ONE_STATUS " AND status = ?1 AND deleted_at IS NULL"
#define ACTION_ANY_STATUS " AND deleted_at IS NULL AND ?1 IS NULL"
#define ACTION_DUE \
	" AND (?4 IS NULL OR due_on >= ?4) AND (?5 IS NULL OR due_on < ?5)"
#define ACTION_ID_COLS "SELECT id, due_on, status = 'open' AND due_on < ?8 AS late FROM items"
#define ACTION_IDS(status) \
	ACTION_ID_COLS " WHERE ?6 = 0 AND ?7 = 0 AND kind = 'action'" status ACTION_DUE \
	" UNION ALL " ACTION_ID_COLS " INDEXED BY items_department WHERE ?6 <> 0" \
	" AND department_id = ?6 AND kind = 'action'" status ACTION_DUE \
	" AND (?7 = 0 OR person_id = ?7)" \
	" UNION ALL " ACTION_ID_COLS " INDEXED BY items_person WHERE ?6 = 0 AND ?7 <> 0" \
	" AND person_id = ?7 AND kind = 'action'" status ACTION_DUE
/* The action list's order (overdue first, by due date; then the rest by due
 * date, those with none first; then the open ones with no due date) as four
 * parts, each a keyset page in (due_on, id) order, forward (_F) or reversed
 * (_B). Each part merges one branch per status, each read in order on an
 * index (items_kind_status_due, or items_person_record for one owner), so no
 * page sorts more than its own rows; a department filter is a test on the
 * rows read. The branches not asked for (?1: one status, NULL: all; ?7: an
 * owner, 0: any) cost nothing: their parameter test fails before any row. */
#define ACTION_PARTS(X) \
	X(ACTION_LATE_F, ACTION_PART(ACTION_OPEN(ACTION_LATE_KEY_F), "")) \
	X(ACTION_LATE_B, ACTION_PART(ACTION_OPEN(ACTION_LATE_KEY_B), " DESC")) \
	X(ACTION_NODUE_F, ACTION_PART(ACTION_CLOSED("due_on IS NULL AND id > ?11"), "")) \
	X(ACTION_NODUE_B, ACTION_PART(ACTION_CLOSED("due_on IS NULL AND id < ?11"), " DESC")) \
	X(ACTION_REST_F, ACTION_PART(ACTION_OPEN(ACTION_AHEAD_KEY_F) " UNION ALL " \
		ACTION_CLOSED("due_on IS NOT NULL AND " ACTION_KEY(">")), "")) \
	X(ACTION_REST_B, ACTION_PART(ACTION_OPEN(ACTION_AHEAD_KEY_B) " UNION ALL " \
		ACTION_CLOSED("due_on IS NOT NULL AND " ACTION_KEY("<")), " DESC")) \
	X(ACTION_UNDATED_F, ACTION_PART(ACTION_OPEN("due_on IS NULL AND id > ?11"), "")) \
	X(ACTION_UNDATED_B, ACTION_PART(ACTION_OPEN("due_on IS NULL AND id < ?11"), " DESC"))
/* The action list read in one pass (sqlite_actions_stream_begin), in the same
 * four parts and order, for every owner (one owner's list is read a page at a
 * time on items_person_record): each part one statement over all its rows,
 * whose branches (one per status, each read in order on
 * items_kind_status_due) are merged by the compound's ORDER BY (8: due_on,
 * 1: id) as the full rows are read: nothing is materialised or sorted. */
#define ACTION_STREAM(X) \
	X(ACTION_LIST_LATE, ACTION_S_OPEN("i.due_on < ?8") " ORDER BY 8, 1") \
	X(ACTION_LIST_NODUE, ACTION_S_CLOSED("i.due_on IS NULL") " ORDER BY 1") \
	X(ACTION_LIST_REST, ACTION_S_OPEN("i.due_on >= ?8") " UNION ALL " \
		ACTION_S_CLOSED("i.due_on IS NOT NULL") " ORDER BY 8, 1") \
	X(ACTION_LIST_UNDATED, ACTION_S_OPEN("i.due_on IS NULL") " ORDER BY 1")
#define ACTION_S_OPEN(cond) ACTION_S_STATUS("open", cond)
#define ACTION_S_CLOSED(cond) \
	ACTION_S_STATUS("done", cond) " UNION ALL " ACTION_S_STATUS("dropped", cond) \
	" UNION ALL " ACTION_S_STATUS("closed", cond)
#define ACTION_S_STATUS(status, cond) \
	ACTION_S_ROW("items_kind_status_due") " WHERE ?7 = 0" ACTION_S_WHERE(status) " AND " cond
/* An action as the lists read it: the item, its department's and owner's
 * names, how often its due date slipped and it was carried, its meeting's
 * start (read_row in store_actions.c). */
#define ACTION_ROW_COLUMNS \
	ACTION_COLUMNS("i.detail, i.rationale", "i.created_at, i.closed_at, i.deleted_at")
/* The same for the lists read in one pass (ACTION_STREAM), which write
 * neither the detail nor the rationale nor when an action was recorded or
 * closed: NULL, not read from every row to be copied or parsed and dropped. */
#define ACTION_STREAM_COLUMNS ACTION_COLUMNS("NULL, NULL", "NULL, NULL, NULL")
#define ACTION_COLUMNS(detail_rationale, times) \
	"SELECT i.id, i.kind, i.text, " detail_rationale ", i.department_id, i.person_id," \
	" i.due_on, i.revisit_on, i.superseded_by, i.rank, i.status, i.consent, i.meeting_id," \
	" i.step_id, " times ", d.name, p.name," \
	" (SELECT count(*) FROM item_events e WHERE e.item_id = i.id AND e.event = 'due_moved'" \
	"   AND e.new_value > e.old_value)," \
	" (SELECT count(*) FROM item_events e WHERE e.item_id = i.id AND e.event = 'carried')," \
	" m.started_at"
#define ACTION_S_WHERE(status) \
	" AND (?1 IS NULL OR ?1 = '" status "') AND i.kind = 'action'" \
	" AND i.status = '" status "' AND i.deleted_at IS NULL" \
	" AND (?6 = 0 OR i.department_id = ?6) AND (?4 IS NULL OR i.due_on >= ?4)" \
	" AND (?5 IS NULL OR i.due_on < ?5)"
#define ACTION_S_ROW(index) \
	ACTION_STREAM_COLUMNS " FROM items i INDEXED BY " index \
	" LEFT JOIN departments d ON d.id = i.department_id" \
	" LEFT JOIN people p ON p.id = i.person_id" \
	" LEFT JOIN meetings m ON m.id = i.meeting_id"
#define ACTION_KEY(cmp) "(due_on, id) " cmp " (?10, ?11)"
/* Overdue (before ?8), and due today or later: the key, or the day, whichever
 * bound is nearer, so that the index is entered there. */
#define ACTION_LATE_KEY_F ACTION_KEY(">") " AND due_on < ?8"
#define ACTION_LATE_KEY_B \
	"(due_on, id) < (min(?10, ?8), CASE WHEN ?10 < ?8 THEN ?11 ELSE " ACTION_ID_MIN " END)"
#define ACTION_AHEAD_KEY_F \
	"(due_on, id) > (max(?10, ?8), CASE WHEN ?10 >= ?8 THEN ?11 ELSE " ACTION_ID_MIN " END)"
#define ACTION_AHEAD_KEY_B ACTION_KEY("<") " AND due_on >= ?8"
#define ACTION_ID_MIN "-9223372036854775807 - 1"
#define ACTION_OPEN(cond) ACTION_STATUS("open", cond)
#define ACTION_CLOSED(cond) \
	ACTION_STATUS("done", cond) " UNION ALL " ACTION_STATUS("dropped", cond) \
	" UNION ALL " ACTION_STATUS("closed", cond)
#define ACTION_STATUS(status, cond) \
	"SELECT id, due_on FROM items INDEXED BY items_kind_status_due WHERE ?7 = 0" \
	ACTION_WHERE(status) " AND " cond \
	" UNION ALL SELECT id, due_on FROM items INDEXED BY items_person_record WHERE ?7 <> 0" \
	" AND person_id = ?7" ACTION_WHERE(status) " AND " cond
#define ACTION_WHERE(status) \
	" AND (?1 IS NULL OR ?1 = '" status "') AND kind = 'action' AND status = '" status "'" \
	" AND deleted_at IS NULL AND (?6 = 0 OR department_id = ?6)" ACTION_DUE
#define ACTION_PART(ids, dir) \
	ACTION_ROW_COLUMNS " FROM (" ids " ORDER BY due_on" dir ", id" dir " LIMIT ?12) k" \
	" JOIN items i ON i.id = k.id" \
	" LEFT JOIN departments d ON d.id = i.department_id" \
	" LEFT JOIN people p ON p.id = i.person_id" \
	" LEFT JOIN meetings m ON m.id = i.meeting_id" \
	" ORDER BY k.due_on" dir ", k.id" dir

enum stmt_id {
#define X(name, sql) STMT_##name,
	STORE_STATEMENTS(X)
#undef X
	STMT_COUNT
};

/* An open SQLite store: the handle every operation is given (struct store,
 * its ops this backend's), then what the backend keeps. */
struct sqlite_store {
	struct store base;
	sqlite3 *db;
	char *path;
	sqlite3_stmt *stmt[STMT_COUNT];
	int tx_depth;     /* nesting of sqlite_begin / tx_begin */
	bool tx_failed;   /* an inner step failed: the outer commit rolls back */
	char *actor;
	char errmsg[512];
	/* The first statement that failed to compile: what every later use of it
	 * reports, instead of handing SQLite a NULL statement. */
	enum store_rc prep_rc;
	char prep_err[512];
	int schema_cookie; /* PRAGMA schema_version when the schema was last verified */
	int version;       /* the file's schema version (older only for sqlite_check) */
	FILE *trace; /* $CXMEET_TRACE_SQL: every statement run, for the benchmark */
	/* This instance, as a meeting's hold names it (store_hold.c). */
	char token[33];
	char host[128];
	bool holds; /* its hold checks are made (hold_ensure) */
	/* A bulk write (sqlite_bulk_begin) runs: the SQL that makes again the
	 * triggers keeping the full-text index in step, dropped until its end. */
	bool bulk;
	char *bulk_fts;
	int bulk_cache; /* the cache_size to put back at its end; 0: none */
	struct bulk_events *bulk_ev; /* its events not written yet (store_bulk.c) */
	bool fts_vocab; /* temp.cx_items_vocab made (store_item.c) */
	int wal_frames; /* frames in the log since its last copy, when deferred (sqlite_defer_checkpoints) */
	struct fts_memo { /* the last search query built (store_item.c) */
		char *words, *query;
		int64_t stamp;
		bool every_prefix;
	} fts_memo;
};

/* The SQLite store behind a handle this backend opened. */
#define SQ(st) ((struct sqlite_store *)(st))

/* The operations (STORE_OPS) as this backend does them: sqlite_NAME for
 * store_NAME, in its table sqlite_ops (store.c). */
#define SQLITE_DECLARE_X(name, params, args) enum store_rc sqlite_##name params;
#define SQLITE_DECLARE_R(type, name, params, args) type sqlite_##name params;
#define SQLITE_DECLARE_V(name, params, args) void sqlite_##name params;
STORE_OPS(SQLITE_DECLARE_X, SQLITE_DECLARE_R, SQLITE_DECLARE_V)
#undef SQLITE_DECLARE_X
#undef SQLITE_DECLARE_R
#undef SQLITE_DECLARE_V
extern const struct store_ops sqlite_ops;

/* Long work (store_set_progress): between long_work_begin and
 * long_work_end, SQLite's progress handler tells the time taken. */
struct long_work {
	const char *what;
	struct timespec start, last;
	bool shown;
};
void long_work_begin(struct store *st, struct long_work *w, const char *what);
void long_work_end(struct store *st, struct long_work *w);

/* The end of a bulk write: builds the full-text index and makes the
 * triggers again (tx_end calls it before a commit); bulk_forget, after a
 * rollback (which made them again). */
enum store_rc bulk_finish(struct store *st);
void bulk_forget(struct store *st);
/* A bulk write's events (event_add) are kept and written many to a
 * statement, in the order given, so their ids are the ones one row at a
 * time gives; bulk_events_write writes those kept. The store writes them
 * before any of its statements that names item_events (stmt_get), at the
 * end of the bulk write, and when the actor changes. */
enum store_rc bulk_event_add(struct store *st, store_id item, enum event_kind kind, time_t at,
			     store_id meeting, const char *old_value, const char *new_value,
			     const char *reason);
enum store_rc bulk_events_write(struct store *st);
/* Forgets the events kept, unwritten (a rollback, or closing). */
void bulk_events_drop(struct store *st);
/* This connection's hold checks, dropped and made again (store_hold.c). */
enum store_rc hold_checks_drop(struct store *st);
enum store_rc hold_checks_make(struct store *st);

/* Sets up this connection's instance: its token and host (at open). */
void hold_setup(struct store *st);
/* Makes, once, the checks (temporary triggers, the connection's own) that
 * refuse a write into a meeting that is not in progress or not held by this
 * instance. Writing needs them, reading does not: they are made before the
 * first transaction begins (tx_begin) and before the first statement that
 * writes is compiled (stmt_prepare, for a write outside a transaction), so a
 * command that only reads never pays for them. Never inside a transaction,
 * whose rollback would take them away. */
enum store_rc hold_ensure(struct store *st);
/* The message of a write refused by those checks (store_fail calls it). */
enum store_rc hold_refused(struct store *st, const char *what);
#define HOLD_REFUSAL "cxmeet: the meeting is not held by this instance"

extern const char *const store_migrations[];
/* Counts item_tally and revisit_tally again from the items (schema.c). */
extern const char store_tally_refill[];
extern const int store_migration_count;

/* store_schema.c: the file's schema against the one the first `version`
 * migrations make. schema_compare lists every difference (one a line in
 * problems, counted in *n) and the user's own objects (in notes); either
 * buffer may be NULL. schema_verify refuses a file that differs, naming the
 * first difference (STORE_CORRUPT). */
enum store_rc schema_compare(struct store *st, int version, struct strbuf *problems,
			     struct strbuf *notes, size_t *n);
enum store_rc schema_verify(struct store *st, int version);
/* A digest of the file's schema as written: a file of this version's schema
 * has the one store_schema.c knows, and is then not compared object by object. */
uint64_t schema_digest(sqlite3 *db);
/* The digest of this version's schema (test_store checks it against a file
 * this version makes, and says the new value when the schema changes). */
#define STORE_SCHEMA_DIGEST 0xac3b3e438b199f03ull

/* Resets and returns a prepared statement. */
sqlite3_stmt *stmt_get(struct store *st, enum stmt_id id);
/* The failure of a statement that could not be compiled, again. */
enum store_rc stmt_missing(struct store *st);

/* Records the failure of the last SQLite call as a store error and returns it;
 * `what` says what was being done ("adding a department"). */
enum store_rc store_fail(struct store *st, const char *what);
/* Sets a store error with a message of our own. */
enum store_rc store_failf(struct store *st, enum store_rc rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Nestable transactions: the outermost begin/end commits or rolls back. */
enum store_rc tx_begin(struct store *st);
enum store_rc tx_end(struct store *st, enum store_rc rc);

/* Binding helpers: NULL, id 0, DATE_NONE and time 0 bind SQL NULL. */
void bind_text(sqlite3_stmt *s, int i, const char *v);
void bind_id(sqlite3_stmt *s, int i, store_id v);
void bind_int(sqlite3_stmt *s, int i, int64_t v);
void bind_date(sqlite3_stmt *s, int i, cx_date d);
void bind_time(sqlite3_stmt *s, int i, time_t t);
void bind_now(struct store *st, sqlite3_stmt *s, int i);

/* Column helpers: NULL reads as NULL, 0, DATE_NONE or 0. */
char *col_text(sqlite3_stmt *s, int i); /* allocated copy or NULL */
char *col_text_or_empty(sqlite3_stmt *s, int i);
store_id col_id(sqlite3_stmt *s, int i);
cx_date col_date(sqlite3_stmt *s, int i);
time_t col_time(sqlite3_stmt *s, int i);

/* Runs a statement that returns no rows; SQLITE_DONE is success. */
enum store_rc stmt_exec(struct store *st, sqlite3_stmt *s, const char *what);
/* Steps once: STORE_OK with a row, STORE_NOTFOUND without one, or an error. */
enum store_rc stmt_row(struct store *st, sqlite3_stmt *s, const char *what);

/* Steps s to the end, growing *arr by one elem_size element per row and
 * filling it with read(). On error frees what was read with free_list(). */
/* One part of a list paged by key (store_page.c): its statements in the
 * list's order (fwd) and reversed (bwd), each taking the key ?10 (text, when
 * key_col >= 0) and ?11 (id), and at most ?12 rows; asc when the list runs
 * up the key. key_col and id_col: where each row gives its key. */
struct page_part {
	enum stmt_id fwd, bwd;
	bool asc;
	int key_col, id_col;
};
/* How a paged list binds its filter, reads a row and frees rows. */
struct page_list {
	const struct page_part *parts;
	int nparts;
	size_t elem_size, at_off; /* the row's size, and where its cursor lies */
	void (*bind)(sqlite3_stmt *s, const void *ctx);
	void (*read)(sqlite3_stmt *s, void *elem);
	void (*free_list)(void *arr, size_t n);
	const char *what;
	/* Parts (bit N: part N) that the filter leaves without a row: neither
	 * compiled nor run (a short report pays for the statements it needs). */
	unsigned empty;
};
/* At most limit rows (0: all) of list from cur (NULL: the first page), in
 * the list's order, each with its cursor. */
enum store_rc page_collect(struct store *st, const struct page_list *list, const void *ctx,
			   const struct store_cursor *cur, size_t limit, void **out, size_t *n);
/* A list read in one pass, part after part, each part's statement (its
 * `fwd`, with no key and no limit) stepped on from one call of
 * page_stream_next to the next: for a command that writes every row, a page
 * at a time. No other user of those statements may run in between. */
struct page_stream;
struct page_stream *page_stream_begin(struct store *st, const struct page_list *list,
				      const void *ctx);
/* The next rows, at most limit (fewer: the end). */
enum store_rc page_stream_next(struct page_stream *ps, size_t limit, void **out, size_t *n);
void page_stream_end(struct page_stream *ps);
enum store_rc stmt_collect(struct store *st, sqlite3_stmt *s, void **arr, size_t *n,
			   size_t elem_size, void (*read)(sqlite3_stmt *s, void *elem),
			   void (*free_list)(void *arr, size_t n), const char *what);

/* Runs an UPDATE that must touch one row: STORE_NOTFOUND when it touched none. */
enum store_rc stmt_update_one(struct store *st, sqlite3_stmt *s, const char *what);

/* Reads an ITEM_SELECT row into a struct item; frees a list of them (for
 * stmt_collect). */
void read_item(sqlite3_stmt *s, void *elem);
void free_items(void *arr, size_t n);
/* "low", "high" or NULL (unset), as the people table stores a stance. */
const char *stance_name(enum stance s);
/* Reads a PERSON_SELECT row (columns 0-8) into a struct person. */
void read_person(sqlite3_stmt *s, void *elem);
/* Reads a MEETING_SELECT row. */
void read_meeting(sqlite3_stmt *s, struct meeting *m);

/* Reads columns 0-8 of an item_events row (id, item_id, event, at,
 * meeting_id, by, old_value, new_value, reason) into a struct item_event. */
void read_item_event(sqlite3_stmt *s, void *elem);

/* Reads the ITEM_COLUMNS (0-21) of a row into a struct item. */
void read_item(sqlite3_stmt *s, void *elem);

/* Appends an item event (inside the caller's transaction). */
enum store_rc event_add(struct store *st, store_id item, enum event_kind kind, time_t at,
			store_id meeting, const char *old_value, const char *new_value,
			const char *reason);

/* Inserts the steps of t under owner with stmt (TEMPLATE_STEP_ADD or
 * MEETING_STEP_ADD, which take the same parameters; a meeting's copy also
 * records which steps are skipped). */
enum store_rc steps_insert(struct store *st, enum stmt_id stmt, store_id owner,
			   const struct agenda_template *t, const char *what);

/* An FTS5 query for words as typed (store_item.c): only letters, digits and
 * non-ASCII characters make words, each quoted, all required; the last one a
 * prefix, or every one when every_prefix. NULL when nothing typed is a word
 * (refused with FTS_NO_WORD). Caller frees. */
char *fts_words(struct store *st, const char *in, bool every_prefix);
/* The terms of the full-text index's main index in [lo, hi), at most max
 * into out[] (allocated, sorted): how many, max + 1 when there are more, -1
 * when they could not be read. fts_terms reads the index's pages (a few per
 * segment), fts_terms_vocab asks fts5vocab (which reads every row of each
 * term: kept for an index not as fts_terms knows it). */
int fts_terms(struct store *st, const char *lo, const char *hi, char **out, int max);
int fts_terms_vocab(struct store *st, const char *lo, const char *hi, char **out, int max);
#define FTS_NO_WORD "nothing to search for: give a word with letters or digits"

/* Case-folded name key, or STORE_INVALID with a message when the name is bad. */
enum store_rc name_key(struct store *st, const char *name, const char *what, char **clean,
		       char **key);

#endif
