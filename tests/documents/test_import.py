"""manage.py import_documents on the real Arabic corpus and the public test files."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from documents.models import Document
from tests.services import missing

pytestmark = pytest.mark.django_db
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture
def corpus():
    folder = SHARED / "corpus"
    if not folder.is_dir():
        missing(f"{folder} is missing")
    return folder


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_documents", *args, stdout=out, verbosity=0)
    return out.getvalue()


def test_the_corpus_is_imported_registered_published_and_read(
    corpus, meeting, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        output = run(str(corpus), "--meeting", "44", "--access", "public", "--publish")
    assert "imported 5, skipped 0 (already imported), refused 0" in output
    documents = Document.objects.filter(meeting=meeting).order_by("number")
    assert [d.symbol for d in documents] == [f"CWG-WSIS&SDG-44/{n}" for n in range(1, 6)]
    assert {d.status for d in documents} == {"published"}
    texts = [d.files.get().text for d in documents]
    assert all(texts)
    assert any("فريق العمل" in text for text in texts)


def test_importing_twice_does_nothing_the_second_time(corpus, meeting, people):
    run(str(corpus), "--meeting", "44")
    output = run(str(corpus), "--meeting", "44")
    assert "imported 0, skipped 5 (already imported), refused 0" in output
    assert Document.objects.count() == 5


def test_refused_files_are_reported_with_their_reason(meeting, people):
    encrypted = SHARED / "testdata" / "pdf" / "libreoffice-writer-password.pdf"
    if not encrypted.exists():
        missing(f"{encrypted} is missing")
    output = run(str(encrypted), "--meeting", "44", "--kind", "information")
    assert "refused   libreoffice-writer-password.pdf: This PDF is protected" in output
    assert Document.objects.count() == 0


def test_information_documents_go_to_the_inf_series(corpus, meeting, people):
    run(str(corpus / "000_2c06bbe163f704c8.txt"), "--meeting", "44", "--kind", "information")
    assert Document.objects.get().symbol == "CWG-WSIS&SDG-44/INF/1"


def test_a_missing_meeting_or_user_is_a_clear_error(corpus, working_group, meeting):
    with pytest.raises(CommandError, match="no meeting 99"):
        run(str(corpus), "--meeting", "99")
    with pytest.raises(CommandError, match="No secretariat user"):
        run(str(corpus), "--meeting", "44")
