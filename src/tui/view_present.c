/* view_present.c - the presenter view (`cxmeet present`): the live meeting
 * for the shared screen or the projector, in a terminal of its own. The
 * current step's title and prompt, the time left in it and when the meeting
 * would end, then the step's content, large and spaced: the CX mission on the
 * mission step, the scorecard on the insights step, the new actions with
 * owner and due date on the wrap-up, else what was captured in the step.
 *
 * It follows the meeting the facilitator's screen holds as a follower does
 * (view_meeting.c): every 200 ms one cheap read of the database's version,
 * and the meeting read again when anything was committed. It writes nothing:
 * no hold, no take-over, no draft, no time; it has no key that changes
 * anything. With no meeting in progress it says so and waits for one; a
 * meeting that ends leaves its summary on screen until the next starts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "draw.h"
#include "screen.h"
#include "views.h"
#include "keymap.h"
#include "cxmeet/meeting.h"
#include "cxmeet/scorecard.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* How often the holder is looked at when nothing was committed: a holder
 * that died writes nothing, and its meeting's clock then stands. */
#define PRESENT_HOLD_CHECK_SECS 2
/* A message on the status line goes after this long: nobody at a projector
 * presses a key to clear it. */
#define PRESENT_FLASH_SECS 4

enum present_state {
	PRESENT_WAITING, /* no meeting in progress, none ended while shown */
	PRESENT_LIVE,    /* a meeting in progress, followed */
	PRESENT_ENDED,   /* the meeting shown has ended: its summary */
};

struct present_view {
	enum present_state state;
	struct meeting_run run; /* the meeting shown (live or just ended) */
	struct org org;
	bool have_org;
	bool held;              /* a living screen holds it: its clock runs */
	struct item *items;     /* the step's items, or the new actions */
	size_t n_items;
	int counts[ITEM_KIND_COUNT]; /* an ended meeting's items, by kind */
	struct rating_spread spread; /* an ended meeting's members' ratings */
	struct measure *measures;    /* the insights step's scorecard */
	size_t n_measures;
	int64_t data_version;
	time_t refreshed; /* the last read */
	bool read_failed; /* the last read failed: said on the status line */
	double flash_at;  /* when the message on the status line was given */
};

static const struct keymap present_keymap;

static struct present_view *pv(struct tui *t) { return tui_state(t, &view_present); }

static void content_free(struct present_view *p)
{
	item_list_free(p->items, p->n_items);
	p->items = NULL;
	p->n_items = 0;
	measure_list_free(p->measures, p->n_measures);
	p->measures = NULL;
	p->n_measures = 0;
	memset(p->counts, 0, sizeof p->counts);
	p->spread = (struct rating_spread){0};
}

/* The new actions of the meeting shown (not those carried into it), and the
 * count of its items by kind. */
static enum store_rc load_actions(struct tui *t, struct present_view *p)
{
	return meeting_items_of_kind(t->st, p->run.m.id, ITEM_ACTION, &p->items, &p->n_items,
				     p->counts);
}

/* An ended meeting's summary: its new actions, its items by kind, and its
 * members' ratings (as the minutes give them). */
static enum store_rc load_summary(struct tui *t, struct present_view *p)
{
	struct member_rating *r;
	size_t n;
	enum store_rc rc = store_ratings(t->st, p->run.m.id, &r, &n);
	if (rc != STORE_OK)
		return rc;
	rating_spread_of(r, n, &p->spread);
	member_ratings_free(r, n);
	return load_actions(t, p);
}

/* What the current step shows, read again. */
static enum store_rc load_content(struct tui *t, struct present_view *p)
{
	content_free(p);
	if (p->state == PRESENT_ENDED)
		return load_summary(t, p);
	const struct meeting_step *s = meeting_current(&p->run);
	if (s->kind == STEP_WRAP_UP)
		return load_actions(t, p);
	enum store_rc rc = STORE_OK;
	if (s->kind == STEP_INSIGHTS)
		rc = scorecard_measures(t->st, &p->measures, &p->n_measures);
	if (rc == STORE_OK)
		rc = store_meeting_items(t->st, p->run.m.id, s->id, &p->items, &p->n_items);
	return rc;
}

