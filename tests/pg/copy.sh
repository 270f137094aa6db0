#!/usr/bin/env bash
# copy.sh - `cxmeet copy` file -> server -> file: the demo's two years copied
# to a server and back, then the three full JSON exports and the action
# list, decision log, history and search of each the same, byte for byte; a
# copy into a server database that holds data refused, writing nothing; a
# copy killed (kill -9) half-way through its transaction leaves the
# server's database without a row of it, and a copy then succeeds.
# Run inside with_cluster.sh: copy.sh CXMEET
set -uo pipefail
cx=$1
export TZ=UTC LC_ALL=C.UTF-8 CXMEET_NOW=2026-11-23T09:00:00Z
work=$(mktemp -d /tmp/cxmeet-pgcopy.XXXXXX)
copier=
trap '[ -n "$copier" ] && kill -9 "$copier" 2>/dev/null; rm -rf "$work"' EXIT
failures=0
fail() { echo "copy: FAIL: $*" >&2; failures=$((failures + 1)); }
uri() { echo "postgresql://$PGUSER@/$1?host=$PGHOST&port=$PGPORT"; }

file="$work/demo.db"
back="$work/back.db"
server=$(uri copied)
"$cx" --db "$file" demo --years 2 --seed 5 >/dev/null || { echo "demo failed" >&2; exit 1; }
old=$(sqlite3 "$file" "SELECT min(id) FROM items WHERE kind = 'decision' AND deleted_at IS NULL")
new=$(sqlite3 "$file" "SELECT max(id) FROM items WHERE kind = 'decision' AND deleted_at IS NULL")
"$cx" --db "$file" supersede "$old" "$new" >/dev/null || fail "supersede $old $new"
# what connects CX to a leader's goals: a KPI and its values, the focus, a
# profile and moves on the map
dept=$(sqlite3 "$file" "SELECT name FROM departments ORDER BY id LIMIT 1")
who=$(sqlite3 "$file" "SELECT name FROM people ORDER BY id LIMIT 1")
{ "$cx" --db "$file" kpi add "$dept" "Repeat calls" --unit % --lower-is-better --value 12.5 &&
	"$cx" --db "$file" kpi set "$dept" "Repeat calls" 11.25 &&
	"$cx" --db "$file" focus "$dept" --plan "Win the lead" --next-step "Show the figures" &&
	"$cx" --db "$file" person edit "$who" --values "Fewer escalations" --kpi "Repeat calls" \
		--stage knowledge --next-step "Pair on a case" --influence low --support low &&
	"$cx" --db "$file" person edit "$who" --influence high --support high; } >/dev/null ||
	fail "setting up KPIs, the focus and a profile"
# A meeting in progress with the draft of a form (written behind the
# program's back: no command leaves one), and its hold, which stays behind.
sqlite3 "$file" "
INSERT INTO meetings(id, template_id, status, started_at, current_step)
  VALUES (100000, 1, 'in_progress', '2026-11-23T08:30:00Z', 1);
INSERT INTO meeting_steps(id, meeting_id, position, title, kind, planned_minutes)
  VALUES (100000, 100000, 0, 'Roll call', 'roll-call', 3);
INSERT INTO meeting_drafts VALUES (100000, 100000, 'action', 'Call the bank back', NULL,
  '2026-11-23T08:40:00Z');
INSERT INTO meeting_holds VALUES (100000, 'feedfeed', 'ana', 'desk', 4242,
  '2026-11-23T08:30:00Z', '2026-11-23T08:41:00Z');" || fail "setting up the meeting in progress"

"$cx" copy --from "$file" --to "$server" >"$work/out" 2>&1 || fail "file -> server: $(cat "$work/out")"
"$cx" copy --from "$server" --to "$back" >"$work/out" 2>&1 || fail "server -> file: $(cat "$work/out")"
# On a terminal, with its bar: the rows are counted first, in the same
# snapshot of the server as they are read.
if command -v script >/dev/null; then
	script -qec "$(printf '%q copy --from %q --to %q' "$cx" "$server" "$work/tty.db")" /dev/null \
		>"$work/tty.out" 2>&1 || fail "server -> file on a terminal: $(cat "$work/tty.out")"
	grep -q "copying" "$work/tty.out" || fail "no bar on a terminal: $(cat "$work/tty.out")"
	cmp -s <(sqlite3 "$back" .dump) <(sqlite3 "$work/tty.db" .dump) ||
		fail "the copy made on a terminal differs"
