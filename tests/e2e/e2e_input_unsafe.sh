#!/bin/bash
# e2e_input_unsafe - the full-screen interface refuses what the command line
# refuses (core's text rule): the bidirectional marks U+200E and U+200F, the
# override U+202E and the isolate U+2066, typed or pasted into a field, are
# not inserted; the text around them is, and that is what is saved.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
start_tui 100 30
start_meeting
go_step 7 "Priorities & decisions"

note "typed into a one-line field"
open_form d decision
text $'Left\u200emark\u200fRight\u202eover\u2066iso'
wait_re "Decision +LeftmarkRightoveriso"
keys Enter
wait_form_closed
wait_for "Saved decision #1."
# item N: the text of item #N in the export.
item() { cx_json ".items[] | select(.id == $1).text" export; }
expect_eq "$(item 1)" "LeftmarkRightoveriso" "the text was saved without the marks"
# (the export writes a stored mark as U+FFFD)
expect_eq "$(cx_json '[.items[].text | select(test("[\u200e\u200f\ufffd]"))] | length' export)" 0 \
	"no mark in the database"

note "pasted"
open_form n note
tmx set-buffer -- $'Pasted\u200e \u200ftext'
tmx paste-buffer -p
wait_re "Note +Pasted text"
keys Enter
wait_form_closed
wait_for "Saved note #2."
expect_eq "$(item 2)" "Pasted text" "the pasted text without the marks"

note "the command line refuses them too"
if "$CXMEET" dept add $'Sales\u200eEast' 2>"$tmp/err"; then
	check_failed "the command line accepted U+200E"
fi
expect_match "$(cat "$tmp/err")" "bidirectional control character \\(U\\+200E\\)" "the message names it"
expect_eq "$(cx_json '[.departments[] | select(.name | test("^Sales.*East"; "i"))] | length' export)" 0 \
	"nothing added"
