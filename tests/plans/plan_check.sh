# shellcheck shell=bash
# plan_check.sh - sourced by tests/plans/query_plans.sh and
# tests/bench/bench.sh: the query plans of traced statements.
#
#   distinct_shapes < TRACE     one statement of each shape (numbers aside)
#   plan_problem DB SQL         prints why SQL's plan would not scale, if so:
#     - any SCAN of the items or their events, even of an index (a full
#       index scan reads every entry as surely as the table), or
#     - a correlated subquery (run once per outer row) that finds items by
#       their kind alone, i.e. reads every item of that kind each time;
#     - OFFSET: a page must continue from the last key seen (keyset paging),
#       not count past every earlier row again;
#     - a temporary B-tree (a sort, DISTINCT or GROUP BY) over an unbounded
#       set: in the same part of the plan as a read of the history (items,
#       their events, meetings, attendance, the full-text index) that is not
#       held to one meeting, one item or one row. A sort of the ties of an
#       index's order ("RIGHT PART OF ORDER BY") or of a LIMITed subquery's
#       rows is bounded.

distinct_shapes() {
	awk '{ k = $0; gsub(/[0-9]+/, "N", k); if (!(k in seen)) { seen[k] = 1; print } }'
}

plan_problem() {
	plan_problem_all "$@"
}

plan_problem_all() {
	if printf '%s' "$2" | grep -qiE '(^|[^a-z_])OFFSET([^a-z_]|$)'; then
		echo "pages with OFFSET"
		return
	fi
	# the names the items and their events go by in this statement (the
	# plan names a table by its alias)
	local names
	names=$(printf '%s' "$2" | grep -oiE '(from|join) +(items|item_events)( +(as +)?[a-z_][a-z0-9_]*)?' |
		awk '{ print $2; n = $NF; if (NF > 2 && toupper(n) !~ /^(WHERE|JOIN|LEFT|INNER|CROSS|ON|INDEXED|NOT|ORDER|GROUP|LIMIT|USING|UNION|AS)$/) print n }' |
		sort -u | paste -sd'|')
	# search's list of index terms is a table of the connection's own
	local pre=""
	[[ $2 != *temp.cx_items_vocab* ]] ||
		pre="CREATE VIRTUAL TABLE temp.cx_items_vocab USING fts5vocab(main, items_fts, row); "
	sqlite3 "$1" "${pre}EXPLAIN QUERY PLAN $2" 2>&1 | awk -v names="^SCAN (${names:-items|item_events|i|e})( |$)" '
		{ line = $0; depth = match(line, /[A-Z]/) }
		/CORRELATED/ { corr[depth] = 1; cdepth = depth; incorr = 1; next }
		incorr && depth <= cdepth { incorr = 0 }
		{ text = line; sub(/^[^A-Z]*/, "", text) }
		text ~ names || text ~ /^SCAN (items|item_events)( |$)/ {
			if (text ~ /USING (COVERING )?INDEX/) print "scans the items or their events through a whole index: " text
			else print "reads a whole table: " text
			exit }
		incorr && /SEARCH (items|i) USING (COVERING )?INDEX [a-z_]+ \(kind=\?\)$/ {
			sub(/^[^A-Z]*/, "", line); print "finds items by kind alone, once per row: " line; exit }
		/^Parse error|^Error/ { print "does not compile: " line; exit }
		# each line'"'"'s parent: the last line above it less deep
		{ n++; while (sp > 0 && sdepth[sp] >= depth) sp--; par = sp ? sline[sp] : 0
		  sp++; sdepth[sp] = depth; sline[sp] = n; text = line; sub(/^[^A-Z]*/, "", text) }
		/USE TEMP B-TREE/ && !/RIGHT PART OF ORDER BY/ { temp[par] = text }
		/(SCAN|SEARCH) (items|item_events|meetings|attendance|items_fts|i|e|m|a|f)( |$)/ &&
		    !/\((meeting_id|item_id|rowid)=\?/ { hist[par] = text }
		END { for (p in temp) if (p in hist) {
			print "sorts an unbounded set: " temp[p] " over " hist[p]; exit } }'
}
