/* export.c - JSON, CSV and iCalendar exports of the council's data. Items and
 * meetings are read a page at a time and the output is handed to the sink
 * whenever a chunk is full, so memory stays flat however long the history. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "cxmeet/export.h"
#include "cxmeet/initiatives.h"
#include "cxmeet/leaders.h"
#include "cxmeet/meeting.h"
#include "cxmeet/scorecard.h"
#include "cxmeet/text.h"

#define PAGE 2000
#define CHUNK 65536

struct out {
	struct strbuf sb;
	export_sink sink;
	void *ctx;
	bool failed;
	long done, total; /* rows written of the items and the tables, for the bar */
};

static export_progress progress_fn;
static void *progress_ctx;

void export_set_progress(export_progress fn, void *ctx)
{
	progress_fn = fn;
	progress_ctx = ctx;
}

/* One more row written: the bar told every few thousand. */
static void row_done(struct out *o)
{
	if (progress_fn && (++o->done & 4095) == 0)
		progress_fn(progress_ctx, o->done, o->total);
}

/* The rows the bar counts: the items, then every row of the tables. */
static enum store_rc count_rows(struct store *st, struct out *o)
{
	enum store_rc rc = store_read_begin(st);
	for (size_t i = 0; i < store_table_count && rc == STORE_OK; i++) {
		int64_t n = 0;
		if (!export_table_included(i))
			continue;
		rc = store_table_rows(st, i, 0, NULL, NULL, &n);
		o->total += (long)n * (strcmp(store_tables[i].name, "items") == 0 ? 2 : 1);
	}
	store_rollback(st); /* only read */
	return rc;
}

/* Hands the buffer to the sink once it holds a chunk (or always, at the end). */
static void flush(struct out *o, bool all)
{
	if (o->failed || o->sb.len == 0 || (!all && o->sb.len < CHUNK))
		return;
	if (o->sink(o->ctx, o->sb.s, o->sb.len) != 0)
		o->failed = true;
	o->sb.len = 0;
	o->sb.s[0] = '\0';
}

