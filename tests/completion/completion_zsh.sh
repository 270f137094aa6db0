#!/usr/bin/env bash
# completion_zsh.sh - the zsh completion (completion/_cxmeet), run by zsh
# itself: its function, called as the completion system would with the
# words of `cxmeet CMD --`, offers every command of the program and every
# long option of each, as the program's tables of options say; then, in an
# interactive `zsh -f` in a private tmux server with compinit loaded from
# the source tree, Tab completes a department (quoted for the line), a
# command, an option, a person, a name from the database given with --db
# on the line, and a subcommand; a name typed with $(...) is never run.
# Skipped (77) when zsh is not installed; the Tab part needs tmux.
#   completion_zsh.sh CXMEET SOURCE_ROOT
set -uo pipefail
cx=$1
root=$(cd "$2" && pwd)
command -v zsh >/dev/null || { echo "completion_zsh: zsh is not installed: skipped"; exit 77; }
export TZ=UTC LC_ALL=C.UTF-8 CXMEET_NOW=2026-11-23T09:00:00Z
work=$(mktemp -d /tmp/cxmeet-zsh.XXXXXX)
sock="$work/tmux.sock"
trap 'tmux -S "$sock" kill-server 2>/dev/null; rm -rf "$work"' EXIT
failures=0
fail() { echo "completion_zsh: FAIL: $*" >&2; failures=$((failures + 1)); }

bin="$work/bin"
mkdir -p "$bin"
ln -s "$(cd "$(dirname "$cx")" && pwd)/$(basename "$cx")" "$bin/cxmeet"
db="$work/council.db"
other="$work/other db.db" # a space in the path: quoted on the line
{ "$cx" --db "$db" init &&
	"$cx" --db "$db" dept add "Field Service" &&
	"$cx" --db "$db" dept add "Old Desk" &&
	"$cx" --db "$db" dept archive "Old Desk" &&
	"$cx" --db "$db" person add "Ana Lima" --dept "Field Service" &&
	"$cx" --db "$db" person add "Bo O'Hara" --dept IT &&
	"$cx" --db "$other" init &&
	"$cx" --db "$other" dept add "Only Here"; } >/dev/null ||
	{ echo "setting up failed" >&2; exit 1; }

# complete WORD... : what _cxmeet offers for the words (the last one being
# completed), one a line: compadd's words as they are, before zsh matches
# them with what is typed; a file completion as "(files)".
complete_words() {
	PATH="$bin:$PATH" CXMEET_DB="$db" zsh -f -c '
		fpath=("$1/completion" $fpath)
		shift
		autoload -Uz _cxmeet _call_program _comp_locale
		compadd() {
			while (( $# )) && [[ $1 != -- ]]; do shift; done
			shift
			(( $# )) && print -rl -- "$@"
		}
		_files() { print -r -- "(files)"; }
		words=("$@")
		CURRENT=$#
		_cxmeet' _ "$root" "$@"
}

# every command and every long option of each, as the program's tables say
source "$(dirname "${BASH_SOURCE[0]}")/program_tables.sh"
check_program_tables
got=$(complete_words cxmeet actions --dept "")
want=$(printf '%s\n' "Customer Service" Facilities "Field Service" Finance HR IT Marketing \
	Operations Product Sales "Supply Chain")
[[ $got == "$want" ]] || fail "actions --dept offered: $got"
got=$(complete_words cxmeet dept --all "")
[[ $got == $'list\nadd\nrename\nset\narchive' ]] || fail "dept --all offered: $got"
got=$(complete_words cxmeet dept list "")
[[ -z $got ]] || fail "dept list offered another action: $got"

# Tab itself, in an interactive zsh with the completion system
if command -v tmux >/dev/null; then
	tmux -S "$sock" new-session -d -x 150 -y 30 \
		"env -i HOME=$work TERM=xterm LC_ALL=C.UTF-8 PATH=$bin:/usr/bin:/bin CXMEET_DB=$db zsh -f"
	tmux -S "$sock" send-keys "PS1='%% '; fpath=('$root/completion' \$fpath); autoload -U compinit && compinit -u -D && echo LOADED" Enter
	screen=
	for _ in $(seq 200); do
		screen=$(tmux -S "$sock" capture-pane -p)
		grep -qx 'LOADED' <<<"$screen" && break
		sleep 0.05
	done
	grep -qx 'LOADED' <<<"$screen" || { echo "zsh did not load compinit: $screen" >&2; exit 1; }

	# tab TYPED WANT: types TYPED and Tab on a new line; the line must become
	# WANT, the cursor after it (a completed word ends with a space, which the
	# screen does not show but the cursor's column does). The line is cleared
	# after.
	tab() {
		local typed=$1 want=$2 line='' col=''
		tmux -S "$sock" send-keys -l -- "$typed"
		tmux -S "$sock" send-keys Tab
		for _ in $(seq 100); do
			line=$(tmux -S "$sock" capture-pane -p | grep '^% ' | tail -n 1)
			col=$(tmux -S "$sock" display-message -p '#{cursor_x}')
			[[ $line == "% ${want% }" && $col == $((2 + ${#want})) ]] && break
			sleep 0.05
		done
		[[ $line == "% ${want% }" && $col == $((2 + ${#want})) ]] ||
			fail "'$typed' Tab gave '${line#% }' (cursor at column $col), not '$want'"
		tmux -S "$sock" send-keys C-u
		for _ in $(seq 100); do
			[[ $(tmux -S "$sock" capture-pane -p | grep '^%' | tail -n 1) == "%" ]] && break
			sleep 0.05
		done
	}
	tab "cxmeet actions --dept Fie" 'cxmeet actions --dept Field\ Service '
	tab "cxmeet dec" 'cxmeet decisions '
	tab "cxmeet actions --ov" 'cxmeet actions --overdue '
	tab "cxmeet actions --owner B" "cxmeet actions --owner Bo\\ O\\'Hara "
	tab "cxmeet add 'Call back' --person An" "cxmeet add 'Call back' --person Ana\\ Lima "
	tab "cxmeet actions --dept 'Field S" "cxmeet actions --dept 'Field Service' "
	tab "cxmeet --db '$other' actions --dept On" "cxmeet --db '$other' actions --dept Only\\ Here "
	tab "cxmeet dept ar" 'cxmeet dept archive '
	tab "cxmeet dept list --na" 'cxmeet dept list --names '
	tab "cxmeet --db \$(touch $work/ran) actions --dept Fie" "cxmeet --db \$(touch $work/ran) actions --dept Fie"
	[[ ! -e $work/ran ]] || fail "a word typed on the line was run"
else
	echo "completion_zsh: tmux is not installed: Tab not tried"
fi

[[ $failures == 0 ]] && echo "completion_zsh: ok"
exit $((failures > 0))
