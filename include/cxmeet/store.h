/* store.h - the persistence interface. Only the store speaks SQL; nothing here
 * names an SQLite type, so another backend can implement the same calls.
 *
 * Conventions: functions return enum store_rc (STORE_OK on success). On error
 * store_errmsg() holds a message fit for the user. Strings in returned structs
 * are owned by the struct and freed with the matching *_free(). An id of 0 means
 * "none"; a date of DATE_NONE means "no date". Every call that writes is one
 * transaction on its own, unless the caller wrapped several in store_begin() /
 * store_commit(), in which case they commit or roll back together. */
#ifndef CXMEET_STORE_H
#define CXMEET_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "cxmeet/agenda.h"
#include "cxmeet/cadence.h"
#include "cxmeet/dates.h"
#include "cxmeet/model.h"

#define STORE_SCHEMA_VERSION 6

struct store;
typedef int64_t store_id;

enum store_rc {
	STORE_OK = 0,
	STORE_ERROR,     /* anything else that went wrong underneath */
	STORE_BUSY,      /* locked by another program past the busy timeout */
	STORE_READONLY,  /* file or directory not writable */
	STORE_FULL,      /* disk full */
	STORE_CORRUPT,   /* not a database, or damaged */
	STORE_NEWER,     /* written by a newer cxmeet */
	STORE_NOTFOUND,  /* no such row */
	STORE_DUPLICATE, /* a name already taken */
	STORE_INVALID,   /* bad input caught by the store's own checks */
	STORE_NOT_HELD,  /* a write into a meeting this instance does not hold, or that ended */
};


/* Opens (creating with mode 0600, parent directories 0700) and migrates the
 * database at path. A file from a newer schema, or one that is not a cxmeet
 * database, is refused and left untouched; so is a damaged one, whose schema
 * lacks a table, index, trigger or view that this version makes, or holds one
 * altered (STORE_CORRUPT, err naming what is wrong). Objects of the user's own
 * are tolerated. On failure *out is NULL and err holds the message. */
enum store_rc store_open(const char *path, struct store **out, char *err, size_t errlen);
/* As store_open, but a schema that differs is not refused, and a file of an
 * older schema version is not migrated: for store_check, which lists every
 * difference from the schema of the file's version. Nothing else may run on
 * such a store. */
enum store_rc store_open_for_check(const char *path, struct store **out, char *err,
				   size_t errlen);
/* STORE_CORRUPT (store_errmsg naming what is wrong) when the schema has been
 * changed behind the program's back since the store was opened or last
 * verified; cheap when it has not (one PRAGMA): for long-running callers. */
enum store_rc store_verify(struct store *st);
/* store_open, or (create false) only an existing database: a missing or
 * empty file gives STORE_NOTFOUND and nothing is created. A path whose
 * companion files (-wal, -shm, -journal) would have names too long gives
 * STORE_INVALID, saying so. */
enum store_rc store_open_mode(const char *path, bool create, struct store **out, char *err,
			      size_t errlen);
void store_close(struct store *st);
/* Long work on a file (a migration, building the full-text index): fn is
 * called once it has taken half a second and then about five times a
 * second, with what is being done and the seconds taken so far, and once
 * more with what NULL when it is over (only if it was called before). For a
 * line of progress on a terminal; one for the whole program, NULL for none. */
typedef void (*store_progress_fn)(const char *what, double seconds, void *ctx);
void store_set_progress(store_progress_fn fn, void *ctx);
/* Checkpoints of the write-ahead log kept off the user's keys: once asked
 * (the full-screen interface does), a commit no longer copies the log into
 * the database when the log reaches its size (about 4 MB), which made that
 * one key wait for a copy and a sync; store_checkpoint_due then says a copy
 * is owed, and store_checkpoint_idle makes it (a passive one: it waits for
 * no reader nor writer), to be called while nobody types. A log grown ten
 * times that size is copied in the commit after all, so it stays bounded. */
void store_defer_checkpoints(struct store *st);
bool store_checkpoint_due(const struct store *st);
void store_checkpoint_idle(struct store *st);
/* The backend's own version, for --version. */
const char *store_backend_version(void);
const char *store_errmsg(const struct store *st);
const char *store_path(const struct store *st);
int store_schema_version(const struct store *st);
/* The name written into item_events.by and version records (default: $USER). */
void store_set_actor(struct store *st, const char *actor);

/* Checks the whole file: its schema against the one this version makes
 * (every table, index, trigger and view missing or altered), SQLite's
 * integrity check and the foreign keys. STORE_OK with *problems NULL when
 * healthy; STORE_CORRUPT with *problems holding what was found, one problem a
 * line (caller frees), when damaged; any other code when the check could not
 * run (store_errmsg says why). *notes (when notes is not NULL; caller frees)
 * lists the objects of the user's own, which are not problems, or is NULL. */
