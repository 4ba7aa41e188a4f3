#!/usr/bin/env bash
# The web workspace under load: wrk against `realise serve` over a generated workspace of 10 000 benefits (30 000
# metrics, 90 000 measurements), on the dashboard (a signed-in session) and on GET /api/v1/gaps (an API token), with one
# server process and then two (each taking half the connections; both serve the same workspace, whose sessions they
# share). Prints wrk's requests per second and latency percentiles.
#
#   Benchmarks/web-load.sh                         # a SQLite workspace in a temporary folder
#   REALISE_WEB_POSTGRES=postgres://… Benchmarks/web-load.sh   # a PostgreSQL workspace (its schema is replaced)
#
# REALISE_BIN (default .build/release/realise), DURATION (seconds per run, default 20), CONNECTIONS (default 8).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${REALISE_BIN:-.build/release/realise}
duration=${DURATION:-20}
connections=${CONNECTIONS:-8}
for tool in wrk curl python3; do command -v "$tool" >/dev/null || { echo "error: $tool is not on PATH" >&2; exit 1; }; done
[ -x "$bin" ] || { echo "error: build the release binary first: swift build -c release --product realise" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/realise-web-load.XXXXXX")
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

python3 Benchmarks/generate.py register --benefits 10000 --metrics-per-benefit 3 --measurements-per-metric 3 \
    --out-dir "$work/plan" --seed 6 >/dev/null
db=${REALISE_WEB_POSTGRES:-$work/workspace.sqlite}
if [ -n "${REALISE_WEB_POSTGRES:-}" ]; then
    schema=$(python3 -c 'import sys, urllib.parse as u; q = u.parse_qs(u.urlparse(sys.argv[1]).query); print(q.get("schema", ["public"])[0])' "$db")
    psql "${db%%\?*}" -q -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null
fi
"$bin" import --db "$db" --no-progress "$work/plan" >/dev/null
echo "bench-password-1" | "$bin" user add bench --role analyst --password-stdin --db "$db" >/dev/null
token=$("$bin" user token bench --db "$db")

# Starts a server on a free port; prints the port.
serve() {
    "$bin" serve --db "$db" --port 0 --as-of 2025-06-30 >"$work/serve-$1.out" 2>"$work/serve-$1.log" &
    pids+=($!)
    for _ in $(seq 1 100); do
        grep -q "listening on" "$work/serve-$1.out" 2>/dev/null && break
        sleep 0.1
    done
    sed -n 's/^listening on http:\/\/[^:]*:\([0-9]*\)$/\1/p' "$work/serve-$1.out"
}
first=$(serve 1)
second=$(serve 2)

# A session, signed in through the login form as a browser does.
jar="$work/cookies"
csrf=$(curl -s -c "$jar" "http://127.0.0.1:$first/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -b "$jar" -c "$jar" -o /dev/null -d "name=bench&password=bench-password-1&csrf=$csrf" "http://127.0.0.1:$first/login"
session=$(awk '$6 == "realise_session" { print $7 }' "$jar")
[ -n "$session" ] || { echo "error: could not sign in" >&2; exit 1; }

# Warm each server's page report once (it is kept until the workspace changes), as any page view after a change does.
for port in "$first" "$second"; do curl -s -o /dev/null -b "realise_session=$session" "http://127.0.0.1:$port/"; done

run() { # NAME HEADER PATH PORTS...
    local name=$1 header=$2 path=$3; shift 3
    local per=$((connections / $#))
    local outputs=() wrks=()
    for port in "$@"; do
        wrk -t1 -c"$per" -d"${duration}s" --latency -H "$header" "http://127.0.0.1:$port$path" >"$work/wrk-$port.txt" &
        wrks+=($!)
        outputs+=("$work/wrk-$port.txt")
    done
    wait "${wrks[@]}"
    python3 - "$name" "$#" "${outputs[@]}" <<'PY'
import re, sys
name, servers, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
rps, p50, p99, errors = 0.0, [], [], 0
unit = {"us": 0.001, "ms": 1.0, "s": 1000.0}
for path in files:
    text = open(path).read()
    rps += float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    for label, bucket in (("50%", p50), ("99%", p99)):
        value, u = re.search(label + r"\s+([\d.]+)(us|ms|s)", text).groups()
        bucket.append(float(value) * unit[u])
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors += int(m.group(1)) if m else 0
print(f"{name:<22} servers={servers}  requests/s={rps:8.1f}  p50={max(p50):8.1f} ms  p99={max(p99):8.1f} ms  non-2xx={errors}")
PY
}
run "dashboard /"          "Cookie: realise_session=$session" / "$first"
run "dashboard /"          "Cookie: realise_session=$session" / "$first" "$second"
run "GET /api/v1/gaps"     "Authorization: Bearer $token" /api/v1/gaps "$first"
run "GET /api/v1/gaps"     "Authorization: Bearer $token" /api/v1/gaps "$first" "$second"
