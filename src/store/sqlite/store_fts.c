/* store_fts.c - full-text search: the words typed made an FTS5 query (a
 * prefix expanded on the index's own terms when it is short), and the
 * items that hold them. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "cxmeet/util.h"

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
	/* The words as core's search_words gives them: one space apart. */
	const char *p = in ? in : "";
	size_t len = strlen(p), at = 0;
	size_t starts[SEARCH_MAX_WORDS], ends[SEARCH_MAX_WORDS];
	int words = 0;
	while (words < SEARCH_MAX_WORDS) {
		while (at < len && p[at] == ' ')
			at++;
		if (at >= len)
			break;
		starts[words] = at;
		while (at < len && p[at] != ' ')
			if (p[at++] == '"')
				return NULL; /* not words as search_words makes them */
		ends[words++] = at;
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
	char *q = fts_words(st, query, true);
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
