"""The cross-document pass (see :mod:`newsgraph.linking.run`): canonical actors, event clusters,
divergent accounts."""
