#!/bin/bash
# e2e_journey_between - the promise of the between-meetings views, end to end
# on a demo history of two years (the concrete words, departments and owners
# read from the database, not assumed): a past decision is found by a word in
# it and its meeting's minutes opened; who owes what and what is overdue are
# shown per department and owner with the counts the command line gives; the
# cadence view gives the on-time share the command line gives; then the
# minutes are saved for mailing, and the exports open cleanly: the iCalendar
# file is well formed (CRLF, lines of at most 75 octets, BEGIN/END balanced,
# one to-do per open action), the JSON parses, and `overdue` exits 8.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

"$CXMEET" demo --years 2 >/dev/null
# An open action with hostile text, so that the exports have something to
# escape and fold: quotes, a comma, a semicolon, a backslash, a line break and
# a long tail (written behind the program's back, as another program would: no
# command takes a line break in an action's text).
sql "INSERT INTO items(kind, text, department_id, person_id, due_on, status, created_at, updated_at)
     SELECT 'action', 'Call \"Ana\", then; a\\b' || char(10) || 'résumé ' ||
            replace(hex(zeroblob(60)), '00', 'long '), department_id, id, '2026-12-30', 'open',
            '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z'
     FROM people WHERE department_id IS NOT NULL AND archived_at IS NULL ORDER BY id LIMIT 1"
before=$(data_digest)

note "a past decision, and the word in it that the fewest decisions share"
decision=$(cx_json 'sort_by(.id) | .[length / 2 | floor].id' decisions --all)
dtext=$(cx_json --argjson id "$decision" '.[] | select(.id == $id).text' decisions --all)
ddept=$(cx_json --argjson id "$decision" '.[] | select(.id == $id).department' decisions --all)
# search_all WORD [OPTION...]: what `cxmeet search` finds of WORD, every match.
search_all() { cx_json "$1" search "${@:2}" --limit 1000000; }
word="" decisions=""
for w in $(printf '%s' "$dtext" | tr -c 'A-Za-z' ' '); do
	[ "${#w}" -ge 4 ] || continue
	n=$(search_all length "$w" --kind decision)
	if [ -z "$decisions" ] || [ "$n" -lt "$decisions" ]; then word=$w decisions=$n; fi
done
[ -n "$word" ] || die "no word to search for in decision $decision"
all=$(search_all length "$word")
meeting=$(search_all ".[] | select(.id == $decision).meeting_id" "$word" --kind decision)
# The search lists the newest first: the decision is that many rows down.
row=$(search_all "[.[] | select(.id > $decision)] | length" "$word" --kind decision)
note "searching '$word': $all items, $decisions decisions, #$decision (meeting $meeting) at row $row"

start_tui 100 30
wait_for "History and search (h)"
keys h
wait_re " History: [0-9]+ meetings, newest first"
keys /
wait_re "─ Search every meeting's items ─"
text "$word"
keys Enter
wait_re " Search \"$word\": $all match(es)?"
keys t
wait_for "Only items of kind"
text decision
wait_re "Filter: +decision"
keys Enter
wait_re " Search \"$word\": $decisions match(es)?  kind: decision"
for ((i = 0; i < row; i++)); do keys Down; done
wait_for "  #$decision decision, meeting $meeting: $dtext"
# meeting_date ID: the day of meeting ID, as the program shows it.
meeting_date() { cx_json ".meeting.held_on" show "$1"; }
expect_match "$(screen)" "decision $(meeting_date "$meeting") $ddept +${dtext:0:30}" "the decision's row: its meeting's date, its department"
note "Enter jumps to the meeting's minutes, at the decision"
keys Enter
wait_for " History: minutes of meeting $meeting"
wait_for "$dtext"
expect_screen "- $dtext — $ddept, decided by" "the minutes show the decision with its department"
keys q
wait_re " Search \"$word\": $decisions match(es)?  kind: decision"
keys q
wait_re " History: [0-9]+ meetings, newest first"
keys q
wait_for "Start a meeting"

