/* pane_scorecard.c - the "Insights & metrics" step: the CX scorecard (each
 * measure with its trend, last value, target and whether it is on track, in
 * colour and in words), a value for this period entered in one key, the
 * cause asked for when a value goes off track or moves far and kept as an
 * insight linked to the measure, a measure off track two periods running
 * offered as a parked topic; under it, the items captured in this step. The
 * cursor runs over the measures, then the items (mv->offset: the rows before
 * the items). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_view.h"
#include "dialog.h"
#include "draw.h"
#include "cxmeet/leaders.h"
#include "cxmeet/meeting.h"
#include "cxmeet/scorecard.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* The scorecard as loaded, for the meeting shown: the measures in use (each
 * with its last value), and each one's last values for its trend, the latest
 * first, read when its row is first drawn or its value typed: the step opens
 * in the time of the rows on screen, however many measures there are. */
static struct card {
	struct measure *m;
	size_t n;
	struct measure_value **v;
	size_t *nv;
	bool *read;
} card;

static void card_free(void)
{
	for (size_t i = 0; i < card.n; i++)
		measure_values_free(card.v[i], card.nv[i]);
	free(card.v);
	free(card.nv);
	free(card.read);
	measure_list_free(card.m, card.n);
	memset(&card, 0, sizeof card);
}

