#!/usr/bin/env bash
# Runs a command and prints the CPU-seconds (user + system) its threads used, summed by thread
# name (numbered threads together): e.g. how much of a gosync import is the JIT compiler's.
# Samples /proc every 0.2 s, so the last moments of a thread that ends early are missed.
#   bench/thread-cpu.sh java -jar cli/target/gosync.jar import -q --into MIRROR --trust SIGNERS BUNDLE
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: bench/thread-cpu.sh COMMAND [ARGS...]" >&2; exit 2; }
tick=$(getconf CLK_TCK)
"$@" &
pid=$!
declare -A last
while kill -0 "$pid" 2>/dev/null; do
  for task in /proc/"$pid"/task/*; do
    stat=$(cat "$task/stat" 2>/dev/null) || continue
    name=${stat#*(}; name=${name%)*}
    read -r -a fields <<<"${stat##*) }"
    last[${task##*/}]="$name|$((fields[11] + fields[12]))"
  done
  sleep 0.2
done
status=0; wait "$pid" || status=$?
for v in "${last[@]}"; do echo "$v"; done | awk -F'|' -v tick="$tick" '
  { name = $1; gsub(/#?[0-9]+$/, "", name); sum[name] += $2; total += $2 }
  END { for (n in sum) if (sum[n] >= 1) printf "%7.2f  %s\n", sum[n] / tick, n; printf "%7.2f  (all threads)\n", total / tick }' | sort -rn >&2
exit "$status"
