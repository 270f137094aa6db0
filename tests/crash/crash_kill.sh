#!/bin/bash
# crash_kill - DESIGN.md §6 "Nothing typed is lost", under kill -9 at random
# moments. One council meeting is run in a tmux pane and killed with SIGKILL
# CRASH_KILLS times (default 200); after every kill the program is started
# again in the same pane and the meeting resumed. Each cycle does a few keys
# and then kills, at a random delay:
#   form      a capture form open, text half or wholly typed;
#   enter     right after Enter on a filled form (0 to 200 ms later);
#   saves     after one to three items shown as saved, maybe a form open;
#   steps     amid one to four step changes (digits, Right, Left);
#   rollcall  amid roll-call toggles (Space on several people).
# The pane is captured just before each kill: every "Saved KIND #ID." seen
# there is recorded with the text typed. After each kill the database must
# hold every recorded id with its text, the meeting must still be in
# progress at the step shown (or at one a key already sent could lead to),
# everyone shown as toggled present/absent must be so in the database,
# PRAGMA integrity_check must say ok, and the restarted program must resume
# at the database's step ("Resumed at step N.", top bar "Step N/10").
#
# CRASH_SEED replays the same random choices (the delays vary with the
# machine); it is printed first. The last line is a summary:
#   kills: 200, items shown as saved: 173, lost: 0, integrity: ok
set -euo pipefail
. "$(dirname "$0")/../e2e/lib.sh" "$@"
. "$(dirname "$0")/lib_crash.sh"

KILLS=${CRASH_KILLS:-200}
SEED=${CRASH_SEED:-$(($(date +%s%N) / 1000 % 1000000))}
[[ $KILLS =~ ^[0-9]+$ ]] || { echo "CRASH_KILLS must be a whole number" >&2; exit 2; }
[[ $SEED =~ ^[0-9]+$ ]] || { echo "CRASH_SEED must be a whole number" >&2; exit 2; }
note "CRASH_SEED=$SEED CRASH_KILLS=$KILLS (replay with: CRASH_SEED=$SEED CRASH_KILLS=$KILLS $0 $1)"
RANDOM=$SEED

WAIT=15 # seconds any single wait may take (generous: the suite may run under load)

# ---------------------------------------------------------------- the pane

SOCK="$tmp/sock1" # lib.sh's exit handler kills every $tmp/sock* server
n_socks=1
pane_term=screen
infocmp tmux-256color >/dev/null 2>&1 && pane_term=tmux-256color
pane_cmd=$(printf 'exec env -u VISUAL -u EDITOR -u NO_COLOR TERM=%q TZ=%q LC_ALL=%q CXMEET_NOW=%q HOME=%q XDG_DATA_HOME=%q CXMEET_DB=%q %q 2>>%q' \
	"$pane_term" "$TZ" "$LC_ALL" "$CXMEET_NOW" "$HOME" "$XDG_DATA_HOME" "$CXMEET_DB" "$CXMEET" "$tmp/stderr.log")

# The pane stays (dead) when the program dies, so that it can be respawned
# in place: cheaper than a tmux server per cycle.
pane_start() {
	if [ -S "$SOCK" ] && tmux -S "$SOCK" has-session 2>/dev/null; then
		tmux -S "$SOCK" respawn-pane -k -c "$tmp" "$pane_cmd"
	else
		tmux -S "$SOCK" -f /dev/null new-session -d -x 100 -y 30 -c "$tmp" "$pane_cmd" \; \
			set-option -g remain-on-exit on
	fi
}
pane_dead() { [ "$(tmux -S "$SOCK" display-message -p '#{pane_dead}')" = 1 ]; }
# Overrides lib.sh's: the session outlives the program here.
tui_running() { tmux -S "$SOCK" has-session 2>/dev/null && ! pane_dead; }

SCR="" # the last capture
cap() { SCR=$(tmux -S "$SOCK" capture-pane -p); }

