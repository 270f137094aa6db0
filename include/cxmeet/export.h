/* export.h - the whole council's data for other tools: JSON (everything),
 * CSV (the items, one row each) and iCalendar (a to-do per open action and
 * the next meeting as an event). Reads through the store only; the output
 * goes to a sink a chunk at a time, so a long history is never held in
 * memory whole. */
#ifndef CXMEET_EXPORT_H
#define CXMEET_EXPORT_H

#include <stddef.h>
#include <time.h>

#include "cxmeet/output.h"
#include "cxmeet/store.h"

/* Receives the next n bytes of output; returns 0, or -1 to stop. */
typedef int (*export_sink)(void *ctx, const char *s, size_t n);

/* Writes the export in format f (OUT_JSON, OUT_CSV or OUT_ICS). `now` stamps
 * it (DTSTAMP, exported_at) and fixes "today" for the next meeting. Returns
 * STORE_OK, a store error, or STORE_ERROR when the sink refused (the sink's
 * context knows why). */
/* Told, every few thousand rows of the JSON export, how many of about how
 * many are written (a bar on a terminal); NULL: nobody. */
typedef void (*export_progress)(void *ctx, long done, long total);
void export_set_progress(export_progress fn, void *ctx);

/* Whether the JSON export's "tables" section holds store_tables[table]:
 * every table but a meeting's drafts (a running instance's, not data). */
bool export_table_included(size_t table);

enum store_rc export_write(struct store *st, enum out_format f, time_t now, export_sink sink,
			   void *ctx);

/* The scorecard as CSV: every value entered of every measure, archived ones
 * too, a row each (the measure, its kind, department, unit, target, the
 * better direction, how often it is read; the period, the value, on or off
 * track, when and by whom entered, whether a later entry corrected it),
 * the measures in the scorecard's order, the latest period first. */
enum store_rc export_scorecard_csv(struct store *st, export_sink sink, void *ctx);

/* iCalendar TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and
 * newline escaped; other control characters dropped; bytes that are not
 * UTF-8 become U+FFFD. */
void ics_text(struct strbuf *sb, const char *s);
/* Appends one content line folded at 75 octets (never inside a UTF-8
 * sequence), each physical line ended by CRLF. */
void ics_line(struct strbuf *sb, const char *line);

#endif
