/* textarea.h - a text field of several rows over the one-line editor's text
 * (lineedit.h): the text wraps in place at word boundaries, by screen
 * columns (wide characters take two, combining marks none), and the cursor
 * moves across the wrapped rows. There are no hard line breaks: a paste's
 * line breaks become spaces, as in every field ($EDITOR keeps them). */
#ifndef CXMEET_TUI_TEXTAREA_H
#define CXMEET_TUI_TEXTAREA_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "lineedit.h"

/* The rows the text takes wrapped in width columns (at least 1; the cursor
 * at the end of a full row counts the row after it). */
int ta_rows(const struct lineedit *le, int width);
/* Handles an editing key for a field width columns wide: Up and Down move
 * the cursor a wrapped row, Home and End to the row's ends; every other key
 * is the one-line editor's (le_key). Returns false for a key it did not use,
 * Up on the first row and Down on the last among them (the form's to move
 * between fields). */
bool ta_key(struct lineedit *le, wint_t ch, bool is_key, int width, bool *too_long);
/* Draws the text wrapped over rows rows at (y, x), width columns wide; *top
 * (the first wrapped row shown) follows the cursor when focused, and is the
 * first row when not, a text longer than the rows then ending in "…".
 * Returns the rows of text in all (the caller says what is out of view). */
int ta_draw(struct lineedit *le, int y, int x, int width, int rows, int *top, bool focused);

#endif
