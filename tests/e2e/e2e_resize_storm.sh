#!/bin/bash
# e2e_resize_storm - terminal abuse by resizing. In every view and form (the
# home screen, help, each of the 9 meeting steps, the capture form with text
# typed, the picker, the leave and end confirmations, the wrap-up menu and its
# input dialogs, the minutes dialog) a storm of 30 resizes to random sizes
# from 20x6 to 300x100, as fast as tmux takes them (half one command each,
# half chained in one tmux command), then 100x30 again: the program is alive
# (the same process), the screen is exactly what it was before the storm, and
# the database is unchanged (its whole .dump). Also the size limits: below
# 60x18 the screen says "Terminal too small", at exactly 60x18 it draws, and
# at 300x100 it uses the whole screen with the status line on the last row.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

RANDOM=${CXMEET_STORM_SEED:-7} # the sizes are the same every run
note "storm seed ${CXMEET_STORM_SEED:-7}"
pid=""
n_storms=0

# db_state: the whole database, as a digest of its dump; but the draft of an
# open form, which is kept on a pause in typing, whenever that falls. (The
# file itself: what no command shows counts too, such as the step a meeting
# is at and its holds.)
db_state() { sql .dump | grep -v '^INSERT INTO meeting_drafts ' | md5sum | cut -d' ' -f1; }

# rand_size: "COLS ROWS" between 20x6 and 300x100.
rand_size() { echo "$((20 + RANDOM % 281)) $((6 + RANDOM % 95))"; }

# storm: 30 resizes, 15 one tmux command each, then 15 chained in one command.
storm() {
	local i c r args=()
	for ((i = 0; i < 15; i++)); do
		read -r c r < <(rand_size)
		resize "$c" "$r"
	done
	for ((i = 0; i < 15; i++)); do
		read -r c r < <(rand_size)
		args+=(resize-window -x "$c" -y "$r" \;)
	done
	tmx "${args[@]}"
	resize 100 30
}

same_screen() { [ "$(screen)" = "$1" ]; }

