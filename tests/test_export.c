/* test_export.c - `cxmeet export` in its three formats on a hand-built
 * council whose texts hold everything each format must escape (quotes,
 * commas, semicolons, backslashes, newlines, a formula, long lines of
 * multi-byte characters, and, written behind the program's back, an escape
 * sequence and bytes that are not UTF-8). Each output is compared with its
 * golden file in tests/golden/ (CXMEET_UPDATE_GOLDEN=1 rewrites them) and
 * checked against the rules of its format. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "testutil.h"
#include "cxmeet/leaders.h"
#include "cxmeet/scorecard.h"
#include "cxmeet/export.h"
#include "cxmeet/items.h"
#include "cxmeet/meeting.h"
#include "cxmeet/names.h"
#include "cxmeet/setup.h"
#include "cxmeet/util.h"

static char *db;

static store_id dept_id(struct store *st, const char *name)
{
	struct dept d;
	assert_int_equal(dept_find(st, name, &d), STORE_OK);
	store_id id = d.id;
	dept_free(&d);
	return id;
}

static store_id add(struct store *st, store_id meeting, enum item_kind kind, const char *text,
		    const char *detail, const char *dept, store_id who, cx_date due, time_t when)
{
	struct item it = {.kind = kind, .text = (char *)text, .detail = (char *)detail,
			  .person_id = who, .dept_id = dept ? dept_id(st, dept) : 0, .due = due,
			  .revisit = DATE_NONE, .meeting_id = meeting};
	assert_int_equal(item_add(st, &it, when), STORE_OK);
	return it.id;
}

static int setup(void **state)
{
	(void)state;
	tu_init("export");
	char err[200];
	setenv("CXMEET_NOW", "2026-11-23T10:00:00Z", 1);
	assert_int_equal(clock_init(err, sizeof err), 0);
	struct store *st = tu_open_setup();
	db = xstrdup(store_path(st));
	assert_int_equal(org_set_text(st, ORG_NAME, "Acme, \"Outdoor\"; Ltd\\"), STORE_OK);
	assert_int_equal(org_set_text(st, ORG_MISSION,
					    "Every customer, every time: a kept promise; no "
					    "excuses, no \\ back-slashes, and a line long enough to "
					    "fold twice over in a calendar programme's view."),
			 STORE_OK);
	struct person p = {.name = "Zoë \"Z\" Ångström", .dept_id = dept_id(st, "Sales"),
			   .role = ROLE_LEAD, .email = "zoe@example.com",
			   .influence = STANCE_UNSET, .support = STANCE_UNSET};
	store_id zoe, raw;
	assert_int_equal(person_add(st, &p, &zoe), STORE_OK);

	struct meeting_run r;
	time_t t = tu_at("2026-11-16T14:00:00Z");
	assert_int_equal(meeting_begin(st, 0, zoe, t, &r), STORE_OK);
	add(st, r.m.id, ITEM_ACTION, "Call back, then \"close\"; the case", "Line one\nLine two",
	    "Sales", zoe, date_from_ymd(2026, 11, 20), t + 60);
	add(st, r.m.id, ITEM_ACTION,
	    "ÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅ 日本語のテキストを折り返す", NULL, "IT", zoe,
	    date_from_ymd(2026, 12, 1), t + 70);
	add(st, r.m.id, ITEM_DECISION, "=HYPERLINK(\"http://x\") wins", NULL, "Finance", zoe,
	    DATE_NONE, t + 80);
	store_id done = add(st, r.m.id, ITEM_ACTION, "Already done", NULL, "Sales", zoe,
			    date_from_ymd(2026, 11, 18), t + 90);
	assert_int_equal(item_set_status(st, done, STATUS_DONE, NULL, r.m.id, t + 100),
			 STORE_OK);
	raw = add(st, r.m.id, ITEM_ACTION, "placeholder", NULL, "IT", zoe,
		  date_from_ymd(2026, 11, 25), t + 110);
	assert_int_equal(meeting_end(&r, MEETING_COMPLETED, 8, date_from_ymd(2026, 11, 30),
				     t + 3600),
			 STORE_OK);
	meeting_run_free(&r);
	/* the scorecard: a measure with a value corrected, and an archived one */
	struct measure m = {.name = "NPS \"net\", promoters", .kind = MEASURE_SUCCESS,
			    .frequency = FREQ_MONTHLY, .has_target = true, .target = 40,
			    .unit = "points", .person_id = zoe};
	store_id nps, old;
	cx_date period;
	assert_int_equal(measure_add(st, &m, t, &nps), STORE_OK);
	assert_int_equal(measure_record(st, nps, date_from_ymd(2026, 10, 3), date_from_ymd(2026, 11, 23),
					35.5, false, t, &period), STORE_OK);
	assert_int_equal(measure_record(st, nps, date_from_ymd(2026, 11, 3), date_from_ymd(2026, 11, 23),
					38, false, t + 10, &period), STORE_OK);
	assert_int_equal(measure_record(st, nps, date_from_ymd(2026, 11, 3), date_from_ymd(2026, 11, 23),
					39, true, t + 20, &period), STORE_OK);
	struct measure k = {.name = "Days to refund", .kind = MEASURE_KPI,
			    .dept_id = dept_id(st, "Finance"), .lower_is_better = true};
	assert_int_equal(measure_add(st, &k, t, &old), STORE_OK);
	assert_int_equal(store_measure_archive(st, old, t + 30), STORE_OK);
	store_close(st);

	/* Text no cxmeet screen accepts, as another program could write it. */
	sqlite3 *h;
	assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
	char *sql = sqlite3_mprintf("UPDATE items SET text = CAST(x'1b5b324a4f776e6564ff0d0a' AS TEXT)"
				    " || 'end' WHERE id = %lld", (long long)raw);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_free(sql);
	sqlite3_close(h);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(db);
	return 0;
}

