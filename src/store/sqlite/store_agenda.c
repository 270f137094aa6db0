/* store_agenda.c - agenda templates and their steps. A meeting copies the steps
 * it follows (store_meeting.c), so nothing here rewrites history. */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "cxmeet/util.h"

enum store_rc steps_insert(struct store *st, enum stmt_id stmt, store_id owner,
			   const struct agenda_template *t, const char *what)
{
	enum store_rc rc = STORE_OK;
	for (size_t i = 0; rc == STORE_OK && i < t->n_steps; i++) {
		const struct agenda_step *step = &t->steps[i];
		sqlite3_stmt *s = stmt_get(st, stmt);
		bind_id(s, 1, owner);
		bind_int(s, 2, (int64_t)i);
		bind_text(s, 3, step->title);
		bind_text(s, 4, step_kind_name(step->kind));
		bind_int(s, 5, step->minutes);
		bind_text(s, 6, step->prompt ? step->prompt : "");
		if (stmt == STMT_MEETING_STEP_ADD)
			bind_int(s, 7, step->skipped);
		rc = stmt_exec(st, s, what);
	}
	return rc;
}

enum store_rc sqlite_template_add(struct store *st, const struct agenda_template *t,
				  const char *key, bool make_default, store_id *id)
{
	const char *clean = t->name;
	if (t->n_steps == 0)
		return store_failf(st, STORE_INVALID, "an agenda needs at least one step");
	enum store_rc rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	sqlite3_stmt *s = stmt_get(st, STMT_TEMPLATE_ADD);
	bind_text(s, 1, clean);
	bind_text(s, 2, key);
	bind_now(st, s, 3);
	rc = stmt_exec(st, s, "adding an agenda");
	if (rc == STORE_DUPLICATE)
		store_failf(st, rc, "an agenda named '%s' already exists", clean);
	store_id tid = rc == STORE_OK ? sqlite3_last_insert_rowid(SQ(st)->db) : 0;
	if (rc == STORE_OK)
		rc = steps_insert(st, STMT_TEMPLATE_STEP_ADD, tid, t, "adding an agenda step");
	if (rc == STORE_OK && make_default) {
		rc = stmt_exec(st, stmt_get(st, STMT_TEMPLATE_CLEAR_DEFAULT), "choosing the default");
		if (rc == STORE_OK) {
			s = stmt_get(st, STMT_TEMPLATE_SET_DEFAULT);
			bind_id(s, 1, tid);
			rc = stmt_exec(st, s, "choosing the default agenda");
		}
	}
	rc = tx_end(st, rc);
	if (rc == STORE_OK && id)
		*id = tid;
	return rc;
}

static enum store_rc one_id(struct store *st, sqlite3_stmt *s, store_id *id, const char *missing)
{
	enum store_rc rc = stmt_row(st, s, "reading agendas");
	if (rc == STORE_OK)
		*id = col_id(s, 0);
	else if (rc == STORE_NOTFOUND)
		store_failf(st, rc, "%s", missing);
	sqlite3_reset(s);
	return rc;
}

enum store_rc sqlite_template_find(struct store *st, const char *key, store_id *id)
{
	sqlite3_stmt *s = stmt_get(st, STMT_TEMPLATE_BY_KEY);
	bind_text(s, 1, key);
	return one_id(st, s, id, "no agenda with that name");
}

enum store_rc sqlite_template_default(struct store *st, store_id *id)
{
	return one_id(st, stmt_get(st, STMT_TEMPLATE_DEFAULT), id, "there is no default agenda");
}

static void read_step(sqlite3_stmt *s, void *elem)
{
	struct agenda_step *step = elem;
	step->title = col_text_or_empty(s, 0);
	int kind = step_kind_parse((const char *)sqlite3_column_text(s, 1));
	step->kind = kind < 0 ? STEP_TOPIC : (enum step_kind)kind;
	step->minutes = sqlite3_column_int(s, 2);
	step->prompt = col_text_or_empty(s, 3);
}

static void free_steps(void *arr, size_t n)
{
	struct agenda_template t = {.steps = arr, .n_steps = n};
	agenda_free(&t);
}

enum store_rc sqlite_template_get(struct store *st, store_id id, struct agenda_template *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = stmt_get(st, STMT_TEMPLATE_NAME);
	bind_id(s, 1, id);
	enum store_rc rc = stmt_row(st, s, "reading an agenda");
	if (rc != STORE_OK) {
		sqlite3_reset(s);
		return rc == STORE_NOTFOUND ? store_failf(st, rc, "no such agenda") : rc;
	}
	char *name = col_text_or_empty(s, 0);
	sqlite3_reset(s);
	s = stmt_get(st, STMT_TEMPLATE_STEPS);
	bind_id(s, 1, id);
	rc = stmt_collect(st, s, (void **)&out->steps, &out->n_steps, sizeof *out->steps,
			  read_step, free_steps, "reading an agenda's steps");
	if (rc != STORE_OK) {
		free(name);
		return rc;
	}
	out->name = name;
	return STORE_OK;
}

