/* measure.c - runs one program for the benchmark and says what it cost:
 *
 *   bench_measure OUT ERR LIMIT_S PROGRAM [ARG...]
 *
 * PROGRAM runs with its standard output to OUT and its error to ERR (standard
 * input as given), in a process group of its own, stopped whole after LIMIT_S
 * seconds. One line on standard output: wall time (us, from fork to exit),
 * CPU time (us, user + system), exit status (124 when stopped, 128 + N when
 * killed by signal N) and peak RSS (KiB), all of PROGRAM and its children.
 *
 * The figures are the program's own: this process is small and forks it
 * before anything else runs, so neither its start nor its size is counted
 * (an interpreter's child, or GNU time started from one, counts a
 * millisecond or two of its own per run: a tenth of a 10 ms report). */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t expired;

static void on_alarm(int sig)
{
	(void)sig;
	expired = 1;
}

static long long us_since(const struct timespec *a)
{
	struct timespec b;
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (long long)(b.tv_sec - a->tv_sec) * 1000000 + (b.tv_nsec - a->tv_nsec) / 1000;
}

int main(int argc, char **argv)
{
	if (argc < 5) {
		fprintf(stderr, "usage: bench_measure OUT ERR LIMIT_S PROGRAM [ARG...]\n");
		return 2;
	}
	int out = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	int err = open(argv[2], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	double limit = atof(argv[3]);
	if (out < 0 || err < 0 || limit <= 0) {
		perror("bench_measure");
		return 2;
	}
	struct sigaction sa = {.sa_handler = on_alarm};
	sigaction(SIGALRM, &sa, NULL);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid < 0) {
		perror("bench_measure: fork");
		return 2;
	}
	if (pid == 0) {
		setpgid(0, 0);
		dup2(out, 1);
		dup2(err, 2);
		execvp(argv[4], argv + 4);
		_exit(127);
	}
	setpgid(pid, pid);
	struct itimerval it = {.it_value = {.tv_sec = (time_t)limit,
					    .tv_usec = (suseconds_t)((limit - (double)(time_t)limit) * 1e6)}};
	setitimer(ITIMER_REAL, &it, NULL);
	int status;
	struct rusage ru;
	bool killed = false;
	for (;;) {
		if (wait4(pid, &status, 0, &ru) == pid)
			break;
		if (errno != EINTR) {
			perror("bench_measure: wait");
			return 2;
		}
		if (expired && !killed) {
			kill(-pid, SIGKILL);
			killed = true;
		}
	}
	long long wall = us_since(&t0);
	struct itimerval off = {0};
	setitimer(ITIMER_REAL, &off, NULL);
	if (killed) /* the rest of its group, if any outlived it */
		kill(-pid, SIGKILL);
	int rc = killed ? 124
		 : WIFSIGNALED(status) ? 128 + WTERMSIG(status)
				       : WEXITSTATUS(status);
	long long cpu = (long long)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000 +
			ru.ru_utime.tv_usec + ru.ru_stime.tv_usec;
	printf("%lld %lld %d %ld\n", wall, cpu, rc, ru.ru_maxrss);
	return 0;
}
