/* text.h - checks and transforms user text: UTF-8 validity, control characters,
 * length limits, trimming and case folding for name comparison. Pure C. */
#ifndef CXMEET_TEXT_H
#define CXMEET_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

struct strbuf;
/* Calls emit for each character of s in turn, with its code point and its
 * bytes; a byte that is not UTF-8 comes as U+FFFD (with its UTF-8 bytes).
 * The escapers of the output formats are built on it. */
void text_map(struct strbuf *sb, const char *s,
	      void (*emit)(struct strbuf *sb, uint32_t cp, const char *bytes, size_t n));

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

/* A copy safe to print: control characters (but newline and tab) and bytes
 * that are not valid UTF-8 become '?'. Caller frees. */
char *text_printable(const char *s);

/* Terminal columns the text takes (wide characters count 2, combining 0). */
int text_width(const char *s);

#endif
