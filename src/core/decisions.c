/* decisions.c - the rules of the decision log (see decisions.h): which
 * decisions are due for a revisit and when one decision may supersede another.
 * A decision is superseded only by a later one, once, and never in a loop, so
 * that "superseded by" always leads forward in time to the decision in force. */
#include <stdio.h>

#include "cxmeet/decisions.h"

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
