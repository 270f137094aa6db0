#!/bin/bash
# e2e_demo_progress - `cxmeet demo` shows on a terminal how far it is: a bar of
# the weeks written on stderr's line, with their count, rate and the time
# left, then (when it takes a moment) the building of the search index, and
# the line is cleared before the summary. Not on a terminal, stderr gets
# nothing.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

db=$tmp/demo.db
n_socks=$((n_socks + 1))
SOCK="$tmp/sock$n_socks"
cmd=$(printf 'env TZ=%q LC_ALL=%q CXMEET_NOW=%q %q --db %q demo --years 25 --seed 2; echo "exit status $?"; exec sleep 600' \
	"$TZ" "$LC_ALL" "$CXMEET_NOW" "$CXMEET" "$db")
tmux -S "$SOCK" -f /dev/null new-session -d -x 100 -y 10 -c "$tmp" "$cmd"

# Half-way, the bar: some weeks written, not all, at a rate, with time left.
wait_re 'cxmeet: writing the history \[#*\.+\] +[0-9]+%' 30
expect_match "$(screen)" 'writing the history \[#*\.+\] +([0-9]|[1-9][0-9])% +[0-9]+/1300 weeks, +[0-9]+ weeks/s, [0-9]+ (min [0-9]+ )?s left' \
	"a bar part-way, with the count, the rate and the time left"
expect_eq "$(screen | awk 'length > 99' | wc -l)" 0 "the line fits the screen (100 columns)"
wait_for "exit status 0" 120
expect_screen "Wrote " "the summary"
expect_no_screen "writing the history" "the bar cleared before the summary"
expect_no_screen "building the search index" "the index's line cleared"
expect_eq "$(screen | grep -c .)" 2 "only the summary and the exit status on the screen"

# Not on a terminal: nothing on stderr, the same summary on stdout.
"$CXMEET" --db "$tmp/again.db" demo --years 1 --seed 2 >"$tmp/out" 2>"$tmp/err"
expect_eq "$(wc -c <"$tmp/err")" 0 "no progress when stderr is not a terminal"
expect_match "$(cat "$tmp/out")" '^Wrote [0-9]+ meetings' "the summary on stdout"
