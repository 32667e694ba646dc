"""The message catalogues: compiled files match their sources. That every catalogue is complete
and keeps its placeholders is checked in test_catalogues.py."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(
    path for path in ROOT.glob("**/locale/*/LC_MESSAGES/django.po") if ".venv" not in path.parts
)
CONSULTATIONS = [path for path in CATALOGUES if path.relative_to(ROOT).parts[0] == "consultations"]
LAYOUT = [path for path in CATALOGUES if path.relative_to(ROOT).parts[0] == "locale"]


def test_there_are_catalogues_for_every_language_but_english():
    languages = {path.parts[-3] for path in CATALOGUES}
    assert languages == {"ar", "zh_Hans", "fr", "ru", "es"}


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_compiled_catalogue_matches_its_source(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"run `make messages` to compile {po_path}"
    source = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(po_path) if e.translated()}
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(mo_path) if e.msgid}
    assert compiled == source, f"{mo_path} is stale: run `make messages`"


def test_public_catalogues_exist_in_all_five_languages():
    for catalogues in (CONSULTATIONS, LAYOUT):
        assert {path.parts[-3] for path in catalogues} == {"ar", "zh_Hans", "fr", "ru", "es"}
