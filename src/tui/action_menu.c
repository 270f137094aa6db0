/* action_menu.c - what can be done to one action, in a meeting's action
 * review and in the actions view alike: done, a new due date (a slip when
 * later), a new owner, dropped with a reason; or reopened when it was done
 * or dropped. Each choice is one store change, recorded as an event tied to
 * the meeting (or to none outside a meeting). */
#include <stdio.h>
#include <stdlib.h>

#include "screen.h"
#include "dialog.h"
#include "form.h"
#include "keymap.h"
#include "cxmeet/items.h"
#include "cxmeet/meeting.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

enum choice { CH_DONE, CH_DUE, CH_OWNER, CH_DROP, CH_REOPEN };

static const char *const labels[] = {
	[CH_DONE] = "Done",
	[CH_DUE] = "New due date",
	[CH_OWNER] = "New owner",
	[CH_DROP] = "Drop (with a reason)",
	[CH_REOPEN] = "Reopen",
};

static const char *check_reason(const char *text, void *ctx, char *buf, size_t len)
{
	(void)ctx;
	char *clean = text_clean(text, TEXT_SHORT, "reason", buf, len);
	if (!clean)
		return buf;
	free(clean);
	return NULL;
}

static const char *check_due(const char *text, void *ctx, char *buf, size_t len)
{
	struct date_context *dc = ctx;
	cx_date d;
	return date_parse_due(text, dc, &d, buf, len) == 0 ? NULL : buf;
}

/* Done, dropped (asking why) or reopened; true when saved. */
static bool set_status(struct tui *t, store_id id, enum choice c, store_id meeting)
{
	char *why = NULL;
	if (c == CH_DROP && !(why = dialog_input(t, "Why is it dropped?", "", check_reason, NULL)))
		return false;
	enum item_status to = c == CH_DONE   ? STATUS_DONE
			      : c == CH_DROP ? STATUS_DROPPED
					     : STATUS_OPEN;
	enum store_rc rc = item_set_status(t->st, id, to, why, meeting, clock_now());
	free(why);
	if (rc != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	else
		tui_flash(t, false, "Action #%lld %s.", (long long)id,
			  c == CH_DONE ? "marked done" : c == CH_DROP ? "dropped" : "reopened");
	return rc == STORE_OK;
}

/* A new due date or a new owner; true when saved. */
static bool update(struct tui *t, store_id id, enum choice c, store_id meeting,
		   cx_date default_due)
{
	struct item it;
	char *text = NULL, *who_name = NULL;
	enum store_rc rc = STORE_OK;
	bool changed = false;
	if (store_item_get(t->st, id, &it) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return false;
	}
	if (c == CH_DUE) {
		struct date_context dc = {clock_today(), default_due};
		char cur[16] = "";
		if (default_due != DATE_NONE)
			date_format(default_due, cur, sizeof cur);
		text = dialog_input(t, "New due date (counted as a slip if later)", cur, check_due,
				    &dc);
		changed = text && date_parse_due(text, &dc, &it.due, cur, sizeof cur) == 0;
	} else {
		store_id who = pick_person(t, "New owner", "");
		changed = who != 0 && who != it.person_id;
		it.person_id = who ? who : it.person_id;
		struct person p = {0};
		if (changed && store_person_get(t->st, who, &p) == STORE_OK)
			who_name = xstrdup(p.name);
		person_free(&p);
	}
	char err[256];
	if (changed && (rc = item_edit(t->st, &it, meeting, clock_now(), err, sizeof err)) != STORE_OK) {
		tui_flash(t, true, "%s", err);
	} else if (changed && c == CH_DUE) {
		char day[16];
		date_format(it.due, day, sizeof day);
		tui_flash(t, false, "Action #%lld is now due %s.", (long long)id, day);
	} else if (changed) {
		tui_flash(t, false, "Action #%lld is now owned by %s.", (long long)id,
			  who_name ? who_name : "its new owner");
	}
	free(who_name);
	free(text);
	item_free(&it);
	return changed && rc == STORE_OK;
}

bool action_menu(struct tui *t, const struct item *it, store_id meeting, cx_date default_due)
{
	struct pick_option opts[4];
	int n = 0;
	if (it->status == STATUS_OPEN) {
		for (int c = CH_DONE; c <= CH_DROP; c++)
			opts[n++] = (struct pick_option){c, (char *)labels[c], NULL};
	} else {
		opts[n++] = (struct pick_option){CH_REOPEN, (char *)labels[CH_REOPEN], NULL};
	}
	int k = dialog_pick(t, it->text, opts, (size_t)n, "", NULL);
	if (k < 0)
		return false;
	enum choice c = (enum choice)opts[k].id;
	store_id id = it->id;
	/* Each change names itself on the status line. */
	return c == CH_DUE || c == CH_OWNER ? update(t, id, c, meeting, default_due)
					    : set_status(t, id, c, meeting);
}
