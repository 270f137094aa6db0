#!/bin/bash
# e2e_stakeholder_map - the stakeholder map at 80x24: two people are placed
# with the keys (K/Left, then i and s), one is moved again through the Enter
# menu; the quadrants, the suggestions and the record show it on screen, and
# people.influence/support hold it at once. A very long hostile name is cut
# cleanly inside its quadrant.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
long="$(printf 'Longname%.0s' 1 2 3 4 5 6 7 8) \"Q\", =1+1"
"$CXMEET" person add "$long" --dept HR --role champion >/dev/null
"$CXMEET" person edit "$long" --influence low --support low >/dev/null

start_tui 80 24
wait_for "Stakeholder map and champions (m)"
keys m
wait_for "Stakeholder map: influence over decisions (up), support for CX (right)"
wait_for "Not placed (3): Ben Okafor, 王芳, Zoë Ångström"
expect_screen "High influence: Win over (0)" "an empty quadrant"
expect_screen "Low influence: Monitor (1)" "the long name is in Monitor"
expect_match "$(screen)" "│ Longname[a-zA-Z]*… +│" "the long name is cut with an ellipsis inside its box"

note "Ben (after the long name, placed already): high influence (K), low support (Left)"
keys Down
keys K
wait_for "Ben Okafor: influence high, support unset; not placed until both are set."
keys Left
wait_for "Ben Okafor: Win over (influence high, support low)."
wait_for "High influence: Win over (1)"
expect_screen "│ Ben Okafor · Finance" "Ben is drawn in his quadrant"
expect_screen "Win over: Ben Okafor" "the map suggests winning Ben over"
# place NAME: the influence and support of NAME, as `cxmeet champions --all` gives them.
place() { cx_json --arg n "$1" '.[] | select(.name == $n) | "\(.influence)|\(.support)"' champions --all; }
expect_eq "$(place "Ben Okafor")" \
	"high|low" "Ben's place is saved"

note "王芳 (after Ben, in Win over now, and the long name): i and s toggle up: a champion"
keys Down Down
keys i
wait_for "王芳: influence high, support unset; not placed until both are set."
keys s
wait_for "王芳: Champions (influence high, support high)."
wait_for "High influence: Champions (1)"
expect_screen "Champions: 王芳" "the map names the champion"
expect_match "$(screen)" "王芳 +Champions +0 +- +0 +0" "the record shows the champion"
expect_screen "Not placed (1): Zoë Ångström" "one left to place"
expect_eq "$(place "王芳")" \
	"high|high" "王芳's place is saved"

note "the Enter menu moves 王芳 to Keep informed"
keys Enter
wait_for "Place 王芳"
text Keep
wait_for "low influence, high support"
keys Enter
wait_for "王芳: Keep informed (influence low, support high)."
wait_for "Low influence: Keep informed (1)"
expect_screen "High influence: Champions (0)" "no longer among the high-influence champions"
expect_eq "$(place "王芳")" \
	"low|high" "moved in the database"

note "resized: smallest, too small, wide"
resize 60 18
wait_for "Not placed (1): Zoë Ångström"
expect_screen "─ Keep informed (1) ─" "the quadrants still show at 60x18, their names whole"
expect_eq "$(screen_line 17 | sed 's/ *$//')" " Left/Right support  K/J influence  Enter choose" \
	"the key hints fit at 60 columns, none cut"
resize 50 12
wait_for "Terminal too small: 50x12."
resize 100 30
wait_for "Low influence: Keep informed (1)"
expect_match "$(screen)" "Champions and heroes +Quadrant +Wins +On time +Open +Overdue" \
	"the record has its quadrant column when wide"
expect_eq "$(tui_running && echo running)" running "still running after the resizes"

note "q goes home"
keys q
wait_for "Start a meeting"
