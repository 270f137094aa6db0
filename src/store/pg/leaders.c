/* leaders.c - what each leader values, the stakeholder map's history,
 * measures and their values, and the focus department, on a server (as the
 * file's store_leaders.c). */
#include <stdlib.h>

#include "pg_int.h"

enum store_rc pg_person_profile_get(struct store *st, store_id person, struct person_profile *out)
{
	*out = (struct person_profile){.stage = CHANGE_UNSET};
	struct pg_params p = {0};
	pp_id(&p, person);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_PROFILE_GET, &p, &r, "reading the person's profile");
	if (rc != STORE_OK)
		return rc;
	out->values = pgc_text(r, 0, 0);
	out->kpi = pgc_text(r, 0, 1);
	out->stage = PQgetisnull(r, 0, 2) ? CHANGE_UNSET
					  : (enum change_stage)change_stage_parse(PQgetvalue(r, 0, 2));
	out->next_step = pgc_text(r, 0, 3);
	out->updated_at = pgc_time(r, 0, 4);
	PQclear(r);
	return STORE_OK;
}

enum store_rc pg_person_profile_set(struct store *st, store_id person,
				    const struct person_profile *pr, time_t at)
{
	struct pg_params p = {0};
	pp_id(&p, person);
	pp_text(&p, pr->values);
	pp_text(&p, pr->kpi);
	pp_text(&p, pr->stage == CHANGE_UNSET ? NULL : change_stage_name(pr->stage));
	pp_text(&p, pr->next_step);
	pp_time(&p, at);
	return pg_exec(st, PGS_PROFILE_SET, &p, "writing the person's profile");
}

static const char *stance_text(enum stance s)
{
	return s == STANCE_UNSET ? NULL : s == STANCE_HIGH ? "high" : "low";
}

static enum stance stance_at(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? STANCE_UNSET
	       : PQgetvalue(r, row, col)[0] == 'h' ? STANCE_HIGH : STANCE_LOW;
}

enum store_rc pg_stance_history_add(struct store *st, store_id person, enum stance influence,
				    enum stance support, time_t at)
{
	struct pg_params p = {0};
	pp_id(&p, person);
	pp_text(&p, stance_text(influence));
	pp_text(&p, stance_text(support));
	pp_time(&p, at);
	pp_text(&p, PG(st)->actor);
	return pg_exec(st, PGS_STANCE_ADD, &p, "keeping the map's history");
}

static void read_change(const PGresult *r, int row, void *elem)
{
	struct stance_change *c = elem;
	c->influence = stance_at(r, row, 0);
	c->support = stance_at(r, row, 1);
	c->at = pgc_time(r, row, 2);
	c->by = pgc_text(r, row, 3);
}

enum store_rc pg_stance_history_list(struct store *st, store_id person, size_t limit,
				     struct stance_change **out, size_t *n)
{
	struct pg_params p = {0};
	pp_id(&p, person);
	pp_int(&p, (int64_t)limit);
	return pg_collect(st, PGS_STANCE_LIST, &p, (void **)out, n, sizeof **out, read_change,
			  "reading the map's history");
}



/* The columns a measure's add and update write, in their order. */
static void measure_params(struct pg_params *p, const struct measure *m, const char *key)
{
	pp_text(p, m->name);
	pp_text(p, key);
	pp_text(p, measure_kind_name(m->kind));
	pp_id(p, m->dept_id);
	pp_id(p, m->person_id);
	pp_text(p, m->unit);
	pp_text(p, m->lower_is_better ? "lower" : "higher");
	if (m->has_target)
		pp_real(p, m->target);
	else
		pp_text(p, NULL);
}

enum store_rc pg_measure_update(struct store *st, const struct measure *m, const char *key)
{
	struct pg_params p = {0};
	pp_id(&p, m->id);
	measure_params(&p, m, key);
	pp_text(&p, measure_freq_name(m->frequency));
	return pg_update_one(st, PGS_MEASURE_UPDATE, &p, "changing the measure");
}

