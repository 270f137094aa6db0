#!/bin/bash
# schema_damage.sh - a damaged schema is refused, never a crash. Every table,
# index, trigger and view of a fresh database (read from its sqlite_master,
# so a new migration is covered without editing this file) is dropped in
# turn, and every command family of the command line is run on the result:
# each must exit with status 5, name the object on stderr, and leave the file
# as it was. Then objects altered rather than dropped, objects of the user's
# own (tolerated), the same definition typed again (not damage), and what
# `cxmeet check` lists.
# Usage: schema_damage.sh PATH-TO-CXMEET
set -uo pipefail
cxmeet=$(realpath "$1")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export CXMEET_NOW=2026-11-23T09:00:00Z TZ=UTC LC_ALL=C.UTF-8
unset CXMEET_DB
fails=0
fail() {
	echo "FAIL: $*" >&2
	fails=$((fails + 1))
}

fresh=$dir/fresh.db
"$cxmeet" --db "$fresh" init --org Acme >/dev/null || { echo "init failed" >&2; exit 1; }
"$cxmeet" --db "$fresh" person add Ana --dept Sales >/dev/null
"$cxmeet" --db "$fresh" charter set 1 "Customers first" >/dev/null

# One command of every family (and a writing one where the family writes),
# with arguments that pass their own checks, so that each reaches the database;
# check last, its output read after the loop.
commands=(
	"status"
	"org show"
	"charter show"
	"dept list"
	"dept add Legal"
	"person list --all"
	"person add Bo --dept Sales"
	"agenda list"
	"agenda show Standard"
	"history"
	"search customer"
	"show"
	"actions --state all"
	"done 1"
	"overdue"
	"digest"
	"decisions --all"
	"supersede 1 2"
	"cadence --format json"
	"champions --all"
	"export --format json -o -"
	"add note Hello"
	"add action Call --person Ana --due +2w"
	"messages"
	"ack 1"
	"kpi list"
	"measure list"
	"measure add NPS --target 40"
	"ledger"
	"packet --format md"
	"focus"
	"initiative list"
	"initiative add Plan --owner Ana --due +2w"
	"council list"
	"demo --years 1"
	"init"
	"check"
)

# run DB EXPECTED-NAME CMD...: status 5, the name on stderr, the file unchanged.
expect_refused() {
	local db=$1 name=$2
	shift 2
	local before after rc
	before=$(cksum <"$db")
	"$cxmeet" --db "$db" "$@" >"$dir/out" 2>"$dir/err" </dev/null
	rc=$?
	after=$(cksum <"$db")
	if [ $rc -ne 5 ]; then
		fail "$name: 'cxmeet $*' exited $rc, not 5$( [ $rc -ge 128 ] && echo " (signal $((rc - 128)))"): $(head -c 300 "$dir/err")"
		return
	fi
	grep -qw -- "$name" "$dir/err" "$dir/out" ||
		fail "$name: 'cxmeet $*' does not name it: $(head -c 300 "$dir/err")"
	[ "$before" = "$after" ] || fail "$name: 'cxmeet $*' changed the file"
}

