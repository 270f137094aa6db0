/* org.c - the council's organisation row and the versioned history of its
 * texts, on a PostgreSQL server (as src/store/sqlite/store_org.c). */
#include <stdlib.h>
#include <string.h>

#include "pg_int.h"
#include "cxmeet/dates.h"

static const char *cadence_unit_name(enum cadence_unit u)
{
	return u == CADENCE_DAYS ? "day" : u == CADENCE_WEEKS ? "week" : "month";
}

static enum cadence_unit cadence_unit_parse(const char *s)
{
	if (strcmp(s, "day") == 0)
		return CADENCE_DAYS;
	if (strcmp(s, "week") == 0)
		return CADENCE_WEEKS;
	return CADENCE_MONTHS;
}

static const char not_set_up[] = "the organisation is not set up yet: run 'cxmeet init'";

enum store_rc pg_org_get(struct store *st, struct org *out)
{
	memset(out, 0, sizeof *out);
	PGresult *r;
	enum store_rc rc = pg_row(st, PGS_ORG_GET, NULL, &r, "reading the organisation");
	if (rc == STORE_NOTFOUND)
		return pg_failf(st, rc, "%s", not_set_up);
	if (rc != STORE_OK)
		return rc;
	for (int f = 0; f < ORG_TEXT_COUNT; f++)
		out->text[f] = pgc_text_or_empty(r, 0, f);
	out->cadence.unit = cadence_unit_parse(PQgetvalue(r, 0, 9));
	out->cadence.n = (int)pgc_int(r, 0, 10);
	out->escalate_after = (int)pgc_int(r, 0, 11);
	out->setup_step = (int)pgc_int(r, 0, 12);
	PQclear(r);
	rc = pg_run(st, PGS_ORG_VERSION_LAST, NULL, &r, "reading the organisation's history");
	if (rc != STORE_OK) {
		org_free(out);
		return rc;
	}
	for (int i = 0; i < PQntuples(r); i++) {
		int f = org_text_parse(PQgetvalue(r, i, 0));
		if (f < 0)
			continue;
		out->changed_at[f] = pgc_text(r, i, 1);
		out->changed_by[f] = pgc_text(r, i, 2);
	}
	PQclear(r);
	return STORE_OK;
}

static enum store_rc add_version(struct store *st, enum org_text f, const char *value)
{
	struct pg_params p = {0};
	pp_text(&p, org_text_name(f));
	pp_text(&p, value);
	pp_time(&p, clock_now());
	pp_text(&p, PG(st)->actor);
	return pg_exec(st, PGS_ORG_VERSION_ADD, &p, "recording the change");
}

static enum store_rc org_create(struct store *st, void *ctx)
{
	const char *name = ctx;
	struct pg_params p = {0};
	pp_text(&p, name ? name : "");
	pp_time(&p, clock_now());
	enum store_rc rc = pg_exec(st, PGS_ORG_CREATE, &p, "creating the organisation");
	if (rc == STORE_OK && name && *name)
		rc = add_version(st, ORG_NAME, name);
	return rc;
}

enum store_rc pg_org_create(struct store *st, const char *name)
{
	return pg_tx_run(st, org_create, (void *)(uintptr_t)name);
}

struct set_text {
	enum org_text f;
	const char *value;
};

static enum store_rc org_set_text(struct store *st, void *ctx)
{
	const struct set_text *t = ctx;
	struct pg_params p = {0};
	pp_text(&p, org_text_name(t->f));
	pp_text(&p, t->value);
	enum store_rc rc = pg_update_one(st, PGS_ORG_SET_TEXT, &p, "saving the organisation");
	if (rc == STORE_NOTFOUND)
		pg_failf(st, rc, "%s", not_set_up);
	if (rc == STORE_OK)
		rc = add_version(st, t->f, t->value);
	return rc;
}

enum store_rc pg_org_set_text(struct store *st, enum org_text f, const char *value)
{
	if ((int)f < 0 || f >= ORG_TEXT_COUNT || !value)
		return pg_failf(st, STORE_INVALID, "unknown organisation field");
	struct set_text t = {f, value};
	return pg_tx_run(st, org_set_text, &t);
}

enum store_rc pg_org_set_cadence(struct store *st, const struct cadence *c)
{
	struct pg_params p = {0};
	pp_text(&p, cadence_unit_name(c->unit));
	pp_int(&p, c->n);
	return pg_update_one(st, PGS_ORG_SET_CADENCE, &p, "saving the cadence");
}

enum store_rc pg_org_set_escalate_after(struct store *st, int n)
{
	struct pg_params p = {0};
	pp_int(&p, n);
	return pg_update_one(st, PGS_ORG_SET_ESCALATE, &p, "saving the escalation limit");
}

enum store_rc pg_org_set_setup_step(struct store *st, int step)
{
	struct pg_params p = {0};
	pp_int(&p, step);
	return pg_update_one(st, PGS_ORG_SET_SETUP, &p, "saving the set-up progress");
}

static void read_version(const PGresult *r, int row, void *elem)
{
	struct org_version *v = elem;
	v->body = pgc_text_or_empty(r, row, 0);
	v->changed_at = pgc_text(r, row, 1);
	v->changed_by = pgc_text(r, row, 2);
}

enum store_rc pg_org_history(struct store *st, enum org_text f, struct org_version **out,
			     size_t *n)
{
	struct pg_params p = {0};
	pp_text(&p, org_text_name(f));
	enum store_rc rc = pg_collect(st, PGS_ORG_HISTORY, &p, (void **)out, n, sizeof **out,
				      read_version, "reading the history");
	for (size_t i = 0; rc == STORE_OK && i < *n; i++)
		(*out)[i].field = f;
	return rc;
}
