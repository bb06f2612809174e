"""The drafting side: input → completeness → text (Jinja2) → Document → .docx.

``input``: the input model. ``completeness``: is the input complete, judged
against the standard. ``scaffold``: the fill-in file ``drafter init`` writes.
``compose``: input → report text through the templates. ``stylesheet`` and
``wordfile``: the layout and the .docx writer. ``render``: the chain.
"""