# waitre REGEX [TIMEOUT]: polls the screen (every 20 ms) until a line matches.
waitre() {
	local end=$((SECONDS + ${2:-$WAIT}))
	while :; do
		cap
		grep -qE -- "$1" <<<"$SCR" && return 0
		if pane_dead; then fail_now "the program died while waiting for /$1/"; fi
		[ "$SECONDS" -lt "$end" ] || fail_now "timed out waiting for /$1/"
		sleep 0.02
	done
}

fail_now() {
	echo "FAIL (cycle $cycle, scenario ${scenario:-none}, CRASH_SEED=$SEED): $*" >&2
	{ echo "----- last screen -----"; printf '%s\n' "$SCR"; echo "-----------------------"; } >&2
	if pane_dead; then
		echo "the pane's program ended: $(tmux -S "$SOCK" display-message -p 'status #{pane_dead_status} signal #{pane_dead_signal}')" >&2
	fi
	if [ -s "$tmp/stderr.log" ]; then
		echo "----- the program's stderr (last lines) -----" >&2
		tail -n 20 "$tmp/stderr.log" >&2
	fi
	exit 1
}

# msleep MAX: sleeps a random 0..MAX milliseconds (0: not at all).
msleep() {
	local ms=$((RANDOM % ($1 + 1)))
	[ "$ms" -eq 0 ] || sleep "$(printf '0.%03d' "$ms")"
}

kill_tui() {
	local pid
	pid=$(tmux -S "$SOCK" list-panes -F '#{pane_pid}')
	kill -9 "$pid" 2>/dev/null || true
	local end=$((SECONDS + WAIT))
	until pane_dead; do
		[ "$SECONDS" -lt "$end" ] || fail_now "the pane did not die after kill -9"
		sleep 0.01
	done
}

# ---------------------------------------------------------------- the state

declare -A saved=()   # item id -> its text, for every id the screen showed as saved
declare -A pending=() # "kind label" -> text, for a form on which Enter was pressed
n_shown=0
lost=0
declare -A lost_ids=()
cur_step=1            # the step (1-10) the resumed program showed
ok_steps=" 1 "        # the steps the database may be at after this cycle's kill
declare -A pre=()     # roll call before this cycle: name -> 1/0
declare -A toggled=() # names whose row got a Space in this cycle
rollcall_check=0

