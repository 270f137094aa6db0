/* text.c - validation and folding of user text. Everything a person types
 * passes text_clean() before it is stored: valid UTF-8, no control or escape
 * characters, within length, trimmed. Everything printed passes the same rule
 * (text_is_unsafe) on the way out, since stored text may have been written
 * behind the program's back. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "cxmeet/text.h"
#include "cxmeet/util.h"

/* The one decoder: libunistring's strict one (overlong forms, surrogates and
 * values past U+10FFFF are invalid), with an ASCII fast path. */
static inline size_t utf8_next(const unsigned char *s, size_t len, uint32_t *cp)
{
	if (len == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf && len >= 2 && (s[1] & 0xc0) == 0x80) {
		*cp = ((uint32_t)(s[0] & 0x1f) << 6) | (s[1] & 0x3f); /* two bytes, inline */
		return 2;
	}
	ucs4_t uc;
	int n = u8_mbtoucr(&uc, s, len);
	if (n <= 0)
		return 0;
	*cp = uc;
	return (size_t)n;
}

size_t text_utf8_next(const unsigned char *s, size_t len, uint32_t *cp)
{
	return utf8_next(s, len, cp);
}

/* text_is_unsafe, for the hot loops below (defined with the rule further on). */
static inline bool unsafe_cp(uint32_t c)
{
	if (c == '\n' || c == '\t')
		return false;
	return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 ||
	       c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
	       (c >= 0x2066 && c <= 0x2069);
}

int text_cp_width(uint32_t cp)
{
	if (cp < 0x80)
		return 1; /* a control one is shown as U+FFFD (tab and newline as a space) */
	if (cp < 0x300 || unsafe_cp(cp))
		return 1; /* Latin, Greek and Cyrillic letters before the marks */
	if (cp >= 0x4e00 && cp <= 0x9fff)
		return 2; /* CJK ideographs */
	int w = uc_width(cp, "UTF-8");
	return w < 0 ? 1 : w;
}

static bool is_ri(uint32_t c) { return c >= 0x1f1e6 && c <= 0x1f1ff; }

/* The end of the grapheme cluster at s[0..len) (UAX #29): libunistring's
 * rules, and the two it may lack (emoji joined by U+200D, flags as pairs of
 * regional indicators). A byte that is not UTF-8, and an unsafe character,
 * are clusters of their own and end the one before them. */
static size_t cluster_end(const unsigned char *s, size_t len)
{
	uint32_t cp, first;
	size_t n = utf8_next(s, len, &first);
	if (n == 0 || unsafe_cp(first))
		return n ? n : 1;
	bool pict = uc_is_property_extended_pictographic(first), ri = is_ri(first);
	int ris = ri ? 1 : 0;
	uint32_t prev = first;
	size_t at = n;
	while (at < len) {
		size_t m = utf8_next(s + at, len - at, &cp);
		if (m == 0 || unsafe_cp(cp))
			break;
		bool join;
		if (ri && is_ri(cp))
			join = ris++ == 1; /* a flag is two of them */
		else if (prev == 0x200d && pict && uc_is_property_extended_pictographic(cp))
			join = true;
		else
			join = !uc_is_grapheme_break(prev, cp) && !(is_ri(prev) && is_ri(cp));
		if (!join)
			break;
		prev = cp;
		at += m;
	}
	return at;
}

size_t text_wcs_cluster_end(const wchar_t *s, size_t len, size_t at)
{
	if (at >= len)
		return len;
	uint32_t first = (uint32_t)s[at];
	if (first < 0x20 || unsafe_cp(first))
		return at + 1;
	if (first < 0x7f && (at + 1 == len || (uint32_t)s[at + 1] < 0x80))
		return at + 1; /* ASCII before ASCII: no rule joins them */
	bool pict = uc_is_property_extended_pictographic(first), ri = is_ri(first);
	int ris = ri ? 1 : 0;
	uint32_t prev = first;
	size_t i = at + 1;
	for (; i < len; i++) {
		uint32_t cp = (uint32_t)s[i];
		if (cp < 0x20 || unsafe_cp(cp))
			break;
		bool join;
		if (ri && is_ri(cp))
			join = ris++ == 1;
		else if (prev == 0x200d && pict && uc_is_property_extended_pictographic(cp))
			join = true;
		else
			join = !uc_is_grapheme_break(prev, cp) && !(is_ri(prev) && is_ri(cp));
		if (!join)
			break;
		prev = cp;
	}
	return i;
}

