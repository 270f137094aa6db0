/* demo.c - the synthetic history behind `cxmeet demo`: an organisation with
 * its departments and people, weekly meetings with realistic skips and late
 * starts, and items of every kind whose lives play out over later meetings
 * (actions done, dropped, slipped, carried, left overdue; parked topics
 * settled by decisions; decisions superseded). Deterministic for a seed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/demo.h"
#include "cxmeet/initiatives.h"
#include "cxmeet/leaders.h"
#include "cxmeet/names.h"
#include "cxmeet/scorecard.h"
#include "cxmeet/setup.h"
#include "cxmeet/util.h"

struct rng {
	uint64_t s;
};

static uint64_t next_u64(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int pick(struct rng *r, int n) { return (int)(next_u64(r) % (uint64_t)n); }
static bool chance(struct rng *r, int percent) { return pick(r, 100) < percent; }
static int between(struct rng *r, int lo, int hi) { return lo + pick(r, hi - lo + 1); }
#define ONE_OF(r, arr) ((arr)[pick((r), (int)ARRAY_SIZE(arr))])

static const struct {
	const char *name;
	bool behind;
} dept_pool[] = {
	{"Sales", false}, {"Marketing", false}, {"Customer Service", false}, {"Product", false},
	{"IT", true}, {"Operations", true}, {"Finance", true}, {"Supply Chain", true},
	{"HR", true}, {"Facilities", true}, {"E-commerce", false}, {"Field Service", false},
	{"Billing", true}, {"Data & Analytics", true}, {"Legal", true}, {"Logistics", true},
	{"Account Management", false}, {"Quality Assurance", true}, {"Partnerships", false},
	{"Procurement", true},
};

static const char *const first_names[] = {
	"Amara", "Ben", "Chiara", "Dmitri", "Elif", "Farah", "Gustavo", "Hana", "Ivan",
	"Jonas", "Keiko", "Liam", "Maya", "Nils", "Olu", "Priya", "Quentin", "Rosa", "Sam",
	"Tariq", "Uma", "Viktor", "Wen", "Xavier", "Yara", "Zoë", "Siobhán", "José", "Ingrid",
	"Mateo",
};
static const char *const last_names[] = {
	"Adeyemi", "Brandt", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Haddad",
	"Ito", "Jansen", "Kowalski", "Larsen", "Müller", "Novak", "O'Brien", "Patel",
	"Quinn", "Rossi", "Santos", "Tanaka", "Ångström", "Núñez", "Okafor", "Lindqvist",
};
static const char *const cjk_names[] = {"王芳", "李娜", "陈伟", "佐藤 花子"};

static const char *const verbs[] = {
	"Fix", "Review", "Simplify", "Rewrite", "Shorten", "Automate", "Map", "Retire",
	"Pilot", "Measure", "Publish", "Redesign",
};
static const char *const objects[] = {
	"the returns form", "the onboarding emails", "the invoice layout",
	"the delivery-slot picker", "the password reset flow", "the warranty claim process",
	"the order-status page", "the hold-queue messages", "the refund approval step",
	"the chatbot hand-off", "the contract renewal letter", "the installation checklist",
	"the complaint escalation path", "the loyalty sign-up", "the spare-parts lookup",
};
static const char *const segments[] = {
	"new customers", "B2B accounts", "first-time buyers", "premium members",
	"small businesses", "customers in the north region", "customers who called twice",
};
static const char *const causes[] = {
	"a late carrier hand-over", "an unclear status email", "a pricing page change",
	"the new IVR menu", "stock-outs in two warehouses", "a billing system migration",
	"shorter call-back times", "the redesigned checkout",
};
static const char *const drop_reasons[] = {
	"overtaken by the platform migration", "no longer needed after the process change",
	"budget moved to a higher priority", "duplicate of another action",
};

struct demo {
	struct store *st;
	struct rng rng;
	store_id *depts;
	bool *dept_behind;
	bool *dept_quiet; /* departments that drift out of the council */
	size_t n_depts;
	store_id *people;
	store_id *person_dept;
	size_t n_people;
	struct agenda_template agenda;
	store_id template_id;
	struct demo_stats *stats;
	store_id story_action; /* the last action that arose from a story, for a win to come from */
	struct rng mrng;       /* the scorecard's values: apart from the history's numbers */
	struct demo_measure *measures;
	size_t n_measures;
	struct rng irng; /* the initiatives: apart from the history's numbers too */
	struct demo_initiative *inits;
	size_t n_inits, cap_inits;
	cx_date quarter; /* the quarter the last initiatives were set for */
};

