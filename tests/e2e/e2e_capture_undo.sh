#!/bin/bash
# e2e_capture_undo - a new action is read back with its owner, department
# and due date; u takes back the last capture made on this screen (deleted
# with its event, kept in the history) and says what it took back, then the
# one before it, then that nothing is left; after leaving and resuming the
# meeting, nothing captured before is undone by u.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
"$CXMEET" person add "Ana Ruiz" --dept "Customer Service" >/dev/null
start_tui 100 30
start_meeting
go_step 9 "New actions"

note "an action, read back as saved"
open_form a action
text "Call Acme back"
keys Tab Tab
pick Cust "Customer Service"
keys Tab
pick Ana "Ana Ruiz"
keys Enter
wait_form_closed
wait_for "Action #1 saved: Call Acme back — Ana Ruiz (Customer Service), due Wed 2026-12-23"
expect_screen "[A] Call Acme back" "the action is listed"

note "a note after it"
open_form n note
text "Acme's contract ends in March"
save_form note 2
wait_for "[N] Acme's contract ends in March"

note "u takes back the note, the last capture"
keys u
wait_for 'Undone: note #2 "Acme'"'"'s contract ends in March".'
expect_no_screen "[N] Acme's contract ends in March" "the note is no longer listed"
expect_screen "[A] Call Acme back" "the action is still listed"

note "u again: the action, and nothing more"
keys u
wait_for 'Undone: action #1 "Call Acme back" (Ana Ruiz, Customer Service, due 2026-12-23).'
expect_eq "$(screen | tail -2 | tr '\n' ' ' | sed 's/  */ /g')" \
	'Undone: action #1 "Call Acme back" (Ana Ruiz, Customer Service, due 2026-12-23). Nothing more to undo. ' \
	"the status line says nothing more is left to undo"
expect_screen "Captured in this step (0)" "the step has nothing left"
keys u
wait_for "Nothing to undo: no capture made on this screen in this meeting is left."

expect_eq "$(cx_json 'length' actions --format json)" 0 "the undone action is not among the actions"
expect_eq "$(cx_json '[.items[]] | length' export)" 0 "nothing undone is exported"
# Kept, marked deleted, each with its event: no command shows deleted items.
expect_eq "$(sql "SELECT id || ':' || (deleted_at IS NOT NULL) FROM items ORDER BY id" | tr '\n' ' ')" \
	"1:1 2:1 " "both captures are soft-deleted, not gone"
expect_eq "$(sql "SELECT item_id FROM item_events WHERE event = 'deleted' ORDER BY item_id" | tr '\n' ' ')" \
	"1 2 " "each undo wrote its deleted event"

note "after a restart, what was captured before is not undone by u"
open_form n note
text "Kept across the restart"
save_form note 3
keys q
wait_for "Leave the meeting?"
keys y
wait_for "The meeting is still in progress"
keys Enter
wait_for "Resumed at step 9."
keys u
wait_for "Nothing to undo: no capture made on this screen in this meeting is left."
expect_screen "[N] Kept across the restart" "the note captured before leaving stays"
expect_eq "$(cx_json '[.items[] | .text] | join(",")' export)" "Kept across the restart" \
	"the note is still kept"

note "a capture made in another step is taken back only when confirmed"
open_form n note
text "Captured in the new actions"
save_form note 4
go_step 3 "Customer story"
keys u
wait_for 'Undo note #4 "Captured in the new actions", captured in step 9 New actions?'
keys n
wait_for "Nothing undone."
expect_eq "$(cx_json '[.items[] | select(.text == "Captured in the new actions")] | length' export)" 1 \
	"answered no: the note is kept"
keys u
wait_for 'Undo note #4 "Captured in the new actions", captured in step 9 New actions?'
keys y
wait_for 'Undone: note #4 "Captured in the new actions".'
expect_eq "$(cx_json '[.items[] | select(.text == "Captured in the new actions")] | length' export)" 0 \
	"answered yes: the note is undone"
