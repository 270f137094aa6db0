/* test_import.c - the readers behind `cxmeet import`: CSV (RFC 4180) a
 * record at a time with its line, and the one JSON reader (json_read.h),
 * strict, pull-style, a byte at a time. */
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
#include "cxmeet/util.h"

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

/* A reader of the text s (in a temporary file: an empty text is one too). */
static FILE *text_file(const char *s, size_t n)
{
	FILE *fp = tmpfile();
	assert_non_null(fp);
	assert_int_equal(fwrite(s, 1, n, fp), n);
	rewind(fp);
	return fp;
}

/* The whole document s read as a caller of json_read.h reads it: each
 * scalar written out ("s:TEXT" "n:TEXT" "i:TEXT" for a whole number, t f
 * z), arrays and objects as [ ] { } and keys as "k:TEXT", one a line; or the
 * failure as "PATH:LINE: message". */
static void walk(struct json_reader *r, struct strbuf *out, int depth)
{
	struct strbuf v;
	sb_init(&v);
	bool whole = false;
	enum json_value k = json_read_value(r, &v, &whole);
	switch (k) {
	case JSON_STRING: sb_addf(out, "s:%s\n", v.s); break;
	case JSON_NUMBER: sb_addf(out, "%c:%s\n", whole ? 'i' : 'n', v.s); break;
	case JSON_TRUE: sb_add(out, "t\n"); break;
	case JSON_FALSE: sb_add(out, "f\n"); break;
	case JSON_NULL: sb_add(out, "z\n"); break;
	case JSON_BAD: break;
	case JSON_OBJECT:
	case JSON_ARRAY: {
		char close = k == JSON_OBJECT ? '}' : ']';
		sb_addf(out, "%c\n", k == JSON_OBJECT ? '{' : '[');
		if (depth >= JSON_MAX_DEPTH) {
			json_skip_rest(r, k, &v, depth);
			break;
		}
		if (!json_empty_next(r, close)) {
			do {
				if (k == JSON_OBJECT) {
					if (!json_read_key(r, &v))
						break;
					sb_addf(out, "k:%s\n", v.s);
				}
				walk(r, out, depth + 1);
			} while (!r->failed && json_more(r, close));
		}
		if (!r->failed)
			sb_addf(out, "%c\n", close);
		break;
	}
	}
	sb_free(&v);
}

static char *read_doc(const char *s, size_t n, bool skip, long *bytes)
{
	FILE *fp = text_file(s, n);
	struct json_reader r;
	char err[300];
	struct strbuf out, tmp;
	sb_init(&out);
	sb_init(&tmp);
	sb_add(&out, "");
	json_reader_init(&r, fp, "t.json", err, sizeof err);
	if (skip)
		json_skip_value(&r, &tmp, 0);
	else
		walk(&r, &out, 0);
	json_end(&r);
	if (bytes)
		*bytes = r.bytes;
	fclose(fp);
	sb_free(&tmp);
	if (r.failed) {
		assert_int_equal(r.fail_line, strtol(err + strlen("t.json:"), NULL, 10));
		assert_non_null(strstr(err, r.msg));
		sb_free(&out);
		return xstrdup(err);
	}
	return sb_take(&out);
}

static void json_ok(const char *s, const char *want)
{
	char *got = read_doc(s, strlen(s), false, NULL);
	if (strcmp(got, want) != 0)
		fail_msg("%s:\n%s\nnot\n%s", s, got, want);
	free(got);
	got = read_doc(s, strlen(s), true, NULL);
	if (*got)
		fail_msg("%s skipped: %s", s, got);
	free(got);
}

/* Refused, with "t.json:LINE: " and want in the message, read and skipped
 * alike. */