static void iso_time(char *buf, size_t len, time_t t, bool basic)
{
	struct tm tm;
	if (!t || !gmtime_r(&t, &tm)) {
		snprintf(buf, len, "%s", "");
		return;
	}
	strftime(buf, len, basic ? "%Y%m%dT%H%M%SZ" : "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* --- JSON --------------------------------------------------------------- */

/* The "tables" section: every table the store keeps (store_tables), each
 * an array of its rows in key order, a row an object of its columns under
 * their names: a whole number or a decimal as a number, a boolean as true or
 * false (a decimal written as the scorecard writes it, measure_value_text),
 * text, a date and a time as strings (as the store keeps them:
 * YYYY-MM-DD, ISO 8601 in UTC), NULL as null. Drafts of a meeting in
 * progress are a running instance's, not the council's data: left out. */
#define EXPORT_JSON_VERSION_S "2"

bool export_table_included(size_t table)
{
	return strcmp(store_tables[table].name, "meeting_drafts") != 0;
}

struct table_out {
	struct out *o;
	const struct store_table *t;
	bool any;
};

static void json_table_value(struct strbuf *sb, enum store_col_kind k, const char *v)
{
	if (!v)
		sb_add(sb, "null");
	else if (k == SCOL_BOOL)
		sb_add(sb, strcmp(v, "0") != 0 ? "true" : "false");
	else if (k == SCOL_REAL) {
		/* one spelling whatever the backend ("38", not "38.0") */
		char num[40];
		measure_value_text(strtod(v, NULL), num, sizeof num);
		sb_add(sb, num);
	} else if (k == SCOL_INT)
		sb_add(sb, v);
	else
		json_string(sb, v);
}

static void json_table_row(const char *const *values, void *ctx)
{
	struct table_out *to = ctx;
	struct strbuf *sb = &to->o->sb;
	sb_add(sb, to->any ? ",\n      {" : "\n      {");
	to->any = true;
	for (size_t i = 0; i < to->t->ncols; i++) {
		bool first = i == 0;
		json_member(sb, &first, to->t->cols[i].name);
		json_table_value(sb, to->t->cols[i].kind, values[i]);
	}
	sb_add(sb, "}");
	row_done(to->o);
	flush(to->o, false);
}

static enum store_rc json_tables(struct store *st, struct out *o)
{
	enum store_rc rc = store_read_begin(st);
	if (rc != STORE_OK)
		return rc;
	sb_add(&o->sb, "  \"tables\": {");
	bool firsttable = true;
	for (size_t i = 0; i < store_table_count && rc == STORE_OK && !o->failed; i++) {
		if (!export_table_included(i))
			continue;
		struct table_out to = {.o = o, .t = &store_tables[i]};
		sb_add(&o->sb, firsttable ? "\n    " : ",\n    ");
		firsttable = false;
		json_string(&o->sb, to.t->name);
		sb_add(&o->sb, ": [");
		rc = store_table_rows(st, i, 0, json_table_row, &to, NULL);
		sb_add(&o->sb, to.any ? "\n    ]" : "]");
	}
	sb_add(&o->sb, "\n  }\n");
	store_rollback(st);
	return rc;
}

static enum store_rc json_org(struct store *st, struct strbuf *sb)
{
	struct org org;
	enum store_rc rc = store_org_get(st, &org);
	sb_add(sb, "  \"organisation\": ");
	if (rc == STORE_NOTFOUND) {
		sb_add(sb, "null,\n");
		return STORE_OK;
	}
	if (rc != STORE_OK)
		return rc;
	char cad[48];
	cadence_format(&org.cadence, cad, sizeof cad);
	sb_add(sb, "{");
	bool first = true;
	for (int f = 0; f < ORG_TEXT_COUNT; f++)
		json_member_str(sb, &first, org_text_name((enum org_text)f), org.text[f]);
	json_member_str(sb, &first, "cadence", cad);
	json_member_int(sb, &first, "escalate_after", org.escalate_after);
	sb_add(sb, "},\n");
	org_free(&org);
	return STORE_OK;
}

static enum store_rc json_team(struct store *st, struct strbuf *sb)
{
	struct dept *d;
	struct person *p;
	size_t nd, np;
	enum store_rc rc = store_dept_list(st, true, &d, &nd);
	if (rc != STORE_OK)
		return rc;
	sb_add(sb, "  \"departments\": [");
	for (size_t i = 0; i < nd; i++) {
		bool first = true;
		sb_add(sb, i ? ",\n    {" : "\n    {");
		json_member_int(sb, &first, "id", d[i].id);
		json_member_str(sb, &first, "name", d[i].name);
		json_member_bool(sb, &first, "customer_facing", !d[i].behind);
		json_member_bool(sb, &first, "archived", d[i].archived);
		sb_add(sb, "}");
	}
	sb_add(sb, nd ? "\n  ],\n" : "],\n");
	dept_list_free(d, nd);
	if ((rc = store_person_list(st, true, 0, &p, &np)) != STORE_OK)
		return rc;
	sb_add(sb, "  \"people\": [");
	for (size_t i = 0; i < np; i++) {
		bool first = true;
		sb_add(sb, i ? ",\n    {" : "\n    {");
		json_member_int(sb, &first, "id", p[i].id);
		json_member_str(sb, &first, "name", p[i].name);
		json_member_str(sb, &first, "department", p[i].dept_name);
		json_member_str(sb, &first, "role", role_name(p[i].role));
		json_member_str(sb, &first, "email", p[i].email);
		json_member_bool(sb, &first, "archived", p[i].archived);
		sb_add(sb, "}");
	}
	sb_add(sb, np ? "\n  ],\n" : "],\n");
	person_list_free(p, np);
	return STORE_OK;
}

static enum store_rc json_meetings(struct store *st, struct out *o)
{
	store_id after = 0;
	bool any = false;
	sb_add(&o->sb, "  \"meetings\": [");
	for (;;) {
		struct meeting *m;
		size_t n;
		enum store_rc rc = store_meetings_after(st, after, PAGE, &m, &n);
		if (rc != STORE_OK)
			return rc;
		for (size_t i = 0; i < n; i++, any = true) {
			struct strbuf *sb = &o->sb;
			bool first = true;
			sb_add(sb, any ? ",\n    {" : "\n    {");
			json_member_int(sb, &first, "id", m[i].id);
			json_member_str(sb, &first, "status", meeting_status_name(m[i].status));
			json_member_time(sb, &first, "started_at", m[i].started_at);
			json_member_time(sb, &first, "ended_at", m[i].ended_at);
			json_member_id(sb, &first, "rating", m[i].rating);
			json_member_date(sb, &first, "next_meeting_on", m[i].next_meeting);
			sb_add(sb, "}");
			after = m[i].id;
		}
		free(m);
		flush(o, false);
		if (n < PAGE || o->failed)
			break;
	}
	sb_add(&o->sb, any ? "\n  ],\n" : "],\n");
	return STORE_OK;
}

/* Each member's rating of each meeting, and who will brief each department
 * nobody represented at one. */
static enum store_rc json_meeting_extras(struct store *st, struct out *o)
{
	struct member_rating *r;
	struct briefer *b;
	size_t nr, nb;
	enum store_rc rc = store_ratings(st, 0, &r, &nr);
	if (rc != STORE_OK)
		return rc;
	struct strbuf *sb = &o->sb;
	sb_add(sb, "  \"meeting_ratings\": [");
	for (size_t i = 0; i < nr; i++) {
		bool first = true;
		sb_add(sb, i ? ",\n    {" : "\n    {");
		json_member_int(sb, &first, "meeting_id", r[i].meeting_id);
		json_member_int(sb, &first, "person_id", r[i].person_id);
		json_member_str(sb, &first, "person", r[i].name);
		json_member_int(sb, &first, "rating", r[i].rating);
		json_member_time(sb, &first, "rated_at", r[i].at);
		sb_add(sb, "}");
	}
	sb_add(sb, nr ? "\n  ],\n" : "],\n");
	member_ratings_free(r, nr);
	if ((rc = store_briefers(st, 0, &b, &nb)) != STORE_OK)
		return rc;
	sb_add(sb, "  \"meeting_briefers\": [");
	for (size_t i = 0; i < nb; i++) {
		bool first = true;
		sb_add(sb, i ? ",\n    {" : "\n    {");
		json_member_int(sb, &first, "meeting_id", b[i].meeting_id);
		json_member_str(sb, &first, "department", b[i].dept_name);
		json_member_int(sb, &first, "person_id", b[i].person_id);
		json_member_str(sb, &first, "person", b[i].person_name);
		sb_add(sb, "}");
	}
	sb_add(sb, nb ? "\n  ],\n" : "],\n");
	briefers_free(b, nb);
	flush(o, false);
	return STORE_OK;
}

static void json_item(struct strbuf *sb, const struct item *it)
{
	bool first = true;
	json_member_int(sb, &first, "id", it->id);
	json_member_str(sb, &first, "kind", item_kind_name(it->kind));
	json_member_str(sb, &first, "status", item_status_name(it->status));
	json_member_str(sb, &first, "text", it->text);
	json_member_str(sb, &first, "detail", it->detail);
	json_member_str(sb, &first, "rationale", it->rationale);
	json_member_str(sb, &first, "department", it->dept_name);
	json_member_str(sb, &first, "person", it->person_name);
	json_member_date(sb, &first, "due_on", it->due);
	json_member_date(sb, &first, "revisit_on", it->revisit);
	json_member_id(sb, &first, "superseded_by", it->superseded_by);
	json_member_id(sb, &first, "rank", it->rank);
	json_member_bool(sb, &first, "consent", it->consent);
	json_member_id(sb, &first, "meeting_id", it->meeting_id);
	json_member_time(sb, &first, "created_at", it->created_at);
	json_member_time(sb, &first, "closed_at", it->closed_at);
	json_member_int(sb, &first, "slips", it->slips);
	json_member_int(sb, &first, "carried", it->carried);
}

/* Calls row() for every item (not deleted), a page at a time; *any tells
 * whether there was one. */
static enum store_rc each_item(struct store *st, struct out *o,
			       void (*row)(struct out *o, const struct item *it, bool first),
			       bool *any)
{
	store_id after = 0;
	bool first = true;
	*any = false;
	for (;;) {
		struct item *items;
		size_t n;
		enum store_rc rc = store_items_after(st, after, PAGE, &items, &n);
		if (rc != STORE_OK)
			return rc;
		for (size_t i = 0; i < n; i++, first = false) {
			row(o, &items[i], first);
			*any = true;
			after = items[i].id;
		}
		item_list_free(items, n);
		flush(o, false);
		if (n < PAGE || o->failed)
			return STORE_OK;
	}
}

/* "measures": the scorecard's measures, archived ones too, each with every
 * value entered (corrections marked), the latest period first. */
static enum store_rc json_measures(struct store *st, struct out *o)
{
	struct measure *m;
	size_t n;
	enum store_rc rc = store_measure_list(st, MEASURE_ANY, 0, true, &m, &n);
	if (rc != STORE_OK)
		return rc;
	struct strbuf *sb = &o->sb;
	sb_add(sb, "  \"measures\": [");
	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		char num[40];
		bool f = true;
		sb_add(sb, i ? ",\n    {" : "\n    {");
		json_member_int(sb, &f, "id", m[i].id);
		json_member_str(sb, &f, "name", m[i].name);
		json_member_str(sb, &f, "kind", measure_kind_name(m[i].kind));
		json_member_id(sb, &f, "department_id", m[i].dept_id);
		json_member_str(sb, &f, "department", m[i].dept_name);
		json_member_id(sb, &f, "owner_id", m[i].person_id);
		json_member_str(sb, &f, "owner", m[i].person_name);
		json_member_str(sb, &f, "unit", m[i].unit);
		json_member_str(sb, &f, "better", m[i].lower_is_better ? "lower" : "higher");
		json_member(sb, &f, "target");
		measure_value_text(m[i].target, num, sizeof num);
		sb_add(sb, m[i].has_target ? num : "null");
		json_member_str(sb, &f, "every", measure_freq_name(m[i].frequency));
		json_member_bool(sb, &f, "archived", m[i].archived);
		json_member(sb, &f, "values");
		struct measure_value *v;
		size_t nv;
		if ((rc = store_measure_values(st, m[i].id, true, 0, &v, &nv)) != STORE_OK)
			break;
		sb_add(sb, "[");
		for (size_t k = 0; k < nv; k++) {
			bool g = true;
			sb_add(sb, k ? ", {" : "{");
			json_member_date(sb, &g, "period_on", v[k].period);
			json_member(sb, &g, "value");
			measure_value_text(v[k].value, num, sizeof num);
			sb_add(sb, num);
			json_member_time(sb, &g, "entered_at", v[k].entered_at);
			json_member_str(sb, &g, "entered_by", v[k].entered_by);
			json_member_bool(sb, &g, "corrected", v[k].corrected);
			sb_add(sb, "}");
		}
		sb_add(sb, "]}");
		measure_values_free(v, nv);
		flush(o, false);
	}
	sb_add(sb, n ? "\n  ],\n" : "],\n");
	measure_list_free(m, n);
	return rc;
}

/* "initiatives": the council's initiatives, closed ones too, each with its
 * milestones and every review, the newest first. */
static enum store_rc json_initiatives(struct store *st, struct out *o)
{
	struct initiative *v;
	size_t n;
	enum store_rc rc = store_initiative_list(st, true, DATE_NONE, &v, &n);
	if (rc != STORE_OK)
		return rc;
	struct strbuf *sb = &o->sb;
	sb_add(sb, "  \"initiatives\": [");
	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		bool f = true;
		sb_add(sb, i ? ",\n    {" : "\n    {");
		json_member_int(sb, &f, "id", v[i].id);
		json_member_str(sb, &f, "title", v[i].title);
		json_member_id(sb, &f, "department_id", v[i].dept_id);
		json_member_str(sb, &f, "department", v[i].dept_name);
		json_member_id(sb, &f, "owner_id", v[i].person_id);
		json_member_str(sb, &f, "owner", v[i].person_name);
		json_member_date(sb, &f, "due_on", v[i].due);
		json_member_str(sb, &f, "track", initiative_track_name(v[i].track));
		json_member_time(sb, &f, "created_at", v[i].created_at);
		struct milestone *m;
		size_t nm;
		if ((rc = store_milestones(st, v[i].id, &m, &nm)) != STORE_OK)
			break;
		json_member(sb, &f, "milestones");
		sb_add(sb, "[");
		for (size_t k = 0; k < nm; k++) {
			bool g = true;
			sb_add(sb, k ? ", {" : "{");
			json_member_str(sb, &g, "title", m[k].title);
			json_member_date(sb, &g, "due_on", m[k].due);
			json_member_date(sb, &g, "reached_on", m[k].done_on);
			sb_add(sb, "}");
		}
		sb_add(sb, "]");
		milestones_free(m, nm);
		struct initiative_review *r;
		size_t nr;
		if ((rc = store_initiative_reviews(st, v[i].id, 0, 0, &r, &nr)) != STORE_OK)
			break;
		json_member(sb, &f, "reviews");
		sb_add(sb, "[");
		for (size_t k = 0; k < nr; k++) {
			bool g = true;
			sb_add(sb, k ? ", {" : "{");
			json_member_str(sb, &g, "track", initiative_track_name(r[k].track));
			json_member_str(sb, &g, "note", r[k].note);
			json_member_id(sb, &g, "meeting_id", r[k].meeting_id);
			json_member_time(sb, &g, "reviewed_at", r[k].at);
			json_member_str(sb, &g, "reviewed_by", r[k].by);
			sb_add(sb, "}");
		}
		sb_add(sb, "]}");
		initiative_reviews_free(r, nr);
		flush(o, false);
	}
	sb_add(sb, n ? "\n  ],\n" : "],\n");
	initiatives_free(v, n);
	return rc;
}

