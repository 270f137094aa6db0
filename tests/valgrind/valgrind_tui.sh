#!/bin/bash
# valgrind_tui - a whole council meeting in the full-screen interface, run in
# tmux under valgrind: roll call, a customer story, an action, a parked topic
# settled by a decision, a win, an insight, a note deleted again, a message, a
# rating, the end and the minutes. Any memory error, or memory definitely or
# indirectly lost, fails the test. Run by `meson test --suite valgrind` (when
# valgrind is installed) on the normal build, not the sanitized one.
set -euo pipefail
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/../e2e/lib.sh" "$@"

# Valgrind makes the program some 20 times slower: every wait of lib.sh (poll,
# hence wait_for, wait_re, wait_gone, pick, save_form...) gets SLOW times its
# timeout, and wait_exit waits for valgrind's leak check at exit.
SLOW=12
poll() {
	local i n=$(($1 * 10 * SLOW))
	shift
	for ((i = 0; i < n; i++)); do
		if tui_running && "$@"; then return 0; fi
		sleep 0.1
	done
	return 1
}
# So slow a program finds the keys sent after a text already waiting with
# it: one burst, which it takes for a paste (a Tab in it is a space). Each
# text is waited for on the screen, as a person would, before the next key.
text() {
	tmx send-keys -l -- "$1"
	wait_for "$1"
}
wait_exit() {
	local i
	for ((i = 0; i < 600; i++)); do
		tui_running || return 0
		sleep 0.1
	done
	die "the program did not end"
}

# The database is set up by the program itself, without valgrind (the CLI has
# valgrind_cli.sh); then CXMEET becomes a wrapper that runs it under valgrind.
setup_council
real=$CXMEET
CXMEET="$tmp/cxmeet-valgrind"
printf '#!/bin/sh\nexec valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --track-fds=no --log-file=%q %q "$@"\n' \
	"$tmp/valgrind.log" "$real" >"$CXMEET"
chmod +x "$CXMEET"

start_tui 100 30
wait_for "Start a meeting" 5

note "roll call"
start_meeting
wait_for "Roll call: 0 of 3 present"
keys j Space
wait_for "Roll call: 1 of 3 present"
keys j Space
wait_for "Roll call: 2 of 3 present"

note "customer story"
go_step 3 "Customer story"
open_form s story
text "Parcel lost twice, refund took 3 weeks"
keys Tab
text "She called five times before anyone owned it."
keys Tab
pick Sal Sales
keys Tab
pick Zo "Zoë Ångström"
keys Tab Space
wait_for "[x] yes, the customer agreed to be named"
save_form story 1

note "new action"
go_step 9 "New actions"
open_form a action
text "Call back refund cases"
keys Tab Tab
pick Sal Sales
keys Tab
pick Zo "Zoë Ångström"
keys Tab
wait_re "Due +2026-12-23"
keys C-u
text "+2w"
wait_re "Due +\+2w"
save_form action 2

note "a parked topic settled by a decision"
go_step 7 "Priorities & decisions"
open_form p "parked topic"
text "Self-service refunds under 50 EUR"
save_form "parked topic" 3
wait_for "Parked topics (1)"
keys Enter
wait_for "Settles topic  [x] Self-service refunds under 50 EUR"
text "Agents refund up to 50 EUR on the spot"
keys Tab Tab
pick Fin Finance
keys Tab
pick 王 王芳
keys Tab
text "Waiting costs more than the refund"
save_form decision 4
wait_for "Decided in this meeting (1)"

note "a win"
go_step 8 "Wins & hidden heroes"
open_form w win
text "Duplicate invoices fixed overnight"
keys Tab Tab
pick Fin Finance
keys Tab
pick Ben "Ben Okafor"
save_form win 5

note "an insight, and a note deleted again"
go_step 6 "Insights & metrics"
open_form i insight
text "Refund complaints doubled in October"
save_form insight 6
open_form n note
text "Typo, ignore this"
save_form note 7
wait_for "Captured in this step (2)"
keys j X
wait_for "Delete this note? It stays in the history as deleted."
keys y
wait_for "Deleted #7."

note "the help screen, and a resize"
keys "?"
wait_for "cxmeet help: keys"
keys q
wait_gone "cxmeet help: keys"
resize 80 24
settle
resize 100 30
settle

note "wrap-up: a message, a rating, the end"
go_step 0 "Wrap-up"
open_form m "message to another team"
text "Tell Marketing about the 50 EUR rule"
keys Tab Tab
pick Mark Marketing
save_form "message to another team" 8
keys Enter
wait_for "End the meeting and write minutes"
keys Down Enter
wait_for "Rate this meeting from 1 to 10"
text 11
keys Enter
wait_for "A rating is a whole number from 1 to 10."
keys C-u
text 8
keys Enter
wait_for "Rating: 8/10"
keys E
wait_for "End the meeting now?"
keys y
wait_for "Write the minutes to (empty: do not write)"
keys Enter
wait_for "Meeting ended. Minutes written to cx-council-2026-11-23.md"
wait_for "Start a meeting"
keys q
wait_exit

note "what the meeting wrote"
# (read by the program itself, not under valgrind: its log is the run's)
expect_eq "$(CXMEET=$real cx_json '.meeting | "\(.status)|\(.rating)"' show)" "completed|8" \
	"the meeting is completed, rated 8"
expect_eq "$(CXMEET=$real cx_json '.items | length' export)" 7 "seven items are kept"
[ -f "$tmp/cx-council-2026-11-23.md" ] || check_failed "no minutes file"

note "valgrind"
log="$tmp/valgrind.log"
# VALGRIND_TUI_LOG=FILE keeps a copy of the log (the temp dir goes at exit).
if [ -n "${VALGRIND_TUI_LOG:-}" ]; then cp "$log" "$VALGRIND_TUI_LOG"; fi
[ -s "$log" ] || die "valgrind wrote no log"
if grep -q "ERROR SUMMARY: 0 errors" "$log"; then
	echo "ok - valgrind: no memory errors"
else
	check_failed "valgrind found memory errors"
	cat "$log" >&2
fi
if grep -qE "definitely lost: [1-9]|indirectly lost: [1-9]" "$log"; then
	check_failed "valgrind found leaks"
	cat "$log" >&2
elif grep -qE "All heap blocks were freed|definitely lost: 0 bytes" "$log"; then
	echo "ok - valgrind: nothing definitely or indirectly lost"
else
	check_failed "valgrind's log has no leak summary"
	cat "$log" >&2
fi
grep -E "ERROR SUMMARY|(definitely|indirectly|possibly) lost:|still reachable:" "$log" | sed 's/^/# /'
