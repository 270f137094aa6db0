/* store_hold.c - one writer per live meeting: the hold (which instance
 * writes a meeting in progress), the checks that refuse every other writer
 * inside the writing transaction, and the draft of an open capture form.
 * When a holder counts as gone is a domain rule, in core (meeting.c). */
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "store_int.h"
#include "cxmeet/util.h"

/* True when meeting X is in progress and held by this connection's instance. */
#define HELD(x) \
	"EXISTS (SELECT 1 FROM main.meetings m JOIN main.meeting_holds h" \
	" ON h.meeting_id = m.id WHERE m.id = " x " AND m.status = 'in_progress'" \
	" AND h.token = (SELECT token FROM temp.cx_instance))"
#define REFUSE(x) " BEGIN SELECT RAISE(ABORT, '" HOLD_REFUSAL "') WHERE NOT " HELD(x) "; END;"

/* Temporary triggers belong to the connection that made them: each
 * instance checks its own writes against its own token, and they are no part
 * of the database's schema. Each fires inside the statement that writes, so
 * the check and the write are one transaction. */
static const char hold_table[] = "CREATE TEMP TABLE IF NOT EXISTS cx_instance (token TEXT NOT NULL)";
static const char *const hold_checks[] = {
	"CREATE TEMP TRIGGER cx_hold_items BEFORE INSERT ON main.items"
	"  WHEN new.meeting_id IS NOT NULL" REFUSE("new.meeting_id"),
	/* A 'carried' event names the meeting an open action was carried to,
	 * written when the action closes (migration 7): no write into it. */
	"CREATE TEMP TRIGGER cx_hold_events BEFORE INSERT ON main.item_events"
	"  WHEN new.meeting_id IS NOT NULL AND new.event <> 'carried'" REFUSE("new.meeting_id"),
	"CREATE TEMP TRIGGER cx_hold_meetings BEFORE UPDATE ON main.meetings" REFUSE("old.id"),
	"CREATE TEMP TRIGGER cx_hold_steps BEFORE UPDATE ON main.meeting_steps"
	REFUSE("old.meeting_id"),
	"CREATE TEMP TRIGGER cx_hold_attend_i BEFORE INSERT ON main.attendance"
	REFUSE("new.meeting_id"),
	"CREATE TEMP TRIGGER cx_hold_attend_u BEFORE UPDATE ON main.attendance"
	REFUSE("old.meeting_id"),
	"CREATE TEMP TRIGGER cx_hold_draft_i BEFORE INSERT ON main.meeting_drafts"
	REFUSE("new.meeting_id"),
	"CREATE TEMP TRIGGER cx_hold_draft_u BEFORE UPDATE ON main.meeting_drafts"
	REFUSE("old.meeting_id"),
	/* an initiative reviewed in a meeting (schema 10) */
	"CREATE TEMP TRIGGER cx_hold_initiative BEFORE INSERT ON main.initiative_reviews"
	"  WHEN new.meeting_id IS NOT NULL" REFUSE("new.meeting_id"),
	/* a member's rating, a department's briefer (schema 11) */
	"CREATE TEMP TRIGGER cx_hold_rating_i BEFORE INSERT ON main.meeting_ratings"
	REFUSE("new.meeting_id"),
	"CREATE TEMP TRIGGER cx_hold_rating_u BEFORE UPDATE ON main.meeting_ratings"
	REFUSE("old.meeting_id"),
	"CREATE TEMP TRIGGER cx_hold_briefer_i BEFORE INSERT ON main.meeting_briefers"
	REFUSE("new.meeting_id"),
	"CREATE TEMP TRIGGER cx_hold_briefer_u BEFORE UPDATE ON main.meeting_briefers"
	REFUSE("old.meeting_id"),
};

static void make_token(char *out)
{
	unsigned char b[16];
	if (getrandom(b, sizeof b, 0) != (ssize_t)sizeof b) {
		/* no entropy to be had: the clock and the pid tell instances apart too */
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ (uint64_t)getpid() << 40;
		for (size_t i = 0; i < sizeof b; i++, x = x * 6364136223846793005u + 1442695040888963407u)
			b[i] = (unsigned char)(x >> 56);
	}
	for (size_t i = 0; i < sizeof b; i++)
		snprintf(out + 2 * i, 3, "%02x", b[i]);
}

void hold_setup(struct store *st)
{
	make_token(SQ(st)->token);
	if (gethostname(SQ(st)->host, sizeof SQ(st)->host) != 0 || !SQ(st)->host[0])
		snprintf(SQ(st)->host, sizeof SQ(st)->host, "localhost");
	SQ(st)->host[sizeof SQ(st)->host - 1] = '\0';
}

