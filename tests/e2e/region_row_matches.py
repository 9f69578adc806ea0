#!/usr/bin/env python3
"""region_row_matches.py REGION_EVAL_JSON COUNTY_EVAL_JSON COUNTY

Prints "same" when the county's row of `junheng region eval --format json` (an
EvaluateRegionResponse, proto/junheng/v1/region.proto) carries exactly the verdict, the difference
coefficient of every indicator of every level and the input hash of the county's own
`junheng eval --format json` (an Evaluation); else what differs. Coefficients are compared as the
numbers JSON gives, without tolerance: the region's row must be the county's evaluation, not an
approximation of it. Used by region_e2e_test.sh.
"""

import json
import sys


def own_figures(evaluation):
    coefficients = {}
    for level in evaluation.get("levels", []):
        for indicator in level.get("indicators", []):
            coefficients[(level["level"], indicator["id"])] = indicator.get("cv")
    return evaluation["verdict"]["status"], coefficients, evaluation["input_hash"]


def row_figures(row):
    coefficients = {}
    for level in row.get("figures", {}).get("levels", []):
        for indicator in level.get("indicators", []):
            coefficients[(level["level"], indicator["id"])] = indicator.get("cv")
    return row["verdict"], coefficients, row["input_hash"]


def main():
    region_file, county_file, county = sys.argv[1:4]
    with open(region_file, encoding="utf-8") as f:
        region = json.load(f)
    with open(county_file, encoding="utf-8") as f:
        evaluation = json.load(f)
    rows = [r for r in region.get("counties", []) if r.get("county_code") == county]
    if len(rows) != 1:
        print(f"{len(rows)} rows of county {county} in {region_file}")
        return
    want, got = own_figures(evaluation), row_figures(rows[0])
    problems = []
    for name, w, g in zip(("verdict", "coefficients", "input_hash"), want, got):
        if w != g:
            problems.append(f"{name}: own eval {w!r}, region row {g!r}")
    if not want[1]:
        problems.append("the county's own eval has no coefficients")
    print("same" if not problems else "; ".join(problems))


if __name__ == "__main__":
    main()
