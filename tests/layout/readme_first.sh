#!/bin/bash
# readme_first.sh - the README's first command does what it says on a fresh
# Debian 12 machine, as root (where there is no sudo) and as a user who may
# use sudo: it installs the packages (through sudo only when not root),
# sets the build folder up once, builds and starts cxmeet. The command is
# taken from the README as a new user copies it, and run against stand-ins
# for id, sudo, apt-get, meson and the program, each of which logs what it
# was asked; nothing is installed or built.
# Usage: readme_first.sh SOURCE-ROOT
set -euo pipefail
root=$1
cmd=$(awk '/^    / { sub(/^    /, ""); print; exit }' "$root/README.md")
case $cmd in *apt-get*meson*cxmeet*) ;; *)
	echo "readme_first: the README's first command is not the install-and-start one: $cmd" >&2
	exit 1 ;;
esac
dir=$(mktemp -d "${TMPDIR:-/tmp}/cxmeet-readme.XXXXXX")
trap 'rm -rf "$dir"' EXIT
fail=0
bad() { echo "readme_first: FAIL: $*" >&2; fail=1; }

# stand-ins: each logs its name and arguments
mkdir -p "$dir/bin"
for p in apt-get meson; do
	cat >"$dir/bin/$p" <<STUB
#!/bin/bash
echo "$p \$*" >>"$dir/log"
[ "$p \$1" = "meson setup" ] && mkdir -p "\$2/src" && printf '#!/bin/bash\necho "cxmeet started \$*" >>"$dir/log"\n' >"\$2/src/cxmeet" && chmod +x "\$2/src/cxmeet"
exit 0
STUB
done
cat >"$dir/bin/id" <<STUB
#!/bin/bash
echo "\$FAKE_UID"
STUB
cat >"$dir/bin/sudo-stub" <<STUB
#!/bin/bash
echo "sudo \$*" >>"$dir/log"
exec "\$@"
STUB
chmod +x "$dir/bin/"*

# run AS-UID WITH-SUDO: the command in a fresh folder; the log it left
run() {
	local work=$dir/work-$1
	rm -rf "$work" "$dir/log" "$dir/bin/sudo"
	mkdir -p "$work"
	[ "$2" = yes ] && ln -s sudo-stub "$dir/bin/sudo"
	(cd "$work" && FAKE_UID=$1 PATH="$dir/bin:/usr/bin:/bin" bash -c "$cmd") >/dev/null 2>&1 || true
	cat "$dir/log" 2>/dev/null || true
}

log=$(run 0 no)
grep -q '^apt-get update' <<<"$log" || bad "as root: apt-get update not run: $log"
grep -q '^apt-get install -y .*libncurses-dev' <<<"$log" || bad "as root: packages not installed: $log"
grep -q '^sudo' <<<"$log" && bad "as root: sudo used where there is none: $log"
grep -q '^meson setup build' <<<"$log" || bad "as root: the build folder not set up: $log"
grep -q '^meson compile -C build' <<<"$log" || bad "as root: not built: $log"
grep -q '^cxmeet started' <<<"$log" || bad "as root: cxmeet not started: $log"

log=$(run 1000 yes)
grep -q '^sudo apt-get update' <<<"$log" || bad "as a user: apt-get update not through sudo: $log"
grep -q '^sudo apt-get install -y' <<<"$log" || bad "as a user: install not through sudo: $log"
grep -q '^sudo meson' <<<"$log" && bad "as a user: the build run through sudo: $log"
grep -q '^cxmeet started' <<<"$log" || bad "as a user: cxmeet not started: $log"

# run again in the same folder: the build folder is reused, not set up again
work=$dir/work-again
mkdir -p "$work/build/src"
printf '#!/bin/bash\necho "cxmeet started" >>"%s/log"\n' "$dir" >"$work/build/src/cxmeet"
chmod +x "$work/build/src/cxmeet"
rm -f "$dir/log"
(cd "$work" && FAKE_UID=0 PATH="$dir/bin:/usr/bin:/bin" bash -c "$cmd") >/dev/null 2>&1 || true
log=$(cat "$dir/log" 2>/dev/null || true)
grep -q '^meson setup' <<<"$log" && bad "run again: the build folder set up again: $log"
grep -q '^cxmeet started' <<<"$log" || bad "run again: cxmeet not started: $log"

[ "$fail" = 0 ] && echo "readme_first: as root and as a user with sudo, installs, builds and starts"
exit "$fail"
