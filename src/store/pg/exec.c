/* exec.c - what the PostgreSQL store's files share to run statements:
 * errors told as store codes (by SQLSTATE) and messages, statements
 * prepared by name on first use, parameters sent as text, columns read,
 * and nestable transactions run again when the server asks for it. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"
#include "cxmeet/dates.h"

static const char *const stmt_sql[PGS_COUNT] = {
#define X(name, sql) [PGS_##name] = sql,
	PG_STATEMENTS(X)
#undef X
};

const char *pg_statement_sql(enum pg_stmt id) { return stmt_sql[id]; }

/* How many times a transaction the server cancelled (serialization
 * failure, deadlock) is run again before the failure is reported. */
#define RETRIES 5

enum store_rc pg_failf(struct store *st, enum store_rc rc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(PG(st)->errmsg, sizeof PG(st)->errmsg, fmt, ap);
	va_end(ap);
	return rc;
}

enum store_rc pg_rc_of_state(const char *state)
{
	if (!state || !*state)
		return STORE_UNREACHABLE; /* no answer: the connection is gone */
	if (strcmp(state, "23505") == 0)
		return STORE_DUPLICATE;
	if (strcmp(state, PG_HOLD_STATE) == 0)
		return STORE_NOT_HELD;
	if (strncmp(state, "23", 2) == 0 || strncmp(state, "22", 2) == 0)
		return STORE_INVALID; /* a constraint or a value refused */
	if (pg_retryable(state) || strcmp(state, "55P03") == 0) /* lock not available */
		return STORE_BUSY;
	if (strcmp(state, "53100") == 0 || strcmp(state, "53200") == 0)
		return STORE_FULL; /* disk full, out of memory */
	if (strcmp(state, "57P01") == 0 || strcmp(state, "57P02") == 0 ||
	    strcmp(state, "57P03") == 0 || strncmp(state, "08", 2) == 0)
		return STORE_UNREACHABLE;
	if (strcmp(state, "42501") == 0)
		return STORE_NOT_MEMBER; /* refused by a privilege or a policy */
	if (strcmp(state, "25006") == 0)
		return STORE_READONLY; /* a read-only transaction or server */
	if (strncmp(state, "28", 2) == 0)
		return STORE_AUTH;
	if (strncmp(state, "42", 2) == 0)
		return STORE_CORRUPT; /* a query that does not fit the schema */
	return STORE_ERROR;
}

bool pg_retryable(const char *state)
{
	return state && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0);
}

static const char *rc_hint(enum store_rc rc)
{
	switch (rc) {
	case STORE_BUSY:
		return "the server is busy with a conflicting change; try again";
	case STORE_FULL:
		return "the server is out of disk space or memory; nothing was written";
	case STORE_UNREACHABLE:
		return "the connection to the server was lost; nothing more was written: "
		       "reconnect and try again";
	case STORE_NOT_MEMBER:
		return "refused by the server: this role may not do that in this council";
	case STORE_READONLY:
		return "the server accepts no writes";
	default:
		return NULL;
	}
}

/* The server's message, one line. */
static void server_message(struct store *st, const PGresult *res, char *buf, size_t len)
{
	const char *m = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	if (!m)
		m = PQerrorMessage(PG(st)->conn);
	snprintf(buf, len, "%s", m && *m ? m : "no answer from the server");
	char *nl = strchr(buf, '\n');
	if (nl)
		*nl = '\0';
}

/* A write into a meeting the server's hold check refused (schema.c): why,
 * from the refusal's detail. */
