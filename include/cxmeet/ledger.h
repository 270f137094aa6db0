/* ledger.h - the buy-in ledger: per department and quarter, how it takes
 * part in the council: meetings attended out of those held, actions it owns
 * and those done on time, wins credited, messages to it and those it
 * acknowledged, and its people's moves toward (and away from) support for
 * CX. Quarters are those of the stored (UTC) days, from `since`'s on.
 * A department grew (or slid) when its attendance share rose (or fell) by
 * LEDGER_SHIFT_POINTS or more from the quarter before the last to the last. */
#ifndef CXMEET_LEDGER_H
#define CXMEET_LEDGER_H

#include "cxmeet/store.h"

#define LEDGER_SHIFT_POINTS 20

struct ledger_line {
	int year, quarter;
	const struct dept *dept; /* in the ledger's depts */
	int64_t meetings, attended;
	int64_t actions, on_time, wins;
	int64_t messages, acked;
	int64_t support_up, support_down;
};

struct ledger {
	struct dept *depts; /* the active departments, by name */
	size_t n_depts;
	struct ledger_line *lines; /* quarter by quarter, then by department */
	size_t n;
	int n_quarters;
};

/* The ledger from since's quarter to today's, of one department (0: all). */
enum store_rc ledger_load(struct store *st, cx_date since, cx_date today, store_id dept,
			  struct ledger *out);
void ledger_free(struct ledger *l);

/* The first day of the quarter n-1 quarters before today's: the ledger of
 * the last n quarters, today's included. */
cx_date ledger_quarters_back(cx_date today, int n);

/* The attendance share of a line, in whole percent; -1 when no meeting was held. */
int ledger_attendance_pct(const struct ledger_line *l);
/* How the department of line `i` of the last quarter moved from the quarter
 * before: +1 grew, -1 slid, 0 neither (or not known); *from and *to get the
 * two shares. */
int ledger_shift(const struct ledger *l, size_t i, int *from, int *to);

#endif