/* Whether a living screen holds the meeting: its clock runs only then. */
static bool meeting_held(struct tui *t, store_id id, time_t now)
{
	struct meeting_hold h;
	if (store_hold_get(t->st, id, &h) != STORE_OK)
		return false;
	bool alive = !meeting_hold_gone(&h, now);
	meeting_hold_free(&h);
	return alive;
}

static void org_reset(struct present_view *p)
{
	if (p->have_org)
		org_free(&p->org);
	p->have_org = false;
}

/* Reads the database again: the meeting in progress (a new one, the same at
 * another step, or none any more), who holds it, and what its step shows. */
static void present_refresh(struct tui *t)
{
	struct present_view *p = pv(t);
	time_t now = clock_now();
	/* the version first: a commit during the reads is seen at the next tick */
	p->data_version = store_data_version(t->st);
	p->refreshed = now;
	/* the mission may have been edited: read again each time */
	org_reset(p);
	p->have_org = store_org_get(t->st, &p->org) == STORE_OK;
	store_id mid;
	enum store_rc rc = store_meeting_in_progress(t->st, &mid);
	if (rc == STORE_NOTFOUND) {
		/* read: none in progress (a failure before is over) */
		p->read_failed = false;
		if (p->state == PRESENT_LIVE) {
			/* ended (or abandoned) on the facilitator's screen: its summary */
			struct meeting m;
			if (store_meeting_get(t->st, p->run.m.id, &m) == STORE_OK)
				p->run.m = m;
			p->state = PRESENT_ENDED;
			p->held = false;
			p->read_failed = load_content(t, p) != STORE_OK;
		}
		return;
	}
	if (rc != STORE_OK) {
		p->read_failed = true;
		return;
	}
	if (p->state != PRESENT_LIVE || p->run.m.id != mid) {
		content_free(p);
		meeting_run_free(&p->run);
		p->run.st = t->st;
		p->run.m.id = mid;
		p->state = PRESENT_LIVE;
	}
	bool held = meeting_held(t, mid, now);
	/* A meeting nobody holds stands still: its time is what was written.
	 * One held runs on from what this screen showed. */
	rc = held && p->held ? meeting_reload_shown(&p->run, now) : meeting_reload(&p->run, now);
	p->held = held;
	if (rc != STORE_OK) {
		if (!p->run.n_steps) { /* never read: nothing to show of it */
			meeting_run_free(&p->run);
			p->state = PRESENT_WAITING;
		}
		p->read_failed = true;
		return;
	}
	p->read_failed = load_content(t, p) != STORE_OK;
}

void present_view_open(struct tui *t)
{
	struct present_view *p = pv(t);
	memset(p, 0, sizeof *p);
	tui_open_view(t, &view_present);
	present_refresh(t);
}

/* Seconds on a clock that only goes forward (whatever CXMEET_NOW says). */
static double seconds_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void present_tick(struct tui *t)
{
	struct present_view *p = pv(t);
	time_t now = clock_now();
	if (t->flash[0] && seconds_now() - p->flash_at >= PRESENT_FLASH_SECS)
		t->flash[0] = '\0';
	bool hold_due = p->state == PRESENT_LIVE && now - p->refreshed >= PRESENT_HOLD_CHECK_SECS;
	if (store_data_version(t->st) != p->data_version || hold_due || p->read_failed)
		present_refresh(t);
}

/* --- drawing --------------------------------------------------------------- */

/* The margin left and right: wider on a wide screen, so that a projector's
 * lines are not too long to read. */
static int margin(const struct tui *t)
{
	return t->cols >= 160 ? t->cols / 8 : t->cols >= 100 ? 4 : 2;
}

