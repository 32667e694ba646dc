import csv
import io

import pytest
import reversion.models
from docx.oxml.ns import qn

from cwg.exceptions import NotAllowed
from followup.models import GapAnalysis, GapItem
from followup.services.gaps import export_gap_items_csv, import_gap_items_csv
from meetings.exceptions import InvalidImport
from tests.followup.factories import ActionFactory
from tests.roles import is_refused

pytestmark = pytest.mark.django_db

CSV = (
    "source,paragraph,requirement,mandates,coverage,proposed_response\n"
    "A/RES/80/173,para. 10,Demo: keep the action lines under review,1332: 2; 140: 1,covered,\n"
    "A/RES/80/173,para. 11,Demo: report yearly,1334: 3,partial,Add to the annual report\n"
    "A/RES/80/999,para. 1,Unknown source,1332: 1,gap,\n"
    "A/RES/80/173,para. 12,Demo: bad coverage,1332: 1,maybe,\n"
    "A/RES/80/173,para. 13,Demo: unknown mandate,9999: 1,gap,\n"
    "A/RES/80/173,,Demo: no paragraph,,gap,\n"
    'A/RES/80/173,para. 14,=HYPERLINK("http://evil"),,gap,@SUM(A1)\n'
)


def _snapshot(gap_analysis):
    return sorted(
        (
            i.source.number,
            i.paragraph,
            i.requirement,
            i.coverage,
            i.proposed_response,
            tuple((m.resolution.number, m.paragraphs) for m in i.mandates.all()),
        )
        for i in gap_analysis.items.all()
    )


def test_csv_import_keeps_good_rows_and_refuses_bad_ones_with_line_numbers(analysis, people):
    report = import_gap_items_csv(analysis=analysis, csv_text=CSV, by=people["secretariat"])
    assert report.created == 3
    assert [line for line, _reason in report.refused] == [4, 5, 6, 7]
    first = analysis.items.get(paragraph="para. 10")
    assert [(m.resolution.number, m.paragraphs) for m in first.mandates.all()] == [
        ("1332", "2"),
        ("140", "1"),
    ]
    assert first.coverage == GapItem.Coverage.COVERED


def test_an_unchanged_reimport_is_reported_unchanged_and_writes_no_history(analysis, people):
    import_gap_items_csv(analysis=analysis, csv_text=CSV, by=people["secretariat"])
    versions = reversion.models.Version.objects.count()
    again = import_gap_items_csv(analysis=analysis, csv_text=CSV, by=people["secretariat"])
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    assert analysis.items.count() == 3
    assert reversion.models.Version.objects.count() == versions


def test_a_changed_row_is_updated_with_its_history(analysis, people):
    import_gap_items_csv(analysis=analysis, csv_text=CSV, by=people["secretariat"])
    changed = CSV.replace("140: 1,covered,", "140: 1,partial,")
    assert changed != CSV
    again = import_gap_items_csv(analysis=analysis, csv_text=changed, by=people["secretariat"])
    assert (again.created, again.updated, again.unchanged) == (0, 1, 2)
    assert analysis.items.count() == 3


def test_every_item_has_version_history(analysis, people):
    import_gap_items_csv(analysis=analysis, csv_text=CSV, by=people["secretariat"])
    for item in analysis.items.all():
        assert reversion.models.Version.objects.get_for_object(item).count() == 1


@pytest.mark.parametrize("role", ["chair", "delegate"])
def test_only_the_secretariat_imports(analysis, people, role):
    with pytest.raises(NotAllowed):
        import_gap_items_csv(analysis=analysis, csv_text=CSV, by=people[role])


def test_missing_columns_refuse_the_file(analysis, people):
    with pytest.raises(InvalidImport):
        import_gap_items_csv(analysis=analysis, csv_text="a,b\n1,2\n", by=people["secretariat"])


def test_export_neutralises_formulas_and_reimports_to_the_same_items(analysis, people):
    import_gap_items_csv(analysis=analysis, csv_text=CSV, by=people["secretariat"])
    exported = export_gap_items_csv(analysis=analysis)
    rows = list(csv.reader(io.StringIO(exported)))
    formula_row = next(r for r in rows if r[1] == "para. 14")
    assert formula_row[2].startswith("'=")
    assert formula_row[5] == "'@SUM(A1)"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)

    copy = GapAnalysis.objects.create(action=ActionFactory(), title="copy")
    report = import_gap_items_csv(analysis=copy, csv_text=exported, by=people["secretariat"])
    assert report.refused == []
    assert _snapshot(copy) == _snapshot(analysis)


