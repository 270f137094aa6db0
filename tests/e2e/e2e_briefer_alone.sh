#!/bin/bash
# e2e_briefer_alone - in a council of one department, nobody is absent from
# it that someone else could brief: b says so, offers no empty list, and
# writes nothing.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

"$CXMEET" init --org "Northwind Outfitters" >/dev/null
"$CXMEET" person add "Hana Sato" --dept HR >/dev/null
"$CXMEET" person add "Ivo Kral" --dept HR >/dev/null
start_tui 100 30
start_meeting
wait_for "Not represented:"

note "b on Hana (HR): nobody outside HR can brief it"
keys b
wait_for "Nobody outside HR can brief it: + adds a person to the council."
expect_no_screen "Who will brief HR?" "no empty list of people is offered"
expect_eq "$(cx_json '[.meeting_briefers[]?] | length' export)" 0 "no briefer is written"