enum store_rc store_check(struct store *st, char **problems, char **notes);

/* Compiles every statement the store may run (they are otherwise compiled on
 * first use): a check that the schema is what this program expects. */
enum store_rc store_prepare_all(struct store *st);

enum store_rc store_begin(struct store *st);
enum store_rc store_commit(struct store *st);
void store_rollback(struct store *st);
/* For a writer of many rows in one transaction (inside store_begin) that
 * writes only into meetings it starts in it: store_bulk_begin stops keeping
 * the full-text index in step row by row and lifts this connection's checks
 * that it holds the meeting written (refused, STORE_BUSY, while another
 * instance holds a meeting); store_bulk_end builds the index once, from
 * every item, and puts both back (store_commit does it too, if not done
 * yet; a rollback undoes everything). The schema committed is the one the
 * transaction began with. */
enum store_rc store_bulk_begin(struct store *st);
enum store_rc store_bulk_end(struct store *st);
/* (store_bulk_item_add and the like, with the items below.) */
/* Outside any transaction, before a bulk write (on) and after its commit or
 * rollback (off): the file's write-ahead log is left for a rollback journal
 * meanwhile, so that each page is written once, into the file (not into the
 * log, then again into the file); the commit is as durable, a writer killed
 * half-way is rolled back from the journal at the next open. STORE_BUSY,
 * and nothing changed, while another connection has the file open: the bulk
 * write then goes through the log. */
enum store_rc store_bulk_journal(struct store *st, bool on);

/* --- organisation ------------------------------------------------------- */

struct org {
	char *text[ORG_TEXT_COUNT]; /* name, mission, success, six charter answers */
	char *changed_at[ORG_TEXT_COUNT];
	char *changed_by[ORG_TEXT_COUNT];
	struct cadence cadence;
	int escalate_after; /* carried this many times: flag for the sponsor */
	int setup_step;     /* how far the first-run walk-through got */
};

struct org_version {
	enum org_text field;
	char *body;
	char *changed_at;
	char *changed_by;
};

/* STORE_NOTFOUND when the organisation was never set up (a fresh database). */
enum store_rc store_org_get(struct store *st, struct org *out);
enum store_rc store_org_create(struct store *st, const char *name);
enum store_rc store_org_set_text(struct store *st, enum org_text f, const char *value);
enum store_rc store_org_set_cadence(struct store *st, const struct cadence *c);
enum store_rc store_org_set_escalate_after(struct store *st, int n);
enum store_rc store_org_set_setup_step(struct store *st, int step);
/* Newest first. */
enum store_rc store_org_history(struct store *st, enum org_text f, struct org_version **out,
				size_t *n);
void org_free(struct org *o);
void org_versions_free(struct org_version *v, size_t n);

/* --- departments -------------------------------------------------------- */

struct dept {
	store_id id;
	char *name;
	bool behind; /* behind-the-scenes rather than customer-facing */
	bool archived;
};

enum store_rc store_dept_add(struct store *st, const char *name, bool behind, store_id *id);
/* Finds by name, compared case-insensitively; archived ones too. */
enum store_rc store_dept_find(struct store *st, const char *name, struct dept *out);
enum store_rc store_dept_get(struct store *st, store_id id, struct dept *out);
enum store_rc store_dept_list(struct store *st, bool with_archived, struct dept **out, size_t *n);
enum store_rc store_dept_rename(struct store *st, store_id id, const char *name);
enum store_rc store_dept_set_behind(struct store *st, store_id id, bool behind);
enum store_rc store_dept_set_archived(struct store *st, store_id id, bool archived);
void dept_free(struct dept *d);
void dept_list_free(struct dept *d, size_t n);

/* --- people ------------------------------------------------------------- */

enum stance { STANCE_UNSET = -1, STANCE_LOW = 0, STANCE_HIGH = 1 };

struct person {
	store_id id;
	char *name;
	store_id dept_id;  /* 0: none */
	char *dept_name;   /* filled on read */
	enum role role;
	char *email;       /* NULL: none */
	enum stance influence;
	enum stance support;
	bool archived;
};

enum store_rc store_person_add(struct store *st, const struct person *p, store_id *id);
enum store_rc store_person_find(struct store *st, const char *name, struct person *out);
enum store_rc store_person_get(struct store *st, store_id id, struct person *out);
/* dept_id 0: all departments. Ordered by department, then name. */
enum store_rc store_person_list(struct store *st, bool with_archived, store_id dept_id,
				struct person **out, size_t *n);
/* Writes name, dept_id, role, email, influence and support of p (by p->id). */
enum store_rc store_person_update(struct store *st, const struct person *p);
enum store_rc store_person_set_archived(struct store *st, store_id id, bool archived);
void person_free(struct person *p);
/* Every person's name (people: true) or every department's, archived ones
 * too, in no particular order, each given to fn: a report sizes its columns
 * on them without reading whole rows. */
