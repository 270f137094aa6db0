# shellcheck shell=bash
# lib.sh - helpers shared by the tmux-driven end-to-end tests of cxmeet.
#
# A scenario starts with
#     set -euo pipefail
#     . "$(dirname "$0")/lib.sh" "$@"        # $1: the cxmeet binary
# and gets a private temp dir ($tmp, removed on exit, with every tmux server
# started here killed), a fixed clock and locale, the database $CXMEET_DB, and
# one private tmux server per start_tui.
#
# Checks come in two strengths:
#   wait_for, wait_re, wait_gone, wait_exit, die
#       stop the test at once, printing the screen: what follows depends on them;
#   expect_eq, expect_match, expect_screen, expect_no_screen
#       record a failure and go on, so that one run reports every mismatch;
#       the script then exits 1.
# Nothing here sleeps a fixed time to wait for the program: every wait polls
# the screen (tmux capture-pane) every 0.1 s up to a timeout (5 s by default).
# Box borders are matched as Unicode (─ │ ┌): under tmux's TERM in a UTF-8
# locale, ncurses draws them so.
# What the data says is read through the program's own JSON output (cx_json,
# with jq), so that the same checks hold whatever backend stores it; sql is
# kept for the SQLite file itself, for text written behind the program's back,
# and for what no command shows, each with a comment saying which.

CXMEET=$(realpath "${1:?usage: $0 PATH-TO-CXMEET}")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cxmeet-e2e.XXXXXX")
failures=0
failed=()   # the messages of the failed checks, repeated at the end
SOCK=""     # the socket of the tmux server started last
n_socks=0

# The environment of every cxmeet run, the CLI's and the TUI's.
export TZ=UTC LC_ALL=C.UTF-8 TERM=xterm-256color
export CXMEET_NOW=2026-11-23T10:00:00Z # a fixed clock: every timer shows 00:00
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share"
export CXMEET_DB="$tmp/t.db"
# With CXMEET_TEST_SERVER set (the 'pg' suite, inside tests/pg/with_cluster.sh),
# the database is a new one on the test's PostgreSQL server instead:
# $CXMEET_CONTRACT_STORE with its %d made this test's own. The scenarios
# that read the SQLite file itself (sql) are not run so.
if [ -n "${CXMEET_TEST_SERVER:-}" ]; then
	[ -n "${CXMEET_CONTRACT_STORE:-}" ] || { echo "CXMEET_TEST_SERVER needs CXMEET_CONTRACT_STORE" >&2; exit 1; }
	CXMEET_DB=${CXMEET_CONTRACT_STORE/"%d"/$$$RANDOM}
	export CXMEET_DB
fi
unset VISUAL EDITOR NO_COLOR
mkdir -p "$HOME"

# Kills every tmux server started by this test and removes the temp dir; a
# test with recorded failures exits 1.
on_exit() {
	local rc=$? s
	for s in "$tmp"/sock*; do
		if [ -S "$s" ]; then tmux -S "$s" kill-server 2>/dev/null || true; fi
	done
	if [ -s "$tmp/stderr.log" ] && grep -qE "runtime error|Sanitizer|ERROR:" "$tmp/stderr.log"; then
		echo "----- the program's stderr -----" >&2
		cat "$tmp/stderr.log" >&2
		failures=$((failures + 1))
		failed+=("the program reported a memory or undefined-behaviour error")
	fi
	if [ -s "$tmp/cx_failed" ]; then
		failures=$((failures + 1))
		failed+=("$(cat "$tmp/cx_failed")")
	fi
	rm -rf "$tmp"
	if [ "$failures" -gt 0 ]; then
		echo "$failures check(s) failed:" >&2
		printf '  %s\n' "${failed[@]}" >&2
		[ "$rc" -ne 0 ] || rc=1
	fi
	exit "$rc"
}
trap on_exit EXIT

# note MSG: a progress line in the test log.
note() { echo "# $*"; }

