#!/bin/bash
# e2e_add_person - a person who is not on the council yet is added from the
# owner picker: the name typed as the filter becomes the new person's name,
# their department is chosen, and the action is saved with them as owner.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
start_tui 100 30
start_meeting
go_step 8 "New actions"
open_form a action
text "Send the Lee family a new tent"
keys Tab Tab
pick Cus "Customer Service"
keys Tab

note "an owner nobody has met: the filter matches no one"
text "Amira Haddad"
wait_for "Filter: Amira Haddad"
wait_for "+ Add a new person..."
keys Enter
wait_for "New person: name"
# The whole filter, not only its first letter, is offered as the name.
wait_for "Amira Haddad"
keys Enter
wait_for "Department of Amira Haddad"
text Ope
keys Enter
wait_re "Owner +Amira Haddad"
keys Enter
wait_form_closed
wait_for "Saved action #1."

expect_eq "$(sql "SELECT p.name || '|' || d.name || '|' || p.role FROM people p
	JOIN departments d ON d.id = p.department_id WHERE p.name = 'Amira Haddad'")" \
	"Amira Haddad|Operations|guest" "the new person is a guest of Operations"
expect_eq "$(sql "SELECT p.name FROM items i JOIN people p ON p.id = i.person_id")" \
	"Amira Haddad" "the action is owned by the new person"
