/* schema.c - the database schema, as an ordered list of migrations. Entry N
 * takes a database from user_version N to N+1 and runs inside one transaction.
 * Never edit a migration that has shipped: add a new one. The schema is
 * documented for sqlite3 users in man/cxmeet.1 (section DATABASE). */
#include "store_int.h"

static const char migration_1[] =
	/* The one organisation the file describes. Current texts live here; every
	 * change to them is also appended to org_text_versions. */
	"CREATE TABLE organisation ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  name TEXT NOT NULL DEFAULT '',"
	"  mission TEXT NOT NULL DEFAULT '',"
	"  success TEXT NOT NULL DEFAULT '',"
	"  vision TEXT NOT NULL DEFAULT '',"
	"  goals TEXT NOT NULL DEFAULT '',"
	"  roles TEXT NOT NULL DEFAULT '',"
	"  prioritise TEXT NOT NULL DEFAULT '',"
	"  approvals TEXT NOT NULL DEFAULT '',"
	"  ways TEXT NOT NULL DEFAULT '',"
	"  cadence_unit TEXT NOT NULL DEFAULT 'month'"
	"    CHECK (cadence_unit IN ('day','week','month')),"
	"  cadence_n INTEGER NOT NULL DEFAULT 1 CHECK (cadence_n BETWEEN 1 AND 366),"
	"  escalate_after INTEGER NOT NULL DEFAULT 3 CHECK (escalate_after >= 1),"
	"  setup_step INTEGER NOT NULL DEFAULT 0,"
	"  created_at TEXT NOT NULL"
	");"
	"CREATE TABLE org_text_versions ("
	"  id INTEGER PRIMARY KEY,"
	"  field TEXT NOT NULL CHECK (field IN ('name','mission','success','vision','goals',"
	"    'roles','prioritise','approvals','ways')),"
	"  body TEXT NOT NULL,"
	"  changed_at TEXT NOT NULL,"
	"  changed_by TEXT"
	");"
	"CREATE INDEX org_text_versions_field ON org_text_versions(field, id);"

	/* name_key: the name trimmed and case-folded by cxmeet (Unicode-aware),
	 * so that uniqueness holds for 'Zoë' and 'ZOË' alike. */
	"CREATE TABLE departments ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL CHECK (length(name) > 0),"
	"  name_key TEXT NOT NULL UNIQUE,"
	"  facing TEXT NOT NULL DEFAULT 'customer' CHECK (facing IN ('customer','behind')),"
	"  created_at TEXT NOT NULL,"
	"  archived_at TEXT"
	");"
	"CREATE TABLE people ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL CHECK (length(name) > 0),"
	"  name_key TEXT NOT NULL UNIQUE,"
	"  department_id INTEGER REFERENCES departments(id),"
	"  role TEXT NOT NULL DEFAULT 'member'"
	"    CHECK (role IN ('sponsor','lead','champion','member','guest')),"
	"  email TEXT,"
	"  influence TEXT CHECK (influence IN ('low','high')),"
	"  support TEXT CHECK (support IN ('low','high')),"
	"  created_at TEXT NOT NULL,"
	"  archived_at TEXT"
	");"
	"CREATE INDEX people_department ON people(department_id);"

	"CREATE TABLE agenda_templates ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL CHECK (length(name) > 0),"
	"  name_key TEXT NOT NULL UNIQUE,"
	"  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0,1)),"
	"  created_at TEXT NOT NULL,"
	"  archived_at TEXT"
	");"
	"CREATE UNIQUE INDEX agenda_templates_one_default ON agenda_templates(is_default)"
	"  WHERE is_default = 1;"
	"CREATE TABLE agenda_template_steps ("
	"  id INTEGER PRIMARY KEY,"
	"  template_id INTEGER NOT NULL REFERENCES agenda_templates(id) ON DELETE CASCADE,"
	"  position INTEGER NOT NULL,"
	"  title TEXT NOT NULL CHECK (length(title) > 0),"
	"  kind TEXT NOT NULL,"
	"  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 240),"
	"  prompt TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (template_id, position)"
	");"

	"CREATE TABLE meetings ("
	"  id INTEGER PRIMARY KEY,"
	"  template_id INTEGER REFERENCES agenda_templates(id),"
	"  status TEXT NOT NULL DEFAULT 'in_progress'"
	"    CHECK (status IN ('in_progress','completed','abandoned')),"
	"  started_at TEXT NOT NULL,"
	"  ended_at TEXT,"
	"  facilitator_id INTEGER REFERENCES people(id),"
	"  rating INTEGER CHECK (rating BETWEEN 1 AND 10),"
	"  next_meeting_on TEXT,"
	"  current_step INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE INDEX meetings_started ON meetings(started_at);"
	/* At most one meeting runs at a time. */
	"CREATE UNIQUE INDEX meetings_one_in_progress ON meetings(status)"
	"  WHERE status = 'in_progress';"
	/* Each meeting's own copy of its agenda, so template edits never rewrite history. */
	"CREATE TABLE meeting_steps ("
	"  id INTEGER PRIMARY KEY,"
	"  meeting_id INTEGER NOT NULL REFERENCES meetings(id),"
	"  position INTEGER NOT NULL,"
	"  title TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  planned_minutes INTEGER NOT NULL,"
	"  prompt TEXT NOT NULL DEFAULT '',"
	"  actual_seconds INTEGER NOT NULL DEFAULT 0,"
	"  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0,1)),"
	"  skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0,1)),"
	"  UNIQUE (meeting_id, position)"
	");"
	"CREATE TABLE attendance ("
	"  meeting_id INTEGER NOT NULL REFERENCES meetings(id),"
	"  person_id INTEGER NOT NULL REFERENCES people(id),"
	"  department_id INTEGER REFERENCES departments(id),"
	"  present INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0,1)),"
	"  PRIMARY KEY (meeting_id, person_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX attendance_department ON attendance(department_id, meeting_id);"
	"CREATE INDEX attendance_person ON attendance(person_id, meeting_id);"

	/* Everything captured in a meeting. person_id is the owner (action), the
	 * decider (decision), the hero (win) or the teller (story). Items are never
	 * deleted: deleted_at marks a soft delete, and item_events tells who/when. */
	"CREATE TABLE items ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL CHECK (kind IN ('decision','action','win','story','insight',"
	"    'note','parked','message')),"
	"  text TEXT NOT NULL CHECK (length(text) > 0),"
	"  detail TEXT,"
	"  rationale TEXT,"
	"  department_id INTEGER REFERENCES departments(id),"
	"  person_id INTEGER REFERENCES people(id),"
	"  due_on TEXT,"
	"  revisit_on TEXT,"
	"  superseded_by INTEGER REFERENCES items(id),"
	"  rank INTEGER NOT NULL DEFAULT 0,"
	"  status TEXT NOT NULL DEFAULT 'open'"
	"    CHECK (status IN ('open','done','dropped','closed')),"
	"  consent INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0,1)),"
	"  meeting_id INTEGER REFERENCES meetings(id),"
	"  step_id INTEGER REFERENCES meeting_steps(id),"
	"  created_at TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL,"
	"  closed_at TEXT,"
	"  deleted_at TEXT,"
	"  CHECK (kind = 'action' OR due_on IS NULL)"
	");"
	"CREATE INDEX items_meeting ON items(meeting_id, step_id);"
	"CREATE INDEX items_kind_status_due ON items(kind, status, due_on) WHERE deleted_at IS NULL;"
	"CREATE INDEX items_department ON items(department_id, kind);"
	"CREATE INDEX items_person ON items(person_id, kind);"
	"CREATE INDEX items_revisit ON items(revisit_on) WHERE kind = 'decision';"
	"CREATE TABLE item_links ("
	"  from_item INTEGER NOT NULL REFERENCES items(id),"
	"  to_item INTEGER NOT NULL REFERENCES items(id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('arose_from','settles')),"
	"  created_at TEXT NOT NULL,"
	"  PRIMARY KEY (from_item, to_item, kind),"
	"  CHECK (from_item <> to_item)"
	") WITHOUT ROWID;"
	"CREATE INDEX item_links_to ON item_links(to_item);"
	/* Append-only history of every item. */
	"CREATE TABLE item_events ("
	"  id INTEGER PRIMARY KEY,"
	"  item_id INTEGER NOT NULL REFERENCES items(id),"
	"  event TEXT NOT NULL CHECK (event IN ('created','edited','due_moved','reassigned',"
	"    'carried','done','reopened','dropped','deleted','superseded','closed')),"
	"  at TEXT NOT NULL,"
	"  meeting_id INTEGER REFERENCES meetings(id),"
	"  by TEXT,"
	"  old_value TEXT,"
	"  new_value TEXT,"
	"  reason TEXT"
	");"
	"CREATE INDEX item_events_item ON item_events(item_id, event);"
	"CREATE INDEX item_events_meeting ON item_events(meeting_id);"
	"CREATE TRIGGER item_events_append_only_u BEFORE UPDATE ON item_events"
	"  BEGIN SELECT RAISE(ABORT, 'item_events is append-only'); END;"
	"CREATE TRIGGER item_events_append_only_d BEFORE DELETE ON item_events"
	"  BEGIN SELECT RAISE(ABORT, 'item_events is append-only'); END;"
	"CREATE TRIGGER items_soft_delete_only BEFORE DELETE ON items"
	"  BEGIN SELECT RAISE(ABORT, 'items are deleted by setting deleted_at'); END;"

	/* Full-text search over items (external content: items is the source). */
	"CREATE VIRTUAL TABLE items_fts USING fts5(text, detail, rationale,"
	"  content='items', content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
	"CREATE TRIGGER items_fts_i AFTER INSERT ON items BEGIN"
	"  INSERT INTO items_fts(rowid, text, detail, rationale)"
	"    VALUES (new.id, new.text, new.detail, new.rationale);"
	"END;"
	"CREATE TRIGGER items_fts_u AFTER UPDATE OF text, detail, rationale ON items BEGIN"
	"  INSERT INTO items_fts(items_fts, rowid, text, detail, rationale)"
	"    VALUES ('delete', old.id, old.text, old.detail, old.rationale);"
	"  INSERT INTO items_fts(rowid, text, detail, rationale)"
	"    VALUES (new.id, new.text, new.detail, new.rationale);"
	"END;";

