/* view_help.c - the help screen, generated from the action table and the key
 * bindings: nothing here is written by hand, so it cannot drift. */
#include <stdio.h>
#include <string.h>

#include "tui_int.h"

/* "Up, k" for the keys bound to a. */
static void keys_for(enum action a, char *buf, size_t len)
{
	buf[0] = '\0';
	for (size_t i = 0; i < tui_binding_count; i++) {
		if (tui_bindings[i].action != a || !tui_bindings[i].label)
			continue;
		size_t n = strlen(buf);
		snprintf(buf + n, len - n, "%s%s", n ? ", " : "", tui_bindings[i].label);
	}
}

/* Draws the help rows starting at `first`; returns how many there are. */
static int help_rows(struct tui *t, int first, int y0, int h)
{
	const char *group = "";
	int row = 0, y = y0;
	for (int a = 1; a < ACT_COUNT; a++) {
		char keys[64], line[200];
		keys_for((enum action)a, keys, sizeof keys);
		if (!keys[0])
			continue;
		if (strcmp(group, action_group((enum action)a)) != 0) {
			if (strcmp(group, "Moving") == 0) {
				/* A picker's letters are its filter's: say so where the keys are. */
				if (row >= first && y < y0 + h)
					draw_text(y++, 2, "  In a list with a Filter, letters filter; the other"
						  " keys above move.", t->cols - 4,
						  theme(C_MUTED));
				row++;
			}
			group = action_group((enum action)a);
			if (row >= first && y < y0 + h)
				draw_text(y++, 2, group, t->cols - 4, theme(C_HEADING));
			row++;
		}
		snprintf(line, sizeof line, "  %-16s %s", keys, action_help((enum action)a));
		if (row >= first && y < y0 + h)
			draw_text(y++, 2, line, t->cols - 4, theme(C_NORMAL));
		row++;
	}
	return row;
}

static int help_top;

static void help_draw(struct tui *t)
{
	draw_line(0, 0, " cxmeet help: keys", t->cols, theme(C_TITLE));
	int total = help_rows(t, 0, 0, 0); /* counts only */
	int page = t->rows - 4;
	if (help_top > total - page)
		help_top = total - page > 0 ? total - page : 0;
	help_rows(t, help_top, 2, page);
	char line[120];
	snprintf(line, sizeof line, " Up/Down/PgUp/PgDn/Home/End scroll (%d rows)  any other key: back", total);
	draw_line(t->rows - 1, 0, line, t->cols, theme(C_STATUS));
}

const struct view_ops view_help = {.name = "help", .draw = help_draw};

void tui_help(struct tui *t)
{
	const struct view_ops *back = t->view;
	t->view = &view_help; /* drawn over, not switched: the view under it stays open */
	help_top = 0;
	for (;;) {
		tui_redraw(t);
		doupdate();
		wint_t ch;
		bool is_key;
		if (!tui_read_key(t, &ch, &is_key, -1)) {
			if (t->quit)
				break;
			continue;
		}
		/* Every moving key scrolls; help_draw keeps the last page in place. */
		enum action a = keymap_lookup(ch, is_key);
		int page = t->rows - 4 > 1 ? t->rows - 4 : 1, total = help_rows(t, 0, 0, 0);
		int last = total - page > 0 ? total - page : 0;
		switch (a) {
		case ACT_UP: help_top = help_top > 0 ? help_top - 1 : 0; break;
		case ACT_DOWN: help_top = help_top < last ? help_top + 1 : last; break;
		case ACT_PAGE_UP: help_top = help_top > page ? help_top - page : 0; break;
		case ACT_PAGE_DOWN: help_top = help_top + page < last ? help_top + page : last; break;
		case ACT_TOP: help_top = 0; break;
		case ACT_BOTTOM: help_top = last; break;
		default: t->view = back; return;
		}
		continue;
	}
	t->view = back;
}
