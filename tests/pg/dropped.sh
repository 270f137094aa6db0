#!/bin/bash
# dropped.sh - the server goes away in the middle of a meeting: the note
# being typed stays in its form, the screen says the connection was lost and
# nothing is shown as saved; with the server back, Enter again saves it once.
# Run inside with_cluster.sh: dropped.sh CXMEET
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../e2e/lib.sh" "$@"
# a database of its own on the test cluster, made by init
export CXMEET_DB
CXMEET_DB=$(printf "$CXMEET_CONTRACT_STORE" 7001)

setup_council
start_tui 80 24
start_meeting
go_step 3 "Customer story"
open_form n note
text "Told by the courier desk"
wait_for "Told by the courier desk"

note "the server stops"
"$here/cluster.sh" down "$CXMEET_PG_DIR"
keys Enter
wait_re "connection|server" 15
expect_screen "Told by the courier desk" "the text stays in its form"
expect_no_screen "Saved note" "nothing shown as saved"

note "the server is back: Enter again saves the note, once"
"$here/cluster.sh" up "$CXMEET_PG_DIR"
keys Enter
wait_re "^Saved note #[0-9]+\." 15
wait_form_closed
expect_eq "$(cx_json '[.items[] | select(.text == "Told by the courier desk")] | length' export)" 1 \
	"the note is saved once"