# tmx ARGS...: tmux on the current private server.
tmx() { tmux -S "$SOCK" "$@"; }

# start_tui COLS ROWS: runs `cxmeet` (no arguments, so on a terminal it opens
# the TUI) in a new private tmux server of that size, working directory $tmp.
# The pane's TERM is the one tmux encodes keys for (tmux-256color, else
# screen): under xterm-256color, Home and End would reach ncurses as unknown
# sequences.
start_tui() {
	local term=screen
	infocmp tmux-256color >/dev/null 2>&1 && term=tmux-256color
	n_socks=$((n_socks + 1))
	SOCK="$tmp/sock$n_socks"
	local cmd
	# The program's stderr goes to a file: a sanitizer report there fails the test.
	cmd=$(printf 'exec env -u VISUAL -u EDITOR -u NO_COLOR TERM=%q TZ=%q LC_ALL=%q CXMEET_NOW=%q HOME=%q XDG_DATA_HOME=%q CXMEET_DB=%q %q 2>>%q' \
		"$term" "$TZ" "$LC_ALL" "$CXMEET_NOW" "$HOME" "$XDG_DATA_HOME" "$CXMEET_DB" "$CXMEET" "$tmp/stderr.log")
	tmux -S "$SOCK" -f /dev/null new-session -d -x "$1" -y "$2" -c "$tmp" "$cmd"
}

# tui_pid: the pid of the cxmeet process in the pane (the pane runs it by exec).
tui_pid() { tmx list-panes -F '#{pane_pid}'; }

# tui_running: true while the program (hence the tmux session) is alive.
tui_running() { tmx has-session 2>/dev/null; }

# drained: waits (2 s at most) until the program has read every byte sent to
# its terminal and sleeps waiting for more: the next keys sent then arrive
# on their own. Without it, on a loaded machine, text and the Tab typed after
# it could wait in the terminal together, and the program rightly reads keys
# that arrive together in a text field as a paste (the Tab in the text, not
# a move to the next field). A program that has ended is drained.
drain_sock="" drain_tty="" drain_pid=""
drained() {
	if [ "$drain_sock" != "$SOCK" ]; then # the pane's terminal and program, once per server
		drain_tty=$(tmx display-message -p '#{pane_tty}' 2>/dev/null) || return 0
		drain_pid=$(tui_pid 2>/dev/null) || return 0
		drain_sock=$SOCK
	fi
	perl -e '
		my ($tty, $pid) = @ARGV; my $quiet = 0;
		for (my $i = 0; $i < 400 && $quiet < 2; $i++) {
			# O_RDONLY | O_NOCTTY | O_NONBLOCK; FIONREAD (Linux)
			sysopen(my $f, $tty, 0 | 0400 | 04000) or exit 0;
			my $n = pack("L", 0);
			ioctl($f, 0x541B, $n) or exit 0;
			close $f;
			open(my $st, "<", "/proc/$pid/stat") or exit 0;
			my ($state) = (<$st> =~ /\) (\S) /);
			close $st;
			$quiet = (unpack("L", $n) == 0 && $state eq "S") ? $quiet + 1 : 0;
			select(undef, undef, undef, 0.005);
		}' "$drain_tty" "$drain_pid" 2>/dev/null || true
}

# keys KEY...: tmux send-keys, then waits until the program has read them;
# `keys -l TEXT` sends TEXT literally (UTF-8).
keys() { tmx send-keys "$@"; drained; }

# text TEXT: types TEXT literally.
text() { tmx send-keys -l -- "$1"; drained; }

# screen: the screen as text (a wide character is printed once).
screen() { tmx capture-pane -p; }

# screen_nfc: the screen in Unicode normalization form C, for comparing text
# that may be stored composed (é) or decomposed (e + U+0301).
screen_nfc() {
	screen | python3 -c 'import sys, unicodedata; sys.stdout.write(unicodedata.normalize("NFC", sys.stdin.read()))'
}