/* Whether a cluster always starts at b, whatever comes before a: neither is
 * a mark, a joiner, a regional indicator, a prepended character or a
 * Hangul jamo (letters, ideographs, Hangul syllables, emoji alone), so that
 * no rule of UAX #29, nor the two added above, joins them. */
static bool sure_break(uint32_t a, uint32_t b)
{
	if (b < 0x80 && a < 0x300)
		return true;
	if (a > 0x10ffff || b > 0x10ffff)
		return false;
	int pa = uc_graphemeclusterbreak_property(a), pb = uc_graphemeclusterbreak_property(b);
	return (pa == GBP_OTHER || pa == GBP_LV || pa == GBP_LVT) &&
	       (pb == GBP_OTHER || pb == GBP_LV || pb == GBP_LVT);
}

size_t text_wcs_cluster_start(const wchar_t *s, size_t len, size_t at)
{
	if (at > len)
		at = len;
	if (at == 0)
		return 0;
	/* Clusters are found from the start of the text on, but a sure
	 * boundary before the cursor will do: a key costs the same at the end
	 * of a long text as at its start. */
	size_t pos = at - 1;
	while (pos > 0 && !sure_break((uint32_t)s[pos - 1], (uint32_t)s[pos]))
		pos--;
	while (pos < at) {
		size_t end = text_wcs_cluster_end(s, len, pos);
		if (end >= at)
			return pos;
		pos = end;
	}
	return at;
}

/* The cells of a cluster as its characters come (see text_cluster_cells):
 * a character with columns starts a cell, a mark goes on the cell before. */
struct cells_acc {
	struct text_cell *cells;
	int max, n, cols;
	bool stop;
};

