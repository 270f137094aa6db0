/* view_help.c - the help screen of the view it is opened in: that view's own
 * keys first (its keymap, part by part), then the keys every view shares.
 * Generated from the keymaps: nothing here is written by hand, so it cannot
 * drift. Long lines wrap under their text; the screen scrolls when the keys
 * do not fit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "screen.h"
#include "views.h"
#include "keymap.h"
#include "modal.h"
#include "cxmeet/util.h"

#define KEYS_COLS 16 /* the keys' column; wider lists push the text on */

/* One row of the help: a heading, a key line, or the rest of a wrapped one.
 * Columns count from the help's left margin. */
struct help_row {
	char *keys; /* NULL: a heading, a note, or the rest of a wrapped line */
	char *text;
	attr_t attr;
	int indent; /* the text's column */
	int skip;   /* the rows of the wrapped text above this one */
};

struct help_rows {
	struct help_row *r;
	size_t n, cap;
};

static void row_add(struct help_rows *h, const char *keys, const char *text, attr_t attr,
		    int indent, int skip)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 64;
		h->r = xrealloc(h->r, h->cap * sizeof *h->r);
	}
	h->r[h->n++] = (struct help_row){keys ? xstrdup(keys) : NULL, xstrdup(text), attr, indent,
					 skip};
}

static void rows_free(struct help_rows *h)
{
	for (size_t i = 0; i < h->n; i++) {
		free(h->r[i].keys);
		free(h->r[i].text);
	}
	free(h->r);
	memset(h, 0, sizeof *h);
}

/* A key line: the keys at column 2, the text after them, wrapped in `width`
 * columns under itself. */
static void key_line(struct help_rows *h, const char *keys, const char *text, int width)
{
	int kw = text_cols(keys), indent = 2 + (kw > KEYS_COLS ? kw : KEYS_COLS) + 1;
	if (indent > width / 2) { /* keys too long to share the row: text under them */
		row_add(h, keys, "", theme(C_NORMAL), 2, 0);
		indent = 2 + KEYS_COLS + 1;
		keys = "";
	}
	int rows = text_wrap_rows(text, width - indent, 100);
	row_add(h, keys, text, theme(C_NORMAL), indent, 0);
	for (int i = 1; i < rows; i++)
		row_add(h, NULL, text, theme(C_NORMAL), indent, i);
}

/* Whether the view's keymap says what the shared action a does there. */
static bool keymap_names(const struct keymap *km, int a)
{
	for (size_t i = 0; km && i < km->n; i++)
		if (km->entries[i].action == a)
			return true;
	return false;
}

/* Every row of the help of the view under it, for a screen `width` wide. */
static void help_build(const struct view_ops *v, struct help_rows *h, int width, bool mouse)
{
	const struct keymap *km = v ? v->keymap : NULL;
	char keys[128];
	for (size_t i = 0; km && i < km->n; i++) {
		const struct keymap_entry *e = &km->entries[i];
		if (e->action == ACT_NONE && !e->name) {
			row_add(h, NULL, e->help, theme(C_HEADING), 0, 0);
			continue;
		}
		keymap_entry_keys(e, keys, sizeof keys);
		if (keys[0])
			key_line(h, keys, e->help ? e->help : action_help((enum action)e->action),
				 width);
	}
	const char *group = "";
	bool still = km && km->no_moving; /* nothing to move through: no Moving keys */
	for (int a = 1; a < ACT_COUNT; a++) {
		if (!action_everywhere((enum action)a) || keymap_names(km, a))
			continue; /* a view's own words for a shared key come first, once */
		if (still && strcmp(action_group((enum action)a), "Moving") == 0)
			continue;
		struct keymap_entry shared = {a, NULL, action_help((enum action)a), {{0, false}}};
		keymap_entry_keys(&shared, keys, sizeof keys);
		if (!keys[0])
			continue;
		if (strcmp(group, action_group((enum action)a)) != 0) {
			group = action_group((enum action)a);
			char title[64];
			snprintf(title, sizeof title, "%s (every view)", group);
			row_add(h, NULL, title, theme(C_HEADING), 0, 0);
		}
		key_line(h, keys, action_help((enum action)a), width);
	}
	if (still)
		return; /* no row to click, no list to filter */
	/* The mouse moves as the keys above do (the last group, Moving). */
	if (mouse) {
		key_line(h, "Click", v && v->click ? "Move the cursor to the row; on the agenda, go "
						      "to the step"
						    : "Move the cursor to the row",
			 width);
		key_line(h, "Wheel", "Move three rows (Shift+mouse: the terminal's own selection)",
			 width);
	} else {
		key_line(h, "Mouse", "Off (--no-mouse): the terminal has it", width);
	}
	/* A picker's letters are its filter's: say so where the keys are. */
	row_add(h, NULL, "In a list with a Filter, letters filter; the other keys above move.",
		theme(C_MUTED), 2, 0);
}

