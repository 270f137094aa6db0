/* fuzz_cli.c - the command line: the input, split at newlines, is the argument
 * list after "cxmeet", run by cli_main in-process.
 *
 * It never touches the user's files: once per process it makes a private temp
 * dir, points CXMEET_DB, HOME, XDG_DATA_HOME and TMPDIR into it, makes it the
 * working directory, and sends stdout to /dev/null (so no command sees a
 * terminal); its stderr goes there too while cli_main runs, unless
 * FUZZ_CLI_STDERR is set (sanitizer reports still show). Arguments that could name a path outside it (containing '/' or
 * "..") are skipped, and so is `demo` (it writes years of history: too slow to
 * fuzz; tests/valgrind/valgrind_cli.sh covers it). Every run starts from a copy
 * of a database made once by `init`, so a run does not depend on the ones
 * before it. $VISUAL is `true`: `charter set N` runs it and changes nothing. */
#include <dirent.h>
#include <ftw.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

/* From the sanitizer runtime, when there is one. */
extern void __sanitizer_set_report_fd(void *fd) __attribute__((weak));

#include "cxmeet/cli.h"
#include "cxmeet/dates.h"
#include "fuzz_common.h"

#define MAX_ARGS 24

static char base[4096];     /* the private temp dir */
static int saved_stderr = -1; /* the real stderr while cli_main runs */
static int null_fd = -1;
static char work[4096];     /* the working directory, emptied before each run */
static char template[4096]; /* the database after `cxmeet init` */

static void copy_file(const char *from, const char *to)
{
	int in = open(from, O_RDONLY);
	int out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (in < 0 || out < 0)
		abort();
	char buf[65536];
	ssize_t n;
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n)
			abort();
	close(in);
	close(out);
}

/* Removes what the last run left in the working directory (flat files, and
 * directories one level deep). */
static void empty_work(void)
{
	DIR *d = opendir(work);
	if (!d)
		abort();
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (unlinkat(dirfd(d), e->d_name, 0) != 0)
			(void)unlinkat(dirfd(d), e->d_name, AT_REMOVEDIR);
	}
	closedir(d);
}

static int run(int argc, char **argv)
{
	optind = 0; /* a fresh getopt for every run (GNU) */
	opterr = 0;
	return cli_main(argc, argv);
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	(void)remove(path);
	return 0;
}

/* At exit (libFuzzer exits normally after -runs or -max_total_time), the temp
 * dir goes. */
static void remove_base(void)
{
	if (base[0] && chdir("/") == 0)
		nftw(base, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void setup_once(void)
{
	const char *t = getenv("TMPDIR");
	snprintf(base, sizeof base, "%s/cxmeet-fuzz-cli.XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(base))
		abort();
	snprintf(work, sizeof work, "%s/work", base);
	snprintf(template, sizeof template, "%s/template.db", base);
	char home[4200], db[4200];
	snprintf(home, sizeof home, "%s/home", base);
	snprintf(db, sizeof db, "%s/cxmeet.db", work);
	if (mkdir(work, 0700) != 0 || mkdir(home, 0700) != 0)
		abort();
	setenv("HOME", home, 1);
	setenv("XDG_DATA_HOME", home, 1);
	setenv("CXMEET_DB", db, 1);
	setenv("TMPDIR", base, 1);
	setenv("VISUAL", "true", 1);
	setenv("EDITOR", "true", 1);
	setenv("TZ", "UTC", 1);
	setenv("CXMEET_NOW", "2026-11-23T10:00:00Z", 1);
	char err[256];
	if (clock_init(err, sizeof err) != 0)
		abort();
	if (chdir(work) != 0)
		abort();
	null_fd = open("/dev/null", O_WRONLY);
	if (null_fd < 0 || dup2(null_fd, STDOUT_FILENO) < 0)
		abort();
	if (!getenv("FUZZ_CLI_STDERR")) {
		saved_stderr = dup(STDERR_FILENO);
		if (saved_stderr < 0)
			abort();
		if (__sanitizer_set_report_fd)
			__sanitizer_set_report_fd((void *)(intptr_t)saved_stderr);
	}
	char *init_argv[] = {"cxmeet", "--db", template, "init", "--org", "Fuzz Co", NULL};
	if (run(6, init_argv) != 0)
		abort();
	atexit(remove_base);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	if (!ready) {
		setup_once();
		ready = true;
	}
	if (size > 2048)
		return 0;
	char *s = fuzz_cstr(data, size);
	char *argv[MAX_ARGS + 2] = {"cxmeet"};
	int argc = 1;
	bool skip = false;
	for (char *p = s; argc <= MAX_ARGS;) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		/* no file outside the work folder, no long demo, and no server:
		 * a database argument naming one (service=NAME; the URIs hold a
		 * '/') is refused with exit status 4, as documented */
		if (strchr(p, '/') || strstr(p, "..") || strcmp(p, "demo") == 0 ||
		    strstr(p, "service="))
			skip = true;
		argv[argc++] = p;
		if (!nl)
			break;
		p = nl + 1;
	}
	argv[argc] = NULL;
	if (!skip) {
		empty_work();
		copy_file(template, getenv("CXMEET_DB"));
		if (saved_stderr >= 0)
			dup2(null_fd, STDERR_FILENO);
		int rc = run(argc, argv);
		if (saved_stderr >= 0) {
			fflush(stderr);
			dup2(saved_stderr, STDERR_FILENO);
		}
		/* 11: a council named that the file does not have (--council, -c),
		 * as documented for a misspelt name */
		FUZZ_CHECK(rc == 0 || rc == 1 || rc == 2 || rc == 11, "exit status %d", rc);
		fflush(stdout);
		clearerr(stdout);
	}
	free(s);
	return 0;
}
