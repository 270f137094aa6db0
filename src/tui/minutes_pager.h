/* minutes_pager.h - a meeting's minutes read on screen, scrolled
 * (minutes_pager.c); the history view opens them from a meeting or a search
 * hit. */
#ifndef CXMEET_TUI_MINUTES_PAGER_H
#define CXMEET_TUI_MINUTES_PAGER_H

#include <stdbool.h>
#include <stddef.h>

#include "keymap.h"
#include "cxmeet/store.h"

struct tui;

/* One screen row of the minutes: a piece of a line of the text. */
struct minutes_seg {
	size_t start, len;
	bool heading;
};

struct minutes_pager {
	store_id minutes_of;
	char *text;
	struct minutes_seg *segs;
	size_t n_segs;
	int wrapped_cols; /* the width segs were cut for */
	int p_top;        /* the first row shown */
};

/* Reads the meeting's minutes into p, from the top; `find`, when not NULL,
 * is text to show first. False (the reason flashed) when they cannot be
 * read: p is then as it was. */
bool minutes_pager_open(struct tui *t, struct minutes_pager *p, store_id meeting,
			const char *find);
/* Draws the minutes over the whole screen, with their title and status line. */
void minutes_pager_draw(struct tui *t, struct minutes_pager *p);
/* Scrolls for the moving keys; any other action does nothing. */
void minutes_pager_key(struct tui *t, struct minutes_pager *p, enum action a);
void minutes_pager_free(struct minutes_pager *p);

#endif
