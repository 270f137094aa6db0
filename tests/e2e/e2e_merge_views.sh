#!/bin/bash
# e2e_merge_views - a database merged with another council's export
# (`cxmeet import --merge`, two demos of one day, other seeds) reads as one
# history: no action, decision or meeting twice, the counts of the lists
# adding up to those of the two databases, `check` healthy, and the TUI
# opens on it: home, the history with every meeting, a merged meeting's
# minutes, the decision log with every decision.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

other="$tmp/other.db"
"$CXMEET" --db "$other" demo --years 1 --seed 8 >/dev/null
"$CXMEET" --db "$other" export --format json -o "$tmp/other.json" >/dev/null
"$CXMEET" demo --years 1 --seed 3 >/dev/null
"$CXMEET" export --format json -o "$tmp/mine.json" >/dev/null
ox() { "$CXMEET" --db "$other" "$@" --format json; }

# what the union holds: meetings by when they started, decisions by kind,
# minute and text (the natural keys): one of both is one, as many of a key
# as the source that has more
meetings=$(jq -s '[.[].tables.meetings[].started_at] | unique | length' "$tmp/mine.json" "$tmp/other.json")
decisions=$(jq -s 'map([.tables.items[] | select(.kind == "decision" and .deleted_at == null)
		| [.created_at, .text] | tostring]) as [$a, $b]
	| [($a | map({k: ., s: 0})), ($b | map({k: ., s: 1}))] | add | group_by(.k)
	| map([(map(select(.s == 0)) | length), (map(select(.s == 1)) | length)] | max) | add' \
	"$tmp/mine.json" "$tmp/other.json")

note "the merge"
cx import --merge "$tmp/other.json"
expect_eq "$(cx_json length history)" "$meetings" "every meeting once"
expect_eq "$(cx_json '[.[].id] | unique | length' history)" "$meetings" "no meeting number twice"
expect_eq "$(cx_json 'length' decisions --all)" "$decisions" "every decision once"
expect_eq "$(cx_json '[.[].id] | unique | length' actions --state all)" \
	"$(cx_json 'length' actions --state all)" "no action twice"
expect_eq "$(cx_json 'length' dept list --all)" \
	"$(jq -s '[.[].tables.departments[].name_key] | unique | length' "$tmp/mine.json" "$tmp/other.json")" \
	"a department of both is one"
cx check

note "the TUI opens on the merged history"
start_tui 100 30
wait_for "History and search (h)"
keys h
wait_for " History: $meetings meetings, newest first"
keys Enter
wait_re " History: minutes of meeting [0-9]+"
wait_for "## Attendance"
keys q
wait_for " History: $meetings meetings, newest first"
keys q
wait_for "Decisions: the decision log (d)"
keys d
wait_re "Decision log  $(cx_json 'length' decisions) decisions"
keys q
wait_for "History and search (h)"
keys q
wait_exit
echo "e2e_merge_views: ok"
