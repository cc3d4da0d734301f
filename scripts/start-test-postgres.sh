#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for tests and benchmarks and prints its URL on stdout.
#
#   scripts/start-test-postgres.sh [PORT] [DIR]      (defaults: 55432, a new temp dir)
#   scripts/start-test-postgres.sh stop DIR          (stops; rm -rf DIR discards the data)
#
# Starting on a DIR that already holds a cluster reuses it (and its data); if that cluster is
# already running, only the URL is printed.
# Trust authentication on 127.0.0.1 only; never use this cluster for real data.
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z "${bindir}" ]]; then
  bindir=$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/pg_ctl)")
fi
if [[ ! -x "${bindir}/pg_ctl" ]]; then
  echo "PostgreSQL binaries not found (install the 'postgresql' package)" >&2
  exit 1
fi

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [[ "${1:-}" == "stop" ]]; then
  dir=${2:?usage: start-test-postgres.sh stop DIR}
  as_owner "${bindir}/pg_ctl" -D "${dir}/data" -m fast stop >&2
  exit 0
fi

port=${1:-55432}
dir=${2:-$(mktemp -d -t ponte-pg-XXXXXX)}
mkdir -p "${dir}"
if [[ $(id -u) -eq 0 ]]; then chown postgres: "${dir}"; fi

if [[ ! -f "${dir}/data/PG_VERSION" ]]; then
  as_owner "${bindir}/initdb" -D "${dir}/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
fi
if as_owner "${bindir}/pg_ctl" -D "${dir}/data" status >/dev/null 2>&1; then
  echo "postgres://postgres@127.0.0.1:${port}/postgres"
  echo "PostgreSQL already running from ${dir}" >&2
  exit 0
fi
as_owner "${bindir}/pg_ctl" -D "${dir}/data" -l "${dir}/server.log" -w \
  -o "-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >&2

echo "postgres://postgres@127.0.0.1:${port}/postgres"
echo "PostgreSQL running from ${dir} (stop: $0 stop ${dir})" >&2