enum store_rc pg_measure_archive(struct store *st, store_id id, time_t at)
{
	struct pg_params p = {0};
	pp_id(&p, id);
	if (at)
		pp_time(&p, at);
	else
		pp_text(&p, NULL);
	return pg_update_one(st, PGS_MEASURE_ARCHIVE, &p, "archiving the measure");
}

static void read_value(const PGresult *r, int row, void *elem)
{
	struct measure_value *v = elem;
	v->period = pgc_date(r, row, 0);
	v->value = strtod(PQgetvalue(r, row, 1), NULL);
	v->entered_at = pgc_time(r, row, 2);
	v->entered_by = pgc_text(r, row, 3);
	v->corrected = pgc_bool(r, row, 4);
}

enum store_rc pg_measure_values(struct store *st, store_id measure, bool with_corrections,
				size_t limit, struct measure_value **out, size_t *n)
{
	struct pg_params p = {0};
	pp_id(&p, measure);
	pp_int(&p, (int64_t)limit);
	return pg_collect(st, with_corrections ? PGS_MEASURE_VALUES : PGS_MEASURE_VALUES_LAST, &p, (void **)out, n, sizeof **out, read_value,
			  "reading the measure's values");
}

enum store_rc pg_measure_value_get(struct store *st, store_id measure, cx_date period,
				   double *value)
{
	struct pg_params p = {0};
	pp_id(&p, measure);
	pp_date(&p, period);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_MEASURE_VALUE_GET, &p, &r, "reading the measure's value");
	if (rc == STORE_OK) {
		*value = strtod(PQgetvalue(r, 0, 0), NULL);
		PQclear(r);
	}
	return rc;
}

enum store_rc pg_item_measure(struct store *st, store_id item, store_id *measure, char **name)
{
	*measure = 0;
	*name = NULL;
	struct pg_params p = {0};
	pp_id(&p, item);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_ITEM_MEASURE, &p, &r, "reading the item's measure");
	if (rc == STORE_OK) {
		*measure = pgc_id(r, 0, 0);
		*name = pgc_text(r, 0, 1);
		PQclear(r);
	}
	return rc == STORE_NOTFOUND ? STORE_OK : rc;
}

enum store_rc pg_measure_add(struct store *st, const struct measure *m, const char *key,
			     time_t at, store_id *id)
{
	enum store_rc rc;
	struct pg_params p = {0};
	measure_params(&p, m, key);
	pp_time(&p, at);
	pp_text(&p, measure_freq_name(m->frequency));
	PGresult *r;
	rc = pg_row(st, PGS_MEASURE_ADD, &p, &r, "adding the measure");
	if (rc == STORE_OK) {
		*id = pgc_id(r, 0, 0);
		PQclear(r);
	}
	return rc;
}

enum store_rc pg_measure_find(struct store *st, store_id dept, const char *key, store_id *id)
{
	struct pg_params p = {0};
	pp_int(&p, dept);
	pp_text(&p, key);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_MEASURE_FIND, &p, &r, "finding the measure");
	if (rc == STORE_OK) {
		*id = pgc_id(r, 0, 0);
		PQclear(r);
	}
	return rc;
}

static void read_measure(const PGresult *r, int row, void *elem)
{
	struct measure *m = elem;
	m->id = pgc_id(r, row, 0);
	m->name = pgc_text_or_empty(r, row, 1);
	m->kind = PQgetvalue(r, row, 2)[0] == 's' ? MEASURE_SUCCESS : MEASURE_KPI;
	m->dept_id = pgc_id(r, row, 3);
	m->dept_name = pgc_text(r, row, 4);
	m->person_id = pgc_id(r, row, 5);
	m->unit = pgc_text(r, row, 6);
	m->lower_is_better = pgc_bool(r, row, 7);
	m->has_target = !PQgetisnull(r, row, 8);
	m->target = m->has_target ? strtod(PQgetvalue(r, row, 8), NULL) : 0;
	m->archived = pgc_bool(r, row, 9);
	m->has_value = !PQgetisnull(r, row, 10);
	m->value = m->has_value ? strtod(PQgetvalue(r, row, 10), NULL) : 0;
	m->value_on = pgc_date(r, row, 11);
	int f = measure_freq_parse(PQgetvalue(r, row, 12));
	m->frequency = f < 0 ? FREQ_MEETING : (enum measure_freq)f;
	m->person_name = pgc_text(r, row, 13);
}

