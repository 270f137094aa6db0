#!/bin/bash
# e2e_present - the presenter view (`cxmeet present`) beside the facilitator's
# screen, each in its own tmux server on one database: it says that no
# meeting is in progress and waits; a meeting started on the facilitator's
# screen appears in it, and every move and capture there within 2 seconds
# (its step's title, prompt and time left, the mission, the scorecard, the
# note and the action just captured, the new actions at the wrap-up). Its
# keys change nothing: the data is the same after them and the facilitator
# keeps the meeting. It fits 80x24, 200x50 and 300x80, and says so when
# too small. An ended meeting leaves its summary (with the members' rating
# as the minutes give it) until the next one starts. P on the facilitator's
# screen says how to start it. Its help lists only the keys that work there,
# and it follows the meeting under the help. --bell is said to be the
# facilitator's. On a server: a read that failed (a table locked too long) is
# said on the status line until the next read succeeds, not for ever.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

# start_present COLS ROWS: `cxmeet present` in a new private tmux server, as
# start_tui runs the interface.
start_present() {
	local term=screen
	infocmp tmux-256color >/dev/null 2>&1 && term=tmux-256color
	n_socks=$((n_socks + 1))
	SOCK="$tmp/sock$n_socks"
	local cmd
	cmd=$(printf 'exec env -u VISUAL -u EDITOR -u NO_COLOR TERM=%q TZ=%q LC_ALL=%q CXMEET_NOW=%q HOME=%q XDG_DATA_HOME=%q CXMEET_DB=%q %q present 2>>%q' \
		"$term" "$TZ" "$LC_ALL" "$CXMEET_NOW" "$HOME" "$XDG_DATA_HOME" "$CXMEET_DB" "$CXMEET" "$tmp/stderr.log")
	tmux -S "$SOCK" -f /dev/null new-session -d -x "$1" -y "$2" -c "$tmp" "$cmd"
}

# What the commands show of the data: everything exported (but the time of
# the export) and the meeting in progress, its steps' times included.
data_now() {
	{
		cx_json 'del(.exported_at)' export
		cx_json . show "$(cx_json '.meetings | map(.id) | max' export)"
	} | md5sum
}

# fits COLS: no line of the screen is wider than COLS columns.
fits() {
	local widest
	widest=$(screen | display_cols | awk '$1 > w { w = $1 } END { print w + 0 }')
	[ "$widest" -le "$1" ] || check_failed "a line of the presenter is $widest columns wide, on $1"
}

setup_council
cx measure add NPS --target 40 --every monthly --unit points >/dev/null
cx measure set NPS 37 >/dev/null

note "no terminal: refused before the database is opened"
rc=0
"$CXMEET" --db "$CXMEET_DB" present </dev/null >"$tmp/out" 2>&1 || rc=$?
expect_eq "$rc" 2 "present without a terminal exits 2"
expect_match "$(cat "$tmp/out")" "the presenter view needs a terminal" "and says why"
expect_no_match "$(cat "$tmp/out")" "bell" "no word of the bell without --bell"
rc=0
"$CXMEET" --db "$CXMEET_DB" --bell present </dev/null >"$tmp/out" 2>&1 || rc=$?
expect_eq "$rc" 2 "--bell present without a terminal exits 2 all the same"
expect_match "$(cat "$tmp/out")" "note: --bell rings on the facilitator's screen \(cxmeet tui\); the presenter view never rings" \
	"--bell: a note that the bell is the facilitator's"

note "no meeting in progress: the presenter says so and waits"
start_present 80 24
P=$SOCK
wait_for "No meeting in progress: the presenter view shows it as soon as one starts."
expect_screen "Presenter view" "the title says what the screen is"
expect_screen "Read-only" "the status line says it changes nothing"

note "the facilitator starts a meeting: the presenter follows within 2 s"
start_tui 100 30
F=$SOCK
start_meeting
SOCK=$P
wait_for "Step 1/10: Welcome & roll call" 2
expect_screen "Who is here, by department?" "the step's prompt"
expect_screen "3:00 left in this step · meeting ends 11:10 (planned 11:10)" \
	"the time left in the step, and when the meeting ends against the plan"
expect_screen "Captured in this step (0)" "what the step captured"
fits 80