/* Indexes for the reports between meetings: the decision log (decisions
 * newest first, and what a decision superseded), and the people's records
 * (wins and actions per person, read from the index alone, never from the
 * items' rows), and each meeting's items counted by kind (the history)
 * from the index alone. The decisions' index is partial on the kind, so that no
 * query on another kind, or on a meeting's items, is tempted by it. */
static const char migration_2[] =
	"CREATE INDEX items_decisions ON items(id) WHERE kind = 'decision'"
	"  AND deleted_at IS NULL;"
	"CREATE INDEX items_superseded_by ON items(superseded_by)"
	"  WHERE superseded_by IS NOT NULL;"
	"CREATE INDEX items_person_record ON items(person_id, kind, status, due_on, closed_at,"
	"  deleted_at) WHERE deleted_at IS NULL;"
	"CREATE INDEX items_meeting_kind ON items(meeting_id, kind) WHERE deleted_at IS NULL;";

/* One writer per live meeting: the instance (a full-screen session) that
 * holds it, with who, where, which process, since when and when it was last
 * seen alive; a random token tells one instance from another. Every write
 * into a meeting checks, in its own transaction, that the meeting is in
 * progress and held by the writer (the check is the writing connection's,
 * see store.c). And the draft of the capture form open in a meeting, kept
 * while it is typed, so that a crash does not lose it. */
