/* pager.c - the window of a long list a view holds: about a page of rows
 * around the cursor, read by key (keyset paging) from the rows already held,
 * from the start, or backward from the end; never by counting rows. */
#include "list.h"
#include "screen.h"

size_t pager_window(const struct tui *t) { return t->rows > 20 ? 2 * (size_t)t->rows : 40; }

void pager_seek(struct tui *t, const struct pager_ops *ops, size_t *offset, size_t target,
		size_t total, size_t page)
{
	size_t n = ops->count(t);
	if (total == 0 || (n && target >= *offset && target < *offset + n))
		return;
	size_t s = target > page / 2 ? target - page / 2 : 0;
	struct store_cursor c = { 0 };
	for (int guard = 0; guard < 1 << 20; guard++) {
		n = ops->count(t);
		if (s == 0 || (!n && s <= total - s)) {
			if (!ops->load(t, NULL, page)) /* the first page */
				return;
			*offset = 0;
		} else if (s + page >= total || !n) {
			c = (struct store_cursor){ .backward = true }; /* the last page */
			if (!ops->load(t, &c, page))
				return;
			n = ops->count(t);
			*offset = total > n ? total - n : 0;
		} else if (s > *offset && s <= *offset + n) {
			c = *ops->at(t, s - 1 - *offset); /* on from a row held */
			if (!ops->load(t, &c, page))
				return;
			*offset = s;
		} else if (s + page >= *offset && s + page < *offset + n) {
			c = *ops->at(t, s + page - *offset); /* back from a row held */
			c.backward = true;
			if (!ops->load(t, &c, page))
				return;
			*offset = s + page - ops->count(t);
		} else if (s > *offset) { /* far on: a page at a time */
			c = *ops->at(t, n - 1);
			if (!ops->load(t, &c, page))
				return;
			*offset += n;
		} else { /* far back */
			c = *ops->at(t, 0);
			c.backward = true;
			if (!ops->load(t, &c, page))
				return;
			size_t got = ops->count(t);
			*offset = *offset > got ? *offset - got : 0;
		}
		n = ops->count(t);
		if (!n || (target >= *offset && target < *offset + n))
			return;
	}
}

void pager_reread(struct tui *t, const struct pager_ops *ops, size_t *offset, size_t page)
{
	if (!ops->count(t))
		return;
	struct store_cursor c = *ops->at(t, 0);
	if (ops->load(t, &c, page))
		*offset += 1;
}
