"""The code base stays ``ruff`` clean (rules in pyproject.toml; ruff's version is pinned in the
test extra so a new release's rules do not fail an unchanged checkout)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_ruff_check_passes() -> None:
    try:
        import ruff  # noqa: F401
    except ImportError:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    r = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "."],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-2000:]


#: identity comparisons in the event coder that are between objects of our own, not spaCy tokens
_OWN_OBJECTS = {("document.py", "gov is f")}


def test_the_event_coder_never_compares_spacy_tokens_by_identity() -> None:
    """spaCy makes a new Token object on every access (``doc[0] is doc[0]`` is False), so ``a is b``
    between tokens is always false: compare ``a.i == b.i``."""
    import ast

    found = []
    for path in sorted((REPO / "src/newsgraph/events").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Compare):
                continue
            for op, right in zip(node.ops, node.comparators, strict=True):
                if isinstance(op, ast.Is | ast.IsNot) and not isinstance(right, ast.Constant):
                    if (path.name, ast.unparse(node)) not in _OWN_OBJECTS:
                        found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    assert not found, found
