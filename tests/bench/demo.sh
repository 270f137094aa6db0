#!/bin/sh
# Times `cxmeet demo --years 10` on an empty database and a few reads of the
# history it writes. Usage: demo.sh PATH-TO-CXMEET. Prints figures; exits 1 if
# the demo takes 10 s or more, or writes fewer than 90,000 items.
set -eu
cxmeet=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db=$dir/bench.db
export CXMEET_NOW=2026-11-23T09:00:00Z

now_ms() { date +%s%3N; }

t0=$(now_ms)
"$cxmeet" --db "$db" demo --years 10 --seed 1
t1=$(now_ms)
demo_ms=$((t1 - t0))
items=$(sqlite3 "$db" "SELECT count(*) FROM items")
size=$(du -k "$db" | cut -f1)
echo "demo --years 10: ${demo_ms} ms, ${items} items, database ${size} KiB"

for cmd in "status" "dept list" "person list" "org show" "show last"; do
	t0=$(now_ms)
	# shellcheck disable=SC2086
	"$cxmeet" --db "$db" $cmd >/dev/null
	t1=$(now_ms)
	echo "$cmd: $((t1 - t0)) ms"
done

for cmd in "actions" "actions --dept Sales" "actions --state done --dept IT" "digest" \
	"decisions" "decisions --all --format json" "decisions --revisit-due --dept Sales" \
	"decisions --search warranty"; do
	t0=$(now_ms)
	# shellcheck disable=SC2086
	"$cxmeet" --db "$db" $cmd >/dev/null
	t1=$(now_ms)
	echo "$cmd: $((t1 - t0)) ms"
done
t0=$(now_ms)
rc=0
"$cxmeet" --db "$db" overdue >/dev/null || rc=$?
t1=$(now_ms)
echo "overdue: $((t1 - t0)) ms, exit status $rc"
[ "$rc" -eq 8 ] || { echo "overdue should exit 8 on the demo history"; exit 1; }

# The queries behind the meeting screen must use indexes, never scan items.
plan=$(sqlite3 "$db" "EXPLAIN QUERY PLAN SELECT id FROM items WHERE kind = 'action'
  AND status = 'open' AND deleted_at IS NULL AND coalesce(meeting_id, 0) <> 1
  ORDER BY due_on, id LIMIT 200")
echo "open actions plan: $(echo "$plan" | tr '\n' ' ')"
case "$plan" in *"SCAN items"*) echo "open actions scan the items table"; exit 1;; esac

[ "$demo_ms" -lt 10000 ] || { echo "too slow: demo took ${demo_ms} ms (limit 10000)"; exit 1; }
[ "$items" -ge 90000 ] || { echo "too few items: $items"; exit 1; }
