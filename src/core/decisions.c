/* decisions.c - the rules of the decision log (see decisions.h): which
 * decisions are due for a revisit and when one decision may supersede another.
 * A decision is superseded only by a later one, once, and never in a loop, so
 * that "superseded by" always leads forward in time to the decision in force. */
#include <stdio.h>

#include "cxmeet/decisions.h"

/* A superseded_by chain longer than this is not followed further. */
#define CHAIN_MAX 256

enum supersede_verdict decision_supersede_check(const struct decision_facts *old,
						const struct decision_facts *new,
						const int64_t *chain, size_t n_chain)
{
	if (old->id == new->id)
		return SUPERSEDE_SAME;
	if (!old->is_decision)
		return SUPERSEDE_OLD_NOT_DECISION;
	if (!new->is_decision)
		return SUPERSEDE_NEW_NOT_DECISION;
	if (old->deleted || new->deleted)
		return SUPERSEDE_DELETED;
	if (old->superseded_by != 0)
		return SUPERSEDE_ALREADY;
	if (new->created_at < old->created_at)
		return SUPERSEDE_EARLIER;
	/* Two decisions taken in the same minute pass the date rule either way
	 * round; the chain keeps them from superseding each other. */
	for (size_t i = 0; i < n_chain; i++)
		if (chain[i] == old->id)
			return SUPERSEDE_CYCLE;
	return SUPERSEDE_OK;
}

void supersede_refusal(enum supersede_verdict v, const struct decision_facts *old,
		       const struct decision_facts *new, char *buf, size_t len)
{
	long long o = (long long)old->id, n = (long long)new->id;
	switch (v) {
	case SUPERSEDE_OK:
		snprintf(buf, len, "#%lld may supersede #%lld", n, o);
		break;
	case SUPERSEDE_SAME:
		snprintf(buf, len, "a decision cannot supersede itself (#%lld)", o);
		break;
	case SUPERSEDE_OLD_NOT_DECISION:
		snprintf(buf, len, "#%lld is not a decision: only decisions are superseded", o);
		break;
	case SUPERSEDE_NEW_NOT_DECISION:
		snprintf(buf, len, "#%lld is not a decision: only a decision supersedes one", n);
		break;
	case SUPERSEDE_DELETED:
		snprintf(buf, len, "#%lld or #%lld was deleted", o, n);
		break;
	case SUPERSEDE_EARLIER:
		snprintf(buf, len, "#%lld was decided before #%lld: only a later decision "
			 "supersedes an earlier one", n, o);
		break;
	case SUPERSEDE_ALREADY:
		snprintf(buf, len, "#%lld is already superseded by #%lld", o,
			 (long long)old->superseded_by);
		break;
	case SUPERSEDE_CYCLE:
		snprintf(buf, len, "#%lld is itself superseded by #%lld, directly or through "
			 "others", n, o);
		break;
	}
}

bool decision_revisit_due(cx_date revisit, int64_t superseded_by, cx_date today)
{
	return revisit != DATE_NONE && superseded_by == 0 && revisit <= today;
}

cx_date decision_day(time_t meeting_at, time_t created_at)
{
	return date_from_time(meeting_at ? meeting_at : created_at);
}

/* The facts the supersede rule needs; STORE_NOTFOUND with a message for an
 * unknown id. */
static enum store_rc facts_get(struct store *st, store_id id, struct decision_facts *f)
{
	struct item it;
	enum store_rc rc = store_item_get(st, id, &it);
	if (rc != STORE_OK)
		return rc;
	*f = (struct decision_facts){.id = id, .is_decision = it.kind == ITEM_DECISION,
				     .deleted = it.deleted_at != 0, .created_at = it.created_at,
				     .superseded_by = it.superseded_by};
	item_free(&it);
	return STORE_OK;
}

/* The ids that supersede `id` in turn, at most CHAIN_MAX of them. */
static enum store_rc chain_get(struct store *st, store_id next, int64_t *chain, size_t *n)
{
	*n = 0;
	while (next != 0 && *n < CHAIN_MAX) {
		struct decision_facts f;
		enum store_rc rc = facts_get(st, next, &f);
		if (rc != STORE_OK)
			return rc;
		chain[(*n)++] = next;
		next = f.superseded_by;
	}
	return STORE_OK;
}

/* Judges the supersede under the caller's transaction. */
static enum store_rc supersede_allowed(struct store *st, store_id old_id, store_id new_id)
{
	struct decision_facts old, new;
	int64_t chain[CHAIN_MAX];
	size_t n = 0;
	enum store_rc rc = facts_get(st, old_id, &old);
	if (rc == STORE_OK)
		rc = facts_get(st, new_id, &new);
	if (rc == STORE_OK && old_id != new_id)
		rc = chain_get(st, new.superseded_by, chain, &n);
	if (rc != STORE_OK)
		return rc;
	enum supersede_verdict v = decision_supersede_check(&old, &new, chain, n);
	if (v == SUPERSEDE_OK)
		return STORE_OK;
	char why[256];
	supersede_refusal(v, &old, &new, why, sizeof why);
	return store_refuse(st, STORE_INVALID, why);
}

enum store_rc decision_supersede(struct store *st, store_id old_id, store_id new_id,
				 store_id meeting, time_t at)
{
	enum store_rc rc = store_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = supersede_allowed(st, old_id, new_id);
	if (rc == STORE_OK)
		rc = store_item_supersede(st, old_id, new_id, meeting, at);
	if (rc == STORE_OK)
		return store_commit(st);
	store_rollback(st);
	return rc;
}

enum store_rc decisions_list(struct store *st, const struct decision_filter *f,
			     const struct store_cursor *cur, size_t limit,
			     struct decision_row **out, size_t *n)
{
	enum store_rc rc = store_decisions_list(st, f, cur, limit, out, n);
	for (size_t i = 0; rc == STORE_OK && i < *n; i++)
		(*out)[i].due = decision_revisit_due((*out)[i].revisit, (*out)[i].superseded_by,
						     f->today);
	return rc;
}
