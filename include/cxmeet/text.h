/* text.h - checks and transforms user text: UTF-8 validity, control characters,
 * length limits, trimming and case folding for name comparison. Pure C. */
#ifndef CXMEET_TEXT_H
#define CXMEET_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

/* Limits on what a person may type into one field, in bytes. */
#define TEXT_MAX_NAME 200
#define TEXT_MAX_SHORT 2000
#define TEXT_MAX_LONG 100000

enum text_kind {
	TEXT_NAME,  /* a name: one line, at most TEXT_MAX_NAME bytes */
	TEXT_SHORT, /* one line of text, at most TEXT_MAX_SHORT bytes */
	TEXT_LONG,  /* free text: newlines and tabs allowed, at most TEXT_MAX_LONG */
};

bool text_valid_utf8(const char *s, size_t len);

/* Decodes the UTF-8 sequence at s (at most len bytes) into *cp; returns its
 * length, or 0 when invalid (overlong forms, surrogates and values past
 * U+10FFFF included). */
size_t text_utf8_next(const unsigned char *s, size_t len, uint32_t *cp);

/* Searching: ASCII that is not a letter or digit separates words, and so
 * does a byte that is not UTF-8. text_word_char returns the length of the
 * word character at s (0: a separator); text_has_word whether s holds a
 * word at all, i.e. whether a search for it means anything. */
size_t text_word_char(const unsigned char *s, size_t len);
bool text_has_word(const char *s);

/* The one rule for what text may carry, in and out: C0 controls (but newline
 * and tab), DEL, C1 controls (U+0080-U+009F), the line and paragraph
 * separators U+2028/U+2029, and the bidirectional marks, embeddings,
 * overrides and isolates (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) are
 * unsafe: input refuses them, output replaces them. */
bool text_is_unsafe(uint32_t cp);

struct strbuf;
/* Calls emit for each character of s in turn, with its code point and its
 * bytes. What output may not carry comes as U+FFFD (with its UTF-8 bytes): a
 * byte that is not UTF-8 and an unsafe character; the CR of a CRLF is left
 * out. Newline and tab come as they are: each format decides. The writers of
 * every output format are built on it. */
void text_map(struct strbuf *sb, const char *s,
	      void (*emit)(struct strbuf *sb, uint32_t cp, const char *bytes, size_t n));

/* Whether the user's locale is UTF-8 (the terminal can show more than
 * ASCII), as main() found it before making LC_CTYPE UTF-8 for names; true
 * until said otherwise. */
bool text_locale_utf8(void);
void text_locale_set_utf8(bool utf8);

/* Whether s[0..len) is valid UTF-8 with nothing unsafe in it. */
bool text_is_safe(const char *s, size_t len);
/* How many bytes at the start of s[0..len) are printable ASCII (0x20 to
 * 0x7e): what every format writes as it is, one column a byte. */
size_t text_printable_ascii(const char *s, size_t len);

/* The last guard before a stream: text_guard_feed appends the bytes written
 * with anything unsafe replaced, keeping CRLF line ends (CSV and iCalendar
 * need them) and holding back a character or CRLF cut between two writes;
 * text_guard_end lets out what was held back. */
struct text_guard {
	unsigned char pend[4];
	size_t npend;
};
/* Whether text_guard_feed would pass s[0..len) as it is: safe text, CR only
 * in a CRLF (the fast path for a whole buffer). */
bool text_is_safe_crlf(const char *s, size_t len);
void text_guard_feed(struct text_guard *g, const char *buf, size_t n, struct strbuf *out);
void text_guard_end(struct text_guard *g, struct strbuf *out);

/* Validates `in` as text of `kind`, after trimming surrounding white space.
 * On success returns a trimmed copy (caller frees); on failure returns NULL and
 * writes a message naming `what` (e.g. "department name") into err. */
char *text_clean(const char *in, enum text_kind kind, const char *what, char *err, size_t errlen);

