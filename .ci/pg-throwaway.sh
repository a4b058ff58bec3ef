#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on a free 127.0.0.1 port, data in a temporary folder.
#   start: installs Debian's postgresql when missing, starts the cluster and prints
#          `export AUTONOMY_GATE_TEST_PG=postgres://postgres@127.0.0.1:<port>/postgres`
#          and `export AUTONOMY_GATE_PG_DIR=<folder>` (eval the output);
#   stop:  stops the cluster named by AUTONOMY_GATE_PG_DIR and removes its folder.
# Runs the server as the `postgres` user when started as root.
set -euo pipefail

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    if [ -z "$(pg_bin)" ]; then
      export DEBIAN_FRONTEND=noninteractive
      { apt-get update -qq && apt-get install -y -qq postgresql; } >&2
    fi
    bin="$(pg_bin)"
    dir="$(mktemp -d /tmp/autonomy-gate-pg.XXXXXX)"
    # A start that fails part-way leaves no server and no folder behind (the caller has no name to stop).
    started=0
    trap 'if [ "$started" != 1 ]; then as_postgres "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; fi' EXIT
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
    as_postgres "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-locale -E UTF8 >/dev/null
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >&2
    started=1
    echo "export AUTONOMY_GATE_TEST_PG=postgres://postgres@127.0.0.1:$port/postgres"
    echo "export AUTONOMY_GATE_PG_DIR=$dir"
    ;;
  stop)
    dir="${AUTONOMY_GATE_PG_DIR:?AUTONOMY_GATE_PG_DIR names no cluster}"
    bin="$(pg_bin)"
    if [ -d "$dir/data" ] && [ -n "$bin" ]; then as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
