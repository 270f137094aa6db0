/* view_stakeholders.c - the stakeholder map: every active person on a 2x2 of
 * influence over decisions (up) and support for CX (right), those not placed
 * yet, who to win over and who the champions are, and the champions' and
 * heroes' record (wins credited, actions done on time). A person is moved
 * between quadrants with a key and saved at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "list.h"
#include "screen.h"
#include "dialog.h"
#include "views.h"
#include "keymap.h"
#include "cxmeet/leaders.h"
#include "cxmeet/stakeholder.h"
#include "cxmeet/util.h"

/* The quadrants as the map lays them out, which is also the order the
 * cursor walks: top left, top right, bottom left, bottom right. */
static const enum quadrant grid_order[4] = {QUAD_WIN_OVER, QUAD_CHAMPIONS, QUAD_MONITOR,
					    QUAD_KEEP_INFORMED};

struct map_state {
	bool loaded;
	struct person_record *recs;
	size_t n;
	size_t *order; /* indexes into recs, quadrant by quadrant, the unplaced last */
	int sel;       /* position in order */
	store_id want; /* put the cursor on this person at the next load */
	/* The card of the person under the cursor, read when the cursor comes
	 * to them: what they value, their KPI, stage and next step, their
	 * department's KPIs, their last move on the map. */
	store_id card_of;
	bool has_profile;
	struct person_profile profile;
	struct measure *kpis;
	size_t n_kpis;
	struct stance_change *moves;
	size_t n_moves;
};

static void card_free(struct map_state *sv)
{
	person_profile_free(&sv->profile);
	measure_list_free(sv->kpis, sv->n_kpis);
	stance_changes_free(sv->moves, sv->n_moves);
	sv->kpis = NULL;
	sv->moves = NULL;
	sv->n_kpis = sv->n_moves = 0;
	sv->has_profile = false;
	sv->card_of = 0;
}

static void card_load(struct tui *t, struct map_state *sv, const struct person *p)
{
	if (sv->card_of == p->id)
		return;
	card_free(sv);
	sv->card_of = p->id;
	sv->has_profile = store_person_profile_get(t->st, p->id, &sv->profile) == STORE_OK;
	if (p->dept_id)
		if (store_measure_list(t->st, MEASURE_KPI, p->dept_id, false, &sv->kpis,
				       &sv->n_kpis) == STORE_OK)
			measures_sort(sv->kpis, sv->n_kpis);
	(void)store_stance_history_list(t->st, p->id, 2, &sv->moves, &sv->n_moves);
}

/* The card: up to `rows` lines for the person under the cursor; returns the
 * lines used. */
static int draw_card(struct tui *t, struct map_state *sv, int y, int rows, int w)
{
	if (rows < 1 || !sv->n || sv->sel < 0 || (size_t)sv->sel >= sv->n)
		return 0;
	const struct person *p = &sv->recs[sv->order[sv->sel]].p;
	card_load(t, sv, p);
	struct strbuf lines[4];
	for (int i = 0; i < 4; i++)
		sb_init(&lines[i]);
	const struct person_profile *pr = &sv->profile;
	sb_addf(&lines[0], "%s (%s, %s)", p->name, p->dept_name ? p->dept_name : "no department",
		role_name(p->role));
	if (sv->has_profile && pr->stage != CHANGE_UNSET)
		sb_addf(&lines[0], " · stage: %s", change_stage_name(pr->stage));
	if (sv->has_profile && pr->next_step)
		sb_addf(&lines[0], " · next: %s", pr->next_step);
	if (sv->has_profile && (pr->values || pr->kpi))
		sb_addf(&lines[1], "Values: %s · Their KPI: %s", pr->values ? pr->values : "-",
			pr->kpi ? pr->kpi : "-");
	else
		sb_add(&lines[1], "What they value and their KPI: not written (cxmeet person edit "
				  "NAME --values --kpi)");
	if (sv->n_kpis) {
		sb_addf(&lines[2], "%s KPIs:", p->dept_name ? p->dept_name : "Department");
		for (size_t i = 0; i < sv->n_kpis; i++) {
			char v[40] = "-";
			if (sv->kpis[i].has_value)
				measure_value_text(sv->kpis[i].value, v, sizeof v);
			sb_addf(&lines[2], "%s %s %s%s%s", i ? "," : "", sv->kpis[i].name, v,
				sv->kpis[i].unit ? " " : "", sv->kpis[i].unit ? sv->kpis[i].unit : "");
		}
	}
	if (sv->n_moves) {
		char day[16];
		date_format(date_from_time(sv->moves[0].at), day, sizeof day);
		sb_addf(&lines[3], "Moved on %s to influence %s, support %s", day,
			stance_word(sv->moves[0].influence), stance_word(sv->moves[0].support));
		if (sv->n_moves > 1)
			sb_addf(&lines[3], " (was %s, %s)", stance_word(sv->moves[1].influence),
				stance_word(sv->moves[1].support));
	}
	int used = 0;
	for (int i = 0; i < 4; i++) {
		if (lines[i].len && used < rows)
			draw_text_fit(y + used++, 1, lines[i].s, w,
				      i == 0 ? theme(C_HEADING) : theme(C_NORMAL));
		sb_free(&lines[i]);
	}
	return used;
}

