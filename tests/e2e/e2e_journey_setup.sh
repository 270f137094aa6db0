#!/bin/bash
# e2e_journey_setup - the promise of the council set-up, end to end at 80x24:
# from an empty database (no `cxmeet init`), in the TUI alone, a new user walks
# through the first run (name, mission, success statement, cadence, the
# default departments kept, renamed, removed and one made behind the scenes,
# three council members), writes two charter answers, edits the standard
# agenda (a step renamed and given other minutes, a step moved, a step added),
# and then runs a meeting on an adjusted copy of it (a step skipped, a guest
# topic, other minutes) to the end, with a decision, an action and a rating.
# The database is checked after each phase, and the template's steps are the
# same after the meeting as before it.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

# template_dump: every agenda template, as `cxmeet agenda export` writes it.
template_dump() {
	local name
	cx_json '.[].name' agenda list | while IFS= read -r name; do cx agenda export "$name"; done
}
# template_steps NAME: the steps of template NAME, one a line: position (from
# 0), title, kind and minutes.
template_steps() { agenda_steps "$1" | cut -d '|' -f 1-4; }
# versions: every version of the texts kept so far, FIELD=TEXT joined by '|'.
versions() { text_versions | paste -sd '|'; }
# org FILTER: what FILTER makes of the organisation in the export.
org() { cx_json ".organisation | $1" export; }

[ ! -e "$CXMEET_DB" ] || die "the database exists before the first start"
start_tui 80 24

note "phase 1: the first run"
wait_for "setting up your CX council  (step 1 of 6)"
wait_for "Your organisation"
text 'Lakeside "Bikes", Ltd'
keys Enter
wait_for "Your CX mission"
wait_for "Saved: Organisation."
text 'Every rider gets a fix, "fast"'
keys Enter
wait_for "Your CX success statement"
wait_for "Saved: CX mission."
text "Repeat customers up 10%, measured quarterly"
keys Enter
wait_for "Your cadence"
expect_screen "monthly  (current)" "monthly is the current cadence"
keys Enter
wait_for "Your departments"
wait_for "Saved: the council meets monthly."
expect_eq "$(org '"\(.name)|\(.mission)|\(.success)|\(.cadence)"')" \
	'Lakeside "Bikes", Ltd|Every rider gets a fix, "fast"|Repeat customers up 10%, measured quarterly|monthly' \
	"the name, the mission, the success statement and the cadence are saved"
expect_eq "$(versions)" \
	'name=Lakeside "Bikes", Ltd|mission=Every rider gets a fix, "fast"|success=Repeat customers up 10%, measured quarterly' \
	"one version of each text"

note "the departments: one renamed, one removed, one made behind the scenes"
wait_re "^    Customer Service +customer-facing"
keys Home r
wait_for "Rename the department"
keys C-u
text 'Customer Care, "Support"'
keys Enter
wait_for 'Renamed to Customer Care, "Support".'
wait_for 'Customer Care, "Support"'
keys j X
wait_for "Remove Facilities? (it is archived: its history stays)"
keys y
wait_for "Removed Facilities."
poll 5 off_screen_re "^    Facilities" || die "Facilities is still listed"
note "Product is the 6th row now"
keys Home j j j j j j Space
wait_for "Product: behind the scenes."
wait_re "^    Product +behind the scenes"
expect_eq "$(cx_json '.departments | sort_by(.name) | map("\(.name):\(if .customer_facing then "customer" else "behind" end):\(if .archived then 1 else 0 end)") | join("|")' export)" \
	'Customer Care, "Support":customer:0|Facilities:behind:1|Finance:behind:0|HR:behind:0|IT:behind:0|Marketing:customer:0|Operations:behind:0|Product:behind:0|Sales:customer:0|Supply Chain:behind:0' \
	"the departments: renamed, removed (archived), Product behind the scenes"
keys Enter
wait_for "Your first council members"
wait_for "Nobody yet"

note "three council members: a sponsor, a lead, a champion"
# add_member NAME DEPT-FILTER DEPT ROLE-FILTER ROLE
add_member() {
	keys a
	wait_for "New council member: name"
	text "$1"
	keys Enter
	wait_for "Department of ${1%% *}"
	text "$2"
	wait_re "Filter: +$2"
	wait_for "$3"
	keys Enter
	wait_for "Role of ${1%% *}"
	text "$4"
	wait_re "Filter: +$4"
	keys Enter
	wait_for "Added $1 ($5)."
}
add_member "Ines Duarte" Fin Finance spo sponsor
add_member "Omar O'Neil" Cust 'Customer Care, "Support"' lea lead
add_member "Kai Brandt" Prod Product cha champion
expect_eq "$(cx_json '.people | sort_by(.id) | map("\(.name):\(.department):\(.role)") | join("|")' export)" \
	"Ines Duarte:Finance:sponsor|Omar O'Neil:Customer Care, \"Support\":lead|Kai Brandt:Product:champion" \
	"the members with their departments and roles"
keys Enter
wait_for "Set-up done."
wait_for "Start a meeting"
# The first run's progress: no command shows it.
expect_eq "$(sql "SELECT setup_step FROM organisation")" 7 "the set-up is done"

