#!/bin/bash
# e2e_full_meeting - a whole council meeting at 100x30: roll call, a customer
# story, an action, a parked topic settled by a decision, a win, an insight, a
# note deleted again, a message, a rating, the end and the minutes file.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

note "without a terminal the full-screen interface refuses to start"
rc=0
"$CXMEET" tui </dev/null >"$tmp/out" 2>"$tmp/err" || rc=$?
expect_eq "$rc" 2 "cxmeet tui without a terminal exits 2"
expect_eq "$(cat "$tmp/err")" \
	"cxmeet: the full-screen interface needs a terminal; try 'cxmeet status'" \
	"cxmeet tui without a terminal says why"

setup_council
start_tui 100 30

note "home screen"
wait_for "Start a meeting"
expect_eq "$(screen_line 1 | sed 's/ *$//')" " Northwind Outfitters  CX council" "home title bar"
expect_screen "Every customer gets a clear answer." "home shows the mission"
expect_screen "Cadence: monthly" "home shows the cadence"
expect_screen "Open actions: 0, of which 0 overdue." "home counts open actions"
expect_screen "Help: keys" "home menu offers help"
expect_screen "Quit" "home menu offers quit"

note "roll call"
start_meeting
expect_eq "$(screen_line 1 | sed 's/ *$//')" \
	" Northwind Outfitters  CX council 2026-11-23  Step 1/10: Welcome & roll call" "runner top bar"
expect_eq "$(screen | sed -n '2,12p' | cut -c1-28 | sed 's/ *$//')" "Agenda
> 1 Welcome & roll call
  2 Mission moment
  3 Customer story
  4 Action review
  5 Initiatives
  6 Insights & metrics
  7 Priorities & decisions
  8 Wins & hidden heroes
  9 New actions
 10 Wrap-up" "agenda sidebar lists the ten steps, the first current"
wait_for "Roll call: 0 of 3 present  (Space toggles, + adds a guest)"
expect_eq "$(screen | grep -oE '\[ \] [^ ]+( [^ ]+)?' | tr '\n' ';')" \
	"[ ] Ben Okafor;[ ] 王芳;[ ] Zoë Ångström;" "roll call ordered by department, then name"
keys j # moves to 王芳, and clears the start message off the status line
wait_re "^ Step 3:00 left .*· Meeting 1:10:00 left"
keys Space
wait_for "Roll call: 1 of 3 present"
wait_for "王芳 is present."
keys j Space
wait_for "Roll call: 2 of 3 present"
wait_for "Zoë Ångström is present."
expect_screen "[x] 王芳" "王芳 is marked present"
expect_screen "[x] Zoë Ångström" "Zoë is marked present"
expect_screen "[ ] Ben Okafor" "Ben is not marked present"
expect_eq "$(screen | sed -n '/Not represented:/,$p' | sed '$d' | sed 's/^[^│]*│ //' | tr -s ' \n' '  ')" \
	"Not represented: Customer Service, Facilities, Finance, HR, Marketing, Operations, Product, Supply Chain " \
	"departments without anybody present are listed, IT and Sales no longer"
expect_eq "$(cx_json '[.attendance[].people[]] | length' show 1)" 2 \
	"attendance has two people present"
expect_eq "$(cx_json '[.attendance[].people[].name] | sort | join(";")' show 1)" \
	"Zoë Ångström;王芳" "attendance names the two people marked present"

note "customer story"
go_step 3 "Customer story"
wait_for "Nothing yet. Press c to capture a story"
open_form s story
text "Parcel lost twice, refund took 3 weeks"
keys Tab
text "She called five times before anyone owned it."
keys Tab
pick Sal Sales
wait_re "Department +Sales"
keys Tab
pick Zo "Zoë Ångström"
wait_re "Told by +Zoë Ångström"
keys Tab Space
wait_for "[x] yes, the customer agreed to be named"
save_form story 1
wait_for "Captured in this step (1)"
expect_screen "[S] Parcel lost twice, refund took 3 weeks" "the story is listed in its step"
expect_screen "Sales · Zoë Ångström" "the story row names department and teller"

