/* store_messages.c - messages to other teams: the departments each goes to,
 * each acknowledging it (store.h, store_message_ack), listed a row per
 * department. */
#include <stddef.h>
#include <stdlib.h>

#include "store_int.h"

enum store_rc sqlite_message_recipients_add(struct store *st, store_id item,
					    const store_id *depts, size_t n)
{
	enum store_rc rc = tx_begin(st);
	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		sqlite3_stmt *s = stmt_get(st, STMT_MESSAGE_TO_ADD);
		if (!s) {
			rc = stmt_missing(st);
			break;
		}
		bind_id(s, 1, item);
		bind_id(s, 2, depts[i]);
		rc = stmt_exec(st, s, "recording the message's departments");
	}
	return tx_end(st, rc);
}

enum store_rc sqlite_message_redirect(struct store *st, store_id item, store_id from, store_id to)
{
	enum store_rc rc = tx_begin(st);
	static const int steps[] = {STMT_MESSAGE_TO_DROP, STMT_MESSAGE_TO_ADD_NEW};
	for (size_t i = 0; rc == STORE_OK && i < 2; i++) {
		sqlite3_stmt *s = stmt_get(st, steps[i]);
		if (!s) {
			rc = stmt_missing(st);
			break;
		}
		bind_id(s, 1, item);
		bind_id(s, 2, i ? to : from);
		rc = stmt_exec(st, s, "sending the message to its new department");
	}
	return tx_end(st, rc);
}

enum store_rc sqlite_message_ack(struct store *st, store_id item, store_id dept,
				 store_id meeting, time_t at)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MESSAGE_ACKED);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, item);
	bind_id(s, 2, dept);
	enum store_rc rc = stmt_row(st, s, "reading the message");
	if (rc == STORE_NOTFOUND)
		return store_failf(st, rc, "message #%lld does not go to that department",
				   (long long)item);
	if (rc != STORE_OK)
		return rc;
	bool acked = sqlite3_column_int(s, 0) != 0;
	sqlite3_reset(s);
	if (acked)
		return store_failf(st, STORE_DUPLICATE,
				   "message #%lld was already acknowledged by that department",
				   (long long)item);
	s = stmt_get(st, STMT_MESSAGE_ACK);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, item);
	bind_id(s, 2, dept);
	bind_time(s, 3, at);
	bind_text(s, 4, SQ(st)->actor);
	bind_id(s, 5, meeting);
	return stmt_update_one(st, s, "acknowledging the message");
}

static void read_message(sqlite3_stmt *s, void *elem)
{
	struct message_row *m = elem;
	m->id = col_id(s, 0);
	m->item_id = col_id(s, 1);
	m->text = col_text_or_empty(s, 2);
	m->person_id = col_id(s, 3);
	m->person_name = col_text(s, 4);
	m->created_at = col_time(s, 5);
	m->meeting_id = col_id(s, 6);
	m->meeting_at = col_time(s, 7);
	m->dept_id = col_id(s, 8);
	m->dept_name = col_text(s, 9);
	m->acked_at = col_time(s, 10);
	m->acked_by = col_text(s, 11);
	m->ack_meeting_id = col_id(s, 12);
}

static void free_messages(void *arr, size_t n) { message_rows_free(arr, n); }

static void bind_messages(sqlite3_stmt *s, const void *ctx)
{
	const struct message_filter *f = ctx;
	bind_int(s, 1, f->dept_id);
	bind_int(s, 2, f->item_id);
	bind_int(s, 3, f->open_only);
}

static const struct page_part messages_part = {STMT_MESSAGES_F, STMT_MESSAGES_B, false, -1, 0};

enum store_rc sqlite_messages_list(struct store *st, const struct message_filter *f,
				   const struct store_cursor *cur, size_t limit,
				   struct message_row **out, size_t *n)
{
	struct page_list l = {
		.parts = &messages_part,
		.nparts = 1,
		.elem_size = sizeof **out,
		.at_off = offsetof(struct message_row, after),
		.bind = bind_messages,
		.read = read_message,
		.free_list = free_messages,
		.what = "reading the messages",
	};
	return page_collect(st, &l, f, cur, limit, (void **)out, n);
}
