/* actions.c - the rules of actions between meetings: list states and their
 * dates, escalation to the sponsor, and the per-owner digest for a mail. */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/actions.h"
#include "cxmeet/meeting.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

static const char *const state_names[ASTATE_COUNT] = {
	"open", "overdue", "week", "done", "dropped", "all",
};

static const char *const state_labels[ASTATE_COUNT] = {
	"open", "overdue", "due this week", "done", "dropped", "all",
};

const char *action_state_name(enum action_state s)
{
	return (int)s >= 0 && s < ASTATE_COUNT ? state_names[s] : "?";
}

const char *action_state_label(enum action_state s)
{
	return (int)s >= 0 && s < ASTATE_COUNT ? state_labels[s] : "?";
}

int action_state_parse(const char *s)
{
	if (!s)
		return -1;
	for (int i = 0; i < ASTATE_COUNT; i++)
		if (text_ieq(s, state_names[i]))
			return i;
	if (text_ieq(s, "due-this-week") || text_ieq(s, "this-week"))
		return ASTATE_WEEK;
	return -1;
}

const char *action_state_status(enum action_state s)
{
	switch (s) {
	case ASTATE_DONE: return "done";
	case ASTATE_DROPPED: return "dropped";
	case ASTATE_ALL: return NULL;
	default: return "open";
	}
}

static cx_date earlier(cx_date a, cx_date b)
{
	if (a == DATE_NONE)
		return b;
	if (b == DATE_NONE)
		return a;
	return a < b ? a : b;
}

void action_state_range(const struct action_filter *f, cx_date *from, cx_date *before)
{
	*from = DATE_NONE;
	*before = f->due_before;
	if (f->state == ASTATE_OVERDUE) {
		*before = earlier(f->due_before, f->today);
	} else if (f->state == ASTATE_WEEK) {
		*from = f->today;
		*before = earlier(f->due_before, f->today + 7);
	}
}

void action_select(const struct action_filter *f, struct action_select *out)
{
	const char *status = action_state_status(f->state);
	*out = (struct action_select){.status = status ? item_status_parse(status) : -1,
				      .dept_id = f->dept_id,
				      .person_id = f->person_id,
				      .today = f->today};
	action_state_range(f, &out->from, &out->before);
}

/* The selection of f, or false (the store's error said) for an unknown state. */
static bool select_known(struct store *st, const struct action_filter *f,
			 struct action_select *sel)
{
	if ((int)f->state < 0 || f->state >= ASTATE_COUNT) {
		store_refuse(st, STORE_INVALID, "unknown action state");
		return false;
	}
	action_select(f, sel);
	return true;
}

enum store_rc actions_list(struct store *st, const struct action_filter *f,
			   const struct store_cursor *cur, size_t limit, struct action_row **out,
			   size_t *n)
{
	struct action_select sel;
	if (!select_known(st, f, &sel)) {
		*out = NULL;
		*n = 0;
		return STORE_INVALID;
	}
	return store_actions_list(st, &sel, cur, limit, out, n);
}

enum store_rc actions_stream_begin(struct store *st, const struct action_filter *f,
				   struct actions_stream **out)
{
	struct action_select sel;
	if (!select_known(st, f, &sel)) {
		*out = NULL;
		return STORE_INVALID;
	}
	return store_actions_stream_begin(st, &sel, out);
}

enum store_rc actions_count(struct store *st, const struct action_filter *f, int64_t *total,
			    int64_t *overdue)
{
	struct action_select sel;
	if (!select_known(st, f, &sel)) {
		*total = *overdue = 0;
		return STORE_INVALID;
	}
	return store_actions_count(st, &sel, total, overdue);
}

enum action_state action_state_next(enum action_state s)
{
	return (enum action_state)(((int)s + 1) % ASTATE_COUNT);
}

bool action_escalated(const struct item *it, int limit)
{
	return limit >= 1 && it->kind == ITEM_ACTION && it->status == STATUS_OPEN &&
	       it->carried >= limit;
}

/* The rows' indexes ordered by owner name (no owner last), keeping the due
 * order within an owner. */
static const struct action_row *sort_rows;

static int by_owner(const void *a, const void *b)
{
	const struct item *x = &sort_rows[*(const size_t *)a].it;
	const struct item *y = &sort_rows[*(const size_t *)b].it;
	bool nx = !x->person_id, ny = !y->person_id;
	if (nx != ny)
		return nx ? 1 : -1;
	if (!nx && x->person_id != y->person_id) {
		char *fx = text_fold(x->person_name ? x->person_name : "");
		char *fy = text_fold(y->person_name ? y->person_name : "");
		int c = strcmp(fx, fy);
		free(fx);
		free(fy);
		if (c)
			return c;
		return x->person_id < y->person_id ? -1 : 1;
	}
	size_t ia = *(const size_t *)a, ib = *(const size_t *)b;
	return ia < ib ? -1 : ia > ib;
}

static const struct person *find_person(const struct person *people, size_t n, store_id id)
{
	for (size_t i = 0; i < n; i++)
		if (people[i].id == id)
			return &people[i];
	return NULL;
}

