/* leaders.c - what each leader values, the stakeholder map's moves, a
 * department's KPIs and the council's focus, cleaned before the store keeps
 * them (leaders.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/leaders.h"
#include "cxmeet/names.h"
#include "cxmeet/text.h"

/* *out: the cleaned text of in (NULL for NULL or empty), or STORE_INVALID. */
static enum store_rc cleaned(struct store *st, const char *in, enum text_kind kind,
			     const char *what, char **out)
{
	char err[256];
	*out = NULL;
	if (!in || !*in)
		return STORE_OK;
	if (!(*out = text_clean(in, kind, what, err, sizeof err)))
		return store_refuse(st, STORE_INVALID, err);
	return STORE_OK;
}

enum store_rc person_profile_write(struct store *st, store_id person,
				   const struct person_profile *p, time_t at)
{
	struct person_profile kept = {.stage = p->stage};
	enum store_rc rc = cleaned(st, p->values, TEXT_LONG, "what they value", &kept.values);
	if (rc == STORE_OK)
		rc = cleaned(st, p->kpi, TEXT_SHORT, "their KPI", &kept.kpi);
	if (rc == STORE_OK)
		rc = cleaned(st, p->next_step, TEXT_SHORT, "next step", &kept.next_step);
	if (rc == STORE_OK && ((int)p->stage < CHANGE_UNSET || p->stage >= CHANGE_STAGE_COUNT))
		rc = store_refuse(st, STORE_INVALID, "unknown stage of change");
	if (rc == STORE_OK)
		rc = store_person_profile_set(st, person, &kept, at);
	person_profile_free(&kept);
	return rc;
}

enum store_rc person_place(struct store *st, store_id person, enum stance influence,
			   enum stance support, time_t at)
{
	struct person p;
	enum store_rc rc = store_person_get(st, person, &p);
	if (rc != STORE_OK)
		return rc;
	bool same = p.influence == influence && p.support == support;
	person_free(&p);
	if (same)
		return STORE_OK;
	if ((rc = store_begin(st)) != STORE_OK)
		return rc;
	rc = store_person_set_stance(st, person, influence, support);
	if (rc == STORE_OK)
		rc = store_stance_history_add(st, person, influence, support, at);
	if (rc == STORE_OK)
		return store_commit(st);
	store_rollback(st);
	return rc;
}

enum store_rc measure_add(struct store *st, const struct measure *m, time_t at, store_id *id)
{
	char *clean, *key, *unit = NULL;
	enum store_rc rc = name_checked(st, m->name, "measure's name", &clean, &key);
	if (rc == STORE_OK)
		rc = cleaned(st, m->unit, TEXT_NAME, "unit", &unit);
	store_id found;
	if (rc == STORE_OK && (rc = store_measure_find(st, m->dept_id, key, &found)) == STORE_OK)
		rc = store_refuse(st, STORE_DUPLICATE, m->dept_id
				  ? "that department has a measure of that name already"
				  : "there is a measure of that name already");
	else if (rc == STORE_NOTFOUND)
		rc = STORE_OK;
	if (rc == STORE_OK) {
		struct measure kept = *m;
		kept.name = clean;
		kept.unit = unit;
		rc = store_measure_add(st, &kept, key, at, id);
	}
	free(clean);
	free(key);
	free(unit);
	return rc;
}

enum store_rc measure_edit(struct store *st, const struct measure *m)
{
	char *clean, *key, *unit = NULL;
	enum store_rc rc = name_checked(st, m->name, "measure's name", &clean, &key);
	if (rc == STORE_OK)
		rc = cleaned(st, m->unit, TEXT_NAME, "unit", &unit);
	store_id found;
	if (rc == STORE_OK && (rc = store_measure_find(st, m->dept_id, key, &found)) == STORE_OK &&
	    found != m->id)
		rc = store_refuse(st, STORE_DUPLICATE, m->dept_id
				  ? "that department has a measure of that name already"
				  : "there is a measure of that name already");
	else if (rc == STORE_NOTFOUND || rc == STORE_OK)
		rc = STORE_OK;
	if (rc == STORE_OK) {
		struct measure kept = *m;
		kept.name = clean;
		kept.unit = unit;
		rc = store_measure_update(st, &kept, key);
	}
	free(clean);
	free(key);
	free(unit);
	return rc;
}

enum store_rc measure_find(struct store *st, store_id dept, const char *name, store_id *id)
{
	char *key = text_fold(name ? name : "");
	enum store_rc rc = store_measure_find(st, dept, key, id);
	free(key);
	if (rc == STORE_NOTFOUND)
		store_refuse(st, rc, "no such measure");
	return rc;
}

/* by the folded names (text_fold), as names are compared */
static int folded_cmp(const char *a, const char *b)
{
	char *fa = text_fold(a ? a : ""), *fb = text_fold(b ? b : "");
	int c = strcmp(fa, fb);
	free(fa);
	free(fb);
	return c;
}

static int measure_cmp(const void *a, const void *b)
{
	const struct measure *x = a, *y = b;
	int c = folded_cmp(x->dept_name, y->dept_name);
	return c ? c : folded_cmp(x->name, y->name);
}

void measures_sort(struct measure *m, size_t n)
{
	if (n > 1)
		qsort(m, n, sizeof *m, measure_cmp);
}

void measure_value_text(double v, char *buf, size_t len)
{
	/* decimals as people write them when they say it all ("380", "92.5") */
	for (int decimals = 0; decimals <= 9 && v > -1e15 && v < 1e15; decimals++) {
		snprintf(buf, len, "%.*f", decimals, v);
		if (strtod(buf, NULL) == v)
			return;
	}
	snprintf(buf, len, "%.17g", v);
}

enum store_rc focus_choose(struct store *st, store_id dept, const char *plan,
			   const char *next_step, cx_date since)
{
	struct focus f = {.dept_id = dept, .since = since};
	enum store_rc rc = cleaned(st, plan, TEXT_SHORT, "plan", &f.plan);
	if (rc == STORE_OK)
		rc = cleaned(st, next_step, TEXT_SHORT, "next step", &f.next_step);
	if (rc == STORE_OK)
		rc = store_focus_set(st, &f);
	focus_free(&f);
	return rc;
}
