/* stakeholder.c - the rules of the stakeholder map: the quadrant a person
 * falls in, the suggestions drawn from it, and an owner's on-time record. */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/stakeholder.h"

enum quadrant stakeholder_quadrant(enum stance influence, enum stance support)
{
	if (influence == STANCE_UNSET || support == STANCE_UNSET)
		return QUAD_UNPLACED;
	if (influence == STANCE_HIGH)
		return support == STANCE_HIGH ? QUAD_CHAMPIONS : QUAD_WIN_OVER;
	return support == STANCE_HIGH ? QUAD_KEEP_INFORMED : QUAD_MONITOR;
}

void stakeholder_stances(enum quadrant q, enum stance *influence, enum stance *support)
{
	bool placed = q > QUAD_UNPLACED && q < QUAD_COUNT;
	*influence = !placed ? STANCE_UNSET
		     : q == QUAD_WIN_OVER || q == QUAD_CHAMPIONS ? STANCE_HIGH : STANCE_LOW;
	*support = !placed ? STANCE_UNSET
		   : q == QUAD_CHAMPIONS || q == QUAD_KEEP_INFORMED ? STANCE_HIGH : STANCE_LOW;
}

const char *quadrant_name(enum quadrant q)
{
	switch (q) {
	case QUAD_WIN_OVER: return "Win over";
	case QUAD_CHAMPIONS: return "Champions";
	case QUAD_KEEP_INFORMED: return "Keep informed";
	case QUAD_MONITOR: return "Monitor";
	default: return "Not placed";
	}
}

const char *stance_word(enum stance s)
{
	return s == STANCE_HIGH ? "high" : s == STANCE_LOW ? "low" : "unset";
}

int stance_parse(const char *word)
{
	if (!word)
		return -2;
	if (strcmp(word, "high") == 0)
		return STANCE_HIGH;
	if (strcmp(word, "low") == 0)
		return STANCE_LOW;
	if (strcmp(word, "unset") == 0 || strcmp(word, "none") == 0)
		return STANCE_UNSET;
	return -2;
}

enum stance stance_toggle(enum stance s)
{
	return s == STANCE_HIGH ? STANCE_LOW : STANCE_HIGH;
}

size_t stakeholder_win_over(const struct person *people, size_t n, size_t *idx)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!people[i].archived &&
		    stakeholder_quadrant(people[i].influence, people[i].support) == QUAD_WIN_OVER)
			idx[k++] = i;
	return k;
}

size_t stakeholder_champions(const struct person *people, size_t n, size_t *idx)
{
	size_t k = 0;
	/* Two passes keep the given order within each level of influence. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++) {
			const struct person *p = &people[i];
			bool high = p->influence == STANCE_HIGH;
			if (!p->archived && p->support == STANCE_HIGH && high == (pass == 0))
				idx[k++] = i;
		}
	return k;
}

int64_t record_due(const struct person_record *r)
{
	return r->done_judged + r->overdue;
}

int record_on_time_pct(const struct person_record *r)
{
	int64_t due = record_due(r);
	if (due <= 0)
		return -1;
	return (int)((r->done_on_time * 100 + due / 2) / due);
}

bool record_is_notable(const struct person_record *r)
{
	return r->p.support == STANCE_HIGH || r->p.role == ROLE_CHAMPION || r->wins > 0;
}

/* Most wins, then the better share (none due counts below 0%), then index. */
static bool ranks_before(const struct person_record *a, size_t ia, const struct person_record *b,
			 size_t ib)
{
	if (a->wins != b->wins)
		return a->wins > b->wins;
	int pa = record_on_time_pct(a), pb = record_on_time_pct(b);
	if (pa != pb)
		return pa > pb;
	return ia < ib;
}

size_t record_notable_order(const struct person_record *r, size_t n, size_t *idx)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (!record_is_notable(&r[i]))
			continue;
		/* Insertion sort: the council is a few dozen people at most. */
		size_t j = k++;
		while (j > 0 && ranks_before(&r[i], i, &r[idx[j - 1]], idx[j - 1])) {
			idx[j] = idx[j - 1];
			j--;
		}
		idx[j] = i;
	}
	return k;
}
