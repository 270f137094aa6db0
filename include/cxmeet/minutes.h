/* minutes.h - a meeting's minutes as a Markdown document, for mail and the
 * wiki, or as JSON for other programs. Pure C over the store: no SQL, no curses. */
#ifndef CXMEET_MINUTES_H
#define CXMEET_MINUTES_H

#include "cxmeet/store.h"

/* Renders the meeting as Markdown into *out (caller frees). User text is
 * escaped so that it can never change the document's structure. On error *out
 * is NULL and store_errmsg() says why (STORE_NOTFOUND: no such meeting). */
enum store_rc minutes_markdown(struct store *st, store_id meeting, char **out);

/* The same minutes as one JSON object (caller frees): "meeting" (times,
 * status, rating), "agenda" (steps with planned and actual minutes),
 * "attendance" (by department, with the people present), "not_represented",
 * "items" (an array per kind, every field), "action_review" (changes made in
 * this meeting to earlier actions). Errors as minutes_markdown(). */
enum store_rc minutes_json(struct store *st, store_id meeting, char **out);

/* The file name the minutes are saved under by default, from the meeting's
 * local start date: "cx-council-2026-11-23.md". Caller frees. */
char *minutes_default_filename(const struct meeting *m);

#endif
