#!/usr/bin/env bash
# import_merge.sh - `cxmeet import --merge` of an export of any database,
# its records matched with the database's by what they are, read back
# through the CLI's JSON only (so that it runs on a server too):
#  - a new database (`cxmeet init`) merged with a demo's export: every
#    action, decision and meeting of the file once, owners and departments
#    the database's rows of the same name (a department in both is one);
#  - two databases of other histories (the same item numbers, the same
#    department and people names) merged: the union, nothing twice, an
#    action's owner, a superseded decision's chain and attendance right;
#  - the same file merged twice adds nothing (with --quiet, told nothing);
#    a copy in which an action was done and a decision superseded since
#    leaves the database's record of both whole (their state and history);
#    a later export of the same database, an item's text edited since and
#    an action added, adds only the action (the database's text wins);
#  - a bad row anywhere, or a second meeting in progress, refuses the whole
#    file with FILE:LINE and writes nothing.
#   import_merge.sh CXMEET [server]   (server: inside tests/pg/with_cluster.sh)
set -uo pipefail
cx=$1
on_server=${2:-}
export TZ=UTC LC_ALL=C.UTF-8 CXMEET_NOW=2026-11-23T09:00:00Z
work=$(mktemp -d /tmp/cxmeet-merge.XXXXXX)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "import_merge: FAIL: $*" >&2; failures=$((failures + 1)); }
# The database called NAME: a file, or a database of the test's server.
db() {
	if [ "$on_server" = server ]; then
		echo "postgresql://$PGUSER@/merge_$1?host=$PGHOST&port=$PGPORT"
	else
		echo "$work/$1.db"
	fi
}
# Sources are files whatever the backend under test: the exports are its input.
src() { echo "$work/src-$1.db"; }
run() { "$cx" --db "$@"; }
export_of() { rm -f "$2"; run "$1" export --format json -o "$2" >/dev/null || fail "export of $1"; }
decision_ids() { run "$1" decisions --format json | jq '[.[].id] | sort'; }

# What a database holds, told without its numbers: actions with their owner
# and department, decisions with what superseded them (by its text and
# date), meetings, attendance as meeting start and person, one per line.
actions() { run "$1" actions --state all --format json |
	jq -c '.[] | [.text, .owner, .department, .due_on, .status, .meeting_on]' | sort; }
