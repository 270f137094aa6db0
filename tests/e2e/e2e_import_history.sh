#!/bin/bash
# e2e_import_history - an action imported from a spreadsheet tells where it
# came from in its history in the actions view: created outside a meeting,
# then imported from the file and the row's line.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
printf 'text,owner,due\nCall the Hansen family back,Ben Okafor,2026-12-04\n' >"$tmp/one.csv"
out=$("$CXMEET" --db "$CXMEET_DB" import --format csv "$tmp/one.csv")
expect_eq "$out" "Imported 1 action." "one action imported"

start_tui 100 30
wait_for "Actions: who owes what (a)"
keys a
wait_for "Actions: 1 open"
keys v
wait_for "History of action #"
expect_screen "created  (outside a meeting)" "created outside a meeting"
expect_screen "imported from $tmp/one.csv, line 2  (outside a meeting)" "imported: the file and the row's line"
keys Escape
wait_gone "History of action #"