enum store_rc hold_ensure(struct store *st)
{
	if (SQ(st)->holds)
		return STORE_OK;
	if (sqlite3_exec(SQ(st)->db, hold_table, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, "getting ready to write");
	/* One by one: a table missing from a damaged file loses its own check
	 * only (it cannot be written anyway), and every other keeps its own. */
	for (size_t i = 0; i < ARRAY_SIZE(hold_checks); i++)
		(void)sqlite3_exec(SQ(st)->db, hold_checks[i], NULL, NULL, NULL);
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(SQ(st)->db, "INSERT INTO temp.cx_instance(token) VALUES (?)", -1, &s,
			       NULL) != SQLITE_OK)
		return store_fail(st, "getting ready to write");
	sqlite3_bind_text(s, 1, SQ(st)->token, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, "getting ready to write");
	SQ(st)->holds = true;
	return STORE_OK;
}

enum store_rc hold_checks_drop(struct store *st)
{
	static const char *const names[] = {
		"cx_hold_items", "cx_hold_events", "cx_hold_meetings", "cx_hold_steps",
		"cx_hold_attend_i", "cx_hold_attend_u", "cx_hold_draft_i", "cx_hold_draft_u",
		"cx_hold_initiative", "cx_hold_rating_i", "cx_hold_rating_u", "cx_hold_briefer_i",
		"cx_hold_briefer_u",
	};
	_Static_assert(ARRAY_SIZE(names) == ARRAY_SIZE(hold_checks), "one name per check");
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		char sql[80];
		snprintf(sql, sizeof sql, "DROP TRIGGER IF EXISTS temp.%s", names[i]);
		if (sqlite3_exec(SQ(st)->db, sql, NULL, NULL, NULL) != SQLITE_OK)
			return store_fail(st, "lifting the hold checks");
	}
	return STORE_OK;
}

enum store_rc hold_checks_make(struct store *st)
{
	for (size_t i = 0; i < ARRAY_SIZE(hold_checks); i++)
		if (sqlite3_exec(SQ(st)->db, hold_checks[i], NULL, NULL, NULL) != SQLITE_OK)
			return store_fail(st, "making the hold checks again");
	return STORE_OK;
}

enum store_rc hold_refused(struct store *st, const char *what)
{
	sqlite3_stmt *s = stmt_get(st, STMT_HOLD_WHY);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		return store_failf(st, STORE_NOT_HELD, "%s: nothing was saved: the meeting has ended",
				   what);
	}
	if (sqlite3_column_type(s, 0) == SQLITE_NULL) {
		sqlite3_reset(s);
		return store_failf(st, STORE_NOT_HELD, "%s: nothing was saved: this screen does not "
				   "hold the meeting (it was let go); resume it to write", what);
	}
	char since[32];
	clock_format_local(col_time(s, 2), "%Y-%m-%d %H:%M", "an unknown time", since,
			   sizeof since);
	store_failf(st, STORE_NOT_HELD, "%s: nothing was saved: %s on %s has held the meeting "
		    "since %s", what, (const char *)sqlite3_column_text(s, 0),
		    (const char *)sqlite3_column_text(s, 1), since);
	sqlite3_reset(s);
	return STORE_NOT_HELD;
}

enum store_rc sqlite_hold_get(struct store *st, store_id meeting, struct meeting_hold *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = stmt_get(st, STMT_HOLD_GET);
	bind_id(s, 1, meeting);
	bind_text(s, 2, SQ(st)->token);
	enum store_rc rc = stmt_row(st, s, "reading who holds the meeting");
	if (rc == STORE_OK) {
		snprintf(out->token, sizeof out->token, "%s", (const char *)sqlite3_column_text(s, 0));
		out->user = col_text_or_empty(s, 1);
		out->host = col_text_or_empty(s, 2);
		out->pid = (long)sqlite3_column_int64(s, 3);
		out->since = col_time(s, 4);
		out->seen = col_time(s, 5);
		out->mine = sqlite3_column_int(s, 6) != 0;
		out->same_host = strcmp(out->host, SQ(st)->host) == 0;
	}
	sqlite3_reset(s);
	return rc;
}

/* Who holds a meeting, shown to the other screens: the user the program runs
 * as, even when $USER is unset (the actor recorded on items is then left
 * out, but a hold always names someone). */
