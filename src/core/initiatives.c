/* initiatives.c - the council's initiatives, their milestones and their
 * reviews (initiatives.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/dates.h"
#include "cxmeet/initiatives.h"
#include "cxmeet/text.h"

const char *initiative_track_word(enum initiative_track t)
{
	static const char *const words[TRACK_COUNT] = {"on track", "off track", "done", "dropped"};
	return (unsigned)t < TRACK_COUNT ? words[t] : words[TRACK_ON];
}

const char *initiative_note_question(enum initiative_track t)
{
	return t == TRACK_OFF	  ? "What is in the way, and who can help?"
	       : t == TRACK_DROPPED ? "Why drop it?"
				    : NULL;
}

bool initiative_closed(enum initiative_track t) { return t == TRACK_DONE || t == TRACK_DROPPED; }

bool initiative_late(const struct initiative *in, cx_date today)
{
	return !initiative_closed(in->track) && in->due != DATE_NONE && in->due < today;
}

cx_date initiative_quarter_start(cx_date day)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	return date_from_ymd(y, (m - 1) / 3 * 3 + 1, 1);
}

void initiative_quarter(cx_date due, char *buf, size_t len)
{
	if (due == DATE_NONE) {
		snprintf(buf, len, "-");
		return;
	}
	int y, m, d;
	date_to_ymd(due, &y, &m, &d);
	snprintf(buf, len, "%d Q%d", y, (m - 1) / 3 + 1);
}

/* The checked copy of in: title cleaned (*key its folded form), an owner
 * and a due date, the department the owner's when none is given. */
static enum store_rc checked(struct store *st, const struct initiative *in, struct initiative *out,
			     char **key)
{
	char err[256];
	*out = *in;
	out->title = NULL;
	*key = NULL;
	if (!in->title || !*in->title)
		return store_refuse(st, STORE_INVALID, "an initiative needs a title");
	if (!(out->title = text_clean(in->title, TEXT_NAME, "title", err, sizeof err)))
		return store_refuse(st, STORE_INVALID, err);
	*key = text_fold(out->title);
	if (!in->person_id)
		return store_refuse(st, STORE_INVALID, "an initiative needs one owner");
	if (in->due == DATE_NONE)
		return store_refuse(st, STORE_INVALID, "an initiative needs a due date");
	struct person p;
	enum store_rc rc = store_person_get(st, in->person_id, &p);
	if (rc == STORE_NOTFOUND)
		return store_refuse(st, STORE_INVALID, "no such owner");
	if (rc != STORE_OK)
		return rc;
	if (!out->dept_id)
		out->dept_id = p.dept_id;
	person_free(&p);
	store_id found;
	rc = store_initiative_find(st, *key, &found);
	if (rc == STORE_OK && found != in->id)
		return store_refuse(st, STORE_DUPLICATE, "there is an initiative of that title already");
	return rc == STORE_NOTFOUND || rc == STORE_OK ? STORE_OK : rc;
}

enum store_rc initiative_add(struct store *st, const struct initiative *in, time_t at,
			     store_id *id)
{
	struct initiative kept;
	char *key;
	struct initiative fresh = *in;
	fresh.id = 0;
	fresh.track = TRACK_ON;
	enum store_rc rc = checked(st, &fresh, &kept, &key);
	if (rc == STORE_OK)
		rc = store_initiative_add(st, &kept, key, at, id);
	free(kept.title);
	free(key);
	return rc;
}

enum store_rc initiative_edit(struct store *st, const struct initiative *in)
{
	struct initiative kept;
	char *key;
	enum store_rc rc = checked(st, in, &kept, &key);
	if (rc == STORE_OK)
		rc = store_initiative_update(st, &kept, key);
	free(kept.title);
	free(key);
	return rc;
}

enum store_rc initiative_lookup(struct store *st, const char *ref, struct initiative *out)
{
	memset(out, 0, sizeof *out);
	const char *s = ref ? ref : "";
	if (*s == '#')
		s++;
	char *end;
	long long n = *s >= '0' && *s <= '9' ? strtoll(s, &end, 10) : 0;
	store_id id = 0;
	enum store_rc rc;
	if (n > 0 && *end == '\0') {
		id = (store_id)n;
	} else {
		char *key = text_fold(ref ? ref : "");
		rc = store_initiative_find(st, key, &id);
		free(key);
		if (rc != STORE_OK && rc != STORE_NOTFOUND)
			return rc;
	}
	rc = id ? store_initiative_get(st, id, out) : STORE_NOTFOUND;
	if (rc == STORE_NOTFOUND)
		return store_refuse(st, STORE_NOTFOUND, "no such initiative (its number or whole title)");
	return rc;
}

enum store_rc initiative_set_track(struct store *st, store_id id, enum initiative_track track,
				   const char *note, store_id meeting, time_t at)
{
	char err[256], *clean = NULL;
	if ((unsigned)track >= TRACK_COUNT)
		return store_refuse(st, STORE_INVALID, "unknown track (on, off, done or dropped)");
	if (note && *note && !(clean = text_clean(note, TEXT_SHORT, "note", err, sizeof err)))
		return store_refuse(st, STORE_INVALID, err);
	if (track == TRACK_OFF && !clean)
		return store_refuse(st, STORE_INVALID,
				    "off track needs a note: what is in the way, and what would help");
	if (track == TRACK_DROPPED && !clean)
		return store_refuse(st, STORE_INVALID, "dropping an initiative needs a reason");
	struct initiative in;
	enum store_rc rc = store_initiative_get(st, id, &in);
	if (rc == STORE_NOTFOUND)
		rc = store_refuse(st, STORE_NOTFOUND, "no such initiative");
	if (rc == STORE_OK) {
		initiative_free(&in);
		rc = store_initiative_review(st, id, track, clean, meeting, at);
	}
	free(clean);
	return rc;
}

enum store_rc initiative_milestone_add(struct store *st, store_id initiative, const char *title,
				       cx_date due, time_t at)
{
	char err[256];
	if (!title || !*title)
		return store_refuse(st, STORE_INVALID, "a milestone needs a title");
	char *clean = text_clean(title, TEXT_NAME, "milestone", err, sizeof err);
	if (!clean)
		return store_refuse(st, STORE_INVALID, err);
	struct initiative in;
	enum store_rc rc = store_initiative_get(st, initiative, &in);
	if (rc == STORE_NOTFOUND)
		rc = store_refuse(st, STORE_NOTFOUND, "no such initiative");
	store_id id;
	if (rc == STORE_OK) {
		initiative_free(&in);
		rc = store_milestone_add(st, initiative, clean, due, at, &id);
	}
	free(clean);
	return rc;
}

enum store_rc initiative_milestone_mark(struct store *st, store_id initiative, size_t nth,
					cx_date on)
{
	struct milestone *m;
	size_t n;
	enum store_rc rc = store_milestones(st, initiative, &m, &n);
	if (rc != STORE_OK)
		return rc;
	if (nth < 1 || nth > n)
		rc = store_refuse(st, STORE_NOTFOUND, n ? "no milestone of that number"
						      : "the initiative has no milestones");
	else
		rc = store_milestone_reach(st, m[nth - 1].id, on);
	milestones_free(m, n);
	return rc;
}
