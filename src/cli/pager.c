/* pager.c - long output to a terminal goes through a pager, as git's does:
 * $CXMEET_PAGER, else $PAGER, else "less -FRX" (with LESS=FRX when LESS is
 * unset), run by `sh -c` with the command's stdout as its input. It starts at
 * the first byte the command writes to stdout (a command that writes a file
 * starts none), never when stdout is not a terminal or with --no-pager, and
 * is waited for at the end. The pager quitting before the end is no error:
 * the command stops writing and its exit status stands. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cxmeet/cli.h"

static struct cli *wanted; /* the run that pages once it writes */
static volatile pid_t pager_pid; /* the running pager, else 0 */
static int saved_stdout = -1;    /* the terminal, while stdout is the pipe */
static struct sigaction old_pipe, old_int, old_term, old_hup;

static const char *pager_command(void)
{
	const char *p = getenv("CXMEET_PAGER");
	if (!p)
		p = getenv("PAGER");
	if (!p)
		p = "less -FRX";
	/* Empty or cat: printed directly, as git does. */
	if (!*p || strcmp(p, "cat") == 0)
		return NULL;
	return p;
}

/* Killed while the pager runs: the terminal goes back to the shell only once
 * the pager has read what it was given and ended. */
static void on_signal(int sig)
{
	int e = errno;
	if (saved_stdout >= 0)
		dup2(saved_stdout, STDOUT_FILENO); /* the pager reads its end of input */
	if (pager_pid > 0)
		while (waitpid(pager_pid, NULL, 0) < 0 && errno == EINTR) {
		}
	errno = e;
	signal(sig, SIG_DFL);
	raise(sig);
}

void cli_pager_want(struct cli *cli)
{
	if (cli->no_pager || !isatty(STDOUT_FILENO) || !pager_command())
		return;
	wanted = cli;
}

void cli_pager_begin(void)
{
	struct cli *cli = wanted;
	int fd[2];
	if (!cli)
		return;
	wanted = NULL;
	const char *cmd = pager_command();
	if (!cmd || pipe(fd) != 0)
		return; /* printed directly */
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return;
	}
	if (pid == 0) {
		dup2(fd[0], STDIN_FILENO);
		close(fd[0]);
		close(fd[1]);
		setenv("LESS", "FRX", 0);
		setenv("LV", "-c", 0);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fd[0]);
	saved_stdout = dup(STDOUT_FILENO);
	dup2(fd[1], STDOUT_FILENO);
	close(fd[1]);
	pager_pid = pid;
	cli->pager = true;
	struct sigaction ign = {.sa_handler = SIG_IGN}, sa = {.sa_handler = on_signal};
	sigemptyset(&ign.sa_mask);
	sigemptyset(&sa.sa_mask);
	sigaction(SIGPIPE, &ign, &old_pipe); /* EPIPE: the pager has quit */
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);
}

int cli_pager_end(struct cli *cli, int rc)
{
	wanted = NULL;
	if (!cli->pager)
		return rc;
	fflush(stdout);
	dup2(saved_stdout, STDOUT_FILENO); /* the pager reads the end of its input */
	close(saved_stdout);
	int status = 0;
	pid_t pid = pager_pid;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
	}
	pager_pid = 0;
	saved_stdout = -1;
	sigaction(SIGPIPE, &old_pipe, NULL);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	cli->pager = false;
	clearerr(stdout);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		cli_report("cannot run the pager '%s'", pager_command());
		return rc ? rc : EXIT_RUNTIME;
	}
	return rc;
}
