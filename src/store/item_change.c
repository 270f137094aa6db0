/* item_change.c - the events an update of an item implies (item_change.h). */
#include <stdlib.h>
#include <string.h>

#include "item_change.h"
#include "cxmeet/dates.h"
#include "cxmeet/util.h"

static bool str_differs(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") != 0;
}

static char *date_text(cx_date d)
{
	char buf[16];
	if (d == DATE_NONE)
		return NULL;
	date_format(d, buf, sizeof buf);
	return xstrdup(buf);
}

static char *dup_or_null(const char *s) { return s ? xstrdup(s) : NULL; }

size_t item_changes(const struct item *old, const struct item *new, const char *to_name,
		    struct item_change ev[ITEM_CHANGES_MAX])
{
	size_t n = 0;
	if (old->due != new->due)
		ev[n++] = (struct item_change){EVENT_DUE_MOVED, date_text(old->due),
					       date_text(new->due)};
	if (old->person_id != new->person_id)
		ev[n++] = (struct item_change){EVENT_REASSIGNED, dup_or_null(old->person_name),
					       dup_or_null(to_name)};
	struct strbuf fields;
	sb_init(&fields);
	if (str_differs(old->text, new->text))
		sb_add(&fields, "text ");
	if (str_differs(old->detail, new->detail))
		sb_add(&fields, "detail ");
	if (str_differs(old->rationale, new->rationale))
		sb_add(&fields, "rationale ");
	if (old->dept_id != new->dept_id)
		sb_add(&fields, "department ");
	if (old->revisit != new->revisit)
		sb_add(&fields, "revisit ");
	if (old->rank != new->rank)
		sb_add(&fields, "rank ");
	if (old->consent != new->consent)
		sb_add(&fields, "consent ");
	if (fields.len > 0) {
		fields.s[fields.len - 1] = '\0';
		/* the text it had, when the text changed; the fields changed */
		ev[n++] = (struct item_change){
			EVENT_EDITED, str_differs(old->text, new->text) ? xstrdup(old->text) : NULL,
			sb_take(&fields)};
	}
	sb_free(&fields);
	return n;
}

void item_changes_free(struct item_change *ev, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(ev[i].old_value);
		free(ev[i].new_value);
	}
}
