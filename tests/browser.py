"""Headless Debian Chromium for browser tests, driven by Playwright without its browser download.

The machine has no Chromium until a test needs one: it is installed from
Debian's packages (as the project installs everything its tests use), and
started with the flags this closed network needs (no background connections).
"""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")  # without it Chinese renders as boxes
PACKAGES = ["chromium", "fonts-wqy-microhei"]


def chromium() -> Path:
    """Debian's Chromium with a Chinese font, installed with apt-get if missing."""
    if not (CHROMIUM.exists() and CJK_FONT.exists()):
        if os.geteuid() != 0 or not shutil.which("apt-get"):
            pytest.fail(f"{CHROMIUM} or {CJK_FONT} is missing and cannot be installed here: "
                        f"apt-get install {' '.join(PACKAGES)}")
        env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-q"], check=False, env=env, capture_output=True, timeout=600)
        done = subprocess.run(["apt-get", "install", "-y", "-q", *PACKAGES], env=env, capture_output=True,
                              text=True, timeout=1200)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return CHROMIUM


@contextmanager
def browser() -> Iterator[object]:
    """A Playwright Chromium browser over Debian's binary."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=str(chromium()), args=FLAGS)
        try:
            yield launched
        finally:
            launched.close()


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
