/* editor.c - long text from outside the command line: $VISUAL or $EDITOR
 * (else vi) run on a private temporary file, or standard input. */
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

/* Reads f whole: `what` names the text in messages ("the edited text"). */
static char *read_stream(FILE *f, const char *what, bool *bad_input, char *err, size_t errlen)
{
	struct strbuf sb;
	sb_init(&sb);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (sb.len + n > TEXT_MAX_LONG + 4096) {
			errf(err, errlen, "%s is too long (at most %d bytes); nothing was changed",
			     what, TEXT_MAX_LONG);
			*bad_input = true;
			sb_free(&sb);
			return NULL;
		}
		sb_addn(&sb, buf, n);
	}
	if (ferror(f)) {
		errf(err, errlen, "cannot read %s: %s; nothing was changed", what, strerror(errno));
		sb_free(&sb);
		return NULL;
	}
	/* A NUL byte would silently cut the text short where it stands. */
	if (sb.len > 0 && memchr(sb.s, '\0', sb.len)) {
		errf(err, errlen, "%s contains a NUL byte (at byte %zu); nothing was changed",
		     what, (size_t)((char *)memchr(sb.s, '\0', sb.len) - sb.s) + 1);
		sb_free(&sb);
		*bad_input = true;
		return NULL;
	}
	return sb.s ? sb_take(&sb) : xstrdup("");
}

static char *read_file(const char *path, bool *bad_input, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		errf(err, errlen, "cannot read back the edited text: %s", strerror(errno));
		return NULL;
	}
	char *text = read_stream(f, "the edited text", bad_input, err, errlen);
	fclose(f);
	return text;
}

int editor_read_stdin(char **out, char *err, size_t errlen)
{
	bool bad_input = false;
	*out = read_stream(stdin, "the text on standard input", &bad_input, err, errlen);
	return *out ? 0 : bad_input ? -2 : -1;
}

int editor_edit(const char *initial, char **out, char *err, size_t errlen)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		/* An editor draws on its standard output: redirected, it would
		 * write its screen into the file, and wait for keys blind. */
		errf(err, errlen, "no text given, and standard %s is not a terminal, so no "
		     "editor was started; give the text, or '-' to read it from standard "
		     "input; nothing was changed", isatty(STDIN_FILENO) ? "output" : "input");
		return -2;
	}
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