static void json_bad_n(const char *s, size_t n, long line, const char *want)
{
	char where[32];
	snprintf(where, sizeof where, "t.json:%ld: ", line);
	for (int skip = 0; skip < 2; skip++) {
		char *got = read_doc(s, n, skip, NULL);
		if (strncmp(got, where, strlen(where)) != 0 || !strstr(got, want))
			fail_msg("%s%s: '%s' does not say '%s%s'", s, skip ? " (skipped)" : "", got,
				 where, want);
		free(got);
	}
}

static void json_bad(const char *s, long line, const char *want)
{
	json_bad_n(s, strlen(s), line, want);
}

static void json__strings_escapes_and_surrogates(void **state)
{
	(void)state;
	json_ok("\"Caf\\u00e9 \\\"x\\\" \\ud83d\\ude00\"", "s:Café \"x\" \xF0\x9F\x98\x80\n");
	json_ok("\"\\\\ \\/ \\b\\f\\n\\r\\t\"", "s:\\ / \b\f\n\r\t\n");
	json_ok("\"\\u00E9\\u20ac\\uD834\\uDD1E\"", "s:é€\xF0\x9D\x84\x9E\n");
	json_ok("\"Zoë 王芳\"", "s:Zoë 王芳\n");
	json_ok(" \"\" ", "s:\n");
	json_bad("\"open", 1, "ends inside a string");
	json_bad("\"a\tb\"", 1, "control character");
	json_bad("\"\\x\"", 1, "unknown escape");
	json_bad("\"\\u12g4\"", 1, "four hexadecimal digits");
	json_bad("\"\\u0000\"", 1, "NUL character");
	json_bad("\"\\ud800\"", 1, "lone surrogate");
	json_bad("\"\\ud800\\u0041\"", 1, "lone surrogate");
	json_bad("\"\\udc00\\ud800\"", 1, "lone surrogate");
	/* a string cut in a surrogate pair's escape */
	json_bad("\"\\ud800\\u12", 1, "four hexadecimal digits");
}

static void json__invalid_utf8_refused_with_its_line(void **state)
{
	(void)state;
	json_bad("[\n\"ok\",\n\"\xff\"]", 3, "not valid UTF-8");
	json_bad("{\"a\":1,\n\"\xc3\x28\":2}", 2, "not valid UTF-8"); /* a key too */
	json_bad("\"\xed\xa0\x80\"", 1, "not valid UTF-8");         /* a surrogate as UTF-8 */
	json_bad("\"\xc0\xaf\"", 1, "not valid UTF-8");             /* overlong */
	json_bad("\"\xe2\x82\"", 1, "not valid UTF-8");             /* cut short */
	json_bad("\"\xc3\\u00a9\"", 1, "not valid UTF-8"); /* a lead byte, then an escape */
	json_bad_n("\"a\0b\"", 5, 1, "control character");
	json_bad("\xef\xbb\xbf[]", 1, "a number expected"); /* no byte-order mark */
}

static void json__numbers(void **state)
{
	(void)state;
	json_ok("[0, -0, 42, -17, 1.5, -1.5e3, 2E+10, 3e-2, 1234567890123456789012]",
		"[\ni:0\ni:-0\ni:42\ni:-17\nn:1.5\nn:-1.5e3\nn:2E+10\nn:3e-2\n"
		"i:1234567890123456789012\n]\n");
	json_bad("01", 1, "something after the end");
	json_bad("[1.]", 1, "a digit expected after the decimal point");
	json_bad("1e", 1, "a digit expected in the exponent");
	json_bad("-", 1, "a number expected");
	json_bad("+1", 1, "a number expected");
	json_bad(".5", 1, "a number expected");
	json_bad("[\n1,\n0x10]", 3, "',' or ']' expected");
	char big[200];
	memset(big, '9', sizeof big);
	big[sizeof big - 1] = '\0';
	json_bad(big, 1, "a number too long");
}

