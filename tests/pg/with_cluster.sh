#!/usr/bin/env bash
# with_cluster.sh - runs a command against a throwaway PostgreSQL cluster of
# its own (cluster.sh), and stops it afterwards, whatever the command did:
#   with_cluster.sh COMMAND [ARG...]
# The command sees the cluster's environment (PGHOST, PGPORT, PGPASSFILE,
# PGUSER, PGDATABASE, CXMEET_PG_URI), CXMEET_PG_DIR (the cluster's folder)
# and CXMEET_CONTRACT_STORE, a URI whose %d names a new database.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d /tmp/cxmeet-pg.XXXXXX)
trap '"$here/cluster.sh" stop "$dir"' EXIT
"$here/cluster.sh" start "$dir" >/dev/null
eval "$("$here/cluster.sh" env "$dir")"
export CXMEET_PG_DIR="$dir"
export CXMEET_CONTRACT_STORE="postgresql://$PGUSER@/cxmeet_contract_%d?host=$dir&port=$PGPORT"
"$@"
