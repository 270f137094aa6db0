/* tables.c - the tables a store keeps, parents first, with their columns in
 * the file's order (store.h, store_tables): what `cxmeet copy` moves from
 * one store to another, the one list both backends read and write by. */
#include "cxmeet/store.h"
#include "cxmeet/util.h"

#define T SCOL_TEXT
#define I SCOL_INT
#define TM SCOL_TIME
#define D SCOL_DATE
#define B SCOL_BOOL
#define R SCOL_REAL

static const struct store_column organisation[] = {
	{"id", I}, {"name", T}, {"mission", T}, {"success", T}, {"vision", T}, {"goals", T},
	{"roles", T}, {"prioritise", T}, {"approvals", T}, {"ways", T}, {"cadence_unit", T},
	{"cadence_n", I}, {"escalate_after", I}, {"setup_step", I}, {"created_at", TM},
};
static const struct store_column org_text_versions[] = {
	{"id", I}, {"field", T}, {"body", T}, {"changed_at", TM}, {"changed_by", T},
};
static const struct store_column departments[] = {
	{"id", I}, {"name", T}, {"name_key", T}, {"facing", T}, {"created_at", TM},
	{"archived_at", TM},
};
static const struct store_column people[] = {
	{"id", I}, {"name", T}, {"name_key", T}, {"department_id", I}, {"role", T},
	{"email", T}, {"influence", T}, {"support", T}, {"created_at", TM}, {"archived_at", TM},
};
static const struct store_column agenda_templates[] = {
	{"id", I}, {"name", T}, {"name_key", T}, {"is_default", B}, {"created_at", TM},
	{"archived_at", TM},
};
static const struct store_column agenda_template_steps[] = {
	{"id", I}, {"template_id", I}, {"position", I}, {"title", T}, {"kind", T},
	{"minutes", I}, {"prompt", T},
};
static const struct store_column meetings[] = {
	{"id", I}, {"template_id", I}, {"status", T}, {"started_at", TM}, {"ended_at", TM},
	{"facilitator_id", I}, {"rating", I}, {"next_meeting_on", D}, {"current_step", I},
	{"seq", I},
};
static const struct store_column meeting_steps[] = {
	{"id", I}, {"meeting_id", I}, {"position", I}, {"title", T}, {"kind", T},
	{"planned_minutes", I}, {"prompt", T}, {"actual_seconds", I}, {"done", B},
	{"skipped", B},
};
static const struct store_column attendance[] = {
	{"meeting_id", I}, {"person_id", I}, {"department_id", I}, {"present", B},
};
static const struct store_column items[] = {
	{"id", I}, {"kind", T}, {"text", T}, {"detail", T}, {"rationale", T},
	{"department_id", I}, {"person_id", I}, {"due_on", D}, {"revisit_on", D},
	{"superseded_by", I}, {"rank", I}, {"status", T}, {"consent", B}, {"meeting_id", I},
	{"step_id", I}, {"created_at", TM}, {"updated_at", TM}, {"closed_at", TM},
	{"deleted_at", TM}, {"carry_from", I}, {"discussed_in", I}, {"measure_id", I},
};
static const struct store_column item_links[] = {
	{"from_item", I}, {"to_item", I}, {"kind", T}, {"created_at", TM},
};
static const struct store_column item_events[] = {
	{"id", I}, {"item_id", I}, {"event", T}, {"at", TM}, {"meeting_id", I}, {"by", T},
	{"old_value", T}, {"new_value", T}, {"reason", T},
};
static const struct store_column person_profiles[] = {
	{"person_id", I}, {"values_text", T}, {"kpi_text", T}, {"change_stage", T},
	{"next_step", T}, {"updated_at", TM},
};
static const struct store_column stance_history[] = {
	{"id", I}, {"person_id", I}, {"influence", T}, {"support", T}, {"changed_at", TM},
	{"changed_by", T},
};
static const struct store_column measures[] = {
	{"id", I}, {"name", T}, {"name_key", T}, {"kind", T}, {"department_id", I},
	{"person_id", I}, {"unit", T}, {"direction", T}, {"target", R}, {"created_at", TM},
	{"archived_at", TM}, {"frequency", T},
};
static const struct store_column measure_values[] = {
	{"id", I}, {"measure_id", I}, {"period_on", D}, {"value", R}, {"entered_at", TM},
	{"entered_by", T},
};
static const struct store_column initiatives[] = {
	{"id", I}, {"title", T}, {"title_key", T}, {"department_id", I}, {"person_id", I},
	{"due_on", D}, {"track", T}, {"created_at", TM},
};
static const struct store_column initiative_milestones[] = {
	{"id", I}, {"initiative_id", I}, {"title", T}, {"due_on", D}, {"done_on", D},
	{"created_at", TM},
};
static const struct store_column initiative_reviews[] = {
	{"id", I}, {"initiative_id", I}, {"meeting_id", I}, {"track", T}, {"note", T},
	{"reviewed_at", TM}, {"reviewed_by", T},
};
static const struct store_column meeting_ratings[] = {
	{"meeting_id", I}, {"person_id", I}, {"rating", I}, {"rated_at", TM},
};
static const struct store_column meeting_briefers[] = {
	{"meeting_id", I}, {"department_id", I}, {"person_id", I}, {"set_at", TM},
};
static const struct store_column focus[] = {
	{"id", I}, {"department_id", I}, {"plan", T}, {"next_step", T}, {"since_on", D},
};
static const struct store_column message_recipients[] = {
	{"id", I}, {"item_id", I}, {"department_id", I}, {"acked_at", TM}, {"acked_by", T},
	{"ack_meeting_id", I},
};
/* The draft of a capture form in a meeting in progress: the meeting is
 * copied in progress, its draft with it. Its hold (meeting_holds) is the
 * running instance's on the source, not copied: on the destination the
 * meeting is taken over as one whose holder is gone. */
