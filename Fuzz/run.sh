#!/usr/bin/env bash
# Builds the libFuzzer harnesses (Fuzz/Package.swift) with -sanitize=fuzzer,address and runs each in turn,
# one at a time and niced, for SECONDS (default 300), then prints per-target figures and any findings.
#
#   Fuzz/run.sh [SECONDS] [TARGET...]        e.g. Fuzz/run.sh 20 (smoke), Fuzz/run.sh 600 mspdi iati
#
# Targets (default: all): realise-xml mspdi iati gmpp results-csv results-group register-csv csv sniff
# mapping options.
# Environment: FUZZ_MAX_LEN (default 65536), FUZZ_NO_BUILD=1 (reuse the last build), FUZZ_NICE (default 10).
#
# Scratch (git-ignored): .build-fuzz/ — corpus/<target> (the growing corpus, kept between runs),
# seeds/<target> (rebuilt each run from the test fixtures), findings/<target> (crash-*, timeout-*, oom-*,
# leak-* inputs), logs/<target>.log. Reproduce a finding with
#   .build-fuzz/release/fuzz-<target> .build-fuzz/findings/<target>/crash-…
# and once fixed, keep it under Tests/RealiseImportTests/Fixtures/fuzz/<target>/ (FuzzRegressionTests reads it).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-300}
shift || true
all=(realise-xml mspdi iati gmpp results-csv results-group register-csv csv sniff mapping options)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
max_len=${FUZZ_MAX_LEN:-65536}
nice_level=${FUZZ_NICE:-10}
scratch=$root/.build-fuzz
fixtures=$root/Tests/RealiseImportTests/Fixtures
shared=$root/../shared/samples   # the public sample files, when this machine has them (never copied into git)

for target in "${targets[@]}"; do
    [[ " ${all[*]} " == *" $target "* ]] || { echo "unknown target '$target'; one of: ${all[*]}" >&2; exit 64; }
done

if [ "${FUZZ_NO_BUILD:-}" != 1 ]; then
    echo "== building the harnesses (release, -sanitize=fuzzer,address) into .build-fuzz"
    # ld.gold's "Cannot export local symbol '__asan_extra_spill_area'" is ASan's and harmless; it is hidden.
    (cd Fuzz && nice -n "$nice_level" swift build -c release --build-path "$scratch" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1) |
        grep -v -e '__asan_extra_spill_area' -e '^\[[0-9]*/[0-9]*\]' || true
    for target in "${targets[@]}"; do
        [ -x "$scratch/release/fuzz-$target" ] || { echo "the build failed: no $scratch/release/fuzz-$target" >&2; exit 1; }
    done
fi

