/* store_item.c - items, their links, their append-only event history and
 * full-text search. Every change to an item writes its event in the same
 * transaction, so the history can never disagree with the item. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

void read_item(sqlite3_stmt *s, void *elem)
{
	struct item *it = elem;
	it->id = col_id(s, 0);
	int kind = item_kind_parse((const char *)sqlite3_column_text(s, 1));
	it->kind = kind < 0 ? ITEM_NOTE : (enum item_kind)kind;
	it->text = col_text_or_empty(s, 2);
	it->detail = col_text(s, 3);
	it->rationale = col_text(s, 4);
	it->dept_id = col_id(s, 5);
	it->person_id = col_id(s, 6);
	it->due = col_date(s, 7);
	it->revisit = col_date(s, 8);
	it->superseded_by = col_id(s, 9);
	it->rank = sqlite3_column_int(s, 10);
	int status = item_status_parse((const char *)sqlite3_column_text(s, 11));
	it->status = status < 0 ? STATUS_OPEN : (enum item_status)status;
	it->consent = sqlite3_column_int(s, 12) != 0;
	it->meeting_id = col_id(s, 13);
	it->step_id = col_id(s, 14);
	it->created_at = col_time(s, 15);
	it->closed_at = col_time(s, 16);
	it->deleted_at = col_time(s, 17);
	it->dept_name = col_text(s, 18);
	it->person_name = col_text(s, 19);
	it->slips = sqlite3_column_int(s, 20);
	it->carried = sqlite3_column_int(s, 21);
}

void free_items(void *arr, size_t n) { item_list_free(arr, n); }

/* Cleans the item's texts in place (trimmed copies); STORE_INVALID on bad text. */
static enum store_rc clean_texts(struct store *st, const struct item *it, char **text,
				 char **detail, char **rationale)
{
	char err[256];
	*text = *detail = *rationale = NULL;
	if ((int)it->kind < 0 || it->kind >= ITEM_KIND_COUNT)
		return store_failf(st, STORE_INVALID, "unknown item kind");
	if (it->kind != ITEM_ACTION && it->due != DATE_NONE)
		return store_failf(st, STORE_INVALID, "only actions have a due date");
	*text = text_clean(it->text, TEXT_SHORT, "text", err, sizeof err);
	if (!*text)
		return store_failf(st, STORE_INVALID, "%s", err);
	if (it->detail && *it->detail &&
	    !(*detail = text_clean(it->detail, TEXT_LONG, "detail", err, sizeof err)))
		goto bad;
	if (it->rationale && *it->rationale &&
	    !(*rationale = text_clean(it->rationale, TEXT_LONG, "rationale", err, sizeof err)))
		goto bad;
	return STORE_OK;
bad:
	free(*text);
	free(*detail);
	*text = *detail = NULL;
	return store_failf(st, STORE_INVALID, "%s", err);
}

/* The item's row (STMT_ITEM_ADD), its texts as given: the one insert of an
 * item, for the one-row writer and the bulk writer alike. */
static enum store_rc item_insert(struct store *st, const struct item *it, const char *text,
				 const char *detail, const char *rationale, time_t at)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_ADD);
	bind_text(s, 1, item_kind_name(it->kind));
	bind_text(s, 2, text);
	bind_text(s, 3, detail);
	bind_text(s, 4, rationale);
	bind_id(s, 5, it->dept_id);
	bind_id(s, 6, it->person_id);
	bind_date(s, 7, it->due);
	bind_date(s, 8, it->revisit);
	bind_int(s, 9, it->rank);
	bind_text(s, 10, item_status_name(it->status));
	bind_int(s, 11, it->consent);
	bind_id(s, 12, it->meeting_id);
	bind_id(s, 13, it->step_id);
	bind_time(s, 14, at);
	return stmt_exec(st, s, "saving the item");
}

enum store_rc sqlite_item_add(struct store *st, struct item *it, time_t at)
{
	char *text, *detail, *rationale;
	enum store_rc rc = clean_texts(st, it, &text, &detail, &rationale);
	if (rc != STORE_OK)
		return rc;
	rc = tx_begin(st);
	if (rc != STORE_OK)
		goto out;
	rc = item_insert(st, it, text, detail, rationale, at);
	store_id id = rc == STORE_OK ? sqlite3_last_insert_rowid(SQ(st)->db) : 0;
	if (rc == STORE_OK)
		rc = event_add(st, id, EVENT_CREATED, at, it->meeting_id, NULL, NULL, NULL);
	rc = tx_end(st, rc);
	if (rc == STORE_OK) {
		it->id = id;
		it->created_at = at;
	}
out:
	free(text);
	free(detail);
	free(rationale);
	return rc;
}

enum store_rc sqlite_item_get(struct store *st, store_id id, struct item *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_GET);
	bind_id(s, 1, id);
	enum store_rc rc = stmt_row(st, s, "reading an item");
	if (rc == STORE_OK)
		read_item(s, out);
	else if (rc == STORE_NOTFOUND)
		store_failf(st, rc, "no item #%lld", (long long)id);
	sqlite3_reset(s);
	return rc;
}