static const struct store_column meeting_drafts[] = {
	{"meeting_id", I}, {"step_id", I}, {"kind", T}, {"text", T}, {"detail", T},
	{"saved_at", TM},
};

#define TABLE(t, ...) {.name = #t, .cols = t, .ncols = ARRAY_SIZE(t), __VA_ARGS__}
#define BY_FIRST .key = {0}, .nkey = 1

/* The natural keys follow the unique constraints of both schemas, so that a
 * merge never writes a row that one of them refuses; a table without one
 * (histories, events) is matched by its references and its times. */
const struct store_table store_tables[] = {
	TABLE(organisation, BY_FIRST, .one_row = true, .late = -1, .same = ""),
	TABLE(org_text_versions, BY_FIRST, .late = -1, .same = "field changed_at body"),
	TABLE(departments, BY_FIRST, .late = -1, .same = "name_key"),
	TABLE(people, BY_FIRST, .late = -1, .refs = "department_id=departments",
	      .same = "name_key"),
	TABLE(person_profiles, BY_FIRST, .late = -1, .refs = "person_id=people",
	      .same = "person_id"),
	TABLE(stance_history, BY_FIRST, .late = -1, .refs = "person_id=people",
	      .same = "person_id changed_at influence support"),
	TABLE(focus, BY_FIRST, .one_row = true, .late = -1, .refs = "department_id=departments",
	      .same = ""),
	TABLE(agenda_templates, BY_FIRST, .late = -1, .same = "name_key", .one_true = "is_default"),
	TABLE(agenda_template_steps, BY_FIRST, .late = -1, .refs = "template_id=agenda_templates",
	      .same = "template_id position"),
	TABLE(meetings, BY_FIRST, .late = -1,
	      .refs = "template_id=agenda_templates facilitator_id=people",
	      .same = "started_at", .renumber = "seq"),
	TABLE(meeting_steps, BY_FIRST, .late = -1, .refs = "meeting_id=meetings",
	      .same = "meeting_id position"),
	TABLE(measures, BY_FIRST, .late = -1, .refs = "department_id=departments person_id=people",
	      .same = "department_id name_key"),
	TABLE(measure_values, BY_FIRST, .late = -1, .refs = "measure_id=measures",
	      .same = "measure_id period_on entered_at"),
	TABLE(initiatives, BY_FIRST, .late = -1, .refs = "department_id=departments person_id=people",
	      .same = "title_key"),
	TABLE(initiative_milestones, BY_FIRST, .late = -1, .refs = "initiative_id=initiatives",
	      .same = "initiative_id title created_at"),
	TABLE(initiative_reviews, BY_FIRST, .late = -1,
	      .refs = "initiative_id=initiatives meeting_id=meetings",
	      .same = "initiative_id reviewed_at"),
	TABLE(attendance, .key = {0, 1}, .nkey = 2, .late = -1,
	      .refs = "meeting_id=meetings person_id=people department_id=departments",
	      .same = "meeting_id person_id"),
	TABLE(meeting_ratings, .key = {0, 1}, .nkey = 2, .late = -1,
	      .refs = "meeting_id=meetings person_id=people", .same = "meeting_id person_id"),
	TABLE(meeting_briefers, .key = {0, 1}, .nkey = 2, .late = -1,
	      .refs = "meeting_id=meetings department_id=departments person_id=people",
	      .same = "meeting_id department_id"),
	TABLE(items, BY_FIRST, .late = 9,
	      .refs = "department_id=departments person_id=people superseded_by=items"
		      " meeting_id=meetings step_id=meeting_steps carry_from=meetings.seq"
		      " discussed_in=meetings measure_id=measures",
	      .same = "kind created_at text", .same_or_id = "text",
	      .id_also = "meeting_id step_id department_id person_id"),
	TABLE(item_links, .key = {0, 1, 2}, .nkey = 3, .late = -1,
	      .refs = "from_item=items to_item=items", .same = "from_item to_item kind"),
	TABLE(item_events, BY_FIRST, .late = -1, .refs = "item_id=items meeting_id=meetings",
	      .same = "item_id event at new_value"),
	TABLE(message_recipients, BY_FIRST, .late = -1,
	      .refs = "item_id=items department_id=departments ack_meeting_id=meetings",
	      .same = "item_id department_id"),
	/* a live meeting's draft: the store's wins (one a meeting) */
	TABLE(meeting_drafts, BY_FIRST, .late = -1,
	      .refs = "meeting_id=meetings step_id=meeting_steps", .same = "meeting_id"),
};

const size_t store_table_count = ARRAY_SIZE(store_tables);
