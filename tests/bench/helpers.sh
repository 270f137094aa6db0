# shellcheck shell=bash disable=SC2154 # sourced: the caller sets what it reads
# helpers.sh - what the benchmarks share (bench.sh on an SQLite file,
# bench_pg.sh on a PostgreSQL server): medians and ratios, timing one run
# (bench_measure), counting the records of an output, and one report timed
# against another program producing the same rows. Sourced; each script
# sets dir, cache, schema, measure_bin, timeout_s, runs, slack_ms, cxmeet and
# their_name, and defines their_query, their_run and bound_broken.

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR ? v[int((NR + 1) / 2)] : 0) }'; }
ms() { awk -v v="$1" 'BEGIN { printf "%.1f", v / 1000 }'; }
ratio() { awk -v m="$1" -v s="$2" 'BEGIN { printf "%.2f", m / (s > 0 ? s : 1) }'; }

# db_for YEARS: the path of a cached demo database of YEARS years, written
# first if missing.
db_for() {
	local f=$cache/demo-y$1-s1-schema$schema.db
	if [ ! -s "$f" ]; then
		echo "bench: writing $f (demo --years $1 --seed 1)..." >&2
		rm -f "$f.tmp"
		"$cxmeet" --db "$f.tmp" demo --years "$1" --seed 1 >/dev/null || { echo "bench: the demo failed" >&2; exit 1; }
		sqlite3 "$f.tmp" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE" >/dev/null
		mv "$f.tmp" "$f"
	fi
	echo "$f"
}

# measure OUT CMD...: runs CMD with stdout to OUT (stdin as given), stopped
# after $timeout_s; sets m_wall (us, from fork to exit), m_cpu (us, user +
# system), m_rc (124 when stopped) and m_rss (peak, KiB), all from wait4(2)
# in bench_measure (tests/bench/measure.c): a small C process that forks CMD
# before anything else, so that the figures are CMD's own, not a harness's.
measure() {
	local out=$1
	shift
	"$measure_bin" "$out" "$dir/err" "$timeout_s" "$@" >"$dir/measured"
	read -r m_wall m_cpu m_rc m_rss <"$dir/measured"
	m_rss=${m_rss:-0}
}

# count_out KIND FILE: the records in one of cxmeet's outputs.
count_out() {
	case $1 in
	table) grep -cE '^ *[0-9]+  ' "$2" ;;       # a plain table led by the id
	headed) echo $(($(wc -l <"$2") - 1)) ;;      # a plain table or CSV with one heading line
	jsonid) grep -cE '^ *\{"id": ' "$2" ;;
	dec) grep -cE '^#[0-9]+  ' "$2" ;;
	digest) grep -cE '^  - #[0-9]+ ' "$2" ;;
	cadence) sed -n 's/^Meeting days held: \([0-9]*\),.*/\1/p' "$2" ;;
	export) grep -cE '^    (  )?\{' "$2" ;; # a record, or a row of a table
	ics) grep -c '^BEGIN:VTODO' "$2" ;;
	esac
}

# one_report DB K: measures the Kth report of run_reports and prints its row:
# cxmeet on DB against the other program ($their_name), which their_query
# MODE SQL prepares (in $dir/q.sql) and their_run OUT runs (through measure).
one_report() {
	local db=$1 k=$2 label how mode sql argv n1 n2 mine theirs cpu tcpu rss verdict i
	IFS=$'\t' read -r label how mode sql <<<"${reports[$k]}"
	mapfile -t argv <<<"${argvs[$k]}"
	their_query "$mode" "$sql"
	# the first run of each, traced, gives the rows and the statements
	CXMEET_TRACE_SQL=$dir/trace.sql measure "$dir/mine.out" "$cxmeet" --db "$db" "${argv[@]}"
	if [ "$m_rc" -ne 0 ] && [ "$m_rc" -ne 8 ]; then
		verdict="failed (exit $m_rc$([ "$m_rc" -eq 124 ] && echo ": over ${timeout_s} s"))"
		printf '%-26s %10s %10s %6s %10s %10s %6s %9s %8s  %s\n' "$label" - - - - - - - - "$verdict"
		bound_broken "$label: $verdict"
		return
	fi
	local first=$m_wall
	their_run "$dir/theirs.out"
	[ "$m_rc" -eq 0 ] || { echo "bench: the $their_name query of '$label' failed: $(head -c 300 "$dir/err")" >&2; exit 1; }
	n1=$(count_out "$how" "$dir/mine.out")
	n2=$(if [ "$how" = ics ]; then grep -c '^BEGIN:VTODO' "$dir/theirs.out"; else wc -l <"$dir/theirs.out"; fi)
	# a long report is run fewer times: 3 times past 1 s, once past 10 s
	local mw=() sw=() mc=() sc=() mr=() n=$runs
	[ "$first" -lt 1000000 ] || n=$((runs < 3 ? runs : 3))
	[ "$first" -lt 10000000 ] || n=1
	for ((i = 0; i < n; i++)); do
		measure /dev/null "$cxmeet" --db "$db" "${argv[@]}"
		mw+=("$m_wall") mc+=("$m_cpu") mr+=("$m_rss")
		[ "$m_rc" -ne 124 ] || break
		their_run /dev/null
		sw+=("$m_wall") sc+=("$m_cpu")
	done
	mine=$(printf '%s\n' "${mw[@]}" | median) theirs=$(printf '%s\n' "${sw[@]}" | median)
	cpu=$(printf '%s\n' "${mc[@]}" | median) tcpu=$(printf '%s\n' "${sc[@]}" | median) rss=$(printf '%s\n' "${mr[@]}" | sort -n | tail -1)
	verdict=ok
	local why=()
	[ "$n1" = "$n2" ] || why+=("rows differ: $n1 against $n2")
	# slow: past the bound in CPU time (on a shared machine the wall
	# time of either program can be another's load; on an idle one the
	# two agree), said with the wall time's verdict beside it
	local over_wall=0 over_cpu=0
	awk -v m="$mine" -v s="$theirs" -v k="$slack_ms" 'BEGIN { exit !(m > 1.2 * s + k * 1000) }' && over_wall=1
	awk -v m="$cpu" -v s="$tcpu" -v k="$slack_ms" 'BEGIN { exit !(m > 1.2 * s + k * 1000) }' && over_cpu=1
	case $over_cpu$over_wall in
	11) why+=("slow") ;;
	10) why+=("slow (CPU; wall within)") ;;
	01) verdict="ok (wall only: load?)" ;;
	esac
	[ "$rss" -le 16384 ] || why+=("RSS")
	[ "$m_rc" -ne 124 ] || why+=("over ${timeout_s} s")
	if [ ${#why[@]} -gt 0 ]; then
		verdict="BROKEN: $(IFS=,; echo "${why[*]}")"
		bound_broken "$label: $verdict"
	fi
	printf '%-26s %7s ms %7s ms %6s %7s ms %7s ms %6s %6.1f MB %8s  %s\n' "$label" "$(ms "$mine")" "$(ms "$theirs")" \
		"$(ratio "$mine" "$theirs")" "$(ms "$cpu")" "$(ms "$tcpu")" "$(ratio "$cpu" "$tcpu")" \
		"$(awk -v v="$rss" 'BEGIN { print v / 1024 }')" "$n1" "$verdict"
	cat "$dir/trace.sql" >>"$dir/all.sql" 2>/dev/null
	rm -f "$dir/trace.sql"
}
