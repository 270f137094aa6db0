#!/bin/bash
# e2e_charter_edit - a council set up by the commands starts on home (no
# walk-through), which says what is missing; the council view shows the roster
# check, a charter answer is written and then changed in place (the second
# time pasted with an escape sequence, quotes and a comma); the screen shows the
# new text with its change date, the versions view the old one, and
# org_text_versions holds both.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
start_tui 100 30
wait_for "Start a meeting"
expect_no_screen "setting up your CX council" "a council set up by the commands gets no walk-through"
wait_for "To do: CX success statement, 6 charter answers"

keys c
wait_for "Council and charter"
wait_for "Roster check"
expect_screen "Customer Service has no council member" "the roster check names an empty department"
expect_no_screen "no executive sponsor" "there is a sponsor"
expect_screen "Every customer gets a clear answer." "the mission is shown"

note "writing the vision"
keys Down Down Enter
wait_re "─ Vision ─"
text "Be the easiest firm to deal with"
keys Enter
wait_for "Saved: Vision."
expect_screen "Be the easiest firm to deal with" "the vision is shown"
expect_match "$(screen)" "Vision +changed 2026-11-23 by " "with its change date"

note "changing it, pasted"
keys Enter
wait_re "─ Vision ─"
keys C-u
printf 'Be \033[2Jloved, "truly"' >"$tmp/vision.txt"
tmx load-buffer "$tmp/vision.txt"
tmx paste-buffer -p
wait_for 'Be loved, "truly"'
keys Enter
wait_for "Saved: Vision."
expect_screen 'Be loved, "truly"' "the new vision is shown"
expect_no_screen "Be the easiest firm" "the old one is not"
expect_eq "$(sql "SELECT vision FROM organisation")" 'Be loved, "truly"' "the vision is stored"
expect_eq "$(sql "SELECT group_concat(body, '|') FROM (SELECT body FROM org_text_versions WHERE field = 'vision' ORDER BY id)")" \
	'Be the easiest firm to deal with|Be loved, "truly"' "both versions are kept"

note "the versions view"
keys v
wait_for "versions of Vision (2)"
expect_screen "Be the easiest firm to deal with" "the old version is shown"
expect_match "$(screen)" "2026-11-23 10:00  by .*\(current\)" "the newest is marked current"
keys q
wait_gone "versions of Vision"
wait_for "Roster check"

note "the escalation limit"
keys End Enter
wait_for "carried N times"
keys C-u
text 5
keys Enter
wait_for "Saved: escalate after 5 carries."
expect_eq "$(sql "SELECT escalate_after FROM organisation")" 5 "the escalation limit is stored"
keys q
wait_for "Start a meeting"
expect_no_screen "Roster check" "q goes back home"
wait_for "To do: CX success statement, 5 charter answers"
keys q
wait_exit
