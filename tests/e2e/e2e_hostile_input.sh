#!/bin/bash
# e2e_hostile_input - what a terminal can throw at the program: an escape
# sequence pasted into a form is swallowed whole (never replayed as commands),
# a bracketed paste with line breaks stays text and does not submit, SIGTERM
# with a dialog open ends the program, and so does a terminal that goes away,
# without spinning and without losing what was saved.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
start_tui 100 30
start_meeting
go_step 7 "Priorities & decisions"

note "an escape sequence pasted into the text field"
open_form d decision
text $'\e[31mRed\e[0m flag'
settle
expect_screen "─ New decision ─" "the form is still open"
expect_screen "Step 7/10: Priorities & decisions" "the step did not change"
expect_screen "Red flag" "the printable text was typed"
expect_no_screen "Discard what you typed?" "no Esc was replayed"

note "a bracketed paste with a line break"
keys C-u
tmx set-buffer -- $'Offer returns\nat every store'
tmx paste-buffer -p
settle
expect_screen "─ New decision ─" "a pasted line break does not submit the form"
expect_screen "Offer returns at every store" "the pasted lines are one line of text"
items() { cx_json '.items | length' export; }
expect_eq "$(items)" 0 "nothing saved by the paste"
keys Enter
wait_form_closed
wait_for "Saved decision #1."
expect_eq "$(cx_json '.items[].text' export)" "Offer returns at every store" "the text as pasted"

note "SIGTERM while a dialog is open"
keys q
wait_for "Leave the meeting?"
pid=$(tui_pid)
kill -TERM "$pid"
wait_exit
expect_eq "$(cx_json .meeting.status show)" "in_progress" "the meeting stays in progress"

note "a terminal that goes away under an open form"
start_tui 100 30
wait_for "Resume the meeting in progress"
keys Enter
wait_for "Resumed at step 7."
open_form n note
text "typed but not saved"
pid=$(tui_pid)
tmx kill-server
for ((i = 0; i < 50; i++)); do
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
if kill -0 "$pid" 2>/dev/null; then
	kill -9 "$pid"
	check_failed "the program kept running after its terminal closed"
fi
expect_eq "$(items)" 1 "the saved decision is still there, the unsaved note is not"
