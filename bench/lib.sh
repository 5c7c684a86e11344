# shellcheck shell=bash disable=SC2154 # bench, rounds, work, keep, ... are the sourcing script's
# What the bench/*-bench.sh scripts share. Source it after `bench=<name>` (the prefix of every
# message) and after parsing the options it reads: $rounds, $work, $keep, and for the synthetic
# corpus $corpus, $modules, $total, $seed.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# require_rounds: --rounds must be 1..999.
require_rounds() {
  [[ "$rounds" =~ ^[1-9][0-9]{0,2}$ ]] || { echo "$bench: --rounds must be 1..999" >&2; exit 2; }
}

# require_tools TOOL...: stops, naming the first tool that is not on the PATH.
require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$bench: $tool is needed" >&2; exit 1; }
  done
}

# scratch_dir PREFIX: sets $work to an absolute scratch directory (--workdir, or a new one named
# PREFIX.XXXXXX under $TMPDIR or /tmp) that is removed on exit unless --keep. A script that starts
# servers defines stop_servers; it runs first.
scratch_dir() {
  if [ -z "$work" ]; then work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX"); else mkdir -p "$work"; fi
  work=$(cd "$work" && pwd)
  trap remove_scratch_dir EXIT
  trap 'exit 130' INT TERM
}
remove_scratch_dir() {
  if declare -F stop_servers >/dev/null; then stop_servers; fi
  if [ "$keep" = 1 ]; then echo "$bench: scratch directory kept: $work" >&2
  else chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"; fi
}

# use_gosync: sets the array gosync to the command that runs gosync: java -jar $GOSYNC_JAR, or the
# ./gosync launcher (which builds the jar when needed).
# shellcheck disable=SC2034 # gosync is the sourcing script's
use_gosync() {
  if [ -n "${GOSYNC_JAR:-}" ]; then gosync=(java -jar "$GOSYNC_JAR"); else
    "$root/gosync" --version >/dev/null # builds it when needed
    gosync=("$root/gosync")
  fi
}

# synthetic_corpus: generates $modules modules with $total of zips (seed $seed) in $corpus
# (default $work/corpus), or reuses the corpus there; leaves $corpus absolute.
synthetic_corpus() {
  [ -n "$corpus" ] || corpus="$work/corpus"
  if [ -f "$corpus/corpus.json" ]; then
    echo "$bench: reusing corpus $corpus: $(tr -d '\n ' <"$corpus/corpus.json")" >&2
  else
    echo "$bench: generating $modules modules, $total of zips (seed $seed) in $corpus" >&2
    python3 "$root/bench/gen_corpus.py" --out "$corpus" --modules "$modules" --total "$total" --seed "$seed" >&2
  fi
  corpus=$(cd "$corpus" && pwd)
}