/* An initiative of the demo, open until its quarter ends. */
struct demo_initiative {
	store_id id;
	store_id milestone[3];
	int milestones, reached;
	cx_date due;
	bool closed;
};

static const char *const initiative_titles[] = {
	"Refunds paid within two days",
	"One answer on every channel",
	"Onboarding call for every new account",
	"Close the loop on every detractor",
	"Delivery promise shown at checkout",
	"Self-service returns portal",
	"Proactive outage notices",
	"Plain-language invoices",
	"First-contact resolution in support",
	"Voice of the customer in every sprint",
	"Fewer handoffs between teams",
	"Renewal reminders customers welcome",
};
static const char *const milestone_titles[] = {
	"Baseline measured", "Owner and team agreed", "Pilot with one region", "Policy signed off",
	"Tooling live",      "Rolled out to all",     "Results shared with the council",
};
static const char *const initiative_blocks[] = {
	"waiting on a budget decision from Finance", "the vendor moved the delivery date",
	"the team is short of two people this month", "data from the old system is not ready",
	"legal review of the new wording takes longer",
};

/* An action whose life plays out over the meetings after it was created. */
/* A measure of the demo's scorecard and the walk of its values. */
struct demo_measure {
	store_id id;
	enum measure_freq freq;
	double value, step, target;
	bool lower;
	cx_date last_period;
};

struct pending {
	store_id id;
	int64_t from;   /* meetings started when it was recorded */
	int close_at;   /* meeting index at which it is closed; -1: stays open */
	int slips_left; /* due-date moves still to happen */
	bool dropped;
	cx_date due;
};

static enum store_rc add_depts(struct demo *d)
{
	int want = between(&d->rng, 10, 20);
	d->depts = xcalloc((size_t)want, sizeof *d->depts);
	d->dept_behind = xcalloc((size_t)want, sizeof *d->dept_behind);
	d->dept_quiet = xcalloc((size_t)want, sizeof *d->dept_quiet);
	for (int i = 0; i < want; i++) {
		struct dept found;
		enum store_rc rc = dept_find(d->st, dept_pool[i].name, &found);
		if (rc == STORE_OK) {
			d->depts[i] = found.id;
			d->dept_behind[i] = found.behind;
			dept_free(&found);
		} else if (rc == STORE_NOTFOUND) {
			rc = dept_add(d->st, dept_pool[i].name, dept_pool[i].behind, &d->depts[i]);
			d->dept_behind[i] = dept_pool[i].behind;
			d->stats->departments++;
		}
		if (rc != STORE_OK)
			return rc;
		d->dept_quiet[i] = d->dept_behind[i] && chance(&d->rng, 35);
		d->n_depts++;
	}
	return STORE_OK;
}

static enum store_rc add_people(struct demo *d)
{
	int want = between(&d->rng, 15, 40);
	d->people = xcalloc((size_t)want, sizeof *d->people);
	d->person_dept = xcalloc((size_t)want, sizeof *d->person_dept);
	for (int i = 0; i < want; i++) {
		char *name = i % 9 == 4 ? xstrdup(cjk_names[(i / 9) % ARRAY_SIZE(cjk_names)])
				       : xasprintf("%s %s", first_names[(i * 7) % ARRAY_SIZE(first_names)],
						   last_names[(i * 5 + 3) % ARRAY_SIZE(last_names)]);
		size_t dept = i < (int)d->n_depts ? (size_t)i : (size_t)pick(&d->rng, (int)d->n_depts);
		enum role role = i == 0 ? ROLE_SPONSOR : i == 1 ? ROLE_LEAD
				 : i % 6 == 2 ? ROLE_CHAMPION : i % 11 == 10 ? ROLE_GUEST : ROLE_MEMBER;
		struct person p = {.name = name, .dept_id = d->depts[dept], .role = role,
				   .influence = chance(&d->rng, 50) ? STANCE_HIGH : STANCE_LOW,
				   .support = chance(&d->rng, 60) ? STANCE_HIGH : STANCE_LOW};
		char *email = xasprintf("person%d@example.com", i + 1);
		p.email = email;
		store_id id = 0;
		enum store_rc rc = person_add(d->st, &p, &id);
		if (rc == STORE_DUPLICATE) { /* a name already there: reuse it */
			struct person old;
			rc = person_find(d->st, name, &old);
			id = old.id;
			person_free(&old);
		} else if (rc == STORE_OK) {
			d->stats->people++;
		}
		free(name);
		free(email);
		if (rc != STORE_OK)
			return rc;
		d->people[d->n_people] = id;
		d->person_dept[d->n_people++] = d->depts[dept];
	}
	return STORE_OK;
}

