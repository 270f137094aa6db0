/* cadence.c - parsing, printing and stepping the council's meeting cadence. */
#include <ctype.h>
#include <errno.h>
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
	"weekly, every two weeks, monthly, quarterly, or every N days (also every N "
	"weeks, every N months)";

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

/* Splits s into words; returns how many (at most max), or -1 if more. */
static int split_words(const char *s, char words[][16], int max)
{
	int n = 0;
	while (*s) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		size_t len = strcspn(s, " \t");
		if (n == max || len >= 16)
			return -1;
		memcpy(words[n], s, len);
		words[n++][len] = '\0';
		s += len;
	}
	return n;
}

/* "10", "10d", "10days": a count and an optional unit glued to it; also
 * "two" (as cadence_format writes it: "every two weeks") and "other". */
static int parse_count(const char *w, long *n, const char **unit)
{
	char *end;
	if (text_ieq(w, "two") || text_ieq(w, "other")) {
		*n = 2;
		*unit = w + strlen(w);
		return 0;
	}
	if (!isdigit((unsigned char)w[w[0] == '-']))
		return -1;
	errno = 0;
	*n = strtol(w, &end, 10);
	if (errno == ERANGE || *n > 100000 || *n < 0)
		*n = -1; /* reported as out of range below */
	*unit = end;
	return 0;
}

int cadence_parse(const char *s, struct cadence *out, char *err, size_t errlen)
{
	char words[4][16];
	int n = split_words(s ? s : "", words, 4);
	int i = 0;
	long count = 0;
	const char *unit = "";
	enum cadence_unit u;
	for (size_t k = 0; n == 1 && k < ARRAY_SIZE(named); k++) {
		if (text_ieq(words[0], named[k].word)) {
			*out = named[k].c;
			return 0;
		}
	}
	if (n >= 1 && text_ieq(words[0], "every"))
		i = 1;
	if (n > i && parse_count(words[i], &count, &unit) == 0) {
		const char *unit_word = *unit ? unit : (n == i + 2 ? words[i + 1] : "");
		int used = *unit ? i + 1 : i + 2;
		if (used == n && unit_parse(unit_word, &u) == 0) {
			if (count < 1 || count > unit_max[u]) {
				errf(err, errlen, "a cadence of %.*s %s is out of range (1 to %d)",
				     (int)(unit - words[i]), words[i], unit_word, unit_max[u]);
				return -1;
			}
			out->unit = u;
			out->n = (int)count;
			return 0;
		}
	}
	errf(err, errlen, "'%s' is not a cadence; use %s",
	     s && text_valid_utf8(s, strlen(s)) && strlen(s) < 64 ? s : "?", cadence_help);
	return -1;
}

void cadence_format(const struct cadence *c, char *buf, size_t len)
{
	/* The plain words: "biweekly" also means twice a week, so two weeks
	 * are "every two weeks", as the full-screen interface offers them. */
	for (size_t i = 0; i < ARRAY_SIZE(named); i++) {
		if (named[i].c.unit == c->unit && named[i].c.n == c->n && named[i].c.n != 2) {
			snprintf(buf, len, "%s", named[i].word);
			return;
		}
	}
	const char *unit = c->unit == CADENCE_DAYS	? text_plural(c->n, "day", "days")
			   : c->unit == CADENCE_WEEKS ? text_plural(c->n, "week", "weeks")
						      : text_plural(c->n, "month", "months");
	if (c->n == 2)
		snprintf(buf, len, "every two %s", unit);
	else
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
