#!/bin/bash
# e2e_add_person - a person who is not on the council yet is added from the
# owner picker: the name typed as the filter becomes the new person's name,
# their department is chosen, and the action is saved with them as owner.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
start_tui 100 30
start_meeting
go_step 9 "New actions"
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
wait_for "Action #1 saved: Send the Lee family a new tent — Amira Haddad (Customer Service)"

expect_eq "$(cx_json '.people[] | select(.name == "Amira Haddad") | "\(.name)|\(.department)|\(.role)"' export)" \
	"Amira Haddad|Operations|guest" "the new person is a guest of Operations"
expect_eq "$(cx_json '.items[].person' export)" \
	"Amira Haddad" "the action is owned by the new person"
