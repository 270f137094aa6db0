/* store.h - the persistence interface: the operations on a store, whichever
 * backend holds it. Only a backend speaks to its database; nothing here names
 * one, so another backend implements the same operations (src/store/).
 *
 * Conventions: functions return enum store_rc (STORE_OK on success). On error
 * store_errmsg() holds a message fit for the user. What they return is a
 * record or row of records.h or rows.h, freed with the matching *_free().
 * Every call that writes is one transaction on its own, unless the caller
 * wrapped several in store_begin() / store_commit(), in which case they
 * commit or roll back together. */
#ifndef CXMEET_STORE_H
#define CXMEET_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "cxmeet/records.h"
#include "cxmeet/rows.h"
#include "cxmeet/store_tables.h"

#define STORE_SCHEMA_VERSION 12

/* An open store: opaque, whatever its backend. */
struct store;

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
	/* A database on a server (PostgreSQL): */
	STORE_UNREACHABLE, /* the server is down or unreachable, or the connection was lost */
	STORE_AUTH,        /* the server refused the login (password, role, pg_hba) */
	STORE_NO_COUNCIL,  /* no such council, or which one to use is not said */
	STORE_NOT_MEMBER,  /* the role is a member of no council, or may not do that */
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

/* store_open, or (create false) only an existing database: a missing or
 * empty file gives STORE_NOTFOUND and nothing is created. A path whose
 * companion files (-wal, -shm, -journal) would have names too long gives
 * STORE_INVALID, saying so. The database argument picks the backend: a path
 * is an SQLite file; a PostgreSQL address (postgresql://, postgres://,
 * service=) opens that server's database (the PostgreSQL backend, when the
 * build has it; else it is refused as a file that cannot be opened is,
 * STORE_READONLY, saying this build has no backend for it). A password in
 * the argument is refused (STORE_INVALID); a missing database is
 * STORE_NOTFOUND, or (create) made. */
enum store_rc store_open_mode(const char *path, bool create, struct store **out, char *err,
			      size_t errlen);

/* Long work on a file (a migration, building the full-text index): fn is
 * called once it has taken half a second and then about five times a
 * second, with what is being done and the seconds taken so far, and once
 * more with what NULL when it is over (only if it was called before). For a
 * line of progress on a terminal; one for the whole program, NULL for none. */
typedef void (*store_progress_fn)(const char *what, double seconds, void *ctx);

void store_set_progress(store_progress_fn fn, void *ctx);

/* The council a store opened from now on works on (NULL: the one
 * $CXMEET_COUNCIL names, else the only one the role belongs to): for the
 * command line's --council, which wins over the variable. The name is
 * copied. */
void store_choose_council(const char *name);
/* The name store_choose_council gave, else $CXMEET_COUNCIL; NULL when
 * neither names one. */
const char *store_chosen_council(void);

/* With on, a store opened from now on may work on no council when none can
 * be picked (the role belongs to several and none is named, or to none):
 * for the commands over councils (council, --all-councils), which name no
 * council of their own. A council named that cannot be had is still
 * refused. */
void store_council_optional(bool on);
bool store_council_is_optional(void);

/* Whether a database argument names a PostgreSQL server (postgresql://,
 * postgres://, service=) rather than a file. */
bool store_names_server(const char *db);

/* The backend's own version, for --version. */
const char *store_backend_version(void);

/* The cursor continuing store_open_actions after it. */
void store_open_action_cursor(const struct item *it, struct store_cursor *cur);

/* Streams of rows read in one pass (store_actions_stream_begin,
 * store_search_stream_begin). */
struct actions_stream;
struct search_stream;

/* How far store_backup is: done of total pages. */
typedef void (*store_count_fn)(long done, long total, void *ctx);

/* A row read by store_table_rows: values[i] of column i (NULL: NULL). */
typedef void (*store_row_fn)(const char *const *values, void *ctx);

/* Every operation on an open store, in one list: X(name, (params), (args))
 * returns enum store_rc, R(type, name, (params), (args)) returns type, and
 * V(name, (params), (args)) returns nothing. Each is declared below as
 * store_NAME; its first parameter is the handle (the store, or a stream
 * read from it) whose backend does the work (src/store/store.c). */
