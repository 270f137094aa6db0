/* test_list.c - what lists share (src/tui/list.c): the widths of their
 * columns from the width there is (list_cols), names whole when they fit
 * and readable at 80 columns, growing to 200; the room a row's details keep
 * beside its text (list_meta_cols) and what of them shows there
 * (list_meta_cut); and the rows a list registers for the
 * mouse (list_area). */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../src/tui/draw.h"
#include "../src/tui/list.h"
#include "../src/tui/screen.h"

/* The decision log's columns: date, revisit, department, decider, text. */
static void decision_cols(struct list_col *c, const char *dept, const char *decider, int w)
{
	const struct list_col cols[5] = {
		LIST_COL_FIXED(10), LIST_COL_FIXED(10), {10, 15, 30, 0, 0, 0},
		{10, 16, 30, 0, 0, 0}, LIST_COL_REST(12),
	};
	memcpy(c, cols, sizeof cols);
	list_col_want(&c[2], dept);
	list_col_want(&c[3], decider);
	list_cols(c, 5, 1, w - 2, 1);
}

/* At 80 columns a name of 13 columns is whole (it was cut at 12), a long
 * department is held to 15; the text takes the rest, to the last column. */
static void test_cols_at_80(void **state)
{
	(void)state;
	struct list_col c[5];
	decision_cols(c, "Customer Experience & Loyalty", "Tomás Herrera", 80);
	assert_int_equal(c[3].w, 13);
	assert_int_equal(c[2].w, 15);
	assert_int_equal(c[0].x, 1);
	assert_int_equal(c[1].x, 12);
	assert_int_equal(c[2].x, 23);
	assert_int_equal(c[3].x, 39);
	assert_int_equal(c[4].x, 53);
	assert_int_equal(c[4].x + c[4].w, 79);
}

/* At 200 columns both names are whole; a short one keeps its heading's width. */
static void test_cols_at_200(void **state)
{
	(void)state;
	struct list_col c[5];
	decision_cols(c, "Customer Experience & Loyalty", "Tomás Herrera", 200);
	assert_int_equal(c[2].w, text_cols("Customer Experience & Loyalty"));
	assert_int_equal(c[3].w, 13);
	decision_cols(c, "IT", "Bo", 200);
	assert_int_equal(c[2].w, 10);
	assert_int_equal(c[3].w, 10);
	/* in between, the cap in proportion: 140 columns, halfway */
	decision_cols(c, "Customer Experience & Loyalty", "Tomás Herrera", 140);
	assert_int_equal(c[2].w, 22);
}

/* Display columns, not bytes: 王芳 takes 4 columns, Zoë Ångström 12. */
static void test_cols_display_width(void **state)
{
	(void)state;
	struct list_col c = {2, 20, 20, 0, 0, 0};
	list_col_want(&c, "王芳");
	assert_int_equal(c.want, 4);
	list_col_want(&c, "Zoë Ångström");
	assert_int_equal(c.want, 12);
	list_col_want(&c, NULL);
	assert_int_equal(c.want, 12);
}

/* Too narrow for the text's minimum: the widest column gives back first,
 * none below its own minimum. */
static void test_cols_narrow(void **state)
{
	(void)state;
	struct list_col c[3] = {{5, 30, 30, 25, 0, 0}, {5, 30, 30, 12, 0, 0}, LIST_COL_REST(10)};
	list_cols(c, 3, 0, 40, 1);
	assert_int_equal(c[2].w, 10);
	assert_int_equal(c[0].w + c[1].w, 28);
	assert_int_equal(c[1].w, 12);
	struct list_col d[3] = {{8, 30, 30, 25, 0, 0}, {8, 30, 30, 25, 0, 0}, LIST_COL_REST(10)};
	list_cols(d, 3, 0, 20, 1);
	assert_int_equal(d[0].w, 8);
	assert_int_equal(d[1].w, 8);
	assert_int_equal(d[2].w, 2);
}

/* The details whole when both fit; else 16 columns on a narrow row (a third
 * of a very narrow one), more on a wide one; never more than they need. */
