/* decisions.h - the rules of the decision log: when a decision is due for a
 * revisit, and whether a later decision may supersede an earlier one. The
 * store gathers the facts, these functions judge them; decisions_list and
 * decision_supersede put them between the callers and the store. */
#ifndef CXMEET_DECISIONS_H
#define CXMEET_DECISIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "cxmeet/dates.h"
#include "cxmeet/store.h"

/* What the supersede rule needs to know about one item. */
struct decision_facts {
	int64_t id;
	bool is_decision;
	bool deleted;
	time_t created_at;
	int64_t superseded_by; /* 0: in force */
};

enum supersede_verdict {
	SUPERSEDE_OK,
	SUPERSEDE_SAME,         /* a decision cannot supersede itself */
	SUPERSEDE_OLD_NOT_DECISION,
	SUPERSEDE_NEW_NOT_DECISION,
	SUPERSEDE_DELETED,      /* one of them was deleted */
	SUPERSEDE_EARLIER,      /* the new one was taken before the old one */
	SUPERSEDE_ALREADY,      /* the old one is already superseded */
	SUPERSEDE_CYCLE,        /* the new one is itself superseded, through a chain, by the old */
};

/* Whether `new` may supersede `old`. chain holds the ids that supersede `new`
 * in turn (new's superseded_by, then that one's, ...), n_chain of them. */
enum supersede_verdict decision_supersede_check(const struct decision_facts *old,
						const struct decision_facts *new,
						const int64_t *chain, size_t n_chain);
/* A sentence for the user saying why the supersede is refused. */
void supersede_refusal(enum supersede_verdict v, const struct decision_facts *old,
		       const struct decision_facts *new, char *buf, size_t len);

/* Due for a revisit: it has a revisit date on or before today and is still in
 * force (a superseded decision is never due). */
bool decision_revisit_due(cx_date revisit, int64_t superseded_by, cx_date today);

/* store_decisions_list, each row's `due` set by decision_revisit_due. */
enum store_rc decisions_list(struct store *st, const struct decision_filter *f,
			     const struct store_cursor *cur, size_t limit,
			     struct decision_row **out, size_t *n);
/* Marks decision old_id superseded by new_id (store_item_supersede) once
 * decision_supersede_check allows it, judged on facts read in the same
 * transaction as the write, so nothing changes between the rule and the
 * write. Refused: STORE_INVALID with the reason in store_errmsg; an unknown
 * id: STORE_NOTFOUND. */
enum store_rc decision_supersede(struct store *st, store_id old_id, store_id new_id,
				 store_id meeting, time_t at);

/* The day a decision was taken: its meeting's (meeting_at, 0 when it was
 * recorded outside a meeting), else the day it was recorded. */
cx_date decision_day(time_t meeting_at, time_t created_at);

#endif
