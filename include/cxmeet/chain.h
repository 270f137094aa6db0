/* chain.h - story -> action -> win: what a customer story set going. The
 * actions that arose from a story, the wins that came from those actions,
 * and the wins credited to the story itself, read through the store's links
 * (an action arose from the story; a win arose from an action or the story),
 * each win with the measure it moved: story -> action -> win -> measure.
 * Deleted items are left out. */
#ifndef CXMEET_CHAIN_H
#define CXMEET_CHAIN_H

#include <stddef.h>

#include "cxmeet/store.h"

/* At most this many actions, and wins, are read for one story. */
#define CHAIN_MAX 50

struct chain_win {
	struct item it;
	store_id from_action; /* the action it came from; 0: the story itself */
	char *measure;        /* the scorecard's measure it moved; NULL: none named */
};

struct story_chain {
	store_id story;
	struct item *actions; /* in id order */
	size_t n_actions;
	struct chain_win *wins; /* each action's, in the actions' order, then the story's own */
	size_t n_wins;
};

enum store_rc story_chain_load(struct store *st, store_id story, struct story_chain *out);
void story_chain_free(struct story_chain *c);
/* Whether the story set anything going. */
static inline bool story_chain_any(const struct story_chain *c)
{
	return c->n_actions || c->n_wins;
}
/* How many of the chain's wins came from action `id` (0: the story itself). */
size_t story_chain_wins_of(const struct story_chain *c, store_id id);

#endif
