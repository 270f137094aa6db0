/* action_parts.h - the four parts of the action list, the same on every
 * backend (overdue; closed with no due date; the rest by due date; open with
 * no due date), and those a selection leaves without a row, so that no
 * backend asks its database for a part that cannot hold one. Private to
 * src/store. */
#ifndef CXMEET_STORE_ACTION_PARTS_H
#define CXMEET_STORE_ACTION_PARTS_H

#include "cxmeet/rows.h"

enum {
	ACTION_PART_LATE = 1u << 0,
	ACTION_PART_NODUE = 1u << 1,
	ACTION_PART_REST = 1u << 2,
	ACTION_PART_UNDATED = 1u << 3,
};

/* The parts (ACTION_PART_* bits) that selection f leaves empty. */
unsigned action_parts_empty(const struct action_select *f);

#endif
