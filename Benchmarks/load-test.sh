#!/usr/bin/env bash
# Realise's load test (issue #7, item 6), in one command — NOT run by `swift test` or CI:
#
#   Benchmarks/load-test.sh            # 100 000-task plan, 20 000 IATI activities, 10 000 weekly metrics × 52 weeks
#   Benchmarks/load-test.sh --quick    # small inputs, about a minute: checks the script itself
#
# Builds `realise` in release (`swift build -c release`), generates the inputs with Benchmarks/generate.py (seeded,
# kept in .build-bench/load/data and regenerated when the generator changes), imports them into one fresh workspace
# (.build-bench/load/workspace.sqlite), schedules a few reviews, runs `gaps`, `list` and `review due`, checks every
# answer against what the generator knows, and prints PASS/FAIL per check with the wall time, CPU time and peak RSS
# (`/usr/bin/time -v`) of each command. Exits non-zero when any check fails. See BENCHMARKS.md, "Load test".
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .build-bench/load

if [ ! -x /usr/bin/time ]; then
    echo "installing: time" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi

echo "building Realise (release; log in .build-bench/load/build.log)" >&2
if ! swift build -c release --product realise >.build-bench/load/build.log 2>&1; then
    tail -30 .build-bench/load/build.log >&2
    exit 1
fi

exec python3 Benchmarks/load_test.py "$@"
