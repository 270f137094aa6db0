#!/bin/bash
# e2e_help - the help screen (?) at 100x30: on the home screen against
# tests/e2e/help.golden (trailing spaces stripped); any key goes back, and the
# home menu's "Help: keys" shows the same. In a meeting the help holds more
# than a page: it scrolls to its last row and stops there, and changes
# nothing in the meeting. (Every view's help: e2e_help_views.)
# After a deliberate change to the keys, regenerate the golden file with
#     CXMEET_UPDATE_GOLDEN=1 tests/e2e/e2e_help.sh build/src/cxmeet
# and read the diff before committing it.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

golden="$(dirname "$0")/help.golden"
last_row="    In a list with a Filter, letters filter; the other keys above move."

page() { screen | sed 's/ *$//'; }

setup_council
start_tui 100 30
wait_for "Start a meeting"

note "? on the home screen"
keys '?'
wait_for " cxmeet help: keys in the home screen"
wait_re " any (other )?key: back"
page1=$(page)
expect_golden "$golden" "$page1" "the help screen matches help.golden"

note "any other key goes back"
keys x
wait_for "Start a meeting"
wait_gone "cxmeet help: keys"

note "the home menu's Help: keys (the last but one entry)"
keys End Up Enter
wait_for " cxmeet help: keys in the home screen"
expect_eq "$(page)" "$page1" "Help: keys shows the help of the home screen"
keys q # leaves the help, not the program
wait_for "Start a meeting"
expect_eq "$(tui_running && echo running)" running "q in the help does not quit cxmeet"

note "? in a meeting: the meeting's keys, longer than a page"
keys Home Enter
wait_for "This meeting's agenda"
keys Enter
wait_for "Step 1/10: Welcome & roll call"
keys '?'
wait_for " cxmeet help: keys in the meeting"
wait_for "Up/Down/PgUp/PgDn/Home/End scroll (40 rows)  any other key: back"
expect_screen "Capture a decision" "the meeting's help lists its capture keys"
expect_no_screen "$last_row" "the last row is below the first page"
keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down
wait_for "$last_row"
wait_gone "    Right, l, ], >   Next agenda step"
page2=$(page)

note "scrolling stops at the last row"
keys Down Down Down Down Down Down Down Down Down Down Down
settle
expect_eq "$(page)" "$page2" "Down past the end leaves the last page in place"
keys Home
wait_for "    Right, l, ], >   Next agenda step"
keys x
wait_for "Step 1/10: Welcome & roll call"
wait_for "Roll call: 0 of 3 present"
expect_eq "$(sql "SELECT count(*), status, current_step FROM meetings")" "1|in_progress|0" \
	"the help changes nothing in the meeting"

note "the status line's </>:step keys move between steps"
keys '>'
wait_for "Step 2/10: Mission moment"
keys '<'
wait_for "Step 1/10: Welcome & roll call"