static void json_item_row(struct out *o, const struct item *it, bool first)
{
	sb_add(&o->sb, first ? "\n    {" : ",\n    {");
	row_done(o);
	json_item(&o->sb, it);
	sb_add(&o->sb, "}");
}

static enum store_rc export_json(struct store *st, struct out *o, time_t now)
{
	char stamp[32];
	iso_time(stamp, sizeof stamp, now, false);
	sb_addf(&o->sb, "{\n  \"format\": \"cxmeet-export\",\n  \"version\": " EXPORT_JSON_VERSION_S ",\n"
		"  \"exported_at\": \"%s\",\n", stamp);
	enum store_rc rc;
	if (progress_fn && (rc = count_rows(st, o)) != STORE_OK)
		return rc;
	if ((rc = json_org(st, &o->sb)) != STORE_OK || (rc = json_team(st, &o->sb)) != STORE_OK ||
	    (rc = json_meetings(st, o)) != STORE_OK ||
	    (rc = json_meeting_extras(st, o)) != STORE_OK || (rc = json_measures(st, o)) != STORE_OK ||
	    (rc = json_initiatives(st, o)) != STORE_OK)
		return rc;
	sb_add(&o->sb, "  \"items\": [");
	bool any;
	if ((rc = each_item(st, o, json_item_row, &any)) != STORE_OK)
		return rc;
	sb_add(&o->sb, any ? "\n  ],\n" : "],\n");
	if ((rc = json_tables(st, o)) != STORE_OK)
		return rc;
	sb_add(&o->sb, "}\n");
	return STORE_OK;
}

