#!/bin/bash
# follow.sh - two screens on one server's council: B follows the meeting A
# holds, read-only, and sees A's step and new note within a second (told by
# the server: LISTEN/NOTIFY, no reading meanwhile); B cannot write into it.
# Run inside with_cluster.sh: follow.sh CXMEET
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../e2e/lib.sh" "$@"
export CXMEET_DB
CXMEET_DB=$(printf "$CXMEET_CONTRACT_STORE" 7002)

setup_council
start_tui 100 30
A=$SOCK
start_meeting

note "B opens the meeting A holds and follows it"
start_tui 100 30
B=$SOCK
wait_for "Resume the meeting in progress"
keys Enter
wait_for "Held by another screen"
wait_for "Follow it read-only"
keys Enter
wait_for "Step 1/10: Welcome & roll call  (read-only)"

note "A moves and captures: B follows within a second"
SOCK=$A
go_step 3 "Customer story"
open_form n note
text "Seen by B"
save_form note
SOCK=$B
wait_for "Step 3/10: Customer story" 1
wait_for "[N] Seen by B" 1

note "B, read-only, writes nothing"
keys n
wait_re "Read-only: .* holds this meeting"
expect_no_screen "New note" "no form opens on a read-only screen"
expect_eq "$(cx_json '.items | length' export)" 1 "one item"
