#!/bin/bash
# e2e_paste_burst - a paste into a terminal that does not mark pastes
# (tmux send-keys -l: no bracketed paste) arrives as a burst of keys, and a
# burst is text: its line breaks become spaces and submit nothing, what
# follows them stays in the field (never read as commands), and text past
# the field's limit is cut with a message saying so.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

items() { cx_json '.items | length' export; }
# item N: the text of item #N in the export.
item() { cx_json ".items[] | select(.id == $1).text" export; }

setup_council
start_tui 100 30
start_meeting
go_step 7 "Priorities & decisions"

note "two lines pasted into the decision field"
open_form d decision
tmx send-keys -l -- "$(printf 'Refund within ten days\nfor every courier loss')"
wait_re "Decision +Refund within ten days for every courier loss"
expect_screen "─ New decision ─" "the line break did not submit the form"
expect_eq "$(items)" 0 "nothing saved by the paste"
save_form decision 1
expect_eq "$(item 1)" "Refund within ten days for every courier loss" \
	"a typed Enter saves the pasted lines as one line"

note "a 3000-character paste of 30 lines, then c: all of it is text"
open_form d decision
long=""
for i in $(seq 1 30); do
	long+="Line $(printf %02d "$i") of the pasted decision, padded to a hundred characters with words ......."$'\n'
done
long+="c"
tmx send-keys -l -- "$long"
wait_for "Cut at 2000 characters: the most this field holds." 30
settle
expect_screen "─ New decision ─" "the decision form is still open"
expect_no_screen "─ New message ─" "the c after the paste opened no message form"
expect_eq "$(items)" 1 "nothing saved by the paste"
expect_eq "$(cx_json '[.[] | select(.status == "in_progress")] | length' history)" 1 \
	"the meeting goes on"

note "a typed Enter saves what the field holds: the first 2000 characters"
keys Enter
wait_re "^Saved decision #2\\."
want=$(printf '%s' "${long//$'\n'/ }" | head -c 2000 | sed 's/ *$//')
expect_eq "$(item 2)" "$want" \
	"the first 2000 characters are saved, line breaks as spaces (trailing space trimmed)"
expect_no_screen "─ New message ─" "no message form"
