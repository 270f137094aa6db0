#!/bin/bash
# e2e_resize_field_scroll - a text field scrolled by a narrower terminal
# scrolls back when the terminal grows again: after 100x30 -> 60x18 -> 100x30
# the Action field shows the whole text with no '<', as before the resize.
# (Regression test: le_draw in src/tui/lineedit.c once only ever increased
# le->scroll while the cursor stayed at the end.)
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

typed="Call back the Lee family about the refund 王芳 long text here to wrap"

setup_council
start_tui 100 30
start_meeting
go_step 9 "New actions"
open_form a action
text "$typed"
wait_re "│ Action +$typed +│"
resize 60 18
wait_re "│ Action +< " # scrolled: correct at 60 columns
resize 100 30
wait_re "^ Step 8:00 left · Meeting 1:10:00 left · ends 11:07 \(plan 11:10, 3 min early\)  [?]:help  q:leave"
if poll 3 on_screen_re "│ Action +$typed +│"; then
	echo "ok - back at 100x30 the field shows the whole text again"
else
	check_failed "back at 100x30 the field still shows '$(screen | grep -oE '│ Action +[^│]*' | sed 's/^│ Action *//' | sed 's/ *$//')'"
fi