enum store_rc store_names_each(struct store *st, bool people,
			       void (*fn)(const char *name, void *ctx), void *ctx);
void person_list_free(struct person *p, size_t n);

/* --- agenda templates --------------------------------------------------- */

struct template_info {
	store_id id;
	char *name;
	bool is_default;
	size_t n_steps;
	int minutes;
};

enum store_rc store_template_add(struct store *st, const struct agenda_template *t,
				 bool make_default, store_id *id);
enum store_rc store_template_find(struct store *st, const char *name, store_id *id);
enum store_rc store_template_default(struct store *st, store_id *id);
enum store_rc store_template_get(struct store *st, store_id id, struct agenda_template *out);
enum store_rc store_template_list(struct store *st, struct template_info **out, size_t *n);
void template_list_free(struct template_info *t, size_t n);
/* Replaces all of a template's steps with t's (its name is not touched);
 * STORE_INVALID with a message when agenda_check() refuses them. */
enum store_rc store_template_save_steps(struct store *st, store_id id,
					const struct agenda_template *t);
/* Names are unique, compared without regard to case: STORE_DUPLICATE. */
enum store_rc store_template_rename(struct store *st, store_id id, const char *name);
/* There is always exactly one default. */
enum store_rc store_template_set_default(struct store *st, store_id id);
/* A new template with the steps of id, under name. */
enum store_rc store_template_copy(struct store *st, store_id id, const char *name,
				  store_id *new_id);
/* Hides a template from the lists and frees its name; the default cannot be
 * archived (STORE_INVALID). Meetings keep their own copies of its steps. */
enum store_rc store_template_archive(struct store *st, store_id id);

/* --- who holds a live meeting (store_hold.c) ------------------------------ */

/* A live meeting is written by one instance (a full-screen session) at a
 * time: the one that holds it. Every write into a meeting (its items, the
 * events tied to it, its steps, attendance, rating, end, draft) checks in
 * its own transaction that the meeting is in progress and held by this
 * store's instance; otherwise nothing is written and STORE_NOT_HELD says who
 * holds it or that it ended. Starting a meeting takes its hold. */
struct meeting_hold {
	char *user;
	char *host;
	long pid;
	time_t since;   /* when it was taken */
	time_t seen;    /* the holder's last sign of life */
	bool mine;      /* held by this instance */
	bool same_host; /* the holder runs on this machine (its pid can be checked) */
	char token[33];
};
/* STORE_NOTFOUND when nobody holds the meeting. */
enum store_rc store_hold_get(struct store *st, store_id meeting, struct meeting_hold *out);
/* Takes the hold of a meeting in progress for this instance: from NULL, only
 * when nobody holds it; else only while it is still held as `from` was read,
 * so that two taking over at once cannot both win (STORE_NOT_HELD). */
enum store_rc store_hold_take(struct store *st, store_id meeting, const struct meeting_hold *from,
			      time_t now);
/* Whether this instance still holds the meeting, in progress. */
bool store_hold_mine(struct store *st, store_id meeting);
/* Records that the holder is alive; STORE_NOT_HELD when it holds no more. */
enum store_rc store_hold_beat(struct store *st, store_id meeting, time_t now);
/* Lets go of the meeting (kept in progress), when this instance holds it. */
enum store_rc store_hold_release(struct store *st, store_id meeting);
void meeting_hold_free(struct meeting_hold *h);
/* A number that changes whenever another connection commits a change to the
 * database: a cheap test of whether there is anything new to read. */
int64_t store_data_version(struct store *st);
/* With `on`, a write that finds the database locked by another program fails
 * at once (STORE_BUSY) instead of waiting up to three seconds: for what is
 * kept in passing, such as a form's draft at each key. */
void store_no_wait(struct store *st, bool on);

/* The draft of the capture form open in a meeting: one per meeting. */
struct meeting_draft {
	store_id step_id;
	enum item_kind kind;
	char *text;
	char *detail;
	time_t saved_at;
};
enum store_rc store_draft_save(struct store *st, store_id meeting, const struct meeting_draft *d,
			       time_t now);
/* STORE_NOTFOUND when there is none. */
enum store_rc store_draft_get(struct store *st, store_id meeting, struct meeting_draft *out);
enum store_rc store_draft_clear(struct store *st, store_id meeting);
void meeting_draft_free(struct meeting_draft *d);

/* --- meetings ----------------------------------------------------------- */

struct meeting {
	store_id id;
	store_id template_id;
	enum meeting_status status;
	time_t started_at;
	time_t ended_at; /* 0 while in progress */
	store_id facilitator_id;
	int rating;           /* 1..10, 0: not rated */
	cx_date next_meeting; /* DATE_NONE: not set */
	int current_step;     /* position in the meeting's own steps, from 0 */
};

