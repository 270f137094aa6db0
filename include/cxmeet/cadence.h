/* cadence.h - the agreed interval between council meetings. Pure C. */
#ifndef CXMEET_CADENCE_H
#define CXMEET_CADENCE_H

#include <stddef.h>
#include "cxmeet/dates.h"

enum cadence_unit {
	CADENCE_DAYS,
	CADENCE_WEEKS,
	CADENCE_MONTHS,
};

struct cadence {
	enum cadence_unit unit;
	int n; /* 1..366 days, 1..52 weeks, 1..12 months */
};

#define CADENCE_DEFAULT ((struct cadence){CADENCE_MONTHS, 1})

/* Accepts weekly, biweekly (or fortnightly), monthly, quarterly,
 * "every N days" (also "every N weeks", "every N months") and "Nd". */
int cadence_parse(const char *s, struct cadence *out, char *err, size_t errlen);
/* "weekly", "every 10 days", ... */
void cadence_format(const struct cadence *c, char *buf, size_t len);
cx_date cadence_next(const struct cadence *c, cx_date last);
/* Approximate length of one interval in days (months count as 30.44). */
double cadence_days(const struct cadence *c);

#endif
