"""The demo's gap analysis exported and imported back unchanged: reported so, no history."""

import pytest
import reversion.models

from followup.models import GapAnalysis
from followup.services.gaps import export_gap_items_csv, import_gap_items_csv
from followup.services.gaps_docx import export_gap_analysis_docx, import_gap_items_docx

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat(demo):
    from django.contrib.auth.models import User

    return User.objects.get(username="secretariat")


def test_csv_export_reimports_as_all_unchanged_without_history(demo, secretariat):
    analysis = GapAnalysis.objects.get()
    count = analysis.items.count()
    versions = reversion.models.Version.objects.count()
    report = import_gap_items_csv(
        analysis=analysis, csv_text=export_gap_items_csv(analysis=analysis), by=secretariat
    )
    assert (report.created, report.updated, report.unchanged, report.refused) == (0, 0, count, [])
    assert reversion.models.Version.objects.count() == versions


@pytest.mark.parametrize("language", ["en", "ar"])
def test_docx_export_reimports_as_all_unchanged_without_history(demo, secretariat, language):
    analysis = GapAnalysis.objects.get()
    count = analysis.items.count()
    versions = reversion.models.Version.objects.count()
    exported = export_gap_analysis_docx(analysis=analysis, language=language)
    report = import_gap_items_docx(analysis=analysis, file=exported, by=secretariat)
    assert (report.created, report.updated, report.unchanged, report.refused) == (0, 0, count, [])
    assert reversion.models.Version.objects.count() == versions


def test_the_import_page_says_how_many_are_unchanged(demo, client, secretariat):
    from django.core.files.uploadedfile import SimpleUploadedFile

    analysis = GapAnalysis.objects.get()
    client.force_login(secretariat)
    upload = SimpleUploadedFile("gaps.csv", export_gap_items_csv(analysis=analysis).encode())
    response = client.post(f"/meetings/gap-analyses/{analysis.pk}/import/", {"file": upload})
    assert response.status_code == 200
    assert f"0 added, 0 updated, {analysis.items.count()} unchanged." in response.content.decode()