note "new action"
go_step 9 "New actions"
open_form a action
text "Call back refund cases"
keys Tab Tab
pick Sal Sales
keys Tab
pick Zo "Zoë Ångström"
wait_re "Owner +Zoë Ångström"
keys Tab
wait_re "Due +2026-12-23" # prefilled with the next meeting (monthly cadence)
keys C-u
text "+2w"
wait_re "Due +\+2w"
save_form action 2
expect_screen "[A] Call back refund cases" "the action is listed"
expect_screen "Sales · Zoë Ångström · due 2026-12-07" "the action row shows owner and due date"

note "a parked topic settled by a decision"
go_step 7 "Priorities & decisions"
wait_for "No parked topics. Press p to park one."
open_form p "parked topic"
text "Self-service refunds under 50 EUR"
save_form "parked topic" 3
wait_for "Parked topics (1)"
keys Enter # on the topic: a decision that settles it
wait_for "New decision"
wait_for "Settles topic  [x] Self-service refunds under 50 EUR"
text "Agents refund up to 50 EUR on the spot"
keys Tab Tab
pick Fin Finance
keys Tab
pick 王 王芳
wait_re "Decided by +王芳"
keys Tab
text "Waiting costs more than the refund"
save_form decision 4
wait_for "Parked topics (0)"
wait_for "Decided in this meeting (1)"
expect_screen "[D] Agents refund up to 50 EUR on the spot" "the decision is listed"

note "a win for a team behind the scenes"
go_step 8 "Wins & hidden heroes"
open_form w win
text "Duplicate invoices fixed overnight"
keys Tab Tab
pick Fin Finance
wait_re "Credited to +Finance"
keys Tab
pick Ben "Ben Okafor"
wait_re "Hero +Ben Okafor"
save_form win 5
wait_for "Wins in this meeting (1)"
expect_screen "[W] Duplicate invoices fixed overnight" "the win is listed"
expect_screen "Finance (behind the scenes) · Ben Okafor" \
	"the win row shows the department, marked behind the scenes, and the hero"
expect_screen "Behind the scenes, no win yet: Facilities, HR, IT, Operations," \
	"teams behind the scenes without a win are named, Finance no longer"

note "an insight, and a note deleted again"
go_step 6 "Insights & metrics"
open_form i insight
text "Refund complaints doubled in October"
save_form insight 6
open_form n note
text "Typo, ignore this"
save_form note 7
wait_for "Captured in this step (2)"
keys j X
wait_for "Delete this note? It stays in the history as deleted."
keys y
wait_for "Deleted #7."
wait_for "Captured in this step (1)"
expect_no_screen "Typo, ignore this" "the deleted note is no longer listed"
expect_eq "$(cx_json '[.items[] | select(.id == 7)] | length' export)" 0 "the deleted note is not exported"
# A deleted item is kept, marked, with its event: no command shows deleted items.
expect_eq "$(sql "SELECT deleted_at IS NOT NULL FROM items WHERE id = 7")" 1 "the note is soft-deleted"
expect_eq "$(sql "SELECT count(*) FROM item_events WHERE item_id = 7 AND event = 'deleted'")" 1 \
	"the deletion is in the item history"

note "wrap-up: a message, a rating, the end"
go_step 0 "Wrap-up"
wait_for "Next meeting: 2026-12-23 · Rating: not given"
open_form m "message to another team"
text "Tell Marketing about the 50 EUR rule"
keys Tab Tab
pick Mark Marketing
wait_re "To department +Marketing"
save_form "message to another team" 8
wait_for "Who else needs to know? Messages (1)"
expect_screen "[M] Tell Marketing about the 50 EUR rule" "the message is listed"
expect_eq "$(screen | sed -n '/Captured:/{N;p}' | sed 's/^[^│]*│ //' | tr -s ' \n' '  ')" \
	"Captured: 1 decision, 1 action, 1 win, 1 story, 1 insight, 0 notes, 1 parked topic, 1 message " \
	"wrap-up counts what was captured, the deleted note not"
