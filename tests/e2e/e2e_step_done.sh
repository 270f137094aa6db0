#!/bin/bash
# e2e_step_done - a step is done when it was visited and worked in, however it
# was reached and left: a win captured at the wins step reached and left with
# number keys, and three actions reviewed at the action review left backwards,
# show as done in the sidebar, in the database and in the minutes; a step
# jumped over, or visited and left backwards with nothing done, does not.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
# three open actions from before this meeting (written behind the program's
# back: no command adds an action)
for n in 1 2 3; do
	sql "INSERT INTO items(kind, text, department_id, person_id, due_on, created_at, updated_at)
	     SELECT 'action', 'Earlier action $n', department_id, id, '2026-11-30',
	            '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z' FROM people WHERE name = 'Ben Okafor'"
done
start_tui 100 30
start_meeting

note "a win at step 7, reached and left with number keys"
go_step 8 "Wins & hidden heroes"
open_form w win
text "Courier claims settled in a day"
keys Tab Tab
pick Fin Finance
save_form win
go_step 6 "Insights & metrics" # visited, nothing done there, left backwards
go_step 4 "Action review"
note "three actions reviewed, then back to step 2"
for n in 1 2 3; do
	wait_for "Earlier action"
	keys Enter
	wait_for "New due date"
	keys Enter # Done, the first choice
	wait_re "^Action #[0-9]+ marked done\."
done
wait_for "No open actions from earlier meetings."
go_step 2 "Mission moment"
wait_for "+ 4 Action review"
expect_screen "+ 8 Wins & hidden heroes" "the sidebar marks the wins step done"
expect_screen "  6 Insights & metrics" "a step left with nothing done is not marked done"
expect_screen "  7 Priorities & decisions" "a step jumped over is not done"

note "end the meeting and read the minutes"
go_step 0 "Wrap-up"
keys E
wait_for "End the meeting now?"
keys y
wait_for "Write the minutes to"
keys Escape
wait_for "Meeting ended."
expect_eq "$(cx_json '.agenda | map("\(.position):\(if .done then 1 else 0 end)") | join(" ")' show 1)" \
	"1:1 2:1 3:0 4:1 5:0 6:0 7:0 8:1 9:0 10:1" "the done flags in the database"
md=$("$CXMEET" show 1)
expect_match "$md" '\| Action review \| 10 \| 0 \| yes \|' "the minutes: the action review was done"
expect_match "$md" '\| Wins & hidden heroes \| 7 \| 0 \| yes \|' "the minutes: the wins step was done"
expect_match "$md" '\| Insights & metrics \| 8 \| 0 \| no \|' "the minutes: insights were not done"
json=$("$CXMEET" show 1 --format json)
expect_eq "$(printf '%s' "$json" | python3 -c 'import json,sys; print(" ".join(str(int(s["done"])) for s in json.load(sys.stdin)["agenda"]))')" \
	"1 1 0 1 0 0 0 1 0 1" "the JSON minutes say the same"
