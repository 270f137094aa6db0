#!/bin/bash
# e2e_people_view - the council set up from the "Departments and people" view
# at 80x24: a department and a person are added (a name already taken is
# refused inside the dialog), the person is moved to another department, given
# another role and archived; the database follows every step at once, and the
# archived person is no longer offered as an owner in the capture form.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
start_tui 80 24
wait_for "Departments and people (p)"
keys p
wait_for "Departments (10)"
wait_for "Supply Chain"

note "a department whose name is taken, whatever its case"
keys a
wait_for "New department: name"
text "sales"
keys Enter
wait_for "Taken: a department 'Sales' exists (case is ignored)."
keys C-u
text "Customer Success, \"EMEA\""
keys Enter
wait_for "Is it customer-facing?"
text Behind
wait_for "Behind the scenes"
keys Enter
wait_for "Added the department Customer Success, \"EMEA\"."
# dept N FILTER, person NAME FILTER: what FILTER makes of a department (by
# number) or a person (by name) in the export.
dept() { cx_json --argjson id "$1" ".departments[] | select(.id == \$id) | $2" export; }
person() { cx_json --arg n "$1" ".people[] | select(.name == \$n) | $2" export; }
facing='if .customer_facing then "customer" else "behind" end'
expect_eq "$(cx_json '.departments[] | select(.name == "Customer Success, \"EMEA\"") | '"$facing" export)" \
	behind "the department is saved, behind the scenes"
expect_screen "Departments (11)" "the list counts the new department"

note "another department: renamed, made behind the scenes, then archived"
keys a
wait_for "New department: name"
text "Temp team"
keys Enter
wait_for "Is it customer-facing?"
keys Enter
wait_for "Added the department Temp team."
keys r
wait_for "Rename the department"
keys C-u
text "IT"
keys Enter
wait_for "Taken: a department 'IT' exists (case is ignored)."
keys C-u
text "Partners"
keys Enter
wait_for "Renamed to Partners."
keys f
wait_for "Partners is behind the scenes."
expect_eq "$(dept 12 '"\(.name)|\('"$facing"')"')" \
	"Partners|behind" "renamed and behind the scenes"
keys X
wait_for "Archive the department Partners?"
keys y
wait_for "Archived Partners."
expect_eq "$(dept 12 .archived)" true "the department is archived"
expect_screen "Departments (11)" "the archived department is hidden"

note "a person"
"$CXMEET" dept add "Field Operations and Logistics for the Northern Regions and the Islands" \
	--behind-the-scenes >/dev/null
keys Tab
wait_for "People (3)"
keys a
wait_for "New person: name"
text "ben okafor"
keys Enter
wait_for "Taken: a person 'Ben Okafor' exists (case is ignored)."
keys C-u
text "Amira Haddad"
keys Enter
wait_for "Department of Amira Haddad"
expect_match "$(screen)" "│ Field Operations and Logistics for t…  behind the scenes │" \
	"a long department name is cut with an ellipsis in the picker, its kind still shown"
text "Customer Suc"
wait_for "Customer Success, \"EMEA\""
keys Enter
wait_for "Their role on the council"
text champion
wait_for "carries CX into their team"
keys Enter
wait_for "Added Amira Haddad."
expect_eq "$(person "Amira Haddad" '"\(.name)|\(.department)|\(.role)"')" \
	"Amira Haddad|Customer Success, \"EMEA\"|champion" "the person is saved with department and role"
expect_screen "People (4)" "the list counts the new person"

note "moved to another department (the cursor stays on her)"
keys d
wait_for "Move Amira Haddad to which department?"
text Partn
wait_re "Filter: +Partn"
expect_no_screen "Partners" "an archived department is not offered"
keys C-u
text Mark
wait_for "Marketing"
keys Enter
wait_for "Moved Amira Haddad."
expect_eq "$(person "Amira Haddad" .department)" Marketing "moved to Marketing"
expect_match "$(screen)" "Amira Haddad +Marketing +champion" "the row shows the new department"

note "another role, through the Enter menu"
keys Enter
wait_for "Amira Haddad: What to do?"
text "Change the role"
keys Enter
wait_for "Role of Amira Haddad (now champion)"
text lead
wait_for "runs the council"
keys Enter
wait_for "Changed the role of Amira Haddad."
expect_eq "$(person "Amira Haddad" .role)" lead "now a lead"

note "archived, after a confirmation"
keys X
wait_for "Archive Amira Haddad? Their history is kept; they leave the pickers."
keys y
wait_for "Archived Amira Haddad."
expect_eq "$(person "Amira Haddad" .archived)" true "archived in the database"
expect_no_screen "Amira Haddad  " "hidden from the list"
keys A
wait_re "Amira Haddad +Marketing +lead +\(archived\)"
keys A
wait_gone "(archived)"

note "at 60x18 the key hints are the brief ones, none cut in the middle of a word"
resize 60 18
wait_for " a add  r rename  d dept  o role  e email  X archive"
resize 80 24
wait_for " a add  r rename  d department  o role  e email  X archive/restore  A archived"

note "the capture form's owner picker does not offer her"
keys q
wait_for "Start a meeting"
start_meeting
go_step 9 "New actions"
open_form a action
text "Call the Lee family"
keys Tab Tab
pick Sal Sales
keys Tab
text "Ha"
wait_re "Filter: +Ha"
wait_for "+ Add a new person..."
expect_no_screen "Amira Haddad" "an archived person is not offered as owner"
