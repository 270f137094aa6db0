#!/bin/bash
# e2e_import_taskwarrior - `task export | cxmeet import --from taskwarrior -`
# from a real taskwarrior database: the owner from the UDA owner, the
# department from the project or the owner's, pending open and completed
# done, deleted tasks and the recurring pattern skipped, due as the day; an
# unknown owner, a task without a due date or a file that is not JSON
# refuses the whole import with its line, nothing written, the last task as
# the first; each action added has an 'imported' event saying where it came
# from (the file and line, or standard input), in the JSON export.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

command -v task >/dev/null || { echo "1..0 # SKIP taskwarrior is not installed"; exit 77; }

setup_council # Zoë Ångström (Sales), 王芳 (IT), Ben Okafor (Finance)

export TASKDATA="$tmp/task" TASKRC="$tmp/taskrc"
mkdir -p "$TASKDATA"
# recurrence=off: taskwarrior makes no instances of the weekly task from its
# own clock (the real one, or one moved years ahead), so that what is
# imported never depends on the day the test runs: the pattern alone is there.
printf 'data.location=%s\nconfirmation=no\nverbose=nothing\nrecurrence=off\nuda.owner.type=string\nuda.owner.label=Owner\nuda.department.type=string\nuda.department.label=Department\n' \
	"$TASKDATA" >"$TASKRC"
tw() { task rc.confirmation=no "$@" >/dev/null 2>&1 || cx_fail "task $* failed"; }

all() { cx_json '.' actions --state all; }

tw add "Call the Hansen family back" project:Sales.calls owner:"zoë ångström" due:2026-12-04
tw add "Fix the refund form" owner:"Ben Okafor" due:2026-12-11
tw add "Ship the FAQ" owner:"王芳" department:it due:2026-12-02
tw add "Paid the refund" owner:"Ben Okafor" due:2026-11-20
tw description:"Paid the refund" done
tw add "Not needed" owner:"Ben Okafor" due:2026-12-01
tw description:"Not needed" delete
tw add "Weekly check" owner:"Ben Okafor" due:2026-11-30 recur:weekly

note "a real taskwarrior database"
task export >"$tmp/tasks.json"
out=$(task export | "$CXMEET" import --from taskwarrior -)
expect_match "$out" "^Imported [0-9]+ actions \\(2 deleted or recurring tasks skipped\\)\\.$" "tasks imported, the deleted and the pattern skipped"
n_weekly=$(jq '[.[] | select(.status == "pending" and .description == "Weekly check")] | length' "$tmp/tasks.json")
expect_eq "$(cx_json 'length' actions --state all)" $((4 + n_weekly)) "every pending and completed task an action"
expect_eq "$(cx_json '.[] | select(.text == "Call the Hansen family back") | [.owner, .department, .due_on, .status] | join("|")' actions --state all)" \
	"Zoë Ångström|Sales|2026-12-04|open" "owner by UDA, department by project"
expect_eq "$(cx_json '.[] | select(.text == "Fix the refund form") | [.owner, .department, .due_on] | join("|")' actions --state all)" \
	"Ben Okafor|Finance|2026-12-11" "the owner's department"
expect_eq "$(cx_json '.[] | select(.text == "Ship the FAQ") | [.owner, .department] | join("|")' actions --state all)" \
	"王芳|IT" "department by UDA"
expect_eq "$(cx_json '.[] | select(.text == "Paid the refund") | [.status, .due_on] | join("|")' actions --state all)" \
	"done|2026-11-20" "completed: done"
expect_eq "$(cx_json '[.[] | select(.text == "Not needed")] | length' actions --state all)" 0 "deleted: skipped"

line_call=$(grep -n '"Call the Hansen family back"' "$tmp/tasks.json" | cut -d: -f1)
expect_eq "$(imported_from "Call the Hansen family back")" "standard input, line $line_call" \
	"an 'imported' event: standard input and the task's line"