static void draw_title(struct tui *t)
{
	struct present_view *p = pv(t);
	const char *org = p->have_org && *p->org.text[ORG_NAME] ? p->org.text[ORG_NAME] : "cxmeet";
	char date[16] = "";
	if (p->state != PRESENT_WAITING)
		date_format(date_from_time(p->run.m.started_at), date, sizeof date);
	char *title = NULL;
	for (int drop = 0; drop < 3; drop++) {
		free(title);
		title = xasprintf(" %s%sCX council%s%s%s", drop < 2 ? org : "", drop < 2 ? "  " : "",
				  drop < 1 ? t->council : "", *date ? "  " : "", date);
		if (text_cols(title) + 16 <= t->cols)
			break;
	}
	draw_line(0, 0, title, t->cols, theme(C_TITLE));
	free(title);
	static const char tag[] = "Presenter view ";
	if (t->cols - text_cols(tag) > 20)
		draw_text(0, t->cols - text_cols(tag), tag, text_cols(tag), theme(C_TITLE));
}

static void draw_status(struct tui *t)
{
	struct present_view *p = pv(t);
	const char *state = p->read_failed ? " Cannot read the database: trying again"
			    : p->state != PRESENT_LIVE ? " Read-only: waiting for a meeting"
			    : p->held ? " Read-only: follows the facilitator's screen"
				      : " Read-only: nobody runs the meeting now, its clock stands";
	char full[200], brief[120];
	snprintf(full, sizeof full, "%s   ?:help  q:quit", state);
	snprintf(brief, sizeof brief, " Read-only   ?:help  q:quit");
	draw_hint(t->rows - 1, t->cols, full, brief,
		  p->read_failed ? theme(C_WARNING) : theme(C_STATUS));
}

/* "Decision · Sales · Zoë Ångström · due 2026-12-04" (caller frees); for an
 * action, its owner first. */
static char *item_line_meta(const struct item *it, bool kind)
{
	return item_meta_text(it, (kind ? ITEM_META_KIND : 0) | ITEM_META_OWNER);
}

/* The rows an item takes: its text (at most 3 rows), its details line. */
static int item_rows(const struct item *it, int w, int text_max)
{
	return text_wrap_rows(it->text, w, text_max) + 1;
}

/* Items under a heading in h rows from y: the latest that fit (what was just
 * captured is what the room looks at), a blank row between them when there is
 * room for it, "… n earlier" above them when not all fit. Returns the rows
 * used. */
static int draw_items(int y, int x, int w, int h, const char *heading, const struct item *items,
		      size_t n, bool kind, const char *empty)
{
	if (h <= 0)
		return 0;
	draw_line(y, x, heading, w, theme(C_HEADING) | A_BOLD);
	int row = 1;
	if (h >= 6)
		row++;
	if (n == 0) {
		if (row < h)
			row += draw_wrapped_fit(y + row, x + 2, empty, w - 2, h - row, theme(C_MUTED));
		return row;
	}
	int left = h - row, tw = w - 2, text_max = 3;
	/* spacing when all fit with it, else none */
	int need = 0;
	for (size_t i = 0; i < n; i++)
		need += item_rows(&items[i], tw, text_max) + (i ? 1 : 0);
	int gap = need <= left ? 1 : 0;
	if (!gap) { /* without the spacing: long texts keep 3 rows if all still fit */
		need -= (int)n - 1;
		if (need > left)
			text_max = 2;
	}
	size_t first = n;
	int used = 0;
	while (first > 0) {
		int r = item_rows(&items[first - 1], tw, text_max) + (first < n ? gap : 0);
		/* a row is kept for "… n earlier" when some are left out */
		int reserve = first - 1 > 0 ? 1 : 0;
		if (used + r + reserve > left)
			break;
		used += r;
		first--;
	}
	if (first == n) /* not even the last fits whole: its first rows */
		first = n - 1;
	if (first > 0) {
		char more[80];
		snprintf(more, sizeof more, "… %zu earlier", first);
		draw_line(y + row++, x + 2, more, tw, theme(C_MUTED));
	}
	for (size_t i = first; i < n && row < h; i++) {
		const struct item *it = &items[i];
		if (i > first)
			row += gap;
		if (row >= h)
			break;
		int room = h - row - 1;
		int tr = room < 1 ? 1 : room < text_max ? room : text_max;
		draw_text(y + row, x, "•", 1, theme(C_ACCENT));
		row += draw_wrapped_fit(y + row, x + 2, it->text, tw, tr, theme(C_NORMAL) | A_BOLD);
		if (row < h) {
			char *meta = item_line_meta(it, kind);
			if (*meta)
				draw_text_fit(y + row, x + 2, meta, tw, theme(C_MUTED));
			row++;
			free(meta);
		}
	}
	return row;
}

