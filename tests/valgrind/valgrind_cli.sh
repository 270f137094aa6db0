#!/bin/bash
# valgrind_cli - every command family of the command line under valgrind, on a
# temporary database: any memory error, or memory definitely or indirectly
# lost, fails the test (valgrind exits 99), and so does an unexpected exit
# status. Run by `meson test --suite valgrind` (when valgrind is installed) on
# the normal build, not the sanitized one.
set -euo pipefail
CXMEET=$(realpath "${1:?usage: $0 PATH-TO-CXMEET}")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cxmeet-valgrind.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

export TZ=UTC LC_ALL=C.UTF-8 CXMEET_NOW=2026-11-23T10:00:00Z
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share" CXMEET_DB="$tmp/t.db"
export VISUAL=true # never run: `charter set N` without text needs a terminal
unset EDITOR NO_COLOR
mkdir -p "$HOME"
cd "$tmp"

failures=0
n=0

# vg WANT ARGS...: runs cxmeet ARGS under valgrind; WANT is the expected exit status.
vg() {
	local want=$1 rc=0
	shift
	n=$((n + 1))
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		--track-fds=no --log-file="$tmp/vg.$n.log" "$CXMEET" "$@" \
		</dev/null >"$tmp/out.$n" 2>"$tmp/err.$n" || rc=$?
	if [ "$rc" -eq 99 ]; then
		failures=$((failures + 1))
		echo "FAIL: valgrind found errors or leaks in: cxmeet $*" >&2
		cat "$tmp/vg.$n.log" >&2
	elif [ "$rc" -ne "$want" ]; then
		failures=$((failures + 1))
		echo "FAIL: cxmeet $* exited $rc, expected $want" >&2
		cat "$tmp/err.$n" >&2
	else
		echo "ok $n - cxmeet $* (exit $rc)"
	fi
}

vg 0 --help
vg 0 --version
vg 2 nosuch
vg 0 init --org "Northwind Outfitters"
vg 0 init
vg 0 cadence # an empty history
vg 0 status
vg 0 org show
vg 0 org set mission "Every customer gets a clear answer and a kept promise."
vg 0 org set success "Repeat purchases up 10% in two years, measured monthly."
vg 0 org set cadence biweekly
vg 0 org set cadence "every 10 days"
vg 2 org set cadence "every 0 days"
vg 0 org set escalate 3
vg 0 org set name "Northwind Outfitters Ltd"
vg 0 org history name
vg 0 org history mission
vg 0 charter set 1 "Be the outfitter customers recommend."
vg 2 charter set 4 # no terminal on standard input: no editor, nothing written
vg 0 charter set 4 - # the text from standard input (here empty: cleared)
vg 2 --db "$tmp/missing.db" history # no database there: none created
vg 2 charter set 7 "no such answer"
vg 0 charter show
vg 0 charter history 1
vg 0 dept list
vg 0 dept list --all
vg 0 dept add "Field Service" --customer-facing
vg 2 dept add "field service"
vg 0 dept rename "Field Service" "Field Ops"
vg 0 dept set "Field Ops" --behind-the-scenes
vg 0 dept archive "Field Ops"
vg 0 dept archive "Field Ops" --undo
vg 2 dept add "$(printf 'bad\033]0;title\007name')"
vg 0 person add "Zoë Ångström" --dept Sales --role champion --email zoe@example.com
vg 0 person add "王芳" --dept IT --role sponsor
vg 2 person add "Nobody" --dept "No such dept"
vg 0 person edit "Zoë Ångström" --role lead --email ''
vg 0 person edit "王芳" --name "Wang Fang" --dept Finance
vg 0 person list
vg 0 person list --dept Sales --all
vg 0 person archive "Wang Fang"
vg 0 person archive "Wang Fang" --undo
vg 0 demo --years 1 --seed 1
vg 0 person edit "Zoë Ångström" --influence high --support high
vg 2 person edit "Zoë Ångström" --support sky-high
vg 0 champions
vg 0 champions --all --format json
vg 0 champions --format csv
vg 2 champions --format ics
vg 0 status
vg 0 show last
vg 0 show 1
vg 0 show last -o "$tmp/minutes.md"
vg 2 show last -o "$tmp/minutes.md"
vg 0 show last -o "$tmp/minutes.md" --force
mkdir "$tmp/dir"
vg 0 show last -o "$tmp/dir/"
vg 2 show 99999
vg 0 cadence
vg 0 cadence --meetings 12 --format json
vg 0 cadence --format csv --table timeline
vg 2 cadence --meetings 1
vg 2 tui

echo "$n runs of cxmeet under valgrind, $failures failed"
[ "$failures" -eq 0 ]
