/* messages.h - messages to other teams ("who else needs to know"): each goes
 * to one or more departments and stays open until every one of them has
 * acknowledged it; one not acknowledged within the cadence is overdue. */
#ifndef CXMEET_MESSAGES_H
#define CXMEET_MESSAGES_H

#include "cxmeet/store.h"

/* Department dept (0: the one department that has not yet, when there is
 * exactly one) acknowledges message item, in meeting (0: outside one), in one
 * transaction; once every department has, the message is closed (with its
 * event). STORE_INVALID with err saying why for an item that is not a
 * message, a message of an earlier version (whose deliveries were not
 * kept), a department it does not go to or that has already acknowledged
 * it, or a dept 0 that could be more than one (err names them). *acked,
 * when not NULL, is set to the department acknowledging. */
enum store_rc message_acknowledge(struct store *st, store_id item, store_id dept,
				  store_id meeting, time_t at, store_id *acked, char *err,
				  size_t errlen);

/* Whether a department's row of a message is overdue: not acknowledged, and
 * recorded longer ago than the cadence (the next meeting after its day has
 * passed). */
bool message_overdue(const struct message_row *m, const struct cadence *c, cx_date today);

#endif
