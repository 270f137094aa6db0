/* minutes.c - one meeting's minutes as Markdown: title and times, mission,
 * attendance by department, the agenda with the time spent, the items by
 * kind, and the action review. minutes_load() (minutes_load.c) gathers all
 * of it through the store once (no SQL, no curses); this renderer, like the
 * JSON one (minutes_json.c), only walks what it gathered. Every piece of
 * user text goes through md_inline() or md_block(), which escape it so that
 * it can never change the document's structure. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cxmeet/leaders.h"
#include "cxmeet/initiatives.h"
#include "cxmeet/scorecard.h"
#include "cxmeet/meeting.h"
#include "cxmeet/minutes.h"
#include "cxmeet/output.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

#include "minutes_int.h"

/* --- escaping ----------------------------------------------------------- */

/* Characters that mean something to Markdown (CommonMark with the GitHub
 * extensions) wherever they stand. */
static bool md_special(char c)
{
	return c != '\0' && strchr("\\`*_[]#|<>~", c) != NULL;
}

static bool is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* '&' only matters where it could start an entity such as "&amp;". */
static bool md_entity_start(const char *p)
{
	return p[0] == '&' && (p[1] == '#' || is_alnum(p[1]));
}

/* At the start of a line: drops leading blanks (indentation would make code)
 * and escapes what would open a list or a heading underline. Returns where
 * the rest of the line begins. */
static const char *md_line_start(struct strbuf *sb, const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '-' || *p == '+' || *p == '=') {
		sb_add(sb, "\\");
		sb_addn(sb, p, 1);
		return p + 1;
	}
	const char *q = p;
	while (*q >= '0' && *q <= '9')
		q++;
	if (q > p && (*q == '.' || *q == ')')) {
		sb_addn(sb, p, (size_t)(q - p));
		sb_add(sb, "\\");
		sb_addn(sb, q, 1);
		return q + 1;
	}
	return p;
}

static bool md_parens_balanced(const char *p, size_t n)
{
	int depth = 0;
	for (size_t i = 0; i < n; i++)
		depth += p[i] == '(' ? 1 : p[i] == ')' ? -1 : 0;
	return depth == 0;
}

/* The length of a web address starting at p (0: none), without the
 * punctuation that ends a sentence. It stops where an autolink must stop and
 * at '|', which would split a table cell. */
static size_t md_url_len(const char *p, size_t len)
{
	size_t scheme = strncasecmp(p, "https://", 8) == 0 ? 8
			: strncasecmp(p, "http://", 7) == 0 ? 7 : 0;
	if (scheme == 0 || scheme > len)
		return 0;
	size_t n = scheme;
	while (n < len && !strchr(" \t\r\n<>|", p[n]) && (unsigned char)p[n] >= 0x20 &&
	       p[n] != 0x7f)
		n++;
	while (n > scheme && strchr(".,:;!?'\")]*_~", p[n - 1])) {
		if (p[n - 1] == ')' && md_parens_balanced(p, n))
			break; /* https://en.wikipedia.org/wiki/Foo_(bar) */
		n--;
	}
	return n > scheme ? n : 0;
}

/* The length of a "www." address starting at p (0: none) as GitHub's
 * extended autolink takes it (GFM spec, "Autolinks (extension)"): a valid
 * domain (segments of letters, digits, '_' and '-' between periods, no '_'
 * in the last two), then a path up to a blank or '<', less the punctuation
 * that ends a sentence and an unbalanced ')'. It also stops before anything
 * that would mean something to plain CommonMark if written unescaped ('*',
 * '`', '[', ']', '\\', '|', '&'), so that the address can be written as it is:
 * an escape inside it would show as a backslash in GitHub's link. */
