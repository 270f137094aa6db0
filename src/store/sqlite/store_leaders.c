/* store_leaders.c - what each leader values (person_profiles), the
 * stakeholder map's history, measures (a department's KPIs) and their
 * values, and the council's focus department (store.h). */
#include <stdlib.h>

#include <string.h>

#include "store_int.h"

enum store_rc sqlite_person_profile_get(struct store *st, store_id person,
					struct person_profile *out)
{
	*out = (struct person_profile){.stage = CHANGE_UNSET};
	sqlite3_stmt *s = stmt_get(st, STMT_PROFILE_GET);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, person);
	enum store_rc rc = stmt_row(st, s, "reading the person's profile");
	if (rc != STORE_OK)
		return rc;
	out->values = col_text(s, 0);
	out->kpi = col_text(s, 1);
	const char *stage = (const char *)sqlite3_column_text(s, 2);
	out->stage = stage ? (enum change_stage)change_stage_parse(stage) : CHANGE_UNSET;
	out->next_step = col_text(s, 3);
	out->updated_at = col_time(s, 4);
	sqlite3_reset(s);
	return STORE_OK;
}

enum store_rc sqlite_person_profile_set(struct store *st, store_id person,
					const struct person_profile *p, time_t at)
{
	sqlite3_stmt *s = stmt_get(st, STMT_PROFILE_SET);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, person);
	bind_text(s, 2, p->values);
	bind_text(s, 3, p->kpi);
	bind_text(s, 4, p->stage == CHANGE_UNSET ? NULL : change_stage_name(p->stage));
	bind_text(s, 5, p->next_step);
	bind_time(s, 6, at);
	return stmt_exec(st, s, "writing the person's profile");
}

static const char *stance_text(enum stance s)
{
	return s == STANCE_UNSET ? NULL : s == STANCE_HIGH ? "high" : "low";
}

static enum stance stance_of(const unsigned char *t)
{
	return !t ? STANCE_UNSET : t[0] == 'h' ? STANCE_HIGH : STANCE_LOW;
}

enum store_rc sqlite_stance_history_add(struct store *st, store_id person, enum stance influence,
					enum stance support, time_t at)
{
	sqlite3_stmt *s = stmt_get(st, STMT_STANCE_ADD);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, person);
	bind_text(s, 2, stance_text(influence));
	bind_text(s, 3, stance_text(support));
	bind_time(s, 4, at);
	bind_text(s, 5, SQ(st)->actor);
	return stmt_exec(st, s, "keeping the map's history");
}

static void read_change(sqlite3_stmt *s, void *elem)
{
	struct stance_change *c = elem;
	c->influence = stance_of(sqlite3_column_text(s, 0));
	c->support = stance_of(sqlite3_column_text(s, 1));
	c->at = col_time(s, 2);
	c->by = col_text(s, 3);
}

static void free_changes(void *arr, size_t n) { stance_changes_free(arr, n); }

enum store_rc sqlite_stance_history_list(struct store *st, store_id person, size_t limit,
					 struct stance_change **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_STANCE_LIST);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, person);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)limit);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_change, free_changes,
			    "reading the map's history");
}

static enum measure_freq freq_read(const char *s)
{
	int f = measure_freq_parse(s);
	return f < 0 ? FREQ_MEETING : (enum measure_freq)f;
}

/* The columns a measure's add and update write, from ?2 (?1 its id). */
static void bind_measure(sqlite3_stmt *s, const struct measure *m, const char *key, int at)
{
	bind_text(s, at, m->name);
	bind_text(s, at + 1, key);
	bind_text(s, at + 2, measure_kind_name(m->kind));
	bind_id(s, at + 3, m->dept_id);
	bind_id(s, at + 4, m->person_id);
	bind_text(s, at + 5, m->unit);
	bind_text(s, at + 6, m->lower_is_better ? "lower" : "higher");
	if (m->has_target)
		sqlite3_bind_double(s, at + 7, m->target);
	else
		sqlite3_bind_null(s, at + 7);
}