/* Draws a row at y; the help's margin is x0, its width `width`. */
static void row_draw(const struct help_row *r, int y, int x0, int width)
{
	if (r->keys && r->keys[0])
		draw_text(y, x0 + 2, r->keys, width - 2, theme(C_ACCENT));
	if (r->text[0])
		draw_wrapped_from(y, x0 + r->indent, r->text, width - r->indent, r->skip, 1,
				  r->attr);
}

/* The help's state: how far it is scrolled, and the view it was opened in
 * (its parent). */
struct help_state {
	int top;
	const struct view_ops *under;
};

static void help_draw(struct tui *t)
{
	struct help_state *help = t->view->priv;
	const struct view_ops *under = t->view->parent ? t->view->parent->ops : NULL;
	char title[160];
	const struct keymap *km = under ? under->keymap : NULL;
	snprintf(title, sizeof title, " cxmeet help: keys in %s",
		 km && km->title ? km->title : "every view");
	draw_line(0, 0, title, t->cols, theme(C_TITLE));
	int width = t->cols - 4;
	struct help_rows h = {0};
	help_build(under, &h, width, t->mouse);
	int total = (int)h.n, page = t->rows - 4;
	if (help->top > total - page)
		help->top = total - page > 0 ? total - page : 0;
	for (int i = 0; i < page && help->top + i < total; i++)
		row_draw(&h.r[help->top + i], 2 + i, 2, width);
	rows_free(&h);
	if (total > page) {
		char full[120], brief[80];
		snprintf(full, sizeof full,
			 " Up/Down/PgUp/PgDn/Home/End scroll (%d rows)  any other key: back", total);
		snprintf(brief, sizeof brief, " Up/Down/PgUp/PgDn scroll  any other key: back");
		draw_hint(t->rows - 1, t->cols, full, brief, theme(C_STATUS));
	} else {
		draw_line(t->rows - 1, 0, " any key: back", t->cols, theme(C_STATUS));
	}
}

const struct view_ops view_help = {.name = "help", .draw = help_draw, .over = true};

/* Every moving key scrolls; help_draw keeps the last page in place. Any
 * other key closes the help. */
static enum modal_rc help_key(struct tui *t, void *ctx, wint_t ch, bool is_key)
{
	struct help_state *help = ctx;
	enum action a = keymap_lookup(ch, is_key);
	struct help_rows h = {0};
	help_build(t->view->parent->ops, &h, t->cols - 4, t->mouse);
	int page = t->rows - 4 > 1 ? t->rows - 4 : 1, total = (int)h.n;
	rows_free(&h);
	int last = total - page > 0 ? total - page : 0;
	switch (a) {
	case ACT_UP: help->top = help->top > 0 ? help->top - 1 : 0; break;
	case ACT_DOWN: help->top = help->top < last ? help->top + 1 : last; break;
	case ACT_PAGE_UP: help->top = help->top > page ? help->top - page : 0; break;
	case ACT_PAGE_DOWN: help->top = help->top + page < last ? help->top + page : last; break;
	case ACT_TOP: help->top = 0; break;
	case ACT_BOTTOM: help->top = last; break;
	default: return MODAL_DONE;
	}
	return MODAL_GO_ON;
}

void tui_help(struct tui *t)
{
	/* the view is the box */
	/* (the view under it goes on ticking: modal_run runs its tick) */
	static const struct modal modal = {.key = help_key};
	struct help_state help = {0, t->view->ops};
	/* Drawn over, not switched: the view under it stays open. */
	struct view over = {&view_help, &help, t->view};
	t->view = &over;
	modal_run(t, &modal, &help);
	t->view = over.parent;
}
