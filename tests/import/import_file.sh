#!/usr/bin/env bash
# import_file.sh - `cxmeet import` of the JSON export: the demo's history
# with a superseded decision, KPI values, a focus, a profile, ratings and a
# briefer is exported, imported into a new file and exported again: the same
# bytes, and every table the same row by row (sqlite3's .dump) but a
# meeting's draft and hold (a running instance's, not data). An import into a
# database holding data is refused and writes nothing; so are bad files
# (truncated, another version, invalid UTF-8, an unknown column, a value of
# the wrong kind), with FILE:LINE. Text holding an escape character is
# stored as given and never printed raw.
#   import_file.sh CXMEET
set -uo pipefail
cx=$1
export TZ=UTC LC_ALL=C.UTF-8 CXMEET_NOW=2026-11-23T09:00:00Z
work=$(mktemp -d /tmp/cxmeet-import.XXXXXX)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "import_file: FAIL: $*" >&2; failures=$((failures + 1)); }

src="$work/src.db"
"$cx" --db "$src" demo --years 1 --seed 3 >/dev/null || { echo "demo failed" >&2; exit 1; }
old=$(sqlite3 "$src" "SELECT min(id) FROM items WHERE kind = 'decision' AND deleted_at IS NULL")
new=$(sqlite3 "$src" "SELECT max(id) FROM items WHERE kind = 'decision' AND deleted_at IS NULL")
"$cx" --db "$src" supersede "$old" "$new" >/dev/null || fail "supersede $old $new"
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
INSERT INTO meeting_ratings(meeting_id, person_id, rating, rated_at)
  SELECT (SELECT min(id) FROM meetings WHERE status = 'completed'), id, 5 + id % 5,
    '2026-11-23T08:45:00Z' FROM people ORDER BY id LIMIT 3;
INSERT INTO meeting_briefers(meeting_id, department_id, person_id, set_at)
  SELECT (SELECT min(id) FROM meetings WHERE status = 'completed'), d.id,
    (SELECT min(p.id) FROM people p WHERE p.department_id IS NOT d.id), '2026-11-23T08:46:00Z'
  FROM departments d ORDER BY d.id LIMIT 1;" || fail "setting up the ratings and briefers"

