/* progress.c - the progress line of long work on a terminal's stderr (see
 * progress.h): drawn over itself with a carriage return, the rest of the
 * line cleared, fitted to the terminal's width so that it never wraps. */
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cxmeet/progress.h"

#define BAR_MAX 40 /* cells of the bar at most */
#define BAR_MIN 10 /* fewer: no bar */

static int term_cols(void)
{
	struct winsize ws;
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

static double since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* "12 s", "3 min 05 s" */
static void duration(char *buf, size_t size, double seconds)
{
	long s = seconds < 0 ? 0 : (long)(seconds + 0.5);
	if (s < 100)
		snprintf(buf, size, "%ld s", s);
	else
		snprintf(buf, size, "%ld min %02ld s", s / 60, s % 60);
}

void progress_format(char *buf, size_t size, int cols, const char *what, const char *unit,
		     long done, long total, double seconds)
{
	if (size == 0)
		return;
	if (total < 1)
		total = 1;
	if (done < 0)
		done = 0;
	if (done > total)
		done = total;
	int percent = (int)(done * 100 / total);
	double rate = seconds > 0 ? (double)done / seconds : 0;
	char left[32], tail[160];
	if (rate > 0)
		duration(left, sizeof left, (double)(total - done) / rate);
	else
		snprintf(left, sizeof left, "?");
	/* The count and the rate keep their width, so that the bar does not
	 * change length from one drawing to the next. */
	char digits[24];
	int dw = snprintf(digits, sizeof digits, "%ld", total);
	snprintf(tail, sizeof tail, "%3d%% %*ld/%ld %s, %5.0f %s/s, %s left", percent, dw, done,
		 total, unit, rate, unit, left);
	int widest = snprintf(NULL, 0, "%3d%% %*ld/%ld %s, %5.0f %s/s, %s left", 100, dw, total,
			      total, unit, rate, unit, "99 min 59 s");
	char head[128];
	snprintf(head, sizeof head, "cxmeet: %s ", what);
	/* The bar takes what is left of the line (less one column, so that the
	 * cursor never sits past the last one), at most BAR_MAX cells. */
	int room = cols - 1 - (int)strlen(head) - widest - 3;
	int cells = room > BAR_MAX ? BAR_MAX : room;
	char bar[BAR_MAX + 4] = "";
	if (cells >= BAR_MIN) {
		int full = (int)((long)cells * done / total);
		bar[0] = '[';
		for (int i = 0; i < cells; i++)
			bar[1 + i] = i < full ? '#' : '.';
		bar[1 + cells] = ']';
		bar[2 + cells] = ' ';
		bar[3 + cells] = '\0';
	}
	snprintf(buf, size, "%s%s%s", head, bar, tail);
	/* A screen narrower still: the line is cut (ASCII but for `what`, which
	 * is ours and ASCII too). */
	if (cols > 1 && strlen(buf) > (size_t)cols - 1)
		buf[cols - 1] = '\0';
}

static void draw(const char *line)
{
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
}

void progress_begin(struct progress *p, const char *what, const char *unit)
{
	memset(p, 0, sizeof *p);
	p->on = isatty(STDERR_FILENO);
	p->what = what;
	p->unit = unit;
	clock_gettime(CLOCK_MONOTONIC, &p->start);
}

void progress_count(struct progress *p, long done, long total)
{
	if (!p->on)
		return;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (p->shown && done < total && since(&p->last, &now) < 0.1)
		return;
	char line[512];
	progress_format(line, sizeof line, term_cols(), p->what, p->unit, done, total,
			since(&p->start, &now));
	draw(line);
	p->shown = true;
	p->last = now;
}

void progress_time(const char *what, double seconds)
{
	if (!what) {
		draw("");
		return;
	}
	char line[512], taken[32];
	duration(taken, sizeof taken, seconds);
	snprintf(line, sizeof line, "cxmeet: %s... %s", what, taken);
	int cols = term_cols();
	if (cols > 1 && strlen(line) > (size_t)cols - 1)
		line[cols - 1] = '\0';
	draw(line);
}

void progress_end(struct progress *p)
{
	if (p->on && p->shown)
		draw("");
	p->shown = false;
}
