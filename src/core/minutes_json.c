/* minutes_json.c - a meeting's minutes as one JSON object, for other
 * programs: every field, user text through json_string(). */
#include <stdbool.h>

#include "cxmeet/leaders.h"
#include "cxmeet/initiatives.h"
#include "cxmeet/scorecard.h"
#include "cxmeet/meeting.h"
#include "cxmeet/minutes.h"
#include "cxmeet/output.h"
#include "cxmeet/util.h"

#include "minutes_int.h"

static void json_meeting(struct minutes *mc)
{
	struct strbuf *sb = &mc->sb;
	bool f = true;
	const struct meeting *m = &mc->m;
	sb_add(sb, "  \"meeting\": {");
	json_member_int(sb, &f, "id", m->id);
	json_member_str(sb, &f, "organisation", mc->org.text[ORG_NAME]);
	json_member_date(sb, &f, "held_on", date_from_time(m->started_at));
	json_member_time(sb, &f, "started_at", m->started_at);
	json_member_time(sb, &f, "ended_at", m->ended_at);
	int length = meeting_length_minutes(m->started_at, m->ended_at);
	json_member(sb, &f, "minutes");
	if (length >= 0)
		sb_addf(sb, "%d", length);
	else
		sb_add(sb, "null");
	json_member_str(sb, &f, "status", meeting_status_name(m->status));
	json_member_id(sb, &f, "rating", m->rating);
	json_member_date(sb, &f, "next_meeting_on", m->next_meeting);
	json_member_str(sb, &f, "mission", mc->org.text[ORG_MISSION]);
	sb_add(sb, "},\n");
}

static void json_agenda(struct minutes *mc)
{
	struct strbuf *sb = &mc->sb;
	sb_add(sb, "  \"agenda\": [");
	for (size_t i = 0; i < mc->n_steps; i++) {
		const struct meeting_step *st = &mc->steps[i];
		bool f = true;
		sb_add(sb, i ? ",\n    {" : "\n    {");
		json_member_int(sb, &f, "position", st->position + 1);
		json_member_str(sb, &f, "title", st->title);
		json_member_str(sb, &f, "kind", step_kind_name(st->kind));
		json_member_int(sb, &f, "planned_minutes", st->planned_minutes);
		json_member_int(sb, &f, "actual_minutes", minutes_round(st->actual_seconds));
		json_member_int(sb, &f, "actual_seconds", st->actual_seconds);
		json_member_bool(sb, &f, "done", meeting_step_done(st, &mc->work));
		json_member_bool(sb, &f, "skipped", st->skipped);
		sb_add(sb, "}");
	}
	sb_add(sb, mc->n_steps ? "\n  ],\n" : "],\n");
}

/* One object per department present (attendees come sorted by department),
 * then the active departments nobody represented. */
static void json_attendance(struct minutes *mc)
{
	struct strbuf *sb = &mc->sb;
	const struct attendee *a = mc->att;
	sb_add(sb, "  \"attendance\": [");
	for (size_t i = 0; i < mc->n_att; i++) {
		if (i == 0 || a[i].dept_id != a[i - 1].dept_id) {
			bool f = true;
			sb_add(sb, i ? "]},\n    {" : "\n    {");
			json_member_str(sb, &f, "department", a[i].dept_name);
			json_member_bool(sb, &f, "customer_facing", !a[i].dept_behind);
			json_member(sb, &f, "people");
			sb_add(sb, "[");
		} else {
			sb_add(sb, ", ");
		}
		bool f = true;
		sb_add(sb, "{");
		json_member_int(sb, &f, "id", a[i].person_id);
		json_member_str(sb, &f, "name", a[i].name);
		json_member_str(sb, &f, "role", role_name(a[i].role));
		sb_add(sb, "}");
	}
	sb_add(sb, mc->n_att ? "]}\n  ],\n" : "],\n");
	sb_add(sb, "  \"not_represented\": [");
	size_t missing = 0;
	for (size_t i = 0; i < mc->n_depts; i++) {
		const struct dept *d = &mc->depts[i];
		if (d->archived || minutes_dept_present(d->id, a, mc->n_att))
			continue;
		sb_add(sb, missing++ ? ", " : "");
		json_string(sb, d->name);
	}
	sb_add(sb, "],\n");
	/* who will brief each of them, when named */
	sb_add(sb, "  \"briefers\": [");
	size_t named = 0;
	for (size_t i = 0; i < mc->n_depts; i++) {
		const struct dept *d = &mc->depts[i];
		const struct briefer *b = minutes_briefer(mc, d->id);
		if (!b || d->archived || minutes_dept_present(d->id, a, mc->n_att))
			continue;
		bool f = true;
		sb_add(sb, named++ ? ", {" : "{");
		json_member_str(sb, &f, "department", d->name);
		json_member_int(sb, &f, "person_id", b->person_id);
		json_member_str(sb, &f, "person", b->person_name);
		sb_add(sb, "}");
	}
	sb_add(sb, "],\n");
}

