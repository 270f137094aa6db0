#!/bin/bash
# e2e_json_naming - one JSON naming in every command (man page, JSON OUTPUT):
# on a demo's history, the JSON of every command that prints a list or a
# record is scanned, and a key ending neither in _on nor in _at whose value
# is a day or a time fails (so does an _on that is not an ISO date, an _at
# that is not an ISO time, a yes/no or a number as a string, a _by that is
# not a person's name); the fields once
# named otherwise are checked by their new names, the old ones gone; and the
# --format added to agenda show, focus, org history and charter history
# gives JSON and CSV (read by python3's csv) of the same fields.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

{
	cx init --org "Northwind Outfitters"
	cx demo --years 1
	cx focus Sales --plan "Win the VP of Sales" --next-step "Lunch, figures in hand"
	cx charter set 2 "Halve repeat contacts"
	cx agenda copy "Standard council meeting" "Short council"
} >/dev/null

# scan NAME: the JSON on stdin, every key checked; prints what breaks the rule.
scan() {
	python3 -c '
import json, re, sys
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
DAYLIKE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?Z?)?$|^\d{1,2}:\d{2}(:\d{2})?$")
NUMBER = re.compile(r"^-?\d+([./]\d+)?%?$")
# free text and the words a value was changed from or to, which may be
# anything; a label in words beside its _on ("week of 2026-11-16", or the day
# of a daily measure)
FREE = {"text", "detail", "rationale", "note", "last_note", "title", "prompt", "old_value",
        "new_value", "reason", "item_text", "plan", "next_step", "mission", "success",
        "organisation", "name", "measure", "initiative", "milestone", "database"}
bad = []
def walk(v, path, key):
    if isinstance(v, dict):
        for k, x in v.items():
            walk(x, path + "." + k, k)
    elif isinstance(v, list):
        for x in v:
            walk(x, path + "[]", key)
    elif key is not None and key.endswith("_by") and v is not None and not isinstance(v, str):
        bad.append("%s: %r is not a person (a _by field names one; a count is a plural noun)" % (path, v))
    elif isinstance(v, str) and key is not None:
        if key.endswith("_on"):
            if not DATE.match(v):
                bad.append("%s: %r is not an ISO date" % (path, v))
        elif key.endswith("_at"):
            if not TIME.match(v):
                bad.append("%s: %r is not an ISO time" % (path, v))
        elif key in FREE or key.endswith("_label"):
            pass
        elif DAYLIKE.match(v):
            bad.append("%s: %r is a day or a time, in a field ending neither _on nor _at" % (path, v))
        elif v.lower() in ("yes", "no", "true", "false"):
            bad.append("%s: %r is a yes or no as a string" % (path, v))
        elif NUMBER.match(v):
            bad.append("%s: %r is a number as a string" % (path, v))
walk(json.load(sys.stdin), sys.argv[1], None)
for b in sorted(set(bad))[:10]:
    print(b)
' "$1"
}

note "every list and record: days end in _on, times in _at"
measure=$(cx_json '.[0].measure' measure list)
initiative=$(cx_json '.[0].id' initiative list)
meeting=$(cx_json '.[0].id' history)
while IFS= read -r line; do
	eval "args=($line)"
	rc=0
	out=$("$CXMEET" --db "$CXMEET_DB" "${args[@]}" --format json 2>"$tmp/err") || rc=$?
	# overdue's status 8: there are overdue actions
	[ "$rc" -eq 0 ] || { [ "$rc" -eq 8 ] && [ "${args[0]}" = overdue ]; } ||
		cx_fail "cxmeet $line --format json exited with status $rc: $(cat "$tmp/err")"
	expect_eq "$(printf '%s' "$out" | scan "$line")" "" "cxmeet $line: one naming"
done <<EOF
status
council list
org show
org history mission
charter show
charter history 2
dept list --all
person list --all
kpi list
focus
measure list --all
measure show "$measure"
initiative list --all
initiative show $initiative
agenda list
agenda show "Standard council meeting"
history
search refund
actions --all
overdue
messages
decisions --all
cadence
ledger
champions --all
show $meeting
EOF
out=$("$CXMEET" --db "$CXMEET_DB" export --format json | jq 'del(.tables)')
expect_eq "$(printf '%s' "$out" | scan export)" "" "the export's sections but its tables: one naming"

