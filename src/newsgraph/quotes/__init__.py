"""newsgraph.quotes."""