static bool str_differs(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") != 0;
}

static char *date_text(cx_date d)
{
	char buf[16];
	if (d == DATE_NONE)
		return NULL;
	date_format(d, buf, sizeof buf);
	return xstrdup(buf);
}

/* The events an update implies: due moved, reassigned, and edited for the rest. */
static enum store_rc update_events(struct store *st, const struct item *old,
				   const struct item *new, const char *text, store_id meeting,
				   time_t at)
{
	enum store_rc rc = STORE_OK;
	if (old->due != new->due) {
		char *o = date_text(old->due), *n = date_text(new->due);
		rc = event_add(st, old->id, EVENT_DUE_MOVED, at, meeting, o, n, NULL);
		free(o);
		free(n);
	}
	if (rc == STORE_OK && old->person_id != new->person_id) {
		struct person p = {0};
		char *to = NULL;
		if (new->person_id && sqlite_person_get(st, new->person_id, &p) == STORE_OK)
			to = xstrdup(p.name);
		person_free(&p);
		rc = event_add(st, old->id, EVENT_REASSIGNED, at, meeting, old->person_name, to, NULL);
		free(to);
	}
	struct strbuf fields;
	sb_init(&fields);
	if (str_differs(old->text, text))
		sb_add(&fields, "text ");
	if (str_differs(old->detail, new->detail))
		sb_add(&fields, "detail ");
	if (str_differs(old->rationale, new->rationale))
		sb_add(&fields, "rationale ");
	if (old->dept_id != new->dept_id)
		sb_add(&fields, "department ");
	if (old->revisit != new->revisit)
		sb_add(&fields, "revisit ");
	if (old->rank != new->rank)
		sb_add(&fields, "rank ");
	if (old->consent != new->consent)
		sb_add(&fields, "consent ");
	if (rc == STORE_OK && fields.len > 0) {
		fields.s[fields.len - 1] = '\0';
		rc = event_add(st, old->id, EVENT_EDITED, at, meeting,
			       str_differs(old->text, text) ? old->text : NULL, fields.s, NULL);
	}
	sb_free(&fields);
	return rc;
}

enum store_rc sqlite_item_update(struct store *st, const struct item *it, store_id meeting,
				time_t at)
{
	struct item old;
	char *text, *detail, *rationale;
	enum store_rc rc = sqlite_item_get(st, it->id, &old);
	if (rc != STORE_OK)
		return rc;
	if (old.deleted_at) {
		item_free(&old);
		return store_failf(st, STORE_NOTFOUND, "item #%lld was deleted", (long long)it->id);
	}
	struct item want = *it;
	want.kind = old.kind;
	rc = clean_texts(st, &want, &text, &detail, &rationale);
	if (rc != STORE_OK) {
		item_free(&old);
		return rc;
	}
	want.detail = detail;
	want.rationale = rationale;
	rc = tx_begin(st);
	if (rc == STORE_OK) {
		sqlite3_stmt *s = stmt_get(st, STMT_ITEM_UPDATE);
		bind_text(s, 1, text);
		bind_text(s, 2, detail);
		bind_text(s, 3, rationale);
		bind_id(s, 4, it->dept_id);
		bind_id(s, 5, it->person_id);
		bind_date(s, 6, it->due);
		bind_date(s, 7, it->revisit);
		bind_int(s, 8, it->rank);
		bind_int(s, 9, it->consent);
		bind_time(s, 10, at);
		bind_id(s, 11, it->id);
		rc = stmt_update_one(st, s, "saving the item");
		if (rc == STORE_OK)
			rc = update_events(st, &old, &want, text, meeting, at);
		rc = tx_end(st, rc);
	}
	item_free(&old);
	free(text);
	free(detail);
	free(rationale);
	return rc;
}

static enum event_kind status_event(enum item_status to)
{
	switch (to) {
	case STATUS_DONE:
		return EVENT_DONE;
	case STATUS_DROPPED:
		return EVENT_DROPPED;
	case STATUS_CLOSED:
		return EVENT_CLOSED;
	default:
		return EVENT_REOPENED;
	}
}

enum store_rc sqlite_item_set_status(struct store *st, store_id id, enum item_status status,
				    const char *reason, store_id meeting, time_t at)
{
	struct item old;
	char err[256];
	char *why = NULL;
	enum store_rc rc = sqlite_item_get(st, id, &old);
	if (rc != STORE_OK)
		return rc;
	if (old.status == status) {
		item_free(&old);
		return store_failf(st, STORE_INVALID, "item #%lld is already %s", (long long)id,
				   item_status_name(status));
	}
	if (reason && *reason && !(why = text_clean(reason, TEXT_SHORT, "reason", err, sizeof err))) {
		item_free(&old);
		return store_failf(st, STORE_INVALID, "%s", err);
	}
	rc = tx_begin(st);
	if (rc == STORE_OK) {
		sqlite3_stmt *s = stmt_get(st, STMT_ITEM_SET_STATUS);
		bind_text(s, 1, item_status_name(status));
		bind_time(s, 2, at);
		bind_id(s, 3, id);
		rc = stmt_update_one(st, s, "changing the item's status");
		if (rc == STORE_OK)
			rc = event_add(st, id, status_event(status), at, meeting,
				       item_status_name(old.status), item_status_name(status), why);
		rc = tx_end(st, rc);
	}
	item_free(&old);
	free(why);
	return rc;
}

