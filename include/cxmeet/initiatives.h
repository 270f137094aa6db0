/* initiatives.h - the council's CX initiatives: a quarter's work with one
 * owner, a department, a due date and a track (on track, off track, done,
 * dropped), its milestones, and a review kept each time its track is given,
 * in a meeting or between meetings. The rules are here, once, for the
 * command line, the meeting's step and every export. */
#ifndef CXMEET_INITIATIVES_H
#define CXMEET_INITIATIVES_H

#include <stdbool.h>
#include <stddef.h>

#include "cxmeet/store.h"

/* "on track", "off track", "done", "dropped" (initiative_track_name, of
 * records.h, is the stored name). */
const char *initiative_track_word(enum initiative_track t);
/* The question a track's note answers when the track needs one: off track
 * ("What is in the way, and who can help?"), dropped ("Why drop it?");
 * NULL for a track that needs none. */
const char *initiative_note_question(enum initiative_track t);
/* Done or dropped: closed, kept with its history. */
bool initiative_closed(enum initiative_track t);
/* Open and due before today. */
bool initiative_late(const struct initiative *in, cx_date today);
/* "2026 Q4": the quarter an initiative is due in. */
void initiative_quarter(cx_date due, char *buf, size_t len);
/* The first day of the quarter holding day. */
cx_date initiative_quarter_start(cx_date day);

/* Adds an initiative (its track TRACK_ON): the title cleaned and not taken
 * by another, an owner and a due date required, the department the owner's
 * when none is given. STORE_INVALID or STORE_DUPLICATE with the reason. */
enum store_rc initiative_add(struct store *st, const struct initiative *in, time_t at,
			     store_id *id);
/* Writes title, department, owner and due date of in->id, as checked by
 * initiative_add. */
enum store_rc initiative_edit(struct store *st, const struct initiative *in);
/* The initiative `ref` names: its number ("3", "#3") or its whole title
 * (any case). STORE_NOTFOUND with the reason when none. */
enum store_rc initiative_lookup(struct store *st, const char *ref, struct initiative *out);
/* Reviews initiative id: gives it `track`, with a note (the reason; required
 * off track: what is in the way), in meeting (0: between meetings). */
enum store_rc initiative_set_track(struct store *st, store_id id, enum initiative_track track,
				   const char *note, store_id meeting, time_t at);
/* Adds a milestone (its title cleaned; due DATE_NONE: none). */
enum store_rc initiative_milestone_add(struct store *st, store_id initiative, const char *title,
				       cx_date due, time_t at);
/* Marks milestone number nth (from 1, in the order added) of an initiative
 * reached on `on`, or not reached (on DATE_NONE). */
enum store_rc initiative_milestone_mark(struct store *st, store_id initiative, size_t nth,
					cx_date on);

#endif
