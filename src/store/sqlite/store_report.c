/* store_report.c - read-only queries that reports and exports need beyond the
 * single tables: who attended a meeting (with names and departments) and what
 * a meeting did to items from elsewhere. Nothing here writes. */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "cxmeet/util.h"

static void read_attendee(sqlite3_stmt *s, void *elem)
{
	struct attendee *a = elem;
	a->person_id = col_id(s, 0);
	a->name = col_text_or_empty(s, 1);
	int role = role_parse((const char *)sqlite3_column_text(s, 2));
	a->role = role < 0 ? ROLE_MEMBER : (enum role)role;
	a->dept_id = col_id(s, 3);
	a->dept_name = col_text(s, 4);
	a->dept_behind = sqlite3_column_int(s, 5) != 0;
}

static void free_attendees(void *arr, size_t n) { attendees_free(arr, n); }

enum store_rc sqlite_meeting_attendees(struct store *st, store_id meeting, struct attendee **out,
				       size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MEETING_ATTENDEES);
	bind_id(s, 1, meeting);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_attendee, free_attendees,
			    "reading attendance");
}

static void read_review_event(sqlite3_stmt *s, void *elem)
{
	struct review_event *r = elem;
	read_item_event(s, &r->e);
	int kind = item_kind_parse((const char *)sqlite3_column_text(s, 9));
	r->item_kind = kind < 0 ? ITEM_NOTE : (enum item_kind)kind;
	r->item_text = col_text_or_empty(s, 10);
}

static void free_review_events(void *arr, size_t n) { review_events_free(arr, n); }

enum store_rc sqlite_meeting_review_events(struct store *st, store_id meeting,
					   struct review_event **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MEETING_REVIEW_EVENTS);
	bind_id(s, 1, meeting);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_review_event,
			    free_review_events, "reading the meeting's action review");
}

enum store_rc sqlite_items_after(struct store *st, store_id after, size_t limit,
				 struct item **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ITEMS_AFTER);
	bind_int(s, 1, after);
	bind_int(s, 2, (int64_t)limit);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_item, free_items,
			    "reading items");
}

enum store_rc sqlite_id_bounds(struct store *st, store_id *max_item, store_id *max_meeting)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ID_BOUNDS);
	*max_item = *max_meeting = 0;
	if (!s)
		return stmt_missing(st);
	enum store_rc rc = stmt_row(st, s, "reading the largest ids");
	if (rc == STORE_OK) {
		*max_item = sqlite3_column_int64(s, 0);
		*max_meeting = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return rc;
}

static void read_meeting_elem(sqlite3_stmt *s, void *elem) { read_meeting(s, elem); }

static void free_meetings(void *arr, size_t n)
{
	(void)n;
	free(arr);
}

enum store_rc sqlite_meetings_after(struct store *st, store_id after, size_t limit,
				    struct meeting **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MEETINGS_AFTER);
	bind_int(s, 1, after);
	bind_int(s, 2, (int64_t)limit);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_meeting_elem, free_meetings,
			    "reading meetings");
}

