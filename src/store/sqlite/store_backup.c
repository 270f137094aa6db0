/* store_backup.c - `cxmeet backup`: a consistent copy of the live file
 * through SQLite's online backup, taken in steps inside one read
 * transaction of the source (its snapshot), so that a meeting writing
 * meanwhile is not blocked and the copy is of one moment. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store_int.h"
#include "cxmeet/util.h"

/* Pages copied in one step: a few hundred kilobytes. */
#define STEP_PAGES 128

/* The store's error for a failure of the copy (in dest when dest says so). */
static enum store_rc backup_fail(struct store *st, sqlite3 *dest, int code)
{
	int saved = errno;
	int ext = dest ? sqlite3_extended_errcode(dest) : code;
	if ((code & 0xff) == SQLITE_FULL || (ext & 0xff) == SQLITE_FULL || saved == ENOSPC ||
	    saved == EFBIG || (dest && (sqlite3_system_errno(dest) == ENOSPC ||
					sqlite3_system_errno(dest) == EFBIG)))
		return store_failf(st, STORE_FULL, "cannot write the backup: the disk is full");
	if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
		return store_failf(st, STORE_BUSY, "cannot read the database for the backup: %s",
				   sqlite3_errstr(code));
	return store_failf(st, STORE_ERROR, "cannot write the backup: %s",
			   dest ? sqlite3_errmsg(dest) : sqlite3_errstr(code));
}

enum store_rc sqlite_backup(struct store *st, const char *path, store_count_fn fn, void *ctx)
{
	sqlite3 *src = SQ(st)->db, *dest = NULL;
	if (SQ(st)->tx_depth > 0)
		return store_failf(st, STORE_ERROR, "a backup cannot be taken inside a transaction");
	int rc = sqlite3_open_v2(path, &dest, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		enum store_rc out = backup_fail(st, dest, rc);
		sqlite3_close(dest);
		return out;
	}
	/* One read transaction: every page as it was at its start. */
	rc = sqlite3_exec(src, "BEGIN; SELECT count(*) FROM main.sqlite_schema;", NULL, NULL,
			  NULL);
	if (rc != SQLITE_OK) {
		enum store_rc out = store_fail(st, "reading the database for the backup");
		sqlite3_exec(src, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(dest);
		return out;
	}
	sqlite3_backup *b = sqlite3_backup_init(dest, "main", src, "main");
	if (!b) {
		enum store_rc out = backup_fail(st, dest, sqlite3_errcode(dest));
		sqlite3_exec(src, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(dest);
		return out;
	}
	do {
		rc = sqlite3_backup_step(b, STEP_PAGES);
		if (fn) {
			long total = sqlite3_backup_pagecount(b);
			fn(total - sqlite3_backup_remaining(b), total, ctx);
		}
	} while (rc == SQLITE_OK);
	int fin = sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE)
		rc = fin;
	sqlite3_exec(src, "COMMIT", NULL, NULL, NULL);
	enum store_rc out = STORE_OK;
	if (rc != SQLITE_OK && rc != SQLITE_DONE)
		out = backup_fail(st, dest, rc);
	if (sqlite3_close(dest) != SQLITE_OK && out == STORE_OK)
		out = store_failf(st, STORE_ERROR, "cannot close the backup");
	return out;
}
