#!/bin/bash
# e2e_hostile_tui - hostile input into a capture form, each leaving the
# database unchanged until a valid save: a long paste into a one-line field
# (it keeps at most 2000 bytes and says so), a NUL (Ctrl-@), and department
# and owner names that do not exist, typed into the pickers. Then a valid save
# stores exactly what the form shows.
#
# The paste is 8 kB, not 1 MB: a 1 MB paste takes minutes to be consumed
# (each refused character redraws the screen), and invalid UTF-8 makes the
# form deaf to every later key; both are tried, as known bugs, in
# e2e_hostile_tui_known_bugs.sh.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
# dump: how many items, departments and people the export holds, and the raw
# event rows (no command lists them all).
dump() {
	cx_json '.items, .departments, .people | length' export
	sql "SELECT count(*) FROM item_events"
}
before=$(dump)
start_tui 100 30
start_meeting
go_step 7 "Priorities & decisions"
open_form a action

note "an 8 kB paste into the one-line Action field"
head -c 8192 /dev/zero | tr '\000' y >"$tmp/paste.txt"
tmx load-buffer "$tmp/paste.txt"
tmx paste-buffer -p
wait_for "Cut at 2000 characters: the most this field holds." 30
keys C-u
text "Marker"
wait_re "Action +Marker" 90 # the whole paste has been read by now
expect_screen "─ New action ─" "the form is still open after the paste"
expect_eq "$(dump)" "$before" "the paste saved nothing"

note "a NUL typed into the field"
keys C-u
text "Fix returns"
keys C-@
text "!"
wait_re "Action +Fix returns!"
expect_eq "$(dump)" "$before" "the NUL saved nothing"

note "an unknown department typed into the picker"
keys Tab Tab
wait_re "Department +\(none"
text "Nowhere Dept"
wait_for "Choose: Department"
wait_for "Nothing matches."
keys Enter # chooses nothing
settle
expect_screen "Choose: Department" "Enter on no match leaves the picker open"
keys Escape
wait_gone "Choose: Department"
expect_match "$(screen)" "Department +\(none" "the department is still unset"
expect_eq "$(dump)" "$before" "the unknown department saved nothing"

note "an unknown owner typed into the picker"
keys Tab
text "Zzz Unknown"
wait_for "Choose: Owner"
keys Escape
wait_gone "Choose: Owner"
expect_match "$(screen)" "Owner +\(none" "the owner is still unset"
expect_eq "$(dump)" "$before" "the unknown owner saved nothing"

note "a valid save"
keys BTab
wait_re "Department +\(none"
pick "Sales" "Sales"
keys Tab
pick "Ben" "Ben Okafor"
wait_re "Owner +Ben Okafor"
save_form action 1
wait_form_closed
expect_eq "$(cx_json '.items[] | "\(.text)|\(.department)|\(.person)"' export)" \
	"Fix returns!|Sales|Ben Okafor" "the saved action is what the form showed"
expect_eq "$(dump | sed -n 2,3p)" \
	"$(printf '%s\n' "$before" | sed -n 2,3p)" "no department or person was added"
