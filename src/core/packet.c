/* packet.c - the sponsor's progress packet (packet.h): gathered through the
 * store once, then written as HTML with inline SVG charts or as Markdown.
 * Every figure is counted here, once, for both formats. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/actions.h"
#include "cxmeet/chain.h"
#include "cxmeet/decisions.h"
#include "cxmeet/leaders.h"
#include "cxmeet/ledger.h"
#include "cxmeet/packet.h"
#include "cxmeet/report.h"
#include "cxmeet/initiatives.h"
#include "cxmeet/scorecard.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

#include "minutes_int.h"

/* Stories read, newest first, to find those that set something going. */
#define PACKET_STORIES_READ 300
/* Open actions read per store call, to find the escalated ones. */
#define PACKET_PAGE 2000
/* Quarters the ledger's attendance columns show, the last ones. */
#define PACKET_QUARTERS 8

/* One department's figures. */
struct dept_fig {
	const struct dept *d; /* in the ledger's */
	int64_t wins;         /* from since */
	int64_t overdue;      /* now */
	int64_t attended, meetings, actions, on_time, ledger_wins, messages, acked, up, down; /* ledger sums */
	int shift, shift_from, shift_to; /* ledger_shift */
	struct credit_count heroes[PACKET_HEROES];
	size_t n_heroes;
};

struct packet {
	struct store *st;
	cx_date since, today;
	struct strbuf *sb;
	struct org org;
	struct person *people;
	size_t n_people;
	struct ledger ledger;
	struct dept_fig *figs; /* one per ledger department */
	int64_t wins_total, wins_no_dept, overdue_total, overdue_no_dept;
	struct item *wins; /* the newest */
	size_t n_wins;
	struct item *stories; /* those that set something going, newest first */
	struct story_chain *chains;
	size_t n_chains;
	struct item *escalated;
	size_t n_escalated;
	int64_t escalated_total;
	struct decision_row *due;
	size_t n_due;
	int64_t due_total;
	struct cadence_report cad;
	int meetings; /* meeting days from since */
	/* the scorecard: measures in use, each one's values from since (at
	 * least its last two), the oldest first */
	struct measure *measures;
	size_t n_measures;
	struct measure_value **values;
	size_t *n_values;
	/* the initiatives due from since on, open ones first */
	struct initiative *inits;
	size_t n_inits;
};

/* --- gathering ------------------------------------------------------------ */

static const char *person_name(const struct packet *p, store_id id)
{
	for (size_t i = 0; i < p->n_people; i++)
		if (p->people[i].id == id)
			return p->people[i].name;
	return NULL;
}

static struct dept_fig *fig_of(struct packet *p, store_id dept)
{
	for (size_t i = 0; i < p->ledger.n_depts; i++)
		if (p->figs[i].d->id == dept)
			return &p->figs[i];
	return NULL;
}

/* Wins per department and each department's heroes, the most wins first. */
static enum store_rc gather_wins(struct packet *p)
{
	struct credit_count *c;
	size_t n;
	enum store_rc rc = store_credits_since(p->st, ITEM_WIN, p->since, &c, &n);
	if (rc != STORE_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		p->wins_total += c[i].n;
		struct dept_fig *f = fig_of(p, c[i].dept_id);
		if (!f) {
			p->wins_no_dept += c[i].n;
			continue;
		}
		f->wins += c[i].n;
		if (!c[i].person_id)
			continue;
		/* kept sorted: most wins first, then the lower id */
		size_t k = f->n_heroes < PACKET_HEROES ? f->n_heroes++ : PACKET_HEROES;
		for (; k > 0 && f->heroes[k - 1].n < c[i].n; k--)
			if (k < PACKET_HEROES)
				f->heroes[k] = f->heroes[k - 1];
		if (k < PACKET_HEROES)
			f->heroes[k] = c[i];
	}
	free(c);
	return store_items_since(p->st, ITEM_WIN, p->since, PACKET_WINS_LISTED, &p->wins,
				 &p->n_wins);
}

/* The newest stories that set something going, with what they did. */
static enum store_rc gather_chains(struct packet *p)
{
	struct item *s;
	size_t n;
	enum store_rc rc = store_items_since(p->st, ITEM_STORY, p->since, PACKET_STORIES_READ, &s,
					     &n);
	if (rc != STORE_OK)
		return rc;
	p->stories = xcalloc(PACKET_CHAINS, sizeof *p->stories);
	p->chains = xcalloc(PACKET_CHAINS, sizeof *p->chains);
	for (size_t i = 0; i < n; i++) {
		if (rc != STORE_OK || p->n_chains == PACKET_CHAINS) {
			item_free(&s[i]);
			continue;
		}
		struct story_chain c;
		rc = story_chain_load(p->st, s[i].id, &c);
		if (rc == STORE_OK && story_chain_any(&c)) {
			p->stories[p->n_chains] = s[i];
			p->chains[p->n_chains++] = c;
			continue;
		}
		if (rc == STORE_OK)
			story_chain_free(&c);
		item_free(&s[i]);
	}
	free(s);
	return rc;
}

/* Open actions carried through the escalation limit, read a page at a time;
 * the first PACKET_WAITING are kept, all are counted. */
static enum store_rc gather_escalated(struct packet *p)
{
	int limit = p->org.escalate_after;
	if (limit < 1)
		return STORE_OK;
	struct action_filter f = {ASTATE_OPEN, 0, 0, DATE_NONE, p->today};
	struct actions_stream *as;
	enum store_rc rc = actions_stream_begin(p->st, &f, &as);
	if (rc != STORE_OK)
		return rc;
	p->escalated = xcalloc(PACKET_WAITING, sizeof *p->escalated);
	for (;;) {
		struct action_row *rows;
		size_t n;
		if ((rc = store_actions_stream_next(as, PACKET_PAGE, &rows, &n)) != STORE_OK)
			break;
		for (size_t i = 0; i < n; i++) {
			if (!action_escalated(&rows[i].it, limit))
				continue;
			p->escalated_total++;
			if (p->n_escalated < PACKET_WAITING) {
				p->escalated[p->n_escalated++] = rows[i].it;
				memset(&rows[i].it, 0, sizeof rows[i].it);
			}
		}
		action_rows_free(rows, n);
		if (n < PACKET_PAGE)
			break;
	}
	store_actions_stream_end(as);
	return rc;
}

static enum store_rc gather_decisions(struct packet *p)
{
	struct decision_filter f = {.today = p->today, .due_only = true};
	int64_t total;
	enum store_rc rc = store_decisions_count(p->st, &f, &total, &p->due_total);
	if (rc == STORE_OK)
		rc = decisions_list(p->st, &f, NULL, PACKET_WAITING, &p->due, &p->n_due);
	return rc;
}

static enum store_rc gather_overdue(struct packet *p)
{
	struct dept_count *c;
	size_t n;
	enum store_rc rc = store_overdue_by_dept(p->st, p->today, &c, &n);
	if (rc != STORE_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		p->overdue_total += c[i].n;
		struct dept_fig *f = fig_of(p, c[i].dept_id);
		if (f)
			f->overdue += c[i].n;
		else
			p->overdue_no_dept += c[i].n;
	}
	free(c);
	return STORE_OK;
}

