/* records.h - what the program keeps, as the domain knows it: the
 * organisation, departments, people, agendas, meetings and their items.
 * Strings are owned by the struct and freed with the matching *_free(). An
 * id of 0 means "none"; a date of DATE_NONE means "no date". */
#ifndef CXMEET_RECORDS_H
#define CXMEET_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "cxmeet/agenda.h"
#include "cxmeet/cadence.h"
#include "cxmeet/dates.h"
#include "cxmeet/model.h"

/* A council (store_council_list). */
struct council {
	store_id id;
	char *name;
	bool archived; /* kept for reading; never picked for writing */
	bool member;   /* the role belongs to it (and may write it) */
	bool current;  /* the session's */
};

void council_free(struct council *c);
void council_list_free(struct council *c, size_t n);

struct org {
	char *text[ORG_TEXT_COUNT]; /* name, mission, success, six charter answers */
	char *changed_at[ORG_TEXT_COUNT];
	char *changed_by[ORG_TEXT_COUNT];
	struct cadence cadence;
	int escalate_after; /* carried this many times: flag for the sponsor */
	int setup_step;     /* how far the first-run walk-through got */
};

struct org_version {
	enum org_text field;
	char *body;
	char *changed_at;
	char *changed_by;
};

void org_free(struct org *o);

void org_versions_free(struct org_version *v, size_t n);

struct dept {
	store_id id;
	char *name;
	bool behind; /* behind-the-scenes rather than customer-facing */
	bool archived;
};

void dept_free(struct dept *d);

void dept_list_free(struct dept *d, size_t n);

enum stance { STANCE_UNSET = -1, STANCE_LOW = 0, STANCE_HIGH = 1 };

struct person {
	store_id id;
	char *name;
	store_id dept_id;  /* 0: none */
	char *dept_name;   /* filled on read */
	enum role role;
	char *email;       /* NULL: none */
	enum stance influence;
	enum stance support;
	bool archived;
};

void person_free(struct person *p);

/* "Connect CX to each leader's own goals": what a person values, their own
 * KPI, where they stand in the change, and the next step with them. */
struct person_profile {
	char *values;    /* NULL: not written */
	char *kpi;
	enum change_stage stage;
	char *next_step;
	time_t updated_at;
};
void person_profile_free(struct person_profile *p);

/* A move of a person on the stakeholder map, as it was kept. */
struct stance_change {
	enum stance influence, support;
	time_t at;
	char *by;
};
void stance_changes_free(struct stance_change *c, size_t n);

/* A measure: a department's KPI (kind kpi, dept_id set) or one of the
 * success statement's; with its last value when read in a list. It is read
 * each meeting, or once a week, a month or a quarter: a value is one a
 * period, kept under the period's first day. */
enum measure_kind { MEASURE_ANY = -1, MEASURE_KPI, MEASURE_SUCCESS };
enum measure_freq { FREQ_MEETING, FREQ_WEEKLY, FREQ_MONTHLY, FREQ_QUARTERLY, FREQ_COUNT };
/* The names stored and printed: "kpi", "success"; "meeting", "weekly",
 * "monthly", "quarterly". A parse also takes "each-meeting", "week",
 * "month" and "quarter"; -1 when it knows none. */
const char *measure_kind_name(enum measure_kind k);
int measure_kind_parse(const char *s);
const char *measure_freq_name(enum measure_freq f);
int measure_freq_parse(const char *s);
struct measure {
	store_id id;
	char *name;
	enum measure_kind kind;
	enum measure_freq frequency;
	store_id dept_id;
	char *dept_name; /* filled on read */
	store_id person_id;
	char *person_name; /* its owner; filled on read */
	char *unit;      /* NULL: none */
	bool lower_is_better;
	bool has_target;
	double target;
	bool archived;
	/* the last value (by period, then as entered), when there is one */
	bool has_value;
	double value;
	cx_date value_on;
};
void measure_list_free(struct measure *m, size_t n);

/* One value of a measure as entered; `corrected` when a later entry of the
 * same period replaced it. */
struct measure_value {
	cx_date period;
	double value;
	time_t entered_at;
	char *entered_by; /* NULL: not known */
	bool corrected;
};
void measure_values_free(struct measure_value *v, size_t n);

/* A council initiative: a quarter's CX work with one owner, a department, a
 * due date and a track. Done and dropped close it; its milestones and every
 * review are kept. */
enum initiative_track { TRACK_ON, TRACK_OFF, TRACK_DONE, TRACK_DROPPED, TRACK_COUNT };
/* The names stored and printed: "on", "off", "done", "dropped". A parse also
 * takes "on-track", "off-track", "on track", "off track" and "drop"; -1 when
 * it knows none. */
const char *initiative_track_name(enum initiative_track t);
int initiative_track_parse(const char *s);
struct initiative {
	store_id id;
	char *title;
	store_id dept_id;
	char *dept_name; /* filled on read */
	store_id person_id;
	char *person_name; /* its owner; filled on read */
	cx_date due;
	enum initiative_track track;
	time_t created_at;
	/* filled on read */
	int milestones, milestones_done;
	time_t reviewed_at; /* the last review; 0: never reviewed */
	char *last_note;    /* that review's note; NULL: none */
};
void initiative_free(struct initiative *in);
void initiatives_free(struct initiative *v, size_t n);

