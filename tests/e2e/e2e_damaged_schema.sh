#!/bin/bash
# e2e_damaged_schema.sh - the full-screen interface on a damaged database, run
# from a shell in tmux: refused at start with the object's name and exit
# status 5; and when an index is dropped while it runs (then `a`, which used
# to crash), it ends curses, says what is wrong, exits 5, and leaves the
# terminal as the shell had it (not in raw mode, echo on); so does a fatal
# signal.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council

# start_shell: a plain bash in a new private tmux server, whose prompt is "$ ".
start_shell() {
	n_socks=$((n_socks + 1))
	SOCK="$tmp/sock$n_socks"
	local cmd
	cmd=$(printf 'exec env -u VISUAL -u EDITOR -u NO_COLOR PS1=%q TZ=%q LC_ALL=%q CXMEET_NOW=%q HOME=%q XDG_DATA_HOME=%q CXMEET_DB=%q bash --norc --noprofile' \
		'$ ' "$TZ" "$LC_ALL" "$CXMEET_NOW" "$HOME" "$XDG_DATA_HOME" "$CXMEET_DB")
	tmux -S "$SOCK" -f /dev/null new-session -d -x 200 -y 30 -c "$tmp" "$cmd"
	wait_for '$'
}

# terminal_sane: the shell's terminal modes are the cooked ones (canonical
# input, echo, CR to NL), as after every clean exit of a curses program.
terminal_sane() {
	text "stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(icanon|echo|icrnl|opost)' | sort | tr '\n' ' '; echo :modes"
	keys Enter
	wait_re "^[-a-z ]*:modes$"
	expect_screen "echo icanon icrnl opost :modes" "the terminal is left in cooked mode"
}

note "damaged before it starts"
# (the damage is to the SQLite file itself: done and undone with sql)
sql "DROP INDEX meetings_one_in_progress"
start_shell
text "$(printf '%q' "$CXMEET"); echo \"rc=\$?\""
keys Enter
wait_re "^rc=[0-9]+$" 10
expect_screen "rc=5" "the interface exits with status 5"
expect_screen "damaged: index meetings_one_in_progress is missing" "the message names the index"
terminal_sane
sql "CREATE UNIQUE INDEX meetings_one_in_progress ON meetings(status) WHERE status = 'in_progress'"
tmx kill-server

note "damaged while it runs"
start_shell
text "$(printf '%q' "$CXMEET"); echo \"rc=\$?\""
keys Enter
wait_for "Start a meeting" 10
sql "DROP INDEX items_department" # the SQLite file itself, damaged under the program
keys a
wait_re "^rc=[0-9]+$" 10
expect_screen "rc=5" "the interface exits with status 5"
expect_screen "damaged: index items_department is missing" "the message names the index"
expect_no_screen "Start a meeting" "the full-screen interface is gone from the screen"
terminal_sane
sql "CREATE INDEX items_department ON items(department_id, kind)"
tmx kill-server

# A crash is not a way out that leaves raw mode behind: a fatal signal (here
# sent from outside, as a fault would raise it) restores the shell's terminal
# before the process dies by that signal.
note "a fatal signal while it runs"
start_shell
text "$(printf '%q' "$CXMEET"); echo \"rc=\$?\""
keys Enter
wait_for "Start a meeting" 10
shell_pid=$(tui_pid)
pid=$(tr -d " " <"/proc/$shell_pid/task/$shell_pid/children") # the shell's one child
expect_eq "$(cat "/proc/$pid/comm")" cxmeet "the shell's child is cxmeet"
kill -SEGV "$pid"
wait_re "^rc=[0-9]+$" 10
# 139 (128 + SIGSEGV) when the default action ends it; a sanitizer's handler,
# run after the terminal is restored, reports and exits 1
expect_match "$(screen | grep -E '^rc=[0-9]+$')" '^rc=(139|1)$' "the process dies of it"
expect_screen "cxmeet: stopped by a fatal error; everything shown as saved is in the database" \
	"it says what happened"
expect_no_screen "Start a meeting" "the full-screen interface is gone from the screen"
terminal_sane
