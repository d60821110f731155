"""The web surface: JSON API, HTML pages and local API docs (``newsgraph serve``)."""

from __future__ import annotations

from newsgraph.web.app import create_app

__all__ = ["create_app"]
