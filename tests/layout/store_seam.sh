#!/bin/bash
# store_seam.sh - the seam between the program and its database stays where
# it was put: only the SQLite backend (src/store/sqlite/) and the build speak
# of SQLite, nothing outside src/store reaches into a backend's private
# headers, store.h defines no domain type, and the store applies no rule of
# core's. Fails, naming the files, when
# anything else does, so that a second backend stays a new folder rather
# than a search through the whole tree.
# Usage: store_seam.sh SOURCE-ROOT
set -euo pipefail
cd "$1"
fail=0
stray=$(grep -rl 'sqlite3' src include | grep -v -e '^src/store/sqlite/' -e '^src/meson\.build$' || true)
if [ -n "$stray" ]; then
	printf 'store_seam: outside src/store/sqlite, these mention sqlite3:\n%s\n' "$stray" >&2
	fail=1
fi
stray=$(grep -rlE 'libpq-fe\.h|\bPQ[a-z]+\(' src include | grep -v -e '^src/store/pg/' || true)
if [ -n "$stray" ]; then
	printf 'store_seam: outside src/store/pg, these speak libpq:\n%s\n' "$stray" >&2
	fail=1
fi
private=$(grep -rlE '#include "[^"]*(store_int|backend)\.h"' src include |
	grep -v '^src/store/' || true)
if [ -n "$private" ]; then
	printf 'store_seam: outside src/store, these include a backend header:\n%s\n' "$private" >&2
	fail=1
fi
# store.h declares operations; the domain's types are core's (records.h, rows.h).
types=$(grep -E '^(struct|enum) [a-z_]+ \{' include/cxmeet/store.h | grep -v '^enum store_rc ' || true)
if [ -n "$types" ]; then
	printf 'store_seam: store.h defines types that belong in core:\n%s\n' "$types" >&2
	fail=1
fi
# The store applies no rule of core's: what clean text, a name's key, a
# search's words, an overdue action or a valid agenda are is decided in core
# (text.h, names.h, items.h, search.h, meeting.h, actions.h, decisions.h,
# report.h, templates.h), before the store is called.
rules=$(grep -rlE '#include "cxmeet/(text|names|items|search|meeting|actions|decisions|report|templates|setup)\.h"' src/store || true)
if [ -n "$rules" ]; then
	printf 'store_seam: the store includes a header of core rules:\n%s\n' "$rules" >&2
	fail=1
fi
rulecalls=$(grep -rnE '\b(text_clean|text_fold|text_word_char|text_has_word|item_check|agenda_check|action_state_range|decision_revisit_due|search_words|name_checked)\(' src/store || true)
if [ -n "$rulecalls" ]; then
	printf 'store_seam: the store calls a rule of core:\n%s\n' "$rulecalls" >&2
	fail=1
fi
# The check itself must see what it looks for: the backend does mention it.
if ! grep -rlq 'sqlite3' src/store/sqlite; then
	echo 'store_seam: src/store/sqlite mentions no sqlite3: is this the source root?' >&2
	fail=1
fi
[ "$fail" = 0 ] && echo 'store_seam: only src/store/sqlite speaks SQLite'
exit "$fail"
