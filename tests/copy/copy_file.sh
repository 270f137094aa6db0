#!/usr/bin/env bash
# copy_file.sh - `cxmeet copy` from one file to a new one: the demo's history
# with a decision superseded by a later one (a row referring to a later row
# of its table), a meeting in progress with its draft and its hold, then
# copied; the full JSON export of both is the same, byte for byte, and so is
# every table, row by row and value by value (sqlite3's .dump), but the hold
# (a running instance's, not copied); the search index answers the same.
# A copy into a file holding data is refused and writes nothing.
#   copy_file.sh CXMEET
set -uo pipefail
cx=$1
export TZ=UTC LC_ALL=C.UTF-8 CXMEET_NOW=2026-11-23T09:00:00Z
work=$(mktemp -d /tmp/cxmeet-copy.XXXXXX)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "copy_file: FAIL: $*" >&2; failures=$((failures + 1)); }

src="$work/src.db"
"$cx" --db "$src" demo --years 2 --seed 3 >/dev/null || { echo "demo failed" >&2; exit 1; }
old=$(sqlite3 "$src" "SELECT min(id) FROM items WHERE kind = 'decision' AND deleted_at IS NULL")
new=$(sqlite3 "$src" "SELECT max(id) FROM items WHERE kind = 'decision' AND deleted_at IS NULL")
"$cx" --db "$src" supersede "$old" "$new" >/dev/null || fail "supersede $old $new"
# what connects CX to a leader's goals: a KPI and its values, the focus, a
# profile and moves on the map
dept=$(sqlite3 "$src" "SELECT name FROM departments ORDER BY id LIMIT 1")
who=$(sqlite3 "$src" "SELECT name FROM people ORDER BY id LIMIT 1")
{ "$cx" --db "$src" kpi add "$dept" "Repeat calls" --unit % --lower-is-better --value 12.5 &&
	"$cx" --db "$src" kpi set "$dept" "Repeat calls" 11.25 &&
	"$cx" --db "$src" focus "$dept" --plan "Win the lead" --next-step "Show the figures" &&
	"$cx" --db "$src" person edit "$who" --values "Fewer escalations" --kpi "Repeat calls" \
		--stage knowledge --next-step "Pair on a case" --influence low --support low &&
	"$cx" --db "$src" person edit "$who" --influence high --support high; } >/dev/null ||
	fail "setting up KPIs, the focus and a profile"
sqlite3 "$src" "
INSERT INTO meetings(id, template_id, status, started_at, current_step)
  VALUES (100000, 1, 'in_progress', '2026-11-23T08:30:00Z', 1);
INSERT INTO meeting_steps(id, meeting_id, position, title, kind, planned_minutes)
  VALUES (100000, 100000, 0, 'Roll call', 'roll-call', 3);
INSERT INTO meeting_drafts VALUES (100000, 100000, 'action', 'Call the bank back', NULL,
  '2026-11-23T08:40:00Z');
INSERT INTO meeting_holds VALUES (100000, 'feedfeed', 'ana', 'desk', 4242,
  '2026-11-23T08:30:00Z', '2026-11-23T08:41:00Z');" || fail "setting up the meeting in progress"
# members' ratings of a meeting held, and a department's briefer (the demo
# gives one rating a meeting)
sqlite3 "$src" "
INSERT INTO meeting_ratings(meeting_id, person_id, rating, rated_at)
  SELECT (SELECT min(id) FROM meetings WHERE status = 'completed'), id, 5 + id % 5,
    '2026-11-23T08:45:00Z' FROM people ORDER BY id LIMIT 3;
INSERT INTO meeting_briefers(meeting_id, department_id, person_id, set_at)
  SELECT (SELECT min(id) FROM meetings WHERE status = 'completed'), d.id,
    (SELECT min(p.id) FROM people p WHERE p.department_id IS NOT d.id), '2026-11-23T08:46:00Z'
  FROM departments d ORDER BY d.id LIMIT 1;" || fail "setting up the ratings and briefers"

