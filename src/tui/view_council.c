/* view_council.c - the council view: the CX mission, the success statement and
 * the six charter answers, each with when and by whom it last changed, edited
 * in place or in $EDITOR and kept with its earlier versions; the cadence and
 * the escalation limit; and the roster check (departments nobody sits for, no
 * sponsor, no lead). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "list.h"
#include "screen.h"
#include "dialog.h"
#include "form.h"
#include "views.h"
#include "council_facts.h"
#include "keymap.h"
#include "cxmeet/cadence.h"
#include "cxmeet/setup.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* Rows of the view: the texts from the name to the last charter answer, then
 * the cadence and the escalation limit. */
#define TEXT_ROWS (ORG_WAYS - ORG_NAME + 1)
#define ROW_CADENCE TEXT_ROWS
#define ROW_ESCALATE (TEXT_ROWS + 1)
#define ROW_COUNT (TEXT_ROWS + 2)

/* The view's state: the row under the cursor, the first row shown, and the
 * versions of one text, shown over the list while open. */
struct council_state {
	int sel, top;
	struct {
		bool open;
		enum org_text field;
		struct org_version *v;
		size_t n;
		int top;
	} versions;
};

/* --- editing ---------------------------------------------------------------- */

static enum org_text row_field(int row) { return (enum org_text)(ORG_NAME + row); }

/* ctx: the field. Only the name is required. */
static const char *check_text(const char *text, void *ctx, char *buf, size_t len)
{
	bool name = *(const enum org_text *)ctx == ORG_NAME;
	if (!name && strspn(text, " \t") == strlen(text))
		return NULL; /* clearing is allowed: the old text stays in the history */
	char *clean = text_clean(text, name ? TEXT_NAME : TEXT_SHORT,
				 name ? "organisation name" : "answer", buf, len);
	if (!clean)
		return buf;
	free(clean);
	return NULL;
}

