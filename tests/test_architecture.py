"""The layout is the architecture: ARCHITECTURE.md describes every package, there are no import
circles, at most 12 top-level modules and no module over 600 lines."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src" / "newsgraph"


def _modules() -> dict[str, Path]:
    out = {}
    for p in SRC.rglob("*.py"):
        parts = list(p.relative_to(SRC.parent).with_suffix("").parts)
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = p
    return out


def _imports(mods: dict[str, Path]) -> dict[str, set[str]]:
    """Every import between newsgraph modules, those inside functions and TYPE_CHECKING included."""
    graph: dict[str, set[str]] = {}
    for name, path in mods.items():
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newsgraph"):
                deps.add(node.module)
                deps |= {f"{node.module}.{a.name}" for a in node.names}
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names if a.name.startswith("newsgraph")}
        graph[name] = {d for d in deps if d in mods and d != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in graph:
        if v not in index:
            visit(v)
    return out


def test_every_package_is_described() -> None:
    doc = (REPO / "ARCHITECTURE.md").read_text(encoding="utf-8")
    packages = sorted(p.parent.name for p in SRC.glob("*/__init__.py"))
    missing = [p for p in packages if f"`{p}/`" not in doc]
    assert not missing, f"describe these packages in ARCHITECTURE.md: {missing}"


def test_no_import_circles() -> None:
    assert _cycles(_imports(_modules())) == []


def test_few_top_level_modules_and_no_huge_module() -> None:
    mods = _modules()
    top = [m for m, p in mods.items() if m.count(".") == 1 and p.name != "__init__.py"]
    assert len(top) <= 12, top
    big = {m: n for m, p in mods.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600}
    assert not big, big
