/* demo.h - a realistic, deterministic synthetic history for trying cxmeet out,
 * for screenshots and for benchmarks. */
#ifndef CXMEET_DEMO_H
#define CXMEET_DEMO_H

#include <stdint.h>
#include <time.h>

#include "cxmeet/store.h"

#define DEMO_MAX_YEARS 100 /* about a million items */

struct demo_stats {
	int64_t departments;
	int64_t people;
	int64_t meetings;
	int64_t items;
	int64_t events;
};

/* Told, after each week of the history, how many of the `total` weeks are
 * written (the full-text index is built after the last one). */
typedef void (*demo_progress_fn)(int done, int total, void *ctx);

/* Writes `years` of weekly meetings ending at `now` into a database that has no
 * meetings yet, in one transaction. The same seed writes the same history.
 * progress may be NULL. */
enum store_rc demo_generate(struct store *st, int years, uint64_t seed, time_t now,
			    struct demo_stats *stats, demo_progress_fn progress, void *ctx);

#endif
