#!/usr/bin/env bash
# Export benchmark: `gosync export` against the baseline `go mod download` + `tar | zstd` of the
# module cache's download directory, both fetching the same synthetic closure from one upstream
# on 127.0.0.1, in alternating order, round after round. Prints each round and the medians of
# the gosync/baseline ratios. See docs/PERFORMANCE.md.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/export-bench.sh [options]
  --modules N      modules in the synthetic closure (default 300)
  --total SIZE     their zips in all, e.g. 500MiB, 2.5GiB (default 500MiB)
  --seed S         corpus seed (default 1)
  --rounds K       measured rounds, each running both sides (default 5)
  --xmx SIZE       gosync's maximum heap (default 256m)
  --jobs N         pass --jobs N to gosync export (default: its own)
  --server KIND    nginx or python (default: nginx when installed)
  --corpus DIR     generate the corpus here, or reuse it if DIR/corpus.json is there
  --workdir DIR    scratch directory (default: a new one under $TMPDIR or /tmp)
  --keep           leave the scratch directory in place
  --profile        after the rounds, one more gosync export under Java Flight Recorder,
                   summarized by where the CPU samples fall
  --report FILE    also write the results as Markdown to FILE
environment:
  GOSYNC_JAR       run this gosync jar with java instead of ./gosync (which builds itself)
  BENCH_TIMEOUT    seconds one download, export or archive may take (default 1800)
EOF
}

modules=300 total=500MiB seed=1 rounds=5 xmx=256m jobs="" server="" corpus="" work="" keep=0 profile=0 report=""
while [ $# -gt 0 ]; do
  case "$1" in
    --modules) modules=$2; shift 2 ;;
    --total) total=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --xmx) xmx=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --server) server=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --workdir) work=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --profile) profile=1; shift ;;
    --report) report=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "export-bench: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
bench=export-bench
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_rounds
timeout_s=${BENCH_TIMEOUT:-1800}

require_tools go python3 zstd tar curl
timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -v -o); else
  echo "export-bench: /usr/bin/time is missing (apt-get install time): no RSS or CPU figures" >&2
fi

server_pid=""
stop_servers() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
}
scratch_dir gosync-bench

time_field() { # the value of one line of /usr/bin/time -v output, or "" without it
  if [ -f "$1" ]; then sed -n "s/^[[:space:]]*$2: //p" "$1" | head -n 1; fi
}
cpu_seconds() {
  local u s
  u=$(time_field "$1" "User time (seconds)"); s=$(time_field "$1" "System time (seconds)")
  if [ -n "$u" ]; then awk -v u="$u" -v s="$s" 'BEGIN { printf "%.1f", u + s }'; fi
}

# --- gosync ---------------------------------------------------------------------------------
use_gosync
have_export=1
if "${gosync[@]}" export --help >/dev/null 2>&1; then :; else
  code=$?
  if [ "$code" = 3 ] || "${gosync[@]}" export --help 2>&1 | grep -qi "not implemented"; then
    have_export=0
    echo "export-bench: this gosync build has no export command yet: measuring the baseline alone" >&2
  fi
fi

# --- corpus ---------------------------------------------------------------------------------
synthetic_corpus
project="$corpus/project"
proxy_dir="$corpus/proxy"
probe_path=$(find "$proxy_dir" -path '*/@v/list' -print -quit)
probe_path=${probe_path#"$proxy_dir"}

# --- upstream on loopback -------------------------------------------------------------------
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
[ -n "$server" ] || { command -v nginx >/dev/null && server=nginx || server=python; }
mkdir -p "$work/server"
case "$server" in
  nginx)
    command -v nginx >/dev/null || { echo "export-bench: nginx is not installed (apt-get install nginx-light)" >&2; exit 1; }
    user_line=""
    [ "$(id -u)" = 0 ] && user_line="user root;" # workers must read the corpus in a private temp dir
    cat > "$work/server/nginx.conf" <<EOF