def test_docx_export_reimports_to_the_same_items(analysis, people):
    from followup.services.gaps_docx import export_gap_analysis_docx, import_gap_items_docx

    import_gap_items_csv(analysis=analysis, csv_text=CSV, by=people["secretariat"])
    exported = export_gap_analysis_docx(analysis=analysis, language="en")
    copy = GapAnalysis.objects.create(action=ActionFactory(), title="copy")
    report = import_gap_items_docx(analysis=copy, file=exported, by=people["secretariat"])
    assert report.refused == []
    assert report.created == 3
    assert _snapshot(copy) == _snapshot(analysis)


def test_arabic_docx_is_right_to_left(analysis, people):
    from docx import Document

    from followup.services.gaps_docx import export_gap_analysis_docx

    import_gap_items_csv(analysis=analysis, csv_text=CSV, by=people["secretariat"])
    document = Document(io.BytesIO(export_gap_analysis_docx(analysis=analysis, language="ar")))
    table = document.tables[0]
    assert table._tbl.tblPr.find(qn("w:bidiVisual")) is not None
    assert table.rows[0].cells[0].text == "المصدر"
    header = table.rows[0].cells[0].paragraphs[0]
    assert header._p.pPr.find(qn("w:bidi")) is not None
    english = Document(io.BytesIO(export_gap_analysis_docx(analysis=analysis, language="en")))
    assert english.tables[0]._tbl.tblPr.find(qn("w:bidiVisual")) is None


def test_a_bad_docx_is_refused_clearly(analysis, people):
    from followup.services.gaps_docx import import_gap_items_docx

    with pytest.raises(InvalidImport):
        import_gap_items_docx(analysis=analysis, file=b"not a docx", by=people["secretariat"])


def test_matrix_page_with_chart_in_constant_queries(
    analysis, people, as_role, django_assert_max_num_queries
):
    import_gap_items_csv(analysis=analysis, csv_text=CSV, by=people["secretariat"])
    client = as_role("chair")
    url = f"/meetings/gap-analyses/{analysis.pk}/"
    with django_assert_max_num_queries(10) as few:
        response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in body
    assert "Requirements by coverage" in body
    more = "source,paragraph,requirement,mandates,coverage,proposed_response\n" + "".join(
        f"A/RES/80/173,para. {n},Demo {n},1332: 1; 1334: 2,gap,\n" for n in range(20, 40)
    )
    import_gap_items_csv(analysis=analysis, csv_text=more, by=people["secretariat"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_matrix_chart_labels_follow_the_page_language(analysis, people, as_role):
    import_gap_items_csv(analysis=analysis, csv_text=CSV, by=people["secretariat"])
    client = as_role("secretariat")
    body = client.get(
        f"/meetings/gap-analyses/{analysis.pk}/", HTTP_ACCEPT_LANGUAGE="ar"
    ).content.decode()
    assert "فجوة" in body


@pytest.mark.parametrize("role", ["public", "delegate"])
def test_matrix_and_exports_are_refused_to_others(analysis, as_role, role):
    client = as_role(role)
    for suffix in ["", "export.csv", "export.docx"]:
        assert is_refused(client.get(f"/meetings/gap-analyses/{analysis.pk}/{suffix}"), role)


def test_downloads(analysis, people, as_role):
    import_gap_items_csv(analysis=analysis, csv_text=CSV, by=people["secretariat"])
    client = as_role("secretariat")
    csv_response = client.get(f"/meetings/gap-analyses/{analysis.pk}/export.csv")
    assert csv_response["Content-Type"] == "text/csv"
    assert "para. 10" in csv_response.content.decode()
    docx_response = client.get(f"/meetings/gap-analyses/{analysis.pk}/export.docx")
    assert docx_response.content[:2] == b"PK"


def test_gap_analysis_api_with_items_in_constant_queries(
    analysis, people, as_role, django_assert_max_num_queries
):
    import_gap_items_csv(analysis=analysis, csv_text=CSV, by=people["secretariat"])
    client = as_role("chair")
    with django_assert_max_num_queries(10) as few:
        response = client.get("/api/v1/gap-analyses/")
    row = response.json()["results"][0]
    assert len(row["items"]) == 3
    first = next(i for i in row["items"] if i["paragraph"] == "para. 10")
    assert first["mandates"] == [
        {"resolution": "1332", "paragraphs": "2"},
        {"resolution": "140", "paragraphs": "1"},
    ]
    GapAnalysis.objects.create(action=ActionFactory(), title="second")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(client.get("/api/v1/gap-analyses/").json()["results"]) == 2
    assert as_role("delegate").get("/api/v1/gap-analyses/").status_code == 403
    assert "/api/v1/gap-analyses/" in client.get("/api/schema/").content.decode()
