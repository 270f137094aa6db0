#!/bin/bash
# e2e_pager - long output to a terminal goes through the pager, as git's does:
# `cxmeet decisions` opens less (-FRX) and q returns to the shell with status
# 0; $PAGER=cat, --no-pager and output to a file print directly; output that
# fits the screen leaves less at once; a pager that quits before reading is
# no error; a pager that cannot be run is reported.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
# Forty decisions, more than a 20-row terminal shows.
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
     INSERT INTO items(kind, text, created_at, updated_at)
     SELECT 'decision', 'Decision number ' || i, '2026-10-01T10:00:00Z', '2026-10-01T10:00:00Z' FROM n;"

# start_shell: a plain bash in a new private tmux server, prompt "$ ", with
# no pager chosen (the default, less -FRX, with LESS unset).
start_shell() {
	n_socks=$((n_socks + 1))
	SOCK="$tmp/sock$n_socks"
	local cmd
	cmd=$(printf 'exec env -u PAGER -u CXMEET_PAGER -u LESS -u VISUAL -u EDITOR -u NO_COLOR PS1=%q TZ=%q LC_ALL=%q CXMEET_NOW=%q HOME=%q XDG_DATA_HOME=%q CXMEET_DB=%q CX=%q bash --norc --noprofile' \
		'$ ' "$TZ" "$LC_ALL" "$CXMEET_NOW" "$HOME" "$XDG_DATA_HOME" "$CXMEET_DB" "$CXMEET")
	tmux -S "$SOCK" -f /dev/null new-session -d -x 100 -y 20 -c "$tmp" "$cmd"
	wait_for '$'
}
# run LINE: types a command line and Enter.
run() { text "$1"; keys Enter; }

command -v less >/dev/null || cx_fail "less is needed for this test"
start_shell

note "cxmeet decisions on a terminal opens the pager"
run 'clear; "$CX" decisions; echo "rc=$?"'
wait_re '^:$'
expect_screen "Decision number 40" "the pager shows the first page"
expect_no_screen "Decision number 1 " "the rest waits for the reader"
expect_no_screen "rc=" "the command waits for the pager"
keys q
wait_re '^rc=[0-9]+$'
expect_screen "rc=0" "quitting the pager is no error"

note "PAGER=cat prints directly"
run 'clear; PAGER=cat "$CX" decisions; echo "rc=$?"'
wait_re '^rc=[0-9]+$'
expect_screen "rc=0" "status 0"
expect_screen "Decision number 1" "the whole log, printed directly"

note "--no-pager prints directly"
run 'clear; "$CX" --no-pager decisions; echo "rc=$?"'
wait_re '^rc=[0-9]+$'
expect_screen "rc=0" "status 0"
expect_screen "Decision number 1" "the whole log, printed directly"

note "to a file: no pager"
run 'clear; "$CX" decisions >out.txt; echo "rc=$?"'
wait_re '^rc=[0-9]+$'
expect_screen "rc=0" "status 0"
expect_match "$(grep -c 'Decision number' "$tmp/out.txt")" "^40$" "the file holds the whole log"
expect_eq "$(grep -c $'\e' "$tmp/out.txt" || true)" 0 "and nothing of a pager"

note "output that fits the screen leaves less at once"
run 'clear; "$CX" decisions --dept Sales; echo "rc=$?"'
wait_re '^rc=[0-9]+$'
expect_screen "rc=0" "status 0, no q needed"

note "a pager that reads nothing and quits: no error"
run 'clear; PAGER=true "$CX" decisions; echo "rc=$?"'
wait_re '^rc=[0-9]+$'
expect_screen "rc=0" "status 0"
expect_no_screen "cannot write" "no error about the output"

note "a pager that cannot be run is reported"
run 'clear; PAGER=no-such-pager-here "$CX" decisions 2>err.txt; echo "rc=$?"'
wait_re '^rc=[0-9]+$'
expect_screen "rc=1" "status 1"
expect_match "$(cat "$tmp/err.txt")" "cannot run the pager 'no-such-pager-here'" "the message names it"

note "cxmeet --help goes through the pager too"
run 'clear; CXMEET_PAGER=less "$CX" --help; echo "rc=$?"'
wait_re '^:$'
keys q
wait_re '^rc=[0-9]+$'
expect_screen "rc=0" "status 0"