static void cells_add(struct cells_acc *a, uint32_t cp, bool last)
{
	if (cp == '\t' || cp == '\n')
		cp = ' ';
	else if (unsafe_cp(cp) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	int cw = text_cp_width(cp);
	/* What is joined to an emoji (after U+200D, a skin tone) is left out:
	 * terminals draw such sequences at widths of their own. */
	if ((cp == 0x200d && !last) || (cp >= 0x1f3fb && cp <= 0x1f3ff && a->n > 0))
		a->stop = true;
	if (a->stop)
		return;
	if (cw > 0 || a->n == 0) {
		if (a->n < a->max)
			a->cells[a->n] = (struct text_cell){{cp}, 1, cw};
		a->n++;
		a->cols += cw;
	} else if (a->n <= a->max && a->cells[a->n - 1].n < TEXT_CELL_MAX) {
		a->cells[a->n - 1].cp[a->cells[a->n - 1].n++] = cp; /* a mark on its base */
	}
}

size_t text_wcs_cluster_cells(const wchar_t *s, size_t len, size_t at, struct text_cell *cells,
			      int max, int *cols)
{
	if (at >= len) {
		*cols = 0;
		return len;
	}
	uint32_t first = (uint32_t)s[at];
	if (first >= 0x20 && first < 0x7f && (at + 1 == len || (uint32_t)s[at + 1] < 0x80)) {
		if (max > 0)
			cells[0] = (struct text_cell){{first}, 1, 1};
		*cols = 1;
		return at + 1;
	}
	size_t end = text_wcs_cluster_end(s, len, at);
	struct cells_acc a = {cells, max, 0, 0, false};
	for (size_t i = at; i < end; i++)
		cells_add(&a, (uint32_t)s[i], i + 1 == end);
	*cols = a.cols;
	return end;
}

size_t text_cluster_cells(const char *s, size_t len, struct text_cell *cells, int max,
			  int *cols)
{
	const unsigned char *p = (const unsigned char *)s;
	if (len == 0) {
		*cols = 0;
		return 0;
	}
	if (p[0] < 0x80 && (len == 1 || p[1] < 0x80)) { /* ASCII: one byte, one column */
		if (max > 0)
			cells[0] = (struct text_cell){{p[0] == '\t' || p[0] == '\n' ? ' '
						   : p[0] < 0x20 || p[0] == 0x7f ? 0xfffd : p[0]},
						  1, 1};
		*cols = 1;
		return 1;
	}
	size_t end = cluster_end(p, len), at = 0;
	struct cells_acc a = {cells, max, 0, 0, false};
	while (at < end) {
		uint32_t cp;
		size_t m = utf8_next(p + at, end - at, &cp);
		if (m == 0)
			cp = 0xfffd, m = 1;
		cells_add(&a, cp, at + m >= end);
		at += m;
	}
	*cols = a.cols;
	return end;
}

size_t text_cluster(const char *s, size_t len, int *cols)
{
	const unsigned char *p = (const unsigned char *)s;
	if (len > 0 && p[0] < 0x80 && (len == 1 || p[1] < 0x80)) {
		*cols = 1;
		return 1;
	}
	/* The common case, a character alone (a letter before ASCII, one
	 * ideograph before another): measured without the cluster's walk. */
	uint32_t cp, next;
	size_t n = utf8_next(p, len, &cp);
	if (n == 0) {
		*cols = len > 0;
		return len > 0;
	}
	bool alone = false;
	if (n == len || p[n] < 0x80)
		alone = cp < 0x300 || uc_graphemeclusterbreak_property(cp) != GBP_PREPEND;
	else if (utf8_next(p + n, len - n, &next) == 0 || unsafe_cp(next))
		alone = true;
	else if ((cp < 0x300 && next < 0x300) ||
		 (cp >= 0x4e00 && cp <= 0x9fff && next >= 0x4e00 && next <= 0x9fff))
		alone = true; /* no marks or joiners among them */
	else
		alone = uc_is_grapheme_break(cp, next) && !(is_ri(cp) && is_ri(next)) &&
			!(cp == 0x200d);
	if (alone) {
		*cols = text_cp_width(cp);
		return n;
	}
	return text_cluster_cells(s, len, NULL, 0, cols);
}

size_t text_fit(const char *s, size_t len, int max, int *used)
{
	size_t at = 0;
	int w = 0;
	while (at < len) {
		if ((unsigned char)s[at] < 0x80 && (at + 1 == len || (unsigned char)s[at + 1] < 0x80)) {
			if (w + 1 > max)
				break;
			w++, at++;
			continue;
		}
		int cw;
		size_t n = text_cluster(s + at, len - at, &cw);
		if (w + cw > max)
			break;
		w += cw;
		at += n;
	}
	if (used)
		*used = w;
	return at;
}

size_t text_row_end(const char *s, size_t len, int width)
{
	size_t fit = text_fit(s, len, width, NULL);
	if (fit == len)
		return len;
	if (fit == 0) { /* a cluster wider than the row goes on it alone */
		int cw;
		return text_cluster(s, len, &cw);
	}
	/* The break opportunities (UAX #14) up to the cluster after the fit. */
	int cw;
	size_t look = fit + text_cluster(s + fit, len - fit, &cw);
	char *brk = malloc(look);
	if (!brk)
		return fit;
	u8_possible_linebreaks((const uint8_t *)s, look, "UTF-8", brk);
	size_t end = fit;
	for (size_t i = fit; i > 0; i--) {
		if (brk[i] == UC_BREAK_POSSIBLE) {
			end = i;
			break;
		}
	}
	free(brk);
	return end;
}

static size_t utf8_encode(uint32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

bool text_valid_utf8(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	while (len > 0) {
		size_t n = text_utf8_next(p, len, &cp);
		if (n == 0)
			return false;
		p += n;
		len -= n;
	}
	return true;
}

/* Marks, embeddings, overrides and isolates: they reorder what is shown. */
static bool is_bidi(uint32_t c)
{
	return c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
	       (c >= 0x2066 && c <= 0x2069);
}

bool text_is_unsafe(uint32_t c)
{
	if (c == '\n' || c == '\t')
		return false;
	return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 ||
	       is_bidi(c);
}

/* Refused on input: the unsafe set, and newline and tab unless allowed. */
static bool is_forbidden(uint32_t c, bool multiline)
{
	if (c == '\n' || c == '\t')
		return !multiline;
	return text_is_unsafe(c);
}

/* White space beyond ASCII: no-break, en/em and ideographic spaces. */
static bool is_uspace(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xa0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200a) || c == 0x202f || c == 0x205f || c == 0x3000;
}

/* Invisible characters that carry no meaning in names and notes: a zero-width
 * space would make 'Sales' and 'Sales\u200b' two look-alike names. (The
 * zero-width joiner U+200D stays: emoji and some scripts need it.) */
static bool is_zero_width(uint32_t c)
{
	return c == 0x200b || c == 0x2060 || c == 0xfeff;
}

/* Trims Unicode white space from both ends of the valid UTF-8 in sb. */
static void trim_uspace(struct strbuf *sb)
{
	const unsigned char *p = (const unsigned char *)sb->s;
	size_t left = sb->len, start = 0, end = 0, pos = 0;
	bool seen = false;
	while (left > 0) {
		uint32_t cp;
		size_t n = text_utf8_next(p + pos, left, &cp);
		if (!is_uspace(cp)) {
			if (!seen)
				start = pos;
			seen = true;
			end = pos + n;
		}
		pos += n;
		left -= n;
	}
	if (!seen) {
		sb->len = 0;
		if (sb->s)
			sb->s[0] = '\0';
		return;
	}
	memmove(sb->s, sb->s + start, end - start);
	sb->len = end - start;
	sb->s[sb->len] = '\0';
}

char *text_clean(const char *in, enum text_kind kind, const char *what, char *err, size_t errlen)
{
	size_t max = kind == TEXT_NAME ? TEXT_MAX_NAME : kind == TEXT_SHORT ? TEXT_MAX_SHORT
									  : TEXT_MAX_LONG;
	bool multiline = kind == TEXT_LONG;
	if (!in) {
		errf(err, errlen, "the %s is empty", what);
		return NULL;
	}
	size_t len = strlen(in);
	/* Far past any limit: refused before it is even read through. */
	if (len > 4 * max + 1024) {
		errf(err, errlen, "the %s is too long (%zu bytes; at most %zu)", what, len, max);
		return NULL;
	}
	struct strbuf out;
	sb_init(&out);
	const unsigned char *p = (const unsigned char *)in;
	size_t left = len;
	while (left > 0) {
		uint32_t cp;
		size_t n = text_utf8_next(p, left, &cp);
		if (n == 0) {
			errf(err, errlen, "the %s is not valid UTF-8 text (byte %zu)", what,
			     (size_t)((const char *)p - in) + 1);
			sb_free(&out);
			return NULL;
		}
		if ((cp == '\r' && multiline) || is_zero_width(cp)) { /* CRLF keeps its LF */
			p += n, left -= n;
			continue;
		}
		/* A tab or line break in one-line text may only be trimmed off the
		 * ends; what is left of them is refused after the trim. */
		bool spacing = cp == '\t' || cp == '\n' || cp == '\r';
		if (is_forbidden(cp, multiline) && !spacing) {
			errf(err, errlen, "the %s contains a %scontrol character (U+%04X)%s", what,
			     is_bidi(cp) ? "bidirectional " : "", (unsigned)cp,
			     multiline ? "" : "; it must be one line");
			sb_free(&out);
			return NULL;
		}
		sb_addn(&out, (const char *)p, n);
		p += n;
		left -= n;
	}
	trim_uspace(&out);
	if (out.len == 0) {
		sb_free(&out);
		errf(err, errlen, "the %s is empty", what);
		return NULL;
	}
	/* Inside one-line text, a tab or line break that survived the trim is refused. */
	if (!multiline && strpbrk(out.s, "\t\n\r")) {
		char c = *strpbrk(out.s, "\t\n\r");
		sb_free(&out);
		errf(err, errlen, "the %s contains a control character (U+%04X); it must be one line",
		     what, (unsigned)c);
		return NULL;
	}
	/* One spelling for one text: 'e' + U+0301 is stored as U+00E9 (NFC). */
	char *nfc = text_nfc(out.s);
	sb_free(&out);
	if (strlen(nfc) > max) {
		errf(err, errlen, "the %s is too long (%zu bytes; at most %zu)", what, strlen(nfc), max);
		free(nfc);
		return NULL;
	}
	return nfc;
}

static char *fold_spaces(const char *s, bool lower);

char *text_nfc(const char *s)
{
	size_t len = 0;
	if (!text_valid_utf8(s, strlen(s)))
		return xstrdup(s); /* left for the caller's checks */
	uint8_t *n = u8_normalize(UNINORM_NFC, (const uint8_t *)s, strlen(s), NULL, &len);
	if (!n)
		die("out of memory");
	char *out = xstrndup((const char *)n, len);
	free(n);
	return out;
}

/* Full Unicode case folding with NFC (so 'Straße' matches 'STRASSE' and a
 * decomposed 'é' matches a composed one); NULL when s is not valid UTF-8. */
static char *casefold(const char *s)
{
	size_t len = 0;
	if (!text_valid_utf8(s, strlen(s)))
		return NULL; /* libunistring would turn bad bytes into U+FFFD */
	uint8_t *f = u8_casefold((const uint8_t *)s, strlen(s), NULL, UNINORM_NFC, NULL, &len);
	if (!f)
		return NULL;
	char *out = xstrndup((const char *)f, len);
	free(f);
	return out;
}

char *text_fold(const char *s)
{
	/* Spaces and invisible characters first, then case folding and NFC, so
	 * that folding a key again gives the same key. */
	char *spaced = fold_spaces(s ? s : "", false);
	char *folded = casefold(spaced);
	if (folded) {
		free(spaced);
		return folded;
	}
	char *lowered = fold_spaces(spaced, true); /* not UTF-8: ASCII-style fallback */
	free(spaced);
	return lowered;
}

/* Trims, collapses runs of white space, and lower-cases with towlower when
 * `lower` (the fallback for text that is not valid UTF-8). */
static char *fold_spaces(const char *s, bool lower)
{
	struct strbuf out;
	sb_init(&out);
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t left = strlen((const char *)p);
	bool pending_space = false;
	while (left > 0) {
		uint32_t cp;
		size_t n = text_utf8_next(p, left, &cp);
		if (n == 0) { /* keep invalid bytes as they are: they never match valid names */
			sb_addn(&out, (const char *)p, 1);
			p++, left--;
			continue;
		}
		p += n, left -= n;
		if (is_zero_width(cp))
			continue;
		if (is_uspace(cp)) {
			pending_space = out.len > 0;
			continue;
		}
		if (pending_space)
			sb_add(&out, " ");
		pending_space = false;
		char enc[4];
		uint32_t low = lower ? (uint32_t)towlower((wint_t)cp) : cp;
		sb_addn(&out, enc, utf8_encode(low, enc));
	}
	return sb_take(&out);
}

bool text_ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
		if (x != y)
			return false;
	}
	return *a == *b;
}