# after_capture: records the save the captured screen reports, if any.
after_capture() {
	local line kind id
	line=$(grep -oE '^Saved [a-z ]+ #[0-9]+\.' <<<"$SCR" | tail -n 1 || true)
	if [[ $line =~ ^Saved\ ([a-z ]+)\ \#([0-9]+)\. ]]; then
		kind=${BASH_REMATCH[1]} id=${BASH_REMATCH[2]}
		[ -z "${saved[$id]+x}" ] || return 0 # an earlier save's message, still shown
		if [ -n "${pending[$kind]+x}" ]; then
			saved[$id]=${pending[$kind]}
			n_shown=$((n_shown + 1))
			unset 'pending[$kind]'
		else
			check_failed "cycle $cycle: the screen showed 'Saved $kind #$id.' with no such save pending"
		fi
	fi
}

sq() { sqlite3 -batch -cmd '.timeout 5000' "$CXMEET_DB" "$1"; }

# verify: the database after a kill.
verify() {
	local ic st
	ic=$(sq "PRAGMA integrity_check")
	if [ "$ic" != ok ]; then
		check_failed "cycle $cycle: integrity_check says: $ic"
		fail_now "the database is damaged"
	fi
	st=$(sq "SELECT count(*) || '|' || group_concat(status || '|' || current_step) FROM meetings")
	[[ $st =~ ^1\|in_progress\|([0-8])$ ]] ||
		fail_now "after the kill the meetings table says '$st', not one meeting in progress"
	local db_step=$((BASH_REMATCH[1] + 1))
	if [[ $ok_steps != *" $db_step "* ]]; then
		check_failed "cycle $cycle ($scenario): the database is at step $db_step, the screen showed step(s)$ok_steps"
	fi
	cur_step=$db_step

	# Every item shown as saved, with its text.
	declare -A have=()
	local id text
	while IFS=$'\t' read -r id text; do
		have[$id]=$text
	done < <(sq "SELECT id || char(9) || text FROM items WHERE deleted_at IS NULL")
	for id in "${!saved[@]}"; do
		if [ "${have[$id]-}" != "${saved[$id]}" ]; then
			if [ -z "${lost_ids[$id]+x}" ]; then
				lost_ids[$id]=1
				lost=$((lost + 1))
				check_failed "cycle $cycle ($scenario): item #$id was shown as saved ('${saved[$id]}'), the database has '${have[$id]-<nothing>}'"
			fi
		fi
	done

	# Roll call: whoever was shown toggled is so in the database.
	declare -A db_present=()
	local name p
	while IFS=$'\t' read -r name p; do
		db_present[$name]=$p
	done < <(sq "SELECT p.name || char(9) || coalesce(a.present, 0) FROM people p
		LEFT JOIN attendance a ON a.person_id = p.id AND a.meeting_id = 1")
	local which
	for which in before after; do
		[ "$rollcall_check" = 1 ] || break
		[ "$which" = after ] || [ -n "$SCR_PRE" ] || continue
		local shown
		declare -A now=()
		if [ "$which" = before ]; then roll_parse now "$SCR_PRE"; else roll_parse now; fi
		for name in "${!pre[@]}"; do
			shown=${now[$name]-${pre[$name]}}
			if [ "$shown" != "${pre[$name]}" ] || [ -z "${toggled[$name]+x}" ]; then
				[ "${db_present[$name]-0}" = "$shown" ] ||
					check_failed "cycle $cycle: $name was shown $( ((shown)) && echo present || echo absent) ($which the kill), the database says present=${db_present[$name]-0}"
			fi
		done
	done
	for name in "${!db_present[@]}"; do pre[$name]=${db_present[$name]}; done
}

# roll_parse ARRAY [SCREEN]: the roll call rows on SCREEN (default $SCR), in
# screen order, into ARRAY (name -> 1/0); the names in order into ROWS.
ROWS=()
roll_parse() {
	local -n into=$1
	local row
	ROWS=()
	while IFS= read -r row; do
		[[ $row =~ ^\[(.)\]\ (Crash\ P[0-9]+)$ ]] || continue
		into[${BASH_REMATCH[2]}]=$([ "${BASH_REMATCH[1]}" = x ] && echo 1 || echo 0)
		ROWS+=("${BASH_REMATCH[2]}")
	done < <(grep -oE '\[[x ]\] Crash P[0-9]+' <<<"${2-$SCR}")
}

# resume: starts the program and resumes the meeting at the database's step.
resume() {
	pane_start
	waitre "Resume the meeting in progress"
	keys Enter
	waitre "Resumed at step [0-9]+\."
	# a form open at the kill: its draft is offered back (with the flash, on
	# one screen); it is dropped, so that the cycle's keys act as planned.
	# Whether there is one is read from the file, not from a screen that may
	# have been caught before the question was drawn.
	if [ "$(sq "SELECT count(*) FROM meeting_drafts")" != 0 ]; then
		waitre "Restore it\?"
		keys n
		local end=$((SECONDS + WAIT))
		while cap; grep -q "Restore it?" <<<"$SCR"; do
			[ "$SECONDS" -lt "$end" ] || fail_now "the draft's question stayed"
			sleep 0.02
		done
		n_drafts=$((n_drafts + 1))
	fi
	local shown
	shown=$(grep -oE "Resumed at step [0-9]+\." <<<"$SCR" | grep -oE '[0-9]+')
	[ "$shown" = "$cur_step" ] ||
		fail_now "resumed at step $shown, the database is at step $cur_step"
	waitre "Step $cur_step/10: "
	if [ "$cur_step" = 1 ]; then
		waitre '\[[x ]\] Crash P'
		declare -A shown_roll=()
		roll_parse shown_roll
		local name
		for name in "${!shown_roll[@]}"; do
			[ "${shown_roll[$name]}" = "${pre[$name]-0}" ] ||
				check_failed "cycle $cycle: after resuming, $name is shown ${shown_roll[$name]}, the database says ${pre[$name]-0}"
		done
	fi
}

# ---------------------------------------------------------------- the actions

kinds=(n i d p s)
labels=(note insight decision "parked topic" story)
n_typed=0
n_drafts=0 # drafts offered back on resume

# fill_form: opens a form of a random kind and types its text; sets K and T.
fill_form() {
	local r=$((RANDOM % ${#kinds[@]}))
	K=${labels[$r]}
	n_typed=$((n_typed + 1))
	T="k$cycle.$n_typed $K s$SEED"
	keys "${kinds[$r]}"
	waitre "─ New $K ─"
	text "$T"
}

# save_one: a whole save, waited for; records it.
save_one() {
	fill_form
	pending[$K]=$T
	keys Enter
	waitre "^Saved $K #[0-9]+\."
	after_capture
	[ -z "${pending[$K]+x}" ] || fail_now "'Saved $K' was shown but not recorded"
}

sc_form() {
	local r=$((RANDOM % ${#kinds[@]}))
	keys "${kinds[$r]}"
	if ((RANDOM % 2)); then waitre "─ New ${labels[$r]} ─"; fi
	msleep 30
	if ((RANDOM % 3)); then text "typed but never saved $cycle"; fi
	msleep 150
}

sc_enter() {
	fill_form
	pending[$K]=$T
	keys Enter
	case $((RANDOM % 5)) in
	0) KILL_FIRST=1 ;;
	4) ;;
	1) msleep 10 ;;
	2) msleep 50 ;;
	3) msleep 200 ;;
	esac
}

sc_saves() {
	local i n=$((1 + RANDOM % 3))
	for ((i = 0; i < n; i++)); do save_one; done
	if ((RANDOM % 2)); then sc_enter; else msleep 100; fi
}

sc_steps() {
	local n=$((1 + RANDOM % 4)) i key to from=$cur_step
	ok_steps=" $cur_step "
	local seq=" $cur_step "
	for ((i = 0; i < n; i++)); do
		case $((RANDOM % 4)) in
		0) key=Right to=$((from + 1)) ;;
		1) key=Left to=$((from - 1)) ;;
		*) to=$((1 + RANDOM % 9)) key=$to ;;
		esac
		# Distinct targets only: then a step shown on the screen tells
		# exactly which keys have been handled.
		if [ "$to" -lt 1 ] || [ "$to" -gt 9 ] || [[ $seq == *" $to "* ]]; then continue; fi
		seq+="$to "
		keys "$key"
		from=$to
		msleep 80
	done
	msleep 100
	STEP_SEQ=$seq
}

sc_rollcall() {
	if [ "$cur_step" != 1 ]; then
		keys 1
		waitre "Step 1/10: "
		cur_step=1
	fi
	ok_steps=" 1 "
	waitre '\[[x ]\] Crash P'
	roll_parse pre
	local rows=("${ROWS[@]}") at=0 i
	toggled=()
	for ((i = 0; i < ${#rows[@]}; i++)); do
		((RANDOM % 2)) || continue
		while [ "$at" -lt "$i" ]; do keys j; at=$((at + 1)); done
		keys Space
		toggled[${rows[$i]}]=1
		msleep 60
	done
	rollcall_check=1
	msleep 100
}

# ---------------------------------------------------------------- the run

"$CXMEET" init --org "Crash Test Outfitters" >/dev/null
"$CXMEET" org set mission "Nothing typed is lost." >/dev/null
depts=(Sales IT Finance Operations)
for i in 1 2 3 4 5 6 7 8; do
	"$CXMEET" person add "Crash P$i" --dept "${depts[$((i % 4))]}" >/dev/null
done
for i in 1 2 3 4 5 6 7 8; do pre["Crash P$i"]=0; done

declare -A n_scen=()
enter_shown=0 killed_before_commit=0 killed_after_commit=0
cycle=0
scenario=start
pane_start
waitre "Start a meeting"
keys Enter
waitre "This meeting's agenda"
keys Enter
waitre "Meeting started \(step 1\)\."
waitre "Step 1/10: "
started=$SECONDS

for ((cycle = 1; cycle <= KILLS; cycle++)); do
	[ "$cycle" = 1 ] || resume
	ok_steps=" $cur_step "
	rollcall_check=0
	KILL_FIRST=0
	toggled=()
	pending=()
	r=$((RANDOM % 100))
	if ((r < 15)); then scenario=form; sc_form
	elif ((r < 45)); then scenario=enter; sc_enter
	elif ((r < 65)); then scenario=saves; sc_saves
	elif ((r < 85)); then scenario=steps; sc_steps
	else scenario=rollcall; sc_rollcall
	fi
	n_scen[$scenario]=$((${n_scen[$scenario]-0} + 1))
	SCR_PRE=""
	if [ "$KILL_FIRST" = 0 ]; then
		cap
		SCR_PRE=$SCR
		after_capture
	fi
	if [ "$scenario" = steps ]; then
		shown=$(head -n 1 <<<"$SCR" | grep -oE 'Step [1-9][0-9]?/10' | grep -oE '^Step [1-9][0-9]?' | grep -oE '[0-9]+' || true)
		[ -n "$shown" ] || fail_now "no 'Step N/10' in the top bar"
		[[ $STEP_SEQ == *" $shown "* ]] ||
			check_failed "cycle $cycle: the top bar shows step $shown, the keys sent led to$STEP_SEQ only"
		# Shown, or any target sent after the shown one (in flight).
		ok_steps=" ${STEP_SEQ#* "$shown" }"
		ok_steps=" $shown $ok_steps"
	fi
	kill_tui
	# tmux keeps the dead pane's last screen (the status line moved up a
	# line or two by "Pane is dead"): a "Saved" drawn in the program's last
	# instant, after the capture above, counts as shown too.
	cap
	after_capture
	verify
	[ "$scenario" != enter ] || [ -n "${pending[$K]+x}" ] || enter_shown=$((enter_shown + 1))
	for k in "${!pending[@]}"; do # Enter pressed, "Saved" never shown
		if [ "$(sq "SELECT count(*) FROM items WHERE text = '${pending[$k]}'")" = 0 ]; then
			killed_before_commit=$((killed_before_commit + 1))
		else
			killed_after_commit=$((killed_after_commit + 1))
		fi
	done
	if ((cycle % 25 == 0)); then
		note "cycle $cycle: ${#saved[@]} items shown as saved so far, $((SECONDS - started)) s"
	fi
done

# A last start: the meeting resumes, and a clean quit keeps it.
cycle=$((KILLS + 1))
scenario=final
resume
keys q
waitre "Leave the meeting\?"
keys y
waitre "Resume the meeting in progress"
keys q
end=$((SECONDS + WAIT))
until pane_dead; do
	[ "$SECONDS" -lt "$end" ] || fail_now "the program did not end on q"
	sleep 0.02
done
ic=$(sq "PRAGMA integrity_check")
expect_eq "$ic" ok "the database is intact at the end"
expect_eq "$(sq "SELECT status FROM meetings")" in_progress "the meeting is still in progress at the end"

note "kills right after Enter on a form: $enter_shown after 'Saved' was shown;" \
	"$killed_after_commit after the commit but before 'Saved'; $killed_before_commit before the commit"
note "drafts offered back on resume: $n_drafts"
note "kills by scenario: $(for k in form enter saves steps rollcall; do printf '%s %s, ' "$k" "${n_scen[$k]-0}"; done)"
echo "kills: $KILLS, items shown as saved: ${#saved[@]}, lost: $lost, integrity: $ic" \
	"($((SECONDS - started)) s, CRASH_SEED=$SEED)"
