/* council_facts.c - what home, the council view and the first run share of
 * the council's state: the organisation, the roster findings, what the
 * set-up still lacks, and the choice of a cadence. A module of its own, so
 * that the first run does not borrow from the council view. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "screen.h"
#include "dialog.h"
#include "council_facts.h"
#include "cxmeet/cadence.h"
#include "cxmeet/util.h"

bool council_facts_load(struct tui *t, struct council_facts *f)
{
	memset(f, 0, sizeof *f);
	struct dept *d = NULL;
	struct person *p = NULL;
	size_t nd = 0, np = 0;
	if (store_org_get(t->st, &f->org) != STORE_OK)
		return false;
	f->have_org = true;
	if (store_dept_list(t->st, false, &d, &nd) == STORE_OK &&
	    store_person_list(t->st, false, 0, &p, &np) == STORE_OK) {
		f->nf = roster_check(d, nd, p, np, &f->findings);
		size_t members = roster_member_count(p, np);
		/* "No members" is said on its own; the rest count as findings. */
		council_missing_of(&f->org, members, members ? f->nf : f->nf - 1, &f->missing);
	}
	dept_list_free(d, nd);
	person_list_free(p, np);
	return true;
}

void roster_line(const struct council_facts *f, int i, int shown, int y, int x, int w)
{
	if (i == shown - 1 && (size_t)shown < f->nf) {
		char *more = roster_more_line(f->findings, f->nf, (size_t)i);
		draw_text_fit(y, x, more, w, theme(C_WARNING));
		free(more);
	} else {
		draw_text_fit(y, x, f->findings[i].message, w, theme(C_WARNING));
	}
}

void council_facts_free(struct council_facts *f)
{
	if (f->have_org)
		org_free(&f->org);
	roster_findings_free(f->findings, f->nf);
	memset(f, 0, sizeof *f);
}

static const struct cadence_choice choices[] = {
	{"weekly", {CADENCE_WEEKS, 1}},
	{"every two weeks", {CADENCE_WEEKS, 2}},
	{"monthly", {CADENCE_MONTHS, 1}},
	{"quarterly", {CADENCE_MONTHS, 3}},
	{"every N days...", {CADENCE_DAYS, 0}},
};

size_t cadence_choices(const struct cadence_choice **out)
{
	*out = choices;
	return ARRAY_SIZE(choices);
}

size_t cadence_choice_of(const struct cadence *c)
{
	size_t last = ARRAY_SIZE(choices) - 1;
	for (size_t i = 0; i < last; i++)
		if (choices[i].c.unit == c->unit && choices[i].c.n == c->n)
			return i;
	return last;
}

/* The number of days of a cadence "every N days", refused in the dialog in
 * words for this screen (core's message speaks of the command line); ctx:
 * the cadence, set when the number is good. */
static const char *check_days(const char *text, void *ctx, char *buf, size_t len)
{
	char *end, err[256];
	long n = strtol(text, &end, 10);
	bool whole = end != text && end[strspn(end, " ")] == '\0';
	char *spec = xasprintf("every %ld days", n);
	bool ok = whole && cadence_parse(spec, ctx, err, sizeof err) == 0;
	free(spec);
	if (ok)
		return NULL;
	snprintf(buf, len, "Type a whole number of days, from 1 to 366.");
	return buf;
}

bool cadence_choice_take(struct tui *t, size_t k, struct cadence *out)
{
	if (k >= ARRAY_SIZE(choices))
		return false;
	if (choices[k].c.n) {
		*out = choices[k].c;
		return true;
	}
	char *days = dialog_input(t, "Every how many days? (1-366)", "", check_days, out);
	if (!days)
		return false;
	free(days); /* check_days left the cadence in *out */
	return true;
}

bool pick_cadence(struct tui *t, const struct cadence *current, struct cadence *out)
{
	size_t n = ARRAY_SIZE(choices), now = current ? cadence_choice_of(current) : n;
	struct pick_option o[ARRAY_SIZE(choices)];
	for (size_t i = 0; i < n; i++)
		o[i] = (struct pick_option){(store_id)i + 1, (char *)choices[i].label,
					    i == now && choices[i].c.n ? (char *)"current" : NULL};
	int k = dialog_pick(t, "How often does the council meet?", o, n, "", NULL);
	return k >= 0 && cadence_choice_take(t, (size_t)k, out);
}