/* Appends user text with control characters made harmless. */
static void add_safe(struct strbuf *sb, const char *s)
{
	char *p = text_printable_line(s ? s : ""); /* one action, one line */
	sb_add(sb, p);
	free(p);
}

static void owner_heading(struct strbuf *sb, const struct item *it, const struct person *people,
			  size_t n_people)
{
	if (!it->person_id) {
		sb_add(sb, "No owner\n");
		return;
	}
	const struct person *p = find_person(people, n_people, it->person_id);
	add_safe(sb, it->person_name ? it->person_name : "?");
	if (p && p->email && *p->email) {
		sb_add(sb, " <");
		add_safe(sb, p->email);
		sb_add(sb, ">");
	}
	sb_add(sb, "\n");
}

static void action_line(struct strbuf *sb, const struct item *it, cx_date today,
			int escalate_after)
{
	char due[16] = "no date";
	if (it->due != DATE_NONE)
		date_format(it->due, due, sizeof due);
	sb_addf(sb, "  - #%lld due %s, ", (long long)it->id, due);
	int late = action_days_overdue(it, today);
	if (late)
		sb_addf(sb, "%d %s overdue", late, text_plural(late, "day", "days"));
	else if (it->due == today)
		sb_add(sb, "due today");
	else if (it->due != DATE_NONE)
		sb_addf(sb, "due in %d %s", (int)(it->due - today),
			text_plural(it->due - today, "day", "days"));
	sb_add(sb, " (");
	add_safe(sb, it->dept_name ? it->dept_name : "no department");
	sb_add(sb, "): ");
	add_safe(sb, it->text);
	sb_add(sb, "\n");
	if (action_escalated(it, escalate_after))
		sb_addf(sb, "    carried %d %s \xe2\x80\x94 escalate to the sponsor\n",
			it->carried, text_plural(it->carried, "time", "times"));
}

void action_digest_heading(struct strbuf *sb, cx_date today, int days, size_t overdue,
			   size_t total)
{
	char date[16];
	date_format(today, date, sizeof date);
	sb_addf(sb, "Actions overdue or due in the next %d %s, as of %s: %zu overdue, %zu due "
		    "soon.\n", days, text_plural(days, "day", "days"), date, overdue, total - overdue);
	if (total == 0)
		sb_add(sb, "\nNothing is overdue or due soon.\n");
}

void action_digest_owner(struct strbuf *sb, const struct item *it, const struct person *people,
			 size_t n_people)
{
	sb_add(sb, "\n");
	owner_heading(sb, it, people, n_people);
}

void action_digest_line(struct strbuf *sb, const struct item *it, cx_date today,
			int escalate_after)
{
	action_line(sb, it, today, escalate_after);
}

/* A person with the key the digest orders by, folded once. */
struct owner_key {
	char *fold;
	struct person p;
};

static int owner_key_cmp(const void *a, const void *b)
{
	const struct owner_key *x = a, *y = b;
	int c = strcmp(x->fold, y->fold);
	return c ? c : x->p.id < y->p.id ? -1 : x->p.id > y->p.id;
}

void action_owners_sort(struct person *people, size_t n)
{
	struct owner_key *k = xcalloc(n ? n : 1, sizeof *k);
	for (size_t i = 0; i < n; i++) {
		k[i].fold = text_fold(people[i].name ? people[i].name : "");
		k[i].p = people[i];
	}
	qsort(k, n, sizeof *k, owner_key_cmp);
	for (size_t i = 0; i < n; i++) {
		people[i] = k[i].p;
		free(k[i].fold);
	}
	free(k);
}

int action_owner_cmp(const struct person *a, const struct person *b)
{
	char *fx = text_fold(a->name ? a->name : "");
	char *fy = text_fold(b->name ? b->name : "");
	int c = strcmp(fx, fy);
	free(fx);
	free(fy);
	return c ? c : a->id < b->id ? -1 : a->id > b->id;
}

char *action_digest(const struct action_row *rows, size_t n, const struct person *people,
		    size_t n_people, cx_date today, int days, int escalate_after)
{
	struct strbuf sb;
	size_t overdue = 0;
	sb_init(&sb);
	for (size_t i = 0; i < n; i++)
		overdue += action_days_overdue(&rows[i].it, today) > 0;
	action_digest_heading(&sb, today, days, overdue, n);
	if (n == 0)
		return sb_take(&sb);
	size_t *order = xcalloc(n, sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	sort_rows = rows;
	qsort(order, n, sizeof *order, by_owner);
	sort_rows = NULL;
	for (size_t k = 0; k < n; k++) {
		const struct item *it = &rows[order[k]].it;
		if (k == 0 || rows[order[k - 1]].it.person_id != it->person_id) {
			sb_add(&sb, "\n");
			owner_heading(&sb, it, people, n_people);
		}
		action_line(&sb, it, today, escalate_after);
	}
	free(order);
	return sb_take(&sb);
}
