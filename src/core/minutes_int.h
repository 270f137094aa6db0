/* minutes_int.h - what the two renderings of a meeting's minutes share
 * (minutes.c: Markdown, minutes_json.c: JSON): everything about the meeting,
 * gathered through the store once by minutes_load() (minutes_load.c). */
#ifndef CXMEET_MINUTES_INT_H
#define CXMEET_MINUTES_INT_H

#include <stdbool.h>

#include "cxmeet/chain.h"
#include "cxmeet/meeting.h"
#include "cxmeet/util.h"

struct minutes {
	struct store *st;
	struct strbuf sb;
	struct meeting m;
	struct org org;
	struct dept *depts; /* all of them, archived too, by name */
	size_t n_depts;
	struct attendee *att; /* present, by department */
	size_t n_att;
	struct meeting_step *steps;
	size_t n_steps;
	struct item *items; /* captured in the meeting, oldest first */
	size_t n_items;
	struct waiting_item *between; /* recorded between meetings for it */
	size_t n_between;
	struct review_event *review;
	size_t n_review;
	struct meeting_work work; /* what was done in each step */
	struct story_chain *chains; /* of the stories above that set something going */
	size_t n_chains;
	/* the scorecard as the meeting saw it: the measures in use, each with its
	 * last value of a period begun by the meeting's day (has_value false:
	 * none), the success statement's first */
	struct measure *measures;
	size_t n_measures;
	/* the initiatives reviewed in the meeting, in the order reviewed, each
	 * with the initiative as it is now (its owner, department, due date) */
	struct initiative_review *inits;
	struct initiative *init_of;
	size_t n_inits;
	/* the members' ratings, by name, and their spread (n 0: none) */
	struct member_rating *ratings;
	size_t n_ratings;
	struct rating_spread spread;
	/* who will brief each department nobody represented, by department */
	struct briefer *briefers;
	size_t n_briefers;
};

enum store_rc minutes_load(struct minutes *mc, store_id meeting);
void minutes_unload(struct minutes *mc);

/* Markdown for user text (minutes.c): inside a line (a name, a short text,
 * a table cell), every significant character escaped and line breaks made
 * spaces; several lines, each prefixed by indent; a "## title" section
 * after exactly one blank line. Nothing unsafe passes (text_printable). */
void md_inline(struct strbuf *sb, const char *s);
void md_block(struct strbuf *sb, const char *s, const char *indent);
void md_section(struct strbuf *sb, const char *title);
/* A measure's value with its unit: the number as it is (no Markdown in it),
 * the unit, user text, escaped. */
void md_value(struct strbuf *sb, const struct measure *m, double v);

/* What the story `id` set going; NULL: nothing. */
const struct story_chain *minutes_chain(const struct minutes *mc, store_id id);
/* Whether department id has someone among the n attendees. */
bool minutes_dept_present(store_id id, const struct attendee *a, size_t n);
/* Who will brief department id (NULL: nobody named). */
const struct briefer *minutes_briefer(const struct minutes *mc, store_id id);
/* Seconds as whole minutes, to the nearest. */
int minutes_round(int seconds);

/* At most this many items recorded between meetings are listed. */
#define MINUTES_BETWEEN_MAX 1000

/* The kinds of item, in the order of the minutes' sections. */
#define MINUTES_SECTION_COUNT 9
struct minutes_section {
	enum item_kind kind;
	const char *title;
};
extern const struct minutes_section minutes_sections[MINUTES_SECTION_COUNT];

#endif
