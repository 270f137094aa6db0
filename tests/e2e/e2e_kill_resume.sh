#!/bin/bash
# e2e_kill_resume - what is shown as saved survives kill -9: two items captured,
# the program killed, then started again: the home screen offers to resume,
# the meeting reopens at its step with both items; leaving with q keeps it in
# progress too.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
start_tui 100 30
start_meeting

note "two items in the customer story step"
go_step 3 "Customer story"
open_form s story
text "Delivery arrived broken, twice"
save_form story 1
open_form n note
text "Check the courier contract"
save_form note 2
wait_for "Captured in this step (2)"

note "kill -9"
pid=$(tui_pid)
expect_eq "$(ps -o comm= -p "$pid")" cxmeet "the pane runs cxmeet itself"
kill -9 "$pid"
wait_exit
# status: the last meeting's status, and the step it is at (from 0; no
# command shows the step a meeting in progress is at).
status() { echo "$(cx_json .meeting.status show)|$(sql "SELECT current_step FROM meetings")"; }
expect_eq "$(cx_json '.items | [.[][]] | sort_by(.id) | .[] | "\(.kind):\(.text)"' show)" \
	"story:Delivery arrived broken, twice
note:Check the courier contract" "both items are in the database"
expect_eq "$(status)" "in_progress|2" "the meeting is in progress at the third step"
expect_eq "$(sql "PRAGMA integrity_check")" ok "the database is intact" # the SQLite file itself

note "start again and resume"
start_tui 100 30
wait_for "Resume the meeting in progress"
expect_screen "A meeting is in progress: press Enter to resume it." "home says a meeting is in progress"
expect_screen "Last meeting: 2026-11-23, still in progress." "home says the last meeting is in progress"
expect_no_screen "Start a meeting" "home does not offer to start another meeting"
keys Enter
wait_for "Step 3/10: Customer story"
wait_for "Resumed at step 3."
wait_for "Captured in this step (2)"
expect_screen "[S] Delivery arrived broken, twice" "the story is listed after resuming"
expect_screen "[N] Check the courier contract" "the note is listed after resuming"
expect_screen "> 3 Customer story" "the sidebar marks step 3 as current"
expect_screen "+ 1 Welcome & roll call" "the sidebar marks step 1 as done"

note "edit an item after resuming"
keys e
wait_for "Edit story"
keys End
text " (photos attached)"
save_form story 1
wait_for "[S] Delivery arrived broken, twice (photos at" # the row is cut to fit
expect_eq "$(cx_json '.items.story[] | select(.id == 1).text' show)" \
	"Delivery arrived broken, twice (photos attached)" "the edit is saved"
# The raw event rows: no command lists an item's events.
expect_eq "$(sql "SELECT count(*) FROM item_events WHERE item_id = 1 AND event = 'edited'")" 1 \
	"the edit is in the item's history"

note "q leaves the meeting in progress"
go_step 4 "Action review"
keys q
wait_for "Leave the meeting? It stays in progress"
keys y
wait_for "The meeting is still in progress: Enter resumes it."
wait_for "Resume the meeting in progress"
expect_eq "$(status)" "in_progress|3" \
	"leaving keeps the meeting in progress at step 4"
keys Enter
wait_for "Step 4/10: Action review"
wait_for "Resumed at step 4."
expect_eq "$(cx_json length history)" 1 "resuming starts no other meeting"
keys q
wait_for "Leave the meeting? It stays in progress"
keys y
wait_for "Resume the meeting in progress"
keys q
wait_exit
expect_eq "$(cx_json .meeting.status show)" in_progress "quitting from home keeps it in progress"