struct meeting_step {
	store_id id;
	int position;
	char *title;
	enum step_kind kind;
	int planned_minutes;
	char *prompt;
	int actual_seconds;
	bool done;
	bool skipped;
};

/* Starts a meeting that follows its own copy of `agenda`. STORE_DUPLICATE if
 * another meeting is still in progress. */
enum store_rc store_meeting_start(struct store *st, store_id template_id,
				  const struct agenda_template *agenda, time_t started,
				  store_id facilitator_id, store_id *id);
enum store_rc store_meeting_get(struct store *st, store_id id, struct meeting *out);
/* STORE_NOTFOUND when none is in progress. */
enum store_rc store_meeting_in_progress(struct store *st, store_id *id);
enum store_rc store_meeting_last(struct store *st, struct meeting *out);
enum store_rc store_meeting_set_current_step(struct store *st, store_id id, int position);
/* Adds seconds to a step's actual time and optionally marks it done. */
enum store_rc store_meeting_step_time(struct store *st, store_id meeting, int position,
				      int seconds, bool done);
/* Saves the rating (0: none) and next meeting date of a meeting in progress,
 * as soon as the facilitator gives them. */
enum store_rc store_meeting_set_outcome(struct store *st, store_id id, int rating,
					cx_date next_meeting);
enum store_rc store_meeting_finish(struct store *st, store_id id, enum meeting_status status,
				   time_t ended, int rating, cx_date next_meeting);
enum store_rc store_meeting_steps(struct store *st, store_id id, struct meeting_step **out,
				  size_t *n);
enum store_rc store_meeting_count(struct store *st, int64_t *n);
/* What was done in a meeting: the items captured in each step, the actions
 * of other meetings changed in it, the people marked present, a rating. */
struct meeting_work {
	int *items; /* per step, by position */
	size_t n_steps;
	int reviewed;
	int present;
	bool rated;
};
enum store_rc store_meeting_work(struct store *st, store_id meeting, struct meeting_work *out);
void meeting_work_free(struct meeting_work *w);

void meeting_steps_free(struct meeting_step *s, size_t n);

/* Attendance: the department is taken from the person at the time. */
enum store_rc store_attendance_set(struct store *st, store_id meeting, store_id person,
				   bool present);
enum store_rc store_attendance_list(struct store *st, store_id meeting, store_id **people,
				    size_t *n);

/* --- keyset paging -------------------------------------------------------- */

/* Where a page of a long list continues: the sort keys of the row it starts
 * after, never a row count (a page costs the same at the end of ten years as
 * at the start). A zeroed cursor reads the first page, or with backward the
 * last. Every row of a paged list carries in `after` the cursor that continues
 * after it; a copy with backward set reads the page before that row instead.
 * Pages are always given in the list's own order. */
struct store_cursor {
	bool set;      /* false: from the start (backward: from the end) */
	bool backward; /* the rows before the key rather than after it */
	int part;      /* lists made of parts (the decision log's due ones, then
			* the rest): the part the key row is in */
	store_id id;   /* the key row's id, the last sort key */
	char key[40];  /* its first sort key as stored; "" when sorted by id alone */
};

/* --- items -------------------------------------------------------------- */

struct item {
	store_id id;
	enum item_kind kind;
	char *text;      /* short text, required */
	char *detail;    /* optional long text */
	char *rationale; /* decisions */
	store_id dept_id;
	store_id person_id; /* owner, decider, hero or teller, by kind */
	cx_date due;        /* actions */
	cx_date revisit;    /* decisions */
	store_id superseded_by;
	int rank;           /* parked topics; 0: unranked */
	enum item_status status;
	bool consent;       /* stories: the customer agreed to be named */
	store_id meeting_id;
	store_id step_id;
	time_t created_at;
	time_t closed_at;  /* when done, dropped or closed; 0 otherwise */
	time_t deleted_at; /* 0 unless soft-deleted */
	/* filled on read */
	char *dept_name;
	char *person_name;
	int slips;   /* times the due date moved later */
	int carried; /* meetings it reached unfinished */
};

struct item_event {
	store_id id;
	store_id item_id;
	enum event_kind kind;
	time_t at;
	store_id meeting_id;
	char *by;
	char *old_value;
	char *new_value;
	char *reason;
};

/* Inside a bulk write, the changes of a writer whose rows are right by
 * construction (the demo's: clean texts, an existing item in the state
 * said): nothing is read back or cleaned, each is one prepared statement
 * and its event, written as store_item_add, store_item_set_status and a
 * store_item_update of the due date alone write them. */
enum store_rc store_bulk_item_add(struct store *st, struct item *it, time_t at);
enum store_rc store_bulk_item_status(struct store *st, store_id id, enum item_status from,
				     enum item_status to, const char *reason, store_id meeting,
				     time_t at);
