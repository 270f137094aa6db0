/* editor.c - runs $VISUAL or $EDITOR (else vi) on a private temporary file. */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cxmeet/editor.h"
#include "cxmeet/fileio.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

static char *read_file(const char *path, bool *bad_input, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		errf(err, errlen, "cannot read back the edited text: %s", strerror(errno));
		return NULL;
	}
	struct strbuf sb;
	sb_init(&sb);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (sb.len + n > TEXT_MAX_LONG + 4096) {
			errf(err, errlen, "the edited text is too long (at most %d bytes); nothing "
			     "was changed", TEXT_MAX_LONG);
			*bad_input = true;
			fclose(f);
			sb_free(&sb);
			return NULL;
		}
		sb_addn(&sb, buf, n);
	}
	fclose(f);
	/* A NUL byte would silently cut the text short where it stands. */
	if (sb.len > 0 && memchr(sb.s, '\0', sb.len)) {
		errf(err, errlen, "the edited text contains a NUL byte (at byte %zu); nothing was "
		     "changed", (size_t)((char *)memchr(sb.s, '\0', sb.len) - sb.s) + 1);
		sb_free(&sb);
		*bad_input = true;
		return NULL;
	}
	return sb_take(&sb);
}

int editor_edit(const char *initial, char **out, char *err, size_t errlen)
{
	const char *editor = getenv("VISUAL");
	if (!editor || !*editor)
		editor = getenv("EDITOR");
	if (!editor || !*editor)
		editor = "vi";
	const char *tmp = getenv("TMPDIR");
	char *path = xasprintf("%s/cxmeet-XXXXXX.md", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemps(path, 3); /* mode 0600 */
	if (fd < 0) {
		errf(err, errlen, "cannot create a temporary file: %s", strerror(errno));
		free(path);
		return -1;
	}
	/* The editor shows the text on the terminal: what was stored behind the
	 * program's back comes with U+FFFD for what is unsafe, as in any output. */
	char *seed = text_printable(initial ? initial : "");
	int rc = file_write_all(fd, seed, strlen(seed));
	free(seed);
	close(fd);
	if (rc != 0) {
		errf(err, errlen, "cannot write a temporary file: %s", strerror(errno));
		unlink(path);
		free(path);
		return -1;
	}
	/* The shell splits $EDITOR as users expect ("code --wait"); the file is $1. */
	pid_t pid = fork();
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", "exec $0 \"$1\"", editor, path, (char *)NULL);
		_exit(127);
	}
	int status = 0;
	if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		errf(err, errlen, "the editor '%s' failed (exit %d); nothing was changed", editor,
		     pid > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		unlink(path);
		free(path);
		return -1;
	}
	bool bad_input = false;
	*out = read_file(path, &bad_input, err, errlen);
	unlink(path);
	free(path);
	return *out ? 0 : bad_input ? -2 : -1;
}