note "the renamed fields, the old names gone"
expect_match "$(cx_json '.[0].started_at' history)" '^2026-11-16T10:0[0-9]:00Z$' \
	"history: started_at, an ISO time in UTC"
expect_eq "$(cx_json '[.[] | has("start")] | any' history)" false "history: no 'start'"
expect_eq "$("$CXMEET" --db "$CXMEET_DB" history --format csv | head -n 1 | cut -d, -f1-4 | tr -d '\r')" \
	"id,held_on,started_at,minutes" "history's CSV header"
expect_match "$("$CXMEET" --db "$CXMEET_DB" history --limit 1)" \
	$'id +held_on +start +minutes.*\n *[0-9]+ +2026-11-16 +10:0[0-9] ' "plain text keeps the clock time"
expect_eq "$(cx_json '[.[] | (.as_of_on | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")), has("as_of")] | unique | @csv' kpi list)" \
	"false,true" "kpi list: as_of_on a day, no as_of"
expect_eq "$(cx_json --arg m "$measure" '.[] | select(.measure == $m) | [(.period_label | startswith("week of ")), (.period_on | test("^[0-9-]{10}$")), has("period")] | @csv' measure list)" \
	"true,true,false" "measure list: period_label in words, period_on a day, no period"
expect_eq "$(cx_json '[.values[0] | has("period_label"), has("period_on"), has("period")] | @csv' measure show "$measure")" \
	"true,true,false" "measure show: period_label and period_on"
expect_eq "$(cx_json '[.[] | [(.milestones | type), (.milestones_reached | type)]] | unique | flatten | @csv' initiative list --all)" \
	'"number","number"' "initiative list: milestones and milestones_reached, numbers"
expect_match "$("$CXMEET" --db "$CXMEET_DB" initiative list)" "  [0-9]/[0-9]" "plain text keeps reached/all"
expect_eq "$(cx_json '[.[] | .quarter | test("^[0-9]{4}-Q[1-4]$")] | unique | @csv' initiative list --all)" \
	"true" "initiative list: the quarter named as the ledger names it"
expect_eq "$(cx_json '[.[] | .quarter | test("^[0-9]{4}-Q[1-4]$")] | unique | @csv' ledger)" \
	"true" "the ledger's quarters"
expect_eq "$(cx_json '[.reviews[0] | (.meeting_id | type), has("reviewed_by"), has("meeting"), has("by")] | @csv' initiative show "$initiative")" \
	'"number",true,false,false' "initiative show: meeting_id and reviewed_by"
expect_eq "$(cx_json '([.[] | .department | type] | unique | join(",")) + " " + ([.[] | has("to")] | any | tostring)' messages)" \
	"string false" "messages: department, no 'to'"
expect_eq "$(cx_json '([.departments[] | .customer_facing | type] | unique | join(",")) + " " + ([.departments[] | has("facing")] | any | tostring)' cadence)" \
	"boolean false" "cadence: customer_facing true or false, no 'facing'"
expect_eq "$(cx_json '[.meetings[] | (.ratings | type), has("rated_by")] | unique | map(tostring) | join(" ")' cadence)" \
	'false number' "cadence's meetings: how many rated them, ratings (no rated_by)"
expect_eq "$(cx_json '.meeting | [(.held_on | test("^[0-9-]{10}$")), (.next_meeting_on | type), has("date"), has("next_meeting")] | @csv' show "$meeting")" \
	'true,"string",false,false' "the minutes: held_on and next_meeting_on"
expect_eq "$(cx_json '[.items.action[0] | has("due_on"), has("due")] + [.items.decision[0] | has("revisit_on"), has("revisit")] | @csv' show "$meeting")" \
	"true,false,true,false" "the minutes' items: due_on and revisit_on"
expect_eq "$(cx_json '([.attendance[] | .customer_facing | type] | unique | join(",")) + " " + ([.attendance[] | has("behind_the_scenes")] | any | tostring)' show "$meeting")" \
	"boolean false" "the minutes' attendance: customer_facing"
