"""newsgraph.cli."""
