"""The index checked against the database (cwg.search.consistency): missing, stale and extra
entries are found by id and version, repaired, and reported."""

import io

import pytest
from django.core.management import CommandError, call_command

from cwg.search.consistency import check_index
from cwg.search.engine import get_backend, search
from cwg.search.entries import IndexEntry
from cwg.search.registry import SOURCES
from documents.models import Document
from tests.documents.factories import DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(working_group, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return [
            DocumentFactory(
                meeting__working_group=working_group,
                title=title,
                number=number,
                status=Document.Status.PUBLISHED,
                access=Document.Access.PUBLIC,
            )
            for number, title in enumerate(["Rural fibre", "Spectrum", "Satellites"], start=1)
        ]


def titles_found(people, text: str) -> set[str]:
    return {hit.title for hit in search(user=people["public"], text=text).hits}


def test_a_matching_index_has_no_drift(documents):
    assert check_index() == []


def test_drift_is_found_repaired_and_reported(documents, people):
    fibre, spectrum, _satellites = documents
    backend = get_backend()
    backend.delete("document", [fibre.pk])  # an entry lost
    Document.objects.filter(pk=spectrum.pk).update(title="Spectrum for schools")  # no signal
    ghost = SOURCES["document"].to_entry(SOURCES["document"].queryset().get(pk=spectrum.pk))
    backend.index([IndexEntry(**{**ghost.__dict__, "object_id": 999_999})])  # a deleted row

    (drift,) = check_index(repair=False)
    assert (drift.kind, drift.missing, drift.stale, drift.extra) == (
        "document",
        [fibre.pk],
        [spectrum.pk],
        [999_999],
    )
    out = io.StringIO()
    with pytest.raises(CommandError, match="differ"):
        call_command("check_search_index", "--dry-run", stdout=out)
    assert "missing" in out.getvalue()

    out = io.StringIO()
    call_command("check_search_index", stdout=out)
    assert f"repaired: {backend.name} document: 1 missing [{fibre.pk}]" in out.getvalue()
    assert check_index() == []
    assert "Rural fibre" in titles_found(people, "fibre")
    assert "Spectrum for schools" in titles_found(people, "schools")
    assert 999_999 not in backend.versions("document")
