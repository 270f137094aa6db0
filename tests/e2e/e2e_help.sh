#!/bin/bash
# e2e_help - the help screen (?) at 100x30 against tests/e2e/help.golden: the
# first page, then the page after scrolling down to the last binding (seven
# times Down), trailing spaces stripped. Scrolling stops at the end; any other
# key goes back; the home menu's "Help: keys" and ? in a meeting show the same.
# After a deliberate change to the keys, regenerate the golden file with
#     CXMEET_UPDATE_GOLDEN=1 tests/e2e/e2e_help.sh build/src/cxmeet
# and read the diff before committing it.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

golden="$(dirname "$0")/help.golden"
last_row="  c                Capture what this step offers first"

page() { screen | sed 's/ *$//'; }

setup_council
start_tui 100 30
wait_for "Start a meeting"

note "? on the home screen"
keys '?'
wait_for " cxmeet help: keys"
wait_for "Up/Down/PgUp/PgDn/Home/End scroll (34 rows)  any other key: back"
page1=$(page)
keys Down Down Down Down Down Down Down Down
wait_for "$last_row"
wait_gone "Show this help"
page2=$(page)
got=$(printf '%s\n--- after Down x8 ---\n%s\n' "$page1" "$page2")
if [ "${CXMEET_UPDATE_GOLDEN:-}" = 1 ]; then
	printf '%s\n' "$got" >"$golden"
	note "wrote $golden"
fi
if diff -u "$golden" <(printf '%s\n' "$got"); then
	echo "ok - the help screen matches help.golden"
else
	check_failed "the help screen differs from help.golden (diff above: - golden, + now)"
fi

note "scrolling stops at the last row"
keys Down Down Down Down Down Down Down Down Down Down Down
settle
expect_eq "$(page)" "$page2" "Down past the end leaves the last page in place"

note "any other key goes back"
keys x
wait_for "Start a meeting"
wait_gone "cxmeet help: keys"

note "the home menu's Help: keys (the last but one entry)"
keys End Up Enter
wait_for " cxmeet help: keys"
wait_for "Up/Down/PgUp/PgDn/Home/End scroll (34 rows)"
expect_eq "$(page)" "$page1" "Help: keys shows the help from its top"
keys q # leaves the help, not the program
wait_for "Start a meeting"
expect_eq "$(tui_running && echo running)" running "q in the help does not quit cxmeet"

note "? in a meeting"
keys Home Enter
wait_for "This meeting's agenda"
keys Enter
wait_for "Step 1/9: Welcome & roll call"
keys '?'
wait_for " cxmeet help: keys"
expect_eq "$(page | sed '$d')" "$(printf '%s\n' "$page1" | sed '$d')" \
	"the help in a meeting is the same (but for the status line)"
keys x
wait_for "Step 1/9: Welcome & roll call"
wait_for "Roll call: 0 of 3 present"
expect_eq "$(sql "SELECT count(*), status, current_step FROM meetings")" "1|in_progress|0" \
	"the help changes nothing in the meeting"

note "the status line's </>:step keys move between steps"
keys '>'
wait_for "Step 2/9: Mission moment"
keys '<'
wait_for "Step 1/9: Welcome & roll call"
