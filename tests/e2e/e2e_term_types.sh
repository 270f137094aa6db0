#!/bin/bash
# e2e_term_types - the interface on other terminal types, in tmux at 80x24:
# vt100, linux, xterm-256color, screen (tmux's default) and tmux-256color with
# NO_COLOR=1. On each, a short meeting: roll call (Space), one action captured
# through the form and its pickers, leaving the meeting with q; the screen is
# readable (title bar, sidebar, boxes, no stray escape sequences), the
# database has what was done, the program exits 0 and the terminal modes are
# as they were. NO_COLOR: no colour at all, only reverse and bold.
# Then the terminals the interface cannot use, run under script(1) so that
# stdin and stdout are a terminal: TERM=dumb (no cursor addressing), TERM
# unset, empty, unknown ("nosuchterm"), and one holding escape sequences. Each
# is refused with one clear line on stderr and exit status 2, with no escape
# sequence written, the terminal modes unchanged, and the database untouched.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

# start_term TERM NO_COLOR: like start_tui 80 24, with that TERM (and NO_COLOR
# set when the second argument is 1). The pane runs a shell that saves the
# terminal modes before and after the program, and its exit status, in
# $tmp/run$n_socks.{before,after,rc}.
start_term() {
	n_socks=$((n_socks + 1))
	SOCK="$tmp/sock$n_socks"
	local run="$tmp/run$n_socks" nc="-u NO_COLOR" inner
	[ "$2" = 1 ] && nc="NO_COLOR=1"
	inner=$(printf 'env -u VISUAL -u EDITOR %s TERM=%q TZ=%q LC_ALL=%q CXMEET_NOW=%q HOME=%q XDG_DATA_HOME=%q CXMEET_DB=%q %q 2>>%q' \
		"$nc" "$1" "$TZ" "$LC_ALL" "$CXMEET_NOW" "$HOME" "$XDG_DATA_HOME" "$CXMEET_DB" "$CXMEET" "$tmp/stderr.log")
	tmux -S "$SOCK" -f /dev/null new-session -d -x 80 -y 24 -c "$tmp" \
		"stty -g >$run.before; $inner; echo \$? >$run.rc; stty -g >$run.after"
}

# screen (lib.sh's, redefined): the screen as text, with the line-drawing
# characters of a terminal that draws them with the alternate character set
# (vt100, xterm-256color: SO, then "lqqk" and "x", then SI) turned into Unicode, as a terminal
# shows them; plain capture-pane prints the bare letters.
screen() {
	tmx capture-pane -p -e | perl -0777 -CS -Mutf8 -pe \
		's/\x0e([^\x0e\x0f]*)\x0f?/$1 =~ tr{qxlkmjtuvwn}{─│┌┐└┘├┤┴┬┼}r/ge; s/\x0f//g; s/\e\[[0-9;]*m//g'
}

# readable WHAT: the screen holds no escape debris and no control characters.
readable() {
	local junk
	junk=$(screen | grep -nE $'\\[\\?[0-9]|\\[[0-9][0-9;]*[a-zA-Z]|\\(B|\\)0|[\x01-\x08\x0b-\x1f\x7f]' || true)
	expect_eq "$junk" "" "$1: no escape debris on the screen"
}

# colours: the colour changes (SGR 30-49, 90-107, 38;5 and 48;5) tmux
# recorded for the screen, one a line.
colours() {
	tmx capture-pane -p -e | grep -oE $'\e\\[[0-9;]*m' | tr ';' '\n' | tr -d $'\e[m' |
		grep -E '^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$' || true
}

setup_council
sql "VACUUM INTO '$tmp/base.db'" # a copy of the SQLite file, to start each run from

