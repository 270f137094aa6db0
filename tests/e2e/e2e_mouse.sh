#!/bin/bash
# e2e_mouse - screens that use the room they have, and the mouse.
# Columns: on the decision log a person's name whole at 80x24 ("Tomás
# Herrera", cut at 12 columns before), a long department cut with an
# ellipsis there and whole at 200x50; in the meeting at 80x24 the owner's
# name whole in the action review, and a parked topic's raiser's in its row.
# The mouse, as tmux reports it for the pane's TERM (xterm's "ESC [ M" and
# three bytes; the SGR form under xterm-256color): on the home menu a click
# chooses an entry, a second opens it; a click on a row moves the cursor
# there (the revisit date then set is the clicked decision's), a release or
# a click past the rows does nothing, the wheel moves three rows; a click on
# an agenda step goes to it (in the database too), but not on a screen that
# follows the meeting read-only; text pasted into a form with the mouse on is
# saved. --no-mouse and CXMEET_NO_MOUSE: no mouse reports asked for, and a
# report that comes anyway moves nothing and types nothing.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

current_step() { sql "SELECT current_step FROM meetings"; }
decision() { cx_json ".[] | select(.id == $1) | .$2" decisions --all; }

# mouse CODE X Y: a mouse report at column X, row Y (from 0): CODE 0 the first
# button pressed, 3 released, 64 the wheel up, 65 down.
mouse() {
	tmx send-keys -l "$(python3 -c 'import sys; c, x, y = map(int, sys.argv[1:])
sys.stdout.write("\x1b[M" + chr(32 + c) + chr(33 + x) + chr(33 + y))' "$1" "$2" "$3")"
	drained
}
# click X Y: the first button pressed and released there.
click() { mouse 0 "$1" "$2"; mouse 3 "$1" "$2"; }
# mouse_on: whether the program asked the terminal for mouse reports.
mouse_on() { tmx display-message -p '#{mouse_standard_flag}'; }

setup_council
cx dept add "Customer Experience & Loyalty" >/dev/null
cx person add "Tomás Herrera" --dept "Customer Experience & Loyalty" >/dev/null
id_of() { cx_json --arg n "$2" ".$1[] | select(.name == \$n).id" export; }
cxl=$(id_of departments "Customer Experience & Loyalty")
tomas=$(id_of people "Tomás Herrera")
sales=$(id_of departments Sales)
zoe=$(id_of people "Zoë Ångström")
# Eight decisions of earlier meetings, none due for a revisit: listed newest
# first, #8 (Tomás's) on top. Written as another program would: no command
# records a decision outside a meeting.
values=""
for i in 1 2 3 4 5 6 7 8; do
	dept=$sales person=$zoe
	[ "$i" = 8 ] && dept=$cxl person=$tomas
	values="$values${values:+,}($i, 'decision', 'Decision number $i', $dept, $person,
	  '2026-10-0${i}T10:00:00Z', '2026-10-0${i}T10:00:00Z')"
done
sql "INSERT INTO items(id, kind, text, department_id, person_id, created_at, updated_at)
     VALUES $values"
cx add action "Call back the Hansen account" --person "Tomás Herrera" --due 2026-11-30
cx add parked "Should the returns form move to self-service in every region?" \
	--person "Tomás Herrera"

note "the decision log at 80x24: names whole, a long department cut"
start_tui 80 24
wait_for "Decisions: the decision log (d)"
expect_eq "$(mouse_on)" 1 "the program asks for mouse reports"
# the home menu: a click chooses the entry, a second opens it
row=$(($(screen | grep -n "Decisions: the decision log" | cut -d: -f1) - 1))
click 8 "$row"
settle
expect_screen "Start a meeting" "one click only chooses the menu's entry"
click 8 "$row"
wait_for "Decision log  8 decisions"
expect_match "$(screen_line 3)" \
	"^ 2026-10-08 - +Customer Exper[a-z]*… Tomás Herrera +Decision number 8" \
	"Tomás Herrera whole at 80 columns; the department ends with an ellipsis"
expect_screen "#8  2026-10-08  Customer Experience & Loyalty  decided by Tomás Herrera" \
	"the first decision is selected"

note "at 200x50 the columns grow: the department whole"
resize 200 50
wait_re "Department +Decided by +Decision"
expect_match "$(screen_line 3)" \
	"^ 2026-10-08 - +Customer Experience & Loyalty Tomás Herrera +Decision number 8" \
	"the department whole at 200 columns"
resize 80 24
wait_for "Customer Exper"

note "a click on a row moves the cursor there"
click 20 4 # the third row (rows from screen row 2): #6
wait_for "#6  2026-10-06  Sales  decided by Zoë Ångström"
mouse 3 20 3 # a release alone does nothing
click 20 1   # nor a click on the heading
settle
expect_screen "#6  2026-10-06" "a release or a click on the heading leaves the cursor"
keys v
wait_for "Revisit date (empty or none: no revisit)"
keys C-u
text "2027-03-01"
keys Enter
wait_for "Saved"
expect_eq "$(decision 6 revisit_on)" 2027-03-01 "the revisit date is the clicked decision's"
expect_eq "$(decision 8 'revisit // "none"')" none "the first decision is untouched"

