#!/bin/bash
# e2e_bug_refusal_creates_db - KNOWN BUG, registered with should_fail (remove
# that in tests/meson.build once fixed). `cxmeet tui` on a terminal it refuses
# (TERM=dumb) exits 2, which include/cxmeet/util.h documents as "bad usage or
# bad input: nothing was written", yet it has created and set up a new
# database first: src/cli/cmd_tui.c calls cli_open (which creates the file and
# runs setup_ensure) before tui_run, where the terminal is checked.
# Expected: no database file after the refusal. A fix: check the terminal
# (tui.c's terminal_usable, made public) before cli_open in cmd_tui.c.
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

export CXMEET_DB="$tmp/new.db"
rc=$(script -qec "$(printf '%q ' env TERM=dumb "$CXMEET" tui)2>/dev/null; echo \$?" /dev/null </dev/null | tr -d '\r')
expect_eq "$rc" 2 "TERM=dumb is refused with exit status 2"
expect_eq "$(ls "$tmp" | grep -c '^new\.db' || true)" 0 "the refusal created no database file"
