"""Every message catalogue of the repository is complete in ar, es, fr, ru and zh_Hans: no entry
untranslated or fuzzy, every plural form of the language written, and every translation keeps
exactly the placeholders of its English source (a lost %(name)s breaks the page at run time)."""

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(
    path for path in ROOT.glob("**/locale/*/LC_MESSAGES/django.po") if ".venv" not in path.parts
)
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


def label(path: Path) -> str:
    return str(path.relative_to(ROOT))


def problems_of(catalogue: polib.POFile) -> list[str]:
    """What is wrong with a catalogue's entries, one line each; empty when it is complete."""
    plural_forms = int(NPLURALS.search(catalogue.metadata["Plural-Forms"]).group(1))
    problems = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        name = f"{entry.msgctxt} | {entry.msgid}" if entry.msgctxt else entry.msgid
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {name}")
            continue
        if not entry.translated():
            problems.append(f"untranslated: {name}")
            continue
        if entry.msgid_plural:
            translations = list(entry.msgstr_plural.values())
            if len(translations) != plural_forms:
                problems.append(f"{len(translations)} of {plural_forms} plural forms: {name}")
            expected = {sorted_placeholders(entry.msgid_plural), sorted_placeholders(entry.msgid)}
        else:
            translations = [entry.msgstr]
            expected = {sorted_placeholders(entry.msgid)}
        for translation in translations:
            if sorted_placeholders(translation) not in expected:
                problems.append(f"placeholders changed: {name} -> {translation}")
    return problems


def sorted_placeholders(text: str) -> tuple[str, ...]:
    return tuple(sorted(PLACEHOLDER.findall(text)))


def test_every_app_and_the_root_have_all_five_catalogues():
    found = {(path.relative_to(ROOT).parts[0], path.parts[-3]) for path in CATALOGUES}
    owners = {owner for owner, _language in found}
    assert owners == {"locale", "meetings", "documents", "consultations", "followup"}
    assert found == {
        (owner, language) for owner in owners for language in ("ar", "es", "fr", "ru", "zh_Hans")
    }


@pytest.mark.parametrize("po_path", CATALOGUES, ids=label)
def test_catalogue_is_complete_and_keeps_placeholders(po_path):
    problems = problems_of(polib.pofile(po_path))
    assert not problems, f"{label(po_path)}:\n" + "\n".join(problems)


def test_the_check_finds_untranslated_fuzzy_and_broken_entries():
    catalogue = polib.POFile()
    catalogue.metadata = {"Plural-Forms": "nplurals=2; plural=(n > 1);"}
    catalogue.append(polib.POEntry(msgid="Meeting %(number)s", msgstr="Réunion"))
    catalogue.append(polib.POEntry(msgid="Withdraw", msgstr=""))
    catalogue.append(polib.POEntry(msgid="Publish", msgstr="Publier", flags=["fuzzy"]))
    catalogue.append(
        polib.POEntry(
            msgid="%(pages)s page",
            msgid_plural="%(pages)s pages",
            msgstr_plural={0: "%(pages)s page"},
        )
    )
    problems = problems_of(catalogue)
    assert problems == [
        "placeholders changed: Meeting %(number)s -> Réunion",
        "untranslated: Withdraw",
        "fuzzy: Publish",
        "1 of 2 plural forms: %(pages)s page",
    ]