static enum store_rc set_org(struct demo *d)
{
	static const char *const texts[][2] = {
		{"mission", "Every customer gets a clear answer, a kept promise and a reason to "
			    "come back, whoever they reach and however they reach us."},
		{"success", "Repeat purchases up 10% and complaints per 1,000 orders down by a "
			    "third within two years, measured monthly from orders and case data."},
		{"vision", "Be the outfitter customers recommend without being asked."},
		{"goals", "Halve repeat contacts; resolve 80% of cases at first touch; publish a "
			  "quarterly CX scorecard."},
		{"roles", "The COO sponsors and breaks ties; the CX lead facilitates; each "
			  "department sends one champion who owns its actions."},
		{"prioritise", "Customer harm first, then reach (customers affected), then effort."},
		{"approvals", "Decisions touching pricing or policy go to the executive team; "
			      "all minutes go to every department head."},
		{"ways", "Weekly, 65 minutes, cameras on; a customer story opens every meeting; "
			 "no action without an owner and a date."},
	};
	struct org org;
	enum store_rc rc = store_org_get(d->st, &org);
	if (rc != STORE_OK)
		return rc;
	bool named = *org.text[ORG_NAME] != '\0';
	org_free(&org);
	if (!named)
		rc = org_set_text(d->st, ORG_NAME, "Northwind Outfitters");
	for (size_t i = 0; rc == STORE_OK && i < ARRAY_SIZE(texts); i++)
		rc = org_set_text(d->st, (enum org_text)org_text_parse(texts[i][0]), texts[i][1]);
	struct cadence weekly = {CADENCE_WEEKS, 1};
	if (rc == STORE_OK)
		rc = store_org_set_cadence(d->st, &weekly);
	return rc;
}

/* A person from the department, or anyone, to credit or to own. */
static size_t person_in(struct demo *d, size_t dept)
{
	for (int tries = 0; tries < 8; tries++) {
		size_t p = (size_t)pick(&d->rng, (int)d->n_people);
		if (d->person_dept[p] == d->depts[dept])
			return p;
	}
	return (size_t)pick(&d->rng, (int)d->n_people);
}

static char *item_text(struct demo *d, enum item_kind kind, size_t dept, size_t *hero)
{
	struct rng *r = &d->rng;
	switch (kind) {
	case ITEM_ACTION:
		return xasprintf("%s %s for %s", ONE_OF(r, verbs), ONE_OF(r, objects), ONE_OF(r, segments));
	case ITEM_DECISION:
		return xasprintf("%s owns %s from next quarter", dept_pool[dept].name, ONE_OF(r, objects));
	case ITEM_WIN: {
		*hero = person_in(d, dept);
		char *s = xasprintf("Cut the wait on %s from %d to %d days", ONE_OF(r, objects),
				    between(r, 5, 14), between(r, 1, 4));
		/* "to 1 days" is no English: the number drawn is left as it is, so
		 * that a seed gives the same history as before. */
		size_t n = strlen(s);
		if (n > 7 && strcmp(s + n - 7, " 1 days") == 0)
			s[n - 1] = '\0';
		return s;
	}
	case ITEM_STORY:
		return xasprintf("A customer from %s gave up on %s after %d calls",
				 ONE_OF(r, segments), ONE_OF(r, objects), between(r, 2, 6));
	case ITEM_INSIGHT:
		return xasprintf("Complaints from %s rose %d%%: the cause was %s", ONE_OF(r, segments),
				 between(r, 3, 30), ONE_OF(r, causes));
	case ITEM_PARKED:
		return xasprintf("Should %s move to self-service?", ONE_OF(r, objects));
	case ITEM_MESSAGE:
		return xasprintf("Tell %s about the change to %s", dept_pool[dept].name, ONE_OF(r, objects));
	case ITEM_NOTE:
	default:
		return xasprintf("Follow-up on %s discussed; figures next week", ONE_OF(r, objects));
	}
}

