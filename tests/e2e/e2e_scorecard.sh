#!/bin/bash
# e2e_scorecard - the scorecard in the meeting's "Insights & metrics" step, at
# 80x24 and 200x50: each measure with its trend, last value, target and the
# words on track or off track; a value typed for this period in one key and
# the number; a value that goes off track asks what caused it and keeps the
# answer as an insight linked to the measure; off track two periods running
# is offered as a parked topic; a filled period asks to be corrected; a bad
# value is refused in the dialog, nothing written. The data through the CLI.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
export CXMEET_NOW=2026-11-26T10:00:00Z
cx measure add NPS --target 40 --every monthly --unit points --owner "Zoë Ångström"
cx measure add "Complaints per 1000 orders" --target 3 --lower-is-better --every weekly
cx measure add "Days to refund" --kind kpi --dept Finance --target 3 --lower-is-better --unit days
cx measure set NPS 35 --on 2026-09-10
cx measure set NPS 38 --on 2026-10-10
cx measure set "Complaints per 1000 orders" 4.5 --on 2026-11-17
cx measure set "Complaints per 1000 orders" 2.5 --on 2026-11-23

note "story -> action -> win -> measure, from the command line"
id_of() { sed -n 's/^Recorded [a-z]* #\([0-9]*\).*/\1/p'; }
story=$("$CXMEET" add story "Waited three weeks for a refund" --person "Zoë Ångström" | id_of)
action=$("$CXMEET" add action "Pay refunds the day the parcel is back" --from "$story" \
	--person "Ben Okafor" --due 2026-12-10 | id_of)
win=$("$CXMEET" add win "Refunds paid in two days, so nobody calls twice" --from "$action" \
	--person "Ben Okafor" --measure "complaints per 1000 orders" | id_of)
insight=$("$CXMEET" add insight "Calls doubled after the price change" --measure nps | id_of)
[ -n "$story" ] && [ -n "$action" ] && [ -n "$win" ] && [ -n "$insight" ] || die "add said no id"
rc=0
"$CXMEET" add win "Faster refunds and fewer calls" --dept Sales --measure CSAT 2>"$tmp/err" || rc=$?
expect_eq "$rc" 2 "an unknown measure is refused"
expect_match "$(cat "$tmp/err")" "there is no measure named 'CSAT' in use" "and says so"

start_tui 80 24
start_meeting
go_step 6 "Insights & metrics"
wait_for "Scorecard (3 measures)"
note "the success statement's measures first, then the departments' KPIs"
n1=$(screen | grep -n "Complaints per 1000" | cut -d: -f1)
n2=$(screen | grep -n "NPS " | head -1 | cut -d: -f1)
n3=$(screen | grep -n "Days to refund" | head -1 | cut -d: -f1)
expect_eq "$((n1 < n2 && n2 < n3))" 1 "in that order"
expect_match "$(screen | grep "Complaints per 1000")" "█▁ +2\.5 .*on track" "the trend down, the last value on track"
expect_match "$(screen | grep "NPS ")" "▁█ +38 points .*off track" "a trend of two values, off track"
expect_match "$(screen | grep "Days to refund")" "- .*no value yet" "no value yet"
expect_screen "Complaints per 1000 orders: 2.5 for week of" "the selected measure in full"

note "a value for this month: off track and moved, so the cause is asked"
keys Down
wait_for "NPS: 38 points for 2026-10"
keys v
wait_for "NPS for 2026-11 (points)"
text "3O"
keys Enter
wait_for "'3O' is not a number"
keys BSpace BSpace
text "30"
keys Enter
wait_for "What caused it? An insight on NPS"
expect_screen "NPS: 30 points for 2026-11, off track." "the value said on the status line"
text "The price rise in October"
keys Enter
wait_for "NPS is off track two periods running. Park it as a topic for the"
keys y
wait_for "Parked topic #"
wait_for "[I] The price rise in October"
expect_screen "[P] NPS off track two periods running" "the topic, in this step"
expect_eq "$(cx_json '[.[] | select(.kind == "parked") | .text] | join(",")' search NPS)" \
	"NPS off track two periods running (30 points against 40 points)" "the topic says the value and the target"