enum store_rc store_bulk_item_due(struct store *st, store_id id, cx_date from, cx_date to,
				  store_id meeting, time_t at);

/* Inserts it (setting it->id) and its "created" event in one transaction.
 * `at` is the creation time (clock_now() for live use). */
enum store_rc store_item_add(struct store *st, struct item *it, time_t at);
enum store_rc store_item_get(struct store *st, store_id id, struct item *out);
/* Writes text, detail, rationale, department, person, due, revisit, rank and
 * consent of `it`; records an event per kind of change (edited, due_moved,
 * reassigned) tied to meeting (0: none). */
enum store_rc store_item_update(struct store *st, const struct item *it, store_id meeting,
				time_t at);
/* done, dropped, closed, or open again (reopened); reason may be NULL. */
enum store_rc store_item_set_status(struct store *st, store_id id, enum item_status status,
				    const char *reason, store_id meeting, time_t at);
enum store_rc store_item_supersede(struct store *st, store_id old_id, store_id new_id,
				   store_id meeting, time_t at);
enum store_rc store_item_carry(struct store *st, store_id id, store_id meeting, time_t at);
enum store_rc store_item_delete(struct store *st, store_id id, store_id meeting, time_t at);
enum store_rc store_item_link(struct store *st, store_id from, store_id to, enum link_kind kind);
/* Items linked to id, in either direction. */
enum store_rc store_item_links(struct store *st, store_id id, store_id **others,
			       enum link_kind **kinds, size_t *n);
enum store_rc store_item_events(struct store *st, store_id id, struct item_event **out,
				size_t *n);
enum store_rc store_item_count(struct store *st, int kind, int64_t *n); /* kind -1: all */
/* Open actions (but those of meeting `exclude`, 0: none), and those of them
 * due before `today`. */
enum store_rc store_action_counts(struct store *st, cx_date today, store_id exclude,
				  int64_t *open, int64_t *overdue);
/* Full-text search, newest first, at most limit rows. */
enum store_rc store_item_search(struct store *st, const char *query, size_t limit,
				struct item **out, size_t *n);
/* Items captured in a meeting (in one step when step_id is not 0), oldest first. */
enum store_rc store_meeting_items(struct store *st, store_id meeting, store_id step_id,
				  struct item **out, size_t *n);
/* Open actions not created in `meeting`, earliest due first (those with no
 * due date before them), a page of at most limit from cur (NULL: the first). */
enum store_rc store_open_actions(struct store *st, store_id meeting,
				 const struct store_cursor *cur, size_t limit, struct item **out,
				 size_t *n);
/* The cursor continuing store_open_actions after it. */
void store_open_action_cursor(const struct item *it, struct store_cursor *cur);
/* Open parked topics, ranked ones first by rank. */
enum store_rc store_open_parked(struct store *st, size_t limit, struct item **out, size_t *n);
/* The ids of the first limit (0: all) open parked topics, in rank order
 * (for re-ranking). */
enum store_rc store_open_parked_ids(struct store *st, size_t limit, store_id **ids, size_t *n);
/* How many parked topics are open (kept summed: no topic is read). */
enum store_rc store_open_parked_count(struct store *st, int64_t *n);
/* Gives ids[i] rank i + 1, in one transaction. */
/* Ranks topics in the order of ids; in `meeting` (0: none), which this
 * instance must hold. */
enum store_rc store_items_rerank(struct store *st, const store_id *ids, size_t n,
				 store_id meeting);
/* Records a "carried" event, tied to meeting, for every open action (all
 * from earlier meetings: call it in the transaction that made meeting);
 * returns how many. */
enum store_rc store_carry_open_actions(struct store *st, store_id meeting, time_t at,
				       int64_t *carried);
void item_free(struct item *it);
void item_list_free(struct item *it, size_t n);
void item_events_free(struct item_event *e, size_t n);

/* --- the action list (store_actions.c) --------------------------------- */

/* Which actions a list shows, by state. */
enum action_state {
	ASTATE_OPEN,     /* open, whatever the date */
	ASTATE_OVERDUE,  /* open and due before today */
	ASTATE_WEEK,     /* open and due today to today + 6 */
	ASTATE_DONE,
	ASTATE_DROPPED,
	ASTATE_ALL,
	ASTATE_COUNT
};

struct action_filter {
	enum action_state state;
	store_id dept_id;   /* 0: any department */
	store_id person_id; /* 0: any owner */
	cx_date due_before; /* DATE_NONE: no bound */
	cx_date today;
};

/* An action with the start of the meeting it was captured in. */
struct action_row {
	struct item it;
	time_t meeting_at; /* 0: captured outside a meeting */
	struct store_cursor after; /* continues the list after this row */
};

/* One page of the actions the filter selects: overdue ones first (earliest
 * due first), then by due date, then by id. */
