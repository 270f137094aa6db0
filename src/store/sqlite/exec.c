/* exec.c - what the SQLite store's files share to run statements: errors
 * told as store codes and messages, the statement table compiled on first
 * use, nestable transactions, binding parameters and reading columns, and
 * the event every change of an item records. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store_int.h"
#include "cxmeet/util.h"

static const char *const stmt_sql[STMT_COUNT] = {
#define X(name, sql) [STMT_##name] = sql,
	STORE_STATEMENTS(X)
#undef X
};

static enum store_rc rc_from_sqlite(int code)
{
	switch (code & 0xff) {
	case SQLITE_OK:
	case SQLITE_DONE:
	case SQLITE_ROW:
		return STORE_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return STORE_BUSY;
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
		return STORE_READONLY;
	case SQLITE_FULL:
		return STORE_FULL;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return STORE_CORRUPT;
	case SQLITE_CONSTRAINT:
		return code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY
			       ? STORE_DUPLICATE
			       : STORE_INVALID;
	default:
		return STORE_ERROR;
	}
}

static const char *rc_hint(enum store_rc rc)
{
	switch (rc) {
	case STORE_BUSY:
		return "the database is locked by another program; try again when it is done";
	case STORE_READONLY:
		return "the database file is read-only or cannot be opened: check the permissions of the file and its folder";
	case STORE_FULL:
		return "the disk is full (or a file-size limit was reached); nothing was written";
	case STORE_CORRUPT:
		return "the file is damaged or is not a cxmeet database";
	default:
		return NULL;
	}
}

enum store_rc store_failf(struct store *st, enum store_rc rc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(SQ(st)->errmsg, sizeof SQ(st)->errmsg, fmt, ap);
	va_end(ap);
	return rc;
}

/* What an errno from the system means for the user. */
enum store_rc rc_from_errno(int e)
{
	switch (e) {
	case ENOSPC:
	case EFBIG: /* a file-size limit (ulimit -f) acts as a full disk */
#ifdef EDQUOT
	case EDQUOT:
#endif
		return STORE_FULL;
	case EACCES:
	case EPERM:
	case EROFS:
		return STORE_READONLY;
	default:
		return STORE_ERROR;
	}
}

enum store_rc store_fail(struct store *st, const char *what)
{
	int saved_errno = errno; /* first: the failed call's, before anything else runs */
	int code = sqlite3_extended_errcode(SQ(st)->db);
	if (code == SQLITE_CONSTRAINT_TRIGGER && strcmp(sqlite3_errmsg(SQ(st)->db), HOLD_REFUSAL) == 0)
		return hold_refused(st, what);
	enum store_rc rc = rc_from_sqlite(code);
	/* SQLite reports a failed write() as an I/O error (SQLITE_IOERR_WRITE for
	 * EFBIG; SQLITE_FULL only for ENOSPC), and does not always keep the
	 * system's errno (sqlite3_system_errno() is 0 after a failed COMMIT in
	 * WAL mode), so errno as the failed call left it is the fallback. */
	if ((code & 0xff) == SQLITE_IOERR || (code & 0xff) == SQLITE_CANTOPEN) {
		int sys = sqlite3_system_errno(SQ(st)->db);
		enum store_rc erc = rc_from_errno(sys ? sys : saved_errno);
		if (erc != STORE_ERROR)
			rc = erc;
	}
	const char *hint = rc_hint(rc);
	if (rc == STORE_OK)
		rc = STORE_ERROR;
	if (hint)
		return store_failf(st, rc, "%s: %s (%s)", what, hint, sqlite3_errmsg(SQ(st)->db));
	return store_failf(st, rc, "%s: %s", what, sqlite3_errmsg(SQ(st)->db));
}

const char *sqlite_errmsg(const struct store *st) { return SQ(st)->errmsg; }
const char *sqlite_path(const struct store *st) { return SQ(st)->path; }

enum store_rc sqlite_refuse(struct store *st, enum store_rc rc, const char *msg)
{
	return store_failf(st, rc, "%s", msg);
}

