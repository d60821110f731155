"""Built-in cross-document passes (importing registers them)."""

from newsgraph.linking import actors, clusters  # noqa: F401
