/* pg_int.h - private to the PostgreSQL backend: its handle, its table of
 * statements and the helpers its files share (described for those adding
 * operations in the project notes, pg-api). Nothing outside src/store/pg
 * includes this. */
#ifndef CXMEET_PG_INT_H
#define CXMEET_PG_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "pq.h"

#include "cxmeet/store.h"
#include "cxmeet/util.h"
#include "../backend.h"

#include "statements.h"

enum pg_stmt {
#define X(name, sql) PGS_##name,
	PG_STATEMENTS(X)
#undef X
	PGS_COUNT
};

/* An open PostgreSQL store: the handle (struct store, its ops this
 * backend's), then what the backend keeps. */
struct pg_store {
	struct store base;
	PGconn *conn;
	char *where;   /* the --db argument as given (store_path) */
	char *actor;   /* item_events.by, changed_by */
	char errmsg[512];
	int tx_depth;   /* nesting of pg_tx_begin */
	bool tx_failed; /* an inner step failed: the outer end rolls back */
	int version;    /* the server's schema version */
	int64_t council; /* this session's council (the setting cxmeet.council) */
	bool prepared[PGS_COUNT];
	/* Reading every council the role may read (store_read_all_councils):
	 * the statements that widen run as their wide form (scope.c), prepared
	 * under names of their own. */
	bool all_councils;
	bool prepared_wide[PGS_COUNT];
	bool no_wait;   /* store_no_wait: a lock found fails at once */
	char token[33]; /* this instance, as a meeting's hold names it */
	int64_t changes; /* changes to its council told by others (pg_data_version) */
	char host[128];
	/* A command reading much once (store_read_once): a list read page after
	 * page continues on a cursor of the server's (page.c), in a read-only
	 * transaction of its own, ended before anything else is run. */
	bool read_once;
	struct pg_readahead {
		bool open;
		enum pg_stmt stmt;      /* the part's statement */
		char *params;           /* its filter's parameters, as sent */
		struct store_cursor at; /* the last row it gave */
	} ra;
};
/* Ends a list's read-ahead (page.c), if one is open: before any other
 * statement of the session. */
void pg_readahead_stop(struct store *st);

#define PG(st) ((struct pg_store *)(st))

/* The operations as this backend does them: pg_NAME for store_NAME. Those
 * not written yet are filled in by pg_ops_table (open.c) with one that
 * refuses, saying so (PG_NOT_YET). */
#define PG_DECLARE_X(name, params, args) enum store_rc pg_##name params;
#define PG_DECLARE_R(type, name, params, args) type pg_##name params;
#define PG_DECLARE_V(name, params, args) void pg_##name params;
STORE_OPS(PG_DECLARE_X, PG_DECLARE_R, PG_DECLARE_V)
#undef PG_DECLARE_X
#undef PG_DECLARE_R
#undef PG_DECLARE_V
#define PG_NOT_YET "not available on a PostgreSQL server in this version"
/* The SQLSTATE of a write the server's hold check refused (schema.c). */
#define PG_HOLD_STATE "CXH01"

extern const char *const pg_migrations[];
extern const int pg_migration_count;

/* --- errors ----------------------------------------------------------- */