enum store_rc store_actions_list(struct store *st, const struct action_filter *f,
				 const struct store_cursor *cur, size_t limit,
				 struct action_row **out, size_t *n);
/* Every action the filter selects, in the order of store_actions_list, read
 * by one statement per part in one pass (no page started over; one owner's
 * actions a page at a time on that owner's index): for a command that
 * writes them all. _next gives the next `limit` rows (fewer: the last); no
 * other action list may be read in between. The rows may lack what no list
 * writes: the detail, rationale, created_at, closed_at and deleted_at (NULL,
 * 0). */
struct actions_stream;
enum store_rc store_actions_stream_begin(struct store *st, const struct action_filter *f,
					 struct actions_stream **out);
enum store_rc store_actions_stream_next(struct actions_stream *as, size_t limit,
					struct action_row **out, size_t *n);
void store_actions_stream_end(struct actions_stream *as);
/* How many actions the filter selects, and how many of them are overdue. */
enum store_rc store_actions_count(struct store *st, const struct action_filter *f,
				  int64_t *total, int64_t *overdue);
void action_rows_free(struct action_row *r, size_t n);

/* --- reports (store_report.c) ------------------------------------------ */

/* For exports, a page at a time in id order: items (not deleted) and meetings
 * with an id above `after`, at most limit of them. */
enum store_rc store_items_after(struct store *st, store_id after, size_t limit,
				struct item **out, size_t *n);
enum store_rc store_meetings_after(struct store *st, store_id after, size_t limit,
				   struct meeting **out, size_t *n);
/* The largest item and meeting ids there are (0: none), for the width of an
 * id column before its rows are read. */
enum store_rc store_id_bounds(struct store *st, store_id *max_item, store_id *max_meeting);

/* One person present at a meeting, with the department they belonged to then. */
struct attendee {
	store_id person_id;
	char *name;
	enum role role;   /* the person's role now */
	store_id dept_id; /* 0: none */
	char *dept_name;  /* NULL: none */
	bool dept_behind;
};

/* An event recorded in a meeting on an item captured elsewhere, with the
 * item's kind and text. */
struct review_event {
	struct item_event e;
	enum item_kind item_kind;
	char *item_text;
};

/* People present at the meeting, by department name (none last), then name. */
enum store_rc store_meeting_attendees(struct store *st, store_id meeting, struct attendee **out,
				      size_t *n);
/* Events recorded in `meeting` on items not captured in it (earlier meetings'
 * actions, for instance), oldest first. The automatic 'carried' and 'created'
 * events are left out, and so are deleted items. */
enum store_rc store_meeting_review_events(struct store *st, store_id meeting,
					  struct review_event **out, size_t *n);
void attendees_free(struct attendee *a, size_t n);
void review_events_free(struct review_event *e, size_t n);

/* --- cadence and participation (store_cadence.c) ------------------------ */

/* A completed meeting, for the cadence: when it started, its rating (0:
 * none) and the next meeting date it agreed (DATE_NONE: none). */
struct held_meeting {
	store_id id;
	time_t started_at;
	int rating;
	cx_date next_meeting;
};

/* A department with someone present at a meeting. */
struct meeting_dept {
	store_id meeting_id;
	store_id dept_id;
};

/* An action or a win captured in a meeting, as the reports need it. */
struct window_item {
	store_id meeting_id;
	store_id dept_id; /* 0: none */
	enum item_kind kind;
	cx_date due;      /* DATE_NONE: none */
	enum item_status status;
	time_t closed_at; /* 0: not closed */
};

/* One step of a meeting as it was held. */
struct window_step {
	store_id meeting_id;
	char *title;
	int planned_minutes;
	int actual_seconds;
	bool skipped;
	bool done;
};

struct dept_count {
	store_id dept_id; /* 0: none */
	int64_t n;
};

/* The "window" of the calls below is the last `last_n` completed meetings
 * (newest by start time), the same ones store_held_meetings lists last. */

/* Every completed meeting, oldest first (a few hundred rows in ten years). */
enum store_rc store_held_meetings(struct store *st, struct held_meeting **out, size_t *n);
/* The departments with someone present, per meeting of the window. */
enum store_rc store_window_attendance(struct store *st, size_t last_n, struct meeting_dept **out,
				      size_t *n);
/* The actions and wins captured in the window's meetings (not deleted). */
enum store_rc store_window_items(struct store *st, size_t last_n, struct window_item **out,
				 size_t *n);
/* The agenda steps of the window's meetings, by meeting and position. */
enum store_rc store_window_steps(struct store *st, size_t last_n, struct window_step **out,
				 size_t *n);
/* Open actions due before `today`, counted per department (any meeting). */
enum store_rc store_overdue_by_dept(struct store *st, cx_date today, struct dept_count **out,
				    size_t *n);
void window_steps_free(struct window_step *s, size_t n);
/* --- the decision log (store_decisions.c) ------------------------------- */