"$cx" --db "$src" export --format json -o "$work/a.json" >/dev/null 2>"$work/err" || fail "export"
[ -s "$work/err" ] && fail "export -o wrote to stderr when it is not a terminal: $(cat "$work/err")"
# every table the store keeps is in the document (but the drafts)
for t in $(sqlite3 "$src" "SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite%' AND name NOT LIKE '%fts%' AND name NOT LIKE '%search%' AND name NOT LIKE '%tally'
		AND name NOT IN ('meeting_drafts', 'meeting_holds', 'schema_version', 'meta')"); do
	jq -e --arg t "$t" '.tables | has($t)' "$work/a.json" >/dev/null ||
		fail "table $t is not in the export"
done
for t in attendance meeting_steps item_links item_events agenda_templates \
	agenda_template_steps org_text_versions stance_history measure_values; do
	n=$(jq --arg t "$t" '.tables[$t] | length' "$work/a.json")
	[ "${n:-0}" -gt 0 ] || fail "the export has no rows of $t"
done
[ "$(jq '.version' "$work/a.json")" = 2 ] || fail "the export is not version 2"

dest="$work/dest.db"
"$cx" --db "$dest" import "$work/a.json" >"$work/out" 2>"$work/err" ||
	fail "import exited $? ($(cat "$work/err"))"
[ -s "$work/err" ] && fail "import wrote to stderr when it is not a terminal: $(cat "$work/err")"
grep -q "^Imported " "$work/out" || fail "import said: $(cat "$work/out")"
"$cx" --db "$dest" export --format json -o "$work/b.json" >/dev/null || fail "export of the import"
cmp -s "$work/a.json" "$work/b.json" || fail "the export of the import differs: $(cmp "$work/a.json" "$work/b.json")"
dump() {
	sqlite3 "$1" .dump | grep '^INSERT INTO' |
		grep -v '^INSERT INTO \(meeting_drafts\|meeting_holds\|sqlite_\|[a-z_]*fts\)' | sort
}
dump "$src" >"$work/src.dump"
dump "$dest" >"$work/dest.dump"
cmp -s "$work/src.dump" "$work/dest.dump" ||
	fail "the tables differ: $(diff "$work/src.dump" "$work/dest.dump" | head -5)"
for c in "actions --format json" "decisions --format json" "history"; do
	# shellcheck disable=SC2086
	[ "$("$cx" --db "$src" $c 2>&1)" = "$("$cx" --db "$dest" $c 2>&1)" ] ||
		fail "'$c' differs after the import"
done

# on a terminal, a bar on stderr for both, and the same bytes
if command -v script >/dev/null; then
	script -qec "$(printf '%q --db %q export -o %q' "$cx" "$src" "$work/tty.json")" /dev/null \
		>"$work/tty.out" 2>&1 || fail "export on a terminal: $(cat "$work/tty.out")"
	grep -q "exporting .*rows" "$work/tty.out" || fail "no bar for export on a terminal"
	cmp -s "$work/a.json" "$work/tty.json" || fail "the export made on a terminal differs"
	script -qec "$(printf '%q --db %q import %q' "$cx" "$work/tty.db" "$work/a.json")" /dev/null \
		>"$work/tty.out" 2>&1 || fail "import on a terminal: $(cat "$work/tty.out")"
	grep -q "importing .*KiB" "$work/tty.out" || fail "no bar for import on a terminal"
fi

# into a database holding data: refused, nothing written
"$cx" --db "$dest" import "$work/a.json" >"$work/out" 2>"$work/err"
rc=$?
[ "$rc" = 2 ] || fail "an import into a database holding data exited $rc"
grep -q "already holds data" "$work/err" || fail "the refusal said: $(cat "$work/err")"
dump "$dest" >"$work/dest2.dump"
cmp -s "$work/dest.dump" "$work/dest2.dump" || fail "the refused import wrote"

# --merge: the same file twice adds nothing; into a database holding part of
# it, the rest (the events and messages of the items added numbered after
# the database's, the rest with the numbers they had); other values under a
# name the database holds are the database's, not a refusal
"$cx" --db "$dest" import --merge "$work/a.json" >"$work/out" 2>"$work/err" ||
	fail "merge exited $? ($(cat "$work/err"))"
grep -q "^Merged .*: 0 records added, [0-9]* already there" "$work/out" ||
	fail "merge said: $(cat "$work/out")"
dump "$dest" >"$work/dest3.dump"
cmp -s "$work/dest.dump" "$work/dest3.dump" || fail "merging the same file changed the tables"
# (the part ends before the first item that a later one supersedes, as an
# earlier export of the history would: no reference out of it)
jq 'def cut($n): ([.tables.items[] | select(.id < $n and .superseded_by != null
		and .superseded_by >= $n) | .id] | min) as $m | if $m == null then $n else cut($m) end;
	cut(3000) as $c
	| .tables.items |= map(select(.id < $c)) | .tables.item_events |= map(select(.item_id < $c))
	| .tables.item_links |= map(select(.from_item < $c and .to_item < $c))
	| .tables.message_recipients |= map(select(.item_id < $c))' "$work/a.json" >"$work/part.json"
part="$work/part.db"
"$cx" --db "$part" import "$work/part.json" >/dev/null 2>"$work/err" || fail "import of a part ($(cat "$work/err"))"
"$cx" --db "$part" import --merge "$work/a.json" >"$work/out" 2>"$work/err" ||
	fail "merge of the rest exited $? ($(cat "$work/err"))"
grep -q "^Merged .*: [1-9][0-9]* records added" "$work/out" || fail "merge of the rest said: $(cat "$work/out")"
"$cx" --db "$part" export -o "$work/part-all.json" >/dev/null
norm='del(.exported_at) | .tables.item_events |= (map(del(.id)) | sort_by(tostring))
	| .tables.message_recipients |= (map(del(.id)) | sort_by(tostring))'
cmp -s <(jq -S "$norm" "$work/a.json") <(jq -S "$norm" "$work/part-all.json") ||
	fail "a part merged with the whole is not the whole"
"$cx" --db "$part" check >/dev/null 2>&1 || fail "check after the merge: $("$cx" --db "$part" check 2>&1)"
jq '.tables.departments[0] |= (.name |= ascii_upcase
	| .facing = (if .facing == "customer" then "behind" else "customer" end))' \
	"$work/a.json" >"$work/conflict.json"
"$cx" --db "$part" export -o "$work/part-before.json" >/dev/null
"$cx" --db "$part" import --merge "$work/conflict.json" >"$work/out" 2>"$work/err" ||
	fail "a merge of other values under a name exited $? ($(cat "$work/err"))"
grep -q "^Merged .*: 0 records added" "$work/out" || fail "the other values said: $(cat "$work/out")"
"$cx" --db "$part" export -o "$work/part-after.json" >/dev/null
cmp -s "$work/part-before.json" "$work/part-after.json" || fail "the database's values did not win"

