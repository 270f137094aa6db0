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

int file_write_all(int fd, const char *s, size_t n)
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

/* Makes the new name itself durable: the folder's entry is synced too. */
static void sync_folder(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Moves the finished temporary file to path. Without force, link() refuses an
 * existing path atomically; where links are not supported, a check has to do. */
static int install(const char *tmp, const char *path, bool force, bool *exists)
{
	if (!force) {
		if (link(tmp, path) == 0)
			return unlink(tmp), 0;
		if (errno == EEXIST)
			return *exists = true, -1;
		if (errno != EPERM && errno != ENOTSUP && errno != EOPNOTSUPP && errno != EMLINK &&
		    errno != ENOSYS)
			return -1;
		if (access(path, F_OK) == 0)
			return *exists = true, -1;
	}
	return rename(tmp, path);
}

int file_write_new(const char *path, const char *text, bool force, bool *exists, char *err,
		   size_t errlen)
{
	bool dummy;
	exists = exists ? exists : &dummy;
	*exists = false;
	if (!path || !*path) {
		errf(err, errlen, "no file name given");
		return -1;
	}
	struct stat sb;
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		errf(err, errlen, "%s is a folder", path);
		return -1;
	}
	const char *slash = strrchr(path, '/');
	int dir_len = slash ? (int)(slash - path + 1) : 0;
	char *tmp = xasprintf("%.*s.cxmeet-XXXXXX", dir_len, path);
	int fd = mkstemp(tmp); /* mode 0600 */
	if (fd < 0) {
		errf(err, errlen, "cannot write in the folder of %s: %s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	int rc = file_write_all(fd, text, strlen(text));
	if (rc == 0)
		rc = fsync(fd);
	if (close(fd) != 0)
		rc = -1;
	if (rc == 0)
		rc = install(tmp, path, force, exists);
	if (rc == 0)
		sync_folder(path);
	if (rc != 0) {
		int saved = errno;
		unlink(tmp);
		if (*exists)
			errf(err, errlen, "%s already exists", path);
		else
			errf(err, errlen, "cannot write %s: %s; nothing was written", path,
			     strerror(saved));
	}
	free(tmp);
	return rc;
}
