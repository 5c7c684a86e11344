#!/usr/bin/env python3
"""Writes a synthetic Go module closure for the export benchmark.

The output directory gets two parts:

  proxy/    a GOPROXY file layout: for every module, @v/list, v1.0.0.{info,mod} and
            v1.1.0.{info,mod,zip}
  project/  a main module (go 1.21, so its graph is pruned) requiring every module at
            v1.1.0, with a go.sum holding the correct h1 hashes

The zips mimic real modules: many small .go files in a few packages, go.mod, LICENSE and
README, and in about a third of the modules large test data - incompressible blobs and
compressible JSON-like logs - sized so the zips add up to --total bytes. Most v1.1.0 go.mod
files require a few other modules at v1.0.0; a handful declare go 1.16, whose graphs are not
pruned, so the go command also reads some v1.0.0 go.mod files. Everything is derived from
--seed: the same arguments give byte-identical files.

Hashes follow the dirhash algorithm (h1): sha256 of each file, lines "<hex>  <name>\n" in
byte order of the names, sha256 of the lines, base64.
"""
import argparse
import base64
import functools
import hashlib
import json
import os
import random
import re
import sys
import time
import zipfile
from multiprocessing import Pool

PREFIX = "example.com/bench"
OLD, NEW = "v1.0.0", "v1.1.0"
ZIP_TIME = (2024, 1, 2, 3, 4, 6)
INFO_TIME = {OLD: "2024-01-01T00:00:00Z", NEW: "2024-01-02T03:04:05Z"}
MAX_MODULE_ZIP = 100 << 20         # as large as big real modules; far under the 500 MiB limit
MAX_COMPRESSIBLE_RAW = 128 << 20   # uncompressed test data per module, same reason
BLOB_FILE = 64 << 20               # largest single test data file
CHUNK = 4 << 20
COMPRESSIBLE_RATIO = 6.0           # deflate level 1 on the log lines below, measured


def parse_size(text):
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMGT]?)(i?B?)?", text.strip(), re.IGNORECASE)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (examples: 500MB, 2.5GiB, 1048576)")
    number, unit, suffix = float(m.group(1)), m.group(2).upper(), (m.group(3) or "").lower()
    base = 1024 if suffix.startswith("i") else 1000
    return int(number * base ** "_KMGT".index(unit or "_"))


def module_path(i):
    # Every 30th module has upper case letters, so the proxy paths carry '!' escapes.
    return f"{PREFIX}/Caps-{i:03d}" if i % 30 == 29 else f"{PREFIX}/mod-{i:03d}"


def escape(path):
    return re.sub(r"[A-Z]", lambda m: "!" + m.group(0).lower(), path)


def h1(entries):
    """entries: (name, sha256 hex) pairs."""
    lines = "".join(f"{digest}  {name}\n" for name, digest in sorted(entries, key=lambda e: e[0].encode()))
    return "h1:" + base64.b64encode(hashlib.sha256(lines.encode()).digest()).decode()


def go_mod_h1(data):
    return h1([("go.mod", hashlib.sha256(data).hexdigest())])


def go_mod(path, go_version, requires):
    text = f"module {path}\n\ngo {go_version}\n"
    if requires:
        text += "\nrequire (\n" + "".join(f"\t{r} {OLD}\n" for r in requires) + ")\n"
    return text.encode()


CODE_LINES = [
    "\tif err != nil {\n\t\treturn nil, fmt.Errorf(\"{w}: %w\", err)\n\t}\n",
    "\tfor i := range {w}s {\n\t\ttotal += {w}s[i].Size\n\t}\n",
    "\t// {w} keeps the {w} of the {w} until the {w} is closed.\n",
    "\t{w}, ok := m[key]\n\tif !ok {\n\t\treturn {w}{}, false\n\t}\n",
    "\tb.WriteString(strconv.Itoa(n))\n",
    "\tswitch v := x.(type) {\n\tcase int:\n\t\treturn v * {n}\n\tdefault:\n\t\treturn 0\n\t}\n",
    "\tdefer mu.Unlock()\n",
    "\tctx, cancel := context.WithTimeout(ctx, {n}*time.Millisecond)\n\tdefer cancel()\n",
    "\tout = append(out, {w}{Name: \"{w}\", ID: {n}})\n",
]
WORDS = ("alpha beta cache chunk client digest entry error fetch frame graph handler index item key "
         "layer lock module node offset parser path proxy queue reader record request result root "
         "scanner server session source state stream table token tree value version worker writer").split()


