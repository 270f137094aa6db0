#!/bin/bash
# e2e_agenda_reorder - the agenda template editor, opened from home: a step
# moved down and back up, a step added (bad minutes refused inline, nothing
# saved), edited and given a prompt, with hostile text; a title kept when a
# later dialog of the edit is cancelled; then the list: a copy
# (a clashing name refused), a new default, the old one archived. The
# database is checked after each change.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

# steps: the standard template's steps, POSITION|TITLE|KIND|MINUTES|PROMPT.
steps() { agenda_steps "Standard council meeting"; }
# positions: its step titles in order, joined by '|'.
positions() { steps | cut -d '|' -f 2 | paste -sd '|'; }
# step N: its step at position N (from 0).
step() { steps | sed -n "$(($1 + 1))p"; }
standard='Welcome & roll call|Mission moment|Customer story|Action review|Initiatives|Insights & metrics|Priorities & decisions|Wins & hidden heroes|New actions|Wrap-up'

setup_council
start_tui 80 24
wait_for "Agenda templates (t)"

note "t opens the list of templates, Enter a template's steps"
keys t
wait_for "Enter steps  n new copy"
expect_screen "* Standard council meeting (default)" "the default is marked"
keys Enter
wait_for " Agenda: Standard council meeting (default)  10 steps, 70 min"
expect_eq "$(screen_line 3 | sed 's/ *$//')" \
	"  2. Mission moment                                       mission         2 min" "step 2 row"

note "J moves the step under the cursor down, saved at once"
keys j J
wait_for "Saved: step moved down."
expect_eq "$(screen_line 3 | cut -c1-20 | sed 's/ *$//')" "  2. Customer story" "step 2 is now the story"
expect_eq "$(screen_line 4 | cut -c1-20 | sed 's/ *$//')" "  3. Mission moment" "step 3 is the mission"
expect_eq "$(positions)" 'Welcome & roll call|Customer story|Mission moment|Action review|Initiatives|Insights & metrics|Priorities & decisions|Wins & hidden heroes|New actions|Wrap-up' \
	"positions after the move"
expect_eq "$(cx_json '.[].steps' agenda list)-$(positions | tr '|' '\n' | sort -u | wc -l)" \
	"10-10" "still ten steps, none lost or doubled"

note "K moves it back"
keys K
wait_for "Saved: step moved up."
expect_eq "$(positions)" "$standard" "back to the standard order"

note "a step with bad minutes is refused inline, nothing saved"
keys a
wait_re "─ New step: its title ─"
keys Enter
wait_for "the step title is empty"
text $'Guest "Q&A", ü \e[31mred'
keys Enter
wait_re "─ Planned minutes \(1 to 240\) ─"
keys C-u
text 999
keys Enter
wait_for "Planned minutes are a whole number from 1 to 240."
keys C-u
text 0
keys Enter
wait_for "Planned minutes are a whole number from 1 to 240."
keys Escape
wait_gone "Planned minutes"
expect_eq "$(positions)" "$standard" "nothing saved after a cancel"

note "a good step is added after the cursor"
keys a
wait_re "─ New step: its title ─"
text 'Guest "Q&A", ü, with a comma'
keys Enter
wait_re "─ Planned minutes"
keys C-u
text 12
keys Enter
wait_re "─ Kind of step ─"
keys Enter
wait_for "Saved: step added."
wait_for " Agenda: Standard council meeting (default)  11 steps, 82 min"
expect_eq "$(steps | grep -F '|Guest' | cut -d '|' -f 1-4)" \
	'2|Guest "Q&A", ü, with a comma|topic|12' "the new step is saved after step 2"
expect_screen '  3. Guest "Q&A", ü, with a comma' "the new step shows as step 3"

note "e edits a step: title, minutes, kind; p its prompt"
keys e
wait_re "─ Step title ─"
keys C-u
text "Guest slot"
keys Enter
wait_re "─ Planned minutes"
keys C-u
text 20
keys Enter
wait_re "─ Kind of step ─"
text insi
keys Enter
wait_for "Saved: step changed."
keys p
wait_re "─ Facilitator prompt"
text 'Ask: "what, exactly", did they say? ü'
keys Enter
wait_for "Saved: prompt changed."
expect_screen 'Ask: "what, exactly", did they say? ü' "the prompt shows under the steps"
expect_eq "$(step 2)" \
	'2|Guest slot|insights|20|Ask: "what, exactly", did they say? ü' "the edited step"

note "a title typed, then Esc on the minutes: the title is saved, the rest kept"
keys e
wait_re "─ Step title ─"
keys C-u
text "Guest corner"
keys Enter
wait_re "─ Planned minutes"
keys Escape
wait_for "Saved: step changed."
expect_eq "$(step 2 | cut -d '|' -f 1-4)" \
	'2|Guest corner|insights|20' "the new title kept, minutes and kind as they were"
keys e
wait_re "─ Step title ─"
keys C-u
text "Guest slot"
keys Enter
wait_re "─ Planned minutes"
keys Enter
wait_re "─ Kind of step ─"
keys Escape
wait_for "Saved: step changed."
expect_eq "$(step 2 | cut -d '|' -f 1-3)" \
	'2|Guest slot|insights' "Esc on the kind keeps it"

note "the editor survives a small and a large terminal"
resize 60 18
wait_for " Agenda: Standard council meeting (default)"
resize 100 30
wait_for " Agenda: Standard council meeting (default)  11 steps, 90 min"

edited=$(steps)

note "q goes back to the list: copy, make default, archive"
keys q
wait_for "Enter steps  n new copy"
expect_screen "11       90" "the list shows the new totals"
resize 60 18
keys n
wait_for "─ New agenda, a copy of Standard council meeting: i… ─" # a cut title ends in "…"
keys Escape
wait_gone "New agenda, a copy"
resize 100 30
keys n
wait_re "─ New agenda, a copy of Standard council meeting: its name ─"
text "standard COUNCIL meeting"
keys Enter
wait_for "Taken: another agenda has this name (case is ignored)."
expect_screen "standard COUNCIL meeting" "what was typed stays in the dialog"
keys C-u
text "Quarterly review"
keys Enter
wait_for "Saved: agenda Quarterly review added."
keys X
wait_for "Archive the agenda Quarterly review?"
keys n
keys d
wait_for "Saved: Quarterly review is the default agenda."
expect_screen "* Quarterly review (default)" "the new default is marked"
keys j X
wait_for "Archive the agenda Standard council meeting?"
keys y
wait_for "Saved: agenda archived."
wait_gone "Standard council meeting"
expect_eq "$(cx_json '.[] | "\(.name)|\(.default)|\(.steps)"' agenda list)" \
	"Quarterly review|true|11" "the templates the program lists: the copy, now the default"
rc=0
"$CXMEET" agenda show "Standard council meeting" >/dev/null 2>&1 || rc=$?
expect_eq "$rc" 2 "the archived template is no longer found by name"
# An archived template is kept: no command shows archived templates.
expect_eq "$(sql "SELECT name || '|' || is_default || '|' || (archived_at IS NOT NULL) FROM agenda_templates ORDER BY id")" \
	"$(printf 'Standard council meeting|0|1\nQuarterly review|1|0')" "the templates in the database"
expect_eq "$(agenda_steps "Quarterly review")" "$edited" "the copy has the same steps"

note "q again goes home"
keys q
wait_for "Start a meeting"
keys q
wait_exit
expect_eq "$(cx_json length history)" 0 "no meeting was started"
