#!/bin/bash
# e2e_backup - `cxmeet backup` while a meeting runs in the full-screen
# interface: backups are taken over and over while notes are captured (the
# meeting's writes go on meanwhile, none refused or held up), each is a
# consistent copy (`cxmeet check FILE` says ok, and its notes are the first
# ones captured, in order, none half-written); the last, taken after the
# captures, holds the same data as the live file. An existing file is
# refused (status 2) and left as it was, --force replaces it; a missing or
# unwritable folder and a full disk are reported (status 1 and 7) and leave
# no file behind.
# On a PostgreSQL server (the 'pg' suite) the backup is refused, saying what
# to use instead, and writes nothing.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

if [ -n "${CXMEET_TEST_SERVER:-}" ]; then
	setup_council
	rc=0
	"$CXMEET" backup -o "$tmp/b.db" 2>"$tmp/err" || rc=$?
	expect_eq "$rc" 2 "a backup on a server: status 2"
	expect_match "$(cat "$tmp/err")" "pg_dump.*cxmeet copy --from SERVER --to FILE" \
		"a backup on a server: says to use pg_dump or copy"
	expect_eq "$(ls -A "$tmp" | grep -c '^b\.db\|^\.cxmeet-')" 0 "a backup on a server writes nothing"
	exit 0
fi

setup_council
start_tui 100 30
start_meeting
go_step 3 "Customer story"

note "backups taken again and again while notes are captured"
bk="$tmp/backups"
mkdir -p "$bk"
(
	i=0
	while [ ! -e "$bk/stop" ] && [ $i -lt 400 ]; do
		i=$((i + 1))
		"$CXMEET" --db "$CXMEET_DB" backup -o "$bk/b$i.db" >/dev/null 2>>"$bk/errors" ||
			echo "backup $i failed" >>"$bk/errors"
	done
	echo $i >"$bk/count"
) &
for n in 1 2 3 4 5 6 7 8; do
	open_form n note
	text "Note number $n"
	save_form note
done
wait_for "Captured in this step (8)"
touch "$bk/stop"
poll 30 test -e "$bk/count" || cx_fail "the backups did not stop"
wait
expect_eq "$(cat "$bk/errors" 2>/dev/null)" "" "no backup failed while the meeting wrote"
taken=$(cat "$bk/count")
note "$taken backups taken during the captures"
[ "$taken" -ge 2 ] || check_failed "only $taken backups were taken during the captures"
bad=0 seen=0
for f in "$bk"/b*.db; do
	seen=$((seen + 1))
	out=$("$CXMEET" check "$f" 2>&1) || { check_failed "check $f: $out"; bad=1; continue; }
	[ "$out" = ok ] || { check_failed "check $f said: $out"; bad=1; }
	notes=$("$CXMEET" --db "$f" show --format json | jq -r '.items.note // [] | .[].text')
	want=$(for ((k = 1; k <= $(printf '%s' "$notes" | grep -c .); k++)); do echo "Note number $k"; done)
	[ "$notes" = "$want" ] || { check_failed "$f holds notes out of order: $notes"; bad=1; }
done
expect_eq "$bad" 0 "every backup taken during the meeting checks ok and is consistent"
expect_eq "$(ls "$bk"/.cxmeet-* 2>/dev/null | wc -l)" 0 "no temporary file is left"

note "a backup after the captures holds what the live file holds"
out=$("$CXMEET" --db "$CXMEET_DB" backup -o "$tmp/last.db")
expect_eq "$out" "Backed up to $tmp/last.db; check it with: cxmeet check $tmp/last.db" "backup says where"
expect_eq "$("$CXMEET" check "$tmp/last.db")" ok "the last backup checks ok"
expect_eq "$(stat -c %a "$tmp/last.db")" 600 "the backup is readable by its owner only"
live=$(cx_json 'del(.exported_at)' export | md5sum)
copy=$("$CXMEET" --db "$tmp/last.db" export --format json | jq -r 'del(.exported_at)' | md5sum)
expect_eq "$copy" "$live" "the backup's export is the live file's"
expect_eq "$(sqlite3 "$tmp/last.db" "SELECT count(*) FROM items WHERE kind = 'note'")" 8 \
	"the backup has the eight notes"
expect_screen "Captured in this step (8)" "the meeting goes on"

note "an existing file is refused unless --force"
echo "precious" >"$tmp/keep.db"
rc=0
"$CXMEET" --db "$CXMEET_DB" backup -o "$tmp/keep.db" 2>"$tmp/err" || rc=$?
expect_eq "$rc" 2 "an existing file: status 2"
expect_eq "$(cat "$tmp/err")" "cxmeet: $tmp/keep.db already exists: use --force to replace it" \
	"an existing file: the message"
expect_eq "$(cat "$tmp/keep.db")" precious "the existing file is left as it was"
"$CXMEET" --db "$CXMEET_DB" backup -o "$tmp/keep.db" --force >/dev/null
expect_eq "$("$CXMEET" check "$tmp/keep.db")" ok "--force replaces it with a backup"

note "a folder that cannot be written in, and a full disk"
rc=0
"$CXMEET" --db "$CXMEET_DB" backup -o "$tmp/no/such/folder.db" 2>"$tmp/err" || rc=$?
expect_eq "$rc" 1 "a missing folder: status 1"
expect_match "$(cat "$tmp/err")" "cannot write in the folder of $tmp/no/such/folder.db" \
	"a missing folder: the message"
mkdir "$tmp/ro"
chmod 555 "$tmp/ro"
if [ "$(id -u)" != 0 ]; then # root writes anywhere
	rc=0
	"$CXMEET" --db "$CXMEET_DB" backup -o "$tmp/ro/b.db" 2>"$tmp/err" || rc=$?
	expect_eq "$rc" 1 "a read-only folder: status 1"
	expect_match "$(cat "$tmp/err")" "Permission denied" "a read-only folder: the message"
fi
rc=0
(trap '' XFSZ; ulimit -f 16; exec "$CXMEET" --db "$CXMEET_DB" backup -o "$tmp/full.db") \
	2>"$tmp/err" || rc=$?
expect_eq "$rc" 7 "a full disk (a file-size limit): status 7"
expect_eq "$(cat "$tmp/err")" "cxmeet: cannot write the backup: the disk is full" \
	"a full disk: the message"
expect_eq "$(ls -A "$tmp" | grep -c '^full.db\|^\.cxmeet-')" 0 "a full disk leaves no file"