/* Runs `cxmeet export --format F` and returns what it printed. */
static char *export(const char *format, size_t *len)
{
	char *out = tu_new_path();
	assert_int_equal(tu_cli(db, out, NULL, "export", "--format", format, NULL), 0);
	char *text = tu_slurp(out, len);
	assert_non_null(text);
	free(out);
	return text;
}

static void test_json(void **state)
{
	(void)state;
	size_t len;
	char *s = export("json", &len);
	tu_golden("export.json", s, len);
	assert_non_null(strstr(s, "\"name\": \"Acme, \\\"Outdoor\\\"; Ltd\\\\\""));
	assert_non_null(strstr(s, "\"text\": \"\\ufffd[2JOwned\\ufffd\\nend\""));
	assert_non_null(strstr(s, "\"detail\": \"Line one\\nLine two\""));
	for (size_t i = 0; i < len; i++)
		assert_true((unsigned char)s[i] >= 0x20 || s[i] == '\n');
	free(s);
}

static void test_csv(void **state)
{
	(void)state;
	size_t len;
	char *s = export("csv", &len);
	tu_golden("export.csv", s, len);
	assert_non_null(strstr(s, ",\"Call back, then \"\"close\"\"; the case\",\"Line one\nLine two\","));
	assert_non_null(strstr(s, ",\"'=HYPERLINK(\"\"http://x\"\") wins\","));
	/* records end in CRLF; a bare LF only inside a quoted field */
	assert_memory_equal(s + len - 2, "\r\n", 2);
	free(s);
}

static void test_ics(void **state)
{
	(void)state;
	size_t len;
	char *s = export("ics", &len);
	tu_golden("export.ics", s, len);
	int depth = 0, todos = 0, events = 0;
	for (char *line = s; line < s + len;) {
		char *end = strstr(line, "\r\n");
		assert_non_null(end);
		size_t n = (size_t)(end - line);
		assert_true(n <= 75);
		assert_null(memchr(line, '\n', n));
		for (size_t i = 0; i < n; i++)
			assert_true((unsigned char)line[i] >= 0x20 || line[i] == '\t');
		/* a fold never splits a UTF-8 sequence */
		if (*line == ' ')
			assert_true(((unsigned char)line[1] & 0xc0) != 0x80);
		if (strncmp(line, "BEGIN:", 6) == 0)
			depth++;
		if (strncmp(line, "END:", 4) == 0)
			depth--;
		todos += strncmp(line, "BEGIN:VTODO", 11) == 0;
		events += strncmp(line, "BEGIN:VEVENT", 12) == 0;
		line = end + 2;
	}
	assert_int_equal(depth, 0);
	assert_int_equal(todos, 3); /* the open actions; not the done one */
	assert_int_equal(events, 1);
	assert_non_null(strstr(s, "DTSTART;VALUE=DATE:20261130\r\n"));
	assert_non_null(strstr(s, "SUMMARY:Call back\\, then \"close\"\\; the case\r\n"));
	assert_non_null(strstr(s, "SUMMARY:\xef\xbf\xbd[2JOwned\xef\xbf\xbd\\nend\r\n"));
	free(s);
}

