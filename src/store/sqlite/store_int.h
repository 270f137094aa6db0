/* store_int.h - private to the store: the table of prepared statements and the
 * helpers the store's files share. Nothing outside src/store/sqlite includes this. */
#ifndef CXMEET_STORE_INT_H
#define CXMEET_STORE_INT_H

#include <stdio.h>

#include <sqlite3.h>

#include "cxmeet/store.h"
#include "../backend.h"
#include "cxmeet/util.h"

#include "statements.h"

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
extern const unsigned long store_migration_rewrites;

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
#define STORE_SCHEMA_DIGEST 0x2f382a82ae09e07full

/* How long a statement waits for a lock another program holds. */
#define BUSY_TIMEOUT_MS 3000

/* Compiles statement id (once; NULL, the failure recorded, when it cannot). */
sqlite3_stmt *stmt_prepare(struct store *st, enum stmt_id id);
/* What an errno from the system means for the user. */
enum store_rc rc_from_errno(int e);
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

/* Frees a list whose rows own nothing (for stmt_collect). */
void free_plain(void *arr, size_t n);

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

#endif
