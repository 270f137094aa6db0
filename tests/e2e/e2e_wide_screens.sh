#!/bin/bash
# e2e_wide_screens - at 200x50 no line is cut by a buffer narrower than the
# screen: the cadence view's column headings reach their last column, the
# decision log's title shows the whole search, the actions view names a long
# department filter in full.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

export CXMEET_NOW=2026-11-20T10:00:00Z
setup_council
long_dept="Customer Experience Operations and Returns Logistics Department of the Northern Region"
long_dept="$long_dept, Warehouses and Stores"
"$CXMEET" dept add "$long_dept" >/dev/null
"$CXMEET" person add "Ana Long" --dept "$long_dept" >/dev/null
# Past meetings, written behind the program's back (no command records one).
sql "INSERT INTO meetings(id, status, started_at, ended_at, rating) VALUES
	(1, 'completed', '2026-11-02T10:00:00Z', '2026-11-02T11:00:00Z', 7),
	(2, 'completed', '2026-11-09T10:00:00Z', '2026-11-09T11:00:00Z', 8);
     INSERT INTO meeting_steps(meeting_id, position, title, kind, planned_minutes, actual_seconds, done)
	SELECT id, 0, 'Customer story', 'story', 7, 600, 1 FROM meetings;
     INSERT INTO items(kind, text, department_id, created_at, updated_at) VALUES
	('decision', 'Refund lost parcels within ten days, courier claims and store returns alike',
	 (SELECT id FROM departments WHERE name = 'Sales'), '2026-11-02T10:10:00Z', '2026-11-02T10:10:00Z');
     INSERT INTO items(kind, text, department_id, person_id, due_on, status, created_at, updated_at)
	VALUES ('action', 'Count the returns', (SELECT department_id FROM people WHERE name = 'Ana Long'),
	 (SELECT id FROM people WHERE name = 'Ana Long'), '2026-12-01', 'open',
	 '2026-11-02T10:10:00Z', '2026-11-02T10:10:00Z');"

start_tui 200 50
wait_for "Cadence and participation (C)"

note "the cadence view's headings"
keys C
wait_for "Cadence and participation  (last 2 meetings)"
expect_match "$(screen | grep -E '^ +Department ')" "Attended +Acts +OnTime +Overdue +Wins$" \
	"the departments' heading ends with its last column"
expect_match "$(screen | grep -E '^ +Step ')" "Held +Planned +Actual +Overran +AvgOver$" \
	"the steps' heading ends with its last column"
keys q
wait_for "Start a meeting"

note "the decision log's title shows the whole search"
words="refund lost parcels within ten days courier claims and store returns alike"
keys d
wait_for "Decision log  1 decision"
keys /
wait_for "Find decisions holding the words (empty: all)"
text "$words"
keys Enter
wait_for "find: \"$words\""
keys q
wait_for "Start a meeting"

note "the actions view names the department filter in full"
keys a
wait_for "Actions: 1 open"
keys d
wait_for "Only the actions of department"
text "Customer Experience"
wait_re "Filter: +Customer Experience"
keys Enter
wait_for "Department: $long_dept   Owner: any"
keys q
wait_for "Start a meeting"