static void test_fold(void **state)
{
	(void)state;
	struct strbuf sb;
	sb_init(&sb);
	char line[200];
	memset(line, 'a', 160);
	line[160] = '\0';
	ics_line(&sb, line);
	/* 75 + CRLF, then space + 74 + CRLF, then space + 11 + CRLF */
	assert_int_equal(sb.len, 77 + 77 + 14);
	assert_memory_equal(sb.s + 75, "\r\n a", 4);
	sb_free(&sb);
	sb_init(&sb);
	ics_text(&sb, "a;b,c\\d\ne\r\x01" "f");
	/* a lone CR and other controls: U+FFFD, as in every format */
	assert_string_equal(sb.s, "a\\;b\\,c\\\\d\\ne\xef\xbf\xbd\xef\xbf\xbd" "f");
	sb_free(&sb);
}

static void test_refusals(void **state)
{
	(void)state;
	char *err = tu_new_path(), *out = tu_new_path();
	assert_int_equal(tu_cli(db, NULL, err, "export", "--format", "xml", NULL), EXIT_USAGE);
	char *msg = tu_slurp(err, NULL);
	assert_non_null(strstr(msg, "unknown format 'xml' for export (use json, csv, ics)"));
	free(msg);
	assert_int_equal(tu_cli(db, NULL, NULL, "export", "-o", out, NULL), 0);
	assert_int_equal(tu_cli(db, NULL, err, "export", "-o", out, NULL), EXIT_USAGE);
	msg = tu_slurp(err, NULL);
	assert_non_null(strstr(msg, "already exists: use --force"));
	free(msg);
	assert_int_equal(tu_cli(db, NULL, NULL, "export", "-o", out, "--force", "--format", "ics",
				NULL),
			 0);
	msg = tu_slurp(out, NULL);
	assert_memory_equal(msg, "BEGIN:VCALENDAR\r\n", 17);
	free(msg);
	free(err);
	free(out);
}

/* -o naming a device (here through a link to it, so that a failure replaces
 * the link, not the device) writes into it: the file was renamed over it, so
 * that `-o /dev/full --force` said "Exported" and, as root, left /dev/full a
 * plain file. */
