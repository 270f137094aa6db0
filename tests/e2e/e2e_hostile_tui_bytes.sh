#!/bin/bash
# e2e_hostile_tui_bytes - two ways bytes could stall the full-screen
# interface, each once a bug:
# 1. Invalid UTF-8 (a lone 0xff byte) typed into a form: ncurses' get_wch
#    swallowed the keys after it; the byte is now dropped alone and typing
#    goes on (read_char in src/tui/tui.c).
# 2. A 1 MB bracketed paste into a one-line field took minutes (a full redraw
#    per refused character); the screen is now drawn once the paste is in.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
start_tui 100 30
start_meeting
go_step 7 "Priorities & decisions"

note "bug 1: invalid UTF-8 in a form field"
open_form a action
text "ab"
wait_re "Action +ab"
text $'\xff'
text "cd"
keys Tab
text "x"
if poll 5 on_screen_re "Action +ab.?cd"; then
	echo "ok - typing goes on after an invalid byte"
else
	check_failed "the form ignores every key after an invalid UTF-8 byte"
fi
pid=$(tui_pid)
tmx kill-server
for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
expect_eq "$(cx_json '.items | length' export)" 0 "nothing was saved"

note "bug 2: a 1 MB paste into the one-line Action field"
start_tui 100 30
wait_for "Resume the meeting in progress"
keys Enter
wait_for "Resumed at step 7."
# the terminal closed with the form open: what was typed is offered back
wait_for 'A draft action was being typed: "abcd". Restore it?'
keys n
wait_gone "Restore it?"
open_form a action
head -c 1048576 /dev/zero | tr '\000' y >"$tmp/paste.txt"
tmx load-buffer "$tmp/paste.txt"
tmx paste-buffer -p
keys C-u
text "Marker"
if poll 15 on_screen_re "Action +Marker"; then
	echo "ok - the form answers within 15 s of a 1 MB paste"
else
	check_failed "a 1 MB paste leaves the form unresponsive for more than 15 s"
fi
expect_eq "$(cx_json '.items | length' export)" 0 "nothing was saved"
