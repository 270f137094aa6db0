/* model.c - stored names and labels of the domain's enums (model.h). */
#include <string.h>

#include "cxmeet/model.h"
#include "cxmeet/text.h"

static int lookup(const char *const *names, int n, const char *s)
{
	if (!s)
		return -1;
	/* Stored names are written as the table has them: matched exactly
	 * first (every row read parses one or two), then ignoring case. */
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	for (int i = 0; i < n; i++)
		if (text_ieq(names[i], s))
			return i;
	return -1;
}

#define NAME_TABLE(fn_name, fn_parse, type, count, ...) \
	static const char *const fn_name##_table[count] = {__VA_ARGS__}; \
	_Static_assert(sizeof fn_name##_table / sizeof fn_name##_table[0] == count, #type); \
	const char *fn_name(type v) \
	{ \
		return (int)v >= 0 && (int)v < count ? fn_name##_table[v] : "?"; \
	} \
	int fn_parse(const char *s) { return lookup(fn_name##_table, count, s); }

NAME_TABLE(item_kind_name, item_kind_parse_name, enum item_kind, ITEM_KIND_COUNT,
	   "decision", "action", "win", "story", "insight", "note", "parked", "message",
	   "topic")
NAME_TABLE(change_stage_name, change_stage_parse, enum change_stage, CHANGE_STAGE_COUNT,
	   "awareness", "desire", "knowledge", "ability", "reinforcement")
NAME_TABLE(item_status_name, item_status_parse, enum item_status, STATUS_COUNT,
	   "open", "done", "dropped", "closed")
NAME_TABLE(role_name, role_parse, enum role, ROLE_COUNT,
	   "sponsor", "lead", "champion", "member", "guest")
NAME_TABLE(event_kind_name, event_kind_parse, enum event_kind, EVENT_KIND_COUNT,
	   "created", "edited", "due_moved", "reassigned", "carried", "done", "reopened",
	   "dropped", "deleted", "superseded", "closed", "imported")
NAME_TABLE(link_kind_name, link_kind_parse, enum link_kind, LINK_KIND_COUNT,
	   "arose_from", "settles")
NAME_TABLE(meeting_status_name, meeting_status_parse, enum meeting_status,
	   MEETING_STATUS_COUNT, "in_progress", "completed", "abandoned")
NAME_TABLE(org_text_name, org_text_parse, enum org_text, ORG_TEXT_COUNT,
	   "name", "mission", "success", "vision", "goals", "roles", "prioritise",
	   "approvals", "ways")

static const char *const item_kind_labels[ITEM_KIND_COUNT] = {
	"decision", "action", "win", "story", "insight", "note", "parked topic",
	"message to another team", "talking point",
};

static const char *const item_kind_plurals[ITEM_KIND_COUNT] = {
	"decisions", "actions", "wins", "stories", "insights", "notes", "parked topics",
	"messages", "talking points",
};

const char *item_kind_plural(enum item_kind k, long long n)
{
	if ((int)k < 0 || k >= ITEM_KIND_COUNT)
		return "?";
	/* the labels but a message's, shorter in a count */
	return text_plural(n, k == ITEM_MESSAGE ? "message" : item_kind_labels[k],
			   item_kind_plurals[k]);
}

static const char *const event_kind_labels[EVENT_KIND_COUNT] = {
	"created", "edited", "due date moved", "reassigned", "carried to the next meeting",
	"done", "reopened", "dropped", "deleted", "superseded", "closed", "imported",
};

const char *event_kind_label(enum event_kind e)
{
	return (int)e >= 0 && e < EVENT_KIND_COUNT ? event_kind_labels[e] : "?";
}

bool actor_known(const char *actor)
{
	return actor && *actor && strcmp(actor, "unknown") != 0;
}

const char *item_kind_label(enum item_kind k)
{
	return (int)k >= 0 && k < ITEM_KIND_COUNT ? item_kind_labels[k] : "?";
}

/* "parked topic" and "message" are accepted as well as the stored names. */
int item_kind_parse(const char *s)
{
	int k = item_kind_parse_name(s);
	if (k >= 0 || !s)
		return k;
	if (text_ieq(s, "parked topic"))
		return ITEM_PARKED;
	if (text_ieq(s, "talking point"))
		return ITEM_TOPIC;
	return -1;
}

static const char *const org_labels[ORG_TEXT_COUNT] = {
	"Organisation", "CX mission", "CX success statement", "Vision",
	"Goals and objectives", "Roles and responsibilities", "How we prioritise",
	"Who needs to know, who approves", "How we work together",
};

static const char *const org_questions[ORG_TEXT_COUNT] = {
	"What is the organisation called?",
	"What experience should every customer have, every time, and how should they feel?",
	"What does success mean in business outcomes, and how is it measured?",
	"Where is the council taking the customer experience?",
	"What will the council achieve, and by when?",
	"Who does what on the council: sponsor, lead, champions, members?",
	"How does the council decide what comes first?",
	"Who must be told of decisions, and who must approve them?",
	"How does the council meet, decide and follow through together?",
};

const char *org_text_label(enum org_text t)
{
	return (int)t >= 0 && t < ORG_TEXT_COUNT ? org_labels[t] : "?";
}

const char *org_text_question(enum org_text t)
{
	return (int)t >= 0 && t < ORG_TEXT_COUNT ? org_questions[t] : "?";
}
