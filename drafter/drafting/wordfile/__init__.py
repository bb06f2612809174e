"""Document → .docx laid out by a style sheet (GB/T 9704)."""
