#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster for tests, as a non-root user, on a free port.
#   scripts/postgres-throwaway.sh start DIR [durable]   -> prints the database URL
#   scripts/postgres-throwaway.sh stop DIR
# Tests run with fsync off; `durable` keeps PostgreSQL's defaults, as benchmarks should.
set -euo pipefail
action=${1:?start or stop}
dir=${2:?data folder}

as_owner() {
    if [ "$(id -u)" = 0 ]; then
        su postgres -s /bin/bash -c "$*"
    else
        bash -c "$*"
    fi
}

case "$action" in
start)
    mkdir -p "$dir"
    chmod 755 "$dir" "$(dirname "$dir")"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    fsync="-c fsync=off"
    [ "${3:-}" = durable ] && fsync=""
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_owner "initdb -D '$dir/data' -U jieyou --auth=trust --encoding=UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1"
    as_owner "pg_ctl -D '$dir/data' -l '$dir/server.log' -w -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 $fsync -c max_connections=300\" start >/dev/null"
    echo "postgres://jieyou@127.0.0.1:$port/postgres"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "pg_ctl -D '$dir/data' -m fast -w stop >/dev/null" || true
    fi
    ;;
*)
    echo "usage: $0 start DIR [durable] | stop DIR" >&2
    exit 2
    ;;
esac
