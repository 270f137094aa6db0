#!/bin/bash
# e2e_present_timing - the presenter view's time against the plan, as the
# facilitator's status line gives it: in the step's last minute it says so
# in words and in the warning colour ("1 minute left in this step" as it
# enters it), over the step's time in the error colour; on time in the ok
# colour. A meeting resumed on a later day: the planned end is dated and no
# minutes early or late are said, on both screens.
# The clock is fixed (CXMEET_NOW): the time spent is written into the
# meeting's steps behind the programs' backs, while nobody holds the meeting
# (its clock then stands at what was written).
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

# start_present COLS ROWS: `cxmeet present` in a new private tmux server.
start_present() {
	local term=screen
	infocmp tmux-256color >/dev/null 2>&1 && term=tmux-256color
	n_socks=$((n_socks + 1))
	SOCK="$tmp/sock$n_socks"
	local cmd
	cmd=$(printf 'exec env -u VISUAL -u EDITOR -u NO_COLOR TERM=%q TZ=%q LC_ALL=%q CXMEET_NOW=%q HOME=%q XDG_DATA_HOME=%q CXMEET_DB=%q %q present 2>>%q' \
		"$term" "$TZ" "$LC_ALL" "$CXMEET_NOW" "$HOME" "$XDG_DATA_HOME" "$CXMEET_DB" "$CXMEET" "$tmp/stderr.log")
	tmux -S "$SOCK" -f /dev/null new-session -d -x "$1" -y "$2" -c "$tmp" "$cmd"
}

# attrs_before (lib.sh) joins the attributes by ";" here.
export ATTRS_SEP=";"

# spend SECONDS: the roll call's time spent, written behind the programs' backs.
spend() {
	sql "UPDATE meeting_steps SET actual_seconds = $1
	     WHERE meeting_id = $meeting AND position = 0"
}

setup_council
start_tui 100 30
F=$SOCK
start_meeting
meeting=$(cx_json '.[0].id' history --limit 1)
keys q
wait_for "Leave the meeting?"
keys y
wait_for "The meeting is still in progress: Enter resumes it."

start_present 80 24
P=$SOCK
wait_for "Step 1/10: Welcome & roll call"
wait_for "3:00 left in this step (paused) · meeting ends 11:10 (planned 11:10)"
expect_match "$(attrs_before '3:00 left in this step')" "(^|;)32(;|$)" "on time: the ok colour"

note "the last minute: in words and in the warning colour"
spend 150
wait_for "0:30 left in this step: the last minute (paused)" 3
expect_match "$(attrs_before '0:30 left in this step')" "(^|;)31(;|$)" \
	"the last minute: the warning colour"
spend 120
wait_for "1 minute left in this step (paused)" 3
expect_match "$(attrs_before '1 minute left in this step')" "(^|;)31(;|$)" \
	"a minute left: the warning colour"

note "over the step's time: the error colour"
spend 200
wait_for "0:20 over the time planned for this step (paused)" 3
expect_match "$(attrs_before '0:20 over the time planned')" "(^|;)41(;|$)" \
	"over: the error colour, as the facilitator's status line"
expect_no_screen "the last minute" "over is not the last minute"

note "at 200x50 in large digits: the same words and colours"
resize 200 50
wait_for "over the time planned for this step (paused)" 3
expect_match "$(attrs_before 'over the time planned')" "(^|;)41(;|$)" "over: the error colour"
spend 150
wait_for "left in this step: the last minute (paused)" 3
expect_match "$(attrs_before 'left in this step: the last minute')" "(^|;)31(;|$)" \
	"the last minute: the warning colour"
spend 0
resize 80 24
wait_for "3:00 left in this step (paused)" 3
keys q
wait_exit

note "the next day: the planned end is dated, no minutes early or late"
CXMEET_NOW=2026-11-24T15:00:00Z start_present 80 24
P=$SOCK
wait_for "Step 1/10: Welcome & roll call"
wait_re "[Mm]eeting ends 16:10 \(planned 2026-11-23 11:10\)" 3
expect_no_screen "min late" "paused: nothing late said of a plan of another day"
SOCK=$F
keys q
wait_exit
CXMEET_NOW=2026-11-24T15:00:00Z start_tui 100 30
F=$SOCK
wait_for "Resume the meeting in progress"
keys Home Enter
wait_for "Step 1/10: Welcome & roll call"
keys Down # clears "Resumed at step 1." from the status line
wait_gone "Resumed at step 1."
wait_re "ends 16:10 \(plan 2026-11-23 11:10\)"
expect_no_screen "min late" "the facilitator's screen: the planned end dated, nothing late"
SOCK=$P
poll 3 off_screen "(paused)" || check_failed "followed again once resumed"
wait_re "[Mm]eeting ends 16:10 \(planned 2026-11-23 11:10\)" 3
expect_no_screen "min late" "the presenter says the same as the facilitator's screen"
