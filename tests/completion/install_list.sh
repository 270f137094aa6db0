#!/usr/bin/env bash
# install_list.sh - `meson install` puts in place exactly what is used: the
# program, its manual page, and the bash and zsh completion (the bash one
# the same file as completion/cxmeet.bash, under the name bash-completion
# loads on demand); nothing else (the defaults are compiled into the program).
#   install_list.sh BUILD_ROOT SOURCE_ROOT
set -uo pipefail
build=$1
root=$2
dest=$(mktemp -d /tmp/cxmeet-install.XXXXXX)
trap 'rm -rf "$dest"' EXIT
failures=0
fail() { echo "install_list: FAIL: $*" >&2; failures=$((failures + 1)); }

${MESON:-meson} install -C "$build" --no-rebuild --quiet --destdir "$dest" >"$dest.log" 2>&1 ||
	{ cat "$dest.log" >&2; rm -f "$dest.log"; echo "install_list: meson install failed" >&2; exit 1; }
rm -f "$dest.log"
files=$(cd "$dest" && find . ! -type d | sort)
[[ $(wc -l <<<"$files") == 4 ]] || fail "installed, not 4 files: $files"
for want in '*/bin/cxmeet' '*/man/man1/cxmeet.1' '*/bash-completion/completions/cxmeet' \
	'*/zsh/site-functions/_cxmeet'; do
	found=
	while read -r f; do
		# shellcheck disable=SC2053
		[[ $f == $want ]] && found=$f
	done <<<"$files"
	[[ -n $found ]] || { fail "nothing installed as $want: $files"; continue; }
	case $want in
	*/bin/cxmeet) "$dest/$found" --version >/dev/null || fail "the installed program does not run" ;;
	*/completions/cxmeet) cmp -s "$dest/$found" "$root/completion/cxmeet.bash" ||
		fail "the installed bash completion is not completion/cxmeet.bash" ;;
	*/_cxmeet) cmp -s "$dest/$found" "$root/completion/_cxmeet" ||
		fail "the installed zsh completion is not completion/_cxmeet" ;;
	esac
done
[[ $failures == 0 ]] && echo "install_list: ok"
exit $((failures > 0))