$user_line
worker_processes 2;
daemon off;
pid $work/server/nginx.pid;
error_log $work/server/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path $work/server/body;
  proxy_temp_path $work/server/proxy;
  fastcgi_temp_path $work/server/fastcgi;
  uwsgi_temp_path $work/server/uwsgi;
  scgi_temp_path $work/server/scgi;
  types { application/zip zip; application/json info; text/plain mod list; }
  default_type text/plain;
  server {
    listen 127.0.0.1:$port;
    root $proxy_dir;
  }
}
EOF
    nginx -e "$work/server/error.log" -p "$work/server" -c "$work/server/nginx.conf" &
    server_pid=$!
    ;;
  python)
    echo "export-bench: serving with python3 -m http.server (nginx not used): slower than a real proxy" >&2
    python3 -m http.server --bind 127.0.0.1 --directory "$proxy_dir" "$port" >"$work/server/http.log" 2>&1 &
    server_pid=$!
    ;;
  *) echo "export-bench: --server must be nginx or python" >&2; exit 2 ;;
esac
for _ in $(seq 1 100); do
  curl -sf -o /dev/null "$url$probe_path" && break
  kill -0 "$server_pid" 2>/dev/null || { echo "export-bench: the $server server did not start" >&2; exit 1; }
  sleep 0.1
done
curl -sf -o /dev/null "$url$probe_path" || { echo "export-bench: $url does not answer" >&2; exit 1; }
echo "export-bench: upstream $url ($server), $rounds rounds" >&2

# --- one side each ---------------------------------------------------------------------------
go_env=(GOPROXY="$url" GOSUMDB=off GONOSUMDB= GONOPROXY= GOPRIVATE= GOINSECURE= GOFLAGS="-mod=mod -modcacherw"
        GOTOOLCHAIN=local GOENV=off)

# baseline DIR: go mod download into a fresh module cache, then tar | zstd of cache/download.
# Prints: download_s archive_s total_s bytes cpu_s (both steps; empty without /usr/bin/time)
baseline() {
  local d=$1
  mkdir -p "$d"
  local t0 t1 t2
  t0=$(now)
  (cd "$project" && env "${go_env[@]}" GOMODCACHE="$d/modcache" GOPATH="$d/gopath" GOCACHE="$d/gocache" \
      timeout "$timeout_s" ${timer[@]+"${timer[@]}" "$d/time.txt"} go mod download) >"$d/download.log" 2>&1 \
    || { echo "export-bench: go mod download failed, see below" >&2; tail -20 "$d/download.log" >&2; exit 1; }
  t1=$(now)
  # shellcheck disable=SC2016 # $1 and $2 belong to the inner shell
  timeout "$timeout_s" ${timer[@]+"${timer[@]}" "$d/archive-time.txt"} \
    bash -c 'set -o pipefail; tar -C "$1" -cf - . | zstd -q -T0 -o "$2"' archive \
    "$d/modcache/cache/download" "$d/base.tar.zst"
  t2=$(now)
  local cpu=""
  [ -f "$d/time.txt" ] && cpu=$(awk -v a="$(cpu_seconds "$d/time.txt")" -v b="$(cpu_seconds "$d/archive-time.txt")" \
    'BEGIN { printf "%.1f", a + b }')
  echo "$(elapsed "$t0" "$t1") $(elapsed "$t1" "$t2") $(elapsed "$t0" "$t2") $(stat -c %s "$d/base.tar.zst") $cpu"
}

# export_run DIR [JVM option...]: gosync export with a fresh cache and home.
export_run() {
  local d=$1; shift
  mkdir -p "$d/home"
  local opts=("-Xmx$xmx" "-Xlog:gc:file=$d/gc.log" "$@")
  local cmd
  if [ -n "${GOSYNC_JAR:-}" ]; then cmd=(java "${opts[@]}" -jar "$GOSYNC_JAR"); else cmd=("${gosync[@]}"); fi
  local extra=()
  [ -n "$jobs" ] && extra=(--jobs "$jobs")
  env "${go_env[@]}" HOME="$d/home" XDG_CACHE_HOME="$d/home/.cache" XDG_STATE_HOME="$d/home/.local/state" \
      GOSYNC_JAVA_OPTS="${opts[*]}" \
      timeout "$timeout_s" ${timer[@]+"${timer[@]}" "$d/time.txt"} "${cmd[@]}" export --unsigned --proxy "$url" \
      --cache "$d/cache" -o "$d/out.bundle" --json -q ${extra[@]+"${extra[@]}"} "$project" \
      >"$d/summary.json" 2>"$d/stderr.txt"
}

