/* json_read.h - the one JSON reader of what is imported (the JSON export,
 * taskwarrior's export): strict (RFC 8259: UTF-8 only, no NUL, nothing after
 * the document), pull-style and streaming: it reads a FILE* a byte at a time
 * and gives one value at a time (a scalar whole, an object or an array its
 * opening bracket), so that its caller keeps only what it needs. Strings are
 * decoded (every escape, \u with its surrogate pairs; \u0000 refused) and
 * held to UTF-8; numbers are kept as they are written. The first failure
 * sticks: it is told as "PATH:LINE: message" in err (the bare message and
 * its line kept apart for who tells it otherwise), and every read after it
 * fails. */
#ifndef CXMEET_JSON_READ_H
#define CXMEET_JSON_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cxmeet/util.h"

/* Arrays and objects nested deeper than this are refused (json_skip_value;
 * a caller that descends itself counts its own depth against it). */
#define JSON_MAX_DEPTH 64
/* A number longer than this (in characters) is refused. */
#define JSON_MAX_NUMBER 40

enum json_value {
	JSON_STRING,
	JSON_NUMBER,
	JSON_TRUE,
	JSON_FALSE,
	JSON_NULL,
	JSON_OBJECT, /* its '{' read: the members follow */
	JSON_ARRAY,  /* its '[' read: the elements follow */
	JSON_BAD,    /* refused: r->failed */
};

/* Told how many bytes have been read so far (every 64 KiB). */
typedef void (*json_progress)(void *ctx, long bytes);

struct json_reader {
	FILE *fp;
	const char *path; /* in messages, printable */
	long line;        /* from 1 */
	long bytes;       /* read so far */
	int peeked;       /* the next byte, or -2: not read yet */
	size_t max_string; /* a longer string is refused; 0: no bound */
	bool failed;
	char msg[256];  /* the failure, without where */
	long fail_line; /* where */
	char *err;      /* "PATH:LINE: msg", when given */
	size_t errlen;
	json_progress progress;
	void *ctx;
	FILE *copy; /* when set, every byte read is written to it as well */
};

/* A reader of fp; err (errlen bytes, may be NULL) receives the failure. */
void json_reader_init(struct json_reader *r, FILE *fp, const char *path, char *err,
		      size_t errlen);
/* Refuses the document at the current line (only the first failure is
 * kept). */
void json_fail(struct json_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The next byte without reading it, or EOF. (Inline, as the next: every
 * byte of a document goes through them.) */
static inline int json_peek(struct json_reader *r)
{
	if (r->peeked == -2) {
		/* one thread reads a document: the stream's lock is not needed */
		r->peeked = r->failed ? EOF : getc_unlocked(r->fp);
		if (r->copy && r->peeked != EOF)
			putc_unlocked(r->peeked, r->copy);
	}
	return r->peeked;
}

/* The next byte, read (lines counted), or EOF. */
static inline int json_next(struct json_reader *r)
{
	int c = json_peek(r);
	r->peeked = -2;
	if (c == '\n')
		r->line++;
	if (c != EOF && (++r->bytes & 0xffff) == 0 && r->progress)
		r->progress(r->ctx, r->bytes);
	return c;
}
void json_skip_ws(struct json_reader *r);
/* Whitespace, then the byte want; else refused. */
bool json_expect(struct json_reader *r, char want);

/* The next value: a scalar read whole (a string's or a number's text in sb,
 * *whole when a number has no fraction or exponent), an object's or an
 * array's opening bracket only. */
enum json_value json_read_value(struct json_reader *r, struct strbuf *sb, bool *whole);
/* A string, its opening quote already read, decoded into sb (emptied
 * first). */
bool json_read_string(struct json_reader *r, struct strbuf *sb);
/* A member's name (into key) and its colon. */
bool json_read_key(struct json_reader *r, struct strbuf *key);
/* Right after an object's or an array's opening bracket: whether it is
 * empty (its close then read). */
bool json_empty_next(struct json_reader *r, char close);
/* After an element of an array or a member of an object: true when another
 * follows (its comma read), false at the closing bracket (read) or on a
 * failure. */
bool json_more(struct json_reader *r, char close);
/* A whole value skipped, depth being how deep it is already (tmp a
 * scratch buffer). */
void json_skip_value(struct json_reader *r, struct strbuf *tmp, int depth);
/* The rest of a value whose start json_read_value gave (v). */
void json_skip_rest(struct json_reader *r, enum json_value v, struct strbuf *tmp, int depth);
/* After the document: nothing but whitespace left, and the file read
 * without an error; else refused. */
bool json_end(struct json_reader *r);

#endif
