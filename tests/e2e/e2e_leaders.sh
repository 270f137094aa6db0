#!/bin/bash
# e2e_leaders - what connects CX to each leader's goals, on screen at 80x24:
# a department's KPI and a person's values, KPI, stage and next step on their
# card of the stakeholder map with their last move; the focus department on
# the home screen; the buy-in ledger from the home screen's L.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
cx kpi add Finance "Days to refund" --unit days --lower-is-better --value 5
cx person edit "Ben Okafor" --values "Refunds paid on time" --kpi "Days to refund under 3" \
	--stage desire --next-step "Share the refund figures" --influence high --support low
cx focus Finance --plan "Win Ben over" --next-step "Share the refund figures"
expect_eq "$(cx_json '.[0] | "\(.department):\(.kpi):\(.value):\(.better)"' kpi list)" \
	"Finance:Days to refund:5:lower" "the KPI as listed"

start_tui 80 24
wait_for "Focus: Finance since 2026-11-23: Win Ben over; next: Share the refund"
expect_screen "  figures." "the focus wraps at 80 columns"

note "an action that serves Finance's KPI, from the home screen"
open_form A action
text "Pay refunds the day the parcel is back"
keys Tab Tab Tab Tab Tab
wait_re "Serves measure +\(none: type or Space to choose\)"
keys Space
wait_for "No measure yet (cxmeet measure add); a department's KPIs show once it is chosen."
keys Up Up Up
pick Fin Finance
keys Down
pick Ben "Ben Okafor"
keys Down Down Space
wait_for "Days to refund  KPI · 5 days"
keys Enter
wait_re "Serves measure +Days to refund"
keys Enter
wait_for "Recorded action #"
if [ -z "${CXMEET_TEST_SERVER:-}" ]; then
	# which measure an item serves: no command shows it
	expect_eq "$(sql "SELECT m.name FROM items i JOIN measures m ON m.id = i.measure_id")" \
		"Days to refund" "the action serves the KPI"
fi

note "the card on the stakeholder map"
keys m
wait_for "Stakeholder map"
wait_for "Ben Okafor (Finance, member) · stage: desire"
expect_screen "Values: Refunds paid on time · Their KPI: Days to refund under 3" "what he values"
expect_screen "Finance KPIs: Days to refund 5 days" "his department's KPI and its value"
expect_screen "Moved on 2026-11-23 to influence high, support low" "his last move"
note "a move on the map is kept"
keys Right
wait_for "Moved on 2026-11-23 to influence high, support high (was high, low)"
keys q
wait_for "Start a meeting"

note "the buy-in ledger"
keys L
wait_for "Buy-in ledger: attendance and wins per department and quarter"
expect_screen "2026-Q4" "this quarter is a column"
expect_screen " Finance " "every department is a row"
keys q
wait_for "Start a meeting"
