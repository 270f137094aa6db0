#!/bin/bash
# e2e_draft_at_once - a win typed and killed (kill -9) as soon as it shows on
# the screen is offered back on resume: the draft is kept once no key is
# waiting, not only after a pause of 0.7 s (it was lost then).
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
start_tui 80 24
start_meeting
go_step 8 "Wins & hidden heroes"
open_form w win
text "Half-typed win"
wait_for "Half-typed win"
keys Space
text "f"
wait_for "Half-typed win f"
kill -9 "$(tui_pid)"
wait_exit
expect_eq "$(cx_json '.items | length' export)" 0 "nothing was saved as an item"

start_tui 80 24
wait_for "Resume the meeting in progress"
keys Enter
wait_for 'A draft win was being typed: "Half-typed win f". Restore it?'
keys y
wait_re "─ New win ─"
expect_screen "Half-typed win f" "the form holds the draft"