static size_t md_www_len(const char *p, size_t len)
{
	if (len < 5 || strncasecmp(p, "www.", 4) != 0)
		return 0;
	size_t n = 4, seg = 4, last_us = 0, prev_us = 0; /* '_' in the last segments */
	bool us = false;
	while (n < len && (is_alnum(p[n]) || p[n] == '-' || p[n] == '_' || p[n] == '.')) {
		if (p[n] == '.') {
			if (n == seg)
				return 0; /* an empty segment */
			prev_us = last_us;
			last_us = us;
			us = false;
			seg = n + 1;
		} else if (p[n] == '_') {
			us = true;
		}
		n++;
	}
	if (n == seg && p[n - 1] == '.')
		n--; /* "www.example.com." ends a sentence */
	else {
		prev_us = last_us;
		last_us = us;
	}
	if (n <= 4 || prev_us || last_us)
		return 0;
	while (n < len && !strchr(" \t\r\n<*`[]\\|&", p[n]) && (unsigned char)p[n] >= 0x20 &&
	       p[n] != 0x7f)
		n++;
	while (n > 4 && strchr("?!.,:*_~'\")", p[n - 1])) {
		if (p[n - 1] == ')' && md_parens_balanced(p, n))
			break;
		n--;
	}
	return n;
}

/* Appends p[0..len) with every significant character escaped. Web addresses
 * become autolinks (<https://...>), whose text Markdown takes literally, so
 * that escapes do not end up inside them; a "www." address is written as it
 * is (md_www_len() keeps it free of anything to escape), for GitHub links it
 * by itself. Line breaks become spaces: inline
 * text must stay on its line (and in its table cell). p is text_printable's:
 * nothing unsafe is left in it. */
static void md_escape_span(struct strbuf *sb, const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		size_t url = i == 0 || !is_alnum(p[i - 1]) ? md_url_len(p + i, len - i) : 0;
		if (url) {
			sb_add(sb, "<");
			sb_addn(sb, p + i, url);
			sb_add(sb, ">");
			i += url - 1;
			continue;
		}
		size_t www = i == 0 || strchr(" \t\r\n*_~(", p[i - 1]) ? md_www_len(p + i, len - i) : 0;
		if (www) {
			sb_addn(sb, p + i, www);
			i += www - 1;
			continue;
		}
		char c = p[i];
		if (c == '\n' || c == '\r')
			c = ' ';
		if (md_special(c) || (c == '&' && md_entity_start(p + i)))
			sb_add(sb, "\\");
		sb_addn(sb, &c, 1);
	}
}

/* User text inside a line: a name, a short text, a table cell. */
void md_inline(struct strbuf *sb, const char *s)
{
	char *safe = text_printable(s);
	const char *p = md_line_start(sb, safe);
	md_escape_span(sb, p, strlen(p));
	free(safe);
}

/* User text of several lines, each line prefixed by indent; blank lines are
 * kept (without the indent) and blanks around each line dropped. */
void md_block(struct strbuf *sb, const char *s, const char *indent)
{
	char *safe = text_printable(s);
	for (const char *p = safe; *p;) {
		size_t len = strcspn(p, "\n");
		char *line = xstrndup(p, len);
		size_t n = len;
		while (n > 0 && strchr(" \t\r", line[n - 1]))
			line[--n] = '\0';
		const char *q = line + strspn(line, " \t");
		if (*q) {
			sb_add(sb, indent);
			const char *rest = md_line_start(sb, q);
			md_escape_span(sb, rest, strlen(rest));
		}
		sb_add(sb, "\n");
		free(line);
		p += len;
		if (*p == '\n')
			p++;
	}
	free(safe);
}

/* Starts a "## title" section after exactly one blank line. */
void md_section(struct strbuf *sb, const char *title)
{
	bool blank = sb->len >= 2 && sb->s[sb->len - 1] == '\n' && sb->s[sb->len - 2] == '\n';
	sb_addf(sb, "%s## %s\n\n", blank ? "" : "\n", title);
}

/* --- title, times, mission ---------------------------------------------- */

/* Whether department id works behind the scenes (not customer-facing). */
static bool dept_behind(const struct minutes *mc, store_id id)
{
	for (size_t i = 0; i < mc->n_depts; i++)
		if (mc->depts[i].id == id)
			return mc->depts[i].behind;
	return false;
}

static const char *status_text(enum meeting_status s)
{
	switch (s) {
	case MEETING_IN_PROGRESS:
		return "in progress";
	case MEETING_COMPLETED:
		return "completed";
	default:
		return "abandoned";
	}
}

