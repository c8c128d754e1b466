"""What makes eakit fast, and nothing else: every module here can be switched off.

``EAKIT_PLAIN=1`` (:func:`eakit.speed.switches.plain`) runs the plain reference path:
one process, the garbage collector as Python runs it. The results are
the same either way; the tests run both and compare them.

- :mod:`eakit.speed.switches`: the switch, and the pauses of the garbage collector;
- :mod:`eakit.speed.workers`: forking a worker process that sends its results back;
- :mod:`eakit.speed.prefetch`: the model files parsed in a worker while the loader validates;
- :mod:`eakit.speed.shared_check`: a large model's rules checked by two processes;
- :mod:`eakit.speed.memory_cache`: validated results of unchanged files, kept in memory
  by ``check --watch`` and the language server.
"""