static enum item_kind random_kind(struct rng *r)
{
	int x = pick(r, 100);
	return x < 30 ? ITEM_ACTION : x < 44 ? ITEM_DECISION : x < 54 ? ITEM_WIN
	       : x < 59 ? ITEM_STORY : x < 74 ? ITEM_INSIGHT : x < 89 ? ITEM_NOTE
	       : x < 95 ? ITEM_PARKED : ITEM_MESSAGE;
}

static enum store_rc slip(struct demo *d, struct pending *p, store_id meeting, time_t at)
{
	cx_date was = p->due;
	p->due += 7 * between(&d->rng, 1, 3);
	d->stats->events++;
	return store_bulk_item_due(d->st, p->id, was, p->due, meeting, at);
}

/* What happens to the open actions at meeting number m. */
static enum store_rc review_actions(struct demo *d, struct pending *open, size_t *n_open, int m,
				    store_id meeting, time_t at)
{
	size_t keep = 0;
	enum store_rc rc = STORE_OK;
	for (size_t i = 0; rc == STORE_OK && i < *n_open; i++) {
		struct pending *p = &open[i];
		if (p->close_at >= 0 && m >= p->close_at) {
			rc = store_bulk_item_status(d->st, p->id, STATUS_OPEN,
						    p->dropped ? STATUS_DROPPED : STATUS_DONE,
						    p->dropped ? ONE_OF(&d->rng, drop_reasons) : NULL,
						    meeting, at);
			/* its event, and one for each meeting it was carried to,
			 * written by the store as it closes */
			d->stats->events += 1 + (d->stats->meetings - p->from);
			continue;
		}
		/* still open: carried to this meeting, as the store counts it */
		if (p->slips_left > 0 && date_from_time(at) >= p->due) {
			p->slips_left--;
			rc = slip(d, p, meeting, at);
		}
		open[keep++] = *p;
	}
	*n_open = keep;
	return rc;
}

/* Now and then a leader moves on the stakeholder map after a meeting: most
 * often toward support, sometimes away (drawn from the meeting's id, so the
 * rest of the history stays as it was). */
static enum store_rc move_on_the_map(struct demo *d, store_id meeting, time_t at)
{
	uint32_t h = (uint32_t)meeting * 2654435761u;
	if ((h >> 8) % 100 >= 30 || d->n_people == 0)
		return STORE_OK;
	struct person p;
	enum store_rc rc = store_person_get(d->st, d->people[(h >> 16) % d->n_people], &p);
	if (rc != STORE_OK)
		return rc;
	enum stance support = p.support == STANCE_HIGH ? ((h >> 4) % 3 == 0 ? STANCE_LOW : STANCE_HIGH)
						       : STANCE_HIGH;
	if (support != p.support) {
		rc = store_person_set_stance(d->st, p.id, p.influence, support);
		if (rc == STORE_OK)
			rc = store_stance_history_add(d->st, p.id, p.influence, support,
						      at + 3600);
	}
	person_free(&p);
	return rc;
}

static enum store_rc initiatives_at(struct demo *d, store_id mid, time_t start);

