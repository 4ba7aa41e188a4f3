#!/usr/bin/env bash
# Where the time goes: callgrind (valgrind) over Realise on small inputs, summarised by function.
#   Benchmarks/profile.sh [register|gaps|mspdi|iati]...   (default: all that can run)
# Needs the release build and the inputs of a --quick run (Benchmarks/run.sh --quick makes both).
# Output: .build-bench/profile/<name>.callgrind and <name>.txt (callgrind_annotate, inclusive and self).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null 2>&1 || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null; }
data=.build-bench/data
out=.build-bench/profile
mkdir -p "$out"
# Debian's valgrind 3.19 cannot read the DWARF 5 that Swift 6.3 writes; a copy without debug info keeps its
# symbol table, which is all callgrind needs to name functions.
bin=$out/realise-nodebug
objcopy --strip-debug .build/release/realise "$bin"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(register gaps mspdi iati)

profile() { # name, command...
    local name=$1; shift
    echo "profiling $name: $*" >&2
    valgrind --tool=callgrind --callgrind-out-file="$out/$name.callgrind" "$@" >/dev/null 2>"$out/$name.valgrind.log" || {
        echo "  $name failed (see $out/$name.valgrind.log)" >&2; return 0; }
    callgrind_annotate --inclusive=yes "$out/$name.callgrind" >"$out/$name.inclusive.txt" 2>/dev/null || true
    callgrind_annotate "$out/$name.callgrind" >"$out/$name.self.txt" 2>/dev/null || true
    { head -60 "$out/$name.inclusive.txt"; echo "---- self ----"; head -45 "$out/$name.self.txt"; } >"$out/$name.txt"
    echo "  $out/$name.txt" >&2
}

for target in "${targets[@]}"; do
    rm -f "$out/$target.sqlite"*
    case $target in
        register)
            r=$data/register-10000
            profile register "$bin" import --db "$out/register.sqlite" --format json \
                "$r/objectives.csv" "$r/deliverables.csv" "$r/benefits.csv" "$r/values.csv" ;;
        gaps)
            [ -f .build-bench/work/gaps-4000.sqlite ] || { echo "run Benchmarks/run.sh --quick first" >&2; exit 1; }
            cp .build-bench/work/gaps-4000.sqlite "$out/gaps.sqlite"
            profile gaps "$bin" gaps --db "$out/gaps.sqlite" --format json --as-of 2025-06-30 ;;
        mspdi)
            cp .build-bench/work/seed-mspdi-10000.sqlite "$out/mspdi.sqlite"
            profile mspdi "$bin" import --db "$out/mspdi.sqlite" --format json "$data/mspdi-10000.xml" ;;
        iati)
            profile iati "$bin" import --db "$out/iati.sqlite" --format json "$data/iati-2000.xml" ;;
        *) echo "unknown target $target" >&2; exit 64 ;;
    esac
done