/* The scorecard in at most h rows: each measure's name, last value, target
 * and whether it is on track, in words and colour. Returns the rows used. */
static int draw_scorecard(struct present_view *p, int y, int x, int w, int h)
{
	if (h <= 0)
		return 0;
	char head[80];
	snprintf(head, sizeof head, "Scorecard (%zu %s)", p->n_measures,
		 text_plural((long long)p->n_measures, "measure", "measures"));
	draw_line(y, x, head, w, theme(C_HEADING) | A_BOLD);
	int row = h >= 8 ? 2 : 1;
	if (p->n_measures == 0) {
		if (row < h)
			row += draw_wrapped_fit(y + row, x + 2, "No measure yet.", w - 2, h - row,
						theme(C_MUTED));
		return row;
	}
	int value_w = 1, target_w = 0, name_w = 4;
	for (size_t i = 0; i < p->n_measures; i++) {
		const struct measure *m = &p->measures[i];
		char v[64] = "-", tg[80] = "";
		if (m->has_value)
			measure_value_unit(m, m->value, v, sizeof v);
		if (m->has_target) {
			char tv[64];
			measure_value_unit(m, m->target, tv, sizeof tv);
			snprintf(tg, sizeof tg, "target %s %s", m->lower_is_better ? "≤" : "≥", tv);
		}
		value_w = text_cols(v) > value_w ? text_cols(v) : value_w;
		target_w = text_cols(tg) > target_w ? text_cols(tg) : target_w;
		name_w = text_cols(m->name) > name_w ? text_cols(m->name) : name_w;
	}
	const int track_w = 12; /* "no value yet" */
	int avail = w - 2 - value_w - 2 - track_w - 2;
	if (avail - target_w - 2 < 12)
		target_w = 0; /* the target goes first, the name keeps its room */
	else
		avail -= target_w + 2;
	if (name_w > avail)
		name_w = avail > 4 ? avail : 4;
	bool spaced = (int)p->n_measures * 2 <= h - row;
	for (size_t i = 0; i < p->n_measures && row < h; i++) {
		if ((size_t)(h - row) == 1 && i + 1 < p->n_measures) {
			char more[80];
			snprintf(more, sizeof more, "… %zu more", p->n_measures - i);
			draw_line(y + row++, x + 2, more, w - 2, theme(C_MUTED));
			break;
		}
		const struct measure *m = &p->measures[i];
		char v[64] = "-", tg[80] = "";
		if (m->has_value)
			measure_value_unit(m, m->value, v, sizeof v);
		if (m->has_target) {
			char tv[64];
			measure_value_unit(m, m->target, tv, sizeof tv);
			snprintf(tg, sizeof tg, "target %s %s", m->lower_is_better ? "≤" : "≥", tv);
		}
		int col = x + 2;
		draw_text_fit(y + row, col, m->name, name_w, theme(C_NORMAL) | A_BOLD);
		col += name_w + 2;
		draw_text(y + row, col + value_w - text_cols(v), v, value_w, theme(C_NORMAL) | A_BOLD);
		col += value_w + 2;
		if (target_w) {
			draw_text(y + row, col, tg, target_w, theme(C_MUTED));
			col += target_w + 2;
		}
		int track = m->has_value ? measure_on_track(m, m->value) : -1;
		const char *word = m->has_value ? measure_track_word(track) : "no value yet";
		attr_t ta = track == 1 ? theme(C_OK) : track == 0 ? theme(C_WARNING) : theme(C_MUTED);
		if (x + w - col > 0)
			draw_text(y + row, col, word, x + w - col, ta | A_BOLD);
		row += spaced ? 2 : 1;
	}
	return row;
}