# screen_line N: line N of the screen, counted from 1.
screen_line() { screen | sed -n "${1}p"; }

# show_screen: prints the screen (or says the program is gone) to stderr.
show_screen() {
	if tui_running; then
		{ echo "----- screen -----"; screen; echo "------------------"; } >&2
	else
		echo "(the program is not running)" >&2
	fi
}

# die MSG: fails the test now.
die() {
	echo "FAIL: $*" >&2
	show_screen
	exit 1
}

# on_screen TEXT, on_screen_re REGEX, off_screen TEXT, off_screen_re REGEX:
# whether the screen shows TEXT (a fixed string) or a line matching REGEX
# (extended), or does not.
# (grep reads all its input, never -q: under pipefail, a grep that leaves at
# the first match makes the writer of a screen over 4 kB die of SIGPIPE, and
# the pipeline fail although the text was there.)
on_screen() { screen | grep -F -- "$1" >/dev/null; }
on_screen_re() { screen | grep -E -- "$1" >/dev/null; }
off_screen() { ! on_screen "$1"; }
off_screen_re() { ! on_screen_re "$1"; }

# poll TIMEOUT CMD...: runs CMD every 0.1 s while the program runs, until it
# succeeds (status 0) or TIMEOUT whole seconds have passed (status 1).
poll() {
	local i n=$(($1 * 10))
	shift
	for ((i = 0; i < n; i++)); do
		if tui_running && "$@"; then return 0; fi
		sleep 0.1
	done
	return 1
}

# wait_for TEXT [TIMEOUT]: waits until TEXT is on the screen (TIMEOUT: whole
# seconds, 5 by default; the same for the other waits).
wait_for() { poll "${2:-5}" on_screen "$1" || die "timed out waiting for '$1'"; }

# wait_re REGEX [TIMEOUT]: waits until a screen line matches the extended REGEX.
wait_re() { poll "${2:-5}" on_screen_re "$1" || die "timed out waiting for /$1/"; }

# wait_gone TEXT [TIMEOUT]: waits until TEXT is no longer on the screen.
wait_gone() { poll "${2:-5}" off_screen "$1" || die "timed out waiting for '$1' to go"; }

# wait_exit: waits (5 s at most) until the program, hence its tmux server, has ended.
wait_exit() {
	local i
	for ((i = 0; i < 50; i++)); do
		tui_running || return 0
		sleep 0.1
	done
	die "the program did not end"
}

# settle: for keys whose effect cannot be told from the screen beforehand,
# waits until the screen has stayed the same for 0.5 s (at most 5 s).
settle() {
	local i same=0 prev="" cur
	for ((i = 0; i < 50 && same < 5; i++)); do
		sleep 0.1
		cur=$(screen 2>/dev/null) || return 0 # the program has ended
		if [ "$cur" = "$prev" ]; then same=$((same + 1)); else same=0; fi
		prev=$cur
	done
}

# resize COLS ROWS: resizes the (detached) window; the program gets SIGWINCH.
resize() { tmx resize-window -x "$1" -y "$2"; }

# lock_database: another program (sqlite3) takes the database's write lock
# and keeps it until unlock_database; returns once the lock is seen taken.
# The locker waits for a write of the program's own to finish first.
lock_database() {
	[ -z "${CXMEET_TEST_SERVER:-}" ] || cx_fail "lock_database locks an SQLite file: this scenario does not run on a server"
	mkfifo "$tmp/lock"
	sqlite3 -cmd '.timeout 10000' "$CXMEET_DB" <"$tmp/lock" >/dev/null 2>&1 &
	locker=$!
	exec 7>"$tmp/lock"
	echo "BEGIN EXCLUSIVE; UPDATE organisation SET name = name;" >&7
	local i
	for ((i = 0; i < 100; i++)); do
		sqlite3 -cmd '.timeout 0' "$CXMEET_DB" "BEGIN IMMEDIATE; ROLLBACK;" 2>/dev/null || return 0
		sleep 0.1
	done
	die "the write lock was never taken"
}