static const char migration_3[] =
	"CREATE TABLE meeting_holds ("
	"  meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),"
	"  token TEXT NOT NULL,"
	"  user TEXT NOT NULL,"
	"  host TEXT NOT NULL,"
	"  pid INTEGER NOT NULL,"
	"  since TEXT NOT NULL,"
	"  seen_at TEXT NOT NULL"
	");"
	"CREATE TABLE meeting_drafts ("
	"  meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),"
	"  step_id INTEGER REFERENCES meeting_steps(id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('decision','action','win','story','insight',"
	"    'note','parked','message')),"
	"  text TEXT NOT NULL,"
	"  detail TEXT,"
	"  saved_at TEXT NOT NULL"
	");";

/* A prefix index for search: the last word typed is searched as a prefix
 * ("re" finds "returns", "refund", "review"...), and without one FTS5 merges
 * the lists of every word it begins, for every page. Prefixes of one to
 * three characters are kept (longer ones begin few words). The table is made
 * again with the option, the triggers on items (which name it) stay, and its
 * index is built from items at once. */
static const char migration_4[] =
	"DROP TABLE items_fts;"
	"CREATE VIRTUAL TABLE items_fts USING fts5(text, detail, rationale,"
	"  content='items', content_rowid='id', tokenize='unicode61 remove_diacritics 2',"
	"  prefix='1 2 3');"
	"INSERT INTO items_fts(items_fts) VALUES ('rebuild');";