/* The mission step: the CX mission and the success statement, large. */
static int draw_mission(struct present_view *p, int y, int x, int w, int h)
{
	static const enum org_text shown[] = {ORG_MISSION, ORG_SUCCESS};
	int row = 0;
	for (size_t i = 0; i < ARRAY_SIZE(shown) && row < h; i++) {
		const char *text = p->have_org ? p->org.text[shown[i]] : "";
		draw_line(y + row++, x, org_text_label(shown[i]), w, theme(C_HEADING) | A_BOLD);
		if (h - row > 4)
			row++;
		if (row >= h)
			break;
		int most = i == 0 ? (h - row) * 2 / 3 : h - row;
		if (most < 1)
			most = 1;
		if (*text)
			row += draw_wrapped_fit(y + row, x + 2, text, w - 2, most,
						theme(C_ACCENT) | A_BOLD);
		else
			row += draw_wrapped_fit(y + row, x + 2, "Not written yet.", w - 2, most,
						theme(C_MUTED));
		row += h - row > 4 ? 2 : 1;
	}
	return row;
}

/* The glyphs of the large readout: three rows of three columns a digit,
 * in half blocks; one column for the colon. */
static const char *const big_digit[10][3] = {
	{"█▀█", "█ █", "▀▀▀"}, {" ▀█", "  █", "  ▀"}, {"▀▀█", "█▀▀", "▀▀▀"},
	{"▀▀█", " ▀█", "▀▀▀"}, {"█ █", "▀▀█", "  ▀"}, {"█▀▀", "▀▀█", "▀▀▀"},
	{"█▀▀", "█▀█", "▀▀▀"}, {"▀▀█", "  █", "  ▀"}, {"█▀█", "█▀█", "▀▀▀"},
	{"█▀█", "▀▀█", "▀▀▀"},
};
static const char *const big_colon[3] = {"▄", "▄", " "};

/* Draws "4:12" in the large glyphs at (y, x); returns the columns used. */
static int draw_big(int y, int x, const char *span, attr_t a)
{
	int col = x;
	for (const char *c = span; *c; c++) {
		for (int r = 0; r < 3; r++)
			draw_text(y + r, col, *c == ':' ? big_colon[r] : big_digit[*c - '0'][r],
				  *c == ':' ? 1 : 3, a);
		col += *c == ':' ? 2 : 4;
	}
	return col - x;
}

/* What the step's time means, as the facilitator's status line says it:
 * time left, the last minute (in words too, not colour alone), or over. */
static const char *time_words(enum step_timing tm)
{
	switch (tm) {
	case TIMING_OVER: return "over the time planned for this step";
	case TIMING_LAST_MINUTE: return "left in this step: the last minute";
	default: return "left in this step";
	}
}

/* "4:12 left in this step · meeting ends 11:05 (planned 11:10, 5 min
 * early)", on two rows when it does not fit on one; in large digits when
 * big. In the step's last minute in the warning colour, over it in the
 * error colour, as on the facilitator's status line. Returns the rows
 * used. */
