"""Document → .docx laid out by a style sheet (GB/T 9704): ``writer.write``.

``layout`` measures the style sheet in Word's units; ``styles``, ``page``,
``body``, ``tables`` and ``furniture`` (number line, 版记) build the document
with python-docx, ``text`` writes runs with highlighted placeholders; ``oxml``
writes the elements python-docx has no API for, ``parts`` the parts it does
not build; ``package`` handles parts, properties and bytes.
"""