/* --- CSV ---------------------------------------------------------------- */

static const struct table_col scorecard_cols[] = {
	{"measure", COL_TEXT, false},   {"kind", COL_TEXT, false},
	{"department", COL_TEXT, false}, {"unit", COL_TEXT, false},
	{"target", COL_INT, false},     {"better", COL_TEXT, false},
	{"every", COL_TEXT, false},     {"period_on", COL_TEXT, false},
	{"value", COL_INT, false},      {"track", COL_TEXT, false},
	{"entered_at", COL_TEXT, false}, {"entered_by", COL_TEXT, false},
	{"corrected", COL_BOOL, false},
};

enum store_rc export_scorecard_csv(struct store *st, export_sink sink, void *ctx)
{
	struct out o = {.sink = sink, .ctx = ctx};
	sb_init(&o.sb);
	struct measure *m;
	size_t n;
	enum store_rc rc = store_measure_list(st, MEASURE_ANY, 0, true, &m, &n);
	if (rc == STORE_OK)
		measures_sort(m, n);
	struct table t;
	size_t rows = 0;
	table_init(&t, scorecard_cols, ARRAY_SIZE(scorecard_cols));
	table_stream_begin(&t, OUT_CSV, &o.sb);
	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		struct measure_value *v;
		size_t nv;
		if ((rc = store_measure_values(st, m[i].id, true, 0, &v, &nv)) != STORE_OK)
			break;
		for (size_t k = 0; k < nv; k++) {
			char target[40], day[16], value[40], at[32];
			measure_value_text(m[i].target, target, sizeof target);
			date_format(v[k].period, day, sizeof day);
			measure_value_text(v[k].value, value, sizeof value);
			iso_time(at, sizeof at, v[k].entered_at, false);
			table_row(&t);
			table_cell(&t, m[i].name);
			table_cell(&t, measure_kind_name(m[i].kind));
			table_cell(&t, m[i].dept_name);
			table_cell(&t, m[i].unit);
			table_cell(&t, m[i].has_target ? target : NULL);
			table_cell(&t, m[i].lower_is_better ? "lower" : "higher");
			table_cell(&t, measure_freq_name(m[i].frequency));
			table_cell(&t, day);
			table_cell(&t, value);
			table_cell(&t, measure_track_word(measure_on_track(&m[i], v[k].value)));
			table_cell(&t, at);
			table_cell(&t, v[k].entered_by);
			table_cell_bool(&t, v[k].corrected);
		}
		measure_values_free(v, nv);
		table_stream_rows(&t, OUT_CSV, rows, &o.sb);
		rows += nv;
		table_clear(&t);
		flush(&o, false);
	}
	table_stream_end(&t, OUT_CSV, rows, &o.sb);
	table_free(&t);
	measure_list_free(m, n);
	if (rc == STORE_OK)
		flush(&o, true);
	sb_free(&o.sb);
	return rc == STORE_OK && o.failed ? STORE_ERROR : rc;
}

