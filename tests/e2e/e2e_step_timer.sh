#!/bin/bash
# e2e_step_timer - the agenda shows the whole minutes spent in each step
# against its plan: 1:08 is 1/2, not 2/2; 2:08 of a two-minute step is 2/2
# (marked over), not 3/2; 3:00 of a three-minute step is 3/3 and not over.
# The clock is fixed (CXMEET_NOW), so the time spent is written into the
# meeting's steps while the program is stopped, and the meeting resumed.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
start_tui 100 30
start_meeting
wait_re "^\+?>? 1 Welcome & roll call +0/3│"

# spend STEP-POSITION SECONDS...: kills the program, writes the seconds
# spent in the steps at positions 0, 1, ..., and resumes the meeting. (Time
# spent is written behind the program's back: the clock is fixed.)
spend() {
	local pos=0 s
	kill -9 "$(tui_pid)"
	wait_exit
	for s in "$@"; do
		sql "UPDATE meeting_steps SET actual_seconds = $s
		     WHERE meeting_id = (SELECT id FROM meetings WHERE status = 'in_progress')
		       AND position = $pos"
		pos=$((pos + 1))
	done
	start_tui 100 30
	wait_for "Resume the meeting in progress"
	keys Home Enter
	wait_for "Step 1/10: Welcome & roll call"
	keys Down # clears "Resumed at step 1." from the status line
	wait_gone "Resumed at step 1."
}

note "1:08 in the two-minute mission moment, 0:59 in the roll call"
spend 59 68
wait_re "^. 1 Welcome & roll call +0/3│"
wait_re "^  2 Mission moment +1/2│"
expect_no_screen "2/2" "1:08 is not shown as two minutes"
expect_screen " Step 00:59/3m " "the status line counts the seconds"
expect_no_screen "OVER" "0:59 of three minutes is not over"

note "2:08 in the mission moment, 3:00 in the roll call"
spend 180 128
wait_re "^. 1 Welcome & roll call +3/3│"
wait_re "^  2 Mission moment +2/2│"
expect_no_screen "3/2" "2:08 is not shown as three minutes"
expect_screen " Step 03:00/3m " "three minutes in the roll call"
expect_no_screen "OVER" "3:00 of three minutes is not over yet"

note "3:01 in the roll call is over"
spend 181
wait_for " Step 03:01/3m OVER"
wait_re "^. 1 Welcome & roll call +3/3│"
