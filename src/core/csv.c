/* csv.c - reading CSV (RFC 4180) a record at a time: quoted fields may hold
 * commas, doubled quotes and line breaks; lines end in LF or CRLF; an Excel
 * UTF-8 byte-order mark at the start is skipped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/import.h"

void csv_open(struct csv_reader *r, FILE *fp)
{
	memset(r, 0, sizeof *r);
	r->fp = fp;
	r->next_line = 1;
	sb_init(&r->buf);
	int c[3];
	int n = 0;
	while (n < 3 && (c[n] = getc(fp)) != EOF)
		n++;
	if (n == 3 && c[0] == 0xEF && c[1] == 0xBB && c[2] == 0xBF)
		return;
	for (int i = n - 1; i >= 0; i--) /* read again, in order */
		r->pend[r->npend++] = c[i];
}

/* The next byte: those held back by csv_open first. */
static int next_byte(struct csv_reader *r)
{
	if (r->npend)
		return r->pend[--r->npend];
	return getc(r->fp);
}

static void back(struct csv_reader *r, int c)
{
	r->pend[r->npend++] = c;
}

static void end_field(struct csv_reader *r, size_t start)
{
	if (r->nf == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->offs = xrealloc(r->offs, r->cap * sizeof *r->offs);
	}
	r->offs[r->nf++] = start;
	sb_addn(&r->buf, "", 1);
	r->buf.s[r->buf.len - 1] = '\0';
}

/* Skips what is left of the line, to read on from the next one. */
static void skip_line(struct csv_reader *r)
{
	int c;
	while ((c = next_byte(r)) != EOF && c != '\n')
		;
	if (c == '\n')
		r->next_line++;
}

int csv_next(struct csv_reader *r, char *err, size_t errlen)
{
	r->buf.len = 0;
	r->nf = 0;
	r->line = r->next_line;
	size_t start = 0;
	bool quoted = false, after_quote = false, any = false;
	for (;;) {
		int c = next_byte(r);
		if (quoted) {
			if (c == EOF) {
				snprintf(err, errlen, "a quote is left open to the end of the file");
				return -1;
			}
			if (c == '"') {
				int d = next_byte(r);
				if (d == '"') {
					sb_addn(&r->buf, "\"", 1);
					continue;
				}
				if (d != EOF)
					back(r, d);
				quoted = false;
				after_quote = true;
				continue;
			}
			if (c == '\n')
				r->next_line++;
			if (r->buf.len - start >= CSV_MAX_FIELD) {
				snprintf(err, errlen, "a field is longer than %d bytes", CSV_MAX_FIELD);
				skip_line(r);
				return -1;
			}
			sb_addn(&r->buf, (char[]){(char)c}, 1);
			continue;
		}
		if (c == EOF && !any) {
			if (ferror(r->fp)) {
				snprintf(err, errlen, "cannot be read");
				return -1;
			}
			return 0;
		}
		any = true;
		if (c == '\r') {
			int d = next_byte(r);
			if (d != '\n' && d != EOF)
				back(r, d);
			c = '\n';
		}
		if (c == ',' || c == '\n' || c == EOF) {
			end_field(r, start);
			start = r->buf.len;
			after_quote = false;
			if (c == ',')
				continue;
			if (c == '\n')
				r->next_line++;
			break;
		}
		if (after_quote) {
			snprintf(err, errlen, "a quoted field goes on after its closing quote");
			skip_line(r);
			return -1;
		}
		if (c == '"') {
			if (r->buf.len != start) {
				snprintf(err, errlen, "a quote inside a field that is not quoted "
					 "(a field with quotes is quoted whole, its quotes doubled)");
				skip_line(r);
				return -1;
			}
			quoted = true;
			continue;
		}
		if (r->buf.len - start >= CSV_MAX_FIELD) {
			snprintf(err, errlen, "a field is longer than %d bytes", CSV_MAX_FIELD);
			skip_line(r);
			return -1;
		}
		sb_addn(&r->buf, (char[]){(char)c}, 1);
	}
	r->fields = xrealloc(r->fields, r->nf * sizeof *r->fields);
	for (size_t i = 0; i < r->nf; i++)
		r->fields[i] = r->buf.s + r->offs[i];
	return 1;
}

void csv_close(struct csv_reader *r)
{
	sb_free(&r->buf);
	free(r->offs);
	free(r->fields);
	memset(r, 0, sizeof *r);
}
