#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster on 127.0.0.1: initdb into a temporary
# folder, start it on a free port, export BANDMATE_TEST_POSTGRES (a URL to its maintenance
# database; tests create their own databases in it), run the command, stop and delete the
# cluster. PostgreSQL refuses to run as root, so as root the cluster belongs to the unprivileged
# "postgres" user that Debian's package creates.
#
#   tests/support/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
    echo "with-postgres.sh: PostgreSQL's server is not installed (apt-get install postgresql; packaging/debian-packages.txt lists it)" >&2
    exit 1
fi
dir="$(mktemp -d /tmp/bandmate-pg.XXXXXX)"
as_owner=()
if [[ "$(id -u)" == 0 ]]; then
    chown postgres: "$dir"
    as_owner=(runuser -u postgres --)
fi
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
stop() {
    "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop > /dev/null 2>&1 || true
    rm -rf "$dir"
}
trap stop EXIT
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" --username=bandmate --auth=trust --encoding=UTF8 --no-locale > "$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
# No fsync: the cluster lives for one test run (BANDMATE_PG_DURABLE=1 keeps fsync and
# synchronous_commit on, as a production server runs, for benchmarks). Enough connections for
# two servers' workers.
durability="-F"
if [[ "${BANDMATE_PG_DURABLE:-}" == 1 ]]; then
    durability="-c fsync=on -c synchronous_commit=on"
fi
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $dir $durability -c max_connections=200" start > /dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
export BANDMATE_TEST_POSTGRES="postgresql://bandmate@127.0.0.1:$port/postgres"
set +e
"$@"
status=$?
set -e
if [[ $status != 0 ]]; then
    echo "with-postgres.sh: the PostgreSQL server's log:" >&2
    tail -n 30 "$dir/server.log" >&2
fi
exit $status
