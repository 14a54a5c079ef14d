"""The held-out NLU set: its messages as citizens typed them, and the scores `rasa test nlu` gives.

Used by the NLU test (thresholds), the benchmarks (figures) and the load
generators (questions spread over every intent).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
HELD_OUT = ROOT / "evaluation" / "nlu_held_out.yml"
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]+\)|\{[^}]+\})")


def examples(path: Path) -> dict[str, list[str]]:
    """intent → example texts as typed (entity annotations stripped)."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        block["intent"]: [_ANNOTATION.sub(r"\1", line.strip()[2:].strip())
                          for line in block["examples"].splitlines() if line.strip()]
        for block in doc["nlu"] if "intent" in block
    }


def held_out_questions() -> list[str]:
    """Every held-out message, intents interleaved so any prefix covers them all."""
    by_intent = list(examples(HELD_OUT).values())
    longest = max(map(len, by_intent))
    return [texts[i] for i in range(longest) for texts in by_intent if i < len(texts)]


def run_test_nlu(model: Path, out: Path) -> None:
    run = subprocess.run(
        [Path(sys.executable).parent / "rasa", "test", "nlu", "--model", str(model), "--nlu", str(HELD_OUT),
         "--out", str(out), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    if run.returncode != 0:
        raise RuntimeError(run.stdout[-3000:] + run.stderr[-3000:])


def intent_accuracy(report: Path) -> float:
    return json.loads((report / "intent_report.json").read_text())["accuracy"]


def entity_report(report: Path) -> dict:
    return json.loads((report / "FactEntityExtractor_report.json").read_text())


def entity_f1(report: Path) -> float:
    return entity_report(report)["micro avg"]["f1-score"]


def intent_errors(report: Path) -> list[tuple[str, str, str]]:
    path = report / "intent_errors.json"
    if not path.exists():
        return []
    return [(e["text"], e["intent"], e["intent_prediction"]["name"]) for e in json.loads(path.read_text())]
