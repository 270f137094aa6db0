#!/bin/bash
# e2e_words - the screens speak plain words: an action's history names its
# events in words ("due date moved", "carried to the next meeting"), never by
# their stored names; the search dialogs say what Enter does ("Enter =
# search", not "save"); a cadence chosen as "every two weeks" is shown so,
# never as "biweekly".
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
# An action from before, written behind the program's back (no command adds one).
sql "INSERT INTO items(id, kind, text, department_id, due_on, status, created_at, updated_at)
     VALUES (1, 'action', 'Call the Hansen account',
             (SELECT id FROM departments WHERE name = 'Sales'), '2026-12-04', 'open',
             '2026-11-02T10:30:00Z', '2026-11-02T10:30:00Z');
     INSERT INTO item_events(item_id, event, at, old_value, new_value) VALUES
       (1, 'created', '2026-11-02T10:30:00Z', NULL, NULL),
       (1, 'due_moved', '2026-11-09T10:00:00Z', '2026-11-27', '2026-12-04'),
       (1, 'carried', '2026-11-16T10:00:00Z', NULL, NULL);"

start_tui 100 30
wait_for "Actions: who owes what (a)"

note "an action's history in words"
keys a
wait_for "Call the Hansen account"
keys v
wait_for "due date moved"
expect_screen "carried to the next meeting" "a carried event in words"
expect_no_screen "due_moved" "no stored event name"
expect_no_screen "carried   " "no padded stored name"
keys q
wait_gone "due date moved"
keys q
wait_for "History and search (h)"

note "the search dialogs say what Enter does"
keys h
wait_for "History:"
keys /
wait_for "Search every meeting's items"
expect_screen "Enter = search" "the history search dialog's hint"
expect_no_screen "Enter = save" "no talk of saving in a search"
keys Escape
wait_gone "Search every meeting's items"
keys q
wait_for "History and search (h)"

note "a cadence chosen as every two weeks reads so"
keys c
wait_for "Council and charter"
keys End Up
wait_for "Cadence: the council meets monthly"
keys Enter
wait_for "How often does the council meet?"
text "every two"
keys Enter
wait_for "Saved: the council meets every two weeks."
expect_screen "Cadence: the council meets every two weeks" "the council view"
expect_no_screen "biweekly" "never biweekly"
expect_eq "$(cx_json .organisation.cadence export)" "every two weeks" \
	"two weeks saved"
expect_eq "$("$CXMEET" org show | sed -n 2p)" "Cadence: every two weeks" "the CLI says the same"
keys q
wait_for "Start a meeting"
keys q
wait_exit