# gosync_side DIR: prints wall_s bytes rss_mb cpu_s heap_peak_mb heap_live_mb, then the export's own
# resolve fetch check write total (s); wall minus total is JVM start-up and reading the settings.
gosync_side() {
  local d=$1 t0 t1
  t0=$(now)
  export_run "$d" || { echo "export-bench: gosync export failed, see below" >&2; tail -20 "$d/stderr.txt" >&2; exit 1; }
  t1=$(now)
  local rss
  rss=$(time_field "$d/time.txt" "Maximum resident set size (kbytes)")
  python3 - "$d" "$(elapsed "$t0" "$t1")" "${rss:-0}" "$(cpu_seconds "$d/time.txt")" <<'EOF'
import json, os, re, sys
d, wall, rss_kb, cpu = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] or "-"
summary = json.load(open(os.path.join(d, "summary.json")))
size = sum(os.path.getsize(f) for f in summary["bundleFiles"])
before = after = 0
for line in open(os.path.join(d, "gc.log")):
    m = re.search(r"(\d+)M->(\d+)M\(\d+M\)", line)
    if m:
        before, after = max(before, int(m.group(1))), max(after, int(m.group(2)))
t = summary.get("timingsMillis", {})
phases = " ".join(f"{t.get(k, 0) / 1000:.2f}" for k in ("resolve", "fetch", "check", "write", "total"))
print(wall, size, f"{rss_kb / 1024:.0f}", cpu, before, after, phases)
EOF
}

# --- rounds ----------------------------------------------------------------------------------
results="$work/results.tsv"
: >"$results"
for r in $(seq 1 "$rounds"); do
  order="base gosync"
  [ $((r % 2)) = 0 ] && order="gosync base"
  [ "$have_export" = 1 ] || order="base"
  base="" mine="" load=$(cut -d' ' -f1 /proc/loadavg)
  for side in $order; do
    sync
    if [ "$side" = base ]; then
      base=$(baseline "$work/r$r/base")
      rm -rf "$work/r$r/base/modcache" "$work/r$r/base/gopath" "$work/r$r/base/gocache"
    else
      mine=$(gosync_side "$work/r$r/gosync")
      rm -rf "$work/r$r/gosync/cache"
    fi
  done
  printf '%s\t%s\t%s\t%s\t%s\n' "$r" "$order" "$base" "$mine" "$load" >>"$results"
  echo "export-bench: round $r ($order): baseline [$base] gosync [${mine:-n/a}]" >&2
  rm -f "$work/r$r/base/base.tar.zst" "$work/r$r/gosync/out.bundle"
done

