"""Renderers: read the graph and the check result, never the loader."""
