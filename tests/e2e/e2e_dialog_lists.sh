#!/bin/bash
# e2e_dialog_lists - a list in a dialog moves with the keys the help lists:
# in the actions view, Enter, End, Enter on an action asks why it is dropped
# (End is the last row, "Drop"), Enter, End, Home, Enter marks it done; PgDn,
# PgUp and End move a long picker. Each change names itself on the status
# line ("Action #8 marked done").
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
for i in $(seq 1 24); do
	"$CXMEET" person add "Person $(printf %02d "$i")" --dept Sales >/dev/null
done
# Two actions from before, written behind the program's back (no command adds one).
sql "INSERT INTO items(id, kind, text, person_id, due_on, status, created_at, updated_at) VALUES
       (8, 'action', 'Print the flyers', (SELECT id FROM people WHERE name = 'Ben Okafor'),
        '2026-12-10', 'open', '2026-11-20T09:00:00Z', '2026-11-20T09:00:00Z'),
       (9, 'action', 'Call the depot', (SELECT id FROM people WHERE name = 'Ben Okafor'),
        '2026-12-11', 'open', '2026-11-20T09:00:00Z', '2026-11-20T09:00:00Z');"
# action N FILTER: what FILTER makes of action #N in `cxmeet actions --state all`.
action() { cx_json ".[] | select(.id == $1) | $2" actions --state all; }
status() { action "$1" .status; }

start_tui 100 30
wait_for "Actions: who owes what (a)"
keys a
wait_for "Actions: 2 open"
expect_match "$(screen_line 4)" "2026-12-10 .*Print the flyers" "the cursor is on action #8"

note "Enter, End, Enter: the last choice, Drop"
keys Enter
wait_re "─ Print the flyers ─"
keys End
settle
keys Enter
wait_for "Why is it dropped?"
expect_eq "$(status 8)" open "nothing changed yet"
keys Escape
wait_gone "Why is it dropped?"

note "Enter, End, Home, Enter: the first choice, Done"
keys Enter
wait_re "─ Print the flyers ─"
keys End Home
settle
keys Enter
wait_for "Action #8 marked done."
expect_eq "$(status 8)" done "action #8 is done"

note "a long picker: PgDn, PgDn (to the end), PgUp; then End"
expect_match "$(screen_line 4)" "2026-12-11 .*Call the depot" "the cursor is on action #9"
keys Enter
wait_re "─ Call the depot ─"
keys End Up
settle
keys Enter
wait_for "+ Add a new person..."
keys PgDn
settle
keys PgDn PgUp
settle
keys Enter
wait_for "Action #9 is now owned by Person 11."
expect_eq "$(action 9 .owner)" \
	"Person 11" "PgDn, PgDn, PgUp: thirteen rows below the first person (the list runs by department)"
keys Enter
wait_re "─ Call the depot ─"
keys End Up Enter
wait_for "+ Add a new person..."
keys End
settle
keys Enter
wait_for "Action #9 is now owned by Zoë Ångström."

note "dropped, with its reason"
keys Enter
wait_re "─ Call the depot ─"
keys End Enter
wait_for "Why is it dropped?"
text "The depot closed"
keys Enter
wait_for "Action #9 dropped."
expect_eq "$(status 9)" dropped "action #9 is dropped"