# --- optional profile -----------------------------------------------------------------------
profile_md=""
if [ "$profile" = 1 ] && [ "$have_export" = 1 ]; then
  d="$work/profile"
  echo "export-bench: profiling one more export with Java Flight Recorder" >&2
  export_run "$d" "-XX:StartFlightRecording=filename=$d/export.jfr,settings=profile" -Xlog:jfr+startup=warning \
    || { echo "export-bench: profiled export failed" >&2; tail -20 "$d/stderr.txt" >&2; exit 1; }
  jfr print --json --events jdk.ExecutionSample,jdk.NativeMethodSample "$d/export.jfr" >"$d/samples.json"
  # The same export again over the filled cache: no network, so what remains is local work.
  rm -f "$d/out.bundle"
  w0=$(now)
  export_run "$d" || { echo "export-bench: export from the warm cache failed" >&2; tail -20 "$d/stderr.txt" >&2; exit 1; }
  warm=$(python3 -c 'import json, sys; t = json.load(open(sys.argv[1]))["timingsMillis"]
print(" / ".join(f"{t[k] / 1000:.2f}" for k in ("resolve", "fetch", "check", "write", "total")))' "$d/summary.json")
  profile_md="Export from the warm cache (no downloads): wall $(elapsed "$w0" "$(now)") s; resolve / fetch / check / write / total: $warm s.
Profile of one export from a cold cache:

$(python3 "$root/bench/jfr_summary.py" "$d/samples.json")"
fi

# --- report ----------------------------------------------------------------------------------
corpus_json=$(cat "$corpus/corpus.json")
machine="$(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB memory, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
versions="$(go version | cut -d' ' -f3), $(java -version 2>&1 | head -n 1), $(zstd --version | grep -o 'v[0-9.]*'), $server"
python3 - "$results" "$corpus_json" "$machine" "$versions" "$xmx" "$profile_md" <<'EOF' | tee "$work/results.md"
import json, statistics, sys
rows_path, corpus, machine, versions, xmx, profile = sys.argv[1:7]
corpus = json.loads(corpus)
mb = lambda b: f"{int(b) / 1e6:.1f}"
print(f"corpus: {corpus['modules']} modules, {mb(corpus['zip_bytes'])} MB of zips holding {corpus['zip_files']} files, "
      f"{mb(corpus['unzipped_bytes'])} MB unzipped (largest zip {mb(corpus['largest_zip'])} MB, seed {corpus['seed']})")
print(f"machine: {machine}; {versions}; gosync with -Xmx{xmx}")
print()
print("| round | load | order | go mod download s | tar+zstd s | baseline s | base.tar.zst MB | baseline CPU s "
      "| gosync s | bundle MB | gosync CPU s | time ratio | size ratio | CPU ratio | gosync RSS MB "
      "| heap peak / live MB | start-up / resolve / fetch / write s | check s (all threads) |")
print("|---" * 18 + "|")
time_ratios, size_ratios, cpu_ratios, base_times, mine_times, rss = [], [], [], [], [], []
for line in open(rows_path):
    r, order, base, mine, load = line.rstrip("\n").split("\t")
    dl, ar, bt, bb, *rest = base.split()
    base_cpu = rest[0] if rest else "-"
    cells = [r, load, order.replace(" ", " → "), dl, ar, bt, mb(bb), base_cpu]
    base_times.append(float(bt))
    if mine:
        wall, size, rss_mb, cpu, peak, live, res, fet, chk, wri, tot = mine.split()
        tr, sr = float(wall) / float(bt), int(size) / int(bb)
        time_ratios.append(tr); size_ratios.append(sr); mine_times.append(float(wall)); rss.append(int(rss_mb))
        cr = "-"
        if cpu != "-" and base_cpu != "-":
            cpu_ratios.append(float(cpu) / float(base_cpu))
            cr = f"{cpu_ratios[-1]:.3f}"
        startup = f"{float(wall) - float(tot):.2f}"
        cells += [wall, mb(size), cpu, f"{tr:.3f}", f"{sr:.6f}", cr, rss_mb, f"{peak} / {live}",
                  f"{startup} / {res} / {fet} / {wri}", chk]
    else:
        cells += ["n/a"] * 10
    print("| " + " | ".join(cells) + " |")
print()
print(f"median baseline: {statistics.median(base_times):.2f} s")
if time_ratios:
    print(f"median gosync export: {statistics.median(mine_times):.2f} s")
    print(f"median time ratio gosync/baseline: {statistics.median(time_ratios):.3f} (target <= 0.1)")
    print(f"median size ratio bundle/base.tar.zst: {statistics.median(size_ratios):.6f} (target <= 1)")
    if cpu_ratios:
        print(f"median CPU-time ratio gosync/baseline: {statistics.median(cpu_ratios):.3f}")
    print(f"largest gosync RSS: {max(rss)} MB (heap capped at {xmx})")
if profile:
    print()
    print(profile)
EOF
[ -z "$report" ] || cp "$work/results.md" "$report"