static const struct table_col csv_cols[] = {
	{"id", COL_INT, false},         {"kind", COL_TEXT, false},
	{"status", COL_TEXT, false},    {"meeting_id", COL_INT, false},
	{"created_at", COL_TEXT, false}, {"department", COL_TEXT, false},
	{"person", COL_TEXT, false},    {"due_on", COL_TEXT, false},
	{"revisit_on", COL_TEXT, false}, {"superseded_by", COL_INT, false},
	{"slips", COL_INT, false},      {"carried", COL_INT, false},
	{"text", COL_TEXT, false},      {"detail", COL_TEXT, false},
	{"rationale", COL_TEXT, false},
};

/* A number field (no value when v is 0 and `zero_none`), and a text field;
 * each after a comma unless it is the row's first. */
static void csv_int(struct strbuf *sb, long long v, bool zero_none, bool first)
{
	if (!first)
		sb_addn(sb, ",", 1);
	if (!zero_none || v)
		sb_add_int(sb, v);
}

static void csv_text(struct strbuf *sb, const char *s)
{
	sb_addn(sb, ",", 1);
	csv_field(sb, s, true);
}

/* One row in the columns of csv_cols, written as table_stream_rows would
 * write it, straight from the item. */
static void csv_item_row(struct out *o, const struct item *it, bool first)
{
	(void)first;
	struct strbuf *sb = &o->sb;
	char created[32], due[16] = "", revisit[16] = "";
	iso_time(created, sizeof created, it->created_at, false);
	if (it->due != DATE_NONE)
		date_format(it->due, due, sizeof due);
	if (it->revisit != DATE_NONE)
		date_format(it->revisit, revisit, sizeof revisit);
	csv_int(sb, it->id, false, true);
	csv_text(sb, item_kind_name(it->kind));
	csv_text(sb, item_status_name(it->status));
	csv_int(sb, it->meeting_id, true, false);
	csv_text(sb, created);
	csv_text(sb, it->dept_name);
	csv_text(sb, it->person_name);
	csv_text(sb, due);
	csv_text(sb, revisit);
	csv_int(sb, it->superseded_by, true, false);
	csv_int(sb, it->slips, false, false);
	csv_int(sb, it->carried, false, false);
	csv_text(sb, it->text);
	csv_text(sb, it->detail);
	csv_text(sb, it->rationale);
	sb_addn(sb, "\r\n", 2);
}