start=$(date +%s)
objects=$(sqlite3 "$fresh" "SELECT type || ' ' || name FROM sqlite_master
	WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid")
count=0
while read -r type name; do
	db=$dir/drop.db
	cp "$fresh" "$db"
	sqlite3 "$db" "DROP ${type^^} \"$name\"" || { fail "cannot drop $type $name"; continue; }
	count=$((count + 1))
	for c in "${commands[@]}"; do
		# shellcheck disable=SC2086 # each command is words
		expect_refused "$db" "$name" $c
	done
	grep -q "is missing" "$dir/out" || fail "$name: check does not say what is missing"
done <<<"$objects"
[ "$count" -ge 35 ] || fail "only $count schema objects were found to drop"
echo "dropped $count objects in turn, ${#commands[@]} commands each: $(($(date +%s) - start)) s"

# Altered rather than dropped: an index on another column, a trigger with
# another body, a table with a column more.
alter() {
	local name=$1 sql=$2
	local db=$dir/alter.db
	cp "$fresh" "$db"
	sqlite3 "$db" "$sql" || { fail "cannot alter $name"; return; }
	for c in status "actions --state all" "dept list" init check; do
		# shellcheck disable=SC2086
		expect_refused "$db" "$name" $c
	done
	grep -q "$name has been altered" "$dir/out" || fail "check does not say $name was altered"
}
alter items_department "DROP INDEX items_department;
	CREATE INDEX items_department ON items(person_id, kind)"
alter item_events_append_only_u "DROP TRIGGER item_events_append_only_u;
	CREATE TRIGGER item_events_append_only_u BEFORE UPDATE ON item_events BEGIN SELECT 1; END"
alter departments "ALTER TABLE departments ADD COLUMN colour TEXT"
alter meetings_one_in_progress "DROP INDEX meetings_one_in_progress;
	CREATE INDEX meetings_one_in_progress ON meetings(status)"

# `check` lists every object missing, not only the first; the index that
# keeps one meeting in progress is one of them.
db=$dir/two.db
cp "$fresh" "$db"
sqlite3 "$db" "DROP INDEX meetings_one_in_progress; DROP TRIGGER items_soft_delete_only"
"$cxmeet" --db "$db" check >"$dir/out" 2>"$dir/err"
rc=$?
[ $rc -eq 5 ] || fail "check on two objects missing exited $rc, not 5"
grep -qx "index meetings_one_in_progress is missing" "$dir/out" || fail "check: $(cat "$dir/out")"
grep -qx "trigger items_soft_delete_only is missing" "$dir/out" || fail "check: $(cat "$dir/out")"
grep -q "2 problems found" "$dir/err" || fail "check does not count: $(cat "$dir/err")"
"$cxmeet" --db "$db" status >/dev/null 2>"$dir/err"
grep -q "and 1 other object of its schema is missing or altered ('cxmeet check' lists them)" \
	"$dir/err" || fail "status does not tell that there is more: $(cat "$dir/err")"

# Objects of the user's own are tolerated, and check mentions them.
db=$dir/own.db
cp "$fresh" "$db"
sqlite3 "$db" "CREATE VIEW my_open AS SELECT id FROM items WHERE status = 'open';
	CREATE INDEX my_people_email ON people(email)"
"$cxmeet" --db "$db" status >/dev/null 2>"$dir/err" || fail "status refuses the user's own view: $(cat "$dir/err")"
"$cxmeet" --db "$db" actions >/dev/null 2>"$dir/err" || fail "actions refuses the user's own index: $(cat "$dir/err")"
"$cxmeet" --db "$db" check >"$dir/out" 2>"$dir/err" || fail "check fails on the user's own objects: $(cat "$dir/out" "$dir/err")"
grep -qx "note: view my_open is not part of cxmeet's schema; it was left alone" "$dir/out" ||
	fail "check does not mention the view: $(cat "$dir/out")"
grep -qx "note: index my_people_email on people is not part of cxmeet's schema; it was left alone" \
	"$dir/out" || fail "check does not mention the index: $(cat "$dir/out")"
tail -n 1 "$dir/out" | grep -qx ok || fail "check does not end with ok: $(cat "$dir/out")"

# The same definition typed again, in other case and spacing, is not damage.
db=$dir/retyped.db
cp "$fresh" "$db"
sqlite3 "$db" "DROP INDEX items_department;
	create index ITEMS_DEPARTMENT on Items ( department_id ,kind ) ;"
"$cxmeet" --db "$db" check >"$dir/out" 2>"$dir/err" || fail "a retyped index is called damage: $(cat "$dir/out" "$dir/err")"

# A file of an older schema version (1) is checked against that version's
# schema before it is migrated: damaged, it is refused and not migrated;
# healthy, it is migrated. check looks at it as it is, and migrates nothing.
old=$dir/v1.db
cp "$fresh" "$old"
sqlite3 "$old" "DROP INDEX items_decisions; DROP INDEX items_superseded_by;
	DROP INDEX items_person_record; DROP INDEX items_meeting_kind;
	DROP TABLE meeting_holds; DROP TABLE meeting_drafts;
	DROP TRIGGER item_tally_i; DROP TRIGGER item_tally_u; DROP TRIGGER revisit_tally_i;
	DROP TRIGGER revisit_tally_u; DROP TABLE item_tally; DROP TABLE revisit_tally;
	DROP INDEX items_revisit_dept; DROP INDEX items_parked_rank;
	DROP TRIGGER items_carry_i; DROP TRIGGER items_carry_u; DROP TRIGGER meetings_seq_i; DROP INDEX meetings_seq;
	ALTER TABLE meetings DROP COLUMN seq; ALTER TABLE items DROP COLUMN carry_from; ALTER TABLE items DROP COLUMN discussed_in; DROP TABLE message_recipients;
	ALTER TABLE items DROP COLUMN measure_id; DROP TABLE person_profiles; DROP TABLE stance_history;
	DROP TABLE measure_values; DROP TABLE measures; DROP TABLE focus;
	DROP TABLE meeting_ratings; DROP TABLE meeting_briefers;
	DROP TABLE initiative_reviews; DROP TABLE initiative_milestones; DROP TABLE initiatives;
	PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, ',''topic'')', ')')
	  WHERE name = 'items'; UPDATE sqlite_schema SET sql = replace(sql, ',''imported'')', ')')
	  WHERE name = 'item_events'; PRAGMA writable_schema = OFF;
	DROP TABLE items_fts; CREATE VIRTUAL TABLE items_fts USING fts5(text, detail, rationale,
	  content='items', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
	INSERT INTO items_fts(items_fts) VALUES ('rebuild'); PRAGMA user_version = 1"
db=$dir/v1-damaged.db
cp "$old" "$db"
sqlite3 "$db" "DROP INDEX people_department"
"$cxmeet" --db "$db" check >"$dir/out" 2>"$dir/err"
rc=$?
[ $rc -eq 5 ] && [ "$(cat "$dir/out")" = "index people_department is missing" ] ||
	fail "check on a damaged file of schema 1 ($rc): $(cat "$dir/out" "$dir/err")"
expect_refused "$db" people_department status
[ "$(sqlite3 "$db" "PRAGMA user_version")" = 1 ] || fail "a damaged file of schema 1 was migrated"
"$cxmeet" --db "$old" check >"$dir/out" 2>&1 || fail "check on a file of schema 1: $(cat "$dir/out")"
[ "$(sqlite3 "$old" "PRAGMA user_version")" = 1 ] || fail "check migrated a file of schema 1"
"$cxmeet" --db "$old" status >/dev/null 2>"$dir/err" || fail "a file of schema 1 is refused: $(cat "$dir/err")"
"$cxmeet" --db "$old" check >"$dir/out" 2>&1 || fail "check after migrating: $(cat "$dir/out")"

# A healthy file: check says ok and nothing else.
"$cxmeet" --db "$fresh" check >"$dir/out" 2>&1 || fail "check on a fresh database: $(cat "$dir/out")"
[ "$(cat "$dir/out")" = ok ] || fail "check on a fresh database says: $(cat "$dir/out")"

if [ $fails -ne 0 ]; then
	echo "$fails failure(s)" >&2
	exit 1
fi
echo "ok"