static void render_title(struct minutes *mc)
{
	char day[16], start[16], end[16];
	const char *name = mc->org.text[ORG_NAME];
	date_format(date_from_time(mc->m.started_at), day, sizeof day);
	sb_add(&mc->sb, "# ");
	if (name && *name) {
		md_inline(&mc->sb, name);
		sb_add(&mc->sb, " ");
	}
	sb_addf(&mc->sb, "CX council — %s\n\n", day);
	clock_format_local(mc->m.started_at, "%H:%M", "?", start, sizeof start);
	if (mc->m.ended_at) {
		clock_format_local(mc->m.ended_at, "%H:%M", "?", end, sizeof end);
		sb_addf(&mc->sb, "**Time:** %s–%s", start, end);
		int length = meeting_length_minutes(mc->m.started_at, mc->m.ended_at);
		if (length >= 0)
			sb_addf(&mc->sb, " (%d min)", length);
	} else {
		sb_addf(&mc->sb, "**Time:** from %s", start);
	}
	sb_addf(&mc->sb, " · **Status:** %s", status_text(mc->m.status));
	char rating[64];
	meeting_rating_text(&mc->spread, mc->m.rating, rating, sizeof rating);
	if (*rating)
		sb_addf(&mc->sb, " · **Rating:** %s", rating);
	if (mc->m.next_meeting != DATE_NONE) {
		date_format(mc->m.next_meeting, day, sizeof day);
		sb_addf(&mc->sb, " · **Next meeting:** %s", day);
	}
	sb_add(&mc->sb, "\n");
}

static void render_mission(struct minutes *mc)
{
	const char *mission = mc->org.text[ORG_MISSION];
	const char *success = mc->org.text[ORG_SUCCESS];
	if (!mission || !*mission)
		return;
	md_section(&mc->sb, "Mission");
	md_block(&mc->sb, mission, "");
	if (success && *success) {
		sb_add(&mc->sb, "\n*Success means:*\n");
		md_block(&mc->sb, success, "");
	}
}

/* --- attendance --------------------------------------------------------- */

/* One list entry per department (attendees come sorted by department). */
static void render_present(struct minutes *mc, const struct attendee *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || a[i].dept_id != a[i - 1].dept_id) {
			sb_add(&mc->sb, i ? "\n- **" : "- **");
			md_inline(&mc->sb, a[i].dept_name ? a[i].dept_name : "No department");
			sb_add(&mc->sb, ":** ");
		} else {
			sb_add(&mc->sb, ", ");
		}
		md_inline(&mc->sb, a[i].name);
		if (a[i].role == ROLE_SPONSOR || a[i].role == ROLE_LEAD)
			sb_addf(&mc->sb, " (%s)", role_name(a[i].role));
	}
	sb_add(&mc->sb, n ? "\n" : "Nobody was recorded as present.\n");
}

static void render_absent(struct minutes *mc, const struct attendee *a, size_t n)
{
	size_t missing = 0;
	for (size_t i = 0; i < mc->n_depts; i++) {
		const struct dept *d = &mc->depts[i];
		if (d->archived || minutes_dept_present(d->id, a, n))
			continue;
		sb_add(&mc->sb, missing++ ? ", " : "\nNot represented: ");
		md_inline(&mc->sb, d->name);
		const struct briefer *b = minutes_briefer(mc, d->id);
		if (b) {
			sb_add(&mc->sb, " (briefed by ");
			md_inline(&mc->sb, b->person_name);
			sb_add(&mc->sb, ")");
		}
	}
	if (missing)
		sb_add(&mc->sb, "\n");
	else if (n)
		sb_add(&mc->sb, "\nEvery department was represented.\n");
}

/* "Ratings: Ana 8, Ben 6" under the attendance, when members rated. */
static void render_ratings(struct minutes *mc)
{
	if (!mc->n_ratings)
		return;
	sb_add(&mc->sb, "\nRatings: ");
	for (size_t i = 0; i < mc->n_ratings; i++) {
		if (i)
			sb_add(&mc->sb, ", ");
		md_inline(&mc->sb, mc->ratings[i].name);
		sb_addf(&mc->sb, " %d", mc->ratings[i].rating);
	}
	char spread[64];
	rating_spread_text(&mc->spread, spread, sizeof spread);
	sb_addf(&mc->sb, " — average %s\n", spread);
}

static void render_attendance(struct minutes *mc)
{
	md_section(&mc->sb, "Attendance");
	render_present(mc, mc->att, mc->n_att);
	render_absent(mc, mc->att, mc->n_att);
	render_ratings(mc);
}

