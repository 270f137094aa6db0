#!/bin/bash
# e2e_between_meetings - what is recorded between meetings waits for the next
# one: a win added from the command line on Tuesday and a talking point and an
# insight added from the home screen's keys appear on Thursday first in their
# steps ("1 win since ..."), are marked discussed there (Tab, Space), and the
# minutes say what was recorded between meetings, by whom and whether it was
# discussed; the talking point not discussed comes back in the next meeting.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

export USER=zoe # who records: the login, kept with each item
setup_council

note "a first meeting, held on Monday 16 Nov, so that there is a 'since'"
export CXMEET_NOW=2026-11-16T10:00:00Z
start_tui 100 30
start_meeting
go_step 0 "Wrap-up"
keys E
wait_for "End the meeting now?"
keys y
wait_for "Write the minutes to"
keys Escape
wait_for "Meeting ended."
keys q
wait_exit

note "Tuesday: a win from the command line"
export CXMEET_NOW=2026-11-17T16:00:00Z
out=$("$CXMEET" add win "Courier claims settled in a day" --person "Ben Okafor")
expect_match "$out" "^Recorded win #[0-9]+ for Finance \(Ben Okafor\)\." "add says what it recorded"
expect_match "$out" "waits for the next meeting" "add says it waits for the next meeting"

note "Wednesday: a talking point and an insight from the home screen"
export CXMEET_NOW=2026-11-18T09:00:00Z
start_tui 100 30
wait_for "Waiting for the next meeting: 1 win."
open_form T "talking point"
text "Should Billing join the roll call?"
keys Enter
wait_for "Recorded talking point #"
wait_for "Waiting for the next meeting: 1 win, 1 talking point."
open_form I insight
text "Repeat calls doubled after the price change"
keys Tab Tab
pick Sal Sales
keys Enter
wait_for "Recorded insight #"
wait_for "Waiting for the next meeting: 1 win, 1 insight, 1 talking point."
keys q
wait_exit

note "Wednesday noon: a message to two departments, from the command line"
export CXMEET_NOW=2026-11-18T12:00:00Z
out=$("$CXMEET" add message "Returns move to the new form on Monday" --dept Sales --dept IT \
	--person "Ben Okafor")
expect_match "$out" "^Recorded message to another team #[0-9]+ to Sales, IT \(Ben Okafor\)\." \
	"add names both departments"
msg=$(cx_json '.[0].id' messages --open)
expect_eq "$(cx_json '[.[] | "\(.department):\(.state)"] | join(" ")' messages --open)" "IT:open Sales:open" \
	"the message waits for both departments"

note "Thursday's meeting: its prepared agenda lists the talking point"
export CXMEET_NOW=2026-11-19T10:00:00Z
start_tui 100 30
wait_for "Start a meeting"
keys Home Enter
wait_for "This meeting's agenda"
expect_screen "Recorded for this meeting: 1 win, 1 insight, 1 message, 1 talking point" \
	"the prepared agenda counts what was recorded"
expect_screen "Talking point: Should Billing join the roll call?" \
	"the prepared agenda lists the talking point"
keys Enter
wait_for "Meeting started (step 1)."

note "the roll call: IT acknowledges the message"
wait_for "2 messages to acknowledge  (Tab: mark them)"
expect_screen "To IT: Returns move to the new form" "the message to IT waits"
keys Tab
wait_for "Space: mark"
keys Space
wait_for "IT acknowledged message #$msg."
wait_for "1 message to acknowledge"
expect_no_screen "To IT: Returns" "IT's row is gone once acknowledged"
keys Tab

note "the win is first in the wins step, with who recorded it"
go_step 8 "Wins & hidden heroes"
wait_for "1 win since 2026-11-16, 0 discussed"
expect_screen "Courier claims settled in a day" "the win recorded on Tuesday is shown"
expect_screen "by zoe, 2026-11-17" "who recorded it and when"
keys Tab
wait_for "Space: mark"
keys Space
wait_for "Marked win #"
wait_for "1 win since 2026-11-16, 1 discussed"
expect_screen "[x] Courier claims" "the win shows as discussed"

note "the insight in the insights step; the talking point left for next time"
go_step 6 "Insights & metrics"
wait_for "1 insight since 2026-11-16, 0 discussed"
go_step 7 "Priorities & decisions"
wait_for "1 talking point since 2026-11-16, 0 discussed"
go_step 0 "Wrap-up"
keys E
wait_for "End the meeting now?"
keys y
wait_for "Write the minutes to"
keys Escape
wait_for "Meeting ended."
keys q
wait_exit

note "the minutes say what was recorded between meetings"
md=$("$CXMEET" show 2)
expect_match "$md" "## Recorded between meetings" "the minutes have the section"
expect_match "$md" "\*win:\* Courier claims settled in a day — Finance \\(behind the scenes\\), hero Ben Okafor — recorded by zoe on 2026-11-17; discussed" \
	"the win: who recorded it, and discussed"
expect_match "$md" "\*talking point:\* Should Billing join the roll call\? — recorded by zoe on 2026-11-18; not discussed: carried to the next meeting" \
	"the talking point carried"
expect_eq "$(cx_json '[.recorded_between[] | "\(.item.kind):\(.discussed):\(.recorded_by)"] | join(" ")' show 2 --format json)" \
	"win:true:zoe topic:false:zoe insight:false:zoe message:false:zoe" "the minutes' JSON"

note "Sales acknowledges it from the command line: it leaves the open list"
export CXMEET_NOW=2026-11-20T09:00:00Z
out=$("$CXMEET" ack "$msg")
expect_eq "$out" "Message #$msg acknowledged by Sales." "ack takes the one department left"
expect_eq "$(cx_json 'length' messages --open)" "0" "no message waits"
expect_eq "$(cx_json '[.[] | "\(.department):\(.state):\(.acknowledged_on):\(.acknowledged_by)"] | join(" ")' messages)" \
	"IT:acknowledged:2026-11-19:zoe Sales:acknowledged:2026-11-20:zoe" "who acknowledged and when"

note "the next meeting: only the talking point comes back"
export CXMEET_NOW=2026-11-26T10:00:00Z
start_tui 100 30
wait_for "Waiting for the next meeting: 1 talking point."
start_meeting
go_step 7 "Priorities & decisions"
wait_for "1 talking point since 2026-11-19, 0 discussed"
keys Tab Space
wait_for "Marked talking point #"
go_step 8 "Wins & hidden heroes"
expect_no_screen "since 2026-11-19" "nothing else waits"
keys q
wait_for "Leave the meeting?"
keys y
wait_for "still in progress"
expect_eq "$(cx_json '.[0].kind' search Billing)" "topic" "the talking point is found by search"
