#!/usr/bin/env python3
"""Turns one benchmark run (benchmarks/run.sh) into the tables and plot of docs/BENCHMARKS.md.

Reads, from the results directory given as the only argument: core.json (JMH),
core-ratios.jsonl (CoreRatioProbe) and
document-sizes.jsonl (the bytes each core benchmark processes), e2e.jsonl
(interleaved exports and floors), probe.jsonl (request counts, peak heap), cold-start.jsonl,
machine.txt. Writes results.md (the
tables) and growth.svg (the plot) there. Every figure is a ratio against a baseline measured in
the same run. Python 3 standard library only.
"""
import json
import math
import sys
from pathlib import Path

# AWS list prices, us-east-1, x86_64 (Lambda: the stack's architecture), as published in 2026.
LAMBDA_GB_SECOND = 0.0000166667
LAMBDA_REQUEST = 0.20 / 1_000_000
S3_PUT = 0.005 / 1_000
DYNAMODB_READ_UNIT = 0.125 / 1_000_000  # on-demand; strongly consistent: 1 unit per 4 KB
FUNCTION_MEMORY_GB = 2048 / 1024  # infra: RunpackFunction memory (cdk.json memoryMb)
MIB = 1024 * 1024

results = Path(sys.argv[1])


def jmh(name):
    path = results / name
    return json.loads(path.read_text()) if path.exists() else []


def lines(name):
    path = results / name
    return [json.loads(l) for l in path.read_text().splitlines() if l.startswith("{")] if path.exists() else []


def method(entry):
    return entry["benchmark"].rsplit(".", 1)[1]