static int draw_time(struct present_view *p, int y, int x, int w, bool big)
{
	/* Nobody runs the meeting: its clock stands at the time written. */
	time_t now = p->held ? clock_now() : p->run.step_started;
	int cur = p->run.m.current_step;
	int left = meeting_step_left(&p->run, cur, now);
	enum step_timing tm = meeting_step_timing(&p->run, cur, now);
	char span[24], end[16], planned[24], late[32], plan[96], line[320];
	duration_clock_text(left, span, sizeof span);
	clock_format_local(meeting_projected_end(&p->run, now), "%H:%M", "?", end, sizeof end);
	/* a meeting resumed on a later day: the planned end dated, no minutes
	 * early or late (core's rule, the facilitator's screen says the same) */
	meeting_planned_end_text(&p->run, now, planned, sizeof planned);
	meeting_end_against_plan(&p->run, now, late, sizeof late);
	snprintf(plan, sizeof plan, "planned %s%s%s", planned, *late ? ", " : "", late);
	const char *paused = p->held ? "" : " (paused)";
	attr_t a = (tm == TIMING_OVER ? theme(C_ERROR) : tm == TIMING_LAST_MINUTE ? theme(C_WARNING)
									  : theme(C_OK)) |
		   A_BOLD;
	if (big && text_locale_utf8()) {
		/* the time in large glyphs, what it means beside it */
		int used = draw_big(y, x, span, a) + 2;
		snprintf(line, sizeof line, "%s%s", time_words(tm), paused);
		draw_text_fit(y, x + used, line, w - used, a);
		snprintf(line, sizeof line, "meeting ends %s (%s)", end, plan);
		draw_text_fit(y + 1, x + used, line, w - used, theme(C_MUTED));
		return 3;
	}
	char step[160];
	if (tm == TIMING_LAST_MINUTE && left == STEP_WARN_SECS)
		snprintf(step, sizeof step, "1 minute left in this step%s", paused);
	else
		snprintf(step, sizeof step, "%s %s%s", span, time_words(tm), paused);
	snprintf(line, sizeof line, "%s · meeting ends %s (%s)", step, end, plan);
	if (text_cols(line) <= w) {
		draw_line(y, x, line, w, a);
		return 1;
	}
	/* narrow: the time left first, the end on a line of its own */
	draw_text_fit(y, x, step, w, a);
	snprintf(line, sizeof line, "Meeting ends %s (%s)", end, plan);
	draw_text_fit(y + 1, x, line, w, theme(C_MUTED));
	return 2;
}

static void draw_live(struct tui *t, struct present_view *p, int x, int w)
{
	const struct meeting_run *r = &p->run;
	const struct meeting_step *s = meeting_current(r);
	int bottom = t->rows - 1; /* the status line */
	bool roomy = t->rows >= 30;
	int y = roomy ? 2 : 1;
	char *step = xasprintf("Step %d/%zu: %s", r->m.current_step + 1, r->n_steps, s->title);
	draw_text_fit(y++, x, step, w, theme(C_HEADING) | A_BOLD);
	free(step);
	if (s->prompt && *s->prompt)
		y += draw_wrapped_fit(y, x, s->prompt, w, roomy ? 3 : 2, theme(C_MUTED));
	y++;
	y += draw_time(p, y, x, w, roomy && w >= 60) + 1 + (roomy ? 1 : 0);
	int h = bottom - 1 - y;
	if (h <= 0)
		return;
	char head[80];
	switch (s->kind) {
	case STEP_MISSION: {
		int used = draw_mission(p, y, x, w, h);
		if (p->n_items && h - used > 3)
			draw_items(y + used, x, w, h - used, "Captured in this step", p->items,
				   p->n_items, true, "");
		break;
	}
	case STEP_INSIGHTS: {
		/* the scorecard keeps at most half the rows when items follow */
		int most = p->n_items ? h / 2 : h;
		int used = draw_scorecard(p, y, x, w, most);
		snprintf(head, sizeof head, "Captured in this step (%zu)", p->n_items);
		if (h - used > 2)
			draw_items(y + used + 1, x, w, h - used - 1, head, p->items, p->n_items, true,
				   "Nothing captured yet.");
		break;
	}
	case STEP_WRAP_UP:
		snprintf(head, sizeof head, "New actions of this meeting (%zu)", p->n_items);
		draw_items(y, x, w, h, head, p->items, p->n_items, false,
			   "No new action in this meeting.");
		break;
	default:
		snprintf(head, sizeof head, "Captured in this step (%zu)", p->n_items);
		draw_items(y, x, w, h, head, p->items, p->n_items, true, "Nothing captured yet.");
		break;
	}
}

static void draw_waiting(struct tui *t, int x, int w)
{
	int y = t->rows >= 30 ? t->rows / 3 : 3;
	y += draw_wrapped(y, x, "No meeting in progress: the presenter view shows it as soon as "
				"one starts.", w, 3, theme(C_HEADING) | A_BOLD);
	draw_wrapped(y + 1, x, "It follows the facilitator's screen on this database, and "
			       "changes nothing in it.", w, 2, theme(C_MUTED));
}

