#!/usr/bin/env bash
# import.sh - `cxmeet import` of the JSON export into a server: the demo's
# year exported from a file, imported into a new server database, exported
# again: the same bytes; imported from the server's export into a new file:
# the same again. An import into the server's database, now holding data, is
# refused, and a merge of it adds nothing; a bad file imported into a new
# server database writes nothing.
# Run inside with_cluster.sh: import.sh CXMEET
set -uo pipefail
cx=$1
export TZ=UTC LC_ALL=C.UTF-8 CXMEET_NOW=2026-11-23T09:00:00Z
work=$(mktemp -d /tmp/cxmeet-pgimport.XXXXXX)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "import: FAIL: $*" >&2; failures=$((failures + 1)); }
uri() { echo "postgresql://$PGUSER@/$1?host=$PGHOST&port=$PGPORT"; }

file="$work/demo.db"
server=$(uri imported)
"$cx" --db "$file" demo --years 1 --seed 5 >/dev/null || { echo "demo failed" >&2; exit 1; }
old=$(sqlite3 "$file" "SELECT min(id) FROM items WHERE kind = 'decision' AND deleted_at IS NULL")
new=$(sqlite3 "$file" "SELECT max(id) FROM items WHERE kind = 'decision' AND deleted_at IS NULL")
"$cx" --db "$file" supersede "$old" "$new" >/dev/null || fail "supersede $old $new"
dept=$(sqlite3 "$file" "SELECT name FROM departments ORDER BY id LIMIT 1")
"$cx" --db "$file" kpi add "$dept" "Repeat calls" --unit % --lower-is-better --value 12.5 \
	>/dev/null || fail "kpi add"
"$cx" --db "$file" export --format json -o "$work/a.json" >/dev/null || fail "export of the file"

"$cx" --db "$server" import "$work/a.json" >"$work/out" 2>&1 || fail "import into the server: $(cat "$work/out")"
"$cx" --db "$server" export --format json -o "$work/b.json" >/dev/null || fail "export of the server"
cmp -s "$work/a.json" "$work/b.json" ||
	fail "the server's export differs: $(diff "$work/a.json" "$work/b.json" | cut -c1-300 | head -6)"
"$cx" --db "$work/back.db" import "$work/b.json" >"$work/out" 2>&1 || fail "import into a file: $(cat "$work/out")"
"$cx" --db "$work/back.db" export --format json -o "$work/c.json" >/dev/null || fail "export of the file"
cmp -s "$work/a.json" "$work/c.json" || fail "the export after server and back differs"

"$cx" --db "$server" import "$work/a.json" >"$work/out" 2>&1
rc=$?
[ "$rc" = 2 ] || fail "an import into the server holding data exited $rc"
grep -q "already holds data" "$work/out" || fail "the refusal said: $(cat "$work/out")"
"$cx" --db "$server" export --format json -o "$work/d.json" >/dev/null
cmp -s "$work/a.json" "$work/d.json" || fail "the refused import changed the server"

"$cx" --db "$server" import --merge "$work/a.json" >"$work/out" 2>&1 || fail "merge into the server: $(cat "$work/out")"
grep -q ": 0 records added" "$work/out" || fail "merging the same file into the server said: $(cat "$work/out")"
"$cx" --db "$server" export --format json -o "$work/e.json" >/dev/null
cmp -s "$work/a.json" "$work/e.json" || fail "merging the same file changed the server"

jq '.tables.items[7].due_on = "soon"' "$work/a.json" >"$work/bad.json"
"$cx" --db "$(uri badimport)" import "$work/bad.json" >"$work/out" 2>&1
rc=$?
[ "$rc" = 2 ] || fail "a bad file exited $rc ($(cat "$work/out"))"
grep -q "bad.json:[0-9]*: items.due_on must be a date" "$work/out" || fail "the bad file: $(cat "$work/out")"
# nothing was written: the good file then imports into it
"$cx" --db "$(uri badimport)" import "$work/a.json" >"$work/out" 2>&1 ||
	fail "the bad file wrote: $(cat "$work/out")"

[ "$failures" = 0 ] && echo "import: ok"
exit $((failures > 0))
