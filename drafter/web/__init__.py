"""``drafter serve``: the local web page for the writer and the reviewer.

A peer of the command line: every piece of work goes through ``drafter.api``
(validate, render, read, check, init, input_schema). Modules: ``server``
(bind, print the address, run), ``app`` (routes), ``security`` (token,
Host/Origin), ``confine`` (the one folder), ``formmodel`` (the form from the
input's JSON Schema and the standard), ``yamlfile`` and ``inputs`` (saving
with comments kept, refusing stale saves), ``writer`` and ``reviewer`` (the
two users' requests), ``preview``, ``figures``; ``static/`` holds the pages,
scripts and styles, written here and shipped in the wheel.
"""
