#!/bin/bash
# taskwarrior_import - `cxmeet import --from taskwarrior` keeps one task in
# memory, not the export: a generated export of 120,000 tasks (about 50 MB,
# tests/import/tw_export.py) is imported from a pipe within 30 MB of peak
# resident memory (/usr/bin/time %M), every task an action with its
# 'imported' event ("standard input, line N"); the same export with its last
# task bad (an owner nobody is) is refused whole, from a file and from a
# pipe, told with its line, nothing written, within the same bound.
# Needs python3, sqlite3 and GNU time; skipped (77) without them.
set -euo pipefail
cxmeet=${1:?usage: taskwarrior_import.sh PATH-TO-CXMEET}
here=$(cd "$(dirname "$0")" && pwd)
command -v python3 >/dev/null || { echo "no python3: skipped"; exit 77; }
command -v sqlite3 >/dev/null || { echo "no sqlite3: skipped"; exit 77; }
[[ -x /usr/bin/time ]] || { echo "no /usr/bin/time: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TZ=UTC LC_ALL=C.UTF-8 CXMEET_NOW=2026-11-23T09:00:00Z
N=${TW_TASKS:-120000}
LIMIT_KB=30720
if [[ ${CXMEET_SANITIZED:-0} == 1 ]]; then
	echo "# built with a sanitizer: peak memory not bounded, actions still checked"
	LIMIT_KB=$((1 << 40))
fi
db=$tmp/big.db
"$cxmeet" --db "$db" init >/dev/null
"$cxmeet" --db "$db" person add "Ana Lima" --dept Sales >/dev/null
python3 "$here/../import/tw_export.py" "$N" "Ana Lima" >"$tmp/tasks.json"
python3 "$here/../import/tw_export.py" "$N" "Ana Lima" bad >"$tmp/bad.json"
size_kb=$(($(stat -c %s "$tmp/tasks.json") / 1024))
fail=0
check() { "$@" || { echo "FAIL: $*"; fail=1; }; }
# rss WHAT: the peak of the last run, held to the bound
rss() {
	local kb
	kb=$(tail -n 1 "$tmp/rss")
	echo "$1: peak RSS $kb KB (the export: $size_kb KB)"
	((kb <= LIMIT_KB)) || { echo "FAIL: $1 took $kb KB (bound: $LIMIT_KB KB)"; fail=1; }
}
actions() { sqlite3 "$db" "SELECT count(*) FROM items WHERE kind = 'action'"; }

# the last task bad: refused whole, from a file and from a pipe
for from in file pipe; do
	status=0
	if [[ $from == file ]]; then
		/usr/bin/time -o "$tmp/rss" -f %M "$cxmeet" --db "$db" import --from taskwarrior \
			"$tmp/bad.json" >"$tmp/out" 2>"$tmp/err" || status=$?
		where=$tmp/bad.json
	else
		/usr/bin/time -o "$tmp/rss" -f %M "$cxmeet" --db "$db" import --from taskwarrior - \
			<"$tmp/bad.json" >"$tmp/out" 2>"$tmp/err" || status=$?
		where=-
	fi
	rss "the last task bad, from a $from"
	check test "$status" -eq 2
	check grep -qF -e "$where:$((N + 1)): there is no person named 'Nobody Here'" "$tmp/err"
	check test "$(wc -l <"$tmp/err")" -eq 2 # the task, and "nothing was imported"
	check test "$(actions)" -eq 0
done

# the whole export, from a pipe (kept in a temporary file for the second reading)
status=0
cat "$tmp/tasks.json" | /usr/bin/time -o "$tmp/rss" -f %M "$cxmeet" --db "$db" import \
	--from taskwarrior - >"$tmp/out" 2>"$tmp/err" || status=$?
rss "$N tasks from a pipe"
check test "$status" -eq 0
want=$((N - N / 100))
check grep -qx "Imported $want actions ($((N / 100)) deleted or recurring tasks skipped)." "$tmp/out"
check test "$(actions)" -eq "$want"
check test "$(sqlite3 "$db" "SELECT count(*) FROM item_events WHERE event = 'imported'")" -eq "$want"
check test "$(sqlite3 "$db" "SELECT count(*) FROM items WHERE kind = 'action' AND status = 'done'")" \
	-eq $((N / 10 - N / 100))
# the last task, from its line
check test "$(sqlite3 "$db" "SELECT e.new_value FROM items i JOIN item_events e ON e.item_id = i.id
	AND e.event = 'imported' WHERE i.text LIKE '%number $((N - 1)),%'")" = "standard input, line $N"
((fail == 0)) || exit 1
echo "ok"
