/* output.c - report tables written as plain text, JSON or CSV, and the
 * escaping of JSON strings and CSV fields. */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cxmeet/output.h"
#include "cxmeet/text.h"

static const char *const format_names[] = {
	[OUT_PLAIN] = "plain", [OUT_JSON] = "json", [OUT_CSV] = "csv",
	[OUT_MD] = "md",       [OUT_ICS] = "ics",   [OUT_HTML] = "html",
};

int out_format_parse(const char *name, unsigned allowed)
{
	int f = -1;
	if (!name)
		return -1;
	for (size_t i = 0; i < ARRAY_SIZE(format_names); i++)
		if (text_ieq(name, format_names[i]))
			f = (int)i;
	if (text_ieq(name, "text"))
		f = OUT_PLAIN;
	if (text_ieq(name, "markdown"))
		f = OUT_MD;
	return f >= 0 && (allowed & OUT_ALLOW(f)) ? f : -1;
}

const char *out_format_name(enum out_format f) { return format_names[f]; }

/* --- the table ---------------------------------------------------------- */

void table_init(struct table *t, const struct table_col *cols, size_t ncols)
{
	memset(t, 0, sizeof *t);
	t->cols = cols;
	t->ncols = ncols;
	t->filled = ncols;
	sb_init(&t->text);
}

void table_row(struct table *t)
{
	/* A row left short is completed with no values. */
	while (t->nrows > 0 && t->filled < t->ncols)
		table_cell(t, NULL);
	if ((t->nrows + 1) * t->ncols > t->cap) {
		t->cap = t->cap ? t->cap * 2 : t->ncols * 16;
		while (t->cap < (t->nrows + 1) * t->ncols)
			t->cap *= 2;
		t->cells = xrealloc(t->cells, t->cap * sizeof *t->cells);
	}
	memset(t->cells + t->nrows * t->ncols, 0, t->ncols * sizeof *t->cells);
	t->nrows++;
	t->filled = 0;
}

/* The next cell: n bytes at s (NULL: no value). */
static void cell_add(struct table *t, const char *s, size_t n)
{
	if (t->nrows == 0 || t->filled >= t->ncols)
		die("table: a cell outside a row");
	size_t at = (t->nrows - 1) * t->ncols + t->filled++;
	if (!s) {
		t->cells[at] = 0;
		return;
	}
	t->cells[at] = t->text.len + 1;
	sb_addn(&t->text, s, n);
	sb_addn(&t->text, "", 1); /* the cell's end */
}

void table_cell(struct table *t, const char *s) { cell_add(t, s, s ? strlen(s) : 0); }

void table_cellf(struct table *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	table_cell(t, s);
	free(s);
}

void table_cell_int(struct table *t, long long v)
{
	char buf[24], *p = buf + sizeof buf; /* no printf: a cell or more a row */
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	cell_add(t, p, (size_t)(buf + sizeof buf - p));
}

void table_cell_bool(struct table *t, bool v) { table_cell(t, v ? "1" : "0"); }

void table_clear(struct table *t)
{
	t->nrows = 0;
	t->filled = t->ncols;
	t->text.len = 0;
}

void table_free(struct table *t)
{
	free(t->cells);
	sb_free(&t->text);
	memset(t, 0, sizeof *t);
}

static const char *cell(const struct table *t, size_t r, size_t c)
{
	size_t at = t->cells[r * t->ncols + c];
	return at ? t->text.s + at - 1 : NULL;
}

/* A list cell as plain text and CSV show it: ", " between its items. NULL
 * when s has one item or none (shown as it is). Caller frees. */
static char *list_joined(const char *s)
{
	if (!s || !strchr(s, '\x1f'))
		return NULL;
	struct strbuf sb;
	sb_init(&sb);
	for (const char *p = s; *p; p++) {
		if (*p == '\x1f')
			sb_addn(&sb, ", ", 2);
		else
			sb_addn(&sb, p, 1);
	}
	return sb_take(&sb);
}

/* A list cell as a JSON array of strings. */
static void json_list(struct strbuf *sb, const char *s)
{
	sb_addn(sb, "[", 1);
	for (const char *p = s; p && *p;) {
		const char *q = strchr(p, '\x1f');
		size_t n = q ? (size_t)(q - p) : strlen(p);
		char *item = xstrndup(p, n);
		if (p != s)
			sb_addn(sb, ", ", 2);
		json_string(sb, item);
		free(item);
		p = q ? q + 1 : p + n;
	}
	sb_addn(sb, "]", 1);
}

