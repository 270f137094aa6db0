/* json_read.c - the one JSON reader: strict, pull-style, a byte at a time
 * from a FILE*, one value at a time (json_read.h). */
#include <stdarg.h>
#include <string.h>

#include "cxmeet/json_read.h"
#include "cxmeet/text.h"

void json_reader_init(struct json_reader *r, FILE *fp, const char *path, char *err,
		      size_t errlen)
{
	*r = (struct json_reader){.fp = fp, .path = path, .line = 1, .peeked = -2, .err = err,
				  .errlen = errlen};
	if (err && errlen)
		*err = '\0';
}

void json_fail(struct json_reader *r, const char *fmt, ...)
{
	if (r->failed)
		return;
	r->failed = true;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->msg, sizeof r->msg, fmt, ap);
	va_end(ap);
	/* a read that failed looks like the end of the file to the reader */
	if (r->fp && ferror(r->fp))
		snprintf(r->msg, sizeof r->msg, "the file could not be read");
	r->fail_line = r->line;
	if (r->err && r->errlen)
		snprintf(r->err, r->errlen, "%s:%ld: %s", r->path ? r->path : "", r->line, r->msg);
}

void json_skip_ws(struct json_reader *r)
{
	int c;
	while ((c = json_peek(r)) == ' ' || c == '\t' || c == '\n' || c == '\r')
		json_next(r);
}

bool json_expect(struct json_reader *r, char want)
{
	json_skip_ws(r);
	int c = json_next(r);
	if (c == want)
		return true;
	if (c == EOF)
		json_fail(r, "the document ends early: '%c' expected", want);
	else
		json_fail(r, "'%c' expected", want);
	return false;
}

static int hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
				      : -1;
}

static long read_hex4(struct json_reader *r)
{
	long v = 0;
	for (int i = 0; i < 4; i++) {
		int h = hexval(json_next(r));
		if (h < 0) {
			json_fail(r, "a \\u escape needs four hexadecimal digits");
			return -1;
		}
		v = v * 16 + h;
	}
	return v;
}

static void add_utf8(struct strbuf *sb, unsigned long cp)
{
	char b[4];
	size_t n;
	if (cp < 0x80) {
		b[0] = (char)cp, n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | cp >> 6), b[1] = (char)(0x80 | (cp & 0x3f)), n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | cp >> 12), b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f)), n = 3;
	} else {
		b[0] = (char)(0xf0 | cp >> 18), b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f)), b[3] = (char)(0x80 | (cp & 0x3f)), n = 4;
	}
	sb_addn(sb, b, n);
}

bool json_read_string(struct json_reader *r, struct strbuf *sb)
{
	sb->len = 0;
	sb_grow(sb, 1);
	sb->s[0] = '\0';
	for (;;) {
		if (r->max_string && sb->len > r->max_string) {
			json_fail(r, "a string longer than %zu bytes", r->max_string);
			return false;
		}
		int c = json_next(r);
		if (c == EOF) {
			json_fail(r, "the document ends inside a string");
			return false;
		}
		if (c == '"')
			break;
		if (c < 0x20) {
			if (c == '\n')
				r->line--; /* told on the line it ends */
			json_fail(r, "a control character inside a string (it must be escaped)");
			return false;
		}
		if (c != '\\') {
			char ch = (char)c;
			sb_addn(sb, &ch, 1);
			continue;
		}
		c = json_next(r);
		const char *simple = strchr("\"\\/bfnrt", c);
		if (c != EOF && c && simple) {
			static const char out[] = "\"\\/\b\f\n\r\t";
			sb_addn(sb, &out[simple - "\"\\/bfnrt"], 1);
			continue;
		}
		if (c != 'u') {
			json_fail(r, "an unknown escape in a string");
			return false;
		}
		long cp = read_hex4(r);
		if (cp < 0)
			return false;
		if (cp >= 0xd800 && cp <= 0xdbff) {
			long lo = -1;
			if (json_next(r) == '\\' && json_next(r) == 'u')
				lo = read_hex4(r);
			if (r->failed)
				return false;
			if (lo < 0xdc00 || lo > 0xdfff) {
				json_fail(r, "a lone surrogate in a \\u escape");
				return false;
			}
			cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
		} else if (cp >= 0xdc00 && cp <= 0xdfff) {
			json_fail(r, "a lone surrogate in a \\u escape");
			return false;
		} else if (cp == 0) {
			json_fail(r, "a NUL character (\\u0000) in a string");
			return false;
		}
		add_utf8(sb, (unsigned long)cp);
	}
	/* escapes only ever add whole characters: bytes that are not UTF-8
	 * are the file's own */
	if (!text_valid_utf8(sb->s, sb->len)) {
		json_fail(r, "a string that is not valid UTF-8");
		return false;
	}
	return true;
}

/* A number as JSON writes it, its text into sb; *whole when it has no
 * fraction or exponent. */