note "the wheel moves three rows"
mouse 65 20 5
wait_for "#3  2026-10-03"
mouse 64 20 5
wait_for "#6  2026-10-06"
keys q
wait_for "Start a meeting"

note "the meeting at 80x24: a click on a step goes there"
start_meeting
click 5 4 # step 3 on the agenda
wait_for "Step 3/10: Customer story"
expect_eq "$(current_step)" 2 "the meeting is at step 3 in the database"
click 5 5 # step 4: the action review, its owner's name whole
wait_for "Step 4/10: Action review"
wait_re "Tomás Herrera · Custom"
click 5 8 # step 7: the parked topic's row keeps its raiser's name whole
wait_for "Step 7/10: Priorities & decisions"
expect_match "$(screen)" "\\[ \\] Decision number 1 +2026-10-01 · Zoë Ångström *$" \
	"what waits for the step says when, then whose (the department left out), no name cut"
expect_match "$(screen)" "\\[.\\] Should the returns form .*…  Tomás Herrera *$" \
	"the parked topic's text cut, its raiser's name whole"
click 5 5
wait_for "Step 4/10: Action review"
click 5 20 # below the agenda: nothing
settle
expect_eq "$(current_step)" 3 "a click below the agenda's steps goes nowhere"

note "text pasted into a form with the mouse on"
open_form n note
tmx send-keys -l $'\e[200~Pasted while the mouse is on\e[201~'
drained
wait_for "Pasted while the mouse is on"
save_form note
expect_eq "$(sql "SELECT text FROM items WHERE kind = 'note'")" "Pasted while the mouse is on" \
	"the pasted note is saved"

note "a screen that follows the meeting: a click on a step changes nothing"
A=$SOCK
start_tui 80 24
B=$SOCK
wait_for "Resume the meeting in progress"
keys Enter
wait_for "Follow it read-only"
keys Enter
wait_for "Step 4/10: Action review  (read-only)"
click 5 8 # step 7
wait_for "Read-only: ${USER:-$(id -un)} holds this meeting. T takes it over."
expect_screen "Step 4/10: Action review" "the follower stays at the holder's step"
expect_eq "$(current_step)" 3 "the meeting stays at step 4"
SOCK=$A
keys q
wait_for "Leave the meeting?"
keys y
wait_for "Resume the meeting in progress"
keys q
wait_exit

note "the SGR form of the reports (TERM=xterm-256color: ESC [ < button ; x ; y M or m)"
n_socks=$((n_socks + 1))
SOCK="$tmp/sock$n_socks"
tmux -S "$SOCK" -f /dev/null new-session -d -x 80 -y 24 -c "$tmp" \
	"$(printf 'exec env TERM=xterm-256color TZ=%q LC_ALL=%q CXMEET_NOW=%q HOME=%q CXMEET_DB=%q %q 2>>%q' \
		"$TZ" "$LC_ALL" "$CXMEET_NOW" "$HOME" "$CXMEET_DB" "$CXMEET" "$tmp/stderr.log")"
wait_for "Decisions: the decision log (d)"
expect_eq "$(tmx display-message -p '#{mouse_sgr_flag}')" 1 "the SGR form is asked for"
keys d
wait_for "Decision log  8 decisions"
tmx send-keys -l $'\e[<0;21;5M\e[<0;21;5m' # the third row (columns and rows from 1)
drained
wait_for "#6  2026-10-06"
tmx send-keys -l $'\e[<65;21;5M' # the wheel down
drained
wait_for "#3  2026-10-03"
keys q
wait_for "Resume the meeting in progress"
keys q
wait_exit

note "--no-mouse: no reports asked for; one that comes moves nothing, types nothing"
real=$CXMEET
printf '#!/bin/sh\nexec %q --no-mouse "$@"\n' "$real" >"$tmp/no-mouse"
chmod +x "$tmp/no-mouse"
CXMEET=$tmp/no-mouse
start_tui 80 24
CXMEET=$real
wait_for "Decisions: the decision log (d)"
expect_eq "$(mouse_on)" 0 "--no-mouse asks for no mouse reports"
keys d
wait_for "Decision log  8 decisions"
before=$(screen)
click 20 5
mouse 65 20 5
tmx send-keys -l $'\e[<0;20;6M\e[<0;20;6m' # the SGR form too
drained
settle
expect_eq "$(screen)" "$before" "the reports move no cursor and type no key"
keys q
wait_for "Resume the meeting in progress"
keys q
wait_exit

note "CXMEET_NO_MOUSE: the same"
export CXMEET_NO_MOUSE=1
start_tui 80 24
unset CXMEET_NO_MOUSE
wait_for "Decisions: the decision log (d)"
expect_eq "$(mouse_on)" 0 "CXMEET_NO_MOUSE asks for no mouse reports"
keys '?'
wait_for " cxmeet help: keys in the home screen"
keys End
wait_for "Off (--no-mouse): the terminal has it"