/* The bulk writer's changes (store.h): no transaction of their own (the bulk
 * write's), no read back, texts as given. */
enum store_rc sqlite_bulk_item_add(struct store *st, struct item *it, time_t at)
{
	if (!SQ(st)->bulk)
		return store_failf(st, STORE_ERROR, "a bulk item outside a bulk write");
	enum store_rc rc = item_insert(st, it, it->text, it->detail && *it->detail ? it->detail : NULL,
				       it->rationale && *it->rationale ? it->rationale : NULL, at);
	if (rc != STORE_OK)
		return rc;
	it->id = sqlite3_last_insert_rowid(SQ(st)->db);
	it->created_at = at;
	return event_add(st, it->id, EVENT_CREATED, at, it->meeting_id, NULL, NULL, NULL);
}

enum store_rc sqlite_bulk_item_status(struct store *st, store_id id, enum item_status from,
				     enum item_status to, const char *reason, store_id meeting,
				     time_t at)
{
	if (!SQ(st)->bulk)
		return store_failf(st, STORE_ERROR, "a bulk item outside a bulk write");
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_SET_STATUS);
	bind_text(s, 1, item_status_name(to));
	bind_time(s, 2, at);
	bind_id(s, 3, id);
	enum store_rc rc = stmt_exec(st, s, "changing the item's status");
	if (rc == STORE_OK)
		rc = event_add(st, id, status_event(to), at, meeting, item_status_name(from),
			       item_status_name(to), reason && *reason ? reason : NULL);
	return rc;
}

enum store_rc sqlite_bulk_item_due(struct store *st, store_id id, cx_date from, cx_date to,
				  store_id meeting, time_t at)
{
	if (!SQ(st)->bulk)
		return store_failf(st, STORE_ERROR, "a bulk item outside a bulk write");
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_SET_DUE);
	bind_date(s, 1, to);
	bind_time(s, 2, at);
	bind_id(s, 3, id);
	enum store_rc rc = stmt_exec(st, s, "moving the item's due date");
	if (rc == STORE_OK) {
		char o[16], n[16];
		date_format(from, o, sizeof o);
		date_format(to, n, sizeof n);
		rc = event_add(st, id, EVENT_DUE_MOVED, at, meeting, o, n, NULL);
	}
	return rc;
}

enum store_rc sqlite_item_supersede(struct store *st, store_id old_id, store_id new_id,
				   store_id meeting, time_t at)
{
	if (old_id == new_id)
		return store_failf(st, STORE_INVALID, "a decision cannot supersede itself");
	enum store_rc rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_SUPERSEDE);
	bind_id(s, 1, new_id);
	bind_time(s, 2, at);
	bind_id(s, 3, old_id);
	rc = stmt_update_one(st, s, "superseding a decision");
	if (rc == STORE_OK) {
		char *n = xasprintf("%lld", (long long)new_id);
		rc = event_add(st, old_id, EVENT_SUPERSEDED, at, meeting, NULL, n, NULL);
		free(n);
	}
	return tx_end(st, rc);
}

enum store_rc sqlite_item_carry(struct store *st, store_id id, store_id meeting, time_t at)
{
	return event_add(st, id, EVENT_CARRIED, at, meeting, NULL, NULL, NULL);
}

enum store_rc sqlite_item_delete(struct store *st, store_id id, store_id meeting, time_t at)
{
	enum store_rc rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_DELETE);
	bind_time(s, 1, at);
	bind_id(s, 2, id);
	rc = stmt_update_one(st, s, "deleting the item");
	if (rc == STORE_NOTFOUND)
		store_failf(st, rc, "no item #%lld, or it was already deleted", (long long)id);
	if (rc == STORE_OK)
		rc = event_add(st, id, EVENT_DELETED, at, meeting, NULL, NULL, NULL);
	return tx_end(st, rc);
}

enum store_rc sqlite_item_link(struct store *st, store_id from, store_id to, enum link_kind kind)
{
	if (from == to)
		return store_failf(st, STORE_INVALID, "an item cannot be linked to itself");
	sqlite3_stmt *s = stmt_get(st, STMT_LINK_ADD);
	bind_id(s, 1, from);
	bind_id(s, 2, to);
	bind_text(s, 3, link_kind_name(kind));
	bind_now(st, s, 4);
	enum store_rc rc = stmt_exec(st, s, "linking items");
	if (rc == STORE_INVALID)
		store_failf(st, rc, "both items must exist to be linked");
	return rc;
}

