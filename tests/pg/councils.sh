#!/usr/bin/env bash
# councils.sh - councils on one server, through cxmeet: the owner of the
# database adds councils A and B and grants role ra membership of A and rb
# of B (roles made with psql, passwords only in the cluster's PGPASSFILE);
# each adds data as its own role and sees only its own council; ra cannot
# pick B (not a member, exit 12); the reader role reads both councils,
# naming them, and writes neither; two facilitators run meetings at the same
# time in A and B, each in the full-screen interface (as the e2e tests do,
# in tmux), the title line naming the council; the owner renames, archives
# and revokes, and only the owner may. Run inside with_cluster.sh:
#   councils.sh CXMEET
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../e2e/lib.sh" "$@" # $tmp, the clock, start_tui, keys, wait_for, expect_*
cx=$CXMEET
db=councils
uri() { echo "postgresql://$1@/$db?host=$PGHOST&port=$PGPORT"; }
owner=$(uri "$PGUSER")

# as ROLE CMD...: cxmeet as ROLE, no council named unless the command does.
as() {
	local role=$1
	shift
	env -u CXMEET_COUNCIL "$cx" --db "$(uri "$role")" "$@"
}
# status_of ROLE CMD...: the exit status, standard error kept in $tmp/err.
status_of() {
	local rc=0
	as "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
	echo "$rc"
}

note "the owner sets up the database and two councils"
as "$PGUSER" init >/dev/null
as "$PGUSER" council add A >/dev/null
as "$PGUSER" council add B >/dev/null
expect_eq "$(status_of "$PGUSER" council add b)" 2 "a name taken, without regard to case"
expect_match "$(cat "$tmp/err")" "council named 'b' already" "the clash is said"

note "a role per person, its password only in the password file"
password() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }
for r in ra rb rr; do
	pw=$(password)
	printf '*:*:*:%s:%s\n' "$r" "$pw" >>"$PGPASSFILE"
	psql -X -q -v ON_ERROR_STOP=1 -d "$db" >/dev/null <<-SQL
		CREATE ROLE $r LOGIN PASSWORD '$pw';
	SQL
done
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "GRANT cxmeet_reader TO rr" >/dev/null

expect_eq "$(status_of "$PGUSER" council grant A nobody_here)" 2 "granting a role that is not there"
expect_match "$(cat "$tmp/err")" "no role nobody_here on the server" "the missing role is named"
expect_eq "$(status_of "$PGUSER" council grant C ra)" 11 "granting a council that is not there"
as "$PGUSER" council grant A ra >/dev/null
as "$PGUSER" council grant b rb >/dev/null

note "only the owner manages councils"
expect_eq "$(status_of ra council add Mine)" 12 "a member cannot add a council"
expect_match "$(cat "$tmp/err")" "only the owner of the database" "the refusal says who may"
expect_eq "$(status_of ra council grant A rb)" 12 "a member cannot grant"
expect_eq "$(status_of ra council rename A Mine)" 12 "a member cannot rename"

note "each member adds data to its own council, naming none"
as ra org set name "Region North" >/dev/null
as ra dept add "North desk" >/dev/null
as ra person add "Nina North" --dept "North desk" >/dev/null
as rb org set name "Region South" >/dev/null
as rb dept add "South desk" >/dev/null
as rb person add "Sam South" --dept "South desk" >/dev/null
expect_eq "$(as ra council list --format json | jq -r '.[] | "\(.name) \(.member) \(.current)"')" \
	"A true true" "ra sees council A only, as its own"
expect_eq "$(as ra dept list | grep -c desk)" 1 "ra sees one desk"
expect_match "$(as ra dept list)" "North desk" "ra sees its own desk"
expect_eq "$(as rb dept list | grep -c desk)" 1 "rb sees one desk"
expect_match "$(as rb dept list)" "South desk" "rb sees its own desk"

note "ra cannot pick B; the flag wins over CXMEET_COUNCIL"
expect_eq "$(status_of ra --council B dept list)" 12 "ra picking B: not a member"
expect_match "$(cat "$tmp/err")" "not a member of the council 'B'" "the refusal names the council"
expect_eq "$(status_of ra --council Z dept list)" 11 "ra picking a council that is not there"
rc=0
CXMEET_COUNCIL=B "$cx" --db "$(uri ra)" --council a dept list >/dev/null 2>&1 || rc=$?
expect_eq "$rc" 0 "--council A wins over CXMEET_COUNCIL=B"
rc=0
CXMEET_COUNCIL=B "$cx" --db "$(uri ra)" dept list >/dev/null 2>&1 || rc=$?
expect_eq "$rc" 12 "CXMEET_COUNCIL=B alone is refused for ra"

