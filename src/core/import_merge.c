/* import_merge.c - `cxmeet import --merge`: the rows of an export, of this
 * database or of any other, matched with the store's by what they are. For
 * each table, parents first (store_tables), the store's rows are read once
 * into a hash of their natural key (store_table.same, references being the
 * store's numbers); each row of the file then has its references mapped to
 * the store's numbers (by the maps of the tables before), and is the
 * store's row of the same key (kept: the store's values win) or a new one,
 * given a number the store allots (store_table_ids) and, for a column
 * numbering a council's rows (a meeting's seq), the next after the store's
 * highest. A key met by several rows is matched row for row, so that the
 * same file merged twice adds nothing and no row is taken twice.
 * Memory: per row of the table read, its number and two hashes; per row of
 * a table others refer to, its number in the file and in the store. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/store.h"
#include "cxmeet/util.h"
#include "import_merge.h"

#define MAX_COLS 32
#define MAX_SAME 8
/* Numbers asked of the store at once: the first time, then twice as many. */
#define FIRST_BLOCK 256
#define LAST_BLOCK 65536

/* A number of the file and the store's number for the same row; kept when
 * the store held the row before (the file's row matched one of its). */
struct idmap {
	int64_t from, to;
	bool kept;
};

struct map {
	struct idmap *v;
	size_t n, cap;
	bool sorted;
};

/* A table's description (store_table's lists) resolved to indexes. */
struct tinfo {
	int ref[MAX_COLS];            /* the table a column refers to, or -1 */
	bool ref_renumber[MAX_COLS];  /* ... to its renumbered column, not its id */
	int same[MAX_SAME], nsame;
	int also[MAX_SAME], nalso; /* id_also */
	int same_or_id, renumber, one_true;
	bool has_id;
	bool referenced, renumber_referenced;
	struct map ids, nums;
};

/* A row of the store's table being merged. */
struct dbrow {
	int64_t id, num;
	uint64_t key, rel; /* the natural key's hash; without same_or_id */
	bool used;
};

struct merge {
	struct store *st;
	struct tinfo *ti;
	size_t table;
	const struct store_table *t;
	struct dbrow *rows;
	size_t nrows, cap;
	uint32_t *slots; /* open addressing on key: a row's index + 1 */
	size_t mask;
	int64_t top_num;    /* the store's highest of the renumbered column */
	bool have_true;     /* the store has a row whose one_true column is true */
	bool running;       /* a meeting in progress (meetings) */
	int status_col;     /* meetings.status, else -1 */
	/* item_events: a "superseded" event's new_value is the number of the
	 * decision that superseded it (store_item's supersede), mapped as a
	 * reference to items; -1 in another table */
	int event_col, value_col, items_table;
	int64_t *ids;       /* numbers given by the store, idpos the next */
	size_t nids, idpos, block;
};

static int col_index(const struct store_table *t, const char *name, size_t len)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (strlen(t->cols[c].name) == len && memcmp(t->cols[c].name, name, len) == 0)
			return (int)c;
	die("store_tables: %s has no column %.*s", t->name, (int)len, name);
}

static int table_index(const char *name, size_t len)
{
	for (size_t i = 0; i < store_table_count; i++)
		if (strlen(store_tables[i].name) == len &&
		    memcmp(store_tables[i].name, name, len) == 0)
			return (int)i;
	die("store_tables: no table %.*s", (int)len, name);
}

/* The next word of a list parted by spaces: its start, *len its length. */
static const char *word(const char **p, size_t *len)
{
	while (**p == ' ')
		(*p)++;
	const char *w = *p;
	while (**p && **p != ' ')
		(*p)++;
	*len = (size_t)(*p - w);
	return *len ? w : NULL;
}

static int named(const struct store_table *t, const char *name)
{
	return name ? col_index(t, name, strlen(name)) : -1;
}

