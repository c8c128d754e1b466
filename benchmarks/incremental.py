"""Re-loading a model after editing one file, with the per-file cache.

    python benchmarks/incremental.py fill MODEL CACHE     # load once, filling the cache
    python benchmarks/incremental.py measure MODEL CACHE  # after an edit: time each step

``measure`` prints JSON lines like ``stages.py``: the import, the load (only the edited
file is parsed and validated; the rest come from the cache) and the graph build.
``run.py`` times the whole re-check as a user runs it (``eakit check`` with the cache);
these steps show where its load time goes.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(action: str, model: Path, cache_dir: Path) -> None:
    start = time.perf_counter()
    from eakit.graph import build_graph
    from eakit.loader import load_model
    from eakit.speed.file_cache import FileCache

    # The folder ``eakit check`` uses with EAKIT_CACHE_DIR=CACHE (see run.py).
    cache = FileCache(cache_dir, model)
    imported = time.perf_counter()
    loaded = load_model(model, cache=cache)
    done = time.perf_counter()
    if action == "fill":
        return
    build_graph(loaded)
    built = time.perf_counter()
    for stage, seconds, extra in (
        ("import", imported - start, {}),
        ("load (cache)", done - imported, {"hits": cache.hits, "misses": cache.misses}),
        ("graph build", built - done, {}),
    ):
        print(json.dumps({"stage": stage, "seconds": seconds, **extra}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