note "who owes what: the department and the owner with the most overdue actions"
# n_actions [OPTION...]: how many actions `cxmeet actions OPTION...` lists.
n_actions() { cx_json length actions "$@"; }
# most FIELD [OPTION...]: the department or owner with the most overdue actions
# (of those `cxmeet actions --overdue OPTION...` lists), the first by name on a tie.
most() {
	cx_json --arg f "$1" 'group_by(.[$f]) | map([-length, .[0][$f]]) | sort | .[0][1]' \
		actions --overdue "${@:2}"
}
dept=$(most department)
note "home counts every open action, the one taken outside a meeting too"
expect_screen "Open actions: $(n_actions), of which $(n_actions --overdue) overdue." \
	"home counts the open and overdue actions as cxmeet actions lists them"
owner=$(most owner --dept "$dept")
note "department $dept, owner $owner"
keys a
wait_re "Actions: [0-9]+ open, [0-9]+ overdue"
expect_screen "Actions: $(n_actions) open, $(n_actions --overdue) overdue" \
	"the actions view counts every open and overdue action"
keys d
wait_for "Only the actions of department"
text "$dept"
wait_re "Filter: +$dept"
keys Enter
wait_for "Department: $dept"
expect_screen "Actions: $(n_actions --dept "$dept") open, $(n_actions --overdue --dept "$dept") overdue" \
	"the department's open and overdue actions"
# overdue_rows [OPTION...]: the overdue actions as the view's first rows show
# them (due date, days late, owner), most overdue first.
overdue_rows() {
	cx_json 'sort_by(.due_on, .id) | .[] | "\(.due_on) \(.days_overdue)d \(.owner[0:14])"' \
		actions --overdue "$@"
}
# shown_rows N: the due date, days late and owner (its first 14 characters, as
# a narrow column may cut it) of the first N rows on the screen, cut at the
# columns of the header row.
shown_rows() {
	screen | python3 -c '
import sys
lines = sys.stdin.read().split("\n")
head = lines[2]
late, owner, dept = head.index("Late"), head.index("Owner"), head.index("Department")
for line in lines[3:3 + int(sys.argv[1])]:
    print(line[1:11], line[late - 1:late + 4].strip(), line[owner:dept].strip()[:14])
' "$1"
}
n=$(n_actions --overdue --dept "$dept")
if [ "$n" -le 20 ]; then
	expect_eq "$(shown_rows "$n")" "$(overdue_rows --dept "$dept")" \
		"the department's overdue actions come first, with days late and owner"
	expect_match "$(screen_line $((4 + n)))" "^ [0-9-]+ {7}" "the next row is not overdue"
fi

keys o
wait_for "Only the actions owned by"
text "$owner"
wait_re "Filter: +$owner"
keys Enter
wait_for "Owner: $owner"
mine=(--dept "$dept" --owner "$owner")
n=$(n_actions --overdue "${mine[@]}")
expect_screen "Actions: $(n_actions "${mine[@]}") open, $n overdue" \
	"the owner's open and overdue actions in the department"
expect_eq "$(shown_rows "$n")" "$(overdue_rows "${mine[@]}")" "the owner's overdue actions, first"
keys f
wait_for "Actions: $n overdue"
expect_screen "Showing: overdue   Department: $dept   Owner: $owner" "the three filters at once"
keys q
wait_for "Start a meeting"

