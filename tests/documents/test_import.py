"""manage.py import_documents on the real Arabic corpus and the public test files."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from documents.models import Document, DocumentFile
from tests.meetings.factories import AgendaItemFactory, MeetingFactory
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
    assert "imported 5 (ar 5), skipped 0 (already imported), refused 0" in output
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


ENGLISH = (
    "The working group reviewed the progress made on the action lines since its last meeting "
    "and asked the secretariat to prepare a short report on the inputs it received."
)
FRENCH = (
    "Le groupe de travail a examiné les progrès accomplis depuis sa dernière réunion et a prié "
    "le secrétariat de préparer un bref rapport sur les contributions reçues."
)


@pytest.fixture
def three_languages(corpus, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a_english.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "b_french.txt").write_text(FRENCH, encoding="utf-8")
    arabic = (corpus / "000_2c06bbe163f704c8.txt").read_text(encoding="utf-8")
    (folder / "c_arabic.txt").write_text(arabic, encoding="utf-8")
    return folder


def test_each_file_is_labelled_with_the_language_of_its_text(three_languages, meeting, people):
    output = run(str(three_languages), "--meeting", "44")
    assert "imported 3 (ar 1, en 1, fr 1)" in output
    languages = {f.original_name: f.language for f in DocumentFile.objects.all()}
    assert languages == {"a_english.txt": "en", "b_french.txt": "fr", "c_arabic.txt": "ar"}


def test_a_file_in_two_scripts_is_refused_by_name(corpus, meeting, people, tmp_path):
    arabic = (corpus / "000_2c06bbe163f704c8.txt").read_text(encoding="utf-8")[:800]
    mixed = tmp_path / "both.txt"
    mixed.write_text(arabic + "\n" + ENGLISH * 3, encoding="utf-8")
    output = run(str(mixed), "--meeting", "44")
    assert "refused   both.txt: its language cannot be told" in output
    assert "--language" in output
    assert Document.objects.count() == 0
    output = run(str(mixed), "--meeting", "44", "--language", "ar")
    assert "imported 1 (ar 1)" in output


@pytest.fixture
def past_meeting(working_group):
    meeting = MeetingFactory(
        working_group=working_group,
        number=43,
        start_date=dt.date(2025, 9, 9),
        end_date=dt.date(2025, 9, 10),
    )
    AgendaItemFactory(meeting=meeting, number="3", title="WSIS+20 review")
    return meeting


def test_old_documents_received_on_time_are_not_late(three_languages, past_meeting, people):
    run(str(three_languages / "a_english.txt"), "--meeting", "43", "--received", "2025-08-20")
    on_time = Document.objects.get()
    assert on_time.is_late is False
    assert on_time.submitted_at.date() == dt.date(2025, 8, 20)
    run(str(three_languages / "b_french.txt"), "--meeting", "43")
    undated = Document.objects.exclude(pk=on_time.pk).get()
    assert undated.submitted_at.date() == dt.date.today()  # received now, as far as anyone knows
    assert undated.is_late is False  # the secretariat's own documents have no deadline


def test_imported_files_answer_the_agenda_item_given(three_languages, past_meeting, people):
    item = past_meeting.agenda_items.order_by("order").first()
    run(str(three_languages), "--meeting", "43", "--agenda-item", item.number)
    assert {d.agenda_items.get() for d in Document.objects.all()} == {item}
    with pytest.raises(CommandError, match="no agenda item 'Z9'"):
        run(str(three_languages), "--meeting", "43", "--agenda-item", "Z9")


def test_a_dry_run_lists_symbols_and_languages_and_changes_nothing(
    three_languages, meeting, people
):
    output = run(str(three_languages), "--meeting", "44", "--dry-run")
    assert "would     a_english.txt: CWG-WSIS&SDG-44/1 (en)" in output
    assert "would     c_arabic.txt: CWG-WSIS&SDG-44/3 (ar)" in output
    assert "would import 3 (ar 1, en 1, fr 1)" in output
    assert Document.objects.count() == 0
