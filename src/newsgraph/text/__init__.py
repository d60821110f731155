"""newsgraph.text."""
