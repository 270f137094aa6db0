/* test_lineedit.c - the one-line editor holds at most its limit in UTF-8
 * bytes, however the text got there and whatever was deleted since; the
 * wrapping editor of the long fields moves over its rows by columns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <locale.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "testutil.h"
#include "src/tui/lineedit.h"
#include "src/tui/textarea.h"
#include "src/tui/draw.h"

#define CTRL(c) ((c) & 0x1f)

static void type(struct lineedit *le, const wchar_t *s, int *refused)
{
	for (; *s; s++) {
		bool too_long;
		le_key(le, (wint_t)*s, false, &too_long);
		*refused += too_long;
	}
}

static void expect_text(struct lineedit *le, const char *want)
{
	char *got = le_text(le);
	assert_string_equal(got, want);
	free(got);
}

static void lineedit__limit_is_bytes_after_every_kind_of_delete(void **state)
{
	(void)state;
	struct lineedit le;
	le_init(&le, "", 10);
	int refused = 0;
	type(&le, L"ééééé", &refused); /* 10 bytes: full */
	type(&le, L"x", &refused);
	assert_int_equal(refused, 1);
	expect_text(&le, "ééééé");

	bool too_long;
	le_key(&le, 0x7f, false, &too_long); /* Backspace frees 2 bytes */
	refused = 0;
	type(&le, L"abc", &refused);
	assert_int_equal(refused, 1);
	expect_text(&le, "ééééab");

	le_key(&le, CTRL('w'), false, &too_long); /* the word goes: 0 bytes */
	refused = 0;
	type(&le, L"0123456789x", &refused);
	assert_int_equal(refused, 1);
	expect_text(&le, "0123456789");

	le_key(&le, KEY_HOME, true, &too_long);
	le_key(&le, KEY_DC, true, &too_long);
	le_key(&le, KEY_END, true, &too_long);
	refused = 0;
	type(&le, L"€", &refused); /* 3 bytes: 9 + 3 > 10 */
	assert_int_equal(refused, 1);
	type(&le, L"z", &refused);
	assert_int_equal(refused, 1);
	expect_text(&le, "123456789z");

	le_key(&le, KEY_LEFT, true, &too_long);
	le_key(&le, CTRL('u'), false, &too_long); /* all before the cursor */
	refused = 0;
	type(&le, L"€€€", &refused); /* 1 + 9 bytes */
	assert_int_equal(refused, 0);
	expect_text(&le, "€€€z");

	assert_true(le_set(&le, "ab"));
	refused = 0;
	type(&le, L"cdefghijk", &refused);
	assert_int_equal(refused, 1);
	expect_text(&le, "abcdefghij");
	le_free(&le);
}

/* An emoji sequence joined by U+200D, a flag and a letter with its mark are
 * one character each to the arrows, Backspace and Delete. */
static void lineedit__moves_and_deletes_whole_clusters(void **state)
{
	(void)state;
	struct lineedit le;
	le_init(&le, "", 200);
	int refused = 0;
	bool too_long;
	type(&le, L"Ana \U0001F469\u200d\U0001F4BB Ruiz", &refused);
	for (int i = 0; i < 5; i++)
		le_key(&le, KEY_LEFT, true, &too_long); /* before " Ruiz" */
	le_key(&le, 0x7f, false, &too_long);
	expect_text(&le, "Ana  Ruiz");
	le_set(&le, "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa"); /* FR DE */
	le_key(&le, KEY_HOME, true, &too_long);
	le_key(&le, KEY_RIGHT, true, &too_long);
	le_key(&le, KEY_DC, true, &too_long);
	expect_text(&le, "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7");
	le_set(&le, "Jose\xcc\x81");
	le_key(&le, KEY_END, true, &too_long);
	le_key(&le, 0x7f, false, &too_long);
	expect_text(&le, "Jos");
	assert_int_equal(refused, 0);
	le_free(&le);
}

static void lineedit__typing_replaces_a_given_text_and_its_length(void **state)
{
	(void)state;
	struct lineedit le;
	le_init(&le, "€€€", 4);
	int refused = 0;
	type(&le, L"abcd", &refused);
	assert_int_equal(refused, 0);
	expect_text(&le, "abcd");
	le_free(&le);
}

/* A paste far past the limit: every refused character costs the same, not a
 * measure of the text (then 4.5 s of CPU here; now about 0.02 s). The bound is
 * a hundred times that, for sanitizers and a loaded machine. */
static void lineedit__a_million_refused_characters(void **state)
{
	(void)state;
	struct lineedit le;
	le_init(&le, "", 8000);
	int refused = 0;
	clock_t start = clock();
	for (int i = 0; i < 1000000; i++) {
		bool too_long;
		le_key(&le, 'y', false, &too_long);
		refused += too_long;
	}
	double cpu = (double)(clock() - start) / CLOCKS_PER_SEC;
	assert_int_equal(refused, 1000000 - 8000);
	if (cpu > 2.0)
		fail_msg("a million refused characters took %.2f s of CPU", cpu);
	le_free(&le);
}

