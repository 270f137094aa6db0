/* store_council.c - a file's one council: named after its organisation
 * ("council" while the organisation has no name). A file holds exactly one
 * council, so there is none to add, archive or grant; a server holds many. */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "cxmeet/util.h"

#define ONE_COUNCIL "a database file holds exactly one council; a PostgreSQL server holds many " \
	"(--db postgresql://...)"

/* The council's name, from the organisation's: caller frees. */
static enum store_rc council_name(struct store *st, char **name)
{
	struct org o;
	enum store_rc rc = sqlite_org_get(st, &o);
	if (rc == STORE_NOTFOUND) {
		*name = xstrdup("council");
		return STORE_OK;
	}
	if (rc != STORE_OK)
		return rc;
	*name = xstrdup(o.text[ORG_NAME] && *o.text[ORG_NAME] ? o.text[ORG_NAME] : "council");
	org_free(&o);
	return STORE_OK;
}

enum store_rc sqlite_council_current(struct store *st, struct council *out)
{
	memset(out, 0, sizeof *out);
	enum store_rc rc = council_name(st, &out->name);
	if (rc != STORE_OK)
		return rc;
	out->id = 1;
	out->member = true;
	out->current = true;
	return STORE_OK;
}

enum store_rc sqlite_council_list(struct store *st, struct council **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct council *c = xcalloc(1, sizeof *c);
	enum store_rc rc = sqlite_council_current(st, c);
	if (rc != STORE_OK) {
		free(c);
		return rc;
	}
	*out = c;
	*n = 1;
	return STORE_OK;
}

/* The file's council is the one named (as the caller found it), else
 * STORE_NO_COUNCIL, saying which there is. */
static enum store_rc is_ours(struct store *st, const char *name)
{
	char *ours;
	enum store_rc rc = council_name(st, &ours);
	if (rc != STORE_OK)
		return rc;
	if (strcmp(ours, name ? name : "") != 0)
		rc = store_failf(st, STORE_NO_COUNCIL, "no council named '%s': this file's one "
			"council is '%s'", name ? name : "", ours);
	free(ours);
	return rc;
}

enum store_rc sqlite_council_add(struct store *st, const char *name)
{
	(void)name;
	return store_failf(st, STORE_INVALID, "cannot add a council: " ONE_COUNCIL);
}

/* The council is the organisation: its new name is the organisation's. */
enum store_rc sqlite_council_rename(struct store *st, const char *name, const char *new_name)
{
	enum store_rc rc = is_ours(st, name);
	return rc == STORE_OK ? sqlite_org_set_text(st, ORG_NAME, new_name) : rc;
}

enum store_rc sqlite_council_archive(struct store *st, const char *name)
{
	(void)name;
	return store_failf(st, STORE_INVALID, "cannot archive a file's one council: " ONE_COUNCIL);
}

enum store_rc sqlite_council_grant(struct store *st, const char *name, const char *role)
{
	(void)name;
	(void)role;
	return store_failf(st, STORE_INVALID, "members are roles of a PostgreSQL server: "
		ONE_COUNCIL ", and whoever may open the file uses its council");
}

enum store_rc sqlite_council_revoke(struct store *st, const char *name, const char *role)
{
	return sqlite_council_grant(st, name, role);
}

/* The file's rows are all of its one council. */
enum store_rc sqlite_read_all_councils(struct store *st, bool on)
{
	(void)st;
	(void)on;
	return STORE_OK;
}
