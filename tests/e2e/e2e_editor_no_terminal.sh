#!/bin/bash
# e2e_editor_no_terminal - 'charter set 4' on a terminal with its output
# redirected to a file starts no editor (it would draw its screen into the
# file and wait for keys unseen): it says why, changes nothing, exits 2.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

setup_council
cat >"$tmp/editor.sh" <<'SH'
#!/bin/sh
echo started >"$(dirname "$1")/editor-ran"
echo "Typed in the editor" >"$1"
SH
chmod +x "$tmp/editor.sh"
n_socks=$((n_socks + 1))
SOCK="$tmp/sock$n_socks"
cmd=$(printf 'env VISUAL=%q TMPDIR=%q CXMEET_DB=%q %q charter set 4 >%q 2>%q; echo "rc=$?" >%q; sleep 30' \
	"$tmp/editor.sh" "$tmp" "$CXMEET_DB" "$CXMEET" "$tmp/out.txt" "$tmp/err.txt" "$tmp/rc")
tmux -S "$SOCK" -f /dev/null new-session -d -x 80 -y 24 -c "$tmp" "$cmd"
for ((i = 0; i < 50; i++)); do [ -s "$tmp/rc" ] && break; sleep 0.1; done
expect_eq "$(cat "$tmp/rc")" "rc=2" "refused as bad usage"
expect_match "$(cat "$tmp/err.txt")" "standard output is not a terminal, so no editor was started" \
	"it says why"
expect_eq "$([ -e "$tmp/editor-ran" ] && echo ran || echo "not ran")" "not ran" "no editor started"
expect_eq "$(cx_json '.organisation.prioritise // ""' export)" "" "nothing changed"
