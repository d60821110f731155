"""Every CLI command and option is documented in the README (datasette's test_docs idea)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.cli.main import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, list[str]]]:
    import typer.main

    group = typer.main.get_command(app)
    out = []
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        opts = [o for p in cmd.params for o in p.opts if o.startswith("--") and o != "--help"]
        out.append((name, opts))
    return out


@pytest.mark.parametrize("name,opts", _commands())
def test_command_documented(name: str, opts: list[str]) -> None:
    assert re.search(rf"newsgraph {re.escape(name)}\b", README), (
        f"README does not document 'newsgraph {name}'"
    )
    section = README.split(f"### `newsgraph {name}`", 1)
    assert len(section) == 2, f"README has no '### `newsgraph {name}' heading"
    body = section[1].split("\n### ", 1)[0]
    for o in opts:
        assert o in body, f"option {o} of 'newsgraph {name}' is not documented in its README section"


def test_readme_two_commands_match_ci() -> None:
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    m = re.search(r"```bash\n(?P<cmd>[^\n]*run-tests[^\n]*)\n```", README)
    assert m, "README must show the test command in a bash block"
    assert m.group("cmd").strip() in ci