static enum store_rc run_meeting(struct demo *d, int m, int total, time_t start,
				 struct pending **open, size_t *n_open, size_t *cap,
				 store_id *last_parked)
{
	store_id mid;
	int facilitator = d->n_people > 1 ? 1 : 0;
	enum store_rc rc = store_meeting_start(d->st, d->template_id, &d->agenda, start,
					       d->people[facilitator], &mid);
	if (rc != STORE_OK)
		return rc;
	d->stats->meetings++;
	for (size_t p = 0; rc == STORE_OK && p < d->n_people; p++) {
		size_t dept = 0;
		while (dept < d->n_depts && d->depts[dept] != d->person_dept[p])
			dept++;
		bool quiet = dept < d->n_depts && d->dept_quiet[dept] && m > total / 2;
		if (chance(&d->rng, quiet ? 5 : 85))
			rc = store_attendance_set(d->st, mid, d->people[p], true);
	}
	struct meeting_step *steps;
	size_t n_steps;
	if (rc == STORE_OK)
		rc = review_actions(d, *open, n_open, m, mid, start);
	if (rc == STORE_OK)
		rc = store_meeting_steps(d->st, mid, &steps, &n_steps);
	if (rc != STORE_OK)
		return rc;
	int n_items = between(&d->rng, 180, 220);
	store_id last_story = 0;
	for (int i = 0; rc == STORE_OK && i < n_items; i++) {
		enum item_kind kind = random_kind(&d->rng);
		size_t dept = (size_t)pick(&d->rng, (int)d->n_depts);
		if (d->dept_quiet[dept] && m > total / 2)
			dept = (size_t)pick(&d->rng, (int)d->n_depts);
		size_t person = person_in(d, dept);
		char *text = item_text(d, kind, dept, &person);
		time_t at = start + 60 * (5 + i * 60 / n_items);
		cx_date today = date_from_time(at);
		struct item it = {.kind = kind, .text = text, .dept_id = d->depts[dept],
				  .person_id = d->people[person], .due = DATE_NONE,
				  .revisit = DATE_NONE, .meeting_id = mid,
				  .step_id = steps[(size_t)i * n_steps / (size_t)n_items].id};
		if (kind == ITEM_ACTION)
			it.due = today + 7 * between(&d->rng, 1, 5);
		if (kind == ITEM_DECISION) {
			it.rationale = (char *)"Agreed by the council after the customer story and the figures.";
			if (chance(&d->rng, 20))
				it.revisit = today + 7 * between(&d->rng, 8, 26);
		}
		if (kind == ITEM_STORY)
			it.consent = chance(&d->rng, 40);
		if (kind == ITEM_PARKED)
			it.rank = between(&d->rng, 1, 9);
		rc = store_bulk_item_add(d->st, &it, at);
		free(text);
		if (rc != STORE_OK)
			break;
		d->stats->items++;
		d->stats->events++;
		/* a message goes to its department, which most often acknowledges it
		 * within the week; those of the last meeting wait. Drawn from the
		 * item's id, not the history's random numbers, which stay as they
		 * were. */
		if (kind == ITEM_MESSAGE) {
			rc = store_message_recipients_add(d->st, it.id, &it.dept_id, 1);
			uint32_t h = (uint32_t)it.id * 2654435761u;
			if (rc == STORE_OK && (h >> 8) % 100 < 85 && m < total - 1) {
				time_t ack = start + 86400 * (time_t)(1 + (h >> 16) % 6);
				rc = store_message_ack(d->st, it.id, it.dept_id, 0, ack);
				if (rc == STORE_OK)
					rc = store_bulk_item_status(d->st, it.id, STATUS_OPEN,
								    STATUS_CLOSED, NULL, 0, ack);
				d->stats->events++;
			}
			if (rc != STORE_OK)
				break;
		}
		if (kind == ITEM_STORY)
			last_story = it.id;
		if (kind == ITEM_ACTION && last_story && chance(&d->rng, 10)) {
			rc = store_item_link(d->st, it.id, last_story, LINK_AROSE_FROM);
			d->story_action = it.id;
		}
		/* story -> action -> win: now and then a win comes from the last
		 * action a story set going (drawn from the win's id, so the rest of
		 * the history stays as it was) */
		if (rc == STORE_OK && kind == ITEM_WIN && d->story_action &&
		    d->story_action < it.id && ((uint32_t)it.id * 2654435761u >> 8) % 100 < 30) {
			rc = store_item_link(d->st, it.id, d->story_action, LINK_AROSE_FROM);
			d->story_action = 0;
		}
		if (kind == ITEM_PARKED)
			*last_parked = it.id;
		if (kind == ITEM_DECISION && *last_parked && chance(&d->rng, 15)) {
			rc = store_item_link(d->st, it.id, *last_parked, LINK_SETTLES);
			if (rc == STORE_OK)
				rc = store_bulk_item_status(d->st, *last_parked, STATUS_OPEN, STATUS_CLOSED,
							    NULL, mid, at);
			d->stats->events++;
			*last_parked = 0;
		}
		if (kind == ITEM_ACTION) {
			if (*n_open == *cap) {
				*cap = *cap ? *cap * 2 : 1024;
				*open = xrealloc(*open, *cap * sizeof **open);
			}
			/* Recent ones may stay open (some overdue by now); an old one that
			 * got stuck is dropped after months of being carried. */
			bool stuck = chance(&d->rng, 3);
			bool recent = m >= total - 26;
			int close_at = stuck ? (recent ? -1 : m + between(&d->rng, 8, 20))
					     : m + between(&d->rng, 1, 6);
			(*open)[(*n_open)++] = (struct pending){
				.id = it.id, .due = it.due, .from = d->stats->meetings,
				.close_at = close_at,
				.slips_left = chance(&d->rng, 20) ? between(&d->rng, 1, 3) : 0,
				.dropped = stuck || chance(&d->rng, 10)};
		}
	}
	for (size_t s = 0; rc == STORE_OK && s < n_steps; s++)
		rc = store_meeting_step_time(d->st, mid, (int)s,
					     steps[s].planned_minutes * between(&d->rng, 40, 80), true);
	meeting_steps_free(steps, n_steps);
	if (rc == STORE_OK)
		rc = store_meeting_set_current_step(d->st, mid, (int)n_steps - 1);
	if (rc == STORE_OK)
		rc = move_on_the_map(d, mid, start);
	if (rc == STORE_OK)
		rc = initiatives_at(d, mid, start);
	time_t end = start + 60 * between(&d->rng, 55, 80);
	bool abandoned = chance(&d->rng, 2);
	if (rc == STORE_OK)
		rc = store_meeting_finish(d->st, mid, abandoned ? MEETING_ABANDONED : MEETING_COMPLETED,
					  end, abandoned ? 0 : between(&d->rng, 5, 10),
					  date_from_time(start) + 7);
	return rc;
}

