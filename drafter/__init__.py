"""drafter: draft and check annual rule-of-law reports (法治政府建设年度报告).

Data flow, one module per step:

    input YAML --inputfile--> model.Report --compose--> Markdown text
        --markdown--> document.Document --docx_writer--> .docx

and back, for checking a draft drafter did not write:

    .docx/.txt/.md --readers--> document.Document --recognize--> parts report

The standard (parts, cue phrases, topics) is data: schemas/*.yaml, loaded by
``standard``. Wording lives in templates/*.j2; layout in templates/styles/*.yaml.
"""

__version__ = "0.1.0"
