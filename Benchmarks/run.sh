#!/usr/bin/env bash
# Realise's benchmark, in one command:   Benchmarks/run.sh [--quick] [--runs N] [--instructions] [--only mspdi,iati,register,xlsx,gaps,memory,postgres]
#
# Installs what it needs (Debian: libxml2-utils for xmllint, time, pkg-config, libxml2-dev, a Java 17 runtime;
# PyPI: mpxj and JPype1 into .build-bench/venv), builds Realise in release, compiles the bare SAX2 reference,
# generates the inputs under .build-bench/data (kept between runs), times everything side by side and writes the
# results into BENCHMARKS.md. --quick uses small inputs and one run, and leaves BENCHMARKS.md alone.
# The postgres section runs only when REALISE_BENCH_POSTGRES names a server's workspace it may replace, e.g.
# postgres://realise@127.0.0.1:5432/bench?schema=bench&sslmode=disable (password from PGPASSWORD or ~/.pgpass).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .build-bench

missing=()
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
[ -x /usr/bin/time ] || missing+=(time)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
pkg-config --exists libxml-2.0 2>/dev/null || missing+=(libxml2-dev)
pkg-config --exists sqlite3 2>/dev/null || missing+=(libsqlite3-dev)
if [[ " $* " == *" --instructions "* ]]; then command -v valgrind >/dev/null 2>&1 || missing+=(valgrind); fi
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
command -v cc >/dev/null 2>&1 || missing+=(gcc)
python3 -c "import venv, ensurepip" >/dev/null 2>&1 || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! .build-bench/venv/bin/python -c "import mpxj, jpype" >/dev/null 2>&1; then
    echo "installing mpxj and JPype1 into .build-bench/venv" >&2
    python3 -m venv .build-bench/venv
    .build-bench/venv/bin/pip install --quiet --disable-pip-version-check mpxj JPype1
fi

echo "building Realise (release; log in .build-bench/build.log)" >&2
if ! swift build -c release --product realise >.build-bench/build.log 2>&1; then
    tail -30 .build-bench/build.log >&2
    exit 1
fi

# shellcheck disable=SC2046
cc -O2 -Wall -Wextra -o .build-bench/sax2count Benchmarks/sax2count.c $(pkg-config --cflags --libs libxml-2.0)
# SQLite alone writing the rows an import wrote: the floor under the import's writing thread.
cc -O2 -Wall -Wextra -o .build-bench/sqlite_floor Benchmarks/sqlite_floor.c $(pkg-config --cflags --libs sqlite3)

exec python3 Benchmarks/bench.py "$@"