/* Saves one text as a new version; the screen says "saved" only after it. */
static void save_text(struct tui *t, enum org_text f, const char *text)
{
	if (org_set_text(t->st, f, text) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	else
		tui_flash(t, false, "Saved: %s.", org_text_label(f));
}

static void edit_in_place(struct tui *t, enum org_text f, const char *current)
{
	if (strchr(current, '\n') || strlen(current) > TEXT_MAX_SHORT) {
		tui_flash(t, false,
			  "This answer has several lines: press e to edit it in $EDITOR.");
		return;
	}
	char *text = dialog_input(t, org_text_label(f), current, check_text, &f);
	if (!text)
		return;
	if (strcmp(text, current) != 0 &&
	    (*text || dialog_confirm(t, "Clear this answer? (the old text stays in the history)")))
		save_text(t, f, text);
	free(text);
}

static void edit_editor(struct tui *t, enum org_text f, const char *current)
{
	char *out = NULL, err[256];
	if (tui_edit_external(t, current, &out, err, sizeof err) != 0) {
		tui_flash(t, true, "%s", err);
		return;
	}
	if (strcmp(out, current) != 0)
		save_text(t, f, out);
	free(out);
}

static const char *check_escalate(const char *text, void *ctx, char *buf, size_t len)
{
	(void)ctx;
	char *end;
	long n = strtol(text, &end, 10);
	if (end == text || *end || n < 1 || n > 100) {
		snprintf(buf, len, "A number of meetings from 1 to 100.");
		return buf;
	}
	return NULL;
}

static void edit_escalate(struct tui *t, int current)
{
	char init[16];
	snprintf(init, sizeof init, "%d", current);
	char *text = dialog_input(t, "Escalate after how many carries? (1 to 100)",
				  init, check_escalate, NULL);
	if (!text)
		return;
	if (store_org_set_escalate_after(t->st, atoi(text)) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	else
		tui_flash(t, false, "Saved: escalate after %d %s.", atoi(text),
			  text_plural(atoi(text), "carry", "carries"));
	free(text);
}

static void edit_cadence(struct tui *t, const struct cadence *current)
{
	struct cadence c;
	if (!pick_cadence(t, current, &c))
		return;
	char buf[48];
	cadence_format(&c, buf, sizeof buf);
	if (store_org_set_cadence(t->st, &c) != STORE_OK)
		tui_flash(t, true, "%s", store_errmsg(t->st));
	else
		tui_flash(t, false, "Saved: the council meets %s.", buf);
}

/* --- the versions of one text --------------------------------------------- */

static void versions_close(struct council_state *cs)
{
	org_versions_free(cs->versions.v, cs->versions.n);
	memset(&cs->versions, 0, sizeof cs->versions);
}

static void versions_open(struct tui *t, enum org_text f)
{
	struct council_state *cs = tui_state(t, &view_council);
	versions_close(cs);
	if (store_org_history(t->st, f, &cs->versions.v, &cs->versions.n) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return;
	}
	cs->versions.open = true;
	cs->versions.field = f;
}

static void versions_draw(struct tui *t)
{
	struct council_state *cs = tui_state(t, &view_council);
	char line[300];
	snprintf(line, sizeof line, " Council and charter: versions of %s (%zu)",
		 org_text_label(cs->versions.field), cs->versions.n);
	draw_line(0, 0, line, t->cols, theme(C_TITLE));
	int x = 2, w = t->cols - 4, y = 2, bottom = t->rows - 2;
	if (cs->versions.n == 0)
		draw_text(y, x, "Never written.", w, theme(C_MUTED));
	if (cs->versions.top >= (int)cs->versions.n)
		cs->versions.top = cs->versions.n ? (int)cs->versions.n - 1 : 0;
	for (size_t i = (size_t)cs->versions.top; i < cs->versions.n && y < bottom; i++) {
		const struct org_version *v = &cs->versions.v[i];
		const char *at = v->changed_at ? v->changed_at : "?";
		bool known = actor_known(v->changed_by);
		snprintf(line, sizeof line, "%.10s %.5s%s%s%s", at, strlen(at) > 11 ? at + 11 : "",
			 known ? "  by " : "", known ? v->changed_by : "",
			 i == 0 ? "  (current)" : "");
		draw_text(y++, x, line, w, theme(C_HEADING));
		const char *body = *v->body ? v->body : "(cleared)";
		if (y < bottom)
			y += draw_wrapped(y, x + 2, body, w - 2, bottom - y,
					  *v->body ? theme(C_NORMAL) : theme(C_MUTED));
		y++;
	}
	draw_line(t->rows - 1, 0, " Up/Down scroll  q/Esc back to the charter", t->cols,
		  theme(C_STATUS));
}

/* --- the list ------------------------------------------------------------- */

static int row_text_rows(bool compact) { return compact ? 2 : 3; }

/* Rows one entry takes on screen: its label line, its text, a blank line. */
static int entry_height(const struct org *o, int row, int w, bool compact)
{
	if (row >= TEXT_ROWS)
		return 1;
	const char *s = o->text[row_field(row)];
	return 2 + (*s ? text_wrap_rows(s, w - 2, row_text_rows(compact)) : 1);
}

/* Rows the entries from..to (inclusive) take. */
static int entries_height(const struct org *o, int from, int to, int w, bool compact)
{
	int h = 0;
	for (int r = from; r <= to; r++)
		h += entry_height(o, r, w, compact);
	return h;
}

/* Scrolls by whole entries: the selected one shows whole, and no room is left
 * empty at the bottom while entries above are hidden (after a resize). */
static void scroll_to_selected(struct council_state *cs, const struct org *o, int w, int rows,
			       bool compact)
{
	if (cs->sel < cs->top)
		cs->top = cs->sel;
	while (cs->top < cs->sel &&
	       entries_height(o, cs->top, cs->sel, w, compact) > rows)
		cs->top++;
	while (cs->top > 0 &&
	       entries_height(o, cs->top - 1, ROW_COUNT - 1, w, compact) <= rows)
		cs->top--;
}

static void draw_entry(struct tui *t, const struct org *o, int row, int y, int w)
{
	struct council_state *cs = tui_state(t, &view_council);
	int x = 2;
	bool sel = row == cs->sel;
	char line[400], cad[48];
	if (row == ROW_CADENCE || row == ROW_ESCALATE) {
		cadence_format(&o->cadence, cad, sizeof cad);
		if (row == ROW_CADENCE)
			snprintf(line, sizeof line, "Cadence: the council meets %s", cad);
		else
			snprintf(line, sizeof line, "Escalation: flagged for the sponsor after %d %s",
				 o->escalate_after, text_plural(o->escalate_after, "carry", "carries"));
		draw_line(y, x, line, w, sel ? theme(C_SELECTED) : theme(C_NORMAL));
		return;
	}
	enum org_text f = row_field(row);
	draw_line(y, x, org_text_label(f), w, sel ? theme(C_SELECTED) : theme(C_HEADING));
	if (o->changed_at[f]) {
		bool known = actor_known(o->changed_by[f]);
		snprintf(line, sizeof line, "changed %.10s%s%s", o->changed_at[f],
			 known ? " by " : "", known ? o->changed_by[f] : "");
		int cols = text_cols(line);
		int lx = x + w - cols - 1;
		if (lx > x + text_cols(org_text_label(f)) + 2)
			draw_text(y, lx, line, cols, sel ? theme(C_SELECTED) : theme(C_MUTED));
	}
	const char *s = o->text[f];
	if (*s)
		draw_wrapped(y + 1, x + 2, s, w - 2, row_text_rows(t->compact), theme(C_NORMAL));
	else
		draw_text_fit(y + 1, x + 2, org_text_question(f), w - 2, theme(C_MUTED));
}

/* The roster findings in a box of at most max_rows lines; returns its height. */
static int roster_box(struct tui *t, const struct council_facts *f, int y, int max_rows)
{
	int shown = f->nf ? (int)f->nf : 1;
	if (shown > max_rows)
		shown = max_rows;
	int h = shown + 2, x = 1, w = t->cols - 2;
	draw_box(y, x, h, w, f->nf ? "Roster check" : "Roster check: all good");
	if (!f->nf)
		draw_text(y + 1, x + 2,
			  "Every department has a member; there is a sponsor and a lead.", w - 4,
			  theme(C_OK));
	for (int i = 0; i < shown && f->nf; i++)
		roster_line(f, i, shown, y + 1 + i, x + 2, w - 4);
	return h;
}

static void council_draw(struct tui *t)
{
	struct council_state *cs = tui_state(t, &view_council);
	if (cs->versions.open) {
		versions_draw(t);
		return;
	}
	struct council_facts f;
	if (!council_facts_load(t, &f)) {
		draw_line(0, 0, " Council and charter", t->cols, theme(C_TITLE));
		draw_text(2, 2, store_errmsg(t->st), t->cols - 4, theme(C_ERROR));
		return;
	}
	char line[300];
	snprintf(line, sizeof line, " %s  Council and charter",
		 *f.org.text[ORG_NAME] ? f.org.text[ORG_NAME] : "cxmeet");
	draw_line(0, 0, line, t->cols, theme(C_TITLE));
	int box_rows = t->compact ? 3 : 5;
	int box_h = (f.nf ? ((int)f.nf < box_rows ? (int)f.nf : box_rows) : 1) + 2;
	int w = t->cols - 4, y0 = 2, bottom = t->rows - 2 - box_h;
	scroll_to_selected(cs, &f.org, w, bottom - y0, t->compact);
	int y = y0;
	for (int r = cs->top; r < ROW_COUNT; r++) {
		int h = entry_height(&f.org, r, w, t->compact);
		if (y + h - (r >= TEXT_ROWS ? 0 : 1) > bottom)
			break;
		draw_entry(t, &f.org, r, y, w);
		y += h;
	}
	roster_box(t, &f, t->rows - 1 - box_h, box_rows);
	draw_line(t->rows - 1, 0,
		  t->compact ? " Enter edit  e $EDITOR  v versions  q back"
			     : " Up/Down choose  Enter edit in place  e edit in $EDITOR  v earlier "
			       "versions  ? help  q back",
		  t->cols, theme(C_STATUS));
	council_facts_free(&f);
}

enum {
	CO_VERSIONS = ACT_VIEW,
};

static const struct keymap_entry council_keys[] = {
	KM_HEADING("Council and charter"),
	{ACT_SELECT, "edit", "Edit the row in place (a text, the cadence, the escalation)",
	 {{0, false}}},
	{ACT_EDIT, "edit-editor", "Edit the text in $EDITOR", {{0, false}}},
	{CO_VERSIONS, "versions", "Earlier versions of the text (again: close them)",
	 {KM_CH('v')}},
	{ACT_QUIT, "back", "Back to the home screen; from the versions, close them",
	 {KM_CH(ESC)}},
};

static const struct keymap council_keymap = KEYMAP("council and charter", council_keys);

static enum action versions_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	struct council_state *cs = tui_state(t, &view_council);
	int own = keymap_find(&council_keymap, ch, is_key);
	if (a == ACT_QUIT || own == ACT_QUIT || own == CO_VERSIONS) {
		versions_close(cs);
		return ACT_NONE;
	}
	int sel = cs->versions.top;
	if (cursor_move(&sel, a, cs->versions.n, 3))
		cs->versions.top = sel;
	return a == ACT_HELP ? a : ACT_NONE;
}

static enum action council_key(struct tui *t, wint_t ch, bool is_key, enum action a)
{
	struct council_state *cs = tui_state(t, &view_council);
	if (cs->versions.open)
		return versions_key(t, ch, is_key, a);
	if (cursor_move(&cs->sel, a, ROW_COUNT, 3))
		return ACT_NONE;
	int own = keymap_find(&council_keymap, ch, is_key);
	if (a == ACT_QUIT || own == ACT_QUIT) {
		tui_back(t);
		return ACT_NONE;
	}
	bool is_text = cs->sel < TEXT_ROWS;
	bool wants = a == ACT_SELECT || a == ACT_EDIT || own == CO_VERSIONS;
	if (!wants)
		return a;
	struct org o;
	if (store_org_get(t->st, &o) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return ACT_NONE;
	}
	enum org_text f = row_field(cs->sel);
	if (own == CO_VERSIONS) {
		if (is_text)
			versions_open(t, f);
		else
			tui_flash(t, false, "Only the texts keep cs->versions.");
	} else if (cs->sel == ROW_CADENCE) {
		edit_cadence(t, &o.cadence);
	} else if (cs->sel == ROW_ESCALATE) {
		edit_escalate(t, o.escalate_after);
	} else if (a == ACT_EDIT) {
		edit_editor(t, f, o.text[f]);
	} else {
		edit_in_place(t, f, o.text[f]);
	}
	org_free(&o);
	return ACT_NONE;
}

static void council_close(struct tui *t)
{
	struct council_state *cs = tui_state(t, &view_council);
	versions_close(cs);
}

void council_view_open(struct tui *t)
{
	struct council_state *cs = tui_state(t, &view_council);
	cs->sel = ORG_MISSION - ORG_NAME; /* the name changes least */
	cs->top = 0;
	versions_close(cs);
	tui_open_view(t, &view_council);
}

const struct view_ops view_council = {
	.name = "council",
	.keymap = &council_keymap,
	.private_size = sizeof(struct council_state),
	.draw = council_draw,
	.key = council_key,
	.close = council_close,
};
