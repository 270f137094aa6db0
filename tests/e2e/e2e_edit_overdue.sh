#!/bin/bash
# e2e_edit_overdue - an action that has gone overdue can still be edited: its
# unchanged due date is kept (no error, no slip recorded), while a new date in
# the past is still refused.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
start_tui 100 30
start_meeting
go_step 9 "New actions"
open_form a action
text "Call the Hansen family back"
keys Tab Tab
pick Sal Sales
keys Tab
pick Ben "Ben Okafor"
keys Tab C-u
text tomorrow
keys Enter
wait_form_closed
wait_for "Action #1 saved: Call the Hansen family back — Ben Okafor (Sales), due Tue 2026-11-24"
# action FILTER: what FILTER makes of the one action, as `cxmeet actions` lists it.
action() { cx_json ".[] | $1" actions --state all; }
expect_eq "$(action .due_on)" "2026-11-24" "due tomorrow"
keys q
wait_for "Leave the meeting?"
keys y
wait_for "Resume the meeting in progress"
keys q
wait_exit

note "a week later the action is overdue"
export CXMEET_NOW=2026-12-01T10:00:00Z
start_tui 100 30
wait_for "Resume the meeting in progress"
keys Enter
wait_for "Step 9/10: New actions"
wait_for "[A] Call the Hansen family back"
keys e
wait_re "─ Edit action ─"
keys End
text " today"
keys Enter
wait_form_closed
wait_for "Saved action #1."
expect_eq "$(action '"\(.text)|\(.due_on)"')" \
	"Call the Hansen family back today|2026-11-24" "the text changed, the due date did not"
expect_eq "$(action .slips)" 0 "no slip recorded"

note "a new date in the past is still refused"
keys e
wait_re "─ Edit action ─"
keys Tab Tab Tab Tab C-u
text 2026-11-25
keys Enter
wait_for "2026-11-25 is in the past"
keys Escape
wait_for "Discard what you typed?"
keys y
wait_form_closed
expect_eq "$(action .due_on)" "2026-11-24" "still due 2026-11-24"
