#!/usr/bin/env bash
# Direct-mode benchmark: `gosync export --proxy direct` against the baseline
# `GOPROXY=direct go mod download`, both fetching the same project's requirements from the same
# local git repositories (file:// through url.<base>.insteadOf in a private git configuration),
# each round from empty caches, in alternating order. A third figure per round is gosync again
# with its git mirrors kept but its download cache emptied: the incremental-fetch case. Prints
# each round and the medians of the gosync/baseline ratios. See docs/PERFORMANCE.md.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/direct-bench.sh [options]
  --repos N        git repositories, one module each (default 30)
  --tags T         tagged versions per repository (default 3)
  --files F        files per version (default 40)
  --size BYTES     bytes per file (default 4096)
  --rounds K       measured rounds (default 3)
  --workdir DIR    scratch directory (default: a new one under $TMPDIR or /tmp)
  --keep           leave the scratch directory in place
environment:
  GOSYNC_JAR       run this gosync jar with java instead of ./gosync (which builds itself)
EOF
}

repos=30 tags=3 files=40 size=4096 rounds=3 work="" keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --repos) repos=$2; shift 2 ;;
    --tags) tags=$2; shift 2 ;;
    --files) files=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --workdir) work=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "direct-bench: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
for n in "$repos" "$tags" "$files" "$size" "$rounds"; do
  [[ "$n" =~ ^[1-9][0-9]{0,6}$ ]] || { echo "direct-bench: counts must be positive integers" >&2; exit 2; }
done

bench=direct-bench
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_tools go git python3
scratch_dir gosync-direct-bench
use_gosync

# --- corpus: repositories and a project requiring each at its latest tag ---------------------
org="github.com/gosync-bench"
git_root="$work/git"
project="$work/project"
mkdir -p "$git_root" "$project" "$work/home"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench
export GIT_COMMITTER_EMAIL=bench@example.com GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$work/gitconfig"
printf '[protocol "file"]\n\tallow = always\n[url "file://%s/"]\n\tinsteadOf = https://%s/\n' "$git_root" "$org" \
  > "$GIT_CONFIG_GLOBAL"
echo "direct-bench: generating $repos repositories x $tags tags x $files files of $size bytes in $git_root" >&2
{ printf 'module example.com/bench\n\ngo 1.21\n\nrequire (\n'
  for r in $(seq 1 "$repos"); do printf '\t%s/repo%03d v1.%d.0\n' "$org" "$r" "$((tags - 1))"; done
  printf ')\n'; } > "$project/go.mod"
printf 'package main\n\nfunc main() {}\n' > "$project/main.go"
for r in $(seq 1 "$repos"); do
  dir="$git_root/repo$(printf %03d "$r")"
  git init -q -b main "$dir"
  printf 'module %s/repo%03d\n\ngo 1.21\n' "$org" "$r" > "$dir/go.mod"
  for t in $(seq 0 $((tags - 1))); do
    python3 - "$dir" "$files" "$size" "$r" "$t" <<'PY'
import random, sys
d, files, size, r, t = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rnd = random.Random(r * 1000 + t)
for i in range(files):
    if t == 0 or i % 4 == t % 4:
        line = "// " + "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(70)) + "\n"
        body = (line * (size // len(line) + 1))[:size]
        open(f"{d}/f{i:03d}.go", "w").write(f"package repo{r:03d}\n" + body)
PY
    stamp="2024-01-$(printf %02d $((t + 1)))T00:00:00Z"
    (cd "$dir" && git add -A && GIT_AUTHOR_DATE=$stamp GIT_COMMITTER_DATE=$stamp git commit -q -m "v1.$t.0" \
      && git tag "v1.$t.0")
  done
  git -C "$dir" repack -adq
done

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
goenv=(env HOME="$work/home" GOPATH="$work/gopath" GOENV=off GOTOOLCHAIN=local GOPROXY=direct GOSUMDB=off
  GOFLAGS=-mod=mod GIT_TERMINAL_PROMPT=0)

baseline() { # $1 round
  local cache="$work/go-$1" start end
  start=$(now)
  (cd "$project" && "${goenv[@]}" GOMODCACHE="$cache" go mod download) >/dev/null
  end=$(now)
  chmod -R u+w "$cache"; rm -rf "$cache"
  elapsed "$start" "$end"
}
gosync_run() { # $1 cache dir, $2 bundle
  local start end
  start=$(now)
  "${goenv[@]}" GOMODCACHE="$work/gomodcache-unused" "${gosync[@]}" export --proxy direct --unsigned --quiet \
    --cache "$1" -o "$2" "$project" >/dev/null
  end=$(now)
  elapsed "$start" "$end"
}
ours() { # $1 round: cold, then again with the mirrors kept and the download cache emptied
  local cache="$work/gs-$1" cold warm
  cold=$(gosync_run "$cache" "$work/b-$1-cold.tar.zst")
  find "$cache" -mindepth 1 -maxdepth 1 ! -name .gosync -exec rm -rf {} +
  warm=$(gosync_run "$cache" "$work/b-$1-warm.tar.zst")
  rm -rf "$cache" "$work"/b-"$1"-*.tar.zst
  echo "$cold $warm"
}

echo "round  go-mod-download  gosync-export  ratio  gosync-mirrors-kept" >&2
ratios=() warm_ratios=()
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) = 1 ]; then b=$(baseline "$r"); read -r g w < <(ours "$r")
  else read -r g w < <(ours "$r"); b=$(baseline "$r"); fi
  ratio=$(awk -v g="$g" -v b="$b" 'BEGIN { printf "%.2f", g / b }')
  wratio=$(awk -v g="$w" -v b="$b" 'BEGIN { printf "%.2f", g / b }')
  ratios+=("$ratio") warm_ratios+=("$wratio")
  printf '%5d  %15ss  %12ss  %5s  %18ss\n' "$r" "$b" "$g" "$ratio" "$w"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "median gosync/baseline: $(median "${ratios[@]}") (cold), $(median "${warm_ratios[@]}") (mirrors kept)"