/* The scorecard: the success statement's measures and a KPI for some
 * departments, each with its owner, target and frequency. */
static enum store_rc add_measures(struct demo *d, time_t at)
{
	static const struct {
		const char *name, *unit;
		enum measure_freq freq;
		double start, target, step;
		bool lower;
		const char *dept; /* NULL: the success statement's; else that department's KPI */
	} defs[] = {
		{"Repeat purchase rate", "%", FREQ_MONTHLY, 31, 38, 0.8, false, NULL},
		{"Complaints per 1,000 orders", NULL, FREQ_WEEKLY, 9.5, 6, 0.4, true, NULL},
		{"NPS", "points", FREQ_QUARTERLY, 18, 35, 3, false, NULL},
		{"First-contact resolution", "%", FREQ_WEEKLY, 64, 80, 1.5, false, NULL},
		{"Repeat contacts per case", NULL, FREQ_MEETING, 1.9, 1.4, 0.06, true, NULL},
		{"Days to refund", "days", FREQ_MEETING, 7, 3, 0.4, true, "Finance"},
		{"Orders delivered on the promised day", "%", FREQ_WEEKLY, 86, 95, 1, false,
		 "Logistics"},
		{"Cases reopened", "%", FREQ_MONTHLY, 12, 6, 0.8, true, "Customer Service"},
	};
	d->measures = xcalloc(ARRAY_SIZE(defs), sizeof *d->measures);
	enum store_rc rc = STORE_OK;
	for (size_t i = 0; rc == STORE_OK && i < ARRAY_SIZE(defs); i++) {
		store_id dept = 0;
		if (defs[i].dept) {
			struct dept found;
			rc = dept_find(d->st, defs[i].dept, &found);
			if (rc == STORE_NOTFOUND) {
				rc = STORE_OK;
				continue;
			}
			if (rc != STORE_OK)
				break;
			dept = found.id;
			dept_free(&found);
		}
		size_t owner = (size_t)pick(&d->mrng, (int)d->n_people);
		struct measure m = {.name = (char *)defs[i].name, .unit = (char *)defs[i].unit,
				    .kind = dept ? MEASURE_KPI : MEASURE_SUCCESS,
				    .frequency = defs[i].freq, .dept_id = dept,
				    .person_id = d->n_people ? d->people[owner] : 0,
				    .lower_is_better = defs[i].lower, .has_target = true,
				    .target = defs[i].target};
		store_id id;
		rc = measure_add(d->st, &m, at, &id);
		d->measures[d->n_measures++] = (struct demo_measure){
			id, defs[i].freq, defs[i].start, defs[i].step, defs[i].target,
			defs[i].lower, DATE_NONE};
	}
	return rc;
}

