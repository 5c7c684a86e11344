#!/usr/bin/env bash
# Serve benchmark: `gosync serve` against nginx serving the same mirror as static files (the
# configuration of docs/serving.md), measured with wrk on 127.0.0.1: a small-file mix (a Lua
# script rotating @v/list, .info and .mod paths) for requests/s and p99 latency, and large zips
# for throughput. Rounds alternate which server goes first; the result is the median of the
# per-round ratios. See docs/PERFORMANCE.md.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/serve-bench.sh [options]
  --modules N      modules in the synthetic mirror, 5 versions each (default 2000)
  --zips N         large zips (default 4)
  --zip-size MIB   size of each large zip in MiB (default 64)
  --rounds K       measured rounds, each running both servers (default 5)
  --duration S     seconds per wrk run (default 10)
  --connections C  wrk connections for the small-file mix (default 64; zips use C/4)
  --threads T      wrk threads (default 2)
  --workdir DIR    scratch directory (default: a new one under $TMPDIR or /tmp)
  --keep           leave the scratch directory in place
  --report FILE    also write the results as Markdown to FILE
environment:
  GOSYNC_JAR       run this gosync jar with java instead of building cli/target/gosync.jar
  GOSYNC_JAVA_OPTS extra JVM options for gosync serve
EOF
}

modules=2000 zips=4 zip_mib=64 rounds=5 duration=10 conns=64 threads=2 work="" keep=0 report=""
while [ $# -gt 0 ]; do
  case "$1" in
    --modules) modules=$2; shift 2 ;;
    --zips) zips=$2; shift 2 ;;
    --zip-size) zip_mib=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) conns=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --workdir) work=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --report) report=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "serve-bench: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
bench=serve-bench
# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_rounds

if ! command -v wrk >/dev/null; then
  echo "serve-bench: installing wrk" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q wrk >&2; else sudo apt-get install -y -q wrk >&2; fi
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$nginx_bin" ] || { echo "serve-bench: nginx is needed (apt-get install nginx)" >&2; exit 1; }
require_tools python3

pids=()
stop_servers() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
scratch_dir gosync-serve-bench

jar="${GOSYNC_JAR:-$root/cli/target/gosync.jar}"
if [ -z "${GOSYNC_JAR:-}" ]; then
  echo "serve-bench: building gosync" >&2
  (cd "$root" && mvn -B -q -o -DskipTests package -pl cli -am) >&2
fi

# The mirror: small files as an import writes them, large zips of random bytes (the server does
# not look inside), and a .gosync directory that must not be served.
mirror="$work/mirror"
if [ ! -f "$mirror/.bench-done" ]; then
  echo "serve-bench: generating the mirror ($modules modules, $zips zips of $zip_mib MiB)" >&2
  python3 - "$mirror" "$modules" "$zips" "$zip_mib" "$work/small.paths" "$work/zip.paths" <<'PY'
import json, os, random, sys
mirror, modules, zips, zip_mib = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
small_paths, zip_paths = sys.argv[5], sys.argv[6]
rnd = random.Random(1)
os.makedirs(os.path.join(mirror, ".gosync"), exist_ok=True)
small = []
for i in range(modules):
    path = "example.com/bench/m%d" % i
    vdir = os.path.join(mirror, path, "@v")
    os.makedirs(vdir, exist_ok=True)
    versions = ["v1.0.%d" % k for k in range(5)]
    for v in versions:
        with open(os.path.join(vdir, v + ".info"), "w") as f:
            json.dump({"Version": v, "Time": "2024-01-0%dT00:00:00Z" % (1 + versions.index(v))}, f)
        deps = "".join("\texample.com/bench/m%d v1.0.%d\n" % (rnd.randrange(modules), rnd.randrange(5)) for _ in range(rnd.randrange(1, 6)))
        with open(os.path.join(vdir, v + ".mod"), "w") as f:
            f.write("module %s\n\ngo 1.21\n\nrequire (\n%s)\n" % (path, deps))
        small.append("/%s/@v/%s.info" % (path, v))
        small.append("/%s/@v/%s.mod" % (path, v))
    with open(os.path.join(vdir, "list"), "w") as f:
        f.write("".join(v + "\n" for v in versions))
    small.append("/%s/@v/list" % path)
rnd.shuffle(small)
with open(small_paths, "w") as f:
    f.write("\n".join(small) + "\n")
zp = []
for j in range(zips):
    path = "example.com/bench/big%d" % j
    vdir = os.path.join(mirror, path, "@v")
    os.makedirs(vdir, exist_ok=True)
    with open(os.path.join(vdir, "v1.0.0.zip"), "wb") as f:
        for _ in range(zip_mib):
            f.write(os.urandom(1 << 20))
    with open(os.path.join(vdir, "v1.0.0.mod"), "w") as f:
        f.write("module %s\n" % path)
    with open(os.path.join(vdir, "list"), "w") as f:
        f.write("v1.0.0\n")
    zp.append("/%s/@v/v1.0.0.zip" % path)
with open(zip_paths, "w") as f:
    f.write("\n".join(zp) + "\n")
PY
  touch "$mirror/.bench-done"
fi

# wrk script: each thread walks the path list from its own offset; done() prints one line of
# numbers for this script to read.
cat > "$work/rotate.lua" <<'LUA'
local paths = {}
local counter = 0
local id = 0
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then table.insert(paths, line) end
  end
  counter = (id * 7919) % #paths
end
function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.3f %.1f %d %d\n", summary.requests / secs, latency:percentile(99) / 1000,
      summary.bytes / secs, summary.requests, errors))
end
LUA

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_port() {
  for _ in $(seq 1 200); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.05
  done
  echo "serve-bench: nothing listens on port $1" >&2; exit 1
}

