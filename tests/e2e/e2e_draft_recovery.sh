#!/bin/bash
# e2e_draft_recovery - the text of an open capture form survives kill -9: it
# is kept as a draft with the meeting after a pause in typing, and offered
# back on resume; restored, it is finished and saved; refused, it is gone.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

# The drafts kept with a meeting: no command shows them.
draft() { sql "SELECT kind || ':' || text FROM meeting_drafts"; }
n_items() { cx_json '.items | length' export; }

setup_council
start_tui 100 30
start_meeting
go_step 8 "Wins & hidden heroes"
open_form w win
text "Courier claims settled in a d"
# kept after a pause in typing (no key for 0.7 s), not once per key
for ((i = 0; i < 30; i++)); do [ "$(draft)" = "win:Courier claims settled in a d" ] && break; sleep 0.1; done
expect_eq "$(draft)" "win:Courier claims settled in a d" "the half-typed win is kept as a draft"

note "kill -9 with the form open"
kill -9 "$(tui_pid)"
wait_exit
expect_eq "$(n_items)" 0 "nothing was saved as an item"

note "resume: the draft is offered back and restored"
start_tui 100 30
wait_for "Resume the meeting in progress"
keys Enter
wait_for 'A draft win was being typed: "Courier claims settled in a d". Restore it?'
keys y
wait_re "─ New win ─"
expect_screen "Courier claims settled in a d" "the form holds the draft"
keys End
text "ay"
keys Tab Tab
pick Fin Finance
save_form win 1
# (the step an item was captured at: no command shows it)
expect_eq "$(cx_json '.items[].text' export)|$(sql "SELECT s.title FROM items i JOIN meeting_steps s ON s.id = i.step_id")" \
	"Courier claims settled in a day|Wins & hidden heroes" "the restored win is saved at its step"
expect_eq "$(sql "SELECT count(*) FROM meeting_drafts")" 0 "a saved form leaves no draft"

note "a draft refused on resume is gone"
open_form n note
text "Unfinished note"
for ((i = 0; i < 30; i++)); do [ "$(draft)" = "note:Unfinished note" ] && break; sleep 0.1; done
expect_eq "$(draft)" "note:Unfinished note" "the note is kept as a draft"
kill -9 "$(tui_pid)"
wait_exit
start_tui 100 30
wait_for "Resume the meeting in progress"
keys Enter
wait_for 'A draft note was being typed: "Unfinished note". Restore it?'
keys n
wait_for "Step 8/10: Wins & hidden heroes"
expect_eq "$(sql "SELECT count(*) FROM meeting_drafts")" 0 "the refused draft is gone"
expect_eq "$(n_items)" 1 "and nothing else was saved"
