"""The bundled sample corpus (fictional articles written for the project, CC0)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def sample_dir() -> Path:
    """Folder holding the sample articles and their ``metadata.json``."""
    return Path(str(files("newsgraph") / "data" / "sample"))
