/* search.h - what a search is made of. The words typed are runs of letters
 * and digits (text_word_char, text.h), at most SEARCH_MAX_WORDS of them,
 * each cut to SEARCH_MAX_WORD bytes; quotes, operators and punctuation only
 * separate them. Every search passes here before the store, which is given
 * the words one space apart and finds the items holding all of them (the
 * last, or each, as a prefix). */
#ifndef CXMEET_SEARCH_H
#define CXMEET_SEARCH_H

#include "cxmeet/store.h"

#define SEARCH_NO_WORD "nothing to search for: give a word with letters or digits"

/* The words of typed, one space apart, in *words (caller frees); or
 * STORE_INVALID, with the reason in store_errmsg and *words NULL, for text
 * not fit to search with (text.h) or holding no word. */
enum store_rc search_words(struct store *st, const char *typed, char **words);
/* As search_words, but nothing typed (NULL, or blanks alone) asks for no
 * words: STORE_OK and *words NULL, a filter of every row (the decision log's
 * find). */
enum store_rc search_words_or_none(struct store *st, const char *typed, char **words);

#endif
