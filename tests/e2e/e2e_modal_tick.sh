#!/bin/bash
# e2e_modal_tick - the meeting's time goes on while a form is open over it:
# the timer on the status line under the form counts down (it stood still
# until the form closed), the bell (--bell) rings as the step enters its last
# minute, and the screen keeps writing its sign of life, so that a form left
# open for long never lets the hold look dead; what is typed meanwhile is
# kept, and saved. A take-over found while the form is open leaves the form
# as it is (nothing written from it) and is told once it has closed.
# Time must pass for this, so the program runs on the real clock here
# (CXMEET_NOW empty): nothing is checked against the date, only that the
# seconds shown decrease as it runs.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
start_tui 100 30
start_meeting
meeting=$(cx_json '.[0].id' history --limit 1)
kill -9 "$(tui_pid)"
wait_exit

# step_left: the step's time left as the status line (the last line) shows
# it, in seconds (negative when over); nothing when it shows none.
step_left() {
	screen | tail -n 1 | perl -ne '
		if (/^ 1 minute left in this step/) { print "60\n"; exit }
		if (/^ (?:Step )?(\d+):(\d\d) (left|OVER)/) { print(($3 eq "OVER" ? -1 : 1) * ($1 * 60 + $2), "\n") }'
}

# left_below N: the status line shows less than N seconds left in the step.
left_below() {
	local s
	s=$(step_left)
	[ -n "$s" ] && [ "$s" -lt "$1" ]
}

# The bell: a program the pane runs instead of cxmeet, that passes --bell;
# every bell the terminal rings is a line of $tmp/bells.
printf '#!/bin/sh\nexec %q --bell "$@"\n' "$CXMEET" >"$tmp/cxmeet-bell"
chmod +x "$tmp/cxmeet-bell"
: >"$tmp/bells"
bells() { wc -l <"$tmp/bells"; }
bells_are() { [ "$(bells)" -eq "$1" ]; }

note "1:45 spent of the roll call's three minutes: 75 s left, on the real clock"
sql "UPDATE meeting_steps SET actual_seconds = 105 WHERE meeting_id = $meeting AND position = 0"
CXMEET_NOW=
CXMEET=$tmp/cxmeet-bell start_tui 100 30
A=$SOCK
tmx set-hook -g alert-bell "run-shell 'echo bell >>$tmp/bells'"
wait_for "Resume the meeting in progress"
keys Home Enter
wait_for "Step 1/10: Welcome & roll call"
keys Down # clears "Resumed at step 1." from the status line
wait_gone "Resumed at step 1."
# (no command shows the hold's sign of life)
beat0=$(sql "SELECT seen_at FROM meeting_holds WHERE meeting_id = $meeting")
open_form n note
text "Typed while the clock runs"
first=$(step_left)
[ -n "$first" ] || die "no timer on the status line under the form"
[ "$first" -gt 60 ] || die "the step reached its last minute before the form was open ($first s left)"
expect_eq "$(bells)" 0 "no bell before the last minute"

note "the timer runs under the form"
poll 5 left_below "$first" || check_failed "the timer under the form did not move from $first s"
expect_screen "─ New note ─" "the form is still open"
expect_screen "Typed while the clock runs" "what was typed is still in the form"

note "the bell rings as the step enters its last minute, the form open"
wait_for "left in this step" 30
poll 5 bells_are 1 || check_failed "the bell did not ring under the form ($(bells) rings)"
expect_screen "─ New note ─" "the form is still open after the bell"

note "the hold's sign of life is written while the form stays open"
beat_moved() { [ "$(sql "SELECT seen_at FROM meeting_holds WHERE meeting_id = $meeting")" != "$beat0" ]; }
poll 15 beat_moved || check_failed "the hold's sign of life was not written under the form"

note "typing goes on, and Enter saves what was typed"
text ", and more"
save_form note
expect_eq "$(cx_json '[.items[] | select(.kind == "note") | .text] | join("|")' export)" \
	"Typed while the clock runs, and more" "the note is saved as typed"
expect_eq "$(bells)" 1 "the bell rang once"

note "B takes the meeting over while A's decision form is open"
open_form d decision
text "Typed by A"
start_tui 100 30
B=$SOCK
wait_for "Resume the meeting in progress"
keys Home Enter
wait_for "Held by another screen"
keys Down Enter
wait_for "Step 1/10: Welcome & roll call"
if poll 3 on_screen "Restore it?"; then keys n; fi
wait_gone "Restore it?"
wait_for "You hold the meeting now"

note "A's form stays as it was while A's screen finds the hold gone"
SOCK=$A
# A's sign of life is due every 10 s: the clock under A's form runs past it.
taken=$(step_left)
[ -n "$taken" ] || die "no timer on A's status line under the form"
poll 20 left_below $((taken - 11)) || die "A's timer under the form did not run 11 s"
expect_screen "─ New decision ─" "A's form is still open"
expect_screen "Typed by A" "what A typed is still in the form"
expect_no_screen "took over this meeting" "nothing changes under A's form while it is open"
expect_no_screen "Read-only" "A is not switched to following under its form"

note "A closes the form: told at once that B took over, and follows"
keys Escape
wait_for "Discard what you typed?"
keys y
wait_form_closed
wait_for "took over this meeting" 2
wait_for "Step 1/10: Welcome & roll call  (read-only)" 2
expect_eq "$(cx_json '[.items[] | select(.kind == "decision")] | length' export)" 0 \
	"nothing written from A's form"
SOCK=$B
expect_no_screen "Read-only" "B still holds the meeting"