note "the owner, a member of three councils, must pick one"
expect_eq "$(status_of "$PGUSER" dept list)" 11 "several councils and none picked"
expect_match "$(cat "$tmp/err")" "choose one with CXMEET_COUNCIL or --council" "the message says how"
expect_eq "$(as "$PGUSER" council list --format csv | tr -d '\r')" \
	"name,archived,member,current
A,0,1,0
B,0,1,0
$db,0,1,0" "the owner lists every council, none current"

note "the reader reads either council, and writes neither"
expect_eq "$(status_of rr dept list)" 12 "the reader belongs to no council: it names one"
expect_match "$(as rr --council B dept list)" "South desk" "the reader reads B"
expect_eq "$(status_of rr --council A dept add Planted)" 12 "the reader writes nothing"
expect_eq "$(as rr --council A dept list | grep -c Planted || true)" 0 "nothing was written"

note "two facilitators run meetings at the same time, in A and in B"
export CXMEET_DB
CXMEET_DB=$(uri ra)
start_tui 110 30
sock_a=$SOCK
wait_for "Region North  CX council: A"
start_meeting
CXMEET_DB=$(uri rb)
start_tui 110 30
sock_b=$SOCK
wait_for "Region South  CX council: B"
start_meeting
wait_for "Region South  CX council: B 2026-11-23  Step 1/10"
SOCK=$sock_a
go_step 3 "Customer story"
open_form s story
text "North: parcel lost twice"
save_form story
SOCK=$sock_b
go_step 3 "Customer story"
open_form s story
text "South: refund took a month"
save_form story
SOCK=$sock_a
open_form n note
text "North: call the courier"
save_form note
wait_for "Captured in this step (2)"
# action SOCK DEPT-FILTER DEPT PERSON-FILTER PERSON TEXT: an action captured.
action() {
	SOCK=$1
	open_form a action
	text "$6"
	keys Tab Tab
	pick "$2" "$3"
	keys Tab
	pick "$4" "$5"
	wait_re "Owner +$5"
	save_form action
}
action "$sock_a" Nor "North desk" Nin "Nina North" "North: new courier contract"
action "$sock_b" Sou "South desk" Sam "Sam South" "South: refunds within a week"
for s in "$sock_a" "$sock_b"; do
	SOCK=$s
	open_form d decision
	[ "$s" = "$sock_a" ] && text "North: one courier for the region" || text "South: refunds by return of post"
	save_form decision
done
expect_eq "$(as ra show --format json | jq -r '.meeting.status')" in_progress "A's meeting runs"
expect_eq "$(as rb show --format json | jq -r '.meeting.status')" in_progress "B's meeting runs at once"
expect_eq "$(as ra show --format json | jq -r '[.items[][]] | sort_by(.id) | .[].text')" \
	"North: parcel lost twice
North: call the courier
North: new courier contract
North: one courier for the region" "A's meeting holds A's items only"
expect_eq "$(as rb show --format json | jq -r '[.items[][]] | sort_by(.id) | .[].text')" \
	"South: refund took a month
South: refunds within a week
South: refunds by return of post" "B's meeting holds B's items only"

note "an open action counts the meetings of its own council since it was made"
# two more meetings held in A (written by the superuser, as a past record)
PGUSER=cxmeet_super PGOPTIONS="-c cxmeet.bulk=on" psql -X -q -v ON_ERROR_STOP=1 -d "$db" >/dev/null <<-SQL
	INSERT INTO meetings(council_id, status, started_at, ended_at)
	  SELECT id, 'completed', now() + interval '1 day' * g, now() + interval '1 day' * g
	  FROM councils, generate_series(1, 2) g WHERE name = 'A';
SQL
expect_eq "$(as ra actions --format json | jq -r '.[] | "\(.text) \(.carried)"')" \
	"North: new courier contract 2" "carried through A's two later meetings"
expect_eq "$(as rr actions --all-councils --format json | jq -r '.[] | "\(.council) \(.carried)"' | sort)" \
	"A 2
B 0" "across councils, each action's count is of its own council's meetings"
note "across councils: the reader reads both, each row naming its council"
expect_eq "$(as rr actions --all-councils --format json | jq -r '.[] | "\(.council)|\(.text)"' | sort)" \
	"A|North: new courier contract
B|South: refunds within a week" "the reader's actions of every council, named"
expect_eq "$(as rr decisions --all-councils --format json | jq -r '.[] | "\(.council)|\(.text)"' | sort)" \
	"A|North: one courier for the region