/* The sums the people's records, the stakeholder map, the decision log and
 * the overdue count by department show, kept up to date as items change, so
 * that none of them reads all of history: item_tally counts the items (not
 * deleted) by kind, status, department, person (0: none), due date (open
 * actions only, '' for none and for every other item), whether superseded,
 * and how a done action is judged (on_time: 1 closed on or before its due
 * day, in the local time of the change; 0 closed after it; -1 not judged,
 * with no due date or no time of closing; 0 for every other item), as
 * action_judged (core/report.c) judges each one: schema 5 counted an action
 * done with no due date as on time, where the reports do not judge it. The
 * triggers take a changed item's old row out and put its new row in; a key
 * whose count falls to zero is removed, so the table stays as small as the
 * set of keys in use (open actions' due dates, not all of history). The
 * migration fills it once from the items. */
#define TALLY_KEY_HEAD(r) \
	r ".kind, " r ".status, coalesce(" r ".department_id, 0), coalesce(" r ".person_id, 0)," \
	" CASE WHEN " r ".kind = 'action' AND " r ".status = 'open'" \
	"   THEN coalesce(" r ".due_on, '') ELSE '' END," \
	" " r ".superseded_by IS NOT NULL,"
/* schema 5, as its files hold it (the text is checked before a migration):
 * done with no due date counted as on time */
#define TALLY_KEY5(r) TALLY_KEY_HEAD(r) \
	" CASE WHEN " r ".kind = 'action' AND " r ".status = 'done' AND (" r ".due_on IS NULL" \
	"   OR date(" r ".closed_at, 'localtime') <= " r ".due_on) THEN 1 ELSE 0 END"
#define TALLY_KEY(r) TALLY_KEY_HEAD(r) \
	" CASE WHEN " r ".kind <> 'action' OR " r ".status <> 'done' THEN 0" \
	"   WHEN " r ".due_on IS NULL OR " r ".closed_at IS NULL THEN -1" \
	"   WHEN date(" r ".closed_at, 'localtime') <= " r ".due_on THEN 1 ELSE 0 END"
#define TALLY_MATCH(key, r) \
	"(kind, status, department_id, person_id, due, superseded, on_time) = (" key(r) ")"
#define TALLY_ADD(key, r) \
	"INSERT INTO item_tally(kind, status, department_id, person_id, due, superseded, on_time, n)" \
	" SELECT " key(r) ", 1 WHERE " r ".deleted_at IS NULL" \
	" ON CONFLICT DO UPDATE SET n = n + 1;"
#define TALLY_TRIGGERS(key) \
	"CREATE TRIGGER item_tally_i AFTER INSERT ON items BEGIN " \
	TALLY_ADD(key, "new") \
	" END;" \
	"CREATE TRIGGER item_tally_u AFTER UPDATE OF kind, status, department_id, person_id," \
	"  due_on, superseded_by, closed_at, deleted_at ON items BEGIN" \
	" DELETE FROM item_tally WHERE old.deleted_at IS NULL AND n = 1" \
	"   AND " TALLY_MATCH(key, "old") ";" \
	" UPDATE item_tally SET n = n - 1 WHERE old.deleted_at IS NULL AND n > 1" \
	"   AND " TALLY_MATCH(key, "old") ";" \
	" " TALLY_ADD(key, "new") \
	" END;"
#define TALLY_ITEMS_FILL(key) \
	"INSERT INTO item_tally(kind, status, department_id, person_id, due, superseded, on_time, n)" \
	" SELECT " key("i") ", count(*) FROM items i WHERE i.deleted_at IS NULL" \
	" GROUP BY 1, 2, 3, 4, 5, 6, 7;"
/* The decisions waiting for a revisit (not superseded, not deleted), counted
 * by department and by the year of the revisit: the decision log counts
 * those due by today as these sums for the years before this one and the
 * decisions of this year read on items_revisit, so that the count costs a
 * year of decisions at most, not all of history. */