static enum store_rc hold_refused(struct store *st, const PGresult *res, const char *what)
{
	const char *d = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
	if (!d || strcmp(d, "ended") == 0)
		return pg_failf(st, STORE_NOT_HELD, "%s: nothing was saved: the meeting has ended",
				what);
	if (strcmp(d, "let go") == 0)
		return pg_failf(st, STORE_NOT_HELD, "%s: nothing was saved: this screen does not "
				"hold the meeting (it was let go); resume it to write", what);
	char who[128] = "", host[128] = "", since[32];
	long long at = 0;
	const char *a = strchr(d, '\x1f'), *b = a ? strchr(a + 1, '\x1f') : NULL;
	if (a && b) {
		snprintf(who, sizeof who, "%.*s", (int)(a - d), d);
		snprintf(host, sizeof host, "%.*s", (int)(b - a - 1), a + 1);
		at = strtoll(b + 1, NULL, 10);
	}
	clock_format_local((time_t)at, "%Y-%m-%d %H:%M", "an unknown time", since, sizeof since);
	return pg_failf(st, STORE_NOT_HELD, "%s: nothing was saved: %s on %s has held the "
			"meeting since %s", what, who, host, since);
}

enum store_rc pg_fail(struct store *st, const PGresult *res, const char *what)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	if (PG(st)->tx_depth > 0)
		PG(st)->tx_failed = true;
	if (state && strcmp(state, PG_HOLD_STATE) == 0)
		return hold_refused(st, res, what);
	enum store_rc rc = pg_rc_of_state(state);
	/* The server aborts a transaction at its first error: the outermost
	 * end rolls it back and reports it. */
	if (PG(st)->tx_depth > 0)
		PG(st)->tx_failed = true;
	if (PQstatus(PG(st)->conn) == CONNECTION_BAD)
		rc = STORE_UNREACHABLE;
	char msg[300];
	server_message(st, res, msg, sizeof msg);
	const char *hint = rc_hint(rc);
	if (hint)
		return pg_failf(st, rc, "%s: %s (%s)", what, hint, msg);
	return pg_failf(st, rc, "%s: %s", what, msg);
}

enum store_rc pg_not_yet(struct store *st, const char *op)
{
	return pg_failf(st, STORE_ERROR, "%s: " PG_NOT_YET, op);
}

/* --- parameters --------------------------------------------------------- */

static char *pp_slot(struct pg_params *p)
{
	if (p->n >= PG_MAX_PARAMS)
		die("too many statement parameters");
	return p->buf[p->n];
}

void pp_text(struct pg_params *p, const char *v)
{
	(void)pp_slot(p);
	p->v[p->n++] = v;
}

void pp_int(struct pg_params *p, int64_t v)
{
	char *b = pp_slot(p);
	snprintf(b, sizeof p->buf[0], "%lld", (long long)v);
	p->v[p->n++] = b;
}

void pp_id(struct pg_params *p, store_id v)
{
	if (v > 0)
		pp_int(p, v);
	else
		pp_text(p, NULL);
}

void pp_bool(struct pg_params *p, bool v) { pp_text(p, v ? "t" : "f"); }

void pp_real(struct pg_params *p, double v)
{
	char *b = pp_slot(p);
	snprintf(b, sizeof p->buf[0], "%.17g", v); /* read back as the same double */
	p->v[p->n++] = b;
}

void pp_date(struct pg_params *p, cx_date d)
{
	if (d == DATE_NONE) {
		pp_text(p, NULL);
		return;
	}
	char *b = pp_slot(p);
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	/* A bound past the last date that can be kept: after every date kept. */
	if (y > DATE_MAX_YEAR)
		snprintf(b, sizeof p->buf[0], "infinity");
	else
		date_format(d, b, sizeof p->buf[0]);
	p->v[p->n++] = b;
}

void pp_time(struct pg_params *p, time_t t)
{
	if (t == 0) {
		pp_text(p, NULL);
		return;
	}
	char *b = pp_slot(p);
	clock_format_utc(t, b, sizeof p->buf[0]);
	p->v[p->n++] = b;
}

/* An array literal ("{"a","b"}"), built an element at a time: each element
 * in double quotes, its quotes and backslashes escaped. */
void pg_array_add(struct strbuf *sb, const char *v)
{
	sb_add(sb, sb->len ? ",\"" : "{\"");
	for (const char *c = v; *c; c++) {
		if (*c == '"' || *c == '\\')
			sb_add(sb, "\\");
		sb_addn(sb, c, 1);
	}
	sb_add(sb, "\"");
}

