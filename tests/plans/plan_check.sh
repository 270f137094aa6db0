# shellcheck shell=bash
# plan_check.sh - sourced by tests/plans/query_plans.sh and
# tests/bench/bench.sh: the query plans of traced statements.
#
#   distinct_shapes < TRACE     one statement of each shape (numbers aside)
#   plans_check DB TRACE WHY SQL  plan_problem on one statement of each
#                               shape in TRACE: prints WHY and the reason,
#                               then SQL and the statement, for each that
#                               would not scale; sets plans_n and plans_bad
#   plan_problem DB SQL         prints why SQL's plan would not scale, if so:
#     - any SCAN of the items or their events, even of an index (a full
#       index scan reads every entry as surely as the table), but a walk of
#       a partial index that stops at a LIMIT with no row of it dropped (its
#       condition is the statement's whole filter: partial_walk_bounded), or
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

plans_check() {
	local db=$1 trace=$2 why_lead=$3 sql_lead=$4 stmt why
	plans_n=0 plans_bad=0
	while IFS= read -r stmt; do
		plans_n=$((plans_n + 1))
		why=$(plan_problem "$db" "$stmt")
		if [ -n "$why" ]; then
			plans_bad=$((plans_bad + 1))
			printf '%s%s\n%s%.300s\n' "$why_lead" "$why" "$sql_lead" "$stmt"
		fi
	done < <(grep -E '^(SELECT|WITH) ' "$trace" | distinct_shapes)
}

plan_problem() {
	local why
	why=$(plan_problem_all "$@")
	# A walk of a partial index is no scan of history when it stops after
	# LIMIT rows and no row it reads is dropped (partial_walk_bounded).
	if [[ $why == "scans the items or their events through a whole index: "* && $why != *$'\n'* ]] &&
		partial_walk_bounded "$1" "$2" "$why"; then
		return
	fi
	[ -z "$why" ] || printf '%s\n' "$why"
}

# top_level SQL: SQL with every parenthesised part (subqueries, lists,
# calls) put as "()", and its spaces made single.
top_level() {
	printf '%s' "$1" | tr '\n\t' '  ' | awk '{
		out = ""; depth = 0; q = 0
		for (i = 1; i <= length($0); i++) {
			c = substr($0, i, 1)
			if (c == "\047") q = !q
			if (!q && c == "(") { if (depth++ == 0) out = out "(" ; continue }
			if (!q && c == ")") { if (--depth == 0) out = out ")"; continue }
			if (depth == 0) out = out c
		}
		gsub(/ +/, " ", out); print out }'
}

# partial_walk_bounded DB SQL WHY: true when the whole-index walk WHY names
# reads no more rows than the statement returns, and those at most its
# LIMIT: the index is partial, and its condition is the statement's whole
# filter (the same terms, on the one table: no other term, no inner join to
# drop a row, no sort before the LIMIT), and the statement ends with a
# LIMIT of a number. Then every entry read is a row returned, and the walk
# stops after LIMIT entries whatever the history's size.
partial_walk_bounded() {
	local db=$1 sql=$2 why=$3 alias idx cond top where
	alias=$(printf '%s' "$why" | sed -n 's/.*: SCAN \([a-z_][a-z0-9_]*\) USING \(COVERING \)\{0,1\}INDEX \([a-z_][a-z0-9_]*\).*/\1/p')
	idx=$(printf '%s' "$why" | sed -n 's/.*: SCAN \([a-z_][a-z0-9_]*\) USING \(COVERING \)\{0,1\}INDEX \([a-z_][a-z0-9_]*\).*/\3/p')
	[ -n "$idx" ] || return 1
	cond=$(sqlite3 "$db" "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '$idx'" |
		tr '\n\t' '  ' | sed -n 's/.* WHERE \(.*\)$/\1/p' | sed 's/  */ /g; s/ *$//')
	[ -n "$cond" ] || return 1 # not a partial index
	top=$(top_level "$sql")
	[[ $top =~ \ LIMIT\ [1-9][0-9]*\;?\ *$ ]] || return 1
	# LEFT JOINs drop no row; any other join, or a list of tables, may
	local from=${top#* FROM }
	from=${from%% WHERE *}
	[[ $from != *,* ]] || return 1
	! printf '%s' "$from" | sed -E 's/ LEFT (OUTER )?JOIN / LEFTJOIN /g' | grep -qiE ' JOIN ' || return 1
	! printf '%s' "$top" | grep -qiE ' (GROUP BY|HAVING|UNION|EXCEPT|INTERSECT) ' || return 1
	sqlite3 "$db" "EXPLAIN QUERY PLAN $sql" 2>/dev/null | grep -q 'USE TEMP B-TREE' && return 1
	where=$(printf '%s' "$top" | sed -n 's/.* WHERE \(.*\) ORDER BY .*/\1/p')
	[ -n "$where" ] || where=$(printf '%s' "$top" | sed -n 's/.* WHERE \(.*\) LIMIT .*/\1/p')
	[ -n "$where" ] || return 1
	terms() { printf '%s' "$1" | sed "s/\b$alias\.//g; s/ AND /\n/g" | sed 's/^ *//; s/ *$//' | sort; }
	[ "$(terms "$where")" = "$(alias=none terms "$cond")" ]
}

plan_problem_all() {
	if printf '%s' "$2" | grep -qiE '(^|[^a-z_])OFFSET([^a-z_]|$)'; then
		echo "pages with OFFSET"
		return
	fi
	# the names the items and their events go by in this statement (the
	# plan names a table by its alias)
	local names
	# (a table of a comma-separated list is named after its comma)
	names=$(printf '%s' "$2" | sed 's/,/ , /g' | grep -oiE '(from|join|,) +(items|item_events)( +(as +)?[a-z_][a-z0-9_]*)?' |
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