int text_width(const char *s)
{
	const char *p = s ? s : "";
	size_t left = strlen(p);
	int w = 0;
	while (left > 0) {
		/* A run of ASCII: a column a byte (a control one as U+FFFD), but
		 * for its last, which marks after it may join. */
		size_t k = 0;
		while (k < left && (unsigned char)p[k] < 0x80)
			k++;
		if (k < left && k > 0)
			k--;
		w += (int)k, p += k, left -= k;
		if (left == 0)
			break;
		int cw;
		size_t n = text_cluster(p, left, &cw);
		w += cw;
		p += n, left -= n;
	}
	return w;
}

size_t text_word_char(const unsigned char *s, size_t len)
{
	if (len == 0)
		return 0;
	if (*s < 0x80) {
		bool alnum = (*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') ||
			     (*s >= 'A' && *s <= 'Z');
		return alnum ? 1 : 0;
	}
	uint32_t cp;
	return text_utf8_next(s, len, &cp);
}

bool text_has_word(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	for (size_t len = strlen((const char *)p); len > 0; p++, len--)
		if (text_word_char(p, len))
			return true;
	return false;
}

/* The length of the run at the start of s (len bytes) that output may carry
 * as it is: printable ASCII, newline, tab, and UTF-8 that is neither a C1
 * control nor a bidirectional mark or separator. The byte scan is the fast
 * path: most text is all of that run. */
#define BYTES_ONES 0x0101010101010101ull
#define BYTES_HIGH 0x8080808080808080ull

/* Whether all eight bytes of x are printable ASCII (0x20 to 0x7e): none has
 * its high bit, none is below 0x20, none is DEL. Each test is exact for the
 * word as a whole (a borrow only runs on from a byte that already failed). */
static inline bool word_printable(uint64_t x)
{
	uint64_t del = x ^ (0x7f * BYTES_ONES);
	return ((x | ((x - 0x20 * BYTES_ONES) & ~x) | ((del - BYTES_ONES) & ~del)) &
		BYTES_HIGH) == 0;
}

size_t text_printable_ascii(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	for (uint64_t x; i + 8 <= len && (memcpy(&x, p + i, 8), word_printable(x));)
		i += 8;
	while (i < len && p[i] >= 0x20 && p[i] < 0x7f)
		i++;
	return i;
}

static size_t safe_run(const unsigned char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		/* Eight bytes at a time while they are printable ASCII. */
		for (uint64_t x; i + 8 <= len && (memcpy(&x, s + i, 8), word_printable(x));)
			i += 8;
		if (i == len)
			break;
		unsigned char b = s[i];
		if (b >= 0x20 && b < 0x7f) {
			i++;
			continue;
		}
		if (b == '\n' || b == '\t') {
			i++;
			continue;
		}
		if (b < 0x80)
			return i; /* C0 (CR included) or DEL */
		uint32_t cp;
		size_t n = text_utf8_next(s + i, len - i, &cp);
		if (n == 0 || text_is_unsafe(cp))
			return i;
		i += n;
	}
	return len;
}

