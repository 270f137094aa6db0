/* names.c - names cleaned and keyed before the store keeps them (names.h). */
#include <stdlib.h>

#include "cxmeet/names.h"
#include "cxmeet/text.h"

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
	enum store_rc rc = name_checked(st, p->name, "person's name", &clean, &key);
	if (rc == STORE_OK) {
		struct person kept = *p;
		kept.name = clean;
		rc = store_person_update(st, &kept, key);
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
