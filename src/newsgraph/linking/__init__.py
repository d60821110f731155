"""Built-in cross-document passes (importing registers them)."""

from . import actors, clusters  # noqa: F401
