/* test_output.c - report tables (core/output.c) in plain text, JSON and CSV,
 * with hostile cell text: quotes, commas, newlines, control characters,
 * invalid UTF-8, wide characters and spreadsheet formulas. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cxmeet/output.h"

#define FFFD "\xef\xbf\xbd"
#define FFFD7 FFFD FFFD FFFD FFFD FFFD FFFD FFFD
#define UFFFD7 "\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd"

static const struct table_col cols[] = {
	{"id", COL_INT, true},
	{"open", COL_BOOL, false},
	{"text", COL_TEXT, false},
};

static char *render(const struct table *t, enum out_format f)
{
	struct strbuf sb;
	sb_init(&sb);
	table_render(t, f, &sb);
	return sb_take(&sb);
}

static void fill(struct table *t)
{
	table_init(t, cols, 3);
	table_row(t);
	table_cell_int(t, 7);
	table_cell_bool(t, true);
	table_cell(t, "Say \"hi\", then\nleave");
	table_row(t);
	table_cell_int(t, 12);
	table_cell_bool(t, false);
	/* ESC, a byte that is not UTF-8, BEL, CR, C1 CSI, RLO, LRI, LRM */
	table_cell(t, "=HYPERLINK(\"x\")\x1b[2J\xff\a\r\xc2\x9b" "\xe2\x80\xae\xe2\x81\xa6\xe2\x80\x8e!");
	table_row(t);
	table_cell_int(t, 3);
	table_cell(t, NULL);
	table_cell(t, "日本");
}

static void test_plain(void **state)
{
	(void)state;
	struct table t;
	fill(&t);
	char *s = render(&t, OUT_PLAIN);
	assert_string_equal(s, "id  open  text\n"
			       " 7  yes   Say \"hi\", then leave\n"
			       "12  no    =HYPERLINK(\"x\")" FFFD "[2J" FFFD7 "!\n"
			       " 3        日本\n");
	free(s);
	table_free(&t);
}

static void test_json(void **state)
{
	(void)state;
	struct table t;
	fill(&t);
	char *s = render(&t, OUT_JSON);
	assert_string_equal(s, "[\n"
			       "  {\"id\": 7, \"open\": true, \"text\": \"Say \\\"hi\\\", then\\nleave\"},\n"
			       "  {\"id\": 12, \"open\": false, "
			       "\"text\": \"=HYPERLINK(\\\"x\\\")\\ufffd[2J" UFFFD7 "!\"},\n"
			       "  {\"id\": 3, \"open\": null, \"text\": \"日本\"}\n"
			       "]\n");
	free(s);
	table_free(&t);
}

static void test_csv(void **state)
{
	(void)state;
	struct table t;
	fill(&t);
	char *s = render(&t, OUT_CSV);
	assert_string_equal(s, "id,open,text\r\n"
			       "7,1,\"Say \"\"hi\"\", then\nleave\"\r\n"
			       "12,0,\"'=HYPERLINK(\"\"x\"\")" FFFD "[2J" FFFD7 "!\"\r\n"
			       "3,,日本\r\n");
	free(s);
	table_free(&t);
}

static void test_empty(void **state)
{
	(void)state;
	struct table t;
	table_init(&t, cols, 3);
	char *s = render(&t, OUT_PLAIN);
	assert_string_equal(s, "(none)\n");
	free(s);
	s = render(&t, OUT_JSON);
	assert_string_equal(s, "[]\n");
	free(s);
	s = render(&t, OUT_CSV);
	assert_string_equal(s, "id,open,text\r\n");
	free(s);
	table_free(&t);
}

static void test_json_string(void **state)
{
	(void)state;
	struct strbuf sb;
	sb_init(&sb);
	json_string(&sb, "a\\b\t\x7f\xe2\x80\xa8/");
	json_string(&sb, NULL);
	assert_string_equal(sb.s, "\"a\\\\b\\t\\ufffd\\ufffd/\"null");
	sb_free(&sb);
}

static void test_csv_guard(void **state)
{
	(void)state;
	struct strbuf sb;
	sb_init(&sb);
	csv_field(&sb, "-5", false);
	sb_add(&sb, "|");
	csv_field(&sb, "-5", true);
	sb_add(&sb, "|");
	csv_field(&sb, "@sum", true);
	sb_add(&sb, "|");
	csv_field(&sb, "plain", true);
	assert_string_equal(sb.s, "-5|\"'-5\"|\"'@sum\"|plain");
	sb_free(&sb);
}

static void test_format_parse(void **state)
{
	(void)state;
	assert_int_equal(out_format_parse("JSON", OUT_TABLES), OUT_JSON);
	assert_int_equal(out_format_parse("text", OUT_TABLES), OUT_PLAIN);
	assert_int_equal(out_format_parse("ics", OUT_TABLES), -1);
	assert_int_equal(out_format_parse("ics", OUT_ALLOW(OUT_ICS)), OUT_ICS);
	assert_int_equal(out_format_parse("markdown", OUT_ALLOW(OUT_MD)), OUT_MD);
	assert_int_equal(out_format_parse("", OUT_TABLES), -1);
	assert_int_equal(out_format_parse(NULL, OUT_TABLES), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),       cmocka_unit_test(test_json),
		cmocka_unit_test(test_csv),         cmocka_unit_test(test_empty),
		cmocka_unit_test(test_json_string), cmocka_unit_test(test_csv_guard),
		cmocka_unit_test(test_format_parse),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
