#!/bin/bash
# e2e_measures - the scorecard's measures from the command line: added with an
# owner, a target, a direction and how often they are read; a value one a
# period (its first day), a second refused unless it corrects the first, and
# every value kept; bad values (text, empty, absurd, a period not begun, a
# date off the calendar) refused with a clear message and nothing written; a
# CSV import that names the line of a bad row and writes nothing; archive,
# edit, and the list and show in JSON.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
export CXMEET_NOW=2026-11-26T10:00:00Z # a Thursday

# state: every measure and every value entered
state() {
	cx_json '.' measure list --all
	cx_json '.values' measure show NPS
	cx_json '.values' measure show "Complaints per 1000 orders"
}

# refuse CMD... : the command fails with status 2 and says $msg; the data is unchanged
refuse() {
	local want=$1 rc=0
	shift
	before=$(state)
	"$CXMEET" --db "$CXMEET_DB" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
	expect_eq "$rc" 2 "refused: $*"
	expect_match "$(cat "$tmp/err")" "$want" "says why: $*"
	expect_eq "$(state)" "$before" "nothing written: $*"
}

note "measures of the success statement and a department's KPI"
cx measure add NPS --target 40 --every monthly --owner "Zoë Ångström" --unit points
cx measure add "Complaints per 1000 orders" --target 3 --lower-is-better --every weekly
cx measure add "Days to refund" --kind kpi --dept Finance --target 3 --lower-is-better
expect_eq "$(cx_json '[.[] | "\(.measure)|\(.kind)|\(.department)|\(.owner)|\(.target)|\(.every)|\(.better)"] | join(" / ")' measure list)" \
	"Complaints per 1000 orders|success|null|null|3|weekly|lower / NPS|success|null|Zoë Ångström|40|monthly|higher / Days to refund|kpi|Finance|null|3|meeting|lower" \
	"the list, with what defines each"

note "values, one a period"
out=$("$CXMEET" measure set NPS 35 --on 2026-09-10)
expect_eq "$out" "NPS: 35 points for 2026-09, off track." "the month's value, off track"
cx measure set NPS 38 --on 2026-10-03
cx measure set NPS 42
cx measure set "complaints per 1000 orders" 4.5 --on 2026-11-17
expect_eq "$(cx_json '.values[0] | "\(.period_on) \(.period_label) \(.value)"' measure show "Complaints per 1000 orders")" \
	"2026-11-16 week of 2026-11-16 4.5" "a weekly value is kept under its Monday"
refuse "2026-11 has a value already: correct it \(--correct\)" measure set NPS 44
out=$("$CXMEET" measure set NPS 44 --correct)
expect_eq "$out" "NPS: 44 points for 2026-11, on track." "a correction"
expect_eq "$(cx_json '[.values[] | "\(.period_label):\(.value):\(.corrected)"] | join(" ")' measure show NPS)" \
	"2026-11:44:false 2026-11:42:true 2026-10:38:false 2026-09:35:false" \
	"every value is kept, the corrected one marked"
expect_eq "$(cx_json '.[] | select(.measure == "NPS") | "\(.value) \(.track)"' measure list)" \
	"44 on track" "the list shows the last value"

note "bad values"
refuse "'abc' is not a number" measure set NPS abc
refuse "a value is needed" measure set NPS ""
refuse "too large" measure set NPS 1e300
refuse "'0x1A' is not a number" measure set NPS 0x1A
refuse "'nan' is not a number" measure set NPS nan
refuse "that period has not begun yet" measure set NPS 5 --on 2027-01-01
refuse "not a date on the calendar" measure set NPS 5 --on 2026-02-30
refuse "there is no measure named 'CSAT'" measure set CSAT 5
refuse "a KPI is a department's" measure add "Calls" --kind kpi
refuse "there is a measure of that name already" measure add nps
refuse "--every: 'daily' is none of" measure add Calls --every daily

note "import from CSV: a bad row names its line, and nothing is written"
printf 'measure,on,value\nComplaints per 1000 orders,2026-11-02,4.1\nNPS,2026-08-14,31\nDays to refund,2026-11-20,four\n' >"$tmp/bad.csv"
refuse "bad.csv:4: 'four' is not a number" measure import "$tmp/bad.csv"
printf 'measure,on,value\nNPS,2026-07-01,30\nNPS,2026-07-31,29\n' >"$tmp/twice.csv"
refuse "twice.csv:3: 2026-07 has a value already.*nothing was written" measure import "$tmp/twice.csv"
printf 'measure,department,on,value\nDays to refund,Nowhere,2026-11-20,4\n' >"$tmp/dept.csv"
refuse "dept.csv:2: there is no department named 'Nowhere'" measure import "$tmp/dept.csv"
# Excel's byte-order mark and CRLF read as `import --format csv` reads them
printf '\xef\xbb\xbfmeasure,on,value\r\nNPS,2026-07-01,30\r\nNPS,2026-06-01,"3\r\n' >"$tmp/excel.csv"
refuse "excel.csv:3: a quote is left open" measure import "$tmp/excel.csv"
printf 'name,value\nNPS,3\n' >"$tmp/header.csv"
refuse "header.csv:1: the first line names the columns" measure import "$tmp/header.csv"
printf 'measure,department,on,value\nComplaints per 1000 orders,,2026-11-02,4.1\n"Days to refund",Finance,2026-11-20,4\nNPS,,2026-08-14,31\n' >"$tmp/good.csv"
out=$("$CXMEET" measure import "$tmp/good.csv")
expect_eq "$out" "Imported 3 values." "a good file is imported whole"
expect_eq "$(cx_json '[.values[] | .period_on] | join(" ")' measure show NPS)" \
	"2026-11-01 2026-11-01 2026-10-01 2026-09-01 2026-08-01" "with the values there were"

note "edit and archive"
cx measure edit "Days to refund" --name "Days to pay a refund" --target 2 --owner "Ben Okafor"
expect_eq "$(cx_json '.[] | select(.kind == "kpi") | "\(.measure) \(.target) \(.owner)"' measure list)" \
	"Days to pay a refund 2 Ben Okafor" "edited"
cx measure archive NPS
expect_eq "$(cx_json '[.[] | .measure] | join(",")' measure list)" \
	"Complaints per 1000 orders,Days to pay a refund" "an archived measure leaves the list"
expect_eq "$(cx_json '.[] | select(.measure == "NPS") | .archived' measure list --all)" "true" \
	"and is listed with --all"
refuse "the measure is archived" measure set NPS 50 --correct
expect_eq "$(cx_json '.values | length' measure show NPS)" 5 "its values are kept"
cx measure archive NPS --restore
expect_eq "$(cx_json '[.[] | .measure] | join(",")' measure list)" \
	"Complaints per 1000 orders,NPS,Days to pay a refund" "restored"
