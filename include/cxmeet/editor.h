/* editor.h - editing long text in the user's $VISUAL / $EDITOR. */
#ifndef CXMEET_EDITOR_H
#define CXMEET_EDITOR_H

#include <stddef.h>

/* Writes `initial` (as text_printable makes it) to a private temporary file,
 * runs the editor on it and reads it back into *out (caller frees). Returns 0,
 * or -1 with err set when the editor could not be run or exited with an
 * error, or -2 with err set when the text is refused (it holds a NUL byte, or
 * is far too long); nothing is changed then. */
int editor_edit(const char *initial, char **out, char *err, size_t errlen);

#endif