# storm_in WHAT: a storm in the current view (which must be still at 100x30),
# then the checks: the same process, the same screen, the same database.
storm_in() {
	local what=$1 before db_before i
	n_storms=$((n_storms + 1))
	before=$(screen)
	# the screen before: the same on two looks 0.1 s apart
	for ((i = 0; i < 50; i++)); do
		sleep 0.1
		if same_screen "$before"; then break; fi
		before=$(screen)
	done
	db_before=$(db_state)
	storm
	if ! poll 5 same_screen "$before"; then
		check_failed "$what: the screen after the storm differs from the one before"
		diff <(printf '%s\n' "$before") <(screen) >&2 || true
	else
		echo "ok - $what: the screen is intact after the storm"
	fi
	if [ "$(tui_pid 2>/dev/null)" != "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
		die "$what: the program died in the storm"
	fi
	expect_eq "$(db_state)" "$db_before" "$what: the storm changed nothing in the database"
}

# whole_screen COLS ROWS WHAT: the screen has ROWS lines, none wider than COLS.
whole_screen() {
	local widths
	widths=$(screen | display_cols)
	expect_eq "$(echo "$widths" | wc -l)" "$2" "$3: $2 lines at $1x$2"
	expect_eq "$(echo "$widths" | awk -v c="$1" '$1 > c' | wc -l)" 0 "$3: no line wider than $1"
}

# bar_cols N: the columns line N covers as drawn, trailing cells included (a
# bar is drawn in colour across the whole width; capture-pane -N keeps the
# cells written).
bar_cols() {
	tmx capture-pane -p -e -N | sed -n "${1}p" | sed 's/\x1b\[[0-9;]*m//g' | display_cols | cut -d' ' -f1
}

# too_small COLS ROWS: resized there, the screen says it is too small.
too_small() {
	resize "$1" "$2"
	wait_for "Terminal too small"
	if [ "$1" -ge 30 ]; then
		wait_for "Terminal too small: $1x$2."
		wait_for "cxmeet needs at least 60x18."
	fi
	echo "ok - ${1}x$2 is too small"
}

setup_council
start_tui 100 30
wait_for "Start a meeting"
pid=$(tui_pid)

note "the size limits on the home screen"
too_small 59 18
too_small 60 17
too_small 20 6
resize 60 18
wait_gone "Terminal too small"
wait_for "Start a meeting"
expect_match "$(screen_line 1)" "^ Northwind Outfitters  CX council" "60x18: the title bar"
expect_match "$(screen_line 18)" "^ Up/Down choose  Enter open" "60x18: the status line on row 18"
whole_screen 60 18 "home at 60x18"
resize 300 100
poll 5 eval '[ "$(bar_cols 1)" = 300 ]' || check_failed "300x100: the title bar is $(bar_cols 1) columns wide, not 300"
wait_re "^ Northwind Outfitters  CX council"
expect_match "$(screen_line 100)" "^ Up/Down choose  Enter open" "300x100: the status line on row 100"
expect_eq "$(bar_cols 100)" 300 "300x100: the status line spans 300 columns"
expect_eq "$(screen | sed -n '28,99p' | tr -d ' \n')" "" "300x100: rows 28-99 are blank"
whole_screen 300 100 "home at 300x100"
resize 100 30
wait_re "^ Up/Down choose  Enter open"

storm_in "home"

note "help"
keys '?'
wait_for " cxmeet help: keys"
storm_in "help"
keys Escape
wait_for "Start a meeting"

note "every meeting step"
start_meeting
keys j # clears the start message off the status line
wait_re "^ Step 3:00 left .*· Meeting 1:10:00 left"
i=0
for title in "Welcome & roll call" "Mission moment" "Customer story" "Action review" \
	"Initiatives" "Insights & metrics" "Priorities & decisions" "Wins & hidden heroes" \
	"New actions" "Wrap-up"; do
	i=$((i + 1))
	go_step "$((i % 10))" "$title" # 0 is step 10
	wait_re "^ Step [0-9]+:00 left .*· Meeting 1:10:00 left"
	storm_in "step $i ($title)"
done

note "the size limits in a meeting (step 10)"
too_small 59 18
too_small 60 17
resize 60 18
wait_gone "Terminal too small"
wait_for "Step 10/10: Wrap" # cut at 60 columns
expect_match "$(screen_line 18)" "^ Step 5:00 left · Meeting 1:10:00 left" "meeting at 60x18: the status line on row 18"
whole_screen 60 18 "meeting at 60x18"
resize 300 100
poll 5 eval '[ "$(bar_cols 1)" = 300 ]' || check_failed "meeting at 300x100: the top bar is $(bar_cols 1) columns wide, not 300"
expect_match "$(screen_line 1)" "^ Northwind Outfitters  CX council 2026-11-23  Step 10/10: Wrap-up" \
	"meeting at 300x100: the top bar on row 1"
expect_match "$(screen_line 100)" "^ Step 5:00 left \(0:00 of 5m\) · Meeting 1:10:00 left \(0:00 of 70m\)" \
	"meeting at 300x100: the status line on row 100"
expect_eq "$(screen | grep -c "Meeting 1:10:00 left")" 1 "meeting at 300x100: one status line"
expect_eq "$(bar_cols 100)" 300 "meeting at 300x100: the status line spans 300 columns"
whole_screen 300 100 "meeting at 300x100"
resize 100 30
wait_re "^ Step 5:00 left .*· Meeting 1:10:00 left.*[^ ]$" # the status line fits 100 columns again

note "the capture form, with text typed"
go_step 9 "New actions"
open_form a action
typed="Call back the Lee family about refund 4471 王芳 today"
text "$typed"
wait_re "Action +$typed"
storm_in "the action form"

note "the picker"
keys Tab Tab
text Prod
wait_for "Choose: "
wait_re "Filter: +Prod"
wait_for "Product"
storm_in "the department picker"
keys Escape
wait_gone "Choose: "
wait_re "─ New action ─"
wait_re "Action +$typed"
keys Escape
wait_for "Discard what you typed?"
storm_in "the discard confirmation"
keys y
wait_gone "Discard what you typed?"
wait_form_closed

note "the leave confirmation (q)"
keys q
wait_for "Leave the meeting? It stays in progress"
storm_in "the leave confirmation"
keys n
wait_gone "Leave the meeting?"
wait_for "Step 9/10: New actions"

note "the wrap-up menu and its dialogs"
go_step 0 "Wrap-up"
keys Enter
wait_for "Set the next meeting date"
storm_in "the wrap-up menu"
keys Enter
wait_for "Next meeting date"
wait_for "2026-12-23"
keys C-u
text "+3w"
wait_re "│ +\+3w"
storm_in "the next meeting date dialog"
keys Escape
wait_gone "Next meeting date"
keys Enter
wait_for "Set the next meeting date"
keys Down Enter # the second entry of the menu
wait_for "Rate this meeting from 1 to 10"
text "7"
wait_re "│ 7 +│"
storm_in "the rating dialog"
keys Escape
wait_gone "Rate this meeting from 1 to 10"
wait_for "Rating: not given"
keys E
wait_for "End the meeting now? Next meeting 2026-12-23, rating not given."
storm_in "the end confirmation"
keys y
wait_for "Write the minutes to (empty: do not write)"
wait_for "cx-council-2026-11-23.md"
storm_in "the minutes dialog"
keys Escape
wait_for "Meeting ended. Minutes: cxmeet show 1"
wait_for "Start a meeting"
keys q
wait_exit

note "$n_storms storms"
expect_eq "$(cx_json '.meeting | "\(.status)|\(.rating // "none")|\(.next_meeting_on)"' show)" \
	"completed|none|2026-12-23" "the meeting ended as left: not rated, the next date unchanged"
expect_eq "$(cx_json '.items | length' export)" 0 "no item was saved by a storm"
expect_eq "$(cx_json '[.attendance[].people[]] | length' show)" 0 "nobody was marked present"
expect_eq "$(find "$tmp" -maxdepth 1 -name 'cx-council*' | wc -l)" 0 "no minutes file was written"
