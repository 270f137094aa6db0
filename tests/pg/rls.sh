#!/usr/bin/env bash
# rls.sh - the server, not cxmeet, keeps councils apart: two councils A and
# B in one database; a role that is a member of A only connects with psql
# and, with raw SQL, reads nothing of B and changes nothing of B (SELECT
# finds no row of B; UPDATE and DELETE touch none; an INSERT or UPDATE that
# would put a row into B fails). The reader role reads both and writes
# nothing. Run inside with_cluster.sh: rls.sh CXMEET
set -euo pipefail
cx=$1
export TZ=UTC LC_ALL=C.UTF-8 CXMEET_NOW=2026-11-23T09:00:00Z
uri="postgresql://$PGUSER@/rls?host=$PGHOST&port=$PGPORT"
fail() { echo "rls: FAIL: $*" >&2; exit 1; }
owner_sql() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d rls "$@"; }

"$cx" --db "$uri" init >/dev/null
pw_a=$(head -c 32 /dev/urandom | base64 | tr -dc A-Za-z0-9)
pw_r=$(head -c 32 /dev/urandom | base64 | tr -dc A-Za-z0-9)
printf '*:*:*:member_a:%s\n*:*:*:reader_r:%s\n' "$pw_a" "$pw_r" >>"$PGPASSFILE"
# The owner makes councils A and B (the first one, named after the
# database, is left alone), and the roles; passwords only on standard input.
owner_sql >/dev/null <<SQL
INSERT INTO councils(name) VALUES ('A'), ('B');
INSERT INTO council_members(council_id, role_name)
  SELECT id, current_user FROM councils WHERE name IN ('A', 'B');
CREATE ROLE member_a LOGIN PASSWORD '$pw_a' IN ROLE cxmeet_member;
CREATE ROLE reader_r LOGIN PASSWORD '$pw_r' IN ROLE cxmeet_reader;
INSERT INTO council_members(council_id, role_name)
  SELECT id, 'member_a' FROM councils WHERE name = 'A';
SQL
for c in A B; do
	CXMEET_COUNCIL=$c "$cx" --db "$uri" org set name "Council $c" >/dev/null
	CXMEET_COUNCIL=$c "$cx" --db "$uri" dept add "Only in $c" >/dev/null
	CXMEET_COUNCIL=$c "$cx" --db "$uri" person add "Person of $c" --dept "Only in $c" >/dev/null
done
a=$(owner_sql -c "SELECT id FROM councils WHERE name = 'A'")
b=$(owner_sql -c "SELECT id FROM councils WHERE name = 'B'")
snapshot() {
	owner_sql -c "SELECT string_agg(t, '|' ORDER BY t) FROM (
	  SELECT 'd:' || id || name || coalesce(archived_at::text, '') AS t FROM departments WHERE council_id = $b
	  UNION ALL SELECT 'p:' || id || name || coalesce(department_id::text, '') FROM people WHERE council_id = $b
	  UNION ALL SELECT 'o:' || name FROM organisation WHERE council_id = $b) x"
}
before=$(snapshot)
[ -n "$before" ] || fail "council B holds nothing to protect"

# As member_a, with raw SQL. -v ON_ERROR_STOP=0: each statement on its own.
as_a() { PGUSER=member_a psql -X -A -t -d rls "$@" 2>&1 || true; }
n=$(as_a -c "SELECT count(*) FROM departments WHERE council_id = $b")
[ "$n" = 0 ] || fail "member of A reads $n departments of B"
n=$(as_a -c "SELECT count(*) FROM people WHERE council_id <> $a")
[ "$n" = 0 ] || fail "member of A reads $n people of other councils"
n=$(as_a -c "SELECT count(*) FROM organisation")
[ "$n" = 1 ] || fail "member of A reads $n organisations (1 expected: A's)"
n=$(as_a -c "SELECT count(*) FROM departments WHERE council_id = $a")
[ "$n" -ge 1 ] || fail "member of A cannot read A"
n=$(as_a -c "SELECT count(*) FROM councils")
[ "$n" = 1 ] || fail "member of A sees $n councils"
out=$(as_a -c "UPDATE departments SET name = 'taken' WHERE council_id = $b")
[ "$out" = "UPDATE 0" ] || fail "UPDATE of B's departments: $out"
out=$(as_a -c "UPDATE organisation SET name = 'taken'")
[ "$out" = "UPDATE 1" ] || fail "UPDATE of the organisations reached more than A's: $out"
out=$(as_a -c "DELETE FROM people WHERE council_id = $b")
[ "$out" = "DELETE 0" ] || fail "DELETE of B's people: $out"
out=$(as_a -c "INSERT INTO departments(council_id, name, name_key, created_at)
  VALUES ($b, 'Planted', 'planted', now())")
case $out in *"row-level security"*) ;; *) fail "INSERT into B: $out" ;; esac
out=$(as_a -c "SELECT set_config('cxmeet.council', '$b', false);
  INSERT INTO departments(name, name_key, created_at) VALUES ('Planted', 'planted', now())")
case $out in *"row-level security"*) ;; *) fail "INSERT into B by the session's council: $out" ;; esac
out=$(as_a -c "UPDATE people SET council_id = $b WHERE council_id = $a")
case $out in *"row-level security"*|*"foreign key"*) ;; *) fail "moving A's people to B: $out" ;; esac
n=$(as_a -c "SELECT cardinality(cx_councils_of('$PGUSER'))")
[ "$n" = 0 ] || fail "member of A learns the owner's councils ($n) through cx_councils_of"
out=$(as_a -c "INSERT INTO council_members VALUES ($b, 'member_a')")
case $out in *"permission denied"*) ;; *) fail "member of A joined B: $out" ;; esac
# Nor through cxmeet: B is not there for member_a.
set +e
PGUSER=member_a CXMEET_COUNCIL=B "$cx" --db "postgresql://member_a@/rls?host=$PGHOST&port=$PGPORT" \
	dept list >/dev/null 2>&1
st=$?
set -e
[ "$st" = 12 ] || fail "cxmeet as member of A opened council B (exit $st, 12 expected: not a member)"
n=$(PGUSER=member_a "$cx" --db "postgresql://member_a@/rls?host=$PGHOST&port=$PGPORT" dept list |
	grep -c 'Only in' || true)
[ "$n" = 1 ] || fail "cxmeet as member of A lists $n departments named 'Only in' (1 expected)"

# The reader reads every council and writes nothing.
as_r() { PGUSER=reader_r psql -X -A -t -d rls "$@" 2>&1 || true; }
n=$(as_r -c "SELECT count(DISTINCT council_id) FROM departments WHERE name LIKE 'Only in%'")
[ "$n" = 2 ] || fail "the reader reads $n councils (2 expected)"
out=$(as_r -c "UPDATE departments SET name = 'taken' WHERE council_id = $b")
case $out in *"permission denied"*) ;; *) fail "the reader changed B: $out" ;; esac

after=$(snapshot)
[ "$before" = "$after" ] || fail "council B changed: $before -> $after"
echo "rls: a member of A neither reads nor changes anything of B; the reader reads both"
