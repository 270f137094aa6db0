#!/bin/bash
# e2e_refusal_writes_nothing - `cxmeet tui` on a terminal it refuses (TERM=dumb)
# exits 2, which means "nothing was written": the terminal is checked before
# the database is opened, so no file is created (once, it was).
set -euo pipefail
. "$(dirname "$0")/lib.sh" "$@"

export CXMEET_DB="$tmp/new.db"
rc=$(script -qec "$(printf '%q ' env TERM=dumb "$CXMEET" tui)2>/dev/null; echo \$?" /dev/null </dev/null | tr -d '\r')
expect_eq "$rc" 2 "TERM=dumb is refused with exit status 2"
expect_eq "$(ls "$tmp" | grep -c '^new\.db' || true)" 0 "the refusal created no database file"