note "the cadence view and the command line agree"
keys C
wait_re "Cadence and participation  \(last [0-9]+ meetings\)"
json=$("$CXMEET" cadence --format json)
if command -v python3 >/dev/null; then
	read -r on_time intervals pct streak < <(printf '%s' "$json" | python3 -c '
import json, sys
c = json.load(sys.stdin)
print(c["recent_on_time"], c["recent_intervals"], c["on_time_pct"], c["streak"])')
else # the same fields, read with grep
	field() { printf '%s' "$json" | grep -oE "\"$1\": [0-9]+" | head -1 | grep -oE '[0-9]+$'; }
	on_time=$(field recent_on_time) intervals=$(field recent_intervals)
	pct=$(field on_time_pct) streak=$(field streak)
fi
expect_screen "On time: $on_time of the last $intervals intervals ($pct%)" \
	"the on-time share is the one cxmeet cadence gives"
expect_screen "Streak: $streak on time in a row" "so is the streak"
keys q
wait_for "Start a meeting"
keys q
wait_exit
expect_eq "$(data_digest)" "$before" "looking around wrote nothing"

note "the minutes of the decision's meeting, saved to mail"
mkdir "$tmp/mail"
rc=0
"$CXMEET" show "$meeting" -o "$tmp/mail" >"$tmp/out" 2>"$tmp/err" || rc=$?
expect_eq "$rc" 0 "cxmeet show $meeting -o DIR succeeds"
minutes="$tmp/mail/cx-council-$(meeting_date "$meeting").md"
if [ -f "$minutes" ]; then
	expect_eq "$(stat -c %a "$minutes")" 600 "the minutes are readable by the owner only"
	expect_eq "$(grep -cF -- "- $dtext — $ddept, decided by" "$minutes")" \
		"$(cx_json --arg t "$dtext" '[.items.decision[] | select(.text == $t)] | length' show "$meeting")" \
		"the minutes hold the decision"
	expect_match "$(head -1 "$minutes")" "^# " "the minutes start with a Markdown title"
else
	check_failed "no minutes file $minutes ($(cat "$tmp/out" "$tmp/err"))"
fi

note "the iCalendar export"
rc=0
"$CXMEET" export --format ics >"$tmp/cx.ics" 2>"$tmp/err" || rc=$?
expect_eq "$rc" 0 "cxmeet export --format ics succeeds"
open_count=$(n_actions)
if command -v python3 >/dev/null; then
	expect_eq "$(python3 - "$tmp/cx.ics" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
problems = []
if not data.endswith(b"\r\n"):
    problems.append("the file does not end with CRLF")
lines = data.split(b"\r\n")[:-1]
for n, line in enumerate(lines, 1):
    if b"\n" in line or b"\r" in line:
        problems.append("line %d: a bare LF or CR" % n)
    if len(line) > 75:
        problems.append("line %d: %d octets" % (n, len(line)))
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        problems.append("line %d: folded inside a character" % n)
stack = []
for line in lines:
    if line.startswith(b"BEGIN:"):
        stack.append(line[6:])
    elif line.startswith(b"END:"):
        if not stack or stack.pop() != line[4:]:
            problems.append("END:%s unbalanced" % line[4:].decode())
if stack:
    problems.append("not ended: %s" % b",".join(stack).decode())
if lines[:1] != [b"BEGIN:VCALENDAR"] or lines[-1:] != [b"END:VCALENDAR"]:
    problems.append("not one VCALENDAR around the rest")
print("; ".join(problems) or "ok")
PY
)" ok "the iCalendar file: CRLF, lines of 75 octets at most, BEGIN/END balanced"
	unfolded=$(python3 -c '
import sys
print(open(sys.argv[1], "rb").read().decode("utf-8").replace("\r\n ", ""), end="")' "$tmp/cx.ics")
	expect_match "$(printf '%s' "$unfolded" | grep '^SUMMARY:Call')" \
		'^SUMMARY:Call "Ana"\\, then\\; a\\\\b\\nrésumé long long' \
		"the hostile action is escaped as iCalendar text"
else
	note "python3 is missing: the line-length and nesting checks are left out"
	unfolded=$(tr -d '\r' <"$tmp/cx.ics")
fi
expect_eq "$(tr -d '\r' <"$tmp/cx.ics" | grep -c '^BEGIN:VTODO$')" "$open_count" \
	"one VTODO per open action"
expect_eq "$(tr -d '\r' <"$tmp/cx.ics" | grep -c '^BEGIN:VEVENT$')" 1 "one VEVENT, the next meeting"
expect_eq "$(grep -c $'\r$' "$tmp/cx.ics")" "$(wc -l <"$tmp/cx.ics")" "every line ends with CRLF"

note "the JSON export"
if command -v python3 >/dev/null; then
	rc=0
	"$CXMEET" export --format json | python3 -m json.tool >/dev/null || rc=$?
	expect_eq "$rc" 0 "cxmeet export --format json | python3 -m json.tool succeeds"
else
	note "python3 is missing: the JSON export is not parsed"
fi

note "overdue actions: exit status 8"
rc=0
"$CXMEET" overdue >"$tmp/out" || rc=$?
expect_eq "$rc" 8 "cxmeet overdue exits 8"
expect_eq "$(($(wc -l <"$tmp/out") - 1))" "$(n_actions --overdue)" \
	"cxmeet overdue lists every overdue action (a header row, then one row each)"