void sqlite_set_actor(struct store *st, const char *actor)
{
	if (SQ(st)->bulk_ev)
		(void)bulk_events_write(st); /* written by the actor they had */
	free(SQ(st)->actor);
	SQ(st)->actor = actor ? xstrdup(actor) : NULL;
}

/* The statements that begin and end a transaction: they write no table. */
static bool is_tx_stmt(enum stmt_id id)
{
	return id == STMT_BEGIN || id == STMT_COMMIT || id == STMT_ROLLBACK;
}

/* Statements are compiled on first use, so that a command pays only for the
 * few it runs. A statement that fails to compile stays NULL: its failure is
 * kept (prep_rc, prep_err) and is what every helper below returns
 * for it, and no SQLite call that cannot take NULL is made on it. A schema
 * that does not fit the query is a damaged file (the schema is checked at
 * open, so this is a second line of defence). */
sqlite3_stmt *stmt_prepare(struct store *st, enum stmt_id id)
{
	if (SQ(st)->stmt[id])
		return SQ(st)->stmt[id];
	enum store_rc rc;
	if (sqlite3_prepare_v3(SQ(st)->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &SQ(st)->stmt[id],
			       NULL) == SQLITE_OK && SQ(st)->stmt[id]) {
		/* A statement that writes is compiled with the hold checks in
		 * place (they are made first, then it is compiled again). */
		if (SQ(st)->holds || is_tx_stmt(id) || sqlite3_stmt_readonly(SQ(st)->stmt[id]))
			return SQ(st)->stmt[id];
		sqlite3_finalize(SQ(st)->stmt[id]);
		SQ(st)->stmt[id] = NULL;
		if ((rc = hold_ensure(st)) != STORE_OK)
			goto fail;
		return stmt_prepare(st, id);
	}
	SQ(st)->stmt[id] = NULL;
	rc = store_fail(st, "preparing a query");
	if (rc == STORE_ERROR)
		rc = store_failf(st, STORE_CORRUPT, "the database %s is damaged: a query does not "
				 "fit its schema (%s); 'cxmeet check' tells more", SQ(st)->path,
				 sqlite3_errmsg(SQ(st)->db));
fail:
	SQ(st)->prep_rc = rc;
	snprintf(SQ(st)->prep_err, sizeof SQ(st)->prep_err, "%s", SQ(st)->errmsg);
	return NULL;
}

/* The failure of the statement that could not be compiled, again. */
enum store_rc stmt_missing(struct store *st)
{
	return store_failf(st, SQ(st)->prep_rc != STORE_OK ? SQ(st)->prep_rc : STORE_CORRUPT, "%s",
			   SQ(st)->prep_err[0] ? SQ(st)->prep_err : "a query could not be compiled");
}

/* Whether statement id names item_events (so that the events a bulk write
 * keeps are written before it runs). */
static bool stmt_names_events(enum stmt_id id)
{
	static signed char names[STMT_COUNT]; /* 0: not looked at; 1 yes; -1 no */
	if (!names[id])
		names[id] = strstr(stmt_sql[id], "item_events") ? 1 : -1;
	return names[id] > 0;
}

sqlite3_stmt *stmt_get(struct store *st, enum stmt_id id)
{
	if (SQ(st)->bulk_ev && stmt_names_events(id))
		(void)bulk_events_write(st); /* a failure is kept, and fails the bulk write */
	sqlite3_stmt *s = stmt_prepare(st, id);
	if (s) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
	}
	return s;
}

enum store_rc sqlite_prepare_all(struct store *st)
{
	for (int i = 0; i < STMT_COUNT; i++)
		if (!stmt_prepare(st, (enum stmt_id)i))
			return stmt_missing(st);
	return STORE_OK;
}

enum store_rc stmt_exec(struct store *st, sqlite3_stmt *s, const char *what)
{
	if (!s)
		return stmt_missing(st);
	int rc = sqlite3_step(s);
	enum store_rc out = rc == SQLITE_DONE ? STORE_OK : store_fail(st, what);
	sqlite3_reset(s);
	return out;
}

enum store_rc stmt_row(struct store *st, sqlite3_stmt *s, const char *what)
{
	if (!s)
		return stmt_missing(st);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	if (rc == SQLITE_DONE)
		return STORE_NOTFOUND;
	return store_fail(st, what);
}

