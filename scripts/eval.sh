#!/usr/bin/env bash
# Parser quality, measured through the running daemon: the five seeds against eval/seeds.expected.json,
# then a corpus from scripts/gen-corpus.py against its manifest. Needs nothing outside the repository.
#   eval.sh BIN_DIR
set -uo pipefail
bin=${1:?bin dir}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d -t newsd-eval.XXXXXX)
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT

run_daemon() {  # inbox db socket
    "$bin/newsd" --inbox "$1" --database "$2" --socket "$3" --log-level warning 2>>"$work/newsd.log" &
    pid=$!
    for _ in $(seq 1 600); do [ -S "$3" ] && break; sleep 0.1; done
}
wait_idle() {  # socket expected-files
    for _ in $(seq 1 1200); do
        n=$("$bin/newsctl" --socket "$1" --json status | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["files"] if s["pending"]==0 and s["state"]=="watching" else -1)')
        [ "$n" -ge "$2" ] && return 0
        sleep 0.2
    done
    echo "eval: newsd did not finish ingesting" >&2
    return 1
}

echo "== seeds against eval/seeds.expected.json (score-seeds.py) =="
mkdir -p "$work/seeds/inbox"
cp "$here"/../seeds/*.txt "$work/seeds/inbox/"
run_daemon "$work/seeds/inbox" "$work/seeds/db" "$work/seeds/sock"
wait_idle "$work/seeds/sock" 5
python3 "$here/dump-articles.py" "$work/seeds/sock" > "$work/seeds.jsonl"
python3 "$here/score-seeds.py" "$work/seeds.jsonl" | tail -n 40
seeds_rc=${PIPESTATUS[0]}
kill $pid; wait $pid 2>/dev/null

echo
echo "== gen-corpus.py --count 2000 --seed 7 --malformed-fraction 0.05 --append-fraction 0.05 against its manifest =="
mkdir -p "$work/corpus/inbox"
python3 "$here/gen-corpus.py" --out "$work/corpus/inbox" --count 2000 --seed 7 --malformed-fraction 0.05 \
    --append-fraction 0.05 --appends "$work/corpus/appends" --manifest "$work/corpus/manifest.jsonl" --quiet
run_daemon "$work/corpus/inbox" "$work/corpus/db" "$work/corpus/sock"
wait_idle "$work/corpus/sock" 2000
python3 "$here/append-tails.py" "$work/corpus/sock" "$work/corpus/inbox" "$work/corpus/appends"
python3 "$here/dump-articles.py" "$work/corpus/sock" "$work/corpus/manifest.jsonl" > "$work/corpus.jsonl"
python3 "$here/eval-corpus.py" "$work/corpus/manifest.jsonl" "$work/corpus.jsonl"
corpus_rc=$?
echo
echo "seeds: $([ $seeds_rc = 0 ] && echo 'every check passed' || echo 'some checks failed'); corpus: $([ $corpus_rc = 0 ] && echo 'targets met' || echo 'targets missed')"
exit $(( seeds_rc != 0 || corpus_rc != 0 ))
