/* messages.c - a message to other teams acknowledged by each department it
 * goes to, and when one is overdue (messages.h). */
#include <stdio.h>
#include <stdlib.h>

#include "cxmeet/items.h"
#include "cxmeet/meeting.h"
#include "cxmeet/messages.h"
#include "cxmeet/util.h"

/* The most departments a message is read with at once. */
#define MESSAGE_DEPTS_MAX 200

/* The department to acknowledge: dept itself when the message goes to it,
 * else the one not acknowledged yet. STORE_INVALID, err saying why, when
 * there is none or more than one. */
static enum store_rc which_dept(const struct message_row *r, size_t n, store_id item,
				store_id dept, store_id *out, char *err, size_t errlen)
{
	size_t open = 0;
	const struct message_row *one = NULL;
	for (size_t i = 0; i < n; i++) {
		if (dept && r[i].dept_id == dept) {
			if (r[i].acked_at) {
				errf(err, errlen, "%s has already acknowledged message #%lld",
				     r[i].dept_name ? r[i].dept_name : "that department",
				     (long long)item);
				return STORE_INVALID;
			}
			*out = dept;
			return STORE_OK;
		}
		if (!r[i].acked_at)
			open++, one = &r[i];
	}
	if (dept) {
		errf(err, errlen, "message #%lld does not go to that department", (long long)item);
		return STORE_INVALID;
	}
	if (open == 1) {
		*out = one->dept_id;
		return STORE_OK;
	}
	if (open == 0) {
		errf(err, errlen, "message #%lld has been acknowledged by every department it goes to",
		     (long long)item);
		return STORE_INVALID;
	}
	struct strbuf sb;
	sb_init(&sb);
	for (size_t i = 0; i < n; i++)
		if (!r[i].acked_at)
			sb_addf(&sb, "%s%s", sb.len ? ", " : "", r[i].dept_name ? r[i].dept_name : "?");
	errf(err, errlen, "message #%lld goes to %s: say which department acknowledges it",
	     (long long)item, sb.s);
	sb_free(&sb);
	return STORE_INVALID;
}

enum store_rc message_acknowledge(struct store *st, store_id item, store_id dept,
				  store_id meeting, time_t at, store_id *acked, char *err,
				  size_t errlen)
{
	struct item it;
	enum store_rc rc = store_item_get(st, item, &it);
	if (rc == STORE_NOTFOUND) {
		errf(err, errlen, "no message #%lld", (long long)item);
		return STORE_INVALID;
	}
	if (rc != STORE_OK)
		return rc;
	bool message = it.kind == ITEM_MESSAGE, deleted = it.deleted_at != 0;
	enum item_kind kind = it.kind;
	item_free(&it);
	if (!message || deleted) {
		errf(err, errlen, deleted ? "message #%lld was deleted" : "#%lld is a %s, not a message",
		     (long long)item, item_kind_label(kind));
		return STORE_INVALID;
	}
	struct message_filter f = {.item_id = item};
	struct message_row *r;
	size_t n;
	if ((rc = store_messages_list(st, &f, NULL, MESSAGE_DEPTS_MAX, &r, &n)) != STORE_OK)
		return rc;
	store_id to = 0;
	if (n == 0) {
		errf(err, errlen, "message #%lld was recorded before acknowledgements were kept",
		     (long long)item);
		rc = STORE_INVALID;
	} else {
		rc = which_dept(r, n, item, dept, &to, err, errlen);
	}
	size_t open = 0;
	for (size_t i = 0; i < n; i++)
		open += !r[i].acked_at;
	message_rows_free(r, n);
	if (rc != STORE_OK)
		return rc;
	if ((rc = store_begin(st)) != STORE_OK)
		return rc;
	rc = store_message_ack(st, item, to, meeting, at);
	/* the last department to acknowledge it closes it */
	if (rc == STORE_OK && open == 1)
		rc = item_set_status(st, item, STATUS_CLOSED, NULL, meeting, at);
	if (rc == STORE_OK)
		rc = store_commit(st);
	else
		store_rollback(st);
	if (rc == STORE_OK && acked)
		*acked = to;
	return rc;
}

bool message_overdue(const struct message_row *m, const struct cadence *c, cx_date today)
{
	if (m->acked_at)
		return false;
	cx_date day = date_from_time(m->meeting_at ? m->meeting_at : m->created_at);
	return meeting_next_due(c, day, day) < today;
}
