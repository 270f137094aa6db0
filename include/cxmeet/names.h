/* names.h - the names of departments, people and agendas as they are kept:
 * cleaned by the rule for names (text.h, TEXT_NAME) and compared by a
 * case-folded key, so that 'Zoë' and 'ZOË' are one person. Every write and
 * every look-up by name passes here; the store keeps what it is given. A
 * name refused gives STORE_INVALID with the reason in store_errmsg. */
#ifndef CXMEET_NAMES_H
#define CXMEET_NAMES_H

#include "cxmeet/store.h"

/* The clean name and its key, or STORE_INVALID (the reason, naming `what`,
 * in store_errmsg) and both NULL. Caller frees both. */
enum store_rc name_checked(struct store *st, const char *name, const char *what, char **clean,
			   char **key);

enum store_rc dept_add(struct store *st, const char *name, bool behind, store_id *id);
enum store_rc dept_rename(struct store *st, store_id id, const char *name);
/* Archived ones too. */
enum store_rc dept_find(struct store *st, const char *name, struct dept *out);

/* p->name is cleaned; the rest of p is written as it is. */
enum store_rc person_add(struct store *st, const struct person *p, store_id *id);
enum store_rc person_update(struct store *st, const struct person *p);
enum store_rc person_find(struct store *st, const char *name, struct person *out);

enum store_rc template_add(struct store *st, const struct agenda_template *t, bool make_default,
			   store_id *id);
enum store_rc template_rename(struct store *st, store_id id, const char *name);
/* A new template with the steps of id, under name. */
enum store_rc template_copy(struct store *st, store_id id, const char *name, store_id *new_id);
enum store_rc template_find(struct store *st, const char *name, store_id *id);

/* Councils: the new name is cleaned as every name is; the council renamed
 * is found by name without regard to case among those the session sees
 * (else the name goes to the store as typed, which says why it is not
 * there or not the role's to rename). */
enum store_rc council_add(struct store *st, const char *name);
enum store_rc council_rename(struct store *st, const char *name, const char *new_name);

#endif
