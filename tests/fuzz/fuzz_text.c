/* fuzz_text.c - text_clean (every kind), text_fold, text_nfc, text_printable,
 * the output guard and text_width on any bytes. */
#include "cxmeet/text.h"
#include "cxmeet/util.h"
#include "fuzz_common.h"

/* The guard's output for s[0..len) written in two pieces, cut at `cut`. */
static char *guarded(const char *s, size_t len, size_t cut)
{
	struct text_guard g = {0};
	struct strbuf sb;
	sb_init(&sb);
	text_guard_feed(&g, s, cut, &sb);
	text_guard_feed(&g, s + cut, len - cut, &sb);
	text_guard_end(&g, &sb);
	return sb_take(&sb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > TEXT_MAX_LONG + 16)
		return 0;
	char *s = fuzz_cstr(data, size);
	size_t len = strlen(s); /* the text stops at the first NUL, as in C */
	char err[512];

	bool valid = text_valid_utf8(s, len);
	for (int k = TEXT_NAME; k <= TEXT_LONG; k++) {
		char *c = text_clean(s, (enum text_kind)k, "name", err, sizeof err);
		if (c) {
			size_t cl = strlen(c);
			FUZZ_CHECK(valid && text_valid_utf8(c, cl), "kind %d: invalid UTF-8 kept", k);
			size_t max = k == TEXT_NAME ? TEXT_MAX_NAME
				     : k == TEXT_SHORT ? TEXT_MAX_SHORT : TEXT_MAX_LONG;
			FUZZ_CHECK(cl <= max, "kind %d: %zu bytes kept", k, cl);
			if (k != TEXT_LONG)
				FUZZ_CHECK(!strchr(c, '\n'), "kind %d: a newline kept", k);
			/* Cleaning is idempotent. */
			char *c2 = text_clean(c, (enum text_kind)k, "name", err, sizeof err);
			FUZZ_CHECK(c2 && strcmp(c, c2) == 0, "kind %d: cleaning twice differs", k);
			free(c2);
			free(c);
		} else {
			FUZZ_CHECK(err[0] != '\0', "kind %d: refused without a message", k);
		}
	}

	char *f = text_fold(s);
	FUZZ_CHECK(f != NULL, "text_fold returned NULL");
	if (valid) {
		char *f2 = text_fold(f);
		FUZZ_CHECK(f2 && strcmp(f, f2) == 0, "folding is not idempotent");
		free(f2);
	}
	free(f);

	char *nfc = text_nfc(s);
	FUZZ_CHECK(nfc != NULL, "text_nfc returned NULL");
	free(nfc);

	char *p = text_printable(s);
	FUZZ_CHECK(p && text_valid_utf8(p, strlen(p)), "text_printable: invalid UTF-8 out");
	for (const unsigned char *q = (const unsigned char *)p; *q; q++)
		FUZZ_CHECK(*q >= 0x20 || *q == '\n' || *q == '\t', "control byte 0x%02x out", *q);
	int w = text_width(p);
	FUZZ_CHECK(w >= 0, "width %d", w);
	FUZZ_CHECK(text_is_safe(p, strlen(p)), "text_printable: an unsafe character out");
	char *p2 = text_printable(p);
	FUZZ_CHECK(strcmp(p, p2) == 0, "text_printable is not idempotent");
	free(p2);
	free(p);

	/* The guard: where the output is cut between writes changes nothing; what
	 * comes out is safe but for the CR of a CRLF. */
	char *whole = guarded(s, len, len);
	char *cut = guarded(s, len, len ? (size_t)data[0] % len : 0);
	FUZZ_CHECK(strcmp(whole, cut) == 0, "the guard's output depends on the cut");
	FUZZ_CHECK(text_valid_utf8(whole, strlen(whole)), "the guard let invalid UTF-8 out");
	for (const char *q = whole; *q; q++)
		FUZZ_CHECK(*q != '\r' || q[1] == '\n', "a lone CR out of the guard");
	struct strbuf lf;
	sb_init(&lf);
	for (const char *q = whole; *q; q++)
		if (*q != '\r')
			sb_addn(&lf, q, 1);
	FUZZ_CHECK(text_is_safe(lf.s ? lf.s : "", lf.len), "the guard let an unsafe character out");
	sb_free(&lf);
	free(cut);
	free(whole);

	(void)text_width(s);
	(void)text_ieq(s, "weekly");
	free(s);
	return 0;
}
