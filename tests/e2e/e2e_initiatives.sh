#!/bin/bash
# e2e_initiatives - the council's initiatives: added, given milestones and
# reviewed from the command line (bad input refused, nothing written), then
# reviewed in the standard agenda's step at 80x24 and 200x50: off
# track asks what is in the way, a milestone marked reached, each review kept
# with the meeting and in its minutes; the step counts as done. The data
# through the CLI.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
export CXMEET_NOW=2026-11-26T10:00:00Z
cx initiative add "Refunds within two days" --owner "Ben Okafor" --due 2026-12-31
cx initiative add "One answer on every channel" --owner "Zoë Ångström" --due 2026-12-20
cx initiative milestone 1 "Policy signed" --due 2026-12-05
cx initiative milestone 1 "Tooling live"
expect_eq "$(cx_json '.[] | select(.id == 1) | .department' initiative list)" "Finance" \
	"the owner's department"
expect_eq "$(cx_json '.[0].initiative' initiative list)" "One answer on every channel" \
	"the earlier due first"
expect_eq "$(cx_json '.[0].quarter' initiative list)" "2026-Q4" "the quarter it is due in, named as the ledger names quarters"

note "bad input refused, nothing written"
refused() { # refused STATUS TEXT ARGS...: exits STATUS and says TEXT
	local want=$1 said=$2 rc=0
	shift 2
	"$CXMEET" initiative "$@" >/dev/null 2>"$tmp/err" || rc=$?
	expect_eq "$rc" "$want" "initiative $* exits $want"
	expect_match "$(cat "$tmp/err")" "$said" "and says why"
}
refused 2 "needs one owner" add "Proactive outage notices" --due 2026-12-31
refused 2 "needs a due date" add "Proactive outage notices" --owner "Ben Okafor"
refused 2 "not a date on the calendar" add "Proactive outage notices" --owner "Ben Okafor" --due 2026-02-30
refused 2 "already" add "REFUNDS within two days" --owner "Ben Okafor" --due 2026-12-31
refused 2 "off track needs a note" track 1 off
refused 2 "not a track" track 1 sideways
refused 2 "no initiative" track 99 on
refused 2 "no milestone of that number" reach 1 7
expect_eq "$(cx_json 'length' initiative list --all)" 2 "still two initiatives"
expect_eq "$(cx_json '.reviews | length' initiative show 1)" 0 "and no review"

note "the standard agenda's step after the action review"
start_tui 80 24
start_meeting
keys 4
wait_for "Step 4/10: Action review"
keys Right
wait_for "Step 5/10: Initiatives"
wait_for "Initiatives (2, 0 reviewed)"
expect_match "$(screen | grep "Refunds within")" "2026-12-31 +0/2 on track" \
	"due date, milestones reached of all, the track in words"

note "off track asks what is in the way"
keys Down
wait_re "Refunds within two days · Ben Okafor · Finance"
keys Enter
wait_for "Review: Refunds within two days"
keys Down Enter
wait_for "What is in the way, and who can help?"
text "Finance has not signed"
keys Enter
wait_for "Refunds within two days: off track."
wait_for "Initiatives (2, 1 reviewed)"
expect_match "$(screen | grep "Refunds within")" "✓ .*off track" "marked reviewed, off track"

note "a milestone reached"
keys Enter
wait_for "Review: Refunds within two days"
keys End Enter
wait_for "Which milestone was reached?"
keys Enter
wait_for "Milestone 1 of Refunds within two days"
wait_for "[x] 1. Policy signed (reached 2026-11-26)"

note "at 200x50 the owner and the department have columns"
resize 200 50
wait_re "Refunds within two days +Ben Okafor +Finance +2026-12-31"

note "the review is kept with the meeting, and shown in its minutes"
mid=$(cx_json ".[0].id" history)
expect_eq "$(cx_json '.reviews[0].meeting_id' initiative show 1)" "$mid" "the review names the meeting"
expect_eq "$(cx_json '.reviews[0].note' initiative show 1)" "Finance has not signed" "with its note"
expect_eq "$(cx_json '.milestones[0].reached_on' initiative show 1)" "2026-11-26" "the milestone reached"
expect_eq "$(cx_json '.initiatives[0].track' show "$mid")" "off track" "the minutes' JSON"
expect_match "$("$CXMEET" --db "$CXMEET_DB" show "$mid")" \
	"\| Refunds within two days \| Ben Okafor \| 2026-12-31 \| off track \| Finance has not signed \|" \
	"the minutes' table"
expect_eq "$(cx_json '.agenda[] | select(.kind == "initiatives") | .done' show "$mid")" true \
	"the step counts as done"

note "the sponsor's packet lists the initiatives"
packet=$("$CXMEET" --db "$CXMEET_DB" packet --since 2026-10-01 --format md)
expect_match "$packet" "## Initiatives" "a section of its own"
expect_match "$packet" \
	"\| Refunds within two days \| Ben Okafor \| Finance \| 2026-12-31 \| 1 of 2 \| off track \|" \
	"each with owner, department, due date, milestones and track"
html=$("$CXMEET" --db "$CXMEET_DB" packet --since 2026-10-01 --format html)
expect_match "$html" '<td data-track="off">off track</td>' "the HTML says the track in words and data"
echo "e2e_initiatives: ok"