#define REVISIT_WHEN(r) \
	r ".kind = 'decision' AND " r ".deleted_at IS NULL AND " r ".superseded_by IS NULL" \
	" AND " r ".revisit_on IS NOT NULL"
#define REVISIT_KEY(r) "coalesce(" r ".department_id, 0), substr(" r ".revisit_on, 1, 4)"
#define TALLY_FILL \
	"INSERT INTO revisit_tally(department_id, year, n) SELECT " REVISIT_KEY("i") ", count(*)" \
	" FROM items i WHERE " REVISIT_WHEN("i") " GROUP BY 1, 2;" \
	TALLY_ITEMS_FILL(TALLY_KEY5)
static const char migration_5[] =
	"CREATE TABLE item_tally ("
	"  kind TEXT NOT NULL,"
	"  status TEXT NOT NULL,"
	"  department_id INTEGER NOT NULL,"
	"  person_id INTEGER NOT NULL,"
	"  due TEXT NOT NULL,"
	"  superseded INTEGER NOT NULL,"
	"  on_time INTEGER NOT NULL,"
	"  n INTEGER NOT NULL CHECK (n > 0),"
	"  PRIMARY KEY (kind, status, department_id, person_id, due, superseded, on_time)"
	") WITHOUT ROWID;"
	"CREATE INDEX item_tally_person ON item_tally(person_id, kind, status, due, on_time, n);"
	TALLY_TRIGGERS(TALLY_KEY5)
	/* The decision log of one department, in its order (due ones by revisit
	 * date; the rest newest first on items_department). */
	"CREATE INDEX items_revisit_dept ON items(department_id, revisit_on)"
	"  WHERE kind = 'decision';"
	/* The open parked topics in their order (ranked ones first by rank, then
	 * the rest oldest first), read a page at a time without sorting them all. */
	"CREATE INDEX items_parked_rank ON items(rank = 0, rank)"
	"  WHERE kind = 'parked' AND status = 'open' AND deleted_at IS NULL;"
	"CREATE TABLE revisit_tally ("
	"  department_id INTEGER NOT NULL,"
	"  year TEXT NOT NULL,"
	"  n INTEGER NOT NULL CHECK (n > 0),"
	"  PRIMARY KEY (department_id, year)"
	") WITHOUT ROWID;"
	"CREATE TRIGGER revisit_tally_i AFTER INSERT ON items WHEN " REVISIT_WHEN("new") " BEGIN"
	" INSERT INTO revisit_tally(department_id, year, n) VALUES (" REVISIT_KEY("new") ", 1)"
	"   ON CONFLICT DO UPDATE SET n = n + 1;"
	" END;"
	"CREATE TRIGGER revisit_tally_u AFTER UPDATE OF kind, department_id, revisit_on,"
	"  superseded_by, deleted_at ON items BEGIN"
	" DELETE FROM revisit_tally WHERE " REVISIT_WHEN("old") " AND n = 1"
	"   AND (department_id, year) = (" REVISIT_KEY("old") ");"
	" UPDATE revisit_tally SET n = n - 1 WHERE " REVISIT_WHEN("old") " AND n > 1"
	"   AND (department_id, year) = (" REVISIT_KEY("old") ");"
	" INSERT INTO revisit_tally(department_id, year, n) SELECT " REVISIT_KEY("new") ", 1"
	"   WHERE " REVISIT_WHEN("new") " ON CONFLICT DO UPDATE SET n = n + 1;"
	" END;"
	TALLY_FILL;

/* An action done with no due date is not judged, as in the reports: the
 * people's records counted it on time. Their sums are counted again. */
static const char migration_6[] =
	"DROP TRIGGER item_tally_i;"
	"DROP TRIGGER item_tally_u;"
	TALLY_TRIGGERS(TALLY_KEY)
	"DELETE FROM item_tally;"
	TALLY_ITEMS_FILL(TALLY_KEY);

/* A meeting's start no longer writes a 'carried' event for every open action
 * (at 100,000 items, 244 rows and 56 pages of the log in the start's one
 * transaction): meetings are numbered in the order they start (seq), an open
 * action keeps the number of the last meeting started when it became open
 * (items.carry_from), and the meetings it has been carried to since are the
 * ones numbered after it, counted by a subtraction. When it stops being open
 * (done, dropped, closed, deleted) those meetings become its 'carried'
 * events, as a start used to write them, so that its history and its count
 * stay what they were; reopened, it counts again from the last meeting. */
