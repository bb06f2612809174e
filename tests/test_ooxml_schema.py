"""The rendered .docx is valid WordprocessingML: its parts pass the ECMA-376
transitional schema (tests/data/ooxml, see its README), read as ECMA-376 Part 3
tells a consumer to read markup-compatibility extensions. Checked: the three
examples (with the 版记, one with the number line) and the Word form (tables,
note style, custom property)."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree
from paths import EXAMPLES, ROOT

from drafter.drafting import input as model
from drafter.drafting import render
from drafter.drafting.form import writer as form

SCHEMAS = ROOT / "tests" / "data" / "ooxml"
SCHEMA_FILE = SCHEMAS / "wordprocessingml.xsd"
PROPERTY_SCHEMAS = {"docProps/app.xml": "shared-documentPropertiesExtended.xsd",
                    "docProps/custom.xml": "shared-documentPropertiesCustom.xsd"}
FORM = "form"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WORD_PARTS = ("word/document.xml", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
              "word/footer1.xml", "word/footer2.xml", "word/webSettings.xml")


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))


@pytest.fixture(scope="module", params=[*EXAMPLES, FORM], ids=lambda p: getattr(p, "stem", p))
def source(request):
    return request.param


@pytest.fixture(scope="module")
def package(source, std):
    if source == FORM:
        data = form.write(std, "澄源县公安局", 2025)
    else:
        report, _ = model.load(source)
        data = render.draft(report, std)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
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


def test_property_parts_are_valid(source, package):
    # Every package has app.xml; the form has custom.xml too (the property marking it).
    expected = {"docProps/app.xml", "docProps/custom.xml"} if source == FORM else {"docProps/app.xml"}
    assert expected == {part for part in PROPERTY_SCHEMAS if part in package}
    for part in expected:
        schema = etree.XMLSchema(etree.parse(str(SCHEMAS / PROPERTY_SCHEMAS[part])))
        assert schema.validate(etree.fromstring(package[part])), "\n".join(str(e) for e in schema.error_log)


def test_the_checked_parts_hold_the_furniture_and_the_form(source, package):
    # What the validation above covers: the 版记 (a floating table between rules)
    # in every example, the number line's rule in a report sent upward, and the
    # form's tables, shaded header rows and note style.
    body = etree.fromstring(package["word/document.xml"]).find(f"{{{W}}}body")
    tables = body.findall(f".//{{{W}}}tbl")
    if source == FORM:
        styles = etree.fromstring(package["word/styles.xml"])
        assert len(tables) > 5 and body.findall(f".//{{{W}}}tcPr/{{{W}}}shd")
        assert styles.find(f"{{{W}}}style[@{{{W}}}styleId='FormNote']") is not None
        assert "docProps/custom.xml" in package
        return
    assert [t.find(f"{{{W}}}tblPr/{{{W}}}tblpPr") is not None for t in tables] == [True]
    rule = body.find(f"{{{W}}}p/{{{W}}}pPr/{{{W}}}pBdr/{{{W}}}bottom")
    assert (rule is not None) == bool(model.load(source)[0].meta.doc_number)


def test_every_word_part_is_checked(package):
    word_xml = {n for n in package if n.startswith("word/") and n.endswith(".xml") and "/theme/" not in n}
    assert word_xml == set(WORD_PARTS)


def test_settings_fail_the_schema_when_zoom_lacks_percent(schema, package):
    # The check above can fail: the template's w:zoom (no w:percent) is rejected.
    root = without_ignorables(package["word/settings.xml"])
    root.find(f"{{{W}}}zoom").attrib.pop(f"{{{W}}}percent", None)
    assert not schema.validate(root)