note "phase 2: two charter answers in the council view"
keys c
wait_for "Roster check"
keys Down Down Enter
wait_re "─ Vision ─"
text 'The bike shop people "recommend", first'
keys Enter
wait_for "Saved: Vision."
keys Down Enter
wait_re "─ Goals and objectives ─"
text "Answer every repair question within 1 day, by June"
keys Enter
wait_for "Saved: Goals and objectives."
expect_screen 'The bike shop people "recommend", first' "the vision is shown"
expect_screen "Answer every repair question within 1 day, by June" "the goals are shown"
expect_eq "$(org '"\(.vision)|\(.goals)"')" \
	'The bike shop people "recommend", first|Answer every repair question within 1 day, by June' \
	"the two charter answers are stored"
expect_eq "$(versions)" \
	'name=Lakeside "Bikes", Ltd|mission=Every rider gets a fix, "fast"|success=Repeat customers up 10%, measured quarterly|vision=The bike shop people "recommend", first|goals=Answer every repair question within 1 day, by June' \
	"each answer is one more version"
keys q
wait_for "Start a meeting"

note "phase 3: the agenda template edited"
keys t
wait_for "Enter steps  n new copy"
keys Enter
wait_for " Agenda: Standard council meeting (default)  10 steps, 70 min"
keys j e
wait_re "─ Step title ─"
keys C-u
text 'Mission, "why" we ride'
keys Enter
wait_re "─ Planned minutes"
keys C-u
text 4
keys Enter
wait_re "─ Kind of step ─"
keys Enter
wait_for "Saved: step changed."
keys j j K
wait_for "Saved: step moved up."
keys j j a
wait_re "─ New step: its title ─"
text "Supplier delays"
keys Enter
wait_re "─ Planned minutes"
keys C-u
text 6
keys Enter
wait_re "─ Kind of step ─"
keys Enter
wait_for "Saved: step added."
wait_for " Agenda: Standard council meeting (default)  11 steps, 78 min"
expect_screen '  2. Mission, "why" we ride' "the renamed step shows"
expect_screen "  6. Supplier delays" "the new step shows after the cursor"
edited='0|Welcome & roll call|roll-call|3
1|Mission, "why" we ride|mission|4
2|Action review|action-review|10
3|Customer story|story|7
4|Initiatives|initiatives|5
5|Supplier delays|topic|6
6|Insights & metrics|insights|8
7|Priorities & decisions|priorities|15
8|Wins & hidden heroes|wins|7
9|New actions|new-actions|8
10|Wrap-up|wrap-up|5'
expect_eq "$(template_steps "Standard council meeting")" "$edited" "the template's steps as edited"
keys q
wait_for "Enter steps  n new copy"
note "a copy, so that a meeting has two templates to choose from"
keys n
wait_re "─ New agenda, a copy of Standard council meeting: its name ─"
text "Quarterly review"
keys Enter
wait_for "Saved: agenda Quarterly review added."
expect_eq "$(cx_json '.[].steps' agenda list)" "$(printf '11\n11')" "the copy has as many steps"
expect_eq "$(template_steps "Quarterly review")" "$edited" "the copy has the edited steps"
keys q
wait_for "Start a meeting"
before=$(template_dump)

note "phase 4: a meeting on an adjusted copy of the template"
keys Home Enter
wait_re "─ Which agenda\? ─"
expect_screen "Standard council meeting  11 steps, 78 min, default" "the edited template is offered"
expect_screen "Quarterly review  11 steps, 78 min" "so is the copy"
text stand
wait_re "Filter: +stand"
wait_gone "Quarterly review  11 steps"
keys Enter
wait_for " This meeting's agenda (from Standard council meeting)  11 steps, 78 min"
keys j j j s
wait_for "Skipping Customer story (this meeting only)."
expect_screen "  4. (skipped) Customer story" "the skipped step is marked"
keys G a
wait_re "─ Guest topic: its title ─"
text 'Guest: "Velo" dealer, 3 asks'
keys Enter
wait_re "─ Planned minutes \(1 to 240\) ─"
keys C-u
text 12
keys Enter
wait_for "Guest topic added (this meeting only)."
expect_screen ' 11. Guest: "Velo" dealer, 3 asks' "the guest topic goes before the wrap-up"
keys g j j j j j j e
wait_re "─ Planned minutes for this meeting"
keys C-u
text 5
keys Enter
wait_gone "Planned minutes for this meeting"
wait_for " This meeting's agenda (from Standard council meeting)  12 steps, 80 min"
expect_eq "$(cx_json length history)" 0 "nothing written before the start"
keys Enter
wait_for "Step 1/12: Welcome & roll call"
wait_for "Meeting started (step 1)."
expect_eq "$(cx_json '.agenda | map("\(.position - 1):\(.title):\(.planned_minutes):\(if .skipped then 1 else 0 end):\(.kind)") | join("|")' show)" \
	'0:Welcome & roll call:3:0:roll-call|1:Mission, "why" we ride:4:0:mission|2:Action review:10:0:action-review|3:Customer story:7:1:story|4:Initiatives:5:0:initiatives|5:Supplier delays:6:0:topic|6:Insights & metrics:5:0:insights|7:Priorities & decisions:15:0:priorities|8:Wins & hidden heroes:7:0:wins|9:New actions:8:0:new-actions|10:Guest: "Velo" dealer, 3 asks:12:0:topic|11:Wrap-up:5:0:wrap-up' \
	"the meeting's steps: the skipped step, the guest topic, the changed minutes"