/* --- agenda ------------------------------------------------------------- */

static void render_agenda(struct minutes *mc)
{
	const struct meeting_step *s = mc->steps;
	size_t n = mc->n_steps;
	md_section(&mc->sb, "Agenda");
	sb_add(&mc->sb, "| Step | Planned (min) | Actual (min) | Done |\n"
		"|---|---:|---:|---|\n");
	int planned = 0, actual = 0;
	for (size_t i = 0; i < n; i++) {
		sb_add(&mc->sb, "| ");
		md_inline(&mc->sb, s[i].title);
		sb_addf(&mc->sb, " | %d | %d | %s |\n", s[i].planned_minutes,
			minutes_round(s[i].actual_seconds),
			meeting_step_done(&s[i], &mc->work) ? "yes" : s[i].skipped ? "skipped" : "no");
		/* A skipped step was never planned to run: the runner's total agrees. */
		planned += s[i].skipped ? 0 : s[i].planned_minutes;
		actual += s[i].actual_seconds;
	}
	sb_addf(&mc->sb, "| **Total** | %d | %d | |\n", planned, minutes_round(actual));
}

/* --- items -------------------------------------------------------------- */

/* The facts after an item's text: " — first, second, ...". */
struct facts {
	struct strbuf *sb;
	int n;
};

static void fact_sep(struct facts *f)
{
	sb_add(f->sb, f->n++ ? ", " : " — ");
}

/* label followed by user text; nothing when the text is missing. */
static void fact(struct facts *f, const char *label, const char *user_text)
{
	if (!user_text || !*user_text)
		return;
	fact_sep(f);
	sb_add(f->sb, label);
	md_inline(f->sb, user_text);
}

static void fact_date(struct facts *f, const char *label, cx_date d)
{
	char buf[16];
	if (d == DATE_NONE)
		return;
	date_format(d, buf, sizeof buf);
	fact_sep(f);
	sb_addf(f->sb, "%s%s", label, buf);
}

static void item_facts(struct minutes *mc, const struct item *it)
{
	struct facts f = {.sb = &mc->sb};
	switch (it->kind) {
	case ITEM_STORY:
		fact(&f, "told by ", it->person_name);
		fact(&f, "", it->dept_name);
		if (!it->consent)
			sb_add(&mc->sb, " (customer not named)");
		break;
	case ITEM_DECISION:
		fact(&f, "", it->dept_name);
		fact(&f, "decided by ", it->person_name);
		fact_date(&f, "revisit ", it->revisit);
		if (it->superseded_by)
			sb_add(&mc->sb, " (superseded)");
		break;
	case ITEM_ACTION:
		fact(&f, "owner ", it->person_name);
		fact(&f, "", it->dept_name);
		fact_date(&f, "due ", it->due);
		if (it->status != STATUS_OPEN)
			sb_addf(&mc->sb, " (%s)", item_status_name(it->status));
		break;
	case ITEM_WIN:
		fact(&f, "", it->dept_name);
		if (it->dept_id && dept_behind(mc, it->dept_id))
			sb_add(&mc->sb, " (behind the scenes)");
		fact(&f, "hero ", it->person_name);
		break;
	case ITEM_MESSAGE:
		fact(&f, "tell ", it->dept_name);
		break;
	default:
		fact(&f, "", it->dept_name);
		fact(&f, "", it->person_name);
		if (it->kind == ITEM_PARKED && it->status == STATUS_CLOSED)
			sb_add(&mc->sb, " (settled)");
		break;
	}
}

/* The wins that came from `from` (0: the story itself), one level in. */
static void render_chain_wins(struct minutes *mc, const struct story_chain *c, store_id from,
			      const char *indent)
{
	for (size_t i = 0; i < c->n_wins; i++) {
		if (c->wins[i].from_action != from)
			continue;
		sb_addf(&mc->sb, "%s- → *Win:* ", indent);
		md_inline(&mc->sb, c->wins[i].it.text);
		item_facts(mc, &c->wins[i].it);
		if (c->wins[i].measure) {
			sb_add(&mc->sb, " → moved ");
			md_inline(&mc->sb, c->wins[i].measure);
		}
		sb_add(&mc->sb, "\n");
	}
}