struct link_row {
	store_id other;
	enum link_kind kind;
};

static void read_link(sqlite3_stmt *s, void *elem)
{
	struct link_row *l = elem;
	l->other = col_id(s, 0);
	int k = link_kind_parse((const char *)sqlite3_column_text(s, 1));
	l->kind = k < 0 ? LINK_AROSE_FROM : (enum link_kind)k;
}

static void free_plain(void *arr, size_t n) { (void)n; free(arr); }

enum store_rc sqlite_item_links(struct store *st, store_id id, store_id **others,
			       enum link_kind **kinds, size_t *n)
{
	struct link_row *rows;
	sqlite3_stmt *s = stmt_get(st, STMT_LINK_LIST);
	bind_id(s, 1, id);
	enum store_rc rc = stmt_collect(st, s, (void **)&rows, n, sizeof *rows, read_link,
					free_plain, "reading links");
	if (rc != STORE_OK)
		return rc;
	*others = xcalloc(*n + 1, sizeof **others);
	*kinds = xcalloc(*n + 1, sizeof **kinds);
	for (size_t i = 0; i < *n; i++) {
		(*others)[i] = rows[i].other;
		(*kinds)[i] = rows[i].kind;
	}
	free(rows);
	return STORE_OK;
}

void read_item_event(sqlite3_stmt *s, void *elem)
{
	struct item_event *e = elem;
	e->id = col_id(s, 0);
	e->item_id = col_id(s, 1);
	int k = event_kind_parse((const char *)sqlite3_column_text(s, 2));
	e->kind = k < 0 ? EVENT_EDITED : (enum event_kind)k;
	e->at = col_time(s, 3);
	e->meeting_id = col_id(s, 4);
	e->by = col_text(s, 5);
	e->old_value = col_text(s, 6);
	e->new_value = col_text(s, 7);
	e->reason = col_text(s, 8);
}

static void free_events(void *arr, size_t n) { item_events_free(arr, n); }

enum store_rc sqlite_item_events(struct store *st, store_id id, struct item_event **out,
				size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_EVENT_LIST);
	bind_id(s, 1, id);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_item_event, free_events,
			    "reading the item's history");
}

enum store_rc sqlite_item_count(struct store *st, int kind, int64_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_COUNT);
	if (kind >= 0)
		bind_text(s, 1, item_kind_name((enum item_kind)kind));
	enum store_rc rc = stmt_row(st, s, "counting items");
	*n = rc == STORE_OK ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return rc;
}

enum store_rc sqlite_action_counts(struct store *st, cx_date today, store_id exclude,
				  int64_t *open, int64_t *overdue)
{
	sqlite3_stmt *s = stmt_get(st, STMT_ACTION_COUNTS);
	bind_date(s, 1, today);
	bind_int(s, 2, exclude);
	enum store_rc rc = stmt_row(st, s, "counting actions");
	*open = rc == STORE_OK ? sqlite3_column_int64(s, 0) : 0;
	*overdue = rc == STORE_OK ? sqlite3_column_int64(s, 1) : 0;
	sqlite3_reset(s);
	return rc;
}

/* The length of the separators at p (at least 1 when p is not at the end);
 * what separates words is core's rule (text_word_char). */
static size_t separator_len(const unsigned char *p, size_t len)
{
	size_t n = 0;
	while (n < len && text_word_char(p + n, len - n) == 0)
		n++;
	return n;
}

/* The terms of the full-text index in [lo, hi), read from the index's own
 * pages. fts5vocab lists them too, but counts the rows of every term it
 * passes: 9 ms for "customer" and "customers" at a million items, where the
 * terms alone are a page or two of each segment.
 *
 * FTS5's file format (documented in SQLite's fts5_index.c, kept stable
 * across versions): the structure record (items_fts_data row 10) lists
 * each segment's first and last leaf page; items_fts_idx holds, for each
 * leaf page on which a term begins, a key no greater than that term; a leaf
 * (row segid << 37 | page) starts with two big-endian 16-bit numbers, the
 * second the offset of its footer, which lists the offset of each term on
 * the page (the first from the page's start, the others from the previous
 * one). The first term on a page is written whole (length, bytes), the
 * others as the length they share with the one before, the length of the
 * rest and its bytes. Terms of the main index begin with '0', those of the
 * prefix indexes with '1' and on.
 *
 * At most `max` terms are put in out[] (each allocated), in order, without
 * repeats; a segment may still hold terms all of whose rows were deleted
 * later (no row matches them). Returns how many, max + 1 when there are
 * more, or -1 when the index is not as described (the caller asks
 * fts5vocab). */
#define FTS_PAGE_HEAD 4
static uint64_t fts_varint(const unsigned char *p, size_t n, size_t *at, bool *bad)
{
	uint64_t v = 0;
	for (int k = 0; k < 9; k++) {
		if (*at >= n) {
			*bad = true;
			return 0;
		}
		unsigned char c = p[(*at)++];
		if (k == 8)
			return v << 8 | c;
		v = v << 7 | (c & 0x7f);
		if (c < 0x80)
			return v;
	}
	return v;
}