static enum store_rc export_csv(struct store *st, struct out *o)
{
	struct table head;
	table_init(&head, csv_cols, ARRAY_SIZE(csv_cols));
	table_stream_begin(&head, OUT_CSV, &o->sb);
	table_free(&head);
	bool any;
	return each_item(st, o, csv_item_row, &any);
}

/* --- iCalendar ---------------------------------------------------------- */

/* TEXT: backslash, semicolon and comma escaped, newline as \n; text_map has
 * already replaced the other control characters. */
static void ics_char(struct strbuf *sb, uint32_t cp, const char *bytes, size_t n)
{
	if (cp == '\\' || cp == ';' || cp == ',')
		sb_addf(sb, "\\%c", (char)cp);
	else if (cp == '\n')
		sb_add(sb, "\\n");
	else
		sb_addn(sb, bytes, n);
}

void ics_text(struct strbuf *sb, const char *s) { text_map(sb, s ? s : "", ics_char); }

void ics_line(struct strbuf *sb, const char *line)
{
	size_t len = strlen(line), col = 0, i = 0;
	while (i < len) {
		size_t n = 1;
		while (i + n < len && ((unsigned char)line[i + n] & 0xc0) == 0x80)
			n++;
		/* The first line holds 75 octets; continuations hold 74 after their space. */
		if (col + n > 75) {
			sb_add(sb, "\r\n ");
			col = 1;
		}
		sb_addn(sb, line + i, n);
		col += n;
		i += n;
	}
	sb_add(sb, "\r\n");
}

