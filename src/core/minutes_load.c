/* minutes_load.c - what one rendering of a meeting's minutes needs, read
 * through the store once (no SQL here, no curses), and the few facts both
 * renderings derive from it the same way. */
#include <stdlib.h>

#include <string.h>

#include "cxmeet/leaders.h"
#include "cxmeet/meeting.h"
#include "cxmeet/scorecard.h"
#include "cxmeet/util.h"

#include "minutes_int.h"

static enum store_rc load_scorecard(struct minutes *mc);
static enum store_rc load_initiatives(struct minutes *mc);

enum store_rc minutes_load(struct minutes *mc, store_id meeting)
{
	enum store_rc rc = store_meeting_get(mc->st, meeting, &mc->m);
	if (rc == STORE_OK) {
		rc = store_org_get(mc->st, &mc->org);
		if (rc == STORE_NOTFOUND) /* never set up: minutes without a name */
			rc = STORE_OK;
	}
	if (rc == STORE_OK)
		rc = store_dept_list(mc->st, true, &mc->depts, &mc->n_depts);
	if (rc == STORE_OK)
		rc = store_meeting_attendees(mc->st, meeting, &mc->att, &mc->n_att);
	if (rc == STORE_OK)
		rc = store_meeting_steps(mc->st, meeting, &mc->steps, &mc->n_steps);
	if (rc == STORE_OK)
		rc = store_meeting_items(mc->st, meeting, 0, &mc->items, &mc->n_items);
	if (rc == STORE_OK)
		rc = store_waiting_items(mc->st, meeting, MINUTES_BETWEEN_MAX, &mc->between,
					 &mc->n_between);
	if (rc == STORE_OK)
		rc = store_meeting_review_events(mc->st, meeting, &mc->review, &mc->n_review);
	if (rc == STORE_OK)
		rc = store_meeting_work(mc->st, meeting, &mc->work);
	if (rc == STORE_OK)
		rc = load_scorecard(mc);
	if (rc == STORE_OK)
		rc = load_initiatives(mc);
	if (rc == STORE_OK)
		rc = store_ratings(mc->st, meeting, &mc->ratings, &mc->n_ratings);
	if (rc == STORE_OK) {
		rating_spread_of(mc->ratings, mc->n_ratings, &mc->spread);
		rc = store_briefers(mc->st, meeting, &mc->briefers, &mc->n_briefers);
	}
	for (size_t i = 0; rc == STORE_OK && i < mc->n_items + mc->n_between; i++) {
		const struct item *it = i < mc->n_items ? &mc->items[i]
							: &mc->between[i - mc->n_items].it;
		if (it->kind != ITEM_STORY || it->deleted_at)
			continue;
		struct story_chain c;
		if ((rc = story_chain_load(mc->st, it->id, &c)) != STORE_OK)
			break;
		if (!story_chain_any(&c)) {
			story_chain_free(&c);
			continue;
		}
		mc->chains = xrealloc(mc->chains, (mc->n_chains + 1) * sizeof *mc->chains);
		mc->chains[mc->n_chains++] = c;
	}
	return rc;
}

/* Each measure's last value of a period begun by the meeting's day: what
 * the scorecard said then, whatever came later. */
static enum store_rc load_scorecard(struct minutes *mc)
{
	enum store_rc rc = scorecard_measures(mc->st, &mc->measures, &mc->n_measures);
	if (rc != STORE_OK)
		return rc;
	cx_date day = date_from_time(mc->m.started_at);
	for (size_t i = 0; rc == STORE_OK && i < mc->n_measures; i++) {
		struct measure *m = &mc->measures[i];
		if (!m->has_value || m->value_on <= day)
			continue; /* the last value is the meeting's, or there is none */
		m->has_value = false;
		struct measure_value *v;
		size_t n;
		if ((rc = store_measure_values(mc->st, m->id, false, 0, &v, &n)) != STORE_OK)
			break;
		for (size_t j = 0; j < n && !m->has_value; j++)
			if (v[j].period <= day) {
				m->has_value = true;
				m->value = v[j].value;
				m->value_on = v[j].period;
			}
		measure_values_free(v, n);
	}
	return rc;
}

static enum store_rc load_initiatives(struct minutes *mc)
{
	enum store_rc rc = store_initiative_reviews(mc->st, 0, mc->m.id, 0, &mc->inits, &mc->n_inits);
	if (rc != STORE_OK)
		return rc;
	for (size_t i = 0; i < mc->n_inits / 2; i++) { /* oldest first */
		struct initiative_review tmp = mc->inits[i];
		mc->inits[i] = mc->inits[mc->n_inits - 1 - i];
		mc->inits[mc->n_inits - 1 - i] = tmp;
	}
	mc->init_of = xcalloc(mc->n_inits + 1, sizeof *mc->init_of);
	for (size_t i = 0; rc == STORE_OK && i < mc->n_inits; i++)
		rc = store_initiative_get(mc->st, mc->inits[i].initiative_id, &mc->init_of[i]);
	return rc;
}

const struct story_chain *minutes_chain(const struct minutes *mc, store_id id)
{
	for (size_t i = 0; i < mc->n_chains; i++)
		if (mc->chains[i].story == id)
			return &mc->chains[i];
	return NULL;
}

void minutes_unload(struct minutes *mc)
{
	sb_free(&mc->sb);
	org_free(&mc->org);
	dept_list_free(mc->depts, mc->n_depts);
	attendees_free(mc->att, mc->n_att);
	meeting_steps_free(mc->steps, mc->n_steps);
	item_list_free(mc->items, mc->n_items);
	waiting_items_free(mc->between, mc->n_between);
	review_events_free(mc->review, mc->n_review);
	meeting_work_free(&mc->work);
	for (size_t i = 0; i < mc->n_chains; i++)
		story_chain_free(&mc->chains[i]);
	free(mc->chains);
	measure_list_free(mc->measures, mc->n_measures);
	initiative_reviews_free(mc->inits, mc->n_inits);
	if (mc->init_of)
		initiatives_free(mc->init_of, mc->n_inits);
	member_ratings_free(mc->ratings, mc->n_ratings);
	briefers_free(mc->briefers, mc->n_briefers);
}

const struct briefer *minutes_briefer(const struct minutes *mc, store_id id)
{
	for (size_t i = 0; i < mc->n_briefers; i++)
		if (mc->briefers[i].dept_id == id)
			return &mc->briefers[i];
	return NULL;
}

bool minutes_dept_present(store_id id, const struct attendee *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i].dept_id == id)
			return true;
	return false;
}

int minutes_round(int seconds)
{
	return seconds > 0 ? (seconds + 30) / 60 : 0;
}

const struct minutes_section minutes_sections[MINUTES_SECTION_COUNT] = {
	{ITEM_STORY, "Customer stories"},
	{ITEM_DECISION, "Decisions"},
	{ITEM_ACTION, "Actions"},
	{ITEM_WIN, "Wins"},
	{ITEM_INSIGHT, "Insights"},
	{ITEM_PARKED, "Parked topics"},
	{ITEM_MESSAGE, "Messages to other teams"},
	{ITEM_NOTE, "Notes"},
	{ITEM_TOPIC, "Talking points"},
};
