#!/bin/bash
# e2e_damaged_while_typing - a schema damaged by another program while a
# form is open (the full-text trigger dropped) refuses the save with the
# object's name, before anything is written on it; the item was saved
# without its search entry before. Leaving the form then ends the program
# with the same words on its standard error.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
start_tui 80 24
start_meeting
go_step 3 "Customer story"
open_form d decision
text "Typed before the damage"
sql "DROP TRIGGER items_fts_i" # the SQLite file itself, damaged under the program
keys Enter
wait_for "Not saved"
wait_for "items_fts_i is missing"
# (read with sql: every command refuses the damaged file, by design)
expect_eq "$(sql "SELECT count(*) FROM items")" 0 "nothing written on the damaged schema"
keys Escape
if poll 3 on_screen "Discard what you typed?"; then keys y; fi
wait_exit
expect_match "$(cat "$tmp/stderr.log")" "trigger items_fts_i is missing" "the exit names the object"
