"""The WSIS action lines, the SDGs and the WSIS-SDG matrix, from cwg/data (sources cited there).

Given the models (from a migration's apps or the real ones), so the data migration and a later
correction run the same code; it updates rows in place and never deletes a tag.
"""

import json
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "wsis_action_lines_sdgs.json"
LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


def read_reference_data() -> dict:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def _titles(row: dict) -> dict[str, str]:
    return {f"title_{language}": row[language] for language in LANGUAGES}


def sync_action_lines(action_line_model, sdg_model) -> None:
    data = read_reference_data()
    goals = {}
    for row in data["sdgs"]:
        goals[row["number"]], _created = sdg_model.objects.update_or_create(
            number=row["number"], defaults=_titles(row)
        )
    for order, row in enumerate(data["action_lines"], start=1):
        line, _created = action_line_model.objects.update_or_create(
            code=row["code"], defaults={"order": order, **_titles(row)}
        )
        line.sdgs.set([goals[number] for number in row["sdgs"]])
