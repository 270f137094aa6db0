#!/bin/bash
# lazy_libpq.sh - the program does not start libpq: it is loaded when a
# server is named (src/store/pg/pq.c). Linked, its two dozen libraries
# (OpenSSL, GnuTLS, Kerberos, LDAP) took 5 ms of CPU at every start, on a
# file too. Fails when the program names libpq, or any of them, as needed.
# Usage: lazy_libpq.sh CXMEET
set -euo pipefail
needed=$(readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
bad=$(printf '%s\n' "$needed" | grep -E '^lib(pq|ssl|crypto|gnutls|gssapi|ldap|krb5)' || true)
if [ -n "$bad" ]; then
	printf 'lazy_libpq: %s starts with libraries it loads only for a server:\n%s\n' "$1" "$bad" >&2
	exit 1
fi
echo "lazy_libpq: needed at start: $(printf '%s ' $needed)"
