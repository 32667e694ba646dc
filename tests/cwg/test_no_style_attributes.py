"""The design system (static/css/site.css) owns every style: no template keeps a style attribute
or a page-specific stylesheet (issue 18)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# Also inside template tags: <td{% if hot %} style="..."{% endif %}>.
STYLE_ATTRIBUTE = re.compile(r"(?<![\w-])style\s*=\s*[\"'{]", re.I)
STYLE_ELEMENT = re.compile(r"<style[\s>]", re.I)
# Where a <style> element is the only way, and why. Style attributes are allowed nowhere.
STYLE_ELEMENT_ALLOWED = {
    # Third party: drf-spectacular's ReDoc page, kept as the package ships it.
    "templates/drf_spectacular/redoc.html": "drf-spectacular's own template",
    # A standalone index.html inside the record package's zip: opened from disk, it cannot link
    # the site's stylesheet.
    "followup/templates/followup/record_package_index.html": "standalone file in a zip",
}
STYLE_ATTRIBUTE_ALLOWED = {"templates/drf_spectacular/redoc.html": "drf-spectacular's own"}


def templates() -> list[Path]:
    found = []
    for folder in [ROOT / "templates", *ROOT.glob("*/templates"), *ROOT.glob("*/*/templates")]:
        if ".venv" in folder.parts:
            continue
        found.extend(path for path in folder.rglob("*") if path.suffix in {".html", ".txt"})
    return sorted(found)


def test_the_patterns_catch_what_they_must():
    assert STYLE_ATTRIBUTE.search('<td{% if hot %} style="background: red"{% endif %}>')
    assert STYLE_ATTRIBUTE.search("<p style='color: red'>")
    assert not STYLE_ATTRIBUTE.search('<p class="list-style">{{ text_style }}</p>')
    assert STYLE_ELEMENT.search("{% block head %}<style>p {}</style>{% endblock %}")
    assert not STYLE_ELEMENT.search('<link rel="stylesheet" href="site.css">')


def test_the_scan_finds_the_templates():
    names = {str(path.relative_to(ROOT)) for path in templates()}
    assert "templates/base.html" in names
    assert "documents/templates/documents/compare.html" in names
    assert "cwg/search/templates/search/results.html" in names
    assert set(STYLE_ELEMENT_ALLOWED) <= names


@pytest.mark.parametrize("path", templates(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_template_styles_itself(path):
    name = str(path.relative_to(ROOT))
    text = path.read_text()
    if name not in STYLE_ATTRIBUTE_ALLOWED:
        assert not STYLE_ATTRIBUTE.search(text), f"{name}: a style attribute; use a class"
    if name not in STYLE_ELEMENT_ALLOWED:
        assert not STYLE_ELEMENT.search(text), f"{name}: a <style> element; move it to site.css"


def test_the_record_package_index_colours_the_heat_map_with_classes():
    text = (ROOT / "followup/templates/followup/record_package_index.html").read_text()
    for band in range(6):
        assert f".band-{band} " in text
