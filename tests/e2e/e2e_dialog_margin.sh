#!/bin/bash
# e2e_dialog_margin - a dialog drawn over a list leaves nothing of the list
# touching its border: the "…" that ends each cut row of the items under a
# form no longer stands in a column beside the box (100x30, where two
# columns are left on each side), and the picker over the actions view keeps
# a blank column between its border and the list (80x24).
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
start_tui 100 30
start_meeting
go_step 3 "Customer story"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
	open_form n note
	text "Note $i about the broken delivery that needs a long follow-up report for everyone"
	save_form note "$i"
done
wait_for "Captured in this step (12)"
expect_match "$(screen | grep -c '…$')" "^[1-9]" "cut rows end in … under no dialog"

# beside_box: what each row of the box shows right of its right border, and
# left of its left border, one line per row ("|" between).
beside_box() {
	screen | python3 -c '
import sys
for line in sys.stdin.read().split("\n"):
    l, r = line.find("│"), line.rfind("│")
    if line.lstrip(" 0123456789").startswith(("┌", "└")):
        l, r = line.find("┌") if "┌" in line else line.find("└"), max(line.rfind("┐"), line.rfind("┘"))
    elif l < 0 or l == r:
        continue
    print(line[:l].strip() + "|" + line[r + 1:].strip())
'
}

note "a form over the items"
open_form n note
expect_eq "$(beside_box | sort -u)" "|" "nothing of the list beside the form's box"
keys Escape
wait_form_closed

note "a dialog over the actions view at 80x24"
tmx kill-server
# (an action written behind the program's back: no command adds one)
sql "INSERT INTO items(kind, text, person_id, due_on, status, created_at, updated_at) VALUES
 ('action', 'Call the customer about the broken delivery and then write the long follow-up report',
  1, '2026-12-11', 'open', '2026-11-20T09:00:00Z', '2026-11-20T09:00:00Z')"
start_tui 80 24
wait_for "Resume the meeting in progress"
keys a
wait_for "Actions: 1 open"
keys Enter
wait_for "Type to filter"
expect_match "$(screen | grep -F 'Filter:')" "│ Filter: +│ [^ ]" \
	"a blank column between the box and the list beside it"
