#!/bin/bash
# e2e_detail_preview - under a step's items, the preview of the item under
# the cursor wraps its detail text over the rows the list leaves free, and a
# detail too long for them ends in "…" rather than being cut silently; at
# 100x30 and at 80x24.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

detail='The courier lost two parcels in October and one in November. Each time the customer called three times before anyone answered. The contract says a lost parcel is refunded within ten days, but nobody on our side asks for the refund, so we pay twice. Ask finance who owns the claim, and report at the next meeting with the figures for the whole year, by courier and by month, so that we can decide.'

setup_council
start_tui 100 30
start_meeting
go_step 3 "Customer story"
open_form n note
text "Check the courier contract"
save_form note 1
# The detail is written behind the program's back, as another program might.
sql "UPDATE items SET detail = '$detail' WHERE id = 1"
go_step 4 "Action review"
go_step 3 "Customer story"

note "100x30: the whole detail, wrapped"
wait_for "The courier lost two parcels in October and one in November."
expect_screen "month, so that we can decide." "the detail's last words are shown"
expect_no_screen "…" "nothing is cut"

note "a detail three times as long ends in an ellipsis on the last row"
sql "UPDATE items SET detail = '$detail $detail $detail' WHERE id = 1"
go_step 4 "Action review"
go_step 3 "Customer story"
wait_for "The courier lost two parcels in October and one in November."
expect_match "$(screen_line 29)" "│ .*…$" "the row above the status line ends in …"
expect_match "$(screen_line 28)" "│ [A-Za-z]" "the row above it is detail text too"

note "80x24"
resize 80 24
wait_re "│ .*…$"
expect_screen "[N] Check the courier contract" "the item is listed"
expect_match "$(screen_line 23)" "│ .*…$" "the last row of the preview ends in …"
n=$(screen | grep -nF "[N] Check the courier contract" | cut -d: -f1)
expect_match "$(screen_line $((n + 2)))" "│ ─{10,}" \
	"the preview takes the rows the list leaves, one blank row under the list"

note "story -> action -> win: what a story set going is shown with it"
resize 100 30
go_step 3 "Customer story"
open_form s story
text "Waited three weeks for a refund"
save_form story 2
cx add action "Refund lost parcels in ten days" --from 2 --dept Sales --due 2026-12-04 \
	--person "Zoë Ångström"
cx add win "Refunds now paid in a week, so nobody calls twice" --from 3 --dept Sales \
	--person "Zoë Ångström"
go_step 4 "Action review"
go_step 3 "Customer story"
keys Down
wait_for "[S] Waited three weeks for a refund"
wait_for "customer not named · → action: Refund lost parcels in ten days"
expect_screen "(open) → win: Refunds now paid in a week, so nobody calls twice" "the win, after its action"
note "the minutes say it too"
expect_match "$(cx show last)" "^  - → \*Action:\* Refund lost parcels in ten days — owner Zoë Ångström, Sales, due 2026-12-04$" \
	"the action under the story"
expect_match "$(cx show last)" "^    - → \*Win:\* Refunds now paid in a week, so nobody calls twice — Sales, hero Zoë Ångström$" \
	"the win under the action"
expect_eq "$(cx_json '.items.story[] | select(.id == 2) | .chain.actions[0].wins[0].text' show last)" \
	"Refunds now paid in a week, so nobody calls twice" "and the JSON"
