"""The ITU member states, from the data file in cwg/data and names from CLDR (Babel)."""

import csv
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pycountry
from babel import Locale

DATA_FILE = Path(__file__).resolve().parent / "data" / "itu_member_states.csv"
CLDR_LOCALES = {"ar": "ar", "zh": "zh_Hans", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}


@cache
def _territory_names(language: str) -> dict[str, str]:
    return dict(Locale.parse(CLDR_LOCALES[language]).territories)


def member_state_rows() -> Iterator[dict[str, str]]:
    """One dict a member state: iso_code, itu_region, development_region and name_<lang>."""
    with DATA_FILE.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines):
            code = row["iso_code"]
            if pycountry.countries.get(alpha_2=code) is None:
                raise ValueError(f"{DATA_FILE.name}: {code} is not an ISO 3166 code")
            names = {f"name_{lang}": _territory_names(lang)[code] for lang in CLDR_LOCALES}
            yield {**row, **names}


def sync_member_states(member_state_model) -> int:
    """Create or update every member state; the model is passed so migrations can use it too."""
    count = 0
    for row in member_state_rows():
        code = row.pop("iso_code")
        member_state_model.objects.update_or_create(iso_code=code, defaults=row)
        count += 1
    return count