#define STORE_OPS(X, R, V) \
	/* STORE_CORRUPT (store_errmsg naming what is wrong) when the schema has been \
	 * changed behind the program's back since the store was opened or last \
	 * verified; cheap when it has not (one PRAGMA): for long-running callers. */ \
	X(verify, (struct store *st), (st)) \
	V(close, (struct store *st), (st)) \
	/* Checkpoints of the write-ahead log kept off the user's keys: once asked \
	 * (the full-screen interface does), a commit no longer copies the log into \
	 * the database when the log reaches its size (about 4 MB), which made that \
	 * one key wait for a copy and a sync; store_checkpoint_due then says a copy \
	 * is owed, and store_checkpoint_idle makes it (a passive one: it waits for \
	 * no reader nor writer), to be called while nobody types. A log grown ten \
	 * times that size is copied in the commit after all, so it stays bounded. */ \
	V(defer_checkpoints, (struct store *st), (st)) \
	R(bool, checkpoint_due, (const struct store *st), (st)) \
	V(checkpoint_idle, (struct store *st), (st)) \
	R(const char *, errmsg, (const struct store *st), (st)) \
	/* Makes msg what store_errmsg says and returns rc: a call refused by a \
	 * rule of core before the store is asked is reported as the store's own \
	 * refusals are. */ \
	X(refuse, (struct store *st, enum store_rc rc, const char *msg), (st, rc, msg)) \
	R(const char *, path, (const struct store *st), (st)) \
	R(int, schema_version, (const struct store *st), (st)) \
	/* The name written into item_events.by and version records (default: $USER). */ \
	V(set_actor, (struct store *st, const char *actor), (st, actor)) \
	/* Checks the whole file: its schema against the one this version makes \
	 * (every table, index, trigger and view missing or altered), SQLite's \
	 * integrity check and the foreign keys. STORE_OK with *problems NULL when \
	 * healthy; STORE_CORRUPT with *problems holding what was found, one problem a \
	 * line (caller frees), when damaged; any other code when the check could not \
	 * run (store_errmsg says why). *notes (when notes is not NULL; caller frees) \
	 * lists the objects of the user's own, which are not problems, or is NULL. */ \
	X(check, (struct store *st, char **problems, char **notes), (st, problems, notes)) \
	/* A consistent copy of the whole database, as it was at one moment, into \
	 * the file at path, which exists and is empty (the caller's temporary \
	 * file, renamed into place afterwards): SQLite's online backup, a few \
	 * pages at a time inside one read transaction, so that a meeting running \
	 * meanwhile is neither blocked nor copied half-way. fn (NULL: none) is \
	 * told the pages copied after each step. STORE_FULL for a full disk; on a \
	 * server STORE_INVALID, saying what to use instead (pg_dump, or `cxmeet \
	 * copy` into a file). */ \
	X(backup, (struct store *st, const char *path, store_count_fn fn, void *ctx), \
		(st, path, fn, ctx)) \
	/* Compiles every statement the store may run (they are otherwise compiled on \
	 * first use): a check that the schema is what this program expects. */ \
	X(prepare_all, (struct store *st), (st)) \
	/* A live meeting is about to start: the backend may make ready now what a \
	 * meeting runs (a server prepares its statements in one round trip rather \
	 * than one each on first use). Changes nothing; a failure here is met \
	 * again, and reported, where the statement is first run. */ \
	V(expect_meeting, (struct store *st), (st)) \
	X(begin, (struct store *st), (st)) \
	X(commit, (struct store *st), (st)) \
	V(rollback, (struct store *st), (st)) \
	/* A transaction that only reads (ended with store_rollback): its reads \
	 * see the data as it was at one moment, and on a file it waits for no \
	 * writer (another program's lock, a meeting running), as store_begin's \
	 * write transaction would. */ \
	X(read_begin, (struct store *st), (st)) \
	/* For a writer of many rows in one transaction (inside store_begin) that \
	 * writes only into meetings it starts in it: store_bulk_begin stops keeping \
	 * the full-text index in step row by row and lifts this connection's checks \
	 * that it holds the meeting written (refused, STORE_BUSY, while another \
	 * instance holds a meeting); store_bulk_end builds the index once, from \
	 * every item, and puts both back (store_commit does it too, if not done \
	 * yet; a rollback undoes everything). The schema committed is the one the \
	 * transaction began with. */ \
	X(bulk_begin, (struct store *st), (st)) \
	X(bulk_end, (struct store *st), (st)) \
	/* (store_bulk_item_add and the like, with the items below.) */ \
	/* Outside any transaction, before a bulk write (on) and after its commit or \
	 * rollback (off): the file's write-ahead log is left for a rollback journal \
	 * meanwhile, so that each page is written once, into the file (not into the \
	 * log, then again into the file); the commit is as durable, a writer killed \
	 * half-way is rolled back from the journal at the next open. STORE_BUSY, \
	 * and nothing changed, while another connection has the file open: the bulk \
	 * write then goes through the log. */ \
	X(bulk_journal, (struct store *st, bool on), (st, on)) \
	/* The rows of store_tables[table], in key order, each given to fn (at \
	 * most limit of them, 0: all); with fn NULL they are only counted, into \
	 * *n (NULL when not wanted). On a server, the session's council's. \
	 * Read in a transaction begun for it (store_begin), table 0 first: \
	 * every table as it was at one moment, on a server too (the file is \
	 * not written meanwhile; the server's transaction reads a snapshot). */ \
	X(table_rows, (struct store *st, size_t table, size_t limit, store_row_fn fn, void *ctx, \
		int64_t *n), (st, table, limit, fn, ctx, n)) \
	/* Inside a bulk write: n rows of store_tables[table] (values: n times \
	 * its ncols values, as store_table_rows gives them), ids kept; the late \
	 * column is written NULL. On a server, into the session's council. */ \
	X(table_put, (struct store *st, size_t table, size_t n, const char *const *values), \
		(st, table, n, values)) \
	/* Sets the late column of n rows of store_tables[table]: pairs holds \
	 * each row's id, then the value. */ \
	X(table_link, (struct store *st, size_t table, size_t n, const char *const *pairs), \
		(st, table, n, pairs)) \
	/* After the last store_table_put of a copy, inside its transaction: new \
	 * rows are then given ids past those written. */ \
	X(table_put_end, (struct store *st), (st)) \
	/* Inside a bulk write: n numbers for rows to be added to \
	 * store_tables[table] (one numbered by an id column; else \
	 * STORE_INVALID), increasing, in one call: none held by a row (on a \
	 * server, of any council). A number given before and not written yet \
	 * may be given again: a call's rows are written before the next call. \
	 * A merge's new rows (the numbers of the file it merges are never \
	 * trusted to be free). */ \
	X(table_ids, (struct store *st, size_t table, size_t n, int64_t *ids), \
		(st, table, n, ids)) \
	/* --- organisation ------------------------------------------------------- */ \
	/* STORE_NOTFOUND when the organisation was never set up (a fresh database). */ \
	X(org_get, (struct store *st, struct org *out), (st, out)) \
	X(org_create, (struct store *st, const char *name), (st, name)) \
	X(org_set_text, (struct store *st, enum org_text f, const char *value), (st, f, value)) \
	X(org_set_cadence, (struct store *st, const struct cadence *c), (st, c)) \
	X(org_set_escalate_after, (struct store *st, int n), (st, n)) \
	X(org_set_setup_step, (struct store *st, int step), (st, step)) \
	/* Newest first. */ \
	X(org_history, (struct store *st, enum org_text f, struct org_version **out, \
		size_t *n), (st, f, out, n)) \
	/* --- councils ----------------------------------------------------------- */ \
	/* A council is one organisation's meetings and records. An SQLite file \
	 * holds exactly one, named after the organisation ("council" while it has \
	 * no name); a server holds many, each kept apart by the server's own row \
	 * security. Every council the session may see, by name: archived ones too \
	 * (marked), whether the role is a member, and which is the session's. */ \
	X(council_list, (struct store *st, struct council **out, size_t *n), (st, out, n)) \
	/* The council this session works on. */ \
	X(council_current, (struct store *st, struct council *out), (st, out)) \
	/* Managed by the database's owner on a server (STORE_NOT_MEMBER for any \
	 * other role, saying so); a file's one council cannot be added to, nor its \
	 * membership changed (STORE_INVALID, saying a file holds one council and a \
	 * server many). Names are unique without regard to case (STORE_DUPLICATE); \
	 * a council that is not there is STORE_NO_COUNCIL. Renaming a file's \
	 * council names its organisation; archiving it is refused (STORE_INVALID). \
	 * The name comes clean (names.h: council_add, council_rename). */ \
	X(council_add, (struct store *st, const char *name), (st, name)) \
	X(council_rename, (struct store *st, const char *name, const char *new_name), \
		(st, name, new_name)) \
	X(council_archive, (struct store *st, const char *name), (st, name)) \
	/* Makes role (an existing role of the server: STORE_NOTFOUND otherwise) a \
	 * member of the council, or no longer one. */ \
	X(council_grant, (struct store *st, const char *name, const char *role), \
		(st, name, role)) \
	X(council_revoke, (struct store *st, const char *name, const char *role), \
		(st, name, role)) \
	/* With on, the action list (store_actions_list, _stream, _count), search \
	 * (store_search, _stream, _count, _window) and the decision log \
	 * (store_decisions_list, _count, _window) read every council the \
	 * role may read (on a server, as its row security allows: the councils \
	 * it belongs to, every one for cxmeet_reader), each row naming its \
	 * council (`council`); a file has one council, and its rows name none \
	 * (NULL: the caller names the file's). Off: the session's council. \
	 * Filters by department or person name one council's: not with it. */ \
	X(read_all_councils, (struct store *st, bool on), (st, on)) \
	/* --- departments -------------------------------------------------------- */ \
	/* Names come clean, each with its key (names.h: name_checked), through \
	 * core's dept_add, person_add, template_add and the like: the store \
	 * keeps them, unique by key (STORE_DUPLICATE), and applies no rule of \
	 * its own to them. */ \
	X(dept_add, (struct store *st, const char *name, const char *key, bool behind, \
		store_id *id), (st, name, key, behind, id)) \
	/* Finds by key (archived ones too); name is for the message. */ \
	X(dept_find, (struct store *st, const char *name, const char *key, struct dept *out), \
		(st, name, key, out)) \
	X(dept_get, (struct store *st, store_id id, struct dept *out), (st, id, out)) \
	X(dept_list, (struct store *st, bool with_archived, struct dept **out, \
		size_t *n), (st, with_archived, out, n)) \
	X(dept_rename, (struct store *st, store_id id, const char *name, const char *key), \
		(st, id, name, key)) \
	X(dept_set_behind, (struct store *st, store_id id, bool behind), (st, id, behind)) \
	X(dept_set_archived, (struct store *st, store_id id, bool archived), (st, id, archived)) \
	/* --- people ------------------------------------------------------------- */ \
	X(person_add, (struct store *st, const struct person *p, const char *key, store_id *id), \
		(st, p, key, id)) \
	X(person_find, (struct store *st, const char *name, const char *key, \
		struct person *out), (st, name, key, out)) \
	X(person_get, (struct store *st, store_id id, struct person *out), (st, id, out)) \
	/* dept_id 0: all departments. Ordered by department, then name. */ \
	X(person_list, (struct store *st, bool with_archived, store_id dept_id, \
		struct person **out, size_t *n), (st, with_archived, dept_id, out, n)) \
	/* Writes name, dept_id, role, email, influence and support of p (by p->id). */ \
	X(person_update, (struct store *st, const struct person *p, const char *key), \
		(st, p, key)) \
	X(person_set_archived, (struct store *st, store_id id, \
		bool archived), (st, id, archived)) \
	/* Every person's name (people: true) or every department's, archived ones \
	 * too, in no particular order, each given to fn: a report sizes its columns \
	 * on them without reading whole rows. */ \
	X(names_each, (struct store *st, bool people, void (*fn)(const char *name, void *ctx), \
		void *ctx), (st, people, fn, ctx)) \
	/* --- agenda templates --------------------------------------------------- */ \
	X(template_add, (struct store *st, const struct agenda_template *t, const char *key, \
		bool make_default, store_id *id), (st, t, key, make_default, id)) \
	X(template_find, (struct store *st, const char *key, store_id *id), (st, key, id)) \
	X(template_default, (struct store *st, store_id *id), (st, id)) \
	X(template_get, (struct store *st, store_id id, \
		struct agenda_template *out), (st, id, out)) \
	X(template_list, (struct store *st, struct template_info **out, \
		size_t *n), (st, out, n)) \
	/* Replaces all of a template's steps with t's (its name is not touched); \
	 * through template_save_steps (templates.h), which checks them first. */ \
	X(template_save_steps, (struct store *st, store_id id, \
		const struct agenda_template *t), (st, id, t)) \
	/* Names are unique, compared without regard to case: STORE_DUPLICATE. */ \
	X(template_rename, (struct store *st, store_id id, const char *name, const char *key), \
		(st, id, name, key)) \
	/* There is always exactly one default. */ \
	X(template_set_default, (struct store *st, store_id id), (st, id)) \
	/* A new template with the steps of id, under name. */ \
	X(template_copy, (struct store *st, store_id id, const char *name, const char *key, \
		store_id *new_id), (st, id, name, key, new_id)) \
	/* Hides a template from the lists and frees its name; the default cannot be \
	 * archived (STORE_INVALID). Meetings keep their own copies of its steps. */ \
	X(template_archive, (struct store *st, store_id id), (st, id)) \
	/* --- who holds a live meeting ------------------------------ */ \
	/* STORE_NOTFOUND when nobody holds the meeting. */ \
	X(hold_get, (struct store *st, store_id meeting, \
		struct meeting_hold *out), (st, meeting, out)) \
	/* Takes the hold of a meeting in progress for this instance: from NULL, only \
	 * when nobody holds it; else only while it is still held as `from` was read, \
	 * so that two taking over at once cannot both win (STORE_NOT_HELD). */ \
	X(hold_take, (struct store *st, store_id meeting, const struct meeting_hold *from, \
		time_t now), (st, meeting, from, now)) \
	/* Whether this instance still holds the meeting, in progress. */ \
	R(bool, hold_mine, (struct store *st, store_id meeting), (st, meeting)) \
	/* Records that the holder is alive; STORE_NOT_HELD when it holds no more. */ \
	X(hold_beat, (struct store *st, store_id meeting, time_t now), (st, meeting, now)) \
	/* Lets go of the meeting (kept in progress), when this instance holds it. */ \
	X(hold_release, (struct store *st, store_id meeting), (st, meeting)) \
	/* A number that changes whenever another connection commits a change to the \
	 * database: a cheap test of whether there is anything new to read. */ \
	R(int64_t, data_version, (struct store *st), (st)) \
	/* With `on`, a write that finds the database locked by another program fails \
	 * at once (STORE_BUSY) instead of waiting up to three seconds: for what is \
	 * kept in passing, such as a form's draft at each key. */ \
	V(no_wait, (struct store *st, bool on), (st, on)) \
	X(draft_save, (struct store *st, store_id meeting, const struct meeting_draft *d, \
		time_t now), (st, meeting, d, now)) \
	/* STORE_NOTFOUND when there is none. */ \
	X(draft_get, (struct store *st, store_id meeting, \
		struct meeting_draft *out), (st, meeting, out)) \
	X(draft_clear, (struct store *st, store_id meeting), (st, meeting)) \
	/* --- meetings ----------------------------------------------------------- */ \
	/* Starts a meeting that follows its own copy of `agenda`. STORE_DUPLICATE if \
	 * another meeting is still in progress. */ \
	X(meeting_start, (struct store *st, store_id template_id, \
		const struct agenda_template *agenda, time_t started, store_id facilitator_id, \
		store_id *id), (st, template_id, agenda, started, facilitator_id, id)) \
	X(meeting_get, (struct store *st, store_id id, struct meeting *out), (st, id, out)) \
	/* STORE_NOTFOUND when none is in progress. */ \
	X(meeting_in_progress, (struct store *st, store_id *id), (st, id)) \
	X(meeting_last, (struct store *st, struct meeting *out), (st, out)) \
	X(meeting_set_current_step, (struct store *st, store_id id, \
		int position), (st, id, position)) \
	/* Adds seconds to a step's actual time and optionally marks it done. */ \
	X(meeting_step_time, (struct store *st, store_id meeting, int position, int seconds, \
		bool done), (st, meeting, position, seconds, done)) \
	/* Saves the rating (0: none) and next meeting date of a meeting in progress, \
	 * as soon as the facilitator gives them. */ \
	X(meeting_set_outcome, (struct store *st, store_id id, int rating, \
		cx_date next_meeting), (st, id, rating, next_meeting)) \
	X(meeting_finish, (struct store *st, store_id id, enum meeting_status status, \
		time_t ended, int rating, \
		cx_date next_meeting), (st, id, status, ended, rating, next_meeting)) \
	X(meeting_steps, (struct store *st, store_id id, struct meeting_step **out, \
		size_t *n), (st, id, out, n)) \
	X(meeting_count, (struct store *st, int64_t *n), (st, n)) \
	X(meeting_work, (struct store *st, store_id meeting, \
		struct meeting_work *out), (st, meeting, out)) \
	/* Attendance: the department is taken from the person at the time. */ \
	X(attendance_set, (struct store *st, store_id meeting, store_id person, \
		bool present), (st, meeting, person, present)) \
	X(attendance_list, (struct store *st, store_id meeting, store_id **people, \
		size_t *n), (st, meeting, people, n)) \
	/* Marks every active person present, in one statement (the roll call's \
	 * "everyone"); how many were not present before in *marked. */ \
	X(attendance_everyone, (struct store *st, store_id meeting, int *marked), \
		(st, meeting, marked)) \
	/* A member's rating of a meeting in progress (1..10; given again, it \
	 * replaces theirs); the meeting's own rating becomes the members' \
	 * average, rounded, in the same transaction. meeting.h says who may. */ \
	X(rating_set, (struct store *st, store_id meeting, store_id person, int rating, \
		time_t at), (st, meeting, person, rating, at)) \
	/* The members' ratings of a meeting, by name; meeting 0: those of \
	 * every meeting, by meeting. */ \
	X(ratings, (struct store *st, store_id meeting, struct member_rating **out, \
		size_t *n), (st, meeting, out, n)) \
	/* Who will brief a department nobody represented (given again, it \
	 * replaces the one before). meeting.h says who may. */ \
	X(briefer_set, (struct store *st, store_id meeting, store_id dept, store_id person, \
		time_t at), (st, meeting, dept, person, at)) \
	/* The briefers of a meeting, by department name; meeting 0: those of \
	 * every meeting, by meeting. */ \
	X(briefers, (struct store *st, store_id meeting, struct briefer **out, \
		size_t *n), (st, meeting, out, n)) \
	/* --- keyset paging -------------------------------------------------------- */ \
	/* --- items -------------------------------------------------------------- */ \
	/* Inside a bulk write, the changes of a writer whose rows are right by \
	 * construction (the demo's: clean texts, an existing item in the state \
	 * said): nothing is read back or cleaned, each is one prepared statement \
	 * and its event, written as store_item_add, store_item_set_status and a \
	 * store_item_update of the due date alone write them. */ \
	X(bulk_item_add, (struct store *st, struct item *it, time_t at), (st, it, at)) \
	X(bulk_item_status, (struct store *st, store_id id, enum item_status from, \
		enum item_status to, const char *reason, store_id meeting, \
		time_t at), (st, id, from, to, reason, meeting, at)) \
	X(bulk_item_due, (struct store *st, store_id id, cx_date from, cx_date to, \
		store_id meeting, time_t at), (st, id, from, to, meeting, at)) \
	/* Inserts it (setting it->id) and its "created" event in one transaction. \
	 * `at` is the creation time (clock_now() for live use). */ \
	X(item_add, (struct store *st, struct item *it, time_t at), (st, it, at)) \
	X(item_get, (struct store *st, store_id id, struct item *out), (st, id, out)) \
	/* Writes text, detail, rationale, department, person, due, revisit, rank and \
	 * consent of `it`; records an event per kind of change (edited, due_moved, \
	 * reassigned) tied to meeting (0: none). */ \
	X(item_update, (struct store *st, const struct item *it, store_id meeting, \
		time_t at), (st, it, meeting, at)) \
	/* done, dropped, closed, or open again (reopened); reason may be NULL. */ \
	X(item_set_status, (struct store *st, store_id id, enum item_status status, \
		const char *reason, store_id meeting, \
		time_t at), (st, id, status, reason, meeting, at)) \
	X(item_supersede, (struct store *st, store_id old_id, store_id new_id, store_id meeting, \
		time_t at), (st, old_id, new_id, meeting, at)) \
	/* A 'carried' event of its own (an open action is counted carried to \
	 * every meeting started while it is open without one). */ \
	X(item_carry, (struct store *st, store_id id, store_id meeting, \
		time_t at), (st, id, meeting, at)) \
	/* An 'imported' event: where the item was read from (new_value). */ \
	X(item_imported, (struct store *st, store_id id, const char *from, \
		time_t at), (st, id, from, at)) \
	X(item_delete, (struct store *st, store_id id, store_id meeting, \
		time_t at), (st, id, meeting, at)) \
	X(item_link, (struct store *st, store_id from, store_id to, \
		enum link_kind kind), (st, from, to, kind)) \
	/* Items linked to id, in either direction. */ \
	X(item_links, (struct store *st, store_id id, store_id **others, enum link_kind **kinds, \
		size_t *n), (st, id, others, kinds, n)) \
	X(item_events, (struct store *st, store_id id, struct item_event **out, \
		size_t *n), (st, id, out, n)) \
	/* kind -1: all. */ \
	X(item_count, (struct store *st, int kind, int64_t *n), (st, kind, n)) \
	/* For each of the n items ids[i]: how often its due date was moved (its \
	 * due_moved events, either way) and when it was last changed, the \
	 * revision of its calendar entry, into due_moves[i] and updated_at[i] (0 \
	 * for an id there is no item of). One round trip on a server. */ \
	X(item_revisions, (struct store *st, const store_id *ids, size_t n, int64_t *due_moves, \
		int64_t *updated_at), (st, ids, n, due_moves, updated_at)) \
	/* Open actions (but those of meeting `exclude`, 0: none), and those of them \
	 * due before `today`. */ \
	X(action_counts, (struct store *st, cx_date today, store_id exclude, int64_t *open, \
		int64_t *overdue), (st, today, exclude, open, overdue)) \
	/* Full-text search, newest first, at most limit rows. */ \
	X(item_search, (struct store *st, const char *query, size_t limit, struct item **out, \
		size_t *n), (st, query, limit, out, n)) \
	/* What was recorded outside any meeting and waits for `meeting`, oldest \
	 * first, at most limit: the items with no meeting recorded since the \
	 * meeting before it started (every one, before the first meeting) and, \
	 * once it has ended, before its end, that no other meeting discussed; \
	 * every talking point open (they carry forward until discussed) recorded \
	 * before its end; and \
	 * whatever this meeting discussed. meeting 0: the next meeting, after the \
	 * last one started. */ \
	X(waiting_items, (struct store *st, store_id meeting, size_t limit, \
		struct waiting_item **out, size_t *n), (st, meeting, limit, out, n)) \
	/* Marks item, recorded outside any meeting, discussed in meeting (0: not \
	 * discussed). STORE_NOTFOUND when there is no such item, or it was \
	 * captured in a meeting or deleted (items.h, item_mark_discussed, says \
	 * which). */ \
	X(item_set_discussed, (struct store *st, store_id item, store_id meeting, time_t at), \
		(st, item, meeting, at)) \
	/* --- what each leader values, the map's history, KPIs, focus --- */ \
	/* STORE_NOTFOUND when none was written. */ \
	X(person_profile_get, (struct store *st, store_id person, struct person_profile *out), \
		(st, person, out)) \
	X(person_profile_set, (struct store *st, store_id person, \
		const struct person_profile *p, time_t at), (st, person, p, at)) \
	/* A person's move on the stakeholder map, kept; the moves newest first. */ \
	X(stance_history_add, (struct store *st, store_id person, enum stance influence, \
		enum stance support, time_t at), (st, person, influence, support, at)) \
	X(stance_history_list, (struct store *st, store_id person, size_t limit, \
		struct stance_change **out, size_t *n), (st, person, limit, out, n)) \
	/* key: the name's key (names.h); leaders.h's measure_add refuses a name \
	 * its department (0: none) has already. */ \
	X(measure_add, (struct store *st, const struct measure *m, const char *key, time_t at, \
		store_id *id), (st, m, key, at, id)) \
	/* The measure of that name (its key, names.h) in dept (0: none). */ \
	X(measure_find, (struct store *st, store_id dept, const char *key, store_id *id), \
		(st, dept, key, id)) \
	/* Measures of kind (MEASURE_ANY: both) of one department (0: all), in \
	 * the order they were added (leaders.h sorts them), each with its last \
	 * value; archived ones only when asked. */ \
	X(measure_list, (struct store *st, enum measure_kind kind, store_id dept, \
		bool with_archived, struct measure **out, size_t *n), \
		(st, kind, dept, with_archived, out, n)) \
	/* A value for the period starting on `period`, by the store's actor; a \
	 * later value of the same period corrects it (both are kept). */ \
	X(measure_value_add, (struct store *st, store_id measure, cx_date period, double value, \
		time_t at), (st, measure, period, value, at)) \
	/* Writes a measure's name (and key), kind, department, owner, unit, \
	 * direction, target and frequency (by m->id). */ \
	X(measure_update, (struct store *st, const struct measure *m, const char *key), \
		(st, m, key)) \
	/* Archives (at) or restores (0) a measure; its values are kept. */ \
	X(measure_archive, (struct store *st, store_id id, time_t at), (st, id, at)) \
	/* A measure's values, the latest period first: one a period (the last \
	 * entered), or with_corrections every entry, the later first. At most \
	 * limit (0: all) periods. */ \
	X(measure_values, (struct store *st, store_id measure, bool with_corrections, \
		size_t limit, struct measure_value **out, size_t *n), \
		(st, measure, with_corrections, limit, out, n)) \
	/* The value of a measure's period (the last entered); STORE_NOTFOUND when \
	 * the period has none. */ \
	X(measure_value_get, (struct store *st, store_id measure, cx_date period, double *value), \
		(st, measure, period, value)) \
	/* The measure an item (an action, a win, an insight) serves or moved \
	 * (0: none). */ \
	X(item_set_measure, (struct store *st, store_id item, store_id measure), \
		(st, item, measure)) \
	/* The measure an item names (*measure 0 and *name NULL: none; the caller \
	 * frees *name). */ \
	X(item_measure, (struct store *st, store_id item, store_id *measure, char **name), \
		(st, item, measure, name)) \
	/* --- the council's initiatives ----------------------------- */ \
	/* key: the title's key (names.h); initiatives.h refuses a title taken. */ \
	X(initiative_add, (struct store *st, const struct initiative *in, const char *key, \
		time_t at, store_id *id), (st, in, key, at, id)) \
	/* Writes an initiative's title (and key), department, owner and due \
	 * date (by in->id). */ \
	X(initiative_update, (struct store *st, const struct initiative *in, const char *key), \
		(st, in, key)) \
	X(initiative_find, (struct store *st, const char *key, store_id *id), (st, key, id)) \
	X(initiative_get, (struct store *st, store_id id, struct initiative *out), (st, id, out)) \
	/* The initiatives due on or after `from` (DATE_NONE: any), open ones \
	 * first, then by due date; done and dropped ones only with_closed. */ \
	X(initiative_list, (struct store *st, bool with_closed, cx_date from, \
		struct initiative **out, size_t *n), (st, with_closed, from, out, n)) \
	/* A review: gives the initiative its track, and keeps the review (in \
	 * meeting, 0: between meetings) by the store's actor. */ \
	X(initiative_review, (struct store *st, store_id initiative, enum initiative_track track, \
		const char *note, store_id meeting, time_t at), \
		(st, initiative, track, note, meeting, at)) \
	/* The reviews of one initiative, or (initiative 0) those made in one \
	 * meeting, newest first, at most limit (0: all). */ \
	X(initiative_reviews, (struct store *st, store_id initiative, store_id meeting, \
		size_t limit, struct initiative_review **out, size_t *n), \
		(st, initiative, meeting, limit, out, n)) \
	X(milestone_add, (struct store *st, store_id initiative, const char *title, cx_date due, \
		time_t at, store_id *id), (st, initiative, title, due, at, id)) \
	/* Marks a milestone reached on `on` (DATE_NONE: not reached). */ \
	X(milestone_reach, (struct store *st, store_id milestone, cx_date on), (st, milestone, on)) \
	/* An initiative's milestones, as added. */ \
	X(milestones, (struct store *st, store_id initiative, struct milestone **out, size_t *n), \
		(st, initiative, out, n)) \
	/* STORE_NOTFOUND when no department is the focus. */ \
	X(focus_get, (struct store *st, struct focus *out), (st, out)) \
	/* Sets the focus (f NULL: none). */ \
	X(focus_set, (struct store *st, const struct focus *f), (st, f)) \
	/* The buy-in ledger's counts of one part (rows.h), per quarter from the \
	 * quarter of `since` on, then per department. */ \
	X(ledger_counts, (struct store *st, enum ledger_part part, cx_date since, \
		struct ledger_count **out, size_t *n), (st, part, since, out, n)) \
	/* --- messages to other teams ------------------------------- */ \
	/* The departments message item goes to, none acknowledging it yet. */ \
	X(message_recipients_add, (struct store *st, store_id item, const store_id *depts, \
		size_t n), (st, item, depts, n)) \
	/* Message item now goes to department `to` instead of `from` (its \
	 * department was edited): from's part goes, unless it acknowledged the \
	 * message already; to gets one, unless it has one. */ \
	X(message_redirect, (struct store *st, store_id item, store_id from, store_id to), \
		(st, item, from, to)) \
	/* Department dept acknowledges message item (in meeting; 0: none), by the \
	 * store's actor. STORE_NOTFOUND when the message does not go to dept; \
	 * STORE_DUPLICATE when dept has already acknowledged it. */ \
	X(message_ack, (struct store *st, store_id item, store_id dept, store_id meeting, \
		time_t at), (st, item, dept, meeting, at)) \
	/* Messages, a row per department they go to, newest first from cur \
	 * (NULL: the first), at most limit. */ \
	X(messages_list, (struct store *st, const struct message_filter *f, \
		const struct store_cursor *cur, size_t limit, struct message_row **out, \
		size_t *n), (st, f, cur, limit, out, n)) \
	/* Items captured in a meeting (in one step when step_id is not 0), oldest first. */ \
	X(meeting_items, (struct store *st, store_id meeting, store_id step_id, \
		struct item **out, size_t *n), (st, meeting, step_id, out, n)) \
	/* Open actions not created in `meeting`, earliest due first (those with no \
	 * due date before them), a page of at most limit from cur (NULL: the first). */ \
	X(open_actions, (struct store *st, store_id meeting, const struct store_cursor *cur, \
		size_t limit, struct item **out, size_t *n), (st, meeting, cur, limit, out, n)) \
	/* Open parked topics, ranked ones first by rank. */ \
	X(open_parked, (struct store *st, size_t limit, struct item **out, \
		size_t *n), (st, limit, out, n)) \
	/* The ids of the first limit (0: all) open parked topics, in rank order \
	 * (for re-ranking). */ \
	X(open_parked_ids, (struct store *st, size_t limit, store_id **ids, \
		size_t *n), (st, limit, ids, n)) \
	/* How many parked topics are open (kept summed: no topic is read). */ \
	X(open_parked_count, (struct store *st, int64_t *n), (st, n)) \
	/* Gives ids[i] rank i + 1, in one transaction. */ \
	/* Ranks topics in the order of ids; in `meeting` (0: none), which this \
	 * instance must hold. */ \
	X(items_rerank, (struct store *st, const store_id *ids, size_t n, \
		store_id meeting), (st, ids, n, meeting)) \
	/* --- the action list --------------------------------- */ \
	/* (Through actions_list, actions_stream_begin and actions_count of \
	 * actions.h, which make the selection of a filter by core's rules.) \
	 * One page of the actions selected: those due before f->today first \
	 * (earliest due first), then by due date, then by id. */ \
	X(actions_list, (struct store *st, const struct action_select *f, \
		const struct store_cursor *cur, size_t limit, struct action_row **out, \
		size_t *n), (st, f, cur, limit, out, n)) \
	/* Every action the filter selects, in the order of store_actions_list, read \
	 * by one statement per part in one pass (no page started over; one owner's \
	 * actions a page at a time on that owner's index): for a command that \
	 * writes them all. _next gives the next `limit` rows (fewer: the last); no \
	 * other action list may be read in between. The rows may lack what no list \
	 * writes: the detail, rationale, created_at, closed_at and deleted_at (NULL, \
	 * 0). */ \
	X(actions_stream_begin, (struct store *st, const struct action_select *f, \
		struct actions_stream **out), (st, f, out)) \
	X(actions_stream_next, (struct actions_stream *as, size_t limit, \
		struct action_row **out, size_t *n), (as, limit, out, n)) \
	V(actions_stream_end, (struct actions_stream *as), (as)) \
	/* How many actions are selected, and how many of them are due before \
	 * f->today. */ \
	X(actions_count, (struct store *st, const struct action_select *f, int64_t *total, \
		int64_t *overdue), (st, f, total, overdue)) \
	/* --- reports ------------------------------------------ */ \
	/* For exports, a page at a time in id order: items (not deleted) and meetings \
	 * with an id above `after`, at most limit of them. */ \
	X(items_after, (struct store *st, store_id after, size_t limit, struct item **out, \
		size_t *n), (st, after, limit, out, n)) \
	X(meetings_after, (struct store *st, store_id after, size_t limit, struct meeting **out, \
		size_t *n), (st, after, limit, out, n)) \
	/* The largest item and meeting ids there are (0: none), for the width of an \
	 * id column before its rows are read. */ \
	X(id_bounds, (struct store *st, store_id *max_item, \
		store_id *max_meeting), (st, max_item, max_meeting)) \
	/* People present at the meeting, by department name (none last), then name. */ \
	X(meeting_attendees, (struct store *st, store_id meeting, struct attendee **out, \
		size_t *n), (st, meeting, out, n)) \
	/* Events recorded in `meeting` on items not captured in it (earlier meetings' \
	 * actions, for instance), oldest first. The automatic 'carried' and 'created' \
	 * events are left out, and so are deleted items. */ \
	X(meeting_review_events, (struct store *st, store_id meeting, struct review_event **out, \
		size_t *n), (st, meeting, out, n)) \
	/* --- cadence and participation ------------------------ */ \
	/* The "window" of the calls below is the last `last_n` completed meetings \
	 * (newest by start time), the same ones store_held_meetings lists last. */ \
	/* Every completed meeting, oldest first (a few hundred rows in ten years). */ \
	X(held_meetings, (struct store *st, struct held_meeting **out, size_t *n), (st, out, n)) \
	/* The departments with someone present, per meeting of the window. */ \
	X(window_attendance, (struct store *st, size_t last_n, struct meeting_dept **out, \
		size_t *n), (st, last_n, out, n)) \
	/* The actions and wins captured in the window's meetings (not deleted). */ \
	X(window_items, (struct store *st, size_t last_n, struct window_item **out, \
		size_t *n), (st, last_n, out, n)) \
	/* The agenda steps of the window's meetings, by meeting and position. */ \
	X(window_steps, (struct store *st, size_t last_n, struct window_step **out, \
		size_t *n), (st, last_n, out, n)) \
	/* Open actions due before `today`, counted per department (any meeting). */ \
	X(overdue_by_dept, (struct store *st, cx_date today, struct dept_count **out, \
		size_t *n), (st, today, out, n)) \
	/* The items of one kind recorded from day `since` on (by the stored UTC \
	 * day, as the ledger counts them; not deleted), the newest first, at most \
	 * limit of them. */ \
	X(items_since, (struct store *st, enum item_kind kind, cx_date since, size_t limit, \
		struct item **out, size_t *n), (st, kind, since, limit, out, n)) \
	/* How many items of one kind each department and person was credited \
	 * with from day `since` on (not deleted), by department id then person id \
	 * (0: none). */ \
	X(credits_since, (struct store *st, enum item_kind kind, cx_date since, \
		struct credit_count **out, size_t *n), (st, kind, since, out, n)) \
	/* --- the decision log ------------------------------- */ \
	/* With words: the id of the oldest of the newest cap decisions (not \
	 * deleted, any department) holding them, when older ones hold them too, to \
	 * make the filter's floor; 0 when there are no more than cap. *reach: the \
	 * items of any kind holding them from the floor on (all of them when the \
	 * floor is 0), the filter's reach. *total and *due (each may be NULL): what \
	 * store_decisions_count gives for f with that floor and reach, counted in \
	 * the same pass. Reads cap + 1 matching decisions at most. STORE_INVALID for \
	 * words not fit to search. */ \
	X(decisions_window, (struct store *st, const struct decision_filter *f, size_t cap, \
		store_id *floor, int64_t *reach, int64_t *total, \
		int64_t *due), (st, f, cap, floor, reach, total, due)) \
	/* Not deleted decisions matching f: those due for a revisit first, earliest \
	 * revisit date first; then the rest, the most recently recorded first. \
	 * At most limit rows from cur (NULL: the first page), their `due` not set \
	 * (decisions_list of decisions.h sets it). STORE_INVALID when f->words is \
	 * not fit to search. */ \
	X(decisions_list, (struct store *st, const struct decision_filter *f, \
		const struct store_cursor *cur, size_t limit, struct decision_row **out, \
		size_t *n), (st, f, cur, limit, out, n)) \
	/* How many decisions match f, and how many of them are due for a revisit. */ \
	X(decisions_count, (struct store *st, const struct decision_filter *f, int64_t *total, \
		int64_t *due), (st, f, total, due)) \
	/* The items linked to decision id (not deleted), in id order. */ \
	X(decision_links, (struct store *st, store_id id, struct decision_link **out, \
		size_t *n), (st, id, out, n)) \
	/* The decisions that `id` superseded, oldest first. */ \
	X(decision_supersedes, (struct store *st, store_id id, struct decision_ref **out, \
		size_t *n), (st, id, out, n)) \
	/* Decisions other than `id` taken at or after it, newest first, at most \
	 * limit: the candidates to supersede it. */ \
	X(decisions_later, (struct store *st, store_id id, size_t limit, \
		struct decision_ref **out, size_t *n), (st, id, limit, out, n)) \
	/* Sets (DATE_NONE: clears) a decision's revisit date, with an "edited" event \
	 * holding the old and new dates (reason "revisit"). STORE_INVALID if id is \
	 * not a decision. */ \
	X(decision_set_revisit, (struct store *st, store_id id, cx_date revisit, \
		store_id meeting, time_t at), (st, id, revisit, meeting, at)) \
	/* For a command that reads much of the file once (a whole report): a small \
	 * page cache, so memory stays small whatever the history's size. */ \
	X(read_once, (struct store *st), (st)) \
	/* --- people's records ---------------------------------- */ \
	/* Every person's record in one query, by department then name; archived \
	 * people only when with_archived. */ \
	X(person_records, (struct store *st, cx_date today, bool with_archived, \
		struct person_record **out, size_t *n), (st, today, with_archived, out, n)) \
	/* Places a person on the stakeholder map (STANCE_UNSET: not placed). */ \
	X(person_set_stance, (struct store *st, store_id id, enum stance influence, \
		enum stance support), (st, id, influence, support)) \
	/* --- history and search ------------------------------ */ \
	/* Meetings newest first, `limit` of them (0: all) from cur (NULL: the first). */ \
	X(history_list, (struct store *st, const struct history_filter *f, \
		const struct store_cursor *cur, size_t limit, struct meeting_summary **out, \
		size_t *n), (st, f, cur, limit, out, n)) \
	X(history_count, (struct store *st, const struct history_filter *f, \
		int64_t *n), (st, f, n)) \
	/* Items of every meeting whose text, detail or rationale holds every word, \
	 * newest first. The words are taken as plain text: quotes, operators and \
	 * punctuation typed by the user only separate words. STORE_INVALID (with a \
	 * message) when there is no word to search for. */ \
	X(search, (struct store *st, const struct search_filter *f, \
		const struct store_cursor *cur, size_t limit, struct search_hit **out, \
		size_t *n), (st, f, cur, limit, out, n)) \
	/* Every match of a search, newest first, read by one statement in one pass \
	 * (a search read a page at a time starts over at each page, which costs as \
	 * much as reading every match when a word is in most items): for a command \
	 * that writes them all. _begin starts (at most `limit` matches, 0: all), \
	 * _next gives the next `limit` of them (fewer: the last), _end stops. \
	 * The hits hold what a list of matches shows: the item's id, kind, text, \
	 * department and person (ids and names), meeting (id and start) and when \
	 * it was made, and the cursor after it; nothing else of the item may be \
	 * filled (no detail, dates, status, marks, slips or carried counts). No \
	 * other search may run in between. */ \
	X(search_stream_begin, (struct store *st, const struct search_filter *f, size_t limit, \
		struct search_stream **out), (st, f, limit, out)) \
	X(search_stream_next, (struct search_stream *ss, size_t limit, struct search_hit **out, \
		size_t *n), (ss, limit, out, n)) \
	V(search_stream_end, (struct search_stream *ss), (ss)) \
	X(search_count, (struct store *st, const struct search_filter *f, \
		int64_t *n), (st, f, n)) \
	/* The newest matches, at most cap of them (the filter's floor aside): how \
	 * many (*n), and, when older ones remain beyond them, the id of the oldest \
	 * of the cap (*floor; 0 when every match is counted), to make the window \
	 * the filter's floor. Reads cap + 1 matches at most, however many there are. */ \
	X(search_window, (struct store *st, const struct search_filter *f, size_t cap, \
		int64_t *n, store_id *floor), (st, f, cap, n, floor))

#define STORE_DECLARE_X(name, params, args) enum store_rc store_##name params;
#define STORE_DECLARE_R(type, name, params, args) type store_##name params;
#define STORE_DECLARE_V(name, params, args) void store_##name params;
STORE_OPS(STORE_DECLARE_X, STORE_DECLARE_R, STORE_DECLARE_V)
#undef STORE_DECLARE_X
#undef STORE_DECLARE_R
#undef STORE_DECLARE_V

#endif
