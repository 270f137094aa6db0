#!/bin/bash
# e2e_escape_twice - Esc pressed twice in quick succession (both bytes in one
# read) is two Escs: the drop reason prompt closes and the keys typed after it
# are not taken as its reason. They were swallowed together as an Alt+Esc,
# the prompt stayed open, and "h/" then Enter dropped the action with the
# reason "h/".
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
# An action from before, written behind the program's back (no command adds one).
sql "INSERT INTO items(id, kind, text, person_id, due_on, status, created_at, updated_at) VALUES
       (8, 'action', 'Print the flyers', (SELECT id FROM people WHERE name = 'Ben Okafor'),
        '2026-12-10', 'open', '2026-11-20T09:00:00Z', '2026-11-20T09:00:00Z');"

start_tui 80 24
wait_for "Actions: who owes what (a)"
keys a
wait_for "Actions: 1 open"
keys Enter
wait_re "─ Print the flyers ─"
keys End
settle
keys Enter
wait_for "Why is it dropped?"
keys Escape Escape
wait_gone "Why is it dropped?"
wait_gone "─ Print the flyers ─"
keys Enter
wait_re "─ Print the flyers ─"
keys Escape Escape
wait_gone "─ Print the flyers ─"
wait_for "Actions: 1 open"
expect_eq "$(cx_json '.[] | select(.id == 8).status' actions --state all)" open "the action is still open"
# The raw event rows: no command lists an item's events.
expect_eq "$(sql "SELECT count(*) FROM item_events WHERE item_id = 8 AND event = 'dropped'")" 0 \
	"no drop was recorded"