static void read_info(sqlite3_stmt *s, void *elem)
{
	struct template_info *t = elem;
	t->id = col_id(s, 0);
	t->name = col_text_or_empty(s, 1);
	t->is_default = sqlite3_column_int(s, 2) != 0;
	t->n_steps = (size_t)sqlite3_column_int64(s, 3);
	t->minutes = sqlite3_column_int(s, 4);
}

static void free_infos(void *arr, size_t n) { template_list_free(arr, n); }

enum store_rc sqlite_template_list(struct store *st, struct template_info **out, size_t *n)
{
	return stmt_collect(st, stmt_get(st, STMT_TEMPLATE_LIST), (void **)out, n, sizeof **out,
			    read_info, free_infos, "listing agendas");
}

/* Whether the template is the default and whether it is archived;
 * STORE_NOTFOUND (with a message) when there is no such template. */
static enum store_rc template_state(struct store *st, store_id id, bool *is_default,
				    bool *archived)
{
	sqlite3_stmt *s = stmt_get(st, STMT_TEMPLATE_STATE);
	bind_id(s, 1, id);
	enum store_rc rc = stmt_row(st, s, "reading an agenda");
	if (rc == STORE_OK) {
		*is_default = sqlite3_column_int(s, 0) != 0;
		*archived = sqlite3_column_int(s, 1) != 0;
	} else if (rc == STORE_NOTFOUND) {
		store_failf(st, rc, "no such agenda");
	}
	sqlite3_reset(s);
	if (rc == STORE_OK && *archived)
		rc = store_failf(st, STORE_NOTFOUND, "that agenda is archived");
	return rc;
}

enum store_rc sqlite_template_save_steps(struct store *st, store_id id,
					 const struct agenda_template *t)
{
	bool is_default, archived;
	enum store_rc rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = template_state(st, id, &is_default, &archived);
	/* Replacing every step is simple and safe: meetings keep their own copies. */
	if (rc == STORE_OK) {
		sqlite3_stmt *s = stmt_get(st, STMT_TEMPLATE_STEPS_CLEAR);
		bind_id(s, 1, id);
		rc = stmt_exec(st, s, "saving the agenda");
	}
	if (rc == STORE_OK)
		rc = steps_insert(st, STMT_TEMPLATE_STEP_ADD, id, t, "saving an agenda step");
	return tx_end(st, rc);
}

enum store_rc sqlite_template_rename(struct store *st, store_id id, const char *name,
				     const char *key)
{
	sqlite3_stmt *s = stmt_get(st, STMT_TEMPLATE_RENAME);
	bind_text(s, 1, name);
	bind_text(s, 2, key);
	bind_id(s, 3, id);
	enum store_rc rc = stmt_update_one(st, s, "renaming the agenda");
	if (rc == STORE_DUPLICATE)
		store_failf(st, rc, "an agenda named '%s' already exists", name);
	else if (rc == STORE_NOTFOUND)
		store_failf(st, rc, "no such agenda");
	return rc;
}

enum store_rc sqlite_template_set_default(struct store *st, store_id id)
{
	bool is_default, archived;
	enum store_rc rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = template_state(st, id, &is_default, &archived);
	/* Clear first: the unique index allows one default at a time. */
	if (rc == STORE_OK && !is_default)
		rc = stmt_exec(st, stmt_get(st, STMT_TEMPLATE_CLEAR_DEFAULT), "choosing the default");
	if (rc == STORE_OK && !is_default) {
		sqlite3_stmt *s = stmt_get(st, STMT_TEMPLATE_SET_DEFAULT);
		bind_id(s, 1, id);
		rc = stmt_update_one(st, s, "choosing the default agenda");
	}
	return tx_end(st, rc);
}

enum store_rc sqlite_template_copy(struct store *st, store_id id, const char *name,
				   const char *key, store_id *new_id)
{
	struct agenda_template t;
	enum store_rc rc = sqlite_template_get(st, id, &t);
	if (rc != STORE_OK)
		return rc;
	free(t.name);
	t.name = xstrdup(name ? name : "");
	rc = sqlite_template_add(st, &t, key, false, new_id);
	agenda_free(&t);
	return rc;
}

enum store_rc sqlite_template_archive(struct store *st, store_id id)
{
	bool is_default, archived;
	enum store_rc rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = template_state(st, id, &is_default, &archived);
	if (rc == STORE_OK && is_default)
		rc = store_failf(st, STORE_INVALID, "the default agenda cannot be archived: make "
						    "another one the default first");
	if (rc == STORE_OK) {
		/* Its name is freed for a new template; meetings keep their copies. */
		sqlite3_stmt *s = stmt_get(st, STMT_TEMPLATE_ARCHIVE);
		bind_now(st, s, 1);
		bind_id(s, 2, id);
		rc = stmt_update_one(st, s, "archiving the agenda");
	}
	return tx_end(st, rc);
}

