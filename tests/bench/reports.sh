#!/bin/bash
# reports.sh - the between-meetings reports on ten years of weekly meetings
# (`cxmeet demo --years 10`, about 100,000 items): for each report, the median
# wall time of cxmeet next to the median time the stock sqlite3 program takes
# to run the very same SQL (captured with CXMEET_TRACE_SQL), the ratio, and
# cxmeet's peak resident memory.
#
#   tests/bench/reports.sh [PATH-TO-CXMEET [RUNS]]      (RUNS: default 7)
#
# Starting cxmeet costs a few milliseconds more than starting sqlite3 (it
# loads ncursesw and libunistring), which dominates the shortest reports, so
# both the plain ratio and the "net" ratio (each time less its program's bare
# start) are printed. Exits 1 when a report's net time is more than 1.5 times
# sqlite3's (with 3 ms of slack for noise), when one uses 16 MB or more, or
# when a view's statement reads the items or their events without an index.
set -euo pipefail
. "$(dirname "$0")/../plans/plan_check.sh"
cxmeet=$(realpath "${1:-build/src/cxmeet}")
runs=${2:-7}
command -v sqlite3 >/dev/null || { echo "reports.sh: needs the sqlite3 program" >&2; exit 77; }
[ -x /usr/bin/time ] || { echo "reports.sh: needs GNU time (/usr/bin/time)" >&2; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db=$dir/bench.db
export CXMEET_NOW=2026-11-23T09:00:00Z TZ=UTC LC_ALL=C.UTF-8
unset CXMEET_TRACE_SQL

"$cxmeet" --db "$db" demo --years 10 --seed 1 >/dev/null
items=$(sqlite3 "$db" "SELECT count(*) FROM items")
meetings=$(sqlite3 "$db" "SELECT count(*) FROM meetings")
dept=$(sqlite3 "$db" "SELECT name FROM departments ORDER BY id LIMIT 1")
owner=$(sqlite3 "$db" "SELECT p.name FROM items i JOIN people p ON p.id = i.person_id
	WHERE i.kind = 'action' AND i.status = 'open' GROUP BY p.id ORDER BY count(*) DESC LIMIT 1")
word=$(sqlite3 "$db" "SELECT substr(text, 1, instr(text, ' ') - 1) FROM items WHERE kind = 'decision'
	ORDER BY id LIMIT 5001" | tail -n 1)

# The reports, one per line: a label, a tab, the arguments.
reports=$(cat <<EOT
overdue	overdue
actions --dept	actions --dept $dept
actions --owner	actions --owner $owner
actions --state all csv	actions --state all --format csv
decisions --all json	decisions --all --format json
search	search $word
search --kind decision	search $word --kind decision
search every match csv	search the --limit 1000000 --format csv
history	history
history --dept	history --dept $dept
decisions	decisions
decisions --revisit-due	decisions --revisit-due
cadence	cadence
digest	digest
champions	champions
show last	show last
show --format json	show last --format json
export --format ics	export --format ics
EOT
)

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ms_since() { echo $((($(date +%s%N) - $1) / 1000)); } # microseconds

# What starting each program costs before any query (cxmeet loads ncursesw
# and libunistring): the "net" ratio compares the times above it.
base_mine=() base_theirs=()
for _ in $(seq "$runs"); do
	t=$(date +%s%N); "$cxmeet" --version >/dev/null; base_mine+=("$(ms_since "$t")")
	t=$(date +%s%N); sqlite3 -batch "$db" "SELECT 1" >/dev/null; base_theirs+=("$(ms_since "$t")")
done
m0=$(printf '%s\n' "${base_mine[@]}" | median)
s0=$(printf '%s\n' "${base_theirs[@]}" | median)

printf 'cxmeet bench: %s items, %s meetings, %s runs each (median)\n' "$items" "$meetings" "$runs"
printf 'starting the program: cxmeet %.1f ms, sqlite3 %.1f ms\n' "$(awk -v v="$m0" 'BEGIN{print v/1000}')" \
	"$(awk -v v="$s0" 'BEGIN{print v/1000}')"
printf '%-26s %10s %10s %6s %6s %9s\n' report cxmeet sqlite3 ratio net "peak RSS"
fail=0
while IFS=$'\t' read -r label args; do
	read -r -a argv <<<"$args"
	# multi-word names (a department, an owner) are passed whole
	case "$label" in
	"actions --dept") argv=(actions --dept "$dept") ;;
	"actions --owner") argv=(actions --owner "$owner") ;;
	"history --dept") argv=(history --dept "$dept") ;;
	esac
	rc=0
	CXMEET_TRACE_SQL=$dir/trace.sql "$cxmeet" --db "$db" "${argv[@]}" >/dev/null 2>"$dir/err" || rc=$?
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 8 ]; then
		printf '%-26s failed (exit %s): %s\n' "$label" "$rc" "$(head -c 200 "$dir/err")"
		fail=1
		rm -f "$dir/trace.sql"
		continue
	fi
	mine=() theirs=()
	for _ in $(seq "$runs"); do
		t=$(date +%s%N)
		"$cxmeet" --db "$db" "${argv[@]}" >/dev/null 2>&1 || true
		mine+=("$(ms_since "$t")")
		t=$(date +%s%N)
		sqlite3 -batch "$db" <"$dir/trace.sql" >/dev/null
		theirs+=("$(ms_since "$t")")
	done
	/usr/bin/time -o "$dir/rss" -f '%M' "$cxmeet" --db "$db" "${argv[@]}" >/dev/null 2>&1 || true
	rss=$(tail -1 "$dir/rss")
	m=$(printf '%s\n' "${mine[@]}" | median)
	s=$(printf '%s\n' "${theirs[@]}" | median)
	ratio=$(awk -v m="$m" -v s="$s" 'BEGIN { printf "%.2f", m / (s > 0 ? s : 1) }')
	net=$(awk -v m="$m" -v s="$s" -v m0="$m0" -v s0="$s0" \
		'BEGIN { a = m - m0; b = s - s0; if (a < 0) a = 0; if (b < 200) b = 200; printf "%.2f", a / b }')
	printf '%-26s %7.1f ms %7.1f ms %6s %6s %6.1f MB\n' "$label" "$(awk -v v="$m" 'BEGIN{print v/1000}')" \
		"$(awk -v v="$s" 'BEGIN{print v/1000}')" "$ratio" "$net" "$(awk -v v="$rss" 'BEGIN{print v/1024}')"
	# past 1.5 times sqlite3 on the query itself (3 ms of slack: opening the
	# database in WAL mode and loading the libraries vary by that much)
	if awk -v m="$m" -v s="$s" -v m0="$m0" -v s0="$s0" 'BEGIN { exit !(m - m0 > 1.5 * (s - s0) + 3000) }'; then
		echo "  too slow: more than 1.5 times sqlite3" >&2
		fail=1
	fi
	if [ "$rss" -ge 16384 ]; then
		echo "  too much memory: 16 MB or more" >&2
		fail=1
	fi
	rm -f "$dir/trace.sql"