#define CARRYING(r) r ".kind = 'action' AND " r ".status = 'open' AND " r ".deleted_at IS NULL"
#define LAST_MEETING "(SELECT coalesce(max(seq), 0) FROM meetings)"
static const char migration_7[] =
	"ALTER TABLE meetings ADD COLUMN seq INTEGER;"
	"UPDATE meetings SET seq = r.n FROM (SELECT id, row_number() OVER (ORDER BY id) AS n"
	"  FROM meetings) r WHERE r.id = meetings.id;"
	"CREATE UNIQUE INDEX meetings_seq ON meetings(seq);"
	/* cxmeet numbers the meetings it starts; one written without a number
	 * (by another program) is given the next */
	"CREATE TRIGGER meetings_seq_i AFTER INSERT ON meetings WHEN new.seq IS NULL BEGIN"
	" UPDATE meetings SET seq = " LAST_MEETING " + 1 WHERE id = new.id;"
	" END;"
	"ALTER TABLE items ADD COLUMN carry_from INTEGER;"
	"UPDATE items SET carry_from = " LAST_MEETING " WHERE " CARRYING("items") ";"
	/* (a row written with its own carry_from, as a copy writes it, keeps it) */
	"CREATE TRIGGER items_carry_i AFTER INSERT ON items"
	"  WHEN new.carry_from IS NULL AND " CARRYING("new") " BEGIN"
	" UPDATE items SET carry_from = " LAST_MEETING " WHERE id = new.id;"
	" END;"
	"CREATE TRIGGER items_carry_u AFTER UPDATE OF kind, status, deleted_at ON items"
	"  WHEN (old.carry_from IS NOT NULL) <> (" CARRYING("new") ") BEGIN"
	" INSERT INTO item_events(item_id, event, at, meeting_id)"
	"   SELECT new.id, 'carried', m.started_at, m.id FROM meetings m"
	"   WHERE m.seq > old.carry_from ORDER BY m.seq;"
	" UPDATE items SET carry_from = CASE WHEN " CARRYING("new") " THEN " LAST_MEETING " END"
	"   WHERE id = new.id;"
	" END;";
#undef CARRYING
#undef LAST_MEETING

/* Between meetings: talking points (kind 'topic'), which meeting discussed
 * an item recorded outside any (items.discussed_in), and a message's
 * departments, each acknowledging it (message_recipients). The kinds'
 * CHECK is widened where it is written, SQLite's way of loosening a CHECK
 * that every row already meets (the ALTER first: it writes into the
 * table's text at an offset that the widening would move); the schema's
 * version is then moved on (migrate, store.c), so that every connection,
 * this one too, reads the new text. A million items are not copied. */
