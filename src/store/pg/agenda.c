/* agenda.c - agenda templates and their steps on a PostgreSQL server (as
 * src/store/sqlite/store_agenda.c). */
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"
#include "cxmeet/agenda.h"
#include "cxmeet/dates.h"

static enum store_rc steps_insert(struct store *st, store_id owner,
				  const struct agenda_template *t, const char *what)
{
	enum store_rc rc = STORE_OK;
	for (size_t i = 0; rc == STORE_OK && i < t->n_steps; i++) {
		const struct agenda_step *step = &t->steps[i];
		struct pg_params p = {0};
		pp_id(&p, owner);
		pp_int(&p, (int64_t)i);
		pp_text(&p, step->title);
		pp_text(&p, step_kind_name(step->kind));
		pp_int(&p, step->minutes);
		pp_text(&p, step->prompt ? step->prompt : "");
		rc = pg_exec(st, PGS_TEMPLATE_STEP_ADD, &p, what);
	}
	return rc;
}

struct add {
	const struct agenda_template *t;
	const char *key;
	bool make_default;
	store_id id;
};

static enum store_rc template_add(struct store *st, void *ctx)
{
	struct add *a = ctx;
	struct pg_params p = {0};
	pp_text(&p, a->t->name);
	pp_text(&p, a->key);
	pp_time(&p, clock_now());
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_TEMPLATE_ADD, &p, &r, "adding an agenda");
	if (rc == STORE_DUPLICATE)
		return pg_failf(st, rc, "an agenda named '%s' already exists", a->t->name);
	if (rc != STORE_OK)
		return rc;
	a->id = pgc_id(r, 0, 0);
	PQclear(r);
	rc = steps_insert(st, a->id, a->t, "adding an agenda step");
	if (rc == STORE_OK && a->make_default)
		rc = pg_exec(st, PGS_TEMPLATE_CLEAR_DEFAULT, NULL, "choosing the default");
	if (rc == STORE_OK && a->make_default) {
		struct pg_params q = {0};
		pp_id(&q, a->id);
		rc = pg_exec(st, PGS_TEMPLATE_SET_DEFAULT, &q, "choosing the default agenda");
	}
	return rc;
}

enum store_rc pg_template_add(struct store *st, const struct agenda_template *t,
			      const char *key, bool make_default, store_id *id)
{
	if (t->n_steps == 0)
		return pg_failf(st, STORE_INVALID, "an agenda needs at least one step");
	struct add a = {t, key, make_default, 0};
	enum store_rc rc = pg_tx_run(st, template_add, &a);
	if (rc == STORE_OK && id)
		*id = a.id;
	return rc;
}

static enum store_rc one_id(struct store *st, enum pg_stmt id, const struct pg_params *p,
			    store_id *out, const char *missing)
{
	PGresult *r;
	enum store_rc rc = pg_row(st, id, p, &r, "reading agendas");
	if (rc == STORE_OK) {
		*out = pgc_id(r, 0, 0);
		PQclear(r);
	} else if (rc == STORE_NOTFOUND) {
		pg_failf(st, rc, "%s", missing);
	}
	return rc;
}

enum store_rc pg_template_find(struct store *st, const char *key, store_id *id)
{
	struct pg_params p = {0};
	pp_text(&p, key);
	return one_id(st, PGS_TEMPLATE_BY_KEY, &p, id, "no agenda with that name");
}

enum store_rc pg_template_default(struct store *st, store_id *id)
{
	return one_id(st, PGS_TEMPLATE_DEFAULT, NULL, id, "there is no default agenda");
}

static void read_step(const PGresult *r, int row, void *elem)
{
	struct agenda_step *step = elem;
	step->title = pgc_text_or_empty(r, row, 0);
	int kind = step_kind_parse(PQgetvalue(r, row, 1));
	step->kind = kind < 0 ? STEP_TOPIC : (enum step_kind)kind;
	step->minutes = (int)pgc_int(r, row, 2);
	step->prompt = pgc_text_or_empty(r, row, 3);
}

enum store_rc pg_template_get(struct store *st, store_id id, struct agenda_template *out)
{
	memset(out, 0, sizeof *out);
	struct pg_params p = {0};
	pp_id(&p, id);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_TEMPLATE_NAME, &p, &r, "reading an agenda");
	if (rc == STORE_NOTFOUND)
		return pg_failf(st, rc, "no such agenda");
	if (rc != STORE_OK)
		return rc;
	char *name = pgc_text_or_empty(r, 0, 0);
	PQclear(r);
	rc = pg_collect(st, PGS_TEMPLATE_STEPS, &p, (void **)&out->steps, &out->n_steps,
			sizeof *out->steps, read_step, "reading an agenda's steps");
	if (rc != STORE_OK) {
		free(name);
		return rc;
	}
	out->name = name;
	return STORE_OK;
}

