#!/bin/bash
# e2e_topic_rerank - K and J move a parked topic on the priorities step and
# the whole order of open topics stays as it was but for the two swapped:
# ranked topics first by rank (ties by age), then the unranked ones oldest
# first. A move renumbers the topics from the first down to the two, and on
# while a later one's rank would no longer put it after them.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
# Topics T1..T6, oldest first; ranks 2, 1, 3, 3, 0, 0: the order is
# T2 T1 T3 T4 T5 T6 (T3 and T4 tie on 3: the older first). Written behind
# the program's back: no command sets a rank, nor adds an item.
for r in "1 2" "2 1" "3 3" "4 3" "5 0" "6 0"; do
	set -- $r
	sql "INSERT INTO items(kind, text, rank, created_at, updated_at)
	     VALUES ('parked', 'Topic T$1', $2, '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z')"
done
# order: the open topics by the ranks the export gives them (null: unranked):
# ranked first by rank (ties by age), then the unranked oldest first.
order() {
	cx_json '[.items[] | select(.kind == "parked" and .status == "open")] |
		map(.rank //= 0) | sort_by([.rank == 0, .rank, .id]) | map(.text[6:]) | join(" ")' export
}
# rank TEXT: the rank of the item TEXT, 0 when the export has none.
rank() { cx_json --arg t "$1" '.items[] | select(.text == $t) | .rank // 0' export; }
expect_eq "$(order)" "T2 T1 T3 T4 T5 T6" "the topics' order before any move"

start_tui 100 30
wait_for "Start a meeting"
start_meeting
keys 7
wait_for "Parked topics (6)"

note "J on the first: T1 before T2; T3's rank (3) still puts it after rank 2"
keys J
wait_re "Topic T2"
poll 5 eval '[ "$(order)" = "T1 T2 T3 T4 T5 T6" ]' || true
expect_eq "$(order)" "T1 T2 T3 T4 T5 T6" "J swaps the first two and keeps the rest"
expect_eq "$(rank "Topic T3")" "3" \
	"a later topic ranked after the two is not renumbered"

note "J on the second: T2 and T3 swap; T4 (rank 3) must follow rank 3, so it is renumbered"
keys J
poll 5 eval '[ "$(order)" = "T1 T3 T2 T4 T5 T6" ]' || true
expect_eq "$(order)" "T1 T3 T2 T4 T5 T6" "J swaps the next two; the tie that followed still follows"

note "down to the unranked: T5 takes a rank, T6 stays unranked and last"
keys J
poll 5 eval '[ "$(order)" = "T1 T3 T4 T2 T5 T6" ]' || true
expect_eq "$(order)" "T1 T3 T4 T2 T5 T6" "J again"
keys J
poll 5 eval '[ "$(order)" = "T1 T3 T4 T5 T2 T6" ]' || true
expect_eq "$(order)" "T1 T3 T4 T5 T2 T6" "J into the unranked topics"
expect_eq "$(rank "Topic T6")" "0" "the last topic stays unranked"
keys K
poll 5 eval '[ "$(order)" = "T1 T3 T4 T2 T5 T6" ]' || true
expect_eq "$(order)" "T1 T3 T4 T2 T5 T6" "K moves it back"