static void describe(struct merge *m)
{
	for (size_t i = 0; i < store_table_count; i++) {
		const struct store_table *t = &store_tables[i];
		struct tinfo *ti = &m->ti[i];
		if (t->ncols > MAX_COLS)
			die("store_tables: %s has too many columns to merge", t->name);
		for (int c = 0; c < MAX_COLS; c++)
			ti->ref[c] = -1;
		ti->has_id = !t->one_row && strcmp(t->cols[0].name, "id") == 0;
		ti->referenced = t->late >= 0; /* its late column refers to its rows */
		ti->same_or_id = named(t, t->same_or_id);
		ti->renumber = named(t, t->renumber);
		ti->one_true = named(t, t->one_true);
		const char *p = t->same ? t->same : "";
		size_t len;
		for (const char *w; (w = word(&p, &len));) {
			if (ti->nsame == MAX_SAME)
				die("store_tables: %s has too long a key", t->name);
			ti->same[ti->nsame++] = col_index(t, w, len);
		}
		p = t->id_also ? t->id_also : "";
		for (const char *w; (w = word(&p, &len));) {
			if (ti->nalso == MAX_SAME)
				die("store_tables: %s has too long an id_also", t->name);
			ti->also[ti->nalso++] = col_index(t, w, len);
		}
		p = t->refs ? t->refs : "";
		for (const char *w; (w = word(&p, &len));) {
			const char *eq = memchr(w, '=', len);
			if (!eq)
				die("store_tables: %s: %.*s", t->name, (int)len, w);
			int c = col_index(t, w, (size_t)(eq - w));
			const char *to = eq + 1, *dot = memchr(to, '.', (size_t)(w + len - to));
			int target = table_index(to, (size_t)((dot ? dot : w + len) - to));
			ti->ref[c] = target;
			if (dot) {
				const struct store_table *tt = &store_tables[target];
				size_t clen = (size_t)(w + len - dot - 1);
				if (tt->renumber == NULL || col_index(tt, dot + 1, clen) !=
								    col_index(tt, tt->renumber,
									      strlen(tt->renumber)))
					die("store_tables: %s refers to %.*s", t->name, (int)len, w);
				ti->ref_renumber[c] = true;
			}
		}
	}
	for (size_t i = 0; i < store_table_count; i++)
		for (size_t c = 0; c < store_tables[i].ncols; c++) {
			struct tinfo *ti = &m->ti[i];
			if (ti->ref[c] < 0)
				continue;
			if (ti->ref_renumber[c])
				m->ti[ti->ref[c]].renumber_referenced = true;
			else
				m->ti[ti->ref[c]].referenced = true;
		}
}

struct merge *merge_new(struct store *st)
{
	struct merge *m = xcalloc(1, sizeof *m);
	m->st = st;
	m->ti = xcalloc(store_table_count, sizeof *m->ti);
	m->status_col = m->event_col = m->value_col = m->items_table = -1;
	describe(m);
	return m;
}

void merge_free(struct merge *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < store_table_count; i++) {
		free(m->ti[i].ids.v);
		free(m->ti[i].nums.v);
	}
	free(m->ti);
	free(m->rows);
	free(m->slots);
	free(m->ids);
	free(m);
}

/* --- hashes ----------------------------------------------------------------- */

/* A value added to a hash in one spelling whatever the backend (a real
 * number written as 2.5 or 2.50 is the same). */
static uint64_t hash_add(uint64_t h, const char *v, enum store_col_kind k)
{
	char num[40];
	if (v && k == SCOL_REAL) {
		snprintf(num, sizeof num, "%.17g", strtod(v, NULL));
		v = num;
	}
	if (!v)
		return (h ^ 0xff) * 0x100000001b3ULL * 31;
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	return (h ^ 0xfe) * 0x100000001b3ULL;
}

/* The hash of a row's natural key, without the column skip (-1: none). */
static uint64_t key_of(const struct tinfo *ti, const struct store_table *t,
		       const char *const *v, int skip)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (int i = 0; i < ti->nsame; i++)
		if (ti->same[i] != skip)
			h = hash_add(h, v[ti->same[i]], t->cols[ti->same[i]].kind);
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 33);
}

