#!/usr/bin/env python3
"""Summarises a JFR recording of the controller: where CPU samples and allocation go.

    bench/jfr-top.py target/bench/initial-20000.jfr [top]

Reads the recording with the JDK's `jfr print --json`. CPU: execution samples by top frame, by the
top frame's package, by thread, and the share of samples with given code anywhere on the stack
(inclusive). Allocation: sampled bytes (the events' weight) by class and by the first frame of
our own code or of a named library. Also GC pauses and JIT compilation time.
"""
import collections
import json
import subprocess
import sys

# Inclusive buckets: a sample counts for each bucket whose marker appears anywhere on its stack.
INCLUSIVE = [
    ("JSON parsing (Jackson, any caller)", ("com.fasterxml.jackson.",)),
    ("fabric8 list/watch handling (Reflector, WatchHTTPManager, Lister)",
     ("io.fabric8.kubernetes.client.informers.impl.", "io.fabric8.kubernetes.client.dsl.internal.Watch")),
    ("informer store put (MetadataStore.put)", ("live.devopstoolkit.resourcesync.informer.MetadataStore.put",)),
    ("SyncRecords.of (record mapping)", ("live.devopstoolkit.resourcesync.changes.SyncRecords.of",)),
    ("Instant.parse (updatedAt)", ("java.time.Instant.parse",)),
    ("informer event handlers (TypeWatch$1)", ("live.devopstoolkit.resourcesync.informer.TypeWatch$1.",)),
    ("Camel route per event (InformerConsumer.emit)", ("live.devopstoolkit.resourcesync.informer.InformerConsumer.emit",)),
    ("Camel aggregator", ("org.apache.camel.processor.aggregate.",)),
    ("Camel, any", ("org.apache.camel.",)),
    ("delivery: request rendering / HTTP (delivery.*)", ("live.devopstoolkit.resourcesync.delivery.",)),
    ("resync entity (resync.*)", ("live.devopstoolkit.resourcesync.resync.",)),
    ("discovery", ("live.devopstoolkit.resourcesync.discovery.",)),
    ("logging (logback/slf4j)", ("ch.qos.logback.", "org.slf4j.")),
    ("HTTP client (JDK/Vert.x/OkHttp/Netty)", ("jdk.internal.net.http.", "io.vertx.", "okhttp3.", "io.netty.")),
    ("TLS (sun.security.ssl, crypto)", ("sun.security.", "com.sun.crypto.")),
    ("class loading / startup (ClassLoader, reflection)", ("java.lang.ClassLoader.", "jdk.internal.loader.",
                                                             "java.lang.Class.forName")),
]


def frame_name(frame):
    method = frame["method"]
    return method["type"]["name"].replace("/", ".") + "." + method["name"]


def package(name):
    parts = name.split(".")
    # class.method -> drop both; keep at most 4 package segments
    return ".".join(parts[:-2][:4]) or name


def events(path, kind):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "96", "--events", kind, path],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def table(title, counter, total, top, unit=""):
    print(f"\n### {title}\n")
    print("| share | " + ("samples" if not unit else unit) + " | where |")
    print("|---:|---:|---|")
    for key, value in counter.most_common(top):
        shown = f"{value / 1048576:.1f}" if unit == "MiB" else str(value)
        print(f"| {100.0 * value / total:.1f}% | {shown} | `{key}` |")


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    samples = events(path, "jdk.ExecutionSample")
    total = len(samples)
    by_top, by_pkg, by_thread, inclusive, first_ours = (collections.Counter() for _ in range(5))
    for sample in samples:
        frames = [frame_name(f) for f in (sample["values"]["stackTrace"] or {}).get("frames", [])]
        if not frames:
            continue
        by_top[frames[0]] += 1
        by_pkg[package(frames[0])] += 1
        thread = sample["values"]["sampledThread"]["javaName"] or "?"
        by_thread["".join(c if not c.isdigit() else "N" for c in thread)] += 1
        for label, markers in INCLUSIVE:
            if any(f.startswith(m) for f in frames for m in markers):
                inclusive[label] += 1
        ours = next((f for f in frames if f.startswith("live.devopstoolkit.")), None)
        first_ours[ours or "(no frame of ours)"] += 1
    print(f"# {path}\n\nExecution samples: {total}")
    table("CPU samples by top frame (self)", by_top, total, top)
    table("CPU samples by top frame's package (self)", by_pkg, total, top)
    print("\n### CPU samples with this code anywhere on the stack (inclusive; buckets overlap)\n")
    print("| share | samples | code |")
    print("|---:|---:|---|")
    for label, _ in INCLUSIVE:
        print(f"| {100.0 * inclusive[label] / total:.1f}% | {inclusive[label]} | {label} |")
    table("CPU samples by innermost frame of our code (inclusive)", first_ours, total, top)
    table("CPU samples by thread (digits as N)", by_thread, total, top)

    allocations = events(path, "jdk.ObjectAllocationSample")
    by_class, by_site = collections.Counter(), collections.Counter()
    for event in allocations:
        values = event["values"]
        weight = values["weight"]
        by_class[values["objectClass"]["name"].replace("/", ".")] += weight
        frames = [frame_name(f) for f in (values["stackTrace"] or {}).get("frames", [])]
        ours = next((f for f in frames if f.startswith("live.devopstoolkit.")), None)
        by_site[ours or ("(no frame of ours) " + (frames[0] if frames else "?"))] += weight
    allocated = sum(by_class.values()) or 1
    print(f"\nSampled allocation: {allocated / 1048576:.0f} MiB (sum of jdk.ObjectAllocationSample weights)")
    table("Allocation by class", by_class, allocated, top, "MiB")
    table("Allocation by innermost frame of our code (else the top frame)", by_site, allocated, top, "MiB")

    def seconds(iso):
        return float(iso[2:-1]) if iso.startswith("PT") and iso.endswith("S") else 0.0

    gcs = events(path, "jdk.GarbageCollection")
    pauses = sum(seconds(e["values"]["sumOfPauses"]) for e in gcs)
    gc_cpu = sum(seconds(e["values"]["userTime"]) + seconds(e["values"]["systemTime"])
                 for e in events(path, "jdk.GCCPUTime"))
    print(f"\nGC: {len(gcs)} collections, {pauses:.2f} s of pauses, {gc_cpu:.2f} s of GC threads' CPU (jdk.GCCPUTime)")


if __name__ == "__main__":
    main()
