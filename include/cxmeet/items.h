/* items.h - items as they are kept: their texts cleaned by the rules of
 * text.h (a short text required, detail and rationale long and optional, a
 * reason short) before the store keeps them as they are given. Every write
 * of an item's texts passes here (meeting.h's gate, meeting_add_item and
 * item_edit, and the commands); a text refused gives STORE_INVALID with the
 * reason in store_errmsg and writes nothing. */
#ifndef CXMEET_ITEMS_H
#define CXMEET_ITEMS_H

#include "cxmeet/store.h"

/* Adds it (setting it->id and it->created_at), its texts cleaned. */
enum store_rc item_add(struct store *st, struct item *it, time_t at);
/* Writes it's texts (cleaned) and fields, with an event per kind of change
 * tied to meeting (store_item_update). */
enum store_rc item_update(struct store *st, const struct item *it, store_id meeting, time_t at);
/* done, dropped, closed, or open again; reason (cleaned) may be NULL. */
enum store_rc item_set_status(struct store *st, store_id id, enum item_status status,
			      const char *reason, store_id meeting, time_t at);

/* Marks it, recorded outside any meeting, discussed in meeting (discussed
 * false: not discussed after all), in one transaction: a talking point
 * discussed is closed, and open again when unmarked, with its event. */
enum store_rc item_mark_discussed(struct store *st, const struct item *it, store_id meeting,
				  bool discussed, time_t at);

#endif
