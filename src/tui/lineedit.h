/* lineedit.h - a one-line text editor over wide characters: cursor, insert,
 * delete, and horizontal scrolling by screen columns. */
#ifndef CXMEET_TUI_LINEEDIT_H
#define CXMEET_TUI_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

struct lineedit {
	wchar_t *buf;
	size_t len, cap;
	size_t cursor;
	size_t scroll; /* first character shown */
	size_t max_bytes;
	size_t bytes; /* the text's length in UTF-8, kept as it changes */
	/* The text was given, not typed: the first printable key replaces it
	 * (shown selected); a moving or deleting key edits it instead. */
	bool prefilled;
};

/* A field holding text (pre-filled: the first printable key replaces it). */
void le_init(struct lineedit *le, const char *text, size_t max_bytes);
void le_free(struct lineedit *le);
/* Handles an editing key; returns true if it used it. Sets *too_long when a
 * character was refused because the text is at its limit. */
bool le_key(struct lineedit *le, wint_t ch, bool is_key, bool *too_long);
/* Replaces the text (UTF-8), e.g. with what came back from an editor, as if
 * typed (not pre-filled); returns false when it was cut at the limit. */
bool le_set(struct lineedit *le, const char *text);
/* What to say when a key was refused at the limit: where the text was cut. */
void le_cut_message(const struct lineedit *le, char *buf, size_t len);
/* The text as UTF-8 (caller frees). */
char *le_text(const struct lineedit *le);
/* Draws the field at (y, x) in width columns; places the cursor if focused. */
void le_draw(struct lineedit *le, int y, int x, int width, bool focused);

#endif
