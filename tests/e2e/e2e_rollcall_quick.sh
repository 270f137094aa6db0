#!/bin/bash
# e2e_rollcall_quick - a roll call of 8 of 10 people, first row by row
# (Space on each one present: 17 keys), then at the next meeting with A
# (everyone present) and Space on the two absent (9 keys); b names who will
# brief a department nobody represents, shown in the roll call and kept in
# the minutes; in the wrap-up, r lets each member present rate the meeting,
# and the wrap-up, the minutes, the cadence (CLI and view) show their
# average and spread (lowest–highest).
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

"$CXMEET" init --org "Northwind Outfitters" >/dev/null
# ten people in five departments; in the roll call by department, then name:
# Ben, Fay (Finance), Hana (HR), Iris, Ivan (IT), Max, Mia (Marketing),
# Sam, Sara, Zoë (Sales)
while IFS=: read -r name dept; do
	"$CXMEET" person add "$name" --dept "$dept" >/dev/null
done <<'EOF'
Ben Okafor:Finance
Fay Lund:Finance
Hana Ito:HR
Iris Wong:IT
Ivan Petrov:IT
Max Roy:Marketing
Mia Chen:Marketing
Sam Hill:Sales
Sara Diaz:Sales
Zoë Ångström:Sales
EOF
eight="Ben Okafor;Fay Lund;Iris Wong;Ivan Petrov;Max Roy;Sam Hill;Sara Diaz;Zoë Ångström"
count=0
# choose TEXT: types TEXT in a list's filter, and Enter
choose() {
	text "$1"
	wait_re "Filter: +$1"
	keys Enter
}
# k KEY...: the keys of the roll call, counted
k() { count=$((count + $#)); keys "$@"; }
# absent_text: the roll call's "Not represented: ..." lines, joined
absent_text() { screen | sed -n '/Not represented:/,$p' | sed '$d' | sed 's/^[^│]*│ //' | tr -s ' \n' '  '; }
present() { cx_json '[.attendance[].people[].name] | sort | join(";")' show "$1"; }

start_tui 100 30
note "before: Space on each of the eight present, moving over the two absent"
start_meeting
wait_for "Roll call: 0 of 10 present  (Space toggles, + adds a guest)"
expect_screen "everyone · b: who briefs" "the roll call names A and b"
k Space   # Ben
k j Space # Fay
k j j Space # Iris (over Hana)
k j Space # Ivan
k j Space # Max
k j j Space # Sam (over Mia)
k j Space # Sara
k j Space # Zoë
wait_for "Roll call: 8 of 10 present"
expect_eq "$count" 17 "eight of ten present row by row takes 17 keys"
expect_eq "$(present 1)" "$eight" "the eight are present at the first meeting"
end_meeting

note "after: A marks everyone present, Space unmarks the two absent"
start_meeting
wait_for "Roll call: 0 of 10 present"
count=0
k A
wait_for "Roll call: 10 of 10 present"
wait_for "Everyone is present (10 marked). Space unmarks who is absent."
expect_eq "$(absent_text)" "Not represented: Customer Service, Facilities, Operations, Product, Supply Chain " \
	"everyone present: only the departments without members are missing"
k j j Space # Hana
wait_for "Hana Ito is not present."
k j j j j Space # Mia
wait_for "Roll call: 8 of 10 present"
wait_for "Mia Chen is not present."
expect_eq "$count" 9 "eight of ten present with A takes 9 keys"
expect_eq "$(present 2)" "$eight" "the same eight are present at the second meeting"
expect_screen "[ ] Hana Ito" "Hana is shown absent"
expect_screen "[x] Max Roy" "Max is shown present"
expect_screen "Not represented: Customer Service, Facilities, HR, Operations" \
	"HR is not represented, Marketing is (Max)"

note "b on Hana (HR, nobody of it present) names who will brief HR"
keys k k k k # back to Hana
keys b
wait_for "Who will brief HR?"
# the members present first, then the others outside HR
expect_eq "$(screen | grep -oE '(Ben Okafor|Mia Chen)' | head -n 1)" "Ben Okafor" \
	"the picker lists the members present first"
choose Fay
wait_for "Fay Lund will brief HR."
expect_eq "$(absent_text)" \
	"Not represented: Customer Service, Facilities, HR (briefed by Fay Lund), Operations, Product, Supply Chain " \
	"the roll call shows HR's briefer"
expect_eq "$(cx_json '.briefers | map(.department + "=" + .person) | join(";")' show 2)" \
	"HR=Fay Lund" "the minutes' JSON names HR's briefer"
expect_match "$("$CXMEET" show 2)" 'Not represented: Customer Service, Facilities, HR \(briefed by Fay Lund\), Operations' \
	"the Markdown minutes name HR's briefer"

note "b again gives HR another briefer (one per department)"
keys b
wait_for "Who will brief HR?"
choose Sam
wait_for "Sam Hill will brief HR."
expect_match "$(absent_text)" "HR \(briefed by Sam Hill\)" "the roll call shows the new briefer"
expect_eq "$(cx_json '.briefers | map(.department + "=" + .person) | join(";")' show 2)" \
	"HR=Sam Hill" "the new briefer replaces the first"

note "b on a represented department's member asks which department"
keys g # Ben (Finance, present)
keys b
wait_for "Which department is to be briefed?"
keys Escape
wait_gone "Which department is to be briefed?"

note "wrap-up: r, each member present rates the meeting"
go_step 0 "Wrap-up"
wait_for "Rating: not given"
keys r
for r in "Ben Okafor:8" "Fay Lund:6" "Iris Wong:9" "Ivan Petrov:" "Max Roy:7" "Sam Hill:11"; do
	name=${r%%:*}
	wait_for "$name rates the meeting from 1 to 10 (empty: skip)"
	[ -z "${r#*:}" ] || text "${r#*:}"
	keys Enter
done
wait_for "A rating is a whole number from 1 to 10."
keys C-u
text 9
keys Enter
wait_for "Sara Diaz rates the meeting from 1 to 10"
keys Escape
wait_for "5 ratings saved. Rating: 7.8 (6–9, 5 ratings)"
wait_for "Rating: 7.8 (6–9, 5 ratings) · Enter:"
expect_eq "$(cx_json '.ratings | "\(.count) \(.average) \(.lowest) \(.highest)"' show 2)" \
	"5 7.8 6 9" "the minutes' JSON: five ratings, their average and spread"
expect_eq "$(cx_json '.ratings.members | map("\(.person)=\(.rating)") | join(";")' show 2)" \
	"Ben Okafor=8;Fay Lund=6;Iris Wong=9;Max Roy=7;Sam Hill=9" "each member's rating is kept"
expect_eq "$(cx_json .meeting.rating show 2)" 8 "the meeting's rating is their average, rounded"

note "r again offers each rating given; Enter keeps it"
keys r
wait_for "Ben Okafor rates the meeting from 1 to 10"
keys C-u
text 3
keys Enter
wait_for "Fay Lund rates the meeting"
keys Escape
wait_for "Rating: 6.8 (3–9, 5 ratings)"

note "the single rating gives way to the members'"
keys Enter
wait_for "Each member present rates it (r)"
keys Down Enter
wait_for "The members rated it: its rating is their average"

note "the end: minutes and cadence"
keys E
wait_for "End the meeting now?"
keys y
wait_for "Write the minutes to"
keys Escape
wait_for "Start a meeting"
md=$("$CXMEET" show 2)
expect_match "$md" '\*\*Rating:\*\* 6\.8 \(3–9, 5 ratings\)' "the minutes' head gives the average and spread"
expect_match "$md" 'Ratings: Ben Okafor 3, Fay Lund 6, Iris Wong 9, Max Roy 7, Sam Hill 9 — average 6\.8' \
	"the minutes list each member's rating"
expect_eq "$(cx_json '.meetings | map("\(.meeting_id):\(.rating):\(.ratings):\(.rating_avg):\(.rating_min):\(.rating_max)") | join(";")' cadence)" \
	"2:7:5:6.8:3:9;1:null:0:null:null:null" "the cadence gives each meeting's average and spread"
expect_match "$("$CXMEET" cadence)" "6\.8" "the plain cadence shows the average"
expect_eq "$(cx_json '[.meeting_ratings[] | .rating] | add' export)" 34 "the export holds every rating"
expect_eq "$(cx_json '.meeting_briefers | map("\(.meeting_id):\(.department)=\(.person)") | join(";")' export)" \
	"2:HR=Sam Hill" "the export holds the briefer"

note "the cadence view shows the average and the spread"
keys C
wait_for "Cadence and participation"
keys Tab Tab Tab # the meetings' section
wait_re "#2 +2026-11-23 .* 6\.8  3–9 +5"
expect_screen "Avg Range  By" "the meetings' head names the columns"
keys q
wait_for "Start a meeting"
