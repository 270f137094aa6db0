#!/bin/bash
# e2e_cadence_overrun - the overrun per agenda step across the meetings the
# cadence report looks at: how many times each step ran over its plan, by
# how much on average when it did, and which step usually runs over (in
# more than half the times it was held); in `cxmeet cadence` (JSON and plain)
# and in the cadence view at 80x24 and 200x50, following its window (-).
# An abandoned meeting does not count; nothing is written.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

export CXMEET_NOW=2026-11-01T10:00:00Z
setup_council
"$CXMEET" org set cadence weekly >/dev/null

note "four completed weekly meetings and an abandoned one"
# The past is written behind the program's back: no command records a past
# meeting or the time its steps took.
sql "INSERT INTO meetings(id, status, started_at, ended_at, rating, next_meeting_on) VALUES
	(1, 'completed', '2026-10-05T10:00:00Z', '2026-10-05T11:00:00Z', 7, NULL),
	(2, 'completed', '2026-10-12T10:00:00Z', '2026-10-12T11:00:00Z', 7, NULL),
	(3, 'abandoned', '2026-10-15T10:00:00Z', '2026-10-15T10:40:00Z', NULL, NULL),
	(4, 'completed', '2026-10-19T10:00:00Z', '2026-10-19T11:00:00Z', 8, NULL),
	(5, 'completed', '2026-10-26T10:00:00Z', '2026-10-26T11:00:00Z', 6, NULL);"
# Customer story (7 min): 10:00, 9:00, 7:00, 8:00 (the abandoned one 40:00):
# over three times of four, by 3, 2 and 1 minutes: 2.0 on average.
# Wins (7 min): 7:30, 7:00, 6:40, skipped in the last: over once, by 0.5.
# Wrap-up (5 min): 5:00 each: never over.
sql "INSERT INTO meeting_steps(meeting_id, position, title, kind, planned_minutes, actual_seconds, done, skipped) VALUES
	(1, 0, 'Customer story', 'story', 7, 600, 1, 0), (1, 1, 'Wins', 'wins', 7, 450, 1, 0),
	(1, 2, 'Wrap-up', 'wrap-up', 5, 300, 1, 0),
	(2, 0, 'Customer story', 'story', 7, 540, 1, 0), (2, 1, 'Wins', 'wins', 7, 420, 1, 0),
	(2, 2, 'Wrap-up', 'wrap-up', 5, 300, 1, 0),
	(3, 0, 'Customer story', 'story', 7, 2400, 1, 0),
	(4, 0, 'Customer story', 'story', 7, 420, 1, 0), (4, 1, 'Wins', 'wins', 7, 400, 1, 0),
	(4, 2, 'Wrap-up', 'wrap-up', 5, 300, 1, 0),
	(5, 0, 'Customer story', 'story', 7, 480, 1, 0), (5, 1, 'Wins', 'wins', 7, 0, 0, 1),
	(5, 2, 'Wrap-up', 'wrap-up', 5, 300, 1, 0);"
before=$(data_digest)

steps='.steps[] | "\(.step)|\(.held)|\(.overran)|\(.overrun_min)|\(.usually_over)"'
expect_eq "$(cx_json "$steps" cadence)" "Customer story|4|3|2|true
Wins|3|1|0.5|false
Wrap-up|4|0|null|false" "JSON: each step's overruns, their average, and the step that usually runs over"
expect_eq "$(cx_json "$steps" cadence --meetings 3)" "Customer story|3|2|1.5|true
Wins|2|0|null|false
Wrap-up|3|0|null|false" "JSON over the last three meetings"
plain=$(cx cadence --table steps)
expect_match "$(printf '%s\n' "$plain" | head -1)" "overran +overrun_min +usually_over$" \
	"plain: the columns of the overrun"
expect_match "$(printf '%s\n' "$plain" | grep '^Customer story')" " 3 +2\.0 +yes$" \
	"plain: the story overran three times, by 2.0 minutes on average"
expect_match "$(printf '%s\n' "$plain" | grep '^Wrap-up')" " 0 +no$" \
	"plain: the wrap-up never overran, no average"

note "the cadence view at 80x24"
start_tui 80 24
wait_for "Cadence and participation (C)"
keys C
wait_for "Cadence and participation  (last 4 meetings)"
keys Tab Tab
wait_re "^ Agenda steps over the last 4 meetings"
expect_match "$(screen | grep -E '^ +Step ')" "Held +Planned +Actual +Overran +AvgOver$" \
	"the steps' heading names the average overrun"
expect_match "$(screen | grep -F 'Customer story')" " 4 +7\.0 +8\.5 +3/4 +\+2\.0  USUALLY OVER$" \
	"the story: over three times of four, by two minutes on average, usually over"
expect_match "$(attrs_before '  USUALLY OVER')" "(^|,)31(,|$)" "a step that usually runs over is in the warning colour"
expect_match "$(screen | grep -F ' Wins ')" " 3 +7\.0 +7\.1 +1/3 +\+0\.5 *$" \
	"the wins: over once, by half a minute, not usually"
expect_match "$(screen | grep -F 'Wrap-up')" " 4 +5\.0 +5\.0 +0/4 +- *$" "the wrap-up: never over"
expect_eq "$(screen | display_cols | awk '$1 > 80' | wc -l)" 0 "no line is wider than 80"

note "over the last three meetings (-)"
keys - - -
wait_for "(last 3 meetings)"
expect_match "$(screen | grep -F 'Customer story')" " 3 +7\.0 +8\.0 +2/3 +\+1\.5  USUALLY OVER$" \
	"the story over the last three: twice of three, by 1.5 minutes"
expect_match "$(screen | grep -F ' Wins ')" " 2 +7\.0 +6\.8 +0/2 +- *$" "the wins: never over in the last three"

note "at 200x50 the step's name column grows, the figures in their columns"
resize 200 50
wait_re "^ +Step {100,}Held +Planned +Actual +Overran +AvgOver$"
expect_match "$(screen | grep -F 'Customer story')" "^   Customer story {100,}3 +7\.0 +8\.0 +2/3 +\+1\.5  USUALLY OVER$" \
	"the story's row at 200 columns"

note "nothing was written"
keys q
wait_for "Cadence and participation (C)"
keys q
wait_exit
expect_eq "$(data_digest)" "$before" "the report changed nothing in the database"