struct fts_terms {
	char **t;
	int n, max;
	bool more;
	int in_segment; /* terms in the range met in the segment being read */
};

/* Adds term (without its index byte) to the sorted set. */
static void terms_add(struct fts_terms *ts, const unsigned char *term, size_t len)
{
	int i = 0, c = 1;
	for (; i < ts->n; i++) {
		size_t tl = strlen(ts->t[i]);
		c = memcmp(ts->t[i], term, tl < len ? tl : len);
		if (c == 0)
			c = tl < len ? -1 : tl > len ? 1 : 0;
		if (c >= 0)
			break;
	}
	if (i < ts->n && c == 0)
		return;
	if (ts->n == ts->max) {
		ts->more = true;
		if (i == ts->n)
			return;
		free(ts->t[--ts->n]); /* the greatest goes: the set stays the first max */
	}
	memmove(ts->t + i + 1, ts->t + i, (size_t)(ts->n - i) * sizeof *ts->t);
	ts->t[i] = xstrndup((const char *)term, len);
	ts->n++;
}

static int blob_cmp(const unsigned char *a, size_t an, const unsigned char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);
	return c ? c : an < bn ? -1 : an > bn ? 1 : 0;
}

/* The terms of one leaf page in [lo, hi) into ts; -1: malformed, 1: a term
 * at or past hi was seen (nothing further in the segment), 0: go on. A term
 * longer than the buffer is held cut, which orders it as whole against lo
 * and hi (shorter than the buffer); one in the range (a word searched is
 * shorter) or one sharing more than was held cannot be, and give -1. */
static int page_terms(const unsigned char *p, size_t n, const unsigned char *lo, size_t lon,
		      const unsigned char *hi, size_t hin, struct fts_terms *ts)
{
	if (!p || n < FTS_PAGE_HEAD)
		return -1;
	size_t foot = (size_t)p[2] << 8 | p[3], at = foot, off = 0;
	unsigned char term[2 * SEARCH_MAX_WORD + 4];
	size_t held = 0, full = 0;
	bool bad = false, first = true;
	if (foot > n)
		return -1;
	while (at < n) {
		off += fts_varint(p, n, &at, &bad);
		size_t q = off, keep = 0;
		if (bad || off >= foot)
			return -1;
		if (!first)
			keep = (size_t)fts_varint(p, foot, &q, &bad);
		size_t add = (size_t)fts_varint(p, foot, &q, &bad);
		if (bad || keep > held || add > foot - q)
			return -1;
		first = false;
		full = keep + add;
		held = full < sizeof term ? full : sizeof term;
		if (held > keep)
			memcpy(term + keep, p + q, held - keep);
		if (blob_cmp(term, held, hi, hin) >= 0)
			return 1;
		if (blob_cmp(term, held, lo, lon) >= 0) {
			if (held < full)
				return -1;
			terms_add(ts, term + 1, held - 1);
			if (++ts->in_segment > ts->max)
				return 1; /* the rest of the segment's come after these */
		}
	}
	return 0;
}

/* The leaf pages of segment `seg` (pages first..last) that may hold terms
 * in [lo, hi): the one whose key is the greatest not above lo, then every
 * later one whose key is below hi. */
static int segment_terms(struct store *st, int64_t seg, int64_t first, int64_t last,
			 const unsigned char *lo, size_t lon, const unsigned char *hi, size_t hin,
			 struct fts_terms *ts)
{
	sqlite3_stmt *fl = stmt_get(st, STMT_FTS_PAGE_FLOOR);
	sqlite3_stmt *nx = stmt_get(st, STMT_FTS_PAGES_NEXT);
	sqlite3_stmt *rd = stmt_get(st, STMT_FTS_PAGE);
	if (!fl || !nx || !rd)
		return -1;
	sqlite3_bind_int64(fl, 1, seg);
	sqlite3_bind_blob(fl, 2, lo, (int)lon, SQLITE_STATIC);
	int64_t page = first;
	unsigned char from[2 * SEARCH_MAX_WORD + 2];
	int fromn = 0, rc = sqlite3_step(fl);
	if (rc == SQLITE_ROW) {
		page = sqlite3_column_int64(fl, 0) >> 1;
		fromn = sqlite3_column_bytes(fl, 1);
		if (fromn > (int)sizeof from) {
			sqlite3_reset(fl);
			return -1;
		}
		if (fromn)
			memcpy(from, sqlite3_column_blob(fl, 1), (size_t)fromn);
	}
	sqlite3_reset(fl);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	if (page < first)
		page = first; /* a merge under way dropped the pages before first */
	sqlite3_bind_int64(nx, 1, seg);
	sqlite3_bind_blob(nx, 2, from, fromn, SQLITE_STATIC);
	sqlite3_bind_blob(nx, 3, hi, (int)hin, SQLITE_STATIC);
	int out = 0;
	ts->in_segment = 0;
	for (int64_t prev = 0; out == 0;) {
		if (page > prev && page <= last) {
			sqlite3_bind_int64(rd, 1, seg << 37 | page);
			if (sqlite3_step(rd) != SQLITE_ROW)
				out = -1;
			else
				out = page_terms(sqlite3_column_blob(rd, 0),
						 (size_t)sqlite3_column_bytes(rd, 0), lo, lon, hi, hin, ts);
			sqlite3_reset(rd);
			prev = page;
		}
		if (out != 0)
			break;
		rc = sqlite3_step(nx);
		if (rc != SQLITE_ROW) {
			out = rc == SQLITE_DONE ? 0 : -1;
			break;
		}
		page = sqlite3_column_int64(nx, 0) >> 1;
	}
	sqlite3_reset(nx);
	return out < 0 ? -1 : 0;
}

