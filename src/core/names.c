/* names.c - names cleaned and keyed before the store keeps them (names.h). */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/names.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

enum store_rc name_checked(struct store *st, const char *name, const char *what, char **clean,
			   char **key)
{
	char err[256];
	*key = NULL;
	*clean = text_clean(name, TEXT_NAME, what, err, sizeof err);
	if (!*clean)
		return store_refuse(st, STORE_INVALID, err);
	*key = text_fold(*clean);
	return STORE_OK;
}

enum store_rc dept_add(struct store *st, const char *name, bool behind, store_id *id)
{
	char *clean, *key;
	enum store_rc rc = name_checked(st, name, "department name", &clean, &key);
	if (rc == STORE_OK)
		rc = store_dept_add(st, clean, key, behind, id);
	free(clean);
	free(key);
	return rc;
}

enum store_rc dept_rename(struct store *st, store_id id, const char *name)
{
	char *clean, *key;
	enum store_rc rc = name_checked(st, name, "department name", &clean, &key);
	if (rc == STORE_OK)
		rc = store_dept_rename(st, id, clean, key);
	free(clean);
	free(key);
	return rc;
}

/* A name looked up is folded as it was typed: a name that could never be
 * kept finds nothing. */
enum store_rc dept_find(struct store *st, const char *name, struct dept *out)
{
	char *key = text_fold(name ? name : "");
	enum store_rc rc = store_dept_find(st, name ? name : "", key, out);
	free(key);
	return rc;
}

enum store_rc person_add(struct store *st, const struct person *p, store_id *id)
{
	char *clean, *key;
	enum store_rc rc = name_checked(st, p->name, "person's name", &clean, &key);
	if (rc == STORE_OK) {
		struct person kept = *p;
		kept.name = clean;
		rc = store_person_add(st, &kept, key, id);
	}
	free(clean);
	free(key);
	return rc;
}

enum store_rc person_update(struct store *st, const struct person *p)
{
	char *clean, *key;
	struct person old;
	enum store_rc rc = name_checked(st, p->name, "person's name", &clean, &key);
	if (rc == STORE_OK && (rc = store_person_get(st, p->id, &old)) == STORE_OK) {
		/* a move on the stakeholder map is kept with the rest, at once */
		bool moved = old.influence != p->influence || old.support != p->support;
		person_free(&old);
		struct person kept = *p;
		kept.name = clean;
		if ((rc = store_begin(st)) == STORE_OK) {
			rc = store_person_update(st, &kept, key);
			if (rc == STORE_OK && moved)
				rc = store_stance_history_add(st, p->id, p->influence, p->support,
							      clock_now());
			if (rc == STORE_OK)
				rc = store_commit(st);
			else
				store_rollback(st);
		}
	}
	free(clean);
	free(key);
	return rc;
}

enum store_rc person_find(struct store *st, const char *name, struct person *out)
{
	char *key = text_fold(name ? name : "");
	enum store_rc rc = store_person_find(st, name ? name : "", key, out);
	free(key);
	return rc;
}

enum store_rc template_add(struct store *st, const struct agenda_template *t, bool make_default,
			   store_id *id)
{
	char *clean, *key;
	enum store_rc rc = name_checked(st, t->name, "agenda name", &clean, &key);
	if (rc == STORE_OK) {
		struct agenda_template kept = *t;
		kept.name = clean;
		rc = store_template_add(st, &kept, key, make_default, id);
	}
	free(clean);
	free(key);
	return rc;
}

enum store_rc template_rename(struct store *st, store_id id, const char *name)
{
	char *clean, *key;
	enum store_rc rc = name_checked(st, name, "agenda name", &clean, &key);
	if (rc == STORE_OK)
		rc = store_template_rename(st, id, clean, key);
	free(clean);
	free(key);
	return rc;
}

enum store_rc template_copy(struct store *st, store_id id, const char *name, store_id *new_id)
{
	char *clean, *key;
	enum store_rc rc = name_checked(st, name, "agenda name", &clean, &key);
	if (rc == STORE_OK)
		rc = store_template_copy(st, id, clean, key, new_id);
	free(clean);
	free(key);
	return rc;
}

enum store_rc template_find(struct store *st, const char *name, store_id *id)
{
	char *key = text_fold(name ? name : "");
	enum store_rc rc = store_template_find(st, key, id);
	free(key);
	return rc;
}

enum store_rc council_add(struct store *st, const char *name)
{
	char *clean, *key;
	enum store_rc rc = name_checked(st, name, "council name", &clean, &key);
	if (rc == STORE_OK)
		rc = store_council_add(st, clean);
	free(clean);
	free(key);
	return rc;
}

enum store_rc council_rename(struct store *st, const char *name, const char *new_name)
{
	char *clean, *key;
	enum store_rc rc = name_checked(st, new_name, "council name", &clean, &key);
	if (rc != STORE_OK)
		return rc;
	struct council *c = NULL;
	size_t n = 0;
	char *found = NULL;
	if (store_council_list(st, &c, &n) == STORE_OK)
		for (size_t i = 0; i < n && !found; i++)
			if (text_ieq(c[i].name, name))
				found = xstrdup(c[i].name);
	council_list_free(c, n);
	rc = store_council_rename(st, found ? found : name, clean);
	free(found);
	free(clean);
	free(key);
	return rc;
}
