/* cadence.c - parsing, printing and stepping the council's meeting cadence. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/cadence.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

static const struct {
	const char *word;
	struct cadence c;
} named[] = {
	{"daily", {CADENCE_DAYS, 1}},       {"weekly", {CADENCE_WEEKS, 1}},
	{"biweekly", {CADENCE_WEEKS, 2}},   {"fortnightly", {CADENCE_WEEKS, 2}},
	{"monthly", {CADENCE_MONTHS, 1}},   {"bimonthly", {CADENCE_MONTHS, 2}},
	{"quarterly", {CADENCE_MONTHS, 3}},
};

static const int unit_max[] = {[CADENCE_DAYS] = 366, [CADENCE_WEEKS] = 52,
			       [CADENCE_MONTHS] = 12};

static const char cadence_help[] =
	"weekly, biweekly, monthly, quarterly, or every N days (also every N weeks, "
	"every N months)";

static int unit_parse(const char *s, enum cadence_unit *u)
{
	if (text_ieq(s, "d") || text_ieq(s, "day") || text_ieq(s, "days"))
		*u = CADENCE_DAYS;
	else if (text_ieq(s, "w") || text_ieq(s, "week") || text_ieq(s, "weeks"))
		*u = CADENCE_WEEKS;
	else if (text_ieq(s, "m") || text_ieq(s, "month") || text_ieq(s, "months"))
		*u = CADENCE_MONTHS;
	else
		return -1;
	return 0;
}

int cadence_parse(const char *s, struct cadence *out, char *err, size_t errlen)
{
	char word[16] = "", unit[16] = "", extra[2] = "";
	int n = 0, consumed = 0;
	if (!s)
		s = "";
	for (size_t i = 0; i < ARRAY_SIZE(named); i++) {
		char tmp[32];
		if (sscanf(s, " %31s %1s", tmp, extra) == 1 && text_ieq(tmp, named[i].word)) {
			*out = named[i].c;
			return 0;
		}
	}
	/* "every N days" or "N days" or "Nd" */
	const char *p = s;
	if (sscanf(p, " %15s%n", word, &consumed) == 1 && text_ieq(word, "every"))
		p += consumed;
	enum cadence_unit u;
	if ((sscanf(p, " %d %15[a-zA-Z] %1s", &n, unit, extra) == 2 ||
	     sscanf(p, " %d%15[a-zA-Z] %1s", &n, unit, extra) == 2) &&
	    unit_parse(unit, &u) == 0) {
		if (n < 1 || n > unit_max[u]) {
			errf(err, errlen, "a cadence of %d %s is out of range (1 to %d)", n, unit,
			     unit_max[u]);
			return -1;
		}
		out->unit = u;
		out->n = n;
		return 0;
	}
	errf(err, errlen, "'%s' is not a cadence; use %s",
	     text_valid_utf8(s, strlen(s)) && strlen(s) < 64 ? s : "?", cadence_help);
	return -1;
}

void cadence_format(const struct cadence *c, char *buf, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(named); i++) {
		if (named[i].c.unit == c->unit && named[i].c.n == c->n &&
		    strcmp(named[i].word, "fortnightly") != 0) {
			snprintf(buf, len, "%s", named[i].word);
			return;
		}
	}
	const char *unit = c->unit == CADENCE_DAYS ? "days" : c->unit == CADENCE_WEEKS ? "weeks"
										       : "months";
	snprintf(buf, len, "every %d %s", c->n, unit);
}

cx_date cadence_next(const struct cadence *c, cx_date last)
{
	switch (c->unit) {
	case CADENCE_DAYS:
		return last + c->n;
	case CADENCE_WEEKS:
		return last + 7 * c->n;
	case CADENCE_MONTHS:
	default:
		return date_add_months(last, c->n);
	}
}

double cadence_days(const struct cadence *c)
{
	switch (c->unit) {
	case CADENCE_DAYS:
		return c->n;
	case CADENCE_WEEKS:
		return 7.0 * c->n;
	case CADENCE_MONTHS:
	default:
		return 30.44 * c->n;
	}
}
