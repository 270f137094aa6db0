#!/bin/bash
# bench_pg.sh - the reports of bench.sh on a PostgreSQL server, at 100,000
# items and, behind an option, at a million, held to the same bounds.
#
# The history is the demo's (`demo --years 10 --seed 1`, or 100 years for
# the million), the SQLite cache of bench.sh (written first if missing)
# copied row for row into a database of its own on the server: made by
# `cxmeet init`, emptied, each table filled by one COPY (psql \copy) with the
# file's rows and ids, the identities moved past them, then VACUUM ANALYZE.
# For each report and export: cxmeet's median wall and CPU time and peak
# RSS (the client's: bench_measure, measure.c) against the stock `psql`
# producing the same rows in ONE pass (one query written here, no paging:
# not cxmeet's own SQL). The rows of both outputs are counted and must
# agree. Bounds, as on SQLite: cxmeet <= 1.2 x psql + SLACK ms in CPU time
# (BENCH_SLACK_MS, default 5), peak RSS <= 16 MB. The CPU time is the
# client's and, on the throwaway cluster, the server's for it (the work of
# the connection's backend): the queries' cost counts, wherever it is paid.
# The wall time is printed beside (on a shared machine the wall time of
# either may be another's load).
#
# The server: the one of $CXMEET_PG_URI's environment (PGHOST, PGPORT,
# PGUSER, PGPASSFILE, as tests/pg/with_cluster.sh exports them, the user
# allowed to make databases), else a throwaway cluster started for the run
# (tests/pg/with_cluster.sh), and its superuser (to copy the rows in). The
# databases made are dropped at the end.
#
# Usage: tests/bench/bench_pg.sh [--1m] [--runs N] [--cache DIR] [CXMEET]
#   --1m, --runs, --cache as in bench.sh (BENCH_1M, BENCH_RUNS, BENCH_CACHE,
#   BENCH_TIMEOUT); --only-1m: the million alone. Ends with "bench_pg: all bounds met" (exit 0) or
#   "bench_pg: N bounds broken" (exit 1). Run it with nice, alone.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${CXMEET_PG_URI:-}" ]; then
	exec "$here/../pg/with_cluster.sh" "$0" "$@"
fi
# shellcheck source-path=SCRIPTDIR source=helpers.sh
. "$here/helpers.sh"

big=${BENCH_1M:-0} runs=${BENCH_RUNS:-5} cache=${BENCH_CACHE:-}
cxmeet=
while [ $# -gt 0 ]; do
	case $1 in
	--1m) big=1 ;;
	--only-1m) big=only ;;
	--runs) runs=$2; shift ;;
	--cache) cache=$2; shift ;;
	-h | --help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) cxmeet=$1 ;;
	esac
	shift
done
cxmeet=$(realpath "${cxmeet:-build/src/cxmeet}")
slack_ms=${BENCH_SLACK_MS:-5}
timeout_s=${BENCH_TIMEOUT:-150}
for p in sqlite3 psql jq; do
	command -v $p >/dev/null || { echo "bench_pg: needs the $p program" >&2; exit 77; }
