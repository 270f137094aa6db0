/* statement_parts.h - pieces of SQL shared by the statements of
 * statements.h: the columns of a row as the readers expect them, the joins,
 * and the conditions of the paged lists. Macros only, expanded where the
 * statement list is. */
#ifndef CXMEET_SQLITE_STATEMENT_PARTS_H
#define CXMEET_SQLITE_STATEMENT_PARTS_H

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
/* The rest of the decision log with words and a window: the matches from
 * the window's floor ?13 on (the same as its reach), in the page's order on
 * the full-text index itself, each one's decision row read until the page
 * is full: a page's matches read, not the window's, and nothing sorted. */
#define DEC_W_REST(cond, order) \
	DECISION_SELECT " FROM items_fts f CROSS JOIN items x INDEXED BY items_decisions" \
	" ON x.id = f.rowid AND x.kind = 'decision' AND x.deleted_at IS NULL" \
	" CROSS JOIN items i ON i.id = f.rowid" DECISION_JOINS \
	" WHERE items_fts MATCH ?9 AND f.rowid >= ?13 AND " cond " AND " DECISION_REST_OWN \
	" ORDER BY " order " LIMIT ?12"
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
/* slips: due date moved later; carried: meetings it reached unfinished (its
 * 'carried' events, and for an open action the meetings started since it
 * became open: migration 7). */
#define CARRIED_COUNT \
	"((SELECT count(*) FROM item_events e WHERE e.item_id = i.id AND e.event = 'carried')" \
	" + coalesce((SELECT max(seq) FROM meetings) - i.carry_from, 0))"
#define ITEM_SELECT "SELECT " ITEM_COLUMNS ITEM_FROM
#define ITEM_COLUMNS \
	ITEM_OWN_COLUMNS "," \
	" (SELECT count(*) FROM item_events e WHERE e.item_id = i.id AND e.event = 'due_moved'" \
	"   AND e.new_value > e.old_value)," \
	" " CARRIED_COUNT
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
/* Messages (store_messages.c), a row per department: ?1 a department (0:
 * any), ?2 a message (0: any), ?3 only those not acknowledged; then the
 * page's ?11 (the row's id) and ?12. */
#define MESSAGE_SELECT \
	"SELECT r.id, r.item_id, i.text, i.person_id, p.name, i.created_at, i.meeting_id," \
	" m.started_at, r.department_id, d.name, r.acked_at, r.acked_by, r.ack_meeting_id" \
	" FROM message_recipients r JOIN items i ON i.id = r.item_id" \
	" LEFT JOIN people p ON p.id = i.person_id LEFT JOIN meetings m ON m.id = i.meeting_id" \
	" LEFT JOIN departments d ON d.id = r.department_id WHERE i.deleted_at IS NULL" \
	" AND (?1 = 0 OR r.department_id = ?1) AND (?2 = 0 OR r.item_id = ?2)" \
	" AND (NOT ?3 OR r.acked_at IS NULL)"
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
	" " CARRIED_COUNT "," \
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

/* An initiative with its department's and owner's names, its milestones
 * counted (all, reached), and its last review (when, its note). */
#define INITIATIVE_SELECT \
	"SELECT n.id, n.title, n.department_id, d.name, n.person_id, p.name, n.due_on, n.track," \
	" n.created_at, (SELECT count(*) FROM initiative_milestones m WHERE m.initiative_id = n.id)," \
	" (SELECT count(*) FROM initiative_milestones m WHERE m.initiative_id = n.id" \
	"   AND m.done_on IS NOT NULL), r.reviewed_at, r.note FROM initiatives n" \
	" LEFT JOIN departments d ON d.id = n.department_id" \
	" LEFT JOIN people p ON p.id = n.person_id" \
	" LEFT JOIN initiative_reviews r ON r.id = (SELECT max(x.id) FROM initiative_reviews x" \
	"   WHERE x.initiative_id = n.id)"

#endif
