#!/bin/bash
# e2e_detail_wrap - an action's detail and a decision's rationale wrap in
# place over several rows of the form (by display columns: wide characters
# take two, a combining mark none), the cursor moving across the wrapped
# rows with Up and Down; the text is saved whole, and a text longer than
# the rows shown says so.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

# 200 columns of text: wide characters, a combining accent (e + U+0301).
detail="The customer called three times about the refund and nobody answered; 王芳 says the contract gives ten days, so we owe Rene"$'\u0301'" an answer and a credit note before the end of the month."

rene="Rene"$'\u0301' # as the terminal keeps it: the letter, then its accent
# as it is kept: composed (NFC), as every text
kept=${detail/"$rene"/René}

setup_council
start_tui 80 24
start_meeting
go_step 9 "New actions"
open_form a action
text "Call Acme back"
keys Tab
text "$detail"

note "80x24: the detail wraps over three rows of 57 columns"
wait_re "│ Detail +nobody answered; 王芳 says the contract gives ten days, +│"
expect_screen "│ ↑ more         so we owe $rene an answer and a credit note before the end │" \
	"the next row goes on where it stopped, the combining accent on its letter"
expect_screen "│                of the month. " "the last row, with the cursor"
expect_no_screen "The customer called" "the first row is out of view with the cursor at the end"
# Every row of the box keeps its right border in place.
expect_eq "$(screen | display_cols | awk '$1 > 80' | wc -l)" 0 "no row is wider than the terminal"

note "Up moves a wrapped row up; text typed there goes in there"
keys Up Up Up
wait_re "│ Detail +The customer called three times about the refund and +│"
expect_screen "↓ more" "the label says some of the text is below"
keys Home
text "NB: "
wait_re "│ Detail +NB: The customer called three times about the refund and +│"
note "Down past the last row goes on to the next field"
keys Down Down Down Down
wait_for "so we owe $rene an answer and a credit note before the en…"
expect_no_screen "of the month." "out of focus, the detail shows from its start, cut with an ellipsis"

note "100x30: the whole detail in view, wrapped at 77 columns"
resize 100 30
wait_re "^ Step [0-9:]+ left · Meeting "
keys Up
wait_re "│ Detail +NB: The customer called three times about the refund and nobody answered; +│"
expect_screen "│                王芳 says the contract gives ten days, so we owe $rene an answer and a credit  │" \
	"the second row at 100 columns"
expect_screen "│                note before the end of the month. " "the third row"
expect_no_screen "more" "all of it is in view"
keys Down
pick Cust "Customer Service"
keys Tab
pick Ben "Ben Okafor"
keys Enter
wait_form_closed
wait_for "Action #1 saved: Call Acme back — Ben Okafor (Customer Service), due Wed 2026-12-23"
expect_eq "$(cx_json '.items[0].detail' export)" "NB: $kept" "the detail is saved whole, as typed"

note "a decision's rationale wraps the same way"
open_form d decision
text "Refunds within ten days"
keys Tab Tab Tab Tab
text "$detail"
wait_re "│ Rationale +The customer called three times about the refund and nobody answered; 王芳 +│"
expect_screen "says the contract gives ten days, so we owe $rene an answer and a credit note" \
	"the rationale wraps at 100 columns"
keys Enter
wait_form_closed
expect_eq "$(cx_json '.items[] | select(.kind == "decision") | .rationale' export)" "$kept" \
	"the rationale is saved whole"

note "in the step's list, the action's detail is wrapped under it, cut with an ellipsis"
wait_for "[D] Refunds within ten days"
row=$(screen | grep -nF "[A] Call Acme back" | cut -d: -f1)
expect_match "$(screen_line $((row + 1)))" "│     NB: The customer called three times about the refund and *$" \
	"the detail's first row under the action"
expect_match "$(screen_line $((row + 2)))" "│     nobody answered; 王芳 says the contract gives ten days, so w… *$" \
	"its second row, cut with an ellipsis"
expect_match "$(screen_line $((row + 3)))" "│ \[D\] Refunds within ten days" \
	"the decision under the cursor follows: its detail is in the preview"