expect_eq "$(cx_json '[.values[] | "\(.period_on):\(.value)"] | join(" ")' measure show NPS)" \
	"2026-11-01:30 2026-10-01:38 2026-09-01:35" "the value is kept for the month"
expect_eq "$(cx_json '[.[] | select(.kind == "insight") | .text] | join(",")' search October)" \
	"The price rise in October" "the insight"
if [ -z "${CXMEET_TEST_SERVER:-}" ]; then
	# which measure an insight is about: no command shows it
	expect_eq "$(sql "SELECT m.name FROM items i JOIN measures m ON m.id = i.measure_id
	                  WHERE i.text LIKE 'The price%'")" "NPS" "linked to the measure"
fi

note "the month has a value: a second one corrects it, when confirmed"
keys v
wait_for "NPS for 2026-11 (points)"
keys BSpace BSpace
text "32"
keys Enter
wait_for "NPS has 30 points for 2026-11 already. Correct it?"
keys y
wait_for "NPS: 32 points for 2026-11, off track."
expect_eq "$(cx_json '[.values[] | "\(.value):\(.corrected)"] | join(" ")' measure show NPS)" \
	"32:false 30:true 38:false 35:false" "the correction, the first value kept"

note "a value back on track asks nothing"
keys Down
wait_for "Days to refund: no value yet"
keys v
wait_for "Days to refund for 2026-11-26 (days)"
text "2"
keys Enter
wait_for "Days to refund: 2 days for 2026-11-26, on track."
expect_no_screen "What caused it?" "no question"

note "an insight names the measure it moved, in the capture form"
open_form i insight
text "Refund calls fell once the FAQ changed"
keys Tab Tab Tab
wait_re "Moved measure +\(none: type or Space to choose\)"
pick NP NPS
wait_re "Moved measure +NPS"
keys Enter
wait_for "Saved insight #"
if [ -z "${CXMEET_TEST_SERVER:-}" ]; then
	expect_eq "$(sql "SELECT m.name FROM items i JOIN measures m ON m.id = i.measure_id
	                  WHERE i.text LIKE 'Refund calls%'")" "NPS" "the insight moved NPS"
fi

note "the minutes hold the scorecard as the meeting left it"
md=$(cx show last)
expect_match "$md" '^\| NPS \|  \| 32 points \| 2026-11 \| ≥ 40 points \| off track \|$' "a row of the table"
expect_match "$md" '^\| Days to refund \| Finance \| 2 days \| 2026-11-26 \| ≤ 3 days \| on track \|$' \
	"a department's KPI"
expect_eq "$(cx_json '[.scorecard[] | "\(.measure)=\(.value)"] | join(" ")' show last)" \
	"Complaints per 1000 orders=2.5 NPS=32 Days to refund=2" "and in the JSON"

note "the chain reaches the measure the win moved"
expect_match "$md" "^    - → \\*Win:\\* Refunds paid in two days, so nobody calls twice — Finance \\(behind the scenes\\), hero Ben Okafor → moved Complaints per 1000 orders$" \
	"in the minutes"
expect_eq "$(cx_json --argjson s "$story" '.recorded_between[] | select(.item.id == $s) | .item.chain.actions[0].wins[0].measure' show last)" \
	"Complaints per 1000 orders" "and in their JSON"

note "200x50: the names whole"
resize 200 50
wait_for "Complaints per 1000 orders "
expect_match "$(screen | grep "Complaints per 1000 orders ")" "≤ 3 +on track" "the target shown"

note "the trend without UTF-8: ASCII"
trend=$(LC_ALL=C "$CXMEET" --db "$CXMEET_DB" measure show NPS | sed -n 's/^Trend *//p')
expect_match "$trend" '^[_.=+*#@-]+$' "ASCII blocks"