/* The ledger's quarters summed per department, and how each moved. */
static void sum_ledger(struct packet *p)
{
	const struct ledger *l = &p->ledger;
	for (size_t d = 0; d < l->n_depts; d++) {
		struct dept_fig *f = &p->figs[d];
		f->d = &l->depts[d];
		f->shift = l->n_quarters >= 2 ? ledger_shift(l, d, &f->shift_from, &f->shift_to) : 0;
	}
	for (size_t i = 0; i < l->n; i++) {
		const struct ledger_line *ln = &l->lines[i];
		struct dept_fig *f = &p->figs[i % l->n_depts];
		f->attended += ln->attended;
		f->meetings += ln->meetings;
		f->actions += ln->actions;
		f->on_time += ln->on_time;
		f->ledger_wins += ln->wins;
		f->messages += ln->messages;
		f->acked += ln->acked;
		f->up += ln->support_up;
		f->down += ln->support_down;
	}
}

/* The scorecard's values of the period, oldest first (the last two at least,
 * for a line). */
static enum store_rc gather_scorecard(struct packet *p)
{
	enum store_rc rc = scorecard_measures(p->st, &p->measures, &p->n_measures);
	if (rc != STORE_OK)
		return rc;
	p->values = xcalloc(p->n_measures + 1, sizeof *p->values);
	p->n_values = xcalloc(p->n_measures + 1, sizeof *p->n_values);
	for (size_t i = 0; rc == STORE_OK && i < p->n_measures; i++) {
		struct measure_value *v;
		size_t n;
		if ((rc = store_measure_values(p->st, p->measures[i].id, false, 0, &v, &n)) != STORE_OK)
			break;
		size_t keep = 0; /* latest first: those of the period, two at least */
		while (keep < n && (keep < 2 || v[keep].period >= measure_period(
						p->measures[i].frequency, p->since)))
			keep++;
		for (size_t j = keep; j < n; j++)
			free(v[j].entered_by);
		for (size_t a = 0, b = keep ? keep - 1 : 0; a < b; a++, b--) {
			struct measure_value t = v[a];
			v[a] = v[b];
			v[b] = t;
		}
		p->values[i] = v;
		p->n_values[i] = keep;
	}
	return rc;
}

static enum store_rc gather(struct packet *p)
{
	enum store_rc rc = store_org_get(p->st, &p->org);
	if (rc == STORE_NOTFOUND) {
		memset(&p->org, 0, sizeof p->org);
		rc = STORE_OK;
	}
	if (rc == STORE_OK)
		rc = store_person_list(p->st, true, 0, &p->people, &p->n_people);
	if (rc == STORE_OK)
		rc = ledger_load(p->st, p->since, p->today, 0, &p->ledger);
	if (rc != STORE_OK)
		return rc;
	p->figs = xcalloc(p->ledger.n_depts + 1, sizeof *p->figs);
	sum_ledger(p);
	rc = gather_wins(p);
	if (rc == STORE_OK)
		rc = gather_chains(p);
	if (rc == STORE_OK)
		rc = gather_escalated(p);
	if (rc == STORE_OK)
		rc = gather_decisions(p);
	if (rc == STORE_OK)
		rc = gather_overdue(p);
	if (rc == STORE_OK)
		rc = gather_scorecard(p);
	if (rc == STORE_OK)
		rc = store_initiative_list(p->st, true, p->since, &p->inits, &p->n_inits);
	if (rc == STORE_OK)
		rc = cadence_report_load(p->st, REPORT_WINDOW_DEFAULT, p->today, &p->cad);
	if (rc == STORE_OK) {
		const struct cadence_summary *s = &p->cad.sum;
		for (size_t i = 0; i < s->n_iv; i++)
			p->meetings += s->iv[i].from >= p->since;
	}
	return rc;
}

static void packet_free(struct packet *p)
{
	org_free(&p->org);
	person_list_free(p->people, p->n_people);
	free(p->figs);
	ledger_free(&p->ledger);
	item_list_free(p->wins, p->n_wins);
	item_list_free(p->stories, p->n_chains);
	for (size_t i = 0; i < p->n_chains; i++)
		story_chain_free(&p->chains[i]);
	free(p->chains);
	item_list_free(p->escalated, p->n_escalated);
	decision_rows_free(p->due, p->n_due);
	cadence_report_free(&p->cad);
	for (size_t i = 0; i < p->n_measures; i++)
		measure_values_free(p->values[i], p->n_values[i]);
	free(p->values);
	free(p->n_values);
	measure_list_free(p->measures, p->n_measures);
	initiatives_free(p->inits, p->n_inits);
}

/* Departments in the order of a chart: by the figure, highest first, then
 * by name (the ledger's order). */
static int (*sort_key)(const struct dept_fig *);
static int by_key(const void *a, const void *b)
{
	const struct dept_fig *x = *(const struct dept_fig *const *)a;
	const struct dept_fig *y = *(const struct dept_fig *const *)b;
	int kx = sort_key(x), ky = sort_key(y);
	if (kx != ky)
		return kx > ky ? -1 : 1;
	return x < y ? -1 : x > y;
}

static const struct dept_fig **sorted(const struct packet *p, int (*key)(const struct dept_fig *))
{
	const struct dept_fig **v = xcalloc(p->ledger.n_depts + 1, sizeof *v);
	for (size_t i = 0; i < p->ledger.n_depts; i++)
		v[i] = &p->figs[i];
	sort_key = key;
	qsort(v, p->ledger.n_depts, sizeof *v, by_key);
	return v;
}

static int key_wins(const struct dept_fig *f) { return (int)f->wins; }
static int key_on_time(const struct dept_fig *f)
{
	return f->actions ? report_percent((int)f->on_time, (int)f->actions) : -1;
}
static int key_overdue(const struct dept_fig *f) { return (int)f->overdue; }

/* --- what both formats say the same way ---------------------------------- */

static void date_text(cx_date d, char *buf, size_t len)
{
	if (d == DATE_NONE)
		snprintf(buf, len, "-");
	else
		date_format(d, buf, len);
}

static const char *org_name(const struct packet *p)
{
	const char *n = p->org.text[ORG_NAME];
	return n && *n ? n : "CX council";
}

/* "2026-Q3" of a ledger line */
static void quarter_text(const struct ledger_line *ln, char *buf, size_t len)
{
	snprintf(buf, len, "%d-Q%d", ln->year, ln->quarter);
}

/* The quarter the ledger begins with: since's. */
static void first_quarter(const struct packet *p, char *buf, size_t len)
{
	int y, m, d;
	date_to_ymd(p->since, &y, &m, &d);
	snprintf(buf, len, "%d-Q%d", y, (m + 2) / 3);
}


/* --- HTML ------------------------------------------------------------------ */

