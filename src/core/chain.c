/* chain.c - story -> action -> win, read through the store's links. */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/chain.h"
#include "cxmeet/records.h"
#include "cxmeet/util.h"

/* The items of `want` kind linked to id by "arose from", in id order, not
 * deleted, at most CHAIN_MAX. */
static enum store_rc linked(struct store *st, store_id id, enum item_kind want,
			    struct item **out, size_t *n)
{
	store_id *others;
	enum link_kind *kinds;
	size_t k;
	*out = NULL;
	*n = 0;
	enum store_rc rc = store_item_links(st, id, &others, &kinds, &k);
	if (rc != STORE_OK)
		return rc;
	/* ids ascending: the links come in two halves */
	for (size_t i = 1; i < k; i++)
		for (size_t j = i; j > 0 && others[j - 1] > others[j]; j--) {
			store_id t = others[j];
			others[j] = others[j - 1];
			others[j - 1] = t;
			enum link_kind tk = kinds[j];
			kinds[j] = kinds[j - 1];
			kinds[j - 1] = tk;
		}
	for (size_t i = 0; rc == STORE_OK && i < k && *n < CHAIN_MAX; i++) {
		if (kinds[i] != LINK_AROSE_FROM)
			continue;
		struct item it;
		enum store_rc g = store_item_get(st, others[i], &it);
		if (g == STORE_NOTFOUND)
			continue;
		if (g != STORE_OK) {
			rc = g;
			break;
		}
		if (it.kind != want || it.deleted_at) {
			item_free(&it);
			continue;
		}
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = it;
	}
	free(others);
	free(kinds);
	if (rc != STORE_OK) {
		item_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

static enum store_rc add_wins(struct store *st, struct story_chain *c, store_id from,
			      store_id as)
{
	struct item *w;
	size_t n;
	enum store_rc rc = linked(st, from, ITEM_WIN, &w, &n);
	if (rc != STORE_OK)
		return rc;
	c->wins = xrealloc(c->wins, (c->n_wins + n + 1) * sizeof *c->wins);
	for (size_t i = 0; i < n; i++) {
		struct chain_win *cw = &c->wins[c->n_wins++];
		*cw = (struct chain_win){w[i], as, NULL};
		store_id m;
		if (rc == STORE_OK)
			rc = store_item_measure(st, w[i].id, &m, &cw->measure);
	}
	free(w);
	return rc;
}

enum store_rc story_chain_load(struct store *st, store_id story, struct story_chain *out)
{
	memset(out, 0, sizeof *out);
	out->story = story;
	enum store_rc rc = linked(st, story, ITEM_ACTION, &out->actions, &out->n_actions);
	for (size_t i = 0; rc == STORE_OK && i < out->n_actions; i++)
		rc = add_wins(st, out, out->actions[i].id, out->actions[i].id);
	if (rc == STORE_OK)
		rc = add_wins(st, out, story, 0);
	if (rc != STORE_OK)
		story_chain_free(out);
	return rc;
}

void story_chain_free(struct story_chain *c)
{
	item_list_free(c->actions, c->n_actions);
	for (size_t i = 0; i < c->n_wins; i++) {
		item_free(&c->wins[i].it);
		free(c->wins[i].measure);
	}
	free(c->wins);
	memset(c, 0, sizeof *c);
}

size_t story_chain_wins_of(const struct story_chain *c, store_id id)
{
	size_t n = 0;
	for (size_t i = 0; i < c->n_wins; i++)
		n += c->wins[i].from_action == id;
	return n;
}
