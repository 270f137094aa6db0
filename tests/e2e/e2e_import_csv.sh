#!/bin/bash
# e2e_import_csv - actions from a spreadsheet saved as CSV: 500 rows with
# owners and departments matched without regard to case, an empty department
# taken from the owner, Excel's byte-order mark, CRLF, quoted fields with
# commas, quotes and a line break; each kind of bad row (unknown owner or
# department, an owner of another department, a bad date, a bad status, a
# wrong number of columns, bytes that are not UTF-8, an unknown column, a
# quote left open) refuses the whole file with FILE:LINE and nothing written;
# each action added has an 'imported' event: the file (or standard input)
# and the row's line, in the JSON export.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council # Zoë Ångström (Sales), 王芳 (IT), Ben Okafor (Finance)

all() { cx_json '.' actions --state all; }
count() { cx_json 'length' actions --state all; }

# refuse WANT FILE: the import fails with status 2, says WANT, writes nothing
refuse() {
	local want=$1 file=$2 rc=0 before
	before=$(all)
	"$CXMEET" --db "$CXMEET_DB" import --format csv "$file" >"$tmp/out" 2>"$tmp/err" || rc=$?
	expect_eq "$rc" 2 "refused: $(basename "$file")"
	expect_match "$(cat "$tmp/err")" "$want" "says why: $(basename "$file")"
	expect_match "$(cat "$tmp/err")" "nothing was imported" "says nothing was imported: $(basename "$file")"
	expect_eq "$(all)" "$before" "nothing written: $(basename "$file")"
}

note "500 actions from a spreadsheet"
{
	printf 'Text,Owner,Department,Due,Status\n'
	for i in $(seq 1 500); do
		case $((i % 4)) in
		0) printf 'Call customer %d back,zoë ångström,sales,2026-12-%02d,open\n' "$i" $((i % 28 + 1)) ;;
		1) printf 'Fix invoice %d,BEN OKAFOR,,+2w,\n' "$i" ;;
		2) printf '"Ticket %d, escalated",王芳,it,fri,done\n' "$i" ;;
		3) printf 'Review %d,ZOË ÅNGSTRÖM,,next,\n' "$i" ;;
		esac
	done
} >"$tmp/many.csv"
out=$("$CXMEET" import --format csv "$tmp/many.csv" 2>"$tmp/err") || cat "$tmp/err"
expect_eq "$out" "Imported 500 actions." "500 rows imported"
expect_eq "$(cat "$tmp/err")" "" "no progress line when stderr is not a terminal"
expect_eq "$(count)" 500 "500 actions listed"
expect_eq "$(cx_json '[.[] | select(.owner == "Zoë Ångström" and .department == "Sales")] | length' actions --state all)" 250 "owners and departments matched without regard to case"
expect_eq "$(cx_json '[.[] | select(.owner == "Ben Okafor" and .department == "Finance")] | length' actions --state all)" 125 "an empty department is the owner's"
expect_eq "$(cx_json '[.[] | select(.owner == "王芳" and .department == "IT" and .status == "done")] | length' actions --state all)" 125 "done rows are done"
expect_eq "$(cx_json '[.[] | select(.status == "open")] | length' actions --state all)" 375 "the others open"
expect_eq "$(cx_json '[.[] | select(.text == "Ticket 2, escalated")] | length' actions --state all)" 1 "a quoted comma kept"
expect_eq "$(cx_json '[.[] | select(.text == "Fix invoice 1")][0].due_on' actions --state all)" 2026-12-07 "+2w as --due reads it"
expect_eq "$(cx_json '[.[] | select(.text == "Call customer 4 back")][0].due_on' actions --state all)" 2026-12-05 "an ISO due date"

note "Excel: a byte-order mark, CRLF, quotes doubled, a cell of two lines"
printf '\xef\xbb\xbfACTION,OWNER,DUE\r\n"Say ""thank you"", twice",Ben Okafor,2026-12-04\r\n"Two\r\nlines",Ben Okafor,2026-12-11\r\n' >"$tmp/excel.csv"
out=$("$CXMEET" import --format csv "$tmp/excel.csv")
expect_eq "$out" "Imported 2 actions." "an Excel file imported"
expect_eq "$(cx_json '[.[] | select(.text == "Say \"thank you\", twice")] | length' actions --state all)" 1 "doubled quotes read as one"
expect_eq "$(cx_json '[.[] | select(.text == "Two lines")][0].due_on' actions --state all)" 2026-12-11 "a cell's line break joined with a space"
expect_eq "$(count)" 502 "502 actions"
expect_eq "$(imported_from "Fix invoice 1")" "$tmp/many.csv, line 2" "an 'imported' event: the file and the row's line"
expect_eq "$(imported_from "Two lines")" "$tmp/excel.csv, line 3" "the line a row of two lines starts on"

