"""``drafter serve``: the local web page for the writer and the reviewer.

A peer of the command line: every piece of work goes through ``drafter.api``
(validate, render, read, check, import_report, annotate, review_file, init,
input_schema); the reviewer's rows come from ``drafter.views.batch``, as the
terminal's matrix does. Modules: ``server`` (bind, print the address, run),
``app`` (routes), ``security`` (token, Host/Origin), ``confine`` (the one
folder), ``formmodel`` (the form from the input's JSON Schema and the
standard), ``yamlfile`` and ``inputs`` (saving with comments kept, refusing
stale saves), ``listing`` (the inputs in the folder: YAML and Word forms),
``newfiles`` (names for new inputs), ``writer``, ``importing`` and
``reviewer`` (the users' requests), ``batches`` and ``reviewfiles`` (the
reviewer's batch and its downloads), ``replies``, ``preview``, ``figures``;
``static/`` holds the pages, scripts and styles, written here and shipped in
the wheel.
"""