unlock_database() {
	exec 7>&-
	wait "$locker" || true
	rm -f "$tmp/lock"
}

# sql QUERY: runs QUERY on the test database (waits up to 2 s for a lock).
# Only for what is about the SQLite file itself (its schema, damage, locks,
# integrity), for text written behind the program's back, and for what no
# command shows; what the data says is read with cx_json, through the program.
sql() {
	[ -z "${CXMEET_TEST_SERVER:-}" ] || cx_fail "sql reads an SQLite file: this scenario does not run on a server"
	sqlite3 -batch -cmd '.timeout 2000' "$CXMEET_DB" "$1"
}

# cx [CMD ARG...]: runs cxmeet on the test database and prints its output;
# the test stops when it fails.
cx() {
	local rc=0
	"$CXMEET" --db "$CXMEET_DB" "$@" 2>"$tmp/cx.err" || rc=$?
	[ "$rc" -eq 0 ] || cx_fail "cxmeet $* exited with status $rc: $(cat "$tmp/cx.err")"
}

# cx_json [--arg NAME VALUE | --argjson NAME JSON]... FILTER CMD [ARG...]:
# what the jq FILTER makes of `cxmeet --db $CXMEET_DB CMD ARG... --format json`
# (strings printed raw, one value a line). The --arg options go to jq, so that
# a name or a text reaches the filter unquoted ($NAME). The test stops when the
# command fails or jq cannot read its output.
cx_json() {
	local jq_args=() out rc=0
	while [ "${1:-}" = --arg ] || [ "${1:-}" = --argjson ]; do
		jq_args+=("$1" "$2" "$3")
		shift 3
	done
	local filter=$1
	shift
	command -v jq >/dev/null || cx_fail "jq is needed to read the program's JSON"
	out=$("$CXMEET" --db "$CXMEET_DB" "$@" --format json 2>"$tmp/cx.err") || rc=$?
	[ "$rc" -eq 0 ] || cx_fail "cxmeet $* --format json exited with status $rc: $(cat "$tmp/cx.err")"
	printf '%s' "$out" | jq -r "${jq_args[@]}" "$filter" ||
		cx_fail "jq '$filter' could not read the output of cxmeet $* --format json"
}

# imported_from TEXT: where the actions whose text is TEXT were imported
# from, as their 'imported' events say in the JSON export ("FILE, line N"),
# one a line.
imported_from() {
	local out rc=0
	out=$("$CXMEET" --db "$CXMEET_DB" export --format json 2>"$tmp/cx.err") || rc=$?
	[ "$rc" -eq 0 ] || cx_fail "cxmeet export --format json exited with status $rc: $(cat "$tmp/cx.err")"
	printf '%s' "$out" | jq -r --arg text "$1" '.tables as $t
		| [$t.items[] | select(.text == $text) | .id] as $ids
		| $t.item_events[] | select(.event == "imported" and (.item_id as $i | $ids | index($i)))
		| .new_value' || cx_fail "jq could not read the JSON export"
}

# text_versions: every version kept of the organisation's texts, one
# FIELD=TEXT a line (first line of the text), as `cxmeet org history` and
# `cxmeet charter history` print them: the fields in the order name, mission,
# success, vision, goals, roles, prioritise, approvals, ways; the oldest
# version of each first.
text_versions() {
	local f n=0
	for f in name mission success; do cx org history "$f" | sed -n "s/^  /$f=/p" | tac; done
	for f in vision goals roles prioritise approvals ways; do
		n=$((n + 1))
		cx charter history "$n" | sed -n "s/^  /$f=/p" | tac
	done
}

