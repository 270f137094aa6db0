/* pane_wrapup.c - wrap-up: messages to other teams (who else needs to know),
 * the next meeting date (from the cadence, editable), the meeting's rating
 * (one, or each member's: r, then their average and spread), what was
 * captured, and ending the meeting with its minutes written. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meeting_view.h"
#include "draw.h"
#include "dialog.h"
#include "cxmeet/fileio.h"
#include "cxmeet/meeting.h"
#include "cxmeet/minutes.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

static int counts[ITEM_KIND_COUNT];
static struct rating_spread spread; /* the members' ratings (n 0: none) */

static void load_spread(struct tui *t)
{
	struct member_rating *r;
	size_t n;
	spread = (struct rating_spread){0};
	if (store_ratings(t->st, t->mv->run.m.id, &r, &n) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	rating_spread_of(r, n, &spread);
	member_ratings_free(r, n);
	/* the meeting's rating as stored: the members' average follows the roll
	 * call, and the end writes back what is held here */
	struct meeting m;
	if (store_meeting_get(t->st, t->mv->run.m.id, &m) == STORE_OK)
		t->mv->rating = m.rating;
}

static void load(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	load_spread(t);
	if (meeting_items_of_kind(t->st, mv->run.m.id, ITEM_MESSAGE, &mv->items, &mv->n_items,
				  counts) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	mv->total = mv->n_items;
	mv->offset = 0;
}

static void draw(struct tui *t, int y, int x, int h, int w)
{
	struct meeting_view *mv = t->mv;
	char line[300], date[16], rating[64];
	meeting_rating_text(&spread, mv->rating, rating, sizeof rating);
	if (!*rating)
		snprintf(rating, sizeof rating, "not given");
	snprintf(line, sizeof line,
		 "Next meeting: %s · Rating: %s · Enter: set · r: members rate · E: end",
		 fmt_date(mv->next_date, date, sizeof date), rating);
	int hr = draw_wrapped(y, x, line, w, 2, theme(C_HEADING));
	y += hr - 1;
	h -= hr - 1;
	/* "Captured: 1 decision, 2 actions, ..." (talking points, recorded
	 * between meetings for the next one, only when there are some) */
	size_t len = (size_t)snprintf(line, sizeof line, "Captured:");
	for (int k = 0; k < ITEM_KIND_COUNT && len < sizeof line; k++)
		if (counts[k] || k != ITEM_TOPIC)
			len += (size_t)snprintf(line + len, sizeof line - len, "%s %d %s",
						k ? "," : "", counts[k],
						item_kind_plural((enum item_kind)k, counts[k]));
	int used = draw_wrapped(y + 1, x, line, w, 2, theme(C_NORMAL));
	int ly = y + 2 + used;
	snprintf(line, sizeof line, "Who else needs to know? Messages (%zu), m adds one",
		 mv->n_items);
	ly += draw_wrapped(ly, x, line, w, 2, theme(C_HEADING)) - 1;
	if (mv->n_items)
		items_draw(ly + 1, x, y + h - ly - 1, w, mv->items, mv->n_items, 0, mv->sel, &mv->top);
}

static const char *check_rating(const char *text, void *ctx, char *buf, size_t len)
{
	(void)ctx;
	return meeting_rating_parse(text, buf, len) ? NULL : buf;
}

/* Empty skips the member. */
static const char *check_member_rating(const char *text, void *ctx, char *buf, size_t len)
{
	return *text ? check_rating(text, ctx, buf, len) : NULL;
}

static const char *check_next(const char *text, void *ctx, char *buf, size_t len)
{
	cx_date d;
	return date_parse_due(text, ctx, &d, buf, len) == 0 ? NULL : buf;
}

/* Saved as soon as given: a crash before the end keeps them. */
static void save_outcome(struct tui *t, int rating, cx_date next)
{
	struct meeting_view *mv = t->mv;
	if (store_meeting_set_outcome(t->st, mv->run.m.id, rating, next) != STORE_OK) {
		tui_flash(t, true, "Not saved: %s", store_errmsg(t->st));
		return;
	}
	mv->rating = rating;
	mv->next_date = next;
	tui_flash(t, false, "Saved.");
}

static void set_next(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	struct date_context dc = {clock_today(), mv->next_date};
	char cur[16], err[200];
	char *text = dialog_input(t, "Next meeting date", fmt_date(mv->next_date, cur, sizeof cur),
				  check_next, &dc);
	cx_date next;
	if (text && date_parse_due(text, &dc, &next, err, sizeof err) == 0)
		save_outcome(t, mv->rating, next);
	free(text);
}

/* Each member present rates the meeting, one after another: a number and
 * Enter (what they gave before is offered; empty skips one; Esc stops).
 * Each is saved as given; the meeting's rating becomes their average. */
static void rate_members(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	struct person *people;
	struct member_rating *r;
	store_id *present;
	size_t n_people, n_r, n_present;
	if (store_person_list(t->st, true, 0, &people, &n_people) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	if (store_attendance_list(t->st, mv->run.m.id, &present, &n_present) != STORE_OK) {
		person_list_free(people, n_people);
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	if (store_ratings(t->st, mv->run.m.id, &r, &n_r) != STORE_OK) {
		r = NULL;
		n_r = 0;
	}
	int saved = 0, asked = 0;
	bool failed = false;
	for (size_t i = 0; i < n_people && !failed; i++) {
		bool here = false;
		for (size_t k = 0; k < n_present && !here; k++)
			here = present[k] == people[i].id;
		if (!here)
			continue;
		asked++;
		char cur[8] = "";
		for (size_t k = 0; k < n_r; k++)
			if (r[k].person_id == people[i].id)
				snprintf(cur, sizeof cur, "%d", r[k].rating);
		char *title = xasprintf("%s rates the meeting from 1 to 10 (empty: skip)",
					people[i].name);
		char *text = dialog_input(t, title, cur, check_member_rating, NULL);
		free(title);
		if (!text)
			break;
		char err[300];
		int v = *text ? meeting_rating_parse(text, err, sizeof err) : 0;
		free(text);
		if (!v)
			continue;
		if (meeting_rate_member(t->st, mv->run.m.id, people[i].id, v, clock_now(), err,
					sizeof err) != STORE_OK) {
			tui_flash(t, true, "%s", err);
			failed = true;
		} else {
			saved++;
		}
	}
	member_ratings_free(r, n_r);
	free(present);
	person_list_free(people, n_people);
	struct meeting m;
	if (store_meeting_get(t->st, mv->run.m.id, &m) == STORE_OK)
		mv->rating = m.rating;
	load_spread(t);
	if (failed)
		return;
	if (!asked) {
		tui_flash(t, false, "Nobody is marked present: the roll call says who rates.");
		return;
	}
	char text[64];
	rating_spread_text(&spread, text, sizeof text);
	tui_flash(t, false, "%d rating%s saved. Rating: %s", saved, saved == 1 ? "" : "s",
		  spread.n ? text : "not given");
}

static void set_rating(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	if (spread.n) {
		tui_flash(t, false, "The members rated it: its rating is their average (r to "
				    "change theirs).");
		return;
	}
	char cur[8] = "";
	if (mv->rating)
		snprintf(cur, sizeof cur, "%d", mv->rating);
	char *text = dialog_input(t, "Rate this meeting from 1 to 10", cur, check_rating, NULL);
	if (text)
		save_outcome(t, atoi(text), mv->next_date);
	free(text);
}

static const char *check_path(const char *text, void *ctx, char *buf, size_t len)
{
	(void)ctx;
	if (!*text)
		return NULL; /* empty: no minutes */
	char *clean = text_clean(text, TEXT_SHORT, "file name", buf, len);
	if (!clean)
		return buf;
	free(clean);
	return NULL;
}

/* Offers to write the minutes; the meeting is already saved as completed. */
static void write_minutes(struct tui *t, store_id meeting)
{
	struct meeting m;
	if (store_meeting_get(t->st, meeting, &m) != STORE_OK)
		return;
	char *name = minutes_default_filename(&m);
	for (;;) {
		char *path = dialog_input(t, "Write the minutes to (empty: do not write)", name,
					  check_path, NULL);
		if (!path || !*path) {
			free(path);
			tui_flash(t, false, "Meeting ended. Minutes: cxmeet show %lld", (long long)meeting);
			break;
		}
		char *md = NULL, err[300];
		int rc = minutes_markdown(t->st, meeting, &md) == STORE_OK
				 ? file_write_new(path, md, false, NULL, err, sizeof err)
				 : (snprintf(err, sizeof err, "%s", store_errmsg(t->st)), -1);
		free(md);
		if (rc == 0) {
			tui_flash(t, false, "Meeting ended. Minutes written to %s", path);
			free(path);
			break;
		}
		char q[400];
		snprintf(q, sizeof q, "%s Try another file?", err);
		free(name);
		name = path;
		if (!dialog_confirm(t, q)) {
			tui_flash(t, true, "Meeting ended; minutes not written (%s).", err);
			break;
		}
	}
	free(name);
}

void mv_end_warning(struct tui *t, char *buf, size_t len)
{
	struct meeting_run *r = &t->mv->run;
	struct meeting_work w;
	int64_t open = 0, overdue = 0;
	buf[0] = '\0';
	if (store_meeting_work(t->st, r->m.id, &w) != STORE_OK)
		return;
	store_action_counts(t->st, clock_today(), r->m.id, &open, &overdue);
	size_t n = 0;
	for (size_t i = 0; i < r->n_steps && n < len; i++) {
		if (!meeting_step_pending(r, (int)i, &w))
			continue;
		n += (size_t)snprintf(buf + n, len - n, "%s%zu %s", n ? ", " : "Not done: ", i + 1,
				      r->steps[i].title);
		if (r->steps[i].kind == STEP_ACTION_REVIEW && open > 0 && n < len)
			n += (size_t)snprintf(buf + n, len - n, " (%lld open action%s not reviewed)",
					      (long long)open, open == 1 ? "" : "s");
	}
	if (n > 0 && n < len)
		snprintf(buf + n, len - n, ".");
	meeting_work_free(&w);
}

static void end_meeting(struct tui *t)
{
	struct meeting_view *mv = t->mv;
	char q[800], date[16], undone[600];
	mv_end_warning(t, undone, sizeof undone);
	snprintf(q, sizeof q, "End the meeting now?%s%s Next meeting %s, rating %s.",
		 *undone ? " " : "", undone, fmt_date(mv->next_date, date, sizeof date),
		 mv->rating ? "given" : "not given");
	if (!dialog_confirm(t, q))
		return;
	store_id id = mv->run.m.id;
	if (meeting_end(&mv->run, MEETING_COMPLETED, mv->rating, mv->next_date, clock_now()) !=
	    STORE_OK) {
		tui_flash(t, true, "Not ended: %s", store_errmsg(t->st));
		return;
	}
	tui_back(t);
	write_minutes(t, id);
}

static void menu(struct tui *t)
{
	static const char *const labels[] = {"Set the next meeting date", "Rate this meeting",
					     "End the meeting and write minutes",
					     "Each member present rates it (r)"};
	struct pick_option o[4];
	for (int i = 0; i < 4; i++)
		o[i] = (struct pick_option){i, (char *)labels[i], NULL};
	int k = dialog_pick(t, "Wrap-up", o, 4, "", NULL);
	if (k == 0)
		set_next(t);
	else if (k == 1)
		set_rating(t);
	else if (k == 2)
		end_meeting(t);
	else if (k == 3)
		rate_members(t);
}

static enum action key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	if (mv_move(t, a, t->mv->n_items, 10))
		return ACT_NONE;
	if (!is_key && ch == 'r') {
		rate_members(t);
		return ACT_NONE;
	}
	if (a == ACT_SELECT) {
		menu(t);
		return ACT_NONE;
	}
	if (a == ACT_END_MEETING) {
		end_meeting(t);
		return ACT_NONE;
	}
	return items_key(t, a);
}

const struct pane_ops pane_wrapup = {.load = load, .draw = draw, .key = key};
