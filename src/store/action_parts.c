/* action_parts.c - the parts of the action list a selection leaves empty
 * (action_parts.h). */
#include "action_parts.h"

/* By the conditions the parts' statements test: the open actions due before
 * today, the closed ones with no due date, the open ones due today or later
 * and the closed ones with a due date, the open ones with no due date. A
 * range of due dates takes no action without one. */
unsigned action_parts_empty(const struct action_select *f)
{
	cx_date from = f->from, before = f->before;
	bool open = f->status < 0 || f->status == STATUS_OPEN;
	bool closed = f->status < 0 || f->status != STATUS_OPEN;
	unsigned empty = 0;
	if (!open)
		empty |= ACTION_PART_LATE | ACTION_PART_UNDATED;
	if (!closed || from != DATE_NONE || before != DATE_NONE)
		empty |= ACTION_PART_NODUE;
	if (from != DATE_NONE || before != DATE_NONE)
		empty |= ACTION_PART_UNDATED;
	if (f->today != DATE_NONE && from != DATE_NONE && from >= f->today)
		empty |= ACTION_PART_LATE;
	if (!closed && f->today != DATE_NONE && before != DATE_NONE && before <= f->today)
		empty |= ACTION_PART_REST;
	return empty;
}