static void card_load(struct tui *t)
{
	card_free();
	if (scorecard_measures(t->st, &card.m, &card.n) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	card.v = xcalloc(card.n + 1, sizeof *card.v);
	card.nv = xcalloc(card.n + 1, sizeof *card.nv);
	card.read = xcalloc(card.n + 1, sizeof *card.read);
}

/* Measure i's last values, read once. */
static void card_values(struct tui *t, size_t i)
{
	if (card.read[i])
		return;
	card.read[i] = true;
	if (store_measure_values(t->st, card.m[i].id, false, SCORECARD_TREND, &card.v[i],
				 &card.nv[i]) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
}

static void load(struct tui *t)
{
	card_load(t);
	mv_load_step_items(t, card.n);
}

static const struct measure *selected_measure(struct tui *t)
{
	int sel = t->mv->sel;
	return sel >= 0 && (size_t)sel < card.n ? &card.m[sel] : NULL;
}

/* --- drawing --------------------------------------------------------------- */

/* The columns of the scorecard's rows, fitted to the width. */
struct cols {
	int name, trend, value, target, track; /* widths; 0: left out */
};

static void texts_of(size_t i, char *value, char *target, size_t len)
{
	const struct measure *m = &card.m[i];
	snprintf(value, len, "-");
	target[0] = '\0';
	if (m->has_value)
		measure_value_unit(m, m->value, value, len);
	if (m->has_target) {
		char t[48];
		measure_value_unit(m, m->target, t, sizeof t);
		snprintf(target, len, "%s %s", m->lower_is_better ? "≤" : "≥", t);
	}
}

static struct cols fit(int w)
{
	struct cols c = {0, SCORECARD_TREND, 1, 0, 9};
	int name = 4;
	for (size_t i = 0; i < card.n; i++) {
		char v[64], t[64];
		texts_of(i, v, t, sizeof v);
		c.value = text_cols(v) > c.value ? text_cols(v) : c.value;
		c.target = text_cols(t) > c.target ? text_cols(t) : c.target;
		name = text_cols(card.m[i].name) > name ? text_cols(card.m[i].name) : name;
		if (!card.m[i].has_value)
			c.track = 12; /* "no value yet" */
	}
	/* the names are read first: when they lack room, the trend shortens,
	 * then the target goes (the line under the card shows it), then the
	 * trend shortens to its last four values, then it goes */
	int want = name < 20 ? name : 20;
	int room = w - (c.trend + 1 + c.value + 1 + c.target + 1 + c.track + 1);
	if (room < want) {
		room += c.trend - 8;
		c.trend = 8;
	}
	if (room < want && c.target) {
		room += c.target + 1;
		c.target = 0;
	}
	if (room < want && c.trend > 4) {
		room += c.trend - 4;
		c.trend = 4;
	}
	if (room < want && c.trend) {
		room += c.trend + 1;
		c.trend = 0;
	}
	c.name = room < name ? room : name;
	if (c.name < 4)
		c.name = 4;
	return c;
}

/* One measure's row: name, trend, last value, target, the words on track. */
static void draw_measure(struct tui *t, int y, int x, int w, size_t i, bool cur,
			 const struct cols *c)
{
	const struct measure *m = &card.m[i];
	if (c->trend)
		card_values(t, i);
	const struct measure_value *v = card.v[i];
	size_t nv = card.nv[i];
	attr_t a = cur ? theme(C_SELECTED) : theme(C_NORMAL);
	draw_fill(y, x, w, a);
	int col = x;
	draw_text_fit(y, col, m->name, c->name, a);
	col += c->name + 1;
	if (c->trend) {
		double trend[SCORECARD_TREND];
		size_t k = nv < (size_t)c->trend ? nv : (size_t)c->trend;
		for (size_t j = 0; j < k; j++)
			trend[k - 1 - j] = v[j].value; /* oldest first */
		char spark[SCORECARD_TREND * 4 + 1];
		measure_sparkline(trend, k, text_locale_utf8(), spark, sizeof spark);
		draw_text(y, col, spark, c->trend, cur ? a : theme(C_ACCENT));
		col += c->trend + 1;
	}
	char value[64], target[64];
	texts_of(i, value, target, sizeof value);
	draw_text(y, col + c->value - text_cols(value), value, c->value, a);
	col += c->value + 1;
	if (c->target) {
		draw_text(y, col, target, c->target, cur ? a : theme(C_MUTED));
		col += c->target + 1;
	}
	int track = m->has_value ? measure_on_track(m, m->value) : -1;
	const char *word = m->has_value ? measure_track_word(track) : "no value yet";
	attr_t ta = cur ? a : track == 1 ? theme(C_OK) : track == 0 ? theme(C_WARNING)
								  : theme(C_MUTED);
	if (x + w - col > 0)
		draw_text(y, col, word, x + w - col, ta);
}

static void draw(struct tui *t, int y, int x, int h, int w)
{
	struct meeting_view *mv = t->mv;
	char head[160];
	snprintf(head, sizeof head, "Scorecard (%zu %s)", card.n,
		 text_plural((long long)card.n, "measure", "measures"));
	int used = draw_text(y, x, head, w, theme(C_HEADING));
	if (card.n)
		draw_text(y, x + used, "   v: this period's value", w - used, theme(C_MUTED));
	int rows = 1;
	if (card.n == 0) {
		rows += draw_wrapped(y + 1, x, "No measure yet: cxmeet measure add NAME --target N "
					       "(the success statement's and each department's KPIs).",
				     w, 2, theme(C_MUTED));
	} else {
		/* the scorecard keeps at most two thirds of the pane */
		int room = (h - 1) * 2 / 3;
		int shown = (int)card.n < room ? (int)card.n : room;
		struct cols c = fit(w);
		int top = mv->sel < (int)card.n && mv->sel >= shown ? mv->sel - shown + 1 : 0;
		for (int r = 0; r < shown; r++)
			draw_measure(t, y + rows + r, x, w, (size_t)(top + r), top + r == mv->sel, &c);
		rows += shown;
		const struct measure *sm = selected_measure(t);
		if (sm) { /* the measure under the cursor, whole */
			size_t i = (size_t)mv->sel;
			char value[64], target[64], period[32], line[400];
			texts_of(i, value, target, sizeof value);
			if (sm->has_value)
				measure_period_text(sm->frequency, sm->value_on, period,
						    sizeof period);
			snprintf(line, sizeof line, "%s: %s%s%s · target %s · read %s%s%s", sm->name,
				 sm->has_value ? value : "no value yet", sm->has_value ? " for " : "",
				 sm->has_value ? period : "", *target ? target : "none",
				 measure_freq_label(sm->frequency), sm->person_name ? " · owner " : "",
				 sm->person_name ? sm->person_name : "");
			rows += draw_wrapped(y + rows + (shown < (int)card.n), x, line, w, 2,
					     theme(C_MUTED));
		}
		if ((int)card.n > shown) {
			char more[80];
			snprintf(more, sizeof more, "… %zu more: Down to see them", card.n - (size_t)shown);
			draw_line(y + rows, x, more, w, theme(C_MUTED));
			rows++;
		}
	}
	rows++;
	mv_draw_step_items(t, y + rows, x, h - rows, w,
			   "Nothing yet. Press i to capture an insight: what the numbers say, and "
			   "what caused them.");
}

/* --- a value, its cause, a topic --------------------------------------------- */

static const char *check_value(const char *text, void *ctx, char *buf, size_t len)
{
	(void)ctx;
	double v;
	return measure_value_parse(text, &v, buf, len) == 0 ? NULL : buf;
}

/* The cause, as an insight of this step linked to the measure. */
static void ask_cause(struct tui *t, const struct measure *m)
{
	struct meeting_view *mv = t->mv;
	char title[300]; /* the value just saved is said on the status line under it */
	snprintf(title, sizeof title, "What caused it? An insight on %s", m->name);
	char *cause = dialog_input(t, title, "", NULL, NULL);
	if (!cause || !*cause) {
		free(cause);
		return;
	}
	struct item it = {.kind = ITEM_INSIGHT, .text = cause, .due = DATE_NONE,
			  .revisit = DATE_NONE, .dept_id = m->dept_id, .meeting_id = mv->run.m.id,
			  .step_id = meeting_current(&mv->run)->id};
	char err[256] = "";
	enum store_rc rc = store_begin(t->st);
	if (rc == STORE_OK)
		rc = meeting_add_item(t->st, &it, NULL, clock_now(), err, sizeof err);
	if (rc == STORE_OK)
		rc = store_item_set_measure(t->st, it.id, m->id);
	if (rc == STORE_OK)
		rc = store_commit(t->st);
	else
		store_rollback(t->st);
	if (rc == STORE_OK)
		tui_flash(t, false, "Saved insight #%lld on %s.", (long long)it.id, m->name);
	else
		tui_flash(t, true, "Not saved: %s", *err ? err : store_errmsg(t->st));
	free(cause);
}

/* Off track two periods running: offered as a parked topic. */
static void offer_topic(struct tui *t, const struct measure *m, const struct measure_value *v,
			size_t nv)
{
	if (nv < 2 || measure_on_track(m, v[0].value) != 0 || measure_on_track(m, v[1].value) != 0)
		return;
	char q[300];
	snprintf(q, sizeof q, "%s is off track two periods running. Park it as a topic for the "
			      "council?", m->name);
	if (!dialog_confirm(t, q))
		return;
	struct meeting_view *mv = t->mv;
	char value[64], target[64];
	measure_value_unit(m, v[0].value, value, sizeof value);
	measure_value_unit(m, m->target, target, sizeof target);
	char *text = xasprintf("%s off track two periods running (%s against %s)", m->name, value,
			       target);
	struct item it = {.kind = ITEM_PARKED, .text = text, .due = DATE_NONE,
			  .revisit = DATE_NONE, .dept_id = m->dept_id, .meeting_id = mv->run.m.id,
			  .step_id = meeting_current(&mv->run)->id};
	char err[256] = "";
	if (meeting_add_item(t->st, &it, NULL, clock_now(), err, sizeof err) == STORE_OK)
		tui_flash(t, false, "Parked topic #%lld: %s.", (long long)it.id, text);
	else
		tui_flash(t, true, "Not saved: %s", *err ? err : store_errmsg(t->st));
	free(text);
}

static void enter_value(struct tui *t, size_t i)
{
	card_values(t, i);
	struct measure m = card.m[i]; /* its strings stay with the card until the reload */
	cx_date today = clock_today();
	char period[32], title[300];
	measure_period_text(m.frequency, measure_period(m.frequency, today), period, sizeof period);
	bool filled = card.nv[i] && card.v[i][0].period == measure_period(m.frequency, today);
	snprintf(title, sizeof title, "%s for %s%s%s%s", m.name, period,
		 m.unit ? " (" : "", m.unit ? m.unit : "", m.unit ? ")" : "");
	char initial[40] = "";
	if (filled)
		measure_value_text(card.v[i][0].value, initial, sizeof initial);
	char *text = dialog_input(t, title, initial, check_value, NULL);
	if (!text)
		return;
	double value;
	char err[256];
	if (measure_value_parse(text, &value, err, sizeof err) != 0) {
		free(text);
		return;
	}
	free(text);
	if (filled && value == card.v[i][0].value)
		return;
	if (filled) {
		char q[300], was[64];
		measure_value_unit(&m, card.v[i][0].value, was, sizeof was);
		snprintf(q, sizeof q, "%s has %s for %s already. Correct it?", m.name, was, period);
		if (!dialog_confirm(t, q))
			return;
	}
	cx_date p;
	/* the value before this period's, for the move */
	bool has_prev = false;
	double prev = 0;
	for (size_t k = 0; k < card.nv[i] && !has_prev; k++)
		if (card.v[i][k].period < measure_period(m.frequency, today)) {
			has_prev = true;
			prev = card.v[i][k].value;
		}
	if (measure_record(t->st, m.id, today, today, value, filled, clock_now(), &p) != STORE_OK) {
		tui_flash(t, true, "Not saved: %s", store_errmsg(t->st));
		return;
	}
	char shown[64], said[200];
	measure_value_unit(&m, value, shown, sizeof shown);
	int track = measure_on_track(&m, value);
	snprintf(said, sizeof said, "%s: %s for %s%s%s.", m.name, shown, period,
		 track < 0 ? "" : ", ", track < 0 ? "" : measure_track_word(track));
	tui_flash(t, false, "%s", said);
	store_id id = m.id;
	/* a correction asks nothing more: the first value of the period did */
	if (!filled && measure_needs_cause(&m, has_prev, prev, value))
		ask_cause(t, &m);
	mv_reload(t); /* the card again: m's strings are gone after this */
	for (size_t k = 0; k < card.n; k++)
		if (card.m[k].id == id) {
			t->mv->sel = (int)k;
			card_values(t, k);
			if (!filled)
				offer_topic(t, &card.m[k], card.v[k], card.nv[k]);
			break;
		}
	mv_reload(t);
}

static enum action key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	struct meeting_view *mv = t->mv;
	if (mv_move(t, a, mv->total, 10))
		return ACT_NONE;
	const struct measure *m = selected_measure(t);
	if (m && ((!is_key && ch == 'v') || a == ACT_SELECT)) {
		enter_value(t, (size_t)mv->sel);
		return ACT_NONE;
	}
	if (m && (a == ACT_EDIT || a == ACT_DELETE)) {
		tui_flash(t, true, "A measure is changed with cxmeet measure edit; here, v enters "
				   "this period's value.");
		return ACT_NONE;
	}
	if (a == ACT_SELECT)
		a = ACT_EDIT;
	return items_key(t, a);
}

const struct pane_ops pane_scorecard = {.load = load, .draw = draw, .key = key};
