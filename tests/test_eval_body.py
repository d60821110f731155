"""Evaluation gate for body cleaning (floors in eval_floors.json under "body")."""

from __future__ import annotations

import pytest

from .eval_gate import FLOORS, check


@pytest.mark.eval
@pytest.mark.parametrize("name", sorted(FLOORS["body"]))
def test_body_floors(name: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    check("body", name, str(tmp_path_factory.getbasetemp()))
