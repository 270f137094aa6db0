#!/bin/bash
# e2e_utf8_names - names with wide characters (王芳) and combining marks (José
# Núñez typed with U+0301 and U+0303, as some keyboards and pastes give it):
# the roll call's columns line up; the person picker finds a name whatever
# Unicode form it was typed in; text with CJK, accents and symbols is saved as
# typed; an escape sequence typed into a field leaves no control character.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

jose=$'Jose\u0301 Nu\u0301n\u0303ez' # decomposed: e + U+0301, n + U+0303

# rollcall_ends: the distinct end columns of the roll call's rows (one expected).
rollcall_ends() { screen | grep -E '\[[ x]\] ' | display_cols | awk '{print $2}' | sort -u | tr '\n' ' '; }

setup_council
"$CXMEET" dept add "Département Qualité" >/dev/null
"$CXMEET" person add "$jose" --dept "Département Qualité" --role champion >/dev/null
rc=0
"$CXMEET" person add $'Eve\e[31m' --dept Sales >/dev/null 2>&1 || rc=$?
expect_eq "$rc" 2 "the CLI refuses a name with an escape sequence"
expect_eq "$(cx_json '.people | length' export)" 4 "four people"

start_tui 100 30
start_meeting
wait_for "Roll call: 0 of 4 present"

note "roll call columns at 100x30"
expect_eq "$(screen_nfc | grep -c '\[ \] José Núñez ')" 1 "José Núñez is shown with his accents"
expect_screen "[ ] 王芳" "王芳 is shown"
expect_eq "$(screen | grep -cE '\[[ x]\] ')" 4 "four roll-call rows"
expect_eq "$(rollcall_ends)" "99 " "every roll-call row ends in the same column (99)"
expect_eq "$(screen | grep -oE '(Département Qualité|Finance|IT|Sales) · [a-z]+' | tr '\n' ';')" \
	"Département Qualité · champion;Finance · member;IT · sponsor;Sales · lead;" \
	"the department and role column, in order"

note "王芳 present"
keys j j Space
wait_for "王芳 is present."
wait_for "[x] 王芳"
expect_eq "$(rollcall_ends)" "99 " "the rows still line up with 王芳 present"
expect_eq "$(cx_json '.attendance[].people[].name' show)" \
	"王芳" "attendance has 王芳"

note "roll call columns at 80x24"
keys j # clears the message off the status line
wait_gone "王芳 is present."
resize 80 24
wait_re "^ Step 3:00 left .*\(plan 11:10\)  [?]:help"
expect_eq "$(rollcall_ends)" "79 " "at 80x24 every roll-call row ends in column 79"
resize 100 30
wait_re "^ Step 3:00 left .*q:leave  </>:step"

note "a note in CJK, accents and symbols"
go_step 3 "Customer story"
open_form n note
text "顧客の声: Zoë said «très bien» ✓"
wait_re "Note +顧客の声: Zoë said «très bien» ✓"
save_form note 1
wait_for "[N] 顧客の声: Zoë said «très bien» ✓"
# item N: the text of item #N in the export.
item() { cx_json ".items[] | select(.id == $1).text" export; }
expect_eq "$(item 1)" "顧客の声: Zoë said «très bien» ✓" \
	"the text is saved exactly as typed"

note "the person picker finds a decomposed name typed precomposed"
open_form s story
keys Tab Tab Tab
text "José" # precomposed é, as most keyboards type it
wait_for "Choose: Told by"
wait_re "Filter: +José"
expect_eq "$(screen_nfc | grep -c "José Núñez  Département Qualité, champion")" 1 \
	"the picker offers José Núñez for the filter 'José'"
keys Escape
wait_gone "Choose: Told by"
keys Escape
wait_form_closed

note "an escape sequence typed into a field"
open_form n note
text "Alert "
wait_re "Note +Alert"
text $'\e[31mred\e[0m text'
settle
keys Enter
wait_re "^Saved note #2\."
# The export writes a stored ESC or other control character as U+FFFD.
expect_eq "$(cx_json '[.items[].text | select(test("\u001b|\ufffd"))] | length' export)" 0 \
	"no item text contains ESC"
expect_eq "$(cx_json '[.items[].text | select(test("[\u0000-\u001f\u007f\ufffd]"))] | length' export)" 0 \
	"no item text contains a control character"
expect_match "$(item 2)" '^Alert ' "the text typed before the sequence is kept"
