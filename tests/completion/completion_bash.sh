#!/usr/bin/env bash
# completion_bash.sh - the bash completion (completion/cxmeet.bash): the
# completion function, called as readline would for `cxmeet actions --dept `,
# offers the database's departments (quoted for the line, archived ones left
# out), honours --db on the line, completes a partly typed name, people after
# --owner and --person, commands, a command's options and dept's actions; and
# the command list matches the program's own. Then, in an interactive bash
# in a private tmux server (when tmux is there), Tab itself completes.
#   completion_bash.sh CXMEET SOURCE_ROOT
set -uo pipefail
cx=$1
root=$2
export TZ=UTC LC_ALL=C.UTF-8 CXMEET_NOW=2026-11-23T09:00:00Z
work=$(mktemp -d /tmp/cxmeet-compl.XXXXXX)
sock="$work/tmux.sock"
trap 'tmux -S "$sock" kill-server 2>/dev/null; rm -rf "$work"' EXIT
failures=0
fail() { echo "completion_bash: FAIL: $*" >&2; failures=$((failures + 1)); }

bin="$work/bin"
mkdir -p "$bin"
ln -s "$(cd "$(dirname "$cx")" && pwd)/$(basename "$cx")" "$bin/cxmeet"
db="$work/council.db"
other="$work/other.db"
{ "$cx" --db "$db" init &&
	"$cx" --db "$db" dept add "Field Service" &&
	"$cx" --db "$db" dept add "Old Desk" &&
	"$cx" --db "$db" dept archive "Old Desk" &&
	"$cx" --db "$db" person add "Ana Lima" --dept "Field Service" &&
	"$cx" --db "$db" person add "Bo O'Hara" --dept IT &&
	"$cx" --db "$other" init &&
	"$cx" --db "$other" dept add "Only Here"; } >/dev/null ||
	{ echo "setting up failed" >&2; exit 1; }

# --names: one name a line, nothing else
want=$(printf '%s\n' "Customer Service" Facilities "Field Service" Finance HR IT Marketing \
	Operations Product Sales "Supply Chain")
got=$("$cx" --db "$db" dept list --names)
[[ $got == "$want" ]] || fail "dept list --names gave: $got"
got=$("$cx" --db "$db" person list --names)
[[ $got == $'Ana Lima\nBo O\'Hara' ]] || fail "person list --names gave: $got"
"$cx" --db "$db" dept add X --names >/dev/null 2>&1
[[ $? == 2 ]] || fail "--names with 'add' is not a usage error"

# complete WORD... : the completion function's answers, one a line
complete_words() {
	PATH="$bin:$PATH" CXMEET_DB="$db" bash -c '
		source "$1/completion/cxmeet.bash" || exit 9
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		COMP_LINE="$*"
		COMP_POINT=${#COMP_LINE}
		COMPREPLY=()
		_cxmeet
		[[ ${#COMPREPLY[@]} == 0 ]] || printf "%s\n" "${COMPREPLY[@]}"' _ "$root" "$@"
}

got=$(complete_words cxmeet actions --dept "")
want=$(printf '%s\n' 'Customer\ Service' Facilities 'Field\ Service' Finance HR IT Marketing \
	Operations Product Sales 'Supply\ Chain')
[[ $got == "$want" ]] || fail "actions --dept offered: $got"
got=$(complete_words cxmeet actions --dept Fi)
[[ $got == $'Field\\ Service\nFinance' ]] || fail "actions --dept Fi offered: $got"
got=$(complete_words cxmeet actions --dept 'Field\ S')
[[ $got == 'Field\ Service' ]] || fail "actions --dept 'Field\\ S' offered: $got"
got=$(complete_words cxmeet actions --dept '"Field S')
[[ $got == 'Field Service' ]] || fail "actions --dept '\"Field S' offered: $got"
got=$(complete_words cxmeet --db "$other" actions --dept On)
[[ $got == 'Only\ Here' ]] || fail "--db on the line not honoured: $got"
got=$(complete_words cxmeet add "Call back" --person "")
[[ $got == $'Ana\\ Lima\nBo\\ O\\\'Hara' ]] || fail "add --person offered: $got"
got=$(complete_words cxmeet actions --owner B)
[[ $got == "Bo\\ O\\'Hara" ]] || fail "actions --owner B offered: $got"
got=$(complete_words cxmeet actions --ov)
[[ $got == --overdue ]] || fail "actions --ov offered: $got"
got=$(complete_words cxmeet dept "")
[[ $got == $'list\nadd\nrename\nset\narchive' ]] || fail "dept offered: $got"
got=$(complete_words cxmeet dept list --)
[[ $got == *--names* && $got == *--all* ]] || fail "dept list -- offered: $got"
got=$(complete_words cxmeet ch)
[[ $got == $'charter\nchampions\ncheck' ]] || fail "ch offered: $got"
# a name typed with $(...) is never run
got=$(complete_words cxmeet actions --dept '$(touch '"$work"'/ran)')
[[ ! -e $work/ran ]] || fail "the typed word was run"

# every command and every long option of each, as the program's tables say
source "$(dirname "${BASH_SOURCE[0]}")/program_tables.sh"
check_program_tables

# Tab itself, in an interactive bash
if command -v tmux >/dev/null; then
	tmux -S "$sock" new-session -d -x 120 -y 30 \
		"env -i HOME=$work HISTFILE=/dev/null TERM=xterm PATH=$bin:/usr/bin:/bin CXMEET_DB=$db bash --norc --noprofile"
	tmux -S "$sock" send-keys "source '$root/completion/cxmeet.bash' && echo SOURCED" Enter
	for _ in $(seq 100); do
		tmux -S "$sock" capture-pane -p | grep -qx 'SOURCED' && break
		sleep 0.05
	done
	tmux -S "$sock" send-keys "cxmeet actions --dept Fie" Tab
	screen=
	for _ in $(seq 100); do
		screen=$(tmux -S "$sock" capture-pane -p)
		[[ $screen == *'--dept Field\ Service'* ]] && break
		sleep 0.05
	done
	[[ $screen == *'--dept Field\ Service'* ]] || fail "Tab did not complete: $screen"
fi

[[ $failures == 0 ]] && echo "completion_bash: ok"
exit $((failures > 0))