done <<<"$reports"

# The full-screen views, on the same history, in a private tmux server: the
# time from the key that opens a view until its heading shows, and from End
# (the last row) until the screen changes; then every statement the views
# ran (traced) is checked with EXPLAIN QUERY PLAN: none may read the items
# or their events without an index. Finally the program's peak memory.
if command -v tmux >/dev/null; then
	sock=$dir/tmux.sock
	tm() { tmux -S "$sock" "$@"; }
	shot() { tm capture-pane -p -e; } # with attributes: a moved cursor row shows
	# until_screen PATTERN: polls every 10 ms (at most 10 s) until the screen
	# matches; prints the microseconds it took.
	until_screen() {
		local t0 i
		t0=$(date +%s%N)
		for ((i = 0; i < 1000; i++)); do
			shot | grep -q -- "$1" && { ms_since "$t0"; return 0; }
			sleep 0.01
		done
		echo "timeout"
	}
	# until_change SCREEN: the same, until the screen is no longer SCREEN
	# (at most 2 s: End on a list that fits changes nothing).
	until_change() {
		local t0 i before=$1
		t0=$(date +%s%N)
		for ((i = 0; i < 200; i++)); do
			[ "$(shot)" != "$before" ] && { ms_since "$t0"; return 0; }
			sleep 0.01
		done
		echo "no change"
	}
	us_ms() { awk -v v="$1" 'BEGIN { if (v !~ /^[0-9]+$/) print v; else printf "%.0f ms", v / 1000 }'; }
	# the TERM tmux encodes keys for (see tests/e2e/lib.sh)
	term=screen
	infocmp tmux-256color >/dev/null 2>&1 && term=tmux-256color
	tm -f /dev/null new-session -d -x 100 -y 30 \
		"exec env CXMEET_TRACE_SQL=$dir/tui.sql TERM=$term $cxmeet --db $db"
	until_screen "Start a meeting" >/dev/null
	pid=$(tm display-message -p '#{pane_pid}')
	printf '\n%-32s %10s %10s\n' "view (100x30)" open End
	while IFS=$'\t' read -r key mark label; do
		open=$(tm send-keys "$key"; until_screen "$mark")
		before=$(shot)
		tm send-keys End
		end=$(until_change "$before")
		printf '%-32s %10s %10s\n' "$label" "$(us_ms "$open")" "$(us_ms "$end")"
		[ "$open" != timeout ] || fail=1
		tm send-keys q
		until_screen "Start a meeting" >/dev/null
	done <<'EOV'
h	 History: 	history
a	 Actions: 	actions
d	 Decision log	decision log
C	Cadence and participation  (last	cadence and participation
c	Council and charter	council and charter
p	Departments and people	departments and people
m	Stakeholder map:	stakeholder map
t	 Agenda templates	agenda templates
EOV
	hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
	tm send-keys q
	sleep 0.2
	tm kill-server 2>/dev/null || true
	printf 'full-screen interface peak RSS: %.1f MB\n' "$(awk -v v="$hwm" 'BEGIN { print v / 1024 }')"
	[ "$hwm" -lt 16384 ] || { echo "  too much memory: 16 MB or more" >&2; fail=1; }
	scans=0 n=0
	while IFS= read -r stmt; do
		n=$((n + 1))
		why=$(plan_problem "$db" "$stmt")
		if [ -n "$why" ]; then
			scans=$((scans + 1))
			printf '  %s\n    %.160s\n' "$why" "$stmt"
		fi
	done < <(grep -E '^(SELECT|WITH) ' "$dir/tui.sql" | distinct_shapes)
	printf 'statements the views ran: %s distinct, %s that would not scale\n' "$n" "$scans"
	[ "$scans" -eq 0 ] || fail=1
fi
exit "$fail"
