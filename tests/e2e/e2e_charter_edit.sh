#!/bin/bash
# e2e_charter_edit - a council set up by the commands starts on home (no
# walk-through), which says what is missing; the council view shows the roster
# check, a charter answer is written and then changed in place (the second
# time pasted with an escape sequence, quotes and a comma); the screen shows the
# new text with its change date, the versions view the old one, and
# org_text_versions holds both. Then, with $EDITOR set, an answer of several
# lines is written in the editor.
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
expect_match "$(screen)" "│ and [0-9]+ more: no council member in [^│]*Operations" \
	"the findings that do not fit are named on one line, not just counted"
expect_no_screen "no executive sponsor" "there is a sponsor"
expect_screen "Every customer gets a clear answer." "the mission is shown"

note "writing the vision"
keys Down Down Enter
wait_re "─ Vision ─"
text "Be the easiest firm to deal with"
keys Enter
wait_for "Saved: Vision."
expect_screen "Be the easiest firm to deal with" "the vision is shown"
expect_match "$(screen)" "Vision +changed 2026-11-23" "with its change date"

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
# org FILTER: what FILTER makes of the organisation in the export.
org() { cx_json ".organisation | $1" export; }
expect_eq "$(org .vision)" 'Be loved, "truly"' "the vision is stored"
expect_eq "$(text_versions | sed -n 's/^vision=//p' | paste -sd '|')" \
	'Be the easiest firm to deal with|Be loved, "truly"' "both versions are kept"

note "the versions view"
keys v
wait_for "versions of Vision (2)"
expect_screen "Be the easiest firm to deal with" "the old version is shown"
expect_match "$(screen)" "2026-11-23 10:00 .*\(current\)" "the newest is marked current"
keys q
wait_gone "versions of Vision"
wait_for "Roster check"

note "the escalation limit"
keys End Enter
wait_for "─ Escalate after how many carries? (1 to 100) ─"
resize 60 18
wait_re "Escalate after how many carries\? \(1 to 100\) ─+┐" # whole at 60 columns
resize 100 30
wait_for "─ Escalate after how many carries? (1 to 100) ─"
keys C-u
text 5
keys Enter
wait_for "Saved: escalate after 5 carries."
expect_eq "$(org .escalate_after)" 5 "the escalation limit is stored"
keys q
wait_for "Start a meeting"
expect_no_screen "Roster check" "q goes back home"
wait_for "To do: CX success statement, 5 charter answers"
keys q
wait_exit

note "an answer of several lines, written in \$EDITOR"
cat >"$tmp/editor.sh" <<'SH'
#!/bin/sh
printf 'We meet monthly, "on time",\nand decide by consent.\n' >"$1"
SH
chmod +x "$tmp/editor.sh"
# start_tui, with EDITOR set to the script above.
n_socks=$((n_socks + 1))
SOCK="$tmp/sock$n_socks"
term=screen
infocmp tmux-256color >/dev/null 2>&1 && term=tmux-256color
cmd=$(printf 'exec env -u VISUAL EDITOR=%q TERM=%q TZ=%q LC_ALL=%q CXMEET_NOW=%q HOME=%q CXMEET_DB=%q %q 2>>%q' \
	"$tmp/editor.sh" "$term" "$TZ" "$LC_ALL" "$CXMEET_NOW" "$HOME" "$CXMEET_DB" "$CXMEET" \
	"$tmp/stderr.log")
tmux -S "$SOCK" -f /dev/null new-session -d -x 100 -y 30 -c "$tmp" "$cmd"
wait_for "Start a meeting"
keys c
wait_for "Roster check"
keys End Up Up e
wait_for "Saved: How we work together."
expect_screen 'We meet monthly, "on time",' "the first line is shown"
expect_screen "and decide by consent." "the second line too"
expect_eq "$(org .ways)" "$(printf 'We meet monthly, "on time",\nand decide by consent.')" \
	"the answer is stored with its line break"
keys Enter
wait_for "This answer has several lines: press e"
# (`charter history` prints each version under the time it was saved)
expect_eq "$(cx charter history 6 | grep -cE '^[0-9]{4}-')" 1 \
	"one version of it"
keys q
wait_for "Start a meeting"
keys q
wait_exit
