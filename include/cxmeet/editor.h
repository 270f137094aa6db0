/* editor.h - long text from outside the command line: the user's $VISUAL /
 * $EDITOR, or standard input. */
#ifndef CXMEET_EDITOR_H
#define CXMEET_EDITOR_H

#include <stddef.h>

/* Writes `initial` (as text_printable makes it) to a private temporary file,
 * runs the editor on it and reads it back into *out (caller frees). Returns 0,
 * or -1 with err set when the editor could not be run or exited with an
 * error, or -2 with err set when the text is refused (it holds a NUL byte, or
 * is far too long); nothing is changed then. Without a terminal on standard
 * input no editor is started: -2, saying so. */
int editor_edit(const char *initial, char **out, char *err, size_t errlen);
/* Reads the whole of standard input into *out (caller frees), with the same
 * limits and return values as editor_edit. */
int editor_read_stdin(char **out, char *err, size_t errlen);

#endif