B|South: refunds by return of post" "the reader's decisions of every council, named"
expect_match "$(as rr decisions --all-councils)" "^\[B\] #[0-9]+ " "plain decisions: the council heads each block"
expect_eq "$(as rb decisions --all-councils --format csv | tr -d '\r' | cut -d, -f1 | tail -n +2)" \
	"B" "a member of B reads B's decisions alone"
expect_eq "$(as ra actions --all-councils --format json | jq -r '.[] | "\(.council)|\(.text)"')" \
	"A|North: new courier contract" "a member of A reads A's alone"
expect_eq "$(as rr search --all-councils --format csv courier | tr -d '\r' | cut -d, -f1,3)" \
	"council,kind
A,decision
A,action
A,note" "search across councils names the council"
expect_eq "$(as rr search --all-councils --format json refund | jq -r '.[] | "\(.council)|\(.kind)"')" \
	"B|decision
B|action
B|story" "and finds B's items for the reader"
expect_match "$(as rr actions --all-councils)" "^council +id +due" "plain text: the council first"
rc=0
out=$(CXMEET_NOW=2027-02-01T09:00:00Z as rr overdue --all-councils --format csv) || rc=$?
expect_eq "$rc" 8 "overdue across councils: exit status 8"
expect_eq "$(printf '%s' "$out" | tr -d '\r' | cut -d, -f1 | sort | tr '\n' ' ')" \
	"A B council " "overdue names each council"
expect_eq "$(status_of rr actions --all-councils --dept 'North desk')" 2 "--dept is one council's"
out=$(CXMEET_NOW=2027-02-01T09:00:00Z as rr digest --all-councils)
expect_eq "$(printf '%s\n' "$out" | grep -E '^(Council|Nina|Sam)')" \
	"Council A
Nina North
Council B
Sam South
Council $db" "the reader's digest: each council under its name (the first, empty, too)"
expect_eq "$(printf '%s\n' "$out" | grep -c 'new courier contract\|refunds within a week')" 2 \
	"both councils' actions are in the digest"
expect_eq "$(as rr champions --all --all-councils --format csv | tr -d '\r' | cut -d, -f1,2)" \
	"council,name
A,Nina North
B,Sam South" "the people's records of every council, each row naming its council"
expect_eq "$(as rr cadence --all-councils --format csv | tr -d '\r' | cut -d, -f1,2 | grep -E '^council,|desk')" \
	"council,department
A,North desk
B,South desk" "the reader's cadence: every council's departments, each row naming its council"
expect_eq "$(as rr cadence --all-councils --format json | jq -r '.[] | "\(.council) \(.departments | length) \(.cadence)"')" \
	"A 11 monthly
B 11 monthly
$db 10 monthly" "in JSON, one object per council, naming it"
expect_eq "$(as rr cadence --all-councils | grep -E '^(Council|Cadence)')" \
	"Council A
Cadence: monthly (grace 3 days)
Council B
Cadence: monthly (grace 3 days)
Council $db
Cadence: monthly (grace 3 days)" "in plain text, each council's report under its name"
expect_eq "$(as ra cadence --all-councils --format json | jq -r '.[].council')" "A" \
	"a member's cadence across councils: its own council alone"
for s in "$sock_a" "$sock_b"; do
	SOCK=$s
	keys q
	wait_for "Leave the meeting? It stays in progress"
	keys y
	wait_for "Resume the meeting in progress"
	keys q
	wait_exit
done

note "the owner renames, archives and revokes"
as "$PGUSER" council rename b "Region South" >/dev/null
expect_match "$(as rb council list)" "Region South" "rb's council has its new name"
as "$PGUSER" council archive "region south" >/dev/null
expect_eq "$(as "$PGUSER" council list --format json | jq -r '.[] | select(.name == "Region South") | .archived')" \
	true "the archived council is listed, marked"
expect_eq "$(status_of rb --council "Region South" dept list)" 11 "an archived council is not picked"
expect_match "$(cat "$tmp/err")" "is archived" "the refusal says it is archived"
expect_eq "$(status_of "$PGUSER" council grant "Region South" ra)" 2 "nobody joins an archived council"
as "$PGUSER" council revoke A ra >/dev/null
expect_eq "$(status_of ra dept list)" 12 "ra, revoked, is a member of no council"
expect_eq "$(status_of "$PGUSER" council revoke A ra)" 2 "revoking a role that is not a member"
n=$(PGUSER=ra psql -X -A -t -d "$db" -c "SELECT count(*) FROM departments" 2>&1 || true)
case $n in 0 | *"permission denied"*) ;; *) expect_eq "$n" 0 "ra, revoked, reads nothing with raw SQL" ;; esac
