/* store.c - opening, migrating, checking and closing the database, its
 * checkpoints and the progress of long work; the table of the backend's
 * operations. All SQL of cxmeet lives under src/store/sqlite; this file must
 * not hold queries of a particular table. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store_int.h"
#include "cxmeet/util.h"

/* 'cxmt': marks the file as ours for `file` and for our own checks. */
#define CXMEET_APPLICATION_ID 0x63786d74

_Static_assert(STORE_SCHEMA_VERSION == 12, "bump migrations with the schema version");

/* --- checkpoints off the keys ------------------------------------------ */

/* SQLite's own: a copy once the log holds this many pages. */
#define CHECKPOINT_PAGES 1000

static int wal_committed(void *p, sqlite3 *db, const char *name, int frames)
{
	struct store *st = p;
	SQ(st)->wal_frames = frames;
	if (frames >= 10 * CHECKPOINT_PAGES) /* typed on without a pause: bounded all the same */
		sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	return SQLITE_OK;
}

/* Statements on a file are compiled in microseconds: nothing to do ahead. */
void sqlite_expect_meeting(struct store *st) { (void)st; }

void sqlite_defer_checkpoints(struct store *st)
{
	/* the hook replaces SQLite's automatic checkpoint, which is one */
	sqlite3_wal_hook(SQ(st)->db, wal_committed, st);
}

bool sqlite_checkpoint_due(const struct store *st)
{
	return SQ(st)->wal_frames >= CHECKPOINT_PAGES;
}

void sqlite_checkpoint_idle(struct store *st)
{
	/* Whether it copied all, stopped at a reader or failed, the next
	 * commit's count of the log tells whether a copy is still owed. */
	sqlite3_wal_checkpoint_v2(SQ(st)->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	SQ(st)->wal_frames = 0;
}

/* --- long work ---------------------------------------------------------- */

static store_progress_fn progress_fn;
static void *progress_ctx;

void sqlite_set_progress(store_progress_fn fn, void *ctx)
{
	progress_fn = fn;
	progress_ctx = ctx;
}

static double seconds_between(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* Called by SQLite every few thousand steps of the statements running. */
static int long_work_tick(void *p)
{
	struct long_work *w = p;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double taken = seconds_between(&w->start, &now);
	if (taken >= 0.5 && (!w->shown || seconds_between(&w->last, &now) >= 0.2)) {
		progress_fn(w->what, taken, progress_ctx);
		w->shown = true;
		w->last = now;
	}
	return 0;
}

void long_work_begin(struct store *st, struct long_work *w, const char *what)
{
	memset(w, 0, sizeof *w);
	w->what = what;
	if (!progress_fn)
		return;
	clock_gettime(CLOCK_MONOTONIC, &w->start);
	sqlite3_progress_handler(SQ(st)->db, 10000, long_work_tick, w);
}

void long_work_end(struct store *st, struct long_work *w)
{
	if (!progress_fn)
		return;
	sqlite3_progress_handler(SQ(st)->db, 0, NULL, NULL);
	if (w->shown) {
		struct timespec now;
		clock_gettime(CLOCK_MONOTONIC, &now);
		progress_fn(NULL, seconds_between(&w->start, &now), progress_ctx);
	}
}

/* --- opening ------------------------------------------------------------ */

static int make_parent_dirs(const char *path, char *err, size_t errlen)
{
	char *dir = xstrdup(path);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			int e = errno;
			errf(err, errlen, "cannot create folder %s: %s", dir, strerror(e));
			free(dir);
			errno = e; /* store_open maps it to a store code */
			return -1;
		}
		*p = '/';
	}
	free(dir);
	return 0;
}

/* Creates a new, empty file readable by its owner only. SQLite gives its
 * -wal and -shm files the same permissions. */
static int create_private_file(const char *path, char *err, size_t errlen)
{
	if (make_parent_dirs(path, err, errlen) != 0)
		return -1;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return 0;
		int e = errno;
		errf(err, errlen, "cannot create %s: %s", path, strerror(e));
		errno = e;
		return -1;
	}
	close(fd);
	return 0;
}

