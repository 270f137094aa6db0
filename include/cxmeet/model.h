/* model.h - the words of the domain (DESIGN.md section 3) as enums, with their
 * stored names. The store keeps these names in text columns so the database
 * reads well to anyone who queries it; the tables that map both ways live
 * in core/model.c. */
#ifndef CXMEET_MODEL_H
#define CXMEET_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/* A record's id; 0 means "none". */
typedef int64_t store_id;

enum item_kind {
	ITEM_DECISION,
	ITEM_ACTION,
	ITEM_WIN,
	ITEM_STORY,
	ITEM_INSIGHT,
	ITEM_NOTE,
	ITEM_PARKED,
	ITEM_MESSAGE,
	ITEM_TOPIC, /* a talking point for the next meeting: open until a meeting discusses it */
	ITEM_KIND_COUNT
};

/* open: an action to do, a parked topic not settled, any other item in force.
 * done/dropped: an action's end. closed: a parked topic settled. */
enum item_status {
	STATUS_OPEN,
	STATUS_DONE,
	STATUS_DROPPED,
	STATUS_CLOSED,
	STATUS_COUNT
};

enum role {
	ROLE_SPONSOR,
	ROLE_LEAD,
	ROLE_CHAMPION,
	ROLE_MEMBER,
	ROLE_GUEST,
	ROLE_COUNT
};

enum event_kind {
	EVENT_CREATED,
	EVENT_EDITED,
	EVENT_DUE_MOVED,
	EVENT_REASSIGNED,
	EVENT_CARRIED,
	EVENT_DONE,
	EVENT_REOPENED,
	EVENT_DROPPED,
	EVENT_DELETED,
	EVENT_SUPERSEDED,
	EVENT_CLOSED,
	EVENT_IMPORTED, /* new_value: where from ("FILE, line N") */
	EVENT_KIND_COUNT
};

enum link_kind {
	LINK_AROSE_FROM, /* an action or decision that arose from a story, a decision... */
	LINK_SETTLES,    /* a decision that settled a parked topic */
	LINK_KIND_COUNT
};

enum meeting_status {
	MEETING_IN_PROGRESS,
	MEETING_COMPLETED,
	MEETING_ABANDONED,
	MEETING_STATUS_COUNT
};

/* The organisation's texts: name, mission, success statement and the six
 * charter answers, each kept with its earlier versions. */
enum org_text {
	ORG_NAME,
	ORG_MISSION,
	ORG_SUCCESS,
	ORG_VISION,
	ORG_GOALS,
	ORG_ROLES,
	ORG_PRIORITISE,
	ORG_APPROVALS,
	ORG_WAYS,
	ORG_TEXT_COUNT
};
#define CHARTER_FIRST ORG_VISION
#define CHARTER_COUNT 6

/* Where a person stands in a change, in order (ADKAR); CHANGE_UNSET: not
 * written. */
enum change_stage {
	CHANGE_UNSET = -1,
	CHANGE_AWARENESS,
	CHANGE_DESIRE,
	CHANGE_KNOWLEDGE,
	CHANGE_ABILITY,
	CHANGE_REINFORCEMENT,
	CHANGE_STAGE_COUNT
};
const char *change_stage_name(enum change_stage s);
int change_stage_parse(const char *s); /* -1 when unknown */

const char *item_kind_name(enum item_kind k);
const char *item_kind_label(enum item_kind k); /* "parked topic" */
/* The kind's word for n of them: "1 win", "2 talking points" (the number
 * not written). */
const char *item_kind_plural(enum item_kind k, long long n);
int item_kind_parse(const char *s);            /* -1 when unknown */
const char *item_status_name(enum item_status s);
int item_status_parse(const char *s);
const char *role_name(enum role r);
int role_parse(const char *s);
const char *event_kind_name(enum event_kind e);
/* The event in words, for people: "due date moved", "carried to the next
 * meeting" (event_kind_name is the stored name). */
const char *event_kind_label(enum event_kind e);
/* Whether a recorded actor names someone: not empty, and not the "unknown"
 * that earlier versions stored when $USER was not set. Unknown actors are
 * left out of what people read, never shown as "by unknown". */
bool actor_known(const char *actor);
int event_kind_parse(const char *s);
const char *link_kind_name(enum link_kind l);
int link_kind_parse(const char *s);
const char *meeting_status_name(enum meeting_status s);
int meeting_status_parse(const char *s);
const char *org_text_name(enum org_text t);  /* stored key: "vision" */
const char *org_text_label(enum org_text t); /* "Vision" / "CX mission" */
const char *org_text_question(enum org_text t); /* the question it answers */
int org_text_parse(const char *s);

#endif