/* Whether s is printable ASCII only, which plain text shows as it is, one
 * column a byte (most cells): no copy and no width lookup needed. */
static bool plain_ascii(const char *s, int *width)
{
	size_t len = strlen(s);
	if (text_printable_ascii(s, len) != len)
		return false;
	*width = (int)len;
	return true;
}

/* A cell as plain text shows it: one line, nothing a terminal would obey;
 * r SIZE_MAX is the header. *made is what to free (NULL when s is the cell
 * itself); *width its terminal columns. */
static const char *plain_cell(const struct table *t, size_t r, size_t c, char **made,
			      int *width)
{
	const char *s = r == SIZE_MAX ? t->cols[c].name : cell(t, r, c);
	char *joined = NULL;
	*made = NULL;
	if (!s)
		s = "";
	else if (r != SIZE_MAX && t->cols[c].type == COL_BOOL)
		s = strcmp(s, "0") ? "yes" : "no";
	else if (r != SIZE_MAX && t->cols[c].type == COL_LIST && (joined = list_joined(s)))
		s = joined;
	if (!joined && plain_ascii(s, width))
		return s;
	*made = text_printable_line(s);
	free(joined);
	*width = text_width(*made);
	return *made;
}

static void pad(struct strbuf *sb, int n)
{
	static const char spaces[] = "                                ";
	for (; n > 0; n -= (int)sizeof spaces - 1)
		sb_addn(sb, spaces, n < (int)sizeof spaces - 1 ? (size_t)n : sizeof spaces - 1);
}

void table_plain_measure(const struct table *t, int *w)
{
	for (size_t r = 0; r <= t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			char *made;
			int cw;
			plain_cell(t, r == 0 ? SIZE_MAX : r - 1, c, &made, &cw);
			w[c] = cw > w[c] ? cw : w[c];
			free(made);
		}
}

/* One line of plain text: row r (SIZE_MAX: the header) in the widths w, the
 * spaces at its end left out. */
static void plain_line(const struct table *t, size_t r, const int *w, struct strbuf *sb)
{
	size_t start = sb->len;
	for (size_t c = 0; c < t->ncols; c++) {
		char *made;
		int cw;
		const char *s = plain_cell(t, r, c, &made, &cw);
		int gap = w[c] - cw;
		bool last = c + 1 == t->ncols;
		if (c > 0)
			sb_addn(sb, "  ", 2);
		if (t->cols[c].right)
			pad(sb, gap);
		sb_addn(sb, s, made ? strlen(s) : (size_t)cw); /* ASCII: a byte a column */
		if (!t->cols[c].right && !last)
			pad(sb, gap);
		free(made);
	}
	while (sb->len > start && sb->s[sb->len - 1] == ' ')
		sb->s[--sb->len] = '\0';
	sb_addn(sb, "\n", 1);
}

void table_plain_rows(const struct table *t, const int *w, bool header, struct strbuf *out)
{
	if (header)
		plain_line(t, SIZE_MAX, w, out);
	for (size_t r = 0; r < t->nrows; r++)
		plain_line(t, r, w, out);
}

static void render_plain(const struct table *t, struct strbuf *sb)
{
	if (t->nrows == 0) {
		sb_add(sb, "(none)\n");
		return;
	}
	int *w = xcalloc(t->ncols, sizeof *w);
	table_plain_measure(t, w);
	table_plain_rows(t, w, true, sb);
	free(w);
}

/* JSON: the quote, the backslash, newline and tab escaped. text_map has
 * already replaced what no output may carry (an escaped ESC is still an ESC
 * to whatever prints the value); U+FFFD is written \ufffd. */
static void json_char(struct strbuf *sb, uint32_t cp, const char *bytes, size_t n)
{
	switch (cp) {
	case '"': sb_add(sb, "\\\""); break;
	case '\\': sb_add(sb, "\\\\"); break;
	case '\n': sb_add(sb, "\\n"); break;
	case '\r': sb_add(sb, "\\r"); break;
	case '\t': sb_add(sb, "\\t"); break;
	default:
		if (cp < 0x20 || cp == 0xfffd)
			sb_addf(sb, "\\u%04x", (unsigned)cp);
		else
			sb_addn(sb, bytes, n);
	}
}