# data_digest: a digest of everything the program shows of the data (the
# export but the time it was made, and the meetings' history), and the number
# of raw event rows, which no command lists in full.
data_digest() {
	{
		cx_json 'del(.exported_at)' export
		cx_json . history --limit 1000000
	} | md5sum
	sql "SELECT count(*) FROM item_events"
}

# agenda_steps NAME: the steps of agenda template NAME as `cxmeet agenda
# export` writes them, one POSITION|TITLE|KIND|MINUTES|PROMPT a line, the
# positions counted from 0 (a prompt's first line only).
agenda_steps() {
	cx agenda export "$1" | awk '
		function flush() { if (title != "") print n++ "|" title "|" kind "|" minutes "|" prompt }
		/^step / {
			flush()
			minutes = $2; kind = $3; title = $0
			sub(/^step [^ ]+ [^ ]+ /, "", title)
			prompt = ""; in_step = 1; next
		}
		/^  / && in_step && prompt == "" { prompt = substr($0, 3); next }
		END { flush() }'
}

# cx_fail MSG: fails the test now, also when called in a command substitution
# (a subshell, whose exit alone would only leave the value empty): the message
# is kept in a file that on_exit counts as a failure.
cx_fail() {
	printf '%s\n' "$1" >>"$tmp/cx_failed"
	die "$1"
}

# check_failed MSG: records a failed check (the test goes on, and exits 1).
check_failed() {
	failures=$((failures + 1))
	failed+=("$1")
	echo "FAIL: $1" >&2
}

# expect_eq ACTUAL EXPECTED MSG: records a failure when they differ.
expect_eq() {
	if [ "$1" != "$2" ]; then
		check_failed "$3"
		printf '  expected: %s\n  actual:   %s\n' "$2" "$1" >&2
		return 0
	fi
	echo "ok - $3"
}

# expect_match ACTUAL REGEX MSG: records a failure unless ACTUAL matches the
# extended REGEX.
expect_match() {
	if ! printf '%s\n' "$1" | grep -E -- "$2" >/dev/null; then
		check_failed "$3"
		printf '  expected to match: %s\n  actual: %s\n' "$2" "$1" >&2
		return 0
	fi
	echo "ok - $3"
}

# expect_golden FILE TEXT MSG: records a failure (with the diff: - golden,
# + now) unless TEXT, a line added at its end, is FILE's content. With
# CXMEET_UPDATE_GOLDEN=1 it writes FILE first: read the diff before
# committing it.
expect_golden() {
	if [ "${CXMEET_UPDATE_GOLDEN:-}" = 1 ]; then
		printf '%s\n' "$2" >"$1"
		note "wrote $1"
	fi
	if diff -u "$1" <(printf '%s\n' "$2"); then
		echo "ok - $3"
	else
		check_failed "$3 (diff above: - golden, + now)"
	fi
}

# expect_no_match ACTUAL REGEX MSG: records a failure when a line of ACTUAL
# matches the extended REGEX.
expect_no_match() {
	if printf '%s\n' "$1" | grep -E -- "$2" >/dev/null; then
		check_failed "$3"
		printf '  expected no match for: %s\n' "$2" >&2
		return 0
	fi
	echo "ok - $3"
}

# expect_screen TEXT MSG: records a failure (and prints the screen) when TEXT
# is not on the screen now.
expect_screen() {
	if ! screen | grep -F -- "$1" >/dev/null; then
		check_failed "$2 ('$1' is not on the screen)"
		show_screen
		return 0
	fi
	echo "ok - $2"
}

# expect_no_screen TEXT MSG: records a failure when TEXT is on the screen now.
expect_no_screen() {
	if screen | grep -F -- "$1" >/dev/null; then
		check_failed "$2 ('$1' is on the screen)"
		show_screen
		return 0
	fi
	echo "ok - $2"
}