enum store_rc sqlite_measure_add(struct store *st, const struct measure *m, const char *key,
				 time_t at, store_id *id)
{
	enum store_rc rc;
	sqlite3_stmt *s = stmt_get(st, STMT_MEASURE_ADD);
	if (!s)
		return stmt_missing(st);
	bind_measure(s, m, key, 1);
	bind_time(s, 9, at);
	bind_text(s, 10, measure_freq_name(m->frequency));
	rc = stmt_exec(st, s, "adding the measure");
	if (rc == STORE_OK)
		*id = (store_id)sqlite3_last_insert_rowid(SQ(st)->db);
	return rc;
}

enum store_rc sqlite_measure_update(struct store *st, const struct measure *m, const char *key)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MEASURE_UPDATE);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, m->id);
	bind_measure(s, m, key, 2);
	bind_text(s, 10, measure_freq_name(m->frequency));
	return stmt_update_one(st, s, "changing the measure");
}

enum store_rc sqlite_measure_archive(struct store *st, store_id id, time_t at)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MEASURE_ARCHIVE);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, id);
	if (at)
		bind_time(s, 2, at);
	else
		sqlite3_bind_null(s, 2);
	return stmt_update_one(st, s, "archiving the measure");
}

static void read_value(sqlite3_stmt *s, void *elem)
{
	struct measure_value *v = elem;
	v->period = col_date(s, 0);
	v->value = sqlite3_column_double(s, 1);
	v->entered_at = col_time(s, 2);
	v->entered_by = col_text(s, 3);
	v->corrected = sqlite3_column_int(s, 4) != 0;
}

static void free_values(void *arr, size_t n) { measure_values_free(arr, n); }

enum store_rc sqlite_measure_values(struct store *st, store_id measure, bool with_corrections,
				    size_t limit, struct measure_value **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, with_corrections ? STMT_MEASURE_VALUES : STMT_MEASURE_VALUES_LAST);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, measure);
	bind_int(s, 3, (int64_t)limit);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_value, free_values,
			    "reading the measure's values");
}

enum store_rc sqlite_measure_find(struct store *st, store_id dept, const char *key, store_id *id)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MEASURE_FIND);
	if (!s)
		return stmt_missing(st);
	bind_int(s, 1, dept);
	bind_text(s, 2, key);
	enum store_rc rc = stmt_row(st, s, "finding the measure");
	if (rc == STORE_OK)
		*id = col_id(s, 0);
	sqlite3_reset(s);
	return rc;
}

static void read_measure(sqlite3_stmt *s, void *elem)
{
	struct measure *m = elem;
	m->id = col_id(s, 0);
	m->name = col_text_or_empty(s, 1);
	const char *kind = (const char *)sqlite3_column_text(s, 2);
	m->kind = kind && kind[0] == 's' ? MEASURE_SUCCESS : MEASURE_KPI;
	m->dept_id = col_id(s, 3);
	m->dept_name = col_text(s, 4);
	m->person_id = col_id(s, 5);
	m->unit = col_text(s, 6);
	m->lower_is_better = sqlite3_column_int(s, 7) != 0;
	m->has_target = sqlite3_column_type(s, 8) != SQLITE_NULL;
	m->target = sqlite3_column_double(s, 8);
	m->archived = sqlite3_column_int(s, 9) != 0;
	m->has_value = sqlite3_column_type(s, 10) != SQLITE_NULL;
	m->value = sqlite3_column_double(s, 10);
	m->value_on = col_date(s, 11);
	m->frequency = freq_read((const char *)sqlite3_column_text(s, 12));
	m->person_name = col_text(s, 13);
}

static void free_measures(void *arr, size_t n) { measure_list_free(arr, n); }

enum store_rc sqlite_measure_list(struct store *st, enum measure_kind kind, store_id dept,
				  bool with_archived, struct measure **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MEASURE_LIST);
	if (!s)
		return stmt_missing(st);
	if (kind == MEASURE_ANY)
		sqlite3_bind_null(s, 1);
	else
		bind_text(s, 1, measure_kind_name(kind));
	bind_int(s, 2, dept);
	bind_int(s, 3, with_archived);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_measure, free_measures,
			    "reading the measures");
}

