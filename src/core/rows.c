/* rows.c - freeing the rows of rows.h: no store is needed for it. */
#include <stdlib.h>

#include "cxmeet/rows.h"

void action_rows_free(struct action_row *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		item_free(&r[i].it);
		free(r[i].council);
	}
	free(r);
}

void attendees_free(struct attendee *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(a[i].name);
		free(a[i].dept_name);
	}
	free(a);
}

void review_events_free(struct review_event *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].e.by);
		free(e[i].e.old_value);
		free(e[i].e.new_value);
		free(e[i].e.reason);
		free(e[i].item_text);
	}
	free(e);
}

void window_steps_free(struct window_step *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(s[i].title);
	free(s);
}

void decision_rows_free(struct decision_row *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(r[i].dept_name);
		free(r[i].decider);
		free(r[i].text);
		free(r[i].rationale);
		free(r[i].superseded_text);
		free(r[i].council);
	}
	free(r);
}

void decision_links_free(struct decision_link *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(l[i].text);
	free(l);
}

void decision_refs_free(struct decision_ref *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(r[i].text);
		free(r[i].dept_name);
	}
	free(r);
}

void person_records_free(struct person_record *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		person_free(&r[i].p);
	free(r);
}

void meeting_summaries_free(struct meeting_summary *m, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(m[i].dept_names);
		free(m[i].dept_list);
	}
	free(m);
}

void message_rows_free(struct message_row *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(r[i].text);
		free(r[i].person_name);
		free(r[i].dept_name);
		free(r[i].acked_by);
	}
	free(r);
}

void search_hits_free(struct search_hit *h, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		item_free(&h[i].it);
		free(h[i].marked);
		free(h[i].council);
	}
	free(h);
}
