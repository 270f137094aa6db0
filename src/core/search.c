/* search.c - the words of a search (search.h). */
#include <stdlib.h>
#include <string.h>

#include "cxmeet/search.h"
#include "cxmeet/text.h"
#include "cxmeet/util.h"

enum store_rc search_words(struct store *st, const char *typed, char **words)
{
	char err[256];
	*words = NULL;
	if (!typed || !text_has_word(typed))
		return store_refuse(st, STORE_INVALID, SEARCH_NO_WORD);
	char *clean = text_clean(typed, TEXT_SHORT, "search", err, sizeof err);
	if (!clean)
		return store_refuse(st, STORE_INVALID, err);
	const unsigned char *p = (const unsigned char *)clean;
	size_t len = strlen(clean), at = 0, c;
	struct strbuf out;
	sb_init(&out);
	for (int n = 0; n < SEARCH_MAX_WORDS;) {
		while (at < len && text_word_char(p + at, len - at) == 0)
			at++;
		if (at >= len)
			break;
		size_t start = at, end = at;
		while (at < len && (c = text_word_char(p + at, len - at)) != 0) {
			if (at + c - start <= SEARCH_MAX_WORD) /* longer words are cut */
				end = at + c;
			at += c;
		}
		sb_addf(&out, "%s%.*s", n++ ? " " : "", (int)(end - start), clean + start);
	}
	free(clean);
	if (!out.len) {
		sb_free(&out);
		return store_refuse(st, STORE_INVALID, SEARCH_NO_WORD);
	}
	*words = sb_take(&out);
	return STORE_OK;
}

enum store_rc search_words_or_none(struct store *st, const char *typed, char **words)
{
	*words = NULL;
	if (!typed || strspn(typed, " \t") == strlen(typed))
		return STORE_OK;
	return search_words(st, typed, words);
}
