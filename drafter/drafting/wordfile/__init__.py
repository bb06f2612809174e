"""Document → .docx laid out by a style sheet (GB/T 9704): ``writer.write``.

``layout`` measures the style sheet in Word's units; ``styles``, ``page`` and
``body`` build the document with python-docx; ``oxml`` writes the elements
python-docx has no API for; ``package`` handles parts, properties and bytes.
"""