gport=$(free_port)
java ${GOSYNC_JAVA_OPTS:-} -jar "$jar" serve --dir "$mirror" --listen "127.0.0.1:$gport" > "$work/gosync.log" 2>&1 &
pids+=($!)

nport=$(free_port)
mkdir -p "$work/nginx"
user_line=""
[ "$(id -u)" = 0 ] && user_line="user root;"
block="$(sed -n '/^```nginx$/,/^```$/p' "$root/docs/serving.md" | sed '1d;$d' \
  | sed "s|listen 8080;|listen 127.0.0.1:$nport;\n    keepalive_requests 1000000;|; s|/srv/gosync/mirror|$mirror|")"
cat > "$work/nginx/nginx.conf" <<EOF
$user_line
daemon off;
worker_processes auto;
error_log $work/nginx/error.log;
pid $work/nginx/nginx.pid;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
$block
}
EOF
"$nginx_bin" -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" &
pids+=($!)
wait_port "$gport"
wait_port "$nport"
echo "serve-bench: gosync serve on $gport ($(head -n1 "$work/gosync.log")), nginx $("$nginx_bin" -v 2>&1 | sed 's/.*\///') on $nport" >&2

# run PORT PATHS CONNECTIONS -> "rps p99ms bytes/s requests errors"
run() {
  wrk -t"$threads" -c"$3" -d"${duration}s" --timeout 10s -s "$work/rotate.lua" "http://127.0.0.1:$1" -- "$2" \
    | awk '/^RESULT/ {print $2, $3, $4, $5, $6}'
}

zconns=$(( conns / 4 )); [ "$zconns" -ge 1 ] || zconns=1
# Warm-up long enough for every small path to be asked at least once and for the JIT to settle.
echo "serve-bench: warming up" >&2
for p in "$gport" "$nport"; do
  duration=15 run "$p" "$work/small.paths" "$conns" >/dev/null
  duration=5 run "$p" "$work/zip.paths" "$zconns" >/dev/null
done

results="$work/results.txt"
: > "$results"
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) = 1 ]; then order="gosync nginx"; else order="nginx gosync"; fi
  for who in $order; do
    port=$gport; [ "$who" = nginx ] && port=$nport
    read -r s_rps s_p99 _ s_n s_err <<<"$(run "$port" "$work/small.paths" "$conns")"
    read -r z_rps z_p99 z_bps z_n z_err <<<"$(run "$port" "$work/zip.paths" "$zconns")"
    echo "$r $who $s_rps $s_p99 $s_err $z_bps $z_p99 $z_err" >> "$results"
    printf 'round %d %-6s small: %9.0f req/s p99 %7.2f ms (%s errors)  zips: %7.0f MiB/s p99 %8.2f ms (%s errors)\n' \
      "$r" "$who" "$s_rps" "$s_p99" "$s_err" "$(echo "$z_bps / 1048576" | bc -l)" "$z_p99" "$z_err"
  done
done

python3 - "$results" "$report" "$modules" "$zips" "$zip_mib" "$duration" "$conns" "$zconns" "$threads" "$rounds" <<'PY'
import statistics, sys, os, platform, subprocess
results, report = sys.argv[1], sys.argv[2]
modules, zips, zip_mib, duration, conns, zconns, threads, rounds = sys.argv[3:11]
rows = {}
for line in open(results):
    r, who, s_rps, s_p99, s_err, z_bps, z_p99, z_err = line.split()
    rows.setdefault(int(r), {})[who] = dict(s_rps=float(s_rps), s_p99=float(s_p99), z_bps=float(z_bps),
                                            z_p99=float(z_p99), err=int(s_err) + int(z_err))
small = [rows[r]["gosync"]["s_rps"] / rows[r]["nginx"]["s_rps"] for r in sorted(rows)]
zipr = [rows[r]["gosync"]["z_bps"] / rows[r]["nginx"]["z_bps"] for r in sorted(rows)]
def med(who, key):
    return statistics.median(rows[r][who][key] for r in rows)
errors = sum(rows[r][w]["err"] for r in rows for w in rows[r])
lines = [
    "| | gosync serve | nginx | ratio (median of per-round ratios) | target |",
    "|---|---|---|---|---|",
    "| small-file mix, requests/s | %.0f | %.0f | **%.2f×** | ≥ 1.0× |" % (med("gosync", "s_rps"), med("nginx", "s_rps"), statistics.median(small)),
    "| small-file mix, p99 latency | %.2f ms | %.2f ms | | |" % (med("gosync", "s_p99"), med("nginx", "s_p99")),
    "| large zips, throughput | %.0f MiB/s | %.0f MiB/s | **%.2f×** | ≥ 0.9× |" % (med("gosync", "z_bps") / 2**20, med("nginx", "z_bps") / 2**20, statistics.median(zipr)),
    "| large zips, p99 latency | %.0f ms | %.0f ms | | |" % (med("gosync", "z_p99"), med("nginx", "z_p99")),
    "",
    "Per-round ratios, small-file mix: %s; zips: %s. wrk errors (connect/read/write/status/timeout): %d." % (
        ", ".join("%.2f" % x for x in small), ", ".join("%.2f" % x for x in zipr), errors),
    "Mirror: %s modules × 5 versions (%d small paths), %s zips of %s MiB; wrk %s threads, %s connections (zips %s), %s s per run, %s rounds." % (
        modules, int(modules) * 11, zips, zip_mib, threads, conns, zconns, duration, rounds),
]
print("\n".join(lines))
if report:
    with open(report, "w") as f:
        f.write("\n".join(lines) + "\n")
PY
