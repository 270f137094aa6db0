/* output.h - tables for the command line's reports, and the escaping every
 * output format needs. A report fills a table; the table is written as
 * aligned plain text, JSON (an array of objects) or CSV (RFC 4180, with a
 * header row). Pure C: no SQL, no curses. */
#ifndef CXMEET_OUTPUT_H
#define CXMEET_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cxmeet/dates.h"
#include "cxmeet/util.h"

enum out_format { OUT_PLAIN, OUT_JSON, OUT_CSV, OUT_MD, OUT_ICS, OUT_HTML };

/* Bits for out_format_parse's `allowed`. */
#define OUT_ALLOW(f) (1u << (f))
#define OUT_TABLES (OUT_ALLOW(OUT_PLAIN) | OUT_ALLOW(OUT_JSON) | OUT_ALLOW(OUT_CSV))

/* "plain"/"text", "json", "csv", "md"/"markdown", "ics", "html"; -1 when the name is
 * unknown or not among `allowed`. */
int out_format_parse(const char *name, unsigned allowed);
const char *out_format_name(enum out_format f);

enum col_type {
	COL_TEXT, /* a JSON string */
	COL_INT,  /* a JSON number; the cell holds it as JSON writes it (digits, 92.5) */
	COL_BOOL, /* a JSON true/false; the cell holds "1" or "0" (plain: yes/no) */
	COL_LIST, /* a JSON array of strings; the cell holds them with a unit
		   * separator ('\x1f') between, no value an empty array (plain
		   * and CSV: ", " between) */
};

struct table_col {
	const char *name; /* the plain header, the CSV header and the JSON key */
	enum col_type type;
	bool right;       /* plain text: aligned right (numbers) */
};

struct table {
	const struct table_col *cols;
	size_t ncols;
	size_t *cells; /* row-major: 1 + the cell's offset in text; 0: no value
			* (JSON null, empty elsewhere) */
	size_t nrows, cap;
	size_t filled;      /* cells written in the last row */
	struct strbuf text; /* every cell's bytes, each ended by a NUL: one
			     * allocation for the lot, not one per cell */
};

void table_init(struct table *t, const struct table_col *cols, size_t ncols);
/* Starts a row; the next ncols table_cell* calls fill it. */
void table_row(struct table *t);
void table_cell(struct table *t, const char *s); /* copies s; NULL: no value */
void table_cellf(struct table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void table_cell_int(struct table *t, long long v);
void table_cell_bool(struct table *t, bool v);
/* Appends the table in format f (OUT_PLAIN, OUT_JSON or OUT_CSV). Plain text
 * has a header line and columns two spaces apart, the last one unpadded;
 * "(none)" when there is no row. Control characters in cells are made
 * harmless in plain text, escaped in JSON and quoted in CSV. */
void table_render(const struct table *t, enum out_format f, struct strbuf *out);
/* table_render to a stream; returns false if writing failed. */
bool table_write(const struct table *t, enum out_format f, FILE *fp);
void table_free(struct table *t);
/* Empties t of its rows, keeping its memory for the next ones (a long
 * report's next page). */
void table_clear(struct table *t);

/* Plain text a page at a time, in widths fixed before the rest of the rows
 * are read (a long report cannot hold every row to measure them):
 * table_plain_measure widens w[0..ncols) to the header and the rows of t;
 * table_plain_rows writes the rows of t (after the header, with `header`)
 * padded to w, as table_render does. A cell wider than its column pushes the
 * rest of its row to the right. */
void table_plain_measure(const struct table *t, int *w);
void table_plain_rows(const struct table *t, const int *w, bool header, struct strbuf *out);

/* A long table written a page at a time, in the same bytes as table_render
 * writes it whole: table_stream_begin once, table_stream_rows for each page
 * (t holding only that page's rows; rows_before: how many pages before held),
 * table_stream_end with the number of rows written. JSON and CSV only (plain
 * text: table_plain_rows). */
void table_stream_begin(const struct table *t, enum out_format f, struct strbuf *out);
void table_stream_rows(const struct table *t, enum out_format f, size_t rows_before,
		       struct strbuf *out);
void table_stream_end(const struct table *t, enum out_format f, size_t rows, struct strbuf *out);

/* A JSON string literal for s (with the quotes): ", \ and control characters
 * escaped, bytes that are not UTF-8 replaced by U+FFFD, U+2028/U+2029
 * escaped. NULL gives null. */
void json_string(struct strbuf *sb, const char *s);
/* s as HTML (and XML) text or attribute value: & < > " ' as references,
 * nothing unsafe (text_map). */
void html_text(struct strbuf *sb, const char *s);
/* Members of a JSON object, each written after a comma unless *first (which
 * they clear): `"key": value`. Missing values are null: a NULL string, an id
 * of 0 (json_member_id), DATE_NONE, a time of 0. Times are UTC timestamps
 * ("2026-11-23T10:00:00Z"), dates "2026-11-23". */
void json_member(struct strbuf *sb, bool *first, const char *key);
void json_member_str(struct strbuf *sb, bool *first, const char *key, const char *v);
void json_member_int(struct strbuf *sb, bool *first, const char *key, long long v);
void json_member_id(struct strbuf *sb, bool *first, const char *key, long long v);
void json_member_bool(struct strbuf *sb, bool *first, const char *key, bool v);
void json_member_date(struct strbuf *sb, bool *first, const char *key, cx_date d);
void json_member_time(struct strbuf *sb, bool *first, const char *key, time_t t);

/* One CSV field: quoted when it holds a comma, quote, CR or LF. With
 * `guard` (text, not numbers), a field that starts with a character a
 * spreadsheet would read as a formula (=, +, -, @, tab, CR) gets a leading
 * apostrophe. Bytes that are not UTF-8 become U+FFFD. */
void csv_field(struct strbuf *sb, const char *s, bool guard);

#endif
