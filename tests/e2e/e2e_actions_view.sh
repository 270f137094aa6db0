#!/bin/bash
# e2e_actions_view - the actions view between meetings: opened from home with
# its key, overdue first with days late, the meeting it came from and the
# escalation mark; the state, department and owner filters; an action marked
# done and another given a new date outside any meeting (events with no
# meeting), its history shown; q back home; and the view at 80x24.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
note "actions from a meeting on 2026-10-05 (one carried three times), one from outside, and"
note "a dropped one with hostile text written behind the store's back"
# (the whole past written with sql: no command records a past meeting or its events)
sql "INSERT INTO meetings(id, status, started_at, ended_at)
       VALUES (1, 'completed', '2026-10-05T10:00:00Z', '2026-10-05T11:00:00Z');
     INSERT INTO items(id, kind, text, department_id, person_id, due_on, status, meeting_id,
                       created_at, updated_at) VALUES
       (1, 'action', 'Call the Hansen family back',
        (SELECT id FROM departments WHERE name = 'Finance'),
        (SELECT id FROM people WHERE name = 'Ben Okafor'), '2026-10-31', 'open', 1,
        '2026-10-05T10:30:00Z', '2026-10-05T10:30:00Z'),
       (2, 'action', 'Fix the \"returns\" form, then ship',
        (SELECT id FROM departments WHERE name = 'Sales'),
        (SELECT id FROM people WHERE name = 'Zoë Ångström'), '2026-11-27', 'open', 1,
        '2026-10-05T10:31:00Z', '2026-10-05T10:31:00Z'),
       (4, 'action', 'Ring ' || char(27) || '[2J' || char(10) || 'then ' || CAST(X'FF' AS TEXT)
          || '; \"quoted\", long',
        NULL, NULL, '2026-10-20', 'dropped', NULL,
        '2026-10-06T09:00:00Z', '2026-10-06T09:00:00Z'),
       (3, 'action', 'Print the flyers',
        (SELECT id FROM departments WHERE name = 'IT'),
        (SELECT id FROM people WHERE name = '王芳'), '2026-12-10', 'open', NULL,
        '2026-10-06T09:00:00Z', '2026-10-06T09:00:00Z');
     INSERT INTO item_events(item_id, event, at, meeting_id) VALUES
       (1, 'created', '2026-10-05T10:30:00Z', 1), (2, 'created', '2026-10-05T10:31:00Z', 1),
       (3, 'created', '2026-10-06T09:00:00Z', NULL),
       (1, 'carried', '2026-10-12T10:00:00Z', 1), (1, 'carried', '2026-10-19T10:00:00Z', 1),
       (1, 'carried', '2026-10-26T10:00:00Z', 1);"

start_tui 100 30
wait_for "Actions: who owes what (a)"
keys a
wait_for "Actions: 3 open, 1 overdue"
expect_screen "Showing: open   Department: any   Owner: any" "no filter at first"
expect_match "$(screen_line 4)" "2026-10-31 +23d +0 +3 ESC Ben Okafor +Finance +2026-10-05 Call the Hansen" \
	"overdue first: 23 days late over a month end, carried 3 times, escalated, its meeting"
expect_match "$(screen_line 5)" "2026-11-27 .*Zoë Ångström +Sales +2026-10-05 Fix the \"returns\" form," \
	"then by due date"
expect_match "$(screen_line 6)" "2026-12-10 .*王芳 +IT +- +Print the flyers" "outside a meeting: no date"

note "the state filter cycles"
keys f
wait_for "Actions: 1 overdue"
expect_no_screen "Print the flyers" "only the overdue one"
keys f
wait_for "Actions: 1 due this week"
expect_screen "Fix the \"returns\" form" "due 2026-11-27, within six days"
keys f
wait_for "Actions: 0 done"
expect_screen "No actions match the filters." "nothing done yet"
keys f
wait_for "Actions: 1 dropped"
expect_screen "Ring �[2J then �; \"quote" "control characters and a bad byte shown as U+FFFD, never sent"
keys f f
wait_for "Actions: 3 open, 1 overdue"

note "resized: to the smallest size, too small, and back"
before=$(screen)
resize 60 18
wait_for "Actions: 3 open, 1 overdue"
expect_match "$(screen_line 4)" "2026-10-31 +23d +0 +3 ESC Ben Okafor +Call the" "60x18 draws"
resize 40 10
wait_for "Terminal too small"
resize 100 30
wait_re "Department +Meeting"
expect_eq "$(screen)" "$before" "the same screen after the resizes"