# bad files: refused with FILE:LINE, nothing written
bad() { # NAME FILE PATTERN
	local db="$work/bad-$1.db"
	"$cx" --db "$db" import "$2" >"$work/out" 2>"$work/err"
	local rc=$?
	[ "$rc" = 2 ] || fail "$1: exited $rc ($(cat "$work/err"))"
	grep -q "$3" "$work/err" || fail "$1: said $(cat "$work/err"), not $3"
	grep -q "nothing was imported" "$work/err" || fail "$1: did not say nothing was imported"
	local n
	n=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM organisation) + (SELECT count(*) FROM items)
		+ (SELECT count(*) FROM departments)" 2>/dev/null || echo 0)
	[ "$n" = 0 ] || fail "$1: $n rows were written"
}
head -c 400000 "$work/a.json" >"$work/trunc.json"
bad truncated "$work/trunc.json" "trunc.json:[0-9]*: the document ends"
sed 's/^  "version": 2,/  "version": 3,/' "$work/a.json" >"$work/v3.json"
bad version "$work/v3.json" "v3.json:3: version 3 of the export"
sed '0,/"text": "/s//"text": "\xff/' "$work/a.json" >"$work/utf8.json"
bad utf8 "$work/utf8.json" "utf8.json:[0-9]*: a string that is not valid UTF-8"
jq '.tables.items[0].colour = "red"' "$work/a.json" >"$work/col.json"
bad column "$work/col.json" "col.json:[0-9]*: an unknown column in a row of items"
jq '.tables.items[3].due_on = "next week"' "$work/a.json" >"$work/kind.json"
bad kind "$work/kind.json" "kind.json:[0-9]*: items.due_on must be a date"
jq '.tables.items[5].id = 1' "$work/a.json" >"$work/dup.json"
bad duplicate "$work/dup.json" "importing .*dup.json: .*items"
# a reference to a row the file lacks, a value the schema refuses: the
# database would be damaged (cxmeet check), so the file is refused
jq '.tables.items[0].person_id = 999999' "$work/a.json" >"$work/dangling.json"
bad dangling "$work/dangling.json" "importing .*dangling.json: row [0-9]* of items refers to a missing row of people"
jq '(.tables.items | map(.kind == "decision") | index(true)) as $i
	| .tables.items[$i].superseded_by = 999999' "$work/a.json" >"$work/late.json"
bad late-dangling "$work/late.json" "importing .*late.json: row [0-9]* of items refers to a missing row of items"
jq '.tables.items[0].status = "bogus"' "$work/a.json" >"$work/status.json"
bad status "$work/status.json" "importing .*status.json: .*CHECK constraint failed: status"
{ cat "$work/a.json"; echo '{}'; } >"$work/after.json"
bad after "$work/after.json" "after.json:[0-9]*: something after the end of the document"
sed '0,/"text": "/s//"text": "\\ud800/' "$work/a.json" >"$work/surrogate.json"
bad surrogate "$work/surrogate.json" "surrogate.json:[0-9]*: a lone surrogate"
sed '0,/"text": "/s//"text": "\t/' "$work/a.json" >"$work/control.json"
bad control "$work/control.json" "control.json:[0-9]*: a control character inside a string"
sed 's/^  "version": 2,/  "version": "2",/' "$work/a.json" >"$work/vstring.json"
bad version-string "$work/vstring.json" "vstring.json:3: version (not a number)"
sed 's/^  "format": "cxmeet-export",/  "format": "other",/' "$work/a.json" >"$work/format.json"
bad format "$work/format.json" "format.json:2: not a cxmeet export"
printf '{"format": "cxmeet-export", "version": 2, "tables": {"items": [' >"$work/esc0.json"
bad escape-name "$work/esc0.json" "esc0.json:1: the document ends"

# text with an escape character: stored as given, never printed raw
jq '(.tables.items[] | select(.id == 1) | .text) = "\u001b[2JOwned"' "$work/a.json" >"$work/esc.json"
esc="$work/esc.db"
"$cx" --db "$esc" import "$work/esc.json" >/dev/null 2>"$work/err" ||
	fail "the import of text with an escape exited $? ($(cat "$work/err"))"
[ "$(sqlite3 "$esc" "SELECT hex(text) FROM items WHERE id = 1")" = "1B5B324A4F776E6564" ] ||
	fail "the text with an escape was not stored as given"
"$cx" --db "$esc" show 1 >"$work/show" 2>&1
grep -q $'\e' "$work/show" && fail "show printed the escape raw"
grep -q "Owned" "$work/show" || fail "show did not print the text: $(head -3 "$work/show")"

[ "$failures" = 0 ] && echo "import_file: ok"
exit $((failures > 0))