keys Enter
wait_for "End the meeting and write minutes"
keys Down Enter
wait_for "Rate this meeting from 1 to 10"
text 11
keys Enter
wait_for "A rating is a whole number from 1 to 10."
keys C-u
text 8
keys Enter
wait_for "Rating: 8/10"
keys E
wait_for "End the meeting now? Not done: 2 Mission moment, 4 Action review, 5 Initiatives. Next"
expect_screen " rating given." "the end question says the rating was given"
keys y
wait_for "Write the minutes to (empty: do not write)"
wait_for "cx-council-2026-11-23.md"
keys Enter
wait_for "Meeting ended. Minutes written to cx-council-2026-11-23.md"
wait_for "Start a meeting"
expect_screen "Last meeting: 2026-11-23, completed, rated 8/10." "home shows the last meeting"
expect_screen "Open actions: 1, of which 0 overdue." "home counts the new action"
expect_screen "Next meeting due 2026-12-23, in 30 days." "home shows the next meeting"
keys q
wait_exit

note "the database"
# item FILTER: what FILTER makes of each item of meeting 1, by number.
item() { cx_json "[.items[][]] | sort_by(.id) | .[] | $1" show 1; }
expect_eq "$(cx_json '.meeting | "\(.status)|\(.rating)|\(.next_meeting_on)|\(.ended_at != null)"' show 1)" \
	"completed|8|2026-12-23|true" "the meeting is completed, rated 8"
expect_eq "$(item '"\(.kind)|\(.text)|\(.department // "")|\(.person // "")|\(.due_on // "")|\(.status)"')" \
	"story|Parcel lost twice, refund took 3 weeks|Sales|Zoë Ångström||open
action|Call back refund cases|Sales|Zoë Ångström|2026-12-07|open
parked|Self-service refunds under 50 EUR||||closed
decision|Agents refund up to 50 EUR on the spot|Finance|王芳||open
win|Duplicate invoices fixed overnight|Finance|Ben Okafor||open
insight|Refund complaints doubled in October||||open
message|Tell Marketing about the 50 EUR rule|Marketing|||open" \
	"every item with its department, person, due date and status"
# The step an item was captured at: no command shows it.
expect_eq "$(sql "SELECT s.title FROM items i JOIN meeting_steps s ON s.id = i.step_id
	WHERE i.deleted_at IS NULL ORDER BY i.id")" \
	"Customer story
New actions
Priorities & decisions
Priorities & decisions
Wins & hidden heroes
Insights & metrics
Wrap-up" "every item keeps the step it was captured at"
expect_eq "$(item 'select(.id == 1) | "\(.detail)|\(.consent)"')" \
	"She called five times before anyone owned it.|true" "the story keeps its detail and consent"
expect_eq "$(item 'select(.id == 4).rationale')" \
	"Waiting costs more than the refund" "the decision keeps its rationale"
expect_eq "$(cx_json '.[] | select(.id == 4).links' decisions)" 1 "the decision is linked to one item"
# Which item a link joins, and how, and the raw event rows: no command shows
# them (decisions counts the links).
expect_eq "$(sql "SELECT from_item, to_item, kind FROM item_links")" "4|3|settles" \
	"the decision settles the parked topic"
expect_eq "$(sql "SELECT count(*) FROM item_events WHERE item_id = 3 AND event = 'closed'")" 1 \
	"closing the topic is in its history"
expect_eq "$(sql "PRAGMA integrity_check")" ok "the database is intact" # the SQLite file itself

note "the minutes"
minutes="$tmp/cx-council-2026-11-23.md"
[ -f "$minutes" ] || die "no minutes file $minutes"
expect_eq "$(stat -c %a "$minutes")" 600 "the minutes are readable by the owner only"
for want in "Parcel lost twice, refund took 3 weeks" "She called five times before anyone owned it." \
	"Call back refund cases" "owner Zoë Ångström" "due 2026-12-07" \
	"Agents refund up to 50 EUR on the spot" "Waiting costs more than the refund" \
	"Duplicate invoices fixed overnight" "hero Ben Okafor" "Refund complaints doubled in October" \
	"Tell Marketing about the 50 EUR rule" "8/10" "**IT:** 王芳 (sponsor)" \
	"**Sales:** Zoë Ångström (lead)"; do
	if grep -qF -- "$want" "$minutes"; then echo "ok - minutes contain '$want'"; else
		check_failed "the minutes do not contain '$want'"
	fi
done
if grep -qF "Typo, ignore this" "$minutes"; then
	check_failed "the minutes contain the deleted note"
	cat "$minutes" >&2
fi