/* Story -> action -> win: what the story set going, as a list under it. */
static void render_chain(struct minutes *mc, const struct item *it)
{
	const struct story_chain *c = it->kind == ITEM_STORY ? minutes_chain(mc, it->id) : NULL;
	if (!c)
		return;
	for (size_t i = 0; i < c->n_actions; i++) {
		sb_add(&mc->sb, "  - → *Action:* ");
		md_inline(&mc->sb, c->actions[i].text);
		item_facts(mc, &c->actions[i]);
		sb_add(&mc->sb, "\n");
		render_chain_wins(mc, c, c->actions[i].id, "    ");
	}
	render_chain_wins(mc, c, 0, "  ");
}

static void render_item(struct minutes *mc, const struct item *it)
{
	sb_add(&mc->sb, "- ");
	md_inline(&mc->sb, it->text);
	item_facts(mc, it);
	sb_add(&mc->sb, "\n");
	render_chain(mc, it);
	bool more = false;
	if (it->kind == ITEM_DECISION && it->rationale && *it->rationale) {
		sb_add(&mc->sb, "\n  *Rationale:*\n");
		md_block(&mc->sb, it->rationale, "  ");
		more = true;
	}
	if (it->detail && *it->detail) {
		sb_add(&mc->sb, "\n");
		md_block(&mc->sb, it->detail, "  ");
		more = true;
	}
	if (more)
		sb_add(&mc->sb, "\n");
}

static void render_items(struct minutes *mc)
{
	const struct item *it = mc->items;
	size_t n = mc->n_items;
	for (size_t k = 0; k < ARRAY_SIZE(minutes_sections); k++) {
		bool any = false;
		for (size_t i = 0; i < n; i++) {
			if (it[i].kind != minutes_sections[k].kind || it[i].deleted_at)
				continue;
			if (!any)
				md_section(&mc->sb, minutes_sections[k].title);
			any = true;
			render_item(mc, &it[i]);
		}
	}
}

/* What was recorded between meetings for this meeting: each item as its
 * section writes it, then who recorded it and when, and whether the
 * meeting discussed it. */
static void render_between(struct minutes *mc)
{
	if (!mc->n_between)
		return;
	md_section(&mc->sb, "Recorded between meetings");
	for (size_t i = 0; i < mc->n_between; i++) {
		const struct waiting_item *w = &mc->between[i];
		char date[16];
		date_format(date_from_time(w->it.created_at), date, sizeof date);
		sb_addf(&mc->sb, "- *%s:* ", item_kind_label(w->it.kind));
		md_inline(&mc->sb, w->it.text);
		item_facts(mc, &w->it);
		sb_add(&mc->sb, " — recorded ");
		if (actor_known(w->recorded_by)) {
			sb_add(&mc->sb, "by ");
			md_inline(&mc->sb, w->recorded_by);
			sb_add(&mc->sb, " ");
		}
		sb_addf(&mc->sb, "on %s; %s\n", date,
			w->discussed ? "discussed"
			: w->it.kind == ITEM_TOPIC ? "not discussed: carried to the next meeting"
						   : "not discussed");
		render_chain(mc, &w->it);
	}
}

/* --- action review ------------------------------------------------------ */

static void render_change(struct strbuf *sb, const char *what, const struct item_event *e)
{
	sb_add(sb, what);
	sb_add(sb, " ");
	md_inline(sb, e->old_value && *e->old_value ? e->old_value : "nobody");
	sb_add(sb, " → ");
	md_inline(sb, e->new_value && *e->new_value ? e->new_value : "nobody");
}

/* One line per change made to an earlier action; nothing for the kinds of
 * event the review does not show (edits). */
static void render_review_event(struct strbuf *sb, const struct review_event *r)
{
	const struct item_event *e = &r->e;
	const char *word = NULL;
	switch (e->kind) {
	case EVENT_DONE: word = "done"; break;
	case EVENT_DROPPED: word = "dropped"; break;
	case EVENT_REOPENED: word = "reopened"; break;
	case EVENT_DUE_MOVED:
	case EVENT_REASSIGNED: break;
	default: return;
	}
	sb_add(sb, "- ");
	md_inline(sb, r->item_text);
	sb_add(sb, " — ");
	if (word)
		sb_add(sb, word);
	else
		render_change(sb, event_kind_label(e->kind), e); /* "due date moved" */
	if (e->reason && *e->reason) {
		sb_add(sb, ": ");
		md_inline(sb, e->reason);
	}
	sb_add(sb, "\n");
}