/* The length of the run at the start of s of printable ASCII but the bytes
 * of `special` (one or two of them): what every format writes as it is. */
static size_t ascii_run(const char *s, const char *special)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char a = (unsigned char)special[0], b = special[1] ? (unsigned char)special[1] : a;
	for (; *p >= 0x20 && *p < 0x7f && *p != a && *p != b; p++)
		;
	return (size_t)(p - (const unsigned char *)s);
}

void json_string(struct strbuf *sb, const char *s)
{
	if (!s) {
		sb_add(sb, "null");
		return;
	}
	/* Most text needs neither cleaning nor escaping: copied whole. */
	size_t len = ascii_run(s, "\"\\");
	if (s[len] == '\0' || (text_is_safe(s, len = strlen(s)) && !strpbrk(s, "\"\\\n\t") &&
				!strstr(s, "\xef\xbf\xbd"))) {
		sb_addn(sb, "\"", 1);
		sb_addn(sb, s, len);
		sb_addn(sb, "\"", 1);
		return;
	}
	sb_addn(sb, "\"", 1);
	text_map(sb, s, json_char);
	sb_addn(sb, "\"", 1);
}

static void html_char(struct strbuf *sb, uint32_t cp, const char *bytes, size_t n)
{
	switch (cp) {
	case '&': sb_add(sb, "&amp;"); return;
	case '<': sb_add(sb, "&lt;"); return;
	case '>': sb_add(sb, "&gt;"); return;
	case '"': sb_add(sb, "&quot;"); return;
	case '\'': sb_add(sb, "&#39;"); return;
	case 0xfffe:
	case 0xffff: /* not characters XML allows */
		sb_add(sb, "\xef\xbf\xbd");
		return;
	}
	sb_addn(sb, bytes, n);
}

void html_text(struct strbuf *sb, const char *s)
{
	if (s)
		text_map(sb, s, html_char);
}

void json_member(struct strbuf *sb, bool *first, const char *key)
{
	size_t len = strlen(key);
	if (ascii_run(key, "\"\\") == len) { /* every key written: ", \"key\": " at once */
		sb_grow(sb, len + 6);
		char *p = sb->s + sb->len;
		if (!*first)
			*p++ = ',', *p++ = ' ';
		*p++ = '"';
		memcpy(p, key, len);
		p += len;
		*p++ = '"', *p++ = ':', *p++ = ' ', *p = '\0';
		sb->len = (size_t)(p - sb->s);
		*first = false;
		return;
	}
	if (!*first)
		sb_add(sb, ", ");
	*first = false;
	json_string(sb, key);
	sb_add(sb, ": ");
}

void json_member_str(struct strbuf *sb, bool *first, const char *key, const char *v)
{
	json_member(sb, first, key);
	json_string(sb, v);
}

void json_member_int(struct strbuf *sb, bool *first, const char *key, long long v)
{
	json_member(sb, first, key);
	sb_add_int(sb, v);
}

void json_member_id(struct strbuf *sb, bool *first, const char *key, long long v)
{
	if (v)
		json_member_int(sb, first, key, v);
	else
		json_member_str(sb, first, key, NULL);
}

void json_member_bool(struct strbuf *sb, bool *first, const char *key, bool v)
{
	json_member(sb, first, key);
	sb_add(sb, v ? "true" : "false");
}

void json_member_date(struct strbuf *sb, bool *first, const char *key, cx_date d)
{
	char buf[16];
	if (d != DATE_NONE)
		date_format(d, buf, sizeof buf);
	json_member_str(sb, first, key, d == DATE_NONE ? NULL : buf);
}

void json_member_time(struct strbuf *sb, bool *first, const char *key, time_t t)
{
	char buf[32];
	if (t)
		clock_format_utc(t, buf, sizeof buf);
	json_member_str(sb, first, key, t ? buf : NULL);
}

static void csv_char(struct strbuf *sb, uint32_t cp, const char *bytes, size_t n)
{
	sb_addn(sb, cp == '"' ? "\"\"" : bytes, cp == '"' ? 2 : n);
}

