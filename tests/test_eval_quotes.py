"""Evaluation gate for quotes through the whole default pipeline (floors in eval_floors.json)."""

from __future__ import annotations

import pytest

from .eval_gate import FLOORS, check


@pytest.mark.eval
@pytest.mark.parametrize("name", sorted(FLOORS["quotes"]))
def test_quote_floors(name: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    check("quotes", name, str(tmp_path_factory.getbasetemp()))