enum store_rc stmt_collect(struct store *st, sqlite3_stmt *s, void **arr, size_t *n,
			   size_t elem_size, void (*read)(sqlite3_stmt *s, void *elem),
			   void (*free_list)(void *arr, size_t n), const char *what)
{
	size_t cap = 0;
	int rc;
	*arr = NULL;
	*n = 0;
	if (!s)
		return stmt_missing(st);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*arr = xrealloc(*arr, cap * elem_size);
		}
		void *elem = (char *)*arr + *n * elem_size;
		memset(elem, 0, elem_size);
		read(s, elem);
		(*n)++;
	}
	if (rc != SQLITE_DONE) {
		enum store_rc out = store_fail(st, what);
		sqlite3_reset(s);
		free_list(*arr, *n);
		*arr = NULL;
		*n = 0;
		return out;
	}
	sqlite3_reset(s);
	return STORE_OK;
}

enum store_rc stmt_update_one(struct store *st, sqlite3_stmt *s, const char *what)
{
	enum store_rc rc = stmt_exec(st, s, what);
	if (rc == STORE_OK && sqlite3_changes(SQ(st)->db) == 0)
		rc = store_failf(st, STORE_NOTFOUND, "%s: no such record", what);
	return rc;
}

/* --- transactions ------------------------------------------------------- */

/* begin: BEGIN (IMMEDIATE: a writer's, or DEFERRED: a reader's). */
static enum store_rc tx_begin_as(struct store *st, enum stmt_id begin)
{
	if (SQ(st)->tx_depth > 0) {
		SQ(st)->tx_depth++;
		return STORE_OK;
	}
	/* Outside the transaction: its rollback would take the checks away. */
	enum store_rc rc = hold_ensure(st);
	if (rc != STORE_OK)
		return rc;
	SQ(st)->tx_depth++;
	SQ(st)->tx_failed = false;
	rc = stmt_exec(st, stmt_get(st, begin), "starting a transaction");
	if (rc != STORE_OK) {
		SQ(st)->tx_depth = 0;
		return rc;
	}
	/* A schema damaged by another program since it was verified (a trigger
	 * dropped while the interface runs) is refused before anything is
	 * written on it: one PRAGMA when nothing changed. */
	if (SQ(st)->schema_cookie >= 0 && (rc = sqlite_verify(st)) != STORE_OK) {
		sqlite3_step(stmt_get(st, STMT_ROLLBACK));
		sqlite3_reset(SQ(st)->stmt[STMT_ROLLBACK]);
		SQ(st)->tx_depth = 0;
	}
	return rc;
}

enum store_rc tx_end(struct store *st, enum store_rc rc)
{
	if (rc != STORE_OK)
		SQ(st)->tx_failed = true;
	if (SQ(st)->tx_depth == 0 || --SQ(st)->tx_depth > 0)
		return rc;
	/* A bulk write not ended yet is ended now: a commit never saves the
	 * file without the triggers that keep the full-text index in step. */
	if (!SQ(st)->tx_failed && SQ(st)->bulk && bulk_finish(st) != STORE_OK)
		SQ(st)->tx_failed = true;
	if (SQ(st)->tx_failed) {
		sqlite3_step(stmt_get(st, STMT_ROLLBACK));
		sqlite3_reset(SQ(st)->stmt[STMT_ROLLBACK]);
		SQ(st)->tx_failed = false;
		bulk_forget(st); /* the rollback made the triggers again */
		return rc != STORE_OK ? rc : STORE_ERROR;
	}
	enum store_rc crc = stmt_exec(st, stmt_get(st, STMT_COMMIT), "saving");
	if (crc != STORE_OK) {
		/* A failed COMMIT (disk full, I/O) leaves the transaction open. */
		if (!sqlite3_get_autocommit(SQ(st)->db)) {
			sqlite3_step(stmt_get(st, STMT_ROLLBACK));
			sqlite3_reset(SQ(st)->stmt[STMT_ROLLBACK]);
		}
	}
	return crc;
}

enum store_rc tx_begin(struct store *st) { return tx_begin_as(st, STMT_BEGIN); }

