#!/bin/bash
# e2e_zwj_names - a name with an emoji joined by U+200D ("Ana 👩‍💻 Ruiz"), a
# flag and a skin tone: one cluster each, two columns, never split; the column
# after the name starts where it starts on the rows with plain names, and
# every row ends in the same column, at 100x30 and 80x24.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

ana=$'Ana \U1F469\u200d\U1F4BB Ruiz'
leo=$'Leo \U1F1EB\U1F1F7 \U1F44D\U1F3FD Diaz'

# rollcall_ends: the distinct end columns of the roll call's rows (one expected).
rollcall_ends() { screen | grep -E '\[[ x]\] ' | display_cols | awk '{print $2}' | sort -u | tr '\n' ' '; }
# dept_starts: the distinct display columns where "Support" starts (the
# department column is right-aligned: on the rows of Support, one column).
dept_starts() {
	screen | grep -E '\[[ x]\] ' | python3 -c '
import sys, re, unicodedata
def cols(s):
    n = 0
    for c in s:
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
            continue
        n += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return n
for line in sys.stdin.read().split("\n"):
    m = re.search(r"Support · ", line)
    if m:
        print(cols(line[:m.start()]))
' | sort -u | tr '\n' ' '
}

setup_council
"$CXMEET" dept add "Support" >/dev/null
"$CXMEET" person add "$ana" --dept Support --role member >/dev/null
"$CXMEET" person add "$leo" --dept Support --role member >/dev/null
"$CXMEET" person add "Sam Lee" --dept Support --role member >/dev/null
expect_eq "$(cx_json '.people | length' export)" 6 "six people"
expect_eq "$(cx_json '.people[] | select(.name | startswith("Ana")) | .name' export)" "$ana" \
	"the name is stored with its joiner"

start_tui 100 30
start_meeting
wait_for "Roll call: 0 of 6 present"

note "roll call columns at 100x30"
expect_eq "$(screen | grep -cE '\[[ x]\] ')" 6 "six roll-call rows"
expect_screen "Ruiz" "Ana's row is shown"
expect_screen "Diaz" "Leo's row is shown"
# The program draws the first emoji of a joined sequence, in the two columns
# it counts: a terminal that would draw the parts side by side (as tmux does)
# or as one glyph shows the same columns after it.
expect_eq "$(screen | grep -oE '\[ \] Ana [^ ]+ Ruiz')" $'[ ] Ana \U1F469 Ruiz' \
	"Ana's row shows the first emoji of the sequence, the laptop left out"
expect_eq "$(screen | grep -oE '\[ \] Leo [^ ]+ [^ ]+ Diaz')" $'[ ] Leo \U1F1EB\U1F1F7 \U1F44D Diaz' \
	"Leo's row shows the flag and the hand, the skin tone left out"
expect_eq "$(dept_starts)" "$(screen | grep -E '\[[ x]\] Sam Lee' | python3 -c '
import sys, re
l = sys.stdin.read(); print(re.search(r"Support · ", l).start())') " \
	"Support starts in the same column on the rows of Ana, Leo and Sam"
expect_eq "$(rollcall_ends)" "99 " "every roll-call row ends in the same column (99)"

note "roll call columns at 80x24"
keys j # clears the message off the status line
wait_gone "Meeting started (step 1)."
resize 80 24
wait_re "^ Step 3:00 left .*\(plan 11:10\)  [?]:help"
expect_eq "$(rollcall_ends)" "79 " "at 80x24 every roll-call row ends in column 79"
expect_eq "$(echo "$(dept_starts)" | wc -w)" 1 "at 80x24 the department column starts in one column"

note "the CLI prints the name whole"
expect_eq "$("$CXMEET" person list | grep -c "$ana")" 1 "person list shows the name with its joiner"
