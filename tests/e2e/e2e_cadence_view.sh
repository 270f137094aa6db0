#!/bin/bash
# e2e_cadence_view - from home, the cadence and participation view on a
# council with a few meetings: the summary figures (on time, streak, longest
# gap, how late the next meeting is), the silo watch, a hostile department
# name drawn harmlessly, +/- changing how many meetings are looked at, Tab
# between sections, q back home; and the view writes nothing.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

export CXMEET_NOW=2026-11-20T10:00:00Z
setup_council

note "five completed meetings and an abandoned one, weekly"
"$CXMEET" org set cadence weekly >/dev/null
# The past is written behind the program's back (no command records a past
# meeting), and so are the hostile department names (no command takes them).
sql "INSERT INTO meetings(id, status, started_at, ended_at, rating, next_meeting_on) VALUES
	(1, 'completed', '2026-10-05T10:00:00Z', '2026-10-05T11:00:00Z', 6, '2026-10-12'),
	(2, 'completed', '2026-10-12T10:00:00Z', '2026-10-12T11:00:00Z', 8, NULL),
	(3, 'abandoned', '2026-10-19T10:00:00Z', '2026-10-19T10:20:00Z', NULL, NULL),
	(4, 'completed', '2026-10-26T10:00:00Z', '2026-10-26T11:00:00Z', 9, NULL),
	(5, 'completed', '2026-11-02T10:00:00Z', '2026-11-02T11:00:00Z', 7, NULL),
	(6, 'completed', '2026-11-09T10:00:00Z', '2026-11-09T11:00:00Z', 3, NULL);"
# Sales at every meeting, IT only at the second, Finance at the fifth.
sql "INSERT INTO attendance(meeting_id, person_id, department_id, present)
	SELECT m.id, p.id, p.department_id, 1 FROM meetings m, people p
	WHERE (p.name = 'Zoë Ångström') OR (p.name = '王芳' AND m.id = 2)
	   OR (p.name = 'Ben Okafor' AND m.id = 5);"
sql "INSERT INTO meeting_steps(meeting_id, position, title, kind, planned_minutes, actual_seconds, done)
	SELECT id, 0, 'Customer story', 'story', 7, 600, 1 FROM meetings WHERE status = 'completed';"
sql "INSERT INTO departments(name, name_key, facing, created_at)
	VALUES ('Night' || char(27) || '[31mShift', 'nightshift', 'behind', '2026-01-01T00:00:00Z'),
	('Wareh' || replace(hex(zeroblob(150)), '00', 'o') || 'use', 'long', 'customer',
	 '2026-01-01T00:00:00Z');"
before=$(data_digest)

start_tui 80 24
wait_for "Cadence and participation (C)"
keys C
wait_for "Cadence and participation  (last 5 meetings)"
note "the summary: 10-05→10-12 on time, 10-12→10-26 late, then two on time, the open one late"
expect_screen "Cadence: weekly (grace 1 day)" "the cadence and its grace"
expect_screen "Next meeting was due 2026-11-16: 4 days late" "how late the next meeting is"
expect_screen "On time: 3 of the last 5 intervals (60%)" "the on-time share"
expect_screen "Streak: 0 on time in a row" "the streak ends with the late open interval"
expect_screen "Longest gap: 14 days (2026-10-12 to 2026-10-26)" "the longest gap"
expect_screen "● ○ ● ● ○" "the timeline marks, oldest first"
expect_screen "2026-10-05 to 2026-11-09" "the timeline's first and last meeting"

note "the departments: IT silent in the last three meetings, Finance not"
keys Tab
wait_re "^ Departments over the last 5 meetings"
expect_match "$(screen | grep -E '^ +IT ')" "1/5 .*SILO WATCH" \
	"IT, present once but not in the last three meetings, is on silo watch"
expect_match "$(screen | grep -E '^ +Finance ')" "1/5" "Finance attended once"
expect_no_screen "$(printf '\033')" "no raw escape on the screen"
expect_match "$(screen | grep -F 'Night�[31mShift')" "SILO WATCH" \
	"a hostile name is drawn with its control character made harmless"
expect_match "$(screen | grep -F 'Wareho')" "Warehoo+… +0/5 .*SILO WATCH" \
	"a very long name is cut with an ellipsis, the figures still in their columns"
expect_match "$(screen | grep -E '^ +Sales ')" "5/5" "Sales attended every meeting"
expect_match "$(screen | grep -E '^ +Sales ')" "[0-9]+ +[-0-9%]+ +[0-9]+ +[0-9]+ *$" \
	"Sales is not on silo watch"

note "fewer meetings with -, and the steps and meetings sections"
keys -
keys -
wait_for "(last 4 meetings)"
expect_screen "0/4" "the department table follows the window"
keys Tab
wait_re "^ Agenda steps over the last 4 meetings"
expect_match "$(screen | grep -F 'Customer story')" " 4 +7\.0 +10\.0 +4/4" \
	"the step's average against its plan, overrun every time"
keys Tab
wait_re "^ Meetings, newest first"
expect_screen "#6     2026-11-09" "the newest meeting first"
expect_no_screen "#3 " "the abandoned meeting is not listed"
keys + +
wait_for "(last 5 meetings)"
keys +
wait_for "All 5 meetings held are shown."
keys End
wait_for "#1     2026-10-05"
expect_screen "#1     2026-10-05" "+ brings the oldest meeting back, End shows it"

note "resize to the smallest size and back"
resize 60 18
wait_for "(last 5 meetings)"
resize 50 12
wait_for "Terminal too small"
resize 100 30
wait_for "(last 5 meetings)"

note "q goes back home; nothing was written"
keys q
wait_for "Cadence and participation (C)"
expect_eq "$(tui_running && echo running)" running "q in the view does not quit cxmeet"
after=$(data_digest)
expect_eq "$after" "$before" "the view changed nothing in the database"
keys q
wait_exit
