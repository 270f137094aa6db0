/* fileio.c - whole-file writes that never leave a half-written file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cxmeet/fileio.h"
#include "cxmeet/store.h"
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

int file_begin(struct file_new *f, const char *path, bool force, char *err, size_t errlen)
{
	memset(f, 0, sizeof *f);
	f->fd = -1;
	if (!path || !*path) {
		errf(err, errlen, "no file name given");
		return -1;
	}
	struct stat sb;
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		errf(err, errlen, "%s is a folder", path);
		return -1;
	}
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		/* A device or a pipe (/dev/stdout, a fifo) is written into: renamed
		 * over, /dev/null or /dev/full would become a plain file. */
		f->fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY);
		if (f->fd < 0) {
			errf(err, errlen, "cannot write %s: %s", path, strerror(errno));
			return -1;
		}
		f->path = xstrdup(path);
		f->direct = true;
		return 0;
	}
	const char *slash = strrchr(path, '/');
	int dir_len = slash ? (int)(slash - path + 1) : 0;
	f->tmp = xasprintf("%.*s.cxmeet-XXXXXX", dir_len, path);
	f->fd = mkstemp(f->tmp); /* mode 0600 */
	if (f->fd < 0) {
		errf(err, errlen, "cannot write in the folder of %s: %s", path, strerror(errno));
		free(f->tmp);
		f->tmp = NULL;
		return -1;
	}
	f->path = xstrdup(path);
	f->force = force;
	return 0;
}

int file_append(struct file_new *f, const char *s, size_t n)
{
	if (f->fd < 0 || f->failed)
		return -1;
	if (file_write_all(f->fd, s, n) != 0) {
		f->failed = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

void file_abort(struct file_new *f)
{
	if (f->fd >= 0)
		close(f->fd);
	if (f->tmp)
		unlink(f->tmp);
	free(f->tmp);
	free(f->path);
	memset(f, 0, sizeof *f);
	f->fd = -1;
}

int file_finish(struct file_new *f, bool *exists, char *err, size_t errlen)
{
	bool dummy;
	exists = exists ? exists : &dummy;
	*exists = false;
	if (f->fd < 0) {
		errf(err, errlen, "no file is open");
		return -1;
	}
	int rc = f->failed ? (errno = f->failed, -1) : f->direct ? 0 : fsync(f->fd);
	int saved = errno;
	if (f->direct) {
		close(f->fd);
		f->fd = -1;
		if (rc != 0)
			errf(err, errlen, "cannot write %s: %s", f->path, strerror(saved));
		file_abort(f);
		return rc;
	}
	if (close(f->fd) != 0 && rc == 0)
		rc = -1, saved = errno;
	f->fd = -1;
	if (rc == 0 && (rc = install(f->tmp, f->path, f->force, exists)) != 0)
		saved = errno;
	if (rc == 0)
		sync_folder(f->path);
	else if (*exists)
		errf(err, errlen, "%s already exists", f->path);
	else
		errf(err, errlen, "cannot write %s: %s; nothing was written", f->path,
		     strerror(saved));
	if (rc == 0) {
		free(f->tmp);
		f->tmp = NULL;
	}
	file_abort(f);
	return rc;
}

int file_write_new(const char *path, const char *text, bool force, bool *exists, char *err,
		   size_t errlen)
{
	struct file_new f;
	if (exists)
		*exists = false;
	if (file_begin(&f, path, force, err, errlen) != 0)
		return -1;
	file_append(&f, text, strlen(text));
	return file_finish(&f, exists, err, errlen);
}

char *file_path_absolute(const char *path)
{
	if (!path || !*path || path[0] == '/' || store_names_server(path))
		return xstrdup(path ? path : "");
	char *full = realpath(path, NULL);
	return full ? full : xstrdup(path);
}
