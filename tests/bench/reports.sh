#!/bin/bash
# reports.sh - the between-meetings reports on ten years of weekly meetings
# (`cxmeet demo --years 10`, about 100,000 items): for each report, the median
# wall time of cxmeet next to the median time the stock sqlite3 program takes
# to run the very same SQL (captured with CXMEET_TRACE_SQL), the ratio, and
# cxmeet's peak resident memory.
#
#   tests/bench/reports.sh [PATH-TO-CXMEET [RUNS]]      (RUNS: default 7)
#
# Exits 1 when a report is more than 1.5 times slower than sqlite3 (with
# 2 ms of slack for process start on tiny figures) or uses 16 MB or more.
set -euo pipefail
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
	ORDER BY id LIMIT 1 OFFSET 5000")

# The reports, one per line: a label, a tab, the arguments.
reports=$(cat <<EOT
overdue	overdue
actions --dept	actions --dept $dept
actions --owner	actions --owner $owner
actions --state all csv	actions --state all --format csv
decisions --all json	decisions --all --format json
search	search $word
search every match csv	search the --limit 1000000 --format csv
history	history
decisions	decisions
decisions --revisit-due	decisions --revisit-due
cadence	cadence
digest	digest
show last	show last
show --format json	show last --format json
export --format ics	export --format ics
EOT
)

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ms_since() { echo $((($(date +%s%N) - $1) / 1000)); } # microseconds

printf 'cxmeet bench: %s items, %s meetings, %s runs each (median)\n' "$items" "$meetings" "$runs"
printf '%-26s %10s %10s %6s %9s\n' report cxmeet sqlite3 ratio "peak RSS"
fail=0
while IFS=$'\t' read -r label args; do
	read -r -a argv <<<"$args"
	# multi-word names (a department, an owner) are passed whole
	case "$label" in
	"actions --dept") argv=(actions --dept "$dept") ;;
	"actions --owner") argv=(actions --owner "$owner") ;;
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
	printf '%-26s %7.1f ms %7.1f ms %6s %6.1f MB\n' "$label" "$(awk -v v="$m" 'BEGIN{print v/1000}')" \
		"$(awk -v v="$s" 'BEGIN{print v/1000}')" "$ratio" "$(awk -v v="$rss" 'BEGIN{print v/1024}')"
	if awk -v m="$m" -v s="$s" 'BEGIN { exit !(m > 1.5 * s + 2000) }'; then
		echo "  too slow: more than 1.5 times sqlite3" >&2
		fail=1
	fi
	if [ "$rss" -ge 16384 ]; then
		echo "  too much memory: 16 MB or more" >&2
		fail=1
	fi
	rm -f "$dir/trace.sql"
done <<<"$reports"
exit "$fail"
