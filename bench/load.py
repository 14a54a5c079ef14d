"""Running locust (in .venv-load) against a running bot, and reading process memory.

Shared by the soak (make soak) and the benchmarks (make bench), so both
measure load the same way.
"""
from __future__ import annotations

import csv
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bot.channels.edge import BUSY
from bot.channels.turns import UNAVAILABLE
from evaluation.nlu import held_out_questions

ROOT = Path(__file__).resolve().parent.parent
LOCUST = ROOT / ".venv-load" / "bin" / "locust"
LOCUSTFILE = ROOT / "bench" / "locustfile.py"


@dataclass(frozen=True)
class LoadResult:
    users: int
    seconds: int
    requests: int
    failures: int
    throughput: float  # requests per second
    p50_ms: float
    p95_ms: float
    p99_ms: float


def run_locust(host: str, users: int, seconds: int, out: Path, wait: str = "1,3") -> LoadResult:
    """Headless locust with `users` citizens for `seconds`, on loopback; its CSV summary read back."""
    if not LOCUST.exists():
        raise FileNotFoundError(f"{LOCUST} is missing: `make load-venv` builds it")
    out.mkdir(parents=True, exist_ok=True)
    questions = out / "questions.json"
    questions.write_text(json.dumps(held_out_questions(), ensure_ascii=False), encoding="utf-8")
    prefix = out / f"locust_{users}u"
    run = subprocess.run(
        [str(LOCUST), "-f", str(LOCUSTFILE), "--headless", "--host", host, "-u", str(users),
         "-r", str(min(users, 10)), "-t", f"{seconds}s", "--csv", str(prefix), "--only-summary",
         "--stop-timeout", "30", "--exit-code-on-error", "0"],
        cwd=ROOT, capture_output=True, text=True, timeout=seconds + 180,
        env=os.environ | {"LOAD_WAIT": wait, "LOAD_QUESTIONS": str(questions),
                          "LOAD_NOT_ANSWERS": json.dumps([UNAVAILABLE, BUSY])},
    )
    (out / f"locust_{users}u.log").write_text(run.stdout + run.stderr, encoding="utf-8")
    if run.returncode != 0:
        raise RuntimeError(f"locust exited with {run.returncode}: {run.stderr[-2000:]}")
    with open(f"{prefix}_stats.csv", encoding="utf-8") as f:
        total = next(row for row in csv.DictReader(f) if row["Name"] == "Aggregated")
    return LoadResult(
        users=users, seconds=seconds, requests=int(total["Request Count"]), failures=int(total["Failure Count"]),
        throughput=float(total["Requests/s"]), p50_ms=float(total["50%"]), p95_ms=float(total["95%"]),
        p99_ms=float(total["99%"]),
    )


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB, from /proc."""
    total_kb = 0
    for p in [pid, *_children(pid)]:
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except FileNotFoundError:
            continue
        total_kb += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
    return total_kb / 1024


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = (task / "children").read_text().split() if (task / "children").exists() else []
        for child in map(int, children):
            found += [child, *_children(child)]
    return found