/* Each measure's value for the period a meeting on `day` opens: a walk that
 * leans toward the target, with slips back now and then. */
static enum store_rc measure_values_at(struct demo *d, time_t at)
{
	cx_date day = date_from_time(at);
	enum store_rc rc = STORE_OK;
	for (size_t i = 0; rc == STORE_OK && i < d->n_measures; i++) {
		struct demo_measure *m = &d->measures[i];
		cx_date period = measure_period(m->freq, day);
		if (period == m->last_period)
			continue;
		m->last_period = period;
		double toward = (m->target > m->value) ? 1 : -1;
		int r = pick(&d->mrng, 100);
		double move = m->step * (r < 55 ? toward : r < 85 ? -toward : 0) *
			      (0.5 + pick(&d->mrng, 100) / 100.0);
		m->value += move;
		if (m->value < 0)
			m->value = 0;
		double shown = (double)(long long)(m->value * 10 + (m->value >= 0 ? 0.5 : -0.5)) / 10;
		rc = store_measure_value_add(d->st, m->id, period, shown, at + 3600);
	}
	return rc;
}

/* The council's initiatives in meeting mid on `start`: three new ones each
 * quarter, due at its end, with milestones; each open one reviewed now and
 * then, a milestone reached, off track at times with what is in the way;
 * done or dropped as its quarter ends. */
static enum store_rc initiatives_at(struct demo *d, store_id mid, time_t start)
{
	cx_date day = date_from_time(start);
	cx_date quarter = initiative_quarter_start(day);
	enum store_rc rc = STORE_OK;
	for (size_t i = 0; rc == STORE_OK && i < d->n_inits; i++) {
		struct demo_initiative *in = &d->inits[i];
		if (in->closed)
			continue;
		/* the demo's notes are its own clean text: the reviews go to the
		 * store as they are (initiative_set_track's rules hold for them) */
		if (day >= in->due - 7) {
			bool dropped = chance(&d->irng, 20);
			in->closed = true;
			rc = store_initiative_review(d->st, in->id, dropped ? TRACK_DROPPED : TRACK_DONE,
						     dropped ? "overtaken by a higher priority" : NULL,
						     mid, start + 1800);
			continue;
		}
		if (!chance(&d->irng, 70))
			continue;
		if (in->reached < in->milestones && chance(&d->irng, 35))
			rc = store_milestone_reach(d->st, in->milestone[in->reached++], day);
		bool off = chance(&d->irng, 20);
		if (rc == STORE_OK)
			rc = store_initiative_review(
				d->st, in->id, off ? TRACK_OFF : TRACK_ON,
				off ? initiative_blocks[pick(&d->irng, (int)ARRAY_SIZE(initiative_blocks))]
				    : NULL,
				mid, start + 1800);
	}
	if (rc != STORE_OK || quarter == d->quarter)
		return rc;
	d->quarter = quarter;
	cx_date due = date_add_months(quarter, 3) - 1;
	char q[16];
	initiative_quarter(due, q, sizeof q);
	for (int k = 0; rc == STORE_OK && k < 3; k++) {
		size_t owner = (size_t)pick(&d->irng, (int)d->n_people);
		char *title = xasprintf("%s (%s)",
					initiative_titles[pick(&d->irng, (int)ARRAY_SIZE(initiative_titles))], q);
		struct initiative in = {.title = title, .person_id = d->people[owner],
					.dept_id = d->person_dept[owner], .due = due};
		store_id id;
		rc = initiative_add(d->st, &in, start, &id);
		if (rc == STORE_DUPLICATE) { /* the same title twice in a quarter: one is enough */
			rc = STORE_OK;
			free(title);
			continue;
		}
		free(title);
		struct demo_initiative di = {.id = id, .milestones = between(&d->irng, 2, 3), .due = due};
		for (int m = 0; rc == STORE_OK && m < di.milestones; m++)
			rc = store_milestone_add(
				d->st, id, milestone_titles[(size_t)(k + m * 2) % ARRAY_SIZE(milestone_titles)],
				date_add_months(quarter, m + 1) - 1, start, &di.milestone[m]);
		if (d->n_inits == d->cap_inits) {
			d->cap_inits = d->cap_inits ? d->cap_inits * 2 : 16;
			d->inits = xrealloc(d->inits, d->cap_inits * sizeof *d->inits);
		}
		d->inits[d->n_inits++] = di;
	}
	return rc;
}

