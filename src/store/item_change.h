/* item_change.h - the events an update of an item leaves in its history, the
 * same whatever the backend: its due date moved, its owner changed, and
 * "edited" naming the other fields changed. Private to src/store: each
 * backend writes the events it is given, in its item_update. */
#ifndef CXMEET_STORE_ITEM_CHANGE_H
#define CXMEET_STORE_ITEM_CHANGE_H

#include <stddef.h>

#include "cxmeet/records.h"

struct item_change {
	enum event_kind kind;
	char *old_value, *new_value; /* owned; NULL: none */
};

#define ITEM_CHANGES_MAX 3

/* Fills ev with the events of the update from old to new, in the order they
 * are written; to_name is the new owner's name (NULL: none, or unchanged).
 * Returns how many (0 when nothing changed). */
size_t item_changes(const struct item *old, const struct item *new, const char *to_name,
		    struct item_change ev[ITEM_CHANGES_MAX]);
void item_changes_free(struct item_change *ev, size_t n);

#endif