/* The hash a row's number is matched with (same_or_id): its natural key
 * without that column, and its id_also columns. */
static uint64_t rel_of(const struct tinfo *ti, const struct store_table *t,
		       const char *const *v)
{
	uint64_t h = key_of(ti, t, v, ti->same_or_id);
	for (int i = 0; i < ti->nalso; i++)
		h = hash_add(h, v[ti->also[i]], t->cols[ti->also[i]].kind);
	return h;
}

/* --- maps ------------------------------------------------------------------- */

static void map_add(struct map *mp, int64_t from, int64_t to, bool kept)
{
	if (mp->n == mp->cap) {
		mp->cap = mp->cap ? 2 * mp->cap : 256;
		mp->v = xrealloc(mp->v, mp->cap * sizeof *mp->v);
	}
	if (mp->n && mp->v[mp->n - 1].from >= from)
		mp->sorted = false;
	mp->v[mp->n++] = (struct idmap){from, to, kept};
}

static int idmap_cmp(const void *a, const void *b)
{
	const struct idmap *x = a, *y = b;
	return x->from < y->from ? -1 : x->from > y->from;
}

/* Sorted for map_get; false when a number is in it twice (a file giving
 * two rows one number), *dup that number. */
static bool map_sort(struct map *mp, int64_t *dup)
{
	if (mp->sorted || mp->n == 0) /* an empty map has no array to sort */
		return true;
	qsort(mp->v, mp->n, sizeof *mp->v, idmap_cmp);
	mp->sorted = true;
	for (size_t i = 1; i < mp->n; i++)
		if (mp->v[i].from == mp->v[i - 1].from) {
			*dup = mp->v[i].from;
			return false;
		}
	return true;
}

static const struct idmap *map_find(const struct map *mp, int64_t from)
{
	struct idmap want = {from, 0, false};
	if (mp->n == 0)
		return NULL;
	return bsearch(&want, mp->v, mp->n, sizeof *mp->v, idmap_cmp);
}

static bool map_get(const struct map *mp, int64_t from, int64_t *to)
{
	const struct idmap *hit = map_find(mp, from);
	if (hit)
		*to = hit->to;
	return hit != NULL;
}

static void set_number(char **cell, int64_t v)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%" PRId64, v);
	free(*cell);
	*cell = xstrdup(buf);
}

/* --- the store's rows ------------------------------------------------------- */

static bool is(const char *v, const char *want)
{
	return v && strcmp(v, want) == 0;
}

static void db_row(const char *const *v, void *ctx)
{
	struct merge *m = ctx;
	const struct tinfo *ti = &m->ti[m->table];
	if (m->nrows == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 256;
		m->rows = xrealloc(m->rows, m->cap * sizeof *m->rows);
	}
	struct dbrow *r = &m->rows[m->nrows++];
	r->id = ti->has_id && v[0] ? strtoll(v[0], NULL, 10) : 0;
	r->num = ti->renumber >= 0 && v[ti->renumber] ? strtoll(v[ti->renumber], NULL, 10) : 0;
	if (r->num > m->top_num)
		m->top_num = r->num;
	r->key = key_of(ti, m->t, v, -1);
	r->rel = ti->same_or_id >= 0 ? rel_of(ti, m->t, v) : 0;
	r->used = false;
	if (ti->one_true >= 0 && is(v[ti->one_true], "1"))
		m->have_true = true;
	if (m->status_col >= 0 && is(v[m->status_col], "in_progress"))
		m->running = true;
}