enum store_rc pg_measure_list(struct store *st, enum measure_kind kind, store_id dept,
			      bool with_archived, struct measure **out, size_t *n)
{
	struct pg_params p = {0};
	pp_text(&p, kind == MEASURE_ANY ? NULL : measure_kind_name(kind));
	pp_int(&p, dept);
	pp_bool(&p, with_archived);
	return pg_collect(st, PGS_MEASURE_LIST, &p, (void **)out, n, sizeof **out, read_measure,
			  "reading the measures");
}

enum store_rc pg_measure_value_add(struct store *st, store_id measure, cx_date period,
				   double value, time_t at)
{
	struct pg_params p = {0};
	pp_id(&p, measure);
	pp_date(&p, period);
	pp_real(&p, value);
	pp_time(&p, at);
	pp_text(&p, PG(st)->actor);
	return pg_exec(st, PGS_MEASURE_VALUE_ADD, &p, "keeping the measure's value");
}

enum store_rc pg_item_set_measure(struct store *st, store_id item, store_id measure)
{
	struct pg_params p = {0};
	pp_id(&p, item);
	pp_id(&p, measure);
	return pg_update_one(st, PGS_ITEM_SET_MEASURE, &p, "naming the measure the item serves");
}

enum store_rc pg_focus_get(struct store *st, struct focus *out)
{
	*out = (struct focus){.since = DATE_NONE};
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_FOCUS_GET, NULL, &r, "reading the focus");
	if (rc != STORE_OK)
		return rc;
	out->dept_id = pgc_id(r, 0, 0);
	out->dept_name = pgc_text(r, 0, 1);
	out->plan = pgc_text(r, 0, 2);
	out->next_step = pgc_text(r, 0, 3);
	out->since = pgc_date(r, 0, 4);
	PQclear(r);
	return STORE_OK;
}

enum store_rc pg_focus_set(struct store *st, const struct focus *f)
{
	if (!f)
		return pg_exec(st, PGS_FOCUS_CLEAR, NULL, "setting the focus");
	struct pg_params p = {0};
	pp_id(&p, f->dept_id);
	pp_text(&p, f->plan);
	pp_text(&p, f->next_step);
	pp_date(&p, f->since);
	return pg_exec(st, PGS_FOCUS_SET, &p, "setting the focus");
}

static void read_ledger(const PGresult *r, int row, void *elem)
{
	struct ledger_count *c = elem;
	c->year = (int)pgc_int(r, row, 0);
	c->quarter = (int)pgc_int(r, row, 1);
	c->dept_id = pgc_id(r, row, 2);
	for (int i = 0; i < 3; i++)
		c->v[i] = pgc_int(r, row, 3 + i);
}

enum store_rc pg_ledger_counts(struct store *st, enum ledger_part part, cx_date since,
			       struct ledger_count **out, size_t *n)
{
	static const enum pg_stmt parts[LEDGER_PART_COUNT] = {
		PGS_LEDGER_MEETINGS, PGS_LEDGER_ATTENDANCE, PGS_LEDGER_ITEMS,
		PGS_LEDGER_MESSAGES, PGS_LEDGER_MOVES,
	};
	*out = NULL;
	*n = 0;
	if ((int)part < 0 || part >= LEDGER_PART_COUNT)
		return pg_failf(st, STORE_INVALID, "no such part of the ledger");
	struct pg_params p = {0};
	pp_date(&p, since);
	return pg_collect(st, parts[part], &p, (void **)out, n, sizeof **out, read_ledger,
			  "counting the ledger");
}
