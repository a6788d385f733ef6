#!/usr/bin/env python3
"""p99 and requests/s of each hot path against the number of referrals, from bench/perf.sh's results.

    python3 bench/plot_sizes.py OUT.png WRITE results-100000.psv results-1000000.psv ...

Each results file is one perf.sh run (its size in its name): path|requests/s p50 p99 non-2xx errors requests|cpu|rss.
Draws OUT.png (two panels: p99 in ms and requests/s, a line per path, sizes on a log scale), prints a markdown
table, and with WRITE=1 puts it between BENCHMARKS.md's sizes markers.
"""
import re
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

out, write, files = sys.argv[1], sys.argv[2], sys.argv[3:]
runs = {}
for name in files:
    size = int(re.search(r"results-(\d+)\.psv$", name).group(1))
    for line in open(name):
        path, figures, cpu, _ = line.rstrip("\n").split("|")
        # The deep cursor's depth is min(30,000, the list's length - 100): one line whatever the size.
        path = re.sub(r"cursor \d+ deep", "deep cursor", path)
        rps, p50, p99 = figures.split()[:3]
        runs.setdefault(path, {})[size] = (int(rps), float(p99), int(cpu))
sizes = sorted({s for r in runs.values() for s in r})
figure, (latency, throughput) = plt.subplots(1, 2, figsize=(14, 5.5))
for path, by_size in runs.items():
    xs = [s for s in sizes if s in by_size]
    label = path if len(path) < 60 else path[:57] + "..."
    latency.plot(xs, [by_size[s][1] for s in xs], marker="o", label=label)
    throughput.plot(xs, [by_size[s][0] for s in xs], marker="o", label=label)
for axis, title in ((latency, "p99 (ms)"), (throughput, "requests/s")):
    axis.set_xscale("log")
    axis.set_xticks(sizes, [f"{s:,}" for s in sizes])
    axis.set_xlabel("referrals in the database")
    axis.set_title(title)
    axis.set_ylim(bottom=0)
    axis.grid(True, alpha=0.3)
throughput.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.02, 1))
figure.tight_layout()
figure.savefig(out, dpi=100)
header = "| path | " + " | ".join(f"{s:,}: req/s, p99 ms" for s in sizes) + " |"
rows = [header, "| --- |" + " --- |" * len(sizes)]
for path, by_size in runs.items():
    cells = [f"{by_size[s][0]:,}, {by_size[s][1]}" if s in by_size else "" for s in sizes]
    rows.append(f"| `{path}` | " + " | ".join(cells) + " |")
table = "\n".join(rows)
print(table)
if write == "1":
    text = open("BENCHMARKS.md").read()
    text = re.sub(r"(<!-- sizes:start -->\n).*(<!-- sizes:end -->)", lambda m: m.group(1) + table + "\n" + m.group(2),
                  text, flags=re.S)
    open("BENCHMARKS.md", "w").write(text)