for run in vt100:0 linux:0 xterm-256color:0 screen:0 tmux-256color:1; do
	term=${run%:*}
	no_color=${run#*:}
	what=$term
	[ "$no_color" = 1 ] && what="$term with NO_COLOR=1"
	if ! infocmp "$term" >/dev/null 2>&1; then
		note "SKIP $what: no terminfo entry here"
		continue
	fi
	note "$what"
	export CXMEET_DB="$tmp/$term-$no_color.db"
	cp "$tmp/base.db" "$CXMEET_DB"
	start_term "$term" "$no_color"
	r="$tmp/run$n_socks"
	wait_for "Start a meeting"
	expect_match "$(screen_line 1)" "^ Northwind Outfitters  CX council" "$what: the title bar"
	expect_match "$(screen_line 24)" "^ Up/Down choose  Enter open" "$what: the status line on row 24"
	readable "$what, home"
	if [ "$no_color" = 1 ]; then
		expect_eq "$(colours | sort -u | tr '\n' ' ')" "" "$what: no colour on the home screen"
		expect_match "$(tmx capture-pane -p -e | sed -n 1p)" $'\e\\[[0-9;]*7' \
			"$what: the title bar is in reverse video"
	elif [ "$term" != vt100 ]; then
		expect_match "$(colours | wc -l)" '^[1-9]' "$what: the screen has colour"
	fi

	start_meeting
	wait_for "Roll call: 0 of 3 present"
	expect_eq "$(screen_line 2 | sed 's/ *│.*//')" "Agenda" "$what: the sidebar"
	keys Space
	wait_for "Roll call: 1 of 3 present"
	wait_for "Ben Okafor is present."
	expect_screen "[x] Ben Okafor" "$what: Ben is marked present"

	go_step 9 "New actions"
	open_form c action
	expect_screen "┌─ New action" "$what: the form's box (top)"
	expect_screen "└──" "$what: the form's box (bottom)"
	text "Ring the Lee family"
	keys Tab Tab
	pick Cust "Customer Service"
	keys Tab
	pick Ben "Ben Okafor"
	wait_re "Owner +Ben Okafor"
	readable "$what, the form"
	save_form action 1
	wait_for "[A] Ring the Lee family"
	readable "$what, the step"

	keys q
	wait_for "Leave the meeting? It stays in progress"
	keys y
	wait_for "Resume the meeting in progress"
	keys q
	wait_exit
	expect_eq "$(cat "$r.rc")" 0 "$what: the program exits 0"
	expect_eq "$(cat "$r.after")" "$(cat "$r.before")" "$what: the terminal modes are restored"
	expect_eq "$(cx_json '.attendance[].people[].name' show)" "Ben Okafor" "$what: attendance has Ben"
	expect_eq "$(cx_json '.items[] | "\(.kind)|\(.text)|\(.department)|\(.person)"' export)" \
		"action|Ring the Lee family|Customer Service|Ben Okafor" "$what: the action is saved"
	expect_eq "$(cx_json .meeting.status show)" "in_progress" "$what: the meeting stays in progress"
done

note "terminals the interface cannot use"
export CXMEET_DB="$tmp/refused.db"
cp "$tmp/base.db" "$CXMEET_DB"
db_before=$(sql .dump | md5sum) # the SQLite file itself, every byte of its content

# refused WHAT EXPECTED-MESSAGE ENV-ARGS... -- CXMEET-ARGS...: runs cxmeet under
# script(1) with `env ENV-ARGS`, and checks the refusal.
refused() {
	local what=$1 msg=$2 envargs=() out rc
	shift 2
	while [ "$1" != -- ]; do envargs+=("$1"); shift; done
	shift
	local cmd
	cmd=$(printf '%q ' stty -g)">$tmp/ref.before; "
	cmd+=$(printf '%q ' env "${envargs[@]}" "$CXMEET" "$@")"2>$tmp/ref.err; "
	cmd+="echo \$? >$tmp/ref.rc; stty -g >$tmp/ref.after"
	rm -f "$tmp"/ref.*
	# The command is quoted for bash ($'...'), so script(1) must run bash
	# whatever $SHELL says; a refusal that does not come stops after 30 s.
	out=$(SHELL=$BASH timeout 30 script -qec "$cmd" /dev/null </dev/null 2>&1 | tr -d '\r') || true
	rc=$(cat "$tmp/ref.rc" 2>/dev/null || echo none)
	expect_eq "$rc" 2 "$what: exit status 2"
	expect_eq "$(cat "$tmp/ref.err")" "$msg" "$what: the message"
	expect_eq "$out" "" "$what: nothing written to the terminal"
	expect_eq "$(grep -c $'\e' "$tmp/ref.err" || true)" 0 "$what: no escape sequence in the message"
	expect_eq "$(cat "$tmp/ref.after")" "$(cat "$tmp/ref.before")" "$what: the terminal modes are unchanged"
}

hint="use the commands instead, e.g. 'cxmeet status' (see 'cxmeet help')"
refused "TERM=dumb, cxmeet tui" \
	"cxmeet: the terminal 'dumb' cannot show the full-screen interface (it has no cursor addressing); $hint" \
	TERM=dumb -- tui
refused "TERM=dumb, cxmeet alone" \
	"cxmeet: the terminal 'dumb' cannot show the full-screen interface (it has no cursor addressing); $hint" \
	TERM=dumb --
refused "TERM unset" \
	"cxmeet: TERM is not set, so the full-screen interface cannot start; set it to your terminal's type (e.g. TERM=xterm-256color), or $hint" \
	-u TERM -- tui
refused "TERM empty" \
	"cxmeet: TERM is not set, so the full-screen interface cannot start; set it to your terminal's type (e.g. TERM=xterm-256color), or $hint" \
	TERM= -- tui
refused "TERM=nosuchterm" \
	"cxmeet: the terminal type 'nosuchterm' is unknown here (no terminfo entry), so the full-screen interface cannot start; set TERM to your terminal's type, or $hint" \
	TERM=nosuchterm -- tui
refused "TERM with escape sequences" \
	"cxmeet: the terminal type '?]0;owned??[2J' is unknown here (no terminfo entry), so the full-screen interface cannot start; set TERM to your terminal's type, or $hint" \
	"TERM=$(printf '\e]0;owned\a\e[2J')" -- tui
expect_eq "$(sql .dump | md5sum)" "$db_before" "the refusals left the database as it was"
