"""The README's commands work when pasted into a fresh shell, its screenshots exist, and it names
every page of the web UI."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
ACTIVATE = (". .venv/bin/activate", "source .venv/bin/activate")


def test_shell_blocks_work_in_a_fresh_shell() -> None:
    """A bare ``newsgraph`` (or ``pip``) is on PATH only in an activated environment: a block that
    calls one activates first, or calls ``.venv/bin/...`` by path."""
    blocks = re.findall(r"```bash\n(.*?)```", README, re.S)
    assert len(blocks) >= 4
    for block in blocks:
        active = False
        for line in block.splitlines():
            cmd = line.split("#", 1)[0].strip()
            active |= cmd in ACTIVATE
            if re.match(r"(newsgraph|pip|python)\b", cmd):
                assert active, f"README: '{cmd}' needs '. .venv/bin/activate' before it in its block"


def test_screenshots_exist() -> None:
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README)
    assert {"docs/screenshots/actor.png", "docs/screenshots/network.png"} <= set(images)
    for image in images:
        assert (ROOT / image).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", image


def test_every_page_is_named() -> None:
    from newsgraph.web.pages import PAGES

    for path, *_ in PAGES:
        page = path.replace("{cluster_id}", "{cluster id}")
        assert f"`{page}" in README, f"README does not name the page {path}"
