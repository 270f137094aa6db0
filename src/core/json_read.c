/* json_read.c - a small strict JSON reader: the whole text into a tree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/json_read.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

struct reader {
	const char *p, *end;
	long line;
	char *err;
	size_t errlen;
};

static int fail(struct reader *r, const char *msg)
{
	snprintf(r->err, r->errlen, "%s", msg);
	return -1;
}

static void space(struct reader *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')) {
		if (*r->p == '\n')
			r->line++;
		r->p++;
	}
}

static int hex4(struct reader *r, unsigned *out)
{
	if (r->end - r->p < 4)
		return fail(r, "a \\u escape needs four hex digits");
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		char c = *r->p++;
		v <<= 4;
		if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
		else return fail(r, "a \\u escape needs four hex digits");
	}
	*out = v;
	return 0;
}

static void put_utf8(struct strbuf *sb, unsigned cp)
{
	char b[4];
	size_t n;
	if (cp < 0x80) { b[0] = (char)cp; n = 1; }
	else if (cp < 0x800) { b[0] = (char)(0xC0 | cp >> 6); b[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
	else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | cp >> 12); b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
	} else {
		b[0] = (char)(0xF0 | cp >> 18); b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); b[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
	}
	sb_addn(sb, b, n);
}

static int string(struct reader *r, char **out)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_add(&sb, "");
	r->p++; /* the quote */
	for (;;) {
		if (r->p >= r->end) {
			sb_free(&sb);
			return fail(r, "a string is left open");
		}
		unsigned char c = (unsigned char)*r->p++;
		if (c == '"')
			break;
		if (c < 0x20) {
			sb_free(&sb);
			return fail(r, "a control character inside a string");
		}
		if (c != '\\') {
			sb_addn(&sb, (const char *)&c, 1);
			continue;
		}
		if (r->p >= r->end) {
			sb_free(&sb);
			return fail(r, "a string is left open");
		}
		char e = *r->p++;
		unsigned cp;
		switch (e) {
		case '"': sb_add(&sb, "\""); break;
		case '\\': sb_add(&sb, "\\"); break;
		case '/': sb_add(&sb, "/"); break;
		case 'b': sb_add(&sb, "\b"); break;
		case 'f': sb_add(&sb, "\f"); break;
		case 'n': sb_add(&sb, "\n"); break;
		case 'r': sb_add(&sb, "\r"); break;
		case 't': sb_add(&sb, "\t"); break;
		case 'u':
			if (hex4(r, &cp) != 0) {
				sb_free(&sb);
				return -1;
			}
			if (cp >= 0xD800 && cp < 0xDC00) {
				unsigned lo;
				if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u') {
					sb_free(&sb);
					return fail(r, "a \\u escape of half a surrogate pair");
				}
				r->p += 2;
				if (hex4(r, &lo) != 0 || lo < 0xDC00 || lo > 0xDFFF) {
					sb_free(&sb);
					return fail(r, "a \\u escape of half a surrogate pair");
				}
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			} else if (cp >= 0xDC00 && cp < 0xE000) {
				sb_free(&sb);
				return fail(r, "a \\u escape of half a surrogate pair");
			}
			if (cp == 0) {
				sb_free(&sb);
				return fail(r, "a string holds a NUL character (\\u0000)");
			}
			put_utf8(&sb, cp);
			break;
		default:
			sb_free(&sb);
			return fail(r, "an unknown escape inside a string");
		}
	}
	if (!text_valid_utf8(sb.s, sb.len)) {
		sb_free(&sb);
		return fail(r, "a string is not UTF-8 text");
	}
	*out = sb_take(&sb);
	return 0;
}

static int value(struct reader *r, struct json *v, int depth);

