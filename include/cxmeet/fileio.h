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

/* The same in steps, for output too large to hold in memory: file_begin
 * opens the temporary file (0 or -1 with a message), file_append writes to it
 * (a failure is remembered and reported by file_finish), file_finish installs
 * it as file_write_new does and file_abort removes it. Either of the last two
 * ends the write and frees f. */
struct file_new {
	int fd;
	char *tmp, *path;
	bool force;
	bool direct; /* an existing device or pipe, written into, never replaced */
	int failed; /* errno of the first failed append */
};
int file_begin(struct file_new *f, const char *path, bool force, char *err, size_t errlen);
int file_append(struct file_new *f, const char *s, size_t n);
int file_finish(struct file_new *f, bool *exists, char *err, size_t errlen);
void file_abort(struct file_new *f);

/* path as another terminal, in another folder, would name the same file:
 * from the root when it is a file's relative path that resolves; as given
 * otherwise (a server's address, a file gone). Caller frees. */
char *file_path_absolute(const char *path);

/* Writes all n bytes to fd, retrying short writes; 0 or -1 (errno set). */
int file_write_all(int fd, const char *s, size_t n);

#endif
