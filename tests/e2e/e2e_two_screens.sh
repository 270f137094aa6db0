#!/bin/bash
# e2e_two_screens - one writer per live meeting, with two instances (A and B,
# each in its own tmux server) on one database: B is told who holds the
# meeting and follows it read-only, seeing A's step and new item within a
# second; B takes it over, A is told at its next key and writes nothing more;
# A takes it back and ends the meeting while B has a note typed: the note is
# refused, nothing is written into the ended meeting. Then a holder killed
# with kill -9 blocks nobody: the meeting is resumed without a question.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

items() { cx_json '.items | sort_by(.id) | map(.text) | join("|")' export; }
# The step a meeting in progress is at (from 0), and its holds: no command shows them.
current_step() { sql "SELECT current_step FROM meetings"; }

setup_council
start_tui 100 30
A=$SOCK
start_meeting

note "B opens the meeting A holds: told who, follows it read-only"
start_tui 100 30
B=$SOCK
wait_for "Resume the meeting in progress"
keys Enter
wait_for "Held by another screen"
expect_screen "This meeting is held by ${USER:-$(id -un)} on $(hostname) (process $(SOCK=$A tui_pid)) since 2026-11-23 10:00." \
	"B is told who holds the meeting, where, and since when"
wait_for "Follow it read-only"
keys Enter
wait_for "Following the meeting read-only at step 1."
wait_for "Step 1/10: Welcome & roll call  (read-only)"
expect_eq "$(sql "SELECT count(*) FROM meeting_holds")" 1 "one hold" # (no command shows holds)

note "A moves and captures: B follows within a second"
SOCK=$A
go_step 3 "Customer story"
open_form n note
text "Seen by B"
save_form note 1
SOCK=$B
wait_for "Step 3/10: Customer story" 1
wait_for "[N] Seen by B" 1

note "B, read-only, cannot write"
keys n
wait_for "Read-only: ${USER:-$(id -un)} holds this meeting. T takes it over."
expect_no_screen "New note" "no form opens on a read-only screen"
keys 5
settle
expect_screen "Step 3/10: Customer story" "a step key does not move a read-only screen"
expect_eq "$(current_step)" 2 "the meeting stays at A's step"

note "B takes over; A is told at its next key and writes nothing"
keys T
wait_for "You hold the meeting now"
SOCK=$A
keys n
wait_for "took over this meeting at 10:00: this screen now follows it read-only"
expect_no_screen "New note" "A's key after the take-over opened no form"
keys 6
wait_for "Read-only: ${USER:-$(id -un)} holds this meeting."
expect_eq "$(current_step)" 2 "A moved nothing"
SOCK=$B
go_step 4 "Action review"
SOCK=$A
wait_for "Step 4/10: Action review" 1

note "A takes it back and ends the meeting while B has a note typed"
SOCK=$B
keys 3
wait_for "Step 3/10: Customer story"
SOCK=$A
wait_for "Step 3/10: Customer story" 1
SOCK=$B
open_form n note
text "Typed on B after the end"
SOCK=$A
keys T
wait_for "You hold the meeting now"
end_meeting
expect_eq "$(cx_json .meeting.status show)" completed "A ended the meeting"
SOCK=$B
keys Enter
wait_for "Not saved: saving the item: nothing was saved: the meeting has ended"
expect_eq "$(items)" "Seen by B" "nothing was written into the ended meeting"
keys Escape
wait_for "Discard what you typed?"
keys y
wait_form_closed
keys n
wait_for "The meeting was ended on the screen that held it."
expect_eq "$(cx_json .meeting.status show)|$(current_step)" "completed|9" \
	"B moved nothing in the ended meeting"
expect_eq "$(items)" "Seen by B" "still only the item captured while held"

note "kill -9 of the holder: the next one resumes without a question"
SOCK=$A
wait_for "Start a meeting"
start_meeting
kill -9 "$(tui_pid)"
wait_exit
SOCK=$B
keys q # home: quit, and start again to read the home screen afresh
wait_exit
start_tui 100 30
wait_for "Resume the meeting in progress"
keys Enter
wait_for "Resumed at step 1."
expect_no_screen "Held by another screen" "a dead holder is taken over without a question"
go_step 3 "Customer story"
open_form n note
text "After the crash"
save_form note
expect_eq "$(cx_json '"\(.meeting.status):\([.items[][].text] | join("|"))"' show 2)" \
	"in_progress:After the crash" "the new holder writes"
expect_eq "$(sql "SELECT pid FROM meeting_holds WHERE meeting_id = 2")" "$(tui_pid)" \
	"the hold names the living process"
