/* fileio.h - writing a whole file safely: private, never half-written. */
#ifndef CXMEET_FILEIO_H
#define CXMEET_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

/* Writes text to path with mode 0600 through a temporary file in the same
 * folder, renamed into place only when fully written and synced. An existing
 * file is refused unless force. Returns 0, or -1 with a message; *exists is
 * set when the refusal was because the file exists (may be NULL). */
int file_write_new(const char *path, const char *text, bool force, bool *exists, char *err,
		   size_t errlen);

/* Writes all n bytes to fd, retrying short writes; 0 or -1 (errno set). */
int file_write_all(int fd, const char *s, size_t n);

#endif
