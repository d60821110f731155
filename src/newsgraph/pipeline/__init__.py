"""newsgraph.pipeline."""
