"""`make bench`: python -m bench [--out build/bench] [--db build/measures.db]."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench import measure, report
from bot import BUILD, DEFAULT_DB


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--out", type=Path, default=BUILD / "bench")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    args = parser.parse_args(argv)
    results = measure.run_all(args.out, args.db)
    latencies = json.loads((args.out / "latency_ms.json").read_text())
    report.write(results, latencies, args.out)
    print()
    for figure, ours, reference, target in report.summary_rows(results):
        print(f"{figure:48} {ours:24} {reference:44} {target}")
    print(f"\nwrote {args.out / 'results.json'} and {args.out / 'report.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
