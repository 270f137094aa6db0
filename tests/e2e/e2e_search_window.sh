#!/bin/bash
# e2e_search_window - a search that matches more than the window the history
# view counts (1,000) says so in its title and keeps to the newest 1,000:
# End reaches the 1,000th newest match, not the oldest, and a narrower search
# is counted in full again. The decision log's find keeps to the newest 500
# decisions holding the words and says so in a title that fits 80 columns as
# well as 200.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
# 1,005 notes holding "quokka", numbered from the oldest (the FTS index
# follows by trigger): written with sql, as no command adds items in bulk.
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1005)
     INSERT INTO items(kind, text, created_at, updated_at)
     SELECT 'note', 'Quokka number ' || i || '.', '2026-11-20T10:00:00Z',
            '2026-11-20T10:00:00Z' FROM n"

start_tui 100 30
wait_for "History and search (h)"
keys h
wait_for "History:"
keys /
wait_re "─ Search every meeting's items ─"
text "quokka"
keys Enter
wait_for ' Search "quokka": the newest 1000 matches of more'
wait_for "Quokka number 1005."

note "End reaches the oldest of the window, the 1,000th newest"
keys End
wait_for "Quokka number 6."
expect_no_screen "Quokka number 5." "a match older than the window was shown"

note "a search within the window is counted in full"
keys /
wait_re "─ Search every meeting's items ─"
keys C-u
text "quokka 100"
keys Enter
wait_for ' Search "quokka 100": 7 matches' # 100 and 1000 to 1005

note "the decision log's find: the newest 500 of 505, said in full on a wide screen"
tmx kill-server 2>/dev/null || true
# (written with sql, as no command adds items in bulk)
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 505)
     INSERT INTO items(kind, text, created_at, updated_at)
     SELECT 'decision', 'Wombat rule ' || i || '.', '2026-11-20T10:00:00Z',
            '2026-11-20T10:00:00Z' FROM n"
json=$("$CXMEET" decisions --search wombat --format json)
[ "$(grep -c '"id":' <<<"$json")" = 505 ] || die "the command line lists every decision holding it"
start_tui 200 50
wait_for "Decisions: the decision log (d)"
keys d
wait_for "Decision log  505 decisions"
keys /
wait_for "Find decisions holding the words (empty: all)"
text "wombat"
keys Enter
wait_for ' Decision log  500 decisions, 0 due for a revisit  find: "wombat" (among the newest 500 holding it)'
note "at 80 columns the same facts in fewer words, whole"
resize 80 24
wait_for ' Decision log  500 decisions, 0 due  find: "wombat" (newest 500)'
keys End
wait_for "Wombat rule 6."
expect_no_screen "Wombat rule 5." "a decision older than the window was shown"