/* NAME:VALUE with VALUE escaped as TEXT. */
static void ics_prop(struct strbuf *sb, const char *name, const char *value)
{
	struct strbuf l;
	sb_init(&l);
	sb_add(&l, name);
	sb_add(&l, ":");
	ics_text(&l, value);
	ics_line(sb, l.s);
	sb_free(&l);
}

static void ics_raw(struct strbuf *sb, const char *fmt, const char *value)
{
	char *l = xasprintf(fmt, value);
	ics_line(sb, l);
	free(l);
}

static void ics_basic_date(cx_date d, char *buf, size_t len)
{
	char iso[16];
	date_format(d, iso, sizeof iso);
	snprintf(buf, len, "%.4s%.2s%.2s", iso, iso + 5, iso + 8);
}

static enum store_rc ics_open_actions(struct store *st, struct out *o, const char *stamp,
				      cx_date today)
{
	struct store_cursor cur = { 0 };
	for (;;) {
		struct item *items;
		size_t n;
		enum store_rc rc = store_open_actions(st, 0, &cur, PAGE, &items, &n);
		if (rc != STORE_OK)
			return rc;
		/* the page's revisions read at once (one round trip on a server) */
		store_id *ids = xcalloc(n + 1, sizeof *ids);
		int64_t *moves = xcalloc(n + 1, sizeof *moves), *changed = xcalloc(n + 1, sizeof *changed);
		for (size_t i = 0; i < n; i++)
			ids[i] = items[i].id;
		rc = store_item_revisions(st, ids, n, moves, changed);
		free(ids);
		for (size_t i = 0; i < n && rc == STORE_OK; i++) {
			const struct item *it = &items[i];
			struct strbuf *sb = &o->sb, desc;
			char id[64], due[16];
			ics_line(sb, "BEGIN:VTODO");
			/* the creation time keeps two databases' action 1 apart */
			snprintf(id, sizeof id, "action-%lld-%lld@cxmeet", (long long)it->id,
				 (long long)it->created_at);
			ics_raw(sb, "UID:%s", id);
			ics_raw(sb, "DTSTAMP:%s", stamp);
			/* A calendar takes a changed to-do for the same one updated when
			 * its SEQUENCE grows: each move of the due date adds one. */
			if (changed[i] > 0) {
				char when[32];
				iso_time(when, sizeof when, (time_t)changed[i], true);
				ics_raw(sb, "LAST-MODIFIED:%s", when);
			}
			snprintf(due, sizeof due, "%lld", (long long)moves[i]);
			ics_raw(sb, "SEQUENCE:%s", due);
			if (it->due != DATE_NONE) {
				ics_basic_date(it->due, due, sizeof due);
				ics_raw(sb, "DUE;VALUE=DATE:%s", due);
			}
			ics_prop(sb, "SUMMARY", it->text);
			/* RFC 5545: 1 is the highest priority; an overdue action has it */
			if (it->due != DATE_NONE && it->due < today)
				ics_line(sb, "PRIORITY:1");
			sb_init(&desc);
			sb_addf(&desc, "Owner: %s\nDepartment: %s\nAction #%lld",
				it->person_name ? it->person_name : "-",
				it->dept_name ? it->dept_name : "-", (long long)it->id);
			if (it->slips)
				sb_addf(&desc, "\nSlipped %d %s", it->slips,
					text_plural(it->slips, "time", "times"));
			if (it->carried)
				sb_addf(&desc, "\nCarried through %d %s", it->carried,
					text_plural(it->carried, "meeting", "meetings"));
			if (it->detail)
				sb_addf(&desc, "\n\n%s", it->detail);
			ics_prop(sb, "DESCRIPTION", desc.s);
			sb_free(&desc);
			if (it->dept_name)
				ics_prop(sb, "CATEGORIES", it->dept_name);
			ics_line(sb, "STATUS:NEEDS-ACTION");
			ics_line(sb, "END:VTODO");
		}
		free(moves);
		free(changed);
		if (rc != STORE_OK) {
			item_list_free(items, n);
			return rc;
		}
		if (n)
			store_open_action_cursor(&items[n - 1], &cur);
		item_list_free(items, n);
		flush(o, false);
		if (n < PAGE || o->failed)
			return STORE_OK;
	}
}

