#!/usr/bin/env bash
# Realise's shared-workspace load test on PostgreSQL (issue #11), in one command — NOT run by `swift test` or CI:
#
#   Benchmarks/pg-load-test.sh                # 8 clients for 60 s against one fresh PostgreSQL workspace
#   Benchmarks/pg-load-test.sh --quick        # smaller programmes, 15 s: checks the script itself
#   Benchmarks/pg-load-test.sh --seconds 300  # a longer soak
#
# Builds `realise` in release (log in .build-bench/pg-load/build.log) unless $REALISE_BIN names a binary. Uses the
# PostgreSQL server at $REALISE_LOAD_POSTGRES (postgres://USER:PASSWORD@HOST:PORT/DATABASE[?sslmode=…]; the test
# makes a fresh schema in that database) or, when it is unset, starts a throw-away cluster of its own: initdb into a
# temporary folder, the server on a free loopback port with password (SCRAM) authentication, stopped and removed
# when this script ends however it ends. Then runs Benchmarks/pg_load_test.py, which drives the clients, checks
# that no command failed, no write was lost, every read was consistent, the change log accounts for every write and
# same-day measurements by several people resolve as issue #11 says, prints PASS/FAIL per check and the figures,
# and exits 1 when any check fails. See BENCHMARKS.md, "Shared workspace load test (PostgreSQL)".
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-bench/pg-load
mkdir -p "$scratch"

# --help needs neither a build nor a server.
for arg in "$@"; do
    case "$arg" in -h|--help) exec python3 Benchmarks/pg_load_test.py --help ;; esac
done

if [ -z "${REALISE_BIN:-}" ]; then
    echo "building Realise (release; log in $scratch/build.log)" >&2
    if ! swift build -c release --product realise >"$scratch/build.log" 2>&1; then
        tail -30 "$scratch/build.log" >&2
        exit 1
    fi
    REALISE_BIN="$PWD/.build/release/realise"
fi
export REALISE_BIN

if [ -z "${REALISE_LOAD_POSTGRES:-}" ]; then
    # Debian keeps initdb and pg_ctl in a versioned folder off PATH: the newest one goes on it when they are not.
    if ! command -v initdb >/dev/null 2>&1 || ! command -v pg_ctl >/dev/null 2>&1; then
        pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
        [ -n "$pg_bin" ] && export PATH="$PATH:$pg_bin"
    fi
    for tool in initdb pg_ctl psql; do
        command -v "$tool" >/dev/null 2>&1 \
            || { echo "error: $tool not found: install PostgreSQL (Debian: postgresql) or set REALISE_LOAD_POSTGRES" >&2; exit 1; }
    done

    # PostgreSQL refuses to run as root: as root, the cluster is the postgres user's.
    pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/realise-pg-load.XXXXXX")
    as_pg=()
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown postgres "$pg_dir"
        as_pg=(runuser -u postgres --)
    fi
    stop_postgres() {
        "${as_pg[@]}" pg_ctl -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true
        rm -rf "$pg_dir"
    }
    trap stop_postgres EXIT
    pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # Hex only, so the password needs no escaping in the URL.
    pg_password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
    echo "$pg_password" >"$pg_dir/password"
    [ "$(id -u)" = 0 ] && chown postgres "$pg_dir/password"
    "${as_pg[@]}" initdb -D "$pg_dir/data" --username=postgres --pwfile="$pg_dir/password" --auth-local=trust \
        --auth-host=scram-sha-256 --encoding=UTF8 --locale=C >"$pg_dir/initdb.log" 2>&1 \
        || { cat "$pg_dir/initdb.log" >&2; echo "error: initdb failed" >&2; exit 1; }
    # The server's defaults otherwise (fsync on, as a shared server would run): the figures include real commits.
    "${as_pg[@]}" pg_ctl -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
        -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null \
        || { cat "$pg_dir/server.log" >&2; echo "error: the PostgreSQL server did not start" >&2; exit 1; }
    psql -q -h "$pg_dir" -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE realise_load LOGIN PASSWORD '$pg_password'" -c "CREATE DATABASE realise_load OWNER realise_load" >/dev/null
    export REALISE_LOAD_POSTGRES="postgres://realise_load:$pg_password@127.0.0.1:$pg_port/realise_load?sslmode=disable"
    echo "$(pg_ctl --version) for the load test: 127.0.0.1:$pg_port (cluster in $pg_dir)" >&2
fi

# Not exec: the trap above must still stop the server when the test ends.
python3 Benchmarks/pg_load_test.py "$@"
