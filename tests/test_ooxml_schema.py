"""The rendered .docx is valid WordprocessingML: its parts pass the ECMA-376
transitional schema (tests/data/ooxml, see its README), read as ECMA-376 Part 3
tells a consumer to read markup-compatibility extensions."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from drafter.drafting import input as model
from drafter.drafting import render
from paths import EXAMPLES, ROOT

SCHEMA_FILE = ROOT / "tests" / "data" / "ooxml" / "wordprocessingml.xsd"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WORD_PARTS = ("word/document.xml", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
              "word/footer1.xml", "word/footer2.xml", "word/webSettings.xml")


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def package(request, std):
    report, _ = model.load(request.param)
    with zipfile.ZipFile(io.BytesIO(render.draft(report, std))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def without_ignorables(xml: bytes) -> etree._Element:
    """The part as a consumer of the transitional schema sees it: mc:Ignorable
    namespaces (Word 2010+ extensions) dropped, with the attribute itself."""
    root = etree.fromstring(xml)
    ignorable = {root.nsmap[prefix] for prefix in root.get(f"{{{MC}}}Ignorable", "").split()}
    for element in list(root.iter(etree.Element)):
        if etree.QName(element).namespace in ignorable:
            element.getparent().remove(element)
            continue
        for name in list(element.attrib):
            if etree.QName(name).namespace in ignorable | {MC}:
                del element.attrib[name]
    return root


def test_schema_loads_without_warnings(schema):
    # A missing import is only a warning to libxml2, and would leave types unchecked.
    assert not [str(e) for e in schema.error_log]


@pytest.mark.parametrize("part", WORD_PARTS)
def test_part_is_valid_transitional_wordprocessingml(schema, package, part):
    assert part in package
    valid = schema.validate(without_ignorables(package[part]))
    assert valid, "\n".join(str(e) for e in schema.error_log)


def test_every_word_part_is_checked(package):
    word_xml = {n for n in package if n.startswith("word/") and n.endswith(".xml") and "/theme/" not in n}
    assert word_xml == set(WORD_PARTS)


def test_settings_fail_the_schema_when_zoom_lacks_percent(schema, package):
    # The check above can fail: the template's w:zoom (no w:percent) is rejected.
    root = without_ignorables(package["word/settings.xml"])
    root.find(f"{{{W}}}zoom").attrib.pop(f"{{{W}}}percent", None)
    assert not schema.validate(root)
