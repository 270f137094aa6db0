/* progress.h - the one line that tells how far long work is, on stderr when
 * it is a terminal (nothing otherwise): a count of a known total with a bar,
 * the rate and the time left, or, for work of unknown length, the time taken
 * so far. Every progress line of the command line is drawn here. */
#ifndef CXMEET_PROGRESS_H
#define CXMEET_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct progress {
	bool on;    /* stderr is a terminal */
	bool shown; /* a line is on the screen */
	const char *what, *unit; /* "writing the history", "weeks" */
	struct timespec start, last;
};

/* The line for `done` of `total` units after `seconds`, fitted in `cols`
 * columns (what, a bar, the percentage, the count, the rate and the time
 * left; the bar shrinks, then goes, on a narrow screen):
 * "cxmeet: writing the history [####......]  40% 208/520 weeks, 410 weeks/s, 1 s left". */
void progress_format(char *buf, size_t size, int cols, const char *what, const char *unit,
		     long done, long total, double seconds);

/* Starts a count; draws nothing yet. */
void progress_begin(struct progress *p, const char *what, const char *unit);
/* Tells the count: drawn at most ten times a second, and at the last unit. */
void progress_count(struct progress *p, long done, long total);
/* Work of unknown length (store_set_progress): "cxmeet: WHAT... N s"; NULL
 * what clears the line. */
void progress_time(const char *what, double seconds);
/* Clears the line, when one was drawn. */
void progress_end(struct progress *p);

#endif