/* The members' ratings: each (person_id and person, as the export's
 * meeting_ratings name them), and their average and spread (lowest,
 * highest); count 0 and nulls when none rated. */
static void json_ratings(struct minutes *mc)
{
	struct strbuf *sb = &mc->sb;
	const struct rating_spread *r = &mc->spread;
	bool f = true;
	sb_add(sb, "  \"ratings\": {");
	json_member_int(sb, &f, "count", r->n);
	json_member(sb, &f, "average");
	if (r->n)
		sb_addf(sb, "%.2f", rating_average(r));
	else
		sb_add(sb, "null");
	json_member_id(sb, &f, "lowest", r->lo);
	json_member_id(sb, &f, "highest", r->hi);
	json_member(sb, &f, "members");
	sb_add(sb, "[");
	for (size_t i = 0; i < mc->n_ratings; i++) {
		bool g = true;
		sb_add(sb, i ? ", {" : "{");
		json_member_int(sb, &g, "person_id", mc->ratings[i].person_id);
		json_member_str(sb, &g, "person", mc->ratings[i].name);
		json_member_int(sb, &g, "rating", mc->ratings[i].rating);
		sb_add(sb, "}");
	}
	sb_add(sb, "]},\n");
}

static void json_item(struct strbuf *sb, const struct item *it);

/* A win of a chain: the item, and the measure it moved (null: none). */
static void json_chain_win(struct strbuf *sb, const struct chain_win *w)
{
	json_item(sb, &w->it);
	sb->len--; /* reopen the object */
	bool f = false;
	json_member_str(sb, &f, "measure", w->measure);
	sb_add(sb, "}");
}

/* "chain" of a story: the actions that arose from it, each with the wins
 * that came from it, and the wins credited to the story itself. */
static void json_chain(struct strbuf *sb, const struct story_chain *c)
{
	sb_add(sb, ", \"chain\": {\"actions\": [");
	for (size_t i = 0; i < c->n_actions; i++) {
		sb_add(sb, i ? ", {\"action\": " : "{\"action\": ");
		json_item(sb, &c->actions[i]);
		sb_add(sb, ", \"wins\": [");
		size_t shown = 0;
		for (size_t k = 0; k < c->n_wins; k++)
			if (c->wins[k].from_action == c->actions[i].id) {
				sb_add(sb, shown++ ? ", " : "");
				json_chain_win(sb, &c->wins[k]);
			}
		sb_add(sb, "]}");
	}
	sb_add(sb, "], \"wins\": [");
	size_t shown = 0;
	for (size_t k = 0; k < c->n_wins; k++)
		if (!c->wins[k].from_action) {
			sb_add(sb, shown++ ? ", " : "");
			json_chain_win(sb, &c->wins[k]);
		}
	sb_add(sb, "]}");
}

