"""The Word form: the input as a .docx an officer fills in Word or WPS.

``drafter init 报告.docx`` writes it (``writer``); ``import``, ``validate``
and ``render`` read it back (``reader``) into the same data a YAML input
holds. ``layout`` is the form's shape, taken from the input model (field
titles name its table columns and rows) and the standard (part names head
its sections), so both directions agree by construction. A custom document
property marks the file as a drafter form; Word and WPS keep it on save.
"""