expect_eq "$(cx_json '[.action_review[] | has("changed_at"), has("changed_by"), has("at"), has("by")] | unique | @csv' show "$meeting")" \
	"false,true" "the minutes' action review: changed_at and changed_by"

# csv_rows: stdin's CSV read by python3's csv: the header, then the number of rows
csv_rows() {
	python3 -c 'import csv, sys
rows = list(csv.reader(sys.stdin))
print(",".join(rows[0]))
print(len(rows) - 1)'
}

note "agenda show --format json and csv"
expect_eq "$(cx_json '[.id, .name, .default, .minutes, (.steps | length)] | @csv' agenda show "Standard council meeting")" \
	"$(cx_json '.tables.agenda_templates[] | select(.name == "Standard council meeting") | .id' export),\"Standard council meeting\",true,70,10" \
	"the template: id, name, default, its minutes, ten steps"
expect_eq "$(cx_json '.steps[0] | [.position, .title, .kind, .minutes, (.prompt | startswith("Who is here"))] | @csv' agenda show "Standard council meeting")" \
	'1,"Welcome & roll call","roll-call",3,true' "a step: position, title, kind, minutes, prompt"
expect_eq "$(cx_json '.default' agenda show "Short council")" false "another template is not the default"
expect_eq "$(cx_json '.[] | "\(.id) \(.name)"' agenda list)" \
	"$(cx_json '.tables.agenda_templates[] | "\(.id) \(.name)"' export | sort -k2)" \
	"agenda list gives each template's number, as agenda show and the export do"
expect_eq "$("$CXMEET" --db "$CXMEET_DB" agenda show "Standard council meeting" --format csv | csv_rows)" \
	"position,title,kind,minutes,prompt
10" "CSV: a row per step"
expect_match "$("$CXMEET" --db "$CXMEET_DB" agenda show "Standard council meeting")" \
	"^Standard council meeting" "plain stays the default"
rc=0
"$CXMEET" --db "$CXMEET_DB" agenda export "Short council" --format json >/dev/null 2>"$tmp/err" || rc=$?
expect_eq "$rc" 2 "agenda export --format is refused"
expect_match "$(cat "$tmp/err")" "--format only goes with 'list' and 'show'" "and says why"

note "focus --format json and csv"
expect_eq "$(cx_json '[(.department_id | type), .department, .since_on, .plan, .next_step] | @csv' focus)" \
	'"number","Sales","2026-11-23","Win the VP of Sales","Lunch, figures in hand"' "the focus as one record"
expect_eq "$("$CXMEET" --db "$CXMEET_DB" focus --format csv | csv_rows)" \
	"department_id,department,since_on,plan,next_step
1" "CSV: a header and a row"
cx focus --clear >/dev/null
expect_eq "$(cx_json '[.department, .since_on] | @csv' focus)" "," "no focus: every field null"
rc=0
"$CXMEET" --db "$CXMEET_DB" focus IT --format json >/dev/null 2>"$tmp/err" || rc=$?
expect_eq "$rc" 2 "focus DEPT --format is refused"
expect_eq "$(cx_json '.department' focus)" "null" "nothing written"

note "org history and charter history --format json and csv"
expect_eq "$(cx_json '.[0] | [.text, (.changed_at | test("^2026-11-23T10:00:00Z$")), .changed_by] | @csv' charter history 2)" \
	'"Halve repeat contacts",true,' "the newest version first, when, by whom (null: nobody known)"
expect_eq "$(cx_json 'length' charter history 2)" 2 "every version"
expect_eq "$("$CXMEET" --db "$CXMEET_DB" org history mission --format csv | csv_rows | head -n 1)" \
	"changed_at,changed_by,text" "CSV header"
rc=0
"$CXMEET" --db "$CXMEET_DB" org set name "Other" --format json >/dev/null 2>"$tmp/err" || rc=$?
expect_eq "$rc" 2 "org set --format is still refused"
expect_eq "$(cx_json '.name' org show)" "Northwind Outfitters" "nothing written"
echo "e2e_json_naming: ok"
