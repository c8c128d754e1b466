"""The ``eakit`` command line (typer)."""
