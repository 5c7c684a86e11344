#!/usr/bin/env bash
# Import benchmark: `gosync import` of one bundle into a fresh mirror, with every check (signature,
# SHA-256 of every file, h1 of every .mod and .zip, module zip rules, chain, index), against
# `tar -I zstd -xf` of the same bundle into a fresh directory (no checks at all), in alternating
# order, round after round. Prints each round and the medians: MB/s of bundle (10^6 bytes of the
# compressed bundle file per second of wall time, JVM start included) and of the ratio
# gosync/tar. See docs/PERFORMANCE.md.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/import-bench.sh [options]
  --modules N      modules in the synthetic closure (default 300)
  --total SIZE     their zips in all, e.g. 500MiB, 2.5GiB (default 500MiB)
  --seed S         corpus seed (default 1)
  --rounds K       measured rounds, each running both sides (default 5)
  --xmx SIZE       gosync's maximum heap (default 256m)
  --corpus DIR     generate the corpus here, or reuse it if DIR/corpus.json is there
  --workdir DIR    scratch directory (default: a new one under $TMPDIR or /tmp)
  --keep           leave the scratch directory in place
  --report FILE    also write the results as Markdown to FILE
environment:
  GOSYNC_JAR       run this gosync jar with java instead of ./gosync (which builds itself)
  BENCH_TIMEOUT    seconds one import or extraction may take (default 1800)
EOF
}

modules=300 total=500MiB seed=1 rounds=5 xmx=256m corpus="" work="" keep=0 report=""
while [ $# -gt 0 ]; do
  case "$1" in
    --modules) modules=$2; shift 2 ;;
    --total) total=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --xmx) xmx=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --workdir) work=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --report) report=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "import-bench: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
bench=import-bench
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_rounds
timeout_s=${BENCH_TIMEOUT:-1800}

require_tools python3 zstd tar java
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f "%U %S %M" -o); else
  echo "import-bench: /usr/bin/time is missing (apt-get install time): no CPU or RSS figures" >&2
fi

scratch_dir gosync-import-bench

cpu_of() { [ -f "$1" ] && awk '{ printf "%.1f", $1 + $2 }' "$1" || true; }
rss_of() { [ -f "$1" ] && awk '{ printf "%d", $3 / 1024 }' "$1" || true; }

# --- gosync ---------------------------------------------------------------------------------
if [ -n "${GOSYNC_JAR:-}" ]; then
  gosync=(java "-Xmx$xmx" -jar "$GOSYNC_JAR")
else
  "$root/gosync" --version >/dev/null # builds it when needed
  gosync=(java "-Xmx$xmx" -jar "$root/cli/target/gosync.jar")
fi

# --- corpus and bundle ----------------------------------------------------------------------
synthetic_corpus

"${gosync[@]}" keygen -C import-bench "$work/key" >/dev/null
printf 'import-bench %s\n' "$(cut -d' ' -f1,2 "$work/key.pub")" > "$work/allowed_signers"
bundle="$work/bundle.tar.zst"
echo "import-bench: exporting the corpus into a signed bundle" >&2
GOPROXY=off GOSUMDB=off GOFLAGS= SOURCE_DATE_EPOCH=1714560000 \
  "${gosync[@]}" export -q --proxy "file://$corpus/proxy" --key "$work/key" --cache "$work/cache" \
  -o "$bundle" "$corpus/project"
rm -rf "$work/cache"
bundle_bytes=$(stat -c %s "$bundle")
files=$("${gosync[@]}" verify --json -q --trust "$work/allowed_signers" "$bundle" | python3 -c 'import json,sys; print(json.load(sys.stdin)["files"])')
echo "import-bench: bundle of $files files, $bundle_bytes bytes" >&2

mb_per_s() { awk -v b="$bundle_bytes" -v t="$1" 'BEGIN { printf "%.1f", b / 1e6 / t }'; }

run_gosync() { # prints seconds
  rm -rf "$work/mirror"
  local t0 t1
  t0=$(now)
  timeout "$timeout_s" "${timer[@]}" ${timer:+"$work/gosync.time"} "${gosync[@]}" import -q --into "$work/mirror" \
    --trust "$work/allowed_signers" "$bundle" >&2
  t1=$(now)
  elapsed "$t0" "$t1"
}
run_tar() {
  rm -rf "$work/untar"; mkdir "$work/untar"
  local t0 t1
  t0=$(now)
  timeout "$timeout_s" "${timer[@]}" ${timer:+"$work/tar.time"} tar -I zstd -xf "$bundle" -C "$work/untar"
  t1=$(now)
  elapsed "$t0" "$t1"
}

# --- rounds ---------------------------------------------------------------------------------
echo "import-bench: $rounds rounds, alternating which side goes first; load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)" >&2
printf '%-6s %-10s %10s %10s %10s %10s %10s %8s %10s\n' round first gosync_s gosync_MB/s tar_s tar_MB/s ratio cpu_s rss_MB
rows=()
: > "$work/g.txt"; : > "$work/t.txt"; : > "$work/r.txt"
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) = 1 ]; then
    g=$(run_gosync); t=$(run_tar); first=gosync
  else
    t=$(run_tar); g=$(run_gosync); first=tar
  fi
  gm=$(mb_per_s "$g"); tm=$(mb_per_s "$t")
  ratio=$(awk -v g="$g" -v t="$t" 'BEGIN { printf "%.3f", t / g }')
  cpu=$(cpu_of "$work/gosync.time"); rss=$(rss_of "$work/gosync.time")
  printf '%-6s %-10s %10s %10s %10s %10s %10s %8s %10s\n' "$r" "$first" "$g" "$gm" "$t" "$tm" "$ratio" "${cpu:--}" "${rss:--}"
  rows+=("| $r | $first | $g | $gm | $t | $tm | $ratio | ${cpu:--} | ${rss:--} |")
  echo "$gm" >> "$work/g.txt"; echo "$tm" >> "$work/t.txt"; echo "$ratio" >> "$work/r.txt"
done

"${gosync[@]}" verify -q --mirror "$work/mirror" || { echo "import-bench: the imported mirror does not check out" >&2; exit 1; }
med_g=$(median < "$work/g.txt"); med_t=$(median < "$work/t.txt"); med_r=$(median < "$work/r.txt")
load_end=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)
echo "median: gosync import $med_g MB/s, tar -I zstd -xf $med_t MB/s, ratio (gosync/tar throughput) $med_r; load average at end: $load_end"

if [ -n "$report" ]; then
  {
    echo "Bundle: $files files, $bundle_bytes bytes ($(tr -d '\n ' <"$corpus/corpus.json")); $rounds rounds; gosync -Xmx$xmx."
    echo
    echo "| round | first | gosync s | gosync MB/s | tar s | tar MB/s | ratio (tar s / gosync s) | gosync CPU s | gosync RSS MB |"
    echo "|---|---|---|---|---|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Medians: **gosync import $med_g MB/s**, tar -I zstd -xf $med_t MB/s, **ratio $med_r**. Load average at end: $load_end."
  } > "$report"
fi