static void test_meta_cols(void **state)
{
	(void)state;
	assert_int_equal(list_meta_cols(60, 30, 20), 20);
	assert_int_equal(list_meta_cols(48, 40, 37), 16);
	assert_int_equal(list_meta_cols(30, 40, 37), 10);
	assert_int_equal(list_meta_cols(47, 10, 37), 35);
	assert_int_equal(list_meta_cols(146, 140, 40), 38);
	assert_int_equal(list_meta_cols(146, 140, 12), 12);
}

/* Details too long for their room lose their last parts, then those before
 * the name, which stays whole. */
static void test_meta_cut(void **state)
{
	(void)state;
	const char *meta = "Customer Experience · Tomás Herrera · due 2026-12-04";
	char *s = list_meta_cut(meta, "Tomás Herrera", 60);
	assert_string_equal(s, meta);
	free(s);
	s = list_meta_cut(meta, "Tomás Herrera", 40);
	assert_string_equal(s, "Customer Experience · Tomás Herrera");
	free(s);
	s = list_meta_cut(meta, "Tomás Herrera", 20);
	assert_string_equal(s, "Tomás Herrera");
	free(s);
	s = list_meta_cut(meta, "Tomás Herrera", 8); /* the name alone: the caller cuts it */
	assert_string_equal(s, "Tomás Herrera");
	free(s);
	/* no name: the first part stays, then the last */
	s = list_meta_cut("Sales · revisit 2027-01-01", NULL, 10);
	assert_string_equal(s, "Sales");
	free(s);
	s = list_meta_cut("by zoe, 2026-11-17 · Finance · Ben Okafor", NULL, 31);
	assert_string_equal(s, "by zoe, 2026-11-17 · Ben Okafor");
	free(s);
	s = list_meta_cut("by zoe, 2026-11-17 · Finance · Ben Okafor", NULL, 27);
	assert_string_equal(s, "by zoe, 2026-11-17");
	free(s);
}

/* What the cut details take: what they need, a name wider than their room
 * up to half the row. */
static void test_meta_room(void **state)
{
	(void)state;
	assert_int_equal(list_meta_room(47, 15, "from Wen Larsen", true), 15);
	assert_int_equal(list_meta_room(47, 15, "Ana", true), 3);
	assert_int_equal(list_meta_room(47, 15, "from Viktor Adeyemi", true), 19);
	assert_int_equal(list_meta_room(30, 10, "from Viktor Adeyemi", true), 15);
	assert_int_equal(list_meta_room(30, 20, "from Viktor Adeyemi", true), 19);
	/* no name: the text keeps its room */
	assert_int_equal(list_meta_room(47, 15, "customer not named", false), 15);
}

/* A list drawn registers its rows for the mouse, with where its cursor is. */
static void test_list_area(void **state)
{
	(void)state;
	struct tui t = {0};
	int top = 0;
	list_area(&t, 3, 1, 78, 10, 25, &top, 40);
	assert_int_equal(top, 16);
	assert_int_equal((int)t.n_areas, 1);
	assert_int_equal(t.areas[0].kind, AREA_LIST);
	assert_int_equal(t.areas[0].y, 3);
	assert_int_equal(t.areas[0].h, 10);
	assert_int_equal(t.areas[0].top, 16);
	assert_int_equal(t.areas[0].sel, 25);
	assert_int_equal((int)t.areas[0].n, 40);
	for (int i = 0; i < TUI_AREAS_MAX + 2; i++)
		list_area(&t, 3, 1, 78, 10, 0, &top, 40);
	assert_int_equal((int)t.n_areas, TUI_AREAS_MAX);
	list_area(&t, 3, 1, 78, 0, 0, &top, 40); /* no rows: nothing to click */
	assert_int_equal((int)t.n_areas, TUI_AREAS_MAX);
}

int main(void)
{
	/* display columns as the program counts them, in a UTF-8 locale */
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cols_at_80),
		cmocka_unit_test(test_cols_at_200),
		cmocka_unit_test(test_cols_display_width),
		cmocka_unit_test(test_cols_narrow),
		cmocka_unit_test(test_meta_cols),
		cmocka_unit_test(test_meta_cut),
		cmocka_unit_test(test_meta_room),
		cmocka_unit_test(test_list_area),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