enum store_rc sqlite_measure_value_add(struct store *st, store_id measure, cx_date period,
				       double value, time_t at)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MEASURE_VALUE_ADD);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, measure);
	bind_date(s, 2, period);
	sqlite3_bind_double(s, 3, value);
	bind_time(s, 4, at);
	bind_text(s, 5, SQ(st)->actor);
	return stmt_exec(st, s, "keeping the measure's value");
}

enum store_rc sqlite_item_set_measure(struct store *st, store_id item, store_id measure)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_SET_MEASURE);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, item);
	bind_id(s, 2, measure);
	return stmt_update_one(st, s, "naming the measure the item serves");
}

enum store_rc sqlite_measure_value_get(struct store *st, store_id measure, cx_date period,
				       double *value)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MEASURE_VALUE_GET);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, measure);
	bind_date(s, 2, period);
	enum store_rc rc = stmt_row(st, s, "reading the measure's value");
	if (rc == STORE_OK)
		*value = sqlite3_column_double(s, 0);
	sqlite3_reset(s);
	return rc;
}

enum store_rc sqlite_item_measure(struct store *st, store_id item, store_id *measure, char **name)
{
	*measure = 0;
	*name = NULL;
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_MEASURE);
	if (!s)
		return stmt_missing(st);
	bind_id(s, 1, item);
	enum store_rc rc = stmt_row(st, s, "reading the item's measure");
	if (rc == STORE_OK) {
		*measure = col_id(s, 0);
		*name = col_text(s, 1);
	}
	sqlite3_reset(s);
	return rc == STORE_NOTFOUND ? STORE_OK : rc;
}

enum store_rc sqlite_focus_get(struct store *st, struct focus *out)
{
	*out = (struct focus){.since = DATE_NONE};
	sqlite3_stmt *s = stmt_get(st, STMT_FOCUS_GET);
	if (!s)
		return stmt_missing(st);
	enum store_rc rc = stmt_row(st, s, "reading the focus");
	if (rc == STORE_OK) {
		out->dept_id = col_id(s, 0);
		out->dept_name = col_text(s, 1);
		out->plan = col_text(s, 2);
		out->next_step = col_text(s, 3);
		out->since = col_date(s, 4);
	}
	sqlite3_reset(s);
	return rc;
}

enum store_rc sqlite_focus_set(struct store *st, const struct focus *f)
{
	sqlite3_stmt *s = stmt_get(st, f ? STMT_FOCUS_SET : STMT_FOCUS_CLEAR);
	if (!s)
		return stmt_missing(st);
	if (f) {
		bind_id(s, 1, f->dept_id);
		bind_text(s, 2, f->plan);
		bind_text(s, 3, f->next_step);
		bind_date(s, 4, f->since);
	}
	return stmt_exec(st, s, "setting the focus");
}

static void read_ledger(sqlite3_stmt *s, void *elem)
{
	struct ledger_count *c = elem;
	c->year = sqlite3_column_int(s, 0);
	c->quarter = sqlite3_column_int(s, 1);
	c->dept_id = col_id(s, 2);
	for (int i = 0; i < 3; i++)
		c->v[i] = sqlite3_column_int64(s, 3 + i);
}

enum store_rc sqlite_ledger_counts(struct store *st, enum ledger_part part, cx_date since,
				   struct ledger_count **out, size_t *n)
{
	static const enum stmt_id parts[LEDGER_PART_COUNT] = {
		STMT_LEDGER_MEETINGS, STMT_LEDGER_ATTENDANCE, STMT_LEDGER_ITEMS,
		STMT_LEDGER_MESSAGES, STMT_LEDGER_MOVES,
	};
	*out = NULL;
	*n = 0;
	if ((int)part < 0 || part >= LEDGER_PART_COUNT)
		return store_failf(st, STORE_INVALID, "no such part of the ledger");
	sqlite3_stmt *s = stmt_get(st, parts[part]);
	if (!s)
		return stmt_missing(st);
	bind_date(s, 1, since);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_ledger, free_plain,
			    "counting the ledger");
}
