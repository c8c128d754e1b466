"""``eakit lsp``: a Language Server Protocol server for model files (pygls, on stdio).

:mod:`.server` wires the protocol to the parts: :mod:`.state` keeps the model checked as
the editor changes it, :mod:`.diagnostics` turns problems and findings into LSP
diagnostics, :mod:`.index` finds every id in the files (definition, references, rename),
and :mod:`.completion`, :mod:`.hover`, :mod:`.symbols` and :mod:`.actions` answer the
editor's other questions. The server reads only the files of the model folder and never
writes them: edits go back to the editor as workspace edits.
"""
