#!/bin/bash
# demo_kill - the demo writes its history in one transaction, its full-text
# index built in bulk at the end (its triggers dropped until then), through a
# rollback journal (the file open nowhere else): killed with SIGKILL half-way,
# with pages of the transaction already written into the file, it leaves the
# file as it was before it started (no meeting, no item, the triggers there,
# the index whole, the write-ahead log again at the next open, `check` ok),
# and a demo run again on it writes the same history as on a new file.
# Usage: demo_kill.sh PATH-TO-CXMEET
set -euo pipefail
. "$(dirname "$0")/../e2e/lib.sh" "$@"
. "$(dirname "$0")/lib_crash.sh"

db=$tmp/demo.db
"$CXMEET" --db "$db" init --org Acme >/dev/null
before=$(sqlite3 "$db" "SELECT count(*) FROM items; SELECT count(*) FROM meetings")

size0=$(stat -c %s "$db")
"$CXMEET" --db "$db" demo --years 5 --seed 3 >/dev/null 2>&1 &
pid=$!
# Half-way: the transaction has spilled pages into the file, its journal
# beside it.
grew=0
for ((i = 0; i < 600; i++)); do
	if [ -f "$db-journal" ] && [ "$(stat -c %s "$db")" -gt $((size0 + 4000000)) ]; then
		grew=1
		break
	fi
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.02
done
if ! kill -9 "$pid" 2>/dev/null; then
	wait "$pid" || true
	die "the demo ended before it could be killed (grew=$grew)"
fi
wait "$pid" 2>/dev/null || true
[ "$grew" = 1 ] || die "the demo's file never grew past 4 MB with its journal beside it"

expect_eq "$before" "$(sqlite3 "$db" "SELECT count(*) FROM items; SELECT count(*) FROM meetings")" \
	"items and meetings after the kill"
expect_eq 2 "$(sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'
	AND name IN ('items_fts_i', 'items_fts_u')")" "the full-text triggers after the kill"
expect_eq ok "$("$CXMEET" --db "$db" check 2>&1)" "check after the kill"
expect_eq wal "$(sqlite3 "$db" "PRAGMA journal_mode")" "the write-ahead log again after the kill"
sqlite3 "$db" "INSERT INTO items_fts(items_fts) VALUES ('integrity-check')" ||
	check_failed "the full-text index is not whole after the kill"

# Run again, to its end: the same history as on a file never interrupted.
"$CXMEET" --db "$db" demo --years 5 --seed 3 >/dev/null
"$CXMEET" --db "$tmp/fresh.db" init --org Acme >/dev/null
"$CXMEET" --db "$tmp/fresh.db" demo --years 5 --seed 3 >/dev/null
"$CXMEET" --db "$db" export --format json -o "$tmp/a.json" >/dev/null
"$CXMEET" --db "$tmp/fresh.db" export --format json -o "$tmp/b.json" >/dev/null
if cmp -s "$tmp/a.json" "$tmp/b.json"; then
	echo "ok - the same history as on a new file"
else
	check_failed "the demo after a kill wrote another history"
fi
expect_eq ok "$("$CXMEET" --db "$db" check 2>&1)" "check after the demo run again"
expect_eq "$(sqlite3 "$db" "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'warranty'")" \
	"$(sqlite3 "$db" "SELECT count(*) FROM items WHERE text LIKE '%warranty%'")" \
	"the index finds every item holding a word"