/* An item; a story with what it set going ("chain"). */
static void json_item_chain(struct minutes *mc, const struct item *it)
{
	json_item(&mc->sb, it);
	const struct story_chain *c = it->kind == ITEM_STORY ? minutes_chain(mc, it->id) : NULL;
	if (c) {
		mc->sb.len--; /* reopen the object */
		json_chain(&mc->sb, c);
		sb_add(&mc->sb, "}");
	}
}

static void json_item(struct strbuf *sb, const struct item *it)
{
	bool f = true;
	sb_add(sb, "{");
	json_member_int(sb, &f, "id", it->id);
	json_member_str(sb, &f, "kind", item_kind_name(it->kind));
	json_member_str(sb, &f, "text", it->text);
	json_member_str(sb, &f, "detail", it->detail);
	json_member_str(sb, &f, "rationale", it->rationale);
	json_member_id(sb, &f, "department_id", it->dept_id);
	json_member_str(sb, &f, "department", it->dept_name);
	json_member_id(sb, &f, "person_id", it->person_id);
	json_member_str(sb, &f, "person", it->person_name);
	json_member_date(sb, &f, "due_on", it->due);
	json_member_date(sb, &f, "revisit_on", it->revisit);
	json_member_str(sb, &f, "status", item_status_name(it->status));
	json_member_id(sb, &f, "superseded_by", it->superseded_by);
	json_member_int(sb, &f, "rank", it->rank);
	json_member_bool(sb, &f, "consent", it->consent);
	json_member_time(sb, &f, "created_at", it->created_at);
	json_member_time(sb, &f, "closed_at", it->closed_at);
	json_member_int(sb, &f, "slips", it->slips);
	json_member_int(sb, &f, "carried", it->carried);
	sb_add(sb, "}");
}

/* "items": one array per kind, in the order of the Markdown sections, keyed
 * by the kind's name ("decision", "action", ...), empty arrays included. */
static void json_items(struct minutes *mc)
{
	struct strbuf *sb = &mc->sb;
	sb_add(sb, "  \"items\": {");
	for (size_t k = 0; k < ARRAY_SIZE(minutes_sections); k++) {
		sb_addf(sb, "%s\n    \"%s\": [", k ? "," : "",
			item_kind_name(minutes_sections[k].kind));
		size_t shown = 0;
		for (size_t i = 0; i < mc->n_items; i++) {
			const struct item *it = &mc->items[i];
			if (it->kind != minutes_sections[k].kind || it->deleted_at)
				continue;
			sb_add(sb, shown++ ? ",\n      " : "\n      ");
			json_item_chain(mc, it);
		}
		sb_add(sb, shown ? "\n    ]" : "]");
	}
	sb_add(sb, "\n  },\n");
}

/* "scorecard": each measure in use with its last value of a period begun
 * by the meeting's day (null: none). */
static void json_scorecard(struct minutes *mc)
{
	struct strbuf *sb = &mc->sb;
	sb_add(sb, "  \"scorecard\": [");
	for (size_t i = 0; i < mc->n_measures; i++) {
		const struct measure *m = &mc->measures[i];
		char num[40];
		bool f = true;
		sb_add(sb, i ? ",\n    {" : "\n    {");
		json_member_int(sb, &f, "measure_id", m->id);
		json_member_str(sb, &f, "measure", m->name);
		json_member_str(sb, &f, "kind", measure_kind_name(m->kind));
		json_member_str(sb, &f, "department", m->dept_name);
		json_member_str(sb, &f, "unit", m->unit);
		json_member(sb, &f, "value");
		measure_value_text(m->value, num, sizeof num);
		sb_add(sb, m->has_value ? num : "null");
		json_member_date(sb, &f, "period_on", m->has_value ? m->value_on : DATE_NONE);
		json_member(sb, &f, "target");
		measure_value_text(m->target, num, sizeof num);
		sb_add(sb, m->has_target ? num : "null");
		json_member_str(sb, &f, "better", m->lower_is_better ? "lower" : "higher");
		json_member_str(sb, &f, "track", m->has_value ? measure_track_word(
					measure_on_track(m, m->value)) : NULL);
		sb_add(sb, "}");
	}
	sb_add(sb, mc->n_measures ? "\n  ],\n" : "],\n");
}

