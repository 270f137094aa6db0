/* rows.h - what the lists and reports read: rows made of several records,
 * the filters that choose them, and the cursor that pages through them.
 * Strings are owned by the row and freed with the matching *_free(). */
#ifndef CXMEET_ROWS_H
#define CXMEET_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "cxmeet/records.h"

/* Where a page of a long list continues: the sort keys of the row it starts
 * after, never a row count (a page costs the same at the end of ten years as
 * at the start). A zeroed cursor reads the first page, or with backward the
 * last. Every row of a paged list carries in `after` the cursor that continues
 * after it; a copy with backward set reads the page before that row instead.
 * Pages are always given in the list's own order. */
struct store_cursor {
	bool set;      /* false: from the start (backward: from the end) */
	bool backward; /* the rows before the key rather than after it */
	int part;      /* lists made of parts (the decision log's due ones, then
			* the rest): the part the key row is in */
	store_id id;   /* the key row's id, the last sort key */
	char key[40];  /* its first sort key as stored; "" when sorted by id alone */
};

/* A message to another team, once per department it goes to
 * (store_messages_list): the message, who delivers it, and whether that
 * department acknowledged it, when, by whom and in which meeting. */
struct message_row {
	store_id id;      /* the department's row of the message */
	store_id item_id; /* the message */
	char *text;
	store_id person_id; /* who delivers it; 0: nobody named */
	char *person_name;
	time_t created_at;
	store_id meeting_id; /* 0: recorded between meetings */
	time_t meeting_at;
	store_id dept_id;
	char *dept_name;
	time_t acked_at; /* 0: not acknowledged yet */
	char *acked_by;
	store_id ack_meeting_id;
	struct store_cursor after; /* the list continues after this row */
};
void message_rows_free(struct message_row *r, size_t n);

/* Which messages a list shows: to one department (0: any), of one message
 * (0: any), only those not acknowledged. */
struct message_filter {
	store_id dept_id;
	store_id item_id;
	bool open_only;
};

/* Which actions a list shows, by state. */
enum action_state {
	ASTATE_OPEN,     /* open, whatever the date */
	ASTATE_OVERDUE,  /* open and due before today */
	ASTATE_WEEK,     /* open and due today to today + 6 */
	ASTATE_DONE,
	ASTATE_DROPPED,
	ASTATE_ALL,
	ASTATE_COUNT
};

struct action_filter {
	enum action_state state;
	store_id dept_id;   /* 0: any department */
	store_id person_id; /* 0: any owner */
	cx_date due_before; /* DATE_NONE: no bound */
	cx_date today;
};

/* The actions a filter selects, as the store reads them (made by
 * action_select of actions.h, which holds what each state means). */
struct action_select {
	int status;         /* an enum item_status, or -1: any */
	cx_date from;       /* due on or after; DATE_NONE: no bound */
	cx_date before;     /* due before; DATE_NONE: no bound */
	store_id dept_id;   /* 0: any department */
	store_id person_id; /* 0: any owner */
	cx_date today;      /* those due before it are overdue: listed first */
};

/* An action with the start of the meeting it was captured in. */
struct action_row {
	struct item it;
	time_t meeting_at; /* 0: captured outside a meeting */
	struct store_cursor after; /* continues the list after this row */
	char *council; /* its council, read across councils (store_read_all_councils) */
};

void action_rows_free(struct action_row *r, size_t n);

/* One person present at a meeting, with the department they belonged to then. */
struct attendee {
	store_id person_id;
	char *name;
	enum role role;   /* the person's role now */
	store_id dept_id; /* 0: none */
	char *dept_name;  /* NULL: none */
	bool dept_behind;
};

/* An event recorded in a meeting on an item captured elsewhere, with the
 * item's kind and text. */
struct review_event {
	struct item_event e;
	enum item_kind item_kind;
	char *item_text;
};

void attendees_free(struct attendee *a, size_t n);

void review_events_free(struct review_event *e, size_t n);

/* The members' ratings of a meeting: how many, their sum, the lowest and
 * the highest (meeting.h: their average and spread). */
struct rating_spread {
	int n, sum, lo, hi;
};

/* A completed meeting, for the cadence: when it started, its rating (0:
 * none) and the next meeting date it agreed (DATE_NONE: none). */
struct held_meeting {
	store_id id;
	time_t started_at;
	int rating;
	cx_date next_meeting;
	struct rating_spread members; /* its members' ratings (n 0: none) */
};

/* A department with someone present at a meeting. */
struct meeting_dept {
	store_id meeting_id;
	store_id dept_id;
};

/* An action or a win captured in a meeting, as the reports need it. */
struct window_item {
	store_id meeting_id;
	store_id dept_id; /* 0: none */
	enum item_kind kind;
	cx_date due;      /* DATE_NONE: none */
	enum item_status status;
	time_t closed_at; /* 0: not closed */
};

/* One step of a meeting as it was held. */
struct window_step {
	store_id meeting_id;
	char *title;
	int planned_minutes;
	int actual_seconds;
	bool skipped;
	bool done;
};

/* The buy-in ledger's counts (store_ledger_counts), per quarter and
 * department, one part at a time: */
