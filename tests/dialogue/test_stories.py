"""Rasa's own checks of the dialogue data: `rasa data validate` (no model) and the test stories (on the model)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot import ROOT

RASA = Path(sys.executable).parent / "rasa"
MODEL = ROOT / "models" / "nuanliu.tar.gz"


def rasa(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run([RASA, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)


@pytest.mark.model
def test_training_data_and_domain_validate():
    run = rasa("data", "validate", "--fail-on-warnings")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]


@pytest.mark.model
def test_every_test_story_is_predicted(tmp_path):
    assert MODEL.exists(), f"{MODEL} is missing: run `make model`"
    run = rasa("test", "core", "--model", str(MODEL), "--stories", "tests/dialogue/stories.yml",
               "--out", str(tmp_path), "--fail-on-prediction-errors")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert (tmp_path / "failed_test_stories.yml").read_text().startswith("# None of the test stories failed")
