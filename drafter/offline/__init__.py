"""``drafter bundle``: everything an offline machine needs to install drafter, in one zip.

``targets`` names the platforms and Python versions; ``closure`` finds what a
target needs that pip's own resolution (which reads environment markers for
the building machine, not the target) left out; ``bundle`` downloads, checks
and packs; ``files/`` holds the install and start scripts and the Chinese
instructions that go into the zip.
"""