int fts_terms(struct store *st, const char *lo_word, const char *hi_word, char **out, int max)
{
	unsigned char lo[SEARCH_MAX_WORD + 2], hi[SEARCH_MAX_WORD + 2];
	size_t lon = strlen(lo_word), hin = strlen(hi_word);
	if (lon > SEARCH_MAX_WORD || hin > SEARCH_MAX_WORD)
		return -1;
	lo[0] = hi[0] = '0'; /* the main index */
	memcpy(lo + 1, lo_word, lon++);
	memcpy(hi + 1, hi_word, hin++);
	struct fts_terms ts = {.t = out, .max = max};
	int result = -1;
	sqlite3_stmt *s = stmt_get(st, STMT_FTS_STRUCTURE);
	if (!s)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 1) >= 4 &&
	    sqlite3_column_int(s, 1) <= 5) {
		const unsigned char *p = sqlite3_column_blob(s, 0);
		size_t n = (size_t)sqlite3_column_bytes(s, 0), at = 4;
		bool bad = n < 8 || memcmp(p + 4, "\xff\x00\x00\x01", 4) == 0; /* V2: not read */
		uint64_t levels = bad ? 0 : fts_varint(p, n, &at, &bad);
		fts_varint(p, n, &at, &bad); /* segments in all */
		fts_varint(p, n, &at, &bad); /* the write counter */
		/* the blob is the statement's until reset: the segments are read
		 * from a copy, as reading pages uses other statements */
		unsigned char *copy = bad ? NULL : xmalloc(n);
		if (copy)
			memcpy(copy, p, n);
		sqlite3_reset(s);
		result = bad ? -1 : 0;
		for (uint64_t l = 0; result == 0 && l < levels; l++) {
			fts_varint(copy, n, &at, &bad); /* segments being merged */
			uint64_t segs = fts_varint(copy, n, &at, &bad);
			for (uint64_t g = 0; !bad && result == 0 && g < segs; g++) {
				int64_t seg = (int64_t)fts_varint(copy, n, &at, &bad);
				int64_t first = (int64_t)fts_varint(copy, n, &at, &bad);
				int64_t last = (int64_t)fts_varint(copy, n, &at, &bad);
				if (!bad)
					result = segment_terms(st, seg, first, last, lo, lon, hi, hin, &ts);
			}
			if (bad)
				result = -1;
		}
		free(copy);
	} else {
		sqlite3_reset(s);
	}
	if (result < 0) {
		for (int i = 0; i < ts.n; i++)
			free(out[i]);
		return -1;
	}
	return ts.more ? max + 1 : ts.n;
}

/* The terms of the full-text index that begin with `word` (ASCII, more than
 * three characters), as an FTS5 group ("t1" OR "t2"...) appended to q; false
 * when there are none or too many to be worth it (the caller then asks for
 * the prefix). A prefix longer than the prefix index's (three characters)
 * made FTS5 merge the whole list of every term it begins before giving the
 * first row: 12 ms for "customer" at a million items, where the same terms
 * joined by OR are read newest first and stop at the page. */
#define FTS_EXPAND_MAX 16
static bool expand_prefix(struct store *st, const char *word, size_t len, struct strbuf *q)
{
	char lo[SEARCH_MAX_WORD + 1], hi[SEARCH_MAX_WORD + 1];
	if (len <= 3 || len > SEARCH_MAX_WORD)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)word[i];
		if (c >= 0x80)
			return false; /* folded by the tokenizer in ways not copied here */
		lo[i] = hi[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	lo[len] = hi[len] = '\0';
	hi[len - 1]++;
	char *terms[FTS_EXPAND_MAX];
	int n = fts_terms(st, lo, hi, terms, FTS_EXPAND_MAX);
	if (n < 0)
		n = fts_terms_vocab(st, lo, hi, terms, FTS_EXPAND_MAX);
	bool ok = n >= 1 && n <= FTS_EXPAND_MAX;
	if (ok) {
		struct strbuf g;
		sb_init(&g);
		for (int i = 0; i < n; i++) {
			sb_add(&g, i ? " OR \"" : "(\"");
			for (const char *t = terms[i]; *t; t++)
				sb_addf(&g, *t == '"' ? "\"\"" : "%c", *t);
			sb_add(&g, "\"");
		}
		sb_add(&g, ")");
		sb_add(q, g.s);
		sb_free(&g);
	}
	for (int i = 0; i < n && i < FTS_EXPAND_MAX; i++)
		free(terms[i]);
	return ok;
}

