#!/usr/bin/env python3
"""Runs two eval_bench binaries alternately and prints each counter's median (and range).

On a shared machine the load changes from one minute to the next, so a baseline measured an hour
earlier says little: the two binaries here run one after the other, N times, under the same
conditions, and the ratio of their medians is the figure to read.

  bench/compare.py BASELINE_BINARY CURRENT_BINARY [--runs N] [--filter REGEX] [--counters A,B]
"""
import argparse
import json
import statistics
import subprocess
import sys


def run(binary, benchmark_filter):
    out = subprocess.run(
        [binary, f"--benchmark_filter={benchmark_filter}", "--benchmark_format=json"],
        check=True, capture_output=True, text=True).stdout
    results = {}
    for b in json.loads(out)["benchmarks"]:
        values = {"cpu_ms": b["cpu_time"] if b.get("time_unit") == "ms" else None}
        values.update({k: v for k, v in b.items() if isinstance(v, (int, float))
                       and k not in ("iterations", "repetitions", "repetition_index",
                                     "threads", "family_index", "per_family_instance_index")})
        results[b["name"]] = values
    return results


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("baseline")
    p.add_argument("current")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--filter", default="EngineVsSqlite")
    p.add_argument("--counters", default="", help="comma-separated; default: all")
    args = p.parse_args()
    wanted = [c for c in args.counters.split(",") if c]
    samples = {"baseline": {}, "current": {}}
    for i in range(args.runs):
        for label, binary in (("baseline", args.baseline), ("current", args.current)):
            for name, values in run(binary, args.filter).items():
                for counter, v in values.items():
                    if v is None or (wanted and counter not in wanted):
                        continue
                    samples[label].setdefault((name, counter), []).append(v)
        print(f"run {i + 1}/{args.runs} done", file=sys.stderr)
    keys = sorted(set(samples["baseline"]) | set(samples["current"]))
    print(f"{'benchmark':45} {'counter':34} {'baseline median [min-max]':>30} "
          f"{'current median [min-max]':>30} {'current/baseline':>16}")
    for key in keys:
        cells = []
        medians = []
        for label in ("baseline", "current"):
            v = samples[label].get(key)
            if not v:
                cells.append(f"{'-':>30}")
                medians.append(None)
                continue
            m = statistics.median(v)
            medians.append(m)
            cells.append(f"{m:>12.4g} [{min(v):.4g}-{max(v):.4g}]".rjust(30))
        ratio = (f"{medians[1] / medians[0]:16.3f}"
                 if None not in medians and medians[0] else f"{'-':>16}")
        print(f"{key[0][:45]:45} {key[1][:34]:34} {cells[0]} {cells[1]} {ratio}")


if __name__ == "__main__":
    main()
