/* roster.c - the roster check (who is missing from the council) and the list
 * of what the organisation has not set up yet. Pure C, on structs only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/roster.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

bool setup_pending(int step) { return step > SETUP_NOT_STARTED && step < SETUP_DONE; }

static bool is_member(const struct person *p) { return !p->archived && p->role != ROLE_GUEST; }

size_t roster_member_count(const struct person *people, size_t np)
{
	size_t n = 0;
	for (size_t i = 0; i < np; i++)
		n += is_member(&people[i]);
	return n;
}

static bool has_role(const struct person *people, size_t np, enum role r)
{
	for (size_t i = 0; i < np; i++)
		if (is_member(&people[i]) && people[i].role == r)
			return true;
	return false;
}

static bool dept_covered(const struct person *people, size_t np, store_id dept)
{
	for (size_t i = 0; i < np; i++)
		if (is_member(&people[i]) && people[i].dept_id == dept)
			return true;
	return false;
}

static void add(struct roster_finding **out, size_t *n, enum roster_kind kind,
		const struct dept *dept, char *message)
{
	*out = xrealloc(*out, (*n + 1) * sizeof **out);
	(*out)[(*n)++] = (struct roster_finding){kind, dept ? dept->id : 0, message,
						 dept ? xstrdup(dept->name) : NULL};
}

size_t roster_check(const struct dept *depts, size_t nd, const struct person *people, size_t np,
		    struct roster_finding **out)
{
	size_t n = 0;
	*out = NULL;
	/* With no member at all, "no sponsor" and "no lead" would only repeat it. */
	if (roster_member_count(people, np) == 0) {
		add(out, &n, ROSTER_NO_MEMBERS, NULL, xstrdup("The council has no members yet"));
	} else {
		if (!has_role(people, np, ROLE_SPONSOR))
			add(out, &n, ROSTER_NO_SPONSOR, NULL,
			    xstrdup("The council has no executive sponsor"));
		if (!has_role(people, np, ROLE_LEAD))
			add(out, &n, ROSTER_NO_LEAD, NULL, xstrdup("The council has no lead"));
	}
	for (size_t i = 0; i < nd; i++)
		if (!depts[i].archived && !dept_covered(people, np, depts[i].id))
			add(out, &n, ROSTER_DEPT_EMPTY, &depts[i],
			    xasprintf("%s has no council member", depts[i].name));
	return n;
}

void roster_findings_free(struct roster_finding *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(f[i].message);
		free(f[i].dept_name);
	}
	free(f);
}

char *roster_more_line(const struct roster_finding *f, size_t n, size_t from)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "and %zu more:", from < n ? n - from : 0);
	bool depts = false;
	for (size_t i = from; i < n; i++) {
		/* The other findings come first (in the order of their kinds), then
		 * the departments, named together. */
		const char *sep = i == from ? " " : "; ";
		if (f[i].kind != ROSTER_DEPT_EMPTY)
			sb_addf(&sb, "%s%s", sep, f[i].message);
		else if (depts)
			sb_addf(&sb, ", %s", f[i].dept_name);
		else
			sb_addf(&sb, "%sno council member in %s", sep, f[i].dept_name);
		depts = depts || f[i].kind == ROSTER_DEPT_EMPTY;
	}
	return sb_take(&sb);
}

static bool blank(const char *s) { return !s || s[strspn(s, " \t\r\n")] == '\0'; }

void council_missing_of(const struct org *org, size_t members, size_t findings,
			struct council_missing *out)
{
	memset(out, 0, sizeof *out);
	out->name = blank(org->text[ORG_NAME]);
	out->mission = blank(org->text[ORG_MISSION]);
	out->success = blank(org->text[ORG_SUCCESS]);
	for (int f = CHARTER_FIRST; f < CHARTER_FIRST + CHARTER_COUNT; f++)
		out->charter_empty += blank(org->text[f]);
	out->members = members == 0;
	out->findings = findings;
}

bool council_missing_any(const struct council_missing *m)
{
	return m->name || m->mission || m->success || m->charter_empty || m->members ||
	       m->findings;
}

/* Appends ", part" (or "part" first) to buf, within len. */
static void append(char *buf, size_t len, const char *part)
{
	size_t used = strlen(buf);
	if (used + 1 >= len)
		return;
	snprintf(buf + used, len - used, "%s%s", used ? ", " : "", part);
}

void council_missing_format(const struct council_missing *m, char *buf, size_t len)
{
	char part[64];
	if (len == 0)
		return;
	buf[0] = '\0';
	if (m->name)
		append(buf, len, "organisation name");
	if (m->mission)
		append(buf, len, "CX mission");
	if (m->success)
		append(buf, len, "CX success statement");
	if (m->charter_empty) {
		snprintf(part, sizeof part, "%d %s", m->charter_empty,
			 text_plural(m->charter_empty, "charter answer", "charter answers"));
		append(buf, len, part);
	}
	if (m->members)
		append(buf, len, "council members");
	if (m->findings) {
		snprintf(part, sizeof part, "%zu %s", m->findings,
			 text_plural((long long)m->findings, "roster finding", "roster findings"));
		append(buf, len, part);
	}
}

size_t roster_dept_first(struct person *people, size_t np, store_id dept)
{
	if (!dept || np == 0)
		return 0;
	struct person *sorted = xcalloc(np, sizeof *sorted);
	size_t k = 0;
	for (size_t i = 0; i < np; i++)
		if (people[i].dept_id == dept)
			sorted[k++] = people[i];
	size_t ours = k;
	for (size_t i = 0; i < np; i++)
		if (people[i].dept_id != dept)
			sorted[k++] = people[i];
	memcpy(people, sorted, np * sizeof *people);
	free(sorted);
	return ours;
}

store_id roster_dept_for_person(store_id chosen, const struct person *p)
{
	return chosen ? chosen : p ? p->dept_id : 0;
}