note "P on the facilitator's screen says how to start the presenter"
SOCK=$F
keys P
wait_for "Presenter view: in another terminal run"
if [[ "$CXMEET_DB" =~ ^[A-Za-z0-9_@%+=:,./-]+$ ]] && [ ${#CXMEET_DB} -lt 60 ]; then
	expect_screen "cxmeet --db $CXMEET_DB present" "with this database's path"
fi

note "step changes and captures reach the presenter within 2 s"
go_step 2 "Mission moment"
SOCK=$P
wait_for "Step 2/10: Mission moment" 2
expect_screen "Every customer gets a clear answer." "the CX mission on the mission step"
expect_screen "2:00 left in this step · meeting ends 11:07 (planned 11:10, 3 min early)" \
	"the time left, the end moved by the step jumped over, early as the facilitator's screen says"
SOCK=$F
expect_screen "ends 11:07 (plan 11:10, 3 min early)" "the facilitator's status line says the same"
SOCK=$P
SOCK=$F
go_step 3 "Customer story"
SOCK=$P
wait_for "Step 3/10: Customer story" 2
SOCK=$F
open_form n note
text "Seen on the projector"
save_form note 1
SOCK=$P
wait_for "Seen on the projector" 2
expect_screen "Captured in this step (1)" "the capture is counted"
SOCK=$F
go_step 6 "Insights & metrics"
SOCK=$P
wait_for "Step 6/10: Insights & metrics" 2
expect_screen "Scorecard (1 measure)" "the scorecard on the insights step"
expect_match "$(screen)" "NPS +37 points +target ≥ 40 points +off track" "each measure on or off track"
SOCK=$F
go_step 9 "New actions"
open_form a action
text "Call back refund cases"
keys Tab Tab
pick Sal Sales
keys Tab
pick Zo "Zoë Ångström"
wait_re "Owner +Zoë Ångström"
save_form action 2
SOCK=$P
wait_for "Call back refund cases" 2
expect_screen "Action · owner Zoë Ångström · Sales · due 2026-12-23" "the action's owner, department and due"
SOCK=$F
go_step 0 "Wrap-up"
SOCK=$P
wait_for "Step 10/10: Wrap-up" 2
expect_screen "New actions of this meeting (1)" "the new actions on the wrap-up"
expect_screen "Owner Zoë Ångström · Sales · due 2026-12-23" "with owner, department and due"
expect_no_screen "Seen on the projector" "the note of another step is not among them"

note "the presenter's keys change nothing"
before=$(data_now)
keys d
wait_for "Read-only: the presenter view only shows the meeting"
wait_gone "Read-only: the presenter view only shows the meeting" 6 # gone by itself
keys d
wait_for "Read-only: the presenter view only shows the meeting"
expect_no_screen "New decision" "no form opens"
keys a Enter n T E 3 Left X
settle
expect_screen "Step 10/10: Wrap-up" "no key moves the meeting"
expect_eq "$(data_now)" "$before" "the data is the same after the presenter's keys"
SOCK=$F
go_step 9 "New actions"
open_form n note
text "Still held here"
save_form note 3
expect_no_screen "took over" "the facilitator still holds the meeting"
SOCK=$P
wait_for "Step 9/10: New actions" 2
wait_for "Still held here" 2

note "sizes: 200x50, 300x80, too small, and back to 80x24"
resize 200 50
wait_for "Step 9/10: New actions" 2
poll 2 on_screen "Call back refund cases" || check_failed "200x50 shows the items"
fits 200
expect_screen "left in this step" "200x50: the time left in large digits, what it is beside it"
expect_screen "meeting ends 10:50 (planned 11:10, 20 min early)" "200x50: and the end against the plan (the steps jumped over still ahead)"
expect_match "$(screen)" "█▀█ ▄ █▀█ █▀█" "200x50: 8:00 in large digits"
resize 300 80
settle
expect_screen "Still held here" "300x80 shows the items"
fits 300
resize 50 15
wait_for "Terminal too small: 50x15."
resize 80 24
wait_for "Step 9/10: New actions"
fits 80

note "the facilitator leaves the meeting: its clock stands until it is resumed"
SOCK=$F
keys q
wait_for "Leave the meeting?"
keys y
wait_for "The meeting is still in progress: Enter resumes it."
SOCK=$P
wait_for "(paused)" 3
wait_for "nobody runs the meeting now, its clock stands" 6 # once the message of a key has gone
expect_screen "Step 9/10: New actions" "the step stays on screen"
SOCK=$F
keys Enter
wait_for "Resumed at step 9."
SOCK=$P
wait_gone "(paused)" 3
expect_screen "Read-only: follows the facilitator's screen" "followed again once resumed"

note "the meeting ends: its summary stays until the next one starts"
SOCK=$F
go_step 1 "Welcome & roll call"
keys A
wait_for "3 of 3 present"
keys E
wait_for "Go to the wrap-up to end the meeting?"
keys y
wait_for "Step 10/10: Wrap-up"
keys r
for r in "Ben Okafor:9" "王芳:6" "Zoë Ångström:8"; do
	wait_for "${r%%:*} rates the meeting from 1 to 10 (empty: skip)"
	text "${r#*:}"
	keys Enter
done
wait_for "Rating: 7.7 (6–9, 3 ratings) · Enter:"
keys E
wait_for "End the meeting now?"
keys y
wait_for "Write the minutes to"
keys Escape
wait_for "Meeting ended."
SOCK=$P
wait_for "The meeting ended at 10:00." 2
expect_screen "Captured: 1 action, 2 notes" "what the meeting captured"
expect_screen "Rating: 7.7 (6–9, 3 ratings)." "the members' average and spread, as in the minutes"
expect_no_screen "/10" "not the rounded average"
expect_match "$("$CXMEET" show "$(cx_json '.meetings | map(.id) | max' export)")" \
	"\\*\\*Rating:\\*\\* 7\\.7 \\(6–9, 3 ratings\\)" "the minutes say the same"
expect_screen "New actions (1)" "and its new actions"
SOCK=$F
start_meeting
SOCK=$P
wait_for "Step 1/10: Welcome & roll call" 2
expect_eq "$(cx_json '.meetings | map(.status) | join(",")' export)" "completed,in_progress" \
	"the first meeting ended, the second runs"

note "? lists the presenter's keys, only those that work; it follows the meeting under the help"
keys '?'
wait_for "cxmeet help: keys in the presenter view"
expect_screen "q, Ctrl-C, Esc" "the keys that quit"
expect_screen "Quit the presenter view (the meeting goes on)" \
	"the help says what q does here"
expect_screen "Ctrl-L" "the key that redraws"
expect_screen "Show this help" "and ? itself"
expect_no_screen "Moving" "no moving keys: nothing moves here"
expect_no_screen "PgUp" "no page keys"
expect_no_screen "Home" "no Home"
expect_no_screen "Click" "no click"
expect_no_screen "letters filter" "no filter"
SOCK=$F
go_step 2 "Mission moment"
SOCK=$P
settle # the help stays, the presenter reads the meeting under it
keys x
expect_screen "Step 2/10: Mission moment" "back from the help the step is the one the facilitator moved to, at once"
SOCK=$F
keys '?'
wait_for "Say how to start the presenter view of this meeting, for a shared screen"
keys x
wait_gone "cxmeet help"
SOCK=$P

note "q quits the presenter; the meeting goes on"
keys q
wait_exit
SOCK=$F
expect_screen "Step 2/10: Mission moment" "the facilitator's screen goes on"

# A read that fails clears on the next good one: on a server a table locked
# by another session makes the presenter's read wait, then fail.
if [ -n "${CXMEET_TEST_SERVER:-}" ]; then
	note "server: a failed read is said until the next read succeeds"
	SOCK=$F
	end_meeting
	start_present 80 24
	P=$SOCK
	wait_for "No meeting in progress"
	expect_no_screen "Cannot read the database" "no failure yet"
	mkfifo "$tmp/pglock"
	psql -q -X "$CXMEET_DB" <"$tmp/pglock" >/dev/null 2>&1 &
	pglocker=$!
	exec 8>"$tmp/pglock"
	echo "BEGIN; LOCK TABLE meetings IN ACCESS EXCLUSIVE MODE;" >&8
	echo "NOTIFY cxmeet_changed;" | psql -q -X "$CXMEET_DB" >/dev/null # a change to read again
	wait_for "Cannot read the database: trying again" 10
	echo "ROLLBACK;" >&8
	exec 8>&-
	wait "$pglocker" || true
	wait_gone "Cannot read the database" 8
	expect_screen "Read-only: waiting for a meeting" "the status line is back to what it says"
	expect_screen "No meeting in progress" "and the screen waits for a meeting"
	keys q
	wait_exit
fi
