#!/bin/bash
# e2e_prefilled_fields - a field that opens holding a value (the due date the
# action form offers, the last search words) is replaced by the first
# printable key, as in any form; Home/End, the arrows, Ctrl-E and Backspace
# edit the value instead.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
# A past meeting, written behind the program's back (no command records one).
sql "INSERT INTO meetings(id, status, started_at, ended_at)
       VALUES (1, 'completed', '2026-11-16T10:00:00Z', '2026-11-16T11:00:00Z');
     INSERT INTO items(kind, text, meeting_id, created_at, updated_at) VALUES
       ('note', 'The courier lost two parcels', 1, '2026-11-16T10:10:00Z', '2026-11-16T10:10:00Z'),
       ('note', 'Store returns take nine days', 1, '2026-11-16T10:20:00Z', '2026-11-16T10:20:00Z');"

start_tui 100 30
note "a second search replaces the words of the first"
wait_for "History and search (h)"
keys h
wait_for " History: 1 meeting"
keys /
wait_re "─ Search every meeting's items ─"
text "courier"
keys Enter
wait_for ' Search "courier": 1 match'
keys /
wait_re "─ Search every meeting's items ─"
wait_for "courier"
text "returns"
keys Enter
wait_for ' Search "returns": 1 match'
expect_no_screen "courierreturns" "the old words are replaced, not appended to"
expect_screen "Store returns take nine days" "the second search finds its item"
keys /
wait_re "─ Search every meeting's items ─"
keys End BSpace BSpace BSpace BSpace
text "ir"
keys Enter
wait_for ' Search "retir": 0 matches'
keys q
wait_for " History: 1 meeting"
keys q
wait_for "Start a meeting"

start_meeting
go_step 9 "New actions"
note "a due date typed over the offered one replaces it"
open_form a action
text "Call the Hansen family back"
keys Tab Tab
pick Sal Sales
keys Tab
pick Ben "Ben Okafor"
keys Tab
wait_re "Due +2026-12-23"
# The offered value shows selected (black on yellow), the sign that typing replaces it.
expect_match "$(tmx capture-pane -p -e | grep -a 'Due' | cat -v)" '\^\[\[43m2026-12-23' \
	"the offered date is shown selected"
text "+2w"
wait_re "Due +\+2w"
expect_no_screen "2026-12-23+2w" "the offered date is not kept in front of what is typed"
save_form action
# due TEXT: the due date of the action TEXT, as `cxmeet actions` lists it.
due() { cx_json --arg t "$1" '.[] | select(.text == $t).due_on' actions --state all; }
expect_eq "$(due 'Call the Hansen family back')" \
	2026-12-07 "+2w from 2026-11-23 is saved as 2026-12-07"

note "End, Backspace and the arrows edit the offered date"
open_form a action
text "Print the flyers"
keys Tab Tab
pick Sal Sales
keys Tab
pick Ben "Ben Okafor"
keys Tab
wait_re "Due +2026-12-23"
keys End BSpace
text 4
wait_re "Due +2026-12-24"
keys Left Left Left BSpace
text 3
wait_re "Due +2026-13-24"
keys C-e BSpace BSpace BSpace BSpace
text 2-28
wait_re "Due +2026-12-28"
save_form action
expect_eq "$(due 'Print the flyers')" \
	2026-12-28 "the edited date is saved"

note "Backspace on an offered value deletes one character"
open_form a action
text "Ring the depot"
keys Tab Tab Tab Tab
wait_re "Due +2026-12-23"
keys BSpace
wait_re "Due +2026-12-2 "
keys Escape
wait_for "Discard what you typed?"
keys y
wait_form_closed