/* One decision as the log shows it. */
struct decision_row {
	store_id id;
	time_t created_at;
	store_id meeting_id;  /* 0: not taken in a meeting */
	time_t meeting_at;    /* when that meeting started; 0: none */
	store_id dept_id;
	char *dept_name;      /* NULL: none */
	store_id person_id;
	char *decider;        /* who decided; NULL: nobody named */
	char *text;
	char *rationale;      /* NULL: none */
	cx_date revisit;      /* DATE_NONE: no revisit date */
	store_id superseded_by;
	char *superseded_text; /* the superseding decision's text; NULL when in force */
	int links;            /* items linked to it, either way, not deleted */
	bool due;             /* due for a revisit (decision_revisit_due) */
	struct store_cursor after; /* continues the list after this row */
};

struct decision_filter {
	cx_date today;        /* revisit dates up to this day are due */
	store_id dept_id;     /* 0: every department */
	bool due_only;        /* only those due for a revisit */
	bool with_superseded; /* superseded ones too */
	const char *words;    /* only those whose text, detail or rationale hold
			       * all these words (as prefixes); NULL or "": any */
	store_id floor;       /* with words: only decisions from this id on (a
			       * window of the newest, store_decisions_window); 0: all */
	int64_t reach;        /* with words: the matches of any kind from the floor
			       * on, the newest first (store_decisions_window): the
			       * list is read from them alone; 0: not known (read on
			       * the decisions' indexes) */
};

/* With words: the id of the oldest of the newest cap decisions (not
 * deleted, any department) holding them, when older ones hold them too, to
 * make the filter's floor; 0 when there are no more than cap. *reach: the
 * items of any kind holding them from the floor on (all of them when the
 * floor is 0), the filter's reach. *total and *due (each may be NULL): what
 * store_decisions_count gives for f with that floor and reach, counted in
 * the same pass. Reads cap + 1 matching decisions at most. STORE_INVALID for
 * words not fit to search. */
enum store_rc store_decisions_window(struct store *st, const struct decision_filter *f,
				     size_t cap, store_id *floor, int64_t *reach, int64_t *total,
				     int64_t *due);

/* An item linked to a decision, for its detail panel. */
struct decision_link {
	store_id id;
	enum item_kind kind;
	enum item_status status;
	enum link_kind link;
	bool outgoing; /* the link goes from the decision to the item */
	char *text;
};

/* A decision named by id and text: what it supersedes, or a candidate to
 * supersede it. */
struct decision_ref {
	store_id id;
	time_t created_at;
	char *text;
	char *dept_name; /* NULL: none */
};

/* Not deleted decisions matching f: those due for a revisit first, earliest
 * revisit date first; then the rest, the most recently recorded first. Rows
 * At most limit rows from cur (NULL: the first page). STORE_INVALID when
 * f->words is not fit to search. */
enum store_rc store_decisions_list(struct store *st, const struct decision_filter *f,
				   const struct store_cursor *cur, size_t limit,
				   struct decision_row **out, size_t *n);
/* How many decisions match f, and how many of them are due for a revisit. */
enum store_rc store_decisions_count(struct store *st, const struct decision_filter *f,
				    int64_t *total, int64_t *due);
/* The items linked to decision id (not deleted), in id order. */
enum store_rc store_decision_links(struct store *st, store_id id, struct decision_link **out,
				   size_t *n);
/* The decisions that `id` superseded, oldest first. */
enum store_rc store_decision_supersedes(struct store *st, store_id id,
					struct decision_ref **out, size_t *n);
/* Decisions other than `id` taken at or after it, newest first, at most
 * limit: the candidates to supersede it. */
enum store_rc store_decisions_later(struct store *st, store_id id, size_t limit,
				    struct decision_ref **out, size_t *n);
/* Marks decision old_id superseded by new_id, after the rules of
 * decision_supersede_check (STORE_INVALID with the reason when refused,
 * STORE_NOTFOUND for an unknown id); the change and its event are one
 * transaction. */
enum store_rc store_decision_supersede(struct store *st, store_id old_id, store_id new_id,
				       store_id meeting, time_t at);
/* Sets (DATE_NONE: clears) a decision's revisit date, with an "edited" event
 * holding the old and new dates (reason "revisit"). STORE_INVALID if id is
 * not a decision. */
enum store_rc store_decision_set_revisit(struct store *st, store_id id, cx_date revisit,
					 store_id meeting, time_t at);
/* For a command that reads much of the file once (a whole report): a small
 * page cache, so memory stays small whatever the history's size. */
enum store_rc store_read_once(struct store *st);
void decision_rows_free(struct decision_row *r, size_t n);
void decision_links_free(struct decision_link *l, size_t n);
void decision_refs_free(struct decision_ref *r, size_t n);
/* --- people's records (store_people.c) ---------------------------------- */