static int pragma_int(struct store *st, const char *sql, int *out)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(SQ(st)->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : -1;
}

static enum store_rc exec_sql(struct store *st, const char *sql, const char *what)
{
	if (sqlite3_exec(SQ(st)->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, what);
	return STORE_OK;
}

/* Checks what the file is before anything is written to it. */
static enum store_rc check_identity(struct store *st, int *version)
{
	int app_id = 0, tables = 0;
	if (pragma_int(st, "PRAGMA user_version", version) != 0 ||
	    pragma_int(st, "PRAGMA application_id", &app_id) != 0 ||
	    pragma_int(st, "SELECT count(*) FROM sqlite_master", &tables) != 0) {
		enum store_rc rc = store_fail(st, "reading the database");
		if (rc == STORE_CORRUPT && (sqlite3_extended_errcode(SQ(st)->db) & 0xff) == SQLITE_NOTADB)
			return store_failf(st, rc, "%s is not a cxmeet database (%s); it was left "
					   "untouched", SQ(st)->path, sqlite3_errmsg(SQ(st)->db));
		if (rc == STORE_CORRUPT)
			return store_failf(st, rc, "%s is damaged (%s): it is not a usable cxmeet "
					   "database; it was left untouched", SQ(st)->path,
					   sqlite3_errmsg(SQ(st)->db));
		return rc;
	}
	if ((*version == 0 && tables > 0) || (app_id != 0 && app_id != CXMEET_APPLICATION_ID))
		return store_failf(st, STORE_CORRUPT,
				   "%s is an SQLite database of another program, not cxmeet's; "
				   "it was left untouched",
				   SQ(st)->path);
	if (*version > STORE_SCHEMA_VERSION)
		return store_failf(st, STORE_NEWER,
				   "%s was written by a newer cxmeet (schema version %d; this one "
				   "knows up to %d); it was left untouched: upgrade cxmeet to use it",
				   SQ(st)->path, *version, STORE_SCHEMA_VERSION);
	return STORE_OK;
}

/* The schema's version moved on by one, after a migration that wrote the
 * schema's text itself: every connection reads the schema again. */
static int schema_version_bump(struct store *st)
{
	int v;
	if (pragma_int(st, "PRAGMA schema_version", &v) != 0)
		return -1;
	char pragma[64];
	snprintf(pragma, sizeof pragma, "PRAGMA schema_version = %d", v + 1);
	return sqlite3_exec(SQ(st)->db, pragma, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

static enum store_rc migrate(struct store *st, int version)
{
	if (version == STORE_SCHEMA_VERSION)
		return STORE_OK;
	if (sqlite3_db_readonly(SQ(st)->db, "main") == 1)
		return store_failf(st, STORE_READONLY, "cannot set up %s: the file is read-only",
				   SQ(st)->path);
	enum store_rc brc = exec_sql(st, "BEGIN IMMEDIATE", "setting up the database");
	if (brc != STORE_OK)
		return brc;
	/* Re-read under the write lock: another process may have migrated. */
	if (pragma_int(st, "PRAGMA user_version", &version) != 0)
		goto fail;
	struct long_work w;
	long_work_begin(st, &w, version ? "upgrading the database" : "setting up the database");
	for (int v = version; v < store_migration_count; v++) {
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
		if (sqlite3_exec(SQ(st)->db, store_migrations[v], NULL, NULL, NULL) != SQLITE_OK ||
		    ((store_migration_rewrites >> (v + 1) & 1) && schema_version_bump(st) != 0) ||
		    sqlite3_exec(SQ(st)->db, pragma, NULL, NULL, NULL) != SQLITE_OK) {
			long_work_end(st, &w);
			goto fail;
		}
	}
	long_work_end(st, &w);
	char app[64];
	snprintf(app, sizeof app, "PRAGMA application_id = %d", CXMEET_APPLICATION_ID);
	if (sqlite3_exec(SQ(st)->db, app, NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	if (exec_sql(st, "COMMIT", "setting up the database") == STORE_OK)
		return STORE_OK;
fail: {
	enum store_rc rc = store_fail(st, "setting up the database");
	sqlite3_exec(SQ(st)->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}
}

static enum store_rc configure(struct store *st)
{
	enum store_rc rc;
	if (sqlite3_db_readonly(SQ(st)->db, "main") == 1)
		return store_failf(st, STORE_READONLY,
				   "cannot write to %s: the file is read-only", SQ(st)->path);
	rc = exec_sql(st, "PRAGMA journal_mode = WAL", "opening the database");
	if (rc == STORE_OK)
		rc = exec_sql(st, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
			      " PRAGMA cache_size = -8192; PRAGMA temp_store = MEMORY",
			      "opening the database");
	return rc;
}

/* The transaction statements are compiled at once: a rollback must never
 * depend on compiling anything (say, with the disk full). */
static enum store_rc prepare_tx(struct store *st)
{
	static const enum stmt_id tx[] = {STMT_BEGIN, STMT_COMMIT, STMT_ROLLBACK};
	for (size_t i = 0; i < ARRAY_SIZE(tx); i++)
		if (!stmt_prepare(st, tx[i]))
			return stmt_missing(st);
	return STORE_OK;
}

/* Writes each statement as run, with its parameters filled in, so that
 * they can be run again in the sqlite3 program and their plans checked
 * (tests/bench/bench.sh).
 * Statements run by triggers are left out: they come with their parent. */
static int trace_stmt(unsigned type, void *ctx, void *p, void *x)
{
	(void)type;
	struct store *st = ctx;
	/* For a trigger program, SQLite calls again with the same statement in p
	 * (whose expanded text is the parent's) and "-- TRIGGER name" in x: only
	 * the unexpanded text in x tells the two calls apart. */
	const char *unexpanded = x;
	if (unexpanded && strncmp(unexpanded, "--", 2) == 0)
		return 0;
	char *sql = sqlite3_expanded_sql(p);
	if (sql)
		fprintf(SQ(st)->trace, "%s;\n", sql);
	sqlite3_free(sql);
	return 0;
}

static void trace_open(struct store *st)
{
	const char *path = getenv("CXMEET_TRACE_SQL");
	if (!path || !*path)
		return;
	/* private, like the database: the statements hold what was typed */
	int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0 || !(SQ(st)->trace = fdopen(fd, "a"))) {
		if (fd >= 0)
			close(fd);
		return;
	}
	sqlite3_trace_v2(SQ(st)->db, SQLITE_TRACE_STMT, trace_stmt, st);
}

static int schema_cookie(struct store *st)
{
	int v = -1;
	return pragma_int(st, "PRAGMA schema_version", &v) == 0 ? v : -1;
}

/* SQLite keeps companion files beside the database, named after it: the
 * longest suffix is "-journal" (looked for at every open), then "-wal" and
 * "-shm". A name that fits while a companion's does not would fail later as
 * "unable to open", which reads like a permission problem. */
#define COMPANION_SUFFIX "-journal"

static bool path_fits(const char *path, char *err, size_t errlen)
{
	const size_t suffix = strlen(COMPANION_SUFFIX);
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	long name_max = NAME_MAX;
	char *dir = slash ? xstrndup(path, (size_t)(slash - path) + 1) : xstrdup(".");
	long pc = pathconf(dir, _PC_NAME_MAX); /* -1 when the folder does not exist yet */
	free(dir);
	if (pc > 0)
		name_max = pc;
	if (strlen(base) + suffix > (size_t)name_max) {
		errf(err, errlen,
		     "the file name of %s is too long: it is %zu bytes, and the names of the "
		     "files SQLite keeps beside it (with -wal, -shm and -journal added) must fit "
		     "in %ld bytes; use a file name of at most %zu bytes",
		     path, strlen(base), name_max, (size_t)name_max - suffix);
		return false;
	}
	/* SQLite works on the absolute path, and bounds it (with the suffix). */
	size_t abs_len = strlen(path);
	if (path[0] != '/') {
		char *cwd = getcwd(NULL, 0);
		abs_len += cwd ? strlen(cwd) + 1 : 0;
		free(cwd);
	}
	sqlite3_vfs *vfs = sqlite3_vfs_find(NULL);
	size_t limit = vfs && vfs->mxPathname > 0 ? (size_t)vfs->mxPathname : 512;
	if (limit > PATH_MAX)
		limit = PATH_MAX;
	if (abs_len + suffix > limit) {
		errf(err, errlen,
		     "the path %s is too long: it is %zu bytes as a full path, and the paths of "
		     "the files SQLite keeps beside it (with -wal, -shm and -journal added) must "
		     "fit in %zu bytes; use a path of at most %zu bytes",
		     path, abs_len, limit, limit - suffix);
		return false;
	}
	return true;
}

/* SQLite's settings for the whole process, made before its first use:
 * no count of the memory it takes (a lock and a sum at every allocation,
 * read by nothing here). */
static void sqlite_setup(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static enum store_rc open_store(const char *path, bool create, bool verify,
				struct store **out, char *err, size_t errlen)
{
	struct stat sb;
	*out = NULL;
	sqlite_setup();
	if (!path || !*path) {
		errf(err, errlen, "no database path given");
		return STORE_INVALID;
	}
	if (!path_fits(path, err, errlen))
		return STORE_INVALID;
	int found = stat(path, &sb);
	if (found == 0 && S_ISDIR(sb.st_mode)) {
		errf(err, errlen, "%s is a folder, not a database file", path);
		return STORE_INVALID;
	}
	if (!create && (found != 0 || sb.st_size == 0)) {
		if (found != 0 && errno != ENOENT && errno != ENOTDIR) {
			int e = errno;
			errf(err, errlen, "cannot open %s: %s", path, strerror(e));
			enum store_rc src = rc_from_errno(e);
			return src == STORE_ERROR ? STORE_READONLY : src;
		}
		errf(err, errlen, "there is no database at %s%s: 'cxmeet init' creates one (or "
		     "check --db and CXMEET_DB)", path, found == 0 ? " (the file is empty)" : "");
		return STORE_NOTFOUND;
	}
	if (create && create_private_file(path, err, errlen) != 0) {
		enum store_rc crc = rc_from_errno(errno);
		return crc == STORE_ERROR ? STORE_READONLY : crc;
	}

	struct sqlite_store *sq = xcalloc(1, sizeof *sq);
	sq->base.ops = &sqlite_ops;
	struct store *st = &sq->base;
	SQ(st)->schema_cookie = -1; /* not verified yet: no check at each transaction */
	SQ(st)->path = xstrdup(path);
	const char *user = getenv("USER");
	SQ(st)->actor = user && *user ? xstrdup(user) : NULL; /* unknown: not recorded */
	int version = 0;
	enum store_rc rc;
	/* One thread uses a connection: no mutex taken at every column read. */
	if (sqlite3_open_v2(path, &SQ(st)->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		rc = store_fail(st, "opening the database");
		goto fail;
	}
	sqlite3_extended_result_codes(SQ(st)->db, 1);
	sqlite3_busy_timeout(SQ(st)->db, BUSY_TIMEOUT_MS);
	rc = check_identity(st, &version);
	/* Before anything is written or migrated: the schema must be the one
	 * this version of cxmeet made for the file's schema version. */
	if (rc == STORE_OK && verify && version > 0)
		rc = schema_verify(st, version);
	if (rc == STORE_OK)
		rc = configure(st);
	/* An older file opened for check is checked as it is: a damaged one
	 * might not even migrate, and check changes nothing. */
	if (rc == STORE_OK && (verify || version == 0))
		rc = migrate(st, version);
	SQ(st)->version = verify || version == 0 ? STORE_SCHEMA_VERSION : version;
	if (rc == STORE_OK)
		rc = prepare_tx(st);
	hold_setup(st);
	if (rc == STORE_OK) {
		SQ(st)->schema_cookie = verify ? schema_cookie(st) : -1;
		trace_open(st);
		*out = st;
		return STORE_OK;
	}
fail:
	errf(err, errlen, "%s", SQ(st)->errmsg);
	sqlite_close(st);
	return rc;
}

enum store_rc sqlite_open_mode(const char *path, bool create, struct store **out, char *err,
			       size_t errlen)
{
	return open_store(path, create, true, out, err, errlen);
}

enum store_rc sqlite_open_for_check(const char *path, struct store **out, char *err,
				    size_t errlen)
{
	return open_store(path, false, false, out, err, errlen);
}

enum store_rc sqlite_verify(struct store *st)
{
	int cookie = schema_cookie(st);
	if (cookie >= 0 && cookie == SQ(st)->schema_cookie)
		return STORE_OK;
	enum store_rc rc = schema_verify(st, STORE_SCHEMA_VERSION);
	if (rc == STORE_OK)
		SQ(st)->schema_cookie = cookie;
	return rc;
}

/* Appends each problem SQLite's integrity check and foreign-key check find. */
static enum store_rc check_integrity(struct store *st, struct strbuf *sb, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_CHECK);
	int rc;
	if (!s)
		return stmt_missing(st);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *line = sqlite3_column_text(s, 0);
		sb_addf(sb, "%s\n", line ? (const char *)line : "(unknown problem)");
		(*n)++;
	}
	if (rc == SQLITE_DONE) {
		sqlite3_reset(s);
		return STORE_OK;
	}
	enum store_rc out = store_fail(st, "checking the database");
	sqlite3_reset(s);
	if (out != STORE_CORRUPT)
		return out;
	if (*n == 0) {
		sb_addf(sb, "%s\n", sqlite3_errstr(SQLITE_CORRUPT));
		(*n)++;
	}
	return STORE_OK;
}

enum store_rc sqlite_check(struct store *st, char **problems, char **notes)
{
	struct strbuf sb, nb;
	size_t n = 0;
	*problems = NULL;
	if (notes)
		*notes = NULL;
	sb_init(&sb);
	sb_init(&nb);
	enum store_rc rc = schema_compare(st, SQ(st)->version, &sb, &nb, &n);
	if (rc == STORE_OK)
		rc = check_integrity(st, &sb, &n);
	/* Every query must compile against the tables and indexes found (on a
	 * file of this version: an older one is migrated by its next use). */
	if (rc == STORE_OK && n == 0 && SQ(st)->version == STORE_SCHEMA_VERSION &&
	    sqlite_prepare_all(st) != STORE_OK) {
		sb_addf(&sb, "a query does not fit the schema: %s\n", sqlite3_errmsg(SQ(st)->db));
		n++;
	}
	if (notes && nb.len)
		*notes = sb_take(&nb);
	sb_free(&nb);
	if (rc != STORE_OK || n == 0) {
		sb_free(&sb);
		return rc;
	}
	*problems = sb_take(&sb);
	return store_failf(st, STORE_CORRUPT, "the database %s is damaged: %zu %s found", SQ(st)->path,
			   n, n == 1 ? "problem" : "problems");
}

int sqlite_schema_version(const struct store *st)
{
	int v = 0;
	return pragma_int((struct store *)st, "PRAGMA user_version", &v) == 0 ? v : -1;
}

void sqlite_close(struct store *st)
{
	if (!st)
		return;
	if (SQ(st)->trace)
		fclose(SQ(st)->trace);
	bulk_events_drop(st);
	for (int i = 0; i < STMT_COUNT; i++)
		sqlite3_finalize(SQ(st)->stmt[i]);
	sqlite3_close(SQ(st)->db);
	free(SQ(st)->path);
	free(SQ(st)->actor);
	free(SQ(st)->bulk_fts);
	free(SQ(st)->fts_memo.words);
	free(SQ(st)->fts_memo.query);
	free(st);
}

const char *sqlite_backend_version(void) { return sqlite3_libversion(); }

const struct store_ops sqlite_ops = {
#define SQLITE_OP(name, ...) .name = sqlite_##name,
#define SQLITE_OP_R(type, name, ...) .name = sqlite_##name,
	STORE_OPS(SQLITE_OP, SQLITE_OP_R, SQLITE_OP)
#undef SQLITE_OP
#undef SQLITE_OP_R
};