static bool ta(struct lineedit *le, wint_t key, int width)
{
	bool too_long;
	return ta_key(le, key, true, width, &too_long);
}

static void textarea__rows_by_columns_and_the_cursor_across_them(void **state)
{
	(void)state;
	struct lineedit le;
	/* 10 columns: "ab cd ef" | "王芳 gh" (王芳 takes 4) | "ijklmnopqr" | "st" */
	le_init(&le, "", 200);
	int refused = 0;
	type(&le, L"ab cd ef 王芳 gh ijklmnopqrst", &refused);
	assert_int_equal(ta_rows(&le, 10), 4);
	assert_int_equal(ta_rows(&le, 200), 1);
	/* the cursor at the end, on "st": Up goes to column 2 of the row above */
	assert_true(ta(&le, KEY_UP, 10));
	assert_int_equal(le.cursor, 17); /* "ij|kl..." */
	/* up again onto "王芳 gh": column 2 is after 王, not inside it */
	assert_true(ta(&le, KEY_UP, 10));
	assert_int_equal(le.cursor, 10); /* after 王 (at 9) */
	assert_true(ta(&le, KEY_UP, 10));
	assert_int_equal(le.cursor, 2); /* "ab| cd" */
	/* Up on the first row is the form's: to the field above */
	assert_false(ta(&le, KEY_UP, 10));
	assert_int_equal(le.cursor, 2);
	/* End and Home keep to the row */
	assert_true(ta(&le, KEY_END, 10));
	assert_int_equal(le.cursor, 8); /* on the space the row ends with */
	assert_true(ta(&le, KEY_HOME, 10));
	assert_int_equal(le.cursor, 0);
	/* typing there goes in there */
	type(&le, L">", &refused);
	expect_text(&le, ">ab cd ef 王芳 gh ijklmnopqrst");
	/* Down to the last row, then Down is the form's */
	assert_true(ta(&le, KEY_DOWN, 10));
	assert_true(ta(&le, KEY_DOWN, 10));
	assert_true(ta(&le, KEY_DOWN, 10));
	assert_false(ta(&le, KEY_DOWN, 10));
	/* every other key is the one-line editor's */
	assert_false(ta(&le, KEY_F(5), 10));
	le_free(&le);
}

static void textarea__combining_marks_and_a_full_last_row(void **state)
{
	(void)state;
	struct lineedit le;
	le_init(&le, "", 200);
	int refused = 0;
	/* "René" with a combining accent is 4 columns: a row of 4 holds it */
	type(&le, L"Rene\x0301", &refused);
	assert_int_equal(le.len, 5);
	/* the cursor at the end of a full row goes to the row after it */
	assert_int_equal(ta_rows(&le, 4), 2);
	assert_int_equal(ta_rows(&le, 5), 1);
	assert_true(ta(&le, KEY_UP, 4));
	assert_int_equal(le.cursor, 0);
	assert_int_equal(ta_rows(&le, 4), 1);
	/* a word wider than the row is cut where the row is full */
	le_free(&le);
	le_init(&le, "abcdefghij", 200);
	assert_int_equal(ta_rows(&le, 4), 3);
	le_free(&le);
}

#define ZWJ_DEV L"\U0001F469\u200d\U0001F4BB" /* woman, ZWJ, laptop: 2 columns */
#define FLAG_FR L"\U0001F1EB\U0001F1F7"	/* 2 columns */
#define FLAG_DE L"\U0001F1E9\U0001F1EA"

static void keys(struct lineedit *le, int width, int n, ...)
{
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		bool too_long;
		wint_t k = (wint_t)va_arg(ap, int);
		if (k == 0x7f)
			le_key(le, k, false, &too_long);
		else
			ta_key(le, k, true, width, &too_long);
	}
	va_end(ap);
}

/* The wrapping editor walks its text by cluster: a row never ends inside
 * one, and Up, Down and End never stop inside one, so that Backspace and
 * Delete after them take whole characters. */
