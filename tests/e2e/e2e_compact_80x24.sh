#!/bin/bash
# e2e_compact_80x24 - a short meeting on an 80x24 terminal (the compact
# layout): roll call, one action, the end without minutes. Checks that the top
# bar, the sidebar and the status line are whole and that no line overflows.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

# fits WHAT: every screen line is at most 80 columns wide, and there are 24.
fits() {
	local widths
	widths=$(screen | display_cols)
	expect_eq "$(echo "$widths" | wc -l)" 24 "$1: 24 lines"
	expect_eq "$(echo "$widths" | awk '$1 > 80' | wc -l)" 0 "$1: no line wider than 80 columns"
}

# sidebar_col: the columns of the sidebar's right border on lines 2-23, unique.
sidebar_col() {
	screen | sed -n '2,23p' | sed 's/│.*//' | display_cols | awk '{print $1 + 1}' | sort -u | tr '\n' ' '
}

setup_council
start_tui 80 24
wait_for "Start a meeting"
fits "home"

note "runner: top bar, sidebar, status line"
start_meeting
expect_eq "$(screen_line 1 | sed 's/ *$//')" \
	" Northwind Outfitters  CX council 2026-11-23  Step 1/10: Welcome & roll call" "top bar"
expect_eq "$(screen_line 2 | sed 's/ *│.*//')" "Agenda" "sidebar heading"
i=0
# The titles whole at 80 columns (the agenda as wide as they need), minutes
# beside those that leave room.
for title in "Welcome & roll call" "Mission moment" "Customer story" "Action review" \
	"Initiatives" "Insights & metrics" "Priorities & decisions" "Wins & hidden heroes" \
	"New actions" "Wrap-up"; do
	i=$((i + 1))
	line=$(screen_line $((i + 2)))
	case "$line" in
	[\ \>+]"$(printf '%2d' "$i") $title"[\ │]*) echo "ok - sidebar row $i: $title" ;;
	*) check_failed "sidebar row $i is '$line', not step $i $title..." ;;
	esac
done
expect_eq "$(sidebar_col)" "27 " "the sidebar border is one straight column"
expect_match "$(screen)" "^  4 Action review +0/10│" "a step's minutes beside a title that leaves room"
expect_match "$(screen)" "^  7 Priorities & decisions│" "no minutes beside the longest title"
keys j # clears the start message off the status line
wait_re "^ Step 3:00 left · Meeting 1:10:00 left · ends 11:10 \(plan 11:10\)  [?]:help"
fits "roll call"
# Hints are added while they fit: the line ends with a whole one, never a cut one.
expect_match "$(screen_line 24 | sed 's/ *$//')" ' (\?:help|q:leave|</>:step|dawsinpm:capture|e:edit|X:delete)$' \
	"the compact status line is whole at 80 columns"

note "roll call"
wait_for "Roll call: 0 of 3 present"
keys k Space
wait_for "Roll call: 1 of 3 present"
wait_for "Ben Okafor is present."
expect_screen "[x] Ben Okafor" "Ben is marked present"
expect_eq "$(cx_json '.attendance[].people[].name' show)" "Ben Okafor" "attendance has Ben"

note "one action, with the step's default kind (c)"
go_step 9 "New actions"
expect_screen "Nothing yet. Press c to capture an action" "the empty step's hint is good English"
open_form c action
fits "the action form"
text "Refund the Lee order"
keys Tab Tab
pick Cust "Customer Service"
keys Tab
pick Ben "Ben Okafor"
wait_re "Owner +Ben Okafor"
wait_re "Due +2026-12-23"
save_form action 1
wait_for "[A] Refund the Lee order"
fits "the action listed"

note "the wide layout's status line, at 100x30"
keys j # clears the message off the status line
wait_gone "Action #1 saved: "
resize 100 30
wait_re "^ Step 8:00 left · Meeting 1:10:00 left · ends 11:07 \(plan 11:10, 3 min early\)  [?]:help  q:leave"
expect_match "$(screen_line 30 | sed 's/ *$//')" ' (\?:help|q:leave|</>:step|dawsinpm:capture|e:edit|X:delete)$' \
	"the wide status line is whole at 100 columns"
resize 80 24
wait_re "^ Step 8:00 left · Meeting 1:10:00 left · ends 11:07 \(plan 11:10\)  [?]:help"

note "end without minutes"
keys E
wait_for "Go to the wrap-up to end the meeting?"
fits "the question before the wrap-up"
keys y
wait_for "Step 10/10: Wrap-up"
fits "wrap-up"
keys E
wait_for "End the meeting now? Not done: 2 Mission moment, 3 Customer story, 4"
expect_screen "decisions, 8 Wins & hidden heroes. Next meeting 2026-12-23, rating not" \
	"the end question wraps inside its box"
fits "the end question"
keys y
wait_for "Write the minutes to (empty: do not write)"
wait_for "cx-council-2026-11-23.md"
keys C-u
wait_gone "cx-council-2026-11-23.md"
keys Enter
wait_for "Meeting ended. Minutes: cxmeet show 1"
wait_for "Start a meeting"
fits "home after the meeting"
keys q
wait_exit

note "the database"
expect_eq "$(find "$tmp" -maxdepth 1 -name 'cx-council*' | wc -l)" 0 "no minutes file was written"
expect_eq "$(cx_json '.meeting | "\(.status)|\(.rating // "none")"' show)" "completed|none" \
	"the meeting is completed, not rated"
expect_eq "$(cx_json '.items[] | "\(.kind)|\(.text)|\(.department)|\(.person)|\(.due_on)"' export)" \
	"action|Refund the Lee order|Customer Service|Ben Okafor|2026-12-23" \
	"the action with its department, owner and the prefilled due date"
