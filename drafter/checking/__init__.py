"""The checking side: Document → headings → the standard's parts → findings."""
