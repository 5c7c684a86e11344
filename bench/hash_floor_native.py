#!/usr/bin/env python3
"""The h1 hashing floor measured with native code only, independent of Java.

SHA-256 comes from OpenSSL (hashlib) and inflate from zlib (zipfile), both C; Python only
drives them, a 1 MiB chunk at a time. For every zip under PROXY_DIR: SHA-256 of the whole
zip, then inflate + SHA-256 of every entry (what checking an h1 costs), on N processes,
largest zips first. Prints wall and CPU seconds per round; compare with
`java bench/HashFloor.java N PROXY_DIR` in the same minute (docs/PERFORMANCE.md).

usage: python3 bench/hash_floor_native.py PROCESSES PROXY_DIR [ROUNDS]
"""
import hashlib
import multiprocessing
import os
import sys
import time
import zipfile

CHUNK = 1 << 20


def hash_zip(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(CHUNK):
            digest.update(block)
    unzipped = 0
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            entry = hashlib.sha256()
            with z.open(info) as data:
                while block := data.read(CHUNK):
                    entry.update(block)
                    unzipped += len(block)
    return os.path.getsize(path), unzipped


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    processes, root = int(sys.argv[1]), sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) == 4 else 2
    zips = [os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".zip")]
    zips.sort(key=os.path.getsize, reverse=True)
    for round_number in range(1, rounds + 1):
        start, cpu_start = time.monotonic(), os.times()
        with multiprocessing.Pool(processes) as pool:
            sizes = pool.map(hash_zip, zips, chunksize=1)
        cpu_end = os.times()
        cpu = (cpu_end.children_user + cpu_end.children_system
               - cpu_start.children_user - cpu_start.children_system)
        print(f"round {round_number}, {processes} processes: {sum(s[0] for s in sizes) / 1e6:.1f} MB of zips"
              f" and {sum(s[1] for s in sizes) / 1e6:.1f} MB unzipped hashed in"
              f" {time.monotonic() - start:.2f} s wall, {cpu:.2f} CPU-s")


if __name__ == "__main__":
    main()