decisions() { run "$1" decisions --all --format json |
	jq -c '(map({key: (.id | tostring), value: (.text + " @" + .decided_on)}) | from_entries)
		as $m | .[] | [.text, .decided_on, .department, .decided_by,
		(if .superseded_by == null then null else $m[.superseded_by | tostring] end)]' | sort; }
tables() { # EXPORT: meetings and attendance by natural values
	jq -c '(.tables.meetings | map({key: (.id | tostring), value: .started_at}) | from_entries) as $m
		| (.tables.people | map({key: (.id | tostring), value: .name}) | from_entries) as $p
		| (.tables.meetings[] | ["meeting", .started_at, .status]),
		  (.tables.attendance[] | ["attended", $m[.meeting_id | tostring],
			$p[.person_id | tostring], .present])' "$1" | sort; }
unique_names() { # EXPORT TABLE: each name_key once
	local n u
	n=$(jq ".tables.$2 | length" "$1")
	u=$(jq ".tables.$2 | map(.name_key) | unique | length" "$1")
	[ "$n" = "$u" ] || fail "$2 holds $n rows for $u names in $1"
}
merged() { # DB FILE PATTERN: a merge that succeeds and says PATTERN
	run "$1" import --merge "$2" >"$work/out" 2>"$work/err" ||
		fail "merge of $2 exited $? ($(cat "$work/err"))"
	grep -q "$3" "$work/out" || fail "merge of $2 said: $(cat "$work/out"), not $3"
}

# Two histories: the same departments and people, the same item numbers,
# other meetings and items (another day, another seed); each with a
# superseded decision.
a=$(src a)
c=$(src c)
run "$a" demo --years 1 --seed 3 >/dev/null || { echo "demo failed" >&2; exit 1; }
CXMEET_NOW=2025-05-12T09:00:00Z run "$c" demo --years 1 --seed 8 >/dev/null ||
	{ echo "demo failed" >&2; exit 1; }
for s in "$a" "$c"; do
	ids=$(decision_ids "$s")
	run "$s" supersede "$(jq '.[0]' <<<"$ids")" "$(jq '.[-1]' <<<"$ids")" >/dev/null ||
		fail "supersede in $s"
done
export_of "$a" "$work/a.json"
export_of "$c" "$work/c.json"
[ "$(jq '.tables.items[0].id' "$work/a.json")" = "$(jq '.tables.items[0].id' "$work/c.json")" ] ||
	fail "the two histories do not share item numbers"

# 1. init, then the demo's export merged: all of it once, by name
b=$(db b)
run "$b" init --org Acme >/dev/null || fail "init"
merged "$b" "$work/a.json" "^Merged .*a.json: [1-9][0-9]* records added, [1-9][0-9]* already there"
export_of "$b" "$work/b.json"
for t in departments people; do unique_names "$work/b.json" $t; done
[ "$(jq '.tables.departments | length' "$work/b.json")" = \
	"$(jq '.tables.departments | length' "$work/a.json")" ] ||
	fail "a department of both is not one row"
[ "$(jq -r '.tables.organisation[0].name' "$work/b.json")" = Acme ] ||
	fail "the database's organisation did not win"
actions "$a" >"$work/actions-a"; decisions "$a" >"$work/decisions-a"
cp "$work/actions-a" "$work/want"; actions "$b" >"$work/got"
[ -s "$work/want" ] && cmp -s "$work/want" "$work/got" ||
	fail "the actions after init + merge: $(diff "$work/want" "$work/got" | head -4)"
decisions "$a" >"$work/want"; decisions "$b" >"$work/got"
[ -s "$work/want" ] && cmp -s "$work/want" "$work/got" ||
	fail "the decisions after init + merge: $(diff "$work/want" "$work/got" | head -4)"
grep -q '"[^"]* @[0-9-]*"\]$' "$work/got" || fail "no superseded decision after the merge"
tables "$work/a.json" >"$work/want"; tables "$work/b.json" >"$work/got"
cmp -s "$work/want" "$work/got" || fail "meetings or attendance: $(diff "$work/want" "$work/got" | head -4)"
run "$b" check >/dev/null 2>&1 || fail "check after init + merge: $(run "$b" check 2>&1 | head -3)"

# 2. the same file again: nothing added
merged "$b" "$work/a.json" "^Merged .*: 0 records added, [1-9][0-9]* already there"
export_of "$b" "$work/b2.json"
cmp -s <(jq 'del(.exported_at)' "$work/b.json") <(jq 'del(.exported_at)' "$work/b2.json") ||
	fail "the same file merged twice changed the database"

run "$b" import --merge --quiet "$work/a.json" >"$work/out" 2>"$work/err" ||
	fail "a quiet merge exited $? ($(cat "$work/err"))"
[ -s "$work/out" ] && fail "a quiet merge said: $(cat "$work/out")"

# 3. a later export of the same history: an item's text edited since, an
# action added: only the action is added, the database's text is kept
who=$(run "$a" person list --format json | jq -r '.[0].name')
run "$a" add action "Call back the three churned accounts" --person "$who" --due 2026-12-04 \
	>/dev/null || fail "add action"
export_of "$a" "$work/a2.json"
jq '(.tables.items | map(.kind == "decision") | index(true)) as $i
	| .tables.items[$i].text = "Edited after the first merge"' "$work/a2.json" >"$work/a3.json"
actions "$b" >"$work/before"
merged "$b" "$work/a3.json" "^Merged .*: [1-9][0-9]* records added"
actions "$b" >"$work/after"
[ "$(comm -13 "$work/before" "$work/after" | wc -l)" = 1 ] &&
	comm -13 "$work/before" "$work/after" | grep -q "Call back the three churned accounts" &&
	[ -z "$(comm -23 "$work/before" "$work/after")" ] ||
	fail "a later export added: $(diff "$work/before" "$work/after" | head -4)"
run "$b" decisions --all --format json | jq -e 'map(select(.text == "Edited after the first merge"))
	| length == 0' >/dev/null || fail "the file's edited text replaced or doubled the database's"
export_of "$b" "$work/b3.json"
[ "$(jq '.tables.items | length' "$work/b3.json")" = "$(jq '.tables.items | length' "$work/a3.json")" ] ||
	fail "a later export: $(jq '.tables.items | length' "$work/b3.json") items, not $(jq '.tables.items | length' "$work/a3.json")"

# 3b. a copy of the history in which an action was done and a decision
# superseded since: the database holds both items, so its own record of
# them wins whole, their state and their history; the copy's "done" and
# "superseded" are left out (and said to be), not told of an open action
# and an active decision
e=$(src e)
cp "$a" "$e"
act_id=$(run "$e" actions --format json | jq '[.[] | select(.status == "open")][0].id')
dec=$(run "$e" decisions --format json | # newest first: the oldest superseded by the newest
	jq -r '[.[] | select(.superseded_by == null)] | .[-1].id, .[0].id')
dec_id=$(sed -n 1p <<<"$dec"); dec_new=$(sed -n 2p <<<"$dec")
run "$e" done "$act_id" >/dev/null || fail "done in the copy"
run "$e" supersede "$dec_id" "$dec_new" >/dev/null || fail "supersede in the copy"
export_of "$e" "$work/e.json"
merged "$b" "$work/e.json" "left out (the history of items the database holds"
export_of "$b" "$work/b4.json"
# the two items in the database, found by what they are in the copy
same_item() { # ID: the database's item that is the copy's item ID, as JSON
	jq -c --argjson id "$1" --slurpfile e "$work/e.json" '
		($e[0].tables.items[] | select(.id == $id)) as $x
		| [.tables.items[] | select(.kind == $x.kind and .created_at == $x.created_at
			and .text == $x.text)]' "$work/b4.json"
}
got=$(same_item "$act_id")
jq -e 'length == 1 and .[0].status == "open" and .[0].closed_at == null' <<<"$got" >/dev/null ||
	fail "the action done in the copy is not the database's, open, once: $got"
act_b=$(jq '.[0].id' <<<"$got")
got=$(same_item "$dec_id")
jq -e 'length == 1 and .[0].superseded_by == null' <<<"$got" >/dev/null ||
	fail "the decision superseded in the copy is not the database's, active, once: $got"
dec_b=$(jq '.[0].id' <<<"$got")
jq -e --argjson a "$act_b" --argjson d "$dec_b" '[.tables.item_events[]
	| select((.item_id == $a and .event == "done") or (.item_id == $d and .event == "superseded"))]
	| length == 0' "$work/b4.json" >/dev/null ||
	fail "the copy's done or superseded event was added to the database's history of the item"
run "$b" check >/dev/null 2>&1 || fail "check after a copy's later history: $(run "$b" check 2>&1 | head -3)"

# 4. two histories merged: the union, nothing twice, references right
d=$(db d)
if [ "$on_server" = server ]; then
	run "$d" import "$work/c.json" >/dev/null 2>&1 || fail "import of c into the server"
else
	cp "$c" "$d"
fi
merged "$d" "$work/a.json" "^Merged .*: [1-9][0-9]* records added, [1-9][0-9]* already there"
export_of "$d" "$work/d.json"
for t in departments people; do unique_names "$work/d.json" $t; done
{ cat "$work/actions-a"; actions "$c"; } | sort >"$work/want"; actions "$d" >"$work/got"
cmp -s "$work/want" "$work/got" || fail "the union's actions: $(diff "$work/want" "$work/got" | head -4)"
{ cat "$work/decisions-a"; decisions "$c"; } | sort >"$work/want"; decisions "$d" >"$work/got"
cmp -s "$work/want" "$work/got" || fail "the union's decisions: $(diff "$work/want" "$work/got" | head -4)"
[ "$(grep -c '"[^"]* @[0-9-]*"\]$' "$work/got")" = 2 ] || fail "not two superseded decisions in the union"
{ tables "$work/a.json"; tables "$work/c.json"; } | sort >"$work/want"; tables "$work/d.json" >"$work/got"
cmp -s "$work/want" "$work/got" || fail "the union's meetings or attendance: $(diff "$work/want" "$work/got" | head -4)"
[ "$(jq '.tables.meetings | map(.seq) | unique | length' "$work/d.json")" = \
	"$(jq '.tables.meetings | length' "$work/d.json")" ] || fail "two meetings with one seq"
# a decision's "superseded" event names the decision that superseded it by
# its number: the database's number, as its superseded_by does
jq -e '(.tables.items | map({key: (.id | tostring), value: .superseded_by}) | from_entries) as $by
	| [.tables.item_events[] | select(.event == "superseded")] as $ev
	| ($ev | length) == 2 and ($ev | all(.new_value == ($by[.item_id | tostring] | tostring)))' \
	"$work/d.json" >/dev/null ||
	fail "the union's superseded events: $(jq -c '.tables.item_events[] | select(.event == "superseded")
		| [.item_id, .new_value]' "$work/d.json" | head -4)"
run "$d" check >/dev/null 2>&1 || fail "check after the union: $(run "$d" check 2>&1 | head -3)"
merged "$d" "$work/c.json" "^Merged .*: 0 records added"
merged "$d" "$work/a.json" "^Merged .*: 0 records added"

# 4b. two demos of one day (other seeds): the same meetings' times, items of
# the same number recorded in the same minute of the same step but other
# ones: none taken for the other's (an edited text), none lost, and no
# item given the other's history
f=$(src f)
run "$f" demo --years 1 --seed 8 >/dev/null || fail "demo of seed 8"
export_of "$f" "$work/f.json"
g=$(db g)
if [ "$on_server" = server ]; then
	run "$g" import "$work/a2.json" >/dev/null 2>&1 || fail "import of a into the server"
else
	cp "$a" "$g"
fi
merged "$g" "$work/f.json" "^Merged .*: [1-9][0-9]* records added"
export_of "$g" "$work/g.json"
# items by what they are (an item of both, the same kind, minute and text,
# is one: as many as the source that has more), none lost or doubled; no
# item closed twice, but for those of both
keys() { jq -r '.tables.items[] | [.kind, .created_at, .text] | @tsv' "$1"; }
{ keys "$work/a2.json" | sed 's/^/a\t/'; keys "$work/f.json" | sed 's/^/f\t/'; } |
	awk -F'\t' '{ k = substr($0, 3); if ($1 == "a") a[k]++; else f[k]++ }
		END { for (k in a) if (!(k in f)) f[k] = 0
		      for (k in f) for (i = 0; i < (a[k] > f[k] ? a[k] : f[k]); i++) print k }' |
	sort >"$work/want"
keys "$work/g.json" | sort >"$work/got"
cmp -s "$work/want" "$work/got" ||
	fail "two demos of one day: the items $(diff "$work/want" "$work/got" | head -4)"
comm -12 <(keys "$work/a2.json" | sort) <(keys "$work/f.json" | sort) >"$work/both"
jq -e --rawfile both "$work/both" '($both | split("\n")) as $b
	| [.tables.items[] | select(([.kind, .created_at, .text] | join("\t")) as $k
		| $b | index($k) | not) | .id] as $ids
	| [.tables.item_events[] | select(.event == "done" or .event == "dropped")
		| .item_id | select(. as $i | $ids | index($i))]
	| group_by(.) | map(select(length > 1)) | length == 0' "$work/g.json" >/dev/null ||
	fail "two demos of one day: an item closed twice (another's history on it)"
run "$g" check >/dev/null 2>&1 || fail "check after two demos of one day"

# 4c. a name's key is the database's fold of the name, not what the file
# says: a department whose name_key was left behind when the file was
# edited ("Sales" keyed "revenue") is the database's Sales, not a second
jq '(.tables.departments | map(.name == "Sales") | index(true)) as $i
	| .tables.departments[$i].name_key = "revenue"' "$work/f.json" >"$work/f-key.json"
merged "$g" "$work/f-key.json" "^Merged .*: 0 records added"
[ "$(run "$g" dept list --format json | jq '[.[] | select(.name == "Sales")] | length')" = 1 ] ||
	fail "a department's name_key taken from the file: two Sales"
h=$(db h)
run "$h" import "$work/f-key.json" >/dev/null 2>&1 || fail "import of f-key"
run "$h" dept add "SALES" >/dev/null 2>&1 &&
	fail "a department's name_key taken from the file: SALES added beside Sales"

# 4d. on a server, a second council, new and empty, takes a merge of a
# history whose numbers the first council's rows hold: the rows get the
# server's numbers, the first council is left as it was
if [ "$on_server" = server ]; then
	run "$d" council add Beta >/dev/null || fail "council add"
	run "$d" --council merge_d export --format json -o "$work/d-before.json" >/dev/null ||
		fail "export of the first council"
	run "$d" --council Beta import --merge "$work/c.json" >"$work/out" 2>"$work/err" ||
		fail "a merge into a new council exited $? ($(cat "$work/err"))"
	actions "$c" >"$work/want"
	run "$d" --council Beta actions --state all --format json |
		jq -c '.[] | [.text, .owner, .department, .due_on, .status, .meeting_on]' | sort >"$work/got"
	cmp -s "$work/want" "$work/got" ||
		fail "the new council's actions: $(diff "$work/want" "$work/got" | head -4)"
	run "$d" --council merge_d export --format json -o "$work/d-after.json" >/dev/null ||
		fail "export of the first council"
	cmp -s <(jq 'del(.exported_at)' "$work/d-before.json") <(jq 'del(.exported_at)' "$work/d-after.json") ||
		fail "a merge into another council changed the first"
	# a plain import there cannot keep the numbers: refused, told to merge
	run "$d" council add Gamma >/dev/null || fail "council add"
	run "$d" --council Gamma import "$work/c.json" >"$work/out" 2>"$work/err" &&
		fail "a plain import into a second council kept numbers another holds"
	grep -q "another council.*import --merge" "$work/err" ||
		fail "a plain import into a second council said: $(cat "$work/err")"
	[ "$(run "$d" --council Gamma actions --state all --format json | jq length)" = 0 ] ||
		fail "a refused import into a second council wrote"
fi

# 5. refused files write nothing: a bad row at the end, a reference to a row
# the file lacks, a second meeting in progress
refused() { # NAME FILE PATTERN
	export_of "$b" "$work/before.json"
	run "$b" import --merge "$2" >"$work/out" 2>"$work/err"
	local rc=$?
	[ "$rc" = 2 ] || fail "$1: exited $rc ($(cat "$work/err"))"
	grep -q "$3" "$work/err" || fail "$1: said $(cat "$work/err"), not $3"
	grep -q "nothing was imported" "$work/err" || fail "$1: did not say nothing was imported"
	export_of "$b" "$work/after.json"
	cmp -s <(jq 'del(.exported_at)' "$work/before.json") <(jq 'del(.exported_at)' "$work/after.json") ||
		fail "$1: the refused merge wrote"
}
jq '.tables.message_recipients[-1].acked_at = "yesterday"' "$work/c.json" >"$work/bad.json"
refused bad-value "$work/bad.json" "bad.json:[0-9]*: message_recipients.acked_at must be a time"
jq '.tables.item_events[-1].item_id = 987654' "$work/c.json" >"$work/dangling.json"
refused dangling "$work/dangling.json" \
	"dangling.json:[0-9]*: item_events.item_id refers to a row of items (number 987654) that the file does not hold"
jq '.tables.meetings[-1].status = "in_progress" | .tables.meetings[-1].ended_at = null' \
	"$work/c.json" >"$work/running-c.json"
jq '.tables.meetings[-1].status = "in_progress" | .tables.meetings[-1].ended_at = null' \
	"$work/a.json" >"$work/running-a.json"
merged "$b" "$work/running-a.json" "^Merged .*: 0 records added"
e=$(db e)
run "$e" import "$work/running-a.json" >/dev/null 2>&1 || fail "import of a meeting in progress"
b=$e refused running "$work/running-c.json" \
	"running-c.json:[0-9]*: a meeting in progress (started [0-9T:Z-]*) while the database has another"

# 6. a database another program is writing to (a file locked by sqlite3):
# refused with the database's own status and message, nothing written
if [ "$on_server" != server ] && command -v sqlite3 >/dev/null; then
	export_of "$b" "$work/before.json"
	mkfifo "$work/lock"
	sqlite3 "$b" <"$work/lock" >/dev/null 2>&1 &
	locker=$!
	exec 7>"$work/lock"
	echo "BEGIN IMMEDIATE;" >&7
	for ((i = 0; i < 100; i++)); do
		sqlite3 -cmd '.timeout 0' "$b" "BEGIN IMMEDIATE; ROLLBACK;" 2>/dev/null || break
		sleep 0.1
	done
	run "$b" import --merge "$work/c.json" >"$work/out" 2>"$work/err"
	rc=$?
	exec 7>&-
	wait "$locker"
	[ "$rc" = 3 ] || fail "a merge into a locked database exited $rc ($(cat "$work/err"))"
	grep -q "locked by another program.*nothing was imported" "$work/err" ||
		fail "a merge into a locked database said: $(cat "$work/err")"
	export_of "$b" "$work/after.json"
	cmp -s <(jq 'del(.exported_at)' "$work/before.json") <(jq 'del(.exported_at)' "$work/after.json") ||
		fail "a merge into a locked database wrote"
fi

[ "$failures" = 0 ] && echo "import_merge: ok"
exit $((failures > 0))