/* Where s[0..len) needs a change, the bytes used and what replaces them:
 * U+FFFD for an unsafe character or a byte that is not UTF-8, nothing for the
 * CR of a CRLF (or, with keep_crlf, the CR itself). */
static size_t unsafe_at(const unsigned char *s, size_t len, bool keep_crlf, const char **with)
{
	uint32_t cp;
	if (s[0] == '\r' && len > 1 && s[1] == '\n') {
		*with = keep_crlf ? "\r" : "";
		return 1;
	}
	*with = "\xef\xbf\xbd";
	size_t n = text_utf8_next(s, len, &cp);
	return n ? n : 1;
}

static void safe_add(struct strbuf *sb, const char *s, size_t len, bool keep_crlf)
{
	const unsigned char *p = (const unsigned char *)s;
	while (len > 0) {
		size_t run = safe_run(p, len);
		if (run)
			sb_addn(sb, (const char *)p, run);
		p += run, len -= run;
		if (len == 0)
			break;
		const char *with;
		size_t n = unsafe_at(p, len, keep_crlf, &with);
		sb_add(sb, with);
		p += n, len -= n;
	}
}

bool text_is_safe(const char *s, size_t len)
{
	return safe_run((const unsigned char *)s, len) == len;
}

bool text_is_safe_crlf(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	for (;;) {
		size_t run = safe_run(p, len);
		if (run == len)
			return true;
		if (p[run] != '\r' || run + 1 >= len || p[run + 1] != '\n')
			return false;
		p += run + 2, len -= run + 2;
	}
}