# display_cols: for each line on stdin, prints "WIDTH LAST" where WIDTH is its
# width in terminal columns (East Asian wide and fullwidth characters count 2,
# combining marks 0) and LAST the column (from 1) of its last non-space
# character, 0 for a blank line.
display_cols() {
	python3 -c '
import sys, unicodedata
def cols(s):
    return sum(0 if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me")
               else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)
for line in sys.stdin.read().split("\n")[:-1]:
    print(cols(line), cols(line.rstrip(" ")))
'
}

# setup_council: the database every scenario starts from.
setup_council() {
	"$CXMEET" init --org "Northwind Outfitters" >/dev/null
	"$CXMEET" org set mission "Every customer gets a clear answer." >/dev/null
	"$CXMEET" person add "Zoë Ångström" --dept Sales --role lead >/dev/null
	"$CXMEET" person add "王芳" --dept IT --role sponsor >/dev/null
	"$CXMEET" person add "Ben Okafor" --dept Finance >/dev/null
}

# start_meeting: from the home screen, starts a meeting (at step 1) on the
# agenda as it is (Enter on "This meeting's agenda").
start_meeting() {
	wait_for "Start a meeting"
	keys Home Enter # the first entry, wherever the cursor was left
	wait_for "This meeting's agenda"
	keys Enter
	wait_for "Step 1/10: Welcome & roll call"
	wait_for "Meeting started (step 1)."
}

# end_meeting: from any step of the meeting, E goes to the wrap-up (asked
# first), E there ends the meeting, and the minutes are not written; waits
# for the home screen's "Meeting ended.".
end_meeting() {
	keys E
	wait_for "Go to the wrap-up to end the meeting?"
	keys y
	wait_for "Step 10/10: Wrap-up"
	keys E
	wait_for "End the meeting now?"
	keys y
	wait_for "Write the minutes to"
	keys Escape
	wait_for "Meeting ended."
}

# attrs_before TEXT: the display attributes (SGR parameters, separated by
# $ATTRS_SEP, a comma unless set) in force where TEXT begins on the screen,
# since the last reset.
attrs_before() {
	tmx capture-pane -p -e | perl -0777 -e '
		my ($text) = @ARGV; local $/; my $s = <STDIN>;
		my $at = index($s, $text); exit 1 if $at < 0;
		my @sgr = (substr($s, 0, $at) =~ /\e\[([0-9;]*)m/g);
		my @since;
		for (@sgr) { @since = () if $_ eq "" || $_ eq "0"; push @since, $_ unless $_ eq "" || $_ eq "0" }
		print join($ENV{ATTRS_SEP} // ",", @since), "\n";' "$1"
}

# go_step N TITLE: jumps to agenda step N (a digit key; 0 is step 10) and
# waits for it.
go_step() {
	keys "$1"
	wait_for "Step $([ "$1" = 0 ] && echo 10 || echo "$1")/10: $2"
}

# open_form KEY KIND: opens a capture form (KEY d a w s i n p m c) and waits
# for its box, titled "New KIND".
open_form() {
	keys "$1"
	wait_re "─ New $2 ─"
}

# wait_form_closed: waits until no form box (titled "New ..." or "Edit ...")
# is on the screen.
wait_form_closed() {
	poll 5 off_screen_re "─ (New|Edit) [a-z ]+ ─" || die "timed out waiting for the form to close"
}

# pick FILTER CHOICE: on a picker field of a form, types FILTER, waits for the
# list to offer CHOICE, and takes the highlighted option (the best match).
pick() {
	text "$1"
	wait_for "Choose: "
	wait_re "Filter: +$1"
	wait_for "$2"
	keys Enter
	wait_gone "Choose: "
}

# save_form KIND [ID]: Enter in a form; waits for the flash "Saved KIND #ID."
# (any ID when not given), or a new action's read-back "Action #ID saved: ...".
save_form() {
	keys Enter
	wait_re "^(Saved $1 #${2:-[0-9]+}\.|${1^} #${2:-[0-9]+} saved: )"
}