static const char html_style[] =
	"body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;"
	"color:#1d2430;margin:2em auto;max-width:60em;padding:0 1.5em;line-height:1.45}"
	"h1{font-size:1.7em;margin:0}h2{font-size:1.25em;border-bottom:2px solid #d5dbe5;"
	"padding-bottom:.2em;margin-top:1.8em}h3{font-size:1.05em;margin-bottom:.3em}"
	".sub{color:#5a6473;margin:.2em 0 1em}.mission{font-style:italic}"
	".cards{display:flex;flex-wrap:wrap;gap:.8em;padding:0;margin:1em 0}"
	".cards div{flex:1 1 9em;border:1px solid #d5dbe5;border-radius:6px;padding:.6em .8em}"
	".cards dt{color:#5a6473;font-size:.85em}.cards dd{margin:0;font-size:1.6em;font-weight:600}"
	"table{border-collapse:collapse;width:100%;font-size:.92em;margin:.5em 0}"
	"th,td{text-align:left;padding:.25em .5em;border-bottom:1px solid #e3e7ee;vertical-align:top}"
	"th{background:#f3f5f9}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
	"td.d,time{white-space:nowrap}"
	".late{color:#b3261e;font-weight:600}.ok{color:#1e6b3a}.muted{color:#5a6473}"
	"ul.chain{list-style:none;padding-left:1.2em;margin:.2em 0 .8em}"
	"ul.chain li::before{content:'\\2192  ';color:#5a6473}"
	"figure{margin:.8em 0}figcaption{color:#5a6473;font-size:.85em}"
	"svg{max-width:100%;height:auto}svg text{font-family:inherit;font-size:12px;fill:#1d2430}"
	".grid{display:flex;flex-wrap:wrap;gap:.6em}.grid figure{margin:0;flex:0 1 340px}"
	"footer{margin-top:2.5em;color:#5a6473;font-size:.85em}"
	"@media print{body{margin:0;max-width:none;font-size:10pt}"
	"section{break-inside:avoid}h2{break-after:avoid}a{color:inherit}}";