note "department filter, then cleared"
keys d
wait_for "Only the actions of department"
text Sales
wait_re "Filter: +Sales"
keys Enter
wait_for "Department: Sales"
wait_for "Actions: 1 open, 0 overdue"
expect_no_screen "Call the Hansen" "other departments left out"
keys d
wait_for "Any department."
wait_for "Actions: 3 open, 1 overdue"

note "owner filter, and the action marked done outside a meeting"
keys o
wait_for "Only the actions owned by"
text Ben
wait_re "Filter: +Ben"
keys Enter
wait_for "Owner: Ben Okafor"
wait_for "Actions: 1 open, 1 overdue"
keys Enter
wait_for "New due date"
text Done
keys Enter
wait_for "Action #1 marked done."
wait_for "Actions: 0 open, 0 overdue"
# action N FILTER: what FILTER makes of action #N in `cxmeet actions --state all`.
action() { cx_json ".[] | select(.id == $1) | $2" actions --state all; }
expect_eq "$(action 1 .status)" "done" "the action is done"
# The raw event rows (which meeting an event is tied to): no command lists them.
expect_eq "$(sql "SELECT count(*) FROM item_events WHERE item_id = 1 AND event = 'done'
                  AND meeting_id IS NULL")" 1 "one done event, tied to no meeting"
keys o
wait_for "Any owner."
wait_for "Actions: 2 open, 0 overdue"

note "a new due date: a slip, recorded outside a meeting"
expect_match "$(screen_line 4)" "2026-11-27 .*Zoë Ångström" "the cursor is on the Sales action"
keys Enter
wait_for "New due date"
text "New due"
keys Enter
wait_for "New due date (counted as a slip if later)"
keys C-u
text 2026-12-04
keys Enter
wait_for "Action #2 is now due 2026-12-04."
expect_eq "$(action 2 '"\(.due_on) \(.slips)"')" "2026-12-04 1" "the date moved, one slip"
expect_eq "$(sql "SELECT old_value || ' ' || new_value || ' ' || coalesce(meeting_id, 'none')
                  FROM item_events WHERE item_id = 2 AND event = 'due_moved'")" \
	"2026-11-27 2026-12-04 none" "a due_moved event with no meeting"
expect_match "$(screen_line 4)" "2026-12-04 +1 +0 +Zoë Ångström" "one slip shown"

note "its history"
keys v
wait_for "History of action #2"
expect_screen "created  (meeting #1)" "created in meeting 1"
expect_screen "due date moved  2026-11-27 -> 2026-12-04  (outside a meeting)" "the slip, in words"
keys Escape
wait_gone "History of action #2"

note "a new owner"
keys Enter
wait_for "New owner"
text "New owner"
keys Enter
wait_for "+ Add a new person..."
text "王"
wait_re "Filter: +王"
keys Enter
wait_for "Action #2 is now owned by 王芳."
expect_eq "$(action 2 .owner)" "王芳" "the new owner is saved"
expect_match "$(screen_line 4)" "2026-12-04 +1 +0 +王芳" "the new owner shown"
expect_eq "$(sql "SELECT coalesce(old_value, '') || ' -> ' || new_value || ' ' || coalesce(meeting_id, 'none')
                  FROM item_events WHERE item_id = 2 AND event = 'reassigned'")" \
	"Zoë Ångström -> 王芳 none" "a reassigned event with no meeting"

note "the state filter shows the done one, which can be reopened; q goes home"
keys f f f
wait_for "Actions: 1 done"
expect_screen "Call the Hansen family back" "the done action"
keys Enter
wait_for "Reopen"
expect_no_screen "New due date" "a done action offers only to reopen it"
keys Enter
wait_for "Action #1 reopened."
wait_for "Actions: 0 done"
expect_eq "$(action 1 .status)" "open" "open again"
expect_eq "$(sql "SELECT count(*) FROM item_events WHERE item_id = 1 AND event = 'reopened'
                  AND meeting_id IS NULL")" 1 "a reopened event with no meeting"
keys q
wait_for "Start a meeting"

note "at 80x24, with a text longer than the row"
# (test data lengthened behind the program's back, as another program might)
sql "UPDATE items SET text = text || ' and tell every team about it' WHERE id = 2"
resize 80 24
keys a
wait_for "Actions: 3 open, 1 overdue"
expect_match "$(screen_line 5)" "2026-12-04 .*王芳 +Fix the" "narrow: no department column"
expect_match "$(screen_line 5)" "Fix the \"returns\" form, then .*…$" \
	"text too long for the row ends in an ellipsis"
keys j
expect_screen "#2 open, from the meeting of 2026-10-05, Sales" "details of the selected action"
keys q
wait_for "Start a meeting"
keys q
wait_exit
