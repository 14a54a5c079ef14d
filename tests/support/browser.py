"""Headless Debian Chromium for browser tests, driven by Playwright without its browser download.

The machine has no Chromium until a test needs one: it is installed from
Debian's packages (as the project installs everything its tests use), and
started with the flags this closed network needs (no background connections).
axe-core, the accessibility checker injected into pages, comes from npm at the
version pinned in package-lock.json, installed with `npm ci` on first use.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from bot import ROOT

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "build" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
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


class _Browser:
    """Playwright's browser, whose pages ignore the servers' Content-Security-Policy unless asked not to: the tests
    drive pages with Playwright's string predicates (wait_for_function) and inject axe-core, which a strict policy
    refuses as it would any script not the page's own. A test of the policy itself opens its page with
    `bypass_csp=False`."""

    def __init__(self, launched: Any) -> None:
        self._launched = launched

    def new_page(self, **options: Any) -> Any:
        return self._launched.new_page(**{"bypass_csp": True, **options})

    def __getattr__(self, name: str) -> Any:
        return getattr(self._launched, name)


@contextmanager
def browser() -> Iterator[Any]:
    """A Playwright Chromium browser over Debian's binary."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=str(chromium()), args=FLAGS)
        try:
            yield _Browser(launched)
        finally:
            launched.close()


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_source() -> str:
    """axe-core's script, installed with `npm ci` (package-lock.json) if missing."""
    if not AXE.exists():
        if not shutil.which("npm"):
            pytest.fail(f"{AXE} is missing and npm is not installed: apt-get install npm, then npm ci")
        done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, capture_output=True, text=True,
                              timeout=600)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return AXE.read_text(encoding="utf-8")


def accessibility_violations(page, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations of these impacts on the page as it is now, one line each."""
    page.add_script_tag(content=axe_source())
    result = page.evaluate("options => axe.run(document, options)",
                           {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]})
    return [f"{v['impact']} {v['id']}: {v['help']} at {json.dumps([n['target'] for n in v['nodes']][:5])}"
            for v in result["violations"] if v["impact"] in impacts]


def policy_refusals(page) -> list[str]:
    """Start listening on `page`: the list fills with every console message about something the page's
    Content-Security-Policy refused (a script, a style, an image the page needs and may not load)."""
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text
            else None)
    return refused