/* The key under which names are compared: Unicode case-folded and NFC, trimmed,
 * inner runs of white space collapsed. Caller frees. */
char *text_fold(const char *s);

/* The NFC form of valid UTF-8 text (a copy of s otherwise). Caller frees. */
char *text_nfc(const char *s);

/* Case-insensitive ASCII equality, for keywords such as "weekly". */
bool text_ieq(const char *a, const char *b);
/* The word for n things, singular or plural: "%d %s", n, text_plural(n,
 * "day", "days") says "1 day", "0 days", "3 days". The one rule for plurals
 * on screen, in the minutes and in exports. */
const char *text_plural(long long n, const char *one, const char *many);

/* A copy safe to print: unsafe characters (newline and tab are kept) and
 * bytes that are not valid UTF-8 become U+FFFD; CRLF becomes LF. Caller
 * frees. */
char *text_printable(const char *s);
/* text_printable on one line: newline and tab become spaces. */
char *text_printable_line(const char *s);
/* s as one word of a shell command to copy: as it is when it holds only
 * letters, digits and _ @ % + = : , . / -, else in single quotes (a quote
 * in it as '\''). Caller frees. */
char *text_shell_word(const char *s);

/* The columns one character takes on a terminal (libunistring's widths; an
 * unsafe or control character is shown in one, as U+FFFD). */
int text_cp_width(uint32_t cp);

/* One grapheme cluster (UAX #29) of s[0..len): a character with its marks, an
 * emoji sequence joined by U+200D, a flag (two regional indicators); a byte
 * that is not UTF-8 and an unsafe character are one of their own. Returns its
 * bytes (0 when len is 0) and the columns it takes in *cols. The one measure
 * of text on screen and in padded output: a cluster is never cut. */
size_t text_cluster(const char *s, size_t len, int *cols);

/* How a cluster is drawn: cells of one spacing character with at most
 * TEXT_CELL_MAX - 1 marks on it (tab and newline as a space, what is unsafe
 * or not UTF-8 as U+FFFD). What an emoji sequence joins with U+200D is left
 * out (terminals draw such sequences at widths of their own; its first emoji
 * keeps the columns the program counted). Fills at most max cells; returns
 * the cluster's bytes and its columns in *cols (the sum of the cells'). */
#define TEXT_CELL_MAX 5
struct text_cell {
	uint32_t cp[TEXT_CELL_MAX];
	int n, cols;
};
size_t text_cluster_cells(const char *s, size_t len, struct text_cell *cells, int max, int *cols);

/* The same clusters in wide characters (a text being edited): the end of
 * the one that starts at s[at], and the start of the one before s[at] (the
 * one s[at - 1] is in). The editors move, delete and wrap by them only. */
size_t text_wcs_cluster_end(const wchar_t *s, size_t len, size_t at);
size_t text_wcs_cluster_start(const wchar_t *s, size_t len, size_t at);
/* text_cluster_cells for the cluster that starts at s[at] in wide
 * characters: returns its end, fills at most max cells (cells may be NULL
 * when max is 0) and sets its columns in *cols (0 at the end of s). */
size_t text_wcs_cluster_cells(const wchar_t *s, size_t len, size_t at, struct text_cell *cells,
			      int max, int *cols);

/* The bytes of the whole clusters at the start of s[0..len) that fit in max
 * columns; their columns in *used (may be NULL). */
size_t text_fit(const char *s, size_t len, int max, int *used);

/* Where a row of at most width columns ends in s[0..len), the rest of one
 * line: all of it when it fits, else at the last line break opportunity of
 * UAX #14 that fits (after a space or hyphen, between ideographs), else after
 * the clusters that fit (a word longer than the row), at least one cluster.
 * The next row's leading spaces are the caller's to skip. */
size_t text_row_end(const char *s, size_t len, int width);

/* Terminal columns the text takes as printed (wide characters count 2,
 * combining 0, an unsafe character or a byte that is not UTF-8 1: U+FFFD). */
int text_width(const char *s);

#endif
