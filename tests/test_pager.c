/* test_pager.c - the window a full-screen view holds of a long list paged by
 * key (src/tui/pager.c), on a list whose rows are their own row numbers:
 * after every move (Home, End, a page on or back, a jump far into the list)
 * the window holds the row asked for, and the row number it believes each
 * row has is the row's own; a move inside the window reads nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/tui/list.h"
#include "../src/tui/screen.h"

#define TOTAL 1000
#define PAGE 40

static store_id rows[PAGE];
static struct store_cursor curs[PAGE];
static size_t n_rows;
static int loads;

static bool load(struct tui *t, const struct store_cursor *cur, size_t limit)
{
	(void)t;
	long first, last; /* the rows read, first..last - 1 */
	loads++;
	assert_true(limit <= PAGE);
	if (!cur || (!cur->set && !cur->backward)) {
		first = 0, last = (long)limit;
	} else if (!cur->set) {
		first = TOTAL - (long)limit, last = TOTAL;
	} else if (cur->backward) {
		last = (long)cur->id, first = last - (long)limit;
	} else {
		first = (long)cur->id + 1, last = first + (long)limit;
	}
	first = first < 0 ? 0 : first;
	last = last > TOTAL ? TOTAL : last;
	n_rows = 0;
	for (long r = first; r < last; r++, n_rows++) {
		rows[n_rows] = r;
		curs[n_rows] = (struct store_cursor){.set = true, .id = r};
	}
	return true;
}

static size_t count(const struct tui *t)
{
	(void)t;
	return n_rows;
}
static const struct store_cursor *at(const struct tui *t, size_t i)
{
	(void)t;
	return &curs[i];
}
static const struct pager_ops ops = {load, count, at};

static void seek_to(size_t *offset, size_t target)
{
	pager_seek(NULL, &ops, offset, target, TOTAL, PAGE);
	assert_true(n_rows > 0);
	if (target < *offset || target >= *offset + n_rows)
		fail_msg("row %zu is not in the window %zu..%zu", target, *offset,
			 *offset + n_rows);
	for (size_t i = 0; i < n_rows; i++)
		if ((size_t)rows[i] != *offset + i)
			fail_msg("after a move to %zu the window believes row %zu is row %zu", target,
				 (size_t)rows[i], *offset + i);
}

static void seek__every_move_holds_the_row_with_its_true_number(void **state)
{
	(void)state;
	size_t offset = 0;
	n_rows = 0;
	size_t moves[] = {0,   1,   39,  40,  79,  100, 999, 998, 960, 959, 930, 0,
			  500, 520, 480, 12,  987, 3,   640, 641, 600, 999, 0};
	for (size_t i = 0; i < sizeof moves / sizeof *moves; i++)
		seek_to(&offset, moves[i]);
	/* a page at a time down the whole list and back up */
	for (size_t r = 0; r < TOTAL; r += 17)
		seek_to(&offset, r);
	for (size_t r = TOTAL; r-- > 0;)
		seek_to(&offset, r);
}

static void seek__inside_the_window_reads_nothing_and_end_one_page(void **state)
{
	(void)state;
	size_t offset = 0;
	n_rows = 0;
	seek_to(&offset, 0);
	loads = 0;
	seek_to(&offset, 5);
	assert_int_equal(loads, 0);
	seek_to(&offset, TOTAL - 1); /* End: the last page, read backward */
	assert_int_equal(loads, 1);
	assert_int_equal(offset, TOTAL - PAGE);
	loads = 0;
	seek_to(&offset, 0); /* Home: the first page */
	assert_int_equal(loads, 1);
	loads = 0;
	seek_to(&offset, PAGE + 5); /* just past the window: one read on */
	assert_int_equal(loads, 1);
}

static void reread__stays_where_it_was_in_a_read_or_two(void **state)
{
	(void)state;
	size_t offset = 0;
	n_rows = 0;
	seek_to(&offset, 600);
	size_t before = offset;
	loads = 0;
	pager_reread(NULL, &ops, &offset, PAGE);
	seek_to(&offset, 600);
	assert_true(loads <= 2);
	assert_true(offset <= 600 && offset + PAGE > 600);
	loads = 0;
	pager_reread(NULL, &ops, &offset, PAGE);
	seek_to(&offset, before + 1); /* the window's own first row again */
	assert_true(loads <= 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seek__every_move_holds_the_row_with_its_true_number),
		cmocka_unit_test(seek__inside_the_window_reads_nothing_and_end_one_page),
		cmocka_unit_test(reread__stays_where_it_was_in_a_read_or_two),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