/* Sets the store's message and returns rc. */
enum store_rc pg_failf(struct store *st, enum store_rc rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The failure of a statement (res: its result, or NULL for the
 * connection's), as a store code by its SQLSTATE, with a message saying
 * what was being done ("adding a department"). */
enum store_rc pg_fail(struct store *st, const PGresult *res, const char *what);
/* The store code of an SQLSTATE (NULL: none, a lost connection). */
enum store_rc pg_rc_of_state(const char *state);
/* Whether a SQLSTATE asks for the whole transaction to run again. */
bool pg_retryable(const char *state);

/* --- parameters --------------------------------------------------------- */

/* A statement's parameters, all sent as text ($1 is v[0]); a NULL value is
 * SQL NULL. Each pp_ call adds the next one. */
#define PG_MAX_PARAMS 24
struct pg_params {
	const char *v[PG_MAX_PARAMS];
	char buf[PG_MAX_PARAMS][32];
	int n;
};
void pp_text(struct pg_params *p, const char *v);
void pp_id(struct pg_params *p, store_id v);   /* 0: NULL */
void pp_int(struct pg_params *p, int64_t v);
void pp_bool(struct pg_params *p, bool v);
void pp_real(struct pg_params *p, double v);
void pp_date(struct pg_params *p, cx_date d);  /* DATE_NONE: NULL */
void pp_time(struct pg_params *p, time_t t);   /* 0: NULL */
/* An array literal for a parameter ("{"a","b"}"): elements added in turn,
 * then ended. */
void pg_array_add(struct strbuf *sb, const char *v);
void pg_array_add_int(struct strbuf *sb, int v);
void pg_array_end(struct strbuf *sb);

/* --- running statements --------------------------------------------------- */

/* Runs statement id (prepared by name on its first use in the session) with
 * p (NULL: none). On success *res (when res is not NULL) holds the result,
 * freed with PQclear; else nothing is kept. Outside a transaction a
 * serialization failure or deadlock runs it again (it is its own
 * transaction); inside one it fails the transaction (STORE_BUSY). */
/* Prepares those of ids[0..n) not yet prepared, in one round trip (exec.c). */
void pg_prepare_these(struct store *st, const enum pg_stmt *ids, size_t n);
enum store_rc pg_run(struct store *st, enum pg_stmt id, const struct pg_params *p,
		     PGresult **res, const char *what);
/* Runs a statement that returns no rows. */
enum store_rc pg_exec(struct store *st, enum pg_stmt id, const struct pg_params *p,
		      const char *what);
/* An UPDATE or DELETE that must touch a row: STORE_NOTFOUND when none. */
enum store_rc pg_update_one(struct store *st, enum pg_stmt id, const struct pg_params *p,
			    const char *what);
/* The first row: STORE_OK with *res holding it, STORE_NOTFOUND (*res NULL)
 * when there is none. */
enum store_rc pg_row(struct store *st, enum pg_stmt id, const struct pg_params *p,
		     PGresult **res, const char *what);
/* Every row, each read by read() into an elem_size element of *arr. */
enum store_rc pg_collect(struct store *st, enum pg_stmt id, const struct pg_params *p,
			 void **arr, size_t *n, size_t elem_size,
			 void (*read)(const PGresult *r, int row, void *elem), const char *what);
/* The text of statement id. */
const char *pg_statement_sql(enum pg_stmt id);
/* A statement of SQL of the backend's own, with no parameters (schema). */
enum store_rc pg_exec_sql(struct store *st, const char *sql, const char *what);

/* --- reading columns -------------------------------------------------------- */

char *pgc_text(const PGresult *r, int row, int col); /* allocated copy, or NULL */
char *pgc_text_or_empty(const PGresult *r, int row, int col);
int64_t pgc_int(const PGresult *r, int row, int col); /* NULL: 0 */
store_id pgc_id(const PGresult *r, int row, int col);
bool pgc_bool(const PGresult *r, int row, int col); /* 't' */
cx_date pgc_date(const PGresult *r, int row, int col); /* NULL: DATE_NONE */
/* A time selected as PG_EPOCH(column): NULL reads as 0. */
time_t pgc_time(const PGresult *r, int row, int col);

/* --- transactions --------------------------------------------------------- */

/* Nestable: the outermost begin/end commits or rolls back. */
enum store_rc pg_tx_begin(struct store *st);
enum store_rc pg_tx_end(struct store *st, enum store_rc rc);
/* Runs body as one transaction of its own, again (up to a few times) when
 * the server asks for it (serialization failure, deadlock); inside a
 * transaction the caller began, as part of it. */
enum store_rc pg_tx_run(struct store *st, enum store_rc (*body)(struct store *st, void *ctx),
			void *ctx);

/* The message of an operation not written yet. */
enum store_rc pg_not_yet(struct store *st, const char *op);

/* Shared readers and writers of the operations' files (item.c). */
void pg_read_item(const PGresult *r, int row, void *elem);       /* PG_ITEM_COLUMNS */
void pg_read_item_event(const PGresult *r, int row, void *elem); /* EVENT_LIST's columns */
/* Appends an item event (inside the caller's transaction), by the actor. */
enum store_rc pg_event_add(struct store *st, store_id item, enum event_kind kind, time_t at,
			   store_id meeting, const char *old_value, const char *new_value,
			   const char *reason);

/* The words as core's search_words gives them (one space apart) as the text
 * of a tsquery: each quoted, all required, the last (or every one) a prefix.
 * NULL when there is no word. Caller frees (search.c). */
char *pg_words_query(const char *in, bool every_prefix);

/* After the connection was lost (a server restarted, a network cut): a new
 * one, with the session's council, token and time zone, when the server
 * answers (open.c). The call that found it lost failed, nothing written;
 * the next one, outside a transaction, reconnects first. */
enum store_rc pg_reconnect(struct store *st);

/* The wide form of statement id (scope.c): its council filter widened to
 * every council the server's row security lets the role read, and, for a
 * list of items, the council's name as its last column; NULL when id has
 * none (it reads the session's council whatever the scope). */
const char *pg_wide_sql(enum pg_stmt id);
/* The council a row of a wide list names (its column after the own_columns
 * of the list), allocated; NULL when the list is not wide. */
char *pg_row_council(const PGresult *r, int row, int own_columns);
/* Sets the session's lock timeout as store_no_wait last asked (again after
 * a rollback, which undoes a setting made in its transaction). */
void pg_lock_timeout_apply(struct store *st);

/* The schema (open.c): applied to an empty database, checked otherwise. */
enum store_rc pg_schema_ensure(struct store *st, bool create);

#endif
