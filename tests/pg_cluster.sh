#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: a temporary folder, a Unix socket in it and no
# network port. As root the server runs as the 'postgres' user, because initdb refuses root.
#
#   eval "$(tests/pg_cluster.sh start)"   # prints the exports the tests read
#   tests/pg_cluster.sh stop              # stops it and removes the folder
set -euo pipefail

bin_dir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$found" ]; then
    echo "PostgreSQL is not installed (apt-get install postgresql)." >&2
    exit 1
  fi
  echo "$found"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local bin dir user
  bin=$(bin_dir)
  dir=$(mktemp -d -t woninginbraken-pg.XXXXXX)
  chmod 755 "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; user=postgres; else user=$(id -un); fi
  as_owner "$bin/initdb" -D "$dir/data" -U "$user" --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "export WONINGINBRAKEN_TEST_PG='postgresql://$user@/postgres?host=$dir'"
  echo "export WONINGINBRAKEN_TEST_PG_DIR='$dir'"
}

stop() {
  local dir=${1:-${WONINGINBRAKEN_TEST_PG_DIR:-}}
  if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
    echo "No cluster to stop: give its folder or set WONINGINBRAKEN_TEST_PG_DIR." >&2
    exit 1
  fi
  as_owner "$(bin_dir)/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop [folder]" >&2; exit 2 ;;
esac
