#!/usr/bin/env bash
# `selfcheck review` throughput (BENCHMARKS.md, "The reviewer's desk").
#
#   scripts/bench-review.sh [N] [WORKBOOKS]
#
# Writes N submissions into a fresh temp directory: the documents of tests/real/*.json (the
# `document` field of each) and examples/guangzhou-ftu-2021.json, cycled, each with its own unit
# name; with WORKBOOKS > 0, that many of the N are copies of tests/fixtures/workbooks/*.xlsx.
# Then builds the release CLI and times `selfcheck review DIR --xlsx OUT` (best of 5 runs),
# printing files per second. Needs python3 and /usr/bin/time. CARGO_TARGET_DIR is honoured.
set -euo pipefail
N=${1:-1000}
WB=${2:-0}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
python3 - "$ROOT" "$DIR/in" "$N" "$WB" <<'PY'
import glob, json, os, shutil, sys
root, out, n, wb = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
os.makedirs(out)
docs = [json.load(open(p, encoding="utf-8"))["document"] for p in sorted(glob.glob(f"{root}/tests/real/*.json"))]
docs.append(json.load(open(f"{root}/examples/guangzhou-ftu-2021.json", encoding="utf-8")))
books = sorted(glob.glob(f"{root}/tests/fixtures/workbooks/*.xlsx"))
for i in range(n - wb):
    d = json.loads(json.dumps(docs[i % len(docs)]))
    d["unit"]["name"] = f'{d["unit"]["name"]}{i:04d}'
    with open(f"{out}/unit-{i:04d}.json", "w", encoding="utf-8") as f:
        json.dump(d, f, ensure_ascii=False, indent=2)
for i in range(wb):
    shutil.copy(books[i % len(books)], f"{out}/book-{i:04d}.xlsx")
PY
cargo build --quiet --locked --release --bin selfcheck --manifest-path "$ROOT/Cargo.toml"
BIN=$TARGET/release/selfcheck
echo "$N files ($((N - WB)) JSON, $WB .xlsx), $(du -sh "$DIR/in" | cut -f1) in $DIR/in"
# Wall time (what the reviewer waits) and CPU time (user + sys, all threads: what the work costs,
# less disturbed by other load on the machine), each the best of 5 runs.
best=""; best_cpu=""
for run in 1 2 3 4 5; do
    /usr/bin/time -f "%e %U %S" -o "$DIR/time" "$BIN" review --xlsx "$DIR/table.xlsx" "$DIR/in" > "$DIR/out.txt" 2> /dev/null || [ $? -eq 1 ]
    read -r wall user sys < <(tail -n 1 "$DIR/time")
    ms=$(python3 -c "print(round($wall * 1000))"); cpu=$(python3 -c "print(round(($user + $sys) * 1000))")
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    if [ -z "$best_cpu" ] || [ "$cpu" -lt "$best_cpu" ]; then best_cpu=$cpu; fi
done
rows=$(( $(wc -l < "$DIR/out.txt") - 2 ))
echo "rows: $rows; $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wall: $best ms = $(( N * 1000 / (best > 0 ? best : 1) )) files/s; CPU: $best_cpu ms = $(( N * 1000 / (best_cpu > 0 ? best_cpu : 1) )) files/s per core"
