/* records.c - freeing the records of records.h: no store is needed for it. */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/records.h"
#include "cxmeet/text.h"

void council_free(struct council *c)
{
	if (!c)
		return;
	free(c->name);
	memset(c, 0, sizeof *c);
}

void council_list_free(struct council *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		council_free(&c[i]);
	free(c);
}

void org_free(struct org *o)
{
	for (int f = 0; f < ORG_TEXT_COUNT; f++) {
		free(o->text[f]);
		free(o->changed_at[f]);
		free(o->changed_by[f]);
	}
	memset(o, 0, sizeof *o);
}

void org_versions_free(struct org_version *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].body);
		free(v[i].changed_at);
		free(v[i].changed_by);
	}
	free(v);
}

void dept_free(struct dept *d)
{
	if (!d)
		return;
	free(d->name);
	memset(d, 0, sizeof *d);
}

void dept_list_free(struct dept *d, size_t n)
{
	for (size_t i = 0; i < n; i++)
		dept_free(&d[i]);
	free(d);
}

void person_free(struct person *p)
{
	if (!p)
		return;
	free(p->name);
	free(p->dept_name);
	free(p->email);
	memset(p, 0, sizeof *p);
}

void person_profile_free(struct person_profile *p)
{
	free(p->values);
	free(p->kpi);
	free(p->next_step);
	memset(p, 0, sizeof *p);
	p->stage = CHANGE_UNSET;
}

void stance_changes_free(struct stance_change *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(c[i].by);
	free(c);
}

void measure_list_free(struct measure *m, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(m[i].name);
		free(m[i].dept_name);
		free(m[i].person_name);
		free(m[i].unit);
	}
	free(m);
}

void measure_values_free(struct measure_value *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].entered_by);
	free(v);
}

static const char *const track_names[TRACK_COUNT] = {"on", "off", "done", "dropped"};

const char *initiative_track_name(enum initiative_track t)
{
	return (unsigned)t < TRACK_COUNT ? track_names[t] : "on";
}

int initiative_track_parse(const char *s)
{
	static const struct {
		const char *word;
		enum initiative_track t;
	} also[] = {{"on-track", TRACK_ON},  {"on track", TRACK_ON},   {"off-track", TRACK_OFF},
		    {"off track", TRACK_OFF}, {"drop", TRACK_DROPPED}};
	if (!s)
		return -1;
	for (int i = 0; i < TRACK_COUNT; i++)
		if (text_ieq(s, track_names[i]))
			return i;
	for (size_t i = 0; i < sizeof also / sizeof also[0]; i++)
		if (text_ieq(s, also[i].word))
			return (int)also[i].t;
	return -1;
}

void initiative_free(struct initiative *in)
{
	free(in->title);
	free(in->dept_name);
	free(in->person_name);
	free(in->last_note);
	memset(in, 0, sizeof *in);
}

void initiatives_free(struct initiative *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		initiative_free(&v[i]);
	free(v);
}

void milestones_free(struct milestone *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].title);
	free(v);
}

void initiative_reviews_free(struct initiative_review *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].note);
		free(v[i].by);
	}
	free(v);
}

void member_ratings_free(struct member_rating *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(r[i].name);
	free(r);
}

void briefers_free(struct briefer *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(b[i].dept_name);
		free(b[i].person_name);
	}
	free(b);
}

void focus_free(struct focus *f)
{
	free(f->dept_name);
	free(f->plan);
	free(f->next_step);
	memset(f, 0, sizeof *f);
}

void person_list_free(struct person *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		person_free(&p[i]);
	free(p);
}

void template_list_free(struct template_info *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(t[i].name);
	free(t);
}

void meeting_hold_free(struct meeting_hold *h)
{
	free(h->user);
	free(h->host);
	memset(h, 0, sizeof *h);
}

void meeting_draft_free(struct meeting_draft *d)
{
	free(d->text);
	free(d->detail);
	memset(d, 0, sizeof *d);
}

void meeting_work_free(struct meeting_work *w)
{
	free(w->items);
	memset(w, 0, sizeof *w);
}

void meeting_steps_free(struct meeting_step *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(s[i].title);
		free(s[i].prompt);
	}
	free(s);
}

void item_free(struct item *it)
{
	if (!it)
		return;
	free(it->text);
	free(it->detail);
	free(it->rationale);
	free(it->dept_name);
	free(it->person_name);
	memset(it, 0, sizeof *it);
}

void item_list_free(struct item *it, size_t n)
{
	for (size_t i = 0; i < n; i++)
		item_free(&it[i]);
	free(it);
}

void waiting_items_free(struct waiting_item *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		item_free(&w[i].it);
		free(w[i].recorded_by);
	}
	free(w);
}

void item_events_free(struct item_event *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].by);
		free(e[i].old_value);
		free(e[i].new_value);
		free(e[i].reason);
	}
	free(e);
}

/* --- the names of a measure's kind and frequency ----------------------- */

static const char *const freq_names[FREQ_COUNT] = {"meeting", "weekly", "monthly", "quarterly"};
static const char *const freq_alias[FREQ_COUNT] = {"each-meeting", "week", "month", "quarter"};

const char *measure_freq_name(enum measure_freq f)
{
	return f >= 0 && f < FREQ_COUNT ? freq_names[f] : freq_names[0];
}

int measure_freq_parse(const char *s)
{
	for (int f = 0; s && f < FREQ_COUNT; f++)
		if (text_ieq(s, freq_names[f]) || text_ieq(s, freq_alias[f]))
			return f;
	return -1;
}

const char *measure_kind_name(enum measure_kind k)
{
	return k == MEASURE_SUCCESS ? "success" : "kpi";
}

int measure_kind_parse(const char *s)
{
	if (s && text_ieq(s, "success"))
		return MEASURE_SUCCESS;
	if (s && text_ieq(s, "kpi"))
		return MEASURE_KPI;
	return -1;
}
