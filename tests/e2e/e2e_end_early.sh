#!/bin/bash
# e2e_end_early - E before the wrap-up says what ending now would leave
# undone (the steps not held, and the action review with its open actions)
# and asks; no keeps the meeting where it was. The wrap-up's own question to
# end the meeting says the same before anything is ended.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
# two open actions from before this meeting (written behind the program's
# back: no command adds an action)
for n in 1 2; do
	sql "INSERT INTO items(kind, text, department_id, person_id, due_on, created_at, updated_at)
	     SELECT 'action', 'Earlier action $n', department_id, id, '2026-11-30',
	            '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z' FROM people WHERE name = 'Ben Okafor'"
done
start_tui 100 30
start_meeting
go_step 2 "Mission moment"

undone="Not done: 3 Customer story, 4 Action review (2 open actions not reviewed), 5 Initiatives, 6 Insights & metrics, 7 Priorities & decisions, 8 Wins & hidden heroes, 9 New actions."
# has TEXT PART MSG: records a failure unless TEXT contains PART (fixed string).
has() {
	if [[ "$1" == *"$2"* ]]; then echo "ok - $3"; return 0; fi
	check_failed "$3"
	printf '  expected to contain: %s\n  actual: %s\n' "$2" "$1" >&2
}
question() { screen | sed -n '/┌─ Confirm/,/└/p' | sed 's/^ *│ *//; s/ *│ *$//' | grep -v '[┌└]' | tr '\n' ' ' | sed 's/  */ /g; s/ $//'; }

note "E at step 2 says what would be skipped, and asks"
keys E
wait_for "Go to the wrap-up to end the meeting?"
has "$(question)" "Go to the wrap-up to end the meeting? $undone y = yes" \
	"the question names the steps not done and the open actions"
keys n
wait_gone "Go to the wrap-up"
expect_screen "Step 2/10: Mission moment" "no keeps the meeting at step 2"
# (the step a meeting in progress is at: no command shows it)
expect_eq "$(cx_json .meeting.status show)|$(sql "SELECT current_step FROM meetings")" "in_progress|1" \
	"nothing moved"

note "yes goes to the wrap-up; ending there asks again, saying the same"
keys E
wait_for "Go to the wrap-up to end the meeting?"
keys y
wait_for "Step 10/10: Wrap-up"
keys E
wait_for "End the meeting now?"
has "$(question)" "End the meeting now? $undone Next meeting" \
	"the end question names what is left undone"
keys n
wait_gone "End the meeting now?"
expect_eq "$(cx_json .meeting.status show)" in_progress "no keeps the meeting in progress"
keys E
wait_for "End the meeting now?"
keys y
wait_for "Write the minutes to"
keys Escape
wait_for "Meeting ended."
expect_match "$("$CXMEET" show 1)" '\| Action review \| 10 \| 0 \| no \|' \
	"the minutes say the action review was not done"
