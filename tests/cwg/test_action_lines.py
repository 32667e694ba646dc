"""The WSIS action lines and SDGs: reference data loaded by a migration, listed by the API."""

import pytest
from django.utils import translation

from cwg.action_lines import read_reference_data
from cwg.models import ActionLine, SustainableDevelopmentGoal

pytestmark = pytest.mark.django_db
LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


def test_the_migration_loads_eleven_lines_and_seventeen_goals_in_six_languages():
    lines = list(ActionLine.objects.all())
    assert [line.code for line in lines] == [f"C{n}" for n in range(1, 12)]
    assert list(SustainableDevelopmentGoal.objects.values_list("number", flat=True)) == list(
        range(1, 18)
    )
    for row in [*lines, *SustainableDevelopmentGoal.objects.all()]:
        assert all(getattr(row, f"title_{language}").strip() for language in LANGUAGES)
    assert ActionLine.objects.get(code="C5").title_en == (
        "Building confidence and security in the use of ICTs"
    )


def test_the_matrix_links_every_line_as_the_data_file_says():
    data = {row["code"]: row["sdgs"] for row in read_reference_data()["action_lines"]}
    for line in ActionLine.objects.prefetch_related("sdgs"):
        assert sorted(goal.number for goal in line.sdgs.all()) == sorted(data[line.code])
        assert line.sdgs.exists()


def test_the_data_file_cites_its_sources():
    about = " ".join(read_reference_data()["about"])
    assert "WSIS-03/GENEVA/DOC/5" in about
    assert "A/RES/70/1" in about
    assert "https://www.itu.int/net4/wsis/sdg/" in about


def test_the_title_follows_the_language():
    line = ActionLine.objects.get(code="C4")
    with translation.override("fr"):
        assert str(line) == "C4 Renforcement des capacités"
    with translation.override("ar"):
        assert line.title == "بناء القدرات"


def test_the_api_lists_the_lines_and_goals_to_anyone(client):
    lines = client.get("/api/v1/action-lines/").json()["results"]
    assert [row["code"] for row in lines] == [f"C{n}" for n in range(1, 12)]
    assert set(lines[0]) == {"code", "sdgs", *(f"title_{lang}" for lang in LANGUAGES)}
    goals = client.get("/api/v1/sdgs/").json()["results"]
    assert [row["code"] for row in goals] == [f"SDG {n}" for n in range(1, 18)]
    assert client.get("/api/v1/action-lines/C7/").json()["title_en"].startswith("ICT applications")
    assert client.get("/api/v1/sdgs/5/").json()["title_fr"] == "Égalité entre les sexes"
    assert client.post("/api/v1/sdgs/", {"number": 18}).status_code in (401, 403, 405)
