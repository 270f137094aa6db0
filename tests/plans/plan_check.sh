# shellcheck shell=bash
# plan_check.sh - sourced by tests/plans/query_plans.sh and
# tests/bench/reports.sh: the query plans of traced statements.
#
#   distinct_shapes < TRACE     one statement of each shape (numbers aside)
#   plan_problem DB SQL         prints why SQL's plan would not scale, if so:
#     - the items or their events read whole (SCAN without an index), or
#     - a correlated subquery (run once per outer row) that finds items by
#       their kind alone, i.e. reads every item of that kind each time.

distinct_shapes() {
	awk '{ k = $0; gsub(/[0-9]+/, "N", k); if (!(k in seen)) { seen[k] = 1; print } }'
}

plan_problem() {
	sqlite3 "$1" "EXPLAIN QUERY PLAN $2" 2>&1 | awk '
		{ line = $0; depth = match(line, /[A-Z]/) }
		/CORRELATED/ { corr[depth] = 1; cdepth = depth; incorr = 1; next }
		incorr && depth <= cdepth { incorr = 0 }
		/SCAN (items|item_events|i|e)( |$)/ && !/USING (COVERING )?INDEX/ {
			sub(/^[^A-Z]*/, "", line); print "reads a whole table: " line; exit }
		incorr && /SEARCH (items|i) USING (COVERING )?INDEX [a-z_]+ \(kind=\?\)$/ {
			sub(/^[^A-Z]*/, "", line); print "finds items by kind alone, once per row: " line; exit }
		/^Parse error|^Error/ { print "does not compile: " line; exit }'
}