static void export_into_a_device(void **state)
{
	(void)state;
	char *err = tu_new_path(), *full = tu_new_path(), *null = tu_new_path();
	assert_int_equal(symlink("/dev/full", full), 0);
	assert_int_equal(symlink("/dev/null", null), 0);
	assert_int_not_equal(tu_cli(db, NULL, err, "export", "-o", full, "--force", NULL), 0);
	char *msg = tu_slurp(err, NULL);
	assert_non_null(strstr(msg, "No space left on device"));
	free(msg);
	assert_int_equal(tu_cli(db, NULL, err, "show", "last", "-o", full, "--force", NULL) != 0, 1);
	assert_int_equal(tu_cli(db, NULL, NULL, "export", "-o", null, "--force", NULL), 0);
	struct stat sb;
	assert_int_equal(lstat(full, &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	assert_int_equal(lstat(null, &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	unlink(full);
	unlink(null);
	free(err);
	free(full);
	free(null);
}

/* The iCalendar text unfolded (RFC 5545 lines joined again). */
static char *unfold(const char *s)
{
	struct strbuf sb;
	sb_init(&sb);
	for (; *s; s++) {
		if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ') {
			s += 2;
			continue;
		}
		sb_addn(&sb, s, 1);
	}
	return sb_take(&sb);
}

/* Plain words with correct plurals in a to-do: an action carried through one
 * meeting says so in the singular, and one that never slipped says nothing
 * of slips ("Slipped 0 times" was written). */
static void ics__slips_and_carries_in_plain_words(void **state)
{
	(void)state;
	struct store *st = tu_open_setup();
	char *path = xstrdup(store_path(st));
	struct meeting_run r;
	time_t t = tu_at("2026-11-09T14:00:00Z");
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	add(st, r.m.id, ITEM_ACTION, "Carried once", NULL, "Sales", 0, date_from_ymd(2026, 12, 20),
	    t + 60);
	assert_int_equal(meeting_end(&r, MEETING_COMPLETED, 0, DATE_NONE, t + 600), STORE_OK);
	meeting_run_free(&r);
	t = tu_at("2026-11-16T14:00:00Z");
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK); /* carries it */
	assert_int_equal(meeting_end(&r, MEETING_COMPLETED, 0, DATE_NONE, t + 600), STORE_OK);
	meeting_run_free(&r);
	store_close(st);
	char *out = tu_new_path();
	assert_int_equal(tu_cli(path, out, NULL, "export", "--format", "ics", NULL), 0);
	char *raw = tu_slurp(out, NULL);
	char *s = unfold(raw);
	assert_non_null(strstr(s, "Carried through 1 meeting\r\n"));
	assert_null(strstr(s, "Slipped"));
	assert_null(strstr(s, "1 meetings"));
	free(s);
	free(raw);
	free(out);
	free(path);
}

/* A to-do's revision: moving an action's due date (either way) raises its
 * SEQUENCE and its LAST-MODIFIED, its UID stays; an overdue one has
 * PRIORITY:1. The next meeting keeps its UID when its date moves (another
 * cadence). */
static void ics__revision_follows_changes(void **state)
{
	(void)state;
	struct store *st = tu_open_setup();
	char *path = xstrdup(store_path(st));
	struct meeting_run r;
	time_t t = tu_at("2026-11-09T14:00:00Z");
	assert_int_equal(meeting_begin(st, 0, 0, t, &r), STORE_OK);
	store_id id = add(st, r.m.id, ITEM_ACTION, "Move me", NULL, "Sales", 0,
			  date_from_ymd(2026, 12, 20), t + 60);
	assert_int_equal(meeting_end(&r, MEETING_COMPLETED, 0, DATE_NONE, t + 600), STORE_OK);
	meeting_run_free(&r);
	char *out = tu_new_path();
	assert_int_equal(tu_cli(path, out, NULL, "export", "--format", "ics", NULL), 0);
	char *raw = tu_slurp(out, NULL);
	char *before = unfold(raw);
	free(raw);
	assert_non_null(strstr(before, "SEQUENCE:0\r\n"));
	assert_non_null(strstr(before, "LAST-MODIFIED:20261109T140100Z\r\n"));
	assert_null(strstr(before, "PRIORITY"));
	const char *uid = strstr(before, "UID:meeting-after-");
	assert_non_null(uid);
	char *meeting_uid = xstrndup(uid, strcspn(uid, "\r"));

	struct item it;
	assert_int_equal(store_item_get(st, id, &it), STORE_OK);
	it.due = date_from_ymd(2026, 12, 30); /* later */
	assert_int_equal(store_item_update(st, &it, 0, tu_at("2026-11-10T09:00:00Z")), STORE_OK);
	it.due = date_from_ymd(2026, 11, 20); /* earlier, and past by the export's day */
	assert_int_equal(store_item_update(st, &it, 0, tu_at("2026-11-11T09:00:00Z")), STORE_OK);
	item_free(&it);
	assert_int_equal(store_org_set_cadence(st, &(struct cadence){CADENCE_WEEKS, 1}), STORE_OK);
	store_close(st);
	assert_int_equal(tu_cli(path, out, NULL, "export", "--format", "ics", "--force", NULL), 0);
	raw = tu_slurp(out, NULL);
	char *after = unfold(raw);
	free(raw);
	assert_non_null(strstr(after, "SEQUENCE:2\r\n"));
	assert_non_null(strstr(after, "LAST-MODIFIED:20261111T090000Z\r\n"));
	assert_non_null(strstr(after, "PRIORITY:1\r\n"));
	assert_non_null(strstr(after, meeting_uid)); /* the same meeting, moved */
	const char *s1 = strstr(before, "DTSTART"), *s2 = strstr(after, "DTSTART");
	assert_true(s1 && s2 && strncmp(s1, s2, 28) != 0); /* it did move */
	free(meeting_uid);
	free(before);
	free(after);
	free(out);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json), cmocka_unit_test(test_csv),
		cmocka_unit_test(test_ics),  cmocka_unit_test(test_fold),
		cmocka_unit_test(ics__revision_follows_changes),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(export_into_a_device),
		cmocka_unit_test(ics__slips_and_carries_in_plain_words),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
