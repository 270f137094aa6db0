#!/bin/bash
# e2e_meeting_adjust - starting a meeting: pick a template (the default
# preselected), then adjust this meeting's own agenda (skip a step, add a
# guest topic, change minutes, move a step) and start. The runner follows
# the adjusted copy (a jump to the skipped step refused), meeting_steps holds
# it, and the template is unchanged.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

# template_rows: the default template's steps, POSITION:TITLE:MINUTES joined by '|'.
template_rows() {
	agenda_steps "$(cx_json '.[] | select(.default).name' agenda list)" | cut -d '|' -f 1,2,4 |
		tr '|' ':' | paste -sd '|'
}
# all_templates: every template, as `cxmeet agenda export` writes it.
all_templates() {
	local name
	cx_json '.[].name' agenda list | while IFS= read -r name; do cx agenda export "$name"; done
}
# current_step: the step the meeting in progress is at, from 0 (no command shows it).
current_step() { sql "SELECT current_step FROM meetings"; }

setup_council
"$CXMEET" agenda copy "Standard council meeting" "Quarterly review" >/dev/null
before=$(template_rows)
before_all=$(all_templates)

start_tui 100 30
wait_for "Start a meeting"

note "Esc on this meeting's agenda starts nothing"
keys Enter
wait_re "─ Which agenda\? ─"
expect_screen "Standard council meeting  10 steps, 70 min, default" "the default is offered first"
keys Enter
wait_for " This meeting's agenda (from Standard council meeting)  10 steps, 70 min"
keys Escape
wait_for "No meeting started."
expect_eq "$(cx_json length history)" 0 "Esc started nothing"

note "adjust: skip the story, a guest topic before the wrap-up, minutes, a move"
keys Enter
wait_re "─ Which agenda\? ─"
keys Enter
wait_for " This meeting's agenda (from Standard council meeting)"
keys j j s
wait_for "Skipping Customer story (this meeting only)."
expect_screen "  3. (skipped) Customer story" "the skipped step is marked"
keys G s
wait_for "The wrap-up ends the meeting: it cannot be skipped."
keys a
wait_re "─ Guest topic: its title ─"
text 'Billing, "refunds" & ü'
keys Enter
wait_re "─ Planned minutes \(1 to 240\) ─"
keys C-u
text 999
keys Enter
wait_for "Planned minutes are a whole number from 1 to 240."
keys C-u
text 12
keys Enter
wait_for "Guest topic added (this meeting only)."
expect_screen ' 10. Billing, "refunds" & ü' "the guest topic goes before the wrap-up"
keys g e
wait_re "─ Planned minutes for this meeting"
keys C-u
text 6
keys Enter
wait_gone "Planned minutes for this meeting"
keys j J
wait_for " This meeting's agenda (from Standard council meeting)  11 steps, 78 min"
expect_eq "$(cx_json length history)" 0 "nothing written before the start"

note "Enter starts the meeting on the adjusted agenda"
keys Enter
wait_for "Step 1/11: Welcome & roll call"
expect_screen "- 2 Customer story" "the sidebar shows the skipped step (moved up by the move), marked"
expect_screen " 10 Billing, \"refunds\" & ü" "the sidebar shows the guest topic"
expect_screen " 11 Wrap-up" "with 11 steps the numbers are right-aligned, the titles in one column"
expect_eq "$(cx_json '.agenda | map("\(.position - 1):\(.title):\(.planned_minutes):\(if .skipped then 1 else 0 end):\(.kind)") | join("|")' show)" \
	'0:Welcome & roll call:6:0:roll-call|1:Customer story:7:1:story|2:Mission moment:2:0:mission|3:Action review:10:0:action-review|4:Initiatives:5:0:initiatives|5:Insights & metrics:8:0:insights|6:Priorities & decisions:15:0:priorities|7:Wins & hidden heroes:7:0:wins|8:New actions:8:0:new-actions|9:Billing, "refunds" & ü:12:0:topic|10:Wrap-up:5:0:wrap-up' \
	"the meeting holds the adjusted copy"

note "the runner passes over the skipped step"
keys l
wait_for "Step 3/11: Mission moment"
expect_screen "Meeting 1:18:00 left" "the planned total leaves the skipped step out"
keys h
wait_for "Step 1/11: Welcome & roll call"
keys l l
wait_for "Step 4/11: Action review"
expect_eq "$(current_step)" 3 "the meeting is at step 4"

note "a jump to the skipped step is refused: it stays skipped, not done"
keys 2
wait_for "Step 2 was skipped for this meeting."
expect_screen "Step 4/11: Action review" "still at step 4"
expect_eq "$(current_step)|$(cx_json '.agenda[1] | [.skipped, .done] | map(if . then 1 else 0 end) | join("")' show)" \
	"3|10" "the meeting stays at step 4, the story skipped and not done"

note "the templates are unchanged"
expect_eq "$(template_rows)" "$before" "the default template's steps"
expect_eq "$(all_templates)" "$before_all" "every template's steps"
keys q
wait_for "Leave the meeting?"
keys y
wait_for "Resume the meeting in progress"
keys q
wait_exit