/* A step of an initiative, reached (done_on) or not (DATE_NONE). */
struct milestone {
	store_id id;
	store_id initiative_id;
	char *title;
	cx_date due;     /* DATE_NONE: none */
	cx_date done_on; /* DATE_NONE: not reached */
};
void milestones_free(struct milestone *v, size_t n);

/* One review of an initiative: the track given, why, in which meeting (0:
 * between meetings), when and by whom. */
struct initiative_review {
	store_id initiative_id;
	char *title; /* the initiative's, filled on read */
	store_id meeting_id;
	enum initiative_track track;
	char *note; /* NULL: none */
	time_t at;
	char *by;   /* NULL: not known */
};
void initiative_reviews_free(struct initiative_review *v, size_t n);

/* One department at a time: the council's focus, its plan (whom to win),
 * its next step, since when. */
struct focus {
	store_id dept_id;
	char *dept_name; /* filled on read */
	char *plan;      /* NULL: none */
	char *next_step;
	cx_date since;
};
void focus_free(struct focus *f);

void person_list_free(struct person *p, size_t n);

struct template_info {
	store_id id;
	char *name;
	bool is_default;
	size_t n_steps;
	int minutes;
};

void template_list_free(struct template_info *t, size_t n);

/* A live meeting is written by one instance (a full-screen session) at a
 * time: the one that holds it. Every write into a meeting (its items, the
 * events tied to it, its steps, attendance, rating, end, draft) checks in
 * its own transaction that the meeting is in progress and held by this
 * store's instance; otherwise nothing is written and STORE_NOT_HELD says who
 * holds it or that it ended. Starting a meeting takes its hold. */
struct meeting_hold {
	char *user;
	char *host;
	long pid;
	time_t since;   /* when it was taken */
	time_t seen;    /* the holder's last sign of life */
	bool mine;      /* held by this instance */
	bool same_host; /* the holder runs on this machine (its pid can be checked) */
	char token[33];
};

void meeting_hold_free(struct meeting_hold *h);

/* The draft of the capture form open in a meeting: one per meeting. */
struct meeting_draft {
	store_id step_id;
	enum item_kind kind;
	char *text;
	char *detail;
	time_t saved_at;
};

void meeting_draft_free(struct meeting_draft *d);

struct meeting {
	store_id id;
	store_id template_id;
	enum meeting_status status;
	time_t started_at;
	time_t ended_at; /* 0 while in progress */
	store_id facilitator_id;
	int rating;           /* 1..10, 0: not rated */
	cx_date next_meeting; /* DATE_NONE: not set */
	int current_step;     /* position in the meeting's own steps, from 0 */
};

struct meeting_step {
	store_id id;
	int position;
	char *title;
	enum step_kind kind;
	int planned_minutes;
	char *prompt;
	int actual_seconds;
	bool done;
	bool skipped;
};

/* What was done in a meeting: the items captured in each step, the actions
 * of other meetings changed in it, the people marked present, a rating. */
struct meeting_work {
	int *items; /* per step, by position */
	size_t n_steps;
	int reviewed;
	int present;
	bool rated;
	int initiatives_reviewed; /* initiatives given a track in the meeting */
};

void meeting_work_free(struct meeting_work *w);

/* A present member's rating of a meeting (1..10). */
struct member_rating {
	store_id meeting_id;
	store_id person_id;
	char *name;
	int rating;
	time_t at;
};

void member_ratings_free(struct member_rating *r, size_t n);

/* Who will brief a department nobody represented at a meeting. */
struct briefer {
	store_id meeting_id;
	store_id dept_id;
	char *dept_name;
	store_id person_id;
	char *person_name;
};

void briefers_free(struct briefer *b, size_t n);

void meeting_steps_free(struct meeting_step *s, size_t n);

struct item {
	store_id id;
	enum item_kind kind;
	char *text;      /* short text, required */
	char *detail;    /* optional long text */
	char *rationale; /* decisions */
	store_id dept_id;
	store_id person_id; /* owner, decider, hero or teller, by kind */
	cx_date due;        /* actions */
	cx_date revisit;    /* decisions */
	store_id superseded_by;
	int rank;           /* parked topics; 0: unranked */
	enum item_status status;
	bool consent;       /* stories: the customer agreed to be named */
	store_id meeting_id;
	store_id step_id;
	time_t created_at;
	time_t closed_at;  /* when done, dropped or closed; 0 otherwise */
	time_t deleted_at; /* 0 unless soft-deleted */
	/* filled on read */
	char *dept_name;
	char *person_name;
	int slips;   /* times the due date moved later */
	int carried; /* meetings it reached unfinished */
};

/* An item recorded outside any meeting, as it waits for a meeting
 * (store_waiting_items): who recorded it (the login of its "created"
 * event; NULL when not known), whether that meeting discussed it, and
 * since when the meeting gathers what was recorded (the start of the
 * meeting before it; 0: there was none). */
struct waiting_item {
	struct item it;
	char *recorded_by;
	bool discussed;
	time_t since;
};
void waiting_items_free(struct waiting_item *w, size_t n);

struct item_event {
	store_id id;
	store_id item_id;
	enum event_kind kind;
	time_t at;
	store_id meeting_id;
	char *by;
	char *old_value;
	char *new_value;
	char *reason;
};

void item_free(struct item *it);

void item_list_free(struct item *it, size_t n);

void item_events_free(struct item_event *e, size_t n);

#endif
