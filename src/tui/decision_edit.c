/* decision_edit.c - the decision log's two changes to a decision: its
 * revisit date (set, moved or cleared) and marking it superseded by a later
 * decision. Each asks in a dialog, writes in one transaction, and says so. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decision_edit.h"
#include "dialog.h"
#include "screen.h"
#include "cxmeet/dates.h"
#include "cxmeet/decisions.h"
#include "cxmeet/util.h"

/* Candidates offered to supersede a decision: the newest later ones. */
#define LATER_MAX 500

/* What the revisit dialog checks against: today, and the date it started with. */
struct revisit_ctx {
	struct date_context dc;
	char current[16];
};

/* Empty or "none" clears, the unchanged date keeps (even once past), and
 * anything else must be a date as date_parse_due takes it. */
static int parse_revisit(const char *text, const struct revisit_ctx *rc, cx_date *d, char *err,
			 size_t len)
{
	*d = DATE_NONE;
	if (!*text || strcmp(text, "none") == 0)
		return 0;
	if (rc->current[0] && strcmp(text, rc->current) == 0)
		return date_parse_iso(text, d) ? 0 : -1;
	return date_parse_due(text, &rc->dc, d, err, len);
}

static const char *check_revisit(const char *text, void *ctx, char *buf, size_t len)
{
	cx_date d;
	return parse_revisit(text, ctx, &d, buf, len) == 0 ? NULL : buf;
}

bool decision_set_revisit(struct tui *t, const struct decision_row *r)
{
	struct revisit_ctx rc = {.dc = {clock_today(), DATE_NONE}};
	char err[256], day[16];
	if (r->revisit != DATE_NONE)
		date_format(r->revisit, rc.current, sizeof rc.current);
	char *text = dialog_input(t, "Revisit date (empty or none: no revisit)", rc.current,
				  check_revisit, &rc);
	if (!text)
		return false;
	cx_date d;
	int bad = parse_revisit(text, &rc, &d, err, sizeof err);
	free(text);
	if (bad || d == r->revisit)
		return false; /* refused by the dialog already, or nothing changed */
	store_id id = r->id;
	if (store_decision_set_revisit(t->st, id, d, 0, clock_now()) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return false;
	}
	if (d == DATE_NONE) {
		tui_flash(t, false, "Saved: #%lld has no revisit date.", (long long)id);
	} else {
		date_format(d, day, sizeof day);
		tui_flash(t, false, "Saved: #%lld to be revisited on %s.", (long long)id, day);
	}
	return true;
}

bool decision_supersede_ask(struct tui *t, const struct decision_row *r)
{
	if (r->superseded_by) {
		tui_flash(t, true, "#%lld is already superseded by #%lld.", (long long)r->id,
			  (long long)r->superseded_by);
		return false;
	}
	struct decision_ref *later;
	size_t n;
	store_id old = r->id;
	if (store_decisions_later(t->st, old, LATER_MAX, &later, &n) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return false;
	}
	if (n == 0) {
		tui_flash(t, true, "No later decision to supersede #%lld with.", (long long)old);
		decision_refs_free(later, n);
		return false;
	}
	struct pick_option *o = xcalloc(n + 1, sizeof *o);
	for (size_t i = 0; i < n; i++) {
		char day[16];
		date_format(date_from_time(later[i].created_at), day, sizeof day);
		o[i] = (struct pick_option){later[i].id,
					    xasprintf("#%lld %s", (long long)later[i].id, later[i].text),
					    xasprintf("%s %s", day,
						      later[i].dept_name ? later[i].dept_name : "")};
	}
	char title[64];
	snprintf(title, sizeof title, "#%lld superseded by (newest first)", (long long)old);
	int k = dialog_pick(t, title, o, n, "", NULL);
	store_id by = k >= 0 ? o[k].id : 0;
	pick_options_free(o, n);
	decision_refs_free(later, n);
	if (!by)
		return false;
	char q[128];
	snprintf(q, sizeof q, "Mark decision #%lld as superseded by #%lld? Both stay in the log.",
		 (long long)old, (long long)by);
	if (!dialog_confirm(t, q))
		return false;
	if (decision_supersede(t->st, old, by, 0, clock_now()) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return false;
	}
	tui_flash(t, false, "Saved: #%lld is superseded by #%lld.", (long long)old, (long long)by);
	return true;
}
