"""newsgraph.ingest."""
