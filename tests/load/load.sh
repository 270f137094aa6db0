#!/usr/bin/env bash
# load.sh - the load test (load.c) on a server of its own: run inside
# tests/pg/with_cluster.sh as  load.sh CXMEET CXMEET_LOAD [COUNCILS]
# Makes a database (cxmeet init), COUNCILS councils (default 10) made by the
# database's owner with psql, as an owner does, then runs CXMEET_LOAD on
# them. LOAD_PROCS, LOAD_SECONDS, LOAD_THINK_MS and LOAD_P99_MS are
# CXMEET_LOAD's (see load.c).
set -euo pipefail
cx=$1 load=$2 n=${3:-10}
export TZ=UTC LC_ALL=C.UTF-8
unset CXMEET_COUNCIL CXMEET_DB
db=cxmeet_load
uri="postgresql://$PGUSER@/$db?host=$PGHOST&port=$PGPORT"
"$cx" --db "$uri" init >/dev/null
names=()
for i in $(seq 1 "$n"); do names+=("Council $i"); done
{
	for c in "${names[@]}"; do
		printf "INSERT INTO councils(name) VALUES ('%s');\n" "$c"
		printf "INSERT INTO council_members(council_id, role_name) SELECT id, current_user FROM councils WHERE name = '%s';\n" "$c"
	done
} | psql -X -q -v ON_ERROR_STOP=1 -d "$db" >/dev/null
exec "$load" "$uri" "${names[@]}"
