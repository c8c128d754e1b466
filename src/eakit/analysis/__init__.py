"""Analyses of the model graph that use networkx itself: what depends on a component
(:mod:`.impact`), single points of failure and central systems (:mod:`.resilience`), and
the graph written for other tools (:mod:`.export`).

They read only :attr:`eakit.graph.ModelGraph.g` and the graph's public methods.
"""