void pg_array_add_int(struct strbuf *sb, int v)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%d", v);
	pg_array_add(sb, buf);
}

void pg_array_end(struct strbuf *sb) { sb_add(sb, sb->len ? "}" : "{}"); }

/* --- running ------------------------------------------------------------ */

/* Whether statement id runs in its wide form (scope.c), and its name. */
static bool wide_name(struct store *st, enum pg_stmt id, char *name, size_t len)
{
	bool wide = PG(st)->all_councils && pg_wide_sql(id);
	snprintf(name, len, wide ? "cxw%d" : "cx%d", (int)id);
	return wide;
}

static enum store_rc prepare(struct store *st, enum pg_stmt id)
{
	char name[24];
	bool wide = wide_name(st, id, name, sizeof name);
	bool *prepared = wide ? &PG(st)->prepared_wide[id] : &PG(st)->prepared[id];
	if (*prepared)
		return STORE_OK;
	PGresult *r = PQprepare(PG(st)->conn, name, wide ? pg_wide_sql(id) : stmt_sql[id], 0,
				NULL);
	enum store_rc rc = STORE_OK;
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		rc = pg_fail(st, r, "preparing a query");
		if (rc == STORE_CORRUPT)
			rc = pg_failf(st, rc, "the database does not fit this cxmeet: a query does "
					      "not fit its schema (%s)", PQresultErrorMessage(r));
	} else {
		*prepared = true;
	}
	PQclear(r);
	return rc;
}

/* Prepares those of ids[0..n) not yet prepared in one round trip (libpq's
 * pipeline), rather than one each on first use. Only outside a transaction
 * and a read-ahead: a statement that fails to prepare is left for its first
 * use, which says why. */
void pg_prepare_these(struct store *st, const enum pg_stmt *ids, size_t n)
{
	PGconn *c = PG(st)->conn;
	size_t todo = 0;
	for (size_t i = 0; i < n; i++) {
		char name[24];
		todo += !(wide_name(st, ids[i], name, sizeof name) ? PG(st)->prepared_wide
								  : PG(st)->prepared)[ids[i]];
	}
	if (todo == 0 || PG(st)->tx_depth > 0 || PG(st)->ra.open ||
	    PQstatus(c) != CONNECTION_OK || !PQenterPipelineMode(c))
		return;
	bool sent[PGS_COUNT] = {false};
	for (size_t i = 0; i < n; i++) {
		char name[24];
		bool wide = wide_name(st, ids[i], name, sizeof name);
		if ((wide ? PG(st)->prepared_wide : PG(st)->prepared)[ids[i]] || sent[ids[i]])
			continue;
		if (!PQsendPrepare(c, name, wide ? pg_wide_sql(ids[i]) : stmt_sql[ids[i]], 0, NULL))
			break;
		sent[ids[i]] = true;
	}
	PQpipelineSync(c);
	/* the results in the order sent, then the sync's */
	for (size_t i = 0; i < n; i++) {
		if (!sent[ids[i]])
			continue;
		sent[ids[i]] = false; /* each once, as sent */
		PGresult *r = PQgetResult(c);
		if (PQresultStatus(r) == PGRES_COMMAND_OK) {
			char name[24];
			bool wide = wide_name(st, ids[i], name, sizeof name);
			(wide ? PG(st)->prepared_wide : PG(st)->prepared)[ids[i]] = true;
		}
		PQclear(r);
		PQclear(PQgetResult(c)); /* the NULL that ends each one's results */
	}
	for (PGresult *r; (r = PQgetResult(c)) != NULL;) {
		bool sync = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
		PQclear(r);
		if (sync)
			break;
	}
	PQexitPipelineMode(c);
}