done
schema=$("$cxmeet" --version | sed -n 's/.*(schema \([0-9]*\),.*/\1/p')
[ -n "$schema" ] || { echo "bench_pg: cannot read the schema version of $cxmeet" >&2; exit 1; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/cxmeet-bench-pg.XXXXXX")
made=()
cleanup() {
	local d
	for d in "${made[@]}"; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1; done
	rm -rf "$dir"
}
trap cleanup EXIT
[ -n "$cache" ] || cache=$dir/cache
measure_bin=${BENCH_MEASURE:-}
if [ -z "$measure_bin" ] || [ ! -x "$measure_bin" ]; then
	measure_bin=$dir/bench_measure
	${CC:-cc} -std=c17 -O2 -o "$measure_bin" "$here/measure.c" ||
		{ echo "bench_pg: cannot build $here/measure.c (set CC or BENCH_MEASURE)" >&2; exit 77; }
fi
mkdir -p "$cache"
export CXMEET_NOW=2026-11-23T09:00:00Z TZ=UTC PGTZ=UTC LC_ALL=C.UTF-8
unset CXMEET_TRACE_SQL CXMEET_TRACE_KEYS CXMEET_DB CXMEET_COUNCIL
today=${CXMEET_NOW%%T*}
broken=0
bound_broken() { broken=$((broken + 1)); problems+=("$size: $*"); }
problems=()

# their_query MODE SQL / their_run OUT: the stock psql, one query, every
# row printed as it comes (no pager, no alignment: unaligned or CSV).
their_name=psql
their_query() {
	{
		if [ "$1" = csv ]; then
			printf '\\pset format csv\n'
		else
			printf '\\pset format unaligned\n\\pset fieldsep %s\n' "'|'"
		fi
		printf '\\pset tuples_only on\n%s;\n' "$2"
	} >"$dir/q.sql"
}
their_run() { measure "$1" psql -X -q -v ON_ERROR_STOP=1 -d "$pgdb" -f "$dir/q.sql"; }

sql() { PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$pgdb" "$@"; }

# The server's work is counted too: on the throwaway cluster (its folder
# $CXMEET_PG_DIR), each run's CPU time is the client's (bench_measure) plus
# the server's: the time of the postmaster and every backend it has reaped
# (/proc: utime, stime, cutime, cstime), read before and after the run, once
# the run's backend has ended. Clock ticks: 10 ms steps, medians of runs.
pm_pid=
if [ -n "${CXMEET_PG_DIR:-}" ] && [ -r "$CXMEET_PG_DIR/data/postmaster.pid" ]; then
	pm_pid=$(head -1 "$CXMEET_PG_DIR/data/postmaster.pid")
	[ -r "/proc/$pm_pid/task/$pm_pid/children" ] || pm_pid=
fi
tick_us=$((1000000 / $(getconf CLK_TCK)))
server_cpu() { awk -v t="$tick_us" '{ print ($14 + $15 + $16 + $17) * t }' "/proc/$pm_pid/stat"; }
server_kids() { wc -w <"/proc/$pm_pid/task/$pm_pid/children"; }
eval "measure_client() $(declare -f measure | tail -n +2)"
measure() {
	[ -n "$pm_pid" ] || { measure_client "$@"; return; }
	local kids s0 i
	kids=$(server_kids) s0=$(server_cpu)
	measure_client "$@"
	for ((i = 0; i < 200; i++)); do # the backend ends after its client
		[ "$(server_kids)" -gt "$kids" ] || break
		sleep 0.01
	done
	m_cpu=$((m_cpu + $(server_cpu) - s0))
}

# pg_load SRC NAME: database NAME on the server holding the rows of the
# SQLite file SRC, ids and all, in the council `cxmeet init` makes. The rows
# are copied by the cluster's superuser ($BENCH_PG_SUPER, default
# cxmeet_super as tests/pg/cluster.sh makes it, its password in PGPASSFILE):
# the server copies into no table under row-level security. Sets pgdb and
# db (the --db argument).
pg_load() {
	local src=$1 t cols cid super=${BENCH_PG_SUPER:-cxmeet_super}
	pgdb=$2
	db="postgresql://$PGUSER@/$pgdb?host=$PGHOST&port=$PGPORT"
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $pgdb" >/dev/null 2>&1
	made+=("$pgdb")
	"$cxmeet" --db "$db" init >/dev/null || { echo "bench_pg: cxmeet init failed" >&2; exit 1; }
	cid=$(sql -c "SELECT id FROM councils")
	local tables=(organisation org_text_versions departments people person_profiles stance_history focus
		agenda_templates agenda_template_steps meetings meeting_steps measures measure_values initiatives initiative_milestones
		initiative_reviews attendance meeting_ratings meeting_briefers
		items item_links item_events message_recipients)
	sql -c "TRUNCATE $(IFS=,; echo "${tables[*]}"), meeting_holds, meeting_drafts" >/dev/null || exit 1
	for t in "${tables[@]}"; do
		cols=$(sql -c "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position)
			FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '$t'
			AND column_name NOT IN ('council_id', 'search')")
		# an item captured in a meeting is checked against the meeting's
		# hold by a trigger unless cxmeet.bulk is on, as the demo writes
		sqlite3 -csv -readonly "$src" "SELECT $cid, $cols FROM $t" |
			PGUSER=$super PGOPTIONS="-c cxmeet.bulk=on" sql -c "\\copy $t(council_id, $cols) FROM pstdin WITH (FORMAT csv)" >/dev/null ||
			{ echo "bench_pg: copying $t failed" >&2; exit 1; }
		if [ "$(sql -c "SELECT count(*) FROM $t")" != "$(sqlite3 -readonly "$src" "SELECT count(*) FROM $t")" ]; then
			echo "bench_pg: $t: not every row copied" >&2
			exit 1
		fi
	done
	for t in $(sql -c "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public'
		AND column_name = 'id' AND is_identity = 'YES'"); do
		sql -c "SELECT setval(pg_get_serial_sequence('public.$t', 'id'), max(id)) FROM $t HAVING count(*) > 0" \
			>/dev/null || exit 1
	done
	PGUSER=$super sql -c "VACUUM ANALYZE" >/dev/null
}

run_reports() {
	local src=$1 dept_id dept owner_id owner rare soon
	# the same department, owner and rare word as bench.sh, from the file
	dept_id=$(sqlite3 -readonly "$src" "SELECT id FROM departments ORDER BY id LIMIT 1")
	dept=$(sqlite3 -readonly "$src" "SELECT name FROM departments WHERE id = $dept_id")
	owner_id=$(sqlite3 -readonly "$src" "SELECT person_id FROM items INDEXED BY items_kind_status_due WHERE kind = 'action'
		AND status = 'open' AND deleted_at IS NULL GROUP BY person_id ORDER BY count(*) DESC, person_id LIMIT 1")
	owner=$(sqlite3 -readonly "$src" "SELECT name FROM people WHERE id = $owner_id")
	rare=$(sqlite3 -readonly "$src" "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, items_fts, row);
		SELECT term FROM temp.v WHERE doc >= 2 AND length(term) >= 4 AND term GLOB '[a-z]*'
		AND term NOT GLOB '*[^a-z]*' ORDER BY doc, term LIMIT 1")
	soon=$(date -u -d "$today + 8 days" +%F)
	local day="DATE '$today'"
	local acols="i.id, i.due_on, greatest(0, $day - i.due_on),
 (SELECT count(*) FROM item_events e WHERE e.item_id = i.id AND e.event = 'due_moved' AND e.new_value > e.old_value),
 (SELECT count(*) FROM item_events e WHERE e.item_id = i.id AND e.event = 'carried') + coalesce((SELECT max(seq) FROM meetings) - i.carry_from, 0),
 i.status, p.name, d.name, to_char(m.started_at, 'YYYY-MM-DD'), i.text"
	local ajoin="LEFT JOIN departments d ON d.id = i.department_id LEFT JOIN people p ON p.id = i.person_id
 LEFT JOIN meetings m ON m.id = i.meeting_id"
	local dcols="i.id, to_char(coalesce(m.started_at, i.created_at), 'YYYY-MM-DD'), d.name, p.name, i.text, i.rationale, i.revisit_on, i.superseded_by,
 (SELECT count(*) FROM item_links l JOIN items o ON o.id = l.to_item WHERE l.from_item = i.id AND o.deleted_at IS NULL)
 + (SELECT count(*) FROM item_links l JOIN items o ON o.id = l.from_item WHERE l.to_item = i.id AND o.deleted_at IS NULL)"
	local scols="i.id, i.kind, to_char(coalesce(m.started_at, i.created_at), 'YYYY-MM-DD'), i.meeting_id, d.name, p.name, i.text
 FROM items i LEFT JOIN departments d ON d.id = i.department_id LEFT JOIN people p ON p.id = i.person_id
 LEFT JOIN meetings m ON m.id = i.meeting_id"
	local match="i.search @@ to_tsquery('cx_search', '''customer'':*')"
	local hcols="m.id, m.started_at, m.ended_at, m.status, m.rating,
 (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.present),
 (SELECT string_agg(x.name, ', ' ORDER BY x.k) FROM (SELECT DISTINCT d.name, d.name_key AS k FROM attendance a
   JOIN departments d ON d.id = a.department_id WHERE a.meeting_id = m.id AND a.present) x),
 (SELECT count(*) FROM items i WHERE i.meeting_id = m.id AND i.kind = 'decision' AND i.deleted_at IS NULL),
 (SELECT count(*) FROM items i WHERE i.meeting_id = m.id AND i.kind = 'action' AND i.deleted_at IS NULL),
 (SELECT count(*) FROM items i WHERE i.meeting_id = m.id AND i.kind = 'win' AND i.deleted_at IS NULL) FROM meetings m"
	local rec="(SELECT count(*) FROM items i WHERE i.person_id = p.id AND i.kind = 'win' AND i.deleted_at IS NULL),
 (SELECT count(*) FROM items i WHERE i.person_id = p.id AND i.kind = 'action' AND i.status = 'done' AND i.deleted_at IS NULL
   AND (i.closed_at AT TIME ZONE 'UTC')::date <= i.due_on),
 (SELECT count(*) FROM items i WHERE i.person_id = p.id AND i.kind = 'action' AND i.deleted_at IS NULL AND i.due_on < $day),
 (SELECT count(*) FROM items i WHERE i.person_id = p.id AND i.kind = 'action' AND i.status = 'open' AND i.deleted_at IS NULL),
 (SELECT count(*) FROM items i WHERE i.person_id = p.id AND i.kind = 'action' AND i.status = 'open' AND i.deleted_at IS NULL
   AND i.due_on < $day)"
	local ecols="i.id, i.kind, i.status, i.meeting_id, i.created_at, d.name, p.name, i.due_on, i.revisit_on, i.superseded_by,
 (SELECT count(*) FROM item_events e WHERE e.item_id = i.id AND e.event = 'due_moved' AND e.new_value > e.old_value),
 (SELECT count(*) FROM item_events e WHERE e.item_id = i.id AND e.event = 'carried') + coalesce((SELECT max(seq) FROM meetings) - i.carry_from, 0), i.text, i.detail, i.rationale
 FROM items i LEFT JOIN departments d ON d.id = i.department_id LEFT JOIN people p ON p.id = i.person_id"
	# The export's "tables" section: every row of every table it holds (the
	# tables as the export names them, read once here, untimed).
	local etables="" t
	for t in $("$cxmeet" --db "$db" export --format json | jq -r '.tables | keys_unsorted[]'); do
		etables+=" UNION ALL SELECT row_to_json(x) FROM \"$t\" x"
	done

	# label | how to count cxmeet's rows | psql mode | the one-pass query | cxmeet's arguments (one per line after)
	reports=()
	argvs=()
	report() { reports+=("$(printf '%s\t%s\t%s\t%s' "$1" "$2" "$3" "${4//$'\n'/ }")"); shift 4; argvs+=("$(printf '%s\n' "$@")"); }
	report "overdue" table list "SELECT $acols FROM items i $ajoin WHERE i.kind = 'action' AND i.status = 'open'
 AND i.deleted_at IS NULL AND i.due_on < $day ORDER BY i.due_on, i.id" overdue
	report "actions --dept" table list "SELECT $acols FROM items i $ajoin WHERE i.kind = 'action' AND i.status = 'open'
 AND i.deleted_at IS NULL AND i.department_id = $dept_id ORDER BY i.due_on, i.id" actions --dept "$dept"
	report "actions --owner" table list "SELECT $acols FROM items i $ajoin WHERE i.kind = 'action' AND i.status = 'open'
 AND i.deleted_at IS NULL AND i.person_id = $owner_id ORDER BY i.due_on, i.id" actions --owner "$owner"
	report "actions --state all csv" headed csv "SELECT $acols FROM items i $ajoin WHERE i.kind = 'action'
 AND i.deleted_at IS NULL ORDER BY i.due_on, i.id" actions --state all --format csv
	report "decisions" dec list "SELECT $dcols FROM items i LEFT JOIN departments d ON d.id = i.department_id
 LEFT JOIN people p ON p.id = i.person_id LEFT JOIN meetings m ON m.id = i.meeting_id WHERE i.kind = 'decision' AND i.deleted_at IS NULL AND i.superseded_by IS NULL
 ORDER BY i.revisit_on <= $day DESC NULLS LAST, CASE WHEN i.revisit_on <= $day THEN i.revisit_on END NULLS FIRST,
 i.id DESC" decisions
	report "decisions --revisit-due" dec list "SELECT $dcols FROM items i LEFT JOIN departments d ON d.id = i.department_id
 LEFT JOIN people p ON p.id = i.person_id LEFT JOIN meetings m ON m.id = i.meeting_id WHERE i.kind = 'decision' AND i.deleted_at IS NULL AND i.superseded_by IS NULL
 AND i.revisit_on <= $day ORDER BY i.revisit_on, i.id" decisions --revisit-due
	report "decisions --all json" jsonid list "SELECT json_build_object('id', i.id, 'date', to_char(coalesce(m.started_at, i.created_at), 'YYYY-MM-DD'),
 'revisit', i.revisit_on, 'revisit_due', coalesce(i.revisit_on <= $day AND i.superseded_by IS NULL, false),
 'department', d.name, 'decided_by', p.name, 'superseded_by', i.superseded_by,
 'links', (SELECT count(*) FROM item_links l JOIN items o ON o.id = l.to_item WHERE l.from_item = i.id AND o.deleted_at IS NULL)
 + (SELECT count(*) FROM item_links l JOIN items o ON o.id = l.from_item WHERE l.to_item = i.id AND o.deleted_at IS NULL),
 'text', i.text, 'rationale', i.rationale) FROM items i LEFT JOIN departments d ON d.id = i.department_id
 LEFT JOIN people p ON p.id = i.person_id LEFT JOIN meetings m ON m.id = i.meeting_id WHERE i.kind = 'decision' AND i.deleted_at IS NULL
 ORDER BY i.revisit_on <= $day AND i.superseded_by IS NULL DESC NULLS LAST, i.id DESC" decisions --all --format json
	report "search customer" table list "SELECT $scols WHERE $match AND i.deleted_at IS NULL
 ORDER BY i.id DESC LIMIT 50" search customer
	report "search $rare (rare)" table list "SELECT $scols WHERE i.search @@ to_tsquery('cx_search', '''$rare'':*')
 AND i.deleted_at IS NULL ORDER BY i.id DESC LIMIT 50" search "$rare"
	report "search --kind decision" table list "SELECT $scols WHERE $match AND i.deleted_at IS NULL
 AND i.kind = 'decision' ORDER BY i.id DESC LIMIT 50" search customer --kind decision
	report "search the (all) csv" headed csv "SELECT $scols WHERE i.search @@ to_tsquery('cx_search', '''the'':*')
 AND i.deleted_at IS NULL ORDER BY i.id DESC LIMIT 1000000" search the --limit 1000000 --format csv
	report "history" table list "SELECT $hcols ORDER BY m.started_at DESC, m.id DESC" history
	report "history --dept" table list "SELECT $hcols WHERE EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id
 AND a.department_id = $dept_id AND a.present) ORDER BY m.started_at DESC, m.id DESC" history --dept "$dept"
	report "digest" digest list "SELECT $acols, p.email FROM items i $ajoin WHERE i.kind = 'action' AND i.status = 'open'
 AND i.deleted_at IS NULL AND i.due_on < DATE '$soon' ORDER BY p.name COLLATE \"C\", i.due_on, i.id" digest
	report "cadence" cadence list "SELECT to_char(started_at, 'YYYY-MM-DD'), count(*) FROM meetings
 WHERE status = 'completed' GROUP BY 1 ORDER BY 1" cadence
	report "champions" headed list "SELECT p.name, d.name, p.role, p.influence, p.support, $rec FROM people p
 LEFT JOIN departments d ON d.id = p.department_id WHERE p.archived_at IS NULL ORDER BY 6 DESC, p.name COLLATE \"C\"" champions
	report "export json" export list "SELECT json_build_object('id', id, 'name', name, 'customer_facing', facing = 'customer')
 FROM departments UNION ALL SELECT json_build_object('id', p.id, 'name', p.name, 'department', d.name, 'role', p.role,
 'email', p.email) FROM people p LEFT JOIN departments d ON d.id = p.department_id UNION ALL
 SELECT json_build_object('id', id, 'status', status, 'started_at', started_at, 'ended_at', ended_at, 'rating', rating,
 'next_meeting_on', next_meeting_on) FROM meetings UNION ALL
 SELECT json_build_object('meeting_id', r.meeting_id, 'person_id', r.person_id, 'person', p.name, 'rating', r.rating,
 'rated_at', r.rated_at) FROM meeting_ratings r JOIN people p ON p.id = r.person_id UNION ALL
 SELECT json_build_object('meeting_id', b.meeting_id, 'department', d.name, 'person_id', b.person_id, 'person', p.name)
 FROM meeting_briefers b JOIN departments d ON d.id = b.department_id JOIN people p ON p.id = b.person_id UNION ALL
 SELECT json_build_object('id', m.id, 'name', m.name, 'kind', m.kind, 'department_id', m.department_id, 'department', d.name,
 'owner_id', m.person_id, 'owner', pe.name, 'unit', m.unit, 'better', m.direction, 'target', m.target, 'every', m.frequency,
 'archived', m.archived_at IS NOT NULL, 'values', (SELECT coalesce(json_agg(json_build_object('period_on', v.period_on,
 'value', v.value, 'entered_at', v.entered_at, 'entered_by', v.entered_by, 'corrected', v.id <> (SELECT max(x.id)
 FROM measure_values x WHERE x.measure_id = v.measure_id AND x.period_on = v.period_on))
 ORDER BY v.period_on DESC, v.id DESC), '[]') FROM measure_values v WHERE v.measure_id = m.id))
 FROM measures m LEFT JOIN departments d ON d.id = m.department_id LEFT JOIN people pe ON pe.id = m.person_id UNION ALL
 SELECT json_build_object('id', n.id, 'title', n.title, 'department_id', n.department_id, 'department', d.name,
 'owner_id', n.person_id, 'owner', pe.name, 'due_on', n.due_on, 'track', n.track, 'created_at', n.created_at,
 'milestones', (SELECT coalesce(json_agg(json_build_object('title', ms.title, 'due_on', ms.due_on, 'reached_on', ms.done_on)
 ORDER BY ms.id), '[]') FROM initiative_milestones ms WHERE ms.initiative_id = n.id),
 'reviews', (SELECT coalesce(json_agg(json_build_object('track', r.track, 'note', r.note, 'meeting_id', r.meeting_id,
 'reviewed_at', r.reviewed_at, 'reviewed_by', r.reviewed_by) ORDER BY r.id DESC), '[]') FROM initiative_reviews r
 WHERE r.initiative_id = n.id))
 FROM initiatives n LEFT JOIN departments d ON d.id = n.department_id LEFT JOIN people pe ON pe.id = n.person_id
 UNION ALL SELECT json_build_object('id', i.id, 'kind', i.kind,
 'status', i.status, 'text', i.text, 'detail', i.detail, 'rationale', i.rationale, 'department', d.name, 'person', p.name,
 'due_on', i.due_on, 'revisit_on', i.revisit_on, 'superseded_by', i.superseded_by, 'rank', i.rank, 'consent', i.consent,
 'meeting_id', i.meeting_id, 'created_at', i.created_at, 'closed_at', i.closed_at,
 'slips', (SELECT count(*) FROM item_events e WHERE e.item_id = i.id AND e.event = 'due_moved' AND e.new_value > e.old_value),
 'carried', (SELECT count(*) FROM item_events e WHERE e.item_id = i.id AND e.event = 'carried') + coalesce((SELECT max(seq) FROM meetings) - i.carry_from, 0))
 FROM items i LEFT JOIN departments d ON d.id = i.department_id LEFT JOIN people p ON p.id = i.person_id
 WHERE i.deleted_at IS NULL$etables" export --format json
	report "export ics" ics list "SELECT 'BEGIN:VTODO' || chr(10) || 'UID:action-' || i.id || '@cxmeet' || chr(10)
 || 'DUE;VALUE=DATE:' || to_char(i.due_on, 'YYYYMMDD') || chr(10) || 'SUMMARY:' || i.text || chr(10) || 'END:VTODO'
 FROM items i WHERE i.kind = 'action' AND i.status = 'open' AND i.deleted_at IS NULL
 ORDER BY i.due_on, i.id" export --format ics
	report "export csv" headed csv "SELECT $ecols WHERE i.deleted_at IS NULL ORDER BY i.id" export --format csv

	# starting each program: cxmeet before any connection, psql with one
	local a=() b=() ac=() bc=() i
	for i in 1 2 3 4 5; do
		measure /dev/null "$cxmeet" --version; a+=("$m_wall") ac+=("$m_cpu")
		measure /dev/null psql -X -q -d "$pgdb" -c "SELECT 1"; b+=("$m_wall") bc+=("$m_cpu")
	done
	printf '\nreports (%s runs, medians; bound: cxmeet <= 1.2 x psql + %s ms in CPU time, RSS <= 16 MB)\n' "$runs" "$slack_ms"
	[ -z "$pm_pid" ] || echo "(CPU time: the client's and the server's for it; peak RSS: the client's)"
	printf 'starting the program (wall / CPU): cxmeet --version %s / %s ms, psql with a connection %s / %s ms\n' \
		"$(ms "$(printf '%s\n' "${a[@]}" | median)")" "$(ms "$(printf '%s\n' "${ac[@]}" | median)")" \
		"$(ms "$(printf '%s\n' "${b[@]}" | median)")" "$(ms "$(printf '%s\n' "${bc[@]}" | median)")"
	printf '%-26s %10s %10s %6s %10s %10s %6s %9s %8s  %s\n' report cxmeet "$their_name" ratio "CPU cxmeet" "$their_name" ratio \
		"peak RSS" rows verdict
	local k
	for k in "${!reports[@]}"; do
		one_report "$db" "$k"
	done

	# a plain table of every action overdue: the done actions reopened
	# (kept aside in a schema of the bench's own and put back afterwards)
	sql -c "CREATE SCHEMA bench; CREATE TABLE bench.kept AS SELECT id, closed_at FROM items
		WHERE kind = 'action' AND status = 'done' AND deleted_at IS NULL;
		UPDATE items SET status = 'open', closed_at = NULL WHERE id IN (SELECT id FROM bench.kept); ANALYZE items" >/dev/null
	report "overdue, done reopened" table list "SELECT $acols FROM items i $ajoin WHERE i.kind = 'action'
 AND i.status = 'open' AND i.deleted_at IS NULL AND i.due_on < $day ORDER BY i.due_on, i.id" overdue
	one_report "$db" $((${#reports[@]} - 1))
	sql -c "UPDATE items SET status = 'done', closed_at = k.closed_at FROM bench.kept k WHERE k.id = items.id;
		DROP SCHEMA bench CASCADE; ANALYZE items" >/dev/null
}

sizes=(10)
[ "$big" = 1 ] && sizes+=(100)
[ "$big" = only ] && sizes=(100)
for years in "${sizes[@]}"; do
	size=$([ "$years" = 10 ] && echo 100k || echo 1M)
	src=$(db_for "$years")
	start=$(date +%s)
	pg_load "$src" "bench_y$years"
	printf '\n=== %s on PostgreSQL %s: demo --years %s --seed 1: %s items, %s events, %s meetings (copied from the file in %s s) ===\n' \
		"$size" "$(sql -c "SHOW server_version")" "$years" "$(sql -c "SELECT count(*) FROM items")" \
		"$(sql -c "SELECT count(*) FROM item_events")" "$(sql -c "SELECT count(*) FROM meetings")" $(($(date +%s) - start))
	before=$broken
	run_reports "$src"
	printf '%s: %s bounds broken\n' "$size" $((broken - before))
	psql -X -q -d postgres -c "DROP DATABASE $pgdb" >/dev/null
done
echo
if [ "$broken" -gt 0 ]; then
	printf '  %s\n' "${problems[@]}"
	echo "bench_pg: $broken bounds broken"
	exit 1
fi
echo "bench_pg: all bounds met"
