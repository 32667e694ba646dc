"""The message catalogues: compiled files match their sources; Arabic is complete, and so are the
public consultation pages and the base layout in all five languages other than English."""

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(
    path for path in ROOT.glob("**/locale/*/LC_MESSAGES/django.po") if ".venv" not in path.parts
)
ARABIC = [path for path in CATALOGUES if path.parts[-3] == "ar"]
# The public answers calls in any of the six languages: the whole consultations catalogue (its
# pages, form, e-mail), and in the root one what frames those pages (header, navigation, search
# field, footer, language names, sign-in), are complete in all five languages.
CONSULTATIONS = [path for path in CATALOGUES if path.relative_to(ROOT).parts[0] == "consultations"]
LAYOUT = [path for path in CATALOGUES if path.relative_to(ROOT).parts[0] == "locale"]
LAYOUT_SOURCES = ("templates/base.html", "templates/registration/", "cwg/settings.py")
COMPLETE = sorted(set(ARABIC) | set(CONSULTATIONS))
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def test_there_are_catalogues_for_every_language_but_english():
    languages = {path.parts[-3] for path in CATALOGUES}
    assert languages == {"ar", "zh_Hans", "fr", "ru", "es"}


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_compiled_catalogue_matches_its_source(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"run `make messages` to compile {po_path}"
    source = {e.msgid: e.msgstr for e in polib.pofile(po_path) if e.translated()}
    compiled = {e.msgid: e.msgstr for e in polib.mofile(mo_path) if e.msgid}
    assert compiled == source, f"{mo_path} is stale: run `make messages`"


def test_public_catalogues_exist_in_all_five_languages():
    for catalogues in (CONSULTATIONS, LAYOUT):
        assert {path.parts[-3] for path in catalogues} == {"ar", "zh_Hans", "fr", "ru", "es"}


def assert_translated(entries) -> None:
    for entry in entries:
        assert entry.translated(), f"untranslated: {entry.msgid}"
        assert "fuzzy" not in entry.flags, f"fuzzy: {entry.msgid}"
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            assert sorted(PLACEHOLDER.findall(translation)) == expected, entry.msgid


@pytest.mark.parametrize("po_path", COMPLETE, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_is_complete_and_keeps_placeholders(po_path):
    assert_translated(polib.pofile(po_path))


@pytest.mark.parametrize("po_path", LAYOUT, ids=lambda p: str(p.relative_to(ROOT)))
def test_layout_and_sign_in_are_translated(po_path):
    entries = [
        entry
        for entry in polib.pofile(po_path)
        if any(source.startswith(LAYOUT_SOURCES) for source, _line in entry.occurrences)
    ]
    assert len(entries) > 20
    assert_translated(entries)
