#!/bin/bash
# e2e_quiet - -q/--quiet on the commands that report success: nothing on
# stdout, the data written all the same; a refusal still says why on stderr,
# with its exit status; a command without it refuses -q.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
# quiet CMD ARG...: runs cxmeet; its stdout, and the status on the last line.
quiet() {
	local rc=0 out
	out=$("$CXMEET" --db "$CXMEET_DB" "$@" 2>"$tmp/q.err") || rc=$?
	printf '%s\nrc=%d' "$out" "$rc"
}

note "quiet successes print nothing"
expect_eq "$(quiet dept add Logistics -q)" $'\nrc=0' "dept add -q"
expect_eq "$(quiet person add "Ada Quiet" --dept Logistics --quiet)" $'\nrc=0' "person add --quiet"
expect_eq "$(quiet add action "Ship the leaflet" --person "Ada Quiet" --due 2026-12-01 -q)" \
	$'\nrc=0' "add -q"
id=$(cx_json '.items[] | select(.text == "Ship the leaflet").id' export)
expect_eq "$(quiet done "$id" -q)" $'\nrc=0' "done -q"
expect_eq "$(quiet org set mission "Quiet answers" -q)" $'\nrc=0' "org set -q"

note "what they did is in the data"
expect_eq "$(cx_json '.departments[] | select(.name == "Logistics").name' export)" "Logistics" \
	"the department"
expect_eq "$(cx_json '.people[] | select(.name == "Ada Quiet").department' export)" "Logistics" \
	"the person, in the department"
expect_eq "$(cx_json --arg id "$id" '.items[] | select(.id == ($id | tonumber)).status' export)" \
	"done" "the action is done"
expect_eq "$(cx_json '.organisation.mission' export)" "Quiet answers" "the mission"

note "a refusal still speaks, on stderr"
expect_eq "$(quiet done "$id" -q)" $'\nrc=2' "done -q of a done action: status 2, nothing on stdout"
expect_match "$(cat "$tmp/q.err")" "already done" "the reason on stderr"

note "without -q they report"
expect_match "$(quiet dept add Warehouse)" "Warehouse" "dept add reports"

note "a command that reports nothing refuses -q"
expect_match "$(quiet status -q)" "rc=2" "status -q is refused"