static enum store_rc generate(struct demo *d, int years, time_t now, demo_progress_fn progress,
			      void *ctx)
{
	enum store_rc rc = set_org(d);
	if (rc == STORE_OK)
		rc = add_depts(d);
	if (rc == STORE_OK)
		rc = add_people(d);
	if (rc == STORE_OK)
		rc = add_measures(d, now - (time_t)years * 52 * 7 * 86400);
	if (rc == STORE_OK)
		rc = store_template_default(d->st, &d->template_id);
	if (rc == STORE_OK)
		rc = store_template_get(d->st, d->template_id, &d->agenda);
	if (rc != STORE_OK)
		return rc;
	int weeks = years * 52;
	struct pending *open = NULL;
	size_t n_open = 0, cap = 0;
	store_id last_parked = 0;
	/* Meetings at 10:00 on the same weekday, the last one a week before now. */
	cx_date today = date_from_time(now);
	for (int w = 0; rc == STORE_OK && w < weeks; w++) {
		if (chance(&d->rng, 7) && w < weeks - 1) /* skipped "just this once" */
			continue;
		cx_date day = today - 7 * (weeks - w) + (chance(&d->rng, 10) ? between(&d->rng, 1, 2) : 0);
		int y, mo, dd;
		date_to_ymd(day, &y, &mo, &dd);
		struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = dd,
				.tm_hour = 10, .tm_min = between(&d->rng, 0, 1) * 5, .tm_isdst = -1};
		rc = run_meeting(d, w, weeks, mktime(&tm), &open, &n_open, &cap, &last_parked);
		if (rc == STORE_OK)
			rc = measure_values_at(d, mktime(&tm));
		if (progress)
			progress(w + 1, weeks, ctx);
	}
	free(open);
	free(d->measures);
	free(d->inits);
	return rc;
}

enum store_rc demo_generate(struct store *st, int years, uint64_t seed, time_t now,
			    struct demo_stats *stats, demo_progress_fn progress, void *ctx)
{
	int64_t meetings;
	memset(stats, 0, sizeof *stats);
	enum store_rc rc = store_meeting_count(st, &meetings);
	if (rc != STORE_OK)
		return rc;
	if (meetings > 0)
		return STORE_DUPLICATE;
	struct demo d = {.st = st, .rng = {seed}, .mrng = {seed ^ 0x5c0deca2dULL},
		     .irng = {seed ^ 0x1a1715e5ULL}, .stats = stats};
	/* Every page written once, into the file, when nobody else has it open
	 * (else through the log, as any write). */
	bool journal = store_bulk_journal(st, true) == STORE_OK;
	rc = store_begin(st);
	/* The full-text index is built once at the end, not item by item; the
	 * meetings written are the ones started here. */
	if (rc == STORE_OK)
		rc = store_bulk_begin(st);
	if (rc == STORE_OK)
		rc = generate(&d, years, now, progress, ctx);
	if (rc == STORE_OK)
		rc = store_bulk_end(st);
	if (rc == STORE_OK)
		rc = store_commit(st);
	else
		store_rollback(st);
	if (journal)
		(void)store_bulk_journal(st, false); /* else at the next open */
	free(d.depts);
	free(d.dept_behind);
	free(d.dept_quiet);
	free(d.people);
	free(d.person_dept);
	agenda_free(&d.agenda);
	return rc;
}
