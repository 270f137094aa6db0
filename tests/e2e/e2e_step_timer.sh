#!/bin/bash
# e2e_step_timer - the meeting's timer. The agenda shows the whole minutes
# spent in each step against its plan: 1:08 is 1/2, not 2/2; 2:08 of a
# two-minute step is 2/2 (marked over), not 3/2; 3:00 of a three-minute step
# is 3/3 and not over. The status line shows the time left in the step and
# in the meeting, and when the meeting will end against its planned end
# (started 10:00, 70 minutes planned: 11:10); in the step's last minute it
# says so in words and in the warning colour, and the terminal's bell rings
# then only with --bell, once as the step enters its last minute and once as
# it runs over.
# The clock is fixed (CXMEET_NOW), so the time spent is written into the
# meeting's steps while the program is stopped, and the meeting resumed.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
start_tui 100 30
start_meeting
wait_re "^\+?>? 1 Welcome & roll call +0/3│"
keys Down # clears "Meeting started (step 1)." from the status line
wait_gone "Meeting started"
note "a meeting just started: every planned minute is left"
expect_screen " Step 3:00 left · Meeting 1:10:00 left · ends 11:10 (plan 11:10)  ?:help  q:leave  </>:step" \
	"the time left in the step and the meeting; the end as planned"
meeting=$(cx_json '.[0].id' history --limit 1)

# The bell: a program the pane runs instead of cxmeet, that passes --bell.
printf '#!/bin/sh\nexec %q --bell "$@"\n' "$CXMEET" >"$tmp/cxmeet-bell"
chmod +x "$tmp/cxmeet-bell"
PLAIN=$CXMEET

# spend [--bell] [--size COLS ROWS] [--step N] [--done K] SECONDS...: kills
# the program, writes the seconds spent in the steps at positions 0, 1, ...,
# marks the first K steps done, makes step N (1 by default) the current one,
# and resumes the meeting in a terminal
# of that size (100x30 by default), with --bell when asked. Every bell the
# terminal then rings is a line of $tmp/bells. (Time spent is written behind
# the program's back: the clock is fixed.)
spend() {
	local pos=0 s cols=100 rows=30 step=1 done=0 prog=$PLAIN
	while [ "${1#--}" != "$1" ]; do
		case $1 in
		--bell) prog=$tmp/cxmeet-bell; shift ;;
		--size) cols=$2 rows=$3; shift 3 ;;
		--step) step=$2; shift 2 ;;
		--done) done=$2; shift 2 ;;
		esac
	done
	kill -9 "$(tui_pid)"
	wait_exit
	for s in "$@"; do
		sql "UPDATE meeting_steps SET actual_seconds = $s
		     WHERE meeting_id = $meeting AND position = $pos"
		pos=$((pos + 1))
	done
	[ "$done" -eq 0 ] || sql "UPDATE meeting_steps SET done = 1
				    WHERE meeting_id = $meeting AND position < $done"
	sql "UPDATE meetings SET current_step = $((step - 1)) WHERE id = $meeting"
	: >"$tmp/bells"
	CXMEET=$prog start_tui "$cols" "$rows"
	tmx set-hook -g alert-bell "run-shell 'echo bell >>$tmp/bells'"
	wait_for "Resume the meeting in progress"
	keys Home Enter
	wait_re "Step $step/10: "
	keys Down # clears "Resumed at step N." from the status line
	wait_gone "Resumed at step $step."
}

# bells: how many times the terminal's bell rang since the last spend, once
# the screen has settled.
bells() {
	settle
	wc -l <"$tmp/bells"
}

note "1:08 in the two-minute mission moment, 0:59 in the roll call"
spend 59 68
wait_re "^. 1 Welcome & roll call +0/3│"
wait_re "^  2 Mission moment +1/2│"
expect_no_screen "2/2" "1:08 is not shown as two minutes"
expect_screen " Step 2:01 left · Meeting 1:07:53 left · ends 11:07 (plan 11:10, 3 min early)" \
	"the time left counts the seconds; the mission moment has 0:52 of its plan left"
expect_no_screen "OVER" "0:59 of three minutes is not over"

note "2:08 in the mission moment, 3:00 in the roll call"
spend 180 128
wait_re "^. 1 Welcome & roll call +3/3│"
wait_re "^  2 Mission moment +2/2│"
expect_no_screen "3/2" "2:08 is not shown as three minutes"
expect_screen " 0:00 left in this step · Meeting 1:04:52 left · ends 11:05 (plan 11:10, 5 min early)" \
	"three minutes in the roll call: nothing left, not over; the mission moment has nothing left"
expect_no_screen "OVER" "3:00 of three minutes is not over yet"

note "3:01 in the roll call is over"
spend 181
wait_for " Step 0:01 OVER · Meeting 1:04:51 left · ends 11:05 (plan 11:10, 5 min early)"
wait_re "^. 1 Welcome & roll call +3/3│"
expect_match "$(attrs_before ' Step 0:01 OVER')" "(^|,)41(,|$)" "over: the status line in the error colour"

note "at 80x24, 2:30 in the roll call: the last minute, in words and colour, no bell by default"
spend --size 80 24 150 0
wait_for " 0:30 left in this step · Meeting 1:07:30 left · ends 11:07 (plan 11:10)"
expect_match "$(attrs_before ' 0:30 left in this step')" "(^|,)31(,|$)" \
	"the last minute: the status line in the warning colour"
expect_match "$(screen_line 24)" "^ 0:30 left in this step .*\(plan 11:10\) *$" \
	"the status line fits 80 columns, the planned end kept"
expect_eq "$(bells)" 0 "no bell without --bell"
expect_eq "$(cx_json '.agenda[0].actual_seconds' show "$meeting")" 150 \
	"the time spent is the roll call's, as the screen counts it"

note "exactly a minute left"
spend --size 80 24 120
wait_for " 1 minute left in this step · Meeting 1:08:00 left · ends 11:08 (plan 11:10)"

note "with --bell: one ring as the step is found in its last minute, none for the others"
spend --bell 150
wait_for " 0:30 left in this step"
expect_eq "$(bells)" 1 "the bell rings once, not at every tick"
go_step 3 "Customer story"
go_step 1 "Welcome & roll call"
expect_eq "$(bells)" 1 "back to the step: the bell does not ring again"

note "with --bell: a step over rings once"
spend --bell 200
wait_for " Step 0:20 OVER"
expect_eq "$(bells)" 1 "the bell rings once as the step is over"
expect_no_screen "left in this step" "over is not the last minute"

note "projected end later than planned: 12 minutes in, the first two steps ran 10 and 2"
CXMEET_NOW=2026-11-23T10:12:00Z
spend --step 3 --done 2 600 120 0
wait_for " Step 7:00 left · Meeting 58:00 left · ends 11:17 (plan 11:10, 7 min late)"
expect_eq "$(cx_json '[.agenda[0:3][].actual_seconds] | join(",")' show "$meeting")" "600,120,0" \
	"the time spent per step is kept as written"

note "at 200x50: the time spent against the plan too"
resize 200 50
wait_for " Step 7:00 left (0:00 of 7m) · Meeting 58:00 left (12:00 of 70m) · ends 11:17 (plan 11:10, 7 min late)  ?:help  q:leave"

note "resumed the next day: the planned end is dated, no minutes early or late"
CXMEET_NOW=2026-11-24T09:00:00Z
spend --step 3 --done 2 600 120 60
wait_for " Step 6:00 left · Meeting 57:00 left · ends 10:04 (plan 2026-11-23 11:10)  ?:help"