enum store_rc sqlite_begin(struct store *st) { return tx_begin(st); }
/* Deferred: the snapshot is taken at the first read, and in WAL mode no
 * writer holds it back. */
enum store_rc sqlite_read_begin(struct store *st) { return tx_begin_as(st, STMT_BEGIN_READ); }

void sqlite_no_wait(struct store *st, bool on)
{
	sqlite3_busy_timeout(SQ(st)->db, on ? 0 : BUSY_TIMEOUT_MS);
}
enum store_rc sqlite_commit(struct store *st) { return tx_end(st, STORE_OK); }
void sqlite_rollback(struct store *st) { (void)tx_end(st, STORE_ERROR); }

/* --- binding and reading ------------------------------------------------ */

void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

void bind_id(sqlite3_stmt *s, int i, store_id v)
{
	if (v > 0)
		sqlite3_bind_int64(s, i, v);
	else
		sqlite3_bind_null(s, i);
}

void bind_int(sqlite3_stmt *s, int i, int64_t v) { sqlite3_bind_int64(s, i, v); }

void bind_date(sqlite3_stmt *s, int i, cx_date d)
{
	char buf[16];
	if (d == DATE_NONE) {
		sqlite3_bind_null(s, i);
		return;
	}
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	/* A bound past the last date that can be stored (today + 7 days on
	 * 9999-12-31) would be "10000-01-07", which sorts before "2026-": bound
	 * it after every stored date instead. */
	if (y > DATE_MAX_YEAR)
		snprintf(buf, sizeof buf, "%04d-12-31~", DATE_MAX_YEAR);
	else
		date_format(d, buf, sizeof buf);
	sqlite3_bind_text(s, i, buf, -1, SQLITE_TRANSIENT);
}

void bind_time(sqlite3_stmt *s, int i, time_t t)
{
	/* The last time formatted, again: a row and its event, or the rows
	 * written in bulk at one moment, bind the same time one after another. */
	static time_t last;
	static char buf[32];
	if (t == 0) {
		sqlite3_bind_null(s, i);
		return;
	}
	if (t != last || !buf[0]) {
		clock_format_utc(t, buf, sizeof buf);
		last = t;
	}
	sqlite3_bind_text(s, i, buf, -1, SQLITE_TRANSIENT);
}

void bind_now(struct store *st, sqlite3_stmt *s, int i)
{
	(void)st;
	bind_time(s, i, clock_now());
}

char *col_text(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);
	if (!v)
		return NULL;
	/* SQLite knows the length: no strlen for every value read (a NUL
	 * inside ends the string as it did) */
	size_t n = (size_t)sqlite3_column_bytes(s, i);
	char *out = xmalloc(n + 1);
	memcpy(out, v, n + 1);
	return out;
}

char *col_text_or_empty(sqlite3_stmt *s, int i)
{
	char *v = col_text(s, i);
	return v ? v : xstrdup("");
}

store_id col_id(sqlite3_stmt *s, int i) { return sqlite3_column_int64(s, i); }

cx_date col_date(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);
	cx_date d;
	return v && date_parse_iso((const char *)v, &d) ? d : DATE_NONE;
}

time_t col_time(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);
	time_t t;
	return v && clock_parse((const char *)v, &t) ? t : 0;
}

enum store_rc event_add(struct store *st, store_id item, enum event_kind kind, time_t at,
			store_id meeting, const char *old_value, const char *new_value,
			const char *reason)
{
	if (SQ(st)->bulk_ev)
		return bulk_event_add(st, item, kind, at, meeting, old_value, new_value, reason);
	sqlite3_stmt *s = stmt_get(st, STMT_EVENT_ADD);
	bind_id(s, 1, item);
	bind_text(s, 2, event_kind_name(kind));
	bind_time(s, 3, at);
	bind_id(s, 4, meeting);
	bind_text(s, 5, SQ(st)->actor);
	bind_text(s, 6, old_value);
	bind_text(s, 7, new_value);
	bind_text(s, 8, reason);
	return stmt_exec(st, s, "recording the item's history");
}

void free_plain(void *arr, size_t n)
{
	(void)n;
	free(arr);
}
