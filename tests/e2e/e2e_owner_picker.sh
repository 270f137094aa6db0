#!/bin/bash
# e2e_owner_picker - the owner picker of an action offers the chosen
# department's people first, the cursor on the first of them; an owner chosen
# before the department brings their department with them. The keys of a
# whole capture of an action with a 14-character text are counted: 22 with
# the owner first, 24 with the department first (25 before the department's
# people came first and before the department followed the owner: the owner
# then needed a typed filter, and an owner chosen first left the department
# to choose after).
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
"$CXMEET" person add "Abe Lin" --dept Sales >/dev/null
"$CXMEET" person add "Ana Ruiz" --dept "Customer Service" >/dev/null
"$CXMEET" person add "Olu Novak" --dept "Customer Service" >/dev/null
start_tui 100 30
start_meeting
go_step 9 "New actions"

# Every key sent is counted: press sends keys, type_in a text (a key a
# character).
presses=0
press() { keys "$@"; presses=$((presses + $#)); }
type_in() { text "$1"; presses=$((presses + ${#1})); }
row_of() { screen | grep -nF -- "$1" | head -1 | cut -d: -f1; }

note "the department first: its people lead the owner picker"
press a
wait_re "─ New action ─"
type_in "Call Acme back"
press Tab Tab
type_in Cu
wait_re "Filter: +Cu"
wait_for "Customer Service"
press Enter
wait_re "Department +Customer Service"
press Tab
press Space
wait_for "Choose: Owner"
add=$(row_of "+ Add a new person...")
ana=$(row_of "Ana Ruiz")
olu=$(row_of "Olu Novak")
abe=$(row_of "Abe Lin")
ben=$(row_of "Ben Okafor")
if [ "$add" -lt "$ana" ] && [ "$ana" -lt "$olu" ] && [ "$olu" -lt "$abe" ] && [ "$olu" -lt "$ben" ]; then
	echo "ok - Customer Service's people come first, then the others"
else
	check_failed "picker order: add $add, Ana $ana, Olu $olu, Abe $abe, Ben $ben"
	show_screen
fi
# The cursor starts on the department's first person: Enter takes her.
press Enter
wait_gone "Choose: Owner"
wait_re "Owner +Ana Ruiz"
press Enter
wait_form_closed
wait_for "Action #1 saved: Call Acme back — Ana Ruiz (Customer Service), due Wed 2026-12-23"
expect_eq "$presses" 24 "24 keys for an action, department first"

note "the owner first: the department follows"
presses=0
press a
wait_re "─ New action ─"
type_in "Ring Acme back"
press Tab Tab Tab
type_in Ol
wait_re "Filter: +Ol"
wait_for "Olu Novak"
press Enter
wait_re "Owner +Olu Novak"
wait_re "Department +Customer Service"
press Enter
wait_form_closed
wait_for "Action #2 saved: Ring Acme back — Olu Novak (Customer Service), due Wed 2026-12-23"
expect_eq "$presses" 22 "22 keys for an action, owner first"

note "a department chosen keeps its place when the owner is from another"
open_form a action
text "Visit the Lee store"
keys Tab Tab
pick Sal "Sales"
keys Tab
pick Olu "Olu Novak"
wait_re "Department +Sales"
save_form action 3

expect_eq "$(cx_json '[.items[] | "\(.id)|\(.person)|\(.department)"] | join(" ")' export)" \
	"1|Ana Ruiz|Customer Service 2|Olu Novak|Customer Service 3|Olu Novak|Sales" \
	"owners and departments as chosen"
