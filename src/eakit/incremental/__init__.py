"""Re-checking a model after an edit without starting over: re-read the changed files,
patch the graph, re-run each rule where the edit can change its verdict (the editor
loop of ``eakit check --watch``)."""
