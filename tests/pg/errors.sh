#!/usr/bin/env bash
# errors.sh - each failure of a server's database is told apart, by its
# message and its exit status (cxmeet(1), EXIT STATUS), and leaves the
# database as it was: a password in the argument (2), the server unreachable
# (9), the login refused (10), no such database (2; made by init), a newer
# server schema (6, untouched), a role in no council (12), a council not
# said or not there (11); and check finds a table whose councils are no
# longer kept apart (5); an older server schema is upgraded by the owner
# alone (12 for a member). Run inside with_cluster.sh: errors.sh CXMEET
set -uo pipefail
cx=$1
export TZ=UTC LC_ALL=C.UTF-8 CXMEET_NOW=2026-11-23T09:00:00Z
base="postgresql://$PGUSER@/%s?host=$PGHOST&port=$PGPORT"
db() { printf "$base" "$1"; }
failures=0
# expect STATUS PATTERN CMD...: the exit status and a piece of standard error
expect() {
	local want=$1 pattern=$2
	shift 2
	local err st
	err=$("$@" 2>&1 >/dev/null)
	st=$?
	if [ "$st" != "$want" ] || [[ "$err" != *"$pattern"* ]]; then
		echo "errors: FAIL: $* -> exit $st (want $want), said: $err (want: $pattern)" >&2
		failures=$((failures + 1))
	fi
}

expect 2 "holds a password" "$cx" --db "postgresql://$PGUSER:secret@/cxmeet?host=$PGHOST" status
expect 2 "holds a password" "$cx" --db "service=nothing password=secret" status
expect 9 "cannot reach the server" "$cx" --db "postgresql://$PGUSER@/cxmeet?host=/nonexistent" status
wrong=$(mktemp)
printf '*:*:*:%s:not-the-password\n' "$PGUSER" >"$wrong"
chmod 600 "$wrong"
expect 10 "cannot log in" env PGPASSFILE="$wrong" "$cx" --db "$(db cxmeet)" status
rm -f "$wrong"
expect 2 "there is no database" "$cx" --db "$(db nowhere)" status
expect 2 "is not set up" "$cx" --db "$(db cxmeet)" status
# init makes a missing database, and sets it up
expect 0 "" "$cx" --db "$(db made)" init
expect 0 "" "$cx" --db "$(db made)" status

# A schema newer than this program: refused, left as it was.
psql -X -q -d made -c "INSERT INTO cxmeet_schema(version) VALUES (99)"
state() { psql -X -A -t -d made -c "SELECT (SELECT string_agg(version::text, ',') FROM cxmeet_schema),
  (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace)"; }
before=$(state)
expect 6 "newer cxmeet" "$cx" --db "$(db made)" status
expect 6 "newer cxmeet" "$cx" --db "$(db made)" init
[ "$(state)" = "$before" ] || { echo "errors: FAIL: the newer schema was changed" >&2; failures=$((failures + 1)); }

# Councils: a role in none; a role in two, not saying which; one not there.
expect 0 "" "$cx" --db "$(db two)" init
pw=$(head -c 32 /dev/urandom | base64 | tr -dc A-Za-z0-9)
printf '*:*:*:outsider:%s\n' "$pw" >>"$PGPASSFILE"
psql -X -q -d two <<SQL
CREATE ROLE outsider LOGIN PASSWORD '$pw' IN ROLE cxmeet_member;
SQL
expect 12 "member of no council" "$cx" --db "postgresql://outsider@/two?host=$PGHOST&port=$PGPORT" status
psql -X -q -d two -c "INSERT INTO councils(name) VALUES ('Second');
  INSERT INTO council_members SELECT id, current_user FROM councils WHERE name = 'Second'"
expect 11 "choose one with CXMEET_COUNCIL" "$cx" --db "$(db two)" status
expect 11 "no council named 'Third'" env CXMEET_COUNCIL=Third "$cx" --db "$(db two)" status
expect 0 "" env CXMEET_COUNCIL=second "$cx" --db "$(db two)" status

# check: healthy; then a council-owned table whose row-level security is
# no longer forced is damage (5), and a table of the user's own only a note.
expect 0 "" env CXMEET_COUNCIL=Second "$cx" --db "$(db two)" check
psql -X -q -d two -c "ALTER TABLE people NO FORCE ROW LEVEL SECURITY; CREATE TABLE mine (x int)"
out=$(CXMEET_COUNCIL=Second "$cx" --db "$(db two)" check 2>&1)
st=$?
if [ "$st" != 5 ] || [[ "$out" != *"table people: row-level security is not forced"* ]] ||
	[[ "$out" != *"table mine is not cxmeet's"* ]]; then
	echo "errors: FAIL: check on a table no longer kept apart: exit $st, said: $out" >&2
	failures=$((failures + 1))
fi

# A database of server schema 1 (as the first release made it: no pages'
# indexes, no talking points nor discussed_in): a member
# cannot upgrade it and is told who can; its owner's next command does.
expect 0 "" "$cx" --db "$(db old)" init
psql -X -q -d old <<SQL
DELETE FROM cxmeet_schema WHERE version IN (2, 3, 4, 5, 6, 7);
ALTER TABLE item_events DROP CONSTRAINT item_events_event_check;
ALTER TABLE item_events ADD CONSTRAINT item_events_event_check CHECK (event IN ('created','edited','due_moved','reassigned','carried','done','reopened','dropped','deleted','superseded','closed'));
DROP TABLE meeting_ratings, meeting_briefers;
DROP TABLE initiative_reviews, initiative_milestones, initiatives;
ALTER TABLE items DROP COLUMN discussed_in;
DROP TABLE message_recipients;
ALTER TABLE items DROP COLUMN measure_id;
DROP TABLE person_profiles, stance_history, measure_values, measures, focus;
ALTER TABLE items DROP CONSTRAINT items_kind_check;
ALTER TABLE items ADD CONSTRAINT items_kind_check CHECK (kind IN ('decision','action','win','story','insight','note','parked','message'));
DROP INDEX items_kind_due; DROP INDEX items_revisit_id; DROP INDEX items_owner_due; DROP INDEX items_kind_status_due;
CREATE INDEX items_kind_status_due ON items(council_id, kind, status, due_on) WHERE deleted_at IS NULL;
GRANT CONNECT ON DATABASE old TO outsider;
SQL
expect 12 "the owner of the database upgrades it" "$cx" --db "postgresql://outsider@/old?host=$PGHOST&port=$PGPORT" status
ver() { psql -X -A -t -d old -c "SELECT max(version), (SELECT count(*) FROM pg_indexes
  WHERE indexname IN ('items_kind_due', 'items_revisit_id')) + (SELECT count(*)
  FROM information_schema.columns WHERE table_name = 'items' AND column_name = 'discussed_in')
  FROM cxmeet_schema"; }
[ "$(ver)" = "1|0" ] || { echo "errors: FAIL: a member changed the old schema: $(ver)" >&2; failures=$((failures + 1)); }
err=$("$cx" --db "$(db old)" status 2>&1 >/dev/null) ||
	{ echo "errors: FAIL: the owner's upgrade failed: $err" >&2; failures=$((failures + 1)); }
[ -z "$err" ] || { echo "errors: FAIL: the upgrade wrote to standard error: $err" >&2; failures=$((failures + 1)); }
[ "$(ver)" = "7|3" ] || { echo "errors: FAIL: the owner's command did not upgrade: $(ver)" >&2; failures=$((failures + 1)); }

[ "$failures" = 0 ] && echo "errors: each failure told apart"
exit $((failures > 0))
