"""newsgraph.export."""
