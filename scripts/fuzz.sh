#!/usr/bin/env bash
# Builds the libFuzzer targets (NEWSD_FUZZ=1; FUZZ_SCRATCH, default .build-fuzz) and
# runs each for FUZZ_SECONDS, one after the other, from the seed corpus under Tests/Fuzz/.
# New inputs go to <scratch>/corpus/<target>, crashes to <scratch>/crashes/<target>-crash-*.
# Exits 1 when any target crashed (or broke an invariant), else 0.
# Usage: scripts/fuzz.sh [TARGET...]   (default: all; FUZZ_SECONDS, SWIFT and FUZZ_FLAGS from the environment)
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
SECONDS_EACH=${FUZZ_SECONDS:-300}
# The build folder: its own by default; the normal .build also works (only newsd's modules are rebuilt).
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
# target folder under Tests/Fuzz, product, dictionary, largest input in bytes
TARGETS="parser:FuzzParser:parser.dict:4096
front-matter:FuzzFrontMatter:parser.dict:2048
json:FuzzJSON:json.dict:4096
state:FuzzState:state.dict:2048
request:FuzzRequest:request.dict:4096
config:FuzzConfig:config.dict:4096
html:FuzzHTML:html.dict:16384"

wanted=("$@")
selected=()
while IFS= read -r spec; do
    name=${spec%%:*}
    if [ ${#wanted[@]} -eq 0 ] || [[ " ${wanted[*]} " == *" $name "* ]]; then selected+=("$spec"); fi
done <<< "$TARGETS"
[ ${#selected[@]} -gt 0 ] || { echo "fuzz: no such target: ${wanted[*]} (have: $(cut -d: -f1 <<< "$TARGETS" | xargs))" >&2; exit 2; }

mkdir -p "$SCRATCH"
build=(env NEWSD_FUZZ=1 "$SWIFT" build --scratch-path "$SCRATCH")
for spec in "${selected[@]}"; do
    IFS=: read -r name product dict maxlen <<< "$spec"
    echo "fuzz: building $product"
    if ! "${build[@]}" --product "$product" > "$SCRATCH/build-$name.log" 2>&1; then
        grep -v "Cannot export local symbol" "$SCRATCH/build-$name.log" | tail -30 >&2
        echo "fuzz: build of $product failed (log: $SCRATCH/build-$name.log)" >&2
        exit 1
    fi
done
bin=$("${build[@]}" --show-bin-path)

failed=()
for spec in "${selected[@]}"; do
    IFS=: read -r name product dict maxlen <<< "$spec"
    mkdir -p "$SCRATCH/corpus/$name" "$SCRATCH/crashes"
    log="$SCRATCH/$name.log"
    echo "fuzz: $name for ${SECONDS_EACH}s (log: $log)"
    set +e
    SWIFT_BACKTRACE=enable=no "$bin/$product" -max_total_time="$SECONDS_EACH" -dict="Tests/Fuzz/$dict" \
        -max_len="$maxlen" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$SCRATCH/crashes/$name-" ${FUZZ_FLAGS:-} \
        "$SCRATCH/corpus/$name" "Tests/Fuzz/$name" > "$log" 2>&1
    status=$?
    set -e
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    if [ $status -ne 0 ]; then
        failed+=("$name")
        echo "fuzz: $name FAILED (exit $status) after ${runs:-?} runs:" >&2
        grep -E "invariant broken|Fatal error|ERROR: |SUMMARY|Test unit written to|deadly signal|Base64" "$log" | head -20 >&2
    else
        echo "fuzz: $name ok: ${runs:-?} runs, corpus $(ls "$SCRATCH/corpus/$name" | wc -l) inputs"
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: crashes in: ${failed[*]} (inputs in $SCRATCH/crashes; reproduce with $bin/<Fuzz…> FILE)" >&2
    exit 1
fi
echo "fuzz: all ${#selected[@]} targets ran ${SECONDS_EACH}s each without a crash"