static bool read_number(struct json_reader *r, struct strbuf *sb, bool *whole)
{
	sb->len = 0;
	*whole = true;
	char ch;
#define TAKE() (ch = (char)json_next(r), sb_addn(sb, &ch, 1))
#define DIGIT(c) ((c) >= '0' && (c) <= '9')
#define LONG() (sb->len > JSON_MAX_NUMBER)
	if (json_peek(r) == '-')
		TAKE();
	if (json_peek(r) == '0') {
		TAKE();
	} else if (DIGIT(json_peek(r))) {
		while (DIGIT(json_peek(r)) && !LONG())
			TAKE();
	} else {
		json_fail(r, "a number expected");
		return false;
	}
	if (json_peek(r) == '.') {
		*whole = false;
		TAKE();
		if (!DIGIT(json_peek(r))) {
			json_fail(r, "a digit expected after the decimal point");
			return false;
		}
		while (DIGIT(json_peek(r)) && !LONG())
			TAKE();
	}
	if (json_peek(r) == 'e' || json_peek(r) == 'E') {
		*whole = false;
		TAKE();
		if (json_peek(r) == '+' || json_peek(r) == '-')
			TAKE();
		if (!DIGIT(json_peek(r))) {
			json_fail(r, "a digit expected in the exponent");
			return false;
		}
		while (DIGIT(json_peek(r)) && !LONG())
			TAKE();
	}
	if (LONG()) {
		json_fail(r, "a number too long");
		return false;
	}
#undef TAKE
#undef DIGIT
#undef LONG
	return true;
}

static bool read_word(struct json_reader *r, const char *w)
{
	for (const char *p = w; *p; p++)
		if (json_next(r) != *p) {
			json_fail(r, "a value expected (a string, number, object, array, true, false "
				  "or null)");
			return false;
		}
	return true;
}

enum json_value json_read_value(struct json_reader *r, struct strbuf *sb, bool *whole)
{
	bool w;
	if (!whole)
		whole = &w;
	json_skip_ws(r);
	int c = json_peek(r);
	if (r->failed)
		return JSON_BAD;
	switch (c) {
	case '"':
		json_next(r);
		return json_read_string(r, sb) ? JSON_STRING : JSON_BAD;
	case '{':
		json_next(r);
		return JSON_OBJECT;
	case '[':
		json_next(r);
		return JSON_ARRAY;
	case 't':
		return read_word(r, "true") ? JSON_TRUE : JSON_BAD;
	case 'f':
		return read_word(r, "false") ? JSON_FALSE : JSON_BAD;
	case 'n':
		return read_word(r, "null") ? JSON_NULL : JSON_BAD;
	case EOF:
		json_fail(r, "the document ends early: a value expected");
		return JSON_BAD;
	default:
		return read_number(r, sb, whole) ? JSON_NUMBER : JSON_BAD;
	}
}

bool json_more(struct json_reader *r, char close)
{
	json_skip_ws(r);
	int c = json_next(r);
	if (c == ',')
		return true;
	if (c != close)
		json_fail(r, c == EOF ? "the document ends early: ',' or '%c' expected"
				      : "',' or '%c' expected", close);
	return false;
}

bool json_empty_next(struct json_reader *r, char close)
{
	json_skip_ws(r);
	if (json_peek(r) == close) {
		json_next(r);
		return true;
	}
	return false;
}

bool json_read_key(struct json_reader *r, struct strbuf *key)
{
	json_skip_ws(r);
	if (json_next(r) != '"') {
		json_fail(r, "a member's name (a string) expected");
		return false;
	}
	return json_read_string(r, key) && json_expect(r, ':');
}

void json_skip_value(struct json_reader *r, struct strbuf *tmp, int depth)
{
	enum json_value v = json_read_value(r, tmp, NULL);
	json_skip_rest(r, v, tmp, depth);
}

void json_skip_rest(struct json_reader *r, enum json_value v, struct strbuf *tmp, int depth)
{
	if (v != JSON_OBJECT && v != JSON_ARRAY)
		return;
	if (depth >= JSON_MAX_DEPTH) {
		json_fail(r, "arrays and objects nested too deep");
		return;
	}
	char close = v == JSON_OBJECT ? '}' : ']';
	if (json_empty_next(r, close))
		return;
	do {
		if (v == JSON_OBJECT && !json_read_key(r, tmp))
			return;
		json_skip_value(r, tmp, depth + 1);
	} while (!r->failed && json_more(r, close));
}

bool json_end(struct json_reader *r)
{
	if (r->failed)
		return false;
	json_skip_ws(r);
	if (json_peek(r) != EOF) {
		json_fail(r, "something after the end of the document");
		return false;
	}
	if (ferror(r->fp)) {
		json_fail(r, "the file could not be read");
		return false;
	}
	return true;
}