note "one bad row refuses the whole file, with its line"
bad() { # bad NAME ROW: the 500 good rows with ROW at line 300
	{ head -n 299 "$tmp/many.csv"; printf '%s\n' "$2"; tail -n +300 "$tmp/many.csv"; } >"$tmp/$1.csv"
}
bad owner 'Call them,Nobody Here,,+1w,'
refuse "owner.csv:300: there is no person named 'Nobody Here'" "$tmp/owner.csv"
bad dept 'Call them,Ben Okafor,Nowhere,+1w,'
refuse "dept.csv:300: there is no department named 'Nowhere'" "$tmp/dept.csv"
bad other 'Call them,Ben Okafor,Sales,+1w,'
refuse "other.csv:300: Ben Okafor is not in Sales" "$tmp/other.csv"
bad date 'Call them,Ben Okafor,,soon,'
refuse "date.csv:300: due: 'soon' is not a date" "$tmp/date.csv"
bad past 'Call them,Ben Okafor,,2020-01-01,'
refuse "past.csv:300: due: " "$tmp/past.csv"
bad status 'Call them,Ben Okafor,,+1w,maybe'
refuse "status.csv:300: 'maybe' is not an action's status" "$tmp/status.csv"
bad columns 'Call them,Ben Okafor'
refuse "columns.csv:300: the row has 2 columns, the header 5" "$tmp/columns.csv"
bad utf8 $'Call \xff them,Ben Okafor,,+1w,'
refuse "utf8.csv:300: the row is not UTF-8 text" "$tmp/utf8.csv"
bad quote 'Call "them",Ben Okafor,,+1w,'
refuse "quote.csv:300: a quote inside a field that is not quoted" "$tmp/quote.csv"
bad owner2 'Call them,Nobody Here,,+1w,'
printf 'Call them,Ben Okafor,Nowhere,+1w,\n' >>"$tmp/owner2.csv"
refuse "owner2.csv:300: there is no person named 'Nobody Here'" "$tmp/owner2.csv"
expect_match "$(cat "$tmp/err")" "owner2.csv:503: there is no department named 'Nowhere'" "every bad row told"
{ echo text,owner,due; for i in $(seq 1 25); do echo "Call $i,Nobody,+1w"; done; } >"$tmp/many_bad.csv"
refuse "many_bad.csv: and 5 more refused" "$tmp/many_bad.csv"
expect_eq "$(grep -c 'many_bad.csv:[0-9]*: there is no person' "$tmp/err")" 20 "the first 20 refused rows told"
expect_match "$(cat "$tmp/err")" "many_bad.csv:21: there is no person named 'Nobody'" "with their lines"
printf 'text,owner,colour\nx,Ben Okafor,red\n' >"$tmp/column.csv"
refuse "column.csv:1: 'colour' is not a column of an action" "$tmp/column.csv"
printf 'text,owner\n"open,Ben Okafor\nmore,Ben Okafor\n' >"$tmp/open.csv"
refuse "open.csv:2: a quote is left open" "$tmp/open.csv"
: >"$tmp/empty.csv"
refuse "empty.csv:1: the file is empty" "$tmp/empty.csv"

note "standard input; JSON not in this build"
out=$(printf 'text,owner,due\nFrom a pipe,Ben Okafor,+1w\n' | "$CXMEET" import --format csv -)
expect_eq "$out" "Imported 1 action." "read from standard input"
expect_eq "$(imported_from "From a pipe")" "standard input, line 2" "an 'imported' event: standard input"
rc=0
"$CXMEET" import "$tmp/many.csv" >/dev/null 2>"$tmp/err" || rc=$?
expect_eq "$rc" 2 "no --format: usage error for now"
expect_eq "$(count)" 503 "503 actions in the end"
expect_eq "$("$CXMEET" --db "$CXMEET_DB" export --format json | jq '[.tables.item_events[] | select(.event == "imported")] | length')" \
	503 "an 'imported' event for every action"