/* fts_terms from fts5vocab: the same terms (without those all of whose rows
 * were deleted), by reading every row of each. */
int fts_terms_vocab(struct store *st, const char *lo, const char *hi, char **out, int max)
{
	if (!SQ(st)->fts_vocab) {
		if (sqlite3_exec(SQ(st)->db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.cx_items_vocab"
				 " USING fts5vocab(main, items_fts, row)", NULL, NULL, NULL) != SQLITE_OK)
			return -1;
		SQ(st)->fts_vocab = true;
	}
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(SQ(st)->db, "SELECT term FROM temp.cx_items_vocab WHERE term >= ?1"
			       " AND term < ?2 LIMIT ?3", -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, hi, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, max + 1);
	int n = 0, rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == max) {
			n++;
			break;
		}
		out[n++] = xstrdup((const char *)sqlite3_column_text(s, 0));
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		for (int i = 0; i < n && i < max; i++)
			free(out[i]);
		return -1;
	}
	return n;
}

/* Builds the FTS5 query for what was typed: each word becomes a string in
 * double quotes ("..."), joined by AND (all must match); the last one, or
 * every one when every_prefix, is a prefix: followed by *, or the terms of
 * the index it begins when they are few (expand_prefix). Words hold only
 * letters, digits and non-ASCII characters, so no quote, operator or
 * parenthesis typed can reach FTS5's syntax. NULL when there is no word. */
/* What the database's content is now, as far as the index's terms go: a
 * change by this connection (total_changes) or by another (data_version). */
static int64_t content_stamp(struct store *st)
{
	int64_t stamp = sqlite3_total_changes64(SQ(st)->db) << 20;
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(SQ(st)->db, "PRAGMA data_version", -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		stamp += sqlite3_column_int64(s, 0);
	else
		stamp = -1;
	sqlite3_finalize(s);
	return stamp;
}

static char *fts_build(struct store *st, const char *in, bool every_prefix);

char *fts_words(struct store *st, const char *in, bool every_prefix)
{
	/* A list read a page at a time asks again for each page: the terms are
	 * looked up once for the same words, until the content changes. */
	const char *key = in ? in : "";
	int64_t stamp = content_stamp(st);
	struct fts_memo *m = &SQ(st)->fts_memo;
	if (stamp >= 0 && m->query && m->stamp == stamp && m->every_prefix == every_prefix &&
	    strcmp(m->words, key) == 0)
		return xstrdup(m->query);
	char *q = fts_build(st, in, every_prefix);
	if (q && stamp >= 0) {
		free(m->words);
		free(m->query);
		m->words = xstrdup(key);
		m->query = xstrdup(q);
		m->stamp = stamp;
		m->every_prefix = every_prefix;
	}
	return q;
}

static char *fts_build(struct store *st, const char *in, bool every_prefix)
{
	const unsigned char *p = (const unsigned char *)(in ? in : "");
	size_t len = strlen((const char *)p), at = 0;
	size_t starts[SEARCH_MAX_WORDS], ends[SEARCH_MAX_WORDS];
	int words = 0;
	while (words < SEARCH_MAX_WORDS) {
		at += separator_len(p + at, len - at);
		if (at >= len)
			break;
		size_t start = at, end = at, c;
		while (at < len && (c = text_word_char(p + at, len - at)) != 0) {
			if (at + c - start <= SEARCH_MAX_WORD) /* longer words are cut */
				end = at + c;
			at += c;
		}
		starts[words] = start;
		ends[words++] = end;
	}
	if (!words)
		return NULL;
	struct strbuf q;
	sb_init(&q);
	for (int w = 0; w < words; w++) {
		const char *word = (const char *)p + starts[w];
		size_t n = ends[w] - starts[w];
		bool prefix = every_prefix || w == words - 1;
		if (w)
			sb_add(&q, " AND ");
		if (!prefix || !expand_prefix(st, word, n, &q))
			sb_addf(&q, "\"%.*s\"%s", (int)n, word, prefix ? "*" : "");
	}
	return sb_take(&q);
}

enum store_rc sqlite_item_search(struct store *st, const char *query, size_t limit,
				struct item **out, size_t *n)
{
	char err[256];
	char *clean = text_clean(query, TEXT_SHORT, "search", err, sizeof err);
	if (!clean)
		return store_failf(st, STORE_INVALID, "%s", err);
	char *q = fts_words(st, clean, true);
	free(clean);
	if (!q)
		return store_failf(st, STORE_INVALID, "%s", FTS_NO_WORD);
	sqlite3_stmt *s = stmt_get(st, STMT_ITEM_SEARCH);
	bind_text(s, 1, q);
	bind_int(s, 2, (int64_t)limit);
	enum store_rc rc = stmt_collect(st, s, (void **)out, n, sizeof **out, read_item,
					free_items, "searching");
	free(q);
	return rc;
}

enum store_rc sqlite_meeting_items(struct store *st, store_id meeting, store_id step_id,
				  struct item **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_MEETING_ITEMS);
	bind_id(s, 1, meeting);
	bind_int(s, 2, step_id);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_item, free_items,
			    "reading the meeting's items");
}