@functools.lru_cache(maxsize=None)
def function_pool(seed):
    """Function bodies to assemble .go files from; FNAME stands for the function's name."""
    rng = random.Random(f"{seed}:functions")
    pool = []
    for _ in range(1024):
        body = ["func FNAME(ctx context.Context, m map[string]int) (int, error) {\n"]
        for _ in range(rng.randint(3, 12)):
            line = rng.choice(CODE_LINES)
            body.append(line.replace("{w}", rng.choice(WORDS)).replace("{n}", str(rng.randint(1, 9999))))
        body.append("\treturn 0, nil\n}\n\n")
        pool.append("".join(body))
    return pool


def go_file(rng, pool, package, index, size):
    header = (f"// Code for package {package}, file {index}.\n\npackage {package}\n\n"
              "import (\n\t\"context\"\n\t\"fmt\"\n\t\"strconv\"\n\t\"time\"\n)\n\n")
    count = max(1, (size - len(header)) // 500)  # the pool's bodies average about 500 bytes
    names = rng.choices(WORDS, k=count)
    bodies = rng.choices(pool, k=count)
    docs = rng.choices(WORDS, k=8 * count)
    return (header + "".join(f"// {n.capitalize()}{index}x{k} {' '.join(docs[8 * k:8 * k + 8])} {rng.getrandbits(48):x}.\n"
                             + b.replace("FNAME", f"{n.capitalize()}{index}x{k}")
                             for k, (n, b) in enumerate(zip(names, bodies)))).encode()


@functools.lru_cache(maxsize=None)
def log_lines(seed):
    """A pool of structured log lines: test data that compresses like real JSON fixtures."""
    rng = random.Random(f"{seed}:log")
    pool = []
    for n in range(4096):
        pool.append(json.dumps({"ts": 1700000000 + n * 37, "level": rng.choice(["info", "warn", "debug"]),
                                "msg": " ".join(rng.choices(WORDS, k=rng.randint(3, 9))),
                                "id": rng.getrandbits(40), "size": rng.randint(0, 1 << 20)}) + "\n")
    return [s.encode() for s in pool]


class ZipHasher:
    """Writes zip entries and remembers each one's sha256 for the h1 hash."""

    def __init__(self, zf, prefix):
        self.zf, self.prefix, self.entries, self.raw_bytes = zf, prefix, [], 0

    def info(self, name, level):
        zi = zipfile.ZipInfo(self.prefix + name, date_time=ZIP_TIME)
        zi.compress_type = zipfile.ZIP_DEFLATED
        # ZipFile.open(mode="w") takes the level from the entry: compress_level from Python 3.13 on.
        if hasattr(zi, "compress_level"):
            zi.compress_level = level
        else:
            zi._compresslevel = level
        zi.external_attr = 0o644 << 16
        return zi

    def add(self, name, data, level=6):
        self.zf.writestr(self.info(name, level), data)
        self.entries.append((self.prefix + name, hashlib.sha256(data).hexdigest()))
        self.raw_bytes += len(data)

    def add_stream(self, name, chunks, level):
        digest = hashlib.sha256()
        with self.zf.open(self.info(name, level), mode="w") as out:
            for chunk in chunks:
                digest.update(chunk)
                out.write(chunk)
                self.raw_bytes += len(chunk)
        self.entries.append((self.prefix + name, digest.hexdigest()))


def random_chunks(key, size):
    for offset in range(0, size, CHUNK):
        n = min(CHUNK, size - offset)
        yield hashlib.shake_256(f"{key}:{offset}".encode()).digest(n)


def text_chunks(rng, pool, size):
    done = 0
    while done < size:
        chunk = b"".join(rng.choices(pool, k=CHUNK // 80))[: size - done]
        done += len(chunk)
        yield chunk


def build_module(job):
    """Writes one module's proxy files and returns its go.sum facts."""
    seed, i, spec, out = job
    rng = random.Random(f"{seed}:{i}")
    path = module_path(i)
    vdir = os.path.join(out, "proxy", escape(path), "@v")
    os.makedirs(vdir, exist_ok=True)
    old_mod = go_mod(path, "1.21", [])
    new_mod = go_mod(path, spec["go"], [module_path(r) for r in spec["requires"]])
    for version, mod in ((OLD, old_mod), (NEW, new_mod)):
        with open(os.path.join(vdir, version + ".mod"), "wb") as f:
            f.write(mod)
        with open(os.path.join(vdir, version + ".info"), "w") as f:
            f.write(json.dumps({"Version": version, "Time": INFO_TIME[version]}) + "\n")
    with open(os.path.join(vdir, "list"), "w") as f:
        f.write(f"{OLD}\n{NEW}\n")

    zip_path = os.path.join(vdir, NEW + ".zip")
    with open(zip_path, "wb") as raw, zipfile.ZipFile(raw, "w", allowZip64=True) as zf:
        z = ZipHasher(zf, f"{path}@{NEW}/")
        z.add("go.mod", new_mod)
        z.add("LICENSE", ("Synthetic benchmark module. Permission is granted to use it for anything.\n" * 20).encode())
        z.add("README.md", f"# {path}\n\nGenerated for the gosync export benchmark.\n".encode())
        packages = [f"pkg{p}" for p in range(spec["packages"])]
        functions = function_pool(seed)
        for n in range(spec["go_files"]):
            pkg = packages[n % len(packages)]
            size = int(500 * (80 ** rng.random()))  # 500 B .. 40 KB, log-uniform
            z.add(f"{pkg}/{rng.choice(WORDS)}_{n}.go", go_file(rng, functions, pkg, n, size))
            if n % 5 == 0:
                z.add(f"{pkg}/{rng.choice(WORDS)}_{n}_test.go", go_file(rng, functions, pkg, n, size // 2))
        if spec["compressible"]:
            pool = log_lines(seed)
            left = spec["compressible"]
            for part in range((left + BLOB_FILE - 1) // BLOB_FILE):
                n = min(BLOB_FILE, left - part * BLOB_FILE)
                z.add_stream(f"testdata/events-{part}.jsonl", text_chunks(rng, pool, n), level=1)
        if spec["zip_target"]:
            # Fill up to the module's share with incompressible data (stored deflate blocks, as a
            # deflater emits for such data), so the zips add up to the requested total.
            raw.flush()
            left = spec["zip_target"] - raw.tell()
            part = 0
            while left > 4096:
                n = min(BLOB_FILE, left)
                z.add_stream(f"testdata/blob-{part}.bin", random_chunks(f"{seed}:{i}:{part}", n), level=0)
                raw.flush()
                left = spec["zip_target"] - raw.tell() - 256
                part += 1
    return {"path": path, "zip_h1": h1(z.entries), "new_mod_h1": go_mod_h1(new_mod),
            "old_mod_h1": go_mod_h1(old_mod), "zip_bytes": os.path.getsize(zip_path), "files": len(z.entries),
            "raw_bytes": z.raw_bytes}


def source_zip_estimate(spec):
    # .go files average about 9.5 KB, plus a half-size test file for every fifth; deflate
    # shrinks them about 5x; go.mod, LICENSE, README and the directory take about 2 KB.
    return spec["go_files"] * 10_500 / 5 + 2_000


def plan(seed, modules, total):
    """Decides each module's shape; the blobs take what the source files leave of the total."""
    rng = random.Random(f"{seed}:plan")
    specs = []
    for i in range(modules):
        go_files = int(4 * (100 ** rng.random()))  # 4 .. 400 files, most modules small
        unpruned = rng.random() < 0.05
        others = [j for j in range(modules) if j != i]
        requires = sorted(rng.sample(others, min(len(others), rng.randint(0, 4))))
        specs.append({"go": "1.16" if unpruned else "1.21", "requires": requires, "go_files": go_files,
                      "packages": max(1, go_files // 25), "blob_weight": rng.paretovariate(1.2) if rng.random() < 0.35 else 0.0,
                      "compressible_share": rng.uniform(0.2, 0.5), "compressible": 0, "zip_target": 0})
    blob_budget = max(0, total - sum(source_zip_estimate(s) for s in specs))
    weighted = [s for s in specs if s["blob_weight"] > 0] or specs[:1]
    weighted[0]["blob_weight"] = weighted[0]["blob_weight"] or 1.0
    capped = set()
    while True:  # share the budget by weight, capping each module and passing the excess on
        free = [s for s in weighted if id(s) not in capped]
        budget = blob_budget - len(capped) * MAX_MODULE_ZIP
        weight = sum(s["blob_weight"] for s in free)
        over = [s for s in free if budget * s["blob_weight"] / weight > MAX_MODULE_ZIP]
        if not over or len(over) == len(free):
            break
        capped.update(id(s) for s in over)
    for s in weighted:
        share = MAX_MODULE_ZIP if id(s) in capped else min(MAX_MODULE_ZIP, budget * s["blob_weight"] / weight)
        s["compressible"] = int(min(MAX_COMPRESSIBLE_RAW, share * s["compressible_share"] * COMPRESSIBLE_RATIO))
        s["zip_target"] = int(source_zip_estimate(s) + share)
    return specs


def write_project(out, results, specs):
    project = os.path.join(out, "project")
    os.makedirs(project, exist_ok=True)
    lines = "".join(f"\t{r['path']} {NEW}\n" for r in sorted(results, key=lambda r: r["path"].encode()))
    with open(os.path.join(project, "go.mod"), "w") as f:
        f.write(f"module {PREFIX}/app\n\ngo 1.21\n\nrequire (\n{lines})\n")
    with open(os.path.join(project, "main.go"), "w") as f:
        f.write("package main\n\nfunc main() {}\n")
    required_old = {r for s in specs for r in s["requires"]}
    sums = []
    for i, r in enumerate(results):
        sums.append((r["path"], NEW, f"{r['path']} {NEW} {r['zip_h1']}"))
        sums.append((r["path"], NEW + "/go.mod", f"{r['path']} {NEW}/go.mod {r['new_mod_h1']}"))
        if i in required_old:
            sums.append((r["path"], OLD + "/go.mod", f"{r['path']} {OLD}/go.mod {r['old_mod_h1']}"))
    # module.Sort order: path bytes, then version (both versions here sort as plain strings).
    sums.sort(key=lambda s: (s[0].encode(), s[1]))
    with open(os.path.join(project, "go.sum"), "w") as f:
        f.write("".join(s[2] + "\n" for s in sums))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="directory to write (created; must be empty or absent)")
    ap.add_argument("--modules", type=int, default=300)
    ap.add_argument("--total", type=parse_size, default=parse_size("500MiB"), help="zip bytes in all (500MiB)")
    ap.add_argument("--seed", default="1")
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    args = ap.parse_args()
    if args.modules < 1:
        ap.error("--modules must be at least 1")
    if os.path.exists(args.out) and os.listdir(args.out):
        ap.error(f"--out {args.out} is not empty")
    started = time.monotonic()
    specs = plan(args.seed, args.modules, args.total)
    jobs = [(args.seed, i, specs[i], args.out) for i in range(args.modules)]
    # Largest modules first, so no worker is left with a big one at the end.
    order = sorted(range(args.modules), key=lambda i: -specs[i]["zip_target"])
    with Pool(args.jobs) as pool:
        done = dict(zip(order, pool.map(build_module, [jobs[i] for i in order], chunksize=1)))
    results = [done[i] for i in range(args.modules)]
    write_project(args.out, results, specs)
    summary = {"modules": args.modules, "seed": args.seed, "zip_bytes": sum(r["zip_bytes"] for r in results),
               "zip_files": sum(r["files"] for r in results), "unzipped_bytes": sum(r["raw_bytes"] for r in results),
               "largest_zip": max(r["zip_bytes"] for r in results)}
    with open(os.path.join(args.out, "corpus.json"), "w") as f:
        json.dump(summary, f, indent=1)
    print(json.dumps(summary), f"in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
