"""Exports for Excel, for programs and for reading, each validated against its datapackage.json."""

import codecs
import csv
import io
import json

import docx
import openpyxl
import pytest
from django.urls import reverse

from consultations.exports import SCHEMA_VERSION
from consultations.exports.columns import COLUMNS
from consultations.exports.statistics import STATISTICS
from consultations.models import ConsultationCall
from consultations.services import (
    accept_and_publish_submissions,
    reject_submissions,
    submit_input,
)
from tests.consultations.factories import CallFactory, QuestionFactory
from tests.cwg.factories import member_state
from tests.opendata import pinned, validation_errors

pytestmark = pytest.mark.django_db

# The columns of each schema version: change a column, bump SCHEMA_VERSION and add its line here.
COLUMNS_BY_VERSION = {
    "1.0.0": [
        ("reference", "string"),
        ("status", "string"),
        ("submitted_at", "datetime"),
        ("name", "string"),
        ("email", "string"),
        ("organization", "string"),
        ("stakeholder_type", "string"),
        ("country", "string"),
        ("language", "string"),
        ("consent_to_publish", "boolean"),
        ("attachments", "string"),
        ("decision", "string"),
        ("decided_at", "datetime"),
        ("reason", "string"),
    ]
}


@pytest.fixture
def decided(call, people):
    """A call with a choice question: one input rejected with a reason, one published."""
    choice = QuestionFactory(
        call=call,
        kind="choice",
        text={"en": "Action line", "ar": "خط العمل"},
        choices=[{"value": "c5", "label": {"en": "Confidence and security", "ar": "الثقة"}}],
    )
    main = call.questions.order_by("order").first()

    def send(name: str, text: str):
        return submit_input(
            call=call,
            by=people["public"],
            name=name,
            email="author@example.invalid",
            stakeholder_type="academia",
            country=member_state("EG"),
            language="ar",
            consent_to_publish=True,
            answers={main.pk: text, choice.pk: "c5"},
        )

    rejected = send("=cmd|' /C calc'!A0", "إعلان")
    published = send("Layla Mansour", "نريد شبكات أوسع في الأرياف.")
    reject_submissions(ids=[rejected.pk], by=people["secretariat"], reason="Advertising.")
    accept_and_publish_submissions(ids=[published.pk], by=people["secretariat"])
    return call


def _get(client, name: str, call, **headers):
    return client.get(reverse(f"consultations:{name}", args=[call.code]), **headers)


def test_columns_change_only_with_the_schema_version():
    assert [(column.name, column.type) for column in COLUMNS] == COLUMNS_BY_VERSION[SCHEMA_VERSION]


def test_csv_is_ready_for_excel_with_labels_and_reasons(decided, as_role):
    body = _get(as_role("secretariat"), "export_csv", decided).content
    assert body.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    rejected, published = rows
    assert rejected["name"].startswith("'=")  # formula-safe
    assert rejected["status"] == "Rejected"
    assert rejected["reason"] == "Advertising."
    assert published["decision"] == "Published"
    assert published["question_2"] == "Confidence and security"
    assert published["stakeholder_type"] == "Academia"
    assert published["submitted_at"].endswith(("+01:00", "+02:00"))  # Geneva
    assert "." not in published["submitted_at"]  # no microseconds


