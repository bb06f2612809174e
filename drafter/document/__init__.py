"""The document model shared by drafting and checking, and the text mechanisms both use.

``model``: Block and Document. ``markdown``: drafter's Markdown dialect ⇄
Document. ``numbering``: 一、（一）1.（1）一是, written and recognized from one
definition. ``cjk``: whitespace in Chinese text. ``wordstyles``: Word's
built-in styles for each block kind, for the .docx writer and reader alike.
"""

from drafter.document.model import Block, BlockKind, Document, Table, TooManyBlocks

__all__ = ["Block", "BlockKind", "Document", "Table", "TooManyBlocks"]
