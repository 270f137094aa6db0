/* test_import.c - the readers behind `cxmeet import`: CSV (RFC 4180) a
 * record at a time with its line, and the strict JSON reader. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cxmeet/import.h"
#include "cxmeet/json_read.h"

static FILE *mem(const char *s, size_t n)
{
	FILE *fp = fmemopen((void *)s, n, "rb");
	assert_non_null(fp);
	return fp;
}

static void csv__quotes_commas_line_breaks_crlf_and_bom(void **state)
{
	(void)state;
	static const char in[] = "\xEF\xBB\xBFtext,owner\r\n\"a, \"\"b\"\"\",x\r\n\"two\r\nlines\",\r\n\r\nlast,y";
	FILE *fp = mem(in, sizeof in - 1);
	struct csv_reader r;
	char err[200];
	csv_open(&r, fp);
	assert_int_equal(csv_next(&r, err, sizeof err), 1);
	assert_int_equal(r.line, 1);
	assert_int_equal(r.nf, 2);
	assert_string_equal(r.fields[0], "text");
	assert_int_equal(csv_next(&r, err, sizeof err), 1);
	assert_int_equal(r.line, 2);
	assert_string_equal(r.fields[0], "a, \"b\"");
	assert_string_equal(r.fields[1], "x");
	assert_int_equal(csv_next(&r, err, sizeof err), 1);
	assert_int_equal(r.line, 3);
	assert_string_equal(r.fields[0], "two\r\nlines");
	assert_string_equal(r.fields[1], "");
	assert_int_equal(csv_next(&r, err, sizeof err), 1); /* the blank line */
	assert_int_equal(r.line, 5);
	assert_int_equal(r.nf, 1);
	assert_int_equal(csv_next(&r, err, sizeof err), 1);
	assert_int_equal(r.line, 6);
	assert_string_equal(r.fields[1], "y");
	assert_int_equal(csv_next(&r, err, sizeof err), 0);
	csv_close(&r);
	fclose(fp);
}

static void csv__no_bom_short_file_and_refusals(void **state)
{
	(void)state;
	static const char in[] = "ab\nx\"y,z\n\"q\"w,1\nok,2\n\"open";
	FILE *fp = mem(in, sizeof in - 1);
	struct csv_reader r;
	char err[200];
	csv_open(&r, fp);
	assert_int_equal(csv_next(&r, err, sizeof err), 1);
	assert_string_equal(r.fields[0], "ab");
	assert_int_equal(csv_next(&r, err, sizeof err), -1);
	assert_int_equal(r.line, 2);
	assert_non_null(strstr(err, "a quote inside a field"));
	assert_int_equal(csv_next(&r, err, sizeof err), -1);
	assert_int_equal(r.line, 3);
	assert_non_null(strstr(err, "after its closing quote"));
	assert_int_equal(csv_next(&r, err, sizeof err), 1);
	assert_int_equal(r.line, 4);
	assert_string_equal(r.fields[0], "ok");
	assert_int_equal(csv_next(&r, err, sizeof err), -1);
	assert_int_equal(r.line, 5);
	assert_non_null(strstr(err, "left open"));
	csv_close(&r);
	fclose(fp);
}

static void json_ok(const char *s, struct json *v)
{
	char err[200];
	long line = 0;
	int rc = json_parse(s, strlen(s), v, err, sizeof err, &line);
	if (rc != 0)
		fail_msg("%s: %s (line %ld)", s, err, line);
}

static void json_bad(const char *s, long want_line, const char *want)
{
	struct json v;
	char err[200];
	long line = 0;
	assert_int_equal(json_parse(s, strlen(s), &v, err, sizeof err, &line), -1);
	assert_int_equal(line, want_line);
	if (!strstr(err, want))
		fail_msg("%s: '%s' does not say '%s'", s, err, want);
	assert_int_equal(v.n, 0);
}

static void json__values_escapes_and_lines(void **state)
{
	(void)state;
	struct json v;
	json_ok("[\n{\"description\":\"Caf\\u00e9 \\\"x\\\" \\ud83d\\ude00\",\"n\":-1.5e3,"
		"\"t\":true,\"z\":null,\"tags\":[]},\n{\"k\":\"\\n\"}\n]\n", &v);
	assert_int_equal(v.type, JSON_ARRAY);
	assert_int_equal(v.n, 2);
	assert_int_equal(v.items[0].line, 2);
	assert_int_equal(v.items[1].line, 3);
	assert_string_equal(json_get_str(&v.items[0], "description"), "Café \"x\" \xF0\x9F\x98\x80");
	assert_int_equal(json_get(&v.items[0], "n")->type, JSON_NUMBER);
	assert_string_equal(json_get(&v.items[0], "n")->s, "-1.5e3");
	assert_true(json_get(&v.items[0], "t")->b);
	assert_int_equal(json_get(&v.items[0], "z")->type, JSON_NULL);
	assert_int_equal(json_get(&v.items[0], "tags")->n, 0);
	assert_null(json_get_str(&v.items[0], "n"));
	assert_null(json_get(&v.items[0], "missing"));
	assert_string_equal(json_get_str(&v.items[1], "k"), "\n");
	json_free(&v);
}

static void json__refusals_say_why_and_where(void **state)
{
	(void)state;
	json_bad("", 1, "ends where a value");
	json_bad("[1,]", 1, "not JSON");
	json_bad("[\n{\"a\":1,}\n]", 2, "key is not a string");
	json_bad("{\"a\" 1}", 1, "followed by ':'");
	json_bad("[1 2]", 1, "without ','");
	json_bad("\"open", 1, "left open");
	json_bad("\"a\tb\"", 1, "control character");
	json_bad("\"\\x\"", 1, "unknown escape");
	json_bad("\"\\u0000\"", 1, "NUL");
	json_bad("\"\\ud800\"", 1, "surrogate");
	json_bad("\"\\udc00\"", 1, "surrogate");
	json_bad("\"\xff\"", 1, "not UTF-8");
	json_bad("01", 1, "more after");
	json_bad("1.", 1, "no digit after");
	json_bad("1e", 1, "exponent");
	json_bad("[] []", 1, "more after");
	json_bad("tru", 1, "not JSON");
	char deep[200];
	memset(deep, '[', sizeof deep);
	deep[sizeof deep - 1] = '\0';
	json_bad(deep, 1, "nested too deep");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv__quotes_commas_line_breaks_crlf_and_bom),
		cmocka_unit_test(csv__no_bom_short_file_and_refusals),
		cmocka_unit_test(json__values_escapes_and_lines),
		cmocka_unit_test(json__refusals_say_why_and_where),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