def test_xlsx_has_the_same_columns_and_a_frozen_header(decided, as_role):
    client = as_role("secretariat")
    workbook = openpyxl.load_workbook(io.BytesIO(_get(client, "export_xlsx", decided).content))
    sheet = workbook.worksheets[0]
    csv_rows = list(
        csv.reader(io.StringIO(_get(client, "export_csv", decided).content.decode("utf-8-sig")))
    )
    assert sheet.freeze_panes == "A2"
    assert sheet.max_column == len(csv_rows[0])
    assert sheet.cell(row=1, column=1).value == "reference"
    assert workbook.worksheets[1].cell(row=2, column=2).value == "Reference"  # what it means
    values = [[cell.value or "" for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert values == csv_rows[1:]


def test_json_names_the_schema_version(decided, as_role):
    document = json.loads(_get(as_role("chair"), "export_json", decided).content)
    assert document["schema_version"] == SCHEMA_VERSION
    assert [item["reason"] for item in document["inputs"]] == ["Advertising.", ""]


def test_docx_shows_labels_grouped_by_stakeholder_type_with_statistics_first(decided, as_role):
    response = _get(as_role("secretariat"), "export_docx", decided)
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Confidence and security" in text
    assert "\nc5\n" not in text
    assert "Academia" in text
    # The compilation goes public: a total of 2 received is not told (issue 20, item 8).
    assert document.tables[0].rows[1].cells[1].text == "fewer than 3"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_export_validates_against_its_datapackage(decided, as_role, tmp_path, language):
    client = as_role("secretariat")
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    descriptor = _get(client, "datapackage", decided, **headers).json()
    assert descriptor["version"] == SCHEMA_VERSION
    private = _get(client, "export_csv", decided, **headers).content
    public = _get(client, "published_csv", decided, **headers).content
    code = decided.code.lower()
    assert validation_errors(tmp_path, descriptor, f"{code}-inputs", private) == []
    assert validation_errors(tmp_path, descriptor, f"{code}-published-inputs", public) == []
    workbook = _get(client, "export_xlsx", decided, **headers).content
    assert validation_errors(tmp_path, descriptor, f"{code}-inputs-xlsx", workbook) == []
    document = _get(client, "export_json", decided, **headers).content
    assert validation_errors(tmp_path, descriptor, f"{code}-inputs-json", document) == []


def test_a_changed_column_fails_validation(decided, as_role, tmp_path):
    """What CI catches: an export whose values leave the documented schema."""
    client = as_role("secretariat")
    descriptor = _get(client, "datapackage", decided).json()
    body = _get(client, "export_csv", decided).content.replace(b"Academia", b"academia")
    assert validation_errors(tmp_path, descriptor, f"{decided.code.lower()}-inputs", body)


def test_published_csv_holds_no_private_column_nor_unpublished_input(decided, client):
    body = _get(client, "published_csv", decided).content.decode("utf-8-sig")
    header = body.splitlines()[0].split(",")
    assert "email" not in header
    assert "reason" not in header
    assert "Layla Mansour" in body
    assert "calc" not in body


def test_descriptor_of_a_draft_call_does_not_exist_for_the_public(working_group, client):
    draft = CallFactory(working_group=working_group, code="HIDDEN", status="draft")
    assert _get(client, "datapackage", draft).status_code == 404
    assert _get(client, "published_csv", draft).status_code == 404


def test_open_data_page_lists_what_each_visitor_may_download(working_group, call, client):
    CallFactory(working_group=working_group, code="MEMBERS", audience="members")
    text = client.get(reverse("cwg:open_data")).content.decode()
    assert reverse("consultations:datapackage", args=[call.code]) in text
    assert "MEMBERS" not in text
    assert "CC-BY-4.0" in text or "Creative Commons" in text
    assert ConsultationCall.objects.count() == 2


STATISTICS_BY_VERSION = {
    "1.0.0": [
        ("dimension", "string"),
        ("code", "string"),
        ("label", "string"),
        ("inputs", "integer"),
    ]
}


def test_statistics_columns_change_only_with_their_schema_version():
    assert pinned(STATISTICS) == STATISTICS_BY_VERSION[STATISTICS.version]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_statistics_csv_validates_and_counts_the_rows(decided, client, tmp_path, language):
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    descriptor = _get(client, "statistics_datapackage", decided, **headers).json()
    assert descriptor["version"] == STATISTICS.version
    body = _get(client, "statistics_csv", decided, **headers).content
    assert validation_errors(tmp_path, descriptor, "statistics", body) == []
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    counts = {(row["dimension"], row["code"]): int(row["inputs"]) for row in rows}
    # Open data gives the public figures: small totals (1 or 2) have no row, and the breakdowns
    # count the published input only (the other academic one from Egypt was rejected).
    assert ("status", "received") not in counts
    assert ("status", "rejected") not in counts
    assert counts[("status", "published")] == 1
    assert counts[("stakeholder_type", "academia")] == 1
    assert counts[("country", "EG")] == 1
    assert counts[("itu_region", "D")] == 1


def test_statistics_page_links_its_csv_and_descriptor(decided, client):
    text = _get(client, "statistics", decided).content.decode()
    assert reverse("consultations:statistics_datapackage", args=[decided.code]) in text
    assert reverse("consultations:statistics_csv", args=[decided.code]) in text
    page = client.get(reverse("cwg:open_data")).content.decode()
    assert reverse("consultations:statistics_datapackage", args=[decided.code]) in page