static const char migration_8[] =
	"ALTER TABLE items ADD COLUMN discussed_in INTEGER REFERENCES meetings(id);"
	/* an action or a win naming the measure (a department's KPI) it serves;
	 * every ALTER of items before the widening below */
	"ALTER TABLE items ADD COLUMN measure_id INTEGER REFERENCES measures(id);"
	"PRAGMA writable_schema = ON;"
	"UPDATE sqlite_schema SET sql = replace(sql, '''parked'',''message'')',"
	"  '''parked'',''message'',''topic'')') WHERE type = 'table' AND name = 'items';"
	"PRAGMA writable_schema = OFF;"
	/* A message's departments, each acknowledging it (by whom, when, in
	 * which meeting, if in one); a message of an earlier version has none:
	 * whether it was delivered was not kept. */
	"CREATE TABLE message_recipients ("
	"  id INTEGER PRIMARY KEY,"
	"  item_id INTEGER NOT NULL REFERENCES items(id),"
	"  department_id INTEGER NOT NULL REFERENCES departments(id),"
	"  acked_at TEXT,"
	"  acked_by TEXT,"
	"  ack_meeting_id INTEGER REFERENCES meetings(id),"
	"  UNIQUE (item_id, department_id)"
	");"
	"CREATE INDEX message_recipients_dept ON message_recipients(department_id, id);"
	"CREATE INDEX message_recipients_open ON message_recipients(id) WHERE acked_at IS NULL;"
	"CREATE INDEX message_recipients_open_dept ON message_recipients(department_id, id)"
	"  WHERE acked_at IS NULL;"
	/* What each leader values, their KPI, and where they stand in a change
	 * (awareness, desire, knowledge, ability, reinforcement), with a next
	 * step: one row a person, when written. */
	"CREATE TABLE person_profiles ("
	"  person_id INTEGER PRIMARY KEY REFERENCES people(id),"
	"  values_text TEXT,"
	"  kpi_text TEXT,"
	"  change_stage TEXT CHECK (change_stage IN ('awareness','desire','knowledge','ability',"
	"    'reinforcement')),"
	"  next_step TEXT,"
	"  updated_at TEXT NOT NULL"
	");"
	/* A person's place on the stakeholder map as it moved: a row each time. */
	"CREATE TABLE stance_history ("
	"  id INTEGER PRIMARY KEY,"
	"  person_id INTEGER NOT NULL REFERENCES people(id),"
	"  influence TEXT CHECK (influence IN ('low','high')),"
	"  support TEXT CHECK (support IN ('low','high')),"
	"  changed_at TEXT NOT NULL,"
	"  changed_by TEXT"
	");"
	"CREATE INDEX stance_history_person ON stance_history(person_id, changed_at);"
	/* Measures: a department's KPIs (kind 'kpi') and the success statement's
	 * (kind 'success'), each value kept, a correction a new row. */
	"CREATE TABLE measures ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL CHECK (length(name) > 0),"
	"  name_key TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('kpi','success')),"
	"  department_id INTEGER REFERENCES departments(id),"
	"  person_id INTEGER REFERENCES people(id),"
	"  unit TEXT,"
	"  direction TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher','lower')),"
	"  target REAL,"
	"  created_at TEXT NOT NULL,"
	"  archived_at TEXT"
	");"
	"CREATE UNIQUE INDEX measures_name ON measures(coalesce(department_id, 0), name_key);"
	"CREATE TABLE measure_values ("
	"  id INTEGER PRIMARY KEY,"
	"  measure_id INTEGER NOT NULL REFERENCES measures(id),"
	"  period_on TEXT NOT NULL,"
	"  value REAL NOT NULL,"
	"  entered_at TEXT NOT NULL,"
	"  entered_by TEXT"
	");"
	"CREATE INDEX measure_values_measure ON measure_values(measure_id, period_on, id);"
	/* One department at a time: the focus, its plan (whom to win), its next
	 * step, since when. One row, when set. */
	"CREATE TABLE focus ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  department_id INTEGER NOT NULL REFERENCES departments(id),"
	"  plan TEXT,"
	"  next_step TEXT,"
	"  since_on TEXT NOT NULL"
	");";


/* The scorecard: how often each measure is read (each meeting, weekly,
 * monthly, quarterly); a value is one a period, the period's first day. */
static const char migration_9[] =
	"ALTER TABLE measures ADD COLUMN frequency TEXT NOT NULL DEFAULT 'meeting'"
	"  CHECK (frequency IN ('meeting','weekly','monthly','quarterly'));";

/* The council's CX initiatives, each a quarter's work with an owner, a
 * department, a due date and a track (on, off, done, dropped); its
 * milestones; and each review of it, in a meeting or between meetings, with
 * the track it was given and why. An initiative is closed when done or
 * dropped, and its history kept. */
static const char migration_10[] =
	"CREATE TABLE initiatives ("
	"  id INTEGER PRIMARY KEY,"
	"  title TEXT NOT NULL CHECK (length(title) > 0),"
	"  title_key TEXT NOT NULL UNIQUE,"
	"  department_id INTEGER REFERENCES departments(id),"
	"  person_id INTEGER REFERENCES people(id),"
	"  due_on TEXT NOT NULL,"
	"  track TEXT NOT NULL DEFAULT 'on' CHECK (track IN ('on','off','done','dropped')),"
	"  created_at TEXT NOT NULL"
	");"
	"CREATE INDEX initiatives_due ON initiatives(due_on, id);"
	"CREATE TABLE initiative_milestones ("
	"  id INTEGER PRIMARY KEY,"
	"  initiative_id INTEGER NOT NULL REFERENCES initiatives(id),"
	"  title TEXT NOT NULL CHECK (length(title) > 0),"
	"  due_on TEXT,"
	"  done_on TEXT,"
	"  created_at TEXT NOT NULL"
	");"
	"CREATE INDEX initiative_milestones_initiative ON initiative_milestones(initiative_id, id);"
	"CREATE TABLE initiative_reviews ("
	"  id INTEGER PRIMARY KEY,"
	"  initiative_id INTEGER NOT NULL REFERENCES initiatives(id),"
	"  meeting_id INTEGER REFERENCES meetings(id),"
	"  track TEXT NOT NULL CHECK (track IN ('on','off','done','dropped')),"
	"  note TEXT,"
	"  reviewed_at TEXT NOT NULL,"
	"  reviewed_by TEXT"
	");"
	"CREATE INDEX initiative_reviews_initiative ON initiative_reviews(initiative_id, id);"
	"CREATE INDEX initiative_reviews_meeting ON initiative_reviews(meeting_id, id)"
	"  WHERE meeting_id IS NOT NULL;";