static void json__structure_and_lines(void **state)
{
	(void)state;
	json_ok("{\"a\": [true, false, null, {}], \"b\": {\"c\": []}}",
		"{\nk:a\n[\nt\nf\nz\n{\n}\n]\nk:b\n{\nk:c\n[\n]\n}\n}\n");
	json_ok("\r\n\t [ ] \n", "[\n]\n");
	json_bad("", 1, "ends early: a value expected");
	json_bad("\n\n", 3, "ends early: a value expected");
	json_bad("[1,]", 1, "a number expected");
	json_bad("[\n{\"a\":1,}\n]", 2, "a member's name (a string) expected");
	json_bad("{\"a\" 1}", 1, "':' expected");
	json_bad("[1 2]", 1, "',' or ']' expected");
	json_bad("[\n1,\n2\n", 4, "ends early: ',' or ']' expected");
	json_bad("{\"a\":1\n\n}x", 3, "something after the end");
	json_bad("[] []", 1, "something after the end");
	json_bad("tru", 1, "a value expected");
	json_bad("nul", 1, "a value expected");
	json_bad("[\n\n\n\"x\n\"]", 4, "control character");
}

static void json__deep_nesting_refused(void **state)
{
	(void)state;
	char deep[2 * JSON_MAX_DEPTH + 8];
	/* JSON_MAX_DEPTH arrays inside one another are read */
	memset(deep, '[', JSON_MAX_DEPTH);
	memset(deep + JSON_MAX_DEPTH, ']', JSON_MAX_DEPTH);
	deep[2 * JSON_MAX_DEPTH] = '\0';
	char *got = read_doc(deep, strlen(deep), true, NULL);
	assert_string_equal(got, "");
	free(got);
	/* one more is refused, however deep it would go */
	memset(deep, '[', JSON_MAX_DEPTH + 1);
	memset(deep + JSON_MAX_DEPTH + 1, ']', JSON_MAX_DEPTH + 1);
	deep[2 * JSON_MAX_DEPTH + 2] = '\0';
	json_bad(deep, 1, "nested too deep");
	static char deeper[100000];
	memset(deeper, '[', sizeof deeper - 1);
	json_bad("[{\"a\":[{\"b\":", 1, "ends early");
	got = read_doc(deeper, sizeof deeper - 1, true, NULL);
	assert_non_null(strstr(got, "t.json:1: arrays and objects nested too deep"));
	free(got);
}

static void json__limits_copy_and_progress(void **state)
{
	(void)state;
	/* a string longer than the reader's bound */
	const char *s = "[\"abcdefgh\", \n\"abcdefghi\"]";
	FILE *fp = text_file(s, strlen(s));
	FILE *copy = tmpfile();
	struct json_reader r;
	struct strbuf tmp;
	sb_init(&tmp);
	json_reader_init(&r, fp, "t.json", NULL, 0);
	r.max_string = 8;
	r.copy = copy;
	json_skip_value(&r, &tmp, 0);
	assert_true(r.failed);
	assert_int_equal(r.fail_line, 2);
	assert_string_equal(r.msg, "a string longer than 8 bytes");
	/* every byte read was copied, and only those */
	fflush(copy);
	assert_int_equal(ftell(copy), r.bytes);
	fclose(fp);
	fclose(copy);
	/* a reader that failed reads nothing more */
	assert_int_equal(json_read_value(&r, &tmp, NULL), JSON_BAD);
	sb_free(&tmp);
	long bytes = 0;
	char *got = read_doc("[1, 2]  ", 8, true, &bytes);
	assert_string_equal(got, "");
	assert_int_equal(bytes, 8);
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv__quotes_commas_line_breaks_crlf_and_bom),
		cmocka_unit_test(csv__no_bom_short_file_and_refusals),
		cmocka_unit_test(json__strings_escapes_and_surrogates),
		cmocka_unit_test(json__invalid_utf8_refused_with_its_line),
		cmocka_unit_test(json__numbers),
		cmocka_unit_test(json__structure_and_lines),
		cmocka_unit_test(json__deep_nesting_refused),
		cmocka_unit_test(json__limits_copy_and_progress),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
