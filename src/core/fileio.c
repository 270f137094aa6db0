/* fileio.c - whole-file writes that never leave a half-written file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cxmeet/fileio.h"
#include "cxmeet/util.h"

static int write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

int file_write_new(const char *path, const char *text, bool force, bool *exists, char *err,
		   size_t errlen)
{
	struct stat sb;
	if (exists)
		*exists = false;
	if (!path || !*path) {
		errf(err, errlen, "no file name given");
		return -1;
	}
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			errf(err, errlen, "%s is a folder", path);
			return -1;
		}
		if (!force) {
			if (exists)
				*exists = true;
			errf(err, errlen, "%s already exists", path);
			return -1;
		}
	}
	char *tmp = xasprintf("%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp); /* mode 0600 */
	if (fd < 0) {
		errf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	int rc = write_all(fd, text, strlen(text));
	if (rc == 0)
		rc = fsync(fd);
	int saved = errno;
	if (close(fd) != 0 && rc == 0) {
		rc = -1;
		saved = errno;
	}
	if (rc == 0 && rename(tmp, path) != 0) {
		rc = -1;
		saved = errno;
	}
	if (rc != 0) {
		errf(err, errlen, "cannot write %s: %s; nothing was written", path, strerror(saved));
		unlink(tmp);
	}
	free(tmp);
	return rc;
}