enum ledger_part {
	LEDGER_MEETINGS,   /* v[0]: meetings completed (dept_id 0) */
	LEDGER_ATTENDANCE, /* v[0]: of those, meetings the department had someone at */
	LEDGER_ITEMS,      /* v[0]: actions it owns, created then; v[1]: of those done on
			    * time (closed on or before the due date); v[2]: wins credited */
	LEDGER_MESSAGES,   /* v[0]: messages to it recorded then; v[1]: of those acknowledged */
	LEDGER_MOVES,      /* v[0]: its people's moves to high support; v[1]: to low */
	LEDGER_PART_COUNT
};
struct ledger_count {
	int year, quarter; /* 2026, 1-4 (by the stored, UTC, day) */
	store_id dept_id;
	int64_t v[3];
};

struct dept_count {
	store_id dept_id; /* 0: none */
	int64_t n;
};

struct credit_count {
	store_id dept_id, person_id; /* 0: none */
	int64_t n;
};

void window_steps_free(struct window_step *s, size_t n);

/* One decision as the log shows it. */
struct decision_row {
	store_id id;
	time_t created_at;
	store_id meeting_id;  /* 0: not taken in a meeting */
	time_t meeting_at;    /* when that meeting started; 0: none */
	store_id dept_id;
	char *dept_name;      /* NULL: none */
	store_id person_id;
	char *decider;        /* who decided; NULL: nobody named */
	char *text;
	char *rationale;      /* NULL: none */
	cx_date revisit;      /* DATE_NONE: no revisit date */
	store_id superseded_by;
	char *superseded_text; /* the superseding decision's text; NULL when in force */
	int links;            /* items linked to it, either way, not deleted */
	bool due;             /* due for a revisit (decision_revisit_due) */
	struct store_cursor after; /* continues the list after this row */
	char *council; /* its council, read across councils (store_read_all_councils) */
};

struct decision_filter {
	cx_date today;        /* revisit dates up to this day are due */
	store_id dept_id;     /* 0: every department */
	bool due_only;        /* only those due for a revisit */
	bool with_superseded; /* superseded ones too */
	const char *words;    /* only those whose text, detail or rationale hold
			       * all these words (as prefixes); NULL or "": any */
	store_id floor;       /* with words: only decisions from this id on (a
			       * window of the newest, store_decisions_window); 0: all */
	int64_t reach;        /* with words: the matches of any kind from the floor
			       * on, the newest first (store_decisions_window): the
			       * list is read from them alone; 0: not known (read on
			       * the decisions' indexes) */
};

/* An item linked to a decision, for its detail panel. */
struct decision_link {
	store_id id;
	enum item_kind kind;
	enum item_status status;
	enum link_kind link;
	bool outgoing; /* the link goes from the decision to the item */
	char *text;
};

/* A decision named by id and text: what it supersedes, or a candidate to
 * supersede it. */
struct decision_ref {
	store_id id;
	time_t created_at;
	char *text;
	char *dept_name; /* NULL: none */
};

void decision_rows_free(struct decision_row *r, size_t n);

void decision_links_free(struct decision_link *l, size_t n);

void decision_refs_free(struct decision_ref *r, size_t n);

/* One person's record as owner and hero. Deleted items do not count. */
struct person_record {
	struct person p;
	int64_t wins;         /* wins crediting them */
	int64_t actions;      /* actions they own, whatever their status */
	int64_t done;         /* of those, done */
	int64_t done_judged;  /* done, with a due date to be judged by (action_judged) */
	int64_t done_on_time; /* of those, done on or before the due date (local) */
	int64_t open;
	int64_t overdue;      /* open and due before `today` */
};

void person_records_free(struct person_record *r, size_t n);

/* One past meeting as the history lists it. */
struct meeting_summary {
	store_id id;
	time_t started_at;
	time_t ended_at; /* 0: never ended (in progress) */
	enum meeting_status status;
	int rating;      /* 0: not rated */
	int present;     /* people present */
	int n_depts;     /* departments present */
	char *dept_names; /* those departments by name, ", " between; NULL: none */
	char *dept_list;  /* the same, a unit separator ('\x1f') between: a list */
	int decisions, actions, wins; /* items captured, deleted ones left out */
	struct store_cursor after; /* continues the list after this row */
};

struct history_filter {
	time_t since;     /* meetings started at or after; 0: all */
	store_id dept_id; /* meetings this department attended; 0: all */
};

void meeting_summaries_free(struct meeting_summary *m, size_t n);

/* Around each match in search_hit.marked: bytes stored text never holds
 * (text_clean refuses control characters). */
#define SEARCH_MARK_ON '\x01'

#define SEARCH_MARK_OFF '\x02'

/* At most this many words of a search are used, each cut to this many bytes. */
#define SEARCH_MAX_WORDS 32

#define SEARCH_MAX_WORD 100

struct search_filter {
	const char *words; /* as typed: every word must occur, the last as a prefix */
	store_id dept_id;  /* 0: any department */
	int kind;          /* an enum item_kind, or -1: any */
	bool plain;        /* no marks wanted: each hit's marked is "" (cheaper) */
	store_id floor;    /* only items from this id on (a window of the newest); 0: all */
};

/* it.slips and it.carried are not read (0). */
struct search_hit {
	struct item it;
	time_t meeting_at; /* when its meeting started; 0: none */
	char *marked;      /* it.text with SEARCH_MARK_ON/OFF around the matches */
	struct store_cursor after; /* continues the list after this row */
	char *council; /* its council, read across councils (store_read_all_councils) */
};

void search_hits_free(struct search_hit *h, size_t n);

#endif
