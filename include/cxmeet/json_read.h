/* json_read.h - a small strict JSON reader (RFC 8259) for what is imported:
 * the whole text is read into a tree; strings are UTF-8 (\u escapes and
 * their surrogate pairs decoded, \u0000 refused); numbers are kept as they
 * are written; each value knows the line it starts on. */
#ifndef CXMEET_JSON_READ_H
#define CXMEET_JSON_READ_H

#include <stdbool.h>
#include <stddef.h>

/* Values nested deeper than this are refused. */
#define JSON_MAX_DEPTH 64

enum json_type { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT };

struct json {
	enum json_type type;
	bool b;
	char *s;            /* a string, or a number as written */
	size_t n;           /* an array's or an object's members */
	struct json *items; /* their values */
	char **keys;        /* an object's keys */
	long line;          /* where the value starts, from 1 */
};

/* 0 and *out; or -1 with the reason in err and its line in *line (out is
 * then empty). */
int json_parse(const char *text, size_t len, struct json *out, char *err, size_t errlen,
	       long *line);
/* An object's member (the first of that key), NULL when none or not an
 * object. */
const struct json *json_get(const struct json *obj, const char *key);
/* A member's string, NULL unless it is one. */
const char *json_get_str(const struct json *obj, const char *key);
void json_free(struct json *v);

#endif
