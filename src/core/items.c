/* items.c - an item's texts cleaned before the store keeps them (items.h). */
#include <stdlib.h>

#include "cxmeet/items.h"
#include "cxmeet/text.h"

/* it with its texts cleaned (trimmed copies in *kept, freed by
 * kept_free), or STORE_INVALID with the reason in store_errmsg. */
static enum store_rc kept_texts(struct store *st, const struct item *it, struct item *kept)
{
	char err[256];
	*kept = *it;
	kept->text = kept->detail = kept->rationale = NULL;
	if ((int)it->kind < 0 || it->kind >= ITEM_KIND_COUNT)
		return store_refuse(st, STORE_INVALID, "unknown item kind");
	if (it->kind != ITEM_ACTION && it->due != DATE_NONE)
		return store_refuse(st, STORE_INVALID, "only actions have a due date");
	if (!(kept->text = text_clean(it->text, TEXT_SHORT, "text", err, sizeof err)))
		return store_refuse(st, STORE_INVALID, err);
	if ((it->detail && *it->detail &&
	     !(kept->detail = text_clean(it->detail, TEXT_LONG, "detail", err, sizeof err))) ||
	    (it->rationale && *it->rationale &&
	     !(kept->rationale = text_clean(it->rationale, TEXT_LONG, "rationale", err, sizeof err)))) {
		free(kept->text);
		free(kept->detail);
		kept->text = kept->detail = NULL;
		return store_refuse(st, STORE_INVALID, err);
	}
	return STORE_OK;
}

static void kept_free(struct item *kept)
{
	free(kept->text);
	free(kept->detail);
	free(kept->rationale);
}

enum store_rc item_add(struct store *st, struct item *it, time_t at)
{
	struct item kept;
	enum store_rc rc = kept_texts(st, it, &kept);
	if (rc == STORE_OK)
		rc = store_item_add(st, &kept, at);
	if (rc == STORE_OK) {
		it->id = kept.id;
		it->created_at = kept.created_at;
	}
	kept_free(&kept);
	return rc;
}

enum store_rc item_update(struct store *st, const struct item *it, store_id meeting, time_t at)
{
	struct item kept;
	enum store_rc rc = kept_texts(st, it, &kept);
	if (rc == STORE_OK)
		rc = store_item_update(st, &kept, meeting, at);
	kept_free(&kept);
	return rc;
}

enum store_rc item_set_status(struct store *st, store_id id, enum item_status status,
			      const char *reason, store_id meeting, time_t at)
{
	char err[256];
	char *why = NULL;
	if (reason && *reason && !(why = text_clean(reason, TEXT_SHORT, "reason", err, sizeof err)))
		return store_refuse(st, STORE_INVALID, err);
	enum store_rc rc = store_item_set_status(st, id, status, why, meeting, at);
	free(why);
	return rc;
}

enum store_rc item_mark_discussed(struct store *st, const struct item *it, store_id meeting,
				  bool discussed, time_t at)
{
	if (it->meeting_id || it->deleted_at)
		return store_refuse(st, STORE_INVALID,
				    it->deleted_at ? "it was deleted"
						   : "it was captured in a meeting, not between meetings");
	enum store_rc rc = store_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = store_item_set_discussed(st, it->id, discussed ? meeting : 0, at);
	/* a talking point is done with once discussed; unmarked, it is open again */
	if (rc == STORE_OK && it->kind == ITEM_TOPIC) {
		enum item_status to = discussed ? STATUS_CLOSED : STATUS_OPEN;
		if (it->status != to)
			rc = store_item_set_status(st, it->id, to, NULL, meeting, at);
	}
	if (rc == STORE_OK)
		return store_commit(st);
	store_rollback(st);
	return rc;
}