/* "initiatives": each initiative reviewed in the meeting, as reviewed. */
static void json_initiatives(struct minutes *mc)
{
	struct strbuf *sb = &mc->sb;
	sb_add(sb, "  \"initiatives\": [");
	for (size_t i = 0; i < mc->n_inits; i++) {
		const struct initiative_review *r = &mc->inits[i];
		const struct initiative *in = &mc->init_of[i];
		bool f = true;
		sb_add(sb, i ? ",\n    {" : "\n    {");
		json_member_int(sb, &f, "initiative_id", r->initiative_id);
		json_member_str(sb, &f, "initiative", r->title);
		json_member_str(sb, &f, "owner", in->person_name);
		json_member_str(sb, &f, "department", in->dept_name);
		json_member_date(sb, &f, "due_on", in->due);
		json_member_str(sb, &f, "track", initiative_track_word(r->track));
		json_member_str(sb, &f, "note", r->note);
		json_member_time(sb, &f, "reviewed_at", r->at);
		sb_add(sb, "}");
	}
	sb_add(sb, mc->n_inits ? "\n  ],\n" : "],\n");
}

/* "recorded_between": what was recorded between meetings for it, each item
 * with who recorded it and whether the meeting discussed it. */
static void json_between(struct minutes *mc)
{
	struct strbuf *sb = &mc->sb;
	sb_add(sb, "  \"recorded_between\": [");
	for (size_t i = 0; i < mc->n_between; i++) {
		const struct waiting_item *w = &mc->between[i];
		sb_add(sb, i ? ",\n    {\"item\": " : "\n    {\"item\": ");
		json_item_chain(mc, &w->it);
		bool f = false;
		json_member_str(sb, &f, "recorded_by",
				actor_known(w->recorded_by) ? w->recorded_by : NULL);
		json_member_bool(sb, &f, "discussed", w->discussed);
		sb_add(sb, "}");
	}
	sb_add(sb, mc->n_between ? "\n  ],\n" : "],\n");
}

static void json_review(struct minutes *mc)
{
	struct strbuf *sb = &mc->sb;
	size_t shown = 0;
	sb_add(sb, "  \"action_review\": [");
	for (size_t i = 0; i < mc->n_review; i++) {
		const struct review_event *r = &mc->review[i];
		if (r->item_kind != ITEM_ACTION)
			continue;
		bool f = true;
		sb_add(sb, shown++ ? ",\n    {" : "\n    {");
		json_member_int(sb, &f, "item_id", r->e.item_id);
		json_member_str(sb, &f, "item_text", r->item_text);
		json_member_str(sb, &f, "event", event_kind_name(r->e.kind));
		json_member_time(sb, &f, "changed_at", r->e.at);
		json_member_str(sb, &f, "changed_by", r->e.by);
		json_member_str(sb, &f, "old_value", r->e.old_value);
		json_member_str(sb, &f, "new_value", r->e.new_value);
		json_member_str(sb, &f, "reason", r->e.reason);
		sb_add(sb, "}");
	}
	sb_add(sb, shown ? "\n  ]\n" : "]\n");
}

enum store_rc minutes_json(struct store *st, store_id meeting, char **out)
{
	struct minutes mc = {.st = st};
	*out = NULL;
	sb_init(&mc.sb);
	enum store_rc rc = minutes_load(&mc, meeting);
	if (rc == STORE_OK) {
		sb_add(&mc.sb, "{\n");
		json_meeting(&mc);
		json_agenda(&mc);
		json_attendance(&mc);
		json_ratings(&mc);
		json_items(&mc);
		json_scorecard(&mc);
		json_initiatives(&mc);
		json_between(&mc);
		json_review(&mc);
		sb_add(&mc.sb, "}\n");
		*out = sb_take(&mc.sb);
	}
	minutes_unload(&mc);
	return rc;
}