void text_map(struct strbuf *sb, const char *s,
	      void (*emit)(struct strbuf *sb, uint32_t cp, const char *bytes, size_t n))
{
	const unsigned char *p = (const unsigned char *)s;
	size_t left = strlen(s);
	while (left > 0) {
		uint32_t cp;
		size_t n = text_utf8_next(p, left, &cp);
		if (n == 0 || text_is_unsafe(cp)) {
			const char *with;
			n = unsafe_at(p, left, false, &with);
			if (*with)
				emit(sb, 0xfffd, with, strlen(with));
		} else {
			emit(sb, cp, (const char *)p, n);
		}
		p += n, left -= n;
	}
}

char *text_printable(const char *s)
{
	struct strbuf out;
	sb_init(&out);
	s = s ? s : "";
	safe_add(&out, s, strlen(s), false);
	return sb_take(&out);
}

char *text_printable_line(const char *s)
{
	char *p = text_printable(s);
	for (char *c = p; *c; c++)
		if (*c == '\n' || *c == '\t')
			*c = ' ';
	return p;
}

char *text_shell_word(const char *s)
{
	bool plain = *s != '\0';
	for (const char *c = s; *c && plain; c++)
		plain = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
			(*c >= '0' && *c <= '9') || strchr("_@%+=:,./-", *c);
	if (plain)
		return xstrdup(s);
	struct strbuf sb;
	sb_init(&sb);
	sb_addf(&sb, "'");
	for (const char *c = s; *c; c++) {
		if (*c == '\'')
			sb_addf(&sb, "'\\''");
		else
			sb_addf(&sb, "%c", *c);
	}
	sb_addf(&sb, "'");
	return sb_take(&sb);
}

