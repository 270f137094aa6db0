/* actions.h - the rules of actions between meetings: the states a list can
 * show and the dates each stands for, when an action is escalated to the
 * executive sponsor, and the digest of what each owner has overdue or due
 * soon, written as plain text for a mail. Pure C: no SQL, no curses. */
#ifndef CXMEET_ACTIONS_H
#define CXMEET_ACTIONS_H

#include <stdbool.h>

#include "cxmeet/store.h"
#include "cxmeet/util.h"

/* "open", "overdue", "week", "done", "dropped", "all". */
const char *action_state_name(enum action_state s);
/* For people: "open", "overdue", "due this week", ... */
const char *action_state_label(enum action_state s);
/* A state's name (also "due-this-week", "this-week"); -1 when unknown. */
int action_state_parse(const char *s);
/* The status the state selects ("open", "done", "dropped"), NULL for all. */
const char *action_state_status(enum action_state s);
/* The due dates the filter selects: from `*from` (DATE_NONE: no bound) to
 * before `*before` (DATE_NONE: no bound). Overdue is due before today; due
 * this week is due today to today + 6; due_before narrows either. */
void action_state_range(const struct action_filter *f, cx_date *from, cx_date *before);
/* What the filter selects, as the store reads it: the status of its state,
 * the due dates of action_state_range, the department, owner and today. */
void action_select(const struct action_filter *f, struct action_select *out);
/* The action list of the store (store_actions_list, store_actions_stream_begin,
 * store_actions_count) for a filter: STORE_INVALID, through store_errmsg,
 * for a state that is none of enum action_state. */
enum store_rc actions_list(struct store *st, const struct action_filter *f,
			   const struct store_cursor *cur, size_t limit, struct action_row **out,
			   size_t *n);
enum store_rc actions_stream_begin(struct store *st, const struct action_filter *f,
				   struct actions_stream **out);
enum store_rc actions_count(struct store *st, const struct action_filter *f, int64_t *total,
			    int64_t *overdue);
/* The next state in the order a list cycles through them. */
enum action_state action_state_next(enum action_state s);

/* An open action carried through `limit` meetings or more is flagged for
 * escalation to the executive sponsor (limit < 1: never). */
bool action_escalated(const struct item *it, int limit);

/* The digest: the actions in rows (open ones, earliest due first), grouped
 * by owner (by name; "No owner" last), each owner with the email found for
 * them in people (may be empty), each action with its due date, how late it
 * is or how soon it is due, its department, and the escalation note. `days`
 * is the horizon the heading names. Control characters in user text are made
 * harmless. Caller frees. */
char *action_digest(const struct action_row *rows, size_t n, const struct person *people,
		    size_t n_people, cx_date today, int days, int escalate_after);
/* The digest in pieces, for one written as its rows are read (one owner's
 * actions at a time): the heading (with "Nothing is overdue or due soon."
 * when total is 0), an owner's heading before their first action, an
 * action's lines. action_owner_cmp orders owners as the digest does (by
 * name, then id). */
void action_digest_heading(struct strbuf *sb, cx_date today, int days, size_t overdue,
			   size_t total);
void action_digest_owner(struct strbuf *sb, const struct item *it, const struct person *people,
			 size_t n_people);
void action_digest_line(struct strbuf *sb, const struct item *it, cx_date today,
			int escalate_after);
int action_owner_cmp(const struct person *a, const struct person *b);
/* Sorts people as action_owner_cmp orders them, each name folded once
 * (not once for each comparison). */
void action_owners_sort(struct person *people, size_t n);

#endif
