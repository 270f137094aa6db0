#!/usr/bin/env bash
# same_as_file.sh - the same history on an SQLite file and on a server gives
# the same reports and exports, byte for byte: the demo's year written to
# both, then every report, list and export compared (status but for the
# line naming the database). Run inside with_cluster.sh: same_as_file.sh CXMEET
set -uo pipefail
cx=$1
export TZ=UTC LC_ALL=C.UTF-8 CXMEET_NOW=2026-11-23T09:00:00Z
work=$(mktemp -d /tmp/cxmeet-same.XXXXXX)
trap 'rm -rf "$work"' EXIT
file="$work/demo.db"
server="postgresql://$PGUSER@/same?host=$PGHOST&port=$PGPORT"
"$cx" --db "$file" demo --years 1 --seed 7 >"$work/file.out" || exit 1
"$cx" --db "$server" demo --years 1 --seed 7 >"$work/server.out" || exit 1
failures=0
cmp -s "$work/file.out" "$work/server.out" ||
	{ echo "same: FAIL: demo said different things" >&2; failures=$((failures + 1)); }
while IFS= read -r cmd; do
	# shellcheck disable=SC2086 # the command's words
	"$cx" --db "$file" $cmd >"$work/a" 2>&1
	a=$?
	# shellcheck disable=SC2086
	"$cx" --db "$server" $cmd >"$work/b" 2>&1
	b=$?
	if [ "$cmd" = status ]; then
		sed -i '/^Database /d' "$work/a" "$work/b"
	fi
	# The demo written on each numbers an item's events in the order the
	# backend wrote them: the events are compared without their numbers.
	if [ "$cmd" = "export --format json" ]; then
		for f in "$work/a" "$work/b"; do
			jq -c '.tables.item_events |= (map(del(.id)) | sort_by(.item_id, .at, .event,
				.new_value, .old_value))' "$f" >"$f.j" && mv "$f.j" "$f"
		done
	fi
	if [ "$a" != "$b" ] || ! cmp -s "$work/a" "$work/b"; then
		echo "same: FAIL: '$cmd' differs (exit $a on the file, $b on the server):" >&2
		diff "$work/a" "$work/b" | head -10 >&2
		failures=$((failures + 1))
	fi
	[ -s "$work/a" ] || { echo "same: FAIL: '$cmd' said nothing" >&2; failures=$((failures + 1)); }
done <<'CMDS'
status
history
history --json
search refund
search --json price
search the --limit 100000 --format csv
search customer --limit 7
search --kind decision owns --format json
actions
actions --json
actions --state all --format csv
actions --state done --format json
overdue
digest
digest --days 30
decisions
decisions --json
decisions --revisit-due
cadence
champions
person list
dept list
agenda list
show 12
show 30 --json
export --format json
export --format csv
CMDS
[ "$failures" = 0 ] && echo "same: the file and the server give the same reports and exports"
exit $((failures > 0))