fi

while IFS= read -r cmd; do
	n=0
	for db in "$file" "$server" "$back"; do
		n=$((n + 1))
		# shellcheck disable=SC2086 # the command's words
		"$cx" --db "$db" $cmd >"$work/$n" 2>&1 || fail "'$cmd' on $db exited $?"
	done
	[ -s "$work/1" ] || fail "'$cmd' said nothing"
	cmp -s "$work/1" "$work/2" ||
		fail "'$cmd': the server's differs from the file's: $(diff "$work/1" "$work/2" | head -4)"
	cmp -s "$work/1" "$work/3" ||
		fail "'$cmd': the copy back differs from the file: $(diff "$work/1" "$work/3" | head -4)"
done <<'CMDS'
export --format json
actions
actions --format json
decisions
decisions --format json
history
search refund
search accounts --format json
digest
CMDS
for t in organisation org_text_versions departments people agenda_templates \
	agenda_template_steps meetings meeting_steps attendance items item_links item_events \
	meeting_drafts item_tally revisit_tally; do
	cmp -s <(sqlite3 "$file" ".dump $t") <(sqlite3 "$back" ".dump $t") ||
		fail "table $t is not the same after the trip to the server and back"
done
[ "$(sqlite3 "$back" "SELECT count(*) FROM meeting_holds")" = 0 ] ||
	fail "a live meeting's hold came back from the server"
# New rows on the server take ids after the ones copied.
"$cx" --db "$server" dept add "Added After" >/dev/null 2>&1 || fail "a department added after"

# Into a database that holds data: refused (exit 2), nothing written.
"$cx" --db "$server" export --format json >"$work/before"
"$cx" copy --from "$file" --to "$server" >"$work/out" 2>&1
rc=$?
[ "$rc" = 2 ] || fail "a copy into a database with data exited $rc, not 2"
grep -q "already holds data" "$work/out" || fail "the refusal said: $(cat "$work/out")"
"$cx" --db "$server" export --format json >"$work/after"
cmp -s "$work/before" "$work/after" || fail "the refused copy wrote to the server"

# Killed half-way: once its rows of item_events are being written (items
# and all before them are in its transaction), kill -9.
killed=$(uri killed)
"$cx" copy --from "$file" --to "$killed" >"$work/kill.out" 2>&1 &
copier=$!
disown "$copier" # its death is this test's doing: no word of it from the shell
seen=
for _ in $(seq 1 600); do
	if psql -XAtq -d postgres -c "SELECT 1 FROM pg_stat_activity WHERE datname = 'killed'
	    AND query LIKE 'INSERT INTO public.\"item_events\"%'" 2>/dev/null | grep -q 1; then
		seen=1
		break
	fi
	kill -0 "$copier" 2>/dev/null || break
	sleep 0.05
done
kill -9 "$copier" 2>/dev/null
while kill -0 "$copier" 2>/dev/null; do sleep 0.05; done
copier=
[ -n "$seen" ] || fail "the copy was not seen writing its events (it ended first?): $(cat "$work/kill.out")"
# The server ends the dead client's session and rolls its transaction back.
for _ in $(seq 1 200); do
	left=$(psql -XAtq -d postgres -c "SELECT count(*) FROM pg_stat_activity WHERE datname = 'killed'")
	[ "$left" = 0 ] && break
	sleep 0.05
done
rows=$(psql -XAtq -d killed -c "SELECT (SELECT count(*) FROM organisation) +
  (SELECT count(*) FROM departments) + (SELECT count(*) FROM people) +
  (SELECT count(*) FROM meetings) + (SELECT count(*) FROM items) +
  (SELECT count(*) FROM item_events)")
[ "$rows" = 0 ] || fail "the killed copy left $rows rows on the server"
"$cx" copy --from "$file" --to "$killed" >"$work/out" 2>&1 ||
	fail "a copy after the killed one: $(cat "$work/out")"
"$cx" --db "$killed" export --format json >"$work/k.json"
"$cx" --db "$file" export --format json >"$work/f.json"
cmp -s "$work/k.json" "$work/f.json" || fail "the copy after the killed one differs"

[ "$failures" = 0 ] && echo "copy: file -> server -> file gives the same history; refusals and a kill write nothing"
exit $((failures > 0))