static enum quadrant quad_of(struct map_state *sv, size_t i)
{
	return stakeholder_quadrant(sv->recs[i].p.influence, sv->recs[i].p.support);
}

static void card_free(struct map_state *sv);

static void unload(struct map_state *sv)
{
	card_free(sv);
	person_records_free(sv->recs, sv->n);
	free(sv->order);
	sv->recs = NULL;
	sv->order = NULL;
	sv->n = 0;
	sv->loaded = false;
}

/* One query for the whole council: people with their records. */
static void load(struct tui *t)
{
	struct map_state *sv = tui_state(t, &view_stakeholders);
	store_id keep = sv->want;
	if (!keep && sv->loaded && sv->sel >= 0 && (size_t)sv->sel < sv->n)
		keep = sv->recs[sv->order[sv->sel]].p.id;
	unload(sv);
	if (store_person_records(t->st, clock_today(), false, &sv->recs, &sv->n) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	sv->order = xcalloc(sv->n + 1, sizeof *sv->order);
	size_t k = 0;
	for (int g = 0; g <= 4; g++)
		for (size_t i = 0; i < sv->n; i++)
			if (quad_of(sv, i) == (g < 4 ? grid_order[g] : QUAD_UNPLACED))
				sv->order[k++] = i;
	for (size_t j = 0; j < sv->n; j++)
		if (keep && sv->recs[sv->order[j]].p.id == keep)
			sv->sel = (int)j;
	if ((size_t)sv->sel >= sv->n)
		sv->sel = sv->n ? (int)sv->n - 1 : 0;
	sv->want = 0;
	sv->loaded = true;
}

static bool is_sel(const struct map_state *sv, size_t rec)
{
	return sv->n && sv->order[sv->sel] == rec;
}

/* --- drawing ------------------------------------------------------------ */

/* One quadrant's box: its people one a line, a window that keeps the cursor
 * in sight, and "+N more" for those that do not fit. */
static void draw_quadrant(struct map_state *sv, int y, int x, int h, int w, enum quadrant q,
			  bool high_influence)
{
	size_t *idx = xcalloc(sv->n + 1, sizeof *idx), count = 0;
	int pos = -1;
	for (size_t j = 0; j < sv->n; j++)
		if (quad_of(sv, sv->order[j]) == q) {
			if ((int)j == sv->sel)
				pos = (int)count;
			idx[count++] = sv->order[j];
		}
	char title[80];
	snprintf(title, sizeof title, "%s influence: %s (%zu)", high_influence ? "High" : "Low",
		 quadrant_name(q), count);
	if (text_cols(title) + 6 > w) /* narrow: the name alone, not cut mid-word */
		snprintf(title, sizeof title, "%s (%zu)", quadrant_name(q), count);
	draw_box(y, x, h, w, title);
	int inner = h - 2;
	if (inner < 1) {
		free(idx);
		return;
	}
	/* The last row says how many do not fit, unless it is the only row:
	 * then the count shares it with one name. */
	int shown = (int)count <= inner ? (int)count : inner > 1 ? inner - 1 : 1;
	int start = pos >= shown && shown > 0 ? pos - shown + 1 : 0;
	char more[32] = "";
	if (shown < (int)count)
		snprintf(more, sizeof more, "+%zu more", count - (size_t)shown);
	int more_w = inner == 1 && more[0] ? text_cols(more) + 1 : 0;
	for (int r = 0; r < shown; r++) {
		const struct person_record *p = &sv->recs[idx[start + r]];
		char *line = xasprintf("%s · %s", p->p.name, p->p.dept_name ? p->p.dept_name : "-");
		attr_t a = is_sel(sv, idx[start + r]) ? theme(C_SELECTED) : theme(C_NORMAL);
		draw_fill(y + 1 + r, x + 1, w - 2 - more_w, a);
		draw_text_fit(y + 1 + r, x + 2, line, w - 4 - more_w, a);
		free(line);
	}
	if (more[0])
		draw_text(more_w ? y + 1 : y + 1 + shown, more_w ? x + w - 1 - more_w : x + 2, more,
			  more_w ? more_w : w - 4, theme(C_MUTED));
	if (count == 0)
		draw_text(y + 1, x + 2, "(nobody)", w - 4, theme(C_MUTED));
	free(idx);
}

/* Names on one line after a label, the cursor's highlighted, "+N more" when
 * they do not fit. */
static void draw_names(struct map_state *sv, int y, int w, const char *label, attr_t la,
		       const size_t *idx, size_t n)
{
	int x = 1 + draw_text(y, 1, label, w, la);
	size_t start = 0;
	for (size_t k = 0; k < n; k++)
		if (is_sel(sv, idx[k]) && k > 3)
			start = k; /* keep the cursor's name in sight */
	if (n == 0)
		draw_text(y, x, "nobody", w - x, theme(C_MUTED));
	for (size_t k = start; k < n; k++) {
		const char *name = sv->recs[idx[k]].p.name;
		int need = text_cols(name) + 2;
		if (x + need + 9 > w && k + 1 < n) {
			char more[32];
			snprintf(more, sizeof more, "+%zu more", n - k + start);
			draw_text(y, x, more, w - x, theme(C_MUTED));
			return;
		}
		attr_t a = is_sel(sv, idx[k]) ? theme(C_SELECTED) : theme(C_NORMAL);
		x += draw_text_fit(y, x, name, w - x, a);
		if (k + 1 < n)
			x += draw_text(y, x, ", ", w - x, theme(C_NORMAL));
	}
}

static void draw_suggestions(struct map_state *sv, int y, int w)
{
	size_t *idx = xcalloc(sv->n + 1, sizeof *idx), k = 0;
	for (size_t j = 0; j < sv->n; j++)
		if (quad_of(sv, sv->order[j]) == QUAD_UNPLACED)
			idx[k++] = sv->order[j];
	char label[48];
	snprintf(label, sizeof label, "Not placed (%zu): ", k);
	draw_names(sv, y, w, label, theme(C_HEADING), idx, k);
	/* The suggestion rules take people; records start with one. */
	struct person *people = xcalloc(sv->n + 1, sizeof *people);
	for (size_t i = 0; i < sv->n; i++)
		people[i] = sv->recs[i].p; /* shallow: the strings stay the records' */
	k = stakeholder_win_over(people, sv->n, idx);
	draw_names(sv, y + 1, w, "Win over: ", theme(C_WARNING), idx, k);
	k = stakeholder_champions(people, sv->n, idx);
	draw_names(sv, y + 2, w, "Champions: ", theme(C_OK), idx, k);
	free(people);
	free(idx);
}

static void draw_record(struct map_state *sv, int y, int rows, int w, bool wide)
{
	if (rows < 2)
		return;
	int wq = wide ? 13 : 0, ww = 5, wt = 12, wo = 5, wd = 7;
	int wn = w - wq - ww - wt - wo - wd - (wide ? 10 : 8);
	int x[6], cw[6] = {wn, wq, ww, wt, wo, wd};
	x[0] = 1;
	for (int c = 1; c < 6; c++)
		x[c] = x[c - 1] + cw[c - 1] + (cw[c - 1] ? 2 : 0);
	const char *heads[6] = {"Champions and heroes", "Quadrant", " Wins", "On time",
				" Open", "Overdue"};
	for (int c = 0; c < 6; c++)
		if (cw[c])
			draw_text(y, x[c], heads[c], cw[c], theme(C_HEADING));
	size_t *idx = xcalloc(sv->n + 1, sizeof *idx);
	size_t n = record_notable_order(sv->recs, sv->n, idx);
	if (n == 0)
		draw_text(y + 1, 1, "Nobody yet: champions have high support; heroes have wins.", w,
			  theme(C_MUTED));
	for (size_t r = 0; r < n && (int)r < rows - 1; r++) {
		const struct person_record *p = &sv->recs[idx[r]];
		if ((int)r == rows - 2 && r + 1 < n) {
			char more[80];
			snprintf(more, sizeof more, "+%zu more: cxmeet champions", n - r);
			draw_text(y + 1 + (int)r, 1, more, w, theme(C_MUTED));
			break;
		}
		char wins[24], ontime[40], open[24], overdue[24];
		int pct = record_on_time_pct(p);
		snprintf(wins, sizeof wins, "%5lld", (long long)p->wins);
		if (pct < 0)
			snprintf(ontime, sizeof ontime, "-");
		else
			snprintf(ontime, sizeof ontime, "%lld/%lld %d%%", (long long)p->done_on_time,
				 (long long)record_due(p), pct);
		snprintf(open, sizeof open, "%5lld", (long long)p->open);
		snprintf(overdue, sizeof overdue, "%7lld", (long long)p->overdue);
		const char *cells[6] = {p->p.name,
					quadrant_name(stakeholder_quadrant(p->p.influence,
									   p->p.support)),
					wins, ontime, open, overdue};
		for (int c = 0; c < 6; c++)
			if (cw[c])
				draw_text_fit(y + 1 + (int)r, x[c], cells[c], cw[c],
					      c == 5 && p->overdue ? theme(C_WARNING)
								   : theme(C_NORMAL));
	}
	free(idx);
}

static void map_draw(struct tui *t)
{
	struct map_state *sv = tui_state(t, &view_stakeholders);
	if (!sv->loaded)
		load(t);
	draw_hint(0, t->cols, " Stakeholder map: influence over decisions (up), support for CX (right)",
		  " Stakeholder map: influence (up), support (right)", theme(C_TITLE));
	int w = t->cols - 2, bw = w / 2;
	int qh = (t->rows - 16) / 2; /* four rows kept for the card */
	qh = qh < 3 ? 3 : qh > 8 ? 8 : qh;
	draw_text(1, 1 + (bw - 20) / 2, "<- low support", bw, theme(C_MUTED));
	draw_text(1, 1 + bw + (bw - 20) / 2, "high support ->", bw, theme(C_MUTED));
	for (int g = 0; g < 4; g++)
		draw_quadrant(sv, 2 + (g / 2) * qh, 1 + (g % 2) * bw, qh, bw, grid_order[g], g < 2);
	int y = 2 + 2 * qh;
	draw_suggestions(sv, y, w);
	/* the card of the person under the cursor, then the record with what
	 * rows are left (three at least, when there are) */
	int left = t->rows - 2 - (y + 3);
	int card = draw_card(t, sv, y + 3, left > 4 ? 4 : left, w);
	draw_record(sv, y + 3 + card, left - card, w, t->cols >= 80);
	/* Narrow: the toggles go to the second line, so that no hint is cut. */
	static const char *const keys = " Left/Right support  K/J influence  i/s toggle  u unplace  "
					"Enter choose";
	bool fits = text_cols(keys) <= t->cols;
	draw_line(t->rows - 2, 0, fits ? keys : " Left/Right support  K/J influence  Enter choose",
		  t->cols, theme(C_MUTED));
	draw_line(t->rows - 1, 0, fits ? " Up/Down person  ? help  q back"
				       : " Up/Down person  i/s toggle  u unplace  ? help  q back",
		  t->cols, theme(C_STATUS));
}

/* --- keys --------------------------------------------------------------- */

static void place(struct tui *t, enum stance influence, enum stance support)
{
	struct map_state *sv = tui_state(t, &view_stakeholders);
	if (!sv->n)
		return;
	const struct person *p = &sv->recs[sv->order[sv->sel]].p;
	store_id id = p->id;
	char *name = xstrdup(p->name);
	if (person_place(t->st, id, influence, support, clock_now()) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		free(name);
		return;
	}
	sv->want = id;
	load(t);
	enum quadrant q = stakeholder_quadrant(influence, support);
	if (q != QUAD_UNPLACED)
		tui_flash(t, false, "%s: %s (influence %s, support %s).", name, quadrant_name(q),
			  stance_word(influence), stance_word(support));
	else
		tui_flash(t, false, "%s: influence %s, support %s; not placed until both are set.",
			  name, stance_word(influence), stance_word(support));
	free(name);
}

/* Enter: the quadrants as a list, for those who do not know the keys. */
static void place_menu(struct tui *t)
{
	struct map_state *sv = tui_state(t, &view_stakeholders);
	if (!sv->n)
		return;
	static const enum quadrant order[] = {QUAD_WIN_OVER, QUAD_CHAMPIONS, QUAD_KEEP_INFORMED,
					      QUAD_MONITOR, QUAD_UNPLACED};
	struct pick_option o[ARRAY_SIZE(order)];
	for (size_t i = 0; i < ARRAY_SIZE(order); i++) {
		enum stance inf, sup;
		stakeholder_stances(order[i], &inf, &sup);
		o[i] = (struct pick_option){order[i], (char *)quadrant_name(order[i]),
					    order[i] == QUAD_UNPLACED ? xstrdup("not known yet")
					    : xasprintf("%s influence, %s support",
							stance_word(inf), stance_word(sup))};
	}
	char title[300];
	snprintf(title, sizeof title, "Place %s", sv->recs[sv->order[sv->sel]].p.name);
	int k = dialog_pick(t, title, o, ARRAY_SIZE(o), "", NULL);
	for (size_t i = 0; i < ARRAY_SIZE(order); i++)
		free(o[i].detail);
	if (k < 0)
		return;
	enum stance inf, sup;
	stakeholder_stances(order[k], &inf, &sup);
	place(t, inf, sup);
}

enum {
	SV_INFLUENCE = ACT_VIEW,
	SV_SUPPORT,
	SV_UNSET,
};

static const struct keymap_entry map_keys[] = {
	KM_HEADING("Stakeholder map"),
	{ACT_SELECT, "place", "Place the person: a list of where they can go", {{0, false}}},
	{ACT_STEP_PREV, "support-low", "Low support", {{0, false}}},
	{ACT_STEP_NEXT, "support-high", "High support", {{0, false}}},
	{ACT_MOVE_UP, "influence-high", "High influence", {KM_FN(KEY_SR)}},
	{ACT_MOVE_DOWN, "influence-low", "Low influence", {KM_FN(KEY_SF)}},
	{SV_INFLUENCE, "influence", "Switch influence: high, low", {KM_CH('i')}},
	{SV_SUPPORT, "support", "Switch support: high, low", {KM_CH('s')}},
	{SV_UNSET, "unset", "Take the person off the map", {KM_CH('u')}},
	{ACT_QUIT, "back", "Back to where the map was opened from", {{0, false}}},
};

static const struct keymap map_keymap = KEYMAP("the stakeholder map", map_keys);

static enum action map_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	struct map_state *sv = tui_state(t, &view_stakeholders);
	if (!sv->loaded)
		load(t);
	if (cursor_move(&sv->sel, a, sv->n, 5))
		return ACT_NONE;
	const struct person *p = sv->n ? &sv->recs[sv->order[sv->sel]].p : NULL;
	enum stance inf = p ? p->influence : STANCE_UNSET, sup = p ? p->support : STANCE_UNSET;
	int own = keymap_find(&map_keymap, ch, is_key);
	if (a == ACT_STEP_PREV)
		place(t, inf, STANCE_LOW);
	else if (a == ACT_STEP_NEXT)
		place(t, inf, STANCE_HIGH);
	else if (a == ACT_MOVE_UP || own == ACT_MOVE_UP)
		place(t, STANCE_HIGH, sup);
	else if (a == ACT_MOVE_DOWN || own == ACT_MOVE_DOWN)
		place(t, STANCE_LOW, sup);
	else if (own == SV_INFLUENCE)
		place(t, stance_toggle(inf), sup);
	else if (own == SV_SUPPORT)
		place(t, inf, stance_toggle(sup));
	else if (own == SV_UNSET)
		place(t, STANCE_UNSET, STANCE_UNSET);
	else if (a == ACT_SELECT)
		place_menu(t);
	else if (a == ACT_QUIT)
		tui_back(t);
	else if (a == ACT_HELP || a == ACT_REDRAW)
		return a;
	return ACT_NONE;
}

static void map_close(struct tui *t)
{
	struct map_state *sv = tui_state(t, &view_stakeholders);
	unload(sv);
}

void stakeholder_view_open(struct tui *t, store_id select)
{
	struct map_state *sv = tui_state(t, &view_stakeholders);
	sv->want = select;
	sv->sel = 0;
	tui_open_view(t, &view_stakeholders);
}

const struct view_ops view_stakeholders = {
	.name = "stakeholders",
	.keymap = &map_keymap,
	.private_size = sizeof(struct map_state),
	.draw = map_draw,
	.key = map_key,
	.close = map_close,
};