/* One person's record as owner and hero. Deleted items do not count. */
struct person_record {
	struct person p;
	int64_t wins;         /* wins crediting them */
	int64_t actions;      /* actions they own, whatever their status */
	int64_t done;         /* of those, done */
	int64_t done_judged;  /* done, with a due date to be judged by (action_judged) */
	int64_t done_on_time; /* of those, done on or before the due date (local) */
	int64_t open;
	int64_t overdue;      /* open and due before `today` */
};

/* Every person's record in one query, by department then name; archived
 * people only when with_archived. */
enum store_rc store_person_records(struct store *st, cx_date today, bool with_archived,
				   struct person_record **out, size_t *n);
/* Places a person on the stakeholder map (STANCE_UNSET: not placed). */
enum store_rc store_person_set_stance(struct store *st, store_id id, enum stance influence,
				      enum stance support);
void person_records_free(struct person_record *r, size_t n);
/* --- history and search (store_history.c) ------------------------------ */

/* One past meeting as the history lists it. */
struct meeting_summary {
	store_id id;
	time_t started_at;
	time_t ended_at; /* 0: never ended (in progress) */
	enum meeting_status status;
	int rating;      /* 0: not rated */
	int present;     /* people present */
	int n_depts;     /* departments present */
	char *dept_names; /* those departments by name, ", " between; NULL: none */
	int decisions, actions, wins; /* items captured, deleted ones left out */
	struct store_cursor after; /* continues the list after this row */
};

struct history_filter {
	time_t since;     /* meetings started at or after; 0: all */
	store_id dept_id; /* meetings this department attended; 0: all */
};

/* Meetings newest first, `limit` of them (0: all) from cur (NULL: the first). */
enum store_rc store_history_list(struct store *st, const struct history_filter *f,
				 const struct store_cursor *cur, size_t limit,
				 struct meeting_summary **out, size_t *n);
enum store_rc store_history_count(struct store *st, const struct history_filter *f,
				  int64_t *n);
void meeting_summaries_free(struct meeting_summary *m, size_t n);

/* Around each match in search_hit.marked: bytes stored text never holds
 * (text_clean refuses control characters). */
#define SEARCH_MARK_ON '\x01'
#define SEARCH_MARK_OFF '\x02'
/* At most this many words of a search are used, each cut to this many bytes. */
#define SEARCH_MAX_WORDS 32
#define SEARCH_MAX_WORD 100

struct search_filter {
	const char *words; /* as typed: every word must occur, the last as a prefix */
	store_id dept_id;  /* 0: any department */
	int kind;          /* an enum item_kind, or -1: any */
	bool plain;        /* no marks wanted: each hit's marked is "" (cheaper) */
	store_id floor;    /* only items from this id on (a window of the newest); 0: all */
};

/* it.slips and it.carried are not read (0). */
struct search_hit {
	struct item it;
	time_t meeting_at; /* when its meeting started; 0: none */
	char *marked;      /* it.text with SEARCH_MARK_ON/OFF around the matches */
	struct store_cursor after; /* continues the list after this row */
};

/* Items of every meeting whose text, detail or rationale holds every word,
 * newest first. The words are taken as plain text: quotes, operators and
 * punctuation typed by the user only separate words. STORE_INVALID (with a
 * message) when there is no word to search for. */
enum store_rc store_search(struct store *st, const struct search_filter *f,
			   const struct store_cursor *cur, size_t limit, struct search_hit **out,
			   size_t *n);
/* Every match of a search, newest first, read by one statement in one pass
 * (a search read a page at a time starts over at each page, which costs as
 * much as reading every match when a word is in most items): for a command
 * that writes them all. _begin starts (at most `limit` matches, 0: all),
 * _next gives the next `limit` of them (fewer: the last), _end stops.
 * The hits hold what a list of matches shows: the item's id, kind, text,
 * department and person (ids and names), meeting and times, and the cursor
 * after it; no marks, slips or carried counts. No other search may run in
 * between. */
struct search_stream;
enum store_rc store_search_stream_begin(struct store *st, const struct search_filter *f,
					size_t limit, struct search_stream **out);
enum store_rc store_search_stream_next(struct search_stream *ss, size_t limit,
				       struct search_hit **out, size_t *n);
void store_search_stream_end(struct search_stream *ss);
enum store_rc store_search_count(struct store *st, const struct search_filter *f, int64_t *n);
/* The newest matches, at most cap of them (the filter's floor aside): how
 * many (*n), and, when older ones remain beyond them, the id of the oldest
 * of the cap (*floor; 0 when every match is counted), to make the window
 * the filter's floor. Reads cap + 1 matches at most, however many there are. */
enum store_rc store_search_window(struct store *st, const struct search_filter *f, size_t cap,
				  int64_t *n, store_id *floor);
void search_hits_free(struct search_hit *h, size_t n);

#endif
