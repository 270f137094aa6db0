/* store_org.c - the organisation row and the versioned history of its texts
 * (name, mission, success statement, charter answers). */
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "cxmeet/util.h"

static const char *cadence_unit_name(enum cadence_unit u)
{
	return u == CADENCE_DAYS ? "day" : u == CADENCE_WEEKS ? "week" : "month";
}

static enum cadence_unit cadence_unit_parse(const char *s)
{
	if (s && strcmp(s, "day") == 0)
		return CADENCE_DAYS;
	if (s && strcmp(s, "week") == 0)
		return CADENCE_WEEKS;
	return CADENCE_MONTHS;
}

enum store_rc sqlite_org_get(struct store *st, struct org *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = stmt_get(st, STMT_ORG_GET);
	enum store_rc rc = stmt_row(st, s, "reading the organisation");
	if (rc != STORE_OK) {
		sqlite3_reset(s);
		if (rc == STORE_NOTFOUND)
			store_failf(st, rc, "the organisation is not set up yet: run 'cxmeet init'");
		return rc;
	}
	for (int f = 0; f < ORG_TEXT_COUNT; f++)
		out->text[f] = col_text_or_empty(s, f);
	out->cadence.unit = cadence_unit_parse((const char *)sqlite3_column_text(s, 9));
	out->cadence.n = sqlite3_column_int(s, 10);
	out->escalate_after = sqlite3_column_int(s, 11);
	out->setup_step = sqlite3_column_int(s, 12);
	sqlite3_reset(s);

	s = stmt_get(st, STMT_ORG_VERSION_LAST);
	while ((rc = stmt_row(st, s, "reading the organisation's history")) == STORE_OK) {
		int f = org_text_parse((const char *)sqlite3_column_text(s, 0));
		if (f < 0)
			continue;
		free(out->changed_at[f]);
		free(out->changed_by[f]);
		out->changed_at[f] = col_text(s, 1);
		out->changed_by[f] = col_text(s, 2);
	}
	sqlite3_reset(s);
	if (rc != STORE_NOTFOUND) {
		org_free(out);
		return rc;
	}
	return STORE_OK;
}

static enum store_rc add_version(struct store *st, enum org_text f, const char *value)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ORG_VERSION_ADD);
	bind_text(s, 1, org_text_name(f));
	bind_text(s, 2, value);
	bind_now(st, s, 3);
	bind_text(s, 4, SQ(st)->actor);
	return stmt_exec(st, s, "recording the change");
}

enum store_rc sqlite_org_create(struct store *st, const char *name)
{
	enum store_rc rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	sqlite3_stmt *s = stmt_get(st, STMT_ORG_CREATE);
	bind_text(s, 1, name ? name : "");
	bind_now(st, s, 2);
	rc = stmt_exec(st, s, "creating the organisation");
	if (rc == STORE_OK && name && *name)
		rc = add_version(st, ORG_NAME, name);
	return tx_end(st, rc);
}

enum store_rc sqlite_org_set_text(struct store *st, enum org_text f, const char *value)
{
	if ((int)f < 0 || f >= ORG_TEXT_COUNT || !value)
		return store_failf(st, STORE_INVALID, "unknown organisation field");
	const char *clean = value;
	enum store_rc rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	sqlite3_stmt *s = stmt_get(st, STMT_ORG_SET_TEXT);
	bind_text(s, 1, org_text_name(f));
	bind_text(s, 2, clean);
	rc = stmt_update_one(st, s, "saving the organisation");
	if (rc == STORE_NOTFOUND)
		store_failf(st, rc, "the organisation is not set up yet: run 'cxmeet init'");
	if (rc == STORE_OK)
		rc = add_version(st, f, clean);
	return tx_end(st, rc);
}

enum store_rc sqlite_org_set_cadence(struct store *st, const struct cadence *c)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ORG_SET_CADENCE);
	bind_text(s, 1, cadence_unit_name(c->unit));
	bind_int(s, 2, c->n);
	return stmt_update_one(st, s, "saving the cadence");
}

enum store_rc sqlite_org_set_escalate_after(struct store *st, int n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ORG_SET_ESCALATE);
	bind_int(s, 1, n);
	return stmt_update_one(st, s, "saving the escalation limit");
}

enum store_rc sqlite_org_set_setup_step(struct store *st, int step)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ORG_SET_SETUP);
	bind_int(s, 1, step);
	return stmt_update_one(st, s, "saving the set-up progress");
}

static void read_version(sqlite3_stmt *s, void *elem)
{
	struct org_version *v = elem;
	v->body = col_text_or_empty(s, 0);
	v->changed_at = col_text(s, 1);
	v->changed_by = col_text(s, 2);
}

static void free_versions(void *arr, size_t n) { org_versions_free(arr, n); }

enum store_rc sqlite_org_history(struct store *st, enum org_text f, struct org_version **out,
				 size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ORG_HISTORY);
	bind_text(s, 1, org_text_name(f));
	enum store_rc rc = stmt_collect(st, s, (void **)out, n, sizeof **out, read_version,
					free_versions, "reading the history");
	for (size_t i = 0; rc == STORE_OK && i < *n; i++)
		(*out)[i].field = f;
	return rc;
}

