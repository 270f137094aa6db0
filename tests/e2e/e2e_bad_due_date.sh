#!/bin/bash
# e2e_bad_due_date - the action form refuses what it cannot save: no owner,
# a due date it cannot read, a due date in the past; each time the form stays
# open with the reason and nothing is written. Then a good date saves one row,
# and Esc on a typed form asks before discarding it.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

items() { cx_json '.items | length' export; }

setup_council
start_tui 100 30
start_meeting
go_step 9 "New actions"
open_form a action
text "Call the Hansen family back"

note "no owner yet"
keys Enter
wait_for "an action needs an owner"
expect_eq "$(items)" 0 "nothing saved without an owner"
keys Tab Tab
pick Sal Sales
keys Tab
pick Ben "Ben Okafor"
wait_re "Owner +Ben Okafor"
keys Tab
wait_re "Due +2026-12-23"

note "due: soon"
keys C-u
text soon
keys Enter
wait_for "'soon' is not a date I understand; use YYYY-MM-DD, today, tomorrow,"
expect_screen "─ New action ─" "the form stays open"
expect_eq "$(items)" 0 "nothing saved with an unreadable due date"
# The message lists every form a due date may take; the last ones must not be cut off.
expect_screen "next (the next meeting)" "the whole parser message is shown under the field"

note "due: 2020-01-01"
keys C-u
text 2020-01-01
keys Enter
wait_for "2020-01-01 is in the past; a due date is today or later"
wait_gone "is not a date I understand"
expect_screen "─ New action ─" "the form stays open"
expect_eq "$(items)" 0 "nothing saved with a due date in the past"

note "due: 2026-12-10"
keys C-u
text 2026-12-10
wait_gone "is in the past" # typing clears the field's message
save_form action 1
wait_for "[A] Call the Hansen family back"
expect_eq "$(cx_json '.items | "\(length)|\(map("\(.kind)|\(.text)|\(.due_on)") | join(";"))"' export)" \
	"1|action|Call the Hansen family back|2026-12-10" "one action saved, due 2026-12-10"
# The raw event rows: no command lists an item's events.
expect_eq "$(sql "SELECT count(*) FROM item_events WHERE event = 'created'")" 1 \
	"one 'created' event"

note "Esc asks before discarding typed text"
open_form a action
text "Never mind"
keys Escape
wait_for "Discard what you typed?"
keys n
wait_gone "Discard what you typed?"
wait_re "Action +Never mind"
keys Escape
wait_for "Discard what you typed?"
keys y
wait_form_closed
expect_eq "$(items)" 1 "a discarded form writes nothing"
open_form a action
keys Escape # nothing typed: no question
wait_form_closed
expect_no_screen "Discard what you typed?" "an untouched form closes without asking"