enum store_rc pg_run(struct store *st, enum pg_stmt id, const struct pg_params *p,
		     PGresult **res, const char *what)
{
	if (res)
		*res = NULL;
	/* A connection lost since the last call: a new one first, unless a
	 * transaction was open on the old one (its caller must hear it failed). */
	if (PQstatus(PG(st)->conn) != CONNECTION_OK) {
		if (PG(st)->tx_depth > 0)
			return pg_fail(st, NULL, what);
		enum store_rc rc = pg_reconnect(st);
		if (rc != STORE_OK)
			return rc;
	}
	/* A list's read-ahead is read-only: anything but a query ends it. */
	if (PG(st)->ra.open && strncmp(stmt_sql[id], "SELECT", 6) != 0)
		pg_readahead_stop(st);
	for (int attempt = 0;; attempt++) {
		enum store_rc rc = prepare(st, id);
		if (rc != STORE_OK)
			return rc;
		char name[24];
		wide_name(st, id, name, sizeof name);
		PGresult *r = PQexecPrepared(PG(st)->conn, name, p ? p->n : 0, p ? p->v : NULL,
					     NULL, NULL, 0);
		ExecStatusType s = PQresultStatus(r);
		if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK) {
			if (res)
				*res = r;
			else
				PQclear(r);
			return STORE_OK;
		}
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		/* A statement outside a transaction is one on its own: again. */
		if (PG(st)->tx_depth == 0 && pg_retryable(state) && attempt < RETRIES) {
			PQclear(r);
			continue;
		}
		rc = pg_fail(st, r, what);
		PQclear(r);
		return rc;
	}
}

enum store_rc pg_exec(struct store *st, enum pg_stmt id, const struct pg_params *p,
		      const char *what)
{
	return pg_run(st, id, p, NULL, what);
}

enum store_rc pg_update_one(struct store *st, enum pg_stmt id, const struct pg_params *p,
			    const char *what)
{
	PGresult *r;
	enum store_rc rc = pg_run(st, id, p, &r, what);
	if (rc != STORE_OK)
		return rc;
	const char *n = PQcmdTuples(r);
	if (!n || strcmp(n, "0") == 0)
		rc = pg_failf(st, STORE_NOTFOUND, "%s: no such record", what);
	PQclear(r);
	return rc;
}

enum store_rc pg_row(struct store *st, enum pg_stmt id, const struct pg_params *p,
		     PGresult **res, const char *what)
{
	enum store_rc rc = pg_run(st, id, p, res, what);
	if (rc == STORE_OK && PQntuples(*res) == 0) {
		PQclear(*res);
		*res = NULL;
		return STORE_NOTFOUND;
	}
	return rc;
}

enum store_rc pg_collect(struct store *st, enum pg_stmt id, const struct pg_params *p,
			 void **arr, size_t *n, size_t elem_size,
			 void (*read)(const PGresult *r, int row, void *elem), const char *what)
{
	PGresult *r;
	*arr = NULL;
	*n = 0;
	enum store_rc rc = pg_run(st, id, p, &r, what);
	if (rc != STORE_OK)
		return rc;
	int rows = PQntuples(r);
	if (rows > 0) {
		*arr = xcalloc((size_t)rows, elem_size);
		for (int i = 0; i < rows; i++)
			read(r, i, (char *)*arr + (size_t)i * elem_size);
	}
	*n = (size_t)rows;
	PQclear(r);
	return STORE_OK;
}

enum store_rc pg_exec_sql(struct store *st, const char *sql, const char *what)
{
	pg_readahead_stop(st);
	PGresult *r = PQexec(PG(st)->conn, sql);
	ExecStatusType s = PQresultStatus(r);
	enum store_rc rc = s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK ? STORE_OK
									  : pg_fail(st, r, what);
	PQclear(r);
	return rc;
}

/* --- columns ------------------------------------------------------------ */

char *pgc_text(const PGresult *r, int row, int col)
{
	if (PQgetisnull(r, row, col))
		return NULL;
	return xstrdup(PQgetvalue(r, row, col));
}

char *pgc_text_or_empty(const PGresult *r, int row, int col)
{
	return xstrdup(PQgetvalue(r, row, col)); /* "" when NULL */
}

