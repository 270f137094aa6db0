#!/bin/bash
# e2e_resize_form - an open capture form survives resizing: 100x30, then 70x20
# (compact), then 50x15 (too small: a notice instead), then 100x30 again; the
# typed text is still there and the action saves.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

typed="Résumé the 王 rollout"

setup_council
start_tui 100 30
start_meeting
go_step 9 "New actions"
open_form a action
text "$typed"
wait_re "Action +$typed"

note "70x20: the compact layout, the form still open"
resize 70 20
wait_re "^ Step 8:00 left · Meeting 1:10:00 left · ends 11:07 \(plan 11:10\)" # the compact timer
wait_for "─ New action ─"
wait_re "Action +$typed"
expect_eq "$(screen | display_cols | awk '$1 > 70' | wc -l)" 0 "at 70x20 no line is wider than 70"
expect_screen "┌─ New action" "the form's box is drawn whole at 70x20 (top)"
expect_screen "└──" "the form's box is drawn whole at 70x20 (bottom)"

note "50x15: too small"
resize 50 15
wait_for "Terminal too small: 50x15."
wait_for "cxmeet needs at least 60x18."
expect_no_screen "─ New action ─" "the too-small notice replaces the form"
# While the notice hides the form, a key must not edit it unseen (the main
# loop ignores keys other than q while the terminal is too small).
keys Z
settle

note "100x30 again: the form and its text are back"
resize 100 30
wait_gone "Terminal too small"
wait_for "─ New action ─"
wait_re "Action +Résumé"
expect_eq "$(screen | grep -oE "Action +${typed}[^ ]*" | sed 's/^Action *//')" "$typed" \
	"a key pressed while the terminal was too small did not change the hidden form"
if screen | grep -qF "${typed}Z"; then keys BSpace; wait_gone "${typed}Z"; fi

note "finish and save"
keys Tab Tab
pick Prod Product
keys Tab
pick Zo "Zoë Ångström"
wait_re "Owner +Zoë Ångström"
save_form action 1
wait_for "[A] $typed"

expect_eq "$(cx_json '.items[] | "\(.text)|\(.department)|\(.person)|\(.due_on)"' export)" \
	"$typed|Product|Zoë Ångström|2026-12-23" "the action is saved whole after the resizes"
