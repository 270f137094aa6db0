#!/bin/bash
# e2e_list_formats - dept list and person list print JSON and CSV as the
# other lists do, with the export's names (ids numbers, customer_facing and
# archived true or false); plain stays the default; --format goes with list
# only.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
cx dept add "Back Office" --behind-the-scenes
cx dept archive "Back Office"

note "dept list --format json"
expect_eq "$(cx_json '.[] | select(.name == "Sales") | [(.id | type), .customer_facing, .archived] | @csv' dept list)" \
	'"number",true,false' "an id as a number, booleans as true/false"
expect_eq "$(cx_json '[.[] | select(.name == "Back Office")] | length' dept list)" 0 \
	"archived departments only with --all"
expect_eq "$(cx_json '.[] | select(.name == "Back Office") | [.customer_facing, .archived] | @csv' dept list --all)" \
	'false,true' "behind the scenes, archived"
sales=$(cx_json '.departments[] | select(.name == "Sales").id' export)
expect_eq "$(cx_json '.[] | select(.name == "Sales").id' dept list)" "$sales" "the export's id"

note "dept list --format csv"
out=$("$CXMEET" --db "$CXMEET_DB" dept list --format csv | tr -d '\r')
expect_eq "$(printf '%s\n' "$out" | head -n 1)" "id,name,customer_facing,archived" "the CSV header"
expect_eq "$(printf '%s\n' "$out" | grep -c -x "$sales,Sales,1,0")" 1 "Sales' row"

note "person list --format json"
zoe=$(cx_json '.people[] | select(.name == "Zoë Ångström").id' export)
expect_eq "$(cx_json '.[] | select(.name == "Zoë Ångström") | [.id, .department, .role, .email, .archived] | @csv' person list)" \
	"$zoe,\"Sales\",\"lead\",,false" "id, department, role, no email (null), archived"
expect_eq "$(cx_json '[.[] | .department] | unique | join(",")' person list --dept Sales)" "Sales" \
	"--dept still filters"

note "person list --format csv"
expect_eq "$("$CXMEET" --db "$CXMEET_DB" person list -f csv | head -n 1 | tr -d '\r')" \
	"id,name,department,role,email,archived" "the CSV header"

note "plain stays the default; --format goes with list only"
expect_match "$("$CXMEET" --db "$CXMEET_DB" dept list)" "Sales +customer-facing" "plain list"
rc=0
"$CXMEET" --db "$CXMEET_DB" person add "Nobody Here" --dept Sales --format json >/dev/null 2>"$tmp/err" || rc=$?
expect_eq "$rc" 2 "person add --format is refused"
expect_match "$(cat "$tmp/err")" "--format only goes with 'list'" "and says why"
expect_eq "$(cx_json '[.people[] | select(.name == "Nobody Here")] | length' export)" 0 "nothing written"

note "status --format json and csv: one record"
expect_eq "$(cx_json '[.organisation, .departments, .people, (.meetings | type), .overdue_actions] | @csv' status)" \
	"\"Northwind Outfitters\",$(cx_json '[.departments[] | select(.archived | not)] | length' export),$(cx_json '[.people[] | select(.archived | not)] | length' export),\"number\",0" \
	"the organisation and the counts, as numbers"
out=$("$CXMEET" --db "$CXMEET_DB" status --format csv | tr -d '\r')
expect_eq "$(printf '%s\n' "$out" | head -n 1)" \
	"organisation,mission,cadence,departments,people,meetings,items,open_actions,overdue_actions,database" \
	"the CSV header"
expect_eq "$(printf '%s\n' "$out" | wc -l)" 2 "one row"

note "org show and charter show --format json and csv: one record"
cx charter set 1 "Every answer kept"
expect_eq "$(cx_json '[.name, .mission, .cadence, .escalate_after, (.success_changed_at // "none")] | @csv' org show)" \
	"\"Northwind Outfitters\",\"Every customer gets a clear answer.\",\"$(cx_json '.organisation.cadence' export)\",$(cx_json '.organisation.escalate_after' export),\"none\"" \
	"the texts, the cadence, escalate_after a number, a text never set null"
expect_match "$(cx_json '.mission_changed_at' org show)" '^2026-11-23T10:00:00Z$' "when it changed, an ISO time"
expect_eq "$(cx_json '[.vision, .goals] | @csv' charter show)" '"Every answer kept",""' \
	"the charter's answers by their names, one not written empty"
expect_eq "$("$CXMEET" --db "$CXMEET_DB" charter show --format csv | head -n 1 | cut -d, -f1-3 | tr -d '\r')" \
	"vision,vision_changed_at,goals" "the CSV header"
rc=0
"$CXMEET" --db "$CXMEET_DB" org set mission "Other" --format json >/dev/null 2>"$tmp/err" || rc=$?
expect_eq "$rc" 2 "org set --format is refused"
expect_eq "$(cx_json '.organisation.mission' export)" "Every customer gets a clear answer." "nothing written"