/* Each present member's rating of a meeting (the meeting's own rating is
 * then their average, rounded), and who will brief each department nobody
 * represented at it. Both are written in the meeting, held to its one
 * writer. */
static const char migration_11[] =
	"CREATE TABLE meeting_ratings ("
	"  meeting_id INTEGER NOT NULL REFERENCES meetings(id),"
	"  person_id INTEGER NOT NULL REFERENCES people(id),"
	"  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 10),"
	"  rated_at TEXT NOT NULL,"
	"  PRIMARY KEY (meeting_id, person_id)"
	");"
	"CREATE TABLE meeting_briefers ("
	"  meeting_id INTEGER NOT NULL REFERENCES meetings(id),"
	"  department_id INTEGER NOT NULL REFERENCES departments(id),"
	"  person_id INTEGER NOT NULL REFERENCES people(id),"
	"  set_at TEXT NOT NULL,"
	"  PRIMARY KEY (meeting_id, department_id)"
	");";

/* The sums counted again from the items, after a bulk write that wrote its
 * rows without the triggers (store_bulk.c). Each item is added to its key's
 * count as the trigger adds it: a GROUP BY sorted every item on the seven
 * columns of the key first, a fifth slower at 100,000 items (item_tally_person
 * is made after it, with the other indexes the bulk write deferred). */
const char store_tally_refill[] = "DELETE FROM revisit_tally; DELETE FROM item_tally;"
	"INSERT INTO revisit_tally(department_id, year, n) SELECT " REVISIT_KEY("i") ", count(*)"
	" FROM items i WHERE " REVISIT_WHEN("i") " GROUP BY 1, 2;"
	"INSERT INTO item_tally(kind, status, department_id, person_id, due, superseded, on_time, n)"
	" SELECT " TALLY_KEY("i") ", 1 FROM items i WHERE i.deleted_at IS NULL"
	" ON CONFLICT DO UPDATE SET n = n + 1;";
#undef TALLY_KEY
#undef TALLY_KEY5
#undef TALLY_KEY_HEAD
#undef TALLY_TRIGGERS
#undef TALLY_ITEMS_FILL
#undef REVISIT_KEY
#undef REVISIT_WHEN
#undef TALLY_MATCH
#undef TALLY_ADD
#undef TALLY_FILL

/* An item's 'imported' event: where an imported action came from (a file's
 * name and line). The events' CHECK is widened where it is written, as
 * migration 8 widened the kinds (the schema's version then moved on): no
 * event is copied. */
static const char migration_12[] =
	"PRAGMA writable_schema = ON;"
	"UPDATE sqlite_schema SET sql = replace(sql, '''superseded'',''closed'')',"
	"  '''superseded'',''closed'',''imported'')') WHERE type = 'table'"
	"  AND name = 'item_events';"
	"PRAGMA writable_schema = OFF;";

const char *const store_migrations[] = {
	migration_1,
	migration_2,
	migration_3,
	migration_4,
	migration_5,
	migration_6,
	migration_7,
	migration_8,
	migration_9,
	migration_10,
	migration_11,
	migration_12,
};

/* The migrations (bit N: migration N, from 1) that write the schema's text
 * itself: the schema's version is moved on after each. */
const unsigned long store_migration_rewrites = 1ul << 8 | 1ul << 12;

const int store_migration_count = (int)(sizeof store_migrations / sizeof store_migrations[0]);