static void draw_ended(struct tui *t, struct present_view *p, int x, int w)
{
	int y = t->rows >= 30 ? 2 : 1;
	int bottom = t->rows - 1;
	char hm[16], line[400];
	clock_format_local(p->run.m.ended_at ? p->run.m.ended_at : clock_now(), "%H:%M", "?", hm,
			   sizeof hm);
	snprintf(line, sizeof line, "The meeting %s at %s.",
		 p->run.m.status == MEETING_ABANDONED ? "was abandoned" : "ended", hm);
	draw_text_fit(y++, x, line, w, theme(C_HEADING) | A_BOLD);
	y += draw_wrapped_fit(y, x, "The presenter view shows the next meeting as soon as it starts.",
			      w, 2, theme(C_MUTED));
	y++;
	size_t len = (size_t)snprintf(line, sizeof line, "Captured:");
	bool any = false;
	for (int k = 0; k < ITEM_KIND_COUNT && len < sizeof line; k++)
		if (p->counts[k]) {
			len += (size_t)snprintf(line + len, sizeof line - len, "%s %d %s",
						any ? "," : "", p->counts[k],
						item_kind_plural((enum item_kind)k, p->counts[k]));
			any = true;
		}
	if (!any)
		snprintf(line, sizeof line, "Nothing was captured.");
	y += draw_wrapped_fit(y, x, line, w, 2, theme(C_NORMAL));
	/* the rating as the minutes give it: the members' average and spread */
	char rating[64];
	meeting_rating_text(&p->spread, p->run.m.rating, rating, sizeof rating);
	if (*rating) {
		snprintf(line, sizeof line, "Rating: %s.", rating);
		draw_text_fit(y++, x, line, w, theme(C_NORMAL));
	}
	y++;
	char head[80];
	snprintf(head, sizeof head, "New actions (%zu)", p->n_items);
	draw_items(y, x, w, bottom - 1 - y, head, p->items, p->n_items, false,
		   "No new action in this meeting.");
}

static void present_draw(struct tui *t)
{
	struct present_view *p = pv(t);
	int x = margin(t), w = t->cols - 2 * x;
	draw_title(t);
	switch (p->state) {
	case PRESENT_WAITING: draw_waiting(t, x, w); break;
	case PRESENT_LIVE: draw_live(t, p, x, w); break;
	case PRESENT_ENDED: draw_ended(t, p, x, w); break;
	}
	draw_status(t);
}

/* --- keys ------------------------------------------------------------------- */

/* Help, redraw and quit; every other key only says that nothing is changed
 * from here. */
static enum action present_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	if (keymap_find(&present_keymap, ch, is_key) == ACT_QUIT)
		return ACT_QUIT;
	switch (a) {
	case ACT_HELP:
	case ACT_REDRAW:
	case ACT_QUIT:
		return a;
	default:
		tui_flash(t, false, "Read-only: the presenter view only shows the meeting; it is "
				    "run on the facilitator's screen. q quits.");
		pv(t)->flash_at = seconds_now();
		return ACT_NONE;
	}
}

static void present_close(struct tui *t)
{
	struct present_view *p = pv(t);
	content_free(p);
	meeting_run_free(&p->run);
	org_reset(p);
}

static const struct keymap_entry present_keys[] = {
	KM_HEADING("The presenter view (read-only)"),
	{ACT_QUIT, "quit", "Quit the presenter view (the meeting goes on)",
	 {KM_CH(ESC)}},
	{ACT_REDRAW, "redraw", "Redraw the screen (it follows the meeting by itself)",
	 {{0, false}}},
};

/* Nothing moves here: the help lists only the keys that work. */
static const struct keymap present_keymap = KEYMAP_NO_MOVING("the presenter view", present_keys);

const struct view_ops view_present = {
	.name = "present",
	.keymap = &present_keymap,
	.private_size = sizeof(struct present_view),
	.draw = present_draw,
	.key = present_key,
	.close = present_close,
	.tick = present_tick,
	.tick_ms = 200, /* the facilitator's screen is followed within a second */
};
