#!/bin/bash
# e2e_takeover_form - A has a decision typed in its form when B takes the
# meeting over; A's Enter is refused and the form says, in full and at 80
# columns, who holds the meeting now and since when (the message was cut at
# the form's border, before who took it over was said); nothing is written.
# B, taking over from the dialog, is told it holds the meeting now.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
start_tui 80 24
A=$SOCK
start_meeting
go_step 3 "Customer story"
open_form d decision
text "Typed by A"

note "B takes the meeting over from the dialog"
start_tui 80 24
B=$SOCK
wait_for "Resume the meeting in progress"
keys Enter
wait_for "Held by another screen"
keys Down Enter
wait_for "Step 3/10: Customer story"
if poll 3 on_screen "Restore it?"; then keys n; fi
wait_gone "Restore it?"
wait_for "You hold the meeting now" # not "Resumed at step 3."
expect_eq "$(sql "SELECT count(*) FROM meeting_holds")" 1 "one hold, B's" # (no command shows holds)

note "A saves: refused, told in full"
SOCK=$A
keys Enter
wait_for "Not saved"
wait_re "since 2026-11-23 10:00"
expect_screen "nothing was saved" "A is told nothing was saved"
expect_screen "Enter save" "the form's key line is still shown under the message"
expect_eq "$(cx_json '.items | length' export)" 0 "nothing written"
