#!/usr/bin/env bash
# catchup.sh BIN_DIR CORPUS [CONFIG_JSON_BODY] — how fast newsd catches up on a folder of files
# (RESTART=1: and what a restarted daemon keeps after reconciling them).
# Copies CORPUS (a folder of article files, e.g. from scripts/gen-corpus.py) into a fresh inbox,
# starts BIN_DIR/newsd on it, waits until every file is committed, and prints the wall time, the
# rate, the CPU time of the daemon (by thread) and of each parser worker, the peak memory of each
# and the size of its active-story index and recent bucket rows. CONFIG_JSON_BODY is extra config, e.g. '"parse_workers": 1'.
set -euo pipefail
bin=${1:?usage: catchup.sh BIN_DIR CORPUS [CONFIG]}
corpus=${2:?usage: catchup.sh BIN_DIR CORPUS [CONFIG]}
extra=${3:-}
n=$(find "$corpus" -maxdepth 1 -type f ! -name 'manifest.jsonl' | wc -l)
work=$(mktemp -d -t newsd-catchup.XXXXXX)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
mkdir "$work/inbox"
find "$corpus" -maxdepth 1 -type f ! -name 'manifest.jsonl' -exec cp -t "$work/inbox/" {} +
echo "{$extra}" > "$work/config.json"
t0=$(date +%s.%N)
"$bin/newsd" --config "$work/config.json" --inbox "$work/inbox" --database "$work/db" --socket "$work/sock" \
    --log-level warning 2>"$work/log" &
pid=$!
# The poll costs little CPU (no interpreter started ten times a second): the rate measured is
# newsd's, not the poller's.
field() { grep -oE "\"$1\" *: *[0-9]+" <<<"$2" | grep -oE '[0-9]+$' || echo -1; }
until st=$("$bin/newsctl" --socket "$work/sock" --json status 2>/dev/null || true)
    [ "$(field pending "$st")" = 0 ] && [ "$(field files "$st")" -ge "$n" ]; do sleep 0.2; done
t1=$(date +%s.%N)
python3 -c "print(f'{$n} files in {$t1 - $t0:.1f} s: {$n / ($t1 - $t0):.0f} files/s')"
ticks=$(getconf CLK_TCK)
cpu() { awk -v t="$ticks" '{printf "%.2f s", ($14 + $15) / t}' "$1"; }
echo "daemon CPU: $(cpu /proc/$pid/stat)"
for task in /proc/$pid/task/*; do echo "  thread $(cat "$task/comm"): $(cpu "$task/stat")"; done | sort -t: -k2 -rn | head -4
for child in $(cat /proc/$pid/task/*/children); do
    echo "parser worker $child CPU: $(cpu /proc/$child/stat), memory: $(grep -E "^VmHWM" /proc/$child/status | tr -s " \t" " ")"
done
echo "daemon memory: $(grep -E '^VmHWM' /proc/$pid/status | tr -s ' \t' ' ')"
"$bin/newsctl" --socket "$work/sock" metrics | grep -E '^(newsd_(story_index_stories|story_index_bytes|recent_buckets_rows|recent_buckets_bytes|sqlite_memory_bytes|sqlite_memory_highest_bytes)|process_resident_memory_bytes) ' || true
"$bin/newsctl" --socket "$work/sock" metrics | grep -E "^newsd_(commits|batches|transactions)[a-z_]* " || true
# RESTART=1: stop newsd, start it again on the same inbox and database, and print its memory once the
# reconcile is done (what a restarted service keeps).
if [ -n "${RESTART:-}" ]; then
    kill "$pid"; wait "$pid" 2>/dev/null || true
    t0=$(date +%s.%N)
    "$bin/newsd" --config "$work/config.json" --inbox "$work/inbox" --database "$work/db" --socket "$work/sock" \
        --log-level warning 2>>"$work/log" &
    pid=$!
    sleep 1
    until st=$("$bin/newsctl" --socket "$work/sock" --json status 2>/dev/null || true)
        [ "$(field pending "$st")" = 0 ] && grep -q '"watching"' <<<"$st"; do sleep 0.2; done
    t1=$(date +%s.%N)
    python3 -c "print(f'restart: {$n} files reconciled in {$t1 - $t0:.1f} s')"
    sleep 3
    echo "restarted daemon memory: $(grep -E '^(VmHWM|VmRSS)' /proc/$pid/status | tr -s ' \t' ' ' | tr '\n' ' ')"
fi
