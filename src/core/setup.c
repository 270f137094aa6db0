/* setup.c - first-use set-up: the organisation row, the default departments
 * and the standard agenda from data/, written in one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/names.h"
#include "cxmeet/setup.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

void setup_departments_free(struct default_dept *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(d[i].name);
	free(d);
}

int setup_parse_departments(const char *text, struct default_dept **out, size_t *n, char *err,
			    size_t errlen)
{
	*out = NULL;
	*n = 0;
	int line = 0;
	const char *pos = text;
	while (*pos) {
		const char *nl = strchr(pos, '\n');
		size_t len = nl ? (size_t)(nl - pos) : strlen(pos);
		char *l = xstrndup(pos, len);
		pos = nl ? nl + 1 : pos + len;
		line++;
		char *s = l;
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0' || *s == '#') {
			free(l);
			continue;
		}
		bool behind;
		size_t skip;
		if (strncmp(s, "customer-facing ", 16) == 0)
			behind = false, skip = 16;
		else if (strncmp(s, "behind-the-scenes ", 18) == 0)
			behind = true, skip = 18;
		else {
			errf(err, errlen, "line %d: expected 'customer-facing NAME' or "
					  "'behind-the-scenes NAME'", line);
			free(l);
			setup_departments_free(*out, *n);
			*out = NULL, *n = 0;
			return -1;
		}
		char msg[200];
		char *name = text_clean(s + skip, TEXT_NAME, "department name", msg, sizeof msg);
		free(l);
		if (!name) {
			errf(err, errlen, "line %d: %s", line, msg);
			setup_departments_free(*out, *n);
			*out = NULL, *n = 0;
			return -1;
		}
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = (struct default_dept){.name = name, .behind = behind};
	}
	return 0;
}

static enum store_rc load_defaults(struct store *st)
{
	char err[256];
	struct default_dept *depts;
	size_t n;
	struct agenda_template agenda;
	if (setup_parse_departments(data_departments, &depts, &n, err, sizeof err) != 0)
		die("built-in departments: %s", err);
	if (agenda_parse(data_agenda_standard, &agenda, err, sizeof err) != 0)
		die("built-in agenda: %s", err);
	enum store_rc rc = STORE_OK;
	for (size_t i = 0; rc == STORE_OK && i < n; i++)
		rc = dept_add(st, depts[i].name, depts[i].behind, NULL);
	if (rc == STORE_OK)
		rc = template_add(st, &agenda, true, NULL);
	setup_departments_free(depts, n);
	agenda_free(&agenda);
	return rc;
}

enum store_rc setup_ensure(struct store *st, const char *org_name, bool *created)
{
	struct org org;
	*created = false;
	enum store_rc rc = store_org_get(st, &org);
	if (rc == STORE_OK) {
		bool rename = org_name && strcmp(org.text[ORG_NAME], org_name) != 0;
		org_free(&org);
		return rename ? org_set_text(st, ORG_NAME, org_name) : STORE_OK;
	}
	if (rc != STORE_NOTFOUND)
		return rc;
	rc = store_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = store_org_create(st, org_name ? org_name : "");
	if (rc == STORE_OK)
		rc = load_defaults(st);
	if (rc != STORE_OK) {
		store_rollback(st);
		return rc;
	}
	rc = store_commit(st);
	*created = rc == STORE_OK;
	return rc;
}

enum store_rc org_set_text(struct store *st, enum org_text f, const char *value)
{
	if ((int)f < 0 || f >= ORG_TEXT_COUNT || !value)
		return store_refuse(st, STORE_INVALID, "unknown organisation field");
	char err[256];
	char *clean = f == ORG_NAME ? text_clean(value, TEXT_NAME, "organisation name", err, sizeof err)
		      : strspn(value, " \t\r\n") == strlen(value) ? xstrdup("")
		      : text_clean(value, TEXT_LONG, org_text_label(f), err, sizeof err);
	if (!clean)
		return store_refuse(st, STORE_INVALID, err);
	enum store_rc rc = store_org_set_text(st, f, clean);
	free(clean);
	return rc;
}
