#!/bin/bash
# e2e_first_run - the first start on a brand new database walks through the
# set-up: the name and the mission are answered (the mission pasted, with a
# line break, an escape sequence, quotes and a comma), the program is left at
# the success statement and started again: it resumes there. Back goes to the
# mission, a bad number of days is refused, the cadence is chosen, a
# department added, a clashing rename and a clashing member refused in
# their dialogs, the success statement skipped, a first member added;
# home then says what is missing, and the walk-through does not come back.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

# The first run's progress: no command shows it.
step() { sql "SELECT setup_step FROM organisation"; }
# org FILTER: what FILTER makes of the organisation in the export.
org() { cx_json ".organisation | $1" export; }
# dept_facing NAME: "customer" or "behind", as the export has department NAME.
dept_facing() {
	cx_json --arg n "$1" '.departments[] | select(.name == $n) |
		if .customer_facing then "customer" else "behind" end' export
}

start_tui 80 24
wait_for "setting up your CX council  (step 1 of 6)"
wait_for "Your organisation"
text 'Acme "Q", Ltd'
keys Enter
wait_for "Your CX mission"
wait_for "Saved: Organisation."
expect_screen "Who are our customers?" "the mission step shows its helping questions"
expect_eq "$(org .name)" 'Acme "Q", Ltd' "the name is saved at once"
expect_eq "$(step)" 2 "setup_step is at the mission"

note "a pasted mission: the line break is a space, the escape sequence is dropped"
printf 'Every customer\nfeels known\033[31m, "always"' >"$tmp/mission.txt"
tmx load-buffer "$tmp/mission.txt"
tmx paste-buffer -p
wait_for 'Every customer feels known, "always"'
keys Enter
wait_for "Your CX success statement"
expect_eq "$(org .mission)" 'Every customer feels known, "always"' \
	"the mission is saved as shown"
# (an escape character stored would be printed as U+FFFD)
expect_eq "$(text_versions | paste -sd '|')" \
	'name=Acme "Q", Ltd|mission=Every customer feels known, "always"' "no escape character is stored"
expect_eq "$(step)" 3 "setup_step is at the success statement"

note "leaving half-way"
keys Escape
wait_exit
expect_eq "$(step)" 3 "setup_step stays at the success statement"

note "the next start resumes at the success statement"
start_tui 100 30
wait_for "Your CX success statement"
expect_screen "(step 3 of 6)" "resumed at step 3"
keys BTab
wait_for "Your CX mission"
expect_screen 'Every customer feels known, "always"' "back shows the saved mission"
expect_eq "$(step)" 2 "back is recorded"
keys Tab
wait_for "Your CX success statement"
keys Tab
wait_for "Your cadence"
expect_eq "$(step)" 4 "the success statement was skipped"

note "every N days: a bad number is refused in the dialog, in words for the screen"
keys Down Down Enter
wait_re "─ Every how many days\? \(1-366\) ─"
text abc
keys Enter
wait_for "Type a whole number of days, from 1 to 366."
keys C-u
text 0
keys Enter
wait_for "Type a whole number of days, from 1 to 366."
keys Escape
wait_gone "Every how many days"
expect_eq "$(org .cadence)" monthly \
	"nothing saved after a cancel"

note "the cadence: weekly"
expect_screen "monthly  (current)" "the current cadence is marked"
keys Up Up Up Up Enter
wait_for "Your departments"
wait_for "Saved: the council meets weekly."
expect_eq "$(org .cadence) $(step)" "weekly 5" "the cadence and the step are saved"

note "resized to the smallest size and back"
resize 60 18
wait_re "^  to your own words, remove"
wait_for "Customer Service            customer-facing"
resize 50 12
wait_for "Terminal too small: 50x12."
resize 100 30
wait_re "^  Keep the departments your organisation has, rename them to your own words, remove"
expect_eq "$(step)" 5 "resizing changes nothing"

note "a department added, with a hostile name"
keys a
wait_for "New department: name"
text 'Legal, "Compliance"'
keys Enter
wait_for 'Added Legal, "Compliance"'
expect_eq "$(dept_facing 'Legal, "Compliance"')" \
	"customer" "the department is stored, customer-facing"
keys Space
wait_for 'Legal, "Compliance": behind the scenes.'
expect_eq "$(dept_facing 'Legal, "Compliance"')" \
	"behind" "Space made it behind the scenes"

note "a message longer than the last row takes the row above, not cut"
long="Regional Field Operations, Logistics and Installations for the Northern Islands"
keys a
wait_for "New department: name"
text "$long"
keys Enter
# wrapped where UAX #14 allows (after a space, or after the hyphen)
wait_re "^Added Regional Field Operations, Logistics and Installations for the Northern Islands( \(customer-)? *$"
wait_re "^(\(customer-)?facing; Space to change\)\. *$"
keys X
wait_for "Remove Regional Field Operations"
keys y
wait_for "Removed Regional Field Operations"

note "a rename to another department's name, in another case, is refused in the dialog"
keys Home r
wait_re "─ Rename the department ─"
keys C-u
text sales
keys Enter
wait_for "Taken: a department 'Sales' exists (case is ignored)."
keys Escape
wait_gone "Rename the department"
expect_eq "$(cx_json '[.departments[] | select(.name == "Customer Service" or .name == "Sales")] | length' export)" 2 \
	"no department renamed"
keys Tab
wait_for "Your first council members"
expect_screen "Nobody yet" "no members yet"
expect_screen "The council has no members yet" "the roster check shows under the list"

note "the first member: the lead, in Sales"
keys a
wait_for "New council member: name"
text 'Zoë "Z", O'"'"'Brien'
keys Enter
wait_for "Department of Zoë"
text Sal
wait_re "Filter: +Sal"
keys Enter
wait_for "Role of Zoë"
text lea
wait_re "Filter: +lea"
keys Enter
wait_for "(lead)."
expect_eq "$(cx_json '.people[] | "\(.name)|\(.department)|\(.role)"' export)" \
	'Zoë "Z", O'"'"'Brien|Sales|lead' "the member is stored with department and role"
expect_screen "The council has no executive sponsor" "the roster check now misses a sponsor"
keys a
wait_for "New council member: name"
text 'zoë "z", o'"'"'brien'
keys Enter
wait_for "Taken: a person 'Zoë \"Z\", O'Brien' exists (case is ignored)."
keys Escape
wait_gone "New council member"
expect_eq "$(cx_json '.people | length' export)" 1 "the same name in another case is not added"
expect_eq "$(step)" 6 "adding members keeps the step"
keys Enter

note "home says what is missing"
wait_for "Set-up done."
wait_re "To do: CX success statement, 6 charter answers, 11 roster findings"
expect_eq "$(step)" 7 "setup_step is done"
expect_eq "$(text_versions | sed 's/=.*//' | paste -sd ,)" "name,mission" \
	"one version each of the name and the mission"
keys q
wait_exit

note "a finished set-up starts on home"
start_tui 100 30
wait_for "Start a meeting"
expect_no_screen "setting up your CX council" "no walk-through once done"
keys q
wait_exit
