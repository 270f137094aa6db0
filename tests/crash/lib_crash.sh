# shellcheck shell=bash disable=SC2154 # $tmp and $CXMEET come from ../e2e/lib.sh
# lib_crash.sh - sourced by the tests in tests/crash/ after ../e2e/lib.sh.
#
# These tests run for a minute while other tests may rebuild the shared build
# directory: a relink in the middle would swap (or truncate) the binary under
# them. So they run a private copy of it, taken once it starts.
private_binary() {
	local i
	for ((i = 0; i < 60; i++)); do
		if cp "$CXMEET" "$tmp/cxmeet.bin" 2>/dev/null && "$tmp/cxmeet.bin" --version >/dev/null 2>&1; then
			CXMEET="$tmp/cxmeet.bin"
			return 0
		fi
		sleep 0.5 # a build is writing the binary: wait for it to finish
	done
	echo "cannot run a copy of $CXMEET" >&2
	exit 1
}
private_binary