expect_eq "$(template_dump)" "$before" "starting the meeting leaves the templates alone"
# The template a meeting was started from: no command shows it.
expect_eq "$(sql "SELECT t.name FROM meetings m JOIN agenda_templates t ON t.id = m.template_id")" \
	"Standard council meeting" "the meeting is on the template picked"

note "the roll call: the lead and the sponsor are present"
wait_re "Roll call: 0 of 3 present"
keys Space
wait_for "Omar O'Neil is present."
keys j Space
wait_for "Ines Duarte is present."
wait_re "Roll call: 2 of 3 present"
expect_eq "$(cx_json '[.attendance[].people[].name] | sort | join("|")' show)" \
	"Ines Duarte|Omar O'Neil" "two members present"

note "through the steps: the skipped one is passed over"
keys l
wait_for "Step 2/12: Mission, \"why\" we ride"
keys l
wait_for "Step 3/12: Action review"
keys l
wait_for "Step 5/12: Initiatives"
keys l
wait_for "Step 6/12: Supplier delays"
keys l
wait_for "Step 7/12: Insights & metrics"
keys l
wait_for "Step 8/12: Priorities & decisions"
open_form d decision
text 'Loan bikes for repairs over 3 days, "free"'
keys Tab Tab
pick Cus 'Customer Care, "Support"'
keys Tab
pick Ine "Ines Duarte"
wait_re "Decided by +Ines Duarte"
keys Tab
text "Waiting riders buy elsewhere"
save_form decision
wait_for "Decided in this meeting (1)"
keys l
wait_for "Step 9/12: Wins & hidden heroes"
keys l
wait_for "Step 10/12: New actions"
open_form a action
text 'Stock the "top 20" spare parts, weekly'
keys Tab Tab
pick Prod Product
keys Tab
pick Kai "Kai Brandt"
wait_re "Owner +Kai Brandt"
keys Tab
wait_re "Due +2026-12-23" # prefilled with the next meeting (monthly cadence)
keys C-u
text "2026-12-15"
save_form action
wait_for "[A] Stock the \"top 20\" spare"
expect_screen "Product · Kai Brandt · due 2026-12-15" "the action shows its owner, department and date"
expect_eq "$(cx_json '[.items[][]] | sort_by(.id) | map("\(.kind):\(.text):\(.department // ""):\(.person // ""):\(.due_on // "")") | join("|")' show)" \
	'decision:Loan bikes for repairs over 3 days, "free":Customer Care, "Support":Ines Duarte:|action:Stock the "top 20" spare parts, weekly:Product:Kai Brandt:2026-12-15' \
	"the decision and the action, with department, person and due date"
# The step an item was captured at: no command shows it.
expect_eq "$(sql "SELECT group_concat(s.title, '|') FROM (SELECT * FROM items ORDER BY id) i
	JOIN meeting_steps s ON s.id = i.step_id WHERE i.deleted_at IS NULL")" \
	'Priorities & decisions|New actions' "each item keeps the step it was captured at"
expect_eq "$(cx_json '.items.decision[].rationale' show)" "Waiting riders buy elsewhere" \
	"the decision keeps its rationale"

note "the guest topic, then the wrap-up: a rating, the end"
keys l
wait_for "Step 11/12: Guest: \"Velo\" dealer," # cut at 80 columns
expect_screen "Step 12:00 left" "the guest topic has its minutes"
keys l
wait_for "Step 12/12: Wrap-up"
wait_for "Rating: not given"
keys Enter
wait_for "End the meeting and write minutes"
keys Down Enter
wait_for "Rate this meeting from 1 to 10"
text 9
keys Enter
wait_for "Rating: 9/10"
keys E
wait_for "End the meeting now?"
keys y
wait_for "Write the minutes to (empty: do not write)"
keys C-u Enter
wait_for "Meeting ended."
wait_for "Start a meeting"
expect_screen "Last meeting: 2026-11-23, completed, rated 9/10." "home shows the meeting done"
keys q
wait_exit

note "the database after the meeting"
expect_eq "$(cx_json '.meeting | "\(.status)|\(.rating)|\(.ended_at != null)"' show)" \
	"completed|9|true" "the meeting is completed and rated"
expect_eq "$(cx_json '[.agenda[] | select(.skipped)] | length' show)" 1 "one step was skipped"
expect_eq "$(template_dump)" "$before" "the templates' steps are exactly as before the meeting"
expect_eq "$(cx_json length agenda list)" 2 "both templates remain"
expect_eq "$(sql "PRAGMA integrity_check")" ok "the database is intact" # the SQLite file itself
