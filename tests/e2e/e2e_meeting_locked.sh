#!/bin/bash
# e2e_meeting_locked - the meeting screen answers every key at once while
# another program holds the database locked: its sign of life (every ten
# seconds) and the step's time (once a minute), written in passing, waited
# out the three-second busy timeout and froze the screen. Runs on the real
# clock, for the ten seconds to pass.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"
export CXMEET_NOW= # the real clock

setup_council
start_tui 80 24
start_meeting

note "another program holds a write lock for 13 s"
lock_database
end=$((SECONDS + 13))
n=0
while [ "$SECONDS" -lt "$end" ]; do
	keys '?'
	wait_for " cxmeet help: keys" 1
	keys Escape
	wait_for "Step 1/10: Welcome & roll call" 1
	sleep 0.5 # a person's pause: the screen's clock ticks
	n=$((n + 1))
done
unlock_database
note "the help opened and closed $n times, each within a second"
# (no command shows a meeting's holds)
expect_match "$(sql "SELECT count(*) FROM meeting_holds")" "^1$" "the meeting is still held"
