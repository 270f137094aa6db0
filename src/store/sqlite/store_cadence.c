/* store_cadence.c - the reads behind the cadence and participation report:
 * the completed meetings, and what happened in the last N of them
 * (attendance by department, actions and wins, agenda steps), plus overdue
 * actions per department. Each is an indexed query whose size is bounded by
 * N or by the number of meetings, never by the whole item history. */
#include <stdlib.h>

#include "store_int.h"
#include "cxmeet/util.h"

static void read_held(sqlite3_stmt *s, void *elem)
{
	struct held_meeting *m = elem;
	m->id = col_id(s, 0);
	m->started_at = col_time(s, 1);
	m->rating = sqlite3_column_int(s, 2);
	m->next_meeting = col_date(s, 3);
	m->members = (struct rating_spread){sqlite3_column_int(s, 4), sqlite3_column_int(s, 5),
					    sqlite3_column_int(s, 6), sqlite3_column_int(s, 7)};
}

enum store_rc sqlite_held_meetings(struct store *st, struct held_meeting **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_HELD_MEETINGS);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_held, free_plain,
			    "reading the meetings held");
}

static void read_meeting_dept(sqlite3_stmt *s, void *elem)
{
	struct meeting_dept *m = elem;
	m->meeting_id = col_id(s, 0);
	m->dept_id = col_id(s, 1);
}

enum store_rc sqlite_window_attendance(struct store *st, size_t last_n, struct meeting_dept **out,
				       size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_WINDOW_ATTENDANCE);
	bind_int(s, 1, (int64_t)last_n);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_meeting_dept, free_plain,
			    "reading attendance");
}

static void read_window_item(sqlite3_stmt *s, void *elem)
{
	struct window_item *it = elem;
	it->meeting_id = col_id(s, 0);
	it->dept_id = col_id(s, 1);
	int kind = item_kind_parse((const char *)sqlite3_column_text(s, 2));
	it->kind = kind < 0 ? ITEM_NOTE : (enum item_kind)kind;
	it->due = col_date(s, 3);
	int status = item_status_parse((const char *)sqlite3_column_text(s, 4));
	it->status = status < 0 ? STATUS_OPEN : (enum item_status)status;
	it->closed_at = col_time(s, 5);
}

enum store_rc sqlite_window_items(struct store *st, size_t last_n, struct window_item **out,
				  size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_WINDOW_ITEMS);
	bind_int(s, 1, (int64_t)last_n);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_window_item, free_plain,
			    "reading the actions and wins of recent meetings");
}

static void read_window_step(sqlite3_stmt *s, void *elem)
{
	struct window_step *w = elem;
	w->meeting_id = col_id(s, 0);
	w->title = col_text_or_empty(s, 1);
	w->planned_minutes = sqlite3_column_int(s, 2);
	w->actual_seconds = sqlite3_column_int(s, 3);
	w->skipped = sqlite3_column_int(s, 4) != 0;
	w->done = sqlite3_column_int(s, 5) != 0;
}

static void free_window_steps(void *arr, size_t n) { window_steps_free(arr, n); }

enum store_rc sqlite_window_steps(struct store *st, size_t last_n, struct window_step **out,
				  size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_WINDOW_STEPS);
	bind_int(s, 1, (int64_t)last_n);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_window_step,
			    free_window_steps, "reading the agenda steps of recent meetings");
}

static void read_dept_count(sqlite3_stmt *s, void *elem)
{
	struct dept_count *c = elem;
	c->dept_id = col_id(s, 0);
	c->n = sqlite3_column_int64(s, 1);
}

enum store_rc sqlite_overdue_by_dept(struct store *st, cx_date today, struct dept_count **out,
				     size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_OVERDUE_BY_DEPT);
	bind_date(s, 1, today);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_dept_count, free_plain,
			    "counting overdue actions");
}


enum store_rc sqlite_items_since(struct store *st, enum item_kind kind, cx_date since,
				 size_t limit, struct item **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ITEMS_SINCE);
	bind_text(s, 1, item_kind_name(kind));
	bind_date(s, 2, since);
	bind_int(s, 3, (int64_t)limit);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_item, free_items,
			    "reading the items recorded since a day");
}

static void read_credit(sqlite3_stmt *s, void *elem)
{
	struct credit_count *c = elem;
	c->dept_id = col_id(s, 0);
	c->person_id = col_id(s, 1);
	c->n = sqlite3_column_int64(s, 2);
}

enum store_rc sqlite_credits_since(struct store *st, enum item_kind kind, cx_date since,
				   struct credit_count **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_CREDITS_SINCE);
	bind_text(s, 1, item_kind_name(kind));
	bind_date(s, 2, since);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_credit, free_plain,
			    "counting what each department and person was credited with");
}