static void render_review(struct minutes *mc)
{
	struct strbuf lines;
	sb_init(&lines);
	for (size_t i = 0; i < mc->n_review; i++)
		if (mc->review[i].item_kind == ITEM_ACTION)
			render_review_event(&lines, &mc->review[i]);
	if (lines.len) {
		md_section(&mc->sb, "Action review");
		sb_add(&mc->sb, lines.s);
	}
	sb_free(&lines);
}

/* --- the document ------------------------------------------------------- */

/* --- the scorecard ---------------------------------------------------------- */

void md_value(struct strbuf *sb, const struct measure *m, double v)
{
	char n[40];
	measure_value_text(v, n, sizeof n);
	sb_add(sb, n);
	if (m->unit && *m->unit) {
		if (strcmp(m->unit, "%") != 0)
			sb_add(sb, " ");
		md_inline(sb, m->unit);
	}
}

static void render_scorecard(struct minutes *mc)
{
	if (!mc->n_measures)
		return;
	md_section(&mc->sb, "Scorecard");
	sb_add(&mc->sb, "| Measure | Department | Last value | Period | Target | Track |\n"
			"|---|---|---:|---|---|---|\n");
	for (size_t i = 0; i < mc->n_measures; i++) {
		const struct measure *m = &mc->measures[i];
		char p[32] = "";
		sb_add(&mc->sb, "| ");
		md_inline(&mc->sb, m->name);
		sb_add(&mc->sb, " | ");
		md_inline(&mc->sb, m->dept_name ? m->dept_name : "");
		sb_add(&mc->sb, " | ");
		if (m->has_value) {
			md_value(&mc->sb, m, m->value);
			measure_period_text(m->frequency, m->value_on, p, sizeof p);
		} else {
			sb_add(&mc->sb, "-");
		}
		sb_addf(&mc->sb, " | %s | ", p);
		if (m->has_target) {
			sb_add(&mc->sb, m->lower_is_better ? "≤ " : "≥ ");
			md_value(&mc->sb, m, m->target);
		}
		sb_addf(&mc->sb, " | %s |\n", m->has_value ? measure_track_word(measure_on_track(m, m->value))
							  : "no value");
	}
}

/* --- the initiatives ------------------------------------------------------- */

static void render_initiatives(struct minutes *mc)
{
	if (!mc->n_inits)
		return;
	md_section(&mc->sb, "Initiatives");
	sb_add(&mc->sb, "| Initiative | Owner | Due | Track | Note |\n|---|---|---|---|---|\n");
	for (size_t i = 0; i < mc->n_inits; i++) {
		const struct initiative_review *r = &mc->inits[i];
		const struct initiative *in = &mc->init_of[i];
		char due[16];
		date_format(in->due, due, sizeof due);
		sb_add(&mc->sb, "| ");
		md_inline(&mc->sb, r->title);
		sb_add(&mc->sb, " | ");
		md_inline(&mc->sb, in->person_name ? in->person_name : "");
		sb_addf(&mc->sb, " | %s | %s | ", due, initiative_track_word(r->track));
		md_inline(&mc->sb, r->note ? r->note : "");
		sb_add(&mc->sb, " |\n");
	}
}

enum store_rc minutes_markdown(struct store *st, store_id meeting, char **out)
{
	struct minutes mc = {.st = st};
	*out = NULL;
	sb_init(&mc.sb);
	enum store_rc rc = minutes_load(&mc, meeting);
	if (rc == STORE_OK) {
		render_title(&mc);
		render_mission(&mc);
		render_attendance(&mc);
		render_agenda(&mc);
		render_items(&mc);
		render_initiatives(&mc);
		render_scorecard(&mc);
		render_between(&mc);
		render_review(&mc);
		*out = sb_take(&mc.sb);
	}
	minutes_unload(&mc);
	return rc;
}

char *minutes_default_filename(const struct meeting *m)
{
	char day[16];
	date_format(date_from_time(m->started_at), day, sizeof day);
	return xasprintf("cx-council-%s.md", day);
}
