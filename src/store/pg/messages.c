/* messages.c - messages to other teams on a server: the departments each
 * goes to, each acknowledging it (as the file's store_messages.c). */
#include <stddef.h>
#include <stdlib.h>

#include "pg_int.h"
#include "page.h"

enum store_rc pg_message_recipients_add(struct store *st, store_id item, const store_id *depts,
					size_t n)
{
	enum store_rc rc = pg_tx_begin(st);
	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		struct pg_params p = {0};
		pp_id(&p, item);
		pp_id(&p, depts[i]);
		rc = pg_exec(st, PGS_MESSAGE_TO_ADD, &p, "recording the message's departments");
	}
	return pg_tx_end(st, rc);
}

enum store_rc pg_message_redirect(struct store *st, store_id item, store_id from, store_id to)
{
	enum store_rc rc = pg_tx_begin(st);
	static const int steps[] = {PGS_MESSAGE_TO_DROP, PGS_MESSAGE_TO_ADD_NEW};
	for (size_t i = 0; rc == STORE_OK && i < 2; i++) {
		struct pg_params p = {0};
		pp_id(&p, item);
		pp_id(&p, i ? to : from);
		rc = pg_exec(st, steps[i], &p, "sending the message to its new department");
	}
	return pg_tx_end(st, rc);
}

enum store_rc pg_message_ack(struct store *st, store_id item, store_id dept, store_id meeting,
			     time_t at)
{
	struct pg_params p = {0};
	pp_id(&p, item);
	pp_id(&p, dept);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_MESSAGE_ACKED, &p, &r, "reading the message");
	if (rc == STORE_NOTFOUND)
		return pg_failf(st, rc, "message #%lld does not go to that department",
				(long long)item);
	if (rc != STORE_OK)
		return rc;
	bool acked = pgc_bool(r, 0, 0);
	PQclear(r);
	if (acked)
		return pg_failf(st, STORE_DUPLICATE,
				"message #%lld was already acknowledged by that department",
				(long long)item);
	struct pg_params q = {0};
	pp_id(&q, item);
	pp_id(&q, dept);
	pp_time(&q, at);
	pp_text(&q, PG(st)->actor);
	pp_id(&q, meeting);
	return pg_update_one(st, PGS_MESSAGE_ACK, &q, "acknowledging the message");
}

static void read_message(const PGresult *r, int row, void *elem)
{
	struct message_row *m = elem;
	m->id = pgc_id(r, row, 0);
	m->item_id = pgc_id(r, row, 1);
	m->text = pgc_text_or_empty(r, row, 2);
	m->person_id = pgc_id(r, row, 3);
	m->person_name = pgc_text(r, row, 4);
	m->created_at = pgc_time(r, row, 5);
	m->meeting_id = pgc_id(r, row, 6);
	m->meeting_at = pgc_time(r, row, 7);
	m->dept_id = pgc_id(r, row, 8);
	m->dept_name = pgc_text(r, row, 9);
	m->acked_at = pgc_time(r, row, 10);
	m->acked_by = pgc_text(r, row, 11);
	m->ack_meeting_id = pgc_id(r, row, 12);
}

static void free_messages(void *arr, size_t n) { message_rows_free(arr, n); }

static void bind_messages(struct pg_params *p, const void *ctx)
{
	const struct message_filter *f = ctx;
	pp_int(p, f->dept_id);
	pp_int(p, f->item_id);
	pp_bool(p, f->open_only);
}

static const struct pg_page_part messages_part = {PGS_MESSAGES_F, PGS_MESSAGES_B, false, -1, 0};

enum store_rc pg_messages_list(struct store *st, const struct message_filter *f,
			       const struct store_cursor *cur, size_t limit, struct message_row **out,
			       size_t *n)
{
	struct pg_page_list l = {
		.parts = &messages_part,
		.nparts = 1,
		.elem_size = sizeof **out,
		.at_off = offsetof(struct message_row, after),
		.bind = bind_messages,
		.read = read_message,
		.free_list = free_messages,
		.what = "reading the messages",
	};
	return pg_page_collect(st, &l, f, cur, limit, (void **)out, n);
}
