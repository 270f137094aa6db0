/* minutes_pager.c - a meeting's minutes (Markdown, as the minutes command
 * writes them) read on screen: the lines cut into rows at the width of the
 * screen, between words, scrolled by the moving keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "minutes_pager.h"
#include "screen.h"
#include "cxmeet/minutes.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* Where the screen row that starts at pos ends: at most `cols` columns, cut
 * at the last line break opportunity (UAX #14) that fits when the line goes
 * on. */
static size_t row_end(const char *s, size_t pos, size_t eol, int cols)
{
	return pos + text_row_end(s + pos, eol - pos, cols);
}

/* Cuts each line of the text into screen rows of at most `cols` columns. */
static void wrap_text(struct minutes_pager *H, int cols)
{
	size_t cap = 0, pos = 0, len = strlen(H->text);
	free(H->segs);
	H->segs = NULL;
	H->n_segs = 0;
	while (pos < len) {
		size_t eol = pos + strcspn(H->text + pos, "\n");
		bool heading = H->text[pos] == '#';
		do {
			size_t end = row_end(H->text, pos, eol, cols);
			if (H->n_segs == cap) {
				cap = cap ? cap * 2 : 256;
				H->segs = xrealloc(H->segs, cap * sizeof *H->segs);
			}
			H->segs[H->n_segs++] = (struct minutes_seg){pos, end - pos, heading};
			pos = end;
		} while (pos < eol);
		pos = eol + 1;
	}
	H->wrapped_cols = cols;
}

bool minutes_pager_open(struct tui *t, struct minutes_pager *H, store_id meeting,
			const char *find)
{
	char *text;
	if (minutes_markdown(t->st, meeting, &text) != STORE_OK) {
		tui_flash(t, true, "%s", store_errmsg(t->st));
		return false;
	}
	free(H->text);
	H->text = text;
	H->minutes_of = meeting;
	H->wrapped_cols = 0;
	H->p_top = 0;
	if (find) {
		/* the item's line: its first words as written (Markdown escapes
		 * only punctuation, which the first words of most texts lack) */
		char *head = xstrndup(find, strcspn(find, "\\`*_[]#|<>~&\n"));
		const char *hit = strlen(head) >= 3 ? strstr(H->text, head) : NULL;
		free(head);
		if (hit) {
			wrap_text(H, t->cols - 4 > 10 ? t->cols - 4 : 10);
			for (size_t i = 0; i < H->n_segs; i++)
				if (H->segs[i].start <= (size_t)(hit - H->text))
					H->p_top = (int)i;
			H->p_top = H->p_top > 2 ? H->p_top - 2 : 0;
		}
	}
	return true;
}

static int pager_rows(struct tui *t) { return t->rows - 4; }

void minutes_pager_draw(struct tui *t, struct minutes_pager *H)
{
	char title[120];
	snprintf(title, sizeof title, " History: minutes of meeting %lld", (long long)H->minutes_of);
	draw_line(0, 0, title, t->cols, theme(C_TITLE));
	int w = t->cols - 4, rows = pager_rows(t);
	if (w != H->wrapped_cols)
		wrap_text(H, w > 10 ? w : 10);
	int last = (int)H->n_segs - rows;
	if (H->p_top > last)
		H->p_top = last > 0 ? last : 0;
	for (int r = 0; r < rows && (size_t)(H->p_top + r) < H->n_segs; r++) {
		const struct minutes_seg *sg = &H->segs[H->p_top + r];
		char *line = xstrndup(H->text + sg->start, sg->len);
		draw_text(2 + r, 2, line, w, theme(sg->heading ? C_HEADING : C_NORMAL));
		free(line);
	}
	snprintf(title, sizeof title,
		 " Up/Down PgUp/PgDn Home/End scroll  q back   rows %d-%d of %zu",
		 H->n_segs ? H->p_top + 1 : 0,
		 H->p_top + rows < (int)H->n_segs ? H->p_top + rows : (int)H->n_segs, H->n_segs);
	draw_line(t->rows - 1, 0, title, t->cols, theme(C_STATUS));
}

void minutes_pager_key(struct tui *t, struct minutes_pager *H, enum action a)
{
	int rows = pager_rows(t), last = (int)H->n_segs - rows;
	switch (a) {
	case ACT_UP: H->p_top--; break;
	case ACT_DOWN: H->p_top++; break;
	case ACT_PAGE_UP: H->p_top -= rows - 1; break;
	case ACT_PAGE_DOWN: H->p_top += rows - 1; break;
	case ACT_TOP: H->p_top = 0; break;
	case ACT_BOTTOM: H->p_top = last; break;
	default: break;
	}
	if (H->p_top > last)
		H->p_top = last;
	if (H->p_top < 0)
		H->p_top = 0;
}

void minutes_pager_free(struct minutes_pager *H)
{
	free(H->text);
	free(H->segs);
	memset(H, 0, sizeof *H);
}
