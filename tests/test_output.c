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

/* A member's name is written quoted and escaped, whether it is plain (the
 * common case, written at once) or not; ", " comes before all but the first. */
static void test_json_member_names(void **state)
{
	(void)state;
	struct strbuf sb;
	sb_init(&sb);
	bool first = true;
	json_member_int(&sb, &first, "id", 7);
	json_member_str(&sb, &first, "a \"b\"\\c", "v");
	json_member_bool(&sb, &first, "line\nbreak\x1b", true);
	json_member_str(&sb, &first, "", NULL);
	json_member_id(&sb, &first, "r\xc3\xa9sum\xc3\xa9", 0);
	assert_string_equal(sb.s, "\"id\": 7, \"a \\\"b\\\"\\\\c\": \"v\", "
				  "\"line\\nbreak\\ufffd\": true, \"\": null, "
				  "\"r\xc3\xa9sum\xc3\xa9\": null");
	sb_free(&sb);
}

/* Column names made once per page are the ones escaped per cell before:
 * hostile names, and a page after the first (its rows start with ",\n"). */
static void test_json_hostile_column_names(void **state)
{
	(void)state;
	static const struct table_col hcols[] = {
		{"a\"b", COL_INT, true},
		{"c\\d\ne", COL_TEXT, false},
		{"\xe2\x80\xae" "flip", COL_BOOL, false},
	};
	struct table t;
	table_init(&t, hcols, 3);
	table_row(&t);
	table_cell_int(&t, 1);
	table_cell(&t, "x");
	table_cell_bool(&t, true);
	table_row(&t);
	table_cell_int(&t, -2);
	table_cell(&t, NULL);
	table_cell_bool(&t, false);
	struct strbuf sb;
	sb_init(&sb);
	table_stream_rows(&t, OUT_JSON, 5, &sb);
	assert_string_equal(sb.s, ",\n  {\"a\\\"b\": 1, \"c\\\\d\\ne\": \"x\", \"\\ufffdflip\": true}"
				  ",\n  {\"a\\\"b\": -2, \"c\\\\d\\ne\": null, \"\\ufffdflip\": false}");
	sb.len = 0;
	table_clear(&t);
	table_stream_rows(&t, OUT_JSON, 0, &sb);
	assert_int_equal(sb.len, 0);
	sb_free(&sb);
	table_free(&t);
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
		cmocka_unit_test(test_format_parse), cmocka_unit_test(test_json_member_names),
		cmocka_unit_test(test_json_hostile_column_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