static void read_info(const PGresult *r, int row, void *elem)
{
	struct template_info *t = elem;
	t->id = pgc_id(r, row, 0);
	t->name = pgc_text_or_empty(r, row, 1);
	t->is_default = pgc_bool(r, row, 2);
	t->n_steps = (size_t)pgc_int(r, row, 3);
	t->minutes = (int)pgc_int(r, row, 4);
}

enum store_rc pg_template_list(struct store *st, struct template_info **out, size_t *n)
{
	return pg_collect(st, PGS_TEMPLATE_LIST, NULL, (void **)out, n, sizeof **out, read_info,
			  "listing agendas");
}

/* Whether the template is the default; STORE_NOTFOUND (with a message)
 * when there is no such template, or it is archived. */
static enum store_rc template_state(struct store *st, store_id id, bool *is_default)
{
	struct pg_params p = {0};
	pp_id(&p, id);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_TEMPLATE_STATE, &p, &r, "reading an agenda");
	if (rc == STORE_NOTFOUND)
		return pg_failf(st, rc, "no such agenda");
	if (rc != STORE_OK)
		return rc;
	*is_default = pgc_bool(r, 0, 0);
	bool archived = pgc_bool(r, 0, 1);
	PQclear(r);
	return archived ? pg_failf(st, STORE_NOTFOUND, "that agenda is archived") : STORE_OK;
}

struct save {
	store_id id;
	const struct agenda_template *t;
};

static enum store_rc save_steps(struct store *st, void *ctx)
{
	struct save *s = ctx;
	bool is_default;
	enum store_rc rc = template_state(st, s->id, &is_default);
	/* Replacing every step is simple and safe: meetings keep their own copies. */
	if (rc == STORE_OK) {
		struct pg_params p = {0};
		pp_id(&p, s->id);
		rc = pg_exec(st, PGS_TEMPLATE_STEPS_CLEAR, &p, "saving the agenda");
	}
	if (rc == STORE_OK)
		rc = steps_insert(st, s->id, s->t, "saving an agenda step");
	return rc;
}

enum store_rc pg_template_save_steps(struct store *st, store_id id,
				     const struct agenda_template *t)
{
	struct save s = {id, t};
	return pg_tx_run(st, save_steps, &s);
}

enum store_rc pg_template_rename(struct store *st, store_id id, const char *name,
				 const char *key)
{
	struct pg_params p = {0};
	pp_text(&p, name);
	pp_text(&p, key);
	pp_id(&p, id);
	enum store_rc rc = pg_update_one(st, PGS_TEMPLATE_RENAME, &p, "renaming the agenda");
	if (rc == STORE_DUPLICATE)
		pg_failf(st, rc, "an agenda named '%s' already exists", name);
	else if (rc == STORE_NOTFOUND)
		pg_failf(st, rc, "no such agenda");
	return rc;
}

static enum store_rc set_default(struct store *st, void *ctx)
{
	store_id id = *(store_id *)ctx;
	bool is_default;
	enum store_rc rc = template_state(st, id, &is_default);
	if (rc != STORE_OK || is_default)
		return rc;
	/* Clear first: the unique index allows one default at a time. */
	rc = pg_exec(st, PGS_TEMPLATE_CLEAR_DEFAULT, NULL, "choosing the default");
	if (rc == STORE_OK) {
		struct pg_params p = {0};
		pp_id(&p, id);
		rc = pg_update_one(st, PGS_TEMPLATE_SET_DEFAULT, &p, "choosing the default agenda");
	}
	return rc;
}

enum store_rc pg_template_set_default(struct store *st, store_id id)
{
	return pg_tx_run(st, set_default, &id);
}

enum store_rc pg_template_copy(struct store *st, store_id id, const char *name,
			       const char *key, store_id *new_id)
{
	struct agenda_template t;
	enum store_rc rc = pg_template_get(st, id, &t);
	if (rc != STORE_OK)
		return rc;
	free(t.name);
	t.name = xstrdup(name ? name : "");
	rc = pg_template_add(st, &t, key, false, new_id);
	agenda_free(&t);
	return rc;
}

static enum store_rc archive(struct store *st, void *ctx)
{
	store_id id = *(store_id *)ctx;
	bool is_default;
	enum store_rc rc = template_state(st, id, &is_default);
	if (rc == STORE_OK && is_default)
		rc = pg_failf(st, STORE_INVALID, "the default agenda cannot be archived: make "
						 "another one the default first");
	if (rc == STORE_OK) {
		/* Its name is freed for a new template; meetings keep their copies. */
		struct pg_params p = {0};
		pp_time(&p, clock_now());
		pp_id(&p, id);
		rc = pg_update_one(st, PGS_TEMPLATE_ARCHIVE, &p, "archiving the agenda");
	}
	return rc;
}

enum store_rc pg_template_archive(struct store *st, store_id id)
{
	return pg_tx_run(st, archive, &id);
}