int64_t pgc_int(const PGresult *r, int row, int col)
{
	if (PQgetisnull(r, row, col))
		return 0;
	/* the server's text of an integer, read digit by digit: strtoll's
	 * generality was an eighth of a long list's client time */
	const char *v = PQgetvalue(r, row, col);
	bool neg = *v == '-';
	uint64_t n = 0;
	const char *d = v + neg;
	for (int k = 0; *d >= '0' && *d <= '9' && k < 18; d++, k++)
		n = n * 10 + (uint64_t)(*d - '0');
	if (*d != '\0' || d == v + neg) /* 19 digits and more, or not a number */
		return strtoll(v, NULL, 10);
	return neg ? -(int64_t)n : (int64_t)n;
}

store_id pgc_id(const PGresult *r, int row, int col) { return pgc_int(r, row, col); }

bool pgc_bool(const PGresult *r, int row, int col)
{
	return !PQgetisnull(r, row, col) && PQgetvalue(r, row, col)[0] == 't';
}

cx_date pgc_date(const PGresult *r, int row, int col)
{
	cx_date d;
	if (PQgetisnull(r, row, col) || !date_parse_iso(PQgetvalue(r, row, col), &d))
		return DATE_NONE;
	return d;
}

time_t pgc_time(const PGresult *r, int row, int col) { return (time_t)pgc_int(r, row, col); }

/* --- transactions ------------------------------------------------------- */

enum store_rc pg_tx_begin(struct store *st)
{
	pg_readahead_stop(st);
	if (PG(st)->tx_depth > 0) {
		PG(st)->tx_depth++;
		return STORE_OK;
	}
	enum store_rc rc = pg_reconnect(st);
	if (rc == STORE_OK)
		rc = pg_exec_sql(st, "BEGIN", "starting a transaction");
	if (rc == STORE_OK) {
		PG(st)->tx_depth = 1;
		PG(st)->tx_failed = false;
	}
	return rc;
}

enum store_rc pg_tx_end(struct store *st, enum store_rc rc)
{
	if (rc != STORE_OK)
		PG(st)->tx_failed = true;
	if (PG(st)->tx_depth == 0 || --PG(st)->tx_depth > 0)
		return rc;
	if (PG(st)->tx_failed) {
		PG(st)->tx_failed = false;
		PGresult *r = PQexec(PG(st)->conn, "ROLLBACK");
		PQclear(r);
		pg_lock_timeout_apply(st); /* a setting made in it is undone too */
		return rc != STORE_OK ? rc : STORE_ERROR;
	}
	/* A failed COMMIT (the connection lost, a deferred check) is reported:
	 * nothing is shown as saved that the server did not keep. */
	PGresult *r = PQexec(PG(st)->conn, "COMMIT");
	enum store_rc crc = STORE_OK;
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		crc = pg_fail(st, r, "saving");
	PQclear(r);
	return crc;
}

enum store_rc pg_tx_run(struct store *st, enum store_rc (*body)(struct store *st, void *ctx),
			void *ctx)
{
	if (PG(st)->tx_depth > 0) {
		/* Part of the caller's transaction: a failure fails it, as the
		 * SQLite store's nested tx_end does. */
		enum store_rc rc = body(st, ctx);
		if (rc != STORE_OK)
			PG(st)->tx_failed = true;
		return rc;
	}
	for (int attempt = 0;; attempt++) {
		enum store_rc rc = pg_tx_begin(st);
		if (rc != STORE_OK)
			return rc;
		PG(st)->errmsg[0] = '\0';
		rc = pg_tx_end(st, body(st, ctx));
		/* The server cancelled it to let another one through: again. */
		if (rc == STORE_BUSY && attempt < RETRIES && PQstatus(PG(st)->conn) == CONNECTION_OK)
			continue;
		return rc;
	}
}

enum store_rc pg_begin(struct store *st) { return pg_tx_begin(st); }
/* A server's reader waits for no writer: its transaction is the same. */
enum store_rc pg_read_begin(struct store *st) { return pg_tx_begin(st); }
enum store_rc pg_commit(struct store *st) { return pg_tx_end(st, STORE_OK); }
void pg_rollback(struct store *st) { (void)pg_tx_end(st, STORE_ERROR); }
