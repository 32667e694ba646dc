"""The ITU member states, from the data files in cwg/data: regions, and ITU's own short names in
English, French and Spanish ("Korea (Rep. of)"); Arabic, Chinese and Russian from CLDR (Babel),
except where the names file gives the United Nations' name instead of CLDR's short form."""

import csv
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pycountry
from babel import Locale

DATA_FILE = Path(__file__).resolve().parent / "data" / "itu_member_states.csv"
NAMES_FILE = Path(__file__).resolve().parent / "data" / "itu_member_state_names.csv"
CLDR_LOCALES = {"ar": "ar", "zh": "zh_Hans", "ru": "ru"}
ITU_LANGUAGES = ("en", "fr", "es")


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        yield from csv.DictReader(lines)


@cache
def _territory_names(language: str) -> dict[str, str]:
    return dict(Locale.parse(CLDR_LOCALES[language]).territories)


@cache
def itu_names() -> dict[str, dict[str, str]]:
    """Names by ISO code from the names file, empty cells left out: {"KR": {"name_en": ...}}."""
    return {
        row["iso_code"]: {
            f"name_{lang}": name
            for lang in (*ITU_LANGUAGES, *CLDR_LOCALES)
            if (name := row[f"name_{lang}"])
        }
        for row in _rows(NAMES_FILE)
    }


def member_state_rows() -> Iterator[dict[str, str]]:
    """One dict a member state: iso_code, itu_region, development_region and name_<lang>."""
    names = itu_names()
    for row in _rows(DATA_FILE):
        code = row["iso_code"]
        if pycountry.countries.get(alpha_2=code) is None:
            raise ValueError(f"{DATA_FILE.name}: {code} is not an ISO 3166 code")
        if code not in names:
            raise ValueError(f"{NAMES_FILE.name}: no ITU name for {code}")
        cldr = {f"name_{lang}": _territory_names(lang)[code] for lang in CLDR_LOCALES}
        yield {**row, **cldr, **names[code]}


def sync_member_states(member_state_model) -> int:
    """Create or update every member state; the model is passed so migrations can use it too."""
    count = 0
    for row in member_state_rows():
        code = row.pop("iso_code")
        member_state_model.objects.update_or_create(iso_code=code, defaults=row)
        count += 1
    return count