# The seed files of a target, one path a line (a folder, for results-group: its tables make one seed).
seed_files() {
    local xml_fixtures=("$fixtures"/xml/*.xml "$fixtures"/validation/*.xml "$root"/imports/*.xml
                        "$root"/Tests/RealiseReportsTests/Golden/export.xml)
    case $1 in
    realise-xml) ls "${xml_fixtures[@]}" ;;
    mspdi) ls "$fixtures"/mspdi/*.xml; ls "$shared"/mspdi/*.xml 2>/dev/null || true ;;
    iati) ls "$fixtures"/iati/*.xml; ls "$shared"/iati/*.xml 2>/dev/null || true ;;
    gmpp) ls "$fixtures"/gmpp/*.csv; ls "$shared"/csv/gmpp*.csv 2>/dev/null || true ;;
    results-csv) find "$fixtures"/results-csv -name '*.csv'; ls "$shared"/csv/okfn*.csv 2>/dev/null || true ;;
    results-group) find "$fixtures"/results-csv -mindepth 1 -type d ;;
    register-csv) find "$fixtures"/csv "$fixtures"/validation "$root"/imports -name '*.csv' ;;
    csv) find "$root"/Tests "$root"/imports -name '*.csv' -not -path '*/fuzz/*'; ls "$shared"/csv/*.csv 2>/dev/null || true ;;
    sniff) find "$root"/Tests "$root"/imports \( -name '*.csv' -o -name '*.xml' \) -not -path '*/fuzz/*'
           find "$shared" -type f \( -name '*.csv' -o -name '*.xml' \) 2>/dev/null || true ;;
    mapping) find "$fixtures" -name '*.yaml' -not -path '*/fuzz/*' ;;
    options) ls "$fixtures"/mspdi/*.xml "$fixtures"/csv/*.csv "$fixtures"/xml/valid-plan.xml ;;
    esac
    # Inputs a fuzzer once found (regression fixtures) seed their target again.
    [ -d "$fixtures/fuzz/$1" ] && find "$fixtures/fuzz/$1" -type f
    return 0
}

# The prefixes of fuzz-options' seeds (its input is FLAGS PROGRAMME \0 ALIAS … \0\0 BODY; see its Harness.swift),
# given to the seed files in turn, for printf '%b'.
option_prefixes=('\x01PRG-1\0Benefit\0Strategic Objective\0\0' '\x00\0\0' '\x01\0\0' '\x00Supplier\0text8\0\0'
                 '\x01a:T2\0BENEFITS\0\0')

# Writes seed number $2 of target $1 from the file (or folder) $3 to $4.
write_seed() {
    if [ "$1" = results-group ] && [ -d "$3" ]; then
        # A folder's tables (at most four, in join order) as one input, cut by form feeds as the harness cuts.
        local sep='' table count=0
        for table in activities results indicators indicator_periods descriptions participating_orgs; do
            [ -f "$3/$table.csv" ] && [ $count -lt 4 ] || continue
            count=$((count + 1))
            printf '%b' "$sep"; cat "$3/$table.csv"; sep='\f'
        done | head -c "$max_len"
    elif [ "$1" = options ] && [[ "$3" != */fuzz/* ]]; then
        { printf '%b' "${option_prefixes[$(( $2 % ${#option_prefixes[@]} ))]}"; cat "$3"; } | head -c "$max_len"
    else
        head -c "$max_len" "$3"
    fi > "$4"
}

# Seeds no file gives: fuzz-options' option values alone (the harness then reads its fixed files).
extra_seeds() {
    [ "$1" = options ] || return 0
    local n=0 prefix
    for prefix in "${option_prefixes[@]}" '\x01PRG-1' '\x00Benefit\0Objective\0Outcome'; do
        n=$((n + 1))
        printf '%b' "${prefix%\\0\\0}" > "$2/options-$n"
    done
}

dictionary() {
    case $1 in
    realise-xml|mspdi|iati|sniff|mapping|options) echo "$root/Fuzz/dictionaries/$1.dict" ;;
    *) echo "$root/Fuzz/dictionaries/csv.dict" ;;
    esac
}

export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer || true)}
# Swift's own crash backtracer would catch the signal first and confuse ASan; libFuzzer reports it instead.
export SWIFT_BACKTRACE=enable=no
# Foundation's leak on reading an empty file (see the file) is not a finding.
export LSAN_OPTIONS=suppressions=$root/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}
summary=()
found_any=0
for target in "${targets[@]}"; do
    corpus=$scratch/corpus/$target seeds=$scratch/seeds/$target findings=$scratch/findings/$target
    log=$scratch/logs/$target.log
    rm -rf "$seeds"
    mkdir -p "$corpus" "$seeds" "$findings" "$scratch/logs"
    # Seeds longer than -max_len are cut to it (a truncated plan is still a good seed).
    n=0
    while IFS= read -r file; do
        n=$((n + 1))
        write_seed "$target" "$n" "$file" "$seeds/$n-$(basename "$file")"
    done < <(seed_files "$target")
    extra_seeds "$target" "$seeds"
    before=$(find "$findings" -type f | wc -l)
    echo "== fuzz-$target: ${seconds}s, $n seeds, corpus $(find "$corpus" -type f | wc -l) files, dictionary $(basename "$(dictionary "$target")")"
    start=$(date +%s)
    set +e
    nice -n "$nice_level" "$scratch/release/fuzz-$target" "$corpus" "$seeds" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len="$max_len" \
        -dict="$(dictionary "$target")" -artifact_prefix="$findings/" -print_final_stats=1 > "$log" 2>&1
    status=$?
    set -e
    elapsed=$(( $(date +%s) - start ))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | grep 'cov:' | tail -1)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$last")
    files=$(find "$corpus" -type f | wc -l)
    size=$(du -sh "$corpus" | cut -f1)
    new=$(( $(find "$findings" -type f | wc -l) - before ))
    [ "$new" -gt 0 ] && found_any=1
    summary+=("$(printf '%-13s %6ss %10s %8s %7s %7s %7s %7s %3s' "$target" "$elapsed" "${execs:-?}" "${rate:-?}" \
                "${cov:-?}" "${ft:-?}" "$files" "$size" "$new")")
    if [ "$new" -gt 0 ] || [ "$status" -ne 0 ]; then
        echo "   fuzz-$target stopped with status $status; the report (from $log):"
        grep -E -m 12 -e 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)' -e 'Fatal error' -e 'invariant broken' \
            -e '^ *#[0-9]+ 0x' -e 'Test unit written' -e 'SUMMARY' "$log" | sed 's/^/   /' || true
    fi
done

echo
echo "== figures (seconds run, executions, executions/s, coverage: edges (cov) and features (ft), corpus, new findings)"
printf '%-13s %7s %10s %8s %7s %7s %7s %7s %3s\n' target seconds execs exec/s cov ft files size new
printf '%s\n' "${summary[@]}"
echo
all_findings=$(find "$scratch/findings" -type f 2>/dev/null | sort)
if [ -n "$all_findings" ]; then
    echo "== findings kept in .build-fuzz/findings (reproduce: .build-fuzz/release/fuzz-<target> FILE)"
    printf '%s\n' "$all_findings" | sed "s|^$root/||"
else
    echo "== no findings"
fi
exit $found_any