static int members(struct reader *r, struct json *v, int depth, bool object)
{
	char close = object ? '}' : ']';
	size_t cap = 0;
	r->p++;
	space(r);
	if (r->p < r->end && *r->p == close) {
		r->p++;
		return 0;
	}
	for (;;) {
		if (v->n == cap) {
			cap = cap ? cap * 2 : 8;
			v->items = xrealloc(v->items, cap * sizeof *v->items);
			if (object)
				v->keys = xrealloc(v->keys, cap * sizeof *v->keys);
		}
		space(r);
		if (object) {
			if (r->p >= r->end || *r->p != '"')
				return fail(r, "an object's key is not a string");
			if (string(r, &v->keys[v->n]) != 0)
				return -1;
			space(r);
			if (r->p >= r->end || *r->p != ':') {
				free(v->keys[v->n]);
				return fail(r, "a key is not followed by ':'");
			}
			r->p++;
			space(r);
		}
		memset(&v->items[v->n], 0, sizeof v->items[v->n]);
		int rc = value(r, &v->items[v->n], depth + 1);
		v->n++; /* freed with the rest, whatever it holds */
		if (rc != 0)
			return -1;
		space(r);
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			continue;
		}
		if (r->p < r->end && *r->p == close) {
			r->p++;
			return 0;
		}
		return fail(r, object ? "an object goes on without ',' or '}'"
				      : "an array goes on without ',' or ']'");
	}
}

static bool word(struct reader *r, const char *w)
{
	size_t n = strlen(w);
	if ((size_t)(r->end - r->p) < n || memcmp(r->p, w, n) != 0)
		return false;
	r->p += n;
	return true;
}

static int number(struct reader *r, struct json *v)
{
	const char *s = r->p;
	if (r->p < r->end && *r->p == '-')
		r->p++;
	if (r->p >= r->end || *r->p < '0' || *r->p > '9')
		return fail(r, "a value that is not JSON");
	if (*r->p == '0')
		r->p++;
	else
		while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
			r->p++;
	if (r->p < r->end && *r->p == '.') {
		r->p++;
		if (r->p >= r->end || *r->p < '0' || *r->p > '9')
			return fail(r, "a number with no digit after its point");
		while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
			r->p++;
	}
	if (r->p < r->end && (*r->p == 'e' || *r->p == 'E')) {
		r->p++;
		if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
			r->p++;
		if (r->p >= r->end || *r->p < '0' || *r->p > '9')
			return fail(r, "a number with no digit in its exponent");
		while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
			r->p++;
	}
	v->type = JSON_NUMBER;
	v->s = xstrndup(s, (size_t)(r->p - s));
	return 0;
}

static int value(struct reader *r, struct json *v, int depth)
{
	if (depth > JSON_MAX_DEPTH)
		return fail(r, "values nested too deep");
	space(r);
	v->line = r->line;
	if (r->p >= r->end)
		return fail(r, "the text ends where a value was expected");
	switch (*r->p) {
	case '{': v->type = JSON_OBJECT; return members(r, v, depth, true);
	case '[': v->type = JSON_ARRAY; return members(r, v, depth, false);
	case '"': v->type = JSON_STRING; return string(r, &v->s);
	}
	if (word(r, "null")) { v->type = JSON_NULL; return 0; }
	if (word(r, "true")) { v->type = JSON_BOOL; v->b = true; return 0; }
	if (word(r, "false")) { v->type = JSON_BOOL; return 0; }
	return number(r, v);
}

int json_parse(const char *text, size_t len, struct json *out, char *err, size_t errlen,
	       long *line)
{
	struct reader r = {text, text + len, 1, err, errlen};
	memset(out, 0, sizeof *out);
	int rc = value(&r, out, 0);
	if (rc == 0) {
		space(&r);
		if (r.p != r.end)
			rc = fail(&r, "more after the value");
	}
	if (rc != 0) {
		*line = r.line;
		json_free(out);
	}
	return rc;
}

const struct json *json_get(const struct json *obj, const char *key)
{
	if (!obj || obj->type != JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < obj->n; i++)
		if (strcmp(obj->keys[i], key) == 0)
			return &obj->items[i];
	return NULL;
}

const char *json_get_str(const struct json *obj, const char *key)
{
	const struct json *v = json_get(obj, key);
	return v && v->type == JSON_STRING ? v->s : NULL;
}

void json_free(struct json *v)
{
	for (size_t i = 0; i < v->n; i++) {
		json_free(&v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	free(v->s);
	memset(v, 0, sizeof *v);
}
