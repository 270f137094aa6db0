#!/bin/bash
# e2e_help_views - ? in every view shows that view's own keys first, then the
# keys every view shares: each view's help at 100x30 against
# tests/golden/help/VIEW.txt (the first page, then the last after End, when
# the keys take more than a page), trailing spaces stripped. Besides the
# goldens, the keys a view reads itself are looked for by name: f d o v in
# the actions view, the home screen's letters, and no capture keys where
# nothing is captured. After a deliberate change to a view's keys,
# regenerate the goldens with
#     CXMEET_UPDATE_GOLDEN=1 tests/e2e/e2e_help_views.sh build/src/cxmeet
# and read the diff before committing it.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

golden_dir="$(dirname "$0")/../golden/help"

page() { screen | sed 's/ *$//'; }

# help_of VIEW: opens the help over the view shown, compares it with
# VIEW.txt, and closes it again (x: any key that does not scroll).
help_of() {
	local view=$1 got
	keys '?'
	wait_for " cxmeet help: keys"
	got=$(page)
	if on_screen "scroll ("; then
		keys End
		settle
		got=$(printf '%s\n--- after End ---\n%s\n' "$got" "$(page)")
	fi
	expect_golden "$golden_dir/$view.txt" "$got" "the help of $view matches $view.txt"
	help_text=$got
	keys x
	wait_gone " cxmeet help: keys"
}

# has_key KEYS TEXT: the help just read lists KEYS for a text starting TEXT.
has_key() {
	expect_match "$help_text" "^    $1 +$2" "the help lists '$1' ($2)"
}

setup_council
start_tui 100 30
wait_for "Start a meeting"

note "home"
help_of home
expect_match "$help_text" "keys in the home screen" "the title names the view"
has_key h "History and search"
has_key a "Actions: who owes what"
has_key d "Decisions"
has_key C "Cadence and participation"
has_key c "Council and charter"
has_key p "Departments and people"
has_key m "Stakeholder map"
has_key t "Agenda templates"
expect_no_match "$help_text" "Capture a decision" "home lists no capture keys"

note "the actions view"
keys a
wait_for " Actions: "
help_of actions
has_key "f, Tab" "Show the next state"
has_key d "Only one department"
has_key o "Only one owner"
has_key v "Show the action's history"
expect_no_match "$help_text" "Capture a|agenda step" "the actions view lists no meeting keys"
keys q
wait_for "Start a meeting"

note "the decision log"
keys d
wait_for " Decision log"
help_of decisions
has_key / "Find decisions"
has_key s "Mark the decision superseded"
keys q
wait_for "Start a meeting"

note "history and search"
keys h
wait_for "Enter minutes"
help_of history
has_key x "Clear the department and kind filters"
keys q
wait_for "Start a meeting"

note "cadence and participation"
keys C
wait_for "Tab section"
help_of cadence
has_key "\\+, =" "Cover one more"
keys q
wait_for "Start a meeting"

note "council and charter"
keys c
wait_for "v earlier versions"
help_of council
has_key v "Earlier versions"
keys q
wait_for "Start a meeting"

note "departments and people"
keys p
wait_for "Tab switch"
help_of people
has_key A "Show or hide archived"
has_key o "Change the person's role"
keys q
wait_for "Start a meeting"

note "the stakeholder map"
keys m
wait_for "Stakeholder"
help_of stakeholders
has_key u "Take the person off the map"
keys q
wait_for "Start a meeting"

note "agenda templates"
keys t
wait_for "Enter steps"
help_of agendas
has_key "P, Ctrl-E" "Edit the step's prompt in"
keys q
wait_for "Start a meeting"

note "this meeting's agenda, then the meeting"
keys Home Enter
wait_for "This meeting's agenda"
help_of prepare
has_key "s, Space" "Skip the step"
keys Enter
wait_for "Step 1/10: Welcome & roll call"
help_of meeting
has_key c "Capture what this step offers first"
has_key "Right, l, \\], >" "Next agenda step"
expect_eq "$(sql "SELECT count(*), status, current_step FROM meetings")" "1|in_progress|0" \
	"the help changes nothing in the meeting"
keys q
wait_for "Leave the meeting?"
keys y
wait_for "Resume the meeting in progress"

note "the first-run set-up, on a new database (its cadence step: no text field)"
tmx kill-server
wait_exit
export CXMEET_DB="$tmp/new.db"
start_tui 100 30
wait_for "(step 1 of 6)"
keys Tab Tab Tab
wait_for "Your cadence"
help_of setup
has_key "q, Ctrl-C, Esc" "Stop for now"