void csv_field(struct strbuf *sb, const char *s, bool guard)
{
	if (!s)
		return;
	bool formula = guard && *s && strchr("=+-@\t\r", *s) != NULL;
	size_t run = ascii_run(s, ",\"");
	if (!formula && s[run] == '\0') { /* most fields: plain ASCII, no comma */
		sb_addn(sb, s, run);
		return;
	}
	bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		sb_add(sb, "\"");
	if (formula)
		sb_add(sb, "'");
	size_t len = strlen(s);
	if (!strchr(s, '"') && text_is_safe(s, len))
		sb_addn(sb, s, len); /* most text: copied whole */
	else
		text_map(sb, s, csv_char);
	if (quote)
		sb_add(sb, "\"");
}

static void json_rows(const struct table *t, size_t rows_before, struct strbuf *sb)
{
	if (t->nrows == 0)
		return;
	/* Each member's start (", " but the first, the name quoted, ": "),
	 * made once for the rows at hand, not again for every cell. */
	struct strbuf keys;
	sb_init(&keys);
	size_t *at = xmalloc((t->ncols + 1) * sizeof *at);
	for (size_t c = 0; c < t->ncols; c++) {
		at[c] = keys.len;
		if (c)
			sb_addn(&keys, ", ", 2);
		json_string(&keys, t->cols[c].name);
		sb_addn(&keys, ": ", 2);
	}
	at[t->ncols] = keys.len;
	for (size_t r = 0; r < t->nrows; r++) {
		if (rows_before + r)
			sb_addn(sb, ",\n  {", 5);
		else
			sb_addn(sb, "\n  {", 4);
		for (size_t c = 0; c < t->ncols; c++) {
			const char *v = cell(t, r, c);
			sb_addn(sb, keys.s + at[c], at[c + 1] - at[c]);
			if (t->cols[c].type == COL_LIST)
				json_list(sb, v);
			else if (!v)
				sb_addn(sb, "null", 4);
			else if (t->cols[c].type == COL_INT)
				sb_add(sb, *v ? v : "null");
			else if (t->cols[c].type == COL_BOOL)
				sb_add(sb, strcmp(v, "0") ? "true" : "false");
			else
				json_string(sb, v);
		}
		sb_addn(sb, "}", 1);
	}
	free(at);
	sb_free(&keys);
}

static void csv_header(const struct table *t, struct strbuf *sb)
{
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			sb_add(sb, ",");
		csv_field(sb, t->cols[c].name, false);
	}
	sb_add(sb, "\r\n");
}

static void csv_rows(const struct table *t, struct strbuf *sb)
{
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				sb_add(sb, ",");
			const char *v = cell(t, r, c);
			char *joined = t->cols[c].type == COL_LIST ? list_joined(v) : NULL;
			csv_field(sb, joined ? joined : v,
				  t->cols[c].type == COL_TEXT || t->cols[c].type == COL_LIST);
			free(joined);
		}
		sb_add(sb, "\r\n");
	}
}

void table_stream_begin(const struct table *t, enum out_format f, struct strbuf *out)
{
	if (f == OUT_JSON)
		sb_add(out, "[");
	else if (f == OUT_CSV)
		csv_header(t, out);
}

void table_stream_rows(const struct table *t, enum out_format f, size_t rows_before,
		       struct strbuf *out)
{
	if (f == OUT_JSON)
		json_rows(t, rows_before, out);
	else if (f == OUT_CSV)
		csv_rows(t, out);
}

void table_stream_end(const struct table *t, enum out_format f, size_t rows, struct strbuf *out)
{
	(void)t;
	if (f == OUT_JSON)
		sb_add(out, rows ? "\n]\n" : "]\n");
}

static void render_json(const struct table *t, struct strbuf *sb)
{
	table_stream_begin(t, OUT_JSON, sb);
	json_rows(t, 0, sb);
	table_stream_end(t, OUT_JSON, t->nrows, sb);
}

static void render_csv(const struct table *t, struct strbuf *sb)
{
	csv_header(t, sb);
	csv_rows(t, sb);
}

void table_render(const struct table *t, enum out_format f, struct strbuf *out)
{
	if (f == OUT_JSON)
		render_json(t, out);
	else if (f == OUT_CSV)
		render_csv(t, out);
	else
		render_plain(t, out);
}

bool table_write(const struct table *t, enum out_format f, FILE *fp)
{
	struct strbuf sb;
	sb_init(&sb);
	table_render(t, f, &sb);
	bool ok = fwrite(sb.s, 1, sb.len, fp) == sb.len;
	sb_free(&sb);
	return ok;
}
