#!/bin/bash
# e2e_history_view - between meetings: from home, H opens the history of past
# meetings (newest first, as the database has them); Enter opens a meeting's
# minutes, which scroll; / searches every item, the matching word is
# highlighted, filters by department and kind narrow the results, and Enter
# jumps to the item's meeting. Browsing writes nothing. Then the same at
# 80x24, and a resize down to 60x18 and back.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
"$CXMEET" demo --years 1 >/dev/null
newest=$(cx_json 'map(.id) | max' history)
# An item with quotes, a comma and an accent, captured in the second newest
# meeting, as a hand edit would write it, behind the program's back (the FTS
# index follows by trigger).
second=$((newest - 1))
sales=$(cx_json '.departments[] | select(.name == "Sales").id' export)
sql "INSERT INTO items(kind, text, department_id, meeting_id, created_at, updated_at)
     VALUES ('decision', 'Ship the \"Zébra\" refund, now', $sales, $second,
             '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z')"
# And one with an escape sequence, bytes that are not UTF-8 and a long tail.
sql "INSERT INTO items(kind, text, meeting_id, created_at, updated_at)
     VALUES ('note', 'Hostile ' || char(27) || '[2J cleared? ' || CAST(X'FFFE' AS TEXT) ||
             ' ' || replace(hex(zeroblob(150)), '0', 'long '), $newest,
             '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z')"
# And one recorded outside any meeting (all three written behind the
# program's back: no command adds an item).
sql "INSERT INTO items(kind, text, status, due_on, created_at, updated_at)
     VALUES ('action', 'Zanzibar follow-up', 'open', '2026-12-01',
             '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z')"
outside=$(cx_json '.items | map(.id) | max' export)
before=$(data_digest)
meetings=$(cx_json length history)
first_date=$(cx_json 'max_by(.started_at).held_on' history)

start_tui 100 30
wait_for "History and search (h)"

note "h opens the history, newest first"
keys h
wait_for " History: $meetings meetings, newest first"
expect_match "$(screen_line 4)" "^  $first_date " "the first row is the newest meeting"
expect_screen "Departments present" "the departments column at 100 columns"
expect_screen "/ search all items" "the status line offers search"

note "Enter on the second row opens that meeting's minutes, which scroll"
keys Down Enter
wait_for " History: minutes of meeting $second"
wait_for "## Attendance"
wait_re "rows 1-26 of [0-9]+"
keys PageDown
wait_re "rows 26-51 of"
keys End
wait_re "rows [0-9]+-([0-9]+) of \\1"
keys Home
wait_re "rows 1-26 of"
keys q
wait_for " History: $meetings meetings, newest first"

note "/ searches every item; the match is highlighted"
keys /
wait_re "─ Search every meeting's items ─"
text "zébra"
keys Enter
wait_for ' Search "zébra": 1 match'
wait_for 'Ship the "Zébra" refund, now'
expect_screen "Sales" "the department of the match"
if tmx capture-pane -p -e | grep -qP '\e\[([0-9]*;)*4(;[0-9]*)*mZébra'; then
	echo "ok - the matching word is underlined"
else
	check_failed "the matching word is not highlighted"
fi
if tmx capture-pane -p -e | grep -qP '\e\[([0-9]*;)*4(;[0-9]*)*mShip'; then
	check_failed "words that do not match are highlighted too"
fi

note "filters: department, kind, clear"
keys f
wait_for "Only items of department"
text "Sal"
wait_re "Filter: +Sal"
keys Enter
wait_for ' Search "zébra": 1 match  dept: Sales'
keys t
wait_for "Only items of kind"
text "win"
wait_re "Filter: +win"
keys Enter
wait_for ' Search "zébra": 0 matches  dept: Sales  kind: win'
wait_for "Nothing matches"
keys x
wait_for ' Search "zébra": 1 match'
wait_gone "dept: Sales"

note "hostile text is shown harmless; a search with no word is refused"
keys /
wait_re "─ Search every meeting's items ─"
keys C-u
text "hostile"
keys Enter
wait_for ' Search "hostile": 1 match'
wait_for "Hostile �[2J cleared? �� long long"
expect_match "$(screen | grep -F '  note ' | head -1)" " long…$" \
	"a result too long for its row ends in an ellipsis after a whole word"
expect_screen "Kind     Date       Department" "the screen was not cleared by the stored escape sequence"
keys /
wait_re "─ Search every meeting's items ─"
keys C-u
text '"*:-'
keys Enter
wait_for "nothing to search for"
expect_screen ' Search "hostile": 1 match' "the previous search stays"
keys /
wait_re "─ Search every meeting's items ─"
keys C-u
text "zébra"
keys Enter
wait_for ' Search "zébra": 1 match'

note "an item from outside any meeting says so, and has no meeting to open"
keys /
wait_re "─ Search every meeting's items ─"
keys C-u
text "zanzibar"
keys Enter
wait_for ' Search "zanzibar": 1 match'
wait_for "#$outside action, outside a meeting: Zanzibar follow-up"
keys Enter
wait_for "was not captured in a meeting"
keys /
wait_re "─ Search every meeting's items ─"
keys C-u
text "zébra"
keys Enter
wait_for ' Search "zébra": 1 match'

note "Enter jumps to the item's meeting, at the item"
keys Enter
wait_for " History: minutes of meeting $second"
wait_for 'Ship the "Zébra" refund, now'
keys q
wait_for ' Search "zébra": 1 match'
keys q
wait_for " History: $meetings meetings, newest first"
keys q
wait_for "Start a meeting"
expect_eq "$(data_digest)" "$before" "browsing the history wrote nothing"

note "80x24: the same list, fewer columns of departments; resizing does not crash"
keys q
wait_exit
start_tui 80 24
wait_for "History and search (h)"
keys h
wait_for " History: $meetings meetings, newest first"
expect_match "$(screen_line 4)" "^  $first_date " "80x24: the newest meeting first"
expect_screen "Up/Down move  Enter minutes" "80x24: the status line on screen"
# The departments present wrap at spaces: the second row starts under the
# first's text with a word, and rejoined, every name but a last one cut by the
# ellipsis is a whole department's name. Checked on the eight newest meetings.
dept_names=$(cx_json '.departments[].name' export)
cut_names() {
	local row head row2 present
	row=$(screen_line 22)
	head="${row%%departments present: *}departments present: "
	row2=$(screen_line 23)
	present="${row#"$head"} ${row2:${#head}}"
	present=${present% }
	echo "${present%,…}" | sed 's/…$//; s/, /\n/g' | sed '$d' | while read -r name; do
		printf '%s\n' "$dept_names" | grep -Fx -- "$name" >/dev/null ||
			echo "$name"
	done
}
bad=
for n in 1 2 3 4 5 6 7 8; do
	wait_for "Meeting $((newest + 1 - n)), departments present"
	bad+=$(cut_names)
	keys Down
done
keys Home
wait_for "Meeting $newest, departments present"
expect_eq "$bad" "" "80x24: no department's name is cut between the two rows"
keys Enter
wait_for " History: minutes of meeting $newest"
resize 60 18
wait_for " History: minutes of meeting $newest"
resize 100 30
wait_re "rows 1-26 of"
keys q q
wait_for "Start a meeting"
keys q
wait_exit