static void textarea__moves_wraps_and_deletes_whole_clusters(void **state)
{
	(void)state;
	struct lineedit le;
	le_init(&le, "", 400);
	int refused = 0;
	/* 4 columns: ZWJ_DEV " " | "abcd": the sequence takes 2, as drawn */
	type(&le, ZWJ_DEV L" abcd", &refused);
	assert_int_equal(ta_rows(&le, 4), 3); /* the cursor after a full row */
	assert_int_equal(ta_rows(&le, 6), 2);
	assert_int_equal(ta_rows(&le, 8), 1);
	keys(&le, 4, 2, KEY_LEFT, KEY_UP); /* "abc|d": column 3 */
	assert_int_equal(le.cursor, 3); /* after the whole sequence, not in it */
	keys(&le, 4, 1, 0x7f);
	expect_text(&le, " abcd");
	le_set(&le, "");
	type(&le, ZWJ_DEV L" abcd", &refused);
	keys(&le, 4, 3, KEY_LEFT, KEY_UP, KEY_DC); /* Delete there takes the space */
	expect_text(&le, "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb" "abcd");

	/* flags: a word of three wider than the row is cut between them */
	le_set(&le, "");
	type(&le, FLAG_FR FLAG_DE FLAG_FR, &refused);
	assert_int_equal(ta_rows(&le, 3), 3);
	assert_int_equal(ta_rows(&le, 4), 2);
	keys(&le, 3, 3, KEY_UP, KEY_END, KEY_DC); /* End of the middle row: before its flag */
	expect_text(&le, "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7\xf0\x9f\x87\xab\xf0\x9f\x87\xb7");
	keys(&le, 3, 2, KEY_END, 0x7f);
	expect_text(&le, "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7");

	/* marks: "e" with two of them is one column, one character */
	le_set(&le, "");
	type(&le, L"xe\u0301\u0302 ye\u0301", &refused);
	assert_int_equal(ta_rows(&le, 3), 2);
	keys(&le, 3, 2, KEY_HOME, KEY_UP); /* from "y" up: column 0 */
	assert_int_equal(le.cursor, 0);
	keys(&le, 3, 2, KEY_RIGHT, KEY_DC);
	expect_text(&le, "x ye\xcc\x81");
	keys(&le, 3, 3, KEY_DOWN, KEY_END, 0x7f);
	expect_text(&le, "x y");

	/* wide characters: Up from column 3 goes after the first of them */
	le_set(&le, "");
	type(&le, L"\u738b\u82b3\u674e abcd", &refused); /* 王芳李 abcd in 6 columns */
	assert_int_equal(ta_rows(&le, 6), 2);
	keys(&le, 6, 2, KEY_LEFT, KEY_UP); /* "abc|d" */
	assert_int_equal(le.cursor, 1);
	keys(&le, 6, 2, KEY_DC, 0x7f);
	expect_text(&le, "\xe6\x9d\x8e abcd");

	/* a deletion that brings two halves of a sequence together: the
	 * cursor goes after the whole, and Backspace takes it all */
	le_set(&le, "");
	type(&le, L"\U0001F469\u200dx\U0001F4BB", &refused);
	keys(&le, 40, 2, KEY_LEFT, 0x7f);
	assert_int_equal(le.cursor, 3);
	keys(&le, 40, 1, 0x7f);
	expect_text(&le, "");
	/* a flag's halves typed apart become one, the cursor after it */
	type(&le, L"\U0001F1F7x", &refused);
	keys(&le, 40, 1, KEY_HOME);
	type(&le, L"\U0001F1EB", &refused);
	assert_int_equal(le.cursor, 2);
	keys(&le, 40, 1, KEY_DC);
	expect_text(&le, "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7");
	assert_int_equal(refused, 0);
	le_free(&le);
}

/* The longest detail (100,000 bytes), of two-byte letters, accents and
 * emoji: each key wraps the whole text again, a key at a time at its end.
 * (About 0.5 ms a key here, 0.2 ms when it went by code point; the bound
 * is eighty times that, for sanitizers and a loaded machine.) */
static void textarea__a_long_detail_a_key_at_a_time(void **state)
{
	(void)state;
	struct lineedit le;
	le_init(&le, "", 100000);
	int refused = 0;
	while (le.bytes < 100000 - 64)
		type(&le, L"\u043f\u0440\u0438 e\u0301t\u00e9 \U0001F469\u200d\U0001F4BB \U0001F1EB\U0001F1F7 ", &refused);
	clock_t start = clock();
	int keys_n = 0;
	for (int i = 0; i < 50; i++, keys_n += 4) {
		keys(&le, 57, 4, KEY_UP, KEY_LEFT, KEY_END, 0x7f);
		assert_true(ta_rows(&le, 57) > 500);
	}
	double cpu = (double)(clock() - start) / CLOCKS_PER_SEC;
	char *t = le_text(&le);
	assert_true(strlen(t) > 90000);
	free(t);
	if (cpu / keys_n > 0.04)
		fail_msg("%d keys on a 100,000-byte detail took %.2f s of CPU", keys_n, cpu);
	print_message("%d keys: %.3f ms a key\n", keys_n, cpu * 1000 / keys_n);
	le_free(&le);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8"); /* wide characters to UTF-8, as the program */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lineedit__limit_is_bytes_after_every_kind_of_delete),
		cmocka_unit_test(lineedit__moves_and_deletes_whole_clusters),
		cmocka_unit_test(lineedit__typing_replaces_a_given_text_and_its_length),
		cmocka_unit_test(lineedit__a_million_refused_characters),
		cmocka_unit_test(textarea__rows_by_columns_and_the_cursor_across_them),
		cmocka_unit_test(textarea__combining_marks_and_a_full_last_row),
		cmocka_unit_test(textarea__moves_wraps_and_deletes_whole_clusters),
		cmocka_unit_test(textarea__a_long_detail_a_key_at_a_time),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