static enum store_rc ics_next_meeting(struct store *st, struct out *o, const char *stamp,
				      time_t now)
{
	struct org org;
	struct meeting last;
	enum store_rc rc = store_org_get(st, &org);
	if (rc == STORE_NOTFOUND)
		return STORE_OK;
	if (rc != STORE_OK)
		return rc;
	rc = store_meeting_last(st, &last);
	if (rc != STORE_OK && rc != STORE_NOTFOUND) {
		org_free(&org);
		return rc;
	}
	cx_date next = council_next_meeting(&org.cadence, rc == STORE_OK ? &last : NULL,
					    date_from_time(now));
	char start[16], end[16], summary[64];
	ics_basic_date(next, start, sizeof start);
	ics_basic_date(next + 1, end, sizeof end);
	struct strbuf *sb = &o->sb;
	char uid[96];
	/* The meeting after the last one, whatever its date: moving it (another
	 * cadence, a date set at the wrap-up) updates the same calendar entry. */
	if (rc == STORE_OK)
		snprintf(uid, sizeof uid, "meeting-after-%lld-%lld@cxmeet", (long long)last.id,
			 (long long)last.started_at);
	else
		snprintf(uid, sizeof uid, "meeting-first@cxmeet");
	ics_line(sb, "BEGIN:VEVENT");
	ics_raw(sb, "UID:%s", uid);
	ics_raw(sb, "DTSTAMP:%s", stamp);
	ics_raw(sb, "DTSTART;VALUE=DATE:%s", start);
	ics_raw(sb, "DTEND;VALUE=DATE:%s", end);
	snprintf(summary, sizeof summary, "CX council meeting");
	struct strbuf s;
	sb_init(&s);
	sb_add(&s, *org.text[ORG_NAME] ? org.text[ORG_NAME] : "");
	sb_add(&s, *org.text[ORG_NAME] ? ": " : "");
	sb_add(&s, summary);
	ics_prop(sb, "SUMMARY", s.s);
	sb_free(&s);
	if (*org.text[ORG_MISSION])
		ics_prop(sb, "DESCRIPTION", org.text[ORG_MISSION]);
	ics_line(sb, "TRANSP:TRANSPARENT");
	ics_line(sb, "END:VEVENT");
	org_free(&org);
	return STORE_OK;
}

static enum store_rc export_ics(struct store *st, struct out *o, time_t now)
{
	char stamp[32];
	iso_time(stamp, sizeof stamp, now, true);
	ics_line(&o->sb, "BEGIN:VCALENDAR");
	ics_line(&o->sb, "VERSION:2.0");
	ics_line(&o->sb, "PRODID:-//cxmeet//cxmeet " CXMEET_VERSION "//EN");
	ics_line(&o->sb, "CALSCALE:GREGORIAN");
	ics_line(&o->sb, "METHOD:PUBLISH");
	enum store_rc rc = ics_next_meeting(st, o, stamp, now);
	if (rc == STORE_OK)
		rc = ics_open_actions(st, o, stamp, date_from_time(now));
	ics_line(&o->sb, "END:VCALENDAR");
	return rc;
}

enum store_rc export_write(struct store *st, enum out_format f, time_t now, export_sink sink,
			   void *ctx)
{
	struct out o = {.sink = sink, .ctx = ctx};
	sb_init(&o.sb);
	enum store_rc rc = f == OUT_JSON  ? export_json(st, &o, now)
			   : f == OUT_CSV ? export_csv(st, &o)
					  : export_ics(st, &o, now);
	if (rc == STORE_OK)
		flush(&o, true);
	sb_free(&o.sb);
	return rc == STORE_OK && o.failed ? STORE_ERROR : rc;
}
