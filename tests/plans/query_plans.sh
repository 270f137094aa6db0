#!/bin/bash
# query_plans.sh - every statement that the reports between meetings run, on
# a year of synthetic history, checked with EXPLAIN QUERY PLAN: none may read
# the items or their events whole, or look items up by their kind alone once
# per meeting (which made `cxmeet history` take 13 s on ten years), page with
# OFFSET (which made `cxmeet decisions` take 24 s on a million items), or
# sort an unbounded set (plan_check.sh). The checks are first tried on
# statements known to be bad, so that they cannot pass by matching nothing.
# Usage: query_plans.sh PATH-TO-CXMEET
set -euo pipefail
here=$(dirname "$0")
. "$here/plan_check.sh"
cxmeet=$(realpath "$1")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db=$dir/plans.db
export CXMEET_NOW=2026-11-23T09:00:00Z TZ=UTC LC_ALL=C.UTF-8 CXMEET_TRACE_SQL=$dir/trace.sql
"$cxmeet" --db "$db" demo --years 1 --seed 1 >/dev/null
: >"$dir/trace.sql"
dept=$(sqlite3 "$db" "SELECT name FROM departments ORDER BY id LIMIT 1")
person=$(sqlite3 "$db" "SELECT name FROM people ORDER BY id LIMIT 1")
run() { "$cxmeet" --db "$db" "$@" >/dev/null 2>&1 || true; }
run status
run history
run history --dept "$dept" --format json
run search customer
run search customer --kind decision --dept "$dept"
run show last --format json
run actions
run actions --dept "$dept"
run actions --owner "$person" --state all
run overdue
run digest
run decisions --format csv
run decisions --revisit-due --dept "$dept"
run decisions --search customer
run cadence --format json
run champions --all
run agenda list
run export --format ics
run export --format csv
# The checks themselves: each of these must be refused.
while IFS= read -r stmt; do
	[ -n "$(plan_problem "$db" "$stmt")" ] || { echo "plan_check passed a bad statement: $stmt"; exit 1; }
done <<'EOT'
SELECT id FROM items WHERE kind = 'action' AND status = 'open' ORDER BY id LIMIT 5 OFFSET 10
SELECT id FROM items WHERE kind = 'action' AND status = 'open' ORDER BY text LIMIT 5
SELECT id FROM items WHERE kind = 'action' ORDER BY text
SELECT count(*) FROM items WHERE deleted_at IS NULL
SELECT x.id FROM items x WHERE x.text LIKE 'a%'
SELECT x.id FROM departments d, items x WHERE x.text LIKE 'a%' AND d.id = 1
SELECT e.id FROM meetings m,item_events e WHERE m.id = 1 AND e.at > m.started_at
SELECT ev.id FROM items i JOIN item_events AS ev ON ev.item_id = i.id WHERE i.id = 3 OR ev.at > '2026'
SELECT id FROM items INDEXED BY items_parked_rank WHERE kind = 'parked' AND status = 'open' AND deleted_at IS NULL ORDER BY rank = 0, rank, id
SELECT id FROM items INDEXED BY items_parked_rank WHERE kind = 'parked' AND status = 'open' AND deleted_at IS NULL ORDER BY rank = 0, rank, id LIMIT -1
SELECT id FROM items INDEXED BY items_parked_rank WHERE kind = 'parked' AND status = 'open' AND deleted_at IS NULL AND text LIKE 'a%' ORDER BY rank = 0, rank, id LIMIT 5
SELECT id FROM items INDEXED BY items_parked_rank WHERE kind = 'parked' AND status = 'open' AND deleted_at IS NULL AND (rank > 2 OR rank < 1) ORDER BY rank = 0, rank, id LIMIT 5
SELECT i.id FROM items i INDEXED BY items_parked_rank JOIN people p ON p.id = i.person_id WHERE i.kind = 'parked' AND i.status = 'open' AND i.deleted_at IS NULL ORDER BY i.rank = 0, i.rank, i.id LIMIT 5
SELECT id FROM items INDEXED BY items_parked_rank WHERE kind = 'parked' AND status = 'open' AND deleted_at IS NULL ORDER BY text LIMIT 5
EOT
[ -z "$(plan_problem "$db" "SELECT id FROM items WHERE meeting_id = 3 ORDER BY text")" ] ||
	{ echo "plan_check refused a sort of one meeting's items"; exit 1; }
# A LIMITed walk, in its order, of a partial index whose condition is the
# whole filter reads no more than the LIMIT (the open parked topics' first page).
[ -z "$(plan_problem "$db" "SELECT i.id, p.name FROM items i INDEXED BY items_parked_rank LEFT JOIN people p
 ON p.id = i.person_id WHERE i.kind = 'parked' AND i.status = 'open' AND i.deleted_at IS NULL
 ORDER BY i.rank = 0, i.rank, i.id LIMIT 5")" ] ||
	{ echo "plan_check refused a LIMITed walk of a partial index that drops no row"; exit 1; }
# No statement run, of any kind, pages with OFFSET.
if grep -qiE '(^|[^a-z_])OFFSET([^a-z_]|$)' "$dir/trace.sql"; then
	echo "not ok - a statement pages with OFFSET:"
	grep -iE '(^|[^a-z_])OFFSET([^a-z_]|$)' "$dir/trace.sql" | cut -c1-300
	exit 1
fi
plans_check "$db" "$dir/trace.sql" 'not ok - ' '  '
echo "$plans_n distinct statements checked, $plans_bad that would not scale"
[ "$plans_n" -gt 20 ] || { echo "too few statements traced: is CXMEET_TRACE_SQL working?"; exit 1; }
[ "$plans_bad" -eq 0 ]
