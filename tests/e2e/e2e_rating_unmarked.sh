#!/bin/bash
# e2e_rating_unmarked - a member unmarked in the roll call after rating the
# meeting no longer counts: the wrap-up shows the average of those present,
# and the meeting ends with that rating, not the one read before.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
start_tui 100 30
start_meeting
keys A
wait_for "Everyone is present (3 marked)."

note "each member rates the meeting in the wrap-up"
go_step 0 "Wrap-up"
keys r
for r in "Ben Okafor:10" "王芳:7" "Zoë Ångström:4"; do
	wait_for "${r%%:*} rates the meeting from 1 to 10 (empty: skip)"
	text "${r#*:}"
	keys Enter
done
wait_for "Rating: 7.0 (4–10, 3 ratings)"

note "Ben is unmarked in the roll call: his rating leaves the average"
go_step 1 "Welcome & roll call"
keys Home
wait_for "[x] Ben Okafor"
keys Space
wait_for "[ ] Ben Okafor"
go_step 0 "Wrap-up"
wait_for "Rating: 5.5 (4–7, 2 ratings)"

note "the meeting ends with the average of those present"
keys E
wait_for "End the meeting now?"
keys y
wait_for "Write the minutes to"
keys Escape
wait_for "Meeting ended."
expect_eq "$(cx_json .meeting.rating show 1)" 6 "the meeting's rating is 5.5 rounded, not the 7 read before"
expect_eq "$(cx_json '.ratings | "\(.count) \(.average)"' show 1)" "2 5.5" "the minutes count those present"