/* --- the guard on a stream ---------------------------------------------- */

/* How many bytes at the end of s[0..len) may be the start of a character (or
 * of a CRLF) that the next write completes. */
static size_t unfinished_tail(const unsigned char *s, size_t len)
{
	if (len > 0 && s[len - 1] == '\r')
		return 1;
	for (size_t k = 1; k <= 3 && k <= len; k++) {
		unsigned char b = s[len - k];
		if ((b & 0xc0) == 0x80)
			continue; /* a continuation byte: look further back */
		size_t need = (b & 0xe0) == 0xc0   ? 2
			      : (b & 0xf0) == 0xe0 ? 3
			      : (b & 0xf8) == 0xf0 ? 4
						   : 0;
		return need > k ? k : 0;
	}
	return 0;
}

void text_guard_feed(struct text_guard *g, const char *buf, size_t n, struct strbuf *out)
{
	const char *s = buf;
	struct strbuf joined;
	sb_init(&joined);
	if (g->npend > 0) {
		sb_addn(&joined, (const char *)g->pend, g->npend);
		sb_addn(&joined, buf, n);
		s = joined.s;
		n = joined.len;
		g->npend = 0;
	}
	size_t keep = unfinished_tail((const unsigned char *)s, n);
	safe_add(out, s, n - keep, true);
	memcpy(g->pend, s + n - keep, keep);
	g->npend = keep;
	sb_free(&joined);
}

void text_guard_end(struct text_guard *g, struct strbuf *out)
{
	safe_add(out, (const char *)g->pend, g->npend, true);
	g->npend = 0;
}

const char *text_plural(long long n, const char *one, const char *many)
{
	return n == 1 || n == -1 ? one : many;
}

static bool locale_utf8 = true;

bool text_locale_utf8(void) { return locale_utf8; }

void text_locale_set_utf8(bool utf8) { locale_utf8 = utf8; }