expect_eq "$("$CXMEET" --db "$CXMEET_DB" export --format json | jq '[.tables.item_events[] | select(.event == "imported")] | length')" \
	"$(cx_json 'length' actions --state all)" "an 'imported' event for every action"

# refuse WANT FILE: status 2, WANT said, nothing written
refuse() {
	local want=$1 file=$2 rc=0 before
	before=$(all)
	"$CXMEET" --db "$CXMEET_DB" import --from taskwarrior "$file" >"$tmp/out" 2>"$tmp/err" || rc=$?
	expect_eq "$rc" 2 "refused: $(basename "$file")"
	expect_match "$(cat "$tmp/err")" "$want" "says why: $(basename "$file")"
	expect_eq "$(all)" "$before" "nothing written: $(basename "$file")"
}

note "one bad task refuses the whole import, with its line"
tw add "Unknown owner" owner:"Nobody Here" due:2026-12-10
tw add "No due date" owner:"Ben Okafor"
task export >"$tmp/bad.json"
line_owner=$(grep -n '"Unknown owner"' "$tmp/bad.json" | cut -d: -f1)
line_due=$(grep -n '"No due date"' "$tmp/bad.json" | cut -d: -f1)
refuse "bad.json:$line_owner: there is no person named 'Nobody Here'" "$tmp/bad.json"
expect_match "$(cat "$tmp/err")" "bad.json:$line_due: an action needs a due date" "every bad task told"
printf '[\n{"description": "x", "status": "pending",}\n]\n' >"$tmp/notjson.json"
refuse "notjson.json:2: a member's name \\(a string\\) expected" "$tmp/notjson.json"
printf '{"description": "x"}\n' >"$tmp/object.json"
refuse "object.json:1: not a list of tasks" "$tmp/object.json"

note "the last task bad refuses the tasks before it, from a pipe too"
printf '[\n{"description":"First of three","status":"pending","owner":"Ben Okafor","due":"20261210T120000Z"},\n{"description":"Second of three","status":"pending","owner":"Ben Okafor","due":"20261210T120000Z"},\n{"description":"Third of three","status":"pending","owner":"Ben Okafor","due":"not a date"}\n]\n' >"$tmp/last.json"
before=$(all)
rc=0
"$CXMEET" --db "$CXMEET_DB" import --from taskwarrior - <"$tmp/last.json" >"$tmp/out" 2>"$tmp/err" || rc=$?
expect_eq "$rc" 2 "the last task bad: refused"
expect_match "$(cat "$tmp/err")" "^cxmeet: -:4: due: 'not a date' is not a date of taskwarrior" "the last task told by its line"
expect_eq "$(all)" "$before" "the last task bad: nothing written"

note "from a file: its name and line; escapes and surrogate pairs decoded"
printf '[\n{"description":"From a file \\u00e9 \\ud83d\\ude00","status":"pending",\n "owner":"Ben Okafor","due":"20261210T120000Z","tags":["a",{"b":[1,2.5e3,null,true]}]}\n]\n' >"$tmp/one.json"
out=$("$CXMEET" --db "$CXMEET_DB" import --from taskwarrior "$tmp/one.json")
expect_eq "$out" "Imported 1 action." "one task from a file"
expect_eq "$(imported_from "From a file é 😀")" "$tmp/one.json, line 2" "an 'imported' event: the file and the task's line"

note "a pipe kept for its second reading in TMPDIR: none there, nothing read"
rc=0
cat "$tmp/one.json" | TMPDIR=$tmp/missing "$CXMEET" --db "$CXMEET_DB" import --from taskwarrior - >"$tmp/out" 2>"$tmp/err" || rc=$?
expect_eq "$rc" 1 "no temporary file: status 1"
expect_match "$(cat "$tmp/err")" "cannot keep - in a temporary file" "says why"
expect_eq "$(imported_from "From a file é 😀" | wc -l)" 1 "nothing written"
