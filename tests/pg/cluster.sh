#!/usr/bin/env bash
# cluster.sh - a throwaway PostgreSQL cluster for the tests.
#
#   cluster.sh start DIR   initdb into DIR (made if missing), start the server on a
#                          Unix socket inside DIR only, make the owner role and the
#                          database; prints the environment (as `env` does)
#   cluster.sh env DIR     prints the environment to use, as shell assignments:
#                          eval "$(tests/pg/cluster.sh env DIR)"
#   cluster.sh stop DIR    stops the server and removes DIR: nothing is left behind
#   cluster.sh down DIR    stops the server at once, keeping DIR (a server gone
#                          in the middle of a meeting)
#   cluster.sh up DIR      starts it again after down
#
# Authentication is scram-sha-256, also on the socket. The passwords (of the
# superuser cxmeet_super and of the database's owner cxmeet_owner, who may make
# databases and roles) are random, kept in DIR/pgpass (mode 0600, the
# PGPASSFILE), never on a command line. PostgreSQL refuses to run as root:
# run by root, the server runs as an unprivileged account ($CXMEET_PG_USER,
# default nobody) that owns DIR; the clients still run as root.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PORT=5432 # the socket's name only: DIR is this cluster's own
OWNER=cxmeet_owner
SUPER=cxmeet_super
DBNAME=cxmeet

die() { echo "cluster.sh: $*" >&2; exit 1; }

[ $# -eq 2 ] || die "usage: cluster.sh start|stop|down|up|env DIR"
cmd=$1
dir=$2

# The server keeps the real clock: a run with the clock moved (libfaketime
# preloaded, .ci/run) moves the program's, not the server's, whose lock
# timeouts then never fired.
# Unset before runuser, not after: a program run as the server's account
# with libfaketime still preloaded could not open the clock's semaphore that
# root's processes made, and failed (initdb, now and then).
as_server() {
	if [ "$(id -u)" -eq 0 ]; then
		env -u LD_PRELOAD -u FAKETIME -u FAKETIME_SHARED \
			runuser -u "${CXMEET_PG_USER:-nobody}" -- "$@"
	else
		env -u LD_PRELOAD -u FAKETIME -u FAKETIME_SHARED "$@"
	fi
}

print_env() {
	local d
	d=$(cd "$1" && pwd)
	printf 'export PGHOST=%q\n' "$d"
	printf 'export PGPORT=%q\n' "$PORT"
	printf 'export PGPASSFILE=%q\n' "$d/pgpass"
	printf 'export PGUSER=%q\n' "$OWNER"
	printf 'export PGDATABASE=%q\n' "$DBNAME"
	printf 'export CXMEET_PG_URI=%q\n' "postgresql://$OWNER@/$DBNAME?host=$d&port=$PORT"
}

# A random password of letters and digits (nothing to quote in SQL or pgpass).
password() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32; }

start() {
	[ -x "$PG_BIN/initdb" ] || die "no initdb in $PG_BIN (install postgresql)"
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	[ ! -e "$dir/data" ] || die "$dir already holds a cluster"
	if [ ${#dir} -gt 90 ]; then die "$dir is too long for a socket path"; fi
	chmod 0700 "$dir"
	umask 077
	local superpw ownerpw
	superpw=$(password)
	ownerpw=$(password)
	# The client's password file: the caller's, readable by the caller only.
	printf '*:*:*:%s:%s\n*:*:*:%s:%s\n' "$SUPER" "$superpw" "$OWNER" "$ownerpw" >"$dir/pgpass"
	chmod 0600 "$dir/pgpass"
	# initdb reads the superuser's password from a file the server's account reads.
	printf '%s\n' "$superpw" >"$dir/superpw"
	if [ "$(id -u)" -eq 0 ]; then
		chown "${CXMEET_PG_USER:-nobody}" "$dir" "$dir/superpw"
	fi
	(cd / && as_server "$PG_BIN/initdb" -D "$dir/data" -U "$SUPER" --pwfile="$dir/superpw" \
		--auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1) ||
		{ rm -f "$dir/superpw"; cat "$dir/initdb.log" >&2; die "initdb failed"; }
	rm -f "$dir/superpw"
	cat >>"$dir/data/postgresql.conf" <<-EOF
		listen_addresses = ''
		unix_socket_directories = '$dir'
		port = $PORT
		fsync = off
		synchronous_commit = off
		full_page_writes = off
		max_connections = 200
		shared_buffers = 32MB
		password_encryption = 'scram-sha-256'
	EOF
	(cd / && as_server "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
		>/dev/null) || { cat "$dir/server.log" >&2; die "the server did not start"; }
	# The password reaches the server in SQL on standard input, not in argv.
	PGPASSFILE="$dir/pgpass" psql -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$PORT" -U "$SUPER" \
		-d postgres >/dev/null <<-EOF
		CREATE ROLE $OWNER LOGIN CREATEDB CREATEROLE PASSWORD '$ownerpw';
		CREATE DATABASE $DBNAME OWNER $OWNER;
	EOF
	print_env "$dir"
}

stop() {
	[ -d "$dir" ] || return 0
	if [ -f "$dir/data/postmaster.pid" ]; then
		(cd / && as_server "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 60 stop \
			>/dev/null 2>&1) || true
	fi
	rm -rf "$dir"
}

down() {
	(cd / && as_server "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 60 stop >/dev/null)
}

up() {
	(cd / && as_server "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
		>/dev/null) || { cat "$dir/server.log" >&2; die "the server did not start"; }
}

case $cmd in
start) start ;;
stop) stop ;;
down) down ;;
up) up ;;
env) [ -f "$dir/pgpass" ] || die "no cluster in $dir"; print_env "$dir" ;;
*) die "usage: cluster.sh start|stop|down|up|env DIR" ;;
esac