static int dbrow_id_cmp(const void *a, const void *b)
{
	const struct dbrow *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

enum store_rc merge_table_begin(struct merge *m, size_t table)
{
	m->table = table;
	m->t = &store_tables[table];
	m->nrows = 0;
	m->top_num = 0;
	m->have_true = m->running = false;
	m->nids = m->idpos = m->block = 0;
	m->status_col = strcmp(m->t->name, "meetings") == 0 ? named(m->t, "status") : -1;
	bool events = strcmp(m->t->name, "item_events") == 0;
	m->event_col = events ? named(m->t, "event") : -1;
	m->value_col = events ? named(m->t, "new_value") : -1;
	m->items_table = events ? table_index("items", 5) : -1;
	enum store_rc rc = store_table_rows(m->st, table, 0, db_row, m, NULL);
	if (rc != STORE_OK)
		return rc;
	/* in the store's key order, by number for a table that has one; the
	 * order a server gives is checked, not trusted */
	if (m->ti[table].has_id)
		for (size_t i = 1; i < m->nrows; i++)
			if (m->rows[i - 1].id > m->rows[i].id) {
				qsort(m->rows, m->nrows, sizeof *m->rows, dbrow_id_cmp);
				break;
			}
	size_t size = 16;
	while (size < 2 * m->nrows)
		size *= 2;
	free(m->slots);
	m->slots = xcalloc(size, sizeof *m->slots);
	m->mask = size - 1;
	for (size_t i = 0; i < m->nrows; i++) {
		size_t s = m->rows[i].key & m->mask;
		while (m->slots[s])
			s = (s + 1) & m->mask;
		m->slots[s] = (uint32_t)(i + 1);
	}
	return STORE_OK;
}

/* The first row of the store not matched yet whose key is key. */
static struct dbrow *find_key(struct merge *m, uint64_t key)
{
	for (size_t s = key & m->mask; m->slots[s]; s = (s + 1) & m->mask) {
		struct dbrow *r = &m->rows[m->slots[s] - 1];
		if (r->key == key && !r->used)
			return r;
	}
	return NULL;
}

static struct dbrow *find_id(struct merge *m, int64_t id)
{
	struct dbrow want = {.id = id};
	if (m->nrows == 0)
		return NULL;
	return bsearch(&want, m->rows, m->nrows, sizeof *m->rows, dbrow_id_cmp);
}

/* --- the file's rows -------------------------------------------------------- */

bool merge_wants_ids(const struct merge *m)
{
	return m->ti[m->table].has_id && m->idpos == m->nids;
}

static enum store_rc next_id(struct merge *m, int64_t *id)
{
	if (m->idpos == m->nids) {
		m->block = m->block ? m->block * 2 : FIRST_BLOCK;
		if (m->block > LAST_BLOCK)
			m->block = LAST_BLOCK;
		m->ids = xrealloc(m->ids, m->block * sizeof *m->ids);
		m->nids = m->idpos = 0;
		enum store_rc rc = store_table_ids(m->st, m->table, m->block, m->ids);
		if (rc != STORE_OK)
			return rc;
		m->nids = m->block;
	}
	*id = m->ids[m->idpos++];
	return STORE_OK;
}

enum merge_rc merge_row(struct merge *m, char **row, enum store_rc *rc, char *msg,
			size_t msglen)
{
	const struct store_table *t = m->t;
	struct tinfo *ti = &m->ti[m->table];
	int64_t file_id = 0;
	if (ti->has_id) {
		if (!row[0]) {
			snprintf(msg, msglen, "a row of %s without its number (id)", t->name);
			return MERGE_REFUSED;
		}
		file_id = strtoll(row[0], NULL, 10);
	}
	/* an event of an item the store held before the merge: the store's
	 * record of the item, its state and its history, wins as a whole */
	bool of_kept_item = false;
	for (size_t c = 0; c < t->ncols; c++) {
		if (ti->ref[c] < 0 || (int)c == t->late || !row[c])
			continue;
		struct tinfo *to = &m->ti[ti->ref[c]];
		int64_t v = strtoll(row[c], NULL, 10), mapped;
		if (ti->ref_renumber[c]) {
			/* a number no row of the file has (0: before the first
			 * meeting) is kept as it is */
			if (map_get(&to->nums, v, &mapped))
				set_number(&row[c], mapped);
			continue;
		}
		const struct idmap *hit = map_find(&to->ids, v);
		if (!hit) {
			snprintf(msg, msglen, "%s.%s refers to a row of %s (number %" PRId64
				 ") that the file does not hold", t->name, t->cols[c].name,
				 store_tables[ti->ref[c]].name, v);
			return MERGE_REFUSED;
		}
		if (m->event_col >= 0 && ti->ref[c] == m->items_table)
			of_kept_item = hit->kept;
		set_number(&row[c], hit->to);
	}
	if (m->event_col >= 0 && is(row[m->event_col], "superseded") && row[m->value_col]) {
		/* a number the file's items do not have is left as it is */
		char *end;
		int64_t v = strtoll(row[m->value_col], &end, 10), mapped;
		if (*end == '\0' && end != row[m->value_col] &&
		    map_get(&m->ti[m->items_table].ids, v, &mapped))
			set_number(&row[m->value_col], mapped);
	}
	const char *const *vals = (const char *const *)row;
	struct dbrow *hit = NULL;

	if (ti->same_or_id >= 0 && ti->has_id) {
		struct dbrow *r = find_id(m, file_id);
		if (r && !r->used && r->rel == rel_of(ti, t, vals))
			hit = r;
	}
	if (!hit)
		hit = find_key(m, key_of(ti, t, vals, -1));
	int64_t file_num = ti->renumber >= 0 && row[ti->renumber]
				   ? strtoll(row[ti->renumber], NULL, 10) : 0;
	if (!hit && of_kept_item)
		return MERGE_LEFT;
	if (hit) {
		hit->used = true;
		if (ti->referenced)
			map_add(&ti->ids, file_id, hit->id, true);
		if (ti->renumber_referenced && row[ti->renumber])
			map_add(&ti->nums, file_num, hit->num, true);
		return MERGE_KEPT;
	}
	if (m->status_col >= 0 && is(row[m->status_col], "in_progress")) {
		if (m->running) {
			snprintf(msg, msglen, "a meeting in progress (started %s) while the "
				 "database has another in progress: end one of them first",
				 row[named(t, "started_at")]);
			return MERGE_REFUSED;
		}
		m->running = true;
	}
	if (ti->one_true >= 0 && is(row[ti->one_true], "1")) {
		if (m->have_true)
			set_number(&row[ti->one_true], 0);
		m->have_true = true;
	}
	if (ti->renumber >= 0 && row[ti->renumber]) {
		set_number(&row[ti->renumber], ++m->top_num);
		if (ti->renumber_referenced)
			map_add(&ti->nums, file_num, m->top_num, false);
	}
	if (ti->has_id) {
		int64_t id;
		*rc = next_id(m, &id);
		if (*rc != STORE_OK)
			return MERGE_STORE;
		set_number(&row[0], id);
		if (ti->referenced)
			map_add(&ti->ids, file_id, id, false);
	}
	return MERGE_ADD;
}

static bool sorted(struct merge *m, struct map *mp, char *msg, size_t msglen)
{
	int64_t dup;
	if (map_sort(mp, &dup))
		return true;
	snprintf(msg, msglen, "two rows of %s numbered %" PRId64, m->t->name, dup);
	return false;
}

bool merge_late(struct merge *m, char **pairs, size_t n, char *msg, size_t msglen)
{
	struct tinfo *ti = &m->ti[m->table];
	if (!sorted(m, &ti->ids, msg, msglen))
		return false;
	for (size_t i = 0; i < n; i++) {
		int64_t v = strtoll(pairs[2 * i + 1], NULL, 10), mapped;
		if (!map_get(&ti->ids, v, &mapped)) {
			snprintf(msg, msglen, "%s.%s refers to a row of %s (number %" PRId64
				 ") that the file does not hold", m->t->name,
				 m->t->cols[m->t->late].name, m->t->name, v);
			return false;
		}
		set_number(&pairs[2 * i + 1], mapped);
	}
	return true;
}

bool merge_table_end(struct merge *m, char *msg, size_t msglen)
{
	struct tinfo *ti = &m->ti[m->table];
	m->nrows = 0;
	return sorted(m, &ti->ids, msg, msglen) && sorted(m, &ti->nums, msg, msglen);
}