static const struct page_part open_parts[] = {
	{ STMT_OPEN_NODUE_F, STMT_OPEN_NODUE_B, true, -1, 0 },
	{ STMT_OPEN_DUE_F, STMT_OPEN_DUE_B, true, 7, 0 },
};

static void bind_open(sqlite3_stmt *s, const void *ctx)
{
	bind_int(s, 1, *(const store_id *)ctx);
}

/* Open actions are read into plain items: their cursor is kept aside. */
struct open_action {
	struct item it;
	struct store_cursor after;
};

static void read_open(sqlite3_stmt *s, void *elem) { read_item(s, elem); }

static void free_open(void *arr, size_t n)
{
	struct open_action *a = arr;
	for (size_t i = 0; i < n; i++)
		item_free(&a[i].it);
	free(a);
}

enum store_rc sqlite_open_actions(struct store *st, store_id meeting,
				 const struct store_cursor *cur, size_t limit, struct item **out,
				 size_t *n)
{
	struct page_list l = {
		.parts = open_parts,
		.nparts = 2,
		.elem_size = sizeof(struct open_action),
		.at_off = offsetof(struct open_action, after),
		.bind = bind_open,
		.read = read_open,
		.free_list = free_open,
		.what = "reading open actions",
	};
	struct open_action *a;
	*out = NULL;
	*n = 0;
	if (limit == 0)
		return STORE_OK;
	enum store_rc rc = page_collect(st, &l, &meeting, cur, limit, (void **)&a, n);
	if (rc != STORE_OK || *n == 0) {
		free(a);
		return rc;
	}
	*out = xmalloc(*n * sizeof **out);
	for (size_t i = 0; i < *n; i++)
		(*out)[i] = a[i].it;
	free(a);
	return STORE_OK;
}

void store_open_action_cursor(const struct item *it, struct store_cursor *cur)
{
	memset(cur, 0, sizeof *cur);
	cur->set = true;
	cur->id = it->id;
	cur->part = it->due != DATE_NONE;
	if (it->due != DATE_NONE)
		date_format(it->due, cur->key, sizeof cur->key);
}

enum store_rc sqlite_open_parked(struct store *st, size_t limit, struct item **out, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_OPEN_PARKED);
	bind_int(s, 1, (int64_t)limit);
	return stmt_collect(st, s, (void **)out, n, sizeof **out, read_item, free_items,
			    "reading parked topics");
}

static void read_id(sqlite3_stmt *s, void *elem) { *(store_id *)elem = col_id(s, 0); }

enum store_rc sqlite_open_parked_ids(struct store *st, size_t limit, store_id **ids, size_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_OPEN_PARKED_IDS);
	bind_int(s, 1, limit ? (int64_t)limit : -1);
	return stmt_collect(st, s, (void **)ids, n, sizeof **ids, read_id, free_plain,
			    "reading parked topics");
}

enum store_rc sqlite_open_parked_count(struct store *st, int64_t *n)
{
	sqlite3_stmt *s = stmt_get(st, STMT_OPEN_PARKED_COUNT);
	enum store_rc rc = stmt_row(st, s, "counting parked topics");
	*n = rc == STORE_OK ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return rc;
}

enum store_rc sqlite_items_rerank(struct store *st, const store_id *ids, size_t n,
				 store_id meeting)
{
	enum store_rc rc = tx_begin(st);
	/* checked under the transaction's write lock, as the triggers check the rest */
	if (rc == STORE_OK && meeting && !sqlite_hold_mine(st, meeting))
		rc = hold_refused(st, "ranking topics");
	for (size_t i = 0; rc == STORE_OK && i < n; i++) {
		sqlite3_stmt *s = stmt_get(st, STMT_ITEM_SET_RANK);
		bind_int(s, 1, (int64_t)i + 1);
		bind_id(s, 2, ids[i]);
		rc = stmt_update_one(st, s, "ranking topics");
	}
	return tx_end(st, rc);
}

enum store_rc sqlite_carry_open_actions(struct store *st, store_id meeting, time_t at,
				       int64_t *carried)
{
	sqlite3_stmt *s = stmt_get(st, STMT_CARRY_OPEN);
	bind_time(s, 1, at);
	bind_id(s, 2, meeting);
	bind_text(s, 3, SQ(st)->actor);
	enum store_rc rc = stmt_exec(st, s, "carrying open actions");
	if (carried)
		*carried = rc == STORE_OK ? sqlite3_changes(SQ(st)->db) : 0;
	return rc;
}

