/* setup.h - the defaults shipped under data/ (departments, standard agenda)
 * and loading them into a new database. */
#ifndef CXMEET_SETUP_H
#define CXMEET_SETUP_H

#include <stdbool.h>
#include <stddef.h>

#include "cxmeet/store.h"

/* The data files, compiled in from data/. */
extern const char data_departments[];
extern const char data_agenda_standard[];

struct default_dept {
	char *name;
	bool behind;
};

/* Parses the departments file ("customer-facing NAME" / "behind-the-scenes NAME").
 * Returns 0, or -1 with "line N: ..." in err. */
int setup_parse_departments(const char *text, struct default_dept **out, size_t *n, char *err,
			    size_t errlen);
void setup_departments_free(struct default_dept *d, size_t n);

/* Makes sure the organisation exists: on a fresh database creates it (named
 * org_name, if given) with the default departments and the standard agenda, in
 * one transaction. On an existing one only renames it when org_name is given.
 * *created tells which happened. */
enum store_rc setup_ensure(struct store *st, const char *org_name, bool *created);

/* Sets one of the organisation's texts, cleaned: the name is required (a
 * name, text.h); the others are long texts, and blank clears them. A text
 * refused gives STORE_INVALID with the reason in store_errmsg. */
enum store_rc org_set_text(struct store *st, enum org_text f, const char *value);

#endif
