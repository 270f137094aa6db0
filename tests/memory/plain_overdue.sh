#!/bin/bash
# plain_overdue - a plain table of many rows costs the memory of a page, not
# of the result: 150,000 overdue actions (made by SQL, in seconds) are listed
# by `cxmeet overdue` in plain text, JSON and CSV, each within 16 MB of peak
# resident memory (/usr/bin/time %M), every row written, and so is the
# digest of them by owner; the plain table's rows aligned under its header
# (the text column starts at the header's "text" on every line: the names
# are ASCII here; test_cli checks wide characters). Needs sqlite3 and GNU time; skipped (77) without them.
set -euo pipefail
cxmeet=${1:?usage: plain_overdue.sh PATH-TO-CXMEET}
command -v sqlite3 >/dev/null || { echo "no sqlite3: skipped"; exit 77; }
[[ -x /usr/bin/time ]] || { echo "no /usr/bin/time: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export TZ=UTC LC_ALL=C.UTF-8 CXMEET_NOW=2026-11-23T09:00:00Z
db=$tmp/big.db
N=150000
LIMIT_KB=16384
if [[ ${CXMEET_SANITIZED:-0} == 1 ]]; then
	echo "# built with a sanitizer: peak memory not bounded, rows still checked"
	LIMIT_KB=$((1 << 40))
fi

"$cxmeet" --db "$db" init >/dev/null
"$cxmeet" --db "$db" person add "Ana" --dept Sales >/dev/null
"$cxmeet" --db "$db" person add "Bartholomew Featherstonehaugh-Longname" --dept IT >/dev/null
# The long name owns only the last (latest due) action.
sqlite3 "$db" "
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
INSERT INTO items (kind, text, department_id, person_id, due_on, status, created_at, updated_at)
SELECT 'action', 'Task-' || i, p.department_id, p.id, date('2001-01-01', '+' || (i % 8000) || ' days'),
       'open', '2000-12-01T09:00:00Z', '2000-12-01T09:00:00Z'
FROM n, people p WHERE p.name = 'Ana';
INSERT INTO items (kind, text, department_id, person_id, due_on, status, created_at, updated_at)
SELECT 'action', 'Task-last', department_id, id, '2026-11-01', 'open',
       '2000-12-01T09:00:00Z', '2000-12-01T09:00:00Z' FROM people WHERE name LIKE 'Barth%';"

fail=0
for fmt in plain json csv; do
	status=0
	/usr/bin/time -o "$tmp/rss" -f %M "$cxmeet" --db "$db" overdue --format "$fmt" \
		>"$tmp/out.$fmt" || status=$?
	[[ $status -eq 8 ]] || { echo "FAIL: overdue --format $fmt exited $status"; fail=1; }
	kb=$(tail -n 1 "$tmp/rss")
	echo "overdue --format $fmt: $N+1 rows, peak RSS $kb KB"
	if ((kb > LIMIT_KB)); then
		echo "FAIL: overdue --format $fmt took $kb KB (bound: $LIMIT_KB KB)"
		fail=1
	fi
done
# The digest (per owner, for a mail) of the same actions, within the bound too.
status=0
/usr/bin/time -o "$tmp/rss" -f %M "$cxmeet" --db "$db" digest >"$tmp/out.digest" || status=$?
kb=$(tail -n 1 "$tmp/rss")
echo "digest: peak RSS $kb KB"
[[ $status -eq 0 ]] || { echo "FAIL: digest exited $status"; fail=1; }
((kb <= LIMIT_KB)) || { echo "FAIL: digest took $kb KB (bound: $LIMIT_KB KB)"; fail=1; }
rows=$(grep -c '^  - #.*Task-' "$tmp/out.digest" || true)
[[ $rows -eq $((N + 1)) ]] || { echo "FAIL: the digest has $rows actions, not $((N + 1))"; fail=1; }
grep -q "^Actions overdue or due in the next 7 days, as of 2026-11-23: $((N + 1)) overdue, 0 due soon.$" \
	"$tmp/out.digest" || { echo "FAIL: the digest's heading"; head -1 "$tmp/out.digest"; fail=1; }
# Owners by name: Ana's actions, then Bartholomew's one.
[[ $(grep -v '^  ' "$tmp/out.digest" | grep -v '^$' | sed -n '2,3p' | cut -c1-11 | tr '\n' ,) == "Ana,Bartholomew," ]] ||
	{ echo "FAIL: the digest's owners"; fail=1; }
rows=$(grep -c 'Task-' "$tmp/out.plain" || true)
[[ $rows -eq $((N + 1)) ]] || { echo "FAIL: plain has $rows rows, not $((N + 1))"; fail=1; }
rows=$(grep -c '"Task-' "$tmp/out.json" || true)
[[ $rows -eq $((N + 1)) ]] || { echo "FAIL: json has $rows rows, not $((N + 1))"; fail=1; }
# Every row's text under the header's "text" (ASCII: a byte is a column).
bad=$(awk 'NR == 1 { col = index($0, "text"); next }
	   index($0, "Task-") != col { print NR ": " $0; exit }' "$tmp/out.plain")
[[ -z $bad ]] || { echo "FAIL: a row out of line with the header: $bad"; fail=1; }
grep -q '^ *[0-9]* *2026-11-01 .*Bartholomew Featherstonehaugh-Longname  IT .*Task-last$' \
	"$tmp/out.plain" || { echo "FAIL: the last row is not whole"; fail=1; }
exit $fail
