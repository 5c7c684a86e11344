#!/usr/bin/env python3
"""Summarizes a Java Flight Recording as Markdown: where gosync's threads spend their time.

Input: the output of `jfr print --json --events jdk.ExecutionSample,jdk.NativeMethodSample FILE`
for a recording made with settings=profile (Java samples every 10 ms, native every 20 ms).
Java samples are threads running Java code, so CPU. Native samples are threads inside native
code: zstd-jni compressing is CPU too; a socket or file read is a thread waiting. Each sample is
put in the first category whose marker appears in its stack, looking from the innermost frame
out, so a SHA-256 computed while a zip is checked counts as hashing.
"""
import collections
import json
import sys

# (category, substrings of "package.Class.method"), tried per frame, innermost frame first.
CATEGORIES = [
    ("zstd compression", ("zstd", "Zstd")),
    ("gzip / deflate compression", ("java.util.zip.Deflater", "java.util.zip.GZIPOutputStream")),
    ("inflate (reading zip entries)", ("java.util.zip.Inflater",)),
    ("SHA-256 and other digests", ("sun.security.provider.", "java.security.MessageDigest")),
    ("CRC-32", ("java.util.zip.CRC32",)),
    ("Ed25519 signing", ("sun.security.ec.", "EdDSA")),
    ("network (HTTP client, sockets)", ("jdk.internal.net.http.", "java.net.", "sun.nio.ch.Socket",
                                        "sun.nio.ch.Net.", "sun.nio.ch.EPoll")),
    ("file I/O", ("sun.nio.ch.FileChannelImpl", "sun.nio.ch.FileDispatcherImpl", "java.io.FileOutputStream",
                  "java.io.FileInputStream", "java.io.RandomAccessFile", "java.nio.file.Files", "sun.nio.fs.")),
    ("tar writing", ("commons.compress.archivers.tar", ".archive.Tar")),
    ("JSON", ("com.fasterxml.jackson.",)),
    ("SQLite state", ("sqlite",)),
    ("waiting on locks and queues", ("jdk.internal.misc.Unsafe.park", "java.lang.Object.wait", "java.lang.Thread.sleep")),
]


def frame_name(frame):
    method = frame.get("method", {})
    return f"{method.get('type', {}).get('name', '?').replace('/', '.')}.{method.get('name', '?')}"


def category(frames):
    for frame in frames:
        name = frame_name(frame)
        for label, markers in CATEGORIES:
            if any(m in name for m in markers):
                return label
    for frame in frames:
        name = frame_name(frame)
        if name.startswith("dev.gosync."):
            package = name.rsplit(".", 2)[0]
            return "gosync code: " + package
    return "other (JDK, JIT-compiled runtime, startup)"


def table(title, counter):
    total = sum(counter.values()) or 1
    print(f"| {title} | samples | share |")
    print("|---|---|---|")
    for label, count in counter.most_common(12):
        print(f"| {label} | {count} | {100 * count / total:.1f}% |")
    print()


def main():
    events = json.load(open(sys.argv[1]))["recording"]["events"]
    running, native, top, threads = (collections.Counter() for _ in range(4))
    for event in events:
        values = event["values"]
        frames = (values.get("stackTrace") or {}).get("frames") or []
        label = category(frames)
        if event["type"] == "jdk.ExecutionSample":
            running[label] += 1
            top[f"`{frame_name(frames[0])}`" if frames else "?"] += 1
            thread = (values.get("sampledThread") or {}).get("javaName") or "?"
            threads[thread.rstrip("0123456789") + ("N" if thread[-1:].isdigit() else "")] += 1
        else:
            native[label] += 1
    print("Threads running Java code (CPU; JFR samples a few threads every 10 ms), by activity:")
    print()
    table("activity", running)
    table("hottest Java methods (innermost frame)", top)
    table("thread running Java code (numbered threads summed)", threads)
    print("Threads inside native code (every 20 ms): zstd-jni compressing and inflating are CPU;")
    print("socket and file reads, polls and parks are waiting:")
    print()
    table("activity", native)


if __name__ == "__main__":
    sys.exit(main())