static void h(struct packet *p, const char *s) { sb_add(p->sb, s); }
static void hf(struct packet *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void hf(struct packet *p, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	sb_add(p->sb, buf);
}
static void ht(struct packet *p, const char *user_text) { html_text(p->sb, user_text); }

/* <td class="n" data-fig="NAME" data-dept="DEPT">V</td> */
static void td_fig(struct packet *p, const char *fig, const char *dept, long long v)
{
	hf(p, "<td class=\"n\" data-fig=\"%s\"", fig);
	if (dept) {
		h(p, " data-dept=\"");
		ht(p, dept);
		h(p, "\"");
	}
	hf(p, ">%lld</td>", v);
}

static void card(struct packet *p, const char *label, const char *fig, const char *value)
{
	hf(p, "<div><dt>%s</dt><dd data-fig=\"%s\">%s</dd></div>", label, fig, value);
}

static void html_head(struct packet *p)
{
	char from[16], to[16];
	date_text(p->since, from, sizeof from);
	date_text(p->today, to, sizeof to);
	h(p, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>");
	ht(p, org_name(p));
	hf(p, " — CX council progress, %s to %s</title>\n<style>", from, to);
	h(p, html_style);
	h(p, "</style>\n</head>\n<body>\n<header>\n<h1>");
	ht(p, org_name(p));
	hf(p, " — CX council progress</h1>\n<p class=\"sub\">From <time data-fig=\"since\">%s</time>"
	      " to <time data-fig=\"today\">%s</time>, for the executive sponsor and the council."
	      "</p>\n", from, to);
	const char *mission = p->org.text[ORG_MISSION], *success = p->org.text[ORG_SUCCESS];
	if (mission && *mission) {
		h(p, "<p class=\"mission\">");
		ht(p, mission);
		h(p, "</p>\n");
	}
	if (success && *success) {
		h(p, "<p><strong>Success looks like:</strong> ");
		ht(p, success);
		h(p, "</p>\n");
	}
	h(p, "</header>\n");
}

static void html_glance(struct packet *p)
{
	const struct cadence_summary *s = &p->cad.sum;
	char v[64];
	h(p, "<section id=\"glance\">\n<h2>At a glance</h2>\n<dl class=\"cards\">");
	snprintf(v, sizeof v, "%d", p->meetings);
	card(p, "Meetings held", "glance_meetings", v);
	snprintf(v, sizeof v, "%lld", (long long)p->wins_total);
	card(p, "Wins recorded", "glance_wins", v);
	int on = report_percent(s->recent_on_time, s->recent_judged);
	if (on < 0)
		snprintf(v, sizeof v, "-");
	else
		snprintf(v, sizeof v, "%d%%", on);
	card(p, "On cadence, last 12 meetings", "glance_cadence_pct", v);
	snprintf(v, sizeof v, "%lld", (long long)p->overdue_total);
	card(p, "Actions overdue", "glance_overdue", v);
	snprintf(v, sizeof v, "%lld", (long long)(p->escalated_total + p->due_total));
	card(p, "Waiting on the sponsor", "glance_waiting", v);
	h(p, "</dl>\n</section>\n");
}

/* The x of day d on an axis from a to b over [x0, x1]. */
static double day_x(cx_date d, cx_date a, cx_date b, double x0, double x1)
{
	return b > a ? x0 + (x1 - x0) * (double)(d - a) / (double)(b - a) : x0;
}

/* The meetings from since to today on a line: each interval green when the
 * next meeting came on time, red when late, grey when not judged yet; a tick
 * at the first of each month (each quarter on a long axis). */
static void svg_timeline(struct packet *p)
{
	const struct cadence_summary *s = &p->cad.sum;
	const double W = 720, x0 = 40, x1 = 690, y = 50;
	cx_date a = p->since, b = p->today;
	h(p, "<figure>\n");
	hf(p, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f 100\" width=\"%.0f\" "
	      "height=\"100\" role=\"img\" aria-labelledby=\"tl-title\">"
	      "<title id=\"tl-title\">Meetings from the start of the period to today</title>",
	   W, W);
	hf(p, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c5ccd8\" "
	      "stroke-width=\"2\"/>", x0, y, x1, y);
	int y0, m0, d0, y1, m1, d1;
	date_to_ymd(a, &y0, &m0, &d0);
	date_to_ymd(b, &y1, &m1, &d1);
	int months = (y1 - y0) * 12 + (m1 - m0);
	int step = months > 24 ? 3 : 1;
	for (cx_date t = date_from_ymd(y0, m0, 1); t <= b; t = date_add_months(t, step)) {
		if (t < a)
			continue;
		int ty, tm, td;
		date_to_ymd(t, &ty, &tm, &td);
		double x = day_x(t, a, b, x0, x1);
		hf(p, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c5ccd8\"/>"
		      "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%04d-%02d</text>",
		   x, y + 6, x, y + 12, x, y + 28, ty, tm);
	}
	int shown = 0;
	for (size_t i = 0; i < s->n_iv; i++) {
		const struct cadence_interval *iv = &s->iv[i];
		cx_date to = iv->to == DATE_NONE ? b : iv->to;
		if (to < a)
			continue;
		cx_date from = iv->from < a ? a : iv->from;
		const char *colour = !iv->judged ? "#9aa3b2" : iv->on_time ? "#2e8b57" : "#c0392b";
		hf(p, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
		      "stroke-width=\"6\"%s/>",
		   day_x(from, a, b, x0, x1), y, day_x(to, a, b, x0, x1), y, colour,
		   iv->to == DATE_NONE ? " stroke-dasharray=\"4 3\"" : "");
	}
	for (size_t i = 0; i < s->n_iv; i++) {
		if (s->iv[i].from < a)
			continue;
		char d[16];
		date_format(s->iv[i].from, d, sizeof d);
		hf(p, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#1f4e8c\" data-meeting=\"%s\">"
		      "<title>Meeting %s</title></circle>",
		   day_x(s->iv[i].from, a, b, x0, x1), y, d, d);
		shown++;
	}
	/* the legend */
	static const struct {
		const char *colour, *label;
	} key[] = {{"#2e8b57", "next meeting on time"}, {"#c0392b", "next meeting late"},
		   {"#9aa3b2", "not judged yet"}};
	hf(p, "<circle cx=\"%.1f\" cy=\"14\" r=\"5\" fill=\"#1f4e8c\"/>"
	      "<text x=\"%.1f\" y=\"18\">meeting</text>", x0, x0 + 10);
	for (size_t k = 0; k < ARRAY_SIZE(key); k++) {
		double kx = x0 + 90 + 170 * (double)k;
		hf(p, "<rect x=\"%.1f\" y=\"11\" width=\"22\" height=\"6\" fill=\"%s\"/>"
		      "<text x=\"%.1f\" y=\"18\">%s</text>", kx, key[k].colour, kx + 28, key[k].label);
	}
	h(p, "</svg>\n");
	hf(p, "<figcaption>%d %s in the period.</figcaption>\n</figure>\n", shown,
	   text_plural(shown, "meeting", "meetings"));
}

static void html_cadence(struct packet *p)
{
	const struct cadence_summary *s = &p->cad.sum;
	char next[96];
	h(p, "<section id=\"cadence\">\n<h2>Cadence health</h2>\n<p>");
	if (!s->n_days) {
		h(p, "No meeting has been held yet.");
	} else {
		int on = report_percent(s->recent_on_time, s->recent_judged);
		if (on >= 0)
			hf(p, "On time: <span data-fig=\"cadence_on_time\">%d</span> of the last "
			      "<span data-fig=\"cadence_judged\">%d</span> intervals (%d%%). ",
			   s->recent_on_time, s->recent_judged, on);
		hf(p, "Streak: %d on time in a row. Longest gap: %d days. ", s->streak,
		   s->longest_gap);
		next_due_text(s->next_due, p->today, next, sizeof next);
		hf(p, "<span class=\"%s\">Next meeting %s.</span>", s->late ? "late" : "ok", next);
	}
	h(p, "</p>\n");
	svg_timeline(p);
	h(p, "</section>\n");
}

/* Horizontal bars, one per department: value and its label; max_v the
 * scale's end (0: the largest value). A share under half is drawn orange. */
static void svg_bars(struct packet *p, const char *title, const char *fig,
		     const struct dept_fig *const *v, size_t n, int (*value)(const struct dept_fig *),
		     int max_v, bool percent, const char *colour)
{
	const double W = 720, label_w = 200, bar_x = 210, bar_w = 440, row = 24;
	if (!max_v)
		for (size_t i = 0; i < n; i++)
			if (value(v[i]) > max_v)
				max_v = value(v[i]);
	double H = row * (double)n + 10;
	hf(p, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
	      "width=\"%.0f\" height=\"%.0f\" role=\"img\" aria-label=\"",
	   W, H, W, H);
	ht(p, title);
	h(p, "\">");
	for (size_t i = 0; i < n; i++) {
		double y = 5 + row * (double)i;
		int val = value(v[i]);
		double w = max_v > 0 && val > 0 ? bar_w * val / max_v : 0;
		h(p, "<text x=\"");
		hf(p, "%.0f\" y=\"%.1f\" text-anchor=\"end\">", label_w, y + 16);
		ht(p, v[i]->d->name);
		hf(p, "</text><rect x=\"%.0f\" y=\"%.1f\" width=\"%.1f\" height=\"16\" fill=\"%s\"/>",
		   bar_x, y + 4, w, percent && val >= 0 && val < 50 ? "#d98b2b" : colour);
		hf(p, "<text x=\"%.1f\" y=\"%.1f\" data-fig=\"%s\" data-dept=\"", bar_x + w + 6, y + 16,
		   fig);
		ht(p, v[i]->d->name);
		if (val < 0)
			h(p, "\">-</text>");
		else
			hf(p, "\">%d%s</text>", val, percent ? "%" : "");
	}
	h(p, "</svg>\n<figcaption>");
	ht(p, title);
	h(p, "</figcaption>\n</figure>\n");
}

static void heroes_text(const struct packet *p, const struct dept_fig *f, struct strbuf *sb,
			bool html)
{
	for (size_t k = 0; k < f->n_heroes; k++) {
		const char *name = person_name(p, f->heroes[k].person_id);
		if (k)
			sb_add(sb, ", ");
		if (html)
			html_text(sb, name ? name : "?");
		else
			md_inline(sb, name ? name : "?");
		sb_addf(sb, " (%lld)", (long long)f->heroes[k].n);
	}
}

static void html_wins(struct packet *p)
{
	size_t n = p->ledger.n_depts;
	const struct dept_fig **v = sorted(p, key_wins);
	h(p, "<section id=\"wins\">\n<h2>Wins and heroes by department</h2>\n");
	hf(p, "<p><span data-fig=\"wins_total\">%lld</span> %s recorded from the start of the "
	      "period.</p>\n",
	   (long long)p->wins_total, text_plural(p->wins_total, "win", "wins"));
	if (n)
		svg_bars(p, "Wins per department", "wins_bar", v, n, key_wins, 0, false, "#3a6fb0");
	h(p, "<table>\n<thead><tr><th>Department</th><th class=\"n\">Wins</th><th>Heroes (wins)"
	     "</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		h(p, "<tr><td>");
		ht(p, v[i]->d->name);
		h(p, "</td>");
		td_fig(p, "wins", v[i]->d->name, v[i]->wins);
		h(p, "<td>");
		heroes_text(p, v[i], p->sb, true);
		h(p, "</td></tr>\n");
	}
	if (p->wins_no_dept) {
		h(p, "<tr><td class=\"muted\">No department</td>");
		td_fig(p, "wins", NULL, p->wins_no_dept);
		h(p, "<td></td></tr>\n");
	}
	h(p, "</tbody>\n</table>\n");
	free(v);
	if (!p->n_wins) {
		h(p, "</section>\n");
		return;
	}
	hf(p, "<h3>The latest %zu</h3>\n<ul>\n", p->n_wins);
	for (size_t i = 0; i < p->n_wins; i++) {
		const struct item *w = &p->wins[i];
		char d[16];
		date_format(date_from_time(w->created_at), d, sizeof d);
		hf(p, "<li><time>%s</time> ", d);
		ht(p, w->text);
		if (w->dept_name || w->person_name) {
			h(p, " <span class=\"muted\">— ");
			ht(p, w->dept_name ? w->dept_name : "");
			if (w->dept_name && w->person_name)
				h(p, ", ");
			if (w->person_name) {
				h(p, "hero ");
				ht(p, w->person_name);
			}
			h(p, "</span>");
		}
		h(p, "</li>\n");
	}
	h(p, "</ul>\n</section>\n");
}

static void html_item_line(struct packet *p, const char *label, const struct item *it)
{
	hf(p, "<strong>%s:</strong> ", label);
	ht(p, it->text);
	const char *who = it->person_name, *dept = it->dept_name;
	if (who || dept) {
		h(p, " <span class=\"muted\">— ");
		if (who)
			ht(p, who);
		if (who && dept)
			h(p, ", ");
		if (dept)
			ht(p, dept);
		h(p, "</span>");
	}
	if (it->kind == ITEM_ACTION)
		hf(p, " <span class=\"%s\">(%s)</span>",
		   it->status == STATUS_DONE ? "ok" : "muted", item_status_name(it->status));
}

static void html_chain_wins(struct packet *p, const struct story_chain *c, store_id from)
{
	if (!story_chain_wins_of(c, from))
		return;
	h(p, "<ul class=\"chain\">");
	for (size_t k = 0; k < c->n_wins; k++) {
		if (c->wins[k].from_action != from)
			continue;
		h(p, "<li>");
		html_item_line(p, "Win", &c->wins[k].it);
		if (c->wins[k].measure) {
			h(p, " <span class=\"muted\">→ moved</span> ");
			ht(p, c->wins[k].measure);
		}
		h(p, "</li>");
	}
	h(p, "</ul>");
}

static void html_chains(struct packet *p)
{
	h(p, "<section id=\"chains\">\n<h2>From story to action to win</h2>\n");
	if (!p->n_chains) {
		h(p, "<p class=\"muted\">No customer story of the period has led to an action "
		     "yet.</p>\n</section>\n");
		return;
	}
	h(p, "<p>The latest customer stories that set something going.</p>\n<ul>\n");
	for (size_t i = 0; i < p->n_chains; i++) {
		const struct story_chain *c = &p->chains[i];
		h(p, "<li>");
		html_item_line(p, "Story", &p->stories[i]);
		if (c->n_actions) {
			h(p, "<ul class=\"chain\">");
			for (size_t a = 0; a < c->n_actions; a++) {
				h(p, "<li>");
				html_item_line(p, "Action", &c->actions[a]);
				html_chain_wins(p, c, c->actions[a].id);
				h(p, "</li>");
			}
			h(p, "</ul>");
		}
		html_chain_wins(p, c, 0);
		h(p, "</li>\n");
	}
	h(p, "</ul>\n</section>\n");
}

static void html_waiting(struct packet *p)
{
	char d[16];
	h(p, "<section id=\"sponsor\">\n<h2>Waiting on the sponsor</h2>\n");
	hf(p, "<h3>Escalated actions: <span data-fig=\"escalated\">%lld</span></h3>\n",
	   (long long)p->escalated_total);
	if (p->org.escalate_after >= 1)
		hf(p, "<p class=\"muted\">Open and carried through %d meetings or more.</p>\n",
		   p->org.escalate_after);
	if (p->n_escalated) {
		h(p, "<table>\n<thead><tr><th>Action</th><th>Owner</th><th>Department</th>"
		     "<th>Due</th><th class=\"n\">Carried</th></tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < p->n_escalated; i++) {
			const struct item *it = &p->escalated[i];
			date_text(it->due, d, sizeof d);
			h(p, "<tr><td>");
			ht(p, it->text);
			h(p, "</td><td>");
			ht(p, it->person_name ? it->person_name : "");
			h(p, "</td><td>");
			ht(p, it->dept_name ? it->dept_name : "");
			hf(p, "</td><td class=\"d%s\">%s</td><td class=\"n\">%d</td></tr>\n",
			   it->due != DATE_NONE && it->due < p->today ? " late" : "", d, it->carried);
		}
		h(p, "</tbody>\n</table>\n");
	}
	hf(p, "<h3>Decisions due for a revisit: <span data-fig=\"decisions_due\">%lld</span></h3>\n",
	   (long long)p->due_total);
	if (p->n_due) {
		h(p, "<table>\n<thead><tr><th>Decision</th><th>Department</th><th>Revisit</th>"
		     "</tr></thead>\n<tbody>\n");
		for (size_t i = 0; i < p->n_due; i++) {
			date_text(p->due[i].revisit, d, sizeof d);
			h(p, "<tr><td>");
			ht(p, p->due[i].text);
			h(p, "</td><td>");
			ht(p, p->due[i].dept_name ? p->due[i].dept_name : "");
			hf(p, "</td><td class=\"d\">%s</td></tr>\n", d);
		}
		h(p, "</tbody>\n</table>\n");
	}
	h(p, "</section>\n");
}

static void html_overdue(struct packet *p)
{
	const struct dept_fig **v = sorted(p, key_overdue);
	h(p, "<section id=\"overdue\">\n<h2>Overdue actions by department</h2>\n");
	hf(p, "<p><span data-fig=\"overdue_total\">%lld</span> open %s past the due date today",
	   (long long)p->overdue_total, text_plural(p->overdue_total, "action", "actions"));
	if (p->overdue_no_dept)
		hf(p, ", <span data-fig=\"overdue_no_dept\">%lld</span> of them of no department",
		   (long long)p->overdue_no_dept);
	h(p, ".</p>\n");
	if (p->ledger.n_depts)
		svg_bars(p, "Open actions past their due date, per department", "overdue", v,
			 p->ledger.n_depts, key_overdue, 0, false, "#b3473e");
	h(p, "</section>\n");
	free(v);
}

static void html_on_time(struct packet *p)
{
	const struct dept_fig **v = sorted(p, key_on_time);
	char q[16];
	first_quarter(p, q, sizeof q);
	h(p, "<section id=\"ontime\">\n<h2>Actions done on time, by department</h2>\n");
	hf(p, "<p>Of the actions each department owns, created from %s on: the share done by "
	      "the due date.</p>\n", q);
	svg_bars(p, "Share of actions done on time", "on_time_pct", v, p->ledger.n_depts,
		 key_on_time, 100, true, "#2e8b57");
	free(v);
	h(p, "</section>\n");
}

static void html_ledger(struct packet *p)
{
	const struct ledger *l = &p->ledger;
	int first = l->n_quarters > PACKET_QUARTERS ? l->n_quarters - PACKET_QUARTERS : 0;
	char q[16];
	h(p, "<section id=\"ledger\">\n<h2>Buy-in ledger</h2>\n");
	if (!l->n_depts) {
		h(p, "<p class=\"muted\">No department has been set up yet.</p>\n</section>\n");
		return;
	}
	for (int way = 1; way >= -1; way -= 2) {
		struct strbuf names;
		sb_init(&names);
		for (size_t d = 0; d < l->n_depts; d++)
			if (p->figs[d].shift == way) {
				if (names.len)
					sb_add(&names, ", ");
				html_text(&names, p->figs[d].d->name);
				sb_addf(&names, " (attendance %d%% → %d%%)", p->figs[d].shift_from,
					p->figs[d].shift_to);
			}
		if (names.len) {
			hf(p, "<p><strong>%s last quarter:</strong> ", way > 0 ? "Grew" : "Slid");
			h(p, names.s);
			h(p, ".</p>\n");
		}
		sb_free(&names);
	}
	h(p, "<table>\n<thead><tr><th>Department</th>");
	for (int k = first; k < l->n_quarters; k++) {
		quarter_text(&l->lines[(size_t)k * l->n_depts], q, sizeof q);
		hf(p, "<th class=\"n\">%s</th>", q);
	}
	h(p, "<th class=\"n\">Actions</th><th class=\"n\">On time</th><th class=\"n\">Wins</th>"
	     "<th class=\"n\">Messages acknowledged</th><th class=\"n\">Support ↑/↓</th>"
	     "</tr></thead>\n<tbody>\n");
	for (size_t d = 0; d < l->n_depts; d++) {
		const struct dept_fig *f = &p->figs[d];
		h(p, "<tr><td>");
		ht(p, f->d->name);
		h(p, "</td>");
		for (int k = first; k < l->n_quarters; k++) {
			const struct ledger_line *ln = &l->lines[(size_t)k * l->n_depts + d];
			int a = ledger_attendance_pct(ln);
			if (a < 0)
				h(p, "<td class=\"n muted\">-</td>");
			else
				hf(p, "<td class=\"n\" title=\"%lld of %lld meetings\">%d%%</td>",
				   (long long)ln->attended, (long long)ln->meetings, a);
		}
		td_fig(p, "ledger_actions", f->d->name, f->actions);
		td_fig(p, "ledger_on_time", f->d->name, f->on_time);
		td_fig(p, "ledger_wins", f->d->name, f->ledger_wins);
		hf(p, "<td class=\"n\">%lld of %lld</td><td class=\"n\">%lld / %lld</td></tr>\n",
		   (long long)f->acked, (long long)f->messages, (long long)f->up, (long long)f->down);
	}
	h(p, "</tbody>\n</table>\n");
	first_quarter(p, q, sizeof q);
	hf(p, "<p class=\"muted\">Attendance per quarter: the share of completed meetings with "
	      "someone of the department present. Sums from %s on.</p>\n</section>\n", q);
}

/* One measure as a line chart: its values of the period, the target as a
 * dashed line, the last value and whether it is on track. */
static void svg_measure(struct packet *p, size_t i)
{
	const struct measure *m = &p->measures[i];
	const struct measure_value *v = p->values[i];
	size_t n = p->n_values[i];
	const double W = 340, H = 150, x0 = 44, x1 = 330, y0 = 40, y1 = 128;
	double lo = n ? v[0].value : 0, hi = lo;
	for (size_t k = 0; k < n; k++) {
		lo = v[k].value < lo ? v[k].value : lo;
		hi = v[k].value > hi ? v[k].value : hi;
	}
	if (m->has_target) {
		lo = m->target < lo ? m->target : lo;
		hi = m->target > hi ? m->target : hi;
	}
	if (hi == lo) {
		hi += 1;
		lo -= 1;
	}
	double pad = (hi - lo) * 0.08;
	hi += pad;
	lo -= pad;
#define PY(val) (y1 - (y1 - y0) * ((val) - lo) / (hi - lo))
	int track = n ? measure_on_track(m, v[n - 1].value) : -1;
	char last[64] = "no value", target[64], lo_t[40], hi_t[40];
	if (n)
		measure_value_unit(m, v[n - 1].value, last, sizeof last);
	measure_value_text(hi - pad, hi_t, sizeof hi_t);
	measure_value_text(lo + pad, lo_t, sizeof lo_t);
	h(p, "<figure class=\"measure\">");
	hf(p, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
	      "height=\"%.0f\" role=\"img\" aria-label=\"", W, H, W, H);
	ht(p, m->name);
	h(p, "\"><text x=\"4\" y=\"16\" font-weight=\"600\">");
	ht(p, m->name);
	hf(p, "</text><text x=\"4\" y=\"32\"><tspan data-fig=\"measure_value\" data-measure=\"");
	ht(p, m->name);
	h(p, "\">");
	ht(p, last);
	hf(p, "</tspan> <tspan fill=\"%s\">%s</tspan></text>",
	   track == 1 ? "#1e6b3a" : track == 0 ? "#b3261e" : "#5a6473",
	   n ? measure_track_word(track) : "");
	hf(p, "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#c5ccd8\"/>"
	      "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" font-size=\"10\">%s</text>"
	      "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" font-size=\"10\">%s</text>",
	   x0, y1, x1, y1, x0 - 4, PY(hi - pad) + 4, hi_t, x0 - 4, PY(lo + pad) + 4, lo_t);
	if (m->has_target) {
		measure_value_unit(m, m->target, target, sizeof target);
		hf(p, "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#d98b2b\" "
		      "stroke-dasharray=\"5 3\"/><text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" "
		      "font-size=\"10\" fill=\"#a35f12\">target ",
		   x0, PY(m->target), x1, PY(m->target), x1, PY(m->target) - 3);
		ht(p, target);
		h(p, "</text>");
	}
	if (n >= 2) {
		h(p, "<polyline fill=\"none\" stroke=\"#3a6fb0\" stroke-width=\"2\" points=\"");
		for (size_t k = 0; k < n; k++)
			hf(p, "%s%.1f,%.1f", k ? " " : "", x0 + (x1 - x0) * (double)k / (double)(n - 1),
			   PY(v[k].value));
		h(p, "\"/>");
	}
	if (n)
		hf(p, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#3a6fb0\"/>",
		   n >= 2 ? x1 : (x0 + x1) / 2, PY(v[n - 1].value));
#undef PY
	h(p, "</svg></figure>\n");
}

static void html_scorecard(struct packet *p)
{
	if (!p->n_measures)
		return;
	h(p, "<section id=\"scorecard\">\n<h2>Scorecard</h2>\n<p>Each measure's values in the "
	     "period, against its target (dashed).</p>\n<div class=\"grid\">\n");
	for (size_t i = 0; i < p->n_measures; i++)
		svg_measure(p, i);
	h(p, "</div>\n</section>\n");
}

/* The initiatives: each with its owner, department, due date, milestones
 * reached of all and its track, in words (data-track: the stored name). */
static void html_initiatives(struct packet *p)
{
	if (!p->n_inits)
		return;
	h(p, "<section id=\"initiatives\">\n<h2>Initiatives</h2>\n<table>\n<thead><tr>"
	     "<th>Initiative</th><th>Owner</th><th>Department</th><th>Due</th>"
	     "<th>Milestones</th><th>Track</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < p->n_inits; i++) {
		const struct initiative *in = &p->inits[i];
		char due[16];
		date_text(in->due, due, sizeof due);
		h(p, "<tr><td>");
		ht(p, in->title);
		h(p, "</td><td>");
		ht(p, in->person_name ? in->person_name : "");
		h(p, "</td><td>");
		ht(p, in->dept_name ? in->dept_name : "");
		hf(p, "</td><td>%s%s</td><td>%d of %d</td><td data-track=\"%s\">%s</td></tr>\n", due,
		   initiative_late(in, p->today) ? " (late)" : "", in->milestones_done, in->milestones,
		   initiative_track_name(in->track), initiative_track_word(in->track));
	}
	h(p, "</tbody>\n</table>\n</section>\n");
}

static void html_render(struct packet *p)
{
	html_head(p);
	h(p, "<main>\n");
	html_glance(p);
	html_scorecard(p);
	html_initiatives(p);
	html_wins(p);
	html_chains(p);
	html_waiting(p);
	html_overdue(p);
	html_on_time(p);
	html_cadence(p);
	html_ledger(p);
	h(p, "</main>\n<footer>");
	char today[16];
	date_format(p->today, today, sizeof today);
	hf(p, "Made with cxmeet on %s.", today);
	h(p, "</footer>\n</body>\n</html>\n");
}

/* --- Markdown -------------------------------------------------------------- */

/* A bar of n eighths of a block over `width` blocks for value v of max. */
static void md_bar(struct strbuf *sb, int v, int max, int width)
{
	static const char *const part[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
	if (max <= 0 || v <= 0)
		return;
	int eighths = (int)((long long)v * width * 8 / max);
	if (eighths < 1)
		eighths = 1;
	for (int i = 0; i < eighths / 8; i++)
		sb_add(sb, "█");
	sb_add(sb, part[eighths % 8]);
}

static void md_wins(struct packet *p)
{
	struct strbuf *sb = p->sb;
	const struct dept_fig **v = sorted(p, key_wins);
	int max = 0;
	for (size_t i = 0; i < p->ledger.n_depts; i++)
		if (v[i]->wins > max)
			max = (int)v[i]->wins;
	md_section(sb, "Wins and heroes by department");
	sb_addf(sb, "%lld %s recorded from the start of the period.\n\n", (long long)p->wins_total,
		text_plural(p->wins_total, "win", "wins"));
	sb_add(sb, "| Department | Wins | | Heroes (wins) |\n|---|---:|---|---|\n");
	for (size_t i = 0; i < p->ledger.n_depts; i++) {
		sb_add(sb, "| ");
		md_inline(sb, v[i]->d->name);
		sb_addf(sb, " | %lld | ", (long long)v[i]->wins);
		md_bar(sb, (int)v[i]->wins, max, 20);
		sb_add(sb, " | ");
		heroes_text(p, v[i], sb, false);
		sb_add(sb, " |\n");
	}
	if (p->wins_no_dept)
		sb_addf(sb, "| *No department* | %lld | | |\n", (long long)p->wins_no_dept);
	free(v);
	if (!p->n_wins)
		return;
	sb_addf(sb, "\n### The latest %zu\n\n", p->n_wins);
	for (size_t i = 0; i < p->n_wins; i++) {
		const struct item *w = &p->wins[i];
		char d[16];
		date_format(date_from_time(w->created_at), d, sizeof d);
		sb_addf(sb, "- %s ", d);
		md_inline(sb, w->text);
		if (w->dept_name) {
			sb_add(sb, " — ");
			md_inline(sb, w->dept_name);
		}
		if (w->person_name) {
			sb_add(sb, w->dept_name ? ", hero " : " — hero ");
			md_inline(sb, w->person_name);
		}
		sb_add(sb, "\n");
	}
}

/* A line of a chain; `moved`: the measure a win moved (NULL: none). */
static void md_item_line(struct packet *p, const char *indent, const char *label,
			 const struct item *it, const char *moved)
{
	struct strbuf *sb = p->sb;
	sb_addf(sb, "%s- %s*%s:* ", indent, *indent ? "→ " : "", label);
	md_inline(sb, it->text);
	if (it->person_name || it->dept_name) {
		sb_add(sb, " — ");
		if (it->person_name)
			md_inline(sb, it->person_name);
		if (it->person_name && it->dept_name)
			sb_add(sb, ", ");
		if (it->dept_name)
			md_inline(sb, it->dept_name);
	}
	if (it->kind == ITEM_ACTION)
		sb_addf(sb, " (%s)", item_status_name(it->status));
	if (moved) {
		sb_add(sb, " → moved ");
		md_inline(sb, moved);
	}
	sb_add(sb, "\n");
}

static void md_chain_wins(struct packet *p, const struct story_chain *c, store_id from,
			  const char *indent)
{
	for (size_t k = 0; k < c->n_wins; k++)
		if (c->wins[k].from_action == from)
			md_item_line(p, indent, "Win", &c->wins[k].it, c->wins[k].measure);
}

static void md_chains(struct packet *p)
{
	md_section(p->sb, "From story to action to win");
	if (!p->n_chains) {
		sb_add(p->sb, "No customer story of the period has led to an action yet.\n");
		return;
	}
	for (size_t i = 0; i < p->n_chains; i++) {
		const struct story_chain *c = &p->chains[i];
		md_item_line(p, "", "Story", &p->stories[i], NULL);
		for (size_t a = 0; a < c->n_actions; a++) {
			md_item_line(p, "  ", "Action", &c->actions[a], NULL);
			md_chain_wins(p, c, c->actions[a].id, "    ");
		}
		md_chain_wins(p, c, 0, "  ");
	}
}

static void md_waiting(struct packet *p)
{
	struct strbuf *sb = p->sb;
	char d[16];
	md_section(sb, "Waiting on the sponsor");
	sb_addf(sb, "### Escalated actions: %lld\n\n", (long long)p->escalated_total);
	if (p->org.escalate_after >= 1)
		sb_addf(sb, "Open and carried through %d meetings or more.\n\n",
			p->org.escalate_after);
	if (p->n_escalated) {
		sb_add(sb, "| Action | Owner | Department | Due | Carried |\n|---|---|---|---|---:|\n");
		for (size_t i = 0; i < p->n_escalated; i++) {
			const struct item *it = &p->escalated[i];
			date_text(it->due, d, sizeof d);
			sb_add(sb, "| ");
			md_inline(sb, it->text);
			sb_add(sb, " | ");
			md_inline(sb, it->person_name ? it->person_name : "");
			sb_add(sb, " | ");
			md_inline(sb, it->dept_name ? it->dept_name : "");
			sb_addf(sb, " | %s | %d |\n", d, it->carried);
		}
		sb_add(sb, "\n");
	}
	sb_addf(sb, "### Decisions due for a revisit: %lld\n", (long long)p->due_total);
	if (p->n_due) {
		sb_add(sb, "\n| Decision | Department | Revisit |\n|---|---|---|\n");
		for (size_t i = 0; i < p->n_due; i++) {
			date_text(p->due[i].revisit, d, sizeof d);
			sb_add(sb, "| ");
			md_inline(sb, p->due[i].text);
			sb_add(sb, " | ");
			md_inline(sb, p->due[i].dept_name ? p->due[i].dept_name : "");
			sb_addf(sb, " | %s |\n", d);
		}
	}
}

static void md_departments(struct packet *p)
{
	struct strbuf *sb = p->sb;
	char q[16];
	first_quarter(p, q, sizeof q);
	md_section(sb, "Overdue and on time, by department");
	sb_addf(sb, "%lld open %s past the due date today. On time: of the actions each "
		    "department owns, created from %s on, the share done by the due date.\n\n",
		(long long)p->overdue_total, text_plural(p->overdue_total, "action", "actions"), q);
	sb_add(sb, "| Department | Overdue | On time | |\n|---|---:|---:|---|\n");
	const struct dept_fig **v = sorted(p, key_overdue);
	for (size_t i = 0; i < p->ledger.n_depts; i++) {
		int on = key_on_time(v[i]);
		sb_add(sb, "| ");
		md_inline(sb, v[i]->d->name);
		sb_addf(sb, " | %lld | ", (long long)v[i]->overdue);
		if (on < 0)
			sb_add(sb, "- | |\n");
		else {
			sb_addf(sb, "%d%% | ", on);
			md_bar(sb, on, 100, 10);
			sb_add(sb, " |\n");
		}
	}
	if (p->overdue_no_dept)
		sb_addf(sb, "| *No department* | %lld | | |\n", (long long)p->overdue_no_dept);
	free(v);
}

static void md_cadence(struct packet *p)
{
	struct strbuf *sb = p->sb;
	const struct cadence_summary *s = &p->cad.sum;
	md_section(sb, "Cadence health");
	if (!s->n_days) {
		sb_add(sb, "No meeting has been held yet.\n");
		return;
	}
	sb_addf(sb, "%d %s held in the period. ", p->meetings,
		text_plural(p->meetings, "meeting", "meetings"));
	int on = report_percent(s->recent_on_time, s->recent_judged);
	if (on >= 0)
		sb_addf(sb, "On time: %d of the last %d intervals (%d%%). ", s->recent_on_time,
			s->recent_judged, on);
	char next[96];
	next_due_text(s->next_due, p->today, next, sizeof next);
	sb_addf(sb, "Streak: %d on time in a row. Longest gap: %d days. Next meeting %s.\n",
		s->streak, s->longest_gap, next);
}

static void md_ledger(struct packet *p)
{
	struct strbuf *sb = p->sb;
	const struct ledger *l = &p->ledger;
	int first = l->n_quarters > PACKET_QUARTERS ? l->n_quarters - PACKET_QUARTERS : 0;
	char q[16];
	md_section(sb, "Buy-in ledger");
	if (!l->n_depts) {
		sb_add(sb, "No department has been set up yet.\n");
		return;
	}
	for (int way = 1; way >= -1; way -= 2) {
		bool any = false;
		for (size_t d = 0; d < l->n_depts; d++)
			if (p->figs[d].shift == way) {
				sb_add(sb, any ? ", " : way > 0 ? "**Grew last quarter:** "
								: "**Slid last quarter:** ");
				md_inline(sb, p->figs[d].d->name);
				sb_addf(sb, " (attendance %d%% → %d%%)", p->figs[d].shift_from,
					p->figs[d].shift_to);
				any = true;
			}
		if (any)
			sb_add(sb, ".\n\n");
	}
	sb_add(sb, "| Department |");
	for (int k = first; k < l->n_quarters; k++) {
		quarter_text(&l->lines[(size_t)k * l->n_depts], q, sizeof q);
		sb_addf(sb, " %s |", q);
	}
	sb_add(sb, " Actions | On time | Wins | Messages acknowledged | Support ↑/↓ |\n|---|");
	for (int k = first; k < l->n_quarters; k++)
		sb_add(sb, "---:|");
	sb_add(sb, "---:|---:|---:|---:|---:|\n");
	for (size_t d = 0; d < l->n_depts; d++) {
		const struct dept_fig *f = &p->figs[d];
		sb_add(sb, "| ");
		md_inline(sb, f->d->name);
		sb_add(sb, " |");
		for (int k = first; k < l->n_quarters; k++) {
			int a = ledger_attendance_pct(&l->lines[(size_t)k * l->n_depts + d]);
			if (a < 0)
				sb_add(sb, " - |");
			else
				sb_addf(sb, " %d%% |", a);
		}
		sb_addf(sb, " %lld | %lld | %lld | %lld of %lld | %lld / %lld |\n",
			(long long)f->actions, (long long)f->on_time, (long long)f->ledger_wins,
			(long long)f->acked, (long long)f->messages, (long long)f->up,
			(long long)f->down);
	}
	first_quarter(p, q, sizeof q);
	sb_addf(sb, "\nAttendance per quarter: the share of completed meetings with someone of "
		    "the department present. Sums from %s on.\n", q);
}

static void md_scorecard(struct packet *p)
{
	if (!p->n_measures)
		return;
	struct strbuf *sb = p->sb;
	md_section(sb, "Scorecard");
	sb_add(sb, "| Measure | Trend | Last value | Target | Track |\n|---|---|---:|---|---|\n");
	for (size_t i = 0; i < p->n_measures; i++) {
		const struct measure *m = &p->measures[i];
		size_t n = p->n_values[i], from = n > SCORECARD_TREND ? n - SCORECARD_TREND : 0;
		double trend[SCORECARD_TREND];
		for (size_t k = from; k < n; k++)
			trend[k - from] = p->values[i][k].value;
		char spark[SCORECARD_TREND * 4 + 1];
		measure_sparkline(trend, n - from, true, spark, sizeof spark);
		sb_add(sb, "| ");
		md_inline(sb, m->name);
		sb_addf(sb, " | %s | ", spark);
		if (n)
			md_value(sb, m, p->values[i][n - 1].value);
		else
			sb_add(sb, "-");
		sb_add(sb, " | ");
		if (m->has_target) {
			sb_add(sb, m->lower_is_better ? "≤ " : "≥ ");
			md_value(sb, m, m->target);
		}
		sb_addf(sb, " | %s |\n", n ? measure_track_word(measure_on_track(m, p->values[i][n - 1].value))
					   : "no value");
	}
}

static void md_initiatives(struct packet *p)
{
	if (!p->n_inits)
		return;
	struct strbuf *sb = p->sb;
	md_section(sb, "Initiatives");
	sb_add(sb, "| Initiative | Owner | Department | Due | Milestones | Track |\n"
		   "|---|---|---|---|---:|---|\n");
	for (size_t i = 0; i < p->n_inits; i++) {
		const struct initiative *in = &p->inits[i];
		char due[16];
		date_text(in->due, due, sizeof due);
		sb_add(sb, "| ");
		md_inline(sb, in->title);
		sb_add(sb, " | ");
		md_inline(sb, in->person_name ? in->person_name : "");
		sb_add(sb, " | ");
		md_inline(sb, in->dept_name ? in->dept_name : "");
		sb_addf(sb, " | %s%s | %d of %d | %s |\n", due,
			initiative_late(in, p->today) ? " (late)" : "", in->milestones_done,
			in->milestones, initiative_track_word(in->track));
	}
}

static void md_render(struct packet *p)
{
	struct strbuf *sb = p->sb;
	char from[16], to[16];
	date_text(p->since, from, sizeof from);
	date_text(p->today, to, sizeof to);
	sb_add(sb, "# ");
	md_inline(sb, org_name(p));
	sb_addf(sb, " — CX council progress\n\nFrom %s to %s, for the executive sponsor and the "
		    "council.\n", from, to);
	const char *mission = p->org.text[ORG_MISSION], *success = p->org.text[ORG_SUCCESS];
	if (mission && *mission) {
		sb_add(sb, "\n*Mission:* ");
		md_inline(sb, mission);
		sb_add(sb, "\n");
	}
	if (success && *success) {
		sb_add(sb, "\n*Success looks like:* ");
		md_inline(sb, success);
		sb_add(sb, "\n");
	}
	md_section(sb, "At a glance");
	int on = report_percent(p->cad.sum.recent_on_time, p->cad.sum.recent_judged);
	sb_addf(sb, "- Meetings held: %d\n- Wins recorded: %lld\n", p->meetings,
		(long long)p->wins_total);
	if (on >= 0)
		sb_addf(sb, "- On cadence, last 12 meetings: %d%%\n", on);
	sb_addf(sb, "- Actions overdue: %lld\n- Waiting on the sponsor: %lld\n",
		(long long)p->overdue_total, (long long)(p->escalated_total + p->due_total));
	md_scorecard(p);
	md_initiatives(p);
	md_wins(p);
	md_chains(p);
	md_waiting(p);
	md_departments(p);
	md_cadence(p);
	md_ledger(p);
}

enum store_rc packet_render(struct store *st, cx_date since, cx_date today,
			    enum out_format format, char **out)
{
	struct strbuf sb;
	sb_init(&sb);
	struct packet p = {.st = st, .since = since, .today = today, .sb = &sb};
	*out = NULL;
	enum store_rc rc = gather(&p);
	if (rc == STORE_OK) {
		if (format == OUT_HTML)
			html_render(&p);
		else
			md_render(&p);
		*out = sb_take(&sb);
	}
	sb_free(&sb);
	packet_free(&p);
	return rc;
}