def core_table(core, sizes):
    actual = {(d["log"], d["bytes"]): d["document_bytes"] for d in sizes}
    by = {}
    for e in core:
        p = e["params"]
        key = (p["log"], actual.get((p["log"], int(p["bytes"])), int(p["bytes"])))
        alloc = e.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        by.setdefault(key, {})[method(e)] = (e["primaryMetric"]["score"], e["primaryMetric"]["scoreError"], alloc)
    out = ["| log | document | Runpack MB/s | A: Jackson copy MB/s | B: JCS MB/s | tree round trip MB/s | Runpack ÷ A | Runpack ÷ B | alloc/MB Runpack | alloc/MB A | alloc/MB B |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    for (log, size), m in sorted(by.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        def mbps(k):
            return size / 1e6 / (m[k][0] / 1e6) if k in m else float("nan")
        def alloc(k):
            return m[k][2] / size if k in m and m[k][2] is not None else float("nan")
        rp, a, b, t = mbps("runpack"), mbps("floorJacksonStreamingCopy"), mbps("erdtmanJcs"), mbps("runpackTreeRoundTrip")
        out.append(f"| {log.lower()} | {human(size)} | {rp:,.0f} | {a:,.0f} | {b:,.0f} | {t:,.0f} | **{rp / a:.2f}×** | **{rp / b:.1f}×** "
                   f"| {alloc('runpack'):.2f} | {alloc('floorJacksonStreamingCopy'):.2f} | {alloc('erdtmanJcs'):.2f} |")
    return "\n".join(out)


def human(size):
    if size >= MIB:
        return f"{size / MIB:.1f} MiB"
    return f"{size / 1024:.1f} KiB" if size < 10 * 1024 else f"{size / 1024:.0f} KiB"


def run_key(run):
    return math.inf if run == "largest" else int(run)


def e2e_rows(e2e, probe):
    times = {e["run"]: e for e in e2e}
    probes = {p["run"]: p for p in probe}
    return [(run, times.get(run), probes.get(run)) for run in sorted(set(times) | set(probes), key=run_key)]


def e2e_table(rows):
    out = ["| run | records | runpack | pairs | Runpack ms (p25–p75) | I/O floor ms (p25–p75) | Runpack ÷ floor (p25–p75) | Query calls (minimum) | GetItem | PutObject (artifacts + 1) | other requests |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    for run, t, p in rows:
        if not t:
            continue
        counts = (f"{p['query']} ({p['query_min']}) | {p['get_item']} | {p['put_object']} ({p['put_object'] - 1} + 1) | {p['other_requests']}"
                  if p else "? | ? | ? | ?")
        out.append(f"| {run} | {t['records']:,} | {human(t['runpack_bytes'])} | {t['pairs']} "
                   f"| {t['runpack_ms']:,.0f} ({t['runpack_ms_p25']:,.0f}–{t['runpack_ms_p75']:,.0f}) "
                   f"| {t['floor_ms']:,.0f} ({t['floor_ms_p25']:,.0f}–{t['floor_ms_p75']:,.0f}) "
                   f"| **{t['ratio']:.2f}×** ({t['ratio_p25']:.2f}–{t['ratio_p75']:.2f}) | {counts} |")
    return "\n".join(out)


def heap_table(rows):
    out = ["| run | runpack | target: 3 × runpack + 64 MiB | smallest heap that completes | ÷ target | ÷ runpack bytes | GCs at the target | first export in a fresh JVM |",
           "|---|---|---|---|---|---|---|---|"]
    for run, _, p in rows:
        if not p or "min_heap_mib" not in p:
            continue
        smallest = p["min_heap_mib"] * MIB
        out.append(f"| {run} | {human(p['runpack_bytes'])} | {p['heap_limit'] / MIB:,.0f} MiB | {p['min_heap_mib']} MiB "
                   f"| **{smallest / p['heap_limit']:.2f}** | {smallest / p['runpack_bytes']:.1f} | {p['gcs']} | {p['first_export_ms']:,} ms |")
    return "\n".join(out)


def cost_table(rows):
    out = ["| run | records | Lambda ms (warm) | Lambda $ | S3 PUTs $ | DynamoDB reads $ | total $ per export | $ per 1,000 exports | $ per million records |",
           "|---|---|---|---|---|---|---|---|---|"]
    for run, t, p in rows:
        if not p or not t:
            continue
        ms = t["runpack_ms"]
        lam = ms / 1000 * FUNCTION_MEMORY_GB * LAMBDA_GB_SECOND + LAMBDA_REQUEST
        s3 = p["put_object"] * S3_PUT
        ddb = (math.ceil(p["partition_bytes"] / 4096) + 1) * DYNAMODB_READ_UNIT
        total = lam + s3 + ddb
        out.append(f"| {run} | {p['records']:,} | {ms:,.0f} | {lam:.7f} | {s3:.6f} | {ddb:.7f} | {total:.6f} | {total * 1000:.3f} | {total / p['records'] * 1e6:.2f} |")
    return "\n".join(out)


def ratio_table(ratios):
    out = ["| log | document | Runpack µs | of which SHA-256 µs | canonical input µs | A µs | B µs | Runpack ÷ A (lowest–highest round) | Runpack ÷ B (lowest–highest round) | canonical input ÷ B |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for r in ratios:
        a, b = r["runpack_vs_a_range"], r["runpack_vs_b_range"]
        out.append(f"| {r['log'].lower()} | {human(r['document_bytes'])} | {r['runpack_us']:,.1f} | {r['hash_us']:,.1f} | {r['canonical_input_us']:,.1f} "
                   f"| {r['a_us']:,.1f} | {r['b_us']:,.1f} "
                   f"| **{r['runpack_vs_a']:.2f}×** ({a[0]:.2f}–{a[1]:.2f}) | **{r['runpack_vs_b']:.2f}×** ({b[0]:.2f}–{b[1]:.2f}) | {r['canonical_input_vs_b']:.2f}× |")
    return "\n".join(out)


def cold_table(cold):
    out = ["| variant | JVM flags | median ms | min–max ms | ÷ empty-handler baseline |", "|---|---|---|---|---|"]
    for c in cold:
        out.append(f"| {c['variant']} | `{c['flags'] or '(none)'}` | **{c['median_ms']:,}** | {c['min_ms']:,}–{c['max_ms']:,} | {c['vs_baseline']:.2f}× |")
    return "\n".join(out)


def svg(rows):
    """Log-log plot: time of Runpack and of the floor, and peak heap, against records."""
    pts = [(p["records"], t["runpack_ms"], t["floor_ms"], p["min_heap_mib"], p["heap_limit"] / MIB)
           for run, t, p in rows if p and t and "min_heap_mib" in p]
    if len(pts) < 2:
        return None
    w, h, left, right, top, bottom = 760, 420, 70, 70, 30, 50
    xs = [math.log10(p[0]) for p in pts]
    x0, x1 = math.floor(min(xs)), math.ceil(max(xs))
    ys = [math.log10(v) for p in pts for v in p[1:]]
    y0, y1 = math.floor(min(ys)), math.ceil(max(ys))
    X = lambda v: left + (math.log10(v) - x0) / (x1 - x0) * (w - left - right)
    Y = lambda v: h - bottom - (math.log10(v) - y0) / (y1 - y0) * (h - top - bottom)
    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
         f'<rect width="{w}" height="{h}" fill="white"/>',
         f'<text x="{w / 2}" y="18" text-anchor="middle" font-size="14">Export time and heap by run size (log–log)</text>']
    for e in range(x0, x1 + 1):
        s.append(f'<line x1="{X(10 ** e)}" y1="{top}" x2="{X(10 ** e)}" y2="{h - bottom}" stroke="#ddd"/>')
        s.append(f'<text x="{X(10 ** e)}" y="{h - bottom + 16}" text-anchor="middle">{10 ** e:,}</text>')
    for e in range(y0, y1 + 1):
        s.append(f'<line x1="{left}" y1="{Y(10 ** e)}" x2="{w - right}" y2="{Y(10 ** e)}" stroke="#ddd"/>')
        s.append(f'<text x="{left - 6}" y="{Y(10 ** e) + 4}" text-anchor="end">{10 ** e:,}</text>')
    s.append(f'<text x="{w / 2}" y="{h - 12}" text-anchor="middle">records in the run</text>')
    s.append(f'<text x="16" y="{h / 2}" transform="rotate(-90 16 {h / 2})" text-anchor="middle">ms (time) · MiB (heap)</text>')
    series = [(1, "#c0392b", "Runpack export, ms"), (2, "#7f8c8d", "I/O floor, ms"), (3, "#2980b9", "smallest heap that completes, MiB"), (4, "#2980b9", "heap target (3 × runpack + 64 MiB)")]
    for i, (col, color, label) in enumerate(series):
        dash = ' stroke-dasharray="5,4"' if col == 4 or col == 2 else ""
        path = " ".join(f"{'M' if k == 0 else 'L'}{X(p[0]):.1f},{Y(p[col]):.1f}" for k, p in enumerate(pts))
        s.append(f'<path d="{path}" fill="none" stroke="{color}" stroke-width="2"{dash}/>')
        for p in pts:
            s.append(f'<circle cx="{X(p[0]):.1f}" cy="{Y(p[col]):.1f}" r="3" fill="{color}"/>')
        s.append(f'<line x1="{left + 10}" y1="{top + 12 + 16 * i}" x2="{left + 34}" y2="{top + 12 + 16 * i}" stroke="{color}" stroke-width="2"{dash}/>')
        s.append(f'<text x="{left + 40}" y="{top + 16 + 16 * i}">{label}</text>')
    s.append("</svg>")
    return "\n".join(s)


core, e2e, probe, cold = jmh("core.json"), lines("e2e.jsonl"), lines("probe.jsonl"), lines("cold-start.jsonl")
sizes = lines("document-sizes.jsonl")
rows = e2e_rows(e2e, probe)
machine = (results / "machine.txt").read_text().strip() if (results / "machine.txt").exists() else ""
md = [f"Results of `{results}`\n", "```", machine, "```", "", "### Export core", core_table(core, sizes), "",
      "### Export core, in pairs (CPU time, medians of per-round ratios)", ratio_table(lines("core-ratios.jsonl")), "",
      "### End to end", e2e_table(rows), "", "### Heap", heap_table(rows), "", "### Cold start", cold_table(cold), "",
      "### Cost", cost_table(rows), ""]
(results / "results.md").write_text("\n".join(md))
plot = svg(rows)
if plot:
    (results / "growth.svg").write_text(plot)
print("\n".join(md))