static const char *hold_user(const struct store *st, char *buf, size_t len)
{
	if (SQ(st)->actor)
		return SQ(st)->actor;
	struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_name && *pw->pw_name)
		return pw->pw_name;
	snprintf(buf, len, "user %ld", (long)getuid());
	return buf;
}

enum store_rc sqlite_hold_take(struct store *st, store_id meeting, const struct meeting_hold *from,
			       time_t now)
{
	enum store_rc rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	char ubuf[32];
	sqlite3_stmt *s = stmt_get(st, STMT_HOLD_TAKE);
	bind_id(s, 1, meeting);
	bind_text(s, 2, SQ(st)->token);
	bind_text(s, 3, hold_user(st, ubuf, sizeof ubuf));
	bind_text(s, 4, SQ(st)->host);
	bind_int(s, 5, getpid());
	bind_time(s, 6, now);
	bind_text(s, 7, from ? from->token : NULL);
	rc = stmt_exec(st, s, "taking the meeting");
	if (rc == STORE_OK && sqlite3_changes(SQ(st)->db) == 0) {
		struct meeting m;
		if (sqlite_meeting_get(st, meeting, &m) == STORE_OK && m.status != MEETING_IN_PROGRESS)
			rc = store_failf(st, STORE_NOT_HELD, "the meeting has ended");
		else
			rc = hold_refused(st, "taking the meeting");
	}
	return tx_end(st, rc);
}

bool sqlite_hold_mine(struct store *st, store_id meeting)
{
	sqlite3_stmt *s = stmt_get(st, STMT_HOLD_MINE);
	bind_id(s, 1, meeting);
	bind_text(s, 2, SQ(st)->token);
	bool mine = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_reset(s);
	return mine;
}

enum store_rc sqlite_hold_beat(struct store *st, store_id meeting, time_t now)
{
	sqlite3_stmt *s = stmt_get(st, STMT_HOLD_BEAT);
	bind_time(s, 1, now);
	bind_id(s, 2, meeting);
	bind_text(s, 3, SQ(st)->token);
	enum store_rc rc = stmt_exec(st, s, "keeping the meeting");
	if (rc == STORE_OK && sqlite3_changes(SQ(st)->db) == 0 && !sqlite_hold_mine(st, meeting))
		rc = hold_refused(st, "keeping the meeting");
	return rc;
}

enum store_rc sqlite_hold_release(struct store *st, store_id meeting)
{
	sqlite3_stmt *s = stmt_get(st, STMT_HOLD_RELEASE);
	bind_id(s, 1, meeting);
	bind_text(s, 2, SQ(st)->token);
	return stmt_exec(st, s, "letting go of the meeting");
}

int64_t sqlite_data_version(struct store *st)
{
	sqlite3_stmt *s = stmt_get(st, STMT_DATA_VERSION);
	int64_t v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
	sqlite3_reset(s);
	return v;
}

/* --- the draft of an open form ------------------------------------------ */

enum store_rc sqlite_draft_save(struct store *st, store_id meeting, const struct meeting_draft *d,
				time_t now)
{
	sqlite3_stmt *s = stmt_get(st, STMT_DRAFT_SAVE);
	bind_id(s, 1, meeting);
	bind_id(s, 2, d->step_id);
	bind_text(s, 3, item_kind_name(d->kind));
	bind_text(s, 4, d->text ? d->text : "");
	bind_text(s, 5, d->detail && *d->detail ? d->detail : NULL);
	bind_time(s, 6, now);
	return stmt_exec(st, s, "keeping the draft");
}

enum store_rc sqlite_draft_get(struct store *st, store_id meeting, struct meeting_draft *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = stmt_get(st, STMT_DRAFT_GET);
	bind_id(s, 1, meeting);
	enum store_rc rc = stmt_row(st, s, "reading the draft");
	if (rc == STORE_OK) {
		out->step_id = col_id(s, 0);
		int k = item_kind_parse((const char *)sqlite3_column_text(s, 1));
		out->kind = k < 0 ? ITEM_NOTE : (enum item_kind)k;
		out->text = col_text_or_empty(s, 2);
		out->detail = col_text(s, 3);
		out->saved_at = col_time(s, 4);
	}
	sqlite3_reset(s);
	return rc;
}

enum store_rc sqlite_draft_clear(struct store *st, store_id meeting)
{
	sqlite3_stmt *s = stmt_get(st, STMT_DRAFT_CLEAR);
	bind_id(s, 1, meeting);
	return stmt_exec(st, s, "clearing the draft");
}