dest="$work/new/dest.db"
mkdir -p "$work/new"
"$cx" copy --from "$src" --to "$dest" >"$work/out" 2>"$work/err" ||
	fail "copy exited $? ($(cat "$work/err"))"
[ -s "$work/err" ] && fail "copy wrote to stderr when it is not a terminal: $(cat "$work/err")"
grep -q "^Copied " "$work/out" || fail "copy said: $(cat "$work/out")"

"$cx" --db "$src" export --format json >"$work/a.json" || fail "export of the source"
"$cx" --db "$dest" export --format json >"$work/b.json" || fail "export of the copy"
[ -s "$work/a.json" ] && cmp -s "$work/a.json" "$work/b.json" ||
	fail "the JSON exports differ: $(diff "$work/a.json" "$work/b.json" | head -5)"

tables=$(sqlite3 "$src" "SELECT name FROM sqlite_master WHERE type = 'table'
  AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'items_fts%' ORDER BY name")
[ "$(echo "$tables" | wc -l)" -ge 16 ] || fail "too few tables found: $tables"
for t in $tables; do
	sqlite3 "$src" ".dump $t" >"$work/a.sql"
	sqlite3 "$dest" ".dump $t" >"$work/b.sql"
	if [ "$t" = meeting_holds ]; then
		[ "$(sqlite3 "$dest" "SELECT count(*) FROM meeting_holds")" = 0 ] ||
			fail "a live meeting's hold was copied"
		continue
	fi
	rows=$(grep -c '^INSERT' "$work/a.sql")
	[ "$rows" -gt 0 ] || fail "table $t of the source is empty: the test copies nothing of it"
	cmp -s "$work/a.sql" "$work/b.sql" ||
		fail "table $t differs: $(diff "$work/a.sql" "$work/b.sql" | head -4)"
done
[ "$(sqlite3 "$dest" "SELECT superseded_by FROM items WHERE id = $old")" = "$new" ] ||
	fail "decision $old is not superseded by $new in the copy"
for w in refund accounts delivery; do
	a=$(sqlite3 "$src" "SELECT count(*) FROM items_fts WHERE items_fts MATCH '$w'")
	b=$(sqlite3 "$dest" "SELECT count(*) FROM items_fts WHERE items_fts MATCH '$w'")
	[ "$a" = "$b" ] && [ "$a" -gt 0 ] || fail "the search index of '$w': $a in the source, $b in the copy"
done
"$cx" --db "$dest" check >/dev/null || fail "check of the copy"
"$cx" --db "$src" search refund --format json >"$work/a.search"
"$cx" --db "$dest" search refund --format json >"$work/b.search"
cmp -s "$work/a.search" "$work/b.search" || fail "search differs"
# A new row in the copy takes an id after the ones copied.
"$cx" --db "$dest" dept add "Copied Later" >/dev/null || fail "adding a department to the copy"

# Into a file that holds data: refused, exit 2, nothing written.
full="$work/full.db"
"$cx" --db "$full" init >/dev/null 2>&1 || fail "init"
sqlite3 "$full" .dump >"$work/full.before"
"$cx" copy --from "$src" --to "$full" >"$work/out" 2>"$work/err"
rc=$?
[ "$rc" = 2 ] || fail "a copy into a file with data exited $rc, not 2"
grep -q "already holds data" "$work/err" || fail "the refusal said: $(cat "$work/err")"
sqlite3 "$full" .dump >"$work/full.after"
cmp -s "$work/full.before" "$work/full.after" || fail "the refused copy wrote to the file"
# Nothing to copy from: a missing source is refused, nothing created.
"$cx" copy --from "$work/none.db" --to "$work/other.db" >/dev/null 2>&1 && fail "a missing source"
[ -e "$work/other.db" ] && fail "a copy from a missing source created the destination"
# The same database on both sides.
"$cx" copy --from "$src" --to "$src" >/dev/null 2>&1
[ $? = 2 ] || fail "a copy onto itself was not refused"

[ "$failures" = 0 ] && echo "copy_file: a copy gives the same history, table by table"
exit $((failures > 0))
